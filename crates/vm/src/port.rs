//! The Port trait: everything the VM needs from the platform it runs on (console, clock, files,
//! interrupts). The VM itself knows no platform; the CLI, the browser and the firmware implement this.

use alloc::string::String;
use alloc::vec::Vec;

/// What a path names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// Nothing there.
    Missing,
    /// A regular file.
    File,
    /// A directory.
    Dir,
}

/// Metadata of a file system entry.
#[derive(Clone, Copy, Debug, Default)]
pub struct FileStat {
    /// True for a directory.
    pub is_dir: bool,
    /// Size in bytes.
    pub size: u64,
    /// Modification time, seconds since the epoch.
    pub mtime: i64,
}

/// A platform error number (POSIX errno values, as MicroPython's `errno` module uses).
pub type Errno = i32;

/// An open file of the platform: on the unix port an OS file descriptor. Dropping it closes the
/// descriptor (unless it was wrapped with `closefd` false).
pub trait HostFile {
    /// Read up to `buf.len()` bytes at the current position; 0 at the end.
    fn read(&mut self, buf: &mut [u8]) -> Result<usize, Errno>;
    /// Write bytes at the current position; the number written.
    fn write(&mut self, data: &[u8]) -> Result<usize, Errno>;
    /// Move the position (`whence` 0: start, 1: current, 2: end); the new position.
    fn seek(&mut self, off: i64, whence: i32) -> Result<u64, Errno>;
    /// The OS file descriptor.
    fn fileno(&self) -> i32;
}

/// Services the platform gives the VM. Every method has a sensible default so a minimal port only
/// implements output.
pub trait Port {
    /// Write bytes to standard output.
    fn write_stdout(&mut self, data: &[u8]);
    /// Write bytes to standard output exactly as given: `sys.stdout.buffer` uses it, where a
    /// console that turns "\n" into "\r\n" must not (binary transfers through the REPL).
    fn write_stdout_raw(&mut self, data: &[u8]) {
        self.write_stdout(data)
    }
    /// Write bytes to standard error (defaults to stdout).
    fn write_stderr(&mut self, data: &[u8]) {
        self.write_stdout(data)
    }
    /// Read one line of input (without the newline); None at end of input.
    fn read_line(&mut self) -> Option<String> {
        None
    }
    /// Read raw bytes of standard input into `buf` (no echo, no line editing), blocking until at
    /// least one is there; `Some(0)` at end of input. None (the default) means the port only has
    /// line input, and `sys.stdin` reads through `read_line` instead.
    fn read_stdin(&mut self, _buf: &mut [u8]) -> Option<usize> {
        None
    }
    /// Flush output.
    fn flush(&mut self) {}
    /// Milliseconds from an arbitrary fixed point (monotonic).
    fn ticks_ms(&mut self) -> u64 {
        self.ticks_us() / 1000
    }
    /// Microseconds from an arbitrary fixed point (monotonic).
    fn ticks_us(&mut self) -> u64 {
        0
    }
    /// Seconds since the Unix epoch (wall clock), as a float.
    fn time(&mut self) -> f64 {
        0.0
    }
    /// Block for this many microseconds (ports that cannot block return at once; the VM's
    /// suspension mechanism handles sleeping there).
    fn sleep_us(&mut self, _us: u64) {}
    /// True when the user asked to interrupt (Ctrl-C); reading it clears it.
    fn take_interrupt(&mut self) -> bool {
        false
    }
    /// What kind of thing a path names.
    fn file_kind(&mut self, _path: &str) -> FileKind {
        FileKind::Missing
    }
    /// Read a whole file.
    fn read_file(&mut self, _path: &str) -> Result<Vec<u8>, Errno> {
        Err(2)
    }
    /// Replace a whole file's contents (creating it).
    fn write_file(&mut self, _path: &str, _data: &[u8]) -> Result<(), Errno> {
        Err(30)
    }
    /// Append to a file (creating it).
    fn append_file(&mut self, path: &str, data: &[u8]) -> Result<(), Errno> {
        let mut old = self.read_file(path).unwrap_or_default();
        old.extend_from_slice(data);
        self.write_file(path, &old)
    }
    /// Open a file as an OS file (a descriptor `fileno()` shows), for reading and, when `write`,
    /// writing; ports without descriptors refuse (the default).
    fn open_host(
        &mut self,
        _path: &str,
        _write: bool,
    ) -> Result<alloc::boxed::Box<dyn HostFile>, Errno> {
        Err(95)
    }
    /// Wrap an open OS file descriptor (`open(fd)`); dropping the result closes it when
    /// `closefd`. EBADF (the default) when there is no such descriptor.
    fn open_fd(
        &mut self,
        _fd: i32,
        _closefd: bool,
    ) -> Result<alloc::boxed::Box<dyn HostFile>, Errno> {
        Err(9)
    }
    /// Names in a directory.
    fn list_dir(&mut self, _path: &str) -> Result<Vec<String>, Errno> {
        Err(2)
    }
    /// Metadata of a path.
    fn stat(&mut self, path: &str) -> Result<FileStat, Errno> {
        match self.file_kind(path) {
            FileKind::Missing => Err(2),
            FileKind::Dir => Ok(FileStat {
                is_dir: true,
                ..FileStat::default()
            }),
            FileKind::File => {
                let size = self.read_file(path).map(|d| d.len() as u64).unwrap_or(0);
                Ok(FileStat {
                    is_dir: false,
                    size,
                    mtime: 0,
                })
            }
        }
    }
    /// Make a directory.
    fn mkdir(&mut self, _path: &str) -> Result<(), Errno> {
        Err(30)
    }
    /// Remove a file.
    fn remove(&mut self, _path: &str) -> Result<(), Errno> {
        Err(30)
    }
    /// Remove an empty directory.
    fn rmdir(&mut self, _path: &str) -> Result<(), Errno> {
        Err(30)
    }
    /// Rename a file or directory.
    fn rename(&mut self, _from: &str, _to: &str) -> Result<(), Errno> {
        Err(30)
    }
    /// Fill a buffer with random bytes (for `os.urandom` and seeding `random`).
    fn random_bytes(&mut self, buf: &mut [u8]) {
        let mut x = self.ticks_us() ^ 0x9e37_79b9_7f4a_7c15;
        for b in buf {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            *b = x as u8;
        }
    }
    /// The platform's current directory, used as the VM's initial working directory.
    fn getcwd(&mut self) -> Option<String> {
        None
    }
    /// Bytes currently allocated on the heap, when the port's allocator counts them.
    fn heap_used(&self) -> Option<usize> {
        None
    }
    /// Allocator statistics when the port keeps them: (bytes allocated in total since start,
    /// peak of bytes allocated at once); `micropython.mem_info()` prints them as MicroPython's
    /// `mem:` line.
    fn heap_stats(&self) -> Option<(usize, usize)> {
        None
    }
    /// The platform name for `sys.platform`.
    fn platform(&self) -> &str {
        "ferropy"
    }
}

/// A port that discards output and has no files: for tests and embedding.
#[derive(Default)]
pub struct NullPort {
    /// Everything written to stdout and stderr.
    pub output: Vec<u8>,
}

impl Port for NullPort {
    fn write_stdout(&mut self, data: &[u8]) {
        self.output.extend_from_slice(data);
    }
}
