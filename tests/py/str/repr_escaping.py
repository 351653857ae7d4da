tests = ["plain", "it's", 'say "hi"', 'both \' and "', "new\nline", "tab\t", "nul\x00", "bell\x07",
         "del\x7f", "back\\slash", "\x80\x9f", "\xa0nbsp", "é", "☃", "😀", "\u200b", "\u2028", "\ud800" if False else "ok",
         "\x1b[0m", "\r\n", "", "'", '"', "\U0001F600\U000E0001"]
for t in tests:
    print(repr(t))
print(repr(['a', "b'c"]), str(['x\n']))
print(ascii('é☃😀\n'), ascii("'"), ascii('\x00'))
