//! The terminal REPL: `>>> `/`... ` prompts with line editing and history, continuation lines
//! for unfinished input, results echoed, errors printed, Ctrl-C cancelling the line or
//! interrupting running code, and Ctrl-D leaving.

use ferropy_vm::parser::{parse, Mode};
use ferropy_vm::Vm;
use rustyline::error::ReadlineError;

/// Run the REPL until Ctrl-D; returns the exit status.
pub fn run(vm: &mut Vm) -> i32 {
    println!(
        "ferropy {} (MicroPython-compatible Python 3); native with Rust",
        env!("CARGO_PKG_VERSION")
    );
    println!("Type \"help()\" for more information.");
    let Ok(mut rl) = rustyline::DefaultEditor::new() else {
        eprintln!("ferropy: cannot open the terminal");
        return 1;
    };
    loop {
        let mut src = match rl.readline(">>> ") {
            Ok(l) => l,
            Err(ReadlineError::Interrupted) => {
                println!("KeyboardInterrupt");
                continue;
            }
            Err(_) => return 0,
        };
        if src.trim().is_empty() {
            continue;
        }
        // Ask for more lines while the input is incomplete (open block, bracket or string).
        loop {
            let needs_more = match parse(&src, Mode::Single) {
                Ok(_) => {
                    src.trim_end().ends_with(':')
                        || (src.contains('\n')
                            && !src.ends_with("\n\n")
                            && src
                                .lines()
                                .last()
                                .map(|l| l.starts_with(' ') || l.starts_with('\t'))
                                .unwrap_or(false))
                }
                Err(e) => e.incomplete,
            };
            if !needs_more {
                break;
            }
            match rl.readline("... ") {
                Ok(l) => {
                    src.push('\n');
                    let empty = l.trim().is_empty();
                    src.push_str(&l);
                    if empty {
                        src.push('\n');
                        break;
                    }
                }
                Err(ReadlineError::Interrupted) => {
                    src.clear();
                    println!("KeyboardInterrupt");
                    break;
                }
                Err(_) => return 0,
            }
        }
        if src.trim().is_empty() {
            continue;
        }
        let _ = rl.add_history_entry(src.as_str());
        src.push('\n');
        if let Err(e) = vm.run_interactive(&src) {
            if let Some(code) = vm.system_exit_status(&e) {
                return code;
            }
            vm.print_exception(&e.0);
        }
        vm.port.flush();
    }
}
