//! Python modules written in Python and frozen into the build (compiled on first import).
//! Each entry is (module name, source). Packages are named by their dotted name; a module
//! whose name is a package itself (e.g. `os.path`) is registered under the dotted name.

/// The frozen modules.
pub const FROZEN: &[(&str, &str)] = &[
    ("os.path", include_str!("frozen/os_path.py")),
    ("collections", include_str!("frozen/collections.py")),
    ("re", include_str!("frozen/re.py")),
    ("functools", include_str!("frozen/functools.py")),
    ("itertools", include_str!("frozen/itertools.py")),
    ("operator", include_str!("frozen/operator.py")),
    ("copy", include_str!("frozen/copy.py")),
    ("types", include_str!("frozen/types.py")),
    ("abc", include_str!("frozen/abc.py")),
    ("datetime", include_str!("frozen/datetime.py")),
    ("pathlib", include_str!("frozen/pathlib.py")),
    ("unittest", include_str!("frozen/unittest.py")),
    ("logging", include_str!("frozen/logging.py")),
    ("inspect", include_str!("frozen/inspect.py")),
    ("string", include_str!("frozen/string.py")),
    ("textwrap", include_str!("frozen/textwrap.py")),
    ("html", include_str!("frozen/html.py")),
    ("base64", include_str!("frozen/base64.py")),
    ("warnings", include_str!("frozen/warnings.py")),
    ("typing", include_str!("frozen/typing.py")),
    ("contextlib", include_str!("frozen/contextlib.py")),
    ("dataclasses", include_str!("frozen/dataclasses.py")),
    ("enum", include_str!("frozen/enum.py")),
    ("select", include_str!("frozen/select.py")),
    ("zlib", include_str!("frozen/zlib.py")),
    ("gzip", include_str!("frozen/gzip.py")),
    ("tarfile", include_str!("frozen/tarfile.py")),
    (
        "asyncio.__init__",
        include_str!("frozen/asyncio/__init__.py"),
    ),
    ("asyncio.core", include_str!("frozen/asyncio/core.py")),
    ("asyncio.event", include_str!("frozen/asyncio/event.py")),
    ("asyncio.lock", include_str!("frozen/asyncio/lock.py")),
    ("asyncio.funcs", include_str!("frozen/asyncio/funcs.py")),
    ("asyncio.queues", include_str!("frozen/asyncio/queues.py")),
    ("asyncio.streams", include_str!("frozen/asyncio/streams.py")),
];
