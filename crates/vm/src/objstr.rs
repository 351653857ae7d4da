//! The `str` type: its methods and constructor, `repr()` of strs, slicing helpers shared by the
//! sequence types, and the `+ * %` operators on strs.

#[path = "unicode_printable.rs"]
mod unicode_printable;

use alloc::format;
use alloc::rc::Rc;
use alloc::string::String;
use alloc::vec::Vec;

use num_bigint::Sign;

use crate::ast::BinOp;
use crate::exceptions::ExcKind;
use crate::types;
use crate::value::{PyObject, PyStr, Str};
use crate::vm::Vm;
use crate::{PyResult, Value};

// ----- repr ------------------------------------------------------------------------------------

/// `str.isprintable` for one character (Unicode categories Cc, Cf, Cs, Co, Cn, Zl, Zp and Zs
/// other than space are not printable), as CPython 3.11.
pub fn is_printable(c: char) -> bool {
    let n = c as u32;
    if n < 0x80 {
        return (0x20..0x7f).contains(&n);
    }
    unicode_printable::is_printable_non_ascii(n)
}

/// `repr()` of a str, with CPython's quoting and escaping rules.
pub fn str_repr(s: &str) -> String {
    if s.bytes()
        .all(|c| (0x20..0x7f).contains(&c) && c != b'\\' && c != b'\'')
    {
        let mut out = String::with_capacity(s.len() + 2);
        out.push('\'');
        out.push_str(s);
        out.push('\'');
        return out;
    }
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if is_printable(c) => out.push(c),
            c => {
                let n = c as u32;
                if n < 0x100 {
                    out.push_str(&format!("\\x{:02x}", n));
                } else if n < 0x10000 {
                    out.push_str(&format!("\\u{:04x}", n));
                } else {
                    out.push_str(&format!("\\U{:08x}", n));
                }
            }
        }
    }
    out.push(quote);
    out
}

// ----- character classes -----------------------------------------------------------------------

/// `str.isspace` for one character (Unicode White_Space plus the ASCII separators 0x1c-0x1f).
#[inline]
pub fn py_isspace(c: char) -> bool {
    match c {
        ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c' | '\x1c'..='\x1f' => true,
        c if (c as u32) < 0x80 => false,
        c => c.is_whitespace(),
    }
}

/// Is `c` a line boundary for `splitlines`?
fn is_linebreak(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

const DECIMAL_BLOCKS: &[u32] = &[
    0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6,
    0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50,
    0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650,
    0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0, 0x16B50,
    0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
];

/// `str.isdecimal` for one character (Unicode category Nd, from a table of digit blocks).
pub fn is_decimal(c: char) -> bool {
    let n = c as u32;
    if n < 0x80 {
        return c.is_ascii_digit();
    }
    if (0x1D7CE..=0x1D7FF).contains(&n) {
        return true;
    }
    DECIMAL_BLOCKS.iter().any(|&b| n >= b && n < b + 10)
}

/// `str.isdigit` for one character (decimals plus superscripts, subscripts and circled digits).
pub fn is_digit(c: char) -> bool {
    let n = c as u32;
    is_decimal(c)
        || matches!(n, 0xB2 | 0xB3 | 0xB9 | 0x1369..=0x1371 | 0x19DA | 0x2070 | 0x2074..=0x2079 | 0x2080..=0x2089 | 0x2460..=0x2468 | 0x2474..=0x247C | 0x2488..=0x2490 | 0x24EA | 0x24F5..=0x24FD | 0x24FF | 0x2776..=0x277E | 0x2780..=0x2788 | 0x278A..=0x2792 | 0x10A40..=0x10A43 | 0x1F100..=0x1F10A)
}

/// `str.isnumeric` for one character.
pub fn is_numeric(c: char) -> bool {
    if (c as u32) < 0x80 {
        return c.is_ascii_digit();
    }
    c.is_numeric()
        || matches!(
            c,
            '〇' | '一'
                | '二'
                | '三'
                | '四'
                | '五'
                | '六'
                | '七'
                | '八'
                | '九'
                | '十'
                | '百'
                | '千'
                | '万'
                | '億'
                | '兆'
                | '零'
        )
}

fn is_cased(c: char) -> bool {
    c.is_lowercase() || c.is_uppercase() || is_titlecase(c)
}

/// Unicode's titlecase letters (category Lt): cased, but neither upper nor lower case.
fn is_titlecase(c: char) -> bool {
    matches!(c as u32, 0x1C5 | 0x1C8 | 0x1CB | 0x1F2 | 0x1F88..=0x1F8F | 0x1F98..=0x1F9F
        | 0x1FA8..=0x1FAF | 0x1FBC | 0x1FCC | 0x1FFC)
}

/// Whether `c` is case-ignorable (apostrophes, dots, combining and modifier marks...), for the
/// Final_Sigma rule. Outside ASCII this asks core's lower-casing, which knows the property: in
/// `"AxΣ"` the sigma is word-final when `x` is case-ignorable or cased, in `"xΣ"` only when cased.
fn case_ignorable(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, '\'' | '.' | ':' | '^' | '`');
    }
    let mut probe = String::with_capacity(8);
    probe.push('A');
    probe.push(c);
    probe.push('Σ');
    if !probe.to_lowercase().ends_with('ς') {
        return false;
    }
    !probe[1..].to_lowercase().ends_with('ς')
}

/// Lower-cases `c`, found at byte `i` of `t`: a capital sigma ending a word becomes `ς`.
fn push_lower_at(out: &mut String, t: &str, i: usize, c: char) {
    if c != 'Σ' {
        out.extend(c.to_lowercase());
        return;
    }
    let cased_near = |mut it: core::str::Chars<'_>, rev: bool| {
        let x = if rev {
            it.rfind(|&x| !case_ignorable(x))
        } else {
            it.find(|&x| !case_ignorable(x))
        };
        x.is_some_and(is_cased)
    };
    let before = t.get(..i).is_some_and(|b| cased_near(b.chars(), true));
    let after = t
        .get(i + c.len_utf8()..)
        .is_some_and(|a| cased_near(a.chars(), false));
    out.push(if before && !after { 'ς' } else { 'σ' });
}

fn is_alpha(c: char) -> bool {
    crate::lexer::is_letter(c)
}

// ----- slicing helpers -------------------------------------------------------------------------

/// A slice component as an i64 (big ints clamp), or None for `None`.
fn slice_component(vm: &mut Vm, v: &Value) -> PyResult<Option<i64>> {
    match v {
        Value::None => Ok(None),
        Value::Int(i) => Ok(Some(*i)),
        Value::Bool(b) => Ok(Some(*b as i64)),
        Value::Obj(o) => match &**o {
            PyObject::BigInt(b) => Ok(Some(if b.sign() == Sign::Minus {
                i64::MIN
            } else {
                i64::MAX
            })),
            PyObject::Instance(_) | PyObject::Native(_) => {
                let base = vm.builtin_base(v);
                if !base.is(v) && !base.is_none() {
                    return slice_component(vm, &base);
                }
                if vm.lookup_special(v, "__index__").is_some() {
                    return vm.to_index(v).map(Some);
                }
                Err(vm.type_error(
                    "slice indices must be integers or None or have an __index__ method",
                ))
            }
            _ => Err(
                vm.type_error("slice indices must be integers or None or have an __index__ method")
            ),
        },
        _ => {
            Err(vm.type_error("slice indices must be integers or None or have an __index__ method"))
        }
    }
}

/// Normalise a slice object against a sequence of length `len`: (start, stop, step) as
/// `slice.indices(len)` gives them. ValueError for a zero step.
pub fn slice_indices(vm: &mut Vm, slice_value: &Value, len: usize) -> PyResult<(i64, i64, i64)> {
    let (a, b, c) = match slice_value {
        Value::Obj(o) => match &**o {
            PyObject::Slice(a, b, c) => (a.clone(), b.clone(), c.clone()),
            _ => return Err(vm.type_error("expected a slice")),
        },
        _ => return Err(vm.type_error("expected a slice")),
    };
    let step = slice_component(vm, &c)?.unwrap_or(1);
    if step == 0 {
        return Err(vm.value_error("slice step cannot be zero"));
    }
    let step = step.max(-i64::MAX);
    let len = len.min(i64::MAX as usize) as i64;
    let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let norm = |v: Option<i64>, default: i64| -> i64 {
        match v {
            None => default,
            Some(mut x) => {
                if x < 0 {
                    x = x.saturating_add(len);
                    if x < lower {
                        x = lower;
                    }
                } else if x > upper {
                    x = upper;
                }
                x
            }
        }
    };
    let start = slice_component(vm, &a)?;
    let stop = slice_component(vm, &b)?;
    let start = norm(start, if step < 0 { upper } else { lower });
    let stop = norm(stop, if step < 0 { lower } else { upper });
    Ok((start, stop, step))
}

/// The number of items a normalised slice selects.
pub fn slice_len(start: i64, stop: i64, step: i64) -> usize {
    let (start, stop, step) = (start as i128, stop as i128, step as i128);
    let n = if step > 0 {
        if stop > start {
            (stop - start - 1) / step + 1
        } else {
            0
        }
    } else if step < 0 {
        if start > stop {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        }
    } else {
        0
    };
    n.clamp(0, usize::MAX as i128) as usize
}

// ----- argument helpers ------------------------------------------------------------------------

/// The str `self` of a method (seeing through subclass instances).
fn this(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Str> {
    match args.first().map(|v| vm.builtin_base(v)) {
        Some(Value::Str(s)) => Ok(s),
        Some(other) => {
            let tn = vm.type_name(&other);
            Err(vm.type_error(format!(
                "descriptor '{}' for 'str' objects doesn't apply to a '{}' object",
                name, tn
            )))
        }
        None => Err(vm.type_error(format!(
            "descriptor '{}' of 'str' object needs an argument",
            name
        ))),
    }
}

/// Bind positional (after self) and keyword arguments to `names`; the first `required` are
/// mandatory. Keyword arguments are accepted only when `kw` is true.
fn bind<const N: usize>(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kwargs: &[(Str, Value)],
    names: [&str; N],
    required: usize,
    kw: bool,
) -> PyResult<[Option<Value>; N]> {
    let mut out: [Option<Value>; N] = core::array::from_fn(|_| None);
    let pos = args.len().saturating_sub(1);
    if pos > N {
        return Err(if N == 0 {
            vm.type_error(format!("{}() takes no arguments ({} given)", name, pos))
        } else if N == required {
            vm.type_error(format!(
                "{}() takes exactly {} argument{} ({} given)",
                name,
                N,
                if N == 1 { "" } else { "s" },
                pos
            ))
        } else {
            vm.type_error(format!(
                "{}() takes at most {} argument{} ({} given)",
                name,
                N,
                if N == 1 { "" } else { "s" },
                pos
            ))
        });
    }
    for (i, v) in args.iter().skip(1).enumerate() {
        out[i] = Some(v.clone());
    }
    if !kwargs.is_empty() {
        if !kw {
            return Err(vm.type_error(format!("{}() takes no keyword arguments", name)));
        }
        for (k, v) in kwargs {
            match names.iter().position(|n| *n == k.as_str()) {
                Some(i) if out[i].is_none() => out[i] = Some(v.clone()),
                Some(_) => {
                    return Err(vm.type_error(format!(
                        "argument for {}() given by name ('{}') and position",
                        name,
                        k.as_str()
                    )))
                }
                None => {
                    return Err(vm.type_error(format!(
                        "'{}' is an invalid keyword argument for {}()",
                        k.as_str(),
                        name
                    )))
                }
            }
        }
    }
    for (i, slot) in out.iter().enumerate().take(required) {
        if slot.is_none() {
            return Err(if kw {
                vm.type_error(format!(
                    "{}() missing required argument '{}' (pos {})",
                    name,
                    names[i],
                    i + 1
                ))
            } else {
                vm.type_error(format!(
                    "{}() takes at least {} argument{} ({} given)",
                    name,
                    required,
                    if required == 1 { "" } else { "s" },
                    pos
                ))
            });
        }
    }
    Ok(out)
}

/// A str argument (subclass instances allowed).
fn arg_str(vm: &mut Vm, v: &Value, fname: &str, n: usize) -> PyResult<Str> {
    match vm.builtin_base(v) {
        Value::Str(s) => Ok(s),
        other => {
            let tn = vm.type_name(&other);
            Err(vm.type_error(format!(
                "{}() argument {} must be str, not {}",
                fname, n, tn
            )))
        }
    }
}

/// An integer argument via `__index__`.
fn arg_index(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::Obj(o) if matches!(&**o, PyObject::BigInt(_)) => {
            Err(vm.overflow_error("Python int too large to convert to C ssize_t"))
        }
        Value::Float(_) | Value::Str(_) => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                tn
            )))
        }
        _ => vm.to_index(v),
    }
}

/// Start/end arguments of find/count/startswith, in characters: (start, end) where start may
/// exceed len (meaning "nothing found") and end is clamped to 0..=len.
fn start_end(
    vm: &mut Vm,
    start: Option<&Value>,
    end: Option<&Value>,
    len: usize,
) -> PyResult<(usize, usize)> {
    let len_i = len as i64;
    let s = match start {
        None => 0,
        Some(v) => match slice_component(vm, v)? {
            None => 0,
            Some(x) if x < 0 => (x.saturating_add(len_i)).max(0),
            Some(x) => x,
        },
    };
    let e = match end {
        None => len_i,
        Some(v) => match slice_component(vm, v)? {
            None => len_i,
            Some(x) if x < 0 => (x.saturating_add(len_i)).max(0),
            Some(x) => x.min(len_i),
        },
    };
    Ok((sat_usize(s), sat_usize(e)))
}

/// An i64 as a usize: negative gives 0, too large saturates.
#[inline]
pub fn sat_usize(n: i64) -> usize {
    usize::try_from(n.max(0)).unwrap_or(usize::MAX)
}

/// Byte offset of character index `ci` (clamped to the end).
#[inline]
pub fn char_to_byte(s: &PyStr, ci: usize) -> usize {
    if s.is_ascii() {
        ci.min(s.as_str().len())
    } else {
        s.as_str()
            .char_indices()
            .nth(ci)
            .map(|(b, _)| b)
            .unwrap_or(s.as_str().len())
    }
}

/// Character index of byte offset `bi` (which must be on a character boundary).
#[inline]
pub fn byte_to_char(s: &PyStr, bi: usize) -> usize {
    if s.is_ascii() {
        bi
    } else {
        s.as_str().get(..bi).map(|p| p.chars().count()).unwrap_or(0)
    }
}

fn new_s(s: String) -> Value {
    Value::string(s)
}

/// A part `s` of `orig` as a str value (`orig` itself when the part is all of it; an ASCII
/// str's parts need no character count).
#[inline]
fn same_or_new(orig: &Str, s: &str) -> Value {
    if s.len() == orig.as_str().len() {
        Value::Str(orig.clone())
    } else if orig.is_ascii() {
        Value::Str(Rc::new(PyStr::from_ascii(s)))
    } else {
        Value::str(s)
    }
}

// ----- searching -------------------------------------------------------------------------------

/// The byte range of `s` selected by start/end args, or None when start > end.
fn search_range(vm: &mut Vm, s: &Str, args: &[Option<Value>]) -> PyResult<Option<(usize, usize)>> {
    let len = s.char_len();
    let (cs, ce) = start_end(
        vm,
        args.first().and_then(|v| v.as_ref()),
        args.get(1).and_then(|v| v.as_ref()),
        len,
    )?;
    if cs > len || cs > ce {
        return Ok(None);
    }
    Ok(Some((char_to_byte(s, cs), char_to_byte(s, ce))))
}

fn find_impl(
    vm: &mut Vm,
    args: &[Value],
    kwargs: &[(Str, Value)],
    name: &str,
    rev: bool,
) -> PyResult<Option<usize>> {
    let s = this(vm, args, name)?;
    let [sub, a, b] = bind(vm, name, args, kwargs, ["sub", "start", "end"], 1, false)?;
    let sub = match sub.as_ref().map(|v| vm.builtin_base(v)) {
        Some(Value::Str(t)) => t,
        Some(other) => {
            let tn = vm.type_name(&other);
            return Err(vm.type_error(format!("must be str, not {}", tn)));
        }
        None => return Ok(None),
    };
    let Some((bs, be)) = search_range(vm, &s, &[a, b])? else {
        return Ok(None);
    };
    let hay = &s.as_str()[bs..be];
    let found = match (sub.as_str().as_bytes(), rev) {
        // One ASCII byte: a byte search instead of the general substring searcher.
        ([c], false) if c.is_ascii() => hay.find(*c as char),
        ([c], true) if c.is_ascii() => hay.rfind(*c as char),
        (_, false) => hay.find(sub.as_str()),
        (_, true) => hay.rfind(sub.as_str()),
    };
    Ok(found.map(|p| byte_to_char(&s, bs + p)))
}

fn str_find(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    Ok(Value::Int(
        find_impl(vm, args, kwargs, "find", false)?
            .map(|p| p as i64)
            .unwrap_or(-1),
    ))
}

fn str_rfind(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    Ok(Value::Int(
        find_impl(vm, args, kwargs, "rfind", true)?
            .map(|p| p as i64)
            .unwrap_or(-1),
    ))
}

fn str_index(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    match find_impl(vm, args, kwargs, "index", false)? {
        Some(p) => Ok(Value::Int(p as i64)),
        None => Err(vm.value_error("substring not found")),
    }
}

fn str_rindex(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    match find_impl(vm, args, kwargs, "rindex", true)? {
        Some(p) => Ok(Value::Int(p as i64)),
        None => Err(vm.value_error("substring not found")),
    }
}

fn str_count(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    let s = this(vm, args, "count")?;
    let [sub, a, b] = bind(vm, "count", args, kwargs, ["sub", "start", "end"], 1, false)?;
    let sub = arg_str(vm, sub.as_ref().unwrap_or(&Value::None), "count", 1)?;
    let Some((bs, be)) = search_range(vm, &s, &[a, b])? else {
        return Ok(Value::Int(0));
    };
    let hay = &s.as_str()[bs..be];
    let n = match sub.as_str().as_bytes() {
        [] => hay.chars().count() + 1,
        [c] if c.is_ascii() => hay.bytes().filter(|b| b == c).count(),
        _ => hay.matches(sub.as_str()).count(),
    };
    Ok(Value::Int(n as i64))
}

fn prefix_impl(
    vm: &mut Vm,
    args: &[Value],
    kwargs: &[(Str, Value)],
    name: &str,
    end: bool,
) -> PyResult {
    if let ([Value::Str(s), Value::Str(t)], []) = (args, kwargs) {
        let (s, t) = (s.as_str(), t.as_str());
        return Ok(Value::Bool(if end {
            s.ends_with(t)
        } else {
            s.starts_with(t)
        }));
    }
    let s = this(vm, args, name)?;
    let [p, a, b] = bind(vm, name, args, kwargs, ["prefix", "start", "end"], 1, false)?;
    let p = p.unwrap_or(Value::None);
    let Some((bs, be)) = search_range(vm, &s, &[a, b])? else {
        return Ok(Value::Bool(false));
    };
    let hay = &s.as_str()[bs..be];
    let check = |t: &str| {
        if end {
            hay.ends_with(t)
        } else {
            hay.starts_with(t)
        }
    };
    if let Some(items) = p.as_tuple() {
        let items = items.to_vec();
        for it in items.iter() {
            match vm.builtin_base(it) {
                Value::Str(t) => {
                    if check(t.as_str()) {
                        return Ok(Value::Bool(true));
                    }
                }
                other => {
                    let tn = vm.type_name(&other);
                    return Err(vm.type_error(format!(
                        "tuple for {} must only contain str, not {}",
                        name, tn
                    )));
                }
            }
        }
        return Ok(Value::Bool(false));
    }
    match vm.builtin_base(&p) {
        Value::Str(t) => Ok(Value::Bool(check(t.as_str()))),
        other => {
            let tn = vm.type_name(&other);
            let what = if end {
                "endswith first arg must be str or a tuple of str, not "
            } else {
                "startswith first arg must be str or a tuple of str, not "
            };
            Err(vm.type_error(format!("{}{}", what, tn)))
        }
    }
}

fn str_startswith(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    prefix_impl(vm, args, kwargs, "startswith", false)
}

fn str_endswith(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    prefix_impl(vm, args, kwargs, "endswith", true)
}

fn str_contains(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    let s = this(vm, args, "__contains__")?;
    let [x] = bind(vm, "__contains__", args, kwargs, ["key"], 1, false)?;
    match x.map(|v| vm.builtin_base(&v)) {
        Some(Value::Str(t)) => Ok(Value::Bool(s.as_str().contains(t.as_str()))),
        Some(other) => {
            let tn = vm.type_name(&other);
            Err(vm.type_error(format!(
                "'in <string>' requires string as left operand, not {}",
                tn
            )))
        }
        None => Ok(Value::Bool(false)),
    }
}

fn str_len(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    let s = this(vm, args, "__len__")?;
    Ok(Value::Int(s.char_len() as i64))
}

// ----- indexing --------------------------------------------------------------------------------

/// `s[key]` for a str (index or slice).
pub fn str_subscript(vm: &mut Vm, s: &Str, key: &Value) -> PyResult {
    let idx = match key {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        Value::Obj(o) if matches!(&**o, PyObject::Slice(..)) => {
            let (start, stop, step) = slice_indices(vm, key, s.char_len())?;
            return Ok(str_slice(s, start, stop, step));
        }
        Value::Obj(o) if matches!(&**o, PyObject::BigInt(_)) => {
            return Err(vm.index_error("cannot fit 'int' into an index-sized integer"))
        }
        Value::Obj(o)
            if matches!(&**o, PyObject::Instance(_) | PyObject::Native(_))
                && vm.lookup_special(key, "__index__").is_some() =>
        {
            vm.to_index(key)?
        }
        _ => {
            let tn = vm.type_name(key);
            return Err(vm.type_error(format!("string indices must be integers, not '{}'", tn)));
        }
    };
    let len = s.char_len() as i64;
    let i = if idx < 0 {
        idx.saturating_add(len)
    } else {
        idx
    };
    if i < 0 || i >= len {
        return Err(vm.index_error("string index out of range"));
    }
    let i = i as usize;
    let text = s.as_str();
    if s.is_ascii() {
        Ok(Value::Str(Rc::new(PyStr::from_ascii(&text[i..i + 1]))))
    } else {
        match text.chars().nth(i) {
            Some(c) => {
                let mut b = [0u8; 4];
                Ok(Value::str(c.encode_utf8(&mut b)))
            }
            None => Err(vm.index_error("string index out of range")),
        }
    }
}

/// The characters of `s` selected by a normalised slice.
pub fn str_slice(s: &Str, start: i64, stop: i64, step: i64) -> Value {
    let n = slice_len(start, stop, step);
    if n == 0 {
        return Value::str("");
    }
    let text = s.as_str();
    if step == 1 {
        if n == s.char_len() {
            return Value::Str(s.clone());
        }
        let (a, b) = if s.is_ascii() {
            (start as usize, start as usize + n)
        } else {
            (
                char_to_byte(s, start as usize),
                char_to_byte(s, start as usize + n),
            )
        };
        return same_or_new(s, &text[a..b]);
    }
    let mut out = String::with_capacity(n);
    if s.is_ascii() {
        let b = text.as_bytes();
        let mut i = start;
        for _ in 0..n {
            out.push(b[i as usize] as char);
            i = i.wrapping_add(step);
        }
    } else {
        let chars: Vec<char> = text.chars().collect();
        let mut i = start;
        for _ in 0..n {
            if let Some(c) = chars.get(i as usize) {
                out.push(*c);
            }
            i = i.wrapping_add(step);
        }
    }
    Value::string(out)
}

pub(crate) fn str_getitem(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    if let ([Value::Str(s), key], []) = (args, kwargs) {
        return str_subscript(vm, s, key);
    }
    let s = this(vm, args, "__getitem__")?;
    let [k] = bind(vm, "__getitem__", args, kwargs, ["key"], 1, false)?;
    str_subscript(vm, &s, &k.unwrap_or(Value::None))
}

// ----- case ------------------------------------------------------------------------------------

fn map_str(
    vm: &mut Vm,
    args: &[Value],
    name: &str,
    ascii: fn(&str) -> String,
    uni: fn(&str) -> String,
) -> PyResult {
    let s = this(vm, args, name)?;
    if args.len() > 1 {
        return Err(vm.type_error(format!(
            "{}() takes no arguments ({} given)",
            name,
            args.len() - 1
        )));
    }
    let t = s.as_str();
    Ok(new_s(if t.is_ascii() { ascii(t) } else { uni(t) }))
}

fn str_lower(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    map_str(
        vm,
        args,
        "lower",
        |t| t.to_ascii_lowercase(),
        |t| t.to_lowercase(),
    )
}

fn str_upper(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    map_str(
        vm,
        args,
        "upper",
        |t| t.to_ascii_uppercase(),
        |t| t.to_uppercase(),
    )
}

/// Full case folding: the lower case of the upper case, except for a few letters (dotless i,
/// capital sharp s, Cherokee, which folds to upper case).
fn casefold(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    for c in t.chars() {
        match c as u32 {
            0x131 => out.push(c),
            0x1E9E => out.push_str("ss"),
            0x13A0..=0x13FD | 0xAB70..=0xABBF => out.extend(c.to_uppercase()),
            _ => {
                for u in c.to_uppercase() {
                    out.extend(u.to_lowercase());
                }
            }
        }
    }
    out
}

fn str_casefold(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    map_str(vm, args, "casefold", |t| t.to_ascii_lowercase(), casefold)
}

/// Pushes the titlecase mapping of `c`: its upper case, except for digraphs, Georgian, Greek
/// letters with iota subscript, and ligatures (`ﬁ` -> `Fi`: only the first letter is upper).
fn push_title(out: &mut String, c: char) {
    let cp = c as u32;
    let single = match cp {
        0x1C4..=0x1C6 => Some(0x1C5),
        0x1C7..=0x1C9 => Some(0x1C8),
        0x1CA..=0x1CC => Some(0x1CB),
        0x1F1..=0x1F3 => Some(0x1F2),
        0x10D0..=0x10FF => Some(cp),
        0x1F80..=0x1FAF => Some(cp | 8),
        0x1FB3 | 0x1FBC => Some(0x1FBC),
        0x1FC3 | 0x1FCC => Some(0x1FCC),
        0x1FF3 | 0x1FFC => Some(0x1FFC),
        _ => None,
    };
    if let Some(t) = single.and_then(char::from_u32) {
        out.push(t);
        return;
    }
    let up = c.to_uppercase();
    if up.len() == 1 {
        out.extend(up);
    } else if (0x1FB0..=0x1FFF).contains(&cp) && c.to_uppercase().last() == Some('Ι') {
        // A Greek vowel with iota subscript: the iota stays a subscript.
        let n = up.len();
        out.extend(up.take(n - 1));
        out.push('\u{345}');
    } else {
        let mut cased = false;
        for u in up {
            if cased {
                out.extend(u.to_lowercase());
            } else {
                out.push(u);
                cased = is_cased(u);
            }
        }
    }
}

fn swapcase(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    for (i, c) in t.char_indices() {
        if c.is_uppercase() {
            push_lower_at(&mut out, t, i, c);
        } else if c.is_lowercase() {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    out
}

fn str_swapcase(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    map_str(
        vm,
        args,
        "swapcase",
        |t| {
            t.chars()
                .map(|c| {
                    if c.is_ascii_uppercase() {
                        c.to_ascii_lowercase()
                    } else {
                        c.to_ascii_uppercase()
                    }
                })
                .collect()
        },
        swapcase,
    )
}

fn title(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    let mut prev_cased = false;
    for (i, c) in t.char_indices() {
        if prev_cased {
            push_lower_at(&mut out, t, i, c);
        } else {
            push_title(&mut out, c);
        }
        prev_cased = is_cased(c);
    }
    out
}

fn str_title(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    map_str(vm, args, "title", title, title)
}

fn capitalize(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    let mut it = t.char_indices();
    if let Some((_, c)) = it.next() {
        push_title(&mut out, c);
    }
    for (i, c) in it {
        push_lower_at(&mut out, t, i, c);
    }
    out
}

fn str_capitalize(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    map_str(vm, args, "capitalize", capitalize, capitalize)
}

// ----- predicates ------------------------------------------------------------------------------

fn pred(vm: &mut Vm, args: &[Value], name: &str, f: fn(&str) -> bool) -> PyResult {
    let s = this(vm, args, name)?;
    if args.len() > 1 {
        return Err(vm.type_error(format!(
            "{}() takes no arguments ({} given)",
            name,
            args.len() - 1
        )));
    }
    Ok(Value::Bool(f(s.as_str())))
}

fn all_nonempty(t: &str, f: fn(char) -> bool) -> bool {
    !t.is_empty() && t.chars().all(f)
}

fn str_isalnum(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    pred(vm, args, "isalnum", |t| {
        all_nonempty(t, |c| is_alpha(c) || is_numeric(c) || is_digit(c))
    })
}

fn str_isalpha(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    pred(vm, args, "isalpha", |t| all_nonempty(t, is_alpha))
}

fn str_isascii(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    pred(vm, args, "isascii", |t| t.is_ascii())
}

fn str_isdecimal(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    pred(vm, args, "isdecimal", |t| all_nonempty(t, is_decimal))
}

fn str_isdigit(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    pred(vm, args, "isdigit", |t| all_nonempty(t, is_digit))
}

fn str_isnumeric(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    pred(vm, args, "isnumeric", |t| {
        all_nonempty(t, |c| is_numeric(c) || is_digit(c))
    })
}

fn str_isspace(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    pred(vm, args, "isspace", |t| all_nonempty(t, py_isspace))
}

fn str_isprintable(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    pred(vm, args, "isprintable", |t| t.chars().all(is_printable))
}

/// `str.isidentifier`: XID_Start then XID_Continue characters (as CPython 3.11).
pub fn is_identifier(t: &str) -> bool {
    let mut it = t.chars();
    it.next().is_some_and(crate::lexer::is_id_start) && it.all(crate::lexer::is_id_continue)
}

fn str_isidentifier(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    pred(vm, args, "isidentifier", is_identifier)
}

fn str_islower(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    pred(vm, args, "islower", |t| {
        t.chars().any(is_cased) && !t.chars().any(|c| c.is_uppercase() || is_titlecase(c))
    })
}

fn str_isupper(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    pred(vm, args, "isupper", |t| {
        t.chars().any(is_cased) && !t.chars().any(|c| c.is_lowercase() || is_titlecase(c))
    })
}

fn istitle(t: &str) -> bool {
    let mut prev_cased = false;
    let mut cased = false;
    for c in t.chars() {
        if c.is_uppercase() || is_titlecase(c) {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if c.is_lowercase() {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    cased
}

fn str_istitle(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    pred(vm, args, "istitle", istitle)
}

// ----- padding ---------------------------------------------------------------------------------

fn fill_arg(vm: &mut Vm, v: Option<Value>, name: &str) -> PyResult<char> {
    match v {
        None => Ok(' '),
        Some(v) => match vm.builtin_base(&v) {
            Value::Str(s) if s.char_len() == 1 => Ok(s.as_str().chars().next().unwrap_or(' ')),
            Value::Str(_) => {
                Err(vm.type_error("The fill character must be exactly one character long"))
            }
            other => {
                let tn = vm.type_name(&other);
                Err(vm.type_error(format!("{}() argument 2 must be str, not {}", name, tn)))
            }
        },
    }
}

fn pad_impl(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)], name: &str) -> PyResult {
    let s = this(vm, args, name)?;
    let [w, f] = bind(vm, name, args, kwargs, ["width", "fillchar"], 1, false)?;
    let width = arg_index(vm, w.as_ref().unwrap_or(&Value::None))?;
    let fill = fill_arg(vm, f, name)?;
    let len = s.char_len() as i64;
    if width <= len {
        return Ok(Value::Str(s));
    }
    let marg = sat_usize(width - len);
    check_size(
        vm,
        s.as_str()
            .len()
            .saturating_add(marg.saturating_mul(fill.len_utf8())),
    )?;
    let (left, right) = match name {
        "ljust" => (0, marg),
        "rjust" => (marg, 0),
        _ => {
            let left = marg / 2 + (marg & sat_usize(width) & 1);
            (left, marg - left)
        }
    };
    let mut out = String::with_capacity(s.as_str().len() + marg * fill.len_utf8());
    out.extend(core::iter::repeat_n(fill, left));
    out.push_str(s.as_str());
    out.extend(core::iter::repeat_n(fill, right));
    Ok(new_s(out))
}

fn str_center(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    pad_impl(vm, args, kwargs, "center")
}

fn str_ljust(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    pad_impl(vm, args, kwargs, "ljust")
}

fn str_rjust(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    pad_impl(vm, args, kwargs, "rjust")
}

fn str_zfill(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    let s = this(vm, args, "zfill")?;
    let [w] = bind(vm, "zfill", args, kwargs, ["width"], 1, false)?;
    let width = arg_index(vm, w.as_ref().unwrap_or(&Value::None))?;
    let len = s.char_len() as i64;
    if width <= len {
        return Ok(Value::Str(s));
    }
    let n = sat_usize(width - len);
    check_size(vm, s.as_str().len().saturating_add(n))?;
    let t = s.as_str();
    let mut out = String::with_capacity(t.len() + n);
    let rest = if t.starts_with(['+', '-']) {
        out.push_str(&t[..1]);
        &t[1..]
    } else {
        t
    };
    out.extend(core::iter::repeat_n('0', n));
    out.push_str(rest);
    Ok(new_s(out))
}

fn check_size(vm: &mut Vm, bytes: usize) -> PyResult<()> {
    if bytes > vm.config.heap_size {
        return Err(vm.err(ExcKind::MemoryError, ""));
    }
    Ok(())
}

fn str_expandtabs(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    let s = this(vm, args, "expandtabs")?;
    let [t] = bind(vm, "expandtabs", args, kwargs, ["tabsize"], 0, true)?;
    let tab = match t {
        Some(v) => arg_index(vm, &v)?,
        None => 8,
    };
    if !s.as_str().contains('\t') {
        return Ok(Value::Str(s));
    }
    let mut out = String::with_capacity(s.as_str().len() + 16);
    let mut col: i64 = 0;
    for c in s.as_str().chars() {
        match c {
            '\t' => {
                if tab > 0 {
                    let n = tab - col % tab;
                    check_size(vm, out.len().saturating_add(sat_usize(n)))?;
                    out.extend(core::iter::repeat_n(' ', sat_usize(n)));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            c => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(new_s(out))
}

// ----- strip / split / join ---------------------------------------------------------------------

fn strip_impl(
    vm: &mut Vm,
    args: &[Value],
    kwargs: &[(Str, Value)],
    name: &str,
    left: bool,
    right: bool,
) -> PyResult {
    let s = this(vm, args, name)?;
    let [chars] = bind(vm, name, args, kwargs, ["chars"], 0, false)?;
    let t = s.as_str();
    let r = match chars.map(|v| vm.builtin_base(&v)) {
        None | Some(Value::None) => {
            let mut r = t;
            if left {
                r = r.trim_start_matches(py_isspace);
            }
            if right {
                r = r.trim_end_matches(py_isspace);
            }
            r
        }
        Some(Value::Str(cs)) => {
            let set: Vec<char> = cs.as_str().chars().collect();
            let mut r = t;
            if left {
                r = r.trim_start_matches(|c| set.contains(&c));
            }
            if right {
                r = r.trim_end_matches(|c| set.contains(&c));
            }
            r
        }
        Some(other) => {
            let tn = vm.type_name(&other);
            return Err(vm.type_error(format!("{} arg must be None or str, not {}", name, tn)));
        }
    };
    Ok(same_or_new(&s, r))
}

fn str_strip(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    strip_impl(vm, args, kwargs, "strip", true, true)
}

fn str_lstrip(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    strip_impl(vm, args, kwargs, "lstrip", true, false)
}

fn str_rstrip(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    strip_impl(vm, args, kwargs, "rstrip", false, true)
}

/// Split `t` on runs of whitespace, at most `maxsplit` times (negative: unlimited).
pub fn split_whitespace(t: &str, maxsplit: i64) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = t.trim_start_matches(py_isspace);
    let mut splits = 0i64;
    while !rest.is_empty() {
        if maxsplit >= 0 && splits >= maxsplit {
            out.push(rest);
            break;
        }
        match rest.find(py_isspace) {
            Some(p) => {
                out.push(&rest[..p]);
                rest = rest[p..].trim_start_matches(py_isspace);
                splits += 1;
            }
            None => {
                out.push(rest);
                break;
            }
        }
    }
    out
}

/// Split `t` on runs of whitespace from the right, at most `maxsplit` times; the result is in
/// left-to-right order.
pub fn rsplit_whitespace(t: &str, maxsplit: i64) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = t.trim_end_matches(py_isspace);
    let mut splits = 0i64;
    while !rest.is_empty() {
        if maxsplit >= 0 && splits >= maxsplit {
            out.push(rest);
            break;
        }
        match rest.rfind(py_isspace) {
            Some(p) => {
                let w = rest[p..].chars().next().map(|c| c.len_utf8()).unwrap_or(1);
                out.push(&rest[p + w..]);
                rest = rest[..p].trim_end_matches(py_isspace);
                splits += 1;
            }
            None => {
                out.push(rest);
                break;
            }
        }
    }
    out.reverse();
    out
}

fn split_args(
    vm: &mut Vm,
    args: &[Value],
    kwargs: &[(Str, Value)],
    name: &str,
) -> PyResult<(Str, Option<Str>, i64)> {
    let s = this(vm, args, name)?;
    let [sep, maxsplit] = bind(vm, name, args, kwargs, ["sep", "maxsplit"], 0, true)?;
    let sep = match sep.map(|v| vm.builtin_base(&v)) {
        None | Some(Value::None) => None,
        Some(Value::Str(t)) => {
            if t.as_str().is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            Some(t)
        }
        Some(other) => {
            let tn = vm.type_name(&other);
            return Err(vm.type_error(format!("must be str or None, not {}", tn)));
        }
    };
    let maxsplit = match maxsplit {
        Some(v) => arg_index(vm, &v)?,
        None => -1,
    };
    Ok((s, sep, maxsplit))
}

fn pieces_to_list(vm: &mut Vm, s: &Str, pieces: Vec<&str>) -> Value {
    let items: Vec<Value> = pieces.into_iter().map(|p| same_or_new(s, p)).collect();
    vm.new_list(items)
}

fn str_split(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    let (s, sep, maxsplit) = split_args(vm, args, kwargs, "split")?;
    let t = s.as_str();
    if let (Some(sep), true) = (&sep, maxsplit < 0) {
        // Unlimited split: the parts go straight into the list; a one-byte separator is found
        // with a byte search.
        let mut items = Vec::new();
        match sep.as_str().as_bytes() {
            [b] if b.is_ascii() => {
                for p in t.split(*b as char) {
                    items.push(same_or_new(&s, p));
                }
            }
            _ => {
                for p in t.split(sep.as_str()) {
                    items.push(same_or_new(&s, p));
                }
            }
        }
        return Ok(vm.new_list(items));
    }
    let pieces: Vec<&str> = match &sep {
        None => split_whitespace(t, maxsplit),
        Some(sep) => {
            if maxsplit < 0 {
                t.split(sep.as_str()).collect()
            } else {
                t.splitn(sat_usize(maxsplit.saturating_add(1)), sep.as_str())
                    .collect()
            }
        }
    };
    Ok(pieces_to_list(vm, &s, pieces))
}

fn str_rsplit(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    let (s, sep, maxsplit) = split_args(vm, args, kwargs, "rsplit")?;
    let t = s.as_str();
    let pieces: Vec<&str> = match &sep {
        None => rsplit_whitespace(t, maxsplit),
        Some(sep) => {
            let mut v: Vec<&str> = if maxsplit < 0 {
                t.rsplit(sep.as_str()).collect()
            } else {
                t.rsplitn(sat_usize(maxsplit.saturating_add(1)), sep.as_str())
                    .collect()
            };
            v.reverse();
            v
        }
    };
    Ok(pieces_to_list(vm, &s, pieces))
}

fn str_splitlines(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    let s = this(vm, args, "splitlines")?;
    let [keep] = bind(vm, "splitlines", args, kwargs, ["keepends"], 0, true)?;
    let keep = match keep {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    let t = s.as_str();
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut it = t.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if is_linebreak(c) {
            let mut end = i + c.len_utf8();
            if c == '\r' {
                if let Some(&(_, '\n')) = it.peek() {
                    it.next();
                    end += 1;
                }
            }
            pieces.push(if keep { &t[start..end] } else { &t[start..i] });
            start = end;
        }
    }
    if start < t.len() {
        pieces.push(&t[start..]);
    }
    Ok(pieces_to_list(vm, &s, pieces))
}

fn str_join(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    let s = this(vm, args, "join")?;
    let [it] = bind(vm, "join", args, kwargs, ["iterable"], 1, false)?;
    let it = it.unwrap_or(Value::None);
    let items = match &it {
        Value::Str(t) => t
            .as_str()
            .chars()
            .map(|c| Value::string(String::from(c)))
            .collect(),
        _ => vm.collect(&it)?,
    };
    if items.len() == 1 {
        if let Value::Str(x) = &items[0] {
            return Ok(Value::Str(x.clone()));
        }
    }
    let sep = s.as_str();
    let mut total = sep.len().saturating_mul(items.len().saturating_sub(1));
    for (i, v) in items.iter().enumerate() {
        match v {
            Value::Str(x) => total = total.saturating_add(x.as_str().len()),
            other => match vm.builtin_base(other) {
                Value::Str(x) => total = total.saturating_add(x.as_str().len()),
                _ => {
                    let tn = vm.type_name(other);
                    return Err(vm.type_error(format!(
                        "sequence item {}: expected str instance, {} found",
                        i, tn
                    )));
                }
            },
        }
    }
    check_size(vm, total)?;
    let mut out = String::with_capacity(total);
    for (i, v) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        match v {
            Value::Str(x) => out.push_str(x.as_str()),
            other => {
                if let Value::Str(x) = vm.builtin_base(other) {
                    out.push_str(x.as_str());
                }
            }
        }
    }
    Ok(new_s(out))
}

fn partition_impl(
    vm: &mut Vm,
    args: &[Value],
    kwargs: &[(Str, Value)],
    name: &str,
    rev: bool,
) -> PyResult {
    let s = this(vm, args, name)?;
    let [sep] = bind(vm, name, args, kwargs, ["sep"], 1, false)?;
    let sep = arg_str(vm, sep.as_ref().unwrap_or(&Value::None), name, 1)?;
    if sep.as_str().is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let t = s.as_str();
    let found = if rev {
        t.rfind(sep.as_str())
    } else {
        t.find(sep.as_str())
    };
    let items = match found {
        Some(p) => alloc::vec![
            Value::str(&t[..p]),
            Value::Str(sep.clone()),
            Value::str(&t[p + sep.as_str().len()..])
        ],
        None => {
            if rev {
                alloc::vec![Value::str(""), Value::str(""), Value::Str(s.clone())]
            } else {
                alloc::vec![Value::Str(s.clone()), Value::str(""), Value::str("")]
            }
        }
    };
    Ok(vm.new_tuple(items))
}

fn str_partition(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    partition_impl(vm, args, kwargs, "partition", false)
}

fn str_rpartition(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    partition_impl(vm, args, kwargs, "rpartition", true)
}

fn str_removeprefix(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    let s = this(vm, args, "removeprefix")?;
    let [p] = bind(vm, "removeprefix", args, kwargs, ["prefix"], 1, false)?;
    let p = arg_str(vm, p.as_ref().unwrap_or(&Value::None), "removeprefix", 1)?;
    match s.as_str().strip_prefix(p.as_str()) {
        Some(r) => Ok(same_or_new(&s, r)),
        None => Ok(Value::Str(s)),
    }
}

fn str_removesuffix(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    let s = this(vm, args, "removesuffix")?;
    let [p] = bind(vm, "removesuffix", args, kwargs, ["suffix"], 1, false)?;
    let p = arg_str(vm, p.as_ref().unwrap_or(&Value::None), "removesuffix", 1)?;
    match s.as_str().strip_suffix(p.as_str()) {
        Some(r) if !p.as_str().is_empty() => Ok(same_or_new(&s, r)),
        _ => Ok(Value::Str(s)),
    }
}

fn str_replace(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    let s = this(vm, args, "replace")?;
    let [old, new, count] = bind(
        vm,
        "replace",
        args,
        kwargs,
        ["old", "new", "count"],
        2,
        false,
    )?;
    let old = arg_str(vm, old.as_ref().unwrap_or(&Value::None), "replace", 1)?;
    let new = arg_str(vm, new.as_ref().unwrap_or(&Value::None), "replace", 2)?;
    let count = match count {
        Some(v) => arg_index(vm, &v)?,
        None => -1,
    };
    let t = s.as_str();
    let (o, n) = (old.as_str(), new.as_str());
    if count == 0 || (!o.is_empty() && !t.contains(o)) {
        return Ok(Value::Str(s));
    }
    let limit = if count < 0 {
        usize::MAX
    } else {
        sat_usize(count)
    };
    if o.is_empty() {
        let slots = (s.char_len() + 1).min(limit);
        check_size(vm, t.len().saturating_add(n.len().saturating_mul(slots)))?;
        let mut out = String::with_capacity(t.len() + n.len() * slots);
        let mut done = 0;
        for c in t.chars() {
            if done < limit {
                out.push_str(n);
                done += 1;
            }
            out.push(c);
        }
        if done < limit {
            out.push_str(n);
        }
        return Ok(new_s(out));
    }
    if let ([ob], [nb], true) = (o.as_bytes(), n.as_bytes(), count < 0) {
        if ob.is_ascii() && nb.is_ascii() {
            // One ASCII byte for another: a byte map (an ASCII byte never occurs inside a
            // multi-byte character, so the result stays valid UTF-8).
            let mapped: Vec<u8> = t.bytes().map(|b| if b == *ob { *nb } else { b }).collect();
            if let Ok(r) = String::from_utf8(mapped) {
                return Ok(Value::Str(Rc::new(PyStr::from_string(r))));
            }
        }
    }
    if n.len() > o.len() {
        let hits = t.matches(o).count().min(limit);
        check_size(
            vm,
            t.len()
                .saturating_add((n.len() - o.len()).saturating_mul(hits)),
        )?;
    }
    Ok(new_s(if count < 0 {
        t.replace(o, n)
    } else {
        t.replacen(o, n, limit)
    }))
}

// ----- translate -------------------------------------------------------------------------------

fn str_translate(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    let s = this(vm, args, "translate")?;
    let [table] = bind(vm, "translate", args, kwargs, ["table"], 1, false)?;
    let table = table.unwrap_or(Value::None);
    let mut out = String::with_capacity(s.as_str().len());
    for c in s.as_str().chars() {
        let key = Value::Int(c as i64);
        let r = match &table {
            Value::Obj(o) if matches!(&**o, PyObject::Dict(_)) => {
                let PyObject::Dict(d) = &**o else { continue };
                crate::dict::dict_get(vm, d, &key)?
            }
            _ => match vm.call_method(&table, "__getitem__", &[key]) {
                Ok(v) => Some(v),
                Err(e) if vm.err_matches(&e, ExcKind::LookupError) => None,
                Err(e) => return Err(e),
            },
        };
        match r {
            None => out.push(c),
            Some(Value::None) => {}
            Some(Value::Int(n)) => match if (0..=0x10ffff).contains(&n) {
                char::from_u32(n as u32)
            } else {
                None
            } {
                Some(ch) => out.push(ch),
                None => return Err(vm.value_error("character mapping must be in range(0x110000)")),
            },
            Some(v) => match vm.builtin_base(&v) {
                Value::Str(t) => out.push_str(t.as_str()),
                Value::Int(n) if (0..=0x10ffff).contains(&n) => {
                    out.extend(char::from_u32(n as u32))
                }
                _ => {
                    return Err(vm.type_error("character mapping must return integer, None or str"))
                }
            },
        }
    }
    Ok(new_s(out))
}

fn str_maketrans(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    if !kwargs.is_empty() {
        return Err(vm.type_error("maketrans() takes no keyword arguments"));
    }
    if args.is_empty() || args.len() > 3 {
        return Err(vm.type_error(format!(
            "maketrans() takes at least 1 argument ({} given)",
            args.len()
        )));
    }
    let result = vm.new_dict(crate::dict::Dict::new());
    let Value::Obj(ro) = &result else {
        return Ok(result);
    };
    let PyObject::Dict(rd) = &**ro else {
        return Ok(result);
    };
    if args.len() == 1 {
        let Value::Obj(o) = &args[0] else {
            return Err(
                vm.type_error("if you give only one argument to maketrans it must be a dict")
            );
        };
        let PyObject::Dict(d) = &**o else {
            return Err(
                vm.type_error("if you give only one argument to maketrans it must be a dict")
            );
        };
        let items = d.borrow().items();
        for (k, v) in items {
            let key = match &k {
                Value::Int(_) => k.clone(),
                Value::Str(t) if t.char_len() == 1 => {
                    Value::Int(t.as_str().chars().next().map(|c| c as i64).unwrap_or(0))
                }
                Value::Str(_) => {
                    return Err(vm.value_error("string keys in translate table must be of length 1"))
                }
                _ => {
                    return Err(vm.type_error("keys in translate table must be strings or integers"))
                }
            };
            crate::dict::dict_set(vm, rd, key, v)?;
        }
        return Ok(result);
    }
    let x = arg_str(vm, &args[0], "maketrans", 1)?;
    let y = arg_str(vm, &args[1], "maketrans", 2)?;
    if x.char_len() != y.char_len() {
        return Err(vm.value_error("the first two maketrans arguments must have equal length"));
    }
    for (a, b) in x.as_str().chars().zip(y.as_str().chars()) {
        crate::dict::dict_set(vm, rd, Value::Int(a as i64), Value::Int(b as i64))?;
    }
    if args.len() == 3 {
        let z = arg_str(vm, &args[2], "maketrans", 3)?;
        for c in z.as_str().chars() {
            crate::dict::dict_set(vm, rd, Value::Int(c as i64), Value::None)?;
        }
    }
    Ok(result)
}

// ----- format / encode -------------------------------------------------------------------------

fn str_format_m(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    let s = this(vm, args, "format")?;
    crate::format::str_format(vm, s.as_str(), &args[1..], kwargs).map(new_s)
}

fn str_format_map(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    let s = this(vm, args, "format_map")?;
    let [m] = bind(vm, "format_map", args, kwargs, ["mapping"], 1, false)?;
    crate::format::str_format_map(vm, s.as_str(), &m.unwrap_or(Value::None)).map(new_s)
}

fn str_dunder_format(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    let s = this(vm, args, "__format__")?;
    let [spec] = bind(vm, "__format__", args, kwargs, ["format_spec"], 1, false)?;
    let spec = arg_str(vm, spec.as_ref().unwrap_or(&Value::None), "__format__", 1)?;
    crate::format::format_value(vm, &Value::Str(s), spec.as_str()).map(Value::Str)
}

/// The canonical name of a supported codec: "utf-8", "ascii" or "latin-1"; LookupError otherwise.
pub fn normalize_encoding(vm: &mut Vm, name: &str) -> PyResult<&'static str> {
    let n: String = name
        .chars()
        .map(|c| {
            if c == '_' || c == ' ' {
                '-'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    Ok(match n.as_str() {
        "utf-8" | "utf8" | "u8" | "utf" | "cp65001" => "utf-8",
        "ascii" | "us-ascii" | "646" | "us" => "ascii",
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "8859" | "cp819" | "l1" | "latin"
        | "iso-ir-100" => "latin-1",
        _ => return Err(vm.err(ExcKind::LookupError, format!("unknown encoding: {}", name))),
    })
}

/// Encode text with a codec ("utf-8", "ascii", "latin-1") and an error handler ("strict",
/// "ignore", "replace", "backslashreplace").
pub fn encode_str(vm: &mut Vm, t: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let enc = normalize_encoding(vm, encoding)?;
    if enc == "utf-8" || t.is_ascii() {
        return Ok(t.as_bytes().to_vec());
    }
    let limit: u32 = if enc == "ascii" { 0x80 } else { 0x100 };
    let mut out = Vec::with_capacity(t.len());
    let chars: Vec<char> = t.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let n = c as u32;
        if n < limit {
            out.push(n as u8);
            i += 1;
            continue;
        }
        match errors {
            "ignore" => {}
            "replace" => out.push(b'?'),
            "backslashreplace" => {
                let e = if n < 0x100 {
                    format!("\\x{:02x}", n)
                } else if n < 0x10000 {
                    format!("\\u{:04x}", n)
                } else {
                    format!("\\U{:08x}", n)
                };
                out.extend_from_slice(e.as_bytes());
            }
            "strict" => {
                let mut j = i;
                while j + 1 < chars.len() && chars[j + 1] as u32 >= limit {
                    j += 1;
                }
                let what = if j == i {
                    format!(
                        "character '{}' in position {}",
                        crate::format::ascii_escape(&String::from(c)).replace('\'', "\\'"),
                        i
                    )
                } else {
                    format!("characters in position {}-{}", i, j)
                };
                let reason = format!("ordinal not in range({})", limit);
                let msg = format!("'{}' codec can't encode {}: {}", enc, what, reason);
                let object = Value::str(t);
                return Err(crate::objexcept::unicode_error(
                    vm,
                    ExcKind::UnicodeEncodeError,
                    msg,
                    enc,
                    object,
                    i,
                    j + 1,
                    &reason,
                ));
            }
            other => {
                return Err(vm.err(
                    ExcKind::LookupError,
                    format!("unknown error handler name '{}'", other),
                ))
            }
        }
        i += 1;
    }
    Ok(out)
}

fn str_encode(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    let s = this(vm, args, "encode")?;
    let [enc, errs] = bind(vm, "encode", args, kwargs, ["encoding", "errors"], 0, true)?;
    let enc = match enc {
        Some(v) => arg_str(vm, &v, "encode", 1)?,
        None => crate::value::new_str("utf-8"),
    };
    let errs = match errs {
        Some(v) => arg_str(vm, &v, "encode", 2)?,
        None => crate::value::new_str("strict"),
    };
    let b = encode_str(vm, s.as_str(), enc.as_str(), errs.as_str())?;
    Ok(Value::bytes_vec(b))
}

// ----- constructor and operators ---------------------------------------------------------------

fn str_new(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    // `str(x)` of a str or small int: no argument binding, no intermediate String.
    if let ([Value::Obj(c), x], []) = (args, kwargs) {
        if Rc::ptr_eq(c, &vm.types.str_) {
            match x {
                Value::Str(_) => return Ok(x.clone()),
                Value::Int(i) => return Ok(Value::Str(crate::format::int_str(*i))),
                _ => {}
            }
        }
    }
    let cls = match args.first() {
        Some(Value::Obj(c)) if types::as_type(c).is_some() => c.clone(),
        _ => return Err(vm.type_error("str.__new__(X): X is not a type object")),
    };
    let [obj, enc, errs] = bind(
        vm,
        "str",
        args,
        kwargs,
        ["object", "encoding", "errors"],
        0,
        true,
    )?;
    let s: Value = if enc.is_some() || errs.is_some() {
        let enc = match enc {
            Some(Value::Str(e)) => e,
            Some(v) => {
                let tn = vm.type_name(&v);
                return Err(
                    vm.type_error(format!("str() argument 'encoding' must be str, not {}", tn))
                );
            }
            None => crate::value::new_str("utf-8"),
        };
        let errs = match errs {
            Some(Value::Str(e)) => e,
            Some(v) => {
                let tn = vm.type_name(&v);
                return Err(
                    vm.type_error(format!("str() argument 'errors' must be str, not {}", tn))
                );
            }
            None => crate::value::new_str("strict"),
        };
        let obj = obj.unwrap_or_else(|| Value::bytes(b""));
        let data = match vm.builtin_base(&obj) {
            Value::Obj(o) => match &*o {
                PyObject::Bytes(b) => b.to_vec(),
                PyObject::ByteArray(b) => b.borrow().clone(),
                _ => {
                    let tn = vm.type_name(&obj);
                    return Err(vm.type_error(format!(
                        "decoding to str: need a bytes-like object, {} found",
                        tn
                    )));
                }
            },
            Value::Str(_) => return Err(vm.type_error("decoding str is not supported")),
            _ => {
                let tn = vm.type_name(&obj);
                return Err(vm.type_error(format!(
                    "decoding to str: need a bytes-like object, {} found",
                    tn
                )));
            }
        };
        Value::string(crate::objbytes::decode_bytes(
            vm,
            &data,
            enc.as_str(),
            errs.as_str(),
        )?)
    } else {
        match obj {
            None => Value::str(""),
            Some(v) => Value::Str(vm.str_of(&v)?),
        }
    };
    if Rc::ptr_eq(&cls, &vm.types.str_) {
        Ok(s)
    } else {
        Ok(vm.new_subclass_instance(&cls, s))
    }
}

fn binop_native(vm: &mut Vm, args: &[Value], op: BinOp, reflected: bool) -> PyResult {
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "expected 1 argument, got {}",
            args.len().saturating_sub(1)
        )));
    }
    let a = vm.builtin_base(&args[0]);
    let b = vm.builtin_base(&args[1]);
    let r = if reflected {
        str_binop(vm, op, &b, &a)
    } else {
        str_binop(vm, op, &a, &b)
    };
    r.unwrap_or(Ok(Value::NotImplemented))
}

fn str_add(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    binop_native(vm, args, BinOp::Add, false)
}

fn str_mul(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    binop_native(vm, args, BinOp::Mult, false)
}

fn str_rmul(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    binop_native(vm, args, BinOp::Mult, true)
}

fn str_mod(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    if args.len() != 2 {
        return Err(vm.type_error("expected 1 argument"));
    }
    let a = vm.builtin_base(&args[0]);
    match a {
        Value::Str(s) => crate::format::percent_format_value(vm, s.as_str(), &args[1]),
        _ => Ok(Value::NotImplemented),
    }
}

/// A repetition count from an int-like value: Some(n) (negative clamps to 0), None when `v` is not
/// an int; an error for huge positive big ints.
pub fn repeat_count(vm: &mut Vm, v: &Value) -> Option<PyResult<usize>> {
    match v {
        Value::Int(n) => Some(Ok(sat_usize(*n))),
        Value::Bool(b) => Some(Ok(*b as usize)),
        Value::Obj(o) => match &**o {
            PyObject::BigInt(b) => {
                if b.sign() == Sign::Minus {
                    Some(Ok(0))
                } else {
                    Some(Err(vm.overflow_error(
                        "cannot fit 'int' into an index-sized integer",
                    )))
                }
            }
            _ => None,
        },
        _ => None,
    }
}

/// `a OP b` where `a` or `b` is a str (`+`, `*`, `%`); None when not applicable.
pub fn str_binop(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> Option<PyResult> {
    match op {
        BinOp::Add => {
            let (Value::Str(x), Value::Str(y)) = (a, b) else {
                return None;
            };
            if y.as_str().is_empty() {
                return Some(Ok(a.clone()));
            }
            if x.as_str().is_empty() {
                return Some(Ok(b.clone()));
            }
            let total = x.as_str().len().saturating_add(y.as_str().len());
            if let Err(e) = check_size(vm, total) {
                return Some(Err(e));
            }
            let mut out = String::with_capacity(total);
            out.push_str(x.as_str());
            out.push_str(y.as_str());
            Some(Ok(Value::string(out)))
        }
        BinOp::Mult => {
            let (s, n) = match (a, b) {
                (Value::Str(s), n) | (n, Value::Str(s)) => (s, n),
                _ => return None,
            };
            let n = match repeat_count(vm, n)? {
                Ok(n) => n,
                Err(e) => return Some(Err(e)),
            };
            if n == 0 || s.as_str().is_empty() {
                return Some(Ok(Value::str("")));
            }
            if n == 1 {
                return Some(Ok(Value::Str(s.clone())));
            }
            let Some(total) = s
                .as_str()
                .len()
                .checked_mul(n)
                .filter(|t| *t <= isize::MAX as usize)
            else {
                return Some(Err(vm.overflow_error("repeated string is too long")));
            };
            if let Err(e) = check_size(vm, total) {
                return Some(Err(e));
            }
            Some(Ok(Value::string(s.as_str().repeat(n))))
        }
        BinOp::Mod => {
            let Value::Str(s) = a else { return None };
            Some(crate::format::percent_format_value(vm, s.as_str(), b))
        }
        _ => None,
    }
}

/// Add str's methods to its type.
pub(crate) fn init(vm: &mut Vm) {
    let cls = vm.types.str_.clone();
    types::add_methods(
        &cls,
        &[
            ("capitalize", str_capitalize),
            ("casefold", str_casefold),
            ("center", str_center),
            ("count", str_count),
            ("encode", str_encode),
            ("endswith", str_endswith),
            ("expandtabs", str_expandtabs),
            ("find", str_find),
            ("format", str_format_m),
            ("format_map", str_format_map),
            ("index", str_index),
            ("isalnum", str_isalnum),
            ("isalpha", str_isalpha),
            ("isascii", str_isascii),
            ("isdecimal", str_isdecimal),
            ("isdigit", str_isdigit),
            ("isidentifier", str_isidentifier),
            ("islower", str_islower),
            ("isnumeric", str_isnumeric),
            ("isprintable", str_isprintable),
            ("isspace", str_isspace),
            ("istitle", str_istitle),
            ("isupper", str_isupper),
            ("join", str_join),
            ("ljust", str_ljust),
            ("lower", str_lower),
            ("lstrip", str_lstrip),
            ("partition", str_partition),
            ("removeprefix", str_removeprefix),
            ("removesuffix", str_removesuffix),
            ("replace", str_replace),
            ("rfind", str_rfind),
            ("rindex", str_rindex),
            ("rjust", str_rjust),
            ("rpartition", str_rpartition),
            ("rsplit", str_rsplit),
            ("rstrip", str_rstrip),
            ("split", str_split),
            ("splitlines", str_splitlines),
            ("startswith", str_startswith),
            ("strip", str_strip),
            ("swapcase", str_swapcase),
            ("title", str_title),
            ("translate", str_translate),
            ("upper", str_upper),
            ("zfill", str_zfill),
            ("__getitem__", str_getitem),
            ("__len__", str_len),
            ("__contains__", str_contains),
            ("__add__", str_add),
            ("__mul__", str_mul),
            ("__rmul__", str_rmul),
            ("__mod__", str_mod),
            ("__format__", str_dunder_format),
        ],
    );
    types::add_static_methods(&cls, &[("maketrans", str_maketrans), ("__new__", str_new)]);
}

/// Shared helpers for the unit tests of the str, bytes and format modules.
#[cfg(test)]
pub(crate) mod testutil {
    use alloc::boxed::Box;
    use alloc::format;
    use alloc::string::String;
    use alloc::vec::Vec;

    use crate::types;
    use crate::value::{new_str, PyObject, Str};
    use crate::vm::Vm;
    use crate::{PyErr, PyResult, Value, VmConfig};

    /// A test argument description.
    pub enum A {
        N,
        Bo(bool),
        I(i64),
        Big(&'static str),
        F(f64),
        S(&'static str),
        B(&'static [u8]),
        Ba(&'static [u8]),
        T(&'static [A]),
        L(&'static [A]),
        D(&'static [(A, A)]),
    }

    pub fn new_vm() -> Vm {
        Vm::new(
            VmConfig::default(),
            Box::new(crate::port::NullPort::default()),
        )
    }

    pub fn val(vm: &mut Vm, a: &A) -> Value {
        match a {
            A::N => Value::None,
            A::Bo(b) => Value::Bool(*b),
            A::I(i) => Value::Int(*i),
            A::Big(s) => {
                let b = num_bigint::BigInt::parse_bytes(s.as_bytes(), 10).unwrap_or_default();
                Value::from_bigint(b)
            }
            A::F(f) => Value::Float(*f),
            A::S(s) => Value::str(s),
            A::B(b) => Value::bytes(b),
            A::Ba(b) => {
                Value::Obj(vm.alloc(PyObject::ByteArray(core::cell::RefCell::new(b.to_vec()))))
            }
            A::T(items) => {
                let v: Vec<Value> = items.iter().map(|x| val(vm, x)).collect();
                vm.new_tuple(v)
            }
            A::L(items) => {
                let v: Vec<Value> = items.iter().map(|x| val(vm, x)).collect();
                vm.new_list(v)
            }
            A::D(items) => {
                let d = vm.new_dict(crate::dict::Dict::new());
                for (k, x) in items.iter() {
                    let (k, x) = (val(vm, k), val(vm, x));
                    if let Value::Obj(o) = &d {
                        if let PyObject::Dict(dd) = &**o {
                            crate::dict::dict_set(vm, dd, k, x).ok();
                        }
                    }
                }
                d
            }
        }
    }

    pub fn show(v: &Value) -> String {
        match v {
            Value::None => "None".into(),
            Value::Bool(b) => String::from(if *b { "True" } else { "False" }),
            Value::Int(i) => format!("{}", i),
            Value::Float(f) => crate::objfloat::float_repr(*f),
            Value::Str(s) => super::str_repr(s.as_str()),
            Value::NotImplemented => "NotImplemented".into(),
            Value::Ellipsis => "Ellipsis".into(),
            Value::Obj(o) => match &**o {
                PyObject::Bytes(b) => crate::objbytes::bytes_repr(b),
                PyObject::ByteArray(b) => {
                    format!("bytearray({})", crate::objbytes::bytes_repr(&b.borrow()))
                }
                PyObject::BigInt(b) => format!("{}", b),
                PyObject::List(l) => {
                    let items: Vec<String> = l.borrow().iter().map(show).collect();
                    format!("[{}]", items.join(", "))
                }
                PyObject::Tuple(t) => {
                    let items: Vec<String> = t.iter().map(show).collect();
                    if items.len() == 1 {
                        format!("({},)", items[0])
                    } else {
                        format!("({})", items.join(", "))
                    }
                }
                PyObject::Dict(d) => {
                    let items: Vec<String> = d
                        .borrow()
                        .items()
                        .iter()
                        .map(|(k, x)| format!("{}: {}", show(k), show(x)))
                        .collect();
                    format!("{{{}}}", items.join(", "))
                }
                other => format!("<{}>", other.kind_name()),
            },
        }
    }

    pub fn err_text(vm: &mut Vm, e: &PyErr) -> String {
        let tn = vm.type_name(&e.0);
        let args = crate::exceptions::exc_state(&e.0).map(|st| st.borrow().args.clone());
        let msg = match args.as_ref().and_then(|a| a.as_tuple()) {
            Some([Value::Str(s)]) if tn != "KeyError" => String::from(s.as_str()),
            Some([x]) => show(x),
            Some([]) => String::new(),
            _ => String::from("?"),
        };
        format!("{}: {}", tn, msg)
    }

    pub fn call_method(
        vm: &mut Vm,
        recv: &Value,
        name: &str,
        args: &[Value],
        kwargs: &[(Str, Value)],
    ) -> PyResult {
        let cls = vm.type_of(recv);
        let m = types::lookup_str(&cls, name).expect("method not found");
        let f = match &m {
            Value::Obj(o) => match &**o {
                PyObject::Builtin(b) => b.func,
                PyObject::StaticMethod(Value::Obj(i)) | PyObject::ClassMethod(Value::Obj(i)) => {
                    match &**i {
                        PyObject::Builtin(b) => b.func,
                        _ => panic!("not a builtin"),
                    }
                }
                _ => panic!("not a builtin"),
            },
            _ => panic!("not a builtin"),
        };
        let mut full = Vec::with_capacity(args.len() + 1);
        full.push(recv.clone());
        full.extend_from_slice(args);
        f(vm, &full, kwargs)
    }

    pub type Case = (
        &'static str,
        A,
        &'static [A],
        &'static [(&'static str, A)],
        &'static str,
    );

    pub fn run_cases(cases: &[Case]) {
        let mut vm = new_vm();
        let mut failures = Vec::new();
        for (name, recv, args, kwargs, expected) in cases {
            let r = val(&mut vm, recv);
            let a: Vec<Value> = args.iter().map(|x| val(&mut vm, x)).collect();
            let k: Vec<(Str, Value)> = kwargs
                .iter()
                .map(|(n, x)| (new_str(n), val(&mut vm, x)))
                .collect();
            let got = match call_method(&mut vm, &r, name, &a, &k) {
                Ok(v) => show(&v),
                Err(e) => err_text(&mut vm, &e),
            };
            if got != *expected {
                failures.push(format!(
                    "{}.{}{:?}: got {:?}, expected {:?}",
                    show(&r),
                    name,
                    a,
                    got,
                    expected
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
}

#[cfg(test)]
#[allow(clippy::approx_constant)]
mod tests {
    use super::testutil::*;
    use super::*;

    #[rustfmt::skip]
    const CASES: &[Case] = &[
        ("capitalize", A::S("hello world"), &[], &[], "'Hello world'"),
        ("capitalize", A::S("HELLO"), &[], &[], "'Hello'"),
        ("capitalize", A::S("\u{df}a"), &[], &[], "'Ssa'"),
        ("casefold", A::S("Stra\u{df}e"), &[], &[], "'strasse'"),
        ("center", A::S("abc"), &[A::I(9)], &[], "'   abc   '"),
        ("center", A::S("abc"), &[A::I(8), A::S("*")], &[], "'**abc***'"),
        ("center", A::S("ab"), &[A::I(5)], &[], "'  ab '"),
        ("center", A::S("abc"), &[A::I(2)], &[], "'abc'"),
        ("center", A::S("abc"), &[A::I(5), A::S("xy")], &[], "TypeError: The fill character must be exactly one character long"),
        ("count", A::S("banana"), &[A::S("a")], &[], "3"),
        ("count", A::S("banana"), &[A::S("an"), A::I(1)], &[], "2"),
        ("count", A::S("banana"), &[A::S("")], &[], "7"),
        ("count", A::S("banana"), &[A::S("a"), A::I(2), A::I(-1)], &[], "1"),
        ("count", A::S("banana"), &[A::S("a"), A::I(10)], &[], "0"),
        ("count", A::S(""), &[A::S("")], &[], "1"),
        ("count", A::S("abc"), &[A::S(""), A::I(5)], &[], "0"),
        ("encode", A::S("h\u{e9}llo"), &[], &[], "b'h\\xc3\\xa9llo'"),
        ("encode", A::S("h\u{e9}llo"), &[A::S("latin-1")], &[], "b'h\\xe9llo'"),
        ("encode", A::S("h\u{e9}llo"), &[A::S("ascii")], &[], "UnicodeEncodeError: 'ascii' codec can't encode character '\\xe9' in position 1: ordinal not in range(128)"),
        ("encode", A::S("h\u{e9}\u{e9}"), &[A::S("ascii")], &[], "UnicodeEncodeError: 'ascii' codec can't encode characters in position 1-2: ordinal not in range(128)"),
        ("encode", A::S("h\u{e9}llo"), &[A::S("ascii"), A::S("ignore")], &[], "b'hllo'"),
        ("encode", A::S("h\u{e9}llo"), &[A::S("ascii"), A::S("replace")], &[], "b'h?llo'"),
        ("encode", A::S("x\u{20ac}"), &[A::S("latin-1")], &[], "UnicodeEncodeError: 'latin-1' codec can't encode character '\\u20ac' in position 1: ordinal not in range(256)"),
        ("encode", A::S("a"), &[A::S("bogus")], &[], "LookupError: unknown encoding: bogus"),
        ("endswith", A::S("hello"), &[A::S("lo")], &[], "True"),
        ("endswith", A::S("hello"), &[A::T(&[A::S("x"), A::S("llo")])], &[], "True"),
        ("endswith", A::S("hello"), &[A::S("l"), A::I(0), A::I(4)], &[], "True"),
        ("endswith", A::S("hello"), &[A::I(1)], &[], "TypeError: endswith first arg must be str or a tuple of str, not int"),
        ("startswith", A::S("hello"), &[A::S("he")], &[], "True"),
        ("startswith", A::S("hello"), &[A::S("l"), A::I(2)], &[], "True"),
        ("startswith", A::S("hello"), &[A::S(""), A::I(6)], &[], "False"),
        ("startswith", A::S("hello"), &[A::S(""), A::I(5)], &[], "True"),
        ("startswith", A::S("hello"), &[A::T(&[A::S("a"), A::S("b")])], &[], "False"),
        ("expandtabs", A::S("a\u{9}bc\u{9}def\u{a}\u{9}x"), &[], &[], "'a       bc      def\\n        x'"),
        ("expandtabs", A::S("a\u{9}b"), &[A::I(4)], &[], "'a   b'"),
        ("expandtabs", A::S("ab\u{9}c"), &[], &[("tabsize", A::I(2))], "'ab  c'"),
        ("expandtabs", A::S("a\u{9}b"), &[A::I(0)], &[], "'ab'"),
        ("find", A::S("hello"), &[A::S("l")], &[], "2"),
        ("find", A::S("hello"), &[A::S("l"), A::I(3)], &[], "3"),
        ("find", A::S("hello"), &[A::S("z")], &[], "-1"),
        ("find", A::S("hello"), &[A::S("")], &[], "0"),
        ("find", A::S("hello"), &[A::S(""), A::I(10)], &[], "-1"),
        ("find", A::S("h\u{e9}llo"), &[A::S("l")], &[], "2"),
        ("find", A::S("h\u{e9}llo"), &[A::S("o"), A::I(-2)], &[], "4"),
        ("rfind", A::S("hello"), &[A::S("l")], &[], "3"),
        ("rfind", A::S("h\u{e9}llo"), &[A::S("l"), A::I(0), A::I(3)], &[], "2"),
        ("index", A::S("hello"), &[A::S("z")], &[], "ValueError: substring not found"),
        ("rindex", A::S("hello"), &[A::S("l")], &[], "3"),
        ("find", A::S("hello"), &[A::N], &[], "TypeError: must be str, not NoneType"),
        ("isalnum", A::S("abc1"), &[], &[], "True"),
        ("isalnum", A::S("ab c"), &[], &[], "False"),
        ("isalpha", A::S("abc"), &[], &[], "True"),
        ("isalpha", A::S(""), &[], &[], "False"),
        ("isalpha", A::S("\u{e9}"), &[], &[], "True"),
        ("isascii", A::S("abc"), &[], &[], "True"),
        ("isascii", A::S("\u{e9}"), &[], &[], "False"),
        ("isdecimal", A::S("123"), &[], &[], "True"),
        ("isdecimal", A::S("\u{b2}"), &[], &[], "False"),
        ("isdigit", A::S("\u{b2}"), &[], &[], "True"),
        ("isnumeric", A::S("\u{bd}"), &[], &[], "True"),
        ("isdigit", A::S("\u{bd}"), &[], &[], "False"),
        ("isdecimal", A::S("\u{661}\u{662}"), &[], &[], "True"),
        ("isidentifier", A::S("abc_1"), &[], &[], "True"),
        ("isidentifier", A::S("1abc"), &[], &[], "False"),
        ("isidentifier", A::S(""), &[], &[], "False"),
        ("islower", A::S("abc"), &[], &[], "True"),
        ("islower", A::S("aBc"), &[], &[], "False"),
        ("islower", A::S("123"), &[], &[], "False"),
        ("isupper", A::S("ABC"), &[], &[], "True"),
        ("isupper", A::S("AB1"), &[], &[], "True"),
        ("isprintable", A::S("abc\u{a}"), &[], &[], "False"),
        ("isprintable", A::S("abc"), &[], &[], "True"),
        ("isprintable", A::S("\u{a0}"), &[], &[], "False"),
        ("isspace", A::S(" \u{9}\u{a}\u{b}\u{c}\u{d}\u{1c}"), &[], &[], "True"),
        ("isspace", A::S(""), &[], &[], "False"),
        ("isspace", A::S("\u{2003}"), &[], &[], "True"),
        ("istitle", A::S("Hello World"), &[], &[], "True"),
        ("istitle", A::S("Hello world"), &[], &[], "False"),
        ("istitle", A::S("HW"), &[], &[], "False"),
        ("istitle", A::S(""), &[], &[], "False"),
        ("join", A::S(","), &[A::L(&[A::S("a"), A::S("b"), A::S("c")])], &[], "'a,b,c'"),
        ("join", A::S(""), &[A::L(&[])], &[], "''"),
        ("join", A::S("-"), &[A::T(&[A::S("x")])], &[], "'x'"),
        ("join", A::S(","), &[A::L(&[A::S("a"), A::I(1)])], &[], "TypeError: sequence item 1: expected str instance, int found"),
        ("join", A::S("\u{e9}"), &[A::L(&[A::S("a"), A::S("b")])], &[], "'a\u{e9}b'"),
        ("ljust", A::S("ab"), &[A::I(5)], &[], "'ab   '"),
        ("ljust", A::S("ab"), &[A::I(5), A::S("-")], &[], "'ab---'"),
        ("rjust", A::S("ab"), &[A::I(5)], &[], "'   ab'"),
        ("rjust", A::S("ab"), &[A::I(1)], &[], "'ab'"),
        ("lower", A::S("HeLLo \u{c9}\u{c0}"), &[], &[], "'hello \u{e9}\u{e0}'"),
        ("upper", A::S("HeLLo \u{e9}\u{e0} \u{df}"), &[], &[], "'HELLO \u{c9}\u{c0} SS'"),
        ("lstrip", A::S("  ab  "), &[], &[], "'ab  '"),
        ("lstrip", A::S("xxabxx"), &[A::S("x")], &[], "'abxx'"),
        ("rstrip", A::S("  ab  "), &[], &[], "'  ab'"),
        ("strip", A::S("  ab \u{a}"), &[], &[], "'ab'"),
        ("strip", A::S("abcba"), &[A::S("ab")], &[], "'c'"),
        ("strip", A::S("ab"), &[A::N], &[], "'ab'"),
        ("strip", A::S("\u{3000}a\u{3000}"), &[], &[], "'a'"),
        ("partition", A::S("a=b=c"), &[A::S("=")], &[], "('a', '=', 'b=c')"),
        ("partition", A::S("abc"), &[A::S("=")], &[], "('abc', '', '')"),
        ("rpartition", A::S("a=b=c"), &[A::S("=")], &[], "('a=b', '=', 'c')"),
        ("rpartition", A::S("abc"), &[A::S("=")], &[], "('', '', 'abc')"),
        ("partition", A::S("abc"), &[A::S("")], &[], "ValueError: empty separator"),
        ("removeprefix", A::S("TestCase"), &[A::S("Test")], &[], "'Case'"),
        ("removeprefix", A::S("TestCase"), &[A::S("x")], &[], "'TestCase'"),
        ("removesuffix", A::S("TestCase"), &[A::S("Case")], &[], "'Test'"),
        ("removesuffix", A::S("TestCase"), &[A::S("")], &[], "'TestCase'"),
        ("replace", A::S("aaaa"), &[A::S("a"), A::S("b")], &[], "'bbbb'"),
        ("replace", A::S("aaaa"), &[A::S("a"), A::S("b"), A::I(2)], &[], "'bbaa'"),
        ("replace", A::S("abc"), &[A::S(""), A::S("-")], &[], "'-a-b-c-'"),
        ("replace", A::S("abc"), &[A::S(""), A::S("-"), A::I(2)], &[], "'-a-bc'"),
        ("replace", A::S("abc"), &[A::S("x"), A::S("y")], &[], "'abc'"),
        ("replace", A::S("h\u{e9}llo"), &[A::S("l"), A::S("L")], &[], "'h\u{e9}LLo'"),
        ("replace", A::S("aaa"), &[A::S("a"), A::S(""), A::I(-1)], &[], "''"),
        ("split", A::S("a,b,c"), &[A::S(",")], &[], "['a', 'b', 'c']"),
        ("split", A::S("a,b,c"), &[A::S(","), A::I(1)], &[], "['a', 'b,c']"),
        ("split", A::S("  a  b  c  "), &[], &[], "['a', 'b', 'c']"),
        ("split", A::S("  a  b  c  "), &[A::N, A::I(1)], &[], "['a', 'b  c  ']"),
        ("split", A::S("a b c"), &[], &[("maxsplit", A::I(1))], "['a', 'b c']"),
        ("split", A::S("a,,b"), &[A::S(",")], &[], "['a', '', 'b']"),
        ("split", A::S(""), &[], &[], "[]"),
        ("split", A::S(""), &[A::S(",")], &[], "['']"),
        ("split", A::S("a"), &[A::S("")], &[], "ValueError: empty separator"),
        ("split", A::S("a\u{2003}b"), &[], &[], "['a', 'b']"),
        ("split", A::S("a,b"), &[], &[("sep", A::S(","))], "['a', 'b']"),
        ("rsplit", A::S("a,b,c"), &[A::S(","), A::I(1)], &[], "['a,b', 'c']"),
        ("rsplit", A::S("  a  b  c  "), &[A::N, A::I(1)], &[], "['  a  b', 'c']"),
        ("rsplit", A::S("a b c"), &[], &[], "['a', 'b', 'c']"),
        ("rsplit", A::S("a b"), &[], &[("bogus", A::I(1))], "TypeError: 'bogus' is an invalid keyword argument for rsplit()"),
        ("splitlines", A::S("a\u{a}b\u{d}\u{a}c\u{d}d\u{b}e\u{1c}f\u{2028}g"), &[], &[], "['a', 'b', 'c', 'd', 'e', 'f', 'g']"),
        ("splitlines", A::S("a\u{a}b\u{d}\u{a}"), &[A::Bo(true)], &[], "['a\\n', 'b\\r\\n']"),
        ("splitlines", A::S("a\u{a}b\u{a}"), &[], &[("keepends", A::Bo(true))], "['a\\n', 'b\\n']"),
        ("splitlines", A::S(""), &[], &[], "[]"),
        ("swapcase", A::S("Hello World"), &[], &[], "'hELLO wORLD'"),
        ("title", A::S("hello wORLD"), &[], &[], "'Hello World'"),
        ("title", A::S("they're bill's"), &[], &[], "\"They'Re Bill'S\""),
        ("title", A::S("\u{1c6}a"), &[], &[], "'\u{1c5}a'"),
        ("translate", A::S("abc"), &[A::D(&[(A::I(97), A::S("X")), (A::I(98), A::N), (A::I(99), A::I(100))])], &[], "'Xd'"),
        ("translate", A::S("abc"), &[A::D(&[])], &[], "'abc'"),
        ("zfill", A::S("42"), &[A::I(5)], &[], "'00042'"),
        ("zfill", A::S("-42"), &[A::I(5)], &[], "'-0042'"),
        ("zfill", A::S("+4"), &[A::I(4)], &[], "'+004'"),
        ("zfill", A::S("abc"), &[A::I(2)], &[], "'abc'"),
        ("zfill", A::S(""), &[A::I(3)], &[], "'000'"),
        ("__getitem__", A::S("abc"), &[A::I(1)], &[], "'b'"),
        ("__getitem__", A::S("abc"), &[A::I(-1)], &[], "'c'"),
        ("__getitem__", A::S("abc"), &[A::I(3)], &[], "IndexError: string index out of range"),
        ("__getitem__", A::S("h\u{e9}llo"), &[A::I(1)], &[], "'\u{e9}'"),
        ("__getitem__", A::S("h\u{e9}llo"), &[A::I(-1)], &[], "'o'"),
        ("__getitem__", A::S("abc"), &[A::F(1.5)], &[], "TypeError: string indices must be integers, not 'float'"),
        ("__getitem__", A::S("abc"), &[A::S("x")], &[], "TypeError: string indices must be integers, not 'str'"),
        ("__len__", A::S("abc"), &[], &[], "3"),
        ("__len__", A::S("h\u{e9}llo"), &[], &[], "5"),
        ("__contains__", A::S("abc"), &[A::S("b")], &[], "True"),
        ("__contains__", A::S("abc"), &[A::S("")], &[], "True"),
        ("__contains__", A::S("abc"), &[A::I(1)], &[], "TypeError: 'in <string>' requires string as left operand, not int"),
        ("__add__", A::S("ab"), &[A::S("cd")], &[], "'abcd'"),
        ("__mul__", A::S("ab"), &[A::I(3)], &[], "'ababab'"),
        ("__mul__", A::S("ab"), &[A::I(-1)], &[], "''"),
        ("__rmul__", A::S("ab"), &[A::I(2)], &[], "'abab'"),
        ("__mod__", A::S("%s-%d"), &[A::T(&[A::S("a"), A::I(3)])], &[], "'a-3'"),
        ("format", A::S("{}-{}"), &[A::I(1), A::S("x")], &[], "'1-x'"),
        ("format", A::S("{1}{0}"), &[A::S("a"), A::S("b")], &[], "'ba'"),
        ("format", A::S("{x}"), &[], &[("x", A::I(5))], "'5'"),
        ("format", A::S("{}{1}"), &[A::I(1), A::I(2)], &[], "ValueError: cannot switch from automatic field numbering to manual field specification"),
        ("format", A::S("{0}{}"), &[A::I(1), A::I(2)], &[], "ValueError: cannot switch from manual field specification to automatic field numbering"),
        ("format", A::S("{2}"), &[A::I(1)], &[], "IndexError: Replacement index 2 out of range for positional args tuple"),
        ("format", A::S("{"), &[], &[], "ValueError: Single '{' encountered in format string"),
        ("format", A::S("}"), &[], &[], "ValueError: Single '}' encountered in format string"),
        ("format", A::S("{{}}"), &[], &[], "'{}'"),
        ("format", A::S("{:>{}}"), &[A::S("a"), A::I(4)], &[], "'   a'"),
        ("format", A::S("{0[1]}"), &[A::L(&[A::I(5), A::I(6)])], &[], "'6'"),
        ("format", A::S("{0!r:>6}"), &[A::S("a")], &[], "\"   'a'\""),
        ("format", A::S("{!a}"), &[A::S("\u{e9}")], &[], "\"'\\\\xe9'\""),
        ("format", A::S("{x[k]}"), &[], &[("x", A::D(&[(A::S("k"), A::S("v"))]))], "'v'"),
        ("format", A::S("{0:{1}{2}}"), &[A::F(3.14159), A::S("."), A::S("3")], &[], "'3.14'"),
        ("format", A::S("{:d}"), &[A::S("a")], &[], "ValueError: Unknown format code 'd' for object of type 'str'"),
        ("format", A::S("{!x}"), &[A::I(1)], &[], "ValueError: Unknown conversion specifier x"),
        ("format", A::S("{0[}"), &[A::L(&[A::I(1)])], &[], "ValueError: expected '}' before end of string"),
        ("format_map", A::S("{a}-{b}"), &[A::D(&[(A::S("a"), A::I(1)), (A::S("b"), A::I(2))])], &[], "'1-2'"),
    ];

    #[test]
    fn str_binop_not_applicable() {
        // CPython's str.__add__(1) raises at once; ours returns NotImplemented so that the VM can
        // try the reflected method and then raise its own TypeError.
        let mut vm = new_vm();
        assert!(str_binop(&mut vm, BinOp::Add, &Value::str("a"), &Value::Int(1)).is_none());
        assert!(str_binop(&mut vm, BinOp::Mult, &Value::str("a"), &Value::str("b")).is_none());
        assert!(str_binop(&mut vm, BinOp::Sub, &Value::str("a"), &Value::str("b")).is_none());
        let r = call_method(&mut vm, &Value::str("ab"), "__add__", &[Value::Int(1)], &[]);
        assert!(matches!(r, Ok(Value::NotImplemented)));
        let big = Value::Int(i64::MAX / 2);
        let e = str_binop(&mut vm, BinOp::Mult, &Value::str("abc"), &big)
            .unwrap()
            .unwrap_err();
        assert_eq!(
            err_text(&mut vm, &e),
            "OverflowError: repeated string is too long"
        );
    }

    #[test]
    fn repr_and_slices() {
        assert_eq!(str_repr("it's"), "\"it's\"");
        assert_eq!(str_repr("a'b\"c"), "'a\\'b\"c'");
        assert_eq!(
            str_repr("\u{7f}\u{80}\u{ad}\u{e9}\u{2028}\u{1f600}\u{10ffff}\t\\"),
            "'\\x7f\\x80\\xad\u{e9}\\u2028\u{1f600}\\U0010ffff\\t\\\\'"
        );
        assert_eq!(slice_len(0, 10, 3), 4);
        assert_eq!(slice_len(9, -1, -2), 5);
        assert_eq!(slice_len(5, 2, 1), 0);
        let mut vm = new_vm();
        let cases: &[(A, A, A, &str)] = &[
            (A::N, A::N, A::I(-1), "'olléh'"),
            (A::I(1), A::I(-1), A::N, "'\u{e9}ll'"),
            (A::I(-100), A::I(100), A::I(2), "'hlo'"),
            (A::I(4), A::I(0), A::I(-2), "'ol'"),
        ];
        for (a, b, c, want) in cases {
            let (a, b, c) = (val(&mut vm, a), val(&mut vm, b), val(&mut vm, c));
            let sl = Value::Obj(vm.alloc(PyObject::Slice(a, b, c)));
            let s = crate::value::new_str("h\u{e9}llo");
            let r = str_subscript(&mut vm, &s, &sl).unwrap();
            assert_eq!(show(&r), *want);
        }
        let sl = Value::Obj(vm.alloc(PyObject::Slice(Value::None, Value::None, Value::Int(0))));
        let e = slice_indices(&mut vm, &sl, 3).unwrap_err();
        assert_eq!(
            err_text(&mut vm, &e),
            "ValueError: slice step cannot be zero"
        );
    }

    #[test]
    fn str_methods_match_cpython() {
        run_cases(CASES);
    }
}
