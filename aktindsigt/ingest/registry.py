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
#: a child beyond the import's budget of documents or bytes (zip bombs, a zip holding itself, deep nests)
TOO_MANY_DOCUMENTS = ("Filen er ikke indlæst: den fil, den ligger i, giver mere end {n} dokumenter i alt. "
                      "Del den op, eller bed afsenderen om filerne hver for sig.")
TOO_MANY_BYTES = ("Filen er ikke indlæst: de filer, der er pakket ud af den fil, den ligger i, fylder mere end "
                  "{size} i alt (beskyttelse mod zip-bomber).")
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
    documents: int = 0  # documents made so far by this import (children included)
    extracted: int = 0  # bytes of child files taken out of containers so far

    def room(self) -> int:
        """Bytes that children may still take out of containers in this import."""
        return max(self.options.max_extracted_bytes - self.extracted, 0)

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
        """Ingest a file taken out of a container (attachment, member, embedded file), within the import's
        budget: past ``max_documents`` documents or ``max_extracted_bytes`` bytes in all the child is a
        failed document with a reason (its bytes are kept), so that a zip bomb, a zip that holds itself or
        a deep nest of PDFs ends with a reason instead of filling the disk."""
        try:
            size = path.stat().st_size
        except OSError:
            size = 0
        self.extracted += size
        if self.documents >= self.options.max_documents:
            doc = IngestedDocument(source_path=path, source_name=name, format=Path(name).suffix.lstrip(".") or "ukendt")
            return fail(doc, TOO_MANY_DOCUMENTS.format(n=f"{self.options.max_documents:,}".replace(",", ".")),
                        f"import budget of {self.options.max_documents} documents spent")
        if self.extracted > self.options.max_extracted_bytes:
            doc = IngestedDocument(source_path=path, source_name=name, format=Path(name).suffix.lstrip(".") or "ukendt")
            return fail(doc, TOO_MANY_BYTES.format(size=format_size(self.options.max_extracted_bytes)),
                        f"import budget of {self.options.max_extracted_bytes} extracted bytes spent")
        return ingest_path(self, path, name, depth)


def format_size(n: int) -> str:
    """Bytes the Danish way: "300 MB", "1 GB", "1,5 GB"."""
    for unit, factor in (("GB", 1_000_000_000), ("MB", 1_000_000), ("kB", 1000)):
        if n >= factor:
            value = f"{n / factor:.1f}".rstrip("0").rstrip(".").replace(".", ",")
            return f"{value} {unit}"
    return f"{n} byte"


_UNSAFE = re.compile(r"[^\w.\-]+", re.UNICODE)


def safe_name(name: str, limit: int = 60) -> str:
    """A file-system safe version of ``name`` (keeps letters incl. æøå, digits, dot, dash)."""
    base = _UNSAFE.sub("_", name).strip("._") or "fil"
    if len(base) > limit:
        stem, dot, suf = base.rpartition(".")
        base = (stem[: limit - len(suf) - 1] + "." + suf) if dot and len(suf) <= 8 else base[:limit]
    return base


#: what the caseworker is told a file was read as, when its content chose the reader
READ_AS_LABELS = {
    ".pdf": "en PDF-fil", ".png": "et billede", ".jpg": "et billede", ".gif": "et billede", ".tif": "et billede",
    ".bmp": "et billede", ".dat": "Outlook-indhold (winmail.dat)", ".rtf": "et RTF-dokument",
    ".doc": "et Word-dokument", ".xls": "et Excel-regneark", ".ppt": "en PowerPoint-præsentation",
    ".msg": "en Outlook-e-mail", ".docx": "et Word-dokument", ".xlsx": "et Excel-regneark",
    ".pptx": "en PowerPoint-præsentation", ".odt": "et tekstdokument", ".ods": "et regneark",
    ".odp": "en præsentation", ".zip": "et zip-arkiv", ".eml": "en e-mail", ".html": "en HTML-side",
    ".txt": "tekst", ".mbox": "en postkasse (mbox)", ".p7m": "en digitalt signeret fil (PKCS #7)",
}
#: suffixes whose reader a mail in the file overrides (a mail saved as .txt; .msg reads RFC 822 itself)
_TEXT_SUFFIXES = {".txt", ".text", ".log"}


def sniff_suffix(path: Path) -> str | None:
    """Suffix of the format the file's content is (strong or weak evidence), or None."""
    from aktindsigt.ingest.sniff import content_suffix

    return content_suffix(path)[0]


def reader_for(path: Path, suffix: str) -> tuple[FormatSpec | None, str]:
    """The reader for a file named with ``suffix``, and the suffix its content chose when that is not
    the name's ("" when the name decides). Content decides when it is certain and the name's reader
    is another (a PDF named .docx, an Outlook file named .eml, a zip named .xlsx that holds a Word
    document), when the name has no known suffix, or when a text suffix holds an e-mail."""
    from aktindsigt.ingest.sniff import STRONG, content_suffix

    by_name = _REGISTRY.get(suffix)
    found, strength = content_suffix(path)
    by_content = _REGISTRY.get(found) if found else None
    if by_content is None or found is None:
        return by_name, ""
    if by_name is None:
        return by_content, found
    if by_content.handler is by_name.handler:
        return by_name, ""
    if strength == STRONG:
        if found == ".zip" and by_name.format in ("docx", "office", "spreadsheet", "presentation"):
            return by_name, ""  # an Office file whose package is damaged: its reader says so
        if found in (".doc", ".xls", ".ppt") and by_name.format in ("docx", "office", "spreadsheet",
                                                                      "presentation"):
            return by_name, ""  # an old Office file (or an encrypted new one): the named reader handles OLE
        return by_content, found
    if found == ".eml" and suffix in _TEXT_SUFFIXES or found == ".mbox" and suffix in _TEXT_SUFFIXES | {".eml"}:
        return by_content, found
    return by_name, ""


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
    ctx.documents += 1
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
    spec, read_as = reader_for(path, suffix)
    if spec is None:
        reason = f"Filtypen {suffix} understøttes ikke" if suffix else "Filen har ingen filtype og understøttes ikke"
        return fail(doc, reason, f"unsupported file type {suffix!r}")
    doc.format = spec.format
    if read_as:
        doc.read_as = read_as
        what = READ_AS_LABELS.get(read_as, read_as)
        if not suffix:
            doc.warnings.append(f"Filen har ingen filtype; den er læst som {what} ud fra indholdet.")
        elif suffix in _REGISTRY:
            doc.warnings.append(f"Filen hedder {suffix}, men indholdet er {what}, og den er læst sådan.")
        else:
            doc.warnings.append(f"Filtypen {suffix} kendes ikke; filen er læst som {what} ud fra indholdet.")
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
