//! ferropy-machine: MicroPython's `machine` module (and `neopixel`) for Ferropy, `no_std` + `alloc`.
//!
//! The module is written against the small [`hal::Hal`] trait so a hardware port only implements
//! that; [`sim::SimBoard`] implements it as a simulated Pico-like board in virtual time, and
//! [`Board`] is the host's handle on it (drive buttons and sliders, read LEDs, the OLED, the
//! NeoPixels and a log of pin changes).
//!
//! [`install`] puts the modules into a VM, makes `time.sleep*` advance the board's clock (running
//! timer and IRQ callbacks at the virtual times they fall due) and wraps the VM's port so
//! `time.ticks_*` read the board's clock. Host-side input changes made between runs or slices are
//! delivered by [`poll`].
//!
//! `machine.reset()`, `soft_reset()`, `deepsleep()` and a watchdog timeout raise `SystemExit`
//! (the watchdog with the message "WDT reset") after recording the cause, which the embedder reads
//! with [`sim::SimBoard::reset_requested`].
//!
//! Simulated boards add test hooks to `machine` (sim-only, not in MicroPython):
//! `sim_set(pin, level, delay_us=0)` drives an input (None releases it), `sim_press(pin, ms=20)`
//! presses a button (to 0 with a pull-up, 1 with a pull-down) and releases it `ms` later,
//! `sim_adc(pin, fraction)`, `sim_sensor(celsius, humidity)`, `sim_oled()` (the framebuffer),
//! `sim_neopixels(pin)`, `sim_uart_feed(id, data)` and `sim_log()` (the pin-change log as
//! `(time_us, pin, level)` tuples).
#![no_std]
extern crate alloc;

pub mod hal;
mod module;
pub mod sim;

use alloc::boxed::Box;
use alloc::rc::Rc;
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::RefCell;

use ferropy_vm::port::{Errno, FileKind, FileStat, NullPort, Port};
use ferropy_vm::{PyResult, Vm};

pub use hal::Hal;
pub use module::{host_sync, poll};
pub use sim::{Board, PinChange, SimBoard};

/// Install `machine`, `umachine` and `neopixel` over a simulated board, with virtual time: sleeps
/// return at once after moving the board's clock.
pub fn install(vm: &mut Vm, board: Board) -> PyResult<()> {
    install_with(vm, board, false)
}

/// Like [`install`]; with `realtime`, `time.sleep*` also wait in real time, 20 ms at a time
/// (through `Vm::sleep_us`, which suspends a resumable run in the browser), running the callbacks
/// that fall due as they go, so a page shows the board in step with the clock; the host keeps the
/// board's clock up with the real one and gets input changes handled with [`host_sync`].
pub fn install_with(vm: &mut Vm, board: Board, realtime: bool) -> PyResult<()> {
    let hal: Rc<RefCell<dyn Hal>> = board.0.clone();
    wrap_port(vm, hal.clone(), realtime);
    module::install(vm, hal, Some(board), realtime)
}

/// Install `machine` over any HAL (a hardware port); `time.sleep*` go through the HAL's clock.
pub fn install_hal(vm: &mut Vm, hal: Rc<RefCell<dyn Hal>>) -> PyResult<()> {
    wrap_port(vm, hal.clone(), false);
    module::install(vm, hal, None, false)
}

/// What `machine` is on a host without hardware (MicroPython's unix port): `mem8/16/32` (index
/// checks, then OSError: no raw memory), `PinBase`, `Signal` over pins written in Python,
/// `time_pulse_us`, `idle`, `disable_irq`/`enable_irq`. A frozen module, created on first import.
pub const HOST_MACHINE_PY: &str = include_str!("host_machine.py");

/// Make `import machine` give the host's `machine` ([`HOST_MACHINE_PY`]); a board installed
/// later with [`install`] replaces it.
pub fn install_host(vm: &mut Vm) {
    if !vm.frozen_modules.iter().any(|(n, _)| *n == "machine") {
        vm.frozen_modules.push(("machine", HOST_MACHINE_PY));
    }
}

fn wrap_port(vm: &mut Vm, hal: Rc<RefCell<dyn Hal>>, realtime: bool) {
    let inner = core::mem::replace(&mut vm.port, Box::new(NullPort::default()));
    vm.port = Box::new(BoardPort {
        inner,
        hal,
        realtime,
    });
}

/// The VM's port with the clock taken from the board.
struct BoardPort {
    inner: Box<dyn Port>,
    hal: Rc<RefCell<dyn Hal>>,
    /// Blocking sleeps wait in real time (the board's clock is moved by the caller or the host).
    realtime: bool,
}

impl Port for BoardPort {
    fn write_stdout(&mut self, data: &[u8]) {
        self.inner.write_stdout(data)
    }
    fn write_stderr(&mut self, data: &[u8]) {
        self.inner.write_stderr(data)
    }
    fn write_stdout_raw(&mut self, data: &[u8]) {
        self.inner.write_stdout_raw(data)
    }
    fn read_line(&mut self) -> Option<String> {
        self.inner.read_line()
    }
    fn read_stdin(&mut self, buf: &mut [u8]) -> Option<usize> {
        self.inner.read_stdin(buf)
    }
    fn flush(&mut self) {
        self.inner.flush()
    }
    fn ticks_us(&mut self) -> u64 {
        self.hal.borrow().now_us()
    }
    fn time(&mut self) -> f64 {
        self.inner.time()
    }
    fn sleep_us(&mut self, us: u64) {
        if self.realtime {
            return self.inner.sleep_us(us);
        }
        let t = self.hal.borrow().now_us().saturating_add(us);
        self.hal.borrow_mut().advance_to(t);
    }
    fn take_interrupt(&mut self) -> bool {
        self.inner.take_interrupt()
    }
    fn file_kind(&mut self, path: &str) -> FileKind {
        self.inner.file_kind(path)
    }
    fn read_file(&mut self, path: &str) -> Result<Vec<u8>, Errno> {
        self.inner.read_file(path)
    }
    fn write_file(&mut self, path: &str, data: &[u8]) -> Result<(), Errno> {
        self.inner.write_file(path, data)
    }
    fn append_file(&mut self, path: &str, data: &[u8]) -> Result<(), Errno> {
        self.inner.append_file(path, data)
    }
    fn list_dir(&mut self, path: &str) -> Result<Vec<String>, Errno> {
        self.inner.list_dir(path)
    }
    fn stat(&mut self, path: &str) -> Result<FileStat, Errno> {
        self.inner.stat(path)
    }
    fn mkdir(&mut self, path: &str) -> Result<(), Errno> {
        self.inner.mkdir(path)
    }
    fn remove(&mut self, path: &str) -> Result<(), Errno> {
        self.inner.remove(path)
    }
    fn rmdir(&mut self, path: &str) -> Result<(), Errno> {
        self.inner.rmdir(path)
    }
    fn rename(&mut self, from: &str, to: &str) -> Result<(), Errno> {
        self.inner.rename(from, to)
    }
    fn random_bytes(&mut self, buf: &mut [u8]) {
        self.inner.random_bytes(buf)
    }
    fn getcwd(&mut self) -> Option<String> {
        self.inner.getcwd()
    }
    fn heap_used(&self) -> Option<usize> {
        self.inner.heap_used()
    }
    fn platform(&self) -> &str {
        self.inner.platform()
    }
}
