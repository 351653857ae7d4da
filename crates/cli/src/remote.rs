//! `ferropy remote PORT COMMAND ...`: drive a MicroPython (or `ferropy board`) board from the
//! host with ferropy-remote, mirroring mpremote's commands. PORT is a serial device path or
//! `socket://host:port`.

use std::io::{Read, Write};

use ferropy_remote::native::{SerialPort, TcpTransport};
use ferropy_remote::{block_on, Error, PutOutcome, RawRepl, Transport};

const USAGE: &str = "usage: ferropy remote [--baud N] [--timeout SECS] PORT COMMAND [ARGS]
PORT is a serial device (/dev/ttyACM0) or socket://host:port. Commands:
  exec CODE        run code on the board
  eval EXPR        print the repr of an expression evaluated on the board
  run FILE         run a host file on the board, following its output
  ls [DIR]         list a directory (sizes, / after directories)
  cat FILE         print a board file
  get SRC [DST]    copy a board file to the host
  put SRC [DST]    copy a host file to the board (skipped when unchanged)
  mkdir DIR | rm FILE | rmdir DIR | stat PATH | hash FILE
  soft-reset       soft-reset the board
  repl             terminal pass-through (Ctrl-] to exit)
Board paths may start with ':' as in mpremote.
";

/// The link to the board: a serial port or a TCP socket.
enum Link {
    Serial(SerialPort),
    Tcp(TcpTransport),
}

impl Link {
    fn open(spec: &str, baud: u32) -> Result<Link, Error> {
        if spec.starts_with("socket://") {
            TcpTransport::connect(spec).map(Link::Tcp)
        } else {
            SerialPort::open(spec, baud).map(Link::Serial)
        }
    }

    fn try_clone(&self) -> Result<Link, Error> {
        match self {
            Link::Serial(s) => s.try_clone().map(Link::Serial),
            Link::Tcp(t) => t.try_clone().map(Link::Tcp),
        }
    }
}

impl Transport for Link {
    async fn read(&mut self, buf: &mut [u8], timeout_ms: u32) -> Result<usize, Error> {
        match self {
            Link::Serial(s) => s.read(buf, timeout_ms).await,
            Link::Tcp(t) => t.read(buf, timeout_ms).await,
        }
    }
    async fn write(&mut self, data: &[u8]) -> Result<(), Error> {
        match self {
            Link::Serial(s) => s.write(data).await,
            Link::Tcp(t) => t.write(data).await,
        }
    }
    async fn flush(&mut self) -> Result<(), Error> {
        match self {
            Link::Serial(s) => s.flush().await,
            Link::Tcp(t) => t.flush().await,
        }
    }
}

/// A board path without mpremote's optional `:` prefix.
fn board_path(p: &str) -> &str {
    p.strip_prefix(':').unwrap_or(p)
}

fn basename(p: &str) -> &str {
    p.rsplit('/').next().unwrap_or(p)
}

fn arg<'a>(args: &'a [String], i: usize, what: &str) -> Result<&'a str, String> {
    args.get(i)
        .map(String::as_str)
        .ok_or_else(|| format!("missing {}", what))
}

/// Write to stdout as-is (the board's text already has its line endings).
fn out(data: &[u8]) {
    let mut o = std::io::stdout().lock();
    let _ = o.write_all(data);
    let _ = o.flush();
}

/// A command's failure: a message, or an exception whose traceback goes to stderr as-is.
enum Failure {
    Msg(String),
    Exception(Vec<u8>),
}

impl From<Error> for Failure {
    fn from(e: Error) -> Failure {
        match e {
            Error::Exception(t) => Failure::Exception(t.into_bytes()),
            e => Failure::Msg(e.to_string()),
        }
    }
}

impl From<String> for Failure {
    fn from(m: String) -> Failure {
        Failure::Msg(m)
    }
}

fn run_command(repl: &mut RawRepl<Link>, cmd: &str, args: &[String]) -> Result<(), Failure> {
    match cmd {
        "exec" | "run" => {
            let code = if cmd == "exec" {
                arg(args, 0, "code")?.as_bytes().to_vec()
            } else {
                let f = arg(args, 0, "file")?;
                std::fs::read(f).map_err(|e| format!("cannot read {}: {}", f, e))?
            };
            block_on(repl.exec_no_follow(&code))?;
            let timeout = (cmd == "exec").then_some(repl.timeout_ms);
            let err = block_on(repl.follow(timeout, &mut |d| out(d)))?;
            if !err.is_empty() {
                return Err(Failure::Exception(err));
            }
        }
        "eval" => {
            let v = block_on(repl.eval(arg(args, 0, "expression")?))?;
            println!("{}", v);
        }
        "ls" => {
            let dir = args.first().map(|d| board_path(d)).unwrap_or("");
            for e in block_on(repl.ls(dir))? {
                let slash = if e.is_dir { "/" } else { "" };
                println!("{:>12} {}{}", e.size, e.name, slash);
            }
        }
        "cat" => {
            let p = board_path(arg(args, 0, "file")?);
            block_on(repl.read_file_with(p, &mut |d| out(d)))?;
        }
        "get" => {
            let src = board_path(arg(args, 0, "source")?);
            let mut dst = std::path::PathBuf::from(args.get(1).map_or(basename(src), |d| d));
            if dst.is_dir() {
                dst.push(basename(src));
            }
            let data = block_on(repl.read_file(src))?;
            // A partial download never appears under the destination name either.
            let tmp = dst.with_extension("ferropy-part");
            std::fs::write(&tmp, &data)
                .and_then(|_| std::fs::rename(&tmp, &dst))
                .map_err(|e| {
                    let _ = std::fs::remove_file(&tmp);
                    format!("cannot write {}: {}", dst.display(), e)
                })?;
        }
        "put" => {
            let src = arg(args, 0, "source")?;
            let data = std::fs::read(src).map_err(|e| format!("cannot read {}: {}", src, e))?;
            let name = basename(src);
            let dst = match args.get(1).map(|d| board_path(d)) {
                None | Some("") => name.to_string(),
                Some(d) if d.ends_with('/') => format!("{}{}", d, name),
                Some(d) => d.to_string(),
            };
            if block_on(repl.write_file(&dst, &data, true))? == PutOutcome::Unchanged {
                println!("unchanged: {}", dst);
            }
        }
        "mkdir" => block_on(repl.mkdir(board_path(arg(args, 0, "directory")?)))?,
        "rm" => block_on(repl.rm(board_path(arg(args, 0, "file")?)))?,
        "rmdir" => block_on(repl.rmdir(board_path(arg(args, 0, "directory")?)))?,
        "stat" => {
            let st = block_on(repl.stat(board_path(arg(args, 0, "path")?)))?;
            let kind = if st.is_dir() { "dir" } else { "file" };
            println!("{} {} {}", kind, st.size, st.mtime);
        }
        "hash" => match block_on(repl.hash(board_path(arg(args, 0, "file")?)))? {
            Some(h) => println!("{}", ferropy_remote::codec::hex(&h)),
            None => return Err(Failure::Msg("the board has no hashlib.sha256".into())),
        },
        "soft-reset" => block_on(repl.soft_reset())?,
        other => {
            return Err(Failure::Msg(format!(
                "unknown command {}\n{}",
                other, USAGE
            )))
        }
    }
    Ok(())
}

/// Terminal pass-through until Ctrl-] (or the end of stdin when it is not a terminal).
fn repl_passthrough(link: Link) -> Result<(), String> {
    let mut reader = link.try_clone().map_err(|e| e.to_string())?;
    let mut writer = link;
    std::thread::spawn(move || {
        let mut buf = [0u8; 1024];
        loop {
            match block_on(reader.read(&mut buf, 1000)) {
                Ok(0) => {}
                Ok(n) => out(&buf[..n]),
                Err(e) => {
                    eprintln!("\r\nferropy remote: {}\r", e);
                    std::process::exit(1);
                }
            }
        }
    });
    let stdin_fd = 0;
    let tty = std::io::IsTerminal::is_terminal(&std::io::stdin());
    let saved = if tty { make_raw(stdin_fd) } else { None };
    if tty {
        eprint!("Connected (Ctrl-] to exit)\r\n");
    }
    let mut stdin = std::io::stdin().lock();
    let mut buf = [0u8; 256];
    let result = loop {
        let n = match stdin.read(&mut buf) {
            Ok(0) => break Ok(()),
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => break Err(e.to_string()),
        };
        let data = &buf[..n];
        let (data, quit) = match data.iter().position(|&b| b == 0x1d) {
            Some(i) => (&data[..i], true),
            None => (data, false),
        };
        if let Err(e) = block_on(writer.write(data)) {
            break Err(e.to_string());
        }
        if quit {
            break Ok(());
        }
    };
    // Let the board's last answer arrive before leaving.
    std::thread::sleep(std::time::Duration::from_millis(300));
    if let Some(t) = saved {
        // SAFETY: restoring settings read from the same descriptor.
        unsafe {
            libc::tcsetattr(stdin_fd, libc::TCSANOW, &t);
        }
    }
    result
}

/// Put a terminal in raw mode; returns the previous settings.
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

/// `ferropy remote ARGS`; returns the exit status.
pub fn main(args: &[String]) -> i32 {
    let mut baud = 115_200;
    let mut timeout_ms = 10_000;
    let mut i = 0;
    while let Some(a) = args.get(i) {
        match a.as_str() {
            "-h" | "--help" => {
                print!("{}", USAGE);
                return 0;
            }
            "--baud" | "--timeout" => {
                let Some(v) = args.get(i + 1).and_then(|v| v.parse::<f64>().ok()) else {
                    eprintln!("ferropy remote: {} needs a number", a);
                    return 2;
                };
                if a == "--baud" {
                    baud = v as u32;
                } else {
                    timeout_ms = (v * 1000.0).clamp(1.0, u32::MAX as f64) as u32;
                }
                i += 2;
            }
            _ => break,
        }
    }
    let (Some(port), Some(cmd)) = (args.get(i), args.get(i + 1)) else {
        eprint!("{}", USAGE);
        return 2;
    };
    let rest = &args[i + 2..];
    let link = match Link::open(port, baud) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("ferropy remote: {}", e);
            return 1;
        }
    };
    if cmd == "repl" {
        return match repl_passthrough(link) {
            Ok(()) => 0,
            Err(e) => {
                eprintln!("ferropy remote: {}", e);
                1
            }
        };
    }
    let mut repl = RawRepl::new(link);
    repl.timeout_ms = timeout_ms;
    let soft = cmd == "soft-reset";
    let result = block_on(repl.enter_raw_repl(soft))
        .map_err(Failure::from)
        .and_then(|_| {
            if soft {
                Ok(())
            } else {
                run_command(&mut repl, cmd, rest)
            }
        });
    let _ = block_on(repl.exit_raw_repl());
    match result {
        Ok(()) => 0,
        Err(Failure::Exception(text)) => {
            let _ = std::io::stderr().write_all(&text);
            1
        }
        Err(Failure::Msg(m)) => {
            eprintln!("ferropy remote: {}", m);
            1
        }
    }
}
