"""Office documents through LibreOffice headless: Word (DOCX, DOC, ODT, RTF), spreadsheets (XLSX,
XLS, ODS: every visible sheet) and presentations (PPTX, PPT, ODP).

Before anything is unpacked the zip is checked for decompression bombs, and an
encrypted (password-protected) DOCX, which is an OLE container rather than a
zip, is recognised. Tracked changes, comments and hidden text, hidden sheets, rows
and columns, cell comments and speaker notes are reported as warnings: they are in
the file but not in the view, a leak risk. Without LibreOffice the text is rendered plainly
(``approximate=True``).
"""

from __future__ import annotations

import contextlib
import logging
import re
import shutil
import zipfile
from datetime import date, datetime
from pathlib import Path
from xml.etree import ElementTree as ET

from aktindsigt.ingest import tools
from aktindsigt.ingest.base import IngestedDocument
from aktindsigt.ingest.layout import Block
from aktindsigt.ingest.pdf import process_pdf
from aktindsigt.ingest.registry import (
    CORRUPT,
    IngestContext,
    IngestError,
    count,
    on_end_of_import,
    register,
    safe_name,
)
from aktindsigt.ingest.text import rendered_pdf_document
from aktindsigt.pdflib import pymupdf

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
PROTECTED = "Word-filen er beskyttet med adgangskode"
BOMB = "Word-filen er mistænkeligt stor, når den pakkes ud, og er afvist af sikkerhedshensyn"
NO_LIBREOFFICE = (
    "LibreOffice er ikke installeret: dokumentet vises som ren tekst uden det oprindelige layout, "
    "sidehoved/-fod og billeder. Kontrollér originalen."
)

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

log = logging.getLogger(__name__)
on_end_of_import(tools.end_office)  # the LibreOffice kept running for the import


def check_zip(path: Path, max_total: int, max_ratio: float, bomb: str = "") -> zipfile.ZipFile:
    """Open the zip and refuse bombs: first the central directory's sizes, then every member inflated
    in chunks with a running total (headers that understate a member's size do not get past this,
    nor into LibreOffice). Nothing is kept in memory."""
    bomb = bomb or BOMB
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as e:
        raise IngestError(CORRUPT, f"not a zip file: {e}") from e
    try:
        infos = zf.infolist()
        total = sum(i.file_size for i in infos)
        packed = sum(i.compress_size for i in infos) or 1
        worst = max((i.file_size / max(i.compress_size, 1) for i in infos if i.file_size > 1_000_000), default=0.0)
        if total > max_total or total / packed > max_ratio or worst > max_ratio or len(infos) > 10_000:
            raise IngestError(bomb, f"uncompressed {total} bytes, ratio {total / packed:.0f}, worst member {worst:.0f}")
        inflated_sizes(path, infos, max_total, bomb)
    except BaseException:
        zf.close()
        raise
    return zf


CHUNK = 1 << 20


def inflated_sizes(path: Path, infos: list[zipfile.ZipInfo], max_total: int, bomb: str) -> int:
    """Inflate every member from its raw bytes (not trusting any size field) in chunks; refuse a member
    that inflates to more than its declared size and an archive over ``max_total``. Returns the total."""
    import struct
    import zlib

    total = 0
    with open(path, "rb") as f:
        for info in infos:
            if info.is_dir() or info.flag_bits & 0x1:  # encrypted members cannot be inflated here
                continue
            f.seek(info.header_offset)
            head = f.read(30)
            if len(head) < 30 or head[:4] != b"PK\x03\x04":
                raise IngestError(CORRUPT, f"bad local header for {info.filename}")
            name_len, extra_len = struct.unpack("<HH", head[26:30])
            f.seek(info.header_offset + 30 + name_len + extra_len)
            left = info.compress_size
            if info.compress_type == zipfile.ZIP_STORED:
                out = left
            elif info.compress_type == zipfile.ZIP_DEFLATED:
                d = zlib.decompressobj(-15)
                out = 0
                while left > 0 or d.unconsumed_tail:
                    if d.unconsumed_tail:
                        data = d.unconsumed_tail
                    else:
                        data = f.read(min(CHUNK, left))
                        if not data:
                            break
                        left -= len(data)
                    try:
                        out += len(d.decompress(data, CHUNK))
                    except zlib.error as e:
                        raise IngestError(CORRUPT, f"{info.filename}: {e}") from e
                    if out > info.file_size or total + out > max_total:
                        raise IngestError(bomb, f"{info.filename} inflates beyond {info.file_size} declared bytes"
                                          f" or the archive beyond {max_total}")
                    if d.eof:
                        break
            else:
                continue  # bzip2/lzma members: zipfile's own limits apply when they are read
            if out > info.file_size:
                raise IngestError(bomb, f"{info.filename} larger than declared")
            total += out
    return total


def _read_member(zf: zipfile.ZipFile, name: str, limit: int) -> bytes:
    """Read a member in chunks, stopping at ``limit`` bytes."""
    parts: list[bytes] = []
    n = 0
    with zf.open(name) as f:
        while chunk := f.read(CHUNK):
            n += len(chunk)
            if n > limit:
                raise IngestError(BOMB, f"member {name} larger than {limit}")
            parts.append(chunk)
    return b"".join(parts)


def _scan_member(zf: zipfile.ZipFile, name: str, patterns: dict[str, re.Pattern[bytes]]) -> set[str]:
    """Which ``patterns`` occur in a member, read in chunks (with an overlap for matches across chunks)."""
    found: set[str] = set()
    tail = b""
    with zf.open(name) as f:
        while chunk := f.read(CHUNK):
            data = tail + chunk
            for key, pat in patterns.items():
                if key not in found and pat.search(data):
                    found.add(key)
            tail = data[-256:]
    return found


_LEAK_PATTERNS = {
    "comments": re.compile(rb"<w:comment "),
    "ins": re.compile(rb"<w:(?:ins|moveTo)\b"),
    "del": re.compile(rb"<w:(?:del|moveFrom)\b"),
    "hidden": re.compile(rb'<w:(?:vanish|specVanish)\b(?![^>]*w:val="(?:0|false|off)")[^>]*/?>'),
}


def leak_warnings(zf: zipfile.ZipFile, limit: int) -> list[str]:
    """Danish warnings for tracked changes, comments and hidden text in a DOCX."""
    found: set[str] = set()
    for name in zf.namelist():
        if not (name.startswith("word/") and name.endswith(".xml")):
            continue
        base = name.rsplit("/", 1)[-1]
        hits = _scan_member(zf, name, _LEAK_PATTERNS)
        if not base.startswith("comments"):
            hits.discard("comments")
        found |= hits
    out: list[str] = []
    if "ins" in found or "del" in found:
        out.append(
            "Dokumentet indeholder registrerede ændringer (sporede ændringer). Slettet eller tilføjet tekst "
            "kan være med i originalen – acceptér eller afvis ændringerne, før dokumentet udleveres."
        )
    if "comments" in found:
        out.append("Dokumentet indeholder kommentarer, som kan indeholde oplysninger, der ikke må udleveres.")
    if "hidden" in found:
        out.append("Dokumentet indeholder skjult tekst, som ikke vises, men findes i filen.")
    return out


def core_properties(zf: zipfile.ZipFile, limit: int) -> tuple[str, date | None]:
    try:
        xml = _read_member(zf, "docProps/core.xml", min(limit, 10_000_000))
    except (KeyError, IngestError):
        return "", None
    try:
        root = ET.fromstring(xml)
    except ET.ParseError:
        return "", None
    title = ""
    when: date | None = None
    for el in root:
        tag = el.tag.rsplit("}", 1)[-1]
        if tag == "title" and el.text:
            title = el.text.strip()
        elif tag in ("created", "modified") and el.text and when is None:
            with contextlib.suppress(ValueError):
                when = datetime.fromisoformat(el.text.strip().replace("Z", "+00:00")).date()
    return title, when


def docx_plain_text(path: Path) -> str:
    """Paragraphs and table cells in document order, via python-docx."""
    import docx  # python-docx

    document = docx.Document(str(path))
    lines: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append("".join(t.text or "" for t in child.iter(f"{{{W_NS}}}t")))
        elif tag == "tbl":
            for row in child.iter(f"{{{W_NS}}}tr"):
                cells = []
                for cell in row.iter(f"{{{W_NS}}}tc"):
                    cells.append(" ".join("".join(t.text or "" for t in p.iter(f"{{{W_NS}}}t"))
                                          for p in cell.iter(f"{{{W_NS}}}p")).strip())
                lines.append("  |  ".join(cells))
    return "\n".join(lines)


def _convert(ctx: IngestContext, doc: IngestedDocument, stem: str) -> None:
    """LibreOffice → PDF → the PDF pipeline. Raises ToolError when conversion fails."""
    tmp = ctx.new_dir("lo")
    src = tmp / (safe_name(stem) + doc.suffix)
    shutil.copyfile(doc.source_path, src)
    pdf_path = tools.convert_to_pdf(src, tmp / "out", timeout=ctx.options.convert_timeout)
    try:
        pdf = pymupdf.open(pdf_path)
    except Exception as e:  # noqa: BLE001
        raise IngestError(CORRUPT, f"LibreOffice output unreadable: {e}") from e
    try:
        if pdf.page_count > ctx.options.max_pages:
            raise IngestError(
                f"Dokumentet fylder {pdf.page_count} sider; grænsen er {ctx.options.max_pages}", "too many pages"
            )
        process_pdf(ctx, doc, pdf, copy_source=False)
    finally:
        pdf.close()
        shutil.rmtree(tmp, ignore_errors=True)


@register([".docx", ".docm", ".dotx"], "docx")
def ingest_docx(ctx: IngestContext, doc: IngestedDocument, depth: int) -> None:
    path = doc.source_path
    with open(path, "rb") as f:
        head = f.read(8)
    if head == OLE_MAGIC:
        if _ole_is_encrypted(path):
            raise IngestError(PROTECTED, "DOCX is an encrypted OLE container")
        doc.format = "doc"  # an old binary Word file with a .docx name: LibreOffice reads it by content
        _office_to_pdf(ctx, doc, Path(doc.source_name).stem or "dokument", plain_text=None)
        return
    opts = ctx.options
    zf = check_zip(path, opts.max_docx_uncompressed, opts.max_docx_ratio)
    with zf:
        if "word/document.xml" not in zf.namelist():
            raise IngestError(CORRUPT, "no word/document.xml in zip")
        warnings = leak_warnings(zf, opts.max_docx_uncompressed)
        title, when = core_properties(zf, opts.max_docx_uncompressed)
    if title:
        doc.title = title
    doc.doc_date = when
    stem = Path(doc.source_name).stem or "dokument"
    _office_to_pdf(ctx, doc, stem, plain_text=docx_plain_text)
    doc.warnings[:0] = warnings


def _ole_is_encrypted(path: Path) -> bool:
    """An OLE Office file that is password protected: an encryption stream, or the
    Word 97-2003 FIB flag ``fEncrypted``."""
    try:
        import olefile

        with olefile.OleFileIO(str(path)) as ole:
            if ole.exists("EncryptionInfo") or ole.exists("EncryptedPackage"):
                return True
            if ole.exists("WordDocument"):
                with ole.openstream("WordDocument") as f:
                    fib = f.read(12)
                return len(fib) >= 12 and bool(int.from_bytes(fib[10:12], "little") & 0x0100)
    except Exception:  # noqa: BLE001
        return False
    return False


@register([".doc", ".odt", ".rtf"], "office")
def ingest_office(ctx: IngestContext, doc: IngestedDocument, depth: int) -> None:
    path = doc.source_path
    suffix, head = _suffix_and_head(doc)
    if head == OLE_MAGIC and _ole_is_encrypted(path):
        raise IngestError(PROTECTED, "encrypted OLE office file")
    if suffix == ".odt":
        check_zip(path, ctx.options.max_docx_uncompressed, ctx.options.max_docx_ratio).close()
    plain = _rtf_plain_text if suffix == ".rtf" else None
    _office_to_pdf(ctx, doc, Path(doc.source_name).stem or "dokument", plain_text=plain)


# --------------------------------------------------------------- spreadsheets, presentations

SPREADSHEET_BOMB = "Regnearket er mistænkeligt stort, når det pakkes ud, og er afvist af sikkerhedshensyn"
PRESENTATION_BOMB = "Præsentationen er mistænkeligt stor, når den pakkes ud, og er afvist af sikkerhedshensyn"
_TAG_ATTRS = re.compile(rb'([\w:.-]+)="([^"]*)"')


def _attrs(tag: bytes) -> dict[bytes, str]:
    import html

    return {k: html.unescape(v.decode("utf-8", "replace")) for k, v in _TAG_ATTRS.findall(tag)}


def _findall(zf: zipfile.ZipFile, name: str, pattern: re.Pattern[bytes]) -> list[bytes]:
    """Every match of ``pattern`` in a member, read in chunks (matches are tags, shorter than the overlap)."""
    out: list[bytes] = []
    tail = b""
    with zf.open(name) as f:
        while chunk := f.read(CHUNK):
            data = tail + chunk
            out += [m.group(0) for m in pattern.finditer(data) if m.end() > len(tail)]  # new matches only
            tail = data[-4096:]
    return out


def spreadsheet_warnings(zf: zipfile.ZipFile, ods: bool) -> list[str]:
    """Hidden sheets, rows and columns and cell comments: they are in the file but not in the view."""
    hidden_sheets: list[str] = []
    rows = cols = comments = 0
    names = zf.namelist()
    if ods:
        if "content.xml" in names:
            hidden_styles: set[str] = set()
            for tag in _findall(zf, "content.xml", re.compile(rb"<style:style [^>]*>\s*<style:table-properties [^>]*>")):
                if b'table:display="false"' in tag:
                    hidden_styles.add(_attrs(tag).get(b"style:name", ""))
            for tag in _findall(zf, "content.xml", re.compile(rb"<table:table [^>]*>")):
                a = _attrs(tag)
                if a.get(b"table:style-name") in hidden_styles:
                    hidden_sheets.append(a.get(b"table:name", "?"))
            for tag in _findall(zf, "content.xml", re.compile(rb"<table:table-(?:row|column) [^>]*>")):
                a = _attrs(tag)
                if a.get(b"table:visibility") in ("collapse", "filter"):
                    n = int(a.get(b"table:number-rows-repeated") or a.get(b"table:number-columns-repeated") or 1)
                    if tag.startswith(b"<table:table-row"):
                        rows += min(n, 1_000_000)
                    else:
                        cols += min(n, 16_384)
            comments = len(_findall(zf, "content.xml", re.compile(rb"<office:annotation[ >]")))
    else:
        if "xl/workbook.xml" in names:
            for tag in _findall(zf, "xl/workbook.xml", re.compile(rb"<sheet [^>]*>")):
                a = _attrs(tag)
                if a.get(b"state") in ("hidden", "veryHidden"):
                    hidden_sheets.append(a.get(b"name", "?"))
        for name in names:
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                for tag in _findall(zf, name, re.compile(rb"<(?:row|col) [^>]*>")):
                    a = _attrs(tag)
                    if a.get(b"hidden") in ("1", "true"):
                        if tag.startswith(b"<row"):
                            rows += 1
                        else:
                            lo, hi = int(a.get(b"min") or 1), int(a.get(b"max") or 1)
                            cols += max(min(hi, 16_384) - lo + 1, 1)
            elif re.match(r"xl/(?:comments[^/]*|comments/[^/]+|threadedComments/[^/]+)\.xml$", name):
                comments += len(_findall(zf, name, re.compile(rb"<(?:comment|threadedComment) ")))
    out: list[str] = []
    if hidden_sheets:
        n = len(hidden_sheets)
        out.append(f"Regnearket har {count(n, 'skjult ark', 'skjulte ark')} ({', '.join(hidden_sheets)}). "
                   f"{'Det' if n == 1 else 'De'} vises ikke her, men findes i filen og kan indeholde oplysninger, "
                   "der ikke må udleveres.")
    if rows or cols:
        parts = [count(rows, "skjult række", "skjulte rækker")] if rows else []
        parts += [count(cols, "skjult kolonne", "skjulte kolonner")] if cols else []
        out.append(f"Regnearket har {' og '.join(parts)}, som ikke vises her, men findes i filen.")
    if comments:
        out.append(f"Regnearket har {count(comments, 'kommentar', 'kommentarer')} til celler, som ikke vises her "
                   "og kan indeholde oplysninger, der ikke må udleveres.")
    return out


_A_T = re.compile(rb"<a:t>([^<]*)</a:t>")
_TEXT_P = re.compile(rb"<presentation:notes[^>]*>.*?</presentation:notes>", re.S)


def presentation_warnings(zf: zipfile.ZipFile, odp: bool) -> list[str]:
    """Speaker notes, comments and hidden slides of a presentation."""
    notes = hidden = comments = 0
    names = zf.namelist()
    if odp:
        if "content.xml" in names:
            data = _read_member(zf, "content.xml", 200_000_000)
            for block in _TEXT_P.findall(data):
                if re.sub(rb"<[^>]+>", b"", block).strip():
                    notes += 1
            hidden = len(re.findall(rb'presentation:visibility="hidden"', data))
            comments = len(re.findall(rb"<officeooo:annotation[ >]|<office:annotation[ >]", data))
    else:
        for name in names:
            if re.match(r"ppt/notesSlides/notesSlide\d+\.xml$", name):
                texts = [t.strip() for t in _A_T.findall(_read_member(zf, name, 50_000_000))]
                if any(t and not t.isdigit() for t in texts):
                    notes += 1
            elif re.match(r"ppt/slides/slide\d+\.xml$", name):
                with zf.open(name) as f:
                    if re.search(rb'<p:sld [^>]*show="(?:0|false)"', f.read(4096)):
                        hidden += 1
            elif re.match(r"ppt/comments/.*\.xml$", name):
                comments += len(_findall(zf, name, re.compile(rb"<p:cm ")))
    out: list[str] = []
    if notes:
        out.append(f"Præsentationen har talernoter på {count(notes, 'dias', 'dias')}. Noterne vises ikke her, men "
                   "findes i filen og kan indeholde oplysninger, der ikke må udleveres.")
    if hidden:
        out.append(f"Præsentationen har {count(hidden, 'skjult dias', 'skjulte dias')}, som ikke vises her, men "
                   "findes i filen.")
    if comments:
        out.append(f"Præsentationen har {count(comments, 'kommentar', 'kommentarer')}, som ikke vises her.")
    return out


def _office_package(ctx: IngestContext, doc: IngestedDocument, kind: str) -> None:
    """Spreadsheets and presentations: LibreOffice renders them; the leak risks come from the file's XML."""
    path = doc.source_path
    _suffix, head = _suffix_and_head(doc)
    warnings: list[str] = []
    if head == OLE_MAGIC:  # .xls / .ppt (or an encrypted OOXML file)
        if _ole_is_encrypted(path):
            raise IngestError("Filen er beskyttet med adgangskode", "encrypted OLE office file")
        warnings.append("Filen er i et ældre Office-format; skjulte ark, noter og kommentarer kan ikke "
                        "kontrolleres automatisk. Gennemgå originalen.")
    else:
        opts = ctx.options
        bomb = SPREADSHEET_BOMB if kind == "spreadsheet" else PRESENTATION_BOMB
        zf = check_zip(path, opts.max_docx_uncompressed, opts.max_docx_ratio, bomb)
        with zf:
            open_document = "content.xml" in zf.namelist()
            if kind == "spreadsheet":
                warnings = spreadsheet_warnings(zf, ods=open_document)
            else:
                warnings = presentation_warnings(zf, odp=open_document)
    _office_to_pdf(ctx, doc, Path(doc.source_name).stem or "dokument", plain_text=None)
    doc.warnings[:0] = warnings


@register([".xlsx", ".xlsm", ".xls", ".ods"], "spreadsheet")
def ingest_spreadsheet(ctx: IngestContext, doc: IngestedDocument, depth: int) -> None:
    _office_package(ctx, doc, "spreadsheet")


@register([".pptx", ".pptm", ".ppt", ".odp"], "presentation")
def ingest_presentation(ctx: IngestContext, doc: IngestedDocument, depth: int) -> None:
    _office_package(ctx, doc, "presentation")


def _suffix_and_head(doc: IngestedDocument) -> tuple[str, bytes]:
    """The file's suffix (which also becomes its format) and its first 8 bytes (an OLE container?)."""
    suffix = doc.suffix
    doc.format = suffix.lstrip(".")
    with open(doc.source_path, "rb") as f:
        return suffix, f.read(8)


def _rtf_plain_text(path: Path) -> str:
    from aktindsigt.ingest.email import rtf_to_text

    return rtf_to_text(path.read_bytes())


def _office_to_pdf(ctx: IngestContext, doc: IngestedDocument, stem: str, plain_text) -> None:
    status = tools.libreoffice_status()
    if status.available:
        try:
            _convert(ctx, doc, stem)
            return
        except tools.ToolError as e:
            log.warning("LibreOffice could not convert %s: %s", doc.source_name, e)
            if plain_text is None:
                raise IngestError("Dokumentet kunne ikke konverteres til PDF", str(e)) from e
            doc.warnings.append(
                "LibreOffice kunne ikke konvertere dokumentet; det vises som ren tekst uden layout."
            )
    elif plain_text is None:
        raise IngestError(
            "Dokumentet kan ikke vises, fordi LibreOffice ikke er installeret", "LibreOffice missing"
        )
    else:
        doc.warnings.append(NO_LIBREOFFICE)
    try:
        text = plain_text(doc.source_path)
    except Exception as e:  # noqa: BLE001
        raise IngestError(CORRUPT, f"python-docx failed: {e}") from e
    blocks = [Block(line, "body") if line.strip() else Block("", "gap") for line in text.split("\n")]
    rendered_pdf_document(ctx, doc, blocks, stem)
    doc.approximate = True
