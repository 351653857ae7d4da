//! `ferropy board`: the REPL engine served as a MicroPython board, on a pseudo-terminal it creates
//! (`--pty`, its path printed on stdout) or on stdin/stdout in raw mode (`--stdio`), with a host
//! directory as the board's flash (`--dir`). Tools such as mpremote connect to it as to a board.
//!
//! A reader thread moves input bytes into a queue; the interpreter thread feeds them to the engine.
//! A Ctrl-C byte in the queue is either consumed by the engine (idle REPL) or, while code runs,
//! taken by the VM's interrupt check (`Port::take_interrupt`) and raised as KeyboardInterrupt, so
//! a Ctrl-C is never both (and is left as data when `micropython.kbd_intr(-1)` disabled it).

use std::collections::VecDeque;
use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::{AsRawFd, FromRawFd};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use ferropy_vm::port::{Errno, FileKind, FileStat, Port};

use crate::port::{errno, host_file_kind, host_stat};
use ferropy_vm::repl::{Repl, ReplEvent};
use ferropy_vm::{Vm, VmConfig};

const USAGE: &str = "usage: ferropy board [--dir DIR] [--pty | --stdio]
Serve the REPL as a MicroPython board.
  --dir DIR   the board's flash (default: the current directory)
  --pty       create a pseudo-terminal, print its path, and serve it (default)
  --stdio     serve stdin/stdout (the terminal is put in raw mode)
";

/// Input received from the host, shared between the reader thread and the interpreter.
#[derive(Default)]
struct Input {
    queue: VecDeque<u8>,
    /// Ctrl-C bytes in `queue`.
    ctrl_c: usize,
    closed: bool,
}

type SharedInput = Arc<(Mutex<Input>, Condvar)>;

fn lock(input: &SharedInput) -> std::sync::MutexGuard<'_, Input> {
    input.0.lock().unwrap_or_else(|e| e.into_inner())
}

/// Next input byte, blocking; None once the input is closed and drained.
fn next_byte(input: &SharedInput) -> Option<u8> {
    let mut g = lock(input);
    loop {
        if let Some(b) = g.queue.pop_front() {
            if b == 3 {
                g.ctrl_c = g.ctrl_c.saturating_sub(1);
            }
            return Some(b);
        }
        if g.closed {
            return None;
        }
        g = input.1.wait(g).unwrap_or_else(|e| e.into_inner());
    }
}

/// The board: console on the host link, flash in a host directory.
struct BoardPort {
    out: File,
    input: SharedInput,
    root: PathBuf,
    start: Instant,
}

impl BoardPort {
    /// The host path for a board path: absolute board paths start at the flash root, relative ones
    /// too (the board's working directory is its root); `..` never leaves the root.
    fn host(&self, path: &str) -> PathBuf {
        let mut parts: Vec<&str> = Vec::new();
        for p in path.split('/') {
            match p {
                "" | "." => {}
                ".." => {
                    parts.pop();
                }
                p => parts.push(p),
            }
        }
        let mut h = self.root.clone();
        for p in parts {
            h.push(p);
        }
        h
    }
}

impl Port for BoardPort {
    fn write_stdout(&mut self, data: &[u8]) {
        let _ = self.out.write_all(data);
    }
    fn flush(&mut self) {
        let _ = self.out.flush();
    }
    fn read_line(&mut self) -> Option<String> {
        let mut line = Vec::new();
        loop {
            let b = next_byte(&self.input)?;
            match b {
                b'\r' | b'\n' => {
                    let _ = self.out.write_all(b"\r\n");
                    return Some(String::from_utf8_lossy(&line).into_owned());
                }
                8 | 127 if !line.is_empty() => {
                    line.pop();
                    let _ = self.out.write_all(b"\x08 \x08");
                }
                4 if line.is_empty() => return None,
                b if b >= 32 => {
                    line.push(b);
                    let _ = self.out.write_all(&[b]);
                }
                _ => {}
            }
        }
    }
    fn read_stdin(&mut self, buf: &mut [u8]) -> Option<usize> {
        let _ = self.out.flush();
        let Some(first) = buf.first_mut() else {
            return Some(0);
        };
        Some(match next_byte(&self.input) {
            Some(b) => {
                *first = b;
                1
            }
            None => 0,
        })
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
        let _ = self.out.flush();
        let deadline = Instant::now() + Duration::from_micros(us);
        let mut g = lock(&self.input);
        while g.ctrl_c == 0 {
            let now = Instant::now();
            if now >= deadline {
                break;
            }
            g = match self.input.1.wait_timeout(g, deadline - now) {
                Ok((g, _)) => g,
                Err(e) => e.into_inner().0,
            };
        }
    }
    fn take_interrupt(&mut self) -> bool {
        let mut g = lock(&self.input);
        if g.ctrl_c == 0 {
            return false;
        }
        if let Some(i) = g.queue.iter().position(|&b| b == 3) {
            g.queue.remove(i);
        }
        g.ctrl_c -= 1;
        true
    }
    fn file_kind(&mut self, path: &str) -> FileKind {
        host_file_kind(&self.host(path))
    }
    fn read_file(&mut self, path: &str) -> Result<Vec<u8>, Errno> {
        std::fs::read(self.host(path)).map_err(|e| errno(&e))
    }
    fn write_file(&mut self, path: &str, data: &[u8]) -> Result<(), Errno> {
        // Write a temporary file, then rename it: a file on the flash is never half-written.
        let target = self.host(path);
        let Some(name) = target.file_name().map(|n| n.to_string_lossy().into_owned()) else {
            return Err(21);
        };
        let tmp = target.with_file_name(format!(".{}.ferropy-tmp", name));
        std::fs::write(&tmp, data).map_err(|e| errno(&e))?;
        std::fs::rename(&tmp, &target).map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            errno(&e)
        })
    }
    fn append_file(&mut self, path: &str, data: &[u8]) -> Result<(), Errno> {
        let mut f = std::fs::OpenOptions::new()
            .append(true)
            .create(true)
            .open(self.host(path))
            .map_err(|e| errno(&e))?;
        f.write_all(data).map_err(|e| errno(&e))
    }
    fn list_dir(&mut self, path: &str) -> Result<Vec<String>, Errno> {
        let rd = std::fs::read_dir(self.host(path)).map_err(|e| errno(&e))?;
        let mut names: Vec<String> = rd
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| !n.ends_with(".ferropy-tmp"))
            .collect();
        names.sort();
        Ok(names)
    }
    fn stat(&mut self, path: &str) -> Result<FileStat, Errno> {
        host_stat(&self.host(path))
    }
    fn mkdir(&mut self, path: &str) -> Result<(), Errno> {
        std::fs::create_dir(self.host(path)).map_err(|e| errno(&e))
    }
    fn remove(&mut self, path: &str) -> Result<(), Errno> {
        std::fs::remove_file(self.host(path)).map_err(|e| errno(&e))
    }
    fn rmdir(&mut self, path: &str) -> Result<(), Errno> {
        std::fs::remove_dir(self.host(path)).map_err(|e| errno(&e))
    }
    fn rename(&mut self, from: &str, to: &str) -> Result<(), Errno> {
        std::fs::rename(self.host(from), self.host(to)).map_err(|e| errno(&e))
    }
    fn heap_used(&self) -> Option<usize> {
        Some(crate::port::allocated())
    }
    fn platform(&self) -> &str {
        "ferropy"
    }
}

/// Put a terminal in raw mode (no echo, no line editing, no signals, no output processing);
/// returns the previous settings.
fn make_raw(fd: i32) -> Option<libc::termios> {
    // SAFETY: termios is plain data; tcgetattr fills it for a valid fd or fails.
    unsafe {
        let mut t: libc::termios = std::mem::zeroed();
        if libc::tcgetattr(fd, &mut t) != 0 {
            return None;
        }
        let old = t;
        libc::cfmakeraw(&mut t);
        libc::tcsetattr(fd, libc::TCSANOW, &t);
        Some(old)
    }
}

/// Create a pseudo-terminal: (master, slave kept open so the master never sees a hang-up, path).
fn open_pty() -> std::io::Result<(File, File, String)> {
    // SAFETY: plain libc calls on a descriptor this function owns; ptsname_r writes at most
    // buf.len() bytes, NUL-terminated.
    unsafe {
        let m = libc::posix_openpt(libc::O_RDWR | libc::O_NOCTTY);
        if m < 0 {
            return Err(std::io::Error::last_os_error());
        }
        let master = File::from_raw_fd(m);
        if libc::grantpt(m) != 0 || libc::unlockpt(m) != 0 {
            return Err(std::io::Error::last_os_error());
        }
        let mut buf = [0 as libc::c_char; 256];
        if libc::ptsname_r(m, buf.as_mut_ptr(), buf.len()) != 0 {
            return Err(std::io::Error::last_os_error());
        }
        let path = std::ffi::CStr::from_ptr(buf.as_ptr())
            .to_string_lossy()
            .into_owned();
        let slave = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(&path)?;
        make_raw(slave.as_raw_fd());
        Ok((master, slave, path))
    }
}

/// Move bytes from `src` into the input queue until end of input (or forever for a pty, whose
/// slave we keep open).
fn reader(mut src: File, input: SharedInput) {
    let mut buf = [0u8; 4096];
    loop {
        match src.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => {
                let mut g = lock(&input);
                for &b in &buf[..n] {
                    g.queue.push_back(b);
                    if b == 3 {
                        g.ctrl_c += 1;
                    }
                }
                input.1.notify_all();
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => {
                // EIO on a pty master while nobody has the slave open: wait and retry.
                std::thread::sleep(Duration::from_millis(20));
            }
        }
    }
    lock(&input).closed = true;
    input.1.notify_all();
}

fn new_vm(root: &Path, out: &File, input: &SharedInput) -> std::io::Result<Vm> {
    let port = BoardPort {
        out: out.try_clone()?,
        input: input.clone(),
        root: root.to_path_buf(),
        start: Instant::now(),
    };
    let config = VmConfig {
        path: vec![String::new(), String::from("/lib")],
        argv: Vec::new(),
        ..VmConfig::default()
    };
    Ok(Vm::new(config, Box::new(port)))
}

/// Serve the board until the input ends.
fn serve(root: PathBuf, out: File, input: SharedInput) -> std::io::Result<()> {
    let mut vm = new_vm(&root, &out, &input)?;
    let mut repl = Repl::new();
    repl.set_machine("ferropy with host");
    repl.run_boot_scripts(&mut vm);
    repl.start(&mut vm);
    vm.port.flush();
    while let Some(b) = next_byte(&input) {
        match repl.feed(&mut vm, b) {
            // Suspended: only in the resumable mode, which this REPL does not turn on.
            ReplEvent::None | ReplEvent::Suspended(_) => {}
            ReplEvent::SoftReset | ReplEvent::Exit(_) => {
                drop(vm);
                vm = new_vm(&root, &out, &input)?;
                repl.soft_reboot(&mut vm);
                vm.port.flush();
            }
        }
    }
    Ok(())
}

/// `ferropy board ARGS`; returns the exit status.
pub fn main(args: &[String]) -> i32 {
    let mut dir: Option<PathBuf> = None;
    let mut stdio = false;
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--dir" => {
                let Some(d) = args.get(i + 1) else {
                    eprintln!("ferropy board: --dir needs a directory");
                    return 2;
                };
                dir = Some(PathBuf::from(d));
                i += 1;
            }
            "--pty" => stdio = false,
            "--stdio" => stdio = true,
            "-h" | "--help" => {
                print!("{}", USAGE);
                return 0;
            }
            other => {
                eprintln!("ferropy board: unknown option {}\n{}", other, USAGE);
                return 2;
            }
        }
        i += 1;
    }
    let root = match dir {
        Some(d) => d,
        None => std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")),
    };
    if !root.is_dir() {
        eprintln!("ferropy board: {} is not a directory", root.display());
        return 2;
    }
    let input: SharedInput = Arc::new((Mutex::new(Input::default()), Condvar::new()));
    let (src, out, keep, restore) = if stdio {
        // SAFETY: descriptors 0 and 1 are the process's stdin/stdout, duplicated so the Files
        // own their own descriptors.
        let (src, out) = unsafe {
            (
                File::from_raw_fd(libc::dup(0)),
                File::from_raw_fd(libc::dup(1)),
            )
        };
        let restore = make_raw(0);
        (src, out, None, restore)
    } else {
        match open_pty() {
            Ok((master, slave, path)) => {
                println!("{}", path);
                let _ = std::io::stdout().flush();
                let Ok(src) = master.try_clone() else {
                    eprintln!("ferropy board: cannot duplicate the pty");
                    return 1;
                };
                (src, master, Some(slave), None)
            }
            Err(e) => {
                eprintln!("ferropy board: cannot create a pty: {}", e);
                return 1;
            }
        }
    };
    let reader_input = input.clone();
    std::thread::spawn(move || reader(src, reader_input));
    // The interpreter runs on a thread with a large stack, like the rest of the command.
    let handle = std::thread::Builder::new()
        .stack_size(256 * 1024 * 1024)
        .spawn(move || serve(root, out, input));
    let code = match handle.map(|h| h.join()) {
        Ok(Ok(Ok(()))) => 0,
        Ok(Ok(Err(e))) => {
            eprintln!("ferropy board: {}", e);
            1
        }
        _ => 1,
    };
    drop(keep);
    if let Some(t) = restore {
        // SAFETY: restoring settings read from the same descriptor.
        unsafe {
            libc::tcsetattr(0, libc::TCSANOW, &t);
        }
    }
    code
}
