//! The `time` module as MicroPython has it: `sleep`, `sleep_ms`, `sleep_us`, the wrapping
//! `ticks_*` clocks with `ticks_diff`/`ticks_add`, `time`, `time_ns`, `gmtime`/`localtime` (8-tuples,
//! no time zone), `mktime`, plus CPython's `monotonic`, `perf_counter` and their `_ns` forms.

use alloc::format;
use alloc::vec::Vec;

use crate::attr::dict_of;
use crate::modbuiltins::{builtin_fn, check_args};
use crate::number::to_f64;
use crate::value::{NativeFn, Obj, PyObject, Str, Value};
use crate::vm::Vm;
use crate::PyResult;

/// The ticks values wrap at this period (MicroPython's `MICROPY_PY_TIME_TICKS_PERIOD`).
pub const TICKS_PERIOD: i64 = 1 << 30;
const TICKS_MAX: i64 = TICKS_PERIOD - 1;
const TICKS_HALF: i64 = TICKS_PERIOD / 2;

/// Signed difference `a - b` of two ticks values, in (-PERIOD/2, PERIOD/2].
pub fn ticks_diff_of(a: i64, b: i64) -> i64 {
    (a.wrapping_sub(b).wrapping_add(TICKS_HALF) & TICKS_MAX) - TICKS_HALF
}

fn sleep_us_raw(vm: &mut Vm, us: f64) -> PyResult {
    if us.is_nan() || us < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    let us = if us > 1e15 { 1e15 as u64 } else { us as u64 };
    vm.sleep_us(us)?;
    Ok(Value::None)
}

fn sleep(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "sleep", args, 1, 1)?;
    let s = to_f64(vm, &args[0])?;
    sleep_us_raw(vm, s * 1e6)
}

fn sleep_ms(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "sleep_ms", args, 1, 1)?;
    let ms = vm.to_index(&args[0])?;
    sleep_us_raw(vm, ms.max(0) as f64 * 1e3)
}

fn sleep_us(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "sleep_us", args, 1, 1)?;
    let us = vm.to_index(&args[0])?;
    sleep_us_raw(vm, us.max(0) as f64)
}

fn ticks_ms(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    Ok(Value::Int(vm.port.ticks_ms() as i64 & TICKS_MAX))
}

fn ticks_us(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    Ok(Value::Int(vm.port.ticks_us() as i64 & TICKS_MAX))
}

fn ticks_diff(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "ticks_diff", args, 2, 2)?;
    let a = vm.to_index(&args[0])?;
    let b = vm.to_index(&args[1])?;
    Ok(Value::Int(ticks_diff_of(a, b)))
}

fn ticks_add(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "ticks_add", args, 2, 2)?;
    let a = vm.to_index(&args[0])?;
    let d = vm.to_index(&args[1])?;
    // The largest step is the largest interval ticks_diff can report back.
    if !(-(TICKS_HALF - 1)..TICKS_HALF).contains(&d) {
        return Err(vm.overflow_error("ticks interval overflow"));
    }
    Ok(Value::Int(a.wrapping_add(d) & TICKS_MAX))
}

fn time(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    Ok(Value::Float(vm.port.time()))
}

fn time_ns(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let t = vm.port.time();
    let secs = libm::floor(t);
    let ns = ((t - secs) * 1e9) as i64;
    Ok(Value::Int(
        (secs as i64)
            .saturating_mul(1_000_000_000)
            .saturating_add(ns),
    ))
}

fn monotonic(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    Ok(Value::Float(vm.port.ticks_us() as f64 / 1e6))
}

fn monotonic_ns(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    Ok(Value::Int((vm.port.ticks_us() as i64).saturating_mul(1000)))
}

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date (year, month, day) of a day number since 1970-01-01.
pub fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// (year, month, mday, hour, minute, second, weekday with 0 = Monday, yearday from 1).
pub fn gmtime_of(secs: i64) -> [i64; 8] {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    let yday = days - days_from_civil(y, 1, 1) + 1;
    let wday = (days + 3).rem_euclid(7);
    [y, m, d, rem / 3600, rem % 3600 / 60, rem % 60, wday, yday]
}

fn gmtime(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "gmtime", args, 0, 1)?;
    let secs = match args.first() {
        None | Some(Value::None) => libm::floor(vm.port.time()),
        Some(v) => libm::floor(to_f64(vm, v)?),
    };
    if !secs.is_finite() || secs.abs() > 1e16 {
        return Err(vm.overflow_error("timestamp out of range for platform time_t"));
    }
    let t = gmtime_of(secs as i64);
    let items: Vec<Value> = t.iter().map(|&x| Value::Int(x)).collect();
    Ok(vm.new_tuple(items))
}

fn mktime(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "mktime", args, 1, 1)?;
    let items = vm.collect(&args[0])?;
    if items.len() < 8 {
        return Err(vm.type_error(format!(
            "mktime(): illegal time tuple argument (need 8 items, got {})",
            items.len()
        )));
    }
    let mut f = [0i64; 6];
    for (i, slot) in f.iter_mut().enumerate() {
        *slot = vm.to_index(&items[i])?;
    }
    if f.iter().any(|x| x.abs() > 1 << 31) {
        return Err(vm.overflow_error("mktime argument out of range"));
    }
    // Months out of range carry into the year, as C's mktime does.
    let m0 = f[1] - 1;
    let y = f[0] + m0.div_euclid(12);
    let m = m0.rem_euclid(12) + 1;
    let days = days_from_civil(y, m, 1) + f[2] - 1;
    Ok(Value::Int(days * 86_400 + f[3] * 3600 + f[4] * 60 + f[5]))
}

/// Create the `time` module.
pub fn init_module(vm: &mut Vm) -> PyResult<Obj> {
    let m = vm.new_module("time");
    let fns: &[(&'static str, NativeFn)] = &[
        ("sleep", sleep),
        ("sleep_ms", sleep_ms),
        ("sleep_us", sleep_us),
        ("ticks_ms", ticks_ms),
        ("ticks_us", ticks_us),
        ("ticks_cpu", ticks_us),
        ("ticks_diff", ticks_diff),
        ("ticks_add", ticks_add),
        ("time", time),
        ("time_ns", time_ns),
        ("monotonic", monotonic),
        ("perf_counter", monotonic),
        ("monotonic_ns", monotonic_ns),
        ("perf_counter_ns", monotonic_ns),
        ("gmtime", gmtime),
        ("localtime", gmtime),
        ("mktime", mktime),
    ];
    if let PyObject::Module(mm) = &*m {
        if let Some(d) = dict_of(&mm.dict) {
            let mut d = d.borrow_mut();
            for (name, f) in fns {
                d.set_str(name, builtin_fn(name, *f));
            }
        }
    }
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_arithmetic_wraps() {
        assert_eq!(ticks_diff_of(5, 3), 2);
        assert_eq!(ticks_diff_of(0, TICKS_MAX), 1);
        assert_eq!(ticks_diff_of(TICKS_MAX, 0), -1);
    }

    #[test]
    fn civil_dates() {
        assert_eq!(gmtime_of(0), [1970, 1, 1, 0, 0, 0, 3, 1]);
        assert_eq!(gmtime_of(951_782_400), [2000, 2, 29, 0, 0, 0, 1, 60]);
        assert_eq!(days_from_civil(2000, 2, 29), 11_016);
    }
}
