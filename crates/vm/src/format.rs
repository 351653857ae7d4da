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

/// Two-digit decimal pairs "00".."99" for fast integer printing.
const DIGIT_PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
2021222324252627282930313233343536373839\
4041424344454647484950515253545556575859\
6061626364656667686970717273747576777879\
8081828384858687888990919293949596979899";

/// The decimal digits of `u`, written at the end of `buf` (20 bytes hold any u64).
pub fn u64_decimal(mut u: u64, buf: &mut [u8; 20]) -> &str {
    let mut i = buf.len();
    while u >= 100 {
        let r = (u % 100) as usize * 2;
        u /= 100;
        i -= 2;
        buf[i] = DIGIT_PAIRS[r];
        buf[i + 1] = DIGIT_PAIRS[r + 1];
    }
    if u >= 10 {
        let r = u as usize * 2;
        i -= 2;
        buf[i] = DIGIT_PAIRS[r];
        buf[i + 1] = DIGIT_PAIRS[r + 1];
    } else {
        i -= 1;
        buf[i] = b'0' + u as u8;
    }
    let digits = buf.get(i..).unwrap_or(&[]);
    // SAFETY: every byte written above is an ASCII digit (from `DIGIT_PAIRS` or `b'0' + u`,
    // u < 10), so `digits` is valid UTF-8.
    unsafe { core::str::from_utf8_unchecked(digits) }
}

/// Append the decimal form of `i` (with a leading `-` when negative) to `out`.
#[inline]
pub fn push_i64(out: &mut String, i: i64) {
    if i < 0 {
        out.push('-');
    }
    let mut buf = [0u8; 20];
    out.push_str(u64_decimal(i.unsigned_abs(), &mut buf));
}

/// `str(i)` for a small int, built without an intermediate String.
pub fn int_str(i: i64) -> Str {
    let mut buf = [0u8; 20];
    let digits = u64_decimal(i.unsigned_abs(), &mut buf);
    if i >= 0 {
        return alloc::rc::Rc::new(crate::value::PyStr::from_ascii(digits));
    }
    let mut neg = [0u8; 21];
    neg[0] = b'-';
    let n = digits.len();
    neg[1..=n].copy_from_slice(digits.as_bytes());
    let text = core::str::from_utf8(&neg[..=n]).unwrap_or("0");
    alloc::rc::Rc::new(crate::value::PyStr::from_ascii(text))
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
    // Specs are short: collect the characters on the stack unless the spec is long.
    let mut stack = ['\0'; 16];
    let heap: Vec<char>;
    let chars: &[char] = if spec.len() <= stack.len() {
        let mut n = 0;
        for (slot, c) in stack.iter_mut().zip(spec.chars()) {
            *slot = c;
            n += 1;
        }
        &stack[..n]
    } else {
        heap = spec.chars().collect();
        &heap
    };
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
    match read_num(chars, &mut pos) {
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
        match read_num(chars, &mut pos) {
            Some(Some(p)) => f.precision = Some(p),
            Some(None) => return Err(vm.value_error("Format specifier missing precision")),
            None => return Err(vm.value_error(too_many)),
        }
    }
    if f.width > i32::MAX as usize {
        return Err(vm.value_error(too_many));
    }
    if f.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(vm.value_error("precision too big"));
    }
    if f.width.max(f.precision.unwrap_or(0)) > vm.config.heap_size {
        return Err(vm.err(ExcKind::MemoryError, ""));
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
    let mut out = String::new();
    pad_into(&mut out, text, len, fill, align, width);
    out
}

/// Append `text` (of `len` characters) to `out`, padded to `width` with `fill` according to
/// `align` (`<`, `>`, `^`).
fn pad_into(out: &mut String, text: &str, len: usize, fill: char, align: char, width: usize) {
    if len >= width {
        out.push_str(text);
        return;
    }
    let total = width - len;
    let (left, right) = match align {
        '<' => (0, total),
        '^' => (total / 2, total - total / 2),
        _ => (total, 0),
    };
    out.reserve(text.len() + total * fill.len_utf8());
    push_fill(out, fill, left);
    out.push_str(text);
    push_fill(out, fill, right);
}

/// Append `n` copies of `fill`.
#[inline]
fn push_fill(out: &mut String, fill: char, n: usize) {
    out.extend(core::iter::repeat_n(fill, n));
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
            _ => return Err(vm.overflow_error("Python int too large to convert to C long")),
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
                let fp = crate::objstr::sat_usize(p as i64 - 1 - exp as i64);
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
        && x.is_finite()
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
    if !x.is_finite() && spec.grouping.is_some() {
        let mut plain = spec.clone();
        plain.grouping = None;
        return Ok(finish_number(
            &plain,
            sign_str(negative, spec.sign),
            digits,
            rest,
            3,
        ));
    }
    Ok(finish_number(
        spec,
        sign_str(negative, spec.sign),
        digits,
        rest,
        3,
    ))
}

/// `complex.__format__` with a parsed spec, as CPython: each part formatted like a float (the
/// imaginary part always signed unless the real part is omitted), no zero padding or `=`.
fn format_complex_spec(vm: &mut Vm, re: f64, im: f64, spec: &FormatSpec) -> PyResult<String> {
    if spec.fill == '0' {
        return Err(vm.value_error("Zero padding is not allowed in complex format specifier"));
    }
    if spec.align == Some('=') {
        return Err(vm.value_error("'=' alignment flag is not allowed in complex format specifier"));
    }
    let (ty, skip_re, parens) = match spec.ty {
        None => {
            let skip = re == 0.0 && !re.is_sign_negative();
            let ty = if spec.precision.is_some() { 'g' } else { 'r' };
            (ty, skip, !skip)
        }
        Some('n') => ('g', false, false),
        Some(t @ ('e' | 'E' | 'f' | 'F' | 'g' | 'G')) => (t, false, false),
        Some(t) => {
            return Err(vm.value_error(format!(
                "Unknown format code '{}' for object of type 'complex'",
                t
            )))
        }
    };
    let part = |vm: &mut Vm, x: f64, sign: Option<char>| -> PyResult<String> {
        if ty == 'r' {
            let body = crate::objfloat::float_repr_ex(x, false);
            let negative = body.starts_with('-');
            let mut out = String::new();
            if !negative {
                match sign {
                    Some('+') => out.push('+'),
                    Some(' ') => out.push(' '),
                    _ => {}
                }
            }
            out.push_str(&body);
            return Ok(out);
        }
        let part_spec = FormatSpec {
            fill: ' ',
            align: None,
            sign,
            z: spec.z,
            alt: spec.alt,
            width: 0,
            grouping: spec.grouping,
            precision: spec.precision,
            ty: Some(ty),
        };
        format_float_spec(vm, x, &part_spec, "complex")
    };
    let mut body = String::new();
    if parens {
        body.push('(');
    }
    if !skip_re {
        body.push_str(&part(vm, re, spec.sign)?);
    }
    let im_sign = if skip_re { spec.sign } else { Some('+') };
    body.push_str(&part(vm, im, im_sign)?);
    body.push('j');
    if parens {
        body.push(')');
    }
    let len = body.chars().count();
    Ok(pad_text(
        &body,
        len,
        spec.fill,
        spec.align_or('>'),
        spec.width,
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
    if let Some(g) = spec.grouping {
        return Err(vm.value_error(format!("Cannot specify '{}' with 's'.", g)));
    }
    if spec.sign == Some(' ') {
        return Err(vm.value_error("Space not allowed in string format specifier"));
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
    if spec.is_empty() {
        match value {
            Value::Str(s) => return Ok(s.clone()),
            Value::Int(i) => return Ok(int_str(*i)),
            _ => {}
        }
    }
    let mut out = String::new();
    format_value_into(vm, value, spec, &mut out)?;
    Ok(alloc::rc::Rc::new(crate::value::PyStr::from_string(out)))
}

/// `format(value, spec)` as a Rust String.
pub fn format_value_string(vm: &mut Vm, value: &Value, spec: &str) -> PyResult<String> {
    let mut out = String::new();
    format_value_into(vm, value, spec, &mut out)?;
    Ok(out)
}

/// Append `format(value, spec)` to `out` (fast paths for strs and small ints).
fn format_value_into(vm: &mut Vm, value: &Value, spec: &str, out: &mut String) -> PyResult<()> {
    match value {
        Value::Str(s) if spec.is_empty() => out.push_str(s.as_str()),
        Value::Int(i) if spec.is_empty() => push_i64(out, *i),
        Value::Int(i) => {
            let f = parse_spec(vm, spec, "int")?;
            let simple = matches!(f.ty, None | Some('d'))
                && f.grouping.is_none()
                && f.precision.is_none()
                && !f.z
                && matches!(f.align, None | Some('<' | '>' | '^'));
            if simple {
                // Sign and up to 20 digits, on the stack.
                let mut text = [0u8; 21];
                let sign = sign_str(*i < 0, f.sign).as_bytes();
                text[..sign.len()].copy_from_slice(sign);
                let mut buf = [0u8; 20];
                let digits = u64_decimal(i.unsigned_abs(), &mut buf);
                let n = sign.len() + digits.len();
                text[sign.len()..n].copy_from_slice(digits.as_bytes());
                let text = core::str::from_utf8(&text[..n]).unwrap_or("");
                pad_into(out, text, n, f.fill, f.align_or('>'), f.width);
            } else {
                out.push_str(&format_int(vm, value, &f, "int")?);
            }
        }
        _ => {
            let s = format_value_slow(vm, value, spec)?;
            out.push_str(&s);
        }
    }
    Ok(())
}

/// `format(value, spec)` for every kind of value.
fn format_value_slow(vm: &mut Vm, value: &Value, spec: &str) -> PyResult<String> {
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
            PyObject::Complex(re, im) => {
                if spec.is_empty() {
                    return Ok(crate::objcomplex::complex_repr(*re, *im));
                }
                let f = parse_spec(vm, spec, "complex")?;
                format_complex_spec(vm, *re, *im, &f)
            }
            PyObject::Instance(_) | PyObject::Native(_) => {
                if let Some(m) = vm.lookup_special(value, "__format__") {
                    let is_native_slot = matches!(&m, Value::Obj(mo) if matches!(&**mo, PyObject::Builtin(b) if b.name.starts_with("object.")));
                    // A built-in type's __format__ with an empty spec gives str(value) (so an
                    // int subclass's own __str__ shows).
                    let builtin =
                        matches!(&m, Value::Obj(mo) if matches!(&**mo, PyObject::Builtin(_)));
                    if builtin && spec.is_empty() {
                        return Ok(String::from(vm.str_of(value)?.as_str()));
                    }
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
                    return Err(vm.value_error(unterminated_field(&fmt[i + 1..])));
                }
                let field = &fmt[i + 1..j];
                format_field(vm, field, args, named, numbering, depth, &mut out)?;
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

/// CPython's message for a replacement field (the text after its `{`) that has no closing `}`.
fn unterminated_field(field: &str) -> &'static str {
    let mut in_bracket = false;
    let mut it = field.chars();
    while let Some(c) = it.next() {
        match c {
            '[' => in_bracket = true,
            ']' => in_bracket = false,
            ':' if !in_bracket => return "unmatched '{' in format spec",
            '!' if !in_bracket => {
                if it.next().is_none() {
                    return "end of string while looking for conversion specifier";
                }
                return match it.next() {
                    None | Some(':') => "unmatched '{' in format spec",
                    Some(_) => "expected ':' after conversion specifier",
                };
            }
            _ => {}
        }
    }
    "expected '}' before end of string"
}

fn format_field(
    vm: &mut Vm,
    field: &str,
    args: &[Value],
    named: &Named,
    numbering: &mut Numbering,
    depth: u32,
    out: &mut String,
) -> PyResult<()> {
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
    format_value_into(vm, &obj, spec, out)
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
    let mut out = OutBuf::new();
    percent_core(vm, fmt.as_bytes(), args, false, &mut out)?;
    match String::from_utf8(out.into_vec()) {
        Ok(s) => Ok(s),
        Err(_) => Err(vm.err(ExcKind::SystemError, "invalid UTF-8 in formatted string")),
    }
}

/// `fmt % args` for str, as a new str value (short results are never copied to the heap
/// before the str itself is made).
pub fn percent_format_value(vm: &mut Vm, fmt: &str, args: &Value) -> PyResult {
    if let Some(v) = percent_single(fmt, args) {
        return Ok(v);
    }
    let mut out = OutBuf::new();
    percent_core(vm, fmt.as_bytes(), args, false, &mut out)?;
    if out.heap.is_some() {
        return match String::from_utf8(out.into_vec()) {
            Ok(s) => Ok(Value::string(s)),
            Err(_) => Err(vm.err(ExcKind::SystemError, "invalid UTF-8 in formatted string")),
        };
    }
    match core::str::from_utf8(out.as_slice()) {
        Ok(s) => Ok(Value::str(s)),
        Err(_) => Err(vm.err(ExcKind::SystemError, "invalid UTF-8 in formatted string")),
    }
}

/// `fmt % x` for a format with a single plain `%s` or `%d` and a str or small int `x` (`"item%d"
/// % i`, `"%s;" % name`): the text is put together directly, without the general parser. None
/// when the format or the argument is anything else.
fn percent_single(fmt: &str, arg: &Value) -> Option<Value> {
    let b = fmt.as_bytes();
    let p = b.iter().position(|&c| c == b'%')?;
    let conv = *b.get(p + 1)?;
    let rest = fmt.get(p + 2..)?;
    if rest.as_bytes().contains(&b'%') {
        return None;
    }
    let mut digits = [0u8; 20];
    let piece: &str = match (arg, conv) {
        (Value::Str(s), b's') => s.as_str(),
        (Value::Int(n), b's' | b'd') => {
            let d = u64_decimal(n.unsigned_abs(), &mut digits);
            if *n < 0 {
                let mut out = String::with_capacity(fmt.len() + d.len() + 1);
                out.push_str(fmt.get(..p)?);
                out.push('-');
                out.push_str(d);
                out.push_str(rest);
                return Some(Value::string(out));
            }
            d
        }
        _ => return None,
    };
    let head = fmt.get(..p)?;
    let mut buf = [0u8; 64];
    let n = head.len() + piece.len() + rest.len();
    if let Some(dst) = buf.get_mut(..n) {
        // Short results (the usual case) are put together on the stack: one allocation, the str.
        let (h, t) = dst.split_at_mut(head.len());
        let (m, r) = t.split_at_mut(piece.len());
        h.copy_from_slice(head.as_bytes());
        m.copy_from_slice(piece.as_bytes());
        r.copy_from_slice(rest.as_bytes());
        return core::str::from_utf8(dst).ok().map(Value::str);
    }
    let mut out = String::with_capacity(n);
    out.push_str(head);
    out.push_str(piece);
    out.push_str(rest);
    Some(Value::string(out))
}

/// `fmt % args` for bytes and bytearray.
pub fn percent_format_bytes(vm: &mut Vm, fmt: &[u8], args: &Value) -> PyResult<Vec<u8>> {
    let mut out = OutBuf::new();
    percent_core(vm, fmt, args, true, &mut out)?;
    Ok(out.into_vec())
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

/// The output of `%`-formatting: results up to 64 bytes (the common case) are built on the
/// stack, so only the final str is allocated.
struct OutBuf {
    stack: [u8; 64],
    len: usize,
    /// Used instead of `stack` once the output outgrows it.
    heap: Option<Vec<u8>>,
}

impl OutBuf {
    fn new() -> OutBuf {
        OutBuf {
            stack: [0; 64],
            len: 0,
            heap: None,
        }
    }
    /// The vector the output continues in, once it no longer fits on the stack.
    fn spill(&mut self, extra: usize) -> &mut Vec<u8> {
        let (stack, len) = (&self.stack, self.len);
        self.heap.get_or_insert_with(|| {
            let mut v = Vec::with_capacity((len + extra).max(128));
            v.extend_from_slice(stack.get(..len).unwrap_or(&[]));
            v
        })
    }
    #[inline]
    fn extend_from_slice(&mut self, b: &[u8]) {
        if self.heap.is_none() {
            if let Some(dst) = self.stack.get_mut(self.len..self.len + b.len()) {
                dst.copy_from_slice(b);
                self.len += b.len();
                return;
            }
        }
        self.spill(b.len()).extend_from_slice(b);
    }
    #[inline]
    fn push(&mut self, c: u8) {
        self.extend_from_slice(&[c]);
    }
    fn push_n(&mut self, c: u8, n: usize) {
        if self.heap.is_none() {
            if let Some(dst) = self.stack.get_mut(self.len..self.len.saturating_add(n)) {
                dst.fill(c);
                self.len += n;
                return;
            }
        }
        self.spill(n).extend(core::iter::repeat_n(c, n));
    }
    fn as_slice(&self) -> &[u8] {
        match &self.heap {
            Some(v) => v,
            None => self.stack.get(..self.len).unwrap_or(&[]),
        }
    }
    fn into_vec(self) -> Vec<u8> {
        match self.heap {
            Some(v) => v,
            None => self.stack.get(..self.len).unwrap_or(&[]).to_vec(),
        }
    }
}

/// Pad a converted piece for `%` formatting. `sign_len` leading bytes (sign and prefix) stay in
/// front of zero padding.
fn percent_pad(
    out: &mut OutBuf,
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
        out.push_n(b' ', n);
    } else if fl.zero && numeric {
        out.extend_from_slice(&piece[..sign_len]);
        out.push_n(b'0', n);
        out.extend_from_slice(&piece[sign_len..]);
    } else {
        out.push_n(b' ', n);
        out.extend_from_slice(piece);
    }
}

fn percent_core(
    vm: &mut Vm,
    fmt: &[u8],
    args: &Value,
    bytes_mode: bool,
    out: &mut OutBuf,
) -> PyResult<()> {
    let tuple_items: Option<&[Value]> = args.as_tuple();
    let mapping = if tuple_items.is_none()
        && !(bytes_mode && bytes_like(args).is_some())
        && !matches!(args, Value::Str(_) if !bytes_mode)
        && has_getitem(vm, args)
    {
        Some(args.clone())
    } else {
        None
    };
    let (items, arglen): (&[Value], Option<usize>) = match tuple_items {
        Some(t) => (t, Some(t.len())),
        None => (core::slice::from_ref(args), None),
    };
    let mut argidx = 0usize;
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
            i = fmt[i..]
                .iter()
                .position(|&b| b == b'%')
                .map_or(fmt.len(), |p| i + p);
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
                    width = usize::try_from(n.unsigned_abs().min(i32::MAX as u64)).unwrap_or(0);
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
            if width > i32::MAX as usize {
                return Err(vm.value_error("width too big"));
            }
        }
        let mut prec: Option<usize> = None;
        if i < fmt.len() && fmt[i] == b'.' {
            i += 1;
            if i < fmt.len() && fmt[i] == b'*' {
                let p = next_arg(vm, &mut argidx)?;
                match p {
                    Value::Int(n) => prec = Some(crate::objstr::sat_usize(n.min(i32::MAX as i64))),
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
                if p > i32::MAX as usize {
                    return Err(vm.value_error("precision too big"));
                }
                prec = Some(p);
            }
        }
        if width.max(prec.unwrap_or(0)) > vm.config.heap_size {
            return Err(vm.err(ExcKind::MemoryError, ""));
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
            match fmt[i] {
                c if c.is_ascii() => c as char,
                _ => {
                    let end = (i + 4).min(fmt.len());
                    let window = &fmt[i..end];
                    let valid = match core::str::from_utf8(window) {
                        Ok(s) => s,
                        Err(e) => core::str::from_utf8(&window[..e.valid_up_to()]).unwrap_or(""),
                    };
                    valid.chars().next().unwrap_or('?')
                }
            }
        };
        i += conv.len_utf8().min(fmt.len() - i).max(1);
        if conv == '%' {
            out.push(b'%');
            continue;
        }
        let arg = match keyed.take() {
            Some(v) => v,
            // After a `%(key)` spec the mapping is no longer a positional argument (CPython).
            None if used_key => {
                return Err(vm.type_error("not enough arguments for format string"));
            }
            None => next_arg(vm, &mut argidx)?,
        };
        // Fast paths: `%s` of a str or small int, `%d` of a small int (no precision).
        if !bytes_mode && prec.is_none() {
            match (&arg, conv) {
                (Value::Str(s), 's') => {
                    percent_pad(
                        out,
                        s.as_str().as_bytes(),
                        s.char_len(),
                        0,
                        width,
                        &fl,
                        false,
                    );
                    continue;
                }
                (Value::Int(n), 's' | 'd' | 'i' | 'u') => {
                    let mut text = [0u8; 21];
                    let sign: &[u8] = if *n < 0 {
                        b"-"
                    } else if fl.plus && conv != 's' {
                        b"+"
                    } else if fl.space && conv != 's' {
                        b" "
                    } else {
                        b""
                    };
                    text[..sign.len()].copy_from_slice(sign);
                    let mut buf = [0u8; 20];
                    let digits = u64_decimal(n.unsigned_abs(), &mut buf);
                    let len = sign.len() + digits.len();
                    text[sign.len()..len].copy_from_slice(digits.as_bytes());
                    let numeric = conv != 's';
                    let sl = if numeric { sign.len() } else { 0 };
                    percent_pad(out, &text[..len], len, sl, width, &fl, numeric);
                    continue;
                }
                _ => {}
            }
        }
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
                percent_pad(out, piece, chars, 0, width, &fl, false);
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
                percent_pad(out, head.as_bytes(), head.len(), hl, width, &fl, true);
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
                percent_pad(out, head.as_bytes(), head.len(), hl, width, &fl, true);
            }
            'c' => {
                // bool and int subclasses count as ints.
                let arg = match &arg {
                    Value::Bool(b) => Value::Int(*b as i64),
                    Value::Obj(o) if matches!(&**o, PyObject::Instance(_)) => vm.builtin_base(&arg),
                    _ => arg,
                };
                let big = matches!(&arg, Value::Obj(o) if matches!(&**o, PyObject::BigInt(_)));
                let piece: Vec<u8> = if bytes_mode {
                    match &arg {
                        Value::Int(n) if (0..256).contains(n) => alloc::vec![*n as u8],
                        Value::Int(_) => return Err(vm.overflow_error("%c arg not in range(256)")),
                        _ if big => return Err(vm.overflow_error("%c arg not in range(256)")),
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
                        _ if big => return Err(vm.overflow_error("%c arg not in range(0x110000)")),
                        _ => return Err(vm.type_error("%c requires int or char")),
                    }
                };
                percent_pad(out, &piece, 1, 0, width, &fl, false);
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
    Ok(())
}

#[cfg(test)]
#[allow(clippy::approx_constant)]
mod tests {
    use super::*;
    use crate::objstr::testutil::*;

    #[rustfmt::skip]
    const FORMAT_CASES: &[(A, &str, &str)] = &[
        (A::Big("1000000000000000000000000000000"), "", "1000000000000000000000000000000"),
        (A::Big("1000000000000000000000000000000"), "<8", "1000000000000000000000000000000"),
        (A::Big("1000000000000000000000000000000"), ">8", "1000000000000000000000000000000"),
        (A::Big("1000000000000000000000000000000"), "^8", "1000000000000000000000000000000"),
        (A::Big("1000000000000000000000000000000"), "*^9", "1000000000000000000000000000000"),
        (A::Big("1000000000000000000000000000000"), "=+10", "+1000000000000000000000000000000"),
        (A::Big("1000000000000000000000000000000"), "+", "+1000000000000000000000000000000"),
        (A::Big("1000000000000000000000000000000"), "-", "1000000000000000000000000000000"),
        (A::Big("1000000000000000000000000000000"), " ", " 1000000000000000000000000000000"),
        (A::Big("1000000000000000000000000000000"), "010", "1000000000000000000000000000000"),
        (A::Big("1000000000000000000000000000000"), "#x", "0xc9f2c9cd04674edea40000000"),
        (A::Big("1000000000000000000000000000000"), "#X", "0XC9F2C9CD04674EDEA40000000"),
        (A::Big("1000000000000000000000000000000"), "#o", "0o1447626234640431647336510000000000"),
        (A::Big("1000000000000000000000000000000"), "#b", "0b1100100111110010110010011100110100000100011001110100111011011110101001000000000000000000000000000000"),
        (A::Big("1000000000000000000000000000000"), "x", "c9f2c9cd04674edea40000000"),
        (A::Big("1000000000000000000000000000000"), "X", "C9F2C9CD04674EDEA40000000"),
        (A::Big("1000000000000000000000000000000"), "o", "1447626234640431647336510000000000"),
        (A::Big("1000000000000000000000000000000"), "b", "1100100111110010110010011100110100000100011001110100111011011110101001000000000000000000000000000000"),
        (A::Big("1000000000000000000000000000000"), "c", "!OverflowError: Python int too large to convert to C long"),
        (A::Big("1000000000000000000000000000000"), "d", "1000000000000000000000000000000"),
        (A::Big("1000000000000000000000000000000"), "n", "1000000000000000000000000000000"),
        (A::Big("1000000000000000000000000000000"), ",", "1,000,000,000,000,000,000,000,000,000,000"),
        (A::Big("1000000000000000000000000000000"), "_", "1_000_000_000_000_000_000_000_000_000_000"),
        (A::Big("1000000000000000000000000000000"), "_x", "c_9f2c_9cd0_4674_edea_4000_0000"),
        (A::Big("1000000000000000000000000000000"), "#_b", "0b1100_1001_1111_0010_1100_1001_1100_1101_0000_0100_0110_0111_0100_1110_1101_1110_1010_0100_0000_0000_0000_0000_0000_0000_0000"),
        (A::Big("1000000000000000000000000000000"), ",d", "1,000,000,000,000,000,000,000,000,000,000"),
        (A::Big("1000000000000000000000000000000"), "08,", "1,000,000,000,000,000,000,000,000,000,000"),
        (A::Big("1000000000000000000000000000000"), "09_", "1_000_000_000_000_000_000_000_000_000_000"),
        (A::Big("1000000000000000000000000000000"), ".2f", "1000000000000000019884624838656.00"),
        (A::Big("1000000000000000000000000000000"), ".0f", "1000000000000000019884624838656"),
        (A::Big("1000000000000000000000000000000"), "#.0f", "1000000000000000019884624838656."),
        (A::Big("1000000000000000000000000000000"), "10.3f", "1000000000000000019884624838656.000"),
        (A::Big("1000000000000000000000000000000"), "e", "1.000000e+30"),
        (A::Big("1000000000000000000000000000000"), ".3e", "1.000e+30"),
        (A::Big("1000000000000000000000000000000"), "E", "1.000000E+30"),
        (A::Big("1000000000000000000000000000000"), "g", "1e+30"),
        (A::Big("1000000000000000000000000000000"), ".3g", "1e+30"),
        (A::Big("1000000000000000000000000000000"), "G", "1E+30"),
        (A::Big("1000000000000000000000000000000"), "#g", "1.00000e+30"),
        (A::Big("1000000000000000000000000000000"), "%", "100000000000000005366162204393472.000000%"),
        (A::Big("1000000000000000000000000000000"), ".1%", "100000000000000005366162204393472.0%"),
        (A::Big("1000000000000000000000000000000"), ".3", "!ValueError: Precision not allowed in integer format specifier"),
        (A::Big("1000000000000000000000000000000"), "z.1f", "1000000000000000019884624838656.0"),
        (A::Big("1000000000000000000000000000000"), "z", "!ValueError: Negative zero coercion (z) not allowed in integer format specifier"),
        (A::Big("1000000000000000000000000000000"), "s", "!ValueError: Unknown format code 's' for object of type 'int'"),
        (A::Big("1000000000000000000000000000000"), ".2s", "!ValueError: Unknown format code 's' for object of type 'int'"),
        (A::Big("1000000000000000000000000000000"), ">10s", "!ValueError: Unknown format code 's' for object of type 'int'"),
        (A::Big("1000000000000000000000000000000"), "=8", "1000000000000000000000000000000"),
        (A::Big("1000000000000000000000000000000"), "0=8", "1000000000000000000000000000000"),
        (A::Big("1000000000000000000000000000000"), "#", "1000000000000000000000000000000"),
        (A::Big("1000000000000000000000000000000"), ".0", "!ValueError: Precision not allowed in integer format specifier"),
        (A::Big("1000000000000000000000000000000"), ".1", "!ValueError: Precision not allowed in integer format specifier"),
        (A::Big("1000000000000000000000000000000"), "010.2f", "1000000000000000019884624838656.00"),
        (A::Big("1000000000000000000000000000000"), "+.2e", "+1.00e+30"),
        (A::Big("1000000000000000000000000000000"), ",.2f", "1,000,000,000,000,000,019,884,624,838,656.00"),
        (A::Big("1000000000000000000000000000000"), "_f", "1_000_000_000_000_000_019_884_624_838_656.000000"),
        (A::Big("1000000000000000000000000000000"), "x<5", "1000000000000000000000000000000"),
        (A::Big("1000000000000000000000000000000"), "\u{e9}^7", "1000000000000000000000000000000"),
        (A::Big("1000000000000000000000000000000"), "5", "1000000000000000000000000000000"),
        (A::Big("1000000000000000000000000000000"), "-^8", "1000000000000000000000000000000"),
        (A::Big("-10000000000000000000000000"), "", "-10000000000000000000000000"),
        (A::Big("-10000000000000000000000000"), "<8", "-10000000000000000000000000"),
        (A::Big("-10000000000000000000000000"), ">8", "-10000000000000000000000000"),
        (A::Big("-10000000000000000000000000"), "^8", "-10000000000000000000000000"),
        (A::Big("-10000000000000000000000000"), "*^9", "-10000000000000000000000000"),
        (A::Big("-10000000000000000000000000"), "=+10", "-10000000000000000000000000"),
        (A::Big("-10000000000000000000000000"), "+", "-10000000000000000000000000"),
        (A::Big("-10000000000000000000000000"), "-", "-10000000000000000000000000"),
        (A::Big("-10000000000000000000000000"), " ", "-10000000000000000000000000"),
        (A::Big("-10000000000000000000000000"), "010", "-10000000000000000000000000"),
        (A::Big("-10000000000000000000000000"), "#x", "-0x84595161401484a000000"),
        (A::Big("-10000000000000000000000000"), "#X", "-0X84595161401484A000000"),
        (A::Big("-10000000000000000000000000"), "#o", "-0o4105452130240024411200000000"),
        (A::Big("-10000000000000000000000000"), "#b", "-0b100001000101100101010001011000010100000000010100100001001010000000000000000000000000"),
        (A::Big("-10000000000000000000000000"), "x", "-84595161401484a000000"),
        (A::Big("-10000000000000000000000000"), "X", "-84595161401484A000000"),
        (A::Big("-10000000000000000000000000"), "o", "-4105452130240024411200000000"),
        (A::Big("-10000000000000000000000000"), "b", "-100001000101100101010001011000010100000000010100100001001010000000000000000000000000"),
        (A::Big("-10000000000000000000000000"), "c", "!OverflowError: Python int too large to convert to C long"),
        (A::Big("-10000000000000000000000000"), "d", "-10000000000000000000000000"),
        (A::Big("-10000000000000000000000000"), "n", "-10000000000000000000000000"),
        (A::Big("-10000000000000000000000000"), ",", "-10,000,000,000,000,000,000,000,000"),
        (A::Big("-10000000000000000000000000"), "_", "-10_000_000_000_000_000_000_000_000"),
        (A::Big("-10000000000000000000000000"), "_x", "-8_4595_1614_0148_4a00_0000"),
        (A::Big("-10000000000000000000000000"), "#_b", "-0b1000_0100_0101_1001_0101_0001_0110_0001_0100_0000_0001_0100_1000_0100_1010_0000_0000_0000_0000_0000_0000"),
        (A::Big("-10000000000000000000000000"), ",d", "-10,000,000,000,000,000,000,000,000"),
        (A::Big("-10000000000000000000000000"), "08,", "-10,000,000,000,000,000,000,000,000"),
        (A::Big("-10000000000000000000000000"), "09_", "-10_000_000_000_000_000_000_000_000"),
        (A::Big("-10000000000000000000000000"), ".2f", "-10000000000000000905969664.00"),
        (A::Big("-10000000000000000000000000"), ".0f", "-10000000000000000905969664"),
        (A::Big("-10000000000000000000000000"), "#.0f", "-10000000000000000905969664."),
        (A::Big("-10000000000000000000000000"), "10.3f", "-10000000000000000905969664.000"),
        (A::Big("-10000000000000000000000000"), "e", "-1.000000e+25"),
        (A::Big("-10000000000000000000000000"), ".3e", "-1.000e+25"),
        (A::Big("-10000000000000000000000000"), "E", "-1.000000E+25"),
        (A::Big("-10000000000000000000000000"), "g", "-1e+25"),
        (A::Big("-10000000000000000000000000"), ".3g", "-1e+25"),
        (A::Big("-10000000000000000000000000"), "G", "-1E+25"),
        (A::Big("-10000000000000000000000000"), "#g", "-1.00000e+25"),
        (A::Big("-10000000000000000000000000"), "%", "-1000000000000000150726508544.000000%"),
        (A::Big("-10000000000000000000000000"), ".1%", "-1000000000000000150726508544.0%"),
        (A::Big("-10000000000000000000000000"), ".3", "!ValueError: Precision not allowed in integer format specifier"),
        (A::Big("-10000000000000000000000000"), "z.1f", "-10000000000000000905969664.0"),
        (A::Big("-10000000000000000000000000"), "z", "!ValueError: Negative zero coercion (z) not allowed in integer format specifier"),
        (A::Big("-10000000000000000000000000"), "s", "!ValueError: Unknown format code 's' for object of type 'int'"),
        (A::Big("-10000000000000000000000000"), ".2s", "!ValueError: Unknown format code 's' for object of type 'int'"),
        (A::Big("-10000000000000000000000000"), ">10s", "!ValueError: Unknown format code 's' for object of type 'int'"),
        (A::Big("-10000000000000000000000000"), "=8", "-10000000000000000000000000"),
        (A::Big("-10000000000000000000000000"), "0=8", "-10000000000000000000000000"),
        (A::Big("-10000000000000000000000000"), "#", "-10000000000000000000000000"),
        (A::Big("-10000000000000000000000000"), ".0", "!ValueError: Precision not allowed in integer format specifier"),
        (A::Big("-10000000000000000000000000"), ".1", "!ValueError: Precision not allowed in integer format specifier"),
        (A::Big("-10000000000000000000000000"), "010.2f", "-10000000000000000905969664.00"),
        (A::Big("-10000000000000000000000000"), "+.2e", "-1.00e+25"),
        (A::Big("-10000000000000000000000000"), ",.2f", "-10,000,000,000,000,000,905,969,664.00"),
        (A::Big("-10000000000000000000000000"), "_f", "-10_000_000_000_000_000_905_969_664.000000"),
        (A::Big("-10000000000000000000000000"), "x<5", "-10000000000000000000000000"),
        (A::Big("-10000000000000000000000000"), "\u{e9}^7", "-10000000000000000000000000"),
        (A::Big("-10000000000000000000000000"), "5", "-10000000000000000000000000"),
        (A::Big("-10000000000000000000000000"), "-^8", "-10000000000000000000000000"),
        (A::I(0), "", "0"),
        (A::I(0), "<8", "0       "),
        (A::I(0), ">8", "       0"),
        (A::I(0), "^8", "   0    "),
        (A::I(0), "*^9", "****0****"),
        (A::I(0), "=+10", "+        0"),
        (A::I(0), "+", "+0"),
        (A::I(0), "-", "0"),
        (A::I(0), " ", " 0"),
        (A::I(0), "010", "0000000000"),
        (A::I(0), "#x", "0x0"),
        (A::I(0), "#X", "0X0"),
        (A::I(0), "#o", "0o0"),
        (A::I(0), "#b", "0b0"),
        (A::I(0), "x", "0"),
        (A::I(0), "X", "0"),
        (A::I(0), "o", "0"),
        (A::I(0), "b", "0"),
        (A::I(0), "c", "\u{0}"),
        (A::I(0), "d", "0"),
        (A::I(0), "n", "0"),
        (A::I(0), ",", "0"),
        (A::I(0), "_", "0"),
        (A::I(0), "_x", "0"),
        (A::I(0), "#_b", "0b0"),
        (A::I(0), ",d", "0"),
        (A::I(0), "08,", "0,000,000"),
        (A::I(0), "09_", "0_000_000"),
        (A::I(0), ".2f", "0.00"),
        (A::I(0), ".0f", "0"),
        (A::I(0), "#.0f", "0."),
        (A::I(0), "10.3f", "     0.000"),
        (A::I(0), "e", "0.000000e+00"),
        (A::I(0), ".3e", "0.000e+00"),
        (A::I(0), "E", "0.000000E+00"),
        (A::I(0), "g", "0"),
        (A::I(0), ".3g", "0"),
        (A::I(0), "G", "0"),
        (A::I(0), "#g", "0.00000"),
        (A::I(0), "%", "0.000000%"),
        (A::I(0), ".1%", "0.0%"),
        (A::I(0), ".3", "!ValueError: Precision not allowed in integer format specifier"),
        (A::I(0), "z.1f", "0.0"),
        (A::I(0), "z", "!ValueError: Negative zero coercion (z) not allowed in integer format specifier"),
        (A::I(0), "s", "!ValueError: Unknown format code 's' for object of type 'int'"),
        (A::I(0), ".2s", "!ValueError: Unknown format code 's' for object of type 'int'"),
        (A::I(0), ">10s", "!ValueError: Unknown format code 's' for object of type 'int'"),
        (A::I(0), "=8", "       0"),
        (A::I(0), "0=8", "00000000"),
        (A::I(0), "#", "0"),
        (A::I(0), ".0", "!ValueError: Precision not allowed in integer format specifier"),
        (A::I(0), ".1", "!ValueError: Precision not allowed in integer format specifier"),
        (A::I(0), "010.2f", "0000000.00"),
        (A::I(0), "+.2e", "+0.00e+00"),
        (A::I(0), ",.2f", "0.00"),
        (A::I(0), "_f", "0.000000"),
        (A::I(0), "x<5", "0xxxx"),
        (A::I(0), "\u{e9}^7", "\u{e9}\u{e9}\u{e9}0\u{e9}\u{e9}\u{e9}"),
        (A::I(0), "5", "    0"),
        (A::I(0), "-^8", "---0----"),
        (A::I(1), "", "1"),
        (A::I(1), "<8", "1       "),
        (A::I(1), ">8", "       1"),
        (A::I(1), "^8", "   1    "),
        (A::I(1), "*^9", "****1****"),
        (A::I(1), "=+10", "+        1"),
        (A::I(1), "+", "+1"),
        (A::I(1), "-", "1"),
        (A::I(1), " ", " 1"),
        (A::I(1), "010", "0000000001"),
        (A::I(1), "#x", "0x1"),
        (A::I(1), "#X", "0X1"),
        (A::I(1), "#o", "0o1"),
        (A::I(1), "#b", "0b1"),
        (A::I(1), "x", "1"),
        (A::I(1), "X", "1"),
        (A::I(1), "o", "1"),
        (A::I(1), "b", "1"),
        (A::I(1), "c", "\u{1}"),
        (A::I(1), "d", "1"),
        (A::I(1), "n", "1"),
        (A::I(1), ",", "1"),
        (A::I(1), "_", "1"),
        (A::I(1), "_x", "1"),
        (A::I(1), "#_b", "0b1"),
        (A::I(1), ",d", "1"),
        (A::I(1), "08,", "0,000,001"),
        (A::I(1), "09_", "0_000_001"),
        (A::I(1), ".2f", "1.00"),
        (A::I(1), ".0f", "1"),
        (A::I(1), "#.0f", "1."),
        (A::I(1), "10.3f", "     1.000"),
        (A::I(1), "e", "1.000000e+00"),
        (A::I(1), ".3e", "1.000e+00"),
        (A::I(1), "E", "1.000000E+00"),
        (A::I(1), "g", "1"),
        (A::I(1), ".3g", "1"),
        (A::I(1), "G", "1"),
        (A::I(1), "#g", "1.00000"),
        (A::I(1), "%", "100.000000%"),
        (A::I(1), ".1%", "100.0%"),
        (A::I(1), ".3", "!ValueError: Precision not allowed in integer format specifier"),
        (A::I(1), "z.1f", "1.0"),
        (A::I(1), "z", "!ValueError: Negative zero coercion (z) not allowed in integer format specifier"),
        (A::I(1), "s", "!ValueError: Unknown format code 's' for object of type 'int'"),
        (A::I(1), ".2s", "!ValueError: Unknown format code 's' for object of type 'int'"),
        (A::I(1), ">10s", "!ValueError: Unknown format code 's' for object of type 'int'"),
        (A::I(1), "=8", "       1"),
        (A::I(1), "0=8", "00000001"),
        (A::I(1), "#", "1"),
        (A::I(1), ".0", "!ValueError: Precision not allowed in integer format specifier"),
        (A::I(1), ".1", "!ValueError: Precision not allowed in integer format specifier"),
        (A::I(1), "010.2f", "0000001.00"),
        (A::I(1), "+.2e", "+1.00e+00"),
        (A::I(1), ",.2f", "1.00"),
        (A::I(1), "_f", "1.000000"),
        (A::I(1), "x<5", "1xxxx"),
        (A::I(1), "\u{e9}^7", "\u{e9}\u{e9}\u{e9}1\u{e9}\u{e9}\u{e9}"),
        (A::I(1), "5", "    1"),
        (A::I(1), "-^8", "---1----"),
        (A::I(-1), "", "-1"),
        (A::I(-1), "<8", "-1      "),
        (A::I(-1), ">8", "      -1"),
        (A::I(-1), "^8", "   -1   "),
        (A::I(-1), "*^9", "***-1****"),
        (A::I(-1), "=+10", "-        1"),
        (A::I(-1), "+", "-1"),
        (A::I(-1), "-", "-1"),
        (A::I(-1), " ", "-1"),
        (A::I(-1), "010", "-000000001"),
        (A::I(-1), "#x", "-0x1"),
        (A::I(-1), "#X", "-0X1"),
        (A::I(-1), "#o", "-0o1"),
        (A::I(-1), "#b", "-0b1"),
        (A::I(-1), "x", "-1"),
        (A::I(-1), "X", "-1"),
        (A::I(-1), "o", "-1"),
        (A::I(-1), "b", "-1"),
        (A::I(-1), "c", "!OverflowError: %c arg not in range(0x110000)"),
        (A::I(-1), "d", "-1"),
        (A::I(-1), "n", "-1"),
        (A::I(-1), ",", "-1"),
        (A::I(-1), "_", "-1"),
        (A::I(-1), "_x", "-1"),
        (A::I(-1), "#_b", "-0b1"),
        (A::I(-1), ",d", "-1"),
        (A::I(-1), "08,", "-000,001"),
        (A::I(-1), "09_", "-0_000_001"),
        (A::I(-1), ".2f", "-1.00"),
        (A::I(-1), ".0f", "-1"),
        (A::I(-1), "#.0f", "-1."),
        (A::I(-1), "10.3f", "    -1.000"),
        (A::I(-1), "e", "-1.000000e+00"),
        (A::I(-1), ".3e", "-1.000e+00"),
        (A::I(-1), "E", "-1.000000E+00"),
        (A::I(-1), "g", "-1"),
        (A::I(-1), ".3g", "-1"),
        (A::I(-1), "G", "-1"),
        (A::I(-1), "#g", "-1.00000"),
        (A::I(-1), "%", "-100.000000%"),
        (A::I(-1), ".1%", "-100.0%"),
        (A::I(-1), ".3", "!ValueError: Precision not allowed in integer format specifier"),
        (A::I(-1), "z.1f", "-1.0"),
        (A::I(-1), "z", "!ValueError: Negative zero coercion (z) not allowed in integer format specifier"),
        (A::I(-1), "s", "!ValueError: Unknown format code 's' for object of type 'int'"),
        (A::I(-1), ".2s", "!ValueError: Unknown format code 's' for object of type 'int'"),
        (A::I(-1), ">10s", "!ValueError: Unknown format code 's' for object of type 'int'"),
        (A::I(-1), "=8", "-      1"),
        (A::I(-1), "0=8", "-0000001"),
        (A::I(-1), "#", "-1"),
        (A::I(-1), ".0", "!ValueError: Precision not allowed in integer format specifier"),
        (A::I(-1), ".1", "!ValueError: Precision not allowed in integer format specifier"),
        (A::I(-1), "010.2f", "-000001.00"),
        (A::I(-1), "+.2e", "-1.00e+00"),
        (A::I(-1), ",.2f", "-1.00"),
        (A::I(-1), "_f", "-1.000000"),
        (A::I(-1), "x<5", "-1xxx"),
        (A::I(-1), "\u{e9}^7", "\u{e9}\u{e9}-1\u{e9}\u{e9}\u{e9}"),
        (A::I(-1), "5", "   -1"),
        (A::I(-1), "-^8", "----1---"),
        (A::I(7), "", "7"),
        (A::I(7), "<8", "7       "),
        (A::I(7), ">8", "       7"),
        (A::I(7), "^8", "   7    "),
        (A::I(7), "*^9", "****7****"),
        (A::I(7), "=+10", "+        7"),
        (A::I(7), "+", "+7"),
        (A::I(7), "-", "7"),
        (A::I(7), " ", " 7"),
        (A::I(7), "010", "0000000007"),
        (A::I(7), "#x", "0x7"),
        (A::I(7), "#X", "0X7"),
        (A::I(7), "#o", "0o7"),
        (A::I(7), "#b", "0b111"),
        (A::I(7), "x", "7"),
        (A::I(7), "X", "7"),
        (A::I(7), "o", "7"),
        (A::I(7), "b", "111"),
        (A::I(7), "c", "\u{7}"),
        (A::I(7), "d", "7"),
        (A::I(7), "n", "7"),
        (A::I(7), ",", "7"),
        (A::I(7), "_", "7"),
        (A::I(7), "_x", "7"),
        (A::I(7), "#_b", "0b111"),
        (A::I(7), ",d", "7"),
        (A::I(7), "08,", "0,000,007"),
        (A::I(7), "09_", "0_000_007"),
        (A::I(7), ".2f", "7.00"),
        (A::I(7), ".0f", "7"),
        (A::I(7), "#.0f", "7."),
        (A::I(7), "10.3f", "     7.000"),
        (A::I(7), "e", "7.000000e+00"),
        (A::I(7), ".3e", "7.000e+00"),
        (A::I(7), "E", "7.000000E+00"),
        (A::I(7), "g", "7"),
        (A::I(7), ".3g", "7"),
        (A::I(7), "G", "7"),
        (A::I(7), "#g", "7.00000"),
        (A::I(7), "%", "700.000000%"),
        (A::I(7), ".1%", "700.0%"),
        (A::I(7), ".3", "!ValueError: Precision not allowed in integer format specifier"),
        (A::I(7), "z.1f", "7.0"),
        (A::I(7), "z", "!ValueError: Negative zero coercion (z) not allowed in integer format specifier"),
        (A::I(7), "s", "!ValueError: Unknown format code 's' for object of type 'int'"),
        (A::I(7), ".2s", "!ValueError: Unknown format code 's' for object of type 'int'"),
        (A::I(7), ">10s", "!ValueError: Unknown format code 's' for object of type 'int'"),
        (A::I(7), "=8", "       7"),
        (A::I(7), "0=8", "00000007"),
        (A::I(7), "#", "7"),
        (A::I(7), ".0", "!ValueError: Precision not allowed in integer format specifier"),
        (A::I(7), ".1", "!ValueError: Precision not allowed in integer format specifier"),
        (A::I(7), "010.2f", "0000007.00"),
        (A::I(7), "+.2e", "+7.00e+00"),
        (A::I(7), ",.2f", "7.00"),
        (A::I(7), "_f", "7.000000"),
        (A::I(7), "x<5", "7xxxx"),
        (A::I(7), "\u{e9}^7", "\u{e9}\u{e9}\u{e9}7\u{e9}\u{e9}\u{e9}"),
        (A::I(7), "5", "    7"),
        (A::I(7), "-^8", "---7----"),
        (A::I(255), "", "255"),
        (A::I(255), "<8", "255     "),
        (A::I(255), ">8", "     255"),
        (A::I(255), "^8", "  255   "),
        (A::I(255), "*^9", "***255***"),
        (A::I(255), "=+10", "+      255"),
        (A::I(255), "+", "+255"),
        (A::I(255), "-", "255"),
        (A::I(255), " ", " 255"),
        (A::I(255), "010", "0000000255"),
        (A::I(255), "#x", "0xff"),
        (A::I(255), "#X", "0XFF"),
        (A::I(255), "#o", "0o377"),
        (A::I(255), "#b", "0b11111111"),
        (A::I(255), "x", "ff"),
        (A::I(255), "X", "FF"),
        (A::I(255), "o", "377"),
        (A::I(255), "b", "11111111"),
        (A::I(255), "c", "\u{ff}"),
        (A::I(255), "d", "255"),
        (A::I(255), "n", "255"),
        (A::I(255), ",", "255"),
        (A::I(255), "_", "255"),
        (A::I(255), "_x", "ff"),
        (A::I(255), "#_b", "0b1111_1111"),
        (A::I(255), ",d", "255"),
        (A::I(255), "08,", "0,000,255"),
        (A::I(255), "09_", "0_000_255"),
        (A::I(255), ".2f", "255.00"),
        (A::I(255), ".0f", "255"),
        (A::I(255), "#.0f", "255."),
        (A::I(255), "10.3f", "   255.000"),
        (A::I(255), "e", "2.550000e+02"),
        (A::I(255), ".3e", "2.550e+02"),
        (A::I(255), "E", "2.550000E+02"),
        (A::I(255), "g", "255"),
        (A::I(255), ".3g", "255"),
        (A::I(255), "G", "255"),
        (A::I(255), "#g", "255.000"),
        (A::I(255), "%", "25500.000000%"),
        (A::I(255), ".1%", "25500.0%"),
        (A::I(255), ".3", "!ValueError: Precision not allowed in integer format specifier"),
        (A::I(255), "z.1f", "255.0"),
        (A::I(255), "z", "!ValueError: Negative zero coercion (z) not allowed in integer format specifier"),
        (A::I(255), "s", "!ValueError: Unknown format code 's' for object of type 'int'"),
        (A::I(255), ".2s", "!ValueError: Unknown format code 's' for object of type 'int'"),
        (A::I(255), ">10s", "!ValueError: Unknown format code 's' for object of type 'int'"),
        (A::I(255), "=8", "     255"),
        (A::I(255), "0=8", "00000255"),
        (A::I(255), "#", "255"),
        (A::I(255), ".0", "!ValueError: Precision not allowed in integer format specifier"),
        (A::I(255), ".1", "!ValueError: Precision not allowed in integer format specifier"),
        (A::I(255), "010.2f", "0000255.00"),
        (A::I(255), "+.2e", "+2.55e+02"),
        (A::I(255), ",.2f", "255.00"),
        (A::I(255), "_f", "255.000000"),
        (A::I(255), "x<5", "255xx"),
        (A::I(255), "\u{e9}^7", "\u{e9}\u{e9}255\u{e9}\u{e9}"),
        (A::I(255), "5", "  255"),
        (A::I(255), "-^8", "--255---"),
        (A::I(-255), "", "-255"),
        (A::I(-255), "<8", "-255    "),
        (A::I(-255), ">8", "    -255"),
        (A::I(-255), "^8", "  -255  "),
        (A::I(-255), "*^9", "**-255***"),
        (A::I(-255), "=+10", "-      255"),
        (A::I(-255), "+", "-255"),
        (A::I(-255), "-", "-255"),
        (A::I(-255), " ", "-255"),
        (A::I(-255), "010", "-000000255"),
        (A::I(-255), "#x", "-0xff"),
        (A::I(-255), "#X", "-0XFF"),
        (A::I(-255), "#o", "-0o377"),
        (A::I(-255), "#b", "-0b11111111"),
        (A::I(-255), "x", "-ff"),
        (A::I(-255), "X", "-FF"),
        (A::I(-255), "o", "-377"),
        (A::I(-255), "b", "-11111111"),
        (A::I(-255), "c", "!OverflowError: %c arg not in range(0x110000)"),
        (A::I(-255), "d", "-255"),
        (A::I(-255), "n", "-255"),
        (A::I(-255), ",", "-255"),
        (A::I(-255), "_", "-255"),
        (A::I(-255), "_x", "-ff"),
        (A::I(-255), "#_b", "-0b1111_1111"),
        (A::I(-255), ",d", "-255"),
        (A::I(-255), "08,", "-000,255"),
        (A::I(-255), "09_", "-0_000_255"),
        (A::I(-255), ".2f", "-255.00"),
        (A::I(-255), ".0f", "-255"),
        (A::I(-255), "#.0f", "-255."),
        (A::I(-255), "10.3f", "  -255.000"),
        (A::I(-255), "e", "-2.550000e+02"),
        (A::I(-255), ".3e", "-2.550e+02"),
        (A::I(-255), "E", "-2.550000E+02"),
        (A::I(-255), "g", "-255"),
        (A::I(-255), ".3g", "-255"),
        (A::I(-255), "G", "-255"),
        (A::I(-255), "#g", "-255.000"),
        (A::I(-255), "%", "-25500.000000%"),
        (A::I(-255), ".1%", "-25500.0%"),
        (A::I(-255), ".3", "!ValueError: Precision not allowed in integer format specifier"),
        (A::I(-255), "z.1f", "-255.0"),
        (A::I(-255), "z", "!ValueError: Negative zero coercion (z) not allowed in integer format specifier"),
        (A::I(-255), "s", "!ValueError: Unknown format code 's' for object of type 'int'"),
        (A::I(-255), ".2s", "!ValueError: Unknown format code 's' for object of type 'int'"),
        (A::I(-255), ">10s", "!ValueError: Unknown format code 's' for object of type 'int'"),
        (A::I(-255), "=8", "-    255"),
        (A::I(-255), "0=8", "-0000255"),
        (A::I(-255), "#", "-255"),
        (A::I(-255), ".0", "!ValueError: Precision not allowed in integer format specifier"),
        (A::I(-255), ".1", "!ValueError: Precision not allowed in integer format specifier"),
        (A::I(-255), "010.2f", "-000255.00"),
        (A::I(-255), "+.2e", "-2.55e+02"),
        (A::I(-255), ",.2f", "-255.00"),
        (A::I(-255), "_f", "-255.000000"),
        (A::I(-255), "x<5", "-255x"),
        (A::I(-255), "\u{e9}^7", "\u{e9}-255\u{e9}\u{e9}"),
        (A::I(-255), "5", " -255"),
        (A::I(-255), "-^8", "---255--"),
        (A::I(1234567), "", "1234567"),
        (A::I(1234567), "<8", "1234567 "),
        (A::I(1234567), ">8", " 1234567"),
        (A::I(1234567), "^8", "1234567 "),
        (A::I(1234567), "*^9", "*1234567*"),
        (A::I(1234567), "=+10", "+  1234567"),
        (A::I(1234567), "+", "+1234567"),
        (A::I(1234567), "-", "1234567"),
        (A::I(1234567), " ", " 1234567"),
        (A::I(1234567), "010", "0001234567"),
        (A::I(1234567), "#x", "0x12d687"),
        (A::I(1234567), "#X", "0X12D687"),
        (A::I(1234567), "#o", "0o4553207"),
        (A::I(1234567), "#b", "0b100101101011010000111"),
        (A::I(1234567), "x", "12d687"),
        (A::I(1234567), "X", "12D687"),
        (A::I(1234567), "o", "4553207"),
        (A::I(1234567), "b", "100101101011010000111"),
        (A::I(1234567), "c", "!OverflowError: %c arg not in range(0x110000)"),
        (A::I(1234567), "d", "1234567"),
        (A::I(1234567), "n", "1234567"),
        (A::I(1234567), ",", "1,234,567"),
        (A::I(1234567), "_", "1_234_567"),
        (A::I(1234567), "_x", "12_d687"),
        (A::I(1234567), "#_b", "0b1_0010_1101_0110_1000_0111"),
        (A::I(1234567), ",d", "1,234,567"),
        (A::I(1234567), "08,", "1,234,567"),
        (A::I(1234567), "09_", "1_234_567"),
        (A::I(1234567), ".2f", "1234567.00"),
        (A::I(1234567), ".0f", "1234567"),
        (A::I(1234567), "#.0f", "1234567."),
        (A::I(1234567), "10.3f", "1234567.000"),
        (A::I(1234567), "e", "1.234567e+06"),
        (A::I(1234567), ".3e", "1.235e+06"),
        (A::I(1234567), "E", "1.234567E+06"),
        (A::I(1234567), "g", "1.23457e+06"),
        (A::I(1234567), ".3g", "1.23e+06"),
        (A::I(1234567), "G", "1.23457E+06"),
        (A::I(1234567), "#g", "1.23457e+06"),
        (A::I(1234567), "%", "123456700.000000%"),
        (A::I(1234567), ".1%", "123456700.0%"),
        (A::I(1234567), ".3", "!ValueError: Precision not allowed in integer format specifier"),
        (A::I(1234567), "z.1f", "1234567.0"),
        (A::I(1234567), "z", "!ValueError: Negative zero coercion (z) not allowed in integer format specifier"),
        (A::I(1234567), "s", "!ValueError: Unknown format code 's' for object of type 'int'"),
        (A::I(1234567), ".2s", "!ValueError: Unknown format code 's' for object of type 'int'"),
        (A::I(1234567), ">10s", "!ValueError: Unknown format code 's' for object of type 'int'"),
        (A::I(1234567), "=8", " 1234567"),
        (A::I(1234567), "0=8", "01234567"),
        (A::I(1234567), "#", "1234567"),
        (A::I(1234567), ".0", "!ValueError: Precision not allowed in integer format specifier"),
        (A::I(1234567), ".1", "!ValueError: Precision not allowed in integer format specifier"),
        (A::I(1234567), "010.2f", "1234567.00"),
        (A::I(1234567), "+.2e", "+1.23e+06"),
        (A::I(1234567), ",.2f", "1,234,567.00"),
        (A::I(1234567), "_f", "1_234_567.000000"),
        (A::I(1234567), "x<5", "1234567"),
        (A::I(1234567), "\u{e9}^7", "1234567"),
        (A::I(1234567), "5", "1234567"),
        (A::I(1234567), "-^8", "1234567-"),
        (A::I(-1234567), "", "-1234567"),
        (A::I(-1234567), "<8", "-1234567"),
        (A::I(-1234567), ">8", "-1234567"),
        (A::I(-1234567), "^8", "-1234567"),
        (A::I(-1234567), "*^9", "-1234567*"),
        (A::I(-1234567), "=+10", "-  1234567"),
        (A::I(-1234567), "+", "-1234567"),
        (A::I(-1234567), "-", "-1234567"),
        (A::I(-1234567), " ", "-1234567"),
        (A::I(-1234567), "010", "-001234567"),
        (A::I(-1234567), "#x", "-0x12d687"),
        (A::I(-1234567), "#X", "-0X12D687"),
        (A::I(-1234567), "#o", "-0o4553207"),
        (A::I(-1234567), "#b", "-0b100101101011010000111"),
        (A::I(-1234567), "x", "-12d687"),
        (A::I(-1234567), "X", "-12D687"),
        (A::I(-1234567), "o", "-4553207"),
        (A::I(-1234567), "b", "-100101101011010000111"),
        (A::I(-1234567), "c", "!OverflowError: %c arg not in range(0x110000)"),
        (A::I(-1234567), "d", "-1234567"),
        (A::I(-1234567), "n", "-1234567"),
        (A::I(-1234567), ",", "-1,234,567"),
        (A::I(-1234567), "_", "-1_234_567"),
        (A::I(-1234567), "_x", "-12_d687"),
        (A::I(-1234567), "#_b", "-0b1_0010_1101_0110_1000_0111"),
        (A::I(-1234567), ",d", "-1,234,567"),
        (A::I(-1234567), "08,", "-1,234,567"),
        (A::I(-1234567), "09_", "-1_234_567"),
        (A::I(-1234567), ".2f", "-1234567.00"),
        (A::I(-1234567), ".0f", "-1234567"),
        (A::I(-1234567), "#.0f", "-1234567."),
        (A::I(-1234567), "10.3f", "-1234567.000"),
        (A::I(-1234567), "e", "-1.234567e+06"),
        (A::I(-1234567), ".3e", "-1.235e+06"),
        (A::I(-1234567), "E", "-1.234567E+06"),
        (A::I(-1234567), "g", "-1.23457e+06"),
        (A::I(-1234567), ".3g", "-1.23e+06"),
        (A::I(-1234567), "G", "-1.23457E+06"),
        (A::I(-1234567), "#g", "-1.23457e+06"),
        (A::I(-1234567), "%", "-123456700.000000%"),
        (A::I(-1234567), ".1%", "-123456700.0%"),
        (A::I(-1234567), ".3", "!ValueError: Precision not allowed in integer format specifier"),
        (A::I(-1234567), "z.1f", "-1234567.0"),
        (A::I(-1234567), "z", "!ValueError: Negative zero coercion (z) not allowed in integer format specifier"),
        (A::I(-1234567), "s", "!ValueError: Unknown format code 's' for object of type 'int'"),
        (A::I(-1234567), ".2s", "!ValueError: Unknown format code 's' for object of type 'int'"),
        (A::I(-1234567), ">10s", "!ValueError: Unknown format code 's' for object of type 'int'"),
        (A::I(-1234567), "=8", "-1234567"),
        (A::I(-1234567), "0=8", "-1234567"),
        (A::I(-1234567), "#", "-1234567"),
        (A::I(-1234567), ".0", "!ValueError: Precision not allowed in integer format specifier"),
        (A::I(-1234567), ".1", "!ValueError: Precision not allowed in integer format specifier"),
        (A::I(-1234567), "010.2f", "-1234567.00"),
        (A::I(-1234567), "+.2e", "-1.23e+06"),
        (A::I(-1234567), ",.2f", "-1,234,567.00"),
        (A::I(-1234567), "_f", "-1_234_567.000000"),
        (A::I(-1234567), "x<5", "-1234567"),
        (A::I(-1234567), "\u{e9}^7", "-1234567"),
        (A::I(-1234567), "5", "-1234567"),
        (A::I(-1234567), "-^8", "-1234567"),
        (A::Big("9223372036854775808"), "", "9223372036854775808"),
        (A::Big("9223372036854775808"), "<8", "9223372036854775808"),
        (A::Big("9223372036854775808"), ">8", "9223372036854775808"),
        (A::Big("9223372036854775808"), "^8", "9223372036854775808"),
        (A::Big("9223372036854775808"), "*^9", "9223372036854775808"),
        (A::Big("9223372036854775808"), "=+10", "+9223372036854775808"),
        (A::Big("9223372036854775808"), "+", "+9223372036854775808"),
        (A::Big("9223372036854775808"), "-", "9223372036854775808"),
        (A::Big("9223372036854775808"), " ", " 9223372036854775808"),
        (A::Big("9223372036854775808"), "010", "9223372036854775808"),
        (A::Big("9223372036854775808"), "#x", "0x8000000000000000"),
        (A::Big("9223372036854775808"), "#X", "0X8000000000000000"),
        (A::Big("9223372036854775808"), "#o", "0o1000000000000000000000"),
        (A::Big("9223372036854775808"), "#b", "0b1000000000000000000000000000000000000000000000000000000000000000"),
        (A::Big("9223372036854775808"), "x", "8000000000000000"),
        (A::Big("9223372036854775808"), "X", "8000000000000000"),
        (A::Big("9223372036854775808"), "o", "1000000000000000000000"),
        (A::Big("9223372036854775808"), "b", "1000000000000000000000000000000000000000000000000000000000000000"),
        (A::Big("9223372036854775808"), "c", "!OverflowError: Python int too large to convert to C long"),
        (A::Big("9223372036854775808"), "d", "9223372036854775808"),
        (A::Big("9223372036854775808"), "n", "9223372036854775808"),
        (A::Big("9223372036854775808"), ",", "9,223,372,036,854,775,808"),
        (A::Big("9223372036854775808"), "_", "9_223_372_036_854_775_808"),
        (A::Big("9223372036854775808"), "_x", "8000_0000_0000_0000"),
        (A::Big("9223372036854775808"), "#_b", "0b1000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000"),
        (A::Big("9223372036854775808"), ",d", "9,223,372,036,854,775,808"),
        (A::Big("9223372036854775808"), "08,", "9,223,372,036,854,775,808"),
        (A::Big("9223372036854775808"), "09_", "9_223_372_036_854_775_808"),
        (A::Big("9223372036854775808"), ".2f", "9223372036854775808.00"),
        (A::Big("9223372036854775808"), ".0f", "9223372036854775808"),
        (A::Big("9223372036854775808"), "#.0f", "9223372036854775808."),
        (A::Big("9223372036854775808"), "10.3f", "9223372036854775808.000"),
        (A::Big("9223372036854775808"), "e", "9.223372e+18"),
        (A::Big("9223372036854775808"), ".3e", "9.223e+18"),
        (A::Big("9223372036854775808"), "E", "9.223372E+18"),
        (A::Big("9223372036854775808"), "g", "9.22337e+18"),
        (A::Big("9223372036854775808"), ".3g", "9.22e+18"),
        (A::Big("9223372036854775808"), "G", "9.22337E+18"),
        (A::Big("9223372036854775808"), "#g", "9.22337e+18"),
        (A::Big("9223372036854775808"), "%", "922337203685477580800.000000%"),
        (A::Big("9223372036854775808"), ".1%", "922337203685477580800.0%"),
        (A::Big("9223372036854775808"), ".3", "!ValueError: Precision not allowed in integer format specifier"),
        (A::Big("9223372036854775808"), "z.1f", "9223372036854775808.0"),
        (A::Big("9223372036854775808"), "z", "!ValueError: Negative zero coercion (z) not allowed in integer format specifier"),
        (A::Big("9223372036854775808"), "s", "!ValueError: Unknown format code 's' for object of type 'int'"),
        (A::Big("9223372036854775808"), ".2s", "!ValueError: Unknown format code 's' for object of type 'int'"),
        (A::Big("9223372036854775808"), ">10s", "!ValueError: Unknown format code 's' for object of type 'int'"),
        (A::Big("9223372036854775808"), "=8", "9223372036854775808"),
        (A::Big("9223372036854775808"), "0=8", "9223372036854775808"),
        (A::Big("9223372036854775808"), "#", "9223372036854775808"),
        (A::Big("9223372036854775808"), ".0", "!ValueError: Precision not allowed in integer format specifier"),
        (A::Big("9223372036854775808"), ".1", "!ValueError: Precision not allowed in integer format specifier"),
        (A::Big("9223372036854775808"), "010.2f", "9223372036854775808.00"),
        (A::Big("9223372036854775808"), "+.2e", "+9.22e+18"),
        (A::Big("9223372036854775808"), ",.2f", "9,223,372,036,854,775,808.00"),
        (A::Big("9223372036854775808"), "_f", "9_223_372_036_854_775_808.000000"),
        (A::Big("9223372036854775808"), "x<5", "9223372036854775808"),
        (A::Big("9223372036854775808"), "\u{e9}^7", "9223372036854775808"),
        (A::Big("9223372036854775808"), "5", "9223372036854775808"),
        (A::Big("9223372036854775808"), "-^8", "9223372036854775808"),
        (A::Big("-1180591620717411303424"), "", "-1180591620717411303424"),
        (A::Big("-1180591620717411303424"), "<8", "-1180591620717411303424"),
        (A::Big("-1180591620717411303424"), ">8", "-1180591620717411303424"),
        (A::Big("-1180591620717411303424"), "^8", "-1180591620717411303424"),
        (A::Big("-1180591620717411303424"), "*^9", "-1180591620717411303424"),
        (A::Big("-1180591620717411303424"), "=+10", "-1180591620717411303424"),
        (A::Big("-1180591620717411303424"), "+", "-1180591620717411303424"),
        (A::Big("-1180591620717411303424"), "-", "-1180591620717411303424"),
        (A::Big("-1180591620717411303424"), " ", "-1180591620717411303424"),
        (A::Big("-1180591620717411303424"), "010", "-1180591620717411303424"),
        (A::Big("-1180591620717411303424"), "#x", "-0x400000000000000000"),
        (A::Big("-1180591620717411303424"), "#X", "-0X400000000000000000"),
        (A::Big("-1180591620717411303424"), "#o", "-0o200000000000000000000000"),
        (A::Big("-1180591620717411303424"), "#b", "-0b10000000000000000000000000000000000000000000000000000000000000000000000"),
        (A::Big("-1180591620717411303424"), "x", "-400000000000000000"),
        (A::Big("-1180591620717411303424"), "X", "-400000000000000000"),
        (A::Big("-1180591620717411303424"), "o", "-200000000000000000000000"),
        (A::Big("-1180591620717411303424"), "b", "-10000000000000000000000000000000000000000000000000000000000000000000000"),
        (A::Big("-1180591620717411303424"), "c", "!OverflowError: Python int too large to convert to C long"),
        (A::Big("-1180591620717411303424"), "d", "-1180591620717411303424"),
        (A::Big("-1180591620717411303424"), "n", "-1180591620717411303424"),
        (A::Big("-1180591620717411303424"), ",", "-1,180,591,620,717,411,303,424"),
        (A::Big("-1180591620717411303424"), "_", "-1_180_591_620_717_411_303_424"),
        (A::Big("-1180591620717411303424"), "_x", "-40_0000_0000_0000_0000"),
        (A::Big("-1180591620717411303424"), "#_b", "-0b100_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000"),
        (A::Big("-1180591620717411303424"), ",d", "-1,180,591,620,717,411,303,424"),
        (A::Big("-1180591620717411303424"), "08,", "-1,180,591,620,717,411,303,424"),
        (A::Big("-1180591620717411303424"), "09_", "-1_180_591_620_717_411_303_424"),
        (A::Big("-1180591620717411303424"), ".2f", "-1180591620717411303424.00"),
        (A::Big("-1180591620717411303424"), ".0f", "-1180591620717411303424"),
        (A::Big("-1180591620717411303424"), "#.0f", "-1180591620717411303424."),
        (A::Big("-1180591620717411303424"), "10.3f", "-1180591620717411303424.000"),
        (A::Big("-1180591620717411303424"), "e", "-1.180592e+21"),
        (A::Big("-1180591620717411303424"), ".3e", "-1.181e+21"),
        (A::Big("-1180591620717411303424"), "E", "-1.180592E+21"),
        (A::Big("-1180591620717411303424"), "g", "-1.18059e+21"),
        (A::Big("-1180591620717411303424"), ".3g", "-1.18e+21"),
        (A::Big("-1180591620717411303424"), "G", "-1.18059E+21"),
        (A::Big("-1180591620717411303424"), "#g", "-1.18059e+21"),
        (A::Big("-1180591620717411303424"), "%", "-118059162071741130342400.000000%"),
        (A::Big("-1180591620717411303424"), ".1%", "-118059162071741130342400.0%"),
        (A::Big("-1180591620717411303424"), ".3", "!ValueError: Precision not allowed in integer format specifier"),
        (A::Big("-1180591620717411303424"), "z.1f", "-1180591620717411303424.0"),
        (A::Big("-1180591620717411303424"), "z", "!ValueError: Negative zero coercion (z) not allowed in integer format specifier"),
        (A::Big("-1180591620717411303424"), "s", "!ValueError: Unknown format code 's' for object of type 'int'"),
        (A::Big("-1180591620717411303424"), ".2s", "!ValueError: Unknown format code 's' for object of type 'int'"),
        (A::Big("-1180591620717411303424"), ">10s", "!ValueError: Unknown format code 's' for object of type 'int'"),
        (A::Big("-1180591620717411303424"), "=8", "-1180591620717411303424"),
        (A::Big("-1180591620717411303424"), "0=8", "-1180591620717411303424"),
        (A::Big("-1180591620717411303424"), "#", "-1180591620717411303424"),
        (A::Big("-1180591620717411303424"), ".0", "!ValueError: Precision not allowed in integer format specifier"),
        (A::Big("-1180591620717411303424"), ".1", "!ValueError: Precision not allowed in integer format specifier"),
        (A::Big("-1180591620717411303424"), "010.2f", "-1180591620717411303424.00"),
        (A::Big("-1180591620717411303424"), "+.2e", "-1.18e+21"),
        (A::Big("-1180591620717411303424"), ",.2f", "-1,180,591,620,717,411,303,424.00"),
        (A::Big("-1180591620717411303424"), "_f", "-1_180_591_620_717_411_303_424.000000"),
        (A::Big("-1180591620717411303424"), "x<5", "-1180591620717411303424"),
        (A::Big("-1180591620717411303424"), "\u{e9}^7", "-1180591620717411303424"),
        (A::Big("-1180591620717411303424"), "5", "-1180591620717411303424"),
        (A::Big("-1180591620717411303424"), "-^8", "-1180591620717411303424"),
        (A::Bo(true), "", "True"),
        (A::Bo(true), "<8", "1       "),
        (A::Bo(true), ">8", "       1"),
        (A::Bo(true), "^8", "   1    "),
        (A::Bo(true), "*^9", "****1****"),
        (A::Bo(true), "=+10", "+        1"),
        (A::Bo(true), "+", "+1"),
        (A::Bo(true), "-", "1"),
        (A::Bo(true), " ", " 1"),
        (A::Bo(true), "010", "0000000001"),
        (A::Bo(true), "#x", "0x1"),
        (A::Bo(true), "#X", "0X1"),
        (A::Bo(true), "#o", "0o1"),
        (A::Bo(true), "#b", "0b1"),
        (A::Bo(true), "x", "1"),
        (A::Bo(true), "X", "1"),
        (A::Bo(true), "o", "1"),
        (A::Bo(true), "b", "1"),
        (A::Bo(true), "c", "\u{1}"),
        (A::Bo(true), "d", "1"),
        (A::Bo(true), "n", "1"),
        (A::Bo(true), ",", "1"),
        (A::Bo(true), "_", "1"),
        (A::Bo(true), "_x", "1"),
        (A::Bo(true), "#_b", "0b1"),
        (A::Bo(true), ",d", "1"),
        (A::Bo(true), "08,", "0,000,001"),
        (A::Bo(true), "09_", "0_000_001"),
        (A::Bo(true), ".2f", "1.00"),
        (A::Bo(true), ".0f", "1"),
        (A::Bo(true), "#.0f", "1."),
        (A::Bo(true), "10.3f", "     1.000"),
        (A::Bo(true), "e", "1.000000e+00"),
        (A::Bo(true), ".3e", "1.000e+00"),
        (A::Bo(true), "E", "1.000000E+00"),
        (A::Bo(true), "g", "1"),
        (A::Bo(true), ".3g", "1"),
        (A::Bo(true), "G", "1"),
        (A::Bo(true), "#g", "1.00000"),
        (A::Bo(true), "%", "100.000000%"),
        (A::Bo(true), ".1%", "100.0%"),
        (A::Bo(true), ".3", "!ValueError: Precision not allowed in integer format specifier"),
        (A::Bo(true), "z.1f", "1.0"),
        (A::Bo(true), "z", "!ValueError: Negative zero coercion (z) not allowed in integer format specifier"),
        (A::Bo(true), "s", "!ValueError: Unknown format code 's' for object of type 'bool'"),
        (A::Bo(true), ".2s", "!ValueError: Unknown format code 's' for object of type 'bool'"),
        (A::Bo(true), ">10s", "!ValueError: Unknown format code 's' for object of type 'bool'"),
        (A::Bo(true), "=8", "       1"),
        (A::Bo(true), "0=8", "00000001"),
        (A::Bo(true), "#", "1"),
        (A::Bo(true), ".0", "!ValueError: Precision not allowed in integer format specifier"),
        (A::Bo(true), ".1", "!ValueError: Precision not allowed in integer format specifier"),
        (A::Bo(true), "010.2f", "0000001.00"),
        (A::Bo(true), "+.2e", "+1.00e+00"),
        (A::Bo(true), ",.2f", "1.00"),
        (A::Bo(true), "_f", "1.000000"),
        (A::Bo(true), "x<5", "1xxxx"),
        (A::Bo(true), "\u{e9}^7", "\u{e9}\u{e9}\u{e9}1\u{e9}\u{e9}\u{e9}"),
        (A::Bo(true), "5", "    1"),
        (A::Bo(true), "-^8", "---1----"),
        (A::Bo(false), "", "False"),
        (A::Bo(false), "<8", "0       "),
        (A::Bo(false), ">8", "       0"),
        (A::Bo(false), "^8", "   0    "),
        (A::Bo(false), "*^9", "****0****"),
        (A::Bo(false), "=+10", "+        0"),
        (A::Bo(false), "+", "+0"),
        (A::Bo(false), "-", "0"),
        (A::Bo(false), " ", " 0"),
        (A::Bo(false), "010", "0000000000"),
        (A::Bo(false), "#x", "0x0"),
        (A::Bo(false), "#X", "0X0"),
        (A::Bo(false), "#o", "0o0"),
        (A::Bo(false), "#b", "0b0"),
        (A::Bo(false), "x", "0"),
        (A::Bo(false), "X", "0"),
        (A::Bo(false), "o", "0"),
        (A::Bo(false), "b", "0"),
        (A::Bo(false), "c", "\u{0}"),
        (A::Bo(false), "d", "0"),
        (A::Bo(false), "n", "0"),
        (A::Bo(false), ",", "0"),
        (A::Bo(false), "_", "0"),
        (A::Bo(false), "_x", "0"),
        (A::Bo(false), "#_b", "0b0"),
        (A::Bo(false), ",d", "0"),
        (A::Bo(false), "08,", "0,000,000"),
        (A::Bo(false), "09_", "0_000_000"),
        (A::Bo(false), ".2f", "0.00"),
        (A::Bo(false), ".0f", "0"),
        (A::Bo(false), "#.0f", "0."),
        (A::Bo(false), "10.3f", "     0.000"),
        (A::Bo(false), "e", "0.000000e+00"),
        (A::Bo(false), ".3e", "0.000e+00"),
        (A::Bo(false), "E", "0.000000E+00"),
        (A::Bo(false), "g", "0"),
        (A::Bo(false), ".3g", "0"),
        (A::Bo(false), "G", "0"),
        (A::Bo(false), "#g", "0.00000"),
        (A::Bo(false), "%", "0.000000%"),
        (A::Bo(false), ".1%", "0.0%"),
        (A::Bo(false), ".3", "!ValueError: Precision not allowed in integer format specifier"),
        (A::Bo(false), "z.1f", "0.0"),
        (A::Bo(false), "z", "!ValueError: Negative zero coercion (z) not allowed in integer format specifier"),
        (A::Bo(false), "s", "!ValueError: Unknown format code 's' for object of type 'bool'"),
        (A::Bo(false), ".2s", "!ValueError: Unknown format code 's' for object of type 'bool'"),
        (A::Bo(false), ">10s", "!ValueError: Unknown format code 's' for object of type 'bool'"),
        (A::Bo(false), "=8", "       0"),
        (A::Bo(false), "0=8", "00000000"),
        (A::Bo(false), "#", "0"),
        (A::Bo(false), ".0", "!ValueError: Precision not allowed in integer format specifier"),
        (A::Bo(false), ".1", "!ValueError: Precision not allowed in integer format specifier"),
        (A::Bo(false), "010.2f", "0000000.00"),
        (A::Bo(false), "+.2e", "+0.00e+00"),
        (A::Bo(false), ",.2f", "0.00"),
        (A::Bo(false), "_f", "0.000000"),
        (A::Bo(false), "x<5", "0xxxx"),
        (A::Bo(false), "\u{e9}^7", "\u{e9}\u{e9}\u{e9}0\u{e9}\u{e9}\u{e9}"),
        (A::Bo(false), "5", "    0"),
        (A::Bo(false), "-^8", "---0----"),
        (A::F(0.0), "", "0.0"),
        (A::F(0.0), "<8", "0.0     "),
        (A::F(0.0), ">8", "     0.0"),
        (A::F(0.0), "^8", "  0.0   "),
        (A::F(0.0), "*^9", "***0.0***"),
        (A::F(0.0), "=+10", "+      0.0"),
        (A::F(0.0), "+", "+0.0"),
        (A::F(0.0), "-", "0.0"),
        (A::F(0.0), " ", " 0.0"),
        (A::F(0.0), "010", "00000000.0"),
        (A::F(0.0), "#x", "!ValueError: Unknown format code 'x' for object of type 'float'"),
        (A::F(0.0), "#X", "!ValueError: Unknown format code 'X' for object of type 'float'"),
        (A::F(0.0), "#o", "!ValueError: Unknown format code 'o' for object of type 'float'"),
        (A::F(0.0), "#b", "!ValueError: Unknown format code 'b' for object of type 'float'"),
        (A::F(0.0), "x", "!ValueError: Unknown format code 'x' for object of type 'float'"),
        (A::F(0.0), "X", "!ValueError: Unknown format code 'X' for object of type 'float'"),
        (A::F(0.0), "o", "!ValueError: Unknown format code 'o' for object of type 'float'"),
        (A::F(0.0), "b", "!ValueError: Unknown format code 'b' for object of type 'float'"),
        (A::F(0.0), "c", "!ValueError: Unknown format code 'c' for object of type 'float'"),
        (A::F(0.0), "d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
        (A::F(0.0), "n", "0"),
        (A::F(0.0), ",", "0.0"),
        (A::F(0.0), "_", "0.0"),
        (A::F(0.0), "_x", "!ValueError: Unknown format code 'x' for object of type 'float'"),
        (A::F(0.0), "#_b", "!ValueError: Unknown format code 'b' for object of type 'float'"),
        (A::F(0.0), ",d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
        (A::F(0.0), "08,", "00,000.0"),
        (A::F(0.0), "09_", "000_000.0"),
        (A::F(0.0), ".2f", "0.00"),
        (A::F(0.0), ".0f", "0"),
        (A::F(0.0), "#.0f", "0."),
        (A::F(0.0), "10.3f", "     0.000"),
        (A::F(0.0), "e", "0.000000e+00"),
        (A::F(0.0), ".3e", "0.000e+00"),
        (A::F(0.0), "E", "0.000000E+00"),
        (A::F(0.0), "g", "0"),
        (A::F(0.0), ".3g", "0"),
        (A::F(0.0), "G", "0"),
        (A::F(0.0), "#g", "0.00000"),
        (A::F(0.0), "%", "0.000000%"),
        (A::F(0.0), ".1%", "0.0%"),
        (A::F(0.0), ".3", "0.0"),
        (A::F(0.0), "z.1f", "0.0"),
        (A::F(0.0), "z", "0.0"),
        (A::F(0.0), "s", "!ValueError: Unknown format code 's' for object of type 'float'"),
        (A::F(0.0), ".2s", "!ValueError: Unknown format code 's' for object of type 'float'"),
        (A::F(0.0), ">10s", "!ValueError: Unknown format code 's' for object of type 'float'"),
        (A::F(0.0), "=8", "     0.0"),
        (A::F(0.0), "0=8", "000000.0"),
        (A::F(0.0), "#", "0.0"),
        (A::F(0.0), ".0", "0e+00"),
        (A::F(0.0), ".1", "0e+00"),
        (A::F(0.0), "010.2f", "0000000.00"),
        (A::F(0.0), "+.2e", "+0.00e+00"),
        (A::F(0.0), ",.2f", "0.00"),
        (A::F(0.0), "_f", "0.000000"),
        (A::F(0.0), "x<5", "0.0xx"),
        (A::F(0.0), "\u{e9}^7", "\u{e9}\u{e9}0.0\u{e9}\u{e9}"),
        (A::F(0.0), "5", "  0.0"),
        (A::F(0.0), "-^8", "--0.0---"),
        (A::F(-0.0), "", "-0.0"),
        (A::F(-0.0), "<8", "-0.0    "),
        (A::F(-0.0), ">8", "    -0.0"),
        (A::F(-0.0), "^8", "  -0.0  "),
        (A::F(-0.0), "*^9", "**-0.0***"),
        (A::F(-0.0), "=+10", "-      0.0"),
        (A::F(-0.0), "+", "-0.0"),
        (A::F(-0.0), "-", "-0.0"),
        (A::F(-0.0), " ", "-0.0"),
        (A::F(-0.0), "010", "-0000000.0"),
        (A::F(-0.0), "#x", "!ValueError: Unknown format code 'x' for object of type 'float'"),
        (A::F(-0.0), "#X", "!ValueError: Unknown format code 'X' for object of type 'float'"),
        (A::F(-0.0), "#o", "!ValueError: Unknown format code 'o' for object of type 'float'"),
        (A::F(-0.0), "#b", "!ValueError: Unknown format code 'b' for object of type 'float'"),
        (A::F(-0.0), "x", "!ValueError: Unknown format code 'x' for object of type 'float'"),
        (A::F(-0.0), "X", "!ValueError: Unknown format code 'X' for object of type 'float'"),
        (A::F(-0.0), "o", "!ValueError: Unknown format code 'o' for object of type 'float'"),
        (A::F(-0.0), "b", "!ValueError: Unknown format code 'b' for object of type 'float'"),
        (A::F(-0.0), "c", "!ValueError: Unknown format code 'c' for object of type 'float'"),
        (A::F(-0.0), "d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
        (A::F(-0.0), "n", "-0"),
        (A::F(-0.0), ",", "-0.0"),
        (A::F(-0.0), "_", "-0.0"),
        (A::F(-0.0), "_x", "!ValueError: Unknown format code 'x' for object of type 'float'"),
        (A::F(-0.0), "#_b", "!ValueError: Unknown format code 'b' for object of type 'float'"),
        (A::F(-0.0), ",d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
        (A::F(-0.0), "08,", "-0,000.0"),
        (A::F(-0.0), "09_", "-00_000.0"),
        (A::F(-0.0), ".2f", "-0.00"),
        (A::F(-0.0), ".0f", "-0"),
        (A::F(-0.0), "#.0f", "-0."),
        (A::F(-0.0), "10.3f", "    -0.000"),
        (A::F(-0.0), "e", "-0.000000e+00"),
        (A::F(-0.0), ".3e", "-0.000e+00"),
        (A::F(-0.0), "E", "-0.000000E+00"),
        (A::F(-0.0), "g", "-0"),
        (A::F(-0.0), ".3g", "-0"),
        (A::F(-0.0), "G", "-0"),
        (A::F(-0.0), "#g", "-0.00000"),
        (A::F(-0.0), "%", "-0.000000%"),
        (A::F(-0.0), ".1%", "-0.0%"),
        (A::F(-0.0), ".3", "-0.0"),
        (A::F(-0.0), "z.1f", "0.0"),
        (A::F(-0.0), "z", "0.0"),
        (A::F(-0.0), "s", "!ValueError: Unknown format code 's' for object of type 'float'"),
        (A::F(-0.0), ".2s", "!ValueError: Unknown format code 's' for object of type 'float'"),
        (A::F(-0.0), ">10s", "!ValueError: Unknown format code 's' for object of type 'float'"),
        (A::F(-0.0), "=8", "-    0.0"),
        (A::F(-0.0), "0=8", "-00000.0"),
        (A::F(-0.0), "#", "-0.0"),
        (A::F(-0.0), ".0", "-0e+00"),
        (A::F(-0.0), ".1", "-0e+00"),
        (A::F(-0.0), "010.2f", "-000000.00"),
        (A::F(-0.0), "+.2e", "-0.00e+00"),
        (A::F(-0.0), ",.2f", "-0.00"),
        (A::F(-0.0), "_f", "-0.000000"),
        (A::F(-0.0), "x<5", "-0.0x"),
        (A::F(-0.0), "\u{e9}^7", "\u{e9}-0.0\u{e9}\u{e9}"),
        (A::F(-0.0), "5", " -0.0"),
        (A::F(-0.0), "-^8", "---0.0--"),
        (A::F(1.5), "", "1.5"),
        (A::F(1.5), "<8", "1.5     "),
        (A::F(1.5), ">8", "     1.5"),
        (A::F(1.5), "^8", "  1.5   "),
        (A::F(1.5), "*^9", "***1.5***"),
        (A::F(1.5), "=+10", "+      1.5"),
        (A::F(1.5), "+", "+1.5"),
        (A::F(1.5), "-", "1.5"),
        (A::F(1.5), " ", " 1.5"),
        (A::F(1.5), "010", "00000001.5"),
        (A::F(1.5), "#x", "!ValueError: Unknown format code 'x' for object of type 'float'"),
        (A::F(1.5), "#X", "!ValueError: Unknown format code 'X' for object of type 'float'"),
        (A::F(1.5), "#o", "!ValueError: Unknown format code 'o' for object of type 'float'"),
        (A::F(1.5), "#b", "!ValueError: Unknown format code 'b' for object of type 'float'"),
        (A::F(1.5), "x", "!ValueError: Unknown format code 'x' for object of type 'float'"),
        (A::F(1.5), "X", "!ValueError: Unknown format code 'X' for object of type 'float'"),
        (A::F(1.5), "o", "!ValueError: Unknown format code 'o' for object of type 'float'"),
        (A::F(1.5), "b", "!ValueError: Unknown format code 'b' for object of type 'float'"),
        (A::F(1.5), "c", "!ValueError: Unknown format code 'c' for object of type 'float'"),
        (A::F(1.5), "d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
        (A::F(1.5), "n", "1.5"),
        (A::F(1.5), ",", "1.5"),
        (A::F(1.5), "_", "1.5"),
        (A::F(1.5), "_x", "!ValueError: Unknown format code 'x' for object of type 'float'"),
        (A::F(1.5), "#_b", "!ValueError: Unknown format code 'b' for object of type 'float'"),
        (A::F(1.5), ",d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
        (A::F(1.5), "08,", "00,001.5"),
        (A::F(1.5), "09_", "000_001.5"),
        (A::F(1.5), ".2f", "1.50"),
        (A::F(1.5), ".0f", "2"),
        (A::F(1.5), "#.0f", "2."),
        (A::F(1.5), "10.3f", "     1.500"),
        (A::F(1.5), "e", "1.500000e+00"),
        (A::F(1.5), ".3e", "1.500e+00"),
        (A::F(1.5), "E", "1.500000E+00"),
        (A::F(1.5), "g", "1.5"),
        (A::F(1.5), ".3g", "1.5"),
        (A::F(1.5), "G", "1.5"),
        (A::F(1.5), "#g", "1.50000"),
        (A::F(1.5), "%", "150.000000%"),
        (A::F(1.5), ".1%", "150.0%"),
        (A::F(1.5), ".3", "1.5"),
        (A::F(1.5), "z.1f", "1.5"),
        (A::F(1.5), "z", "1.5"),
        (A::F(1.5), "s", "!ValueError: Unknown format code 's' for object of type 'float'"),
        (A::F(1.5), ".2s", "!ValueError: Unknown format code 's' for object of type 'float'"),
        (A::F(1.5), ">10s", "!ValueError: Unknown format code 's' for object of type 'float'"),
        (A::F(1.5), "=8", "     1.5"),
        (A::F(1.5), "0=8", "000001.5"),
        (A::F(1.5), "#", "1.5"),
        (A::F(1.5), ".0", "2e+00"),
        (A::F(1.5), ".1", "2e+00"),
        (A::F(1.5), "010.2f", "0000001.50"),
        (A::F(1.5), "+.2e", "+1.50e+00"),
        (A::F(1.5), ",.2f", "1.50"),
        (A::F(1.5), "_f", "1.500000"),
        (A::F(1.5), "x<5", "1.5xx"),
        (A::F(1.5), "\u{e9}^7", "\u{e9}\u{e9}1.5\u{e9}\u{e9}"),
        (A::F(1.5), "5", "  1.5"),
        (A::F(1.5), "-^8", "--1.5---"),
        (A::F(-1.5), "", "-1.5"),
        (A::F(-1.5), "<8", "-1.5    "),
        (A::F(-1.5), ">8", "    -1.5"),
        (A::F(-1.5), "^8", "  -1.5  "),
        (A::F(-1.5), "*^9", "**-1.5***"),
        (A::F(-1.5), "=+10", "-      1.5"),
        (A::F(-1.5), "+", "-1.5"),
        (A::F(-1.5), "-", "-1.5"),
        (A::F(-1.5), " ", "-1.5"),
        (A::F(-1.5), "010", "-0000001.5"),
        (A::F(-1.5), "#x", "!ValueError: Unknown format code 'x' for object of type 'float'"),
        (A::F(-1.5), "#X", "!ValueError: Unknown format code 'X' for object of type 'float'"),
        (A::F(-1.5), "#o", "!ValueError: Unknown format code 'o' for object of type 'float'"),
        (A::F(-1.5), "#b", "!ValueError: Unknown format code 'b' for object of type 'float'"),
        (A::F(-1.5), "x", "!ValueError: Unknown format code 'x' for object of type 'float'"),
        (A::F(-1.5), "X", "!ValueError: Unknown format code 'X' for object of type 'float'"),
        (A::F(-1.5), "o", "!ValueError: Unknown format code 'o' for object of type 'float'"),
        (A::F(-1.5), "b", "!ValueError: Unknown format code 'b' for object of type 'float'"),
        (A::F(-1.5), "c", "!ValueError: Unknown format code 'c' for object of type 'float'"),
        (A::F(-1.5), "d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
        (A::F(-1.5), "n", "-1.5"),
        (A::F(-1.5), ",", "-1.5"),
        (A::F(-1.5), "_", "-1.5"),
        (A::F(-1.5), "_x", "!ValueError: Unknown format code 'x' for object of type 'float'"),
        (A::F(-1.5), "#_b", "!ValueError: Unknown format code 'b' for object of type 'float'"),
        (A::F(-1.5), ",d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
        (A::F(-1.5), "08,", "-0,001.5"),
        (A::F(-1.5), "09_", "-00_001.5"),
        (A::F(-1.5), ".2f", "-1.50"),
        (A::F(-1.5), ".0f", "-2"),
        (A::F(-1.5), "#.0f", "-2."),
        (A::F(-1.5), "10.3f", "    -1.500"),
        (A::F(-1.5), "e", "-1.500000e+00"),
        (A::F(-1.5), ".3e", "-1.500e+00"),
        (A::F(-1.5), "E", "-1.500000E+00"),
        (A::F(-1.5), "g", "-1.5"),
        (A::F(-1.5), ".3g", "-1.5"),
        (A::F(-1.5), "G", "-1.5"),
        (A::F(-1.5), "#g", "-1.50000"),
        (A::F(-1.5), "%", "-150.000000%"),
        (A::F(-1.5), ".1%", "-150.0%"),
        (A::F(-1.5), ".3", "-1.5"),
        (A::F(-1.5), "z.1f", "-1.5"),
        (A::F(-1.5), "z", "-1.5"),
        (A::F(-1.5), "s", "!ValueError: Unknown format code 's' for object of type 'float'"),
        (A::F(-1.5), ".2s", "!ValueError: Unknown format code 's' for object of type 'float'"),
        (A::F(-1.5), ">10s", "!ValueError: Unknown format code 's' for object of type 'float'"),
        (A::F(-1.5), "=8", "-    1.5"),
        (A::F(-1.5), "0=8", "-00001.5"),
        (A::F(-1.5), "#", "-1.5"),
        (A::F(-1.5), ".0", "-2e+00"),
        (A::F(-1.5), ".1", "-2e+00"),
        (A::F(-1.5), "010.2f", "-000001.50"),
        (A::F(-1.5), "+.2e", "-1.50e+00"),
        (A::F(-1.5), ",.2f", "-1.50"),
        (A::F(-1.5), "_f", "-1.500000"),
        (A::F(-1.5), "x<5", "-1.5x"),
        (A::F(-1.5), "\u{e9}^7", "\u{e9}-1.5\u{e9}\u{e9}"),
        (A::F(-1.5), "5", " -1.5"),
        (A::F(-1.5), "-^8", "---1.5--"),
        (A::F(0.1), "", "0.1"),
        (A::F(0.1), "<8", "0.1     "),
        (A::F(0.1), ">8", "     0.1"),
        (A::F(0.1), "^8", "  0.1   "),
        (A::F(0.1), "*^9", "***0.1***"),
        (A::F(0.1), "=+10", "+      0.1"),
        (A::F(0.1), "+", "+0.1"),
        (A::F(0.1), "-", "0.1"),
        (A::F(0.1), " ", " 0.1"),
        (A::F(0.1), "010", "00000000.1"),
        (A::F(0.1), "#x", "!ValueError: Unknown format code 'x' for object of type 'float'"),
        (A::F(0.1), "#X", "!ValueError: Unknown format code 'X' for object of type 'float'"),
        (A::F(0.1), "#o", "!ValueError: Unknown format code 'o' for object of type 'float'"),
        (A::F(0.1), "#b", "!ValueError: Unknown format code 'b' for object of type 'float'"),
        (A::F(0.1), "x", "!ValueError: Unknown format code 'x' for object of type 'float'"),
        (A::F(0.1), "X", "!ValueError: Unknown format code 'X' for object of type 'float'"),
        (A::F(0.1), "o", "!ValueError: Unknown format code 'o' for object of type 'float'"),
        (A::F(0.1), "b", "!ValueError: Unknown format code 'b' for object of type 'float'"),
        (A::F(0.1), "c", "!ValueError: Unknown format code 'c' for object of type 'float'"),
        (A::F(0.1), "d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
        (A::F(0.1), "n", "0.1"),
        (A::F(0.1), ",", "0.1"),
        (A::F(0.1), "_", "0.1"),
        (A::F(0.1), "_x", "!ValueError: Unknown format code 'x' for object of type 'float'"),
        (A::F(0.1), "#_b", "!ValueError: Unknown format code 'b' for object of type 'float'"),
        (A::F(0.1), ",d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
        (A::F(0.1), "08,", "00,000.1"),
        (A::F(0.1), "09_", "000_000.1"),
        (A::F(0.1), ".2f", "0.10"),
        (A::F(0.1), ".0f", "0"),
        (A::F(0.1), "#.0f", "0."),
        (A::F(0.1), "10.3f", "     0.100"),
        (A::F(0.1), "e", "1.000000e-01"),
        (A::F(0.1), ".3e", "1.000e-01"),
        (A::F(0.1), "E", "1.000000E-01"),
        (A::F(0.1), "g", "0.1"),
        (A::F(0.1), ".3g", "0.1"),
        (A::F(0.1), "G", "0.1"),
        (A::F(0.1), "#g", "0.100000"),
        (A::F(0.1), "%", "10.000000%"),
        (A::F(0.1), ".1%", "10.0%"),
        (A::F(0.1), ".3", "0.1"),
        (A::F(0.1), "z.1f", "0.1"),
        (A::F(0.1), "z", "0.1"),
        (A::F(0.1), "s", "!ValueError: Unknown format code 's' for object of type 'float'"),
        (A::F(0.1), ".2s", "!ValueError: Unknown format code 's' for object of type 'float'"),
        (A::F(0.1), ">10s", "!ValueError: Unknown format code 's' for object of type 'float'"),
        (A::F(0.1), "=8", "     0.1"),
        (A::F(0.1), "0=8", "000000.1"),
        (A::F(0.1), "#", "0.1"),
        (A::F(0.1), ".0", "0.1"),
        (A::F(0.1), ".1", "0.1"),
        (A::F(0.1), "010.2f", "0000000.10"),
        (A::F(0.1), "+.2e", "+1.00e-01"),
        (A::F(0.1), ",.2f", "0.10"),
        (A::F(0.1), "_f", "0.100000"),
        (A::F(0.1), "x<5", "0.1xx"),
        (A::F(0.1), "\u{e9}^7", "\u{e9}\u{e9}0.1\u{e9}\u{e9}"),
        (A::F(0.1), "5", "  0.1"),
        (A::F(0.1), "-^8", "--0.1---"),
        (A::F(2.5), "", "2.5"),
        (A::F(2.5), "<8", "2.5     "),
        (A::F(2.5), ">8", "     2.5"),
        (A::F(2.5), "^8", "  2.5   "),
        (A::F(2.5), "*^9", "***2.5***"),
        (A::F(2.5), "=+10", "+      2.5"),
        (A::F(2.5), "+", "+2.5"),
        (A::F(2.5), "-", "2.5"),
        (A::F(2.5), " ", " 2.5"),
        (A::F(2.5), "010", "00000002.5"),
        (A::F(2.5), "#x", "!ValueError: Unknown format code 'x' for object of type 'float'"),
        (A::F(2.5), "#X", "!ValueError: Unknown format code 'X' for object of type 'float'"),
        (A::F(2.5), "#o", "!ValueError: Unknown format code 'o' for object of type 'float'"),
        (A::F(2.5), "#b", "!ValueError: Unknown format code 'b' for object of type 'float'"),
        (A::F(2.5), "x", "!ValueError: Unknown format code 'x' for object of type 'float'"),
        (A::F(2.5), "X", "!ValueError: Unknown format code 'X' for object of type 'float'"),
        (A::F(2.5), "o", "!ValueError: Unknown format code 'o' for object of type 'float'"),
        (A::F(2.5), "b", "!ValueError: Unknown format code 'b' for object of type 'float'"),
        (A::F(2.5), "c", "!ValueError: Unknown format code 'c' for object of type 'float'"),
        (A::F(2.5), "d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
        (A::F(2.5), "n", "2.5"),
        (A::F(2.5), ",", "2.5"),
        (A::F(2.5), "_", "2.5"),
        (A::F(2.5), "_x", "!ValueError: Unknown format code 'x' for object of type 'float'"),
        (A::F(2.5), "#_b", "!ValueError: Unknown format code 'b' for object of type 'float'"),
        (A::F(2.5), ",d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
        (A::F(2.5), "08,", "00,002.5"),
        (A::F(2.5), "09_", "000_002.5"),
        (A::F(2.5), ".2f", "2.50"),
        (A::F(2.5), ".0f", "2"),
        (A::F(2.5), "#.0f", "2."),
        (A::F(2.5), "10.3f", "     2.500"),
        (A::F(2.5), "e", "2.500000e+00"),
        (A::F(2.5), ".3e", "2.500e+00"),
        (A::F(2.5), "E", "2.500000E+00"),
        (A::F(2.5), "g", "2.5"),
        (A::F(2.5), ".3g", "2.5"),
        (A::F(2.5), "G", "2.5"),
        (A::F(2.5), "#g", "2.50000"),
        (A::F(2.5), "%", "250.000000%"),
        (A::F(2.5), ".1%", "250.0%"),
        (A::F(2.5), ".3", "2.5"),
        (A::F(2.5), "z.1f", "2.5"),
        (A::F(2.5), "z", "2.5"),
        (A::F(2.5), "s", "!ValueError: Unknown format code 's' for object of type 'float'"),
        (A::F(2.5), ".2s", "!ValueError: Unknown format code 's' for object of type 'float'"),
        (A::F(2.5), ">10s", "!ValueError: Unknown format code 's' for object of type 'float'"),
        (A::F(2.5), "=8", "     2.5"),
        (A::F(2.5), "0=8", "000002.5"),
        (A::F(2.5), "#", "2.5"),
        (A::F(2.5), ".0", "2e+00"),
        (A::F(2.5), ".1", "2e+00"),
        (A::F(2.5), "010.2f", "0000002.50"),
        (A::F(2.5), "+.2e", "+2.50e+00"),
        (A::F(2.5), ",.2f", "2.50"),
        (A::F(2.5), "_f", "2.500000"),
        (A::F(2.5), "x<5", "2.5xx"),
        (A::F(2.5), "\u{e9}^7", "\u{e9}\u{e9}2.5\u{e9}\u{e9}"),
        (A::F(2.5), "5", "  2.5"),
        (A::F(2.5), "-^8", "--2.5---"),
        (A::F(1234.5678), "", "1234.5678"),
        (A::F(1234.5678), "<8", "1234.5678"),
        (A::F(1234.5678), ">8", "1234.5678"),
        (A::F(1234.5678), "^8", "1234.5678"),
        (A::F(1234.5678), "*^9", "1234.5678"),
        (A::F(1234.5678), "=+10", "+1234.5678"),
        (A::F(1234.5678), "+", "+1234.5678"),
        (A::F(1234.5678), "-", "1234.5678"),
        (A::F(1234.5678), " ", " 1234.5678"),
        (A::F(1234.5678), "010", "01234.5678"),
        (A::F(1234.5678), "#x", "!ValueError: Unknown format code 'x' for object of type 'float'"),
        (A::F(1234.5678), "#X", "!ValueError: Unknown format code 'X' for object of type 'float'"),
        (A::F(1234.5678), "#o", "!ValueError: Unknown format code 'o' for object of type 'float'"),
        (A::F(1234.5678), "#b", "!ValueError: Unknown format code 'b' for object of type 'float'"),
        (A::F(1234.5678), "x", "!ValueError: Unknown format code 'x' for object of type 'float'"),
        (A::F(1234.5678), "X", "!ValueError: Unknown format code 'X' for object of type 'float'"),
        (A::F(1234.5678), "o", "!ValueError: Unknown format code 'o' for object of type 'float'"),
        (A::F(1234.5678), "b", "!ValueError: Unknown format code 'b' for object of type 'float'"),
        (A::F(1234.5678), "c", "!ValueError: Unknown format code 'c' for object of type 'float'"),
        (A::F(1234.5678), "d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
        (A::F(1234.5678), "n", "1234.57"),
        (A::F(1234.5678), ",", "1,234.5678"),
        (A::F(1234.5678), "_", "1_234.5678"),
        (A::F(1234.5678), "_x", "!ValueError: Unknown format code 'x' for object of type 'float'"),
        (A::F(1234.5678), "#_b", "!ValueError: Unknown format code 'b' for object of type 'float'"),
        (A::F(1234.5678), ",d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
        (A::F(1234.5678), "08,", "1,234.5678"),
        (A::F(1234.5678), "09_", "1_234.5678"),
        (A::F(1234.5678), ".2f", "1234.57"),
        (A::F(1234.5678), ".0f", "1235"),
        (A::F(1234.5678), "#.0f", "1235."),
        (A::F(1234.5678), "10.3f", "  1234.568"),
        (A::F(1234.5678), "e", "1.234568e+03"),
        (A::F(1234.5678), ".3e", "1.235e+03"),
        (A::F(1234.5678), "E", "1.234568E+03"),
        (A::F(1234.5678), "g", "1234.57"),
        (A::F(1234.5678), ".3g", "1.23e+03"),
        (A::F(1234.5678), "G", "1234.57"),
        (A::F(1234.5678), "#g", "1234.57"),
        (A::F(1234.5678), "%", "123456.780000%"),
        (A::F(1234.5678), ".1%", "123456.8%"),
        (A::F(1234.5678), ".3", "1.23e+03"),
        (A::F(1234.5678), "z.1f", "1234.6"),
        (A::F(1234.5678), "z", "1234.5678"),
        (A::F(1234.5678), "s", "!ValueError: Unknown format code 's' for object of type 'float'"),
        (A::F(1234.5678), ".2s", "!ValueError: Unknown format code 's' for object of type 'float'"),
        (A::F(1234.5678), ">10s", "!ValueError: Unknown format code 's' for object of type 'float'"),
        (A::F(1234.5678), "=8", "1234.5678"),
        (A::F(1234.5678), "0=8", "1234.5678"),
        (A::F(1234.5678), "#", "1234.5678"),
        (A::F(1234.5678), ".0", "1e+03"),
        (A::F(1234.5678), ".1", "1e+03"),
        (A::F(1234.5678), "010.2f", "0001234.57"),
        (A::F(1234.5678), "+.2e", "+1.23e+03"),
        (A::F(1234.5678), ",.2f", "1,234.57"),
        (A::F(1234.5678), "_f", "1_234.567800"),
        (A::F(1234.5678), "x<5", "1234.5678"),
        (A::F(1234.5678), "\u{e9}^7", "1234.5678"),
        (A::F(1234.5678), "5", "1234.5678"),
        (A::F(1234.5678), "-^8", "1234.5678"),
        (A::F(1e-07), "n", "1e-07"),
        (A::F(1e-07), ".2f", "0.00"),
        (A::F(1e-07), ".0f", "0"),
        (A::F(1e-07), "#.0f", "0."),
        (A::F(1e-07), "10.3f", "     0.000"),
        (A::F(1e-07), "e", "1.000000e-07"),
        (A::F(1e-07), ".3e", "1.000e-07"),
        (A::F(1e-07), "E", "1.000000E-07"),
        (A::F(1e-07), "g", "1e-07"),
        (A::F(1e-07), ".3g", "1e-07"),
        (A::F(1e-07), "G", "1E-07"),
        (A::F(1e-07), "#g", "1.00000e-07"),
        (A::F(1e-07), "%", "0.000010%"),
        (A::F(1e-07), ".1%", "0.0%"),
        (A::F(1e-07), ".3", "1e-07"),
        (A::F(1e-07), "z.1f", "0.0"),
        (A::F(1e-07), ".2s", "!ValueError: Unknown format code 's' for object of type 'float'"),
        (A::F(1e-07), ".0", "1e-07"),
        (A::F(1e-07), ".1", "1e-07"),
        (A::F(1e-07), "010.2f", "0000000.00"),
        (A::F(1e-07), "+.2e", "+1.00e-07"),
        (A::F(1e-07), ",.2f", "0.00"),
        (A::F(1e-07), "_f", "0.000000"),
        (A::F(1e+16), "n", "1e+16"),
        (A::F(1e+16), ".2f", "10000000000000000.00"),
        (A::F(1e+16), ".0f", "10000000000000000"),
        (A::F(1e+16), "#.0f", "10000000000000000."),
        (A::F(1e+16), "10.3f", "10000000000000000.000"),
        (A::F(1e+16), "e", "1.000000e+16"),
        (A::F(1e+16), ".3e", "1.000e+16"),
        (A::F(1e+16), "E", "1.000000E+16"),
        (A::F(1e+16), "g", "1e+16"),
        (A::F(1e+16), ".3g", "1e+16"),
        (A::F(1e+16), "G", "1E+16"),
        (A::F(1e+16), "#g", "1.00000e+16"),
        (A::F(1e+16), "%", "1000000000000000000.000000%"),
        (A::F(1e+16), ".1%", "1000000000000000000.0%"),
        (A::F(1e+16), ".3", "1e+16"),
        (A::F(1e+16), "z.1f", "10000000000000000.0"),
        (A::F(1e+16), ".2s", "!ValueError: Unknown format code 's' for object of type 'float'"),
        (A::F(1e+16), ".0", "1e+16"),
        (A::F(1e+16), ".1", "1e+16"),
        (A::F(1e+16), "010.2f", "10000000000000000.00"),
        (A::F(1e+16), "+.2e", "+1.00e+16"),
        (A::F(1e+16), ",.2f", "10,000,000,000,000,000.00"),
        (A::F(1e+16), "_f", "10_000_000_000_000_000.000000"),
        (A::F(1e+22), "n", "1e+22"),
        (A::F(1e+22), ".2f", "10000000000000000000000.00"),
        (A::F(1e+22), ".0f", "10000000000000000000000"),
        (A::F(1e+22), "#.0f", "10000000000000000000000."),
        (A::F(1e+22), "10.3f", "10000000000000000000000.000"),
        (A::F(1e+22), "e", "1.000000e+22"),
        (A::F(1e+22), ".3e", "1.000e+22"),
        (A::F(1e+22), "E", "1.000000E+22"),
        (A::F(1e+22), "g", "1e+22"),
        (A::F(1e+22), ".3g", "1e+22"),
        (A::F(1e+22), "G", "1E+22"),
        (A::F(1e+22), "#g", "1.00000e+22"),
        (A::F(1e+22), "%", "999999999999999983222784.000000%"),
        (A::F(1e+22), ".1%", "999999999999999983222784.0%"),
        (A::F(1e+22), ".3", "1e+22"),
        (A::F(1e+22), "z.1f", "10000000000000000000000.0"),
        (A::F(1e+22), ".2s", "!ValueError: Unknown format code 's' for object of type 'float'"),
        (A::F(1e+22), ".0", "1e+22"),
        (A::F(1e+22), ".1", "1e+22"),
        (A::F(1e+22), "010.2f", "10000000000000000000000.00"),
        (A::F(1e+22), "+.2e", "+1.00e+22"),
        (A::F(1e+22), ",.2f", "10,000,000,000,000,000,000,000.00"),
        (A::F(1e+22), "_f", "10_000_000_000_000_000_000_000.000000"),
        (A::F(123456789.123), "", "123456789.123"),
        (A::F(123456789.123), "<8", "123456789.123"),
        (A::F(123456789.123), ">8", "123456789.123"),
        (A::F(123456789.123), "^8", "123456789.123"),
        (A::F(123456789.123), "*^9", "123456789.123"),
        (A::F(123456789.123), "=+10", "+123456789.123"),
        (A::F(123456789.123), "+", "+123456789.123"),
        (A::F(123456789.123), "-", "123456789.123"),
        (A::F(123456789.123), " ", " 123456789.123"),
        (A::F(123456789.123), "010", "123456789.123"),
        (A::F(123456789.123), "#x", "!ValueError: Unknown format code 'x' for object of type 'float'"),
        (A::F(123456789.123), "#X", "!ValueError: Unknown format code 'X' for object of type 'float'"),
        (A::F(123456789.123), "#o", "!ValueError: Unknown format code 'o' for object of type 'float'"),
        (A::F(123456789.123), "#b", "!ValueError: Unknown format code 'b' for object of type 'float'"),
        (A::F(123456789.123), "x", "!ValueError: Unknown format code 'x' for object of type 'float'"),
        (A::F(123456789.123), "X", "!ValueError: Unknown format code 'X' for object of type 'float'"),
        (A::F(123456789.123), "o", "!ValueError: Unknown format code 'o' for object of type 'float'"),
        (A::F(123456789.123), "b", "!ValueError: Unknown format code 'b' for object of type 'float'"),
        (A::F(123456789.123), "c", "!ValueError: Unknown format code 'c' for object of type 'float'"),
        (A::F(123456789.123), "d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
        (A::F(123456789.123), "n", "1.23457e+08"),
        (A::F(123456789.123), ",", "123,456,789.123"),
        (A::F(123456789.123), "_", "123_456_789.123"),
        (A::F(123456789.123), "_x", "!ValueError: Unknown format code 'x' for object of type 'float'"),
        (A::F(123456789.123), "#_b", "!ValueError: Unknown format code 'b' for object of type 'float'"),
        (A::F(123456789.123), ",d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
        (A::F(123456789.123), "08,", "123,456,789.123"),
        (A::F(123456789.123), "09_", "123_456_789.123"),
        (A::F(123456789.123), ".2f", "123456789.12"),
        (A::F(123456789.123), ".0f", "123456789"),
        (A::F(123456789.123), "#.0f", "123456789."),
        (A::F(123456789.123), "10.3f", "123456789.123"),
        (A::F(123456789.123), "e", "1.234568e+08"),
        (A::F(123456789.123), ".3e", "1.235e+08"),
        (A::F(123456789.123), "E", "1.234568E+08"),
        (A::F(123456789.123), "g", "1.23457e+08"),
        (A::F(123456789.123), ".3g", "1.23e+08"),
        (A::F(123456789.123), "G", "1.23457E+08"),
        (A::F(123456789.123), "#g", "1.23457e+08"),
        (A::F(123456789.123), "%", "12345678912.299999%"),
        (A::F(123456789.123), ".1%", "12345678912.3%"),
        (A::F(123456789.123), ".3", "1.23e+08"),
        (A::F(123456789.123), "z.1f", "123456789.1"),
        (A::F(123456789.123), "z", "123456789.123"),
        (A::F(123456789.123), "s", "!ValueError: Unknown format code 's' for object of type 'float'"),
        (A::F(123456789.123), ".2s", "!ValueError: Unknown format code 's' for object of type 'float'"),
        (A::F(123456789.123), ">10s", "!ValueError: Unknown format code 's' for object of type 'float'"),
        (A::F(123456789.123), "=8", "123456789.123"),
        (A::F(123456789.123), "0=8", "123456789.123"),
        (A::F(123456789.123), "#", "123456789.123"),
        (A::F(123456789.123), ".0", "1e+08"),
        (A::F(123456789.123), ".1", "1e+08"),
        (A::F(123456789.123), "010.2f", "123456789.12"),
        (A::F(123456789.123), "+.2e", "+1.23e+08"),
        (A::F(123456789.123), ",.2f", "123,456,789.12"),
        (A::F(123456789.123), "_f", "123_456_789.123000"),
        (A::F(123456789.123), "x<5", "123456789.123"),
        (A::F(123456789.123), "\u{e9}^7", "123456789.123"),
        (A::F(123456789.123), "5", "123456789.123"),
        (A::F(123456789.123), "-^8", "123456789.123"),
        (A::F(f64::INFINITY), "<8", "inf     "),
        (A::F(f64::INFINITY), ">8", "     inf"),
        (A::F(f64::INFINITY), "^8", "  inf   "),
        (A::F(f64::INFINITY), "*^9", "***inf***"),
        (A::F(f64::INFINITY), "=+10", "+      inf"),
        (A::F(f64::INFINITY), "+", "+inf"),
        (A::F(f64::INFINITY), "-", "inf"),
        (A::F(f64::INFINITY), " ", " inf"),
        (A::F(f64::INFINITY), "010", "0000000inf"),
        (A::F(f64::INFINITY), "#x", "!ValueError: Unknown format code 'x' for object of type 'float'"),
        (A::F(f64::INFINITY), "#X", "!ValueError: Unknown format code 'X' for object of type 'float'"),
        (A::F(f64::INFINITY), "#o", "!ValueError: Unknown format code 'o' for object of type 'float'"),
        (A::F(f64::INFINITY), "#b", "!ValueError: Unknown format code 'b' for object of type 'float'"),
        (A::F(f64::INFINITY), "x", "!ValueError: Unknown format code 'x' for object of type 'float'"),
        (A::F(f64::INFINITY), "X", "!ValueError: Unknown format code 'X' for object of type 'float'"),
        (A::F(f64::INFINITY), "o", "!ValueError: Unknown format code 'o' for object of type 'float'"),
        (A::F(f64::INFINITY), "b", "!ValueError: Unknown format code 'b' for object of type 'float'"),
        (A::F(f64::INFINITY), "c", "!ValueError: Unknown format code 'c' for object of type 'float'"),
        (A::F(f64::INFINITY), "d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
        (A::F(f64::INFINITY), "n", "inf"),
        (A::F(f64::INFINITY), ",", "inf"),
        (A::F(f64::INFINITY), "_", "inf"),
        (A::F(f64::INFINITY), "_x", "!ValueError: Unknown format code 'x' for object of type 'float'"),
        (A::F(f64::INFINITY), "#_b", "!ValueError: Unknown format code 'b' for object of type 'float'"),
        (A::F(f64::INFINITY), ",d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
        (A::F(f64::INFINITY), "08,", "00000inf"),
        (A::F(f64::INFINITY), "09_", "000000inf"),
        (A::F(f64::INFINITY), ".2f", "inf"),
        (A::F(f64::INFINITY), ".0f", "inf"),
        (A::F(f64::INFINITY), "#.0f", "inf"),
        (A::F(f64::INFINITY), "10.3f", "       inf"),
        (A::F(f64::INFINITY), "e", "inf"),
        (A::F(f64::INFINITY), ".3e", "inf"),
        (A::F(f64::INFINITY), "E", "INF"),
        (A::F(f64::INFINITY), "g", "inf"),
        (A::F(f64::INFINITY), ".3g", "inf"),
        (A::F(f64::INFINITY), "G", "INF"),
        (A::F(f64::INFINITY), "#g", "inf"),
        (A::F(f64::INFINITY), "%", "inf%"),
        (A::F(f64::INFINITY), ".1%", "inf%"),
        (A::F(f64::INFINITY), ".3", "inf"),
        (A::F(f64::INFINITY), "z.1f", "inf"),
        (A::F(f64::INFINITY), "z", "inf"),
        (A::F(f64::INFINITY), "s", "!ValueError: Unknown format code 's' for object of type 'float'"),
        (A::F(f64::INFINITY), ".2s", "!ValueError: Unknown format code 's' for object of type 'float'"),
        (A::F(f64::INFINITY), ">10s", "!ValueError: Unknown format code 's' for object of type 'float'"),
        (A::F(f64::INFINITY), "=8", "     inf"),
        (A::F(f64::INFINITY), "0=8", "00000inf"),
        (A::F(f64::INFINITY), "#", "inf"),
        (A::F(f64::INFINITY), ".0", "inf"),
        (A::F(f64::INFINITY), ".1", "inf"),
        (A::F(f64::INFINITY), "010.2f", "0000000inf"),
        (A::F(f64::INFINITY), "+.2e", "+inf"),
        (A::F(f64::INFINITY), ",.2f", "inf"),
        (A::F(f64::INFINITY), "_f", "inf"),
        (A::F(f64::INFINITY), "x<5", "infxx"),
        (A::F(f64::INFINITY), "\u{e9}^7", "\u{e9}\u{e9}inf\u{e9}\u{e9}"),
        (A::F(f64::INFINITY), "5", "  inf"),
        (A::F(f64::INFINITY), "-^8", "--inf---"),
        (A::F(f64::NEG_INFINITY), "<8", "-inf    "),
        (A::F(f64::NEG_INFINITY), ">8", "    -inf"),
        (A::F(f64::NEG_INFINITY), "^8", "  -inf  "),
        (A::F(f64::NEG_INFINITY), "*^9", "**-inf***"),
        (A::F(f64::NEG_INFINITY), "=+10", "-      inf"),
        (A::F(f64::NEG_INFINITY), "+", "-inf"),
        (A::F(f64::NEG_INFINITY), "-", "-inf"),
        (A::F(f64::NEG_INFINITY), " ", "-inf"),
        (A::F(f64::NEG_INFINITY), "010", "-000000inf"),
        (A::F(f64::NEG_INFINITY), "#x", "!ValueError: Unknown format code 'x' for object of type 'float'"),
        (A::F(f64::NEG_INFINITY), "#X", "!ValueError: Unknown format code 'X' for object of type 'float'"),
        (A::F(f64::NEG_INFINITY), "#o", "!ValueError: Unknown format code 'o' for object of type 'float'"),
        (A::F(f64::NEG_INFINITY), "#b", "!ValueError: Unknown format code 'b' for object of type 'float'"),
        (A::F(f64::NEG_INFINITY), "x", "!ValueError: Unknown format code 'x' for object of type 'float'"),
        (A::F(f64::NEG_INFINITY), "X", "!ValueError: Unknown format code 'X' for object of type 'float'"),
        (A::F(f64::NEG_INFINITY), "o", "!ValueError: Unknown format code 'o' for object of type 'float'"),
        (A::F(f64::NEG_INFINITY), "b", "!ValueError: Unknown format code 'b' for object of type 'float'"),
        (A::F(f64::NEG_INFINITY), "c", "!ValueError: Unknown format code 'c' for object of type 'float'"),
        (A::F(f64::NEG_INFINITY), "d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
        (A::F(f64::NEG_INFINITY), "n", "-inf"),
        (A::F(f64::NEG_INFINITY), ",", "-inf"),
        (A::F(f64::NEG_INFINITY), "_", "-inf"),
        (A::F(f64::NEG_INFINITY), "_x", "!ValueError: Unknown format code 'x' for object of type 'float'"),
        (A::F(f64::NEG_INFINITY), "#_b", "!ValueError: Unknown format code 'b' for object of type 'float'"),
        (A::F(f64::NEG_INFINITY), ",d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
        (A::F(f64::NEG_INFINITY), "08,", "-0000inf"),
        (A::F(f64::NEG_INFINITY), "09_", "-00000inf"),
        (A::F(f64::NEG_INFINITY), ".2f", "-inf"),
        (A::F(f64::NEG_INFINITY), ".0f", "-inf"),
        (A::F(f64::NEG_INFINITY), "#.0f", "-inf"),
        (A::F(f64::NEG_INFINITY), "10.3f", "      -inf"),
        (A::F(f64::NEG_INFINITY), "e", "-inf"),
        (A::F(f64::NEG_INFINITY), ".3e", "-inf"),
        (A::F(f64::NEG_INFINITY), "E", "-INF"),
        (A::F(f64::NEG_INFINITY), "g", "-inf"),
        (A::F(f64::NEG_INFINITY), ".3g", "-inf"),
        (A::F(f64::NEG_INFINITY), "G", "-INF"),
        (A::F(f64::NEG_INFINITY), "#g", "-inf"),
        (A::F(f64::NEG_INFINITY), "%", "-inf%"),
        (A::F(f64::NEG_INFINITY), ".1%", "-inf%"),
        (A::F(f64::NEG_INFINITY), ".3", "-inf"),
        (A::F(f64::NEG_INFINITY), "z.1f", "-inf"),
        (A::F(f64::NEG_INFINITY), "z", "-inf"),
        (A::F(f64::NEG_INFINITY), "s", "!ValueError: Unknown format code 's' for object of type 'float'"),
        (A::F(f64::NEG_INFINITY), ".2s", "!ValueError: Unknown format code 's' for object of type 'float'"),
        (A::F(f64::NEG_INFINITY), ">10s", "!ValueError: Unknown format code 's' for object of type 'float'"),
        (A::F(f64::NEG_INFINITY), "=8", "-    inf"),
        (A::F(f64::NEG_INFINITY), "0=8", "-0000inf"),
        (A::F(f64::NEG_INFINITY), "#", "-inf"),
        (A::F(f64::NEG_INFINITY), ".0", "-inf"),
        (A::F(f64::NEG_INFINITY), ".1", "-inf"),
        (A::F(f64::NEG_INFINITY), "010.2f", "-000000inf"),
        (A::F(f64::NEG_INFINITY), "+.2e", "-inf"),
        (A::F(f64::NEG_INFINITY), ",.2f", "-inf"),
        (A::F(f64::NEG_INFINITY), "_f", "-inf"),
        (A::F(f64::NEG_INFINITY), "x<5", "-infx"),
        (A::F(f64::NEG_INFINITY), "\u{e9}^7", "\u{e9}-inf\u{e9}\u{e9}"),
        (A::F(f64::NEG_INFINITY), "5", " -inf"),
        (A::F(f64::NEG_INFINITY), "-^8", "---inf--"),
        (A::F(f64::NAN), "<8", "nan     "),
        (A::F(f64::NAN), ">8", "     nan"),
        (A::F(f64::NAN), "^8", "  nan   "),
        (A::F(f64::NAN), "*^9", "***nan***"),
        (A::F(f64::NAN), "=+10", "+      nan"),
        (A::F(f64::NAN), "+", "+nan"),
        (A::F(f64::NAN), "-", "nan"),
        (A::F(f64::NAN), " ", " nan"),
        (A::F(f64::NAN), "010", "0000000nan"),
        (A::F(f64::NAN), "#x", "!ValueError: Unknown format code 'x' for object of type 'float'"),
        (A::F(f64::NAN), "#X", "!ValueError: Unknown format code 'X' for object of type 'float'"),
        (A::F(f64::NAN), "#o", "!ValueError: Unknown format code 'o' for object of type 'float'"),
        (A::F(f64::NAN), "#b", "!ValueError: Unknown format code 'b' for object of type 'float'"),
        (A::F(f64::NAN), "x", "!ValueError: Unknown format code 'x' for object of type 'float'"),
        (A::F(f64::NAN), "X", "!ValueError: Unknown format code 'X' for object of type 'float'"),
        (A::F(f64::NAN), "o", "!ValueError: Unknown format code 'o' for object of type 'float'"),
        (A::F(f64::NAN), "b", "!ValueError: Unknown format code 'b' for object of type 'float'"),
        (A::F(f64::NAN), "c", "!ValueError: Unknown format code 'c' for object of type 'float'"),
        (A::F(f64::NAN), "d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
        (A::F(f64::NAN), "n", "nan"),
        (A::F(f64::NAN), ",", "nan"),
        (A::F(f64::NAN), "_", "nan"),
        (A::F(f64::NAN), "_x", "!ValueError: Unknown format code 'x' for object of type 'float'"),
        (A::F(f64::NAN), "#_b", "!ValueError: Unknown format code 'b' for object of type 'float'"),
        (A::F(f64::NAN), ",d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
        (A::F(f64::NAN), "08,", "00000nan"),
        (A::F(f64::NAN), "09_", "000000nan"),
        (A::F(f64::NAN), ".2f", "nan"),
        (A::F(f64::NAN), ".0f", "nan"),
        (A::F(f64::NAN), "#.0f", "nan"),
        (A::F(f64::NAN), "10.3f", "       nan"),
        (A::F(f64::NAN), "e", "nan"),
        (A::F(f64::NAN), ".3e", "nan"),
        (A::F(f64::NAN), "E", "NAN"),
        (A::F(f64::NAN), "g", "nan"),
        (A::F(f64::NAN), ".3g", "nan"),
        (A::F(f64::NAN), "G", "NAN"),
        (A::F(f64::NAN), "#g", "nan"),
        (A::F(f64::NAN), "%", "nan%"),
        (A::F(f64::NAN), ".1%", "nan%"),
        (A::F(f64::NAN), ".3", "nan"),
        (A::F(f64::NAN), "z.1f", "nan"),
        (A::F(f64::NAN), "z", "nan"),
        (A::F(f64::NAN), "s", "!ValueError: Unknown format code 's' for object of type 'float'"),
        (A::F(f64::NAN), ".2s", "!ValueError: Unknown format code 's' for object of type 'float'"),
        (A::F(f64::NAN), ">10s", "!ValueError: Unknown format code 's' for object of type 'float'"),
        (A::F(f64::NAN), "=8", "     nan"),
        (A::F(f64::NAN), "0=8", "00000nan"),
        (A::F(f64::NAN), "#", "nan"),
        (A::F(f64::NAN), ".0", "nan"),
        (A::F(f64::NAN), ".1", "nan"),
        (A::F(f64::NAN), "010.2f", "0000000nan"),
        (A::F(f64::NAN), "+.2e", "+nan"),
        (A::F(f64::NAN), ",.2f", "nan"),
        (A::F(f64::NAN), "_f", "nan"),
        (A::F(f64::NAN), "x<5", "nanxx"),
        (A::F(f64::NAN), "\u{e9}^7", "\u{e9}\u{e9}nan\u{e9}\u{e9}"),
        (A::F(f64::NAN), "5", "  nan"),
        (A::F(f64::NAN), "-^8", "--nan---"),
        (A::S(""), "", ""),
        (A::S(""), "<8", "        "),
        (A::S(""), ">8", "        "),
        (A::S(""), "^8", "        "),
        (A::S(""), "*^9", "*********"),
        (A::S(""), "=+10", "!ValueError: Sign not allowed in string format specifier"),
        (A::S(""), "+", "!ValueError: Sign not allowed in string format specifier"),
        (A::S(""), "-", "!ValueError: Sign not allowed in string format specifier"),
        (A::S(""), " ", "!ValueError: Space not allowed in string format specifier"),
        (A::S(""), "010", "0000000000"),
        (A::S(""), "#x", "!ValueError: Unknown format code 'x' for object of type 'str'"),
        (A::S(""), "#X", "!ValueError: Unknown format code 'X' for object of type 'str'"),
        (A::S(""), "#o", "!ValueError: Unknown format code 'o' for object of type 'str'"),
        (A::S(""), "#b", "!ValueError: Unknown format code 'b' for object of type 'str'"),
        (A::S(""), "x", "!ValueError: Unknown format code 'x' for object of type 'str'"),
        (A::S(""), "X", "!ValueError: Unknown format code 'X' for object of type 'str'"),
        (A::S(""), "o", "!ValueError: Unknown format code 'o' for object of type 'str'"),
        (A::S(""), "b", "!ValueError: Unknown format code 'b' for object of type 'str'"),
        (A::S(""), "c", "!ValueError: Unknown format code 'c' for object of type 'str'"),
        (A::S(""), "d", "!ValueError: Unknown format code 'd' for object of type 'str'"),
        (A::S(""), "n", "!ValueError: Unknown format code 'n' for object of type 'str'"),
        (A::S(""), ",", "!ValueError: Cannot specify ',' with 's'."),
        (A::S(""), "_", "!ValueError: Cannot specify '_' with 's'."),
        (A::S(""), "_x", "!ValueError: Unknown format code 'x' for object of type 'str'"),
        (A::S(""), "#_b", "!ValueError: Unknown format code 'b' for object of type 'str'"),
        (A::S(""), ",d", "!ValueError: Unknown format code 'd' for object of type 'str'"),
        (A::S(""), "08,", "!ValueError: Cannot specify ',' with 's'."),
        (A::S(""), "09_", "!ValueError: Cannot specify '_' with 's'."),
        (A::S(""), ".2f", "!ValueError: Unknown format code 'f' for object of type 'str'"),
        (A::S(""), ".0f", "!ValueError: Unknown format code 'f' for object of type 'str'"),
        (A::S(""), "#.0f", "!ValueError: Unknown format code 'f' for object of type 'str'"),
        (A::S(""), "10.3f", "!ValueError: Unknown format code 'f' for object of type 'str'"),
        (A::S(""), "e", "!ValueError: Unknown format code 'e' for object of type 'str'"),
        (A::S(""), ".3e", "!ValueError: Unknown format code 'e' for object of type 'str'"),
        (A::S(""), "E", "!ValueError: Unknown format code 'E' for object of type 'str'"),
        (A::S(""), "g", "!ValueError: Unknown format code 'g' for object of type 'str'"),
        (A::S(""), ".3g", "!ValueError: Unknown format code 'g' for object of type 'str'"),
        (A::S(""), "G", "!ValueError: Unknown format code 'G' for object of type 'str'"),
        (A::S(""), "#g", "!ValueError: Unknown format code 'g' for object of type 'str'"),
        (A::S(""), "%", "!ValueError: Unknown format code '%' for object of type 'str'"),
        (A::S(""), ".1%", "!ValueError: Unknown format code '%' for object of type 'str'"),
        (A::S(""), ".3", ""),
        (A::S(""), "z.1f", "!ValueError: Unknown format code 'f' for object of type 'str'"),
        (A::S(""), "z", "!ValueError: Negative zero coercion (z) not allowed in string format specifier"),
        (A::S(""), "s", ""),
        (A::S(""), ".2s", ""),
        (A::S(""), ">10s", "          "),
        (A::S(""), "=8", "!ValueError: '=' alignment not allowed in string format specifier"),
        (A::S(""), "0=8", "!ValueError: '=' alignment not allowed in string format specifier"),
        (A::S(""), "#", "!ValueError: Alternate form (#) not allowed in string format specifier"),
        (A::S(""), ".0", ""),
        (A::S(""), ".1", ""),
        (A::S(""), "010.2f", "!ValueError: Unknown format code 'f' for object of type 'str'"),
        (A::S(""), "+.2e", "!ValueError: Unknown format code 'e' for object of type 'str'"),
        (A::S(""), ",.2f", "!ValueError: Unknown format code 'f' for object of type 'str'"),
        (A::S(""), "_f", "!ValueError: Unknown format code 'f' for object of type 'str'"),
        (A::S(""), "x<5", "xxxxx"),
        (A::S(""), "\u{e9}^7", "\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}"),
        (A::S(""), "5", "     "),
        (A::S(""), "-^8", "--------"),
        (A::S("abc"), "", "abc"),
        (A::S("abc"), "<8", "abc     "),
        (A::S("abc"), ">8", "     abc"),
        (A::S("abc"), "^8", "  abc   "),
        (A::S("abc"), "*^9", "***abc***"),
        (A::S("abc"), "=+10", "!ValueError: Sign not allowed in string format specifier"),
        (A::S("abc"), "+", "!ValueError: Sign not allowed in string format specifier"),
        (A::S("abc"), "-", "!ValueError: Sign not allowed in string format specifier"),
        (A::S("abc"), " ", "!ValueError: Space not allowed in string format specifier"),
        (A::S("abc"), "010", "abc0000000"),
        (A::S("abc"), "#x", "!ValueError: Unknown format code 'x' for object of type 'str'"),
        (A::S("abc"), "#X", "!ValueError: Unknown format code 'X' for object of type 'str'"),
        (A::S("abc"), "#o", "!ValueError: Unknown format code 'o' for object of type 'str'"),
        (A::S("abc"), "#b", "!ValueError: Unknown format code 'b' for object of type 'str'"),
        (A::S("abc"), "x", "!ValueError: Unknown format code 'x' for object of type 'str'"),
        (A::S("abc"), "X", "!ValueError: Unknown format code 'X' for object of type 'str'"),
        (A::S("abc"), "o", "!ValueError: Unknown format code 'o' for object of type 'str'"),
        (A::S("abc"), "b", "!ValueError: Unknown format code 'b' for object of type 'str'"),
        (A::S("abc"), "c", "!ValueError: Unknown format code 'c' for object of type 'str'"),
        (A::S("abc"), "d", "!ValueError: Unknown format code 'd' for object of type 'str'"),
        (A::S("abc"), "n", "!ValueError: Unknown format code 'n' for object of type 'str'"),
        (A::S("abc"), ",", "!ValueError: Cannot specify ',' with 's'."),
        (A::S("abc"), "_", "!ValueError: Cannot specify '_' with 's'."),
        (A::S("abc"), "_x", "!ValueError: Unknown format code 'x' for object of type 'str'"),
        (A::S("abc"), "#_b", "!ValueError: Unknown format code 'b' for object of type 'str'"),
        (A::S("abc"), ",d", "!ValueError: Unknown format code 'd' for object of type 'str'"),
        (A::S("abc"), "08,", "!ValueError: Cannot specify ',' with 's'."),
        (A::S("abc"), "09_", "!ValueError: Cannot specify '_' with 's'."),
        (A::S("abc"), ".2f", "!ValueError: Unknown format code 'f' for object of type 'str'"),
        (A::S("abc"), ".0f", "!ValueError: Unknown format code 'f' for object of type 'str'"),
        (A::S("abc"), "#.0f", "!ValueError: Unknown format code 'f' for object of type 'str'"),
        (A::S("abc"), "10.3f", "!ValueError: Unknown format code 'f' for object of type 'str'"),
        (A::S("abc"), "e", "!ValueError: Unknown format code 'e' for object of type 'str'"),
        (A::S("abc"), ".3e", "!ValueError: Unknown format code 'e' for object of type 'str'"),
        (A::S("abc"), "E", "!ValueError: Unknown format code 'E' for object of type 'str'"),
        (A::S("abc"), "g", "!ValueError: Unknown format code 'g' for object of type 'str'"),
        (A::S("abc"), ".3g", "!ValueError: Unknown format code 'g' for object of type 'str'"),
        (A::S("abc"), "G", "!ValueError: Unknown format code 'G' for object of type 'str'"),
        (A::S("abc"), "#g", "!ValueError: Unknown format code 'g' for object of type 'str'"),
        (A::S("abc"), "%", "!ValueError: Unknown format code '%' for object of type 'str'"),
        (A::S("abc"), ".1%", "!ValueError: Unknown format code '%' for object of type 'str'"),
        (A::S("abc"), ".3", "abc"),
        (A::S("abc"), "z.1f", "!ValueError: Unknown format code 'f' for object of type 'str'"),
        (A::S("abc"), "z", "!ValueError: Negative zero coercion (z) not allowed in string format specifier"),
        (A::S("abc"), "s", "abc"),
        (A::S("abc"), ".2s", "ab"),
        (A::S("abc"), ">10s", "       abc"),
        (A::S("abc"), "=8", "!ValueError: '=' alignment not allowed in string format specifier"),
        (A::S("abc"), "0=8", "!ValueError: '=' alignment not allowed in string format specifier"),
        (A::S("abc"), "#", "!ValueError: Alternate form (#) not allowed in string format specifier"),
        (A::S("abc"), ".0", ""),
        (A::S("abc"), ".1", "a"),
        (A::S("abc"), "010.2f", "!ValueError: Unknown format code 'f' for object of type 'str'"),
        (A::S("abc"), "+.2e", "!ValueError: Unknown format code 'e' for object of type 'str'"),
        (A::S("abc"), ",.2f", "!ValueError: Unknown format code 'f' for object of type 'str'"),
        (A::S("abc"), "_f", "!ValueError: Unknown format code 'f' for object of type 'str'"),
        (A::S("abc"), "x<5", "abcxx"),
        (A::S("abc"), "\u{e9}^7", "\u{e9}\u{e9}abc\u{e9}\u{e9}"),
        (A::S("abc"), "5", "abc  "),
        (A::S("abc"), "-^8", "--abc---"),
        (A::S("h\u{e9}llo"), "", "h\u{e9}llo"),
        (A::S("h\u{e9}llo"), "<8", "h\u{e9}llo   "),
        (A::S("h\u{e9}llo"), ">8", "   h\u{e9}llo"),
        (A::S("h\u{e9}llo"), "^8", " h\u{e9}llo  "),
        (A::S("h\u{e9}llo"), "*^9", "**h\u{e9}llo**"),
        (A::S("h\u{e9}llo"), "=+10", "!ValueError: Sign not allowed in string format specifier"),
        (A::S("h\u{e9}llo"), "+", "!ValueError: Sign not allowed in string format specifier"),
        (A::S("h\u{e9}llo"), "-", "!ValueError: Sign not allowed in string format specifier"),
        (A::S("h\u{e9}llo"), " ", "!ValueError: Space not allowed in string format specifier"),
        (A::S("h\u{e9}llo"), "010", "h\u{e9}llo00000"),
        (A::S("h\u{e9}llo"), "#x", "!ValueError: Unknown format code 'x' for object of type 'str'"),
        (A::S("h\u{e9}llo"), "#X", "!ValueError: Unknown format code 'X' for object of type 'str'"),
        (A::S("h\u{e9}llo"), "#o", "!ValueError: Unknown format code 'o' for object of type 'str'"),
        (A::S("h\u{e9}llo"), "#b", "!ValueError: Unknown format code 'b' for object of type 'str'"),
        (A::S("h\u{e9}llo"), "x", "!ValueError: Unknown format code 'x' for object of type 'str'"),
        (A::S("h\u{e9}llo"), "X", "!ValueError: Unknown format code 'X' for object of type 'str'"),
        (A::S("h\u{e9}llo"), "o", "!ValueError: Unknown format code 'o' for object of type 'str'"),
        (A::S("h\u{e9}llo"), "b", "!ValueError: Unknown format code 'b' for object of type 'str'"),
        (A::S("h\u{e9}llo"), "c", "!ValueError: Unknown format code 'c' for object of type 'str'"),
        (A::S("h\u{e9}llo"), "d", "!ValueError: Unknown format code 'd' for object of type 'str'"),
        (A::S("h\u{e9}llo"), "n", "!ValueError: Unknown format code 'n' for object of type 'str'"),
        (A::S("h\u{e9}llo"), ",", "!ValueError: Cannot specify ',' with 's'."),
        (A::S("h\u{e9}llo"), "_", "!ValueError: Cannot specify '_' with 's'."),
        (A::S("h\u{e9}llo"), "_x", "!ValueError: Unknown format code 'x' for object of type 'str'"),
        (A::S("h\u{e9}llo"), "#_b", "!ValueError: Unknown format code 'b' for object of type 'str'"),
        (A::S("h\u{e9}llo"), ",d", "!ValueError: Unknown format code 'd' for object of type 'str'"),
        (A::S("h\u{e9}llo"), "08,", "!ValueError: Cannot specify ',' with 's'."),
        (A::S("h\u{e9}llo"), "09_", "!ValueError: Cannot specify '_' with 's'."),
        (A::S("h\u{e9}llo"), ".2f", "!ValueError: Unknown format code 'f' for object of type 'str'"),
        (A::S("h\u{e9}llo"), ".0f", "!ValueError: Unknown format code 'f' for object of type 'str'"),
        (A::S("h\u{e9}llo"), "#.0f", "!ValueError: Unknown format code 'f' for object of type 'str'"),
        (A::S("h\u{e9}llo"), "10.3f", "!ValueError: Unknown format code 'f' for object of type 'str'"),
        (A::S("h\u{e9}llo"), "e", "!ValueError: Unknown format code 'e' for object of type 'str'"),
        (A::S("h\u{e9}llo"), ".3e", "!ValueError: Unknown format code 'e' for object of type 'str'"),
        (A::S("h\u{e9}llo"), "E", "!ValueError: Unknown format code 'E' for object of type 'str'"),
        (A::S("h\u{e9}llo"), "g", "!ValueError: Unknown format code 'g' for object of type 'str'"),
        (A::S("h\u{e9}llo"), ".3g", "!ValueError: Unknown format code 'g' for object of type 'str'"),
        (A::S("h\u{e9}llo"), "G", "!ValueError: Unknown format code 'G' for object of type 'str'"),
        (A::S("h\u{e9}llo"), "#g", "!ValueError: Unknown format code 'g' for object of type 'str'"),
        (A::S("h\u{e9}llo"), "%", "!ValueError: Unknown format code '%' for object of type 'str'"),
        (A::S("h\u{e9}llo"), ".1%", "!ValueError: Unknown format code '%' for object of type 'str'"),
        (A::S("h\u{e9}llo"), ".3", "h\u{e9}l"),
        (A::S("h\u{e9}llo"), "z.1f", "!ValueError: Unknown format code 'f' for object of type 'str'"),
        (A::S("h\u{e9}llo"), "z", "!ValueError: Negative zero coercion (z) not allowed in string format specifier"),
        (A::S("h\u{e9}llo"), "s", "h\u{e9}llo"),
        (A::S("h\u{e9}llo"), ".2s", "h\u{e9}"),
        (A::S("h\u{e9}llo"), ">10s", "     h\u{e9}llo"),
        (A::S("h\u{e9}llo"), "=8", "!ValueError: '=' alignment not allowed in string format specifier"),
        (A::S("h\u{e9}llo"), "0=8", "!ValueError: '=' alignment not allowed in string format specifier"),
        (A::S("h\u{e9}llo"), "#", "!ValueError: Alternate form (#) not allowed in string format specifier"),
        (A::S("h\u{e9}llo"), ".0", ""),
        (A::S("h\u{e9}llo"), ".1", "h"),
        (A::S("h\u{e9}llo"), "010.2f", "!ValueError: Unknown format code 'f' for object of type 'str'"),
        (A::S("h\u{e9}llo"), "+.2e", "!ValueError: Unknown format code 'e' for object of type 'str'"),
        (A::S("h\u{e9}llo"), ",.2f", "!ValueError: Unknown format code 'f' for object of type 'str'"),
        (A::S("h\u{e9}llo"), "_f", "!ValueError: Unknown format code 'f' for object of type 'str'"),
        (A::S("h\u{e9}llo"), "x<5", "h\u{e9}llo"),
        (A::S("h\u{e9}llo"), "\u{e9}^7", "\u{e9}h\u{e9}llo\u{e9}"),
        (A::S("h\u{e9}llo"), "5", "h\u{e9}llo"),
        (A::S("h\u{e9}llo"), "-^8", "-h\u{e9}llo--"),
    ];

    #[rustfmt::skip]
    const PCT_CASES: &[(&str, A, &str)] = &[
        ("%s", A::S("a"), "a"),
        ("%s %s", A::T(&[A::S("a"), A::S("b")]), "a b"),
        ("%d", A::I(3), "3"),
        ("%d", A::I(-3), "-3"),
        ("%5d", A::I(42), "   42"),
        ("%-5d|", A::I(42), "42   |"),
        ("%05d", A::I(-42), "-0042"),
        ("%+d", A::I(5), "+5"),
        ("% d", A::I(5), " 5"),
        ("%x", A::I(255), "ff"),
        ("%#x", A::I(255), "0xff"),
        ("%#X", A::I(255), "0XFF"),
        ("%#o", A::I(8), "0o10"),
        ("%o", A::I(8), "10"),
        ("%.3d", A::I(5), "005"),
        ("%10.3d", A::I(-5), "      -005"),
        ("%e", A::F(1.5), "1.500000e+00"),
        ("%.2e", A::F(12345.678), "1.23e+04"),
        ("%E", A::F(0.0001), "1.000000E-04"),
        ("%f", A::F(1.5), "1.500000"),
        ("%.0f", A::F(2.5), "2"),
        ("%.2f", A::F(-0.005), "-0.01"),
        ("%g", A::F(1e-05), "1e-05"),
        ("%g", A::F(123456789.0), "1.23457e+08"),
        ("%G", A::F(1e+20), "1E+20"),
        ("%#g", A::F(1.0), "1.00000"),
        ("%10.2f|", A::F(3.14159), "      3.14|"),
        ("%-10.2f|", A::F(3.14159), "3.14      |"),
        ("%010.2f", A::F(-3.14159), "-000003.14"),
        ("%c", A::I(65), "A"),
        ("%c", A::S("x"), "x"),
        ("%c", A::I(128512), "\u{1f600}"),
        ("%%", A::T(&[]), "%"),
        ("%s%%", A::I(1), "1%"),
        ("%r", A::S("a"), "'a'"),
        ("%a", A::S("\u{e9}"), "'\\xe9'"),
        ("%5s|", A::S("ab"), "   ab|"),
        ("%-5s|", A::S("ab"), "ab   |"),
        ("%.1s", A::S("abc"), "a"),
        ("%*d", A::T(&[A::I(5), A::I(1)]), "    1"),
        ("%-*d|", A::T(&[A::I(5), A::I(1)]), "1    |"),
        ("%.*f", A::T(&[A::I(2), A::F(3.14159)]), "3.14"),
        ("%(a)s-%(b)d", A::D(&[(A::S("a"), A::S("x")), (A::S("b"), A::I(2))]), "x-2"),
        ("%(a)s", A::D(&[(A::S("b"), A::I(1))]), "!KeyError: 'a'"),
        ("%s", A::T(&[]), "!TypeError: not enough arguments for format string"),
        ("%s %s", A::T(&[A::S("a")]), "!TypeError: not enough arguments for format string"),
        ("%s", A::T(&[A::S("a"), A::S("b")]), "!TypeError: not all arguments converted during string formatting"),
        ("abc", A::I(1), "!TypeError: not all arguments converted during string formatting"),
        ("abc", A::T(&[]), "abc"),
        ("abc", A::D(&[]), "abc"),
        ("%d", A::S("x"), "!TypeError: %d format: a real number is required, not str"),
        ("%x", A::F(1.5), "!TypeError: %x format: an integer is required, not float"),
        ("%f", A::S("x"), "!TypeError: must be real number, not str"),
        ("%c", A::S("ab"), "!TypeError: %c requires int or char"),
        ("%c", A::I(-1), "!OverflowError: %c arg not in range(0x110000)"),
        ("%y", A::I(1), "!ValueError: unsupported format character 'y' (0x79) at index 1"),
        ("%", A::I(1), "!ValueError: incomplete format"),
        ("%d", A::F(1.9), "1"),
        ("%d", A::F(-1.9), "-1"),
        ("%d", A::Bo(true), "1"),
        ("%x", A::I(-255), "-ff"),
        ("%s", A::N, "None"),
        ("%s", A::T(&[A::I(1)]), "1"),
        ("%i", A::I(7), "7"),
        ("%u", A::I(7), "7"),
        ("%5.1s|", A::S("abc"), "    a|"),
        ("%d", A::Big("1000000000000000000000000000000"), "1000000000000000000000000000000"),
        ("%x", A::Big("18446744073709551616"), "10000000000000000"),
        ("%f", A::F(f64::INFINITY), "inf"),
        ("%05f", A::F(f64::NEG_INFINITY), "-0inf"),
        ("%e", A::F(f64::NAN), "nan"),
        ("%s", A::S("\u{e9}"), "\u{e9}"),
        ("%5s|", A::S("\u{e9}"), "    \u{e9}|"),
        ("%(x)s", A::I(1), "!TypeError: format requires a mapping"),
        ("%d", A::F(f64::NAN), "!ValueError: cannot convert float NaN to integer"),
        ("%d", A::F(f64::INFINITY), "!OverflowError: cannot convert float infinity to integer"),
    ];
    #[rustfmt::skip]
    const BYTES_PCT_CASES: &[(&[u8], A, &str)] = &[
        (b"%s", A::B(b"a"), "b'a'"),
        (b"%s", A::Ba(b"ab"), "b'ab'"),
        (b"%b", A::B(b"x"), "b'x'"),
        (b"%s", A::S("x"), "!TypeError: %b requires a bytes-like object, or an object that implements __bytes__, not 'str'"),
        (b"%r", A::S("x"), "b\"'x'\""),
        (b"%a", A::B(b"\xff"), "b\"b'\\\\xff'\""),
        (b"%d-%x", A::T(&[A::I(3), A::I(255)]), "b'3-ff'"),
        (b"%c", A::I(65), "b'A'"),
        (b"%c", A::B(b"z"), "b'z'"),
        (b"%c", A::I(256), "!OverflowError: %c arg not in range(256)"),
        (b"%5s|", A::B(b"ab"), "b'   ab|'"),
        (b"%.2f", A::F(1.0), "b'1.00'"),
        (b"%s %s", A::T(&[A::B(b"a")]), "!TypeError: not enough arguments for format string"),
        (b"abc", A::T(&[A::I(1)]), "!TypeError: not all arguments converted during bytes formatting"),
        (b"%(k)s", A::D(&[(A::B(b"k"), A::B(b"v"))]), "b'v'"),
        (b"%c", A::S("a"), "!TypeError: %c requires an integer in range(256) or a single byte"),
        (b"%s", A::I(1), "!TypeError: %b requires a bytes-like object, or an object that implements __bytes__, not 'int'"),
    ];

    #[test]
    fn percent_format_matches_cpython() {
        let mut vm = new_vm();
        let mut failures = Vec::new();
        for (f, a, want) in PCT_CASES {
            let v = val(&mut vm, a);
            let got = match percent_format(&mut vm, f, &v) {
                Ok(s) => s,
                Err(e) => format!("!{}", err_text(&mut vm, &e)),
            };
            if got != *want {
                failures.push(format!(
                    "{:?} % {}: got {:?}, expected {:?}",
                    f,
                    show(&v),
                    got,
                    want
                ));
            }
        }
        for (f, a, want) in BYTES_PCT_CASES {
            let v = val(&mut vm, a);
            let got = match percent_format_bytes(&mut vm, f, &v) {
                Ok(s) => crate::objbytes::bytes_repr(&s),
                Err(e) => format!("!{}", err_text(&mut vm, &e)),
            };
            if got != *want {
                failures.push(format!(
                    "{:?} % {}: got {:?}, expected {:?}",
                    f,
                    show(&v),
                    got,
                    want
                ));
            }
        }
        assert!(
            failures.is_empty(),
            "{} failures:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    fn run_format(cases: &[(A, &str, &str)]) {
        let mut vm = new_vm();
        let mut failures = Vec::new();
        for (v, spec, want) in cases {
            let v = val(&mut vm, v);
            let got = match format_value_string(&mut vm, &v, spec) {
                Ok(s) => s,
                Err(e) => format!("!{}", err_text(&mut vm, &e)),
            };
            if got != *want {
                failures.push(format!(
                    "format({}, {:?}): got {:?}, expected {:?}",
                    show(&v),
                    spec,
                    got,
                    want
                ));
            }
        }
        assert!(
            failures.is_empty(),
            "{} failures:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn format_spec_matches_cpython() {
        run_format(FORMAT_CASES);
    }
}
