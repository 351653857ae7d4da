s = """line1
line2
  indented"""
print(s)
print(repr(s))
t = '''it's "quoted" '' inside'''
print(t)
u = """ends with quote\""""
print(u)
v = """
"""
print(repr(v))
w = b"""bytes
triple"""
print(w)
print(len("""a
b"""))
x = r"""raw \n triple"""
print(x)
print("""a""" """b""")
