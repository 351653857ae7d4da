//! DTLS sockets of the `tls` module: what `SSLContext(PROTOCOL_DTLS_CLIENT/SERVER).wrap_socket`
//! returns. The stream is a connected UDP socket (or any object with `readinto`/`write`, and
//! optionally `ioctl`/`fileno`): each `readinto` is one datagram and each `write` sends one.
//! The protocol is in dtls_handshake.rs; this file moves datagrams between it and the stream,
//! as the TLS SSLSocket does: a stream that would block makes an operation return None, a poll
//! is redirected to the direction the handshake needs, and the retransmission timer is driven
//! from every read, write and poll. With a blocking socket (one `fileno` reports without
//! O_NONBLOCK) a handshake read waits only until the timer, so lost flights are sent again.
//! Each write is one record and each read returns (up to n bytes of) one record.

use std::any::Any;
use std::cell::RefCell;
use std::time::Instant;

use ferropy_vm::modbuiltins::check_args;
use ferropy_vm::types;
use ferropy_vm::value::{Layout, NativeObj, Obj, PyObject, Str, Value};
use ferropy_vm::{PyErr, PyResult, Vm};

use super::dtls_crypto::SUITES;
use super::dtls_handshake::{Config, Conn};
use super::{
    bad_config, client_cert_verifier, is_again, os_code, peer_verifier, provider, signing_key, Ctx,
    Fatal, Seen, CERT_NONE, CERT_REQUIRED, ERR_CONN_EOF, POLL_NVAL, POLL_RD, POLL_WR, READ_CHUNK,
    STREAM_CLOSE, STREAM_POLL,
};

/// The largest datagram sent (handshake flights are fragmented to fit).
const MTU: usize = 1400;

/// The state of one open DTLS socket.
struct Dtls {
    conn: Conn,
    /// The wrapped stream, the bytearray it reads into, and its descriptor (-1: none known).
    sock: Value,
    rbuf: Value,
    fd: i32,
    /// The unread rest of the record being read.
    partial: Vec<u8>,
    /// The direction the handshake needs next (POLL_RD/POLL_WR), 0 when none.
    poll_mask: i64,
    /// The context's verify_callback and the chain the verifier kept for it.
    callback: Value,
    seen: Option<Seen>,
}

/// The native data of a DTLS SSLSocket (the state is taken out while an operation runs).
struct DtlsSock {
    st: Option<Box<Dtls>>,
    closed: bool,
}

/// What one read from the stream gave.
enum Got {
    Data,
    Again,
    Eof,
}

fn native(v: &Value, f: impl FnOnce(&mut DtlsSock)) -> bool {
    if let Value::Obj(o) = v {
        if let PyObject::Native(n) = &**o {
            if let Ok(mut d) = n.data.try_borrow_mut() {
                if let Some(s) = d.downcast_mut::<DtlsSock>() {
                    f(s);
                    return true;
                }
            }
        }
    }
    false
}

fn take_state(v: &Value) -> Option<Box<Dtls>> {
    let mut out = None;
    native(v, |s| {
        if !s.closed {
            out = s.st.take();
        }
    });
    out
}

fn put_state(v: &Value, st: Box<Dtls>) {
    native(v, |s| {
        if !s.closed && s.st.is_none() {
            s.st = Some(st);
        }
    });
}

/// Run `f` on the socket's state (OSError EBADF once closed).
fn with_dtls<R>(
    vm: &mut Vm,
    v: &Value,
    f: impl FnOnce(&mut Vm, &mut Dtls) -> PyResult<R>,
) -> PyResult<R> {
    let Some(mut st) = take_state(v) else {
        if native(v, |_| {}) {
            return Err(super::ebadf(vm));
        }
        return Err(vm.type_error("SSLSocket object expected"));
    };
    let r = f(vm, &mut st);
    put_state(v, st);
    r
}

/// The descriptor behind a stream, if it has one.
fn fileno(vm: &mut Vm, sock: &Value) -> i32 {
    if !matches!(vm.getattr_opt(sock, "fileno"), Ok(Some(_))) {
        return -1;
    }
    match vm.call_method(sock, "fileno", &[]) {
        Ok(Value::Int(n)) if (0..=i32::MAX as i64).contains(&n) => n as i32,
        _ => -1,
    }
}

/// The descriptor is in blocking mode.
fn blocking(fd: i32) -> bool {
    if fd < 0 {
        return false;
    }
    // SAFETY: F_GETFL only reads the descriptor's flags; a bad descriptor gives -1.
    let fl = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    fl >= 0 && fl & libc::O_NONBLOCK == 0
}

/// The peer address of a connected socket (the cookie binds a client to it); empty if unknown.
fn peer_addr(fd: i32) -> Vec<u8> {
    if fd < 0 {
        return Vec::new();
    }
    // SAFETY: sockaddr_storage is plain data; getpeername writes at most `len` bytes into it.
    unsafe {
        let mut ss: libc::sockaddr_storage = std::mem::zeroed();
        let mut len = std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t;
        if libc::getpeername(fd, &mut ss as *mut _ as *mut libc::sockaddr, &mut len) != 0 {
            return Vec::new();
        }
        let p = &ss as *const _ as *const u8;
        let n = (len as usize).min(std::mem::size_of::<libc::sockaddr_storage>());
        std::slice::from_raw_parts(p, n).to_vec()
    }
}

/// `ctx.wrap_socket(sock, ...)` for a DTLS context.
pub(super) fn wrap(
    vm: &mut Vm,
    c: &Ctx,
    sock: Value,
    handshake: bool,
    hostname: Option<String>,
) -> PyResult<Value> {
    let Some((cls, cookie_key)) = c.dtls.clone() else {
        return Err(bad_config(vm));
    };
    let p = provider(&None);
    let suites: Vec<_> = SUITES
        .iter()
        .filter(|s| match &c.suites {
            None => true,
            Some(list) => list.iter().any(|x| u16::from(x.suite()) == s.id),
        })
        .collect();
    if suites.is_empty() {
        return Err(bad_config(vm));
    }
    let key = match &c.key {
        Some(k) if !c.chain.is_empty() => match signing_key(&p, k) {
            Some(k) => Some(k),
            None => return Err(vm.value_error("invalid key")),
        },
        _ => None,
    };
    let seen = match (&c.callback, c.server) {
        (Value::None, _) | (_, true) => None,
        _ => Some(Seen::default()),
    };
    let client_verifier = if c.server && c.verify_mode != CERT_NONE {
        Some(client_cert_verifier(vm, c, &p)?)
    } else {
        None
    };
    let fd = fileno(vm, &sock);
    let cfg = Config {
        server: c.server,
        suites,
        hostname,
        chain: c.chain.clone(),
        key,
        server_verifier: peer_verifier(c, &p, seen.clone()),
        verify_server: c.verify_mode == CERT_REQUIRED,
        client_verifier,
        algs: p.signature_verification_algorithms,
        cookie_key,
        peer_addr: peer_addr(fd),
        mtu: MTU,
    };
    let rbuf = Value::Obj(vm.alloc(PyObject::ByteArray(RefCell::new(vec![0u8; READ_CHUNK]))));
    let st = Dtls {
        conn: Conn::new(cfg, Instant::now()),
        sock,
        rbuf,
        fd,
        partial: Vec::new(),
        poll_mask: 0,
        callback: c.callback.clone(),
        seen,
    };
    let obj = Value::Obj(vm.alloc(PyObject::Native(NativeObj {
        class: cls,
        data: RefCell::new(Box::new(DtlsSock {
            st: Some(Box::new(st)),
            closed: false,
        }) as Box<dyn Any>),
    })));
    if handshake {
        loop {
            let r = with_dtls(vm, &obj, step)?;
            if r.is_none() {
                break;
            }
            vm.check_interrupt()?;
            vm.port.sleep_us(1000);
        }
    }
    Ok(obj)
}

/// Send the queued datagrams: false when the stream would block.
fn flush(vm: &mut Vm, st: &mut Dtls) -> PyResult<bool> {
    while let Some(d) = st.conn.out.front() {
        let b = Value::bytes(d);
        match vm.call_method(&st.sock, "write", &[b]) {
            Ok(Value::None) => return Ok(false),
            Ok(_) => {}
            Err(e) if is_again(vm, &e) => return Ok(false),
            Err(e) => return Err(e),
        }
        st.conn.out.pop_front();
    }
    Ok(true)
}

/// Raise the connection's fatal error (after sending its alert, if the stream takes it).
fn raise(vm: &mut Vm, st: &mut Dtls, f: Fatal) -> PyErr {
    let _ = flush(vm, st);
    f.raise(vm)
}

/// Read one datagram into the connection. On a blocking socket while the retransmission timer
/// runs, waits no longer than the timer (Again when it expires).
fn recv(vm: &mut Vm, st: &mut Dtls) -> PyResult<Got> {
    if let Some(deadline) = st.conn.deadline() {
        if blocking(st.fd) {
            let left = deadline.saturating_duration_since(Instant::now());
            let ms = (left.as_millis() + 1).min(1000) as i32;
            let mut p = libc::pollfd {
                fd: st.fd,
                events: libc::POLLIN,
                revents: 0,
            };
            // SAFETY: one valid pollfd.
            let r = unsafe { libc::poll(&mut p, 1, ms) };
            if r <= 0 {
                return Ok(Got::Again);
            }
        }
    }
    let r = match vm.call_method(&st.sock, "readinto", std::slice::from_ref(&st.rbuf)) {
        Ok(r) => r,
        Err(e) if is_again(vm, &e) => return Ok(Got::Again),
        Err(e) => return Err(e),
    };
    let n = match r {
        Value::None => return Ok(Got::Again),
        v => vm.to_index(&v)?.max(0) as usize,
    };
    if n == 0 {
        // An empty datagram on a socket; the end of any other stream.
        return Ok(if st.fd >= 0 { Got::Data } else { Got::Eof });
    }
    let data = match &st.rbuf {
        Value::Obj(o) => match &**o {
            PyObject::ByteArray(b) => b.borrow().get(..n).map(|d| d.to_vec()),
            _ => None,
        },
        _ => None,
    };
    let Some(data) = data else {
        return Err(vm.value_error("readinto() returned a bad count"));
    };
    st.conn.handle_datagram(&data, Instant::now());
    Ok(Got::Data)
}

/// Call verify_callback(cert, depth) for the chain the verifier kept (the highest depth first);
/// a non-zero result fails the connection with OSError(result).
fn run_callback(vm: &mut Vm, st: &mut Dtls) -> PyResult<()> {
    let chain = match &st.seen {
        Some(seen) => match seen.lock() {
            Ok(mut v) => std::mem::take(&mut *v),
            Err(_) => Vec::new(),
        },
        None => return Ok(()),
    };
    let f = st.callback.clone();
    for (depth, der) in chain.iter().enumerate().rev() {
        let r = vm.call(&f, &[Value::bytes(der), Value::Int(depth as i64)])?;
        let code = match r {
            Value::None => 0,
            v => vm.to_index(&v)?,
        };
        if code != 0 {
            let f = Fatal::Os(code, "verify_callback failed".to_string());
            st.conn.fatal = Some(f.clone());
            return Err(raise(vm, st, f));
        }
    }
    Ok(())
}

/// A blocking stream had nothing although it was asked to wait (the timer's wait ended, or a
/// stream object returned None anyway): let Ctrl-C through, and never spin.
fn wait_a_little(vm: &mut Vm, st: &Dtls) -> PyResult<()> {
    vm.check_interrupt()?;
    if st.conn.deadline().is_none() {
        vm.port.sleep_us(1000);
    }
    Ok(())
}

/// Advance the handshake as far as the stream allows: Ok(None) once it is complete,
/// Ok(Some(POLL_RD / POLL_WR)) when the stream would block in that direction.
fn step(vm: &mut Vm, st: &mut Dtls) -> PyResult<Option<i64>> {
    loop {
        st.conn.on_timer(Instant::now());
        if let Some(f) = st.conn.fatal.clone() {
            return Err(raise(vm, st, f));
        }
        if !flush(vm, st)? {
            return Ok(Some(POLL_WR));
        }
        if !st.conn.handshaking() {
            return Ok(None);
        }
        match recv(vm, st)? {
            Got::Data => run_callback(vm, st)?,
            Got::Again if blocking(st.fd) => wait_a_little(vm, st)?,
            Got::Again => return Ok(Some(POLL_RD)),
            Got::Eof => st.conn.fatal = Some(os_code(ERR_CONN_EOF)),
        }
    }
}

/// The start of every read and write: a fatal error is raised again and a handshake in progress
/// is advanced. False when the caller would block (`poll_mask` then names the direction the
/// handshake waits for, when it is not the caller's own).
fn begin_io(vm: &mut Vm, st: &mut Dtls, other: i64) -> PyResult<bool> {
    st.poll_mask = 0;
    if let Some(f) = st.conn.fatal.clone() {
        return Err(raise(vm, st, f));
    }
    if st.conn.handshaking() {
        if let Some(wait) = step(vm, st)? {
            if wait == other {
                st.poll_mask = other;
            }
            return Ok(false);
        }
    }
    Ok(true)
}

/// Up to `max` bytes of the next record: None when the stream would block, empty at the end.
fn read_some(vm: &mut Vm, st: &mut Dtls, max: usize) -> PyResult<Option<Vec<u8>>> {
    if !begin_io(vm, st, POLL_WR)? {
        return Ok(None);
    }
    loop {
        if !st.partial.is_empty() {
            let n = max.min(st.partial.len());
            let rest = st.partial.split_off(n);
            return Ok(Some(std::mem::replace(&mut st.partial, rest)));
        }
        if let Some(r) = st.conn.app_in.pop_front() {
            st.partial = r;
            continue;
        }
        if let Some(f) = st.conn.fatal.clone() {
            return Err(raise(vm, st, f));
        }
        if st.conn.peer_closed {
            return Ok(Some(Vec::new()));
        }
        // Retransmissions the peer's records asked for.
        flush(vm, st)?;
        match recv(vm, st)? {
            Got::Data => {}
            Got::Again if blocking(st.fd) => wait_a_little(vm, st)?,
            Got::Again => return Ok(None),
            Got::Eof => return Ok(Some(Vec::new())),
        }
    }
}

/// Write one record of `data`: the count taken, or None when the handshake would block.
fn write_some(vm: &mut Vm, st: &mut Dtls, data: &[u8]) -> PyResult<Option<usize>> {
    if !begin_io(vm, st, POLL_RD)? {
        return Ok(None);
    }
    let n = st.conn.send_app(data);
    flush(vm, st)?;
    Ok(Some(n))
}

fn me(args: &[Value]) -> Value {
    args.first().cloned().unwrap_or(Value::None)
}

/// `read([n])` / `recv(n)`: (up to n bytes of) one record; None when nothing could be read from
/// a non-blocking stream, b'' after the peer's close_notify.
fn s_read(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "read", args, 1, 3)?;
    let n = super::size_of(vm, args.get(1))?.unwrap_or(READ_CHUNK);
    with_dtls(vm, &me(args), |vm, st| match read_some(vm, st, n)? {
        None => Ok(Value::None),
        Some(b) => Ok(Value::bytes_vec(b)),
    })
}

/// `readinto(buf[, n])`: one record into buf; the count, or None.
fn s_readinto(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "readinto", args, 2, 3)?;
    let Some((target, start, len)) = ferropy_vm::objmemoryview::writable_bytes(&args[1]) else {
        return Err(vm.type_error("object with buffer protocol required"));
    };
    let len = match args.get(2) {
        Some(v) => (vm.to_index(v)?.max(0) as usize).min(len),
        None => len,
    };
    let got = with_dtls(vm, &me(args), |vm, st| read_some(vm, st, len))?;
    let Some(got) = got else {
        return Ok(Value::None);
    };
    if let PyObject::ByteArray(ba) = &*target {
        if let Ok(mut ba) = ba.try_borrow_mut() {
            if let Some(dst) = ba.get_mut(start..start + got.len()) {
                dst.copy_from_slice(&got);
            }
        }
    }
    Ok(Value::Int(got.len() as i64))
}

/// `write(buf)` / `send(buf)`: one record (of up to 16 KiB of buf); the count, or None while
/// the handshake waits for the stream.
fn s_write(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "write", args, 2, 2)?;
    let data = super::data_arg(vm, &args[1])?;
    with_dtls(vm, &me(args), |vm, st| match write_some(vm, st, &data)? {
        None => Ok(Value::None),
        Some(n) => Ok(Value::Int(n as i64)),
    })
}

/// `sendall(buf)`: records until all of buf is sent.
fn s_sendall(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "sendall", args, 2, 2)?;
    let data = super::data_arg(vm, &args[1])?;
    with_dtls(vm, &me(args), |vm, st| {
        let mut off = 0;
        while off < data.len() {
            match write_some(vm, st, &data[off..])? {
                None | Some(0) => {
                    vm.check_interrupt()?;
                    vm.port.sleep_us(1000);
                }
                Some(n) => off += n,
            }
        }
        Ok(Value::None)
    })
}

/// Close: close_notify to the peer once the handshake is done, then the stream's own close.
fn close(vm: &mut Vm, obj: &Value) -> PyResult<Value> {
    let mut st = None;
    native(obj, |s| {
        if !s.closed {
            s.closed = true;
            st = s.st.take();
        }
    });
    let Some(mut st) = st else {
        return Ok(Value::Int(0));
    };
    st.conn.close_notify();
    let _ = flush(vm, &mut st);
    let sock = st.sock.clone();
    drop(st);
    if vm.getattr_opt(&sock, "ioctl")?.is_some() {
        return vm.call_method(&sock, "ioctl", &[Value::Int(STREAM_CLOSE), Value::Int(0)]);
    }
    if vm.getattr_opt(&sock, "close")?.is_some() {
        vm.call_method(&sock, "close", &[])?;
    }
    Ok(Value::Int(0))
}

fn s_close(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "close", args, 1, 1)?;
    if !native(&args[0], |_| {}) {
        return Err(vm.type_error("SSLSocket object expected"));
    }
    close(vm, &args[0])?;
    Ok(Value::None)
}

/// `ioctl(request, arg)`: MP_STREAM_POLL (redirected to the direction the handshake needs; the
/// retransmission timer runs here too) and MP_STREAM_CLOSE.
fn s_ioctl(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "ioctl", args, 3, 3)?;
    let req = vm.to_index(&args[1])?;
    let arg = vm.to_index(&args[2])?;
    let obj = me(args);
    match req {
        STREAM_CLOSE => close(vm, &obj),
        STREAM_POLL => {
            let Some(mut st) = take_state(&obj) else {
                return Ok(Value::Int(POLL_NVAL));
            };
            let r = poll(vm, &mut st, arg);
            put_state(&obj, st);
            r
        }
        _ => Err(ferropy_vm::vfs::os_error(vm, libc::EINVAL, None)),
    }
}

fn poll(vm: &mut Vm, st: &mut Dtls, arg: i64) -> PyResult {
    st.conn.on_timer(Instant::now());
    if st.conn.fatal.is_some() {
        return Ok(Value::Int(POLL_NVAL));
    }
    let _ = flush(vm, st)?;
    let rdwr = POLL_RD | POLL_WR;
    let asked = arg & rdwr;
    let mut want = arg;
    let mut redirect = 0;
    if st.poll_mask != 0 && asked != 0 {
        want = (arg & !rdwr) | st.poll_mask;
        redirect = st.poll_mask;
    }
    let ready = !st.partial.is_empty() || !st.conn.app_in.is_empty() || st.conn.peer_closed;
    super::poll_stream(vm, &st.sock, ready, want, asked, redirect)
}

/// `setblocking(flag)` / `settimeout(t)`: passed on to the wrapped stream.
fn s_setblocking(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "setblocking", args, 2, 2)?;
    let sock = with_dtls(vm, &args[0], |_vm, st| Ok(st.sock.clone()))?;
    vm.call_method(&sock, "setblocking", &[args[1].clone()])
}

fn s_settimeout(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "settimeout", args, 2, 2)?;
    let sock = with_dtls(vm, &args[0], |_vm, st| Ok(st.sock.clone()))?;
    vm.call_method(&sock, "settimeout", &[args[1].clone()])
}

/// `getpeercert(True)`: the peer's certificate as DER bytes (None before the handshake).
fn s_getpeercert(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "getpeercert", args, 1, 2)?;
    let binary = match args.get(1) {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    if !binary {
        return Err(vm.err(ferropy_vm::exceptions::ExcKind::NotImplementedError, ""));
    }
    with_dtls(vm, &args[0], |_vm, st| {
        Ok(match st.conn.peer_certs.first() {
            Some(c) if !st.conn.handshaking() => Value::bytes(c.as_ref()),
            _ => Value::None,
        })
    })
}

/// `cipher()`: (suite name, 'DTLSv1.2'), None before the handshake.
fn s_cipher(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "cipher", args, 1, 1)?;
    let name = with_dtls(vm, &args[0], |_vm, st| Ok(st.conn.suite_name()))?;
    match name {
        Some(n) => Ok(vm.new_tuple(vec![Value::str(n), Value::str("DTLSv1.2")])),
        None => Ok(Value::None),
    }
}

fn s_enter(_vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    Ok(me(args))
}

fn s_exit(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    close(vm, &me(args))?;
    Ok(Value::None)
}

fn s_repr(_vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    Ok(Value::str("<SSLSocket>"))
}

/// The SSLSocket type of DTLS connections.
pub(super) fn socket_type(object: Obj) -> Obj {
    let cls = types::new_type("SSLSocket", vec![object], Layout::Other, false);
    types::add_methods(
        &cls,
        &[
            ("read", s_read),
            ("recv", s_read),
            ("readinto", s_readinto),
            ("write", s_write),
            ("send", s_write),
            ("sendall", s_sendall),
            ("close", s_close),
            ("setblocking", s_setblocking),
            ("settimeout", s_settimeout),
            ("ioctl", s_ioctl),
            ("getpeercert", s_getpeercert),
            ("cipher", s_cipher),
            ("__enter__", s_enter),
            ("__exit__", s_exit),
            ("__repr__", s_repr),
        ],
    );
    types::set_attr(&cls, "__module__", Value::str("tls"));
    cls
}
