e = ValueError('msg')
e.extra = 'custom attribute'
print(e.extra, e.__class__.__name__, isinstance(e, Exception))
try:
    raise e
except ValueError as caught:
    print(caught is e, caught.extra)
print(e.__cause__, e.__context__, e.__suppress_context__)
e2 = TypeError('t')
e2.__cause__ = e
print(repr(e2.__cause__), e2.__suppress_context__)
ex = RuntimeError('r').with_traceback(None)
print(repr(ex))
