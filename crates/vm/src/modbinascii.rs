//! The `binascii` module: hex and base64 conversions and CRC-32, with CPython's rules and
//! `binascii.Error` (a ValueError subclass).

use alloc::format;
use alloc::vec::Vec;

use crate::exceptions::ExcKind;
use crate::modbuiltins::{check_kw, kwarg};
use crate::modstruct::{buffer_of, module_exc, module_fns, new_exc_class};
use crate::value::{Obj, Str, Value};
use crate::vm::Vm;
use crate::{PyErr, PyResult};

fn ba_err(vm: &mut Vm, msg: &str) -> PyErr {
    module_exc(
        vm,
        "binascii",
        "Error",
        ExcKind::ValueError,
        alloc::vec![Value::str(msg)],
    )
}

/// Bytes of a bytes-like argument.
fn data_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    match buffer_of(v) {
        Some(b) => Ok(b),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("a bytes-like object is required, not '{}'", tn)))
        }
    }
}

/// Bytes of an argument that may also be an ASCII str (the a2b_* functions).
fn ascii_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Value::Str(s) = v {
        if !s.is_ascii() {
            return Err(vm.value_error("string argument should contain only ASCII characters"));
        }
        return Ok(s.as_str().as_bytes().to_vec());
    }
    match buffer_of(v) {
        Some(b) => Ok(b),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!(
                "argument should be bytes, buffer or ASCII string, not '{}'",
                tn
            )))
        }
    }
}

const HEX: &[u8; 16] = b"0123456789abcdef";

fn hexlify(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    check_kw(vm, "hexlify", kw, &["data", "sep", "bytes_per_sep"])?;
    let data = match args.first().or_else(|| kwarg(kw, "data")) {
        Some(d) => data_arg(vm, &d.clone())?,
        None => return Err(vm.type_error("hexlify() missing required argument 'data' (pos 1)")),
    };
    let sep = args.get(1).or_else(|| kwarg(kw, "sep")).cloned();
    let per = match args.get(2).or_else(|| kwarg(kw, "bytes_per_sep")) {
        Some(v) => vm.to_index(&v.clone())?,
        None => 1,
    };
    let sep: Option<u8> = match sep {
        None | Some(Value::None) => None,
        Some(s) => {
            let b = match &s {
                Value::Str(st) => st.as_str().as_bytes().to_vec(),
                _ => data_arg(vm, &s)?,
            };
            if b.len() != 1 {
                return Err(vm.value_error("sep must be length 1."));
            }
            if !b[0].is_ascii() {
                return Err(vm.value_error("sep must be ASCII."));
            }
            Some(b[0])
        }
    };
    let mut out = Vec::with_capacity(data.len() * 3);
    let n = data.len();
    let group = per.unsigned_abs() as usize;
    for (i, &b) in data.iter().enumerate() {
        if let (Some(s), true) = (sep, i > 0 && group > 0) {
            let boundary = if per > 0 {
                (n - i) % group == 0
            } else {
                i % group == 0
            };
            if boundary {
                out.push(s);
            }
        }
        out.push(HEX[(b >> 4) as usize]);
        out.push(HEX[(b & 15) as usize]);
    }
    Ok(Value::bytes_vec(out))
}

fn unhexlify(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    check_kw(vm, "unhexlify", kw, &["hexstr"])?;
    let data = match args.first().or_else(|| kwarg(kw, "hexstr")) {
        Some(d) => ascii_arg(vm, &d.clone())?,
        None => return Err(vm.type_error("unhexlify() missing required argument 'hexstr' (pos 1)")),
    };
    if data.len() % 2 != 0 {
        return Err(ba_err(vm, "Odd-length string"));
    }
    let mut out = Vec::with_capacity(data.len() / 2);
    for pair in data.chunks_exact(2) {
        let hi = (pair[0] as char).to_digit(16);
        let lo = (pair[1] as char).to_digit(16);
        match (hi, lo) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            _ => return Err(ba_err(vm, "Non-hexadecimal digit found")),
        }
    }
    Ok(Value::bytes_vec(out))
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn b64_val(c: u8) -> Option<u8> {
    Some(match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => return None,
    })
}

fn b2a_base64(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    check_kw(vm, "b2a_base64", kw, &["newline"])?;
    if args.len() != 1 {
        return Err(vm.type_error(format!(
            "b2a_base64() takes exactly 1 positional argument ({} given)",
            args.len()
        )));
    }
    let data = data_arg(vm, &args[0])?;
    let newline = match kwarg(kw, "newline") {
        Some(v) => vm.truthy(&v.clone())?,
        None => true,
    };
    let mut out = Vec::with_capacity(data.len().div_ceil(3) * 4 + 1);
    for ch in data.chunks(3) {
        let b0 = ch[0] as u32;
        let b1 = ch.get(1).copied().unwrap_or(0) as u32;
        let b2 = ch.get(2).copied().unwrap_or(0) as u32;
        let n = (b0 << 16) | (b1 << 8) | b2;
        out.push(B64[(n >> 18) as usize & 63]);
        out.push(B64[(n >> 12) as usize & 63]);
        out.push(if ch.len() > 1 {
            B64[(n >> 6) as usize & 63]
        } else {
            b'='
        });
        out.push(if ch.len() > 2 {
            B64[n as usize & 63]
        } else {
            b'='
        });
    }
    if newline {
        out.push(b'\n');
    }
    Ok(Value::bytes_vec(out))
}

fn a2b_base64(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    check_kw(vm, "a2b_base64", kw, &["strict_mode"])?;
    if args.len() != 1 {
        return Err(vm.type_error(format!(
            "a2b_base64() takes exactly 1 positional argument ({} given)",
            args.len()
        )));
    }
    let data = ascii_arg(vm, &args[0])?;
    let strict = match kwarg(kw, "strict_mode") {
        Some(v) => vm.truthy(&v.clone())?,
        None => false,
    };
    let mut out = Vec::with_capacity(data.len() / 4 * 3);
    let (mut quad, mut left, mut pads) = (0u8, 0u8, 0usize);
    let mut padding_started = false;
    let mut done = false;
    for (i, &c) in data.iter().enumerate() {
        if c == b'=' {
            padding_started = true;
            if strict && quad == 0 {
                return Err(ba_err(vm, "Excess padding not allowed"));
            }
            if quad >= 2 {
                pads += 1;
                if quad as usize + pads >= 4 {
                    if strict && i + 1 < data.len() {
                        return Err(ba_err(vm, "Excess data after padding"));
                    }
                    done = true;
                    break;
                }
            }
            continue;
        }
        let Some(v) = b64_val(c) else {
            if strict {
                return Err(ba_err(vm, "Only base64 data is allowed"));
            }
            continue;
        };
        if strict && padding_started {
            return Err(ba_err(vm, "Discontinuous padding not allowed"));
        }
        pads = 0;
        match quad {
            0 => {
                quad = 1;
                left = v;
            }
            1 => {
                quad = 2;
                out.push((left << 2) | (v >> 4));
                left = v & 0x0f;
            }
            2 => {
                quad = 3;
                out.push((left << 4) | (v >> 2));
                left = v & 0x03;
            }
            _ => {
                quad = 0;
                out.push((left << 6) | v);
                left = 0;
            }
        }
    }
    if !done && quad != 0 {
        if quad == 1 {
            let n = out.len() / 3 * 4 + 1;
            return Err(ba_err(
                vm,
                &format!(
                    "Invalid base64-encoded string: number of data characters ({}) cannot be 1 more than a multiple of 4",
                    n
                ),
            ));
        }
        return Err(ba_err(vm, "Incorrect padding"));
    }
    Ok(Value::bytes_vec(out))
}

const fn crc_table() -> [u32; 256] {
    let mut t = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        t[i] = c;
        i += 1;
    }
    t
}

static CRC_TABLE: [u32; 256] = crc_table();

/// CRC-32 (zlib's) of `data` continuing from `start`.
pub fn crc32_update(start: u32, data: &[u8]) -> u32 {
    let mut c = !start;
    for &b in data {
        c = CRC_TABLE[((c ^ b as u32) & 0xff) as usize] ^ (c >> 8);
    }
    !c
}

fn crc32(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    check_kw(vm, "crc32", kw, &[])?;
    if args.is_empty() || args.len() > 2 {
        return Err(vm.type_error(format!(
            "crc32 expected at least 1 argument, got {}",
            args.len()
        )));
    }
    let data = data_arg(vm, &args[0])?;
    let start = match args.get(1) {
        Some(v) => {
            let n = crate::objint::to_bigint(v);
            match n {
                Some(n) => {
                    let m: num_bigint::BigInt = n & num_bigint::BigInt::from(0xffff_ffffu32);
                    num_traits::ToPrimitive::to_u32(&m).unwrap_or(0)
                }
                None => {
                    let tn = vm.type_name(v);
                    return Err(vm.type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        tn
                    )));
                }
            }
        }
        None => 0,
    };
    Ok(Value::Int(crc32_update(start, &data) as i64))
}

/// Create the `binascii` module.
pub fn init_module(vm: &mut Vm) -> PyResult<Obj> {
    let m = vm.new_module("binascii");
    module_fns(
        &m,
        &[
            ("hexlify", hexlify),
            ("b2a_hex", hexlify),
            ("unhexlify", unhexlify),
            ("a2b_hex", unhexlify),
            ("b2a_base64", b2a_base64),
            ("a2b_base64", a2b_base64),
            ("crc32", crc32),
        ],
    );
    let base = vm.exc_type(ExcKind::ValueError);
    new_exc_class(vm, &m, "binascii", "Error", base)?;
    let base = vm.exc_type(ExcKind::Exception);
    new_exc_class(vm, &m, "binascii", "Incomplete", base)?;
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc_vectors() {
        assert_eq!(crc32_update(0, b"123456789"), 0xCBF4_3926);
        assert_eq!(
            crc32_update(crc32_update(0, b"1234"), b"56789"),
            0xCBF4_3926
        );
    }
}
