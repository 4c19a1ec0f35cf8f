"""The contract between ingestion and the rest of the program.

``ingest(path)`` (see ``aktindsigt.ingest``) returns an ``IngestResult``: one
``IngestedDocument`` per file, with attachments as children. Each successfully
read document has a PDF rendition (a temporary file owned by the result), its
pages with words and boxes, and its text (the concatenation of the page texts;
``Word.start/end`` and ``Page.text_start/text_end`` are offsets into it).

A document that cannot be read is not an exception: it has ``failed=True`` and a
plain-Danish ``failure_reason`` for the caseworker (``failure_detail`` in
English for the log).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from aktindsigt.core.model import Direction, Page


@dataclass
class IngestOptions:
    max_pages: int = 3000  # a PDF with more pages fails with a clear reason
    max_image_pixels: int = 80_000_000  # larger images fail (decompression bombs)
    max_docx_uncompressed: int = 300_000_000  # bytes; zip bombs fail
    max_docx_ratio: float = 200.0  # uncompressed/compressed
    max_attachment_depth: int = 3  # e-mail in e-mail in e-mail, PDF attached to a PDF in a zip ...
    max_attachments: int = 1000  # files attached to one PDF; members of one zip
    max_extracted_bytes: int = 1_000_000_000  # all files taken out of containers while one file is imported
    max_documents: int = 10_000  # documents one file may yield (attachments of attachments ... included)
    max_header_bytes: int = 1_000_000  # an e-mail's header block; larger ones fail before parsing
    max_header_count: int = 5_000  # header fields of one e-mail
    passwords: tuple[str, ...] = ()  # tried on an encrypted PDF (the caseworker's "open with password")
    ocr_language: str = "dan"
    ocr_dpi: int = 300
    ocr: bool = True  # off: scanned pages get no text (with a warning)
    own_email_domains: tuple[str, ...] = ()  # e.g. ("aarhus.dk",): sets e-mail direction
    ocr_timeout: float = 180.0  # seconds per page
    convert_timeout: float = 180.0  # seconds per LibreOffice conversion


@dataclass
class IngestedDocument:
    source_path: Path  # the original bytes (for attachments: a temp file)
    source_name: str  # file name as the caseworker knows it
    format: str  # "pdf", "docx", "eml", "msg", "image", "text", "html", ...
    read_as: str = ""  # the suffix whose reader read the file when its content chose it, not its name
    title: str = ""
    doc_date: date | None = None
    direction: Direction = Direction.UNKNOWN
    sender: str = ""
    recipient: str = ""
    rendition: Path | None = None  # PDF for viewing and redaction; None when failed
    pages: list[Page] = field(default_factory=list)
    text: str = ""
    warnings: list[str] = field(default_factory=list)  # Danish, shown on the document
    approximate: bool = False  # rendition is not layout-faithful (e.g. DOCX without LibreOffice)
    failed: bool = False
    failure_reason: str = ""  # Danish, for the caseworker
    failure_detail: str = ""  # English, for the log
    children: list[IngestedDocument] = field(default_factory=list)  # attachments

    @property
    def suffix(self) -> str:
        """The suffix the file was read as: the content's when that chose the reader, else the name's."""
        return self.read_as or Path(self.source_name).suffix.lower()

    def walk(self):
        """This document and all its descendants, parents first."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class IngestResult:
    document: IngestedDocument
    workdir: Path  # temp folder holding renditions and extracted attachments

    def cleanup(self) -> None:
        shutil.rmtree(self.workdir, ignore_errors=True)

    def __enter__(self) -> IngestResult:
        return self

    def __exit__(self, *exc: object) -> None:
        self.cleanup()


INGEST_TMP_PREFIX = "aktindsigt-ingest-"


def new_workdir() -> Path:
    """A temporary folder named after this process, so that a later start can remove it after a crash."""
    return Path(tempfile.mkdtemp(prefix=f"{INGEST_TMP_PREFIX}{os.getpid()}-"))
