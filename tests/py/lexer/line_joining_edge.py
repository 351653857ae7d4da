x = [
    1, 2,
    3,
]
y = {
    'a': 1,
}
z = (
    1
)
print(x, y, z, type(z).__name__)
def f(
    a,
    b=(
        1,
        2,
    ),
):
    return a, b
print(f(
    0,
))
s = ('a'
     # comment between strings
     'b')
print(s)
total = 1 + \
        2 \
        + 3
print(total)
