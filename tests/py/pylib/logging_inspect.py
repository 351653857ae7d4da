import logging, inspect, sys
logging.warning('root warn %s', 1)
logging.info('hidden')
log = logging.getLogger('app.sub')
print(log.name, log.getEffectiveLevel(), logging.getLevelName(logging.ERROR), logging.getLevelName('INFO'))
h = logging.StreamHandler(sys.stdout)
h.setFormatter(logging.Formatter('%(levelname)s|%(name)s|%(message)s'))
log.addHandler(h)
log.setLevel(logging.DEBUG)
log.debug('dbg %d', 5)
log.propagate = False
log.error('err %s', 'x')
print(log.isEnabledFor(logging.DEBUG), logging.getLogger('app.sub') is log, logging.getLogger() is logging.root)
def f(a, b=2, *args, c, d=4, **kw): pass
def g(): yield
async def co(): pass
class C:
    def m(self, x): pass
# isgeneratorfunction/iscoroutinefunction and *args/kw-only in signature() need code.co_flags
print(inspect.isfunction(f), inspect.isclass(C), inspect.ismethod(C().m), inspect.isgeneratorfunction(f))
print(inspect.isgenerator(g()), inspect.ismodule(sys), inspect.isbuiltin(len))
c = co(); print(inspect.iscoroutine(c)); c.close()
def h(a, b=2): pass
print(inspect.signature(h), inspect.signature(C().m), list(inspect.signature(h).parameters))
print([n for n, v in inspect.getmembers(C) if not n.startswith('_')])
print(inspect.getdoc(C), inspect.cleandoc('  a\n    b\n  c'))
