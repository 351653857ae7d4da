# a comment at the top
x = 1  # trailing comment
# comment with 'quotes' and "more" and \ backslash
print(x)  # print it
s = "# not a comment"
print(s)
t = '''
# inside triple quotes
'''
print(repr(t))
def f():
    # comment in body
    return 2
    # unreachable comment
print(f())
l = [1,  # one
     2,  # two
     # standalone
     3]
print(l)
    # indented comment at odd level is fine
print('end')
