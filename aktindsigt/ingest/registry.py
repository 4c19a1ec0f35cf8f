"""The format registry and the per-import context shared by the format modules.

Each format module registers a handler for one or more file suffixes with
``@register``. A handler fills in an ``IngestedDocument`` (rendition, pages,
text, metadata) or raises ``IngestError`` with a plain-Danish reason.
``ingest_path`` turns every exception into a failed document, so bad input
never escapes ``ingest()``.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from aktindsigt.core.danish import count  # noqa: F401 - the format modules' singular/plural forms
from aktindsigt.core.progress import Cancelled, CancelToken, ProgressCallback
from aktindsigt.ingest.base import IngestedDocument, IngestOptions

log = logging.getLogger(__name__)

CORRUPT = "Filen er beskadiget og kan ikke læses"
EMPTY = "Filen er tom (0 byte)"


class IngestError(Exception):
    """A file that cannot be read, with a reason for the caseworker (Danish)."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(detail or reason)
        self.reason = reason
        self.detail = detail or reason


Handler = Callable[["IngestContext", IngestedDocument, int], None]


@dataclass(frozen=True)
class FormatSpec:
    format: str
    handler: Handler
    label: str


_REGISTRY: dict[str, FormatSpec] = {}
_END_HOOKS: list[Callable[[], None]] = []


def on_end_of_import(hook: Callable[[], None]) -> None:
    """Run ``hook`` when an import is over (e.g. stop the LibreOffice kept running for it)."""
    _END_HOOKS.append(hook)


def end_of_import() -> None:
    for hook in _END_HOOKS:
        try:
            hook()
        except Exception:  # noqa: BLE001 - cleanup must not fail the import
            log.warning("end-of-import hook failed", exc_info=True)


def register(suffixes: list[str], fmt: str, label: str = "") -> Callable[[Handler], Handler]:
    """Register ``handler`` for the given suffixes (lower case, with the dot)."""

    def deco(handler: Handler) -> Handler:
        for s in suffixes:
            _REGISTRY[s.lower()] = FormatSpec(fmt, handler, label or fmt)
        return handler

    return deco


#: the format modules; each registers its handlers when imported (see ``load_formats``)
FORMAT_MODULES = ("archive", "docx", "email", "image", "mailbox", "pdf", "text")
_loaded = False


def load_formats() -> None:
    """Import the format modules once: they pull in PyMuPDF and the mail and Office readers, which a
    command that never ingests a file should not pay for."""
    global _loaded
    if not _loaded:
        import importlib

        for name in FORMAT_MODULES:
            importlib.import_module(f"aktindsigt.ingest.{name}")
        _loaded = True


def supported_suffixes() -> list[str]:
    load_formats()
    return sorted(_REGISTRY)


@dataclass
class IngestContext:
    options: IngestOptions
    workdir: Path
    progress: ProgressCallback | None = None
    cancel: CancelToken | None = None
    _counter: itertools.count = field(default_factory=lambda: itertools.count(1))
    _last_report: float = 0.0

    def step(self, done: int, total: int, message: str, force: bool = False) -> None:
        """Between pages: stop if cancelled, report progress (at most a few times a second)."""
        if self.cancel is not None:
            self.cancel.raise_if_cancelled()
        if self.progress is not None:
            now = time.monotonic()
            if force or now - self._last_report > 0.2:
                self._last_report = now
                self.progress(done, total, message)

    def new_path(self, stem: str, suffix: str) -> Path:
        """A fresh, unused path in the work folder."""
        n = next(self._counter)
        return self.workdir / f"{n:04d}-{safe_name(stem)}{suffix}"

    def new_dir(self, stem: str) -> Path:
        p = self.new_path(stem, "")
        p.mkdir(parents=True)
        return p

    def ingest_child(self, path: Path, name: str, depth: int) -> IngestedDocument:
        return ingest_path(self, path, name, depth)


_UNSAFE = re.compile(r"[^\w.\-]+", re.UNICODE)


def safe_name(name: str, limit: int = 60) -> str:
    """A file-system safe version of ``name`` (keeps letters incl. æøå, digits, dot, dash)."""
    base = _UNSAFE.sub("_", name).strip("._") or "fil"
    if len(base) > limit:
        stem, dot, suf = base.rpartition(".")
        base = (stem[: limit - len(suf) - 1] + "." + suf) if dot and len(suf) <= 8 else base[:limit]
    return base


_MAGIC: list[tuple[bytes, str]] = [
    (b"%PDF-", ".pdf"),
    (b"\x89PNG\r\n\x1a\n", ".png"),
    (b"\xff\xd8\xff", ".jpg"),
    (b"II*\x00", ".tif"),
    (b"MM\x00*", ".tif"),
    (b"\x78\x9f\x3e\x22", ".dat"),  # TNEF (winmail.dat)
]


def sniff_suffix(path: Path) -> str | None:
    """Suffix from the file's first bytes, for files without a (known) suffix."""
    try:
        with open(path, "rb") as f:
            head = f.read(1024)
    except OSError:
        return None
    for magic, suffix in _MAGIC:
        if head.startswith(magic) or (suffix == ".pdf" and magic in head):
            return suffix
    return None


def fail(doc: IngestedDocument, reason: str, detail: str = "") -> IngestedDocument:
    """Mark ``doc`` failed and drop anything half-made."""
    if doc.rendition is not None:
        with contextlib.suppress(OSError):
            os.unlink(doc.rendition)
    doc.rendition = None
    doc.pages = []
    doc.text = ""
    doc.children = []
    doc.failed = True
    doc.failure_reason = reason
    doc.failure_detail = detail or reason
    return doc


def ingest_path(ctx: IngestContext, path: Path, name: str, depth: int = 0) -> IngestedDocument:
    """Ingest one file. Never raises (except KeyboardInterrupt/SystemExit)."""
    load_formats()
    path = Path(path)
    suffix = Path(name).suffix.lower()
    doc = IngestedDocument(source_path=path, source_name=name, format=suffix.lstrip(".") or "ukendt")
    doc.title = Path(name).stem
    try:
        size = path.stat().st_size
    except OSError as e:
        return fail(doc, "Filen kan ikke findes eller læses", f"stat failed: {e}")
    if not path.is_file():
        return fail(doc, "Stien er ikke en fil", "not a regular file")
    if size == 0:
        return fail(doc, EMPTY, "zero-byte file")
    spec = _REGISTRY.get(suffix)
    if spec is None:
        sniffed = sniff_suffix(path)
        spec = _REGISTRY.get(sniffed) if sniffed else None
    if spec is None:
        reason = f"Filtypen {suffix} understøttes ikke" if suffix else "Filen har ingen filtype og understøttes ikke"
        return fail(doc, reason, f"unsupported file type {suffix!r}")
    doc.format = spec.format
    try:
        spec.handler(ctx, doc, depth)
    except Cancelled:
        fail(doc, "Indlæsningen blev afbrudt", "cancelled")
        raise
    except IngestError as e:
        log.info("ingest of %s failed: %s", name, e.detail)
        return fail(doc, e.reason, e.detail)
    except MemoryError as e:
        return fail(doc, "Filen er for stor til at blive læst", f"MemoryError: {e}")
    except Exception as e:  # noqa: BLE001 - bad input must never escape
        log.warning("ingest of %s failed", name, exc_info=True)
        return fail(doc, CORRUPT, f"{type(e).__name__}: {e}")
    return doc
