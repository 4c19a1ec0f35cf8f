"""Ingestion: files in, ``IngestedDocument``s out (see ``base`` for the contract).

``ingest(path)`` picks the format module by the file suffix (falling back to the
file's first bytes), and always returns an ``IngestResult``: a file that cannot
be read becomes a document with ``failed=True`` and a Danish reason.

Formats: PDF (text layer + OCR of scanned pages), images (PNG, JPEG, TIFF),
Word (DOCX via LibreOffice), e-mail (.eml, .msg, with attachments as children; mbox; TNEF winmail.dat),
plain text and HTML, ZIP archives (members as children). The format modules (and with them
PyMuPDF) are imported on the first ingest, not when this package is imported.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from aktindsigt.core.progress import CancelToken, ProgressCallback
from aktindsigt.ingest.base import IngestedDocument, IngestOptions, IngestResult, new_workdir
from aktindsigt.ingest.registry import IngestContext, ingest_path, supported_suffixes
from aktindsigt.ingest.tools import (
    ToolStatus,
    libreoffice_status,
    refresh_tool_status,
    tesseract_status,
    tool_statuses,
)

__all__ = [
    "IngestOptions",
    "IngestResult",
    "IngestedDocument",
    "ToolStatus",
    "ingest",
    "libreoffice_status",
    "refresh_tool_status",
    "supported_suffixes",
    "tesseract_status",
    "tool_statuses",
]


def ingest(
    path: Path,
    options: IngestOptions | None = None,
    name: str | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    workdir: Path | None = None,
) -> IngestResult:
    """Read one file (and, for e-mails, its attachments) into an ``IngestResult``.

    ``name`` is the file name as the caseworker knows it (defaults to the path's
    name). The result owns a temporary work folder with the renditions; call
    ``cleanup()`` (or use it as a context manager) when done. Never raises for
    bad input. ``progress(done, total, message)`` is called between pages of long
    documents; a cancelled ``cancel`` token stops between pages with
    ``core.progress.Cancelled`` (the work folder is then already removed). ``workdir``: an empty
    folder to work in (default: a new temporary folder).
    """
    path = Path(path)
    if workdir is None:
        workdir = new_workdir()
    else:
        workdir.mkdir(parents=True, exist_ok=True)
    ctx = IngestContext(options or IngestOptions(), workdir, progress=progress, cancel=cancel)
    try:
        doc = ingest_path(ctx, path, name or path.name, 0)
    except BaseException:
        shutil.rmtree(workdir, ignore_errors=True)
        raise
    return IngestResult(doc, workdir)
