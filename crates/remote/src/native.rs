//! Native transports (the `std` feature): serial ports (a tty opened with termios), TCP links
//! (`socket://host:port`), and in-memory pipes for tests. Their operations block, so the async
//! protocol runs over them with [`crate::block_on`].

use std::collections::VecDeque;
use std::fs::File;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::string::{String, ToString};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use crate::{Error, Transport};

fn io_error(e: &std::io::Error) -> Error {
    use std::io::ErrorKind::*;
    match e.kind() {
        BrokenPipe | ConnectionReset | ConnectionAborted | UnexpectedEof | NotConnected => {
            Error::Disconnected
        }
        _ => match e.raw_os_error() {
            // EIO: a tty whose device went away (USB unplug) or a pty whose other side closed.
            Some(5) => Error::Disconnected,
            _ => Error::Io(e.to_string()),
        },
    }
}

/// A serial port (or any tty, such as `ferropy board`'s pty), in raw mode at a baud rate.
pub struct SerialPort {
    file: File,
}

impl SerialPort {
    /// Open `path` in raw mode at `baud` (ignored by ptys and native-USB ports).
    pub fn open(path: &str, baud: u32) -> Result<SerialPort, Error> {
        use std::os::fd::AsRawFd;
        use std::os::unix::fs::OpenOptionsExt;
        let file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .custom_flags(libc::O_NOCTTY)
            .open(path)
            .map_err(|e| Error::Io(format_args_err(path, &e)))?;
        let fd = file.as_raw_fd();
        let speed = match baud {
            9600 => libc::B9600,
            19200 => libc::B19200,
            38400 => libc::B38400,
            57600 => libc::B57600,
            230400 => libc::B230400,
            460800 => libc::B460800,
            921600 => libc::B921600,
            _ => libc::B115200,
        };
        // SAFETY: termios is plain data filled by tcgetattr for a valid descriptor we own.
        unsafe {
            let mut t: libc::termios = std::mem::zeroed();
            if libc::tcgetattr(fd, &mut t) == 0 {
                libc::cfmakeraw(&mut t);
                t.c_cflag |= libc::CLOCAL | libc::CREAD;
                t.c_cc[libc::VMIN] = 0;
                t.c_cc[libc::VTIME] = 0;
                libc::cfsetispeed(&mut t, speed);
                libc::cfsetospeed(&mut t, speed);
                libc::tcsetattr(fd, libc::TCSANOW, &t);
            }
        }
        Ok(SerialPort { file })
    }

    /// A second handle on the same port (for a reader thread).
    pub fn try_clone(&self) -> Result<SerialPort, Error> {
        Ok(SerialPort {
            file: self.file.try_clone().map_err(|e| io_error(&e))?,
        })
    }

    /// Wait until the port is readable; false on timeout.
    fn wait_readable(&self, timeout_ms: u32) -> Result<bool, Error> {
        use std::os::fd::AsRawFd;
        let mut p = libc::pollfd {
            fd: self.file.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        };
        let timeout = i32::try_from(timeout_ms).unwrap_or(i32::MAX);
        // SAFETY: one valid pollfd.
        let r = unsafe { libc::poll(&mut p, 1, timeout) };
        if r < 0 {
            let e = std::io::Error::last_os_error();
            if e.kind() == std::io::ErrorKind::Interrupted {
                return Ok(false);
            }
            return Err(io_error(&e));
        }
        if r > 0
            && p.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0
            && p.revents & libc::POLLIN == 0
        {
            return Err(Error::Disconnected);
        }
        Ok(r > 0)
    }

    /// Blocking read with a timeout; 0 bytes on timeout.
    pub fn read_blocking(&mut self, buf: &mut [u8], timeout_ms: u32) -> Result<usize, Error> {
        if !self.wait_readable(timeout_ms)? {
            return Ok(0);
        }
        match self.file.read(buf) {
            Ok(0) => Err(Error::Disconnected),
            Ok(n) => Ok(n),
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => Ok(0),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => Ok(0),
            Err(e) => Err(io_error(&e)),
        }
    }

    /// Blocking write of all of `data`.
    pub fn write_blocking(&mut self, data: &[u8]) -> Result<(), Error> {
        self.file.write_all(data).map_err(|e| io_error(&e))
    }
}

fn format_args_err(path: &str, e: &std::io::Error) -> String {
    std::format!("cannot open {}: {}", path, e)
}

impl Transport for SerialPort {
    async fn read(&mut self, buf: &mut [u8], timeout_ms: u32) -> Result<usize, Error> {
        self.read_blocking(buf, timeout_ms)
    }
    async fn write(&mut self, data: &[u8]) -> Result<(), Error> {
        self.write_blocking(data)
    }
    async fn flush(&mut self) -> Result<(), Error> {
        self.file.flush().map_err(|e| io_error(&e))
    }
}

/// A TCP link to a board (or a bridge in front of one): `socket://host:port`.
pub struct TcpTransport {
    stream: TcpStream,
}

impl TcpTransport {
    /// Connect to `host:port` (a `socket://` prefix is accepted).
    pub fn connect(addr: &str) -> Result<TcpTransport, Error> {
        let addr = addr.strip_prefix("socket://").unwrap_or(addr);
        let stream = TcpStream::connect(addr)
            .map_err(|e| Error::Io(std::format!("cannot connect to {}: {}", addr, e)))?;
        let _ = stream.set_nodelay(true);
        Ok(TcpTransport { stream })
    }

    /// A second handle on the same connection (for a reader thread).
    pub fn try_clone(&self) -> Result<TcpTransport, Error> {
        Ok(TcpTransport {
            stream: self.stream.try_clone().map_err(|e| io_error(&e))?,
        })
    }

    /// Blocking read with a timeout; 0 bytes on timeout.
    pub fn read_blocking(&mut self, buf: &mut [u8], timeout_ms: u32) -> Result<usize, Error> {
        let r = if timeout_ms == 0 {
            self.stream
                .set_nonblocking(true)
                .map_err(|e| io_error(&e))?;
            let r = self.stream.read(buf);
            self.stream
                .set_nonblocking(false)
                .map_err(|e| io_error(&e))?;
            r
        } else {
            self.stream
                .set_read_timeout(Some(Duration::from_millis(u64::from(timeout_ms))))
                .map_err(|e| io_error(&e))?;
            self.stream.read(buf)
        };
        match r {
            Ok(0) => Err(Error::Disconnected),
            Ok(n) => Ok(n),
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock
                        | std::io::ErrorKind::TimedOut
                        | std::io::ErrorKind::Interrupted
                ) =>
            {
                Ok(0)
            }
            Err(e) => Err(io_error(&e)),
        }
    }

    /// Blocking write of all of `data`.
    pub fn write_blocking(&mut self, data: &[u8]) -> Result<(), Error> {
        self.stream.write_all(data).map_err(|e| io_error(&e))
    }
}

impl Transport for TcpTransport {
    async fn read(&mut self, buf: &mut [u8], timeout_ms: u32) -> Result<usize, Error> {
        self.read_blocking(buf, timeout_ms)
    }
    async fn write(&mut self, data: &[u8]) -> Result<(), Error> {
        self.write_blocking(data)
    }
    async fn flush(&mut self) -> Result<(), Error> {
        self.stream.flush().map_err(|e| io_error(&e))
    }
}

#[derive(Default)]
struct Queue {
    data: VecDeque<u8>,
    closed: bool,
}

type SharedQueue = Arc<(Mutex<Queue>, Condvar)>;

/// One end of an in-memory byte pipe (see [`pipe`]); usable from two threads.
pub struct PipeEnd {
    rx: SharedQueue,
    tx: SharedQueue,
}

/// Two connected in-memory ends: bytes written to one are read from the other.
pub fn pipe() -> (PipeEnd, PipeEnd) {
    let a: SharedQueue = Arc::default();
    let b: SharedQueue = Arc::default();
    (
        PipeEnd {
            rx: a.clone(),
            tx: b.clone(),
        },
        PipeEnd { rx: b, tx: a },
    )
}

fn lock(q: &SharedQueue) -> std::sync::MutexGuard<'_, Queue> {
    q.0.lock().unwrap_or_else(|e| e.into_inner())
}

impl PipeEnd {
    /// Blocking read with a timeout; 0 bytes on timeout, Disconnected once the other end is
    /// dropped and everything was read.
    pub fn read_blocking(&mut self, buf: &mut [u8], timeout_ms: u32) -> Result<usize, Error> {
        let deadline = Instant::now() + Duration::from_millis(u64::from(timeout_ms));
        let mut g = lock(&self.rx);
        loop {
            if !g.data.is_empty() {
                let n = buf.len().min(g.data.len());
                for (slot, b) in buf.iter_mut().zip(g.data.drain(..n)) {
                    *slot = b;
                }
                return Ok(n);
            }
            if g.closed {
                return Err(Error::Disconnected);
            }
            let now = Instant::now();
            if now >= deadline {
                return Ok(0);
            }
            g = match self.rx.1.wait_timeout(g, deadline - now) {
                Ok((g, _)) => g,
                Err(e) => e.into_inner().0,
            };
        }
    }

    /// Write all of `data` to the other end.
    pub fn write_blocking(&mut self, data: &[u8]) -> Result<(), Error> {
        let mut g = lock(&self.tx);
        if g.closed {
            return Err(Error::Disconnected);
        }
        g.data.extend(data.iter().copied());
        self.tx.1.notify_all();
        Ok(())
    }
}

impl Drop for PipeEnd {
    fn drop(&mut self) {
        for q in [&self.rx, &self.tx] {
            lock(q).closed = true;
            q.1.notify_all();
        }
    }
}

impl Transport for PipeEnd {
    async fn read(&mut self, buf: &mut [u8], timeout_ms: u32) -> Result<usize, Error> {
        self.read_blocking(buf, timeout_ms)
    }
    async fn write(&mut self, data: &[u8]) -> Result<(), Error> {
        self.write_blocking(data)
    }
    async fn flush(&mut self) -> Result<(), Error> {
        Ok(())
    }
}
