//! ferropy-remote: MicroPython's REPL protocols driven from the host, the way mpremote does them,
//! over any byte [`Transport`]: interrupt, raw REPL, raw-paste with flow control (falling back to
//! plain raw mode), `exec`/`eval` with stdout and the exception text kept apart, soft reset, and
//! file operations built on `exec` (ls, cat, get, put, mkdir, rm, rmdir, stat, hash).
//!
//! The protocol core is `no_std` + `alloc` and `async`: a transport's reads and writes are async
//! functions, so the same code runs over a WebSerial port in the browser (whose reads are
//! promises) and over blocking native transports, driven there by [`block_on`]. The native
//! transports (serial ports, TCP `socket://` links, in-memory pipes) are behind the `std` feature.

#![no_std]

extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

pub mod codec;
pub mod fs;
#[cfg(feature = "std")]
pub mod native;
pub mod protocol;

use alloc::string::String;
use core::fmt;
use core::future::Future;
use core::pin::pin;
use core::task::{Context, Poll, Waker};

pub use fs::{DirEntry, PutOutcome, Stat};
pub use protocol::{ExecOutput, RawRepl};

/// What went wrong while talking to a board.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// The link is gone (port closed, socket reset, device unplugged).
    Disconnected,
    /// Some other transport failure, with the system's message.
    Io(String),
    /// The board stayed silent for longer than the timeout; the text says what was awaited.
    Timeout(String),
    /// The board answered something the protocol does not allow at that point.
    Protocol(String),
    /// The code sent to the board raised; the board's traceback text.
    Exception(String),
    /// A file operation failed on the board with this errno (2 = ENOENT, 17 = EEXIST ...).
    Os {
        /// The board's errno.
        errno: i32,
        /// The board path concerned.
        path: String,
    },
    /// Data arrived damaged (a hash or length check failed).
    Corrupt(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Disconnected => write!(f, "the board disconnected"),
            Error::Io(m) => write!(f, "i/o error: {}", m),
            Error::Timeout(m) => write!(f, "timed out waiting for {}", m),
            Error::Protocol(m) => write!(f, "protocol error: {}", m),
            Error::Exception(t) => write!(f, "{}", t.trim_end()),
            Error::Os { errno, path } => {
                let name = match errno {
                    2 => "ENOENT",
                    13 => "EACCES",
                    17 => "EEXIST",
                    20 => "ENOTDIR",
                    21 => "EISDIR",
                    22 => "EINVAL",
                    28 => "ENOSPC",
                    39 => "ENOTEMPTY",
                    _ => "",
                };
                write!(f, "{}: [Errno {}] {}", path, errno, name)
            }
            Error::Corrupt(m) => write!(f, "transfer corrupted: {}", m),
        }
    }
}

#[cfg(feature = "std")]
impl std::error::Error for Error {}

/// A byte link to a board. `read` waits at most `timeout_ms` and returns `Ok(0)` when nothing
/// arrived in that time; a closed link is [`Error::Disconnected`].
///
/// The methods are `async` so that browser transports (WebSerial) can await promises; the
/// transport is used through generics, never as a trait object, so the futures need no boxing.
#[allow(async_fn_in_trait)] // Only used single-threaded; no Send bound wanted on the futures.
pub trait Transport {
    /// Read up to `buf.len()` bytes, waiting at most `timeout_ms` for the first one.
    async fn read(&mut self, buf: &mut [u8], timeout_ms: u32) -> Result<usize, Error>;
    /// Write all of `data`.
    async fn write(&mut self, data: &[u8]) -> Result<(), Error>;
    /// Push written data out to the device.
    async fn flush(&mut self) -> Result<(), Error>;
}

impl<T: Transport + ?Sized> Transport for &mut T {
    async fn read(&mut self, buf: &mut [u8], timeout_ms: u32) -> Result<usize, Error> {
        (**self).read(buf, timeout_ms).await
    }
    async fn write(&mut self, data: &[u8]) -> Result<(), Error> {
        (**self).write(data).await
    }
    async fn flush(&mut self) -> Result<(), Error> {
        (**self).flush().await
    }
}

/// Run a future to completion on the current thread, for transports whose operations complete
/// without waking (all the native ones block inside `read`/`write`).
pub fn block_on<F: Future>(fut: F) -> F::Output {
    let mut fut = pin!(fut);
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(v) = fut.as_mut().poll(&mut cx) {
            return v;
        }
        core::hint::spin_loop();
    }
}
