//! The tokenizer: Python source text to tokens, with INDENT/DEDENT.
//!
//! The lexer works on the UTF-8 bytes of the source and tracks columns in characters. String
//! literals are returned with their raw body (the text between the quotes) and their prefix flags;
//! the parser decodes escapes (see [`decode_str`] and [`decode_bytes`]) and parses f-strings.

use alloc::boxed::Box;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::parser::{SyntaxError, SyntaxErrorKind};

/// Deepest bracket nesting the lexer accepts (CPython's MAXLEVEL).
pub const MAX_PAREN_DEPTH: usize = 200;
/// Deepest indentation nesting the lexer accepts (CPython's MAXINDENT).
pub const MAX_INDENT_DEPTH: usize = 100;

/// A string literal token: prefix flags and the raw text between the quotes.
#[derive(Clone, Debug, PartialEq)]
pub struct StrLit {
    /// `b` prefix.
    pub bytes: bool,
    /// `r` prefix.
    pub raw: bool,
    /// `f` prefix.
    pub fstr: bool,
    /// The text between the quotes, escapes not processed (line ends normalised to `\n`).
    pub body: String,
    /// Line of the first character of the body.
    pub line: u32,
    /// Column of the first character of the body.
    pub col: u32,
}

/// What a token is.
#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    /// An identifier (including the soft keywords `match`, `case` and `_`).
    Name(String),
    /// An integer literal that fits in i64.
    Int(i64),
    /// A larger integer literal, as decimal digits.
    BigInt(String),
    /// A float literal.
    Float(f64),
    /// An imaginary literal (`3j`).
    Imag(f64),
    /// A string or bytes literal.
    Str(Box<StrLit>),
    /// An operator, delimiter or hard keyword, spelled as in the source.
    Op(&'static str),
    /// End of a logical line.
    Newline,
    /// Indentation increased.
    Indent,
    /// Indentation decreased (one per level).
    Dedent,
    /// End of input.
    EndMarker,
}

/// A token with its position.
#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    /// The token.
    pub tok: Tok,
    /// 1-based line.
    pub line: u32,
    /// 0-based column in characters.
    pub col: u32,
}

/// How the lexer treats lines and indentation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LexMode {
    /// Statements: NEWLINE, INDENT and DEDENT tokens.
    File,
    /// One expression (`eval`): NEWLINE tokens but no indentation.
    Eval,
    /// An f-string replacement field: line ends are plain whitespace and every token gets the
    /// same line.
    FStringExpr,
}

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

const OPS3: &[&str] = &["**=", "//=", ">>=", "<<=", "..."];
const OPS2: &[&str] = &[
    "->", ":=", "**", "//", ">>", "<<", "<=", ">=", "==", "!=", "+=", "-=", "*=", "/=", "%=", "&=",
    "|=", "^=", "@=",
];
const OPS1: &[&str] = &[
    "+", "-", "*", "/", "%", "@", "&", "|", "^", "~", "<", ">", "(", ")", "[", "]", "{", "}", ",",
    ":", ".", ";", "=",
];

/// Return the keyword's static spelling if `s` is a hard keyword.
pub fn keyword(s: &str) -> Option<&'static str> {
    KEYWORDS.iter().copied().find(|k| *k == s)
}

fn is_id_start(c: char) -> bool {
    c == '_' || c.is_ascii_alphabetic() || (!c.is_ascii() && c.is_alphabetic())
}

fn is_id_continue(c: char) -> bool {
    c == '_'
        || c.is_ascii_alphanumeric()
        || (!c.is_ascii() && (c.is_alphanumeric() || is_combining(c)))
}

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x300..=0x36F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F | 0x200C | 0x200D)
}

fn syntax_error(msg: String, line: u32, col: u32) -> SyntaxError {
    SyntaxError {
        msg,
        line,
        col: col + 1,
        kind: SyntaxErrorKind::Syntax,
        incomplete: false,
    }
}

struct Lexer<'a> {
    text: &'a str,
    src: &'a [u8],
    pos: usize,
    line: u32,
    line_start: usize,
    col_cache_pos: usize,
    col_cache: u32,
    mode: LexMode,
    base_line: u32,
    base_col: u32,
    toks: Vec<Token>,
    parens: Vec<(u8, u32, u32)>,
    indents: Vec<(u32, u32)>,
    at_line_start: bool,
}

/// Tokenize a whole source text.
pub fn tokenize(source: &str, mode: LexMode) -> Result<Vec<Token>, SyntaxError> {
    tokenize_at(source, mode, 1, 0)
}

/// Tokenize `source` whose first character is at (`line`, `col`) of an enclosing text (used for
/// f-string replacement fields).
pub fn tokenize_at(
    source: &str,
    mode: LexMode,
    line: u32,
    col: u32,
) -> Result<Vec<Token>, SyntaxError> {
    let text = source.strip_prefix('\u{FEFF}').unwrap_or(source);
    let mut lx = Lexer {
        text,
        src: text.as_bytes(),
        pos: 0,
        line: 1,
        line_start: 0,
        col_cache_pos: 0,
        col_cache: 0,
        mode,
        base_line: line,
        base_col: col,
        toks: Vec::with_capacity(text.len() / 4 + 4),
        parens: Vec::new(),
        indents: alloc::vec![(0, 0)],
        at_line_start: mode == LexMode::File,
    };
    lx.run()?;
    Ok(lx.toks)
}

impl<'a> Lexer<'a> {
    fn peek(&self, off: usize) -> u8 {
        self.src.get(self.pos + off).copied().unwrap_or(0)
    }

    fn cur_char(&self) -> Option<char> {
        self.text.get(self.pos..).and_then(|s| s.chars().next())
    }

    /// Column (in characters) of byte offset `pos` on the current line.
    fn col_at(&mut self, pos: usize) -> u32 {
        if self.col_cache_pos < self.line_start || self.col_cache_pos > pos {
            self.col_cache_pos = self.line_start;
            self.col_cache = 0;
        }
        let mut col = self.col_cache;
        for &b in self.src.get(self.col_cache_pos..pos).unwrap_or(&[]) {
            if b & 0xC0 != 0x80 {
                col += 1;
            }
        }
        self.col_cache_pos = pos;
        self.col_cache = col;
        col
    }

    fn position(&mut self, pos: usize) -> (u32, u32) {
        let col = self.col_at(pos);
        if self.mode == LexMode::FStringExpr {
            (self.base_line, self.base_col + col)
        } else {
            (self.line, col)
        }
    }

    fn err(&mut self, msg: String, pos: usize) -> SyntaxError {
        let (line, col) = self.position(pos);
        syntax_error(msg, line, col)
    }

    fn push(&mut self, tok: Tok, pos: usize) {
        let (line, col) = self.position(pos);
        self.toks.push(Token { tok, line, col });
    }

    fn new_line(&mut self, next_start: usize) {
        self.line += 1;
        self.line_start = next_start;
        self.col_cache_pos = next_start;
        self.col_cache = 0;
    }

    fn last_is_newline(&self) -> bool {
        matches!(
            self.toks.last(),
            None | Some(Token {
                tok: Tok::Newline,
                ..
            })
        )
    }

    fn run(&mut self) -> Result<(), SyntaxError> {
        loop {
            if self.at_line_start {
                self.at_line_start = false;
                if self.indentation()? {
                    continue;
                }
            }
            let c = self.peek(0);
            match c {
                0 if self.pos >= self.src.len() => break,
                b' ' | b'\t' | 0x0c => self.pos += 1,
                b'#' => {
                    while self.pos < self.src.len() && !matches!(self.src[self.pos], b'\n' | b'\r')
                    {
                        self.pos += 1;
                    }
                }
                b'\n' | b'\r' => {
                    let start = self.pos;
                    self.pos += if c == b'\r' && self.peek(1) == b'\n' {
                        2
                    } else {
                        1
                    };
                    if self.parens.is_empty() && self.mode != LexMode::FStringExpr {
                        if !self.last_is_newline() {
                            self.push(Tok::Newline, start);
                        }
                        self.at_line_start = self.mode == LexMode::File;
                    }
                    self.new_line(self.pos);
                }
                b'\\' => {
                    let start = self.pos;
                    self.pos += 1;
                    match self.peek(0) {
                        b'\n' => self.pos += 1,
                        b'\r' => self.pos += if self.peek(1) == b'\n' { 2 } else { 1 },
                        0 if self.pos >= self.src.len() => {
                            let mut e =
                                self.err(String::from("unexpected EOF while parsing"), start);
                            e.incomplete = true;
                            return Err(e);
                        }
                        _ => {
                            return Err(self.err(
                                String::from(
                                    "unexpected character after line continuation character",
                                ),
                                start + 1,
                            ))
                        }
                    }
                    self.new_line(self.pos);
                    if self.pos >= self.src.len() && self.mode != LexMode::FStringExpr {
                        let mut e =
                            self.err(String::from("unexpected EOF while parsing"), self.pos);
                        e.incomplete = true;
                        return Err(e);
                    }
                }
                b'0'..=b'9' => self.number()?,
                b'.' if self.peek(1).is_ascii_digit() => self.number()?,
                b'"' | b'\'' => self.string(self.pos, false, false, false)?,
                _ if c.is_ascii_alphabetic() || c == b'_' || c >= 0x80 => self.name()?,
                _ => self.operator()?,
            }
        }
        if let Some(&(p, line, col)) = self.parens.last() {
            let msg = format!("'{}' was never closed", p as char);
            let (line, col) = if self.mode == LexMode::FStringExpr {
                (self.base_line, self.base_col + col)
            } else {
                (line, col)
            };
            let mut e = syntax_error(msg, line, col);
            e.incomplete = true;
            return Err(e);
        }
        let end = self.pos;
        if self.mode != LexMode::FStringExpr && !self.last_is_newline() {
            self.push(Tok::Newline, end);
        }
        while self.indents.len() > 1 {
            self.indents.pop();
            self.push(Tok::Dedent, end);
        }
        self.push(Tok::EndMarker, end);
        Ok(())
    }

    /// Handle the indentation at the start of a line. Returns true when the line is blank.
    fn indentation(&mut self) -> Result<bool, SyntaxError> {
        let (mut col, mut alt) = (0u32, 0u32);
        loop {
            match self.peek(0) {
                b' ' => {
                    col = col.saturating_add(1);
                    alt = alt.saturating_add(1);
                }
                b'\t' => {
                    col = (col / 8).saturating_add(1).saturating_mul(8);
                    alt = alt.saturating_add(1);
                }
                0x0c => {
                    col = 0;
                    alt = 0;
                }
                _ => break,
            }
            self.pos += 1;
        }
        match self.peek(0) {
            b'#' | b'\n' | b'\r' => return Ok(true),
            0 if self.pos >= self.src.len() => return Ok(true),
            b'\\' if matches!(self.peek(1), b'\n' | b'\r') => return Ok(false),
            _ => {}
        }
        let &(top, top_alt) = self.indents.last().unwrap_or(&(0, 0));
        let tab_err = |lx: &mut Self| {
            let mut e = lx.err(
                String::from("inconsistent use of tabs and spaces in indentation"),
                lx.pos,
            );
            e.kind = SyntaxErrorKind::Tab;
            e
        };
        if col == top {
            if alt != top_alt {
                return Err(tab_err(self));
            }
        } else if col > top {
            if alt <= top_alt {
                return Err(tab_err(self));
            }
            if self.indents.len() > MAX_INDENT_DEPTH {
                let mut e = self.err(String::from("too many levels of indentation"), self.pos);
                e.kind = SyntaxErrorKind::Indentation;
                return Err(e);
            }
            self.indents.push((col, alt));
            self.push(Tok::Indent, self.pos);
        } else {
            while self.indents.len() > 1 && col < self.indents.last().map_or(0, |t| t.0) {
                self.indents.pop();
                self.push(Tok::Dedent, self.pos);
            }
            let &(top, top_alt) = self.indents.last().unwrap_or(&(0, 0));
            if col != top {
                let mut e = self.err(
                    String::from("unindent does not match any outer indentation level"),
                    self.pos,
                );
                e.kind = SyntaxErrorKind::Indentation;
                return Err(e);
            }
            if alt != top_alt {
                return Err(tab_err(self));
            }
        }
        Ok(false)
    }

    fn name(&mut self) -> Result<(), SyntaxError> {
        let start = self.pos;
        let first = self.cur_char().unwrap_or('\0');
        if !is_id_start(first) {
            return Err(self.invalid_char(first));
        }
        self.pos += first.len_utf8();
        while self.pos < self.src.len() {
            let b = self.src[self.pos];
            if b.is_ascii_alphanumeric() || b == b'_' {
                self.pos += 1;
            } else if b >= 0x80 {
                let c = self.cur_char().unwrap_or('\0');
                if is_id_continue(c) {
                    self.pos += c.len_utf8();
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        let word = &self.text[start..self.pos];
        let q = self.peek(0);
        if (q == b'"' || q == b'\'') && word.len() <= 2 {
            let lower: Vec<u8> = word.bytes().map(|b| b.to_ascii_lowercase()).collect();
            let flags = match lower.as_slice() {
                b"r" => Some((false, true, false)),
                b"u" => Some((false, false, false)),
                b"b" => Some((true, false, false)),
                b"f" => Some((false, false, true)),
                b"br" | b"rb" => Some((true, true, false)),
                b"fr" | b"rf" => Some((false, true, true)),
                _ => None,
            };
            if let Some((bytes, raw, fstr)) = flags {
                return self.string(start, bytes, raw, fstr);
            }
        }
        let tok = match keyword(word) {
            Some(k) => Tok::Op(k),
            None => Tok::Name(String::from(word)),
        };
        self.push(tok, start);
        Ok(())
    }

    fn invalid_char(&mut self, c: char) -> SyntaxError {
        let msg = if c.is_control()
            || c.is_whitespace()
            || matches!(c as u32, 0x200B..=0x200F | 0xFEFF)
        {
            format!("invalid non-printable character U+{:04X}", c as u32)
        } else {
            format!("invalid character '{}' (U+{:04X})", c, c as u32)
        };
        self.err(msg, self.pos)
    }

    fn operator(&mut self) -> Result<(), SyntaxError> {
        let start = self.pos;
        let rest = &self.src[self.pos..];
        let mut found: Option<&'static str> = None;
        for table in [OPS3, OPS2, OPS1] {
            if let Some(op) = table
                .iter()
                .copied()
                .find(|op| rest.starts_with(op.as_bytes()))
            {
                found = Some(op);
                break;
            }
        }
        let Some(op) = found else {
            let c = self.cur_char().unwrap_or('\0');
            if c.is_ascii() && !c.is_ascii_control() {
                return Err(self.err(String::from("invalid syntax"), start));
            }
            return Err(self.invalid_char(c));
        };
        self.pos += op.len();
        match op {
            "(" | "[" | "{" => {
                if self.parens.len() >= MAX_PAREN_DEPTH {
                    return Err(self.err(String::from("too many nested parentheses"), start));
                }
                let col = self.col_at(start);
                self.parens.push((op.as_bytes()[0], self.line, col));
            }
            ")" | "]" | "}" => {
                match self.parens.pop() {
                    None => return Err(self.err(format!("unmatched '{}'", op), start)),
                    Some((open, line, _)) => {
                        let want = match open {
                            b'(' => b')',
                            b'[' => b']',
                            _ => b'}',
                        };
                        if want != op.as_bytes()[0] {
                            let msg = if line != self.line && self.mode != LexMode::FStringExpr {
                                format!("closing parenthesis '{}' does not match opening parenthesis '{}' on line {}", op, open as char, line)
                            } else {
                                format!("closing parenthesis '{}' does not match opening parenthesis '{}'", op, open as char)
                            };
                            return Err(self.err(msg, start));
                        }
                    }
                }
            }
            _ => {}
        }
        self.push(Tok::Op(op), start);
        Ok(())
    }

    fn digits(&mut self, radix: u32, out: &mut String) -> Result<(), SyntaxError> {
        // Digits with single underscores between them.
        loop {
            let b = self.peek(0);
            if (b as char).is_digit(radix) {
                out.push(b as char);
                self.pos += 1;
            } else if b == b'_' && (self.peek(1) as char).is_digit(radix) && !out.is_empty() {
                self.pos += 1;
            } else if b == b'_' {
                let what = match radix {
                    16 => "hexadecimal",
                    8 => "octal",
                    2 => "binary",
                    _ => "decimal",
                };
                return Err(self.err(format!("invalid {} literal", what), self.pos));
            } else {
                return Ok(());
            }
        }
    }

    fn number(&mut self) -> Result<(), SyntaxError> {
        let start = self.pos;
        let radix = if self.peek(0) == b'0' {
            match self.peek(1) {
                b'x' | b'X' => 16,
                b'o' | b'O' => 8,
                b'b' | b'B' => 2,
                _ => 10,
            }
        } else {
            10
        };
        let mut digits = String::new();
        if radix != 10 {
            self.pos += 2;
            if self.peek(0) == b'_' {
                self.pos += 1;
            }
            self.digits(radix, &mut digits)?;
            let what = match radix {
                16 => "hexadecimal",
                8 => "octal",
                _ => "binary",
            };
            let next = self.peek(0);
            if next.is_ascii_digit() {
                return Err(self.err(
                    format!("invalid digit '{}' in {} literal", next as char, what),
                    self.pos,
                ));
            }
            if digits.is_empty() || next.is_ascii_alphanumeric() || next == b'_' || next >= 0x80 {
                return Err(self.err(format!("invalid {} literal", what), start));
            }
            let tok = match u64::from_str_radix(&digits, radix) {
                Ok(v) if v <= i64::MAX as u64 => Tok::Int(v as i64),
                _ => match num_bigint::BigUint::parse_bytes(digits.as_bytes(), radix) {
                    Some(b) => Tok::BigInt(b.to_str_radix(10)),
                    None => return Err(self.err(format!("invalid {} literal", what), start)),
                },
            };
            self.push(tok, start);
            return Ok(());
        }
        self.digits(10, &mut digits)?;
        let mut is_float = false;
        let mut text = digits.clone();
        if self.peek(0) == b'.' {
            is_float = true;
            self.pos += 1;
            text.push('.');
            if self.peek(0).is_ascii_digit() {
                self.digits(10, &mut text)?;
            }
        }
        if matches!(self.peek(0), b'e' | b'E') {
            let sign = matches!(self.peek(1), b'+' | b'-');
            let d = self.peek(if sign { 2 } else { 1 });
            if d.is_ascii_digit() {
                is_float = true;
                text.push('e');
                if sign {
                    text.push(self.peek(1) as char);
                }
                self.pos += if sign { 2 } else { 1 };
                self.digits(10, &mut text)?;
            } else {
                return Err(self.err(String::from("invalid decimal literal"), start));
            }
        }
        let imag = matches!(self.peek(0), b'j' | b'J');
        if imag {
            self.pos += 1;
        }
        let next = self.peek(0);
        if next.is_ascii_alphanumeric()
            || next == b'_'
            || (next >= 0x80 && self.cur_char().is_some_and(is_id_continue))
        {
            // `1if x else y` is still accepted by CPython 3.11 for a few keywords.
            let rest = &self.src[self.pos..];
            let kw_ok = ["and", "or", "in", "is", "if", "else", "for", "not"]
                .iter()
                .any(|k| {
                    rest.starts_with(k.as_bytes())
                        && !rest
                            .get(k.len())
                            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
                });
            if !kw_ok || (radix == 10 && !imag && !is_float && matches!(next, b'e' | b'E')) {
                let what = if imag { "imaginary" } else { "decimal" };
                return Err(self.err(format!("invalid {} literal", what), start));
            }
        }
        let tok = if imag {
            Tok::Imag(text.parse::<f64>().unwrap_or(f64::INFINITY))
        } else if is_float {
            Tok::Float(text.parse::<f64>().unwrap_or(f64::INFINITY))
        } else {
            if digits.len() > 1 && digits.starts_with('0') && digits.bytes().any(|b| b != b'0') {
                return Err(self.err(
                    String::from("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"),
                    start,
                ));
            }
            match digits.parse::<i64>() {
                Ok(v) => Tok::Int(v),
                Err(_) => {
                    let trimmed = digits.trim_start_matches('0');
                    Tok::BigInt(String::from(if trimmed.is_empty() { "0" } else { trimmed }))
                }
            }
        };
        self.push(tok, start);
        Ok(())
    }

    fn string(
        &mut self,
        start: usize,
        bytes: bool,
        raw: bool,
        fstr: bool,
    ) -> Result<(), SyntaxError> {
        let q = self.peek(0);
        let triple = self.peek(1) == q && self.peek(2) == q;
        let (start_line, start_col) = self.position(start);
        self.pos += if triple { 3 } else { 1 };
        let body_start = self.pos;
        let (body_line, body_col) = self.position(body_start);
        let mut has_cr = false;
        let body_end;
        loop {
            if self.pos >= self.src.len() {
                // The line of the last character of the source.
                let last_line = if self.src.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
                    self.line.saturating_sub(1).max(1)
                } else {
                    self.line
                };
                let mut e = if triple {
                    syntax_error(
                        format!(
                            "unterminated triple-quoted string literal (detected at line {})",
                            last_line
                        ),
                        start_line,
                        start_col,
                    )
                } else {
                    syntax_error(
                        format!(
                            "unterminated string literal (detected at line {})",
                            self.line
                        ),
                        start_line,
                        start_col,
                    )
                };
                e.incomplete = triple;
                return Err(e);
            }
            let c = self.src[self.pos];
            if c == b'\\' {
                self.pos += 1;
                match self.peek(0) {
                    b'\n' => {
                        self.pos += 1;
                        self.new_line(self.pos);
                    }
                    b'\r' => {
                        has_cr = true;
                        self.pos += if self.peek(1) == b'\n' { 2 } else { 1 };
                        self.new_line(self.pos);
                    }
                    0 if self.pos >= self.src.len() => {}
                    _ => self.pos += 1,
                }
                continue;
            }
            if c == b'\n' || c == b'\r' {
                if !triple {
                    return Err(syntax_error(
                        format!(
                            "unterminated string literal (detected at line {})",
                            self.line
                        ),
                        start_line,
                        start_col,
                    ));
                }
                if c == b'\r' {
                    has_cr = true;
                }
                self.pos += if c == b'\r' && self.peek(1) == b'\n' {
                    2
                } else {
                    1
                };
                self.new_line(self.pos);
                continue;
            }
            if c == q && (!triple || (self.peek(1) == q && self.peek(2) == q)) {
                body_end = self.pos;
                self.pos += if triple { 3 } else { 1 };
                break;
            }
            self.pos += 1;
        }
        let raw_body = &self.text[body_start..body_end];
        if bytes && !raw_body.is_ascii() {
            return Err(syntax_error(
                String::from("bytes can only contain ASCII literal characters"),
                start_line,
                start_col,
            ));
        }
        let body = if has_cr {
            raw_body.replace("\r\n", "\n").replace('\r', "\n")
        } else {
            String::from(raw_body)
        };
        let lit = StrLit {
            bytes,
            raw,
            fstr,
            body,
            line: body_line,
            col: body_col,
        };
        self.toks.push(Token {
            tok: Tok::Str(Box::new(lit)),
            line: start_line,
            col: start_col,
        });
        Ok(())
    }
}

/// Look up a `\N{NAME}` character name (case-insensitive) in the built-in table.
pub fn lookup_char_name(name: &str) -> Option<char> {
    let up: String = name.chars().map(|c| c.to_ascii_uppercase()).collect();
    let n = up.as_str();
    for (prefix, base) in [
        ("LATIN SMALL LETTER ", b'a'),
        ("LATIN CAPITAL LETTER ", b'A'),
    ] {
        if let Some(rest) = n.strip_prefix(prefix) {
            let rb = rest.as_bytes();
            if rb.len() == 1 && rb[0].is_ascii_uppercase() {
                return Some((base + (rb[0] - b'A')) as char);
            }
        }
    }
    const DIGITS: [&str; 10] = [
        "ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE",
    ];
    if let Some(rest) = n.strip_prefix("DIGIT ") {
        if let Some(i) = DIGITS.iter().position(|d| *d == rest) {
            return Some((b'0' + i as u8) as char);
        }
    }
    const GREEK: [&str; 25] = [
        "ALPHA",
        "BETA",
        "GAMMA",
        "DELTA",
        "EPSILON",
        "ZETA",
        "ETA",
        "THETA",
        "IOTA",
        "KAPPA",
        "LAMDA",
        "MU",
        "NU",
        "XI",
        "OMICRON",
        "PI",
        "RHO",
        "FINAL SIGMA",
        "SIGMA",
        "TAU",
        "UPSILON",
        "PHI",
        "CHI",
        "PSI",
        "OMEGA",
    ];
    for (prefix, base) in [
        ("GREEK SMALL LETTER ", 0x3B1u32),
        ("GREEK CAPITAL LETTER ", 0x391u32),
    ] {
        if let Some(rest) = n.strip_prefix(prefix) {
            let rest = if rest == "LAMBDA" { "LAMDA" } else { rest };
            if base == 0x391 && rest == "FINAL SIGMA" {
                return None;
            }
            if let Some(i) = GREEK.iter().position(|g| *g == rest) {
                return char::from_u32(base + i as u32);
            }
        }
    }
    const TABLE: &[(&str, u32)] = &[
        ("NULL", 0x0),
        ("CHARACTER TABULATION", 0x9),
        ("LINE FEED", 0xA),
        ("CARRIAGE RETURN", 0xD),
        ("ESCAPE", 0x1B),
        ("SPACE", 0x20),
        ("EXCLAMATION MARK", 0x21),
        ("QUOTATION MARK", 0x22),
        ("NUMBER SIGN", 0x23),
        ("DOLLAR SIGN", 0x24),
        ("PERCENT SIGN", 0x25),
        ("AMPERSAND", 0x26),
        ("APOSTROPHE", 0x27),
        ("LEFT PARENTHESIS", 0x28),
        ("RIGHT PARENTHESIS", 0x29),
        ("ASTERISK", 0x2A),
        ("PLUS SIGN", 0x2B),
        ("COMMA", 0x2C),
        ("HYPHEN-MINUS", 0x2D),
        ("FULL STOP", 0x2E),
        ("SOLIDUS", 0x2F),
        ("COLON", 0x3A),
        ("SEMICOLON", 0x3B),
        ("LESS-THAN SIGN", 0x3C),
        ("EQUALS SIGN", 0x3D),
        ("GREATER-THAN SIGN", 0x3E),
        ("QUESTION MARK", 0x3F),
        ("COMMERCIAL AT", 0x40),
        ("LEFT SQUARE BRACKET", 0x5B),
        ("REVERSE SOLIDUS", 0x5C),
        ("RIGHT SQUARE BRACKET", 0x5D),
        ("CIRCUMFLEX ACCENT", 0x5E),
        ("LOW LINE", 0x5F),
        ("GRAVE ACCENT", 0x60),
        ("LEFT CURLY BRACKET", 0x7B),
        ("VERTICAL LINE", 0x7C),
        ("RIGHT CURLY BRACKET", 0x7D),
        ("TILDE", 0x7E),
        ("DELETE", 0x7F),
        ("NO-BREAK SPACE", 0xA0),
        ("INVERTED EXCLAMATION MARK", 0xA1),
        ("CENT SIGN", 0xA2),
        ("POUND SIGN", 0xA3),
        ("CURRENCY SIGN", 0xA4),
        ("YEN SIGN", 0xA5),
        ("SECTION SIGN", 0xA7),
        ("COPYRIGHT SIGN", 0xA9),
        ("LEFT-POINTING DOUBLE ANGLE QUOTATION MARK", 0xAB),
        ("NOT SIGN", 0xAC),
        ("REGISTERED SIGN", 0xAE),
        ("DEGREE SIGN", 0xB0),
        ("PLUS-MINUS SIGN", 0xB1),
        ("MICRO SIGN", 0xB5),
        ("PILCROW SIGN", 0xB6),
        ("MIDDLE DOT", 0xB7),
        ("RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK", 0xBB),
        ("INVERTED QUESTION MARK", 0xBF),
        ("MULTIPLICATION SIGN", 0xD7),
        ("LATIN SMALL LETTER SHARP S", 0xDF),
        ("LATIN SMALL LETTER E WITH ACUTE", 0xE9),
        ("LATIN SMALL LETTER A WITH GRAVE", 0xE0),
        ("LATIN SMALL LETTER U WITH DIAERESIS", 0xFC),
        ("LATIN SMALL LETTER O WITH DIAERESIS", 0xF6),
        ("LATIN SMALL LETTER A WITH DIAERESIS", 0xE4),
        ("LATIN SMALL LETTER N WITH TILDE", 0xF1),
        ("LATIN SMALL LETTER C WITH CEDILLA", 0xE7),
        ("DIVISION SIGN", 0xF7),
        ("ZERO WIDTH SPACE", 0x200B),
        ("EN DASH", 0x2013),
        ("EM DASH", 0x2014),
        ("LEFT SINGLE QUOTATION MARK", 0x2018),
        ("RIGHT SINGLE QUOTATION MARK", 0x2019),
        ("LEFT DOUBLE QUOTATION MARK", 0x201C),
        ("RIGHT DOUBLE QUOTATION MARK", 0x201D),
        ("DAGGER", 0x2020),
        ("BULLET", 0x2022),
        ("HORIZONTAL ELLIPSIS", 0x2026),
        ("PER MILLE SIGN", 0x2030),
        ("EURO SIGN", 0x20AC),
        ("TRADE MARK SIGN", 0x2122),
        ("LEFTWARDS ARROW", 0x2190),
        ("UPWARDS ARROW", 0x2191),
        ("RIGHTWARDS ARROW", 0x2192),
        ("DOWNWARDS ARROW", 0x2193),
        ("INFINITY", 0x221E),
        ("NOT EQUAL TO", 0x2260),
        ("LESS-THAN OR EQUAL TO", 0x2264),
        ("GREATER-THAN OR EQUAL TO", 0x2265),
        ("BOX DRAWINGS LIGHT HORIZONTAL", 0x2500),
        ("BOX DRAWINGS LIGHT VERTICAL", 0x2502),
        ("FULL BLOCK", 0x2588),
        ("BLACK SQUARE", 0x25A0),
        ("WHITE SQUARE", 0x25A1),
        ("BLACK CIRCLE", 0x25CF),
        ("WHITE CIRCLE", 0x25CB),
        ("SNOWMAN", 0x2603),
        ("BLACK STAR", 0x2605),
        ("WHITE STAR", 0x2606),
        ("WHITE SMILING FACE", 0x263A),
        ("BLACK HEART SUIT", 0x2665),
        ("CHECK MARK", 0x2713),
        ("HEAVY CHECK MARK", 0x2714),
        ("WHITE HEAVY CHECK MARK", 0x2705),
        ("BALLOT X", 0x2717),
        ("HEAVY BLACK HEART", 0x2764),
        ("REPLACEMENT CHARACTER", 0xFFFD),
        ("GRINNING FACE", 0x1F600),
        ("SMILING FACE WITH SMILING EYES", 0x1F60A),
        ("THUMBS UP SIGN", 0x1F44D),
        ("PILE OF POO", 0x1F4A9),
        ("SNAKE", 0x1F40D),
        ("ROCKET", 0x1F680),
        ("FIRE", 0x1F525),
    ];
    TABLE
        .iter()
        .find(|(k, _)| *k == n)
        .and_then(|&(_, v)| char::from_u32(v))
}

fn hex_value(s: &[u8]) -> Option<u32> {
    let mut v: u32 = 0;
    for &b in s {
        v = v.checked_mul(16)?.checked_add((b as char).to_digit(16)?)?;
    }
    Some(v)
}

/// Decode the escapes of a (non-raw) str literal body. The error is the message of the SyntaxError.
pub fn decode_str(body: &str, raw: bool) -> Result<String, String> {
    if raw || !body.contains('\\') {
        return Ok(String::from(body));
    }
    let b = body.as_bytes();
    let mut out = String::with_capacity(body.len());
    let mut i = 0;
    let mut run = 0;
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        out.push_str(&body[run..i]);
        let start = i;
        i += 1;
        let Some(&c) = b.get(i) else {
            out.push('\\');
            run = i;
            break;
        };
        i += 1;
        match c {
            b'\n' => {}
            b'\\' => out.push('\\'),
            b'\'' => out.push('\''),
            b'"' => out.push('"'),
            b'a' => out.push('\x07'),
            b'b' => out.push('\x08'),
            b'f' => out.push('\x0c'),
            b'n' => out.push('\n'),
            b'r' => out.push('\r'),
            b't' => out.push('\t'),
            b'v' => out.push('\x0b'),
            b'0'..=b'7' => {
                let mut v = (c - b'0') as u32;
                for _ in 0..2 {
                    match b.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            v = v * 8 + (d - b'0') as u32;
                            i += 1;
                        }
                        _ => break,
                    }
                }
                out.push(char::from_u32(v).unwrap_or('\u{FFFD}'));
            }
            b'x' | b'u' | b'U' => {
                let n = match c {
                    b'x' => 2,
                    b'u' => 4,
                    _ => 8,
                };
                let digits = b
                    .get(i..i + n)
                    .filter(|d| d.iter().all(|x| x.is_ascii_hexdigit()));
                let Some(digits) = digits else {
                    let what = match c {
                        b'x' => "truncated \\xXX escape",
                        b'u' => "truncated \\uXXXX escape",
                        _ => "truncated \\UXXXXXXXX escape",
                    };
                    let mut end = i;
                    while end < b.len() && end < i + n && b[end].is_ascii_hexdigit() {
                        end += 1;
                    }
                    return Err(format!(
                        "(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: {}",
                        start,
                        end.saturating_sub(1),
                        what
                    ));
                };
                let v = hex_value(digits).unwrap_or(u32::MAX);
                // Lone surrogates cannot live in a Rust string: they become U+FFFD.
                let v = if (0xD800..0xE000).contains(&v) {
                    0xFFFD
                } else {
                    v
                };
                match char::from_u32(v) {
                    Some(ch) => out.push(ch),
                    None => {
                        return Err(format!(
                            "(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: illegal Unicode character",
                            start,
                            i + n - 1
                        ))
                    }
                }
                i += n;
            }
            b'N' => {
                let close = if b.get(i) == Some(&b'{') {
                    body[i..].find('}').map(|p| i + p)
                } else {
                    None
                };
                let found =
                    close.and_then(|cl| lookup_char_name(&body[i + 1..cl]).map(|ch| (ch, cl)));
                match found {
                    Some((ch, cl)) => {
                        out.push(ch);
                        i = cl + 1;
                    }
                    None => {
                        let (end, what) = match close {
                            Some(cl) => (cl, "unknown Unicode character name"),
                            None => (i.saturating_sub(1), "malformed \\N character escape"),
                        };
                        return Err(format!("(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: {}", start, end, what));
                    }
                }
            }
            _ => {
                // Unknown escapes are kept verbatim (backslash included).
                out.push('\\');
                i = start + 1;
            }
        }
        run = i;
    }
    if run < b.len() {
        out.push_str(&body[run..]);
    }
    Ok(out)
}

/// Decode the escapes of a bytes literal body (already checked to be ASCII).
pub fn decode_bytes(body: &str, raw: bool) -> Result<Vec<u8>, String> {
    let b = body.as_bytes();
    if raw || !body.contains('\\') {
        return Ok(b.to_vec());
    }
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        i += 1;
        if c != b'\\' {
            out.push(c);
            continue;
        }
        let Some(&e) = b.get(i) else {
            out.push(b'\\');
            break;
        };
        i += 1;
        match e {
            b'\n' => {}
            b'\\' => out.push(b'\\'),
            b'\'' => out.push(b'\''),
            b'"' => out.push(b'"'),
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'v' => out.push(11),
            b'0'..=b'7' => {
                let mut v = (e - b'0') as u32;
                for _ in 0..2 {
                    match b.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            v = v * 8 + (d - b'0') as u32;
                            i += 1;
                        }
                        _ => break,
                    }
                }
                out.push((v & 0xFF) as u8);
            }
            b'x' => {
                let digits = b
                    .get(i..i + 2)
                    .filter(|d| d.iter().all(|x| x.is_ascii_hexdigit()));
                match digits.and_then(hex_value) {
                    Some(v) => out.push(v as u8),
                    None => {
                        return Err(format!(
                            "(value error) invalid \\x escape at position {}",
                            i - 2
                        ))
                    }
                }
                i += 2;
            }
            _ => {
                out.push(b'\\');
                i -= 1;
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;

    fn kinds(src: &str) -> String {
        let toks = tokenize(src, LexMode::File).unwrap();
        let mut out = String::new();
        for t in toks {
            let s = match t.tok {
                Tok::Name(n) => n,
                Tok::Int(i) => i.to_string(),
                Tok::BigInt(s) => format!("big:{}", s),
                Tok::Float(f) => format!("f:{}", f),
                Tok::Imag(f) => format!("j:{}", f),
                Tok::Str(s) => format!("s:{}", s.body),
                Tok::Op(o) => String::from(o),
                Tok::Newline => String::from("NL"),
                Tok::Indent => String::from("IN"),
                Tok::Dedent => String::from("DE"),
                Tok::EndMarker => String::from("END"),
            };
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&s);
        }
        out
    }

    fn lex_err(src: &str) -> SyntaxError {
        tokenize(src, LexMode::File).unwrap_err()
    }

    #[test]
    fn basic_tokens() {
        assert_eq!(kinds("x = 1 + 2\n"), "x = 1 + 2 NL END");
        assert_eq!(kinds("if a:\n    b\nc"), "if a : NL IN b NL DE c NL END");
        assert_eq!(
            kinds("a **= b // c ... -> :="),
            "a **= b // c ... -> := NL END"
        );
        assert_eq!(kinds("(a,\n b)\n"), "( a , b ) NL END");
        assert_eq!(kinds("a = \\\n  1\n"), "a = 1 NL END");
        assert_eq!(kinds("\n\n# c\n  \nx # y\n"), "x NL END");
        assert_eq!(kinds("\u{FEFF}x\r\ny\r\n"), "x NL y NL END");
        assert_eq!(kinds("déjà = 1"), "déjà = 1 NL END");
    }

    #[test]
    fn numbers() {
        assert_eq!(kinds("0x_ff 0o17 0b101 1_000"), "255 15 5 1000 NL END");
        assert_eq!(
            kinds("1. .5 1e10 1_000.5 3j 1.5J"),
            "f:1 f:0.5 f:10000000000 f:1000.5 j:3 j:1.5 NL END"
        );
        assert_eq!(
            kinds("0xffffffffffffffffff"),
            "big:4722366482869645213695 NL END"
        );
        assert_eq!(
            kinds("99999999999999999999 00"),
            "big:99999999999999999999 0 NL END"
        );
        assert_eq!(kinds("1if x else 2"), "1 if x else 2 NL END");
        assert!(lex_err("012")
            .msg
            .starts_with("leading zeros in decimal integer literals"));
        assert_eq!(lex_err("1abc").msg, "invalid decimal literal");
        assert_eq!(lex_err("1__0").msg, "invalid decimal literal");
        assert_eq!(lex_err("0o8").msg, "invalid digit '8' in octal literal");
        assert_eq!(lex_err("0x").msg, "invalid hexadecimal literal");
    }

    #[test]
    fn strings() {
        assert_eq!(
            kinds("'a' \"b\" rb'c' F'{x}' '''x\ny'''"),
            "s:a s:b s:c s:{x} s:x\ny NL END"
        );
        let e = lex_err("x = 'abc\n");
        assert_eq!(e.msg, "unterminated string literal (detected at line 1)");
        assert_eq!((e.line, e.col), (1, 5));
        let e = lex_err("x = '''abc\n\n");
        assert_eq!(
            e.msg,
            "unterminated triple-quoted string literal (detected at line 2)"
        );
        assert!(e.incomplete);
        assert_eq!(
            lex_err("b'é'").msg,
            "bytes can only contain ASCII literal characters"
        );
        assert_eq!(
            decode_str(r"a\n\t\\\'\x41\u00e9\U0001F600\101\0\q", false).unwrap(),
            "a\n\t\\'Aé😀A\0\\q"
        );
        assert_eq!(
            decode_str(
                r"\N{EM DASH}\N{greek small letter alpha}\N{LATIN CAPITAL LETTER Q}",
                false
            )
            .unwrap(),
            "—αQ"
        );
        assert!(decode_str(r"\N{NOPE}", false).is_err());
        assert!(decode_str(r"\x4", false)
            .unwrap_err()
            .contains("truncated \\xXX escape"));
        assert_eq!(
            decode_bytes(r"\x00\xff\n\777\u", false).unwrap(),
            alloc::vec![0, 255, 10, 255, b'\\', b'u']
        );
    }

    #[test]
    fn indentation_errors() {
        let e = lex_err("if x:\n    a\n  b\n");
        assert_eq!(e.msg, "unindent does not match any outer indentation level");
        assert_eq!(e.kind, SyntaxErrorKind::Indentation);
        let e = lex_err("if x:\n\ta\n        b\n");
        assert_eq!(e.kind, SyntaxErrorKind::Tab);
        assert_eq!(e.msg, "inconsistent use of tabs and spaces in indentation");
        assert_eq!(kinds("if x:\n\ta\n\tb\n"), "if x : NL IN a NL b NL DE END");
    }

    #[test]
    fn bracket_errors() {
        let e = lex_err("f(1,\n2");
        assert_eq!(e.msg, "'(' was never closed");
        assert!(e.incomplete);
        assert_eq!(lex_err("a)").msg, "unmatched ')'");
        assert_eq!(
            lex_err("(a]").msg,
            "closing parenthesis ']' does not match opening parenthesis '('"
        );
        assert_eq!(lex_err("a = 1 €").msg, "invalid character '€' (U+20AC)");
        assert_eq!(lex_err("a $ b").msg, "invalid syntax");
        assert!(lex_err("x = 1 + \\").incomplete);
    }

    #[test]
    fn lex_speed_smoke() {
        let mut src = String::new();
        while src.len() < 1 << 20 {
            src.push_str("def f(a, b=1, *c):\n    return a + b * 3.5 - 'str\\n' # comment\n");
        }
        let toks = tokenize(&src, LexMode::File).unwrap();
        assert!(toks.len() > 100_000);
    }
}
