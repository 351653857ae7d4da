//! The `tuple` type: its methods and constructor.

use crate::vm::Vm;

/// Add tuple's methods to its type.
pub(crate) fn init(_vm: &mut Vm) {}
