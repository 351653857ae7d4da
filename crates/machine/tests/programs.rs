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

#[test]
fn realtime_sleeps_step_the_clock_in_chunks_and_host_sync_runs_irqs() {
    let out = Rc::new(RefCell::new(Vec::new()));
    let mut vm = Vm::new(VmConfig::default(), Box::new(Capture(out.clone())));
    let board = Board::sim();
    ferropy_machine::install_with(&mut vm, board.clone(), true).expect("install");
    let outputs = Rc::new(RefCell::new(0));
    let o2 = outputs.clone();
    board.on_output(move || *o2.borrow_mut() += 1);
    // A periodic timer fires at its virtual times during one long sleep, not all at once: the
    // sleep goes in 20 ms chunks, so each tick sees the clock at its own time.
    let src = "import machine, time\nseen = []\n\
               t = machine.Timer(period=50, callback=lambda t: seen.append(time.ticks_ms()))\n\
               time.sleep(0.2)\nt.deinit()\nprint(seen, time.ticks_ms())\n\
               print(type(time.sleep).__name__)\n";
    vm.run_main(src, "<host>").expect("run");
    assert_eq!(
        String::from_utf8_lossy(&out.borrow()),
        "[50, 100, 150, 200] 200\nfunction\n"
    );
    out.borrow_mut().clear();
    // The host moves the clock and presses a button while no program runs: handlers run at once.
    vm.run_main(
        "from machine import Pin\nhits = []\nb = Pin(14, Pin.IN, Pin.PULL_UP)\n\
         b.irq(lambda p: hits.append(time.ticks_ms()), Pin.IRQ_FALLING)\n",
        "<host>",
    )
    .expect("run");
    board.set_input(14, Some(false));
    ferropy_machine::host_sync(&mut vm, Some(1_000_000), true).expect("sync");
    vm.run_main("print(hits, time.ticks_ms())", "<host>")
        .expect("run");
    assert_eq!(String::from_utf8_lossy(&out.borrow()), "[1000] 1000\n");
    // While a program runs, the handler is scheduled and runs at the program's next check.
    out.borrow_mut().clear();
    board.set_input(14, None);
    board.set_input(14, Some(false));
    ferropy_machine::host_sync(&mut vm, None, false).expect("sync");
    vm.run_main(
        "n = 0\nwhile len(hits) < 2 and n < 100000:\n    n += 1\nprint(len(hits))",
        "<host>",
    )
    .expect("run");
    assert_eq!(String::from_utf8_lossy(&out.borrow()), "2\n");
    // OLED writes reach the output listeners at the next notification.
    vm.run_main("machine.I2C(0).writeto(0x3C, b'\\x40\\xff')", "<host>")
        .expect("run");
    ferropy_machine::host_sync(&mut vm, None, true).expect("sync");
    assert_eq!(*outputs.borrow(), 1);
}

#[test]
fn examples_run_on_the_simulated_board() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    for (name, tail) in [
        ("blink.py", "LED on\nLED off\n"),
        ("button_irq.py", "button pressed 3\ndone: 3 presses\n"),
        ("oled_hello.py", "OLED pixels lit: 1431\n"),
    ] {
        let path = dir.join(name);
        let src = std::fs::read_to_string(&path).expect("read example");
        let (out, board) = run(&src, &path.to_string_lossy());
        assert!(out.ends_with(tail), "{}:\n{}", name, out);
        if name == "oled_hello.py" {
            // The display holds what the driver drew: the frame's top-left corner and its text.
            let fb = board.oled_framebuffer();
            assert_eq!(fb[0], 0xFF);
            assert!(fb[128..256].iter().any(|&b| b != 0));
        }
    }
}
