"""Content-addressed blob store: originals and renditions by SHA-256.

Files are written atomically (temp file in the same folder + rename) and made
read-only for their owner alone (0400, in 0700 folders: ``private.py``); a blob that exists is
never rewritten, so originals are immutable.  A permission bit does not stop the owner, so a
reader that must be sure (the redactor) checks the content against its name first
(``verified_path``).
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


BLOB_MODE = 0o400


class BlobChanged(Exception):
    """A blob's content no longer matches its SHA-256 (changed or damaged on disk)."""

    def __init__(self, sha256: str, path: Path, found: str) -> None:
        super().__init__(f"blob {sha256} at {path} has SHA-256 {found or '(missing)'}")
        self.sha256, self.path, self.found = sha256, path, found


class BlobStore:
    def __init__(self, root: Path, tighten: bool | None = None) -> None:
        """``tighten``: make an existing, more open folder private (default: when it is in the data folder)."""
        from aktindsigt.config import resolve_paths
        from aktindsigt.store.private import inside, private_dir, tighten_tree

        self.root = Path(root)
        if tighten is None:
            tighten = inside(self.root, resolve_paths().home)
        was_open = self.root.is_dir() and self.root.stat().st_mode & 0o077
        private_dir(self.root, tighten=tighten)
        if was_open and tighten and not self.root.stat().st_mode & 0o077:  # an old installation: once
            tighten_tree(self.root)

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
        dest.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
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
            os.chmod(tmp, BLOB_MODE)
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
        dest.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        atomic_write_bytes(dest, data, mode=BLOB_MODE)
        return digest, len(data), True

    def read_bytes(self, sha256: str) -> bytes:
        return self.path(sha256).read_bytes()

    def verified_path(self, sha256: str) -> Path:
        """The blob's path after checking that its content still has this SHA-256 (raises ``BlobChanged``)."""
        p = self.path(sha256)
        try:
            found = sha256_file(p)
        except OSError:
            found = ""
        if found != sha256:
            raise BlobChanged(sha256, p, found)
        return p


def atomic_write_bytes(dest: Path, data: bytes, mode: int = 0o600) -> None:
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
