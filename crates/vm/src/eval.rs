//! The dispatch loop.

use crate::value::Obj;
use crate::vm::Vm;
use crate::PyResult;
use crate::Value;

/// How a generator resumption ended.
pub enum GenOutcome {
    /// It yielded a value.
    Yielded(Value),
    /// It returned (StopIteration) with a value.
    Returned(Value),
}

impl Vm {
    /// Resume a generator with a value to send, or an exception to throw into it.
    pub fn gen_resume(
        &mut self,
        _gen: &Obj,
        _send: Value,
        _throw: Option<Value>,
    ) -> PyResult<GenOutcome> {
        todo!()
    }
}
