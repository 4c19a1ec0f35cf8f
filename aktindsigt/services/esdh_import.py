"""``case import CASE DIR --manifest FILE``: an ESDH export folder with its document list.

The list (CSV or JSON) gives per file its ESDH dok-ID, title, date, direction, sender/recipient and the
dok-ID of the document it is an attachment of (and optionally the akt nr.). The files are imported in
the list's order, so akt numbers follow the ESDH; then each document gets the list's metadata instead
of what its file name and contents suggested (``apply_manifest``, after the ordinary import).

Column names are matched loosely (Danish or English, case and spaces ignored): ``fil``/``filnavn``/
``file``; ``dok-id``/``dokument-id``/``esdh_doc_id``; ``titel``/``title``; ``dato``/``date``;
``retning``/``direction`` (indgående/udgående/intern, ind/ud, I/U/N); ``afsender``/``sender``;
``modtager``/``recipient``; ``parter``/``parties`` (used for the sender of incoming and the recipient of
outgoing documents when those are not given); ``bilag til``/``attachment_of``/``parent``; ``akt nr.``/
``akt_nr``. CSV: UTF-8 (with or without BOM), ``;`` or ``,``.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from aktindsigt.core.errors import ServiceError
from aktindsigt.core.model import Direction

_ALIASES = {
    "file": ("fil", "filnavn", "file", "filename", "sti", "path"),
    "esdh_doc_id": ("dokid", "dokumentid", "esdhdokid", "esdhdocid", "docid", "documentid", "id"),
    "title": ("titel", "title", "dokumenttitel", "navn", "dokumentnavn"),
    "date": ("dato", "date", "dokumentdato", "brevdato"),
    "direction": ("retning", "direction", "korrespondance", "dokumentart"),
    "sender": ("afsender", "sender", "fra", "from"),
    "recipient": ("modtager", "recipient", "til", "to"),
    "parties": ("parter", "parties", "afsendermodtager", "part"),
    "attachment_of": ("bilagtil", "attachmentof", "parent", "hoveddokument", "bilagtildokid"),
    "akt_nr": ("aktnr", "akt", "aktnummer"),
}
_DIRECTIONS = {
    "indgående": Direction.INCOMING, "indgaaende": Direction.INCOMING, "ind": Direction.INCOMING,
    "i": Direction.INCOMING, "incoming": Direction.INCOMING, "in": Direction.INCOMING,
    "udgående": Direction.OUTGOING, "udgaaende": Direction.OUTGOING, "ud": Direction.OUTGOING,
    "u": Direction.OUTGOING, "outgoing": Direction.OUTGOING, "out": Direction.OUTGOING,
    "intern": Direction.INTERNAL, "internt": Direction.INTERNAL, "n": Direction.INTERNAL,
    "notat": Direction.INTERNAL, "internal": Direction.INTERNAL, "": Direction.UNKNOWN,
}


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9æøå]", "", name.casefold())


@dataclass
class ManifestRow:
    line: int
    file: str
    esdh_doc_id: str = ""
    title: str = ""
    date: date | None = None
    direction: Direction | None = None
    sender: str = ""
    recipient: str = ""
    attachment_of: str = ""
    akt_nr: int | None = None


@dataclass
class ManifestResult:
    applied: int = 0
    missing_files: list[str] = field(default_factory=list)  # in the list, not in the folder
    unlisted_files: list[str] = field(default_factory=list)  # in the folder, not in the list
    problems: list[str] = field(default_factory=list)  # Danish


def _date(value: str, line: int) -> date | None:
    value = value.strip()
    if not value:
        return None
    for fmt in ("%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%Y", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S",
                "%d-%m-%Y %H:%M", "%d.%m.%Y %H:%M"):
        try:
            return datetime.strptime(value[:19], fmt).date()
        except ValueError:
            continue
    raise ServiceError(f"Dokumentlisten, linje {line}: datoen '{value}' kan ikke læses (skriv fx 2026-03-14 "
                       "eller 14.03.2026).")


def _rows(raw: list[dict[str, Any]], first_line: int) -> list[ManifestRow]:
    out, seen = [], set()
    for i, item in enumerate(raw):
        line = first_line + i
        fields: dict[str, str] = {}
        for k, v in item.items():
            kk = _key(str(k or ""))
            for name, aliases in _ALIASES.items():
                if kk in aliases and name not in fields:
                    fields[name] = "" if v is None else str(v).strip()
        if not fields.get("file"):
            if not any(str(v or "").strip() for v in item.values()):
                continue
            raise ServiceError(f"Dokumentlisten, linje {line}: der står ikke, hvilken fil linjen gælder (kolonnen "
                               "'Fil').")
        name = fields["file"].replace("\\", "/")
        if name.casefold() in seen:
            raise ServiceError(f"Dokumentlisten, linje {line}: filen '{name}' står der to gange.")
        seen.add(name.casefold())
        raw_dir = fields.get("direction", "")
        direction = _DIRECTIONS.get(raw_dir.casefold().strip())
        if raw_dir and direction is None:
            raise ServiceError(f"Dokumentlisten, linje {line}: retningen '{raw_dir}' kendes ikke (skriv indgående, "
                               "udgående eller intern).")
        akt = fields.get("akt_nr", "")
        if akt and not akt.isdigit():
            raise ServiceError(f"Dokumentlisten, linje {line}: akt nr. '{akt}' er ikke et tal.")
        row = ManifestRow(line=line, file=name, esdh_doc_id=fields.get("esdh_doc_id", ""),
                          title=fields.get("title", ""), date=_date(fields.get("date", ""), line),
                          direction=direction, sender=fields.get("sender", ""), recipient=fields.get("recipient", ""),
                          attachment_of=fields.get("attachment_of", ""), akt_nr=int(akt) if akt else None)
        parties = fields.get("parties", "")
        if parties and not (row.sender or row.recipient):
            if direction is Direction.OUTGOING:
                row.recipient = parties
            else:
                row.sender = parties
        out.append(row)
    return out


def read_manifest(path: Path) -> list[ManifestRow]:
    """The rows of an ESDH document list (CSV or JSON); a Danish ``ServiceError`` says what is wrong."""
    path = Path(path)
    if not path.is_file():
        raise ServiceError(f"Dokumentlisten {path} findes ikke.")
    try:
        raw = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            raw = path.read_bytes().decode("cp1252")
        except UnicodeDecodeError:
            raise ServiceError("Dokumentlisten kan ikke læses; gem den som UTF-8.") from None
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(raw)
        except ValueError as e:
            raise ServiceError(f"Dokumentlisten er ikke gyldig JSON: {e}") from None
        items = data.get("documents") if isinstance(data, dict) else data
        if not isinstance(items, list) or not all(isinstance(x, dict) for x in items):
            raise ServiceError("Dokumentlisten (JSON) skal være en liste af dokumenter eller {\"documents\": [...]}.")
        rows = _rows(items, 1)
    else:
        sample = raw[:4096]
        delimiter = ";" if sample.count(";") >= sample.count(",") else ","
        reader = csv.DictReader(io.StringIO(raw), delimiter=delimiter)
        if not reader.fieldnames or not any(_key(f) in _ALIASES["file"] for f in reader.fieldnames):
            raise ServiceError("Dokumentlisten har ingen kolonne 'Fil' (filnavn). Første linje skal være "
                               "kolonnenavnene, fx Fil;Dok-ID;Titel;Dato;Retning;Afsender;Modtager;Bilag til.")
        rows = _rows(list(reader), 2)
    if not rows:
        raise ServiceError("Dokumentlisten er tom.")
    return rows


def import_order(folder: Path, rows: list[ManifestRow]) -> tuple[list[Path], list[str], list[str]]:
    """(files to import: the list's files in its order, then the folder's other files; missing; unlisted)."""
    from aktindsigt.services.cases import plan_import

    plan = plan_import([folder])
    found = {p.relative_to(folder).as_posix().casefold(): p for p in plan.files}
    by_name: dict[str, list[Path]] = {}
    for p in plan.files:
        by_name.setdefault(p.name.casefold(), []).append(p)
    ordered: list[Path] = []
    missing: list[str] = []
    for r in rows:
        p = found.get(r.file.casefold())
        if p is None and "/" not in r.file and len(by_name.get(r.file.casefold(), [])) == 1:
            p = by_name[r.file.casefold()][0]
        if p is None:
            missing.append(r.file)
        elif p not in ordered:
            ordered.append(p)
    unlisted = [p for p in plan.files if p not in ordered]
    return ordered + unlisted, missing, [p.relative_to(folder).as_posix() for p in unlisted]




def apply_manifest(svc: Any, case_id: int, summary: Any, rows: list[ManifestRow], folder: Path) -> ManifestResult:
    """Give the imported documents the list's metadata, attachments and akt numbers."""
    result = ManifestResult()
    top: dict[Path, Any] = {}
    for f in summary.files:
        docs = [d for d in f.documents if d.parent_id is None] or f.documents
        if docs:
            top[Path(f.path)] = docs[0]
    for path, existing in summary.duplicates:
        top[Path(path)] = existing
    by_rel = {p.relative_to(folder).as_posix().casefold(): d for p, d in top.items() if _under(p, folder)}
    by_name: dict[str, list[Any]] = {}
    for p, d in top.items():
        by_name.setdefault(p.name.casefold(), []).append(d)
    matched: list[tuple[ManifestRow, Any]] = []
    for r in rows:
        doc = by_rel.get(r.file.casefold())
        if doc is None and "/" not in r.file and len(by_name.get(r.file.casefold(), [])) == 1:
            doc = by_name[r.file.casefold()][0]
        if doc is not None:
            matched.append((r, doc))
    by_esdh: dict[str, Any] = {}
    for r, doc in matched:
        current = svc.store.get_document(doc.id)
        if r.esdh_doc_id:
            current.esdh_doc_id = r.esdh_doc_id
            by_esdh[r.esdh_doc_id] = current
        if r.title:
            current.title = r.title
            current.public_title = r.title
        if r.date:
            current.doc_date = r.date
        if r.direction is not None:
            current.direction = r.direction
        if r.sender:
            current.sender = r.sender
        if r.recipient:
            current.recipient = r.recipient
        svc.store.update_document(current, svc.user, action="document.esdh_metadata",
                                  expected_version=current.version)
        result.applied += 1
    for r, doc in matched:
        if not r.attachment_of:
            continue
        parent = by_esdh.get(r.attachment_of)
        if parent is None:
            result.problems.append(f"Linje {r.line}: '{r.file}' er bilag til dok-ID {r.attachment_of}, som ikke er "
                                   "i listen; det er importeret som et selvstændigt dokument.")
        elif parent.id != doc.id:
            svc.store.set_document_parent(doc.id, parent.id, svc.user)
    numbers = {doc.id: r.akt_nr for r, doc in matched if r.akt_nr}
    if numbers:
        try:
            svc.store.renumber_documents(case_id, numbers, svc.user)
        except ValueError as e:
            result.problems.append(f"Aktnumrene fra listen er ikke brugt: {e}")
    return result


def _under(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
        return True
    except ValueError:
        return False


class EsdhImportServices:
    """Mixed into ``Services``."""

    def import_from_esdh(self, case_ref: str | int, folder: Path, manifest: Path, **kwargs: Any) -> tuple[Any, Any]:
        """Import an ESDH export folder in the order of its document list, then apply the list's metadata."""
        folder = Path(folder)
        if not folder.is_dir():
            raise ServiceError(f"{folder} er ikke en mappe. Med --manifest angives ESDH-eksportens mappe.")
        rows = read_manifest(manifest)
        case = self.get_case(case_ref)  # type: ignore[attr-defined]
        files, missing, unlisted = import_order(folder, rows)
        if not files:
            raise ServiceError("Ingen af dokumentlistens filer findes i mappen.")
        summary = self.import_paths(case.id, files, **kwargs)  # type: ignore[attr-defined]
        result = apply_manifest(self, case.id, summary, rows, folder)
        result.missing_files, result.unlisted_files = missing, unlisted
        return summary, result


__all__ = ["EsdhImportServices", "ManifestResult", "ManifestRow", "apply_manifest", "import_order", "read_manifest"]
