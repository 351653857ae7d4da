//! The `socket` module of the native port: BSD sockets (IPv4 and IPv6, TCP and UDP) through the C
//! library,
//! with MicroPython's API (which is CPython's core: `socket`, `bind`, `listen`, `accept`,
//! `connect`, `send`/`sendall`/`sendto`, `recv`/`recvfrom`, `setsockopt`, `setblocking`,
//! `settimeout`, stream methods `read`/`readinto`/`readline`/`write`, and `getaddrinfo`).
//! Addresses are CPython's tuples: `(host, port)` for AF_INET, `(host, port, flowinfo, scope_id)`
//! for AF_INET6 (given with 2 to 4 items). A socket answers the stream `ioctl` poll
//! request, so `select.poll` and asyncio's streams can wait on non-blocking sockets.

use std::cell::RefCell;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, SocketAddrV4, SocketAddrV6, ToSocketAddrs};

use ferropy_vm::exceptions::ExcKind;
use ferropy_vm::modbuiltins::check_args;
use ferropy_vm::modio::size_arg;
use ferropy_vm::modstruct::{module_fns, module_set};
use ferropy_vm::types;
use ferropy_vm::value::{Layout, NativeObj, Obj, PyObject, Str, Value};
use ferropy_vm::{PyErr, PyResult, Vm};

/// The state of one socket.
struct Sock {
    /// The descriptor (-1 once closed).
    fd: i32,
    /// Blocking timeout in seconds: None blocks, Some(0.0) is non-blocking.
    timeout: Option<f64>,
    /// The address family (AF_INET or AF_INET6).
    family: i32,
}

impl Drop for Sock {
    /// A socket dropped without close() gives its descriptor back.
    fn drop(&mut self) {
        if self.fd >= 0 {
            // SAFETY: the descriptor belongs to this socket and nothing else uses it.
            unsafe { libc::close(self.fd) };
            self.fd = -1;
        }
    }
}

/// The last C library error as a Python OSError.
fn last_error(vm: &mut Vm) -> PyErr {
    let e = std::io::Error::last_os_error().raw_os_error().unwrap_or(5);
    ferropy_vm::vfs::os_error(vm, e, None)
}

/// The socket state of `v`: (descriptor, timeout).
fn sock(vm: &mut Vm, v: Option<&Value>) -> PyResult<(i32, Option<f64>)> {
    if let Some(Value::Obj(o)) = v {
        if let PyObject::Native(n) = &**o {
            if let Ok(d) = n.data.try_borrow() {
                if let Some(s) = d.downcast_ref::<Sock>() {
                    if s.fd < 0 {
                        return Err(ferropy_vm::vfs::os_error(vm, libc::EBADF, None));
                    }
                    return Ok((s.fd, s.timeout));
                }
            }
        }
    }
    Err(vm.type_error("socket object expected"))
}

/// The address family of socket `v` (AF_INET when it is not a socket).
fn family_of(v: &Value) -> i32 {
    if let Value::Obj(o) = v {
        if let PyObject::Native(n) = &**o {
            if let Ok(d) = n.data.try_borrow() {
                if let Some(s) = d.downcast_ref::<Sock>() {
                    return s.family;
                }
            }
        }
    }
    libc::AF_INET
}

fn set_state(v: &Value, f: impl FnOnce(&mut Sock)) {
    if let Value::Obj(o) = v {
        if let PyObject::Native(n) = &**o {
            if let Ok(mut d) = n.data.try_borrow_mut() {
                if let Some(s) = d.downcast_mut::<Sock>() {
                    f(s);
                }
            }
        }
    }
}

/// Wait until `fd` is ready for `events` within the socket's timeout (EAGAIN/ETIMEDOUT past it).
fn wait_ready(vm: &mut Vm, fd: i32, timeout: Option<f64>, events: i16) -> PyResult<()> {
    let ms = match timeout {
        None => return Ok(()),
        Some(t) if t <= 0.0 => return Ok(()),
        Some(t) => (t * 1000.0).ceil().min(i32::MAX as f64) as i32,
    };
    let mut p = libc::pollfd {
        fd,
        events,
        revents: 0,
    };
    // SAFETY: one valid pollfd.
    let r = unsafe { libc::poll(&mut p, 1, ms) };
    if r < 0 {
        return Err(last_error(vm));
    }
    if r == 0 {
        return Err(timed_out(vm));
    }
    Ok(())
}

/// Is `fd` ready for `events` right now?
fn ready_now(fd: i32, events: i16) -> bool {
    let mut p = libc::pollfd {
        fd,
        events,
        revents: 0,
    };
    // SAFETY: one valid pollfd; a zero timeout never blocks.
    unsafe { libc::poll(&mut p, 1, 0) > 0 }
}

/// Wait until `fd` is ready for `events`, then run `op` (which then does not block). When other
/// threads could run meanwhile (a blocking or timed socket, in a thread that can be switched
/// away from), this thread waits in the VM's scheduler rather than in the kernel, as
/// MicroPython's unix port releases its GIL around blocking calls: the others go on, and `op`
/// runs once the socket is ready (past the socket's timeout the call raises TimeoutError).
/// Otherwise this blocks in poll() for the socket's timeout.
fn ready_then(
    vm: &mut Vm,
    fd: i32,
    timeout: Option<f64>,
    events: i16,
    op: impl FnOnce(&mut Vm) -> PyResult + 'static,
) -> PyResult {
    let nonblocking = matches!(timeout, Some(t) if t <= 0.0);
    if nonblocking || !vm.can_suspend() || !vm.threads_waiting() || ready_now(fd, events) {
        wait_ready(vm, fd, timeout, events)?;
        return op(vm);
    }
    let deadline = timeout.map(|t| {
        vm.port
            .ticks_us()
            .saturating_add((t * 1e6).min(u64::MAX as f64) as u64)
    });
    let mut op = Some(op);
    Err(vm.thread_block_io(Box::new(move |vm| {
        if ready_now(fd, events) {
            return op.take().map(|f| f(vm));
        }
        if deadline.is_some_and(|d| vm.port.ticks_us() >= d) {
            return Some(Err(timed_out(vm)));
        }
        None
    })))
}

/// The TimeoutError of a socket operation that did not complete within the socket's timeout.
fn timed_out(vm: &mut Vm) -> PyErr {
    vm.err_args(
        ExcKind::TimeoutError,
        vec![Value::Int(libc::ETIMEDOUT as i64), Value::str("timed out")],
    )
}

/// A socket address in the C library's form.
struct CAddr {
    ss: libc::sockaddr_storage,
    len: libc::socklen_t,
}

impl CAddr {
    /// Storage for an address the C library fills in.
    fn empty() -> CAddr {
        CAddr {
            // SAFETY: sockaddr_storage is plain data; all-zero is a valid value.
            ss: unsafe { std::mem::zeroed() },
            len: std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t,
        }
    }
    fn ptr(&self) -> *const libc::sockaddr {
        &self.ss as *const libc::sockaddr_storage as *const libc::sockaddr
    }
    fn mut_ptr(&mut self) -> *mut libc::sockaddr {
        &mut self.ss as *mut libc::sockaddr_storage as *mut libc::sockaddr
    }
    /// The C form of a Rust socket address.
    fn from_std(a: &SocketAddr) -> CAddr {
        let mut c = CAddr::empty();
        match a {
            SocketAddr::V4(v4) => {
                // SAFETY: sockaddr_storage is large and aligned enough for any address type.
                let sa = unsafe { &mut *(c.mut_ptr() as *mut libc::sockaddr_in) };
                sa.sin_family = libc::AF_INET as libc::sa_family_t;
                sa.sin_port = v4.port().to_be();
                sa.sin_addr = libc::in_addr {
                    s_addr: u32::from(*v4.ip()).to_be(),
                };
                c.len = std::mem::size_of::<libc::sockaddr_in>() as libc::socklen_t;
            }
            SocketAddr::V6(v6) => {
                // SAFETY: as above.
                let sa = unsafe { &mut *(c.mut_ptr() as *mut libc::sockaddr_in6) };
                sa.sin6_family = libc::AF_INET6 as libc::sa_family_t;
                sa.sin6_port = v6.port().to_be();
                sa.sin6_flowinfo = v6.flowinfo().to_be();
                sa.sin6_addr = libc::in6_addr {
                    s6_addr: v6.ip().octets(),
                };
                sa.sin6_scope_id = v6.scope_id();
                c.len = std::mem::size_of::<libc::sockaddr_in6>() as libc::socklen_t;
            }
        }
        c
    }
    /// The Rust form of an address the C library filled in (None for other families).
    fn to_std(&self) -> Option<SocketAddr> {
        match self.ss.ss_family as i32 {
            libc::AF_INET => {
                // SAFETY: the family says the storage holds a sockaddr_in.
                let sa = unsafe { &*(self.ptr() as *const libc::sockaddr_in) };
                let ip = Ipv4Addr::from(u32::from_be(sa.sin_addr.s_addr));
                Some(SocketAddr::V4(SocketAddrV4::new(
                    ip,
                    u16::from_be(sa.sin_port),
                )))
            }
            libc::AF_INET6 => {
                // SAFETY: the family says the storage holds a sockaddr_in6.
                let sa = unsafe { &*(self.ptr() as *const libc::sockaddr_in6) };
                Some(SocketAddr::V6(SocketAddrV6::new(
                    Ipv6Addr::from(sa.sin6_addr.s6_addr),
                    u16::from_be(sa.sin6_port),
                    u32::from_be(sa.sin6_flowinfo),
                    sa.sin6_scope_id,
                )))
            }
            _ => None,
        }
    }
}

/// Resolve `host` to an address of `family` (the unspecified address for "").
fn resolve(vm: &mut Vm, host: &str, port: u16, family: i32) -> PyResult<SocketAddr> {
    let v6 = family == libc::AF_INET6;
    if host.is_empty() {
        let ip = if v6 {
            IpAddr::V6(Ipv6Addr::UNSPECIFIED)
        } else {
            IpAddr::V4(Ipv4Addr::UNSPECIFIED)
        };
        return Ok(SocketAddr::new(ip, port));
    }
    if let Ok(ip) = host.parse::<IpAddr>() {
        if ip.is_ipv6() == v6 {
            return Ok(SocketAddr::new(ip, port));
        }
    }
    match (host, port).to_socket_addrs() {
        Ok(mut it) => match it.find(|a| a.is_ipv6() == v6) {
            Some(a) => Ok(a),
            None => Err(gai_error(vm)),
        },
        Err(_) => Err(gai_error(vm)),
    }
}

/// A `(host, port)` address (AF_INET), or `(host, port[, flowinfo[, scope_id]])` (AF_INET6).
fn addr_arg(vm: &mut Vm, v: &Value, family: i32, caller: &str) -> PyResult<CAddr> {
    let v6 = family == libc::AF_INET6;
    let fam = if v6 { "AF_INET6" } else { "AF_INET" };
    let items = match v {
        Value::Obj(o) if matches!(&**o, PyObject::Tuple(_)) => match &**o {
            PyObject::Tuple(t) => t.to_vec(),
            _ => Vec::new(),
        },
        _ => {
            let tn = vm.type_name(v);
            return Err(vm.type_error(format!(
                "{}(): {} address must be tuple, not {}",
                caller, fam, tn
            )));
        }
    };
    if items.len() != 2 && !(v6 && (2..=4).contains(&items.len())) {
        return Err(vm.type_error(if v6 {
            "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])"
        } else {
            "AF_INET address must be a pair (host, port)"
        }));
    }
    let host = match &items[0] {
        Value::Str(s) => s.as_str().to_string(),
        _ => return Err(vm.type_error("host must be str")),
    };
    let port = vm.to_index(&items[1])?;
    let Ok(port) = u16::try_from(port) else {
        return Err(vm.overflow_error("port must be 0-65535."));
    };
    let mut extra = [0u32; 2];
    for (i, it) in items.iter().skip(2).enumerate() {
        let n = vm.to_index(it)?;
        let Ok(n) = u32::try_from(n) else {
            let what = if i == 0 { "flowinfo" } else { "scope_id" };
            return Err(vm.overflow_error(format!("{} must be 0-4294967295.", what)));
        };
        extra[i] = n;
    }
    let mut a = resolve(vm, &host, port, family)?;
    if let SocketAddr::V6(v6a) = &mut a {
        if items.len() > 2 {
            v6a.set_flowinfo(extra[0]);
        }
        if items.len() > 3 {
            v6a.set_scope_id(extra[1]);
        }
    }
    Ok(CAddr::from_std(&a))
}

fn gai_error(vm: &mut Vm) -> PyErr {
    vm.err_args(
        ExcKind::OSError,
        vec![Value::Int(-2), Value::str("Name or service not known")],
    )
}

/// CPython's tuple for an address: `(host, port)` or `(host, port, flowinfo, scope_id)`.
fn std_addr_value(vm: &mut Vm, a: &SocketAddr) -> Value {
    match a {
        SocketAddr::V4(v4) => vm.new_tuple(vec![
            Value::string(v4.ip().to_string()),
            Value::Int(v4.port() as i64),
        ]),
        SocketAddr::V6(v6) => vm.new_tuple(vec![
            Value::string(v6.ip().to_string()),
            Value::Int(v6.port() as i64),
            Value::Int(v6.flowinfo() as i64),
            Value::Int(v6.scope_id() as i64),
        ]),
    }
}

/// The tuple of an address the C library filled in (None for an unknown family).
fn addr_value(vm: &mut Vm, c: &CAddr) -> Value {
    match c.to_std() {
        Some(a) => std_addr_value(vm, &a),
        None => Value::None,
    }
}

fn new_sock(vm: &mut Vm, cls: Obj, fd: i32, family: i32) -> Value {
    Value::Obj(vm.alloc(PyObject::Native(NativeObj {
        class: cls,
        data: RefCell::new(Box::new(Sock {
            fd,
            timeout: None,
            family,
        })),
    })))
}

/// `socket.socket(af=AF_INET, type=SOCK_STREAM, proto=0)`.
fn s_new(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "socket", args, 1, 4)?;
    let Value::Obj(cls) = &args[0] else {
        return Err(vm.type_error("socket.__new__(X): X is not a type object"));
    };
    let cls = cls.clone();
    let af = match args.get(1) {
        Some(v) => vm.to_index(v)?,
        None => libc::AF_INET as i64,
    };
    let ty = match args.get(2) {
        Some(v) => vm.to_index(v)?,
        None => libc::SOCK_STREAM as i64,
    };
    let proto = match args.get(3) {
        Some(v) => vm.to_index(v)?,
        None => 0,
    };
    if af != libc::AF_INET as i64 && af != libc::AF_INET6 as i64 {
        return Err(ferropy_vm::vfs::os_error(vm, libc::EAFNOSUPPORT, None));
    }
    // SAFETY: plain system call.
    let fd = unsafe { libc::socket(af as i32, ty as i32 | libc::SOCK_CLOEXEC, proto as i32) };
    if fd < 0 {
        return Err(last_error(vm));
    }
    Ok(new_sock(vm, cls, fd, af as i32))
}

fn s_close(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "close", args, 1, 1)?;
    let mut fd = -1;
    set_state(&args[0], |s| {
        fd = s.fd;
        s.fd = -1;
    });
    if fd >= 0 {
        // SAFETY: the descriptor belongs to this socket, which no longer uses it.
        unsafe { libc::close(fd) };
    }
    Ok(Value::None)
}

fn s_fileno(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "fileno", args, 1, 1)?;
    let (fd, _) = sock(vm, args.first())?;
    Ok(Value::Int(fd as i64))
}

fn s_bind(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "bind", args, 2, 2)?;
    let (fd, _) = sock(vm, args.first())?;
    let sa = addr_arg(vm, &args[1], family_of(&args[0]), "bind")?;
    // SAFETY: sa holds a valid address of the given length.
    let r = unsafe { libc::bind(fd, sa.ptr(), sa.len) };
    if r < 0 {
        return Err(last_error(vm));
    }
    Ok(Value::None)
}

/// `getsockname()`: the local `(host, port)` (the port the system chose after binding to 0).
fn s_getsockname(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "getsockname", args, 1, 1)?;
    let (fd, _) = sock(vm, args.first())?;
    let mut sa = CAddr::empty();
    // SAFETY: getsockname writes at most `sa.len` bytes into the storage.
    let r = unsafe { libc::getsockname(fd, sa.mut_ptr(), &mut sa.len) };
    if r < 0 {
        return Err(last_error(vm));
    }
    Ok(addr_value(vm, &sa))
}

fn s_listen(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "listen", args, 1, 2)?;
    let (fd, _) = sock(vm, args.first())?;
    let n = match args.get(1) {
        Some(v) => vm.to_index(v)?.clamp(0, 128) as i32,
        None => 2,
    };
    // SAFETY: plain system call.
    if unsafe { libc::listen(fd, n) } < 0 {
        return Err(last_error(vm));
    }
    Ok(Value::None)
}

fn s_accept(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "accept", args, 1, 1)?;
    let (fd, timeout) = sock(vm, args.first())?;
    let cls = vm.type_of(&args[0]);
    let family = family_of(&args[0]);
    ready_then(vm, fd, timeout, libc::POLLIN, move |vm| {
        let mut sa = CAddr::empty();
        // SAFETY: accept writes at most `sa.len` bytes into the storage.
        let c = unsafe { libc::accept4(fd, sa.mut_ptr(), &mut sa.len, libc::SOCK_CLOEXEC) };
        if c < 0 {
            return Err(last_error(vm));
        }
        let s = new_sock(vm, cls, c, family);
        let a = addr_value(vm, &sa);
        Ok(vm.new_tuple(vec![s, a]))
    })
}

fn s_connect(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "connect", args, 2, 2)?;
    let (fd, timeout) = sock(vm, args.first())?;
    let sa = addr_arg(vm, &args[1], family_of(&args[0]), "connect")?;
    // SAFETY: sa holds a valid address of the given length.
    let r = unsafe { libc::connect(fd, sa.ptr(), sa.len) };
    if r < 0 {
        let e = std::io::Error::last_os_error().raw_os_error().unwrap_or(5);
        if e == libc::EINPROGRESS && matches!(timeout, Some(t) if t > 0.0) {
            wait_ready(vm, fd, timeout, libc::POLLOUT)?;
            return Ok(Value::None);
        }
        return Err(ferropy_vm::vfs::os_error(vm, e, None));
    }
    Ok(Value::None)
}

/// Send bytes once; the count sent.
fn send_once(vm: &mut Vm, fd: i32, timeout: Option<f64>, data: &[u8]) -> PyResult<usize> {
    wait_ready(vm, fd, timeout, libc::POLLOUT)?;
    // SAFETY: data is a valid slice.
    let n = unsafe {
        libc::send(
            fd,
            data.as_ptr() as *const libc::c_void,
            data.len(),
            libc::MSG_NOSIGNAL,
        )
    };
    if n < 0 {
        return Err(last_error(vm));
    }
    Ok(n as usize)
}

fn data_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    match v {
        Value::Str(s) => Ok(s.as_str().as_bytes().to_vec()),
        _ => ferropy_vm::objmemoryview::buffer_bytes(v)
            .ok_or_else(|| vm.type_error("object with buffer protocol required")),
    }
}

fn s_send(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "send", args, 2, 2)?;
    let (fd, timeout) = sock(vm, args.first())?;
    let data = data_arg(vm, &args[1])?;
    Ok(Value::Int(send_once(vm, fd, timeout, &data)? as i64))
}

fn s_sendall(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "sendall", args, 2, 2)?;
    let (fd, timeout) = sock(vm, args.first())?;
    let data = data_arg(vm, &args[1])?;
    let mut off = 0;
    while off < data.len() {
        off += send_once(vm, fd, timeout, &data[off..])?;
    }
    Ok(Value::None)
}

/// `write(buf)`: like send, but None (not EAGAIN) when a non-blocking socket cannot take data.
fn s_write(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "write", args, 2, 2)?;
    let (fd, timeout) = sock(vm, args.first())?;
    let data = data_arg(vm, &args[1])?;
    match send_once(vm, fd, timeout, &data) {
        Ok(n) => Ok(Value::Int(n as i64)),
        Err(e) if is_again(vm, &e) => Ok(Value::None),
        Err(e) => Err(e),
    }
}

fn is_again(vm: &mut Vm, e: &PyErr) -> bool {
    let v = e.0.clone();
    matches!(vm.getattr_opt(&v, "errno"), Ok(Some(Value::Int(n))) if n == libc::EAGAIN as i64)
}

fn s_sendto(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "sendto", args, 3, 3)?;
    let (fd, timeout) = sock(vm, args.first())?;
    let data = data_arg(vm, &args[1])?;
    let sa = addr_arg(vm, &args[2], family_of(&args[0]), "sendto")?;
    wait_ready(vm, fd, timeout, libc::POLLOUT)?;
    // SAFETY: valid buffer and address.
    let n = unsafe {
        libc::sendto(
            fd,
            data.as_ptr() as *const libc::c_void,
            data.len(),
            libc::MSG_NOSIGNAL,
            sa.ptr(),
            sa.len,
        )
    };
    if n < 0 {
        return Err(last_error(vm));
    }
    Ok(Value::Int(n as i64))
}

/// Receive up to `n` bytes, with the sender's address.
fn recv_raw(vm: &mut Vm, fd: i32, timeout: Option<f64>, n: usize) -> PyResult<(Vec<u8>, CAddr)> {
    wait_ready(vm, fd, timeout, libc::POLLIN)?;
    let mut buf = vec![0u8; n];
    let mut sa = CAddr::empty();
    // SAFETY: recvfrom writes at most the given sizes.
    let r = unsafe {
        libc::recvfrom(
            fd,
            buf.as_mut_ptr() as *mut libc::c_void,
            n,
            0,
            sa.mut_ptr(),
            &mut sa.len,
        )
    };
    if r < 0 {
        return Err(last_error(vm));
    }
    buf.truncate(r as usize);
    Ok((buf, sa))
}

/// The buffer size argument of recv/recvfrom (a negative one is an error; capped at 16 MB).
fn recv_size(vm: &mut Vm, v: Option<&Value>, default: usize) -> PyResult<usize> {
    match v {
        None | Some(Value::None) => Ok(default),
        Some(v) => {
            let n = vm.to_index(v)?;
            if n < 0 {
                return Err(vm.value_error("negative buffersize in recv"));
            }
            Ok((n as usize).min(1 << 24))
        }
    }
}

fn s_recv(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "recv", args, 2, 3)?;
    let (fd, timeout) = sock(vm, args.first())?;
    let n = recv_size(vm, args.get(1), 0)?;
    ready_then(vm, fd, timeout, libc::POLLIN, move |vm| {
        let (b, _) = recv_raw(vm, fd, timeout, n)?;
        Ok(Value::bytes_vec(b))
    })
}

fn s_recvfrom(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "recvfrom", args, 2, 3)?;
    let (fd, timeout) = sock(vm, args.first())?;
    let n = recv_size(vm, args.get(1), 0)?;
    ready_then(vm, fd, timeout, libc::POLLIN, move |vm| {
        let (b, sa) = recv_raw(vm, fd, timeout, n)?;
        let a = addr_value(vm, &sa);
        let b = Value::bytes_vec(b);
        Ok(vm.new_tuple(vec![b, a]))
    })
}

/// `read([n])`: bytes, or None when a non-blocking socket has nothing yet.
fn s_read(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "read", args, 1, 2)?;
    let (fd, timeout) = sock(vm, args.first())?;
    let n = size_arg(vm, args.get(1))?.unwrap_or(usize::MAX);
    ready_then(vm, fd, timeout, libc::POLLIN, move |vm| {
        read_ready(vm, fd, timeout, n)
    })
}

/// The rest of `read(n)` once data is there: up to `n` bytes (all until EOF for usize::MAX).
fn read_ready(vm: &mut Vm, fd: i32, timeout: Option<f64>, n: usize) -> PyResult {
    let mut out = Vec::new();
    loop {
        let want = (n - out.len()).min(4096);
        if want == 0 {
            break;
        }
        match recv_raw(vm, fd, timeout, want) {
            Ok((b, _)) => {
                if b.is_empty() {
                    break;
                }
                out.extend_from_slice(&b);
                if n != usize::MAX {
                    break;
                }
            }
            Err(e) if is_again(vm, &e) => {
                if out.is_empty() {
                    return Ok(Value::None);
                }
                break;
            }
            Err(e) => return Err(e),
        }
    }
    Ok(Value::bytes_vec(out))
}

fn s_readinto(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "readinto", args, 2, 3)?;
    let (fd, timeout) = sock(vm, args.first())?;
    let Some((obj, start, len)) = ferropy_vm::objmemoryview::writable_bytes(&args[1]) else {
        return Err(vm.type_error("object with buffer protocol required"));
    };
    let len = match args.get(2) {
        Some(v) => (vm.to_index(v)?.max(0) as usize).min(len),
        None => len,
    };
    ready_then(vm, fd, timeout, libc::POLLIN, move |vm| {
        readinto_ready(vm, fd, timeout, obj, start, len)
    })
}

/// The rest of `readinto` once data is there: receive into `obj[start..start + len]`.
fn readinto_ready(
    vm: &mut Vm,
    fd: i32,
    timeout: Option<f64>,
    obj: Obj,
    start: usize,
    len: usize,
) -> PyResult {
    let b = match recv_raw(vm, fd, timeout, len) {
        Ok((b, _)) => b,
        Err(e) if is_again(vm, &e) => return Ok(Value::None),
        Err(e) => return Err(e),
    };
    if let PyObject::ByteArray(ba) = &*obj {
        if let Ok(mut ba) = ba.try_borrow_mut() {
            if let Some(dst) = ba.get_mut(start..start + b.len()) {
                dst.copy_from_slice(&b);
            }
        }
    }
    Ok(Value::Int(b.len() as i64))
}

fn s_readline(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "readline", args, 1, 1)?;
    let (fd, timeout) = sock(vm, args.first())?;
    ready_then(vm, fd, timeout, libc::POLLIN, move |vm| {
        readline_ready(vm, fd, timeout)
    })
}

/// The rest of `readline` once data is there.
fn readline_ready(vm: &mut Vm, fd: i32, timeout: Option<f64>) -> PyResult {
    let mut out = Vec::new();
    loop {
        let (b, _) = match recv_raw(vm, fd, timeout, 1) {
            Ok(r) => r,
            Err(e) if is_again(vm, &e) && !out.is_empty() => break,
            Err(e) => return Err(e),
        };
        if b.is_empty() {
            break;
        }
        out.extend_from_slice(&b);
        if b[0] == b'\n' {
            break;
        }
    }
    Ok(Value::bytes_vec(out))
}

fn s_setsockopt(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "setsockopt", args, 4, 4)?;
    let (fd, _) = sock(vm, args.first())?;
    let level = vm.to_index(&args[1])? as i32;
    let opt = vm.to_index(&args[2])? as i32;
    let r = match &args[3] {
        Value::Int(_) | Value::Bool(_) => {
            let v = vm.to_index(&args[3])? as i32;
            // SAFETY: a valid int option value.
            unsafe {
                libc::setsockopt(
                    fd,
                    level,
                    opt,
                    &v as *const i32 as *const libc::c_void,
                    std::mem::size_of::<i32>() as libc::socklen_t,
                )
            }
        }
        v => {
            let b = data_arg(vm, v)?;
            // SAFETY: a valid buffer option value.
            unsafe {
                libc::setsockopt(
                    fd,
                    level,
                    opt,
                    b.as_ptr() as *const libc::c_void,
                    b.len() as libc::socklen_t,
                )
            }
        }
    };
    if r < 0 {
        return Err(last_error(vm));
    }
    Ok(Value::None)
}

fn s_getsockopt(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "getsockopt", args, 3, 3)?;
    let (fd, _) = sock(vm, args.first())?;
    let level = vm.to_index(&args[1])? as i32;
    let opt = vm.to_index(&args[2])? as i32;
    let mut v: i32 = 0;
    let mut len = std::mem::size_of::<i32>() as libc::socklen_t;
    // SAFETY: an int-sized result buffer.
    let r = unsafe {
        libc::getsockopt(
            fd,
            level,
            opt,
            &mut v as *mut i32 as *mut libc::c_void,
            &mut len,
        )
    };
    if r < 0 {
        return Err(last_error(vm));
    }
    Ok(Value::Int(v as i64))
}

/// Set the descriptor's O_NONBLOCK flag and the socket's timeout.
fn set_timeout(vm: &mut Vm, me: &Value, timeout: Option<f64>) -> PyResult<()> {
    let (fd, _) = sock(vm, Some(me))?;
    // SAFETY: plain fcntl calls on our descriptor.
    unsafe {
        let fl = libc::fcntl(fd, libc::F_GETFL);
        let fl = if timeout.is_some() {
            fl | libc::O_NONBLOCK
        } else {
            fl & !libc::O_NONBLOCK
        };
        libc::fcntl(fd, libc::F_SETFL, fl);
    }
    set_state(me, |s| s.timeout = timeout);
    Ok(())
}

fn s_setblocking(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "setblocking", args, 2, 2)?;
    let b = vm.truthy(&args[1])?;
    set_timeout(vm, &args[0], if b { None } else { Some(0.0) })?;
    Ok(Value::None)
}

fn s_settimeout(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "settimeout", args, 2, 2)?;
    let t = match &args[1] {
        Value::None => None,
        Value::Int(i) => Some(*i as f64),
        Value::Float(f) => Some(*f),
        v => {
            let tn = vm.type_name(v);
            return Err(vm.type_error(format!("'{}' object cannot be interpreted as a float", tn)));
        }
    };
    if matches!(t, Some(x) if x < 0.0 || x.is_nan()) {
        return Err(vm.value_error("Timeout value out of range"));
    }
    set_timeout(vm, &args[0], t)?;
    Ok(Value::None)
}

/// `ioctl(3, events)`: the stream poll request (which of POLLIN/POLLOUT/POLLERR/POLLHUP hold);
/// `ioctl(4, 0)` closes the socket (MicroPython's MP_STREAM_CLOSE).
fn s_ioctl(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "ioctl", args, 3, 3)?;
    let mut fd = -1;
    set_state(&args[0], |s| fd = s.fd);
    let req = vm.to_index(&args[1])?;
    if req == 4 {
        // MP_STREAM_CLOSE (how a wrapping SSL socket closes the socket under it).
        s_close(vm, &args[..1], &[])?;
        return Ok(Value::Int(0));
    }
    if req != 3 {
        return Err(ferropy_vm::vfs::os_error(vm, libc::EINVAL, None));
    }
    let ev = vm.to_index(&args[2])?;
    if fd < 0 {
        // A closed socket: POLLNVAL, as poll() reports for a closed descriptor.
        return Ok(Value::Int(0x20));
    }
    // MicroPython's stream flags: POLLIN 1, POLLOUT 4, POLLERR 8, POLLHUP 16 (as Linux's).
    let mut p = libc::pollfd {
        fd,
        events: (ev & 5) as i16,
        revents: 0,
    };
    // SAFETY: one valid pollfd, no wait.
    let r = unsafe { libc::poll(&mut p, 1, 0) };
    if r < 0 {
        return Err(last_error(vm));
    }
    Ok(Value::Int((p.revents as i64) & (ev | 0x18)))
}

fn s_enter(_vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    Ok(args.first().cloned().unwrap_or(Value::None))
}

fn s_exit(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let me = args.first().cloned().unwrap_or(Value::None);
    s_close(vm, &[me], &[])
}

fn s_repr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let fd = match sock(vm, args.first()) {
        Ok((fd, _)) => fd,
        Err(_) => -1,
    };
    Ok(Value::string(format!("<socket fd={}>", fd)))
}

/// `getaddrinfo(host, port, af=0, type=0, proto=0, flags=0)`: entries
/// `(family, type, proto, canonname, sockaddr)`; with `af` 0 the IPv4 ones come first (so the
/// common `getaddrinfo(h, p)[0][-1]` suits a default socket), then the IPv6 ones.
fn getaddrinfo(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "getaddrinfo", args, 2, 6)?;
    let af = match args.get(2) {
        Some(v) => vm.to_index(v)?,
        None => 0,
    };
    let host = match &args[0] {
        Value::Str(s) => s.as_str().to_string(),
        Value::None if af == libc::AF_INET6 as i64 => String::from("::1"),
        Value::None => String::from("127.0.0.1"),
        _ => return Err(vm.type_error("getaddrinfo() argument 1 must be str or None")),
    };
    let port = vm.to_index(&args[1])?;
    let Ok(port) = u16::try_from(port) else {
        return Err(vm.overflow_error("port must be 0-65535."));
    };
    let ty = match args.get(3) {
        Some(v) => vm.to_index(v)?,
        None => 0,
    };
    if af != 0 && af != libc::AF_INET as i64 && af != libc::AF_INET6 as i64 {
        return Err(vm.err_args(
            ExcKind::OSError,
            vec![Value::Int(-6), Value::str("ai_family not supported")],
        ));
    }
    let mut addrs: Vec<SocketAddr> = Vec::new();
    if let Ok(it) = (host.as_str(), port).to_socket_addrs() {
        for a in it {
            let fam = if a.is_ipv6() {
                libc::AF_INET6
            } else {
                libc::AF_INET
            };
            if (af == 0 || af == fam as i64) && !addrs.contains(&a) {
                addrs.push(a);
            }
        }
    }
    if addrs.is_empty() {
        return Err(gai_error(vm));
    }
    // One address per family, IPv4 first, as the C library gives per family.
    addrs.sort_by_key(|a| a.is_ipv6());
    addrs.dedup_by(|a, b| a.is_ipv6() == b.is_ipv6());
    let types: &[i32] = match ty {
        0 => &[libc::SOCK_STREAM, libc::SOCK_DGRAM],
        t => &[t as i32],
    };
    let mut out = Vec::new();
    for a in &addrs {
        let fam = if a.is_ipv6() {
            libc::AF_INET6
        } else {
            libc::AF_INET
        };
        for &t in types {
            let proto = if t == libc::SOCK_DGRAM {
                libc::IPPROTO_UDP
            } else {
                libc::IPPROTO_TCP
            };
            let addr = std_addr_value(vm, a);
            out.push(vm.new_tuple(vec![
                Value::Int(fam as i64),
                Value::Int(t as i64),
                Value::Int(proto as i64),
                Value::str(""),
                addr,
            ]));
        }
    }
    Ok(vm.new_list(out))
}

/// The address family argument of `inet_pton`/`inet_ntop`: true for AF_INET6.
fn family_is_v6(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    match vm.to_index(v)? {
        f if f == libc::AF_INET as i64 => Ok(false),
        f if f == libc::AF_INET6 as i64 => Ok(true),
        _ => Err(ferropy_vm::vfs::os_error(vm, libc::EAFNOSUPPORT, None)),
    }
}

/// `inet_pton(af, ip_string)`: the packed bytes of an IPv4 or IPv6 address.
fn inet_pton(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "inet_pton", args, 2, 2)?;
    let v6 = family_is_v6(vm, &args[0])?;
    let Value::Str(s) = &args[1] else {
        let tn = vm.type_name(&args[1]);
        return Err(vm.type_error(format!("inet_pton() argument 2 must be str, not {}", tn)));
    };
    let packed = if v6 {
        s.as_str().parse::<Ipv6Addr>().map(|a| a.octets().to_vec())
    } else {
        s.as_str().parse::<Ipv4Addr>().map(|a| a.octets().to_vec())
    };
    match packed {
        Ok(b) => Ok(Value::bytes_vec(b)),
        Err(_) => Err(vm.err(
            ExcKind::OSError,
            "illegal IP address string passed to inet_pton",
        )),
    }
}

/// `inet_ntop(af, packed)`: the text form of a packed IPv4 (4 bytes) or IPv6 (16 bytes) address.
fn inet_ntop(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "inet_ntop", args, 2, 2)?;
    let v6 = family_is_v6(vm, &args[0])?;
    if let Value::Str(_) = &args[1] {
        return Err(vm.type_error("a bytes-like object is required, not 'str'"));
    }
    let data = data_arg(vm, &args[1])?;
    let text = if v6 {
        <[u8; 16]>::try_from(data.as_slice())
            .ok()
            .map(|b| Ipv6Addr::from(b).to_string())
    } else {
        <[u8; 4]>::try_from(data.as_slice())
            .ok()
            .map(|b| Ipv4Addr::from(b).to_string())
    };
    match text {
        Some(t) => Ok(Value::string(t)),
        None => Err(vm.value_error("invalid length of packed IP address string")),
    }
}

/// Build the `socket` module.
pub fn init_module(vm: &mut Vm) -> PyResult<Obj> {
    let m = vm.new_module("socket");
    let object = vm.types.object.clone();
    let cls = types::new_type("socket", vec![object], Layout::Other, false);
    types::add_static_methods(&cls, &[("__new__", s_new)]);
    types::add_methods(
        &cls,
        &[
            ("close", s_close),
            ("fileno", s_fileno),
            ("bind", s_bind),
            ("listen", s_listen),
            ("getsockname", s_getsockname),
            ("accept", s_accept),
            ("connect", s_connect),
            ("send", s_send),
            ("sendall", s_sendall),
            ("sendto", s_sendto),
            ("recv", s_recv),
            ("recvfrom", s_recvfrom),
            ("read", s_read),
            ("readinto", s_readinto),
            ("readline", s_readline),
            ("write", s_write),
            ("setsockopt", s_setsockopt),
            ("getsockopt", s_getsockopt),
            ("setblocking", s_setblocking),
            ("settimeout", s_settimeout),
            ("ioctl", s_ioctl),
            ("__enter__", s_enter),
            ("__exit__", s_exit),
            ("__repr__", s_repr),
        ],
    );
    types::set_attr(&cls, "__module__", Value::str("socket"));
    module_set(&m, "socket", Value::Obj(cls));
    module_fns(
        &m,
        &[
            ("getaddrinfo", getaddrinfo),
            ("inet_pton", inet_pton),
            ("inet_ntop", inet_ntop),
        ],
    );
    for (name, v) in [
        ("AF_INET", libc::AF_INET),
        ("AF_INET6", libc::AF_INET6),
        ("SOCK_STREAM", libc::SOCK_STREAM),
        ("SOCK_DGRAM", libc::SOCK_DGRAM),
        ("SOCK_RAW", libc::SOCK_RAW),
        ("IPPROTO_IP", libc::IPPROTO_IP),
        ("IPPROTO_TCP", libc::IPPROTO_TCP),
        ("IPPROTO_UDP", libc::IPPROTO_UDP),
        ("SOL_SOCKET", libc::SOL_SOCKET),
        ("SO_REUSEADDR", libc::SO_REUSEADDR),
        ("SO_BROADCAST", libc::SO_BROADCAST),
        ("SO_KEEPALIVE", libc::SO_KEEPALIVE),
        ("SO_ERROR", libc::SO_ERROR),
        ("TCP_NODELAY", libc::TCP_NODELAY),
    ] {
        module_set(&m, name, Value::Int(v as i64));
    }
    Ok(m)
}
