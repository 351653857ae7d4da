//! Built-in iterators: list/tuple/str/bytes/dict/range iteration, enumerate, zip, map, filter,
//! reversed and the two-argument `iter()`.

use crate::value::Obj;
use crate::vm::Vm;
use crate::PyResult;
use crate::Value;

/// Advance a built-in iterator object.
pub fn iter_next(_vm: &mut Vm, _o: &Obj) -> PyResult<Option<Value>> {
    todo!()
}
