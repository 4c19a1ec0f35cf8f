"""Screenshots of the desktop app on the demo case, under a real X server (Xvfb), at 1366×768 and 1920×1080.

    .venv/bin/python scripts/screenshot.py [--out screenshots] [--sizes 1366x768,1920x1080]

Builds one data folder with the demo case, finds personal data (``Services.analyze_case``), decides a few
suggestions so that every kind of overlay shows and fills in a document's properties; then, for each screen
size, starts ``Xvfb`` with that screen and the app on a copy of the data folder, and saves PNGs named
``<size>-<view>.png``: the overview (and its Hjælp › Om), the case window, the document panel (several
documents selected), the search-and-remove dialog (Ctrl+F), the shortcut overview (F1), the checklist, the
preview of the decision letter and the statements dialog. Each window opens as the app opens it the first time on that
screen (no saved geometry).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from xvfb import start_xvfb, stop_xvfb  # noqa: E402

SIZES = ("1366x768", "1920x1080")


def build_home(home: Path) -> None:
    """The demo case, analysed, with a few decisions and one document's properties filled in."""
    from aktindsigt.core.model import SuggestionStatus
    from aktindsigt.services import Services

    services = Services.open()
    services.set_user_profile(name="Sara Sørensen", initials="SS", role="sagsbehandler")
    case = services.ensure_demo_case()
    assert case is not None and case.id is not None
    services.analyze_case(case.id)
    counts: dict[int, int] = {}
    for s in services.suggestions(case.id):
        counts[s.document_id] = counts.get(s.document_id, 0) + 1
    best = max(counts, key=lambda k: counts[k]) if counts else None
    if best is not None:
        pending = services.suggestions(case.id, best, status=SuggestionStatus.PENDING)
        with_ground = [s.id for s in pending if s.ground_id]
        if with_ground[:4]:
            services.accept(with_ground[:4])
        if len(with_ground) > 6:
            services.reject([with_ground[5]])
    docs = services.case_detail(case.id).documents
    services.set_document_properties(docs[0].id, esdh_doc_id="DOK-2026-0101", direction="ind")
    services.store.set_setting("screenshot:best", best, "screenshot")
    services.close()


def shoot(size: str, out: Path) -> int:
    """One screen size (run in its own process, under its own Xvfb)."""
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication

    from aktindsigt.services import Services
    from aktindsigt.ui import ops
    from aktindsigt.ui.app import MainWindow, create_app

    app = create_app([])
    services = Services.open()
    best = services.store.get_setting("screenshot:best")
    case = services.store.list_cases()[0]
    prefix = out / size

    def settle(seconds: float = 1.5) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end or ops.running():
            app.processEvents()
            time.sleep(0.02)

    def save(widget, name: str) -> None:
        widget.grab().save(f"{prefix}-{name}.png")

    def fill_screen(win) -> None:
        """Without a window manager a maximised window is not resized: do what one would do."""
        if win.isMaximized():
            win.setGeometry(win.screen().availableGeometry())

    win = MainWindow(services)
    win.show()
    fill_screen(win)
    settle()
    save(win, "overview")
    win.about_action.trigger()  # Hjælp › Om Aktindsigt
    settle(0.5)
    save(win.last_dialog, "about")
    win.last_dialog.close()

    cw = win.open_case(case.id)
    fill_screen(cw)
    settle(2.5)
    if best is not None:
        cw.docs.select_document(best)
        settle(2.5)
        tree = cw.panel.tree
        tree.setFocus()
        if tree.topLevelItemCount():
            tree.setCurrentItem(tree.topLevelItem(0))
            tree.topLevelItem(0).setExpanded(True)
            settle(0.8)
            if tree.topLevelItem(0).childCount():
                tree.setCurrentItem(tree.topLevelItem(0).child(0))
        settle(1.5)
    save(cw, "case")
    hidden = [a.text() for a in cw.toolbar.actions() if a.isVisible() and not cw.toolbar.widgetForAction(a).isVisible()]
    if hidden:
        print(f"{size}: toolbar items behind »: {hidden}", file=sys.stderr)

    # the document panel with several documents chosen
    cw.docs.clearSelection()
    for i in range(min(3, cw.docs.topLevelItemCount())):
        cw.docs.topLevelItem(i).setSelected(True)
    cw.show_properties()
    settle(1.0)
    save(cw, "document-panel")
    cw.docs.clearSelection()
    cw.docs.select_document(cw.docs.topLevelItem(0).data(0, 256).id)
    settle(1.0)
    save(cw, "document-panel-one")

    # the search-and-remove dialog (#10): Ctrl+F, a name of the demo case
    cw.find_action.trigger()
    dlg = getattr(cw, "_search_dialog", None)
    if dlg is not None:
        dlg.needle.setText("Anders")
        dlg.search()
        settle(2.5)
        save(dlg, "search-remove")
        dlg.close()
    else:
        print(f"{size}: Ctrl+F opened no search-and-remove dialog", file=sys.stderr)

    dlg = cw.show_shortcuts()
    settle(0.8)
    save(dlg, "shortcuts")
    dlg.close()

    cw.outputs.checklist()
    settle(2.0)
    if cw.outputs.checklist_dialog is not None:
        save(cw.outputs.checklist_dialog, "checklist")
        cw.outputs.checklist_dialog.close()

    cw.outputs.letter(draft=True)
    settle(3.0)
    preview = cw.outputs.last_dialog
    if preview is not None:
        save(preview, "output-preview")
        preview.close()
        settle(0.5)
    statements = cw.outputs.edit_statements()
    settle(1.0)
    save(statements, "statements")
    statements.close()
    settle(0.3)
    win.close()
    settle(0.5)
    QThreadPool.globalInstance().waitForDone(5000)
    services.close()
    QApplication.processEvents()
    return 0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=str(ROOT / "screenshots"))
    ap.add_argument("--sizes", default=",".join(SIZES))
    ap.add_argument("--one", help=argparse.SUPPRESS)  # a child process: one size
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if args.one:
        return shoot(args.one, out)
    base = Path(tempfile.mkdtemp(prefix="aktindsigt-shots-"))
    try:
        home = base / "home"
        os.environ["AKTINDSIGT_HOME"] = str(home)
        os.environ.pop("AKTINDSIGT_USER", None)
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        build_home(home)
        status = 0
        for size in (s.strip() for s in args.sizes.split(",") if s.strip()):
            copy = base / f"home-{size}"
            shutil.copytree(home, copy)
            env = dict(os.environ, AKTINDSIGT_HOME=str(copy))
            xvfb = start_xvfb(size)
            env.update({k: os.environ[k] for k in ("DISPLAY", "QT_QPA_PLATFORM") if k in os.environ})
            try:
                status |= subprocess.call([sys.executable, __file__, "--one", size, "--out", str(out)], env=env)
            finally:
                stop_xvfb(xvfb)
        print("\n".join(str(p) for p in sorted(out.glob("*.png"))))
        return status
    finally:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
