counter = 0
def bump():
    global counter
    counter += 1
    return counter
bump()
bump()
print(counter)
def create():
    global created
    created = "made inside function"
create()
print(created)
def shadow():
    counter = 100
    return counter
print(shadow(), counter)
def read_only():
    return counter * 2
print(read_only())
config = {"debug": False}
def toggle():
    config["debug"] = not config["debug"]
toggle()
print(config)
items = []
def add(x):
    items.append(x)
add(1)
add(2)
print(items)
