"""Common string constants and Template/Formatter."""

whitespace = " \t\n\r\v\f"
ascii_lowercase = "abcdefghijklmnopqrstuvwxyz"
ascii_uppercase = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ascii_letters = ascii_lowercase + ascii_uppercase
digits = "0123456789"
hexdigits = digits + "abcdef" + "ABCDEF"
octdigits = "01234567"
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    return (sep or " ").join(x.capitalize() for x in s.split(sep))


class Template:
    """$-substitution strings."""
    delimiter = "$"
    idpattern = r"(?a:[_a-z][_a-z0-9]*)"
    braceidpattern = None
    flags = None

    def __init__(self, template):
        self.template = template

    def _sub(self, mapping, safe):
        import re
        d = re.escape(self.delimiter)
        ident = r"[_A-Za-z][_A-Za-z0-9]*"
        pat = re.compile(r"%s(?:(?P<escaped>%s)|(?P<named>%s)|\{(?P<braced>%s)\}|(?P<invalid>))"
                         % (d, d, ident, ident))

        def convert(mo):
            named = mo.group("named") or mo.group("braced")
            if named is not None:
                if safe:
                    try:
                        return str(mapping[named])
                    except KeyError:
                        return mo.group()
                return str(mapping[named])
            if mo.group("escaped") is not None:
                return self.delimiter
            if safe:
                return mo.group()
            i = mo.start("invalid")
            lines = self.template[:i].splitlines(True)
            if not lines:
                colno, lineno = 1, 1
            else:
                colno = i - len("".join(lines[:-1]))
                lineno = len(lines)
            raise ValueError("Invalid placeholder in string: line %d, col %d" % (lineno, colno))
        return pat.sub(convert, self.template)

    def substitute(self, mapping=None, /, **kws):
        m = dict(mapping or {})
        m.update(kws)
        return self._sub(m, False)

    def safe_substitute(self, mapping=None, /, **kws):
        m = dict(mapping or {})
        m.update(kws)
        return self._sub(m, True)

    def get_identifiers(self):
        import re
        out = []
        for m in re.finditer(r"\$(?:([_A-Za-z][_A-Za-z0-9]*)|\{([_A-Za-z][_A-Za-z0-9]*)\})", self.template):
            n = m.group(1) or m.group(2)
            if n not in out:
                out.append(n)
        return out


class Formatter:
    """Minimal string.Formatter: format() delegates to str.format."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        return format_string.format(*args, **kwargs)

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == "s":
            return str(value)
        if conversion == "r":
            return repr(value)
        if conversion == "a":
            return ascii(value)
        raise ValueError("Unknown conversion specifier %s" % conversion)
