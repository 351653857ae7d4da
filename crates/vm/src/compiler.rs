//! The compiler: AST to code objects (scope analysis in `symtable`).

use alloc::rc::Rc;

use crate::ast;
use crate::code::Code;
use crate::interner::Interner;
use crate::parser::{Mode, SyntaxError};

/// Compile a parsed module. `filename` goes into every code object for tracebacks.
pub fn compile(
    _module: &ast::Module,
    _filename: &str,
    _mode: Mode,
    _interner: &mut Interner,
) -> Result<Rc<Code>, SyntaxError> {
    todo!()
}
