"""Screenshots of the desktop app on the demo case, under a real X server (Xvfb).

    .venv/bin/python scripts/screenshot.py [--out screenshots]

Starts ``Xvfb :99`` itself, uses a fresh data folder with the demo case, finds personal data
(``Services.analyze_case`` when present, otherwise the detection engine directly), accepts a few
suggestions so that both kinds of overlay show, and saves PNGs of the overview, the case window, the
preview of the decision letter and the statements dialog.
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


def start_xvfb(display: str = ":99") -> subprocess.Popen | None:
    if not shutil.which("Xvfb"):
        print("Xvfb findes ikke; bruger offscreen-gengivelse i stedet.", file=sys.stderr)
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        return None
    proc = subprocess.Popen(["Xvfb", display, "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    os.environ["DISPLAY"] = display
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    return proc


def add_suggestions(services, case_id: int) -> None:
    if hasattr(services, "analyze_case"):
        services.analyze_case(case_id)
        return
    # stand-in until Services.analyze_case exists: the detection engine, straight into the review store
    from aktindsigt.core.model import DocumentStatus, Suggestion
    from aktindsigt.detect.engine import DetectionEngine

    case = services.get_case(case_id)
    try:
        engine = DetectionEngine(regime=case.regime)
    except RuntimeError as e:  # no trained NER model in this checkout: the pattern recognizers still work
        import spacy

        print(f"{e} -- using a blank Danish pipeline (no names)", file=sys.stderr)
        engine = DetectionEngine(nlp=spacy.blank("da"), regime=case.regime)
    for doc in services.case_detail(case_id).documents:
        if doc.status is not DocumentStatus.READY:
            continue
        text = services.document_text(doc.id)
        found = [Suggestion(case_id, doc.id, d.entity_type, d.start, d.end, d.text, d.score, d.detector, d.ground_id,
                            d.preselected) for d in engine.analyze_text(text)]
        services.review.add_suggestions(case_id, found, services.user)


def demo_case(services, home: Path):
    try:
        case = services.ensure_demo_case()
    except Exception as e:  # noqa: BLE001 - the demo service is still moving; build it here instead
        print(f"ensure_demo_case failed ({e!r}); importing the generated demo files directly", file=sys.stderr)
        from aktindsigt.demo.generate import generate_demo_case

        demo = generate_demo_case(home / "demo-files")
        case = services.create_case(demo.title, demo.requester_name, demo.regime, demo.received,
                                    requester_type=demo.requester_type, kle_subject=demo.kle_subject,
                                    channel=demo.channel, request_text=demo.request_text,
                                    underlying_cases=demo.underlying_cases)
        services.import_paths(case.id, demo.paths)
    assert case is not None and case.id is not None
    return case


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=str(ROOT / "screenshots"))
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    xvfb = start_xvfb()
    home = Path(tempfile.mkdtemp(prefix="aktindsigt-shots-"))
    os.environ["AKTINDSIGT_HOME"] = str(home)
    os.environ.setdefault("AKTINDSIGT_USER", "sagsbehandler")
    try:
        from PySide6.QtCore import QThreadPool

        from aktindsigt.core.model import SuggestionStatus
        from aktindsigt.services import Services
        from aktindsigt.ui import ops
        from aktindsigt.ui.app import MainWindow, create_app

        app = create_app([])
        services = Services.open()
        case = demo_case(services, home)
        add_suggestions(services, case.id)
        # decide a few in the document shown, so that black boxes, outlines and faint rejected ones all show
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

        def settle(seconds: float = 1.5) -> None:
            end = time.monotonic() + seconds
            while time.monotonic() < end or ops.running():
                app.processEvents()
                time.sleep(0.02)

        win = MainWindow(services)
        win.resize(1400, 700)
        win.show()
        settle()
        win.grab().save(str(out / "overview.png"))

        cw = win.open_case(case.id)
        cw.resize(1700, 1000)
        settle(2.5)
        # the document with most suggestions; a group chosen in the panel (its occurrences outlined)
        if best is not None:
            cw.docs.select_document(best)
            settle(2.5)
            tree = cw.panel.tree
            tree.setFocus()
            if tree.topLevelItemCount() > 1:
                tree.setCurrentItem(tree.topLevelItem(1))
                tree.setCurrentItem(tree.topLevelItem(0))
                tree.topLevelItem(0).setExpanded(True)
            settle(1.0)
        cw.grab().save(str(out / "case.png"))
        cw.viewer.search_bar.start()
        cw.viewer.search_bar.edit.setText("kommune")
        settle(1.0)
        cw.grab().save(str(out / "case-search.png"))
        cw.viewer.search_bar.close_bar()
        cw.left_tabs.setCurrentIndex(1)
        cw.viewer.set_zoom("page")
        settle(2.0)
        cw.grab().save(str(out / "case-thumbnails.png"))
        # the output preview: the decision letter as a draft (the demo case still has open checklist points)
        cw.outputs.letter(draft=True)
        settle(3.0)
        preview = cw.outputs.last_dialog
        if preview is not None:
            preview.grab().save(str(out / "output-preview.png"))
            preview.close()
            settle(0.5)
        statements = cw.outputs.edit_statements()
        settle(1.0)
        statements.grab().save(str(out / "statements.png"))
        statements.close()
        settle(0.3)
        print("\n".join(str(p) for p in sorted(out.glob("*.png"))))
        win.close()
        settle(0.5)
        QThreadPool.globalInstance().waitForDone(5000)
        services.close()
        return 0
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait(5)
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
