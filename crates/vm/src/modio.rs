//! The `io` module (`StringIO`, `BytesIO`, `IOBase`, `UnsupportedOperation`, `open`) and the
//! built-in `open()` with its file objects.
//!
//! Every stream is one native [`Stream`]: a byte buffer and a position. In-memory streams keep
//! their whole contents there (`BytesIO(bytes)` uses the bytes object itself until its first
//! change). A file of the Port (the host's files) is loaded whole through the VFS
//! (`vfs::read_file`) when opened for reading, and holds the OS descriptor `fileno()` returns;
//! writes stay in the buffer and reach the file on `flush()`, `close()`, leaving a `with` block,
//! or when more than [`AUTO_FLUSH`] bytes are pending. When only new bytes were added at the end
//! since the last flush, they are appended; otherwise the file is rewritten. A file opened with
//! mode `a` (no `+`) buffers only what is appended.
//!
//! Files on block-device file systems (`VfsFat`, `VfsLfs1`, `VfsLfs2`) and `open(fd)` streams are
//! streamed instead: the buffer is a [`Window`] of about one block of the file, read on demand
//! by offset (`vfs::read_at`, or the descriptor) and written back from the first changed byte
//! (`vfs::write_at`) once [`WRITE_THROUGH`] bytes are pending, on a seek away, on `flush()` and
//! `close()` - so a 1 MB file is read in 512-byte chunks with a few hundred bytes of buffer, a
//! full volume raises ENOSPC from the `write()` that does not fit, and a failing device shows at
//! `read()`/`write()` as on MicroPython.

use alloc::boxed::Box;
use alloc::format;
use alloc::rc::{Rc, Weak};
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::RefCell;

use crate::attr::dict_of;
use crate::exceptions::ExcKind;
use crate::modbuiltins::{builtin_fn, check_kw, kwarg};
use crate::objint::native_property;
use crate::port::HostFile;
use crate::types;
use crate::value::{Layout, NativeObj, Obj, PyObject, Str, Value};
use crate::vm::Vm;
use crate::{PyErr, PyResult};

/// Pending bytes past which a file's buffer is written out without waiting for `flush()`.
pub const AUTO_FLUSH: usize = 16 * 1024;

/// Pending bytes at which a file on a block device is written out at once (one sector: small
/// writes still gather, as in FatFs's per-file sector buffer).
pub const WRITE_THROUGH: usize = 512;

/// Largest hole (in bytes) a write past the end or a growing truncate may fill with zeros.
const MAX_GAP: usize = 1 << 28;

/// Which Python class a stream is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    StringIO,
    BytesIO,
    Text,
    Buffered,
    Raw,
}

/// The state of every stream object.
struct Stream {
    kind: Kind,
    buf: Vec<u8>,
    /// Byte offset into `buf` (may be past the end after a seek).
    pos: usize,
    closed: bool,
    readable: bool,
    writable: bool,
    /// Files: the name given to `open`, the mode as `.mode` shows it.
    name: String,
    mode: String,
    /// Writes always go to the end (`a` modes).
    append: bool,
    /// Mode `a` without `+`: `buf` holds only bytes not yet appended, `base` is the file size.
    append_only: bool,
    base: usize,
    /// Length of the prefix of `buf` known to match the file.
    synced: usize,
    /// Lowest offset changed since the last flush.
    dirty_from: Option<usize>,
    /// A file on a block device: flushed once [`WRITE_THROUGH`] bytes are pending.
    write_through: bool,
    /// Where a dropped file leaves its unwritten bytes (dangling for in-memory streams).
    finalizers: Weak<crate::finalize::Finalizers>,
    /// A streamed file: `buf` is a window of the file (see [`Window`]).
    win: Option<Window>,
    /// The OS file (descriptor) behind a file of the Port or behind `open(fd)`.
    host: Option<Box<dyn HostFile>>,
    /// `open(fd)`: `name` is the descriptor's number.
    fd_name: bool,
    /// `BytesIO(bytes)`: the initial bytes object, shared until the first change (then copied
    /// into `buf`), as MicroPython does.
    init: Option<Obj>,
}

/// A streamed file's window: `buf` holds the file's bytes from `start` (at most about one block
/// of them), `pos` is relative to `start`. Files on block-device file systems are read and
/// written through the VFS by offset; `open(fd)` files through their OS descriptor.
struct Window {
    /// File offset of `buf[0]`.
    start: usize,
    /// The file's size as the file system has it (bytes still in `buf` may extend it).
    size: usize,
    /// Read and written through the VFS by name (false: through the host descriptor).
    vfs: bool,
}

impl Window {
    /// Bytes read at a time.
    fn chunk(&self) -> usize {
        if self.vfs {
            512
        } else {
            4096
        }
    }
}

impl Drop for Stream {
    /// A file dropped with unwritten bytes hands them to the VM, which writes them at its next
    /// safe point (CPython flushes a file object when it is freed).
    fn drop(&mut self) {
        if self.closed || !self.is_file() {
            return;
        }
        if let Some(w) = &self.win {
            // A streamed file: an OS descriptor gets its bytes at once; a file system only an
            // append at the end (other changes of a dropped, unflushed file are lost).
            let Some(from) = self.dirty_from.take() else {
                return;
            };
            let from = from.min(self.buf.len());
            let at = w.start + from;
            if let Some(h) = self.host.as_mut() {
                let _ = h.seek(at as i64, 0);
                let _ = host_write_all(h.as_mut(), &self.buf[from..]);
                return;
            }
            if at != w.size {
                return;
            }
            if let Some(fin) = self.finalizers.upgrade() {
                fin.push_write(crate::finalize::PendingWrite {
                    path: core::mem::take(&mut self.name),
                    data: self.buf.split_off(from),
                    append: true,
                });
            }
            return;
        }
        let Some(fin) = self.finalizers.upgrade() else {
            return;
        };
        if let Some((data, append)) = self.flush_plan() {
            fin.push_write(crate::finalize::PendingWrite {
                path: core::mem::take(&mut self.name),
                data,
                append,
            });
        }
    }
}

impl Stream {
    fn memory(kind: Kind, buf: Vec<u8>) -> Stream {
        Stream {
            kind,
            buf,
            pos: 0,
            closed: false,
            readable: true,
            writable: true,
            name: String::new(),
            mode: String::new(),
            append: false,
            append_only: false,
            base: 0,
            synced: 0,
            dirty_from: None,
            write_through: false,
            finalizers: Weak::new(),
            win: None,
            host: None,
            fd_name: false,
            init: None,
        }
    }
    /// The stream's bytes (the shared initial bytes of a `BytesIO` not yet changed).
    fn data(&self) -> &[u8] {
        if let Some(o) = &self.init {
            if let PyObject::Bytes(b) = &**o {
                return b;
            }
        }
        &self.buf
    }
    /// Copy shared initial bytes into `buf` before a change.
    fn own(&mut self) {
        if let Some(o) = self.init.take() {
            if let PyObject::Bytes(b) = &*o {
                self.buf = b.to_vec();
            }
        }
    }
    /// The file's size counting bytes not yet written (streamed files).
    fn logical_size(&self) -> usize {
        match &self.win {
            Some(w) if self.buf.is_empty() => w.size,
            Some(w) => w.size.max(w.start + self.buf.len()),
            None => self.buf.len(),
        }
    }
    fn is_text(&self) -> bool {
        matches!(self.kind, Kind::StringIO | Kind::Text)
    }
    fn is_file(&self) -> bool {
        matches!(self.kind, Kind::Text | Kind::Buffered | Kind::Raw)
    }
    fn rest(&self) -> &[u8] {
        self.data().get(self.pos..).unwrap_or(&[])
    }
    /// Byte length of the first `n` characters of `b` (all of it if shorter).
    fn char_span(b: &[u8], n: usize) -> usize {
        let mut count = 0;
        for (i, &c) in b.iter().enumerate() {
            if c & 0xC0 != 0x80 {
                if count == n {
                    return i;
                }
                count += 1;
            }
        }
        b.len()
    }
    /// Take up to `n` units (chars in text, bytes otherwise; None = all) from the position.
    fn take(&mut self, n: Option<usize>) -> Vec<u8> {
        let rest = self.rest();
        let len = match n {
            None => rest.len(),
            Some(n) if self.is_text() => Stream::char_span(rest, n),
            Some(n) => n.min(rest.len()),
        };
        let out = rest[..len].to_vec();
        self.pos += len;
        out
    }
    /// Take one line (with its `\n`), at most `limit` units.
    fn take_line(&mut self, limit: Option<usize>) -> Vec<u8> {
        let rest = self.rest();
        let mut end = match rest.iter().position(|&c| c == b'\n') {
            Some(i) => i + 1,
            None => rest.len(),
        };
        if let Some(n) = limit {
            let cap = if self.is_text() {
                Stream::char_span(rest, n)
            } else {
                n.min(rest.len())
            };
            end = end.min(cap);
        }
        let out = rest[..end].to_vec();
        self.pos += end;
        out
    }
    fn write(&mut self, data: &[u8], nchars: Option<usize>) {
        self.own();
        if self.append {
            self.pos = self.buf.len();
        }
        if self.pos > self.buf.len() {
            let at = self.buf.len();
            self.buf.resize(self.pos, 0);
            self.mark(at);
        }
        let rest = &self.buf[self.pos..];
        let end = self.pos
            + match nchars {
                Some(k) => Stream::char_span(rest, k),
                None => data.len().min(rest.len()),
            };
        self.buf.splice(self.pos..end, data.iter().copied());
        self.mark(self.pos);
        self.pos += data.len();
    }
    fn mark(&mut self, at: usize) {
        self.dirty_from = Some(self.dirty_from.map_or(at, |d| d.min(at)));
    }
    fn char_count(b: &[u8]) -> usize {
        b.iter().filter(|&&c| c & 0xC0 != 0x80).count()
    }
    /// `tell()` in the stream's units.
    fn tell(&self) -> usize {
        if self.kind == Kind::StringIO {
            let within = self.pos.min(self.buf.len());
            Stream::char_count(&self.buf[..within]) + (self.pos - within)
        } else if let Some(w) = &self.win {
            w.start + self.pos
        } else if self.append_only {
            self.base + self.pos
        } else {
            self.pos
        }
    }
    /// The byte offset of `tell()` value `n`.
    fn offset_of(&self, n: usize) -> usize {
        if self.kind == Kind::StringIO {
            let span = Stream::char_span(&self.buf, n);
            let total = Stream::char_count(&self.buf);
            span.saturating_add(n.saturating_sub(total))
        } else {
            n
        }
    }
    fn units_len(&self) -> usize {
        if self.kind == Kind::StringIO {
            Stream::char_count(&self.buf)
        } else {
            self.logical_size().max(self.data().len())
        }
    }
    fn pending(&self) -> usize {
        if self.win.is_some() {
            return match self.dirty_from {
                Some(d) => self.buf.len().saturating_sub(d).max(1),
                None => 0,
            };
        }
        match self.dirty_from {
            Some(_) => self.buf.len().saturating_sub(self.synced).max(1),
            None => 0,
        }
    }
    /// What a flush must do: None (nothing), or (data, append?).
    fn flush_plan(&mut self) -> Option<(Vec<u8>, bool)> {
        let from = self.dirty_from?;
        self.dirty_from = None;
        let plan = if self.append_only {
            let data = core::mem::take(&mut self.buf);
            self.base += data.len();
            self.pos = 0;
            (data, true)
        } else if from >= self.synced && self.buf.len() >= self.synced {
            (self.buf[self.synced..].to_vec(), true)
        } else {
            (self.buf.clone(), false)
        };
        self.synced = self.buf.len();
        Some(plan)
    }
}

/// The classes of the `io` module, made once per VM.
struct IoClasses {
    iobase: Obj,
    stringio: Obj,
    bytesio: Obj,
    text: Obj,
    reader: Obj,
    writer: Obj,
    random: Obj,
    fileio: Obj,
    unsupported: Obj,
}

fn classes(vm: &mut Vm) -> PyResult<Rc<IoClasses>> {
    let o = crate::vfs::hidden_state::<Option<Rc<IoClasses>>>(vm, " io");
    if let PyObject::Native(n) = &*o {
        if let Some(Some(c)) = n.data.borrow().downcast_ref::<Option<Rc<IoClasses>>>() {
            return Ok(c.clone());
        }
    }
    let c = Rc::new(make_classes(vm));
    if let PyObject::Native(n) = &*o {
        *n.data.borrow_mut() = Box::new(Some(c.clone()));
    }
    Ok(c)
}

/// `io.BufferedWriter(raw, size)` made by Python code: a buffer of `size` bytes in front of
/// any stream, written through when full and on `flush()` (MicroPython's semantics).
struct BufWriter {
    raw: Value,
    buf: Vec<u8>,
    size: usize,
}

fn is_bufwriter(v: &Value) -> bool {
    match v {
        Value::Obj(o) => match &**o {
            PyObject::Native(n) => n
                .data
                .try_borrow()
                .map(|d| d.is::<BufWriter>())
                .unwrap_or(false),
            _ => false,
        },
        _ => false,
    }
}

fn with_bufwriter<R>(v: &Value, f: impl FnOnce(&mut BufWriter) -> R) -> Option<R> {
    if let Value::Obj(o) = v {
        if let PyObject::Native(n) = &**o {
            let mut d = n.data.try_borrow_mut().ok()?;
            return d.downcast_mut::<BufWriter>().map(f);
        }
    }
    None
}

fn bw_new(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    check_kw(vm, "BufferedWriter", kw, &["raw", "buffer_size"])?;
    let cls = match args.first() {
        Some(Value::Obj(c)) if types::as_type(c).is_some() => c.clone(),
        _ => return Err(vm.type_error("BufferedWriter.__new__(X): X is not a type object")),
    };
    let Some(raw) = args.get(1).cloned().or_else(|| kwarg(kw, "raw").cloned()) else {
        return Err(vm.type_error("BufferedWriter() missing required argument 'raw' (pos 1)"));
    };
    let size = match args
        .get(2)
        .cloned()
        .or_else(|| kwarg(kw, "buffer_size").cloned())
    {
        Some(v) => vm.to_index(&v)?,
        None => 8192,
    };
    if size <= 0 {
        return Err(vm.value_error("buffer size must be strictly positive"));
    }
    let data: Box<dyn core::any::Any> = Box::new(BufWriter {
        raw,
        buf: Vec::new(),
        size: size as usize,
    });
    Ok(Value::Obj(vm.alloc(PyObject::Native(NativeObj {
        class: cls,
        data: RefCell::new(data),
    }))))
}

/// Write `chunk` to the wrapped stream (no borrow is held: the stream may run Python code).
fn bw_raw_write(vm: &mut Vm, raw: &Value, chunk: Vec<u8>) -> PyResult<()> {
    if !chunk.is_empty() {
        vm.call_method(raw, "write", &[Value::bytes_vec(chunk)])?;
    }
    Ok(())
}

fn bw_write(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    if !is_bufwriter(&args[0]) {
        return s_write(vm, args, kw);
    }
    let Some(data) = args.get(1).and_then(crate::objbytes::bytes_data) else {
        let tn = args.get(1).map(|a| vm.type_name(a)).unwrap_or_default();
        return Err(vm.type_error(format!("a bytes-like object is required, not '{}'", tn)));
    };
    let mut rest = &data[..];
    while !rest.is_empty() {
        let full = with_bufwriter(&args[0], |w| {
            let take = (w.size - w.buf.len()).min(rest.len());
            w.buf.extend_from_slice(&rest[..take]);
            rest = &rest[take..];
            (w.buf.len() >= w.size).then(|| (w.raw.clone(), core::mem::take(&mut w.buf)))
        })
        .flatten();
        if let Some((raw, chunk)) = full {
            bw_raw_write(vm, &raw, chunk)?;
        }
    }
    Ok(Value::Int(data.len() as i64))
}

fn bw_flush(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    if !is_bufwriter(&args[0]) {
        return s_flush(vm, args, kw);
    }
    if let Some((raw, chunk)) =
        with_bufwriter(&args[0], |w| (w.raw.clone(), core::mem::take(&mut w.buf)))
    {
        bw_raw_write(vm, &raw, chunk)?;
    }
    Ok(Value::None)
}

fn make_classes(vm: &mut Vm) -> IoClasses {
    let object = vm.types.object.clone();
    // Python classes may derive from IOBase (their instances are plain objects that implement
    // the stream methods themselves), so it has the plain object layout.
    let iobase = types::new_type("IOBase", alloc::vec![object], Layout::Object, false);
    types::add_methods(
        &iobase,
        &[
            ("read", s_read),
            ("read1", s_read),
            ("readinto", s_readinto),
            ("readline", s_readline),
            ("readlines", s_readlines),
            ("write", s_write),
            ("writelines", s_writelines),
            ("seek", s_seek),
            ("tell", s_tell),
            ("truncate", s_truncate),
            ("flush", s_flush),
            ("close", s_close),
            ("readable", s_readable),
            ("writable", s_writable),
            ("seekable", s_seekable),
            ("isatty", s_isatty),
            ("fileno", s_fileno),
            ("__enter__", s_enter),
            ("__exit__", s_exit),
            ("__iter__", s_enter),
            ("__next__", s_next),
            ("__repr__", s_repr),
        ],
    );
    types::set_attr(&iobase, "closed", native_property("closed", s_closed));
    types::set_attr(&iobase, "name", native_property("name", s_name));
    types::set_attr(&iobase, "mode", native_property("mode", s_mode));
    types::set_attr(&iobase, "__module__", Value::str("io"));
    let sub = |name: &str| {
        let c = types::new_type(name, alloc::vec![iobase.clone()], Layout::Other, true);
        types::set_attr(&c, "__module__", Value::str("_io"));
        c
    };
    let stringio = sub("StringIO");
    let bytesio = sub("BytesIO");
    for c in [&stringio, &bytesio] {
        types::add_methods(c, &[("getvalue", s_getvalue)]);
    }
    types::add_static_methods(&stringio, &[("__new__", stringio_new)]);
    types::add_static_methods(&bytesio, &[("__new__", bytesio_new)]);
    let text = sub("TextIOWrapper");
    types::set_attr(&text, "encoding", Value::str("UTF-8"));
    let reader = sub("BufferedReader");
    let writer = sub("BufferedWriter");
    types::add_static_methods(&writer, &[("__new__", bw_new)]);
    types::add_methods(&writer, &[("write", bw_write), ("flush", bw_flush)]);
    let random = sub("BufferedRandom");
    let fileio = sub("FileIO");
    let bases = alloc::vec![
        vm.exc_type(ExcKind::OSError),
        vm.exc_type(ExcKind::ValueError)
    ];
    let mro = types::c3_mro(&bases).ok();
    let unsupported = types::new_type("UnsupportedOperation", bases, Layout::Exception, true);
    if let (Some(t), Some(m)) = (types::as_type(&unsupported), mro) {
        *t.mro.borrow_mut() = m;
    }
    types::set_attr(&unsupported, "__module__", Value::str("io"));
    IoClasses {
        iobase,
        stringio,
        bytesio,
        text,
        reader,
        writer,
        random,
        fileio,
        unsupported,
    }
}

fn new_stream(vm: &mut Vm, cls: &Obj, s: Stream) -> Value {
    Value::Obj(vm.alloc(PyObject::Native(NativeObj {
        class: cls.clone(),
        data: RefCell::new(Box::new(s)),
    })))
}

/// Run `f` on the stream `v` (TypeError if it is not one).
fn with<R>(vm: &mut Vm, v: &Value, f: impl FnOnce(&mut Stream) -> R) -> PyResult<R> {
    if let Value::Obj(o) = v {
        if let PyObject::Native(n) = &**o {
            if let Some(s) = n.data.borrow_mut().downcast_mut::<Stream>() {
                return Ok(f(s));
            }
        }
    }
    Err(vm.type_error("descriptor requires an io object"))
}

fn unsupported(vm: &mut Vm, msg: &str) -> PyErr {
    match classes(vm) {
        Ok(c) => {
            let cls = c.unsupported.clone();
            PyErr(vm.new_exception(&cls, alloc::vec![Value::str(msg)]))
        }
        Err(e) => e,
    }
}

fn closed_error(vm: &mut Vm, kind: Kind) -> PyErr {
    if kind == Kind::StringIO {
        vm.value_error("I/O operation on closed file")
    } else {
        vm.value_error("I/O operation on closed file.")
    }
}

/// Check the stream is open (and readable/writable when asked).
fn check(vm: &mut Vm, v: &Value, read: bool, write: bool) -> PyResult<()> {
    let (closed, r, w, kind) = with(vm, v, |s| (s.closed, s.readable, s.writable, s.kind))?;
    if closed {
        return Err(closed_error(vm, kind));
    }
    if read && !r {
        return Err(unsupported(vm, "not readable"));
    }
    if write && !w {
        return Err(unsupported(vm, "not writable"));
    }
    Ok(())
}

/// Turn bytes taken from a stream into the value its reads return.
fn to_value(vm: &mut Vm, text: bool, b: Vec<u8>) -> PyResult {
    if text {
        match String::from_utf8(b) {
            Ok(s) => Ok(Value::string(s)),
            Err(e) => {
                let b = e.into_bytes();
                let s = crate::objbytes::decode_bytes(vm, &b, "utf-8", "strict")?;
                Ok(Value::string(s))
            }
        }
    } else {
        Ok(Value::bytes_vec(b))
    }
}

/// An optional size argument: None for absent, None or negative.
pub fn size_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<usize>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => {
            let n = vm.to_index(v)?;
            Ok(usize::try_from(n).ok())
        }
    }
}

/// Write all of `data` to an OS file.
fn host_write_all(h: &mut dyn HostFile, mut data: &[u8]) -> Result<(), crate::port::Errno> {
    while !data.is_empty() {
        match h.write(data)? {
            0 => return Err(crate::moderrno::codes::EIO),
            n => data = data.get(n..).unwrap_or(&[]),
        }
    }
    Ok(())
}

fn is_windowed(vm: &mut Vm, slf: &Value) -> PyResult<bool> {
    with(vm, slf, |s| s.win.is_some())
}

/// A streamed file: write the window's changed bytes to the file, then let the window go when
/// the position is at or past its end (so at most about a block stays in memory).
fn win_flush(vm: &mut Vm, slf: &Value) -> PyResult<()> {
    let job = with(vm, slf, |s| {
        let start = s.win.as_ref()?.start;
        let from = s.dirty_from.take()?.min(s.buf.len());
        let at = start + from;
        let r = match s.host.as_mut() {
            Some(h) => {
                let _ = h.seek(at as i64, 0);
                Some(host_write_all(h.as_mut(), &s.buf[from..]).err())
            }
            None => None,
        };
        Some((at, s.buf[from..].to_vec(), s.name.clone(), r))
    })?;
    if let Some((at, data, name, r)) = job {
        match r {
            Some(Some(e)) => return Err(crate::vfs::os_error(vm, e, None)),
            Some(None) => {}
            None => crate::vfs::write_at(vm, &name, at as u64, &data)?,
        }
        with(vm, slf, |s| {
            if let Some(w) = s.win.as_mut() {
                w.size = w.size.max(at + data.len());
            }
        })?;
    }
    with(vm, slf, |s| {
        if let Some(w) = s.win.as_mut() {
            if s.dirty_from.is_none() && s.pos >= s.buf.len() {
                w.start += s.pos;
                s.pos = 0;
                s.buf.clear();
            }
        }
    })
}

/// A streamed file: after flushing, move the window to file offset `at` (empty).
fn win_move(vm: &mut Vm, slf: &Value, at: usize) -> PyResult<()> {
    win_flush(vm, slf)?;
    with(vm, slf, |s| {
        if let Some(w) = s.win.as_mut() {
            w.start = at;
            s.pos = 0;
            s.buf.clear();
        }
    })
}

/// A streamed file: make the window hold bytes at the position when the file has any there
/// (reading the next chunk once the position passed the window's end).
fn win_fill(vm: &mut Vm, slf: &Value) -> PyResult<()> {
    // Past the window's end, and (for a file system, whose files' sizes are known) before
    // the file's end.
    let need = with(vm, slf, |s| match &s.win {
        Some(w) => s.pos >= s.buf.len() && (!w.vfs || w.start + s.pos < s.logical_size()),
        None => false,
    })?;
    if !need {
        return Ok(());
    }
    win_flush(vm, slf)?;
    let job = with(vm, slf, |s| {
        let w = s.win.as_mut()?;
        if s.pos > 0 || !s.buf.is_empty() {
            w.start += s.pos;
            s.pos = 0;
            s.buf.clear();
        }
        let (at, chunk) = (w.start, w.chunk());
        let host = s.host.as_mut().map(|h| {
            let _ = h.seek(at as i64, 0);
            let mut b = alloc::vec![0u8; chunk];
            h.read(&mut b).map(|n| {
                b.truncate(n);
                b
            })
        });
        Some((at, chunk, s.name.clone(), host))
    })?;
    let Some((at, chunk, name, host)) = job else {
        return Ok(());
    };
    let data = match host {
        Some(Ok(b)) => b,
        Some(Err(e)) => return Err(crate::vfs::os_error(vm, e, None)),
        None => crate::vfs::read_at(vm, &name, at as u64, chunk)?,
    };
    with(vm, slf, |s| s.buf = data)
}

/// A streamed file about to be written into an empty window that starts inside a block of
/// the file: read the block's bytes before it into the window first (as a block cache does
/// for a partial block, so a failing device shows at this write).
fn win_align(vm: &mut Vm, slf: &Value) -> PyResult<()> {
    let job = with(vm, slf, |s| {
        let w = s.win.as_ref()?;
        let lead = w.start % w.chunk();
        (w.vfs && s.buf.is_empty() && s.pos == 0 && lead > 0 && w.start <= w.size)
            .then(|| (w.start - lead, lead, s.name.clone()))
    })?;
    let Some((at, lead, name)) = job else {
        return Ok(());
    };
    let data = crate::vfs::read_at(vm, &name, at as u64, lead)?;
    if data.len() == lead {
        with(vm, slf, |s| {
            if let Some(w) = s.win.as_mut() {
                w.start = at;
                s.buf = data;
                s.pos = lead;
            }
        })?;
    }
    Ok(())
}

/// Units (characters in text, bytes otherwise) in `b`.
fn units(text: bool, b: &[u8]) -> usize {
    if text {
        Stream::char_count(b)
    } else {
        b.len()
    }
}

/// A streamed text file: take the continuation bytes of a character split by the window's end.
fn win_finish_char(vm: &mut Vm, slf: &Value, out: &mut Vec<u8>) -> PyResult<()> {
    loop {
        win_fill(vm, slf)?;
        let more = with(vm, slf, |s| {
            let rest = s.rest();
            let n = rest.iter().take_while(|&&c| c & 0xC0 == 0x80).count();
            out.extend_from_slice(&rest[..n]);
            s.pos += n;
            n > 0 && s.pos >= s.buf.len()
        })?;
        if !more {
            return Ok(());
        }
    }
}

/// Read up to `n` units (None: all) from the position.
fn read_units(vm: &mut Vm, slf: &Value, n: Option<usize>) -> PyResult<(bool, Vec<u8>)> {
    read_through(vm, slf, n, false)
}

/// Read one line (with its newline), at most `limit` units.
fn read_line(vm: &mut Vm, slf: &Value, limit: Option<usize>) -> PyResult<(bool, Vec<u8>)> {
    read_through(vm, slf, limit, true)
}

/// Read up to `limit` units from the position (only to the end of a line when `line`); a
/// windowed file refills its window from the device until that is done.
fn read_through(
    vm: &mut Vm,
    slf: &Value,
    limit: Option<usize>,
    line: bool,
) -> PyResult<(bool, Vec<u8>)> {
    let take = |s: &mut Stream, left: Option<usize>| {
        if line {
            s.take_line(left)
        } else {
            s.take(left)
        }
    };
    if !is_windowed(vm, slf)? {
        return with(vm, slf, |s| (s.is_text(), take(s, limit)));
    }
    let mut out = Vec::new();
    let mut left = limit;
    let mut text = false;
    while left != Some(0) {
        win_fill(vm, slf)?;
        let got = with(vm, slf, |s| {
            text = s.is_text();
            take(s, left)
        })?;
        if got.is_empty() {
            break;
        }
        if let Some(l) = left.as_mut() {
            *l = l.saturating_sub(units(text, &got));
        }
        out.extend_from_slice(&got);
        if line && got.last() == Some(&b'\n') {
            break;
        }
    }
    if text && !(line && out.last() == Some(&b'\n')) {
        win_finish_char(vm, slf, &mut out)?;
    }
    Ok((text, out))
}

fn s_read(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let slf = &args[0];
    check(vm, slf, true, false)?;
    let n = size_arg(vm, args.get(1))?;
    let (text, b) = read_units(vm, slf, n)?;
    to_value(vm, text, b)
}

fn s_readinto(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let slf = &args[0];
    check(vm, slf, true, false)?;
    let Some((o, start, want)) = args.get(1).and_then(crate::objmemoryview::writable_bytes) else {
        return Err(vm.type_error("readinto() argument must be read-write bytes-like object"));
    };
    let PyObject::ByteArray(target) = &*o else {
        return Err(vm.type_error("readinto() argument must be read-write bytes-like object"));
    };
    // MicroPython's extension: readinto(buf, nbytes) reads at most nbytes.
    let want = match args.get(2) {
        Some(n) => want.min(usize::try_from(vm.to_index(n)?).unwrap_or(0)),
        None => want,
    };
    let mut b = Vec::new();
    while b.len() < want {
        win_fill(vm, slf)?;
        let got = with(vm, slf, |s| {
            let rest = s.rest();
            let n = (want - b.len()).min(rest.len());
            b.extend_from_slice(&rest[..n]);
            s.pos += n;
            n > 0 && s.win.is_some()
        })?;
        if !got {
            break;
        }
    }
    if let Some(dst) = target.borrow_mut().get_mut(start..start + b.len()) {
        dst.copy_from_slice(&b);
    }
    Ok(Value::Int(b.len() as i64))
}

fn s_readline(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let slf = &args[0];
    check(vm, slf, true, false)?;
    let n = size_arg(vm, args.get(1))?;
    let (text, b) = read_line(vm, slf, n)?;
    to_value(vm, text, b)
}

fn s_readlines(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let slf = &args[0];
    check(vm, slf, true, false)?;
    let hint = size_arg(vm, args.get(1))?.filter(|&h| h > 0);
    let mut out = Vec::new();
    let mut total = 0;
    loop {
        let (text, b) = read_line(vm, slf, None)?;
        if b.is_empty() {
            break;
        }
        total += b.len();
        out.push(to_value(vm, text, b)?);
        if hint.is_some_and(|h| total >= h) {
            break;
        }
    }
    Ok(vm.new_list(out))
}

fn s_next(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let slf = &args[0];
    check(vm, slf, true, false)?;
    let (text, b) = read_line(vm, slf, None)?;
    if b.is_empty() {
        return Err(vm.stop_iteration(Value::None));
    }
    to_value(vm, text, b)
}

fn s_write(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let slf = &args[0];
    check(vm, slf, false, true)?;
    let Some(arg) = args.get(1) else {
        return Err(vm.type_error("write() takes exactly one argument (0 given)"));
    };
    // A streamed file writes at the file's end (append modes) or past the window: the window
    // moves there first (a gap past the file's end is filled by the file system).
    let target = with(vm, slf, |s| {
        let w = s.win.as_ref()?;
        if s.append {
            let end = s.logical_size();
            (w.start + s.buf.len() != end).then_some(end)
        } else {
            (s.pos > s.buf.len()).then_some(w.start + s.pos)
        }
    })?;
    if let Some(at) = target {
        win_move(vm, slf, at)?;
    }
    win_align(vm, slf)?;
    let (kind, gap) = with(vm, slf, |s| (s.kind, s.pos.saturating_sub(s.data().len())))?;
    if gap > MAX_GAP {
        return Err(vm.err(ExcKind::MemoryError, ""));
    }
    let written = match (kind, arg) {
        (Kind::StringIO | Kind::Text, Value::Str(s)) => {
            let n = s.char_len();
            let nchars = (kind == Kind::StringIO).then_some(n);
            with(vm, slf, |st| st.write(s.as_str().as_bytes(), nchars))?;
            n
        }
        (Kind::StringIO, other) => {
            let tn = vm.type_name(other);
            return Err(vm.type_error(format!("string argument expected, got '{}'", tn)));
        }
        (Kind::Text, other) => {
            let tn = vm.type_name(other);
            return Err(vm.type_error(format!("write() argument must be str, not {}", tn)));
        }
        (_, other) => match crate::objbytes::bytes_data(other) {
            Some(b) => {
                let b = write_window(vm, b, &args[2..])?;
                with(vm, slf, |st| st.write(&b, None))?;
                b.len()
            }
            None => {
                let tn = vm.type_name(other);
                return Err(vm.type_error(format!("a bytes-like object is required, not '{}'", tn)));
            }
        },
    };
    if with(vm, slf, |s| {
        s.is_file()
            && (s.pending() > AUTO_FLUSH || (s.write_through && s.pending() >= WRITE_THROUGH))
    })? {
        flush_stream(vm, slf)?;
    }
    Ok(Value::Int(written as i64))
}

/// MicroPython's extension of binary `write`: `write(buf, len)` and `write(buf, off, len)` write
/// that window of `buf` (clipped to its end).
fn write_window(vm: &mut Vm, b: Vec<u8>, extra: &[Value]) -> PyResult<Vec<u8>> {
    let (off, len) = match extra {
        [] => return Ok(b),
        [len] => (0, vm.to_index(len)?),
        [off, len] => (vm.to_index(off)?, vm.to_index(len)?),
        _ => {
            return Err(vm.type_error(format!(
                "write() takes at most 3 arguments ({} given)",
                extra.len() + 1
            )))
        }
    };
    let from = usize::try_from(off).unwrap_or(0).min(b.len());
    let to = from
        .saturating_add(usize::try_from(len).unwrap_or(0))
        .min(b.len());
    Ok(b.get(from..to).map(|s| s.to_vec()).unwrap_or_default())
}

fn s_writelines(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let slf = args[0].clone();
    check(vm, &slf, false, true)?;
    let Some(lines) = args.get(1) else {
        return Err(vm.type_error("writelines() takes exactly one argument (0 given)"));
    };
    for line in vm.collect(lines)? {
        s_write(vm, &[slf.clone(), line], &[])?;
    }
    Ok(Value::None)
}

fn s_seek(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let slf = &args[0];
    check(vm, slf, false, false)?;
    let Some(off) = args.get(1) else {
        return Err(vm.type_error("seek() takes at least 1 argument (0 given)"));
    };
    let off = vm.to_index(off)?;
    let whence = match args.get(2) {
        Some(w) => vm.to_index(w)?,
        None => 0,
    };
    let kind = with(vm, slf, |s| s.kind)?;
    if !(0..=2).contains(&whence) {
        return Err(vm.value_error(format!("invalid whence ({}, should be 0, 1 or 2)", whence)));
    }
    if matches!(kind, Kind::StringIO | Kind::Text) && whence != 0 && off != 0 {
        let what = if whence == 1 { "cur" } else { "end" };
        return Err(if kind == Kind::StringIO {
            vm.err(
                ExcKind::OSError,
                format!("Can't do nonzero {}-relative seeks", what),
            )
        } else {
            unsupported(vm, &format!("can't do nonzero {}-relative seeks", what))
        });
    }
    let (cur, end) = with(vm, slf, |s| {
        // An OS descriptor's size is asked from the OS.
        let end = match (&s.win, s.host.as_mut()) {
            (Some(w), Some(h)) if whence == 2 => match h.seek(0, 2) {
                Ok(n) if s.buf.is_empty() => n as usize,
                Ok(n) => (n as usize).max(w.start + s.buf.len()),
                Err(_) => s.units_len(),
            },
            _ => s.units_len(),
        };
        (s.tell() as i64, end as i64)
    })?;
    let end = end + with(vm, slf, |s| if s.append_only { s.base as i64 } else { 0 })?;
    let target = match whence {
        0 => off,
        1 => cur.saturating_add(off),
        _ => end.saturating_add(off),
    };
    if target < 0 {
        return Err(match kind {
            Kind::StringIO => vm.value_error(format!("Negative seek position {}", target)),
            Kind::Text => vm.value_error(format!("negative seek position {}", target)),
            Kind::BytesIO => vm.value_error(format!("negative seek value {}", target)),
            _ => crate::vfs::os_error(vm, crate::moderrno::codes::EINVAL, None),
        });
    }
    let append_only = with(vm, slf, |s| s.append_only)?;
    if append_only {
        flush_stream(vm, slf)?;
    }
    if is_windowed(vm, slf)? {
        let t = usize::try_from(target).unwrap_or(usize::MAX);
        let inside = with(vm, slf, |s| match &s.win {
            Some(w) if t >= w.start && t - w.start <= s.buf.len() => {
                s.pos = t - w.start;
                true
            }
            _ => false,
        })?;
        if !inside {
            win_move(vm, slf, t)?;
        }
        return Ok(Value::Int(target));
    }
    with(vm, slf, |s| {
        let t = usize::try_from(target).unwrap_or(usize::MAX);
        s.pos = if s.append_only {
            t.saturating_sub(s.base)
        } else {
            s.offset_of(t)
        };
    })?;
    Ok(Value::Int(target))
}

fn s_tell(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check(vm, &args[0], false, false)?;
    Ok(Value::Int(with(vm, &args[0], |s| s.tell())? as i64))
}

fn s_truncate(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let slf = &args[0];
    check(vm, slf, false, true)?;
    let size = match args.get(1) {
        None | Some(Value::None) => None,
        Some(v) => Some(vm.to_index(v)?),
    };
    let kind = with(vm, slf, |s| s.kind)?;
    if let Some(n) = size.filter(|&n| n < 0) {
        return Err(match kind {
            Kind::StringIO => vm.value_error(format!("Negative size value {}", n)),
            Kind::BytesIO => vm.value_error(format!("negative size value {}", n)),
            _ => crate::vfs::os_error(vm, crate::moderrno::codes::EINVAL, None),
        });
    }
    if with(vm, slf, |s| s.append_only)? {
        flush_stream(vm, slf)?;
        return Err(unsupported(vm, "truncate"));
    }
    if is_windowed(vm, slf)? {
        win_flush(vm, slf)?;
        let (n, name, host) = with(vm, slf, |s| {
            let n = match size {
                Some(n) => usize::try_from(n).unwrap_or(usize::MAX),
                None => s.tell(),
            };
            (n, s.name.clone(), s.host.is_some())
        })?;
        if host {
            return Err(unsupported(vm, "truncate"));
        }
        let size_now = with(vm, slf, |s| s.logical_size())?;
        if n.saturating_sub(size_now) > MAX_GAP {
            return Err(vm.err(ExcKind::MemoryError, ""));
        }
        crate::vfs::truncate(vm, &name, n as u64)?;
        let at = with(vm, slf, |s| s.tell())?;
        with(vm, slf, |s| {
            if let Some(w) = s.win.as_mut() {
                w.size = n;
            }
        })?;
        win_move(vm, slf, at)?;
        return Ok(Value::Int(n as i64));
    }
    with(vm, slf, |s| s.own())?;
    let grow = with(vm, slf, |s| {
        let want = size.map_or(0, |n| usize::try_from(n).unwrap_or(usize::MAX));
        s.is_file() && s.offset_of(want).saturating_sub(s.buf.len()) > MAX_GAP
    })?;
    if grow {
        return Err(vm.err(ExcKind::MemoryError, ""));
    }
    let n = with(vm, slf, |s| {
        let n = match size {
            Some(n) => usize::try_from(n).unwrap_or(usize::MAX),
            None => s.tell(),
        };
        let bytes = s.offset_of(n);
        let cur = s.tell();
        if bytes < s.buf.len() {
            s.buf.truncate(bytes);
            s.mark(bytes);
            s.synced = s.synced.min(bytes);
            s.dirty_from = Some(0);
            if s.kind == Kind::StringIO {
                s.pos = s.offset_of(cur);
            }
        } else if s.is_file() && bytes > s.buf.len() {
            let at = s.buf.len();
            s.buf.resize(bytes, 0);
            s.mark(at);
        }
        n
    })?;
    Ok(Value::Int(n as i64))
}

/// Write a file stream's pending bytes through the VFS.
fn flush_stream(vm: &mut Vm, slf: &Value) -> PyResult<()> {
    if is_windowed(vm, slf)? {
        return win_flush(vm, slf);
    }
    let plan = with(vm, slf, |s| {
        if s.is_file() {
            s.flush_plan().map(|p| (String::from(s.name.as_str()), p))
        } else {
            None
        }
    })?;
    if let Some((name, (data, append))) = plan {
        crate::vfs::write_file(vm, &name, &data, append)?;
    }
    Ok(())
}

fn s_flush(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check(vm, &args[0], false, false)?;
    flush_stream(vm, &args[0])?;
    Ok(Value::None)
}

fn s_close(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let slf = &args[0];
    if with(vm, slf, |s| s.closed)? {
        return Ok(Value::None);
    }
    let r = flush_stream(vm, slf);
    with(vm, slf, |s| {
        s.closed = true;
        // Dropping the OS file closes its descriptor.
        s.host = None;
        if s.is_file() {
            s.buf = Vec::new();
        }
    })?;
    r?;
    Ok(Value::None)
}

fn s_closed(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    Ok(Value::Bool(with(vm, &args[0], |s| s.closed)?))
}

/// A file's `name`: the path, or the descriptor number of `open(fd)`.
fn name_value(vm: &mut Vm, slf: &Value, name: String) -> PyResult<Value> {
    if with(vm, slf, |s| s.fd_name)? {
        if let Ok(n) = name.parse::<i64>() {
            return Ok(Value::Int(n));
        }
    }
    Ok(Value::string(name))
}

fn s_name(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    match with(vm, &args[0], |s| s.is_file().then(|| s.name.clone()))? {
        Some(n) => name_value(vm, &args[0], n),
        None => {
            let tn = vm.type_name(&args[0]);
            Err(vm.attribute_error(format!("'{}' object has no attribute 'name'", tn)))
        }
    }
}

fn s_mode(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    match with(vm, &args[0], |s| s.is_file().then(|| s.mode.clone()))? {
        Some(n) => Ok(Value::string(n)),
        None => {
            let tn = vm.type_name(&args[0]);
            Err(vm.attribute_error(format!("'{}' object has no attribute 'mode'", tn)))
        }
    }
}

fn s_readable(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check(vm, &args[0], false, false)?;
    Ok(Value::Bool(with(vm, &args[0], |s| s.readable)?))
}

fn s_writable(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check(vm, &args[0], false, false)?;
    Ok(Value::Bool(with(vm, &args[0], |s| s.writable)?))
}

fn s_seekable(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check(vm, &args[0], false, false)?;
    Ok(Value::Bool(true))
}

fn s_isatty(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check(vm, &args[0], false, false)?;
    Ok(Value::Bool(false))
}

fn s_fileno(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check(vm, &args[0], false, false)?;
    match with(vm, &args[0], |s| s.host.as_ref().map(|h| h.fileno()))? {
        Some(fd) => Ok(Value::Int(fd as i64)),
        None => Err(unsupported(vm, "fileno")),
    }
}

fn s_enter(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check(vm, &args[0], false, false)?;
    Ok(args[0].clone())
}

fn s_exit(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    s_close(vm, &args[..1], &[])?;
    Ok(Value::None)
}

fn s_getvalue(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check(vm, &args[0], false, false)?;
    let (text, b) = with(vm, &args[0], |s| (s.is_text(), s.data().to_vec()))?;
    to_value(vm, text, b)
}

fn s_repr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let slf = &args[0];
    let (kind, name, mode, closed) = with(vm, slf, |s| {
        (s.kind, s.name.clone(), s.mode.clone(), s.closed)
    })?;
    let cls = vm.type_name(slf);
    let name_val = name_value(vm, slf, name)?;
    let name_repr = vm.repr(&name_val)?;
    Ok(Value::string(match kind {
        Kind::StringIO | Kind::BytesIO => crate::repr::default_repr(vm, slf),
        Kind::Text => format!(
            "<_io.TextIOWrapper name={} mode='{}' encoding='UTF-8'>",
            name_repr.as_str(),
            mode
        ),
        Kind::Raw if closed => String::from("<_io.FileIO [closed]>"),
        Kind::Raw => format!(
            "<_io.FileIO name={} mode='{}' closefd=True>",
            name_repr.as_str(),
            mode
        ),
        Kind::Buffered => format!("<_io.{} name={}>", cls, name_repr.as_str()),
    }))
}

fn stringio_new(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    check_kw(vm, "StringIO", kw, &["initial_value", "newline"])?;
    let init = args.get(1).or_else(|| kwarg(kw, "initial_value"));
    let buf = match init {
        None | Some(Value::None) => Vec::new(),
        Some(Value::Str(s)) => s.as_str().as_bytes().to_vec(),
        // MicroPython's StringIO(n) preallocates n bytes.
        Some(Value::Int(_)) => Vec::new(),
        Some(v) => {
            let tn = vm.type_name(v);
            return Err(vm.type_error(format!("initial_value must be str or None, not {}", tn)));
        }
    };
    let c = classes(vm)?;
    let cls = match args.first() {
        Some(Value::Obj(o)) if types::as_type(o).is_some() => o.clone(),
        _ => c.stringio.clone(),
    };
    Ok(new_stream(vm, &cls, Stream::memory(Kind::StringIO, buf)))
}

fn bytesio_new(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    check_kw(vm, "BytesIO", kw, &["initial_bytes"])?;
    let init = args.get(1).or_else(|| kwarg(kw, "initial_bytes"));
    let mut shared = None;
    let buf = match init {
        None | Some(Value::None) | Some(Value::Int(_)) => Vec::new(),
        // Immutable bytes are shared until the first change.
        Some(Value::Obj(o)) if matches!(&**o, PyObject::Bytes(_)) => {
            shared = Some(o.clone());
            Vec::new()
        }
        Some(v) => match crate::objbytes::bytes_data(v) {
            Some(b) => b,
            None => {
                let tn = vm.type_name(v);
                return Err(vm.type_error(format!("a bytes-like object is required, not '{}'", tn)));
            }
        },
    };
    let c = classes(vm)?;
    let cls = match args.first() {
        Some(Value::Obj(o)) if types::as_type(o).is_some() => o.clone(),
        _ => c.bytesio.clone(),
    };
    let mut st = Stream::memory(Kind::BytesIO, buf);
    st.init = shared;
    Ok(new_stream(vm, &cls, st))
}

/// A parsed `open()` mode.
struct Mode {
    create: bool,
    read: bool,
    write: bool,
    append: bool,
    plus: bool,
    binary: bool,
}

/// The kind of stream and the io class (TextIOWrapper, FileIO, BufferedRandom/Reader/Writer)
/// of a file opened with this mode and buffering.
fn file_class(c: &IoClasses, m: &Mode, buffering: i64) -> (Kind, Obj) {
    if !m.binary {
        (Kind::Text, c.text.clone())
    } else if buffering == 0 {
        (Kind::Raw, c.fileio.clone())
    } else if m.plus {
        (Kind::Buffered, c.random.clone())
    } else if m.read {
        (Kind::Buffered, c.reader.clone())
    } else {
        (Kind::Buffered, c.writer.clone())
    }
}

fn parse_mode(vm: &mut Vm, mode: &str) -> PyResult<Mode> {
    let mut m = Mode {
        create: false,
        read: false,
        write: false,
        append: false,
        plus: false,
        binary: false,
    };
    let mut text = false;
    let mut seen = String::new();
    for c in mode.chars() {
        if seen.contains(c) || !"rwaxbt+U".contains(c) {
            return Err(vm.value_error(format!("invalid mode: '{}'", mode)));
        }
        seen.push(c);
        match c {
            'r' => m.read = true,
            'w' => m.write = true,
            'a' => m.append = true,
            'x' => m.create = true,
            '+' => m.plus = true,
            'b' => m.binary = true,
            't' => text = true,
            _ => m.read = true,
        }
    }
    if text && m.binary {
        return Err(vm.value_error("can't have text and binary mode at once"));
    }
    let n = [m.create, m.read, m.write, m.append]
        .iter()
        .filter(|&&x| x)
        .count();
    if n == 0 {
        return Err(vm.value_error(
            "Must have exactly one of create/read/write/append mode and at most one plus",
        ));
    }
    if n > 1 {
        return Err(vm.value_error("must have exactly one of create/read/write/append mode"));
    }
    Ok(m)
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True,
/// opener=None)`.
fn open(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    const NAMES: [&str; 8] = [
        "file",
        "mode",
        "buffering",
        "encoding",
        "errors",
        "newline",
        "closefd",
        "opener",
    ];
    check_kw(vm, "open", kw, &NAMES)?;
    // The file object is allocated first, as in MicroPython (MemoryError with the heap locked).
    vm.heap_check()?;
    if args.len() > NAMES.len() {
        return Err(vm.type_error(format!(
            "open() takes at most 8 arguments ({} given)",
            args.len()
        )));
    }
    let arg = |i: usize| args.get(i).or_else(|| kwarg(kw, NAMES[i])).cloned();
    let Some(file) = arg(0) else {
        return Err(vm.type_error("open() missing required argument 'file' (pos 1)"));
    };
    let closefd = match arg(6) {
        Some(v) => vm.truthy(&v)?,
        None => true,
    };
    let path = match &file {
        Value::Str(s) => String::from(s.as_str()),
        Value::Int(fd) => return open_fd(vm, *fd, arg(1), arg(2), closefd),
        v => match crate::objbytes::bytes_data(v) {
            Some(b) => String::from_utf8_lossy(&b).into_owned(),
            None => {
                let tn = vm.type_name(v);
                return Err(vm.type_error(format!(
                    "expected str, bytes or os.PathLike object, not {}",
                    tn
                )));
            }
        },
    };
    let mode_str = match arg(1) {
        None => String::from("r"),
        Some(Value::Str(s)) => String::from(s.as_str()),
        Some(v) => {
            let tn = vm.type_name(&v);
            return Err(vm.type_error(format!("open() argument 'mode' must be str, not {}", tn)));
        }
    };
    let m = parse_mode(vm, &mode_str)?;
    if !closefd {
        return Err(vm.value_error("Cannot use closefd=False with file name"));
    }
    // A file on a Python-defined file system is that file system's own file object.
    if let Some(f) = crate::vfs::open_user(vm, &path, &mode_str)? {
        return Ok(f);
    }
    let buffering = match arg(2) {
        None => -1,
        Some(v) => vm.to_index(&v)?,
    };
    if m.binary {
        for (i, what) in [(3, "encoding"), (4, "errors"), (5, "newline")] {
            if arg(i).is_some_and(|v| !v.is_none()) {
                return Err(
                    vm.value_error(format!("binary mode doesn't take an {} argument", what))
                );
            }
        }
    } else if buffering == 0 {
        return Err(vm.value_error("can't have unbuffered text I/O"));
    }
    if let Some(Value::Str(e)) = arg(3) {
        crate::objstr::normalize_encoding(vm, e.as_str())?;
    }
    use crate::port::FileKind;
    let kind = crate::vfs::file_kind(vm, &path)?;
    if kind == FileKind::Dir {
        return Err(crate::vfs::os_error(
            vm,
            crate::moderrno::codes::EISDIR,
            Some(&path),
        ));
    }
    let mut buf = Vec::new();
    let mut base = 0;
    let mut append_only = m.append && !m.plus;
    if m.create && kind != FileKind::Missing {
        return Err(crate::vfs::os_error(
            vm,
            crate::moderrno::codes::EEXIST,
            Some(&path),
        ));
    }
    // Files on block devices are streamed: nothing is read at open().
    let streamed = crate::vfs::is_block_file(vm, &path);
    let mut win = None;
    if streamed {
        append_only = false;
        // The file's own stat: a device error shows as itself (file_kind() sees "missing").
        let st = if kind == FileKind::Missing {
            match crate::vfs::stat(vm, &path) {
                Ok(st) => Some(st),
                Err(e) if m.read => return Err(e),
                Err(_) => None,
            }
        } else {
            None
        };
        let size = if m.write || m.create {
            crate::vfs::write_file(vm, &path, &[], false)?;
            discard_pending(vm, &path);
            0
        } else {
            match st {
                Some(st) => st.size as usize,
                None if kind == FileKind::Missing => {
                    crate::vfs::write_file(vm, &path, &[], true)?;
                    0
                }
                None => crate::vfs::stat(vm, &path)?.size as usize,
            }
        };
        win = Some(Window {
            start: if m.append { size } else { 0 },
            size,
            vfs: true,
        });
    } else if m.read || (m.append && m.plus) {
        if m.read || kind == FileKind::File {
            buf = crate::vfs::read_file(vm, &path)?;
        } else {
            crate::vfs::write_file(vm, &path, &[], true)?;
        }
    } else if m.write || m.create {
        crate::vfs::write_file(vm, &path, &[], false)?;
        discard_pending(vm, &path);
    } else {
        crate::vfs::write_file(vm, &path, &[], true)?;
        base = crate::vfs::stat(vm, &path)?.size as usize;
    }
    if !m.binary && m.read && buf.contains(&b'\r') {
        buf = translate_newlines(&buf);
    }
    let (skind, cls) = file_class(&*classes(vm)?, &m, buffering);
    let shown_mode = if m.binary {
        let mut s = String::from(if m.create {
            "xb"
        } else if m.append {
            "ab"
        } else if m.read || m.plus {
            "rb"
        } else {
            "wb"
        });
        if m.plus {
            s.push('+');
        }
        s
    } else {
        mode_str.clone()
    };
    let pos = if m.append { buf.len() } else { 0 };
    let synced = buf.len();
    let write_through = streamed;
    let host = if streamed {
        None
    } else {
        crate::vfs::open_host(vm, &path, !m.read || m.plus)
    };
    let s = Stream {
        kind: skind,
        buf,
        pos,
        closed: false,
        readable: m.read || m.plus,
        writable: !m.read || m.plus,
        name: path,
        mode: shown_mode,
        append: m.append,
        append_only,
        base,
        synced,
        dirty_from: None,
        write_through,
        finalizers: Rc::downgrade(&vm.finalizers),
        win,
        host,
        fd_name: false,
        init: None,
    };
    let f = new_stream(vm, &cls, s);
    register_file(vm, &f);
    // littlefs reads a small (inline) file into the open file's cache at open().
    let size = with(vm, &f, |s| s.win.as_ref().map(|w| w.size))?;
    if let Some(size) = size.filter(|_| (m.read || m.plus) && !m.write) {
        let name = with(vm, &f, |s| s.name.clone())?;
        if size > 0 && crate::vfs::lfs_inline_max(vm, &name).is_some_and(|n| size <= n as usize) {
            win_fill(vm, &f)?;
        }
    }
    Ok(f)
}

/// `open(fd, mode)`: a file object over an open OS descriptor (the Port's; EBADF when it has
/// none), streamed through it; closing the object closes the descriptor unless `closefd` is
/// false.
fn open_fd(
    vm: &mut Vm,
    fd: i64,
    mode: Option<Value>,
    buffering: Option<Value>,
    closefd: bool,
) -> PyResult {
    let mode_str = match mode {
        None => String::from("r"),
        Some(Value::Str(s)) => String::from(s.as_str()),
        Some(v) => {
            let tn = vm.type_name(&v);
            return Err(vm.type_error(format!("open() argument 'mode' must be str, not {}", tn)));
        }
    };
    let m = parse_mode(vm, &mode_str)?;
    let buffering = match buffering {
        None => -1,
        Some(v) => vm.to_index(&v)?,
    };
    if !m.binary && buffering == 0 {
        return Err(vm.value_error("can't have unbuffered text I/O"));
    }
    if fd < 0 {
        return Err(vm.value_error("negative file descriptor"));
    }
    let fdi = i32::try_from(fd).unwrap_or(i32::MAX);
    let mut h = match vm.port.open_fd(fdi, closefd) {
        Ok(h) => h,
        Err(e) => return Err(crate::vfs::os_error(vm, e, None)),
    };
    let start = h.seek(0, 1).unwrap_or(0) as usize;
    let size = h.seek(0, 2).map(|n| n as usize).unwrap_or(start);
    let _ = h.seek(start as i64, 0);
    let (skind, cls) = file_class(&*classes(vm)?, &m, buffering);
    let mut s = Stream::memory(skind, Vec::new());
    s.readable = m.read || m.plus;
    s.writable = !m.read || m.plus;
    s.name = format!("{}", fd);
    s.fd_name = true;
    s.mode = mode_str;
    s.append = m.append;
    s.write_through = true;
    s.win = Some(Window {
        start: if m.append { size } else { start },
        size,
        vfs: false,
    });
    s.host = Some(h);
    Ok(new_stream(vm, &cls, s))
}

fn translate_newlines(b: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        if c == b'\r' {
            out.push(b'\n');
            if b.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
        } else {
            out.push(c);
        }
        i += 1;
    }
    out
}

/// The files opened so far (weakly), so [`flush_all`] can write what they still buffer.
#[derive(Default)]
struct OpenFiles(Vec<Weak<PyObject>>);

/// `path` was just truncated by a new `open(path, "w")`: file objects still open on it forget
/// what they buffered, so dropping them later cannot write stale bytes into the new contents
/// (as on MicroPython, where a truncated file does not get an older handle's writes back).
fn discard_pending(vm: &mut Vm, path: &str) {
    let reg = crate::vfs::hidden_state::<OpenFiles>(vm, " files");
    let files: Vec<Obj> = match &*reg {
        PyObject::Native(n) => match n.data.borrow().downcast_ref::<OpenFiles>() {
            Some(r) => r.0.iter().filter_map(|w| w.upgrade()).collect(),
            None => Vec::new(),
        },
        _ => Vec::new(),
    };
    for f in files {
        if let PyObject::Native(n) = &*f {
            if let Ok(mut d) = n.data.try_borrow_mut() {
                if let Some(s) = d.downcast_mut::<Stream>() {
                    if !s.closed && s.name == path {
                        s.dirty_from = None;
                        s.synced = s.buf.len();
                    }
                }
            }
        }
    }
}

fn register_file(vm: &mut Vm, f: &Value) {
    let Value::Obj(o) = f else { return };
    let reg = crate::vfs::hidden_state::<OpenFiles>(vm, " files");
    if let PyObject::Native(n) = &*reg {
        if let Some(r) = n.data.borrow_mut().downcast_mut::<OpenFiles>() {
            if r.0.len() >= 64 {
                r.0.retain(|w| w.strong_count() > 0);
            }
            r.0.push(Rc::downgrade(o));
        }
    }
}

/// Flush every file object still alive (for the embedder to call before the VM exits, as
/// CPython flushes unclosed files at shutdown). Errors are ignored.
pub fn flush_all(vm: &mut Vm) {
    let reg = crate::vfs::hidden_state::<OpenFiles>(vm, " files");
    let files: Vec<Obj> = match &*reg {
        PyObject::Native(n) => match n.data.borrow().downcast_ref::<OpenFiles>() {
            Some(r) => r.0.iter().filter_map(|w| w.upgrade()).collect(),
            None => Vec::new(),
        },
        _ => Vec::new(),
    };
    for f in files {
        let v = Value::Obj(f);
        if with(vm, &v, |s| !s.closed).unwrap_or(false) {
            let _ = flush_stream(vm, &v);
        }
    }
}

/// `OSError.__str__`: `[Errno 2] No such file or directory: 'x'` when args are (errno, strerror).
fn oserror_str(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let slf = &args[0];
    let a: Vec<Value> = crate::exceptions::exc_state(slf)
        .and_then(|s| s.borrow().args.as_tuple().map(|t| t.to_vec()))
        .unwrap_or_default();
    match a.as_slice() {
        [] => Ok(Value::str("")),
        [one] => Ok(Value::Str(vm.str_of(one)?)),
        [errno, msg, ..] if a.len() <= 5 => {
            let e = vm.str_of(errno)?;
            let m = vm.str_of(msg)?;
            let filename = crate::objexcept::derived_attr(vm, slf, "filename");
            Ok(Value::string(match filename {
                Some(f) if !f.is_none() => {
                    let r = vm.repr(&f)?;
                    format!("[Errno {}] {}: {}", e.as_str(), m.as_str(), r.as_str())
                }
                _ => format!("[Errno {}] {}", e.as_str(), m.as_str()),
            }))
        }
        _ => {
            let t = vm.new_tuple(a);
            Ok(Value::Str(vm.repr(&t)?))
        }
    }
}

/// Add `open` to the builtins and give `OSError` CPython's `[Errno N] message: 'file'` str.
pub(crate) fn register_open(vm: &mut Vm) {
    if let Some(d) = dict_of(&vm.builtins) {
        d.borrow_mut().set_str("open", builtin_fn("open", open));
    }
    let ose = vm.exc_type(ExcKind::OSError);
    types::add_methods(&ose, &[("__str__", oserror_str)]);
}

/// Create the `io` module.
pub fn init_module(vm: &mut Vm) -> PyResult<Obj> {
    let c = classes(vm)?;
    let m = vm.new_module("io");
    if let PyObject::Module(mm) = &*m {
        if let Some(d) = dict_of(&mm.dict) {
            let mut d = d.borrow_mut();
            d.set_str("open", builtin_fn("open", open));
            d.set_str("IOBase", Value::Obj(c.iobase.clone()));
            d.set_str("StringIO", Value::Obj(c.stringio.clone()));
            d.set_str("BytesIO", Value::Obj(c.bytesio.clone()));
            d.set_str("TextIOWrapper", Value::Obj(c.text.clone()));
            d.set_str("BufferedReader", Value::Obj(c.reader.clone()));
            d.set_str("BufferedWriter", Value::Obj(c.writer.clone()));
            d.set_str("BufferedRandom", Value::Obj(c.random.clone()));
            d.set_str("FileIO", Value::Obj(c.fileio.clone()));
            d.set_str("UnsupportedOperation", Value::Obj(c.unsupported.clone()));
            d.set_str("SEEK_SET", Value::Int(0));
            d.set_str("SEEK_CUR", Value::Int(1));
            d.set_str("SEEK_END", Value::Int(2));
            d.set_str("DEFAULT_BUFFER_SIZE", Value::Int(8192));
        }
    }
    Ok(m)
}
