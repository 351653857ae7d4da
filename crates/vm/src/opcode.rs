//! The bytecode instruction set.
//!
//! Each instruction is one `Instr` value (8 bytes: an opcode and a 32-bit argument). Jump targets are
//! instruction indices into `Code::instrs`. Stack effects are written as `[before] -> [after]`, top of
//! stack on the right. Name arguments index `Code::names`; constant arguments index `Code::consts`;
//! local slot arguments index the frame's fast locals (`Code::varnames`); cell arguments index the
//! frame's cells (`Code::cellvars` followed by `Code::freevars`).

use crate::ast::{BinOp, CmpOp};

/// One bytecode instruction.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Instr {
    /// Does nothing.
    Nop,
    /// `[] -> [consts[i]]`
    LoadConst(u32),
    /// `[] -> [None]`
    LoadNone,
    /// `[] -> [True]` / `[False]`
    LoadBool(bool),
    /// `[] -> [int]`: a small integer constant held in the instruction.
    LoadInt(i32),
    /// `[] -> [local i]`; UnboundLocalError if unset.
    LoadFast(u32),
    /// `[v] -> []`: store into local slot i.
    StoreFast(u32),
    /// `[] -> []`: unbind local slot i (UnboundLocalError if unset).
    DeleteFast(u32),
    /// `[] -> [cell i contents]`; NameError/UnboundLocalError ("free variable ... referenced before
    /// assignment") if empty.
    LoadDeref(u32),
    /// `[v] -> []`: store into cell i.
    StoreDeref(u32),
    /// `[] -> []`: empty cell i.
    DeleteDeref(u32),
    /// `[] -> [cell i]`: the cell object itself (to build a closure tuple).
    LoadClosure(u32),
    /// Class bodies only: `[] -> [v]`: the name `names[n]` from the class namespace if present,
    /// otherwise the contents of cell `c`. Argument packs `n` in the low 16 bits, `c` in the high 16.
    LoadClassDeref(u32),
    /// `[] -> [v]`: global `names[i]`, then builtins; NameError if absent.
    LoadGlobal(u32),
    /// `[v] -> []`
    StoreGlobal(u32),
    /// `[] -> []`
    DeleteGlobal(u32),
    /// `[] -> [v]`: the frame's locals dict, then globals, then builtins (module and class scope).
    LoadName(u32),
    /// `[v] -> []`: into the frame's locals dict (the globals at module level).
    StoreName(u32),
    /// `[] -> []`
    DeleteName(u32),
    /// `[obj] -> [obj.names[i]]`
    LoadAttr(u32),
    /// `[v, obj] -> []`: `obj.names[i] = v`
    StoreAttr(u32),
    /// `[obj] -> []`
    DeleteAttr(u32),
    /// `[obj] -> [a, b]`: prepares a method call without creating a bound method. Always followed
    /// (after the arguments are pushed) by `CallMethod` or `CallMethodKw`.
    LoadMethod(u32),
    /// `[a, b, arg1..argn] -> [result]`: call what `LoadMethod` prepared with n positional args.
    CallMethod(u32),
    /// `[a, b, arg1..argn, kwnames] -> [result]`: like CallMethod; the last `k` of the n args are
    /// keyword values whose names are in the constant tuple `kwnames` (a tuple of str).
    CallMethodKw(u32),
    /// `[a, b] -> [a OP b]`
    BinaryOp(BinOp),
    /// `[a, b] -> [a OP= b]` (tries `__iop__` first).
    InplaceOp(BinOp),
    /// `[a] -> [-a]`
    UnaryNeg,
    /// `[a] -> [+a]`
    UnaryPos,
    /// `[a] -> [~a]`
    UnaryInvert,
    /// `[a] -> [not a]`
    UnaryNot,
    /// `[a, b] -> [a OP b]` for `< <= == != > >= in not-in is is-not`.
    Compare(CmpOp),
    /// `[container, index] -> [container[index]]`
    BinarySubscr,
    /// `[v, container, index] -> []`: `container[index] = v`
    StoreSubscr,
    /// `[container, index] -> []`
    DeleteSubscr,
    /// `[start, stop] -> [slice]` (n = 2) or `[start, stop, step] -> [slice]` (n = 3)
    BuildSlice(u32),
    /// `[v1..vn] -> [(v1..vn)]`
    BuildTuple(u32),
    /// `[v1..vn] -> [[v1..vn]]`
    BuildList(u32),
    /// `[v1..vn] -> [{v1..vn}]`
    BuildSet(u32),
    /// `[k1, v1, .. kn, vn] -> [{k1: v1, ..}]`
    BuildMap(u32),
    /// `[s1..sn] -> [s1 + .. + sn]` (n strings, for f-strings).
    BuildString(u32),
    /// `[list, ..(i-1 more).., v] -> [list, ...]`: append v to the list i places below it.
    /// Used by comprehensions: `ListAppend(i)` pops v and appends to `stack[len - i]` (after the pop).
    ListAppend(u32),
    /// Like ListAppend for a set.
    SetAdd(u32),
    /// `[dict, .., k, v] -> [dict, ..]`: pops v then k, sets `stack[len - i][k] = v` (after the pops).
    MapAdd(u32),
    /// `[list, .., iterable] -> [list, ..]`: extend the list i places below with the iterable.
    ListExtend(u32),
    /// `[set, .., iterable] -> [set, ..]`
    SetUpdate(u32),
    /// `[dict, .., mapping] -> [dict, ..]`: dict display `{**m}` (later keys win).
    DictUpdate(u32),
    /// `[dict, .., mapping] -> [dict, ..]`: call `**m`; TypeError on a repeated keyword.
    DictMerge(u32),
    /// `[list] -> [tuple]`
    ListToTuple,
    /// `[seq] -> [vn..v1]`: unpack exactly n items (v1 ends on top).
    UnpackSequence(u32),
    /// `[seq] -> [after.., list, before..]`: starred unpack; arg = before | (after << 8).
    UnpackEx(u32),
    /// `[value] -> [str]` or `[value, spec] -> [str]` for f-strings. Bits 0-1: conversion
    /// (0 none, 1 `!s`, 2 `!r`, 3 `!a`); bit 2: a spec string is on top of the value.
    FormatValue(u32),
    /// Jump to the target.
    Jump(u32),
    /// `[v] -> []`, jump if falsy.
    PopJumpIfFalse(u32),
    /// `[v] -> []`, jump if truthy.
    PopJumpIfTrue(u32),
    /// `[v] -> [v]` and jump if falsy, else `[v] -> []` (for `and`).
    JumpIfFalseOrPop(u32),
    /// `[v] -> [v]` and jump if truthy, else `[v] -> []` (for `or`).
    JumpIfTrueOrPop(u32),
    /// `[iterable] -> [iterator]`
    GetIter,
    /// `[it] -> [it, next]`, or when exhausted `[it] -> []` and jump to the target.
    ForIter(u32),
    /// `[callable, arg1..argn] -> [result]`
    Call(u32),
    /// `[callable, arg1..argn, kwnames] -> [result]`: the last len(kwnames) args are keyword values;
    /// kwnames is a constant tuple of str.
    CallKw(u32),
    /// `[callable, args_tuple] -> [result]` (arg 0) or `[callable, args_tuple, kwargs_dict] -> [result]`
    /// (arg 1): calls with `*args`/`**kwargs`. args is a tuple (or list); kwargs a dict.
    CallEx(u32),
    /// `[(defaults)?, (kwdefaults)?, (annotations)?, (closure)?, code] -> [function]`.
    /// Flags: 1 = a defaults tuple, 2 = a kwdefaults dict, 4 = an annotations dict, 8 = a closure
    /// tuple of cells; present items are pushed in that order before the code object.
    MakeFunction(u32),
    /// `[v] -> []`: return v from the frame (a generator: StopIteration(v)).
    ReturnValue,
    /// `[v] -> [sent]`: yield v from a generator; the value sent in is pushed on resume.
    YieldValue,
    /// `[iter, v] -> [iter, v]` (while the sub-iterator yields; this instruction repeats) then
    /// `[iter, v] -> [result]`: delegate to a sub-iterator (`yield from`, `await`). v is the value
    /// to send (None first).
    YieldFrom,
    /// `[v] -> [iter]`: `iter(v)`, but generators and coroutines are kept as they are.
    GetYieldFromIter,
    /// `[v] -> [awaitable iterator]`: coroutine as is, or `v.__await__()`.
    GetAwaitable,
    /// `[v] -> [v.__aiter__()]`
    GetAIter,
    /// `[aiter] -> [aiter, awaitable]`: the awaitable of `aiter.__anext__()`.
    GetANext,
    /// `[aiter, exc] -> []`: ends an `async for` when the exception on top is StopAsyncIteration
    /// (then continues after the loop); otherwise re-raises it.
    EndAsyncFor,
    /// `[v] -> []`
    PopTop,
    /// `[a] -> [a, a]`
    DupTop,
    /// `[a, b] -> [a, b, a, b]`
    DupTopTwo,
    /// `[a, b] -> [b, a]`
    RotTwo,
    /// `[a, b, c] -> [c, a, b]`
    RotThree,
    /// `[a, b, c, d] -> [d, a, b, c]`
    RotFour,
    /// Raise. n = 0: re-raise the exception being handled; n = 1: `[exc] -> raise exc`;
    /// n = 2: `[exc, cause] -> raise exc from cause`.
    Raise(u32),
    /// `[exc] -> (raise)`: re-raise exc without adding to its traceback (end of finally / no match).
    Reraise,
    /// Push an exception handler block. If an exception is raised before the matching PopBlock,
    /// the operand stack is cut back to its height at this instruction, the exception is pushed,
    /// the "currently handled" exception is set to it (the previous one is saved), and execution
    /// jumps to the target. The handler must end with `PopExcept` (normal exit) or `Reraise`.
    SetupExcept(u32),
    /// Exactly like SetupExcept (used for finally blocks: the handler runs the finally body with
    /// the exception on the stack and ends with `Reraise`).
    SetupFinally(u32),
    /// Like SetupExcept, but the recorded stack height excludes the top item (used right after
    /// `BeforeWith`/async with set-up, whose top item is the `__enter__` result).
    SetupWith(u32),
    /// Pop the innermost SetupExcept/SetupFinally/SetupWith block (normal exit from the body).
    PopBlock,
    /// Leave an exception handler: restore the previously handled exception. Does not touch the
    /// operand stack (the handler pops the exception itself).
    PopExcept,
    /// `[exc, type] -> [exc, bool]`: does exc match the class (or tuple of classes) `type`?
    CheckExcMatch,
    /// `[mgr] -> [exit, enter_result]`: look up `__exit__` (bound) and call `__enter__()`.
    BeforeWith,
    /// `[mgr] -> [aexit, aenter_awaitable]`: for `async with` (the compiler then awaits).
    BeforeAsyncWith,
    /// `[exit, exc] -> [exit, exc, result]`: call `exit(type(exc), exc, exc.__traceback__)`.
    WithExceptStart,
    /// `[exit] -> [result]`: call `exit(None, None, None)` (normal exit from a with body).
    WithCallExitNone,
    /// `[] -> [__build_class__]`
    LoadBuildClass,
    /// `[level, fromlist] -> [module]`: import `names[i]` (`__import__` semantics: for a dotted
    /// name with an empty fromlist the top package is pushed).
    ImportName(u32),
    /// `[module] -> [module, module.names[i]]` (falls back to importing the submodule).
    ImportFrom(u32),
    /// `[module] -> []`: `from module import *` into the current namespace.
    ImportStar,
    /// Module and class scope: create `__annotations__` in the locals dict if absent.
    SetupAnnotations,
    /// `[v] -> []`: REPL only: print `repr(v)` if not None and store it in `builtins._`.
    PrintExpr,
    /// `[] -> [AssertionError]`
    LoadAssertionError,
    /// `[subject] -> [subject, len(subject)]` (match statements).
    GetLen,
    /// `[subject] -> [subject, bool]`: is the subject a mapping (dict or subclass)?
    MatchMapping,
    /// `[subject] -> [subject, bool]`: a sequence but not str/bytes/bytearray?
    MatchSequence,
    /// `[subject, keys_tuple] -> [subject, keys_tuple, values_tuple_or_None]`
    MatchKeys,
    /// `[subject, cls, kwnames_tuple] -> [attrs_tuple_or_None]`: class pattern with n positional
    /// sub-patterns (uses `__match_args__`).
    MatchClass(u32),
    /// `[subject, keys_tuple] -> [subject, rest_dict]`: a copy of the mapping without keys.
    CopyDictWithoutKeys,
    /// A helper operation of code translated from a MicroPython `.mpy` file (the low 4 bits
    /// select it, see `mpy::OP_*`): entering a finally handler, END_FINALLY, WITH_CLEANUP, and
    /// preparing a `*args`/`**kwargs` call.
    Mp(u32),

    // ----- superinstructions -----
    //
    // Made only by `fuse` from a finished instruction list, never emitted by the code generator
    // and never stored (marshal writes `plain()`). A superinstruction replaces the first
    // instruction of the group it stands for; the rest of the group stays in place after it.
    // The dispatch loop runs the whole group in one step when its fast path applies (the
    // operands are of the kinds it handles and nothing can fail or call Python code), and
    // otherwise runs only `plain()` and carries on with the next instruction, so every error,
    // line number, jump into the group and frame switch is exactly that of the plain code.
    /// `LoadFast(a); LoadFast(b)`.
    LoadFast2(u16, u16),
    /// `LoadFast(a); LoadInt(c)`.
    LoadFastInt(u16, i32),
    /// `StoreFast(a); LoadFast(b)`.
    StoreLoadFast(u16, u16),
    /// `LoadFast(b); BinaryOp(op)` or `LoadFast(b); InplaceOp(op)`: `[x] -> [x op b]` for ints
    /// and floats.
    FastOp(BinOp, u16),
    /// `LoadFast(a); LoadFast(b); BinaryOp(op)`: `[] -> [a op b]` for ints and floats.
    FastFastOp(BinOp, u16, u16),
    /// `LoadInt(c); BinaryOp(op)` or `LoadInt(c); InplaceOp(op)`: `[x] -> [x op c]` for ints and
    /// floats.
    IntOp(BinOp, i32),
    /// `LoadFast(a); LoadInt(c); BinaryOp(op)` (or `InplaceOp(op)`): `[] -> [a op c]`.
    FastIntOp(BinOp, u16, i32),
    /// `LoadFast(a); LoadInt(c); Compare(op)`: `[] -> [a op c]` for an int or float `a`; a
    /// conditional jump right after it is taken in the same step.
    FastIntCompare(CmpOp, u16, i32),
    /// `LoadFast(a); LoadInt(c); BinarySubscr`: `[] -> [a[c]]` for a list or tuple `a`.
    FastIntSubscr(u16, i32),
    /// `LoadFast(a); LoadMethod(m)`: `[] -> [f, a]` when the method cache knows `a.m`.
    FastMethod(u16, u16),
    /// `StoreFast(a); StoreFast(b)`.
    StoreFast2(u16, u16),
    /// `StoreFast(a); Jump(t)`.
    StoreFastJump(u16, u32),
    /// `BuildSlice(n); BinarySubscr` (n = 2 or 3): `[c, start, stop(, step)] -> [c[start:stop(:step)]]`
    /// for a list, tuple or str and int or None bounds, without a slice object.
    BinarySlice(u32),
    /// `BuildSlice(2); StoreSubscr`: `[v, c, start, stop] -> []`, `c[start:stop] = v` for a list
    /// `c`, a list or tuple `v` and int or None bounds, without a slice object.
    StoreSlice,
}

// A superinstruction must fit the 8 bytes of the plain ones.
const _: () = assert!(core::mem::size_of::<Instr>() == 8);

/// What an instruction's operand indexes in its code object (for the code that checks or lists
/// code objects).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OperandRef {
    /// A constant.
    Const(u32),
    /// A fast local.
    Local(u32),
    /// A cell or free variable.
    Cell(u32),
    /// A name.
    Name(u32),
    /// `LoadClassDeref`: a name (low 16 bits) and a cell (high bits).
    NameCell(u32, u32),
    /// Nothing in the code object (a count, a jump target, no operand).
    Other,
}

impl Instr {
    /// What the operand indexes.
    pub fn operand_ref(&self) -> OperandRef {
        match self.plain() {
            Instr::LoadConst(i) => OperandRef::Const(i),
            Instr::LoadFast(i) | Instr::StoreFast(i) | Instr::DeleteFast(i) => OperandRef::Local(i),
            Instr::LoadDeref(i)
            | Instr::StoreDeref(i)
            | Instr::DeleteDeref(i)
            | Instr::LoadClosure(i) => OperandRef::Cell(i),
            Instr::LoadClassDeref(a) => OperandRef::NameCell(a & 0xffff, a >> 16),
            Instr::LoadGlobal(i)
            | Instr::StoreGlobal(i)
            | Instr::DeleteGlobal(i)
            | Instr::LoadName(i)
            | Instr::StoreName(i)
            | Instr::DeleteName(i)
            | Instr::LoadAttr(i)
            | Instr::StoreAttr(i)
            | Instr::DeleteAttr(i)
            | Instr::LoadMethod(i)
            | Instr::ImportName(i)
            | Instr::ImportFrom(i) => OperandRef::Name(i),
            _ => OperandRef::Other,
        }
    }

    /// The plain instruction at this position: for a superinstruction, the first instruction of
    /// the group it stands for (the others follow it unchanged); any other instruction as it is.
    pub fn plain(&self) -> Instr {
        match *self {
            Instr::LoadFast2(a, _)
            | Instr::LoadFastInt(a, _)
            | Instr::FastFastOp(_, a, _)
            | Instr::FastOp(_, a)
            | Instr::FastIntOp(_, a, _)
            | Instr::FastIntCompare(_, a, _)
            | Instr::FastIntSubscr(a, _)
            | Instr::FastMethod(a, _) => Instr::LoadFast(a as u32),
            Instr::StoreLoadFast(a, _) | Instr::StoreFast2(a, _) | Instr::StoreFastJump(a, _) => {
                Instr::StoreFast(a as u32)
            }
            Instr::IntOp(_, c) => Instr::LoadInt(c),
            Instr::BinarySlice(n) => Instr::BuildSlice(n),
            Instr::StoreSlice => Instr::BuildSlice(2),
            other => other,
        }
    }

    /// The jump target of a jumping instruction (used by the compiler to patch and by validation).
    pub fn jump_target(&self) -> Option<u32> {
        match *self {
            Instr::Jump(t)
            | Instr::PopJumpIfFalse(t)
            | Instr::PopJumpIfTrue(t)
            | Instr::JumpIfFalseOrPop(t)
            | Instr::JumpIfTrueOrPop(t)
            | Instr::ForIter(t)
            | Instr::SetupExcept(t)
            | Instr::SetupFinally(t)
            | Instr::SetupWith(t) => Some(t),
            _ => None,
        }
    }

    /// The same jumping instruction with another target (None for an instruction that does
    /// not jump).
    pub fn with_target(self, t: u32) -> Option<Instr> {
        Some(match self {
            Instr::Jump(_) => Instr::Jump(t),
            Instr::PopJumpIfFalse(_) => Instr::PopJumpIfFalse(t),
            Instr::PopJumpIfTrue(_) => Instr::PopJumpIfTrue(t),
            Instr::JumpIfFalseOrPop(_) => Instr::JumpIfFalseOrPop(t),
            Instr::JumpIfTrueOrPop(_) => Instr::JumpIfTrueOrPop(t),
            Instr::ForIter(_) => Instr::ForIter(t),
            Instr::SetupExcept(_) => Instr::SetupExcept(t),
            Instr::SetupFinally(_) => Instr::SetupFinally(t),
            Instr::SetupWith(_) => Instr::SetupWith(t),
            _ => return None,
        })
    }
}

/// Replace groups of instructions that often run one after another by superinstructions (see
/// the `Instr` variants after `CopyDictWithoutKeys`). Only the first instruction of a group is
/// replaced, so instruction indices, jump targets and the line table stay valid. `instrs` must
/// be plain (as the code generator and marshal give it). Groups are picked from the start,
/// longest first; a pair is left out when its second instruction starts a group of three.
pub fn fuse(instrs: &mut [Instr]) {
    let mut k = 0;
    while k < instrs.len() {
        match group_at(instrs, k) {
            Some((_, 2)) if matches!(group_at(instrs, k + 1), Some((_, 3))) => k += 1,
            Some((f, len)) => {
                instrs[k] = f;
                k += len;
            }
            None => k += 1,
        }
    }
}

/// The superinstruction for the group of plain instructions starting at `k`, and the group's
/// length.
fn group_at(instrs: &[Instr], k: usize) -> Option<(Instr, usize)> {
    use Instr::*;
    let small = |i: u32| u16::try_from(i).ok();
    let at = |j: usize| instrs.get(j).copied();
    match (at(k)?, at(k + 1), at(k + 2)) {
        (LoadFast(a), Some(LoadFast(b)), Some(BinaryOp(op))) => {
            Some((FastFastOp(op, small(a)?, small(b)?), 3))
        }
        (LoadFast(a), Some(LoadInt(c)), Some(BinaryOp(op) | InplaceOp(op))) => {
            Some((FastIntOp(op, small(a)?, c), 3))
        }
        (LoadFast(a), Some(LoadInt(c)), Some(Compare(op))) => {
            Some((FastIntCompare(op, small(a)?, c), 3))
        }
        (LoadFast(a), Some(LoadInt(c)), Some(BinarySubscr)) => {
            Some((FastIntSubscr(small(a)?, c), 3))
        }
        (LoadFast(a), Some(LoadMethod(m)), _) => Some((FastMethod(small(a)?, small(m)?), 2)),
        (LoadFast(b), Some(BinaryOp(op) | InplaceOp(op)), _) => Some((FastOp(op, small(b)?), 2)),
        (LoadInt(c), Some(BinaryOp(op) | InplaceOp(op)), _) => Some((IntOp(op, c), 2)),
        (LoadFast(a), Some(LoadInt(c)), _) => Some((LoadFastInt(small(a)?, c), 2)),
        // `LoadFast` followed by `LoadAttr`/`StoreAttr` is answered from the local by the
        // attribute cache: keep that pair as it is.
        (LoadFast(a), Some(LoadFast(b)), next)
            if !matches!(next, Some(LoadAttr(_) | StoreAttr(_))) =>
        {
            Some((LoadFast2(small(a)?, small(b)?), 2))
        }
        (StoreFast(a), Some(LoadFast(b)), next)
            if !matches!(next, Some(LoadAttr(_) | StoreAttr(_))) =>
        {
            Some((StoreLoadFast(small(a)?, small(b)?), 2))
        }
        (StoreFast(a), Some(StoreFast(b)), _) => Some((StoreFast2(small(a)?, small(b)?), 2)),
        (StoreFast(a), Some(Jump(t)), _) => Some((StoreFastJump(small(a)?, t), 2)),
        (BuildSlice(n @ (2 | 3)), Some(BinarySubscr), _) => Some((BinarySlice(n), 2)),
        (BuildSlice(2), Some(StoreSubscr), _) => Some((StoreSlice, 2)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ast::{BinOp, CmpOp};
    use alloc::vec::Vec;
    use Instr::*;

    fn check_plain(before: &[Instr]) -> Vec<Instr> {
        let mut after = before.to_vec();
        fuse(&mut after);
        // Only first instructions of groups change, and each stands for what it replaced.
        let plain: Vec<Instr> = after.iter().map(Instr::plain).collect();
        assert_eq!(plain, before);
        after
    }

    #[test]
    fn groups_replace_their_first_instruction_only() {
        let code = [
            LoadFast(0),
            LoadFast(1),
            BinaryOp(BinOp::Mult),
            LoadInt(7),
            BinaryOp(BinOp::Mod),
            StoreFast(2),
            LoadFast(3),
            LoadInt(100),
            Compare(CmpOp::Lt),
            PopJumpIfFalse(0),
        ];
        let f = check_plain(&code);
        assert_eq!(f[0], FastFastOp(BinOp::Mult, 0, 1));
        assert_eq!(f[3], IntOp(BinOp::Mod, 7));
        // StoreFast(2)+LoadFast(3) is not made: LoadFast(3) starts a group of three.
        assert_eq!(f[5], StoreFast(2));
        assert_eq!(f[6], FastIntCompare(CmpOp::Lt, 3, 100));
        assert_eq!(&f[7..], &code[7..]);
    }

    #[test]
    fn attribute_pairs_and_large_operands_stay_plain() {
        let code = [
            LoadFast(0),
            LoadFast(1),
            LoadAttr(0),
            LoadFast(70000),
            LoadFast(1),
        ];
        let f = check_plain(&code);
        assert_eq!(f, code);
        let code = [
            StoreFast(1),
            Jump(0),
            BuildSlice(3),
            BinarySubscr,
            BuildSlice(2),
            StoreSubscr,
        ];
        let f = check_plain(&code);
        assert_eq!(f[0], StoreFastJump(1, 0));
        assert_eq!(f[2], BinarySlice(3));
        assert_eq!(f[4], StoreSlice);
    }
}
