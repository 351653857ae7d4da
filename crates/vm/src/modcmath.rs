//! The `cmath` module: CPython's complex functions with its algorithms (overflow-avoiding
//! formulas near the extremes of the float range) and its special-value tables for infinite and
//! NaN inputs, so results and errors (ValueError "math domain error", OverflowError "math range
//! error") match CPython.

use alloc::format;

use crate::modbuiltins::kwarg;
use crate::modstruct::{module_fns, module_set};
use crate::number::{check_nargs, classify, no_kwargs, to_f64, Num};
use crate::value::{Obj, PyObject, Str};
use crate::vm::Vm;
use crate::{PyResult, Value};

/// A complex number as (real, imag).
type C = (f64, f64);

/// The error state of a computation, as CPython's `errno`.
#[derive(Clone, Copy, PartialEq)]
enum Errno {
    Ok,
    Dom,
    Range,
}

const INF: f64 = f64::INFINITY;
const N: f64 = f64::NAN;
const P: f64 = core::f64::consts::PI;
const P2: f64 = core::f64::consts::FRAC_PI_2;
const P4: f64 = core::f64::consts::FRAC_PI_4;
const P34: f64 = 0.75 * core::f64::consts::PI;
const LN2: f64 = core::f64::consts::LN_2;
const LN10: f64 = core::f64::consts::LN_10;
const E: f64 = core::f64::consts::E;
const LARGE: f64 = f64::MAX / 4.0;
/// sqrt(LARGE), precomputed: 6.703903964971298e+153.
const SQRT_LARGE: f64 = 6.703903964971298e153;
/// log(LARGE), precomputed: 708.3964185322641.
const LOG_LARGE: f64 = 708.3964185322641;
/// sqrt(f64::MIN_POSITIVE) = 2^-511.
const SQRT_DBL_MIN: f64 = 1.4916681462400413e-154;
const SCALE_UP: i32 = 53;
const SCALE_DOWN: i32 = -27;

/// CPython's classification of a float for the special-value tables.
fn st(x: f64) -> usize {
    if x.is_nan() {
        6
    } else if x.is_infinite() {
        if x > 0.0 {
            5
        } else {
            0
        }
    } else if x == 0.0 {
        if x.is_sign_negative() {
            2
        } else {
            3
        }
    } else if x < 0.0 {
        1
    } else {
        4
    }
}

fn special(z: C, t: &[[C; 7]; 7]) -> Option<C> {
    if z.0.is_finite() && z.1.is_finite() {
        None
    } else {
        Some(t[st(z.0)][st(z.1)])
    }
}

fn cs(a: f64, b: f64) -> f64 {
    libm::copysign(a, b)
}

fn neg(z: C) -> C {
    (-z.0, -z.1)
}

fn log1p(x: f64) -> f64 {
    libm::log1p(x)
}

/// CPython's `c_atan2` (used by `phase` and `polar`).
fn c_atan2(z: C) -> f64 {
    if z.0.is_nan() || z.1.is_nan() {
        return f64::NAN;
    }
    if z.1.is_infinite() {
        if z.0.is_infinite() {
            return if cs(1.0, z.0) == 1.0 {
                cs(0.25 * P, z.1)
            } else {
                cs(0.75 * P, z.1)
            };
        }
        return cs(0.5 * P, z.1);
    }
    if z.0.is_infinite() || z.1 == 0.0 {
        return if cs(1.0, z.0) == 1.0 {
            cs(0.0, z.1)
        } else {
            cs(P, z.1)
        };
    }
    libm::atan2(z.1, z.0)
}

/// CPython's `_Py_c_abs`.
fn c_abs(z: C) -> (f64, Errno) {
    if !z.0.is_finite() || !z.1.is_finite() {
        if z.0.is_infinite() {
            return (libm::fabs(z.0), Errno::Ok);
        }
        if z.1.is_infinite() {
            return (libm::fabs(z.1), Errno::Ok);
        }
        return (f64::NAN, Errno::Ok);
    }
    let r = crate::modmath::hypot(z.0, z.1);
    (
        r,
        if r.is_finite() {
            Errno::Ok
        } else {
            Errno::Range
        },
    )
}

fn c_sqrt(z: C) -> (C, Errno) {
    if let Some(r) = special(z, &SQRT_SV) {
        return (r, Errno::Ok);
    }
    if z.0 == 0.0 && z.1 == 0.0 {
        return ((0.0, z.1), Errno::Ok);
    }
    let mut ax = libm::fabs(z.0);
    let ay = libm::fabs(z.1);
    let s = if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        ax = libm::ldexp(ax, SCALE_UP);
        libm::ldexp(
            libm::sqrt(ax + crate::modmath::hypot(ax, libm::ldexp(ay, SCALE_UP))),
            SCALE_DOWN,
        )
    } else {
        ax /= 8.0;
        2.0 * libm::sqrt(ax + crate::modmath::hypot(ax, ay / 8.0))
    };
    let d = ay / (2.0 * s);
    if z.0 >= 0.0 {
        ((s, cs(d, z.1)), Errno::Ok)
    } else {
        ((d, cs(s, z.1)), Errno::Ok)
    }
}

fn sq(z: C) -> C {
    c_sqrt(z).0
}

fn c_acos(z: C) -> (C, Errno) {
    if let Some(r) = special(z, &ACOS_SV) {
        return (r, Errno::Ok);
    }
    let r = if libm::fabs(z.0) > LARGE || libm::fabs(z.1) > LARGE {
        let re = libm::atan2(libm::fabs(z.1), z.0);
        let l = libm::log(crate::modmath::hypot(z.0 / 2.0, z.1 / 2.0)) + LN2 * 2.0;
        let im = if z.0 < 0.0 { -cs(l, z.1) } else { cs(l, -z.1) };
        (re, im)
    } else {
        let s1 = sq((1.0 - z.0, -z.1));
        let s2 = sq((1.0 + z.0, z.1));
        (
            2.0 * libm::atan2(s1.0, s2.0),
            libm::asinh(s2.0 * s1.1 - s2.1 * s1.0),
        )
    };
    (r, Errno::Ok)
}

fn c_acosh(z: C) -> (C, Errno) {
    if let Some(r) = special(z, &ACOSH_SV) {
        return (r, Errno::Ok);
    }
    let r = if libm::fabs(z.0) > LARGE || libm::fabs(z.1) > LARGE {
        (
            libm::log(crate::modmath::hypot(z.0 / 2.0, z.1 / 2.0)) + LN2 * 2.0,
            libm::atan2(z.1, z.0),
        )
    } else {
        let s1 = sq((z.0 - 1.0, z.1));
        let s2 = sq((z.0 + 1.0, z.1));
        (
            libm::asinh(s1.0 * s2.0 + s1.1 * s2.1),
            2.0 * libm::atan2(s1.1, s2.0),
        )
    };
    (r, Errno::Ok)
}

fn c_asinh(z: C) -> (C, Errno) {
    if let Some(r) = special(z, &ASINH_SV) {
        return (r, Errno::Ok);
    }
    let r = if libm::fabs(z.0) > LARGE || libm::fabs(z.1) > LARGE {
        let l = libm::log(crate::modmath::hypot(z.0 / 2.0, z.1 / 2.0)) + LN2 * 2.0;
        let re = if z.1 >= 0.0 { cs(l, z.0) } else { -cs(l, -z.0) };
        (re, libm::atan2(z.1, libm::fabs(z.0)))
    } else {
        let s1 = sq((1.0 + z.1, -z.0));
        let s2 = sq((1.0 - z.1, z.0));
        (
            libm::asinh(s1.0 * s2.1 - s2.0 * s1.1),
            libm::atan2(z.1, s1.0 * s2.0 - s1.1 * s2.1),
        )
    };
    (r, Errno::Ok)
}

fn c_asin(z: C) -> (C, Errno) {
    let (s, e) = c_asinh((-z.1, z.0));
    ((s.1, -s.0), e)
}

fn c_atanh(z: C) -> (C, Errno) {
    if let Some(r) = special(z, &ATANH_SV) {
        return (r, Errno::Ok);
    }
    if z.0 < 0.0 {
        let (r, e) = c_atanh(neg(z));
        return (neg(r), e);
    }
    let ay = libm::fabs(z.1);
    if z.0 > SQRT_LARGE || ay > SQRT_LARGE {
        let h = crate::modmath::hypot(z.0 / 2.0, z.1 / 2.0);
        ((z.0 / 4.0 / h / h, -cs(P / 2.0, -z.1)), Errno::Ok)
    } else if z.0 == 1.0 && ay < SQRT_DBL_MIN {
        if ay == 0.0 {
            ((INF, z.1), Errno::Dom)
        } else {
            (
                (
                    -libm::log(libm::sqrt(ay) / libm::sqrt(crate::modmath::hypot(ay, 2.0))),
                    cs(libm::atan2(2.0, -ay) / 2.0, z.1),
                ),
                Errno::Ok,
            )
        }
    } else {
        let re = log1p(4.0 * z.0 / ((1.0 - z.0) * (1.0 - z.0) + ay * ay)) / 4.0;
        let im = -libm::atan2(-2.0 * z.1, (1.0 - z.0) * (1.0 + z.0) - ay * ay) / 2.0;
        ((re, im), Errno::Ok)
    }
}

fn c_atan(z: C) -> (C, Errno) {
    let (s, e) = c_atanh((-z.1, z.0));
    ((s.1, -s.0), e)
}

fn overflow_check(r: C) -> Errno {
    if r.0.is_infinite() || r.1.is_infinite() {
        Errno::Range
    } else {
        Errno::Ok
    }
}

fn c_cosh(z: C) -> (C, Errno) {
    if !z.0.is_finite() || !z.1.is_finite() {
        let r = if z.0.is_infinite() && z.1.is_finite() && z.1 != 0.0 {
            let (c, s) = (libm::cos(z.1), libm::sin(z.1));
            if z.0 > 0.0 {
                (cs(INF, c), cs(INF, s))
            } else {
                (cs(INF, c), -cs(INF, s))
            }
        } else {
            COSH_SV[st(z.0)][st(z.1)]
        };
        let e = if z.1.is_infinite() && !z.0.is_nan() {
            Errno::Dom
        } else {
            Errno::Ok
        };
        return (r, e);
    }
    let r = if libm::fabs(z.0) > LOG_LARGE {
        let x1 = z.0 - cs(1.0, z.0);
        (
            libm::cos(z.1) * libm::cosh(x1) * E,
            libm::sin(z.1) * libm::sinh(x1) * E,
        )
    } else {
        (
            libm::cos(z.1) * libm::cosh(z.0),
            libm::sin(z.1) * libm::sinh(z.0),
        )
    };
    (r, overflow_check(r))
}

fn c_sinh(z: C) -> (C, Errno) {
    if !z.0.is_finite() || !z.1.is_finite() {
        let r = if z.0.is_infinite() && z.1.is_finite() && z.1 != 0.0 {
            let (c, s) = (libm::cos(z.1), libm::sin(z.1));
            if z.0 > 0.0 {
                (cs(INF, c), cs(INF, s))
            } else {
                (-cs(INF, c), cs(INF, s))
            }
        } else {
            SINH_SV[st(z.0)][st(z.1)]
        };
        let e = if z.1.is_infinite() && !z.0.is_nan() {
            Errno::Dom
        } else {
            Errno::Ok
        };
        return (r, e);
    }
    let r = if libm::fabs(z.0) > LOG_LARGE {
        let x1 = z.0 - cs(1.0, z.0);
        (
            libm::cos(z.1) * libm::sinh(x1) * E,
            libm::sin(z.1) * libm::cosh(x1) * E,
        )
    } else {
        (
            libm::cos(z.1) * libm::sinh(z.0),
            libm::sin(z.1) * libm::cosh(z.0),
        )
    };
    (r, overflow_check(r))
}

fn c_tanh(z: C) -> (C, Errno) {
    if !z.0.is_finite() || !z.1.is_finite() {
        let r = if z.0.is_infinite() && z.1.is_finite() && z.1 != 0.0 {
            let im = cs(0.0, 2.0 * libm::sin(z.1) * libm::cos(z.1));
            (if z.0 > 0.0 { 1.0 } else { -1.0 }, im)
        } else {
            TANH_SV[st(z.0)][st(z.1)]
        };
        let e = if z.1.is_infinite() && z.0.is_finite() {
            Errno::Dom
        } else {
            Errno::Ok
        };
        return (r, e);
    }
    let r = if libm::fabs(z.0) > LOG_LARGE {
        (
            cs(1.0, z.0),
            4.0 * libm::sin(z.1) * libm::cos(z.1) * libm::exp(-2.0 * libm::fabs(z.0)),
        )
    } else {
        let tx = libm::tanh(z.0);
        let ty = libm::tan(z.1);
        let cx = 1.0 / libm::cosh(z.0);
        let txty = tx * ty;
        let denom = 1.0 + txty * txty;
        (tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx)
    };
    (r, Errno::Ok)
}

fn c_cos(z: C) -> (C, Errno) {
    c_cosh((-z.1, z.0))
}

fn c_sin(z: C) -> (C, Errno) {
    let (s, e) = c_sinh((-z.1, z.0));
    ((s.1, -s.0), e)
}

fn c_tan(z: C) -> (C, Errno) {
    let (s, e) = c_tanh((-z.1, z.0));
    ((s.1, -s.0), e)
}

fn c_exp(z: C) -> (C, Errno) {
    if !z.0.is_finite() || !z.1.is_finite() {
        let r = if z.0.is_infinite() && z.1.is_finite() && z.1 != 0.0 {
            let (c, s) = (libm::cos(z.1), libm::sin(z.1));
            if z.0 > 0.0 {
                (cs(INF, c), cs(INF, s))
            } else {
                (cs(0.0, c), cs(0.0, s))
            }
        } else {
            EXP_SV[st(z.0)][st(z.1)]
        };
        let e = if z.1.is_infinite() && (z.0.is_finite() || z.0 == INF) {
            Errno::Dom
        } else {
            Errno::Ok
        };
        return (r, e);
    }
    let r = if z.0 > LOG_LARGE {
        let l = libm::exp(z.0 - 1.0);
        (l * libm::cos(z.1) * E, l * libm::sin(z.1) * E)
    } else {
        let l = libm::exp(z.0);
        (l * libm::cos(z.1), l * libm::sin(z.1))
    };
    (r, overflow_check(r))
}

fn c_log(z: C) -> (C, Errno) {
    if let Some(r) = special(z, &LOG_SV) {
        return (r, Errno::Ok);
    }
    let ax = libm::fabs(z.0);
    let ay = libm::fabs(z.1);
    let re = if ax > LARGE || ay > LARGE {
        libm::log(crate::modmath::hypot(ax / 2.0, ay / 2.0)) + LN2
    } else if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        if ax > 0.0 || ay > 0.0 {
            libm::log(crate::modmath::hypot(
                libm::ldexp(ax, 53),
                libm::ldexp(ay, 53),
            )) - 53.0 * LN2
        } else {
            return ((-INF, libm::atan2(z.1, z.0)), Errno::Dom);
        }
    } else {
        let h = crate::modmath::hypot(ax, ay);
        if (0.71..=1.73).contains(&h) {
            let (am, an) = if ax > ay { (ax, ay) } else { (ay, ax) };
            log1p((am - 1.0) * (am + 1.0) + an * an) / 2.0
        } else {
            libm::log(h)
        }
    };
    ((re, libm::atan2(z.1, z.0)), Errno::Ok)
}

fn c_log10(z: C) -> (C, Errno) {
    let (r, e) = c_log(z);
    ((r.0 / LN10, r.1 / LN10), e)
}

/// CPython's `_Py_c_quot`; the error is EDOM on division by zero.
fn c_quot(a: C, b: C) -> (C, Errno) {
    let abr = libm::fabs(b.0);
    let abi = libm::fabs(b.1);
    if abr >= abi {
        if abr == 0.0 {
            return ((0.0, 0.0), Errno::Dom);
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        (
            ((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom),
            Errno::Ok,
        )
    } else if abi >= abr {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        (
            ((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom),
            Errno::Ok,
        )
    } else {
        ((N, N), Errno::Ok)
    }
}

fn c_rect(r: f64, phi: f64) -> (C, Errno) {
    if !r.is_finite() || !phi.is_finite() {
        let z = if r.is_infinite() && phi.is_finite() && phi != 0.0 {
            let (c, s) = (libm::cos(phi), libm::sin(phi));
            if r > 0.0 {
                (cs(INF, c), cs(INF, s))
            } else {
                (-cs(INF, c), -cs(INF, s))
            }
        } else {
            RECT_SV[st(r)][st(phi)]
        };
        let e = if r != 0.0 && !r.is_nan() && phi.is_infinite() {
            Errno::Dom
        } else {
            Errno::Ok
        };
        return (z, e);
    }
    if phi == 0.0 {
        return ((r, r * phi), Errno::Ok);
    }
    ((r * libm::cos(phi), r * libm::sin(phi)), Errno::Ok)
}

// ----- Python-facing functions -----------------------------------------------------------------

/// A complex from an argument: complex (or subclass), `__complex__`, or any real number.
fn cx_arg(vm: &mut Vm, v: &Value) -> PyResult<C> {
    if let Some(Num::C(r, i)) = classify(v) {
        return Ok((r, i));
    }
    if let Value::Obj(o) = v {
        if matches!(&**o, PyObject::Instance(_) | PyObject::Native(_)) {
            if let Some(r) = vm.call_special(v, "__complex__", &[]) {
                let r = r?;
                return match classify(&vm.builtin_base(&r)) {
                    Some(Num::C(a, b)) => Ok((a, b)),
                    _ => {
                        let tn = vm.type_name(&r);
                        Err(vm
                            .type_error(format!("__complex__ returned non-complex (type {})", tn)))
                    }
                };
            }
            let base = vm.builtin_base(v);
            if let Some(Num::C(r, i)) = classify(&base) {
                return Ok((r, i));
            }
        }
    }
    Ok((to_f64(vm, v)?, 0.0))
}

fn finish(vm: &mut Vm, r: C, e: Errno) -> PyResult {
    match e {
        Errno::Ok => Ok(Value::complex(r.0, r.1)),
        Errno::Dom => Err(vm.value_error("math domain error")),
        Errno::Range => Err(vm.overflow_error("math range error")),
    }
}

/// Shared body of the one-argument functions: convert, apply, map the error.
fn unary(
    vm: &mut Vm,
    args: &[Value],
    kw: &[(Str, Value)],
    name: &str,
    f: fn(C) -> (C, Errno),
) -> PyResult {
    no_kwargs(vm, name, kw)?;
    check_nargs(vm, name, args, 1, 1)?;
    let z = cx_arg(vm, &args[0])?;
    let (r, e) = f(z);
    finish(vm, r, e)
}

macro_rules! unary_fns {
    ($(($name:ident, $py:literal, $f:ident)),* $(,)?) => {
        $(
            fn $name(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
                unary(vm, args, kw, $py, $f)
            }
        )*
    };
}

unary_fns!(
    (py_sqrt, "cmath.sqrt", c_sqrt),
    (py_exp, "cmath.exp", c_exp),
    (py_log10, "cmath.log10", c_log10),
    (py_cos, "cmath.cos", c_cos),
    (py_sin, "cmath.sin", c_sin),
    (py_tan, "cmath.tan", c_tan),
    (py_acos, "cmath.acos", c_acos),
    (py_asin, "cmath.asin", c_asin),
    (py_atan, "cmath.atan", c_atan),
    (py_cosh, "cmath.cosh", c_cosh),
    (py_sinh, "cmath.sinh", c_sinh),
    (py_tanh, "cmath.tanh", c_tanh),
    (py_acosh, "cmath.acosh", c_acosh),
    (py_asinh, "cmath.asinh", c_asinh),
    (py_atanh, "cmath.atanh", c_atanh),
);

fn py_log(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    no_kwargs(vm, "log", kw)?;
    check_nargs(vm, "log", args, 1, 2)?;
    let x = cx_arg(vm, &args[0])?;
    let (mut r, mut e) = c_log(x);
    if let Some(b) = args.get(1) {
        let y = cx_arg(vm, b)?;
        let (ly, ey) = c_log(y);
        let (q, eq) = c_quot(r, ly);
        r = q;
        e = if eq != Errno::Ok { eq } else { ey };
    }
    finish(vm, r, e)
}

fn py_phase(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    no_kwargs(vm, "cmath.phase", kw)?;
    check_nargs(vm, "cmath.phase", args, 1, 1)?;
    let z = cx_arg(vm, &args[0])?;
    Ok(Value::Float(c_atan2(z)))
}

fn py_polar(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    no_kwargs(vm, "cmath.polar", kw)?;
    check_nargs(vm, "cmath.polar", args, 1, 1)?;
    let z = cx_arg(vm, &args[0])?;
    let phi = c_atan2(z);
    let (r, e) = c_abs(z);
    if e != Errno::Ok {
        return Err(vm.overflow_error("math range error"));
    }
    Ok(vm.new_tuple(alloc::vec![Value::Float(r), Value::Float(phi)]))
}

fn py_rect(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    no_kwargs(vm, "rect", kw)?;
    check_nargs(vm, "rect", args, 2, 2)?;
    let r = to_f64(vm, &args[0])?;
    let phi = to_f64(vm, &args[1])?;
    let (z, e) = c_rect(r, phi);
    finish(vm, z, e)
}

fn pred(
    vm: &mut Vm,
    args: &[Value],
    kw: &[(Str, Value)],
    name: &str,
    f: fn(f64) -> bool,
    any: bool,
) -> PyResult {
    no_kwargs(vm, name, kw)?;
    check_nargs(vm, name, args, 1, 1)?;
    let z = cx_arg(vm, &args[0])?;
    Ok(Value::Bool(if any {
        f(z.0) || f(z.1)
    } else {
        f(z.0) && f(z.1)
    }))
}

fn py_isfinite(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    pred(vm, args, kw, "cmath.isfinite", f64::is_finite, false)
}

fn py_isinf(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    pred(vm, args, kw, "cmath.isinf", f64::is_infinite, true)
}

fn py_isnan(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    pred(vm, args, kw, "cmath.isnan", f64::is_nan, true)
}

fn py_isclose(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    for (k, _) in kw {
        if !matches!(k.as_str(), "a" | "b" | "rel_tol" | "abs_tol") {
            return Err(vm.type_error(format!(
                "'{}' is an invalid keyword argument for isclose()",
                k.as_str()
            )));
        }
    }
    if args.len() > 2 {
        return Err(vm.type_error(format!(
            "isclose() takes exactly 2 positional arguments ({} given)",
            args.len()
        )));
    }
    let a = match args.first().or_else(|| kwarg(kw, "a")) {
        Some(v) => v.clone(),
        None => return Err(vm.type_error("isclose() missing required argument 'a' (pos 1)")),
    };
    let b = match args.get(1).or_else(|| kwarg(kw, "b")) {
        Some(v) => v.clone(),
        None => return Err(vm.type_error("isclose() missing required argument 'b' (pos 2)")),
    };
    let a = cx_arg(vm, &a)?;
    let b = cx_arg(vm, &b)?;
    let rel = match kwarg(kw, "rel_tol") {
        Some(v) => to_f64(vm, &v.clone())?,
        None => 1e-9,
    };
    let abs = match kwarg(kw, "abs_tol") {
        Some(v) => to_f64(vm, &v.clone())?,
        None => 0.0,
    };
    if rel < 0.0 || abs < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    if a.0 == b.0 && a.1 == b.1 {
        return Ok(Value::Bool(true));
    }
    if a.0.is_infinite() || a.1.is_infinite() || b.0.is_infinite() || b.1.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = c_abs((a.0 - b.0, a.1 - b.1)).0;
    let close = diff <= rel * c_abs(b).0 || diff <= rel * c_abs(a).0 || diff <= abs;
    Ok(Value::Bool(close))
}

/// Create the `cmath` module.
pub fn init_module(vm: &mut Vm) -> PyResult<Obj> {
    let m = vm.new_module("cmath");
    module_fns(
        &m,
        &[
            ("sqrt", py_sqrt),
            ("exp", py_exp),
            ("log", py_log),
            ("log10", py_log10),
            ("cos", py_cos),
            ("sin", py_sin),
            ("tan", py_tan),
            ("acos", py_acos),
            ("asin", py_asin),
            ("atan", py_atan),
            ("cosh", py_cosh),
            ("sinh", py_sinh),
            ("tanh", py_tanh),
            ("acosh", py_acosh),
            ("asinh", py_asinh),
            ("atanh", py_atanh),
            ("phase", py_phase),
            ("polar", py_polar),
            ("rect", py_rect),
            ("isfinite", py_isfinite),
            ("isinf", py_isinf),
            ("isnan", py_isnan),
            ("isclose", py_isclose),
        ],
    );
    module_set(&m, "e", Value::Float(E));
    module_set(&m, "pi", Value::Float(P));
    module_set(&m, "tau", Value::Float(core::f64::consts::TAU));
    module_set(&m, "inf", Value::Float(INF));
    module_set(&m, "nan", Value::Float(N));
    module_set(&m, "infj", Value::complex(0.0, INF));
    module_set(&m, "nanj", Value::complex(0.0, N));
    Ok(m)
}

// ----- special-value tables (CPython's, indexed by `st` of the real and imaginary parts) --------

/// Special values of `acos` indexed by the classes of the real and imaginary parts.
const ACOS_SV: [[(f64, f64); 7]; 7] = [
    [
        (P34, INF),
        (P, INF),
        (P, INF),
        (P, -INF),
        (P, -INF),
        (P34, -INF),
        (N, INF),
    ],
    [
        (P2, INF),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (P2, -INF),
        (N, N),
    ],
    [
        (P2, INF),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (P2, -INF),
        (P2, N),
    ],
    [
        (P2, INF),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (P2, -INF),
        (P2, N),
    ],
    [
        (P2, INF),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (P2, -INF),
        (N, N),
    ],
    [
        (P4, INF),
        (0.0, INF),
        (0.0, INF),
        (0.0, -INF),
        (0.0, -INF),
        (P4, -INF),
        (N, INF),
    ],
    [(N, INF), (N, N), (N, N), (N, N), (N, N), (N, -INF), (N, N)],
];
/// Special values of `acosh` indexed by the classes of the real and imaginary parts.
const ACOSH_SV: [[(f64, f64); 7]; 7] = [
    [
        (INF, -P34),
        (INF, -P),
        (INF, -P),
        (INF, P),
        (INF, P),
        (INF, P34),
        (INF, N),
    ],
    [
        (INF, -P2),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (INF, P2),
        (N, N),
    ],
    [
        (INF, -P2),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (INF, P2),
        (N, N),
    ],
    [
        (INF, -P2),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (INF, P2),
        (N, N),
    ],
    [
        (INF, -P2),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (INF, P2),
        (N, N),
    ],
    [
        (INF, -P4),
        (INF, -0.0),
        (INF, -0.0),
        (INF, 0.0),
        (INF, 0.0),
        (INF, P4),
        (INF, N),
    ],
    [(INF, N), (N, N), (N, N), (N, N), (N, N), (INF, N), (N, N)],
];
/// Special values of `asinh` indexed by the classes of the real and imaginary parts.
const ASINH_SV: [[(f64, f64); 7]; 7] = [
    [
        (-INF, -P4),
        (-INF, -0.0),
        (-INF, -0.0),
        (-INF, 0.0),
        (-INF, 0.0),
        (-INF, P4),
        (-INF, N),
    ],
    [
        (-INF, -P2),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (-INF, P2),
        (N, N),
    ],
    [
        (-INF, -P2),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (-INF, P2),
        (N, N),
    ],
    [
        (INF, -P2),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (INF, P2),
        (N, N),
    ],
    [
        (INF, -P2),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (INF, P2),
        (N, N),
    ],
    [
        (INF, -P4),
        (INF, -0.0),
        (INF, -0.0),
        (INF, 0.0),
        (INF, 0.0),
        (INF, P4),
        (INF, N),
    ],
    [
        (INF, N),
        (N, N),
        (N, -0.0),
        (N, 0.0),
        (N, N),
        (INF, N),
        (N, N),
    ],
];
/// Special values of `atanh` indexed by the classes of the real and imaginary parts.
const ATANH_SV: [[(f64, f64); 7]; 7] = [
    [
        (-0.0, -P2),
        (-0.0, -P2),
        (-0.0, -P2),
        (-0.0, P2),
        (-0.0, P2),
        (-0.0, P2),
        (-0.0, N),
    ],
    [
        (-0.0, -P2),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (-0.0, P2),
        (N, N),
    ],
    [
        (-0.0, -P2),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (-0.0, P2),
        (-0.0, N),
    ],
    [
        (0.0, -P2),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (0.0, P2),
        (0.0, N),
    ],
    [
        (0.0, -P2),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (0.0, P2),
        (N, N),
    ],
    [
        (0.0, -P2),
        (0.0, -P2),
        (0.0, -P2),
        (0.0, P2),
        (0.0, P2),
        (0.0, P2),
        (0.0, N),
    ],
    [
        (0.0, -P2),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (0.0, P2),
        (N, N),
    ],
];
/// Special values of `cosh` indexed by the classes of the real and imaginary parts.
const COSH_SV: [[(f64, f64); 7]; 7] = [
    [
        (N, N),
        (N, N),
        (INF, 0.0),
        (INF, -0.0),
        (N, N),
        (N, N),
        (INF, N),
    ],
    [(N, N), (N, N), (N, N), (N, N), (N, N), (N, N), (N, N)],
    [(N, N), (N, N), (N, N), (N, N), (N, N), (N, N), (N, 0.0)],
    [(N, N), (N, N), (N, N), (N, N), (N, N), (N, N), (N, 0.0)],
    [(N, N), (N, N), (N, N), (N, N), (N, N), (N, N), (N, N)],
    [
        (N, N),
        (N, N),
        (INF, -0.0),
        (INF, 0.0),
        (N, N),
        (N, N),
        (INF, N),
    ],
    [(N, N), (N, N), (N, 0.0), (N, 0.0), (N, N), (N, N), (N, N)],
];
/// Special values of `exp` indexed by the classes of the real and imaginary parts.
const EXP_SV: [[(f64, f64); 7]; 7] = [
    [
        (0.0, 0.0),
        (N, N),
        (0.0, -0.0),
        (0.0, 0.0),
        (N, N),
        (0.0, 0.0),
        (0.0, 0.0),
    ],
    [(N, N), (N, N), (N, N), (N, N), (N, N), (N, N), (N, N)],
    [(N, N), (N, N), (N, N), (N, N), (N, N), (N, N), (N, N)],
    [(N, N), (N, N), (N, N), (N, N), (N, N), (N, N), (N, N)],
    [(N, N), (N, N), (N, N), (N, N), (N, N), (N, N), (N, N)],
    [
        (N, N),
        (N, N),
        (INF, -0.0),
        (INF, 0.0),
        (N, N),
        (N, N),
        (INF, N),
    ],
    [(N, N), (N, N), (N, -0.0), (N, 0.0), (N, N), (N, N), (N, N)],
];
/// Special values of `log` indexed by the classes of the real and imaginary parts.
const LOG_SV: [[(f64, f64); 7]; 7] = [
    [
        (INF, -P34),
        (INF, -P),
        (INF, -P),
        (INF, P),
        (INF, P),
        (INF, P34),
        (INF, N),
    ],
    [
        (INF, -P2),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (INF, P2),
        (N, N),
    ],
    [
        (INF, -P2),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (INF, P2),
        (N, N),
    ],
    [
        (INF, -P2),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (INF, P2),
        (N, N),
    ],
    [
        (INF, -P2),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (INF, P2),
        (N, N),
    ],
    [
        (INF, -P4),
        (INF, -0.0),
        (INF, -0.0),
        (INF, 0.0),
        (INF, 0.0),
        (INF, P4),
        (INF, N),
    ],
    [(INF, N), (N, N), (N, N), (N, N), (N, N), (INF, N), (N, N)],
];
/// Special values of `sinh` indexed by the classes of the real and imaginary parts.
const SINH_SV: [[(f64, f64); 7]; 7] = [
    [
        (N, N),
        (N, N),
        (-INF, -0.0),
        (-INF, 0.0),
        (N, N),
        (N, N),
        (INF, N),
    ],
    [(N, N), (N, N), (N, N), (N, N), (N, N), (N, N), (N, N)],
    [(N, N), (N, N), (N, N), (N, N), (N, N), (N, N), (0.0, N)],
    [(N, N), (N, N), (N, N), (N, N), (N, N), (N, N), (0.0, N)],
    [(N, N), (N, N), (N, N), (N, N), (N, N), (N, N), (N, N)],
    [
        (N, N),
        (N, N),
        (INF, -0.0),
        (INF, 0.0),
        (N, N),
        (N, N),
        (INF, N),
    ],
    [(N, N), (N, N), (N, -0.0), (N, 0.0), (N, N), (N, N), (N, N)],
];
/// Special values of `sqrt` indexed by the classes of the real and imaginary parts.
const SQRT_SV: [[(f64, f64); 7]; 7] = [
    [
        (INF, -INF),
        (0.0, -INF),
        (0.0, -INF),
        (0.0, INF),
        (0.0, INF),
        (INF, INF),
        (N, INF),
    ],
    [
        (INF, -INF),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (INF, INF),
        (N, N),
    ],
    [
        (INF, -INF),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (INF, INF),
        (N, N),
    ],
    [
        (INF, -INF),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (INF, INF),
        (N, N),
    ],
    [
        (INF, -INF),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (INF, INF),
        (N, N),
    ],
    [
        (INF, -INF),
        (INF, -0.0),
        (INF, -0.0),
        (INF, 0.0),
        (INF, 0.0),
        (INF, INF),
        (INF, N),
    ],
    [
        (INF, -INF),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (INF, INF),
        (N, N),
    ],
];
/// Special values of `tanh` indexed by the classes of the real and imaginary parts.
const TANH_SV: [[(f64, f64); 7]; 7] = [
    [
        (-1.0, 0.0),
        (N, N),
        (-1.0, -0.0),
        (-1.0, 0.0),
        (N, N),
        (-1.0, 0.0),
        (-1.0, 0.0),
    ],
    [(N, N), (N, N), (N, N), (N, N), (N, N), (N, N), (N, N)],
    [(N, N), (N, N), (N, N), (N, N), (N, N), (N, N), (N, N)],
    [(N, N), (N, N), (N, N), (N, N), (N, N), (N, N), (N, N)],
    [(N, N), (N, N), (N, N), (N, N), (N, N), (N, N), (N, N)],
    [
        (1.0, 0.0),
        (N, N),
        (1.0, -0.0),
        (1.0, 0.0),
        (N, N),
        (1.0, 0.0),
        (1.0, 0.0),
    ],
    [(N, N), (N, N), (N, -0.0), (N, 0.0), (N, N), (N, N), (N, N)],
];
/// Special values of `rect` indexed by the classes of the real and imaginary parts.
const RECT_SV: [[(f64, f64); 7]; 7] = [
    [
        (N, N),
        (N, N),
        (-INF, 0.0),
        (-INF, -0.0),
        (N, N),
        (N, N),
        (INF, N),
    ],
    [(N, N), (N, N), (N, N), (N, N), (N, N), (N, N), (N, N)],
    [
        (0.0, 0.0),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (0.0, 0.0),
        (0.0, 0.0),
    ],
    [
        (0.0, 0.0),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (0.0, 0.0),
        (0.0, 0.0),
    ],
    [(N, N), (N, N), (N, N), (N, N), (N, N), (N, N), (N, N)],
    [
        (N, N),
        (N, N),
        (INF, -0.0),
        (INF, 0.0),
        (N, N),
        (N, N),
        (INF, N),
    ],
    [(N, N), (N, N), (N, 0.0), (N, 0.0), (N, N), (N, N), (N, N)],
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constants_match_their_definitions() {
        assert_eq!(SQRT_LARGE, libm::sqrt(LARGE));
        assert_eq!(LOG_LARGE, libm::log(LARGE));
        assert_eq!(SQRT_DBL_MIN, libm::sqrt(f64::MIN_POSITIVE));
    }
}
