//! The `math` module: CPython's functions and error rules over `libm`, exact integer functions
//! (factorial, gcd, comb, isqrt...) over big ints, and CPython's `fsum` and vector norm.

use alloc::format;
use alloc::rc::Rc;
use alloc::vec::Vec;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::ast::BinOp;
use crate::exceptions::ExcKind;
use crate::number::{self, check_nargs, classify, no_kwargs, to_f64, Num};
use crate::value::{Builtin, NativeFn, Obj, PyObject, Str};
use crate::vm::Vm;
use crate::{PyErr, PyResult, Value};

fn domain(vm: &mut Vm) -> PyErr {
    vm.value_error("math domain error")
}

fn range_err(vm: &mut Vm) -> PyErr {
    vm.overflow_error("math range error")
}

/// CPython's `math_1`: apply `f`, mapping NaN-from-non-NaN to a domain error and infinity-from-
/// finite to a range error (when `can_overflow`) or a domain error.
fn math_1(
    vm: &mut Vm,
    args: &[Value],
    kwargs: &[(Str, Value)],
    name: &str,
    f: fn(f64) -> f64,
    can_overflow: bool,
) -> PyResult {
    no_kwargs(vm, name, kwargs)?;
    check_nargs(vm, name, args, 1, 1)?;
    let x = to_f64(vm, &args[0])?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain(vm));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow {
            range_err(vm)
        } else {
            domain(vm)
        });
    }
    Ok(Value::Float(r))
}

macro_rules! m1 {
    ($(($name:ident, $py:literal, $f:expr, $ovf:expr)),* $(,)?) => {
        $(
            fn $name(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
                math_1(vm, args, kwargs, $py, $f, $ovf)
            }
        )*
    };
}

fn m_sqrt_f(x: f64) -> f64 {
    if x < 0.0 {
        f64::NAN
    } else {
        libm::sqrt(x)
    }
}

fn m_fabs_f(x: f64) -> f64 {
    libm::fabs(x)
}

fn m_log1p_f(x: f64) -> f64 {
    if x == -1.0 {
        f64::NEG_INFINITY
    } else if x < -1.0 {
        f64::NAN
    } else {
        libm::log1p(x)
    }
}

fn m_acosh_f(x: f64) -> f64 {
    if x < 1.0 {
        f64::NAN
    } else {
        libm::acosh(x)
    }
}

fn m_atanh_f(x: f64) -> f64 {
    if libm::fabs(x) > 1.0 {
        f64::NAN
    } else {
        libm::atanh(x)
    }
}

fn m_asin_f(x: f64) -> f64 {
    if libm::fabs(x) > 1.0 {
        f64::NAN
    } else {
        libm::asin(x)
    }
}

fn m_acos_f(x: f64) -> f64 {
    if libm::fabs(x) > 1.0 {
        f64::NAN
    } else {
        libm::acos(x)
    }
}

/// `exp`; libm's result for 1.0 is one ulp above `e`, so `math.e == exp(1)` is kept exact.
fn m_exp_f(x: f64) -> f64 {
    if x == 1.0 {
        core::f64::consts::E
    } else {
        libm::exp(x)
    }
}

fn m_trig(f: fn(f64) -> f64, x: f64) -> f64 {
    if x.is_infinite() {
        f64::NAN
    } else {
        f(x)
    }
}

m1! {
    (m_sqrt, "sqrt", m_sqrt_f, false),
    (m_fabs, "fabs", m_fabs_f, false),
    (m_exp, "exp", m_exp_f, true),
    (m_exp2, "exp2", libm::exp2, true),
    (m_expm1, "expm1", libm::expm1, true),
    (m_log1p, "log1p", m_log1p_f, false),
    (m_sin, "sin", |x| m_trig(libm::sin, x), false),
    (m_cos, "cos", |x| m_trig(libm::cos, x), false),
    (m_tan, "tan", |x| m_trig(libm::tan, x), false),
    (m_asin, "asin", m_asin_f, false),
    (m_acos, "acos", m_acos_f, false),
    (m_atan, "atan", libm::atan, false),
    (m_sinh, "sinh", libm::sinh, true),
    (m_cosh, "cosh", libm::cosh, true),
    (m_tanh, "tanh", libm::tanh, false),
    (m_asinh, "asinh", libm::asinh, false),
    (m_acosh, "acosh", m_acosh_f, false),
    (m_atanh, "atanh", m_atanh_f, false),
    (m_erf, "erf", libm::erf, false),
    (m_erfc, "erfc", libm::erfc, false),
    (m_cbrt, "cbrt", libm::cbrt, false),
}

fn m_degrees(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    math_1(
        vm,
        args,
        kwargs,
        "degrees",
        |x| x * (180.0 / core::f64::consts::PI),
        true,
    )
}

fn m_radians(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    math_1(
        vm,
        args,
        kwargs,
        "radians",
        |x| x * (core::f64::consts::PI / 180.0),
        true,
    )
}

fn is_neg_int(x: f64) -> bool {
    x <= 0.0 && libm::floor(x) == x
}

fn m_gamma(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    no_kwargs(vm, "gamma", kwargs)?;
    check_nargs(vm, "gamma", args, 1, 1)?;
    let x = to_f64(vm, &args[0])?;
    if x.is_nan() || x == f64::INFINITY {
        return Ok(Value::Float(x));
    }
    if x == f64::NEG_INFINITY || is_neg_int(x) {
        return Err(domain(vm));
    }
    let r = libm::tgamma(x);
    if r.is_infinite() {
        return Err(range_err(vm));
    }
    Ok(Value::Float(r))
}

fn m_lgamma(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    no_kwargs(vm, "lgamma", kwargs)?;
    check_nargs(vm, "lgamma", args, 1, 1)?;
    let x = to_f64(vm, &args[0])?;
    if x.is_nan() {
        return Ok(Value::Float(x));
    }
    if x.is_infinite() {
        return Ok(Value::Float(f64::INFINITY));
    }
    if is_neg_int(x) {
        return Err(domain(vm));
    }
    let r = libm::lgamma(x);
    if r.is_infinite() {
        return Err(range_err(vm));
    }
    Ok(Value::Float(r))
}

fn two_floats(
    vm: &mut Vm,
    args: &[Value],
    kwargs: &[(Str, Value)],
    name: &str,
) -> PyResult<(f64, f64)> {
    no_kwargs(vm, name, kwargs)?;
    check_nargs(vm, name, args, 2, 2)?;
    Ok((to_f64(vm, &args[0])?, to_f64(vm, &args[1])?))
}

fn m_atan2(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    let (y, x) = two_floats(vm, args, kwargs, "atan2")?;
    Ok(Value::Float(libm::atan2(y, x)))
}

fn m_copysign(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    let (x, y) = two_floats(vm, args, kwargs, "copysign")?;
    Ok(Value::Float(libm::copysign(x, y)))
}

fn m_fmod(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    let (x, y) = two_floats(vm, args, kwargs, "fmod")?;
    if y.is_infinite() && x.is_finite() {
        return Ok(Value::Float(x));
    }
    let r = libm::fmod(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain(vm));
    }
    Ok(Value::Float(r))
}

fn m_remainder(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    let (x, y) = two_floats(vm, args, kwargs, "remainder")?;
    if x.is_nan() {
        return Ok(Value::Float(x));
    }
    if y.is_nan() {
        return Ok(Value::Float(y));
    }
    if x.is_infinite() || y == 0.0 {
        return Err(domain(vm));
    }
    if y.is_infinite() {
        return Ok(Value::Float(x));
    }
    Ok(Value::Float(libm::remainder(x, y)))
}

fn m_nextafter(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    let (x, y) = two_floats(vm, args, kwargs, "nextafter")?;
    Ok(Value::Float(libm::nextafter(x, y)))
}

fn m_ulp(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    no_kwargs(vm, "ulp", kwargs)?;
    check_nargs(vm, "ulp", args, 1, 1)?;
    let x = to_f64(vm, &args[0])?;
    if x.is_nan() {
        return Ok(Value::Float(x));
    }
    let x = libm::fabs(x);
    if x.is_infinite() {
        return Ok(Value::Float(x));
    }
    let x2 = libm::nextafter(x, f64::INFINITY);
    if x2.is_infinite() {
        let x2 = libm::nextafter(x, 0.0);
        return Ok(Value::Float(x - x2));
    }
    Ok(Value::Float(x2 - x))
}

fn m_pow(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    let (x, y) = two_floats(vm, args, kwargs, "pow")?;
    let r;
    if !x.is_finite() || !y.is_finite() {
        r = if x.is_nan() {
            if y == 0.0 {
                1.0
            } else {
                x
            }
        } else if y.is_nan() {
            if x == 1.0 {
                1.0
            } else {
                y
            }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && libm::fmod(libm::fabs(y), 2.0) == 1.0;
            if y > 0.0 {
                if odd_y {
                    x
                } else {
                    libm::fabs(x)
                }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                libm::copysign(0.0, x)
            } else {
                0.0
            }
        } else if libm::fabs(x) == 1.0 {
            1.0
        } else if y > 0.0 && libm::fabs(x) > 1.0 {
            y
        } else if y < 0.0 && libm::fabs(x) < 1.0 {
            -y
        } else {
            0.0
        };
        return Ok(Value::Float(r));
    }
    if x < 0.0 && libm::floor(y) != y {
        return Err(domain(vm));
    }
    r = libm::pow(x, y);
    if r.is_infinite() {
        return Err(if x == 0.0 { domain(vm) } else { range_err(vm) });
    }
    Ok(Value::Float(r))
}

/// The natural log (or log2/log10 by `which` 0/1/2) of a positive real, exact in range for big ints.
fn log_helper(vm: &mut Vm, v: &Value, which: u8) -> PyResult<f64> {
    let f = |x: f64| match which {
        1 => libm::log2(x),
        2 => libm::log10(x),
        _ => libm::log(x),
    };
    if let Some(Num::B(b)) = classify(&vm.builtin_base(v)) {
        if !b.is_positive() {
            return Err(domain(vm));
        }
        if let Some(x) = number::bigint_to_f64(b) {
            return Ok(f(x));
        }
        let shift = b.bits() - 60;
        let top = (b >> (shift as usize)).to_f64().unwrap_or(1.0);
        let (m, e) = libm::frexp(top);
        return Ok(f(m) + f(2.0) * (e as i64 + shift as i64) as f64);
    }
    let x = to_f64(vm, v)?;
    if x.is_nan() {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(domain(vm));
    }
    Ok(f(x))
}

fn m_log(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    no_kwargs(vm, "log", kwargs)?;
    check_nargs(vm, "log", args, 1, 2)?;
    let num = log_helper(vm, &args[0], 0)?;
    if args.len() == 1 {
        return Ok(Value::Float(num));
    }
    let den = log_helper(vm, &args[1], 0)?;
    if den == 0.0 {
        return Err(vm.zero_division("float division by zero"));
    }
    Ok(Value::Float(num / den))
}

fn m_log2(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    no_kwargs(vm, "log2", kwargs)?;
    check_nargs(vm, "log2", args, 1, 1)?;
    Ok(Value::Float(log_helper(vm, &args[0], 1)?))
}

fn m_log10(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    no_kwargs(vm, "log10", kwargs)?;
    check_nargs(vm, "log10", args, 1, 1)?;
    Ok(Value::Float(log_helper(vm, &args[0], 2)?))
}

fn is_user(v: &Value) -> bool {
    matches!(v, Value::Obj(o) if matches!(&**o, PyObject::Instance(_) | PyObject::Native(_)))
}

fn rounding(
    vm: &mut Vm,
    args: &[Value],
    kwargs: &[(Str, Value)],
    name: &str,
    dunder: &'static str,
    f: fn(f64) -> f64,
) -> PyResult {
    no_kwargs(vm, name, kwargs)?;
    check_nargs(vm, name, args, 1, 1)?;
    let v = &args[0];
    match classify(v) {
        Some(Num::I(i)) => return Ok(Value::Int(i)),
        Some(Num::B(_)) => return Ok(v.clone()),
        Some(Num::F(x)) => return number::float_to_int(vm, f(x)),
        _ => {}
    }
    if is_user(v) {
        if let Some(r) = vm.call_special(v, dunder, &[]) {
            return r;
        }
    }
    if dunder == "__trunc__" {
        let tn = vm.type_name(v);
        return Err(vm.type_error(format!("type {} doesn't define __trunc__ method", tn)));
    }
    let x = to_f64(vm, v)?;
    number::float_to_int(vm, f(x))
}

fn m_floor(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    rounding(vm, args, kwargs, "floor", "__floor__", libm::floor)
}

fn m_ceil(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    rounding(vm, args, kwargs, "ceil", "__ceil__", libm::ceil)
}

fn m_trunc(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    rounding(vm, args, kwargs, "trunc", "__trunc__", libm::trunc)
}

fn m_frexp(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    no_kwargs(vm, "frexp", kwargs)?;
    check_nargs(vm, "frexp", args, 1, 1)?;
    let x = to_f64(vm, &args[0])?;
    let (m, e) = if x == 0.0 || !x.is_finite() {
        (x, 0)
    } else {
        libm::frexp(x)
    };
    Ok(vm.new_tuple(alloc::vec![Value::Float(m), Value::Int(e as i64)]))
}

fn m_ldexp(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    no_kwargs(vm, "ldexp", kwargs)?;
    check_nargs(vm, "ldexp", args, 2, 2)?;
    let x = to_f64(vm, &args[0])?;
    let e = match classify(&vm.builtin_base(&args[1])) {
        Some(Num::I(i)) => i.clamp(-100_000, 100_000) as i32,
        Some(Num::B(b)) => {
            if b.is_negative() {
                -100_000
            } else {
                100_000
            }
        }
        _ => return Err(vm.type_error("Expected an int as second argument to ldexp.")),
    };
    if x == 0.0 || !x.is_finite() {
        return Ok(Value::Float(x));
    }
    let r = libm::ldexp(x, e);
    if r.is_infinite() {
        return Err(range_err(vm));
    }
    Ok(Value::Float(r))
}

fn m_modf(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    no_kwargs(vm, "modf", kwargs)?;
    check_nargs(vm, "modf", args, 1, 1)?;
    let x = to_f64(vm, &args[0])?;
    let (f, i) = if x.is_infinite() {
        (libm::copysign(0.0, x), x)
    } else {
        libm::modf(x)
    };
    Ok(vm.new_tuple(alloc::vec![Value::Float(f), Value::Float(i)]))
}

fn m_isfinite(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    no_kwargs(vm, "isfinite", kwargs)?;
    check_nargs(vm, "isfinite", args, 1, 1)?;
    Ok(Value::Bool(to_f64(vm, &args[0])?.is_finite()))
}

fn m_isinf(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    no_kwargs(vm, "isinf", kwargs)?;
    check_nargs(vm, "isinf", args, 1, 1)?;
    Ok(Value::Bool(to_f64(vm, &args[0])?.is_infinite()))
}

fn m_isnan(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    no_kwargs(vm, "isnan", kwargs)?;
    check_nargs(vm, "isnan", args, 1, 1)?;
    Ok(Value::Bool(to_f64(vm, &args[0])?.is_nan()))
}

fn m_isclose(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    let a = number::parse_args(
        vm,
        "isclose",
        args,
        kwargs,
        &["a", "b", "rel_tol", "abs_tol"],
        0,
        2,
        2,
    )?;
    let x = to_f64(vm, a[0].as_ref().unwrap_or(&Value::None))?;
    let y = to_f64(vm, a[1].as_ref().unwrap_or(&Value::None))?;
    let rel = match &a[2] {
        Some(v) => to_f64(vm, v)?,
        None => 1e-9,
    };
    let abs = match &a[3] {
        Some(v) => to_f64(vm, v)?,
        None => 0.0,
    };
    if rel < 0.0 || abs < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    if x == y {
        return Ok(Value::Bool(true));
    }
    if x.is_infinite() || y.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = libm::fabs(y - x);
    Ok(Value::Bool(
        diff <= libm::fabs(rel * y) || diff <= libm::fabs(rel * x) || diff <= abs,
    ))
}

/// CPython's `vector_norm`: the Euclidean norm of `vec` (finite magnitudes up to `max`), accurate
/// to within one ulp, using exact products and compensated sums.
fn vector_norm(vec: &mut [f64], max: f64, found_nan: bool) -> f64 {
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let (_, max_e) = libm::frexp(max);
    if max_e < -1023 {
        for x in vec.iter_mut() {
            *x /= f64::MIN_POSITIVE;
        }
        return f64::MIN_POSITIVE * vector_norm(vec, max / f64::MIN_POSITIVE, found_nan);
    }
    let scale = libm::ldexp(1.0, -max_e);
    let (mut csum, mut frac1, mut frac2) = (1.0f64, 0.0f64, 0.0f64);
    for &x in vec.iter() {
        let x = x * scale;
        let (ph, pl) = dl_mul(x, x);
        let (sh, sl) = dl_fast_sum(csum, ph);
        csum = sh;
        frac1 += pl;
        frac2 += sl;
    }
    let mut h = libm::sqrt(csum - 1.0 + (frac1 + frac2));
    let (ph, pl) = dl_mul(-h, h);
    let (sh, sl) = dl_fast_sum(csum, ph);
    csum = sh;
    frac1 += pl;
    frac2 += sl;
    let x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    h / scale
}

fn dl_mul(x: f64, y: f64) -> (f64, f64) {
    let hi = x * y;
    (hi, libm::fma(x, y, -hi))
}

fn dl_fast_sum(a: f64, b: f64) -> (f64, f64) {
    let hi = a + b;
    (hi, (a - hi) + b)
}

fn norm_of(mut v: Vec<f64>) -> f64 {
    let mut max = 0.0f64;
    let mut nan = false;
    for x in v.iter_mut() {
        *x = libm::fabs(*x);
        nan |= x.is_nan();
        if *x > max {
            max = *x;
        }
    }
    vector_norm(&mut v, max, nan)
}

/// `hypot(x, y)` computed like `math.hypot` (within one ulp; what `abs(complex)` uses, since
/// CPython's C library hypot is correctly rounded where `libm::hypot` is not always).
pub fn hypot(x: f64, y: f64) -> f64 {
    let mut v = [libm::fabs(x), libm::fabs(y)];
    let max = if v[0] > v[1] { v[0] } else { v[1] };
    vector_norm(&mut v, max, x.is_nan() || y.is_nan())
}

fn m_hypot(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    no_kwargs(vm, "hypot", kwargs)?;
    let mut v = Vec::with_capacity(args.len());
    for a in args {
        v.push(to_f64(vm, a)?);
    }
    Ok(Value::Float(norm_of(v)))
}

fn m_dist(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    no_kwargs(vm, "dist", kwargs)?;
    check_nargs(vm, "dist", args, 2, 2)?;
    for a in args {
        if a.as_tuple().is_none()
            && !matches!(a, Value::Obj(o) if matches!(&**o, PyObject::List(_)))
        {
            let tn = vm.type_name(a);
            return Err(vm.type_error(format!("dist() argument must be tuple, not {}", tn)));
        }
    }
    let p = vm.collect(&args[0])?;
    let q = vm.collect(&args[1])?;
    if p.len() != q.len() {
        return Err(vm.value_error("both points must have the same number of dimensions"));
    }
    let mut v = Vec::with_capacity(p.len());
    for (a, b) in p.iter().zip(q.iter()) {
        let (x, y) = (to_f64(vm, a)?, to_f64(vm, b)?);
        v.push(x - y);
    }
    Ok(Value::Float(norm_of(v)))
}

/// `math.fsum`: CPython's exactly rounded sum (Shewchuk's partials with half-even correction).
pub fn fsum_values(vm: &mut Vm, items: &[Value]) -> PyResult<f64> {
    let mut p: Vec<f64> = Vec::new();
    let (mut special_sum, mut inf_sum) = (0.0f64, 0.0f64);
    for item in items {
        let mut x = to_f64(vm, item)?;
        let xsave = x;
        let mut i = 0;
        for j in 0..p.len() {
            let mut y = p[j];
            if libm::fabs(x) < libm::fabs(y) {
                core::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let yr = hi - x;
            let lo = y - yr;
            if lo != 0.0 {
                p[i] = lo;
                i += 1;
            }
            x = hi;
        }
        p.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                if xsave.is_finite() {
                    return Err(vm.overflow_error("intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                p.clear();
            } else {
                p.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(vm.value_error("-inf + inf in fsum"));
        }
        return Ok(special_sum);
    }
    let mut hi = 0.0;
    let mut n = p.len();
    if n > 0 {
        n -= 1;
        hi = p[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = p[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(hi)
}

fn m_fsum(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    no_kwargs(vm, "fsum", kwargs)?;
    check_nargs(vm, "fsum", args, 1, 1)?;
    let items = vm.collect(&args[0])?;
    Ok(Value::Float(fsum_values(vm, &items)?))
}

fn m_prod(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    let a = number::parse_args(vm, "prod", args, kwargs, &["iterable", "start"], 1, 1, 1)?;
    let mut acc = a[1].clone().unwrap_or(Value::Int(1));
    let it = vm.iter(a[0].as_ref().unwrap_or(&Value::None))?;
    while let Some(x) = vm.next(&it)? {
        acc = vm.binary_op(&acc, &x, BinOp::Mult)?;
    }
    Ok(acc)
}

fn big_arg(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    let iv = number::to_int_value(vm, v)?;
    Ok(crate::objint::to_bigint(&iv).unwrap_or_default())
}

/// The product lo * (lo+1) * ... * (hi-1), by binary splitting.
fn range_product(lo: u64, hi: u64) -> BigInt {
    if hi <= lo {
        return BigInt::one();
    }
    if hi - lo <= 16 {
        let mut acc = BigInt::one();
        let mut small: u64 = 1;
        for k in lo..hi {
            match small.checked_mul(k) {
                Some(s) => small = s,
                None => {
                    acc *= small;
                    small = k;
                }
            }
        }
        return acc * small;
    }
    let mid = lo + (hi - lo) / 2;
    range_product(lo, mid) * range_product(mid, hi)
}

fn m_factorial(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    no_kwargs(vm, "factorial", kwargs)?;
    check_nargs(vm, "factorial", args, 1, 1)?;
    if let Some(Num::F(_)) = classify(&args[0]) {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = big_arg(vm, &args[0])?;
    if n.is_negative() {
        return Err(vm.value_error("factorial() not defined for negative values"));
    }
    let n = match n.to_u64() {
        Some(n) if n <= i64::MAX as u64 => n,
        _ => {
            return Err(
                vm.overflow_error("factorial() argument should not exceed 9223372036854775807")
            )
        }
    };
    if n > 20_000_000 {
        return Err(vm.err(ExcKind::MemoryError, ""));
    }
    Ok(Value::from_bigint(range_product(2, n + 1)))
}

fn m_gcd(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    no_kwargs(vm, "gcd", kwargs)?;
    let mut g = BigInt::zero();
    for a in args {
        let x = big_arg(vm, a)?;
        g = g.gcd(&x);
    }
    Ok(Value::from_bigint(g))
}

fn m_lcm(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    no_kwargs(vm, "lcm", kwargs)?;
    let mut l = BigInt::one();
    for a in args {
        let x = big_arg(vm, a)?;
        if x.is_zero() || l.is_zero() {
            l = BigInt::zero();
            continue;
        }
        l = l.lcm(&x);
    }
    Ok(Value::from_bigint(l))
}

fn m_isqrt(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    no_kwargs(vm, "isqrt", kwargs)?;
    check_nargs(vm, "isqrt", args, 1, 1)?;
    let n = big_arg(vm, &args[0])?;
    if n.is_negative() {
        return Err(vm.value_error("isqrt() argument must be nonnegative"));
    }
    Ok(Value::from_bigint(n.sqrt()))
}

fn comb_perm_args(vm: &mut Vm, args: &[Value]) -> PyResult<(BigInt, Option<BigInt>)> {
    let n = big_arg(vm, &args[0])?;
    let k = match args.get(1) {
        Some(Value::None) | None => None,
        Some(k) => Some(big_arg(vm, k)?),
    };
    if n.is_negative() {
        return Err(vm.value_error("n must be a non-negative integer"));
    }
    if let Some(k) = &k {
        if k.is_negative() {
            return Err(vm.value_error("k must be a non-negative integer"));
        }
    }
    Ok((n, k))
}

fn m_comb(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    no_kwargs(vm, "comb", kwargs)?;
    check_nargs(vm, "comb", args, 2, 2)?;
    let (n, k) = comb_perm_args(vm, args)?;
    let k = k.unwrap_or_default();
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = core::cmp::min(k.clone(), &n - &k);
    let k = match k.to_u64() {
        Some(k) if k <= 50_000_000 => k,
        _ => return Err(vm.overflow_error(format!("min(n - k, k) must not exceed {}", i64::MAX))),
    };
    let mut r = BigInt::one();
    for i in 0..k {
        r *= &n - BigInt::from(i);
        r /= BigInt::from(i + 1);
    }
    Ok(Value::from_bigint(r))
}

fn m_perm(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    no_kwargs(vm, "perm", kwargs)?;
    check_nargs(vm, "perm", args, 1, 2)?;
    let (n, k) = comb_perm_args(vm, args)?;
    let k = match k {
        Some(k) => k,
        None => {
            let nv = Value::from_bigint(n);
            return m_factorial(vm, &[nv], &[]);
        }
    };
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = match k.to_u64() {
        Some(k) if k <= 50_000_000 => k,
        _ => return Err(vm.overflow_error(format!("k must not exceed {}", i64::MAX))),
    };
    let mut r = BigInt::one();
    for i in 0..k {
        r *= &n - BigInt::from(i);
    }
    Ok(Value::from_bigint(r))
}

/// Create the `math` module.
pub fn init_module(vm: &mut Vm) -> PyResult<Obj> {
    let m = vm.new_module("math");
    let funcs: &[(&'static str, NativeFn)] = &[
        ("sqrt", m_sqrt),
        ("fabs", m_fabs),
        ("exp", m_exp),
        ("exp2", m_exp2),
        ("expm1", m_expm1),
        ("log", m_log),
        ("log2", m_log2),
        ("log10", m_log10),
        ("log1p", m_log1p),
        ("pow", m_pow),
        ("sin", m_sin),
        ("cos", m_cos),
        ("tan", m_tan),
        ("asin", m_asin),
        ("acos", m_acos),
        ("atan", m_atan),
        ("atan2", m_atan2),
        ("sinh", m_sinh),
        ("cosh", m_cosh),
        ("tanh", m_tanh),
        ("asinh", m_asinh),
        ("acosh", m_acosh),
        ("atanh", m_atanh),
        ("degrees", m_degrees),
        ("radians", m_radians),
        ("hypot", m_hypot),
        ("dist", m_dist),
        ("copysign", m_copysign),
        ("fmod", m_fmod),
        ("remainder", m_remainder),
        ("frexp", m_frexp),
        ("ldexp", m_ldexp),
        ("modf", m_modf),
        ("isfinite", m_isfinite),
        ("isinf", m_isinf),
        ("isnan", m_isnan),
        ("isclose", m_isclose),
        ("ceil", m_ceil),
        ("floor", m_floor),
        ("trunc", m_trunc),
        ("factorial", m_factorial),
        ("gcd", m_gcd),
        ("lcm", m_lcm),
        ("comb", m_comb),
        ("perm", m_perm),
        ("isqrt", m_isqrt),
        ("prod", m_prod),
        ("fsum", m_fsum),
        ("erf", m_erf),
        ("erfc", m_erfc),
        ("gamma", m_gamma),
        ("lgamma", m_lgamma),
        ("nextafter", m_nextafter),
        ("ulp", m_ulp),
        ("cbrt", m_cbrt),
    ];
    if let PyObject::Module(module) = &*m {
        if let PyObject::Dict(d) = &*module.dict {
            let mut d = d.borrow_mut();
            for (name, func) in funcs {
                d.set_str(
                    name,
                    Value::Obj(Rc::new(PyObject::Builtin(Builtin {
                        name,
                        func: *func,
                        bound: None,
                        method: false,
                    }))),
                );
            }
            d.set_str("pi", Value::Float(core::f64::consts::PI));
            d.set_str("e", Value::Float(core::f64::consts::E));
            d.set_str("tau", Value::Float(core::f64::consts::TAU));
            d.set_str("inf", Value::Float(f64::INFINITY));
            d.set_str("nan", Value::Float(f64::NAN));
        }
    }
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::number::tests::{new_vm, repr_num, val};
    use alloc::string::String;

    fn arg(vm: &mut Vm, s: &str) -> Value {
        if let Some(rest) = s.strip_prefix("L:") {
            let items: Vec<Value> = rest.split(';').map(|x| val(vm, x)).collect();
            return vm.new_list(items);
        }
        if let Some(rest) = s.strip_prefix("T:") {
            let items: Vec<Value> = rest.split(';').map(|x| val(vm, x)).collect();
            return vm.new_tuple(items);
        }
        val(vm, s)
    }

    #[test]
    fn functions_match_cpython() {
        let cases: &[(&str, &[&str], &str)] = &[
        ("sqrt", &["2"], "1.4142135623730951"),
        ("sqrt", &["-1"], "E:ValueError: math domain error"),
        ("exp", &["1000"], "E:OverflowError: math range error"),
        ("log", &["10"], "2.302585092994046"),
        ("log", &["0"], "E:ValueError: math domain error"),
        ("log", &["10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"], "921.0340371976182"),
        ("log2", &["1024"], "10.0"),
        ("log10", &["10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"], "400.0"),
        ("log1p", &["-1"], "E:ValueError: math domain error"),
        ("sin", &["1"], "0.8414709848078965"),
        ("cos", &["1"], "0.5403023058681398"),
        ("tan", &["1"], "1.5574077246549023"),
        ("sin", &["inf"], "E:ValueError: math domain error"),
        ("asin", &["2"], "E:ValueError: math domain error"),
        ("atan", &["1"], "0.7853981633974483"),
        ("sinh", &["1"], "1.1752011936438014"),
        ("cosh", &["1000"], "E:OverflowError: math range error"),
        ("tanh", &["0.5"], "0.46211715726000974"),
        ("asinh", &["1"], "0.881373587019543"),
        ("acosh", &["0.5"], "E:ValueError: math domain error"),
        ("atanh", &["1"], "E:ValueError: math domain error"),
        ("atanh", &["0.5"], "0.5493061443340548"),
        ("erf", &["0.5"], "0.5204998778130465"),
        ("erfc", &["0.5"], "0.4795001221869535"),
        ("gamma", &["5"], "24.0"),
        ("gamma", &["0.5"], "1.7724538509055159"),
        ("gamma", &["0"], "E:ValueError: math domain error"),
        ("gamma", &["-1"], "E:ValueError: math domain error"),
        ("gamma", &["200"], "E:OverflowError: math range error"),
        ("lgamma", &["0"], "E:ValueError: math domain error"),
        ("floor", &["-2.5"], "-3"),
        ("ceil", &["-2.5"], "-2"),
        ("trunc", &["-2.5"], "-2"),
        ("floor", &["1e+30"], "1000000000000000019884624838656"),
        ("factorial", &["25"], "15511210043330985984000000"),
        ("factorial", &["-1"], "E:ValueError: factorial() not defined for negative values"),
        ("isqrt", &["10000000000000000000000000000000000000001"], "100000000000000000000"),
        ("isqrt", &["-1"], "E:ValueError: isqrt() argument must be nonnegative"),
        ("fabs", &["-3"], "3.0"),
        ("degrees", &["1"], "57.29577951308232"),
        ("radians", &["180"], "3.141592653589793"),
        ("expm1", &["1e-10"], "1.00000000005e-10"),
        ("ulp", &["1.0"], "2.220446049250313e-16"),
        ("ulp", &["0.0"], "5e-324"),
        ("frexp", &["8.0"], "(0.5, 4)"),
        ("modf", &["-3.5"], "(-0.5, -3.0)"),
        ("fsum", &["L:0.1;0.1;0.1;0.1;0.1;0.1;0.1;0.1;0.1;0.1"], "1.0"),
        ("fsum", &["L:1e+100;1.0;-1e+100;1e-100;1e+50;-1.0;-1e+50"], "1e-100"),
        ("fsum", &["L:1e+308;1e+308"], "E:OverflowError: intermediate overflow in fsum"),
        ("fsum", &["L:inf;-inf"], "E:ValueError: -inf + inf in fsum"),
        ("hypot", &["3", "4"], "5.0"),
        ("hypot", &["1e+308", "1e+308"], "1.4142135623730951e+308"),
        ("hypot", &["1", "2", "3"], "3.7416573867739413"),
        ("hypot", &["0.1", "0.2"], "0.223606797749979"),
        ("pow", &["2", "0.5"], "1.4142135623730951"),
        ("pow", &["0", "-1"], "E:ValueError: math domain error"),
        ("pow", &["-1", "0.5"], "E:ValueError: math domain error"),
        ("pow", &["10", "400"], "E:OverflowError: math range error"),
        ("pow", &["-8", "0.3333333333333333"], "E:ValueError: math domain error"),
        ("fmod", &["-7", "3"], "-1.0"),
        ("fmod", &["1", "0"], "E:ValueError: math domain error"),
        ("remainder", &["7", "4"], "-1.0"),
        ("copysign", &["1", "-0.0"], "-1.0"),
        ("atan2", &["1", "-1"], "2.356194490192345"),
        ("ldexp", &["1.5", "3"], "12.0"),
        ("ldexp", &["1", "2000"], "E:OverflowError: math range error"),
        ("gcd", &["12", "18", "27"], "3"),
        ("gcd", &[], "0"),
        ("lcm", &["4", "6", "10"], "60"),
        ("lcm", &["0", "5"], "0"),
        ("comb", &["50", "20"], "47129212243960"),
        ("comb", &["5", "7"], "0"),
        ("perm", &["10", "3"], "720"),
        ("perm", &["5"], "120"),
        ("comb", &["-1", "2"], "E:ValueError: n must be a non-negative integer"),
        ("dist", &["T:0;0", "T:3;4"], "5.0"),
        ("isclose", &["1.0", "1.0000000001"], "True"),
        ("isclose", &["1.0", "1.1"], "False"),
        ("nextafter", &["1.0", "2.0"], "1.0000000000000002"),
        ("log", &["8", "2"], "3.0"),
        ("log", &["100", "10"], "2.0"),
        ("log", &["2", "1"], "E:ZeroDivisionError: float division by zero"),
        ("exp2", &["10"], "1024.0"),
        ("factorial", &["2.0"], "E:TypeError: 'float' object cannot be interpreted as an integer"),
        ("isfinite", &["1e+308"], "True"),
        ("isinf", &["-inf"], "True"),
        ("isnan", &["nan"], "True"),
        ("factorial", &["30"], "265252859812191058636308480000000"),
        ("gcd", &["-1180591620717411303424", "221073919720733357899776"], "1073741824"),
        ("isqrt", &["1606938044258990275541962092341162602522202993782792835301376"], "1267650600228229401496703205376"),
        ("hypot", &["1e-320", "1e-320"], "1.414e-320"),
        ("fsum", &["L:1;1e-16;1e-16"], "1.0000000000000002"),
        ("log", &["114813069527425452423283320117768198402231770208869520047764273682576626139237031385665948631650626991844596463898746277344711896086305533142593135616665318539129989145312280000688779148240044871428926990063486244781615463646388363947317026040466353970904996558162398808944629605623311649536164221970332681344168908984458505602379484807914058900934776500429002716706625830522008132236281291761267883317206598995396418127021779858404042159853183251540889433902091920554957783589672039160081957216630582755380425583726015528348786419432054508915275783882625175435528800822842770817965453762184851149029376", "2"], "2000.0000000000002"),
        ];
        let mut vm = new_vm();
        let module = init_module(&mut vm).expect("module");
        let dict = match &*module {
            PyObject::Module(m) => m.dict.clone(),
            _ => panic!("not a module"),
        };
        let mut failures: Vec<String> = Vec::new();
        for (name, args, want) in cases {
            let f = match &*dict {
                PyObject::Dict(d) => d.borrow().get_str(name).cloned(),
                _ => None,
            };
            let func = match f {
                Some(Value::Obj(o)) => match &*o {
                    PyObject::Builtin(b) => b.func,
                    _ => panic!("not builtin"),
                },
                _ => panic!("missing {}", name),
            };
            let argv: Vec<Value> = args.iter().map(|a| arg(&mut vm, a)).collect();
            let got = match func(&mut vm, &argv, &[]) {
                Ok(v) => repr_num(&v),
                Err(e) => format!("E:{}: {}", vm.type_name(&e.0), number::err_text(&e)),
            };
            if got != *want {
                failures.push(format!("{}{:?}: got {} want {}", name, args, got, want));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}
