//! The parser: tokens to the AST.

use alloc::string::String;

use crate::ast;

/// What is being parsed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A module or `exec()` source: statements.
    Exec,
    /// `eval()` source: one expression (the module body is a single Expr statement).
    Eval,
    /// One interactive (REPL) input: statements; expression statements print their value.
    Single,
}

/// A syntax error with its position.
#[derive(Clone, Debug)]
pub struct SyntaxError {
    /// The message, as CPython words it (`invalid syntax`, `unexpected indent`, ...).
    pub msg: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column (0 when unknown).
    pub col: u32,
    /// Which class: SyntaxError, IndentationError or TabError.
    pub kind: SyntaxErrorKind,
    /// True when the input ended too early (an unclosed bracket, string or block): the REPL then
    /// asks for a continuation line instead of reporting the error.
    pub incomplete: bool,
}

/// The class of a syntax error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    /// SyntaxError.
    Syntax,
    /// IndentationError.
    Indentation,
    /// TabError.
    Tab,
}

/// Parse source text.
pub fn parse(_source: &str, _mode: Mode) -> Result<ast::Module, SyntaxError> {
    Err(SyntaxError {
        msg: String::from("parser not written yet"),
        line: 1,
        col: 0,
        kind: SyntaxErrorKind::Syntax,
        incomplete: false,
    })
}
