# Python subclasses of io.StringIO and io.BytesIO: methods, iteration, type identity.
import io
class X(io.StringIO):
    def shout(self):
        return self.getvalue().upper()
b = X()
b.write("hello\nworld\n")
b.seek(0)
for line in b:
    print(line)
print(b.shout(), type(b).__name__, isinstance(b, io.StringIO))
class B(io.BytesIO):
    pass
c = B(b"abc")
print(c.read(), type(c) is B)
