"""ESDH delivery: what the export bundle carries beyond the neutral folder (domain guide § 7).

- **Classification.** The access case's KLE subject with handling facet A53; a complaint gets the same
  subject with K02 (received) or K03 (forwarded to the complaint body).
- **Per document** the ESDH dok-ID, the public title, date, direction, the parties as the aktliste
  shows them (no private person named), access and grounds (ids and their labels).
- **Ready-to-send payloads** for the two records systems that publish an API, written as files a
  municipal integrator posts as they are (the app makes no network call):

  ``esdh/getorganized/``  one ``AddToCase`` request body per file (``POST /_goapi/Documents/AddToCase``:
  ``CaseId``, ``ListName``, ``FolderPath``, ``FileName``, ``Metadata`` as GetOrganized's ``<z:row>``
  XML, ``Overwrite``, ``Bytes`` base64-encoded), and the journalise call
  (``POST /_goapi/Documents/MarkMultipleAsCaseRecord/ByDocumentId``, body ``{"DocumentIds": [...]}``
  with the ``DocId`` each ``AddToCase`` answered, in the order of ``requests.json``).

  ``esdh/sbsys/``  one multipart request per file for the SBSYS Web API
  (``POST api/dokument/journaliser``, parts ``json`` = the file's ``*.json`` here and ``file`` = the
  bundle file it names), and ``journalnotat.html``: the journal note as HTML for the case's note.

  Other systems (KMD Nova, Acadre, F2, WorkZone) take the neutral folder with ``manifest.json``.

Field names of the metadata follow the systems' standard configurations (GetOrganized: ``Title``,
``Dato``, ``Korrespondance``; SBSYS: ``JournaliserDokumentInputDto``) and must be checked against
the municipality's own set-up: each payload folder has a ``LÆSMIG.txt`` that says so.
"""

from __future__ import annotations

import base64
import html
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

from aktindsigt.core.model import Direction

SCHEMA_ID = "aktindsigt.bundle/2"
SCHEMA_FILE = Path(__file__).resolve().parents[2] / "resources" / "esdh" / "manifest.schema.json"
ESDH_DIR = "esdh"

_KORRESPONDANCE = {Direction.INCOMING: "Indgående", Direction.OUTGOING: "Udgående", Direction.INTERNAL: "Intern",
                   Direction.UNKNOWN: ""}
_ROLE_TITLES = {"01_Afgoerelse": "Afgørelse om aktindsigt", "02_Aktliste": "Aktliste",
                "03_Journalnotat": "Journalnotat om aktindsigt"}


def classification(case: Any, store: Any) -> dict[str, Any]:
    """KLE subject + facet A53 for the access case; K02/K03 when a complaint was received/forwarded."""
    subject = case.kle_subject
    out: dict[str, Any] = {"kle_subject": subject, "facet": case.kle_facet or "A53",
                           "kle": f"{subject} {case.kle_facet or 'A53'}", "complaint": None}
    forwarded = store.get_setting(f"case:{case.id}:last_klage")
    statements = store.get_setting(f"case:{case.id}:statements", {}) or {}
    noted = ((statements.get("journal") or {}).get("complaints") or "").strip()
    if forwarded:
        out["complaint"] = {"facet": "K03", "kle": f"{subject} K03", "status": "forwarded",
                            "received": forwarded.get("complaint_received"), "forwarded": forwarded.get("at")}
    elif noted:
        out["complaint"] = {"facet": "K02", "kle": f"{subject} K02", "status": "received", "received": None,
                            "forwarded": None}
    return out


def document_entries(data: Any) -> dict[int, dict[str, Any]]:
    """Per document id: the ESDH fields of the manifest (parties as the aktliste shows them)."""
    from aktindsigt.outputs.aktliste import direction_for, own_domains, party_for
    from aktindsigt.outputs.texts import load_aktliste_config

    config, own = load_aktliste_config(), own_domains(data)
    out = {}
    for info in data.documents:
        doc = info.doc
        direction = direction_for(info, own)
        out[doc.id] = {
            "esdh_doc_id": doc.esdh_doc_id or None,
            "public_title": doc.public_title or doc.title,
            "direction": direction.value,
            "direction_da": direction.label or None,
            "parties": party_for(info, data, config, own) or None,
            "access_da": info.access.label if info.access else None,
            "grounds_text": [data.ground_label(g) for g in info.grounds],
        }
    return out


def enrich_manifest(manifest: dict[str, Any], case: Any, data: Any, store: Any) -> dict[str, Any]:
    """Add the ESDH fields to a manifest built by ``export._manifest`` (in place; returns it)."""
    manifest["schema"] = SCHEMA_ID
    manifest["case"]["classification"] = classification(case, store)
    extra = document_entries(data)
    by_akt = {info.doc.akt_nr: info.doc.id for info in data.documents}
    for entry in manifest["documents"]:
        entry.update(extra.get(by_akt.get(entry["akt_nr"]), {}))
    manifest["esdh"] = {"systems": {}, "neutral": "manifest.json", "case_reference": case.esdh_ref or None}
    return manifest


# --- payloads -------------------------------------------------------------------------------------


def _deliverables(work: Path, manifest: dict[str, Any]) -> list[dict[str, Any]]:
    """The files that go into the ESDH, in order: letter, aktliste, journal note, then the released files."""
    out = []
    for p in sorted(work.glob("0*.pdf")):
        out.append({"file": p.name, "title": _ROLE_TITLES.get(p.stem, p.stem.split("_", 1)[-1]),
                    "date": manifest["created"][:10], "direction": "outgoing", "in_scope": False})
    for entry in manifest["documents"]:
        if entry.get("released_file"):
            title = f"Akt {entry['akt_nr']}: {entry.get('public_title') or ''} (udleveret)".replace(":  (", ": (")
            out.append({"file": entry["released_file"], "title": title, "date": entry.get("date"),
                        "direction": entry.get("direction") or "unknown", "in_scope": True,
                        "source": entry.get("esdh_doc_id")})
    return out


def _go_metadata(item: dict[str, Any]) -> str:
    attrs = {"ows_Title": item["title"]}
    if item.get("date"):
        attrs["ows_Dato"] = item["date"]
    korr = _KORRESPONDANCE.get(Direction(item.get("direction") or "unknown"), "")
    if korr:
        attrs["ows_Korrespondance"] = korr
    return "<z:row xmlns:z=\"#RowsetSchema\" " + " ".join(f"{k}={quoteattr(str(v))}" for k, v in attrs.items()) + " />"


def _safe_name(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", name)


def write_payloads(work: Path, manifest: dict[str, Any], case: Any) -> list[str]:
    """Write ``esdh/getorganized`` and ``esdh/sbsys`` into the bundle folder ``work``; returns Danish notes."""
    notes: list[str] = []
    items = _deliverables(work, manifest)
    ref = (case.esdh_ref or "").strip()
    systems = manifest.setdefault("esdh", {}).setdefault("systems", {})
    if not ref:
        notes.append("Sagen har ingen ESDH-reference (sagens nummer i GetOrganized eller SBSYS), så pakken har kun "
                     "den neutrale mappe. Angiv referencen på sagen for at få filer, der kan sendes direkte.")
        return notes
    go = work / ESDH_DIR / "getorganized"
    (go / "addtocase").mkdir(parents=True, exist_ok=True)
    go_requests = []
    for i, item in enumerate(items, start=1):
        src = work / item["file"]
        body = {"CaseId": ref, "ListName": "Dokumenter", "FolderPath": "", "FileName": Path(item["file"]).name,
                "Metadata": _go_metadata(item), "Overwrite": False,
                "Bytes": base64.b64encode(src.read_bytes()).decode("ascii")}
        name = f"addtocase/{i:03d}_{_safe_name(Path(item['file']).stem)}.json"
        (go / name).write_text(json.dumps(body, ensure_ascii=False, indent=1), encoding="utf-8")
        go_requests.append({"order": i, "method": "POST", "path": "/_goapi/Documents/AddToCase", "body": name,
                            "file": item["file"]})
    (go / "journalise.json").write_text(json.dumps({"DocumentIds": []}, indent=1), encoding="utf-8")
    go_requests.append({"order": len(items) + 1, "method": "POST",
                        "path": "/_goapi/Documents/MarkMultipleAsCaseRecord/ByDocumentId", "body": "journalise.json",
                        "fill": "DocumentIds = the DocId of every AddToCase answer above, in order"})
    (go / "requests.json").write_text(json.dumps({"case_id": ref, "requests": go_requests}, ensure_ascii=False,
                                                 indent=1), encoding="utf-8")
    (go / "LÆSMIG.txt").write_text(_GO_README.format(case=ref, n=len(items)), encoding="utf-8")

    systems["getorganized"] = f"{ESDH_DIR}/getorganized/requests.json"
    if not ref.isdigit():
        notes.append(f"ESDH-referencen '{ref}' er ikke et SBSYS-sags-id (et tal), så der er ikke dannet filer til "
                     "SBSYS.")
        return notes
    sb = work / ESDH_DIR / "sbsys"
    sb.mkdir(parents=True, exist_ok=True)
    sag_id = int(ref)
    sb_requests = []
    for i, item in enumerate(items, start=1):
        dto = {"SagID": sag_id, "DokumentNavn": item["title"], "Beskrivelse": _sbsys_description(item, manifest),
               "OmfattetAfAktindsigt": bool(item["in_scope"]),
               "DokumentArt": {"Navn": _KORRESPONDANCE.get(Direction(item.get("direction") or "unknown"))
                               or "Intern"}}
        if item.get("date"):
            dto["Dato"] = item["date"]
        name = f"{i:03d}_{_safe_name(Path(item['file']).stem)}.json"
        (sb / name).write_text(json.dumps(dto, ensure_ascii=False, indent=1), encoding="utf-8")
        sb_requests.append({"order": i, "method": "POST", "path": "api/dokument/journaliser",
                            "multipart": {"json": name, "file": item["file"]}})
    journal = work / "03_Journalnotat.docx"
    if journal.is_file():
        (sb / "journalnotat.html").write_text(docx_to_html(journal, "Journalnotat"), encoding="utf-8")
    (sb / "requests.json").write_text(json.dumps({"sag_id": sag_id, "requests": sb_requests,
                                                  "journal_note": "journalnotat.html" if journal.is_file() else None},
                                                 ensure_ascii=False, indent=1), encoding="utf-8")
    (sb / "LÆSMIG.txt").write_text(_SBSYS_README.format(case=ref, n=len(items)), encoding="utf-8")
    systems["sbsys"] = f"{ESDH_DIR}/sbsys/requests.json"
    return notes


def _sbsys_description(item: dict[str, Any], manifest: dict[str, Any]) -> str:
    if item.get("source"):
        return f"Udleveret version af ESDH-dokument {item['source']} (aktindsigtssag {manifest['case']['case_number']})."
    return f"Aktindsigtssag {manifest['case']['case_number']}."


def docx_to_html(path: Path, title: str) -> str:
    """A Word file's headings, paragraphs and tables as plain HTML (for a records system's note field)."""
    from docx import Document as Docx

    doc = Docx(str(path))
    parts = [f"<!DOCTYPE html>\n<html lang=\"da\"><head><meta charset=\"utf-8\"><title>{html.escape(title)}</title>"
             "</head><body>"]
    body = doc.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            from docx.text.paragraph import Paragraph

            p = Paragraph(child, doc)
            text = p.text.strip()
            if not text:
                continue
            style = (p.style.name or "").lower() if p.style is not None else ""
            level = next((int(c) for c in style if c.isdigit()), 0) if "heading" in style or "overskrift" in style \
                else (1 if style == "title" else 0)
            if level:
                parts.append(f"<h{min(level, 4)}>{html.escape(text)}</h{min(level, 4)}>")
            else:
                parts.append(f"<p>{html.escape(text)}</p>")
        elif tag == "tbl":
            from docx.table import Table

            t = Table(child, doc)
            rows = []
            for r in t.rows:
                cells = "".join(f"<td>{html.escape(c.text.strip())}</td>" for c in r.cells)
                rows.append(f"<tr>{cells}</tr>")
            parts.append("<table>" + "".join(rows) + "</table>")
    parts.append("</body></html>\n")
    return "\n".join(parts)


_GO_README = """Filer til GetOrganized (aktindsigtssag {case})

requests.json lister kaldene i den rækkefølge, de skal sendes:

1. {n} kald POST /_goapi/Documents/AddToCase - én fil pr. dokument i addtocase/. Hver fil er den
   færdige JSON-krop: CaseId, ListName, FolderPath, FileName, Metadata (GetOrganized's <z:row>-XML) og
   Bytes (filen base64-kodet). Svaret indeholder dokumentets DocId.
2. POST /_goapi/Documents/MarkMultipleAsCaseRecord/ByDocumentId med journalise.json, hvor DocumentIds
   udfyldes med de DocId'er, svarene i trin 1 gav (journalisering).

Metadatafelterne er GetOrganized's standardfelter (Title, Dato, Korrespondance). Kontrollér dem mod
kommunens egen opsætning af GetOrganized, før filerne sendes. Programmet sender intet selv.
"""

_SBSYS_README = """Filer til SBSYS (sag {case})

requests.json lister {n} kald POST api/dokument/journaliser (multipart/form-data) i den rækkefølge, de
skal sendes. Hvert kald har to dele: "json" = indholdet af den nævnte .json-fil her
(JournaliserDokumentInputDto: SagID, DokumentNavn, Beskrivelse, OmfattetAfAktindsigt, DokumentArt) og
"file" = den nævnte fil i pakken. Skal dokumenterne på et bestemt delforløb, bruges
api/dokument/journaliser/<delforløbets id>.

journalnotat.html er journalnotatet som HTML til sagens notat.

Feltnavnene følger SBSYS Web API's standard. Kontrollér dem mod kommunens egen opsætning, før filerne
sendes. Programmet sender intet selv.
"""




# --- the bundle in the store, as a zip, and verified again -------------------------------------------


def list_generated(work: Path) -> list[dict[str, Any]]:
    """Every file of the bundle except manifest.json and SHA256SUMS, with its role and SHA-256."""
    from aktindsigt.store.blobs import sha256_file

    out = []
    for p in sorted(work.rglob("*")):
        if not p.is_file() or p.parent == work and p.name in ("manifest.json", "SHA256SUMS"):
            continue
        rel = p.relative_to(work)
        role = rel.parts[0] if len(rel.parts) > 1 else p.stem
        out.append({"file": rel.as_posix(), "role": role, "sha256": sha256_file(p)})
    return out


def bundle_entry(folder: Path, who: str, name: str = "", skip: tuple[str, ...] = ()) -> dict[str, Any]:
    """The ``case:<id>:bundles`` entry of the bundle in ``folder`` (``name``: its id when ``folder`` is the
    staged folder it is built in; ``skip``: file names that are not part of it)."""
    import hashlib
    from datetime import UTC, datetime

    return {"bundle_id": name or folder.name, "at": datetime.now(UTC).isoformat(timespec="seconds"), "by": who,
            "bundle_sha256": hashlib.sha256((folder / "SHA256SUMS").read_bytes()).hexdigest(),
            "manifest_sha256": hashlib.sha256((folder / "manifest.json").read_bytes()).hexdigest(),
            "files": sum(1 for p in folder.rglob("*") if p.is_file() and p.name not in skip)}


def record_bundle(store: Any, case_id: int, folder: Path, who: str) -> dict[str, Any]:
    """Append the bundle to the case's list of bundles (``case:<id>:bundles``): its id, the SHA-256 of its
    SHA256SUMS and of its manifest. ``bundle verify`` compares a bundle with this record."""
    entry = bundle_entry(folder, who)
    store.update_setting(f"case:{case_id}:bundles", lambda items: [*(items or []), entry], who, default=[])
    return entry


def zip_folder(folder: Path, target: Path) -> Path:
    """``folder`` as ``target`` (.zip), written beside it and renamed into place (complete or absent)."""
    import os
    import zipfile

    tmp = target.with_name(f".{target.name}.tmp")
    try:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as z:
            for p in sorted(folder.rglob("*")):
                if p.is_file():
                    z.write(p, (Path(folder.name) / p.relative_to(folder)).as_posix())
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


def _open_bundle(path: Path) -> tuple[Path, Any]:
    """(bundle root, cleanup) for a bundle folder or a .zip of one (unpacked into a temporary folder)."""
    import shutil
    import tempfile
    import zipfile

    from aktindsigt.core.errors import ServiceError

    path = Path(path)
    if path.is_dir():
        return _bundle_root(path), lambda: None
    if not path.is_file():
        raise ServiceError(f"Pakken {path} findes ikke.")
    if not zipfile.is_zipfile(path):
        raise ServiceError(f"{path.name} er hverken en mappe eller en zip-fil med en eksportpakke.")
    tmp = Path(tempfile.mkdtemp(prefix="aktindsigt-verify-"))
    try:
        with zipfile.ZipFile(path) as z:
            for info in z.infolist():
                name = info.filename
                if name.startswith(("/", "\\")) or ".." in Path(name).parts or ":" in name:
                    raise ServiceError(f"Zip-filen indeholder et ugyldigt filnavn: {name}")
            z.extractall(tmp)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return _bundle_root(tmp), lambda: shutil.rmtree(tmp, ignore_errors=True)


def _bundle_root(folder: Path) -> Path:
    """The bundle in ``folder``: the folder itself when it has a manifest.json, else its one sub-folder that
    has one (``case export --out DIR`` puts the bundle in ``DIR/AKT_…``, and a zip holds that folder)."""
    from aktindsigt.core.errors import ServiceError

    if (folder / "manifest.json").is_file():
        return folder
    inner = sorted(p for p in folder.iterdir() if p.is_dir() and (p / "manifest.json").is_file())
    if len(inner) > 1:
        names = ", ".join(p.name for p in inner)
        raise ServiceError(f"Mappen {folder.name} indeholder flere eksportpakker ({names}). Angiv den pakke, der "
                           "skal kontrolleres.")
    return inner[0] if inner else folder


def validate_manifest(manifest: Any) -> list[str]:
    """The manifest's deviations from ``resources/esdh/manifest.schema.json`` (Danish lines, at most 20)."""
    from jsonschema import Draft202012Validator, FormatChecker

    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    out = []
    for e in sorted(validator.iter_errors(manifest), key=lambda e: list(e.absolute_path)):
        where = "/".join(str(p) for p in e.absolute_path) or "(roden)"
        out.append(f"manifest.json følger ikke skemaet ved {where}: {e.message}")
        if len(out) >= 20:
            break
    return out


@dataclass
class BundleCheck:
    """What ``bundle verify`` found: problems (Danish; empty = the bundle is as exported) and notes."""

    path: Path
    bundle_id: str = ""
    case_number: str = ""
    files: int = 0
    released_checked: int = 0
    offline: bool = False
    exported_at: str = ""  # the store's record of the export this bundle matches
    exported_by: str = ""
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        """One Danish line: as exported (when, by whom, what was checked), or how many deviations."""
        from datetime import datetime

        from aktindsigt.core.danish import count
        from aktindsigt.core.errors import clock

        if not self.ok:
            return (f"Pakken {self.bundle_id or self.path.name} afviger fra eksporten "
                    f"({count(len(self.problems), 'fejl', 'fejl')}):")
        when = ""
        if self.exported_at:
            try:
                when = f" {clock(datetime.fromisoformat(self.exported_at))}"
            except ValueError:
                when = ""
            when += f" af {self.exported_by}" if self.exported_by else ""
        leak = ("lækagekontrollen er ikke kørt" if self.offline else
                f"lækagekontrollen bestået for {count(self.released_checked, 'udleveret fil', 'udleverede filer')}")
        return f"Pakken {self.bundle_id} er som eksporteret{when}: {count(self.files, 'fil', 'filer')} kontrolleret, {leak}."


_GNU_SUM = re.compile(r"^\\?([0-9A-Fa-f]{64}) [ *](.+)$")
_BSD_SUM = re.compile(r"^SHA256 \((.+)\) = ([0-9A-Fa-f]{64})$")


def _sums(text: str) -> tuple[dict[str, str], list[str]]:
    """SHA256SUMS as {file: digest} and its unreadable lines. Reads what ``sha256sum`` writes (text or
    binary mode, names with ``./``) and the BSD form, so a list regenerated by hand is compared file by file."""
    out, bad = {}, []
    for n, line in enumerate(text.splitlines(), start=1):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        gnu, bsd = _GNU_SUM.match(line), _BSD_SUM.match(line)
        if gnu:
            digest, name = gnu.group(1), gnu.group(2)
        elif bsd:
            name, digest = bsd.group(1), bsd.group(2)
        else:
            bad.append(f"SHA256SUMS, linje {n}, kan ikke læses: {line[:80]!r}")
            continue
        while name.startswith("./"):
            name = name[2:]
        out[name] = digest.lower()
    return out, bad


class EsdhServices:
    """Mixed into ``Services``: the case's ESDH reference, the bundle as a zip, and ``bundle verify``."""

    store: Any
    user: str

    def set_esdh_ref(self, case_ref: str | int, ref: str, version: int | None = None) -> Any:
        """The access case's reference in the ESDH (GetOrganized case id, SBSYS sags-id): the payloads of the
        bundle are addressed to it. An edit like any other (an approval lapses)."""
        from aktindsigt.core.errors import ServiceError

        case = self.get_case(case_ref)  # type: ignore[attr-defined]
        ref = " ".join((ref or "").split())
        if len(ref) > 128:
            raise ServiceError("ESDH-referencen må højst være 128 tegn.")
        if case.esdh_ref == ref:
            return case
        case.esdh_ref = ref
        updated = self.store.update_case(case, self.user, action="case.esdh_ref",
                                         expected_version=version or case.version)
        self._edited(case.id, "case.esdh_ref")  # type: ignore[attr-defined]
        return updated

    def export_zip(self, case_ref: str | int, target: Path, **kwargs: Any) -> Any:
        """``export_bundle`` into a .zip file: built as a folder beside it, zipped, renamed into place."""
        import shutil
        import tempfile

        from aktindsigt.core.errors import ServiceError

        target = Path(target)
        if target.exists():
            raise ServiceError(f"Filen {target} findes allerede. Vælg et andet navn, eller flyt den gamle fil.")
        target.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=".aktindsigt-zip-", dir=target.parent))
        try:
            result = self.export_bundle(case_ref, work, **kwargs)  # type: ignore[attr-defined]
            zip_folder(result.path, target)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        result.path = target
        result.files = [target]
        return result

    def verify_bundle(self, path: Path, offline: bool = False) -> BundleCheck:
        """Check a bundle (folder or .zip) against its SHA256SUMS, its manifest, the schema, the record the
        store made when it was exported, and run the leak verification on the released files again."""
        from aktindsigt.store.blobs import sha256_file

        root, cleanup = _open_bundle(Path(path))
        check = BundleCheck(Path(path), offline=offline)
        try:
            manifest_path = root / "manifest.json"
            if not manifest_path.is_file():
                check.problems.append("Pakken har ingen manifest.json.")
                return check
            try:
                manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
            except ValueError as e:
                check.problems.append(f"manifest.json kan ikke læses: {e}")
                return check
            check.bundle_id = str(manifest.get("bundle_id", ""))
            check.case_number = str((manifest.get("case") or {}).get("case_number", ""))
            check.problems.extend(validate_manifest(manifest))
            sums_path = root / "SHA256SUMS"
            sums: dict[str, str] = {}
            if sums_path.is_file():
                sums, unreadable = _sums(sums_path.read_text(encoding="utf-8", errors="replace"))
                check.problems.extend(unreadable)
            else:
                check.problems.append("Pakken har ingen SHA256SUMS.")
            actual = {p.relative_to(root).as_posix(): sha256_file(p) for p in sorted(root.rglob("*"))
                      if p.is_file() and p != sums_path}
            check.files = len(actual)
            for name, digest in sums.items():
                if name not in actual:
                    check.problems.append(f"{name} mangler i pakken.")
                elif actual[name] != digest:
                    check.problems.append(f"{name} er ændret (SHA-256 passer ikke med SHA256SUMS).")
            for name in actual:
                if name not in sums:
                    check.problems.append(f"{name} er lagt i pakken efter eksporten (står ikke i SHA256SUMS).")
            listed = {g.get("file"): g.get("sha256") for g in manifest.get("generated_files") or []}
            for name, digest in listed.items():
                if name in actual and actual[name] != digest:
                    check.problems.append(f"{name} passer ikke med manifestet.")
                elif name not in actual:
                    check.problems.append(f"{name} står i manifestet, men mangler i pakken.")
            for name in actual:
                if name not in listed and name != "manifest.json":
                    check.problems.append(f"{name} står ikke i manifestet.")
            for d in manifest.get("documents") or []:
                rel = d.get("released_file")
                if rel and actual.get(rel) != d.get("released_sha256"):
                    check.problems.append(f"Den udleverede fil til akt {d.get('akt_nr')} passer ikke med manifestet.")
            if offline:
                check.notes.append("Pakken er ikke sammenholdt med databasen, og lækagekontrollen er ikke kørt "
                                   "igen (--offline).")
            else:
                self._verify_against_store(root, manifest, sums_path, check)
            return check
        finally:
            cleanup()

    def _verify_against_store(self, root: Path, manifest: dict[str, Any], sums_path: Path, check: BundleCheck) -> None:
        import hashlib

        from aktindsigt.core.errors import ServiceError

        try:
            case = self.get_case(check.case_number)  # type: ignore[attr-defined]
        except ServiceError:
            check.problems.append(f"Sagen {check.case_number} findes ikke i databasen, så pakken kan ikke "
                                  "sammenholdes med det, der blev eksporteret.")
            return
        records = list(self.store.get_setting(f"case:{case.id}:bundles", []) or [])
        got = hashlib.sha256(sums_path.read_bytes()).hexdigest() if sums_path.is_file() else ""
        got_manifest = hashlib.sha256((root / "manifest.json").read_bytes()).hexdigest()
        same_id = [r for r in records if r.get("bundle_id") == check.bundle_id]
        # a case exported twice on one day has two bundles with one id: compare with the one this bundle is
        # (by its SHA256SUMS, else by its manifest, else the newest)
        record = next((r for r in reversed(same_id) if r.get("bundle_sha256") == got), None) or next(
            (r for r in reversed(same_id) if r.get("manifest_sha256") == got_manifest), None) or (
            same_id[-1] if same_id else None)
        if record is None:
            check.problems.append(f"Databasen har ingen eksport af pakken {check.bundle_id}.")
        else:
            check.exported_at, check.exported_by = str(record.get("at", "")), str(record.get("by", ""))
            if got != record.get("bundle_sha256"):
                check.problems.append("SHA256SUMS er ikke den, der blev dannet ved eksporten (pakkens SHA-256 "
                                      "passer ikke med databasen).")
            if got_manifest != record.get("manifest_sha256"):
                check.problems.append("manifest.json er ikke det, der blev dannet ved eksporten.")
        check.problems.extend(self._leak_check(case, root, manifest, check))

    def _leak_check(self, case: Any, root: Path, manifest: dict[str, Any], check: BundleCheck) -> list[str]:
        """Run the leak verification again on every released file, with the case's decisions and, as at the
        export, every value withheld anywhere in the case (a value withheld in akt 1 must not stand in akt 2),
        except a value the caseworker deliberately kept in that document."""
        from aktindsigt.core.model import DecisionAction, DecisionKind, SuggestionStatus
        from aktindsigt.detect.propagate import case_matcher, dictionary_word
        from aktindsigt.redact.verify import verify
        from aktindsigt.services.redaction import CaseTerms, _CaseCheck, survivor_words, verification_terms

        problems = []
        docs = {d.akt_nr: d for d in self.store.list_documents(case.id)}
        decisions = self.decisions(case.id)  # type: ignore[attr-defined]
        values = self.withheld_values(case.id, decisions)  # type: ignore[attr-defined]
        matcher = case_matcher(((t, e) for t, e, _ in values), related=False)
        withheld_keys = {v.key for v in matcher.values}
        case_terms = CaseTerms(matcher)
        open_sugg: dict[int, list[Any]] = {}
        for sg in self.review.list_suggestions(case.id, status=SuggestionStatus.PENDING):  # type: ignore[attr-defined]
            if sg.entity_key in withheld_keys:
                open_sugg.setdefault(sg.document_id, []).append(sg)
        for entry in manifest.get("documents") or []:
            rel = entry.get("released_file")
            if not rel or not (root / rel).is_file():
                continue
            doc = docs.get(entry.get("akt_nr"))
            if doc is None:
                problems.append(f"Akt {entry.get('akt_nr')} findes ikke i sagen i databasen.")
                continue
            pages = self.store.get_pages(doc.id)
            text = self.store.document_text(doc.id)
            mine = [d for d in decisions if d.document_id == doc.id]
            redacts = [d for d in mine if d.action is DecisionAction.REDACT]
            spans = [(d.start, d.end) for d in redacts if d.kind is DecisionKind.SPAN and d.start is not None
                     and d.end is not None]
            areas = {d.page for d in redacts if d.kind is DecisionKind.AREA and d.page}
            withheld = {p.number for p in pages if p.withheld}
            own, _uncheckable = verification_terms(text, spans)
            terms: list[tuple[str, str]] = [(t, "") for t in own]
            _misses, kept = _CaseCheck(self.document_view(doc.id), pages, mine, withheld).run(  # type: ignore[attr-defined]
                matcher, open_sugg.get(doc.id or 0, []))
            skip = case_terms.skip_for({vi for vi, _page in kept})
            terms += [(sg.text, sg.entity_type.value) for sg in open_sugg.get(doc.id or 0, [])]
            survivors = survivor_words(pages, text, spans, areas, withheld,
                                       case_terms.word_filter([t for t, _ in terms], skip))
            ocr_pages = sorted(areas | {p.number for p in pages if p.ocr and any(
                p.text_start <= a < p.text_end for a, _b in spans)})
            report = verify(root / rel, terms, survivors, ocr_pages=ocr_pages, require_ocr=True,
                            word_like=dictionary_word, shared_terms=case_terms.terms, skip_shared=skip)
            check.released_checked += 1
            if not report.passed:
                failed = ", ".join(c.name for c in report.failures)
                problems.append(f"Lækagekontrollen af akt {doc.akt_nr} fejler nu ({failed}).")
        return problems


__all__ = ["SCHEMA_FILE", "SCHEMA_ID", "BundleCheck", "EsdhServices", "classification", "docx_to_html",
           "enrich_manifest", "list_generated", "record_bundle", "validate_manifest", "write_payloads", "zip_folder"]
