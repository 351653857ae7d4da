//! The virtual file system: the current directory, path joining and normalising, mount points,
//! and the in-memory file system `os.VfsRam`.
//!
//! Every file operation of `open`, `os` (and, through [`read_file`]/[`file_kind`], imports) goes
//! through here: a path is made absolute against the VM's current directory, the longest mount
//! point that contains it chooses the file system (a [`RamFs`], or any Python object with
//! MicroPython's VFS methods), and paths outside every mount go to the Port (the host's files).
//! While the current directory is still the Port's own (never changed), relative paths are passed
//! to the Port unchanged.

use alloc::boxed::Box;
use alloc::collections::BTreeMap;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::any::Any;
use core::cell::RefCell;

use crate::exceptions::ExcKind;
use crate::moderrno::codes::*;
use crate::port::{Errno, FileKind, FileStat};
use crate::types;
use crate::value::{Layout, NativeObj, Obj, PyObject, Value};
use crate::vm::Vm;
use crate::{PyErr, PyResult};

// ----- paths ----------------------------------------------------------------------------------

/// `path` with `.`, `..` and repeated slashes removed (`..` at the root stays at the root; a
/// relative path keeps its leading `..`s). An empty relative result is `.`.
pub fn normalize(path: &str) -> String {
    let abs = path.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for c in path.split('/') {
        match c {
            "" | "." => {}
            ".." => {
                if matches!(parts.last(), Some(l) if *l != "..") {
                    parts.pop();
                } else if !abs {
                    parts.push("..");
                }
            }
            c => parts.push(c),
        }
    }
    let joined = parts.join("/");
    if abs {
        format!("/{}", joined)
    } else if joined.is_empty() {
        String::from(".")
    } else {
        joined
    }
}

/// Join two paths as `os.path.join` does for two parts.
pub fn join(a: &str, b: &str) -> String {
    if b.starts_with('/') || a.is_empty() {
        String::from(b)
    } else if a.ends_with('/') {
        format!("{}{}", a, b)
    } else {
        format!("{}/{}", a, b)
    }
}

// ----- state ----------------------------------------------------------------------------------

/// A mounted file system.
pub struct Mount {
    /// The absolute, normalised mount point (`/` or `/name`...).
    pub point: String,
    /// The file system object (a native VFS object or a Python object with VFS methods).
    pub fs: Value,
}

/// The VM's file system state, as MicroPython keeps it: the mount table (in mounting order), the
/// mount holding the current directory, and the Port's host files acting as a file system
/// mounted at `/` until `vfs.umount("/")`.
#[derive(Default)]
pub struct VfsState {
    /// The current directory of the Port's files; empty while it is the Port's own.
    pub cwd: String,
    /// Mounted file systems.
    pub mounts: Vec<Mount>,
    /// The mount point holding the current directory (None: the virtual root directory).
    pub cur: Option<String>,
    /// True once the Port's files were unmounted from `/`.
    pub port_unmounted: bool,
    /// The `VfsPosix` object standing for the Port's files in `vfs.mount()`'s table.
    pub port_obj: Option<Value>,
    /// File systems opened directly through their `open` method (see [`direct_path`]).
    pub direct: Vec<Value>,
}

impl VfsState {
    /// The file system mounted at `/`, if one is.
    fn root_fs(&self) -> Option<Value> {
        self.mounts
            .iter()
            .find(|m| m.point == "/")
            .map(|m| m.fs.clone())
    }
}

/// A per-VM state object of type `T`, created on first use and kept in the VM under `key`.
pub(crate) fn hidden_state<T: Default + 'static>(vm: &mut Vm, key: &'static str) -> Obj {
    if let Some(o) = vm.state_object(key) {
        return o;
    }
    let cls = types::new_type(
        "state",
        alloc::vec![vm.types.object.clone()],
        Layout::Other,
        false,
    );
    let o = vm.alloc(PyObject::Native(NativeObj {
        class: cls,
        data: RefCell::new(Box::new(T::default())),
    }));
    vm.set_state_object(key, o.clone());
    o
}

/// Run `f` on the VM's file system state.
pub fn with_state<R>(vm: &mut Vm, f: impl FnOnce(&mut VfsState) -> R) -> R {
    let o = hidden_state::<VfsState>(vm, " vfs");
    let PyObject::Native(n) = &*o else {
        return f(&mut VfsState::default());
    };
    let mut data = n.data.borrow_mut();
    match data.downcast_mut::<VfsState>() {
        Some(st) => f(st),
        None => f(&mut VfsState::default()),
    }
}

/// `path` made absolute against the current directory and normalised (relative and normalised
/// while the current directory is the Port's own).
pub fn absolute(vm: &mut Vm, path: &str) -> String {
    let cwd = if path.starts_with('/') {
        String::from("/")
    } else {
        getcwd(vm)
    };
    if path.starts_with('/') || cwd.is_empty() || cwd == "." {
        normalize(path)
    } else {
        normalize(&join(&cwd, path))
    }
}

fn port_cwd(vm: &mut Vm) -> String {
    let cwd = with_state(vm, |st| st.cwd.clone());
    if cwd.is_empty() {
        vm.port.getcwd().unwrap_or_else(|| String::from("."))
    } else {
        cwd
    }
}

/// `os.getcwd()`: the mount point joined with that file system's own current directory.
pub fn getcwd(vm: &mut Vm) -> String {
    let cur = with_state(vm, |st| {
        st.cur.clone().map(|p| {
            (
                st.mounts
                    .iter()
                    .find(|m| m.point == p)
                    .map(|m| m.fs.clone()),
                p,
            )
        })
    });
    let (fs, point) = match cur {
        None if with_state(vm, |st| st.port_unmounted) => return String::from("/"),
        None => return port_cwd(vm),
        Some((None, _)) => return port_cwd(vm),
        Some((Some(fs), p)) => (fs, p),
    };
    let r = match fs_getcwd(vm, &fs) {
        Ok(r) => r,
        Err(_) => String::from("/"),
    };
    if point == "/" {
        r
    } else if r == "/" {
        point
    } else {
        format!("{}{}", point, r)
    }
}

/// `os.getcwd()` as the program sees it: like [`getcwd`], but a current directory of the
/// Port's files that was removed since `chdir` is an error (ENOENT), as in CPython and on
/// MicroPython's unix port.
pub fn getcwd_checked(vm: &mut Vm) -> PyResult<String> {
    let port_dir = with_state(vm, |st| {
        (st.cur.is_none() && !st.port_unmounted && !st.cwd.is_empty()).then(|| st.cwd.clone())
    });
    if let Some(dir) = port_dir {
        if vm.port.file_kind(&dir) != FileKind::Dir {
            return Err(os_error(vm, ENOENT, None));
        }
    }
    Ok(getcwd(vm))
}

fn fs_getcwd(vm: &mut Vm, fs: &Value) -> PyResult<String> {
    if let Value::Obj(o) = fs {
        if is_native(o) {
            return Ok(native_cwd_of(o));
        }
    }
    let r = vm.call_method(fs, "getcwd", &[])?;
    Ok(String::from(vm.str_of(&r)?.as_str()))
}

/// `os.chdir(path)`.
pub fn chdir(vm: &mut Vm, path: &str) -> PyResult<()> {
    match resolve(vm, path) {
        Target::None => Err(os_error(vm, ENOENT, Some(path))),
        Target::Root => {
            let root = with_state(vm, |st| st.root_fs());
            if let Some(fs) = root {
                fs_chdir(vm, &fs, "/")?;
            }
            with_state(vm, |st| {
                if !st.port_unmounted {
                    st.cwd = String::from("/");
                }
                st.cur = None;
            });
            Ok(())
        }
        Target::Port(p) => {
            match vm.port.file_kind(&p) {
                FileKind::Dir => {}
                FileKind::File => return Err(os_error(vm, ENOTDIR, Some(path))),
                FileKind::Missing => return Err(os_error(vm, ENOENT, Some(path))),
            }
            // `p` is already joined with the Port's current directory.
            let mut abs = normalize(&p);
            if !abs.starts_with('/') {
                // Relative to the process's directory: keep it absolute when the Port knows it,
                // so getcwd() gives a full path (as on MicroPython's unix port and CPython).
                if let Some(pc) = vm.port.getcwd().filter(|c| c.starts_with('/')) {
                    abs = normalize(&join(&pc, &abs));
                }
            }
            if abs == "." {
                abs.clear();
            }
            with_state(vm, |st| {
                st.cwd = abs;
                st.cur = None;
            });
            Ok(())
        }
        Target::Fs(fs, inner, point) => {
            fs_chdir(vm, &fs, &inner)?;
            with_state(vm, |st| st.cur = Some(point));
            Ok(())
        }
    }
}

fn fs_chdir(vm: &mut Vm, fs: &Value, path: &str) -> PyResult<()> {
    if let Value::Obj(o) = fs {
        if is_native(o) {
            return native(vm, o, path, NOp::Chdir).map(|_| ());
        }
    }
    vm.call_method(fs, "chdir", &[Value::str(path)]).map(|_| ())
}

/// `vfs.mount(fs, point, readonly=False)`: calls `fs.mount(readonly, mkfs)`, then adds it to the
/// mount table (OSError(EPERM) when the point is taken).
pub fn mount(vm: &mut Vm, fs: Value, point: &str, readonly: bool) -> PyResult<()> {
    let abs = absolute(vm, point);
    if !abs.starts_with('/') {
        return Err(os_error(vm, EINVAL, None));
    }
    fs_mount(vm, &fs, readonly)?;
    let taken = with_state(vm, |st| {
        st.mounts.iter().any(|m| m.point == abs) || (abs == "/" && !st.port_unmounted)
    });
    if taken {
        return Err(os_error(vm, EPERM, None));
    }
    with_state(vm, |st| st.mounts.push(Mount { point: abs, fs }));
    Ok(())
}

fn fs_mount(vm: &mut Vm, fs: &Value, readonly: bool) -> PyResult<()> {
    if let Value::Obj(o) = fs {
        if is_native(o) {
            return native(vm, o, "/", NOp::Mount(readonly)).map(|_| ());
        }
    }
    if vm.getattr_opt(fs, "mount")?.is_some() {
        vm.call_method(fs, "mount", &[Value::Bool(readonly), Value::Bool(false)])?;
    }
    Ok(())
}

/// `vfs.umount(point_or_fs)`: removes the mount and calls its `umount()`.
pub fn umount(vm: &mut Vm, what: &Value) -> PyResult<()> {
    let point = what.as_str().map(String::from);
    let point = point.map(|p| absolute(vm, &p));
    let removed = with_state(vm, |st| {
        let i = st.mounts.iter().position(|m| match &point {
            Some(p) => &m.point == p,
            None => m.fs.is(what),
        });
        i.map(|i| st.mounts.remove(i))
    });
    let Some(m) = removed else {
        let port = with_state(vm, |st| {
            let hit = !st.port_unmounted
                && match &point {
                    Some(p) => p == "/",
                    None => st.port_obj.as_ref().is_some_and(|o| o.is(what)),
                };
            if hit {
                st.port_unmounted = true;
            }
            if hit && st.cur.is_none() && st.cwd.is_empty() {
                st.cwd = String::from("/");
            }
            hit
        });
        if port {
            return Ok(());
        }
        return Err(os_error(vm, EINVAL, None));
    };
    with_state(vm, |st| {
        if st.cur.as_deref() == Some(m.point.as_str()) {
            st.cur = None;
        }
    });
    if let Value::Obj(o) = &m.fs {
        if is_native(o) {
            return Ok(());
        }
    }
    if vm.getattr_opt(&m.fs, "umount")?.is_some() {
        vm.call_method(&m.fs, "umount", &[])?;
    }
    Ok(())
}

/// The mount table as `vfs.mount()` returns it: (fs, point) pairs in mounting order, the Port's
/// files first while they are mounted (`port_fs` makes their `VfsPosix` object).
pub fn mount_table(vm: &mut Vm, port_fs: impl FnOnce(&mut Vm) -> Value) -> Vec<(Value, String)> {
    let need = with_state(vm, |st| !st.port_unmounted && st.port_obj.is_none());
    if need {
        let o = port_fs(vm);
        with_state(vm, |st| st.port_obj = Some(o));
    }
    with_state(vm, |st| {
        let mut out = Vec::new();
        if !st.port_unmounted {
            if let Some(o) = &st.port_obj {
                out.push((o.clone(), String::from("/")));
            }
        }
        out.extend(st.mounts.iter().map(|m| (m.fs.clone(), m.point.clone())));
        out
    })
}

/// A path that reaches `fs` directly, mounted or not (for a VFS object's own `open` method): a
/// first component no user path has, naming the object's slot in [`VfsState::direct`].
pub fn direct_path(vm: &mut Vm, fs: &Value, inner: &str) -> String {
    let k = with_state(vm, |st| match st.direct.iter().position(|f| f.is(fs)) {
        Some(k) => k,
        None => {
            st.direct.push(fs.clone());
            st.direct.len() - 1
        }
    });
    let inner = inner.trim_start_matches('/');
    format!("/\u{1}{}/{}", k, inner)
}

// ----- errors ---------------------------------------------------------------------------------

/// The OSError subclass CPython raises for an errno value.
pub fn errno_kind(errno: Errno) -> ExcKind {
    match errno {
        ENOENT => ExcKind::FileNotFoundError,
        EEXIST => ExcKind::FileExistsError,
        EISDIR => ExcKind::IsADirectoryError,
        ENOTDIR => ExcKind::NotADirectoryError,
        EACCES | EPERM => ExcKind::PermissionError,
        11 | 114 | 115 => ExcKind::BlockingIOError,
        110 => ExcKind::TimeoutError,
        32 => ExcKind::BrokenPipeError,
        103 => ExcKind::ConnectionAbortedError,
        104 => ExcKind::ConnectionResetError,
        111 => ExcKind::ConnectionRefusedError,
        4 => ExcKind::InterruptedError,
        _ => ExcKind::OSError,
    }
}

/// `OSError(errno, strerror)` of the right subclass, with `.filename` set when given (its str is
/// `[Errno 2] No such file or directory: 'x'`).
pub fn os_error(vm: &mut Vm, errno: Errno, filename: Option<&str>) -> PyErr {
    let msg = match crate::moderrno::strerror(errno) {
        Some(m) => String::from(m),
        None => format!("Unknown error {}", errno),
    };
    let e = vm.err_args(
        errno_kind(errno),
        alloc::vec![Value::Int(errno as i64), Value::string(msg)],
    );
    if let Some(f) = filename {
        let n = vm.intern("filename");
        let _ = vm.generic_setattr(&e.0, &n, Value::str(f));
    }
    e
}

// ----- the in-memory file system ----------------------------------------------------------------

/// An entry of a [`RamFs`].
pub enum RamNode {
    /// A directory.
    Dir,
    /// A file with its contents.
    File(Vec<u8>),
}

/// An in-memory file system (`os.VfsRam()`): entries keyed by their path inside the file system
/// without the leading slash (the root, `""`, always exists as a directory).
#[derive(Default)]
pub struct RamFs {
    nodes: BTreeMap<String, RamNode>,
    /// The file system's own current directory (empty for `/`).
    pub cwd: String,
}

fn ram_key(path: &str) -> &str {
    path.trim_start_matches('/')
}

fn parent_key(key: &str) -> &str {
    match key.rfind('/') {
        Some(i) => &key[..i],
        None => "",
    }
}

impl RamFs {
    /// What `path` names.
    pub fn kind(&self, path: &str) -> FileKind {
        let k = ram_key(path);
        if k.is_empty() {
            return FileKind::Dir;
        }
        match self.nodes.get(k) {
            Some(RamNode::Dir) => FileKind::Dir,
            Some(RamNode::File(_)) => FileKind::File,
            None => FileKind::Missing,
        }
    }
    fn check_parent(&self, key: &str) -> Result<(), Errno> {
        match self.kind(parent_key(key)) {
            FileKind::Dir => Ok(()),
            FileKind::File => Err(ENOTDIR),
            FileKind::Missing => Err(ENOENT),
        }
    }
    /// A file's contents.
    pub fn read(&self, path: &str) -> Result<Vec<u8>, Errno> {
        match self.kind(path) {
            FileKind::Dir => Err(EISDIR),
            FileKind::Missing => Err(ENOENT),
            FileKind::File => match self.nodes.get(ram_key(path)) {
                Some(RamNode::File(d)) => Ok(d.clone()),
                _ => Err(ENOENT),
            },
        }
    }
    /// Replace (or create) a file.
    pub fn write(&mut self, path: &str, data: &[u8], append: bool) -> Result<(), Errno> {
        let k = ram_key(path);
        match self.kind(path) {
            FileKind::Dir => Err(EISDIR),
            FileKind::File => {
                if let Some(RamNode::File(d)) = self.nodes.get_mut(k) {
                    if !append {
                        d.clear();
                    }
                    d.extend_from_slice(data);
                }
                Ok(())
            }
            FileKind::Missing => {
                self.check_parent(k)?;
                self.nodes
                    .insert(String::from(k), RamNode::File(data.to_vec()));
                Ok(())
            }
        }
    }
    /// Names in a directory.
    pub fn list(&self, path: &str) -> Result<Vec<String>, Errno> {
        match self.kind(path) {
            FileKind::Dir => {}
            FileKind::File => return Err(ENOTDIR),
            FileKind::Missing => return Err(ENOENT),
        }
        let k = ram_key(path);
        let prefix = if k.is_empty() {
            String::new()
        } else {
            format!("{}/", k)
        };
        Ok(self
            .nodes
            .range(prefix.clone()..)
            .take_while(|(n, _)| n.starts_with(prefix.as_str()))
            .map(|(n, _)| &n[prefix.len()..])
            .filter(|rest| !rest.is_empty() && !rest.contains('/'))
            .map(String::from)
            .collect())
    }
    /// Metadata.
    pub fn stat(&self, path: &str) -> Result<FileStat, Errno> {
        match self.kind(path) {
            FileKind::Dir => Ok(FileStat {
                is_dir: true,
                ..FileStat::default()
            }),
            FileKind::Missing => Err(ENOENT),
            FileKind::File => Ok(FileStat {
                is_dir: false,
                size: match self.nodes.get(ram_key(path)) {
                    Some(RamNode::File(d)) => d.len() as u64,
                    _ => 0,
                },
                mtime: 0,
            }),
        }
    }
    /// Make a directory.
    pub fn mkdir(&mut self, path: &str) -> Result<(), Errno> {
        let k = ram_key(path);
        if self.kind(path) != FileKind::Missing {
            return Err(EEXIST);
        }
        self.check_parent(k)?;
        self.nodes.insert(String::from(k), RamNode::Dir);
        Ok(())
    }
    /// Remove a file.
    pub fn remove(&mut self, path: &str) -> Result<(), Errno> {
        match self.kind(path) {
            FileKind::Dir => Err(EISDIR),
            FileKind::Missing => Err(ENOENT),
            FileKind::File => {
                self.nodes.remove(ram_key(path));
                Ok(())
            }
        }
    }
    /// Remove an empty directory.
    pub fn rmdir(&mut self, path: &str) -> Result<(), Errno> {
        let k = ram_key(path);
        match self.kind(path) {
            FileKind::File => Err(ENOTDIR),
            FileKind::Missing => Err(ENOENT),
            FileKind::Dir if k.is_empty() => Err(EPERM),
            FileKind::Dir => {
                if !self.list(path)?.is_empty() {
                    return Err(ENOTEMPTY);
                }
                self.nodes.remove(k);
                Ok(())
            }
        }
    }
    /// Rename a file or directory (with everything under it).
    pub fn rename(&mut self, from: &str, to: &str) -> Result<(), Errno> {
        let (f, t) = (ram_key(from), ram_key(to));
        match self.kind(from) {
            FileKind::Missing => return Err(ENOENT),
            FileKind::Dir if f.is_empty() => return Err(EPERM),
            _ => {}
        }
        if f == t {
            return Ok(());
        }
        self.check_parent(t)?;
        let moving_dir = self.kind(from) == FileKind::Dir;
        match self.kind(to) {
            FileKind::Dir if !moving_dir => return Err(EISDIR),
            FileKind::Dir if !self.list(to)?.is_empty() => return Err(ENOTEMPTY),
            FileKind::File if moving_dir => return Err(ENOTDIR),
            _ => {}
        }
        if moving_dir && t.starts_with(f) && t.as_bytes().get(f.len()) == Some(&b'/') {
            return Err(EINVAL);
        }
        let prefix = format!("{}/", f);
        let keys: Vec<String> = self
            .nodes
            .keys()
            .filter(|k| k.as_str() == f || k.starts_with(prefix.as_str()))
            .cloned()
            .collect();
        for k in keys {
            if let Some(node) = self.nodes.remove(&k) {
                let nk = format!("{}{}", t, &k[f.len()..]);
                self.nodes.insert(nk, node);
            }
        }
        Ok(())
    }
    /// Bytes held by files.
    pub fn used_bytes(&self) -> usize {
        self.nodes
            .values()
            .map(|n| match n {
                RamNode::File(d) => d.len(),
                RamNode::Dir => 0,
            })
            .sum()
    }
}

// ----- dispatch -------------------------------------------------------------------------------

/// `st_mode` of a directory.
pub const S_IFDIR: i64 = 0x4000;
/// `st_mode` of a regular file.
pub const S_IFREG: i64 = 0x8000;

/// Where a path lives.
enum Target {
    /// The Port's files, with the path to give the Port.
    Port(String),
    /// A mounted (or directly addressed) file system, the path inside it and its mount point.
    Fs(Value, String, String),
    /// The virtual root directory (`/`).
    Root,
    /// Nothing is mounted there.
    None,
}

/// An operation on a native file system object; paths are relative to its own current directory
/// unless absolute.
pub enum NOp<'a> {
    /// Read a whole file.
    Read,
    /// Replace (false) or append to (true) a file.
    Write(&'a [u8], bool),
    /// Entries of a directory.
    List,
    /// Metadata.
    Stat,
    /// Make a directory.
    Mkdir,
    /// Remove a file.
    Remove,
    /// Remove an empty directory.
    Rmdir,
    /// Rename to the given path.
    Rename(&'a str),
    /// (block size, total blocks, free blocks).
    Statvfs,
    /// Change the file system's own current directory.
    Chdir,
    /// Mounted (read-only when true).
    Mount(bool),
    /// Up to this many bytes of a file from this offset (fewer at its end).
    ReadAt(u64, usize),
    /// Write bytes into a file at an offset (zeros fill a gap past its end).
    WriteAt(u64, &'a [u8]),
    /// Cut or extend a file to this size.
    Truncate(u64),
}

impl NOp<'_> {
    /// True for the operations that change the file system.
    pub fn writes(&self) -> bool {
        matches!(
            self,
            NOp::Write(..)
                | NOp::Mkdir
                | NOp::Remove
                | NOp::Rmdir
                | NOp::Rename(_)
                | NOp::WriteAt(..)
                | NOp::Truncate(_)
        )
    }
}

/// What a native [`NOp`] returns.
pub enum NOut {
    /// Nothing.
    Unit,
    /// File contents.
    Data(Vec<u8>),
    /// Directory entries: (name, is_dir, size).
    Entries(Vec<(String, bool, u64)>),
    /// Metadata.
    Stat(FileStat),
    /// (block size, total blocks, free blocks).
    Statvfs([i64; 3]),
}

fn is_ram(o: &Obj) -> bool {
    matches!(&**o, PyObject::Native(n) if n.data.try_borrow().is_ok_and(|d| d.is::<RamFs>()))
}

/// True for the file system objects implemented in Rust (`VfsRam`, `VfsFat`, `VfsPosix`).
fn is_native(o: &Obj) -> bool {
    is_ram(o) || crate::modvfs::is_native_fs(o)
}

/// The own current directory of a native file system object (`/` when it has none).
pub fn native_cwd_of(o: &Obj) -> String {
    if let Some(c) = with_ram(o, |fs| fs.cwd.clone()) {
        return if c.is_empty() { String::from("/") } else { c };
    }
    crate::modvfs::native_cwd(o).unwrap_or_else(|| String::from("/"))
}

/// `path` inside a file system whose current directory is `cwd`, absolute and normalised.
pub fn inside(cwd: &str, path: &str) -> String {
    if path.starts_with('/') {
        normalize(path)
    } else if cwd.is_empty() {
        normalize(&join("/", path))
    } else {
        normalize(&join(cwd, path))
    }
}

/// Run a [`NOp`] on a native file system object.
pub fn native(vm: &mut Vm, o: &Obj, path: &str, op: NOp) -> PyResult<NOut> {
    if !is_ram(o) {
        return crate::modvfs::native_op(vm, o, path, op);
    }
    let r = with_ram(o, |fs| {
        let p = inside(&fs.cwd, path);
        Ok(match op {
            NOp::Read => NOut::Data(fs.read(&p)?),
            NOp::Write(d, a) => {
                fs.write(&p, d, a)?;
                NOut::Unit
            }
            NOp::List => {
                let names = fs.list(&p)?;
                let mut out = Vec::with_capacity(names.len());
                for n in names {
                    let st = fs.stat(&join(&p, &n))?;
                    out.push((n, st.is_dir, st.size));
                }
                NOut::Entries(out)
            }
            NOp::Stat => NOut::Stat(fs.stat(&p)?),
            NOp::Mkdir => {
                fs.mkdir(&p)?;
                NOut::Unit
            }
            NOp::Remove => {
                fs.remove(&p)?;
                NOut::Unit
            }
            NOp::Rmdir => {
                fs.rmdir(&p)?;
                NOut::Unit
            }
            NOp::Rename(to) => {
                let t = inside(&fs.cwd, to);
                fs.rename(&p, &t)?;
                NOut::Unit
            }
            NOp::Statvfs => NOut::Statvfs([512, 0, 0]),
            NOp::Chdir => {
                if fs.kind(&p) != FileKind::Dir {
                    return Err(ENOENT);
                }
                fs.cwd = p;
                NOut::Unit
            }
            NOp::Mount(_) => NOut::Unit,
            NOp::ReadAt(..) | NOp::WriteAt(..) | NOp::Truncate(_) => return Err(EINVAL),
        })
    });
    match r {
        Some(Ok(NOut::Statvfs(_))) => {
            let used = with_ram(o, |fs| fs.used_bytes()).unwrap_or(0) as i64;
            let free = vm.heap.limit.saturating_sub(vm.heap_used()) as i64;
            let bs = 512;
            Ok(NOut::Statvfs([bs, (used + free) / bs, free / bs]))
        }
        Some(Ok(out)) => Ok(out),
        Some(Err(e)) => Err(os_error(vm, e, Some(path))),
        None => Err(os_error(vm, ENODEV, Some(path))),
    }
}

fn resolve(vm: &mut Vm, path: &str) -> Target {
    if let Some(rest) = path.strip_prefix("/\u{1}") {
        let (k, inner) = match rest.find('/') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, "/"),
        };
        let fs = k
            .parse::<usize>()
            .ok()
            .and_then(|k| with_state(vm, |st| st.direct.get(k).cloned()));
        return match fs {
            Some(fs) => Target::Fs(fs, normalize(inner), String::new()),
            None => Target::None,
        };
    }
    let (cur, port, cwd) = with_state(vm, |st| {
        let cur = st.cur.as_ref().and_then(|p| {
            st.mounts
                .iter()
                .find(|m| &m.point == p)
                .map(|m| (m.fs.clone(), p.clone()))
        });
        (cur, !st.port_unmounted, st.cwd.clone())
    });
    let relative = !path.starts_with('/');
    let full = if relative {
        if let Some((fs, point)) = cur {
            return Target::Fs(fs, String::from(path), point);
        }
        if port {
            let p = if cwd.is_empty() {
                normalize(path)
            } else {
                normalize(&join(&cwd, path))
            };
            if !p.starts_with('/') {
                return Target::Port(p);
            }
            p
        } else {
            normalize(&join("/", path))
        }
    } else {
        normalize(path)
    };
    if full == "/" && !(relative && port) {
        return Target::Root;
    }
    let found = with_state(vm, |st| {
        let mut best: Option<(usize, Value, String)> = None;
        for m in &st.mounts {
            let p = m.point.as_str();
            let inside = full == p
                || p == "/"
                || (full.starts_with(p) && full.as_bytes().get(p.len()) == Some(&b'/'));
            if inside && best.as_ref().is_none_or(|(l, _, _)| p.len() > *l) {
                best = Some((p.len(), m.fs.clone(), m.point.clone()));
            }
        }
        best
    });
    match found {
        Some((1, fs, point)) => {
            let inner = if relative && !port {
                String::from(path)
            } else {
                full
            };
            Target::Fs(fs, inner, point)
        }
        Some((len, fs, point)) => {
            let rest = full.get(len..).unwrap_or("");
            let inner = if rest.is_empty() {
                String::from("/")
            } else {
                String::from(rest)
            };
            Target::Fs(fs, inner, point)
        }
        None if full == "/" => Target::Port(full),
        None if port => Target::Port(full),
        None => Target::None,
    }
}

fn with_ram<R>(o: &Obj, f: impl FnOnce(&mut RamFs) -> R) -> Option<R> {
    if let PyObject::Native(n) = &**o {
        let mut d = n.data.borrow_mut();
        let d: &mut dyn Any = &mut **d;
        return d.downcast_mut::<RamFs>().map(f);
    }
    None
}

fn port_result<R>(vm: &mut Vm, r: Result<R, Errno>, path: &str) -> PyResult<R> {
    r.map_err(|e| os_error(vm, e, Some(path)))
}

fn native_fs(fs: &Value) -> Option<&Obj> {
    match fs {
        Value::Obj(o) if is_native(o) => Some(o),
        _ => None,
    }
}

/// True when `path` lives on a block-device file system (`VfsFat`, `VfsLfs1`, `VfsLfs2`): its
/// files are streamed (read and written a block at a time through [`read_at`] and [`write_at`])
/// rather than held whole in memory, as MicroPython's are.
pub fn is_block_file(vm: &mut Vm, path: &str) -> bool {
    match resolve(vm, path) {
        Target::Fs(Value::Obj(o), _, _) => match &*o {
            PyObject::Native(n) => n.data.try_borrow().is_ok_and(|d| {
                #[cfg(feature = "vfs-fat")]
                if d.is::<crate::modvfs::FatVol>() {
                    return true;
                }
                #[cfg(any(feature = "vfs-lfs1", feature = "vfs-lfs2"))]
                if d.is::<crate::lfsutil::LfsVol>() {
                    return true;
                }
                let _ = &d;
                false
            }),
            _ => false,
        },
        _ => false,
    }
}

/// For a file on a littlefs volume (`VfsLfs1`, `VfsLfs2`): the largest file it keeps inline
/// in the directory entry (read into the open file's cache when it is opened); None elsewhere.
pub fn lfs_inline_max(vm: &mut Vm, path: &str) -> Option<u32> {
    match resolve(vm, path) {
        #[cfg(any(feature = "vfs-lfs1", feature = "vfs-lfs2"))]
        Target::Fs(Value::Obj(o), _, _) => crate::lfsutil::inline_max(&o),
        _ => None,
    }
}

/// Up to `len` bytes of a file from offset `off` (fewer at its end). Block-device file systems
/// read only the blocks holding them; others read the file and slice it.
pub fn read_at(vm: &mut Vm, path: &str, off: u64, len: usize) -> PyResult<Vec<u8>> {
    if let Target::Fs(fs, p, _) = resolve(vm, path) {
        if let Some(o) = native_fs(&fs).filter(|o| !is_ram(o)) {
            return match native(vm, o, &p, NOp::ReadAt(off, len))? {
                NOut::Data(d) => Ok(d),
                _ => Ok(Vec::new()),
            };
        }
    }
    let all = read_file(vm, path)?;
    let from = usize::try_from(off).unwrap_or(usize::MAX).min(all.len());
    let to = from.saturating_add(len).min(all.len());
    Ok(all[from..to].to_vec())
}

/// Write `data` into a file at offset `off`, growing it (with zeros over a gap) as needed.
pub fn write_at(vm: &mut Vm, path: &str, off: u64, data: &[u8]) -> PyResult<()> {
    if let Target::Fs(fs, p, _) = resolve(vm, path) {
        if let Some(o) = native_fs(&fs).filter(|o| !is_ram(o)) {
            return native(vm, o, &p, NOp::WriteAt(off, data)).map(|_| ());
        }
    }
    let mut all = read_file(vm, path)?;
    let from = usize::try_from(off).unwrap_or(usize::MAX);
    let end = from
        .checked_add(data.len())
        .ok_or_else(|| vm.err(ExcKind::MemoryError, ""))?;
    if end > all.len() {
        all.resize(end, 0);
    }
    all[from..end].copy_from_slice(data);
    write_file(vm, path, &all, false)
}

/// Cut or extend a file to `len` bytes.
pub fn truncate(vm: &mut Vm, path: &str, len: u64) -> PyResult<()> {
    if let Target::Fs(fs, p, _) = resolve(vm, path) {
        if let Some(o) = native_fs(&fs).filter(|o| !is_ram(o)) {
            return native(vm, o, &p, NOp::Truncate(len)).map(|_| ());
        }
    }
    let mut all = read_file(vm, path)?;
    all.resize(usize::try_from(len).unwrap_or(usize::MAX), 0);
    write_file(vm, path, &all, false)
}

/// `path` opened as a file of the Port with an OS descriptor (`fileno()`), when it is one of
/// the Port's files and the Port has descriptors.
pub fn open_host(vm: &mut Vm, path: &str, write: bool) -> Option<Box<dyn crate::port::HostFile>> {
    match resolve(vm, path) {
        Target::Port(p) => vm.port.open_host(&p, write).ok(),
        _ => None,
    }
}

/// What `path` names (FileKind::Missing also for errors of a Python VFS's `stat`).
pub fn file_kind(vm: &mut Vm, path: &str) -> PyResult<FileKind> {
    match resolve(vm, path) {
        Target::Port(p) => Ok(vm.port.file_kind(&p)),
        Target::Root => Ok(FileKind::Dir),
        Target::None => Ok(FileKind::Missing),
        Target::Fs(fs, p, _) => {
            let r = match native_fs(&fs) {
                Some(o) => native(vm, o, &p, NOp::Stat).map(|o| match o {
                    NOut::Stat(s) => s,
                    _ => FileStat::default(),
                }),
                None => user_stat(vm, &fs, &p),
            };
            match r {
                Ok(s) if s.is_dir => Ok(FileKind::Dir),
                Ok(_) => Ok(FileKind::File),
                Err(e) if vm.err_matches(&e, ExcKind::OSError) => Ok(FileKind::Missing),
                Err(e) => Err(e),
            }
        }
    }
}

/// Read a whole file.
pub fn read_file(vm: &mut Vm, path: &str) -> PyResult<Vec<u8>> {
    match resolve(vm, path) {
        Target::Port(p) => {
            if vm.port.file_kind(&p) == FileKind::Dir {
                return Err(os_error(vm, EISDIR, Some(path)));
            }
            let r = vm.port.read_file(&p);
            port_result(vm, r, path)
        }
        Target::Root => Err(os_error(vm, EISDIR, Some(path))),
        Target::None => Err(os_error(vm, ENOENT, Some(path))),
        Target::Fs(fs, p, _) => {
            if let Some(o) = native_fs(&fs) {
                return match native(vm, o, &p, NOp::Read)? {
                    NOut::Data(d) => Ok(d),
                    _ => Ok(Vec::new()),
                };
            }
            let f = vm.call_method(&fs, "open", &[Value::string(p), Value::str("rb")])?;
            read_user_file(vm, &f)
        }
    }
}

/// Read a whole file object of a Python VFS. One with MicroPython's stream `ioctl` is read as
/// MicroPython does (buffer size query, `readinto`, close through ioctl); others with `read()`
/// and `close()`.
fn read_user_file(vm: &mut Vm, f: &Value) -> PyResult<Vec<u8>> {
    let stream = vm.getattr_opt(f, "ioctl")?.is_some() && vm.getattr_opt(f, "readinto")?.is_some();
    if stream {
        let size = vm.call_method(f, "ioctl", &[Value::Int(11), Value::Int(0)])?;
        let size = match size {
            Value::Int(n) if (1..=1 << 20).contains(&n) => n as usize,
            _ => 256,
        };
        let mut out = Vec::new();
        let r = loop {
            let buf =
                Value::Obj(vm.alloc(PyObject::ByteArray(RefCell::new(alloc::vec![0u8; size]))));
            let n = match vm.call_method(f, "readinto", core::slice::from_ref(&buf)) {
                Ok(n) => n,
                Err(e) => break Err(e),
            };
            let n = n.as_int().unwrap_or(0).clamp(0, size as i64) as usize;
            if n == 0 {
                break Ok(());
            }
            if let Some(b) = crate::objbytes::bytes_data(&buf) {
                out.extend_from_slice(&b[..n.min(b.len())]);
            }
        };
        vm.call_method(f, "ioctl", &[Value::Int(4), Value::Int(0)])?;
        return r.map(|_| out);
    }
    let data = vm.call_method(f, "read", &[]);
    if vm.getattr_opt(f, "close")?.is_some() {
        vm.call_method(f, "close", &[])?;
    }
    let data = data?;
    match crate::objbytes::bytes_data(&data) {
        Some(b) => Ok(b),
        None => match data.as_str() {
            Some(s) => Ok(s.as_bytes().to_vec()),
            None => Err(vm.type_error("VFS read() must return bytes")),
        },
    }
}

/// For `open()`: when `path` is on a file system implemented in Python, what that file
/// system's own `open(path, mode)` returns (MicroPython gives it to the caller as it is); None
/// for every other path.
pub fn open_user(vm: &mut Vm, path: &str, mode: &str) -> PyResult<Option<Value>> {
    match resolve(vm, path) {
        Target::Fs(fs, p, _) if native_fs(&fs).is_none() => vm
            .call_method(&fs, "open", &[Value::string(p), Value::str(mode)])
            .map(Some),
        _ => Ok(None),
    }
}

/// Replace (or create) a file, or append to it.
pub fn write_file(vm: &mut Vm, path: &str, data: &[u8], append: bool) -> PyResult<()> {
    match resolve(vm, path) {
        Target::Port(p) => {
            let r = if append {
                vm.port.append_file(&p, data)
            } else {
                vm.port.write_file(&p, data)
            };
            port_result(vm, r, path)
        }
        Target::Root => Err(os_error(vm, EISDIR, Some(path))),
        Target::None => Err(os_error(vm, ENOENT, Some(path))),
        Target::Fs(fs, p, _) => {
            if let Some(o) = native_fs(&fs) {
                return native(vm, o, &p, NOp::Write(data, append)).map(|_| ());
            }
            let mode = if append { "ab" } else { "wb" };
            let f = vm.call_method(&fs, "open", &[Value::string(p), Value::str(mode)])?;
            let r = vm.call_method(&f, "write", &[Value::bytes(data)]);
            vm.call_method(&f, "close", &[])?;
            r.map(|_| ())
        }
    }
}

/// The entries of a directory as `os.ilistdir` yields them: `(name, type, inode[, size])`
/// tuples (names as bytes when `as_bytes`); at the root, mount points come first.
pub fn ilistdir(vm: &mut Vm, path: &str, as_bytes: bool) -> PyResult<Vec<Value>> {
    let name_val = |n: &str| {
        if as_bytes {
            Value::bytes(n.as_bytes())
        } else {
            Value::str(n)
        }
    };
    let mut out = Vec::new();
    let target = resolve(vm, path);
    let target = match target {
        Target::Root => {
            let (points, root) = with_state(vm, |st| {
                let points: Vec<String> = st
                    .mounts
                    .iter()
                    .filter(|m| m.point != "/")
                    .map(|m| String::from(&m.point[1..]))
                    .collect();
                let root = st.root_fs();
                (points, (root, !st.port_unmounted))
            });
            for p in points {
                let t = alloc::vec![name_val(&p), Value::Int(S_IFDIR), Value::Int(0)];
                out.push(vm.new_tuple(t));
            }
            match root {
                (Some(fs), _) => Target::Fs(fs, String::from("/"), String::from("/")),
                (None, true) => Target::Port(String::from("/")),
                (None, false) => return Ok(out),
            }
        }
        t => t,
    };
    let entries = match target {
        Target::Port(p) => {
            let r = vm.port.list_dir(&p);
            let names = port_result(vm, r, path)?;
            let mut v = Vec::with_capacity(names.len());
            for n in names {
                let st = vm.port.stat(&join(&p, &n)).unwrap_or_default();
                v.push((n, st.is_dir, st.size));
            }
            v
        }
        Target::None => return Err(os_error(vm, ENOENT, Some(path))),
        Target::Root => Vec::new(),
        Target::Fs(fs, p, _) => {
            if let Some(o) = native_fs(&fs) {
                match native(vm, o, &p, NOp::List)? {
                    NOut::Entries(e) => e,
                    _ => Vec::new(),
                }
            } else {
                let arg = if as_bytes {
                    Value::bytes(p.as_bytes())
                } else {
                    Value::string(p)
                };
                let it = vm.call_method(&fs, "ilistdir", &[arg])?;
                out.extend(vm.collect(&it)?);
                return Ok(out);
            }
        }
    };
    for (n, is_dir, size) in entries {
        let (kind, size) = if is_dir {
            (S_IFDIR, 0)
        } else {
            (S_IFREG, size)
        };
        let t = alloc::vec![
            name_val(&n),
            Value::Int(kind),
            Value::Int(0),
            Value::Int(size as i64)
        ];
        out.push(vm.new_tuple(t));
    }
    Ok(out)
}

/// Names in a directory (mount points included at the root).
pub fn list_dir(vm: &mut Vm, path: &str) -> PyResult<Vec<String>> {
    let items = ilistdir(vm, path, false)?;
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        let name = vm.getitem(&item, &Value::Int(0))?;
        out.push(String::from(vm.str_of(&name)?.as_str()));
    }
    Ok(out)
}

fn user_stat(vm: &mut Vm, fs: &Value, p: &str) -> PyResult<FileStat> {
    let st = vm.call_method(fs, "stat", &[Value::str(p)])?;
    stat_of_tuple(vm, &st)
}

fn stat_of_tuple(vm: &mut Vm, st: &Value) -> PyResult<FileStat> {
    let items = vm.collect(st)?;
    let int = |i: usize| items.get(i).and_then(|v| v.as_int()).unwrap_or(0);
    Ok(FileStat {
        is_dir: int(0) & 0x4000 != 0,
        size: int(6).max(0) as u64,
        mtime: int(8),
    })
}

/// Metadata of a path.
pub fn stat(vm: &mut Vm, path: &str) -> PyResult<FileStat> {
    let v = stat_value(vm, path)?;
    stat_of_tuple(vm, &v)
}

/// `os.stat(path)`: a 10-tuple (a Python VFS's own result is returned as it is).
pub fn stat_value(vm: &mut Vm, path: &str) -> PyResult<Value> {
    let st = match resolve(vm, path) {
        Target::Port(p) => {
            let r = vm.port.stat(&p);
            port_result(vm, r, path)?
        }
        Target::Root => FileStat {
            is_dir: true,
            ..FileStat::default()
        },
        Target::None => return Err(os_error(vm, ENOENT, Some(path))),
        Target::Fs(fs, p, _) => match native_fs(&fs) {
            Some(o) => match native(vm, o, &p, NOp::Stat)? {
                NOut::Stat(s) => s,
                _ => FileStat::default(),
            },
            None => return vm.call_method(&fs, "stat", &[Value::string(p)]),
        },
    };
    Ok(crate::modvfs::stat_tuple(vm, &st))
}

/// One of the simple operations taking a path.
#[derive(Clone, Copy)]
pub enum PathOp {
    /// `os.mkdir`.
    Mkdir,
    /// `os.remove`.
    Remove,
    /// `os.rmdir`.
    Rmdir,
}

/// Run a [`PathOp`].
pub fn path_op(vm: &mut Vm, op: PathOp, path: &str) -> PyResult<()> {
    match resolve(vm, path) {
        Target::Port(p) => {
            let r = match op {
                PathOp::Mkdir => vm.port.mkdir(&p),
                PathOp::Remove => vm.port.remove(&p),
                PathOp::Rmdir => vm.port.rmdir(&p),
            };
            port_result(vm, r, path)
        }
        Target::Root if matches!(op, PathOp::Mkdir) => Err(os_error(vm, EEXIST, Some(path))),
        Target::Root => Err(os_error(vm, EPERM, Some(path))),
        Target::None => Err(os_error(vm, ENOENT, Some(path))),
        Target::Fs(_, p, point) if matches!(op, PathOp::Mkdir) && p == "/" && !point.is_empty() => {
            Err(os_error(vm, EEXIST, Some(path)))
        }
        Target::Fs(fs, p, _) => {
            if let Some(o) = native_fs(&fs) {
                let nop = match op {
                    PathOp::Mkdir => NOp::Mkdir,
                    PathOp::Remove => NOp::Remove,
                    PathOp::Rmdir => NOp::Rmdir,
                };
                return native(vm, o, &p, nop).map(|_| ());
            }
            let name = match op {
                PathOp::Mkdir => "mkdir",
                PathOp::Remove => "remove",
                PathOp::Rmdir => "rmdir",
            };
            vm.call_method(&fs, name, &[Value::string(p)]).map(|_| ())
        }
    }
}

/// Rename a file or directory (both paths must be on the same file system).
pub fn rename(vm: &mut Vm, from: &str, to: &str) -> PyResult<()> {
    match (resolve(vm, from), resolve(vm, to)) {
        (Target::Port(a), Target::Port(b)) => {
            let r = vm.port.rename(&a, &b);
            port_result(vm, r, from)
        }
        (Target::Fs(fs, a, _), Target::Fs(fs2, b, _)) if fs.is(&fs2) => {
            if let Some(o) = native_fs(&fs) {
                return native(vm, o, &a, NOp::Rename(&b)).map(|_| ());
            }
            vm.call_method(&fs, "rename", &[Value::string(a), Value::string(b)])
                .map(|_| ())
        }
        (Target::None, _) => Err(os_error(vm, ENOENT, Some(from))),
        _ => Err(os_error(vm, EXDEV, Some(from))),
    }
}

/// `os.statvfs(path)`: a 10-tuple (a Python VFS's own result is returned as it is).
pub fn statvfs_value(vm: &mut Vm, path: &str) -> PyResult<Value> {
    let target = match resolve(vm, path) {
        Target::Root => {
            let root = with_state(vm, |st| st.root_fs());
            match root {
                Some(fs) => Target::Fs(fs, String::from("/"), String::from("/")),
                None => Target::Root,
            }
        }
        t => t,
    };
    let [bs, blocks, free] = match target {
        Target::Fs(fs, p, _) => match native_fs(&fs) {
            Some(o) => match native(vm, o, &p, NOp::Statvfs)? {
                NOut::Statvfs(v) => v,
                _ => [0, 0, 0],
            },
            None => return vm.call_method(&fs, "statvfs", &[Value::string(p)]),
        },
        Target::Root => [0, 0, 0],
        Target::None => return Err(os_error(vm, ENOENT, Some(path))),
        Target::Port(p) => {
            if vm.port.file_kind(&p) == FileKind::Missing {
                return Err(os_error(vm, ENOENT, Some(path)));
            }
            [4096, 0, 0]
        }
    };
    let items = [bs, bs, blocks, free, free, 0, 0, 0, 0, 255]
        .iter()
        .map(|&x| Value::Int(x))
        .collect();
    Ok(vm.new_tuple(items))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_paths() {
        assert_eq!(normalize("/a/./b/../c//d/"), "/a/c/d");
        assert_eq!(normalize("/.."), "/");
        assert_eq!(normalize("../x"), "../x");
        assert_eq!(normalize("a/.."), ".");
        assert_eq!(normalize(""), ".");
    }

    #[test]
    fn ramfs_basics() {
        let mut fs = RamFs::default();
        assert_eq!(fs.mkdir("/d"), Ok(()));
        assert_eq!(fs.mkdir("/d"), Err(EEXIST));
        assert_eq!(fs.write("/d/f", b"hi", false), Ok(()));
        assert_eq!(fs.write("/d/f", b"!", true), Ok(()));
        assert_eq!(fs.read("/d/f"), Ok(b"hi!".to_vec()));
        assert_eq!(fs.write("/x/f", b"", false), Err(ENOENT));
        assert_eq!(fs.list("/"), Ok(alloc::vec![String::from("d")]));
        assert_eq!(fs.rmdir("/d"), Err(ENOTEMPTY));
        assert_eq!(fs.rename("/d", "/e"), Ok(()));
        assert_eq!(fs.read("/e/f"), Ok(b"hi!".to_vec()));
        assert_eq!(fs.remove("/e/f"), Ok(()));
        assert_eq!(fs.rmdir("/e"), Ok(()));
        assert_eq!(fs.list("/"), Ok(Vec::new()));
    }
}
