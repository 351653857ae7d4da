//! The browser Port: console output to JS callbacks (line-buffered strings or `Uint8Array`
//! chunks), `input()` through a JS callback or `prompt`, clocks from `performance.now()`/`Date`,
//! random bytes from `crypto.getRandomValues`, and the in-memory file system.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use ferropy_vm::port::{Errno, FileKind, FileStat, Port};
use js_sys::{Function, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};

use crate::fs::{MemFs, Node};

/// State shared between the port (owned by the VM) and the engine (owned by JS).
#[derive(Default)]
pub struct Shared {
    /// The file system.
    pub fs: RefCell<MemFs>,
    /// Set by `interrupt()`; the VM takes it at its next check.
    pub interrupt: Cell<bool>,
    /// True while the port is inside a JS output/input callback (the VM is mid-instruction then,
    /// so JS must not re-enter it).
    pub in_callback: Cell<bool>,
    /// An `Int32Array` over a `SharedArrayBuffer` whose element 0 another thread sets to
    /// interrupt (Pyodide's `setInterruptBuffer`): lets Ctrl-C stop code that never returns to
    /// the event loop (REPL input running in a Web Worker).
    pub interrupt_buffer: RefCell<Option<js_sys::Int32Array>>,
    /// `wait(ms)` of the glue: a promise that resolves after `ms` or as soon as JS calls into
    /// Python (which may wake an asyncio task); the asyncio loop of the port awaits it when no
    /// task is ready.
    pub loop_waiter: RefCell<Option<js_sys::Function>>,
}

impl Shared {
    /// True (and reset) when an interrupt was asked for, by `interrupt()` or the buffer.
    pub fn take_interrupt(&self) -> bool {
        if self.interrupt.replace(false) {
            return true;
        }
        match &*self.interrupt_buffer.borrow() {
            Some(buf) => js_sys::Atomics::exchange(buf, 0, 0).unwrap_or(0) != 0,
            None => false,
        }
    }
}

/// One output stream: its callback and, in line-buffered mode, the partial line.
struct Stream {
    callback: Option<Function>,
    buf: Vec<u8>,
}

/// The port the browser engine gives its VM.
pub struct BrowserPort {
    out: Stream,
    err: Stream,
    stdin: Option<Function>,
    linebuffer: bool,
    shared: Rc<Shared>,
    now: Option<(JsValue, Function)>,
    /// The cell `Atomics.wait` sleeps on: None until first used, `Some(None)` where blocking
    /// is not possible.
    wait_cell: Option<Option<js_sys::Int32Array>>,
}

/// An `Int32Array` over a new one-element `SharedArrayBuffer`, if the host has them.
fn make_wait_cell() -> Option<js_sys::Int32Array> {
    let ctor = Reflect::get(&js_sys::global(), &JsValue::from_str("SharedArrayBuffer")).ok()?;
    let ctor: Function = ctor.dyn_into().ok()?;
    let args = js_sys::Array::of1(&JsValue::from_f64(4.0));
    let sab = Reflect::construct(&ctor, &args).ok()?;
    Some(js_sys::Int32Array::new(&sab))
}

impl BrowserPort {
    /// A port writing to the given callbacks.
    pub fn new(
        stdout: Option<Function>,
        stderr: Option<Function>,
        stdin: Option<Function>,
        linebuffer: bool,
        shared: Rc<Shared>,
    ) -> BrowserPort {
        let global = js_sys::global();
        let now = Reflect::get(&global, &JsValue::from_str("performance"))
            .ok()
            .filter(|p| p.is_object())
            .and_then(|p| {
                let f = Reflect::get(&p, &JsValue::from_str("now")).ok()?;
                Some((p, f.dyn_into::<Function>().ok()?))
            });
        BrowserPort {
            out: Stream {
                callback: stdout,
                buf: Vec::new(),
            },
            err: Stream {
                callback: stderr.or(None),
                buf: Vec::new(),
            },
            stdin,
            linebuffer,
            shared,
            now,
            wait_cell: None,
        }
    }

    fn call(&self, f: &Function, arg: &JsValue) {
        self.shared.in_callback.set(true);
        let _ = f.call1(&JsValue::UNDEFINED, arg);
        self.shared.in_callback.set(false);
    }

    fn write(&mut self, to_err: bool, data: &[u8]) {
        let linebuffer = self.linebuffer;
        let stream = if to_err { &mut self.err } else { &mut self.out };
        let Some(f) = stream.callback.clone() else {
            return;
        };
        if linebuffer {
            stream.buf.extend_from_slice(data);
            let mut lines = Vec::new();
            while let Some(i) = stream.buf.iter().position(|&b| b == b'\n') {
                let line: Vec<u8> = stream.buf.drain(..=i).collect();
                lines.push(String::from_utf8_lossy(&line[..i]).into_owned());
            }
            for l in lines {
                self.call(&f, &JsValue::from_str(&l));
            }
        } else {
            // Every `\n` begins its own chunk (terminals add `\r` before a chunk starting with it).
            let mut start = 0;
            for (i, &b) in data.iter().enumerate() {
                if b == b'\n' && i > start {
                    self.call(&f, &Uint8Array::from(&data[start..i]).into());
                    start = i;
                }
            }
            if start < data.len() {
                self.call(&f, &Uint8Array::from(&data[start..]).into());
            }
        }
    }

    /// Block the thread for `ms` with `Atomics.wait`; returns at once where that is not allowed
    /// (a browser's main thread, no `SharedArrayBuffer`), so the caller spins.
    fn block_ms(&mut self, ms: f64) {
        if self.wait_cell.is_none() {
            self.wait_cell = Some(make_wait_cell());
        }
        let Some(Some(cell)) = &self.wait_cell else {
            return;
        };
        if js_sys::Atomics::wait_with_timeout(cell, 0, 0, ms).is_err() {
            self.wait_cell = Some(None);
        }
    }

    fn now_ms(&self) -> f64 {
        match &self.now {
            Some((p, f)) => f.call0(p).ok().and_then(|v| v.as_f64()).unwrap_or(0.0),
            None => js_sys::Date::now(),
        }
    }
}

impl Port for BrowserPort {
    fn write_stdout(&mut self, data: &[u8]) {
        self.write(false, data);
    }
    fn write_stderr(&mut self, data: &[u8]) {
        self.write(true, data);
    }
    fn read_line(&mut self) -> Option<String> {
        let v = match &self.stdin {
            Some(f) => {
                let f = f.clone();
                self.shared.in_callback.set(true);
                let r = f.call0(&JsValue::UNDEFINED);
                self.shared.in_callback.set(false);
                r.ok()?
            }
            None => {
                let p = Reflect::get(&js_sys::global(), &JsValue::from_str("prompt")).ok()?;
                let p: Function = p.dyn_into().ok()?;
                p.call0(&JsValue::UNDEFINED).ok()?
            }
        };
        let s = v.as_string()?;
        Some(s.strip_suffix('\n').map(String::from).unwrap_or(s))
    }
    fn ticks_us(&mut self) -> u64 {
        (self.now_ms() * 1000.0) as u64
    }
    fn ticks_ms(&mut self) -> u64 {
        self.now_ms() as u64
    }
    fn time(&mut self) -> f64 {
        js_sys::Date::now() / 1000.0
    }
    fn sleep_us(&mut self, us: u64) {
        // Only reached outside resumable runs (runPython). Block in `Atomics.wait` where JS
        // allows it (node, workers), in slices so interrupts are seen; else spin.
        let end = self.now_ms() + us as f64 / 1000.0;
        loop {
            if self.shared.take_interrupt() {
                self.shared.interrupt.set(true);
                break;
            }
            let left = end - self.now_ms();
            if left <= 0.0 {
                break;
            }
            self.block_ms(left.min(20.0));
        }
    }
    fn take_interrupt(&mut self) -> bool {
        self.shared.take_interrupt()
    }
    fn file_kind(&mut self, path: &str) -> FileKind {
        match self.shared.fs.borrow().get(path) {
            Some(Node::File(..)) => FileKind::File,
            Some(Node::Dir) => FileKind::Dir,
            None => FileKind::Missing,
        }
    }
    fn read_file(&mut self, path: &str) -> Result<Vec<u8>, Errno> {
        self.shared.fs.borrow().read(path)
    }
    fn write_file(&mut self, path: &str, data: &[u8]) -> Result<(), Errno> {
        self.shared.fs.borrow_mut().write(path, data.to_vec())
    }
    fn append_file(&mut self, path: &str, data: &[u8]) -> Result<(), Errno> {
        self.shared.fs.borrow_mut().append(path, data)
    }
    fn list_dir(&mut self, path: &str) -> Result<Vec<String>, Errno> {
        self.shared.fs.borrow().list(path)
    }
    fn stat(&mut self, path: &str) -> Result<FileStat, Errno> {
        match self.shared.fs.borrow().get(path) {
            Some(Node::File(d, t)) => Ok(FileStat {
                is_dir: false,
                size: d.len() as u64,
                mtime: (*t / 1000.0) as i64,
            }),
            Some(Node::Dir) => Ok(FileStat {
                is_dir: true,
                ..FileStat::default()
            }),
            None => Err(crate::fs::ENOENT),
        }
    }
    fn mkdir(&mut self, path: &str) -> Result<(), Errno> {
        self.shared.fs.borrow_mut().mkdir(path)
    }
    fn remove(&mut self, path: &str) -> Result<(), Errno> {
        self.shared.fs.borrow_mut().unlink(path)
    }
    fn rmdir(&mut self, path: &str) -> Result<(), Errno> {
        self.shared.fs.borrow_mut().rmdir(path)
    }
    fn rename(&mut self, from: &str, to: &str) -> Result<(), Errno> {
        self.shared.fs.borrow_mut().rename(from, to)
    }
    fn random_bytes(&mut self, buf: &mut [u8]) {
        let crypto = Reflect::get(&js_sys::global(), &JsValue::from_str("crypto")).ok();
        let f = crypto.as_ref().and_then(|c| {
            Reflect::get(c, &JsValue::from_str("getRandomValues"))
                .ok()?
                .dyn_into::<Function>()
                .ok()
        });
        if let (Some(c), Some(f)) = (crypto, f) {
            for chunk in buf.chunks_mut(65536) {
                let arr = Uint8Array::new_with_length(chunk.len() as u32);
                if f.call1(&c, &arr).is_ok() {
                    arr.copy_to(chunk);
                }
            }
            return;
        }
        let mut x = (js_sys::Date::now() as u64) ^ 0x9e37_79b9_7f4a_7c15;
        for b in buf {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            *b = x as u8;
        }
    }
    fn getcwd(&mut self) -> Option<String> {
        // The in-memory file system starts at its root, as MicroPython's webassembly port does.
        Some(String::from("/"))
    }
    fn platform(&self) -> &str {
        "webassembly"
    }
}
