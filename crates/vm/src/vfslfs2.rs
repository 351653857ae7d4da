//! The littlefs v2 engine behind `vfs.VfsLfs2`, writing littlefs's on-disk format (disk version
//! 2.0, which littlefs 2.x of every minor version mounts), so that images move between Ferropy
//! and MicroPython boards.
//!
//! The format, after littlefs's SPEC.md: a directory is a chain of metadata pairs (two blocks,
//! the one with the newer revision count holds the valid log). A log is a 32-bit revision count
//! followed by commits: big-endian tags XORed with the previous tag, each followed by its data,
//! and a CRC tag with the CRC-32 of the commit. The superblock entry (`littlefs` magic, version,
//! block size and count, name/file/attribute limits) is id 0 of the root pair {0, 1}. Every
//! metadata pair is threaded in one list through tail tags (soft tails start a new directory,
//! hard tails continue a split one). Files up to the inline limit live in their directory entry;
//! larger files are CTZ skip-lists (block n keeps ctz(n)+1 back pointers). A rename across
//! directories goes through the global move state, a 12-byte value XORed together from every
//! pair's MOVESTATE tag; removing a directory marks the file system as holding an orphan until
//! the pair is unlinked.
//!
//! A commit is appended to the pair's active block while it fits; otherwise the pair is
//! compacted into its other block, split in two (like littlefs) when the entries would take more
//! than half a block. Whole files are read and written in one operation, as the VFS layer asks.
//! Every value read from the image is checked and every walk is bounded, so a corrupt image gives
//! an OSError (EIO, EINVAL or 84, littlefs's CORRUPT), never a panic or a hang. Wear levelling by
//! block cycles is not done (as littlefs with `block_cycles = -1`).

use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

use crate::lfsutil::{crc32, ctz, err, le32, name_str, Bd, Cached, Fs, LfsErr, R};
use crate::lfsutil::{ECORRUPT, EFBIG, ENAMETOOLONG, ENOSPC};
use crate::moderrno::codes::*;

const NULL: u32 = 0xffff_ffff;
const T_REG: u16 = 0x001;
const T_DIR: u16 = 0x002;
const T_SUPER: u16 = 0x0ff;
const T_CREATE: u16 = 0x401;
const T_DELETE: u16 = 0x4ff;
const T_DIRSTRUCT: u16 = 0x200;
const T_INLINE: u16 = 0x201;
const T_CTZ: u16 = 0x202;
const T_USERATTR: u16 = 0x300;
const T_SOFTTAIL: u16 = 0x600;
const T_MOVESTATE: u16 = 0x7ff;
const T_CRC: u16 = 0x500;
/// MicroPython's user attribute holding a file's modification time (nanoseconds, little-endian).
const ATTR_MTIME: u8 = b't';
/// littlefs's revision modulus for `block_cycles = 100`, which new pairs are aligned to.
const REV_MOD: u32 = 101;

fn mktag(ty: u16, id: u16, size: u32) -> u32 {
    ((ty as u32 & 0x7ff) << 20) | ((id as u32 & 0x3ff) << 10) | (size & 0x3ff)
}
fn tag_type3(t: u32) -> u16 {
    ((t >> 20) & 0x7ff) as u16
}
fn tag_type1(t: u32) -> u16 {
    ((t >> 20) & 0x700) as u16
}
fn tag_chunk(t: u32) -> u8 {
    (t >> 20) as u8
}
fn tag_id(t: u32) -> u16 {
    ((t >> 10) & 0x3ff) as u16
}
fn tag_size(t: u32) -> u32 {
    t & 0x3ff
}
fn tag_isdelete(t: u32) -> bool {
    t & 0x3ff == 0x3ff
}
fn tag_dsize(t: u32) -> u32 {
    4 + if tag_isdelete(t) { 0 } else { tag_size(t) }
}
fn align_up(a: u32, n: u32) -> u32 {
    if n == 0 {
        a
    } else {
        a.div_ceil(n).saturating_mul(n)
    }
}

/// The configuration of a mount: geometry and the limits that follow from it.
#[derive(Clone, Copy, Debug)]
pub struct Cfg {
    /// Bytes per block.
    pub block_size: u32,
    /// Blocks on the device.
    pub block_count: u32,
    /// Program unit (commits are padded to it).
    pub prog_size: u32,
    /// Largest file kept inline in its directory entry.
    pub inline_max: u32,
    /// Longest name.
    pub name_max: u32,
    /// Largest file.
    pub file_max: u32,
    /// Largest user attribute.
    pub attr_max: u32,
}

impl Cfg {
    /// MicroPython's configuration for a device of `bc` blocks of `bs` bytes, with the given
    /// read size, program size and lookahead size.
    pub fn new(bs: u32, bc: u32, rs: u32, ps: u32, _lookahead: u32) -> Cfg {
        let cache = bs.min(4 * rs.max(ps));
        Cfg {
            block_size: bs,
            block_count: bc,
            prog_size: ps.clamp(1, bs.max(1)),
            inline_max: cache.min(1022).min(bs / 8),
            name_max: 255,
            file_max: 0x7fff_ffff,
            attr_max: 1022,
        }
    }
}

/// The state of a mounted file system kept between operations.
pub struct State {
    cfg: Cfg,
    root: [u32; 2],
    /// The global state as the pairs on disk give it (12 bytes: tag, pair).
    gdisk: [u8; 12],
    cursor: u32,
    consistent: bool,
    /// The blocks in use as the last operation left them (littlefs's lookahead: blocks freed
    /// since are found again by a rescan when the device seems full).
    used: Option<Vec<bool>>,
}

impl State {
    /// The largest file kept inline in its directory entry.
    pub fn inline_max(&self) -> u32 {
        self.cfg.inline_max
    }
    /// A stand-in while the real state is in use.
    pub fn placeholder() -> State {
        State {
            cfg: Cfg::new(512, 0, 32, 32, 32),
            root: [0, 1],
            gdisk: [0; 12],
            cursor: 0,
            consistent: true,
            used: None,
        }
    }
}

/// One directory entry of a metadata pair.
#[derive(Clone, Default, Debug)]
struct Entry {
    /// The name tag's type (REG, DIR or SUPERBLOCK); 0 before a name was seen.
    kind: u16,
    name: Vec<u8>,
    /// The struct tag's type (DIRSTRUCT, INLINESTRUCT, CTZSTRUCT), 0 when none.
    st_type: u16,
    st: Vec<u8>,
    attrs: Vec<(u8, Vec<u8>)>,
}

impl Entry {
    fn is_named(&self) -> bool {
        self.kind != 0 && self.kind < 0x80
    }
    fn size(&self) -> u32 {
        match self.st_type {
            T_INLINE => self.st.len() as u32,
            T_CTZ => le32(&self.st, 4),
            _ => 0,
        }
    }
    fn pair(&self) -> [u32; 2] {
        [le32(&self.st, 0), le32(&self.st, 4)]
    }
    fn attr(&self, t: u8) -> Option<&[u8]> {
        self.attrs
            .iter()
            .find(|(k, _)| *k == t)
            .map(|(_, v)| v.as_slice())
    }
}

/// What a metadata pair holds.
#[derive(Clone, Default)]
struct DirState {
    entries: Vec<Entry>,
    tail: [u32; 2],
    split: bool,
    gdelta: [u8; 12],
}

impl DirState {
    fn new() -> Self {
        DirState {
            entries: Vec::new(),
            tail: [NULL, NULL],
            split: false,
            gdelta: [0; 12],
        }
    }
    fn entry(&mut self, id: u16) -> &mut Entry {
        let id = id as usize;
        if self.entries.len() <= id {
            self.entries.resize(id + 1, Entry::default());
        }
        &mut self.entries[id]
    }
    /// Apply one tag of a commit.
    fn apply(&mut self, tag: u32, data: &[u8]) {
        let id = tag_id(tag);
        let ty = tag_type3(tag);
        match tag_type1(tag) {
            0x000 if id != 0x3ff => {
                let e = self.entry(id);
                e.kind = ty;
                e.name = data.to_vec();
            }
            0x400 if ty == T_CREATE && id != 0x3ff => {
                let i = id as usize;
                if i <= self.entries.len() {
                    self.entries.insert(i, Entry::default());
                } else {
                    self.entry(id);
                }
            }
            0x400 if ty == T_DELETE && (id as usize) < self.entries.len() => {
                self.entries.remove(id as usize);
            }
            0x200 if id != 0x3ff => {
                let e = self.entry(id);
                if tag_isdelete(tag) {
                    e.st_type = 0;
                    e.st.clear();
                } else {
                    e.st_type = ty;
                    e.st = data.to_vec();
                }
            }
            0x300 if id != 0x3ff => {
                let k = tag_chunk(tag);
                let del = tag_isdelete(tag);
                let e = self.entry(id);
                e.attrs.retain(|(t, _)| *t != k);
                if !del {
                    e.attrs.push((k, data.to_vec()));
                }
            }
            0x600 if data.len() >= 8 => {
                self.tail = [le32(data, 0), le32(data, 4)];
                self.split = tag_chunk(tag) & 1 != 0;
            }
            0x700 if ty == T_MOVESTATE && data.len() >= 12 => {
                self.gdelta.copy_from_slice(&data[..12]);
            }
            _ => {}
        }
    }
    /// Drop entries that never got a name (littlefs does not count them).
    fn trim(&mut self) {
        while self.entries.last().is_some_and(|e| e.kind == 0) {
            self.entries.pop();
        }
    }
}

/// A fetched metadata pair.
#[derive(Clone)]
struct MDir {
    /// [active block, other block].
    pair: [u32; 2],
    rev: u32,
    off: u32,
    etag: u32,
    erased: bool,
    st: DirState,
}

/// The result of parsing one block of a pair: (revision, end offset, last tag, state), or None
/// when it holds no valid commit.
fn parse_block(data: &[u8]) -> Option<(u32, u32, u32, DirState)> {
    let bs = data.len();
    if bs < 4 {
        return None;
    }
    let rev = le32(data, 0);
    let mut crc = crc32(0xffff_ffff, &data[..4]);
    let mut off = 4usize;
    let mut ptag = 0xffff_ffffu32;
    let mut st = DirState::new();
    let mut pending: Vec<(u32, usize)> = Vec::new();
    let mut good: Option<(u32, u32)> = None;
    while off + 4 <= bs {
        let word = u32::from_be_bytes([data[off], data[off + 1], data[off + 2], data[off + 3]]);
        let tag = word ^ ptag;
        if tag & 0x8000_0000 != 0 {
            break;
        }
        let dsize = tag_dsize(tag) as usize;
        if off + dsize > bs {
            break;
        }
        crc = crc32(crc, &data[off..off + 4]);
        ptag = tag;
        if tag_type1(tag) == T_CRC && tag_chunk(tag) < 0x80 {
            if off + 8 > bs || le32(data, off + 4) != crc {
                break;
            }
            ptag ^= ((tag_chunk(tag) & 1) as u32) << 31;
            for &(t, at) in &pending {
                let n = if tag_isdelete(t) {
                    0
                } else {
                    tag_size(t) as usize
                };
                st.apply(t, &data[at..at + n]);
            }
            pending.clear();
            crc = 0xffff_ffff;
            off += dsize;
            good = Some((off as u32, ptag));
            continue;
        }
        crc = crc32(crc, &data[off + 4..off + dsize]);
        pending.push((tag, off + 4));
        off += dsize;
    }
    let (end, etag) = good?;
    st.trim();
    Some((rev, end, etag, st))
}

fn scmp(a: u32, b: u32) -> i32 {
    a.wrapping_sub(b) as i32
}

fn pair_eq(a: [u32; 2], b: [u32; 2]) -> bool {
    (a[0] == b[0] && a[1] == b[1]) || (a[0] == b[1] && a[1] == b[0])
}

fn is_null(p: [u32; 2]) -> bool {
    p[0] == NULL || p[1] == NULL
}

/// Where a path leads.
struct Found {
    /// The pair holding the entry (or where a new entry goes).
    dir: MDir,
    /// The entry's id, None when missing.
    id: Option<u16>,
    /// The id a new entry of that name gets.
    ins: u16,
}

/// The engine for one operation.
pub struct Lfs2<'a> {
    dev: Cached<'a>,
    s: &'a mut State,
    gstate: [u8; 12],
    used: Option<ctz::Blocks>,
    /// `used` came from an earlier operation (a rescan may find blocks freed since).
    carried: bool,
}

impl Drop for Lfs2<'_> {
    /// Leave the blocks in use to the next operation.
    fn drop(&mut self) {
        if let Some(b) = self.used.take() {
            self.s.used = Some(b.used);
        }
    }
}

/// Format the device (littlefs's `lfs_format`).
pub fn mkfs(bd: &mut dyn Bd, cfg: Cfg) -> R<()> {
    if cfg.block_size < 64 || cfg.block_count < 2 {
        return err(if cfg.block_count < 2 { ENOSPC } else { EINVAL });
    }
    let mut st = State {
        cfg,
        root: [0, 1],
        gdisk: [0; 12],
        cursor: 0,
        consistent: true,
        used: None,
    };
    let mut fs = Lfs2::new(bd, &mut st);
    let mut sb = Vec::with_capacity(24);
    for v in [
        0x0002_0000u32,
        cfg.block_size,
        cfg.block_count,
        cfg.name_max,
        cfg.file_max,
        cfg.attr_max,
    ] {
        sb.extend_from_slice(&v.to_le_bytes());
    }
    let mut ds = DirState::new();
    ds.entries.push(Entry {
        kind: T_SUPER,
        name: b"littlefs".to_vec(),
        st_type: T_INLINE,
        st: sb,
        attrs: Vec::new(),
    });
    let mut d = fs.new_pair(1, 0, ds);
    // Two compactions, like littlefs: the second leaves no older log in either block.
    fs.compact(&mut d)?;
    fs.compact(&mut d)?;
    fs.fetch([0, 1]).map(|_| ())
}

/// Mount: find the superblock and the global state (littlefs's `lfs_mount`).
pub fn mount(bd: &mut dyn Bd, cfg: Cfg) -> R<State> {
    if cfg.block_size < 16 || cfg.block_count < 2 {
        return err(EINVAL);
    }
    let mut st = State {
        cfg,
        root: [NULL, NULL],
        gdisk: [0; 12],
        cursor: 0,
        consistent: false,
        used: None,
    };
    let mut fs = Lfs2::new(bd, &mut st);
    let mut g = [0u8; 12];
    let mut root = None;
    let mut limits = None;
    let mut seed = 0u32;
    let pairs = fs.walk_pairs()?;
    for d in &pairs {
        for (a, b) in g.iter_mut().zip(d.st.gdelta.iter()) {
            *a ^= *b;
        }
        seed = seed.wrapping_add(d.rev);
        if let Some(e) = d.st.entries.first() {
            if e.kind == T_SUPER && e.name == b"littlefs" {
                let sb = &e.st;
                let version = le32(sb, 0);
                if version >> 16 != 2 || version & 0xffff > 1 {
                    return err(EINVAL);
                }
                if le32(sb, 4) != cfg.block_size || le32(sb, 8) != cfg.block_count {
                    return err(EINVAL);
                }
                limits = Some((le32(sb, 12), le32(sb, 16), le32(sb, 20)));
                root = Some(d.pair);
            }
        }
    }
    let Some(root) = root else {
        return err(EINVAL);
    };
    let mut cfg = cfg;
    if let Some((n, f, a)) = limits {
        if n > 1022 || f > 0x7fff_ffff || a > 1022 {
            return err(EINVAL);
        }
        if n != 0 {
            cfg.name_max = n;
        }
        if f != 0 {
            cfg.file_max = f;
        }
        if a != 0 {
            cfg.attr_max = a;
            cfg.inline_max = cfg.inline_max.min(a);
        }
    }
    drop(fs);
    st.cfg = cfg;
    st.root = root;
    st.gdisk = g;
    st.cursor = seed % cfg.block_count;
    st.consistent = g == [0; 12];
    Ok(st)
}

impl<'a> Lfs2<'a> {
    /// The engine over `bd` with the mounted state `s`.
    pub fn new(bd: &'a mut dyn Bd, s: &'a mut State) -> Self {
        let bs = s.cfg.block_size;
        let gstate = s.gdisk;
        Lfs2 {
            dev: Cached::new(bd, bs),
            s,
            gstate,
            used: None,
            carried: false,
        }
    }

    fn cfg(&self) -> Cfg {
        self.s.cfg
    }

    fn check_block(&self, b: u32) -> R<()> {
        if b >= self.s.cfg.block_count {
            return err(ECORRUPT);
        }
        Ok(())
    }

    /// Fetch a metadata pair: the block with the newer revision that holds a valid commit.
    fn fetch(&mut self, pair: [u32; 2]) -> R<MDir> {
        self.check_block(pair[0])?;
        self.check_block(pair[1])?;
        let ps = self.cfg().prog_size;
        let b0 = self.dev.block(pair[0])?.to_vec();
        let b1 = self.dev.block(pair[1])?;
        let order = if scmp(le32(b1, 0), le32(&b0, 0)) > 0 {
            [1, 0]
        } else {
            [0, 1]
        };
        let p1 = parse_block(b1);
        let p0 = parse_block(&b0);
        let mut parsed = [p0, p1];
        for i in order {
            if let Some((rev, off, etag, st)) = parsed[i].take() {
                return Ok(MDir {
                    pair: [pair[i], pair[1 - i]],
                    rev,
                    off,
                    etag,
                    erased: off % ps == 0 && off < self.cfg().block_size,
                    st,
                });
            }
        }
        err(ECORRUPT)
    }

    /// Every metadata pair in the threaded list from the superblock pair, in order.
    fn walk_pairs(&mut self) -> R<Vec<MDir>> {
        let mut out: Vec<MDir> = Vec::new();
        let mut next = [0u32, 1];
        let limit = self.cfg().block_count as usize / 2 + 1;
        while !is_null(next) {
            if out.len() > limit || out.iter().any(|d| pair_eq(d.pair, next)) {
                return err(ECORRUPT);
            }
            let d = self.fetch(next)?;
            next = d.st.tail;
            out.push(d);
        }
        Ok(out)
    }

    fn ctz_blocks(&mut self, head: u32, size: u32) -> R<Vec<u32>> {
        let bc = self.cfg().block_count;
        ctz::blocks(&mut self.dev, bc, head, size)
    }

    /// Mark every block in use (metadata pairs, directory pairs and file blocks).
    fn scan_used(&mut self) -> R<Vec<bool>> {
        let n = self.cfg().block_count as usize;
        let mut used = vec![false; n];
        let pairs = self.walk_pairs()?;
        for d in &pairs {
            for b in d.pair {
                if let Some(u) = used.get_mut(b as usize) {
                    *u = true;
                }
            }
            for e in &d.st.entries {
                if e.st_type == T_CTZ {
                    let bl = self.ctz_blocks(le32(&e.st, 0), le32(&e.st, 4))?;
                    for b in bl {
                        if let Some(u) = used.get_mut(b as usize) {
                            *u = true;
                        }
                    }
                } else if e.st_type == T_DIRSTRUCT && e.kind == T_DIR {
                    for b in e.pair() {
                        if let Some(u) = used.get_mut(b as usize) {
                            *u = true;
                        }
                    }
                }
            }
        }
        Ok(used)
    }

    /// The allocator, with the blocks in use scanned on first need.
    fn blocks(&mut self) -> R<&mut ctz::Blocks> {
        if self.used.is_none() {
            let used = match self.s.used.take() {
                Some(u) if u.len() == self.cfg().block_count as usize => {
                    self.carried = true;
                    u
                }
                _ => self.scan_used()?,
            };
            self.used = Some(ctz::Blocks {
                used,
                cursor: self.s.cursor,
                taken: Vec::new(),
            });
        }
        match self.used.as_mut() {
            Some(b) => Ok(b),
            None => err(ENOSPC),
        }
    }

    /// After ENOSPC with blocks in use carried over from earlier operations: scan them again
    /// (finding blocks freed since), keeping the first `keep` blocks this operation took.
    /// False when the view was already fresh.
    fn rescan(&mut self, keep: usize) -> R<bool> {
        if !self.carried {
            return Ok(false);
        }
        self.carried = false;
        let mut used = self.scan_used()?;
        let mut taken = self.used.take().map(|b| b.taken).unwrap_or_default();
        taken.truncate(keep);
        for &b in &taken {
            if let Some(u) = used.get_mut(b as usize) {
                *u = true;
            }
        }
        self.used = Some(ctz::Blocks {
            used,
            cursor: self.s.cursor,
            taken,
        });
        Ok(true)
    }

    fn taken(&self) -> usize {
        self.used.as_ref().map_or(0, |b| b.taken.len())
    }

    /// A free block (not reused within one operation even when freed by it).
    fn alloc(&mut self) -> R<u32> {
        let keep = self.taken();
        let b = match self.blocks()?.alloc() {
            Err(LfsErr::Errno(ENOSPC)) if self.rescan(keep)? => self.blocks()?.alloc()?,
            r => r?,
        };
        self.s.cursor = b + 1;
        Ok(b)
    }

    /// Serialise `tags` after `ptag`, updating the CRC; returns the bytes and the last tag.
    fn encode(out: &mut Vec<u8>, crc: &mut u32, mut ptag: u32, tags: &[(u32, &[u8])]) -> u32 {
        for &(tag, data) in tags {
            let t = tag & 0x7fff_ffff;
            let word = (t ^ ptag).to_be_bytes();
            *crc = crc32(*crc, &word);
            *crc = crc32(*crc, data);
            out.extend_from_slice(&word);
            out.extend_from_slice(data);
            ptag = t;
        }
        ptag
    }

    /// Finish a commit that starts at `start` in `block` (bytes `out` so far): CRC tag, padding
    /// to the program size, one program. Returns (end offset, tag chain state).
    fn finish(
        &mut self,
        block: u32,
        start: u32,
        mut out: Vec<u8>,
        mut crc: u32,
        ptag: u32,
    ) -> R<(u32, u32)> {
        let cfg = self.cfg();
        let off = start + out.len() as u32;
        let end = align_up(off + 8, cfg.prog_size);
        if end > cfg.block_size || end - off - 4 > 0x3fe {
            return err(ENOSPC);
        }
        let mut next = [0xffu8; 4];
        if end + 4 <= cfg.block_size {
            self.dev.read(block, end, &mut next)?;
        }
        let reset = (!u32::from_be_bytes(next)) >> 31;
        let tag = mktag(T_CRC + reset as u16, 0x3ff, end - off - 4);
        let word = (tag ^ ptag).to_be_bytes();
        crc = crc32(crc, &word);
        out.extend_from_slice(&word);
        out.extend_from_slice(&crc.to_le_bytes());
        out.resize((end - start) as usize, 0xff);
        self.dev.prog(block, start, &out)?;
        Ok((end, tag ^ (reset << 31)))
    }

    fn gdiff(&self) -> [u8; 12] {
        let mut d = [0u8; 12];
        for (i, x) in d.iter_mut().enumerate() {
            *x = self.gstate[i] ^ self.s.gdisk[i];
        }
        d
    }

    /// Commit `attrs` to a pair: appended when it fits, otherwise by compaction.
    fn commit(&mut self, dir: &mut MDir, attrs: &[(u32, Vec<u8>)]) -> R<()> {
        let mut ns = dir.st.clone();
        for (t, d) in attrs {
            ns.apply(*t, d);
        }
        ns.trim();
        let deletes = attrs.iter().any(|(t, _)| tag_type3(*t) == T_DELETE);
        if deletes && ns.entries.is_empty() && !pair_eq(dir.pair, [0, 1]) {
            // A continuation pair left empty is unlinked from its predecessor instead.
            let pairs = self.walk_pairs()?;
            if let Some(i) = pairs.iter().position(|d| pair_eq(d.pair, dir.pair)) {
                if i > 0 && pairs[i - 1].st.split {
                    let mut pred = pairs[i - 1].clone();
                    self.take_gdelta(dir);
                    let mut tb = Vec::with_capacity(8);
                    tb.extend_from_slice(&dir.st.tail[0].to_le_bytes());
                    tb.extend_from_slice(&dir.st.tail[1].to_le_bytes());
                    let t = mktag(T_SOFTTAIL + dir.st.split as u16, 0x3ff, 8);
                    return self.commit(&mut pred, &[(t, tb)]);
                }
            }
        }
        let diff = self.gdiff();
        let mut newdelta = dir.st.gdelta;
        for (a, b) in newdelta.iter_mut().zip(diff.iter()) {
            *a ^= *b;
        }
        ns.gdelta = newdelta;
        let bs = self.cfg().block_size;
        if dir.erased && dir.off >= 4 && dir.off < bs {
            let mut tags: Vec<(u32, &[u8])> =
                attrs.iter().map(|(t, d)| (*t, d.as_slice())).collect();
            if diff != [0; 12] {
                tags.push((mktag(T_MOVESTATE, 0x3ff, 12), &newdelta));
            }
            let mut out = Vec::new();
            let mut crc = 0xffff_ffffu32;
            let ptag = Self::encode(&mut out, &mut crc, dir.etag, &tags);
            if dir.off + out.len() as u32 <= bs - 8 {
                match self.finish(dir.pair[0], dir.off, out, crc, ptag) {
                    Ok((end, etag)) => {
                        dir.off = end;
                        dir.etag = etag;
                        dir.erased = end < bs;
                        dir.st = ns;
                        self.s.gdisk = self.gstate;
                        return Ok(());
                    }
                    Err(LfsErr::Errno(ENOSPC)) => {}
                    Err(e) => return Err(e),
                }
            }
        }
        dir.st = ns;
        self.compact(dir)
    }

    /// Bytes the tags of `e` take in a log.
    fn entry_size(e: &Entry) -> u32 {
        let mut n = 4 + e.name.len() as u32;
        if e.st_type != 0 {
            n += 4 + e.st.len() as u32;
        }
        for (_, v) in &e.attrs {
            n += 4 + v.len() as u32;
        }
        n
    }

    /// A new metadata pair [b0, b1] holding `st`, not yet written; its revision continues
    /// what block b0 held before (as littlefs does, for wear spreading).
    fn new_pair(&mut self, b0: u32, b1: u32, st: DirState) -> MDir {
        let mut rev = [0u8; 4];
        let _ = self.dev.read(b0, 0, &mut rev);
        MDir {
            pair: [b0, b1],
            rev: align_up(u32::from_le_bytes(rev), REV_MOD),
            off: 0,
            etag: 0,
            erased: false,
            st,
        }
    }

    /// Rewrite a pair's state into its other block (splitting off a new pair when the entries
    /// take more than half a block), then make that block the active one.
    fn compact(&mut self, dir: &mut MDir) -> R<()> {
        let cfg = self.cfg();
        dir.st.entries.retain(|e| e.kind != 0);
        let limit = (cfg.block_size - 36).min(align_up(cfg.block_size / 2, cfg.prog_size));
        let mut end = dir.st.entries.len();
        loop {
            let mut split = 0usize;
            while end - split > 1 {
                let size: u32 = dir.st.entries[split..end]
                    .iter()
                    .map(Self::entry_size)
                    .sum();
                if end - split < 0xff && size <= limit {
                    break;
                }
                split += (end - split) / 2;
            }
            if split == 0 {
                break;
            }
            // Move entries [split, end) to a new pair after this one; with no room for one,
            // try to keep everything in this pair (it may still fit in the whole block).
            let (b1, b0) = match (self.alloc(), self.alloc()) {
                (Ok(a), Ok(b)) => (a, b),
                (Err(LfsErr::Errno(ENOSPC)), _) | (_, Err(LfsErr::Errno(ENOSPC))) => break,
                (Err(e), _) | (_, Err(e)) => return Err(e),
            };
            let st = DirState {
                entries: dir.st.entries[split..end].to_vec(),
                tail: dir.st.tail,
                split: dir.st.split,
                gdelta: [0; 12],
            };
            let mut tail = self.new_pair(b0, b1, st);
            self.write_compacted(&mut tail)?;
            dir.st.entries.truncate(split);
            dir.st.tail = tail.pair;
            dir.st.split = true;
            end = split;
        }
        let r = self.write_compacted(dir);
        if r.is_ok() {
            self.s.gdisk = self.gstate;
        }
        r
    }

    /// Write a pair's whole state into its other block with the next revision.
    fn write_compacted(&mut self, dir: &mut MDir) -> R<()> {
        let cfg = self.cfg();
        let rev = dir.rev.wrapping_add(1);
        let block = dir.pair[1];
        self.dev.erase(block)?;
        let mut out = Vec::new();
        out.extend_from_slice(&rev.to_le_bytes());
        let mut crc = crc32(0xffff_ffff, &out);
        let mut ptag = 0xffff_ffffu32;
        for (id, e) in dir.st.entries.iter().enumerate() {
            let id = id as u16;
            let mut tags: Vec<(u32, &[u8])> = Vec::new();
            tags.push((mktag(e.kind, id, e.name.len() as u32), &e.name));
            if e.st_type != 0 {
                tags.push((mktag(e.st_type, id, e.st.len() as u32), &e.st));
            }
            for (k, v) in &e.attrs {
                tags.push((mktag(T_USERATTR | *k as u16, id, v.len() as u32), v));
            }
            ptag = Self::encode(&mut out, &mut crc, ptag, &tags);
        }
        let mut tailb = [0u8; 8];
        tailb[..4].copy_from_slice(&dir.st.tail[0].to_le_bytes());
        tailb[4..].copy_from_slice(&dir.st.tail[1].to_le_bytes());
        if !is_null(dir.st.tail) {
            let t = mktag(T_SOFTTAIL + dir.st.split as u16, 0x3ff, 8);
            ptag = Self::encode(&mut out, &mut crc, ptag, &[(t, &tailb)]);
        }
        let g = dir.st.gdelta;
        if g != [0; 12] {
            ptag = Self::encode(
                &mut out,
                &mut crc,
                ptag,
                &[(mktag(T_MOVESTATE, 0x3ff, 12), &g)],
            );
        }
        if out.len() as u32 > cfg.block_size - 8 {
            return err(ENOSPC);
        }
        let (end, etag) = self.finish(block, 0, out, crc, ptag)?;
        dir.pair.swap(0, 1);
        dir.rev = rev;
        dir.off = end;
        dir.etag = etag;
        dir.erased = end < cfg.block_size;
        Ok(())
    }

    /// The id of the entry a pending move leaves behind in pair `d` (littlefs hides it until
    /// the move is finished).
    fn hidden(&self, d: &MDir) -> Option<usize> {
        let g = &self.gstate;
        let t = le32(g, 0);
        if tag_type1(t) == 0 || !pair_eq(d.pair, [le32(g, 4), le32(g, 8)]) {
            return None;
        }
        Some(tag_id(t) as usize)
    }

    /// Look `name` up in the directory whose first pair is `head`.
    fn find(&mut self, head: [u32; 2], name: &[u8]) -> R<Found> {
        let mut d = self.fetch(head)?;
        let limit = self.cfg().block_count;
        for _ in 0..limit {
            let mut ins: Option<u16> = None;
            let hidden = self.hidden(&d);
            for (i, e) in d.st.entries.iter().enumerate() {
                if !e.is_named() || hidden == Some(i) {
                    continue;
                }
                if e.name == name {
                    let i = i as u16;
                    return Ok(Found {
                        dir: d,
                        id: Some(i),
                        ins: i,
                    });
                }
                let n = e.name.len().min(name.len());
                let greater = match e.name[..n].cmp(&name[..n]) {
                    core::cmp::Ordering::Greater => true,
                    core::cmp::Ordering::Less => false,
                    core::cmp::Ordering::Equal => name.len() > e.name.len(),
                };
                if greater && ins.is_none() {
                    ins = Some(i as u16);
                }
            }
            // Entries are sorted across the pairs of a directory: littlefs stops at the first
            // pair holding a greater name, and a new entry goes there.
            if ins.is_some() || !d.st.split {
                let ins = ins.unwrap_or(d.st.entries.len() as u16);
                return Ok(Found {
                    dir: d,
                    id: None,
                    ins,
                });
            }
            let t = d.st.tail;
            d = self.fetch(t)?;
        }
        err(ECORRUPT)
    }

    /// Split an absolute path into its parent directory's head pair and last name; the root
    /// gives an empty name.
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
            let f = self.find(head, c.as_bytes())?;
            let Some(id) = f.id else {
                return err(ENOENT);
            };
            let e = &f.dir.st.entries[id as usize];
            if e.kind != T_DIR || e.st_type != T_DIRSTRUCT {
                return err(ENOTDIR);
            }
            head = e.pair();
        }
        Ok((head, last))
    }

    /// The entry at `path` (None for the root).
    fn lookup(&mut self, path: &str) -> R<Option<(MDir, u16)>> {
        let (head, name) = self.parent(path)?;
        if name.is_empty() {
            return Ok(None);
        }
        let f = self.find(head, name.as_bytes())?;
        match f.id {
            Some(id) => Ok(Some((f.dir, id))),
            None => err(ENOENT),
        }
    }

    /// The entries of the directory whose first pair is `head`.
    fn dir_entries(&mut self, head: [u32; 2]) -> R<Vec<Entry>> {
        let mut out = Vec::new();
        let mut d = self.fetch(head)?;
        let limit = self.cfg().block_count;
        for _ in 0..limit {
            let hidden = self.hidden(&d);
            out.extend(
                d.st.entries
                    .iter()
                    .enumerate()
                    .filter(|(i, e)| e.is_named() && hidden != Some(*i))
                    .map(|(_, e)| e.clone()),
            );
            if !d.st.split {
                return Ok(out);
            }
            let t = d.st.tail;
            d = self.fetch(t)?;
        }
        err(ECORRUPT)
    }

    fn read_ctz(&mut self, head: u32, size: u32) -> R<Vec<u8>> {
        let bc = self.cfg().block_count;
        ctz::read(&mut self.dev, bc, head, size)
    }

    fn ctz_write(&mut self, data: &[u8]) -> R<[u8; 8]> {
        self.blocks()?;
        let keep = self.taken();
        let mut r = match self.used.as_mut() {
            Some(b) => ctz::append(&mut self.dev, b, NULL, 0, data),
            None => return err(ENOSPC),
        };
        if matches!(r, Err(LfsErr::Errno(ENOSPC))) && self.rescan(keep)? {
            r = match self.used.as_mut() {
                Some(b) => ctz::append(&mut self.dev, b, NULL, 0, data),
                None => return err(ENOSPC),
            };
        }
        let (head, size) = r?;
        self.s.cursor = self.used.as_ref().map_or(0, |b| b.cursor);
        Ok(ctz_struct(head, size))
    }

    fn ctz_append(&mut self, head: u32, size: u32, data: &[u8]) -> R<[u8; 8]> {
        if size as u64 + data.len() as u64 > self.cfg().file_max as u64 {
            return err(EFBIG);
        }
        self.blocks()?;
        let keep = self.taken();
        let mut r = match self.used.as_mut() {
            Some(b) => ctz::append(&mut self.dev, b, head, size, data),
            None => return err(ENOSPC),
        };
        if matches!(r, Err(LfsErr::Errno(ENOSPC))) && self.rescan(keep)? {
            r = match self.used.as_mut() {
                Some(b) => ctz::append(&mut self.dev, b, head, size, data),
                None => return err(ENOSPC),
            };
        }
        let (head, size) = r?;
        self.s.cursor = self.used.as_ref().map_or(0, |b| b.cursor);
        Ok(ctz_struct(head, size))
    }

    /// Make the file system consistent before the first change: finish a pending move and
    /// unlink orphaned directory pairs (littlefs's `lfs_fs_forceconsistency`).
    fn make_consistent(&mut self) -> R<()> {
        // Each change starts from the blocks in use as the last one left them (carried over,
        // so rescanned when the device seems full).
        if let Some(b) = self.used.take() {
            self.s.used = Some(b.used);
        }
        if self.s.consistent {
            return Ok(());
        }
        let g = self.s.gdisk;
        let gtag = le32(&g, 0);
        if tag_type1(gtag) != 0 {
            let pair = [le32(&g, 4), le32(&g, 8)];
            let id = tag_id(gtag);
            self.gstate[..4].copy_from_slice(&(gtag & !mktag(0x7ff, 0x3ff, 0)).to_le_bytes());
            self.gstate[4..].fill(0);
            let mut d = self.fetch(pair)?;
            let attrs = if (id as usize) < d.st.entries.len() {
                vec![(mktag(T_DELETE, id, 0), Vec::new())]
            } else {
                Vec::new()
            };
            self.commit(&mut d, &attrs)?;
        }
        if tag_size(le32(&self.gstate, 0)) != 0 {
            self.deorphan()?;
        }
        self.s.consistent = true;
        Ok(())
    }

    /// Unlink directory pairs no entry points at (one at a time, the list changing after each),
    /// then clear the orphan count.
    fn deorphan(&mut self) -> R<()> {
        let t = le32(&self.gstate, 0) & !0x3ff;
        self.gstate[..4].copy_from_slice(&t.to_le_bytes());
        for _ in 0..self.cfg().block_count {
            if !self.drop_one_orphan()? {
                break;
            }
        }
        if self.gstate != self.s.gdisk {
            let mut root = self.fetch(self.s.root)?;
            self.commit(&mut root, &[])?;
        }
        Ok(())
    }

    /// Unlink the first orphaned pair found; false when there is none.
    fn drop_one_orphan(&mut self) -> R<bool> {
        let pairs = self.walk_pairs()?;
        let mut refs: Vec<[u32; 2]> = Vec::new();
        for d in &pairs {
            for e in &d.st.entries {
                if e.kind == T_DIR && e.st_type == T_DIRSTRUCT {
                    refs.push(e.pair());
                }
            }
        }
        for i in 1..pairs.len() {
            let prev = &pairs[i - 1];
            let d = &pairs[i];
            if prev.st.split
                || pair_eq(d.pair, self.s.root)
                || refs.iter().any(|r| pair_eq(*r, d.pair))
            {
                continue;
            }
            let mut p = self.fetch(prev.pair)?;
            let mut tb = Vec::with_capacity(8);
            tb.extend_from_slice(&d.st.tail[0].to_le_bytes());
            tb.extend_from_slice(&d.st.tail[1].to_le_bytes());
            self.take_gdelta(d);
            let t = mktag(T_SOFTTAIL + d.st.split as u16, 0x3ff, 8);
            self.commit(&mut p, &[(t, tb)])?;
            return Ok(true);
        }
        Ok(false)
    }

    /// When a pair is unlinked, its global state delta moves to the commit that unlinks it.
    fn take_gdelta(&mut self, d: &MDir) {
        for (a, b) in self.s.gdisk.iter_mut().zip(d.st.gdelta.iter()) {
            *a ^= *b;
        }
    }

    fn set_orphans(&mut self, delta: i32) {
        let t = le32(&self.gstate, 0);
        let n = ((t & 0x1ff) as i32 + delta).clamp(0, 0x1ff) as u32;
        let t = (t & !0x1ff) | n;
        self.gstate[..4].copy_from_slice(&t.to_le_bytes());
    }

    /// Unlink the directory pair `head` from the threaded list.
    fn drop_dir(&mut self, head: [u32; 2]) -> R<()> {
        let pairs = self.walk_pairs()?;
        let Some(i) = pairs.iter().position(|d| pair_eq(d.pair, head)) else {
            return Ok(());
        };
        if i == 0 {
            return Ok(());
        }
        let d = pairs[i].clone();
        let mut pred = pairs[i - 1].clone();
        let mut tb = Vec::with_capacity(8);
        tb.extend_from_slice(&d.st.tail[0].to_le_bytes());
        tb.extend_from_slice(&d.st.tail[1].to_le_bytes());
        self.take_gdelta(&d);
        let t = mktag(T_SOFTTAIL + d.st.split as u16, 0x3ff, 8);
        self.commit(&mut pred, &[(t, tb)])
    }

    fn check_name(&self, name: &str) -> R<()> {
        if name.len() as u32 > self.cfg().name_max {
            return err(ENAMETOOLONG);
        }
        Ok(())
    }

    fn is_empty_dir(&mut self, e: &Entry) -> R<bool> {
        if e.kind != T_DIR {
            return Ok(true);
        }
        Ok(self.dir_entries(e.pair())?.is_empty())
    }
}

fn ctz_struct(head: u32, size: u32) -> [u8; 8] {
    let mut s = [0u8; 8];
    s[..4].copy_from_slice(&head.to_le_bytes());
    s[4..].copy_from_slice(&size.to_le_bytes());
    s
}

fn mtime_secs(e: &Entry) -> i64 {
    match e.attr(ATTR_MTIME) {
        Some(v) if v.len() >= 8 => {
            let ns = u64::from_le_bytes([v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]]);
            (ns / 1_000_000_000) as i64
        }
        _ => 0,
    }
}

impl Fs for Lfs2<'_> {
    fn stat(&mut self, path: &str) -> R<(bool, u32, i64)> {
        match self.lookup(path)? {
            None => Ok((true, 0, 0)),
            Some((d, id)) => {
                let e = &d.st.entries[id as usize];
                Ok((e.kind == T_DIR, e.size(), mtime_secs(e)))
            }
        }
    }

    fn list(&mut self, path: &str) -> R<Vec<(String, bool, u32)>> {
        let head = match self.lookup(path)? {
            None => self.s.root,
            Some((d, id)) => {
                let e = &d.st.entries[id as usize];
                if e.kind != T_DIR {
                    return err(ENOTDIR);
                }
                e.pair()
            }
        };
        Ok(self
            .dir_entries(head)?
            .iter()
            .map(|e| (name_str(&e.name), e.kind == T_DIR, e.size()))
            .collect())
    }

    fn read(&mut self, path: &str) -> R<Vec<u8>> {
        let Some((d, id)) = self.lookup(path)? else {
            return err(EISDIR);
        };
        let e = &d.st.entries[id as usize];
        match (e.kind, e.st_type) {
            (T_DIR, _) => err(EISDIR),
            (_, T_INLINE) => Ok(e.st.clone()),
            (_, T_CTZ) => {
                let (head, size) = (le32(&e.st, 0), le32(&e.st, 4));
                self.read_ctz(head, size)
            }
            _ => err(ECORRUPT),
        }
    }

    fn read_at(&mut self, path: &str, off: u64, len: usize) -> R<Vec<u8>> {
        let Some((d, id)) = self.lookup(path)? else {
            return err(EISDIR);
        };
        let e = &d.st.entries[id as usize];
        match (e.kind, e.st_type) {
            (T_DIR, _) => err(EISDIR),
            (_, T_INLINE) => {
                let from = usize::try_from(off).unwrap_or(usize::MAX).min(e.st.len());
                let to = from.saturating_add(len).min(e.st.len());
                Ok(e.st[from..to].to_vec())
            }
            (_, T_CTZ) => {
                let (head, size) = (le32(&e.st, 0), le32(&e.st, 4));
                let bc = self.cfg().block_count;
                ctz::read_range(&mut self.dev, bc, head, size, off, len)
            }
            _ => err(ECORRUPT),
        }
    }

    fn write(&mut self, path: &str, data: &[u8], append: bool, mtime: Option<u64>) -> R<()> {
        self.make_consistent()?;
        let (head, name) = self.parent(path)?;
        if name.is_empty() {
            return err(EISDIR);
        }
        self.check_name(name)?;
        let f = self.find(head, name.as_bytes())?;
        let cfg = self.cfg();
        let old = f.id.map(|id| f.dir.st.entries[id as usize].clone());
        if let Some(o) = &old {
            if o.kind == T_DIR {
                return err(EISDIR);
            }
        }
        let (old_type, old_st) = match (&old, append) {
            (Some(o), true) => (o.st_type, o.st.clone()),
            _ => (T_INLINE, Vec::new()),
        };
        let (st_type, st): (u16, Vec<u8>) = if old_type == T_CTZ {
            if data.is_empty() {
                (T_CTZ, old_st)
            } else {
                let s = self.ctz_append(le32(&old_st, 0), le32(&old_st, 4), data)?;
                (T_CTZ, s.to_vec())
            }
        } else {
            let mut all = old_st;
            all.extend_from_slice(data);
            if all.len() as u64 > cfg.file_max as u64 {
                return err(EFBIG);
            }
            if all.len() as u32 <= cfg.inline_max {
                (T_INLINE, all)
            } else {
                (T_CTZ, self.ctz_write(&all)?.to_vec())
            }
        };
        let id = f.id.unwrap_or(f.ins);
        let mut attrs: Vec<(u32, Vec<u8>)> = Vec::new();
        if f.id.is_none() {
            attrs.push((mktag(T_CREATE, id, 0), Vec::new()));
            attrs.push((
                mktag(T_REG, id, name.len() as u32),
                name.as_bytes().to_vec(),
            ));
        }
        attrs.push((mktag(st_type, id, st.len() as u32), st));
        if let Some(ns) = mtime {
            attrs.push((
                mktag(T_USERATTR | ATTR_MTIME as u16, id, 8),
                ns.to_le_bytes().to_vec(),
            ));
        }
        let mut d = f.dir;
        self.commit(&mut d, &attrs)
    }

    fn mkdir(&mut self, path: &str) -> R<()> {
        self.make_consistent()?;
        let (head, name) = self.parent(path)?;
        if name.is_empty() {
            return err(EEXIST);
        }
        self.check_name(name)?;
        let f = self.find(head, name.as_bytes())?;
        if f.id.is_some() {
            return err(EEXIST);
        }
        // The new pair goes into the threaded list after the directory's last pair.
        let mut pred = f.dir.clone();
        for _ in 0..self.cfg().block_count {
            if !pred.st.split {
                break;
            }
            let t = pred.st.tail;
            pred = self.fetch(t)?;
        }
        let b1 = self.alloc()?;
        let b0 = self.alloc()?;
        let st = DirState {
            entries: Vec::new(),
            tail: pred.st.tail,
            split: false,
            gdelta: [0; 12],
        };
        let mut nd = self.new_pair(b0, b1, st);
        self.write_compacted(&mut nd)?;
        let mut pb = Vec::with_capacity(8);
        pb.extend_from_slice(&nd.pair[0].to_le_bytes());
        pb.extend_from_slice(&nd.pair[1].to_le_bytes());
        let id = f.ins;
        let mut attrs = vec![
            (mktag(T_CREATE, id, 0), Vec::new()),
            (
                mktag(T_DIR, id, name.len() as u32),
                name.as_bytes().to_vec(),
            ),
            (mktag(T_DIRSTRUCT, id, 8), pb.clone()),
        ];
        let mut d = f.dir;
        if d.st.split {
            // Link it from the last pair first; until the entry exists it is an orphan.
            self.set_orphans(1);
            self.commit(&mut pred, &[(mktag(T_SOFTTAIL, 0x3ff, 8), pb)])?;
            self.set_orphans(-1);
            d = self.fetch(d.pair)?;
        } else {
            attrs.push((mktag(T_SOFTTAIL, 0x3ff, 8), pb));
        }
        self.commit(&mut d, &attrs)
    }

    fn remove(&mut self, path: &str) -> R<()> {
        self.make_consistent()?;
        let Some((mut d, id)) = self.lookup(path)? else {
            return err(EINVAL);
        };
        let e = d.st.entries[id as usize].clone();
        if !self.is_empty_dir(&e)? {
            return err(ENOTEMPTY);
        }
        let is_dir = e.kind == T_DIR;
        if is_dir {
            self.set_orphans(1);
        }
        self.commit(&mut d, &[(mktag(T_DELETE, id, 0), Vec::new())])?;
        if is_dir {
            self.set_orphans(-1);
            self.drop_dir(e.pair())?;
        }
        Ok(())
    }

    fn rename(&mut self, from: &str, to: &str) -> R<()> {
        self.make_consistent()?;
        let Some((od, oid)) = self.lookup(from)? else {
            return err(EINVAL);
        };
        let old = od.st.entries[oid as usize].clone();
        let (head, name) = self.parent(to)?;
        if name.is_empty() {
            return err(EINVAL);
        }
        self.check_name(name)?;
        if old.kind == T_DIR
            && to.len() > from.len()
            && to.starts_with(from)
            && to.as_bytes().get(from.len()) == Some(&b'/')
        {
            return err(EINVAL);
        }
        let f = self.find(head, name.as_bytes())?;
        let samepair = pair_eq(od.pair, f.dir.pair);
        let mut newoldid = oid;
        let mut prev: Option<Entry> = None;
        let newid;
        match f.id {
            Some(pid) => {
                let p = f.dir.st.entries[pid as usize].clone();
                if p.kind != old.kind {
                    return err(if p.kind == T_DIR { EISDIR } else { ENOTDIR });
                }
                if samepair && pid == oid {
                    return Ok(());
                }
                if !self.is_empty_dir(&p)? {
                    return err(ENOTEMPTY);
                }
                if p.kind == T_DIR {
                    self.set_orphans(1);
                }
                newid = pid;
                prev = Some(p);
            }
            None => {
                newid = f.ins;
                if samepair && newid <= oid {
                    newoldid += 1;
                }
            }
        }
        if !samepair {
            let t = (le32(&self.gstate, 0) & !mktag(0x7ff, 0x3ff, 0)) | mktag(T_DELETE, oid, 0);
            self.gstate[..4].copy_from_slice(&t.to_le_bytes());
            self.gstate[4..8].copy_from_slice(&od.pair[0].to_le_bytes());
            self.gstate[8..].copy_from_slice(&od.pair[1].to_le_bytes());
        }
        let mut attrs: Vec<(u32, Vec<u8>)> = Vec::new();
        if prev.is_some() {
            attrs.push((mktag(T_DELETE, newid, 0), Vec::new()));
        }
        attrs.push((mktag(T_CREATE, newid, 0), Vec::new()));
        attrs.push((
            mktag(old.kind, newid, name.len() as u32),
            name.as_bytes().to_vec(),
        ));
        if old.st_type != 0 {
            attrs.push((
                mktag(old.st_type, newid, old.st.len() as u32),
                old.st.clone(),
            ));
        }
        for (k, v) in &old.attrs {
            attrs.push((
                mktag(T_USERATTR | *k as u16, newid, v.len() as u32),
                v.clone(),
            ));
        }
        if samepair {
            attrs.push((mktag(T_DELETE, newoldid, 0), Vec::new()));
        }
        let mut nd = f.dir;
        self.commit(&mut nd, &attrs)?;
        if !samepair {
            let t = le32(&self.gstate, 0) & !mktag(0x7ff, 0x3ff, 0);
            self.gstate[..4].copy_from_slice(&t.to_le_bytes());
            self.gstate[4..].fill(0);
            let mut od = self.fetch(od.pair)?;
            self.commit(&mut od, &[(mktag(T_DELETE, oid, 0), Vec::new())])?;
        }
        if let Some(p) = prev {
            if p.kind == T_DIR {
                self.set_orphans(-1);
                self.drop_dir(p.pair())?;
            }
        }
        Ok(())
    }

    fn statvfs(&mut self) -> R<[i64; 3]> {
        let cfg = self.cfg();
        let pairs = self.walk_pairs()?;
        let mut used: u64 = 0;
        for d in &pairs {
            used += 2;
            for e in &d.st.entries {
                if e.st_type == T_CTZ {
                    let size = le32(&e.st, 4);
                    if size > 0 {
                        used += ctz::index(cfg.block_size, size - 1).0 as u64 + 1;
                    }
                } else if e.st_type == T_DIRSTRUCT && e.kind == T_DIR {
                    // MicroPython counts with littlefs's traversal that includes the pairs
                    // directory entries point at, so a directory's pair counts twice.
                    used += 2;
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

    /// A RAM block device (erase fills with 0xff), optionally dropping programs after a count.
    struct Ram {
        bs: u32,
        data: Vec<u8>,
        progs_left: Option<usize>,
    }

    impl Ram {
        fn new(bs: u32, n: u32) -> Self {
            Ram {
                bs,
                data: vec![0; (bs * n) as usize],
                progs_left: None,
            }
        }
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
            if let Some(n) = self.progs_left.as_mut() {
                if *n == 0 {
                    return err(EIO);
                }
                *n -= 1;
            }
            let a = (block * self.bs + off) as usize;
            match self.data.get_mut(a..a + data.len()) {
                Some(s) => {
                    s.copy_from_slice(data);
                    Ok(())
                }
                None => err(EIO),
            }
        }
        fn erase(&mut self, block: u32) -> R<()> {
            let a = (block * self.bs) as usize;
            if let Some(s) = self.data.get_mut(a..a + self.bs as usize) {
                s.fill(0xff);
            }
            Ok(())
        }
    }

    fn cfg(bs: u32, n: u32) -> Cfg {
        Cfg::new(bs, n, 32, 32, 32)
    }

    fn fresh(bs: u32, n: u32) -> (Ram, State) {
        let mut ram = Ram::new(bs, n);
        mkfs(&mut ram, cfg(bs, n)).unwrap();
        let st = mount(&mut ram, cfg(bs, n)).unwrap();
        (ram, st)
    }

    #[test]
    fn round_trips() {
        let (mut ram, mut st) = fresh(1024, 30);
        let mut fs = Lfs2::new(&mut ram, &mut st);
        assert_eq!(fs.statvfs().unwrap(), [1024, 30, 28]);
        fs.write("/test", b"littlefs", false, Some(5_000_000_000))
            .unwrap();
        assert_eq!(fs.read("/test").unwrap(), b"littlefs");
        assert_eq!(fs.stat("/test").unwrap(), (false, 8, 5));
        fs.mkdir("/testdir").unwrap();
        let names: Vec<String> = fs.list("/").unwrap().into_iter().map(|e| e.0).collect();
        assert_eq!(names, ["testdir", "test"]);
        let big: Vec<u8> = (0..16384u32).map(|i| (i * 7 % 251) as u8).collect();
        fs.write("/testbig", &big[..4096], false, None).unwrap();
        for k in 1..4 {
            fs.write("/testbig", &big[k * 4096..(k + 1) * 4096], true, None)
                .unwrap();
        }
        assert_eq!(fs.read("/testbig").unwrap(), big);
        assert_eq!(fs.statvfs().unwrap(), [1024, 30, 7]);
        fs.rename("/testbig", "/testdir/big").unwrap();
        assert_eq!(fs.read("/testdir/big").unwrap(), big);
        assert_eq!(fs.read("/testbig"), err(ENOENT));
        fs.remove("/testdir/big").unwrap();
        assert_eq!(fs.remove("/nothing"), err(ENOENT));
        fs.remove("/testdir").unwrap();
        assert_eq!(fs.statvfs().unwrap(), [1024, 30, 28]);
        drop(fs);
        let mut st = mount(&mut ram, cfg(1024, 30)).unwrap();
        let mut fs = Lfs2::new(&mut ram, &mut st);
        assert_eq!(fs.read("/test").unwrap(), b"littlefs");
    }

    #[test]
    fn many_files_compact_and_split() {
        let (mut ram, mut st) = fresh(512, 64);
        let mut fs = Lfs2::new(&mut ram, &mut st);
        for i in 0..60 {
            let name = alloc::format!("/file{:03}", i);
            fs.write(&name, name.as_bytes(), false, None).unwrap();
        }
        for i in (0..60).step_by(3) {
            fs.remove(&alloc::format!("/file{:03}", i)).unwrap();
        }
        // New directories in a split directory go after its last pair in the threaded list.
        fs.mkdir("/aaa").unwrap();
        fs.mkdir("/zzz").unwrap();
        fs.write("/aaa/in", b"in", false, None).unwrap();
        assert_eq!(fs.list("/").unwrap().len(), 42);
        fs.remove("/zzz").unwrap();
        drop(fs);
        let mut st = mount(&mut ram, cfg(512, 64)).unwrap();
        let mut fs = Lfs2::new(&mut ram, &mut st);
        let l = fs.list("/").unwrap();
        assert_eq!(l.len(), 41);
        assert_eq!(fs.read("/aaa/in").unwrap(), b"in");
        for (n, is_dir, _) in &l {
            if *is_dir {
                continue;
            }
            let p = alloc::format!("/{}", n);
            assert_eq!(fs.read(&p).unwrap(), p.as_bytes());
        }
        assert!(fs.walk_pairs().unwrap().len() > 1);
    }

    #[test]
    fn lost_write_keeps_old_state() {
        let (mut ram, mut st) = fresh(512, 32);
        {
            let mut fs = Lfs2::new(&mut ram, &mut st);
            fs.write("/a", b"one", false, None).unwrap();
        }
        ram.progs_left = Some(0);
        {
            let mut fs = Lfs2::new(&mut ram, &mut st);
            assert!(fs.write("/a", b"two", false, None).is_err());
        }
        ram.progs_left = None;
        let mut st = mount(&mut ram, cfg(512, 32)).unwrap();
        let mut fs = Lfs2::new(&mut ram, &mut st);
        assert_eq!(fs.read("/a").unwrap(), b"one");
    }

    #[test]
    fn corrupt_images_never_panic() {
        let (ram, _) = fresh(256, 16);
        let base = ram.data.clone();
        let mut seed = 12345u32;
        for round in 0..300 {
            let mut ram = Ram::new(256, 16);
            ram.data = base.clone();
            for _ in 0..(1 + round % 40) {
                seed = seed.wrapping_mul(1103515245).wrapping_add(12345);
                let at = (seed >> 8) as usize % ram.data.len();
                ram.data[at] = (seed >> 3) as u8;
            }
            if let Ok(mut st) = mount(&mut ram, cfg(256, 16)) {
                let mut fs = Lfs2::new(&mut ram, &mut st);
                let _ = fs.list("/");
                let _ = fs.read("/x");
                let _ = fs.write("/y", &[1; 300], false, None);
                let _ = fs.statvfs();
            }
        }
    }

    fn names(fs: &mut Lfs2, p: &str) -> Vec<String> {
        fs.list(p).unwrap().into_iter().map(|e| e.0).collect()
    }

    #[test]
    fn interrupted_operations_leave_a_mountable_image() {
        // Every prefix of the programs of a cross-directory rename, a rmdir and a large write:
        // the image must mount, list and read, with each file present exactly once.
        let (base, _) = {
            let (mut ram, mut st) = fresh(256, 48);
            let mut fs = Lfs2::new(&mut ram, &mut st);
            fs.mkdir("/a").unwrap();
            fs.mkdir("/b").unwrap();
            fs.mkdir("/b/c").unwrap();
            fs.write("/a/f", b"payload", false, None).unwrap();
            drop(fs);
            (ram.data.clone(), st)
        };
        for k in 0..40 {
            let mut ram = Ram::new(256, 48);
            ram.data = base.clone();
            let mut st = mount(&mut ram, cfg(256, 48)).unwrap();
            ram.progs_left = Some(k);
            {
                let mut fs = Lfs2::new(&mut ram, &mut st);
                let _ = fs
                    .rename("/a/f", "/b/f")
                    .and_then(|_| fs.remove("/b/c"))
                    .and_then(|_| fs.write("/b/big", &[7u8; 2000], false, None));
            }
            ram.progs_left = None;
            let mut st = mount(&mut ram, cfg(256, 48)).unwrap();
            let mut fs = Lfs2::new(&mut ram, &mut st);
            let a = names(&mut fs, "/a");
            let b = names(&mut fs, "/b");
            let found =
                a.iter().filter(|n| *n == "f").count() + b.iter().filter(|n| *n == "f").count();
            assert_eq!(found, 1, "k={} a={:?} b={:?}", k, a, b);
            // The first change makes the file system consistent (pending move, orphans).
            fs.write("/z", b"", false, None).unwrap();
            let a = names(&mut fs, "/a");
            let b = names(&mut fs, "/b");
            let found =
                a.iter().filter(|n| *n == "f").count() + b.iter().filter(|n| *n == "f").count();
            assert_eq!(found, 1, "k={} a={:?} b={:?}", k, a, b);
            let path = if a.contains(&String::from("f")) {
                "/a/f"
            } else {
                "/b/f"
            };
            assert_eq!(fs.read(path).unwrap(), b"payload");
            if b.contains(&String::from("big")) {
                let d = fs.read("/b/big").unwrap();
                assert!(d.is_empty() || d == [7u8; 2000]);
            }
            let used = 48 - fs.statvfs().unwrap()[2];
            let dirs = 2 + if b.contains(&String::from("c")) { 1 } else { 0 };
            assert!(used >= 2 + 4 * dirs, "k={}", k);
        }
    }

    #[test]
    fn random_images_never_panic() {
        let mut seed = 99u32;
        for _ in 0..200 {
            let mut ram = Ram::new(128, 8);
            for b in ram.data.iter_mut() {
                seed = seed.wrapping_mul(1103515245).wrapping_add(12345);
                *b = (seed >> 16) as u8;
            }
            // A plausible start for some of them, so that parsing goes further.
            if seed.is_multiple_of(2) {
                let (good, _) = fresh(128, 8);
                ram.data[..256].copy_from_slice(&good.data[..256]);
                let at = (seed >> 8) as usize % 256;
                ram.data[at] ^= 0x5a;
            }
            if let Ok(mut st) = mount(&mut ram, cfg(128, 8)) {
                let mut fs = Lfs2::new(&mut ram, &mut st);
                let _ = fs.list("/");
                let _ = fs.stat("/a/b");
                let _ = fs.mkdir("/d");
                let _ = fs.write("/d/x", &[3; 500], false, None);
                let _ = fs.rename("/d/x", "/y");
                let _ = fs.statvfs();
            }
        }
    }

    #[test]
    fn full_disk_is_enospc_and_recovers() {
        let mut ram = Ram::new(512, 16);
        let cfg = Cfg::new(512, 16, 32, 32, 32);
        mkfs(&mut ram, cfg).unwrap();
        let mut st = mount(&mut ram, cfg).unwrap();
        let mut fs = Lfs2::new(&mut ram, &mut st);
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

    #[test]
    fn streamed_reads_and_appends_match_whole_file() {
        let (mut ram, mut st) = fresh(256, 200);
        let mut fs = Lfs2::new(&mut ram, &mut st);
        let mut want = Vec::new();
        // Appends of awkward sizes build a CTZ list; skip pointers come from the list itself.
        for k in 0..60u32 {
            let chunk: Vec<u8> = (0..(k * 37 % 301 + 1)).map(|i| (i ^ k) as u8).collect();
            fs.write_at("/f", want.len() as u64, &chunk, None).unwrap();
            want.extend_from_slice(&chunk);
        }
        assert_eq!(fs.read("/f").unwrap(), want);
        for (off, len) in [
            (0, 10),
            (200, 700),
            (want.len() - 5, 100),
            (1234, 1),
            (0, 1 << 20),
        ] {
            let got = fs.read_at("/f", off as u64, len).unwrap();
            assert_eq!(got, want[off..(off + len).min(want.len())]);
        }
        assert!(fs
            .read_at("/f", want.len() as u64 + 3, 5)
            .unwrap()
            .is_empty());
        // An overwrite in the middle and a truncation.
        fs.write_at("/f", 100, b"XYZ", None).unwrap();
        want[100..103].copy_from_slice(b"XYZ");
        fs.truncate("/f", 500, None).unwrap();
        want.truncate(500);
        assert_eq!(fs.read("/f").unwrap(), want);
    }
}
