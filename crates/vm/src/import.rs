//! The import system: `import`/`from ... import` resolution (absolute and relative), packages,
//! `sys.modules` caching, native and frozen modules, and source files found on `sys.path`
//! through the Port.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::attr::dict_of;
use crate::exceptions::ExcKind;
use crate::parser::Mode;
use crate::port::FileKind;
use crate::value::{Obj, PyObject, Str, Value};
use crate::vm::Vm;
use crate::PyResult;

impl Vm {
    /// A module from `sys.modules`. For `sys` itself, the interpreter's sys module when `sys.modules` no longer holds it
    /// (after `sys.modules.clear()` imports still search `sys.path`, as in CPython).
    pub fn sys_module(&self, name: &str) -> Option<Value> {
        let found = dict_of(&self.modules).and_then(|d| d.borrow().get_str(name).cloned());
        if found.is_none() && name == "sys" {
            return self
                .native_loaded
                .iter()
                .find(|(n, _)| *n == "sys")
                .map(|(_, m)| Value::Obj(m.clone()));
        }
        found
    }

    fn set_sys_module(&mut self, name: &str, m: Value) {
        if let Some(d) = dict_of(&self.modules) {
            d.borrow_mut().set_str(name, m);
        }
    }

    fn resolve_name(&mut self, name: &str, level: usize, globals: &Obj) -> PyResult<String> {
        if level == 0 {
            return Ok(String::from(name));
        }
        let g = dict_of(globals)
            .map(|d| d.borrow().clone())
            .unwrap_or_default();
        let package = match g.get_str("__package__") {
            Some(Value::Str(p)) if !p.as_str().is_empty() => String::from(p.as_str()),
            _ => {
                let modname = g
                    .get_str("__name__")
                    .and_then(|v| v.as_str().map(String::from))
                    .unwrap_or_default();
                if g.get_str("__path__").is_some() {
                    modname
                } else {
                    match modname.rfind('.') {
                        Some(i) => String::from(&modname[..i]),
                        None => String::new(),
                    }
                }
            }
        };
        if package.is_empty() {
            return Err(self.err(
                ExcKind::ImportError,
                "attempted relative import with no known parent package",
            ));
        }
        let mut parts: Vec<&str> = package.split('.').collect();
        if level - 1 > parts.len() - 1 && level > 1 && level > parts.len() {
            return Err(self.err(
                ExcKind::ImportError,
                "attempted relative import beyond top-level package",
            ));
        }
        for _ in 1..level {
            parts.pop();
        }
        let base = parts.join(".");
        Ok(if name.is_empty() {
            base
        } else {
            format!("{}.{}", base, name)
        })
    }

    /// The `import` statement: `builtins.__import__(name, globals, None, fromlist, level)`,
    /// which is [`Vm::import_name_direct`] unless a program replaced `builtins.__import__`.
    pub fn import_name(
        &mut self,
        name: &str,
        fromlist: &Value,
        level: usize,
        globals: &Obj,
    ) -> PyResult {
        let hook = dict_of(&self.builtins).and_then(|d| d.borrow().get_str("__import__").cloned());
        if let Some(hook) = hook {
            let native = matches!(&hook, Value::Obj(o)
                if matches!(&**o, PyObject::Builtin(b) if b.name == "__import__"));
            if !native {
                let args = [
                    Value::str(name),
                    Value::Obj(globals.clone()),
                    Value::None,
                    fromlist.clone(),
                    Value::Int(level as i64),
                ];
                return self.call(&hook, &args);
            }
        }
        self.import_name_direct(name, fromlist, level, globals)
    }

    /// The built-in `__import__(name, globals, fromlist=fromlist, level=level)`.
    pub fn import_name_direct(
        &mut self,
        name: &str,
        fromlist: &Value,
        level: usize,
        globals: &Obj,
    ) -> PyResult {
        let full = self.resolve_name(name, level, globals)?;
        if full.is_empty() {
            return Err(self.value_error("Empty module name"));
        }
        let mut module = Value::None;
        let mut top = Value::None;
        let mut prefix = String::new();
        for (i, part) in full.split('.').enumerate() {
            if i > 0 {
                prefix.push('.');
            }
            prefix.push_str(part);
            let parent = module.clone();
            module = self.import_one(&prefix, &parent)?;
            if i == 0 {
                top = module.clone();
            }
        }
        let has_fromlist = match fromlist {
            Value::None => false,
            v => self.truthy(v)?,
        };
        if has_fromlist {
            return Ok(module);
        }
        if level > 0 {
            // `from . import x` style with empty fromlist returns the named module itself.
            return Ok(module);
        }
        Ok(top)
    }

    /// Import one dotted name whose parent (if any) is already imported.
    fn import_one(&mut self, full: &str, parent: &Value) -> PyResult {
        let cached = dict_of(&self.modules).and_then(|d| d.borrow().get_str(full).cloned());
        if let Some(m) = cached {
            if !m.is_none() {
                return Ok(m);
            }
        }
        let short = full.rsplit('.').next().unwrap_or(full);
        // Native modules (and their u-prefixed aliases).
        let lookup = full
            .strip_prefix('u')
            .filter(|s| self.native_modules.iter().any(|(n, _)| n == s))
            .unwrap_or(full);
        if let Some((name, init)) = self
            .native_modules
            .iter()
            .find(|(n, _)| *n == lookup)
            .map(|(n, f)| (*n, *f))
        {
            let loaded = self.native_loaded.iter().find(|(n, _)| *n == name);
            let m = match loaded {
                Some((_, m)) => m.clone(),
                None => {
                    let m = init(self)?;
                    self.native_loaded.push((name, m.clone()));
                    m
                }
            };
            let mv = Value::Obj(m);
            self.set_sys_module(full, mv.clone());
            if lookup != full {
                self.set_sys_module(lookup, mv.clone());
            }
            return Ok(mv);
        }
        // Frozen modules, also under their `u`-prefixed alias (`ucollections`).
        let frozen = self
            .frozen_modules
            .iter()
            .find(|(n, _)| *n == full)
            .or_else(|| {
                full.strip_prefix('u').and_then(|s| {
                    self.frozen_modules
                        .iter()
                        .find(|(n, _)| *n == s || n.strip_suffix(".__init__") == Some(s))
                })
            })
            .map(|(n, s)| (*n, *s));
        if let Some((real, src)) = frozen {
            if real != full {
                let real = real.strip_suffix(".__init__").unwrap_or(real);
                let m = self.import_one(real, parent)?;
                self.set_sys_module(full, m.clone());
                return Ok(m);
            }
            let m = self.exec_module_source(full, src, &format!("<frozen {}>", full), None)?;
            self.bind_in_parent(full, parent, &m)?;
            return Ok(m);
        }
        // A frozen package is registered as `name.__init__`.
        let init_name = format!("{}.__init__", full);
        if let Some(src) = self
            .frozen_modules
            .iter()
            .find(|(n, _)| *n == init_name)
            .map(|(_, s)| *s)
        {
            let m = self.exec_module_source(
                full,
                src,
                &format!("<frozen {}>", full),
                Some(String::new()),
            )?;
            self.bind_in_parent(full, parent, &m)?;
            return Ok(m);
        }
        // Search the file system.
        let dirs: Vec<String> = if parent.is_none() {
            self.sys_path()
        } else {
            match self.getattr_opt(parent, "__path__")? {
                Some(p) => self
                    .collect(&p)?
                    .iter()
                    .filter_map(|v| v.as_str().map(String::from))
                    .collect(),
                None => Vec::new(),
            }
        };
        for d in dirs {
            let base = if d.is_empty() {
                String::from(short)
            } else if d.ends_with('/') {
                format!("{}{}", d, short)
            } else {
                format!("{}/{}", d, short)
            };
            let init = format!("{}/__init__.py", base);
            if crate::vfs::file_kind(self, &base)? == FileKind::Dir {
                if crate::vfs::file_kind(self, &init)? == FileKind::File {
                    let src = self.read_source(&init)?;
                    let m = self.exec_module_source(full, &src, &init, Some(base))?;
                    self.bind_in_parent(full, parent, &m)?;
                    return Ok(m);
                }
                // MicroPython's order: a package's `__init__.py`, then its `__init__.mpy`.
                #[cfg(feature = "mpy")]
                {
                    let init_mpy = format!("{}/__init__.mpy", base);
                    if crate::vfs::file_kind(self, &init_mpy)? == FileKind::File {
                        let m = self.exec_module_mpy(full, &init_mpy, Some(base))?;
                        self.bind_in_parent(full, parent, &m)?;
                        return Ok(m);
                    }
                }
                // A namespace package.
                let m = self.new_module(full);
                let mv = Value::Obj(m.clone());
                let path = self.new_list(alloc::vec![Value::string(base.clone())]);
                if let PyObject::Module(mm) = &*m {
                    if let Some(dd) = dict_of(&mm.dict) {
                        dd.borrow_mut().set_str("__path__", path);
                        dd.borrow_mut().set_str("__package__", Value::str(full));
                    }
                }
                self.set_sys_module(full, mv.clone());
                self.bind_in_parent(full, parent, &mv)?;
                return Ok(mv);
            }
            let file = format!("{}.py", base);
            if crate::vfs::file_kind(self, &file)? == FileKind::File {
                let src = self.read_source(&file)?;
                let m = self.exec_module_source(full, &src, &file, None)?;
                self.bind_in_parent(full, parent, &m)?;
                return Ok(m);
            }
            // MicroPython's order: `name.py`, then the precompiled `name.mpy`.
            #[cfg(feature = "mpy")]
            {
                let file = format!("{}.mpy", base);
                if crate::vfs::file_kind(self, &file)? == FileKind::File {
                    let m = self.exec_module_mpy(full, &file, None)?;
                    self.bind_in_parent(full, parent, &m)?;
                    return Ok(m);
                }
            }
        }
        let e = self.err(
            ExcKind::ModuleNotFoundError,
            format!("No module named '{}'", full),
        );
        let n = self.name("name");
        let _ = self.generic_setattr(&e.0, &n, Value::str(full));
        Err(e)
    }

    fn bind_in_parent(&mut self, full: &str, parent: &Value, m: &Value) -> PyResult<()> {
        if parent.is_none() {
            return Ok(());
        }
        let short = full.rsplit('.').next().unwrap_or(full);
        let n = self.intern(short);
        self.setattr(parent, &n, m.clone())
    }

    fn read_source(&mut self, path: &str) -> PyResult<String> {
        match crate::vfs::read_file(self, path) {
            Ok(b) => match String::from_utf8(b) {
                Ok(s) => Ok(s),
                Err(_) => Err(self.err(
                    ExcKind::SyntaxError,
                    format!(
                        "(unicode error) 'utf-8' codec can't decode source file {}",
                        path
                    ),
                )),
            },
            Err(_) => Err(self.err(ExcKind::ImportError, format!("can't read {}", path))),
        }
    }

    /// The current `sys.path` as strings.
    pub fn sys_path(&mut self) -> Vec<String> {
        if let Some(sys) = self.sys_module("sys") {
            if let Ok(Some(p)) = self.getattr_opt(&sys, "path") {
                if let Ok(items) = self.collect(&p) {
                    return items
                        .iter()
                        .filter_map(|v| v.as_str().map(String::from))
                        .collect();
                }
            }
        }
        self.config.path.clone()
    }

    /// Create a module by loading a MicroPython `.mpy` file (see `mpy.rs`) and running it in a
    /// fresh namespace, registered in `sys.modules` first (and removed again if it raises).
    #[cfg(feature = "mpy")]
    pub fn exec_module_mpy(
        &mut self,
        name: &str,
        path: &str,
        package_dir: Option<String>,
    ) -> PyResult {
        let data = match crate::vfs::read_file(self, path) {
            Ok(b) => b,
            Err(_) => return Err(self.err(ExcKind::ImportError, format!("can't read {}", path))),
        };
        let code = crate::mpy::load(self, &data)?;
        self.exec_module_body(name, ModuleBody::Code(code), path, package_dir)
    }

    /// Create a module by running source in a fresh namespace, registered in `sys.modules` first
    /// (and removed again if it raises).
    pub fn exec_module_source(
        &mut self,
        name: &str,
        src: &str,
        filename: &str,
        package_dir: Option<String>,
    ) -> PyResult {
        self.exec_module_body(name, ModuleBody::Source(src), filename, package_dir)
    }

    fn exec_module_body(
        &mut self,
        name: &str,
        body: ModuleBody,
        filename: &str,
        package_dir: Option<String>,
    ) -> PyResult {
        let m = self.new_module(name);
        let mv = Value::Obj(m.clone());
        let PyObject::Module(mm) = &*m else {
            return Err(self.type_error("bad module"));
        };
        let dict = mm.dict.clone();
        if let Some(d) = dict_of(&dict) {
            let mut d = d.borrow_mut();
            d.set_str("__file__", Value::str(filename));
            let package = match &package_dir {
                Some(_) => String::from(name),
                None => name
                    .rsplit_once('.')
                    .map(|(p, _)| String::from(p))
                    .unwrap_or_default(),
            };
            d.set_str("__package__", Value::string(package));
        }
        if let Some(dir) = package_dir {
            let path = self.new_list(alloc::vec![Value::string(dir)]);
            if let Some(d) = dict_of(&dict) {
                d.borrow_mut().set_str("__path__", path);
            }
        }
        self.set_sys_module(name, mv.clone());
        let r = match body {
            ModuleBody::Source(src) => self.exec_in(src, filename, &dict),
            ModuleBody::Code(code) => self.exec_code_in(code, &dict),
        };
        match r {
            Ok(_) => {}
            Err(e) => {
                if let Some(d) = dict_of(&self.modules) {
                    d.borrow_mut().remove_name(&crate::value::new_str(name));
                }
                return Err(e);
            }
        }
        // The module may have replaced itself in sys.modules.
        Ok(self.sys_module(name).unwrap_or(mv))
    }

    /// Run a module's code object in a module namespace dict.
    fn exec_code_in(&mut self, code: alloc::rc::Rc<crate::code::Code>, globals: &Obj) -> PyResult {
        if let Some(d) = dict_of(globals) {
            if d.borrow().get_str("__builtins__").is_none() {
                let b = self.builtins_module();
                d.borrow_mut().set_str("__builtins__", b);
            }
        }
        let frame = crate::frame::Frame::new(code, globals.clone(), Some(globals.clone()));
        self.run_nested(frame)
    }

    /// Compile and run source in a module namespace dict.
    pub fn exec_in(&mut self, src: &str, filename: &str, globals: &Obj) -> PyResult {
        if let Some(d) = dict_of(globals) {
            if d.borrow().get_str("__builtins__").is_none() {
                let b = self.builtins_module();
                d.borrow_mut().set_str("__builtins__", b);
            }
        }
        let code = self.compile_source(src, filename, Mode::Exec)?;
        let frame = crate::frame::Frame::new(code, globals.clone(), Some(globals.clone()));
        self.run_nested(frame)
    }

    /// `from module import name`.
    pub fn import_from(&mut self, module: &Value, name: &Str) -> PyResult {
        match self.getattr(module, name) {
            Ok(v) => Ok(v),
            Err(e) if self.err_matches(&e, ExcKind::AttributeError) => {
                let modname = self
                    .getattr_opt(module, "__name__")?
                    .and_then(|v| v.as_str().map(String::from))
                    .unwrap_or_default();
                let full = format!("{}.{}", modname, name.as_str());
                match self.import_one(&full, module) {
                    Ok(m) => Ok(m),
                    Err(e2) if self.err_matches(&e2, ExcKind::ModuleNotFoundError) => {
                        let file = self
                            .getattr_opt(module, "__file__")?
                            .and_then(|v| v.as_str().map(String::from));
                        let msg = match file {
                            Some(f) => format!(
                                "cannot import name '{}' from '{}' ({})",
                                name.as_str(),
                                modname,
                                f
                            ),
                            None => format!(
                                "cannot import name '{}' from '{}' (unknown location)",
                                name.as_str(),
                                modname
                            ),
                        };
                        Err(self.err(ExcKind::ImportError, msg))
                    }
                    Err(e2) => Err(e2),
                }
            }
            Err(e) => Err(e),
        }
    }

    /// `from module import *` into a namespace.
    pub fn import_star(&mut self, module: &Value, ns: &Obj) -> PyResult<()> {
        let names: Vec<Value> = match self.getattr_opt(module, "__all__")? {
            Some(all) => self.collect(&all)?,
            None => {
                let d = self.getattr_str(module, "__dict__")?;
                let items = self.mapping_items(&d)?;
                items
                    .into_iter()
                    .map(|(k, _)| k)
                    .filter(|k| !k.as_str().map(|s| s.starts_with('_')).unwrap_or(true))
                    .collect()
            }
        };
        for n in names {
            let Value::Str(s) = &n else { continue };
            let v = self.getattr(module, s)?;
            match dict_of(ns) {
                Some(d) => d.borrow_mut().set_name(s.clone(), v),
                None => self.setitem(&Value::Obj(ns.clone()), &n, v)?,
            }
        }
        Ok(())
    }
}

/// What a new module runs: source to compile, or a code object loaded from a `.mpy` file.
#[cfg_attr(not(feature = "mpy"), allow(dead_code))]
enum ModuleBody<'a> {
    /// Python source.
    Source(&'a str),
    /// A loaded code object.
    Code(alloc::rc::Rc<crate::code::Code>),
}
