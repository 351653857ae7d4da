//! The littlefs v1 engine behind `vfs.VfsLfs1`, in littlefs v1's on-disk format (disk version
//! 1.1), so that images move between Ferropy and MicroPython boards.
//!
//! The format, after littlefs v1's SPEC.md: every directory block of a metadata pair starts with
//! a 16-byte header (revision count, size with the top bit set when the directory continues in
//! the tail pair, tail pair) and ends with a CRC-32 of the whole used part; the block with the
//! newer revision and a good CRC is the valid one, and each change rewrites the directory into
//! the other block. Entries are a 4-byte header (type, struct length, attribute length, name
//! length), the struct (a file's CTZ head and size, or a directory's pair) and the name, in
//! creation order. The superblock entry (`littlefs` magic, version, geometry, root pair) lives in
//! pair {0, 1}, whose tail starts the list threading every directory pair. Files are CTZ
//! skip-lists, shared with v2 (see `lfsutil::ctz`). A rename first flags the old entry as moving
//! (type bit 0x80), writes the new one, then removes the old; a flagged entry whose twin exists is
//! hidden. Walks are bounded and values checked: a corrupt image gives an OSError, never a panic.

use alloc::string::String;
use alloc::vec::Vec;

#[cfg(test)]
use crate::lfsutil::LfsErr;
use crate::lfsutil::{crc32, ctz, err, le32, name_str, Bd, Cached, Fs, R};
use crate::lfsutil::{ECORRUPT, EFBIG, ENAMETOOLONG, ENOSPC};
use crate::moderrno::codes::*;

const NULL: u32 = 0xffff_ffff;
const T_REG: u8 = 0x11;
const T_DIR: u8 = 0x22;
const T_SUPER: u8 = 0x2e;
const MOVED: u8 = 0x80;
const HDR: u32 = 16;

/// The configuration of a mount.
#[derive(Clone, Copy, Debug)]
pub struct Cfg {
    /// Bytes per block.
    pub block_size: u32,
    /// Blocks on the device.
    pub block_count: u32,
}

impl Cfg {
    /// MicroPython's configuration for a device of `bc` blocks of `bs` bytes (read size,
    /// program size and lookahead do not change the format).
    pub fn new(bs: u32, bc: u32, _rs: u32, _ps: u32, _lookahead: u32) -> Cfg {
        Cfg {
            block_size: bs,
            block_count: bc,
        }
    }
}

/// The state of a mounted file system kept between operations.
pub struct State {
    cfg: Cfg,
    root: [u32; 2],
    cursor: u32,
    consistent: bool,
}

impl State {
    /// A stand-in while the real state is in use.
    pub fn placeholder() -> State {
        State {
            cfg: Cfg::new(512, 0, 32, 32, 32),
            root: [NULL, NULL],
            cursor: 0,
            consistent: true,
        }
    }
}

/// One entry of a directory block.
#[derive(Clone, Debug)]
struct Entry {
    ty: u8,
    /// The struct (8 bytes for files and directories).
    st: Vec<u8>,
    attr: Vec<u8>,
    name: Vec<u8>,
}

impl Entry {
    fn size(&self) -> u32 {
        4 + self.st.len() as u32 + self.attr.len() as u32 + self.name.len() as u32
    }
    fn kind(&self) -> u8 {
        self.ty & !MOVED
    }
    fn pair(&self) -> [u32; 2] {
        [le32(&self.st, 0), le32(&self.st, 4)]
    }
    fn file(&self) -> (u32, u32) {
        (le32(&self.st, 0), le32(&self.st, 4))
    }
    fn encode(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&[
            self.ty,
            self.st.len() as u8,
            self.attr.len() as u8,
            self.name.len() as u8,
        ]);
        out.extend_from_slice(&self.st);
        out.extend_from_slice(&self.attr);
        out.extend_from_slice(&self.name);
    }
}

/// A fetched directory pair.
#[derive(Clone)]
struct Dir {
    /// [active block, other block].
    pair: [u32; 2],
    rev: u32,
    /// The directory continues in the tail pair.
    cont: bool,
    tail: [u32; 2],
    entries: Vec<Entry>,
}

fn pair_eq(a: [u32; 2], b: [u32; 2]) -> bool {
    (a[0] == b[0] && a[1] == b[1]) || (a[0] == b[1] && a[1] == b[0])
}

fn is_null(p: [u32; 2]) -> bool {
    p[0] == NULL || p[1] == NULL
}

fn pair_bytes(p: [u32; 2]) -> Vec<u8> {
    let mut v = Vec::with_capacity(8);
    v.extend_from_slice(&p[0].to_le_bytes());
    v.extend_from_slice(&p[1].to_le_bytes());
    v
}

/// Parse one directory block: (revision, continued, tail, entries), or None when its size or
/// CRC is bad.
fn parse_block(data: &[u8]) -> Option<(u32, bool, [u32; 2], Vec<Entry>)> {
    let rev = le32(data, 0);
    let size = le32(data, 4);
    let used = (size & 0x7fff_ffff) as usize;
    if used < HDR as usize + 4 || used > data.len() {
        return None;
    }
    if crc32(0xffff_ffff, &data[..used]) != 0 {
        return None;
    }
    let tail = [le32(data, 8), le32(data, 12)];
    let mut entries = Vec::new();
    let mut off = HDR as usize;
    let end = used - 4;
    while off + 4 <= end {
        let h = &data[off..off + 4];
        let (sl, al, nl) = (h[1] as usize, h[2] as usize, h[3] as usize);
        let n = 4 + sl + al + nl;
        if off + n > end {
            return None;
        }
        let s = off + 4;
        entries.push(Entry {
            ty: h[0],
            st: data[s..s + sl].to_vec(),
            attr: data[s + sl..s + sl + al].to_vec(),
            name: data[s + sl + al..s + n - 4].to_vec(),
        });
        off += n;
    }
    Some((rev, size & 0x8000_0000 != 0, tail, entries))
}

/// The engine for one operation.
pub struct Lfs1<'a> {
    dev: Cached<'a>,
    s: &'a mut State,
    used: Option<ctz::Blocks>,
}

fn superblock(cfg: Cfg, root: [u32; 2]) -> Entry {
    let mut st = pair_bytes(root);
    st.extend_from_slice(&cfg.block_size.to_le_bytes());
    st.extend_from_slice(&cfg.block_count.to_le_bytes());
    st.extend_from_slice(&0x0001_0001u32.to_le_bytes());
    Entry {
        ty: T_SUPER,
        st,
        attr: Vec::new(),
        name: b"littlefs".to_vec(),
    }
}

/// Format the device (littlefs v1's `lfs_format`).
pub fn mkfs(bd: &mut dyn Bd, cfg: Cfg) -> R<()> {
    if cfg.block_count < 4 {
        return err(ENOSPC);
    }
    if cfg.block_size < 64 {
        return err(EINVAL);
    }
    let mut st = State {
        cfg,
        root: [2, 3],
        cursor: 0,
        consistent: true,
    };
    let mut fs = Lfs1::new(bd, &mut st);
    let mut used = alloc::vec![false; cfg.block_count as usize];
    for u in used.iter_mut().take(4) {
        *u = true;
    }
    fs.used = Some(ctz::Blocks {
        used,
        cursor: 4,
        taken: Vec::new(),
    });
    let mut sup = fs.new_dir([0, 1]);
    let mut root = fs.new_dir([2, 3]);
    fs.commit(&mut root)?;
    sup.tail = root.pair;
    sup.entries.push(superblock(cfg, root.pair));
    fs.commit(&mut sup)?;
    fs.commit(&mut sup)?;
    fs.fetch([0, 1]).map(|_| ())
}

/// Mount: read the superblock (littlefs v1's `lfs_mount`).
pub fn mount(bd: &mut dyn Bd, cfg: Cfg) -> R<State> {
    if cfg.block_size < 24 || cfg.block_count < 2 {
        return err(EINVAL);
    }
    let mut st = State {
        cfg,
        root: [NULL, NULL],
        cursor: 0,
        consistent: false,
    };
    let mut fs = Lfs1::new(bd, &mut st);
    let d = fs.fetch([0, 1])?;
    let Some(e) = d.entries.first() else {
        return err(ECORRUPT);
    };
    if e.name != b"littlefs" || e.st.len() < 20 {
        return err(ECORRUPT);
    }
    let version = le32(&e.st, 16);
    if version >> 16 != 1 || version & 0xffff > 1 {
        return err(EINVAL);
    }
    let root = e.pair();
    drop(fs);
    st.root = root;
    Ok(st)
}

impl<'a> Lfs1<'a> {
    /// The engine over `bd` with the mounted state `s`.
    pub fn new(bd: &'a mut dyn Bd, s: &'a mut State) -> Self {
        let bs = s.cfg.block_size;
        Lfs1 {
            dev: Cached::new(bd, bs),
            s,
            used: None,
        }
    }

    fn cfg(&self) -> Cfg {
        self.s.cfg
    }

    /// A new, empty directory on `pair` (written by the first commit); its revision continues
    /// from what the block held.
    fn new_dir(&mut self, pair: [u32; 2]) -> Dir {
        let mut rev = [0u8; 4];
        let _ = self.dev.read(pair[0], 0, &mut rev);
        Dir {
            pair,
            rev: u32::from_le_bytes(rev).wrapping_add(1),
            cont: false,
            tail: [NULL, NULL],
            entries: Vec::new(),
        }
    }

    fn fetch(&mut self, pair: [u32; 2]) -> R<Dir> {
        let bc = self.cfg().block_count;
        if pair[0] >= bc || pair[1] >= bc {
            return err(ECORRUPT);
        }
        let b0 = self.dev.block(pair[0])?.to_vec();
        let b1 = self.dev.block(pair[1])?;
        let p1 = parse_block(b1);
        let p0 = parse_block(&b0);
        let pick = match (&p0, &p1) {
            (Some(a), Some(b)) => {
                if (b.0.wrapping_sub(a.0) as i32) > 0 {
                    1
                } else {
                    0
                }
            }
            (Some(_), None) => 0,
            (None, Some(_)) => 1,
            (None, None) => return err(ECORRUPT),
        };
        let p = if pick == 0 { p0 } else { p1 };
        let Some((rev, cont, tail, entries)) = p else {
            return err(ECORRUPT);
        };
        Ok(Dir {
            pair: [pair[pick], pair[1 - pick]],
            rev,
            cont,
            tail,
            entries,
        })
    }

    /// Rewrite a directory into its other block with the next revision.
    fn commit(&mut self, d: &mut Dir) -> R<()> {
        let bs = self.cfg().block_size;
        let body: u32 = d.entries.iter().map(Entry::size).sum();
        let size = HDR + body + 4;
        if size > bs {
            return err(ENOSPC);
        }
        let rev = d.rev.wrapping_add(1);
        let mut out = Vec::with_capacity(size as usize);
        out.extend_from_slice(&rev.to_le_bytes());
        out.extend_from_slice(&(size | if d.cont { 0x8000_0000 } else { 0 }).to_le_bytes());
        out.extend_from_slice(&pair_bytes(d.tail));
        for e in &d.entries {
            e.encode(&mut out);
        }
        let crc = crc32(0xffff_ffff, &out);
        out.extend_from_slice(&crc.to_le_bytes());
        let block = d.pair[1];
        self.dev.erase(block)?;
        self.dev.prog(block, 0, &out)?;
        d.pair.swap(0, 1);
        d.rev = rev;
        Ok(())
    }

    /// Every directory pair in the list from the superblock pair.
    fn walk(&mut self) -> R<Vec<Dir>> {
        let mut out: Vec<Dir> = Vec::new();
        let mut next = [0u32, 1];
        let limit = self.cfg().block_count as usize / 2 + 1;
        while !is_null(next) {
            if out.len() > limit || out.iter().any(|d| pair_eq(d.pair, next)) {
                return err(ECORRUPT);
            }
            let d = self.fetch(next)?;
            next = d.tail;
            out.push(d);
        }
        Ok(out)
    }

    fn scan_used(&mut self) -> R<Vec<bool>> {
        let bc = self.cfg().block_count;
        let mut used = alloc::vec![false; bc as usize];
        for d in self.walk()? {
            for b in d.pair {
                if let Some(u) = used.get_mut(b as usize) {
                    *u = true;
                }
            }
            for e in &d.entries {
                match e.kind() {
                    T_REG => {
                        let (h, s) = e.file();
                        for b in ctz::blocks(&mut self.dev, bc, h, s)? {
                            if let Some(u) = used.get_mut(b as usize) {
                                *u = true;
                            }
                        }
                    }
                    T_DIR => {
                        for b in e.pair() {
                            if let Some(u) = used.get_mut(b as usize) {
                                *u = true;
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
        Ok(used)
    }

    fn blocks(&mut self) -> R<()> {
        if self.used.is_none() {
            let used = self.scan_used()?;
            self.used = Some(ctz::Blocks {
                used,
                cursor: self.s.cursor,
                taken: Vec::new(),
            });
        }
        Ok(())
    }

    fn alloc(&mut self) -> R<u32> {
        self.blocks()?;
        let b = match self.used.as_mut() {
            Some(a) => a.alloc()?,
            None => return err(ENOSPC),
        };
        self.s.cursor = b + 1;
        Ok(b)
    }

    /// True when an entry flagged as moving has a twin elsewhere (the move finished).
    fn moved(&mut self, e: &Entry) -> R<bool> {
        for d in self.walk()? {
            if d.entries
                .iter()
                .any(|x| x.ty & MOVED == 0 && x.kind() == e.kind() && x.st == e.st)
            {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Look `name` up in the directory starting at `head`: the pair where it is (or the last
    /// pair of the directory) and its index.
    fn find(&mut self, head: [u32; 2], name: &[u8]) -> R<(Dir, Option<usize>)> {
        let mut d = self.fetch(head)?;
        for _ in 0..self.cfg().block_count {
            let mut hit = None;
            for (i, e) in d.entries.iter().enumerate() {
                if (e.kind() == T_REG || e.kind() == T_DIR) && e.name == name {
                    hit = Some((i, e.ty & MOVED != 0, e.clone()));
                    break;
                }
            }
            if let Some((i, flagged, e)) = hit {
                if !flagged || !self.moved(&e)? {
                    return Ok((d, Some(i)));
                }
            }
            if !d.cont {
                return Ok((d, None));
            }
            let t = d.tail;
            d = self.fetch(t)?;
        }
        err(ECORRUPT)
    }

    fn parent<'p>(&mut self, path: &'p str) -> R<([u32; 2], &'p str)> {
        let comps: Vec<&str> = path
            .split('/')
            .filter(|c| !c.is_empty() && *c != ".")
            .collect();
        let mut head = self.s.root;
        let Some((last, dirs)) = comps.split_last() else {
            return Ok((head, ""));
        };
        for c in dirs {
            let (d, i) = self.find(head, c.as_bytes())?;
            let Some(i) = i else {
                return err(ENOENT);
            };
            let e = &d.entries[i];
            if e.kind() != T_DIR {
                return err(ENOTDIR);
            }
            head = e.pair();
        }
        Ok((head, last))
    }

    fn lookup(&mut self, path: &str) -> R<Option<(Dir, usize)>> {
        let (head, name) = self.parent(path)?;
        if name.is_empty() {
            return Ok(None);
        }
        match self.find(head, name.as_bytes())? {
            (d, Some(i)) => Ok(Some((d, i))),
            _ => err(ENOENT),
        }
    }

    fn dir_entries(&mut self, head: [u32; 2]) -> R<Vec<Entry>> {
        let mut out = Vec::new();
        let mut d = self.fetch(head)?;
        for _ in 0..self.cfg().block_count {
            for e in &d.entries {
                if e.kind() != T_REG && e.kind() != T_DIR {
                    continue;
                }
                if e.ty & MOVED != 0 && self.moved(e)? {
                    continue;
                }
                out.push(e.clone());
            }
            if !d.cont {
                return Ok(out);
            }
            let t = d.tail;
            d = self.fetch(t)?;
        }
        err(ECORRUPT)
    }

    /// Add an entry at the end of the directory whose last pair is `d`, continuing it in a new
    /// pair when the block is full (v1's `lfs_dir_append`).
    fn append(&mut self, mut d: Dir, e: Entry) -> R<()> {
        let bs = self.cfg().block_size;
        let size: u32 = HDR + 4 + d.entries.iter().map(Entry::size).sum::<u32>();
        if size + e.size() <= bs {
            d.entries.push(e);
            return self.commit(&mut d);
        }
        let b0 = self.alloc()?;
        let b1 = self.alloc()?;
        let mut nd = self.new_dir([b0, b1]);
        nd.tail = d.tail;
        nd.entries.push(e);
        self.commit(&mut nd)?;
        d.cont = true;
        d.tail = nd.pair;
        self.commit(&mut d)
    }

    /// Remove entry `i` of `d`; a continuation pair left empty is unlinked (v1's
    /// `lfs_dir_remove`).
    fn remove_entry(&mut self, mut d: Dir, i: usize) -> R<()> {
        if d.entries.len() == 1 {
            let pairs = self.walk()?;
            if let Some(k) = pairs.iter().position(|p| pair_eq(p.pair, d.pair)) {
                if k > 0 && pairs[k - 1].cont {
                    let mut p = pairs[k - 1].clone();
                    p.cont = d.cont;
                    p.tail = d.tail;
                    return self.commit(&mut p);
                }
            }
        }
        if i < d.entries.len() {
            d.entries.remove(i);
        }
        self.commit(&mut d)
    }

    /// Unlink the directory pair `pair` from the list.
    fn unlink(&mut self, pair: [u32; 2]) -> R<()> {
        let pairs = self.walk()?;
        if let Some(k) = pairs.iter().position(|p| pair_eq(p.pair, pair)) {
            if k > 0 {
                let mut p = pairs[k - 1].clone();
                p.tail = pairs[k].tail;
                return self.commit(&mut p);
            }
        }
        Ok(())
    }

    fn is_empty_dir(&mut self, e: &Entry) -> R<bool> {
        if e.kind() != T_DIR {
            return Ok(true);
        }
        let d = self.fetch(e.pair())?;
        Ok(d.entries.is_empty() && !d.cont)
    }

    /// Before the first change: unlink directory pairs no entry points at, and settle entries
    /// left flagged by an interrupted rename (v1's `lfs_deorphan`).
    fn make_consistent(&mut self) -> R<()> {
        // Each change starts with a fresh view of the blocks in use.
        self.used = None;
        if self.s.consistent {
            return Ok(());
        }
        for _ in 0..self.cfg().block_count {
            if !self.drop_one_orphan()? {
                break;
            }
        }
        for d in self.walk()? {
            if let Some(i) = d.entries.iter().position(|e| e.ty & MOVED != 0) {
                let e = d.entries[i].clone();
                let mut d = self.fetch(d.pair)?;
                if self.moved(&e)? {
                    self.remove_entry(d, i)?;
                } else if let Some(x) = d.entries.get_mut(i) {
                    x.ty &= !MOVED;
                    self.commit(&mut d)?;
                }
            }
        }
        self.s.consistent = true;
        Ok(())
    }

    /// Unlink the first directory pair no entry points at; false when there is none.
    fn drop_one_orphan(&mut self) -> R<bool> {
        let pairs = self.walk()?;
        let mut refs: Vec<[u32; 2]> = Vec::new();
        for d in &pairs {
            for e in &d.entries {
                if e.kind() == T_DIR {
                    refs.push(e.pair());
                }
            }
        }
        for k in 2..pairs.len() {
            if !pairs[k - 1].cont
                && !pair_eq(pairs[k].pair, self.s.root)
                && !refs.iter().any(|r| pair_eq(*r, pairs[k].pair))
            {
                self.unlink(pairs[k].pair)?;
                return Ok(true);
            }
        }
        Ok(false)
    }

    fn check_name(&self, name: &str) -> R<()> {
        if name.len() > 255 {
            return err(ENAMETOOLONG);
        }
        Ok(())
    }

    fn file_entry(name: &str, head: u32, size: u32) -> Entry {
        Entry {
            ty: T_REG,
            st: pair_bytes([head, size]),
            attr: Vec::new(),
            name: name.as_bytes().to_vec(),
        }
    }
}

impl Fs for Lfs1<'_> {
    fn stat(&mut self, path: &str) -> R<(bool, u32, i64)> {
        match self.lookup(path)? {
            None => Ok((true, 0, 0)),
            Some((d, i)) => {
                let e = &d.entries[i];
                let size = if e.kind() == T_REG { e.file().1 } else { 0 };
                Ok((e.kind() == T_DIR, size, 0))
            }
        }
    }

    fn list(&mut self, path: &str) -> R<Vec<(String, bool, u32)>> {
        let head = match self.lookup(path)? {
            None => self.s.root,
            Some((d, i)) => {
                let e = &d.entries[i];
                if e.kind() != T_DIR {
                    return err(ENOTDIR);
                }
                e.pair()
            }
        };
        Ok(self
            .dir_entries(head)?
            .iter()
            .map(|e| {
                let dir = e.kind() == T_DIR;
                (name_str(&e.name), dir, if dir { 0 } else { e.file().1 })
            })
            .collect())
    }

    fn read(&mut self, path: &str) -> R<Vec<u8>> {
        let Some((d, i)) = self.lookup(path)? else {
            return err(EISDIR);
        };
        let e = &d.entries[i];
        if e.kind() != T_REG {
            return err(EISDIR);
        }
        let (h, s) = e.file();
        let bc = self.cfg().block_count;
        ctz::read(&mut self.dev, bc, h, s)
    }

    fn read_at(&mut self, path: &str, off: u64, len: usize) -> R<Vec<u8>> {
        let Some((d, i)) = self.lookup(path)? else {
            return err(EISDIR);
        };
        let e = &d.entries[i];
        if e.kind() != T_REG {
            return err(EISDIR);
        }
        let (h, s) = e.file();
        let bc = self.cfg().block_count;
        ctz::read_range(&mut self.dev, bc, h, s, off, len)
    }

    fn write(&mut self, path: &str, data: &[u8], append: bool, _mtime: Option<u64>) -> R<()> {
        self.make_consistent()?;
        let (head, name) = self.parent(path)?;
        if name.is_empty() {
            return err(EISDIR);
        }
        self.check_name(name)?;
        let (d, i) = self.find(head, name.as_bytes())?;
        let (oh, os) = match i {
            Some(i) => {
                let e = &d.entries[i];
                if e.kind() != T_REG {
                    return err(EISDIR);
                }
                if append {
                    e.file()
                } else {
                    (NULL, 0)
                }
            }
            None => (NULL, 0),
        };
        if os as u64 + data.len() as u64 > 0x7fff_ffff {
            return err(EFBIG);
        }
        self.blocks()?;
        let (nh, ns) = match self.used.as_mut() {
            Some(a) => ctz::append(&mut self.dev, a, oh, os, data)?,
            None => return err(ENOSPC),
        };
        self.s.cursor = self.used.as_ref().map_or(0, |a| a.cursor);
        let e = Self::file_entry(name, nh, ns);
        match i {
            Some(i) => {
                let mut d = d;
                d.entries[i] = e;
                self.commit(&mut d)
            }
            None => self.append(d, e),
        }
    }

    fn mkdir(&mut self, path: &str) -> R<()> {
        self.make_consistent()?;
        let (head, name) = self.parent(path)?;
        if name.is_empty() {
            return err(EEXIST);
        }
        self.check_name(name)?;
        let (mut d, i) = self.find(head, name.as_bytes())?;
        if i.is_some() {
            return err(EEXIST);
        }
        let b0 = self.alloc()?;
        let b1 = self.alloc()?;
        let mut nd = self.new_dir([b0, b1]);
        nd.tail = d.tail;
        self.commit(&mut nd)?;
        d.tail = nd.pair;
        let e = Entry {
            ty: T_DIR,
            st: pair_bytes(nd.pair),
            attr: Vec::new(),
            name: name.as_bytes().to_vec(),
        };
        self.append(d, e)
    }

    fn remove(&mut self, path: &str) -> R<()> {
        self.make_consistent()?;
        let Some((d, i)) = self.lookup(path)? else {
            return err(EINVAL);
        };
        let e = d.entries[i].clone();
        if !self.is_empty_dir(&e)? {
            return err(ENOTEMPTY);
        }
        self.remove_entry(d, i)?;
        if e.kind() == T_DIR {
            self.unlink(e.pair())?;
        }
        Ok(())
    }

    fn rename(&mut self, from: &str, to: &str) -> R<()> {
        self.make_consistent()?;
        let Some((mut od, oi)) = self.lookup(from)? else {
            return err(EINVAL);
        };
        let old = od.entries[oi].clone();
        let (head, name) = self.parent(to)?;
        if name.is_empty() {
            return err(EINVAL);
        }
        self.check_name(name)?;
        if old.kind() == T_DIR
            && to.len() > from.len()
            && to.starts_with(from)
            && to.as_bytes().get(from.len()) == Some(&b'/')
        {
            return err(EINVAL);
        }
        let (nd, ni) = self.find(head, name.as_bytes())?;
        let prev = ni.map(|i| nd.entries[i].clone());
        if let Some(p) = &prev {
            if p.kind() != old.kind() {
                return err(if p.kind() == T_DIR { EISDIR } else { ENOTDIR });
            }
            if pair_eq(nd.pair, od.pair) && ni == Some(oi) {
                return Ok(());
            }
            if !self.is_empty_dir(p)? {
                return err(ENOTEMPTY);
            }
        }
        // Flag the old entry as moving, write the new one, then remove the old.
        od.entries[oi].ty |= MOVED;
        self.commit(&mut od)?;
        let mut ne = old.clone();
        ne.ty = old.kind();
        ne.name = name.as_bytes().to_vec();
        let (mut nd, ni) = self.find(head, name.as_bytes())?;
        match ni {
            Some(i) => {
                nd.entries[i] = ne;
                let bs = self.cfg().block_size;
                let size: u32 = HDR + 4 + nd.entries.iter().map(Entry::size).sum::<u32>();
                if size > bs {
                    return err(ENOSPC);
                }
                self.commit(&mut nd)?;
            }
            None => self.append(nd, ne)?,
        }
        let (ohead, oname) = self.parent(from)?;
        let mut d = self.fetch(ohead)?;
        for _ in 0..self.cfg().block_count {
            if let Some(i) = d
                .entries
                .iter()
                .position(|e| e.ty & MOVED != 0 && e.name == oname.as_bytes() && e.st == old.st)
            {
                self.remove_entry(d, i)?;
                break;
            }
            if !d.cont {
                break;
            }
            let t = d.tail;
            d = self.fetch(t)?;
        }
        if let Some(p) = prev {
            if p.kind() == T_DIR {
                self.unlink(p.pair())?;
            }
        }
        Ok(())
    }

    fn statvfs(&mut self) -> R<[i64; 3]> {
        let cfg = self.cfg();
        let mut used: u64 = 0;
        for d in self.walk()? {
            used += 2;
            for e in &d.entries {
                if e.ty & 0x70 == 0x10 {
                    let (_, s) = e.file();
                    if s > 0 {
                        used += ctz::index(cfg.block_size, s - 1).0 as u64 + 1;
                    }
                }
            }
        }
        let free = (cfg.block_count as u64).saturating_sub(used);
        Ok([cfg.block_size as i64, cfg.block_count as i64, free as i64])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Ram {
        bs: u32,
        data: Vec<u8>,
    }

    impl Bd for Ram {
        fn read(&mut self, block: u32, off: u32, buf: &mut [u8]) -> R<()> {
            let a = (block * self.bs + off) as usize;
            match self.data.get(a..a + buf.len()) {
                Some(s) => {
                    buf.copy_from_slice(s);
                    Ok(())
                }
                None => err(EIO),
            }
        }
        fn prog(&mut self, block: u32, off: u32, data: &[u8]) -> R<()> {
            let a = (block * self.bs + off) as usize;
            match self.data.get_mut(a..a + data.len()) {
                Some(s) => {
                    s.copy_from_slice(data);
                    Ok(())
                }
                None => err(EIO),
            }
        }
        fn erase(&mut self, _block: u32) -> R<()> {
            Ok(())
        }
    }

    fn fresh(bs: u32, n: u32) -> (Ram, State) {
        let mut ram = Ram {
            bs,
            data: alloc::vec![0; (bs * n) as usize],
        };
        let cfg = Cfg::new(bs, n, 32, 32, 32);
        mkfs(&mut ram, cfg).unwrap();
        let st = mount(&mut ram, cfg).unwrap();
        (ram, st)
    }

    #[test]
    fn round_trips() {
        let (mut ram, mut st) = fresh(1024, 30);
        let mut fs = Lfs1::new(&mut ram, &mut st);
        assert_eq!(fs.statvfs().unwrap(), [1024, 30, 26]);
        fs.write("/test", b"littlefs", false, None).unwrap();
        assert_eq!(fs.statvfs().unwrap(), [1024, 30, 25]);
        fs.mkdir("/testdir").unwrap();
        let names: Vec<String> = fs.list("/").unwrap().into_iter().map(|e| e.0).collect();
        assert_eq!(names, ["test", "testdir"]);
        let big: Vec<u8> = (0..16384u32).map(|i| (i * 7 % 251) as u8).collect();
        fs.write("/big", &big[..5000], false, None).unwrap();
        fs.write("/big", &big[5000..], true, None).unwrap();
        assert_eq!(fs.read("/big").unwrap(), big);
        assert_eq!(fs.statvfs().unwrap(), [1024, 30, 6]);
        fs.rename("/big", "/testdir/big2").unwrap();
        assert_eq!(fs.read("/testdir/big2").unwrap(), big);
        assert_eq!(fs.remove("/testdir"), err(ENOTEMPTY));
        fs.remove("/testdir/big2").unwrap();
        fs.remove("/testdir").unwrap();
        assert_eq!(fs.statvfs().unwrap(), [1024, 30, 25]);
    }

    #[test]
    fn full_directory_continues() {
        let (mut ram, mut st) = fresh(256, 64);
        let mut fs = Lfs1::new(&mut ram, &mut st);
        for i in 0..40 {
            fs.write(&alloc::format!("/f{:02}", i), b"", false, None)
                .unwrap();
        }
        assert_eq!(fs.list("/").unwrap().len(), 40);
        for i in 0..40 {
            fs.remove(&alloc::format!("/f{:02}", i)).unwrap();
        }
        assert_eq!(fs.list("/").unwrap().len(), 0);
    }

    #[test]
    fn corrupt_images_never_panic() {
        let (ram, _) = fresh(256, 16);
        let base = ram.data.clone();
        let mut seed = 777u32;
        for round in 0..300 {
            let mut ram = Ram {
                bs: 256,
                data: base.clone(),
            };
            for _ in 0..(1 + round % 30) {
                seed = seed.wrapping_mul(1103515245).wrapping_add(12345);
                let at = (seed >> 8) as usize % ram.data.len();
                ram.data[at] = (seed >> 3) as u8;
            }
            let cfg = Cfg::new(256, 16, 32, 32, 32);
            if let Ok(mut st) = mount(&mut ram, cfg) {
                let mut fs = Lfs1::new(&mut ram, &mut st);
                let _ = fs.list("/");
                let _ = fs.mkdir("/d");
                let _ = fs.write("/d/x", &[1; 600], false, None);
                let _ = fs.rename("/d/x", "/x");
                let _ = fs.read("/x");
                let _ = fs.statvfs();
            }
        }
    }

    #[test]
    fn full_disk_is_enospc_and_recovers() {
        let mut ram = Ram {
            bs: 512,
            data: alloc::vec![0; 512 * 16],
        };
        let cfg = Cfg::new(512, 16, 32, 32, 32);
        mkfs(&mut ram, cfg).unwrap();
        let mut st = mount(&mut ram, cfg).unwrap();
        let mut fs = Lfs1::new(&mut ram, &mut st);
        let mut n = 0;
        let e = loop {
            match fs.write(&alloc::format!("/f{}", n), &[n as u8; 700], false, None) {
                Ok(()) => n += 1,
                Err(e) => break e,
            }
            assert!(n < 100);
        };
        assert_eq!(e, LfsErr::Errno(ENOSPC));
        assert!(n >= 3);
        for k in 0..n {
            assert_eq!(fs.read(&alloc::format!("/f{}", k)).unwrap(), [k as u8; 700]);
        }
        for k in 0..n {
            fs.remove(&alloc::format!("/f{}", k)).unwrap();
        }
        fs.write("/again", &[9; 1500], false, None).unwrap();
        assert_eq!(fs.read("/again").unwrap(), [9; 1500]);
    }
}
