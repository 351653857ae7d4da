//! The `deflate` module: MicroPython's `DeflateIO` stream wrapper, hand-written with no
//! dependency. Reading inflates raw, zlib or gzip streams (stored, fixed and dynamic Huffman
//! blocks; zlib's Adler-32 and gzip's CRC-32 and length are checked, gzip header flags honoured)
//! with a history window of `2**wbits` bytes; writing compresses with LZ77 (hash chains) and the
//! fixed Huffman code. Corrupt input raises `OSError(EINVAL)` as in MicroPython.

use alloc::boxed::Box;
use alloc::vec::Vec;
use core::cell::RefCell;

use crate::modbinascii::crc32_update;
use crate::modstruct::{module_set, need_buffer};
use crate::types;
use crate::value::{Layout, NativeObj, Obj, PyObject, Str};
use crate::vm::Vm;
use crate::{PyErr, PyResult, Value};

/// Format constants (MicroPython's values).
const AUTO: i64 = 0;
const RAW: i64 = 1;
const ZLIB: i64 = 2;
const GZIP: i64 = 3;

const EINVAL: i32 = 22;

fn corrupt(vm: &mut Vm) -> PyErr {
    crate::vfs::os_error(vm, EINVAL, None)
}

// ----- checksums -------------------------------------------------------------------------------

/// Adler-32 of `data` continuing from `a`.
pub fn adler32_update(a: u32, data: &[u8]) -> u32 {
    let (mut s1, mut s2) = (a & 0xffff, a >> 16);
    for chunk in data.chunks(5552) {
        for &b in chunk {
            s1 += b as u32;
            s2 += s1;
        }
        s1 %= 65521;
        s2 %= 65521;
    }
    (s2 << 16) | s1
}

// ----- tables ----------------------------------------------------------------------------------

const LEN_BASE: [u16; 29] = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
    163, 195, 227, 258,
];
const LEN_EXTRA: [u8; 29] = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
];
const DIST_BASE: [u16; 30] = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
    2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
];
const DIST_EXTRA: [u8; 30] = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13,
    13,
];
const CL_ORDER: [usize; 19] = [
    16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
];

/// A canonical Huffman code: number of codes of each length and the symbols in code order.
struct Huff {
    count: [u16; 16],
    sym: Vec<u16>,
}

impl Huff {
    /// Build from code lengths; None when the lengths over-subscribe the code space.
    fn new(lengths: &[u8]) -> Option<Huff> {
        let mut count = [0u16; 16];
        for &l in lengths {
            count[l as usize & 15] += 1;
        }
        count[0] = 0;
        let mut left: i32 = 1;
        for &c in &count[1..] {
            left = (left << 1) - c as i32;
            if left < 0 {
                return None;
            }
        }
        let mut offs = [0u16; 16];
        for l in 1..15 {
            offs[l + 1] = offs[l] + count[l];
        }
        let mut sym = alloc::vec![0u16; lengths.len()];
        for (s, &l) in lengths.iter().enumerate() {
            if l != 0 {
                let o = &mut offs[l as usize & 15];
                if let Some(slot) = sym.get_mut(*o as usize) {
                    *slot = s as u16;
                }
                *o += 1;
            }
        }
        Some(Huff { count, sym })
    }

    fn fixed() -> (Huff, Huff) {
        let mut l = [0u8; 288];
        for (i, v) in l.iter_mut().enumerate() {
            *v = match i {
                0..=143 => 8,
                144..=255 => 9,
                256..=279 => 7,
                _ => 8,
            };
        }
        let lit = Huff::new(&l).unwrap_or(Huff {
            count: [0; 16],
            sym: Vec::new(),
        });
        let dist = Huff::new(&[5u8; 30]).unwrap_or(Huff {
            count: [0; 16],
            sym: Vec::new(),
        });
        (lit, dist)
    }
}

// ----- decompression ---------------------------------------------------------------------------

enum Block {
    /// Between blocks (or before the first one).
    Next,
    /// A stored block with this many bytes left.
    Stored(usize),
    /// A Huffman block.
    Huff(Box<(Huff, Huff)>),
    /// The final block has ended and the trailer was checked.
    Done,
}

/// The inflater: input buffer, bit reader, history window and unread output.
struct Inflater {
    format: i64,
    wbits: u32,
    window: usize,
    started: bool,
    inbuf: Vec<u8>,
    inpos: usize,
    bitbuf: u64,
    nbits: u32,
    block: Block,
    last: bool,
    hist: Vec<u8>,
    out: Vec<u8>,
    check: u32,
    total: u32,
}

impl Inflater {
    fn new(format: i64, wbits: u32) -> Inflater {
        Inflater {
            format,
            wbits,
            window: 0,
            started: false,
            inbuf: Vec::new(),
            inpos: 0,
            bitbuf: 0,
            nbits: 0,
            block: Block::Next,
            last: false,
            hist: Vec::new(),
            out: Vec::new(),
            check: 0,
            total: 0,
        }
    }

    /// The next input byte, reading more from the stream when the buffer is empty.
    fn byte(&mut self, vm: &mut Vm, stream: &Value) -> PyResult<u8> {
        if self.inpos >= self.inbuf.len() {
            // One byte at a time, so the stream is left just after the compressed data.
            let r = vm.call_method(stream, "read", &[Value::Int(1)])?;
            let data = match &r {
                Value::None => Vec::new(),
                v => need_buffer(vm, v)?,
            };
            if data.is_empty() {
                return Err(vm.err(crate::exceptions::ExcKind::EOFError, ""));
            }
            self.inbuf = data;
            self.inpos = 0;
        }
        let b = self.inbuf[self.inpos];
        self.inpos += 1;
        Ok(b)
    }

    fn bits(&mut self, vm: &mut Vm, stream: &Value, n: u32) -> PyResult<u32> {
        while self.nbits < n {
            let b = self.byte(vm, stream)?;
            self.bitbuf |= (b as u64) << self.nbits;
            self.nbits += 8;
        }
        let v = (self.bitbuf & ((1u64 << n) - 1)) as u32;
        self.bitbuf >>= n;
        self.nbits -= n;
        Ok(v)
    }

    fn align(&mut self) {
        let drop = self.nbits % 8;
        self.bitbuf >>= drop;
        self.nbits -= drop;
    }

    fn decode(&mut self, vm: &mut Vm, stream: &Value, h: &Huff) -> PyResult<u16> {
        let (mut code, mut first, mut index) = (0i32, 0i32, 0i32);
        for len in 1..16 {
            code |= self.bits(vm, stream, 1)? as i32;
            let count = h.count[len] as i32;
            if code - count < first {
                return match h.sym.get((index + code - first) as usize) {
                    Some(&s) => Ok(s),
                    None => Err(corrupt(vm)),
                };
            }
            index += count;
            first += count;
            first <<= 1;
            code <<= 1;
        }
        Err(corrupt(vm))
    }

    fn emit(&mut self, b: u8) {
        self.hist.push(b);
        self.out.push(b);
    }

    /// Read the zlib or gzip header (detecting the format for AUTO) and set the window size.
    fn header(&mut self, vm: &mut Vm, stream: &Value) -> PyResult<()> {
        let mut fmt = self.format;
        let b0 = if fmt == RAW {
            0
        } else {
            self.bits(vm, stream, 8)?
        };
        let b1 = if fmt == RAW {
            0
        } else {
            self.bits(vm, stream, 8)?
        };
        if fmt == AUTO {
            fmt = if b0 == 0x1f && b1 == 0x8b { GZIP } else { ZLIB };
            self.format = fmt;
        }
        match fmt {
            ZLIB => {
                if b0 & 0x0f != 8 || (b0 >> 4) > 7 || (b0 * 256 + b1) % 31 != 0 || b1 & 0x20 != 0 {
                    return Err(corrupt(vm));
                }
                let hdr = (b0 >> 4) + 8;
                let w = if self.wbits == 0 {
                    hdr
                } else {
                    hdr.min(self.wbits)
                };
                self.window = 1 << w;
                self.check = 1;
            }
            GZIP => {
                if b0 != 0x1f || b1 != 0x8b || self.bits(vm, stream, 8)? != 8 {
                    return Err(corrupt(vm));
                }
                let flg = self.bits(vm, stream, 8)?;
                if flg & 0xe0 != 0 {
                    return Err(corrupt(vm));
                }
                for _ in 0..6 {
                    self.bits(vm, stream, 8)?;
                }
                if flg & 4 != 0 {
                    let n = self.bits(vm, stream, 16)?;
                    for _ in 0..n {
                        self.bits(vm, stream, 8)?;
                    }
                }
                for flag in [8, 16] {
                    if flg & flag != 0 {
                        while self.bits(vm, stream, 8)? != 0 {}
                    }
                }
                if flg & 2 != 0 {
                    self.bits(vm, stream, 16)?;
                }
                self.window = 1 << if self.wbits == 0 { 15 } else { self.wbits };
                self.check = 0;
            }
            _ => {
                self.window = 1 << if self.wbits == 0 { 8 } else { self.wbits };
            }
        }
        Ok(())
    }

    fn trailer(&mut self, vm: &mut Vm, stream: &Value) -> PyResult<()> {
        self.align();
        match self.format {
            ZLIB => {
                let mut v = 0u32;
                for _ in 0..4 {
                    v = (v << 8) | self.bits(vm, stream, 8)?;
                }
                if v != self.check {
                    return Err(corrupt(vm));
                }
            }
            GZIP => {
                let crc = self.bits(vm, stream, 16)? | (self.bits(vm, stream, 16)? << 16);
                let len = self.bits(vm, stream, 16)? | (self.bits(vm, stream, 16)? << 16);
                if crc != self.check || len != self.total {
                    return Err(corrupt(vm));
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn dynamic(&mut self, vm: &mut Vm, stream: &Value) -> PyResult<(Huff, Huff)> {
        let nlen = self.bits(vm, stream, 5)? as usize + 257;
        let ndist = self.bits(vm, stream, 5)? as usize + 1;
        let ncode = self.bits(vm, stream, 4)? as usize + 4;
        if nlen > 286 || ndist > 30 {
            return Err(corrupt(vm));
        }
        let mut cl = [0u8; 19];
        for &i in CL_ORDER.iter().take(ncode) {
            cl[i] = self.bits(vm, stream, 3)? as u8;
        }
        let Some(clh) = Huff::new(&cl) else {
            return Err(corrupt(vm));
        };
        let mut lengths = [0u8; 316];
        let mut i = 0;
        while i < nlen + ndist {
            let sym = self.decode(vm, stream, &clh)?;
            if sym < 16 {
                lengths[i] = sym as u8;
                i += 1;
                continue;
            }
            let (val, rep) = match sym {
                16 => {
                    if i == 0 {
                        return Err(corrupt(vm));
                    }
                    (lengths[i - 1], 3 + self.bits(vm, stream, 2)? as usize)
                }
                17 => (0, 3 + self.bits(vm, stream, 3)? as usize),
                _ => (0, 11 + self.bits(vm, stream, 7)? as usize),
            };
            if i + rep > nlen + ndist {
                return Err(corrupt(vm));
            }
            for l in &mut lengths[i..i + rep] {
                *l = val;
            }
            i += rep;
        }
        if lengths[256] == 0 {
            return Err(corrupt(vm));
        }
        match (
            Huff::new(&lengths[..nlen]),
            Huff::new(&lengths[nlen..nlen + ndist]),
        ) {
            (Some(a), Some(b)) => Ok((a, b)),
            _ => Err(corrupt(vm)),
        }
    }

    /// Decode until at least `want` unread bytes are available or the stream has ended.
    fn fill(&mut self, vm: &mut Vm, stream: &Value, want: usize) -> PyResult<()> {
        if !self.started {
            self.header(vm, stream)?;
            self.started = true;
        }
        let produced_from = self.out.len();
        let r = self.fill_inner(vm, stream, want);
        let new = &self.out[produced_from..];
        match self.format {
            ZLIB => self.check = adler32_update(self.check, new),
            GZIP => self.check = crc32_update(self.check, new),
            _ => {}
        }
        self.total = self.total.wrapping_add(new.len() as u32);
        if self.hist.len() > 2 * self.window.max(1024) {
            let cut = self.hist.len() - self.window;
            self.hist.drain(..cut);
        }
        r?;
        if matches!(self.block, Block::Done) && !self.last {
            self.last = true;
            self.trailer(vm, stream)?;
        }
        Ok(())
    }

    fn fill_inner(&mut self, vm: &mut Vm, stream: &Value, want: usize) -> PyResult<()> {
        while self.out.len() < want {
            match &mut self.block {
                Block::Done => return Ok(()),
                Block::Next => {
                    if self.last {
                        self.block = Block::Done;
                        self.last = false;
                        return Ok(());
                    }
                    self.last = self.bits(vm, stream, 1)? == 1;
                    match self.bits(vm, stream, 2)? {
                        0 => {
                            self.align();
                            let len = self.bits(vm, stream, 16)?;
                            let nlen = self.bits(vm, stream, 16)?;
                            if len != !nlen & 0xffff {
                                return Err(corrupt(vm));
                            }
                            self.block = Block::Stored(len as usize);
                        }
                        1 => self.block = Block::Huff(Box::new(Huff::fixed())),
                        2 => {
                            let h = self.dynamic(vm, stream)?;
                            self.block = Block::Huff(Box::new(h));
                        }
                        _ => return Err(corrupt(vm)),
                    }
                }
                Block::Stored(n) => {
                    if *n == 0 {
                        self.block = Block::Next;
                        continue;
                    }
                    *n -= 1;
                    let b = self.bits(vm, stream, 8)? as u8;
                    self.emit(b);
                }
                Block::Huff(_) => {
                    let Block::Huff(h) = core::mem::replace(&mut self.block, Block::Next) else {
                        continue;
                    };
                    let r = self.symbols(vm, stream, &h, want);
                    match r {
                        Ok(true) => self.block = Block::Next,
                        Ok(false) => self.block = Block::Huff(h),
                        Err(e) => {
                            self.block = Block::Huff(h);
                            return Err(e);
                        }
                    }
                }
            }
        }
        Ok(())
    }

    /// Decode symbols of a Huffman block; Ok(true) at the end of the block.
    fn symbols(
        &mut self,
        vm: &mut Vm,
        stream: &Value,
        h: &(Huff, Huff),
        want: usize,
    ) -> PyResult<bool> {
        while self.out.len() < want {
            let sym = self.decode(vm, stream, &h.0)? as usize;
            if sym < 256 {
                self.emit(sym as u8);
                continue;
            }
            if sym == 256 {
                return Ok(true);
            }
            let li = sym - 257;
            if li >= 29 {
                return Err(corrupt(vm));
            }
            let len = LEN_BASE[li] as usize + self.bits(vm, stream, LEN_EXTRA[li] as u32)? as usize;
            let di = self.decode(vm, stream, &h.1)? as usize;
            if di >= 30 {
                return Err(corrupt(vm));
            }
            let dist =
                DIST_BASE[di] as usize + self.bits(vm, stream, DIST_EXTRA[di] as u32)? as usize;
            if dist > self.hist.len() || dist > self.window {
                return Err(corrupt(vm));
            }
            for _ in 0..len {
                let b = self.hist[self.hist.len() - dist];
                self.emit(b);
            }
        }
        Ok(false)
    }
}

// ----- compression -----------------------------------------------------------------------------

const HASH_BITS: u32 = 12;
const MAX_CHAIN: usize = 64;

/// The compressor: LZ77 over a window of `2**wbits` bytes with the fixed Huffman code.
struct Deflater {
    format: i64,
    wsize: usize,
    buf: Vec<u8>,
    base: usize,
    head: Vec<usize>,
    prev: Vec<usize>,
    bitbuf: u64,
    nbits: u32,
    out: Vec<u8>,
    check: u32,
    total: u32,
}

fn rev(code: u32, len: u32) -> u32 {
    code.reverse_bits() >> (32 - len)
}

impl Deflater {
    fn new(format: i64, wbits: u32) -> Deflater {
        let wsize = 1usize << wbits;
        let mut d = Deflater {
            format,
            wsize,
            buf: Vec::new(),
            base: 0,
            head: alloc::vec![0; 1 << HASH_BITS],
            prev: alloc::vec![0; wsize],
            bitbuf: 0,
            nbits: 0,
            out: Vec::new(),
            check: if format == ZLIB { 1 } else { 0 },
            total: 0,
        };
        match format {
            ZLIB => {
                let cmf = 0x08 | ((wbits.max(8) - 8) << 4);
                // FLEVEL 2 (the default compression level), as zlib and MicroPython write it.
                let mut flg = 0x80u32;
                while !(cmf * 256 + flg).is_multiple_of(31) {
                    flg += 1;
                }
                d.out.push(cmf as u8);
                d.out.push(flg as u8);
            }
            GZIP => d
                .out
                .extend_from_slice(&[0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 4, 3]),
            _ => {}
        }
        // One final fixed-Huffman block holds all the data.
        d.put(0b011, 3);
        d
    }

    fn put(&mut self, v: u32, n: u32) {
        self.bitbuf |= (v as u64) << self.nbits;
        self.nbits += n;
        while self.nbits >= 8 {
            self.out.push(self.bitbuf as u8);
            self.bitbuf >>= 8;
            self.nbits -= 8;
        }
    }

    fn lit(&mut self, s: u32) {
        let (code, len) = match s {
            0..=143 => (0x30 + s, 8),
            144..=255 => (0x190 + s - 144, 9),
            256..=279 => (s - 256, 7),
            _ => (0xc0 + s - 280, 8),
        };
        self.put(rev(code, len), len);
    }

    fn matched(&mut self, len: usize, dist: usize) {
        let li = LEN_BASE
            .iter()
            .rposition(|&b| b as usize <= len)
            .unwrap_or(0);
        self.lit(257 + li as u32);
        let e = LEN_EXTRA[li] as u32;
        if e > 0 {
            self.put((len - LEN_BASE[li] as usize) as u32, e);
        }
        let di = DIST_BASE
            .iter()
            .rposition(|&b| b as usize <= dist)
            .unwrap_or(0);
        self.put(rev(di as u32, 5), 5);
        let e = DIST_EXTRA[di] as u32;
        if e > 0 {
            self.put((dist - DIST_BASE[di] as usize) as u32, e);
        }
    }

    fn hash(b: &[u8]) -> usize {
        let v = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        (v.wrapping_mul(2654435761) >> (32 - HASH_BITS)) as usize
    }

    fn insert(&mut self, i: usize) {
        if i + 3 <= self.buf.len() {
            let h = Self::hash(&self.buf[i..i + 3]);
            let pos = self.base + i;
            self.prev[pos & (self.wsize - 1)] = self.head[h];
            self.head[h] = pos + 1;
        }
    }

    fn write(&mut self, data: &[u8]) {
        match self.format {
            ZLIB => self.check = adler32_update(self.check, data),
            GZIP => self.check = crc32_update(self.check, data),
            _ => {}
        }
        self.total = self.total.wrapping_add(data.len() as u32);
        let mut i = self.buf.len();
        self.buf.extend_from_slice(data);
        let end = self.buf.len();
        while i < end {
            let pos = self.base + i;
            let (mut best, mut bdist) = (0usize, 0usize);
            if i + 3 <= end {
                let h = Self::hash(&self.buf[i..i + 3]);
                let mut cand = self.head[h];
                let maxl = (end - i).min(258);
                let mut chain = 0;
                while cand != 0 && chain < MAX_CHAIN {
                    let c = cand - 1;
                    if c < self.base || c >= pos || pos - c > self.wsize {
                        break;
                    }
                    let ci = c - self.base;
                    let mut l = 0;
                    while l < maxl && self.buf[ci + l] == self.buf[i + l] {
                        l += 1;
                    }
                    if l > best {
                        best = l;
                        bdist = pos - c;
                        if l == maxl {
                            break;
                        }
                    }
                    cand = self.prev[c & (self.wsize - 1)];
                    chain += 1;
                }
            }
            if best >= 3 {
                self.matched(best, bdist);
                for k in 0..best {
                    self.insert(i + k);
                }
                i += best;
            } else {
                self.insert(i);
                let b = self.buf[i] as u32;
                self.lit(b);
                i += 1;
            }
        }
        if self.buf.len() > 2 * self.wsize + 4096 {
            let cut = self.buf.len() - self.wsize;
            self.buf.drain(..cut);
            self.base += cut;
        }
    }

    fn finish(&mut self) {
        self.lit(256);
        if self.nbits > 0 {
            self.put(0, 8 - self.nbits);
        }
        match self.format {
            ZLIB => {
                let c = self.check;
                self.out.extend_from_slice(&c.to_be_bytes());
            }
            GZIP => {
                let (c, t) = (self.check, self.total);
                self.out.extend_from_slice(&c.to_le_bytes());
                self.out.extend_from_slice(&t.to_le_bytes());
            }
            _ => {}
        }
    }
}

// ----- the DeflateIO object --------------------------------------------------------------------

/// The state of a `DeflateIO` object.
struct DeflateIO {
    stream: Option<Value>,
    format: i64,
    wbits: u32,
    close: bool,
    inf: Option<Box<Inflater>>,
    def: Option<Box<Deflater>>,
}

fn with_state<R>(vm: &mut Vm, me: &Value, f: impl FnOnce(&mut DeflateIO) -> R) -> PyResult<R> {
    if let Value::Obj(o) = me {
        if let PyObject::Native(n) = &**o {
            if let Ok(mut d) = n.data.try_borrow_mut() {
                if let Some(s) = d.downcast_mut::<DeflateIO>() {
                    return Ok(f(s));
                }
            }
        }
    }
    Err(vm.type_error("DeflateIO object expected"))
}

fn d_new(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    crate::number::no_kwargs(vm, "DeflateIO", kw)?;
    let cls = match args.first() {
        Some(Value::Obj(o)) if matches!(&**o, PyObject::Type(_)) => o.clone(),
        _ => return Err(vm.type_error("DeflateIO.__new__(X): X is not a type object")),
    };
    crate::number::check_nargs(vm, "DeflateIO", &args[1..], 1, 4)?;
    let format = match args.get(2) {
        Some(v) => vm.to_index(v)?,
        None => AUTO,
    };
    if !(AUTO..=GZIP).contains(&format) {
        return Err(vm.value_error("format"));
    }
    let wbits = match args.get(3) {
        Some(v) => vm.to_index(v)?,
        None => 0,
    };
    if wbits != 0 && !(5..=15).contains(&wbits) {
        return Err(vm.value_error("wbits"));
    }
    let close = match args.get(4) {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let st = DeflateIO {
        stream: Some(args[1].clone()),
        format,
        wbits: wbits as u32,
        close,
        inf: None,
        def: None,
    };
    Ok(Value::Obj(vm.alloc(PyObject::Native(NativeObj {
        class: cls,
        data: RefCell::new(Box::new(st)),
    }))))
}

/// Run `f` on the inflater (taken out of the object so the stream can be called), then put it
/// back.
fn with_inflater<R>(
    vm: &mut Vm,
    me: &Value,
    f: impl FnOnce(&mut Vm, &Value, &mut Inflater) -> PyResult<R>,
) -> PyResult<R> {
    let taken = with_state(vm, me, |s| match &s.stream {
        None => None,
        Some(st) => {
            let inf = s
                .inf
                .take()
                .unwrap_or_else(|| Box::new(Inflater::new(s.format, s.wbits)));
            Some((st.clone(), inf))
        }
    })?;
    let Some((stream, mut inf)) = taken else {
        return Err(corrupt(vm));
    };
    let r = f(vm, &stream, &mut inf);
    with_state(vm, me, |s| {
        if s.stream.is_some() {
            s.inf = Some(inf);
        }
    })?;
    r
}

fn take_out(inf: &mut Inflater, n: usize) -> Vec<u8> {
    let n = n.min(inf.out.len());
    let rest = inf.out.split_off(n);
    core::mem::replace(&mut inf.out, rest)
}

fn d_read(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    crate::number::check_nargs(vm, "read", args, 1, 2)?;
    let n = match args.get(1) {
        None | Some(Value::None) => -1,
        Some(v) => vm.to_index(v)?,
    };
    let data = with_inflater(vm, &args[0], |vm, st, inf| {
        let want = if n < 0 { usize::MAX } else { n as usize };
        inf.fill(vm, st, want)?;
        Ok(take_out(inf, want))
    })?;
    Ok(Value::bytes_vec(data))
}

fn d_readinto(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    crate::number::check_nargs(vm, "readinto", args, 2, 3)?;
    let Some((obj, start, len)) = crate::objmemoryview::writable_bytes(&args[1]) else {
        return Err(vm.type_error("object with buffer protocol required"));
    };
    let len = match args.get(2) {
        Some(v) => (vm.to_index(v)?.max(0) as usize).min(len),
        None => len,
    };
    let data = with_inflater(vm, &args[0], |vm, st, inf| {
        inf.fill(vm, st, len)?;
        Ok(take_out(inf, len))
    })?;
    if let PyObject::ByteArray(b) = &*obj {
        let mut b = b.borrow_mut();
        if let Some(dst) = b.get_mut(start..start + data.len()) {
            dst.copy_from_slice(&data);
        }
    }
    Ok(Value::Int(data.len() as i64))
}

fn d_readline(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    crate::number::check_nargs(vm, "readline", args, 1, 2)?;
    let limit = crate::modio::size_arg(vm, args.get(1))?.unwrap_or(usize::MAX);
    let data = with_inflater(vm, &args[0], |vm, st, inf| {
        let mut scanned = 0;
        loop {
            if let Some(p) = inf.out[scanned..].iter().position(|&b| b == b'\n') {
                return Ok(take_out(inf, (scanned + p + 1).min(limit)));
            }
            scanned = inf.out.len();
            if scanned >= limit || matches!(inf.block, Block::Done) {
                return Ok(take_out(inf, limit));
            }
            inf.fill(vm, st, scanned + 1)?;
            if inf.out.len() == scanned {
                return Ok(take_out(inf, limit));
            }
        }
    })?;
    Ok(Value::bytes_vec(data))
}

fn d_write(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    crate::number::check_nargs(vm, "write", args, 2, 2)?;
    let data = need_buffer(vm, &args[1])?;
    let taken = with_state(vm, &args[0], |s| {
        let st = s.stream.clone()?;
        if s.def.is_none() {
            let fmt = if s.format == AUTO { RAW } else { s.format };
            let wbits = if s.wbits == 0 { 8 } else { s.wbits };
            s.def = Some(Box::new(Deflater::new(fmt, wbits)));
        }
        let d = s.def.as_mut()?;
        d.write(&data);
        Some((st, core::mem::take(&mut d.out)))
    })?;
    let Some((stream, out)) = taken else {
        return Err(corrupt(vm));
    };
    if !out.is_empty() {
        vm.call_method(&stream, "write", &[Value::bytes_vec(out)])?;
    }
    Ok(Value::Int(data.len() as i64))
}

fn d_close(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    crate::number::check_nargs(vm, "close", args, 1, 1)?;
    let taken = with_state(vm, &args[0], |s| {
        let st = s.stream.take()?;
        s.inf = None;
        let out = s.def.take().map(|mut d| {
            d.finish();
            core::mem::take(&mut d.out)
        });
        Some((st, out, s.close))
    })?;
    if let Some((stream, out, close)) = taken {
        if let Some(out) = out {
            vm.call_method(&stream, "write", &[Value::bytes_vec(out)])?;
        }
        if close {
            vm.call_method(&stream, "close", &[])?;
        }
    }
    Ok(Value::None)
}

fn d_enter(_vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    Ok(args.first().cloned().unwrap_or(Value::None))
}

fn d_exit(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let me = args.first().cloned().unwrap_or(Value::None);
    d_close(vm, &[me], &[])?;
    Ok(Value::None)
}

fn d_iter(_vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    Ok(args.first().cloned().unwrap_or(Value::None))
}

fn d_next(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let line = d_readline(vm, &args[..1.min(args.len())], &[])?;
    if vm.len(&line)? == 0 {
        return Err(vm.err(crate::exceptions::ExcKind::StopIteration, ""));
    }
    Ok(line)
}

/// The collector's view into a DeflateIO (its underlying stream).
fn deflate_visit(d: &dyn core::any::Any, f: &mut dyn FnMut(&Value)) {
    if let Some(Some(s)) = d.downcast_ref::<DeflateIO>().map(|d| &d.stream) {
        f(s);
    }
}

fn deflate_clear(d: &mut dyn core::any::Any, out: &mut Vec<Value>) {
    if let Some(s) = d.downcast_mut::<DeflateIO>().and_then(|d| d.stream.take()) {
        out.push(s);
    }
}

/// Create the `deflate` module.
pub fn init_module(vm: &mut Vm) -> PyResult<Obj> {
    vm.heap
        .register_native::<DeflateIO>(crate::gc::NativeTracer {
            visit: deflate_visit,
            clear: deflate_clear,
        });
    let m = vm.new_module("deflate");
    let cls = types::new_type(
        "DeflateIO",
        alloc::vec![vm.types.object.clone()],
        Layout::Other,
        false,
    );
    types::set_attr(&cls, "__module__", Value::str("deflate"));
    types::add_static_methods(&cls, &[("__new__", d_new)]);
    types::add_methods(
        &cls,
        &[
            ("read", d_read),
            ("readinto", d_readinto),
            ("readline", d_readline),
            ("write", d_write),
            ("close", d_close),
            ("__enter__", d_enter),
            ("__exit__", d_exit),
            ("__iter__", d_iter),
            ("__next__", d_next),
        ],
    );
    module_set(&m, "DeflateIO", Value::Obj(cls));
    for (name, v) in [("AUTO", AUTO), ("RAW", RAW), ("ZLIB", ZLIB), ("GZIP", GZIP)] {
        module_set(&m, name, Value::Int(v));
    }
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adler_known_value() {
        assert_eq!(adler32_update(1, b"Wikipedia"), 0x11E60398);
    }
}
