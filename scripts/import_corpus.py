"""Import a folder of real files (public test corpora) into one case and check what reached it.

    .venv/bin/python scripts/import_corpus.py DIR [--label before] [--timeout 300] [--redact 30]
    .venv/bin/python scripts/import_corpus.py --compare before.json after.json

The folder is imported through the services (``import_paths``, the worker process, as ``case import``
does) into a fresh store, in one case. Afterwards each file is checked against what other programs
say about it, and the script prints a table (per file: documents made, failed with reason,
duplicates, warnings, seconds, worker peak) with totals by kind, the import time, the peak RSS of the
whole process tree, and these flags:

* ``silent``: a file that yielded no document and no reason, or a failed document without a reason;
* ``attachments``: fewer child documents than the file holds (an independent count: the MIME tree
  walked with the stdlib, an Outlook file's attachment storages read with olefile, a zip's members,
  an mbox's messages, a PDF's embedded files and file-attachment annotations read with pikepdf);
* ``reason``: a reason that contradicts qpdf or poppler ("krypteret" for a file qpdf opens without a
  password, "beskadiget" for a file pdftotext reads);
* ``text-lost``: a page where pdftotext reads words and the case has (almost) none;
* ``garbled``: a "Klar" page whose text layer (not OCR'd) scores as untrustworthy
  (``ingest.textlayer``: dictionary words, single letters, script, split words, mojibake);
* ``hang``: a file that took longer than ``--timeout`` seconds; ``crash``: the import raised.

With ``--redact N`` a sample of N imported PDFs is redacted with ``aktindsigt redact`` (a word from
each document's text as the term) and checked: the command's verdict, the term gone, and how many
other words were lost. The corpus itself is never part of the repository; results go to
``bench-results/import_corpus-<label>.json`` and ``.txt``.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

KINDS = {
    "pdf": {".pdf"},
    "mail": {".eml", ".msg", ".mbox", ".mbx", ".tnef", ".dat", ".p7m"},
    "office": {".doc", ".docx", ".docm", ".dotx", ".odt", ".rtf", ".xls", ".xlsx", ".xlsm", ".ods", ".ppt",
               ".pptx", ".pptm", ".odp"},
    "image": {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".gif", ".bmp"},
    "text": {".txt", ".csv", ".html", ".htm", ".md"},
    "archive": {".zip"},
}


def kind_of(name: str) -> str:
    suffix = Path(name).suffix.lower()
    for kind, suffixes in KINDS.items():
        if suffix in suffixes:
            return kind
    return "no suffix" if not suffix else "other"


# ------------------------------------------------------------------ independent counts of children

_MAIL_HEAD = re.compile(rb"\A(?:From [^\n]*\n)?(?:[!-9;-~]+:[^\n]*\n(?:[ \t][^\n]*\n)*){2,}", re.I)
_RENDERINGS = {"text/plain", "text/html", "text/enriched", "text/richtext", "text/x-amp-html", "text/watch-html"}
_SIGNATURES = {"application/pkcs7-signature", "application/x-pkcs7-signature", "application/pgp-signature"}


def looks_like_mail(data: bytes) -> bool:
    head = data[:20000].replace(b"\r\n", b"\n")
    m = _MAIL_HEAD.match(head)
    if not m:
        return False
    names = {line.split(b":", 1)[0].strip().lower() for line in m.group(0).split(b"\n") if b":" in line}
    return bool(names & {b"from", b"to", b"subject", b"message-id", b"received", b"mime-version", b"date"}) and \
        len(names & {b"from", b"to", b"subject", b"date", b"message-id", b"received", b"mime-version",
                     b"content-type", b"return-path", b"delivered-to"}) >= 2


def mail_children(data: bytes) -> tuple[int, int, bool]:
    """(attachments, inline pictures, encrypted) of an RFC 822 message: every leaf that is not the body
    text, message/rfc822 counted once; parts of multipart/related after the first are inline pictures."""
    from email import policy
    from email.parser import BytesParser

    msg = BytesParser(policy=policy.compat32).parsebytes(data)
    counts = {"att": 0, "inline": 0, "enc": False}

    def named(p) -> bool:
        try:
            return bool(p.get_filename() or p.get_param("name"))
        except Exception:  # noqa: BLE001
            return False

    def disp(p) -> str:
        return str(p.get("Content-Disposition") or "").split(";")[0].strip().lower()

    def walk(p, related_tail: bool = False) -> None:
        ctype = p.get_content_type()
        if ctype == "message/rfc822" or ctype == "message/delivery-status" or ctype == "text/rfc822-headers":
            counts["att"] += 1
            return
        if p.is_multipart():
            sub = p.get_content_subtype()
            parts = [x for x in (p.get_payload() or []) if hasattr(x, "get_content_type")]
            if sub == "encrypted":
                counts["enc"] = True
                return
            for i, x in enumerate(parts):
                if sub == "signed" and i > 0 and x.get_content_type() in _SIGNATURES:
                    continue
                walk(x, related_tail=(sub == "related" and i > 0))
            return
        if ctype.startswith("multipart/"):  # its boundary never appears: the whole content is the text
            return
        if ctype in _SIGNATURES:
            return
        if ctype in ("application/pkcs7-mime", "application/x-pkcs7-mime", "application/pgp-encrypted"):
            counts["enc"] = True
            return
        if related_tail and disp(p) != "attachment":
            counts["inline"] += 1
            return
        if ctype in _RENDERINGS and disp(p) != "attachment" and not named(p):
            return
        counts["att"] += 1

    walk(msg)
    return counts["att"], counts["inline"], bool(counts["enc"])


def msg_children(path: Path) -> int:
    import olefile

    with olefile.OleFileIO(str(path)) as ole:
        return len({e[0] for e in ole.listdir(streams=True, storages=True) if e and e[0].startswith("__attach_")})


def zip_children(path: Path) -> int:
    import zipfile

    with zipfile.ZipFile(path) as zf:
        return sum(1 for i in zf.infolist() if not i.is_dir() and not i.filename.startswith("__MACOSX/")
                   and not Path(i.filename).name.startswith("._") and Path(i.filename).name.lower()
                   not in (".ds_store", "thumbs.db", "desktop.ini"))


def mbox_children(path: Path) -> int:
    import mailbox

    box = mailbox.mbox(str(path), create=False)
    try:
        return sum(1 for _ in box.iterkeys())
    finally:
        box.close()


def pdf_children(path: Path) -> tuple[int, bool, str]:
    """(embedded files + file-attachment annotations, needs a password, qpdf's error or "")."""
    import pikepdf

    try:
        with pikepdf.open(path) as pdf:
            n = len(pdf.attachments)
            for page in pdf.pages:
                for annot in page.get("/Annots") or []:
                    try:
                        if annot.get("/Subtype") == "/FileAttachment" and "/FS" in annot:
                            n += 1
                    except Exception:  # noqa: BLE001
                        pass
            return n, False, ""
    except pikepdf.PasswordError:
        return 0, True, "password"
    except Exception as e:  # noqa: BLE001
        return 0, False, f"{type(e).__name__}: {e}"[:120]


def expected_children(path: Path, fmt: str, name: str) -> tuple[int | None, str]:
    """How many child documents the file should have (None: not a container), and a note."""
    try:
        data_head = path.open("rb").read(8)
        suffix = Path(name).suffix.lower()
        if fmt == "pdf" or data_head.startswith(b"%PDF") or suffix == ".pdf":
            n, _pw, err = pdf_children(path)
            return (n, "") if not err else (None, err)
        if data_head == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" and suffix == ".msg":
            return msg_children(path), ""
        if data_head.startswith(b"PK\x03\x04") and suffix == ".zip":
            return zip_children(path), ""
        if suffix in (".mbox", ".mbx"):
            return mbox_children(path), ""
        if data_head[:4] == b"\x78\x9f\x3e\x22":
            import tnefparse

            t = tnefparse.TNEF(path.read_bytes())
            return len(t.attachments), ""
        data = path.read_bytes()
        if suffix in (".eml", ".msg") or looks_like_mail(data):
            if len(data) > 5_000_000:
                return None, "large mail not counted"
            att, inline, enc = mail_children(data)
            note = ", ".join(x for x in (f"{inline} inline" if inline else "", "encrypted" if enc else "") if x)
            return att, note
    except Exception as e:  # noqa: BLE001
        return None, f"count failed: {type(e).__name__}: {e}"[:120]
    return None, ""


# ------------------------------------------------------------------ poppler / qpdf opinions


def pdftotext_pages(path: Path, timeout: float = 60) -> list[int] | None:
    """Alphabetic words per page as pdftotext reads them (None when it fails)."""
    try:
        r = subprocess.run(["pdftotext", "-q", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                           timeout=timeout, check=False)
    except (subprocess.TimeoutExpired, OSError):
        return None
    if r.returncode != 0 and not r.stdout:
        return None
    pages = r.stdout.decode("utf-8", "replace").split("\f")
    if pages and not pages[-1].strip():
        pages = pages[:-1]
    return [len(re.findall(r"[^\W\d_]{2,}", p)) for p in pages]


def qpdf_opens_without_password(path: Path) -> bool | None:
    import pikepdf

    try:
        with pikepdf.open(path):
            return True
    except pikepdf.PasswordError:
        return False
    except Exception:  # noqa: BLE001
        return None


# ------------------------------------------------------------------ the import


def run(folder: Path, args) -> dict:
    from aktindsigt.ingest import worker as worker_mod
    from aktindsigt.ingest.worker import IngestWorker, tree_rss
    from aktindsigt.services import Services
    from aktindsigt.services.cases import display_name, plan_import

    home = Path(tempfile.mkdtemp(prefix="import-corpus-"))
    os.environ["AKTINDSIGT_HOME"] = str(home)
    os.environ.pop("AKTINDSIGT_DB_URL", None)
    worker_mod._shared = IngestWorker(idle_timeout=args.timeout)
    svc = Services.open()
    case = svc.create_case("Korpus", "Korpus", "ofl7")
    plan = plan_import([folder])
    order = [p for p, _ in plan.refused] + list(plan.files)
    marks: list[tuple[float, int]] = []  # (time, worker peak of the file before) at each progress call
    peak = {"tree": 0}
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            peak["tree"] = max(peak["tree"], tree_rss(os.getpid()))
            stop.wait(0.1)

    def progress(done: int, total: int, name: str) -> None:
        marks.append((time.perf_counter(), worker_mod._shared.last_peak if worker_mod._shared else 0))
        if name and len(marks) % 25 == 0:
            print(f"  {len(marks)}/{total} {time.perf_counter() - t0:7.0f} s  {name}", file=sys.stderr, flush=True)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    t0 = time.perf_counter()
    error = ""
    summary = None
    try:
        summary = svc.import_paths(case.id, [folder], progress=progress)
    except BaseException as e:  # noqa: BLE001 - a crash is a result here
        error = f"{type(e).__name__}: {e}"[:500]
    seconds = time.perf_counter() - t0
    stop.set()
    sampler.join()
    # per-file time: between the progress call of a file and the next one
    per_file: dict[str, tuple[float, int]] = {}
    for i, path in enumerate(order):
        if i + 1 < len(marks):
            per_file[str(path)] = (marks[i + 1][0] - marks[i][0], marks[i + 1][1])
    docs = svc.store.list_documents(case.id)
    by_id = {d.id: d for d in docs}
    children: dict[int, list] = collections.defaultdict(list)
    for d in docs:
        if d.parent_id is not None:
            children[d.parent_id].append(d)
    rows = []
    imported = {str(f.path): f.documents for f in (summary.files if summary else [])}
    dups = {str(p): existing for p, existing in (summary.duplicates if summary else [])}
    for path in order:
        key = str(path)
        rel = os.path.relpath(path, folder)
        secs, wpeak = per_file.get(key, (0.0, 0))
        row = {"file": rel, "kind": kind_of(display_name(path)), "seconds": round(secs, 2),
               "worker_peak_mb": round(wpeak / 2**20), "flags": []}
        if key in dups:
            row["outcome"] = "duplicate"
            row["duplicate_of"] = dups[key].source_name
        elif key not in imported:
            row["outcome"] = "missing"
            if not error:
                row["flags"].append("silent: no document and no reason")
        else:
            fdocs = imported[key]
            if not fdocs:
                row["outcome"] = "missing"
                row["flags"].append("silent: no document and no reason")
            else:
                check_file(svc, row, fdocs, by_id, children)
        if secs > args.timeout:
            row["flags"].append(f"hang: {secs:.0f} s")
        rows.append(row)
    return {"error": error, "seconds": round(seconds, 1), "peak_tree_rss_mb": round(peak["tree"] / 2**20),
            "rows": rows, "home": str(home), "case": case.id}


def check_file(svc, row: dict, fdocs: list, by_id: dict, children: dict) -> None:
    from aktindsigt.core.model import DocumentStatus
    from aktindsigt.ingest.textlayer import score_words
    from aktindsigt.ingest.worker import CRASHED, HUNG, TOO_MUCH_MEMORY

    top = fdocs[0]
    ready = [d for d in fdocs if d.status is DocumentStatus.READY]
    failed = [d for d in fdocs if d.status is DocumentStatus.FAILED]
    row["outcome"] = "ready" if top.status is DocumentStatus.READY else "failed"
    row["documents"] = len(fdocs)
    row["ready"] = len(ready)
    row["failed"] = [(d.source_name, d.failure_reason) for d in failed]
    row["warnings"] = [w for d in fdocs for w in d.warnings]
    row["format"] = top.format
    row["pages"] = sum(d.page_count for d in ready)
    ocr_pages = 0
    for d in failed:
        if not d.failure_reason.strip():
            row["flags"].append(f"silent: {d.source_name} failed without a reason")
        if d.failure_reason.startswith(HUNG.split("{")[0]):
            row["flags"].append("hang: stopped by the worker")
        if d.failure_reason in (CRASHED,) or d.failure_reason.startswith(TOO_MUCH_MEMORY.split("{")[0]):
            row["flags"].append(f"worker: {d.failure_reason[:60]}")
    for d in fdocs:
        src = svc.original_path(d) if d.source_sha256 else None
        if src is None or not src.exists():
            continue
        # attachments
        if d.status is DocumentStatus.READY or d.format in ("eml", "msg", "mbox", "tnef", "zip"):
            want, note = expected_children(src, d.format, d.source_name)
            have = len(children.get(d.id, []))
            if note:
                row.setdefault("notes", []).append(f"{d.source_name}: {note}")
            if want is not None and have < want and d.status is DocumentStatus.READY:
                row["flags"].append(f"attachments: {d.source_name} has {have} of {want}")
            elif want and d.status is DocumentStatus.FAILED:
                row.setdefault("notes", []).append(f"{d.source_name}: failed, holds {want} attachments")
        is_pdf = d.format == "pdf" or src.open("rb").read(1024).find(b"%PDF") >= 0
        if not is_pdf:
            continue
        reason = d.failure_reason.lower()
        if d.status is DocumentStatus.FAILED:
            if ("krypteret" in reason or "adgangskode" in reason) and qpdf_opens_without_password(src):
                row["flags"].append(f"reason: '{d.failure_reason[:50]}' but qpdf opens it without a password")
            words = pdftotext_pages(src)
            if words is not None and sum(words) >= 20 and ("beskadiget" in reason or "ingen sider" in reason
                                                            or "tomme" in reason):
                row["flags"].append(f"reason: '{d.failure_reason[:40]}' but pdftotext reads {sum(words)} words")
            continue
        if d.status is not DocumentStatus.READY:
            continue
        pages = svc.document_pages(d.id)
        ocr_pages += sum(1 for p in pages if p.ocr)
        poppler = pdftotext_pages(src) if d.format == "pdf" else None
        for p in pages:
            ours = sum(1 for w in p.words if re.search(r"[^\W\d_]{2,}", w.text))
            if poppler is not None and p.number <= len(poppler):
                theirs = poppler[p.number - 1]
                if theirs >= 20 and ours < 0.25 * theirs:
                    row["flags"].append(f"text-lost: p.{p.number} pdftotext {theirs} words, case {ours}")
            if not p.ocr and p.words:
                score = score_words([w.text for w in p.words])
                if score.suspicious():
                    row["flags"].append(f"garbled: {d.source_name} p.{p.number} ({score.reason()})")
    row["ocr_pages"] = ocr_pages


# ------------------------------------------------------------------ redaction sample


def redact_sample(svc_home: str, case_id: int, n: int, seed: int = 7) -> list[dict]:
    from aktindsigt.core.model import DocumentStatus
    from aktindsigt.services import Services

    os.environ["AKTINDSIGT_HOME"] = svc_home
    svc = Services.open()
    docs = [d for d in svc.store.list_documents(case_id) if d.status is DocumentStatus.READY and d.format == "pdf"
            and d.rendition_sha256]
    rng = random.Random(seed)
    rng.shuffle(docs)
    out_dir = Path(tempfile.mkdtemp(prefix="redact-sample-"))
    results = []
    exe = str(Path(sys.executable).with_name("aktindsigt"))
    for d in docs:
        if len(results) >= n:
            break
        pages = svc.document_pages(d.id)
        words = [w.text for p in pages for w in p.words if re.fullmatch(r"[^\W\d_]{5,}", w.text)]
        if not words:
            continue
        term = rng.choice(words)
        src = svc.rendition_path(d)
        target = out_dir / f"{d.id}.pdf"
        t0 = time.perf_counter()
        try:
            r = subprocess.run([exe, "redact", str(src), "--term", term, "--out", str(target)], capture_output=True,
                               timeout=900, check=False, env=dict(os.environ, AKTINDSIGT_HOME=svc_home))
            code, output = r.returncode, (r.stdout + r.stderr).decode("utf-8", "replace")
        except subprocess.TimeoutExpired:
            code, output = -1, "timeout"
        row = {"document": d.source_name, "term": term, "exit": code, "seconds": round(time.perf_counter() - t0, 1),
               "output": output.strip().splitlines()[-1:] if output.strip() else []}
        if code == 0 and target.exists():
            before = text_words(src)
            after = text_words(target)
            low = term.lower()
            row["term_left"] = sum(1 for w in after if low in w.lower())
            gone = before - after
            lost = sum(c for w, c in gone.items() if low not in w.lower())
            row["other_words_lost"] = lost
            row["words_before"] = sum(before.values())
        results.append(row)
    return results


def text_words(path: Path) -> collections.Counter:
    try:
        r = subprocess.run(["pdftotext", "-q", "-enc", "UTF-8", str(path), "-"], capture_output=True, timeout=120,
                           check=False)
    except subprocess.TimeoutExpired:
        return collections.Counter()
    return collections.Counter(re.findall(r"[^\W\d_]{2,}", r.stdout.decode("utf-8", "replace")))


# ------------------------------------------------------------------ report


def short_reason(reason: str) -> str:
    return reason.split(":")[0].split(" (")[0][:70]


def report(result: dict, label: str) -> str:
    rows = result["rows"]
    out: list[str] = []
    out.append(f"import_corpus {label}: {len(rows)} files, import {result['seconds']:.0f} s, "
               f"peak RSS of the process tree {result['peak_tree_rss_mb']} MB"
               + (f", CRASH: {result['error']}" if result["error"] else ""))
    out.append("")
    out.append(f"{'file':60} {'kind':9} {'outcome':9} {'docs':>4} {'fail':>4} {'warn':>4} {'s':>6} {'MB':>5}  "
               "reason / flags")
    for r in rows:
        fails = r.get("failed", [])
        reason = "; ".join(short_reason(x[1]) for x in fails[:2])
        out.append(f"{r['file'][:60]:60} {r['kind']:9} {r['outcome']:9} {r.get('documents', 0):>4} {len(fails):>4} "
                   f"{len(r.get('warnings', [])):>4} {r['seconds']:>6.1f} {r['worker_peak_mb']:>5}  {reason}"
                   + ("" if not r["flags"] else "  !! " + " | ".join(r["flags"])))
    out.append("")
    kinds = collections.defaultdict(collections.Counter)
    for r in rows:
        k = kinds[r["kind"]]
        k["files"] += 1
        k[r["outcome"]] += 1
        k["documents"] += r.get("documents", 0)
        k["failed documents"] += len(r.get("failed", []))
        k["flagged"] += bool(r["flags"])
        k["seconds"] += r["seconds"]
    out.append(f"{'kind':10} {'files':>5} {'ready':>5} {'failed':>6} {'dup':>4} {'docs':>5} {'failed docs':>11} "
               f"{'flagged':>7} {'seconds':>8}")
    total: collections.Counter = collections.Counter()
    for kind in sorted(kinds):
        k = kinds[kind]
        total.update(k)
        out.append(f"{kind:10} {k['files']:>5} {k['ready']:>5} {k['failed']:>6} {k['duplicate']:>4} "
                   f"{k['documents']:>5} {k['failed documents']:>11} {k['flagged']:>7} {k['seconds']:>8.0f}")
    k = total
    out.append(f"{'all':10} {k['files']:>5} {k['ready']:>5} {k['failed']:>6} {k['duplicate']:>4} "
               f"{k['documents']:>5} {k['failed documents']:>11} {k['flagged']:>7} {k['seconds']:>8.0f}")
    out.append("")
    reasons = collections.Counter(short_reason(x[1]) for r in rows for x in r.get("failed", []))
    out.append("failed documents by reason:")
    for reason, n in reasons.most_common():
        out.append(f"  {n:4}  {reason}")
    flags = collections.Counter(f.split(":")[0] for r in rows for f in r["flags"])
    out.append("flags: " + (", ".join(f"{k} {v}" for k, v in flags.most_common()) or "none"))
    if result.get("redact"):
        out.append("")
        out.append("redaction sample (aktindsigt redact, one word of the text as the term):")
        for r in result["redact"]:
            out.append(f"  {r['document'][:50]:50} {r['term'][:20]:20} exit {r['exit']} {r['seconds']:>6.1f} s "
                       f"left {r.get('term_left', '-')} lost {r.get('other_words_lost', '-')}/"
                       f"{r.get('words_before', '-')}  {' '.join(r['output'])[:80]}")
    return "\n".join(out)


def _totals(result: dict) -> collections.Counter:
    t: collections.Counter = collections.Counter()
    for r in result["rows"]:
        t["files"] += 1
        t[r["outcome"]] += 1
        t["documents"] += r.get("documents", 0)
        t["failed documents"] += len(r.get("failed", []))
        t["ocr pages"] += r.get("ocr_pages", 0)
        t["flagged files"] += bool(r["flags"])
        for f in r["flags"]:
            t[f"flag {f.split(':')[0]}"] += 1
    t["crash"] = int(bool(result.get("error")))
    return t


def compare(before: dict, after: dict) -> str:
    """Totals side by side, failure reasons by count, and every file whose outcome changed."""
    out: list[str] = []
    tb, ta = _totals(before), _totals(after)
    out.append(f"{'':28} {'before':>8} {'after':>8}")
    for key in ["files", "ready", "failed", "duplicate", "missing", "documents", "failed documents", "ocr pages",
                "flagged files", "crash"] + sorted(k for k in set(tb) | set(ta) if k.startswith("flag ")):
        out.append(f"{key:28} {tb[key]:>8} {ta[key]:>8}")
    out.append(f"{'import seconds':28} {before['seconds']:>8.0f} {after['seconds']:>8.0f}")
    out.append(f"{'peak RSS of the tree, MB':28} {before['peak_tree_rss_mb']:>8} {after['peak_tree_rss_mb']:>8}")
    out.append("")
    out.append("failed documents by reason (before -> after):")
    rb = collections.Counter(short_reason(x[1]) for r in before["rows"] for x in r.get("failed", []))
    ra = collections.Counter(short_reason(x[1]) for r in after["rows"] for x in r.get("failed", []))
    for reason in sorted(set(rb) | set(ra), key=lambda k: -max(rb[k], ra[k])):
        out.append(f"  {rb[reason]:4} -> {ra[reason]:4}  {reason}")
    out.append("")
    out.append("files whose result changed:")
    rows_b = {r["file"]: r for r in before["rows"]}
    for r in after["rows"]:
        b = rows_b.get(r["file"])
        if b is None:
            continue

        def key(x: dict) -> tuple:
            return (x["outcome"], x.get("documents", 0), len(x.get("failed", [])), tuple(sorted(x["flags"])))

        if key(b) != key(r):
            def brief(x: dict) -> str:
                fails = "; ".join(short_reason(f[1]) for f in x.get("failed", [])[:2])
                return (f"{x['outcome']} {x.get('documents', 0)} docs {len(x.get('failed', []))} failed"
                        + (f" ({fails})" if fails else "") + (f" !! {' | '.join(x['flags'])[:120]}" if x["flags"] else ""))

            out.append(f"  {r['file'][:70]}\n      before: {brief(b)}\n      after:  {brief(r)}")
    return "\n".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    if len(sys.argv) > 1 and sys.argv[1] == "--compare":
        before, after = (json.loads(Path(p).read_text()) for p in sys.argv[2:4])
        print(compare(before, after))
        return
    ap.add_argument("folder", type=Path)
    ap.add_argument("--label", default="run")
    ap.add_argument("--timeout", type=float, default=300.0, help="seconds per file before it counts as a hang")
    ap.add_argument("--redact", type=int, default=0, help="redact a sample of this many imported PDFs")
    ap.add_argument("--out", type=Path, default=ROOT / "bench-results")
    args = ap.parse_args()
    result = run(args.folder.resolve(), args)
    if args.redact:
        result["redact"] = redact_sample(result["home"], result["case"], args.redact)
    text = report(result, args.label)
    print(text)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / f"import_corpus-{args.label}.json").write_text(json.dumps(result, indent=1, ensure_ascii=False))
    (args.out / f"import_corpus-{args.label}.txt").write_text(text + "\n")


if __name__ == "__main__":
    main()
