def resource():
    print("open")
    try:
        yield "r1"
        yield "r2"
    finally:
        print("close")
for r in resource():
    print("use", r)
print("---")
g = resource()
print(next(g))
g.close()
print("after explicit close")
print("---")
for r in resource():
    print("use", r)
    break
print("after break")
print("---")
def catches_exit():
    try:
        yield 1
    except GeneratorExit:
        print("saw GeneratorExit")
        raise
c = catches_exit()
next(c)
c.close()
print("done")
