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

/// Whether `c` may start an identifier (`str.isidentifier`'s first character; XID_Start).
pub fn is_id_start(c: char) -> bool {
    if c.is_ascii() {
        return c == '_' || c.is_ascii_alphabetic();
    }
    (in_table(&LETTERS, c) && !in_table(&ID_START_NOT, c)) || in_table(&ID_START_EXTRA, c)
}

/// Whether `c` may continue an identifier (XID_Continue).
pub fn is_id_continue(c: char) -> bool {
    if c.is_ascii() {
        return c == '_' || c.is_ascii_alphanumeric();
    }
    is_id_start(c) || in_table(&ID_CONTINUE_EXTRA, c)
}

/// Whether `c` is a letter (Unicode categories L*: what `str.isalpha` accepts).
pub fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    in_table(&LETTERS, c)
}

/// Whether `c` falls in one of the ranges of `table` (sorted, each `start << 11 | (len - 1)`).
fn in_table(table: &[u32], c: char) -> bool {
    let cp = c as u32;
    let i = table.partition_point(|&e| (e >> 11) <= cp);
    i > 0
        && table
            .get(i - 1)
            .is_some_and(|&e| cp <= (e >> 11) + (e & 0x7FF))
}

// The tables below are generated from CPython 3.11 (Unicode 14.0) with its `unicodedata`
// categories and `str.isidentifier`, as ranges of code points from U+0080.

/// Letters (categories Lu, Ll, Lt, Lm, Lo) from U+0080: `str.isalpha`.
static LETTERS: [u32; 695] = [
    0x00055000, 0x0005a800, 0x0005d000, 0x00060016, 0x0006c01e, 0x0007c1c9, 0x0016300b, 0x00170004,
    0x00176000, 0x00177000, 0x001b8004, 0x001bb001, 0x001bd003, 0x001bf800, 0x001c3000, 0x001c4002,
    0x001c6000, 0x001c7013, 0x001d1852, 0x001fb88a, 0x002450a5, 0x00298825, 0x002ac800, 0x002b0028,
    0x002e801a, 0x002f7803, 0x0031002a, 0x00337001, 0x00338862, 0x0036a800, 0x00372801, 0x00377001,
    0x0037d002, 0x0037f800, 0x00388000, 0x0038901d, 0x003a6858, 0x003d8800, 0x003e5020, 0x003fa001,
    0x003fd000, 0x00400015, 0x0040d000, 0x00412000, 0x00414000, 0x00420018, 0x0043000a, 0x00438017,
    0x00444805, 0x00450029, 0x00482035, 0x0049e800, 0x004a8000, 0x004ac009, 0x004b880f, 0x004c2807,
    0x004c7801, 0x004c9815, 0x004d5006, 0x004d9000, 0x004db003, 0x004de800, 0x004e7000, 0x004ee001,
    0x004ef802, 0x004f8001, 0x004fe000, 0x00502805, 0x00507801, 0x00509815, 0x00515006, 0x00519001,
    0x0051a801, 0x0051c001, 0x0052c803, 0x0052f000, 0x00539002, 0x00542808, 0x00547802, 0x00549815,
    0x00555006, 0x00559001, 0x0055a804, 0x0055e800, 0x00568000, 0x00570001, 0x0057c800, 0x00582807,
    0x00587801, 0x00589815, 0x00595006, 0x00599001, 0x0059a804, 0x0059e800, 0x005ae001, 0x005af802,
    0x005b8800, 0x005c1800, 0x005c2805, 0x005c7002, 0x005c9003, 0x005cc801, 0x005ce000, 0x005cf001,
    0x005d1801, 0x005d4002, 0x005d700b, 0x005e8000, 0x00602807, 0x00607002, 0x00609016, 0x0061500f,
    0x0061e800, 0x0062c002, 0x0062e800, 0x00630001, 0x00640000, 0x00642807, 0x00647002, 0x00649016,
    0x00655009, 0x0065a804, 0x0065e800, 0x0066e801, 0x00670001, 0x00678801, 0x00682008, 0x00687002,
    0x00689028, 0x0069e800, 0x006a7000, 0x006aa002, 0x006af802, 0x006bd005, 0x006c2811, 0x006cd017,
    0x006d9808, 0x006de800, 0x006e0006, 0x0070082f, 0x00719001, 0x00720006, 0x00740801, 0x00742000,
    0x00743004, 0x00746017, 0x00752800, 0x00753809, 0x00759001, 0x0075e800, 0x00760004, 0x00763000,
    0x0076e003, 0x00780000, 0x007a0007, 0x007a4823, 0x007c4004, 0x0080002a, 0x0081f800, 0x00828005,
    0x0082d003, 0x00830800, 0x00832801, 0x00837002, 0x0083a80c, 0x00847000, 0x00850025, 0x00863800,
    0x00866800, 0x0086802a, 0x0087e14c, 0x00925003, 0x00928006, 0x0092c000, 0x0092d003, 0x00930028,
    0x00945003, 0x00948020, 0x00959003, 0x0095c006, 0x00960000, 0x00961003, 0x0096400e, 0x0096c038,
    0x00989003, 0x0098c042, 0x009c000f, 0x009d0055, 0x009fc005, 0x00a00a6b, 0x00b37810, 0x00b40819,
    0x00b5004a, 0x00b78807, 0x00b80011, 0x00b8f812, 0x00ba0011, 0x00bb000c, 0x00bb7002, 0x00bc0033,
    0x00beb800, 0x00bee000, 0x00c10058, 0x00c40004, 0x00c43821, 0x00c55000, 0x00c58045, 0x00c8001e,
    0x00ca801d, 0x00cb8004, 0x00cc002b, 0x00cd8019, 0x00d00016, 0x00d10034, 0x00d53800, 0x00d8282e,
    0x00da2807, 0x00dc181d, 0x00dd7001, 0x00ddd02b, 0x00e00023, 0x00e26802, 0x00e2d023, 0x00e40008,
    0x00e4802a, 0x00e5e802, 0x00e74803, 0x00e77005, 0x00e7a801, 0x00e7d000, 0x00e800bf, 0x00f00115,
    0x00f8c005, 0x00f90025, 0x00fa4005, 0x00fa8007, 0x00fac800, 0x00fad800, 0x00fae800, 0x00faf81e,
    0x00fc0034, 0x00fdb006, 0x00fdf000, 0x00fe1002, 0x00fe3006, 0x00fe8003, 0x00feb005, 0x00ff000c,
    0x00ff9002, 0x00ffb006, 0x01038800, 0x0103f800, 0x0104800c, 0x01081000, 0x01083800, 0x01085009,
    0x0108a800, 0x0108c804, 0x01092000, 0x01093000, 0x01094000, 0x01095003, 0x0109780a, 0x0109e003,
    0x010a2804, 0x010a7000, 0x010c1801, 0x016000e4, 0x01675803, 0x01679001, 0x01680025, 0x01693800,
    0x01696800, 0x01698037, 0x016b7800, 0x016c0016, 0x016d0006, 0x016d4006, 0x016d8006, 0x016dc006,
    0x016e0006, 0x016e4006, 0x016e8006, 0x016ec006, 0x01717800, 0x01802801, 0x01818804, 0x0181d801,
    0x01820855, 0x0184e802, 0x01850859, 0x0187e003, 0x0188282a, 0x0189885d, 0x018d001f, 0x018f800f,
    0x01a007ff, 0x01e007ff, 0x022007ff, 0x026001bf, 0x027007ff, 0x02b007ff, 0x02f007ff, 0x033007ff,
    0x037007ff, 0x03b007ff, 0x03f007ff, 0x043007ff, 0x047007ff, 0x04b007ff, 0x04f0068c, 0x0526802d,
    0x0528010c, 0x0530800f, 0x05315001, 0x0532002e, 0x0533f81e, 0x05350045, 0x0538b808, 0x05391066,
    0x053c583f, 0x053e8001, 0x053e9800, 0x053ea804, 0x053f900f, 0x05401802, 0x05403803, 0x05406016,
    0x05420033, 0x05441031, 0x05479005, 0x0547d800, 0x0547e801, 0x0548501b, 0x05498016, 0x054b001c,
    0x054c202e, 0x054e7800, 0x054f0004, 0x054f3009, 0x054fd004, 0x05500028, 0x05520002, 0x05522007,
    0x05530016, 0x0553d000, 0x0553f031, 0x05558800, 0x0555a801, 0x0555c804, 0x05560000, 0x05561000,
    0x0556d802, 0x0557000a, 0x05579002, 0x05580805, 0x05584805, 0x05588805, 0x05590006, 0x05594006,
    0x0559802a, 0x055ae00d, 0x055b8072, 0x056007ff, 0x05a007ff, 0x05e007ff, 0x062007ff, 0x066007ff,
    0x06a003a3, 0x06bd8016, 0x06be5830, 0x07c8016d, 0x07d38069, 0x07d80006, 0x07d89804, 0x07d8e800,
    0x07d8f809, 0x07d9500c, 0x07d9c004, 0x07d9f000, 0x07da0001, 0x07da1801, 0x07da306b, 0x07de996a,
    0x07ea803f, 0x07ec9035, 0x07ef800b, 0x07f38004, 0x07f3b086, 0x07f90819, 0x07fa0819, 0x07fb3058,
    0x07fe1005, 0x07fe5005, 0x07fe9005, 0x07fed002, 0x0800000b, 0x08006819, 0x08014012, 0x0801e001,
    0x0801f80e, 0x0802800d, 0x0804007a, 0x0814001c, 0x08150030, 0x0818001f, 0x08196813, 0x081a1007,
    0x081a8025, 0x081c001d, 0x081d0023, 0x081e4007, 0x0820009d, 0x08258023, 0x0826c023, 0x08280027,
    0x08298033, 0x082b800a, 0x082be00e, 0x082c6006, 0x082ca001, 0x082cb80a, 0x082d180e, 0x082d9806,
    0x082dd801, 0x08300136, 0x083a0015, 0x083b0007, 0x083c0005, 0x083c3829, 0x083d9008, 0x08400005,
    0x08404000, 0x0840502b, 0x0841b801, 0x0841e000, 0x0841f816, 0x08430016, 0x0844001e, 0x08470012,
    0x0847a001, 0x08480015, 0x08490019, 0x084c0037, 0x084df001, 0x08500000, 0x08508003, 0x0850a802,
    0x0850c81c, 0x0853001c, 0x0854001c, 0x08560007, 0x0856481b, 0x08580035, 0x085a0015, 0x085b0012,
    0x085c0011, 0x08600048, 0x08640032, 0x08660032, 0x08680023, 0x08740029, 0x08758001, 0x0878001c,
    0x08793800, 0x08798015, 0x087b8011, 0x087d8014, 0x087f0016, 0x08801834, 0x08838801, 0x0883a800,
    0x0884182c, 0x08868018, 0x08881823, 0x088a2000, 0x088a3800, 0x088a8022, 0x088bb000, 0x088c182f,
    0x088e0803, 0x088ed000, 0x088ee000, 0x08900011, 0x08909818, 0x08940006, 0x08944000, 0x08945003,
    0x0894780e, 0x0894f809, 0x0895802e, 0x08982807, 0x08987801, 0x08989815, 0x08995006, 0x08999001,
    0x0899a804, 0x0899e800, 0x089a8000, 0x089ae804, 0x08a00034, 0x08a23803, 0x08a2f802, 0x08a4002f,
    0x08a62001, 0x08a63800, 0x08ac002e, 0x08aec003, 0x08b0002f, 0x08b22000, 0x08b4002a, 0x08b5c000,
    0x08b8001a, 0x08ba0006, 0x08c0002b, 0x08c5003f, 0x08c7f807, 0x08c84800, 0x08c86007, 0x08c8a801,
    0x08c8c017, 0x08c9f800, 0x08ca0800, 0x08cd0007, 0x08cd5026, 0x08cf0800, 0x08cf1800, 0x08d00000,
    0x08d05827, 0x08d1d000, 0x08d28000, 0x08d2e02d, 0x08d4e800, 0x08d58048, 0x08e00008, 0x08e05024,
    0x08e20000, 0x08e3901d, 0x08e80006, 0x08e84001, 0x08e85825, 0x08ea3000, 0x08eb0005, 0x08eb3801,
    0x08eb501f, 0x08ecc000, 0x08f70012, 0x08fd8000, 0x09000399, 0x092400c3, 0x097c8060, 0x0980042e,
    0x0a200246, 0x0b400238, 0x0b52001e, 0x0b53804e, 0x0b56801d, 0x0b58002f, 0x0b5a0003, 0x0b5b1814,
    0x0b5be812, 0x0b72003f, 0x0b78004a, 0x0b7a8000, 0x0b7c980c, 0x0b7f0001, 0x0b7f1800, 0x0b8007ff,
    0x0bc007ff, 0x0c0007f7, 0x0c4004d5, 0x0c680008, 0x0d7f8003, 0x0d7fa806, 0x0d7fe801, 0x0d800122,
    0x0d8a8002, 0x0d8b2003, 0x0d8b818b, 0x0de0006a, 0x0de3800c, 0x0de40008, 0x0de48009, 0x0ea00054,
    0x0ea2b046, 0x0ea4f001, 0x0ea51000, 0x0ea52801, 0x0ea54803, 0x0ea5700b, 0x0ea5d800, 0x0ea5e806,
    0x0ea62840, 0x0ea83803, 0x0ea86807, 0x0ea8b006, 0x0ea8f01b, 0x0ea9d803, 0x0eaa0004, 0x0eaa3000,
    0x0eaa5006, 0x0eaa9153, 0x0eb54018, 0x0eb61018, 0x0eb6e01e, 0x0eb7e018, 0x0eb8b01e, 0x0eb9b018,
    0x0eba801e, 0x0ebb8018, 0x0ebc501e, 0x0ebd5018, 0x0ebe2007, 0x0ef8001e, 0x0f08002c, 0x0f09b806,
    0x0f0a7000, 0x0f14801d, 0x0f16002b, 0x0f3f0006, 0x0f3f4003, 0x0f3f6801, 0x0f3f800e, 0x0f4000c4,
    0x0f480043, 0x0f4a5800, 0x0f700003, 0x0f70281a, 0x0f710801, 0x0f712000, 0x0f713800, 0x0f714809,
    0x0f71a003, 0x0f71c800, 0x0f71d800, 0x0f721000, 0x0f723800, 0x0f724800, 0x0f725800, 0x0f726802,
    0x0f728801, 0x0f72a000, 0x0f72b800, 0x0f72c800, 0x0f72d800, 0x0f72e800, 0x0f72f800, 0x0f730801,
    0x0f732000, 0x0f733803, 0x0f736006, 0x0f73a003, 0x0f73c803, 0x0f73f000, 0x0f740009, 0x0f745810,
    0x0f750802, 0x0f752804, 0x0f755810, 0x100007ff, 0x104007ff, 0x108007ff, 0x10c007ff, 0x110007ff,
    0x114007ff, 0x118007ff, 0x11c007ff, 0x120007ff, 0x124007ff, 0x128007ff, 0x12c007ff, 0x130007ff,
    0x134007ff, 0x138007ff, 0x13c007ff, 0x140007ff, 0x144007ff, 0x148007ff, 0x14c007ff, 0x150006df,
    0x153807ff, 0x157807ff, 0x15b80038, 0x15ba00dd, 0x15c107ff, 0x160107ff, 0x16410681, 0x167587ff,
    0x16b587ff, 0x16f587ff, 0x17358530, 0x17c0021d, 0x180007ff, 0x184007ff, 0x1880034a,
];

/// Non-letters that may start an identifier (Nl, Other_ID_Start...).
static ID_START_EXTRA: [u32; 15] = [
    0x00b77002, 0x00c42801, 0x0108c000, 0x01097000, 0x010b0022, 0x010c2803, 0x01803800, 0x01810808,
    0x0181c002, 0x05373009, 0x080a0034, 0x081a0800, 0x081a5000, 0x081e8804, 0x0920006e,
];

/// Letters that may not start an identifier (their NFKC form is not one).
static ID_START_NOT: [u32; 15] = [
    0x001bd000, 0x00719800, 0x00759800, 0x01717800, 0x07e2f005, 0x07efd001, 0x07f38000, 0x07f39000,
    0x07f3a000, 0x07f3b000, 0x07f3c000, 0x07f3d000, 0x07f3e000, 0x07f3f000, 0x07fcf001,
];

/// Characters that may continue but not start an identifier (Mn, Mc, Nd, Pc...).
static ID_CONTINUE_EXTRA: [u32; 361] = [
    0x0005b800, 0x0018006f, 0x001c3800, 0x00241804, 0x002c882c, 0x002df800, 0x002e0801, 0x002e2001,
    0x002e3800, 0x0030800a, 0x0032581e, 0x00338000, 0x0036b006, 0x0036f805, 0x00373801, 0x00375003,
    0x00378009, 0x00388800, 0x0039801a, 0x003d300a, 0x003e0009, 0x003f5808, 0x003fe800, 0x0040b003,
    0x0040d808, 0x00412802, 0x00414804, 0x0042c802, 0x0044c007, 0x00465017, 0x00471820, 0x0049d002,
    0x0049f011, 0x004a8806, 0x004b1001, 0x004b3009, 0x004c0802, 0x004de000, 0x004df006, 0x004e3801,
    0x004e5802, 0x004eb800, 0x004f1001, 0x004f3009, 0x004ff000, 0x00500802, 0x0051e000, 0x0051f004,
    0x00523801, 0x00525802, 0x00528800, 0x0053300b, 0x0053a800, 0x00540802, 0x0055e000, 0x0055f007,
    0x00563802, 0x00565802, 0x00571001, 0x00573009, 0x0057d005, 0x00580802, 0x0059e000, 0x0059f006,
    0x005a3801, 0x005a5802, 0x005aa802, 0x005b1001, 0x005b3009, 0x005c1000, 0x005df004, 0x005e3002,
    0x005e5003, 0x005eb800, 0x005f3009, 0x00600004, 0x0061e000, 0x0061f006, 0x00623002, 0x00625003,
    0x0062a801, 0x00631001, 0x00633009, 0x00640802, 0x0065e000, 0x0065f006, 0x00663002, 0x00665003,
    0x0066a801, 0x00671001, 0x00673009, 0x00680003, 0x0069d801, 0x0069f006, 0x006a3002, 0x006a5003,
    0x006ab800, 0x006b1001, 0x006b3009, 0x006c0802, 0x006e5000, 0x006e7805, 0x006eb000, 0x006ec007,
    0x006f3009, 0x006f9001, 0x00718800, 0x00719807, 0x00723807, 0x00728009, 0x00758800, 0x00759809,
    0x00764005, 0x00768009, 0x0078c001, 0x00790009, 0x0079a800, 0x0079b800, 0x0079c800, 0x0079f001,
    0x007b8813, 0x007c3001, 0x007c680a, 0x007cc823, 0x007e3000, 0x00815813, 0x00820009, 0x0082b003,
    0x0082f002, 0x00831002, 0x00833806, 0x00838803, 0x0084100b, 0x0084780e, 0x009ae802, 0x009b4808,
    0x00b89003, 0x00b99002, 0x00ba9001, 0x00bb9001, 0x00bda01f, 0x00bee800, 0x00bf0009, 0x00c05802,
    0x00c0780a, 0x00c54800, 0x00c9000b, 0x00c9800b, 0x00ca3009, 0x00ce800a, 0x00d0b804, 0x00d2a809,
    0x00d3001c, 0x00d3f80a, 0x00d48009, 0x00d5800d, 0x00d5f80f, 0x00d80004, 0x00d9a010, 0x00da8009,
    0x00db5808, 0x00dc0002, 0x00dd080c, 0x00dd8009, 0x00df300d, 0x00e12013, 0x00e20009, 0x00e28009,
    0x00e68002, 0x00e6a014, 0x00e76800, 0x00e7a000, 0x00e7b802, 0x00ee003f, 0x0101f801, 0x0102a000,
    0x0106800c, 0x01070800, 0x0107280b, 0x01677802, 0x016bf800, 0x016f001f, 0x01815005, 0x0184c801,
    0x05310009, 0x05337800, 0x0533a009, 0x0534f001, 0x05378001, 0x05401000, 0x05403000, 0x05405800,
    0x05411804, 0x05416000, 0x05440001, 0x0545a011, 0x05468009, 0x05470011, 0x0547f80a, 0x05493007,
    0x054a380c, 0x054c0003, 0x054d980d, 0x054e8009, 0x054f2800, 0x054f8009, 0x0551480d, 0x05521800,
    0x05526001, 0x05528009, 0x0553d802, 0x05558000, 0x05559002, 0x0555b801, 0x0555f001, 0x05560800,
    0x05575804, 0x0557a801, 0x055f1807, 0x055f6001, 0x055f8009, 0x07d8f000, 0x07f0000f, 0x07f1000f,
    0x07f19801, 0x07f26802, 0x07f88009, 0x07f9f800, 0x07fcf001, 0x080fe800, 0x08170000, 0x081bb004,
    0x08250009, 0x08500802, 0x08502801, 0x08506003, 0x0851c002, 0x0851f800, 0x08572801, 0x08692003,
    0x08698009, 0x08755801, 0x087a300a, 0x087c1003, 0x08800002, 0x0881c00e, 0x0883300a, 0x08839801,
    0x0883f803, 0x0885800a, 0x08861000, 0x08878009, 0x08880002, 0x0889380d, 0x0889b009, 0x088a2801,
    0x088b9800, 0x088c0002, 0x088d980d, 0x088e4803, 0x088e700b, 0x0891600b, 0x0891f000, 0x0896f80b,
    0x08978009, 0x08980003, 0x0899d801, 0x0899f006, 0x089a3801, 0x089a5802, 0x089ab800, 0x089b1001,
    0x089b3006, 0x089b8004, 0x08a1a811, 0x08a28009, 0x08a2f000, 0x08a58013, 0x08a68009, 0x08ad7806,
    0x08adc008, 0x08aee001, 0x08b18010, 0x08b28009, 0x08b5580c, 0x08b60009, 0x08b8e80e, 0x08b98009,
    0x08c1600e, 0x08c70009, 0x08c98005, 0x08c9b801, 0x08c9d803, 0x08ca0000, 0x08ca1001, 0x08ca8009,
    0x08ce8806, 0x08ced006, 0x08cf2000, 0x08d00809, 0x08d19806, 0x08d1d803, 0x08d23800, 0x08d2880a,
    0x08d4500f, 0x08e17807, 0x08e1c007, 0x08e28009, 0x08e49015, 0x08e5480d, 0x08e98805, 0x08e9d000,
    0x08e9e001, 0x08e9f806, 0x08ea3800, 0x08ea8009, 0x08ec5004, 0x08ec8001, 0x08ec9804, 0x08ed0009,
    0x08f79803, 0x0b530009, 0x0b560009, 0x0b578004, 0x0b598006, 0x0b5a8009, 0x0b7a7800, 0x0b7a8836,
    0x0b7c7803, 0x0b7f2000, 0x0b7f8001, 0x0de4e801, 0x0e78002d, 0x0e798016, 0x0e8b2804, 0x0e8b6805,
    0x0e8bd807, 0x0e8c2806, 0x0e8d5003, 0x0e921002, 0x0ebe7031, 0x0ed00036, 0x0ed1d831, 0x0ed3a800,
    0x0ed42000, 0x0ed4d804, 0x0ed5080e, 0x0f000006, 0x0f004010, 0x0f00d806, 0x0f011801, 0x0f013004,
    0x0f098006, 0x0f0a0009, 0x0f157000, 0x0f17600d, 0x0f468006, 0x0f4a2006, 0x0f4a8009, 0x0fdf8009,
    0x700800ef,
];

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
