# 这是一个注释：协程函数的调用步骤
# Mixed comment 中英文混合 🌰
def add(a, b):  # 注释：返回两数之和
    """文档字符串：返回两数之和。"""
    return a + b
result = add(1, 2)
print(result)
print(add.__doc__)
names = ["张三", "李四", "王五"]
for name in names:
    print(f"你好，{name}！")
print(len("事件循环"), "事件循环"[1:3])
# 注释中的引号 " 和 ' 不影响代码
print("结束")  # 行尾注释
