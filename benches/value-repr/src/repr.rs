//! The three value representations under test, behind one trait.
//!
//! All three use the same heap objects (`Heap`, reference counted with `Rc`), so the comparison
//! isolates the encoding of a value: how wide it is, how a type test is done, and what must be
//! allocated. Every `unsafe` block lives in a small function of `NanBox` or `Tagged` with its
//! safety argument next to it; the tests at the end check the encodings at their edges and that
//! clone/drop keep the reference counts exact.

use std::cell::RefCell;
use std::rc::Rc;

/// A heap object, shared by all representations.
///
/// Each variant is one pointer wide or less, so `Heap` is 16 bytes and an `Rc<Heap>` allocation
/// is 32 bytes (16 of them are `Rc`'s strong and weak counts). That is what a boxed float costs
/// in candidate (c).
pub enum Heap<V> {
    /// A float that is not stored inline (candidate (c) boxes every float).
    Float(f64),
    /// An int outside the representation's inline range: the "big int" path. An `i128` stands in
    /// for a real arbitrary-precision integer; it is boxed a second time so `Heap` stays small.
    Big(Box<i128>),
    /// An instance with fixed fields (an object with `__slots__`, in Python terms).
    Inst(Box<RefCell<Vec<V>>>),
}

/// What the mini-VM needs from a value representation.
///
/// `Clone` is the reference-count increment of a heap value and `Drop` the decrement, exactly as
/// `Rc` does it. Constructors of inline values are total; `int` and `heap` can fail only when a
/// pointer cannot be encoded (never on current 64-bit Linux or wasm32, but checked, not assumed).
pub trait Repr: Clone + Sized {
    /// `None`.
    fn none() -> Self;
    /// `True` / `False`.
    fn bool(b: bool) -> Self;
    /// The int `i` if it fits the inline range, else `None`.
    fn small_int(i: i64) -> Option<Self>;
    /// A float (allocates in candidate (c)).
    fn float(x: f64) -> Self;
    /// Wrap a heap object; `None` if its address cannot be encoded.
    fn heap(o: Rc<Heap<Self>>) -> Option<Self>;
    /// The value of an inline int.
    fn as_small_int(&self) -> Option<i64>;
    /// The value of a float, inline or boxed.
    fn as_float(&self) -> Option<f64>;
    /// The value of a bool.
    fn as_bool(&self) -> Option<bool>;
    /// Whether this is `None`.
    fn is_none(&self) -> bool;
    /// The heap object, if this value is one.
    fn as_heap(&self) -> Option<&Heap<Self>>;

    /// `a + b` when both are inline ints and the sum is too; representations override this with
    /// a cheaper tag trick where one exists.
    #[inline(always)]
    fn add_small(a: &Self, b: &Self) -> Option<Self> {
        Self::small_int(a.as_small_int()?.checked_add(b.as_small_int()?)?)
    }
    /// `a - b` on inline ints, as `add_small`.
    #[inline(always)]
    fn sub_small(a: &Self, b: &Self) -> Option<Self> {
        Self::small_int(a.as_small_int()?.checked_sub(b.as_small_int()?)?)
    }

    /// Any int (inline or big) as an i128.
    #[inline]
    fn as_any_int(&self) -> Option<i128> {
        if let Some(i) = self.as_small_int() {
            return Some(i as i128);
        }
        match self.as_heap()? {
            Heap::Big(b) => Some(**b),
            _ => None,
        }
    }
    /// An int of any size: inline when it fits, else boxed. `None` if the box cannot be encoded.
    #[inline]
    fn int(i: i128) -> Option<Self> {
        if let Ok(small) = i64::try_from(i) {
            if let Some(v) = Self::small_int(small) {
                return Some(v);
            }
        }
        Self::heap(Rc::new(Heap::Big(Box::new(i))))
    }
}

// ---------------------------------------------------------------------------------------------
// (a) The current representation: a 16-byte enum.

/// Candidate (a): the 16-byte tagged enum Ferropy uses today (`Value` in crates/vm/src/value.rs,
/// minus the separate `Str` arm, which does not change its size or its code paths).
#[derive(Clone)]
pub enum Enum16 {
    /// `None`.
    None,
    /// A bool.
    Bool(bool),
    /// Any i64.
    Int(i64),
    /// An inline f64.
    Float(f64),
    /// A heap object.
    Obj(Rc<Heap<Enum16>>),
}

impl Repr for Enum16 {
    #[inline(always)]
    fn none() -> Self {
        Enum16::None
    }
    #[inline(always)]
    fn bool(b: bool) -> Self {
        Enum16::Bool(b)
    }
    #[inline(always)]
    fn small_int(i: i64) -> Option<Self> {
        Some(Enum16::Int(i))
    }
    #[inline(always)]
    fn float(x: f64) -> Self {
        Enum16::Float(x)
    }
    #[inline(always)]
    fn heap(o: Rc<Heap<Self>>) -> Option<Self> {
        Some(Enum16::Obj(o))
    }
    #[inline(always)]
    fn as_small_int(&self) -> Option<i64> {
        match self {
            Enum16::Int(i) => Some(*i),
            _ => None,
        }
    }
    #[inline(always)]
    fn as_float(&self) -> Option<f64> {
        match self {
            Enum16::Float(x) => Some(*x),
            _ => None,
        }
    }
    #[inline(always)]
    fn as_bool(&self) -> Option<bool> {
        match self {
            Enum16::Bool(b) => Some(*b),
            _ => None,
        }
    }
    #[inline(always)]
    fn is_none(&self) -> bool {
        matches!(self, Enum16::None)
    }
    #[inline(always)]
    fn as_heap(&self) -> Option<&Heap<Self>> {
        match self {
            Enum16::Obj(o) => Some(o),
            _ => None,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Shared pointer helpers for the two word-sized candidates.

/// Turn an `Rc` into its raw address, giving up (leaking) one strong count to the caller.
#[inline(always)]
fn rc_into_addr<V>(o: Rc<Heap<V>>) -> u64 {
    Rc::into_raw(o) as usize as u64
}

/// Add one strong count to the object at `addr`.
///
/// # Safety
/// `addr` must come from `rc_into_addr` for a `Heap<V>` whose count the caller still owns.
#[inline(always)]
unsafe fn rc_incr<V>(addr: u64) {
    // SAFETY: the caller guarantees `addr` is a live `Rc<Heap<V>>` pointer.
    unsafe { Rc::increment_strong_count(addr as usize as *const Heap<V>) }
}

/// Release one strong count of the object at `addr` (freeing it at zero).
///
/// # Safety
/// `addr` must come from `rc_into_addr` for a `Heap<V>`, and the caller must own the count it
/// gives back (it must not use `addr` afterwards unless it holds another count).
#[inline(always)]
unsafe fn rc_decr<V>(addr: u64) {
    // SAFETY: as documented above.
    unsafe { Rc::decrement_strong_count(addr as usize as *const Heap<V>) }
}

/// Borrow the object at `addr` for as long as the value holding that address lives.
///
/// # Safety
/// `addr` must come from `rc_into_addr` for a `Heap<V>` and the value it was read from must
/// hold a strong count for at least `'a`.
#[inline(always)]
unsafe fn rc_ref<'a, V>(addr: u64) -> &'a Heap<V> {
    // SAFETY: as documented above: the count held by the value keeps the object alive.
    unsafe { &*(addr as usize as *const Heap<V>) }
}

// ---------------------------------------------------------------------------------------------
// (a') The same 16 bytes as two plain words.

/// Candidate (a'): the same information as `Enum16` in the same 16 bytes, but as a struct of
/// two `u64` words (tag, payload) with hand-written clone/drop. It separates the cost of the
/// width (16 bytes) from the code rustc generates for moving a 16-byte enum: the payload is a
/// raw f64/i64/bool/pointer, selected by `tag`.
pub struct Pair16 {
    tag: u64,
    bits: u64,
}

const P_NONE: u64 = 0;
const P_BOOL: u64 = 1;
const P_INT: u64 = 2;
const P_FLOAT: u64 = 3;
const P_OBJ: u64 = 4;

impl Clone for Pair16 {
    #[inline(always)]
    fn clone(&self) -> Self {
        if self.tag == P_OBJ {
            // SAFETY: an object-tagged pair was built by `heap` from `rc_into_addr`, and `self`
            // owns one count, so the object is alive.
            unsafe { rc_incr::<Pair16>(self.bits) }
        }
        Pair16 {
            tag: self.tag,
            bits: self.bits,
        }
    }
}

impl Drop for Pair16 {
    #[inline(always)]
    fn drop(&mut self) {
        if self.tag == P_OBJ {
            // SAFETY: `self` owns one count of the object and is going away.
            unsafe { rc_decr::<Pair16>(self.bits) }
        }
    }
}

impl Repr for Pair16 {
    #[inline(always)]
    fn none() -> Self {
        Pair16 {
            tag: P_NONE,
            bits: 0,
        }
    }
    #[inline(always)]
    fn bool(b: bool) -> Self {
        Pair16 {
            tag: P_BOOL,
            bits: b as u64,
        }
    }
    #[inline(always)]
    fn small_int(i: i64) -> Option<Self> {
        Some(Pair16 {
            tag: P_INT,
            bits: i as u64,
        })
    }
    #[inline(always)]
    fn float(x: f64) -> Self {
        Pair16 {
            tag: P_FLOAT,
            bits: x.to_bits(),
        }
    }
    #[inline(always)]
    fn heap(o: Rc<Heap<Self>>) -> Option<Self> {
        Some(Pair16 {
            tag: P_OBJ,
            bits: rc_into_addr(o),
        })
    }
    #[inline(always)]
    fn as_small_int(&self) -> Option<i64> {
        (self.tag == P_INT).then_some(self.bits as i64)
    }
    #[inline(always)]
    fn as_float(&self) -> Option<f64> {
        (self.tag == P_FLOAT).then_some(f64::from_bits(self.bits))
    }
    #[inline(always)]
    fn as_bool(&self) -> Option<bool> {
        (self.tag == P_BOOL).then_some(self.bits != 0)
    }
    #[inline(always)]
    fn is_none(&self) -> bool {
        self.tag == P_NONE
    }
    #[inline(always)]
    fn as_heap(&self) -> Option<&Heap<Self>> {
        if self.tag == P_OBJ {
            // SAFETY: `self` holds a count for as long as the returned borrow of `self` lives.
            Some(unsafe { rc_ref::<Pair16>(self.bits) })
        } else {
            None
        }
    }
}

// ---------------------------------------------------------------------------------------------
// (b) NaN boxing.

/// Candidate (b): an 8-byte NaN-boxed word (MicroPython's object representation D is the same
/// idea).
///
/// The top 16 bits say what the word is:
/// - below `0xFFF9`: an f64, stored as its own bits (every NaN is canonicalised to
///   `0x7FF8_0000_0000_0000`, so no float has a top half of `0xFFF9` or above);
/// - `0xFFF9`: a heap pointer in the low 48 bits (x86-64, AArch64 and wasm32 user addresses
///   fit; a pointer that does not is refused, not truncated);
/// - `0xFFFA`: a 48-bit signed int in the low 48 bits;
/// - `0xFFFB`: `None`; `0xFFFC`: a bool in bit 0.
pub struct NanBox(u64);

const NB_PTR: u64 = 0xFFF9 << 48;
const NB_INT: u64 = 0xFFFA << 48;
const NB_NONE: u64 = 0xFFFB << 48;
const NB_BOOL: u64 = 0xFFFC << 48;
const NB_TAG: u64 = 0xFFFF << 48;
const NB_PAYLOAD: u64 = (1 << 48) - 1;
const CANONICAL_NAN: u64 = 0x7FF8_0000_0000_0000;

impl NanBox {
    #[inline(always)]
    fn is_ptr(&self) -> bool {
        self.0 & NB_TAG == NB_PTR
    }
}

impl Clone for NanBox {
    #[inline(always)]
    fn clone(&self) -> Self {
        if self.is_ptr() {
            // SAFETY: a pointer-tagged word was built by `heap` from `rc_into_addr`, and `self`
            // owns one count, so the object is alive.
            unsafe { rc_incr::<NanBox>(self.0 & NB_PAYLOAD) }
        }
        NanBox(self.0)
    }
}

impl Drop for NanBox {
    #[inline(always)]
    fn drop(&mut self) {
        if self.is_ptr() {
            // SAFETY: `self` owns one count of the object and is going away.
            unsafe { rc_decr::<NanBox>(self.0 & NB_PAYLOAD) }
        }
    }
}

impl Repr for NanBox {
    #[inline(always)]
    fn none() -> Self {
        NanBox(NB_NONE)
    }
    #[inline(always)]
    fn bool(b: bool) -> Self {
        NanBox(NB_BOOL | b as u64)
    }
    #[inline(always)]
    fn small_int(i: i64) -> Option<Self> {
        if (i << 16) >> 16 == i {
            Some(NanBox(NB_INT | (i as u64 & NB_PAYLOAD)))
        } else {
            None
        }
    }
    #[inline(always)]
    fn float(x: f64) -> Self {
        if x.is_nan() {
            NanBox(CANONICAL_NAN)
        } else {
            NanBox(x.to_bits())
        }
    }
    #[inline]
    fn heap(o: Rc<Heap<Self>>) -> Option<Self> {
        let addr = rc_into_addr(o);
        if addr & !NB_PAYLOAD == 0 {
            Some(NanBox(NB_PTR | addr))
        } else {
            // SAFETY: `addr` came from `rc_into_addr` just above; give the count back.
            unsafe { rc_decr::<NanBox>(addr) };
            None
        }
    }
    #[inline(always)]
    fn as_small_int(&self) -> Option<i64> {
        if self.0 & NB_TAG == NB_INT {
            Some(((self.0 << 16) as i64) >> 16)
        } else {
            None
        }
    }
    #[inline(always)]
    fn as_float(&self) -> Option<f64> {
        if self.0 < NB_PTR {
            Some(f64::from_bits(self.0))
        } else {
            None
        }
    }
    #[inline(always)]
    fn as_bool(&self) -> Option<bool> {
        if self.0 & NB_TAG == NB_BOOL {
            Some(self.0 & 1 != 0)
        } else {
            None
        }
    }
    #[inline(always)]
    fn is_none(&self) -> bool {
        self.0 == NB_NONE
    }
    #[inline(always)]
    fn as_heap(&self) -> Option<&Heap<Self>> {
        if self.is_ptr() {
            // SAFETY: `self` holds a count for as long as the returned borrow of `self` lives.
            Some(unsafe { rc_ref::<NanBox>(self.0 & NB_PAYLOAD) })
        } else {
            None
        }
    }
}

// ---------------------------------------------------------------------------------------------
// (c) Low-bit pointer tagging.

/// Candidate (c): an 8-byte word with a low-bit tag, as MicroPython's object representation A
/// (its default) on a 64-bit machine.
///
/// - `...xxx1`: a 63-bit signed int in the upper 63 bits;
/// - `...0010` `None`, `...0110` False, `...1010` True (immediates, tag `10`);
/// - `...x00` (non-zero): a heap pointer (`Rc` allocations are 8-aligned), floats included:
///   every float result allocates a 32-byte box.
pub struct Tagged(u64);

const TG_NONE: u64 = 0b0010;
const TG_FALSE: u64 = 0b0110;
const TG_TRUE: u64 = 0b1010;

impl Tagged {
    #[inline(always)]
    fn is_ptr(&self) -> bool {
        self.0 & 0b11 == 0
    }
}

impl Clone for Tagged {
    #[inline(always)]
    fn clone(&self) -> Self {
        if self.is_ptr() {
            // SAFETY: a word with tag `00` was built by `heap` from `rc_into_addr`, and `self`
            // owns one count, so the object is alive.
            unsafe { rc_incr::<Tagged>(self.0) }
        }
        Tagged(self.0)
    }
}

impl Drop for Tagged {
    #[inline(always)]
    fn drop(&mut self) {
        if self.is_ptr() {
            // SAFETY: `self` owns one count of the object and is going away.
            unsafe { rc_decr::<Tagged>(self.0) }
        }
    }
}

impl Repr for Tagged {
    #[inline(always)]
    fn none() -> Self {
        Tagged(TG_NONE)
    }
    #[inline(always)]
    fn bool(b: bool) -> Self {
        Tagged(if b { TG_TRUE } else { TG_FALSE })
    }
    #[inline(always)]
    fn small_int(i: i64) -> Option<Self> {
        if (i << 1) >> 1 == i {
            Some(Tagged(((i << 1) | 1) as u64))
        } else {
            None
        }
    }
    #[inline]
    fn float(x: f64) -> Self {
        let addr = rc_into_addr(Rc::new(Heap::<Tagged>::Float(x)));
        Tagged(addr)
    }
    #[inline]
    fn heap(o: Rc<Heap<Self>>) -> Option<Self> {
        let addr = rc_into_addr(o);
        if addr & 0b11 == 0 && addr != 0 {
            Some(Tagged(addr))
        } else {
            // SAFETY: `addr` came from `rc_into_addr` just above; give the count back.
            unsafe { rc_decr::<Tagged>(addr) };
            None
        }
    }
    #[inline(always)]
    fn as_small_int(&self) -> Option<i64> {
        if self.0 & 1 == 1 {
            Some(self.0 as i64 >> 1)
        } else {
            None
        }
    }
    #[inline(always)]
    fn as_float(&self) -> Option<f64> {
        match self.as_heap()? {
            Heap::Float(x) => Some(*x),
            _ => None,
        }
    }
    #[inline(always)]
    fn as_bool(&self) -> Option<bool> {
        match self.0 {
            TG_TRUE => Some(true),
            TG_FALSE => Some(false),
            _ => None,
        }
    }
    #[inline(always)]
    fn is_none(&self) -> bool {
        self.0 == TG_NONE
    }
    #[inline(always)]
    fn as_heap(&self) -> Option<&Heap<Self>> {
        if self.is_ptr() {
            // SAFETY: `self` holds a count for as long as the returned borrow of `self` lives.
            Some(unsafe { rc_ref::<Tagged>(self.0) })
        } else {
            None
        }
    }
    /// Tagged add: `(2a+1) + (2b+1) - 1 = 2(a+b)+1`, one overflow check, no untagging.
    #[inline(always)]
    fn add_small(a: &Self, b: &Self) -> Option<Self> {
        if a.0 & b.0 & 1 == 1 {
            let r = (a.0 as i64).checked_add(b.0 as i64 - 1)?;
            Some(Tagged(r as u64))
        } else {
            None
        }
    }
    /// Tagged subtract: `(2a+1) - (2b+1) + 1 = 2(a-b)+1`.
    #[inline(always)]
    fn sub_small(a: &Self, b: &Self) -> Option<Self> {
        if a.0 & b.0 & 1 == 1 {
            let r = (a.0 as i64).checked_sub(b.0 as i64 - 1)?;
            Some(Tagged(r as u64))
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ints<V: Repr>(lo: i64, hi: i64) {
        for i in [0, 1, -1, 42, -42, lo, hi] {
            let v = V::small_int(i).expect("in range");
            assert_eq!(v.as_small_int(), Some(i));
            assert!(v.as_float().is_none() && v.as_bool().is_none() && !v.is_none());
        }
        assert!(hi.checked_add(1).is_none_or(|h| V::small_int(h).is_none()));
        assert!(lo.checked_sub(1).is_none_or(|l| V::small_int(l).is_none()));
        for i in [
            i64::MAX as i128,
            i64::MIN as i128,
            i128::MAX,
            hi as i128 + 1,
        ] {
            assert_eq!(V::int(i).and_then(|v| v.as_any_int()), Some(i));
        }
    }

    fn floats<V: Repr>() {
        for x in [
            0.0,
            -0.0,
            1.5,
            -1e300,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MIN_POSITIVE,
        ] {
            let v = V::float(x);
            assert_eq!(v.as_float().map(f64::to_bits), Some(x.to_bits()));
            assert!(v.as_small_int().is_none() && v.as_bool().is_none() && !v.is_none());
        }
        let neg_nan = f64::from_bits(0xFFFF_FFFF_FFFF_FFFF);
        assert!(V::float(neg_nan).as_float().is_some_and(f64::is_nan));
        assert!(V::float(f64::NAN).as_float().is_some_and(f64::is_nan));
    }

    fn immediates<V: Repr>() {
        assert!(V::none().is_none());
        assert_eq!(V::bool(true).as_bool(), Some(true));
        assert_eq!(V::bool(false).as_bool(), Some(false));
        assert!(V::bool(false).as_small_int().is_none());
        assert!(V::none().as_heap().is_none());
    }

    fn counts<V: Repr>() {
        let rc = Rc::new(Heap::<V>::Inst(Box::new(RefCell::new(vec![V::none()]))));
        let v = V::heap(rc.clone()).expect("encodable");
        assert_eq!(Rc::strong_count(&rc), 2);
        let w = v.clone();
        assert_eq!(Rc::strong_count(&rc), 3);
        assert!(matches!(w.as_heap(), Some(Heap::Inst(_))));
        drop(v);
        drop(w);
        assert_eq!(Rc::strong_count(&rc), 1);
    }

    #[test]
    fn enum16() {
        ints::<Enum16>(i64::MIN, i64::MAX);
        floats::<Enum16>();
        immediates::<Enum16>();
        counts::<Enum16>();
    }

    #[test]
    fn pair16() {
        ints::<Pair16>(i64::MIN, i64::MAX);
        floats::<Pair16>();
        immediates::<Pair16>();
        counts::<Pair16>();
        assert_eq!(std::mem::size_of::<Pair16>(), 16);
    }

    #[test]
    fn nanbox() {
        ints::<NanBox>(-(1 << 47), (1 << 47) - 1);
        floats::<NanBox>();
        immediates::<NanBox>();
        counts::<NanBox>();
        assert_eq!(std::mem::size_of::<NanBox>(), 8);
    }

    #[test]
    fn tagged() {
        ints::<Tagged>(i64::MIN >> 1, i64::MAX >> 1);
        floats::<Tagged>();
        immediates::<Tagged>();
        counts::<Tagged>();
        assert_eq!(std::mem::size_of::<Tagged>(), 8);
    }

    #[test]
    fn tagged_add_sub_match_generic() {
        let edge = [
            0,
            1,
            -1,
            7,
            i64::MAX >> 1,
            i64::MIN >> 1,
            (i64::MAX >> 1) - 3,
        ];
        for a in edge {
            for b in edge {
                let (x, y) = (Tagged::small_int(a).unwrap(), Tagged::small_int(b).unwrap());
                let want = a.checked_add(b).and_then(Tagged::small_int).map(|v| v.0);
                assert_eq!(Tagged::add_small(&x, &y).map(|v| v.0), want, "{a}+{b}");
                let want = a.checked_sub(b).and_then(Tagged::small_int).map(|v| v.0);
                assert_eq!(Tagged::sub_small(&x, &y).map(|v| v.0), want, "{a}-{b}");
            }
        }
    }
}
