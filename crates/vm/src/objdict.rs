//! The `dict` type: its methods and constructor.

use crate::vm::Vm;

/// Add dict's methods to its type.
pub(crate) fn init(_vm: &mut Vm) {}
