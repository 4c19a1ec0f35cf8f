"""The one-folder build (``make package``) and what the installers rely on.

The PyInstaller build takes minutes and almost a gigabyte of disk, so it runs here only when
PyInstaller is installed (``make package`` installs it; the dev extras do not) and is skipped with
that reason otherwise; ``make package`` always runs the same smoke test on its build.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "packaging"))

import build  # noqa: E402  (packaging/build.py)


def test_icon_renders_to_png_and_ico(qapp):
    build.render_icons()
    ico = ROOT / "packaging" / "icons" / "aktindsigt.ico"
    assert ico.read_bytes()[:4] == b"\x00\x00\x01\x00"  # an ICO header
    from PIL import Image

    with Image.open(ROOT / "packaging" / "icons" / "build" / "aktindsigt-256.png") as im:
        assert im.size == (256, 256)
        assert im.getpixel((128, 128))[3] == 255  # the page is drawn, not transparent


def test_desktop_entry_and_installer_name_the_same_programs():
    desktop = (ROOT / "packaging" / "aktindsigt.desktop").read_text(encoding="utf-8")
    assert "Icon=aktindsigt" in desktop and "Exec=aktindsigt run" in desktop
    spec = (ROOT / "packaging" / "aktindsigt.spec").read_text(encoding="utf-8")
    iss = (ROOT / "packaging" / "windows" / "aktindsigt.iss").read_text(encoding="utf-8")
    programs = set(re.findall(r'name="([\w-]+)"', spec))
    assert {"aktindsigt", "aktindsigt-app"} <= programs
    assert set(re.findall(r"\{app\}\\([\w-]+)\.exe", iss)) <= programs
    assert "PrivilegesRequired=admin" in iss and "dan.traineddata" in iss and "soffice.exe" in iss


@pytest.mark.skipif(importlib.util.find_spec("PyInstaller") is None,
                    reason="PyInstaller is not installed: 'make package' installs it, builds and smoke-tests")
def test_frozen_build_starts_opens_the_demo_case_and_analyses(qapp, tmp_path):
    build.render_icons()
    build.build()
    assert build.smoke() == []


def test_child_processes_start_in_a_frozen_build_too(monkeypatch):
    """A frozen build has no ``python -m``: children run as ``<exe> --run-module MODULE``."""
    import subprocess

    from aktindsigt.config import module_command

    assert module_command("aktindsigt.ingest.worker") == [sys.executable, "-m", "aktindsigt.ingest.worker"]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    cmd = module_command("aktindsigt.ingest.worker")
    assert cmd == [sys.executable, "--run-module", "aktindsigt.ingest.worker"]
    # what the frozen executable does with it (here: python -m aktindsigt, the same entry point)
    res = subprocess.run([sys.executable, "-m", "aktindsigt", "--run-module", "platform", "--terse"],
                         capture_output=True, text=True, timeout=60, check=True)
    assert "Linux" in res.stdout or "Windows" in res.stdout or "macOS" in res.stdout
