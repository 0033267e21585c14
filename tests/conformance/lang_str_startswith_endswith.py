name = "report_2024.csv"
print(name.startswith("report"), name.startswith("Report"))
print(name.endswith(".csv"), name.endswith((".txt", ".csv")))
print(name.startswith(("a", "b", "r")))
print(name.startswith("2024", 7), name.endswith("report", 0, 6))
print("".startswith(""), "abc".endswith(""))
for f in ["main.py", "data.json", "notes.txt", "script.PY"]:
    if f.endswith(".py"):
        kind = "python"
    elif f.endswith((".json", ".txt")):
        kind = "data"
    else:
        kind = "unknown"
    print(f, kind)
try:
    name.startswith(["report"])
except TypeError as e:
    print("TypeError:", e)
