"""Verified redactions are kept and reused (#14): a file that was redacted and passed every check is not
redacted and verified again while nothing that went into it has changed.

The caseworker redacts the case to look at the result, the team lead approves it, and the export
redacts it once more; a change to one decision in a 1,000-page case redacts every document again.  Both
cost as much as the first run (true redaction, verification by eleven routes, OCR of changed regions).
This cache keeps, per released document, the output file and its verification report under a key that
covers every input of the redaction and of the verification:

* the SHA-256 of the document's PDF rendition (checked against the store before it is used);
* the boxes (page, rectangle, label, kind), the withheld pages with their citation, the options (case
  number, akt number, title, the strings known to be redacted, stamps and fills);
* every term the verification searches for (the case's withheld values in all their forms, open
  suggestions), the words that must survive, the text that must survive, whether OCR is required;
* the code that redacts and verifies (the SHA-256 of the ``aktindsigt.redact`` sources, or the version
  in a frozen build).

A change to any of them is a new key, so the document is redacted and verified again.  Only reports in
which every check really ran and passed are kept (no "OCR not run"); the stored file is checked against
its SHA-256 before it is used, so a file changed or cut short on disk (a crash while writing, a
hand edit) is never reused.  Entries are written to a temporary name and renamed, the folder is trimmed
to ``AKTINDSIGT_REDACTION_CACHE_MB`` (default 2,000 MB, ``0`` switches reuse off) by last use.  The
cache lives in the user's data folder, beside the originals the store already holds there; it holds only
released (redacted, verified) files.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import json
import logging
import os
import shutil
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

DEFAULT_LIMIT_MB = 2000


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """SHA-256 of the redaction and verification code (the package version when the sources are absent)."""
    import aktindsigt

    folder = Path(__file__).resolve().parent
    sources = sorted(folder.glob("*.py"))
    h = hashlib.sha256(f"aktindsigt {aktindsigt.__version__}\n".encode())
    for p in sources:
        with contextlib.suppress(OSError):
            h.update(p.name.encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_plain(v) for v in value]
        return sorted(items, key=json.dumps) if isinstance(value, (set, frozenset)) else items
    if isinstance(value, float):
        return round(value, 3)
    if hasattr(value, "x0") and hasattr(value, "y1"):  # a PyMuPDF Rect
        return [round(float(v), 3) for v in (value.x0, value.y0, value.x1, value.y1)]
    if isinstance(value, (str, int, bool)) or value is None:
        return value
    return str(value)


def redaction_key(**inputs: Any) -> str:
    """One key for every input of a redaction and its verification (see the module's docstring)."""
    payload = json.dumps({"code": code_fingerprint(), **{k: _plain(v) for k, v in inputs.items()}},
                         sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def fully_checked(report: dict[str, Any]) -> bool:
    """A report worth keeping: passed, and every check really ran and passed."""
    checks = report.get("checks") or []
    return bool(report.get("passed")) and bool(checks) and all(
        c.get("passed") and c.get("status") == "passed" for c in checks)


class RedactionCache:
    """``folder/<key>.pdf`` (the verified output) and ``folder/<key>.json`` (its report and SHA-256)."""

    def __init__(self, folder: Path | None, limit_mb: int = DEFAULT_LIMIT_MB) -> None:
        self.folder = folder if limit_mb > 0 else None
        self.limit = limit_mb * 1_000_000
        self.hits = 0
        self.misses = 0

    @classmethod
    def for_user(cls) -> RedactionCache:
        from aktindsigt.config import resolve_paths

        raw = os.environ.get("AKTINDSIGT_REDACTION_CACHE_MB", "").strip()
        try:
            limit = int(raw) if raw else DEFAULT_LIMIT_MB
        except ValueError:
            log.warning("AKTINDSIGT_REDACTION_CACHE_MB=%r is not a number; using %s", raw, DEFAULT_LIMIT_MB)
            limit = DEFAULT_LIMIT_MB
        return cls(resolve_paths().home / "cache" / "redactions", limit)

    def fetch(self, key: str, out_path: Path) -> dict[str, Any] | None:
        """Copy the kept output to ``out_path`` and return its entry (``report``, ``withheld_pages``,
        ``collateral_loss``), or None when there is none or it does not match its SHA-256."""
        if self.folder is None:
            return None
        meta_path, pdf_path = self.folder / f"{key}.json", self.folder / f"{key}.pdf"
        try:
            entry = json.loads(meta_path.read_text(encoding="utf-8"))
            if not isinstance(entry, dict) or not fully_checked(entry.get("report") or {}):
                raise ValueError("not a kept report")
            shutil.copyfile(pdf_path, out_path)
            if _sha256_file(out_path) != entry.get("sha256"):
                raise ValueError("the kept file does not match its SHA-256")
        except FileNotFoundError:
            self.misses += 1
            return None
        except (OSError, ValueError) as e:
            log.warning("kept redaction %s not used: %s", key[:12], e)
            out_path.unlink(missing_ok=True)
            for p in (meta_path, pdf_path):
                p.unlink(missing_ok=True)
            self.misses += 1
            return None
        os.utime(meta_path)  # last use, for trimming
        self.hits += 1
        return entry

    def keep(self, key: str, out_path: Path, report: dict[str, Any], withheld_pages: list[int],
             collateral_loss: int) -> None:
        """Keep a verified output (only when every check ran and passed)."""
        if self.folder is None or not fully_checked(report):
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            tmp_pdf = self.folder / f".{key}.pdf.tmp"
            shutil.copyfile(out_path, tmp_pdf)
            entry = {"sha256": _sha256_file(tmp_pdf), "report": report, "withheld_pages": list(withheld_pages),
                     "collateral_loss": collateral_loss}
            os.replace(tmp_pdf, self.folder / f"{key}.pdf")
            tmp_meta = self.folder / f".{key}.json.tmp"
            tmp_meta.write_text(json.dumps(entry, ensure_ascii=False), encoding="utf-8")
            os.replace(tmp_meta, self.folder / f"{key}.json")
        except OSError as e:  # a full disk only costs the reuse
            log.warning("redaction not kept for reuse: %s", e)

    def trim(self) -> None:
        """Drop the least recently used entries beyond the limit, and temporary files of a crash."""
        if self.folder is None or not self.folder.is_dir():
            return
        import time

        for tmp in self.folder.glob(".*.tmp"):
            with contextlib.suppress(OSError):
                if tmp.stat().st_mtime < time.time() - 3600:
                    tmp.unlink()
        entries = []
        total = 0
        for meta in self.folder.glob("*.json"):
            pdf = meta.with_suffix(".pdf")
            try:
                size = meta.stat().st_size + (pdf.stat().st_size if pdf.exists() else 0)
                entries.append((meta.stat().st_mtime, meta, pdf, size))
            except OSError:
                continue
            total += size
        for _mtime, meta, pdf, size in sorted(entries):
            if total <= self.limit:
                break
            meta.unlink(missing_ok=True)
            pdf.unlink(missing_ok=True)
            total -= size
