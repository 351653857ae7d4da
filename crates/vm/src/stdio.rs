//! `sys.stdin`, `sys.stdout` and `sys.stderr`: the standard streams as text streams, each with a
//! binary `.buffer` as in CPython and MicroPython. Reading takes raw bytes from the port's console
//! (`Port::read_stdin`) or, on ports that only have line input, whole lines (`Port::read_line`);
//! bytes read but not yet consumed are kept, shared by `sys.stdin` and `sys.stdin.buffer`.

use alloc::boxed::Box;
use alloc::format;
use alloc::rc::Rc;
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::RefCell;

use crate::exceptions::ExcKind;
use crate::modio::size_arg;
use crate::types;
use crate::value::{Layout, NativeObj, Obj, PyObject, Str, Value};
use crate::vm::Vm;
use crate::PyResult;

/// A standard stream object's data.
pub struct StdStream {
    /// 0, 1 or 2.
    pub fd: i32,
    /// True for the `.buffer` objects (bytes in and out).
    binary: bool,
    /// Input read from the port but not consumed yet (stdin and stdin.buffer share it).
    pending: Rc<RefCell<Vec<u8>>>,
    /// The binary stream under a text stream.
    buffer: Option<Value>,
}

/// The data of a standard stream object, if `v` is one.
fn stream_of(v: &Value) -> Option<(i32, bool, Rc<RefCell<Vec<u8>>>, Option<Value>)> {
    if let Value::Obj(o) = v {
        if let PyObject::Native(n) = &**o {
            return n
                .data
                .borrow()
                .downcast_ref::<StdStream>()
                .map(|s| (s.fd, s.binary, s.pending.clone(), s.buffer.clone()));
        }
    }
    None
}

/// Is `v` the text stream sys.stdout (fd 1) or sys.stderr (fd 2)? (`print` writes to those
/// directly.)
pub fn is_std_stream(v: &Value, fd: i32) -> bool {
    matches!(stream_of(v), Some((f, false, _, _)) if f == fd)
}

fn this(vm: &mut Vm, args: &[Value]) -> PyResult<(i32, bool, Rc<RefCell<Vec<u8>>>)> {
    match args.first().and_then(stream_of) {
        Some((fd, binary, pending, _)) => Ok((fd, binary, pending)),
        None => Err(vm.type_error("descriptor requires a standard stream")),
    }
}

/// Read more input into `pending`; false at end of input.
fn fill(vm: &mut Vm, pending: &RefCell<Vec<u8>>) -> bool {
    vm.port.flush();
    let mut buf = [0u8; 256];
    match vm.port.read_stdin(&mut buf) {
        Some(0) => false,
        Some(n) => {
            pending
                .borrow_mut()
                .extend_from_slice(&buf[..n.min(buf.len())]);
            true
        }
        None => match vm.port.read_line() {
            Some(line) => {
                let mut p = pending.borrow_mut();
                p.extend_from_slice(line.as_bytes());
                p.push(b'\n');
                true
            }
            None => false,
        },
    }
}

/// How many bytes of `data` hold its first `n` whole UTF-8 characters, or None if it has fewer.
fn char_prefix(data: &[u8], n: usize) -> Option<usize> {
    let mut chars = 0;
    let mut i = 0;
    while chars < n {
        let b = *data.get(i)?;
        let len = match b {
            0..=0x7f => 1,
            0xc0..=0xdf => 2,
            0xe0..=0xef => 3,
            0xf0..=0xf7 => 4,
            _ => 1,
        };
        if i + len > data.len() {
            return None;
        }
        i += len;
        chars += 1;
    }
    Some(i)
}

/// Take the first `n` bytes of `pending`.
fn take(pending: &RefCell<Vec<u8>>, n: usize) -> Vec<u8> {
    let mut p = pending.borrow_mut();
    let n = n.min(p.len());
    p.drain(..n).collect()
}

fn result(binary: bool, data: Vec<u8>) -> Value {
    if binary {
        Value::bytes_vec(data)
    } else {
        match String::from_utf8(data) {
            Ok(s) => Value::string(s),
            Err(e) => Value::string(String::from_utf8_lossy(e.as_bytes()).into_owned()),
        }
    }
}

/// `read([size])`: size characters (text) or bytes (binary), or everything up to end of input.
fn s_read(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (_, binary, pending) = this(vm, args)?;
    let want = size_arg(vm, args.get(1))?;
    let n = loop {
        let have = {
            let p = pending.borrow();
            match want {
                None => None,
                Some(w) if binary => (p.len() >= w).then_some(w),
                Some(w) => char_prefix(&p, w),
            }
        };
        if let Some(n) = have {
            break n;
        }
        if !fill(vm, &pending) {
            break pending.borrow().len();
        }
    };
    let data = take(&pending, n);
    Ok(result(binary, data))
}

/// `readline([size])`: up to and including the next newline.
fn s_readline(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (_, binary, pending) = this(vm, args)?;
    let limit = size_arg(vm, args.get(1))?;
    let n = loop {
        let found = {
            let p = pending.borrow();
            let nl = p.iter().position(|&b| b == b'\n').map(|i| i + 1);
            match (nl, limit) {
                (_, Some(l)) if p.len() >= l => Some(nl.map_or(l, |i| i.min(l))),
                (Some(i), _) => Some(i),
                _ => None,
            }
        };
        if let Some(n) = found {
            break n;
        }
        if !fill(vm, &pending) {
            break pending.borrow().len();
        }
    };
    let data = take(&pending, n);
    Ok(result(binary, data))
}

/// `readlines()`: every remaining line.
fn s_readlines(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let mut lines = Vec::new();
    loop {
        let line = s_readline(vm, &args[..1], &[])?;
        if !vm.truthy(&line)? {
            break;
        }
        lines.push(line);
    }
    Ok(vm.new_list(lines))
}

/// `readinto(buf[, nbytes])`: fill a writable buffer, blocking until it is full or input ends;
/// returns the number of bytes stored.
fn s_readinto(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (_, _, pending) = this(vm, args)?;
    let Some((target, start, len)) = args.get(1).and_then(crate::objmemoryview::writable_bytes)
    else {
        return Err(vm.type_error("readinto() argument must be read-write bytes-like object"));
    };
    let want = match size_arg(vm, args.get(2))? {
        Some(n) => n.min(len),
        None => len,
    };
    while pending.borrow().len() < want {
        if !fill(vm, &pending) {
            break;
        }
    }
    let data = take(&pending, want);
    if let PyObject::ByteArray(b) = &*target {
        if let Some(dst) = b.borrow_mut().get_mut(start..start + data.len()) {
            dst.copy_from_slice(&data);
        }
    }
    Ok(Value::Int(data.len() as i64))
}

/// `write(data)`: str on text streams (bytes are accepted too, as MicroPython does), any
/// bytes-like object on binary ones; returns the number written.
fn s_write(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (fd, binary, _) = this(vm, args)?;
    let Some(data) = args.get(1).filter(|_| args.len() == 2) else {
        return Err(vm.type_error("write() takes exactly one argument"));
    };
    if fd == 0 {
        return Err(vm.err(ExcKind::OSError, "not writable"));
    }
    if let (Value::Str(s), false) = (data, binary) {
        if fd == 2 {
            vm.write_stderr(s.as_str());
        } else {
            vm.write_stdout(s.as_str());
        }
        return Ok(Value::Int(s.char_len() as i64));
    }
    let Some(bytes) = crate::modstruct::buffer_of(data) else {
        let tn = vm.type_name(data);
        let want = if binary { "a bytes-like object" } else { "str" };
        return Err(vm.type_error(format!("write() argument must be {}, not {}", want, tn)));
    };
    match (fd, binary) {
        (2, _) => vm.port.write_stderr(&bytes),
        (_, true) => vm.port.write_stdout_raw(&bytes),
        _ => vm.port.write_stdout(&bytes),
    }
    Ok(Value::Int(bytes.len() as i64))
}

fn s_flush(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    vm.port.flush();
    Ok(Value::None)
}

fn s_fileno(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (fd, _, _) = this(vm, args)?;
    Ok(Value::Int(fd as i64))
}

fn s_iter(_vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    Ok(args[0].clone())
}

/// Iterating a stream yields its lines.
fn s_next(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let line = s_readline(vm, &args[..1], &[])?;
    if vm.truthy(&line)? {
        Ok(line)
    } else {
        Err(vm.err_args(ExcKind::StopIteration, Vec::new()))
    }
}

fn s_getattr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let name = args.get(1).and_then(|n| n.as_str().map(String::from));
    if let (Some("buffer"), Some((_, _, _, Some(b)))) =
        (name.as_deref(), args.first().and_then(stream_of))
    {
        return Ok(b);
    }
    let tn = vm.type_name(&args[0]);
    Err(vm.attribute_error(format!(
        "'{}' object has no attribute '{}'",
        tn,
        name.unwrap_or_default()
    )))
}

fn stream_class(name: &str, vm: &Vm) -> Obj {
    let cls = types::new_type(
        name,
        alloc::vec![vm.types.object.clone()],
        Layout::Other,
        false,
    );
    types::add_methods(
        &cls,
        &[
            ("read", s_read),
            ("readline", s_readline),
            ("readlines", s_readlines),
            ("readinto", s_readinto),
            ("write", s_write),
            ("flush", s_flush),
            ("fileno", s_fileno),
            ("__iter__", s_iter),
            ("__next__", s_next),
            ("__getattr__", s_getattr),
        ],
    );
    cls
}

/// Make `(stdin, stdout, stderr)`.
pub fn make_streams(vm: &mut Vm) -> (Value, Value, Value) {
    let text_cls = stream_class("TextIOWrapper", vm);
    let bin_cls = stream_class("FileIO", vm);
    let pending = Rc::new(RefCell::new(Vec::new()));
    let mk = |vm: &mut Vm, fd: i32| {
        let raw = Value::Obj(vm.alloc(PyObject::Native(NativeObj {
            class: bin_cls.clone(),
            data: RefCell::new(Box::new(StdStream {
                fd,
                binary: true,
                pending: pending.clone(),
                buffer: None,
            })),
        })));
        Value::Obj(vm.alloc(PyObject::Native(NativeObj {
            class: text_cls.clone(),
            data: RefCell::new(Box::new(StdStream {
                fd,
                binary: false,
                pending: pending.clone(),
                buffer: Some(raw),
            })),
        })))
    };
    let stdin = mk(vm, 0);
    let stdout = mk(vm, 1);
    let stderr = mk(vm, 2);
    (stdin, stdout, stderr)
}
