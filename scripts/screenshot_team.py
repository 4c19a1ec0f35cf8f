"""Screenshots of the team lead's desk at 1366×768, under Xvfb: the review queue in the overview, a comment
shown to the caseworker, the conflict message, the notice of an override of another user's decision, the
audit table, and the changes since a return.

    .venv/bin/python scripts/screenshot_team.py [--out screenshots/team]

Two users on one store (a caseworker, Anna Berg, and a team lead, Tove Hansen), with small generated cases.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
W, H = 1366, 768


def start_xvfb() -> subprocess.Popen | None:
    if not shutil.which("Xvfb"):
        print("Xvfb findes ikke; bruger offscreen-gengivelse i stedet.", file=sys.stderr)
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        return None
    display = f":{90 + os.getpid() % 9}"
    proc = subprocess.Popen(["Xvfb", display, "-screen", "0", f"{W}x{H}x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    os.environ["DISPLAY"] = display
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    return proc


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=str(ROOT / "screenshots" / "team"))
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    xvfb = start_xvfb()
    home = Path(tempfile.mkdtemp(prefix="aktindsigt-team-shots-"))
    os.environ["AKTINDSIGT_HOME"] = str(home)
    os.environ.pop("AKTINDSIGT_USER", None)
    try:
        from PySide6.QtCore import QThreadPool

        from aktindsigt.services import Services
        from aktindsigt.store.store import Store
        from aktindsigt.ui import ops
        from aktindsigt.ui.app import MainWindow, create_app
        from aktindsigt.ui.audit_table import AuditDialog
        from aktindsigt.ui.case_window import CaseWindow
        from aktindsigt.ui.team_desk import ChangesDialog
        from tests.services.conftest import clean_case

        app = create_app([])
        url = f"sqlite:///{home / 'aktindsigt.db'}"
        anna = Services(Store(url, home / "blobs"), user="Anna Berg", login="anna")
        tove = Services(Store(url, home / "blobs"), user="Tove Hansen", login="tove")
        tove.set_user_profile(role="teamleder")
        files = home / "files"
        files.mkdir()
        case = clean_case(anna, files)
        older = anna.create_case("Aktindsigt i personalesag", "Advokat Lise Holm", "fvl9",
                                 date.today() - timedelta(days=16), request_text="Alle dokumenter i personalesagen")
        third = anna.create_case("Aktindsigt i miljøtilsyn", "Borger Per Lund", "mol", date.today() - timedelta(days=3))
        anna.submit_for_review(older.id, "Sendt med åbne punkter: dokumenterne mangler stadig.", allow_problems=True)
        anna.submit_for_review(case.id, "Klar til godkendelse. Naboens navn og CPR-nummer er overstreget.")
        tove.return_case(older.id, "Vurdér § 21, stk. 3 for medarbejdernes navne.")
        anna.submit_for_review(older.id, "Rettet efter teamlederens kommentar.", allow_problems=True)
        anna.submit_for_review(third.id, "Kun ét dokument; se venligst hurtigt.", allow_problems=True)

        def settle(seconds: float = 1.0) -> None:
            end = time.monotonic() + seconds
            while time.monotonic() < end or ops.running():
                app.processEvents()
                time.sleep(0.02)

        def screen(name: str) -> None:
            settle(0.5)
            app.primaryScreen().grabWindow(0).save(str(out / name))

        def accept_and_shoot(name: str, box: str) -> None:
            """Press A on the selected suggestion, take the screenshot of the message box, close it."""
            win.panel.key_action("accept")
            settle(2.0)
            screen(name)
            for w in app.topLevelWidgets():
                if w.objectName() == box and w.isVisible():
                    w.close()
            settle(0.5)

        # 1. the team lead's overview with the review queue
        main = MainWindow(tove)
        main.resize(W, H - 30)
        main.move(0, 0)
        main.show()
        settle(2.0)
        screen("review-queue.png")
        main.close()

        # 2. the team lead comments on a decision; the caseworker sees it in her case window
        docs = anna.case_detail(case.id).documents
        decision = next(d for d in anna.decisions(case.id)
                        if anna.document_text(docs[0].id)[d.start:d.end] == "Mette Hansen")
        tove.add_comment(case.id, "Er Mette Hansen ikke en af kommunens medarbejdere? Så skal navnet ikke "
                                  "overstreges (§ 30 dækker ikke medarbejdere i deres arbejde).", decision_id=decision.id)
        tove.add_comment(case.id, "Husk at skrive, hvorfor der ikke gives meroffentlighed.")
        tove.return_case(case.id, "Se mine kommentarer til akt 1 og § 14.")
        win = CaseWindow(anna, case.id)
        win.resize(W, H - 30)
        win.move(0, 0)
        win.show()
        settle(2.0)
        win.docs.select_document(docs[0].id)
        settle(2.5)
        screen("comment-to-caseworker.png")

        # 3. a stale decision: Tove changes the suggestion while Anna has it on screen
        from aktindsigt.core.model import EntityType, Suggestion

        text = anna.document_text(docs[0].id)
        i = text.index("Skovvej 3")
        anna.review.add_suggestions(case.id, [Suggestion(case.id, docs[0].id, EntityType.ADDRESS, i, i + 9,
                                                         "Skovvej 3", 0.8, "address", "ofl30_1", False)], "Anna Berg")
        win.panel.refresh()
        settle(1.5)
        tree = win.panel.tree
        for r in range(tree.topLevelItemCount()):
            if "Skovvej" in tree.topLevelItem(r).text(0):
                tree.setCurrentItem(tree.topLevelItem(r))
        settle(0.5)
        [sid] = [s.id for s in anna.suggestions(case.id) if s.text == "Skovvej 3"]
        tove.reject([sid])
        accept_and_shoot("conflict.png", "errorBox")
        # 3b. the view now shows Tove's decision; Anna overrides it deliberately and is told whose it was
        accept_and_shoot("override-notice.png", "noticeBox")

        # 3c. the case's ESDH reference (the export addresses its GetOrganized/SBSYS files to it)
        win.esdh_ref_action.trigger()
        settle(1.0)
        win.esdh_dialog.edit.setText("AKT-2026-000123")
        settle(0.3)
        screen("esdh-reference.png")
        win.esdh_dialog.reject()
        settle(0.3)

        # 4. the audit trail as a searchable table
        dlg = AuditDialog.show_for(win, anna, case.id)
        dlg.resize(W - 60, H - 120)
        dlg.move(30, 40)
        settle(1.5)
        dlg.search.setText("Tove")
        settle(0.8)
        screen("audit-table.png")
        dlg.close()

        # 5. the changes since the return, as the team lead sees them
        anna.set_document_access(docs[1].id, "full")
        anna.set_meroffentlighed(case.id, "Meroffentlighed er overvejet; hensynet til naboen vejer tungere.")
        anna.submit_for_review(case.id, "Rettet.")
        changes = ChangesDialog(None, tove.changes_since_return(case.id))
        changes.resize(W - 100, 420)
        changes.move(50, 100)
        changes.show()
        settle(1.0)
        screen("changes-since-return.png")
        changes.close()
        win.close()
        settle(0.5)
        QThreadPool.globalInstance().waitForDone(5000)
        print("\n".join(str(p) for p in sorted(out.glob("*.png"))))
        anna.close()
        tove.close()
        return 0
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait(5)
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
