"""Tesseract adapter (Danish): words with boxes in page coordinates.

Degrades with a clear message when Tesseract or its Danish data is missing.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
from dataclasses import dataclass

from aktindsigt.pdflib import pymupdf

DEFAULT_LANG = "dan"


class OcrUnavailable(RuntimeError):
    pass


@dataclass(frozen=True, slots=True)
class OcrWord:
    text: str
    rect: pymupdf.Rect  # unrotated page coordinates (as PyMuPDF text extraction)
    line: tuple
    conf: float


@functools.lru_cache(maxsize=4)
def tesseract_status(lang: str = DEFAULT_LANG) -> tuple[bool, str]:
    """(available, message)."""
    exe = shutil.which("tesseract")
    if not exe:
        return False, "Tesseract er ikke installeret (programmet 'tesseract' findes ikke)."
    try:
        out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError) as exc:
        return False, f"Tesseract kan ikke køres: {exc}"
    langs = {ln.strip() for ln in (out.stdout + out.stderr).splitlines()}
    if lang not in langs:
        return False, f"Tesseract mangler sprogdata '{lang}' (pakken tesseract-ocr-{lang})."
    return True, f"tesseract ({exe}), sprog {lang}"


# Page segmentation modes tried: 3 (automatic layout) and 11 (sparse text).  Mode 3
# alone misses words next to a black box or in odd layouts; a leak check wants both.
DEFAULT_PSMS = (3, 11)


def ocr_page(
    page: pymupdf.Page,
    dpi: int = 300,
    lang: str = DEFAULT_LANG,
    timeout: float = 600,
    psms: tuple[int, ...] = DEFAULT_PSMS,
) -> list[OcrWord]:
    """Words read by Tesseract, one run per page segmentation mode (lines keyed per run)."""
    ok, msg = tesseract_status(lang)
    if not ok:
        raise OcrUnavailable(msg)
    pix = page.get_pixmap(dpi=dpi, alpha=False)
    png = pix.tobytes("png")
    words: list[OcrWord] = []
    for psm in psms:
        words += _run(page, png, dpi, lang, psm, timeout)
    return words


def _run(page: pymupdf.Page, png: bytes, dpi: int, lang: str, psm: int, timeout: float) -> list[OcrWord]:
    proc = subprocess.run(
        ["tesseract", "stdin", "stdout", "-l", lang, "--psm", str(psm), "tsv"],
        input=png,
        capture_output=True,
        timeout=timeout,
        check=False,
        # one thread per run: on shared cores OpenMP threads only fight each other
        env={**os.environ, "OMP_THREAD_LIMIT": os.environ.get("OMP_THREAD_LIMIT", "1")},
    )
    if proc.returncode != 0:
        raise RuntimeError(f"tesseract fejlede: {proc.stderr.decode('utf-8', 'replace')[:300]}")
    scale = 72.0 / dpi
    words: list[OcrWord] = []
    lines = proc.stdout.decode("utf-8", "replace").splitlines()
    for row in lines[1:]:
        parts = row.split("\t")
        if len(parts) < 12 or parts[0] != "5":
            continue
        text = parts[11].strip()
        if not text:
            continue
        left, top, width, height = (int(parts[i]) for i in (6, 7, 8, 9))
        vis = pymupdf.Rect(left * scale, top * scale, (left + width) * scale, (top + height) * scale)
        rect = vis * page.derotation_matrix
        rect.normalize()
        words.append(OcrWord(text, rect, (psm, parts[2], parts[3], parts[4]), float(parts[10] or -1)))
    return words


def ocr_text(page: pymupdf.Page, dpi: int = 300, lang: str = DEFAULT_LANG) -> str:
    """The OCR text of ``page``, lines separated by newlines."""
    out: list[str] = []
    last = None
    for w in ocr_page(page, dpi=dpi, lang=lang):
        if last is not None and w.line != last:
            out.append("\n")
        elif last is not None:
            out.append(" ")
        out.append(w.text)
        last = w.line
    return "".join(out)
