//! The `btree` module: MicroPython's simple key/value database, a paged B+-tree kept in any
//! stream with `read`/`readinto`, `write`, `seek` and `flush` (a file opened `"r+b"`/`"w+b"`, or an
//! `io.BytesIO`).
//!
//! The tree lives in pages of `pagesize` bytes: page 0 is the header (magic, version, page size,
//! root page, free-list head, page count), the others are leaves (sorted key/value pairs),
//! internal nodes (separator keys between child pages), overflow pages (the bytes of a key or
//! value too large to sit in a node: more than an eighth of a page) and free pages (a linked list
//! reused before the file grows). Inserts split full nodes upwards; deletes merge an underfull
//! node with a sibling or share entries with it. Pages are cached in memory and written back on
//! `flush()`/`close()` (or when the cache outgrows `cachesize`), so a database closed and opened
//! again from the same bytes holds the same data.
//!
//! The file format is our own: it is not byte-compatible with the Berkeley DB 1.85 files that
//! MicroPython's module writes. `flags` and `minkeypage` are accepted and ignored. Every page
//! read is checked; a damaged file gives `OSError` (EIO), never a crash.

use alloc::borrow::Cow;
use alloc::boxed::Box;
use alloc::collections::{BTreeMap, BTreeSet};
use alloc::format;
use alloc::vec::Vec;
use core::cell::RefCell;
use core::cmp::Ordering;

use crate::exceptions::ExcKind;
use crate::modbuiltins::{check_kw, kwarg};
use crate::modstruct::{module_fns, module_set};
use crate::types;
use crate::value::{Layout, NativeFn, NativeObj, Obj, PyObject, Str, Value};
use crate::vm::Vm;
use crate::{PyErr, PyResult};

/// errno EIO: a damaged database file.
const EIO: i32 = 5;
/// errno EINVAL: a bad argument (page size, `seq` flags) or a stream that is not a database.
const EINVAL: i32 = 22;

/// `keys()`/`items()`/`values()` flag: the end key is included.
pub const INCL: i64 = 1;
/// `keys()`/`items()`/`values()` flag: iterate from the largest key down.
pub const DESC: i64 = 2;

/// `seq` flags (Berkeley DB's values).
const R_CURSOR: i64 = 1;
const R_FIRST: i64 = 3;
const R_LAST: i64 = 6;
const R_NEXT: i64 = 7;
const R_PREV: i64 = 9;

const MAGIC: &[u8; 4] = b"FPBT";
const VERSION: u32 = 1;
const HEADER_LEN: usize = 24;
const DEFAULT_PAGESIZE: u32 = 4096;
const MIN_PAGESIZE: u32 = 512;
const MAX_PAGESIZE: u32 = 65536;
/// Deepest tree accepted (a damaged file with a loop of child pointers stops here).
const MAX_DEPTH: usize = 48;

const KIND_LEAF: u8 = 1;
const KIND_INTERNAL: u8 = 2;
const KIND_FREE: u8 = 3;
const KIND_OVERFLOW: u8 = 4;
/// Item length marking an item stored in overflow pages.
const OVERFLOW_MARK: u16 = 0xffff;
/// Bytes before the data of an overflow page (kind, pad, used length, next page).
const OVERFLOW_HEAD: usize = 8;

/// Why a database operation failed.
#[derive(Debug)]
pub enum DbError {
    /// An errno (damaged file, bad argument, or a negative result from a stream method).
    Errno(i32),
    /// A Python exception raised by the stream.
    Py(PyErr),
}

type DbResult<T> = Result<T, DbError>;

fn corrupt<T>() -> DbResult<T> {
    Err(DbError::Errno(EIO))
}

/// The byte store under a database: the stream (or memory, in tests).
pub trait Io {
    /// Read at `off` into `buf`; returns how many bytes were read (short at the end of the data).
    fn read_at(&mut self, off: u64, buf: &mut [u8]) -> DbResult<usize>;
    /// Write all of `data` at `off`.
    fn write_at(&mut self, off: u64, data: &[u8]) -> DbResult<()>;
    /// Push written data to its destination.
    fn sync(&mut self) -> DbResult<()>;
}

// ----- nodes -------------------------------------------------------------------------------------

/// A key or value, with the overflow chain that holds it on disk (owned by this item) if any.
/// Values in overflow pages are read only when asked for: until then `data` is empty.
#[derive(Debug)]
struct Item {
    data: Vec<u8>,
    /// The length of the item (also when `data` is not loaded).
    len: usize,
    ovf: Option<u32>,
}

impl Item {
    fn new(data: Vec<u8>) -> Item {
        Item {
            len: data.len(),
            data,
            ovf: None,
        }
    }
}

/// A decoded node page.
#[derive(Debug)]
struct Node {
    leaf: bool,
    keys: Vec<Item>,
    /// Leaves: one value per key.
    vals: Vec<Item>,
    /// Internal nodes: `keys.len() + 1` child pages; `keys[i]` is the smallest key under
    /// `kids[i + 1]`.
    kids: Vec<u32>,
}

/// An item as it sits in a page: inline bytes, or (length, first overflow page).
enum Raw<'p> {
    Inline(&'p [u8]),
    Over(usize, u32),
}

/// A node page looked at without copying its inline items.
struct View<'p> {
    leaf: bool,
    keys: Vec<Cow<'p, [u8]>>,
    vals: Vec<Raw<'p>>,
    kids: Vec<u32>,
}

/// What a node operation left for its parent to do.
struct Outcome {
    /// The node split: the separator and the new right page.
    split: Option<(Item, u32)>,
    /// The node is under a quarter full (the parent merges or rebalances it).
    small: bool,
}

fn rd_u16(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn rd_u32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

// ----- the tree ----------------------------------------------------------------------------------

/// A B+-tree database over pages of an `Io`.
pub struct Tree {
    pagesize: u32,
    root: u32,
    free: u32,
    npages: u32,
    /// Pages read or written, by number.
    cache: BTreeMap<u32, Vec<u8>>,
    /// Pages changed since the last flush.
    dirty: BTreeSet<u32>,
    header_dirty: bool,
    /// Pages the cache may hold between operations before it is written back and emptied.
    cache_pages: usize,
    /// The last key `seq`/iteration returned (the cursor).
    cursor: Option<Vec<u8>>,
    /// Node reads left in the current operation (a damaged file whose child pointers share
    /// pages cannot make an operation run for ever).
    budget: usize,
}

impl Tree {
    /// Open the database in `io`: read its header, or start a new database if `io` is empty.
    /// `pagesize` (0 for the default) must be a power of two from 512 to 65536; an existing
    /// database keeps its own.
    pub fn open(io: &mut dyn Io, pagesize: u32, cachesize: u32) -> DbResult<Tree> {
        if pagesize != 0
            && (!pagesize.is_power_of_two() || !(MIN_PAGESIZE..=MAX_PAGESIZE).contains(&pagesize))
        {
            return Err(DbError::Errno(EINVAL));
        }
        let mut head = [0u8; HEADER_LEN];
        let mut got = 0;
        while got < HEADER_LEN {
            let n = io.read_at(got as u64, &mut head[got..])?;
            if n == 0 {
                break;
            }
            got += n;
        }
        let mut t = Tree {
            pagesize: if pagesize == 0 {
                DEFAULT_PAGESIZE
            } else {
                pagesize
            },
            root: 1,
            free: 0,
            npages: 2,
            cache: BTreeMap::new(),
            dirty: BTreeSet::new(),
            header_dirty: true,
            cache_pages: 0,
            cursor: None,
            budget: 0,
        };
        if got == 0 {
            let empty = Node {
                leaf: true,
                keys: Vec::new(),
                vals: Vec::new(),
                kids: Vec::new(),
            };
            t.set_cache_size(cachesize);
            t.write_node(1, &empty)?;
            t.flush(io)?;
            return Ok(t);
        }
        if got < HEADER_LEN || &head[0..4] != MAGIC || rd_u32(&head, 4) != Some(VERSION) {
            return Err(DbError::Errno(EINVAL));
        }
        let field = |i: usize| rd_u32(&head, 8 + 4 * i).unwrap_or(0);
        let (psize, root, free, npages) = (field(0), field(1), field(2), field(3));
        if !psize.is_power_of_two()
            || !(MIN_PAGESIZE..=MAX_PAGESIZE).contains(&psize)
            || npages < 2
            || root == 0
            || root >= npages
            || free >= npages
        {
            return Err(DbError::Errno(EINVAL));
        }
        t.pagesize = psize;
        t.root = root;
        t.free = free;
        t.npages = npages;
        t.header_dirty = false;
        t.set_cache_size(cachesize);
        Ok(t)
    }

    fn set_cache_size(&mut self, cachesize: u32) {
        self.cache_pages = ((cachesize / self.pagesize) as usize).max(64);
    }

    /// The page size in bytes.
    pub fn pagesize(&self) -> u32 {
        self.pagesize
    }

    fn ps(&self) -> usize {
        self.pagesize as usize
    }

    /// Largest key or value kept inside a node; longer ones go to overflow pages.
    fn inline_max(&self) -> usize {
        self.ps() / 8
    }

    fn item_size(&self, it: &Item) -> usize {
        if it.len <= self.inline_max() {
            2 + it.len
        } else {
            10
        }
    }

    fn node_size(&self, n: &Node) -> usize {
        let mut s = 4;
        if n.leaf {
            for (k, v) in n.keys.iter().zip(n.vals.iter()) {
                s += self.item_size(k) + self.item_size(v);
            }
        } else {
            s += 4 * n.kids.len();
            for k in &n.keys {
                s += self.item_size(k);
            }
        }
        s
    }

    // ----- pages -----

    fn page(&mut self, io: &mut dyn Io, id: u32) -> DbResult<&[u8]> {
        if id == 0 || id >= self.npages {
            return corrupt();
        }
        if !self.cache.contains_key(&id) {
            let mut buf = alloc::vec![0u8; self.ps()];
            let off = id as u64 * self.pagesize as u64;
            let mut got = 0;
            while got < buf.len() {
                let n = io.read_at(off + got as u64, &mut buf[got..])?;
                if n == 0 {
                    break;
                }
                got += n;
            }
            if got < buf.len() {
                return corrupt();
            }
            self.cache.insert(id, buf);
        }
        match self.cache.get(&id) {
            Some(p) => Ok(p),
            None => corrupt(),
        }
    }

    fn put_page(&mut self, id: u32, mut data: Vec<u8>) {
        data.resize(self.ps(), 0);
        self.cache.insert(id, data);
        self.dirty.insert(id);
    }

    fn alloc_page(&mut self, io: &mut dyn Io) -> DbResult<u32> {
        self.header_dirty = true;
        if self.free != 0 {
            let id = self.free;
            let p = self.page(io, id)?;
            if p.first() != Some(&KIND_FREE) {
                return corrupt();
            }
            let next = rd_u32(p, 4).unwrap_or(0);
            if next >= self.npages {
                return corrupt();
            }
            self.free = next;
            return Ok(id);
        }
        if self.npages == u32::MAX {
            return Err(DbError::Errno(EIO));
        }
        let id = self.npages;
        self.npages += 1;
        Ok(id)
    }

    fn free_page(&mut self, id: u32) {
        let mut p = alloc::vec![0u8; 8];
        p[0] = KIND_FREE;
        p[4..8].copy_from_slice(&self.free.to_le_bytes());
        self.put_page(id, p);
        self.free = id;
        self.header_dirty = true;
    }

    // ----- overflow chains -----

    fn read_chain(&mut self, io: &mut dyn Io, first: u32, len: usize) -> DbResult<Vec<u8>> {
        let room = self.ps() - OVERFLOW_HEAD;
        let mut out = Vec::with_capacity(len.min(room * self.npages as usize));
        let mut id = first;
        let mut pages = 0usize;
        while out.len() < len {
            pages += 1;
            if id == 0 || pages > len / room + 1 {
                return corrupt();
            }
            let p = self.page(io, id)?;
            if p.first() != Some(&KIND_OVERFLOW) {
                return corrupt();
            }
            let used = rd_u16(p, 2).unwrap_or(0) as usize;
            let next = rd_u32(p, 4).unwrap_or(0);
            let Some(chunk) = p.get(OVERFLOW_HEAD..OVERFLOW_HEAD + used) else {
                return corrupt();
            };
            if used == 0 || out.len() + used > len {
                return corrupt();
            }
            out.extend_from_slice(chunk);
            id = next;
        }
        Ok(out)
    }

    fn write_chain(&mut self, io: &mut dyn Io, data: &[u8]) -> DbResult<u32> {
        let room = self.ps() - OVERFLOW_HEAD;
        let chunks: Vec<&[u8]> = data.chunks(room).collect();
        let mut ids = Vec::with_capacity(chunks.len());
        for _ in 0..chunks.len() {
            ids.push(self.alloc_page(io)?);
        }
        for (i, chunk) in chunks.iter().enumerate() {
            let next = ids.get(i + 1).copied().unwrap_or(0);
            let mut p = Vec::with_capacity(self.ps());
            p.extend_from_slice(&[KIND_OVERFLOW, 0]);
            p.extend_from_slice(&(chunk.len() as u16).to_le_bytes());
            p.extend_from_slice(&next.to_le_bytes());
            p.extend_from_slice(chunk);
            self.put_page(ids[i], p);
        }
        Ok(ids.first().copied().unwrap_or(0))
    }

    fn free_chain(&mut self, io: &mut dyn Io, first: u32) -> DbResult<()> {
        let mut id = first;
        let mut n = 0u32;
        while id != 0 {
            n += 1;
            if n > self.npages {
                return corrupt();
            }
            let p = self.page(io, id)?;
            if p.first() != Some(&KIND_OVERFLOW) {
                return corrupt();
            }
            let next = rd_u32(p, 4).unwrap_or(0);
            self.free_page(id);
            id = next;
        }
        Ok(())
    }

    /// The bytes of an item, reading its overflow pages if they were not read yet.
    #[cfg(test)]
    fn load(&mut self, io: &mut dyn Io, it: Item) -> DbResult<Vec<u8>> {
        match it.ovf {
            Some(first) if it.data.len() != it.len => self.read_chain(io, first, it.len),
            _ => Ok(it.data),
        }
    }

    fn drop_item(&mut self, io: &mut dyn Io, it: Item) -> DbResult<()> {
        match it.ovf {
            Some(first) => self.free_chain(io, first),
            None => Ok(()),
        }
    }

    // ----- read-only views of node pages (no copy of inline items) -----

    /// A copy of a page (so that overflow pages can be read while its items are looked at).
    fn page_copy(&mut self, io: &mut dyn Io, id: u32) -> DbResult<Vec<u8>> {
        Ok(self.page(io, id)?.to_vec())
    }

    fn raw_item<'p>(&self, page: &'p [u8], at: &mut usize) -> DbResult<Raw<'p>> {
        let Some(len) = rd_u16(page, *at) else {
            return corrupt();
        };
        *at += 2;
        if len == OVERFLOW_MARK {
            let (Some(total), Some(first)) = (rd_u32(page, *at), rd_u32(page, *at + 4)) else {
                return corrupt();
            };
            *at += 8;
            if (total as usize) <= self.inline_max() || first == 0 || first >= self.npages {
                return corrupt();
            }
            return Ok(Raw::Over(total as usize, first));
        }
        let len = len as usize;
        let (true, Some(b)) = (len <= self.inline_max(), page.get(*at..*at + len)) else {
            return corrupt();
        };
        *at += len;
        Ok(Raw::Inline(b))
    }

    fn raw_bytes(&mut self, io: &mut dyn Io, r: &Raw<'_>) -> DbResult<Vec<u8>> {
        match *r {
            Raw::Inline(b) => Ok(b.to_vec()),
            Raw::Over(len, first) => self.read_chain(io, first, len),
        }
    }

    /// The keys (read in full), values (as found) and children of a node page.
    fn view<'p>(&mut self, io: &mut dyn Io, id: u32, page: &'p [u8]) -> DbResult<View<'p>> {
        if self.budget == 0 {
            return corrupt();
        }
        self.budget -= 1;
        let kind = page.first().copied().unwrap_or(0);
        let count = rd_u16(page, 2).unwrap_or(0) as usize;
        let mut at = 4;
        let mut v = View {
            leaf: kind == KIND_LEAF,
            keys: Vec::with_capacity(count),
            vals: Vec::new(),
            kids: Vec::new(),
        };
        let kid = |at: usize, npages: u32| match rd_u32(page, at) {
            Some(c) if c != 0 && c < npages && c != id => Ok(c),
            _ => corrupt(),
        };
        match kind {
            KIND_LEAF => v.vals.reserve(count),
            KIND_INTERNAL => {
                v.kids.reserve(count + 1);
                v.kids.push(kid(at, self.npages)?);
                at += 4;
            }
            _ => return corrupt(),
        }
        for _ in 0..count {
            let k = match self.raw_item(page, &mut at)? {
                Raw::Inline(b) => Cow::Borrowed(b),
                Raw::Over(len, first) => Cow::Owned(self.read_chain(io, first, len)?),
            };
            v.keys.push(k);
            if v.leaf {
                let r = self.raw_item(page, &mut at)?;
                v.vals.push(r);
            } else {
                v.kids.push(kid(at, self.npages)?);
                at += 4;
            }
        }
        Ok(v)
    }

    // ----- node pages -----

    /// Read one item of a node page; `load` reads an overflowing item's pages now.
    fn read_item(
        &mut self,
        io: &mut dyn Io,
        page: &[u8],
        at: &mut usize,
        load: bool,
    ) -> DbResult<Item> {
        let Some(len) = rd_u16(page, *at) else {
            return corrupt();
        };
        *at += 2;
        if len == OVERFLOW_MARK {
            let (Some(total), Some(first)) = (rd_u32(page, *at), rd_u32(page, *at + 4)) else {
                return corrupt();
            };
            *at += 8;
            let total = total as usize;
            if total <= self.inline_max() {
                return corrupt();
            }
            if first == 0 || first >= self.npages {
                return corrupt();
            }
            let data = if load {
                self.read_chain(io, first, total)?
            } else {
                Vec::new()
            };
            return Ok(Item {
                data,
                len: total,
                ovf: Some(first),
            });
        }
        let len = len as usize;
        if len > self.inline_max() {
            return corrupt();
        }
        let Some(b) = page.get(*at..*at + len) else {
            return corrupt();
        };
        *at += len;
        Ok(Item::new(b.to_vec()))
    }

    fn read_node(&mut self, io: &mut dyn Io, id: u32) -> DbResult<Node> {
        if self.budget == 0 {
            return corrupt();
        }
        self.budget -= 1;
        let page = self.page(io, id)?.to_vec();
        let kind = page.first().copied().unwrap_or(0);
        let count = rd_u16(&page, 2).unwrap_or(0) as usize;
        let mut at = 4;
        let mut n = Node {
            leaf: kind == KIND_LEAF,
            keys: Vec::with_capacity(count),
            vals: Vec::new(),
            kids: Vec::new(),
        };
        match kind {
            KIND_LEAF => {
                for _ in 0..count {
                    let k = self.read_item(io, &page, &mut at, true)?;
                    let v = self.read_item(io, &page, &mut at, false)?;
                    n.keys.push(k);
                    n.vals.push(v);
                }
            }
            KIND_INTERNAL => {
                let kid = |at: usize, npages: u32| match rd_u32(&page, at) {
                    Some(c) if c != 0 && c < npages && c != id => Ok(c),
                    _ => corrupt(),
                };
                n.kids.push(kid(at, self.npages)?);
                at += 4;
                for _ in 0..count {
                    let k = self.read_item(io, &page, &mut at, true)?;
                    n.keys.push(k);
                    n.kids.push(kid(at, self.npages)?);
                    at += 4;
                }
            }
            _ => return corrupt(),
        }
        Ok(n)
    }

    fn encode_item(&mut self, io: &mut dyn Io, it: &mut Item, out: &mut Vec<u8>) -> DbResult<()> {
        if it.len <= self.inline_max() {
            out.extend_from_slice(&(it.len as u16).to_le_bytes());
            out.extend_from_slice(&it.data);
            return Ok(());
        }
        let first = match it.ovf {
            Some(f) => f,
            None => {
                let f = self.write_chain(io, &it.data)?;
                it.ovf = Some(f);
                f
            }
        };
        let Ok(total) = u32::try_from(it.len) else {
            return Err(DbError::Errno(EINVAL));
        };
        out.extend_from_slice(&OVERFLOW_MARK.to_le_bytes());
        out.extend_from_slice(&total.to_le_bytes());
        out.extend_from_slice(&first.to_le_bytes());
        Ok(())
    }

    fn write_node(&mut self, id: u32, n: &Node) -> DbResult<()> {
        let mut out = Vec::with_capacity(self.ps());
        out.push(if n.leaf { KIND_LEAF } else { KIND_INTERNAL });
        out.push(0);
        let Ok(count) = u16::try_from(n.keys.len()) else {
            return corrupt();
        };
        out.extend_from_slice(&count.to_le_bytes());
        if n.leaf {
            for (k, v) in n.keys.iter().zip(n.vals.iter()) {
                self.encode_ref(k, &mut out)?;
                self.encode_ref(v, &mut out)?;
            }
        } else {
            let Some(first) = n.kids.first() else {
                return corrupt();
            };
            out.extend_from_slice(&first.to_le_bytes());
            for (k, c) in n.keys.iter().zip(n.kids.iter().skip(1)) {
                self.encode_ref(k, &mut out)?;
                out.extend_from_slice(&c.to_le_bytes());
            }
        }
        if out.len() > self.ps() {
            return corrupt();
        }
        self.put_page(id, out);
        Ok(())
    }

    /// Encode an item; a large one must already have its overflow chain (see `spill`).
    fn encode_ref(&self, it: &Item, out: &mut Vec<u8>) -> DbResult<()> {
        if let Some(first) = it.ovf {
            let Ok(total) = u32::try_from(it.len) else {
                return Err(DbError::Errno(EINVAL));
            };
            out.extend_from_slice(&OVERFLOW_MARK.to_le_bytes());
            out.extend_from_slice(&total.to_le_bytes());
            out.extend_from_slice(&first.to_le_bytes());
        } else if it.len <= self.inline_max() {
            out.extend_from_slice(&(it.len as u16).to_le_bytes());
            out.extend_from_slice(&it.data);
        } else {
            return corrupt();
        }
        Ok(())
    }

    /// Give every large item of the node its overflow chain.
    fn spill(&mut self, io: &mut dyn Io, n: &mut Node) -> DbResult<()> {
        let mut scratch = Vec::new();
        for it in n.keys.iter_mut().chain(n.vals.iter_mut()) {
            if it.ovf.is_none() && it.len > self.inline_max() {
                scratch.clear();
                self.encode_item(io, it, &mut scratch)?;
            }
        }
        Ok(())
    }

    /// Write a node that may have grown past a page: split it in two if needed.
    fn store(&mut self, io: &mut dyn Io, id: u32, mut n: Node, is_root: bool) -> DbResult<Outcome> {
        self.spill(io, &mut n)?;
        let size = self.node_size(&n);
        if size <= self.ps() {
            self.write_node(id, &n)?;
            let small = !is_root && (size < self.ps() / 4 || n.keys.is_empty());
            return Ok(Outcome { split: None, small });
        }
        let (left, up, right) = self.split(n)?;
        let rid = self.alloc_page(io)?;
        self.write_node(id, &left)?;
        self.write_node(rid, &right)?;
        Ok(Outcome {
            split: Some((up, rid)),
            small: false,
        })
    }

    /// Split a node's entries into two nodes of about equal size and the separator between them.
    fn split(&mut self, mut n: Node) -> DbResult<(Node, Item, Node)> {
        let sizes: Vec<usize> = if n.leaf {
            n.keys
                .iter()
                .zip(n.vals.iter())
                .map(|(k, v)| self.item_size(k) + self.item_size(v))
                .collect()
        } else {
            n.keys.iter().map(|k| self.item_size(k) + 4).collect()
        };
        let count = sizes.len();
        let (lo, hi) = if n.leaf { (1, count) } else { (1, count - 1) };
        if count < 2 || lo >= hi {
            return corrupt();
        }
        let total: usize = sizes.iter().sum();
        let mut best = lo;
        let mut best_cost = usize::MAX;
        let mut acc = 0;
        for (i, s) in sizes.iter().enumerate() {
            if i >= lo && i < hi {
                let right = total - acc - if n.leaf { 0 } else { *s };
                let cost = acc.max(right);
                if cost < best_cost {
                    best_cost = cost;
                    best = i;
                }
            }
            acc += s;
        }
        if n.leaf {
            let rkeys = n.keys.split_off(best);
            let rvals = n.vals.split_off(best);
            let sep = Item::new(rkeys[0].data.clone());
            let right = Node {
                leaf: true,
                keys: rkeys,
                vals: rvals,
                kids: Vec::new(),
            };
            Ok((n, sep, right))
        } else {
            let mut rkeys = n.keys.split_off(best);
            let up = rkeys.remove(0);
            let rkids = n.kids.split_off(best + 1);
            let right = Node {
                leaf: false,
                keys: rkeys,
                vals: Vec::new(),
                kids: rkids,
            };
            Ok((n, up, right))
        }
    }

    // ----- operations -----

    /// The value stored under `key`.
    pub fn get(&mut self, io: &mut dyn Io, key: &[u8]) -> DbResult<Option<Vec<u8>>> {
        self.start_op();
        let mut id = self.root;
        for _ in 0..MAX_DEPTH {
            let page = self.page_copy(io, id)?;
            let v = self.view(io, id, &page)?;
            if v.leaf {
                return match v.keys.binary_search_by(|k| k.as_ref().cmp(key)) {
                    Ok(i) => match v.vals.get(i) {
                        Some(r) => Ok(Some(self.raw_bytes(io, r)?)),
                        None => corrupt(),
                    },
                    Err(_) => Ok(None),
                };
            }
            let i = v.keys.partition_point(|k| k.as_ref() <= key);
            id = match v.kids.get(i) {
                Some(&c) => c,
                None => return corrupt(),
            };
        }
        corrupt()
    }

    /// Store `val` under `key` (replacing any value there).
    pub fn put(&mut self, io: &mut dyn Io, key: &[u8], val: &[u8]) -> DbResult<()> {
        self.start_op();
        if key.len() > u32::MAX as usize / 2 || val.len() > u32::MAX as usize / 2 {
            return Err(DbError::Errno(EINVAL));
        }
        let root = self.root;
        let out = self.insert(io, root, key, val, 0)?;
        if let Some((sep, right)) = out.split {
            let nid = self.alloc_page(io)?;
            let n = Node {
                leaf: false,
                keys: alloc::vec![sep],
                vals: Vec::new(),
                kids: alloc::vec![root, right],
            };
            self.store(io, nid, n, true)?;
            self.root = nid;
            self.header_dirty = true;
        }
        self.trim_cache(io)
    }

    fn insert(
        &mut self,
        io: &mut dyn Io,
        id: u32,
        key: &[u8],
        val: &[u8],
        depth: usize,
    ) -> DbResult<Outcome> {
        if depth >= MAX_DEPTH {
            return corrupt();
        }
        let is_root = depth == 0;
        if let Some((i, child)) = self.route(io, id, key)? {
            let out = self.insert(io, child, key, val, depth + 1)?;
            let Some((sep, right)) = out.split else {
                return Ok(Outcome {
                    split: None,
                    small: false,
                });
            };
            let mut n = self.read_node(io, id)?;
            if n.leaf || i > n.keys.len() {
                return corrupt();
            }
            n.keys.insert(i, sep);
            n.kids.insert(i + 1, right);
            return self.store(io, id, n, is_root);
        }
        let mut n = self.read_node(io, id)?;
        {
            match n.keys.binary_search_by(|k| k.data.as_slice().cmp(key)) {
                Ok(i) => {
                    let Some(slot) = n.vals.get_mut(i) else {
                        return corrupt();
                    };
                    let old = core::mem::replace(slot, Item::new(val.to_vec()));
                    self.drop_item(io, old)?;
                }
                Err(i) => {
                    if n.vals.len() != n.keys.len() {
                        return corrupt();
                    }
                    n.keys.insert(i, Item::new(key.to_vec()));
                    n.vals.insert(i, Item::new(val.to_vec()));
                }
            }
        }
        if !n.leaf {
            return corrupt();
        }
        self.store(io, id, n, is_root)
    }

    /// For an internal node: which child may hold `key` (its index and page); None for a leaf.
    fn route(&mut self, io: &mut dyn Io, id: u32, key: &[u8]) -> DbResult<Option<(usize, u32)>> {
        let page = self.page_copy(io, id)?;
        let v = self.view(io, id, &page)?;
        if v.leaf {
            return Ok(None);
        }
        let i = v.keys.partition_point(|k| k.as_ref() <= key);
        match v.kids.get(i) {
            Some(&c) => Ok(Some((i, c))),
            None => corrupt(),
        }
    }

    /// Remove `key`; false if it was not there.
    pub fn delete(&mut self, io: &mut dyn Io, key: &[u8]) -> DbResult<bool> {
        self.start_op();
        let root = self.root;
        let (found, _) = self.remove(io, root, key, 0)?;
        // A root left with one child hands the root over to it.
        loop {
            let n = self.read_node(io, self.root)?;
            if n.leaf || !n.keys.is_empty() {
                break;
            }
            let Some(&only) = n.kids.first() else {
                return corrupt();
            };
            let old = self.root;
            self.root = only;
            self.free_page(old);
            self.header_dirty = true;
        }
        self.trim_cache(io)?;
        Ok(found)
    }

    fn remove(
        &mut self,
        io: &mut dyn Io,
        id: u32,
        key: &[u8],
        depth: usize,
    ) -> DbResult<(bool, Outcome)> {
        if depth >= MAX_DEPTH {
            return corrupt();
        }
        let is_root = depth == 0;
        if let Some((i, child)) = self.route(io, id, key)? {
            let (found, out) = self.remove(io, child, key, depth + 1)?;
            if out.split.is_none() && !out.small {
                return Ok((found, out));
            }
            let mut n = self.read_node(io, id)?;
            if n.leaf || i > n.keys.len() {
                return corrupt();
            }
            if let Some((sep, right)) = out.split {
                n.keys.insert(i, sep);
                n.kids.insert(i + 1, right);
            } else if n.kids.len() > 1 {
                self.rebalance(io, &mut n, i)?;
            }
            return Ok((found, self.store(io, id, n, is_root)?));
        }
        let mut n = self.read_node(io, id)?;
        if n.leaf {
            let Ok(i) = n.keys.binary_search_by(|k| k.data.as_slice().cmp(key)) else {
                let none = Outcome {
                    split: None,
                    small: false,
                };
                return Ok((false, none));
            };
            if i >= n.vals.len() {
                return corrupt();
            }
            let k = n.keys.remove(i);
            let v = n.vals.remove(i);
            self.drop_item(io, k)?;
            self.drop_item(io, v)?;
            return Ok((true, self.store(io, id, n, is_root)?));
        }
        corrupt()
    }

    /// Merge the small child `i` of `parent` with a neighbour, or share entries with it.
    fn rebalance(&mut self, io: &mut dyn Io, parent: &mut Node, i: usize) -> DbResult<()> {
        let a = if i + 1 < parent.kids.len() { i } else { i - 1 };
        let (Some(&lid), Some(&rid)) = (parent.kids.get(a), parent.kids.get(a + 1)) else {
            return corrupt();
        };
        if a >= parent.keys.len() {
            return corrupt();
        }
        let mut l = self.read_node(io, lid)?;
        let r = self.read_node(io, rid)?;
        if l.leaf != r.leaf {
            return corrupt();
        }
        let sep = parent.keys.remove(a);
        if l.leaf {
            self.drop_item(io, sep)?;
            l.keys.extend(r.keys);
            l.vals.extend(r.vals);
        } else {
            l.keys.push(sep);
            l.keys.extend(r.keys);
            l.kids.extend(r.kids);
        }
        self.spill(io, &mut l)?;
        if self.node_size(&l) <= self.ps() {
            parent.kids.remove(a + 1);
            self.write_node(lid, &l)?;
            self.free_page(rid);
            return Ok(());
        }
        let (left, up, right) = self.split(l)?;
        self.write_node(lid, &left)?;
        self.write_node(rid, &right)?;
        parent.keys.insert(a, up);
        Ok(())
    }

    /// The first entry after (or at, unless `strict`) `key`.
    fn succ(
        &mut self,
        io: &mut dyn Io,
        id: u32,
        key: Option<&[u8]>,
        strict: bool,
        depth: usize,
    ) -> DbResult<Option<(Vec<u8>, Vec<u8>)>> {
        if depth >= MAX_DEPTH {
            return corrupt();
        }
        let page = self.page_copy(io, id)?;
        let v = self.view(io, id, &page)?;
        if v.leaf {
            let i = match key {
                None => 0,
                Some(k) if strict => v.keys.partition_point(|x| x.as_ref() <= k),
                Some(k) => v.keys.partition_point(|x| x.as_ref() < k),
            };
            return match (v.keys.get(i), v.vals.get(i)) {
                (Some(k), Some(r)) => Ok(Some((k.to_vec(), self.raw_bytes(io, r)?))),
                _ => Ok(None),
            };
        }
        let start = match key {
            None => 0,
            Some(k) => v.keys.partition_point(|x| x.as_ref() <= k),
        };
        for (j, &c) in v.kids.iter().enumerate().skip(start) {
            let k = if j == start { key } else { None };
            if let Some(r) = self.succ(io, c, k, strict, depth + 1)? {
                return Ok(Some(r));
            }
        }
        Ok(None)
    }

    /// The last entry before (or at, unless `strict`) `key`.
    fn pred(
        &mut self,
        io: &mut dyn Io,
        id: u32,
        key: Option<&[u8]>,
        strict: bool,
        depth: usize,
    ) -> DbResult<Option<(Vec<u8>, Vec<u8>)>> {
        if depth >= MAX_DEPTH {
            return corrupt();
        }
        let page = self.page_copy(io, id)?;
        let v = self.view(io, id, &page)?;
        if v.leaf {
            let end = match key {
                None => v.keys.len(),
                Some(k) if strict => v.keys.partition_point(|x| x.as_ref() < k),
                Some(k) => v.keys.partition_point(|x| x.as_ref() <= k),
            };
            let Some(i) = end.checked_sub(1) else {
                return Ok(None);
            };
            return match (v.keys.get(i), v.vals.get(i)) {
                (Some(k), Some(r)) => Ok(Some((k.to_vec(), self.raw_bytes(io, r)?))),
                _ => Ok(None),
            };
        }
        let start = match key {
            None => v.kids.len().saturating_sub(1),
            Some(k) => v.keys.partition_point(|x| x.as_ref() <= k),
        };
        for (j, &c) in v.kids.iter().enumerate().take(start + 1).rev() {
            let k = if j == start { key } else { None };
            if let Some(r) = self.pred(io, c, k, strict, depth + 1)? {
                return Ok(Some(r));
            }
        }
        Ok(None)
    }

    /// Berkeley DB's `seq`: R_CURSOR (first key at or after `key`), R_FIRST, R_LAST, R_NEXT,
    /// R_PREV (from the cursor); moves the cursor to the entry returned.
    pub fn seq(
        &mut self,
        io: &mut dyn Io,
        flags: i64,
        key: Option<&[u8]>,
    ) -> DbResult<Option<(Vec<u8>, Vec<u8>)>> {
        let root = self.root;
        self.start_op();
        let cursor = self.cursor.take();
        let r = match flags {
            R_CURSOR => match key {
                Some(k) => self.succ(io, root, Some(k), false, 0),
                None => Err(DbError::Errno(EINVAL)),
            },
            R_FIRST => self.succ(io, root, None, false, 0),
            R_LAST => self.pred(io, root, None, false, 0),
            R_NEXT => self.succ(io, root, cursor.as_deref(), true, 0),
            R_PREV => self.pred(io, root, cursor.as_deref(), true, 0),
            _ => Err(DbError::Errno(EINVAL)),
        };
        let r = match r {
            Ok(r) => r,
            Err(e) => {
                self.cursor = cursor;
                return Err(e);
            }
        };
        self.cursor = match &r {
            Some((k, _)) => Some(k.clone()),
            None => cursor,
        };
        self.trim_cache(io)?;
        Ok(r)
    }

    /// Write every changed page and the header, then sync the stream.
    pub fn flush(&mut self, io: &mut dyn Io) -> DbResult<()> {
        let dirty = core::mem::take(&mut self.dirty);
        for id in dirty {
            if let Some(p) = self.cache.get(&id) {
                io.write_at(id as u64 * self.pagesize as u64, p)?;
            }
        }
        if self.header_dirty {
            let mut h = Vec::with_capacity(self.ps());
            h.extend_from_slice(MAGIC);
            for f in [VERSION, self.pagesize, self.root, self.free, self.npages] {
                h.extend_from_slice(&f.to_le_bytes());
            }
            h.resize(self.ps(), 0);
            io.write_at(0, &h)?;
            self.header_dirty = false;
        }
        io.sync()
    }

    /// Allow an operation to read about every node a few times.
    fn start_op(&mut self) {
        self.budget = (self.npages as usize).saturating_mul(4).saturating_add(64);
    }

    fn trim_cache(&mut self, io: &mut dyn Io) -> DbResult<()> {
        if self.cache.len() > self.cache_pages {
            self.flush(io)?;
            self.cache.clear();
        }
        Ok(())
    }
}

// ----- the Python stream as an Io -------------------------------------------------------------

/// A stream object seen as an `Io`, through its Python methods.
struct PyIo<'a> {
    vm: &'a mut Vm,
    stream: Value,
}

impl PyIo<'_> {
    /// A negative number returned by a stream method is an errno (MicroPython's stream protocol).
    fn check(&mut self, r: &Value) -> DbResult<Option<usize>> {
        match r {
            Value::None => Ok(None),
            Value::Int(n) if *n < 0 => Err(DbError::Errno(
                n.saturating_neg().min(i32::MAX as i64) as i32
            )),
            Value::Int(n) => Ok(Some(*n as usize)),
            _ => Ok(None),
        }
    }

    fn seek(&mut self, off: u64) -> DbResult<()> {
        let Ok(off) = i64::try_from(off) else {
            return Err(DbError::Errno(EINVAL));
        };
        // A stream written in Python with an `ioctl` method follows MicroPython's stream
        // protocol, where seeking is ioctl request 2 (MP_STREAM_SEEK).
        let user = matches!(&self.stream, Value::Obj(o) if matches!(&**o, PyObject::Instance(_)));
        let ioctl = if user {
            self.vm
                .getattr_opt(&self.stream, "ioctl")
                .map_err(DbError::Py)?
        } else {
            None
        };
        let r = match ioctl {
            Some(f) => self.vm.call(&f, &[Value::Int(2), Value::Int(off)]),
            None => self
                .vm
                .call_method(&self.stream, "seek", &[Value::Int(off), Value::Int(0)]),
        }
        .map_err(DbError::Py)?;
        self.check(&r)?;
        Ok(())
    }
}

impl Io for PyIo<'_> {
    fn read_at(&mut self, off: u64, buf: &mut [u8]) -> DbResult<usize> {
        self.seek(off)?;
        let has_readinto = self
            .vm
            .getattr_opt(&self.stream, "readinto")
            .map_err(DbError::Py)?;
        if let Some(readinto) = has_readinto {
            let ba = Value::Obj(self.vm.alloc(PyObject::ByteArray(RefCell::new(alloc::vec![
                0u8;
                buf.len()
            ]))));
            let r = self
                .vm
                .call(&readinto, core::slice::from_ref(&ba))
                .map_err(DbError::Py)?;
            let n = self.check(&r)?.unwrap_or(0).min(buf.len());
            if let Value::Obj(o) = &ba {
                if let PyObject::ByteArray(b) = &**o {
                    let b = b.borrow();
                    let n = n.min(b.len());
                    buf[..n].copy_from_slice(&b[..n]);
                    return Ok(n);
                }
            }
            return Ok(0);
        }
        let r = self
            .vm
            .call_method(&self.stream, "read", &[Value::Int(buf.len() as i64)])
            .map_err(DbError::Py)?;
        if let Value::Int(_) = r {
            self.check(&r)?;
            return Ok(0);
        }
        let data = crate::objmemoryview::buffer_bytes(&r).unwrap_or_default();
        let n = data.len().min(buf.len());
        buf[..n].copy_from_slice(&data[..n]);
        Ok(n)
    }

    fn write_at(&mut self, off: u64, data: &[u8]) -> DbResult<()> {
        self.seek(off)?;
        let mut done = 0;
        while done < data.len() {
            let chunk = Value::bytes(&data[done..]);
            let r = self
                .vm
                .call_method(&self.stream, "write", &[chunk])
                .map_err(DbError::Py)?;
            match self.check(&r)? {
                Some(0) => return Err(DbError::Errno(EIO)),
                Some(n) => done += n.min(data.len() - done),
                None => done = data.len(),
            }
        }
        Ok(())
    }

    fn sync(&mut self) -> DbResult<()> {
        if let Some(f) = self
            .vm
            .getattr_opt(&self.stream, "flush")
            .map_err(DbError::Py)?
        {
            let r = self.vm.call(&f, &[]).map_err(DbError::Py)?;
            self.check(&r)?;
        }
        Ok(())
    }
}

// ----- the Python objects ------------------------------------------------------------------------

/// Where the database object's own iteration stands (it is its own iterator, as in MicroPython).
#[derive(Clone, Default)]
struct IterState {
    /// The start key still to be used (`Some(None)`: from the first or last key).
    start: Option<Option<Vec<u8>>>,
    end: Option<Vec<u8>>,
    flags: i64,
}

/// A database object's data.
struct Db {
    /// The tree; None once closed, or while an operation runs (taken out so that no borrow is
    /// held while the stream's Python methods run).
    tree: Option<Box<Tree>>,
    stream: Value,
    closed: bool,
    iter: IterState,
    /// Set by keys()/values()/items() for the iteration that follows.
    next: Option<IterState>,
    /// What the iteration yields: 0x40 keys, 0x80 values, 0xc0 items.
    kind: u8,
    next_kind: u8,
}

fn db_visit(d: &dyn core::any::Any, f: &mut dyn FnMut(&Value)) {
    if let Some(d) = d.downcast_ref::<Db>() {
        f(&d.stream);
    }
}

fn db_clear(d: &mut dyn core::any::Any, out: &mut Vec<Value>) {
    if let Some(d) = d.downcast_mut::<Db>() {
        out.push(core::mem::replace(&mut d.stream, Value::None));
    }
}

fn with_db<R>(v: &Value, f: impl FnOnce(&mut Db) -> R) -> Option<R> {
    if let Value::Obj(o) = v {
        if let PyObject::Native(n) = &**o {
            if let Ok(mut d) = n.data.try_borrow_mut() {
                if let Some(db) = d.downcast_mut::<Db>() {
                    return Some(f(db));
                }
            }
        }
    }
    None
}

fn db_error(vm: &mut Vm, e: DbError) -> PyErr {
    match e {
        DbError::Errno(n) => vm.err_args(ExcKind::OSError, alloc::vec![Value::Int(n as i64)]),
        DbError::Py(e) => e,
    }
}

/// Run `f` on the tree of the database `args[0]`, with the stream as its `Io`.
fn run<R>(
    vm: &mut Vm,
    args: &[Value],
    f: impl FnOnce(&mut Tree, &mut dyn Io) -> DbResult<R>,
) -> PyResult<R> {
    let Some(me) = args.first() else {
        return Err(vm.type_error("btree method needs a database"));
    };
    let taken = with_db(me, |d| {
        if d.closed {
            Err(true)
        } else {
            d.tree.take().map(|t| (t, d.stream.clone())).ok_or(false)
        }
    });
    let (mut tree, stream) = match taken {
        Some(Ok(x)) => x,
        Some(Err(true)) => return Err(vm.value_error("database closed")),
        Some(Err(false)) => {
            return Err(vm.err(ExcKind::RuntimeError, "btree database in use"));
        }
        None => return Err(vm.type_error("descriptor requires a 'btree' object")),
    };
    let r = {
        let mut io = PyIo { vm, stream };
        f(&mut tree, &mut io)
    };
    with_db(me, |d| d.tree = Some(tree));
    r.map_err(|e| db_error(vm, e))
}

/// The bytes of a key or value: any buffer, or a str (its UTF-8 bytes).
fn key_bytes(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Value::Str(s) = v {
        return Ok(s.as_str().as_bytes().to_vec());
    }
    match crate::objmemoryview::buffer_bytes(v) {
        Some(b) => Ok(b),
        None => Err(vm.type_error("object with buffer protocol required")),
    }
}

fn nargs(vm: &mut Vm, args: &[Value], min: usize, max: usize) -> PyResult<()> {
    let n = args.len().saturating_sub(1);
    if n < min || n > max {
        return Err(vm.type_error(format!(
            "function takes {} positional arguments but {} were given",
            if n < min { min } else { max } + 1,
            n + 1
        )));
    }
    Ok(())
}

fn bt_open(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    check_kw(
        vm,
        "open",
        kw,
        &["flags", "cachesize", "pagesize", "minkeypage", "minkeys"],
    )?;
    if args.len() != 1 {
        return Err(vm.type_error(format!(
            "function takes 1 positional arguments but {} were given",
            args.len()
        )));
    }
    let opt = |vm: &mut Vm, name: &str| -> PyResult<i64> {
        match kwarg(kw, name) {
            Some(v) => vm.to_index(&v.clone()),
            None => Ok(0),
        }
    };
    let _flags = opt(vm, "flags")?;
    let cachesize = opt(vm, "cachesize")?;
    let pagesize = opt(vm, "pagesize")?;
    let _minkeys = opt(vm, "minkeypage")?.max(opt(vm, "minkeys")?);
    let stream = args[0].clone();
    let (Ok(pagesize), Ok(cachesize)) = (u32::try_from(pagesize), u32::try_from(cachesize.max(0)))
    else {
        return Err(db_error(vm, DbError::Errno(EINVAL)));
    };
    let tree = {
        let mut io = PyIo {
            vm,
            stream: stream.clone(),
        };
        Tree::open(&mut io, pagesize, cachesize)
    };
    let tree = tree.map_err(|e| db_error(vm, e))?;
    let cls = btree_class(vm);
    let db = Db {
        tree: Some(Box::new(tree)),
        stream,
        closed: false,
        iter: IterState::default(),
        next: None,
        kind: 0x40,
        next_kind: 0,
    };
    Ok(Value::Obj(vm.alloc(PyObject::Native(NativeObj {
        class: cls,
        data: RefCell::new(Box::new(db)),
    }))))
}

fn bt_close(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let open = args
        .first()
        .and_then(|a| with_db(a, |d| !d.closed))
        .unwrap_or(false);
    if !open {
        return Ok(Value::Int(0));
    }
    run(vm, args, |t, io| t.flush(io))?;
    if let Some(me) = args.first() {
        with_db(me, |d| {
            d.closed = true;
            d.tree = None;
        });
    }
    Ok(Value::Int(0))
}

fn bt_flush(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    run(vm, args, |t, io| t.flush(io))?;
    Ok(Value::Int(0))
}

fn bt_get(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    nargs(vm, args, 1, 2)?;
    let key = key_bytes(vm, &args[1])?;
    match run(vm, args, |t, io| t.get(io, &key))? {
        Some(v) => Ok(Value::bytes_vec(v)),
        None => Ok(args.get(2).cloned().unwrap_or(Value::None)),
    }
}

fn bt_getitem(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    nargs(vm, args, 1, 1)?;
    let key = key_bytes(vm, &args[1])?;
    match run(vm, args, |t, io| t.get(io, &key))? {
        Some(v) => Ok(Value::bytes_vec(v)),
        None => Err(vm.err_args(ExcKind::KeyError, alloc::vec![args[1].clone()])),
    }
}

fn bt_contains(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    nargs(vm, args, 1, 1)?;
    let key = key_bytes(vm, &args[1])?;
    Ok(Value::Bool(
        run(vm, args, |t, io| t.get(io, &key))?.is_some(),
    ))
}

fn bt_put(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    nargs(vm, args, 2, 3)?;
    let key = key_bytes(vm, &args[1])?;
    let val = key_bytes(vm, &args[2])?;
    run(vm, args, |t, io| t.put(io, &key, &val))?;
    Ok(Value::Int(0))
}

fn bt_setitem(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    nargs(vm, args, 2, 2)?;
    bt_put(vm, args, &[])?;
    Ok(Value::None)
}

fn bt_delitem(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    nargs(vm, args, 1, 1)?;
    let key = key_bytes(vm, &args[1])?;
    if run(vm, args, |t, io| t.delete(io, &key))? {
        Ok(Value::None)
    } else {
        Err(vm.err_args(ExcKind::KeyError, alloc::vec![args[1].clone()]))
    }
}

fn pair(vm: &mut Vm, kv: (Vec<u8>, Vec<u8>)) -> Value {
    vm.new_tuple(alloc::vec![Value::bytes_vec(kv.0), Value::bytes_vec(kv.1)])
}

fn bt_seq(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    nargs(vm, args, 1, 3)?;
    let flags = match &args[1] {
        Value::Int(n) => *n,
        _ => return Err(db_error(vm, DbError::Errno(EINVAL))),
    };
    let key = match args.get(2) {
        Some(k) => Some(key_bytes(vm, k)?),
        None => None,
    };
    match run(vm, args, |t, io| t.seq(io, flags, key.as_deref()))? {
        Some(kv) => Ok(pair(vm, kv)),
        None => Ok(Value::None),
    }
}

fn init_iter(vm: &mut Vm, args: &[Value], kind: u8) -> PyResult {
    nargs(vm, args, 0, 3)?;
    let start = match args.get(1) {
        None | Some(Value::None) => None,
        Some(k) => Some(key_bytes(vm, k)?),
    };
    let end = match args.get(2) {
        None | Some(Value::None) => None,
        Some(k) => Some(key_bytes(vm, k)?),
    };
    let flags = match args.get(3) {
        None => 0,
        Some(v) => vm.to_index(v)?,
    };
    let st = IterState {
        start: Some(start),
        end,
        flags,
    };
    let ok = with_db(&args[0], |d| {
        d.next = Some(st);
        d.next_kind = kind;
    });
    if ok.is_none() {
        return Err(vm.type_error("descriptor requires a 'btree' object"));
    }
    Ok(args[0].clone())
}

fn bt_keys(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    init_iter(vm, args, 0x40)
}

fn bt_values(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    init_iter(vm, args, 0x80)
}

fn bt_items(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    init_iter(vm, args, 0xc0)
}

fn bt_iter(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let Some(me) = args.first() else {
        return Err(vm.type_error("descriptor requires a 'btree' object"));
    };
    with_db(me, |d| match d.next.take() {
        Some(st) => {
            d.iter = st;
            d.kind = d.next_kind;
        }
        None => {
            d.iter = IterState {
                start: Some(None),
                end: None,
                flags: 0,
            };
            d.kind = 0x40;
        }
    });
    Ok(me.clone())
}

fn bt_next(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let Some(me) = args.first() else {
        return Err(vm.type_error("descriptor requires a 'btree' object"));
    };
    let Some((st, kind)) = with_db(me, |d| (d.iter.clone(), d.kind)) else {
        return Err(vm.type_error("descriptor requires a 'btree' object"));
    };
    let desc = st.flags & DESC != 0;
    let step = match &st.start {
        Some(start) => {
            let (flags, key) = match start {
                Some(k) => (R_CURSOR, Some(k.clone())),
                None if desc => (R_LAST, None),
                None => (R_FIRST, None),
            };
            run(vm, args, |t, io| t.seq(io, flags, key.as_deref()))?
        }
        None => {
            let flags = if desc { R_PREV } else { R_NEXT };
            run(vm, args, |t, io| t.seq(io, flags, None))?
        }
    };
    with_db(me, |d| d.iter.start = None);
    let Some((k, v)) = step else {
        return Err(vm.err(ExcKind::StopIteration, ""));
    };
    if let Some(end) = &st.end {
        let mut cmp: i64 = match k.as_slice().cmp(end.as_slice()) {
            Ordering::Less => -1,
            Ordering::Equal => 0,
            Ordering::Greater => 1,
        };
        if desc {
            cmp = -cmp;
        }
        if st.flags & INCL != 0 {
            cmp -= 1;
        }
        if cmp >= 0 {
            with_db(me, |d| d.iter.end = None);
            return Err(vm.err(ExcKind::StopIteration, ""));
        }
    }
    Ok(match kind {
        0x40 => Value::bytes_vec(k),
        0x80 => Value::bytes_vec(v),
        _ => pair(vm, (k, v)),
    })
}

fn bt_repr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let Some(me) = args.first() else {
        return Err(vm.type_error("descriptor requires a 'btree' object"));
    };
    let open = with_db(me, |d| !d.closed).unwrap_or(false);
    Ok(Value::string(if open {
        format!("<btree {:x}>", me.id())
    } else {
        alloc::string::String::from("<btree 0>")
    }))
}

fn btree_class(vm: &mut Vm) -> Obj {
    if let Some(c) = vm.state_object("btree.btree") {
        return c;
    }
    vm.heap.register_native::<Db>(crate::gc::NativeTracer {
        visit: db_visit,
        clear: db_clear,
    });
    let cls = types::new_type(
        "btree",
        alloc::vec![vm.types.object.clone()],
        Layout::Other,
        false,
    );
    types::set_attr(&cls, "__module__", Value::str("btree"));
    let methods: &[(&'static str, NativeFn)] = &[
        ("close", bt_close),
        ("flush", bt_flush),
        ("get", bt_get),
        ("put", bt_put),
        ("seq", bt_seq),
        ("keys", bt_keys),
        ("values", bt_values),
        ("items", bt_items),
        ("__getitem__", bt_getitem),
        ("__setitem__", bt_setitem),
        ("__delitem__", bt_delitem),
        ("__contains__", bt_contains),
        ("__iter__", bt_iter),
        ("__next__", bt_next),
        ("__repr__", bt_repr),
    ];
    types::add_methods(&cls, methods);
    vm.set_state_object("btree.btree", cls.clone());
    cls
}

/// Create the `btree` module.
pub fn init_module(vm: &mut Vm) -> PyResult<Obj> {
    let m = vm.new_module("btree");
    module_fns(&m, &[("open", bt_open)]);
    module_set(&m, "INCL", Value::Int(INCL));
    module_set(&m, "DESC", Value::Int(DESC));
    btree_class(vm);
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::collections::BTreeMap;

    /// An in-memory byte store.
    #[derive(Default)]
    struct MemIo(Vec<u8>);

    impl Io for MemIo {
        fn read_at(&mut self, off: u64, buf: &mut [u8]) -> DbResult<usize> {
            let off = off as usize;
            let Some(src) = self.0.get(off..) else {
                return Ok(0);
            };
            let n = src.len().min(buf.len());
            buf[..n].copy_from_slice(&src[..n]);
            Ok(n)
        }
        fn write_at(&mut self, off: u64, data: &[u8]) -> DbResult<()> {
            let off = off as usize;
            if self.0.len() < off + data.len() {
                self.0.resize(off + data.len(), 0);
            }
            self.0[off..off + data.len()].copy_from_slice(data);
            Ok(())
        }
        fn sync(&mut self) -> DbResult<()> {
            Ok(())
        }
    }

    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn bytes(&mut self, max: usize) -> Vec<u8> {
            let n = (self.next() as usize) % (max + 1);
            (0..n).map(|_| b'a' + (self.next() % 6) as u8).collect()
        }
    }

    /// Walk the tree checking order, separators, equal leaf depth and page accounting; returns
    /// every entry in order.
    fn check(t: &mut Tree, io: &mut MemIo) -> Vec<(Vec<u8>, Vec<u8>)> {
        fn walk(
            t: &mut Tree,
            io: &mut MemIo,
            id: u32,
            lo: Option<Vec<u8>>,
            hi: Option<Vec<u8>>,
            depth: usize,
            leaf_depth: &mut Option<usize>,
            used: &mut BTreeSet<u32>,
            out: &mut Vec<(Vec<u8>, Vec<u8>)>,
            is_root: bool,
        ) {
            assert!(used.insert(id), "page {} used twice", id);
            t.budget = usize::MAX;
            let n = t.read_node(io, id).unwrap();
            assert!(t.node_size(&n) <= t.ps());
            for it in n.keys.iter().chain(n.vals.iter()) {
                if let Some(mut p) = it.ovf {
                    while p != 0 {
                        assert!(used.insert(p), "overflow page {} used twice", p);
                        p = rd_u32(t.page(io, p).unwrap(), 4).unwrap();
                    }
                }
            }
            for w in n.keys.windows(2) {
                assert!(w[0].data < w[1].data);
            }
            if let (Some(lo), Some(f)) = (&lo, n.keys.first()) {
                assert!(&f.data >= lo);
            }
            if let (Some(hi), Some(l)) = (&hi, n.keys.last()) {
                assert!(&l.data < hi);
            }
            if n.leaf {
                assert!(is_root || !n.keys.is_empty(), "empty non-root leaf");
                match leaf_depth {
                    Some(d) => assert_eq!(*d, depth),
                    None => *leaf_depth = Some(depth),
                }
                for (k, v) in n.keys.into_iter().zip(n.vals) {
                    let v = t.load(io, v).unwrap();
                    out.push((k.data, v));
                }
                return;
            }
            assert!(!n.keys.is_empty());
            assert_eq!(n.kids.len(), n.keys.len() + 1);
            let seps: Vec<Vec<u8>> = n.keys.iter().map(|k| k.data.clone()).collect();
            for (i, &c) in n.kids.iter().enumerate() {
                let l = if i == 0 {
                    lo.clone()
                } else {
                    Some(seps[i - 1].clone())
                };
                let h = if i == seps.len() {
                    hi.clone()
                } else {
                    Some(seps[i].clone())
                };
                walk(t, io, c, l, h, depth + 1, leaf_depth, used, out, false);
            }
        }
        let mut used = BTreeSet::new();
        let mut out = Vec::new();
        let mut leaf_depth = None;
        let root = t.root;
        walk(
            t,
            io,
            root,
            None,
            None,
            0,
            &mut leaf_depth,
            &mut used,
            &mut out,
            true,
        );
        let mut f = t.free;
        while f != 0 {
            assert!(used.insert(f), "free page {} also in use", f);
            f = rd_u32(t.page(io, f).unwrap(), 4).unwrap();
        }
        assert_eq!(used.len() as u32, t.npages - 1, "pages leaked");
        out
    }

    #[test]
    fn random_operations_match_a_btreemap() {
        let cases = [
            (1u64, 512u32, 12usize, 10usize, 3000),
            (7, 512, 200, 10, 3000),
            (99, 1024, 3000, 10, 3000),
            (5, 512, 60, 60, 12000),
        ];
        let mut deepest = 0;
        for (seed, pagesize, maxlen, keylen, steps) in cases {
            let mut io = MemIo::default();
            let mut t = Tree::open(&mut io, pagesize, 0).unwrap();
            let mut model: BTreeMap<Vec<u8>, Vec<u8>> = BTreeMap::new();
            let mut rng = Rng(seed * 0x2545_F491_4F6C_DD1D);
            for step in 0..steps {
                let kl = if rng.next().is_multiple_of(8) {
                    maxlen
                } else {
                    keylen
                };
                let k = rng.bytes(kl);
                match rng.next() % 10 {
                    0..=5 => {
                        let vl = if rng.next().is_multiple_of(4) {
                            maxlen
                        } else {
                            20
                        };
                        let v = rng.bytes(vl);
                        t.put(&mut io, &k, &v).unwrap();
                        model.insert(k, v);
                    }
                    6..=8 => {
                        let found = t.delete(&mut io, &k).unwrap();
                        assert_eq!(found, model.remove(&k).is_some());
                    }
                    _ => {
                        assert_eq!(t.get(&mut io, &k).unwrap(), model.get(&k).cloned());
                    }
                }
                if step % 500 == 0 {
                    deepest = deepest.max(depth(&mut t, &mut io));
                    let all = check(&mut t, &mut io);
                    let want: Vec<_> = model.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
                    assert_eq!(all, want);
                }
            }
            // Reopen from the bytes alone.
            t.flush(&mut io).unwrap();
            let mut t2 = Tree::open(&mut io, 0, 0).unwrap();
            assert_eq!(t2.pagesize(), pagesize);
            let all = check(&mut t2, &mut io);
            let want: Vec<_> = model.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
            assert_eq!(all, want);
            // Walk with seq both ways.
            let mut fwd = Vec::new();
            let mut r = t2.seq(&mut io, R_FIRST, None).unwrap();
            while let Some((k, _)) = r {
                fwd.push(k);
                r = t2.seq(&mut io, R_NEXT, None).unwrap();
            }
            assert_eq!(fwd, model.keys().cloned().collect::<Vec<_>>());
            let mut back = Vec::new();
            let mut r = t2.seq(&mut io, R_LAST, None).unwrap();
            while let Some((k, _)) = r {
                back.push(k);
                r = t2.seq(&mut io, R_PREV, None).unwrap();
            }
            back.reverse();
            assert_eq!(back, fwd);
            // Delete everything: the tree shrinks back to one leaf.
            let keys: Vec<_> = model.keys().cloned().collect();
            for k in keys {
                assert!(t2.delete(&mut io, &k).unwrap());
            }
            assert!(check(&mut t2, &mut io).is_empty());
            t2.budget = 100;
            assert!(t2.read_node(&mut io, t2.root).unwrap().leaf);
        }
        assert!(deepest >= 3, "the tests never grew a tree of depth 3");
    }

    fn depth(t: &mut Tree, io: &mut MemIo) -> usize {
        let mut id = t.root;
        let mut d = 0;
        loop {
            t.budget = 100;
            let n = t.read_node(io, id).unwrap();
            if n.leaf {
                return d;
            }
            d += 1;
            id = n.kids[0];
        }
    }

    #[test]
    fn damaged_files_give_errors_not_panics() {
        let mut io = MemIo::default();
        let mut t = Tree::open(&mut io, 512, 0).unwrap();
        let mut rng = Rng(12345);
        for i in 0..400u32 {
            let k = format!("key{:05}", i).into_bytes();
            let v = rng.bytes(if i % 37 == 0 { 900 } else { 30 });
            t.put(&mut io, &k, &v).unwrap();
        }
        t.flush(&mut io).unwrap();
        let good = io.0.clone();
        for round in 0..1500 {
            let mut bad = good.clone();
            for _ in 0..1 + rng.next() % 6 {
                let i = (rng.next() as usize) % bad.len();
                bad[i] = rng.next() as u8;
            }
            if round % 10 == 0 {
                bad.truncate((rng.next() as usize) % bad.len());
            }
            let mut io = MemIo(bad);
            let Ok(mut t) = Tree::open(&mut io, 0, 0) else {
                continue;
            };
            for i in 0..60u32 {
                let k = format!("key{:05}", (i * 7 + round) % 420).into_bytes();
                let _ = match i % 4 {
                    0 => t.get(&mut io, &k).map(|_| ()),
                    1 => t.put(&mut io, &k, b"new value").map(|_| ()),
                    2 => t.delete(&mut io, &k).map(|_| ()),
                    _ => t
                        .seq(&mut io, if i % 8 == 3 { R_NEXT } else { R_PREV }, None)
                        .map(|_| ()),
                };
            }
            let _ = t.flush(&mut io);
        }
    }

    #[test]
    fn bad_page_sizes_and_headers() {
        let mut io = MemIo::default();
        assert!(matches!(
            Tree::open(&mut io, 511, 0),
            Err(DbError::Errno(EINVAL))
        ));
        assert!(matches!(
            Tree::open(&mut io, 256, 0),
            Err(DbError::Errno(EINVAL))
        ));
        let mut io = MemIo(b"not a database at all, really".to_vec());
        assert!(matches!(
            Tree::open(&mut io, 0, 0),
            Err(DbError::Errno(EINVAL))
        ));
    }
}
