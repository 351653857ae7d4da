x = 10
g = (x * i for i in range(3))
x = 20
print(list(g))
funcs = (lambda: i for i in range(3))
print([f() for f in funcs])
data = [[1, 2], [3, 4]]
flat = (v for row in data for v in row)
data.append([5])
print(list(flat))
nums = [1, 2, 3]
gen = (n for n in nums)
nums = [9, 9]
print(list(gen))
