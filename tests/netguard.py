"""A guard that makes every network attempt of the test process fail and remembers it.

``install()`` (done by tests/conftest.py before any test module is imported) patches
``socket.socket.connect``/``connect_ex``/``sendto``, ``socket.create_connection``,
``socket.getaddrinfo``, ``socket.gethostbyname``/``gethostbyname_ex`` so that a remote (or, outside
the PostgreSQL tests, a loopback) address raises ``NetworkBlocked`` (an ``OSError``, as a machine
without network would) and is appended to ``ATTEMPTS``.  Code that swallows the error is still caught:
the conftest fails the test whose run left anything in ``ATTEMPTS``.  Unix-domain sockets (local
IPC, e.g. multiprocessing) are not network and are allowed.

C libraries (onnxruntime's telemetry uploader, libpq) do not go through Python's socket module;
tests/test_offline.py checks that no such client is loaded, and the README gives the strace figure.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass, field


class NetworkBlocked(OSError):
    pass


@dataclass
class _State:
    allow_loopback: bool = False
    attempts: list[str] = field(default_factory=list)
    installed: bool = False


STATE = _State()
ATTEMPTS = STATE.attempts
_real: dict[str, object] = {}


def _is_loopback(host) -> bool:
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    if not isinstance(host, str):
        return False
    if host.lower() in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


def _check(what: str, host, port=None) -> None:
    if STATE.allow_loopback and _is_loopback(host):
        return
    STATE.attempts.append(f"{what}({host!r}, {port!r})")
    raise NetworkBlocked(f"network access blocked in tests: {what}({host!r}, {port!r})")


def _address(sock, address):
    if getattr(sock, "family", None) == socket.AF_UNIX or not isinstance(address, tuple):
        return None
    return address


def install() -> None:
    if STATE.installed:
        return
    STATE.installed = True
    cls = socket.socket
    _real.update(connect=cls.connect, connect_ex=cls.connect_ex, sendto=cls.sendto,
                 create_connection=socket.create_connection, getaddrinfo=socket.getaddrinfo,
                 gethostbyname=socket.gethostbyname, gethostbyname_ex=socket.gethostbyname_ex)

    def connect(self, address):
        if (a := _address(self, address)) is not None:
            _check("connect", a[0], a[1] if len(a) > 1 else None)
        return _real["connect"](self, address)  # type: ignore[operator]

    def connect_ex(self, address):
        if (a := _address(self, address)) is not None:
            _check("connect_ex", a[0], a[1] if len(a) > 1 else None)
        return _real["connect_ex"](self, address)  # type: ignore[operator]

    def sendto(self, data, *args):
        address = args[-1]
        if (a := _address(self, address)) is not None:
            _check("sendto", a[0], a[1] if len(a) > 1 else None)
        return _real["sendto"](self, data, *args)  # type: ignore[operator]

    def create_connection(address, *args, **kwargs):
        _check("create_connection", address[0], address[1])
        return _real["create_connection"](address, *args, **kwargs)  # type: ignore[operator]

    def getaddrinfo(host, port, *args, **kwargs):
        if host not in (None, "", b""):  # None: a local wildcard address for bind()
            _check("getaddrinfo", host, port)
        return _real["getaddrinfo"](host, port, *args, **kwargs)  # type: ignore[operator]

    def gethostbyname(host):
        _check("gethostbyname", host)
        return _real["gethostbyname"](host)  # type: ignore[operator]

    def gethostbyname_ex(host):
        _check("gethostbyname_ex", host)
        return _real["gethostbyname_ex"](host)  # type: ignore[operator]

    cls.connect = connect  # type: ignore[method-assign]
    cls.connect_ex = connect_ex  # type: ignore[method-assign]
    cls.sendto = sendto  # type: ignore[method-assign]
    socket.create_connection = create_connection  # type: ignore[assignment]
    socket.getaddrinfo = getaddrinfo  # type: ignore[assignment]
    socket.gethostbyname = gethostbyname  # type: ignore[assignment]
    socket.gethostbyname_ex = gethostbyname_ex  # type: ignore[assignment]
