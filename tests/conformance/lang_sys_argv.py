# sys.argv[0] is the script path exactly as given on the command line
# (the conformance convention: relative to the repository root).
import sys
print(len(sys.argv))
print(sys.argv[0])
print(sys.argv[0].endswith("lang_sys_argv.py"))
print(type(sys.argv).__name__)
print(sys.argv[1:])
name = sys.argv[0].split("/")[-1]
print(name, name[:-3])
