//! Translation of MicroPython bytecode (one raw code object) into one of our code objects.
//!
//! Three passes per raw code: decode the prelude and the instructions; a data-flow pass that
//! computes, for every reachable instruction, MicroPython's operand stack as a list of slots (each
//! slot is one of our stack slots, or none: the three spare slots of a for-loop iterator and the
//! `self` slot of a `with` block's `__exit__`) and its exception-block stack; then emission, one
//! short sequence of our instructions per MicroPython instruction, using the computed state for
//! what depends on it (comprehension append depths, how to leave blocks on `return`, `break`
//! and `continue`). Leaving a block through a `finally` pushes a marker: the instruction index of a
//! continuation emitted after the body, where the remaining blocks are left (see docs/mpy.md).

use alloc::format;
use alloc::rc::Rc;
use alloc::vec;
use alloc::vec::Vec;

use super::{MpyFile, RawCode, OP_ACTIVATE, OP_END_FINALLY, OP_PACK_CALL, OP_WITH_CLEANUP};
use crate::ast::{BinOp, CmpOp};
use crate::code::{
    Code, CodeCaches, CO_CLASS_BODY, CO_GENERATOR, CO_NAMESPACE, CO_VARARGS, CO_VARKEYWORDS,
};
use crate::opcode::Instr;
use crate::value::{PyObject, Str, Value};
use crate::vm::Vm;

/// What one MicroPython stack slot is on our stack.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    /// One of our slots.
    Val,
    /// No slot of ours.
    Pad,
    /// One of our slots: a `finally` handler's state (None, an exception or an unwind marker).
    Fin,
}

/// Where a slot's value came from, when the translation may drop or reinterpret its push.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Origin {
    Other,
    /// LOAD_CONST_STRING at this instruction, with this qstr.
    Str(usize, usize),
    /// LOAD_NULL at this instruction.
    Null(usize),
    /// LOAD_BUILD_CLASS.
    BuildClass,
}

#[derive(Clone, Copy, Debug)]
struct Slot {
    kind: Kind,
    origin: Origin,
}

const VAL: Slot = Slot {
    kind: Kind::Val,
    origin: Origin::Other,
};
const PAD: Slot = Slot {
    kind: Kind::Pad,
    origin: Origin::Other,
};
const FIN: Slot = Slot {
    kind: Kind::Fin,
    origin: Origin::Other,
};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum BKind {
    Except,
    Finally,
    With,
}

/// One exception block of MicroPython's exception stack.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Blk {
    kind: BKind,
    /// Instruction index of the handler.
    handler: usize,
    /// MicroPython stack height at set-up.
    level: usize,
    /// Our stack height at set-up.
    our_level: usize,
    /// Slots below the level that the handler consumes before its END_FINALLY (a with block's
    /// `__exit__` and self; an `async with`'s context manager), MicroPython's and ours.
    consumed: (usize, usize),
    /// Inside the handler (an exception is being handled, or the finally code runs).
    active: bool,
}

#[derive(Clone, Debug)]
struct State {
    stack: Vec<Slot>,
    blocks: Vec<Blk>,
}

fn width(s: &[Slot]) -> usize {
    s.iter().filter(|x| x.kind != Kind::Pad).count()
}

/// One decoded MicroPython instruction.
#[derive(Clone, Copy, Debug)]
struct Ins {
    op: u8,
    /// Unsigned operand (qstr index, count, child index...).
    arg: usize,
    /// Signed small int operand.
    sint: i64,
    /// Jump target (instruction index) for jumps.
    target: usize,
    /// The extra byte (MAKE_CLOSURE count, UNWIND_JUMP count).
    extra: u8,
    /// Source line.
    line: u32,
}

/// How an unwind (return, break, continue through blocks) ends.
#[derive(Clone, Copy, Debug)]
enum Final {
    Jump(usize, bool),
    Return,
}

struct Stub {
    blocks: Vec<Blk>,
    depth: usize,
    fin: Final,
}

/// What the parent tells a child raw code.
#[derive(Clone, Copy, Debug, Default)]
struct ChildInfo {
    n_free: usize,
    class_body: bool,
}

struct Succ {
    falls: Option<State>,
    jumps: Vec<(usize, State)>,
}

struct Tr<'a> {
    vm: &'a mut Vm,
    file: &'a MpyFile,
    raw: &'a RawCode,
    ins: Vec<Ins>,
    /// Per MicroPython local: our cell index (cells and free variables).
    cell_of: Vec<Option<u32>>,
    /// Per MicroPython local: our fast-local slot.
    slot_of: Vec<Option<u32>>,
    nlocals: usize,
    names: Vec<Str>,
    name_of_qstr: Vec<Option<u32>>,
    consts: Vec<Value>,
    instrs: Vec<Instr>,
    lines: Vec<(u32, u32)>,
    emitting: bool,
    label: Vec<u32>,
    push_at: Vec<u32>,
    fixups: Vec<(usize, usize)>,
    stub_fixups: Vec<(usize, usize)>,
    stubs: Vec<Stub>,
    tramps: Vec<(usize, usize)>,
    fin_handler: Vec<bool>,
    skip: Vec<bool>,
    ret_local: Option<u32>,
    child_info: Vec<Option<ChildInfo>>,
    child_consts: Vec<(usize, usize)>,
    max_depth: usize,
}

/// Translate the module's raw code (and everything nested in it).
pub(crate) fn translate_module(vm: &mut Vm, file: &MpyFile) -> Option<Code> {
    translate(vm, file, &file.root, ChildInfo::default(), true)
}

fn translate(
    vm: &mut Vm,
    file: &MpyFile,
    raw: &RawCode,
    info: ChildInfo,
    module: bool,
) -> Option<Code> {
    let d = &raw.data;
    let mut p = 0usize;
    // Signature: xSSSSEAA [xFSSKAED]...
    let mut z = *d.get(p)?;
    p += 1;
    let mut flags = 0usize;
    let mut a = (z & 3) as usize;
    let mut k = 0usize;
    let mut n = 0u32;
    while z & 0x80 != 0 {
        z = *d.get(p)?;
        p += 1;
        if n >= 16 {
            return None;
        }
        flags |= (((z & 0x40) >> 6) as usize) << n;
        a |= ((z & 0x4) as usize) << n;
        k |= (((z & 0x08) >> 3) as usize) << n;
        n += 1;
    }
    // Prelude size: xIIIIIIC...
    let mut n_info = 0usize;
    let mut n_cell = 0usize;
    let mut n = 0u32;
    loop {
        let z = *d.get(p)?;
        p += 1;
        if n >= 5 {
            return None;
        }
        n_cell |= ((z & 1) as usize) << n;
        n_info |= (((z & 0x7e) >> 1) as usize) << (6 * n);
        n += 1;
        if z & 0x80 == 0 {
            break;
        }
    }
    let info_start = p;
    let info_end = info_start.checked_add(n_info)?;
    let cells_end = info_end.checked_add(n_cell)?;
    if cells_end > d.len() {
        return None;
    }
    let mut r = super::Reader {
        data: d.get(..info_end)?,
        pos: info_start,
    };
    let name_q = r.uint()?;
    let name = file.qstrs.get(name_q)?.clone();
    let mut argnames = Vec::new();
    for _ in 0..a.checked_add(k)? {
        let q = r.uint()?;
        argnames.push(file.qstrs.get(q)?.clone());
    }
    let line_info = d.get(r.pos..info_end)?;
    let cells: Vec<usize> = d
        .get(info_end..cells_end)?
        .iter()
        .map(|&c| c as usize)
        .collect();
    let bc = d.get(cells_end..)?;

    let generator = flags & 1 != 0;
    let varkw = flags & 2 != 0;
    let varargs = flags & 4 != 0;
    let n_free = info.n_free;
    if n_free > a {
        return None;
    }
    let n_params = a + k + varargs as usize + varkw as usize;

    // Line table: (bytecode offset, line) boundaries.
    let mut bounds: Vec<(usize, u32)> = vec![(0, 1)];
    {
        let mut i = 0usize;
        let mut off = 0usize;
        let mut line = 1u32;
        while i < line_info.len() {
            let c = line_info[i];
            let (b, l) = if c & 0x80 == 0 {
                i += 1;
                ((c & 0x1f) as usize, (c >> 5) as u32)
            } else {
                let c2 = *line_info.get(i + 1)? as u32;
                i += 2;
                ((c & 0xf) as usize, ((c as u32) << 4 & 0x700) | c2)
            };
            off += b;
            line = line.saturating_add(l);
            bounds.push((off, line));
        }
    }
    let line_at = |off: usize| -> u32 {
        let mut l = 1;
        for &(o, ln) in &bounds {
            if o <= off {
                l = ln;
            } else {
                break;
            }
        }
        l
    };

    // Decode the instructions.
    let mut ins = Vec::new();
    let mut offs = Vec::new();
    let mut raw_targets = Vec::new();
    let mut max_local: Option<usize> = None;
    let mut q = 0usize;
    while q < bc.len() {
        let start = q;
        let op = bc[q];
        q += 1;
        let mut i = Ins {
            op,
            arg: 0,
            sint: 0,
            target: 0,
            extra: 0,
            line: line_at(start),
        };
        let mut target: Option<usize> = None;
        let uint = |q: &mut usize| -> Option<usize> {
            let mut v = 0usize;
            for _ in 0..5 {
                let b = *bc.get(*q)?;
                *q += 1;
                v = (v << 7) | (b & 0x7f) as usize;
                if b & 0x80 == 0 {
                    return (v <= u32::MAX as usize).then_some(v);
                }
            }
            None
        };
        let label = |q: &mut usize, signed: bool| -> Option<usize> {
            let b0 = *bc.get(*q)? as isize;
            let v = if b0 & 0x80 != 0 {
                let b1 = *bc.get(*q + 1)? as isize;
                *q += 2;
                let v = (b0 & 0x7f) | (b1 << 7);
                if signed {
                    v - 0x4000
                } else {
                    v
                }
            } else {
                *q += 1;
                if signed {
                    b0 - 0x40
                } else {
                    b0
                }
            };
            let t = (*q as isize).checked_add(v)?;
            usize::try_from(t).ok()
        };
        match op {
            0x10..=0x1c => i.arg = uint(&mut q)?,
            0x20 | 0x21 => {
                i.arg = uint(&mut q)?;
                i.extra = *bc.get(q)?;
                q += 1;
            }
            0x22 => {
                let mut v: i64 = if bc.get(q)? & 0x40 != 0 { -1 } else { 0 };
                let mut n = 0;
                loop {
                    let b = *bc.get(q)?;
                    q += 1;
                    n += 1;
                    if n > 10 {
                        return None;
                    }
                    v = v.checked_mul(128)? | (b & 0x7f) as i64;
                    if b & 0x80 == 0 {
                        break;
                    }
                }
                i.sint = v;
            }
            0x23..=0x37 => i.arg = uint(&mut q)?,
            0x40 => {
                target = Some(label(&mut q, true)?);
                i.extra = *bc.get(q)?;
                q += 1;
            }
            0x42..=0x44 => target = Some(label(&mut q, true)?),
            0x45..=0x4b => target = Some(label(&mut q, false)?),
            0x50..=0x5f | 0x62..=0x69 => {}
            0x70..=0xaf => i.sint = op as i64 - 0x70 - 16,
            0xb0..=0xcf => i.arg = (op & 0x0f) as usize,
            0xd0..=0xd3 => i.arg = (op - 0xd0) as usize,
            0xd7..=0xf9 => i.arg = (op - 0xd7) as usize,
            _ => return None,
        }
        if matches!(op, 0x24 | 0x26 | 0x28 | 0xb0..=0xcf) {
            max_local = Some(max_local.map_or(i.arg, |m: usize| m.max(i.arg)));
        }
        offs.push(start);
        raw_targets.push(target);
        ins.push(i);
    }
    if ins.is_empty() {
        return None;
    }
    for (idx, t) in raw_targets.iter().enumerate() {
        if let Some(t) = t {
            ins[idx].target = offs.binary_search(t).ok()?;
        }
    }

    // Locals and cells.
    let top_local = [max_local.map_or(0, |m| m + 1), n_params]
        .into_iter()
        .chain(cells.iter().map(|c| c + 1))
        .max()
        .unwrap_or(0);
    if top_local > 1024 {
        return None;
    }
    let mut cell_of = vec![None; top_local];
    for (ci, &c) in cells.iter().enumerate() {
        if c < n_free {
            return None;
        }
        *cell_of.get_mut(c)? = Some(ci as u32);
    }
    for (j, slot) in cell_of.iter_mut().enumerate().take(n_free) {
        *slot = Some((cells.len() + j) as u32);
    }
    let mut slot_of = vec![None; top_local];
    let mut nlocals = n_params - n_free;
    for (j, s) in slot_of.iter_mut().enumerate().skip(n_free) {
        if j < n_params || cell_of[j].is_none() {
            *s = Some((j - n_free) as u32);
            nlocals = nlocals.max(j - n_free + 1);
        }
    }

    let n = ins.len();
    let mut tr = Tr {
        vm,
        file,
        raw,
        ins,
        cell_of,
        slot_of,
        nlocals,
        names: Vec::new(),
        name_of_qstr: vec![None; file.qstrs.len()],
        consts: Vec::new(),
        instrs: Vec::new(),
        lines: Vec::new(),
        emitting: false,
        label: vec![0; n],
        push_at: vec![0; n],
        fixups: Vec::new(),
        stub_fixups: Vec::new(),
        stubs: Vec::new(),
        tramps: Vec::new(),
        fin_handler: vec![false; n],
        skip: vec![false; n],
        ret_local: None,
        child_info: vec![None; raw.children.len()],
        child_consts: Vec::new(),
        max_depth: 0,
    };

    // Data flow.
    let mut states: Vec<Option<State>> = vec![None; n];
    states[0] = Some(State {
        stack: Vec::new(),
        blocks: Vec::new(),
    });
    let mut work = vec![0usize];
    let mut steps = 0usize;
    while let Some(i) = work.pop() {
        steps += 1;
        if steps > n.saturating_mul(8).saturating_add(64) {
            return None;
        }
        let st = states[i].clone()?;
        let succ = tr.step(i, st)?;
        let mut all = succ.jumps;
        if let Some(f) = succ.falls {
            all.push((i + 1, f));
        }
        for (t, s) in all {
            if t >= n {
                return None;
            }
            match &states[t] {
                None => {
                    states[t] = Some(s);
                    work.push(t);
                }
                Some(old) => {
                    if old.stack.len() != s.stack.len()
                        || width(&old.stack) != width(&s.stack)
                        || old.blocks.len() != s.blocks.len()
                    {
                        return None;
                    }
                }
            }
        }
    }

    // Emission.
    tr.emitting = true;
    tr.instrs.clear();
    tr.stubs.clear();
    let mut prev_falls = false;
    let mut last_line = 0u32;
    for (i, st) in states.into_iter().enumerate() {
        let Some(st) = st else {
            tr.label[i] = tr.instrs.len() as u32;
            prev_falls = false;
            continue;
        };
        let line = tr.ins[i].line;
        if line != last_line {
            tr.lines.push((tr.instrs.len() as u32, line));
            last_line = line;
        }
        if tr.fin_handler[i] && prev_falls {
            tr.e(Instr::Mp(OP_ACTIVATE));
        }
        tr.label[i] = tr.instrs.len() as u32;
        tr.max_depth = tr.max_depth.max(width(&st.stack));
        let succ = tr.step(i, st)?;
        prev_falls = succ.falls.is_some();
    }
    if prev_falls {
        return None;
    }
    // Continuations of unwinds through finally blocks (they may queue more).
    let mut sn = 0;
    let mut stub_start = Vec::new();
    while sn < tr.stubs.len() {
        if sn > 4096 {
            return None;
        }
        stub_start.push(tr.instrs.len());
        let s = &tr.stubs[sn];
        let (blocks, depth, fin) = (s.blocks.clone(), s.depth, s.fin);
        tr.unwind(&blocks, depth, fin)?;
        sn += 1;
    }
    for &(at, stub) in &tr.stub_fixups {
        let v = *stub_start.get(stub)?;
        tr.instrs[at] = Instr::LoadInt(i32::try_from(v).ok()?);
    }
    // Trampolines into finally handlers.
    let tramps = core::mem::take(&mut tr.tramps);
    for (at, target) in tramps {
        let here = tr.instrs.len() as u32;
        tr.instrs.push(Instr::Mp(OP_ACTIVATE));
        tr.instrs.push(Instr::Jump(*tr.label.get(target)?));
        tr.instrs[at] = tr.instrs[at].with_target(here)?;
    }
    for &(at, target) in &tr.fixups {
        let t = *tr.label.get(target)?;
        tr.instrs[at] = tr.instrs[at].with_target(t)?;
    }
    if tr.instrs.len() >= i32::MAX as usize {
        return None;
    }

    // Children.
    let child_consts = core::mem::take(&mut tr.child_consts);
    for (ci, child) in child_consts {
        let info = tr
            .child_info
            .get(child)
            .copied()
            .flatten()
            .unwrap_or_default();
        let rc = tr.raw.children.get(child)?;
        let code = translate(&mut *tr.vm, tr.file, rc, info, false)?;
        let v = Value::Obj(Rc::new(PyObject::Code(Rc::new(code))));
        *tr.consts.get_mut(ci)? = v;
    }

    // Names of locals and cells.
    let mut varnames: Vec<Str> = Vec::with_capacity(tr.nlocals + 1);
    for s in 0..tr.nlocals {
        let j = s + n_free;
        let nm = if j < a + k {
            argnames.get(j)?.clone()
        } else if j == a + k && varargs {
            tr.vm.intern("args")
        } else if j < n_params {
            tr.vm.intern("kwargs")
        } else {
            tr.vm.intern(&format!("_local{}", j))
        };
        varnames.push(nm);
    }
    if let Some(h) = tr.ret_local {
        if h as usize != varnames.len() {
            return None;
        }
        varnames.push(tr.vm.intern("(return)"));
    }
    let mut cellvars = Vec::new();
    let mut cell2arg = Vec::new();
    for &c in &cells {
        let nm = if c < a + k {
            argnames.get(c)?.clone()
        } else if info.class_body {
            tr.vm.intern("__class__")
        } else {
            tr.vm.intern(&format!("_cell{}", c))
        };
        cellvars.push(nm);
        cell2arg.push(if c < n_params {
            Some((c - n_free) as u32)
        } else {
            None
        });
    }
    let freevars: Vec<Str> = (0..n_free)
        .map(|j| tr.vm.intern(&format!("_free{}", j)))
        .collect();

    let mut cflags = 0u32;
    if generator {
        cflags |= CO_GENERATOR;
    }
    if varargs {
        cflags |= CO_VARARGS;
    }
    if varkw {
        cflags |= CO_VARKEYWORDS;
    }
    if module {
        cflags |= CO_NAMESPACE;
    }
    if info.class_body {
        cflags |= CO_NAMESPACE | CO_CLASS_BODY;
    }
    let argcount = (a - n_free) as u32;
    let simple_call = !generator && !varargs && !varkw && k == 0 && cells.is_empty() && n_free == 0;
    let filename = file.qstrs.first()?.clone();
    let firstlineno = tr.ins.first().map(|i| i.line).unwrap_or(1);
    let names = core::mem::take(&mut tr.names);
    let caches = CodeCaches::new(names.len());
    // The same superinstructions as compiled code (the Mp helper ops read no neighbours).
    crate::opcode::fuse(&mut tr.instrs);
    Some(Code {
        name: name.clone(),
        qualname: name,
        filename,
        firstlineno,
        flags: cflags,
        argcount,
        posonlyargcount: 0,
        kwonlyargcount: k as u32,
        varnames,
        cellvars,
        cell2arg,
        freevars,
        names,
        consts: core::mem::take(&mut tr.consts),
        instrs: core::mem::take(&mut tr.instrs),
        lines: core::mem::take(&mut tr.lines),
        max_stack: (tr.max_depth + 8) as u32,
        doc: None,
        caches,
        simple_call,
    })
}

/// A NULL pushed by LOAD_NULL (no slot of ours).
fn is_null(s: Slot) -> bool {
    s.kind == Kind::Pad && matches!(s.origin, Origin::Null(_))
}

fn binop(k: usize) -> Option<BinOp> {
    Some(match k {
        0 => BinOp::BitOr,
        1 => BinOp::BitXor,
        2 => BinOp::BitAnd,
        3 => BinOp::LShift,
        4 => BinOp::RShift,
        5 => BinOp::Add,
        6 => BinOp::Sub,
        7 => BinOp::Mult,
        8 => BinOp::MatMult,
        9 => BinOp::FloorDiv,
        10 => BinOp::Div,
        11 => BinOp::Mod,
        12 => BinOp::Pow,
        _ => return None,
    })
}

impl Tr<'_> {
    fn e(&mut self, i: Instr) {
        if self.emitting {
            self.instrs.push(i);
        }
    }

    /// Emit a jump to MicroPython instruction `t` from state `st` (through a trampoline when it
    /// enters a finally handler whose block is not active yet).
    fn ej(&mut self, i: Instr, t: usize, st: &State) {
        if !self.emitting {
            return;
        }
        let at = self.instrs.len();
        self.instrs.push(i);
        let enters = st
            .blocks
            .iter()
            .any(|b| b.handler == t && !b.active && b.kind != BKind::Except);
        if enters {
            self.tramps.push((at, t));
        } else {
            self.fixups.push((at, t));
        }
    }

    fn name(&mut self, q: usize) -> Option<u32> {
        if let Some(Some(i)) = self.name_of_qstr.get(q) {
            return Some(*i);
        }
        let s = self.file.qstrs.get(q)?.clone();
        let i = self.names.len() as u32;
        self.names.push(s);
        *self.name_of_qstr.get_mut(q)? = Some(i);
        Some(i)
    }

    fn konst(&mut self, v: Value) -> u32 {
        if !self.emitting {
            return 0;
        }
        self.consts.push(v);
        (self.consts.len() - 1) as u32
    }

    fn local(&self, j: usize) -> Option<u32> {
        self.slot_of.get(j).copied().flatten()
    }

    fn cell(&self, j: usize) -> Option<u32> {
        self.cell_of.get(j).copied().flatten()
    }

    fn ret_local(&mut self) -> u32 {
        match self.ret_local {
            Some(h) => h,
            None => {
                let h = self.nlocals as u32;
                self.ret_local = Some(h);
                h
            }
        }
    }

    /// Drop the push of the instruction at MicroPython index `i` (it becomes a Nop).
    fn drop_push(&mut self, i: usize) {
        if self.emitting {
            if let Some(&at) = self.push_at.get(i) {
                if let Some(x) = self.instrs.get_mut(at as usize) {
                    *x = Instr::Nop;
                }
            }
        }
    }

    fn child(&mut self, u: usize, info: ChildInfo) -> Option<u32> {
        if u >= self.raw.children.len() {
            return None;
        }
        self.child_info[u] = Some(info);
        if !self.emitting {
            return Some(0);
        }
        let ci = self.konst(Value::None);
        self.child_consts.push((ci as usize, u));
        Some(ci)
    }

    /// Leave `blocks` (innermost first) from our stack depth `depth`, then finish as `fin` says.
    fn unwind(&mut self, blocks: &[Blk], depth: usize, fin: Final) -> Option<()> {
        let mut depth = depth;
        for (k, b) in blocks.iter().enumerate() {
            if depth < b.our_level {
                return None;
            }
            for _ in b.our_level..depth {
                self.e(Instr::PopTop);
            }
            depth = b.our_level;
            // A with block's level includes its `__exit__`, which leaving the block consumes.
            let after = depth.saturating_sub(b.consumed.1);
            match (b.kind, b.active) {
                (BKind::Except, false) => self.e(Instr::PopBlock),
                (_, true) => {
                    self.e(Instr::PopExcept);
                    if after < depth {
                        self.e(Instr::PopTop);
                    }
                    depth = after;
                }
                (_, false) => {
                    if self.emitting {
                        let id = self.stubs.len();
                        self.stubs.push(Stub {
                            blocks: blocks[k + 1..].to_vec(),
                            depth: after,
                            fin,
                        });
                        self.stub_fixups.push((self.instrs.len(), id));
                        self.instrs.push(Instr::LoadInt(0));
                        self.instrs.push(Instr::Mp(OP_ACTIVATE));
                        let at = self.instrs.len();
                        self.instrs.push(Instr::Jump(0));
                        self.fixups.push((at, b.handler));
                    }
                    return Some(());
                }
            }
        }
        match fin {
            Final::Jump(t, pop_iter) => {
                if pop_iter {
                    self.e(Instr::PopTop);
                }
                if self.emitting {
                    let at = self.instrs.len();
                    self.instrs.push(Instr::Jump(0));
                    self.fixups.push((at, t));
                }
            }
            Final::Return => {
                let h = self.ret_local();
                self.e(Instr::LoadFast(h));
                self.e(Instr::ReturnValue);
            }
        }
        Some(())
    }

    /// Pop `n` value slots (none may be a spare slot).
    fn take(st: &mut State, n: usize) -> Option<Vec<Slot>> {
        let len = st.stack.len();
        if n > len {
            return None;
        }
        let v = st.stack.split_off(len - n);
        if v.iter().any(|s| s.kind == Kind::Pad) {
            return None;
        }
        Some(v)
    }

    /// The keyword-name tuple of a call's `n_kw` (name, value) pairs on top of the stack, with
    /// the pushes of the names dropped.
    fn kwnames(&mut self, st: &State, n_kw: usize, extra_top: usize) -> Option<u32> {
        let len = st.stack.len();
        let base = len.checked_sub(2 * n_kw + extra_top)?;
        let mut names = Vec::with_capacity(n_kw);
        for j in 0..n_kw {
            match st.stack.get(base + 2 * j)?.origin {
                Origin::Str(at, q) => {
                    self.drop_push(at);
                    names.push(Value::Str(self.file.qstrs.get(q)?.clone()));
                }
                _ => return None,
            }
        }
        if !self.emitting {
            return Some(0);
        }
        let t = self.vm.new_tuple(names);
        Some(self.konst(t))
    }

    /// Translate instruction `i` from state `st`; returns the successor states.
    fn step(&mut self, i: usize, mut st: State) -> Option<Succ> {
        let ins = *self.ins.get(i)?;
        let mut jumps = Vec::new();
        if self.skip[i] {
            return Some(Succ {
                falls: Some(st),
                jumps,
            });
        }
        if self.emitting {
            self.push_at[i] = self.instrs.len() as u32;
        }
        macro_rules! push {
            ($s:expr) => {
                st.stack.push($s)
            };
        }
        macro_rules! pop {
            ($n:expr) => {
                Self::take(&mut st, $n)?
            };
        }
        match ins.op {
            0x10 => {
                let s = self.file.qstrs.get(ins.arg)?.clone();
                let c = self.konst(Value::Str(s));
                self.e(Instr::LoadConst(c));
                push!(Slot {
                    kind: Kind::Val,
                    origin: Origin::Str(i, ins.arg)
                });
            }
            0x11 | 0x12 => {
                let n = self.name(ins.arg)?;
                self.e(if ins.op == 0x11 {
                    Instr::LoadName(n)
                } else {
                    Instr::LoadGlobal(n)
                });
                push!(VAL);
            }
            0x13 => {
                let n = self.name(ins.arg)?;
                pop!(1);
                self.e(Instr::LoadAttr(n));
                push!(VAL);
            }
            0x14 => {
                let n = self.name(ins.arg)?;
                pop!(1);
                self.e(Instr::LoadMethod(n));
                push!(VAL);
                push!(VAL);
            }
            0x15 => {
                // [super, __class__, self] -> super(__class__, self).name as a method pair.
                let n = self.name(ins.arg)?;
                pop!(3);
                self.e(Instr::Call(2));
                self.e(Instr::LoadMethod(n));
                push!(VAL);
                push!(VAL);
            }
            0x16 | 0x17 => {
                let n = self.name(ins.arg)?;
                pop!(1);
                self.e(if ins.op == 0x16 {
                    Instr::StoreName(n)
                } else {
                    Instr::StoreGlobal(n)
                });
            }
            0x18 => {
                // `del obj.name` stores a NULL.
                let n = self.name(ins.arg)?;
                let len = st.stack.len();
                let v = *st.stack.get(len.checked_sub(2)?)?;
                if is_null(v) {
                    pop!(1);
                    st.stack.pop();
                    self.e(Instr::DeleteAttr(n));
                } else {
                    pop!(2);
                    self.e(Instr::StoreAttr(n));
                }
            }
            0x19 | 0x1a => {
                let n = self.name(ins.arg)?;
                self.e(if ins.op == 0x19 {
                    Instr::DeleteName(n)
                } else {
                    Instr::DeleteGlobal(n)
                });
            }
            0x1b => {
                let n = self.name(ins.arg)?;
                pop!(2);
                self.e(Instr::ImportName(n));
                push!(VAL);
            }
            0x1c => {
                let n = self.name(ins.arg)?;
                if st.stack.is_empty() {
                    return None;
                }
                self.e(Instr::ImportFrom(n));
                push!(VAL);
            }
            0x20 | 0x21 => {
                // MAKE_CLOSURE(_DEFARGS): [(deftuple, defdict,) cells...] -> [function]
                let nc = ins.extra as usize;
                let defargs = ins.op == 0x21;
                let below = st.stack.len().checked_sub(nc + 1);
                let class_body = !defargs
                    && below
                        .and_then(|b| st.stack.get(b))
                        .is_some_and(|s| s.origin == Origin::BuildClass);
                pop!(nc);
                let mut flags = 8;
                if defargs {
                    flags |= self.defargs(&mut st)?;
                }
                self.e(Instr::BuildTuple(nc as u32));
                let c = self.child(
                    ins.arg,
                    ChildInfo {
                        n_free: nc,
                        class_body,
                    },
                )?;
                self.e(Instr::LoadConst(c));
                self.e(Instr::MakeFunction(flags));
                push!(VAL);
            }
            0x22 => {
                match i32::try_from(ins.sint) {
                    Ok(v) => self.e(Instr::LoadInt(v)),
                    Err(_) => {
                        let c = self.konst(Value::Int(ins.sint));
                        self.e(Instr::LoadConst(c));
                    }
                }
                push!(VAL);
            }
            0x23 => {
                let v = self.file.objs.get(ins.arg)?.clone();
                let c = self.konst(v);
                self.e(Instr::LoadConst(c));
                push!(VAL);
            }
            0x24 | 0xb0..=0xbf => {
                if let Some(c) = self.cell(ins.arg) {
                    self.e(Instr::LoadClosure(c));
                } else {
                    let l = self.local(ins.arg)?;
                    self.e(Instr::LoadFast(l));
                }
                push!(VAL);
            }
            0x25 => {
                let c = self.cell(ins.arg)?;
                self.e(Instr::LoadDeref(c));
                push!(VAL);
            }
            0x26 | 0xc0..=0xcf => {
                pop!(1);
                if self.cell(ins.arg).is_some() {
                    return None;
                }
                let l = self.local(ins.arg)?;
                self.e(Instr::StoreFast(l));
            }
            0x27 => {
                pop!(1);
                let c = self.cell(ins.arg)?;
                self.e(Instr::StoreDeref(c));
            }
            0x28 => {
                let l = self.local(ins.arg)?;
                self.e(Instr::DeleteFast(l));
            }
            0x29 => {
                let c = self.cell(ins.arg)?;
                self.e(Instr::DeleteDeref(c));
            }
            0x2a | 0x2b | 0x2d => {
                pop!(ins.arg);
                let n = ins.arg as u32;
                self.e(match ins.op {
                    0x2a => Instr::BuildTuple(n),
                    0x2b => Instr::BuildList(n),
                    _ => Instr::BuildSet(n),
                });
                push!(VAL);
            }
            0x2c => {
                self.e(Instr::BuildMap(0));
                push!(VAL);
            }
            0x2e => {
                if ins.arg != 2 && ins.arg != 3 {
                    return None;
                }
                pop!(ins.arg);
                self.e(Instr::BuildSlice(ins.arg as u32));
                push!(VAL);
            }
            0x2f => {
                // STORE_COMP: the collection is `arg >> 2` slots below the top.
                let kind = ins.arg & 3;
                let k = ins.arg >> 2;
                let len = st.stack.len();
                let j = len.checked_sub(1 + k)?;
                if kind == 1 {
                    let w = width(st.stack.get(j..len.checked_sub(2)?)?);
                    pop!(2);
                    self.e(Instr::RotTwo);
                    self.e(Instr::MapAdd(w as u32));
                } else {
                    let w = width(st.stack.get(j..len - 1)?);
                    pop!(1);
                    self.e(if kind == 0 {
                        Instr::ListAppend(w as u32)
                    } else {
                        Instr::SetAdd(w as u32)
                    });
                }
                if st.stack.len() <= j || st.stack[j].kind == Kind::Pad {
                    return None;
                }
            }
            0x30 => {
                pop!(1);
                if ins.arg > 0xffff {
                    return None;
                }
                self.e(Instr::UnpackSequence(ins.arg as u32));
                for _ in 0..ins.arg {
                    push!(VAL);
                }
            }
            0x31 => {
                pop!(1);
                let left = ins.arg & 0xff;
                let right = (ins.arg >> 8) & 0xff;
                self.e(Instr::UnpackEx((left | right << 8) as u32));
                for _ in 0..left + right + 1 {
                    push!(VAL);
                }
            }
            0x32 | 0x33 => {
                let class_body = ins.op == 0x32
                    && st
                        .stack
                        .last()
                        .is_some_and(|s| s.origin == Origin::BuildClass);
                let flags = if ins.op == 0x33 {
                    self.defargs(&mut st)?
                } else {
                    0
                };
                let c = self.child(
                    ins.arg,
                    ChildInfo {
                        n_free: 0,
                        class_body,
                    },
                )?;
                self.e(Instr::LoadConst(c));
                self.e(Instr::MakeFunction(flags));
                push!(VAL);
            }
            0x34 | 0x36 => {
                let n_pos = ins.arg & 0xff;
                let n_kw = (ins.arg >> 8) & 0xff;
                let method = ins.op == 0x36;
                let total = n_pos + n_kw;
                if n_kw > 0 {
                    let c = self.kwnames(&st, n_kw, 0)?;
                    self.e(Instr::LoadConst(c));
                    self.e(if method {
                        Instr::CallMethodKw(total as u32)
                    } else {
                        Instr::CallKw(total as u32)
                    });
                } else {
                    self.e(if method {
                        Instr::CallMethod(total as u32)
                    } else {
                        Instr::Call(total as u32)
                    });
                }
                pop!(1 + method as usize + n_pos + 2 * n_kw);
                push!(VAL);
            }
            0x35 | 0x37 => {
                let n_pos = ins.arg & 0xff;
                let n_kw = (ins.arg >> 8) & 0xff;
                let method = ins.op == 0x37;
                let len = st.stack.len();
                let base = len.checked_sub(1 + 2 * n_kw)?;
                // Bit j set: keyword pair j is a `**mapping` (its NULL key has no slot of ours).
                let mut mask: i64 = 0;
                for j in 0..n_kw {
                    let key = st.stack.get(base + 2 * j)?;
                    match key.origin {
                        Origin::Null(_) if j < 31 => mask |= 1 << j,
                        _ if key.kind == Kind::Pad => return None,
                        _ => {}
                    }
                }
                let n = 2 + method as usize + n_pos + 2 * n_kw;
                let first = len.checked_sub(n)?;
                if st.stack[first..]
                    .iter()
                    .any(|s| s.kind == Kind::Pad && s.origin == Origin::Other)
                {
                    return None;
                }
                st.stack.truncate(first);
                let a = (n_pos | n_kw << 8 | (method as usize) << 16) as u32;
                self.e(Instr::LoadInt(mask as i32));
                self.e(Instr::Mp(OP_PACK_CALL | a << 4));
                self.e(Instr::CallEx(1));
                push!(VAL);
            }
            0x40 => {
                let n = (ins.extra & 0x7f) as usize;
                let pop_iter = ins.extra & 0x80 != 0;
                if n > st.blocks.len() {
                    return None;
                }
                let unwound: Vec<Blk> = st.blocks[st.blocks.len() - n..]
                    .iter()
                    .rev()
                    .copied()
                    .collect();
                let depth = width(&st.stack);
                let mut dest = st.clone();
                if let Some(outer) = unwound.last() {
                    let l = outer.level.saturating_sub(outer.consumed.0);
                    dest.stack.truncate(l);
                }
                dest.blocks.truncate(st.blocks.len() - n);
                if pop_iter {
                    let l = dest.stack.len().checked_sub(4)?;
                    dest.stack.truncate(l);
                }
                self.unwind(&unwound, depth, Final::Jump(ins.target, pop_iter))?;
                jumps.push((ins.target, dest));
                return Some(Succ { falls: None, jumps });
            }
            0x42 => {
                self.ej(Instr::Jump(0), ins.target, &st);
                jumps.push((ins.target, st));
                return Some(Succ { falls: None, jumps });
            }
            0x43 | 0x44 => {
                pop!(1);
                self.ej(
                    if ins.op == 0x43 {
                        Instr::PopJumpIfTrue(0)
                    } else {
                        Instr::PopJumpIfFalse(0)
                    },
                    ins.target,
                    &st,
                );
                jumps.push((ins.target, st.clone()));
            }
            0x45 | 0x46 => {
                if st.stack.is_empty() {
                    return None;
                }
                self.ej(
                    if ins.op == 0x45 {
                        Instr::JumpIfTrueOrPop(0)
                    } else {
                        Instr::JumpIfFalseOrPop(0)
                    },
                    ins.target,
                    &st,
                );
                jumps.push((ins.target, st.clone()));
                pop!(1);
            }
            0x47..=0x49 => {
                let kind = match ins.op {
                    0x47 => BKind::With,
                    0x48 => BKind::Except,
                    _ => BKind::Finally,
                };
                if kind == BKind::With {
                    pop!(1);
                    self.e(Instr::BeforeWith);
                    push!(VAL);
                    push!(PAD);
                }
                let consumed = match kind {
                    BKind::With => (2, 1),
                    BKind::Finally if self.async_with_handler(ins.target) => (1, 1),
                    _ => (0, 0),
                };
                let blk = Blk {
                    kind,
                    handler: ins.target,
                    level: st.stack.len(),
                    our_level: width(&st.stack),
                    consumed,
                    active: false,
                };
                if ins.target <= i {
                    return None;
                }
                if kind != BKind::Except {
                    self.fin_handler[ins.target] = true;
                }
                let at = self.instrs.len();
                self.e(match kind {
                    BKind::With => Instr::SetupWith(0),
                    BKind::Except => Instr::SetupExcept(0),
                    BKind::Finally => Instr::SetupFinally(0),
                });
                if self.emitting {
                    self.fixups.push((at, ins.target));
                }
                let mut h = State {
                    stack: st.stack.clone(),
                    blocks: st.blocks.clone(),
                };
                h.stack.push(if kind == BKind::Except { VAL } else { FIN });
                h.blocks.push(Blk {
                    active: true,
                    ..blk
                });
                jumps.push((ins.target, h));
                st.blocks.push(blk);
                if kind == BKind::With {
                    push!(VAL);
                }
            }
            0x4a => {
                let b = st.blocks.pop()?;
                self.e(if b.active {
                    Instr::PopExcept
                } else {
                    Instr::PopBlock
                });
                self.ej(Instr::Jump(0), ins.target, &st);
                jumps.push((ins.target, st));
                return Some(Succ { falls: None, jumps });
            }
            0x4b => {
                // The four iterator slots hold one value of ours: GET_ITER_STACK's iterator
                // first, or (generator expressions) NULL, iterator, NULL, NULL.
                let len = st.stack.len();
                let it = st.stack.get(len.checked_sub(4)?..)?;
                if width(it) != 1 || it.iter().any(|s| s.kind == Kind::Fin) {
                    return None;
                }
                self.ej(Instr::ForIter(0), ins.target, &st);
                let mut done = st.clone();
                done.stack.truncate(len - 4);
                jumps.push((ins.target, done));
                push!(VAL);
            }
            0x50..=0x52 => {
                self.e(match ins.op {
                    0x50 => Instr::LoadBool(false),
                    0x51 => Instr::LoadNone,
                    _ => Instr::LoadBool(true),
                });
                push!(VAL);
            }
            0x53 => {
                // NULL pushes nothing of ours: its users know it statically (an absent defaults
                // tuple, a `**` argument's key, the spare slots of a for-loop iterator).
                push!(Slot {
                    kind: Kind::Pad,
                    origin: Origin::Null(i)
                });
            }
            0x54 => {
                self.e(Instr::LoadBuildClass);
                push!(Slot {
                    kind: Kind::Val,
                    origin: Origin::BuildClass
                });
            }
            0x55 => {
                pop!(2);
                self.e(Instr::BinarySubscr);
                push!(VAL);
            }
            0x56 => {
                // `del obj[index]` stores a NULL.
                let len = st.stack.len();
                let v = *st.stack.get(len.checked_sub(3)?)?;
                if is_null(v) {
                    pop!(2);
                    st.stack.pop();
                    self.e(Instr::DeleteSubscr);
                } else {
                    pop!(3);
                    self.e(Instr::StoreSubscr);
                }
            }
            0x57 => {
                let top = *st.stack.last()?;
                if top.kind == Kind::Pad {
                    return None;
                }
                self.e(Instr::DupTop);
                push!(VAL);
            }
            0x58 => {
                let len = st.stack.len();
                if st
                    .stack
                    .get(len.checked_sub(2)?..)?
                    .iter()
                    .any(|s| s.kind == Kind::Pad)
                {
                    return None;
                }
                self.e(Instr::DupTopTwo);
                push!(VAL);
                push!(VAL);
            }
            0x59 => {
                let s = st.stack.pop()?;
                if s.kind != Kind::Pad {
                    self.e(Instr::PopTop);
                }
            }
            0x5a => {
                let len = st.stack.len();
                let v = st.stack.split_off(len.checked_sub(2)?);
                if is_null(v[1]) && v[0].kind != Kind::Pad {
                    // Moving a NULL (for a delete) under a value moves nothing of ours.
                } else if v.iter().any(|s| s.kind == Kind::Pad) {
                    return None;
                } else {
                    self.e(Instr::RotTwo);
                }
                st.stack.push(v[1]);
                st.stack.push(v[0]);
            }
            0x5b => {
                let top = *st.stack.last()?;
                if top.kind == Kind::Fin && self.ins.get(i + 1).map(|x| x.op) == Some(0x5b) {
                    // `async with` moving the context manager above a return/jump state (two
                    // slots in MicroPython, one here): ROT_THREE twice is a ROT_TWO.
                    let v = pop!(2);
                    self.e(Instr::RotTwo);
                    st.stack.push(v[1]);
                    st.stack.push(v[0]);
                    self.skip[i + 1] = true;
                } else {
                    let len = st.stack.len();
                    let v = st.stack.split_off(len.checked_sub(3)?);
                    if is_null(v[2]) && v[..2].iter().all(|s| s.kind != Kind::Pad) {
                        // Moving a NULL (for a delete) under two values moves nothing of ours.
                    } else if v.iter().any(|s| s.kind == Kind::Pad) {
                        return None;
                    } else {
                        self.e(Instr::RotThree);
                    }
                    st.stack.push(v[2]);
                    st.stack.push(v[0]);
                    st.stack.push(v[1]);
                }
            }
            0x5c => {
                // WITH_CLEANUP: [exit, (self), state] -> [state']
                let len = st.stack.len();
                let s = st.stack.get(len.checked_sub(3)?..)?;
                if s[0].kind == Kind::Pad || s[1].kind != Kind::Pad || s[2].kind == Kind::Pad {
                    return None;
                }
                st.stack.truncate(len - 3);
                self.e(Instr::Mp(OP_WITH_CLEANUP));
                push!(FIN);
            }
            0x5d => {
                let s = st.stack.pop()?;
                if s.kind == Kind::Pad {
                    return None;
                }
                st.blocks.pop()?;
                self.e(Instr::Mp(OP_END_FINALLY));
            }
            0x5e => {
                pop!(1);
                self.e(Instr::GetYieldFromIter);
                push!(VAL);
            }
            0x5f => {
                pop!(1);
                self.e(Instr::GetIter);
                push!(VAL);
                push!(PAD);
                push!(PAD);
                push!(PAD);
            }
            0x62 => {
                pop!(2);
                if st.stack.last()?.kind == Kind::Pad {
                    return None;
                }
                self.e(Instr::RotTwo);
                self.e(Instr::MapAdd(1));
            }
            0x63 => {
                pop!(1);
                let blocks: Vec<Blk> = st.blocks.iter().rev().copied().collect();
                if blocks.is_empty() {
                    self.e(Instr::ReturnValue);
                } else if blocks.iter().all(|b| b.kind == BKind::Except || b.active) {
                    for b in &blocks {
                        self.e(if b.active {
                            Instr::PopExcept
                        } else {
                            Instr::PopBlock
                        });
                    }
                    self.e(Instr::ReturnValue);
                } else {
                    let h = self.ret_local();
                    self.e(Instr::StoreFast(h));
                    let depth = width(&st.stack);
                    self.unwind(&blocks, depth, Final::Return)?;
                }
                return Some(Succ { falls: None, jumps });
            }
            0x64 => {
                self.e(Instr::Raise(0));
                return Some(Succ { falls: None, jumps });
            }
            0x65 => {
                pop!(1);
                self.e(Instr::Raise(1));
                return Some(Succ { falls: None, jumps });
            }
            0x66 => {
                pop!(2);
                self.e(Instr::Raise(2));
                return Some(Succ { falls: None, jumps });
            }
            0x67 => {
                pop!(1);
                self.e(Instr::YieldValue);
                push!(VAL);
            }
            0x68 => {
                pop!(2);
                self.e(Instr::YieldFrom);
                push!(VAL);
            }
            0x69 => {
                pop!(1);
                self.e(Instr::ImportStar);
            }
            0x70..=0xaf => {
                self.e(Instr::LoadInt(ins.sint as i32));
                push!(VAL);
            }
            0xd0..=0xd3 => {
                pop!(1);
                self.e(match ins.arg {
                    0 => Instr::UnaryPos,
                    1 => Instr::UnaryNeg,
                    2 => Instr::UnaryInvert,
                    _ => Instr::UnaryNot,
                });
                push!(VAL);
            }
            0xd7..=0xf9 => {
                pop!(2);
                match ins.arg {
                    0 => self.e(Instr::Compare(CmpOp::Lt)),
                    1 => self.e(Instr::Compare(CmpOp::Gt)),
                    2 => self.e(Instr::Compare(CmpOp::Eq)),
                    3 => self.e(Instr::Compare(CmpOp::LtE)),
                    4 => self.e(Instr::Compare(CmpOp::GtE)),
                    5 => self.e(Instr::Compare(CmpOp::NotEq)),
                    6 => self.e(Instr::Compare(CmpOp::In)),
                    7 => self.e(Instr::Compare(CmpOp::Is)),
                    8 => {
                        // [exc, type] -> [match?]
                        self.e(Instr::CheckExcMatch);
                        self.e(Instr::RotTwo);
                        self.e(Instr::PopTop);
                    }
                    9..=21 => self.e(Instr::InplaceOp(binop(ins.arg - 9)?)),
                    22..=34 => self.e(Instr::BinaryOp(binop(ins.arg - 22)?)),
                    _ => return None,
                }
                push!(VAL);
            }
            _ => return None,
        }
        Some(Succ {
            falls: Some(st),
            jumps,
        })
    }

    /// Does the finally handler at `h` start as `async with`'s does (DUP_TOP, LOAD_GLOBAL
    /// BaseException, exception match)? Its code pops the context manager kept below the block.
    fn async_with_handler(&self, h: usize) -> bool {
        let (Some(a), Some(b), Some(c)) =
            (self.ins.get(h), self.ins.get(h + 1), self.ins.get(h + 2))
        else {
            return false;
        };
        a.op == 0x57
            && b.op == 0x12
            && c.op == 0xd7 + 8
            && self
                .file
                .qstrs
                .get(b.arg)
                .is_some_and(|q| q.as_str() == "BaseException")
    }

    /// The `MakeFunction` flags for MAKE_*_DEFARGS's `[deftuple, defdict]` (popped), dropping
    /// the pushes of absent (NULL) ones.
    fn defargs(&mut self, st: &mut State) -> Option<u32> {
        let len = st.stack.len();
        let v = st.stack.split_off(len.checked_sub(2)?);
        if v.iter()
            .any(|s| s.kind != Kind::Val && !matches!(s.origin, Origin::Null(_)))
        {
            return None;
        }
        let mut flags = 0;
        if !matches!(v[0].origin, Origin::Null(_)) {
            flags |= 1;
        }
        if !matches!(v[1].origin, Origin::Null(_)) {
            flags |= 2;
        }
        Some(flags)
    }
}
