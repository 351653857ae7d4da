//! ferropy-remote-wasm: a MicroPython board driven from JS. `RemoteBoard` wraps ferropy-remote's
//! async protocol core (raw REPL, raw-paste, exec/eval, file transfer) around a byte link given by
//! JS, and returns a Promise for every operation. The protocol itself lives in `ferropy-remote`;
//! this is the thin JS-facing side: a [`Transport`] over JS promises, and conversions of results
//! and errors. It is a wasm module of its own (web/remote/ferropy_remote.{js,wasm}, built by
//! scripts/build-wasm.sh), separate from the Python engine, so that pages pay for it only when a
//! board is connected (web/serial.js imports it then).
//!
//! The link is either an object with `read(timeoutMs)` (a promise of a `Uint8Array`, empty when
//! nothing arrived in time, `null` once the link is closed) and `write(bytes)` (a promise), or a
//! WebSerial `SerialPort` (anything with `readable`/`writable` streams), read through a reader
//! whose pending read survives a timeout.

use std::cell::RefCell;
use std::rc::Rc;

use ferropy_remote::{Error, PutOutcome, RawRepl, Transport};
use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{future_to_promise, JsFuture};

#[wasm_bindgen]
extern "C" {
    /// The global `setTimeout` (windows, workers and node alike).
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(f: &JsValue, ms: i32) -> JsValue;
}

/// A promise resolving to `value` after `ms` milliseconds.
fn sleep_value(ms: u32, value: &JsValue) -> Promise {
    let value = value.clone();
    Promise::new(&mut |resolve, _reject| {
        let bound = resolve.bind1(&JsValue::NULL, &value);
        set_timeout(bound.as_ref(), ms.min(i32::MAX as u32) as i32);
    })
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn js_message(e: &JsValue) -> String {
    let m = get(e, "message");
    m.as_string()
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "the link failed".to_string())
}

/// Call `obj.name(args...)`, expecting a promise (or a plain value), and await it.
async fn call_await(obj: &JsValue, name: &str, args: &Array) -> Result<JsValue, JsValue> {
    let f: Function = get(obj, name)
        .dyn_into()
        .map_err(|_| js_sys::Error::new(&format!("the link has no {}() method", name)))?;
    let r = f.apply(obj, args)?;
    JsFuture::from(Promise::resolve(&r)).await
}

/// Where the bytes come from.
enum Source {
    /// An object with `read(timeoutMs)` / `write(bytes)`.
    Link(JsValue),
    /// A WebSerial port's streams: its reader, the read in flight (kept when a timeout wins the
    /// race), and its writer.
    Streams {
        reader: JsValue,
        pending: Option<Promise>,
        writer: JsValue,
    },
}

/// A [`Transport`] over a JS link; bytes read beyond what the protocol asked for wait in `rest`.
pub struct JsTransport {
    src: Source,
    rest: Vec<u8>,
    closed: bool,
}

impl JsTransport {
    /// A transport over `link` (see the module documentation for the two shapes accepted).
    pub fn new(link: JsValue) -> Result<JsTransport, JsValue> {
        let readable = get(&link, "readable");
        let writable = get(&link, "writable");
        let src = if get(&link, "read").is_function() {
            Source::Link(link)
        } else if readable.is_object() && writable.is_object() {
            let get_reader: Function = get(&readable, "getReader").dyn_into()?;
            let reader = get_reader.call0(&readable)?;
            let get_writer: Function = get(&writable, "getWriter").dyn_into()?;
            let writer = get_writer.call0(&writable)?;
            Source::Streams {
                reader,
                pending: None,
                writer,
            }
        } else {
            return Err(js_sys::Error::new(
                "a board link needs read()/write() methods or readable/writable streams",
            )
            .into());
        };
        Ok(JsTransport {
            src,
            rest: Vec::new(),
            closed: false,
        })
    }

    /// Fetch more bytes into `rest`: false on timeout.
    async fn fetch(&mut self, timeout_ms: u32) -> Result<bool, Error> {
        if self.closed {
            return Err(Error::Disconnected);
        }
        let got = match &mut self.src {
            Source::Link(link) => {
                let args = Array::of1(&JsValue::from_f64(f64::from(timeout_ms)));
                match call_await(link, "read", &args).await {
                    Ok(v) if v.is_null() || v.is_undefined() => None,
                    Ok(v) => Some(v),
                    Err(_) => None,
                }
            }
            Source::Streams {
                reader, pending, ..
            } => {
                let read = match pending.take() {
                    Some(p) => Some(p),
                    None => get(reader, "read")
                        .dyn_into::<Function>()
                        .ok()
                        .and_then(|f| f.call0(reader).ok())
                        .map(|p| Promise::resolve(&p)),
                };
                match read {
                    None => None,
                    Some(read) => {
                        let timer_mark = JsValue::from(Object::new());
                        let race = Promise::race(&Array::of2(
                            &read,
                            &sleep_value(timeout_ms, &timer_mark),
                        ));
                        match JsFuture::from(race).await {
                            Ok(v) if v == timer_mark => {
                                *pending = Some(read);
                                return Ok(false);
                            }
                            Ok(v) if get(&v, "done").is_truthy() => None,
                            Ok(v) => Some(get(&v, "value")),
                            Err(_) => None,
                        }
                    }
                }
            }
        };
        let Some(v) = got else {
            return self.close_err();
        };
        let bytes = Uint8Array::new(&v).to_vec();
        self.rest.extend_from_slice(&bytes);
        Ok(!bytes.is_empty())
    }

    fn close_err<T>(&mut self) -> Result<T, Error> {
        self.closed = true;
        Err(Error::Disconnected)
    }

    /// Release a stream reader and writer (so the port can be closed); no-op for a plain link.
    pub fn release(&mut self) {
        if let Source::Streams { reader, writer, .. } = &self.src {
            for (obj, name) in [(reader, "releaseLock"), (writer, "releaseLock")] {
                if let Ok(f) = get(obj, name).dyn_into::<Function>() {
                    let _ = f.call0(obj);
                }
            }
        }
        self.closed = true;
    }
}

impl Transport for JsTransport {
    async fn read(&mut self, buf: &mut [u8], timeout_ms: u32) -> Result<usize, Error> {
        if self.rest.is_empty() && !self.fetch(timeout_ms).await? {
            return Ok(0);
        }
        let n = buf.len().min(self.rest.len());
        buf[..n].copy_from_slice(&self.rest[..n]);
        self.rest.drain(..n);
        Ok(n)
    }

    async fn write(&mut self, data: &[u8]) -> Result<(), Error> {
        if self.closed {
            return Err(Error::Disconnected);
        }
        let bytes = Uint8Array::from(data);
        let r = match &self.src {
            Source::Link(link) => call_await(link, "write", &Array::of1(&bytes)).await,
            Source::Streams { writer, .. } => {
                call_await(writer, "write", &Array::of1(&bytes)).await
            }
        };
        match r {
            Ok(_) => Ok(()),
            Err(e) => {
                self.closed = true;
                Err(Error::Io(js_message(&e)))
            }
        }
    }

    async fn flush(&mut self) -> Result<(), Error> {
        Ok(())
    }
}

/// An Error for JS: the message, plus `kind` (Disconnected, Io, Timeout, Protocol, Exception,
/// Os, Corrupt), and `errno`/`path` for Os errors.
fn to_js_error(e: &Error) -> JsValue {
    let err = js_sys::Error::new(&e.to_string());
    let kind = match e {
        Error::Disconnected => "Disconnected",
        Error::Io(_) => "Io",
        Error::Timeout(_) => "Timeout",
        Error::Protocol(_) => "Protocol",
        Error::Exception(_) => "Exception",
        Error::Os { .. } => "Os",
        Error::Corrupt(_) => "Corrupt",
    };
    let _ = Reflect::set(&err, &"kind".into(), &kind.into());
    if let Error::Os { errno, path } = e {
        let _ = Reflect::set(&err, &"errno".into(), &JsValue::from(*errno));
        let _ = Reflect::set(&err, &"path".into(), &JsValue::from_str(path));
    }
    err.into()
}

fn obj(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o.into()
}

type Shared = Rc<RefCell<Option<RawRepl<JsTransport>>>>;

/// A board on the other end of a JS byte link, spoken to with MicroPython's raw REPL protocols.
/// One operation at a time: a call made while another is in flight is rejected ("busy").
#[wasm_bindgen]
pub struct RemoteBoard {
    inner: Shared,
    timeout_ms: Rc<RefCell<u32>>,
}

/// Run `op` on the board's connection, as a Promise; the connection is lent out for the
/// duration so overlapping calls are refused instead of interleaving their bytes.
fn run<F, Fut>(inner: &Shared, timeout_ms: u32, op: F) -> Promise
where
    F: FnOnce(RawRepl<JsTransport>) -> Fut + 'static,
    Fut: std::future::Future<Output = (RawRepl<JsTransport>, Result<JsValue, Error>)> + 'static,
{
    let taken = inner.borrow_mut().take();
    let Some(mut repl) = taken else {
        return Promise::reject(&js_sys::Error::new(
            "the board is busy with another operation (or was closed)",
        ));
    };
    repl.timeout_ms = timeout_ms;
    let inner = inner.clone();
    future_to_promise(async move {
        let (repl, r) = op(repl).await;
        *inner.borrow_mut() = Some(repl);
        r.map_err(|e| to_js_error(&e))
    })
}

/// Define an operation: `op!(self, |repl| async body returning Result<JsValue, Error>)`.
macro_rules! op {
    ($self:ident, |$r:ident| $body:expr) => {
        run(
            &$self.inner,
            *$self.timeout_ms.borrow(),
            move |mut $r| async move {
                let res = $body;
                ($r, res)
            },
        )
    };
}

fn text(b: &[u8]) -> JsValue {
    JsValue::from_str(&String::from_utf8_lossy(b))
}

#[wasm_bindgen]
impl RemoteBoard {
    /// A board over `link`: an object with `read(timeoutMs)`/`write(bytes)` or a WebSerial port
    /// (opened) whose streams are then locked by this object until `release()`.
    #[wasm_bindgen(constructor)]
    pub fn new(link: JsValue) -> Result<RemoteBoard, JsValue> {
        let t = JsTransport::new(link)?;
        Ok(RemoteBoard {
            inner: Rc::new(RefCell::new(Some(RawRepl::new(t)))),
            timeout_ms: Rc::new(RefCell::new(10_000)),
        })
    }

    /// How long (ms) the board may stay silent while an answer is awaited (10 s by default).
    #[wasm_bindgen(getter, js_name = timeoutMs)]
    pub fn timeout_ms(&self) -> u32 {
        *self.timeout_ms.borrow()
    }

    /// Set the timeout.
    #[wasm_bindgen(setter, js_name = timeoutMs)]
    pub fn set_timeout_ms(&self, ms: u32) {
        *self.timeout_ms.borrow_mut() = ms;
    }

    /// Whether an operation is in flight.
    #[wasm_bindgen(getter)]
    pub fn busy(&self) -> bool {
        self.inner.borrow().is_none()
    }

    /// Whether the host believes the board is in the raw REPL (false while busy).
    #[wasm_bindgen(getter, js_name = inRawRepl)]
    pub fn in_raw_repl(&self) -> bool {
        self.inner
            .borrow()
            .as_ref()
            .is_some_and(|r| r.in_raw_repl())
    }

    /// Whether raw-paste works on this board: true, false (it answered `R\x00` or did not know
    /// the command), or undefined before it was tried.
    #[wasm_bindgen(getter, js_name = rawPasteSupported)]
    pub fn raw_paste_supported(&self) -> Option<bool> {
        self.inner
            .borrow()
            .as_ref()
            .and_then(|r| r.raw_paste_supported())
    }

    /// Interrupt the board (Ctrl-C twice) and discard its output.
    pub fn interrupt(&self) -> Promise {
        op!(self, |r| r.interrupt().await.map(|_| JsValue::UNDEFINED))
    }

    /// Enter the raw REPL (after a soft reset when `soft_reset` is true).
    #[wasm_bindgen(js_name = enterRaw)]
    pub fn enter_raw(&self, soft_reset: bool) -> Promise {
        op!(self, |r| r
            .enter_raw_repl(soft_reset)
            .await
            .map(|_| JsValue::UNDEFINED))
    }

    /// Leave the raw REPL for the friendly one.
    #[wasm_bindgen(js_name = exitRaw)]
    pub fn exit_raw(&self) -> Promise {
        op!(self, |r| r
            .exit_raw_repl()
            .await
            .map(|_| JsValue::UNDEFINED))
    }

    /// Soft-reset the board (entering the raw REPL first when needed).
    #[wasm_bindgen(js_name = softReset)]
    pub fn soft_reset(&self) -> Promise {
        op!(self, |r| r.soft_reset().await.map(|_| JsValue::UNDEFINED))
    }

    /// Run `code`: `{stdout, stderr}` (text; `stderr` is the traceback, empty when it did not
    /// raise).
    pub fn exec(&self, code: String) -> Promise {
        op!(self, |r| r.exec(code.as_bytes()).await.map(|o| obj(&[
            ("stdout", text(&o.stdout)),
            ("stderr", text(&o.stderr)),
        ])))
    }

    /// Evaluate `expr`: the `repr` of its value (rejects with the traceback if it raised).
    pub fn eval(&self, expr: String) -> Promise {
        op!(self, |r| r.eval(&expr).await.map(|s| JsValue::from_str(&s)))
    }

    /// Send `code` by raw-paste (or plain raw mode where raw-paste is missing) and stream its
    /// output: `on_stdout(bytes)` gets each piece as it arrives; resolves to the exception text
    /// (empty when none). `timeout_ms` bounds the silence between bytes (0: wait forever, for
    /// programs that run long; stop them by writing Ctrl-C to the link).
    pub fn run(&self, code: String, on_stdout: Function, timeout_ms: u32) -> Promise {
        op!(self, |r| {
            match r.exec_no_follow(code.as_bytes()).await {
                Ok(()) => {
                    let t = if timeout_ms == 0 {
                        None
                    } else {
                        Some(timeout_ms)
                    };
                    let mut cb = |d: &[u8]| {
                        let _ = on_stdout.call1(&JsValue::NULL, &Uint8Array::from(d));
                    };
                    r.follow(t, &mut cb).await.map(|e| text(&e))
                }
                Err(e) => Err(e),
            }
        })
    }

    /// List a directory: `[{name, size, isDir}]`, sorted by name.
    pub fn ls(&self, dir: String) -> Promise {
        op!(self, |r| r.ls(&dir).await.map(|entries| {
            let a = Array::new();
            for e in entries {
                a.push(&obj(&[
                    ("name", JsValue::from_str(&e.name)),
                    ("size", JsValue::from_f64(e.size as f64)),
                    ("isDir", JsValue::from_bool(e.is_dir)),
                ]));
            }
            a.into()
        }))
    }

    /// A file's content as text (UTF-8, damaged sequences replaced).
    pub fn cat(&self, path: String) -> Promise {
        op!(self, |r| r.read_file(&path).await.map(|d| text(&d)))
    }

    /// A file's content as bytes (length and SHA-256 checked).
    pub fn get(&self, path: String) -> Promise {
        op!(self, |r| r
            .read_file(&path)
            .await
            .map(|d| Uint8Array::from(d.as_slice()).into()))
    }

    /// Write `data` (a Uint8Array or a string) to `path` through a temporary file renamed into
    /// place once verified; with `skip_unchanged`, nothing is sent when the board's copy has the
    /// same SHA-256. Resolves to "written" or "unchanged".
    pub fn put(&self, path: String, data: JsValue, skip_unchanged: bool) -> Promise {
        let bytes = match data.as_string() {
            Some(s) => s.into_bytes(),
            None => Uint8Array::new(&data).to_vec(),
        };
        op!(self, |r| r
            .write_file(&path, &bytes, skip_unchanged)
            .await
            .map(|o| JsValue::from_str(match o {
                PutOutcome::Written => "written",
                PutOutcome::Unchanged => "unchanged",
            })))
    }

    /// Create a directory.
    pub fn mkdir(&self, path: String) -> Promise {
        op!(self, |r| r.mkdir(&path).await.map(|_| JsValue::UNDEFINED))
    }

    /// Remove a file.
    pub fn rm(&self, path: String) -> Promise {
        op!(self, |r| r.rm(&path).await.map(|_| JsValue::UNDEFINED))
    }

    /// Remove an empty directory.
    pub fn rmdir(&self, path: String) -> Promise {
        op!(self, |r| r.rmdir(&path).await.map(|_| JsValue::UNDEFINED))
    }

    /// `os.stat(path)`: `{mode, size, mtime, isDir}`.
    pub fn stat(&self, path: String) -> Promise {
        op!(self, |r| r.stat(&path).await.map(|s| obj(&[
            ("mode", JsValue::from_f64(f64::from(s.mode))),
            ("size", JsValue::from_f64(s.size as f64)),
            ("mtime", JsValue::from_f64(s.mtime as f64)),
            ("isDir", JsValue::from_bool(s.is_dir())),
        ])))
    }

    /// The SHA-256 of a file on the board as hex, or null when the board has no hashlib.
    pub fn hash(&self, path: String) -> Promise {
        op!(self, |r| r.hash(&path).await.map(|h| match h {
            Some(d) => JsValue::from_str(&ferropy_remote::codec::hex(&d)),
            None => JsValue::NULL,
        }))
    }

    /// Give the link back: a WebSerial port's reader and writer locks are released (so the port
    /// can be closed or read by other code). Refused while an operation is in flight.
    pub fn release(&self) -> Result<(), JsValue> {
        match self.inner.borrow_mut().as_mut() {
            Some(r) => {
                r.transport().release();
                Ok(())
            }
            None => Err(js_sys::Error::new("the board is busy").into()),
        }
    }
}
