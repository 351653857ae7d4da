def empty():
    pass
print(empty())
class Empty:
    pass
print(Empty.__name__)
for i in range(3):
    pass
print(i)
if True:
    pass
else:
    pass
try:
    pass
except Exception:
    pass
finally:
    pass
def docstring_only():
    """Only a docstring."""
print(docstring_only(), docstring_only.__doc__)
def ellipsis_body():
    ...
print(ellipsis_body(), ...)
