//! Measures three value representations and two dispatch loops on a tiny stack VM.
//!
//! ```text
//! cargo run --release --manifest-path benches/value-repr/Cargo.toml            # full table
//! cargo run --release --manifest-path benches/value-repr/Cargo.toml -- --no-callgrind
//! cargo run --release --manifest-path benches/value-repr/Cargo.toml -- --size 2 fib
//! ```
//!
//! For every kernel and configuration (representation x dispatch) it checks that the result
//! matches the other configurations', takes the best of 5 wall-clock runs, and (unless
//! `--no-callgrind`, or when valgrind is missing) counts instructions by re-running itself
//! under `valgrind --tool=callgrind` with `--one KERNEL CONFIG`. Findings: see
//! docs/value-representation.md.

mod kernels;
mod repr;
mod vm;

use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

use kernels::{Kernel, KERNELS};
use repr::{Enum16, Heap, NanBox, Pair16, Repr, Tagged};
use vm::{encode, run_bytes, run_enum, Fail, Program, VmError};

/// A configuration: a representation and a dispatch loop.
struct Config {
    name: &'static str,
    run: fn(&Program) -> Result<String, Fail>,
}

/// Run with a `match` over `Instr` and describe the result.
fn with_enum<V: Repr, const POP: bool>(p: &Program) -> Result<String, Fail> {
    run_enum::<V, POP>(p).map(|v| describe(&v))
}

/// Run the byte-coded form and describe the result.
fn with_bytes<V: Repr>(p: &Program) -> Result<String, Fail> {
    let bp = encode(p).ok_or(VmError::BadCode)?;
    run_bytes::<V>(p, &bp).map(|v| describe(&v))
}

/// The result as text (floats as their bits too, so results must agree exactly).
fn describe<V: Repr>(v: &V) -> String {
    if let Some(i) = v.as_any_int() {
        format!("{i}")
    } else if let Some(x) = v.as_float() {
        format!("{x:.9e}")
    } else {
        String::from("?")
    }
}

/// The configurations; the first (today's representation and loop shape) is the baseline.
const CONFIGS: &[Config] = &[
    Config {
        name: "a:enum16/match-pop",
        run: with_enum::<Enum16, true>,
    },
    Config {
        name: "a:enum16/match",
        run: with_enum::<Enum16, false>,
    },
    Config {
        name: "a':pair16/match",
        run: with_enum::<Pair16, false>,
    },
    Config {
        name: "b:nanbox/match-pop",
        run: with_enum::<NanBox, true>,
    },
    Config {
        name: "b:nanbox/match",
        run: with_enum::<NanBox, false>,
    },
    Config {
        name: "c:tagged/match",
        run: with_enum::<Tagged, false>,
    },
    Config {
        name: "a:enum16/bytes",
        run: with_bytes::<Enum16>,
    },
    Config {
        name: "b:nanbox/bytes",
        run: with_bytes::<NanBox>,
    },
    Config {
        name: "c:tagged/bytes",
        run: with_bytes::<Tagged>,
    },
];

/// Command-line options.
struct Opts {
    size: u32,
    callgrind: bool,
    repeat: usize,
    filter: Vec<String>,
}

fn parse_args(args: &[String]) -> Result<Opts, String> {
    let mut o = Opts {
        size: 1,
        callgrind: true,
        repeat: 5,
        filter: Vec::new(),
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--no-callgrind" => o.callgrind = false,
            "--size" | "--repeat" => {
                let n = it
                    .next()
                    .and_then(|s| s.parse().ok())
                    .ok_or(format!("{a} needs a number"))?;
                if a == "--size" {
                    o.size = n;
                } else {
                    o.repeat = (n as usize).max(1);
                }
            }
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            s => o.filter.push(s.to_string()),
        }
    }
    Ok(o)
}

/// Instruction count of one configuration, by running this binary under callgrind.
fn callgrind(kernel: &str, config: &str, size: u32) -> Option<u64> {
    let exe = std::env::current_exe().ok()?;
    let out = Command::new("valgrind")
        .args(["--tool=callgrind", "--callgrind-out-file=/dev/null"])
        .arg(exe)
        .args(["--one", kernel, config, &size.to_string()])
        .output()
        .ok()?;
    let err = String::from_utf8_lossy(&out.stderr);
    let line = err.lines().find(|l| l.contains("Collected :"))?;
    line.rsplit(':').next()?.trim().parse().ok()
}

/// `--one KERNEL CONFIG SIZE`: run once (the callgrind child).
fn run_one(args: &[String]) -> ExitCode {
    let find = || {
        let k = KERNELS
            .iter()
            .find(|k| Some(&k.name.to_string()) == args.first())?;
        let c = CONFIGS
            .iter()
            .find(|c| Some(&c.name.to_string()) == args.get(1))?;
        let size = args.get(2)?.parse().ok()?;
        Some((k, c, size))
    };
    match find() {
        Some((k, c, size)) => match (c.run)(&(k.build)(size)) {
            Ok(r) => {
                println!("{r}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: {e:?}");
                ExitCode::FAILURE
            }
        },
        None => {
            eprintln!("usage: --one KERNEL CONFIG SIZE");
            ExitCode::FAILURE
        }
    }
}

/// CPU time of this thread in nanoseconds (Linux `/proc/thread-self/schedstat`), if available.
/// On a shared machine it is steadier than wall-clock time: waiting for a core is not counted.
fn cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

/// One measurement: best wall-clock and best CPU time of `repeat` runs, and the result.
struct Sample {
    wall: Duration,
    cpu: Option<Duration>,
    result: String,
}

fn time(k: &Kernel, c: &Config, size: u32, repeat: usize) -> Result<Sample, Fail> {
    let prog = (k.build)(size);
    let mut s = Sample {
        wall: Duration::MAX,
        cpu: None,
        result: String::new(),
    };
    for _ in 0..repeat {
        let (t, c0) = (Instant::now(), cpu_ns());
        s.result = (c.run)(&prog)?;
        s.wall = s.wall.min(t.elapsed());
        if let (Some(a), Some(b)) = (c0, cpu_ns()) {
            let d = Duration::from_nanos(b.saturating_sub(a));
            s.cpu = Some(s.cpu.map_or(d, |best| best.min(d)));
        }
    }
    Ok(s)
}

/// Print one table: a row per configuration, a column per kernel, each cell the figure and its
/// ratio to the first configuration's.
fn table(title: &str, kernels: &[&Kernel], cells: &[Vec<Option<f64>>], digits: usize) {
    println!("\n{title}\n");
    let head: Vec<&str> = kernels.iter().map(|k| k.name).collect();
    println!("| config | {} |", head.join(" | "));
    println!("|---|{}", "---:|".repeat(kernels.len()));
    for (c, row) in CONFIGS.iter().zip(cells) {
        let cols: Vec<String> = row
            .iter()
            .enumerate()
            .map(
                |(k, v)| match (v, cells.first().and_then(|r| r.get(k).copied().flatten())) {
                    (Some(v), Some(b)) if b > 0.0 => format!("{v:.digits$} ({:.2})", v / b),
                    (Some(v), _) => format!("{v:.digits$}"),
                    (None, _) => String::from("-"),
                },
            )
            .collect();
        println!("| {} | {} |", c.name, cols.join(" | "));
    }
}

fn print_sizes() {
    use std::mem::size_of;
    println!(
        "bytes per value (Option<value> in parentheses): a:enum16 {} ({}), a':pair16 {} ({}), \
         b:nanbox {} ({}), c:tagged {} ({})",
        size_of::<Enum16>(),
        size_of::<Option<Enum16>>(),
        size_of::<Pair16>(),
        size_of::<Option<Pair16>>(),
        size_of::<NanBox>(),
        size_of::<Option<NanBox>>(),
        size_of::<Tagged>(),
        size_of::<Option<Tagged>>()
    );
    println!(
        "heap object: {} B + 16 B of Rc counts (each boxed float in c, each big int)",
        size_of::<Heap<Tagged>>()
    );
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--one") {
        return run_one(&args[1..]);
    }
    let opts = match parse_args(&args) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let has_valgrind = opts.callgrind
        && Command::new("valgrind")
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success());
    print_sizes();
    println!(
        "size factor {}{}{}",
        opts.size,
        if cfg!(feature = "boxed-error") {
            ", boxed-error"
        } else {
            ""
        },
        if has_valgrind {
            ""
        } else {
            " (callgrind not run)"
        }
    );
    for k in KERNELS {
        println!("  {:8} mirrors benches/{}", k.name, k.mirrors);
    }
    let kernels: Vec<&Kernel> = KERNELS
        .iter()
        .filter(|k| {
            opts.filter.is_empty() || opts.filter.iter().any(|f| k.name.contains(f.as_str()))
        })
        .collect();
    let mut ok = true;
    let empty = vec![vec![None; kernels.len()]; CONFIGS.len()];
    let (mut instr, mut cpu, mut wall) = (empty.clone(), empty.clone(), empty);
    for (ki, k) in kernels.iter().enumerate() {
        let mut expect: Option<String> = None;
        for (ci, c) in CONFIGS.iter().enumerate() {
            match time(k, c, opts.size, opts.repeat) {
                Ok(s) => {
                    let want = expect.get_or_insert_with(|| s.result.clone());
                    if *want != s.result {
                        println!(
                            "MISMATCH: {} {}: {} (expected {want})",
                            k.name, c.name, s.result
                        );
                        ok = false;
                    }
                    wall[ci][ki] = Some(s.wall.as_secs_f64() * 1e3);
                    cpu[ci][ki] = s.cpu.map(|d| d.as_secs_f64() * 1e3);
                }
                Err(e) => {
                    println!("ERROR: {} {}: {e:?}", k.name, c.name);
                    ok = false;
                }
            }
            if has_valgrind {
                instr[ci][ki] = callgrind(k.name, c.name, opts.size).map(|i| i as f64 / 1e6);
            }
        }
        println!(
            "  {}: result {} in every configuration",
            k.name,
            expect.unwrap_or_default()
        );
    }
    if has_valgrind {
        table(
            "Instructions executed (callgrind, millions; ratio to the first row)",
            &kernels,
            &instr,
            1,
        );
    }
    table(
        &format!("CPU time, best of {} (ms; ratio)", opts.repeat),
        &kernels,
        &cpu,
        1,
    );
    table(
        &format!("Wall-clock time, best of {} (ms; ratio)", opts.repeat),
        &kernels,
        &wall,
        1,
    );
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
