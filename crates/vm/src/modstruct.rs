//! The `struct` module: CPython's pack/unpack of C structs with byte order, size and alignment
//! prefixes, and the module-building helpers shared by the data modules (exception classes
//! defined by a module, bytes-like arguments). `Struct` objects keep a checked format and its size.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::attr::dict_of;
use crate::exceptions::ExcKind;
use crate::modbuiltins::{builtin_fn, check_kw};
use crate::number::{classify, Num};
use crate::value::{NativeFn, Obj, PyObject, Str, Value};
use crate::vm::Vm;
use crate::{PyErr, PyResult};

// ----- helpers shared by the data modules ------------------------------------------------------

/// Put `name = v` into module `m`'s namespace.
pub fn module_set(m: &Obj, name: &str, v: Value) {
    if let PyObject::Module(mm) = &**m {
        if let Some(d) = dict_of(&mm.dict) {
            d.borrow_mut().set_str(name, v);
        }
    }
}

/// Add native functions to module `m`.
pub fn module_fns(m: &Obj, fns: &[(&'static str, NativeFn)]) {
    for (name, f) in fns {
        module_set(m, name, builtin_fn(name, *f));
    }
}

/// Create an exception class `module.name` deriving from `base`, and store it in the module.
pub fn new_exc_class(vm: &mut Vm, m: &Obj, module: &str, name: &str, base: Obj) -> PyResult {
    let ty = Value::Obj(vm.types.type_.clone());
    let bases = vm.new_tuple(alloc::vec![Value::Obj(base)]);
    let mut d = crate::dict::Dict::new();
    d.set_str("__module__", Value::str(module));
    let dv = vm.new_dict(d);
    let cls = vm.call(&ty, &[Value::str(name), bases, dv])?;
    module_set(m, name, cls.clone());
    Ok(cls)
}

/// An instance of the exception class `module.name` (looked up in `sys.modules`), falling back to
/// the built-in `fallback` when the module's class cannot be found.
pub fn module_exc(
    vm: &mut Vm,
    module: &str,
    name: &str,
    fallback: ExcKind,
    args: Vec<Value>,
) -> PyErr {
    let cls = vm.sys_module(module).and_then(|m| match &m {
        Value::Obj(o) => match &**o {
            PyObject::Module(mm) => {
                dict_of(&mm.dict).and_then(|d| d.borrow().get_str(name).cloned())
            }
            _ => None,
        },
        _ => None,
    });
    match cls {
        Some(Value::Obj(c)) if matches!(&*c, PyObject::Type(_)) => {
            PyErr(vm.new_exception(&c, args))
        }
        _ => vm.err_args(fallback, args),
    }
}

/// The bytes of a bytes-like object (bytes, bytearray, array.array), or None.
pub fn buffer_of(v: &Value) -> Option<Vec<u8>> {
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

/// The bytes of a bytes-like argument, or TypeError "a bytes-like object is required, not 'T'".
pub fn need_buffer(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    match buffer_of(v) {
        Some(b) => Ok(b),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("a bytes-like object is required, not '{}'", tn)))
        }
    }
}

// ----- format parsing --------------------------------------------------------------------------

fn struct_err(vm: &mut Vm, msg: impl Into<String>) -> PyErr {
    let m = Value::string(msg.into());
    module_exc(vm, "struct", "error", ExcKind::ValueError, alloc::vec![m])
}

/// One format item: code, repeat count (or length for s/p), byte size of one element, offset.
#[derive(Clone, Copy)]
struct Item {
    code: u8,
    count: usize,
    size: usize,
    offset: usize,
}

/// A parsed format.
struct Format {
    items: Vec<Item>,
    little: bool,
    native: bool,
    size: usize,
    /// Number of Python values packed/unpacked.
    nvalues: usize,
}

const PTR: usize = core::mem::size_of::<usize>();

fn native_size(c: u8) -> Option<usize> {
    Some(match c {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' | b'n' | b'N' | b'P' => PTR,
        b'q' | b'Q' | b'd' => 8,
        _ => return None,
    })
}

fn std_size(c: u8) -> Option<usize> {
    Some(match c {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' | b'l' | b'L' => 4,
        b'q' | b'Q' | b'd' => 8,
        _ => return None,
    })
}

fn parse_format(vm: &mut Vm, fmt: &str) -> PyResult<Format> {
    let b = fmt.as_bytes();
    let mut i = 0;
    let (little, native) = match b.first() {
        Some(b'@') => {
            i = 1;
            (cfg!(target_endian = "little"), true)
        }
        Some(b'=') => {
            i = 1;
            (cfg!(target_endian = "little"), false)
        }
        Some(b'<') => {
            i = 1;
            (true, false)
        }
        Some(b'>') | Some(b'!') => {
            i = 1;
            (false, false)
        }
        _ => (cfg!(target_endian = "little"), true),
    };
    let mut items = Vec::new();
    let mut size: usize = 0;
    let mut nvalues = 0usize;
    let too_big = |vm: &mut Vm| struct_err(vm, "total struct size too long");
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let mut count: Option<usize> = None;
        if c.is_ascii_digit() {
            let mut n: usize = 0;
            while i < b.len() && b[i].is_ascii_digit() {
                n = match n
                    .checked_mul(10)
                    .and_then(|n| n.checked_add((b[i] - b'0') as usize))
                {
                    Some(n) => n,
                    None => return Err(too_big(vm)),
                };
                i += 1;
            }
            if i >= b.len() {
                return Err(struct_err(
                    vm,
                    "repeat count given without format specifier",
                ));
            }
            count = Some(n);
        }
        let c = b[i];
        i += 1;
        let esize = if native { native_size(c) } else { std_size(c) };
        let Some(esize) = esize else {
            return Err(struct_err(vm, "bad char in struct format"));
        };
        let count = count.unwrap_or(1);
        if native {
            let align = esize;
            if align > 1 && !matches!(c, b's' | b'p' | b'x' | b'c' | b'b' | b'B' | b'?') {
                size = match size.checked_add(align - 1) {
                    Some(s) => s / align * align,
                    None => return Err(too_big(vm)),
                };
            }
        }
        let total = match esize.checked_mul(count) {
            Some(t) => t,
            None => return Err(too_big(vm)),
        };
        items.push(Item {
            code: c,
            count,
            size: esize,
            offset: size,
        });
        size = match size.checked_add(total) {
            Some(s) if s <= isize::MAX as usize => s,
            _ => return Err(too_big(vm)),
        };
        nvalues += match c {
            b'x' => 0,
            b's' | b'p' => 1,
            _ => count,
        };
    }
    Ok(Format {
        items,
        little,
        native,
        size,
        nvalues,
    })
}

fn fmt_arg(vm: &mut Vm, v: &Value) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(String::from(s.as_str())),
        _ => match crate::objbytes::bytes_data(v) {
            Some(b) => Ok(b.iter().map(|&c| c as char).collect()),
            None => {
                let tn = vm.type_name(v);
                Err(vm.type_error(format!(
                    "Struct() argument 1 must be a str or bytes object, not {}",
                    tn
                )))
            }
        },
    }
}

// ----- half floats -----------------------------------------------------------------------------

/// f64 to IEEE half bits, rounding half to even; None on overflow.
fn f64_to_half(x: f64) -> Option<u16> {
    let sign: u16 = if x.is_sign_negative() { 0x8000 } else { 0 };
    if x.is_nan() {
        return Some(sign | 0x7e00);
    }
    let a = x.abs();
    if a.is_infinite() {
        return Some(sign | 0x7c00);
    }
    if a == 0.0 {
        return Some(sign);
    }
    // Scale to units of the smallest subnormal (2^-24) when tiny; else work from the exponent.
    let bits = a.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32 - 1023;
    if exp < -14 {
        // Subnormal: value / 2^-24, rounded half to even.
        let m = a * 16777216.0; // 2^24
        let r = round_half_even(m);
        return Some(sign | r as u16);
    }
    // Normal: 10-bit mantissa.
    let mant = bits & ((1u64 << 52) - 1);
    let shift = 42;
    let mut m = (mant >> shift) as u32;
    let rem = mant & ((1u64 << shift) - 1);
    let half = 1u64 << (shift - 1);
    if rem > half || (rem == half && (m & 1) == 1) {
        m += 1;
    }
    let mut e = exp + 15;
    if m == 0x400 {
        m = 0;
        e += 1;
    }
    if e >= 31 {
        return None;
    }
    Some(sign | ((e as u16) << 10) | m as u16)
}

fn round_half_even(x: f64) -> f64 {
    let f = libm::floor(x);
    let d = x - f;
    if d > 0.5 || (d == 0.5 && libm::fmod(f, 2.0) != 0.0) {
        f + 1.0
    } else {
        f
    }
}

fn half_to_f64(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let e = ((h >> 10) & 0x1f) as i32;
    let m = (h & 0x3ff) as f64;
    let v = if e == 0 {
        m * libm::ldexp(1.0, -24)
    } else if e == 31 {
        if m == 0.0 {
            f64::INFINITY
        } else {
            f64::NAN
        }
    } else {
        (1.0 + m / 1024.0) * libm::ldexp(1.0, e - 15)
    };
    sign * v
}

// ----- packing ---------------------------------------------------------------------------------

fn put_uint(out: &mut [u8], v: u64, size: usize, little: bool) {
    for k in 0..size {
        let byte = (v >> (8 * k)) as u8;
        if little {
            out[k] = byte;
        } else {
            out[size - 1 - k] = byte;
        }
    }
}

fn get_uint(data: &[u8], size: usize, little: bool) -> u64 {
    let mut v: u64 = 0;
    for k in 0..size {
        let byte = if little { data[k] } else { data[size - 1 - k] };
        v |= (byte as u64) << (8 * k);
    }
    v
}

fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    match classify(v) {
        Some(Num::I(i)) => Ok(BigInt::from(i)),
        Some(Num::B(b)) => Ok(b.clone()),
        _ => {
            if matches!(v, Value::Obj(o) if matches!(&**o, PyObject::Instance(_) | PyObject::Native(_)))
                && vm.lookup_special(v, "__index__").is_some()
            {
                let r = vm.call_special(v, "__index__", &[]);
                if let Some(r) = r {
                    let r = r?;
                    if let Some(Num::I(i)) = classify(&r) {
                        return Ok(BigInt::from(i));
                    }
                    if let Some(Num::B(b)) = classify(&r) {
                        return Ok(b.clone());
                    }
                }
            }
            Err(struct_err(vm, "required argument is not an integer"))
        }
    }
}

fn float_arg(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match classify(v) {
        Some(Num::F(f)) => Ok(f),
        Some(Num::I(_) | Num::B(_)) => crate::number::to_f64(vm, v),
        _ => {
            if vm.lookup_special(v, "__float__").is_some() {
                return crate::number::to_f64(vm, v);
            }
            Err(struct_err(vm, "required argument is not a float"))
        }
    }
}

fn range_msg(code: u8, native: bool, size: usize) -> Option<&'static str> {
    match code {
        b'b' => Some("byte format requires -128 <= number <= 127"),
        b'B' => Some("ubyte format requires 0 <= number <= 255"),
        b'h' => Some("short format requires -32768 <= number <= 32767"),
        b'H' => Some("ushort format requires 0 <= number <= 65535"),
        b'i' if native || size == 4 => {
            Some("'i' format requires -2147483648 <= number <= 2147483647")
        }
        b'l' if !native => Some("'l' format requires -2147483648 <= number <= 2147483647"),
        _ => None,
    }
}

fn pack_one(vm: &mut Vm, f: &Format, it: &Item, v: &Value, out: &mut [u8]) -> PyResult<()> {
    let (little, size) = (f.little, it.size);
    match it.code {
        b'c' => match v {
            Value::Obj(o) if matches!(&**o, PyObject::Bytes(b) if b.len() == 1) => {
                if let PyObject::Bytes(b) = &**o {
                    out[0] = b[0];
                }
            }
            Value::Obj(o) if matches!(&**o, PyObject::ByteArray(b) if b.borrow().len() == 1) => {
                if let PyObject::ByteArray(b) = &**o {
                    out[0] = b.borrow()[0];
                }
            }
            _ => {
                return Err(struct_err(
                    vm,
                    "char format requires a bytes object of length 1",
                ))
            }
        },
        b'?' => {
            let t = vm.truthy(v)?;
            out[0] = t as u8;
        }
        b'e' | b'f' | b'd' => {
            let x = float_arg(vm, v)?;
            match it.code {
                b'd' => put_uint(out, x.to_bits(), 8, little),
                b'f' => put_uint(out, (x as f32).to_bits() as u64, 4, little),
                _ => match f64_to_half(x) {
                    Some(h) => put_uint(out, h as u64, 2, little),
                    None => return Err(vm.overflow_error("float too large to pack with e format")),
                },
            }
        }
        code => {
            let n = int_arg(vm, v)?;
            let signed = matches!(code, b'b' | b'h' | b'i' | b'l' | b'q' | b'n');
            let bits = 8 * size as u32;
            let ok = if signed {
                n.to_i64().map(|x| {
                    let lo = -(1i128 << (bits - 1));
                    let hi = (1i128 << (bits - 1)) - 1;
                    (x as i128) >= lo && (x as i128) <= hi
                })
            } else {
                n.to_u64().map(|x| bits == 64 || x < (1u64 << bits))
            };
            match ok {
                Some(true) => {
                    let raw = if signed {
                        n.to_i64().unwrap_or(0) as u64
                    } else {
                        n.to_u64().unwrap_or(0)
                    };
                    put_uint(out, raw, size, little);
                }
                _ => {
                    if let Some(m) = range_msg(code, f.native, size) {
                        return Err(struct_err(vm, m));
                    }
                    if code == b'Q' && !f.native && n.sign() == num_bigint::Sign::Plus {
                        return Err(struct_err(vm, "int too large to convert"));
                    }
                    return Err(struct_err(vm, "argument out of range"));
                }
            }
        }
    }
    Ok(())
}

fn pack_into_buf(
    vm: &mut Vm,
    f: &Format,
    args: &[Value],
    out: &mut [u8],
    fname: &str,
) -> PyResult<()> {
    if args.len() != f.nvalues {
        return Err(struct_err(
            vm,
            format!(
                "{} expected {} items for packing (got {})",
                fname,
                f.nvalues,
                args.len()
            ),
        ));
    }
    let mut ai = 0;
    for it in &f.items {
        let base = it.offset;
        match it.code {
            b'x' => {
                for b in &mut out[base..base + it.count] {
                    *b = 0;
                }
            }
            b's' | b'p' => {
                let v = &args[ai];
                ai += 1;
                let data = match v {
                    Value::Obj(o)
                        if matches!(&**o, PyObject::Bytes(_) | PyObject::ByteArray(_)) =>
                    {
                        crate::objbytes::bytes_data(v).unwrap_or_default()
                    }
                    _ => {
                        let m = if it.code == b's' {
                            "argument for 's' must be a bytes object"
                        } else {
                            "argument for 'p' must be a bytes object"
                        };
                        return Err(struct_err(vm, m));
                    }
                };
                let field = &mut out[base..base + it.count];
                for b in field.iter_mut() {
                    *b = 0;
                }
                if it.code == b's' {
                    let n = data.len().min(it.count);
                    field[..n].copy_from_slice(&data[..n]);
                } else if it.count > 0 {
                    let n = data.len().min(it.count - 1).min(255);
                    field[0] = n as u8;
                    field[1..1 + n].copy_from_slice(&data[..n]);
                }
            }
            _ => {
                for k in 0..it.count {
                    let v = args[ai].clone();
                    ai += 1;
                    let start = base + k * it.size;
                    pack_one(vm, f, it, &v, &mut out[start..start + it.size])?;
                }
            }
        }
    }
    Ok(())
}

fn unpack_buf(vm: &mut Vm, f: &Format, data: &[u8]) -> Vec<Value> {
    let mut out = Vec::with_capacity(f.nvalues);
    for it in &f.items {
        let base = it.offset;
        match it.code {
            b'x' => {}
            b's' => out.push(Value::bytes(&data[base..base + it.count])),
            b'p' => {
                if it.count == 0 {
                    out.push(Value::bytes(&[]));
                } else {
                    let n = (data[base] as usize).min(it.count - 1);
                    out.push(Value::bytes(&data[base + 1..base + 1 + n]));
                }
            }
            code => {
                for k in 0..it.count {
                    let s = base + k * it.size;
                    let raw = get_uint(&data[s..s + it.size], it.size, f.little);
                    let v = match code {
                        b'c' => Value::bytes(&[raw as u8]),
                        b'?' => Value::Bool(raw != 0),
                        b'e' => Value::Float(half_to_f64(raw as u16)),
                        b'f' => Value::Float(f32::from_bits(raw as u32) as f64),
                        b'd' => Value::Float(f64::from_bits(raw)),
                        b'b' | b'h' | b'i' | b'l' | b'q' | b'n' => {
                            let sh = 64 - 8 * it.size as u32;
                            Value::Int(((raw << sh) as i64) >> sh)
                        }
                        _ => {
                            if raw > i64::MAX as u64 {
                                Value::from_bigint(BigInt::from(raw))
                            } else {
                                Value::Int(raw as i64)
                            }
                        }
                    };
                    out.push(v);
                }
            }
        }
    }
    let _ = vm;
    out
}

// ----- module functions ------------------------------------------------------------------------

fn need_fmt(vm: &mut Vm, args: &[Value], fname: &str, min: usize) -> PyResult<Format> {
    if args.len() < min {
        return Err(vm.type_error(format!(
            "{} expected {} argument{}, got {}",
            fname,
            min,
            if min == 1 { "" } else { "s" },
            args.len()
        )));
    }
    let s = fmt_arg(vm, &args[0])?;
    parse_format(vm, &s)
}

fn s_calcsize(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    check_kw(vm, "calcsize", kw, &[])?;
    if args.len() != 1 {
        return Err(vm.type_error(format!(
            "calcsize() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    let f = need_fmt(vm, args, "calcsize", 1)?;
    Ok(Value::Int(f.size as i64))
}

fn s_pack(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    check_kw(vm, "pack", kw, &[])?;
    let f = need_fmt(vm, args, "pack", 1)?;
    let mut out = alloc::vec![0u8; f.size];
    pack_into_buf(vm, &f, &args[1..], &mut out, "pack")?;
    Ok(Value::bytes_vec(out))
}

fn s_unpack(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    check_kw(vm, "unpack", kw, &[])?;
    if args.len() != 2 {
        return Err(vm.type_error(format!("unpack expected 2 arguments, got {}", args.len())));
    }
    let f = need_fmt(vm, args, "unpack", 2)?;
    let data = need_buffer(vm, &args[1])?;
    if data.len() != f.size {
        return Err(struct_err(
            vm,
            format!("unpack requires a buffer of {} bytes", f.size),
        ));
    }
    let v = unpack_buf(vm, &f, &data);
    Ok(vm.new_tuple(v))
}

fn s_unpack_from(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    check_kw(vm, "unpack_from", kw, &["buffer", "offset"])?;
    let mut a: Vec<Value> = args.to_vec();
    if let Some(b) = crate::modbuiltins::kwarg(kw, "buffer") {
        a.push(b.clone());
    }
    if a.len() < 2 {
        return Err(vm.type_error("unpack_from() missing required argument 'buffer' (pos 2)"));
    }
    let off = match crate::modbuiltins::kwarg(kw, "offset") {
        Some(o) => vm.to_index(o)?,
        None if a.len() > 2 => vm.to_index(&a[2].clone())?,
        None => 0,
    };
    let f = need_fmt(vm, &a, "unpack_from", 2)?;
    let data = need_buffer(vm, &a[1])?;
    let off = checked_offset(vm, "unpack_from", "unpacking", off, data.len(), f.size)?;
    let v = unpack_buf(vm, &f, &data[off..off + f.size]);
    Ok(vm.new_tuple(v))
}

/// The start of `size` bytes at `off` (negative counts from the end) in a `len`-byte buffer,
/// or struct.error with CPython's message for `name` (`verb`: "packing"/"unpacking").
fn checked_offset(
    vm: &mut Vm,
    name: &str,
    verb: &str,
    off: i64,
    len: usize,
    size: usize,
) -> PyResult<usize> {
    let (len, size) = (len as i64, size as i64);
    let off = if off < 0 {
        if off + len < 0 {
            return Err(struct_err(
                vm,
                format!("offset {} out of range for {}-byte buffer", off, len),
            ));
        }
        off + len
    } else {
        off
    };
    if len - off < size {
        return Err(struct_err(
            vm,
            format!(
                "{} requires a buffer of at least {} bytes for {} {} bytes at offset {} (actual buffer size is {})",
                name,
                size + off,
                verb,
                size,
                off,
                len
            ),
        ));
    }
    Ok(off as usize)
}

fn s_pack_into(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    check_kw(vm, "pack_into", kw, &[])?;
    if args.len() < 3 {
        return Err(vm.type_error(format!(
            "pack_into expected at least 3 arguments, got {}",
            args.len()
        )));
    }
    let f = need_fmt(vm, args, "pack_into", 3)?;
    let target = args[1].clone();
    let writable = match &target {
        Value::Obj(o) => match &**o {
            PyObject::ByteArray(_) => true,
            PyObject::Native(_) => crate::modarray::array_bytes(&target).is_some(),
            _ => false,
        },
        _ => false,
    };
    if !writable {
        let tn = vm.type_name(&target);
        return Err(vm.type_error(format!(
            "argument must be read-write bytes-like object, not {}",
            tn
        )));
    }
    let len = buffer_of(&target).map(|b| b.len()).unwrap_or(0);
    let off = vm.to_index(&args[2])?;
    let off = checked_offset(vm, "pack_into", "packing", off, len, f.size)?;
    let mut out = alloc::vec![0u8; f.size];
    pack_into_buf(vm, &f, &args[3..], &mut out, "pack_into")?;
    if let Value::Obj(o) = &target {
        match &**o {
            PyObject::ByteArray(b) => {
                let mut b = b.borrow_mut();
                if off + out.len() <= b.len() {
                    b[off..off + out.len()].copy_from_slice(&out);
                }
            }
            _ => crate::modarray::array_write(&target, off, &out),
        }
    }
    Ok(Value::None)
}

fn s_iter_unpack(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    check_kw(vm, "iter_unpack", kw, &[])?;
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "iter_unpack expected 2 arguments, got {}",
            args.len()
        )));
    }
    let f = need_fmt(vm, args, "iter_unpack", 2)?;
    let data = need_buffer(vm, &args[1])?;
    if f.size == 0 {
        return Err(struct_err(
            vm,
            "cannot iteratively unpack with a struct of length 0",
        ));
    }
    if data.len() % f.size != 0 {
        return Err(struct_err(
            vm,
            format!(
                "iterative unpacking requires a buffer of a multiple of {} bytes",
                f.size
            ),
        ));
    }
    let mut tuples = Vec::with_capacity(data.len() / f.size);
    for chunk in data.chunks(f.size) {
        let v = unpack_buf(vm, &f, chunk);
        tuples.push(vm.new_tuple(v));
    }
    let l = vm.new_list(tuples);
    vm.iter(&l)
}

// ----- the Struct class ------------------------------------------------------------------------

/// The state of a `struct.Struct`: its format (as a str) and packed size.
struct StructData {
    fmt: Value,
    size: usize,
}

fn st_data(vm: &mut Vm, v: &Value) -> PyResult<(Value, usize)> {
    if let Value::Obj(o) = v {
        if let PyObject::Native(n) = &**o {
            if let Some(d) = n.data.borrow().downcast_ref::<StructData>() {
                return Ok((d.fmt.clone(), d.size));
            }
        }
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!(
        "descriptor requires a '_struct.Struct' object but received a '{}'",
        tn
    )))
}

fn st_new(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    check_kw(vm, "Struct", kw, &["format"])?;
    let cls = match args.first() {
        Some(Value::Obj(o)) if matches!(&**o, PyObject::Type(_)) => o.clone(),
        _ => return Err(vm.type_error("Struct.__new__(X): X is not a type object")),
    };
    let f = match args
        .get(1)
        .or_else(|| crate::modbuiltins::kwarg(kw, "format"))
    {
        Some(f) if args.len() <= 2 => f.clone(),
        Some(_) => {
            return Err(vm.type_error(format!(
                "Struct() takes at most 1 argument ({} given)",
                args.len() - 1
            )))
        }
        None => return Err(vm.type_error("Struct() missing required argument 'format' (pos 1)")),
    };
    let s = fmt_arg(vm, &f)?;
    let parsed = parse_format(vm, &s)?;
    let data = StructData {
        fmt: Value::string(s),
        size: parsed.size,
    };
    Ok(Value::Obj(vm.alloc(PyObject::Native(
        crate::value::NativeObj {
            class: cls,
            data: core::cell::RefCell::new(alloc::boxed::Box::new(data)),
        },
    ))))
}

/// Call module function `f` with the Struct's format in place of `self`.
fn st_call(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)], f: NativeFn) -> PyResult {
    let Some(me) = args.first() else {
        return Err(vm.type_error("descriptor needs an argument"));
    };
    let (fmt, _) = st_data(vm, me)?;
    let mut a = Vec::with_capacity(args.len());
    a.push(fmt);
    a.extend_from_slice(&args[1..]);
    f(vm, &a, kw)
}

fn st_pack(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    st_call(vm, args, kw, s_pack)
}

fn st_pack_into(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    st_call(vm, args, kw, s_pack_into)
}

fn st_unpack(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "Struct.unpack() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        )));
    }
    st_call(vm, args, kw, s_unpack)
}

fn st_unpack_from(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    st_call(vm, args, kw, s_unpack_from)
}

fn st_iter_unpack(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "Struct.iter_unpack() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        )));
    }
    st_call(vm, args, kw, s_iter_unpack)
}

fn st_format(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let me = args.first().cloned().unwrap_or(Value::None);
    Ok(st_data(vm, &me)?.0)
}

fn st_size(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let me = args.first().cloned().unwrap_or(Value::None);
    Ok(Value::Int(st_data(vm, &me)?.1 as i64))
}

fn struct_class(vm: &mut Vm) -> Obj {
    let cls = crate::types::new_type(
        "Struct",
        alloc::vec![vm.types.object.clone()],
        crate::value::Layout::Other,
        false,
    );
    crate::types::set_attr(&cls, "__module__", Value::str("_struct"));
    crate::types::add_static_methods(&cls, &[("__new__", st_new)]);
    crate::types::add_methods(
        &cls,
        &[
            ("pack", st_pack),
            ("pack_into", st_pack_into),
            ("unpack", st_unpack),
            ("unpack_from", st_unpack_from),
            ("iter_unpack", st_iter_unpack),
        ],
    );
    let props: [(&'static str, NativeFn); 2] = [("format", st_format), ("size", st_size)];
    for (name, f) in props {
        let p = vm.alloc(PyObject::Property {
            fget: builtin_fn(name, f),
            fset: Value::None,
            fdel: Value::None,
            doc: Value::None,
        });
        crate::types::set_attr(&cls, name, Value::Obj(p));
    }
    cls
}

/// Create the `struct` module.
pub fn init_module(vm: &mut Vm) -> PyResult<Obj> {
    let m = vm.new_module("struct");
    module_fns(
        &m,
        &[
            ("calcsize", s_calcsize),
            ("pack", s_pack),
            ("unpack", s_unpack),
            ("unpack_from", s_unpack_from),
            ("pack_into", s_pack_into),
            ("iter_unpack", s_iter_unpack),
        ],
    );
    let base = vm.exc_type(ExcKind::Exception);
    new_exc_class(vm, &m, "struct", "error", base)?;
    let cls = struct_class(vm);
    module_set(&m, "Struct", Value::Obj(cls));
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_round_trip() {
        for &x in &[0.0, 1.0, -2.5, 65504.0, 6.1e-5, 5.96e-8, 0.1] {
            let h = f64_to_half(x).unwrap();
            let y = half_to_f64(h);
            assert!((x - y).abs() <= x.abs() * 1e-3 + 6e-8, "{} {}", x, y);
        }
        assert!(f64_to_half(65520.0).is_none());
        assert_eq!(f64_to_half(1.0), Some(0x3c00));
    }
}
