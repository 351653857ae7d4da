//! The `bytes` and `bytearray` types: their methods and constructors, `repr()` of bytes, decoding,
//! and the `+ * %` operators on byte strings.

use alloc::format;
use alloc::rc::Rc;
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::RefCell;

use crate::ast::BinOp;
use crate::exceptions::ExcKind;
use crate::objstr::{sat_usize, slice_indices, slice_len};
use crate::types;
use crate::value::{Obj, PyObject, Str};
use crate::vm::Vm;
use crate::{PyResult, Value};

/// `repr()` of bytes (`b'...'`); `bytearray(b'...')` wraps it.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\x");
                out.push(HEX[(c >> 4) as usize] as char);
                out.push(HEX[(c & 15) as usize] as char);
            }
        }
    }
    out.push(quote as char);
    out
}

// ----- codecs ----------------------------------------------------------------------------------

/// Decode bytes with a codec ("utf-8", "ascii", "latin-1") and an error handler ("strict",
/// "ignore", "replace", "backslashreplace").
pub fn decode_bytes(vm: &mut Vm, data: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    let enc = crate::objstr::normalize_encoding(vm, encoding)?;
    if !matches!(
        errors,
        "strict" | "ignore" | "replace" | "backslashreplace" | "surrogateescape"
    ) {
        return Err(vm.err(
            ExcKind::LookupError,
            format!("unknown error handler name '{}'", errors),
        ));
    }
    match enc {
        "latin-1" => Ok(data.iter().map(|&b| b as char).collect()),
        "ascii" => {
            if data.is_ascii() {
                return Ok(String::from(core::str::from_utf8(data).unwrap_or("")));
            }
            let mut out = String::with_capacity(data.len());
            for (i, &b) in data.iter().enumerate() {
                if b < 0x80 {
                    out.push(b as char);
                } else {
                    match errors {
                        "strict" => {
                            return Err(crate::objexcept::unicode_error(
                                vm,
                                ExcKind::UnicodeDecodeError,
                                format!("'ascii' codec can't decode byte 0x{:02x} in position {}: ordinal not in range(128)", b, i),
                                "ascii",
                                Value::bytes(data),
                                i,
                                i + 1,
                                "ordinal not in range(128)",
                            ))
                        }
                        "ignore" => {}
                        "replace" | "surrogateescape" => out.push('\u{fffd}'),
                        _ => out.push_str(&format!("\\x{:02x}", b)),
                    }
                }
            }
            Ok(out)
        }
        _ => {
            let mut out = String::with_capacity(data.len());
            let mut rest = data;
            let mut offset = 0;
            loop {
                match core::str::from_utf8(rest) {
                    Ok(s) => {
                        out.push_str(s);
                        return Ok(out);
                    }
                    Err(e) => {
                        let good = e.valid_up_to();
                        out.push_str(core::str::from_utf8(&rest[..good]).unwrap_or(""));
                        let bad = e.error_len().unwrap_or(rest.len() - good).max(1);
                        match errors {
                            "strict" => {
                                let pos = offset + good;
                                let first = rest[good];
                                let reason = if e.error_len().is_none() {
                                    "unexpected end of data"
                                } else if matches!(first, 0x80..=0xc1 | 0xf5..=0xff) {
                                    "invalid start byte"
                                } else {
                                    "invalid continuation byte"
                                };
                                let what = if bad == 1 || reason == "invalid start byte" {
                                    format!("byte 0x{:02x} in position {}", first, pos)
                                } else {
                                    format!("bytes in position {}-{}", pos, pos + bad - 1)
                                };
                                return Err(crate::objexcept::unicode_error(
                                    vm,
                                    ExcKind::UnicodeDecodeError,
                                    format!("'utf-8' codec can't decode {}: {}", what, reason),
                                    "utf-8",
                                    Value::bytes(data),
                                    pos,
                                    pos + bad,
                                    reason,
                                ));
                            }
                            "ignore" => {}
                            "replace" | "surrogateescape" => out.push('\u{fffd}'),
                            _ => {
                                for b in &rest[good..good + bad] {
                                    out.push_str(&format!("\\x{:02x}", b));
                                }
                            }
                        }
                        offset += good + bad;
                        rest = &rest[good + bad..];
                    }
                }
            }
        }
    }
}

// ----- access helpers --------------------------------------------------------------------------

/// The bytes of a bytes or bytearray value (copied out of a bytearray), or None.
pub fn bytes_data(v: &Value) -> Option<Vec<u8>> {
    match v {
        Value::Obj(o) => match &**o {
            PyObject::Bytes(b) => Some(b.to_vec()),
            PyObject::ByteArray(b) => Some(b.borrow().clone()),
            PyObject::Native(_) => crate::objmemoryview::buffer_bytes(v),
            _ => None,
        },
        _ => None,
    }
}

/// Borrowed-or-owned byte data.
enum Data {
    Shared(Obj),
    Owned(Vec<u8>),
}

impl Data {
    fn get(&self) -> &[u8] {
        match self {
            Data::Shared(o) => match &**o {
                PyObject::Bytes(b) => b,
                _ => &[],
            },
            Data::Owned(v) => v,
        }
    }
}

fn data_of(v: &Value) -> Option<(Data, bool)> {
    match v {
        Value::Obj(o) => match &**o {
            PyObject::Bytes(_) => Some((Data::Shared(o.clone()), false)),
            PyObject::ByteArray(b) => Some((Data::Owned(b.borrow().clone()), true)),
            _ => None,
        },
        _ => None,
    }
}

/// Self of a bytes/bytearray method: (data, is_bytearray).
fn this(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<(Data, bool)> {
    let v = match args.first() {
        Some(v) => vm.builtin_base(v),
        None => return Err(vm.type_error(format!("descriptor '{}' needs an argument", name))),
    };
    match data_of(&v) {
        Some(d) => Ok(d),
        None => {
            let tn = vm.type_name(&v);
            Err(vm.type_error(format!(
                "descriptor '{}' for 'bytes' objects doesn't apply to a '{}' object",
                name, tn
            )))
        }
    }
}

/// Self of a bytearray-only method.
fn this_ba(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Obj> {
    let v = match args.first() {
        Some(v) => vm.builtin_base(v),
        None => return Err(vm.type_error(format!("descriptor '{}' needs an argument", name))),
    };
    match &v {
        Value::Obj(o) if matches!(&**o, PyObject::ByteArray(_)) => Ok(o.clone()),
        _ => {
            let tn = vm.type_name(&v);
            Err(vm.type_error(format!(
                "descriptor '{}' for 'bytearray' objects doesn't apply to a '{}' object",
                name, tn
            )))
        }
    }
}

fn ba_cell<'a>(vm: &mut Vm, o: &'a Obj) -> PyResult<&'a RefCell<Vec<u8>>> {
    match &**o {
        PyObject::ByteArray(b) => Ok(b),
        _ => Err(vm.type_error("expected a bytearray")),
    }
}

/// A bytes-like argument.
fn arg_bytes(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    let b = vm.builtin_base(v);
    match bytes_data(&b) {
        Some(d) => Ok(d),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("a bytes-like object is required, not '{}'", tn)))
        }
    }
}

/// A bytes-like or int (single byte) argument, as for `find`/`count`/`in`.
fn arg_sub(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    match v {
        Value::Int(_) | Value::Bool(_) => Ok(alloc::vec![byte_value(vm, v)?]),
        _ => {
            let b = vm.builtin_base(v);
            match bytes_data(&b) {
                Some(d) => Ok(d),
                None => {
                    if matches!(v, Value::Obj(o) if matches!(&**o, PyObject::Instance(_)))
                        && vm.lookup_special(v, "__index__").is_some()
                    {
                        return Ok(alloc::vec![byte_value(vm, v)?]);
                    }
                    let tn = vm.type_name(v);
                    Err(vm.type_error(format!(
                        "argument should be integer or bytes-like object, not '{}'",
                        tn
                    )))
                }
            }
        }
    }
}

/// An int in range(256).
fn byte_value(vm: &mut Vm, v: &Value) -> PyResult<u8> {
    let n = match v {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        Value::Obj(o) if matches!(&**o, PyObject::BigInt(_)) => -1,
        _ => vm.to_index(v)?,
    };
    if (0..256).contains(&n) {
        Ok(n as u8)
    } else {
        Err(vm.value_error("byte must be in range(0, 256)"))
    }
}

fn mk(vm: &mut Vm, ba: bool, v: Vec<u8>) -> Value {
    if ba {
        Value::Obj(vm.alloc(PyObject::ByteArray(RefCell::new(v))))
    } else {
        Value::bytes_vec(v)
    }
}

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
        return Err(vm.type_error(format!(
            "{}() takes at most {} argument{} ({} given)",
            name,
            N,
            if N == 1 { "" } else { "s" },
            pos
        )));
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
    if out.iter().take(required).any(|v| v.is_none()) {
        return Err(vm.type_error(format!(
            "{}() takes at least {} argument{} ({} given)",
            name,
            required,
            if required == 1 { "" } else { "s" },
            pos
        )));
    }
    Ok(out)
}

fn index_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
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

fn start_end(
    vm: &mut Vm,
    a: Option<&Value>,
    b: Option<&Value>,
    len: usize,
) -> PyResult<Option<(usize, usize)>> {
    let conv = |vm: &mut Vm, v: Option<&Value>, default: i64| -> PyResult<i64> {
        match v {
            None | Some(Value::None) => Ok(default),
            Some(Value::Int(i)) => Ok(*i),
            Some(v) => match v {
                Value::Obj(o) if matches!(&**o, PyObject::BigInt(_)) => Ok(match &**o {
                    PyObject::BigInt(b) if b.sign() == num_bigint::Sign::Minus => i64::MIN,
                    _ => i64::MAX,
                }),
                _ => vm.to_index(v),
            },
        }
    };
    let l = len as i64;
    let mut s = conv(vm, a, 0)?;
    let mut e = conv(vm, b, l)?;
    if s < 0 {
        s = s.saturating_add(l).max(0);
    }
    if e < 0 {
        e = e.saturating_add(l).max(0);
    }
    e = e.min(l);
    if s > l || s > e {
        return Ok(None);
    }
    Ok(Some((sat_usize(s), sat_usize(e))))
}

// ----- byte-string algorithms ------------------------------------------------------------------

/// First index of `needle` in `hay`.
pub fn find_bytes(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    if needle.len() > hay.len() {
        return None;
    }
    let first = needle[0];
    let last_start = hay.len() - needle.len();
    let mut i = 0;
    while i <= last_start {
        match hay[i..=last_start].iter().position(|&c| c == first) {
            Some(p) => {
                let j = i + p;
                if &hay[j..j + needle.len()] == needle {
                    return Some(j);
                }
                i = j + 1;
            }
            None => return None,
        }
    }
    None
}

/// Last index of `needle` in `hay`.
pub fn rfind_bytes(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.len() > hay.len() {
        return None;
    }
    (0..=hay.len() - needle.len())
        .rev()
        .find(|&i| &hay[i..i + needle.len()] == needle)
}

/// Non-overlapping occurrences of `needle` in `hay` (len + 1 for an empty needle).
pub fn count_bytes(hay: &[u8], needle: &[u8]) -> usize {
    if needle.is_empty() {
        return hay.len() + 1;
    }
    let mut n = 0;
    let mut i = 0;
    while let Some(p) = find_bytes(&hay[i..], needle) {
        n += 1;
        i += p + needle.len();
    }
    n
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

fn split_sep(t: &[u8], sep: &[u8], maxsplit: i64) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut rest = t;
    let mut n = 0i64;
    while maxsplit < 0 || n < maxsplit {
        match find_bytes(rest, sep) {
            Some(p) => {
                out.push(rest[..p].to_vec());
                rest = &rest[p + sep.len()..];
                n += 1;
            }
            None => break,
        }
    }
    out.push(rest.to_vec());
    out
}

fn rsplit_sep(t: &[u8], sep: &[u8], maxsplit: i64) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut rest = t;
    let mut n = 0i64;
    while maxsplit < 0 || n < maxsplit {
        match rfind_bytes(rest, sep) {
            Some(p) => {
                out.push(rest[p + sep.len()..].to_vec());
                rest = &rest[..p];
                n += 1;
            }
            None => break,
        }
    }
    out.push(rest.to_vec());
    out.reverse();
    out
}

fn split_ws(t: &[u8], maxsplit: i64) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut i = 0;
    let mut n = 0i64;
    loop {
        while i < t.len() && is_space(t[i]) {
            i += 1;
        }
        if i >= t.len() {
            break;
        }
        if maxsplit >= 0 && n >= maxsplit {
            out.push(t[i..].to_vec());
            break;
        }
        let s = i;
        while i < t.len() && !is_space(t[i]) {
            i += 1;
        }
        out.push(t[s..i].to_vec());
        n += 1;
    }
    out
}

fn rsplit_ws(t: &[u8], maxsplit: i64) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut i = t.len();
    let mut n = 0i64;
    loop {
        while i > 0 && is_space(t[i - 1]) {
            i -= 1;
        }
        if i == 0 {
            break;
        }
        if maxsplit >= 0 && n >= maxsplit {
            out.push(t[..i].to_vec());
            break;
        }
        let e = i;
        while i > 0 && !is_space(t[i - 1]) {
            i -= 1;
        }
        out.push(t[i..e].to_vec());
        n += 1;
    }
    out.reverse();
    out
}

fn replace_bytes(t: &[u8], old: &[u8], new: &[u8], count: i64) -> Vec<u8> {
    let limit = if count < 0 {
        usize::MAX
    } else {
        sat_usize(count)
    };
    let mut out = Vec::with_capacity(t.len());
    if old.is_empty() {
        let mut done = 0;
        for &c in t {
            if done < limit {
                out.extend_from_slice(new);
                done += 1;
            }
            out.push(c);
        }
        if done < limit {
            out.extend_from_slice(new);
        }
        return out;
    }
    let mut rest = t;
    let mut done = 0;
    while done < limit {
        match find_bytes(rest, old) {
            Some(p) => {
                out.extend_from_slice(&rest[..p]);
                out.extend_from_slice(new);
                rest = &rest[p + old.len()..];
                done += 1;
            }
            None => break,
        }
    }
    out.extend_from_slice(rest);
    out
}

// ----- methods shared by bytes and bytearray ---------------------------------------------------

fn b_decode(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    let (d, _) = this(vm, args, "decode")?;
    let [enc, errs] = bind(vm, "decode", args, kwargs, ["encoding", "errors"], 0, true)?;
    let enc = match enc.map(|v| vm.builtin_base(&v)) {
        Some(Value::Str(s)) => s,
        Some(other) => {
            let tn = vm.type_name(&other);
            return Err(vm.type_error(format!(
                "decode() argument 'encoding' must be str, not {}",
                tn
            )));
        }
        None => crate::value::new_str("utf-8"),
    };
    let errs = match errs.map(|v| vm.builtin_base(&v)) {
        Some(Value::Str(s)) => s,
        Some(other) => {
            let tn = vm.type_name(&other);
            return Err(vm.type_error(format!(
                "decode() argument 'errors' must be str, not {}",
                tn
            )));
        }
        None => crate::value::new_str("strict"),
    };
    decode_bytes(vm, d.get(), enc.as_str(), errs.as_str()).map(Value::string)
}

fn b_hex(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    let (d, _) = this(vm, args, "hex")?;
    let [sep, per] = bind(vm, "hex", args, kwargs, ["sep", "bytes_per_sep"], 0, true)?;
    let sep: Option<String> = match sep.map(|v| vm.builtin_base(&v)) {
        None => None,
        Some(Value::Str(s)) => Some(String::from(s.as_str())),
        Some(v) => match bytes_data(&v) {
            Some(b) => Some(String::from_utf8_lossy(&b).into_owned()),
            None => return Err(vm.type_error("sep must be str or bytes.")),
        },
    };
    let per = match per {
        Some(v) => index_arg(vm, &v)?,
        None => 1,
    };
    if let Some(s) = &sep {
        if s.chars().count() != 1 {
            return Err(vm.value_error("sep must be length 1."));
        }
        if !s.is_ascii() {
            return Err(vm.value_error("sep must be ASCII."));
        }
    }
    let data = d.get();
    let mut out = String::with_capacity(data.len() * 3);
    let group = usize::try_from(per.unsigned_abs()).unwrap_or(usize::MAX);
    for (i, b) in data.iter().enumerate() {
        if let (Some(s), true) = (&sep, group > 0 && i > 0) {
            let boundary = if per > 0 {
                (data.len() - i) % group == 0
            } else {
                i % group == 0
            };
            if boundary {
                out.push_str(s);
            }
        }
        out.push_str(&format!("{:02x}", b));
    }
    Ok(Value::string(out))
}

fn fromhex_impl(vm: &mut Vm, args: &[Value], ba: bool) -> PyResult {
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "fromhex() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        )));
    }
    let s = match vm.builtin_base(&args[1]) {
        Value::Str(s) => s,
        other => {
            let tn = vm.type_name(&other);
            return Err(vm.type_error(format!("fromhex() argument must be str, not {}", tn)));
        }
    };
    let t = s.as_str().as_bytes();
    let mut out = Vec::with_capacity(t.len() / 2);
    let mut i = 0;
    let hexval = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    while i < t.len() {
        if is_space(t[i]) {
            i += 1;
            continue;
        }
        let hi = hexval(t[i]);
        let lo = t.get(i + 1).and_then(|&c| hexval(c));
        match (hi, lo) {
            (Some(h), Some(l)) => {
                out.push(h * 16 + l);
                i += 2;
            }
            (Some(_), None) => {
                let pos = i + 1;
                return Err(vm.value_error(format!(
                    "non-hexadecimal number found in fromhex() arg at position {}",
                    pos
                )));
            }
            _ => {
                return Err(vm.value_error(format!(
                    "non-hexadecimal number found in fromhex() arg at position {}",
                    i
                )))
            }
        }
    }
    let v = mk(vm, ba, out);
    if let Some(Value::Obj(cls)) = args.first() {
        let base = if ba {
            vm.types.bytearray.clone()
        } else {
            vm.types.bytes.clone()
        };
        if !Rc::ptr_eq(cls, &base) && types::as_type(cls).is_some() {
            return Ok(vm.new_subclass_instance(cls, v));
        }
    }
    Ok(v)
}

fn bytes_fromhex(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    fromhex_impl(vm, args, false)
}

fn bytearray_fromhex(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    fromhex_impl(vm, args, true)
}

fn find_impl(vm: &mut Vm, args: &[Value], name: &str, rev: bool) -> PyResult<Option<usize>> {
    let (d, _) = this(vm, args, name)?;
    let [sub, a, b] = bind(vm, name, args, &[], ["sub", "start", "end"], 1, false)?;
    let sub = arg_sub(vm, sub.as_ref().unwrap_or(&Value::None))?;
    let t = d.get();
    let Some((s, e)) = start_end(vm, a.as_ref(), b.as_ref(), t.len())? else {
        return Ok(None);
    };
    let hay = &t[s..e];
    let r = if rev {
        rfind_bytes(hay, &sub)
    } else {
        find_bytes(hay, &sub)
    };
    Ok(r.map(|p| p + s))
}

fn b_find(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    Ok(Value::Int(
        find_impl(vm, args, "find", false)?
            .map(|p| p as i64)
            .unwrap_or(-1),
    ))
}

fn b_rfind(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    Ok(Value::Int(
        find_impl(vm, args, "rfind", true)?
            .map(|p| p as i64)
            .unwrap_or(-1),
    ))
}

fn b_index(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    match find_impl(vm, args, "index", false)? {
        Some(p) => Ok(Value::Int(p as i64)),
        None => Err(vm.value_error("subsection not found")),
    }
}

fn b_rindex(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    match find_impl(vm, args, "rindex", true)? {
        Some(p) => Ok(Value::Int(p as i64)),
        None => Err(vm.value_error("subsection not found")),
    }
}

fn b_count(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    let (d, _) = this(vm, args, "count")?;
    let [sub, a, b] = bind(vm, "count", args, &[], ["sub", "start", "end"], 1, false)?;
    let sub = arg_sub(vm, sub.as_ref().unwrap_or(&Value::None))?;
    let t = d.get();
    let Some((s, e)) = start_end(vm, a.as_ref(), b.as_ref(), t.len())? else {
        return Ok(Value::Int(0));
    };
    Ok(Value::Int(count_bytes(&t[s..e], &sub) as i64))
}

fn prefix_impl(vm: &mut Vm, args: &[Value], name: &str, end: bool) -> PyResult {
    let (d, _) = this(vm, args, name)?;
    let [p, a, b] = bind(vm, name, args, &[], ["prefix", "start", "end"], 1, false)?;
    let p = p.unwrap_or(Value::None);
    let t = d.get();
    let Some((s, e)) = start_end(vm, a.as_ref(), b.as_ref(), t.len())? else {
        return Ok(Value::Bool(false));
    };
    let hay = &t[s..e];
    let check = |x: &[u8]| {
        if end {
            hay.ends_with(x)
        } else {
            hay.starts_with(x)
        }
    };
    if let Some(items) = p.as_tuple() {
        let items = items.to_vec();
        for it in &items {
            let x = arg_bytes(vm, it)?;
            if check(&x) {
                return Ok(Value::Bool(true));
            }
        }
        return Ok(Value::Bool(false));
    }
    match bytes_data(&vm.builtin_base(&p)) {
        Some(x) => Ok(Value::Bool(check(&x))),
        None => {
            let tn = vm.type_name(&p);
            Err(vm.type_error(format!(
                "{} first arg must be bytes or a tuple of bytes, not {}",
                name, tn
            )))
        }
    }
}

fn b_startswith(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    prefix_impl(vm, args, "startswith", false)
}

fn b_endswith(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    prefix_impl(vm, args, "endswith", true)
}

fn b_join(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    let (d, ba) = this(vm, args, "join")?;
    let [it] = bind(vm, "join", args, &[], ["iterable_of_bytes"], 1, false)?;
    let items = vm.collect(&it.unwrap_or(Value::None))?;
    let sep = d.get();
    let mut out = Vec::new();
    for (i, v) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(sep);
        }
        match bytes_data(&vm.builtin_base(v)) {
            Some(b) => out.extend_from_slice(&b),
            None => {
                let tn = vm.type_name(v);
                return Err(vm.type_error(format!(
                    "sequence item {}: expected a bytes-like object, {} found",
                    i, tn
                )));
            }
        }
    }
    Ok(mk(vm, ba, out))
}

fn split_impl(
    vm: &mut Vm,
    args: &[Value],
    kwargs: &[(Str, Value)],
    name: &str,
    rev: bool,
) -> PyResult {
    let (d, ba) = this(vm, args, name)?;
    let [sep, maxsplit] = bind(vm, name, args, kwargs, ["sep", "maxsplit"], 0, true)?;
    let maxsplit = match maxsplit {
        Some(v) => index_arg(vm, &v)?,
        None => -1,
    };
    let t = d.get();
    let pieces = match sep {
        None | Some(Value::None) => {
            if rev {
                rsplit_ws(t, maxsplit)
            } else {
                split_ws(t, maxsplit)
            }
        }
        Some(v) => {
            let sep = arg_bytes(vm, &v)?;
            if sep.is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            if rev {
                rsplit_sep(t, &sep, maxsplit)
            } else {
                split_sep(t, &sep, maxsplit)
            }
        }
    };
    let items: Vec<Value> = pieces.into_iter().map(|p| mk(vm, ba, p)).collect();
    Ok(vm.new_list(items))
}

fn b_split(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    split_impl(vm, args, kwargs, "split", false)
}

fn b_rsplit(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    split_impl(vm, args, kwargs, "rsplit", true)
}

fn strip_impl(vm: &mut Vm, args: &[Value], name: &str, left: bool, right: bool) -> PyResult {
    let (d, ba) = this(vm, args, name)?;
    let [chars] = bind(vm, name, args, &[], ["bytes"], 0, false)?;
    let set: Option<Vec<u8>> = match chars {
        None | Some(Value::None) => None,
        Some(v) => Some(arg_bytes(vm, &v)?),
    };
    let t = d.get();
    let strip = |c: u8| match &set {
        None => is_space(c),
        Some(s) => s.contains(&c),
    };
    let mut s = 0;
    let mut e = t.len();
    if left {
        while s < e && strip(t[s]) {
            s += 1;
        }
    }
    if right {
        while e > s && strip(t[e - 1]) {
            e -= 1;
        }
    }
    if !ba && s == 0 && e == t.len() {
        if let Data::Shared(o) = d {
            return Ok(Value::Obj(o));
        }
    }
    Ok(mk(vm, ba, t[s..e].to_vec()))
}

fn b_strip(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    strip_impl(vm, args, "strip", true, true)
}

fn b_lstrip(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    strip_impl(vm, args, "lstrip", true, false)
}

fn b_rstrip(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    strip_impl(vm, args, "rstrip", false, true)
}

fn b_replace(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    let (d, ba) = this(vm, args, "replace")?;
    let [old, new, count] = bind(vm, "replace", args, &[], ["old", "new", "count"], 2, false)?;
    let old = arg_bytes(vm, old.as_ref().unwrap_or(&Value::None))?;
    let new = arg_bytes(vm, new.as_ref().unwrap_or(&Value::None))?;
    let count = match count {
        Some(v) => index_arg(vm, &v)?,
        None => -1,
    };
    let t = d.get();
    if new.len() > old.len() {
        let hits = if old.is_empty() {
            t.len() + 1
        } else {
            count_bytes(t, &old)
        };
        let hits = if count < 0 {
            hits
        } else {
            hits.min(sat_usize(count))
        };
        check_size(
            vm,
            t.len()
                .saturating_add((new.len() - old.len()).saturating_mul(hits)),
        )?;
    }
    let r = replace_bytes(t, &old, &new, count);
    Ok(mk(vm, ba, r))
}

fn partition_impl(vm: &mut Vm, args: &[Value], name: &str, rev: bool) -> PyResult {
    let (d, ba) = this(vm, args, name)?;
    let [sep] = bind(vm, name, args, &[], ["sep"], 1, false)?;
    let sep = arg_bytes(vm, sep.as_ref().unwrap_or(&Value::None))?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let t = d.get();
    let found = if rev {
        rfind_bytes(t, &sep)
    } else {
        find_bytes(t, &sep)
    };
    let parts: [Vec<u8>; 3] = match found {
        Some(p) => [t[..p].to_vec(), sep.clone(), t[p + sep.len()..].to_vec()],
        None if rev => [Vec::new(), Vec::new(), t.to_vec()],
        None => [t.to_vec(), Vec::new(), Vec::new()],
    };
    let items: Vec<Value> = parts.into_iter().map(|p| mk(vm, ba, p)).collect();
    Ok(vm.new_tuple(items))
}

fn b_partition(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    partition_impl(vm, args, "partition", false)
}

fn b_rpartition(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    partition_impl(vm, args, "rpartition", true)
}

fn map_impl(vm: &mut Vm, args: &[Value], name: &str, f: fn(&[u8]) -> Vec<u8>) -> PyResult {
    let (d, ba) = this(vm, args, name)?;
    if args.len() > 1 {
        return Err(vm.type_error(format!(
            "{}() takes no arguments ({} given)",
            name,
            args.len() - 1
        )));
    }
    let r = f(d.get());
    Ok(mk(vm, ba, r))
}

fn b_upper(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    map_impl(vm, args, "upper", |t| t.to_ascii_uppercase())
}

fn b_lower(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    map_impl(vm, args, "lower", |t| t.to_ascii_lowercase())
}

fn b_swapcase(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    map_impl(vm, args, "swapcase", |t| {
        t.iter()
            .map(|&c| {
                if c.is_ascii_uppercase() {
                    c.to_ascii_lowercase()
                } else {
                    c.to_ascii_uppercase()
                }
            })
            .collect()
    })
}

fn b_title(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    map_impl(vm, args, "title", |t| {
        let mut prev = false;
        t.iter()
            .map(|&c| {
                let r = if prev {
                    c.to_ascii_lowercase()
                } else {
                    c.to_ascii_uppercase()
                };
                prev = c.is_ascii_alphabetic();
                r
            })
            .collect()
    })
}

fn b_capitalize(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    map_impl(vm, args, "capitalize", |t| {
        t.iter()
            .enumerate()
            .map(|(i, &c)| {
                if i == 0 {
                    c.to_ascii_uppercase()
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect()
    })
}

fn pred_impl(vm: &mut Vm, args: &[Value], name: &str, f: fn(&[u8]) -> bool) -> PyResult {
    let (d, _) = this(vm, args, name)?;
    Ok(Value::Bool(f(d.get())))
}

fn b_isdigit(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    pred_impl(vm, args, "isdigit", |t| {
        !t.is_empty() && t.iter().all(|c| c.is_ascii_digit())
    })
}

fn b_isalpha(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    pred_impl(vm, args, "isalpha", |t| {
        !t.is_empty() && t.iter().all(|c| c.is_ascii_alphabetic())
    })
}

fn b_isalnum(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    pred_impl(vm, args, "isalnum", |t| {
        !t.is_empty() && t.iter().all(|c| c.is_ascii_alphanumeric())
    })
}

fn b_isspace(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    pred_impl(vm, args, "isspace", |t| {
        !t.is_empty() && t.iter().all(|&c| is_space(c))
    })
}

fn b_isascii(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    pred_impl(vm, args, "isascii", |t| t.is_ascii())
}

fn b_isupper(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    pred_impl(vm, args, "isupper", |t| {
        t.iter().any(|c| c.is_ascii_uppercase()) && !t.iter().any(|c| c.is_ascii_lowercase())
    })
}

fn b_islower(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    pred_impl(vm, args, "islower", |t| {
        t.iter().any(|c| c.is_ascii_lowercase()) && !t.iter().any(|c| c.is_ascii_uppercase())
    })
}

fn b_istitle(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    pred_impl(vm, args, "istitle", |t| {
        let (mut prev, mut cased) = (false, false);
        for &c in t {
            if c.is_ascii_uppercase() {
                if prev {
                    return false;
                }
                prev = true;
                cased = true;
            } else if c.is_ascii_lowercase() {
                if !prev {
                    return false;
                }
                prev = true;
                cased = true;
            } else {
                prev = false;
            }
        }
        cased
    })
}

fn check_size(vm: &mut Vm, n: usize) -> PyResult<()> {
    if n > vm.config.heap_size {
        return Err(vm.err(ExcKind::MemoryError, ""));
    }
    Ok(())
}

fn pad_impl(vm: &mut Vm, args: &[Value], name: &str) -> PyResult {
    let (d, ba) = this(vm, args, name)?;
    let [w, f] = bind(vm, name, args, &[], ["width", "fillchar"], 1, false)?;
    let width = index_arg(vm, w.as_ref().unwrap_or(&Value::None))?;
    let fill = match f {
        None => b' ',
        Some(v) => match bytes_data(&vm.builtin_base(&v)) {
            Some(b) if b.len() == 1 => b[0],
            _ => {
                let tn = vm.type_name(&v);
                return Err(vm.type_error(format!(
                    "{}() argument 2 must be a byte string of length 1, not {}",
                    name, tn
                )));
            }
        },
    };
    let t = d.get();
    let len = t.len() as i64;
    if width <= len {
        return Ok(mk(vm, ba, t.to_vec()));
    }
    let marg = sat_usize(width - len);
    check_size(vm, marg.saturating_add(t.len()))?;
    let (left, right) = match name {
        "ljust" => (0, marg),
        "rjust" => (marg, 0),
        _ => {
            let left = marg / 2 + (marg & sat_usize(width) & 1);
            (left, marg - left)
        }
    };
    let mut out = Vec::with_capacity(t.len() + marg);
    out.resize(left, fill);
    out.extend_from_slice(t);
    out.resize(out.len() + right, fill);
    Ok(mk(vm, ba, out))
}

fn b_center(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    pad_impl(vm, args, "center")
}

fn b_ljust(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    pad_impl(vm, args, "ljust")
}

fn b_rjust(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    pad_impl(vm, args, "rjust")
}

fn b_zfill(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    let (d, ba) = this(vm, args, "zfill")?;
    let [w] = bind(vm, "zfill", args, &[], ["width"], 1, false)?;
    let width = index_arg(vm, w.as_ref().unwrap_or(&Value::None))?;
    let t = d.get();
    let len = t.len() as i64;
    if width <= len {
        return Ok(mk(vm, ba, t.to_vec()));
    }
    let n = sat_usize(width - len);
    check_size(vm, n.saturating_add(t.len()))?;
    let mut out = Vec::with_capacity(t.len() + n);
    let rest = if matches!(t.first(), Some(b'+') | Some(b'-')) {
        out.push(t[0]);
        &t[1..]
    } else {
        t
    };
    out.resize(out.len() + n, b'0');
    out.extend_from_slice(rest);
    Ok(mk(vm, ba, out))
}

fn b_translate(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    let (d, ba) = this(vm, args, "translate")?;
    let [table, delete] = bind(vm, "translate", args, kwargs, ["table", "delete"], 1, true)?;
    let table = match table {
        None | Some(Value::None) => None,
        Some(v) => {
            let t = arg_bytes(vm, &v)?;
            if t.len() != 256 {
                return Err(vm.value_error("translation table must be 256 characters long"));
            }
            Some(t)
        }
    };
    let delete = match delete {
        None => Vec::new(),
        Some(v) => arg_bytes(vm, &v)?,
    };
    let out: Vec<u8> = d
        .get()
        .iter()
        .filter(|c| !delete.contains(c))
        .map(|&c| match &table {
            Some(t) => t[c as usize],
            None => c,
        })
        .collect();
    Ok(mk(vm, ba, out))
}

fn b_maketrans(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "maketrans expected 2 arguments, got {}",
            args.len()
        )));
    }
    let from = arg_bytes(vm, &args[0])?;
    let to = arg_bytes(vm, &args[1])?;
    if from.len() != to.len() {
        return Err(vm.value_error("maketrans arguments must have same length"));
    }
    let mut t: Vec<u8> = (0..=255u8).collect();
    for (a, b) in from.iter().zip(to.iter()) {
        t[*a as usize] = *b;
    }
    Ok(Value::bytes_vec(t))
}

fn b_expandtabs(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    let (d, ba) = this(vm, args, "expandtabs")?;
    let [t] = bind(vm, "expandtabs", args, kwargs, ["tabsize"], 0, true)?;
    let tab = match t {
        Some(v) => index_arg(vm, &v)?,
        None => 8,
    };
    let mut out = Vec::new();
    let mut col: i64 = 0;
    for &c in d.get() {
        match c {
            b'\t' => {
                if tab > 0 {
                    let n = tab - col % tab;
                    check_size(vm, out.len().saturating_add(sat_usize(n)))?;
                    out.resize(out.len() + sat_usize(n), b' ');
                    col += n;
                }
            }
            b'\n' | b'\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(mk(vm, ba, out))
}

fn b_splitlines(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    let (d, ba) = this(vm, args, "splitlines")?;
    let [keep] = bind(vm, "splitlines", args, kwargs, ["keepends"], 0, true)?;
    let keep = match keep {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    let t = d.get();
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < t.len() {
        if t[i] == b'\n' || t[i] == b'\r' {
            let mut end = i + 1;
            if t[i] == b'\r' && t.get(i + 1) == Some(&b'\n') {
                end += 1;
            }
            pieces.push(if keep {
                t[start..end].to_vec()
            } else {
                t[start..i].to_vec()
            });
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    if start < t.len() {
        pieces.push(t[start..].to_vec());
    }
    let items: Vec<Value> = pieces.into_iter().map(|p| mk(vm, ba, p)).collect();
    Ok(vm.new_list(items))
}

fn b_removeprefix(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    let (d, ba) = this(vm, args, "removeprefix")?;
    let [p] = bind(vm, "removeprefix", args, &[], ["prefix"], 1, false)?;
    let p = arg_bytes(vm, p.as_ref().unwrap_or(&Value::None))?;
    let t = d.get();
    let r = t.strip_prefix(&p[..]).unwrap_or(t).to_vec();
    Ok(mk(vm, ba, r))
}

fn b_removesuffix(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    let (d, ba) = this(vm, args, "removesuffix")?;
    let [p] = bind(vm, "removesuffix", args, &[], ["suffix"], 1, false)?;
    let p = arg_bytes(vm, p.as_ref().unwrap_or(&Value::None))?;
    let t = d.get();
    let r = if p.is_empty() {
        t
    } else {
        t.strip_suffix(&p[..]).unwrap_or(t)
    }
    .to_vec();
    Ok(mk(vm, ba, r))
}

fn b_len(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    if let Some(Value::Obj(o)) = args.first().map(|v| vm.builtin_base(v)) {
        match &*o {
            PyObject::Bytes(b) => return Ok(Value::Int(b.len() as i64)),
            PyObject::ByteArray(b) => return Ok(Value::Int(b.borrow().len() as i64)),
            _ => {}
        }
    }
    let (d, _) = this(vm, args, "__len__")?;
    Ok(Value::Int(d.get().len() as i64))
}

fn b_contains(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    let (d, _) = this(vm, args, "__contains__")?;
    let [x] = bind(vm, "__contains__", args, &[], ["key"], 1, false)?;
    let x = x.unwrap_or(Value::None);
    let sub = match &x {
        Value::Int(_) | Value::Bool(_) => alloc::vec![byte_value(vm, &x)?],
        _ => match bytes_data(&vm.builtin_base(&x)) {
            Some(b) => b,
            None => {
                let tn = vm.type_name(&x);
                return Err(vm.type_error(format!("a bytes-like object is required, not '{}'", tn)));
            }
        },
    };
    Ok(Value::Bool(find_bytes(d.get(), &sub).is_some()))
}

/// `b[key]` for bytes/bytearray `v` (index gives an int, slice the same type).
pub fn bytes_subscript(vm: &mut Vm, v: &Value, key: &Value) -> PyResult {
    if let (Value::Obj(o), Value::Int(idx)) = (v, key) {
        // Fast path: an int index reads one byte without copying a bytearray.
        let item = match &**o {
            PyObject::Bytes(b) => Some((
                b.len() as i64,
                idx.checked_add(if *idx < 0 { b.len() as i64 } else { 0 })
                    .and_then(|i| usize::try_from(i).ok())
                    .and_then(|i| b.get(i).copied()),
                false,
            )),
            PyObject::ByteArray(b) => {
                let b = b.borrow();
                Some((
                    b.len() as i64,
                    idx.checked_add(if *idx < 0 { b.len() as i64 } else { 0 })
                        .and_then(|i| usize::try_from(i).ok())
                        .and_then(|i| b.get(i).copied()),
                    true,
                ))
            }
            _ => None,
        };
        if let Some((_, found, ba)) = item {
            return match found {
                Some(c) => Ok(Value::Int(c as i64)),
                None => Err(vm.index_error(if ba {
                    "bytearray index out of range"
                } else {
                    "index out of range"
                })),
            };
        }
    }
    let Some((d, ba)) = data_of(v) else {
        return Err(vm.type_error("expected bytes"));
    };
    let t = d.get();
    let idx = match key {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        Value::Obj(o) if matches!(&**o, PyObject::Slice(..)) => {
            let (start, stop, step) = slice_indices(vm, key, t.len())?;
            let n = slice_len(start, stop, step);
            if step == 1 && !ba && n == t.len() {
                return Ok(v.clone());
            }
            vm.heap_check()?;
            let mut out = Vec::with_capacity(n);
            let mut i = start;
            for _ in 0..n {
                if let Some(&c) = t.get(i as usize) {
                    out.push(c);
                }
                i = i.wrapping_add(step);
            }
            return Ok(mk(vm, ba, out));
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
            let what = if ba { "bytearray" } else { "byte" };
            return Err(vm.type_error(format!(
                "{} indices must be integers or slices, not {}",
                what, tn
            )));
        }
    };
    let len = t.len() as i64;
    let i = if idx < 0 {
        idx.saturating_add(len)
    } else {
        idx
    };
    if i < 0 || i >= len {
        return Err(vm.index_error(if ba {
            "bytearray index out of range"
        } else {
            "index out of range"
        }));
    }
    Ok(Value::Int(t[i as usize] as i64))
}

fn b_getitem(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    if args.len() != 2 {
        return Err(vm.type_error("__getitem__ expected 1 argument"));
    }
    let v = vm.builtin_base(&args[0]);
    bytes_subscript(vm, &v, &args[1])
}

// ----- constructors ----------------------------------------------------------------------------

/// The bytes `bytes(source, encoding, errors)` / `bytearray(...)` builds.
fn bytes_from_source(
    vm: &mut Vm,
    src: Option<Value>,
    enc: Option<Value>,
    errs: Option<Value>,
    ba: bool,
) -> PyResult<Vec<u8>> {
    let Some(src) = src else {
        if enc.is_some() || errs.is_some() {
            return Err(vm.type_error("encoding or errors without sequence argument"));
        }
        return Ok(Vec::new());
    };
    if let Value::Str(s) = vm.builtin_base(&src) {
        let Some(enc) = enc else {
            return Err(vm.type_error("string argument without an encoding"));
        };
        let enc = match vm.builtin_base(&enc) {
            Value::Str(e) => e,
            other => {
                let tn = vm.type_name(&other);
                return Err(vm.type_error(format!(
                    "bytes() argument 'encoding' must be str, not {}",
                    tn
                )));
            }
        };
        let errs = match errs.map(|v| vm.builtin_base(&v)) {
            Some(Value::Str(e)) => e,
            _ => crate::value::new_str("strict"),
        };
        return crate::objstr::encode_str(vm, s.as_str(), enc.as_str(), errs.as_str());
    }
    if enc.is_some() {
        return Err(vm.type_error("encoding without a string argument"));
    }
    if errs.is_some() {
        return Err(vm.type_error("errors without a string argument"));
    }
    match &src {
        Value::Int(n) => {
            if *n < 0 {
                return Err(vm.value_error("negative count"));
            }
            check_size(vm, sat_usize(*n))?;
            return Ok(alloc::vec![0u8; sat_usize(*n)]);
        }
        Value::Bool(b) => return Ok(alloc::vec![0u8; *b as usize]),
        Value::Float(_) => {
            let what = if ba { "bytearray" } else { "bytes" };
            let _ = what;
            return Err(vm.type_error("cannot convert 'float' object to bytes"));
        }
        _ => {}
    }
    let base = vm.builtin_base(&src);
    if let Some(b) = bytes_data(&base) {
        return Ok(b);
    }
    if crate::objmemoryview::buffer_bytes(&src).is_none() {
        if let Some(view) = crate::objmemoryview::exported_buffer(vm, &src)? {
            return Ok(crate::objmemoryview::buffer_bytes(&view).unwrap_or_default());
        }
    }
    if let Value::Obj(o) = &src {
        match &**o {
            PyObject::BigInt(_) => {
                return Err(vm.overflow_error("cannot fit 'int' into an index-sized integer"))
            }
            PyObject::Instance(_) | PyObject::Native(_) => {
                if !ba {
                    if let Some(r) = vm.call_special(&src, "__bytes__", &[]) {
                        let r = r?;
                        return match bytes_data(&r) {
                            Some(b) => Ok(b),
                            None => {
                                let tn = vm.type_name(&r);
                                Err(vm.type_error(format!(
                                    "__bytes__ returned non-bytes (type {})",
                                    tn
                                )))
                            }
                        };
                    }
                }
                if vm.lookup_special(&src, "__index__").is_some() {
                    let n = vm.to_index(&src)?;
                    if n < 0 {
                        return Err(vm.value_error("negative count"));
                    }
                    check_size(vm, sat_usize(n))?;
                    return Ok(alloc::vec![0u8; sat_usize(n)]);
                }
            }
            _ => {}
        }
    }
    let iterable = match &src {
        Value::Obj(o) => !matches!(
            &**o,
            PyObject::Complex(..)
                | PyObject::Function(_)
                | PyObject::Builtin(_)
                | PyObject::Module(_)
        ),
        _ => false,
    };
    if !iterable {
        let tn = vm.type_name(&src);
        return Err(vm.type_error(format!(
            "cannot convert '{}' object to {}",
            tn,
            if ba { "bytearray" } else { "bytes" }
        )));
    }
    let items = match vm.collect(&src) {
        Ok(v) => v,
        Err(e) => {
            if vm.err_matches(&e, ExcKind::TypeError) {
                let tn = vm.type_name(&src);
                return Err(vm.type_error(format!(
                    "cannot convert '{}' object to {}",
                    tn,
                    if ba { "bytearray" } else { "bytes" }
                )));
            }
            return Err(e);
        }
    };
    let mut out = Vec::with_capacity(items.len());
    for it in &items {
        let n = match it {
            Value::Int(n) => *n,
            Value::Bool(b) => *b as i64,
            Value::Obj(o) if matches!(&**o, PyObject::BigInt(_)) => -1,
            _ => vm.to_index(it)?,
        };
        if !(0..256).contains(&n) {
            return Err(vm.value_error(if ba {
                "byte must be in range(0, 256)"
            } else {
                "bytes must be in range(0, 256)"
            }));
        }
        out.push(n as u8);
    }
    Ok(out)
}

fn new_impl(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)], ba: bool) -> PyResult {
    let name = if ba { "bytearray" } else { "bytes" };
    let cls = match args.first() {
        Some(Value::Obj(c)) if types::as_type(c).is_some() => c.clone(),
        _ => return Err(vm.type_error(format!("{}.__new__(X): X is not a type object", name))),
    };
    let [src, enc, errs] = bind(
        vm,
        name,
        args,
        kwargs,
        ["source", "encoding", "errors"],
        0,
        true,
    )?;
    if ba {
        vm.heap_check()?;
    }
    let data = bytes_from_source(vm, src, enc, errs, ba)?;
    let v = mk(vm, ba, data);
    let exact = if ba {
        Rc::ptr_eq(&cls, &vm.types.bytearray)
    } else {
        Rc::ptr_eq(&cls, &vm.types.bytes)
    };
    if exact {
        Ok(v)
    } else {
        Ok(vm.new_subclass_instance(&cls, v))
    }
}

fn bytes_new(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    new_impl(vm, args, kwargs, false)
}

fn bytearray_new(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    new_impl(vm, args, kwargs, true)
}

// ----- bytearray mutation ----------------------------------------------------------------------

fn ba_append(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    let o = this_ba(vm, args, "append")?;
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "bytearray.append() takes exactly one argument ({} given)",
            args.len() - 1
        )));
    }
    let b = byte_value(vm, &args[1])?;
    let cell = ba_cell(vm, &o)?;
    vm.heap_check_grow(&cell.borrow(), 1)?;
    cell.borrow_mut().push(b);
    Ok(Value::None)
}

/// The bytes of an iterable for `extend` and slice assignment.
fn iterable_bytes(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes_data(&vm.builtin_base(v)) {
        return Ok(b);
    }
    match v {
        Value::Str(_) => return Err(vm.type_error("expected iterable of integers; got: 'str'")),
        Value::Int(_) | Value::Bool(_) | Value::Float(_) | Value::None => {
            let tn = vm.type_name(v);
            return Err(vm.type_error(format!("can't extend bytearray with {}", tn)));
        }
        _ => {}
    }
    let items = vm.collect(v)?;
    let mut out = Vec::with_capacity(items.len());
    for it in &items {
        out.push(byte_value(vm, it)?);
    }
    Ok(out)
}

fn ba_extend(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    let o = this_ba(vm, args, "extend")?;
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "bytearray.extend() takes exactly one argument ({} given)",
            args.len() - 1
        )));
    }
    let data = iterable_bytes(vm, &args[1])?;
    let cell = ba_cell(vm, &o)?;
    vm.heap_check_grow(&cell.borrow(), data.len())?;
    cell.borrow_mut().extend_from_slice(&data);
    Ok(Value::None)
}

fn ba_iadd(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    let o = this_ba(vm, args, "__iadd__")?;
    if args.len() != 2 {
        return Err(vm.type_error("__iadd__ expected 1 argument"));
    }
    let Some(data) = bytes_data(&vm.builtin_base(&args[1])) else {
        let tn = vm.type_name(&args[1]);
        return Err(vm.type_error(format!("can't concat {} to bytearray", tn)));
    };
    let cell = ba_cell(vm, &o)?;
    vm.heap_check_grow(&cell.borrow(), data.len())?;
    cell.borrow_mut().extend_from_slice(&data);
    Ok(args[0].clone())
}

fn ba_insert(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    let o = this_ba(vm, args, "insert")?;
    if args.len() != 3 {
        return Err(vm.type_error(format!(
            "insert expected 2 arguments, got {}",
            args.len() - 1
        )));
    }
    let idx = index_arg(vm, &args[1])?;
    let b = byte_value(vm, &args[2])?;
    let mut v = ba_cell(vm, &o)?.borrow_mut();
    let len = v.len() as i64;
    let i = if idx < 0 {
        (idx.saturating_add(len)).max(0)
    } else {
        idx.min(len)
    };
    v.insert(i as usize, b);
    Ok(Value::None)
}

fn ba_pop(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    let o = this_ba(vm, args, "pop")?;
    if args.len() > 2 {
        return Err(vm.type_error(format!(
            "pop expected at most 1 argument, got {}",
            args.len() - 1
        )));
    }
    let idx = match args.get(1) {
        Some(v) => index_arg(vm, v)?,
        None => -1,
    };
    let cell = ba_cell(vm, &o)?;
    let len = cell.borrow().len() as i64;
    if len == 0 {
        return Err(vm.index_error("pop from empty bytearray"));
    }
    let i = if idx < 0 {
        idx.saturating_add(len)
    } else {
        idx
    };
    if i < 0 || i >= len {
        return Err(vm.index_error("pop index out of range"));
    }
    let b = cell.borrow_mut().remove(i as usize);
    Ok(Value::Int(b as i64))
}

fn ba_remove(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    let o = this_ba(vm, args, "remove")?;
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "bytearray.remove() takes exactly one argument ({} given)",
            args.len() - 1
        )));
    }
    let b = byte_value(vm, &args[1])?;
    let cell = ba_cell(vm, &o)?;
    let pos = cell.borrow().iter().position(|&c| c == b);
    match pos {
        Some(p) => {
            cell.borrow_mut().remove(p);
            Ok(Value::None)
        }
        None => Err(vm.value_error("value not found in bytearray")),
    }
}

fn ba_clear(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    let o = this_ba(vm, args, "clear")?;
    ba_cell(vm, &o)?.borrow_mut().clear();
    Ok(Value::None)
}

fn ba_copy(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    let o = this_ba(vm, args, "copy")?;
    let v = ba_cell(vm, &o)?.borrow().clone();
    Ok(mk(vm, true, v))
}

fn ba_reverse(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    let o = this_ba(vm, args, "reverse")?;
    ba_cell(vm, &o)?.borrow_mut().reverse();
    Ok(Value::None)
}

fn ba_setitem(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    let o = this_ba(vm, args, "__setitem__")?;
    if args.len() != 3 {
        return Err(vm.type_error("__setitem__ expected 2 arguments"));
    }
    let key = &args[1];
    if matches!(key, Value::Obj(k) if matches!(&**k, PyObject::Slice(..))) {
        let data = match &args[2] {
            Value::Int(_) | Value::Bool(_) => {
                return Err(vm.type_error(
                    "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
                ))
            }
            v => iterable_bytes(vm, v)?,
        };
        let cell = ba_cell(vm, &o)?;
        let len = cell.borrow().len();
        let (start, stop, step) = slice_indices(vm, key, len)?;
        let n = slice_len(start, stop, step);
        if step == 1 && data.len() > n {
            vm.heap_check_grow(&cell.borrow(), data.len() - n)?;
        }
        let mut v = cell.borrow_mut();
        if step == 1 {
            let s = start.max(0) as usize;
            let e = (s + n).min(v.len());
            v.splice(s..e, data);
            return Ok(Value::None);
        }
        if data.len() != n {
            drop(v);
            return Err(vm.value_error(format!(
                "attempt to assign bytes of size {} to extended slice of size {}",
                data.len(),
                n
            )));
        }
        let mut i = start;
        for b in data {
            if let Some(slot) = v.get_mut(i as usize) {
                *slot = b;
            }
            i = i.wrapping_add(step);
        }
        return Ok(Value::None);
    }
    let idx = match key {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        Value::Obj(k)
            if matches!(&**k, PyObject::Instance(_) | PyObject::Native(_))
                && vm.lookup_special(key, "__index__").is_some() =>
        {
            vm.to_index(key)?
        }
        _ => {
            let tn = vm.type_name(key);
            return Err(vm.type_error(format!(
                "bytearray indices must be integers or slices, not {}",
                tn
            )));
        }
    };
    let b = byte_value(vm, &args[2])?;
    let cell = ba_cell(vm, &o)?;
    let len = cell.borrow().len() as i64;
    let i = if idx < 0 {
        idx.saturating_add(len)
    } else {
        idx
    };
    if i < 0 || i >= len {
        return Err(vm.index_error("bytearray index out of range"));
    }
    cell.borrow_mut()[i as usize] = b;
    Ok(Value::None)
}

fn ba_delitem(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    let o = this_ba(vm, args, "__delitem__")?;
    if args.len() != 2 {
        return Err(vm.type_error("__delitem__ expected 1 argument"));
    }
    let key = &args[1];
    let cell = ba_cell(vm, &o)?;
    if matches!(key, Value::Obj(k) if matches!(&**k, PyObject::Slice(..))) {
        let len = cell.borrow().len();
        let (start, stop, step) = slice_indices(vm, key, len)?;
        let n = slice_len(start, stop, step);
        let mut v = cell.borrow_mut();
        if n == 0 {
            return Ok(Value::None);
        }
        let mut kill = alloc::vec![false; v.len()];
        let mut i = start;
        for _ in 0..n {
            if let Some(k) = kill.get_mut(i as usize) {
                *k = true;
            }
            i = i.wrapping_add(step);
        }
        let mut j = 0;
        v.retain(|_| {
            let keep = !kill.get(j).copied().unwrap_or(false);
            j += 1;
            keep
        });
        return Ok(Value::None);
    }
    let idx = match key {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        _ => vm.to_index(key)?,
    };
    let len = cell.borrow().len() as i64;
    let i = if idx < 0 {
        idx.saturating_add(len)
    } else {
        idx
    };
    if i < 0 || i >= len {
        return Err(vm.index_error("bytearray index out of range"));
    }
    cell.borrow_mut().remove(i as usize);
    Ok(Value::None)
}

// ----- operators -------------------------------------------------------------------------------

fn binop_native(vm: &mut Vm, args: &[Value], op: BinOp, reflected: bool) -> PyResult {
    if args.len() != 2 {
        return Err(vm.type_error("expected 1 argument"));
    }
    let a = vm.builtin_base(&args[0]);
    let b = vm.builtin_base(&args[1]);
    if op == BinOp::Mod {
        return match bytes_binop(vm, op, &a, &args[1]) {
            Some(r) => r,
            None => Ok(Value::NotImplemented),
        };
    }
    let r = if reflected {
        bytes_binop(vm, op, &b, &a)
    } else {
        bytes_binop(vm, op, &a, &b)
    };
    r.unwrap_or(Ok(Value::NotImplemented))
}

fn b_add(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    binop_native(vm, args, BinOp::Add, false)
}

fn b_mul(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    binop_native(vm, args, BinOp::Mult, false)
}

fn b_rmul(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    binop_native(vm, args, BinOp::Mult, true)
}

fn b_mod(vm: &mut Vm, args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
    binop_native(vm, args, BinOp::Mod, false)
}

/// `a OP b` where `a` or `b` is bytes/bytearray (`+`, `*`, `%`); None when not applicable.
pub fn bytes_binop(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> Option<PyResult> {
    match op {
        BinOp::Add => {
            let (x, ba) = data_of(a)?;
            // The right operand may be any buffer (a memoryview, an array).
            let y = match data_of(b) {
                Some((y, _)) => y,
                None => match b {
                    Value::Obj(o) if matches!(&**o, PyObject::Native(_)) => {
                        Data::Owned(crate::objmemoryview::buffer_bytes(b)?)
                    }
                    _ => return None,
                },
            };
            let (x, y) = (x.get(), y.get());
            if let Err(e) = check_size(vm, x.len().saturating_add(y.len())) {
                return Some(Err(e));
            }
            if ba || (!x.is_empty() && !y.is_empty()) {
                if let Err(e) = vm.heap_check() {
                    return Some(Err(e));
                }
            }
            let mut out = Vec::with_capacity(x.len() + y.len());
            out.extend_from_slice(x);
            out.extend_from_slice(y);
            Some(Ok(mk(vm, ba, out)))
        }
        BinOp::Mult => {
            let (d, ba, n) = match (data_of(a), data_of(b)) {
                (Some((d, ba)), None) => (d, ba, b),
                (None, Some((d, ba))) => (d, ba, a),
                _ => return None,
            };
            let n = match crate::objstr::repeat_count(vm, n)? {
                Ok(n) => n,
                Err(e) => return Some(Err(e)),
            };
            let t = d.get();
            if n == 1 && !ba {
                if let Data::Shared(o) = d {
                    return Some(Ok(Value::Obj(o)));
                }
            }
            let Some(total) = t.len().checked_mul(n).filter(|t| *t <= isize::MAX as usize) else {
                return Some(Err(vm.overflow_error("repeated bytes are too long")));
            };
            if let Err(e) = check_size(vm, total) {
                return Some(Err(e));
            }
            let r = t.repeat(n);
            Some(Ok(mk(vm, ba, r)))
        }
        BinOp::Mod => {
            let (d, ba) = data_of(a)?;
            match crate::format::percent_format_bytes(vm, d.get(), b) {
                Ok(r) => Some(Ok(mk(vm, ba, r))),
                Err(e) => Some(Err(e)),
            }
        }
        _ => None,
    }
}

/// Add bytes' and bytearray's methods to their types.
pub(crate) fn init(vm: &mut Vm) {
    let common: &[(&'static str, crate::value::NativeFn)] = &[
        ("decode", b_decode),
        ("hex", b_hex),
        ("count", b_count),
        ("find", b_find),
        ("rfind", b_rfind),
        ("index", b_index),
        ("rindex", b_rindex),
        ("startswith", b_startswith),
        ("endswith", b_endswith),
        ("join", b_join),
        ("split", b_split),
        ("rsplit", b_rsplit),
        ("strip", b_strip),
        ("lstrip", b_lstrip),
        ("rstrip", b_rstrip),
        ("replace", b_replace),
        ("partition", b_partition),
        ("rpartition", b_rpartition),
        ("upper", b_upper),
        ("lower", b_lower),
        ("swapcase", b_swapcase),
        ("title", b_title),
        ("capitalize", b_capitalize),
        ("isdigit", b_isdigit),
        ("isalpha", b_isalpha),
        ("isalnum", b_isalnum),
        ("isspace", b_isspace),
        ("isascii", b_isascii),
        ("isupper", b_isupper),
        ("islower", b_islower),
        ("istitle", b_istitle),
        ("center", b_center),
        ("ljust", b_ljust),
        ("rjust", b_rjust),
        ("zfill", b_zfill),
        ("translate", b_translate),
        ("expandtabs", b_expandtabs),
        ("splitlines", b_splitlines),
        ("removeprefix", b_removeprefix),
        ("removesuffix", b_removesuffix),
        ("__len__", b_len),
        ("__contains__", b_contains),
        ("__getitem__", b_getitem),
        ("__add__", b_add),
        ("__mul__", b_mul),
        ("__rmul__", b_rmul),
        ("__mod__", b_mod),
    ];
    let bytes = vm.types.bytes.clone();
    let bytearray = vm.types.bytearray.clone();
    types::add_methods(&bytes, common);
    types::add_methods(&bytearray, common);
    types::add_static_methods(
        &bytes,
        &[("__new__", bytes_new), ("maketrans", b_maketrans)],
    );
    types::add_static_methods(
        &bytearray,
        &[("__new__", bytearray_new), ("maketrans", b_maketrans)],
    );
    types::add_class_methods(&bytes, &[("fromhex", bytes_fromhex)]);
    types::add_class_methods(&bytearray, &[("fromhex", bytearray_fromhex)]);
    types::add_methods(
        &bytearray,
        &[
            ("append", ba_append),
            ("extend", ba_extend),
            ("insert", ba_insert),
            ("pop", ba_pop),
            ("remove", ba_remove),
            ("clear", ba_clear),
            ("copy", ba_copy),
            ("reverse", ba_reverse),
            ("__setitem__", ba_setitem),
            ("__delitem__", ba_delitem),
            ("__iadd__", ba_iadd),
        ],
    );
}

#[cfg(test)]
#[allow(clippy::approx_constant)]
mod tests {
    use super::*;
    use crate::objstr::testutil::*;

    #[rustfmt::skip]
    const CASES: &[Case] = &[
        ("decode", A::B(b"h\xc3\xa9llo"), &[], &[], "'h\u{e9}llo'"),
        ("decode", A::B(b"h\xc3\xa9llo"), &[A::S("latin-1")], &[], "'h\u{c3}\u{a9}llo'"),
        ("decode", A::B(b"\xff"), &[], &[], "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"),
        ("decode", A::B(b"a\xe4\xb8x"), &[], &[], "UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 1-2: invalid continuation byte"),
        ("decode", A::B(b"a\xe4\xb8"), &[], &[], "UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 1-2: unexpected end of data"),
        ("decode", A::B(b"\xff\xfe"), &[A::S("utf-8"), A::S("replace")], &[], "'\u{fffd}\u{fffd}'"),
        ("decode", A::B(b"a\xffb"), &[A::S("utf-8"), A::S("ignore")], &[], "'ab'"),
        ("decode", A::B(b"\xe9"), &[A::S("ascii")], &[], "UnicodeDecodeError: 'ascii' codec can't decode byte 0xe9 in position 0: ordinal not in range(128)"),
        ("decode", A::B(b"ab"), &[A::S("bogus")], &[], "LookupError: unknown encoding: bogus"),
        ("decode", A::B(b"ab"), &[], &[("encoding", A::S("ascii"))], "'ab'"),
        ("hex", A::B(b"\x01\xab\xff"), &[], &[], "'01abff'"),
        ("hex", A::B(b"\x01\xab\xff\x02"), &[A::S(":")], &[], "'01:ab:ff:02'"),
        ("hex", A::B(b"\x01\xab\xff\x02\x03"), &[A::S("-"), A::I(2)], &[], "'01-abff-0203'"),
        ("hex", A::B(b"\x01\xab\xff\x02\x03"), &[A::S("-"), A::I(-2)], &[], "'01ab-ff02-03'"),
        ("hex", A::B(b""), &[], &[], "''"),
        ("count", A::B(b"banana"), &[A::B(b"a")], &[], "3"),
        ("count", A::B(b"banana"), &[A::I(97)], &[], "3"),
        ("count", A::B(b"banana"), &[A::B(b"")], &[], "7"),
        ("find", A::B(b"banana"), &[A::B(b"na")], &[], "2"),
        ("find", A::B(b"banana"), &[A::I(110), A::I(3)], &[], "4"),
        ("rfind", A::B(b"banana"), &[A::B(b"na")], &[], "4"),
        ("index", A::B(b"banana"), &[A::B(b"x")], &[], "ValueError: subsection not found"),
        ("rindex", A::B(b"banana"), &[A::B(b"a"), A::I(0), A::I(4)], &[], "3"),
        ("find", A::B(b"banana"), &[A::S("a")], &[], "TypeError: argument should be integer or bytes-like object, not 'str'"),
        ("find", A::B(b"banana"), &[A::I(300)], &[], "ValueError: byte must be in range(0, 256)"),
        ("startswith", A::B(b"hello"), &[A::B(b"he")], &[], "True"),
        ("startswith", A::B(b"hello"), &[A::T(&[A::B(b"x"), A::B(b"h")])], &[], "True"),
        ("endswith", A::B(b"hello"), &[A::B(b"lo")], &[], "True"),
        ("endswith", A::B(b"hello"), &[A::B(b"l"), A::I(0), A::I(4)], &[], "True"),
        ("startswith", A::B(b"hello"), &[A::S("h")], &[], "TypeError: startswith first arg must be bytes or a tuple of bytes, not str"),
        ("join", A::B(b","), &[A::L(&[A::B(b"a"), A::B(b"b"), A::Ba(b"c")])], &[], "b'a,b,c'"),
        ("join", A::B(b","), &[A::L(&[A::B(b"a"), A::I(1)])], &[], "TypeError: sequence item 1: expected a bytes-like object, int found"),
        ("join", A::Ba(b"-"), &[A::L(&[A::B(b"a"), A::B(b"b")])], &[], "bytearray(b'a-b')"),
        ("split", A::B(b"a,b,,c"), &[A::B(b",")], &[], "[b'a', b'b', b'', b'c']"),
        ("split", A::B(b"a,b,c"), &[A::B(b","), A::I(1)], &[], "[b'a', b'b,c']"),
        ("split", A::B(b"  a  b \x09 c "), &[], &[], "[b'a', b'b', b'c']"),
        ("split", A::B(b"  a  b  c  "), &[A::N, A::I(1)], &[], "[b'a', b'b  c  ']"),
        ("rsplit", A::B(b"  a  b  c  "), &[A::N, A::I(1)], &[], "[b'  a  b', b'c']"),
        ("rsplit", A::B(b"a,b,c"), &[A::B(b","), A::I(1)], &[], "[b'a,b', b'c']"),
        ("split", A::B(b"a"), &[A::B(b"")], &[], "ValueError: empty separator"),
        ("split", A::Ba(b"a b"), &[], &[], "[bytearray(b'a'), bytearray(b'b')]"),
        ("split", A::B(b"a b"), &[], &[("maxsplit", A::I(0))], "[b'a b']"),
        ("strip", A::B(b"  ab  "), &[], &[], "b'ab'"),
        ("strip", A::B(b"xxabyy"), &[A::B(b"xy")], &[], "b'ab'"),
        ("lstrip", A::B(b"  ab"), &[], &[], "b'ab'"),
        ("rstrip", A::B(b"ab  "), &[], &[], "b'ab'"),
        ("strip", A::B(b"ab"), &[A::N], &[], "b'ab'"),
        ("strip", A::Ba(b" a "), &[], &[], "bytearray(b'a')"),
        ("replace", A::B(b"aaaa"), &[A::B(b"a"), A::B(b"bb")], &[], "b'bbbbbbbb'"),
        ("replace", A::B(b"aaaa"), &[A::B(b"a"), A::B(b"b"), A::I(2)], &[], "b'bbaa'"),
        ("replace", A::B(b"abc"), &[A::B(b""), A::B(b"-")], &[], "b'-a-b-c-'"),
        ("replace", A::B(b"abc"), &[A::B(b"x"), A::B(b"y")], &[], "b'abc'"),
        ("partition", A::B(b"a=b=c"), &[A::B(b"=")], &[], "(b'a', b'=', b'b=c')"),
        ("partition", A::B(b"abc"), &[A::B(b"=")], &[], "(b'abc', b'', b'')"),
        ("rpartition", A::B(b"a=b=c"), &[A::B(b"=")], &[], "(b'a=b', b'=', b'c')"),
        ("rpartition", A::B(b"abc"), &[A::B(b"=")], &[], "(b'', b'', b'abc')"),
        ("partition", A::B(b"abc"), &[A::B(b"")], &[], "ValueError: empty separator"),
        ("upper", A::B(b"Hello World"), &[], &[], "b'HELLO WORLD'"),
        ("lower", A::B(b"Hello World"), &[], &[], "b'hello world'"),
        ("swapcase", A::B(b"Hello World"), &[], &[], "b'hELLO wORLD'"),
        ("title", A::B(b"hello world"), &[], &[], "b'Hello World'"),
        ("capitalize", A::B(b"hELLO"), &[], &[], "b'Hello'"),
        ("upper", A::Ba(b"ab"), &[], &[], "bytearray(b'AB')"),
        ("isdigit", A::B(b"123"), &[], &[], "True"),
        ("isdigit", A::B(b""), &[], &[], "False"),
        ("isalpha", A::B(b"abc"), &[], &[], "True"),
        ("isalnum", A::B(b"ab1"), &[], &[], "True"),
        ("isspace", A::B(b" \x09"), &[], &[], "True"),
        ("isupper", A::B(b"ABC"), &[], &[], "True"),
        ("islower", A::B(b"abc"), &[], &[], "True"),
        ("istitle", A::B(b"Ab Cd"), &[], &[], "True"),
        ("isascii", A::B(b"\x80"), &[], &[], "False"),
        ("center", A::B(b"ab"), &[A::I(6)], &[], "b'  ab  '"),
        ("center", A::B(b"ab"), &[A::I(5), A::B(b"*")], &[], "b'**ab*'"),
        ("ljust", A::B(b"ab"), &[A::I(4)], &[], "b'ab  '"),
        ("rjust", A::B(b"ab"), &[A::I(4), A::B(b"0")], &[], "b'00ab'"),
        ("zfill", A::B(b"-7"), &[A::I(4)], &[], "b'-007'"),
        ("center", A::B(b"ab"), &[A::I(5), A::S("*")], &[], "TypeError: center() argument 2 must be a byte string of length 1, not str"),
        ("translate", A::B(b"abc"), &[A::N, A::B(b"b")], &[], "b'ac'"),
        ("expandtabs", A::B(b"a\x09b\x0ac\x09d"), &[A::I(4)], &[], "b'a   b\\nc   d'"),
        ("splitlines", A::B(b"a\x0ab\x0d\x0ac\x0dd"), &[], &[], "[b'a', b'b', b'c', b'd']"),
        ("splitlines", A::B(b"a\x0ab\x0d\x0a"), &[A::Bo(true)], &[], "[b'a\\n', b'b\\r\\n']"),
        ("removeprefix", A::B(b"TestCase"), &[A::B(b"Test")], &[], "b'Case'"),
        ("removesuffix", A::B(b"TestCase"), &[A::B(b"Case")], &[], "b'Test'"),
        ("__getitem__", A::B(b"abc"), &[A::I(0)], &[], "97"),
        ("__getitem__", A::B(b"abc"), &[A::I(-1)], &[], "99"),
        ("__getitem__", A::B(b"abc"), &[A::I(3)], &[], "IndexError: index out of range"),
        ("__getitem__", A::Ba(b"abc"), &[A::I(5)], &[], "IndexError: bytearray index out of range"),
        ("__getitem__", A::B(b"abc"), &[A::S("x")], &[], "TypeError: byte indices must be integers or slices, not str"),
        ("__len__", A::B(b"abc"), &[], &[], "3"),
        ("__contains__", A::B(b"abc"), &[A::I(98)], &[], "True"),
        ("__contains__", A::B(b"abc"), &[A::B(b"bc")], &[], "True"),
        ("__contains__", A::B(b"abc"), &[A::I(300)], &[], "ValueError: byte must be in range(0, 256)"),
        ("__contains__", A::B(b"abc"), &[A::S("a")], &[], "TypeError: a bytes-like object is required, not 'str'"),
        ("__add__", A::B(b"ab"), &[A::B(b"cd")], &[], "b'abcd'"),
        ("__add__", A::B(b"ab"), &[A::Ba(b"cd")], &[], "b'abcd'"),
        ("__add__", A::Ba(b"ab"), &[A::B(b"cd")], &[], "bytearray(b'abcd')"),
        ("__mul__", A::B(b"ab"), &[A::I(3)], &[], "b'ababab'"),
        ("__mul__", A::Ba(b"ab"), &[A::I(2)], &[], "bytearray(b'abab')"),
        ("__rmul__", A::B(b"ab"), &[A::I(0)], &[], "b''"),
        ("__mod__", A::B(b"%d-%s"), &[A::T(&[A::I(1), A::B(b"x")])], &[], "b'1-x'"),
    ];

    #[test]
    fn bytes_methods_match_cpython() {
        run_cases(CASES);
    }

    #[test]
    fn repr_quotes() {
        assert_eq!(bytes_repr(b"it's"), "b\"it's\"");
        assert_eq!(bytes_repr(b"a'b\""), "b'a\\'b\"'");
        assert_eq!(bytes_repr(b"\x00\t\x7f\x80\\"), "b'\\x00\\t\\x7f\\x80\\\\'");
    }

    fn m(vm: &mut Vm, recv: &Value, name: &str, args: &[Value]) -> String {
        match call_method(vm, recv, name, args, &[]) {
            Ok(v) => show(&v),
            Err(e) => err_text(vm, &e),
        }
    }

    #[test]
    fn bytearray_mutation() {
        let mut vm = new_vm();
        let b = val(&mut vm, &A::Ba(b"hello"));
        let i = Value::Int;
        m(&mut vm, &b, "append", &[i(33)]);
        let l = val(&mut vm, &A::L(&[A::I(1), A::I(2)]));
        m(&mut vm, &b, "extend", &[l]);
        m(&mut vm, &b, "extend", &[Value::bytes(b"xy")]);
        m(&mut vm, &b, "insert", &[i(0), i(65)]);
        m(&mut vm, &b, "insert", &[i(-1), i(66)]);
        assert_eq!(show(&b), "bytearray(b'Ahello!\\x01\\x02xBy')");
        assert_eq!(m(&mut vm, &b, "pop", &[]), "121");
        assert_eq!(m(&mut vm, &b, "pop", &[i(0)]), "65");
        m(&mut vm, &b, "remove", &[i(108)]);
        assert_eq!(show(&b), "bytearray(b'helo!\\x01\\x02xB')");
        m(&mut vm, &b, "__setitem__", &[i(0), i(90)]);
        let sl = Value::Obj(vm.alloc(PyObject::Slice(i(1), i(3), Value::None)));
        m(&mut vm, &b, "__setitem__", &[sl, Value::bytes(b"QQQQ")]);
        assert_eq!(show(&b), "bytearray(b'ZQQQQo!\\x01\\x02xB')");
        let sl = Value::Obj(vm.alloc(PyObject::Slice(Value::None, Value::None, i(2))));
        m(
            &mut vm,
            &b,
            "__setitem__",
            &[sl.clone(), Value::bytes(b"......")],
        );
        assert_eq!(show(&b), "bytearray(b'.Q.Q.o.\\x01.x.')");
        m(&mut vm, &b, "__delitem__", &[i(1)]);
        let sl3 = Value::Obj(vm.alloc(PyObject::Slice(Value::None, Value::None, i(3))));
        m(&mut vm, &b, "__delitem__", &[sl3]);
        assert_eq!(show(&b), "bytearray(b'.Qo..x')");
        m(&mut vm, &b, "reverse", &[]);
        assert_eq!(m(&mut vm, &b, "copy", &[]), "bytearray(b'x..oQ.')");
        m(&mut vm, &b, "clear", &[]);
        assert_eq!(show(&b), "bytearray(b'')");
        let e = val(&mut vm, &A::Ba(b"abcdef"));
        assert_eq!(
            m(&mut vm, &e, "__setitem__", &[sl, Value::bytes(b"xy")]),
            "ValueError: attempt to assign bytes of size 2 to extended slice of size 3"
        );
        assert_eq!(
            m(&mut vm, &e, "pop", &[i(9)]),
            "IndexError: pop index out of range"
        );
        assert_eq!(
            m(&mut vm, &e, "remove", &[i(9)]),
            "ValueError: value not found in bytearray"
        );
        assert_eq!(
            m(&mut vm, &e, "append", &[i(256)]),
            "ValueError: byte must be in range(0, 256)"
        );
        let empty = val(&mut vm, &A::Ba(b""));
        assert_eq!(
            m(&mut vm, &empty, "pop", &[]),
            "IndexError: pop from empty bytearray"
        );
    }

    #[test]
    fn constructors() {
        let mut vm = new_vm();
        let bt = Value::Obj(vm.types.bytes.clone());
        let bat = Value::Obj(vm.types.bytearray.clone());
        let run = |vm: &mut Vm, f: NativeFnT, args: &[A], cls: &Value| -> String {
            let mut full = alloc::vec![cls.clone()];
            for a in args {
                full.push(val(vm, a));
            }
            match f(vm, &full, &[]) {
                Ok(v) => show(&v),
                Err(e) => err_text(vm, &e),
            }
        };
        let cases: &[(NativeFnT, &[A], &Value, &str)] = &[
            (bytes_new, &[A::I(3)], &bt, "b'\\x00\\x00\\x00'"),
            (
                bytes_new,
                &[A::L(&[A::I(1), A::I(2), A::I(255)])],
                &bt,
                "b'\\x01\\x02\\xff'",
            ),
            (
                bytes_new,
                &[A::S("h\u{e9}"), A::S("utf-8")],
                &bt,
                "b'h\\xc3\\xa9'",
            ),
            (bytearray_new, &[A::B(b"ab")], &bat, "bytearray(b'ab')"),
            (bytes_new, &[], &bt, "b''"),
            (
                bytes_new,
                &[A::L(&[A::I(256)])],
                &bt,
                "ValueError: bytes must be in range(0, 256)",
            ),
            (
                bytearray_new,
                &[A::L(&[A::I(256)])],
                &bat,
                "ValueError: byte must be in range(0, 256)",
            ),
            (
                bytes_new,
                &[A::S("x")],
                &bt,
                "TypeError: string argument without an encoding",
            ),
            (bytes_new, &[A::I(-1)], &bt, "ValueError: negative count"),
            (
                bytes_new,
                &[A::F(1.5)],
                &bt,
                "TypeError: cannot convert 'float' object to bytes",
            ),
            (
                bytes_new,
                &[A::B(b"x"), A::S("utf-8")],
                &bt,
                "TypeError: encoding without a string argument",
            ),
            (
                bytes_fromhex,
                &[A::S("01 ab ff")],
                &bt,
                "b'\\x01\\xab\\xff'",
            ),
            (bytearray_fromhex, &[A::S("0a")], &bat, "bytearray(b'\\n')"),
            (
                bytes_fromhex,
                &[A::S("0g")],
                &bt,
                "ValueError: non-hexadecimal number found in fromhex() arg at position 1",
            ),
            (
                bytes_fromhex,
                &[A::S("1")],
                &bt,
                "ValueError: non-hexadecimal number found in fromhex() arg at position 1",
            ),
        ];
        for (f, args, cls, want) in cases {
            assert_eq!(run(&mut vm, *f, args, cls), *want);
        }
    }

    type NativeFnT = crate::value::NativeFn;
}
