# KeyError with a tuple key: the traceback's last line shows the tuple.
grid = {(0, 0): "origin", (0, 1): "north"}
print(grid[0, 0])
print(grid[(0, 1)])
for pos in [(0, 0), (0, 1)]:
    print(pos, grid.get(pos))
try:
    grid[5, 5]
except KeyError as e:
    print("caught", e)
print(grid[1, 2])
