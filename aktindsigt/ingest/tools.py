"""Adapters for the external tools ingestion uses: Tesseract (OCR) and LibreOffice (office → PDF).

Each tool has a ``*_status()`` telling whether it is available, what was found,
and in Danish what the caseworker loses without it. The adapter functions raise
``ToolError`` on failure; the format modules turn that into warnings or failed
documents.
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path


class ToolError(RuntimeError):
    pass


@dataclass(frozen=True)
class ToolStatus:
    name: str
    available: bool
    detail: str  # what was found (path, version) or why not
    consequence: str  # Danish: what the caseworker loses without the tool
    path: str | None = None
    languages: tuple[str, ...] = field(default=())


TESSERACT_CONSEQUENCE = "Uden Tesseract kan scannede sider ikke læses, søges i eller anonymiseres automatisk"
LIBREOFFICE_CONSEQUENCE = (
    "Uden LibreOffice vises Word-dokumenter som ren tekst uden det oprindelige layout"
)

_WIN_TESSERACT = [r"C:\Program Files\Tesseract-OCR\tesseract.exe", r"C:\Program Files (x86)\Tesseract-OCR\tesseract.exe"]
_WIN_SOFFICE = [r"C:\Program Files\LibreOffice\program\soffice.exe", r"C:\Program Files (x86)\LibreOffice\program\soffice.exe"]
_MAC_SOFFICE = ["/Applications/LibreOffice.app/Contents/MacOS/soffice"]


def _find(env: str, names: list[str], extra: list[str]) -> str | None:
    """Where a tool is, in this order: the environment variable, the user's own setting
    (``aktindsigt settings tools``), the Windows installer's registry value, PATH, the default folders."""
    from aktindsigt.config import installer_tool_path, tool_settings

    explicit = os.environ.get(env)
    if explicit:
        return explicit if Path(explicit).is_file() else None
    key = names[0]
    for configured in (tool_settings().get(key), installer_tool_path(key)):
        if configured and Path(configured).is_file():
            return configured
    for n in names:
        found = shutil.which(n)
        if found:
            return found
    for p in extra:
        if Path(p).is_file():
            return p
    return None


def _no_window() -> dict:
    """Keyword arguments for starting a tool: no console window on Windows; elsewhere, inside the
    import's worker process (``ingest.worker``), the tool gets back the address space the worker's
    own memory limit took away (Tesseract and LibreOffice reserve much more than they use)."""
    if sys.platform == "win32":  # pragma: no cover - Windows only
        return {"creationflags": 0x08000000}  # CREATE_NO_WINDOW
    if os.environ.get("AKTINDSIGT_WORKER_MEMORY"):
        return {"preexec_fn": _lift_memory_limit}
    return {}


def _lift_memory_limit() -> None:  # pragma: no cover - runs in the forked child
    import resource

    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (hard, hard))


@functools.lru_cache(maxsize=4)
def tesseract_status(language: str = "dan") -> ToolStatus:
    exe = _find("AKTINDSIGT_TESSERACT", ["tesseract"], _WIN_TESSERACT)
    if exe is None:
        return ToolStatus("Tesseract", False, "tesseract blev ikke fundet", TESSERACT_CONSEQUENCE)
    try:
        out = subprocess.run(
            [exe, "--list-langs"], capture_output=True, text=True, timeout=30, **_no_window()
        )
    except (OSError, subprocess.SubprocessError) as e:
        return ToolStatus("Tesseract", False, f"tesseract kunne ikke startes: {e}", TESSERACT_CONSEQUENCE, exe)
    text = out.stdout + out.stderr
    langs = tuple(
        line.strip() for line in text.splitlines()[1:] if line.strip() and " " not in line.strip()
    )
    if language not in langs:
        return ToolStatus(
            "Tesseract",
            False,
            f"tesseract fundet ({exe}), men sprogdata for '{language}' mangler",
            TESSERACT_CONSEQUENCE,
            exe,
            langs,
        )
    return ToolStatus("Tesseract", True, f"{exe} (sprog: {', '.join(langs)})", TESSERACT_CONSEQUENCE, exe, langs)


@functools.lru_cache(maxsize=1)
def libreoffice_status() -> ToolStatus:
    exe = _find("AKTINDSIGT_SOFFICE", ["soffice", "libreoffice"], _WIN_SOFFICE + _MAC_SOFFICE)
    if exe is None:
        return ToolStatus("LibreOffice", False, "soffice blev ikke fundet", LIBREOFFICE_CONSEQUENCE)
    return ToolStatus("LibreOffice", True, exe, LIBREOFFICE_CONSEQUENCE, exe)


def refresh_tool_status() -> None:
    """Forget the cached statuses (after the user installed a tool while the program runs)."""
    tesseract_status.cache_clear()
    libreoffice_status.cache_clear()


def tool_statuses() -> list[ToolStatus]:
    return [tesseract_status(), libreoffice_status()]


# --------------------------------------------------------------------------- OCR


@dataclass(frozen=True)
class OcrWord:
    text: str
    x0: float  # pixels of the input image
    y0: float
    x1: float
    y1: float
    conf: float
    line: tuple[int, int, int]  # (block, paragraph, line) as tesseract numbers them


def ocr_image(image: Path, language: str = "dan", dpi: int = 300, timeout: float = 180) -> list[list[OcrWord]]:
    """OCR one image file with the tesseract CLI; words grouped in lines, reading order."""
    status = tesseract_status(language)
    if not status.available or not status.path:
        raise ToolError(status.detail)
    cmd = [status.path, str(image), "stdout", "-l", language, "--dpi", str(dpi), "--psm", "3", "tsv"]
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    try:
        out = subprocess.run(cmd, capture_output=True, timeout=timeout, env=env, **_no_window())
    except subprocess.TimeoutExpired as e:
        raise ToolError(f"tesseract timed out after {timeout}s") from e
    except OSError as e:
        raise ToolError(f"tesseract could not run: {e}") from e
    if out.returncode != 0:
        raise ToolError(f"tesseract exit {out.returncode}: {out.stderr.decode('utf-8', 'replace')[:300]}")
    return parse_tsv(out.stdout.decode("utf-8", "replace"))


def parse_tsv(tsv: str) -> list[list[OcrWord]]:
    lines: dict[tuple[int, int, int], list[OcrWord]] = {}
    rows = tsv.splitlines()
    for row in rows[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5":
            continue
        text = cols[11].strip()
        if not text:
            continue
        try:
            left, top, width, height = (int(c) for c in cols[6:10])
            conf = float(cols[10])
            key = (int(cols[2]), int(cols[3]), int(cols[4]))
        except ValueError:
            continue
        for part in text.split():  # tesseract words never contain spaces, but be safe
            lines.setdefault(key, []).append(
                OcrWord(part, left, top, left + width, top + height, conf, key)
            )
    return list(lines.values())


# ------------------------------------------------------------------ LibreOffice


def convert_to_pdf(source: Path, outdir: Path, timeout: float = 180) -> Path:
    """Convert an office document to PDF with LibreOffice headless, in a private profile."""
    status = libreoffice_status()
    if not status.available or not status.path:
        raise ToolError(status.detail)
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="aktindsigt-lo-") as profile:
        # a private user profile: concurrent conversions do not clash on the lock
        profile_url = Path(profile).resolve().as_uri()
        cmd = [
            status.path,
            f"-env:UserInstallation={profile_url}",
            "--headless",
            "--invisible",
            "--nologo",
            "--norestore",
            "--nodefault",
            "--nolockcheck",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            str(source),
        ]
        try:
            proc = subprocess.Popen(
                cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=sys.platform != "win32",
                **_no_window(),
            )
        except OSError as e:
            raise ToolError(f"soffice could not run: {e}") from e
        try:
            _, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired as e:
            _kill_tree(proc)
            raise ToolError(f"soffice timed out after {timeout}s") from e
    target = outdir / (source.stem + ".pdf")
    if proc.returncode != 0 or not target.is_file() or target.stat().st_size == 0:
        raise ToolError(f"soffice exit {proc.returncode}: {err.decode('utf-8', 'replace')[:300]}")
    return target


def _kill_tree(proc: subprocess.Popen) -> None:
    try:
        if sys.platform != "win32":
            os.killpg(proc.pid, 9)
        else:  # pragma: no cover
            proc.kill()
    except OSError:
        pass
    with contextlib.suppress(subprocess.SubprocessError):
        proc.wait(timeout=10)
