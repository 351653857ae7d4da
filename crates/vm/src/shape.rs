//! Hidden classes ("shapes") for instance attributes.
//!
//! An instance of a Python class keeps its attributes as a vector of values plus a shared
//! `Shape`: the attribute names in slot order. Instances that get the same attributes in the
//! same order (the usual case: `__init__` sets them) share one shape, so an inline cache that
//! remembers a shape can read or write a slot by index with one pointer comparison and no hash
//! lookup, and an instance costs no dict object.
//!
//! Each class has its own shape tree (rooted in `TypeObj::shape`), so a shape also identifies
//! the class: a cache guard of (shape, type version) covers both. Adding an attribute moves the
//! instance to the child shape for that name (created on first use and then shared).
//!
//! An instance leaves shapes for a real dict object (`Attrs::Dict`) when its `__dict__` is
//! asked for (the dict must then be live), when an attribute is deleted, or when the tree
//! reaches its limits (many names per instance, many distinct orders per class); it never comes
//! back. Dict-mode instances take the generic attribute paths.

use alloc::boxed::Box;
use alloc::rc::Rc;
use alloc::vec::Vec;
use core::cell::{Cell, RefCell};

use crate::value::{Instance, Str, Value};

/// Most attributes an instance keeps in slots (past this it switches to a dict).
pub const MAX_KEYS: usize = 48;
/// Most different names that may follow one shape (a wider fan-out means instances used as
/// free-form records: a dict serves them better).
const MAX_CHILDREN: usize = 16;
/// Most shapes one class's tree may hold.
const TREE_BUDGET: u32 = 512;

/// A hidden class: the attribute names of the instances that have it, in slot order.
pub struct Shape {
    keys: Box<[Str]>,
    children: RefCell<Vec<(Str, Rc<Shape>)>>,
    /// What the whole tree shares.
    tree: Rc<Tree>,
}

/// The state shared by the shapes of one class.
struct Tree {
    /// Shapes the tree may still create.
    budget: Cell<u32>,
    /// Facts about the class the attribute paths consult.
    info: ClassInfo,
}

/// Facts about a class that the generic attribute paths check (kept with the root of its shape
/// tree, so a class without them costs nothing).
pub struct ClassInfo {
    /// Instances have no `__dict__` (the class and its bases define `__slots__`): only the
    /// slot names may be stored.
    pub no_dict: Cell<bool>,
    /// The type version at which `getattribute` was computed (`u64::MAX`: never).
    pub ga_version: Cell<u64>,
    /// The class (or a base) defines its own `__getattribute__`.
    pub getattribute: Cell<bool>,
}

impl Shape {
    /// The empty shape at the root of a new class's tree.
    pub fn root() -> Rc<Shape> {
        Rc::new(Shape {
            keys: Box::new([]),
            children: RefCell::new(Vec::new()),
            tree: Rc::new(Tree {
                budget: Cell::new(TREE_BUDGET),
                info: ClassInfo {
                    no_dict: Cell::new(false),
                    ga_version: Cell::new(u64::MAX),
                    getattribute: Cell::new(false),
                },
            }),
        })
    }

    /// The facts about the class whose tree this shape belongs to.
    #[inline]
    pub fn class_info(&self) -> &ClassInfo {
        &self.tree.info
    }

    /// The attribute names, in slot order.
    #[inline]
    pub fn keys(&self) -> &[Str] {
        &self.keys
    }

    /// The slot of `name` (the same string object first, then equal text).
    #[inline]
    pub fn index_of(&self, name: &Str) -> Option<usize> {
        if let Some(i) = self.keys.iter().position(|k| Rc::ptr_eq(k, name)) {
            return Some(i);
        }
        self.keys.iter().position(|k| k.as_str() == name.as_str())
    }

    /// The slot of a name given as text.
    pub fn index_of_str(&self, name: &str) -> Option<usize> {
        self.keys.iter().position(|k| k.as_str() == name)
    }

    /// The shape with `name` appended (shared with every instance that took the same step), or
    /// None when the tree's limits are reached (the instance then switches to a dict).
    pub fn add(self: &Rc<Self>, name: &Str) -> Option<Rc<Shape>> {
        if let Ok(ch) = self.children.try_borrow() {
            if let Some((_, s)) = ch.iter().find(|(k, _)| Rc::ptr_eq(k, name)) {
                return Some(s.clone());
            }
            if let Some((_, s)) = ch.iter().find(|(k, _)| k.as_str() == name.as_str()) {
                return Some(s.clone());
            }
            if ch.len() >= MAX_CHILDREN {
                return None;
            }
        }
        let tree = &self.tree;
        if self.keys.len() >= MAX_KEYS || tree.budget.get() == 0 {
            return None;
        }
        tree.budget.set(tree.budget.get() - 1);
        let mut keys = Vec::with_capacity(self.keys.len() + 1);
        keys.extend(self.keys.iter().cloned());
        keys.push(name.clone());
        let child = Rc::new(Shape {
            keys: keys.into_boxed_slice(),
            children: RefCell::new(Vec::new()),
            tree: self.tree.clone(),
        });
        if let Ok(mut ch) = self.children.try_borrow_mut() {
            ch.push((name.clone(), child.clone()));
        }
        Some(child)
    }
}

impl core::fmt::Debug for Shape {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_list().entries(self.keys.iter()).finish()
    }
}

/// Slots kept inside the instance object itself (the rest go to a vector): small instances
/// cost one allocation. The instance variant stays smaller than the largest `PyObject` variant
/// (type objects and functions), so this adds nothing to any object's size.
pub const INLINE_SLOTS: usize = 4;

/// The attribute values of an instance, in slot order: the first `INLINE_SLOTS` inline.
pub struct Slots {
    len: usize,
    inline: [Value; INLINE_SLOTS],
    spill: Vec<Value>,
}

impl Default for Slots {
    fn default() -> Self {
        Slots::new()
    }
}

impl Slots {
    /// No values.
    #[inline]
    pub fn new() -> Slots {
        Slots {
            len: 0,
            inline: [Value::None, Value::None, Value::None, Value::None],
            spill: Vec::new(),
        }
    }

    /// Number of values.
    #[inline]
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when there are none.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The value in slot `i`.
    #[inline]
    pub fn get(&self, i: usize) -> Option<&Value> {
        if i >= self.len {
            None
        } else if i < INLINE_SLOTS {
            self.inline.get(i)
        } else {
            self.spill.get(i - INLINE_SLOTS)
        }
    }

    /// The value in slot `i`, to replace it.
    #[inline]
    pub fn get_mut(&mut self, i: usize) -> Option<&mut Value> {
        if i >= self.len {
            None
        } else if i < INLINE_SLOTS {
            self.inline.get_mut(i)
        } else {
            self.spill.get_mut(i - INLINE_SLOTS)
        }
    }

    /// Append a value.
    #[inline]
    pub fn push(&mut self, v: Value) {
        match self.inline.get_mut(self.len) {
            Some(slot) => *slot = v,
            None => self.spill.push(v),
        }
        self.len += 1;
    }

    /// Mutable access to every value in slot order.
    pub(crate) fn iter_mut(&mut self) -> impl Iterator<Item = &mut Value> {
        self.inline
            .iter_mut()
            .take(self.len.min(INLINE_SLOTS))
            .chain(self.spill.iter_mut())
    }

    /// The values in slot order.
    pub fn iter(&self) -> impl Iterator<Item = &Value> {
        self.inline
            .iter()
            .take(self.len.min(INLINE_SLOTS))
            .chain(self.spill.iter())
    }

    /// Move every value out (in slot order), leaving no values.
    pub fn take_all(&mut self) -> Vec<Value> {
        let mut out = Vec::with_capacity(self.len);
        let n = self.len.min(INLINE_SLOTS);
        for slot in self.inline.iter_mut().take(n) {
            out.push(core::mem::replace(slot, Value::None));
        }
        out.append(&mut self.spill);
        self.len = 0;
        out
    }

    /// Remove the value in slot `i`, moving the later ones down.
    pub fn remove(&mut self, i: usize) -> Option<Value> {
        if i >= self.len {
            return None;
        }
        let mut all = self.take_all();
        let v = all.remove(i);
        for x in all {
            self.push(x);
        }
        Some(v)
    }
}

/// Where an instance keeps its attributes.
pub enum Attrs {
    /// Values in slot order, named by the shape.
    Slots(Rc<Shape>, Slots),
    /// A dict object (the instance's live `__dict__`).
    Dict(crate::value::Obj),
}

impl Instance {
    /// The instance's own attribute `name` (not the class's), if it has one.
    pub fn attr_get(&self, name: &Str) -> Option<Value> {
        match &*self.attrs.borrow() {
            Attrs::Slots(shape, values) => {
                shape.index_of(name).and_then(|i| values.get(i).cloned())
            }
            Attrs::Dict(d) => {
                crate::attr::dict_of(d).and_then(|d| d.borrow().get_name(name).cloned())
            }
        }
    }

    /// The instance's own attribute with a name given as text.
    pub fn attr_get_str(&self, name: &str) -> Option<Value> {
        match &*self.attrs.borrow() {
            Attrs::Slots(shape, values) => shape
                .index_of_str(name)
                .and_then(|i| values.get(i).cloned()),
            Attrs::Dict(d) => {
                crate::attr::dict_of(d).and_then(|d| d.borrow().get_str(name).cloned())
            }
        }
    }

    /// The names of the instance's own attributes, in order.
    pub fn attr_names(&self) -> Vec<Value> {
        match &*self.attrs.borrow() {
            Attrs::Slots(shape, values) => shape
                .keys()
                .iter()
                .take(values.len())
                .map(|k| Value::Str(k.clone()))
                .collect(),
            Attrs::Dict(d) => crate::attr::dict_of(d)
                .map(|d| d.borrow().keys())
                .unwrap_or_default(),
        }
    }

    /// The shape, while the instance keeps its attributes in slots.
    #[inline]
    pub fn shape(&self) -> Option<Rc<Shape>> {
        match &*self.attrs.try_borrow().ok()? {
            Attrs::Slots(s, _) => Some(s.clone()),
            Attrs::Dict(_) => None,
        }
    }
}
