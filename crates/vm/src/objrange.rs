//! The `range` and `slice` types, and the slice-index arithmetic every sequence shares
//! (CPython's `PySlice_Unpack` + `PySlice_AdjustIndices`).

use alloc::boxed::Box;
use alloc::format;
use alloc::rc::Rc;
use core::cell::RefCell;

use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::seqops::{arg_count, no_kwargs};
use crate::types;
use crate::value::{Builtin, IterState, NativeFn, NativeObj, Obj, PyObject, Str, Value};
use crate::vm::Vm;
use crate::PyResult;

/// Number of items in a range object.
pub fn range_len(o: &Obj) -> usize {
    if let PyObject::Range { start, stop, step } = &**o {
        range_len_of(*start, *stop, *step)
    } else {
        0
    }
}

/// Number of items of `range(start, stop, step)` (saturating at `usize::MAX`).
pub fn range_len_of(start: i64, stop: i64, step: i64) -> usize {
    let (start, stop, step) = (start as i128, stop as i128, step as i128);
    let n = if step > 0 {
        (stop - start + step - 1) / step
    } else if step < 0 {
        (start - stop - step - 1) / (-step)
    } else {
        0
    };
    if n > 0 {
        n.min(usize::MAX as i128) as usize
    } else {
        0
    }
}

/// `range == range`: the same sequence of values.
pub fn range_eq(a: &Obj, b: &Obj) -> bool {
    if let (
        PyObject::Range {
            start: s1,
            step: t1,
            ..
        },
        PyObject::Range {
            start: s2,
            step: t2,
            ..
        },
    ) = (&**a, &**b)
    {
        let n = range_len(a);
        if n != range_len(b) {
            return false;
        }
        n == 0 || (s1 == s2 && (n == 1 || t1 == t2))
    } else {
        false
    }
}

/// `item in range`: arithmetic for ints (and floats equal to ints), equality scan otherwise.
pub fn range_contains(vm: &mut Vm, o: &Obj, item: &Value) -> PyResult<bool> {
    let (start, stop, step) = match &**o {
        PyObject::Range { start, stop, step } => (*start, *stop, *step),
        _ => return Ok(false),
    };
    let x = match item {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        Value::Obj(b) if matches!(&**b, PyObject::BigInt(_)) => return Ok(false),
        _ => {
            let n = range_len(o);
            let mut v = start;
            for _ in 0..n {
                if vm.eq(&Value::Int(v), item)? {
                    return Ok(true);
                }
                v = v.wrapping_add(step);
            }
            return Ok(false);
        }
    };
    Ok(int_in_range(x, start, stop, step))
}

fn int_in_range(x: i64, start: i64, stop: i64, step: i64) -> bool {
    let (x, start, stop, step) = (x as i128, start as i128, stop as i128, step as i128);
    let inside = if step > 0 {
        x >= start && x < stop
    } else {
        x <= start && x > stop
    };
    inside && (x - start) % step == 0
}

/// One slice bound: None, or an int (big ints clamp), or an object with `__index__`.
fn slice_index(vm: &mut Vm, v: &Value) -> PyResult<Option<i64>> {
    match v {
        Value::None => Ok(None),
        Value::Int(i) => Ok(Some(*i)),
        Value::Bool(b) => Ok(Some(*b as i64)),
        Value::Obj(o) => match &**o {
            PyObject::BigInt(b) => Ok(Some(if b.sign() == num_bigint::Sign::Minus {
                i64::MIN
            } else {
                i64::MAX
            })),
            PyObject::Instance(_) | PyObject::Native(_)
                if vm.lookup_special(v, "__index__").is_some() =>
            {
                vm.to_index(v).map(Some)
            }
            PyObject::Instance(_) if !vm.builtin_base(v).is_none() && !vm.builtin_base(v).is(v) => {
                let b = vm.builtin_base(v);
                slice_index(vm, &b)
            }
            _ => Err(
                vm.type_error("slice indices must be integers or None or have an __index__ method")
            ),
        },
        _ => {
            Err(vm.type_error("slice indices must be integers or None or have an __index__ method"))
        }
    }
}

/// One optional bound of `index(x, start, stop)`-style methods: an int (big ints clamp), or an
/// object with `__index__`; None gives `default`.
pub fn slice_unpack_one(vm: &mut Vm, v: &Value, default: i64) -> PyResult<i64> {
    Ok(slice_index(vm, v)?.unwrap_or(default))
}

/// The raw (start, stop, step) of a slice object, defaults filled in as CPython's
/// `PySlice_Unpack` does (before adjusting to a length).
pub fn slice_unpack(vm: &mut Vm, slice: &Value) -> PyResult<(i64, i64, i64)> {
    let (a, b, c) = match slice.as_obj().map(|o| &**o) {
        Some(PyObject::Slice(a, b, c)) => (a.clone(), b.clone(), c.clone()),
        _ => return Err(vm.type_error("expected a slice")),
    };
    let step = match slice_index(vm, &c)? {
        None => 1,
        Some(0) => return Err(vm.value_error("slice step cannot be zero")),
        Some(s) => s.max(-i64::MAX),
    };
    let start = slice_index(vm, &a)?.unwrap_or(if step < 0 { i64::MAX } else { 0 });
    let stop = slice_index(vm, &b)?.unwrap_or(if step < 0 { i64::MIN } else { i64::MAX });
    Ok((start, stop, step))
}

/// Adjust unpacked slice bounds to a sequence length (CPython's `PySlice_AdjustIndices`).
pub fn adjust_indices(start: i64, stop: i64, step: i64, len: usize) -> (i64, i64, i64) {
    let len = len.min(i64::MAX as usize) as i64;
    let adj = |x: i64| -> i64 {
        if x < 0 {
            let y = x as i128 + len as i128;
            if y < 0 {
                if step < 0 {
                    -1
                } else {
                    0
                }
            } else {
                y as i64
            }
        } else if x >= len {
            if step < 0 {
                len - 1
            } else {
                len
            }
        } else {
            x
        }
    };
    (adj(start), adj(stop), step)
}

/// The (start, stop, step) a slice selects from a sequence of `len` items, with CPython's
/// semantics (None defaults, negative indices from the end, clamping; step 0 is a ValueError).
pub fn slice_indices(vm: &mut Vm, slice: &Value, len: usize) -> PyResult<(i64, i64, i64)> {
    let (start, stop, step) = slice_unpack(vm, slice)?;
    Ok(adjust_indices(start, stop, step, len))
}

/// Number of items selected by adjusted slice indices.
pub fn slice_len(start: i64, stop: i64, step: i64) -> usize {
    let (start, stop, step) = (start as i128, stop as i128, step as i128);
    let n = if step < 0 {
        if stop < start {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        }
    } else if step > 0 && start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    };
    n.min(usize::MAX as i128) as usize
}

/// The positions selected by adjusted slice indices (for extended slices).
pub fn slice_positions(start: i64, stop: i64, step: i64) -> impl Iterator<Item = usize> {
    let n = slice_len(start, stop, step);
    (0..n).map(move |k| (start as i128 + k as i128 * step as i128) as usize)
}

/// A sequence index: negative counts from the end; IndexError "`what` index out of range".
pub fn normalize_index(vm: &mut Vm, idx: i64, len: usize, what: &str) -> PyResult<usize> {
    let len_i = len.min(i64::MAX as usize) as i64;
    let i = if idx < 0 {
        idx as i128 + len_i as i128
    } else {
        idx as i128
    };
    if i < 0 || i >= len_i as i128 {
        return Err(vm.index_error(format!("{} index out of range", what)));
    }
    Ok(i as usize)
}

/// True for a slice object.
pub fn is_slice(v: &Value) -> bool {
    matches!(v, Value::Obj(o) if matches!(&**o, PyObject::Slice(..)))
}

/// An index argument for `seq[i]`: an int or anything with `__index__`; otherwise TypeError
/// "`what` indices must be integers or slices, not T". Big ints give IndexError like CPython.
pub fn index_arg(vm: &mut Vm, v: &Value, what: &str) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::Obj(o) if matches!(&**o, PyObject::BigInt(_)) => {
            Err(vm.index_error("cannot fit 'int' into an index-sized integer"))
        }
        Value::Obj(o) if matches!(&**o, PyObject::Instance(_) | PyObject::Native(_)) => {
            if vm.lookup_special(v, "__index__").is_some() || !vm.builtin_base(v).is(v) {
                return vm.to_index(v);
            }
            let tn = vm.type_name(v);
            Err(vm.type_error(format!(
                "{} indices must be integers or slices, not {}",
                what, tn
            )))
        }
        _ => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!(
                "{} indices must be integers or slices, not {}",
                what, tn
            )))
        }
    }
}

// ----- range natives ------------------------------------------------------------------------------

/// One argument of `range()`: an int of any size, or an object with `__index__`.
fn range_arg(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    if let Some(b) = crate::objint::to_bigint(v) {
        return Ok(b);
    }
    vm.to_index(v).map(BigInt::from)
}

fn range_new(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    no_kwargs(vm, "range", kwargs)?;
    arg_count(vm, "range", args, 1, 3)?;
    let (start, stop, step) = match args.len() {
        2 => (BigInt::zero(), range_arg(vm, &args[1])?, BigInt::one()),
        _ => {
            let start = range_arg(vm, &args[1])?;
            let stop = range_arg(vm, &args[2])?;
            let step = match args.get(3) {
                Some(s) => range_arg(vm, s)?,
                None => BigInt::one(),
            };
            if step.is_zero() {
                return Err(vm.value_error("range() arg 3 must not be zero"));
            }
            (start, stop, step)
        }
    };
    Ok(make_range(vm, start, stop, step))
}

// ----- ranges beyond i64 ------------------------------------------------------------------------

/// A range whose bounds do not all fit in i64: a native object of class `range` (the common
/// case stays the compact `PyObject::Range`).
struct BigRange {
    start: BigInt,
    stop: BigInt,
    step: BigInt,
}

/// The state of an iterator over a big range.
struct BigRangeIter {
    next: BigInt,
    remaining: BigInt,
    step: BigInt,
}

/// A range object from big bounds: compact when they all fit in i64.
fn make_range(vm: &mut Vm, start: BigInt, stop: BigInt, step: BigInt) -> Value {
    if let (Some(a), Some(b), Some(c)) = (start.to_i64(), stop.to_i64(), step.to_i64()) {
        return Value::Obj(Rc::new(PyObject::Range {
            start: a,
            stop: b,
            step: c,
        }));
    }
    let data: Box<dyn core::any::Any> = Box::new(BigRange { start, stop, step });
    Value::Obj(Rc::new(PyObject::Native(NativeObj {
        class: vm.types.range.clone(),
        data: RefCell::new(data),
    })))
}

fn is_big(v: &Value) -> bool {
    if let Value::Obj(o) = v {
        if let PyObject::Native(n) = &**o {
            return n
                .data
                .try_borrow()
                .map(|d| d.is::<BigRange>())
                .unwrap_or(false);
        }
    }
    false
}

/// (start, stop, step) of any range object, as big ints.
fn big_triple(v: &Value) -> Option<(BigInt, BigInt, BigInt)> {
    let Value::Obj(o) = v else { return None };
    match &**o {
        PyObject::Range { start, stop, step } => Some((
            BigInt::from(*start),
            BigInt::from(*stop),
            BigInt::from(*step),
        )),
        PyObject::Native(n) => {
            let d = n.data.try_borrow().ok()?;
            let r = d.downcast_ref::<BigRange>()?;
            Some((r.start.clone(), r.stop.clone(), r.step.clone()))
        }
        _ => None,
    }
}

fn big_self(vm: &mut Vm, args: &[Value]) -> PyResult<(BigInt, BigInt, BigInt)> {
    match args.first().and_then(big_triple) {
        Some(t) => Ok(t),
        None => Err(vm.type_error("descriptor requires a 'range' object")),
    }
}

fn big_len(start: &BigInt, stop: &BigInt, step: &BigInt) -> BigInt {
    let one = BigInt::one();
    if step.is_positive() && start < stop {
        (stop - start - &one) / step + one
    } else if step.is_negative() && start > stop {
        (start - stop - &one) / (-step) + one
    } else {
        BigInt::zero()
    }
}

/// The index of int `x` in the range, if it is an item.
fn big_find(x: &BigInt, start: &BigInt, stop: &BigInt, step: &BigInt) -> Option<BigInt> {
    let inside = if step.is_positive() {
        x >= start && x < stop
    } else {
        x <= start && x > stop
    };
    if !inside {
        return None;
    }
    let d = x - start;
    (&d % step).is_zero().then(|| d / step)
}

/// The big-int value of an exact int or bool (not int subclasses, which compare by `==`).
fn exact_int(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(_) | Value::Bool(_) => crate::objint::to_bigint(v),
        Value::Obj(o) if matches!(&**o, PyObject::BigInt(_)) => crate::objint::to_bigint(v),
        _ => None,
    }
}

/// Index of `item` in a big range, by arithmetic for ints and by `==` otherwise.
fn big_position(
    vm: &mut Vm,
    t: &(BigInt, BigInt, BigInt),
    item: &Value,
) -> PyResult<Option<BigInt>> {
    let (start, stop, step) = t;
    if let Some(x) = exact_int(item) {
        return Ok(big_find(&x, start, stop, step));
    }
    let n = big_len(start, stop, step);
    let mut k = BigInt::zero();
    let mut v = start.clone();
    while k < n {
        if vm.eq(&Value::from_bigint(v.clone()), item)? {
            return Ok(Some(k));
        }
        v += step;
        k += 1;
    }
    Ok(None)
}

fn big_len_m(vm: &mut Vm, args: &[Value]) -> PyResult {
    let (a, b, c) = big_self(vm, args)?;
    match big_len(&a, &b, &c).to_i64() {
        Some(n) => Ok(Value::Int(n)),
        None => Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
    }
}

/// One slice bound over a sequence of big length `len` (CPython's PySlice_AdjustIndices).
fn big_bound(
    vm: &mut Vm,
    v: &Value,
    len: &BigInt,
    step_neg: bool,
    default: BigInt,
) -> PyResult<BigInt> {
    if v.is_none() {
        return Ok(default);
    }
    let mut x = match crate::objint::to_bigint(v) {
        Some(x) => x,
        None => BigInt::from(vm.to_index(v).map_err(|_| {
            vm.type_error("slice indices must be integers or None or have an __index__ method")
        })?),
    };
    let (lo, hi) = if step_neg {
        (-BigInt::one(), len - 1)
    } else {
        (BigInt::zero(), len.clone())
    };
    if x.is_negative() {
        x += len;
        if x < lo {
            x = lo;
        }
    } else if x > hi {
        x = hi;
    }
    Ok(x)
}

fn big_getitem(vm: &mut Vm, args: &[Value]) -> PyResult {
    let (start, stop, step) = big_self(vm, args)?;
    arg_count(vm, "__getitem__", args, 1, 1)?;
    let n = big_len(&start, &stop, &step);
    let idx = &args[1];
    if let Value::Obj(o) = idx {
        if let PyObject::Slice(a, b, c) = &**o {
            let (a, b, c) = (a.clone(), b.clone(), c.clone());
            let st = if c.is_none() {
                BigInt::one()
            } else {
                match crate::objint::to_bigint(&c) {
                    Some(x) => x,
                    None => BigInt::from(vm.to_index(&c)?),
                }
            };
            if st.is_zero() {
                return Err(vm.value_error("slice step cannot be zero"));
            }
            let neg = st.is_negative();
            let (d0, d1) = if neg {
                (&n - 1, -BigInt::one())
            } else {
                (BigInt::zero(), n.clone())
            };
            let s0 = big_bound(vm, &a, &n, neg, d0)?;
            let s1 = big_bound(vm, &b, &n, neg, d1)?;
            let ns = &start + &s0 * &step;
            let ne = &start + &s1 * &step;
            let nt = &step * &st;
            return Ok(make_range(vm, ns, ne, nt));
        }
    }
    let i = match crate::objint::to_bigint(idx) {
        Some(i) => i,
        None => BigInt::from(index_arg(vm, idx, "range")?),
    };
    let j = if i.is_negative() { &i + &n } else { i };
    if j.is_negative() || j >= n {
        return Err(vm.index_error("range object index out of range"));
    }
    Ok(Value::from_bigint(start + j * step))
}

fn big_iter_next(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let state = args.first().cloned().unwrap_or(Value::None);
    let Value::Obj(o) = &state else {
        return Ok(state);
    };
    let PyObject::Native(n) = &**o else {
        return Ok(state.clone());
    };
    let next = {
        let mut d = n.data.borrow_mut();
        match d.downcast_mut::<BigRangeIter>() {
            Some(it) if it.remaining.is_positive() => {
                let v = it.next.clone();
                it.next += &it.step;
                it.remaining -= 1;
                Some(v)
            }
            _ => None,
        }
    };
    let _ = vm;
    // Exhausted: the state object itself is the iterator's sentinel.
    Ok(next.map(Value::from_bigint).unwrap_or(state))
}

fn big_iterator(vm: &mut Vm, next: BigInt, remaining: BigInt, step: BigInt) -> Value {
    let data: Box<dyn core::any::Any> = Box::new(BigRangeIter {
        next,
        remaining,
        step,
    });
    let state = Value::Obj(Rc::new(PyObject::Native(NativeObj {
        class: vm.types.object.clone(),
        data: RefCell::new(data),
    })));
    let func = Value::Obj(Rc::new(PyObject::Builtin(Builtin {
        name: "range_iterator.__next__",
        func: big_iter_next,
        bound: Some(state.clone()),
        method: false,
    })));
    vm.new_iter(IterState::Callable {
        func,
        sentinel: state,
    })
}

fn range_iter_m(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    if !is_big(args.first().unwrap_or(&Value::None)) {
        return vm.iter(args.first().unwrap_or(&Value::None));
    }
    let (a, b, c) = big_self(vm, args)?;
    let n = big_len(&a, &b, &c);
    Ok(big_iterator(vm, a, n, c))
}

fn range_reversed_m(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (a, b, c) = big_self(vm, args)?;
    let n = big_len(&a, &b, &c);
    let last = if n.is_zero() { a } else { a + (&n - 1) * &c };
    Ok(big_iterator(vm, last, n, -c))
}

fn range_repr_m(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (a, b, c) = big_self(vm, args)?;
    Ok(Value::string(if c.is_one() {
        format!("range({}, {})", a, b)
    } else {
        format!("range({}, {}, {})", a, b, c)
    }))
}

fn range_bool_m(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (a, b, c) = big_self(vm, args)?;
    Ok(Value::Bool(!big_len(&a, &b, &c).is_zero()))
}

fn range_hash_m(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (a, b, c) = big_self(vm, args)?;
    let n = big_len(&a, &b, &c);
    let t = if n.is_zero() {
        alloc::vec![Value::Int(0), Value::None, Value::None]
    } else if n.is_one() {
        alloc::vec![Value::Int(1), Value::from_bigint(a), Value::None]
    } else {
        alloc::vec![
            Value::from_bigint(n),
            Value::from_bigint(a),
            Value::from_bigint(c)
        ]
    };
    let t = vm.new_tuple(t);
    vm.hash(&t).map(Value::Int)
}

fn range_self(vm: &mut Vm, args: &[Value]) -> PyResult<(Obj, i64, i64, i64)> {
    if let Some(Value::Obj(o)) = args.first() {
        if let PyObject::Range { start, stop, step } = &**o {
            return Ok((o.clone(), *start, *stop, *step));
        }
    }
    Err(vm.type_error("descriptor requires a 'range' object"))
}

fn range_start(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    if is_big(args.first().unwrap_or(&Value::None)) {
        return big_self(vm, args).map(|t| Value::from_bigint(t.0));
    }
    range_self(vm, args).map(|r| Value::Int(r.1))
}
fn range_stop(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    if is_big(args.first().unwrap_or(&Value::None)) {
        return big_self(vm, args).map(|t| Value::from_bigint(t.1));
    }
    range_self(vm, args).map(|r| Value::Int(r.2))
}
fn range_step(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    if is_big(args.first().unwrap_or(&Value::None)) {
        return big_self(vm, args).map(|t| Value::from_bigint(t.2));
    }
    range_self(vm, args).map(|r| Value::Int(r.3))
}

fn range_len_m(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    if is_big(args.first().unwrap_or(&Value::None)) {
        return big_len_m(vm, args);
    }
    let (o, ..) = range_self(vm, args)?;
    let n = range_len(&o);
    if n > i64::MAX as usize {
        return Err(vm.overflow_error("Python int too large to convert to C ssize_t"));
    }
    Ok(Value::Int(n as i64))
}

fn range_getitem(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    if is_big(args.first().unwrap_or(&Value::None)) {
        return big_getitem(vm, args);
    }
    let (o, start, _, step) = range_self(vm, args)?;
    arg_count(vm, "__getitem__", args, 1, 1)?;
    let n = range_len(&o);
    let idx = &args[1];
    if is_slice(idx) {
        let (s, e, st) = slice_indices(vm, idx, n)?;
        let conv = |x: i128| -> Option<i64> { i64::try_from(x).ok() };
        let ns = conv(start as i128 + s as i128 * step as i128);
        let ne = conv(start as i128 + e as i128 * step as i128);
        let nt = conv(step as i128 * st as i128);
        return match (ns, ne, nt) {
            (Some(a), Some(b), Some(c)) => Ok(Value::Obj(Rc::new(PyObject::Range {
                start: a,
                stop: b,
                step: c,
            }))),
            _ => big_getitem(vm, args),
        };
    }
    if let Some(i) = crate::objint::to_bigint(idx) {
        if i.to_i64().is_none() {
            return big_getitem(vm, args);
        }
    }
    let i = index_arg(vm, idx, "range")?;
    let i = normalize_index(vm, i, n, "range object")?;
    Ok(Value::Int(
        (start as i128 + i as i128 * step as i128) as i64,
    ))
}

fn range_contains_m(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    if is_big(args.first().unwrap_or(&Value::None)) {
        arg_count(vm, "__contains__", args, 1, 1)?;
        let t = big_self(vm, args)?;
        return big_position(vm, &t, &args[1]).map(|p| Value::Bool(p.is_some()));
    }
    let (o, ..) = range_self(vm, args)?;
    arg_count(vm, "__contains__", args, 1, 1)?;
    range_contains(vm, &o, &args[1]).map(Value::Bool)
}

fn range_count(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    if is_big(args.first().unwrap_or(&Value::None)) {
        crate::seqops::exactly_one(vm, "range.count", args)?;
        let t = big_self(vm, args)?;
        return big_position(vm, &t, &args[1]).map(|p| Value::Int(p.is_some() as i64));
    }
    let (o, start, stop, step) = range_self(vm, args)?;
    crate::seqops::exactly_one(vm, "range.count", args)?;
    match &args[1] {
        Value::Int(_) | Value::Bool(_) => {
            let x = if let Value::Bool(b) = args[1] {
                b as i64
            } else {
                args[1].as_int().unwrap_or(0)
            };
            Ok(Value::Int(int_in_range(x, start, stop, step) as i64))
        }
        item => {
            let n = range_len(&o);
            let mut v = start;
            let mut c = 0i64;
            for _ in 0..n {
                if vm.eq(&Value::Int(v), item)? {
                    c += 1;
                }
                v = v.wrapping_add(step);
            }
            Ok(Value::Int(c))
        }
    }
}

fn range_index(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    if is_big(args.first().unwrap_or(&Value::None)) {
        crate::seqops::exactly_one(vm, "range.index", args)?;
        let t = big_self(vm, args)?;
        return match big_position(vm, &t, &args[1])? {
            Some(i) => Ok(Value::from_bigint(i)),
            None => Err(not_in_range(vm, &args[1])),
        };
    }
    let (o, start, stop, step) = range_self(vm, args)?;
    crate::seqops::exactly_one(vm, "range.index", args)?;
    let item = &args[1];
    let found = match item {
        Value::Int(_) | Value::Bool(_) => {
            let x = if let Value::Bool(b) = item {
                *b as i64
            } else {
                item.as_int().unwrap_or(0)
            };
            if int_in_range(x, start, stop, step) {
                Some(((x as i128 - start as i128) / step as i128) as i64)
            } else {
                None
            }
        }
        _ => {
            let n = range_len(&o);
            let mut v = start;
            let mut r = None;
            for k in 0..n {
                if vm.eq(&Value::Int(v), item)? {
                    r = Some(k as i64);
                    break;
                }
                v = v.wrapping_add(step);
            }
            r
        }
    };
    match found {
        Some(i) => Ok(Value::Int(i)),
        None => Err(not_in_range(vm, item)),
    }
}

/// `range.index`'s error: CPython names exact ints, other items get the generic message.
fn not_in_range(vm: &mut Vm, item: &Value) -> crate::PyErr {
    if exact_int(item).is_some() {
        if let Ok(r) = vm.repr(item) {
            return vm.value_error(format!("{} is not in range", r.as_str()));
        }
    }
    vm.value_error("sequence.index(x): x not in sequence")
}

fn range_eq_m(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    if args.iter().take(2).any(is_big) {
        let (Some(x), Some(y)) = (
            args.first().and_then(big_triple),
            args.get(1).and_then(big_triple),
        ) else {
            return Ok(Value::NotImplemented);
        };
        let n = big_len(&x.0, &x.1, &x.2);
        let same = n == big_len(&y.0, &y.1, &y.2)
            && (n.is_zero() || (x.0 == y.0 && (n.is_one() || x.2 == y.2)));
        return Ok(Value::Bool(same));
    }
    let (o, ..) = range_self(vm, args)?;
    match args.get(1) {
        Some(Value::Obj(p)) if matches!(&**p, PyObject::Range { .. }) => {
            Ok(Value::Bool(range_eq(&o, p)))
        }
        _ => Ok(Value::NotImplemented),
    }
}

fn range_ne_m(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    match range_eq_m(vm, args, kw)? {
        Value::Bool(b) => Ok(Value::Bool(!b)),
        other => Ok(other),
    }
}

// ----- slice natives ------------------------------------------------------------------------------

fn slice_new(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    no_kwargs(vm, "slice", kwargs)?;
    arg_count(vm, "slice", args, 1, 3)?;
    let (a, b, c) = match args.len() {
        2 => (Value::None, args[1].clone(), Value::None),
        3 => (args[1].clone(), args[2].clone(), Value::None),
        _ => (args[1].clone(), args[2].clone(), args[3].clone()),
    };
    Ok(Value::Obj(vm.alloc(PyObject::Slice(a, b, c))))
}

fn slice_part(vm: &mut Vm, args: &[Value], which: usize) -> PyResult {
    if let Some(Value::Obj(o)) = args.first() {
        if let PyObject::Slice(a, b, c) = &**o {
            return Ok([a, b, c][which].clone());
        }
    }
    Err(vm.type_error("descriptor requires a 'slice' object"))
}

fn slice_start(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    slice_part(vm, args, 0)
}
fn slice_stop(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    slice_part(vm, args, 1)
}
fn slice_step(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    slice_part(vm, args, 2)
}

fn slice_indices_m(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    crate::seqops::exactly_one(vm, "slice.indices", args)?;
    if !is_slice(&args[0]) {
        return Err(vm.type_error("descriptor 'indices' requires a 'slice' object"));
    }
    let len = vm.to_index(&args[1])?;
    if len < 0 {
        return Err(vm.value_error("length should not be negative"));
    }
    let (s, e, st) = slice_indices(vm, &args[0], len as usize)?;
    Ok(vm.new_tuple(alloc::vec![Value::Int(s), Value::Int(e), Value::Int(st)]))
}

fn property(name: &'static str, f: NativeFn) -> Value {
    let getter = Value::Obj(Rc::new(PyObject::Builtin(Builtin {
        name,
        func: f,
        bound: None,
        method: true,
    })));
    Value::Obj(Rc::new(PyObject::Property {
        fget: getter,
        fset: Value::None,
        fdel: Value::None,
        doc: Value::None,
    }))
}

/// Add range's and slice's methods to their types.
pub(crate) fn init(vm: &mut Vm) {
    let range = vm.types.range.clone();
    types::add_static_methods(&range, &[("__new__", range_new)]);
    types::add_methods(
        &range,
        &[
            ("__len__", range_len_m),
            ("__getitem__", range_getitem),
            ("__contains__", range_contains_m),
            ("count", range_count),
            ("index", range_index),
            ("__eq__", range_eq_m),
            ("__ne__", range_ne_m),
            ("__iter__", range_iter_m),
            ("__reversed__", range_reversed_m),
            ("__repr__", range_repr_m),
            ("__bool__", range_bool_m),
            ("__hash__", range_hash_m),
        ],
    );
    types::set_attr(&range, "start", property("start", range_start));
    types::set_attr(&range, "stop", property("stop", range_stop));
    types::set_attr(&range, "step", property("step", range_step));

    let slice = vm.types.slice.clone();
    types::add_static_methods(&slice, &[("__new__", slice_new)]);
    types::add_methods(&slice, &[("indices", slice_indices_m)]);
    types::set_attr(&slice, "start", property("start", slice_start));
    types::set_attr(&slice, "stop", property("stop", slice_stop));
    types::set_attr(&slice, "step", property("step", slice_step));
    types::set_attr(&slice, "__hash__", Value::None);
}

#[cfg(test)]
#[allow(clippy::cloned_ref_to_slice_refs)]
mod tests {
    use super::*;
    use crate::vm::VmConfig;
    use alloc::boxed::Box;
    use Value::{Int as I, None as N};

    fn vm() -> Vm {
        Vm::new(
            VmConfig::default(),
            Box::new(crate::port::NullPort::default()),
        )
    }
    fn rng(vm: &mut Vm, a: &[i64]) -> Value {
        let mut args = alloc::vec![Value::Obj(vm.types.range.clone())];
        args.extend(a.iter().map(|&x| I(x)));
        range_new(vm, &args, &[]).unwrap()
    }
    fn triple(v: &Value) -> (i64, i64, i64) {
        match &**v.as_obj().unwrap() {
            PyObject::Range { start, stop, step } => (*start, *stop, *step),
            _ => panic!(),
        }
    }

    #[test]
    fn slice_index_semantics() {
        let mut vm = vm();
        let s = Value::Obj(vm.alloc(PyObject::Slice(N, N, I(-1))));
        assert_eq!(slice_indices(&mut vm, &s, 10).unwrap(), (9, -1, -1));
        let s = Value::Obj(vm.alloc(PyObject::Slice(I(-100), I(100), I(3))));
        assert_eq!(slice_indices(&mut vm, &s, 7).unwrap(), (0, 7, 3));
        let s = Value::Obj(vm.alloc(PyObject::Slice(I(5), N, I(-2))));
        assert_eq!(slice_indices(&mut vm, &s, 3).unwrap(), (2, -1, -2));
        assert_eq!(slice_len(9, -1, -1), 10);
        assert_eq!(slice_len(0, 7, 3), 3);
        let s = Value::Obj(vm.alloc(PyObject::Slice(Value::str("a"), N, N)));
        assert!(slice_indices(&mut vm, &s, 3).is_err());
        assert!(normalize_index(&mut vm, -4, 3, "tuple").is_err());
        assert_eq!(normalize_index(&mut vm, -3, 3, "tuple").unwrap(), 0);
    }

    #[test]
    fn ranges() {
        let mut vm = vm();
        let r = rng(&mut vm, &[3, 50, 4]);
        let o = r.as_obj().unwrap().clone();
        assert_eq!(range_len(&o), 12);
        let s = Value::Obj(vm.alloc(PyObject::Slice(I(2), I(9), I(2))));
        assert_eq!(
            triple(&range_getitem(&mut vm, &[r.clone(), s], &[]).unwrap()),
            (11, 39, 8)
        );
        let s = Value::Obj(vm.alloc(PyObject::Slice(N, N, I(-1))));
        assert_eq!(
            triple(&range_getitem(&mut vm, &[r.clone(), s], &[]).unwrap()),
            (47, -1, -4)
        );
        assert!(matches!(
            range_getitem(&mut vm, &[r.clone(), I(-1)], &[]).unwrap(),
            I(47)
        ));
        assert!(range_getitem(&mut vm, &[r.clone(), I(12)], &[]).is_err());
        assert!(range_contains(&mut vm, &o, &I(7)).unwrap());
        assert!(!range_contains(&mut vm, &o, &I(8)).unwrap());
        assert!(range_contains(&mut vm, &o, &Value::Float(7.0)).unwrap());
        assert!(matches!(
            range_index(&mut vm, &[r.clone(), I(11)], &[]).unwrap(),
            I(2)
        ));
        assert!(matches!(
            range_count(&mut vm, &[r.clone(), I(11)], &[]).unwrap(),
            I(1)
        ));
        let r2 = rng(&mut vm, &[10, 0, -3]);
        let s = Value::Obj(vm.alloc(PyObject::Slice(I(1), N, N)));
        assert_eq!(
            triple(&range_getitem(&mut vm, &[r2, s], &[]).unwrap()),
            (7, -2, -3)
        );
        assert_eq!(range_len_of(-5, 5, -1), 0);
        assert_eq!(range_len_of(5, -5, -3), 4);
        assert_eq!(range_len_of(i64::MIN, i64::MAX, 1), usize::MAX);
        let a = rng(&mut vm, &[0, 0]);
        let b = rng(&mut vm, &[5, 2, 3]);
        assert!(range_eq(a.as_obj().unwrap(), b.as_obj().unwrap()));
        let zero = [Value::Obj(vm.types.range.clone()), I(1), I(2), I(0)];
        assert!(range_new(&mut vm, &zero, &[]).is_err());
        let only = [Value::Obj(vm.types.range.clone())];
        assert!(range_new(&mut vm, &only, &[]).is_err());
    }
}
