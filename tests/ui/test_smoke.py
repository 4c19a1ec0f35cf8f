from datetime import date

from aktindsigt.ui.app import MainWindow
from tests.ui.conftest import make_pdf


def test_case_window_imports_and_shows(qtbot, services, wait_ops, tmp_path, grounds):
    case = services.create_case("Byggesag", "Jens Hansen", "ofl7", date(2026, 11, 20))
    win = MainWindow(services)
    qtbot.addWidget(win)
    win.show()
    wait_ops()
    assert win.overview.table.rowCount() == 1
    pdf = make_pdf(tmp_path / "notat.pdf", [["Mette Hansen bor på Vestergade 12.", "Telefon 12345678."]] * 3)
    cw = win.open_case(case.id)
    wait_ops()
    cw.import_paths([pdf])
    wait_ops()
    assert [d.title for d in services.case_detail(case.id).documents] == ["notat"]
    qtbot.waitUntil(lambda: cw.docs.topLevelItemCount() == 1)
    qtbot.waitUntil(lambda: cw.viewer.first_page_seconds is not None, timeout=30000)
    wait_ops()
    assert cw.viewer.canvas.pages and len(cw.viewer.canvas.sizes) == 3
    assert not cw.grab().isNull()
    cw.close()
