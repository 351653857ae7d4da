"""Issue warning messages (printed to stderr once per location and message)."""

import sys

_seen = set()
filters = []
_action = ["default"]


def simplefilter(action, category=Warning, lineno=0, append=False):
    _action[0] = action
    filters.insert(0, (action, None, category, None, lineno))


def filterwarnings(action, message="", category=Warning, module="", lineno=0, append=False):
    _action[0] = action
    filters.insert(0, (action, message, category, module, lineno))


def resetwarnings():
    filters.clear()
    _action[0] = "default"


def showwarning(message, category, filename, lineno, file=None, line=None):
    f = file if file is not None else sys.stderr
    f.write(formatwarning(message, category, filename, lineno, line))


def formatwarning(message, category, filename, lineno, line=None):
    return "%s:%s: %s: %s\n" % (filename, lineno, category.__name__, message)


def warn(message, category=None, stacklevel=1, source=None):
    if isinstance(message, Warning):
        category = type(message)
    if category is None:
        category = UserWarning
    action = _action[0]
    for act, msg, cat, mod, ln in filters:
        if issubclass(category, cat) and (not msg or str(message).startswith(msg)):
            action = act
            break
    if action == "ignore":
        return
    if action == "error":
        raise message if isinstance(message, Warning) else category(message)
    key = (str(message), category)
    if action != "always" and key in _seen:
        return
    _seen.add(key)
    for rec in _recorders:
        rec.append(WarningMessage(message, category, "sys", 1))
        return
    showwarning(message, category, "sys", 1)


class WarningMessage:
    def __init__(self, message, category, filename, lineno, file=None, line=None, source=None):
        self.message = message if isinstance(message, Warning) else category(message)
        self.category = category
        self.filename = filename
        self.lineno = lineno


_recorders = []


class catch_warnings:
    def __init__(self, *, record=False, module=None):
        self._record = record

    def __enter__(self):
        self._saved = (list(filters), _action[0], set(_seen))
        if self._record:
            log = []
            _recorders.insert(0, log)
            return log
        return None

    def __exit__(self, *exc):
        filters[:], _action[0] = self._saved[0], self._saved[1]
        _seen.clear()
        _seen.update(self._saved[2])
        if self._record:
            _recorders.pop(0)
