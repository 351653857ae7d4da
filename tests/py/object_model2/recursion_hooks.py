class R:
    def __getattribute__(self, n):
        return self.x
try:
    R().y
except RecursionError as e:
    print("RecursionError")
class S:
    __slots__ = ("a",)
    def __getattr__(self, n):
        return self.b
try:
    S().a
except RecursionError:
    print("RecursionError 2")
