//! The `json` module: `dumps`/`dump` (CPython's encoder options and output, byte for byte) and
//! `loads`/`load` (CPython's scanner, its `JSONDecodeError` messages and positions). Nesting is
//! limited to `MAX_DEPTH` levels (RecursionError past it) so the Rust stack stays bounded.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use num_bigint::BigInt;

use crate::exceptions::ExcKind;
use crate::modbuiltins::{check_kw, kwarg};
use crate::modstruct::module_fns;
use crate::value::{Obj, PyObject, Str, Value};
use crate::vm::Vm;
use crate::{PyErr, PyResult};

/// Deepest nesting of arrays/objects accepted when encoding or decoding.
pub const MAX_DEPTH: usize = 200;

// ----- encoding --------------------------------------------------------------------------------

struct Enc {
    indent: Option<String>,
    item_sep: String,
    key_sep: String,
    sort_keys: bool,
    skipkeys: bool,
    ensure_ascii: bool,
    allow_nan: bool,
    check_circular: bool,
    default: Option<Value>,
    stack: Vec<usize>,
    out: String,
}

/// Append `s` as a JSON string literal (CPython's escaping).
pub fn encode_str(out: &mut String, s: &str, ensure_ascii: bool) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 || (ensure_ascii && (c as u32) > 0x7e) => {
                let n = c as u32;
                if n > 0xffff {
                    let v = n - 0x10000;
                    let hi = 0xd800 | (v >> 10);
                    let lo = 0xdc00 | (v & 0x3ff);
                    out.push_str(&format!("\\u{:04x}\\u{:04x}", hi, lo));
                } else {
                    out.push_str(&format!("\\u{:04x}", n));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn float_text(vm: &mut Vm, e: &Enc, x: f64) -> PyResult<String> {
    if x.is_finite() {
        return Ok(crate::objfloat::float_repr(x));
    }
    if !e.allow_nan {
        return Err(vm.value_error("Out of range float values are not JSON compliant"));
    }
    Ok(String::from(if x.is_nan() {
        "NaN"
    } else if x > 0.0 {
        "Infinity"
    } else {
        "-Infinity"
    }))
}

fn newline_indent(e: &mut Enc, level: usize) {
    if let Some(ind) = &e.indent {
        e.out.push('\n');
        for _ in 0..level {
            e.out.push_str(ind);
        }
    }
}

fn too_deep(vm: &mut Vm, what: &str) -> PyErr {
    vm.err(
        ExcKind::RecursionError,
        format!("maximum recursion depth exceeded while {}", what),
    )
}

fn enter(vm: &mut Vm, e: &mut Enc, v: &Value, level: usize) -> PyResult<()> {
    if level >= MAX_DEPTH {
        return Err(too_deep(vm, "encoding a JSON object"));
    }
    if e.check_circular {
        let id = v.id();
        if e.stack.contains(&id) {
            return Err(vm.value_error("Circular reference detected"));
        }
        e.stack.push(id);
    }
    Ok(())
}

fn leave(e: &mut Enc) {
    if e.check_circular {
        e.stack.pop();
    }
}

fn encode(vm: &mut Vm, e: &mut Enc, v: &Value, level: usize) -> PyResult<()> {
    let base = vm.builtin_base(v);
    match &base {
        Value::None => e.out.push_str("null"),
        Value::Bool(true) => e.out.push_str("true"),
        Value::Bool(false) => e.out.push_str("false"),
        Value::Int(_) => e.out.push_str(&crate::objint::int_repr(&base)),
        Value::Float(x) => {
            let t = float_text(vm, e, *x)?;
            e.out.push_str(&t);
        }
        Value::Str(s) => encode_str(&mut e.out, s.as_str(), e.ensure_ascii),
        Value::Obj(o) => match &**o {
            PyObject::BigInt(_) => e.out.push_str(&crate::objint::int_repr(&base)),
            PyObject::List(_) | PyObject::Tuple(_) => {
                let items = match &**o {
                    PyObject::List(l) => l.borrow().clone(),
                    PyObject::Tuple(t) => t.to_vec(),
                    _ => Vec::new(),
                };
                if items.is_empty() {
                    e.out.push_str("[]");
                    return Ok(());
                }
                enter(vm, e, v, level)?;
                e.out.push('[');
                for (k, item) in items.iter().enumerate() {
                    if k > 0 {
                        let sep = e.item_sep.clone();
                        e.out.push_str(&sep);
                    }
                    newline_indent(e, level + 1);
                    encode(vm, e, item, level + 1)?;
                }
                newline_indent(e, level);
                e.out.push(']');
                leave(e);
            }
            PyObject::Dict(d) => {
                let mut items = d.borrow().items();
                if items.is_empty() {
                    e.out.push_str("{}");
                    return Ok(());
                }
                enter(vm, e, v, level)?;
                if e.sort_keys {
                    let mut err: Option<PyErr> = None;
                    crate::sort::merge_sort(&mut items, &mut |a, b| {
                        if err.is_some() {
                            return false;
                        }
                        match vm.lt(&a.0, &b.0) {
                            Ok(r) => r,
                            Err(x) => {
                                err = Some(x);
                                false
                            }
                        }
                    });
                    if let Some(x) = err {
                        return Err(x);
                    }
                }
                e.out.push('{');
                let mut first = true;
                for (key, val) in items.iter() {
                    let kb = vm.builtin_base(key);
                    let ks: String = match &kb {
                        Value::Str(s) => String::from(s.as_str()),
                        Value::Float(x) => float_text(vm, e, *x)?,
                        Value::Bool(true) => String::from("true"),
                        Value::Bool(false) => String::from("false"),
                        Value::None => String::from("null"),
                        Value::Int(_) => crate::objint::int_repr(&kb),
                        Value::Obj(ko) if matches!(&**ko, PyObject::BigInt(_)) => {
                            crate::objint::int_repr(&kb)
                        }
                        _ => {
                            if e.skipkeys {
                                continue;
                            }
                            let tn = vm.type_name(key);
                            return Err(vm.type_error(format!(
                                "keys must be str, int, float, bool or None, not {}",
                                tn
                            )));
                        }
                    };
                    if !first {
                        let sep = e.item_sep.clone();
                        e.out.push_str(&sep);
                    }
                    first = false;
                    newline_indent(e, level + 1);
                    encode_str(&mut e.out, &ks, e.ensure_ascii);
                    let sep = e.key_sep.clone();
                    e.out.push_str(&sep);
                    encode(vm, e, val, level + 1)?;
                }
                newline_indent(e, level);
                e.out.push('}');
                leave(e);
            }
            _ => return encode_other(vm, e, v, level),
        },
        _ => return encode_other(vm, e, v, level),
    }
    Ok(())
}

fn encode_other(vm: &mut Vm, e: &mut Enc, v: &Value, level: usize) -> PyResult<()> {
    let Some(default) = e.default.clone() else {
        let tn = vm.type_name(v);
        return Err(vm.type_error(format!("Object of type {} is not JSON serializable", tn)));
    };
    enter(vm, e, v, level)?;
    let r = vm.call(&default, core::slice::from_ref(v))?;
    encode(vm, e, &r, level)?;
    leave(e);
    Ok(())
}

fn dumps_impl(vm: &mut Vm, obj: &Value, kw: &[(Str, Value)], fname: &str) -> PyResult<String> {
    check_kw(
        vm,
        fname,
        kw,
        &[
            "skipkeys",
            "ensure_ascii",
            "check_circular",
            "allow_nan",
            "cls",
            "indent",
            "separators",
            "default",
            "sort_keys",
        ],
    )?;
    let flag = |vm: &mut Vm, name: &str, dflt: bool| -> PyResult<bool> {
        match kwarg(kw, name) {
            Some(v) => vm.truthy(&v.clone()),
            None => Ok(dflt),
        }
    };
    let skipkeys = flag(vm, "skipkeys", false)?;
    let ensure_ascii = flag(vm, "ensure_ascii", true)?;
    let check_circular = flag(vm, "check_circular", true)?;
    let allow_nan = flag(vm, "allow_nan", true)?;
    let sort_keys = flag(vm, "sort_keys", false)?;
    let indent = match kwarg(kw, "indent") {
        None | Some(Value::None) => None,
        Some(Value::Str(s)) => Some(String::from(s.as_str())),
        Some(v) => {
            let n = vm.to_index(&v.clone())?;
            Some(" ".repeat(n.clamp(0, 1 << 16) as usize))
        }
    };
    let (item_sep, key_sep) = match kwarg(kw, "separators") {
        None | Some(Value::None) => (
            String::from(if indent.is_some() { "," } else { ", " }),
            String::from(": "),
        ),
        Some(v) => {
            let parts = vm.collect(&v.clone())?;
            if parts.len() != 2 {
                return Err(vm.value_error(format!(
                    "too many values to unpack (expected 2, got {})",
                    parts.len()
                )));
            }
            let a = vm.expect_str(&parts[0], "separator")?.into();
            let b = vm.expect_str(&parts[1], "separator")?.into();
            (a, b)
        }
    };
    let default = match kwarg(kw, "default") {
        None | Some(Value::None) => None,
        Some(v) => Some(v.clone()),
    };
    let mut e = Enc {
        indent,
        item_sep,
        key_sep,
        sort_keys,
        skipkeys,
        ensure_ascii,
        allow_nan,
        check_circular,
        default,
        stack: Vec::new(),
        out: String::new(),
    };
    encode(vm, &mut e, obj, 0)?;
    Ok(e.out)
}

fn j_dumps(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    if args.len() != 1 {
        return Err(vm.type_error(format!(
            "dumps() takes 1 positional argument but {} were given",
            args.len()
        )));
    }
    let s = dumps_impl(vm, &args[0], kw, "dumps")?;
    Ok(Value::string(s))
}

fn j_dump(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "dump() takes 2 positional arguments but {} were given",
            args.len()
        )));
    }
    let s = dumps_impl(vm, &args[0], kw, "dump")?;
    vm.call_method(&args[1], "write", &[Value::string(s)])?;
    Ok(Value::None)
}

// ----- decoding --------------------------------------------------------------------------------

struct Dec<'a> {
    s: &'a str,
    b: &'a [u8],
    doc: Value,
    object_hook: Option<Value>,
    pairs_hook: Option<Value>,
    parse_float: Option<Value>,
    parse_int: Option<Value>,
    parse_constant: Option<Value>,
}

fn decode_error(vm: &mut Vm, d: &Dec, msg: &str, byte_pos: usize) -> PyErr {
    let pos =
        d.s.get(..byte_pos)
            .map(|p| p.chars().count())
            .unwrap_or(byte_pos);
    let cls = vm.sys_module("json").and_then(|m| match &m {
        Value::Obj(o) => match &**o {
            PyObject::Module(mm) => crate::attr::dict_of(&mm.dict)
                .and_then(|dd| dd.borrow().get_str("JSONDecodeError").cloned()),
            _ => None,
        },
        _ => None,
    });
    let args = [Value::str(msg), d.doc.clone(), Value::Int(pos as i64)];
    if let Some(c) = cls {
        match vm.call(&c, &args) {
            Ok(exc) => return PyErr(exc),
            Err(e) => return e,
        }
    }
    vm.value_error(msg)
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n' | b'\r') {
        i += 1;
    }
    i
}

fn hex4(b: &[u8], i: usize) -> Option<u32> {
    let h = b.get(i..i + 4)?;
    let mut n = 0u32;
    for &c in h {
        n = n * 16 + (c as char).to_digit(16)?;
    }
    Some(n)
}

/// Scan a string whose opening quote is at `start`; returns the value and the index past it.
fn scan_string(vm: &mut Vm, d: &Dec, start: usize) -> PyResult<(String, usize)> {
    let b = d.b;
    let mut out = String::new();
    let mut i = start + 1;
    loop {
        // Copy a run of ordinary characters.
        let run = i;
        while i < b.len() && b[i] != b'"' && b[i] != b'\\' && b[i] >= 0x20 {
            i += 1;
        }
        out.push_str(d.s.get(run..i).unwrap_or(""));
        if i >= b.len() {
            return Err(decode_error(
                vm,
                d,
                "Unterminated string starting at",
                start,
            ));
        }
        match b[i] {
            b'"' => return Ok((out, i + 1)),
            b'\\' => {
                let Some(&c) = b.get(i + 1) else {
                    return Err(decode_error(
                        vm,
                        d,
                        "Unterminated string starting at",
                        start,
                    ));
                };
                match c {
                    b'"' => out.push('"'),
                    b'\\' => out.push('\\'),
                    b'/' => out.push('/'),
                    b'b' => out.push('\u{8}'),
                    b'f' => out.push('\u{c}'),
                    b'n' => out.push('\n'),
                    b'r' => out.push('\r'),
                    b't' => out.push('\t'),
                    b'u' => {
                        let Some(mut n) = hex4(b, i + 2) else {
                            return Err(decode_error(vm, d, "Invalid \\uXXXX escape", i + 1));
                        };
                        i += 6;
                        if (0xd800..0xdc00).contains(&n)
                            && b.get(i) == Some(&b'\\')
                            && b.get(i + 1) == Some(&b'u')
                        {
                            if let Some(lo) = hex4(b, i + 2) {
                                if (0xdc00..0xe000).contains(&lo) {
                                    n = 0x10000 + ((n - 0xd800) << 10) + (lo - 0xdc00);
                                    i += 6;
                                }
                            }
                        }
                        out.push(char::from_u32(n).unwrap_or('\u{fffd}'));
                        continue;
                    }
                    _ => return Err(decode_error(vm, d, "Invalid \\escape", i)),
                }
                i += 2;
            }
            _ => return Err(decode_error(vm, d, "Invalid control character at", i)),
        }
    }
}

fn scan_number(vm: &mut Vm, d: &Dec, start: usize) -> PyResult<Option<(Value, usize)>> {
    let b = d.b;
    let mut i = start;
    if b.get(i) == Some(&b'-') {
        i += 1;
    }
    match b.get(i) {
        Some(b'0') => i += 1,
        Some(b'1'..=b'9') => {
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
        }
        _ => return Ok(None),
    }
    let mut is_float = false;
    if b.get(i) == Some(&b'.') && b.get(i + 1).is_some_and(|c| c.is_ascii_digit()) {
        is_float = true;
        i += 1;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        let mut j = i + 1;
        if matches!(b.get(j), Some(b'+' | b'-')) {
            j += 1;
        }
        if b.get(j).is_some_and(|c| c.is_ascii_digit()) {
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            is_float = true;
            i = j;
        }
    }
    let text = d.s.get(start..i).unwrap_or("0");
    let v = if is_float {
        match &d.parse_float {
            Some(f) => vm.call(f, &[Value::str(text)])?,
            None => Value::Float(crate::objfloat::float_from_str(text).unwrap_or(0.0)),
        }
    } else {
        match &d.parse_int {
            Some(f) => vm.call(f, &[Value::str(text)])?,
            None => match text.parse::<i64>() {
                Ok(n) => Value::Int(n),
                Err(_) => match text.parse::<BigInt>() {
                    Ok(n) => Value::from_bigint(n),
                    Err(_) => Value::Int(0),
                },
            },
        }
    };
    Ok(Some((v, i)))
}

fn constant(vm: &mut Vm, d: &Dec, name: &str, x: f64) -> PyResult {
    match &d.parse_constant {
        Some(f) => vm.call(f, &[Value::str(name)]),
        None => Ok(Value::Float(x)),
    }
}

/// Scan one value starting exactly at `i`.
fn scan_value(vm: &mut Vm, d: &Dec, i: usize, depth: usize) -> PyResult<(Value, usize)> {
    let b = d.b;
    let rest = &b[i.min(b.len())..];
    match rest.first() {
        Some(b'"') => {
            let (s, j) = scan_string(vm, d, i)?;
            Ok((Value::string(s), j))
        }
        Some(b'{') => scan_object(vm, d, i + 1, depth + 1),
        Some(b'[') => scan_array(vm, d, i + 1, depth + 1),
        Some(b'n') if rest.starts_with(b"null") => Ok((Value::None, i + 4)),
        Some(b't') if rest.starts_with(b"true") => Ok((Value::Bool(true), i + 4)),
        Some(b'f') if rest.starts_with(b"false") => Ok((Value::Bool(false), i + 5)),
        Some(b'N') if rest.starts_with(b"NaN") => Ok((constant(vm, d, "NaN", f64::NAN)?, i + 3)),
        Some(b'I') if rest.starts_with(b"Infinity") => {
            Ok((constant(vm, d, "Infinity", f64::INFINITY)?, i + 8))
        }
        Some(b'-') if rest.starts_with(b"-Infinity") => {
            Ok((constant(vm, d, "-Infinity", f64::NEG_INFINITY)?, i + 9))
        }
        Some(b'-' | b'0'..=b'9') => match scan_number(vm, d, i)? {
            Some(r) => Ok(r),
            None => Err(decode_error(vm, d, "Expecting value", i)),
        },
        _ => Err(decode_error(vm, d, "Expecting value", i)),
    }
}

fn scan_array(vm: &mut Vm, d: &Dec, start: usize, depth: usize) -> PyResult<(Value, usize)> {
    if depth > MAX_DEPTH {
        return Err(too_deep(vm, "decoding a JSON array from a unicode string"));
    }
    let b = d.b;
    let mut items = Vec::new();
    let mut i = skip_ws(b, start);
    if b.get(i) == Some(&b']') {
        return Ok((vm.new_list(items), i + 1));
    }
    loop {
        let (v, j) = scan_value(vm, d, i, depth)?;
        items.push(v);
        i = skip_ws(b, j);
        match b.get(i) {
            Some(b']') => return Ok((vm.new_list(items), i + 1)),
            Some(b',') => i = skip_ws(b, i + 1),
            _ => return Err(decode_error(vm, d, "Expecting ',' delimiter", i)),
        }
    }
}

fn scan_object(vm: &mut Vm, d: &Dec, start: usize, depth: usize) -> PyResult<(Value, usize)> {
    if depth > MAX_DEPTH {
        return Err(too_deep(vm, "decoding a JSON object from a unicode string"));
    }
    let b = d.b;
    let mut pairs: Vec<(Value, Value)> = Vec::new();
    let mut i = skip_ws(b, start);
    if b.get(i) != Some(&b'}') {
        loop {
            if b.get(i) != Some(&b'"') {
                return Err(decode_error(
                    vm,
                    d,
                    "Expecting property name enclosed in double quotes",
                    i,
                ));
            }
            let (k, j) = scan_string(vm, d, i)?;
            i = skip_ws(b, j);
            if b.get(i) != Some(&b':') {
                return Err(decode_error(vm, d, "Expecting ':' delimiter", i));
            }
            i = skip_ws(b, i + 1);
            let (v, j) = scan_value(vm, d, i, depth)?;
            pairs.push((Value::string(k), v));
            i = skip_ws(b, j);
            match b.get(i) {
                Some(b'}') => break,
                Some(b',') => i = skip_ws(b, i + 1),
                _ => return Err(decode_error(vm, d, "Expecting ',' delimiter", i)),
            }
        }
    }
    let end = i + 1;
    if let Some(h) = &d.pairs_hook {
        let tuples: Vec<Value> = pairs
            .into_iter()
            .map(|(k, v)| vm.new_tuple(alloc::vec![k, v]))
            .collect();
        let l = vm.new_list(tuples);
        return Ok((vm.call(h, &[l])?, end));
    }
    let mut dict = crate::dict::Dict::with_capacity(pairs.len());
    for (k, v) in pairs {
        if let Value::Str(s) = &k {
            dict.set_str(s.as_str(), v);
        }
    }
    let dv = vm.new_dict(dict);
    if let Some(h) = &d.object_hook {
        return Ok((vm.call(h, &[dv])?, end));
    }
    Ok((dv, end))
}

fn hook(kw: &[(Str, Value)], name: &str) -> Option<Value> {
    match kwarg(kw, name) {
        None | Some(Value::None) => None,
        Some(v) => Some(v.clone()),
    }
}

fn loads_impl(vm: &mut Vm, src: &Value, kw: &[(Str, Value)], fname: &str) -> PyResult {
    check_kw(
        vm,
        fname,
        kw,
        &[
            "cls",
            "object_hook",
            "parse_float",
            "parse_int",
            "parse_constant",
            "object_pairs_hook",
            "strict",
        ],
    )?;
    let owned: String;
    let (s, doc): (&str, Value) = match src {
        Value::Str(s) => (s.as_str(), src.clone()),
        _ => match crate::modstruct::buffer_of(src) {
            Some(bytes) => {
                let t = match String::from_utf8(bytes) {
                    Ok(t) => t,
                    Err(_) => {
                        return Err(vm.err(
                            ExcKind::UnicodeDecodeError,
                            "'utf-8' codec can't decode bytes: invalid utf-8",
                        ))
                    }
                };
                owned = t;
                (owned.as_str(), Value::str(owned.as_str()))
            }
            None => {
                let tn = vm.type_name(src);
                return Err(vm.type_error(format!(
                    "the JSON object must be str, bytes or bytearray, not {}",
                    tn
                )));
            }
        },
    };
    let d = Dec {
        s,
        b: s.as_bytes(),
        doc,
        object_hook: hook(kw, "object_hook"),
        pairs_hook: hook(kw, "object_pairs_hook"),
        parse_float: hook(kw, "parse_float"),
        parse_int: hook(kw, "parse_int"),
        parse_constant: hook(kw, "parse_constant"),
    };
    if s.starts_with('\u{feff}') {
        return Err(decode_error(
            vm,
            &d,
            "Unexpected UTF-8 BOM (decode using utf-8-sig)",
            0,
        ));
    }
    let i = skip_ws(d.b, 0);
    let (v, j) = scan_value(vm, &d, i, 0)?;
    let k = skip_ws(d.b, j);
    if k != d.b.len() {
        return Err(decode_error(vm, &d, "Extra data", k));
    }
    Ok(v)
}

fn j_loads(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    if args.len() != 1 {
        return Err(vm.type_error(format!(
            "loads() takes 1 positional argument but {} were given",
            args.len()
        )));
    }
    loads_impl(vm, &args[0], kw, "loads")
}

fn j_load(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    if args.len() != 1 {
        return Err(vm.type_error(format!(
            "load() takes 1 positional argument but {} were given",
            args.len()
        )));
    }
    let text = vm.call_method(&args[0], "read", &[])?;
    loads_impl(vm, &text, kw, "load")
}

const DECODE_ERROR_SRC: &str = "
class JSONDecodeError(ValueError):
    def __init__(self, msg, doc, pos):
        lineno = doc.count('\\n', 0, pos) + 1
        colno = pos - doc.rfind('\\n', 0, pos)
        ValueError.__init__(self, '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos))
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno
JSONDecodeError.__module__ = 'json.decoder'
";

/// Create the `json` module.
pub fn init_module(vm: &mut Vm) -> PyResult<Obj> {
    let m = vm.new_module("json");
    module_fns(
        &m,
        &[
            ("dumps", j_dumps),
            ("dump", j_dump),
            ("loads", j_loads),
            ("load", j_load),
        ],
    );
    if let PyObject::Module(mm) = &*m {
        let dict = mm.dict.clone();
        vm.exec_in(DECODE_ERROR_SRC, "json", &dict)?;
    }
    Ok(m)
}
