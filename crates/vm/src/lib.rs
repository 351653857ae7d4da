//! ferropy-vm: the Ferropy virtual machine (skeleton, filled in by the following commits).
#![no_std]
extern crate alloc;
