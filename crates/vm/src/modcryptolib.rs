//! The `cryptolib` module: MicroPython's AES cipher object, `aes(key, mode[, IV])`, with
//! 128- and 256-bit keys and the modes ECB (1), CBC (2) and CTR (6). `encrypt`/`decrypt` take a
//! buffer (a multiple of 16 bytes except in CTR mode) and either return the result as bytes or
//! write it into a second, writable buffer of the same size (which may be the input itself).
//! The block cipher is written from FIPS-197; the tables are computed at compile time.

use alloc::boxed::Box;
use alloc::vec::Vec;
use core::cell::RefCell;

use crate::exceptions::ExcKind;
use crate::modbuiltins::check_args;
use crate::modstruct::{module_set, need_buffer};
use crate::types;
use crate::value::{Layout, NativeObj, Obj, PyObject, Str, Value};
use crate::vm::Vm;
use crate::PyResult;

/// Multiply two elements of GF(2^8) modulo the AES polynomial.
const fn gmul(mut a: u8, mut b: u8) -> u8 {
    let mut p = 0u8;
    while b != 0 {
        if b & 1 != 0 {
            p ^= a;
        }
        let hi = a & 0x80;
        a <<= 1;
        if hi != 0 {
            a ^= 0x1b;
        }
        b >>= 1;
    }
    p
}

/// The S-box: the multiplicative inverse followed by the affine map.
const fn make_sbox() -> [u8; 256] {
    let mut s = [0u8; 256];
    let mut x = 0usize;
    while x < 256 {
        // x^254 is the inverse (0 maps to 0).
        let mut inv = 1u8;
        let mut i = 0;
        while i < 254 {
            inv = gmul(inv, x as u8);
            i += 1;
        }
        if x == 0 {
            inv = 0;
        }
        let b = inv;
        s[x] = b ^ b.rotate_left(1) ^ b.rotate_left(2) ^ b.rotate_left(3) ^ b.rotate_left(4) ^ 0x63;
        x += 1;
    }
    s
}

const fn invert(s: &[u8; 256]) -> [u8; 256] {
    let mut r = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        r[s[i] as usize] = i as u8;
        i += 1;
    }
    r
}

static SBOX: [u8; 256] = make_sbox();
static INV_SBOX: [u8; 256] = invert(&SBOX);

/// An expanded AES key.
#[derive(Clone)]
struct Aes {
    /// Round keys, 16 bytes each.
    rk: Vec<[u8; 16]>,
}

impl Aes {
    /// Expand a 16- or 32-byte key.
    fn new(key: &[u8]) -> Aes {
        let nk = key.len() / 4;
        let nr = nk + 6;
        let total = 4 * (nr + 1);
        let mut w: Vec<[u8; 4]> = Vec::with_capacity(total);
        for c in key.chunks_exact(4) {
            w.push([c[0], c[1], c[2], c[3]]);
        }
        let mut rcon = 1u8;
        for i in nk..total {
            let mut t = w[i - 1];
            if i % nk == 0 {
                t = [t[1], t[2], t[3], t[0]];
                for b in t.iter_mut() {
                    *b = SBOX[*b as usize];
                }
                t[0] ^= rcon;
                rcon = gmul(rcon, 2);
            } else if nk > 6 && i % nk == 4 {
                for b in t.iter_mut() {
                    *b = SBOX[*b as usize];
                }
            }
            let p = w[i - nk];
            w.push([p[0] ^ t[0], p[1] ^ t[1], p[2] ^ t[2], p[3] ^ t[3]]);
        }
        let rk = w
            .chunks_exact(4)
            .map(|c| {
                let mut k = [0u8; 16];
                for (j, word) in c.iter().enumerate() {
                    k[4 * j..4 * j + 4].copy_from_slice(word);
                }
                k
            })
            .collect();
        Aes { rk }
    }

    fn add(s: &mut [u8; 16], k: &[u8; 16]) {
        for (a, b) in s.iter_mut().zip(k.iter()) {
            *a ^= b;
        }
    }

    /// Encrypt one block in place.
    fn encrypt(&self, s: &mut [u8; 16]) {
        let nr = self.rk.len() - 1;
        Self::add(s, &self.rk[0]);
        for round in 1..=nr {
            for b in s.iter_mut() {
                *b = SBOX[*b as usize];
            }
            let o = *s;
            for c in 0..4 {
                for r in 0..4 {
                    s[r + 4 * c] = o[r + 4 * ((c + r) % 4)];
                }
            }
            if round != nr {
                for c in 0..4 {
                    let a = [s[4 * c], s[4 * c + 1], s[4 * c + 2], s[4 * c + 3]];
                    s[4 * c] = gmul(a[0], 2) ^ gmul(a[1], 3) ^ a[2] ^ a[3];
                    s[4 * c + 1] = a[0] ^ gmul(a[1], 2) ^ gmul(a[2], 3) ^ a[3];
                    s[4 * c + 2] = a[0] ^ a[1] ^ gmul(a[2], 2) ^ gmul(a[3], 3);
                    s[4 * c + 3] = gmul(a[0], 3) ^ a[1] ^ a[2] ^ gmul(a[3], 2);
                }
            }
            Self::add(s, &self.rk[round]);
        }
    }

    /// Decrypt one block in place.
    fn decrypt(&self, s: &mut [u8; 16]) {
        let nr = self.rk.len() - 1;
        Self::add(s, &self.rk[nr]);
        for round in (0..nr).rev() {
            let o = *s;
            for c in 0..4 {
                for r in 0..4 {
                    s[r + 4 * ((c + r) % 4)] = o[r + 4 * c];
                }
            }
            for b in s.iter_mut() {
                *b = INV_SBOX[*b as usize];
            }
            Self::add(s, &self.rk[round]);
            if round != 0 {
                for c in 0..4 {
                    let a = [s[4 * c], s[4 * c + 1], s[4 * c + 2], s[4 * c + 3]];
                    s[4 * c] = gmul(a[0], 14) ^ gmul(a[1], 11) ^ gmul(a[2], 13) ^ gmul(a[3], 9);
                    s[4 * c + 1] = gmul(a[0], 9) ^ gmul(a[1], 14) ^ gmul(a[2], 11) ^ gmul(a[3], 13);
                    s[4 * c + 2] = gmul(a[0], 13) ^ gmul(a[1], 9) ^ gmul(a[2], 14) ^ gmul(a[3], 11);
                    s[4 * c + 3] = gmul(a[0], 11) ^ gmul(a[1], 13) ^ gmul(a[2], 9) ^ gmul(a[3], 14);
                }
            }
        }
    }
}

const MODE_ECB: i64 = 1;
const MODE_CBC: i64 = 2;
const MODE_CTR: i64 = 6;

/// The state of one `aes` object.
struct Cipher {
    aes: Aes,
    mode: i64,
    /// CBC: the chaining block; CTR: the counter block.
    iv: [u8; 16],
    /// CTR: the current keystream block and how much of it is used.
    ks: [u8; 16],
    ks_used: usize,
    /// Which way the object has been used (1 encrypt, 2 decrypt); it cannot switch.
    dir: u8,
}

fn a_new(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "aes", args, 3, 4)?;
    let Value::Obj(cls) = &args[0] else {
        return Err(vm.type_error("aes.__new__(X): X is not a type object"));
    };
    let cls = cls.clone();
    let key = need_buffer(vm, &args[1])?;
    if key.len() != 16 && key.len() != 32 {
        return Err(vm.value_error("key"));
    }
    let mode = vm.to_index(&args[2])?;
    if mode != MODE_ECB && mode != MODE_CBC && mode != MODE_CTR {
        return Err(vm.value_error("mode"));
    }
    let mut iv = [0u8; 16];
    if let Some(v) = args.get(3) {
        let b = need_buffer(vm, v)?;
        if b.len() != 16 {
            return Err(vm.value_error("IV"));
        }
        iv.copy_from_slice(&b);
    } else if mode != MODE_ECB {
        return Err(vm.value_error("IV"));
    }
    let c = Cipher {
        aes: Aes::new(&key),
        mode,
        iv,
        ks: [0; 16],
        ks_used: 16,
        dir: 0,
    };
    Ok(Value::Obj(vm.alloc(PyObject::Native(NativeObj {
        class: cls,
        data: RefCell::new(Box::new(c)),
    }))))
}

/// Run the cipher over `data` in direction `dir` (1 encrypt, 2 decrypt).
fn process(vm: &mut Vm, me: &Value, data: &mut [u8], dir: u8) -> PyResult<()> {
    let Value::Obj(o) = me else {
        return Err(vm.type_error("aes object expected"));
    };
    let PyObject::Native(n) = &**o else {
        return Err(vm.type_error("aes object expected"));
    };
    let Ok(mut d) = n.data.try_borrow_mut() else {
        return Err(vm.type_error("aes object expected"));
    };
    let Some(c) = d.downcast_mut::<Cipher>() else {
        return Err(vm.type_error("aes object expected"));
    };
    if c.mode != MODE_CTR && !data.len().is_multiple_of(16) {
        return Err(vm.value_error("blksize % 16"));
    }
    // CTR mode is the same both ways, so only the block modes are tied to one direction.
    if c.mode != MODE_CTR {
        if c.dir != 0 && c.dir != dir {
            return Err(vm.err(ExcKind::OSError, "can't encrypt & decrypt"));
        }
        c.dir = dir;
    }
    match c.mode {
        MODE_CTR => {
            for b in data.iter_mut() {
                if c.ks_used == 16 {
                    c.ks = c.iv;
                    c.aes.encrypt(&mut c.ks);
                    c.ks_used = 0;
                    for x in c.iv.iter_mut().rev() {
                        *x = x.wrapping_add(1);
                        if *x != 0 {
                            break;
                        }
                    }
                }
                *b ^= c.ks[c.ks_used];
                c.ks_used += 1;
            }
        }
        mode => {
            for chunk in data.chunks_exact_mut(16) {
                let mut blk = [0u8; 16];
                blk.copy_from_slice(chunk);
                if dir == 1 {
                    if mode == MODE_CBC {
                        Aes::add(&mut blk, &c.iv);
                    }
                    c.aes.encrypt(&mut blk);
                    if mode == MODE_CBC {
                        c.iv = blk;
                    }
                } else {
                    let ct = blk;
                    c.aes.decrypt(&mut blk);
                    if mode == MODE_CBC {
                        Aes::add(&mut blk, &c.iv);
                        c.iv = ct;
                    }
                }
                chunk.copy_from_slice(&blk);
            }
        }
    }
    Ok(())
}

fn crypt(vm: &mut Vm, args: &[Value], name: &str, dir: u8) -> PyResult {
    check_args(vm, name, args, 2, 3)?;
    let mut data = need_buffer(vm, &args[1])?;
    let out = match args.get(2) {
        None | Some(Value::None) => None,
        Some(v) => match crate::objmemoryview::writable_bytes(v) {
            Some((obj, start, len)) => {
                if len != data.len() {
                    return Err(vm.value_error("output buffer must be the same size as input"));
                }
                Some((obj, start, len))
            }
            None => return Err(vm.type_error("object with buffer protocol required")),
        },
    };
    process(vm, &args[0], &mut data, dir)?;
    match out {
        None => Ok(Value::bytes_vec(data)),
        Some((obj, start, len)) => {
            if let PyObject::ByteArray(b) = &*obj {
                if let Ok(mut b) = b.try_borrow_mut() {
                    if let Some(dst) = b.get_mut(start..start + len) {
                        dst.copy_from_slice(&data);
                    }
                }
            }
            Ok(Value::None)
        }
    }
}

fn a_encrypt(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    crypt(vm, args, "encrypt", 1)
}

fn a_decrypt(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    crypt(vm, args, "decrypt", 2)
}

/// Build the `cryptolib` module.
pub fn init_module(vm: &mut Vm) -> PyResult<Obj> {
    let m = vm.new_module("cryptolib");
    let cls = types::new_type(
        "aes",
        alloc::vec![vm.types.object.clone()],
        Layout::Other,
        false,
    );
    types::add_static_methods(&cls, &[("__new__", a_new)]);
    types::add_methods(&cls, &[("encrypt", a_encrypt), ("decrypt", a_decrypt)]);
    types::set_attr(&cls, "__module__", Value::str("cryptolib"));
    module_set(&m, "aes", Value::Obj(cls));
    module_set(&m, "MODE_ECB", Value::Int(MODE_ECB));
    module_set(&m, "MODE_CBC", Value::Int(MODE_CBC));
    module_set(&m, "MODE_CTR", Value::Int(MODE_CTR));
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(b: &[u8]) -> alloc::string::String {
        b.iter().map(|x| alloc::format!("{:02x}", x)).collect()
    }

    /// FIPS-197 appendix C example vectors.
    #[test]
    fn fips197_vectors() {
        let pt: [u8; 16] = core::array::from_fn(|i| (i as u8) * 0x11);
        let k128: Vec<u8> = (0u8..16).collect();
        let k256: Vec<u8> = (0u8..32).collect();
        for (key, ct) in [
            (&k128, "69c4e0d86a7b0430d8cdb78070b4c55a"),
            (&k256, "8ea2b7ca516745bfeafc49904b496089"),
        ] {
            let a = Aes::new(key);
            let mut s = pt;
            a.encrypt(&mut s);
            assert_eq!(hex(&s), ct);
            a.decrypt(&mut s);
            assert_eq!(s, pt);
        }
    }
}
