"""Files attached to a PDF: the document's ``/EmbeddedFiles`` name tree (portfolios, "attach file"), read
whole by qpdf (pikepdf) including trees split into ``/Kids``, and ``/FileAttachment`` annotations on the
pages (a paper clip or push pin icon; PyMuPDF's ``embfile_*`` API sees neither a split tree nor these).

Each attachment is read only up to a size limit: a Flate stream is inflated in steps with a running
limit, so that an attached file that inflates to gigabytes is refused before it is in memory. When qpdf
cannot open the file (only MuPDF's reconstruction could) the attachments are read with PyMuPDF: the flat
name tree and the annotations.
"""

from __future__ import annotations

import contextlib
import logging
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from aktindsigt.pdflib import pymupdf

log = logging.getLogger(__name__)


class TooLarge(Exception):
    """The attached file is larger than the limit when decoded."""


@dataclass
class Attachment:
    name: str  # the file name the PDF gives ("" when it gives none)
    page: int  # the page of the annotation that holds it; 0 for the document's EmbeddedFiles
    read: Callable[[int], bytes]  # read(limit): the decoded bytes, or TooLarge
    external: bool = False  # only a reference to a file outside the PDF: nothing to read


def _external(limit: int) -> bytes:
    raise FileNotFoundError("the file specification refers to a file outside the PDF")


def base_name(name: str) -> str:
    """The last component of a file specification ("C:\\Sager\\bilag.pdf", "/tmp/bilag.pdf", "bilag.pdf")."""
    name = (name or "").replace("\x00", "").strip()
    return PurePosixPath(name.replace("\\", "/")).name if name else ""


@contextlib.contextmanager
def attachments(path: Path, pdf: pymupdf.Document, passwords: tuple[str, ...] = ()) -> Iterator[list[Attachment]]:
    """Every file attached to the PDF at ``path`` (document level first, then page by page), readable while
    the context is open. ``pdf`` is the document as PyMuPDF opened it, used when qpdf cannot open the
    file."""
    import pikepdf

    src = None
    for pw in ("", *passwords):
        try:
            src = pikepdf.open(path, password=pw, attempt_recovery=True)
            break
        except pikepdf.PasswordError:
            continue
        except Exception as e:  # noqa: BLE001 - qpdf gives up: PyMuPDF lists what it can
            log.info("%s: qpdf cannot list the attachments: %s", path.name, e)
            break
    if src is None:
        yield _with_pymupdf(pdf)
        return
    try:
        yield _with_pikepdf(src, path.name)
    finally:
        src.close()


# ----------------------------------------------------------------------------- pikepdf


def _with_pikepdf(src, label: str) -> list[Attachment]:
    import pikepdf

    out: list[Attachment] = []
    seen: set[tuple[int, int]] = set()
    try:
        specs = list(src.attachments.items())
    except Exception as e:  # noqa: BLE001 - a broken name tree: the annotations may still hold files
        log.info("%s: the EmbeddedFiles name tree cannot be read: %s", label, e)
        specs = []
    for key, spec in specs:
        att = _from_filespec(spec.obj, key, 0, seen)
        if att is not None:
            out.append(att)
    for number, page in enumerate(src.pages, 1):
        try:
            annots = page.obj.get("/Annots") or []
            annots = list(annots)
        except Exception:  # noqa: BLE001
            continue
        for annot in annots:
            try:
                if not isinstance(annot, pikepdf.Dictionary) or annot.get("/Subtype") != pikepdf.Name.FileAttachment:
                    continue
                fs = annot.get("/FS")
                if isinstance(fs, pikepdf.String):  # a reference to a file outside the PDF: nothing attached
                    att = Attachment(base_name(str(fs)), number, _external, external=True)
                elif isinstance(fs, pikepdf.Dictionary):
                    att = _from_filespec(fs, "", number, seen)
                    if att is None and not isinstance(fs.get("/EF"), pikepdf.Dictionary):
                        att = Attachment(_spec_name(fs), number, _external, external=True)
                else:
                    continue
            except Exception:  # noqa: BLE001 - one odd annotation must not cost the others
                log.info("%s: a file attachment annotation on page %d cannot be read", label, number,
                         exc_info=True)
                continue
            if att is not None:
                out.append(att)
    return out


def _from_filespec(fs, key: str, page: int, seen: set[tuple[int, int]]) -> Attachment | None:
    import pikepdf

    ef = fs.get("/EF")
    if not isinstance(ef, pikepdf.Dictionary):
        return None
    stream = None
    for k in ("/UF", "/F", "/DOS", "/Unix", "/Mac"):
        s = ef.get(k)
        if isinstance(s, pikepdf.Stream):
            stream = s
            break
    if stream is None:
        return None
    ident = stream.objgen
    if ident != (0, 0):
        if ident in seen:  # the same file in the name tree and behind an annotation
            return None
        seen.add(ident)
    name = _spec_name(fs) or base_name(key)
    return Attachment(name, page, lambda limit: _read_stream(stream, limit))


def _spec_name(fs) -> str:
    import pikepdf

    for k in ("/UF", "/F"):
        v = fs.get(k)
        if isinstance(v, pikepdf.String) and (name := base_name(str(v))):
            return name
    return ""


def _read_stream(stream, limit: int) -> bytes:
    """The decoded stream, refused (TooLarge) when it is larger than ``limit``. A Flate stream (the usual
    filter of attached files) is inflated with a running limit; other filters are decoded by qpdf when
    even the maximal Flate ratio could not take the raw bytes past the limit, else refused."""
    import pikepdf

    raw = stream.read_raw_bytes()
    filters = stream.get("/Filter")
    if isinstance(filters, pikepdf.Array):
        filters = list(filters)
        filters = filters[0] if len(filters) == 1 else filters
    if filters is None:
        data = raw
    elif filters == pikepdf.Name.FlateDecode and stream.get("/DecodeParms") is None:
        d = zlib.decompressobj()
        parts: list[bytes] = []
        size = 0
        chunk = raw
        try:
            while chunk:
                out = d.decompress(chunk, 1 << 20)
                size += len(out)
                if size > limit:
                    raise TooLarge(f"inflates past {limit} bytes")
                parts.append(out)
                chunk = d.unconsumed_tail
                if d.eof:
                    break
        except zlib.error:
            return bytes(stream.read_bytes())  # qpdf is more lenient with a damaged stream
        data = b"".join(parts)
    elif len(raw) * 1100 <= limit:
        data = bytes(stream.read_bytes())
    else:
        raise TooLarge(f"{len(raw)} raw bytes with filter {filters}")
    if len(data) > limit:
        raise TooLarge(f"{len(data)} bytes > {limit}")
    return data


# ----------------------------------------------------------------------------- PyMuPDF


def _with_pymupdf(pdf: pymupdf.Document) -> list[Attachment]:
    out: list[Attachment] = []
    with contextlib.suppress(Exception):
        for i, name in enumerate(pdf.embfile_names()):
            info = pdf.embfile_info(i)

            def read_embedded(limit: int, i: int = i) -> bytes:
                return _limited(pdf.embfile_get(i), limit)

            out.append(Attachment(base_name(info.get("ufilename") or info.get("filename") or name), 0, read_embedded))
    for page in pdf:  # type: ignore[attr-defined]
        try:
            annots = list(page.annots(types=[pymupdf.PDF_ANNOT_FILE_ATTACHMENT]))  # type: ignore[attr-defined]
        except Exception:  # noqa: BLE001
            continue
        for annot in annots:
            try:
                info = annot.file_info
            except Exception:  # noqa: BLE001 - no embedded file behind the icon
                continue
            xref, number = annot.xref, page.number + 1

            def read(limit: int, xref: int = xref, number: int = number) -> bytes:
                page = pdf[number - 1]  # an annotation is only readable while its page is referenced
                return _limited(page.load_annot(xref).get_file(), limit)

            out.append(Attachment(base_name(info.get("ufilename") or info.get("filename") or ""), number, read))
    return out


def _limited(data: bytes, limit: int) -> bytes:
    if len(data) > limit:
        raise TooLarge(f"{len(data)} bytes > {limit}")
    return data
