# 中文输入法的全角括号 (full-width parenthesis).
import sys


def helper(value):
    """Valid code before the error: nothing runs if the file fails to compile."""
    return value * 2


print("never printed:", helper(21))
print("开始")
print（"你好"）
