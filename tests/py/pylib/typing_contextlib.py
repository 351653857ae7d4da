from typing import Any, Optional, Union, List, Dict, Tuple, Callable, TypeVar, Generic, Protocol, TYPE_CHECKING, cast, overload, final, Literal, ClassVar, Iterator, NamedTuple
T = TypeVar('T')
def f(x: Optional[int], y: List[Dict[str, Any]] = None) -> Union[int, str]:
    return x
class Box(Generic[T]):
    def __init__(self, v: T): self.v = v
class P(Protocol):
    def m(self) -> int: ...
print(f(3), Box(1).v, TYPE_CHECKING, cast(int, '3'), T)
print(List[int], Optional, Dict[str, int])
Pt = NamedTuple('Pt', [('x', int), ('y', int)])
p = Pt(1, y=2)
print(p, p.x, p[1], p._asdict(), tuple(p))
import contextlib
@contextlib.contextmanager
def cm(name):
    print('enter', name)
    try:
        yield name.upper()
    finally:
        print('exit', name)
with cm('a') as v:
    print('body', v)
try:
    with cm('b'):
        raise KeyError('k')
except KeyError as e:
    print('caught', e)
@contextlib.contextmanager
def swallow():
    try:
        yield
    except ValueError:
        print('swallowed')
with swallow():
    raise ValueError
with contextlib.suppress(ZeroDivisionError):
    1/0
print('after suppress')
class R:
    def close(self): print('closed')
with contextlib.closing(R()) as r: pass
with contextlib.nullcontext(5) as n: print(n)
with contextlib.ExitStack() as st:
    st.callback(print, 'cb1')
    st.enter_context(cm('c'))
    st.callback(print, 'cb2')
    print('in stack')
@cm('deco')
def g(): print('in g')
g()
