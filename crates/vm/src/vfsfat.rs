//! The FAT file system engine behind `vfs.VfsFat`: FAT12, FAT16 and FAT32 volumes with long file
//! names, stored on any block device through the [`BlockIo`] trait.
//!
//! The layout `mkfs` writes follows FatFs's documented `f_mkfs` defaults as MicroPython uses them
//! (no partition table, one FAT, 512 root entries, cluster size chosen from the volume size), so
//! `statvfs()` reports the same figures as MicroPython for the same device. The engine is whole-file
//! oriented, like the rest of the VFS: a file is read or written in one operation. Metadata
//! sectors go through a small write-back cache that [`Fat::flush`] writes out; every value read
//! from the image is checked, so a corrupt image gives an error (EIO or ENODEV), never a panic.

use alloc::collections::BTreeMap;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

use crate::moderrno::codes::*;
use crate::port::Errno;
use crate::PyErr;

/// An error of a FAT operation: an errno, or an exception raised by a Python block device.
pub enum FsErr {
    /// An errno value.
    Errno(Errno),
    /// An exception from the block device's methods.
    Py(PyErr),
}

impl From<Errno> for FsErr {
    fn from(e: Errno) -> Self {
        FsErr::Errno(e)
    }
}

impl core::fmt::Debug for FsErr {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            FsErr::Errno(e) => write!(f, "Errno({})", e),
            FsErr::Py(_) => write!(f, "Py"),
        }
    }
}

impl PartialEq for FsErr {
    fn eq(&self, other: &Self) -> bool {
        matches!((self, other), (FsErr::Errno(a), FsErr::Errno(b)) if a == b)
    }
}

type R<T> = Result<T, FsErr>;

/// `ENOSPC`: no free cluster (or directory slot) left.
pub const ENOSPC: Errno = 28;
/// `EFBIG`: a file would pass FAT's 4 GiB limit.
pub const EFBIG: Errno = 27;

/// A block device: whole blocks of the volume's sector size, read and written by number.
pub trait BlockIo {
    /// Read `buf.len()` bytes (a whole number of blocks) starting at `block`.
    fn read(&mut self, block: u32, buf: &mut [u8]) -> R<()>;
    /// Write `buf` (a whole number of blocks) starting at `block`.
    fn write(&mut self, block: u32, buf: &[u8]) -> R<()>;
}

const MAX_FAT12: u32 = 0xFF5;
const MAX_FAT16: u32 = 0xFFF5;
const MAX_FAT32: u32 = 0x0FFF_FFF5;
const ATTR_RO: u8 = 0x01;
const ATTR_VOL: u8 = 0x08;
const ATTR_DIR: u8 = 0x10;
const ATTR_ARC: u8 = 0x20;
const ATTR_LFN: u8 = 0x0F;
const FREE: u8 = 0xE5;
/// Longest name (in UTF-16 units), as FatFs's `FF_MAX_LFN`.
pub const MAX_LFN: usize = 255;

fn le16(b: &[u8], at: usize) -> u32 {
    match b.get(at..at + 2) {
        Some(s) => u16::from_le_bytes([s[0], s[1]]) as u32,
        None => 0,
    }
}

fn le32(b: &[u8], at: usize) -> u32 {
    match b.get(at..at + 4) {
        Some(s) => u32::from_le_bytes([s[0], s[1], s[2], s[3]]),
        None => 0,
    }
}

fn put16(b: &mut [u8], at: usize, v: u32) {
    if let Some(s) = b.get_mut(at..at + 2) {
        s.copy_from_slice(&(v as u16).to_le_bytes());
    }
}

fn put32(b: &mut [u8], at: usize, v: u32) {
    if let Some(s) = b.get_mut(at..at + 4) {
        s.copy_from_slice(&v.to_le_bytes());
    }
}

/// The layout of a mounted volume (all sector numbers absolute on the device).
#[derive(Clone, Copy, Debug, Default)]
pub struct Geo {
    /// Bytes per sector.
    pub ss: u32,
    /// Sectors per cluster.
    pub csize: u32,
    /// 12, 16 or 32.
    pub fat_type: u8,
    /// First sector of the first FAT.
    pub fat_start: u32,
    /// Number of FAT copies.
    pub n_fats: u32,
    /// Sectors per FAT.
    pub fat_size: u32,
    /// First sector of the FAT12/16 root directory.
    pub root_start: u32,
    /// Sectors of the FAT12/16 root directory.
    pub root_sectors: u32,
    /// First cluster of the FAT32 root directory.
    pub root_clus: u32,
    /// First sector of cluster 2.
    pub data_start: u32,
    /// Number of FAT entries (clusters + 2).
    pub n_fatent: u32,
    /// The volume's serial number.
    pub serial: u32,
}

/// The layout FatFs's `f_mkfs` picks for a volume of `sz_vol` sectors: FAT12/16 (`fat32` false,
/// as MicroPython asks first) or FAT32. Returns (fat type, sectors per cluster, reserved sectors,
/// sectors per FAT, root directory sectors); EINVAL when no valid layout exists.
fn mkfs_layout(sz_vol: u32, ss: u32, fat32: bool) -> Result<(u8, u32, u32, u32, u32), Errno> {
    let n_rootdir = 512u32;
    let cst: [u32; 6] = [1, 4, 16, 64, 256, 512];
    let cst32: [u32; 6] = [1, 2, 4, 8, 16, 32];
    let table_au = |n: u32, table: &[u32; 6]| {
        let mut pau = 1u32;
        for &c in table {
            if c > n {
                break;
            }
            pau <<= 1;
        }
        pau
    };
    let mut au = 0u32;
    let mut fmt = if fat32 { 32u8 } else { 16u8 };
    for _ in 0..32 {
        let mut pau = au;
        let (sz_fat, sz_rsv, sz_dir);
        if fmt == 32 {
            if pau == 0 {
                pau = table_au(sz_vol / 0x20000, &cst32);
            }
            let nc = sz_vol / pau;
            sz_fat = (nc as u64 * 4 + 8).div_ceil(ss as u64) as u32;
            sz_rsv = 32;
            sz_dir = 0;
            if nc <= MAX_FAT16 || nc > MAX_FAT32 {
                return Err(EINVAL);
            }
        } else {
            if pau == 0 {
                pau = table_au(sz_vol / 0x1000, &cst);
            }
            let nc = sz_vol / pau;
            let bytes = if nc > MAX_FAT12 {
                nc as u64 * 2 + 4
            } else {
                fmt = 12;
                (nc as u64 * 3).div_ceil(2) + 3
            };
            sz_fat = bytes.div_ceil(ss as u64).min(u32::MAX as u64) as u32;
            sz_rsv = 1;
            sz_dir = n_rootdir * 32 / ss;
        }
        let b_data = sz_rsv as u64 + sz_fat as u64 + sz_dir as u64;
        if (sz_vol as u64) < b_data + pau as u64 * 16 {
            return Err(EINVAL);
        }
        let n_clst = (sz_vol as u64 - b_data) as u32 / pau;
        if fmt == 32 && n_clst <= MAX_FAT16 {
            if au == 0 && pau / 2 != 0 {
                au = pau / 2;
                continue;
            }
            return Err(EINVAL);
        }
        if fmt == 16 {
            if n_clst > MAX_FAT16 {
                if au == 0 && pau * 2 <= 64 {
                    au = pau * 2;
                    continue;
                }
                if au == 0 && pau * 2 <= 128 {
                    au = pau * 2;
                    continue;
                }
                return Err(EINVAL);
            }
            if n_clst <= MAX_FAT12 {
                if au == 0 && pau * 2 <= 128 {
                    au = pau * 2;
                    continue;
                }
                return Err(EINVAL);
            }
        }
        if fmt == 12 && n_clst > MAX_FAT12 {
            return Err(EINVAL);
        }
        return Ok((fmt, pau, sz_rsv, sz_fat, sz_dir));
    }
    Err(EINVAL)
}

/// Make a new, empty FAT volume on a device of `sz_drv` sectors of `ss` bytes, as MicroPython's
/// `VfsFat.mkfs` does: FAT12/16 filling the device when a valid layout exists, otherwise FAT32
/// in a partition starting at sector 63 behind a partition table (`fattime` gives the serial
/// number, as FatFs derives it from the clock).
pub fn mkfs(dev: &mut dyn BlockIo, sz_drv: u32, ss: u32, fattime: u32) -> R<()> {
    if !(512..=4096).contains(&ss) || !ss.is_power_of_two() {
        return Err(EINVAL.into());
    }
    let (b_vol, sz_vol, (fmt, pau, sz_rsv, sz_fat, sz_dir)) = match mkfs_layout(sz_drv, ss, false) {
        Ok(l) => (0, sz_drv, l),
        Err(_) => {
            let sz_vol = sz_drv.checked_sub(63).ok_or(FsErr::Errno(EINVAL))?;
            (63, sz_vol, mkfs_layout(sz_vol, ss, true)?)
        }
    };
    let ssu = ss as usize;
    let mut bs = vec![0u8; ssu];
    bs[..3].copy_from_slice(&[0xEB, 0xFE, 0x90]);
    bs[3..11].copy_from_slice(b"MSDOS5.0");
    put16(&mut bs, 11, ss);
    bs[13] = pau as u8;
    put16(&mut bs, 14, sz_rsv);
    bs[16] = 1;
    put16(&mut bs, 17, if fmt == 32 { 0 } else { sz_dir * ss / 32 });
    if sz_vol < 0x10000 {
        put16(&mut bs, 19, sz_vol);
    } else {
        put32(&mut bs, 32, sz_vol);
    }
    bs[21] = 0xF8;
    put16(&mut bs, 24, 63);
    put16(&mut bs, 26, 255);
    put32(&mut bs, 28, b_vol);
    if fmt == 32 {
        put32(&mut bs, 36, sz_fat);
        put32(&mut bs, 44, 2);
        put16(&mut bs, 48, 1);
        put16(&mut bs, 50, 6);
        bs[64] = 0x80;
        bs[66] = 0x29;
        put32(&mut bs, 67, fattime);
        bs[71..82].copy_from_slice(b"NO NAME    ");
        bs[82..90].copy_from_slice(b"FAT32   ");
    } else {
        put16(&mut bs, 22, sz_fat);
        bs[36] = 0x80;
        bs[38] = 0x29;
        put32(&mut bs, 39, fattime);
        bs[43..54].copy_from_slice(b"NO NAME    ");
        bs[54..62].copy_from_slice(if fmt == 12 { b"FAT12   " } else { b"FAT16   " });
    }
    put16(&mut bs, 510, 0xAA55);
    dev.write(b_vol, &bs)?;
    let zero = vec![0u8; ssu];
    if fmt == 32 {
        dev.write(b_vol + 6, &bs)?;
        let n_clst = (sz_vol - sz_rsv - sz_fat) / pau;
        let mut fsi = vec![0u8; ssu];
        put32(&mut fsi, 0, 0x4161_5252);
        put32(&mut fsi, 484, 0x6141_7272);
        put32(&mut fsi, 488, n_clst - 1);
        put32(&mut fsi, 492, 2);
        put16(&mut fsi, 510, 0xAA55);
        dev.write(b_vol + 1, &fsi)?;
        dev.write(b_vol + 7, &fsi)?;
        for s in 2..sz_rsv {
            if s != 6 && s != 7 {
                dev.write(b_vol + s, &zero)?;
            }
        }
        // The partition table: one FAT32 (LBA) partition.
        let mut mbr = vec![0u8; ssu];
        let end = (b_vol as u64 + sz_vol as u64) / (63 * 255);
        let pte = &mut mbr[446..462];
        pte[1] = 1;
        pte[2] = 1;
        pte[4] = 0x0C;
        pte[5] = 254;
        pte[6] = (end >> 2 | 63) as u8;
        pte[7] = end as u8;
        put32(pte, 8, b_vol);
        put32(pte, 12, sz_vol);
        put16(&mut mbr, 510, 0xAA55);
        dev.write(0, &mbr)?;
    }
    let mut first = vec![0u8; ssu];
    match fmt {
        12 => first[..3].copy_from_slice(&[0xF8, 0xFF, 0xFF]),
        16 => first[..4].copy_from_slice(&[0xF8, 0xFF, 0xFF, 0xFF]),
        _ => {
            put32(&mut first, 0, 0x0FFF_FFF8);
            put32(&mut first, 4, 0xFFFF_FFFF);
            put32(&mut first, 8, 0x0FFF_FFFF);
        }
    }
    let b_fat = b_vol + sz_rsv;
    dev.write(b_fat, &first)?;
    for s in 1..sz_fat {
        dev.write(b_fat + s, &zero)?;
    }
    let dir_len = if fmt == 32 { pau } else { sz_dir };
    for s in 0..dir_len {
        dev.write(b_fat + sz_fat + s, &zero)?;
    }
    Ok(())
}

/// Read and check the boot sector (or the first partition of an MBR) of a volume.
pub fn mount(dev: &mut dyn BlockIo, ss: u32) -> R<Geo> {
    if !(512..=4096).contains(&ss) || !ss.is_power_of_two() {
        return Err(ENODEV.into());
    }
    let mut bs = vec![0u8; ss as usize];
    dev.read(0, &mut bs)?;
    let mut base = 0;
    if !is_vbr(&bs, ss) {
        // A partition table: use the first partition.
        if le16(&bs, 510) != 0xAA55 {
            return Err(ENODEV.into());
        }
        base = le32(&bs, 446 + 8);
        if base == 0 {
            return Err(ENODEV.into());
        }
        dev.read(base, &mut bs)?;
        if !is_vbr(&bs, ss) {
            return Err(ENODEV.into());
        }
    }
    let csize = bs[13] as u32;
    let rsv = le16(&bs, 14);
    let n_fats = bs[16] as u32;
    let n_root = le16(&bs, 17);
    let mut fat_size = le16(&bs, 22);
    if fat_size == 0 {
        fat_size = le32(&bs, 36);
    }
    let mut total = le16(&bs, 19);
    if total == 0 {
        total = le32(&bs, 32);
    }
    let bad = csize == 0
        || !csize.is_power_of_two()
        || rsv == 0
        || !(1..=2).contains(&n_fats)
        || fat_size == 0
        || !n_root.is_multiple_of(ss / 32);
    if bad {
        return Err(ENODEV.into());
    }
    let root_sectors = n_root * 32 / ss;
    let sysect = rsv as u64 + fat_size as u64 * n_fats as u64 + root_sectors as u64;
    if (total as u64) < sysect || base as u64 + total as u64 > u32::MAX as u64 {
        return Err(ENODEV.into());
    }
    let n_clst = (total as u64 - sysect) / csize as u64;
    if n_clst == 0 || n_clst > MAX_FAT32 as u64 {
        return Err(ENODEV.into());
    }
    let n_clst = n_clst as u32;
    let fat_type = if n_clst <= MAX_FAT12 {
        12
    } else if n_clst <= MAX_FAT16 {
        16
    } else {
        32
    };
    let n_fatent = n_clst + 2;
    let need = match fat_type {
        12 => (n_fatent as u64 * 3).div_ceil(2),
        16 => n_fatent as u64 * 2,
        _ => n_fatent as u64 * 4,
    };
    if (fat_size as u64) * (ss as u64) < need {
        return Err(ENODEV.into());
    }
    if (fat_type == 32) != (n_root == 0) {
        return Err(ENODEV.into());
    }
    let fat_start = base + rsv;
    let root_start = fat_start + fat_size * n_fats;
    let root_clus = if fat_type == 32 { le32(&bs, 44) } else { 0 };
    if fat_type == 32 && !(2..n_fatent).contains(&root_clus) {
        return Err(ENODEV.into());
    }
    let serial = if fat_type == 32 {
        le32(&bs, 67)
    } else {
        le32(&bs, 39)
    };
    Ok(Geo {
        ss,
        csize,
        fat_type,
        fat_start,
        n_fats,
        fat_size,
        root_start,
        root_sectors,
        root_clus,
        data_start: root_start + root_sectors,
        n_fatent,
        serial,
    })
}

fn is_vbr(bs: &[u8], ss: u32) -> bool {
    let jump = matches!(bs.first(), Some(0xEB) | Some(0xE9) | Some(0xE8));
    jump && le16(bs, 11) == ss && le16(bs, 510) == 0xAA55
}

/// A directory: the FAT12/16 fixed root, or a cluster chain.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Dir {
    Root16,
    Clus(u32),
}

/// A directory entry found by a scan.
#[derive(Clone, Debug)]
pub struct Entry {
    /// The long name (or the short one).
    pub name: String,
    sfn: [u8; 11],
    /// Attribute bits.
    pub attr: u8,
    /// First cluster (0 for an empty file).
    pub clus: u32,
    /// Size in bytes.
    pub size: u32,
    /// Modification time as FAT date << 16 | time.
    pub mtime: u32,
    first: usize,
    last: usize,
}

impl Entry {
    /// True for a directory.
    pub fn is_dir(&self) -> bool {
        self.attr & ATTR_DIR != 0
    }
}

/// A resolved path.
enum Node {
    Root,
    Ent(Dir, Entry),
}

/// Where the last streamed access to a file's cluster chain stopped (kept by the volume between
/// operations, forgotten when a chain may have been freed).
#[derive(Clone, Copy, Debug)]
pub struct Cursor {
    /// The chain's first cluster.
    pub first: u32,
    /// Index of `clus` in the chain.
    pub idx: u32,
    /// The cluster.
    pub clus: u32,
}

/// The result of `Fat::stat`: (is_dir, size, FAT date << 16 | time).
pub type Stat = (bool, u32, u32);

struct Sector {
    data: Vec<u8>,
    dirty: bool,
}

/// One operation on a mounted volume: the device, its layout and a sector cache.
pub struct Fat<'a> {
    dev: &'a mut dyn BlockIo,
    /// The volume layout.
    pub geo: Geo,
    /// Where the next cluster search starts.
    pub hint: u32,
    /// Current time as FAT date << 16 | time, for new and modified entries.
    pub now: u32,
    cache: BTreeMap<u32, Sector>,
}

fn sfn_sum(sfn: &[u8; 11]) -> u8 {
    sfn.iter()
        .fold(0u8, |s, &b| (s >> 1 | (s & 1) << 7).wrapping_add(b))
}

fn valid_sfn_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!#$%&'()-@^_`{}~".contains(c)
}

/// Check a name component: FatFs's rules (no control or reserved characters, no `.`/`..`).
fn check_name(name: &str) -> Result<&str, Errno> {
    let name = name.trim_end_matches(['.', ' ']);
    if name.is_empty() || name.encode_utf16().count() > MAX_LFN {
        return Err(EINVAL);
    }
    if name
        .chars()
        .any(|c| (c as u32) < 0x20 || "\"*/:<>?\\|\x7f".contains(c))
    {
        return Err(EINVAL);
    }
    Ok(name)
}

/// An 8.3 name and case flags, when `name` can be stored without a long name.
fn as_sfn(name: &str) -> Option<([u8; 11], u8)> {
    let (body, ext) = match name.rfind('.') {
        Some(i) => (&name[..i], &name[i + 1..]),
        None => (name, ""),
    };
    if body.is_empty() || body.len() > 8 || ext.len() > 3 || body.contains('.') {
        return None;
    }
    if !body.chars().chain(ext.chars()).all(valid_sfn_char) {
        return None;
    }
    let mut flags = 0;
    for (part, bit) in [(body, 0x08), (ext, 0x10)] {
        let lower = part.chars().any(|c| c.is_ascii_lowercase());
        let upper = part.chars().any(|c| c.is_ascii_uppercase());
        if lower && upper {
            return None;
        }
        if lower {
            flags |= bit;
        }
    }
    let mut sfn = [b' '; 11];
    for (i, b) in body.bytes().enumerate() {
        sfn[i] = b.to_ascii_uppercase();
    }
    for (i, b) in ext.bytes().enumerate() {
        sfn[8 + i] = b.to_ascii_uppercase();
    }
    if sfn[0] == FREE {
        sfn[0] = 0x05;
    }
    Some((sfn, flags))
}

/// The base of a generated short name for a long one (`~N` is added later).
fn sfn_base(name: &str) -> ([u8; 8], usize, [u8; 3]) {
    let name = name.trim_start_matches('.');
    let (body, ext) = match name.rfind('.') {
        Some(i) => (&name[..i], &name[i + 1..]),
        None => (name, ""),
    };
    let conv = |c: char| -> Option<u8> {
        if c == ' ' || c == '.' {
            None
        } else if valid_sfn_char(c) {
            Some(c.to_ascii_uppercase() as u8)
        } else {
            Some(b'_')
        }
    };
    let mut b = [b' '; 8];
    let mut n = 0;
    for c in body.chars().filter_map(conv).take(8) {
        b[n] = c;
        n += 1;
    }
    let mut e = [b' '; 3];
    for (i, c) in ext.chars().filter_map(conv).take(3).enumerate() {
        e[i] = c;
    }
    (b, n, e)
}

fn sfn_display(sfn: &[u8; 11], ntres: u8) -> String {
    let mut s = String::new();
    for (i, &b) in sfn[..8].iter().enumerate() {
        if b == b' ' {
            break;
        }
        let b = if i == 0 && b == 0x05 { FREE } else { b };
        let c = if ntres & 0x08 != 0 {
            b.to_ascii_lowercase()
        } else {
            b
        };
        s.push(c as char);
    }
    if sfn[8] != b' ' {
        s.push('.');
        for &b in &sfn[8..] {
            if b == b' ' {
                break;
            }
            let c = if ntres & 0x10 != 0 {
                b.to_ascii_lowercase()
            } else {
                b
            };
            s.push(c as char);
        }
    }
    s
}

fn names_equal(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.chars().zip(b.chars()).all(|(x, y)| fold(x) == fold(y))
}

fn fold(c: char) -> char {
    c.to_uppercase().next().unwrap_or(c)
}

/// FAT date << 16 | time to seconds since 1970.
pub fn fattime_to_secs(t: u32) -> i64 {
    let (date, time) = (t >> 16, t & 0xFFFF);
    let y = 1980 + (date >> 9) as i64;
    let m = ((date >> 5) & 15).clamp(1, 12) as i64;
    let d = (date & 31).max(1) as i64;
    let secs = (time >> 11) as i64 * 3600 + ((time >> 5) & 63) as i64 * 60 + (time & 31) as i64 * 2;
    crate::modtime::days_from_civil(y, m, d) * 86_400 + secs
}

/// Seconds since 1970 to FAT date << 16 | time (clamped to FAT's 1980..2107 range).
pub fn secs_to_fattime(secs: i64) -> u32 {
    let t = crate::modtime::gmtime_of(secs.clamp(315_532_800, 4_354_819_198));
    let date = ((t[0] - 1980) << 9 | t[1] << 5 | t[2]) as u32;
    let time = (t[3] << 11 | t[4] << 5 | (t[5] / 2)) as u32;
    date << 16 | time
}

impl<'a> Fat<'a> {
    /// An operation on a volume with layout `geo`.
    pub fn new(dev: &'a mut dyn BlockIo, geo: Geo, hint: u32, now: u32) -> Self {
        Fat {
            dev,
            geo,
            hint,
            now,
            cache: BTreeMap::new(),
        }
    }

    /// Write every modified metadata sector to the device.
    pub fn flush(&mut self) -> R<()> {
        let dirty: Vec<u32> = self
            .cache
            .iter()
            .filter(|(_, s)| s.dirty)
            .map(|(&n, _)| n)
            .collect();
        for n in dirty {
            if let Some(s) = self.cache.get_mut(&n) {
                s.dirty = false;
                let data = core::mem::take(&mut s.data);
                let r = self.dev.write(n, &data);
                if let Some(s) = self.cache.get_mut(&n) {
                    s.data = data;
                }
                r?;
            }
        }
        Ok(())
    }

    fn sector(&mut self, n: u32) -> R<&mut Sector> {
        if !self.cache.contains_key(&n) {
            if self.cache.len() > 64 {
                self.flush()?;
                self.cache.clear();
            }
            let mut data = vec![0u8; self.geo.ss as usize];
            self.dev.read(n, &mut data)?;
            self.cache.insert(n, Sector { data, dirty: false });
        }
        self.cache.get_mut(&n).ok_or(FsErr::Errno(EIO))
    }

    fn byte(&mut self, off: u64) -> R<u8> {
        let ss = self.geo.ss as u64;
        let n = u32::try_from(off / ss).map_err(|_| EIO)?;
        let i = (off % ss) as usize;
        Ok(self.sector(n)?.data.get(i).copied().unwrap_or(0))
    }

    fn set_byte(&mut self, off: u64, v: u8) -> R<()> {
        let ss = self.geo.ss as u64;
        let n = u32::try_from(off / ss).map_err(|_| EIO)?;
        let i = (off % ss) as usize;
        let s = self.sector(n)?;
        if let Some(b) = s.data.get_mut(i) {
            *b = v;
        }
        s.dirty = true;
        Ok(())
    }

    fn check_clus(&self, c: u32) -> R<()> {
        if c < 2 || c >= self.geo.n_fatent {
            return Err(EIO.into());
        }
        Ok(())
    }

    /// The FAT entry of cluster `c`.
    fn fat_get(&mut self, c: u32) -> R<u32> {
        self.check_clus(c)?;
        let base = self.geo.fat_start as u64 * self.geo.ss as u64;
        Ok(match self.geo.fat_type {
            12 => {
                let off = base + c as u64 + c as u64 / 2;
                let v = self.byte(off)? as u32 | (self.byte(off + 1)? as u32) << 8;
                if c & 1 != 0 {
                    v >> 4
                } else {
                    v & 0xFFF
                }
            }
            16 => {
                let off = base + c as u64 * 2;
                self.byte(off)? as u32 | (self.byte(off + 1)? as u32) << 8
            }
            _ => {
                let off = base + c as u64 * 4;
                let mut v = 0;
                for k in 0..4 {
                    v |= (self.byte(off + k)? as u32) << (8 * k);
                }
                v & 0x0FFF_FFFF
            }
        })
    }

    fn fat_set(&mut self, c: u32, val: u32) -> R<()> {
        self.check_clus(c)?;
        for copy in 0..self.geo.n_fats {
            let base = (self.geo.fat_start as u64 + copy as u64 * self.geo.fat_size as u64)
                * self.geo.ss as u64;
            match self.geo.fat_type {
                12 => {
                    let off = base + c as u64 + c as u64 / 2;
                    let (lo, hi) = (self.byte(off)?, self.byte(off + 1)?);
                    let (lo, hi) = if c & 1 != 0 {
                        ((lo & 0x0F) | (val << 4) as u8, (val >> 4) as u8)
                    } else {
                        (val as u8, (hi & 0xF0) | ((val >> 8) & 0x0F) as u8)
                    };
                    self.set_byte(off, lo)?;
                    self.set_byte(off + 1, hi)?;
                }
                16 => {
                    let off = base + c as u64 * 2;
                    self.set_byte(off, val as u8)?;
                    self.set_byte(off + 1, (val >> 8) as u8)?;
                }
                _ => {
                    let off = base + c as u64 * 4;
                    let old = self.byte(off + 3)?;
                    let v = (val & 0x0FFF_FFFF) | ((old as u32 & 0xF0) << 24);
                    for k in 0..4 {
                        self.set_byte(off + k, (v >> (8 * k)) as u8)?;
                    }
                }
            }
        }
        Ok(())
    }

    fn eoc(&self) -> u32 {
        match self.geo.fat_type {
            12 => 0xFFF,
            16 => 0xFFFF,
            _ => 0x0FFF_FFFF,
        }
    }

    fn is_end(&self, v: u32) -> bool {
        v >= self.eoc() - 7
    }

    /// The clusters of a chain starting at `c` (empty for 0).
    fn chain(&mut self, c: u32) -> R<Vec<u32>> {
        let mut out = Vec::new();
        if c == 0 {
            return Ok(out);
        }
        let mut cur = c;
        loop {
            self.check_clus(cur)?;
            out.push(cur);
            if out.len() as u32 > self.geo.n_fatent {
                return Err(EIO.into());
            }
            let next = self.fat_get(cur)?;
            if self.is_end(next) {
                return Ok(out);
            }
            if next < 2 || next >= self.geo.n_fatent {
                return Err(EIO.into());
            }
            cur = next;
        }
    }

    fn clus_sector(&self, c: u32) -> u32 {
        self.geo.data_start + (c - 2) * self.geo.csize
    }

    /// Take a free cluster, mark it as a chain's end and link it after `prev` (when not 0).
    fn alloc(&mut self, prev: u32) -> R<u32> {
        let n = self.geo.n_fatent;
        let start = if (2..n).contains(&self.hint) {
            self.hint
        } else {
            2
        };
        let mut c = start;
        loop {
            c = if c + 1 >= n { 2 } else { c + 1 };
            if self.fat_get(c)? == 0 {
                break;
            }
            if c == start {
                return Err(ENOSPC.into());
            }
        }
        let eoc = self.eoc();
        self.fat_set(c, eoc)?;
        if prev != 0 {
            self.fat_set(prev, c)?;
        }
        self.hint = c;
        Ok(c)
    }

    fn free_chain(&mut self, c: u32) -> R<()> {
        for k in self.chain(c)? {
            self.fat_set(k, 0)?;
        }
        Ok(())
    }

    /// Number of free clusters.
    pub fn free_clusters(&mut self) -> R<u32> {
        let mut n = 0;
        for c in 2..self.geo.n_fatent {
            if self.fat_get(c)? == 0 {
                n += 1;
            }
        }
        Ok(n)
    }

    fn write_clusters(&mut self, c: u32, data: &[u8]) -> R<()> {
        let s = self.clus_sector(c);
        let n = self.geo.csize;
        let keys: Vec<u32> = self.cache.range(s..s + n).map(|(&k, _)| k).collect();
        for k in keys {
            self.cache.remove(&k);
        }
        let cl = (self.geo.csize * self.geo.ss) as usize;
        if data.len() == cl {
            self.dev.write(s, data)
        } else {
            let mut buf = vec![0u8; cl];
            let m = data.len().min(cl);
            buf[..m].copy_from_slice(&data[..m]);
            self.dev.write(s, &buf)
        }
    }

    fn read_cluster(&mut self, c: u32, buf: &mut [u8]) -> R<()> {
        self.flush()?;
        let s = self.clus_sector(c);
        self.dev.read(s, buf)
    }

    // ----- directories ------------------------------------------------------------------------

    fn dir_sectors(&mut self, d: Dir) -> R<Vec<u32>> {
        match d {
            Dir::Root16 => Ok((0..self.geo.root_sectors)
                .map(|k| self.geo.root_start + k)
                .collect()),
            Dir::Clus(c) => {
                let mut out = Vec::new();
                for k in self.chain(c)? {
                    let s = self.clus_sector(k);
                    out.extend(s..s + self.geo.csize);
                }
                Ok(out)
            }
        }
    }

    fn root(&self) -> Dir {
        if self.geo.fat_type == 32 {
            Dir::Clus(self.geo.root_clus)
        } else {
            Dir::Root16
        }
    }

    fn slot(&mut self, secs: &[u32], i: usize) -> R<[u8; 32]> {
        let per = self.geo.ss as usize / 32;
        let n = *secs.get(i / per).ok_or(FsErr::Errno(EIO))?;
        let off = (i % per) * 32;
        let s = self.sector(n)?;
        let mut e = [0u8; 32];
        if let Some(src) = s.data.get(off..off + 32) {
            e.copy_from_slice(src);
        }
        Ok(e)
    }

    fn put_slot(&mut self, secs: &[u32], i: usize, e: &[u8; 32]) -> R<()> {
        let per = self.geo.ss as usize / 32;
        let n = *secs.get(i / per).ok_or(FsErr::Errno(EIO))?;
        let off = (i % per) * 32;
        let s = self.sector(n)?;
        if let Some(dst) = s.data.get_mut(off..off + 32) {
            dst.copy_from_slice(e);
        }
        s.dirty = true;
        Ok(())
    }

    /// Every entry of a directory (`.`, `..` and volume labels left out).
    fn scan(&mut self, d: Dir) -> R<Vec<Entry>> {
        let secs = self.dir_sectors(d)?;
        let total = secs.len() * self.geo.ss as usize / 32;
        let mut out = Vec::new();
        let mut lfn: Vec<u16> = Vec::new();
        let mut lfn_next = 0u8;
        let mut lfn_sum = 0u8;
        let mut lfn_first = 0usize;
        for i in 0..total {
            let e = self.slot(&secs, i)?;
            if e[0] == 0 {
                break;
            }
            if e[0] == FREE {
                lfn_next = 0;
                continue;
            }
            let attr = e[11];
            if attr & 0x3F == ATTR_LFN {
                let ord = e[0] & 0x3F;
                if e[0] & 0x40 != 0 && (1..=20).contains(&ord) {
                    lfn = vec![0xFFFF; ord as usize * 13];
                    lfn_sum = e[13];
                    lfn_first = i;
                } else if lfn_next == 0 || ord != lfn_next || e[13] != lfn_sum {
                    lfn_next = 0;
                    continue;
                }
                let base = (ord as usize - 1) * 13;
                let offs = [1, 3, 5, 7, 9, 14, 16, 18, 20, 22, 24, 28, 30];
                for (k, &o) in offs.iter().enumerate() {
                    if let Some(slot) = lfn.get_mut(base + k) {
                        *slot = le16(&e, o) as u16;
                    }
                }
                lfn_next = ord - 1;
                if lfn_next == 0 {
                    lfn_next = 0x80;
                }
                continue;
            }
            let mut sfn = [0u8; 11];
            sfn.copy_from_slice(&e[..11]);
            let has_lfn = lfn_next == 0x80 && lfn_sum == sfn_sum(&sfn);
            lfn_next = 0;
            if attr & ATTR_VOL != 0 || sfn[0] == b'.' {
                continue;
            }
            let (name, first) = if has_lfn {
                let end = lfn.iter().position(|&u| u == 0).unwrap_or(lfn.len());
                let s: String = char::decode_utf16(lfn[..end].iter().copied())
                    .map(|c| c.unwrap_or('\u{FFFD}'))
                    .collect();
                (s, lfn_first)
            } else {
                (sfn_display(&sfn, e[12]), i)
            };
            let hi = if self.geo.fat_type == 32 {
                le16(&e, 20) << 16
            } else {
                0
            };
            out.push(Entry {
                name,
                sfn,
                attr,
                clus: hi | le16(&e, 26),
                size: le32(&e, 28),
                mtime: le16(&e, 24) << 16 | le16(&e, 22),
                first,
                last: i,
            });
        }
        Ok(out)
    }

    fn find(&mut self, d: Dir, name: &str) -> R<Option<Entry>> {
        Ok(self
            .scan(d)?
            .into_iter()
            .find(|e| names_equal(&e.name, name)))
    }

    fn sub_dir(&self, e: &Entry) -> Dir {
        if e.clus == 0 {
            self.root()
        } else {
            Dir::Clus(e.clus)
        }
    }

    /// Resolve a path (components separated by `/`; `.` and `..` already removed).
    fn lookup(&mut self, path: &str) -> R<Node> {
        let mut dir = self.root();
        let mut node = Node::Root;
        for comp in path.split('/').filter(|c| !c.is_empty()) {
            if let Node::Ent(_, e) = &node {
                if !e.is_dir() {
                    return Err(ENOENT.into());
                }
                dir = self.sub_dir(e);
            }
            match self.find(dir, comp)? {
                Some(e) => node = Node::Ent(dir, e),
                None => return Err(ENOENT.into()),
            }
        }
        Ok(node)
    }

    /// The directory holding `path`'s last component, and that component.
    fn parent<'p>(&mut self, path: &'p str) -> R<(Dir, &'p str)> {
        let path = path.trim_end_matches('/');
        let (head, name) = match path.rfind('/') {
            Some(i) => (&path[..i], &path[i + 1..]),
            None => ("", path),
        };
        if name.is_empty() {
            return Err(EPERM.into());
        }
        let d = match self.lookup(head)? {
            Node::Root => self.root(),
            Node::Ent(_, e) if e.is_dir() => self.sub_dir(&e),
            Node::Ent(..) => return Err(ENOENT.into()),
        };
        Ok((d, name))
    }

    /// Find `n` consecutive free slots in a directory, growing it when needed.
    fn free_slots(&mut self, d: Dir, n: usize) -> R<(Vec<u32>, usize)> {
        let mut secs = self.dir_sectors(d)?;
        let mut total = secs.len() * self.geo.ss as usize / 32;
        let mut run = 0;
        let mut i = 0;
        while i < total {
            let e = self.slot(&secs, i)?;
            if e[0] == 0 || e[0] == FREE {
                run += 1;
                if run == n {
                    return Ok((secs, i + 1 - n));
                }
            } else {
                run = 0;
            }
            i += 1;
        }
        let Dir::Clus(c) = d else {
            return Err(ENOSPC.into());
        };
        if total + n > 65536 {
            return Err(ENOSPC.into());
        }
        while run < n {
            let last = self.chain(c)?.last().copied().unwrap_or(c);
            let new = self.alloc(last)?;
            let cl = (self.geo.csize * self.geo.ss) as usize;
            self.write_clusters(new, &vec![0u8; cl])?;
            secs = self.dir_sectors(d)?;
            let grown = secs.len() * self.geo.ss as usize / 32;
            run += grown - total;
            total = grown;
        }
        Ok((secs, total - run))
    }

    /// Create a directory entry for `name` in `d` (with long-name entries when needed).
    fn create(&mut self, d: Dir, name: &str, attr: u8, clus: u32, size: u32) -> R<Entry> {
        let name = check_name(name)?;
        let existing = self.scan(d)?;
        if existing.iter().any(|e| names_equal(&e.name, name)) {
            return Err(EEXIST.into());
        }
        let (sfn, ntres, lfn) = match as_sfn(name) {
            Some((s, f)) if !existing.iter().any(|e| e.sfn == s) => (s, f, None),
            _ => {
                let (b, n, e) = sfn_base(name);
                let mut found = None;
                for k in 1u32..1_000_000 {
                    let tail = alloc::format!("~{}", k);
                    let keep = n.min(8 - tail.len()).max(if n == 0 { 0 } else { 1 });
                    let mut s = [b' '; 11];
                    s[..keep].copy_from_slice(&b[..keep]);
                    let t = tail.as_bytes();
                    let end = (keep + t.len()).min(8);
                    s[keep..end].copy_from_slice(&t[..end - keep]);
                    s[8..].copy_from_slice(&e);
                    if !existing.iter().any(|x| x.sfn == s) {
                        found = Some(s);
                        break;
                    }
                }
                let s = found.ok_or(FsErr::Errno(EEXIST))?;
                (s, 0, Some(name.encode_utf16().collect::<Vec<u16>>()))
            }
        };
        let n_lfn = lfn.as_ref().map_or(0, |u| u.len().div_ceil(13));
        let (secs, at) = self.free_slots(d, n_lfn + 1)?;
        let sum = sfn_sum(&sfn);
        if let Some(units) = &lfn {
            let offs = [1, 3, 5, 7, 9, 14, 16, 18, 20, 22, 24, 28, 30];
            for k in 0..n_lfn {
                let ord = (n_lfn - k) as u8;
                let mut e = [0u8; 32];
                e[0] = ord | if k == 0 { 0x40 } else { 0 };
                e[11] = ATTR_LFN;
                e[13] = sum;
                let base = (ord as usize - 1) * 13;
                for (j, &o) in offs.iter().enumerate() {
                    let idx = base + j;
                    let u = match units.get(idx) {
                        Some(&u) => u,
                        None if idx == units.len() => 0,
                        None => 0xFFFF,
                    };
                    put16(&mut e, o, u as u32);
                }
                self.put_slot(&secs, at + k, &e)?;
            }
        }
        let mut e = [0u8; 32];
        e[..11].copy_from_slice(&sfn);
        e[11] = attr;
        e[12] = ntres;
        let (date, time) = (self.now >> 16, self.now & 0xFFFF);
        put16(&mut e, 14, time);
        put16(&mut e, 16, date);
        put16(&mut e, 18, date);
        put16(&mut e, 20, clus >> 16);
        put16(&mut e, 22, time);
        put16(&mut e, 24, date);
        put16(&mut e, 26, clus & 0xFFFF);
        put32(&mut e, 28, size);
        let last = at + n_lfn;
        self.put_slot(&secs, last, &e)?;
        Ok(Entry {
            name: String::from(name),
            sfn,
            attr,
            clus,
            size,
            mtime: self.now,
            first: at,
            last,
        })
    }

    fn delete_slots(&mut self, d: Dir, e: &Entry) -> R<()> {
        let secs = self.dir_sectors(d)?;
        for i in e.first..=e.last {
            let mut s = self.slot(&secs, i)?;
            s[0] = FREE;
            self.put_slot(&secs, i, &s)?;
        }
        Ok(())
    }

    /// Rewrite an entry's cluster, size and time.
    fn update(&mut self, d: Dir, e: &Entry) -> R<()> {
        let secs = self.dir_sectors(d)?;
        let mut s = self.slot(&secs, e.last)?;
        put16(&mut s, 20, e.clus >> 16);
        put16(&mut s, 26, e.clus & 0xFFFF);
        put32(&mut s, 28, e.size);
        put16(&mut s, 22, e.mtime & 0xFFFF);
        put16(&mut s, 24, e.mtime >> 16);
        if !e.is_dir() {
            s[11] |= ATTR_ARC;
        }
        self.put_slot(&secs, e.last, &s)
    }

    // ----- operations --------------------------------------------------------------------------

    /// (is directory, size, FAT time) of a path.
    pub fn stat(&mut self, path: &str) -> R<Stat> {
        Ok(match self.lookup(path)? {
            Node::Root => (true, 0, 0),
            Node::Ent(_, e) => (e.is_dir(), e.size, e.mtime),
        })
    }

    /// The entries of a directory.
    pub fn list(&mut self, path: &str) -> R<Vec<Entry>> {
        let d = match self.lookup(path)? {
            Node::Root => self.root(),
            Node::Ent(_, e) if e.is_dir() => self.sub_dir(&e),
            Node::Ent(..) => return Err(ENOTDIR.into()),
        };
        self.scan(d)
    }

    /// A whole file's contents.
    pub fn read(&mut self, path: &str) -> R<Vec<u8>> {
        let e = match self.lookup(path)? {
            Node::Root => return Err(EISDIR.into()),
            Node::Ent(_, e) if e.is_dir() => return Err(EISDIR.into()),
            Node::Ent(_, e) => e,
        };
        let ss = self.geo.ss as usize;
        let size = e.size as usize;
        let mut out = Vec::with_capacity(size.min(1 << 24));
        let mut buf = vec![0u8; ss];
        self.flush()?;
        'chain: for c in self.chain(e.clus)? {
            // One sector per read, as FatFs reads a file's tail (some block devices expect it).
            let first = self.clus_sector(c);
            for s in first..first + self.geo.csize {
                if out.len() >= size {
                    break 'chain;
                }
                self.dev.read(s, &mut buf)?;
                let take = (size - out.len()).min(ss);
                out.extend_from_slice(&buf[..take]);
            }
        }
        if out.len() < size {
            return Err(EIO.into());
        }
        Ok(out)
    }

    /// Replace (or create) a file, or append to it.
    pub fn write(&mut self, path: &str, data: &[u8], append: bool) -> R<()> {
        let (d, name) = self.parent(path)?;
        let mut e = match self.find(d, name)? {
            Some(e) if e.is_dir() => return Err(EISDIR.into()),
            Some(e) if e.attr & ATTR_RO != 0 => return Err(EACCES.into()),
            Some(e) => e,
            None => self.create(d, name, ATTR_ARC, 0, 0)?,
        };
        let cl = (self.geo.csize * self.geo.ss) as usize;
        let mut chain = self.chain(e.clus)?;
        let mut written = if append { e.size as usize } else { 0 };
        if !append {
            // Trim the chain to what the new contents need.
            let need = data.len().div_ceil(cl);
            if chain.len() > need {
                let eoc = self.eoc();
                let rest = chain.split_off(need);
                if let Some(&last) = chain.last() {
                    self.fat_set(last, eoc)?;
                }
                for c in rest {
                    self.fat_set(c, 0)?;
                }
            }
        }
        let total = written.checked_add(data.len()).ok_or(FsErr::Errno(EFBIG))?;
        if total > u32::MAX as usize {
            return Err(EFBIG.into());
        }
        let mut src = data;
        let mut result = Ok(());
        while !src.is_empty() {
            let idx = written / cl;
            let within = written % cl;
            let c = match chain.get(idx) {
                Some(&c) => c,
                None => match self.alloc(chain.last().copied().unwrap_or(0)) {
                    Ok(c) => {
                        chain.push(c);
                        c
                    }
                    Err(err) => {
                        result = Err(err);
                        break;
                    }
                },
            };
            let take = (cl - within).min(src.len());
            if within == 0 && take == cl {
                self.write_clusters(c, &src[..take])?;
            } else {
                let mut buf = vec![0u8; cl];
                if within > 0 {
                    self.read_cluster(c, &mut buf)?;
                }
                buf[within..within + take].copy_from_slice(&src[..take]);
                self.write_clusters(c, &buf)?;
            }
            written += take;
            src = &src[take..];
        }
        e.clus = chain.first().copied().unwrap_or(0);
        e.size = written as u32;
        e.mtime = self.now;
        self.update(d, &e)?;
        self.flush()?;
        result
    }

    /// The cluster at index `idx` of the chain starting at `first`, or the last one when the
    /// chain is shorter: (index reached, cluster). Starts from `cur` when it is on the same
    /// chain at or before `idx` (sequential access walks each link once), and leaves it there.
    fn walk_to(&mut self, first: u32, idx: u32, cur: &mut Option<Cursor>) -> R<(u32, u32)> {
        let (mut i, mut c) = match *cur {
            Some(k) if k.first == first && k.idx <= idx => (k.idx, k.clus),
            _ => (0, first),
        };
        self.check_clus(c)?;
        while i < idx {
            let next = self.fat_get(c)?;
            if self.is_end(next) {
                break;
            }
            if next < 2 || next >= self.geo.n_fatent || i > self.geo.n_fatent {
                return Err(EIO.into());
            }
            c = next;
            i += 1;
        }
        *cur = Some(Cursor {
            first,
            idx: i,
            clus: c,
        });
        Ok((i, c))
    }

    /// The entry of a regular file and the directory holding it.
    fn file_entry(&mut self, path: &str) -> R<(Dir, Entry)> {
        match self.lookup(path)? {
            Node::Root => Err(EISDIR.into()),
            Node::Ent(_, e) if e.is_dir() => Err(EISDIR.into()),
            Node::Ent(d, e) => Ok((d, e)),
        }
    }

    /// Up to `len` bytes of a file from offset `off`, reading only the sectors that hold them.
    pub fn read_at(
        &mut self,
        path: &str,
        off: u64,
        len: usize,
        cur: &mut Option<Cursor>,
    ) -> R<Vec<u8>> {
        let (_, e) = self.file_entry(path)?;
        let size = e.size as u64;
        if off >= size || len == 0 {
            return Ok(Vec::new());
        }
        let len = (len as u64).min(size - off) as usize;
        let ss = self.geo.ss as u64;
        let cl = self.geo.csize as u64 * ss;
        let mut out = Vec::with_capacity(len);
        let mut buf = vec![0u8; ss as usize];
        let mut o = off;
        while out.len() < len {
            let idx = u32::try_from(o / cl).map_err(|_| EIO)?;
            let (reached, c) = self.walk_to(e.clus, idx, cur)?;
            if reached != idx {
                return Err(EIO.into());
            }
            let within = o % cl;
            let sector = self.clus_sector(c) + (within / ss) as u32;
            let inner = (within % ss) as usize;
            self.dev.read(sector, &mut buf)?;
            let take = (ss as usize - inner).min(len - out.len());
            out.extend_from_slice(&buf[inner..inner + take]);
            o += take as u64;
        }
        Ok(out)
    }

    /// Write `src` at offset `w` of the file `e` (w at most its size), allocating clusters as
    /// the chain needs them; `e` gets the new first cluster and size.
    fn put(
        &mut self,
        e: &mut Entry,
        mut w: u64,
        mut src: &[u8],
        cur: &mut Option<Cursor>,
    ) -> R<()> {
        let cl = (self.geo.csize * self.geo.ss) as u64;
        let end = w + src.len() as u64;
        if end > u32::MAX as u64 {
            return Err(EFBIG.into());
        }
        let mut result = Ok(());
        while !src.is_empty() {
            let idx = u32::try_from(w / cl).map_err(|_| EFBIG)?;
            let within = (w % cl) as usize;
            let c = if e.clus == 0 {
                match self.alloc(0) {
                    Ok(c) => {
                        e.clus = c;
                        *cur = Some(Cursor {
                            first: c,
                            idx: 0,
                            clus: c,
                        });
                        c
                    }
                    Err(err) => {
                        result = Err(err);
                        break;
                    }
                }
            } else {
                let (mut i, mut c) = self.walk_to(e.clus, idx, cur)?;
                while i < idx {
                    match self.alloc(c) {
                        Ok(n) => {
                            c = n;
                            i += 1;
                        }
                        Err(err) => {
                            result = Err(err);
                            break;
                        }
                    }
                }
                *cur = Some(Cursor {
                    first: e.clus,
                    idx: i,
                    clus: c,
                });
                if i < idx {
                    break;
                }
                c
            };
            let take = (cl as usize - within).min(src.len());
            if within == 0 && take == cl as usize {
                self.write_clusters(c, &src[..take])?;
            } else {
                let mut buf = vec![0u8; cl as usize];
                if within > 0 || w + (take as u64) < e.size as u64 {
                    self.read_cluster(c, &mut buf)?;
                }
                buf[within..within + take].copy_from_slice(&src[..take]);
                self.write_clusters(c, &buf)?;
            }
            w += take as u64;
            src = &src[take..];
            if w > e.size as u64 {
                e.size = w as u32;
            }
        }
        result
    }

    /// Write `data` into a file at offset `off` (creating it; zeros fill a gap past its end),
    /// touching only the clusters concerned.
    pub fn write_at(
        &mut self,
        path: &str,
        off: u64,
        data: &[u8],
        cur: &mut Option<Cursor>,
    ) -> R<()> {
        let (d, name) = self.parent(path)?;
        let mut e = match self.find(d, name)? {
            Some(e) if e.is_dir() => return Err(EISDIR.into()),
            Some(e) if e.attr & ATTR_RO != 0 => return Err(EACCES.into()),
            Some(e) => e,
            None => self.create(d, name, ATTR_ARC, 0, 0)?,
        };
        if off.saturating_add(data.len() as u64) > u32::MAX as u64 {
            return Err(EFBIG.into());
        }
        let mut r = Ok(());
        let zeros = vec![0u8; (self.geo.csize * self.geo.ss) as usize];
        while r.is_ok() && (e.size as u64) < off {
            let n = (off - e.size as u64).min(zeros.len() as u64) as usize;
            let at = e.size as u64;
            r = self.put(&mut e, at, &zeros[..n], cur);
        }
        if r.is_ok() {
            r = self.put(&mut e, off, data, cur);
        }
        e.mtime = self.now;
        self.update(d, &e)?;
        self.flush()?;
        r
    }

    /// Cut or extend a file to `len` bytes.
    pub fn truncate(&mut self, path: &str, len: u64, cur: &mut Option<Cursor>) -> R<()> {
        let (d, mut e) = self.file_entry(path)?;
        if len >= e.size as u64 {
            return self.write_at(path, len, &[], cur);
        }
        *cur = None;
        let cl = (self.geo.csize * self.geo.ss) as u64;
        let need = len.div_ceil(cl) as usize;
        let mut chain = self.chain(e.clus)?;
        if chain.len() > need {
            let rest = chain.split_off(need);
            if let Some(&last) = chain.last() {
                let eoc = self.eoc();
                self.fat_set(last, eoc)?;
            }
            for c in rest {
                self.fat_set(c, 0)?;
            }
        }
        if need == 0 {
            e.clus = 0;
        }
        e.size = len as u32;
        e.mtime = self.now;
        self.update(d, &e)?;
        self.flush()
    }

    /// Make a directory.
    pub fn mkdir(&mut self, path: &str) -> R<()> {
        let (d, name) = self.parent(path)?;
        check_name(name)?;
        if self.find(d, name)?.is_some() {
            return Err(EEXIST.into());
        }
        let c = self.alloc(0)?;
        let cl = (self.geo.csize * self.geo.ss) as usize;
        let mut buf = vec![0u8; cl];
        let parent_clus = match d {
            Dir::Clus(p) if p != self.geo.root_clus || self.geo.fat_type != 32 => p,
            _ => 0,
        };
        let (date, time) = (self.now >> 16, self.now & 0xFFFF);
        for (k, name, clus) in [
            (0usize, b".          ", c),
            (1, b"..         ", parent_clus),
        ] {
            let e = &mut buf[k * 32..k * 32 + 32];
            e[..11].copy_from_slice(name);
            e[11] = ATTR_DIR;
            put16(e, 14, time);
            put16(e, 16, date);
            put16(e, 18, date);
            put16(e, 20, clus >> 16);
            put16(e, 22, time);
            put16(e, 24, date);
            put16(e, 26, clus & 0xFFFF);
        }
        self.write_clusters(c, &buf)?;
        if let Err(err) = self.create(d, name, ATTR_DIR, c, 0) {
            let _ = self.fat_set(c, 0);
            self.flush()?;
            return Err(err);
        }
        self.flush()
    }

    /// Remove a file (`dir` false) or an empty directory (`dir` true).
    pub fn remove(&mut self, path: &str, dir: bool) -> R<()> {
        let (d, e) = match self.lookup(path)? {
            Node::Root => return Err(EPERM.into()),
            Node::Ent(d, e) => (d, e),
        };
        if e.is_dir() != dir {
            return Err(if dir { ENOTDIR } else { EISDIR }.into());
        }
        if e.attr & ATTR_RO != 0 {
            return Err(EACCES.into());
        }
        if dir && !self.scan(Dir::Clus(e.clus.max(2)))?.is_empty() {
            return Err(EACCES.into());
        }
        self.delete_slots(d, &e)?;
        self.free_chain(e.clus)?;
        self.flush()
    }

    /// Rename (or move) a file or directory; an existing file at `to` is replaced.
    pub fn rename(&mut self, from: &str, to: &str) -> R<()> {
        let (fd, e) = match self.lookup(from)? {
            Node::Root => return Err(EPERM.into()),
            Node::Ent(d, e) => (d, e),
        };
        let (td, name) = self.parent(to)?;
        if e.is_dir() {
            let f = from.trim_matches('/');
            let t = to.trim_matches('/');
            if t.len() > f.len() && t.starts_with(f) && t.as_bytes().get(f.len()) == Some(&b'/') {
                return Err(EINVAL.into());
            }
        }
        if let Some(old) = self.find(td, name)? {
            if fd == td && old.last == e.last {
                // Same entry (a change of case only): rewrite the name below.
            } else if old.is_dir() {
                return Err(EEXIST.into());
            } else {
                self.delete_slots(td, &old)?;
                self.free_chain(old.clus)?;
            }
        }
        let same = fd == td && self.find(td, name)?.is_some_and(|o| o.last == e.last);
        if same {
            self.delete_slots(fd, &e)?;
        }
        let mut n = self.create(td, name, e.attr, e.clus, e.size)?;
        if !same {
            self.delete_slots(fd, &e)?;
        }
        n.mtime = e.mtime;
        self.update(td, &n)?;
        if e.is_dir() && fd != td && e.clus != 0 {
            let secs = self.dir_sectors(Dir::Clus(e.clus))?;
            let mut dd = self.slot(&secs, 1)?;
            if &dd[..2] == b".." {
                let p = match td {
                    Dir::Clus(p) if p != self.geo.root_clus || self.geo.fat_type != 32 => p,
                    _ => 0,
                };
                put16(&mut dd, 20, p >> 16);
                put16(&mut dd, 26, p & 0xFFFF);
                self.put_slot(&secs, 1, &dd)?;
            }
        }
        self.flush()
    }

    /// The volume label (from the root directory's label entry), without trailing spaces.
    pub fn label(&mut self) -> R<String> {
        let secs = self.dir_sectors(self.root())?;
        let total = secs.len() * self.geo.ss as usize / 32;
        for i in 0..total {
            let e = self.slot(&secs, i)?;
            if e[0] == 0 {
                break;
            }
            if e[0] != FREE && e[11] & 0x3F == ATTR_VOL {
                let s: String = e[..11].iter().map(|&b| b as char).collect();
                return Ok(String::from(s.trim_end()));
            }
        }
        Ok(String::new())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Ram(Vec<u8>);

    impl BlockIo for Ram {
        fn read(&mut self, block: u32, buf: &mut [u8]) -> R<()> {
            let at = block as usize * 512;
            match self.0.get(at..at + buf.len()) {
                Some(s) => {
                    buf.copy_from_slice(s);
                    Ok(())
                }
                None => Err(EIO.into()),
            }
        }
        fn write(&mut self, block: u32, buf: &[u8]) -> R<()> {
            let at = block as usize * 512;
            match self.0.get_mut(at..at + buf.len()) {
                Some(s) => {
                    s.copy_from_slice(buf);
                    Ok(())
                }
                None => Err(EIO.into()),
            }
        }
    }

    fn fresh(blocks: usize) -> (Ram, Geo) {
        let mut dev = Ram(vec![0; blocks * 512]);
        mkfs(&mut dev, blocks as u32, 512, 0).unwrap();
        let geo = mount(&mut dev, 512).unwrap();
        (dev, geo)
    }

    /// A sparse device: unwritten sectors read as zeros.
    struct Sparse(BTreeMap<u32, Vec<u8>>, u32);

    impl BlockIo for Sparse {
        fn read(&mut self, block: u32, buf: &mut [u8]) -> R<()> {
            for (k, chunk) in buf.chunks_mut(512).enumerate() {
                let n = block + k as u32;
                if n >= self.1 {
                    return Err(EIO.into());
                }
                match self.0.get(&n) {
                    Some(d) => chunk.copy_from_slice(d),
                    None => chunk.fill(0),
                }
            }
            Ok(())
        }
        fn write(&mut self, block: u32, buf: &[u8]) -> R<()> {
            for (k, chunk) in buf.chunks(512).enumerate() {
                let n = block + k as u32;
                if n >= self.1 {
                    return Err(EIO.into());
                }
                self.0.insert(n, chunk.to_vec());
            }
            Ok(())
        }
    }

    #[test]
    fn large_volumes_are_fat32_in_a_partition() {
        // 4 GiB of 512-byte sectors: MicroPython's mkfs gives FAT32 with 32 KiB clusters behind
        // a partition table, and statvfs() reports 131054 clusters.
        let mut dev = Sparse(BTreeMap::new(), 8_388_608);
        mkfs(&mut dev, 8_388_608, 512, 0).unwrap();
        let geo = mount(&mut dev, 512).unwrap();
        assert_eq!(
            (geo.fat_type, geo.csize, geo.n_fatent - 2),
            (32, 64, 131_054)
        );
        let mut fat = Fat::new(&mut dev, geo, 0, 0);
        assert_eq!(fat.free_clusters().unwrap(), 131_053);
        fat.mkdir("/dir").unwrap();
        fat.write("/dir/Long Name File.txt", b"fat32 data", false)
            .unwrap();
        fat.rename("/dir/Long Name File.txt", "/top.txt").unwrap();
        assert_eq!(fat.read("/TOP.TXT").unwrap(), b"fat32 data");
        assert_eq!(fat.free_clusters().unwrap(), 131_051);
        fat.remove("/top.txt", false).unwrap();
        fat.remove("/dir", true).unwrap();
        assert_eq!(fat.free_clusters().unwrap(), 131_053);
    }

    #[test]
    fn short_names_and_case() {
        let (mut dev, geo) = fresh(100);
        let mut fat = Fat::new(&mut dev, geo, 0, secs_to_fattime(1_600_000_000));
        fat.write("/lower.txt", b"1", false).unwrap();
        fat.write("/MiXed.txt", b"2", false).unwrap();
        assert_eq!(fat.write("/bad?name", b"", false), Err(EINVAL.into()));
        let names: Vec<String> = fat.list("/").unwrap().into_iter().map(|e| e.name).collect();
        assert_eq!(
            names,
            vec![String::from("lower.txt"), String::from("MiXed.txt")]
        );
        assert_eq!(fat.read("/LOWER.TXT").unwrap(), b"1");
        assert_eq!(fat.read("/mixed.TXT").unwrap(), b"2");
        let t = fat.stat("/lower.txt").unwrap().2;
        assert_eq!(fattime_to_secs(t), 1_600_000_000);
        // "lower.txt" needs no long-name entry; "MiXed.txt" does.
        let img = &dev.0;
        let root = (geo.root_start * 512) as usize;
        assert_eq!(&img[root..root + 11], b"LOWER   TXT");
        assert_eq!(img[root + 32 + 11], ATTR_LFN);
    }

    #[test]
    fn mkfs_layout_matches_fatfs() {
        let (mut dev, geo) = fresh(50);
        assert_eq!((geo.fat_type, geo.csize, geo.n_fatent - 2), (12, 1, 16));
        let mut fat = Fat::new(&mut dev, geo, 0, 0);
        assert_eq!(fat.free_clusters().unwrap(), 16);
        let (_, geo) = fresh(9000);
        assert_eq!(geo.fat_type, 16);
        assert!(mkfs(&mut Ram(vec![0; 10 * 512]), 10, 512, 0).is_err());
    }

    #[test]
    fn files_dirs_and_long_names() {
        let (mut dev, geo) = fresh(200);
        let mut fat = Fat::new(&mut dev, geo, 0, secs_to_fattime(1_700_000_000));
        fat.write("/hello.txt", b"hi there", false).unwrap();
        fat.write("/hello.txt", b"!", true).unwrap();
        assert_eq!(fat.read("hello.txt").unwrap(), b"hi there!");
        fat.mkdir("/sub").unwrap();
        assert_eq!(fat.mkdir("/sub"), Err(EEXIST.into()));
        let long = "A Long File Name with spaces.and.dots.text";
        let big: Vec<u8> = (0..5000u32).map(|i| i as u8).collect();
        fat.write(&alloc::format!("/sub/{}", long), &big, false)
            .unwrap();
        assert_eq!(fat.read(&alloc::format!("sub/{}", long)).unwrap(), big);
        let names: Vec<String> = fat
            .list("/sub")
            .unwrap()
            .into_iter()
            .map(|e| e.name)
            .collect();
        assert_eq!(names, vec![String::from(long)]);
        fat.rename("/hello.txt", "/sub/moved.txt").unwrap();
        assert_eq!(fat.stat("/hello.txt"), Err(ENOENT.into()));
        assert_eq!(fat.stat("/sub/moved.txt").unwrap().1, 9);
        assert_eq!(fat.remove("/sub", true), Err(EACCES.into()));
        fat.rename("/sub", "/other").unwrap();
        fat.remove("/other/moved.txt", false).unwrap();
        fat.remove(&alloc::format!("/other/{}", long), false)
            .unwrap();
        fat.remove("/other", true).unwrap();
        assert!(fat.list("/").unwrap().is_empty());
        assert_eq!(fat.free_clusters().unwrap(), geo.n_fatent - 2);
        let t = fattime_to_secs(secs_to_fattime(1_700_000_000));
        assert_eq!(t, 1_700_000_000);
    }

    #[test]
    fn many_entries_grow_a_directory() {
        let (mut dev, geo) = fresh(400);
        let mut fat = Fat::new(&mut dev, geo, 0, 0);
        fat.mkdir("/d").unwrap();
        for i in 0..40 {
            fat.write(&alloc::format!("/d/file number {}", i), b"x", false)
                .unwrap();
        }
        assert_eq!(fat.list("/d").unwrap().len(), 40);
        assert_eq!(fat.read("/d/FILE NUMBER 39").unwrap(), b"x");
    }

    #[test]
    fn full_disk_is_enospc() {
        let (mut dev, geo) = fresh(60);
        let mut fat = Fat::new(&mut dev, geo, 0, 0);
        let big = vec![7u8; 60 * 512];
        assert_eq!(fat.write("/big", &big, false), Err(ENOSPC.into()));
        fat.remove("/big", false).unwrap();
        assert_eq!(fat.free_clusters().unwrap(), geo.n_fatent - 2);
    }

    #[test]
    fn corrupt_images_never_panic() {
        let (dev, _) = fresh(80);
        let mut seed = 0x1234_5678u32;
        for round in 0..300 {
            let mut img = Ram(dev.0.clone());
            {
                let mut fat =
                    Fat::new(&mut img, mount(&mut Ram(dev.0.clone()), 512).unwrap(), 0, 0);
                let _ = fat.write("/a file.txt", b"data", false);
                let _ = fat.mkdir("/d");
                let _ = fat.flush();
            }
            for _ in 0..(1 + round % 20) {
                seed ^= seed << 13;
                seed ^= seed >> 17;
                seed ^= seed << 5;
                let at = (seed as usize) % (img.0.len().min(40 * 512));
                img.0[at] = (seed >> 8) as u8;
            }
            if let Ok(geo) = mount(&mut img, 512) {
                let mut fat = Fat::new(&mut img, geo, 0, 0);
                let _ = fat.list("/");
                let _ = fat.read("/a file.txt");
                let _ = fat.write("/new", b"abc", false);
                let _ = fat.mkdir("/d/e");
                let _ = fat.rename("/d", "/x");
                let _ = fat.free_clusters();
                let _ = fat.remove("/a file.txt", false);
            }
        }
    }

    #[test]
    fn streamed_reads_writes_and_truncate() {
        let (mut dev, geo) = fresh(400);
        let mut fat = Fat::new(&mut dev, geo, 0, 0);
        let mut cur = None;
        let mut want = Vec::new();
        for k in 0..50u32 {
            let chunk: Vec<u8> = (0..(k * 53 % 700 + 1)).map(|i| (i ^ k) as u8).collect();
            fat.write_at("/f", want.len() as u64, &chunk, &mut cur)
                .unwrap();
            want.extend_from_slice(&chunk);
        }
        assert_eq!(fat.read("/f").unwrap(), want);
        for (off, len) in [(0, 10), (500, 1000), (want.len() - 3, 10), (4097, 1)] {
            let got = fat.read_at("/f", off as u64, len, &mut cur).unwrap();
            assert_eq!(got, want[off..(off + len).min(want.len())]);
        }
        // Going back re-walks the chain from its start.
        assert_eq!(fat.read_at("/f", 1, 2, &mut cur).unwrap(), want[1..3]);
        fat.write_at("/f", 510, b"across", &mut cur).unwrap();
        want[510..516].copy_from_slice(b"across");
        // A write past the end leaves zeros.
        let end = want.len();
        fat.write_at("/f", end as u64 + 600, b"!", &mut cur)
            .unwrap();
        want.resize(end + 600, 0);
        want.push(b'!');
        assert_eq!(fat.read("/f").unwrap(), want);
        fat.truncate("/f", 700, &mut cur).unwrap();
        want.truncate(700);
        assert_eq!(fat.read("/f").unwrap(), want);
        fat.truncate("/f", 0, &mut cur).unwrap();
        assert_eq!(fat.stat("/f").unwrap().1, 0);
        let free = fat.free_clusters().unwrap();
        fat.truncate("/f", 1000, &mut cur).unwrap();
        assert_eq!(fat.read("/f").unwrap(), vec![0u8; 1000]);
        assert!(fat.free_clusters().unwrap() < free);
    }
}
