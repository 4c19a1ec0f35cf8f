"""Document use cases the caseworker edits by hand: the properties of one or several documents (titles, date,
direction, sender and recipient, the aktliste's "Afsender/modtager", ESDH dok-ID, scope, § 26), ESDH ids from
a pasted column, and the actions for files that could not be read: *Fjern fra sagen*, *Erstat fil …*, *Prøv
igen* and, for an encrypted PDF, *Åbn med adgangskode …* (the password is used once and never stored).

Every action returns an ``Operation`` (``review.py``) that ``undo`` reverses: property changes keep the values
before and after, the failed-file actions keep a snapshot of the documents they took out and put in
(``store.documents.DocumentSnapshot``). Each is refused on a read-only case (``workflow.edit_refusal``) and
written with its audit events.

Mixed into ``Services``; uses ``self.store``, ``self.user``, ``self.document`` and ``self._to_new_document``
(``cases.py``), ``self.statements``/``self.set_public_party`` (``outputs.py``).
"""

from __future__ import annotations

import contextlib
import logging
import re
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from aktindsigt.core.danish import count as _count
from aktindsigt.core.model import Direction, Document, DocumentStatus
from aktindsigt.services.review import Operation
from aktindsigt.store.documents import PROPERTY_FIELDS, DocumentSnapshot, DocumentStore, snapshot_of_new

log = logging.getLogger(__name__)

# how a direction may be written (CLI: --direction ind|ud|intern)
DIRECTION_WORDS = {
    "ind": Direction.INCOMING, "indgående": Direction.INCOMING, "incoming": Direction.INCOMING,
    "ud": Direction.OUTGOING, "udgående": Direction.OUTGOING, "outgoing": Direction.OUTGOING,
    "intern": Direction.INTERNAL, "internal": Direction.INTERNAL,
    "ukendt": Direction.UNKNOWN, "unknown": Direction.UNKNOWN, "": Direction.UNKNOWN,
}
MAX_ESDH_ID = 128
# the fields of the properties panel, with their Danish names (messages, operation descriptions)
FIELD_LABELS = {
    "title": "titel", "public_title": "offentlig titel", "doc_date": "dato", "direction": "retning",
    "sender": "afsender", "recipient": "modtager", "party": "afsender/modtager i aktlisten",
    "esdh_doc_id": "ESDH dok-ID", "in_scope": "omfattet af anmodningen", "section26_considered": "§ 26 overvejet",
}
ENCRYPTED_PDF_REASON = "PDF-filen er krypteret og kan ikke åbnes uden adgangskode"  # as ingest/pdf.py says it


def _error(message: str) -> Exception:
    from aktindsigt.services.cases import ServiceError

    return ServiceError(message)




def parse_direction(value: Direction | str) -> Direction:
    if isinstance(value, Direction):
        return value
    key = str(value).strip().casefold()
    if key in DIRECTION_WORDS:
        return DIRECTION_WORDS[key]
    try:
        return Direction(key)
    except ValueError:
        raise _error(f"Ukendt retning '{value}'. Skriv ind, ud eller intern.") from None


def parse_date(value: date | str | None) -> date | None:
    """A date as the caseworker writes it (dd.mm.åååå, dd-mm-åååå, åååå-mm-dd); '' clears it."""
    if value is None or isinstance(value, date):
        return value
    text = value.strip()
    if not text:
        return None
    for fmt in ("%d.%m.%Y", "%d-%m-%Y", "%d/%m/%Y", "%Y-%m-%d", "%d.%m.%y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise _error(f"Datoen '{value}' kan ikke læses. Skriv den som dd.mm.åååå, fx 03.09.2026.")


def parse_id_column(text: str) -> list[str]:
    """ESDH ids pasted from a spreadsheet column or a list: one per line (a pasted row: separated by tabs or
    semicolons). Empty cells are left out."""
    lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = [line for line in lines if line]
    if len(lines) == 1:
        lines = [part.strip() for part in re.split(r"[\t;]", lines[0]) if part.strip()]
    return lines


def can_open_with_password(doc: Document) -> bool:
    return doc.status is DocumentStatus.FAILED and doc.failure_reason.startswith(ENCRYPTED_PDF_REASON)


class DocumentServices:
    """Mixed into ``Services``."""

    store: Any
    user: str

    @property
    def documents(self) -> DocumentStore:
        ds = getattr(self, "_document_store", None)
        if ds is None:
            ds = DocumentStore(self.store)
            self._document_store = ds
        return ds

    def decision_count(self, case_ref: str | int) -> int:
        """How many decisions the case has (redactions and releases; cheap)."""
        case = self.get_case(case_ref)  # type: ignore[attr-defined]
        return self.documents.count_decisions(case.id)

    # --- properties -----------------------------------------------------------------------------

    def set_document_properties(
        self, document_ids: int | Sequence[int], *, title: str | None = None, public_title: str | None = None,
        doc_date: date | str | None = None, direction: Direction | str | None = None, sender: str | None = None,
        recipient: str | None = None, party: str | None = None, esdh_doc_id: str | None = None,
        in_scope: bool | None = None, section26_considered: bool | None = None,
    ) -> Operation:
        """Set properties of one or several documents of one case as one undoable operation (``None`` keeps a
        value; ``doc_date=''`` clears the date, ``party=''`` returns the aktliste's "Afsender/modtager" to the
        automatic value). Only what really changes is written."""
        ids = [document_ids] if isinstance(document_ids, int) else list(dict.fromkeys(document_ids))
        if not ids:
            raise _error("Vælg mindst ét dokument.")
        docs = [self.document(i) for i in ids]  # type: ignore[attr-defined]
        case_ids = {d.case_id for d in docs}
        if len(case_ids) != 1:
            raise _error("Dokumenterne hører til forskellige sager.")
        case_id = case_ids.pop()
        wanted: dict[str, Any] = {}
        if title is not None:
            if not title.strip():
                raise _error("Dokumentet skal have en titel.")
            wanted["title"] = " ".join(title.split())
        if public_title is not None:
            if not public_title.strip():
                raise _error("Den offentlige titel kan ikke være tom; den står i aktlisten, som anmoderen får.")
            wanted["public_title"] = " ".join(public_title.split())
        if doc_date is not None:
            wanted["doc_date"] = parse_date(doc_date)
            if wanted["doc_date"] is not None and wanted["doc_date"] > date.today():
                raise _error("Dokumentets dato kan ikke ligge i fremtiden.")
        if direction is not None:
            wanted["direction"] = parse_direction(direction)
        if sender is not None:
            wanted["sender"] = " ".join(sender.split())
        if recipient is not None:
            wanted["recipient"] = " ".join(recipient.split())
        if party is not None:
            wanted["party"] = " ".join(party.split())
        if in_scope is not None:
            wanted["in_scope"] = bool(in_scope)
        if section26_considered is not None:
            wanted["section26_considered"] = bool(section26_considered)
        if esdh_doc_id is not None:
            value = esdh_doc_id.strip()
            if len(ids) > 1 and value:
                raise _error("Et ESDH dok-ID hører til ét dokument. Indsæt en kolonne med et ID pr. dokument i "
                             "stedet.")
            wanted["esdh_doc_id"] = value
        if not wanted:
            raise _error("Angiv mindst én egenskab, der skal ændres.")
        changes = {d.id: dict(wanted) for d in docs if d.id is not None}
        return self._change_fields(case_id, docs, changes)

    def assign_esdh_ids(self, case_ref: str | int, ids: str | Sequence[str],
                        document_ids: Sequence[int] | None = None) -> Operation:
        """ESDH dok-IDs for several documents at once: ``ids`` in akt order (a pasted column as text, or a
        list), for ``document_ids`` (default: every document of the case). The counts must match."""
        case = self.get_case(case_ref)  # type: ignore[attr-defined]
        values = parse_id_column(ids) if isinstance(ids, str) else [str(v).strip() for v in ids if str(v).strip()]
        docs = self.store.list_documents(case.id)
        if document_ids is not None:
            wanted = set(document_ids)
            docs = [d for d in docs if d.id in wanted]
            if len(docs) != len(wanted):
                raise _error("Et af de valgte dokumenter hører ikke til sagen.")
        if not values:
            raise _error("Der er ingen ESDH dok-ID'er i teksten. Kopiér kolonnen med ID'erne, og indsæt den.")
        if len(values) != len(docs):
            raise _error(f"Der er {_count(len(values), 'ESDH dok-ID', 'ESDH dok-ID’er')}, men "
                         f"{_count(len(docs), 'dokument', 'dokumenter')}. Der skal være ét ID pr. dokument i "
                         "aktnummerorden.")
        changes = {d.id: {"esdh_doc_id": v} for d, v in zip(docs, values, strict=True) if d.id is not None}
        return self._change_fields(case.id, docs, changes)

    def _change_fields(self, case_id: int, docs: list[Document], changes: dict[int, dict[str, Any]]) -> Operation:
        self._guard_edit(case_id)  # type: ignore[attr-defined]
        by_id = {d.id: d for d in docs}
        parties = self.statements(case_id).public_parties  # type: ignore[attr-defined]
        before: dict[int, dict[str, Any]] = {}
        after: dict[int, dict[str, Any]] = {}
        for doc_id, fields in changes.items():
            doc = by_id[doc_id]
            for name, value in fields.items():
                old = parties.get(str(doc_id), "") if name == "party" else getattr(doc, name)
                if old != value:
                    before.setdefault(doc_id, {})[name] = old
                    after.setdefault(doc_id, {})[name] = value
        self._check_esdh_ids(case_id, after)
        op = Operation(case_id=case_id, description=_describe(docs, changes))
        if not after:
            return op
        op.fields_before, op.fields_after = before, after
        self._write_fields(after, "document.properties")
        self._edited(case_id, "document.properties")  # type: ignore[attr-defined]
        return op

    def _check_esdh_ids(self, case_id: int, after: Mapping[int, Mapping[str, Any]]) -> None:
        """An ESDH dok-ID is one document's: refuse one that another document of the case has or gets."""
        new = {doc_id: f["esdh_doc_id"] for doc_id, f in after.items() if f.get("esdh_doc_id")}
        if not new:
            return
        current = {d.id: d for d in self.store.list_documents(case_id)}
        final = {i: d.esdh_doc_id for i, d in current.items() if d.esdh_doc_id}
        final.update({i: v for i, v in new.items()})
        for doc_id, value in new.items():
            if len(value) > MAX_ESDH_ID:
                raise _error(f"ESDH dok-ID'et '{value[:40]}…' er for langt (højst {MAX_ESDH_ID} tegn).")
            others = sorted(current[i].akt_nr for i, v in final.items() if v == value and i != doc_id)
            if others:
                raise _error(f"ESDH dok-ID'et '{value}' bruges også af akt {', '.join(map(str, others))}. Et ID "
                             "hører til ét dokument.")

    def _write_fields(self, fields: Mapping[int, Mapping[str, Any]], action: str) -> None:
        """Write property values (``undo`` calls this with the values before)."""
        props = {doc_id: {k: v for k, v in f.items() if k in PROPERTY_FIELDS} for doc_id, f in fields.items()}
        props = {k: v for k, v in props.items() if v}
        if props:
            self.documents.update_properties(props, self.user, action)
        for doc_id, f in fields.items():
            if "party" in f:
                self._write_party(doc_id, f["party"])

    def _write_party(self, document_id: int, text: str) -> None:
        """The aktliste's "Afsender/modtager" for one document (kept with the statements, ``outputs.py``)."""
        doc = self.document(document_id)  # type: ignore[attr-defined]
        st = self.statements(doc.case_id)  # type: ignore[attr-defined]
        if text.strip():
            st.public_parties[str(document_id)] = text.strip()
        else:
            st.public_parties.pop(str(document_id), None)
        self.store.set_setting(f"case:{doc.case_id}:statements", st.to_dict(), self.user)

    def public_party(self, document_id: int) -> str:
        """The aktliste's "Afsender/modtager" as it will be printed (written by hand, or the automatic value)."""
        from aktindsigt.outputs.aktliste import own_domains, party_for
        from aktindsigt.outputs.texts import load_aktliste_config

        doc = self.document(document_id)  # type: ignore[attr-defined]
        data = self.output_data(doc.case_id)  # type: ignore[attr-defined]
        info = next((d for d in data.documents if d.doc.id == document_id), None)
        if info is None:
            return ""
        return party_for(info, data, load_aktliste_config(), own_domains(data))

    def manual_party(self, document_id: int) -> str:
        """The "Afsender/modtager" written by hand for the document ('' = the automatic value is used)."""
        doc = self.document(document_id)  # type: ignore[attr-defined]
        return self.statements(doc.case_id).public_parties.get(str(document_id), "")  # type: ignore[attr-defined]

    # --- files that could not be read ---------------------------------------------------------------

    def remove_document(self, document_id: int) -> Operation:
        """*Fjern fra sagen*: take the document (and its attachments) out of the case. Undo puts it back with
        its akt nr. Refused when decisions were made in it (they would be lost)."""
        doc = self.document(document_id)  # type: ignore[attr-defined]
        self._guard_edit(doc.case_id)  # type: ignore[attr-defined]
        if self.documents.has_decisions(document_id):
            raise _error(f"Akt {doc.akt_nr} har overstregninger eller andre afgørelser og kan ikke fjernes. Markér "
                         "det som ikke omfattet af anmodningen i stedet.")
        snap = self.documents.snapshot(document_id)
        self.documents.swap([document_id], [], self.user, "document.remove")
        self._edited(doc.case_id, "document.remove")  # type: ignore[attr-defined]
        extra = f" med {_count(len(snap.children), 'bilag', 'bilag')}" if snap.children else ""
        return Operation(case_id=doc.case_id, documents_before={document_id: snap},
                         description=f"Akt {doc.akt_nr} fjernet fra sagen{extra}")

    def replace_document(self, document_id: int, path: Path) -> Operation:
        """*Erstat fil …*: read another file in place of a document that could not be read. The document keeps
        its id, akt nr., ESDH dok-ID, scope and document decision; its content, title and date come from the new
        file. Undo puts the failed document back."""
        doc = self._failed_document(document_id)
        path = Path(path)
        if not path.is_file():
            raise _error(f"Filen findes ikke: {path}")
        from aktindsigt.store.blobs import sha256_file

        existing = self.store.find_document_by_source(doc.case_id, sha256_file(path))
        if existing is not None and existing.id != document_id:
            raise _error(f"Filen findes allerede i sagen som akt {existing.akt_nr}.")
        return self._reread(doc, path, path.name, "document.replace",
                            f"Akt {doc.akt_nr}: filen erstattet med {path.name}")

    def retry_document(self, document_id: int) -> Operation:
        """*Prøv igen*: read the stored original of a failed document again (after a program or a tool such as
        Tesseract or LibreOffice was installed or fixed)."""
        doc = self._failed_document(document_id)
        with self._original_copy(doc) as original:
            return self._reread(doc, original, doc.source_name, "document.retry",
                                f"Akt {doc.akt_nr}: læst igen")

    def open_with_password(self, document_id: int, password: str) -> Operation:
        """*Åbn med adgangskode …*: an encrypted PDF is opened with ``password`` once; the decrypted copy is
        read and deleted, the stored original stays the file as received, the password is not kept anywhere."""
        import pikepdf

        doc = self._failed_document(document_id)
        if not can_open_with_password(doc):
            raise _error(f"Akt {doc.akt_nr} er ikke en krypteret PDF-fil.")
        if not password:
            raise _error("Skriv adgangskoden til PDF-filen.")
        work = Path(tempfile.mkdtemp(prefix="aktindsigt-unlock-"))
        try:
            with self._original_copy(doc) as original:
                try:
                    with pikepdf.open(original, password=password) as pdf:
                        plain = work / (Path(doc.source_name).stem + ".pdf")
                        pdf.save(plain)  # saved without encryption
                except pikepdf.PasswordError:
                    raise _error("Adgangskoden passer ikke til PDF-filen. Prøv igen.") from None
                except pikepdf.PdfError as e:
                    log.info("akt %s: pikepdf could not open the PDF: %s", doc.akt_nr, e)
                    raise _error("PDF-filen kan ikke åbnes, heller ikke med adgangskoden. Den er måske beskadiget; "
                                 "bed afsenderen om en ny kopi.") from None
                return self._reread(doc, plain, doc.source_name, "document.unlock",
                                    f"Akt {doc.akt_nr}: åbnet med adgangskode", original=original)
        finally:
            shutil.rmtree(work, ignore_errors=True)

    def _failed_document(self, document_id: int) -> Document:
        doc = self.document(document_id)  # type: ignore[attr-defined]
        self._guard_edit(doc.case_id)  # type: ignore[attr-defined]
        if doc.status is not DocumentStatus.FAILED:
            raise _error(f"Akt {doc.akt_nr} er læst uden fejl; kun et dokument, der ikke kunne læses, kan erstattes "
                         "eller læses igen.")
        return doc

    @contextlib.contextmanager
    def _original_copy(self, doc: Document):
        """The stored original as a file with the document's own name (the format is known by the suffix)."""
        path = self.original_path(doc)  # type: ignore[attr-defined]
        if path is None or not path.is_file():
            raise _error(f"Den oprindelige fil til akt {doc.akt_nr} findes ikke i arkivet. Brug Erstat fil … og vælg "
                         "filen igen.")
        work = Path(tempfile.mkdtemp(prefix="aktindsigt-retry-"))
        try:
            copy = work / (Path(doc.source_name).name or "dokument")
            shutil.copyfile(path, copy)
            yield copy
        finally:
            shutil.rmtree(work, ignore_errors=True)

    def _reread(self, doc: Document, path: Path, name: str, action: str, description: str,
                original: Path | None = None) -> Operation:
        """Ingest ``path`` and put the result in place of ``doc`` (one transaction). ``original``: the file kept
        as the document's original instead of ``path`` (an encrypted PDF read through its decrypted copy)."""
        with self._ingested(doc, path, name) as ing:
            if ing.failed:
                log.info("akt %s (%s) still cannot be read: %s", doc.akt_nr, name, ing.failure_detail)
                raise _error(f"Akt {doc.akt_nr} kan stadig ikke læses: {ing.failure_reason}")
            if original is not None:
                ing.source_path = original
            new = self._to_new_document(ing)  # type: ignore[attr-defined]
        keep = {"id": doc.id, "case_id": doc.case_id, "akt_nr": doc.akt_nr, "parent_id": doc.parent_id,
                "esdh_doc_id": doc.esdh_doc_id, "in_scope": doc.in_scope,
                "section26_considered": doc.section26_considered,
                "access": doc.access.value if doc.access else None, "access_grounds": list(doc.access_grounds),
                "access_reason": doc.access_reason, "created_at": doc.created_at}
        if doc.title != Path(doc.source_name).stem:  # a title the caseworker wrote stays
            keep.update(title=doc.title, public_title=doc.public_title)
        old = self.documents.snapshot(doc.id or 0)
        created = self.documents.swap([doc.id or 0], [snapshot_of_new(new, keep)], self.user, action,
                                      {"file": name})
        self._edited(doc.case_id, action)  # type: ignore[attr-defined]
        top = created[0]
        op = Operation(case_id=doc.case_id, documents_before={doc.id or 0: old},
                       documents_after={top.id or 0: self.documents.snapshot(top.id or 0)},
                       description=description)
        if len(created) > 1:
            op.description += f" ({_count(len(created) - 1, 'bilag', 'bilag')})"
        return op

    @contextlib.contextmanager
    def _ingested(self, doc: Document, path: Path, name: str):
        """One file read the way the import reads it: in the ingest worker process (with its memory limit),
        in a work folder removed afterwards."""
        import os

        from aktindsigt.ingest.worker import WorkerFailure
        from aktindsigt.services.cases import _ingest_worker, new_import_workdir

        work = new_import_workdir()
        worker = None if os.environ.get("AKTINDSIGT_INGEST_IN_PROCESS") else _ingest_worker()
        try:
            if worker is not None:
                try:
                    yield worker.ingest(path, name, None, work / "0")
                except WorkerFailure as e:
                    log.info("akt %s (%s): %s", doc.akt_nr, name, e.detail)
                    raise _error(f"Akt {doc.akt_nr} kan stadig ikke læses: {e.reason}") from None
            else:
                from aktindsigt.ingest import ingest

                with ingest(path, name=name, workdir=work / "0") as result:
                    yield result.document
        finally:
            if worker is not None:
                worker.end_import()
            shutil.rmtree(work, ignore_errors=True)

    def _undo_documents(self, op: Operation, inverse: Operation) -> None:
        """``undo`` of a failed-file action: take out what it put in, put back what it took out."""
        for doc_id in op.documents_after:
            if self.documents.has_decisions(doc_id):
                doc = self.document(doc_id)  # type: ignore[attr-defined]
                raise _error(f"Det kan ikke fortrydes: der er truffet afgørelser i akt {doc.akt_nr} siden.")
        taken = {doc_id: self.documents.snapshot(doc_id) for doc_id in op.documents_after}
        created = self.documents.swap(list(op.documents_after), list(op.documents_before.values()), self.user,
                                      "document.undo")
        put = [d for d in created if d.parent_id is None or d.parent_id not in {c.id for c in created}]
        inverse.documents_before = taken
        inverse.documents_after = {d.id or 0: self.documents.snapshot(d.id or 0) for d in put}


def _describe(docs: list[Document], changes: Mapping[int, Mapping[str, Any]]) -> str:
    names = sorted({n for f in changes.values() for n in f}, key=list(FIELD_LABELS).index)
    what = ", ".join(FIELD_LABELS[n] for n in names)
    if len(docs) == 1:
        return f"Akt {docs[0].akt_nr}: {what}"
    return f"{_count(len(docs), 'dokument', 'dokumenter')}: {what}"


__all__ = ["DocumentServices", "DocumentSnapshot", "can_open_with_password", "parse_date", "parse_direction",
           "parse_id_column"]
