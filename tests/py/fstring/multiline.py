a, b = 1, 2
s = f"""a={a}
b={b}
sum={a + b}"""
print(s)
t = (f'part1 {a} '
     f'part2 {b} '
     'plain {not formatted}')
print(t)
u = f'''{
a
+
b
}'''
print(u)
print(f"{'x'}"
      f"{'y'}")
