print(isinstance(1, int), isinstance(True, int), isinstance(True, bool), isinstance(1, bool), isinstance(1.0, (int, float)))
print(isinstance('s', str), isinstance(b's', (str, bytes)), isinstance([], (list, tuple)), isinstance(None, type(None)))
print(isinstance(int, type), isinstance(type, object), isinstance(object, type), isinstance(len, object))
print(issubclass(bool, int), issubclass(int, int), issubclass(int, (str, object)), issubclass(list, tuple))
print(isinstance(1, ()), issubclass(int, ()))
for args in [(1, 1), (1, 'int')]:
    try:
        isinstance(*args)
    except TypeError as e:
        print('TypeError')
