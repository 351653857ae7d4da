"""ssl: MicroPython's ssl module, built on the port's tls module.

SSLContext(protocol) makes contexts (PROTOCOL_TLS_CLIENT or PROTOCOL_TLS_SERVER, or
PROTOCOL_DTLS_CLIENT/PROTOCOL_DTLS_SERVER for DTLS 1.2 over a connected UDP socket) whose
verify_mode starts as CERT_NONE for both sides (MicroPython's choice; CPython's client
context starts at CERT_REQUIRED). load_cert_chain() and load_verify_locations() take file
names (str) or the certificate/key data itself (bytes, DER or PEM). wrap_socket() gives a
tls SSLSocket: a stream with read/readinto/readline/write/recv/send/close/setblocking, usable
with select.poll and asyncio. There is no SSLError class of its own: errors are OSError (and
ValueError for certificate verification), as in MicroPython; SSLError names OSError here so
`except ssl.SSLError` works. Ports without TLS (the browser) have no tls module, and importing
ssl raises ImportError.
"""

try:
    import tls as _tls
except ImportError:
    _tls = None
if _tls is None:
    raise ImportError("no module named 'ssl' (this port has no TLS support)")

from tls import (
    CERT_NONE,
    CERT_OPTIONAL,
    CERT_REQUIRED,
    MBEDTLS_VERSION,
    PROTOCOL_DTLS_CLIENT,
    PROTOCOL_DTLS_SERVER,
    PROTOCOL_TLS_CLIENT,
    PROTOCOL_TLS_SERVER,
)

SSLError = OSError


def _data(x):
    # A str names a file holding the data; anything else is the data itself.
    if isinstance(x, str):
        with open(x, "rb") as f:
            return f.read()
    return x


class SSLContext:
    """TLS settings shared by the sockets it wraps."""

    def __init__(self, *args):
        self._context = _tls.SSLContext(*args)
        self._context.verify_mode = CERT_NONE

    @property
    def verify_mode(self):
        return self._context.verify_mode

    @verify_mode.setter
    def verify_mode(self, val):
        self._context.verify_mode = val

    def load_cert_chain(self, certfile, keyfile):
        """This side's certificate (chain) and private key: file names or data."""
        self._context.load_cert_chain(_data(certfile), _data(keyfile))

    def load_verify_locations(self, cafile=None, cadata=None):
        """Trusted CA certificates: a file name (cafile) or data (cadata)."""
        if cafile:
            cadata = _data(cafile)
        self._context.load_verify_locations(cadata)

    def get_ciphers(self):
        """The names of the supported cipher suites."""
        return self._context.get_ciphers()

    def set_ciphers(self, ciphers):
        """Use only the given cipher suites (a list of names)."""
        self._context.set_ciphers(ciphers)

    def wrap_socket(self, sock, server_side=False, do_handshake_on_connect=True, server_hostname=None):
        """Wrap a stream (usually a connected socket) in TLS; return the SSLSocket."""
        return self._context.wrap_socket(
            sock,
            server_side=server_side,
            do_handshake_on_connect=do_handshake_on_connect,
            server_hostname=server_hostname,
        )


def wrap_socket(
    sock,
    server_side=False,
    key=None,
    cert=None,
    cert_reqs=CERT_NONE,
    cadata=None,
    server_hostname=None,
    do_handshake=True,
):
    """The legacy one-call form: a context made for this socket alone."""
    ctx = SSLContext(PROTOCOL_TLS_SERVER if server_side else PROTOCOL_TLS_CLIENT)
    if key or cert:
        ctx.load_cert_chain(cert, key)
    if cadata:
        ctx.load_verify_locations(cadata=cadata)
    ctx.verify_mode = cert_reqs
    return ctx.wrap_socket(
        sock,
        server_side=server_side,
        do_handshake_on_connect=do_handshake,
        server_hostname=server_hostname,
    )
