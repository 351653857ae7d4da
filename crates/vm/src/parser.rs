//! The parser: tokens to the AST.
//!
//! A hand-written recursive-descent parser (precedence climbing for binary operators) over the
//! token vector made by [`crate::lexer`]. It follows CPython 3.11's grammar and error messages.
//! Nesting is capped (see [`MAX_DEPTH`]) so that no input can overflow the Rust stack.

use alloc::boxed::Box;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::ast::*;
use crate::lexer::{self, LexMode, StrLit, Tok, Token};

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
    /// RecursionError (an expression chain too long to compile, as CPython reports it).
    Recursion,
}

/// Deepest expression nesting, in units: a bracket level counts 2, a unary operator, lambda,
/// conditional or `**` counts 1. One unit costs about 2 KB of Rust stack in release builds
/// (10 KB in debug builds), so 120 keeps the parser well inside a 2 MB thread stack.
pub const MAX_DEPTH: u32 = 120;
/// Longest left-nested chain of binary operators or trailers (`a+b+c...`, `a.b.c...`): each link
/// nests the AST one level deeper, and the compiler and `Drop` recurse on it.
pub const MAX_CHAIN: usize = 1000;
/// Longest `elif` chain (each `elif` nests one `If` in the AST).
pub const MAX_ELIF: usize = 1000;

type PResult<T> = Result<T, SyntaxError>;

/// Parse source text.
pub fn parse(source: &str, mode: Mode) -> Result<ast::Module, SyntaxError> {
    let lex_mode = if mode == Mode::Eval {
        LexMode::Eval
    } else {
        LexMode::File
    };
    let toks = lexer::tokenize(source, lex_mode)?;
    let mut p = Parser {
        toks,
        pos: 0,
        depth: 0,
    };
    if mode == Mode::Eval {
        while p.at_newline() {
            p.advance();
        }
        let e = p.parse_star_exprs()?;
        if let ExprKind::Starred(_) = e.kind {
            return Err(p.err_at("can't use starred expression here", e.loc));
        }
        while p.at_newline() {
            p.advance();
        }
        if !matches!(p.tok(), Tok::EndMarker) {
            return Err(p.invalid());
        }
        let loc = e.loc;
        return Ok(Module {
            body: alloc::vec![Stmt {
                loc,
                kind: StmtKind::Expr(e)
            }],
        });
    }
    let body = p.parse_file()?;
    if mode == Mode::Single && single_needs_more(source) {
        let line = source.lines().count() as u32;
        return Err(SyntaxError {
            msg: String::from("unexpected EOF while parsing"),
            line,
            col: 0,
            kind: SyntaxErrorKind::Syntax,
            incomplete: true,
        });
    }
    Ok(Module { body })
}

use crate::ast;

/// In the REPL a compound statement ends only with an empty line.
fn single_needs_more(source: &str) -> bool {
    let trimmed = source.strip_suffix('\n').unwrap_or(source);
    let trimmed = trimmed.strip_suffix('\r').unwrap_or(trimmed);
    let last = trimmed.rsplit('\n').next().unwrap_or("");
    if last.trim().is_empty() {
        return false;
    }
    last.starts_with(' ') || last.starts_with('\t') || last.trim_end().ends_with(':')
}

static EOF_TOKEN: Token = Token {
    tok: Tok::EndMarker,
    line: 0,
    col: 0,
};

struct Parser {
    toks: Vec<Token>,
    pos: usize,
    depth: u32,
}

fn describe(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Await(_) => "await expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::Call { .. } => "function call",
        ExprKind::FormattedValue { .. } | ExprKind::JoinedStr(_) => "f-string expression",
        ExprKind::Constant(c) => match c {
            Constant::None => "None",
            Constant::Bool(true) => "True",
            Constant::Bool(false) => "False",
            Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred(_) => "starred",
        ExprKind::Name(_) => "name",
        ExprKind::List(_) => "list",
        ExprKind::Tuple(_) => "tuple",
        ExprKind::Slice { .. } => "slice",
    }
}

fn mk(loc: Loc, kind: ExprKind) -> Expr {
    Expr { loc, kind }
}

fn binop_of(tok: &Tok) -> Option<(BinOp, u8)> {
    let Tok::Op(o) = tok else { return None };
    Some(match *o {
        "|" => (BinOp::BitOr, 1),
        "^" => (BinOp::BitXor, 2),
        "&" => (BinOp::BitAnd, 3),
        "<<" => (BinOp::LShift, 4),
        ">>" => (BinOp::RShift, 4),
        "+" => (BinOp::Add, 5),
        "-" => (BinOp::Sub, 5),
        "*" => (BinOp::Mult, 6),
        "/" => (BinOp::Div, 6),
        "//" => (BinOp::FloorDiv, 6),
        "%" => (BinOp::Mod, 6),
        "@" => (BinOp::MatMult, 6),
        _ => return None,
    })
}

fn augop_of(tok: &Tok) -> Option<BinOp> {
    let Tok::Op(o) = tok else { return None };
    Some(match *o {
        "+=" => BinOp::Add,
        "-=" => BinOp::Sub,
        "*=" => BinOp::Mult,
        "@=" => BinOp::MatMult,
        "/=" => BinOp::Div,
        "%=" => BinOp::Mod,
        "**=" => BinOp::Pow,
        "<<=" => BinOp::LShift,
        ">>=" => BinOp::RShift,
        "|=" => BinOp::BitOr,
        "^=" => BinOp::BitXor,
        "&=" => BinOp::BitAnd,
        "//=" => BinOp::FloorDiv,
        _ => return None,
    })
}

/// How a target is being bound (for the wording of errors).
#[derive(Clone, Copy, PartialEq, Eq)]
enum TargetCtx {
    /// `a = ...`: the top level gets CPython's "Maybe you meant '=='" hint.
    Assign,
    /// `for`, `with ... as`, comprehensions.
    Plain,
    /// `del`.
    Del,
}

impl Parser {
    // ----- token helpers -----

    fn tok(&self) -> &Tok {
        &self.toks.get(self.pos).unwrap_or(&EOF_TOKEN).tok
    }

    fn peek_tok(&self, n: usize) -> &Tok {
        &self.toks.get(self.pos + n).unwrap_or(&EOF_TOKEN).tok
    }

    fn loc(&self) -> Loc {
        let t = self
            .toks
            .get(self.pos)
            .or(self.toks.last())
            .unwrap_or(&EOF_TOKEN);
        Loc {
            line: t.line,
            col: t.col,
        }
    }

    fn advance(&mut self) {
        if self.pos + 1 < self.toks.len() {
            self.pos += 1;
        }
    }

    fn is(&self, op: &str) -> bool {
        matches!(self.tok(), Tok::Op(o) if *o == op)
    }

    fn peek_is(&self, n: usize, op: &str) -> bool {
        matches!(self.peek_tok(n), Tok::Op(o) if *o == op)
    }

    fn eat(&mut self, op: &str) -> bool {
        if self.is(op) {
            self.advance();
            true
        } else {
            false
        }
    }

    fn expect(&mut self, op: &str) -> PResult<()> {
        if self.eat(op) {
            Ok(())
        } else {
            Err(self.invalid())
        }
    }

    fn expect_colon(&mut self) -> PResult<()> {
        if self.eat(":") {
            return Ok(());
        }
        if self.is("=") {
            return Err(
                self.err_here("invalid syntax. Maybe you meant '==' or ':=' instead of '='?")
            );
        }
        Err(self.err_here("expected ':'"))
    }

    /// The colon after a statement's expression (`if`, `while`, `for`, `with`, `class`,
    /// `except`, `case`): CPython says "expected ':'" only at the end of the line.
    fn expect_colon_nl(&mut self) -> PResult<()> {
        if self.is(":") || self.is("=") || self.at_newline() {
            return self.expect_colon();
        }
        Err(self.invalid())
    }

    fn at_newline(&self) -> bool {
        matches!(self.tok(), Tok::Newline)
    }

    #[inline(never)]
    fn err_at(&self, msg: &str, loc: Loc) -> SyntaxError {
        SyntaxError {
            msg: String::from(msg),
            line: loc.line,
            col: loc.col + 1,
            kind: SyntaxErrorKind::Syntax,
            incomplete: false,
        }
    }

    #[inline(never)]
    fn err_here(&self, msg: &str) -> SyntaxError {
        self.err_at(msg, self.loc())
    }

    /// The RecursionError for an expression chain too long to compile.
    #[inline(never)]
    fn recursion_error(&self) -> SyntaxError {
        let mut e = self.err_here("maximum recursion depth exceeded during compilation");
        e.kind = SyntaxErrorKind::Recursion;
        e
    }

    #[inline(never)]
    fn invalid(&self) -> SyntaxError {
        if matches!(self.tok(), Tok::Indent) {
            let mut e = self.err_here("unexpected indent");
            e.col = e.col.saturating_sub(1);
            e.kind = SyntaxErrorKind::Indentation;
            return e;
        }
        self.err_here("invalid syntax")
    }

    fn enter(&mut self) -> PResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.err_here("too many nested parentheses"));
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    fn name(&mut self) -> PResult<Ident> {
        if let Tok::Name(n) = self.tok() {
            let n = n.clone();
            self.advance();
            Ok(n)
        } else {
            Err(self.invalid())
        }
    }

    fn can_start_expr(&self) -> bool {
        match self.tok() {
            Tok::Name(_)
            | Tok::Int(_)
            | Tok::BigInt(_)
            | Tok::Float(_)
            | Tok::Imag(_)
            | Tok::Str(_) => true,
            Tok::Op(o) => matches!(
                *o,
                "(" | "["
                    | "{"
                    | "-"
                    | "+"
                    | "~"
                    | "not"
                    | "lambda"
                    | "await"
                    | "None"
                    | "True"
                    | "False"
                    | "..."
                    | "*"
            ),
            _ => false,
        }
    }

    // ----- statements -----

    fn parse_file(&mut self) -> PResult<Vec<Stmt>> {
        let mut body = Vec::new();
        loop {
            match self.tok() {
                Tok::EndMarker => break,
                Tok::Newline => self.advance(),
                Tok::Indent => return Err(self.invalid()),
                _ => self.parse_statement(&mut body)?,
            }
        }
        Ok(body)
    }

    fn parse_statement(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        let loc = self.loc();
        let kind = match self.tok() {
            Tok::Op("if") => self.parse_if()?,
            Tok::Op("while") => self.parse_while()?,
            Tok::Op("for") => self.parse_for(false, loc)?,
            Tok::Op("try") => self.parse_try()?,
            Tok::Op("with") => self.parse_with(false, loc)?,
            Tok::Op("def") => self.parse_def(Vec::new(), false, loc)?,
            Tok::Op("class") => self.parse_class(Vec::new(), loc)?,
            Tok::Op("@") => {
                let (loc, kind) = self.parse_decorated()?;
                out.push(Stmt { loc, kind });
                return Ok(());
            }
            Tok::Op("async") => self.parse_async(Vec::new())?,
            Tok::Name(n) if n == "match" => match self.try_parse_match()? {
                Some(k) => k,
                None => return self.parse_simple_stmts(out),
            },
            _ => return self.parse_simple_stmts(out),
        };
        out.push(Stmt { loc, kind });
        Ok(())
    }

    fn parse_simple_stmts(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        loop {
            let s = self.parse_simple_stmt()?;
            out.push(s);
            if self.eat(";") {
                if self.at_newline() {
                    break;
                }
                continue;
            }
            break;
        }
        if !self.at_newline() {
            return Err(self.invalid());
        }
        self.advance();
        Ok(())
    }

    /// The body after a compound statement header's ':' (already consumed).
    fn parse_block(&mut self, what: &str, hdr_line: u32) -> PResult<Vec<Stmt>> {
        let mut body = Vec::new();
        if !self.at_newline() {
            self.parse_simple_stmts(&mut body)?;
            return Ok(body);
        }
        self.advance();
        if !matches!(self.tok(), Tok::Indent) {
            let at_eof = matches!(self.tok(), Tok::EndMarker);
            let mut e = self.err_here(&format!(
                "expected an indented block after {} on line {}",
                what, hdr_line
            ));
            if at_eof {
                // CPython points just after the header line.
                if let Some(t) = self.pos.checked_sub(1).and_then(|i| self.toks.get(i)) {
                    e.line = t.line;
                    e.col = t.col + 1;
                }
            }
            e.kind = SyntaxErrorKind::Indentation;
            e.incomplete = at_eof;
            return Err(e);
        }
        self.advance();
        loop {
            match self.tok() {
                Tok::Dedent => {
                    self.advance();
                    break;
                }
                Tok::EndMarker => break,
                Tok::Newline => self.advance(),
                Tok::Indent => return Err(self.invalid()),
                _ => self.parse_statement(&mut body)?,
            }
        }
        Ok(body)
    }

    fn parse_if(&mut self) -> PResult<StmtKind> {
        // Collect the whole if/elif chain iteratively, then fold it from the end.
        let mut clauses: Vec<(Loc, Expr, Vec<Stmt>)> = Vec::new();
        let mut what = "'if' statement";
        loop {
            let loc = self.loc();
            self.advance();
            let test = self.parse_named()?;
            self.expect_colon_nl()?;
            let body = self.parse_block(what, loc.line)?;
            clauses.push((loc, test, body));
            if clauses.len() > MAX_ELIF {
                return Err(self.err_at("too many nested blocks", loc));
            }
            if self.is("elif") {
                what = "'elif' statement";
                continue;
            }
            break;
        }
        let mut orelse = Vec::new();
        if self.is("else") {
            let line = self.loc().line;
            self.advance();
            self.expect_colon()?;
            orelse = self.parse_block("'else' statement", line)?;
        }
        while clauses.len() > 1 {
            let Some((loc, test, body)) = clauses.pop() else {
                break;
            };
            orelse = alloc::vec![Stmt {
                loc,
                kind: StmtKind::If { test, body, orelse }
            }];
        }
        let Some((_, test, body)) = clauses.pop() else {
            return Err(self.invalid());
        };
        Ok(StmtKind::If { test, body, orelse })
    }

    fn parse_else(&mut self) -> PResult<Vec<Stmt>> {
        if self.is("else") {
            let line = self.loc().line;
            self.advance();
            self.expect_colon()?;
            return self.parse_block("'else' statement", line);
        }
        Ok(Vec::new())
    }

    fn parse_while(&mut self) -> PResult<StmtKind> {
        let line = self.loc().line;
        self.advance();
        let test = self.parse_named()?;
        self.expect_colon_nl()?;
        let body = self.parse_block("'while' statement", line)?;
        let orelse = self.parse_else()?;
        Ok(StmtKind::While { test, body, orelse })
    }

    fn parse_for(&mut self, is_async: bool, loc: Loc) -> PResult<StmtKind> {
        self.advance();
        let target = self.parse_target_list()?;
        self.check_target(&target, TargetCtx::Plain, true)?;
        self.expect("in")?;
        let iter = self.parse_star_exprs()?;
        if let ExprKind::Starred(_) = iter.kind {
            return Err(self.err_at("can't use starred expression here", iter.loc));
        }
        self.expect_colon_nl()?;
        let body = self.parse_block("'for' statement", loc.line)?;
        let orelse = self.parse_else()?;
        Ok(StmtKind::For {
            target,
            iter,
            body,
            orelse,
            is_async,
        })
    }

    fn parse_try(&mut self) -> PResult<StmtKind> {
        let line = self.loc().line;
        self.advance();
        self.expect_colon()?;
        let body = self.parse_block("'try' statement", line)?;
        let mut handlers: Vec<ExceptHandler> = Vec::new();
        while self.is("except") {
            let loc = self.loc();
            if handlers.last().is_some_and(|h| h.typ.is_none()) {
                return Err(self.err_at(
                    "default 'except:' must be last",
                    handlers.last().map_or(loc, |h| h.loc),
                ));
            }
            self.advance();
            if self.is("*") {
                return Err(self.err_here("except* (exception groups) is not supported"));
            }
            let mut typ = None;
            let mut name = None;
            if !self.is(":") {
                let t = self.parse_test()?;
                if self.is(",") {
                    return Err(
                        self.err_at("multiple exception types must be parenthesized", t.loc)
                    );
                }
                typ = Some(t);
                if self.eat("as") {
                    name = Some(self.name()?);
                }
            }
            self.expect_colon_nl()?;
            let hbody = self.parse_block("'except' statement", loc.line)?;
            handlers.push(ExceptHandler {
                loc,
                typ,
                name,
                body: hbody,
            });
        }
        let orelse = if !handlers.is_empty() {
            self.parse_else()?
        } else {
            Vec::new()
        };
        let mut finalbody = Vec::new();
        if self.is("finally") {
            let line = self.loc().line;
            self.advance();
            self.expect_colon()?;
            finalbody = self.parse_block("'finally' statement", line)?;
        }
        if handlers.is_empty() && finalbody.is_empty() {
            return Err(self.err_here("expected 'except' or 'finally' block"));
        }
        Ok(StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        })
    }

    fn parse_with_item(&mut self) -> PResult<WithItem> {
        let context_expr = self.parse_test()?;
        let mut optional_vars = None;
        if self.eat("as") {
            let t = self.parse_target()?;
            self.check_target(&t, TargetCtx::Plain, true)?;
            optional_vars = Some(t);
        }
        Ok(WithItem {
            context_expr,
            optional_vars,
        })
    }

    fn parse_with(&mut self, is_async: bool, loc: Loc) -> PResult<StmtKind> {
        self.advance();
        let mut items = Vec::new();
        let save = self.pos;
        let mut parenthesised = false;
        if self.eat("(") {
            let depth = self.depth;
            let ok = (|| -> PResult<bool> {
                loop {
                    items.push(self.parse_with_item()?);
                    if !self.eat(",") || self.is(")") {
                        break;
                    }
                }
                Ok(self.eat(")") && self.is(":"))
            })();
            self.depth = depth;
            parenthesised = matches!(ok, Ok(true));
            if !parenthesised {
                items.clear();
                self.pos = save;
            }
        }
        if !parenthesised {
            loop {
                items.push(self.parse_with_item()?);
                if !self.eat(",") {
                    break;
                }
            }
        }
        self.expect_colon_nl()?;
        let body = self.parse_block("'with' statement", loc.line)?;
        Ok(StmtKind::With {
            items,
            body,
            is_async,
        })
    }

    fn parse_decorated(&mut self) -> PResult<(Loc, StmtKind)> {
        let mut decorators = Vec::new();
        while self.eat("@") {
            let d = self.parse_named()?;
            decorators.push(d);
            if !self.at_newline() {
                return Err(self.invalid());
            }
            self.advance();
        }
        let loc = self.loc();
        let kind = match self.tok() {
            Tok::Op("def") => self.parse_def(decorators, false, loc),
            Tok::Op("class") => self.parse_class(decorators, loc),
            Tok::Op("async") => self.parse_async(decorators),
            Tok::EndMarker => {
                let mut e = self.invalid();
                e.incomplete = true;
                Err(e)
            }
            _ => Err(self.invalid()),
        }?;
        Ok((loc, kind))
    }

    fn parse_async(&mut self, decorators: Vec<Expr>) -> PResult<StmtKind> {
        let loc = self.loc();
        self.advance();
        match self.tok() {
            Tok::Op("def") => self.parse_def(decorators, true, loc),
            Tok::Op("for") if decorators.is_empty() => self.parse_for(true, loc),
            Tok::Op("with") if decorators.is_empty() => self.parse_with(true, loc),
            _ => Err(self.invalid()),
        }
    }

    fn parse_def(&mut self, decorators: Vec<Expr>, is_async: bool, loc: Loc) -> PResult<StmtKind> {
        self.advance();
        let name = self.name()?;
        if !self.eat("(") {
            return Err(self.err_here("expected '('"));
        }
        let args = self.parse_params(")", true)?;
        self.expect(")")?;
        let returns = if self.eat("->") {
            Some(self.parse_test()?)
        } else {
            None
        };
        self.expect_colon()?;
        let body = self.parse_block("function definition", loc.line)?;
        Ok(StmtKind::FunctionDef(Box::new(FunctionDef {
            name,
            args,
            body,
            decorators,
            returns,
            is_async,
        })))
    }

    fn parse_class(&mut self, decorators: Vec<Expr>, loc: Loc) -> PResult<StmtKind> {
        self.advance();
        let name = self.name()?;
        let (mut bases, mut keywords) = (Vec::new(), Vec::new());
        let paren = self.loc();
        if self.eat("(") {
            let (b, k) = self.parse_call_args(paren)?;
            bases = b;
            keywords = k;
        }
        self.expect_colon_nl()?;
        let body = self.parse_block("class definition", loc.line)?;
        Ok(StmtKind::ClassDef(Box::new(ClassDef {
            name,
            bases,
            keywords,
            body,
            decorators,
        })))
    }

    /// Parameters of a def (`closer` ")", annotations allowed) or lambda (`closer` ":").
    fn parse_params(&mut self, closer: &str, annotations: bool) -> PResult<Arguments> {
        let mut a = Arguments::default();
        let mut seen_slash = false;
        let mut seen_star = false;
        let mut bare_star: Option<Loc> = None;
        let mut seen_default = false;
        let mut names: Vec<Ident> = Vec::new();
        loop {
            if self.is(closer) {
                break;
            }
            let loc = self.loc();
            if self.eat("/") {
                if seen_slash {
                    return Err(self.err_at("/ may appear only once", loc));
                }
                if seen_star {
                    return Err(self.err_at("/ must be ahead of *", loc));
                }
                if a.args.is_empty() {
                    return Err(self.err_at("at least one argument must precede /", loc));
                }
                seen_slash = true;
                a.posonlyargs = core::mem::take(&mut a.args);
            } else if self.eat("*") {
                if seen_star {
                    return Err(self.err_at("* argument may appear only once", loc));
                }
                seen_star = true;
                if self.is(",") || self.is(closer) {
                    bare_star = Some(loc);
                } else {
                    let p = self.parse_param(annotations, &mut names)?;
                    a.vararg = Some(p);
                    if self.is("=") {
                        return Err(
                            self.err_here("var-positional argument cannot have default value")
                        );
                    }
                }
            } else if self.eat("**") {
                let p = self.parse_param(annotations, &mut names)?;
                a.kwarg = Some(p);
                if self.is("=") {
                    return Err(self.err_here("var-keyword argument cannot have default value"));
                }
                if self.eat(",") && !self.is(closer) {
                    return Err(self.err_here("arguments cannot follow var-keyword argument"));
                }
                break;
            } else {
                let p = self.parse_param(annotations, &mut names)?;
                if self.eat("=") {
                    let d = self.parse_test()?;
                    if seen_star {
                        a.kwonlyargs.push(p);
                        a.kw_defaults.push(Some(d));
                    } else {
                        seen_default = true;
                        a.args.push(p);
                        a.defaults.push(d);
                    }
                } else if seen_star {
                    a.kwonlyargs.push(p);
                    a.kw_defaults.push(None);
                } else {
                    if seen_default {
                        return Err(
                            self.err_at("non-default argument follows default argument", loc)
                        );
                    }
                    a.args.push(p);
                }
            }
            if !self.eat(",") {
                break;
            }
        }
        if let Some(l) = bare_star {
            if a.kwonlyargs.is_empty() {
                return Err(self.err_at("named arguments must follow bare *", l));
            }
        }
        Ok(a)
    }

    fn parse_param(&mut self, annotations: bool, names: &mut Vec<Ident>) -> PResult<Arg> {
        let loc = self.loc();
        let name = self.name()?;
        if names.contains(&name) {
            return Err(self.err_at(
                &format!("duplicate argument '{}' in function definition", name),
                loc,
            ));
        }
        names.push(name.clone());
        let annotation = if annotations && self.eat(":") {
            Some(if self.is("*") {
                let l = self.loc();
                self.advance();
                mk(l, ExprKind::Starred(Box::new(self.parse_bitor()?)))
            } else {
                self.parse_test()?
            })
        } else {
            None
        };
        Ok(Arg {
            name,
            annotation,
            loc,
        })
    }

    fn parse_simple_stmt(&mut self) -> PResult<Stmt> {
        let loc = self.loc();
        let kind = match self.tok() {
            Tok::Op("pass") => {
                self.advance();
                StmtKind::Pass
            }
            Tok::Op("break") => {
                self.advance();
                StmtKind::Break
            }
            Tok::Op("continue") => {
                self.advance();
                StmtKind::Continue
            }
            Tok::Op("return") => {
                self.advance();
                if self.at_simple_end() {
                    StmtKind::Return(None)
                } else {
                    let e = self.parse_star_exprs()?;
                    if let ExprKind::Starred(_) = e.kind {
                        return Err(self.err_at("can't use starred expression here", e.loc));
                    }
                    StmtKind::Return(Some(e))
                }
            }
            Tok::Op("raise") => {
                self.advance();
                let mut exc = None;
                let mut cause = None;
                if !self.at_simple_end() {
                    exc = Some(self.parse_test()?);
                    if self.eat("from") {
                        cause = Some(self.parse_test()?);
                    }
                }
                StmtKind::Raise { exc, cause }
            }
            Tok::Op("global") | Tok::Op("nonlocal") => {
                let global = self.is("global");
                self.advance();
                let mut names = alloc::vec![self.name()?];
                while self.eat(",") {
                    names.push(self.name()?);
                }
                if global {
                    StmtKind::Global(names)
                } else {
                    StmtKind::Nonlocal(names)
                }
            }
            Tok::Op("del") => {
                self.advance();
                let mut targets = Vec::new();
                loop {
                    let t = self.parse_bitor_or_star()?;
                    self.check_target(&t, TargetCtx::Del, true)?;
                    targets.push(t);
                    if !self.eat(",") || self.at_simple_end() {
                        break;
                    }
                }
                StmtKind::Delete(targets)
            }
            Tok::Op("assert") => {
                self.advance();
                let test = self.parse_test()?;
                let msg = if self.eat(",") {
                    Some(self.parse_test()?)
                } else {
                    None
                };
                StmtKind::Assert { test, msg }
            }
            Tok::Op("import") => {
                self.advance();
                let mut names = Vec::new();
                loop {
                    let name = self.dotted_name()?;
                    let asname = if self.eat("as") {
                        Some(self.name()?)
                    } else {
                        None
                    };
                    names.push(Alias { name, asname });
                    if !self.eat(",") {
                        break;
                    }
                }
                StmtKind::Import(names)
            }
            Tok::Op("from") => self.parse_from()?,
            _ => self.parse_expr_stmt()?,
        };
        Ok(Stmt { loc, kind })
    }

    fn at_simple_end(&self) -> bool {
        matches!(self.tok(), Tok::Newline | Tok::EndMarker) || self.is(";")
    }

    fn dotted_name(&mut self) -> PResult<Ident> {
        let mut name = self.name()?;
        while self.eat(".") {
            name.push('.');
            name.push_str(&self.name()?);
        }
        Ok(name)
    }

    fn parse_from(&mut self) -> PResult<StmtKind> {
        self.advance();
        let mut level = 0u32;
        loop {
            if self.eat(".") {
                level = level.saturating_add(1);
            } else if self.eat("...") {
                level = level.saturating_add(3);
            } else {
                break;
            }
        }
        let module = if matches!(self.tok(), Tok::Name(_)) {
            Some(self.dotted_name()?)
        } else {
            None
        };
        if module.is_none() && level == 0 {
            return Err(self.invalid());
        }
        self.expect("import")?;
        let mut names = Vec::new();
        if self.eat("*") {
            names.push(Alias {
                name: String::from("*"),
                asname: None,
            });
        } else {
            let paren = self.eat("(");
            loop {
                let name = self.name()?;
                let asname = if self.eat("as") {
                    Some(self.name()?)
                } else {
                    None
                };
                names.push(Alias { name, asname });
                if !self.eat(",") {
                    break;
                }
                if paren && self.is(")") {
                    break;
                }
                if !paren && self.at_simple_end() {
                    return Err(
                        self.err_here("trailing comma not allowed without surrounding parentheses")
                    );
                }
            }
            if paren {
                self.expect(")")?;
            }
        }
        Ok(StmtKind::ImportFrom {
            module,
            names,
            level,
        })
    }

    fn parse_yield_or_star_exprs(&mut self) -> PResult<Expr> {
        if self.is("yield") {
            self.parse_yield()
        } else {
            self.parse_star_exprs()
        }
    }

    fn parse_expr_stmt(&mut self) -> PResult<StmtKind> {
        let starts_paren = self.is("(");
        let first = self.parse_yield_or_star_exprs()?;
        if self.is(":") {
            let simple =
                match &first.kind {
                    ExprKind::Name(_) => !starts_paren,
                    ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => false,
                    ExprKind::Tuple(_) => {
                        return Err(self
                            .err_at("only single target (not tuple) can be annotated", first.loc))
                    }
                    ExprKind::List(_) => {
                        return Err(self
                            .err_at("only single target (not list) can be annotated", first.loc))
                    }
                    _ => return Err(self.err_at("illegal target for annotation", first.loc)),
                };
            self.advance();
            let annotation = self.parse_test()?;
            let value = if self.eat("=") {
                Some(self.parse_yield_or_star_exprs()?)
            } else {
                None
            };
            return Ok(StmtKind::AnnAssign {
                target: first,
                annotation,
                value,
                simple,
            });
        }
        if let Some(op) = augop_of(self.tok()) {
            match &first.kind {
                ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {}
                _ => {
                    return Err(self.err_at(
                        &format!(
                            "'{}' is an illegal expression for augmented assignment",
                            describe(&first)
                        ),
                        first.loc,
                    ))
                }
            }
            self.advance();
            let value = self.parse_yield_or_star_exprs()?;
            self.no_bare_star(&value)?;
            return Ok(StmtKind::AugAssign {
                target: first,
                op,
                value,
            });
        }
        if self.is("=") {
            // A bare (unparenthesised) `yield` target has its own message.
            let mut bare_yield =
                !starts_paren && matches!(first.kind, ExprKind::Yield(_) | ExprKind::YieldFrom(_));
            let mut targets = alloc::vec![first];
            let mut value;
            loop {
                self.advance();
                let bare = self.is("yield");
                value = self.parse_yield_or_star_exprs()?;
                if !self.is("=") {
                    break;
                }
                bare_yield |= bare;
                targets.push(value);
            }
            if bare_yield {
                let loc = targets
                    .iter()
                    .find(|t| matches!(t.kind, ExprKind::Yield(_) | ExprKind::YieldFrom(_)))
                    .map_or(self.loc(), |t| t.loc);
                return Err(self.err_at("assignment to yield expression not possible", loc));
            }
            // CPython suggests '==' only for a single `=`.
            let single = targets.len() == 1;
            for t in &targets {
                self.check_target(t, TargetCtx::Assign, single)?;
            }
            self.no_bare_star(&value)?;
            return Ok(StmtKind::Assign { targets, value });
        }
        self.no_bare_star(&first)?;
        if !self.at_simple_end() {
            if let ExprKind::Name(n) = &first.kind {
                if (n == "print" || n == "exec") && self.can_start_expr() {
                    return Err(self.err_at(
                        &format!(
                            "Missing parentheses in call to '{}'. Did you mean {}(...)?",
                            n, n
                        ),
                        first.loc,
                    ));
                }
            }
        }
        Ok(StmtKind::Expr(first))
    }

    fn no_bare_star(&self, e: &Expr) -> PResult<()> {
        if let ExprKind::Starred(_) = e.kind {
            return Err(self.err_at("can't use starred expression here", e.loc));
        }
        Ok(())
    }

    /// Check that `e` can be assigned to (or deleted).
    fn check_target(&self, e: &Expr, ctx: TargetCtx, top: bool) -> PResult<()> {
        match &e.kind {
            ExprKind::Name(n) => {
                if n == "__debug__" {
                    let verb = if ctx == TargetCtx::Del {
                        "delete"
                    } else {
                        "assign to"
                    };
                    return Err(self.err_at(&format!("cannot {} __debug__", verb), e.loc));
                }
                Ok(())
            }
            ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => Ok(()),
            ExprKind::Tuple(elts) | ExprKind::List(elts) => {
                let mut stars = 0;
                for elt in elts {
                    if let ExprKind::Starred(inner) = &elt.kind {
                        if ctx == TargetCtx::Del {
                            return Err(self.err_at("cannot delete starred", elt.loc));
                        }
                        stars += 1;
                        if stars > 1 {
                            return Err(
                                self.err_at("multiple starred expressions in assignment", elt.loc)
                            );
                        }
                        if let ExprKind::Starred(_) = inner.kind {
                            return Err(self.err_at(
                                "starred assignment target must be in a list or tuple",
                                inner.loc,
                            ));
                        }
                        self.check_target(inner, ctx, false)?;
                    } else {
                        self.check_target(elt, ctx, false)?;
                    }
                }
                Ok(())
            }
            ExprKind::Starred(_) => {
                if ctx == TargetCtx::Del {
                    return Err(self.err_at("cannot delete starred", e.loc));
                }
                Err(self.err_at(
                    "starred assignment target must be in a list or tuple",
                    e.loc,
                ))
            }
            _ => {
                let what = describe(e);
                let msg = if ctx == TargetCtx::Del {
                    format!("cannot delete {}", what)
                } else if ctx == TargetCtx::Assign
                    && top
                    && !matches!(what, "None" | "True" | "False")
                {
                    format!(
                        "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                        what
                    )
                } else {
                    format!("cannot assign to {}", what)
                };
                Err(self.err_at(&msg, e.loc))
            }
        }
    }

    /// Targets of `for` and comprehensions: star/bitor-level items separated by commas (so that
    /// `in` is not consumed as an operator).
    fn parse_target_list(&mut self) -> PResult<Expr> {
        let start_loc = self.loc();
        let first = self.parse_bitor_or_star()?;
        if !self.is(",") {
            return Ok(first);
        }
        let loc = start_loc;
        let mut elts = alloc::vec![first];
        while self.eat(",") {
            if self.is("in") || self.is("=") {
                break;
            }
            elts.push(self.parse_bitor_or_star()?);
        }
        Ok(mk(loc, ExprKind::Tuple(elts)))
    }

    /// A single `with ... as` target.
    fn parse_target(&mut self) -> PResult<Expr> {
        self.parse_bitor_or_star()
    }

    fn parse_bitor_or_star(&mut self) -> PResult<Expr> {
        if self.is("*") {
            let loc = self.loc();
            self.advance();
            let e = self.parse_bitor()?;
            return Ok(mk(loc, ExprKind::Starred(Box::new(e))));
        }
        self.parse_bitor()
    }

    // ----- match statement -----

    fn try_parse_match(&mut self) -> PResult<Option<StmtKind>> {
        let save = self.pos;
        let depth = self.depth;
        let loc = self.loc();
        self.advance();
        let subject = match self.parse_star_named_list() {
            Ok(s) if self.is(":") && matches!(self.peek_tok(1), Tok::Newline) => s,
            _ => {
                self.pos = save;
                self.depth = depth;
                return Ok(None);
            }
        };
        self.no_bare_star(&subject)?;
        self.advance();
        self.advance();
        if !matches!(self.tok(), Tok::Indent) {
            let mut e = self.err_here(&format!(
                "expected an indented block after 'match' statement on line {}",
                loc.line
            ));
            e.kind = SyntaxErrorKind::Indentation;
            e.incomplete = matches!(self.tok(), Tok::EndMarker);
            return Err(e);
        }
        self.advance();
        let mut cases: Vec<MatchCase> = Vec::new();
        loop {
            match self.tok() {
                Tok::Dedent => {
                    self.advance();
                    break;
                }
                Tok::EndMarker => break,
                Tok::Name(n) if n == "case" => {
                    let line = self.loc().line;
                    self.advance();
                    let pattern = self.parse_case_pattern()?;
                    let guard = if self.eat("if") {
                        Some(self.parse_named()?)
                    } else {
                        None
                    };
                    self.expect_colon_nl()?;
                    check_or_alternatives(&pattern)?;
                    if let Some(prev) = cases.last() {
                        if prev.guard.is_none() {
                            if let Some((msg, loc)) = irrefutable(&prev.pattern) {
                                return Err(self.err_at(&msg, loc));
                            }
                        }
                    }
                    let body = self.parse_block("'case' statement", line)?;
                    cases.push(MatchCase {
                        pattern,
                        guard,
                        body,
                    });
                }
                _ => return Err(self.invalid()),
            }
        }
        if cases.is_empty() {
            return Err(self.invalid());
        }
        Ok(Some(StmtKind::Match { subject, cases }))
    }

    /// `star_named_expression (',' star_named_expression)* [',']` (match subject).
    fn parse_star_named_list(&mut self) -> PResult<Expr> {
        let start_loc = self.loc();
        let first = self.parse_star_or_named()?;
        if !self.is(",") {
            return Ok(first);
        }
        let loc = start_loc;
        let mut elts = alloc::vec![first];
        while self.eat(",") {
            if !self.can_start_expr() {
                break;
            }
            elts.push(self.parse_star_or_named()?);
        }
        Ok(mk(loc, ExprKind::Tuple(elts)))
    }

    fn parse_case_pattern(&mut self) -> PResult<Pattern> {
        let first = self.parse_maybe_star_pattern()?;
        if !self.is(",") {
            if let PatternKind::Star(_) = first.kind {
                return Err(self.err_at("can't use starred expression here", first.loc));
            }
            return Ok(first);
        }
        let loc = first.loc;
        let mut pats = alloc::vec![first];
        while self.eat(",") {
            if self.is(":") || self.is("if") {
                break;
            }
            pats.push(self.parse_maybe_star_pattern()?);
        }
        Ok(Pattern {
            loc,
            kind: self.seq_pattern(pats)?,
        })
    }

    fn seq_pattern(&self, pats: Vec<Pattern>) -> PResult<PatternKind> {
        let mut stars = pats
            .iter()
            .filter(|p| matches!(p.kind, PatternKind::Star(_)));
        if let (Some(_), Some(second)) = (stars.next(), stars.next()) {
            return Err(self.err_at("multiple starred names in sequence pattern", second.loc));
        }
        Ok(PatternKind::Sequence(pats))
    }

    fn parse_maybe_star_pattern(&mut self) -> PResult<Pattern> {
        let loc = self.loc();
        if self.eat("*") {
            let n = self.name()?;
            let name = if n == "_" { None } else { Some(n) };
            return Ok(Pattern {
                loc,
                kind: PatternKind::Star(name),
            });
        }
        self.parse_pattern()
    }

    fn parse_pattern(&mut self) -> PResult<Pattern> {
        self.enter()?;
        let r = self.parse_pattern_inner();
        self.leave();
        r
    }

    fn parse_pattern_inner(&mut self) -> PResult<Pattern> {
        let loc = self.loc();
        let first = self.parse_closed_pattern()?;
        let mut p = if self.is("|") {
            let mut alts = alloc::vec![first];
            while self.eat("|") {
                alts.push(self.parse_closed_pattern()?);
            }
            Pattern {
                loc,
                kind: PatternKind::Or(alts),
            }
        } else {
            first
        };
        if self.eat("as") {
            let nloc = self.loc();
            let name = self.name()?;
            if name == "_" {
                return Err(self.err_at("cannot use '_' as a target", nloc));
            }
            p = Pattern {
                loc,
                kind: PatternKind::As {
                    pattern: Some(Box::new(p)),
                    name: Some(name),
                },
            };
        }
        Ok(p)
    }

    fn parse_literal_pattern_expr(&mut self) -> PResult<Expr> {
        let loc = self.loc();
        let neg = self.eat("-");
        let num = match self.tok() {
            Tok::Int(_) | Tok::BigInt(_) | Tok::Float(_) | Tok::Imag(_) => self.parse_atom()?,
            _ => return Err(self.invalid()),
        };
        let mut e = if neg {
            mk(
                loc,
                ExprKind::UnaryOp {
                    op: UnaryOpKind::USub,
                    operand: Box::new(num),
                },
            )
        } else {
            num
        };
        if (self.is("+") || self.is("-")) && matches!(self.peek_tok(1), Tok::Imag(_)) {
            let op = if self.is("+") { BinOp::Add } else { BinOp::Sub };
            self.advance();
            let imag = self.parse_atom()?;
            e = mk(
                loc,
                ExprKind::BinOp {
                    left: Box::new(e),
                    op,
                    right: Box::new(imag),
                },
            );
        }
        Ok(e)
    }

    fn parse_closed_pattern(&mut self) -> PResult<Pattern> {
        let loc = self.loc();
        let kind = match self.tok() {
            Tok::Int(_) | Tok::BigInt(_) | Tok::Float(_) | Tok::Imag(_) | Tok::Op("-") => {
                PatternKind::Value(self.parse_literal_pattern_expr()?)
            }
            Tok::Str(_) => {
                let e = self.parse_strings()?;
                if let ExprKind::JoinedStr(_) = e.kind {
                    return Err(self.err_at(
                        "patterns may only match literals and attribute lookups",
                        loc,
                    ));
                }
                PatternKind::Value(e)
            }
            Tok::Op("None") | Tok::Op("True") | Tok::Op("False") => {
                PatternKind::Singleton(self.parse_atom()?)
            }
            Tok::Name(n) => {
                if n == "_" && !self.peek_is(1, ".") && !self.peek_is(1, "(") {
                    self.advance();
                    PatternKind::As {
                        pattern: None,
                        name: None,
                    }
                } else {
                    let first = self.name()?;
                    let mut e = mk(loc, ExprKind::Name(first.clone()));
                    let mut dotted = false;
                    while self.eat(".") {
                        let attr = self.name()?;
                        e = mk(
                            loc,
                            ExprKind::Attribute {
                                value: Box::new(e),
                                attr,
                            },
                        );
                        dotted = true;
                    }
                    if self.eat("(") {
                        self.parse_class_pattern(e)?
                    } else if dotted {
                        PatternKind::Value(e)
                    } else {
                        PatternKind::As {
                            pattern: None,
                            name: Some(first),
                        }
                    }
                }
            }
            Tok::Op("(") => {
                self.advance();
                if self.eat(")") {
                    PatternKind::Sequence(Vec::new())
                } else {
                    let first = self.parse_maybe_star_pattern()?;
                    if self.eat(")") {
                        if let PatternKind::Star(_) = first.kind {
                            PatternKind::Sequence(alloc::vec![first])
                        } else {
                            return Ok(first);
                        }
                    } else {
                        let mut pats = alloc::vec![first];
                        while self.eat(",") {
                            if self.is(")") {
                                break;
                            }
                            pats.push(self.parse_maybe_star_pattern()?);
                        }
                        self.expect(")")?;
                        self.seq_pattern(pats)?
                    }
                }
            }
            Tok::Op("[") => {
                self.advance();
                let mut pats = Vec::new();
                while !self.is("]") {
                    pats.push(self.parse_maybe_star_pattern()?);
                    if !self.eat(",") {
                        break;
                    }
                }
                self.expect("]")?;
                self.seq_pattern(pats)?
            }
            Tok::Op("{") => {
                self.advance();
                let mut keys = Vec::new();
                let mut patterns = Vec::new();
                let mut rest = None;
                while !self.is("}") {
                    if self.eat("**") {
                        rest = Some(self.name()?);
                        self.eat(",");
                        break;
                    }
                    let kloc = self.loc();
                    let key = match self.parse_closed_pattern()?.kind {
                        PatternKind::Value(e) | PatternKind::Singleton(e) => e,
                        _ => return Err(self.err_at(
                            "mapping pattern keys may only match literals and attribute lookups",
                            kloc,
                        )),
                    };
                    self.expect(":")?;
                    keys.push(key);
                    patterns.push(self.parse_pattern()?);
                    if !self.eat(",") {
                        break;
                    }
                }
                self.expect("}")?;
                PatternKind::Mapping {
                    keys,
                    patterns,
                    rest,
                }
            }
            _ => return Err(self.invalid()),
        };
        Ok(Pattern { loc, kind })
    }

    fn parse_class_pattern(&mut self, cls: Expr) -> PResult<PatternKind> {
        let mut patterns = Vec::new();
        let mut kwd_attrs = Vec::new();
        let mut kwd_patterns = Vec::new();
        while !self.is(")") {
            if matches!(self.tok(), Tok::Name(_)) && self.peek_is(1, "=") {
                let n = self.name()?;
                self.advance();
                kwd_attrs.push(n);
                kwd_patterns.push(self.parse_pattern()?);
            } else {
                let loc = self.loc();
                let p = self.parse_pattern()?;
                if !kwd_attrs.is_empty() {
                    return Err(self.err_at("positional patterns follow keyword patterns", loc));
                }
                patterns.push(p);
            }
            if !self.eat(",") {
                break;
            }
        }
        self.expect(")")?;
        Ok(PatternKind::Class {
            cls,
            patterns,
            kwd_attrs,
            kwd_patterns,
        })
    }

    // ----- expressions -----

    /// `star_expressions`: one expression or an unparenthesised tuple, items may be starred.
    fn parse_star_exprs(&mut self) -> PResult<Expr> {
        let start_loc = self.loc();
        let first = self.parse_star_or_test()?;
        if !self.is(",") {
            return Ok(first);
        }
        let loc = start_loc;
        let mut elts = alloc::vec![first];
        while self.eat(",") {
            if !self.can_start_expr() {
                break;
            }
            elts.push(self.parse_star_or_test()?);
        }
        Ok(mk(loc, ExprKind::Tuple(elts)))
    }

    fn parse_star_or_test(&mut self) -> PResult<Expr> {
        if self.is("*") {
            return self.parse_bitor_or_star();
        }
        self.parse_test()
    }

    fn parse_star_or_named(&mut self) -> PResult<Expr> {
        if self.is("*") {
            return self.parse_bitor_or_star();
        }
        self.parse_named()
    }

    #[inline(never)]
    fn parse_yield(&mut self) -> PResult<Expr> {
        let loc = self.loc();
        self.advance();
        if self.eat("from") {
            let e = self.parse_test()?;
            return Ok(mk(loc, ExprKind::YieldFrom(Box::new(e))));
        }
        if self.can_start_expr() {
            let e = self.parse_star_exprs()?;
            self.no_bare_star(&e)?;
            return Ok(mk(loc, ExprKind::Yield(Some(Box::new(e)))));
        }
        Ok(mk(loc, ExprKind::Yield(None)))
    }

    /// `named_expression`: `name := value` or a plain test.
    fn parse_named(&mut self) -> PResult<Expr> {
        if matches!(self.tok(), Tok::Name(_)) && self.peek_is(1, ":=") {
            let loc = self.loc();
            let n = self.name()?;
            self.advance();
            let value = self.parse_test()?;
            return Ok(mk(
                loc,
                ExprKind::NamedExpr {
                    target: Box::new(mk(loc, ExprKind::Name(n))),
                    value: Box::new(value),
                },
            ));
        }
        let e = self.parse_test()?;
        if self.is(":=") {
            return Err(self.err_at(
                &format!("cannot use assignment expressions with {}", describe(&e)),
                e.loc,
            ));
        }
        Ok(e)
    }

    fn parse_test(&mut self) -> PResult<Expr> {
        self.enter()?;
        let r = self.parse_test_inner();
        self.leave();
        r
    }

    fn parse_test_inner(&mut self) -> PResult<Expr> {
        if self.is("lambda") {
            return self.parse_lambda();
        }
        let start_loc = self.loc();
        let e = self.parse_or()?;
        if self.is("if") {
            self.advance();
            let test = self.parse_or()?;
            if !self.eat("else") {
                return Err(self.err_at("expected 'else' after 'if' expression", e.loc));
            }
            let orelse = self.parse_test()?;
            let loc = start_loc;
            return Ok(mk(
                loc,
                ExprKind::IfExp {
                    test: Box::new(test),
                    body: Box::new(e),
                    orelse: Box::new(orelse),
                },
            ));
        }
        Ok(e)
    }

    #[inline(never)]
    fn parse_lambda(&mut self) -> PResult<Expr> {
        let loc = self.loc();
        self.advance();
        let args = self.parse_params(":", false)?;
        if !self.eat(":") {
            // CPython's grammar has no "expected ':'" rule for lambdas.
            return Err(self.invalid());
        }
        let body = self.parse_test()?;
        Ok(mk(
            loc,
            ExprKind::Lambda {
                args: Box::new(args),
                body: Box::new(body),
            },
        ))
    }

    fn parse_or(&mut self) -> PResult<Expr> {
        let start_loc = self.loc();
        let first = self.parse_and()?;
        if !self.is("or") {
            return Ok(first);
        }
        let loc = start_loc;
        let mut values = alloc::vec![first];
        while self.eat("or") {
            values.push(self.parse_and()?);
        }
        Ok(mk(
            loc,
            ExprKind::BoolOp {
                op: BoolOpKind::Or,
                values,
            },
        ))
    }

    fn parse_and(&mut self) -> PResult<Expr> {
        let start_loc = self.loc();
        let first = self.parse_not()?;
        if !self.is("and") {
            return Ok(first);
        }
        let loc = start_loc;
        let mut values = alloc::vec![first];
        while self.eat("and") {
            values.push(self.parse_not()?);
        }
        Ok(mk(
            loc,
            ExprKind::BoolOp {
                op: BoolOpKind::And,
                values,
            },
        ))
    }

    fn parse_not(&mut self) -> PResult<Expr> {
        if self.is("not") {
            let loc = self.loc();
            self.advance();
            self.enter()?;
            let operand = self.parse_not();
            self.leave();
            return Ok(mk(
                loc,
                ExprKind::UnaryOp {
                    op: UnaryOpKind::Not,
                    operand: Box::new(operand?),
                },
            ));
        }
        self.parse_comparison()
    }

    fn cmp_op(&self) -> Option<(CmpOp, usize)> {
        let Tok::Op(o) = self.tok() else { return None };
        Some(match *o {
            "==" => (CmpOp::Eq, 1),
            "!=" => (CmpOp::NotEq, 1),
            "<" => (CmpOp::Lt, 1),
            "<=" => (CmpOp::LtE, 1),
            ">" => (CmpOp::Gt, 1),
            ">=" => (CmpOp::GtE, 1),
            "in" => (CmpOp::In, 1),
            "not" if self.peek_is(1, "in") => (CmpOp::NotIn, 2),
            "is" if self.peek_is(1, "not") => (CmpOp::IsNot, 2),
            "is" => (CmpOp::Is, 1),
            _ => return None,
        })
    }

    fn parse_comparison(&mut self) -> PResult<Expr> {
        let start_loc = self.loc();
        let left = self.parse_bitor()?;
        let Some(_) = self.cmp_op() else {
            return Ok(left);
        };
        let mut ops = Vec::new();
        let mut comparators = Vec::new();
        while let Some((op, n)) = self.cmp_op() {
            for _ in 0..n {
                self.advance();
            }
            ops.push(op);
            comparators.push(self.parse_bitor()?);
        }
        let loc = start_loc;
        Ok(mk(
            loc,
            ExprKind::Compare {
                left: Box::new(left),
                ops,
                comparators,
            },
        ))
    }

    fn parse_bitor(&mut self) -> PResult<Expr> {
        self.parse_binary(1)
    }

    fn parse_binary(&mut self, min: u8) -> PResult<Expr> {
        let start_loc = self.loc();
        let mut left = self.parse_factor()?;
        let mut links = 0usize;
        loop {
            links += 1;
            if links > MAX_CHAIN {
                return Err(self.recursion_error());
            }
            let (op, prec) = match binop_of(self.tok()) {
                Some(x) if x.1 >= min => x,
                _ => break,
            };
            self.advance();
            let right = self.parse_binary(prec + 1)?;
            let loc = start_loc;
            left = mk(
                loc,
                ExprKind::BinOp {
                    left: Box::new(left),
                    op,
                    right: Box::new(right),
                },
            );
        }
        Ok(left)
    }

    fn parse_factor(&mut self) -> PResult<Expr> {
        let op = match self.tok() {
            Tok::Op("+") => UnaryOpKind::UAdd,
            Tok::Op("-") => UnaryOpKind::USub,
            Tok::Op("~") => UnaryOpKind::Invert,
            _ => return self.parse_power(),
        };
        let loc = self.loc();
        self.advance();
        self.enter()?;
        let operand = self.parse_factor();
        self.leave();
        Ok(mk(
            loc,
            ExprKind::UnaryOp {
                op,
                operand: Box::new(operand?),
            },
        ))
    }

    fn parse_power(&mut self) -> PResult<Expr> {
        let start_loc = self.loc();
        let base = if self.is("await") {
            let loc = self.loc();
            self.advance();
            let v = self.parse_primary()?;
            mk(loc, ExprKind::Await(Box::new(v)))
        } else {
            self.parse_primary()?
        };
        if self.eat("**") {
            self.enter()?;
            let exp = self.parse_factor();
            self.leave();
            let loc = start_loc;
            return Ok(mk(
                loc,
                ExprKind::BinOp {
                    left: Box::new(base),
                    op: BinOp::Pow,
                    right: Box::new(exp?),
                },
            ));
        }
        Ok(base)
    }

    fn parse_primary(&mut self) -> PResult<Expr> {
        let start_loc = self.loc();
        let mut e = self.parse_atom()?;
        let mut links = 0usize;
        loop {
            let loc = start_loc;
            links += 1;
            if links > MAX_CHAIN {
                return Err(self.recursion_error());
            }
            match self.tok() {
                Tok::Op(".") => {
                    self.advance();
                    let attr = self.name()?;
                    e = mk(
                        loc,
                        ExprKind::Attribute {
                            value: Box::new(e),
                            attr,
                        },
                    );
                }
                Tok::Op("(") => {
                    let paren = self.loc();
                    self.advance();
                    let (args, keywords) = self.parse_call_args(paren)?;
                    e = mk(
                        loc,
                        ExprKind::Call {
                            func: Box::new(e),
                            args,
                            keywords,
                        },
                    );
                }
                Tok::Op("[") => {
                    self.advance();
                    self.enter()?;
                    let slice = self.parse_subscript_list();
                    self.leave();
                    let slice = slice?;
                    if !self.eat("]") {
                        return Err(self.forgot_comma(slice.loc));
                    }
                    e = mk(
                        loc,
                        ExprKind::Subscript {
                            value: Box::new(e),
                            slice: Box::new(slice),
                        },
                    );
                }
                _ => return Ok(e),
            }
        }
    }

    #[inline(never)]
    fn parse_subscript_list(&mut self) -> PResult<Expr> {
        let start_loc = self.loc();
        let first = self.parse_slice_item()?;
        if !self.is(",") {
            if let ExprKind::Starred(_) = first.kind {
                return Ok(mk(first.loc, ExprKind::Tuple(alloc::vec![first])));
            }
            return Ok(first);
        }
        let loc = start_loc;
        let mut elts = alloc::vec![first];
        while self.eat(",") {
            if self.is("]") {
                break;
            }
            elts.push(self.parse_slice_item()?);
        }
        Ok(mk(loc, ExprKind::Tuple(elts)))
    }

    fn parse_slice_item(&mut self) -> PResult<Expr> {
        if self.is("*") {
            return self.parse_bitor_or_star();
        }
        let loc = self.loc();
        let lower = if self.is(":") {
            None
        } else {
            Some(self.parse_named()?)
        };
        if !self.eat(":") {
            return lower.ok_or_else(|| self.invalid());
        }
        let upper = if self.is(":") || self.is(",") || self.is("]") {
            None
        } else {
            Some(Box::new(self.parse_test()?))
        };
        let step = if self.eat(":") {
            if self.is(",") || self.is("]") {
                None
            } else {
                Some(Box::new(self.parse_test()?))
            }
        } else {
            None
        };
        Ok(mk(
            loc,
            ExprKind::Slice {
                lower: lower.map(Box::new),
                upper,
                step,
            },
        ))
    }

    /// Arguments of a call or class definition; the '(' is consumed, this consumes the ')'.
    fn parse_call_args(&mut self, paren: Loc) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        self.enter()?;
        let r = self.parse_call_args_inner(paren);
        self.leave();
        r
    }

    #[inline(never)]
    fn parse_call_args_inner(&mut self, paren: Loc) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        let mut args: Vec<Expr> = Vec::new();
        let mut keywords: Vec<Keyword> = Vec::new();
        let mut seen_kw_unpack = false;
        while !self.is(")") {
            let loc = self.loc();
            if self.eat("*") {
                let v = self.parse_test()?;
                if seen_kw_unpack {
                    return Err(self.err_at(
                        "iterable argument unpacking follows keyword argument unpacking",
                        loc,
                    ));
                }
                args.push(mk(loc, ExprKind::Starred(Box::new(v))));
            } else if self.eat("**") {
                let v = self.parse_test()?;
                keywords.push(Keyword {
                    name: None,
                    value: v,
                });
                seen_kw_unpack = true;
            } else {
                let e = self.parse_named()?;
                if self.is("=") {
                    self.advance();
                    let name =
                        match e.kind {
                            ExprKind::Name(n) => n,
                            ExprKind::Constant(Constant::None) => {
                                return Err(self.err_at("cannot assign to None", loc))
                            }
                            ExprKind::Constant(Constant::Bool(b)) => {
                                return Err(self.err_at(
                                    if b {
                                        "cannot assign to True"
                                    } else {
                                        "cannot assign to False"
                                    },
                                    loc,
                                ))
                            }
                            _ => return Err(self.err_at(
                                "expression cannot contain assignment, perhaps you meant \"==\"?",
                                loc,
                            )),
                        };
                    if keywords
                        .iter()
                        .any(|k| k.name.as_deref() == Some(name.as_str()))
                    {
                        return Err(
                            self.err_at(&format!("keyword argument repeated: {}", name), loc)
                        );
                    }
                    let value = self.parse_test()?;
                    keywords.push(Keyword {
                        name: Some(name),
                        value,
                    });
                } else if self.is("for") || self.is("async") {
                    let generators = self.parse_comp_for()?;
                    let g = mk(
                        paren,
                        ExprKind::GeneratorExp {
                            elt: Box::new(e),
                            generators,
                        },
                    );
                    if !args.is_empty() || !keywords.is_empty() || !self.is(")") {
                        return Err(
                            self.err_at("Generator expression must be parenthesized", g.loc)
                        );
                    }
                    args.push(g);
                } else {
                    if !keywords.is_empty() {
                        let msg = if seen_kw_unpack {
                            "positional argument follows keyword argument unpacking"
                        } else {
                            "positional argument follows keyword argument"
                        };
                        return Err(self.err_at(msg, loc));
                    }
                    args.push(e);
                }
            }
            if !self.eat(",") {
                if !self.is(")") {
                    return Err(self.forgot_comma(loc));
                }
                break;
            }
            if self.is(")")
                && args.len() == 1
                && matches!(args[0].kind, ExprKind::GeneratorExp { .. })
                && keywords.is_empty()
            {
                return Err(self.err_at("Generator expression must be parenthesized", args[0].loc));
            }
        }
        self.expect(")")?;
        Ok((args, keywords))
    }

    /// The error for two adjacent expressions inside brackets.
    #[inline(never)]
    fn forgot_comma(&self, prev: Loc) -> SyntaxError {
        if self.can_start_expr() && !self.is("*") && !self.is("-") && !self.is("+") {
            self.err_at("invalid syntax. Perhaps you forgot a comma?", prev)
        } else {
            self.invalid()
        }
    }

    #[inline(never)]
    fn parse_comp_for(&mut self) -> PResult<Vec<Comprehension>> {
        let mut gens = Vec::new();
        loop {
            let is_async = if self.is("async") && self.peek_is(1, "for") {
                self.advance();
                true
            } else {
                false
            };
            if !self.eat("for") {
                break;
            }
            let target = self.parse_target_list()?;
            self.check_target(&target, TargetCtx::Plain, true)?;
            self.expect("in")?;
            let iter = self.parse_or()?;
            let mut ifs = Vec::new();
            while self.eat("if") {
                ifs.push(self.parse_or()?);
            }
            gens.push(Comprehension {
                target,
                iter,
                ifs,
                is_async,
            });
        }
        if gens.is_empty() {
            return Err(self.invalid());
        }
        Ok(gens)
    }

    fn parse_atom(&mut self) -> PResult<Expr> {
        let loc = self.loc();
        let kind = match self.tok() {
            Tok::Name(n) => ExprKind::Name(n.clone()),
            Tok::Int(i) => ExprKind::Constant(Constant::Int(*i)),
            Tok::BigInt(s) => ExprKind::Constant(Constant::BigInt(s.clone())),
            Tok::Float(f) => ExprKind::Constant(Constant::Float(*f)),
            Tok::Imag(f) => ExprKind::Constant(Constant::Imag(*f)),
            Tok::Str(_) => return self.parse_strings(),
            Tok::Op("None") => ExprKind::Constant(Constant::None),
            Tok::Op("True") => ExprKind::Constant(Constant::Bool(true)),
            Tok::Op("False") => ExprKind::Constant(Constant::Bool(false)),
            Tok::Op("...") => ExprKind::Constant(Constant::Ellipsis),
            Tok::Op("(") => {
                self.advance();
                self.enter()?;
                let r = self.parse_paren(loc);
                self.leave();
                return r;
            }
            Tok::Op("[") => {
                self.advance();
                self.enter()?;
                let r = self.parse_list(loc);
                self.leave();
                return r;
            }
            Tok::Op("{") => {
                self.advance();
                self.enter()?;
                let r = self.parse_brace(loc);
                self.leave();
                return r;
            }
            _ => return Err(self.invalid()),
        };
        self.advance();
        Ok(mk(loc, kind))
    }

    #[inline(never)]
    fn parse_paren(&mut self, loc: Loc) -> PResult<Expr> {
        if self.eat(")") {
            return Ok(mk(loc, ExprKind::Tuple(Vec::new())));
        }
        if self.is("yield") {
            let y = self.parse_yield()?;
            self.expect(")")?;
            return Ok(y);
        }
        let first = self.parse_star_or_named()?;
        if self.is("for") || self.is("async") {
            if let ExprKind::Starred(_) = first.kind {
                return Err(self.err_at(
                    "iterable unpacking cannot be used in comprehension",
                    first.loc,
                ));
            }
            let generators = self.parse_comp_for()?;
            self.expect(")")?;
            return Ok(mk(
                loc,
                ExprKind::GeneratorExp {
                    elt: Box::new(first),
                    generators,
                },
            ));
        }
        if self.eat(")") {
            if let ExprKind::Starred(_) = first.kind {
                return Err(self.err_at("cannot use starred expression here", first.loc));
            }
            return Ok(first);
        }
        let mut elts = alloc::vec![first];
        loop {
            if !self.eat(",") {
                return Err(self.forgot_comma(elts.last().map_or(self.loc(), |e| e.loc)));
            }
            if self.eat(")") {
                break;
            }
            elts.push(self.parse_star_or_named()?);
            if self.eat(")") {
                break;
            }
        }
        Ok(mk(loc, ExprKind::Tuple(elts)))
    }

    #[inline(never)]
    fn parse_list(&mut self, loc: Loc) -> PResult<Expr> {
        if self.eat("]") {
            return Ok(mk(loc, ExprKind::List(Vec::new())));
        }
        let first = self.parse_star_or_named()?;
        if self.is("for") || self.is("async") {
            if let ExprKind::Starred(_) = first.kind {
                return Err(self.err_at(
                    "iterable unpacking cannot be used in comprehension",
                    first.loc,
                ));
            }
            let generators = self.parse_comp_for()?;
            self.expect("]")?;
            return Ok(mk(
                loc,
                ExprKind::ListComp {
                    elt: Box::new(first),
                    generators,
                },
            ));
        }
        let mut elts = alloc::vec![first];
        loop {
            if self.eat("]") {
                break;
            }
            if !self.eat(",") {
                return Err(self.forgot_comma(elts.last().map_or(self.loc(), |e| e.loc)));
            }
            if self.eat("]") {
                break;
            }
            elts.push(self.parse_star_or_named()?);
        }
        Ok(mk(loc, ExprKind::List(elts)))
    }

    #[inline(never)]
    fn parse_brace(&mut self, loc: Loc) -> PResult<Expr> {
        if self.eat("}") {
            return Ok(mk(
                loc,
                ExprKind::Dict {
                    keys: Vec::new(),
                    values: Vec::new(),
                },
            ));
        }
        // Dict display or comprehension?
        let first_key: Option<Expr>;
        let first_val: Expr;
        if self.eat("**") {
            first_key = None;
            first_val = self.parse_bitor()?;
            if self.is("for") || self.is("async") {
                return Err(self.err_at("dict unpacking cannot be used in dict comprehension", loc));
            }
        } else {
            let e = self.parse_star_or_named()?;
            if !self.is(":") {
                // A set.
                if self.is("for") || self.is("async") {
                    if let ExprKind::Starred(_) = e.kind {
                        return Err(self
                            .err_at("iterable unpacking cannot be used in comprehension", e.loc));
                    }
                    let generators = self.parse_comp_for()?;
                    self.expect("}")?;
                    return Ok(mk(
                        loc,
                        ExprKind::SetComp {
                            elt: Box::new(e),
                            generators,
                        },
                    ));
                }
                let mut elts = alloc::vec![e];
                loop {
                    if self.eat("}") {
                        break;
                    }
                    if !self.eat(",") {
                        return Err(self.forgot_comma(elts.last().map_or(self.loc(), |e| e.loc)));
                    }
                    if self.eat("}") {
                        break;
                    }
                    elts.push(self.parse_star_or_named()?);
                }
                return Ok(mk(loc, ExprKind::Set(elts)));
            }
            if let ExprKind::Starred(_) = e.kind {
                return Err(self.err_at(
                    "cannot use a starred expression in a dictionary value",
                    e.loc,
                ));
            }
            self.advance();
            first_key = Some(e);
            first_val = self.parse_test()?;
            if self.is("for") || self.is("async") {
                let generators = self.parse_comp_for()?;
                self.expect("}")?;
                let key = first_key.map(Box::new).ok_or_else(|| self.invalid())?;
                return Ok(mk(
                    loc,
                    ExprKind::DictComp {
                        key,
                        value: Box::new(first_val),
                        generators,
                    },
                ));
            }
        }
        let mut keys = alloc::vec![first_key];
        let mut values = alloc::vec![first_val];
        loop {
            if self.eat("}") {
                break;
            }
            if !self.eat(",") {
                return Err(self.forgot_comma(
                    keys.last()
                        .and_then(|k| k.as_ref())
                        .map_or(self.loc(), |e| e.loc),
                ));
            }
            if self.eat("}") {
                break;
            }
            if self.eat("**") {
                keys.push(None);
                values.push(self.parse_bitor()?);
            } else {
                let k = self.parse_test()?;
                if !self.eat(":") {
                    return Err(self.err_here("':' expected after dictionary key"));
                }
                keys.push(Some(k));
                values.push(self.parse_test()?);
            }
        }
        Ok(mk(loc, ExprKind::Dict { keys, values }))
    }

    // ----- strings and f-strings -----

    #[inline(never)]
    fn parse_strings(&mut self) -> PResult<Expr> {
        let loc = self.loc();
        let mut lits: Vec<Box<StrLit>> = Vec::new();
        while let Tok::Str(s) = self.tok() {
            lits.push(s.clone());
            self.advance();
        }
        let any_bytes = lits.iter().any(|l| l.bytes);
        if any_bytes && !lits.iter().all(|l| l.bytes) {
            return Err(self.err_at("cannot mix bytes and nonbytes literals", loc));
        }
        if any_bytes {
            let mut out = Vec::new();
            for l in &lits {
                let b = lexer::decode_bytes(&l.body, l.raw).map_err(|m| self.err_at(&m, loc))?;
                out.extend_from_slice(&b);
            }
            return Ok(mk(loc, ExprKind::Constant(Constant::Bytes(out))));
        }
        if !lits.iter().any(|l| l.fstr) {
            let mut out = String::new();
            for l in &lits {
                let s = lexer::decode_str(&l.body, l.raw).map_err(|m| self.err_at(&m, loc))?;
                out.push_str(&s);
            }
            return Ok(mk(loc, ExprKind::Constant(Constant::Str(out))));
        }
        let mut parts = Vec::new();
        let mut pending = String::new();
        for l in &lits {
            if l.fstr {
                let mut i = 0;
                self.fstring_parts(l, &mut i, false, 0, loc, &mut parts, &mut pending)?;
            } else {
                let s = lexer::decode_str(&l.body, l.raw).map_err(|m| self.err_at(&m, loc))?;
                pending.push_str(&s);
            }
        }
        flush_pending(&mut parts, &mut pending, loc);
        Ok(mk(loc, ExprKind::JoinedStr(parts)))
    }

    /// Parse the f-string body `lit.body` from byte `*i`; in a format spec, stop at the closing '}'.
    #[allow(clippy::too_many_arguments)]
    fn fstring_parts(
        &mut self,
        lit: &StrLit,
        i: &mut usize,
        in_spec: bool,
        nest: u32,
        loc: Loc,
        parts: &mut Vec<Expr>,
        pending: &mut String,
    ) -> PResult<()> {
        let body = lit.body.as_str();
        let b = body.as_bytes();
        let mut seg = String::new();
        let flush_seg = |p: &Parser, seg: &mut String, pending: &mut String| -> PResult<()> {
            if !seg.is_empty() {
                let s = lexer::decode_str(seg, lit.raw).map_err(|m| p.err_at(&m, loc))?;
                pending.push_str(&s);
                seg.clear();
            }
            Ok(())
        };
        while *i < b.len() {
            match b[*i] {
                b'{' if b.get(*i + 1) == Some(&b'{') && !in_spec => {
                    seg.push('{');
                    *i += 2;
                }
                b'}' if b.get(*i + 1) == Some(&b'}') && !in_spec => {
                    seg.push('}');
                    *i += 2;
                }
                b'}' => {
                    if in_spec {
                        break;
                    }
                    return Err(self.err_at("f-string: single '}' is not allowed", loc));
                }
                b'{' => {
                    flush_seg(self, &mut seg, pending)?;
                    *i += 1;
                    self.fstring_field(lit, i, nest, loc, parts, pending)?;
                }
                b'\\' if !lit.raw => {
                    if b.get(*i + 1) == Some(&b'N') && b.get(*i + 2) == Some(&b'{') {
                        let end = body[*i..].find('}').map_or(b.len(), |p| *i + p + 1);
                        seg.push_str(&body[*i..end]);
                        *i = end;
                    } else {
                        seg.push('\\');
                        *i += 1;
                        if let Some(c) = body.get(*i..).and_then(|s| s.chars().next()) {
                            if c != '{' && c != '}' {
                                seg.push(c);
                                *i += c.len_utf8();
                            }
                        }
                    }
                }
                _ => {
                    let start = *i;
                    while *i < b.len() && !matches!(b[*i], b'{' | b'}' | b'\\') {
                        *i += 1;
                    }
                    if *i == start {
                        // A backslash in a raw f-string.
                        *i += 1;
                    }
                    seg.push_str(&body[start..*i]);
                }
            }
        }
        flush_seg(self, &mut seg, pending)
    }

    /// One replacement field; `*i` is just after its '{'.
    fn fstring_field(
        &mut self,
        lit: &StrLit,
        i: &mut usize,
        nest: u32,
        loc: Loc,
        parts: &mut Vec<Expr>,
        pending: &mut String,
    ) -> PResult<()> {
        let body = lit.body.as_str();
        let b = body.as_bytes();
        let start = *i;
        let mut depth = 0u32;
        let mut quote: Option<(u8, bool)> = None;
        let mut self_doc = false;
        loop {
            let Some(&c) = b.get(*i) else {
                return Err(self.err_at("f-string: expecting '}'", loc));
            };
            if let Some((q, triple)) = quote {
                if c == q {
                    if !triple {
                        quote = None;
                    } else if b.get(*i + 1) == Some(&q) && b.get(*i + 2) == Some(&q) {
                        quote = None;
                        *i += 2;
                    }
                }
                *i += 1;
                continue;
            }
            match c {
                b'\'' | b'"' => {
                    let triple = b.get(*i + 1) == Some(&c) && b.get(*i + 2) == Some(&c);
                    quote = Some((c, triple));
                    *i += if triple { 3 } else { 1 };
                    continue;
                }
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' | b'}' => {
                    if depth == 0 {
                        if c == b'}' {
                            break;
                        }
                        return Err(
                            self.err_at(&format!("f-string: unmatched '{}'", c as char), loc)
                        );
                    }
                    depth -= 1;
                }
                b'\\' => {
                    return Err(
                        self.err_at("f-string expression part cannot include a backslash", loc)
                    )
                }
                b'#' => return Err(self.err_at("f-string expression part cannot include '#'", loc)),
                b'=' | b'!' | b'<' | b'>' if b.get(*i + 1) == Some(&b'=') => {
                    *i += 2;
                    continue;
                }
                b'!' if depth == 0 => break,
                b':' if depth == 0 => break,
                b'=' if depth == 0 => {
                    self_doc = true;
                    break;
                }
                _ => {}
            }
            *i += 1;
        }
        let expr_text = &body[start..*i];
        if expr_text.trim().is_empty() {
            let msg = match b.get(*i) {
                Some(b'!') => "f-string: expression required before '!'",
                Some(b':') => "f-string: expression required before ':'",
                Some(b'=') => "f-string: expression required before '='",
                _ => "f-string: empty expression not allowed",
            };
            return Err(self.err_at(msg, loc));
        }
        let value = self.parse_fstring_expr(expr_text, lit, start, loc)?;
        if self_doc {
            *i += 1;
            while matches!(b.get(*i), Some(b' ' | b'\t' | b'\n')) {
                *i += 1;
            }
            pending.push_str(&body[start..*i]);
        }
        let mut conversion = None;
        if b.get(*i) == Some(&b'!') {
            *i += 1;
            match b.get(*i) {
                Some(&c @ (b's' | b'r' | b'a')) if matches!(b.get(*i + 1), Some(b':' | b'}')) => {
                    conversion = Some(c as char);
                    *i += 1;
                }
                None | Some(b's' | b'r' | b'a') => {
                    return Err(self.err_at("f-string: expecting '}'", loc))
                }
                _ => {
                    return Err(self.err_at(
                        "f-string: invalid conversion character: expected 's', 'r', or 'a'",
                        loc,
                    ))
                }
            }
        }
        let mut format_spec = None;
        if b.get(*i) == Some(&b':') {
            *i += 1;
            if nest >= 1 {
                return Err(self.err_at("f-string: expressions nested too deeply", loc));
            }
            let mut spec_parts = Vec::new();
            let mut spec_pending = String::new();
            self.fstring_parts(
                lit,
                i,
                true,
                nest + 1,
                loc,
                &mut spec_parts,
                &mut spec_pending,
            )?;
            flush_pending(&mut spec_parts, &mut spec_pending, loc);
            format_spec = Some(Box::new(mk(loc, ExprKind::JoinedStr(spec_parts))));
        }
        if b.get(*i) != Some(&b'}') {
            return Err(self.err_at("f-string: expecting '}'", loc));
        }
        *i += 1;
        if self_doc && conversion.is_none() && format_spec.is_none() {
            conversion = Some('r');
        }
        flush_pending(parts, pending, loc);
        parts.push(mk(
            value.loc,
            ExprKind::FormattedValue {
                value: Box::new(value),
                conversion,
                format_spec,
            },
        ));
        Ok(())
    }

    fn parse_fstring_expr(
        &mut self,
        text: &str,
        lit: &StrLit,
        offset: usize,
        loc: Loc,
    ) -> PResult<Expr> {
        let fix = |mut e: SyntaxError| {
            if e.msg == "can't use starred expression here" {
                e.msg = String::from("f-string: cannot use starred expression here");
            } else if !e.msg.starts_with("f-string") {
                e.msg = format!("f-string: {}", e.msg);
            }
            e
        };
        let col = lit.col
            + lit
                .body
                .get(..offset)
                .map_or(0, |s| s.chars().count() as u32);
        let col = if lit.body.get(..offset).is_some_and(|s| s.contains('\n')) {
            loc.col
        } else {
            col
        };
        let toks = lexer::tokenize_at(text, LexMode::FStringExpr, lit.line, col).map_err(fix)?;
        let mut sub = Parser {
            toks,
            pos: 0,
            depth: self.depth,
        };
        sub.enter().map_err(fix)?;
        let e = if sub.is("yield") {
            sub.parse_yield()
        } else {
            sub.parse_star_exprs()
        }
        .map_err(fix)?;
        sub.no_bare_star(&e).map_err(fix)?;
        if !matches!(sub.tok(), Tok::EndMarker) {
            return Err(fix(sub.forgot_comma(e.loc)));
        }
        Ok(e)
    }
}

/// Why a pattern always matches ("wildcard makes remaining patterns unreachable"...) and where,
/// or None.
fn irrefutable(p: &Pattern) -> Option<(String, Loc)> {
    match &p.kind {
        PatternKind::As {
            pattern: Some(q), ..
        } => irrefutable(q),
        PatternKind::As {
            pattern: None,
            name,
        } => Some((
            match name {
                Some(n) => format!("name capture '{}' makes remaining patterns unreachable", n),
                None => String::from("wildcard makes remaining patterns unreachable"),
            },
            p.loc,
        )),
        PatternKind::Or(alts) => alts.last().and_then(irrefutable),
        _ => None,
    }
}

/// In every or-pattern inside `p`, only the last alternative may always match (CPython's
/// compile-time check).
fn check_or_alternatives(p: &Pattern) -> PResult<()> {
    let mut stack = alloc::vec![p];
    while let Some(p) = stack.pop() {
        match &p.kind {
            PatternKind::Or(alts) => {
                for (i, a) in alts.iter().enumerate() {
                    if i + 1 < alts.len() {
                        if let Some((msg, loc)) = irrefutable(a) {
                            return Err(SyntaxError {
                                msg,
                                line: loc.line,
                                col: loc.col + 1,
                                kind: SyntaxErrorKind::Syntax,
                                incomplete: false,
                            });
                        }
                    }
                    stack.push(a);
                }
            }
            PatternKind::Sequence(ps) => stack.extend(ps.iter()),
            PatternKind::Mapping { patterns, .. } => stack.extend(patterns.iter()),
            PatternKind::Class {
                patterns,
                kwd_patterns,
                ..
            } => stack.extend(patterns.iter().chain(kwd_patterns.iter())),
            PatternKind::As {
                pattern: Some(q), ..
            } => stack.push(q),
            _ => {}
        }
    }
    Ok(())
}

fn flush_pending(parts: &mut Vec<Expr>, pending: &mut String, loc: Loc) {
    if !pending.is_empty() {
        parts.push(mk(
            loc,
            ExprKind::Constant(Constant::Str(core::mem::take(pending))),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;

    fn d_args(a: &Arguments) -> String {
        let mut parts: Vec<String> = Vec::new();
        let n_pos = a.posonlyargs.len() + a.args.len();
        let first_default = n_pos.saturating_sub(a.defaults.len());
        for (i, arg) in a.posonlyargs.iter().chain(a.args.iter()).enumerate() {
            let mut s = arg.name.clone();
            if let Some(an) = &arg.annotation {
                s = format!("{}:{}", s, d(an));
            }
            if i >= first_default {
                s = format!("{}={}", s, d(&a.defaults[i - first_default]));
            }
            parts.push(s);
            if i + 1 == a.posonlyargs.len() {
                parts.push(String::from("/"));
            }
        }
        if let Some(v) = &a.vararg {
            parts.push(format!("*{}", v.name));
        } else if !a.kwonlyargs.is_empty() {
            parts.push(String::from("*"));
        }
        for (arg, def) in a.kwonlyargs.iter().zip(a.kw_defaults.iter()) {
            parts.push(match def {
                Some(x) => format!("{}={}", arg.name, d(x)),
                None => arg.name.clone(),
            });
        }
        if let Some(k) = &a.kwarg {
            parts.push(format!("**{}", k.name));
        }
        format!("({})", parts.join(" "))
    }

    fn d_opt(e: &Option<Box<Expr>>) -> String {
        e.as_ref().map_or(String::from("_"), |x| d(x))
    }

    fn d_list(es: &[Expr]) -> String {
        es.iter().map(d).collect::<Vec<_>>().join(" ")
    }

    fn d_gens(gens: &[Comprehension]) -> String {
        gens.iter()
            .map(|g| {
                let mut s = format!(
                    "({}for {} {}",
                    if g.is_async { "async " } else { "" },
                    d(&g.target),
                    d(&g.iter)
                );
                for c in &g.ifs {
                    s.push_str(&format!(" (if {})", d(c)));
                }
                s.push(')');
                s
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn binop(op: BinOp) -> &'static str {
        match op {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mult => "*",
            BinOp::MatMult => "@",
            BinOp::Div => "/",
            BinOp::Mod => "%",
            BinOp::Pow => "**",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::BitOr => "|",
            BinOp::BitXor => "^",
            BinOp::BitAnd => "&",
            BinOp::FloorDiv => "//",
        }
    }

    fn d(e: &Expr) -> String {
        match &e.kind {
            ExprKind::BoolOp { op, values } => {
                format!(
                    "({} {})",
                    if *op == BoolOpKind::And { "and" } else { "or" },
                    d_list(values)
                )
            }
            ExprKind::NamedExpr { target, value } => format!("(:= {} {})", d(target), d(value)),
            ExprKind::BinOp { left, op, right } => {
                format!("({} {} {})", binop(*op), d(left), d(right))
            }
            ExprKind::UnaryOp { op, operand } => {
                let o = match op {
                    UnaryOpKind::Invert => "~",
                    UnaryOpKind::Not => "not",
                    UnaryOpKind::UAdd => "pos",
                    UnaryOpKind::USub => "neg",
                };
                format!("({} {})", o, d(operand))
            }
            ExprKind::Lambda { args, body } => format!("(lambda {} {})", d_args(args), d(body)),
            ExprKind::IfExp { test, body, orelse } => {
                format!("(if {} {} {})", d(test), d(body), d(orelse))
            }
            ExprKind::Dict { keys, values } => {
                let items: Vec<String> = keys
                    .iter()
                    .zip(values.iter())
                    .map(|(k, v)| match k {
                        Some(k) => format!("{}:{}", d(k), d(v)),
                        None => format!("**{}", d(v)),
                    })
                    .collect();
                format!("{{dict {}}}", items.join(" "))
            }
            ExprKind::Set(es) => format!("{{set {}}}", d_list(es)),
            ExprKind::ListComp { elt, generators } => {
                format!("(listcomp {} {})", d(elt), d_gens(generators))
            }
            ExprKind::SetComp { elt, generators } => {
                format!("(setcomp {} {})", d(elt), d_gens(generators))
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => {
                format!("(dictcomp {}:{} {})", d(key), d(value), d_gens(generators))
            }
            ExprKind::GeneratorExp { elt, generators } => {
                format!("(genexp {} {})", d(elt), d_gens(generators))
            }
            ExprKind::Await(v) => format!("(await {})", d(v)),
            ExprKind::Yield(v) => format!("(yield {})", d_opt(v)),
            ExprKind::YieldFrom(v) => format!("(yieldfrom {})", d(v)),
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => {
                let mut s = format!("(cmp {}", d(left));
                for (op, c) in ops.iter().zip(comparators.iter()) {
                    let o = match op {
                        CmpOp::Eq => "==",
                        CmpOp::NotEq => "!=",
                        CmpOp::Lt => "<",
                        CmpOp::LtE => "<=",
                        CmpOp::Gt => ">",
                        CmpOp::GtE => ">=",
                        CmpOp::Is => "is",
                        CmpOp::IsNot => "isnot",
                        CmpOp::In => "in",
                        CmpOp::NotIn => "notin",
                    };
                    s.push_str(&format!(" {} {}", o, d(c)));
                }
                s.push(')');
                s
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                let mut s = format!("(call {}", d(func));
                for a in args {
                    s.push(' ');
                    s.push_str(&d(a));
                }
                for k in keywords {
                    match &k.name {
                        Some(n) => s.push_str(&format!(" {}={}", n, d(&k.value))),
                        None => s.push_str(&format!(" **{}", d(&k.value))),
                    }
                }
                s.push(')');
                s
            }
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => {
                let mut s = format!("(fv {}", d(value));
                if let Some(c) = conversion {
                    s.push_str(&format!(" !{}", c));
                }
                if let Some(f) = format_spec {
                    s.push_str(&format!(" :{}", d(f)));
                }
                s.push(')');
                s
            }
            ExprKind::JoinedStr(parts) => format!("(f {})", d_list(parts)),
            ExprKind::Constant(c) => match c {
                Constant::None => String::from("None"),
                Constant::Bool(b) => String::from(if *b { "True" } else { "False" }),
                Constant::Int(i) => i.to_string(),
                Constant::BigInt(s) => format!("big:{}", s),
                Constant::Float(f) => format!("{:?}", f),
                Constant::Imag(f) => format!("{:?}j", f),
                Constant::Str(s) => format!("{:?}", s),
                Constant::Bytes(b) => format!("b{:?}", b),
                Constant::Ellipsis => String::from("..."),
            },
            ExprKind::Attribute { value, attr } => format!("{}.{}", d(value), attr),
            ExprKind::Subscript { value, slice } => format!("{}[{}]", d(value), d(slice)),
            ExprKind::Starred(v) => format!("*{}", d(v)),
            ExprKind::Name(n) => n.clone(),
            ExprKind::List(es) => format!("[{}]", d_list(es)),
            ExprKind::Tuple(es) => format!("(tuple {})", d_list(es)),
            ExprKind::Slice { lower, upper, step } => {
                format!("(slice {} {} {})", d_opt(lower), d_opt(upper), d_opt(step))
            }
        }
    }

    fn d_pat(p: &Pattern) -> String {
        match &p.kind {
            PatternKind::Value(e) => format!("(val {})", d(e)),
            PatternKind::Singleton(e) => format!("(single {})", d(e)),
            PatternKind::Sequence(ps) => {
                format!("[{}]", ps.iter().map(d_pat).collect::<Vec<_>>().join(" "))
            }
            PatternKind::Mapping {
                keys,
                patterns,
                rest,
            } => {
                let mut items: Vec<String> = keys
                    .iter()
                    .zip(patterns.iter())
                    .map(|(k, p)| format!("{}:{}", d(k), d_pat(p)))
                    .collect();
                if let Some(r) = rest {
                    items.push(format!("**{}", r));
                }
                format!("{{{}}}", items.join(" "))
            }
            PatternKind::Class {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => {
                let mut items: Vec<String> = patterns.iter().map(d_pat).collect();
                for (a, p) in kwd_attrs.iter().zip(kwd_patterns.iter()) {
                    items.push(format!("{}={}", a, d_pat(p)));
                }
                format!("(cls {} {})", d(cls), items.join(" "))
            }
            PatternKind::Star(n) => format!("*{}", n.as_deref().unwrap_or("_")),
            PatternKind::As { pattern, name } => match (pattern, name) {
                (None, None) => String::from("_"),
                (None, Some(n)) => format!("(cap {})", n),
                (Some(p), n) => format!("(as {} {})", d_pat(p), n.as_deref().unwrap_or("_")),
            },
            PatternKind::Or(ps) => format!(
                "(or {})",
                ps.iter().map(d_pat).collect::<Vec<_>>().join(" ")
            ),
        }
    }

    fn d_body(b: &[Stmt]) -> String {
        format!("[{}]", b.iter().map(ds).collect::<Vec<_>>().join("; "))
    }

    fn ds(s: &Stmt) -> String {
        match &s.kind {
            StmtKind::Expr(e) => d(e),
            StmtKind::Assign { targets, value } => format!("(= {} {})", d_list(targets), d(value)),
            StmtKind::AugAssign { target, op, value } => {
                format!("({}= {} {})", binop(*op), d(target), d(value))
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => format!(
                "(ann{} {} {} {})",
                if *simple { "" } else { "!" },
                d(target),
                d(annotation),
                value.as_ref().map_or(String::from("_"), d)
            ),
            StmtKind::If { test, body, orelse } => {
                format!("(if {} {} {})", d(test), d_body(body), d_body(orelse))
            }
            StmtKind::While { test, body, orelse } => {
                format!("(while {} {} {})", d(test), d_body(body), d_body(orelse))
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            } => format!(
                "({}for {} {} {} {})",
                if *is_async { "async " } else { "" },
                d(target),
                d(iter),
                d_body(body),
                d_body(orelse)
            ),
            StmtKind::Break => String::from("break"),
            StmtKind::Continue => String::from("continue"),
            StmtKind::Pass => String::from("pass"),
            StmtKind::FunctionDef(f) => {
                let decos = if f.decorators.is_empty() {
                    String::new()
                } else {
                    format!("@[{}] ", d_list(&f.decorators))
                };
                let ret = f
                    .returns
                    .as_ref()
                    .map_or(String::new(), |r| format!(" -> {}", d(r)));
                format!(
                    "({}{}def {}{}{} {})",
                    decos,
                    if f.is_async { "async " } else { "" },
                    f.name,
                    d_args(&f.args),
                    ret,
                    d_body(&f.body)
                )
            }
            StmtKind::ClassDef(c) => {
                let mut bases: Vec<String> = c.bases.iter().map(d).collect();
                for k in &c.keywords {
                    bases.push(format!(
                        "{}={}",
                        k.name.as_deref().unwrap_or("**"),
                        d(&k.value)
                    ));
                }
                let decos = if c.decorators.is_empty() {
                    String::new()
                } else {
                    format!("@[{}] ", d_list(&c.decorators))
                };
                format!(
                    "({}class {}({}) {})",
                    decos,
                    c.name,
                    bases.join(" "),
                    d_body(&c.body)
                )
            }
            StmtKind::Return(v) => format!("(return {})", v.as_ref().map_or(String::from("_"), d)),
            StmtKind::Delete(ts) => format!("(del {})", d_list(ts)),
            StmtKind::Raise { exc, cause } => format!(
                "(raise {} {})",
                exc.as_ref().map_or(String::from("_"), d),
                cause.as_ref().map_or(String::from("_"), d)
            ),
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                let hs: Vec<String> = handlers
                    .iter()
                    .map(|h| {
                        format!(
                            "(except {} {} {})",
                            h.typ.as_ref().map_or(String::from("_"), d),
                            h.name.as_deref().unwrap_or("_"),
                            d_body(&h.body)
                        )
                    })
                    .collect();
                format!(
                    "(try {} {} {} {})",
                    d_body(body),
                    hs.join(" "),
                    d_body(orelse),
                    d_body(finalbody)
                )
            }
            StmtKind::With {
                items,
                body,
                is_async,
            } => {
                let its: Vec<String> = items
                    .iter()
                    .map(|i| match &i.optional_vars {
                        Some(v) => format!("{} as {}", d(&i.context_expr), d(v)),
                        None => d(&i.context_expr),
                    })
                    .collect();
                format!(
                    "({}with [{}] {})",
                    if *is_async { "async " } else { "" },
                    its.join(", "),
                    d_body(body)
                )
            }
            StmtKind::Assert { test, msg } => format!(
                "(assert {} {})",
                d(test),
                msg.as_ref().map_or(String::from("_"), d)
            ),
            StmtKind::Import(names) => format!("(import {})", d_aliases(names)),
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => {
                format!(
                    "(from {} {} {})",
                    level,
                    module.as_deref().unwrap_or("_"),
                    d_aliases(names)
                )
            }
            StmtKind::Global(ns) => format!("(global {})", ns.join(" ")),
            StmtKind::Nonlocal(ns) => format!("(nonlocal {})", ns.join(" ")),
            StmtKind::Match { subject, cases } => {
                let cs: Vec<String> = cases
                    .iter()
                    .map(|c| {
                        format!(
                            "(case {}{} {})",
                            d_pat(&c.pattern),
                            c.guard
                                .as_ref()
                                .map_or(String::new(), |g| format!(" if {}", d(g))),
                            d_body(&c.body)
                        )
                    })
                    .collect();
                format!("(match {} {})", d(subject), cs.join(" "))
            }
        }
    }

    fn d_aliases(names: &[Alias]) -> String {
        names
            .iter()
            .map(|a| match &a.asname {
                Some(n) => format!("{} as {}", a.name, n),
                None => a.name.clone(),
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Parse statements and dump them separated by "; ".
    fn p(src: &str) -> String {
        match parse(src, Mode::Exec) {
            Ok(m) => m.body.iter().map(ds).collect::<Vec<_>>().join("; "),
            Err(e) => panic!(
                "parse error for {:?}: {} at {}:{}",
                src, e.msg, e.line, e.col
            ),
        }
    }

    /// Parse one expression (eval mode) and dump it.
    fn ex(src: &str) -> String {
        match parse(src, Mode::Eval) {
            Ok(m) => match &m.body[0].kind {
                StmtKind::Expr(e) => d(e),
                _ => unreachable!(),
            },
            Err(e) => panic!(
                "parse error for {:?}: {} at {}:{}",
                src, e.msg, e.line, e.col
            ),
        }
    }

    fn err(src: &str) -> SyntaxError {
        match parse(src, Mode::Exec) {
            Ok(m) => panic!("expected an error for {:?}, got {}", src, d_body(&m.body)),
            Err(e) => e,
        }
    }

    fn msg(src: &str) -> String {
        err(src).msg
    }

    #[test]
    fn precedence() {
        assert_eq!(ex("1 + 2 * 3"), "(+ 1 (* 2 3))");
        assert_eq!(ex("-2**2"), "(neg (** 2 2))");
        assert_eq!(ex("2**-1"), "(** 2 (neg 1))");
        assert_eq!(ex("2**3**2"), "(** 2 (** 3 2))");
        assert_eq!(
            ex("a | b ^ c & d << e + f * g"),
            "(| a (^ b (& c (<< d (+ e (* f g))))))"
        );
        assert_eq!(ex("a - b - c"), "(- (- a b) c)");
        assert_eq!(
            ex("not a == b and c or d"),
            "(or (and (not (cmp a == b)) c) d)"
        );
        assert_eq!(
            ex("a < b <= c is not d not in e in f is g != h"),
            "(cmp a < b <= c isnot d notin e in f is g != h)"
        );
        assert_eq!(ex("x if y else z if w else v"), "(if y x (if w z v))");
        assert_eq!(
            ex("lambda x, *y, z=1, **k: x + 1"),
            "(lambda (x *y z=1 **k) (+ x 1))"
        );
        assert_eq!(ex("lambda: 0"), "(lambda () 0)");
        assert_eq!(ex("await x ** 2"), "(** (await x) 2)");
        assert_eq!(ex("~a @ b // c % d"), "(% (// (@ (~ a) b) c) d)");
        assert_eq!(ex("  1, 2,\n\n"), "(tuple 1 2)");
        assert_eq!(ex("a.b(c)[d].e"), "(call a.b c)[d].e");
    }

    #[test]
    fn atoms_and_displays() {
        assert_eq!(ex("(1)"), "1");
        assert_eq!(ex("(1,)"), "(tuple 1)");
        assert_eq!(ex("()"), "(tuple )");
        assert_eq!(ex("[1, *a, 2,]"), "[1 *a 2]");
        assert_eq!(ex("{1, 2}"), "{set 1 2}");
        assert_eq!(ex("{}"), "{dict }");
        assert_eq!(ex("{'a': 1, **b, 'c': 2}"), "{dict \"a\":1 **b \"c\":2}");
        assert_eq!(
            ex("[x for x in y if x if z for w in x]"),
            "(listcomp x (for x y (if x) (if z)) (for w x))"
        );
        assert_eq!(
            ex("{k: v for k, v in d}"),
            "(dictcomp k:v (for (tuple k v) d))"
        );
        assert_eq!(ex("{x async for x in y}"), "(setcomp x (async for x y))");
        assert_eq!(ex("(x for x in y)"), "(genexp x (for x y))");
        assert_eq!(ex("f(x for x in y)"), "(call f (genexp x (for x y)))");
        assert_eq!(ex("f(a, *b, c=1, **d)"), "(call f a *b c=1 **d)");
        assert_eq!(ex("f(a,)"), "(call f a)");
        assert_eq!(ex("a[1:2, ::3]"), "a[(tuple (slice 1 2 _) (slice _ _ 3))]");
        assert_eq!(ex("a[:]"), "a[(slice _ _ _)]");
        assert_eq!(ex("a[1:]"), "a[(slice 1 _ _)]");
        assert_eq!(ex("a[1,]"), "a[(tuple 1)]");
        assert_eq!(ex("a[*b]"), "a[(tuple *b)]");
        assert_eq!(ex("..."), "...");
        assert_eq!(ex("None, True, False"), "(tuple None True False)");
        assert_eq!(ex("(y := 5)"), "(:= y 5)");
        assert_eq!(ex("[y := 1, 2]"), "[(:= y 1) 2]");
        assert_eq!(ex("0xFFFFFFFFFFFFFFFF"), "big:18446744073709551615");
        assert_eq!(ex("1.5j + 1e3"), "(+ 1.5j 1000.0)");
    }

    #[test]
    fn strings_and_fstrings() {
        assert_eq!(ex("'a' \"b\"\n"), "\"ab\"");
        assert_eq!(ex("('a'\n 'b')"), "\"ab\"");
        assert_eq!(ex("b'a' b'\\x00'"), "b[97, 0]");
        assert_eq!(ex("r'\\n' '\\n'"), "\"\\\\n\\n\"");
        assert_eq!(ex("f'a{x}b'"), "(f \"a\" (fv x) \"b\")");
        assert_eq!(ex("f'{x!r:>{w}}'"), "(f (fv x !r :(f \">\" (fv w))))");
        assert_eq!(ex("f'{x=}'"), "(f \"x=\" (fv x !r))");
        assert_eq!(ex("f'{x = :5}'"), "(f \"x = \" (fv x :(f \"5\")))");
        assert_eq!(ex("f'{{}}{a[\"k\"]}'"), "(f \"{}\" (fv a[\"k\"]))");
        assert_eq!(ex("'a' f'{b}' 'c'"), "(f \"a\" (fv b) \"c\")");
        assert_eq!(ex("f''"), "(f )");
        assert_eq!(
            ex("f'{(lambda x: x)(1)}'"),
            "(f (fv (call (lambda (x) x) 1)))"
        );
        assert_eq!(ex("f'{ {1: 2}[1] }'"), "(f (fv {dict 1:2}[1]))");
        assert_eq!(ex("f'''{\nx\n+ 1}'''"), "(f (fv (+ x 1)))");
        assert_eq!(
            ex("f'{a!s}{b!a}{x == y}{x != y}'"),
            "(f (fv a !s) (fv b !a) (fv (cmp x == y)) (fv (cmp x != y)))"
        );
        assert_eq!(
            ex("f'\\N{BULLET} {x:%H:%M}'"),
            "(f \"• \" (fv x :(f \"%H:%M\")))"
        );
        assert_eq!(ex("rf'\\d{x}'"), "(f \"\\\\d\" (fv x))");
        assert_eq!(ex("f'{1,2}'"), "(f (fv (tuple 1 2)))");
        assert_eq!(
            parse("f'{}'", Mode::Eval).unwrap_err().msg,
            "f-string: empty expression not allowed"
        );
        assert_eq!(
            parse("f'{x'", Mode::Eval).unwrap_err().msg,
            "f-string: expecting '}'"
        );
        assert_eq!(
            parse("f'}'", Mode::Eval).unwrap_err().msg,
            "f-string: single '}' is not allowed"
        );
        assert_eq!(
            parse("f'{a b}'", Mode::Eval).unwrap_err().msg,
            "f-string: invalid syntax. Perhaps you forgot a comma?"
        );
        assert_eq!(
            parse("'a' b'b'", Mode::Eval).unwrap_err().msg,
            "cannot mix bytes and nonbytes literals"
        );
        assert!(parse("'\\N{NOT A NAME}'", Mode::Eval)
            .unwrap_err()
            .msg
            .contains("unknown Unicode character name"));
    }

    #[test]
    fn simple_statements() {
        assert_eq!(p("a = b = 1"), "(= a b 1)");
        assert_eq!(p("a, *b = c"), "(= (tuple a *b) c)");
        assert_eq!(p("[a, (b, c)] = x"), "(= [a (tuple b c)] x)");
        assert_eq!(p("x += 1; y //= 2"), "(+= x 1); (//= y 2)");
        assert_eq!(p("x: int = 5"), "(ann x int 5)");
        assert_eq!(p("(x): int"), "(ann! x int _)");
        assert_eq!(p("a.b: int"), "(ann! a.b int _)");
        assert_eq!(p("del a, b[1], c.d"), "(del a b[1] c.d)");
        assert_eq!(p("del (a, b)"), "(del (tuple a b))");
        assert_eq!(p("assert x, 'm'"), "(assert x \"m\")");
        assert_eq!(p("raise E from e"), "(raise E e)");
        assert_eq!(p("raise"), "(raise _ _)");
        assert_eq!(p("return"), "(return _)");
        assert_eq!(p("global a, b"), "(global a b)");
        assert_eq!(p("import a.b as c, d"), "(import a.b as c, d)");
        assert_eq!(p("from ..x import (a, b as c,)"), "(from 2 x a, b as c)");
        assert_eq!(p("from . import x"), "(from 1 _ x)");
        assert_eq!(p("from ...a import *"), "(from 3 a *)");
        assert_eq!(p("x = yield"), "(= x (yield _))");
        assert_eq!(p("yield from g"), "(yieldfrom g)");
        assert_eq!(p("x = *a, b"), "(= x (tuple *a b))");
        assert_eq!(p("return *a, b"), "(return (tuple *a b))");
        assert_eq!(p("pass; break; continue"), "pass; break; continue");
        assert_eq!(p("match = 1\ncase = match"), "(= match 1); (= case match)");
        assert_eq!(p("match(x)\nmatch[1]"), "(call match x); match[1]");
    }

    #[test]
    fn compound_statements() {
        assert_eq!(
            p("if a:\n    b\nelif c:\n    d\nelse:\n    e\n"),
            "(if a [b] [(if c [d] [e])])"
        );
        assert_eq!(p("while x: pass\nelse: y"), "(while x [pass] [y])");
        assert_eq!(
            p("for a, b in c:\n  pass\n"),
            "(for (tuple a b) c [pass] [])"
        );
        assert_eq!(p("for x in *a, b: pass"), "(for x (tuple *a b) [pass] [])");
        assert_eq!(
            p("try:\n a\nexcept (E, F) as e:\n b\nexcept:\n c\nelse:\n d\nfinally:\n e\n"),
            "(try [a] (except (tuple E F) e [b]) (except _ _ [c]) [d] [e])"
        );
        assert_eq!(p("with a as b, c: pass"), "(with [a as b, c] [pass])");
        assert_eq!(
            p("with (a as b, c as d,): pass"),
            "(with [a as b, c as d] [pass])"
        );
        assert_eq!(
            p("with (a, b) as c: pass"),
            "(with [(tuple a b) as c] [pass])"
        );
        assert_eq!(p("with (a): pass"), "(with [a] [pass])");
        assert_eq!(
            p("@d\n@e.f(1)\ndef f(a, /, b=1, *c: int, d, e=2, **k) -> r:\n    return a\n"),
            "(@[d (call e.f 1)] def f(a / b=1 *c d e=2 **k) -> r [(return a)])"
        );
        assert_eq!(p("def f(*, a): pass"), "(def f(* a) [pass])");
        assert_eq!(
            p("async def f():\n    await x\n    async for a in b: pass\n    async with c: pass\n"),
            "(async def f() [(await x); (async for a b [pass] []); (async with [c] [pass])])"
        );
        assert_eq!(
            p("class A(B, metaclass=M):\n    x = 1\n"),
            "(class A(B metaclass=M) [(= x 1)])"
        );
        assert_eq!(p("class A: pass"), "(class A() [pass])");
        assert_eq!(p("if x:\n\n    # c\n    a\n\n    b\n"), "(if x [a; b] [])");
    }

    #[test]
    fn match_statement() {
        let src = "match p:\n    case 1 | -2 | 1+2j: a\n    case [x, *rest]: b\n    case {'k': v, **kw}: c\n    case Point(x=0, y=_) if x > 1: d\n    case (a, b) as t: e\n    case Color.RED: f\n    case None: g\n    case _: h\n";
        assert_eq!(
            p(src),
            "(match p (case (or (val 1) (val (neg 2)) (val (+ 1 2.0j))) [a]) (case [(cap x) *rest] [b]) \
             (case {\"k\":(cap v) **kw} [c]) (case (cls Point x=(val 0) y=_) if (cmp x > 1) [d]) \
             (case (as [(cap a) (cap b)] t) [e]) (case (val Color.RED) [f]) (case (single None) [g]) (case _ [h]))"
        );
        assert_eq!(
            p("match a, b:\n    case x, y: pass\n"),
            "(match (tuple a b) (case [(cap x) (cap y)] [pass]))"
        );
        assert_eq!(
            p("match x:\n case (1): pass\n case (): pass\n case [*_]: pass\n"),
            "(match x (case (val 1) [pass]) (case [] [pass]) (case [*_] [pass]))"
        );
    }

    #[test]
    fn positions() {
        let m = parse("x = 1\nif y:\n    z(a +\n      b)\n", Mode::Exec).unwrap();
        assert_eq!(m.body[0].loc, Loc { line: 1, col: 0 });
        assert_eq!(m.body[1].loc, Loc { line: 2, col: 0 });
        let StmtKind::If { body, .. } = &m.body[1].kind else {
            panic!()
        };
        assert_eq!(body[0].loc, Loc { line: 3, col: 4 });
        let StmtKind::Expr(Expr {
            kind: ExprKind::Call { args, .. },
            ..
        }) = &body[0].kind
        else {
            panic!()
        };
        assert_eq!(args[0].loc, Loc { line: 3, col: 6 });
        let ExprKind::BinOp { right, .. } = &args[0].kind else {
            panic!()
        };
        assert_eq!(right.loc, Loc { line: 4, col: 6 });
    }

    #[test]
    fn error_messages() {
        assert_eq!(
            msg("1 = x"),
            "cannot assign to literal here. Maybe you meant '==' instead of '='?"
        );
        assert_eq!(
            msg("f() = 1"),
            "cannot assign to function call here. Maybe you meant '==' instead of '='?"
        );
        assert_eq!(msg("(a, 1) = x"), "cannot assign to literal");
        assert_eq!(msg("True = 1"), "cannot assign to True");
        assert_eq!(msg("del 1"), "cannot delete literal");
        assert_eq!(msg("del f()"), "cannot delete function call");
        assert_eq!(msg("for 1 in x: pass"), "cannot assign to literal");
        assert_eq!(msg("with a as f(): pass"), "cannot assign to function call");
        assert_eq!(msg("[x for 1 in y]"), "cannot assign to literal");
        assert_eq!(
            msg("*a = 1"),
            "starred assignment target must be in a list or tuple"
        );
        assert_eq!(msg("*a"), "can't use starred expression here");
        assert_eq!(msg("x = *a"), "can't use starred expression here");
        assert_eq!(msg("print((*a))"), "cannot use starred expression here");
        assert_eq!(
            msg("f() += 1"),
            "'function call' is an illegal expression for augmented assignment"
        );
        assert_eq!(
            msg("a, b += 1"),
            "'tuple' is an illegal expression for augmented assignment"
        );
        assert_eq!(
            msg("a, b: int"),
            "only single target (not tuple) can be annotated"
        );
        assert_eq!(
            msg("def f(x, x): pass"),
            "duplicate argument 'x' in function definition"
        );
        assert_eq!(
            msg("def f(x=1, y): pass"),
            "non-default argument follows default argument"
        );
        assert_eq!(
            msg("lambda x=1, y: 0"),
            "non-default argument follows default argument"
        );
        assert_eq!(msg("def f(*): pass"), "named arguments must follow bare *");
        assert_eq!(msg("f(x=1, x=2)"), "keyword argument repeated: x");
        assert_eq!(
            msg("f(x=1, 2)"),
            "positional argument follows keyword argument"
        );
        assert_eq!(
            msg("f(**k, 2)"),
            "positional argument follows keyword argument unpacking"
        );
        assert_eq!(
            msg("f(a.b=1)"),
            "expression cannot contain assignment, perhaps you meant \"==\"?"
        );
        assert_eq!(
            msg("f(x for x in y, 1)"),
            "Generator expression must be parenthesized"
        );
        assert_eq!(
            msg("(1 := 2)"),
            "cannot use assignment expressions with literal"
        );
        assert_eq!(msg("x = 1 +"), "invalid syntax");
        assert_eq!(msg("if x\n    pass"), "expected ':'");
        assert_eq!(
            msg("if x = 1: pass"),
            "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"
        );
        assert_eq!(msg("f(a b)"), "invalid syntax. Perhaps you forgot a comma?");
        assert_eq!(
            msg("print 'x'"),
            "Missing parentheses in call to 'print'. Did you mean print(...)?"
        );
        assert_eq!(
            msg("try:\n    pass\nx = 1"),
            "expected 'except' or 'finally' block"
        );
        assert_eq!(
            msg("try:\n pass\nexcept* E:\n pass"),
            "except* (exception groups) is not supported"
        );
        assert_eq!(msg("x = (1,\n 2"), "'(' was never closed");
        assert_eq!(msg("x = 1)"), "unmatched ')'");
        assert_eq!(
            msg("x = 'abc"),
            "unterminated string literal (detected at line 1)"
        );
        assert_eq!(msg("x = 1€"), "invalid character '€' (U+20AC)");
        assert_eq!(msg("x = 1a"), "invalid decimal literal");
        assert_eq!(msg("x = 012"), "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
        assert_eq!(msg("a if b"), "expected 'else' after 'if' expression");

        let e = err("x = 1\n  y = 2\n");
        assert_eq!(
            (e.msg.as_str(), e.kind, e.line),
            ("unexpected indent", SyntaxErrorKind::Indentation, 2)
        );
        let e = err("if x:\ny = 2\n");
        assert_eq!(
            e.msg,
            "expected an indented block after 'if' statement on line 1"
        );
        assert_eq!(
            (e.kind, e.line, e.incomplete),
            (SyntaxErrorKind::Indentation, 2, false)
        );
        let e = err("def f():\n");
        assert_eq!(
            e.msg,
            "expected an indented block after function definition on line 1"
        );
        assert!(e.incomplete);
        let e = err("x = 1\ny = (2 +\n");
        assert!(e.incomplete);
        assert_eq!((e.line, e.col), (2, 5));
        let e = err("a = 1\nb = 2 +* 3\n");
        assert_eq!((e.msg.as_str(), e.line, e.col), ("invalid syntax", 2, 8));
    }

    #[test]
    fn single_mode_incomplete() {
        let inc = |s: &str| match parse(s, Mode::Single) {
            Ok(_) => false,
            Err(e) => e.incomplete,
        };
        assert!(inc("if x:\n"));
        assert!(inc("if x:\n    pass\n"));
        assert!(!inc("if x:\n    pass\n\n"));
        assert!(inc("x = (1,\n"));
        assert!(inc("s = '''abc\n"));
        assert!(inc("x = 1 + \\\n"));
        assert!(inc("@dec\n"));
        assert!(!inc("x = 1\n"));
        assert!(!inc("x = \n"));
        assert!(parse("x = 1\n", Mode::Single).is_ok());
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let mut s = String::new();
        for _ in 0..1000 {
            s.push('(');
        }
        assert_eq!(
            parse(&s, Mode::Exec).unwrap_err().msg,
            "too many nested parentheses"
        );
        let s = "-".repeat(100_000) + "1";
        assert_eq!(
            parse(&s, Mode::Exec).unwrap_err().msg,
            "too many nested parentheses"
        );
        let s = "not ".repeat(10_000) + "1";
        assert!(parse(&s, Mode::Exec).is_err());
        let s = "lambda: ".repeat(10_000) + "1";
        assert!(parse(&s, Mode::Exec).is_err());
        let s = "f'{".repeat(100) + "1" + &"}'".repeat(100);
        assert!(parse(&s, Mode::Exec).is_err());
        // 50 nested brackets of mixed kinds are fine.
        let mut s = String::new();
        for i in 0..50 {
            s.push(['(', '[', '{'][i % 3]);
        }
        s.push('1');
        for i in (0..50).rev() {
            s.push([')', ']', '}'][i % 3]);
        }
        assert!(parse(&s, Mode::Eval).is_ok());
        let mut s = String::new();
        for i in 0..150 {
            s.push_str(&" ".repeat(i));
            s.push_str("if x:\n");
        }
        assert!(parse(&s, Mode::Exec).is_err());
        let s = String::from("if a: pass\n") + &"elif b: pass\n".repeat(5000);
        assert!(parse(&s, Mode::Exec).is_err());
        let s = "x = ".to_string() + &"a + ".repeat(900) + "1";
        assert!(parse(&s, Mode::Exec).is_ok());
        let s = "x = ".to_string() + &"a + ".repeat(100_000) + "1";
        assert_eq!(
            parse(&s, Mode::Exec).unwrap_err().msg,
            "maximum recursion depth exceeded during compilation"
        );
        let s = "x = a".to_string() + &".b".repeat(100_000);
        assert!(parse(&s, Mode::Exec).is_err());
    }

    #[test]
    fn fuzz_no_panic() {
        let seeds = [
            "def f(a, /, b=1, *c, d, **e) -> int:\n    return [x async for x in y if x]\n",
            "class A(B, metaclass=M):\n    @property\n    def x(self): return f'{self.y!r:>{w}}'\n",
            "match p:\n    case [1, *r] | {'k': v, **kw} | C(a, b=2) as z if z: pass\n    case _: pass\n",
            "try:\n    x = (yield from g)\nexcept (A, B) as e:\n    raise C from e\nfinally:\n    del a[1:2, ::3]\n",
            "with (open(a) as f, open(b) as g):\n    lambda *a, **k: (a, k)\n    x: int = 0x_ff + 1_0.5e-3j\n",
            "s = '''abc\\\n''' + rb'\\x00' + u'\\N{EM DASH}' + f\"{x=}\" \n",
            "if a:\n\tb\nelif c:\n    d\nelse:\n  e\nwhile 1: break\n",
            "x = {1: 2, **d, 3: [4, *y]}; y = {a for a in b}; z = a if b else c; w = not a or b and c\n",
        ];
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut rng = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let alphabet = b"()[]{}:;,.'\"\\\n\t #=+-*/%@&|^~<>!0123456789abcfjrxeJ_ifdefclassmatchcaselambdayield\xe2\x82\xac";
        for seed in seeds {
            for mode in [Mode::Exec, Mode::Eval, Mode::Single] {
                let _ = parse(seed, mode);
            }
            for i in 0..=seed.len() {
                if let Some(t) = seed.get(..i) {
                    let _ = parse(t, Mode::Exec);
                    let _ = parse(t, Mode::Single);
                }
            }
            for _ in 0..600 {
                let mut bytes = seed.as_bytes().to_vec();
                let edits = 1 + rng() % 4;
                for _ in 0..edits {
                    let pos = (rng() as usize) % (bytes.len() + 1);
                    match rng() % 3 {
                        0 if pos < bytes.len() => {
                            bytes.remove(pos);
                        }
                        1 => bytes.insert(pos, alphabet[(rng() as usize) % alphabet.len()]),
                        _ => {
                            let other = (rng() as usize) % (bytes.len() + 1);
                            if other < bytes.len() && pos < bytes.len() {
                                bytes.swap(pos, other);
                            }
                        }
                    }
                }
                let text = String::from_utf8_lossy(&bytes);
                let mode = [Mode::Exec, Mode::Eval, Mode::Single][(rng() % 3) as usize];
                let _ = parse(&text, mode);
            }
        }
    }

    #[test]
    fn parse_speed_smoke() {
        let mut src = String::new();
        while src.len() < 1 << 20 {
            src.push_str("def f(a, b=1, *c):\n    x = [i * 2 for i in range(a) if i % 3]\n    return a + b * 3.5 - 'str\\n' # c\n");
        }
        let m = parse(&src, Mode::Exec).unwrap();
        assert!(m.body.len() > 5000);
    }
}

#[cfg(test)]
mod corpus {
    //! `CORPUS_LIST=files.txt CORPUS_OUT=out.txt cargo test corpus -- --ignored`: writes a signature
    //! (kind, line, col of every statement and expression) per file, to compare with CPython's ast.
    extern crate std;
    use super::*;
    use std::io::Write;

    fn e_name(e: &ExprKind) -> &'static str {
        match e {
            ExprKind::BoolOp { .. } => "BoolOp",
            ExprKind::NamedExpr { .. } => "NamedExpr",
            ExprKind::BinOp { .. } => "BinOp",
            ExprKind::UnaryOp { .. } => "UnaryOp",
            ExprKind::Lambda { .. } => "Lambda",
            ExprKind::IfExp { .. } => "IfExp",
            ExprKind::Dict { .. } => "Dict",
            ExprKind::Set(_) => "Set",
            ExprKind::ListComp { .. } => "ListComp",
            ExprKind::SetComp { .. } => "SetComp",
            ExprKind::DictComp { .. } => "DictComp",
            ExprKind::GeneratorExp { .. } => "GeneratorExp",
            ExprKind::Await(_) => "Await",
            ExprKind::Yield(_) => "Yield",
            ExprKind::YieldFrom(_) => "YieldFrom",
            ExprKind::Compare { .. } => "Compare",
            ExprKind::Call { .. } => "Call",
            ExprKind::FormattedValue { .. } => "FormattedValue",
            ExprKind::JoinedStr(_) => "JoinedStr",
            ExprKind::Constant(_) => "Constant",
            ExprKind::Attribute { .. } => "Attribute",
            ExprKind::Subscript { .. } => "Subscript",
            ExprKind::Starred(_) => "Starred",
            ExprKind::Name(_) => "Name",
            ExprKind::List(_) => "List",
            ExprKind::Tuple(_) => "Tuple",
            ExprKind::Slice { .. } => "Slice",
        }
    }

    fn args(a: &Arguments, out: &mut Vec<String>) {
        for arg in a
            .posonlyargs
            .iter()
            .chain(&a.args)
            .chain(&a.vararg)
            .chain(&a.kwonlyargs)
            .chain(&a.kwarg)
        {
            if let Some(an) = &arg.annotation {
                ex(an, out);
            }
        }
        for d in &a.defaults {
            ex(d, out);
        }
        for d in a.kw_defaults.iter().flatten() {
            ex(d, out);
        }
    }

    fn gens(g: &[Comprehension], out: &mut Vec<String>) {
        for c in g {
            ex(&c.target, out);
            ex(&c.iter, out);
            for i in &c.ifs {
                ex(i, out);
            }
        }
    }

    fn ex(e: &Expr, out: &mut Vec<String>) {
        out.push(std::format!(
            "{} {} {}",
            e_name(&e.kind),
            e.loc.line,
            e.loc.col
        ));
        match &e.kind {
            ExprKind::BoolOp { values, .. } => values.iter().for_each(|v| ex(v, out)),
            ExprKind::NamedExpr { target, value } => {
                ex(target, out);
                ex(value, out)
            }
            ExprKind::BinOp { left, right, .. } => {
                ex(left, out);
                ex(right, out)
            }
            ExprKind::UnaryOp { operand, .. } => ex(operand, out),
            ExprKind::Lambda { args: a, body } => {
                args(a, out);
                ex(body, out)
            }
            ExprKind::IfExp { test, body, orelse } => {
                ex(test, out);
                ex(body, out);
                ex(orelse, out)
            }
            ExprKind::Dict { keys, values } => {
                keys.iter().flatten().for_each(|v| ex(v, out));
                values.iter().for_each(|v| ex(v, out))
            }
            ExprKind::Set(v) | ExprKind::List(v) | ExprKind::Tuple(v) => {
                v.iter().for_each(|v| ex(v, out))
            }
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => {
                ex(elt, out);
                gens(generators, out)
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => {
                ex(key, out);
                ex(value, out);
                gens(generators, out)
            }
            ExprKind::Await(v) | ExprKind::YieldFrom(v) | ExprKind::Starred(v) => ex(v, out),
            ExprKind::Yield(v) => v.iter().for_each(|v| ex(v, out)),
            ExprKind::Compare {
                left, comparators, ..
            } => {
                ex(left, out);
                comparators.iter().for_each(|v| ex(v, out))
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                ex(func, out);
                args.iter().for_each(|v| ex(v, out));
                keywords.iter().for_each(|k| ex(&k.value, out))
            }
            ExprKind::FormattedValue { .. }
            | ExprKind::JoinedStr(_)
            | ExprKind::Constant(_)
            | ExprKind::Name(_) => {}
            ExprKind::Attribute { value, .. } => ex(value, out),
            ExprKind::Subscript { value, slice } => {
                ex(value, out);
                ex(slice, out)
            }
            ExprKind::Slice { lower, upper, step } => {
                for v in [lower, upper, step].into_iter().flatten() {
                    ex(v, out)
                }
            }
        }
    }

    fn st(s: &Stmt, out: &mut Vec<String>) {
        let name = match &s.kind {
            StmtKind::Expr(_) => "Expr",
            StmtKind::Assign { .. } => "Assign",
            StmtKind::AugAssign { .. } => "AugAssign",
            StmtKind::AnnAssign { .. } => "AnnAssign",
            StmtKind::If { .. } => "If",
            StmtKind::While { .. } => "While",
            StmtKind::For { .. } => "For",
            StmtKind::Break => "Break",
            StmtKind::Continue => "Continue",
            StmtKind::Pass => "Pass",
            StmtKind::FunctionDef(_) => "FunctionDef",
            StmtKind::ClassDef(_) => "ClassDef",
            StmtKind::Return(_) => "Return",
            StmtKind::Delete(_) => "Delete",
            StmtKind::Raise { .. } => "Raise",
            StmtKind::Try { .. } => "Try",
            StmtKind::With { .. } => "With",
            StmtKind::Assert { .. } => "Assert",
            StmtKind::Import(_) => "Import",
            StmtKind::ImportFrom { .. } => "ImportFrom",
            StmtKind::Global(_) => "Global",
            StmtKind::Nonlocal(_) => "Nonlocal",
            StmtKind::Match { .. } => "Match",
        };
        out.push(std::format!("{} {} {}", name, s.loc.line, s.loc.col));
        let body = |b: &[Stmt], out: &mut Vec<String>| b.iter().for_each(|s| st(s, out));
        match &s.kind {
            StmtKind::Expr(e) => ex(e, out),
            StmtKind::Assign { targets, value } => {
                targets.iter().for_each(|t| ex(t, out));
                ex(value, out)
            }
            StmtKind::AugAssign { target, value, .. } => {
                ex(target, out);
                ex(value, out)
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                ..
            } => {
                ex(target, out);
                ex(annotation, out);
                value.iter().for_each(|v| ex(v, out))
            }
            StmtKind::If {
                test,
                body: b,
                orelse,
            }
            | StmtKind::While {
                test,
                body: b,
                orelse,
            } => {
                ex(test, out);
                body(b, out);
                body(orelse, out)
            }
            StmtKind::For {
                target,
                iter,
                body: b,
                orelse,
                ..
            } => {
                ex(target, out);
                ex(iter, out);
                body(b, out);
                body(orelse, out)
            }
            StmtKind::FunctionDef(f) => {
                f.decorators.iter().for_each(|v| ex(v, out));
                args(&f.args, out);
                f.returns.iter().for_each(|v| ex(v, out));
                body(&f.body, out)
            }
            StmtKind::ClassDef(c) => {
                c.decorators.iter().for_each(|v| ex(v, out));
                c.bases.iter().for_each(|v| ex(v, out));
                c.keywords.iter().for_each(|k| ex(&k.value, out));
                body(&c.body, out)
            }
            StmtKind::Return(v) => v.iter().for_each(|v| ex(v, out)),
            StmtKind::Delete(v) => v.iter().for_each(|v| ex(v, out)),
            StmtKind::Raise { exc, cause } => {
                exc.iter().for_each(|v| ex(v, out));
                cause.iter().for_each(|v| ex(v, out))
            }
            StmtKind::Try {
                body: b,
                handlers,
                orelse,
                finalbody,
            } => {
                body(b, out);
                for h in handlers {
                    h.typ.iter().for_each(|v| ex(v, out));
                    body(&h.body, out)
                }
                body(orelse, out);
                body(finalbody, out)
            }
            StmtKind::With { items, body: b, .. } => {
                for i in items {
                    ex(&i.context_expr, out);
                    i.optional_vars.iter().for_each(|v| ex(v, out))
                }
                body(b, out)
            }
            StmtKind::Assert { test, msg } => {
                ex(test, out);
                msg.iter().for_each(|v| ex(v, out))
            }
            StmtKind::Match { subject, cases } => {
                ex(subject, out);
                for c in cases {
                    c.guard.iter().for_each(|v| ex(v, out));
                    body(&c.body, out)
                }
            }
            _ => {}
        }
    }

    #[test]
    #[ignore]
    fn corpus_signature() {
        let (Ok(list), Ok(out)) = (std::env::var("CORPUS_LIST"), std::env::var("CORPUS_OUT"))
        else {
            return;
        };
        let list = std::fs::read_to_string(list).unwrap();
        let mut outf = std::fs::File::create(out).unwrap();
        for path in list.lines() {
            let Ok(src) = std::fs::read_to_string(path) else {
                continue;
            };
            match parse(&src, Mode::Exec) {
                Ok(m) => {
                    let mut out = Vec::new();
                    m.body.iter().for_each(|s| st(s, &mut out));
                    out.sort();
                    writeln!(outf, "{}\tOK\t{}", path, out.join("|")).unwrap();
                }
                Err(e) => {
                    writeln!(outf, "{}\tERR\t{} at {}:{}", path, e.msg, e.line, e.col).unwrap()
                }
            }
        }
    }
}

#[cfg(test)]
mod error_corpus {
    //! `ERR_LIST=snippets ERR_OUT=out cargo test error_corpus -- --ignored`: snippets separated by NUL
    //! bytes; writes `kind|msg|line|col` per snippet, to compare with CPython's `compile()`.
    extern crate std;
    use super::*;
    use std::io::Write;

    #[test]
    #[ignore]
    fn error_corpus() {
        let (Ok(list), Ok(out)) = (std::env::var("ERR_LIST"), std::env::var("ERR_OUT")) else {
            return;
        };
        let list = std::fs::read_to_string(list).unwrap();
        let mut outf = std::fs::File::create(out).unwrap();
        for src in list.split('\0') {
            let line = match parse(src, Mode::Exec) {
                Ok(_) => String::from("OK"),
                Err(e) => format!("{:?}|{}|{}|{}", e.kind, e.msg, e.line, e.col),
            };
            writeln!(outf, "{}", line).unwrap();
        }
    }
}
