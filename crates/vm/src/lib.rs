//! ferropy-vm: the Ferropy virtual machine, `no_std` + `alloc`.
//!
//! Source text goes through `lexer` and `parser` to an `ast`, the `compiler` turns that into `code`
//! objects of `opcode` instructions, and the `vm` runs them on stackless `frame`s. Values and heap
//! objects are in `value`; each built-in type has its own `obj*` module and each built-in Python
//! module its own `mod*` module. The platform (console, clock, files) comes in through `port::Port`.
#![no_std]
#![allow(
    clippy::new_without_default,
    clippy::too_many_arguments,
    clippy::type_complexity
)]
extern crate alloc;

pub mod ast;
pub mod attr;
pub mod call;
pub mod code;
pub mod compiler;
pub mod dict;
pub mod embed;
pub mod eval;
pub mod exceptions;
pub mod finalize;
pub mod format;
pub mod frame;
#[cfg(feature = "frozen")]
pub mod frozen;
pub mod gc;
pub mod hash;
pub mod import;
pub mod interner;
pub mod iter;
pub mod lexer;
#[cfg(any(feature = "vfs-lfs1", feature = "vfs-lfs2"))]
pub mod lfsutil;
pub mod modarray;
#[cfg(feature = "binascii")]
pub mod modbinascii;
#[cfg(feature = "btree")]
pub mod modbtree;
pub mod modbuiltins;
#[cfg(feature = "cmath")]
pub mod modcmath;
#[cfg(feature = "collections")]
pub mod modcollections;
#[cfg(feature = "cryptolib")]
pub mod modcryptolib;
#[cfg(feature = "deflate")]
pub mod moddeflate;
pub mod moderrno;
#[cfg(feature = "framebuf")]
pub mod modframebuf;
pub mod modgc;
#[cfg(feature = "hashlib")]
pub mod modhashlib;
#[cfg(feature = "heapq")]
pub mod modheapq;
pub mod modio;
#[cfg(feature = "json")]
pub mod modjson;
#[cfg(feature = "marshal")]
pub mod modmarshal;
pub mod modmath;
pub mod modmicropython;
pub mod modos;
#[cfg(feature = "platform")]
pub mod modplatform;
#[cfg(feature = "random")]
pub mod modrandom;
#[cfg(feature = "re")]
pub mod modre;
pub mod modstruct;
pub mod modsys;
pub mod modthread;
pub mod modtime;
pub mod modvfs;
#[cfg(feature = "mpy")]
pub mod mpy;
pub mod number;
pub mod objbytes;
pub mod objcomplex;
pub mod objdict;
pub mod objexcept;
pub mod objfloat;
pub mod objgen;
pub mod objint;
pub mod objlist;
pub mod objmemoryview;
pub mod objrange;
pub mod objset;
pub mod objstr;
pub mod objtuple;
pub mod opcode;
pub mod ops;
pub mod parser;
pub mod port;
pub mod proto;
pub mod repl;
pub mod repr;
pub mod seqops;
pub mod shape;
pub mod sort;
pub mod stdio;
pub mod symtable;
pub mod thread;
pub mod types;
pub mod value;
pub mod vfs;
#[cfg(feature = "vfs-fat")]
pub mod vfsfat;
#[cfg(feature = "vfs-lfs1")]
pub mod vfslfs1;
#[cfg(feature = "vfs-lfs2")]
pub mod vfslfs2;
#[cfg(feature = "viper")]
pub mod viper;
pub mod vm;

pub use value::Value;
pub use vm::{Vm, VmConfig};

/// A raised Python exception (the exception instance).
#[derive(Clone, Debug)]
pub struct PyErr(pub Value);

/// The result of anything that can raise.
pub type PyResult<T = Value> = Result<T, PyErr>;

/// Give every built-in type its methods and fill the `builtins` module.
pub(crate) fn init_builtin_types(vm: &mut Vm) {
    objint::init(vm);
    objfloat::init(vm);
    objcomplex::init(vm);
    objstr::init(vm);
    objbytes::init(vm);
    objlist::init(vm);
    objtuple::init(vm);
    objdict::init(vm);
    objset::init(vm);
    objrange::init(vm);
    call::init(vm);
    objexcept::init(vm);
    objgen::init(vm);
    iter::init(vm);
    modbuiltins::init(vm);
    // `help()` is a builtin everywhere, as in MicroPython's ports (not only at the REPL).
    repl::install_help(vm);
    objmemoryview::init(vm);
    repr::init(vm);
    // Native modules: add a line per module (`import x` creates it on first use).
    vm.native_modules.push(("math", modmath::init_module));
    vm.native_modules.push(("gc", modgc::init_module));
    vm.native_modules.push(("_thread", modthread::init_module));
    #[cfg(feature = "viper")]
    vm.native_modules.push(("_viper", viper::init_module));
    vm.native_modules.push(("sys", modsys::init_module));
    vm.native_modules.push(("io", modio::init_module));
    vm.native_modules.push(("os", modos::init_module));
    vm.native_modules.push(("vfs", modvfs::init_module));
    vm.native_modules.push(("time", modtime::init_module));
    vm.native_modules
        .push(("micropython", modmicropython::init_module));
    vm.native_modules.push(("errno", moderrno::init_module));
    modio::register_open(vm);
    vm.native_modules.push(("struct", modstruct::init_module));
    vm.native_modules.push(("array", modarray::init_module));
    #[cfg(feature = "binascii")]
    vm.native_modules
        .push(("binascii", modbinascii::init_module));
    #[cfg(feature = "hashlib")]
    vm.native_modules.push(("hashlib", modhashlib::init_module));
    #[cfg(feature = "json")]
    vm.native_modules.push(("json", modjson::init_module));
    #[cfg(feature = "random")]
    vm.native_modules.push(("random", modrandom::init_module));
    #[cfg(feature = "heapq")]
    vm.native_modules.push(("heapq", modheapq::init_module));
    #[cfg(feature = "collections")]
    vm.native_modules
        .push(("_collections", modcollections::init_module));
    #[cfg(feature = "re")]
    vm.native_modules.push(("_re", modre::init_module));
    #[cfg(feature = "cmath")]
    vm.native_modules.push(("cmath", modcmath::init_module));
    #[cfg(feature = "platform")]
    vm.native_modules
        .push(("platform", modplatform::init_module));
    #[cfg(feature = "deflate")]
    vm.native_modules.push(("deflate", moddeflate::init_module));
    #[cfg(feature = "cryptolib")]
    vm.native_modules
        .push(("cryptolib", modcryptolib::init_module));
    #[cfg(feature = "framebuf")]
    vm.native_modules
        .push(("framebuf", modframebuf::init_module));
    #[cfg(feature = "marshal")]
    vm.native_modules.push(("marshal", modmarshal::init_module));
    #[cfg(feature = "btree")]
    vm.native_modules.push(("btree", modbtree::init_module));
    // Frozen Python modules.
    #[cfg(feature = "frozen")]
    vm.frozen_modules.extend_from_slice(frozen::FROZEN);
    if let Ok(sys) = modsys::init_module(vm) {
        let b = vm.builtins_module_obj();
        let modules = vm.modules.clone();
        if let Some(d) = attr::dict_of(&modules) {
            d.borrow_mut().set_str("sys", Value::Obj(sys.clone()));
            d.borrow_mut().set_str("builtins", Value::Obj(b));
        }
        vm.native_loaded.push(("sys", sys));
    }
}
