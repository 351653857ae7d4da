//! The `_thread` module: `start_new_thread`, locks, `get_ident`, `stack_size`, `exit`.
//!
//! Threads are green threads run by the VM's scheduler (`thread.rs`), so they work the same on
//! every port, the browser included. A blocking `acquire` suspends the calling thread until the
//! lock is free; where the caller cannot be suspended (inside a native's callback) and no other
//! thread could release the lock, it raises instead of hanging.

use alloc::boxed::Box;
use alloc::vec;
use core::cell::RefCell;

use crate::exceptions::ExcKind;
use crate::modbuiltins::{check_args, kwarg};
use crate::modstruct::{module_fns, module_set};
use crate::types;
use crate::value::{Layout, NativeObj, Obj, PyObject, Str, Value};
use crate::vm::Vm;
use crate::PyResult;

/// The data of a lock object.
struct Lock {
    locked: bool,
}

/// Where the VM keeps the lock class.
const LOCK_CLASS: &str = " _thread.lock";

/// Take `lock` if it is free (true), as the scheduler does for a thread waiting on it.
pub(crate) fn lock_try_acquire(lock: &Obj) -> bool {
    let PyObject::Native(n) = &**lock else {
        return false;
    };
    let mut d = n.data.borrow_mut();
    match d.downcast_mut::<Lock>() {
        Some(l) if !l.locked => {
            l.locked = true;
            true
        }
        _ => false,
    }
}

/// True when `lock` is not held.
pub(crate) fn lock_is_free(lock: &Obj) -> bool {
    !is_locked(lock)
}

fn new_lock(vm: &mut Vm, cls: Obj) -> Value {
    vm.set_state_object(LOCK_CLASS, cls.clone());
    Value::Obj(vm.alloc(PyObject::Native(NativeObj {
        class: cls,
        data: RefCell::new(Box::new(Lock { locked: false })),
    })))
}

/// The lock object behind `self`, or TypeError.
fn this(vm: &mut Vm, args: &[Value]) -> PyResult<Obj> {
    if let Some(Value::Obj(o)) = args.first() {
        if let PyObject::Native(n) = &**o {
            if n.data.borrow().is::<Lock>() {
                return Ok(o.clone());
            }
        }
    }
    Err(vm.type_error("descriptor requires a 'lock' object"))
}

fn is_locked(o: &Obj) -> bool {
    match &**o {
        PyObject::Native(n) => n
            .data
            .borrow()
            .downcast_ref::<Lock>()
            .is_some_and(|l| l.locked),
        _ => false,
    }
}

fn set_locked(o: &Obj, v: bool) {
    if let PyObject::Native(n) = &**o {
        if let Some(l) = n.data.borrow_mut().downcast_mut::<Lock>() {
            l.locked = v;
        }
    }
}

fn lock_new(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let Some(Value::Obj(cls)) = args.first() else {
        return Err(vm.type_error("lock.__new__(X): X is not a type object"));
    };
    Ok(new_lock(vm, cls.clone()))
}

/// `acquire(blocking=True, timeout=-1)`.
fn acquire(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "acquire", args, 1, 3)?;
    let me = this(vm, args)?;
    let blocking = match args.get(1).or_else(|| kwarg(kw, "blocking")) {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let timeout = match args.get(2).or_else(|| kwarg(kw, "timeout")) {
        Some(v) => crate::number::to_f64(vm, v)?,
        None => -1.0,
    };
    if !blocking && timeout != -1.0 {
        return Err(vm.value_error("can't specify a timeout for a non-blocking call"));
    }
    if timeout < 0.0 && timeout != -1.0 {
        return Err(vm.value_error("timeout value must be positive"));
    }
    if lock_try_acquire(&me) {
        return Ok(Value::Bool(true));
    }
    if !blocking {
        return Ok(Value::Bool(false));
    }
    let wait_us = (timeout >= 0.0).then_some((timeout * 1e6) as u64);
    if vm.can_suspend() && vm.threads_waiting() {
        let deadline = wait_us.map(|us| vm.port.ticks_us().saturating_add(us));
        return Err(vm.thread_block_on(me, deadline));
    }
    match wait_us {
        Some(us) => {
            // Nobody can release it while we wait here: wait out the timeout.
            vm.port.sleep_us(us);
            vm.check_interrupt()?;
            Ok(Value::Bool(lock_try_acquire(&me)))
        }
        None => Err(vm.err(
            ExcKind::RuntimeError,
            "deadlock: the lock is held and no other thread can release it here",
        )),
    }
}

fn release(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "release", args, 1, 1)?;
    let me = this(vm, args)?;
    if !is_locked(&me) {
        return Err(vm.err(ExcKind::RuntimeError, "release unlocked lock"));
    }
    set_locked(&me, false);
    Ok(Value::None)
}

fn locked(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "locked", args, 1, 1)?;
    let me = this(vm, args)?;
    Ok(Value::Bool(is_locked(&me)))
}

fn exit_(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "__exit__", args, 1, 4)?;
    release(vm, &args[..1], &[])
}

fn lock_repr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let me = this(vm, args)?;
    let state = if is_locked(&me) { "locked" } else { "unlocked" };
    Ok(Value::string(alloc::format!(
        "<{} _thread.lock object at 0x{:x}>",
        state,
        alloc::rc::Rc::as_ptr(&me) as *const u8 as usize
    )))
}

fn allocate_lock(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "allocate_lock", args, 0, 0)?;
    let Some(cls) = vm.state_object(LOCK_CLASS) else {
        return Err(vm.err(ExcKind::RuntimeError, "_thread is not initialised"));
    };
    Ok(new_lock(vm, cls))
}

/// `start_new_thread(function, args[, kwargs])`.
fn start_new_thread(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "start_new_thread", args, 2, 3)?;
    let callable = crate::modbuiltins::builtin_callable(vm, &args[0]);
    if !callable {
        return Err(vm.type_error("first arg must be callable"));
    }
    let is_tuple = matches!(&args[1], Value::Obj(o) if matches!(&**o, PyObject::Tuple(_)));
    if !is_tuple {
        return Err(vm.type_error("2nd arg must be a tuple"));
    }
    let kwargs = match args.get(2) {
        None | Some(Value::None) => Value::None,
        Some(v @ Value::Obj(o)) if crate::attr::dict_of(o).is_some() => v.clone(),
        Some(_) => return Err(vm.type_error("optional 3rd arg must be a dictionary")),
    };
    let id = vm.thread_spawn(args[0].clone(), args[1].clone(), kwargs)?;
    Ok(Value::Int(id))
}

fn get_ident(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "get_ident", args, 0, 0)?;
    Ok(Value::Int(vm.thread_ident()))
}

/// The `_thread.stack_size()` setting.
#[derive(Default)]
struct StackSize(i64);

/// `stack_size([size])`: set the stack size of threads started later (0, the default, when no
/// size is given) and return the previous setting. Threads here run on the VM's own frame
/// stack and need no native stack, so the value is only kept for programs that read it back.
fn stack_size(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "stack_size", args, 0, 1)?;
    let new = match args.first() {
        Some(v) => vm.to_index(v)?,
        None => 0,
    };
    if new < 0 {
        return Err(vm.value_error("size must be 0 or a positive value"));
    }
    let o = crate::vfs::hidden_state::<StackSize>(vm, " _thread.stack_size");
    let PyObject::Native(n) = &*o else {
        return Ok(Value::Int(0));
    };
    let mut d = n.data.borrow_mut();
    let old = match d.downcast_mut::<StackSize>() {
        Some(s) => core::mem::replace(&mut s.0, new),
        None => 0,
    };
    Ok(Value::Int(old))
}

fn exit(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "exit", args, 0, 0)?;
    Err(vm.err_args(ExcKind::SystemExit, vec![]))
}

/// Build the `_thread` module.
pub fn init_module(vm: &mut Vm) -> PyResult<Obj> {
    let m = vm.new_module("_thread");
    let cls = types::new_type("lock", vec![vm.types.object.clone()], Layout::Other, false);
    types::add_static_methods(&cls, &[("__new__", lock_new)]);
    types::add_methods(
        &cls,
        &[
            ("acquire", acquire),
            ("acquire_lock", acquire),
            ("release", release),
            ("release_lock", release),
            ("locked", locked),
            ("locked_lock", locked),
            ("__enter__", acquire),
            ("__exit__", exit_),
            ("__repr__", lock_repr),
        ],
    );
    types::set_attr(&cls, "__module__", Value::str("_thread"));
    vm.set_state_object(LOCK_CLASS, cls.clone());
    module_set(&m, "LockType", Value::Obj(cls));
    let err = vm.exc_type(ExcKind::RuntimeError);
    module_set(&m, "error", Value::Obj(err));
    module_set(&m, "TIMEOUT_MAX", Value::Float(4294967.0));
    module_fns(
        &m,
        &[
            ("start_new_thread", start_new_thread),
            ("allocate_lock", allocate_lock),
            ("get_ident", get_ident),
            ("stack_size", stack_size),
            ("exit", exit),
        ],
    );
    Ok(m)
}
