# Writing to stderr: only the last stderr line is compared.
import sys
print("to stdout")
print("to stderr", file=sys.stderr)
sys.stderr.write("written to stderr\n")
print("more stdout", file=sys.stdout)
sys.stderr.flush()
print("error line 1", "with sep", sep=" | ", file=sys.stderr)
n = sys.stderr.write("partial ")
print("stderr write returned", n)
print("final stderr line", file=sys.stderr)
print("stdout end")
