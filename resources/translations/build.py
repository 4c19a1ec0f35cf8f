"""Extract the UI strings, fill the English translations and compile the .qm file; copy Qt's own Danish
translation (qtbase_da.qm: standard buttons, the context menus of text fields, key names) from PySide6.

    .venv/bin/python resources/translations/build.py

Strings without an English entry stay "unfinished" (the app then shows the Danish source text)
and are listed, so a missing translation is visible rather than silent. ``qtbase_da.qm`` is kept here so
that a packaged app has it whatever Qt build it bundles (``ui.app.install_qt_translation`` falls back to
the Qt installation's own folder).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))

from en_strings import EN  # noqa: E402


def main() -> int:
    bindir = Path(sys.executable).parent
    ts = HERE / "aktindsigt_en.ts"
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "aktindsigt" / "ui").glob("*.py"))
    subprocess.run([str(bindir / "pyside6-lupdate"), *sources, "-no-obsolete", "-ts", str(ts.relative_to(ROOT))],
                   cwd=ROOT, check=True)
    tree = ET.parse(ts)
    missing = []
    for msg in tree.iter("message"):
        src = msg.find("source").text or ""
        tr = msg.find("translation")
        if src in EN:
            tr.text = EN[src]
            tr.attrib.pop("type", None)
        else:
            missing.append(src)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    subprocess.run([str(bindir / "pyside6-lrelease"), str(ts), "-qm", str(HERE / "aktindsigt_en.qm")], check=True)
    from PySide6.QtCore import QLibraryInfo

    qt = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)) / "qtbase_da.qm"
    if qt.is_file():
        shutil.copyfile(qt, HERE / "qtbase_da.qm")
    else:
        print(f"Qt's Danish translation was not found at {qt}", file=sys.stderr)
    for m in sorted(set(missing)):
        print(f"no English translation: {m!r}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
