//! Calling: argument binding for Python functions, built-ins, bound methods and classes, class
//! creation (`__build_class__`, `type(name, bases, dict)`) and the natives of `object` and `type`.

use alloc::boxed::Box;
use alloc::format;
use alloc::rc::Rc;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;
use core::cell::RefCell;

use crate::attr::dict_of;
use crate::code::{Code, CO_VARARGS, CO_VARKEYWORDS};
use crate::dict::Dict;
use crate::exceptions::ExcKind;
use crate::frame::Frame;
use crate::types::{self, as_type};
use crate::value::{Function, Generator, Layout, Obj, PyObject, Str, TypeObj, Value};
use crate::vm::Vm;
use crate::PyResult;

/// True when a call of `code` with exactly `argcount` positional arguments binds them to the
/// first locals and nothing else: no `*args`, `**kwargs` or keyword-only parameters, and not a
/// generator or coroutine (cells are allowed: `Vm::init_cells` sets them up afterwards).
#[inline]
pub(crate) fn positional_only(code: &Code) -> bool {
    code.flags
        & (CO_VARARGS
            | CO_VARKEYWORDS
            | crate::code::CO_GENERATOR
            | crate::code::CO_COROUTINE
            | crate::code::CO_ASYNC_GENERATOR)
        == 0
        && code.kwonlyargcount == 0
}

fn name_list(names: &[String]) -> String {
    match names.len() {
        0 => String::new(),
        1 => format!("'{}'", names[0]),
        2 => format!("'{}' and '{}'", names[0], names[1]),
        _ => {
            let mut s = String::new();
            for (i, n) in names.iter().enumerate() {
                if i + 1 == names.len() {
                    s.push_str(&format!("and '{}'", n));
                } else {
                    s.push_str(&format!("'{}', ", n));
                }
            }
            s
        }
    }
}

impl Vm {
    /// The frame for a call of `f` with exactly its positional parameters: the arguments in
    /// `stack[pos + 1..]` are moved into the locals and `stack[pos..]` is dropped. None (the stack
    /// untouched) when the call needs general argument binding. `func` is `f`'s object.
    #[inline]
    pub(crate) fn simple_call_frame(
        &mut self,
        func: &Obj,
        f: &Function,
        stack: &mut Vec<Value>,
        pos: usize,
    ) -> Option<Box<Frame>> {
        let code = &f.code;
        if stack.len() != pos + 1 + code.argcount as usize {
            return None;
        }
        if code.simple_call {
            let (code, globals) = (code.clone(), f.globals.clone());
            return Some(self.call_frame_from_stack(code, globals, stack, pos));
        }
        if !positional_only(code) {
            return None;
        }
        let (code, globals, func) = (code.clone(), f.globals.clone(), func.clone());
        let mut frame = self.call_frame_from_stack(code, globals, stack, pos);
        self.init_cells(&mut frame, &func);
        Some(frame)
    }

    /// Give a frame of `func` its cells: a new cell per cell variable (holding the argument
    /// of the same name, if it is a parameter), then the function's closure cells.
    pub(crate) fn init_cells(&mut self, frame: &mut Frame, func: &Obj) {
        let PyObject::Function(f) = &**func else {
            return;
        };
        let code = &f.code;
        for i in 0..code.cellvars.len() {
            let init = match code.cell2arg.get(i) {
                Some(Some(a)) => frame.locals.get(*a as usize).cloned().flatten(),
                _ => None,
            };
            let cell = self.alloc(PyObject::Cell(RefCell::new(init)));
            frame.cells.push(Value::Obj(cell));
        }
        if let Ok(cl) = f.closure.try_borrow() {
            frame.cells.extend(cl.iter().map(crate::frame::dup));
        }
    }

    /// The frame for a simple call (see `Code::simple_call`) of `code`: the arguments are moved
    /// out of `stack[pos + 1..]` and `stack[pos..]` is dropped.
    #[inline]
    pub(crate) fn call_frame_from_stack(
        &mut self,
        code: Rc<Code>,
        globals: Obj,
        stack: &mut Vec<Value>,
        pos: usize,
    ) -> Box<Frame> {
        let mut frame = match self.frame_pool.pop() {
            Some(fr) => fr,
            None => Frame::new(code.clone(), globals.clone(), None),
        };
        frame.enter_from_stack(code, globals, stack, pos);
        frame
    }

    /// The frame for a call of the Python function at `stack[pos]` whose arguments
    /// `stack[pos + 1..]` need no binding (see `simple_call_kind`): they are moved into the
    /// locals and `stack[pos..]` is dropped. A pooled frame last used for the same function
    /// keeps its code and globals (no reference count traffic). `cells`: the frame also needs
    /// its cells. None (the stack untouched) when `stack[pos]` is not a Python function.
    /// Inlined into the two call handlers of the dispatch loop.
    #[inline(always)]
    pub(crate) fn enter_simple(
        &mut self,
        stack: &mut Vec<Value>,
        pos: usize,
        cells: bool,
    ) -> Option<Box<Frame>> {
        let Some(Value::Obj(o)) = stack.get(pos) else {
            return None;
        };
        let PyObject::Function(f) = &**o else {
            return None;
        };
        let code = &f.code;
        let (nlocals, want) = (code.nlocals(), code.max_stack as usize + 2);
        let mut frame = match self.frame_pool.pop() {
            Some(mut fr) => {
                if !Rc::ptr_eq(&fr.code, code) {
                    fr.code = code.clone();
                }
                if !Rc::ptr_eq(&fr.globals, &f.globals) {
                    fr.globals = f.globals.clone();
                }
                fr
            }
            None => Frame::new(code.clone(), f.globals.clone(), None),
        };
        frame.take_args(nlocals, want, stack, pos + 1);
        if cells {
            if let Some(Value::Obj(func)) = stack.get(pos) {
                self.init_cells(&mut frame, func);
            }
        }
        if stack.len() == pos + 1 {
            crate::frame::discard_top(stack);
        } else {
            stack.truncate(pos);
        }
        Some(frame)
    }

    /// Build the frame for a call of a Python function (binding arguments to parameters).
    pub fn function_frame(
        &mut self,
        func: &Obj,
        args: &[Value],
        kwargs: &[(Str, Value)],
    ) -> PyResult<Box<Frame>> {
        let PyObject::Function(f) = &**func else {
            return Err(self.type_error("not a function"));
        };
        let code = f.code.clone();
        let mut frame = self.alloc_frame(code.clone(), f.globals.clone());
        let argc = code.argcount as usize;
        let kwonly = code.kwonlyargcount as usize;
        let nargs = args.len();
        // Fast path: exact positional arity and nothing else.
        if nargs == argc
            && kwargs.is_empty()
            && code.flags & (CO_VARARGS | CO_VARKEYWORDS) == 0
            && kwonly == 0
        {
            for (slot, a) in frame.locals.iter_mut().zip(args.iter()) {
                *slot = Some(a.clone());
            }
        } else {
            self.bind_args(f, &mut frame, args, kwargs)?;
        }
        if !code.cellvars.is_empty() || !code.freevars.is_empty() {
            self.init_cells(&mut frame, func);
        }
        Ok(frame)
    }

    fn bind_args(
        &mut self,
        f: &Function,
        frame: &mut Frame,
        args: &[Value],
        kwargs: &[(Str, Value)],
    ) -> PyResult<()> {
        let code = f.code.clone();
        let argc = code.argcount as usize;
        let posonly = code.posonlyargcount as usize;
        let kwonly = code.kwonlyargcount as usize;
        let nargs = args.len();
        let fname = String::from(f.qualname.borrow().as_str());
        let has_varargs = code.flags & CO_VARARGS != 0;
        let has_varkw = code.flags & CO_VARKEYWORDS != 0;
        let npos = nargs.min(argc);
        for (slot, a) in frame.locals.iter_mut().zip(args.iter()).take(npos) {
            *slot = Some(a.clone());
        }
        let vararg_idx = argc + kwonly;
        let kwarg_idx = vararg_idx + has_varargs as usize;
        if has_varargs {
            let extra = if nargs > argc {
                args[argc..].to_vec()
            } else {
                Vec::new()
            };
            frame.locals[vararg_idx] = Some(self.new_tuple(extra));
        } else if nargs > argc {
            let defaults = f.defaults.borrow().as_tuple().map(|t| t.len()).unwrap_or(0);
            let kw_given = kwargs
                .iter()
                .filter(|(k, _)| {
                    code.varnames[argc..argc + kwonly]
                        .iter()
                        .any(|v| v.as_str() == k.as_str())
                })
                .count();
            let takes = if defaults > 0 {
                format!("from {} to {}", argc - defaults, argc)
            } else {
                format!("{}", argc)
            };
            let was = if nargs == 1 { "was" } else { "were" };
            let kwpart = if kw_given > 0 {
                format!(
                    " positional argument{} (and {} keyword-only argument{})",
                    if nargs == 1 { "" } else { "s" },
                    kw_given,
                    if kw_given == 1 { "" } else { "s" }
                )
            } else {
                String::new()
            };
            let msg = if kw_given > 0 {
                format!(
                    "{}() takes {} positional argument{} but {}{} were given",
                    fname,
                    takes,
                    if argc == 1 && defaults == 0 { "" } else { "s" },
                    nargs,
                    kwpart
                )
            } else {
                format!(
                    "{}() takes {} positional argument{} but {} {} given",
                    fname,
                    takes,
                    if argc == 1 && defaults == 0 { "" } else { "s" },
                    nargs,
                    was
                )
            };
            return Err(self.type_error(msg));
        }
        let mut kwdict: Option<Dict> = if has_varkw { Some(Dict::new()) } else { None };
        let mut posonly_as_kw: Vec<String> = Vec::new();
        for (k, v) in kwargs {
            let ks = k.as_str();
            let mut found = None;
            for (i, vn) in code
                .varnames
                .iter()
                .enumerate()
                .take(argc + kwonly)
                .skip(posonly)
            {
                if Rc::ptr_eq(vn, k) || vn.as_str() == ks {
                    found = Some(i);
                    break;
                }
            }
            match found {
                Some(i) => {
                    if frame.locals[i].is_some() {
                        return Err(self.type_error(format!(
                            "{}() got multiple values for argument '{}'",
                            fname, ks
                        )));
                    }
                    frame.locals[i] = Some(v.clone());
                }
                None => {
                    if let Some(d) = kwdict.as_mut() {
                        if d.get_name(k).is_some() {
                            return Err(self.type_error(format!(
                                "{}() got multiple values for keyword argument '{}'",
                                fname, ks
                            )));
                        }
                        d.set_name(k.clone(), v.clone());
                    } else if code.varnames[..posonly].iter().any(|vn| vn.as_str() == ks) {
                        posonly_as_kw.push(String::from(ks));
                    } else {
                        return Err(self.type_error(format!(
                            "{}() got an unexpected keyword argument '{}'",
                            fname, ks
                        )));
                    }
                }
            }
        }
        if !posonly_as_kw.is_empty() {
            return Err(self.type_error(format!(
                "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                fname,
                posonly_as_kw.join(", ")
            )));
        }
        if let Some(d) = kwdict {
            frame.locals[kwarg_idx] = Some(self.new_dict(d));
        }
        // Defaults for missing positional parameters.
        if npos < argc {
            let defaults: Vec<Value> = f
                .defaults
                .borrow()
                .as_tuple()
                .map(|t| t.to_vec())
                .unwrap_or_default();
            let first_default = argc.saturating_sub(defaults.len());
            let mut missing = Vec::new();
            for i in npos..argc {
                if frame.locals[i].is_none() {
                    if i >= first_default {
                        frame.locals[i] = Some(defaults[i - first_default].clone());
                    } else {
                        missing.push(String::from(code.varnames[i].as_str()));
                    }
                }
            }
            if !missing.is_empty() {
                return Err(self.type_error(format!(
                    "{}() missing {} required positional argument{}: {}",
                    fname,
                    missing.len(),
                    if missing.len() == 1 { "" } else { "s" },
                    name_list(&missing)
                )));
            }
        }
        if kwonly > 0 {
            let kwdefaults = f.kwdefaults.borrow().clone();
            let mut missing = Vec::new();
            for i in argc..argc + kwonly {
                if frame.locals[i].is_none() {
                    let d = match &kwdefaults {
                        Value::Obj(o) => {
                            dict_of(o).and_then(|d| d.borrow().get_name(&code.varnames[i]).cloned())
                        }
                        _ => None,
                    };
                    match d {
                        Some(v) => frame.locals[i] = Some(v),
                        None => missing.push(String::from(code.varnames[i].as_str())),
                    }
                }
            }
            if !missing.is_empty() {
                return Err(self.type_error(format!(
                    "{}() missing {} required keyword-only argument{}: {}",
                    fname,
                    missing.len(),
                    if missing.len() == 1 { "" } else { "s" },
                    name_list(&missing)
                )));
            }
        }
        Ok(())
    }

    /// Wrap a frame of generator/coroutine code in a generator object.
    pub fn make_generator(&mut self, func: &Function, frame: Box<Frame>) -> Value {
        let name = func.name.borrow().clone();
        let qualname = func.qualname.borrow().clone();
        Value::Obj(self.new_generator(frame, name, qualname))
    }

    /// A generator/coroutine object owning the suspended `frame`. The frame does not point
    /// back at its generator while suspended (it gets that link only while running), so an
    /// abandoned generator is freed by reference counting, not left to the cycle collector.
    pub fn new_generator(&mut self, frame: Box<Frame>, name: Str, qualname: Str) -> Obj {
        self.alloc(PyObject::Generator(RefCell::new(Generator {
            flags: frame.code.flags,
            frame: Some(frame),
            running: false,
            finished: false,
            yielded_value: false,
            name,
            qualname,
            finalizers: Rc::downgrade(&self.finalizers),
            pend: None,
        })))
    }

    /// Call a callable with positional and keyword arguments.
    pub fn call_kw(&mut self, f: &Value, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
        let direct = core::mem::replace(&mut self.direct_call, false);
        self.native_direct = false;
        if let Value::Obj(o) = f {
            match &**o {
                PyObject::Function(func) => {
                    let frame = self.function_frame(o, args, kwargs)?;
                    if func.code.is_resumable() {
                        return Ok(self.make_generator(func, frame));
                    }
                    return self.run_nested(frame);
                }
                PyObject::Builtin(b) => {
                    self.native_direct = direct;
                    return match &b.bound {
                        Some(slf) => {
                            let mut full = Vec::with_capacity(args.len() + 1);
                            full.push(slf.clone());
                            full.extend_from_slice(args);
                            (b.func)(self, &full, kwargs)
                        }
                        None => (b.func)(self, args, kwargs),
                    };
                }
                PyObject::BoundMethod(func, slf) => {
                    let mut full = Vec::with_capacity(args.len() + 1);
                    full.push(slf.clone());
                    full.extend_from_slice(args);
                    let func = func.clone();
                    return self.call_kw(&func, &full, kwargs);
                }
                PyObject::Type(_) => return self.call_type(o, args, kwargs),
                PyObject::StaticMethod(inner) => {
                    let inner = inner.clone();
                    return self.call_kw(&inner, args, kwargs);
                }
                PyObject::Instance(_) | PyObject::Native(_) => {
                    if let Some(m) = self.lookup_special(f, "__call__") {
                        let mut full = Vec::with_capacity(args.len() + 1);
                        full.push(f.clone());
                        full.extend_from_slice(args);
                        return self.call_unbound_kw(&m, &full, kwargs);
                    }
                }
                _ => {}
            }
        }
        let tn = self.type_name(f);
        Err(self.type_error(format!("'{}' object is not callable", tn)))
    }

    /// Like `call_unbound` with keyword arguments.
    pub fn call_unbound_kw(
        &mut self,
        m: &Value,
        args: &[Value],
        kwargs: &[(Str, Value)],
    ) -> PyResult {
        if let Value::Obj(o) = m {
            match &**o {
                PyObject::StaticMethod(f) => return self.call_kw(&f.clone(), &args[1..], kwargs),
                PyObject::ClassMethod(f) => {
                    let cls = self.type_of(&args[0]);
                    let mut full = Vec::with_capacity(args.len());
                    full.push(Value::Obj(cls));
                    full.extend_from_slice(&args[1..]);
                    return self.call_kw(&f.clone(), &full, kwargs);
                }
                _ => {}
            }
        }
        self.call_kw(m, args, kwargs)
    }

    /// Is this `__new__` the default one of `object`?
    fn is_object_new(&self, v: &Option<Value>) -> bool {
        match v {
            None => true,
            Some(Value::Obj(o)) => match &**o {
                PyObject::StaticMethod(Value::Obj(b)) => {
                    matches!(&**b, PyObject::Builtin(bb) if bb.name == "object.__new__")
                }
                PyObject::Builtin(bb) => bb.name == "object.__new__",
                _ => false,
            },
            _ => false,
        }
    }

    /// Create the object for `cls(*args)` without calling `__init__` when `__new__` is the
    /// default; returns (object, whether __new__ was object's).
    pub(crate) fn type_new_instance(
        &mut self,
        cls: &Obj,
        args: &[Value],
        kwargs: &[(Str, Value)],
    ) -> PyResult<(Value, bool)> {
        let nname = self.name("__new__");
        let new = types::lookup(cls, &nname);
        if self.is_object_new(&new) {
            let layout = as_type(cls).map(|t| t.layout).unwrap_or(Layout::Object);
            let obj = if layout == Layout::Exception {
                self.new_exception(cls, args.to_vec())
            } else {
                self.new_instance(cls)
            };
            return Ok((obj, true));
        }
        let new = new.expect("checked");
        let mut full = Vec::with_capacity(args.len() + 1);
        full.push(Value::Obj(cls.clone()));
        full.extend_from_slice(args);
        let f = match &new {
            Value::Obj(o) => match &**o {
                PyObject::StaticMethod(f) => f.clone(),
                _ => new.clone(),
            },
            _ => new.clone(),
        };
        Ok((self.call_kw(&f, &full, kwargs)?, false))
    }

    /// `cls(*args, **kwargs)`.
    pub fn call_type(&mut self, cls: &Obj, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
        if Rc::ptr_eq(cls, &self.types.type_) {
            if args.len() == 1 && kwargs.is_empty() {
                return Ok(Value::Obj(self.type_of(&args[0])));
            }
            if args.len() != 3 {
                return Err(self.type_error("type() takes 1 or 3 arguments"));
            }
            return self.type_new(cls, &args[0], &args[1], &args[2], kwargs);
        }
        // A metaclass with its own __call__.
        let meta = self.type_of(&Value::Obj(cls.clone()));
        if !Rc::ptr_eq(&meta, &self.types.type_) {
            let cname = self.name("__call__");
            if let Some(c) = types::lookup(&meta, &cname) {
                if !matches!(&c, Value::Obj(o) if matches!(&**o, PyObject::Builtin(b) if b.name == "type.__call__"))
                {
                    let mut full = Vec::with_capacity(args.len() + 1);
                    full.push(Value::Obj(cls.clone()));
                    full.extend_from_slice(args);
                    return self.call_unbound_kw(&c, &full, kwargs);
                }
            }
        }
        self.type_call_default(cls, args, kwargs)
    }

    /// `type.__call__`: `__new__` then `__init__`.
    pub fn type_call_default(
        &mut self,
        cls: &Obj,
        args: &[Value],
        kwargs: &[(Str, Value)],
    ) -> PyResult {
        let is_meta = as_type(cls)
            .map(|t| t.layout == Layout::Type)
            .unwrap_or(false);
        if is_meta && args.len() == 3 {
            let nname = self.name("__new__");
            let new = types::lookup(cls, &nname);
            if self.is_object_new(&new)
                || matches!(&new, Some(Value::Obj(o)) if matches!(&**o, PyObject::StaticMethod(Value::Obj(b)) if matches!(&**b, PyObject::Builtin(bb) if bb.name == "type.__new__")))
            {
                let obj = self.type_new(cls, &args[0], &args[1], &args[2], kwargs)?;
                self.run_init(cls, &obj, args, kwargs, false)?;
                return Ok(obj);
            }
        }
        if as_type(cls)
            .map(|t| !t.heap_type && t.layout == Layout::Other)
            .unwrap_or(false)
        {
            let nname = self.name("__new__");
            if types::lookup(cls, &nname)
                .map(|n| self.is_object_new(&Some(n)))
                .unwrap_or(true)
            {
                let tn = types::name_string(cls);
                return Err(self.type_error(format!("cannot create '{}' instances", tn)));
            }
        }
        let (mut obj, default_new) = self.type_new_instance(cls, args, kwargs)?;
        if !self.is_instance(&obj, cls) {
            obj = crate::iter::wrap_subclass(self, cls, obj);
            if !self.is_instance(&obj, cls) {
                return Ok(obj);
            }
        }
        self.run_init(cls, &obj, args, kwargs, default_new)?;
        Ok(obj)
    }

    fn run_init(
        &mut self,
        cls: &Obj,
        obj: &Value,
        args: &[Value],
        kwargs: &[(Str, Value)],
        default_new: bool,
    ) -> PyResult<()> {
        let iname = self.name("__init__");
        let init = types::lookup(cls, &iname);
        match init {
            Some(m) if !self.is_object_slot(&m) => {
                let mut full = Vec::with_capacity(args.len() + 1);
                full.push(obj.clone());
                full.extend_from_slice(args);
                let r = self.call_unbound_kw(&m, &full, kwargs)?;
                if !r.is_none() {
                    let tn = self.type_name(&r);
                    return Err(
                        self.type_error(format!("__init__() should return None, not '{}'", tn))
                    );
                }
            }
            _ => {
                let layout = as_type(cls).map(|t| t.layout).unwrap_or(Layout::Object);
                if default_new
                    && layout == Layout::Object
                    && (!args.is_empty() || !kwargs.is_empty())
                {
                    let tn = types::name_string(cls);
                    return Err(self.type_error(format!("{}() takes no arguments", tn)));
                }
            }
        }
        Ok(())
    }

    /// `type(name, bases, dict)` / metaclass `__new__`: create a class.
    pub fn type_new(
        &mut self,
        meta: &Obj,
        name: &Value,
        bases: &Value,
        ns: &Value,
        kwargs: &[(Str, Value)],
    ) -> PyResult {
        let Value::Str(name) = name else {
            let tn = self.type_name(name);
            return Err(
                self.type_error(format!("type.__new__() argument 1 must be str, not {}", tn))
            );
        };
        let bases_v: Vec<Value> = match bases.as_tuple() {
            Some(t) => t.to_vec(),
            None => {
                let tn = self.type_name(bases);
                return Err(self.type_error(format!(
                    "type.__new__() argument 2 must be tuple, not {}",
                    tn
                )));
            }
        };
        // A dict subclass (an OrderedDict, say) is accepted through its dict part.
        let ns_dict: Dict = match self.builtin_base(ns) {
            Value::Obj(o) if dict_of(&o).is_some() => match dict_of(&o) {
                Some(d) => d.borrow().clone(),
                None => Dict::new(),
            },
            _ => {
                let tn = self.type_name(ns);
                return Err(self.type_error(format!(
                    "type.__new__() argument 3 must be dict, not {}",
                    tn
                )));
            }
        };
        let mut bases: Vec<Obj> = Vec::new();
        for b in &bases_v {
            match b {
                Value::Obj(o) if as_type(o).is_some() => {
                    // Native classes marked heap types (io's streams) can be subclassed: their
                    // `__new__` builds the native object with the subclass as its class.
                    if Rc::ptr_eq(o, &self.types.bool_)
                        || as_type(o)
                            .map(|t| {
                                (t.layout == Layout::Other
                                    && !t.heap_type
                                    && !crate::iter::is_subclassable(self, o))
                                    || t.layout == Layout::NoneType
                            })
                            .unwrap_or(false)
                    {
                        let tn = types::name_string(o);
                        return Err(self
                            .type_error(format!("type '{}' is not an acceptable base type", tn)));
                    }
                    bases.push(o.clone())
                }
                _ => return Err(self.type_error("bases must be types")),
            }
        }
        if bases.is_empty() {
            bases.push(self.types.object.clone());
        }
        let mro = match types::c3_mro(&bases) {
            Ok(m) => m,
            Err(heads) => {
                let names: Vec<String> = heads.iter().map(types::name_string).collect();
                return Err(self.type_error(format!(
                    "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                    names.join(", ")
                )));
            }
        };
        let mut layout = Layout::Object;
        for b in &bases {
            let l = as_type(b).map(|t| t.layout).unwrap_or(Layout::Object);
            if l != Layout::Object {
                if layout != Layout::Object
                    && layout != l
                    && !(layout == Layout::Exception && l == Layout::Exception)
                {
                    return Err(self.type_error("multiple bases have instance lay-out conflict"));
                }
                layout = l;
            }
        }
        let mut dict = ns_dict;
        let qualname = match dict.remove_name(&self.name("__qualname__")) {
            Some(Value::Str(q)) => q,
            _ => name.clone(),
        };
        {
            let key = self.name("__new__");
            if let Some(v) = dict.get_name(&key).cloned() {
                if matches!(&v, Value::Obj(o) if matches!(&**o, PyObject::Function(_))) {
                    let sm = Value::Obj(self.alloc(PyObject::StaticMethod(v)));
                    dict.set_name(key, sm);
                }
            }
        }
        for special in ["__init_subclass__", "__class_getitem__"] {
            let key = self.intern(special);
            if let Some(v) = dict.get_name(&key).cloned() {
                if matches!(&v, Value::Obj(o) if matches!(&**o, PyObject::Function(_))) {
                    let cm = Value::Obj(self.alloc(PyObject::ClassMethod(v)));
                    dict.set_name(key, cm);
                }
            }
        }
        if dict.get_str("__eq__").is_some() && dict.get_str("__hash__").is_none() {
            dict.set_str("__hash__", Value::None);
        }
        if dict.get_str("__module__").is_none() {
            let m = self.current_module_name();
            dict.set_str("__module__", m);
        }
        if dict.get_str("__doc__").is_none() {
            dict.set_str("__doc__", Value::None);
        }
        let metaclass = if Rc::ptr_eq(meta, &self.types.type_) {
            None
        } else {
            Some(meta.clone())
        };
        let cls = self.alloc(PyObject::Type(Box::new(TypeObj {
            name: RefCell::new(name.clone()),
            qualname: RefCell::new(qualname),
            bases: RefCell::new(bases),
            mro: RefCell::new(mro),
            dict: RefCell::new(dict.clone()),
            layout,
            heap_type: true,
            metaclass: RefCell::new(metaclass),
            shape: Default::default(),
        })));
        self.init_class_slots(&cls)?;
        let clsv = Value::Obj(cls.clone());
        // __set_name__ on descriptors.
        for (k, v) in dict.items() {
            if matches!(&v, Value::Obj(o) if matches!(&**o, PyObject::Instance(_))) {
                if let Some(sn) = self.lookup_special(&v, "__set_name__") {
                    self.call_unbound(&sn, &[v.clone(), clsv.clone(), k.clone()])?;
                }
            }
        }
        // __init_subclass__ of the nearest base that defines it.
        let isname = self.name("__init_subclass__");
        let mro_now: Vec<Obj> = as_type(&cls)
            .map(|t| t.mro.borrow().clone())
            .unwrap_or_default();
        for b in &mro_now {
            let found = as_type(b).and_then(|t| t.dict.borrow().get_name(&isname).cloned());
            if let Some(f) = found {
                let func = match &f {
                    Value::Obj(o) => match &**o {
                        PyObject::ClassMethod(inner) => inner.clone(),
                        _ => f.clone(),
                    },
                    _ => f.clone(),
                };
                self.call_kw(&func, core::slice::from_ref(&clsv), kwargs)?;
                break;
            }
        }
        Ok(clsv)
    }

    /// The `__name__` of the module whose code is running (for `__module__` of new classes).
    fn current_module_name(&mut self) -> Value {
        if let Some(f) = self.caller_frame() {
            if let Some(d) = dict_of(&f.globals) {
                if let Some(n) = d.borrow().get_str("__name__") {
                    return n.clone();
                }
            }
        }
        Value::str("__main__")
    }

    /// `__build_class__(func, name, *bases, metaclass=..., **kwargs)`.
    pub fn build_class(&mut self, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
        if args.len() < 2 {
            return Err(self.type_error("__build_class__: not enough arguments"));
        }
        let func = args[0].clone();
        let name = args[1].clone();
        let mut bases: Vec<Value> = Vec::new();
        for b in &args[2..] {
            // PEP 560: __mro_entries__ on non-class bases.
            if !matches!(b, Value::Obj(o) if matches!(&**o, PyObject::Type(_))) {
                if let Some(me) = self.lookup_special(b, "__mro_entries__") {
                    let t = self.new_tuple(args[2..].to_vec());
                    let r = self.call_unbound(&me, &[b.clone(), t])?;
                    bases.extend(self.collect(&r)?);
                    continue;
                }
            }
            bases.push(b.clone());
        }
        let mut meta: Option<Value> = None;
        let mut kw: Vec<(Str, Value)> = Vec::new();
        for (k, v) in kwargs {
            if k.as_str() == "metaclass" {
                meta = Some(v.clone());
            } else {
                kw.push((k.clone(), v.clone()));
            }
        }
        let meta = match meta {
            Some(m) => m,
            None => {
                // The most derived metaclass of the bases.
                let mut winner = self.types.type_.clone();
                for b in &bases {
                    let mt = self.type_of(b);
                    if types::is_subclass(&mt, &winner) {
                        winner = mt;
                    }
                }
                Value::Obj(winner)
            }
        };
        // __prepare__ is looked up on the metaclass itself (a class method there).
        let prep = match &meta {
            Value::Obj(m) if as_type(m).is_some() => types::lookup_str(m, "__prepare__"),
            _ => self.lookup_special(&meta, "__prepare__"),
        };
        let ns = match prep {
            Some(p) if matches!(&meta, Value::Obj(o) if !Rc::ptr_eq(o, &self.types.type_)) => {
                let bt = self.new_tuple(bases.clone());
                let f = match &p {
                    Value::Obj(o) => match &**o {
                        PyObject::ClassMethod(inner) => inner.clone(),
                        _ => p.clone(),
                    },
                    _ => p.clone(),
                };
                self.call_kw(&f, &[meta.clone(), name.clone(), bt], &kw)?
            }
            _ => self.new_dict(Dict::new()),
        };
        let Value::Obj(ns_obj) = &ns else {
            return Err(self.type_error("__prepare__() must return a mapping"));
        };
        let Value::Obj(fo) = &func else {
            return Err(self.type_error("__build_class__: func must be a function"));
        };
        let mut frame = self.function_frame(fo, &[], &[])?;
        frame.namespace = Some(ns_obj.clone());
        let cell = self.run_nested(frame)?;
        let bases_t = self.new_tuple(bases);
        let cls = self.call_kw(&meta, &[name, bases_t, ns.clone()], &kw)?;
        if let Value::Obj(c) = &cell {
            if let PyObject::Cell(cc) = &**c {
                *cc.borrow_mut() = Some(cls.clone());
            }
        }
        Ok(cls)
    }
}

// ----- natives of `object` and `type` --------------------------------------------------------

fn object_new(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    match args.first() {
        Some(Value::Obj(c)) if as_type(c).is_some() => {
            let c = c.clone();
            let layout = as_type(&c).map(|t| t.layout).unwrap_or(Layout::Object);
            if !matches!(layout, Layout::Object | Layout::Exception | Layout::Other) {
                // Built-in layouts need their own constructor (CPython's message).
                let n = crate::types::type_name(&c);
                return Err(vm.type_error(format!(
                    "object.__new__({}) is not safe, use {}.__new__()",
                    n.as_str(),
                    n.as_str()
                )));
            }
            Ok(if layout == Layout::Exception {
                vm.new_exception(&c, args[1..].to_vec())
            } else {
                vm.new_instance(&c)
            })
        }
        _ => Err(vm.type_error("object.__new__(X): X is not a type object")),
    }
}

fn object_init(_vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    Ok(Value::None)
}

fn object_repr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let s = crate::repr::default_repr(vm, &args[0]);
    Ok(Value::string(s))
}

fn object_str(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    Ok(Value::Str(vm.repr(&args[0])?))
}

fn object_eq(_vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    if args.len() == 2 && args[0].is(&args[1]) {
        Ok(Value::Bool(true))
    } else {
        Ok(Value::NotImplemented)
    }
}

fn object_ne(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    if args.len() != 2 {
        return Err(vm.type_error("expected 1 argument"));
    }
    let r = vm.compare(&args[0], &args[1], crate::ast::CmpOp::Eq)?;
    match r {
        Value::NotImplemented => Ok(r),
        _ => Ok(Value::Bool(!vm.truthy(&r)?)),
    }
}

fn object_hash(_vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    Ok(Value::Int((args[0].id() >> 4) as i64))
}

fn object_setattr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    if args.len() != 3 {
        return Err(vm.type_error("__setattr__ expected 2 arguments"));
    }
    let Value::Str(n) = &args[1] else {
        return Err(vm.type_error("attribute name must be string"));
    };
    vm.generic_setattr(&args[0], n, args[2].clone())?;
    Ok(Value::None)
}

fn object_delattr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    if args.len() != 2 {
        return Err(vm.type_error("__delattr__ expected 1 argument"));
    }
    let Value::Str(n) = &args[1] else {
        return Err(vm.type_error("attribute name must be string"));
    };
    vm.generic_delattr(&args[0], n)?;
    Ok(Value::None)
}

fn object_getattribute(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    if args.len() != 2 {
        return Err(vm.type_error("__getattribute__ expected 1 argument"));
    }
    let Value::Str(n) = &args[1] else {
        return Err(vm.type_error("attribute name must be string"));
    };
    vm.object_getattribute(&args[0], n)
}

fn object_format(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    if args.len() == 2 {
        if let Value::Str(s) = &args[1] {
            if !s.as_str().is_empty() {
                let tn = vm.type_name(&args[0]);
                return Err(vm.type_error(format!(
                    "unsupported format string passed to {}.__format__",
                    tn
                )));
            }
        }
    }
    Ok(Value::Str(vm.str_of(&args[0])?))
}

fn object_init_subclass(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    if !kw.is_empty() {
        let n = match args.first() {
            Some(Value::Obj(c)) => types::name_string(c),
            _ => String::from("object"),
        };
        return Err(vm.type_error(format!(
            "{}.__init_subclass__() takes no keyword arguments",
            n
        )));
    }
    Ok(Value::None)
}

fn object_dir(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let names = crate::modbuiltins::dir_names(vm, &args[0])?;
    let items: Vec<Value> = names.into_iter().map(Value::string).collect();
    Ok(vm.new_list(items))
}

fn object_reduce_ex(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    Err(vm.type_error("cannot pickle object"))
}

fn type_new_native(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    if args.len() != 4 {
        return Err(vm.type_error("type.__new__() takes exactly 3 arguments"));
    }
    let Value::Obj(meta) = &args[0] else {
        return Err(vm.type_error("type.__new__(X): X is not a type object"));
    };
    let meta = meta.clone();
    vm.type_new(&meta, &args[1], &args[2], &args[3], kw)
}

fn type_init(_vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    Ok(Value::None)
}

fn type_call(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    match args.first() {
        Some(Value::Obj(c)) if as_type(c).is_some() => {
            let c = c.clone();
            vm.type_call_default(&c, &args[1..], kw)
        }
        _ => Err(vm.type_error("descriptor '__call__' requires a 'type' object")),
    }
}

fn type_mro(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let Some(Value::Obj(c)) = args.first() else {
        return Err(vm.type_error("mro() needs a class"));
    };
    let mut m: Vec<Value> = vec![Value::Obj(c.clone())];
    if let Some(t) = as_type(c) {
        m.extend(t.mro.borrow().iter().cloned().map(Value::Obj));
    }
    Ok(vm.new_list(m))
}

fn type_repr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let s = crate::repr::repr_value(vm, &args[0])?;
    Ok(Value::string(s))
}

fn type_subclasses(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    Ok(vm.new_list(Vec::new()))
}

fn type_instancecheck(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    if args.len() != 2 {
        return Err(vm.type_error("__instancecheck__ expected 1 argument"));
    }
    let Value::Obj(c) = &args[0] else {
        return Ok(Value::Bool(false));
    };
    Ok(Value::Bool(vm.is_instance(&args[1], c)))
}

fn type_subclasscheck(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    if args.len() != 2 {
        return Err(vm.type_error("__subclasscheck__ expected 1 argument"));
    }
    match (&args[0], &args[1]) {
        (Value::Obj(c), Value::Obj(s)) => Ok(Value::Bool(types::is_subclass(s, c))),
        _ => Ok(Value::Bool(false)),
    }
}

/// Give `object` and `type` their methods.
pub(crate) fn init(vm: &mut Vm) {
    let object = vm.types.object.clone();
    types::add_static_methods(&object, &[("object.__new__", object_new)]);
    rename_static(&object, "object.__new__", "__new__");
    types::add_methods(
        &object,
        &[
            ("object.__init__", object_init),
            ("object.__repr__", object_repr),
            ("object.__str__", object_str),
            ("object.__eq__", object_eq),
            ("object.__ne__", object_ne),
            ("object.__hash__", object_hash),
            ("object.__setattr__", object_setattr),
            ("object.__delattr__", object_delattr),
            ("object.__getattribute__", object_getattribute),
            ("object.__format__", object_format),
            ("object.__dir__", object_dir),
            ("object.__reduce_ex__", object_reduce_ex),
        ],
    );
    for n in [
        "__init__",
        "__repr__",
        "__str__",
        "__eq__",
        "__ne__",
        "__hash__",
        "__setattr__",
        "__delattr__",
        "__getattribute__",
        "__format__",
        "__dir__",
        "__reduce_ex__",
    ] {
        rename(&object, &format!("object.{}", n), n);
    }
    types::add_class_methods(
        &object,
        &[("object.__init_subclass__", object_init_subclass)],
    );
    rename(&object, "object.__init_subclass__", "__init_subclass__");
    let ty = vm.types.type_.clone();
    types::add_static_methods(&ty, &[("type.__new__", type_new_native)]);
    rename(&ty, "type.__new__", "__new__");
    types::add_methods(
        &ty,
        &[
            ("__init__", type_init),
            ("type.__call__", type_call),
            ("mro", type_mro),
            ("__repr__", type_repr),
            ("__subclasses__", type_subclasses),
            ("__instancecheck__", type_instancecheck),
            ("__subclasscheck__", type_subclasscheck),
        ],
    );
    rename(&ty, "type.__call__", "__call__");
    let function = vm.types.function.clone();
    types::add_static_methods(&function, &[("__new__", function_new)]);
}

/// `function(code, globals, name=None, argdefs=None, closure=None)`: a function from a code
/// object.
fn function_new(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    crate::modbuiltins::check_kw(
        vm,
        "function",
        kw,
        &["code", "globals", "name", "argdefs", "closure"],
    )?;
    let arg = |i: usize, name: &str| -> Value {
        args.get(i)
            .cloned()
            .or_else(|| {
                kw.iter()
                    .find(|(k, _)| k.as_str() == name)
                    .map(|(_, v)| v.clone())
            })
            .unwrap_or(Value::None)
    };
    if args.len() > 6 {
        return Err(vm.type_error(format!(
            "function() takes at most 5 arguments ({} given)",
            args.len() - 1
        )));
    }
    let (code_v, globals_v) = (arg(1, "code"), arg(2, "globals"));
    let (name_v, defaults, closure_v) = (arg(3, "name"), arg(4, "argdefs"), arg(5, "closure"));
    let code = match &code_v {
        Value::Obj(o) => match &**o {
            PyObject::Code(c) => c.clone(),
            _ => return Err(arg_type_error(vm, "code", "code", &code_v)),
        },
        _ => return Err(arg_type_error(vm, "code", "code", &code_v)),
    };
    let globals = match &globals_v {
        Value::Obj(g) if dict_of(g).is_some() => g.clone(),
        _ => return Err(arg_type_error(vm, "globals", "dict", &globals_v)),
    };
    let name = match name_v {
        Value::Str(s) => s,
        Value::None => code.name.clone(),
        _ => return Err(vm.type_error("arg 3 (name) must be None or string")),
    };
    if !defaults.is_none() && defaults.as_tuple().is_none() {
        return Err(vm.type_error("arg 4 (defaults) must be None or tuple"));
    }
    let cells = match &closure_v {
        Value::None => Vec::new(),
        v => match v.as_tuple() {
            Some(t) => t.to_vec(),
            None => return Err(vm.type_error("arg 5 (closure) must be tuple")),
        },
    };
    if cells.len() != code.freevars.len() {
        return Err(if closure_v.is_none() {
            vm.type_error("arg 5 (closure) must be tuple")
        } else {
            vm.value_error(format!(
                "{} requires closure of length {}, not {}",
                code.name.as_str(),
                code.freevars.len(),
                cells.len()
            ))
        });
    }
    let qualname = code.qualname.clone();
    let f = Function {
        code,
        globals,
        name: RefCell::new(name),
        qualname: RefCell::new(qualname),
        defaults: RefCell::new(defaults),
        kwdefaults: RefCell::new(Value::None),
        closure: RefCell::new(cells),
        dict: RefCell::new(Dict::new()),
    };
    Ok(Value::Obj(vm.alloc(PyObject::Function(Box::new(f)))))
}

/// TypeError "function() argument 'what' must be T, not U".
fn arg_type_error(vm: &mut Vm, what: &str, want: &str, got: &Value) -> crate::PyErr {
    let tn = if got.is_none() {
        String::from("None")
    } else {
        vm.type_name(got)
    };
    vm.type_error(format!(
        "function() argument '{}' must be {}, not {}",
        what, want, tn
    ))
}

/// Move a namespace entry to another key (natives keep their qualified `object.x` name, which
/// marks them as `object`'s default slots, while the attribute is found under the plain name).
fn rename(cls: &Obj, from: &str, to: &str) {
    if let Some(t) = as_type(cls) {
        let mut d = t.dict.borrow_mut();
        if let Some(v) = d.get_str(from).cloned() {
            d.remove_name(&crate::value::new_str(from));
            d.set_str(to, v);
        }
    }
}

fn rename_static(cls: &Obj, from: &str, to: &str) {
    rename(cls, from, to)
}

/// Check the given kwargs are empty, for natives that take none.
pub fn no_kwargs(vm: &mut Vm, name: &str, kw: &[(Str, Value)]) -> PyResult<()> {
    if kw.is_empty() {
        Ok(())
    } else {
        Err(vm.err(
            ExcKind::TypeError,
            format!("{}() takes no keyword arguments", name),
        ))
    }
}
