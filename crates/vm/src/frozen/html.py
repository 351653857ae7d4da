"""HTML escaping."""

_ENT = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'", "nbsp": "\xa0",
        "copy": "\xa9", "reg": "\xae", "euro": "\u20ac", "hellip": "\u2026", "mdash": "\u2014",
        "ndash": "\u2013", "laquo": "\xab", "raquo": "\xbb", "deg": "\xb0", "times": "\xd7",
        "divide": "\xf7", "pound": "\xa3", "yen": "\xa5", "cent": "\xa2", "sect": "\xa7",
        "para": "\xb6", "middot": "\xb7", "plusmn": "\xb1", "lsquo": "\u2018", "rsquo": "\u2019",
        "ldquo": "\u201c", "rdquo": "\u201d", "bull": "\u2022", "trade": "\u2122"}


def escape(s, quote=True):
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if quote:
        s = s.replace('"', "&quot;").replace("'", "&#x27;")
    return s


def unescape(s):
    if "&" not in s:
        return s
    out = []
    i = 0
    n = len(s)
    while i < n:
        c = s[i]
        if c != "&":
            j = s.find("&", i)
            if j < 0:
                j = n
            out.append(s[i:j])
            i = j
            continue
        j = i + 1
        if j < n and s[j] == "#":
            k = j + 1
            hexa = k < n and s[k] in "xX"
            if hexa:
                k += 1
            start = k
            while k < n and (s[k] in "0123456789" or hexa and s[k] in "abcdefABCDEF"):
                k += 1
            if k > start:
                try:
                    cp = int(s[start:k], 16 if hexa else 10)
                    ch = chr(cp) if 0 < cp <= 0x10FFFF and not 0xD800 <= cp <= 0xDFFF else "\ufffd"
                except ValueError:
                    ch = "\ufffd"
                out.append(ch)
                i = k + 1 if k < n and s[k] == ";" else k
                continue
        else:
            k = j
            while k < n and s[k].isalnum():
                k += 1
            name = s[j:k]
            if k < n and s[k] == ";" and name in _ENT:
                out.append(_ENT[name])
                i = k + 1
                continue
            if name in _ENT and name in ("amp", "lt", "gt", "quot", "nbsp", "copy", "reg"):
                out.append(_ENT[name])
                i = k
                continue
        out.append("&")
        i += 1
    return "".join(out)
