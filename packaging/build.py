"""Builds the one-folder app with PyInstaller and smoke-tests it (``make package``).

    .venv/bin/python packaging/build.py [--no-smoke]

1. renders the icon (packaging/icons/aktindsigt.svg) to PNG and Windows ICO with Qt;
2. runs PyInstaller on packaging/aktindsigt.spec -> dist/aktindsigt/ (``aktindsigt`` for the
   command line, ``aktindsigt-app`` for the desktop app without a console window on Windows);
3. runs the smoke test on the frozen build (see ``smoke``): ``--version``, then the demo case opened in
   the desktop app offscreen and one document analysed, exit code 0.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "packaging" / "icons"
DIST = ROOT / "dist" / "aktindsigt"


def render_icons() -> None:
    """PNG (Linux desktop entry, window icon) and ICO (Windows) from the SVG, with Qt (no new tool)."""
    if not os.environ.get("QT_QPA_PLATFORM"):  # `make` exports it empty
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer
    from PySide6.QtWidgets import QApplication

    # Qt needs an application object for painting; a QApplication (not a QGuiApplication), so that
    # widgets can still be made in the same process afterwards (the test suite)
    app = QGuiApplication.instance() or QApplication([])  # noqa: F841
    renderer = QSvgRenderer(str(ICONS / "aktindsigt.svg"))
    out = ICONS / "build"
    out.mkdir(exist_ok=True)
    pngs = []
    for size in (16, 32, 48, 64, 128, 256):
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        path = out / f"aktindsigt-{size}.png"
        image.save(str(path))
        pngs.append(path)
    from PIL import Image

    Image.open(pngs[-1]).save(ICONS / "aktindsigt.ico", sizes=[(s, s) for s in (16, 32, 48, 64, 128, 256)])


def build() -> float:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                    "--distpath", str(ROOT / "dist"), "--workpath", str(ROOT / "build" / "pyinstaller"),
                    str(ROOT / "packaging" / "aktindsigt.spec")], check=True, cwd=ROOT)
    return time.perf_counter() - t0


def executable(name: str = "aktindsigt") -> Path:
    return DIST / (f"{name}.exe" if sys.platform == "win32" else name)


def smoke(dist: Path = DIST) -> list[str]:
    """Run the frozen app headless; returns the problems (empty when it works)."""
    problems: list[str] = []
    exe = dist / ("aktindsigt.exe" if sys.platform == "win32" else "aktindsigt")
    with tempfile.TemporaryDirectory(prefix="aktindsigt-smoke-") as home:
        env = {**os.environ, "AKTINDSIGT_HOME": home, "QT_QPA_PLATFORM": "offscreen"}
        env.pop("AKTINDSIGT_DB_URL", None)
        env.pop("PYTHONPATH", None)
        res = subprocess.run([str(exe), "--version"], capture_output=True, text=True, env=env, timeout=120)
        if res.returncode != 0 or "aktindsigt" not in res.stdout:
            problems.append(f"--version: exit {res.returncode}: {res.stdout}{res.stderr}")
        res = subprocess.run([str(exe), "selftest"], capture_output=True, text=True, env=env, timeout=900)
        if res.returncode != 0:
            problems.append(f"selftest: exit {res.returncode}: {res.stdout[-3000:]}{res.stderr[-3000:]}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-smoke", action="store_true", help="build only")
    args = parser.parse_args()
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        print("PyInstaller is not installed: .venv/bin/pip install pyinstaller", file=sys.stderr)
        return 2
    render_icons()
    seconds = build()
    size = sum(p.stat().st_size for p in DIST.rglob("*") if p.is_file())
    print(f"built {DIST} in {seconds:.0f} s ({size / 1e6:.0f} MB)")
    if args.no_smoke:
        return 0
    problems = smoke()
    for p in problems:
        print(f"SMOKE TEST FAILED: {p}", file=sys.stderr)
    if not problems:
        print("smoke test passed: --version, demo case opened offscreen, one document analysed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
