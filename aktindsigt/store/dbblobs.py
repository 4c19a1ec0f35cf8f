"""Blobs kept in the database itself: the default blob store of a PostgreSQL team store.

Why in the database (and not a shared folder) by default: every member of the team already reaches
the database, with one address, one set of permissions and one backup; a shared folder needs a
share mounted on every workstation under a path that may differ from machine to machine, its own
permissions (the originals must be readable by the team and nobody else), and its own backup that
must match the database's. A blob in the database is also written in a transaction: it is there
completely or not at all, and ``db copy`` moves it with the rows that refer to it. The cost is
database size (the originals of a case, once: blobs are content-addressed and deduplicated); a
municipality that prefers its file server sets ``AKTINDSIGT_BLOBS`` to a shared folder instead.

Layout: ``blob_chunks(sha256, seq, data)``, chunks of 1 MiB. Writing streams the file in chunks
inside one transaction (a crash leaves no partial blob: chunk 0 exists only when all do); reading
streams the chunks into a local, content-addressed cache (``<home>/blobs``) and checks the SHA-256
before the file is used, because PyMuPDF, Tesseract and LibreOffice read files by path. The cache
is only a copy: deleting it loses nothing.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.exc import IntegrityError

from aktindsigt.store.blobs import CHUNK, BlobStore, sha256_file
from aktindsigt.store.schema import BlobChunkRow

if TYPE_CHECKING:
    from aktindsigt.store.store import Store

log = logging.getLogger(__name__)

#: the setting that records a team store's blob mode ({"mode": "database"|"folder"})
SETTING = "store:blobs"
MODES = ("database", "folder")


def default_mode(store: Store) -> str:
    """The blob mode recorded in the store, else ``database`` for PostgreSQL and ``folder`` for SQLite."""
    try:
        recorded = (store.get_setting(SETTING, {}) or {}).get("mode")
    except Exception:  # noqa: BLE001 - a store that cannot be read yet falls back to the engine's default
        recorded = None
    if recorded in MODES:
        return str(recorded)
    return "database" if store.postgres else "folder"


def open_blob_store(store: Store, root: Path, mode: str | None) -> BlobStore:
    mode = mode or default_mode(store)
    if mode == "database":
        return DatabaseBlobStore(store, root)
    return BlobStore(root)


class DatabaseBlobStore(BlobStore):
    """Blob content in ``blob_chunks``; ``root`` is a local cache of verified copies."""

    mode = "database"

    def __init__(self, store: Store, cache: Path) -> None:
        super().__init__(cache)
        self.store = store

    # --- the database ----------------------------------------------------------

    def exists(self, sha256: str) -> bool:
        self._check(sha256)
        with self.store.transaction() as s:
            return s.scalar(select(BlobChunkRow.seq).where(BlobChunkRow.sha256 == sha256, BlobChunkRow.seq == 0)
                            ) is not None

    def size(self, sha256: str) -> int | None:
        with self.store.transaction() as s:
            n = s.scalar(select(func.count()).where(BlobChunkRow.sha256 == sha256))
            if not n:
                return None
            return int(s.scalar(select(func.sum(func.length(BlobChunkRow.data)))
                                .where(BlobChunkRow.sha256 == sha256)) or 0)

    def _write_chunks(self, digest: str, chunks: Any) -> bool:
        """Insert all chunks in one transaction; False when the blob was there already (or arrived meanwhile)."""
        try:
            with self.store.transaction(write=True) as s:
                if s.scalar(select(BlobChunkRow.seq).where(BlobChunkRow.sha256 == digest, BlobChunkRow.seq == 0)
                            ) is not None:
                    return False
                for seq, chunk in enumerate(chunks):
                    s.execute(insert(BlobChunkRow).values(sha256=digest, seq=seq, data=chunk))
            return True
        except IntegrityError:  # another user stored the same content at the same moment
            if self.exists(digest):
                return False
            raise

    def put_file(self, src: Path) -> tuple[str, int, bool]:
        src = Path(src)
        digest = sha256_file(src)
        size = src.stat().st_size
        h = hashlib.sha256()

        def chunks() -> Any:
            with open(src, "rb") as f:
                while chunk := f.read(CHUNK):
                    h.update(chunk)
                    yield chunk
                if not size:
                    yield b""
            if h.hexdigest() != digest:
                raise OSError(f"{src} changed while it was being stored")

        new = self._write_chunks(digest, chunks())
        self._cache_from_file(src, digest)
        return digest, size, new

    def put_bytes(self, data: bytes) -> tuple[str, int, bool]:
        digest = hashlib.sha256(data).hexdigest()
        new = self._write_chunks(digest, (data[i:i + CHUNK] for i in range(0, max(len(data), 1), CHUNK)))
        return digest, len(data), new

    def iter_chunks(self, sha256: str) -> Any:
        """The blob's bytes, chunk by chunk, streamed from the database."""
        self._check(sha256)
        with self.store.engine.connect() as conn:
            result = conn.execution_options(stream_results=True, yield_per=4).execute(
                select(BlobChunkRow.data).where(BlobChunkRow.sha256 == sha256).order_by(BlobChunkRow.seq))
            for (data,) in result:
                yield bytes(data)

    def remove(self, sha256: str) -> None:
        """Delete a blob (only ``db copy`` tests and repairs use this; originals are never deleted otherwise)."""
        with self.store.transaction(write=True) as s:
            s.execute(delete(BlobChunkRow).where(BlobChunkRow.sha256 == sha256))

    # --- the local cache ------------------------------------------------------------

    def _check(self, sha256: str) -> None:
        super().path(sha256)  # validates the digest

    def path(self, sha256: str) -> Path:
        """A local file with the blob's content (fetched from the database and checked when not cached)."""
        dest = super().path(sha256)
        if dest.is_file():
            return dest
        with contextlib.suppress(FileNotFoundError):  # not in the database: the caller sees a missing file
            self._materialise(sha256, dest)
        return dest

    def _cache_from_file(self, src: Path, digest: str) -> None:
        dest = super().path(digest)
        if dest.is_file():
            return
        try:
            super().put_file(src)
        except OSError:
            log.warning("could not cache blob %s locally", digest[:12], exc_info=True)

    def _materialise(self, sha256: str, dest: Path) -> None:
        dest.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=dest.parent, prefix=".tmp-")
        h = hashlib.sha256()
        seen = False
        try:
            with os.fdopen(fd, "wb") as out:
                for chunk in self.iter_chunks(sha256):
                    seen = True
                    h.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            if not seen:
                raise FileNotFoundError(sha256)
            if h.hexdigest() != sha256:
                raise OSError(f"blob {sha256[:12]} in the database does not match its SHA-256")
            os.chmod(tmp, 0o444)
            os.replace(tmp, dest)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def read_bytes(self, sha256: str) -> bytes:
        return b"".join(self.iter_chunks(sha256))


def blob_mode(store: Store) -> str:
    return "database" if isinstance(store.blobs, DatabaseBlobStore) else "folder"
