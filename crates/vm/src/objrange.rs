//! The `range` type.

use crate::value::{Obj, PyObject};

/// Number of items in a range object.
pub fn range_len(o: &Obj) -> usize {
    if let PyObject::Range { start, stop, step } = &**o {
        let (start, stop, step) = (*start as i128, *stop as i128, *step as i128);
        let n = if step > 0 {
            (stop - start + step - 1) / step
        } else {
            (start - stop - step - 1) / (-step)
        };
        if n > 0 {
            n as usize
        } else {
            0
        }
    } else {
        0
    }
}

/// Add range's and slice's methods to their types.
pub(crate) fn init(_vm: &mut crate::vm::Vm) {}
