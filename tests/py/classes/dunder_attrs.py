class Outer:
    """Outer doc."""
    class Inner:
        pass
    def m(self): pass
print(Outer.__name__, Outer.__qualname__, Outer.Inner.__qualname__, Outer.__doc__, Outer.Inner.__doc__)
print(Outer.__module__, Outer.m.__qualname__)
o = Outer()
print(o.__class__ is Outer, o.__class__.__name__, o.__dict__)
o.a = 1
o.b = [2]
print(o.__dict__)
print(sorted(k for k in Outer.__dict__ if not k.startswith('__')))
print(Outer.__bases__ == (object,), object.__bases__)
print(type(o.m).__name__, o.m.__self__ is o, o.m.__func__ is Outer.m)
