//! String formatting: the format-spec mini-language (`format()`, f-strings, `str.format`) and
//! `%`-formatting for str and bytes.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use num_bigint::{BigInt, Sign};
use num_traits::ToPrimitive;

use crate::exceptions::ExcKind;
use crate::value::{PyObject, Str};
use crate::vm::Vm;
use crate::{PyResult, Value};

/// A parsed format specification `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
#[derive(Clone, Debug, PartialEq)]
pub struct FormatSpec {
    /// Fill character.
    pub fill: char,
    /// Alignment (`<`, `>`, `^`, `=`), None for the type's default.
    pub align: Option<char>,
    /// Sign (`+`, `-`, ` `), None for the default.
    pub sign: Option<char>,
    /// `z`: coerce negative zero to positive.
    pub z: bool,
    /// `#`: alternate form.
    pub alt: bool,
    /// Minimum width in characters.
    pub width: usize,
    /// Thousands separator (`,` or `_`).
    pub grouping: Option<char>,
    /// Precision.
    pub precision: Option<usize>,
    /// Presentation type.
    pub ty: Option<char>,
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '^' | '=')
}

fn read_num(chars: &[char], pos: &mut usize) -> Option<Option<usize>> {
    let start = *pos;
    let mut n: usize = 0;
    while *pos < chars.len() && chars[*pos].is_ascii_digit() {
        n = n
            .checked_mul(10)?
            .checked_add(chars[*pos] as usize - '0' as usize)?;
        *pos += 1;
    }
    Some(if *pos == start { None } else { Some(n) })
}

/// Parse a format spec; `type_name` names the formatted object's type for error messages.
pub fn parse_spec(vm: &mut Vm, spec: &str, type_name: &str) -> PyResult<FormatSpec> {
    let chars: Vec<char> = spec.chars().collect();
    let mut f = FormatSpec {
        fill: ' ',
        align: None,
        sign: None,
        z: false,
        alt: false,
        width: 0,
        grouping: None,
        precision: None,
        ty: None,
    };
    let mut pos = 0;
    let mut fill_given = false;
    if chars.len() >= 2 && is_align(chars[1]) {
        f.fill = chars[0];
        f.align = Some(chars[1]);
        fill_given = true;
        pos = 2;
    } else if !chars.is_empty() && is_align(chars[0]) {
        f.align = Some(chars[0]);
        pos = 1;
    }
    if pos < chars.len() && matches!(chars[pos], '+' | '-' | ' ') {
        f.sign = Some(chars[pos]);
        pos += 1;
    }
    if pos < chars.len() && chars[pos] == 'z' {
        f.z = true;
        pos += 1;
    }
    if pos < chars.len() && chars[pos] == '#' {
        f.alt = true;
        pos += 1;
    }
    if pos < chars.len() && chars[pos] == '0' && !fill_given {
        f.fill = '0';
        if f.align.is_none() {
            f.align = Some('0');
        }
        pos += 1;
    }
    let too_many = "Too many decimal digits in format string";
    match read_num(&chars, &mut pos) {
        Some(w) => f.width = w.unwrap_or(0),
        None => return Err(vm.value_error(too_many)),
    }
    if pos < chars.len() && chars[pos] == ',' {
        f.grouping = Some(',');
        pos += 1;
    }
    if pos < chars.len() && chars[pos] == '_' {
        if f.grouping.is_some() {
            return Err(vm.value_error("Cannot specify both ',' and '_'."));
        }
        f.grouping = Some('_');
        pos += 1;
    }
    if pos < chars.len() && chars[pos] == ',' {
        return Err(vm.value_error("Cannot specify both ',' and '_'."));
    }
    if pos < chars.len() && chars[pos] == '.' {
        pos += 1;
        match read_num(&chars, &mut pos) {
            Some(Some(p)) => f.precision = Some(p),
            Some(None) => return Err(vm.value_error("Format specifier missing precision")),
            None => return Err(vm.value_error(too_many)),
        }
    }
    if chars.len() - pos > 1 {
        return Err(vm.value_error(format!(
            "Invalid format specifier '{}' for object of type '{}'",
            spec, type_name
        )));
    }
    if pos < chars.len() {
        f.ty = Some(chars[pos]);
    }
    if let Some(g) = f.grouping {
        let ok = match f.ty {
            None => true,
            Some(t) => {
                matches!(t, 'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F')
                    || (g == '_' && matches!(t, 'b' | 'o' | 'x' | 'X'))
            }
        };
        if !ok {
            let t = f.ty.unwrap_or(' ');
            return Err(vm.value_error(format!("Cannot specify '{}' with '{}'.", g, t)));
        }
    }
    Ok(f)
}

impl FormatSpec {
    /// The effective alignment given the default; the '0' flag means '=' for numbers.
    fn align_or(&self, default: char) -> char {
        match self.align {
            Some('0') => {
                if default == '<' {
                    '<'
                } else {
                    '='
                }
            }
            Some(a) => a,
            None => default,
        }
    }
}

/// Pad `text` (of `len` characters) to `width` with `fill` according to `align` (`<`, `>`, `^`).
fn pad_text(text: &str, len: usize, fill: char, align: char, width: usize) -> String {
    if len >= width {
        return String::from(text);
    }
    let total = width - len;
    let (left, right) = match align {
        '<' => (0, total),
        '^' => (total / 2, total - total / 2),
        _ => (total, 0),
    };
    let mut out = String::with_capacity(text.len() + total * fill.len_utf8());
    for _ in 0..left {
        out.push(fill);
    }
    out.push_str(text);
    for _ in 0..right {
        out.push(fill);
    }
    out
}

/// Insert `sep` every `every` digits (from the right), zero-extending up to `min_width` characters.
fn group_digits(
    digits: &str,
    sep: Option<char>,
    every: usize,
    min_width: usize,
    zero_fill: bool,
) -> String {
    let d = digits.as_bytes();
    let mut rev: Vec<char> = Vec::with_capacity(d.len() + d.len() / 3 + 1);
    let mut count = 0usize;
    for &c in d.iter().rev() {
        if let Some(s) = sep {
            if count > 0 && count.is_multiple_of(every) {
                rev.push(s);
            }
        }
        rev.push(c as char);
        count += 1;
    }
    if zero_fill {
        while rev.len() < min_width {
            match sep {
                Some(s) if count > 0 && count.is_multiple_of(every) && rev.last() != Some(&s) => {
                    rev.push(s)
                }
                _ => {
                    rev.push('0');
                    count += 1;
                }
            }
        }
        if let Some(s) = sep {
            if rev.last() == Some(&s) {
                rev.push('0');
            }
        }
    }
    rev.iter().rev().collect()
}

/// Assemble a formatted number: `sign_prefix` (sign and `0x`-style prefix), integer `digits`
/// (grouped), then `rest` (fraction, exponent, suffix), padded per the spec.
fn finish_number(
    spec: &FormatSpec,
    sign_prefix: &str,
    digits: &str,
    rest: &str,
    every: usize,
) -> String {
    let align = spec.align_or('>');
    let head = sign_prefix.chars().count();
    let tail = rest.chars().count();
    let zero_fill = align == '=' && spec.fill == '0';
    let min = if zero_fill {
        spec.width.saturating_sub(head + tail)
    } else {
        0
    };
    let sep = if spec.ty == Some('n') {
        None
    } else {
        spec.grouping
    };
    let grouped = if sep.is_some() || zero_fill {
        group_digits(digits, sep, every, min, zero_fill)
    } else {
        String::from(digits)
    };
    let body_len = head + grouped.chars().count() + tail;
    if align == '=' {
        let mut out = String::from(sign_prefix);
        for _ in body_len..spec.width {
            out.push(spec.fill);
        }
        out.push_str(&grouped);
        out.push_str(rest);
        out
    } else {
        let mut body = String::with_capacity(sign_prefix.len() + grouped.len() + rest.len());
        body.push_str(sign_prefix);
        body.push_str(&grouped);
        body.push_str(rest);
        pad_text(&body, body_len, spec.fill, align, spec.width)
    }
}

fn sign_str(negative: bool, sign: Option<char>) -> &'static str {
    if negative {
        "-"
    } else {
        match sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    }
}

/// An int value as (negative, magnitude digits in `base`).
fn int_digits(v: &Value, base: u32) -> (bool, String) {
    match v {
        Value::Int(i) => {
            let u = i.unsigned_abs();
            let s = match base {
                2 => format!("{:b}", u),
                8 => format!("{:o}", u),
                16 => format!("{:x}", u),
                _ => format!("{}", u),
            };
            (*i < 0, s)
        }
        Value::Bool(b) => (false, String::from(if *b { "1" } else { "0" })),
        Value::Obj(o) => match &**o {
            PyObject::BigInt(b) => (b.sign() == Sign::Minus, b.magnitude().to_str_radix(base)),
            _ => (false, String::from("0")),
        },
        _ => (false, String::from("0")),
    }
}

/// An int value (small, bool or big) as an f64, or OverflowError.
fn int_to_f64(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::Obj(o) => match &**o {
            PyObject::BigInt(b) => match b.to_f64() {
                Some(x) if x.is_finite() => Ok(x),
                _ => Err(vm.overflow_error("int too large to convert to float")),
            },
            _ => Ok(0.0),
        },
        _ => Ok(0.0),
    }
}

/// Format an int (small or big) with a parsed spec.
fn format_int(vm: &mut Vm, v: &Value, spec: &FormatSpec, tname: &str) -> PyResult<String> {
    let ty = spec.ty.unwrap_or('d');
    if matches!(ty, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') {
        let x = int_to_f64(vm, v)?;
        return format_float_spec(vm, x, spec, tname);
    }
    let base = match ty {
        'd' | 'n' | 'c' => 10,
        'b' => 2,
        'o' => 8,
        'x' | 'X' => 16,
        _ => {
            return Err(vm.value_error(format!(
                "Unknown format code '{}' for object of type '{}'",
                ty, tname
            )))
        }
    };
    if spec.z {
        return Err(
            vm.value_error("Negative zero coercion (z) not allowed in integer format specifier")
        );
    }
    if spec.precision.is_some() {
        return Err(vm.value_error("Precision not allowed in integer format specifier"));
    }
    if ty == 'c' {
        if spec.sign.is_some() {
            return Err(vm.value_error("Sign not allowed with integer format specifier 'c'"));
        }
        if spec.alt {
            return Err(
                vm.value_error("Alternate form (#) not allowed with integer format specifier 'c'")
            );
        }
        let code = match v {
            Value::Int(i) => *i,
            Value::Bool(b) => *b as i64,
            _ => -1,
        };
        let c = if (0..=0x10ffff).contains(&code) {
            char::from_u32(code as u32)
        } else {
            None
        };
        return match c {
            Some(c) => {
                let mut b = [0u8; 4];
                let s = c.encode_utf8(&mut b);
                let align = match spec.align_or('>') {
                    '=' => '>',
                    a => a,
                };
                Ok(pad_text(s, 1, spec.fill, align, spec.width))
            }
            None => Err(vm.overflow_error("%c arg not in range(0x110000)")),
        };
    }
    let (neg, mut digits) = int_digits(v, base);
    if ty == 'X' {
        digits.make_ascii_uppercase();
    }
    let mut head = String::from(sign_str(neg, spec.sign));
    if spec.alt {
        head.push_str(match ty {
            'b' => "0b",
            'o' => "0o",
            'x' => "0x",
            'X' => "0X",
            _ => "",
        });
    }
    let every = if base == 10 { 3 } else { 4 };
    Ok(finish_number(spec, &head, &digits, "", every))
}

/// `{:e}`-style exponent text in CPython's form (`e+05`).
fn exp_form(a: f64, prec: usize, upper: bool, alt: bool) -> String {
    let s = format!("{:.*e}", prec, a);
    let (mant, exp) = match s.split_once('e') {
        Some(p) => p,
        None => (s.as_str(), "0"),
    };
    let (esign, edigits) = match exp.strip_prefix('-') {
        Some(d) => ('-', d),
        None => ('+', exp),
    };
    let mut out = String::with_capacity(mant.len() + 6);
    out.push_str(mant);
    if alt && !mant.contains('.') {
        out.push('.');
    }
    out.push(if upper { 'E' } else { 'e' });
    out.push(esign);
    if edigits.len() < 2 {
        out.push('0');
    }
    out.push_str(edigits);
    out
}

/// The decimal exponent of `a` (> 0) after rounding to `sig` significant digits.
fn decimal_exponent(a: f64, sig: usize) -> i32 {
    if a == 0.0 {
        return 0;
    }
    let s = format!("{:.*e}", sig.saturating_sub(1), a);
    s.split_once('e')
        .and_then(|(_, e)| e.parse::<i32>().ok())
        .unwrap_or(0)
}

fn strip_trailing_zeros(s: &mut String) {
    if s.contains('.') {
        while s.ends_with('0') {
            s.pop();
        }
        if s.ends_with('.') {
            s.pop();
        }
    }
}

/// The text of a non-negative finite float for a presentation type (`e f g %`, `r` for repr-like
/// none type without precision, `z` for the none type with precision), without sign.
pub fn float_body(a: f64, ty: char, prec: Option<usize>, alt: bool) -> String {
    let upper = ty.is_ascii_uppercase();
    match ty.to_ascii_lowercase() {
        'f' => {
            let p = prec.unwrap_or(6);
            let mut s = format!("{:.*}", p, a);
            if alt && p == 0 {
                s.push('.');
            }
            s
        }
        '%' => {
            let p = prec.unwrap_or(6);
            let mut s = format!("{:.*}", p, a * 100.0);
            if alt && p == 0 {
                s.push('.');
            }
            s.push('%');
            s
        }
        'e' => exp_form(a, prec.unwrap_or(6), upper, alt),
        'r' => {
            let s = crate::objfloat::float_repr(a);
            if alt
                && !s.contains('.')
                && !s.contains('e')
                && !s.contains("inf")
                && !s.contains("nan")
            {
                let mut s = s;
                s.push('.');
                return s;
            }
            s
        }
        _ => {
            // 'g', 'n' and the none type with a precision ('z').
            let none_type = ty == 'z' || ty == 'Z';
            let p = match prec {
                Some(0) | None if !none_type => {
                    if prec.is_none() {
                        6
                    } else {
                        1
                    }
                }
                Some(0) => 1,
                Some(p) => p,
                None => 6,
            };
            let exp = decimal_exponent(a, p);
            let limit = if none_type { p as i32 - 1 } else { p as i32 };
            let mut s = if exp >= -4 && exp < limit {
                let fp = (p as i32 - 1 - exp).max(0) as usize;
                format!("{:.*}", fp, a)
            } else {
                exp_form(a, p - 1, upper, false)
            };
            if !alt {
                if let Some(epos) = s.find(['e', 'E']) {
                    let mut mant = String::from(&s[..epos]);
                    strip_trailing_zeros(&mut mant);
                    mant.push_str(&s[epos..]);
                    s = mant;
                } else {
                    strip_trailing_zeros(&mut s);
                }
            } else if !s.contains('.') {
                if let Some(epos) = s.find(['e', 'E']) {
                    s.insert(epos, '.');
                } else {
                    s.push('.');
                }
            }
            if none_type && !s.contains('.') && !s.contains(['e', 'E']) {
                s.push_str(".0");
            }
            s
        }
    }
}

/// Format a float with a parsed spec.
fn format_float_spec(vm: &mut Vm, x: f64, spec: &FormatSpec, tname: &str) -> PyResult<String> {
    let ty = match spec.ty {
        None => {
            if spec.precision.is_some() {
                'z'
            } else {
                'r'
            }
        }
        Some(t @ ('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%')) => t,
        Some(t) => {
            return Err(vm.value_error(format!(
                "Unknown format code '{}' for object of type '{}'",
                t, tname
            )))
        }
    };
    let mut negative = x.is_sign_negative() && !x.is_nan();
    let a = x.abs();
    let mut body = if x.is_finite() {
        float_body(a, ty, spec.precision, spec.alt)
    } else {
        let mut s = String::from(if x.is_nan() { "nan" } else { "inf" });
        if ty.is_ascii_uppercase() {
            s.make_ascii_uppercase();
        }
        if ty == '%' {
            s.push('%');
        }
        s
    };
    if ty == 'Z' {
        body.make_ascii_uppercase();
    }
    if spec.z
        && negative
        && !body
            .split(['e', 'E'])
            .next()
            .unwrap_or("")
            .bytes()
            .any(|c| (b'1'..=b'9').contains(&c))
    {
        negative = false;
    }
    let split = body
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(body.len());
    let (digits, rest) = body.split_at(split);
    Ok(finish_number(
        spec,
        sign_str(negative, spec.sign),
        digits,
        rest,
        3,
    ))
}

/// Format a str with a parsed spec.
fn format_str_spec(vm: &mut Vm, s: &str, spec: &FormatSpec, tname: &str) -> PyResult<String> {
    match spec.ty {
        None | Some('s') => {}
        Some(t) => {
            return Err(vm.value_error(format!(
                "Unknown format code '{}' for object of type '{}'",
                t, tname
            )))
        }
    }
    if spec.sign.is_some() {
        return Err(vm.value_error("Sign not allowed in string format specifier"));
    }
    if spec.z {
        return Err(
            vm.value_error("Negative zero coercion (z) not allowed in string format specifier")
        );
    }
    if spec.alt {
        return Err(vm.value_error("Alternate form (#) not allowed in string format specifier"));
    }
    if spec.align == Some('=') {
        return Err(vm.value_error("'=' alignment not allowed in string format specifier"));
    }
    let text = match spec.precision {
        Some(p) => match s.char_indices().nth(p) {
            Some((i, _)) => &s[..i],
            None => s,
        },
        None => s,
    };
    let len = if text.is_ascii() {
        text.len()
    } else {
        text.chars().count()
    };
    Ok(pad_text(
        text,
        len,
        spec.fill,
        spec.align_or('<'),
        spec.width,
    ))
}

/// `format(value, spec)`.
pub fn format_value(vm: &mut Vm, value: &Value, spec: &str) -> PyResult<crate::value::Str> {
    format_value_string(vm, value, spec)
        .map(|s| alloc::rc::Rc::new(crate::value::PyStr::from_string(s)))
}

/// `format(value, spec)` as a Rust String.
pub fn format_value_string(vm: &mut Vm, value: &Value, spec: &str) -> PyResult<String> {
    match value {
        Value::Str(s) => {
            if spec.is_empty() {
                return Ok(String::from(s.as_str()));
            }
            let f = parse_spec(vm, spec, "str")?;
            format_str_spec(vm, s.as_str(), &f, "str")
        }
        Value::Int(i) if spec.is_empty() => Ok(format!("{}", i)),
        Value::Int(_) => {
            let f = parse_spec(vm, spec, "int")?;
            format_int(vm, value, &f, "int")
        }
        Value::Bool(b) if spec.is_empty() => Ok(String::from(if *b { "True" } else { "False" })),
        Value::Bool(_) => {
            let f = parse_spec(vm, spec, "bool")?;
            format_int(vm, value, &f, "bool")
        }
        Value::Float(x) => {
            if spec.is_empty() {
                return Ok(crate::objfloat::float_repr(*x));
            }
            let f = parse_spec(vm, spec, "float")?;
            format_float_spec(vm, *x, &f, "float")
        }
        Value::Obj(o) => match &**o {
            PyObject::BigInt(b) => {
                if spec.is_empty() {
                    return Ok(format!("{}", b));
                }
                let f = parse_spec(vm, spec, "int")?;
                format_int(vm, value, &f, "int")
            }
            PyObject::Instance(_) | PyObject::Native(_) => {
                if let Some(m) = vm.lookup_special(value, "__format__") {
                    let is_native_slot = matches!(&m, Value::Obj(mo) if matches!(&**mo, PyObject::Builtin(b) if b.name.starts_with("object.")));
                    if !is_native_slot {
                        let r = vm.call_unbound(&m, &[value.clone(), Value::str(spec)])?;
                        return match vm.builtin_base(&r) {
                            Value::Str(s) => Ok(String::from(s.as_str())),
                            _ => {
                                let tn = vm.type_name(&r);
                                Err(vm.type_error(format!(
                                    "__format__ must return a str, not {}",
                                    tn
                                )))
                            }
                        };
                    }
                }
                let base = vm.builtin_base(value);
                if !base.is(value) && !base.is_none() {
                    if spec.is_empty() {
                        return Ok(String::from(vm.str_of(value)?.as_str()));
                    }
                    return format_value_string(vm, &base, spec);
                }
                object_format(vm, value, spec)
            }
            _ => object_format(vm, value, spec),
        },
        _ => object_format(vm, value, spec),
    }
}

/// `object.__format__`: `str(value)` for an empty spec, TypeError otherwise.
fn object_format(vm: &mut Vm, value: &Value, spec: &str) -> PyResult<String> {
    if !spec.is_empty() {
        let tn = vm.type_name(value);
        return Err(vm.type_error(format!(
            "unsupported format string passed to {}.__format__",
            tn
        )));
    }
    Ok(String::from(vm.str_of(value)?.as_str()))
}

/// Escape every non-ASCII character of `text` as `\xhh`, `\uhhhh` or `\Uhhhhhhhh` (as `ascii()`
/// does to a repr).
pub fn ascii_escape(text: &str) -> String {
    if text.is_ascii() {
        return String::from(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        let n = c as u32;
        if n < 0x80 {
            out.push(c);
        } else if n < 0x100 {
            out.push_str(&format!("\\x{:02x}", n));
        } else if n < 0x10000 {
            out.push_str(&format!("\\u{:04x}", n));
        } else {
            out.push_str(&format!("\\U{:08x}", n));
        }
    }
    out
}

/// `ascii(s)` for a str: its repr with non-ASCII characters escaped.
pub fn ascii_repr(s: &str) -> String {
    ascii_escape(&crate::objstr::str_repr(s))
}

/// `repr(v)` with fast paths for common built-in values.
fn repr_fast(vm: &mut Vm, v: &Value) -> PyResult<String> {
    Ok(match v {
        Value::Str(s) => crate::objstr::str_repr(s.as_str()),
        Value::Int(i) => format!("{}", i),
        Value::Bool(b) => String::from(if *b { "True" } else { "False" }),
        Value::None => String::from("None"),
        Value::Float(x) => crate::objfloat::float_repr(*x),
        Value::Obj(o) if matches!(&**o, PyObject::Bytes(_)) => match &**o {
            PyObject::Bytes(b) => crate::objbytes::bytes_repr(b),
            _ => String::new(),
        },
        _ => String::from(vm.repr(v)?.as_str()),
    })
}

/// `str(v)` with fast paths for common built-in values.
fn str_fast(vm: &mut Vm, v: &Value) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(String::from(s.as_str())),
        Value::Int(_) | Value::Bool(_) | Value::None | Value::Float(_) => repr_fast(vm, v),
        _ => Ok(String::from(vm.str_of(v)?.as_str())),
    }
}

// ----- str.format ------------------------------------------------------------------------------

/// Where `str.format` finds named fields.
enum Named<'a> {
    Pairs(&'a [(Str, Value)]),
    Map(&'a Value),
}

/// Auto/manual field numbering state.
#[derive(Clone, Copy, PartialEq)]
enum Numbering {
    Unknown,
    Auto(usize),
    Manual,
}

/// `fmt.format(*args, **kwargs)`.
pub fn str_format(
    vm: &mut Vm,
    fmt: &str,
    args: &[Value],
    kwargs: &[(Str, Value)],
) -> PyResult<String> {
    let mut numbering = Numbering::Unknown;
    format_impl(vm, fmt, args, &Named::Pairs(kwargs), &mut numbering, 2)
}

/// `fmt.format_map(mapping)`.
pub fn str_format_map(vm: &mut Vm, fmt: &str, mapping: &Value) -> PyResult<String> {
    let mut numbering = Numbering::Unknown;
    format_impl(vm, fmt, &[], &Named::Map(mapping), &mut numbering, 2)
}

fn format_impl(
    vm: &mut Vm,
    fmt: &str,
    args: &[Value],
    named: &Named,
    numbering: &mut Numbering,
    depth: u32,
) -> PyResult<String> {
    if depth == 0 {
        return Err(vm.value_error("Max string recursion exceeded"));
    }
    let b = fmt.as_bytes();
    let mut out = String::with_capacity(fmt.len() + 16);
    let mut i = 0;
    let mut lit_start = 0;
    while i < b.len() {
        match b[i] {
            b'{' => {
                out.push_str(&fmt[lit_start..i]);
                if b.get(i + 1) == Some(&b'{') {
                    out.push('{');
                    i += 2;
                    lit_start = i;
                    continue;
                }
                if i + 1 == b.len() {
                    return Err(vm.value_error("Single '{' encountered in format string"));
                }
                // Find the matching '}'.
                let mut level = 1;
                let mut j = i + 1;
                let mut in_bracket = false;
                while j < b.len() {
                    match b[j] {
                        b'[' if level == 1 => in_bracket = true,
                        b']' if level == 1 => in_bracket = false,
                        b'{' if !in_bracket => level += 1,
                        b'}' if !in_bracket || level > 1 => {
                            level -= 1;
                            if level == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    j += 1;
                }
                if level != 0 {
                    return Err(vm.value_error("expected '}' before end of string"));
                }
                let field = &fmt[i + 1..j];
                let piece = format_field(vm, field, args, named, numbering, depth)?;
                out.push_str(&piece);
                i = j + 1;
                lit_start = i;
            }
            b'}' => {
                out.push_str(&fmt[lit_start..i]);
                if b.get(i + 1) == Some(&b'}') {
                    out.push('}');
                    i += 2;
                    lit_start = i;
                    continue;
                }
                return Err(vm.value_error("Single '}' encountered in format string"));
            }
            _ => i += 1,
        }
    }
    out.push_str(&fmt[lit_start..]);
    Ok(out)
}

fn format_field(
    vm: &mut Vm,
    field: &str,
    args: &[Value],
    named: &Named,
    numbering: &mut Numbering,
    depth: u32,
) -> PyResult<String> {
    // Split into name, conversion and spec (a '[' ... ']' in the name may hide ':' and '!').
    let fb = field.as_bytes();
    let mut k = 0;
    let mut in_bracket = false;
    while k < fb.len() {
        match fb[k] {
            b'[' => in_bracket = true,
            b']' => in_bracket = false,
            b'!' | b':' if !in_bracket => break,
            _ => {}
        }
        k += 1;
    }
    let name = &field[..k];
    let mut conv = None;
    let mut spec = "";
    if k < fb.len() && fb[k] == b'!' {
        let rest = &field[k + 1..];
        let mut it = rest.chars();
        match it.next() {
            None => {
                return Err(vm.value_error("end of string while looking for conversion specifier"))
            }
            Some(c) => {
                conv = Some(c);
                let after = it.as_str();
                if after.is_empty() {
                } else if let Some(s) = after.strip_prefix(':') {
                    spec = s;
                } else {
                    return Err(vm.value_error("expected ':' after conversion specifier"));
                }
            }
        }
    } else if k < fb.len() {
        spec = &field[k + 1..];
    }
    let obj = lookup_field(vm, name, args, named, numbering)?;
    let obj = match conv {
        None => obj,
        Some('r') => Value::string(repr_fast(vm, &obj)?),
        Some('s') => Value::string(str_fast(vm, &obj)?),
        Some('a') => {
            let r = repr_fast(vm, &obj)?;
            Value::string(ascii_escape(&r))
        }
        Some(c) => return Err(vm.value_error(format!("Unknown conversion specifier {}", c))),
    };
    let spec_owned;
    let spec = if spec.contains('{') {
        spec_owned = format_impl(vm, spec, args, named, numbering, depth - 1)?;
        spec_owned.as_str()
    } else {
        spec
    };
    format_value_string(vm, &obj, spec)
}

fn lookup_field(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    named: &Named,
    numbering: &mut Numbering,
) -> PyResult<Value> {
    let end = name.find(['.', '[']).unwrap_or(name.len());
    let first = &name[..end];
    let mut obj = if first.is_empty() || first.bytes().all(|c| c.is_ascii_digit()) {
        let idx = if first.is_empty() {
            match *numbering {
                Numbering::Manual => return Err(vm.value_error(
                    "cannot switch from manual field specification to automatic field numbering",
                )),
                Numbering::Unknown => {
                    *numbering = Numbering::Auto(1);
                    0
                }
                Numbering::Auto(n) => {
                    *numbering = Numbering::Auto(n + 1);
                    n
                }
            }
        } else {
            if let Numbering::Auto(_) = numbering {
                return Err(vm.value_error(
                    "cannot switch from automatic field numbering to manual field specification",
                ));
            }
            *numbering = Numbering::Manual;
            match first.parse::<usize>() {
                Ok(n) => n,
                Err(_) => return Err(vm.value_error("Too many decimal digits in format string")),
            }
        };
        if let Named::Map(_) = named {
            return Err(vm.value_error("Format string contains positional fields"));
        }
        match args.get(idx) {
            Some(v) => v.clone(),
            None => {
                return Err(vm.index_error(format!(
                    "Replacement index {} out of range for positional args tuple",
                    idx
                )))
            }
        }
    } else {
        match named {
            Named::Pairs(kw) => match kw.iter().find(|(k, _)| k.as_str() == first) {
                Some((_, v)) => v.clone(),
                None => return Err(vm.key_error(Value::str(first))),
            },
            Named::Map(m) => {
                let m = (*m).clone();
                getitem(vm, &m, Value::str(first))?
            }
        }
    };
    let rest = &name[end..];
    let rb = rest.as_bytes();
    let mut i = 0;
    while i < rb.len() {
        if rb[i] == b'.' {
            let s = i + 1;
            let mut e = s;
            while e < rb.len() && rb[e] != b'.' && rb[e] != b'[' {
                e += 1;
            }
            if e == s {
                return Err(vm.value_error("Empty attribute in format string"));
            }
            let n = vm.intern(&rest[s..e]);
            obj = vm.getattr(&obj, &n)?;
            i = e;
        } else if rb[i] == b'[' {
            let s = i + 1;
            let e = match rest[s..].find(']') {
                Some(p) => s + p,
                None => return Err(vm.value_error("Missing ']' in format string")),
            };
            let key_text = &rest[s..e];
            if key_text.is_empty() {
                return Err(vm.value_error("Empty attribute in format string"));
            }
            let key = if key_text.bytes().all(|c| c.is_ascii_digit()) {
                match key_text.parse::<i64>() {
                    Ok(n) => Value::Int(n),
                    Err(_) => Value::str(key_text),
                }
            } else {
                Value::str(key_text)
            };
            obj = getitem(vm, &obj, key)?;
            i = e + 1;
            if i < rb.len() && rb[i] != b'.' && rb[i] != b'[' {
                return Err(
                    vm.value_error("Only '.' or '[' may follow ']' in format field specifier")
                );
            }
        } else {
            return Err(vm.value_error("Only '.' or '[' may follow ']' in format field specifier"));
        }
    }
    Ok(obj)
}

/// `obj[key]` with fast paths for dicts, lists and tuples.
fn getitem(vm: &mut Vm, obj: &Value, key: Value) -> PyResult<Value> {
    if let Value::Obj(o) = obj {
        match &**o {
            PyObject::Dict(d) => {
                return match crate::dict::dict_get(vm, d, &key)? {
                    Some(v) => Ok(v),
                    None => Err(vm.key_error(key)),
                }
            }
            PyObject::List(_) | PyObject::Tuple(_) => {
                if let Value::Int(i) = key {
                    let item = match &**o {
                        PyObject::List(l) => {
                            let l = l.borrow();
                            let n = l.len() as i64;
                            let j = if i < 0 { i + n } else { i };
                            if j >= 0 && j < n {
                                Some(l[j as usize].clone())
                            } else {
                                None
                            }
                        }
                        PyObject::Tuple(t) => {
                            let n = t.len() as i64;
                            let j = if i < 0 { i + n } else { i };
                            if j >= 0 && j < n {
                                Some(t[j as usize].clone())
                            } else {
                                None
                            }
                        }
                        _ => None,
                    };
                    return match item {
                        Some(v) => Ok(v),
                        None => {
                            let what = if matches!(&**o, PyObject::List(_)) {
                                "list"
                            } else {
                                "tuple"
                            };
                            Err(vm.index_error(format!("{} index out of range", what)))
                        }
                    };
                }
            }
            _ => {}
        }
    }
    vm.call_method(obj, "__getitem__", &[key])
}

// ----- % formatting ----------------------------------------------------------------------------

/// `fmt % args` for str.
pub fn percent_format(vm: &mut Vm, fmt: &str, args: &Value) -> PyResult<String> {
    let out = percent_core(vm, fmt.as_bytes(), args, false)?;
    match String::from_utf8(out) {
        Ok(s) => Ok(s),
        Err(_) => Err(vm.err(ExcKind::SystemError, "invalid UTF-8 in formatted string")),
    }
}

/// `fmt % args` for bytes and bytearray.
pub fn percent_format_bytes(vm: &mut Vm, fmt: &[u8], args: &Value) -> PyResult<Vec<u8>> {
    percent_core(vm, fmt, args, true)
}

fn has_getitem(vm: &mut Vm, v: &Value) -> bool {
    match v {
        Value::Str(_) => true,
        Value::Obj(o) => match &**o {
            PyObject::Dict(_)
            | PyObject::List(_)
            | PyObject::Bytes(_)
            | PyObject::ByteArray(_)
            | PyObject::Range { .. } => true,
            PyObject::Instance(_) | PyObject::Native(_) => {
                vm.lookup_special(v, "__getitem__").is_some()
            }
            _ => false,
        },
        _ => false,
    }
}

/// The int value of `v` for `%d` (floats truncate) or for `%x`/`%o` (integers only).
fn percent_int(vm: &mut Vm, v: &Value, conv: char) -> PyResult<Value> {
    match v {
        Value::Int(_) => Ok(v.clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(x) if matches!(conv, 'd' | 'i' | 'u') => {
            if x.is_nan() {
                return Err(vm.value_error("cannot convert float NaN to integer"));
            }
            if x.is_infinite() {
                return Err(vm.overflow_error("cannot convert float infinity to integer"));
            }
            let t = libm::trunc(*x);
            if libm::fabs(t) < 9.0e18 {
                Ok(Value::Int(t as i64))
            } else {
                Ok(Value::from_bigint(float_to_bigint(t)))
            }
        }
        Value::Obj(o) if matches!(&**o, PyObject::BigInt(_)) => Ok(v.clone()),
        _ => {
            let base = vm.builtin_base(v);
            if !base.is(v) && !base.is_none() {
                return percent_int(vm, &base, conv);
            }
            let is_obj = matches!(v, Value::Obj(o) if matches!(&**o, PyObject::Instance(_) | PyObject::Native(_)));
            if is_obj {
                if let Some(r) = vm.call_special(v, "__index__", &[]) {
                    return r;
                }
                if matches!(conv, 'd' | 'i' | 'u') {
                    if let Some(r) = vm.call_special(v, "__int__", &[]) {
                        return r;
                    }
                }
            }
            let tn = vm.type_name(v);
            if matches!(conv, 'd' | 'i' | 'u') {
                Err(vm.type_error(format!(
                    "%{} format: a real number is required, not {}",
                    conv, tn
                )))
            } else {
                Err(vm.type_error(format!(
                    "%{} format: an integer is required, not {}",
                    conv, tn
                )))
            }
        }
    }
}

fn float_to_bigint(x: f64) -> BigInt {
    // x is finite and integral here; decompose it exactly.
    let bits = x.to_bits();
    let neg = bits >> 63 != 0;
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let mant = if exp == 0 {
        (bits & ((1 << 52) - 1)) << 1
    } else {
        (bits & ((1 << 52) - 1)) | (1 << 52)
    };
    let shift = exp - 1075;
    let m = BigInt::from(mant);
    let v = if shift >= 0 {
        m << (shift as usize)
    } else {
        m >> ((-shift) as usize)
    };
    if neg {
        -v
    } else {
        v
    }
}

/// The float value of `v` for `%f`-style conversions.
fn percent_float(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(x) => Ok(*x),
        Value::Int(_) | Value::Bool(_) => int_to_f64(vm, v),
        Value::Obj(o) if matches!(&**o, PyObject::BigInt(_)) => int_to_f64(vm, v),
        _ => {
            let base = vm.builtin_base(v);
            if !base.is(v) && !base.is_none() {
                return percent_float(vm, &base);
            }
            if matches!(v, Value::Obj(o) if matches!(&**o, PyObject::Instance(_) | PyObject::Native(_)))
            {
                if let Some(r) = vm.call_special(v, "__float__", &[]) {
                    let r = r?;
                    if let Value::Float(x) = r {
                        return Ok(x);
                    }
                    return Err(vm.type_error("__float__ returned non-float"));
                }
                if let Some(r) = vm.call_special(v, "__index__", &[]) {
                    let r = r?;
                    return int_to_f64(vm, &r);
                }
            }
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("must be real number, not {}", tn)))
        }
    }
}

/// Bytes of a bytes-like object, or None.
fn bytes_like(v: &Value) -> Option<Vec<u8>> {
    match v {
        Value::Obj(o) => match &**o {
            PyObject::Bytes(b) => Some(b.to_vec()),
            PyObject::ByteArray(b) => Some(b.borrow().clone()),
            _ => None,
        },
        _ => None,
    }
}

struct Flags {
    left: bool,
    plus: bool,
    space: bool,
    alt: bool,
    zero: bool,
}

/// Pad a converted piece for `%` formatting. `sign_len` leading bytes (sign and prefix) stay in
/// front of zero padding.
fn percent_pad(
    out: &mut Vec<u8>,
    piece: &[u8],
    chars: usize,
    sign_len: usize,
    width: usize,
    fl: &Flags,
    numeric: bool,
) {
    if chars >= width {
        out.extend_from_slice(piece);
        return;
    }
    let n = width - chars;
    if fl.left {
        out.extend_from_slice(piece);
        out.extend(core::iter::repeat_n(b' ', n));
    } else if fl.zero && numeric {
        out.extend_from_slice(&piece[..sign_len]);
        out.extend(core::iter::repeat_n(b'0', n));
        out.extend_from_slice(&piece[sign_len..]);
    } else {
        out.extend(core::iter::repeat_n(b' ', n));
        out.extend_from_slice(piece);
    }
}

fn percent_core(vm: &mut Vm, fmt: &[u8], args: &Value, bytes_mode: bool) -> PyResult<Vec<u8>> {
    let tuple_items: Option<Vec<Value>> = args.as_tuple().map(|t| t.to_vec());
    let mapping = if tuple_items.is_none()
        && !(bytes_mode && bytes_like(args).is_some())
        && !matches!(args, Value::Str(_) if !bytes_mode)
        && has_getitem(vm, args)
    {
        Some(args.clone())
    } else {
        None
    };
    let (items, arglen): (Vec<Value>, Option<usize>) = match tuple_items {
        Some(t) => {
            let n = t.len();
            (t, Some(n))
        }
        None => (alloc::vec![args.clone()], None),
    };
    let mut argidx = 0usize;
    let mut out: Vec<u8> = Vec::with_capacity(fmt.len() + 16);
    let mut i = 0;
    let mut used_key = false;
    let next_arg = |vm: &mut Vm, argidx: &mut usize| -> PyResult<Value> {
        let limit = arglen.unwrap_or(1);
        if *argidx < limit {
            *argidx += 1;
            Ok(items[*argidx - 1].clone())
        } else {
            Err(vm.type_error("not enough arguments for format string"))
        }
    };
    while i < fmt.len() {
        let c = fmt[i];
        if c != b'%' {
            let start = i;
            while i < fmt.len() && fmt[i] != b'%' {
                i += 1;
            }
            out.extend_from_slice(&fmt[start..i]);
            continue;
        }
        i += 1;
        let mut keyed: Option<Value> = None;
        if i < fmt.len() && fmt[i] == b'(' {
            let Some(m) = mapping.clone() else {
                return Err(vm.type_error("format requires a mapping"));
            };
            let mut level = 1;
            let ks = i + 1;
            i += 1;
            while i < fmt.len() {
                if fmt[i] == b'(' {
                    level += 1;
                } else if fmt[i] == b')' {
                    level -= 1;
                    if level == 0 {
                        break;
                    }
                }
                i += 1;
            }
            if i >= fmt.len() {
                return Err(vm.value_error("incomplete format key"));
            }
            let key = if bytes_mode {
                Value::bytes(&fmt[ks..i])
            } else {
                Value::string(String::from_utf8_lossy(&fmt[ks..i]).into_owned())
            };
            i += 1;
            keyed = Some(getitem(vm, &m, key)?);
            used_key = true;
        }
        let mut fl = Flags {
            left: false,
            plus: false,
            space: false,
            alt: false,
            zero: false,
        };
        while i < fmt.len() {
            match fmt[i] {
                b'-' => fl.left = true,
                b'+' => fl.plus = true,
                b' ' => fl.space = true,
                b'#' => fl.alt = true,
                b'0' => fl.zero = true,
                _ => break,
            }
            i += 1;
        }
        let mut width = 0usize;
        if i < fmt.len() && fmt[i] == b'*' {
            let w = next_arg(vm, &mut argidx)?;
            match w {
                Value::Int(n) => {
                    if n < 0 {
                        fl.left = true;
                    }
                    width = n.unsigned_abs().min(1 << 40) as usize;
                }
                _ => return Err(vm.type_error("* wants int")),
            }
            i += 1;
        } else {
            while i < fmt.len() && fmt[i].is_ascii_digit() {
                width = width
                    .saturating_mul(10)
                    .saturating_add((fmt[i] - b'0') as usize);
                i += 1;
            }
            if width > 1 << 40 {
                return Err(vm.value_error("width too big"));
            }
        }
        let mut prec: Option<usize> = None;
        if i < fmt.len() && fmt[i] == b'.' {
            i += 1;
            if i < fmt.len() && fmt[i] == b'*' {
                let p = next_arg(vm, &mut argidx)?;
                match p {
                    Value::Int(n) => prec = Some(n.clamp(0, 1 << 40) as usize),
                    _ => return Err(vm.type_error("* wants int")),
                }
                i += 1;
            } else {
                let mut p = 0usize;
                while i < fmt.len() && fmt[i].is_ascii_digit() {
                    p = p
                        .saturating_mul(10)
                        .saturating_add((fmt[i] - b'0') as usize);
                    i += 1;
                }
                if p > 1 << 40 {
                    return Err(vm.value_error("precision too big"));
                }
                prec = Some(p);
            }
        }
        while i < fmt.len() && matches!(fmt[i], b'h' | b'l' | b'L') {
            i += 1;
        }
        if i >= fmt.len() {
            return Err(vm.value_error("incomplete format"));
        }
        let conv_start = i;
        let conv = if bytes_mode {
            fmt[i] as char
        } else {
            let s = core::str::from_utf8(&fmt[i..])
                .ok()
                .and_then(|s| s.chars().next())
                .unwrap_or('?');
            s
        };
        i += conv.len_utf8().min(fmt.len() - i).max(1);
        if conv == '%' {
            out.push(b'%');
            continue;
        }
        let arg = match keyed.take() {
            Some(v) => v,
            None => next_arg(vm, &mut argidx)?,
        };
        match conv {
            's' | 'r' | 'a' | 'b' if conv != 'b' || bytes_mode => {
                let piece: Vec<u8> = if bytes_mode {
                    if conv == 'r' || conv == 'a' {
                        let r = repr_fast(vm, &arg)?;
                        ascii_escape(&r).into_bytes()
                    } else if let Some(b) = bytes_like(&arg) {
                        b
                    } else {
                        let base = vm.builtin_base(&arg);
                        if let Some(b) = bytes_like(&base) {
                            b
                        } else if let Some(r) = if matches!(&arg, Value::Obj(o) if matches!(&**o, PyObject::Instance(_) | PyObject::Native(_)))
                        {
                            vm.call_special(&arg, "__bytes__", &[])
                        } else {
                            None
                        } {
                            let r = r?;
                            match bytes_like(&r) {
                                Some(b) => b,
                                None => {
                                    let tn = vm.type_name(&r);
                                    return Err(vm.type_error(format!(
                                        "__bytes__ returned non-bytes (type {})",
                                        tn
                                    )));
                                }
                            }
                        } else {
                            let tn = vm.type_name(&arg);
                            return Err(vm.type_error(format!("%b requires a bytes-like object, or an object that implements __bytes__, not '{}'", tn)));
                        }
                    }
                } else {
                    let s = match conv {
                        's' => str_fast(vm, &arg)?,
                        'r' => repr_fast(vm, &arg)?,
                        _ => {
                            let r = repr_fast(vm, &arg)?;
                            ascii_escape(&r)
                        }
                    };
                    s.into_bytes()
                };
                let piece = match prec {
                    Some(p) => {
                        if bytes_mode {
                            &piece[..p.min(piece.len())]
                        } else {
                            let s = core::str::from_utf8(&piece).unwrap_or("");
                            match s.char_indices().nth(p) {
                                Some((k, _)) => &piece[..k],
                                None => &piece[..],
                            }
                        }
                    }
                    None => &piece[..],
                };
                let chars = if bytes_mode {
                    piece.len()
                } else {
                    core::str::from_utf8(piece)
                        .map(|s| s.chars().count())
                        .unwrap_or(piece.len())
                };
                percent_pad(&mut out, piece, chars, 0, width, &fl, false);
            }
            'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
                let v = percent_int(vm, &arg, conv)?;
                let base = match conv {
                    'o' => 8,
                    'x' | 'X' => 16,
                    _ => 10,
                };
                let (neg, mut digits) = int_digits(&v, base);
                if conv == 'X' {
                    digits.make_ascii_uppercase();
                }
                if let Some(p) = prec {
                    if digits.len() < p {
                        let mut z = String::with_capacity(p);
                        for _ in digits.len()..p {
                            z.push('0');
                        }
                        z.push_str(&digits);
                        digits = z;
                    }
                }
                let mut head = String::from(if neg {
                    "-"
                } else if fl.plus {
                    "+"
                } else if fl.space {
                    " "
                } else {
                    ""
                });
                if fl.alt {
                    head.push_str(match conv {
                        'o' => "0o",
                        'x' => "0x",
                        'X' => "0X",
                        _ => "",
                    });
                }
                let hl = head.len();
                head.push_str(&digits);
                percent_pad(&mut out, head.as_bytes(), head.len(), hl, width, &fl, true);
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let x = percent_float(vm, &arg)?;
                let neg = x.is_sign_negative() && !x.is_nan();
                let body = if x.is_finite() {
                    float_body(x.abs(), conv, Some(prec.unwrap_or(6)), fl.alt)
                } else {
                    let s = if x.is_nan() { "nan" } else { "inf" };
                    if conv.is_ascii_uppercase() {
                        s.to_ascii_uppercase()
                    } else {
                        String::from(s)
                    }
                };
                let mut head = String::from(if neg {
                    "-"
                } else if fl.plus {
                    "+"
                } else if fl.space {
                    " "
                } else {
                    ""
                });
                let hl = head.len();
                head.push_str(&body);
                percent_pad(
                    &mut out,
                    head.as_bytes(),
                    head.len(),
                    hl,
                    width,
                    &fl,
                    x.is_finite(),
                );
            }
            'c' => {
                let piece: Vec<u8> = if bytes_mode {
                    match &arg {
                        Value::Int(n) if (0..256).contains(n) => alloc::vec![*n as u8],
                        Value::Int(_) => return Err(vm.overflow_error("%c arg not in range(256)")),
                        _ => match bytes_like(&arg) {
                            Some(b) if b.len() == 1 => b,
                            _ => {
                                return Err(vm.type_error(
                                    "%c requires an integer in range(256) or a single byte",
                                ))
                            }
                        },
                    }
                } else {
                    match &arg {
                        Value::Int(n) => match if (0..=0x10ffff).contains(n) {
                            char::from_u32(*n as u32)
                        } else {
                            None
                        } {
                            Some(ch) => String::from(ch).into_bytes(),
                            None => return Err(vm.overflow_error("%c arg not in range(0x110000)")),
                        },
                        Value::Str(s) if s.char_len() == 1 => s.as_str().as_bytes().to_vec(),
                        _ => return Err(vm.type_error("%c requires int or char")),
                    }
                };
                percent_pad(&mut out, &piece, 1, 0, width, &fl, false);
            }
            _ => {
                let idx = conv_start;
                let code = conv as u32;
                let shown = if (0x20..0x7f).contains(&code) {
                    conv
                } else {
                    '?'
                };
                return Err(vm.value_error(format!(
                    "unsupported format character '{}' (0x{:x}) at index {}",
                    shown, code, idx
                )));
            }
        }
    }
    if mapping.is_none() || !used_key {
        if let Some(n) = arglen {
            if argidx < n && mapping.is_none() {
                let what = if bytes_mode { "bytes" } else { "string" };
                return Err(vm.type_error(format!(
                    "not all arguments converted during {} formatting",
                    what
                )));
            }
        } else if argidx == 0 && mapping.is_none() {
            let what = if bytes_mode { "bytes" } else { "string" };
            return Err(vm.type_error(format!(
                "not all arguments converted during {} formatting",
                what
            )));
        }
    }
    Ok(out)
}
