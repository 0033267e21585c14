"""Normalisation of the last stderr line, shared by the oracle and the conformance runner.

Two things in CPython's stderr depend on the machine, not on the program's behaviour:
  * paths of the program itself: CPython 3.11 prints the script's absolute path in
    tracebacks and task reprs; programs are run from the repository root, so the root
    prefix is removed (leaving the path as given on the command line, which loopscope shows);
  * locations inside the asyncio library: CPython's `/usr/lib/python3.11/asyncio/tasks.py:519`
    and loopscope's embedded library `<asyncio>:528` name the same callback with different
    files and lines, both implementation details, so both become `<asyncio>`.
  * which pending task is reported last by "Task was destroyed but it is pending!" at exit:
    CPython finalizes such tasks from its cyclic garbage collector, in an order that follows
    the traversal of address-hashed sets (ASYNCIO.md Appendix A, items 1 and 3), while
    loopscope uses creation order; the task's number in a `task: <Task pending name='Task-N'`
    report line is masked (the rest of the line still has to match).
Everything else must match byte for byte.
"""
import os
import re

_LIB_CPYTHON = re.compile(r"(?:/[^\s:<>'\"\[\]]*)?/lib/python3\.\d+/asyncio/\w+\.py:\d+")
_LIB_LOOPSCOPE = re.compile(r"<asyncio>:\d+")
_DESTROYED = re.compile(r"^task: <Task pending name='Task-\d+'")


def normalize_err(line, root=None):
    root = (root or os.getcwd()).rstrip("/") + "/"
    line = line.replace(root, "")
    line = _LIB_CPYTHON.sub("<asyncio>", line)
    line = _LIB_LOOPSCOPE.sub("<asyncio>", line)
    return _DESTROYED.sub("task: <Task pending name='Task-N'", line)

