"""The "Udlevering" menu through the real case window: letters previewed and then kept, the statements and
municipality dialogs, the checklist's links to where a problem is fixed, and the team lead's written
override at export. Assertions are on the store.

Dialogs that would open a nested event loop (the folder chooser, the fristbrev/klage questions, the
override comment) are answered through the module functions the window calls.
"""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from aktindsigt.core.model import CaseStatus
from aktindsigt.services import Services
from aktindsigt.ui import dialogs, ops, outputs
from aktindsigt.ui.app import MainWindow
from aktindsigt.ui.case_window import CaseWindow
from tests.services.conftest import clean_case


@pytest.fixture
def lead(store):
    svc = Services(store, user="Tove Teamleder")
    svc.set_user_profile(role="teamleder")
    return svc


def _window(qtbot, svc, case_id, wait_ops) -> CaseWindow:
    win = CaseWindow(svc, case_id)
    qtbot.addWidget(win)
    win.show()
    wait_ops()
    return win


def _menu_texts(win: CaseWindow) -> list[str]:
    menu = next(a.menu() for a in win.menuBar().actions() if a.text() == "&Udlevering")
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def _preview(win, wait_ops) -> outputs.PreviewDialog:
    wait_ops(120000)
    dlg = win.outputs.last_dialog
    assert isinstance(dlg, outputs.PreviewDialog), ops.last_messages
    return dlg


def test_letters_are_previewed_and_recorded_only_when_saved(qtbot, services, tmp_path, wait_ops, monkeypatch):
    services.today_override = date(2026, 11, 6)  # the request came on 2 November: a fristbrev is still possible
    case = clean_case(services, tmp_path)
    win = _window(qtbot, services, case.id, wait_ops)
    assert {"Dan &kvittering …", "Dan &fristbrev …", "&Videresend klage …", "Afgørelsens &tekster …",
            "Kommune&profil …"} <= set(_menu_texts(win))
    monkeypatch.setattr(outputs, "ask_folder", lambda *a, **k: tmp_path / "ud")

    # kvittering: the preview shows the letter; closing it keeps nothing
    win.outputs.by_name["render_kvittering"].trigger()
    dlg = _preview(win, wait_ops)
    assert dlg.windowTitle() == "Kvittering — forhåndsvisning"
    assert dlg.page_labels or "Kvittering for din anmodning" in dlg.text.toPlainText()
    scratch = dlg.scratch
    assert scratch.exists() and services.output_history(case.id) == []
    qtbot.mouseClick(dlg.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not scratch.exists())
    assert services.output_history(case.id) == []

    # fristbrev: asked for the expected date and the reason; kept with "Gem …"
    expected = date(2026, 11, 25)
    asked = []
    monkeypatch.setattr(outputs, "ask_fristbrev",
                        lambda parent, default: asked.append(default) or (expected, "vi skal høre en tredjepart"))
    win.outputs.by_name["render_fristbrev"].trigger()
    dlg = _preview(win, wait_ops)
    assert asked and asked[0] > date.today()
    assert services.store.get_setting(f"case:{case.id}:fristbrev") is None
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    wait_ops(60000)
    fb = services.store.get_setting(f"case:{case.id}:fristbrev")
    assert fb["expected"] == expected.isoformat() and fb["reason"] == "vi skal høre en tredjepart"
    [event] = services.output_history(case.id)
    assert event["kind"] == "fristbrev"
    assert all((tmp_path / "ud" / f["name"]).exists() for f in event["files"])
    assert (tmp_path / "ud" / "00_Fristbrev.docx").exists()
    assert isinstance(win.outputs.last_dialog, outputs.ListDialog)  # the files written are listed

    # klage: forwarded to the complaint body of the case's area, once the decision is made
    services.render_letter(case.id, tmp_path / "afgørelse", pdf=False)
    monkeypatch.setattr(outputs, "ask_klage", lambda parent: (date.today(), "Ingen nye oplysninger."))
    win.outputs.by_name["render_klage_videresendelse"].trigger()
    dlg = _preview(win, wait_ops)
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    wait_ops(60000)
    assert [e["kind"] for e in services.output_history(case.id)] == ["fristbrev", "letter", "klage"]
    assert (tmp_path / "ud" / "04_Klage_videresendelse.docx").exists()
    win.viewer.shutdown()


def test_fristbrev_dialog_values(qtbot):
    dlg = outputs.FristbrevDialog(None, date.today() + timedelta(days=10))
    qtbot.addWidget(dlg)
    # a date in the past cannot be chosen
    dlg.expected.setDate(dlg.expected.date().addDays(-400))
    assert dlg.values()[0] > date.today()
    qtbot.keyClicks(dlg.reason, "vi venter på en udtalelse")
    assert dlg.values()[1] == "vi venter på en udtalelse"


def test_statements_dialog_saves_and_the_checklist_leads_to_it(qtbot, services, tmp_path, wait_ops):
    case = clean_case(services, tmp_path)
    services.set_extraction(case.id, "")
    services.set_municipality(name="")
    win = _window(qtbot, services, case.id, wait_ops)
    win.outputs.checklist()
    wait_ops()
    checklist = win.outputs.last_dialog
    fields = [checklist.list.item(i).data(Qt.ItemDataRole.UserRole).field for i in range(checklist.list.count())]
    assert "statements.extraction" in fields and "municipality.name" in fields

    # double-click the extraction problem: the statements dialog opens on that field
    item = checklist.list.item(fields.index("statements.extraction"))
    checklist.list.itemActivated.emit(item)
    wait_ops()
    dlg = win.outputs.last_dialog
    assert isinstance(dlg, outputs.StatementsDialog) and dlg.loaded
    assert dlg.focusWidget() is dlg.extraction
    assert dlg.scope.toPlainText() == "Alle dokumenter i byggesagen."
    qtbot.keyClicks(dlg.extraction, "Intet er undtaget efter §§ 23-27, så der er intet at ekstrahere.")
    dlg.tabs.setCurrentIndex(1)
    qtbot.keyClicks(dlg.journal_edits["dispatch"], "Sendt med Digital Post.")
    dlg.signer_title.setText("Jurist")
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    wait_ops()
    st = services.statements(case.id)
    assert st.extraction == "Intet er undtaget efter §§ 23-27, så der er intet at ekstrahere."
    assert st.journal["dispatch"] == "Sendt med Digital Post." and st.signer_title == "Jurist"
    assert st.signer == "Sara Sørensen"  # untouched fields keep their value
    assert [p.field for p in services.checklist(case.id)] == ["municipality.name"]

    # the municipality problem opens the profile on the name
    item = checklist.list.item(fields.index("municipality.name"))
    checklist.list.itemActivated.emit(item)
    wait_ops()
    prof = win.outputs.last_dialog
    assert isinstance(prof, outputs.MunicipalityDialog) and prof.focusWidget() is prof.edits["name"]
    assert prof.edits["kommunekode"].text() == "751"
    win.viewer.shutdown()


def test_municipality_profile_from_the_overview(qtbot, services, wait_ops):
    main = MainWindow(services)
    qtbot.addWidget(main)
    wait_ops()
    main.municipality_action.trigger()
    wait_ops()
    dlg = main.findChild(outputs.MunicipalityDialog)
    assert dlg is not None and dlg.loaded
    qtbot.keyClicks(dlg.edits["name"], "Eksempel Kommune")
    qtbot.keyClicks(dlg.edits["address"], "Rådhuspladsen 1")
    qtbot.keyClick(dlg.edits["address"], Qt.Key.Key_Return)
    qtbot.keyClicks(dlg.edits["address"], "8000 Aarhus C")
    qtbot.keyClicks(dlg.edits["cvr"], "1234")  # too short: the Danish message, the dialog stays open
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert any("CVR-nummeret skal være 8 cifre" in m for m in ops.last_messages)
    assert dlg.isVisible() and services.municipality().name == ""
    qtbot.keyClicks(dlg.edits["cvr"], "5678")
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    wait_ops()
    m = services.municipality()
    assert (m.name, m.cvr, m.address_lines) == ("Eksempel Kommune", "12345678", ["Rådhuspladsen 1", "8000 Aarhus C"])


@pytest.fixture
def comments(monkeypatch):
    calls: list[dict] = []
    replies: list[str | None] = []

    def ask(parent, title, intro, ok_text, text="", required=False, details=()):
        calls.append({"title": title, "required": required, "details": list(details)})
        return replies.pop(0)

    monkeypatch.setattr(dialogs, "ask_comment", ask)
    return replies, calls


def test_export_override_is_asked_only_of_a_team_lead(qtbot, services, lead, tmp_path, wait_ops, monkeypatch,
                                                      comments):
    replies, calls = comments
    case = clean_case(services, tmp_path)
    folders = []
    monkeypatch.setattr(outputs, "ask_folder", lambda *a, **k: folders.append(1) or tmp_path / "esdh")

    # a caseworker with an unapproved case: told why, asked nothing
    mine = _window(qtbot, services, case.id, wait_ops)
    mine.outputs.by_name["export_bundle"].trigger()
    wait_ops()
    assert calls == [] and folders == []
    assert any(m.startswith("Sagen kan ikke eksporteres endnu") and "ikke godkendt" in m for m in ops.last_messages)

    # an approved case with a clean checklist: no question, even for the team lead
    theirs = _window(qtbot, lead, case.id, wait_ops)
    services.submit_for_review(case.id)
    lead.approve_case(case.id)
    assert services.get_case(case.id).status is CaseStatus.APPROVED
    monkeypatch.setattr(outputs, "ask_folder", lambda *a, **k: None)  # stop at the folder
    theirs.outputs.by_name["export_bundle"].trigger()
    wait_ops()
    assert calls == []

    # the team lead with a case that is not approved: asked for the written reason (with what stands in the
    # way), then the bundle is made
    lead.reopen_case(case.id)
    monkeypatch.setattr(outputs, "ask_folder", lambda *a, **k: folders.append(1) or tmp_path / "esdh")
    replies.append(None)  # cancelled: nothing happens
    theirs.outputs.by_name["export_bundle"].trigger()
    wait_ops()
    assert len(calls) == 1 and calls[0]["required"] and any("ikke godkendt" in d for d in calls[0]["details"])
    assert folders == []
    replies.append("Anmoderen har fået udsættelse; teamlederen har gennemgået sagen.")
    theirs.outputs.by_name["export_bundle"].trigger()
    wait_ops(240000)
    assert folders == [1], ops.last_messages
    export = services.store.get_setting(f"case:{case.id}:export")
    assert export["export_override"] == "Anmoderen har fået udsættelse; teamlederen har gennemgået sagen."
    manifest = json.loads((theirs.outputs.last_result.path / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["roles"]["export_override_reason"] == export["export_override"]
    assert manifest["roles"]["exported_by"] == "Tove Teamleder"
    assert services.get_case(case.id).status is CaseStatus.SENT  # delivered, on the override
    for w in (mine, theirs):
        w.viewer.shutdown()


def test_the_complaint_area_point_leads_to_the_area_choice_and_disappears(qtbot, services, tmp_path, wait_ops):
    case = clean_case(services, tmp_path)
    services.set_statements(case.id, matter_area="")
    [point] = [p for p in services.checklist(case.id) if p.field == "statements.matter_area"]
    win = _window(qtbot, services, case.id, wait_ops)
    win.outputs.fix(point)
    wait_ops()
    dlg = win.outputs.last_dialog
    assert isinstance(dlg, outputs.StatementsDialog) and dlg.loaded
    assert dlg.focusWidget() is dlg.matter_area and dlg.matter_area.currentData() == ""
    labels = [dlg.matter_area.itemText(i) for i in range(dlg.matter_area.count())]
    assert "Byggesager (byggeloven)" in labels
    assert not dlg.weighing.isVisible() and not dlg.emissions.isVisible()  # MOL's fields only in a MOL case
    dlg.matter_area.setCurrentIndex(dlg.matter_area.findData("building"))
    assert dlg.complaint_body.placeholderText().startswith("Tom: ")
    assert dlg.complaint_body.placeholderText() != "Tom: klageinstansen for sagens område"
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert services.statements(case.id).matter_area == "building"
    assert "statements.matter_area" not in [p.field for p in services.checklist(case.id)]
    win.viewer.shutdown()


def test_a_mol_case_writes_its_weighing_and_emissions_in_the_statements_dialog(qtbot, services, tmp_path, wait_ops):
    case = services.create_case("Miljøsag", "Jens Hansen", "mol", date(2026, 11, 2))
    win = _window(qtbot, services, case.id, wait_ops)
    dlg = win.outputs.edit_statements("statements.weighing")
    qtbot.waitUntil(lambda: dlg.loaded)
    assert dlg.weighing.isVisible() and dlg.focusWidget() is dlg.weighing
    assert dlg.emissions.isVisible() and not dlg.emissions.isChecked()
    qtbot.keyClicks(dlg.weighing, "Hensynet til offentlighed vejer ikke tungere her.")
    dlg.emissions.setChecked(True)
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    wait_ops()
    st = services.statements(case.id)
    assert st.weighing == "Hensynet til offentlighed vejer ikke tungere her." and st.emissions is True
    win.viewer.shutdown()


def test_the_channel_point_leads_to_the_channel_field_of_the_statements(qtbot, services, tmp_path, wait_ops):
    case = services.create_case("Byggesag", "Jens Hansen", "ofl7", date(2026, 11, 2))  # no channel given
    [point] = [p for p in services.checklist(case.id) if p.field == "case.channel"]
    win = _window(qtbot, services, case.id, wait_ops)
    win.outputs.fix(point)
    wait_ops()
    dlg = win.outputs.last_dialog
    assert isinstance(dlg, outputs.StatementsDialog) and dlg.loaded
    assert dlg.focusWidget() in (dlg.channel, dlg.channel.lineEdit())
    assert dlg.channel.findText("Digital Post") >= 0 and dlg.channel.currentText() == ""
    qtbot.keyClicks(dlg.channel.lineEdit(), "Brev med posten")  # a way not in the list can be typed
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert services.get_case(case.id).channel == "Brev med posten"
    assert "case.channel" not in [p.field for p in services.checklist(case.id)]
    win.viewer.shutdown()


def test_a_gdpr_case_adapts_the_article_15_texts_in_the_statements_dialog(qtbot, services, wait_ops):
    case = services.create_case("Indsigt", "Jens Hansen", "gdpr15", date(2026, 11, 2))
    other = services.create_case("Byggesag", "Jens Hansen", "ofl7", date(2026, 11, 2))
    win = _window(qtbot, services, case.id, wait_ops)
    dlg = win.outputs.edit_statements("statements.indsigt.d")
    qtbot.waitUntil(lambda: dlg.loaded)
    assert dlg.tabs.isTabVisible(dlg.indsigt_index) and dlg.tabs.currentIndex() == dlg.indsigt_index
    assert dlg.focusWidget() is dlg.indsigt_edits["d"]
    assert sorted(dlg.indsigt_edits) == list("abcdefgh")
    assert dlg.indsigt_edits["a"].toPlainText() == "" and "{municipality}" in dlg.indsigt_edits["a"].placeholderText()
    qtbot.keyClicks(dlg.indsigt_edits["d"], "Sagerne opbevares i 5 år efter sidste aktivitet.")
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert services.statements(case.id).indsigt == {"d": "Sagerne opbevares i 5 år efter sidste aktivitet."}
    win.viewer.shutdown()
    win2 = _window(qtbot, services, other.id, wait_ops)  # not in an OFL case
    dlg2 = win2.outputs.edit_statements()
    qtbot.waitUntil(lambda: dlg2.loaded)
    assert not dlg2.tabs.isTabVisible(dlg2.indsigt_index) and not dlg2.indsigt_edits
    win2.viewer.shutdown()
