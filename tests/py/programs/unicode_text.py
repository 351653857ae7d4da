# str methods on Unicode text: case mapping, classification, alignment,
# splitting, translation, encoding.
samples = ["straße", "ÉCOLE élève", "İstanbul", "ﬁnance", "Ǆemal", "σίσυφος ΣΊΣΥΦΟΣ", "ß", "ǅ",
           "hello wORLD it's a-test", "日本語テキスト", "Ünïcödé", "ΑΒΓ αβγ", "ﬀ", "ŉ"]
for s in samples:
    print(repr(s), s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(), s.casefold(), len(s))
digits = ["123", "½", "²", "٣", "Ⅻ", "1.5", "", " ", "x1", "一二三", "①"]
for d in digits:
    print(repr(d), d.isdigit(), d.isnumeric(), d.isdecimal(), d.isalnum(), d.isalpha(), d.isspace())
for s in ["héllo", "Hello World", "HELLO", "hello_world", "_x1", "1x", "ñandú", "Ünïcödé", "a b", "\t\n",
          "Title Case Words", "ǅemal", "", "x" * 3]:
    print(repr(s), s.isidentifier(), s.istitle(), s.isupper(), s.islower(), s.isprintable(), s.isascii())
word = "naïve café"
print(word.center(20, "*"), "|" + word.ljust(15) + "|", "|" + word.rjust(15, "·") + "|")
print(word.split(), word.split("a"), word.rsplit(" ", 1), word.partition("ï"), word.rpartition("é"))
print(word.find("é"), word.rfind("a"), word.index("c"), word.count("a"), word.encode("utf-8"))
print(word.encode("utf-8").decode("utf-8") == word, len(word.encode()), word.encode("latin-1") if False else b"")
print("ünïcode".startswith(("ü", "x")), "ünïcode".endswith("de"), "ab" in "xaby")
table = str.maketrans({"a": "4", "e": "3", "i": "1", "o": "0", "é": "e"})
print("leet speak café oui".translate(table))
print("hello".translate(str.maketrans("el", "ip")), "a-b_c".translate(str.maketrans("-_", "  ", "c")))
text = "line one\nline two\r\nline three\rend"
print(text.splitlines(), text.splitlines(True), "a\tbb\tccc".expandtabs(4), "x\ty".expandtabs())
print("42".zfill(6), "-42".zfill(6), "+3.5".zfill(7), "abc".zfill(2))
print("  strip me \t\n".strip(), "xxhixx".strip("x"), "www.example.com".lstrip("w."), "file.txt.bak".rstrip(".bak"))
print("a,b,,c".split(","), "a,b,,c".split(",", 1), "  a  b  ".split(), "a b c".split(None, 1), "".split(","))
print(",".join(["x", "y", "z"]), "".join(reversed("stressed")), "-".join("abc"))
print("Hello"[::-1], "Hello"[1:-1], "Hello"[::2], "日本語"[1], "日本語"[-1:])
print(ord("€"), chr(8364), chr(0x1F600), ascii("café ☕"), repr("tab\there"), repr("quote'\""))
print("%s has %d items costing %.2f (%5.1f%%)" % ("cart", 3, 19.999, 12.345))
print("%(name)s is %(age)03d" % {"name": "Ann", "age": 7}, "%x %X %o %e %r %c" % (255, 255, 8, 12345.678, "s", 65))
print("{} {}".format("a", "b"), "{1}{0}{1}".format("x", "y"), "{name:>6}|{0:^5}|".format(1, name="n"))
print("{:=^20}".format(" title "), "{0[1]} {1[key]} {2.real}".format([1, 2], {"key": "v"}, 3 + 4j))
print("{:,}".format(1234567), "{:.3}".format("abcdef"), "{!r:>8}".format("x"), "{:%}".format(0.25))
print("Über".encode("utf-8"), b"\xc3\x9cber".decode(), "€".encode("utf-8"), bytes("abc", "ascii"))
try:
    b"\xff\xfe".decode("utf-8")
except UnicodeError as e:
    print(type(e).__name__)
print(sorted(["banana", "Apple", "cherry", "apple", "Äpfel", "zebra"]))
print(sorted(["banana", "Apple", "cherry", "apple"], key=str.casefold))
print(max("hello world"), min("hello world".replace(" ", "")), sorted(set("mississippi")))
print("abc" < "abd", "abc" < "ab", "Z" < "a", "é" > "z", "a" * 0, "ab" * 3)
print("The Quick Brown Fox".swapcase(), "o'neil mc-donald".title(), "hello   world".title())
print(str(123), str(-0.5), str([1, "a"]), str(None), str(b"x"), str("x"), repr(str))
s = "mississippi"
print(s.replace("ss", "SS"), s.replace("i", "", 2), s.count("ss"), s.count(""), s.index("ss", 3))
print(s.removeprefix("miss"), s.removesuffix("ppi"), s.removeprefix("x"))
for word in ["हिन्दी", "naïve", "café", "ﬁnance", "Ⅻ", "x²", "日本", "a·b", "e\u0301", "٣٤", "_ok", "z\u200d"]:
    print(repr(word), word.isalpha(), word.isalnum(), word.isidentifier())
ñandú = "bird"
Straße = 3
ŝ_2 = ñandú * Straße
print(ñandú, Straße, ŝ_2, "ΣΊΣΥΦΟΣ ΟΔΟΣ".lower(), "ΣΊΣΥΦΟΣ ΟΔΟΣ".title(), "όσος Σ".capitalize())
print("ﬁre ﬂy".title(), "ǆungla".title(), "ǅemal".islower(), "ǅemal".istitle(), "ß".casefold(), "ﬀ".casefold())
