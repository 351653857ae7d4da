//! The `int` and `bool` types: methods, constructors, and conversion to and from text.

use alloc::format;
use alloc::rc::Rc;
use alloc::string::String;
use alloc::vec::Vec;

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::ast::{BinOp, CmpOp};
use crate::number::{self, classify, parse_args, Num};
use crate::types;
use crate::value::{Builtin, PyObject, Str};
use crate::vm::Vm;
use crate::{PyResult, Value};

/// `repr()` of an int value (small or big).
pub fn int_repr(v: &Value) -> String {
    match classify(v) {
        Some(Num::I(i)) => itoa_buf(i),
        Some(Num::B(b)) => b.to_str_radix(10),
        _ => String::new(),
    }
}

fn itoa_buf(i: i64) -> String {
    let mut tmp = [0u8; 20];
    let mut n = i.unsigned_abs();
    let mut pos = tmp.len();
    loop {
        pos -= 1;
        tmp[pos] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let mut s = String::with_capacity(21);
    if i < 0 {
        s.push('-');
    }
    for &c in &tmp[pos..] {
        s.push(c as char);
    }
    s
}

/// The BigInt value of an int or bool; None for anything else.
pub fn to_bigint(v: &Value) -> Option<BigInt> {
    match classify(v)? {
        Num::I(i) => Some(BigInt::from(i)),
        Num::B(b) => Some(b.clone()),
        _ => None,
    }
}

/// An int in base 2, 8 or 16 (or any 2..=36), optionally with the `0b`/`0o`/`0x` prefix after the
/// sign (`-0x1f`).
pub fn int_to_radix(v: &Value, radix: u32, prefix: bool) -> String {
    let (neg, digits) = match classify(v) {
        Some(Num::I(i)) => {
            let m = i.unsigned_abs();
            let d = match radix {
                2 => format!("{:b}", m),
                8 => format!("{:o}", m),
                16 => format!("{:x}", m),
                10 => format!("{}", m),
                _ => BigInt::from(m).to_str_radix(radix.clamp(2, 36)),
            };
            (i < 0, d)
        }
        Some(Num::B(b)) => (
            b.is_negative(),
            b.magnitude().to_str_radix(radix.clamp(2, 36)),
        ),
        _ => (false, String::from("0")),
    };
    let mut s = String::with_capacity(digits.len() + 3);
    if neg {
        s.push('-');
    }
    if prefix {
        s.push_str(match radix {
            2 => "0b",
            8 => "0o",
            16 => "0x",
            _ => "",
        });
    }
    s.push_str(&digits);
    s
}

/// The float value of an int, or OverflowError "int too large to convert to float".
pub fn int_to_f64(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match classify(v) {
        Some(Num::I(i)) => Ok(i as f64),
        Some(Num::B(b)) => number::bigint_to_f64(b)
            .ok_or_else(|| vm.overflow_error("int too large to convert to float")),
        _ => number::to_f64(vm, v),
    }
}

fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Parse the digits of an int literal as `int(s, base)` does (base 0 or 2..=36); None when invalid.
fn parse_int_text(s: &str, base: u32) -> Option<BigIntOrSmall> {
    let t = s.trim_matches(is_py_space);
    let (neg, mut body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let mut base = base;
    let lower2 = body.get(..2).map(|p| p.to_ascii_lowercase());
    let prefixed = match lower2.as_deref() {
        Some("0x") if base == 16 || base == 0 => Some(16),
        Some("0o") if base == 8 || base == 0 => Some(8),
        Some("0b") if base == 2 || base == 0 => Some(2),
        _ => None,
    };
    let mut after_prefix = false;
    if let Some(b) = prefixed {
        base = b;
        body = &body[2..];
        after_prefix = true;
    }
    let zero_check = base == 0;
    if base == 0 {
        base = 10;
    }
    // Validate underscores and digits; collect digit values.
    let mut digits: Vec<u8> = Vec::with_capacity(body.len());
    let mut prev_us = false;
    let mut allow_us = after_prefix;
    for c in body.chars() {
        if c == '_' {
            if !allow_us {
                return None;
            }
            allow_us = false;
            prev_us = true;
            continue;
        }
        let d = match c.to_digit(36) {
            Some(d) => d,
            None => unicode_digit(c)?,
        };
        if d >= base {
            return None;
        }
        digits.push(d as u8);
        allow_us = true;
        prev_us = false;
    }
    if digits.is_empty() || prev_us {
        return None;
    }
    if zero_check
        && prefixed.is_none()
        && digits.len() > 1
        && digits[0] == 0
        && digits.iter().any(|&d| d != 0)
    {
        return None;
    }
    // Small fast path.
    if digits.len() <= 12 || (base <= 16 && digits.len() <= 15) {
        let mut v: i64 = 0;
        for &d in &digits {
            v = v * base as i64 + d as i64;
        }
        return Some(BigIntOrSmall::Small(if neg { -v } else { v }));
    }
    let b = BigInt::from_radix_be(if neg { Sign::Minus } else { Sign::Plus }, &digits, base)?;
    Some(BigIntOrSmall::Big(b))
}

/// Unicode decimal digits (Arabic-Indic, Devanagari, fullwidth...): the common ranges.
fn unicode_digit(c: char) -> Option<u32> {
    const ZEROS: &[u32] = &[
        0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xE50,
        0xED0, 0xF20, 0x1040, 0x17E0, 0x1810, 0xFF10,
    ];
    let u = c as u32;
    ZEROS
        .iter()
        .find(|&&z| u >= z && u < z + 10)
        .map(|&z| u - z)
}

enum BigIntOrSmall {
    Small(i64),
    Big(BigInt),
}

/// `int(s, base)` for a str: CPython's syntax (sign, whitespace, `0x`/`0o`/`0b` prefixes,
/// underscores) and its ValueError message.
pub fn int_from_str(vm: &mut Vm, s: &str, base: u32) -> PyResult<Value> {
    match parse_int_text(s, base) {
        Some(BigIntOrSmall::Small(i)) => Ok(Value::Int(i)),
        Some(BigIntOrSmall::Big(b)) => Ok(Value::from_bigint(b)),
        None => {
            let shown: String = if s.chars().count() > 200 {
                s.chars().take(200).collect()
            } else {
                String::from(s)
            };
            let r = crate::objstr::str_repr(&shown);
            Err(vm.value_error(format!(
                "invalid literal for int() with base {}: {}",
                base, r
            )))
        }
    }
}

fn bytes_of(v: &Value) -> Option<Vec<u8>> {
    match v {
        Value::Obj(o) => match &**o {
            PyObject::Bytes(b) => Some(b.to_vec()),
            PyObject::ByteArray(b) => Some(b.borrow().clone()),
            // Other buffers (memoryview, array), as CPython's buffer protocol.
            PyObject::Native(_) => crate::objmemoryview::buffer_bytes(v),
            _ => None,
        },
        _ => None,
    }
}

/// `int(x)` without a base.
pub fn int_of(vm: &mut Vm, x: &Value) -> PyResult {
    match classify(x) {
        Some(Num::I(i)) => return Ok(Value::Int(i)),
        Some(Num::B(_)) => return Ok(x.clone()),
        Some(Num::F(f)) => return number::float_to_int(vm, f),
        _ => {}
    }
    if let Value::Str(s) = x {
        return int_from_str(vm, s.as_str(), 10);
    }
    if let Some(b) = bytes_of(x) {
        return int_from_bytes_text(vm, &b, 10);
    }
    if matches!(x, Value::Obj(o) if matches!(&**o, PyObject::Instance(_) | PyObject::Native(_))) {
        for name in ["__int__", "__index__"] {
            if let Some(r) = vm.call_special(x, name, &[]) {
                let r = r?;
                let b = vm.builtin_base(&r);
                if number::is_int(&b) {
                    return int_of(vm, &b);
                }
                let tn = vm.type_name(&r);
                return Err(vm.type_error(format!("{} returned non-int (type {})", name, tn)));
            }
        }
        if let Some(r) = vm.call_special(x, "__trunc__", &[]) {
            let r = r?;
            let b = vm.builtin_base(&r);
            if number::is_int(&b) {
                return int_of(vm, &b);
            }
            return number::to_int_value(vm, &r);
        }
        let base = vm.builtin_base(x);
        if !base.is(x) && !base.is_none() {
            return int_of(vm, &base);
        }
    }
    let tn = vm.type_name(x);
    Err(vm.type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        tn
    )))
}

fn int_from_bytes_text(vm: &mut Vm, b: &[u8], base: u32) -> PyResult {
    match core::str::from_utf8(b) {
        Ok(s) if s.is_ascii() => match parse_int_text(s, base) {
            Some(BigIntOrSmall::Small(i)) => Ok(Value::Int(i)),
            Some(BigIntOrSmall::Big(b)) => Ok(Value::from_bigint(b)),
            None => {
                let r = crate::objbytes::bytes_repr(b);
                Err(vm.value_error(format!(
                    "invalid literal for int() with base {}: {}",
                    base, r
                )))
            }
        },
        _ => {
            let r = crate::objbytes::bytes_repr(b);
            Err(vm.value_error(format!(
                "invalid literal for int() with base {}: {}",
                base, r
            )))
        }
    }
}

fn int_new(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    // `int(x)` of a small int or a float that fits in i64 (truncation toward zero): no
    // argument parsing.
    if let ([Value::Obj(c), x], []) = (args, kwargs) {
        if Rc::ptr_eq(c, &vm.types.int) {
            match x {
                Value::Int(i) => return Ok(Value::Int(*i)),
                Value::Float(f) if f.is_finite() && f.abs() < 9.2e18 => {
                    return Ok(Value::Int(*f as i64))
                }
                _ => {}
            }
        }
    }
    let cls = match args.first() {
        Some(Value::Obj(c)) => c.clone(),
        _ => return Err(vm.type_error("int.__new__(X): X is not a type object")),
    };
    let a = parse_args(vm, "int", &args[1..], kwargs, &["x", "base"], 1, 2, 0)?;
    let v = match (&a[0], &a[1]) {
        (None, None) => Value::Int(0),
        (None, Some(_)) => return Err(vm.type_error("int() missing string argument")),
        (Some(x), None) => int_of(vm, x)?,
        (Some(x), Some(b)) => {
            let base = vm.to_index(b)?;
            if base != 0 && !(2..=36).contains(&base) {
                return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0"));
            }
            let xb = vm.builtin_base(x);
            if let Value::Str(s) = &xb {
                int_from_str(vm, s.as_str(), base as u32)?
            } else if let Some(bytes) = crate::objbytes::bytes_data(&xb)
                .filter(|_| !matches!(&xb, Value::Obj(o) if matches!(&**o, PyObject::Native(_))))
            {
                int_from_bytes_text(vm, &bytes, base as u32)?
            } else {
                return Err(vm.type_error("int() can't convert non-string with explicit base"));
            }
        }
    };
    if Rc::ptr_eq(&cls, &vm.types.int) {
        Ok(v)
    } else {
        Ok(vm.new_subclass_instance(&cls, v))
    }
}

fn bool_new(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    number::no_kwargs(vm, "bool", kwargs)?;
    let rest = args.get(1..).unwrap_or(&[]);
    if rest.len() > 1 {
        return Err(vm.type_error(format!(
            "bool expected at most 1 argument, got {}",
            rest.len()
        )));
    }
    match rest.first() {
        None => Ok(Value::Bool(false)),
        Some(v) => Ok(Value::Bool(vm.truthy(v)?)),
    }
}

fn me(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Value> {
    number::self_num(vm, args, 0, name)
}

fn big_of(v: &Value) -> BigInt {
    to_bigint(v).unwrap_or_default()
}

fn int_bit_length(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let v = me(vm, args, "bit_length")?;
    Ok(Value::Int(match classify(&v) {
        Some(Num::I(i)) => 64 - i.unsigned_abs().leading_zeros() as i64,
        Some(Num::B(b)) => b.bits() as i64,
        _ => 0,
    }))
}

fn int_bit_count(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let v = me(vm, args, "bit_count")?;
    Ok(Value::Int(match classify(&v) {
        Some(Num::I(i)) => i.unsigned_abs().count_ones() as i64,
        Some(Num::B(b)) => b
            .magnitude()
            .iter_u64_digits()
            .map(|d| d.count_ones() as i64)
            .sum(),
        _ => 0,
    }))
}

fn byteorder_arg(vm: &mut Vm, v: &Option<Value>) -> PyResult<bool> {
    match v {
        None => Ok(false),
        Some(Value::Str(s)) => match s.as_str() {
            "big" => Ok(false),
            "little" => Ok(true),
            _ => Err(vm.value_error("byteorder must be either 'little' or 'big'")),
        },
        Some(o) => {
            let tn = vm.type_name(o);
            Err(vm.type_error(format!(
                "to_bytes() argument 'byteorder' must be str, not {}",
                tn
            )))
        }
    }
}

fn int_to_bytes(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    let v = me(vm, args, "to_bytes")?;
    let a = parse_args(
        vm,
        "to_bytes",
        &args[1..],
        kwargs,
        &["length", "byteorder", "signed"],
        0,
        2,
        0,
    )?;
    let length = match &a[0] {
        Some(l) => vm.to_index(l)?,
        None => 1,
    };
    if length < 0 {
        return Err(vm.value_error("length argument must be non-negative"));
    }
    let little = byteorder_arg(vm, &a[1])?;
    let signed = match &a[2] {
        Some(s) => vm.truthy(s)?,
        None => false,
    };
    let b = big_of(&v);
    if !signed && b.is_negative() {
        return Err(vm.overflow_error("can't convert negative int to unsigned"));
    }
    let length = length as usize;
    let mut bytes = if signed {
        b.to_signed_bytes_le()
    } else {
        b.to_bytes_le().1
    };
    if b.is_zero() {
        bytes.clear();
    }
    if bytes.len() > length {
        return Err(vm.overflow_error("int too big to convert"));
    }
    let fill = if signed && b.is_negative() { 0xff } else { 0 };
    bytes.resize(length, fill);
    if !little {
        bytes.reverse();
    }
    Ok(Value::bytes_vec(bytes))
}

fn int_from_bytes(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    let cls = args.first().cloned().unwrap_or(Value::None);
    let a = parse_args(
        vm,
        "from_bytes",
        args.get(1..).unwrap_or(&[]),
        kwargs,
        &["bytes", "byteorder", "signed"],
        0,
        2,
        1,
    )?;
    let src = a[0].clone().unwrap_or(Value::None);
    let data = match bytes_of(&vm.builtin_base(&src)) {
        Some(d) => d,
        None => {
            if matches!(src, Value::Str(_)) {
                return Err(vm.type_error("cannot convert 'str' object to bytes"));
            }
            let items = vm.collect(&src)?;
            let mut d = Vec::with_capacity(items.len());
            for it in items {
                let n = vm.to_index(&it)?;
                if !(0..=255).contains(&n) {
                    return Err(vm.value_error("bytes must be in range(0, 256)"));
                }
                d.push(n as u8);
            }
            d
        }
    };
    let little = byteorder_arg(vm, &a[1])?;
    let signed = match &a[2] {
        Some(s) => vm.truthy(s)?,
        None => false,
    };
    let r = match (little, signed) {
        (true, true) => BigInt::from_signed_bytes_le(&data),
        (true, false) => BigInt::from_bytes_le(Sign::Plus, &data),
        (false, true) => BigInt::from_signed_bytes_be(&data),
        (false, false) => BigInt::from_bytes_be(Sign::Plus, &data),
    };
    let v = Value::from_bigint(r);
    match &cls {
        Value::Obj(c) if !Rc::ptr_eq(c, &vm.types.int) && matches!(&**c, PyObject::Type(_)) => {
            vm.call(&cls, &[v])
        }
        _ => Ok(v),
    }
}

fn int_as_integer_ratio(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let v = me(vm, args, "as_integer_ratio")?;
    let v = if let Value::Bool(b) = v {
        Value::Int(b as i64)
    } else {
        v
    };
    Ok(vm.new_tuple(alloc::vec![v, Value::Int(1)]))
}

fn int_identity(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let v = me(vm, args, "conjugate")?;
    Ok(match v {
        Value::Bool(b) => Value::Int(b as i64),
        v => v,
    })
}

fn int_zero(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    me(vm, args, "imag")?;
    Ok(Value::Int(0))
}

fn int_one(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    me(vm, args, "denominator")?;
    Ok(Value::Int(1))
}

fn int_float(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let v = me(vm, args, "__float__")?;
    Ok(Value::Float(int_to_f64(vm, &v)?))
}

fn int_abs(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let v = me(vm, args, "__abs__")?;
    number::builtin_abs(vm, &[v], &[])
}

fn int_neg(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let v = me(vm, args, "__neg__")?;
    number::unary(vm, "-", &v).unwrap_or(Ok(Value::NotImplemented))
}

fn int_pos(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let v = me(vm, args, "__pos__")?;
    number::unary(vm, "+", &v).unwrap_or(Ok(Value::NotImplemented))
}

fn int_invert(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let v = me(vm, args, "__invert__")?;
    number::unary(vm, "~", &v).unwrap_or(Ok(Value::NotImplemented))
}

fn int_bool(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let v = me(vm, args, "__bool__")?;
    Ok(Value::Bool(!matches!(classify(&v), Some(Num::I(0)))))
}

fn int_hash(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let v = me(vm, args, "__hash__")?;
    Ok(Value::Int(vm.hash(&v)?))
}

fn int_repr_m(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let v = me(vm, args, "__repr__")?;
    if let Value::Bool(b) = v {
        return Ok(Value::str(if b { "True" } else { "False" }));
    }
    Ok(Value::string(int_repr(&v)))
}

fn int_getnewargs(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let v = int_identity(vm, args, &[])?;
    Ok(vm.new_tuple(alloc::vec![v]))
}

/// `round(int, ndigits)`: the int itself for ndigits None or >= 0, else rounded half to even to a
/// multiple of 10**-ndigits.
pub fn int_round(vm: &mut Vm, v: &Value, ndigits: &Value) -> PyResult {
    let v = match v {
        Value::Bool(b) => Value::Int(*b as i64),
        v => v.clone(),
    };
    if ndigits.is_none() {
        return Ok(v);
    }
    let nd = number::to_int_value(vm, ndigits)?;
    let nd = match classify(&nd) {
        Some(Num::I(n)) => n,
        Some(Num::B(b)) => {
            if b.is_negative() {
                return Ok(Value::Int(0));
            }
            return Ok(v);
        }
        _ => 0,
    };
    if nd >= 0 {
        return Ok(v);
    }
    let x = big_of(&v);
    if nd < -(x.bits() as i64 / 3 + 2) {
        return Ok(Value::Int(0));
    }
    let p = num_traits::Pow::pow(BigInt::from(10), nd.unsigned_abs());
    let (mut q, r) = x.div_mod_floor(&p);
    let twice: BigInt = r * 2;
    if twice > p || (twice == p && q.is_odd()) {
        q += 1;
    }
    Ok(Value::from_bigint(q * p))
}

fn int_round_m(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let v = me(vm, args, "__round__")?;
    let nd = args.get(1).cloned().unwrap_or(Value::None);
    int_round(vm, &v, &nd)
}

fn int_format(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let v = me(vm, args, "__format__")?;
    let spec = args.get(1).cloned().unwrap_or(Value::str(""));
    let spec = vm.expect_str(&spec, "format spec")?;
    let spec = String::from(spec);
    let s = crate::format::format_value(vm, &v, &spec)?;
    Ok(Value::Str(s))
}

macro_rules! int_binops {
    ($(($f:ident, $rf:ident, $name:literal, $rname:literal, $op:expr)),* $(,)?) => {
        $(
            fn $f(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
                number::num_dunder(vm, args, $op, false, 0, $name)
            }
            fn $rf(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
                number::num_dunder(vm, args, $op, true, 0, $rname)
            }
        )*
        const INT_BINOPS: &[(&str, crate::value::NativeFn)] = &[$(($name, $f), ($rname, $rf)),*];
    };
}

int_binops! {
    (i_add, i_radd, "__add__", "__radd__", BinOp::Add),
    (i_sub, i_rsub, "__sub__", "__rsub__", BinOp::Sub),
    (i_mul, i_rmul, "__mul__", "__rmul__", BinOp::Mult),
    (i_truediv, i_rtruediv, "__truediv__", "__rtruediv__", BinOp::Div),
    (i_floordiv, i_rfloordiv, "__floordiv__", "__rfloordiv__", BinOp::FloorDiv),
    (i_mod, i_rmod, "__mod__", "__rmod__", BinOp::Mod),
    (i_pow, i_rpow, "__pow__", "__rpow__", BinOp::Pow),
    (i_lshift, i_rlshift, "__lshift__", "__rlshift__", BinOp::LShift),
    (i_rshift, i_rrshift, "__rshift__", "__rrshift__", BinOp::RShift),
    (i_and, i_rand, "__and__", "__rand__", BinOp::BitAnd),
    (i_or, i_ror, "__or__", "__ror__", BinOp::BitOr),
    (i_xor, i_rxor, "__xor__", "__rxor__", BinOp::BitXor),
}

fn i_divmod(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let a = me(vm, args, "__divmod__")?;
    let b = vm.builtin_base(args.get(1).unwrap_or(&Value::None));
    if !number::is_int(&b) {
        return Ok(Value::NotImplemented);
    }
    number::num_divmod(vm, &a, &b).unwrap_or(Ok(Value::NotImplemented))
}

fn i_rdivmod(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let a = me(vm, args, "__rdivmod__")?;
    let b = vm.builtin_base(args.get(1).unwrap_or(&Value::None));
    if !number::is_int(&b) {
        return Ok(Value::NotImplemented);
    }
    number::num_divmod(vm, &b, &a).unwrap_or(Ok(Value::NotImplemented))
}

macro_rules! cmp_dunders {
    ($level:expr, $table:ident, $(($f:ident, $name:literal, $op:expr)),* $(,)?) => {
        $(
            fn $f(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
                number::num_cmp_dunder(vm, args, $op, $level, $name)
            }
        )*
        const $table: &[(&str, crate::value::NativeFn)] = &[$(($name, $f)),*];
    };
}

cmp_dunders! {0, INT_CMPS,
    (i_lt, "__lt__", CmpOp::Lt),
    (i_le, "__le__", CmpOp::LtE),
    (i_eq, "__eq__", CmpOp::Eq),
    (i_ne, "__ne__", CmpOp::NotEq),
    (i_gt, "__gt__", CmpOp::Gt),
    (i_ge, "__ge__", CmpOp::GtE),
}

/// A read-only property whose getter is a native function.
pub(crate) fn native_property(name: &'static str, f: crate::value::NativeFn) -> Value {
    let getter = Value::Obj(Rc::new(PyObject::Builtin(Builtin {
        name,
        func: f,
        bound: None,
        method: true,
    })));
    Value::Obj(Rc::new(PyObject::Property {
        fget: getter,
        fset: Value::None,
        fdel: Value::None,
        doc: Value::None,
    }))
}

/// Add int's and bool's methods to their types.
pub(crate) fn init(vm: &mut Vm) {
    let int = vm.types.int.clone();
    types::add_static_methods(&int, &[("__new__", int_new)]);
    types::add_class_methods(&int, &[("from_bytes", int_from_bytes)]);
    types::add_methods(
        &int,
        &[
            ("bit_length", int_bit_length),
            ("bit_count", int_bit_count),
            ("to_bytes", int_to_bytes),
            ("as_integer_ratio", int_as_integer_ratio),
            ("conjugate", int_identity),
            ("__index__", int_identity),
            ("__int__", int_identity),
            ("__trunc__", int_identity),
            ("__floor__", int_identity),
            ("__ceil__", int_identity),
            ("__float__", int_float),
            ("__abs__", int_abs),
            ("__neg__", int_neg),
            ("__pos__", int_pos),
            ("__invert__", int_invert),
            ("__bool__", int_bool),
            ("__hash__", int_hash),
            ("__repr__", int_repr_m),
            ("__round__", int_round_m),
            ("__format__", int_format),
            ("__getnewargs__", int_getnewargs),
            ("__divmod__", i_divmod),
            ("__rdivmod__", i_rdivmod),
        ],
    );
    types::add_methods(&int, INT_BINOPS);
    types::add_methods(&int, INT_CMPS);
    types::set_attr(&int, "real", native_property("real", int_identity));
    types::set_attr(
        &int,
        "numerator",
        native_property("numerator", int_identity),
    );
    types::set_attr(&int, "imag", native_property("imag", int_zero));
    types::set_attr(&int, "denominator", native_property("denominator", int_one));
    let b = vm.types.bool_.clone();
    types::add_static_methods(&b, &[("__new__", bool_new)]);
    types::add_methods(&b, &[("__repr__", int_repr_m)]);
}

/// The value as i64 if it is a small int or bool.
pub fn as_i64(v: &Value) -> Option<i64> {
    match classify(v)? {
        Num::I(i) => Some(i),
        Num::B(b) => b.to_i64(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::number::tests::new_vm;

    const INT_PARSE: &[(&str, u32, &str)] = &[
        ("0", 10, "0"),
        ("0", 0, "0"),
        ("0", 16, "0"),
        ("-0", 10, "0"),
        ("-0", 0, "0"),
        ("-0", 16, "0"),
        ("  12  ", 10, "12"),
        ("  12  ", 0, "12"),
        ("  12  ", 16, "18"),
        ("1_000", 10, "1000"),
        ("1_000", 0, "1000"),
        ("1_000", 16, "4096"),
        (
            "1__0",
            10,
            "E:invalid literal for int() with base 10: '1__0'",
        ),
        ("1__0", 0, "E:invalid literal for int() with base 0: '1__0'"),
        (
            "1__0",
            16,
            "E:invalid literal for int() with base 16: '1__0'",
        ),
        ("_1", 10, "E:invalid literal for int() with base 10: '_1'"),
        ("_1", 0, "E:invalid literal for int() with base 0: '_1'"),
        ("_1", 16, "E:invalid literal for int() with base 16: '_1'"),
        ("1_", 10, "E:invalid literal for int() with base 10: '1_'"),
        ("1_", 0, "E:invalid literal for int() with base 0: '1_'"),
        ("1_", 16, "E:invalid literal for int() with base 16: '1_'"),
        (
            "0x1f",
            10,
            "E:invalid literal for int() with base 10: '0x1f'",
        ),
        ("0x1f", 0, "31"),
        ("0x1f", 16, "31"),
        (
            "0X1F",
            10,
            "E:invalid literal for int() with base 10: '0X1F'",
        ),
        ("0X1F", 0, "31"),
        ("0X1F", 16, "31"),
        (
            "0o17",
            10,
            "E:invalid literal for int() with base 10: '0o17'",
        ),
        ("0o17", 0, "15"),
        (
            "0o17",
            16,
            "E:invalid literal for int() with base 16: '0o17'",
        ),
        (
            "0b101",
            10,
            "E:invalid literal for int() with base 10: '0b101'",
        ),
        ("0b101", 0, "5"),
        ("0b101", 16, "45313"),
        (
            "-0x1f",
            10,
            "E:invalid literal for int() with base 10: '-0x1f'",
        ),
        ("-0x1f", 0, "-31"),
        ("-0x1f", 16, "-31"),
        ("010", 10, "10"),
        ("010", 0, "E:invalid literal for int() with base 0: '010'"),
        ("010", 16, "16"),
        ("00", 10, "0"),
        ("00", 0, "0"),
        ("00", 16, "0"),
        ("0_0", 10, "0"),
        ("0_0", 0, "0"),
        ("0_0", 16, "0"),
        ("+5", 10, "5"),
        ("+5", 0, "5"),
        ("+5", 16, "5"),
        ("- 5", 10, "E:invalid literal for int() with base 10: '- 5'"),
        ("- 5", 0, "E:invalid literal for int() with base 0: '- 5'"),
        ("- 5", 16, "E:invalid literal for int() with base 16: '- 5'"),
        ("12a", 10, "E:invalid literal for int() with base 10: '12a'"),
        ("12a", 0, "E:invalid literal for int() with base 0: '12a'"),
        ("12a", 16, "298"),
        ("", 10, "E:invalid literal for int() with base 10: ''"),
        ("", 0, "E:invalid literal for int() with base 0: ''"),
        ("", 16, "E:invalid literal for int() with base 16: ''"),
        ("  ", 10, "E:invalid literal for int() with base 10: '  '"),
        ("  ", 0, "E:invalid literal for int() with base 0: '  '"),
        ("  ", 16, "E:invalid literal for int() with base 16: '  '"),
        ("\u{663}\u{664}", 10, "34"),
        ("\u{663}\u{664}", 0, "34"),
        ("\u{663}\u{664}", 16, "52"),
        ("99999999999999999999999", 10, "99999999999999999999999"),
        ("99999999999999999999999", 0, "99999999999999999999999"),
        (
            "99999999999999999999999",
            16,
            "2971056094284912659757898137",
        ),
        (
            "-123456789012345678901234567890",
            10,
            "-123456789012345678901234567890",
        ),
        (
            "-123456789012345678901234567890",
            0,
            "-123456789012345678901234567890",
        ),
        (
            "-123456789012345678901234567890",
            16,
            "-94522879687365475552814062743484560",
        ),
        (
            "0x_1f",
            10,
            "E:invalid literal for int() with base 10: '0x_1f'",
        ),
        ("0x_1f", 0, "31"),
        ("0x_1f", 16, "31"),
        ("0x", 10, "E:invalid literal for int() with base 10: '0x'"),
        ("0x", 0, "E:invalid literal for int() with base 0: '0x'"),
        ("0x", 16, "E:invalid literal for int() with base 16: '0x'"),
        ("1e5", 10, "E:invalid literal for int() with base 10: '1e5'"),
        ("1e5", 0, "E:invalid literal for int() with base 0: '1e5'"),
        ("1e5", 16, "485"),
    ];

    #[test]
    fn parse_matches_cpython() {
        let mut vm = new_vm();
        for (s, base, want) in INT_PARSE {
            let got = match int_from_str(&mut vm, s, *base) {
                Ok(v) => int_repr(&v),
                Err(e) => alloc::format!("E:{}", crate::number::err_text(&e)),
            };
            assert_eq!(got, *want, "int({:?}, {})", s, base);
        }
    }

    #[test]
    fn radix_and_repr() {
        let mut vm = new_vm();
        let big = int_from_str(&mut vm, "-123456789012345678901234567890", 10).expect("int");
        assert_eq!(int_to_radix(&big, 16, true), "-0x18ee90ff6c373e0ee4e3f0ad2");
        assert_eq!(int_to_radix(&Value::Int(-31), 16, true), "-0x1f");
        assert_eq!(int_to_radix(&Value::Int(5), 2, true), "0b101");
        assert_eq!(int_to_radix(&Value::Int(0), 8, true), "0o0");
        assert_eq!(int_repr(&Value::Int(i64::MIN)), "-9223372036854775808");
        assert_eq!(int_repr(&Value::Bool(true)), "1");
        assert_eq!(int_repr(&big), "-123456789012345678901234567890");
    }

    #[test]
    fn round_negative_ndigits() {
        let mut vm = new_vm();
        let cases = [
            (15, -1, 20),
            (25, -1, 20),
            (-25, -1, -20),
            (1234, -2, 1200),
            (1250, -2, 1200),
            (1350, -2, 1400),
            (5, -5, 0),
            (7, 2, 7),
        ];
        for (x, nd, want) in cases {
            let r = int_round(&mut vm, &Value::Int(x), &Value::Int(nd)).expect("round");
            assert_eq!(as_i64(&r), Some(want), "round({}, {})", x, nd);
        }
    }
}
