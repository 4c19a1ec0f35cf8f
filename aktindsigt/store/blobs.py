"""Content-addressed blob store: originals and renditions by SHA-256.

Files are written atomically (temp file in the same folder + rename) and made
read-only; a blob that exists is never rewritten, so originals are immutable.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

CHUNK = 1 << 20


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(CHUNK):
            h.update(chunk)
    return h.hexdigest()


class BlobStore:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)

    def path(self, sha256: str) -> Path:
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            raise ValueError(f"not a sha256 digest: {sha256!r}")
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def exists(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def put_file(self, src: Path) -> tuple[str, int, bool]:
        """Store ``src``; returns (sha256, size, newly_stored)."""
        src = Path(src)
        digest = sha256_file(src)
        dest = self.path(digest)
        if dest.is_file():
            return digest, dest.stat().st_size, False
        dest.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=dest.parent, prefix=".tmp-")
        try:
            h = hashlib.sha256()
            with os.fdopen(fd, "wb") as out, open(src, "rb") as inp:
                while chunk := inp.read(CHUNK):
                    h.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            if h.hexdigest() != digest:
                raise OSError(f"{src} changed while it was being stored")
            os.chmod(tmp, 0o444)
            os.replace(tmp, dest)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return digest, dest.stat().st_size, True

    def put_bytes(self, data: bytes) -> tuple[str, int, bool]:
        digest = hashlib.sha256(data).hexdigest()
        dest = self.path(digest)
        if dest.is_file():
            return digest, len(data), False
        dest.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(dest, data, mode=0o444)
        return digest, len(data), True

    def read_bytes(self, sha256: str) -> bytes:
        return self.path(sha256).read_bytes()


def atomic_write_bytes(dest: Path, data: bytes, mode: int = 0o644) -> None:
    """Write ``data`` to ``dest`` so that a crash leaves either the old file or the new one."""
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=dest.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, dest)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
