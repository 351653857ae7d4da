//! Runs the Python programs in tests/machine/ on the simulated board and compares their output
//! with the hand-written `.py.exp` files (and the pin-change log with `.py.log` where present).

use std::cell::RefCell;
use std::rc::Rc;

use ferropy_machine::Board;
use ferropy_vm::port::Port;
use ferropy_vm::{Vm, VmConfig};

/// A port that collects everything written to stdout and stderr.
struct Capture(Rc<RefCell<Vec<u8>>>);

impl Port for Capture {
    fn write_stdout(&mut self, data: &[u8]) {
        self.0.borrow_mut().extend_from_slice(data);
    }
}

fn run(src: &str, name: &str) -> (String, Board) {
    let out = Rc::new(RefCell::new(Vec::new()));
    let mut vm = Vm::new(VmConfig::default(), Box::new(Capture(out.clone())));
    let board = Board::sim();
    ferropy_machine::install(&mut vm, board.clone()).expect("install");
    if let Err(e) = vm.run_main(src, name) {
        vm.print_exception(&e.0);
    }
    ferropy_vm::modio::flush_all(&mut vm);
    let text = String::from_utf8_lossy(&out.borrow()).into_owned();
    (text, board)
}

#[test]
fn machine_programs() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/machine");
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/machine")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    entries.sort();
    assert!(!entries.is_empty());
    let mut failures = Vec::new();
    for path in entries {
        let src = std::fs::read_to_string(&path).expect("read program");
        assert!(
            src.starts_with("# expect: handwritten"),
            "{}: expected outputs here are hand-written",
            path.display()
        );
        let exp = std::fs::read_to_string(path.with_extension("py.exp")).expect("read .exp");
        let (out, board) = run(&src, &path.to_string_lossy());
        if out != exp {
            failures.push(format!(
                "{}:\n--- expected\n{}--- got\n{}",
                path.display(),
                exp,
                out
            ));
        }
        if let Ok(log) = std::fs::read_to_string(path.with_extension("py.log")) {
            let got = board.format_log();
            if got != log {
                failures.push(format!(
                    "{} (pin log):\n--- expected\n{}--- got\n{}",
                    path.display(),
                    log,
                    got
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn host_api_sees_python_and_drives_irqs() {
    let out = Rc::new(RefCell::new(Vec::new()));
    let mut vm = Vm::new(VmConfig::default(), Box::new(Capture(out.clone())));
    let board = Board::sim();
    ferropy_machine::install(&mut vm, board.clone()).expect("install");
    let changes = Rc::new(RefCell::new(Vec::new()));
    let c2 = changes.clone();
    let b2 = board.clone();
    board.on_change(move |c| c2.borrow_mut().push((c.pin, c.level, b2.pin_value(c.pin))));
    let src = "import machine\nled = machine.Pin(25, machine.Pin.OUT, value=1)\n\
               b = machine.Pin(14, machine.Pin.IN, machine.Pin.PULL_DOWN)\nhits = []\n\
               b.irq(lambda p: hits.append(p.value()), machine.Pin.IRQ_RISING)\n";
    vm.run_main(src, "<host>").expect("run");
    assert!(board.pin_value(25));
    board.set_input(14, Some(true));
    ferropy_machine::poll(&mut vm).expect("poll");
    board.advance(5000);
    vm.run_main("print(hits)", "<host>").expect("run");
    assert_eq!(String::from_utf8_lossy(&out.borrow()), "[1]\n");
    assert_eq!(*changes.borrow(), vec![(25, true, true), (14, true, true)]);
    assert_eq!(board.now_us(), 5000);
}
