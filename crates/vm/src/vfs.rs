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
    /// The file system object (an `os.VfsRam` or a Python object with VFS methods).
    pub fs: Value,
}

/// The VM's file system state: current directory and mount table.
#[derive(Default)]
pub struct VfsState {
    /// The current directory; empty while it is the Port's own.
    pub cwd: String,
    /// Mounted file systems.
    pub mounts: Vec<Mount>,
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
    let cwd = with_state(vm, |st| st.cwd.clone());
    if path.starts_with('/') || cwd.is_empty() {
        normalize(path)
    } else {
        normalize(&join(&cwd, path))
    }
}

/// `os.getcwd()`.
pub fn getcwd(vm: &mut Vm) -> String {
    let cwd = with_state(vm, |st| st.cwd.clone());
    if cwd.is_empty() {
        vm.port.getcwd().unwrap_or_else(|| String::from("."))
    } else {
        cwd
    }
}

/// `os.chdir(path)`.
pub fn chdir(vm: &mut Vm, path: &str) -> PyResult<()> {
    match file_kind(vm, path)? {
        FileKind::Dir => {}
        FileKind::File => return Err(os_error(vm, ENOTDIR, Some(path))),
        FileKind::Missing => return Err(os_error(vm, ENOENT, Some(path))),
    }
    let mut abs = absolute(vm, path);
    if abs == "." {
        abs.clear();
    }
    with_state(vm, |st| st.cwd = abs);
    Ok(())
}

/// `os.mount(fs, point)`.
pub fn mount(vm: &mut Vm, fs: Value, point: &str) -> PyResult<()> {
    let abs = absolute(vm, point);
    if !abs.starts_with('/') {
        return Err(os_error(vm, EINVAL, None));
    }
    let taken = with_state(vm, |st| st.mounts.iter().any(|m| m.point == abs));
    if taken {
        return Err(os_error(vm, crate::moderrno::codes::EPERM, None));
    }
    with_state(vm, |st| st.mounts.push(Mount { point: abs, fs }));
    Ok(())
}

/// `os.umount(point_or_fs)`.
pub fn umount(vm: &mut Vm, what: &Value) -> PyResult<()> {
    let point = what.as_str().map(String::from);
    let point = point.map(|p| absolute(vm, &p));
    let removed = with_state(vm, |st| {
        let before = st.mounts.len();
        st.mounts.retain(|m| match &point {
            Some(p) => &m.point != p,
            None => !m.fs.is(what),
        });
        before != st.mounts.len()
    });
    if removed {
        Ok(())
    } else {
        Err(os_error(vm, EINVAL, None))
    }
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

/// Where a path lives.
enum Target {
    /// The Port, with the path to give it.
    Port(String),
    /// A mounted `RamFs` (the native object) and the path inside it.
    Ram(Obj, String),
    /// A mounted Python VFS object and the path inside it.
    User(Value, String),
}

fn is_ram(o: &Obj) -> bool {
    matches!(&**o, PyObject::Native(n) if n.data.borrow().is::<RamFs>())
}

fn resolve(vm: &mut Vm, path: &str) -> Target {
    let full = absolute(vm, path);
    let found = with_state(vm, |st| {
        let mut best: Option<(usize, Value)> = None;
        for m in &st.mounts {
            let p = m.point.as_str();
            let inside = full == p
                || p == "/"
                || (full.starts_with(p) && full.as_bytes().get(p.len()) == Some(&b'/'));
            if inside && best.as_ref().is_none_or(|(l, _)| p.len() > *l) {
                best = Some((p.len(), m.fs.clone()));
            }
        }
        best
    });
    match found {
        None => Target::Port(full),
        Some((len, fs)) => {
            let rest = if len == 1 { &full[..] } else { &full[len..] };
            let inner = if rest.is_empty() {
                String::from("/")
            } else {
                String::from(rest)
            };
            match fs {
                Value::Obj(o) if is_ram(&o) => Target::Ram(o, inner),
                other => Target::User(other, inner),
            }
        }
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

fn ram_op<R>(
    vm: &mut Vm,
    o: &Obj,
    path: &str,
    f: impl FnOnce(&mut RamFs) -> Result<R, Errno>,
) -> PyResult<R> {
    match with_ram(o, f) {
        Some(Ok(r)) => Ok(r),
        Some(Err(e)) => Err(os_error(vm, e, Some(path))),
        None => Err(os_error(vm, ENODEV, Some(path))),
    }
}

fn port_result<R>(vm: &mut Vm, r: Result<R, Errno>, path: &str) -> PyResult<R> {
    r.map_err(|e| os_error(vm, e, Some(path)))
}

/// What `path` names (FileKind::Missing also for errors of a Python VFS's `stat`).
pub fn file_kind(vm: &mut Vm, path: &str) -> PyResult<FileKind> {
    match resolve(vm, path) {
        Target::Port(p) => Ok(vm.port.file_kind(&p)),
        Target::Ram(o, p) => Ok(with_ram(&o, |fs| fs.kind(&p)).unwrap_or(FileKind::Missing)),
        Target::User(..) => match stat(vm, path) {
            Ok(s) if s.is_dir => Ok(FileKind::Dir),
            Ok(_) => Ok(FileKind::File),
            Err(e) if vm.err_matches(&e, ExcKind::OSError) => Ok(FileKind::Missing),
            Err(e) => Err(e),
        },
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
        Target::Ram(o, p) => ram_op(vm, &o, path, |fs| fs.read(&p)),
        Target::User(fs, p) => {
            let f = vm.call_method(&fs, "open", &[Value::string(p), Value::str("rb")])?;
            let data = vm.call_method(&f, "read", &[]);
            vm.call_method(&f, "close", &[])?;
            let data = data?;
            match crate::objbytes::bytes_data(&data) {
                Some(b) => Ok(b),
                None => match data.as_str() {
                    Some(s) => Ok(s.as_bytes().to_vec()),
                    None => Err(vm.type_error("VFS read() must return bytes")),
                },
            }
        }
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
        Target::Ram(o, p) => ram_op(vm, &o, path, |fs| fs.write(&p, data, append)),
        Target::User(fs, p) => {
            let mode = if append { "ab" } else { "wb" };
            let f = vm.call_method(&fs, "open", &[Value::string(p), Value::str(mode)])?;
            let r = vm.call_method(&f, "write", &[Value::bytes(data)]);
            vm.call_method(&f, "close", &[])?;
            r.map(|_| ())
        }
    }
}

/// Names in a directory (mount points directly inside it included).
pub fn list_dir(vm: &mut Vm, path: &str) -> PyResult<Vec<String>> {
    let mut names = match resolve(vm, path) {
        Target::Port(p) => {
            let r = vm.port.list_dir(&p);
            port_result(vm, r, path)?
        }
        Target::Ram(o, p) => ram_op(vm, &o, path, |fs| fs.list(&p))?,
        Target::User(fs, p) => {
            let it = vm.call_method(&fs, "ilistdir", &[Value::string(p)])?;
            let items = vm.collect(&it)?;
            let mut out = Vec::new();
            for item in items {
                let name = vm.getitem(&item, &Value::Int(0))?;
                out.push(String::from(vm.str_of(&name)?.as_str()));
            }
            out
        }
    };
    let full = absolute(vm, path);
    let base = if full.ends_with('/') {
        full
    } else {
        format!("{}/", full)
    };
    let extra: Vec<String> = with_state(vm, |st| {
        st.mounts
            .iter()
            .filter_map(|m| m.point.strip_prefix(base.as_str()))
            .filter(|rest| !rest.is_empty() && !rest.contains('/'))
            .map(String::from)
            .collect()
    });
    for e in extra {
        if !names.contains(&e) {
            names.push(e);
        }
    }
    Ok(names)
}

/// Metadata of a path.
pub fn stat(vm: &mut Vm, path: &str) -> PyResult<FileStat> {
    match resolve(vm, path) {
        Target::Port(p) => {
            let r = vm.port.stat(&p);
            port_result(vm, r, path)
        }
        Target::Ram(o, p) => ram_op(vm, &o, path, |fs| fs.stat(&p)),
        Target::User(fs, p) => {
            let st = vm.call_method(&fs, "stat", &[Value::string(p)])?;
            let mode = vm.getitem(&st, &Value::Int(0))?;
            let size = vm.getitem(&st, &Value::Int(6))?;
            let mtime = vm.getitem(&st, &Value::Int(8))?;
            Ok(FileStat {
                is_dir: mode.as_int().unwrap_or(0) & 0x4000 != 0,
                size: size.as_int().unwrap_or(0).max(0) as u64,
                mtime: mtime.as_int().unwrap_or(0),
            })
        }
    }
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
        Target::Ram(o, p) => ram_op(vm, &o, path, |fs| match op {
            PathOp::Mkdir => fs.mkdir(&p),
            PathOp::Remove => fs.remove(&p),
            PathOp::Rmdir => fs.rmdir(&p),
        }),
        Target::User(fs, p) => {
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
        (Target::Ram(o, a), Target::Ram(o2, b)) if alloc::rc::Rc::ptr_eq(&o, &o2) => {
            ram_op(vm, &o, from, |fs| fs.rename(&a, &b))
        }
        (Target::User(fs, a), Target::User(fs2, b)) if fs.is(&fs2) => vm
            .call_method(&fs, "rename", &[Value::string(a), Value::string(b)])
            .map(|_| ()),
        _ => Err(os_error(vm, EXDEV, Some(from))),
    }
}

/// `os.statvfs` figures for the file system holding `path`: (block size, total blocks, free
/// blocks).
pub fn statvfs(vm: &mut Vm, path: &str) -> PyResult<(i64, i64, i64)> {
    match resolve(vm, path) {
        Target::Ram(o, _) => {
            let used = with_ram(&o, |fs| fs.used_bytes()).unwrap_or(0) as i64;
            let free = vm.heap.limit.saturating_sub(vm.heap_used()) as i64;
            let bs = 512;
            Ok((bs, (used + free) / bs, free / bs))
        }
        Target::User(fs, p) => {
            let t = vm.call_method(&fs, "statvfs", &[Value::string(p)])?;
            let b = vm.getitem(&t, &Value::Int(0))?;
            let n = vm.getitem(&t, &Value::Int(2))?;
            let f = vm.getitem(&t, &Value::Int(3))?;
            Ok((
                b.as_int().unwrap_or(0),
                n.as_int().unwrap_or(0),
                f.as_int().unwrap_or(0),
            ))
        }
        Target::Port(p) => {
            if vm.port.file_kind(&p) == FileKind::Missing {
                return Err(os_error(vm, ENOENT, Some(path)));
            }
            Ok((4096, 0, 0))
        }
    }
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
