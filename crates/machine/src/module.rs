//! The Python side: the `machine` module's classes and functions over a [`Hal`], the patched
//! `time.sleep*` that move the board's clock, and the dispatch of IRQ and timer callbacks.

use alloc::boxed::Box;
use alloc::collections::BTreeMap;
use alloc::format;
use alloc::rc::Rc;
use alloc::vec;
use alloc::vec::Vec;
use core::cell::RefCell;

use ferropy_vm::exceptions::ExcKind;
use ferropy_vm::modbuiltins::{builtin_fn, kwarg};
use ferropy_vm::modstruct::need_buffer;
use ferropy_vm::number::to_f64;
use ferropy_vm::types;
use ferropy_vm::value::{new_str, Layout, NativeFn, NativeObj, Obj, PyObject, Str};
use ferropy_vm::{PyResult, Value, Vm};

use crate::hal::{Event, Hal, PinMode, Pull, IRQ_FALLING, IRQ_RISING};
use crate::sim::{Board, LED_PIN};

/// Key of the module's per-VM state object (`Vm::state_object`).
const KEY: &str = "machine";

/// Reset causes (`machine.reset_cause()`).
const PWRON_RESET: u8 = 1;
const HARD_RESET: u8 = 2;
const WDT_RESET: u8 = 3;
const DEEPSLEEP_RESET: u8 = 4;
const SOFT_RESET: u8 = 5;

/// Python-visible callbacks and interrupt state.
#[derive(Default)]
struct PyState {
    pin_irq: BTreeMap<u32, (Value, Value)>,
    timers: BTreeMap<u32, (Value, Value)>,
    next_timer: u32,
    irq_disabled: bool,
    in_dispatch: bool,
    /// A dispatch is queued with `micropython.schedule` (see [`host_sync`]).
    dispatch_scheduled: bool,
}

struct Classes {
    pin: Obj,
    signal: Obj,
    pwm: Obj,
    adc: Obj,
    i2c: Obj,
    spi: Obj,
    uart: Obj,
    timer: Obj,
    rtc: Obj,
    wdt: Obj,
}

/// The module's per-VM state.
pub(crate) struct Machine {
    hal: Rc<RefCell<dyn Hal>>,
    board: Option<Board>,
    py: RefCell<PyState>,
    cls: Classes,
}

#[derive(Clone, Copy)]
struct PinData(u32);
#[derive(Clone, Copy)]
struct SignalData {
    pin: u32,
    invert: bool,
}
#[derive(Clone, Copy)]
struct PwmData {
    pin: u32,
    freq: u32,
    duty: u16,
}
#[derive(Clone, Copy)]
struct BusData(u32);
#[derive(Clone, Copy)]
struct WdtData(u64);

fn machine(vm: &mut Vm) -> PyResult<Rc<Machine>> {
    if let Some(o) = vm.state_object(KEY) {
        if let PyObject::Native(n) = &*o {
            if let Some(m) = n.data.borrow().downcast_ref::<Rc<Machine>>() {
                return Ok(m.clone());
            }
        }
    }
    Err(vm.err(ExcKind::RuntimeError, "machine module not installed"))
}

fn data<T: Copy + 'static>(vm: &mut Vm, v: &Value, what: &str) -> PyResult<T> {
    if let Value::Obj(o) = v {
        if let PyObject::Native(n) = &**o {
            if let Some(d) = n.data.borrow().downcast_ref::<T>() {
                return Ok(*d);
            }
        }
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!("expected a {} object, got '{}'", what, tn)))
}

fn set_data<T: 'static>(v: &Value, new: T) {
    if let Value::Obj(o) = v {
        if let PyObject::Native(n) = &**o {
            if let Some(d) = n.data.borrow_mut().downcast_mut::<T>() {
                *d = new;
            }
        }
    }
}

fn new_obj<T: 'static>(vm: &mut Vm, cls: &Obj, d: T) -> Value {
    Value::Obj(vm.alloc(PyObject::Native(NativeObj {
        class: cls.clone(),
        data: RefCell::new(Box::new(d)),
    })))
}

/// The receiver of a method (None when a method is called unbound without arguments, which the
/// type checks then reject).
fn this(args: &[Value]) -> &Value {
    args.first().unwrap_or(&Value::None)
}

/// Positional argument `i` (after self/cls) or keyword `name`; `-1` and None count as absent
/// only when `none_absent`.
fn arg<'a>(args: &'a [Value], kw: &'a [(Str, Value)], i: usize, name: &str) -> Option<&'a Value> {
    args.get(i).or_else(|| kwarg(kw, name))
}

fn int_arg(vm: &mut Vm, v: Option<&Value>, default: i64) -> PyResult<i64> {
    match v {
        None | Some(Value::None) => Ok(default),
        Some(v) => vm.to_index(v),
    }
}

fn bytes_val(vm: &mut Vm, b: Vec<u8>) -> Value {
    Value::Obj(vm.alloc(PyObject::Bytes(b.into_boxed_slice())))
}

fn os_error(vm: &mut Vm, errno: i64) -> ferropy_vm::PyErr {
    vm.err_args(ExcKind::OSError, vec![Value::Int(errno)])
}

/// A pin number from an int, a name ("LED", "GP15", "GPIO15") or a Pin object.
fn pin_id(vm: &mut Vm, m: &Machine, v: &Value) -> PyResult<u32> {
    let id = match v {
        Value::Int(i) => *i,
        Value::Str(s) => {
            let s = s.as_str();
            let num = s
                .strip_prefix("GPIO")
                .or_else(|| s.strip_prefix("GP"))
                .and_then(|n| n.parse::<i64>().ok());
            match (s, num) {
                ("LED", _) => LED_PIN as i64,
                (_, Some(n)) => n,
                _ => return Err(vm.value_error(format!("unknown named pin \"{}\"", s))),
            }
        }
        Value::Bool(b) => *b as i64,
        Value::Obj(_) => match data::<PinData>(vm, v, "Pin") {
            Ok(p) => p.0 as i64,
            Err(_) => {
                let tn = vm.type_name(v);
                return Err(vm.type_error(format!("expecting a pin, not '{}'", tn)));
            }
        },
        _ => {
            let tn = vm.type_name(v);
            return Err(vm.type_error(format!("expecting a pin, not '{}'", tn)));
        }
    };
    if id < 0 || id > u32::MAX as i64 || !m.hal.borrow().pin_valid(id as u32) {
        return Err(vm.value_error("invalid pin"));
    }
    Ok(id as u32)
}

// ----- time and callbacks ------------------------------------------------------------------------

/// Run queued IRQ and timer callbacks (unless interrupts are disabled or a callback is running).
fn dispatch(vm: &mut Vm, m: &Machine) -> PyResult<()> {
    if let Some(b) = &m.board {
        b.notify();
    }
    {
        let mut py = m.py.borrow_mut();
        if py.in_dispatch || py.irq_disabled {
            return Ok(());
        }
        py.in_dispatch = true;
    }
    let r = loop {
        let ev = m.hal.borrow_mut().take_event();
        let Some(ev) = ev else { break Ok(()) };
        let target = match ev {
            Event::Edge { pin, .. } => m.py.borrow().pin_irq.get(&pin).cloned(),
            Event::Timer(id) => m.py.borrow().timers.get(&id).cloned(),
            Event::Watchdog => {
                m.hal.borrow_mut().request_reset(WDT_RESET);
                break Err(vm.err(ExcKind::SystemExit, "WDT reset"));
            }
        };
        if let Some((f, a)) = target {
            if f.is_none() {
                continue;
            }
            if let Err(e) = vm.call(&f, &[a]) {
                break Err(e);
            }
            if let Some(b) = &m.board {
                b.notify();
            }
        }
    };
    m.py.borrow_mut().in_dispatch = false;
    r
}

/// Let the board's time pass until `t`, running callbacks at the virtual times they are due.
fn step_to(vm: &mut Vm, m: &Machine, t: u64) -> PyResult<()> {
    loop {
        let next = m.hal.borrow().next_event_us();
        match next {
            Some(n) if n <= t => {
                m.hal.borrow_mut().advance_to(n);
                dispatch(vm, m)?;
                vm.check_interrupt()?;
            }
            _ => {
                m.hal.borrow_mut().advance_to(t);
                return dispatch(vm, m);
            }
        }
    }
}

fn sleep_for(vm: &mut Vm, us: f64) -> PyResult {
    if us.is_nan() || us < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    let us = if us > 1e15 { 1e15 as u64 } else { us as u64 };
    let m = machine(vm)?;
    let t = m.hal.borrow().now_us().saturating_add(us);
    step_to(vm, &m, t)?;
    vm.check_interrupt()?;
    Ok(Value::None)
}

fn t_sleep(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let Some(v) = args.first() else {
        return Err(vm.type_error("function takes 1 positional arguments but 0 were given"));
    };
    let s = to_f64(vm, v)?;
    sleep_for(vm, s * 1e6)
}

fn t_sleep_ms(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let ms = int_arg(vm, args.first(), 0)?;
    sleep_for(vm, ms.max(0) as f64 * 1e3)
}

fn t_sleep_us(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let us = int_arg(vm, args.first(), 0)?;
    sleep_for(vm, us.max(0) as f64)
}

/// Run pending callbacks now (for hosts that change inputs between slices of a run).
pub fn poll(vm: &mut Vm) -> PyResult<()> {
    let m = machine(vm)?;
    dispatch(vm, &m)
}

/// The longest single real-time wait of a realtime sleep, so that inputs changed meanwhile are
/// handled promptly and virtual time never runs far ahead of the real clock.
const CHUNK_US: u64 = 20_000;

/// Realtime `time.sleep*`: Python loops around [`rt_step`], which waits one chunk at a time (a
/// native call can suspend a resumable run only once).
const REALTIME_SLEEP_PY: &str = "\
def sleep(s):
    t = _deadline(s, 0)
    while not _step(t):
        pass


def sleep_ms(ms):
    t = _deadline(ms, 1)
    while not _step(t):
        pass


def sleep_us(us):
    t = _deadline(us, 2)
    while not _step(t):
        pass
";

/// `_deadline(value, unit)`: the board time a sleep of `value` seconds (unit 0), milliseconds
/// (1) or microseconds (2) ends at, with the checks of `time.sleep*`.
fn rt_deadline(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let Some(v) = args.first() else {
        return Err(vm.type_error("function takes 1 positional arguments but 0 were given"));
    };
    let us = match args.get(1) {
        Some(Value::Int(1)) => int_arg(vm, Some(v), 0)?.max(0) as f64 * 1e3,
        Some(Value::Int(2)) => int_arg(vm, Some(v), 0)?.max(0) as f64,
        _ => to_f64(vm, v)? * 1e6,
    };
    if us.is_nan() || us < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    let us = if us > 1e15 { 1e15 as u64 } else { us as u64 };
    let m = machine(vm)?;
    let t = m.hal.borrow().now_us().saturating_add(us);
    Ok(Value::Int(t.min(i64::MAX as u64) as i64))
}

/// `_step(deadline)`: True once the board's clock reached the deadline; otherwise let one chunk
/// pass (running the callbacks due in it) and wait for it in real time, suspending the run when
/// possible (the resumed call gives None, so the Python loop calls again).
fn rt_step(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    vm.check_interrupt()?;
    let t = int_arg(vm, args.first(), 0)?.max(0) as u64;
    let m = machine(vm)?;
    let now = m.hal.borrow().now_us();
    if now >= t {
        dispatch(vm, &m)?;
        return Ok(Value::Bool(true));
    }
    let d = (t - now).min(CHUNK_US);
    step_to(vm, &m, now + d)?;
    vm.sleep_us(d)?;
    Ok(Value::Bool(now + d >= t))
}

fn run_scheduled_dispatch(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let m = machine(vm)?;
    m.py.borrow_mut().dispatch_scheduled = false;
    dispatch(vm, &m)?;
    Ok(Value::None)
}

/// For hosts that run the board in real time (a web page): move the board's clock forward to
/// `t_us` when given (it never goes back), deliver pin and output changes to the host's
/// listeners, and get the IRQ and timer callbacks that are due run: at once when no program is
/// running (`idle`), otherwise inside the running program at its next check, through
/// `micropython.schedule` (as a hardware IRQ handler would be scheduled).
pub fn host_sync(vm: &mut Vm, t_us: Option<u64>, idle: bool) -> PyResult<()> {
    let m = machine(vm)?;
    if let Some(t) = t_us {
        let now = m.hal.borrow().now_us();
        if t > now {
            m.hal.borrow_mut().advance_to(t);
        }
    }
    let pending = match &m.board {
        Some(b) => {
            b.notify();
            b.0.borrow().events_pending()
        }
        None => true,
    };
    if !pending {
        return Ok(());
    }
    if idle {
        return dispatch(vm, &m);
    }
    if m.py.borrow().dispatch_scheduled {
        return Ok(());
    }
    let globals = vm.modules.clone();
    let mp = vm.import_name("micropython", &Value::None, 0, &globals)?;
    if let Some(schedule) = vm.getattr_opt(&mp, "schedule")? {
        let f = builtin_fn("machine_dispatch", run_scheduled_dispatch);
        if vm.call(&schedule, &[f, Value::None]).is_ok() {
            m.py.borrow_mut().dispatch_scheduled = true;
        }
    }
    Ok(())
}

// ----- Pin -------------------------------------------------------------------------------------

fn parse_mode(vm: &mut Vm, v: &Value) -> PyResult<Option<PinMode>> {
    Ok(match int_arg(vm, Some(v), -1)? {
        -1 => None,
        0 => Some(PinMode::In),
        1 => Some(PinMode::Out),
        2 => Some(PinMode::OpenDrain),
        3 => Some(PinMode::Alt),
        n => return Err(vm.value_error(format!("invalid pin mode: {}", n))),
    })
}

fn parse_pull(vm: &mut Vm, v: &Value) -> PyResult<Option<Pull>> {
    if v.is_none() {
        return Ok(Some(Pull::None));
    }
    Ok(match vm.to_index(v)? {
        -1 => None,
        0 => Some(Pull::None),
        1 => Some(Pull::Up),
        2 => Some(Pull::Down),
        n => return Err(vm.value_error(format!("invalid pull value: {}", n))),
    })
}

/// Shared by the constructor and `init`: args are (mode, pull) positionally after the id/self.
fn pin_init(
    vm: &mut Vm,
    m: &Machine,
    id: u32,
    args: &[Value],
    kw: &[(Str, Value)],
) -> PyResult<()> {
    let mode = match arg(args, kw, 0, "mode") {
        Some(v) => parse_mode(vm, v)?,
        None => None,
    };
    let pull = match arg(args, kw, 1, "pull") {
        Some(v) => parse_pull(vm, v)?,
        None => None,
    };
    if let Some(v) = kwarg(kw, "value") {
        if !v.is_none() {
            let level = vm.truthy(v)?;
            m.hal.borrow_mut().pin_write(id, level);
        }
    }
    if mode.is_some() || pull.is_some() {
        let (cur_mode, cur_pull) = m.hal.borrow().pin_config(id);
        m.hal
            .borrow_mut()
            .pin_configure(id, mode.unwrap_or(cur_mode), pull.unwrap_or(cur_pull));
    }
    dispatch(vm, m)
}

fn pin_new(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    let m = machine(vm)?;
    let Some(idv) = arg(args, kw, 1, "id") else {
        return Err(vm.type_error("function missing 1 required positional arguments"));
    };
    let id = pin_id(vm, &m, idv)?;
    pin_init(vm, &m, id, args.get(2..).unwrap_or(&[]), kw)?;
    Ok(new_obj(vm, &m.cls.pin, PinData(id)))
}

fn pin_init_m(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    let m = machine(vm)?;
    let id = data::<PinData>(vm, this(args), "Pin")?.0;
    pin_init(vm, &m, id, args.get(1..).unwrap_or(&[]), kw)?;
    Ok(Value::None)
}

fn pin_write(vm: &mut Vm, m: &Machine, id: u32, level: bool) -> PyResult<()> {
    m.hal.borrow_mut().pin_write(id, level);
    dispatch(vm, m)
}

fn pin_value(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let m = machine(vm)?;
    let id = data::<PinData>(vm, this(args), "Pin")?.0;
    match args.get(1) {
        None => Ok(Value::Int(m.hal.borrow_mut().pin_read(id) as i64)),
        Some(v) => {
            let level = vm.truthy(v)?;
            pin_write(vm, &m, id, level)?;
            Ok(Value::None)
        }
    }
}

fn pin_on(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let m = machine(vm)?;
    let id = data::<PinData>(vm, this(args), "Pin")?.0;
    pin_write(vm, &m, id, true)?;
    Ok(Value::None)
}

fn pin_off(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let m = machine(vm)?;
    let id = data::<PinData>(vm, this(args), "Pin")?.0;
    pin_write(vm, &m, id, false)?;
    Ok(Value::None)
}

fn pin_toggle(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let m = machine(vm)?;
    let id = data::<PinData>(vm, this(args), "Pin")?.0;
    let cur = m.hal.borrow_mut().pin_read(id);
    pin_write(vm, &m, id, !cur)?;
    Ok(Value::None)
}

fn pin_irq(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    let m = machine(vm)?;
    let id = data::<PinData>(vm, this(args), "Pin")?.0;
    let handler = arg(args, kw, 1, "handler").cloned().unwrap_or(Value::None);
    let trigger = int_arg(
        vm,
        arg(args, kw, 2, "trigger"),
        (IRQ_FALLING | IRQ_RISING) as i64,
    )?;
    let trig = if handler.is_none() {
        0
    } else {
        (trigger & (IRQ_FALLING | IRQ_RISING) as i64) as u8
    };
    m.py.borrow_mut()
        .pin_irq
        .insert(id, (handler, this(args).clone()));
    m.hal.borrow_mut().pin_irq(id, trig);
    Ok(Value::None)
}

fn pin_mode(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let m = machine(vm)?;
    let id = data::<PinData>(vm, this(args), "Pin")?.0;
    match args.get(1) {
        None => {
            let (mode, _) = m.hal.borrow().pin_config(id);
            Ok(Value::Int(match mode {
                PinMode::In => 0,
                PinMode::Out => 1,
                PinMode::OpenDrain => 2,
                PinMode::Alt => 3,
            }))
        }
        Some(v) => {
            pin_init(vm, &m, id, core::slice::from_ref(v), &[])?;
            Ok(Value::None)
        }
    }
}

fn pin_pull(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let m = machine(vm)?;
    let id = data::<PinData>(vm, this(args), "Pin")?.0;
    match args.get(1) {
        None => {
            let (_, pull) = m.hal.borrow().pin_config(id);
            Ok(match pull {
                Pull::None => Value::None,
                Pull::Up => Value::Int(1),
                Pull::Down => Value::Int(2),
            })
        }
        Some(v) => {
            pin_init(vm, &m, id, &[Value::Int(-1), v.clone()], &[])?;
            Ok(Value::None)
        }
    }
}

fn pin_repr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let m = machine(vm)?;
    let id = data::<PinData>(vm, this(args), "Pin")?.0;
    let (mode, pull) = m.hal.borrow().pin_config(id);
    let mode = match mode {
        PinMode::In => "IN",
        PinMode::Out => "OUT",
        PinMode::OpenDrain => "OPEN_DRAIN",
        PinMode::Alt => "ALT",
    };
    let pull = match pull {
        Pull::None => "",
        Pull::Up => ", pull=PULL_UP",
        Pull::Down => ", pull=PULL_DOWN",
    };
    Ok(Value::Str(new_str(&format!(
        "Pin(GPIO{}, mode={}{})",
        id, mode, pull
    ))))
}

// ----- Signal ------------------------------------------------------------------------------------

fn signal_new(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    let m = machine(vm)?;
    let Some(p) = args.get(1) else {
        return Err(vm.type_error("Signal() missing required argument: 'pin'"));
    };
    let pin = pin_id(vm, &m, p)?;
    if args.len() > 2 {
        pin_init(vm, &m, pin, &args[2..], kw)?;
    }
    let invert = match kwarg(kw, "invert") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    Ok(new_obj(vm, &m.cls.signal, SignalData { pin, invert }))
}

fn signal_value(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let m = machine(vm)?;
    let s = data::<SignalData>(vm, this(args), "Signal")?;
    match args.get(1) {
        None => Ok(Value::Int(
            (m.hal.borrow_mut().pin_read(s.pin) ^ s.invert) as i64,
        )),
        Some(v) => {
            let level = vm.truthy(v)?;
            pin_write(vm, &m, s.pin, level ^ s.invert)?;
            Ok(Value::None)
        }
    }
}

fn signal_on(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    signal_value(vm, &[this(args).clone(), Value::Bool(true)], &[])
}

fn signal_off(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    signal_value(vm, &[this(args).clone(), Value::Bool(false)], &[])
}

// ----- PWM ---------------------------------------------------------------------------------------

fn pwm_apply(vm: &mut Vm, m: &Machine, obj: &Value, p: PwmData) -> PyResult<()> {
    set_data(obj, p);
    m.hal.borrow_mut().pwm(p.pin, Some((p.freq, p.duty)));
    dispatch(vm, m)
}

fn ns_to_duty(freq: u32, ns: i64) -> u16 {
    let period_ns = 1e9 / freq.max(1) as f64;
    ((ns.max(0) as f64 / period_ns) * 65535.0 + 0.5).min(65535.0) as u16
}

fn pwm_config(vm: &mut Vm, mut p: PwmData, kw: &[(Str, Value)]) -> PyResult<PwmData> {
    if let Some(f) = kwarg(kw, "freq") {
        let f = vm.to_index(f)?;
        if f <= 0 {
            return Err(vm.value_error("freq too small"));
        }
        p.freq = f.min(u32::MAX as i64) as u32;
    }
    if let Some(d) = kwarg(kw, "duty_u16") {
        p.duty = vm.to_index(d)?.clamp(0, 65535) as u16;
    }
    if let Some(d) = kwarg(kw, "duty_ns") {
        let ns = vm.to_index(d)?;
        p.duty = ns_to_duty(p.freq, ns);
    }
    Ok(p)
}

fn pwm_new(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    let m = machine(vm)?;
    let Some(pv) = args.get(1) else {
        return Err(vm.type_error("PWM() missing required argument: 'dest'"));
    };
    let pin = pin_id(vm, &m, pv)?;
    let p = pwm_config(
        vm,
        PwmData {
            pin,
            freq: 1000,
            duty: 0,
        },
        kw,
    )?;
    let obj = new_obj(vm, &m.cls.pwm, p);
    pwm_apply(vm, &m, &obj, p)?;
    Ok(obj)
}

fn pwm_init(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    let m = machine(vm)?;
    let p = data::<PwmData>(vm, this(args), "PWM")?;
    let p = pwm_config(vm, p, kw)?;
    pwm_apply(vm, &m, this(args), p)?;
    Ok(Value::None)
}

fn pwm_freq(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let m = machine(vm)?;
    let mut p = data::<PwmData>(vm, this(args), "PWM")?;
    let Some(v) = args.get(1) else {
        return Ok(Value::Int(p.freq as i64));
    };
    let f = vm.to_index(v)?;
    if f <= 0 {
        return Err(vm.value_error("freq too small"));
    }
    p.freq = f.min(u32::MAX as i64) as u32;
    pwm_apply(vm, &m, this(args), p)?;
    Ok(Value::None)
}

fn pwm_duty_u16(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let m = machine(vm)?;
    let mut p = data::<PwmData>(vm, this(args), "PWM")?;
    let Some(v) = args.get(1) else {
        return Ok(Value::Int(p.duty as i64));
    };
    p.duty = vm.to_index(v)?.clamp(0, 65535) as u16;
    pwm_apply(vm, &m, this(args), p)?;
    Ok(Value::None)
}

fn pwm_duty_ns(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let m = machine(vm)?;
    let mut p = data::<PwmData>(vm, this(args), "PWM")?;
    let Some(v) = args.get(1) else {
        let period_ns = 1e9 / p.freq.max(1) as f64;
        return Ok(Value::Int(
            (p.duty as f64 * period_ns / 65535.0 + 0.5) as i64,
        ));
    };
    let ns = vm.to_index(v)?;
    p.duty = ns_to_duty(p.freq, ns);
    pwm_apply(vm, &m, this(args), p)?;
    Ok(Value::None)
}

fn pwm_deinit(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let m = machine(vm)?;
    let p = data::<PwmData>(vm, this(args), "PWM")?;
    m.hal.borrow_mut().pwm(p.pin, None);
    Ok(Value::None)
}

fn pwm_repr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let p = data::<PwmData>(vm, this(args), "PWM")?;
    Ok(Value::Str(new_str(&format!(
        "<PWM GPIO{} freq={} duty_u16={}>",
        p.pin, p.freq, p.duty
    ))))
}

// ----- ADC ---------------------------------------------------------------------------------------

fn adc_new(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let m = machine(vm)?;
    let Some(v) = args.get(1) else {
        return Err(vm.type_error("ADC() missing required argument: 'id'"));
    };
    let ch = match v {
        Value::Int(c @ 0..=4) => *c as u32,
        _ => {
            let pin = pin_id(vm, &m, v)?;
            if !(26..=29).contains(&pin) {
                return Err(vm.value_error("Pin doesn't have ADC capabilities"));
            }
            pin - 26
        }
    };
    Ok(new_obj(vm, &m.cls.adc, BusData(ch)))
}

fn adc_read_u16(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let m = machine(vm)?;
    let ch = data::<BusData>(vm, this(args), "ADC")?.0;
    let v = m.hal.borrow_mut().adc_read_u16(ch);
    Ok(Value::Int(v as i64))
}

// ----- I2C ---------------------------------------------------------------------------------------

fn i2c_new(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    let m = machine(vm)?;
    let id = int_arg(vm, arg(args, kw, 1, "id"), 0)?;
    if !(0..=1).contains(&id) {
        return Err(vm.value_error(format!("I2C({}) doesn't exist", id)));
    }
    Ok(new_obj(vm, &m.cls.i2c, BusData(id as u32)))
}

fn soft_i2c_new(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let m = machine(vm)?;
    Ok(new_obj(vm, &m.cls.i2c, BusData(100)))
}

fn addr_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<u8> {
    let a = int_arg(vm, v, -1)?;
    if !(0..=0x7F).contains(&a) {
        return Err(os_error(vm, 5));
    }
    Ok(a as u8)
}

fn i2c_write(vm: &mut Vm, bus: u32, addr: u8, buf: &[u8]) -> PyResult<()> {
    let m = machine(vm)?;
    let ok = m.hal.borrow_mut().i2c_write(bus, addr, buf);
    if ok {
        Ok(())
    } else {
        Err(os_error(vm, 5))
    }
}

fn i2c_read(vm: &mut Vm, bus: u32, addr: u8, n: usize) -> PyResult<Vec<u8>> {
    let m = machine(vm)?;
    let mut buf = vec![0u8; n];
    let ok = m.hal.borrow_mut().i2c_read(bus, addr, &mut buf);
    if ok {
        Ok(buf)
    } else {
        Err(os_error(vm, 5))
    }
}

fn fill_into(vm: &mut Vm, target: &Value, src: &[u8]) -> PyResult<()> {
    if let Value::Obj(o) = target {
        if let PyObject::ByteArray(b) = &**o {
            let mut b = b.borrow_mut();
            for (d, s) in b.iter_mut().zip(src) {
                *d = *s;
            }
            return Ok(());
        }
    }
    let tn = vm.type_name(target);
    Err(vm.type_error(format!(
        "object with buffer protocol required, not '{}'",
        tn
    )))
}

fn writable_len(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    if let Value::Obj(o) = v {
        if let PyObject::ByteArray(b) = &**o {
            return Ok(b.borrow().len());
        }
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!(
        "object with buffer protocol required, not '{}'",
        tn
    )))
}

fn i2c_scan(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let m = machine(vm)?;
    let bus = data::<BusData>(vm, this(args), "I2C")?.0;
    let found = m.hal.borrow_mut().i2c_scan(bus);
    let items = found.into_iter().map(|a| Value::Int(a as i64)).collect();
    Ok(vm.new_list(items))
}

fn i2c_readfrom(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    let bus = data::<BusData>(vm, this(args), "I2C")?.0;
    let addr = addr_arg(vm, arg(args, kw, 1, "addr"))?;
    let n = int_arg(vm, arg(args, kw, 2, "nbytes"), 0)?.max(0) as usize;
    let b = i2c_read(vm, bus, addr, n.min(1 << 20))?;
    Ok(bytes_val(vm, b))
}

fn i2c_readfrom_into(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    let bus = data::<BusData>(vm, this(args), "I2C")?.0;
    let addr = addr_arg(vm, arg(args, kw, 1, "addr"))?;
    let Some(target) = arg(args, kw, 2, "buf") else {
        return Err(vm.type_error("function missing required argument 'buf'"));
    };
    let n = writable_len(vm, target)?;
    let b = i2c_read(vm, bus, addr, n)?;
    fill_into(vm, target, &b)?;
    Ok(Value::None)
}

fn i2c_writeto(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    let bus = data::<BusData>(vm, this(args), "I2C")?.0;
    let addr = addr_arg(vm, arg(args, kw, 1, "addr"))?;
    let Some(bv) = arg(args, kw, 2, "buf") else {
        return Err(vm.type_error("function missing required argument 'buf'"));
    };
    let buf = need_buffer(vm, bv)?;
    i2c_write(vm, bus, addr, &buf)?;
    Ok(Value::Int(buf.len() as i64))
}

fn i2c_writevto(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    let bus = data::<BusData>(vm, this(args), "I2C")?.0;
    let addr = addr_arg(vm, arg(args, kw, 1, "addr"))?;
    let Some(vv) = arg(args, kw, 2, "vector") else {
        return Err(vm.type_error("function missing required argument 'vector'"));
    };
    let parts = vm.collect(vv)?;
    let mut all = Vec::new();
    for p in &parts {
        all.extend_from_slice(&need_buffer(vm, p)?);
    }
    i2c_write(vm, bus, addr, &all)?;
    Ok(Value::Int(all.len() as i64))
}

fn mem_prefix(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<(u32, u8, Vec<u8>)> {
    let bus = data::<BusData>(vm, this(args), "I2C")?.0;
    let addr = addr_arg(vm, arg(args, kw, 1, "addr"))?;
    let mem = int_arg(vm, arg(args, kw, 2, "memaddr"), 0)?;
    let size = int_arg(vm, kwarg(kw, "addrsize"), 8)?;
    let nbytes = (size / 8).clamp(1, 4) as usize;
    let mut pre = Vec::with_capacity(nbytes);
    for i in (0..nbytes).rev() {
        pre.push((mem >> (8 * i)) as u8);
    }
    Ok((bus, addr, pre))
}

fn i2c_readfrom_mem(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    let (bus, addr, pre) = mem_prefix(vm, args, kw)?;
    let n = int_arg(vm, arg(args, kw, 3, "nbytes"), 0)?.max(0) as usize;
    i2c_write(vm, bus, addr, &pre)?;
    let b = i2c_read(vm, bus, addr, n.min(1 << 20))?;
    Ok(bytes_val(vm, b))
}

fn i2c_readfrom_mem_into(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    let (bus, addr, pre) = mem_prefix(vm, args, kw)?;
    let Some(target) = arg(args, kw, 3, "buf") else {
        return Err(vm.type_error("function missing required argument 'buf'"));
    };
    let n = writable_len(vm, target)?;
    i2c_write(vm, bus, addr, &pre)?;
    let b = i2c_read(vm, bus, addr, n)?;
    fill_into(vm, target, &b)?;
    Ok(Value::None)
}

fn i2c_writeto_mem(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    let (bus, addr, mut pre) = mem_prefix(vm, args, kw)?;
    let Some(bv) = arg(args, kw, 3, "buf") else {
        return Err(vm.type_error("function missing required argument 'buf'"));
    };
    let buf = need_buffer(vm, bv)?;
    pre.extend_from_slice(&buf);
    i2c_write(vm, bus, addr, &pre)?;
    Ok(Value::None)
}

// ----- SPI ---------------------------------------------------------------------------------------

fn spi_new(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    let m = machine(vm)?;
    let id = match args.get(1) {
        Some(v @ Value::Int(_)) => int_arg(vm, Some(v), 0)?,
        _ => 100,
    };
    let _ = kw;
    Ok(new_obj(vm, &m.cls.spi, BusData(id.clamp(0, 1000) as u32)))
}

fn spi_xfer(vm: &mut Vm, bus: u32, tx: &[u8]) -> PyResult<Vec<u8>> {
    let m = machine(vm)?;
    let mut rx = vec![0u8; tx.len()];
    m.hal.borrow_mut().spi_transfer(bus, tx, &mut rx);
    Ok(rx)
}

fn spi_write(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let bus = data::<BusData>(vm, this(args), "SPI")?.0;
    let Some(bv) = args.get(1) else {
        return Err(vm.type_error("function missing required argument 'buf'"));
    };
    let buf = need_buffer(vm, bv)?;
    spi_xfer(vm, bus, &buf)?;
    Ok(Value::None)
}

fn spi_read(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    let bus = data::<BusData>(vm, this(args), "SPI")?.0;
    let n = int_arg(vm, arg(args, kw, 1, "nbytes"), 0)?.clamp(0, 1 << 20) as usize;
    let w = int_arg(vm, arg(args, kw, 2, "write"), 0)? as u8;
    let rx = spi_xfer(vm, bus, &vec![w; n])?;
    Ok(bytes_val(vm, rx))
}

fn spi_readinto(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    let bus = data::<BusData>(vm, this(args), "SPI")?.0;
    let Some(target) = args.get(1) else {
        return Err(vm.type_error("function missing required argument 'buf'"));
    };
    let n = writable_len(vm, target)?;
    let w = int_arg(vm, arg(args, kw, 2, "write"), 0)? as u8;
    let rx = spi_xfer(vm, bus, &vec![w; n])?;
    fill_into(vm, target, &rx)?;
    Ok(Value::None)
}

fn spi_write_readinto(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let bus = data::<BusData>(vm, this(args), "SPI")?.0;
    let (Some(wv), Some(target)) = (args.get(1), args.get(2)) else {
        return Err(vm.type_error("write_readinto() takes 2 arguments"));
    };
    let tx = need_buffer(vm, wv)?;
    let n = writable_len(vm, target)?;
    if n != tx.len() {
        return Err(vm.value_error("buffers must be the same length"));
    }
    let rx = spi_xfer(vm, bus, &tx)?;
    fill_into(vm, target, &rx)?;
    Ok(Value::None)
}

// ----- UART --------------------------------------------------------------------------------------

fn uart_new(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    let m = machine(vm)?;
    let id = int_arg(vm, arg(args, kw, 1, "id"), 0)?;
    if !(0..=1).contains(&id) {
        return Err(vm.value_error(format!("UART({}) doesn't exist", id)));
    }
    Ok(new_obj(vm, &m.cls.uart, BusData(id as u32)))
}

fn uart_write(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let m = machine(vm)?;
    let id = data::<BusData>(vm, this(args), "UART")?.0;
    let Some(bv) = args.get(1) else {
        return Err(vm.type_error("function missing required argument 'buf'"));
    };
    let buf = match bv {
        Value::Str(s) => s.as_str().as_bytes().to_vec(),
        _ => need_buffer(vm, bv)?,
    };
    m.hal.borrow_mut().uart_write(id, &buf);
    Ok(Value::Int(buf.len() as i64))
}

fn uart_read(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let m = machine(vm)?;
    let id = data::<BusData>(vm, this(args), "UART")?.0;
    let n = match args.get(1) {
        None | Some(Value::None) => usize::MAX,
        Some(v) => vm.to_index(v)?.max(0) as usize,
    };
    let got = m.hal.borrow_mut().uart_read(id, n);
    if got.is_empty() && n > 0 {
        return Ok(Value::None);
    }
    Ok(bytes_val(vm, got))
}

fn uart_readline(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let m = machine(vm)?;
    let id = data::<BusData>(vm, this(args), "UART")?.0;
    let mut line = Vec::new();
    loop {
        let b = m.hal.borrow_mut().uart_read(id, 1);
        let Some(&c) = b.first() else { break };
        line.push(c);
        if c == b'\n' {
            break;
        }
    }
    if line.is_empty() {
        return Ok(Value::None);
    }
    Ok(bytes_val(vm, line))
}

fn uart_readinto(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let m = machine(vm)?;
    let id = data::<BusData>(vm, this(args), "UART")?.0;
    let Some(target) = args.get(1) else {
        return Err(vm.type_error("function missing required argument 'buf'"));
    };
    let mut n = writable_len(vm, target)?;
    if let Some(v) = args.get(2) {
        n = n.min(vm.to_index(v)?.max(0) as usize);
    }
    let got = m.hal.borrow_mut().uart_read(id, n);
    if got.is_empty() {
        return Ok(Value::None);
    }
    fill_into(vm, target, &got)?;
    Ok(Value::Int(got.len() as i64))
}

fn uart_any(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let m = machine(vm)?;
    let id = data::<BusData>(vm, this(args), "UART")?.0;
    let n = m.hal.borrow().uart_any(id);
    Ok(Value::Int(n as i64))
}

// ----- Timer, RTC, WDT ---------------------------------------------------------------------------

fn timer_init(vm: &mut Vm, m: &Machine, obj: &Value, kw: &[(Str, Value)]) -> PyResult<()> {
    let id = data::<BusData>(vm, obj, "Timer")?.0;
    let mode = int_arg(vm, kwarg(kw, "mode"), 1)?;
    let tick_hz = int_arg(vm, kwarg(kw, "tick_hz"), 1000)?.max(1);
    let period_us = match (kwarg(kw, "freq"), kwarg(kw, "period")) {
        (Some(f), _) if !f.is_none() => {
            let f = to_f64(vm, f)?;
            if f.is_nan() || f <= 0.0 {
                return Err(vm.value_error("freq must be positive"));
            }
            (1e6 / f) as u64
        }
        (_, Some(p)) => {
            let p = vm.to_index(p)?;
            if p < 0 {
                return Err(vm.value_error("period must be positive"));
            }
            (p as u64).saturating_mul(1_000_000) / tick_hz as u64
        }
        _ => 1_000_000,
    };
    let cb = kwarg(kw, "callback").cloned().unwrap_or(Value::None);
    m.py.borrow_mut().timers.insert(id, (cb, obj.clone()));
    m.hal.borrow_mut().timer_start(id, period_us, mode != 0);
    Ok(())
}

fn timer_new(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    let m = machine(vm)?;
    let id = int_arg(vm, arg(args, kw, 1, "id"), -1)?;
    let hal_id = if id < 0 {
        let mut py = m.py.borrow_mut();
        py.next_timer += 1;
        1000 + py.next_timer
    } else {
        id.min(999) as u32
    };
    let obj = new_obj(vm, &m.cls.timer, BusData(hal_id));
    if kw.iter().any(|(k, _)| k.as_str() != "id") {
        timer_init(vm, &m, &obj, kw)?;
    }
    Ok(obj)
}

fn timer_init_m(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    let m = machine(vm)?;
    timer_init(vm, &m, this(args), kw)?;
    Ok(Value::None)
}

fn timer_deinit(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let m = machine(vm)?;
    let id = data::<BusData>(vm, this(args), "Timer")?.0;
    m.hal.borrow_mut().timer_stop(id);
    m.py.borrow_mut().timers.remove(&id);
    Ok(Value::None)
}

fn rtc_new(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let m = machine(vm)?;
    Ok(new_obj(vm, &m.cls.rtc, BusData(0)))
}

/// Days since 2000-01-01 of a civil date (proleptic Gregorian).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 730_425
}

/// The civil date of a day count since 2000-01-01.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 730_425;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + if m <= 2 { 1 } else { 0 };
    (y, m, d)
}

fn rtc_datetime(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let m = machine(vm)?;
    match args.get(1) {
        None => {
            let (secs, us) = m.hal.borrow().rtc_get();
            let days = secs.div_euclid(86_400);
            let rem = secs.rem_euclid(86_400);
            let (y, mo, d) = civil_from_days(days);
            let wd = (days + 5).rem_euclid(7);
            let items = vec![
                Value::Int(y),
                Value::Int(mo),
                Value::Int(d),
                Value::Int(wd),
                Value::Int(rem / 3600),
                Value::Int(rem / 60 % 60),
                Value::Int(rem % 60),
                Value::Int(us as i64),
            ];
            Ok(vm.new_tuple(items))
        }
        Some(t) => {
            let items = vm.collect(t)?;
            if items.len() < 7 {
                return Err(vm.value_error("requested length 8 but object has length less"));
            }
            let mut f = [0i64; 8];
            for (i, v) in items.iter().take(8).enumerate() {
                f[i] = vm.to_index(v)?;
            }
            if !(1..=12).contains(&f[1]) || !(1..=31).contains(&f[2]) {
                return Err(vm.value_error("invalid date"));
            }
            let secs = days_from_civil(f[0].clamp(-100_000, 100_000), f[1], f[2]) * 86_400
                + f[4].clamp(0, 23) * 3600
                + f[5].clamp(0, 59) * 60
                + f[6].clamp(0, 59);
            m.hal
                .borrow_mut()
                .rtc_set(secs, f[7].clamp(0, 999_999) as u32);
            Ok(Value::None)
        }
    }
}

fn wdt_new(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    let m = machine(vm)?;
    let t = int_arg(vm, arg(args, kw, 2, "timeout"), 5000)?;
    if t <= 0 {
        return Err(vm.value_error("timeout must be positive"));
    }
    m.hal.borrow_mut().wdt(t as u64);
    Ok(new_obj(vm, &m.cls.wdt, WdtData(t as u64)))
}

fn wdt_feed(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let m = machine(vm)?;
    let t = data::<WdtData>(vm, this(args), "WDT")?.0;
    m.hal.borrow_mut().wdt(t);
    Ok(Value::None)
}

// ----- module functions --------------------------------------------------------------------------

fn m_freq(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let m = machine(vm)?;
    match args.first() {
        None => Ok(Value::Int(m.hal.borrow().cpu_freq() as i64)),
        Some(v) => {
            let f = vm.to_index(v)?;
            if !(1_000_000..=400_000_000).contains(&f) {
                return Err(vm.value_error("cannot change frequency"));
            }
            m.hal.borrow_mut().set_cpu_freq(f as u32);
            Ok(Value::None)
        }
    }
}

fn m_reset(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let m = machine(vm)?;
    m.hal.borrow_mut().request_reset(HARD_RESET);
    Err(vm.err_args(ExcKind::SystemExit, vec![]))
}

fn m_soft_reset(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let m = machine(vm)?;
    m.hal.borrow_mut().request_reset(SOFT_RESET);
    Err(vm.err_args(ExcKind::SystemExit, vec![]))
}

fn m_reset_cause(_vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    Ok(Value::Int(PWRON_RESET as i64))
}

fn m_unique_id(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let m = machine(vm)?;
    let id = m.hal.borrow().unique_id();
    Ok(bytes_val(vm, id))
}

fn m_idle(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let m = machine(vm)?;
    dispatch(vm, &m)?;
    Ok(Value::None)
}

fn m_lightsleep(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let ms = int_arg(vm, args.first(), 0)?;
    sleep_for(vm, ms.max(0) as f64 * 1e3)
}

fn m_deepsleep(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    m_lightsleep(vm, args, kw)?;
    let m = machine(vm)?;
    m.hal.borrow_mut().request_reset(DEEPSLEEP_RESET);
    Err(vm.err_args(ExcKind::SystemExit, vec![]))
}

fn m_disable_irq(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let m = machine(vm)?;
    let was = core::mem::replace(&mut m.py.borrow_mut().irq_disabled, true);
    Ok(Value::Int(!was as i64))
}

fn m_enable_irq(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let m = machine(vm)?;
    let state = match args.first() {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    m.py.borrow_mut().irq_disabled = !state;
    dispatch(vm, &m)?;
    Ok(Value::None)
}

/// One step of waiting for a pin in `time_pulse_us`: to the next board event or the deadline.
fn wait_step(vm: &mut Vm, m: &Machine, deadline: u64) -> PyResult<()> {
    let (now, next, sim) = {
        let mut h = m.hal.borrow_mut();
        (h.now_us(), h.next_event_us(), h.as_sim().is_some())
    };
    let t = match next {
        Some(n) => n.min(deadline),
        None if sim => deadline,
        None => (now + 1).min(deadline),
    };
    step_to(vm, m, t.max(now))
}

fn m_time_pulse_us(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    let m = machine(vm)?;
    let Some(pv) = arg(args, kw, 0, "pin") else {
        return Err(vm.type_error("time_pulse_us() missing required argument 'pin'"));
    };
    let pin = pin_id(vm, &m, pv)?;
    let level = match arg(args, kw, 1, "pulse_level") {
        Some(v) => vm.truthy(v)?,
        None => {
            return Err(vm.type_error("time_pulse_us() missing required argument 'pulse_level'"))
        }
    };
    let timeout = int_arg(vm, arg(args, kw, 2, "timeout_us"), 1_000_000)?.max(0) as u64;
    let start = m.hal.borrow().now_us();
    let deadline = start.saturating_add(timeout);
    while m.hal.borrow_mut().pin_read(pin) != level {
        if m.hal.borrow().now_us() >= deadline {
            return Ok(Value::Int(-2));
        }
        wait_step(vm, &m, deadline)?;
    }
    let t0 = m.hal.borrow().now_us();
    let deadline = t0.saturating_add(timeout);
    while m.hal.borrow_mut().pin_read(pin) == level {
        if m.hal.borrow().now_us() >= deadline {
            return Ok(Value::Int(-1));
        }
        wait_step(vm, &m, deadline)?;
    }
    let t1 = m.hal.borrow().now_us();
    Ok(Value::Int((t1 - t0) as i64))
}

fn m_bitstream(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let m = machine(vm)?;
    if args.len() < 4 {
        return Err(vm.type_error("bitstream() takes 4 positional arguments"));
    }
    let pin = pin_id(vm, &m, this(args))?;
    let buf = need_buffer(vm, &args[3])?;
    m.hal.borrow_mut().neopixel_write(pin, &buf, 3);
    Ok(Value::None)
}

// ----- sim-only hooks ----------------------------------------------------------------------------

fn sim(vm: &mut Vm) -> PyResult<(Rc<Machine>, Board)> {
    let m = machine(vm)?;
    match m.board.clone() {
        Some(b) => Ok((m, b)),
        None => Err(vm.err(ExcKind::RuntimeError, "not a simulated board")),
    }
}

fn sim_set(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    let (m, b) = sim(vm)?;
    let Some(pv) = arg(args, kw, 0, "pin") else {
        return Err(vm.type_error("sim_set() missing required argument 'pin'"));
    };
    let pin = pin_id(vm, &m, pv)?;
    let level = match arg(args, kw, 1, "level") {
        None | Some(Value::None) => None,
        Some(v) => Some(vm.truthy(v)?),
    };
    let delay = int_arg(vm, arg(args, kw, 2, "delay_us"), 0)?.max(0) as u64;
    if delay == 0 {
        b.0.borrow_mut().drive(pin, level);
    } else {
        b.0.borrow_mut().drive_later(pin, delay, level);
    }
    dispatch(vm, &m)?;
    Ok(Value::None)
}

fn sim_press(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    let (m, b) = sim(vm)?;
    let Some(pv) = arg(args, kw, 0, "pin") else {
        return Err(vm.type_error("sim_press() missing required argument 'pin'"));
    };
    let pin = pin_id(vm, &m, pv)?;
    let ms = int_arg(vm, arg(args, kw, 1, "ms"), 20)?.max(0) as u64;
    {
        let mut s = b.0.borrow_mut();
        let active = s.active_level(pin);
        s.drive(pin, Some(active));
        if ms == 0 {
            s.drive(pin, None);
        } else {
            s.drive_later(pin, ms * 1000, None);
        }
    }
    dispatch(vm, &m)?;
    Ok(Value::None)
}

fn sim_adc(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (_, b) = sim(vm)?;
    if args.len() != 2 {
        return Err(vm.type_error("sim_adc() takes 2 positional arguments"));
    }
    let pin = vm.to_index(this(args))?.clamp(0, 1000) as u32;
    let f = to_f64(vm, &args[1])?;
    b.set_adc(pin, f);
    Ok(Value::None)
}

fn sim_sensor(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (_, b) = sim(vm)?;
    if args.len() != 2 {
        return Err(vm.type_error("sim_sensor() takes 2 positional arguments"));
    }
    let t = to_f64(vm, this(args))?;
    let h = to_f64(vm, &args[1])?;
    b.set_sensor(t, h);
    Ok(Value::None)
}

fn sim_oled(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (_, b) = sim(vm)?;
    let fb = b.oled_framebuffer();
    Ok(bytes_val(vm, fb))
}

fn sim_neopixels(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (m, b) = sim(vm)?;
    let Some(pv) = args.first() else {
        return Err(vm.type_error("sim_neopixels() missing required argument 'pin'"));
    };
    let pin = pin_id(vm, &m, pv)?;
    let px = b.neopixels(pin);
    let mut items = Vec::with_capacity(px.len());
    for (r, g, bl) in px {
        let t = vm.new_tuple(vec![
            Value::Int(r as i64),
            Value::Int(g as i64),
            Value::Int(bl as i64),
        ]);
        items.push(t);
    }
    Ok(vm.new_list(items))
}

fn sim_uart_feed(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (_, b) = sim(vm)?;
    if args.len() != 2 {
        return Err(vm.type_error("sim_uart_feed() takes 2 positional arguments"));
    }
    let id = vm.to_index(this(args))?.clamp(0, 1000) as u32;
    let data = need_buffer(vm, &args[1])?;
    b.0.borrow_mut().uart_feed(id, &data);
    Ok(Value::None)
}

fn sim_log(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (_, b) = sim(vm)?;
    let log = b.log();
    let mut items = Vec::with_capacity(log.len());
    for c in log {
        let t = vm.new_tuple(vec![
            Value::Int(c.time_us.min(i64::MAX as u64) as i64),
            Value::Int(c.pin as i64),
            Value::Int(c.level as i64),
        ]);
        items.push(t);
    }
    Ok(vm.new_list(items))
}

// ----- installation ------------------------------------------------------------------------------

fn class(vm: &mut Vm, name: &str, new: NativeFn, methods: &[(&'static str, NativeFn)]) -> Obj {
    let cls = types::new_type(name, vec![vm.types.object.clone()], Layout::Other, false);
    types::add_static_methods(&cls, &[("__new__", new)]);
    types::add_methods(&cls, methods);
    cls
}

fn set(vm: &mut Vm, target: &Obj, name: &str, v: Value) -> PyResult<()> {
    let n = vm.intern(name);
    vm.setattr(&Value::Obj(target.clone()), &n, v)
}

fn set_module(vm: &mut Vm, name: &str, m: &Obj) {
    if let PyObject::Dict(d) = &*vm.modules {
        d.borrow_mut().set_str(name, Value::Obj(m.clone()));
    }
}

/// The `neopixel` module, in Python over `machine.bitstream` (as MicroPython has it).
const NEOPIXEL_PY: &str = include_str!("neopixel.py");

/// The `ssd1306` OLED driver, in Python over `framebuf` (MicroPython's usual driver API).
const SSD1306_PY: &str = include_str!("ssd1306.py");

/// Build the `machine` module over `hal` (with the sim hooks when `board` is given), register it
/// and `neopixel`, and make `time.sleep*` advance the board's clock.
pub(crate) fn install(
    vm: &mut Vm,
    hal: Rc<RefCell<dyn Hal>>,
    board: Option<Board>,
    realtime: bool,
) -> PyResult<()> {
    let pin = class(
        vm,
        "Pin",
        pin_new,
        &[
            ("init", pin_init_m),
            ("value", pin_value),
            ("__call__", pin_value),
            ("on", pin_on),
            ("off", pin_off),
            ("high", pin_on),
            ("low", pin_off),
            ("toggle", pin_toggle),
            ("irq", pin_irq),
            ("mode", pin_mode),
            ("pull", pin_pull),
            ("__repr__", pin_repr),
        ],
    );
    for (n, v) in [
        ("IN", 0),
        ("OUT", 1),
        ("OPEN_DRAIN", 2),
        ("ALT", 3),
        ("PULL_UP", 1),
        ("PULL_DOWN", 2),
        ("IRQ_FALLING", IRQ_FALLING as i64),
        ("IRQ_RISING", IRQ_RISING as i64),
    ] {
        types::set_attr(&pin, n, Value::Int(v));
    }
    let signal = class(
        vm,
        "Signal",
        signal_new,
        &[
            ("value", signal_value),
            ("__call__", signal_value),
            ("on", signal_on),
            ("off", signal_off),
        ],
    );
    let pwm = class(
        vm,
        "PWM",
        pwm_new,
        &[
            ("init", pwm_init),
            ("freq", pwm_freq),
            ("duty_u16", pwm_duty_u16),
            ("duty_ns", pwm_duty_ns),
            ("deinit", pwm_deinit),
            ("__repr__", pwm_repr),
        ],
    );
    let adc = class(vm, "ADC", adc_new, &[("read_u16", adc_read_u16)]);
    types::set_attr(&adc, "CORE_TEMP", Value::Int(4));
    let i2c_methods: &[(&'static str, NativeFn)] = &[
        ("scan", i2c_scan),
        ("readfrom", i2c_readfrom),
        ("readfrom_into", i2c_readfrom_into),
        ("writeto", i2c_writeto),
        ("writevto", i2c_writevto),
        ("readfrom_mem", i2c_readfrom_mem),
        ("readfrom_mem_into", i2c_readfrom_mem_into),
        ("writeto_mem", i2c_writeto_mem),
    ];
    let i2c = class(vm, "I2C", i2c_new, i2c_methods);
    let soft_i2c = class(vm, "SoftI2C", soft_i2c_new, i2c_methods);
    let spi_methods: &[(&'static str, NativeFn)] = &[
        ("write", spi_write),
        ("read", spi_read),
        ("readinto", spi_readinto),
        ("write_readinto", spi_write_readinto),
        ("init", m_idle),
        ("deinit", m_idle),
    ];
    let spi = class(vm, "SPI", spi_new, spi_methods);
    let soft_spi = class(vm, "SoftSPI", spi_new, spi_methods);
    for c in [&spi, &soft_spi] {
        types::set_attr(c, "MSB", Value::Int(0));
        types::set_attr(c, "LSB", Value::Int(1));
    }
    let uart = class(
        vm,
        "UART",
        uart_new,
        &[
            ("write", uart_write),
            ("read", uart_read),
            ("readline", uart_readline),
            ("readinto", uart_readinto),
            ("any", uart_any),
            ("init", m_idle),
            ("deinit", m_idle),
            ("flush", m_idle),
        ],
    );
    let timer = class(
        vm,
        "Timer",
        timer_new,
        &[("init", timer_init_m), ("deinit", timer_deinit)],
    );
    types::set_attr(&timer, "ONE_SHOT", Value::Int(0));
    types::set_attr(&timer, "PERIODIC", Value::Int(1));
    let rtc = class(vm, "RTC", rtc_new, &[("datetime", rtc_datetime)]);
    let wdt = class(vm, "WDT", wdt_new, &[("feed", wdt_feed)]);

    let is_sim = board.is_some();
    let state = Rc::new(Machine {
        hal,
        board,
        py: RefCell::new(PyState::default()),
        cls: Classes {
            pin: pin.clone(),
            signal: signal.clone(),
            pwm: pwm.clone(),
            adc: adc.clone(),
            i2c: i2c.clone(),
            spi: spi.clone(),
            uart: uart.clone(),
            timer: timer.clone(),
            rtc: rtc.clone(),
            wdt: wdt.clone(),
        },
    });
    let holder_cls = types::new_type(
        "machine_state",
        vec![vm.types.object.clone()],
        Layout::Other,
        false,
    );
    let holder = new_obj(vm, &holder_cls, state);
    if let Value::Obj(h) = holder {
        vm.set_state_object(KEY, h);
    }

    let module = vm.new_module("machine");
    for (n, c) in [
        ("Pin", pin),
        ("Signal", signal),
        ("PWM", pwm),
        ("ADC", adc),
        ("I2C", i2c),
        ("SoftI2C", soft_i2c),
        ("SPI", spi),
        ("SoftSPI", soft_spi),
        ("UART", uart),
        ("Timer", timer),
        ("RTC", rtc),
        ("WDT", wdt),
    ] {
        set(vm, &module, n, Value::Obj(c))?;
    }
    let mut fns: Vec<(&'static str, NativeFn)> = vec![
        ("freq", m_freq),
        ("reset", m_reset),
        ("soft_reset", m_soft_reset),
        ("reset_cause", m_reset_cause),
        ("unique_id", m_unique_id),
        ("idle", m_idle),
        ("lightsleep", m_lightsleep),
        ("deepsleep", m_deepsleep),
        ("disable_irq", m_disable_irq),
        ("enable_irq", m_enable_irq),
        ("time_pulse_us", m_time_pulse_us),
        ("bitstream", m_bitstream),
    ];
    if is_sim {
        fns.extend_from_slice(&[
            ("sim_set", sim_set as NativeFn),
            ("sim_press", sim_press),
            ("sim_adc", sim_adc),
            ("sim_sensor", sim_sensor),
            ("sim_oled", sim_oled),
            ("sim_neopixels", sim_neopixels),
            ("sim_uart_feed", sim_uart_feed),
            ("sim_log", sim_log),
        ]);
    }
    for (n, f) in fns {
        set(vm, &module, n, builtin_fn(n, f))?;
    }
    for (n, v) in [
        ("PWRON_RESET", PWRON_RESET),
        ("HARD_RESET", HARD_RESET),
        ("WDT_RESET", WDT_RESET),
        ("DEEPSLEEP_RESET", DEEPSLEEP_RESET),
        ("SOFT_RESET", SOFT_RESET),
    ] {
        set(vm, &module, n, Value::Int(v as i64))?;
    }
    set_module(vm, "machine", &module);
    set_module(vm, "umachine", &module);
    if !vm.frozen_modules.iter().any(|(n, _)| *n == "neopixel") {
        vm.frozen_modules.push(("neopixel", NEOPIXEL_PY));
    }
    if !vm.frozen_modules.iter().any(|(n, _)| *n == "ssd1306") {
        vm.frozen_modules.push(("ssd1306", SSD1306_PY));
    }

    // Virtual time: time.sleep* move the board's clock and run callbacks as they fall due.
    let globals = vm.modules.clone();
    let time = vm.import_name("time", &Value::None, 0, &globals)?;
    if realtime {
        // Real time: sleeps wait in chunks (see REALTIME_SLEEP_PY).
        let ns = vm.new_dict_obj(ferropy_vm::dict::Dict::new());
        if let PyObject::Dict(d) = &*ns {
            let mut d = d.borrow_mut();
            d.set_str("_deadline", builtin_fn("_deadline", rt_deadline));
            d.set_str("_step", builtin_fn("_step", rt_step));
        }
        vm.exec_in(REALTIME_SLEEP_PY, "<machine>", &ns)?;
        for n in ["sleep", "sleep_ms", "sleep_us"] {
            let f = match &*ns {
                PyObject::Dict(d) => d.borrow().get_str(n).cloned(),
                _ => None,
            };
            if let Some(f) = f {
                let name = vm.intern(n);
                vm.setattr(&time, &name, f)?;
            }
        }
    } else {
        for (n, f) in [
            ("sleep", t_sleep as NativeFn),
            ("sleep_ms", t_sleep_ms),
            ("sleep_us", t_sleep_us),
        ] {
            let name = vm.intern(n);
            vm.setattr(&time, &name, builtin_fn(n, f))?;
        }
    }
    if let Value::Obj(t) = &time {
        set_module(vm, "utime", t);
    }
    Ok(())
}
