# expect: handwritten
# Ferropy's platform module identifies a MicroPython-compatible implementation, so its values
# differ from CPython's on purpose (MicroPython's platform() layout, no C library).
import os
import platform
import sys

p = platform.platform()
print(p.startswith('MicroPython-'), p.endswith('-with-'), len(p.split('-')))
print(platform.python_implementation(), platform.python_version(), platform.python_version_tuple())
print(platform.libc_ver(), platform.processor() == '', type(platform.python_compiler()).__name__)
print(platform.system() == os.uname().sysname, platform.release() == os.uname().release)
print(platform.machine() == os.uname().machine, platform.node() == os.uname().nodename)
print(platform.version() == sys.version)
print(tuple(int(x) for x in platform.python_version_tuple()) == sys.version_info[:3])
