//! The `vfs` module: `mount`, `umount` and the file system classes `VfsFat` (a FAT volume on a
//! block device), `VfsLfs2`/`VfsLfs1` (littlefs v2/v1 on a block device: vfslfs2.rs,
//! vfslfs1.rs), `VfsPosix` (the Port's host files, optionally below a root directory) and
//! `VfsRam` (in memory). `os.mount`, `os.umount` and `os.Vfs*` are the same objects.
//!
//! The classes share MicroPython's VFS methods (`open`, `ilistdir`, `stat`, `statvfs`,
//! `mkdir`, `rmdir`, `remove`, `rename`, `chdir`, `getcwd`, `mount`, `umount`); each object keeps
//! its own current directory. Block devices use MicroPython's protocol: `readblocks(n, buf)`,
//! `writeblocks(n, buf)` and `ioctl(op, arg)` (4: block count, 5: block size, 3: sync), or the
//! old `count()`/`sync()` methods.

use alloc::boxed::Box;
use alloc::format;
use alloc::rc::Rc;
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::RefCell;

use crate::attr::dict_of;
#[cfg(any(feature = "vfs-lfs1", feature = "vfs-lfs2"))]
use crate::lfsutil;
use crate::modbuiltins::{builtin_fn, check_args, check_kw, kwarg};
use crate::moderrno::codes::*;
use crate::port::{FileKind, FileStat};
use crate::types;
use crate::value::{Layout, NativeFn, NativeObj, Obj, PyObject, Str, Value};
use crate::vfs::{self, NOp, NOut};
#[cfg(feature = "vfs-fat")]
use crate::vfsfat::{self, BlockIo, Fat, FsErr, Geo};
use crate::vm::Vm;
#[cfg(feature = "vfs-fat")]
use crate::PyErr;
use crate::PyResult;

/// A FAT volume object's state.
#[cfg(feature = "vfs-fat")]
pub struct FatVol {
    dev: Value,
    geo: Option<Geo>,
    hint: u32,
    cwd: String,
    readonly: bool,
    /// Where the last streamed read or write of a file stopped in its cluster chain.
    cursor: Option<vfsfat::Cursor>,
}

/// A `VfsPosix` object's state: the host directory it shows as its root ("" for the host's
/// root) and its own current directory.
pub struct PosixFs {
    root: String,
    cwd: String,
}

/// The classes, made once per VM.
struct FsClasses {
    ram: Obj,
    #[cfg(feature = "vfs-fat")]
    fat: Obj,
    #[cfg(feature = "vfs-lfs1")]
    lfs1: Obj,
    #[cfg(feature = "vfs-lfs2")]
    lfs2: Obj,
    posix: Obj,
    mount: Value,
    umount: Value,
}

fn classes(vm: &mut Vm) -> Rc<FsClasses> {
    let o = vfs::hidden_state::<Option<Rc<FsClasses>>>(vm, " vfs.classes");
    if let PyObject::Native(n) = &*o {
        if let Some(Some(c)) = n.data.borrow().downcast_ref::<Option<Rc<FsClasses>>>() {
            return c.clone();
        }
    }
    let methods: &[(&'static str, NativeFn)] = &[
        ("open", m_open),
        ("ilistdir", m_ilistdir),
        ("stat", m_stat),
        ("statvfs", m_statvfs),
        ("mkdir", m_mkdir),
        ("rmdir", m_rmdir),
        ("remove", m_remove),
        ("rename", m_rename),
        ("chdir", m_chdir),
        ("getcwd", m_getcwd),
        ("mount", m_mount),
        ("umount", m_umount),
    ];
    let make = |vm: &mut Vm, name: &str, new: NativeFn, mkfs: NativeFn| {
        let cls = types::new_type(
            name,
            alloc::vec![vm.types.object.clone()],
            Layout::Other,
            false,
        );
        types::add_methods(&cls, methods);
        types::add_static_methods(&cls, &[("__new__", new), ("mkfs", mkfs)]);
        types::set_attr(&cls, "__module__", Value::str("vfs"));
        cls
    };
    let c = Rc::new(FsClasses {
        ram: make(vm, "VfsRam", ram_new, nothing),
        #[cfg(feature = "vfs-fat")]
        fat: make(vm, "VfsFat", fat_new, fat_mkfs),
        #[cfg(feature = "vfs-lfs1")]
        lfs1: make(vm, "VfsLfs1", lfsutil::lfs1_new, lfsutil::lfs1_mkfs),
        #[cfg(feature = "vfs-lfs2")]
        lfs2: make(vm, "VfsLfs2", lfsutil::lfs2_new, lfsutil::lfs2_mkfs),
        posix: make(vm, "VfsPosix", posix_new, nothing),
        mount: builtin_fn("mount", mount),
        umount: builtin_fn("umount", umount),
    });
    if let PyObject::Native(n) = &*o {
        *n.data.borrow_mut() = Box::new(Some(c.clone()));
    }
    c
}

fn nothing(_vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    Ok(Value::None)
}

fn new_native(vm: &mut Vm, cls: &Value, data: Box<dyn core::any::Any>) -> PyResult {
    let Value::Obj(cls) = cls else {
        return Err(vm.type_error("__new__(X): X is not a type object"));
    };
    Ok(Value::Obj(vm.alloc(PyObject::Native(NativeObj {
        class: cls.clone(),
        data: RefCell::new(data),
    }))))
}

fn ram_new(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let cls = args.first().cloned().unwrap_or(Value::None);
    new_native(vm, &cls, Box::new(vfs::RamFs::default()))
}

fn posix_new(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    check_kw(vm, "VfsPosix", kw, &["root"])?;
    let cls = args.first().cloned().unwrap_or(Value::None);
    let root = args.get(1).or_else(|| kwarg(kw, "root")).cloned();
    let root = match root {
        None | Some(Value::None) => String::new(),
        Some(Value::Str(s)) => {
            let s = String::from(s.as_str());
            let abs = if s.starts_with('/') {
                vfs::normalize(&s)
            } else {
                let cwd = vm.port.getcwd().unwrap_or_else(|| String::from("/"));
                vfs::normalize(&vfs::join(&cwd, &s))
            };
            if vm.port.file_kind(&abs) != FileKind::Dir {
                return Err(vfs::os_error(vm, ENOENT, Some(&s)));
            }
            if abs == "/" {
                String::new()
            } else {
                abs
            }
        }
        Some(v) => {
            let tn = vm.type_name(&v);
            return Err(vm.type_error(format!("can't convert '{}' object to str implicitly", tn)));
        }
    };
    let cwd = if root.is_empty() {
        vm.port
            .getcwd()
            .filter(|c| c.starts_with('/'))
            .unwrap_or_else(|| String::from("/"))
    } else {
        String::from("/")
    };
    new_native(vm, &cls, Box::new(PosixFs { root, cwd }))
}

/// A `VfsPosix` object for the Port's files at `/` (how `vfs.mount()` shows them).
pub fn port_fs(vm: &mut Vm) -> Value {
    let c = classes(vm);
    let cwd = vm
        .port
        .getcwd()
        .filter(|c| c.starts_with('/'))
        .unwrap_or_else(|| String::from("/"));
    new_native(
        vm,
        &Value::Obj(c.posix.clone()),
        Box::new(PosixFs {
            root: String::new(),
            cwd,
        }),
    )
    .unwrap_or(Value::None)
}

/// True for `VfsFat` and `VfsPosix` objects.
pub fn is_native_fs(o: &Obj) -> bool {
    match &**o {
        PyObject::Native(n) => match n.data.try_borrow() {
            Ok(d) => {
                #[cfg(feature = "vfs-fat")]
                if d.is::<FatVol>() {
                    return true;
                }
                #[cfg(any(feature = "vfs-lfs1", feature = "vfs-lfs2"))]
                if d.is::<lfsutil::LfsVol>() {
                    return true;
                }
                d.is::<PosixFs>()
            }
            Err(_) => false,
        },
        _ => false,
    }
}

/// The current directory of a `VfsFat` or `VfsPosix` object.
pub fn native_cwd(o: &Obj) -> Option<String> {
    let PyObject::Native(n) = &**o else {
        return None;
    };
    let d = n.data.try_borrow().ok()?;
    #[cfg(feature = "vfs-fat")]
    if let Some(f) = d.downcast_ref::<FatVol>() {
        return Some(f.cwd.clone());
    }
    #[cfg(any(feature = "vfs-lfs1", feature = "vfs-lfs2"))]
    if let Some(c) = lfsutil::lfs_cwd(o) {
        return Some(c);
    }
    d.downcast_ref::<PosixFs>().map(|p| p.cwd.clone())
}

/// Run a [`NOp`] on a `VfsFat` or `VfsPosix` object.
pub fn native_op(vm: &mut Vm, o: &Obj, path: &str, op: NOp) -> PyResult<NOut> {
    let posix = match &**o {
        PyObject::Native(n) => n.data.try_borrow().ok().and_then(|d| {
            d.downcast_ref::<PosixFs>()
                .map(|p| (p.root.clone(), p.cwd.clone()))
        }),
        _ => None,
    };
    if let Some((root, cwd)) = posix {
        return posix_op(vm, o, &root, &cwd, path, op);
    }
    #[cfg(any(feature = "vfs-lfs1", feature = "vfs-lfs2"))]
    if lfsutil::is_lfs(o) {
        return lfsutil::lfs_op(vm, o, path, op);
    }
    #[cfg(feature = "vfs-fat")]
    {
        fat_op(vm, o, path, op)
    }
    #[cfg(not(feature = "vfs-fat"))]
    {
        Err(vfs::os_error(vm, ENODEV, Some(path)))
    }
}

// ----- VfsPosix --------------------------------------------------------------------------------

fn posix_op(vm: &mut Vm, o: &Obj, root: &str, cwd: &str, path: &str, op: NOp) -> PyResult<NOut> {
    let inner = vfs::inside(cwd, path);
    let host = if root.is_empty() {
        inner.clone()
    } else if inner == "/" {
        String::from(root)
    } else {
        format!("{}{}", root, inner)
    };
    let r: Result<NOut, i32> = match op {
        NOp::Read => vm.port.read_file(&host).map(NOut::Data),
        NOp::Write(d, append) => if append {
            vm.port.append_file(&host, d)
        } else {
            vm.port.write_file(&host, d)
        }
        .map(|_| NOut::Unit),
        NOp::List => match vm.port.list_dir(&host) {
            Ok(names) => {
                let mut out = Vec::with_capacity(names.len());
                for n in names {
                    let st = vm.port.stat(&vfs::join(&host, &n)).unwrap_or_default();
                    out.push((n, st.is_dir, st.size));
                }
                Ok(NOut::Entries(out))
            }
            Err(e) => Err(e),
        },
        NOp::Stat => vm.port.stat(&host).map(NOut::Stat),
        NOp::Mkdir => vm.port.mkdir(&host).map(|_| NOut::Unit),
        NOp::Remove => vm.port.remove(&host).map(|_| NOut::Unit),
        NOp::Rmdir => vm.port.rmdir(&host).map(|_| NOut::Unit),
        NOp::Rename(to) => {
            let t = vfs::inside(cwd, to);
            let t = if root.is_empty() {
                t
            } else {
                format!("{}{}", root, t)
            };
            vm.port.rename(&host, &t).map(|_| NOut::Unit)
        }
        NOp::Statvfs => match vm.port.file_kind(&host) {
            FileKind::Missing => Err(ENOENT),
            _ => Ok(NOut::Statvfs([4096, 0, 0])),
        },
        NOp::Chdir => match vm.port.file_kind(&host) {
            FileKind::Dir => {
                if let PyObject::Native(n) = &**o {
                    if let Some(p) = n.data.borrow_mut().downcast_mut::<PosixFs>() {
                        p.cwd = inner.clone();
                    }
                }
                // As on MicroPython, a VfsPosix changes the process's (the Port's) directory.
                vfs::with_state(vm, |st| st.cwd = host.clone());
                Ok(NOut::Unit)
            }
            FileKind::File => Err(ENOTDIR),
            FileKind::Missing => Err(ENOENT),
        },
        NOp::Mount(_) => Ok(NOut::Unit),
        NOp::ReadAt(..) | NOp::WriteAt(..) | NOp::Truncate(_) => Err(EINVAL),
    };
    r.map_err(|e| vfs::os_error(vm, e, Some(path)))
}

// ----- VfsFat ---------------------------------------------------------------------------------

/// A Python block device seen as a [`BlockIo`].
#[cfg(feature = "vfs-fat")]
struct PyDev<'v> {
    vm: &'v mut Vm,
    dev: Value,
}

#[cfg(feature = "vfs-fat")]
impl BlockIo for PyDev<'_> {
    fn read(&mut self, block: u32, buf: &mut [u8]) -> Result<(), FsErr> {
        let ba = Value::Obj(self.vm.alloc(PyObject::ByteArray(RefCell::new(
            alloc::vec![0u8; buf.len()],
        ))));
        let r = self
            .vm
            .call_method(
                &self.dev,
                "readblocks",
                &[Value::Int(block as i64), ba.clone()],
            )
            .map_err(FsErr::Py)?;
        // As FatFs's disk_read under MicroPython: anything but None or 0 is a failed read.
        if !matches!(r, Value::None | Value::Int(0)) {
            return Err(FsErr::Errno(EIO));
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
    fn write(&mut self, block: u32, buf: &[u8]) -> Result<(), FsErr> {
        let ba = Value::Obj(
            self.vm
                .alloc(PyObject::ByteArray(RefCell::new(buf.to_vec()))),
        );
        let r = self
            .vm
            .call_method(&self.dev, "writeblocks", &[Value::Int(block as i64), ba])
            .map_err(FsErr::Py)?;
        if !matches!(r, Value::None | Value::Int(0)) {
            return Err(FsErr::Errno(EIO));
        }
        Ok(())
    }
}

/// `dev.ioctl(op, 0)`, or the old protocol's method for it; None when the device has neither.
#[cfg(feature = "vfs-fat")]
fn dev_ioctl(vm: &mut Vm, dev: &Value, op: i64) -> PyResult<Option<Value>> {
    if vm.getattr_opt(dev, "ioctl")?.is_some() {
        return vm
            .call_method(dev, "ioctl", &[Value::Int(op), Value::Int(0)])
            .map(Some);
    }
    let old = match op {
        3 => "sync",
        4 => "count",
        _ => return Ok(None),
    };
    if vm.getattr_opt(dev, old)?.is_some() {
        return vm.call_method(dev, old, &[]).map(Some);
    }
    Ok(None)
}

#[cfg(feature = "vfs-fat")]
fn sector_size(vm: &mut Vm, dev: &Value) -> PyResult<u32> {
    match dev_ioctl(vm, dev, 5)? {
        Some(Value::Int(n)) if n > 0 => Ok(u32::try_from(n).unwrap_or(0)),
        _ => Ok(512),
    }
}

#[cfg(feature = "vfs-fat")]
fn fs_err(vm: &mut Vm, e: FsErr, path: Option<&str>) -> PyErr {
    match e {
        FsErr::Errno(n) => vfs::os_error(vm, n, path),
        FsErr::Py(p) => p,
    }
}

#[cfg(feature = "vfs-fat")]
fn fat_new(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "VfsFat", args, 2, 2)?;
    let dev = args[1].clone();
    let _ = dev_ioctl(vm, &dev, 1)?;
    let ss = sector_size(vm, &dev)?;
    let geo = vfsfat::mount(
        &mut PyDev {
            vm,
            dev: dev.clone(),
        },
        ss,
    );
    let geo = match geo {
        Ok(g) => Some(g),
        Err(FsErr::Errno(_)) => None,
        Err(FsErr::Py(e)) => return Err(e),
    };
    let vol = FatVol {
        dev,
        geo,
        hint: 0,
        cwd: String::from("/"),
        readonly: false,
        cursor: None,
    };
    new_native(vm, &args[0], Box::new(vol))
}

#[cfg(feature = "vfs-fat")]
fn fat_mkfs(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "mkfs", args, 1, 1)?;
    let dev = args[0].clone();
    let _ = dev_ioctl(vm, &dev, 1)?;
    let ss = sector_size(vm, &dev)?;
    let count = match dev_ioctl(vm, &dev, 4)? {
        Some(v) => vm.to_index(&v)?,
        None => 0,
    };
    let count = u32::try_from(count).unwrap_or(0);
    let now = vfsfat::secs_to_fattime(vm.port.time() as i64);
    let r = vfsfat::mkfs(
        &mut PyDev {
            vm,
            dev: dev.clone(),
        },
        count,
        ss,
        now,
    );
    r.map_err(|e| fs_err(vm, e, None))?;
    dev_ioctl(vm, &dev, 3)?;
    Ok(Value::None)
}

#[cfg(feature = "vfs-fat")]
fn fat_op(vm: &mut Vm, o: &Obj, path: &str, op: NOp) -> PyResult<NOut> {
    let PyObject::Native(n) = &**o else {
        return Err(vfs::os_error(vm, ENODEV, Some(path)));
    };
    let state = n.data.borrow().downcast_ref::<FatVol>().map(|v| {
        (
            (v.dev.clone(), v.geo, v.hint, v.cwd.clone(), v.readonly),
            v.cursor,
        )
    });
    let Some(((dev, mut geo, hint, cwd, readonly), mut cursor)) = state else {
        return Err(vfs::os_error(vm, ENODEV, Some(path)));
    };
    if geo.is_none() {
        let ss = sector_size(vm, &dev)?;
        geo = match vfsfat::mount(
            &mut PyDev {
                vm,
                dev: dev.clone(),
            },
            ss,
        ) {
            Ok(g) => Some(g),
            Err(FsErr::Py(e)) => return Err(e),
            Err(FsErr::Errno(_)) => None,
        };
        if let Some(v) = n.data.borrow_mut().downcast_mut::<FatVol>() {
            v.geo = geo;
        }
    }
    let Some(geo) = geo else {
        return Err(vfs::os_error(vm, ENODEV, None));
    };
    let p = vfs::inside(&cwd, path);
    let writes = op.writes();
    if writes && readonly {
        return Err(vfs::os_error(vm, EROFS, Some(path)));
    }
    if writes && !matches!(op, NOp::WriteAt(..)) {
        // A chain may be freed (and its clusters reused): forget where streaming stopped.
        cursor = None;
    }
    let now = vfsfat::secs_to_fattime(vm.port.time() as i64);
    let mut new_cwd = None;
    let mut new_ro = None;
    let (r, hint) = {
        let mut dev_io = PyDev {
            vm,
            dev: dev.clone(),
        };
        let mut fat = Fat::new(&mut dev_io, geo, hint, now);
        let r = match op {
            NOp::Read => fat.read(&p).map(NOut::Data),
            NOp::Write(d, a) => fat.write(&p, d, a).map(|_| NOut::Unit),
            NOp::List => fat.list(&p).map(|es| {
                NOut::Entries(
                    es.into_iter()
                        .map(|e| {
                            let d = e.is_dir();
                            (e.name, d, e.size as u64)
                        })
                        .collect(),
                )
            }),
            NOp::Stat => fat.stat(&p).map(|(is_dir, size, t)| {
                NOut::Stat(FileStat {
                    is_dir,
                    size: size as u64,
                    mtime: if t == 0 {
                        0
                    } else {
                        vfsfat::fattime_to_secs(t)
                    },
                })
            }),
            NOp::Mkdir => fat.mkdir(&p).map(|_| NOut::Unit),
            NOp::Remove => fat.remove(&p, false).map(|_| NOut::Unit),
            NOp::Rmdir => fat.remove(&p, true).map(|_| NOut::Unit),
            NOp::Rename(to) => fat.rename(&p, &vfs::inside(&cwd, to)).map(|_| NOut::Unit),
            NOp::Statvfs => fat.free_clusters().map(|free| {
                let bs = (geo.csize * geo.ss) as i64;
                NOut::Statvfs([bs, (geo.n_fatent - 2) as i64, free as i64])
            }),
            NOp::Chdir => match fat.stat(&p) {
                Ok((true, _, _)) => {
                    new_cwd = Some(p.clone());
                    Ok(NOut::Unit)
                }
                Ok(_) => Err(FsErr::Errno(ENOENT)),
                Err(e) => Err(e),
            },
            NOp::Mount(ro) => {
                new_ro = Some(ro);
                Ok(NOut::Unit)
            }
            NOp::ReadAt(off, len) => fat.read_at(&p, off, len, &mut cursor).map(NOut::Data),
            NOp::WriteAt(off, d) => fat.write_at(&p, off, d, &mut cursor).map(|_| NOut::Unit),
            NOp::Truncate(len) => fat.truncate(&p, len, &mut cursor).map(|_| NOut::Unit),
        };
        (r, fat.hint)
    };
    if let Some(v) = n.data.borrow_mut().downcast_mut::<FatVol>() {
        v.hint = hint;
        v.cursor = cursor;
        if let Some(c) = new_cwd {
            v.cwd = c;
        }
        if let Some(ro) = new_ro {
            v.readonly = ro;
        }
    }
    let out = r.map_err(|e| fs_err(vm, e, Some(path)))?;
    if writes {
        dev_ioctl(vm, &dev, 3)?;
    }
    Ok(out)
}

// ----- shared methods ------------------------------------------------------------------------

fn self_fs(vm: &mut Vm, args: &[Value]) -> PyResult<Obj> {
    match args.first() {
        Some(Value::Obj(o)) if matches!(&**o, PyObject::Native(_)) => Ok(o.clone()),
        _ => Err(vm.type_error("descriptor requires a VFS object")),
    }
}

/// The path argument at `i` ("" when absent); the flag is true when it was bytes.
fn path_at(vm: &mut Vm, args: &[Value], i: usize) -> PyResult<(String, bool)> {
    match args.get(i) {
        None => Ok((String::new(), false)),
        Some(Value::Str(s)) => Ok((String::from(s.as_str()), false)),
        Some(v) => match crate::objbytes::bytes_data(v) {
            Some(b) => Ok((String::from_utf8_lossy(&b).into_owned(), true)),
            None => {
                let tn = vm.type_name(v);
                Err(vm.type_error(format!("can't convert '{}' object to str implicitly", tn)))
            }
        },
    }
}

fn run(vm: &mut Vm, args: &[Value], op: impl FnOnce(&str) -> NOp<'static>) -> PyResult {
    let o = self_fs(vm, args)?;
    let (p, _) = path_at(vm, args, 1)?;
    vfs::native(vm, &o, &p, op(&p))?;
    Ok(Value::None)
}

fn m_open(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    let o = self_fs(vm, args)?;
    let (p, _) = path_at(vm, args, 1)?;
    let cwd = vfs::native_cwd_of(&o);
    let full = vfs::inside(&cwd, &p);
    let dp = vfs::direct_path(vm, &Value::Obj(o), &full);
    let open = dict_of(&vm.builtins).and_then(|d| d.borrow().get_str("open").cloned());
    let Some(open) = open else {
        return Err(vm.err(
            crate::exceptions::ExcKind::NameError,
            "name 'open' isn't defined",
        ));
    };
    let mut rest = alloc::vec![Value::string(dp)];
    rest.extend(args.iter().skip(2).cloned());
    if kw.is_empty() {
        vm.call(&open, &rest)
    } else {
        vm.call_kw(&open, &rest, kw)
    }
}

fn m_ilistdir(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "ilistdir", args, 1, 2)?;
    let o = self_fs(vm, args)?;
    let (p, as_bytes) = path_at(vm, args, 1)?;
    let entries = match vfs::native(vm, &o, &p, NOp::List)? {
        NOut::Entries(e) => e,
        _ => Vec::new(),
    };
    let mut out = Vec::with_capacity(entries.len());
    for (n, is_dir, size) in entries {
        let name = if as_bytes {
            Value::bytes(n.as_bytes())
        } else {
            Value::string(n)
        };
        let (kind, size) = if is_dir {
            (vfs::S_IFDIR, 0)
        } else {
            (vfs::S_IFREG, size as i64)
        };
        let t = alloc::vec![name, Value::Int(kind), Value::Int(0), Value::Int(size)];
        out.push(vm.new_tuple(t));
    }
    let l = vm.new_list(out);
    vm.iter(&l)
}

fn m_stat(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "stat", args, 2, 2)?;
    let o = self_fs(vm, args)?;
    let (p, _) = path_at(vm, args, 1)?;
    let st = match vfs::native(vm, &o, &p, NOp::Stat)? {
        NOut::Stat(s) => s,
        _ => FileStat::default(),
    };
    Ok(stat_tuple(vm, &st))
}

/// The 10-tuple `os.stat` returns for `st`.
pub fn stat_tuple(vm: &mut Vm, st: &FileStat) -> Value {
    let mode = if st.is_dir {
        vfs::S_IFDIR
    } else {
        vfs::S_IFREG
    };
    let size = if st.is_dir { 0 } else { st.size as i64 };
    let t = Value::Int(st.mtime);
    vm.new_tuple(alloc::vec![
        Value::Int(mode),
        Value::Int(0),
        Value::Int(0),
        Value::Int(0),
        Value::Int(0),
        Value::Int(0),
        Value::Int(size),
        t.clone(),
        t.clone(),
        t
    ])
}

fn m_statvfs(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "statvfs", args, 2, 2)?;
    let o = self_fs(vm, args)?;
    let (p, _) = path_at(vm, args, 1)?;
    let [bs, blocks, free] = match vfs::native(vm, &o, &p, NOp::Statvfs)? {
        NOut::Statvfs(v) => v,
        _ => [0, 0, 0],
    };
    let items = [bs, bs, blocks, free, free, 0, 0, 0, 0, 255]
        .iter()
        .map(|&x| Value::Int(x))
        .collect();
    Ok(vm.new_tuple(items))
}

fn m_mkdir(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "mkdir", args, 2, 2)?;
    run(vm, args, |_| NOp::Mkdir)
}

fn m_rmdir(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "rmdir", args, 2, 2)?;
    run(vm, args, |_| NOp::Rmdir)
}

fn m_remove(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "remove", args, 2, 2)?;
    run(vm, args, |_| NOp::Remove)
}

fn m_chdir(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "chdir", args, 2, 2)?;
    run(vm, args, |_| NOp::Chdir)
}

fn m_rename(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "rename", args, 3, 3)?;
    let o = self_fs(vm, args)?;
    let (a, _) = path_at(vm, args, 1)?;
    let (b, _) = path_at(vm, args, 2)?;
    vfs::native(vm, &o, &a, NOp::Rename(&b))?;
    Ok(Value::None)
}

fn m_getcwd(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let o = self_fs(vm, args)?;
    Ok(Value::string(vfs::native_cwd_of(&o)))
}

fn m_mount(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "mount", args, 1, 3)?;
    let o = self_fs(vm, args)?;
    let ro = match args.get(1) {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let mkfs = match args.get(2) {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    #[cfg(feature = "vfs-fat")]
    if mkfs {
        let dev = match &*o {
            PyObject::Native(n) => n
                .data
                .borrow()
                .downcast_ref::<FatVol>()
                .map(|v| v.dev.clone()),
            _ => None,
        };
        if let Some(dev) = dev {
            let ss = sector_size(vm, &dev)?;
            let unformatted = vfsfat::mount(
                &mut PyDev {
                    vm,
                    dev: dev.clone(),
                },
                ss,
            )
            .is_err();
            if unformatted {
                fat_mkfs(vm, &[dev], &[])?;
            }
        }
    }
    #[cfg(not(feature = "vfs-fat"))]
    let _ = mkfs;
    vfs::native(vm, &o, "/", NOp::Mount(ro))?;
    Ok(Value::None)
}

fn m_umount(_vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    Ok(Value::None)
}

// ----- module functions ------------------------------------------------------------------------

/// `vfs.mount(fsobj, mount_point, *, readonly=False)`, or `vfs.mount()`: the mount table.
pub fn mount(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    check_kw(vm, "mount", kw, &["readonly", "mkfs"])?;
    check_args(vm, "mount", args, 0, 2)?;
    if args.is_empty() {
        let table = vfs::mount_table(vm, port_fs);
        let items = table
            .into_iter()
            .map(|(fs, p)| vm.new_tuple(alloc::vec![fs, Value::string(p)]))
            .collect();
        return Ok(vm.new_list(items));
    }
    let Some(point) = args.get(1) else {
        return Err(vm.type_error("function takes 2 positional arguments but 1 were given"));
    };
    let point = match point {
        Value::Str(s) => String::from(s.as_str()),
        v => {
            let tn = vm.type_name(v);
            return Err(vm.type_error(format!("can't convert '{}' object to str implicitly", tn)));
        }
    };
    let readonly = match kwarg(kw, "readonly") {
        Some(v) => vm.truthy(&v.clone())?,
        None => false,
    };
    let mut fs = args[0].clone();
    if vm.getattr_opt(&fs, "mount")?.is_none() && vm.getattr_opt(&fs, "readblocks")?.is_some() {
        fs = autodetect(vm, fs)?;
    }
    vfs::mount(vm, fs, &point, readonly)?;
    Ok(Value::None)
}

/// A block device given to `mount` is wrapped in the file system found on it.
fn autodetect(vm: &mut Vm, dev: Value) -> PyResult {
    #[cfg(any(feature = "vfs-lfs1", feature = "vfs-lfs2"))]
    if let Some(v2) = lfsutil::detect(vm, &dev) {
        let c = classes(vm);
        #[cfg(feature = "vfs-lfs2")]
        if v2 {
            return lfsutil::lfs2_new(vm, &[Value::Obj(c.lfs2.clone()), dev], &[]);
        }
        #[cfg(feature = "vfs-lfs1")]
        if !v2 {
            return lfsutil::lfs1_new(vm, &[Value::Obj(c.lfs1.clone()), dev], &[]);
        }
    }
    #[cfg(feature = "vfs-fat")]
    {
        let c = classes(vm);
        fat_new(vm, &[Value::Obj(c.fat.clone()), dev], &[])
    }
    #[cfg(not(feature = "vfs-fat"))]
    {
        let _ = dev;
        Err(vfs::os_error(vm, ENODEV, None))
    }
}

/// `vfs.umount(mount_point_or_fsobj)`.
pub fn umount(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "umount", args, 1, 1)?;
    vfs::umount(vm, &args[0])?;
    Ok(Value::None)
}

/// Put the file system classes and `mount`/`umount` into a module's dictionary (`vfs` and `os`).
pub fn add_to(vm: &mut Vm, m: &Obj) {
    let c = classes(vm);
    if let PyObject::Module(mm) = &**m {
        if let Some(d) = dict_of(&mm.dict) {
            let mut d = d.borrow_mut();
            d.set_str("mount", c.mount.clone());
            d.set_str("umount", c.umount.clone());
            d.set_str("VfsRam", Value::Obj(c.ram.clone()));
            #[cfg(feature = "vfs-fat")]
            d.set_str("VfsFat", Value::Obj(c.fat.clone()));
            #[cfg(feature = "vfs-lfs1")]
            d.set_str("VfsLfs1", Value::Obj(c.lfs1.clone()));
            #[cfg(feature = "vfs-lfs2")]
            d.set_str("VfsLfs2", Value::Obj(c.lfs2.clone()));
            d.set_str("VfsPosix", Value::Obj(c.posix.clone()));
        }
    }
}

/// Create the `vfs` module.
pub fn init_module(vm: &mut Vm) -> PyResult<Obj> {
    let m = vm.new_module("vfs");
    add_to(vm, &m);
    Ok(m)
}
