//! Scope analysis: which names are local, global, free (closure) or cell variables in each scope.
//!
//! A first pass over the AST builds one [`Scope`] per module, class, function, lambda and
//! comprehension (comprehensions are nested functions, as in CPython 3.11), records how each name is
//! used, then resolves every name to a [`SymScope`]. The compiler finds the scope of a nested
//! function, class, lambda or comprehension by the address of its AST node (`node_key`).

use alloc::collections::{BTreeMap, BTreeSet};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::ast::{self, Expr, ExprKind, Loc, Pattern, PatternKind, Stmt, StmtKind};
use crate::parser::{SyntaxError, SyntaxErrorKind};

/// The name is assigned (or deleted, imported, bound by for/with/except/def/class).
pub const DEF_LOCAL: u32 = 1;
/// The name is a parameter.
pub const DEF_PARAM: u32 = 2;
/// The name is declared `global`.
pub const DEF_GLOBAL: u32 = 4;
/// The name is declared `nonlocal`.
pub const DEF_NONLOCAL: u32 = 8;
/// The name is read.
pub const USE: u32 = 16;
/// The name is the target of a `:=` inside a comprehension (it binds in the enclosing function).
pub const DEF_COMP_WALRUS: u32 = 32;
/// The name has a simple annotation.
pub const DEF_ANNOT: u32 = 64;

/// What kind of block a scope is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    /// The module (or eval/REPL input).
    Module,
    /// A class body.
    Class,
    /// A `def` or `async def`.
    Function,
    /// A lambda.
    Lambda,
    /// A comprehension or generator expression.
    Comprehension,
}

impl ScopeKind {
    /// True for scopes compiled with fast locals (functions, lambdas, comprehensions).
    pub fn is_function_like(self) -> bool {
        matches!(
            self,
            ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension
        )
    }
}

/// Which kind of comprehension a comprehension scope is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompKind {
    /// `[...]`
    List,
    /// `{...}`
    Set,
    /// `{k: v ...}`
    Dict,
    /// `(...)`
    Gen,
}

/// Where a name lives at run time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SymScope {
    /// A fast local (in functions) or a namespace name (module/class).
    Local,
    /// Declared `global` (or a walrus target in a module-level comprehension).
    GlobalExplicit,
    /// Not bound anywhere visible: a global or builtin.
    GlobalImplicit,
    /// Captured from an enclosing function (a closure cell).
    Free,
    /// A local captured by an inner scope (stored in a cell).
    Cell,
}

/// One name in one scope.
#[derive(Clone, Debug)]
pub struct Symbol {
    /// The name (mangled if private).
    pub name: String,
    /// DEF_* / USE flags.
    pub flags: u32,
    /// The resolved scope.
    pub scope: SymScope,
}

/// One scope.
#[derive(Clone, Debug)]
pub struct Scope {
    /// Kind of block.
    pub kind: ScopeKind,
    /// Function/class name (`<module>`, `<lambda>`, `<listcomp>`...).
    pub name: String,
    /// Symbols in order of first appearance.
    pub symbols: Vec<Symbol>,
    index: BTreeMap<String, usize>,
    /// Parameter names in slot order (positional-only, positional, keyword-only, *args, **kwargs).
    pub params: Vec<String>,
    /// Nested scopes, in source order.
    pub children: Vec<usize>,
    /// Enclosing scope.
    pub parent: Option<usize>,
    /// Contains `yield` (or is a generator expression).
    pub is_generator: bool,
    /// `async def`, or a comprehension/module containing `await`/`async for`.
    pub is_coroutine: bool,
    /// `async def`.
    pub is_async_def: bool,
    /// Class scope: a method uses `super`/`__class__`, so the body creates the `__class__` cell.
    pub needs_class_cell: bool,
    /// Class scope: free variables passed through for methods even though the class binds them.
    pub class_passthrough: Vec<String>,
    /// The comprehension kind (comprehension scopes).
    pub comp_kind: Option<CompKind>,
    /// The class name used for private-name mangling, if inside a class.
    pub private: Option<String>,
    /// Line of the defining statement or expression.
    pub line: u32,
}

impl Scope {
    fn new(
        kind: ScopeKind,
        name: &str,
        parent: Option<usize>,
        private: Option<String>,
        line: u32,
    ) -> Scope {
        Scope {
            kind,
            name: String::from(name),
            symbols: Vec::new(),
            index: BTreeMap::new(),
            params: Vec::new(),
            children: Vec::new(),
            parent,
            is_generator: false,
            is_coroutine: false,
            is_async_def: false,
            needs_class_cell: false,
            class_passthrough: Vec::new(),
            comp_kind: None,
            private,
            line,
        }
    }

    /// The symbol for a (mangled) name, if the scope mentions it.
    pub fn lookup(&self, name: &str) -> Option<&Symbol> {
        self.index.get(name).and_then(|&i| self.symbols.get(i))
    }

    /// The resolved scope of a (mangled) name; unknown names are implicit globals.
    pub fn scope_of(&self, name: &str) -> SymScope {
        self.lookup(name)
            .map(|s| s.scope)
            .unwrap_or(SymScope::GlobalImplicit)
    }

    fn flags(&self, name: &str) -> u32 {
        self.lookup(name).map(|s| s.flags).unwrap_or(0)
    }

    fn add(&mut self, name: &str, flag: u32) {
        if let Some(&i) = self.index.get(name) {
            if let Some(s) = self.symbols.get_mut(i) {
                s.flags |= flag;
            }
        } else {
            self.index.insert(String::from(name), self.symbols.len());
            self.symbols.push(Symbol {
                name: String::from(name),
                flags: flag,
                scope: SymScope::GlobalImplicit,
            });
        }
    }

    fn set_scope(&mut self, name: &str, scope: SymScope) {
        if !self.index.contains_key(name) {
            self.add(name, 0);
        }
        if let Some(&i) = self.index.get(name) {
            if let Some(s) = self.symbols.get_mut(i) {
                s.scope = scope;
            }
        }
    }

    /// Names of cells this scope creates, in a stable order (`__class__` for classes that need it).
    pub fn cellvars(&self) -> Vec<String> {
        let mut v: Vec<String> = self
            .symbols
            .iter()
            .filter(|s| s.scope == SymScope::Cell)
            .map(|s| s.name.clone())
            .collect();
        if self.kind == ScopeKind::Class && self.needs_class_cell {
            v.push(String::from("__class__"));
        }
        v
    }

    /// Names of free variables (received through the closure), in a stable order.
    pub fn freevars(&self) -> Vec<String> {
        let mut v: Vec<String> = self
            .symbols
            .iter()
            .filter(|s| s.scope == SymScope::Free)
            .map(|s| s.name.clone())
            .collect();
        for n in &self.class_passthrough {
            if !v.contains(n) {
                v.push(n.clone());
            }
        }
        v
    }
}

/// The scopes of a whole module.
#[derive(Debug)]
pub struct SymbolTable {
    /// All scopes; index 0 is the module.
    pub scopes: Vec<Scope>,
    /// AST node address (see [`node_key`]) to scope index.
    pub by_node: BTreeMap<usize, usize>,
}

/// The key of an AST node (its address) used to find its scope.
pub fn node_key<T>(node: &T) -> usize {
    node as *const T as usize
}

/// CPython's private name mangling: `__x` inside class `C` becomes `_C__x`.
pub fn mangle(private: Option<&str>, name: &str) -> String {
    if let Some(cls) = private {
        if name.starts_with("__") && !name.ends_with("__") && !name.contains('.') {
            let stripped = cls.trim_start_matches('_');
            if !stripped.is_empty() {
                return format!("_{}{}", stripped, name);
            }
        }
    }
    String::from(name)
}

fn err(msg: String, loc: Loc) -> SyntaxError {
    SyntaxError {
        msg,
        line: loc.line,
        col: loc.col + 1,
        kind: SyntaxErrorKind::Syntax,
        incomplete: false,
    }
}

/// Build the symbol table of a module. `allow_top_level_await` permits `await` (and `async for`/
/// `async with`) at module level, which makes the module code a coroutine.
pub fn build(
    module: &ast::Module,
    allow_top_level_await: bool,
) -> Result<SymbolTable, SyntaxError> {
    let mut b = Builder {
        scopes: Vec::new(),
        by_node: BTreeMap::new(),
        stack: Vec::new(),
        allow_top_level_await,
        cur_loc: Loc::default(),
        depth: 0,
    };
    b.scopes
        .push(Scope::new(ScopeKind::Module, "<module>", None, None, 1));
    b.stack.push(0);
    for s in &module.body {
        b.stmt(s)?;
    }
    let mut table = SymbolTable {
        scopes: b.scopes,
        by_node: b.by_node,
    };
    analyze(&mut table, 0, &BTreeSet::new())?;
    Ok(table)
}

struct Builder {
    scopes: Vec<Scope>,
    by_node: BTreeMap<usize, usize>,
    stack: Vec<usize>,
    allow_top_level_await: bool,
    cur_loc: Loc,
    depth: u32,
}

/// The deepest expression nesting accepted (protects the native stack).
const MAX_NESTING: u32 = 400;

impl Builder {
    fn cur(&self) -> usize {
        self.stack.last().copied().unwrap_or(0)
    }

    fn scope(&mut self) -> &mut Scope {
        let i = self.cur();
        &mut self.scopes[i]
    }

    fn mangle(&self, name: &str) -> String {
        let s = &self.scopes[self.cur()];
        mangle(s.private.as_deref(), name)
    }

    fn add_def(&mut self, name: &str, flag: u32) -> Result<(), SyntaxError> {
        let m = self.mangle(name);
        let loc = self.cur_loc;
        let scope = self.scope();
        let old = scope.flags(&m);
        if flag & (DEF_LOCAL | DEF_PARAM) != 0 && flag & DEF_PARAM != 0 && old & DEF_PARAM != 0 {
            return Err(err(
                format!("duplicate argument '{}' in function definition", name),
                loc,
            ));
        }
        scope.add(&m, flag);
        Ok(())
    }

    fn push_scope(&mut self, kind: ScopeKind, name: &str, key: usize, line: u32) -> usize {
        let parent = self.cur();
        let private = if self.scopes[parent].kind == ScopeKind::Class {
            Some(self.scopes[parent].name.clone())
        } else {
            self.scopes[parent].private.clone()
        };
        let idx = self.scopes.len();
        self.scopes
            .push(Scope::new(kind, name, Some(parent), private, line));
        self.scopes[parent].children.push(idx);
        self.by_node.insert(key, idx);
        self.stack.push(idx);
        idx
    }

    fn pop_scope(&mut self) {
        self.stack.pop();
    }

    fn stmts(&mut self, body: &[Stmt]) -> Result<(), SyntaxError> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn args_defaults(&mut self, args: &ast::Arguments) -> Result<(), SyntaxError> {
        for d in &args.defaults {
            self.expr(d)?;
        }
        for d in args.kw_defaults.iter().flatten() {
            self.expr(d)?;
        }
        Ok(())
    }

    fn args_annotations(&mut self, args: &ast::Arguments) -> Result<(), SyntaxError> {
        let all = args
            .posonlyargs
            .iter()
            .chain(args.args.iter())
            .chain(args.vararg.iter())
            .chain(args.kwonlyargs.iter())
            .chain(args.kwarg.iter());
        for a in all {
            if let Some(ann) = &a.annotation {
                self.expr(ann)?;
            }
        }
        Ok(())
    }

    fn params(&mut self, args: &ast::Arguments) -> Result<(), SyntaxError> {
        let all = args
            .posonlyargs
            .iter()
            .chain(args.args.iter())
            .chain(args.kwonlyargs.iter())
            .chain(args.vararg.iter())
            .chain(args.kwarg.iter());
        for a in all {
            self.cur_loc = a.loc;
            self.add_def(&a.name, DEF_PARAM)?;
            let m = self.mangle(&a.name);
            self.scope().params.push(m);
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> Result<(), SyntaxError> {
        self.cur_loc = s.loc;
        match &s.kind {
            StmtKind::Expr(e) => self.expr(e)?,
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for t in targets {
                    self.target(t)?;
                }
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(value)?;
                if let ExprKind::Name(n) = &target.kind {
                    self.add_def(n, DEF_LOCAL | USE)?;
                } else {
                    self.target(target)?;
                }
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                let kind = self.scopes[self.cur()].kind;
                if let ExprKind::Name(n) = &target.kind {
                    let m = self.mangle(n);
                    let f = self.scopes[self.cur()].flags(&m);
                    if f & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && *simple {
                        let what = if f & DEF_GLOBAL != 0 {
                            "global"
                        } else {
                            "nonlocal"
                        };
                        return Err(err(
                            format!("annotated name '{}' can't be {}", n, what),
                            s.loc,
                        ));
                    }
                    let flag = if *simple {
                        DEF_LOCAL | DEF_ANNOT
                    } else {
                        DEF_LOCAL
                    };
                    if value.is_some() || *simple {
                        self.add_def(n, flag)?;
                    }
                } else {
                    self.target(target)?;
                }
                if !kind.is_function_like() {
                    self.expr(annotation)?;
                }
                if let Some(v) = value {
                    self.expr(v)?;
                }
            }
            StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            } => {
                if *is_async {
                    self.check_async("'async for' outside async function", s.loc)?;
                }
                self.expr(iter)?;
                self.target(target)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::Break | StmtKind::Continue | StmtKind::Pass => {}
            StmtKind::FunctionDef(f) => {
                for d in &f.decorators {
                    self.expr(d)?;
                }
                self.args_defaults(&f.args)?;
                self.args_annotations(&f.args)?;
                if let Some(r) = &f.returns {
                    self.expr(r)?;
                }
                self.cur_loc = s.loc;
                self.add_def(&f.name, DEF_LOCAL)?;
                let line = f
                    .decorators
                    .first()
                    .map(|d| d.loc.line)
                    .unwrap_or(s.loc.line);
                let idx = self.push_scope(ScopeKind::Function, &f.name, node_key(&**f), line);
                self.scopes[idx].is_async_def = f.is_async;
                self.scopes[idx].is_coroutine = f.is_async;
                self.params(&f.args)?;
                self.stmts(&f.body)?;
                self.pop_scope();
            }
            StmtKind::ClassDef(c) => {
                for d in &c.decorators {
                    self.expr(d)?;
                }
                for b in &c.bases {
                    self.expr(b)?;
                }
                for k in &c.keywords {
                    self.expr(&k.value)?;
                }
                self.cur_loc = s.loc;
                self.add_def(&c.name, DEF_LOCAL)?;
                let line = c
                    .decorators
                    .first()
                    .map(|d| d.loc.line)
                    .unwrap_or(s.loc.line);
                let idx = self.push_scope(ScopeKind::Class, &c.name, node_key(&**c), line);
                // Private names inside the class body are mangled with the class's own name.
                self.scopes[idx].private = Some(c.name.clone());
                self.stmts(&c.body)?;
                self.pop_scope();
            }
            StmtKind::Return(v) => {
                if !self.scopes[self.cur()].kind.is_function_like() {
                    return Err(err(String::from("'return' outside function"), s.loc));
                }
                if let Some(v) = v {
                    self.expr(v)?;
                }
            }
            StmtKind::Delete(ts) => {
                for t in ts {
                    self.target(t)?;
                }
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.expr(e)?;
                }
                if let Some(c) = cause {
                    self.expr(c)?;
                }
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.stmts(body)?;
                for (i, h) in handlers.iter().enumerate() {
                    self.cur_loc = h.loc;
                    if h.typ.is_none() && i + 1 < handlers.len() {
                        return Err(err(String::from("default 'except:' must be last"), h.loc));
                    }
                    if let Some(t) = &h.typ {
                        self.expr(t)?;
                    }
                    if let Some(n) = &h.name {
                        self.add_def(n, DEF_LOCAL)?;
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(orelse)?;
                self.stmts(finalbody)?;
            }
            StmtKind::With {
                items,
                body,
                is_async,
            } => {
                if *is_async {
                    self.check_async("'async with' outside async function", s.loc)?;
                }
                for it in items {
                    self.expr(&it.context_expr)?;
                    if let Some(v) = &it.optional_vars {
                        self.target(v)?;
                    }
                }
                self.stmts(body)?;
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                if let Some(m) = msg {
                    self.expr(m)?;
                }
            }
            StmtKind::Import(names) => {
                for a in names {
                    let bound = match &a.asname {
                        Some(n) => n.as_str(),
                        None => a.name.split('.').next().unwrap_or(""),
                    };
                    self.add_def(bound, DEF_LOCAL)?;
                }
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    if a.name == "*" {
                        if self.scopes[self.cur()].kind != ScopeKind::Module {
                            return Err(err(
                                String::from("import * only allowed at module level"),
                                s.loc,
                            ));
                        }
                        continue;
                    }
                    let bound = a.asname.as_deref().unwrap_or(a.name.as_str());
                    self.add_def(bound, DEF_LOCAL)?;
                }
            }
            StmtKind::Global(names) => {
                for n in names {
                    let m = self.mangle(n);
                    let f = self.scopes[self.cur()].flags(&m);
                    if f & DEF_PARAM != 0 {
                        return Err(err(format!("name '{}' is parameter and global", n), s.loc));
                    }
                    if f & DEF_NONLOCAL != 0 {
                        return Err(err(format!("name '{}' is nonlocal and global", n), s.loc));
                    }
                    if f & DEF_ANNOT != 0 {
                        return Err(err(
                            format!("annotated name '{}' can't be global", n),
                            s.loc,
                        ));
                    }
                    if f & USE != 0 {
                        return Err(err(
                            format!("name '{}' is used prior to global declaration", n),
                            s.loc,
                        ));
                    }
                    if f & DEF_LOCAL != 0 {
                        return Err(err(
                            format!("name '{}' is assigned to before global declaration", n),
                            s.loc,
                        ));
                    }
                    self.scope().add(&m, DEF_GLOBAL);
                }
            }
            StmtKind::Nonlocal(names) => {
                if self.scopes[self.cur()].kind == ScopeKind::Module {
                    return Err(err(
                        String::from("nonlocal declaration not allowed at module level"),
                        s.loc,
                    ));
                }
                for n in names {
                    let m = self.mangle(n);
                    let f = self.scopes[self.cur()].flags(&m);
                    if f & DEF_PARAM != 0 {
                        return Err(err(
                            format!("name '{}' is parameter and nonlocal", n),
                            s.loc,
                        ));
                    }
                    if f & DEF_GLOBAL != 0 {
                        return Err(err(format!("name '{}' is nonlocal and global", n), s.loc));
                    }
                    if f & DEF_ANNOT != 0 {
                        return Err(err(
                            format!("annotated name '{}' can't be nonlocal", n),
                            s.loc,
                        ));
                    }
                    if f & USE != 0 {
                        return Err(err(
                            format!("name '{}' is used prior to nonlocal declaration", n),
                            s.loc,
                        ));
                    }
                    if f & DEF_LOCAL != 0 {
                        return Err(err(
                            format!("name '{}' is assigned to before nonlocal declaration", n),
                            s.loc,
                        ));
                    }
                    self.scope().add(&m, DEF_NONLOCAL);
                }
            }
            StmtKind::Match { subject, cases } => {
                self.expr(subject)?;
                for c in cases {
                    self.pattern(&c.pattern)?;
                    if let Some(g) = &c.guard {
                        self.expr(g)?;
                    }
                    self.stmts(&c.body)?;
                }
            }
        }
        Ok(())
    }

    fn pattern(&mut self, p: &Pattern) -> Result<(), SyntaxError> {
        self.cur_loc = p.loc;
        match &p.kind {
            PatternKind::Value(e) | PatternKind::Singleton(e) => self.expr(e)?,
            PatternKind::Sequence(ps) | PatternKind::Or(ps) => {
                for q in ps {
                    self.pattern(q)?;
                }
            }
            PatternKind::Mapping {
                keys,
                patterns,
                rest,
            } => {
                for k in keys {
                    self.expr(k)?;
                }
                for q in patterns {
                    self.pattern(q)?;
                }
                if let Some(r) = rest {
                    self.add_def(r, DEF_LOCAL)?;
                }
            }
            PatternKind::Class {
                cls,
                patterns,
                kwd_patterns,
                ..
            } => {
                self.expr(cls)?;
                for q in patterns.iter().chain(kwd_patterns.iter()) {
                    self.pattern(q)?;
                }
            }
            PatternKind::Star(n) => {
                if let Some(n) = n {
                    self.add_def(n, DEF_LOCAL)?;
                }
            }
            PatternKind::As { pattern, name } => {
                if let Some(q) = pattern {
                    self.pattern(q)?;
                }
                if let Some(n) = name {
                    self.cur_loc = p.loc;
                    self.add_def(n, DEF_LOCAL)?;
                }
            }
        }
        Ok(())
    }

    /// `await`, `async for`, `async with` in the current scope.
    fn check_async(&mut self, msg: &str, loc: Loc) -> Result<(), SyntaxError> {
        let i = self.cur();
        let s = &mut self.scopes[i];
        match s.kind {
            ScopeKind::Module if self.allow_top_level_await => {
                s.is_coroutine = true;
                Ok(())
            }
            ScopeKind::Module | ScopeKind::Class => {
                let m = if msg.starts_with("'await'") {
                    "'await' outside function"
                } else {
                    msg
                };
                Err(err(String::from(m), loc))
            }
            ScopeKind::Function | ScopeKind::Lambda => {
                if s.is_async_def {
                    Ok(())
                } else {
                    Err(err(String::from(msg), loc))
                }
            }
            ScopeKind::Comprehension => {
                s.is_coroutine = true;
                Ok(())
            }
        }
    }

    fn target(&mut self, t: &Expr) -> Result<(), SyntaxError> {
        self.cur_loc = t.loc;
        match &t.kind {
            ExprKind::Name(n) => self.add_def(n, DEF_LOCAL)?,
            ExprKind::Tuple(es) | ExprKind::List(es) => {
                for e in es {
                    self.target(e)?;
                }
            }
            ExprKind::Starred(e) => self.target(e)?,
            _ => self.expr(t)?,
        }
        Ok(())
    }

    fn comprehension(
        &mut self,
        e: &Expr,
        kind: CompKind,
        generators: &[ast::Comprehension],
        elts: &[&Expr],
    ) -> Result<(), SyntaxError> {
        let first = match generators.first() {
            Some(g) => g,
            None => return Err(err(String::from("comprehension without generators"), e.loc)),
        };
        self.expr(&first.iter)?;
        let name = match kind {
            CompKind::List => "<listcomp>",
            CompKind::Set => "<setcomp>",
            CompKind::Dict => "<dictcomp>",
            CompKind::Gen => "<genexpr>",
        };
        let idx = self.push_scope(ScopeKind::Comprehension, name, node_key(e), e.loc.line);
        self.scopes[idx].comp_kind = Some(kind);
        self.scopes[idx].is_generator = kind == CompKind::Gen;
        self.scope().add(".0", DEF_PARAM);
        self.scope().params.push(String::from(".0"));
        for (i, g) in generators.iter().enumerate() {
            if i > 0 {
                self.expr(&g.iter)?;
            }
            if g.is_async {
                self.check_async(
                    "asynchronous comprehension outside of an asynchronous function",
                    e.loc,
                )?;
            }
            self.target(&g.target)?;
            for c in &g.ifs {
                self.expr(c)?;
            }
        }
        for x in elts {
            self.expr(x)?;
        }
        self.pop_scope();
        // A list/set/dict comprehension that awaits is itself awaited by the enclosing scope.
        if self.scopes[idx].is_coroutine && kind != CompKind::Gen {
            self.check_async(
                "asynchronous comprehension outside of an asynchronous function",
                e.loc,
            )?;
        }
        Ok(())
    }

    fn expr(&mut self, e: &Expr) -> Result<(), SyntaxError> {
        if self.depth >= MAX_NESTING {
            return Err(err(String::from("too many nested expressions"), e.loc));
        }
        self.depth += 1;
        let r = self.expr_inner(e);
        self.depth -= 1;
        r
    }

    fn expr_inner(&mut self, e: &Expr) -> Result<(), SyntaxError> {
        self.cur_loc = e.loc;
        match &e.kind {
            ExprKind::BoolOp { values, .. } => {
                for v in values {
                    self.expr(v)?;
                }
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                if let ExprKind::Name(n) = &target.kind {
                    self.cur_loc = target.loc;
                    if self.scopes[self.cur()].kind == ScopeKind::Comprehension {
                        // Bind in the nearest enclosing non-comprehension scope.
                        let mut k = self.stack.len();
                        let mut owner = None;
                        while k > 0 {
                            k -= 1;
                            let si = self.stack[k];
                            if self.scopes[si].kind != ScopeKind::Comprehension {
                                owner = Some(si);
                                break;
                            }
                            let m = self.mangle(n);
                            // A comprehension binds only its iteration variables locally.
                            let sc = &self.scopes[si];
                            let is_iter_var = sc
                                .index
                                .get(m.as_str())
                                .and_then(|&i| sc.symbols.get(i))
                                .is_some_and(|s| s.flags & DEF_LOCAL != 0);
                            if is_iter_var {
                                return Err(err(
                                    format!("assignment expression cannot rebind comprehension iteration variable '{}'", n),
                                    target.loc,
                                ));
                            }
                            self.scopes[si].add(&m, DEF_COMP_WALRUS);
                        }
                        if let Some(o) = owner {
                            if self.scopes[o].kind == ScopeKind::Class {
                                return Err(err(
                                    String::from("assignment expression within a comprehension cannot be used in a class body"),
                                    target.loc,
                                ));
                            }
                            let m = self.mangle(n);
                            self.scopes[o].add(&m, DEF_LOCAL);
                        }
                    } else {
                        self.add_def(n, DEF_LOCAL)?;
                    }
                } else {
                    self.target(target)?;
                }
            }
            ExprKind::BinOp { .. } => {
                // Iterate down the left spine: long operator chains must not recurse deeply.
                let mut cur = e;
                while let ExprKind::BinOp { left, right, .. } = &cur.kind {
                    self.expr(right)?;
                    cur = left;
                }
                self.expr(cur)?;
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand)?,
            ExprKind::Lambda { args, body } => {
                self.args_defaults(args)?;
                self.push_scope(ScopeKind::Lambda, "<lambda>", node_key(e), e.loc.line);
                self.params(args)?;
                self.expr(body)?;
                self.pop_scope();
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)?;
            }
            ExprKind::Dict { keys, values } => {
                for k in keys.iter().flatten() {
                    self.expr(k)?;
                }
                for v in values {
                    self.expr(v)?;
                }
            }
            ExprKind::Set(es)
            | ExprKind::List(es)
            | ExprKind::Tuple(es)
            | ExprKind::JoinedStr(es) => {
                for x in es {
                    self.expr(x)?;
                }
            }
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e, CompKind::List, generators, &[elt])?
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, CompKind::Set, generators, &[elt])?
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, CompKind::Gen, generators, &[elt])?
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(e, CompKind::Dict, generators, &[key, value])?,
            ExprKind::Await(v) => {
                self.check_async("'await' outside async function", e.loc)?;
                self.expr(v)?;
            }
            ExprKind::Yield(v) => {
                self.yield_check(e.loc)?;
                if let Some(v) = v {
                    self.expr(v)?;
                }
            }
            ExprKind::YieldFrom(v) => {
                self.yield_check(e.loc)?;
                if self.scopes[self.cur()].is_async_def {
                    return Err(err(
                        String::from("'yield from' inside async function"),
                        e.loc,
                    ));
                }
                self.expr(v)?;
            }
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.expr(left)?;
                for c in comparators {
                    self.expr(c)?;
                }
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.expr(func)?;
                for a in args {
                    self.expr(a)?;
                }
                for k in keywords {
                    self.expr(&k.value)?;
                }
            }
            ExprKind::FormattedValue {
                value, format_spec, ..
            } => {
                self.expr(value)?;
                if let Some(s) = format_spec {
                    self.expr(s)?;
                }
            }
            ExprKind::Constant(_) => {}
            ExprKind::Attribute { value, .. } => self.expr(value)?,
            ExprKind::Subscript { value, slice } => {
                self.expr(value)?;
                self.expr(slice)?;
            }
            ExprKind::Starred(v) => self.expr(v)?,
            ExprKind::Name(n) => {
                self.add_def(n, USE)?;
                let kind = self.scopes[self.cur()].kind;
                if n == "super" && matches!(kind, ScopeKind::Function | ScopeKind::Lambda) {
                    self.scope().add("__class__", USE);
                }
            }
            ExprKind::Slice { lower, upper, step } => {
                for x in [lower, upper, step].into_iter().flatten() {
                    self.expr(x)?;
                }
            }
        }
        Ok(())
    }

    fn yield_check(&mut self, loc: Loc) -> Result<(), SyntaxError> {
        let i = self.cur();
        let s = &mut self.scopes[i];
        match s.kind {
            ScopeKind::Module | ScopeKind::Class => {
                Err(err(String::from("'yield' outside function"), loc))
            }
            ScopeKind::Comprehension => {
                let what = match s.comp_kind {
                    Some(CompKind::List) => "list comprehension",
                    Some(CompKind::Set) => "set comprehension",
                    Some(CompKind::Dict) => "dict comprehension",
                    _ => "generator expression",
                };
                Err(err(format!("'yield' inside {}", what), loc))
            }
            _ => {
                s.is_generator = true;
                Ok(())
            }
        }
    }
}

/// Resolve every name of scope `idx` given the names bound in enclosing function scopes; returns
/// the free names the scope needs from outside.
fn analyze(
    t: &mut SymbolTable,
    idx: usize,
    bound: &BTreeSet<String>,
) -> Result<BTreeSet<String>, SyntaxError> {
    let kind = t.scopes[idx].kind;
    let mut local = BTreeSet::new();
    let mut globals = BTreeSet::new();
    let line = t.scopes[idx].line;
    let n = t.scopes[idx].symbols.len();
    for k in 0..n {
        let (name, flags) = {
            let s = &t.scopes[idx].symbols[k];
            (s.name.clone(), s.flags)
        };
        let scope = if flags & DEF_GLOBAL != 0 {
            globals.insert(name.clone());
            SymScope::GlobalExplicit
        } else if flags & DEF_NONLOCAL != 0 {
            if !bound.contains(&name) {
                return Err(err(
                    format!("no binding for nonlocal '{}' found", name),
                    Loc { line, col: 0 },
                ));
            }
            SymScope::Free
        } else if flags & DEF_COMP_WALRUS != 0 {
            if bound.contains(&name) {
                SymScope::Free
            } else {
                SymScope::GlobalExplicit
            }
        } else if flags & (DEF_LOCAL | DEF_PARAM) != 0 {
            local.insert(name.clone());
            SymScope::Local
        } else if bound.contains(&name) && kind != ScopeKind::Module {
            SymScope::Free
        } else {
            SymScope::GlobalImplicit
        };
        t.scopes[idx].symbols[k].scope = scope;
    }
    let new_bound: BTreeSet<String> = match kind {
        ScopeKind::Module => BTreeSet::new(),
        ScopeKind::Class => {
            let mut b: BTreeSet<String> = bound.difference(&globals).cloned().collect();
            b.insert(String::from("__class__"));
            b
        }
        _ => {
            let mut b: BTreeSet<String> = bound.difference(&globals).cloned().collect();
            b.extend(local.iter().cloned());
            b
        }
    };
    let children = t.scopes[idx].children.clone();
    let mut child_free = BTreeSet::new();
    for c in children {
        let f = analyze(t, c, &new_bound)?;
        child_free.extend(f);
    }
    let mut passthrough = Vec::new();
    for f in child_free {
        match kind {
            ScopeKind::Module => {}
            ScopeKind::Class => {
                if f == "__class__" {
                    t.scopes[idx].needs_class_cell = true;
                } else {
                    let sc = t.scopes[idx].scope_of(&f);
                    if sc != SymScope::Free {
                        passthrough.push(f);
                    }
                }
            }
            _ => {
                let sc = t.scopes[idx].lookup(&f).map(|s| s.scope);
                match sc {
                    Some(SymScope::Local) | Some(SymScope::Cell) => {
                        t.scopes[idx].set_scope(&f, SymScope::Cell)
                    }
                    _ => t.scopes[idx].set_scope(&f, SymScope::Free),
                }
            }
        }
    }
    t.scopes[idx].class_passthrough = passthrough;
    let mut free: BTreeSet<String> = t.scopes[idx]
        .symbols
        .iter()
        .filter(|s| s.scope == SymScope::Free)
        .map(|s| s.name.clone())
        .collect();
    free.extend(t.scopes[idx].class_passthrough.iter().cloned());
    Ok(free)
}
