//! The native port: console on stdin/stdout/stderr, the host file system, the monotonic clock,
//! Ctrl-C, and a counting allocator so the heap limit and `gc.mem_alloc()` see real bytes.

use std::alloc::{GlobalAlloc, Layout, System};
use std::io::{BufRead, Write};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Instant;

use ferropy_vm::port::{Errno, FileKind, FileStat, Port};

/// Bytes currently allocated by the process.
pub static ALLOCATED: AtomicUsize = AtomicUsize::new(0);
/// Set by the Ctrl-C handler; cleared when the VM raises KeyboardInterrupt.
pub static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// The system allocator, counting live bytes.
pub struct CountingAlloc;

// SAFETY: every method forwards to the system allocator unchanged and only updates a counter.
unsafe impl GlobalAlloc for CountingAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATED.fetch_add(layout.size(), Ordering::Relaxed);
        // SAFETY: forwarded with the caller's layout.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        ALLOCATED.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: forwarded with the caller's pointer and layout.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATED.fetch_add(new_size, Ordering::Relaxed);
        ALLOCATED.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: forwarded with the caller's arguments.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

/// The native platform.
pub struct NativePort {
    /// When the terminal REPL owns stdin, `input()` reads typed bytes from its queue.
    pub input: Option<crate::repl::SharedInput>,
    start: Instant,
    stdout: std::io::BufWriter<std::io::Stdout>,
    /// When true, stdout is flushed after every write (interactive use).
    pub unbuffered: bool,
}

impl NativePort {
    /// A port on the process's console.
    pub fn new(unbuffered: bool) -> NativePort {
        NativePort {
            input: None,
            start: Instant::now(),
            stdout: std::io::BufWriter::with_capacity(1 << 16, std::io::stdout()),
            unbuffered,
        }
    }
}

/// The errno of a host I/O error (EIO when the OS gave none).
pub(crate) fn errno(e: &std::io::Error) -> Errno {
    e.raw_os_error().unwrap_or(5)
}

/// What is at a host path (a directory, a file, or nothing).
pub(crate) fn host_file_kind(path: &std::path::Path) -> FileKind {
    match std::fs::metadata(path) {
        Ok(m) if m.is_dir() => FileKind::Dir,
        Ok(_) => FileKind::File,
        Err(_) => FileKind::Missing,
    }
}

/// `os.stat` of a host path: kind, size and modification time in seconds.
pub(crate) fn host_stat(path: &std::path::Path) -> Result<FileStat, Errno> {
    let m = std::fs::metadata(path).map_err(|e| errno(&e))?;
    let mtime = m
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    Ok(FileStat {
        is_dir: m.is_dir(),
        size: m.len(),
        mtime,
    })
}

impl Port for NativePort {
    fn write_stdout(&mut self, data: &[u8]) {
        let _ = self.stdout.write_all(data);
        if self.unbuffered {
            let _ = self.stdout.flush();
        }
    }
    fn write_stderr(&mut self, data: &[u8]) {
        let _ = self.stdout.flush();
        let _ = std::io::stderr().write_all(data);
    }
    fn flush(&mut self) {
        let _ = self.stdout.flush();
    }
    fn read_line(&mut self) -> Option<String> {
        let _ = self.stdout.flush();
        if let Some(input) = self.input.clone() {
            // The terminal is in raw mode: echo and edit the line here.
            let mut line = Vec::new();
            loop {
                let b = crate::repl::next_byte(&input)?;
                match b {
                    b'\r' | b'\n' => {
                        let _ = self.stdout.write_all(b"\r\n");
                        let _ = self.stdout.flush();
                        return Some(String::from_utf8_lossy(&line).into_owned());
                    }
                    8 | 127 if !line.is_empty() => {
                        line.pop();
                        let _ = self.stdout.write_all(b"\x08 \x08");
                    }
                    4 if line.is_empty() => return None,
                    b if b >= 32 => {
                        line.push(b);
                        let _ = self.stdout.write_all(&[b]);
                    }
                    _ => {}
                }
                let _ = self.stdout.flush();
            }
        }
        let mut s = String::new();
        match std::io::stdin().lock().read_line(&mut s) {
            Ok(0) | Err(_) => None,
            Ok(_) => {
                if s.ends_with('\n') {
                    s.pop();
                    if s.ends_with('\r') {
                        s.pop();
                    }
                }
                Some(s)
            }
        }
    }
    fn read_stdin(&mut self, buf: &mut [u8]) -> Option<usize> {
        let _ = self.stdout.flush();
        if buf.is_empty() {
            return Some(0);
        }
        if let Some(input) = self.input.clone() {
            // The terminal REPL's reader thread owns stdin: take typed bytes from its queue.
            return Some(match crate::repl::next_byte(&input) {
                Some(b) => {
                    buf[0] = b;
                    1
                }
                None => 0,
            });
        }
        // Through the locked stdin's buffer, which read_line shares.
        use std::io::Read;
        Some(std::io::stdin().lock().read(buf).unwrap_or(0))
    }
    fn ticks_us(&mut self) -> u64 {
        self.start.elapsed().as_micros() as u64
    }
    fn time(&mut self) -> f64 {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs_f64())
            .unwrap_or(0.0)
    }
    fn sleep_us(&mut self, us: u64) {
        let _ = self.stdout.flush();
        let deadline = Instant::now() + std::time::Duration::from_micros(us);
        // Sleep in slices so Ctrl-C is noticed promptly.
        while Instant::now() < deadline {
            if INTERRUPTED.load(Ordering::Relaxed) {
                break;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            std::thread::sleep(left.min(std::time::Duration::from_millis(20)));
        }
    }
    fn take_interrupt(&mut self) -> bool {
        INTERRUPTED.swap(false, Ordering::Relaxed)
    }
    fn file_kind(&mut self, path: &str) -> FileKind {
        host_file_kind(std::path::Path::new(if path.is_empty() {
            "."
        } else {
            path
        }))
    }
    fn read_file(&mut self, path: &str) -> Result<Vec<u8>, Errno> {
        std::fs::read(path).map_err(|e| errno(&e))
    }
    fn write_file(&mut self, path: &str, data: &[u8]) -> Result<(), Errno> {
        std::fs::write(path, data).map_err(|e| errno(&e))
    }
    fn append_file(&mut self, path: &str, data: &[u8]) -> Result<(), Errno> {
        let mut f = std::fs::OpenOptions::new()
            .append(true)
            .create(true)
            .open(path)
            .map_err(|e| errno(&e))?;
        f.write_all(data).map_err(|e| errno(&e))
    }
    fn list_dir(&mut self, path: &str) -> Result<Vec<String>, Errno> {
        let rd =
            std::fs::read_dir(if path.is_empty() { "." } else { path }).map_err(|e| errno(&e))?;
        let mut names: Vec<String> = rd
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        Ok(names)
    }
    fn stat(&mut self, path: &str) -> Result<FileStat, Errno> {
        host_stat(std::path::Path::new(path))
    }
    fn mkdir(&mut self, path: &str) -> Result<(), Errno> {
        std::fs::create_dir(path).map_err(|e| errno(&e))
    }
    fn remove(&mut self, path: &str) -> Result<(), Errno> {
        std::fs::remove_file(path).map_err(|e| errno(&e))
    }
    fn rmdir(&mut self, path: &str) -> Result<(), Errno> {
        std::fs::remove_dir(path).map_err(|e| errno(&e))
    }
    fn rename(&mut self, from: &str, to: &str) -> Result<(), Errno> {
        std::fs::rename(from, to).map_err(|e| errno(&e))
    }
    fn getcwd(&mut self) -> Option<String> {
        std::env::current_dir()
            .ok()
            .map(|p| p.to_string_lossy().into_owned())
    }
    fn heap_used(&self) -> Option<usize> {
        Some(ALLOCATED.load(Ordering::Relaxed))
    }
    fn platform(&self) -> &str {
        "linux"
    }
}

impl Drop for NativePort {
    fn drop(&mut self) {
        let _ = self.stdout.flush();
    }
}
