# A missing dictionary key.
inventory = {"apple": 3, "pear": 0}
for fruit in ["apple", "pear"]:
    print(fruit, inventory[fruit])
print(inventory.get("banana", "no bananas"))
if "banana" not in inventory:
    print("banana missing")
print("banana", inventory["banana"])
print("not reached")
inventory["banana"] = 1
