//! The abstract syntax tree produced by the parser and consumed by the compiler.
//!
//! Every statement and expression carries its source position (1-based line, 0-based column) so that
//! the compiler can fill the line table and errors can point at the right place.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

/// A source position: 1-based line and 0-based column (in characters).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Loc {
    /// 1-based line number.
    pub line: u32,
    /// 0-based column.
    pub col: u32,
}

/// An identifier as written in the source.
pub type Ident = String;

/// A whole module (a file, a `-c` string, or one REPL input).
#[derive(Clone, Debug, Default)]
pub struct Module {
    /// The statements of the module.
    pub body: Vec<Stmt>,
}

/// A statement with its position.
#[derive(Clone, Debug)]
pub struct Stmt {
    /// Where the statement starts.
    pub loc: Loc,
    /// What the statement is.
    pub kind: StmtKind,
}

/// The kinds of statement.
#[derive(Clone, Debug)]
pub enum StmtKind {
    /// An expression evaluated for its effect.
    Expr(Expr),
    /// `a = b = value` (several targets share one value).
    Assign {
        /// Targets in source order.
        targets: Vec<Expr>,
        /// The value assigned.
        value: Expr,
    },
    /// `target op= value`.
    AugAssign {
        /// Name, attribute or subscript.
        target: Expr,
        /// The operator.
        op: BinOp,
        /// The right-hand side.
        value: Expr,
    },
    /// `target: annotation [= value]`.
    AnnAssign {
        /// Name, attribute or subscript.
        target: Expr,
        /// The annotation expression.
        annotation: Expr,
        /// The value, if any.
        value: Option<Expr>,
        /// True when the target is a plain name not in parentheses (it is recorded in `__annotations__`).
        simple: bool,
    },
    /// `if test: body elif ...: ... else: orelse` (elif is a nested If in orelse).
    If {
        /// Condition.
        test: Expr,
        /// Body when true.
        body: Vec<Stmt>,
        /// Else branch (may hold a single nested If for elif).
        orelse: Vec<Stmt>,
    },
    /// `while test: body else: orelse`.
    While {
        /// Condition.
        test: Expr,
        /// Loop body.
        body: Vec<Stmt>,
        /// Runs when the loop ends without break.
        orelse: Vec<Stmt>,
    },
    /// `[async] for target in iter: body else: orelse`.
    For {
        /// Loop target.
        target: Expr,
        /// Iterable.
        iter: Expr,
        /// Loop body.
        body: Vec<Stmt>,
        /// Runs when the loop ends without break.
        orelse: Vec<Stmt>,
        /// `async for`.
        is_async: bool,
    },
    /// `break`.
    Break,
    /// `continue`.
    Continue,
    /// `pass`.
    Pass,
    /// `[async] def name(args) -> returns: body` with decorators.
    FunctionDef(Box<FunctionDef>),
    /// `class name(bases, keywords): body` with decorators.
    ClassDef(Box<ClassDef>),
    /// `return [value]`.
    Return(Option<Expr>),
    /// `del targets`.
    Delete(Vec<Expr>),
    /// `raise [exc [from cause]]`.
    Raise {
        /// The exception.
        exc: Option<Expr>,
        /// The `from` cause.
        cause: Option<Expr>,
    },
    /// `try: body except handlers else: orelse finally: finalbody`.
    Try {
        /// The guarded body.
        body: Vec<Stmt>,
        /// Except clauses in order.
        handlers: Vec<ExceptHandler>,
        /// Runs when body raised nothing.
        orelse: Vec<Stmt>,
        /// Always runs.
        finalbody: Vec<Stmt>,
    },
    /// `[async] with items: body`.
    With {
        /// Context managers in order.
        items: Vec<WithItem>,
        /// Body.
        body: Vec<Stmt>,
        /// `async with`.
        is_async: bool,
    },
    /// `assert test[, msg]`.
    Assert {
        /// Condition.
        test: Expr,
        /// Message.
        msg: Option<Expr>,
    },
    /// `import a.b.c [as d], ...`.
    Import(Vec<Alias>),
    /// `from [.]*module import names` (`names` is one alias `*` for star imports).
    ImportFrom {
        /// Module name after the dots (None for `from . import x`).
        module: Option<Ident>,
        /// Imported names.
        names: Vec<Alias>,
        /// Number of leading dots.
        level: u32,
    },
    /// `global names`.
    Global(Vec<Ident>),
    /// `nonlocal names`.
    Nonlocal(Vec<Ident>),
    /// `match subject: cases`.
    Match {
        /// The subject.
        subject: Expr,
        /// The cases in order.
        cases: Vec<MatchCase>,
    },
}

/// A function definition (also used for `async def`).
#[derive(Clone, Debug)]
pub struct FunctionDef {
    /// Function name.
    pub name: Ident,
    /// Parameters.
    pub args: Arguments,
    /// Body statements (first may be a docstring expression).
    pub body: Vec<Stmt>,
    /// Decorators, outermost first.
    pub decorators: Vec<Expr>,
    /// Return annotation.
    pub returns: Option<Expr>,
    /// `async def`.
    pub is_async: bool,
}

/// A class definition.
#[derive(Clone, Debug)]
pub struct ClassDef {
    /// Class name.
    pub name: Ident,
    /// Positional base expressions (may include `*args` as Starred).
    pub bases: Vec<Expr>,
    /// Keyword arguments (`metaclass=...`, others to `__init_subclass__`).
    pub keywords: Vec<Keyword>,
    /// Body statements.
    pub body: Vec<Stmt>,
    /// Decorators, outermost first.
    pub decorators: Vec<Expr>,
}

/// A parameter list.
#[derive(Clone, Debug, Default)]
pub struct Arguments {
    /// Positional-only parameters (before `/`).
    pub posonlyargs: Vec<Arg>,
    /// Ordinary positional-or-keyword parameters.
    pub args: Vec<Arg>,
    /// `*name`.
    pub vararg: Option<Arg>,
    /// Keyword-only parameters (after `*` or `*name`).
    pub kwonlyargs: Vec<Arg>,
    /// Defaults of keyword-only parameters, parallel to kwonlyargs (None = required).
    pub kw_defaults: Vec<Option<Expr>>,
    /// `**name`.
    pub kwarg: Option<Arg>,
    /// Defaults for the last N of posonlyargs+args.
    pub defaults: Vec<Expr>,
}

/// One parameter.
#[derive(Clone, Debug)]
pub struct Arg {
    /// Parameter name.
    pub name: Ident,
    /// Annotation.
    pub annotation: Option<Expr>,
    /// Position.
    pub loc: Loc,
}

/// A keyword argument in a call or class definition; `name` None means `**value`.
#[derive(Clone, Debug)]
pub struct Keyword {
    /// Keyword name, or None for `**mapping`.
    pub name: Option<Ident>,
    /// Value.
    pub value: Expr,
}

/// `name [as asname]` in imports; name may be dotted (`a.b.c`) or `*`.
#[derive(Clone, Debug)]
pub struct Alias {
    /// Imported name.
    pub name: Ident,
    /// Binding name.
    pub asname: Option<Ident>,
}

/// One `except [type [as name]]:` clause.
#[derive(Clone, Debug)]
pub struct ExceptHandler {
    /// Position of the `except` keyword.
    pub loc: Loc,
    /// Exception type expression (None for bare except).
    pub typ: Option<Expr>,
    /// Name bound to the exception.
    pub name: Option<Ident>,
    /// Handler body.
    pub body: Vec<Stmt>,
}

/// One `expr [as target]` item of a with statement.
#[derive(Clone, Debug)]
pub struct WithItem {
    /// The context manager.
    pub context_expr: Expr,
    /// The `as` target.
    pub optional_vars: Option<Expr>,
}

/// One `case pattern [if guard]: body`.
#[derive(Clone, Debug)]
pub struct MatchCase {
    /// The pattern.
    pub pattern: Pattern,
    /// Guard.
    pub guard: Option<Expr>,
    /// Body.
    pub body: Vec<Stmt>,
}

/// A pattern of a match statement.
#[derive(Clone, Debug)]
pub struct Pattern {
    /// Position.
    pub loc: Loc,
    /// What the pattern is.
    pub kind: PatternKind,
}

/// Kinds of pattern.
#[derive(Clone, Debug)]
pub enum PatternKind {
    /// A literal or dotted-name value compared with `==` (`case 1:`, `case Color.RED:`, `case -1+2j:`).
    Value(Expr),
    /// `None`, `True`, `False`: compared with `is`.
    Singleton(Expr),
    /// `[p1, *rest, p2]` or `(p1, p2)`.
    Sequence(Vec<Pattern>),
    /// `{key: p, **rest}`.
    Mapping {
        /// Key expressions (literals or dotted names).
        keys: Vec<Expr>,
        /// Patterns for the values.
        patterns: Vec<Pattern>,
        /// `**rest`.
        rest: Option<Ident>,
    },
    /// `Cls(p1, p2, kw=p3)`.
    Class {
        /// The class expression (a dotted name).
        cls: Expr,
        /// Positional sub-patterns.
        patterns: Vec<Pattern>,
        /// Keyword attribute names.
        kwd_attrs: Vec<Ident>,
        /// Keyword sub-patterns.
        kwd_patterns: Vec<Pattern>,
    },
    /// `*name` or `*_` inside a sequence pattern (None for `*_`).
    Star(Option<Ident>),
    /// `pattern as name`, a bare capture `name` (pattern None), or the wildcard `_` (both None).
    As {
        /// Inner pattern.
        pattern: Option<Box<Pattern>>,
        /// Bound name.
        name: Option<Ident>,
    },
    /// `p1 | p2 | ...`.
    Or(Vec<Pattern>),
}

/// An expression with its position.
#[derive(Clone, Debug)]
pub struct Expr {
    /// Where the expression starts.
    pub loc: Loc,
    /// What the expression is.
    pub kind: ExprKind,
}

/// Constant values written literally in the source.
#[derive(Clone, Debug)]
pub enum Constant {
    /// `None`.
    None,
    /// `True`/`False`.
    Bool(bool),
    /// An integer that fits in i64.
    Int(i64),
    /// A larger integer, as decimal digits with an optional leading `-`.
    BigInt(String),
    /// A float literal.
    Float(f64),
    /// An imaginary literal `3j` (the imaginary part).
    Imag(f64),
    /// A string literal (implicit concatenations already joined).
    Str(String),
    /// A bytes literal.
    Bytes(Vec<u8>),
    /// `...`.
    Ellipsis,
}

/// The kinds of expression.
#[derive(Clone, Debug)]
pub enum ExprKind {
    /// `a and b and c` / `a or b or c`.
    BoolOp {
        /// `and` or `or`.
        op: BoolOpKind,
        /// Two or more operands.
        values: Vec<Expr>,
    },
    /// `name := value`.
    NamedExpr {
        /// The name (an ExprKind::Name).
        target: Box<Expr>,
        /// The value.
        value: Box<Expr>,
    },
    /// `left op right`.
    BinOp {
        /// Left operand.
        left: Box<Expr>,
        /// Operator.
        op: BinOp,
        /// Right operand.
        right: Box<Expr>,
    },
    /// `op operand`.
    UnaryOp {
        /// Operator.
        op: UnaryOpKind,
        /// Operand.
        operand: Box<Expr>,
    },
    /// `lambda args: body`.
    Lambda {
        /// Parameters.
        args: Box<Arguments>,
        /// Body expression.
        body: Box<Expr>,
    },
    /// `body if test else orelse`.
    IfExp {
        /// Condition.
        test: Box<Expr>,
        /// Value when true.
        body: Box<Expr>,
        /// Value when false.
        orelse: Box<Expr>,
    },
    /// `{k: v, **m}`; a None key means `**value`.
    Dict {
        /// Keys (None for `**` unpacking).
        keys: Vec<Option<Expr>>,
        /// Values.
        values: Vec<Expr>,
    },
    /// `{a, b, *c}`.
    Set(Vec<Expr>),
    /// `[elt for ...]`.
    ListComp {
        /// Element.
        elt: Box<Expr>,
        /// Generators.
        generators: Vec<Comprehension>,
    },
    /// `{elt for ...}`.
    SetComp {
        /// Element.
        elt: Box<Expr>,
        /// Generators.
        generators: Vec<Comprehension>,
    },
    /// `{key: value for ...}`.
    DictComp {
        /// Key.
        key: Box<Expr>,
        /// Value.
        value: Box<Expr>,
        /// Generators.
        generators: Vec<Comprehension>,
    },
    /// `(elt for ...)`.
    GeneratorExp {
        /// Element.
        elt: Box<Expr>,
        /// Generators.
        generators: Vec<Comprehension>,
    },
    /// `await value`.
    Await(Box<Expr>),
    /// `yield [value]`.
    Yield(Option<Box<Expr>>),
    /// `yield from value`.
    YieldFrom(Box<Expr>),
    /// `left op1 c1 op2 c2 ...` (chained comparison).
    Compare {
        /// Leftmost operand.
        left: Box<Expr>,
        /// Operators.
        ops: Vec<CmpOp>,
        /// Right operands, parallel to ops.
        comparators: Vec<Expr>,
    },
    /// `func(args, keywords)`; Starred args are `*x`, keywords with name None are `**x`.
    Call {
        /// Callee.
        func: Box<Expr>,
        /// Positional arguments (may contain Starred).
        args: Vec<Expr>,
        /// Keyword arguments.
        keywords: Vec<Keyword>,
    },
    /// One `{value!conv:spec}` part of an f-string.
    FormattedValue {
        /// The expression.
        value: Box<Expr>,
        /// Conversion: None, or Some('s' | 'r' | 'a').
        conversion: Option<char>,
        /// The format spec (itself a JoinedStr), if present.
        format_spec: Option<Box<Expr>>,
    },
    /// An f-string: the concatenation of Constant(Str) and FormattedValue parts.
    JoinedStr(Vec<Expr>),
    /// A literal constant.
    Constant(Constant),
    /// `value.attr`.
    Attribute {
        /// Object.
        value: Box<Expr>,
        /// Attribute name.
        attr: Ident,
    },
    /// `value[slice]` (slice is an expression, possibly ExprKind::Slice or a Tuple of them).
    Subscript {
        /// Object.
        value: Box<Expr>,
        /// Index expression.
        slice: Box<Expr>,
    },
    /// `*value` (in calls, displays and assignment targets).
    Starred(Box<Expr>),
    /// A name.
    Name(Ident),
    /// `[a, b]`.
    List(Vec<Expr>),
    /// `(a, b)` or `a, b`.
    Tuple(Vec<Expr>),
    /// `lower:upper:step` inside a subscript.
    Slice {
        /// Lower bound.
        lower: Option<Box<Expr>>,
        /// Upper bound.
        upper: Option<Box<Expr>>,
        /// Step.
        step: Option<Box<Expr>>,
    },
}

/// `and` / `or`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoolOpKind {
    /// `and`.
    And,
    /// `or`.
    Or,
}

/// Binary arithmetic and bitwise operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum BinOp {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mult,
    /// `@`
    MatMult,
    /// `/`
    Div,
    /// `%`
    Mod,
    /// `**`
    Pow,
    /// `<<`
    LShift,
    /// `>>`
    RShift,
    /// `|`
    BitOr,
    /// `^`
    BitXor,
    /// `&`
    BitAnd,
    /// `//`
    FloorDiv,
}

/// Unary operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOpKind {
    /// `~`
    Invert,
    /// `not`
    Not,
    /// `+`
    UAdd,
    /// `-`
    USub,
}

/// Comparison operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum CmpOp {
    /// `==`
    Eq,
    /// `!=`
    NotEq,
    /// `<`
    Lt,
    /// `<=`
    LtE,
    /// `>`
    Gt,
    /// `>=`
    GtE,
    /// `is`
    Is,
    /// `is not`
    IsNot,
    /// `in`
    In,
    /// `not in`
    NotIn,
}

/// One `[async] for target in iter if cond...` clause of a comprehension.
#[derive(Clone, Debug)]
pub struct Comprehension {
    /// Loop target.
    pub target: Expr,
    /// Iterable.
    pub iter: Expr,
    /// Conditions.
    pub ifs: Vec<Expr>,
    /// `async for`.
    pub is_async: bool,
}
