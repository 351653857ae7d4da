//! The built-in exception hierarchy (CPython's and MicroPython's), creating exception objects, and
//! printing tracebacks in CPython's format.

use alloc::boxed::Box;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::RefCell;

use crate::value::{ExcState, Instance, Obj, PyObject, Value};
use crate::vm::Vm;

macro_rules! exc_kinds {
    ($($kind:ident : $parent:ident),* $(,)?) => {
        /// The built-in exception classes. The order defines `Vm::exc` indices; every class comes
        /// after its parent.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        #[allow(missing_docs)]
        pub enum ExcKind { $($kind),* }
        /// (kind, name, parent) for every built-in exception, parents first.
        pub const EXC_TABLE: &[(ExcKind, &str, ExcKind)] = &[$((ExcKind::$kind, stringify!($kind), ExcKind::$parent)),*];
    };
}

exc_kinds! {
    BaseException: BaseException,
    SystemExit: BaseException,
    KeyboardInterrupt: BaseException,
    GeneratorExit: BaseException,
    Exception: BaseException,
    StopIteration: Exception,
    StopAsyncIteration: Exception,
    ArithmeticError: Exception,
    FloatingPointError: ArithmeticError,
    OverflowError: ArithmeticError,
    ZeroDivisionError: ArithmeticError,
    AssertionError: Exception,
    AttributeError: Exception,
    BufferError: Exception,
    EOFError: Exception,
    ImportError: Exception,
    ModuleNotFoundError: ImportError,
    LookupError: Exception,
    IndexError: LookupError,
    KeyError: LookupError,
    MemoryError: Exception,
    NameError: Exception,
    UnboundLocalError: NameError,
    OSError: Exception,
    BlockingIOError: OSError,
    ConnectionError: OSError,
    BrokenPipeError: ConnectionError,
    ConnectionAbortedError: ConnectionError,
    ConnectionRefusedError: ConnectionError,
    ConnectionResetError: ConnectionError,
    FileExistsError: OSError,
    FileNotFoundError: OSError,
    InterruptedError: OSError,
    IsADirectoryError: OSError,
    NotADirectoryError: OSError,
    PermissionError: OSError,
    TimeoutError: OSError,
    ReferenceError: Exception,
    RuntimeError: Exception,
    NotImplementedError: RuntimeError,
    RecursionError: RuntimeError,
    SyntaxError: Exception,
    IndentationError: SyntaxError,
    TabError: IndentationError,
    SystemError: Exception,
    TypeError: Exception,
    ValueError: Exception,
    UnicodeError: ValueError,
    UnicodeDecodeError: UnicodeError,
    UnicodeEncodeError: UnicodeError,
    UnicodeTranslateError: UnicodeError,
    Warning: Exception,
    UserWarning: Warning,
    DeprecationWarning: Warning,
    PendingDeprecationWarning: Warning,
    SyntaxWarning: Warning,
    RuntimeWarning: Warning,
    FutureWarning: Warning,
    ImportWarning: Warning,
    UnicodeWarning: Warning,
    BytesWarning: Warning,
    ResourceWarning: Warning,
}

/// A new, empty exception state with these args.
pub fn new_exc_state(args: Value) -> Box<RefCell<ExcState>> {
    Box::new(RefCell::new(ExcState {
        args,
        traceback: Vec::new(),
        cause: Value::None,
        context: Value::None,
        suppress_context: false,
    }))
}

/// The exception state of an exception instance.
pub fn exc_state(v: &Value) -> Option<&RefCell<ExcState>> {
    match v {
        Value::Obj(o) => match &**o {
            PyObject::Instance(Instance { exc: Some(e), .. }) => Some(e),
            _ => None,
        },
        _ => None,
    }
}

/// The class of an exception instance.
pub fn exc_class(v: &Value) -> Option<Obj> {
    match v {
        Value::Obj(o) => match &**o {
            PyObject::Instance(i) => Some(i.class.borrow().clone()),
            _ => None,
        },
        _ => None,
    }
}

impl Vm {
    /// The text of `str(exc)`, or a placeholder if computing it raises.
    pub fn exc_message(&mut self, exc: &Value) -> String {
        match self.str_of(exc) {
            Ok(s) => String::from(s.as_str()),
            Err(_) => String::from("<exception str() failed>"),
        }
    }

    /// Format an exception with its traceback and chained exceptions, as CPython prints it.
    /// `sys.tracebacklimit` keeps the innermost entries, as CPython's excepthook.
    pub fn format_exception(&mut self, exc: &Value) -> String {
        self.format_exception_with(exc, false)
    }

    /// Format an exception; with `outermost`, `sys.tracebacklimit` keeps the outermost entries
    /// (MicroPython's `sys.print_exception`) instead of the innermost.
    pub fn format_exception_with(&mut self, exc: &Value, outermost: bool) -> String {
        let limit = match self.sys_module("sys") {
            Some(m) => match self.getattr_opt(&m, "tracebacklimit") {
                Ok(Some(Value::Int(n))) => Some(n),
                Ok(Some(Value::Bool(b))) => Some(b as i64),
                _ => None,
            },
            None => None,
        };
        let mut out = String::new();
        self.format_exception_into(exc, &mut out, 0, (limit, outermost));
        out
    }

    fn format_exception_into(
        &mut self,
        exc: &Value,
        out: &mut String,
        depth: usize,
        limit: (Option<i64>, bool),
    ) {
        if let Some(st) = exc_state(exc) {
            let (cause, context, suppress) = {
                let s = st.borrow();
                (s.cause.clone(), s.context.clone(), s.suppress_context)
            };
            if depth < 16 {
                if !cause.is_none() {
                    self.format_exception_into(&cause, out, depth + 1, limit);
                    out.push_str("\nThe above exception was the direct cause of the following exception:\n\n");
                } else if !context.is_none() && !suppress {
                    self.format_exception_into(&context, out, depth + 1, limit);
                    out.push_str(
                        "\nDuring handling of the above exception, another exception occurred:\n\n",
                    );
                }
            }
            let mut tb = st.borrow().traceback.clone();
            // The traceback is stored innermost first.
            if let (Some(n), outermost) = limit {
                let keep = usize::try_from(n).unwrap_or(0).min(tb.len());
                if outermost {
                    tb.drain(..tb.len() - keep);
                } else {
                    tb.truncate(keep);
                }
            }
            if !tb.is_empty() {
                out.push_str("Traceback (most recent call last):\n");
                for e in tb.iter().rev() {
                    out.push_str(&format!(
                        "  File \"{}\", line {}, in {}\n",
                        e.filename.as_str(),
                        e.line,
                        e.name.as_str()
                    ));
                    if let Some(line) = self.source_line(e.filename.as_str(), e.line) {
                        out.push_str("    ");
                        out.push_str(line.trim());
                        out.push('\n');
                    }
                }
            }
        }
        if self.is_instance(exc, &self.exc_type(ExcKind::SyntaxError)) {
            if let Some(text) = self.syntax_error_location(exc) {
                out.push_str(&text);
                return;
            }
        }
        out.push_str(&self.exc_summary(exc));
        out.push('\n');
    }

    /// `TypeName: message` (or just `TypeName` when the message is empty), the last traceback line.
    pub fn exc_summary(&mut self, exc: &Value) -> String {
        let cls = self.type_of(exc);
        let name = self.type_qualname_for_exc(&cls);
        let msg = self.exc_message(exc);
        if msg.is_empty() {
            name
        } else {
            format!("{}: {}", name, msg)
        }
    }

    fn type_qualname_for_exc(&mut self, cls: &Obj) -> String {
        let t = crate::types::as_type(cls);
        let name = t
            .map(|t| t.qualname.borrow().as_str().into())
            .unwrap_or(String::from("?"));
        let module = t
            .and_then(|t| t.dict.borrow().get_str("__module__").cloned())
            .and_then(|m| m.as_str().map(String::from));
        match module {
            Some(m) if m != "builtins" && m != "__main__" => format!("{}.{}", m, name),
            _ => name,
        }
    }

    /// The CPython-style location block and summary of a SyntaxError
    /// (`  File "x.py", line 3`, the source line, a caret, `SyntaxError: msg`).
    fn syntax_error_location(&mut self, exc: &Value) -> Option<String> {
        let st = exc_state(exc)?;
        let args: Vec<Value> = st.borrow().args.as_tuple().map(|t| t.to_vec())?;
        let msg = args.first().and_then(|m| m.as_str().map(String::from))?;
        let detail: Vec<Value> = args
            .get(1)
            .and_then(|d| d.as_tuple().map(|t| t.to_vec()))
            .unwrap_or_default();
        let cls = self.type_of(exc);
        let name = self.type_qualname_for_exc(&cls);
        let mut out = String::new();
        if detail.len() >= 2 {
            let fname = detail[0].as_str().unwrap_or("<unknown>");
            let line = detail[1].as_int().unwrap_or(0);
            out.push_str(&format!("  File \"{}\", line {}\n", fname, line));
            if let Some(text) = detail.get(3).and_then(|t| t.as_str()) {
                let trimmed = text.trim_end_matches(['\n', '\r']);
                let stripped = trimmed.trim_start();
                let lead = trimmed.chars().count() - stripped.chars().count();
                if !stripped.is_empty() {
                    out.push_str("    ");
                    out.push_str(stripped);
                    out.push('\n');
                    let col = detail.get(2).and_then(|c| c.as_int()).unwrap_or(0).max(1) as usize;
                    let pad = col.saturating_sub(1).saturating_sub(lead);
                    out.push_str("    ");
                    for _ in 0..pad {
                        out.push(' ');
                    }
                    out.push_str("^\n");
                }
            }
        }
        out.push_str(&format!("{}: {}\n", name, msg));
        Some(out)
    }

    /// A line of a source file, for tracebacks (only when the port can read the file).
    pub fn source_line(&mut self, filename: &str, line: u32) -> Option<String> {
        if filename.starts_with('<') || line == 0 {
            return None;
        }
        let data = self.port.read_file(filename).ok()?;
        let text = core::str::from_utf8(&data).ok()?;
        text.lines()
            .nth(line as usize - 1)
            .map(String::from)
            .filter(|l| !l.trim().is_empty())
    }
}
