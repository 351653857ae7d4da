//! The `hashlib` module: sha256, sha1 and md5, written out here (no dependency).

use alloc::boxed::Box;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::RefCell;

use crate::modbuiltins::{builtin_fn, check_kw, kwarg};
use crate::modstruct::{buffer_of, module_set};
use crate::types;
use crate::value::{Layout, NativeFn, NativeObj, Obj, PyObject, Str, Value};
use crate::vm::Vm;
use crate::PyResult;

/// Which algorithm a hasher runs.
#[derive(Clone, Copy, PartialEq)]
pub enum Algo {
    /// SHA-256.
    Sha256,
    /// SHA-1.
    Sha1,
    /// MD5.
    Md5,
}

/// A running hash: chaining state, pending partial block, total length.
#[derive(Clone)]
pub struct Hasher {
    algo: Algo,
    h: [u32; 8],
    buf: [u8; 64],
    nbuf: usize,
    len: u64,
}

const K256: [u32; 64] = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];

const MD5_S: [u32; 64] = [
    7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9,
    14, 20, 5, 9, 14, 20, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15,
    21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
];

const MD5_K: [u32; 64] = [
    0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
    0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
    0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
    0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
    0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
    0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
    0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
    0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
];

impl Hasher {
    /// A fresh hasher.
    pub fn new(algo: Algo) -> Hasher {
        let h = match algo {
            Algo::Sha256 => [
                0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
                0x5be0cd19,
            ],
            Algo::Sha1 => [
                0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0, 0, 0, 0,
            ],
            Algo::Md5 => [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0, 0, 0, 0],
        };
        Hasher {
            algo,
            h,
            buf: [0; 64],
            nbuf: 0,
            len: 0,
        }
    }

    fn name(&self) -> &'static str {
        match self.algo {
            Algo::Sha256 => "sha256",
            Algo::Sha1 => "sha1",
            Algo::Md5 => "md5",
        }
    }

    fn digest_size(&self) -> usize {
        match self.algo {
            Algo::Sha256 => 32,
            Algo::Sha1 => 20,
            Algo::Md5 => 16,
        }
    }

    fn block(&mut self, b: &[u8; 64]) {
        match self.algo {
            Algo::Sha256 => sha256_block(&mut self.h, b),
            Algo::Sha1 => sha1_block(&mut self.h, b),
            Algo::Md5 => md5_block(&mut self.h, b),
        }
    }

    /// Feed bytes.
    pub fn update(&mut self, mut data: &[u8]) {
        self.len = self.len.wrapping_add(data.len() as u64);
        if self.nbuf > 0 {
            let take = (64 - self.nbuf).min(data.len());
            self.buf[self.nbuf..self.nbuf + take].copy_from_slice(&data[..take]);
            self.nbuf += take;
            data = &data[take..];
            if self.nbuf < 64 {
                return;
            }
            let b = self.buf;
            self.block(&b);
            self.nbuf = 0;
        }
        let mut chunks = data.chunks_exact(64);
        for c in &mut chunks {
            let mut b = [0u8; 64];
            b.copy_from_slice(c);
            self.block(&b);
        }
        let rest = chunks.remainder();
        self.buf[..rest.len()].copy_from_slice(rest);
        self.nbuf = rest.len();
    }

    /// The digest (the hasher is left unchanged).
    pub fn finish(&self) -> Vec<u8> {
        let mut h = self.clone();
        let bits = self.len.wrapping_mul(8);
        let mut pad = [0u8; 72];
        pad[0] = 0x80;
        let padlen = if self.nbuf < 56 {
            56 - self.nbuf
        } else {
            120 - self.nbuf
        };
        let lenb = if self.algo == Algo::Md5 {
            bits.to_le_bytes()
        } else {
            bits.to_be_bytes()
        };
        pad[padlen..padlen + 8].copy_from_slice(&lenb);
        let saved = h.len;
        h.update(&pad[..padlen + 8]);
        h.len = saved;
        let n = self.digest_size() / 4;
        let mut out = Vec::with_capacity(n * 4);
        for w in &h.h[..n] {
            if self.algo == Algo::Md5 {
                out.extend_from_slice(&w.to_le_bytes());
            } else {
                out.extend_from_slice(&w.to_be_bytes());
            }
        }
        out
    }
}

fn sha256_block(h: &mut [u32; 8], b: &[u8; 64]) {
    let mut w = [0u32; 64];
    for i in 0..16 {
        w[i] = u32::from_be_bytes([b[4 * i], b[4 * i + 1], b[4 * i + 2], b[4 * i + 3]]);
    }
    for i in 16..64 {
        let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
        let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16]
            .wrapping_add(s0)
            .wrapping_add(w[i - 7])
            .wrapping_add(s1);
    }
    let [mut a, mut bb, mut c, mut d, mut e, mut f, mut g, mut hh] = *h;
    for i in 0..64 {
        let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
        let ch = (e & f) ^ (!e & g);
        let t1 = hh
            .wrapping_add(s1)
            .wrapping_add(ch)
            .wrapping_add(K256[i])
            .wrapping_add(w[i]);
        let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
        let maj = (a & bb) ^ (a & c) ^ (bb & c);
        let t2 = s0.wrapping_add(maj);
        hh = g;
        g = f;
        f = e;
        e = d.wrapping_add(t1);
        d = c;
        c = bb;
        bb = a;
        a = t1.wrapping_add(t2);
    }
    for (x, y) in h.iter_mut().zip([a, bb, c, d, e, f, g, hh]) {
        *x = x.wrapping_add(y);
    }
}

fn sha1_block(h: &mut [u32; 8], b: &[u8; 64]) {
    let mut w = [0u32; 80];
    for i in 0..16 {
        w[i] = u32::from_be_bytes([b[4 * i], b[4 * i + 1], b[4 * i + 2], b[4 * i + 3]]);
    }
    for i in 16..80 {
        w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotate_left(1);
    }
    let (mut a, mut bb, mut c, mut d, mut e) = (h[0], h[1], h[2], h[3], h[4]);
    for (i, wi) in w.iter().enumerate() {
        let (f, k) = match i {
            0..=19 => ((bb & c) | (!bb & d), 0x5A827999),
            20..=39 => (bb ^ c ^ d, 0x6ED9EBA1),
            40..=59 => ((bb & c) | (bb & d) | (c & d), 0x8F1BBCDC),
            _ => (bb ^ c ^ d, 0xCA62C1D6u32),
        };
        let t = a
            .rotate_left(5)
            .wrapping_add(f)
            .wrapping_add(e)
            .wrapping_add(k)
            .wrapping_add(*wi);
        e = d;
        d = c;
        c = bb.rotate_left(30);
        bb = a;
        a = t;
    }
    h[0] = h[0].wrapping_add(a);
    h[1] = h[1].wrapping_add(bb);
    h[2] = h[2].wrapping_add(c);
    h[3] = h[3].wrapping_add(d);
    h[4] = h[4].wrapping_add(e);
}

fn md5_block(h: &mut [u32; 8], b: &[u8; 64]) {
    let mut m = [0u32; 16];
    for i in 0..16 {
        m[i] = u32::from_le_bytes([b[4 * i], b[4 * i + 1], b[4 * i + 2], b[4 * i + 3]]);
    }
    let (mut a, mut bb, mut c, mut d) = (h[0], h[1], h[2], h[3]);
    for i in 0..64 {
        let (f, g) = match i {
            0..=15 => ((bb & c) | (!bb & d), i),
            16..=31 => ((d & bb) | (!d & c), (5 * i + 1) % 16),
            32..=47 => (bb ^ c ^ d, (3 * i + 5) % 16),
            _ => (c ^ (bb | !d), (7 * i) % 16),
        };
        let f = f.wrapping_add(a).wrapping_add(MD5_K[i]).wrapping_add(m[g]);
        a = d;
        d = c;
        c = bb;
        bb = bb.wrapping_add(f.rotate_left(MD5_S[i]));
    }
    h[0] = h[0].wrapping_add(a);
    h[1] = h[1].wrapping_add(bb);
    h[2] = h[2].wrapping_add(c);
    h[3] = h[3].wrapping_add(d);
}

// ----- Python objects ------------------------------------------------------------------------

fn hash_data(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Value::Str(_) = v {
        return Err(vm.type_error("Strings must be encoded before hashing"));
    }
    match buffer_of(v) {
        Some(b) => Ok(b),
        None => Err(vm.type_error("object supporting the buffer API required")),
    }
}

fn with_hasher<R>(v: &Value, f: impl FnOnce(&mut Hasher) -> R) -> Option<R> {
    if let Value::Obj(o) = v {
        if let PyObject::Native(n) = &**o {
            if let Ok(mut d) = n.data.try_borrow_mut() {
                if let Some(h) = d.downcast_mut::<Hasher>() {
                    return Some(f(h));
                }
            }
        }
    }
    None
}

fn this(vm: &mut Vm, args: &[Value]) -> PyResult<Hasher> {
    match args.first().and_then(|a| with_hasher(a, |h| h.clone())) {
        Some(h) => Ok(h),
        None => Err(vm.type_error("descriptor requires a hash object")),
    }
}

fn h_update(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    this(vm, args)?;
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "update() takes exactly one argument ({} given)",
            args.len() - 1
        )));
    }
    let data = hash_data(vm, &args[1])?;
    with_hasher(&args[0], |h| h.update(&data));
    Ok(Value::None)
}

fn h_digest(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let h = this(vm, args)?;
    Ok(Value::bytes_vec(h.finish()))
}

fn h_hexdigest(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let h = this(vm, args)?;
    let mut s = String::with_capacity(64);
    for b in h.finish() {
        s.push_str(&format!("{:02x}", b));
    }
    Ok(Value::string(s))
}

fn h_copy(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let h = this(vm, args)?;
    let cls = match &args[0] {
        Value::Obj(o) => match &**o {
            PyObject::Native(n) => n.class.clone(),
            _ => vm.types.object.clone(),
        },
        _ => vm.types.object.clone(),
    };
    Ok(new_hash(vm, &cls, h))
}

fn h_name(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    Ok(Value::str(this(vm, args)?.name()))
}

fn h_digest_size(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    Ok(Value::Int(this(vm, args)?.digest_size() as i64))
}

fn h_block_size(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    this(vm, args)?;
    Ok(Value::Int(64))
}

fn h_repr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let h = this(vm, args)?;
    Ok(Value::string(format!(
        "<{} _hashlib.HASH object @ {:#x}>",
        h.name(),
        args[0].id()
    )))
}

fn new_hash(vm: &mut Vm, cls: &Obj, h: Hasher) -> Value {
    Value::Obj(vm.alloc(PyObject::Native(NativeObj {
        class: cls.clone(),
        data: RefCell::new(Box::new(h)),
    })))
}

fn hash_class(vm: &mut Vm) -> PyResult<Obj> {
    let m = vm.sys_module("hashlib");
    let cls = match m {
        Some(m) => vm.getattr_opt(&m, "_HASH")?,
        None => None,
    };
    match cls {
        Some(Value::Obj(c)) if matches!(&*c, PyObject::Type(_)) => Ok(c),
        _ => Err(vm.type_error("hashlib is not initialised")),
    }
}

fn construct(
    vm: &mut Vm,
    algo: Algo,
    fname: &str,
    args: &[Value],
    kw: &[(Str, Value)],
) -> PyResult {
    check_kw(vm, fname, kw, &["data", "string", "usedforsecurity"])?;
    if args.len() > 1 {
        return Err(vm.type_error(format!(
            "{}() takes at most 1 positional argument ({} given)",
            fname,
            args.len()
        )));
    }
    let mut h = Hasher::new(algo);
    if let Some(d) = args
        .first()
        .or_else(|| kwarg(kw, "data"))
        .or_else(|| kwarg(kw, "string"))
    {
        let data = hash_data(vm, &d.clone())?;
        h.update(&data);
    }
    let cls = hash_class(vm)?;
    Ok(new_hash(vm, &cls, h))
}

fn f_sha256(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    construct(vm, Algo::Sha256, "openssl_sha256", args, kw)
}

fn f_sha1(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    construct(vm, Algo::Sha1, "openssl_sha1", args, kw)
}

fn f_md5(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    construct(vm, Algo::Md5, "openssl_md5", args, kw)
}

fn f_new(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    let name = match args.first().or_else(|| kwarg(kw, "name")) {
        Some(Value::Str(s)) => s.as_str().to_ascii_lowercase(),
        Some(_) => return Err(vm.type_error("new() argument 'name' must be str")),
        None => return Err(vm.type_error("new() missing required argument 'name' (pos 1)")),
    };
    let algo = match name.as_str() {
        "sha256" => Algo::Sha256,
        "sha1" => Algo::Sha1,
        "md5" => Algo::Md5,
        _ => return Err(vm.value_error(format!("unsupported hash type {}", name))),
    };
    let rest: Vec<(Str, Value)> = kw
        .iter()
        .filter(|(k, _)| k.as_str() != "name")
        .cloned()
        .collect();
    let a = if args.is_empty() { &[][..] } else { &args[1..] };
    construct(vm, algo, "new", a, &rest)
}

/// Create the `hashlib` module.
pub fn init_module(vm: &mut Vm) -> PyResult<Obj> {
    let m = vm.new_module("hashlib");
    let cls = types::new_type(
        "HASH",
        alloc::vec![vm.types.object.clone()],
        Layout::Other,
        false,
    );
    types::set_attr(&cls, "__module__", Value::str("_hashlib"));
    types::add_methods(
        &cls,
        &[
            ("update", h_update),
            ("digest", h_digest),
            ("hexdigest", h_hexdigest),
            ("copy", h_copy),
            ("__repr__", h_repr),
        ],
    );
    let props: [(&'static str, NativeFn); 3] = [
        ("name", h_name),
        ("digest_size", h_digest_size),
        ("block_size", h_block_size),
    ];
    for (name, f) in props {
        let p = vm.alloc(PyObject::Property {
            fget: builtin_fn(name, f),
            fset: Value::None,
            fdel: Value::None,
            doc: Value::None,
        });
        types::set_attr(&cls, name, Value::Obj(p));
    }
    module_set(&m, "_HASH", Value::Obj(cls));
    crate::modstruct::module_fns(
        &m,
        &[
            ("sha256", f_sha256),
            ("sha1", f_sha1),
            ("md5", f_md5),
            ("new", f_new),
        ],
    );
    let names: Vec<Value> = ["md5", "sha1", "sha256"]
        .iter()
        .map(|s| Value::str(s))
        .collect();
    let t = vm.new_tuple(names);
    module_set(&m, "algorithms_guaranteed", t.clone());
    module_set(&m, "algorithms_available", t);
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(a: Algo, d: &[u8]) -> String {
        let mut h = Hasher::new(a);
        h.update(d);
        h.finish().iter().map(|b| format!("{:02x}", b)).collect()
    }

    #[test]
    fn vectors() {
        assert_eq!(
            hex(Algo::Sha256, b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            hex(Algo::Sha1, b"abc"),
            "a9993e364706816aba3e25717850c26c9cd0d89d"
        );
        assert_eq!(hex(Algo::Md5, b""), "d41d8cd98f00b204e9800998ecf8427e");
    }
}
