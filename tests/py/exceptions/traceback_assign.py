# e.__traceback__ can be cleared with None or replaced by another exception's traceback; anything
# else is a TypeError.
def fail():
    1 / 0


try:
    fail()
except ZeroDivisionError as e:
    err = e
print(err.__traceback__ is not None)
err.__traceback__ = None
print(err.__traceback__)
try:
    err.__traceback__ = 5
except TypeError as e:
    print("TypeError", e)
try:
    fail()
except ZeroDivisionError as e:
    other = e
err.__traceback__ = other.__traceback__
print(err.__traceback__ is other.__traceback__ or err.__traceback__ is not None)
fresh = ValueError("v")
print(fresh.__traceback__)
try:
    raise fresh
except ValueError as e:
    print(e.__traceback__ is not None)
