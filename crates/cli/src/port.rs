//! The native port: console on stdin/stdout/stderr, the host file system, the monotonic clock,
//! Ctrl-C, and a counting allocator so the heap limit and `gc.mem_alloc()` see real bytes.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::UnsafeCell;
use std::io::{BufRead, Write};
use std::sync::atomic::{AtomicBool, AtomicIsize, Ordering};
use std::time::Instant;

use ferropy_vm::port::{Errno, FileKind, FileStat, HostFile, Port};

/// Bytes allocated by the process, except what each thread has not yet published from its
/// [`Pool::unpublished`] counter (see [`allocated`]).
static ALLOCATED: AtomicIsize = AtomicIsize::new(0);
/// The highest [`ALLOCATED`] seen when a thread published its count (see [`heap_peak`]).
static PEAK: AtomicIsize = AtomicIsize::new(0);
/// Set by the Ctrl-C handler; cleared when the VM raises KeyboardInterrupt.
pub static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// Bytes currently allocated by the process, exact for the calling thread's own allocations
/// (the VM's thread asks), within [`PUBLISH`] bytes per other thread.
pub fn allocated() -> usize {
    let own = POOL.with(|p| {
        // SAFETY: the pool is this thread's own; no reference into it is live here.
        unsafe { (*p.get()).unpublished }
    });
    ALLOCATED.load(Ordering::Relaxed).wrapping_add(own).max(0) as usize
}

/// Bytes allocated in total by the calling thread since it started (frees not subtracted).
pub fn allocated_total() -> usize {
    POOL.with(|p| {
        // SAFETY: the pool is this thread's own; no reference into it is live here.
        unsafe { (*p.get()).total }
    })
}

/// The peak of [`allocated`]: exact at publication points, so within [`PUBLISH`] bytes.
pub fn heap_peak() -> usize {
    (PEAK.load(Ordering::Relaxed).max(0) as usize).max(allocated())
}

/// Largest block served from the size classes (bytes).
const SMALL_MAX: usize = 256;
/// Size classes: multiples of 16 bytes up to [`SMALL_MAX`].
const CLASSES: usize = SMALL_MAX / 16;
/// The size of the chunks small blocks are carved from.
const CHUNK: usize = 64 * 1024;
/// A thread's allocation count is added to [`ALLOCATED`] once it moves this far.
const PUBLISH: isize = 64 * 1024;

/// One thread's small-block allocator: a free list per size class, fed from 64 KB chunks of
/// the system allocator by bumping a pointer.
///
/// Freed blocks go to the freeing thread's lists whichever thread allocated them; chunks are
/// never returned to the system, so a block stays valid memory for the whole process and any
/// thread may reuse it. A thread that exits leaves its free blocks unused (the CLI's threads
/// live as long as the process).
struct Pool {
    /// The first free block of each class; a free block's first word links to the next.
    free: [*mut u8; CLASSES],
    /// The unused part of the current chunk.
    bump: *mut u8,
    /// The end of the current chunk.
    end: *mut u8,
    /// Bytes allocated (minus freed) by this thread and not yet added to [`ALLOCATED`].
    unpublished: isize,
    /// Bytes this thread allocated in total (frees and shrinking reallocations not subtracted).
    total: usize,
}

thread_local! {
    /// This thread's pool. A const initialiser and no destructor: reaching it is one
    /// thread-pointer-relative address, and it never allocates.
    static POOL: UnsafeCell<Pool> = const {
        UnsafeCell::new(Pool {
            free: [std::ptr::null_mut(); CLASSES],
            bump: std::ptr::null_mut(),
            end: std::ptr::null_mut(),
            unpublished: 0,
            total: 0,
        })
    };
}

/// The size class of a layout, or None for blocks left to the system allocator.
#[inline(always)]
fn class_of(layout: &Layout) -> Option<usize> {
    let size = layout.size();
    if size.wrapping_sub(1) < SMALL_MAX && layout.align() <= 16 {
        Some((size - 1) >> 4)
    } else {
        None
    }
}

/// Count `delta` bytes against this thread's unpublished total, publishing past [`PUBLISH`].
#[inline(always)]
fn count(pool: &mut Pool, delta: isize) {
    pool.unpublished = pool.unpublished.wrapping_add(delta);
    if delta > 0 {
        pool.total = pool.total.wrapping_add(delta as usize);
    }
    if pool.unpublished > PUBLISH || pool.unpublished < -PUBLISH {
        let now = ALLOCATED
            .fetch_add(pool.unpublished, Ordering::Relaxed)
            .wrapping_add(pool.unpublished);
        PEAK.fetch_max(now, Ordering::Relaxed);
        pool.unpublished = 0;
    }
}

impl Pool {
    /// A block of class `c`: the free list's head, else carved from the chunk.
    #[inline(always)]
    unsafe fn take(&mut self, c: usize) -> *mut u8 {
        let head = self.free[c];
        if !head.is_null() {
            // SAFETY: a free block holds the link to the next one in its first word.
            self.free[c] = unsafe { *(head as *mut *mut u8) };
            return head;
        }
        let size = (c + 1) << 4;
        if (self.end as usize).wrapping_sub(self.bump as usize) >= size {
            let p = self.bump;
            // SAFETY: stays within the current chunk (checked just above).
            self.bump = unsafe { p.add(size) };
            return p;
        }
        // SAFETY: forwarded to the system allocator with a valid, non-zero layout.
        unsafe { self.refill(size) }
    }

    /// Start a new chunk and carve the first block of `size` bytes from it.
    #[cold]
    unsafe fn refill(&mut self, size: usize) -> *mut u8 {
        // SAFETY: CHUNK is non-zero and 16 is a power of two.
        let chunk = unsafe { System.alloc(Layout::from_size_align_unchecked(CHUNK, 16)) };
        if chunk.is_null() {
            return chunk;
        }
        // SAFETY: size <= SMALL_MAX < CHUNK, so both stay within the new chunk.
        unsafe {
            self.bump = chunk.add(size);
            self.end = chunk.add(CHUNK);
        }
        chunk
    }

    /// Put a block of class `c` on its free list.
    #[inline(always)]
    unsafe fn give(&mut self, p: *mut u8, c: usize) {
        // SAFETY: the block is at least 16 bytes and 16-aligned, and no longer in use.
        unsafe { *(p as *mut *mut u8) = self.free[c] };
        self.free[c] = p;
    }
}

/// The process's allocator: size classes of up to 256 bytes from per-thread free lists (most of
/// the VM's objects), larger blocks from the system allocator; it counts live bytes for the heap
/// limit and `gc.mem_alloc()`.
pub struct CountingAlloc;

// SAFETY: small blocks come from chunks that are never freed, each handed out once until it is
// freed again (per-thread lists, so no block is shared between two lists); the class of a block
// follows from the layout, which the caller must give unchanged to dealloc/realloc. Large blocks
// are the system allocator's, forwarded unchanged.
unsafe impl GlobalAlloc for CountingAlloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        POOL.with(|pool| {
            // SAFETY: this thread's pool; the allocator does not re-enter itself while the
            // reference lives (System.alloc does not call back into the global allocator).
            let pool = unsafe { &mut *pool.get() };
            count(pool, layout.size() as isize);
            match class_of(&layout) {
                // SAFETY: a valid class for this layout.
                Some(c) => unsafe { pool.take(c) },
                // SAFETY: forwarded with the caller's layout.
                None => unsafe { System.alloc(layout) },
            }
        })
    }
    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        match class_of(&layout) {
            Some(_) => {
                // SAFETY: forwarded with the caller's layout.
                let p = unsafe { self.alloc(layout) };
                if !p.is_null() {
                    // SAFETY: the block has layout.size() writable bytes.
                    unsafe { std::ptr::write_bytes(p, 0, layout.size()) };
                }
                p
            }
            None => {
                POOL.with(|pool| {
                    // SAFETY: as in alloc.
                    count(unsafe { &mut *pool.get() }, layout.size() as isize)
                });
                // SAFETY: forwarded with the caller's layout.
                unsafe { System.alloc_zeroed(layout) }
            }
        }
    }
    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        POOL.with(|pool| {
            // SAFETY: as in alloc.
            let pool = unsafe { &mut *pool.get() };
            count(pool, -(layout.size() as isize));
            match class_of(&layout) {
                // SAFETY: the block was allocated with this layout, hence from this class.
                Some(c) => unsafe { pool.give(ptr, c) },
                // SAFETY: forwarded with the caller's pointer and layout.
                None => unsafe { System.dealloc(ptr, layout) },
            }
        })
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller guarantees new_size is valid for layout's alignment.
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        match (class_of(&layout), class_of(&new_layout)) {
            (Some(a), Some(b)) if a == b => {
                POOL.with(|pool| {
                    // SAFETY: as in alloc.
                    count(
                        unsafe { &mut *pool.get() },
                        new_size as isize - layout.size() as isize,
                    )
                });
                ptr
            }
            (None, None) => {
                POOL.with(|pool| {
                    // SAFETY: as in alloc.
                    count(
                        unsafe { &mut *pool.get() },
                        new_size as isize - layout.size() as isize,
                    )
                });
                // SAFETY: forwarded with the caller's arguments.
                unsafe { System.realloc(ptr, layout, new_size) }
            }
            _ => {
                // Moving between the classes and the system allocator: copy.
                // SAFETY: a valid non-zero layout (new_size > 0 per the caller's contract).
                let new = unsafe { self.alloc(new_layout) };
                if !new.is_null() {
                    // SAFETY: both blocks hold at least the smaller size; they are distinct.
                    unsafe {
                        std::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                        self.dealloc(ptr, layout);
                    }
                }
                new
            }
        }
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

/// An OS file descriptor as the VM's [`HostFile`]: closed when dropped if it owns it.
struct OsFile {
    fd: i32,
    close: bool,
}

/// The errno of the last failed libc call.
fn last_errno() -> Errno {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(5)
}

impl HostFile for OsFile {
    fn read(&mut self, buf: &mut [u8]) -> Result<usize, Errno> {
        loop {
            // SAFETY: `buf` is valid for `buf.len()` bytes of writes.
            let n = unsafe { libc::read(self.fd, buf.as_mut_ptr().cast(), buf.len()) };
            if n >= 0 {
                return Ok(n as usize);
            }
            let e = last_errno();
            if e != libc::EINTR {
                return Err(e);
            }
        }
    }
    fn write(&mut self, data: &[u8]) -> Result<usize, Errno> {
        loop {
            // SAFETY: `data` is valid for `data.len()` bytes of reads.
            let n = unsafe { libc::write(self.fd, data.as_ptr().cast(), data.len()) };
            if n >= 0 {
                return Ok(n as usize);
            }
            let e = last_errno();
            if e != libc::EINTR {
                return Err(e);
            }
        }
    }
    fn seek(&mut self, off: i64, whence: i32) -> Result<u64, Errno> {
        let w = match whence {
            0 => libc::SEEK_SET,
            1 => libc::SEEK_CUR,
            _ => libc::SEEK_END,
        };
        // SAFETY: lseek takes no pointers.
        let r = unsafe { libc::lseek(self.fd, off as libc::off_t, w) };
        if r < 0 {
            Err(last_errno())
        } else {
            Ok(r as u64)
        }
    }
    fn fileno(&self) -> i32 {
        self.fd
    }
}

impl Drop for OsFile {
    fn drop(&mut self) {
        if self.close {
            // SAFETY: the descriptor is owned by this object and closed once.
            unsafe { libc::close(self.fd) };
        }
    }
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
    fn open_host(&mut self, path: &str, write: bool) -> Result<Box<dyn HostFile>, Errno> {
        use std::os::unix::io::IntoRawFd;
        let f = std::fs::OpenOptions::new()
            .read(true)
            .write(write)
            .open(if path.is_empty() { "." } else { path })
            .map_err(|e| errno(&e))?;
        Ok(Box::new(OsFile {
            fd: f.into_raw_fd(),
            close: true,
        }))
    }
    fn open_fd(&mut self, fd: i32, closefd: bool) -> Result<Box<dyn HostFile>, Errno> {
        // SAFETY: fcntl(F_GETFD) only asks whether the descriptor is open.
        if fd < 0 || unsafe { libc::fcntl(fd, libc::F_GETFD) } < 0 {
            return Err(libc::EBADF);
        }
        Ok(Box::new(OsFile { fd, close: closefd }))
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
        Some(allocated())
    }
    fn heap_stats(&self) -> Option<(usize, usize)> {
        Some((allocated_total(), heap_peak()))
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
