//! The embedding API: compile source to code (turning parser errors into Python SyntaxError
//! exceptions) and run programs as `__main__`.

use alloc::format;
use alloc::rc::Rc;
use alloc::string::String;
use alloc::vec;

use crate::attr::dict_of;
use crate::code::Code;
use crate::exceptions::ExcKind;
use crate::parser::{Mode, SyntaxError, SyntaxErrorKind};
use crate::value::{Obj, PyObject, Value};
use crate::vm::Vm;
use crate::{PyErr, PyResult};

impl Vm {
    /// Make a Python SyntaxError (or IndentationError/TabError) from a parser error.
    pub fn syntax_error(&mut self, e: &SyntaxError, filename: &str, src: &str) -> PyErr {
        let kind = match e.kind {
            SyntaxErrorKind::Syntax => ExcKind::SyntaxError,
            SyntaxErrorKind::Indentation => ExcKind::IndentationError,
            SyntaxErrorKind::Tab => ExcKind::TabError,
        };
        let text = src
            .lines()
            .nth((e.line as usize).saturating_sub(1))
            .map(|l| Value::string(format!("{}\n", l)))
            .unwrap_or(Value::None);
        let detail = self.new_tuple(vec![
            Value::str(filename),
            Value::Int(e.line as i64),
            Value::Int(e.col as i64),
            text,
        ]);
        self.err_args(kind, vec![Value::string(e.msg.clone()), detail])
    }

    /// Parse and compile source text.
    pub fn compile_source(&mut self, src: &str, filename: &str, mode: Mode) -> PyResult<Rc<Code>> {
        let module = match crate::parser::parse(src, mode) {
            Ok(m) => m,
            Err(e) => return Err(self.syntax_error(&e, filename, src)),
        };
        match crate::compiler::compile(&module, filename, mode, &mut self.interner) {
            Ok(c) => Ok(c),
            Err(e) => Err(self.syntax_error(&e, filename, src)),
        }
    }

    /// The `__main__` module's namespace (created on first use).
    pub fn main_dict(&mut self) -> Obj {
        if let Some(Value::Obj(m)) = self.sys_module("__main__") {
            if let PyObject::Module(mm) = &*m {
                return mm.dict.clone();
            }
        }
        let m = self.new_module("__main__");
        let d = match &*m {
            PyObject::Module(mm) => mm.dict.clone(),
            _ => self.new_dict_obj(crate::dict::Dict::new()),
        };
        let b = self.builtins_module();
        if let Some(dd) = dict_of(&d) {
            let mut dd = dd.borrow_mut();
            dd.set_str("__builtins__", b);
            dd.set_str("__doc__", Value::None);
        }
        if let Some(md) = dict_of(&self.modules) {
            md.borrow_mut().set_str("__main__", Value::Obj(m.clone()));
        }
        d
    }

    /// Run a program's source as `__main__` (the file name goes into tracebacks and `__file__`).
    pub fn run_main(&mut self, src: &str, filename: &str) -> PyResult {
        let d = self.main_dict();
        if let Some(dd) = dict_of(&d) {
            dd.borrow_mut().set_str("__file__", Value::str(filename));
        }
        self.exec_in(src, filename, &d)
    }

    /// Run one REPL input in `__main__` (expression results are printed).
    pub fn run_interactive(&mut self, src: &str) -> PyResult {
        let d = self.main_dict();
        let code = self.compile_source(src, "<stdin>", Mode::Single)?;
        let frame = crate::frame::Frame::new(code, d.clone(), Some(d));
        self.run_nested(frame)
    }

    /// Evaluate an expression in `__main__`.
    pub fn eval_str(&mut self, src: &str) -> PyResult {
        let d = self.main_dict();
        let code = self.compile_source(src, "<string>", Mode::Eval)?;
        let frame = crate::frame::Frame::new(code, d.clone(), Some(d));
        self.run_nested(frame)
    }

    /// The exit status a SystemExit asks for, printing its message if it has one; None if the
    /// exception is not a SystemExit.
    pub fn system_exit_status(&mut self, e: &PyErr) -> Option<i32> {
        if !self.err_matches(e, ExcKind::SystemExit) {
            return None;
        }
        let code = crate::objexcept::derived_attr(self, &e.0, "code").unwrap_or(Value::None);
        Some(match code {
            Value::None => 0,
            Value::Int(i) => i as i32,
            Value::Bool(b) => b as i32,
            other => {
                let s = self
                    .str_of(&other)
                    .map(|s| String::from(s.as_str()))
                    .unwrap_or_default();
                self.write_stderr(&format!("{}\n", s));
                1
            }
        })
    }
}
