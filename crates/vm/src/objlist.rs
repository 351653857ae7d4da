//! The `list` type: its methods and constructor.

use crate::vm::Vm;

/// Add list's methods to its type.
pub(crate) fn init(_vm: &mut Vm) {}
