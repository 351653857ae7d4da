//! The `ferropy` command: the native ("unix") port of the Ferropy VM. Runs a file, `-c` code, a
//! module with `-m`, or an interactive REPL.

mod board;
mod hostmods;
mod port;
mod remote;
mod repl;
mod socket;
mod ssl;

use ferropy_vm::{Vm, VmConfig};

/// The native command's `VmConfig::native_depth_limit` (the VM's default suits small stacks).
const NATIVE_DEPTH_LIMIT: usize = 1000;

use crate::port::{CountingAlloc, NativePort, INTERRUPTED};

#[global_allocator]
static GLOBAL: CountingAlloc = CountingAlloc;

/// What to run.
enum Target {
    File(String),
    Code(String),
    Module(String),
    Repl,
}

const USAGE: &str = "usage: ferropy [option] ... [-c cmd | -m mod | file | -] [arg] ...
Options:
  -c cmd        program passed in as string
  -m mod        run library module as a script
  -i            enter the REPL after running the program (also: MICROPYINSPECT set at exit)
  -O[N]         optimisation level N (-O, -OO...: __debug__ is False, asserts are skipped)
  -X heapsize=N[k|M]  heap limit (MemoryError past it)
  -X recursionlimit=N maximum Python call depth
  --board sim   install the simulated `machine` board (virtual time)
  --board-log   with --board: print the pin-change log to stderr at exit
  -h, --help    print this help and exit
  -V, --version print the version and exit
";

fn parse_size(s: &str) -> Option<usize> {
    let s = s.trim();
    let (num, mul) = match s.chars().last()? {
        'k' | 'K' => (&s[..s.len() - 1], 1024),
        'm' | 'M' => (&s[..s.len() - 1], 1024 * 1024),
        'g' | 'G' => (&s[..s.len() - 1], 1024 * 1024 * 1024),
        _ => (s, 1),
    };
    num.parse::<usize>().ok().map(|n| n * mul)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("board") {
        std::process::exit(board::main(&args[2..]));
    }
    if args.get(1).map(String::as_str) == Some("remote") {
        std::process::exit(remote::main(&args[2..]));
    }
    let mut config = VmConfig {
        // Natives re-entering Python (repr/== of nested user objects, __getattr__ chains) get
        // as deep as CPython's recursion limit lets Python code go: the VM runs on a 512 MB
        // stack and a level takes about 4 KB of it.
        native_depth_limit: NATIVE_DEPTH_LIMIT,
        ..VmConfig::default()
    };
    let mut target = None;
    let mut rest: Vec<String> = Vec::new();
    let mut board = (false, std::env::var_os("FERROPY_BOARD_LOG").is_some());
    let mut opts = Opts::default();
    let mut i = 1;
    while i < args.len() {
        let a = &args[i];
        match a.as_str() {
            "-h" | "--help" => {
                print!("{}", USAGE);
                return;
            }
            "-V" | "--version" => {
                println!(
                    "ferropy {} (MicroPython-compatible Python 3)",
                    env!("CARGO_PKG_VERSION")
                );
                return;
            }
            "-c" => {
                let Some(code) = args.get(i + 1) else {
                    eprintln!("Argument expected for the -c option");
                    std::process::exit(2);
                };
                target = Some(Target::Code(code.clone()));
                rest.push(String::from("-c"));
                rest.extend(args[i + 2..].iter().cloned());
                break;
            }
            "-m" => {
                let Some(m) = args.get(i + 1) else {
                    eprintln!("Argument expected for the -m option");
                    std::process::exit(2);
                };
                target = Some(Target::Module(m.clone()));
                rest.push(m.clone());
                rest.extend(args[i + 2..].iter().cloned());
                break;
            }
            "-X" => {
                let Some(opt) = args.get(i + 1) else {
                    eprintln!("Argument expected for the -X option");
                    std::process::exit(2);
                };
                if let Some(v) = opt.strip_prefix("heapsize=") {
                    match parse_size(v) {
                        Some(n) => config.heap_size = n,
                        None => {
                            eprintln!("ferropy: bad heapsize: {}", v);
                            std::process::exit(2);
                        }
                    }
                } else if let Some(v) = opt.strip_prefix("recursionlimit=") {
                    if let Ok(n) = v.parse() {
                        config.recursion_limit = n;
                    }
                }
                i += 2;
                continue;
            }
            "-" => {
                target = Some(Target::File(String::from("-")));
                rest.push(String::from("-"));
                rest.extend(args[i + 1..].iter().cloned());
                break;
            }
            "--board" => {
                if args.get(i + 1).map(String::as_str) != Some("sim") {
                    eprintln!("ferropy: --board takes 'sim'");
                    std::process::exit(2);
                }
                board.0 = true;
                i += 2;
                continue;
            }
            "--board-log" => {
                board.1 = true;
                i += 1;
                continue;
            }
            "-i" => {
                opts.inspect = true;
                i += 1;
                continue;
            }
            s if s.starts_with("-O") => {
                // MicroPython's forms: -O, -OO, -OOO (one level per O) or -O<digit>.
                let rest = &s[2..];
                opts.opt_level = match rest.parse::<i64>() {
                    Ok(n) => n,
                    Err(_) if rest.bytes().all(|b| b == b'O') => 1 + rest.len() as i64,
                    Err(_) => {
                        eprintln!("ferropy: bad option: {}", s);
                        std::process::exit(2);
                    }
                };
                i += 1;
                continue;
            }
            s if s.starts_with('-') && s.len() > 1 => {
                // Accept and ignore CPython flags that do not change behaviour here (-u, -B, -O ...).
                i += 1;
                continue;
            }
            _ => {
                target = Some(Target::File(a.clone()));
                rest.extend(args[i..].iter().cloned());
                break;
            }
        }
    }
    let target = target.unwrap_or(Target::Repl);
    config.argv = if rest.is_empty() {
        vec![String::new()]
    } else {
        rest
    };
    // sys.path: the script's directory (or '' for -c/-m/REPL), then MICROPYPATH entries.
    let mut path = vec![match &target {
        Target::File(f) if f != "-" => std::path::Path::new(f)
            .parent()
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_default(),
        _ => String::new(),
    }];
    if let Ok(mp) = std::env::var("MICROPYPATH") {
        path.extend(mp.split(':').filter(|s| !s.is_empty()).map(String::from));
    }
    config.path = path;
    let _ = ctrlc::set_handler(|| INTERRUPTED.store(true, std::sync::atomic::Ordering::Relaxed));
    // Run on a thread with a large stack: deep structures are dropped recursively.
    let handle = std::thread::Builder::new()
        .stack_size(512 * 1024 * 1024)
        .spawn(move || run(config, target, board, opts));
    let code = match handle {
        Ok(h) => h.join().unwrap_or(1),
        Err(_) => run_inline(),
    };
    std::process::exit(code);
}

fn run_inline() -> i32 {
    eprintln!("ferropy: could not start the interpreter thread");
    1
}

/// Set when the program ended with SystemExit (no `-i` REPL then, as in MicroPython).
static FORCED_EXIT: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Report an uncaught exception the way CPython does and give the exit status.
fn report(vm: &mut Vm, e: ferropy_vm::PyErr) -> i32 {
    if let Some(code) = vm.system_exit_status(&e) {
        FORCED_EXIT.store(true, std::sync::atomic::Ordering::Relaxed);
        return code;
    }
    vm.print_exception(&e.0);
    1
}

/// Command-line settings beyond the VM's configuration.
#[derive(Default)]
struct Opts {
    /// `-i`: enter the REPL once the program has run.
    inspect: bool,
    /// `-O...`: the optimisation level code is compiled at.
    opt_level: i64,
}

fn run(config: VmConfig, target: Target, (sim, log): (bool, bool), opts: Opts) -> i32 {
    let tty = std::io::IsTerminal::is_terminal(&std::io::stdin());
    let interactive = (matches!(target, Target::Repl) || opts.inspect) && tty;
    let mut port = NativePort::new(interactive);
    let input = interactive.then(repl::start_reader);
    port.input = input.clone();
    let mut vm = Vm::new(config, Box::new(port));
    if opts.opt_level != 0 {
        ferropy_vm::modmicropython::set_opt_level(&mut vm, opts.opt_level);
    }
    hostmods::install(&mut vm);
    ferropy_machine::install_host(&mut vm);
    let board = sim.then(ferropy_machine::Board::sim);
    if let Some(b) = &board {
        if let Err(e) = ferropy_machine::install(&mut vm, b.clone()) {
            return report(&mut vm, e);
        }
    }
    let is_repl = matches!(target, Target::Repl);
    let code = match target {
        Target::File(f) => {
            let (src, name) = if f == "-" {
                let mut s = String::new();
                let _ = std::io::Read::read_to_string(&mut std::io::stdin(), &mut s);
                (s, String::from("<stdin>"))
            } else {
                match std::fs::read(&f) {
                    Ok(b) => (String::from_utf8_lossy(&b).into_owned(), f.clone()),
                    Err(e) => {
                        eprintln!(
                            "ferropy: can't open file '{}': [Errno {}] {}",
                            f,
                            e.raw_os_error().unwrap_or(2),
                            e
                        );
                        return 2;
                    }
                }
            };
            match vm.run_main(&src, &name) {
                Ok(_) => 0,
                Err(e) => report(&mut vm, e),
            }
        }
        Target::Code(c) => match vm.run_main(&c, "<string>") {
            Ok(_) => 0,
            Err(e) => report(&mut vm, e),
        },
        Target::Module(m) => match run_module(&mut vm, &m) {
            Ok(_) => 0,
            Err(e) => report(&mut vm, e),
        },
        Target::Repl => {
            if interactive {
                match input.clone() {
                    Some(i) => repl::run(&mut vm, i),
                    None => 0,
                }
            } else {
                let mut s = String::new();
                let _ = std::io::Read::read_to_string(&mut std::io::stdin(), &mut s);
                match vm.run_main(&s, "<stdin>") {
                    Ok(_) => 0,
                    Err(e) => report(&mut vm, e),
                }
            }
        }
    };
    // -i, or MICROPYINSPECT set by the time the program ends: continue in the REPL (as
    // MicroPython's unix port does), unless the program exited through SystemExit.
    let exited = FORCED_EXIT.load(std::sync::atomic::Ordering::Relaxed);
    let code = if !is_repl
        && !exited
        && tty
        && (opts.inspect || std::env::var_os("MICROPYINSPECT").is_some())
    {
        ferropy_vm::modio::flush_all(&mut vm);
        let input = input.unwrap_or_else(repl::start_reader);
        repl::run(&mut vm, input)
    } else {
        code
    };
    // sys.atexit's function runs last (even after SystemExit), as in MicroPython's unix port.
    let code = match ferropy_vm::modsys::run_atexit(&mut vm) {
        Ok(()) => code,
        Err(e) => report(&mut vm, e),
    };
    ferropy_vm::modio::flush_all(&mut vm);
    vm.port.flush();
    if let (Some(b), true) = (&board, log) {
        eprint!("{}", b.format_log());
    }
    code
}

/// `-m module`: find the module's source on sys.path and run it as `__main__`.
fn run_module(vm: &mut Vm, name: &str) -> ferropy_vm::PyResult {
    let rel = name.replace('.', "/");
    for dir in vm.sys_path() {
        let base = if dir.is_empty() {
            rel.clone()
        } else {
            format!("{}/{}", dir, rel)
        };
        for candidate in [format!("{}.py", base), format!("{}/__main__.py", base)] {
            if let Ok(b) = std::fs::read(&candidate) {
                let src = String::from_utf8_lossy(&b).into_owned();
                return vm.run_main(&src, &candidate);
            }
        }
    }
    Err(vm.err(
        ferropy_vm::exceptions::ExcKind::ModuleNotFoundError,
        format!("No module named '{}'", name),
    ))
}
