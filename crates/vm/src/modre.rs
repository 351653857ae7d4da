//! The `_re` module: the regular-expression engine behind the frozen `re` module.
//!
//! A pattern is parsed into a small tree, then compiled to a program for a backtracking
//! matcher over chars. The matcher keeps its own explicit backtrack stack (no Rust recursion
//! on the subject string) and counts steps, so pathological patterns end with a
//! `RuntimeError` instead of hanging. Bytes are matched as Latin-1 chars. The Python API
//! (`Pattern`, `Match`, `sub`, `split`, ...) lives in `frozen/re.py`.

use alloc::boxed::Box;
use alloc::format;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;
use core::cell::RefCell;

use crate::attr::dict_of;
use crate::exceptions::ExcKind;
use crate::modbuiltins::builtin_fn;
use crate::types;
use crate::value::{Layout, NativeObj, Obj, PyObject, Str, Value};
use crate::vm::Vm;
use crate::PyResult;

/// `re.IGNORECASE`.
pub const F_I: i64 = 2;
/// `re.MULTILINE`.
pub const F_M: i64 = 8;
/// `re.DOTALL`.
pub const F_S: i64 = 16;
/// `re.UNICODE`.
pub const F_U: i64 = 32;
/// `re.VERBOSE`.
pub const F_X: i64 = 64;
/// `re.ASCII`.
pub const F_A: i64 = 256;

/// Steps the matcher may take in one call before giving up.
const STEP_LIMIT: u64 = 50_000_000;
/// Deepest group nesting the parser accepts.
const MAX_DEPTH: usize = 200;
/// Largest compiled program (counted repeats are expanded).
const MAX_PROG: usize = 200_000;

/// A class item inside `[...]` or a class escape.
#[derive(Clone, Debug)]
enum ClassItem {
    Range(char, char),
    Digit(bool),
    Word(bool),
    Space(bool),
}

/// A character class.
#[derive(Clone, Debug)]
struct Class {
    items: Vec<ClassItem>,
    negated: bool,
    icase: bool,
    ascii: bool,
}

/// Zero-width assertions.
#[derive(Clone, Copy, Debug)]
enum Assert {
    /// `^` (multiline?).
    Bol(bool),
    /// `$` (multiline?).
    Eol(bool),
    /// `\A`.
    Start,
    /// `\Z`.
    End,
    /// `\b` (ascii?).
    WordB(bool),
    /// `\B` (ascii?).
    NotWordB(bool),
}

/// The parsed pattern.
#[derive(Clone, Debug)]
enum Node {
    Empty,
    Char(char, bool),
    Any(bool),
    Class(Box<Class>),
    Assert(Assert),
    Group(Option<usize>, Box<Node>),
    Concat(Vec<Node>),
    Alt(Vec<Node>),
    Repeat(Box<Node>, u32, Option<u32>, bool),
    Backref(usize, bool),
    Look(Box<Node>, bool, bool),
}

/// One instruction of the matcher.
#[derive(Clone, Debug)]
enum Inst {
    Char(char),
    CharI(char),
    Any,
    AnyNoNl,
    Class(Box<Class>),
    Assert(Assert),
    Save(usize),
    Split(usize, usize),
    Jmp(usize),
    Mark(usize),
    Progress(usize),
    Backref(usize, bool),
    Look {
        start: usize,
        behind: Option<usize>,
        neg: bool,
    },
    Match,
}

/// A compiled pattern (the data of a `_re` program object).
pub struct Prog {
    insts: Vec<Inst>,
    ngroups: usize,
    nregs: usize,
    first: Option<char>,
    main_match: usize,
    flags: i64,
    names: Vec<(String, usize)>,
}

struct Parser<'a> {
    p: &'a [char],
    i: usize,
    flags: i64,
    ngroups: usize,
    names: Vec<(String, usize)>,
    depth: usize,
    is_bytes: bool,
}

type PResult<T> = Result<T, String>;

fn lower(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

fn upper(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_uppercase()
    } else {
        c.to_uppercase().next().unwrap_or(c)
    }
}

fn is_word(c: char, ascii: bool) -> bool {
    if ascii || c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        c.is_alphanumeric()
    }
}

fn is_digit(c: char, ascii: bool) -> bool {
    if ascii || c.is_ascii() {
        c.is_ascii_digit()
    } else {
        c.is_numeric()
    }
}

fn is_space(c: char, ascii: bool) -> bool {
    if ascii || c.is_ascii() {
        matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c')
            || (!ascii && ('\x1c'..='\x1f').contains(&c))
    } else {
        c.is_whitespace()
    }
}

impl Class {
    fn matches(&self, c: char) -> bool {
        let hit = self.test(c)
            || (self.icase && {
                let l = lower(c);
                let u = upper(c);
                (l != c && self.test(l)) || (u != c && self.test(u))
            });
        hit != self.negated
    }

    fn test(&self, c: char) -> bool {
        self.items.iter().any(|it| match *it {
            ClassItem::Range(a, b) => a <= c && c <= b,
            ClassItem::Digit(n) => is_digit(c, self.ascii) != n,
            ClassItem::Word(n) => is_word(c, self.ascii) != n,
            ClassItem::Space(n) => is_space(c, self.ascii) != n,
        })
    }
}

impl<'a> Parser<'a> {
    fn err<T>(&self, msg: &str, pos: usize) -> PResult<T> {
        Err(format!("{} at position {}", msg, pos))
    }

    fn peek(&self) -> Option<char> {
        self.p.get(self.i).copied()
    }

    fn icase(&self) -> bool {
        self.flags & F_I != 0
    }

    fn ascii(&self) -> bool {
        self.is_bytes || self.flags & F_A != 0
    }

    fn skip_verbose(&mut self) {
        if self.flags & F_X == 0 {
            return;
        }
        while let Some(c) = self.peek() {
            if c.is_whitespace() {
                self.i += 1;
            } else if c == '#' {
                while let Some(c) = self.peek() {
                    self.i += 1;
                    if c == '\n' {
                        break;
                    }
                }
            } else {
                break;
            }
        }
    }

    fn parse_alt(&mut self) -> PResult<Node> {
        let mut alts = vec![self.parse_concat()?];
        while self.peek() == Some('|') {
            self.i += 1;
            alts.push(self.parse_concat()?);
        }
        Ok(if alts.len() == 1 {
            alts.pop().unwrap_or(Node::Empty)
        } else {
            Node::Alt(alts)
        })
    }

    fn parse_concat(&mut self) -> PResult<Node> {
        let mut items: Vec<Node> = Vec::new();
        loop {
            self.skip_verbose();
            let c = match self.peek() {
                None | Some('|') | Some(')') => break,
                Some(c) => c,
            };
            let start = self.i;
            let atom = match c {
                '*' | '+' | '?' => return self.err("nothing to repeat", start),
                '{' if self.brace_repeat().is_some() => {
                    return self.err("nothing to repeat", start)
                }
                _ => self.parse_atom()?,
            };
            let atom = match atom {
                Some(a) => a,
                None => continue,
            };
            let node = self.parse_quant(atom)?;
            items.push(node);
        }
        Ok(match items.len() {
            0 => Node::Empty,
            1 => items.pop().unwrap_or(Node::Empty),
            _ => Node::Concat(items),
        })
    }

    /// Parse `{m,n}` at the cursor without consuming; returns (min, max, length).
    fn brace_repeat(&self) -> Option<(u32, Option<u32>, usize)> {
        let mut j = self.i + 1;
        let num = |j: &mut usize| -> Option<Option<u32>> {
            let s = *j;
            let mut v: u32 = 0;
            while let Some(d) = self.p.get(*j).and_then(|c| c.to_digit(10)) {
                v = v.checked_mul(10)?.checked_add(d)?;
                *j += 1;
            }
            Some(if *j == s { None } else { Some(v) })
        };
        let lo = num(&mut j)?;
        let hi = if self.p.get(j) == Some(&',') {
            j += 1;
            num(&mut j)?
        } else {
            lo?;
            lo
        };
        if self.p.get(j) != Some(&'}') {
            return None;
        }
        Some((lo.unwrap_or(0), hi, j + 1 - self.i))
    }

    fn parse_quant(&mut self, atom: Node) -> PResult<Node> {
        self.skip_verbose();
        let start = self.i;
        let (lo, hi) = match self.peek() {
            Some('*') => {
                self.i += 1;
                (0, None)
            }
            Some('+') => {
                self.i += 1;
                (1, None)
            }
            Some('?') => {
                self.i += 1;
                (0, Some(1))
            }
            Some('{') => match self.brace_repeat() {
                Some((lo, hi, n)) => {
                    if let Some(h) = hi {
                        if h < lo {
                            return self.err("min repeat greater than max repeat", start + 1);
                        }
                    }
                    self.i += n;
                    (lo, hi)
                }
                None => return Ok(atom),
            },
            _ => return Ok(atom),
        };
        if matches!(atom, Node::Assert(_) | Node::Empty | Node::Look(..)) {
            return self.err("nothing to repeat", start);
        }
        let mut greedy = true;
        if self.peek() == Some('?') {
            self.i += 1;
            greedy = false;
        }
        self.skip_verbose();
        match self.peek() {
            Some('*') | Some('+') | Some('?') => return self.err("multiple repeat", self.i),
            Some('{') if self.brace_repeat().is_some() => {
                return self.err("multiple repeat", self.i)
            }
            _ => {}
        }
        Ok(Node::Repeat(Box::new(atom), lo, hi, greedy))
    }

    fn group_name(&mut self, term: char) -> PResult<String> {
        let start = self.i;
        let mut name = String::new();
        loop {
            match self.peek() {
                None => return self.err("missing group name", start),
                Some(c) if c == term => {
                    self.i += 1;
                    break;
                }
                Some(c) => {
                    name.push(c);
                    self.i += 1;
                }
            }
        }
        if name.is_empty() {
            return self.err("missing group name", start);
        }
        let mut ch = name.chars();
        let ok = ch
            .next()
            .map(|c| c == '_' || c.is_alphabetic())
            .unwrap_or(false)
            && ch.all(|c| c == '_' || c.is_alphanumeric());
        if !ok {
            return Err(format!(
                "bad character in group name '{}' at position {}",
                name, start
            ));
        }
        Ok(name)
    }

    fn parse_group(&mut self) -> PResult<Option<Node>> {
        let open = self.i;
        self.i += 1;
        if self.depth >= MAX_DEPTH {
            return self.err("too many nested groups", open);
        }
        let mut capture = true;
        let mut name: Option<String> = None;
        let mut look: Option<(bool, bool)> = None;
        let saved_flags = self.flags;
        if self.peek() == Some('?') {
            self.i += 1;
            match self.peek() {
                Some(':') => {
                    self.i += 1;
                    capture = false;
                }
                Some('P') => {
                    self.i += 1;
                    match self.peek() {
                        Some('<') => {
                            self.i += 1;
                            name = Some(self.group_name('>')?);
                        }
                        Some('=') => {
                            self.i += 1;
                            let nstart = self.i;
                            let n = self.group_name(')')?;
                            return match self.names.iter().find(|(k, _)| *k == n) {
                                Some(&(_, g)) => Ok(Some(Node::Backref(g, self.icase()))),
                                None => Err(format!(
                                    "unknown group name '{}' at position {}",
                                    n, nstart
                                )),
                            };
                        }
                        _ => {
                            let e = self.peek().map(String::from).unwrap_or_default();
                            return Err(format!(
                                "unknown extension ?P{} at position {}",
                                e,
                                open + 1
                            ));
                        }
                    }
                }
                Some('=') => {
                    self.i += 1;
                    look = Some((false, false));
                }
                Some('!') => {
                    self.i += 1;
                    look = Some((false, true));
                }
                Some('<') => {
                    self.i += 1;
                    match self.peek() {
                        Some('=') => look = Some((true, false)),
                        Some('!') => look = Some((true, true)),
                        _ => {
                            name = Some(self.group_name('>')?);
                        }
                    }
                    if look.is_some() {
                        self.i += 1;
                    }
                }
                Some('#') => {
                    while let Some(c) = self.peek() {
                        self.i += 1;
                        if c == ')' {
                            return Ok(None);
                        }
                    }
                    return self.err("missing ), unterminated comment", open);
                }
                Some(c) if "aiLmsux-".contains(c) => {
                    let mut on = 0i64;
                    let mut off = 0i64;
                    let mut neg = false;
                    loop {
                        let f = match self.peek() {
                            Some('i') => F_I,
                            Some('m') => F_M,
                            Some('s') => F_S,
                            Some('x') => F_X,
                            Some('a') => F_A,
                            Some('u') => F_U,
                            Some('L') => 4,
                            Some('-') => {
                                neg = true;
                                self.i += 1;
                                continue;
                            }
                            Some(')') => {
                                self.i += 1;
                                if neg {
                                    return self.err("missing :", self.i - 1);
                                }
                                self.flags |= on;
                                return Ok(None);
                            }
                            Some(':') => {
                                self.i += 1;
                                break;
                            }
                            Some(_) => return self.err("unknown flag", self.i),
                            None => return self.err("missing -, : or )", self.i),
                        };
                        if neg {
                            off |= f;
                        } else {
                            on |= f;
                        }
                        self.i += 1;
                    }
                    self.flags = (self.flags | on) & !off;
                    capture = false;
                }
                _ => {
                    let e = self.peek().map(String::from).unwrap_or_default();
                    return Err(format!("unknown extension ?{} at position {}", e, open + 1));
                }
            }
        }
        if look.is_some() {
            capture = false;
        }
        let idx = if capture {
            self.ngroups += 1;
            let g = self.ngroups;
            if let Some(n) = name {
                if self.names.iter().any(|(k, _)| *k == n) {
                    return Err(format!(
                        "redefinition of group name '{}' as group {}; was group {} at position {}",
                        n,
                        g,
                        self.names
                            .iter()
                            .find(|(k, _)| *k == n)
                            .map(|x| x.1)
                            .unwrap_or(0),
                        open + 4
                    ));
                }
                self.names.push((n, g));
            }
            Some(g)
        } else {
            None
        };
        self.depth += 1;
        let body = self.parse_alt()?;
        self.depth -= 1;
        if self.peek() != Some(')') {
            return self.err("missing ), unterminated subpattern", open);
        }
        self.i += 1;
        self.flags = saved_flags;
        if let Some((behind, neg)) = look {
            return Ok(Some(Node::Look(Box::new(body), behind, neg)));
        }
        Ok(Some(Node::Group(idx, Box::new(body))))
    }

    fn parse_atom(&mut self) -> PResult<Option<Node>> {
        let c = match self.peek() {
            Some(c) => c,
            None => return Ok(None),
        };
        match c {
            '(' => self.parse_group(),
            ')' => self.err("unbalanced parenthesis", self.i),
            '[' => self.parse_class().map(Some),
            '.' => {
                self.i += 1;
                Ok(Some(Node::Any(self.flags & F_S != 0)))
            }
            '^' => {
                self.i += 1;
                Ok(Some(Node::Assert(Assert::Bol(self.flags & F_M != 0))))
            }
            '$' => {
                self.i += 1;
                Ok(Some(Node::Assert(Assert::Eol(self.flags & F_M != 0))))
            }
            '\\' => self.parse_escape(false).map(Some),
            c => {
                self.i += 1;
                Ok(Some(Node::Char(c, self.icase())))
            }
        }
    }

    /// Parse an escape at the cursor (a backslash). Inside a class only char-like results occur.
    fn parse_escape(&mut self, in_class: bool) -> PResult<Node> {
        let start = self.i;
        self.i += 1;
        let c = match self.peek() {
            Some(c) => c,
            None => return self.err("bad escape (end of pattern)", start),
        };
        self.i += 1;
        let ic = self.icase();
        let ascii = self.ascii();
        let cls = |item: ClassItem| {
            Node::Class(Box::new(Class {
                items: vec![item],
                negated: false,
                icase: false,
                ascii,
            }))
        };
        let ch = |c: char| Node::Char(c, ic);
        Ok(match c {
            'd' => cls(ClassItem::Digit(false)),
            'D' => cls(ClassItem::Digit(true)),
            'w' => cls(ClassItem::Word(false)),
            'W' => cls(ClassItem::Word(true)),
            's' => cls(ClassItem::Space(false)),
            'S' => cls(ClassItem::Space(true)),
            'n' => ch('\n'),
            't' => ch('\t'),
            'r' => ch('\r'),
            'f' => ch('\x0c'),
            'v' => ch('\x0b'),
            'a' => ch('\x07'),
            'b' if in_class => ch('\x08'),
            'b' => Node::Assert(Assert::WordB(ascii)),
            'B' if !in_class => Node::Assert(Assert::NotWordB(ascii)),
            'A' if !in_class => Node::Assert(Assert::Start),
            'Z' if !in_class => Node::Assert(Assert::End),
            'x' => ch(self.hex(2, start)?),
            'u' if !self.is_bytes => ch(self.hex(4, start)?),
            'U' if !self.is_bytes => ch(self.hex(8, start)?),
            '0' => {
                let mut v = 0u32;
                let mut n = 0;
                while n < 2 {
                    match self.peek().and_then(|c| c.to_digit(8)) {
                        Some(d) => {
                            v = v * 8 + d;
                            self.i += 1;
                            n += 1;
                        }
                        None => break,
                    }
                }
                ch(char::from_u32(v).unwrap_or('\0'))
            }
            '1'..='9' => {
                // Octal escape with three digits, else a group reference.
                let d2 = self.p.get(self.i).and_then(|c| c.to_digit(8));
                let d3 = self.p.get(self.i + 1).and_then(|c| c.to_digit(8));
                if let (Some(d1), Some(d2), Some(d3)) = (c.to_digit(8), d2, d3) {
                    let v = d1 * 64 + d2 * 8 + d3;
                    if v > 0o377 {
                        return Err(format!(
                            "octal escape value \\{}{}{}{} outside of range 0-0o377 at position {}",
                            c, d2, d3, "", start
                        ));
                    }
                    self.i += 2;
                    return Ok(ch(char::from_u32(v).unwrap_or('\0')));
                }
                if in_class {
                    return Err(format!("bad escape \\{} at position {}", c, start));
                }
                let mut g = c.to_digit(10).unwrap_or(0) as usize;
                if let Some(d) = self.peek().and_then(|c| c.to_digit(10)) {
                    g = g * 10 + d as usize;
                    self.i += 1;
                }
                if g > self.ngroups {
                    return Err(format!(
                        "invalid group reference {} at position {}",
                        g,
                        start + 1
                    ));
                }
                Node::Backref(g, ic)
            }
            c if c.is_ascii_alphanumeric() => {
                return Err(format!("bad escape \\{} at position {}", c, start))
            }
            c => ch(c),
        })
    }

    fn hex(&mut self, n: usize, start: usize) -> PResult<char> {
        let mut v: u32 = 0;
        for k in 0..n {
            match self.peek().and_then(|c| c.to_digit(16)) {
                Some(d) => {
                    v = v.wrapping_mul(16).wrapping_add(d);
                    self.i += 1;
                }
                None => {
                    let text: String = self.p[start..self.i.min(self.p.len())].iter().collect();
                    let _ = k;
                    return Err(format!("incomplete escape {} at position {}", text, start));
                }
            }
        }
        match char::from_u32(v) {
            Some(c) => Ok(c),
            None => {
                let text: String = self.p[start..self.i].iter().collect();
                Err(format!("bad escape {} at position {}", text, start))
            }
        }
    }

    fn parse_class(&mut self) -> PResult<Node> {
        let open = self.i;
        self.i += 1;
        let mut negated = false;
        if self.peek() == Some('^') {
            negated = true;
            self.i += 1;
        }
        let mut items = Vec::new();
        let mut first = true;
        loop {
            let c = match self.peek() {
                None => return self.err("unterminated character set", open),
                Some(c) => c,
            };
            if c == ']' && !first {
                self.i += 1;
                break;
            }
            first = false;
            let item_start = self.i;
            let lo = if c == '\\' {
                match self.parse_escape(true)? {
                    Node::Char(c, _) => c,
                    Node::Class(cl) => {
                        items.extend(cl.items.iter().cloned());
                        continue;
                    }
                    _ => return self.err("bad escape", item_start),
                }
            } else {
                self.i += 1;
                c
            };
            if self.peek() == Some('-') && self.p.get(self.i + 1).is_some_and(|&c| c != ']') {
                self.i += 1;
                let hi = if self.peek() == Some('\\') {
                    match self.parse_escape(true)? {
                        Node::Char(c, _) => c,
                        _ => {
                            let text: String = self.p[item_start..self.i].iter().collect();
                            return Err(format!(
                                "bad character range {} at position {}",
                                text, item_start
                            ));
                        }
                    }
                } else {
                    match self.peek() {
                        Some(c) => {
                            self.i += 1;
                            c
                        }
                        None => return self.err("unterminated character set", open),
                    }
                };
                if hi < lo {
                    let text: String = self.p[item_start..self.i].iter().collect();
                    return Err(format!(
                        "bad character range {} at position {}",
                        text, item_start
                    ));
                }
                items.push(ClassItem::Range(lo, hi));
            } else {
                items.push(ClassItem::Range(lo, lo));
            }
        }
        Ok(Node::Class(Box::new(Class {
            items,
            negated,
            icase: self.icase(),
            ascii: self.ascii(),
        })))
    }
}

/// Minimum and maximum width of a node (max None = unbounded or variable).
fn width(n: &Node) -> (usize, Option<usize>) {
    match n {
        Node::Empty | Node::Assert(_) | Node::Look(..) => (0, Some(0)),
        Node::Char(..) | Node::Any(_) | Node::Class(_) => (1, Some(1)),
        Node::Group(_, b) => width(b),
        Node::Backref(..) => (0, None),
        Node::Concat(v) => v.iter().fold((0, Some(0)), |(a, b), n| {
            let (x, y) = width(n);
            (
                a.saturating_add(x),
                b.and_then(|b| y.map(|y| b.saturating_add(y))),
            )
        }),
        Node::Alt(v) => {
            let mut lo = usize::MAX;
            let mut hi = Some(0);
            for n in v {
                let (x, y) = width(n);
                lo = lo.min(x);
                hi = match (hi, y) {
                    (Some(a), Some(b)) => Some(a.max(b)),
                    _ => None,
                };
            }
            (if v.is_empty() { 0 } else { lo }, hi)
        }
        Node::Repeat(b, lo, hi, _) => {
            let (x, y) = width(b);
            (
                x.saturating_mul(*lo as usize),
                match (y, hi) {
                    (Some(0), _) => Some(0),
                    (Some(y), Some(h)) => Some(y.saturating_mul(*h as usize)),
                    _ => None,
                },
            )
        }
    }
}

struct Compiler {
    insts: Vec<Inst>,
    nregs: usize,
    pending: Vec<(usize, Node, bool)>,
}

impl Compiler {
    fn emit(&mut self, i: Inst) -> PResult<usize> {
        if self.insts.len() >= MAX_PROG {
            return Err(String::from("pattern too large"));
        }
        self.insts.push(i);
        Ok(self.insts.len() - 1)
    }

    fn patch(&mut self, at: usize, a: usize, b: usize) {
        if let Some(slot) = self.insts.get_mut(at) {
            match slot {
                Inst::Split(x, y) => {
                    *x = a;
                    *y = b;
                }
                Inst::Jmp(x) => *x = a,
                _ => {}
            }
        }
    }

    fn node(&mut self, n: &Node) -> PResult<()> {
        match n {
            Node::Empty => {}
            Node::Char(c, false) => {
                self.emit(Inst::Char(*c))?;
            }
            Node::Char(c, true) => {
                if lower(*c) == upper(*c) {
                    self.emit(Inst::Char(*c))?;
                } else {
                    self.emit(Inst::CharI(lower(*c)))?;
                }
            }
            Node::Any(dotall) => {
                self.emit(if *dotall { Inst::Any } else { Inst::AnyNoNl })?;
            }
            Node::Class(c) => {
                self.emit(Inst::Class(c.clone()))?;
            }
            Node::Assert(a) => {
                self.emit(Inst::Assert(*a))?;
            }
            Node::Backref(g, ic) => {
                self.emit(Inst::Backref(*g, *ic))?;
            }
            Node::Group(idx, b) => {
                if let Some(g) = idx {
                    self.emit(Inst::Save(2 * g))?;
                }
                self.node(b)?;
                if let Some(g) = idx {
                    self.emit(Inst::Save(2 * g + 1))?;
                }
            }
            Node::Concat(v) => {
                for n in v {
                    self.node(n)?;
                }
            }
            Node::Alt(v) => {
                let mut jumps = Vec::new();
                for (k, n) in v.iter().enumerate() {
                    if k + 1 < v.len() {
                        let split = self.emit(Inst::Split(0, 0))?;
                        self.node(n)?;
                        jumps.push(self.emit(Inst::Jmp(0))?);
                        let next = self.insts.len();
                        self.patch(split, split + 1, next);
                    } else {
                        self.node(n)?;
                    }
                }
                let end = self.insts.len();
                for j in jumps {
                    self.patch(j, end, 0);
                }
            }
            Node::Repeat(b, lo, hi, greedy) => {
                for _ in 0..*lo {
                    self.node(b)?;
                }
                match hi {
                    Some(h) => {
                        let mut splits = Vec::new();
                        for _ in *lo..*h {
                            splits.push(self.emit(Inst::Split(0, 0))?);
                            self.node(b)?;
                        }
                        let end = self.insts.len();
                        for s in splits {
                            if *greedy {
                                self.patch(s, s + 1, end);
                            } else {
                                self.patch(s, end, s + 1);
                            }
                        }
                    }
                    None => {
                        let may_empty = width(b).0 == 0;
                        let split = self.emit(Inst::Split(0, 0))?;
                        let reg = self.nregs;
                        if may_empty {
                            self.nregs += 1;
                            self.emit(Inst::Mark(reg))?;
                        }
                        self.node(b)?;
                        if may_empty {
                            self.emit(Inst::Progress(reg))?;
                        }
                        self.emit(Inst::Jmp(split))?;
                        let end = self.insts.len();
                        if *greedy {
                            self.patch(split, split + 1, end);
                        } else {
                            self.patch(split, end, split + 1);
                        }
                    }
                }
            }
            Node::Look(b, behind, neg) => {
                let behind = if *behind {
                    match width(b) {
                        (x, Some(y)) if x == y => Some(x),
                        _ => return Err(String::from("look-behind requires fixed-width pattern")),
                    }
                } else {
                    None
                };
                let at = self.emit(Inst::Look {
                    start: 0,
                    behind,
                    neg: *neg,
                })?;
                self.pending.push((at, (**b).clone(), false));
            }
        }
        Ok(())
    }

    /// Compile lookaround bodies after the main program, each ending in `Match`.
    fn flush(&mut self) -> PResult<()> {
        while let Some((at, body, _)) = self.pending.pop() {
            let start = self.insts.len();
            self.node(&body)?;
            self.emit(Inst::Match)?;
            if let Some(Inst::Look { start: s, .. }) = self.insts.get_mut(at) {
                *s = start;
            }
        }
        Ok(())
    }
}

/// Parse and compile a pattern; returns the program, the final flags and the group names.
fn compile(pat: &[char], flags: i64, is_bytes: bool) -> PResult<Prog> {
    let mut p = Parser {
        p: pat,
        i: 0,
        flags,
        ngroups: 0,
        names: Vec::new(),
        depth: 0,
        is_bytes,
    };
    let node = p.parse_alt()?;
    if p.i < pat.len() {
        return p.err("unbalanced parenthesis", p.i);
    }
    let mut c = Compiler {
        insts: Vec::new(),
        nregs: 0,
        pending: Vec::new(),
    };
    c.node(&node)?;
    let main_match = c.emit(Inst::Match)?;
    c.flush()?;
    let first = match c.insts.first() {
        Some(Inst::Char(ch)) => Some(*ch),
        _ => None,
    };
    let flags = if is_bytes || p.flags & F_A != 0 {
        p.flags
    } else {
        p.flags | F_U
    };
    Ok(Prog {
        insts: c.insts,
        ngroups: p.ngroups,
        nregs: c.nregs,
        first,
        main_match,
        flags,
        names: p.names,
    })
}

/// Backtrack stack entries.
enum Bt {
    Alt(usize, usize),
    Slot(usize, usize),
    Reg(usize, usize),
}

/// Marker for "no position" in capture slots.
const UNSET: usize = usize::MAX;

struct Ctx<'a> {
    s: &'a [char],
    end: usize,
    steps: u64,
    full: bool,
}

/// Ran out of steps.
struct Limit;

impl Prog {
    fn at_word(s: &[char], i: usize, end: usize, ascii: bool) -> bool {
        i < end && s.get(i).is_some_and(|&c| is_word(c, ascii))
    }

    fn check(&self, a: Assert, ctx: &Ctx, pos: usize) -> bool {
        let s = ctx.s;
        match a {
            Assert::Start => pos == 0,
            Assert::End => pos == ctx.end,
            Assert::Bol(m) => pos == 0 || (m && s.get(pos - 1) == Some(&'\n')),
            Assert::Eol(m) => {
                pos == ctx.end
                    || (pos + 1 == ctx.end && s.get(pos) == Some(&'\n'))
                    || (m && pos < ctx.end && s.get(pos) == Some(&'\n'))
            }
            Assert::WordB(ascii) | Assert::NotWordB(ascii) => {
                let before = pos > 0 && Self::at_word(s, pos - 1, ctx.end, ascii);
                let after = Self::at_word(s, pos, ctx.end, ascii);
                (before != after) == matches!(a, Assert::WordB(_))
            }
        }
    }

    /// Run from `pc` at `pos`; on success returns the end position with `caps`/`regs` updated.
    fn run(
        &self,
        ctx: &mut Ctx,
        mut pc: usize,
        mut pos: usize,
        caps: &mut [usize],
        regs: &mut [usize],
        no_empty_at: Option<usize>,
    ) -> Result<Option<usize>, Limit> {
        let mut stack: Vec<Bt> = Vec::new();
        let s = ctx.s;
        loop {
            ctx.steps += 1;
            if ctx.steps > STEP_LIMIT {
                return Err(Limit);
            }
            let ok = match self.insts.get(pc) {
                None => false,
                Some(inst) => match inst {
                    Inst::Char(c) => {
                        if pos < ctx.end && s.get(pos) == Some(c) {
                            pos += 1;
                            pc += 1;
                            true
                        } else {
                            false
                        }
                    }
                    Inst::CharI(c) => {
                        if pos < ctx.end && s.get(pos).is_some_and(|&x| lower(x) == *c) {
                            pos += 1;
                            pc += 1;
                            true
                        } else {
                            false
                        }
                    }
                    Inst::Any => {
                        if pos < ctx.end {
                            pos += 1;
                            pc += 1;
                            true
                        } else {
                            false
                        }
                    }
                    Inst::AnyNoNl => {
                        if pos < ctx.end && s.get(pos) != Some(&'\n') {
                            pos += 1;
                            pc += 1;
                            true
                        } else {
                            false
                        }
                    }
                    Inst::Class(cl) => {
                        if pos < ctx.end && s.get(pos).is_some_and(|&c| cl.matches(c)) {
                            pos += 1;
                            pc += 1;
                            true
                        } else {
                            false
                        }
                    }
                    Inst::Assert(a) => {
                        pc += 1;
                        self.check(*a, ctx, pos)
                    }
                    Inst::Save(n) => {
                        if let Some(slot) = caps.get_mut(*n) {
                            stack.push(Bt::Slot(*n, *slot));
                            *slot = pos;
                        }
                        if n % 2 == 1 {
                            let li = caps.len() - 1;
                            stack.push(Bt::Slot(li, caps[li]));
                            caps[li] = n / 2;
                        }
                        pc += 1;
                        true
                    }
                    Inst::Split(a, b) => {
                        stack.push(Bt::Alt(*b, pos));
                        pc = *a;
                        true
                    }
                    Inst::Jmp(a) => {
                        pc = *a;
                        true
                    }
                    Inst::Mark(r) => {
                        stack.push(Bt::Reg(*r, regs[*r]));
                        regs[*r] = pos;
                        pc += 1;
                        true
                    }
                    Inst::Progress(r) => {
                        pc += 1;
                        regs[*r] != pos
                    }
                    Inst::Backref(g, ic) => {
                        let (a, b) = (
                            caps.get(2 * g).copied().unwrap_or(UNSET),
                            caps.get(2 * g + 1).copied().unwrap_or(UNSET),
                        );
                        if a == UNSET || b == UNSET || b < a {
                            false
                        } else {
                            let n = b - a;
                            let ok = pos + n <= ctx.end
                                && (0..n).all(|k| {
                                    let x = s.get(a + k).copied();
                                    let y = s.get(pos + k).copied();
                                    if *ic {
                                        x.map(lower) == y.map(lower)
                                    } else {
                                        x == y
                                    }
                                });
                            if ok {
                                pos += n;
                                pc += 1;
                            }
                            ok
                        }
                    }
                    Inst::Look { start, behind, neg } => {
                        let from = match behind {
                            Some(w) => pos.checked_sub(*w),
                            None => Some(pos),
                        };
                        let mut sub = caps.to_vec();
                        let mut subregs = regs.to_vec();
                        let hit = match from {
                            Some(f) => self
                                .run(ctx, *start, f, &mut sub, &mut subregs, None)?
                                .is_some(),
                            None => false,
                        };
                        if hit && !*neg {
                            for (k, v) in sub.iter().enumerate() {
                                if caps[k] != *v {
                                    stack.push(Bt::Slot(k, caps[k]));
                                    caps[k] = *v;
                                }
                            }
                        }
                        pc += 1;
                        hit != *neg
                    }
                    Inst::Match => {
                        if no_empty_at == Some(pos)
                            || (ctx.full && pc == self.main_match && pos != ctx.end)
                        {
                            false
                        } else {
                            return Ok(Some(pos));
                        }
                    }
                },
            };
            if ok {
                continue;
            }
            // Backtrack.
            loop {
                match stack.pop() {
                    None => return Ok(None),
                    Some(Bt::Slot(n, v)) => caps[n] = v,
                    Some(Bt::Reg(r, v)) => regs[r] = v,
                    Some(Bt::Alt(p, at)) => {
                        pc = p;
                        pos = at;
                        break;
                    }
                }
            }
        }
    }

    /// Match at `start`; `mode` 0 = match, 1 = search, 2 = fullmatch. Returns capture slots
    /// (last entry: lastindex).
    fn exec(
        &self,
        s: &[char],
        start: usize,
        end: usize,
        mode: i64,
        not_empty: bool,
        steps: &mut u64,
    ) -> Result<Option<Vec<usize>>, Limit> {
        let nslots = 2 * (self.ngroups + 1);
        let mut ctx = Ctx {
            s,
            end,
            steps: *steps,
            full: false,
        };
        let mut caps = vec![UNSET; nslots + 1];
        let mut regs = vec![UNSET; self.nregs];
        let mut at = start;
        let result = loop {
            if mode == 1 {
                if let Some(f) = self.first {
                    while at < end && s.get(at) != Some(&f) {
                        at += 1;
                    }
                    if at >= end {
                        break None;
                    }
                }
            }
            for c in caps.iter_mut() {
                *c = UNSET;
            }
            let no_empty = if not_empty { Some(start) } else { None };
            let r = if mode == 2 {
                ctx.full = true;
                self.run(&mut ctx, 0, at, &mut caps, &mut regs, no_empty)?
            } else {
                self.run(&mut ctx, 0, at, &mut caps, &mut regs, no_empty)?
            };
            if let Some(e) = r {
                caps[0] = at;
                caps[1] = e;
                break Some(caps);
            }
            if mode != 1 || at >= end {
                break None;
            }
            at += 1;
        };
        *steps = ctx.steps;
        Ok(result)
    }
}

fn subject(vm: &mut Vm, v: &Value) -> PyResult<(Vec<char>, bool)> {
    match v {
        Value::Str(s) => Ok((s.as_str().chars().collect(), false)),
        Value::Obj(o) => match &**o {
            PyObject::Bytes(b) => Ok((b.iter().map(|&x| x as char).collect(), true)),
            PyObject::ByteArray(b) => Ok((b.borrow().iter().map(|&x| x as char).collect(), true)),
            _ => Err(vm.type_error(format!(
                "expected string or bytes-like object, got '{}'",
                o.kind_name()
            ))),
        },
        _ => Err(vm.type_error("expected string or bytes-like object")),
    }
}

fn with_prog<R>(vm: &mut Vm, v: &Value, f: impl FnOnce(&Prog) -> R) -> PyResult<R> {
    if let Value::Obj(o) = v {
        if let PyObject::Native(n) = &**o {
            if let Some(p) = n.data.borrow().downcast_ref::<Prog>() {
                return Ok(f(p));
            }
        }
    }
    Err(vm.type_error("expected a compiled regular expression"))
}

fn int_arg(vm: &mut Vm, args: &[Value], i: usize) -> PyResult<i64> {
    match args.get(i) {
        Some(v) => vm.to_index(v),
        None => Err(vm.type_error("missing argument")),
    }
}

/// `Prog(pattern, flags)`: compile a pattern (raises ValueError "msg at position n").
fn prog_new(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let cls = match args.first() {
        Some(Value::Obj(c)) => c.clone(),
        _ => return Err(vm.type_error("Prog.__new__(X): X is not a type object")),
    };
    let pat = args.get(1).cloned().unwrap_or(Value::None);
    let (chars, is_bytes) = subject(vm, &pat)?;
    let flags = int_arg(vm, args, 2)?;
    if is_bytes && flags & F_U != 0 {
        return Err(vm.value_error("cannot use UNICODE flag with a bytes pattern"));
    }
    let prog = match compile(&chars, flags, is_bytes) {
        Ok(r) => r,
        Err(m) => return Err(vm.err(ExcKind::ValueError, m)),
    };
    Ok(Value::Obj(vm.alloc(PyObject::Native(NativeObj {
        class: cls,
        data: RefCell::new(Box::new(prog)),
    }))))
}

/// `prog.info()` -> (flags, ngroups, [(name, index)...]).
fn prog_info(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let prog = args.first().cloned().unwrap_or(Value::None);
    let (flags, ngroups, names) = with_prog(vm, &prog, |p| (p.flags, p.ngroups, p.names.clone()))?;
    let mut items = Vec::new();
    for (n, g) in names {
        let t = vm.new_tuple(vec![Value::string(n), Value::Int(g as i64)]);
        items.push(t);
    }
    let names = vm.new_list(items);
    Ok(vm.new_tuple(vec![Value::Int(flags), Value::Int(ngroups as i64), names]))
}

fn slots_value(vm: &mut Vm, caps: &[usize]) -> Value {
    let mut out = Vec::with_capacity(caps.len());
    let li = caps.last().copied().unwrap_or(UNSET);
    out.push(if li == UNSET {
        Value::None
    } else {
        Value::Int(li as i64)
    });
    for &c in &caps[..caps.len().saturating_sub(1)] {
        out.push(Value::Int(if c == UNSET { -1 } else { c as i64 }));
    }
    vm.new_tuple(out)
}

fn limit_err(vm: &mut Vm) -> crate::PyErr {
    vm.err(ExcKind::RuntimeError, "maximum recursion depth exceeded")
}

fn clamp(vm: &mut Vm, args: &[Value], n: usize) -> PyResult<(usize, usize)> {
    let pos = int_arg(vm, args, 2)?;
    let endpos = int_arg(vm, args, 3)?;
    let len = n as i64;
    let endpos = endpos.clamp(0, len) as usize;
    let pos = pos.clamp(0, len) as usize;
    Ok((pos, endpos))
}

/// `_re.exec(prog, string, pos, endpos, mode)` -> slots tuple or None.
fn re_exec(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (s, _) = subject(vm, args.get(1).unwrap_or(&Value::None))?;
    let (pos, end) = clamp(vm, args, s.len())?;
    let mode = int_arg(vm, args, 4)?;
    let prog = args.first().cloned().unwrap_or(Value::None);
    let mut steps = 0u64;
    let r = with_prog(vm, &prog, |p| {
        if pos > end {
            return Ok(None);
        }
        p.exec(&s, pos, end, mode, false, &mut steps)
    })?;
    match r {
        Ok(Some(caps)) => Ok(slots_value(vm, &caps)),
        Ok(None) => Ok(Value::None),
        Err(Limit) => Err(limit_err(vm)),
    }
}

/// `_re.scan(prog, string, pos, endpos, count)` -> list of slot tuples for successive
/// non-overlapping matches (count 0 = all).
fn re_scan(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (s, _) = subject(vm, args.get(1).unwrap_or(&Value::None))?;
    let (pos, end) = clamp(vm, args, s.len())?;
    let count = int_arg(vm, args, 4)?;
    let prog = args.first().cloned().unwrap_or(Value::None);
    let mut steps = 0u64;
    let r = with_prog(vm, &prog, |p| {
        let mut out = Vec::new();
        let mut at = pos;
        let mut not_empty = false;
        while at <= end && (count <= 0 || (out.len() as i64) < count) {
            match p.exec(&s, at, end, 1, not_empty, &mut steps)? {
                Some(caps) => {
                    let (a, b) = (caps[0], caps[1]);
                    not_empty = a == b;
                    at = b;
                    out.push(caps);
                    let _ = a;
                }
                None => break,
            }
        }
        Ok(out)
    })?;
    match r {
        Ok(list) => {
            let items: Vec<Value> = list.iter().map(|c| slots_value(vm, c)).collect();
            Ok(vm.new_list(items))
        }
        Err(Limit) => Err(limit_err(vm)),
    }
}

/// Create the `_re` module.
pub fn init_module(vm: &mut Vm) -> PyResult<Obj> {
    let m = vm.new_module("_re");
    let cls = types::new_type("Prog", vec![vm.types.object.clone()], Layout::Other, false);
    types::add_static_methods(&cls, &[("__new__", prog_new)]);
    types::add_methods(&cls, &[("info", prog_info)]);
    if let PyObject::Module(mm) = &*m {
        if let Some(d) = dict_of(&mm.dict) {
            let mut d = d.borrow_mut();
            d.set_str("exec", builtin_fn("exec", re_exec));
            d.set_str("scan", builtin_fn("scan", re_scan));
            d.set_str("Prog", Value::Obj(cls));
        }
    }
    Ok(m)
}
