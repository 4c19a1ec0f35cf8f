"""The document list (aktliste): every document of the case, including the withheld ones.

Columns as in domain guide § 5 (their headings are in ``resources/templates/aktliste.yaml``).
Under OFL § 8 and GDPR art. 15 only the documents in scope (those about the requester) are listed:
the titles of someone else's documents are not the requester's to see.
Delivered as PDF for the requester (landscape table drawn with PyMuPDF's Story),
XLSX (openpyxl) and CSV (UTF-8 with BOM, ``;``-separated, for Danish Excel).

"Afsender/modtager" never names a private person. The rule (data in
``aktliste.yaml``): the caseworker's own public value for the document if set;
otherwise the part naming an authority, company or organisation; otherwise the
domain of a non-private e-mail address; otherwise "Borger". Internal documents
say "Internt".
"""

from __future__ import annotations

import csv
import html
import io
import os
import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from aktindsigt.core.danish import antal
from aktindsigt.core.model import AccessType, Direction
from aktindsigt.outputs.data import CaseData, DocInfo
from aktindsigt.outputs.render import _atomic_target
from aktindsigt.outputs.texts import da_date, short_date

_DATE_RE = re.compile(r"^\d{2}\.\d{2}\.\d{4}$")
_EMAIL_RE = re.compile(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)")


def list_title(data: CaseData) -> str:
    """"Aktliste"; for a GDPR art. 15 answer "Oversigt over dokumenterne" (texts.yaml ``aktliste_title``)."""
    return str(data.text("aktliste_title", "Aktliste") or "Aktliste")


def own_domains(data: CaseData) -> dict[str, str]:
    """The municipality's own mail domains (from its e-mail address and website) -> its public name."""
    m = data.municipality
    label = m.name or "Kommunen"
    found = {}
    for value in (m.email, m.website):
        value = value.strip().lower()
        if "@" in value:
            value = value.rsplit("@", 1)[1]
        value = re.sub(r"^https?://", "", value).split("/")[0].removeprefix("www.")
        if "." in value:
            found[value] = label
    return found


def _domains(raw: str) -> list[str]:
    return [m.group(1).lower() for m in _EMAIL_RE.finditer(raw or "")]


def public_party(raw: str, config: Mapping[str, Any], own: Mapping[str, str] | None = None) -> str:
    """The public value for a sender/recipient string (see the module docstring). ``own``: the
    municipality's mail domains -> its name (its employees act in their job and are shown as the authority)."""
    raw = (raw or "").strip()
    if not raw:
        return str(config.get("unknown_label", ""))
    own = own or {}
    markers = [str(m).lower() for m in config.get("organisation_markers") or []]
    private_domains = {str(d).lower() for d in config.get("private_mail_domains") or []}
    values = []
    for party in re.split(r"[;\n]+", raw):
        without_mail = _EMAIL_RE.sub("", party).replace("<>", "")
        # pieces like "Jens Hansen, Byggeri og Miljø, Aarhus Kommune"
        pieces = [p.strip(" <>\"'()") for p in re.split(r"[,/|]| - | – ", without_mail)]
        org = [p for p in pieces if p and any(re.search(rf"(?<!\w){re.escape(m)}(?!\w)", p.lower()) for m in markers)]
        if org:
            values.append(", ".join(org))
            continue
        domains = _domains(party)
        mine = [own[d] for d in domains if d in own]
        public = [d for d in domains if d not in private_domains]
        if mine:
            values.append(mine[0])
        elif public:
            values.append(public[0])
        elif party.strip():
            values.append(str(config.get("private_label", "Borger")))
    return "; ".join(dict.fromkeys(values))


def direction_for(d: DocInfo, own: Mapping[str, str]) -> Direction:
    """The document's direction; when unknown, inferred from the municipality's own mail domains."""
    doc = d.doc
    if doc.direction is not Direction.UNKNOWN or not own:
        return doc.direction
    from_us = any(x in own for x in _domains(doc.sender))
    to_us = any(x in own for x in _domains(doc.recipient))
    if from_us and to_us:
        return Direction.INTERNAL
    if from_us and doc.recipient:
        return Direction.OUTGOING
    if to_us and doc.sender:
        return Direction.INCOMING
    return Direction.UNKNOWN


def party_for(d: DocInfo, data: CaseData, config: Mapping[str, Any], own: Mapping[str, str] | None = None) -> str:
    override = data.statements.public_parties.get(str(d.doc.id), "").strip()
    if override:
        return override
    doc = d.doc
    own = own if own is not None else own_domains(data)
    direction = direction_for(d, own)
    if direction is Direction.INTERNAL:
        return str(config.get("internal_label", "Internt"))
    if direction is Direction.INCOMING:
        return public_party(doc.sender, config, own)
    if direction is Direction.OUTGOING:
        return public_party(doc.recipient, config, own)
    return public_party(doc.sender or doc.recipient, config, own)


def notes_for(doc: Any, config: Mapping[str, Any]) -> str:
    """The "Bemærkninger" cell: how the document's text was read. A document whose import replaced the PDF's
    own text layer by OCR (a warning starting with ``ingest.pdf.TEXT_LAYER_REPLACED``) says so, with the pages."""
    from aktindsigt.ingest.pdf import TEXT_LAYER_REPLACED

    texts = config.get("notes") or {}
    notes = []
    for warning in doc.warnings or []:
        if not str(warning).startswith(TEXT_LAYER_REPLACED):
            continue
        m = re.match(rf"{re.escape(TEXT_LAYER_REPLACED)} på side ([^:]+):", str(warning))
        if m:
            notes.append(str(texts.get("text_layer_replaced", "Tekstlag erstattet af OCR (side {pages})"))
                         .format(pages=m.group(1).strip()))
        else:
            notes.append(str(texts.get("text_layer_replaced_all", "Tekstlag erstattet af OCR")))
    return "; ".join(dict.fromkeys(notes))


def rows(data: CaseData, config: Mapping[str, Any]) -> list[list[Any]]:
    """One row per document, values in the column order of ``aktliste.yaml``."""
    out = []
    own = own_domains(data)
    for d in data.listed:
        doc = d.doc
        access = d.access.label if d.access is not None else ("" if doc.in_scope else "–")
        out.append([
            doc.akt_nr,
            doc.esdh_doc_id,
            doc.public_title or "(uden titel)",
            short_date(doc.doc_date),
            direction_for(d, own).label,
            party_for(d, data, config, own),
            d.parent_akt if d.parent_akt is not None else "",
            doc.page_count,
            "ja" if doc.in_scope else "nej",
            access,
            ", ".join(data.short_label(g) for g in d.grounds),
            d.reason if d.access in (AccessType.PARTIAL, AccessType.WITHHELD) else "",
            d.redactions if doc.in_scope else "",
            notes_for(doc, config),
        ])
    return out


def columns(config: Mapping[str, Any], regime: Any = None) -> list[str]:
    """The column headings (``aktliste.yaml``), with the regime's own wording where it has one."""
    renamed = ((config.get("column_overrides") or {}).get(getattr(regime, "value", regime)) or {}) if regime else {}
    return [str(renamed.get(str(c), c)) for c in config.get("columns") or []]


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _safe_cell(value: Any) -> Any:
    """Titles and parties come from outside (e-mail subjects, file names): never let them become spreadsheet
    formulas. Text starting with = + - @ gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return "" if value is None else value


def write_csv(path: Path, header: Sequence[str], table: Sequence[Sequence[Any]]) -> Path:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    w.writerow(header)
    w.writerows([[_safe_cell(v) for v in row] for row in table])
    tmp = _atomic_target(path)
    try:
        tmp.write_bytes(buf.getvalue().encode("utf-8-sig"))
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def write_xlsx(path: Path, header: Sequence[str], table: Sequence[Sequence[Any]], title: str) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = "Aktliste"
    ws.append(list(header))
    for row in table:
        values: list[Any] = []
        for v in row:
            if isinstance(v, str) and _DATE_RE.match(v):
                values.append(datetime.strptime(v, "%d.%m.%Y").date())
            else:
                values.append(v)
        ws.append(values)
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # text, never a formula
            elif isinstance(cell.value, date):
                cell.number_format = "DD.MM.YYYY"
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDDDDD")
    for cell in ws[1]:
        cell.font = bold
        cell.fill = fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    widths = [8, 14, 40, 11, 11, 24, 10, 7, 11, 11, 18, 50, 12, 24]
    for i, w in enumerate(widths[: len(header)], start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    wb.properties.title = title
    wb.properties.creator = "aktindsigt"
    tmp = _atomic_target(path)
    try:
        wb.save(str(tmp))
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


_CSS = """
* { font-family: sans-serif; }
body { font-size: 7.5pt; }
h1 { font-size: 13pt; margin: 0 0 2pt 0; }
p.meta { font-size: 8pt; margin: 0 0 6pt 0; }
table { border-collapse: collapse; width: 100%; }
th { background-color: #dddddd; font-weight: bold; text-align: left; border: 0.5pt solid #777777;
     padding: 2pt; font-size: 7pt; }
td { border: 0.5pt solid #999999; padding: 2pt; vertical-align: top; }
td.n { text-align: right; }
"""

# relative column widths (percent) for the landscape table
_WIDTHS = [3, 7, 12, 6, 6, 10, 5, 4, 6, 6, 8, 12, 7, 8]


def _html(data: CaseData, header: Sequence[str], table: Sequence[Sequence[Any]], first: bool) -> str:
    e = html.escape
    case = data.case
    head = "".join(f'<th style="width: {w * 6.8:.0f}pt">{e(h)}</th>' for h, w in zip(header, _WIDTHS, strict=False))
    numeric = {0, 6, 7, 12}
    body = []
    for row in table:
        cells = "".join(
            f'<td class="n">{e(str(v))}</td>' if i in numeric else f"<td>{e(str(v))}</td>" for i, v in enumerate(row)
        )
        body.append(f"<tr>{cells}</tr>")
    title = ""
    if first:
        who = ", ".join(x for x in (data.municipality.name, data.municipality.unit) if x)
        parts = [who, f"Sagsnr. {case.esdh_ref or case.case_number}", case.title, f"dannet {da_date(data.today)}",
                 antal(len(data.listed), "dokument", words=False)]
        meta = " · ".join(e(p) for p in parts if p)
        title = f'<h1>{e(list_title(data))}</h1><p class="meta">{meta}</p>'
    return f"{title}<table><tr>{head}</tr>{''.join(body)}</table>"


_MAX_ROWS_PER_PAGE = 80


def write_pdf(path: Path, data: CaseData, header: Sequence[str], table: Sequence[Sequence[Any]]) -> Path:
    """A landscape A4 table; every page starts with the column headings; pages are numbered."""
    from aktindsigt.pdflib import pymupdf

    page_rect = pymupdf.paper_rect("a4-l")
    where = page_rect + (28, 28, -28, -36)

    def fits(start: int, k: int) -> bool:
        story = pymupdf.Story(html=_html(data, header, table[start:start + k], start == 0), user_css=_CSS)
        more, _ = story.place(where)
        return not more

    tmp = _atomic_target(path)
    try:
        writer = pymupdf.DocumentWriter(str(tmp))
        start = 0
        while True:
            remaining = len(table) - start
            lo, hi = min(1, remaining), min(remaining, _MAX_ROWS_PER_PAGE)
            if hi and fits(start, hi):
                lo = hi
            else:  # the largest k that fits (at least one row, even if it overflows)
                while lo < hi - 1:
                    mid = (lo + hi) // 2
                    if fits(start, mid):
                        lo = mid
                    else:
                        hi = mid
            story = pymupdf.Story(html=_html(data, header, table[start:start + lo], start == 0), user_css=_CSS)
            more = True
            while more:
                dev = writer.begin_page(page_rect)
                more, _ = story.place(where)
                story.draw(dev)
                writer.end_page()
            start += lo
            if start >= len(table):
                break
        writer.close()
        _number_pages(tmp, data)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def _number_pages(path: Path, data: CaseData) -> None:
    from aktindsigt.pdflib import pymupdf

    doc = pymupdf.open(str(path))
    n = doc.page_count
    for i in range(1, n + 1):
        page = doc[i - 1]
        label = f"{list_title(data)} · Sagsnr. {data.case.esdh_ref or data.case.case_number} · Side {i} af {n}"
        r = page.rect
        page.insert_text((28, r.height - 18), label, fontsize=7, fontname="helv")
    doc.set_metadata({"title": list_title(data), "creator": "aktindsigt", "producer": "aktindsigt"})
    data_bytes = doc.tobytes(garbage=3, deflate=True)
    doc.close()
    path.write_bytes(data_bytes)


def write_all(data: CaseData, out_dir: Path, config: Mapping[str, Any], stem: str = "02_Aktliste",
              pdf: bool = True) -> dict[str, Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    header = columns(config, data.regime)
    table = rows(data, config)
    result = {
        "xlsx": write_xlsx(out_dir / f"{stem}.xlsx", header, table, f"Aktliste {data.case.case_number}"),
        "csv": write_csv(out_dir / f"{stem}.csv", header, table),
    }
    if pdf:
        result["pdf"] = write_pdf(out_dir / f"{stem}.pdf", data, header, table)
    return result
