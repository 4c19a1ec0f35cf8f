"""The demo case from the first start to an approved, exported case, in the desktop app alone (no CLI, no
checklist override), under a real X server at 1366×768; prints every step and the time it took.

    .venv/bin/python scripts/walkthrough.py [--size 1366x768] [--keep DIR]

Drives the real windows the way a caseworker would: keyboard shortcuts (QTest key presses) and menu actions,
the real dialogs filled in and confirmed (the functions that would open a modal dialog are replaced by ones
that build the same dialog, fill it and press its OK button; file dialogs answer with a folder). Heavy work
runs in worker processes as in the app. Writes ``bench-results/walkthrough.txt``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from xvfb import start_xvfb, stop_xvfb  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", default="1366x768")
    ap.add_argument("--keep", help="keep the data folder and the bundle here")
    args = ap.parse_args()
    base = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="aktindsigt-walk-"))
    base.mkdir(parents=True, exist_ok=True)
    os.environ["AKTINDSIGT_HOME"] = str(base / "home")
    os.environ.pop("AKTINDSIGT_USER", None)
    xvfb = start_xvfb(args.size)
    try:
        return Walk(base).run()
    finally:
        stop_xvfb(xvfb)
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)


class Walk:
    def __init__(self, base: Path) -> None:
        self.base = base
        self.steps: list[tuple[str, float, str]] = []

    # --- helpers ----------------------------------------------------------------------------------

    def settle(self, seconds: float = 0.3, wait_ops: bool = True) -> None:
        from aktindsigt.ui import ops

        end = time.monotonic() + seconds
        while time.monotonic() < end or (wait_ops and ops.running()):
            self.app.processEvents()
            time.sleep(0.01)

    def until(self, what, timeout: float = 600.0, step: str = "") -> None:
        end = time.monotonic() + timeout
        while not what():
            if time.monotonic() > end:
                raise TimeoutError(f"timed out: {step}")
            self.app.processEvents()
            time.sleep(0.02)

    def step(self, name: str, fn, note=lambda: "", wait_ops: bool = True) -> None:
        """One step and the time it took, until every background operation has ended (``wait_ops=False``: a
        step that ends while another job goes on, e.g. the profile saved while the demo case is built)."""
        t0 = time.perf_counter()
        fn()
        self.settle(0.2, wait_ops)
        took = time.perf_counter() - t0
        self.steps.append((name, took, str(note() or "")))
        print(f"{len(self.steps):2d}. {name:<62} {took:7.1f} s  {self.steps[-1][2]}", flush=True)

    def key(self, widget, key, mods=None) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        QTest.keyClick(widget, key, mods if mods is not None else Qt.KeyboardModifier.NoModifier)

    def type(self, widget, text: str) -> None:
        from PySide6.QtTest import QTest

        QTest.keyClicks(widget, text)

    # --- dialogs that would block: built, filled and confirmed --------------------------------------

    def install_answers(self) -> None:
        from aktindsigt.ui import dialogs, documents, outputs

        self.comments: list[str] = []

        def ask_comment(parent, title, intro, ok_text, text="", required=False, details=()):
            dlg = dialogs.CommentDialog(parent, title, intro, ok_text, text, required, details)
            reply = self.comments.pop(0)
            dlg.edit.setPlainText(reply)
            assert dlg.ok_button.isEnabled(), title
            dlg.ok_button.click()
            return dlg.comment()

        def ask_esdh_column(parent, docs):
            dlg = documents.EsdhColumnDialog(parent, docs)
            dlg.edit.setPlainText("\n".join(f"DOK-2026-{1000 + d.akt_nr}" for d in sorted(docs, key=lambda d: d.akt_nr)))
            assert dlg.ok_button.isEnabled(), dlg.status.text()
            ids = dlg.ids()
            dlg.ok_button.click()
            return ids

        dialogs.ask_comment = ask_comment
        documents.ask_esdh_column = ask_esdh_column
        outputs.ask_folder = lambda parent, title: self.base / "esdh"

    # --- the walk ---------------------------------------------------------------------------------

    def run(self) -> int:
        from PySide6.QtCore import Qt

        from aktindsigt.core.model import CaseStatus, EntityType
        from aktindsigt.services import Services
        from aktindsigt.ui import procpool
        from aktindsigt.ui.app import MainWindow, create_app

        t_start = time.perf_counter()
        self.app = create_app([])
        services = Services.open()
        procpool.enabled = True  # as in the app: heavy calls in worker processes
        self.install_answers()
        main = MainWindow(services)
        main.show()
        self.app.processEvents()
        shown = time.perf_counter() - t_start
        self.steps.append(("Start the app: the main window is shown", shown, ""))
        print(f" 1. {'Start the app: the main window is shown':<62} {shown:7.1f} s", flush=True)
        main.first_run()
        self.until(lambda: main.first_run_dialog is not None, 30, "first-run dialog")
        demo_started = time.perf_counter()

        def first_run() -> None:
            dlg = main.first_run_dialog
            dlg.name_edit.setFocus()
            self.type(dlg.name_edit, "Sara Sørensen")
            dlg.role_combo.setCurrentIndex(dlg.role_combo.findData("sagsbehandler"))
            self.key(dlg.name_edit, Qt.Key.Key_Return)
            self.until(lambda: not services.user_profile().needs_setup, 30, "profile saved")

        self.step("First-run dialog: name (initials proposed), role, Enter", first_run,
                  lambda: f"profile: {services.user_profile().name} ({services.user_profile().initials})",
                  wait_ops=False)  # the demo case is still being built: the next step waits for it
        self.step("Demo case built in the background (status-bar progress)",
                  lambda: self.until(lambda: main.demo_handle is not None and main.demo_handle.finished_ok, 900,
                                     "demo case"),
                  lambda: f"{time.perf_counter() - demo_started:.0f} s after the start")
        case = services.store.list_cases()[0]
        assert case.caseworker == "Sara Sørensen", case.caseworker

        def open_case() -> None:
            main.overview.table.setFocus()
            main.overview.select_case(case.id)
            self.key(main.overview.table, Qt.Key.Key_Return)
            self.until(lambda: case.id in main.case_windows and main.case_windows[case.id].detail is not None, 60)
            cw = main.case_windows[case.id]
            self.until(lambda: bool(cw.viewer.canvas.pages), 60, "first page")

        self.step("Open the case (Enter in the overview); first document shown", open_case)
        cw = main.case_windows[case.id]
        cw.activateWindow()

        def analyse() -> None:
            self.key(cw, Qt.Key.Key_F5, Qt.KeyboardModifier.ControlModifier)
            self.until(lambda: sum(len(g.suggestions) for g in cw.panel.all_groups) > 0, 900, "analysis")

        self.step("Find personoplysninger (Ctrl+F5)", analyse,
                  lambda: f"{sum(len(g.suggestions) for g in cw.panel.all_groups)} suggestions, "
                          f"{len(cw.panel.all_groups)} groups")

        def bulk_round() -> None:
            types = sorted({g.entity_type for g in cw.panel.all_groups if g.pending}, key=list(EntityType).index)
            for t in types:
                release = t in (EntityType.CVR, EntityType.URL, EntityType.ORGANIZATION, EntityType.LOCATION)
                menu = cw.reject_type_menu if release else cw.accept_type_menu
                cw._fill_type_menu(menu, not release)
                action = next(a for a in menu.actions() if a.text().startswith(t.label + " ("))
                action.trigger()
                self.settle(0.3)

        def bulk() -> None:
            # A decision on a name makes its related forms elsewhere (the name in an e-mail address, a lone
            # surname) open suggestions with the same ground: the caseworker decides those in a second round.
            self.bulk_rounds = 0
            for _round in range(3):
                bulk_round()
                self.bulk_rounds += 1
                self.settle(1.0)  # every decision and the list's reload done: what is still open is open
                if not sum(g.pending for g in cw.panel.all_groups):
                    break
            try:
                self.until(lambda: not sum(g.pending for g in cw.panel.all_groups), 60, "bulk")
            except TimeoutError:
                left = [(g.entity_type.label, g.text, g.pending) for g in cw.panel.all_groups if g.pending]
                from aktindsigt.ui import ops

                raise TimeoutError(f"still pending after the bulk steps: {left[:10]}; messages: "
                                   f"{ops.last_messages[-3:]}") from None

        self.step("Forslag › Overstreg alle af typen … (one step per type)", bulk,
                  lambda: f"{len(cw.undo_stack)} undoable steps in {self.bulk_rounds} rounds")

        def review_keys() -> None:  # spot checks with the keyboard: release one occurrence and redact it again
            from aktindsigt.core.model import SuggestionStatus

            def status(sid: int) -> SuggestionStatus:
                return next(s.status for s in services.suggestions(case.id) if s.id == sid)

            tree = cw.panel.tree
            tree.setFocus()
            tree.setCurrentItem(tree.topLevelItem(0))
            self.key(tree, Qt.Key.Key_Return)  # open the group
            self.key(tree, Qt.Key.Key_J)  # its first occurrence
            _group, [occurrence] = cw.panel.current_suggestions()
            assert status(occurrence.id) is SuggestionStatus.ACCEPTED, occurrence
            cw.viewer.canvas.setFocus(Qt.FocusReason.MouseFocusReason)  # into the document, as with a click
            assert self.app.focusWidget() is cw.viewer.canvas, self.app.focusWidget()
            self.key(cw.viewer.canvas, Qt.Key.Key_R)  # from the document: the keys work anywhere in the window
            self.settle(0.5)
            self.until(lambda: status(occurrence.id) is SuggestionStatus.REJECTED, 30, "R released it")
            self.key(cw.viewer.canvas, Qt.Key.Key_K)  # R moved on to the next occurrence: back to the one released
            self.key(cw.viewer.canvas, Qt.Key.Key_Space)  # and redact it again
            self.settle(0.5)
            self.until(lambda: status(occurrence.id) is SuggestionStatus.ACCEPTED, 30, "Space redacted it again")
            self.review_note = f"{occurrence.text!r}: released with R, redacted again with Space"

        self.step("Keyboard: Enter, J, R, K, Space on an occurrence", review_keys, lambda: self.review_note)

        def checklist() -> None:
            self.key(cw, Qt.Key.Key_F9)
            self.until(lambda: cw.outputs.checklist_dialog is not None and cw.outputs.checklist_dialog.isVisible(),
                       120, "checklist")

        self.step("Tjekliste (F9)", checklist, lambda: f"{cw.outputs.checklist_dialog.list.count()} points")
        dlg = cw.outputs.checklist_dialog

        def esdh() -> None:
            cw.esdh_column_action.trigger()  # Dokument › ESDH dok-ID'er fra en kolonne …
            self.settle(0.3)
            self.until(lambda: all(d.esdh_doc_id for d in cw.docs.all_documents()), 60, "esdh ids")
            self.until(lambda: not any("journalreference" in dlg.list.item(i).text() for i in range(dlg.list.count())),
                       60, "checklist after esdh")

        self.step("ESDH dok-ID'er fra en kolonne … (25 ids pasted)", esdh,
                  lambda: f"{dlg.list.count()} points left")

        def titles() -> None:
            n = 0
            while True:
                items = [dlg.list.item(i) for i in range(dlg.list.count())]
                leak = next((it for it in items if "offentlige titel" in it.text()), None)
                if leak is None:
                    return
                problem, text = leak.data(Qt.ItemDataRole.UserRole), leak.text()
                dlg.list.setCurrentItem(leak)
                self.key(dlg.list, Qt.Key.Key_Return)  # to the field
                self.until(lambda p=problem: cw.focusWidget() is cw.doc_panel.public_title
                           and cw.doc_panel.ids == [p.document_id], 20, "public title field")
                field = cw.doc_panel.public_title
                field.selectAll()
                self.type(field, f"Dokument i sagen om merudgifter (akt {problem.akt_nr})")
                self.key(field, Qt.Key.Key_Return)
                self.settle(0.3)
                self.until(lambda t=text: t not in [dlg.list.item(i).text() for i in range(dlg.list.count())],
                           60, "point gone")
                n += 1
                self.titles_fixed = n

        self.titles_fixed = 0
        self.step("Each leaking public title: Enter on the point, type, Enter", titles,
                  lambda: f"{self.titles_fixed} titles reworded; {dlg.list.count()} points left")

        def statements() -> None:
            from PySide6.QtWidgets import QComboBox

            texts = {"statements.meroffentlighed": "Meroffentlighed er overvejet. Hensynet til de private personer, "
                                                   "som oplysningerne handler om, vejer tungere end hensynet til "
                                                   "åbenhed.",
                     "statements.extraction": "Der er ikke undtaget hele dokumenter, så der er intet at ekstrahere.",
                     "case.scope": "Anmodningen er forstået som alle dokumenter i sagen om merudgifter fra "
                                   "ansøgningen til afgørelsen.",
                     "statements.matter_area": "social"}  # the underlying case: merudgifter (serviceloven)
            done = []
            while True:
                items = [dlg.list.item(i) for i in range(dlg.list.count())]
                point = next((it for it in items if it.data(Qt.ItemDataRole.UserRole).field in texts), None)
                if point is None:
                    break
                field = point.data(Qt.ItemDataRole.UserRole).field
                assert field not in done, f"the point {field} came back after it was fixed"
                dlg.list.setCurrentItem(point)
                self.key(dlg.list, Qt.Key.Key_Return)
                st = cw.outputs.last_dialog
                self.until(lambda st=st: st.loaded, 30, "statements")
                edit = st.focusWidget()
                assert edit is not None and edit.objectName() in (field.split(".")[-1], "matterArea"), (field, edit)
                if isinstance(edit, QComboBox):
                    edit.setCurrentIndex(edit.findData(texts[field]))
                else:
                    self.type(edit, texts[field])
                st.ok_button.click()
                self.settle(0.3)
                self.until(lambda f=field: f not in [dlg.list.item(i).data(Qt.ItemDataRole.UserRole).field
                                                     for i in range(dlg.list.count())], 60, f"point {field} gone")
                done.append(field)
            left = [dlg.list.item(i).text() for i in range(dlg.list.count())]
            assert not left, f"checklist points the walkthrough does not fix: {left}"
            self.statement_fields = done

        self.step("Statement points (scope, § 14, §§ 28-29, area): fill, Gem", statements,
                  lambda: f"{len(self.statement_fields)} points; {dlg.intro.text()[:40]}")
        dlg.close()

        def submit() -> None:
            self.comments.append("Klar til godkendelse.")
            cw.submit_action.trigger()
            self.until(lambda: services.get_case(case.id).status is CaseStatus.IN_REVIEW, 60, "submitted")

        self.step("Send til godkendelse (banner button) with a comment", submit)

        def switch_user() -> None:
            from aktindsigt.ui.settings import SettingsDialog

            sd = SettingsDialog(services, main)
            sd.show()
            self.until(lambda: sd.profile is not None, 20, "settings")
            sd.name_edit.setText("Tove Teamleder")
            sd.initials_edit.setText("TT")
            sd.role_combo.setCurrentIndex(sd.role_combo.findData("teamleder"))
            sd.save()
            self.until(lambda: services.user == "Tove Teamleder", 20, "profile")
            self.until(lambda: cw.approve_action.isEnabled(), 20, "approve enabled")

        self.step("The team lead at the same desk: Indstillinger (name, role)", switch_user)

        def approve() -> None:
            self.comments.append("Gennemgået; fint.")
            cw.approve_action.trigger()
            self.until(lambda: services.get_case(case.id).status is CaseStatus.APPROVED, 120, "approved")

        self.step("Godkend (no checklist override, not one's own case)", approve,
                  lambda: services.review_state(case.id).summary()[:60])

        def export_notes() -> str:  # the result dialog lists the manifest's messages first
            result = cw.outputs.last_dialog
            rows = [result.list.item(i).text() for i in range(result.list.count())]
            notes = [r for r in rows if r.startswith("Bemærk")]
            return f"{len(notes)} notes shown, {len(rows) - len(notes)} files listed"

        self.export_notes = export_notes

        def export() -> None:
            cw.outputs.by_name["export_bundle"].trigger()
            self.until(lambda: services.get_case(case.id).status is CaseStatus.SENT, 900, "exported")
            self.settle(0.5)

        self.step("Udlevering › Eksportér pakke til ESDH …", export,
                  lambda: f"status {services.get_case(case.id).status.label}; "
                          f"{next((self.base / 'esdh').glob('AKT_*')).name}; {self.export_notes()}")

        def journalise() -> None:
            cw.journalise_action.trigger()
            self.until(lambda: services.get_case(case.id).status is CaseStatus.CLOSED, 60, "journalised")

        self.step("Sæt til journaliseret", journalise)
        export_state = services.store.get_setting(f"case:{case.id}:export")
        assert not export_state.get("export_override") and not export_state.get("override_reason")
        total = time.perf_counter() - t_start
        lines = [f"{i + 1:2d}. {name:<62} {took:7.1f} s  {note}" for i, (name, took, note) in enumerate(self.steps)]
        lines.append(f"    {'total (wall clock, including the waits for the machine)':<62} {total:7.1f} s")
        report = "\n".join(lines)
        print(report)
        out = ROOT / "bench-results"
        out.mkdir(exist_ok=True)
        (out / "walkthrough.txt").write_text(report + "\n", encoding="utf-8")
        cw.close()
        main.close()
        self.settle(0.5)
        procpool.shutdown(kill=True)
        services.close()
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
