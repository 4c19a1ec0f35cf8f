"""Rendering helpers: docxtpl templates to DOCX, DOCX to PDF via LibreOffice headless."""

from __future__ import annotations

import logging
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aktindsigt.outputs.texts import templates_dir

log = logging.getLogger(__name__)

PDF_TIMEOUT = 120.0
PDF_MISSING = ("PDF-filen kunne ikke dannes, fordi LibreOffice ikke er installeret eller ikke kunne køre ({why}). "
               "Word-filen er gemt; åbn den og gem som PDF, eller installér LibreOffice og prøv igen.")


@dataclass
class OutputFiles:
    """What a render produced. ``messages`` are plain Danish notes for the caseworker."""

    kind: str
    docx: Path | None = None
    pdf: Path | None = None
    xlsx: Path | None = None
    csv: Path | None = None
    messages: list[str] = field(default_factory=list)
    # a preview (rendered with ``record=False``): what ``Services.keep_output`` records when the files are kept
    pending: dict[str, Any] | None = None

    @property
    def files(self) -> list[Path]:
        return [p for p in (self.docx, self.pdf, self.xlsx, self.csv) if p is not None]


def _atomic_target(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=path.suffix, dir=path.parent)
    os.close(fd)
    return Path(tmp)


def render_docx(template: str, context: dict[str, Any], out_path: Path) -> Path:
    """Render ``resources/templates/<template>`` with ``context`` to ``out_path`` (written atomically)."""
    from docxtpl import DocxTemplate

    tpl = DocxTemplate(str(templates_dir() / template))
    tpl.render(context, autoescape=True)
    tmp = _atomic_target(out_path)
    try:
        tpl.save(str(tmp))
        os.replace(tmp, out_path)
    finally:
        tmp.unlink(missing_ok=True)
    return out_path


PDF_TMP_PREFIX = "aktindsigt-pdf-"


def docx_to_pdf(docx: Path, timeout: float = PDF_TIMEOUT) -> tuple[Path | None, str]:
    """Convert with LibreOffice headless in a private profile; ``(pdf, "")`` or ``(None, Danish message)``."""
    from aktindsigt.ingest.tools import ToolError, convert_to_pdf

    # named after this process: a later start removes it after a crash (services.cases.remove_stale_workdirs)
    with tempfile.TemporaryDirectory(prefix=f"{PDF_TMP_PREFIX}{os.getpid()}-") as tmp:
        try:
            produced = convert_to_pdf(docx, Path(tmp), timeout=timeout)
        except ToolError as e:
            log.warning("PDF rendering of %s failed: %s", docx, e)
            return None, PDF_MISSING.format(why=str(e)[:200])
        target = docx.with_suffix(".pdf")
        _move(produced, target)
    return target, ""


def _move(src: Path, dst: Path) -> None:
    tmp = _atomic_target(dst)
    try:
        tmp.write_bytes(src.read_bytes())
        os.replace(tmp, dst)
    finally:
        tmp.unlink(missing_ok=True)


def render_document(template: str, context: dict[str, Any], out_dir: Path, stem: str, kind: str,
                    pdf: bool = True) -> OutputFiles:
    out_dir.mkdir(parents=True, exist_ok=True)
    result = OutputFiles(kind=kind)
    result.docx = render_docx(template, context, out_dir / f"{stem}.docx")
    if pdf:
        result.pdf, message = docx_to_pdf(result.docx)
        if message:
            result.messages.append(message)
    return result


def docx_text(path: Path) -> str:
    """All paragraph text of a DOCX (body, tables, headers), for checks and tests."""
    from docx import Document

    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for t in doc.tables:
        for row in t.rows:
            for cell in row.cells:
                parts.extend(p.text for p in cell.paragraphs)
    for s in doc.sections:
        parts.extend(p.text for p in s.header.paragraphs)
        parts.extend(p.text for p in s.footer.paragraphs)
    return "\n".join(parts)
