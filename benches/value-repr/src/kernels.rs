//! The benchmark kernels, written as mini-VM bytecode with a tiny assembler.
//!
//! Each mirrors one of the repository's Python benchmarks (benches/*.py); the Python each one
//! stands for is in its doc comment. `size` scales the iteration counts.

use crate::vm::{Const, Func, Instr, Program};

use Instr::*;

/// Builds one function's code and the shared constant pool.
struct Asm<'a> {
    code: Vec<Instr>,
    consts: &'a mut Vec<Const>,
}

impl<'a> Asm<'a> {
    fn new(consts: &'a mut Vec<Const>) -> Self {
        Asm {
            code: Vec::new(),
            consts,
        }
    }
    /// Append instructions.
    fn emit(&mut self, ins: &[Instr]) -> &mut Self {
        self.code.extend_from_slice(ins);
        self
    }
    /// `LoadConst` of an int constant (pooled).
    fn int(&mut self, i: i128) -> &mut Self {
        self.konst(Const::Int(i))
    }
    /// `LoadConst` of a float constant (pooled).
    fn float(&mut self, x: f64) -> &mut Self {
        self.konst(Const::Float(x))
    }
    fn konst(&mut self, c: Const) -> &mut Self {
        let same = |k: &Const| match (k, &c) {
            (Const::Int(a), Const::Int(b)) => a == b,
            (Const::Float(a), Const::Float(b)) => a.to_bits() == b.to_bits(),
            _ => false,
        };
        let i = match self.consts.iter().position(same) {
            Some(i) => i,
            None => {
                self.consts.push(c);
                self.consts.len() - 1
            }
        };
        self.emit(&[LoadConst(i as u16)])
    }
    /// The index of the next instruction.
    fn here(&self) -> u32 {
        self.code.len() as u32
    }
    /// Emit a `JumpIfFalse` to be patched by `land`; returns its index.
    fn jump_if_false(&mut self) -> usize {
        self.code.push(JumpIfFalse(u32::MAX));
        self.code.len() - 1
    }
    /// Point the jump at `at` to the next instruction.
    fn land(&mut self, at: usize) {
        let t = self.here();
        if let Some(JumpIfFalse(x) | Jump(x)) = self.code.get_mut(at) {
            *x = t;
        }
    }
    /// `while local[i] < <limit pushed by lim>: body; local[i] += 1`
    fn count_loop(&mut self, i: u16, lim: impl Fn(&mut Self), body: impl Fn(&mut Self)) {
        let top = self.here();
        self.emit(&[LoadLocal(i)]);
        lim(self);
        self.emit(&[Lt]);
        let exit = self.jump_if_false();
        body(self);
        self.emit(&[LoadLocal(i)])
            .int(1)
            .emit(&[Add, StoreLocal(i), Jump(top)]);
        self.land(exit);
    }
    fn finish(&mut self, params: usize, locals: usize) -> Func {
        Func {
            params,
            locals,
            code: std::mem::take(&mut self.code),
        }
    }
}

/// A kernel: its name, the benchmark it mirrors, and a builder.
pub struct Kernel {
    /// Short name.
    pub name: &'static str,
    /// Which benches/*.py it stands for.
    pub mirrors: &'static str,
    /// Build the program for a size factor.
    pub build: fn(u32) -> Program,
}

/// All kernels, in table order.
pub const KERNELS: &[Kernel] = &[
    Kernel {
        name: "fib",
        mirrors: "fib.py",
        build: fib,
    },
    Kernel {
        name: "loops",
        mirrors: "loops.py",
        build: loops,
    },
    Kernel {
        name: "nbody",
        mirrors: "nbody.py",
        build: nbody,
    },
    Kernel {
        name: "attrs",
        mirrors: "attributes.py",
        build: attributes,
    },
    Kernel {
        name: "bigloop",
        mirrors: "bigint.py (ints just past the inline range)",
        build: bigloop,
    },
];

/// ```python
/// def fib(n):
///     if n < 2: return n
///     return fib(n - 1) + fib(n - 2)
/// acc = 0
/// for i in range(size):
///     acc = acc + fib(27)
/// return acc
/// ```
pub fn fib(size: u32) -> Program {
    let (acc, i) = (0, 1);
    let mut consts = Vec::new();
    let mut a = Asm::new(&mut consts);
    a.int(0)
        .emit(&[StoreLocal(acc)])
        .int(0)
        .emit(&[StoreLocal(i)]);
    a.count_loop(
        i,
        |a| {
            a.int(size as i128);
        },
        |a| {
            a.emit(&[LoadLocal(acc)])
                .int(27)
                .emit(&[Call(1, 1), Add, StoreLocal(acc)]);
        },
    );
    a.emit(&[LoadLocal(acc), Return]);
    let main = a.finish(0, 2);
    a.emit(&[LoadLocal(0)]).int(2).emit(&[Lt]);
    let big = a.jump_if_false();
    a.emit(&[LoadLocal(0), Return]);
    a.land(big);
    a.emit(&[LoadLocal(0)])
        .int(1)
        .emit(&[Sub, Call(1, 1), LoadLocal(0)]);
    a.int(2).emit(&[Sub, Call(1, 1), Add, Return]);
    let fib = a.finish(1, 1);
    Program {
        funcs: vec![main, fib],
        consts,
    }
}

/// ```python
/// total = i = 0
/// while i < 3000 * size:
///     j = 0
///     while j < 100:
///         total = (total + i * j + (i & j)) & 0xFFFFF
///         j += 1
///     i += 1
/// return total
/// ```
pub fn loops(size: u32) -> Program {
    let (total, i, j) = (0, 1, 2);
    let mut consts = Vec::new();
    let mut a = Asm::new(&mut consts);
    a.int(0)
        .emit(&[StoreLocal(total)])
        .int(0)
        .emit(&[StoreLocal(i)]);
    a.count_loop(
        i,
        |a| {
            a.int(3000 * size as i128);
        },
        |a| {
            a.int(0).emit(&[StoreLocal(j)]);
            a.count_loop(
                j,
                |a| {
                    a.int(100);
                },
                |a| {
                    a.emit(&[LoadLocal(total), LoadLocal(i), LoadLocal(j), Mul, Add]);
                    a.emit(&[LoadLocal(i), LoadLocal(j), And, Add]);
                    a.int(0xFFFFF).emit(&[And, StoreLocal(total)]);
                },
            );
        },
    );
    a.emit(&[LoadLocal(total), Return]);
    let main = a.finish(0, 3);
    Program {
        funcs: vec![main],
        consts,
    }
}

/// The n-body step of nbody.py on five objects with fields x, y, z, vx, vy, vz, m (the
/// benchmark uses lists; the arithmetic per pair is the same except that `d2 * d2` replaces
/// `d2 * d2 ** 0.5`, as the mini-VM has no power operator):
///
/// ```python
/// for _ in range(5000 * size):
///     for b1, b2 in pairs:
///         dx = b1.x - b2.x; dy = ...; dz = ...
///         d2 = dx * dx + dy * dy + dz * dz
///         mag = dt / (d2 * d2)
///         b1m = b1.m * mag; b2m = b2.m * mag
///         b1.vx = b1.vx - dx * b2m; ...; b2.vx = b2.vx + dx * b1m; ...
///     for b in bodies:
///         b.x = b.x + dt * b.vx; ...
/// return sum(b.x + b.y + b.z for b in bodies)
/// ```
pub fn nbody(size: u32) -> Program {
    const PI: f64 = std::f64::consts::PI;
    const SOLAR_MASS: f64 = 4.0 * PI * PI;
    const DAYS: f64 = 365.24;
    #[rustfmt::skip]
    let bodies: [[f64; 7]; 5] = [
        [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, SOLAR_MASS],
        [4.841_431_442_464_72, -1.160_320_044_027_428, -0.103_622_044_471_123_1,
         1.660_076_642_744_037e-3 * DAYS, 7.699_011_184_197_404e-3 * DAYS,
         -6.904_600_169_720_63e-5 * DAYS, 9.547_919_384_243_266e-4 * SOLAR_MASS],
        [8.343_366_718_244_58, 4.124_798_564_124_305, -0.403_523_417_114_321_4,
         -2.767_425_107_268_624e-3 * DAYS, 4.998_528_012_349_172e-3 * DAYS,
         2.304_172_975_737_639_3e-5 * DAYS, 2.858_859_806_661_308e-4 * SOLAR_MASS],
        [12.894_369_562_139_131, -15.111_151_401_698_631, -0.223_307_578_892_655_73,
         2.964_601_375_647_616e-3 * DAYS, 2.378_471_739_594_809_5e-3 * DAYS,
         -2.965_895_685_402_375_6e-5 * DAYS, 4.366_244_043_351_563e-5 * SOLAR_MASS],
        [15.379_697_114_850_917, -25.919_314_609_987_964, 0.179_258_772_950_371_18,
         2.680_677_724_903_893_2e-3 * DAYS, 1.628_241_700_382_423e-3 * DAYS,
         -9.515_922_545_197_159e-5 * DAYS, 5.151_389_020_466_114_5e-5 * SOLAR_MASS],
    ];
    // Locals: bodies 0..5, then the temporaries.
    let (dt, dx, dy, dz, d2, mag, b1m, b2m, step) = (5, 6, 7, 8, 9, 10, 11, 12, 13);
    let (fx, fy, fz, fvx, fm) = (0u16, 1u16, 2u16, 3u16, 6u16);
    let mut consts = Vec::new();
    let mut a = Asm::new(&mut consts);
    for (k, b) in bodies.iter().enumerate() {
        for &f in b {
            a.float(f);
        }
        a.emit(&[NewObj(7), StoreLocal(k as u16)]);
    }
    a.float(0.01)
        .emit(&[StoreLocal(dt)])
        .int(0)
        .emit(&[StoreLocal(step)]);
    a.count_loop(
        step,
        |a| {
            a.int(5000 * size as i128);
        },
        |a| {
            for p in 0..5u16 {
                for q in p + 1..5u16 {
                    for (f, d) in [(fx, dx), (fy, dy), (fz, dz)] {
                        a.emit(&[LoadLocal(p), GetField(f), LoadLocal(q), GetField(f), Sub]);
                        a.emit(&[StoreLocal(d)]);
                    }
                    a.emit(&[
                        LoadLocal(dx),
                        LoadLocal(dx),
                        Mul,
                        LoadLocal(dy),
                        LoadLocal(dy),
                    ]);
                    a.emit(&[
                        Mul,
                        Add,
                        LoadLocal(dz),
                        LoadLocal(dz),
                        Mul,
                        Add,
                        StoreLocal(d2),
                    ]);
                    a.emit(&[LoadLocal(dt), LoadLocal(d2), LoadLocal(d2), Mul, Div]);
                    a.emit(&[StoreLocal(mag)]);
                    a.emit(&[
                        LoadLocal(p),
                        GetField(fm),
                        LoadLocal(mag),
                        Mul,
                        StoreLocal(b1m),
                    ]);
                    a.emit(&[
                        LoadLocal(q),
                        GetField(fm),
                        LoadLocal(mag),
                        Mul,
                        StoreLocal(b2m),
                    ]);
                    for (k, d) in [dx, dy, dz].into_iter().enumerate() {
                        let v = fvx + k as u16;
                        a.emit(&[LoadLocal(p), GetField(v), LoadLocal(d), LoadLocal(b2m)]);
                        a.emit(&[Mul, Sub, LoadLocal(p), SetField(v)]);
                        a.emit(&[LoadLocal(q), GetField(v), LoadLocal(d), LoadLocal(b1m)]);
                        a.emit(&[Mul, Add, LoadLocal(q), SetField(v)]);
                    }
                }
            }
            for b in 0..5u16 {
                for f in [fx, fy, fz] {
                    a.emit(&[LoadLocal(b), GetField(f), LoadLocal(dt), LoadLocal(b)]);
                    a.emit(&[GetField(f + 3), Mul, Add, LoadLocal(b), SetField(f)]);
                }
            }
        },
    );
    a.float(0.0);
    for b in 0..5u16 {
        for f in [fx, fy, fz] {
            a.emit(&[LoadLocal(b), GetField(f), Add]);
        }
    }
    a.emit(&[Return]);
    let main = a.finish(0, 14);
    Program {
        funcs: vec![main],
        consts,
    }
}

/// attributes.py with a linked chain of 100 objects instead of a list:
///
/// ```python
/// head = None
/// for i in range(100): head = Point(x=i, y=-i, next=head)
/// acc = 0
/// for r in range(3000 * size):
///     p = head
///     while p:
///         p.x = p.x + 3
///         p.y = p.y - 1
///         acc = acc + p.x + p.y
///         p = p.next
///     acc = acc & 0xFFFFFFF
/// return acc
/// ```
pub fn attributes(size: u32) -> Program {
    let (head, i, acc, r, p) = (0, 1, 2, 3, 4);
    let (fx, fy, fnext) = (0, 1, 2);
    let mut consts = Vec::new();
    let mut a = Asm::new(&mut consts);
    a.int(0).emit(&[StoreLocal(i)]);
    a.count_loop(
        i,
        |a| {
            a.int(100);
        },
        |a| {
            a.emit(&[LoadLocal(i)])
                .int(0)
                .emit(&[LoadLocal(i), Sub, LoadLocal(head)]);
            a.emit(&[NewObj(3), StoreLocal(head)]);
        },
    );
    a.int(0)
        .emit(&[StoreLocal(acc)])
        .int(0)
        .emit(&[StoreLocal(r)]);
    a.count_loop(
        r,
        |a| {
            a.int(3000 * size as i128);
        },
        |a| {
            a.emit(&[LoadLocal(head), StoreLocal(p)]);
            let top = a.here();
            a.emit(&[LoadLocal(p)]);
            let exit = a.jump_if_false();
            a.emit(&[LoadLocal(p), GetField(fx)]).int(3);
            a.emit(&[Add, LoadLocal(p), SetField(fx)]);
            a.emit(&[LoadLocal(p), GetField(fy)]).int(1);
            a.emit(&[Sub, LoadLocal(p), SetField(fy)]);
            a.emit(&[LoadLocal(acc), LoadLocal(p), GetField(fx), Add]);
            a.emit(&[LoadLocal(p), GetField(fy), Add, StoreLocal(acc)]);
            a.emit(&[LoadLocal(p), GetField(fnext), StoreLocal(p), Jump(top)]);
            a.land(exit);
            a.emit(&[LoadLocal(acc)])
                .int(0xFFFFFFF)
                .emit(&[And, StoreLocal(acc)]);
        },
    );
    a.emit(&[LoadLocal(acc), Return]);
    let main = a.finish(0, 5);
    Program {
        funcs: vec![main],
        consts,
    }
}

/// A 61-bit linear congruential generator: every product overflows i64 (the big-int path in
/// all candidates), and the masked state (below 2**61) is inline for (a) and (c) but not for
/// (b)'s 48-bit ints:
///
/// ```python
/// x, acc = 12345, 0
/// for i in range(200000 * size):
///     x = (x * 1103515245 + 12345) & (2**61 - 1)
///     acc = (acc + (x & 0xFFFF)) & 0xFFFFFFF
/// return acc
/// ```
pub fn bigloop(size: u32) -> Program {
    let (x, acc, i) = (0, 1, 2);
    let mut consts = Vec::new();
    let mut a = Asm::new(&mut consts);
    a.int(12345)
        .emit(&[StoreLocal(x)])
        .int(0)
        .emit(&[StoreLocal(acc)]);
    a.int(0).emit(&[StoreLocal(i)]);
    a.count_loop(
        i,
        |a| {
            a.int(200000 * size as i128);
        },
        |a| {
            a.emit(&[LoadLocal(x)])
                .int(1103515245)
                .emit(&[Mul])
                .int(12345)
                .emit(&[Add]);
            a.int((1 << 61) - 1).emit(&[And, StoreLocal(x)]);
            a.emit(&[LoadLocal(acc), LoadLocal(x)])
                .int(0xFFFF)
                .emit(&[And, Add]);
            a.int(0xFFFFFFF).emit(&[And, StoreLocal(acc)]);
        },
    );
    a.emit(&[LoadLocal(acc), Return]);
    let main = a.finish(0, 3);
    Program {
        funcs: vec![main],
        consts,
    }
}
