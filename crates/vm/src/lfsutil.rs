//! What the two littlefs engines share: the error type, the block device trait (reads and
//! programs at a byte offset inside a block, erases of whole blocks), littlefs's CRC-32, and
//! the glue between MicroPython's Python classes `vfs.VfsLfs1`/`vfs.VfsLfs2` and the engines
//! (construction, `mkfs`, and the whole-file operations the VFS layer asks for).
//!
//! Python block devices use MicroPython's extended protocol, as its littlefs driver does:
//! `readblocks(block, buf, offset)`, `writeblocks(block, buf, offset)` and `ioctl(6, block)` to
//! erase. A result that is not None, True or 0 is an error: a negative integer is that errno, False
//! is EIO and anything else EINVAL (MicroPython's rules).

use alloc::boxed::Box;
use alloc::collections::BTreeMap;
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::RefCell;

use crate::modbuiltins::kwarg;
use crate::moderrno::codes::*;
use crate::port::FileStat;
use crate::value::{PyObject, Str, Value};
use crate::vfs::{self, NOp, NOut};
use crate::vm::Vm;
use crate::{PyErr, PyResult};

/// An error of a littlefs operation: an errno, or an exception raised by a Python block device.
pub enum LfsErr {
    /// An errno value (littlefs's negative codes, made positive).
    Errno(i32),
    /// An exception from the block device's methods.
    Py(PyErr),
}

impl core::fmt::Debug for LfsErr {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            LfsErr::Errno(e) => write!(f, "Errno({})", e),
            LfsErr::Py(_) => write!(f, "Py"),
        }
    }
}

impl PartialEq for LfsErr {
    fn eq(&self, other: &Self) -> bool {
        matches!((self, other), (LfsErr::Errno(a), LfsErr::Errno(b)) if a == b)
    }
}

/// The result type of the engines.
pub type R<T> = Result<T, LfsErr>;

/// littlefs's `LFS_ERR_CORRUPT`: the image is not a valid file system.
pub const ECORRUPT: i32 = 84;
/// `ENOSPC`: no free block left.
pub const ENOSPC: i32 = 28;
/// `EFBIG`: a file would pass the size limit.
pub const EFBIG: i32 = 27;
/// `ENAMETOOLONG`: a name is longer than the file system allows.
pub const ENAMETOOLONG: i32 = 36;

/// An errno as an engine error.
pub fn err<T>(e: i32) -> R<T> {
    Err(LfsErr::Errno(e))
}

/// A block device as littlefs sees it.
pub trait Bd {
    /// Read `buf.len()` bytes at `off` inside `block`.
    fn read(&mut self, block: u32, off: u32, buf: &mut [u8]) -> R<()>;
    /// Program `data` at `off` inside `block` (erased before).
    fn prog(&mut self, block: u32, off: u32, data: &[u8]) -> R<()>;
    /// Erase `block`.
    fn erase(&mut self, block: u32) -> R<()>;
}

static CRC_NIBBLES: [u32; 16] = [
    0x00000000, 0x1db71064, 0x3b6e20c8, 0x26d930ac, 0x76dc4190, 0x6b6b51f4, 0x4db26158, 0x5005713c,
    0xedb88320, 0xf00f9344, 0xd6d6a3e8, 0xcb61b38c, 0x9b64c2b0, 0x86d3d2d4, 0xa00ae278, 0xbdbdf21c,
];

/// littlefs's CRC-32 (reflected polynomial 0xedb88320), continuing from `crc` with no final
/// inversion; a commit's CRC starts from 0xffffffff.
pub fn crc32(mut crc: u32, data: &[u8]) -> u32 {
    for &b in data {
        crc = (crc >> 4) ^ CRC_NIBBLES[((crc ^ b as u32) & 0xf) as usize];
        crc = (crc >> 4) ^ CRC_NIBBLES[((crc ^ (b as u32 >> 4)) & 0xf) as usize];
    }
    crc
}

/// Little-endian u32 at `at` (0 past the end).
pub fn le32(b: &[u8], at: usize) -> u32 {
    match b.get(at..at + 4) {
        Some(s) => u32::from_le_bytes([s[0], s[1], s[2], s[3]]),
        None => 0,
    }
}

/// A block device with a cache of whole blocks, kept for one operation. Programs update cached
/// blocks; an erase forgets the block, so what it holds is read again from the device.
pub struct Cached<'a> {
    /// The device.
    pub bd: &'a mut dyn Bd,
    /// Bytes per block.
    pub bs: u32,
    cache: BTreeMap<u32, Vec<u8>>,
}

impl<'a> Cached<'a> {
    /// A cache over `bd` with blocks of `bs` bytes.
    pub fn new(bd: &'a mut dyn Bd, bs: u32) -> Self {
        Cached {
            bd,
            bs,
            cache: BTreeMap::new(),
        }
    }
    /// A whole block.
    pub fn block(&mut self, b: u32) -> R<&[u8]> {
        if !self.cache.contains_key(&b) {
            let mut buf = alloc::vec![0u8; self.bs as usize];
            self.bd.read(b, 0, &mut buf)?;
            if self.cache.len() > 64 {
                self.cache.clear();
            }
            self.cache.insert(b, buf);
        }
        match self.cache.get(&b) {
            Some(v) => Ok(v),
            None => err(EIO),
        }
    }
    /// `buf.len()` bytes at `off` inside `b`, from the cache when the block is there.
    pub fn read(&mut self, b: u32, off: u32, buf: &mut [u8]) -> R<()> {
        if let Some(v) = self.cache.get(&b) {
            if let Some(s) = v.get(off as usize..off as usize + buf.len()) {
                buf.copy_from_slice(s);
                return Ok(());
            }
        }
        self.bd.read(b, off, buf)
    }
    /// Program `data` at `off` inside `b`.
    pub fn prog(&mut self, b: u32, off: u32, data: &[u8]) -> R<()> {
        self.bd.prog(b, off, data)?;
        if let Some(v) = self.cache.get_mut(&b) {
            if let Some(s) = v.get_mut(off as usize..off as usize + data.len()) {
                s.copy_from_slice(data);
            }
        }
        Ok(())
    }
    /// Erase `b`.
    pub fn erase(&mut self, b: u32) -> R<()> {
        self.cache.remove(&b);
        self.bd.erase(b)
    }
}

// ----- Python glue ----------------------------------------------------------------------------

/// A Python block device seen as a [`Bd`].
pub struct PyBd<'v> {
    /// The VM that runs the device's methods.
    pub vm: &'v mut Vm,
    /// The device object.
    pub dev: Value,
}

/// MicroPython's reading of a block device method's result as an errno (0 for success).
fn dev_result(v: &Value) -> i32 {
    match v {
        Value::None | Value::Bool(true) => 0,
        Value::Bool(false) => EIO,
        Value::Int(0) => 0,
        Value::Int(n) if *n < 0 && *n > -10000 => (-*n) as i32,
        _ => EINVAL,
    }
}

impl Bd for PyBd<'_> {
    fn read(&mut self, block: u32, off: u32, buf: &mut [u8]) -> R<()> {
        let ba = Value::Obj(self.vm.alloc(PyObject::ByteArray(RefCell::new(
            alloc::vec![0u8; buf.len()],
        ))));
        let r = self
            .vm
            .call_method(
                &self.dev,
                "readblocks",
                &[Value::Int(block as i64), ba.clone(), Value::Int(off as i64)],
            )
            .map_err(LfsErr::Py)?;
        match dev_result(&r) {
            0 => {}
            e => return err(e),
        }
        if let Value::Obj(o) = &ba {
            if let PyObject::ByteArray(b) = &**o {
                let b = b.borrow();
                let n = b.len().min(buf.len());
                buf[..n].copy_from_slice(&b[..n]);
            }
        }
        Ok(())
    }
    fn prog(&mut self, block: u32, off: u32, data: &[u8]) -> R<()> {
        if self
            .vm
            .getattr_opt(&self.dev, "writeblocks")
            .map_err(LfsErr::Py)?
            .is_none()
        {
            return err(EROFS);
        }
        let ba = Value::Obj(
            self.vm
                .alloc(PyObject::ByteArray(RefCell::new(data.to_vec()))),
        );
        let r = self
            .vm
            .call_method(
                &self.dev,
                "writeblocks",
                &[Value::Int(block as i64), ba, Value::Int(off as i64)],
            )
            .map_err(LfsErr::Py)?;
        match dev_result(&r) {
            0 => Ok(()),
            e => err(e),
        }
    }
    fn erase(&mut self, block: u32) -> R<()> {
        let r = self
            .vm
            .call_method(
                &self.dev,
                "ioctl",
                &[Value::Int(6), Value::Int(block as i64)],
            )
            .map_err(LfsErr::Py)?;
        match dev_result(&r) {
            0 => Ok(()),
            e => err(e),
        }
    }
}

/// Which littlefs a volume object holds, with that engine's mounted state.
pub enum Engine {
    /// littlefs v1.
    #[cfg(feature = "vfs-lfs1")]
    V1(crate::vfslfs1::State),
    /// littlefs v2.
    #[cfg(feature = "vfs-lfs2")]
    V2(crate::vfslfs2::State),
}

/// A `VfsLfs1`/`VfsLfs2` object's state.
pub struct LfsVol {
    dev: Value,
    engine: Engine,
    cwd: String,
    readonly: bool,
    mtime: bool,
}

/// The configuration MicroPython's constructor and `mkfs` take: (read size, program size,
/// lookahead size, mtime).
fn config_args(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)], v2: bool) -> PyResult<[u32; 4]> {
    let names: &[&str] = if v2 {
        &["readsize", "progsize", "lookahead", "mtime"]
    } else {
        &["readsize", "progsize", "lookahead"]
    };
    crate::modbuiltins::check_kw(vm, "VfsLfs", kw, names)?;
    let mut out = [32u32, 32, 32, 1];
    for (i, n) in names.iter().enumerate() {
        let v = args.get(i).or_else(|| kwarg(kw, n)).cloned();
        if let Some(v) = v {
            out[i] = if i == 3 {
                vm.truthy(&v)? as u32
            } else {
                let n = vm.to_index(&v)?;
                u32::try_from(n).unwrap_or(0).max(1)
            };
        }
    }
    Ok(out)
}

/// `dev.ioctl(op, 0)` as an integer (0 when it gives None).
fn ioctl_int(vm: &mut Vm, dev: &Value, op: i64) -> PyResult<u32> {
    let r = vm.call_method(dev, "ioctl", &[Value::Int(op), Value::Int(0)])?;
    match r {
        Value::None => Ok(0),
        v => {
            let n = vm.to_index(&v)?;
            Ok(u32::try_from(n).unwrap_or(0))
        }
    }
}

/// The device's block size and count.
fn geometry(vm: &mut Vm, dev: &Value) -> PyResult<(u32, u32)> {
    let bs = ioctl_int(vm, dev, 5)?;
    let bc = ioctl_int(vm, dev, 4)?;
    // Bounds that keep a block buffer and the allocator's map of blocks reasonable.
    if bs > 1 << 20 || bc > 1 << 26 {
        return Err(vfs::os_error(vm, EINVAL, None));
    }
    Ok((bs, bc))
}

fn lfs_err(vm: &mut Vm, e: LfsErr, path: Option<&str>) -> PyErr {
    match e {
        LfsErr::Errno(n) => vfs::os_error(vm, n, path),
        LfsErr::Py(p) => p,
    }
}

/// `VfsLfs1(bdev, readsize=32, progsize=32, lookahead=32)` / `VfsLfs2(..., mtime=True)`:
/// mount the file system on `bdev` (OSError when it holds none).
pub fn lfs_new(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)], v2: bool) -> PyResult {
    let name = if v2 { "VfsLfs2" } else { "VfsLfs1" };
    crate::modbuiltins::check_args(vm, name, args, 2, if v2 { 6 } else { 5 })?;
    let dev = args[1].clone();
    let [rs, ps, la, mtime] = config_args(vm, &args[2..], kw, v2)?;
    let (bs, bc) = geometry(vm, &dev)?;
    let engine = mount_engine(vm, &dev, v2, bs, bc, rs, ps, la)?;
    let vol = LfsVol {
        dev,
        engine,
        cwd: String::from("/"),
        readonly: false,
        mtime: v2 && mtime != 0,
    };
    let Value::Obj(cls) = &args[0] else {
        return Err(vm.type_error("__new__(X): X is not a type object"));
    };
    Ok(Value::Obj(vm.alloc(PyObject::Native(
        crate::value::NativeObj {
            class: cls.clone(),
            data: RefCell::new(Box::new(vol)),
        },
    ))))
}

#[allow(clippy::too_many_arguments)]
fn mount_engine(
    vm: &mut Vm,
    dev: &Value,
    v2: bool,
    bs: u32,
    bc: u32,
    rs: u32,
    ps: u32,
    la: u32,
) -> PyResult<Engine> {
    let mut bd = PyBd {
        vm,
        dev: dev.clone(),
    };
    let r = if v2 {
        #[cfg(feature = "vfs-lfs2")]
        {
            crate::vfslfs2::mount(&mut bd, crate::vfslfs2::Cfg::new(bs, bc, rs, ps, la))
                .map(Engine::V2)
        }
        #[cfg(not(feature = "vfs-lfs2"))]
        {
            let _ = (bs, bc, rs, ps, la);
            err(ENODEV)
        }
    } else {
        #[cfg(feature = "vfs-lfs1")]
        {
            crate::vfslfs1::mount(&mut bd, crate::vfslfs1::Cfg::new(bs, bc, rs, ps, la))
                .map(Engine::V1)
        }
        #[cfg(not(feature = "vfs-lfs1"))]
        {
            let _ = (bs, bc, rs, ps, la);
            err(ENODEV)
        }
    };
    r.map_err(|e| lfs_err(vm, e, None))
}

/// `VfsLfs1.mkfs(bdev, readsize=32, progsize=32, lookahead=32)` / `VfsLfs2.mkfs(...)`.
pub fn lfs_mkfs(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)], v2: bool) -> PyResult {
    crate::modbuiltins::check_args(vm, "mkfs", args, 1, if v2 { 5 } else { 4 })?;
    let dev = args[0].clone();
    let [rs, ps, la, _] = config_args(vm, &args[1..], kw, v2)?;
    let (bs, bc) = geometry(vm, &dev)?;
    let mut bd = PyBd {
        vm,
        dev: dev.clone(),
    };
    let r = if v2 {
        #[cfg(feature = "vfs-lfs2")]
        {
            crate::vfslfs2::mkfs(&mut bd, crate::vfslfs2::Cfg::new(bs, bc, rs, ps, la))
        }
        #[cfg(not(feature = "vfs-lfs2"))]
        {
            let _ = (bs, bc, rs, ps, la);
            err(ENODEV)
        }
    } else {
        #[cfg(feature = "vfs-lfs1")]
        {
            crate::vfslfs1::mkfs(&mut bd, crate::vfslfs1::Cfg::new(bs, bc, rs, ps, la))
        }
        #[cfg(not(feature = "vfs-lfs1"))]
        {
            let _ = (bs, bc, rs, ps, la);
            err(ENODEV)
        }
    };
    r.map_err(|e| lfs_err(vm, e, None))?;
    Ok(Value::None)
}

/// True when `dev` holds a littlefs superblock in block 0 or 1: Some(true) for v2, Some(false)
/// for v1 (MicroPython's auto-detection, done before trying FAT).
pub fn detect(vm: &mut Vm, dev: &Value) -> Option<bool> {
    for block in 0..2u32 {
        let mut buf = [0u8; 44];
        let r = PyBd {
            vm,
            dev: dev.clone(),
        }
        .read(block, 8, &mut buf);
        if r.is_err() {
            return None;
        }
        if cfg!(feature = "vfs-lfs1") && &buf[32..40] == b"littlefs" {
            return Some(false);
        }
        if cfg!(feature = "vfs-lfs2") && &buf[0..8] == b"littlefs" {
            return Some(true);
        }
    }
    None
}

/// True for `VfsLfs1`/`VfsLfs2` objects.
pub fn is_lfs(o: &crate::value::Obj) -> bool {
    match &**o {
        PyObject::Native(n) => n.data.try_borrow().is_ok_and(|d| d.is::<LfsVol>()),
        _ => false,
    }
}

/// The largest file a littlefs volume object keeps inline in its directory entry (read with
/// the entry, so into the open file's cache at open()); 0 for littlefs v1, which has none.
pub fn inline_max(o: &crate::value::Obj) -> Option<u32> {
    let PyObject::Native(n) = &**o else {
        return None;
    };
    let d = n.data.try_borrow().ok()?;
    let v = d.downcast_ref::<LfsVol>()?;
    match &v.engine {
        #[cfg(feature = "vfs-lfs1")]
        Engine::V1(_) => Some(0),
        #[cfg(feature = "vfs-lfs2")]
        Engine::V2(st) => Some(st.inline_max()),
    }
}

/// The current directory of a littlefs volume object.
pub fn lfs_cwd(o: &crate::value::Obj) -> Option<String> {
    let PyObject::Native(n) = &**o else {
        return None;
    };
    let d = n.data.try_borrow().ok()?;
    d.downcast_ref::<LfsVol>().map(|v| v.cwd.clone())
}

/// Time now in nanoseconds since 1970 (for littlefs v2's `t` attribute).
fn now_ns(vm: &mut Vm) -> u64 {
    let t = vm.port.time();
    if t.is_finite() && t > 0.0 {
        (t * 1e9) as u64
    } else {
        0
    }
}

/// Run a [`NOp`] on a littlefs volume object.
pub fn lfs_op(vm: &mut Vm, o: &crate::value::Obj, path: &str, op: NOp) -> PyResult<NOut> {
    let PyObject::Native(n) = &**o else {
        return Err(vfs::os_error(vm, ENODEV, Some(path)));
    };
    // The engine state is taken out while the operation runs (the device's methods are Python
    // code and may look at the object), and put back after.
    let taken = {
        let mut d = n.data.borrow_mut();
        match d.downcast_mut::<LfsVol>() {
            Some(v) => Some((
                v.dev.clone(),
                v.cwd.clone(),
                v.readonly,
                v.mtime,
                core::mem::replace(&mut v.engine, placeholder()),
            )),
            None => None,
        }
    };
    let Some((dev, cwd, readonly, mtime, mut engine)) = taken else {
        return Err(vfs::os_error(vm, ENODEV, Some(path)));
    };
    let p = vfs::inside(&cwd, path);
    let writes = op.writes();
    let now = if mtime { Some(now_ns(vm)) } else { None };
    let mut new_cwd = None;
    let mut new_ro = None;
    let r: R<NOut> = if writes && readonly {
        err(EROFS)
    } else {
        let mut bd = PyBd {
            vm,
            dev: dev.clone(),
        };
        run_engine(
            &mut engine,
            &mut bd,
            &p,
            &cwd,
            op,
            now,
            &mut new_cwd,
            &mut new_ro,
        )
    };
    {
        let mut d = n.data.borrow_mut();
        if let Some(v) = d.downcast_mut::<LfsVol>() {
            v.engine = engine;
            if let Some(c) = new_cwd {
                v.cwd = c;
            }
            if let Some(ro) = new_ro {
                v.readonly = ro;
            }
        }
    }
    let out = r.map_err(|e| lfs_err(vm, e, Some(path)))?;
    if writes {
        let _ = vm.call_method(&dev, "ioctl", &[Value::Int(3), Value::Int(0)])?;
    }
    Ok(out)
}

fn placeholder() -> Engine {
    #[cfg(feature = "vfs-lfs2")]
    {
        Engine::V2(crate::vfslfs2::State::placeholder())
    }
    #[cfg(not(feature = "vfs-lfs2"))]
    {
        Engine::V1(crate::vfslfs1::State::placeholder())
    }
}

/// The operations both engines provide, on absolute normalised paths.
pub trait Fs {
    /// (is_dir, size, mtime in seconds since 1970 or 0).
    fn stat(&mut self, path: &str) -> R<(bool, u32, i64)>;
    /// Entries of a directory: (name, is_dir, size).
    fn list(&mut self, path: &str) -> R<Vec<(String, bool, u32)>>;
    /// A whole file.
    fn read(&mut self, path: &str) -> R<Vec<u8>>;
    /// Replace or append to a file; `mtime` (nanoseconds) is stored when given.
    fn write(&mut self, path: &str, data: &[u8], append: bool, mtime: Option<u64>) -> R<()>;
    /// Make a directory.
    fn mkdir(&mut self, path: &str) -> R<()>;
    /// Remove a file or an empty directory.
    fn remove(&mut self, path: &str) -> R<()>;
    /// Rename.
    fn rename(&mut self, from: &str, to: &str) -> R<()>;
    /// (block size, block count, free blocks).
    fn statvfs(&mut self) -> R<[i64; 3]>;
    /// Up to `len` bytes of a file from `off` (by default sliced from the whole file).
    fn read_at(&mut self, path: &str, off: u64, len: usize) -> R<Vec<u8>> {
        let all = self.read(path)?;
        let from = usize::try_from(off).unwrap_or(usize::MAX).min(all.len());
        let to = from.saturating_add(len).min(all.len());
        Ok(all[from..to].to_vec())
    }
    /// Write `data` at `off` (zeros fill a gap past the end): appended when it starts at the
    /// end, otherwise the file is rewritten.
    fn write_at(&mut self, path: &str, off: u64, data: &[u8], mtime: Option<u64>) -> R<()> {
        let size = match self.stat(path) {
            Ok((true, _, _)) => return err(EISDIR),
            Ok((false, s, _)) => s as u64,
            Err(LfsErr::Errno(ENOENT)) => {
                self.write(path, &[], false, mtime)?;
                0
            }
            Err(e) => return Err(e),
        };
        if off.saturating_add(data.len() as u64) > 0x7fff_ffff {
            return err(EFBIG);
        }
        let mut size = size;
        while size < off {
            let n = (off - size).min(4096) as usize;
            self.write(path, &alloc::vec![0u8; n], true, mtime)?;
            size += n as u64;
        }
        if off == size {
            return self.write(path, data, true, mtime);
        }
        let mut all = self.read(path)?;
        let from = off as usize;
        let end = from + data.len();
        if end > all.len() {
            all.resize(end, 0);
        }
        all[from..end].copy_from_slice(data);
        self.write(path, &all, false, mtime)
    }
    /// Cut or extend a file to `len` bytes.
    fn truncate(&mut self, path: &str, len: u64, mtime: Option<u64>) -> R<()> {
        let (is_dir, size, _) = self.stat(path)?;
        if is_dir {
            return err(EISDIR);
        }
        if len >= size as u64 {
            return self.write_at(path, len, &[], mtime);
        }
        let mut keep = if len == 0 {
            Vec::new()
        } else {
            self.read(path)?
        };
        keep.truncate(len as usize);
        self.write(path, &keep, false, mtime)
    }
}

#[allow(clippy::too_many_arguments)]
fn run_engine(
    engine: &mut Engine,
    bd: &mut PyBd,
    p: &str,
    cwd: &str,
    op: NOp,
    now: Option<u64>,
    new_cwd: &mut Option<String>,
    new_ro: &mut Option<bool>,
) -> R<NOut> {
    match engine {
        #[cfg(feature = "vfs-lfs1")]
        Engine::V1(st) => do_op(
            &mut crate::vfslfs1::Lfs1::new(bd, st),
            p,
            cwd,
            op,
            now,
            new_cwd,
            new_ro,
        ),
        #[cfg(feature = "vfs-lfs2")]
        Engine::V2(st) => do_op(
            &mut crate::vfslfs2::Lfs2::new(bd, st),
            p,
            cwd,
            op,
            now,
            new_cwd,
            new_ro,
        ),
    }
}

fn do_op(
    fs: &mut dyn Fs,
    p: &str,
    cwd: &str,
    op: NOp,
    now: Option<u64>,
    new_cwd: &mut Option<String>,
    new_ro: &mut Option<bool>,
) -> R<NOut> {
    Ok(match op {
        NOp::Read => NOut::Data(fs.read(p)?),
        NOp::Write(d, a) => {
            fs.write(p, d, a, now)?;
            NOut::Unit
        }
        NOp::List => NOut::Entries(
            fs.list(p)?
                .into_iter()
                .map(|(n, d, s)| (n, d, s as u64))
                .collect(),
        ),
        NOp::Stat => {
            let (is_dir, size, mtime) = fs.stat(p)?;
            NOut::Stat(FileStat {
                is_dir,
                size: size as u64,
                mtime,
            })
        }
        NOp::Mkdir => {
            fs.mkdir(p)?;
            NOut::Unit
        }
        NOp::Remove | NOp::Rmdir => {
            fs.remove(p)?;
            NOut::Unit
        }
        NOp::Rename(to) => {
            fs.rename(p, &vfs::inside(cwd, to))?;
            NOut::Unit
        }
        NOp::Statvfs => NOut::Statvfs(fs.statvfs()?),
        NOp::Chdir => match fs.stat(p) {
            Ok((true, _, _)) => {
                *new_cwd = Some(p.into());
                NOut::Unit
            }
            Ok(_) | Err(LfsErr::Errno(_)) => return err(ENOENT),
            Err(e) => return Err(e),
        },
        NOp::Mount(ro) => {
            *new_ro = Some(ro);
            NOut::Unit
        }
        NOp::ReadAt(off, len) => NOut::Data(fs.read_at(p, off, len)?),
        NOp::WriteAt(off, d) => {
            fs.write_at(p, off, d, now)?;
            NOut::Unit
        }
        NOp::Truncate(len) => {
            fs.truncate(p, len, now)?;
            NOut::Unit
        }
    })
}

/// A printable form of a name read from the image.
pub fn name_str(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// `VfsLfs2.__new__`.
pub fn lfs2_new(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    lfs_new(vm, args, kw, true)
}

/// `VfsLfs2.mkfs`.
pub fn lfs2_mkfs(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    lfs_mkfs(vm, args, kw, true)
}

/// `VfsLfs1.__new__`.
pub fn lfs1_new(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    lfs_new(vm, args, kw, false)
}

/// `VfsLfs1.mkfs`.
pub fn lfs1_mkfs(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    lfs_mkfs(vm, args, kw, false)
}

/// CTZ skip-lists, the file layout both littlefs versions share: block n of a file starts with
/// ctz(n)+1 pointers (to blocks n-1, n-2, n-4, ...), then data.
pub mod ctz {
    use super::{err, Cached, ECORRUPT, ENOSPC, R};
    use alloc::vec;
    use alloc::vec::Vec;

    /// The allocator of one operation: blocks in use and where the next search starts.
    pub struct Blocks {
        /// One flag per block.
        pub used: Vec<bool>,
        /// Where the next search starts.
        pub cursor: u32,
        /// Blocks taken during this operation (kept through a rescan of the blocks in use).
        pub taken: Vec<u32>,
    }

    impl Blocks {
        /// A free block, marked used.
        pub fn alloc(&mut self) -> R<u32> {
            let n = self.used.len() as u32;
            let start = if n == 0 { 0 } else { self.cursor % n };
            for k in 0..n {
                let b = (start + k) % n;
                if !self.used[b as usize] {
                    self.used[b as usize] = true;
                    self.cursor = (b + 1) % n;
                    self.taken.push(b);
                    return Ok(b);
                }
            }
            err(ENOSPC)
        }
        /// Mark `b` in use.
        pub fn mark(&mut self, b: u32) {
            if let Some(u) = self.used.get_mut(b as usize) {
                *u = true;
            }
        }
    }

    /// The index of the block holding byte `off` of a file, and the offset inside that block
    /// (littlefs's `lfs_ctz_index`).
    pub fn index(bs: u32, off: u32) -> (u32, u32) {
        let b = bs.saturating_sub(8).max(1);
        let i = off / b;
        if i == 0 {
            return (0, off);
        }
        let i = off.saturating_sub(4 * ((i - 1).count_ones() + 2)) / b;
        let rest = off
            .saturating_sub(b.saturating_mul(i))
            .saturating_sub(4 * i.count_ones());
        (i, rest)
    }

    /// Bytes of pointers at the start of block `i`.
    pub fn header(i: u32) -> u32 {
        if i == 0 {
            0
        } else {
            4 * (i.trailing_zeros() + 1)
        }
    }

    /// The blocks of a list, first to last.
    pub fn blocks(dev: &mut Cached, bc: u32, head: u32, size: u32) -> R<Vec<u32>> {
        if size == 0 {
            return Ok(Vec::new());
        }
        let (last, _) = index(dev.bs, size - 1);
        if last >= bc {
            return err(ECORRUPT);
        }
        let mut out = vec![0u32; last as usize + 1];
        let mut cur = head;
        let mut i = last;
        loop {
            if cur >= bc {
                return err(ECORRUPT);
            }
            out[i as usize] = cur;
            if i == 0 {
                break;
            }
            let mut p = [0u8; 4];
            dev.read(cur, 0, &mut p)?;
            cur = u32::from_le_bytes(p);
            i -= 1;
        }
        Ok(out)
    }

    /// The block holding byte `pos` of the list (head, size) and the offset inside it, found
    /// through the skip pointers (littlefs's `lfs_ctz_find`: O(log n) pointer reads).
    pub fn find(dev: &mut Cached, bc: u32, head: u32, size: u32, pos: u32) -> R<(u32, u32)> {
        if size == 0 {
            return err(ECORRUPT);
        }
        let (current, _) = index(dev.bs, size - 1);
        let (target, off) = index(dev.bs, pos);
        Ok((walk(dev, bc, head, current, target)?, off))
    }

    /// Up to `len` bytes of the list (head, size) from `off`, reading only the blocks holding
    /// them.
    pub fn read_range(
        dev: &mut Cached,
        bc: u32,
        head: u32,
        size: u32,
        off: u64,
        len: usize,
    ) -> R<Vec<u8>> {
        if off >= size as u64 {
            return Ok(Vec::new());
        }
        let len = (len as u64).min(size as u64 - off) as usize;
        let mut out = vec![0u8; len];
        let mut done = 0;
        let mut pos = off as u32;
        while done < len {
            let (b, inner) = find(dev, bc, head, size, pos)?;
            let n = (dev.bs.saturating_sub(inner) as usize).min(len - done);
            if n == 0 {
                return err(ECORRUPT);
            }
            dev.read(b, inner, &mut out[done..done + n])?;
            done += n;
            pos += n as u32;
        }
        Ok(out)
    }

    /// A whole file.
    pub fn read(dev: &mut Cached, bc: u32, head: u32, size: u32) -> R<Vec<u8>> {
        let bs = dev.bs;
        let bl = blocks(dev, bc, head, size)?;
        let mut out = Vec::with_capacity(size as usize);
        for (i, b) in bl.iter().enumerate() {
            let h = header(i as u32);
            let want = (size as usize - out.len()).min((bs - h) as usize);
            let data = dev.block(*b)?;
            out.extend_from_slice(&data[h as usize..h as usize + want]);
            if out.len() >= size as usize {
                break;
            }
        }
        Ok(out)
    }

    /// Block `target` of a list whose block `current` is `head`, through the skip pointers.
    fn walk(dev: &mut Cached, bc: u32, mut head: u32, mut current: u32, target: u32) -> R<u32> {
        while current > target {
            let span = current - target + 1;
            let npw2 = 32 - (span - 1).leading_zeros();
            let skip = (npw2 - 1).min(current.trailing_zeros());
            if head >= bc {
                return err(ECORRUPT);
            }
            let mut p = [0u8; 4];
            dev.read(head, 4 * skip, &mut p)?;
            head = u32::from_le_bytes(p);
            current -= 1 << skip;
        }
        if head >= bc {
            return err(ECORRUPT);
        }
        Ok(head)
    }

    /// Append `data` to the list (head, size); a partly filled last block is copied into a new
    /// block first (blocks are never programmed twice). The pointers of new blocks are found
    /// through the skip pointers (O(log n) reads each). Returns the new (head, size).
    pub fn append(
        dev: &mut Cached,
        al: &mut Blocks,
        head: u32,
        size: u32,
        data: &[u8],
    ) -> R<(u32, u32)> {
        if data.is_empty() {
            return Ok((head, size));
        }
        let bs = dev.bs as usize;
        let bc = al.used.len() as u32;
        // Blocks [0, kept) of the old list stay; `head` is its block `last`.
        let mut last = 0;
        let mut kept = 0;
        let mut cur: Option<(u32, Vec<u8>)> = None;
        if size > 0 {
            let (l, off) = index(dev.bs, size - 1);
            if l >= bc {
                return err(ECORRUPT);
            }
            last = l;
            let used = off as usize + 1;
            if used < bs {
                let mut buf = vec![0u8; used];
                dev.read(head, 0, &mut buf)?;
                let nb = al.alloc()?;
                dev.erase(nb)?;
                cur = Some((nb, buf));
                kept = l;
            } else {
                kept = l + 1;
            }
        }
        let mut fresh: Vec<u32> = Vec::new();
        let total = size as usize + data.len();
        let mut rest = data;
        loop {
            let (b, mut buf) = match cur.take() {
                Some(c) => c,
                None => {
                    let i = kept + fresh.len() as u32;
                    let b = al.alloc()?;
                    dev.erase(b)?;
                    let mut h = Vec::new();
                    if i > 0 {
                        for k in 0..=i.trailing_zeros() {
                            let idx = i - (1 << k);
                            let p = if idx >= kept {
                                fresh.get((idx - kept) as usize).copied().unwrap_or(0)
                            } else {
                                walk(dev, bc, head, last, idx)?
                            };
                            h.extend_from_slice(&p.to_le_bytes());
                        }
                    }
                    (b, h)
                }
            };
            let take = bs.saturating_sub(buf.len()).min(rest.len());
            if take == 0 {
                // Blocks too small for the pointers a file this long needs.
                return err(super::EFBIG);
            }
            buf.extend_from_slice(&rest[..take]);
            rest = &rest[take..];
            dev.prog(b, 0, &buf)?;
            fresh.push(b);
            if rest.is_empty() {
                return Ok((b, total as u32));
            }
        }
    }
}
