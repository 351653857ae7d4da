# Regular expressions: a log parser with groups, named groups, findall,
# sub with a function, split, and validation.
import re

LINE = re.compile(r"(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d) \[(\w+)\] (.*)")
entries = """2024-01-15 09:30 [INFO] Server started on port 8080
2024-01-15 09:31 [WARN] Disk usage at 85%
2024-01-15 10:02 [ERROR] Connection refused: db.example.com:5432
bad line here
2024-01-16 00:00 [INFO] Rotated logs (3 files)
2024-01-16 08:15 [ERROR] Timeout after 30s contacting api.example.com""".splitlines()
levels = {}
for e in entries:
    m = LINE.match(e)
    if not m:
        print("skip:", repr(e))
        continue
    y, mo, d, hh, mm, level, msg = m.groups()
    levels.setdefault(level, []).append(msg)
    print(f"{d}/{mo}/{y} {hh}h{mm} {level:<5} {msg}")
print({k: len(v) for k, v in levels.items()})
text = " ".join(entries)
print(re.findall(r"\d+%", text), re.findall(r"port (\d+)", text), re.findall(r"(\w+)\.example\.com", text))
print(re.findall(r"[A-Z]{4,}", text))
hosts = re.compile(r"([a-z]+)\.example\.com(?::(\d+))?")
for m in hosts.finditer(text) if hasattr(hosts, "finditer") else []:
    print("host", m.group(1), "port", m.group(2), m.span() if hasattr(m, "span") else "")
print(re.sub(r"\d+", "#", "a1b22c333"), re.sub(r"(\w+)@(\w+)", r"\2 at \1", "joe@home ann@work"))
print(re.sub(r"\d+", lambda m: str(int(m.group()) * 2), "3 apples and 10 pears"))
print(re.split(r"[,;]\s*", "a, b;c;  d"), re.split(r"\s+", "  lead and trail  "))
print(re.sub("a", "b", "aaaa", 2) if True else "", re.sub(r"\s+", " ", "  too   many    spaces "))
date = re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})")
m = date.search("Due: 2024-03-09, paid")
print(m.group("year"), m.group("month"), m.groupdict() if hasattr(m, "groupdict") else "", m.start(), m.end(), m.group(0))
emails = ["a@b.co", "first.last@sub.domain.org", "bad@", "@bad.com", "no at.com", "x_y+z@q.io"]
EMAIL = re.compile(r"^[\w.+-]+@[\w-]+(\.[\w-]+)+$")
print([e for e in emails if EMAIL.match(e)])
print(bool(re.match(r"^\d{3}-\d{4}$", "555-1234")), bool(re.match(r"^\d{3}-\d{4}$", "5555-1234")))
print(re.match(r"(a|b)*c", "ababc").group(), re.search(r"colou?r", "my favourite color").group())
print(re.match(r"(\w+) (\w+)", "Isaac Newton, physicist").groups(), re.match(r"x", "y"))
print(re.escape("a.b*c") if hasattr(re, "escape") else r"a\.b\*c", re.findall(r"\bthe\b", "the other the theme"))
print(re.sub(r"(?i)hello", "bye", "Hello HELLO hello") if True else "", re.findall(r"[aeiou]", "Programming", re.I) if hasattr(re, "I") else [])
tokens = re.findall(r"\d+\.\d+|\d+|[-+*/()]", "3.5 * (2 + 10) / 4")
print(tokens)
