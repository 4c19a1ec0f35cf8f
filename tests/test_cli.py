"""The headless commands, end to end on a temporary data folder."""

from __future__ import annotations

import pymupdf
import pytest
from typer.testing import CliRunner

from aktindsigt.cli import app


@pytest.fixture
def run(monkeypatch):
    monkeypatch.setenv("COLUMNS", "250")
    runner = CliRunner()

    def _run(*args: str, code: int | None = 0):
        result = runner.invoke(app, list(args), catch_exceptions=False)
        if code is not None:
            assert result.exit_code == code, result.output + (result.stderr if result.stderr_bytes else "")
        return result

    return _run


def _pdf(path, text):
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), text, fontname="helv", fontsize=11)
    doc.save(path)
    doc.close()


def test_case_create_prints_the_id_and_list_shows_it(run):
    r = run("case", "create", "--title", "Aktindsigt i byggesag", "--requester", "Jens Hansen", "--regime", "ofl7",
            "--received", "2026-11-20", "--kle", "02.34.02")
    assert r.stdout.strip() == "1"
    r = run("case", "list")
    assert "Aktindsigt i byggesag" in r.stdout and "AKT-2026-0001" in r.stdout
    assert "Offentlighedsloven § 7" in r.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--received", "20-11-2026"], "ÅÅÅÅ-MM-DD"),
        (["--kle", "1.2"], "KLE"),
        (["--received", "2999-01-01"], "fremtiden"),
    ],
)
def test_case_create_rejects_bad_input_in_danish(run, args, message):
    r = run("case", "create", "--title", "T", "--requester", "R", "--regime", "ofl8", *args, code=2)
    assert message in r.stderr


def test_unknown_regime_is_refused(run):
    r = run("case", "create", "--title", "T", "--requester", "R", "--regime", "xyz", code=2)
    assert "xyz" in r.output or "xyz" in r.stderr


def test_import_show_and_duplicates(run, tmp_path):
    run("case", "create", "--title", "Sag", "--requester", "Ole", "--regime", "fvl9", "--received", "2026-11-02")
    folder = tmp_path / "dok"
    (folder / "sub").mkdir(parents=True)
    _pdf(folder / "brev.pdf", "Kære Mette Hansen, tak for dit brev.")
    (folder / "sub" / "notat.txt").write_text("Telefonnotat\nBorgeren ringede.\n", encoding="utf-8")
    (folder / "tom.pdf").write_bytes(b"")
    (folder / "data.xyz").write_bytes(b"\x00\x01binary stuff\x00")  # text would be read as text
    r = run("case", "import", "1", str(folder))
    assert "Importeret: 2 · Dubletter: 0 · Fejlet: 2" in r.stdout
    assert "Filen er tom (0 byte)" in r.stdout
    assert "understøttes ikke" in r.stdout
    r = run("case", "show", "1")
    assert "brev" in r.stdout and "notat" in r.stdout
    assert "Fejlet" in r.stdout
    assert "fristbrev senest" in r.stdout
    # importing the same files again: recognised as duplicates, nothing new stored
    r = run("case", "import", "1", str(folder / "brev.pdf"), str(folder / "sub"))
    assert "Dubletter: 2" in r.stdout


def test_import_with_nothing_to_do_fails(run, tmp_path):
    run("case", "create", "--title", "Sag", "--requester", "Ole", "--regime", "ofl7")
    r = run("case", "import", "1", str(tmp_path / "findes-ikke"), code=2)
    assert "findes ikke" in r.stderr
    (tmp_path / "kun-fejl.pdf").write_bytes(b"not a pdf at all")
    r = run("case", "import", "1", str(tmp_path / "kun-fejl.pdf"), code=1)
    assert "Fejlet: 1" in r.stdout


def test_import_into_missing_case(run, tmp_path):
    (tmp_path / "a.txt").write_text("x")
    r = run("case", "import", "42", str(tmp_path / "a.txt"), code=2)
    assert "findes ikke" in r.stderr


def test_text_of_a_txt_file_is_exactly_its_content(run, tmp_path):
    content = "Første linje med æøå\r\nAnden linje\rTredje  med  mellemrum\n\n  indrykket\n"
    f = tmp_path / "t.txt"
    f.write_bytes(content.encode("utf-8"))
    r = run("text", str(f))
    assert r.stdout == content.replace("\r\n", "\n").replace("\r", "\n")


def test_text_of_a_pdf(run, tmp_path):
    _pdf(tmp_path / "a.pdf", "Afgørelse om tilskud")
    assert "Afgørelse om tilskud" in run("text", str(tmp_path / "a.pdf")).stdout


def test_text_of_a_bad_file_explains_in_danish(run, tmp_path):
    (tmp_path / "x.pdf").write_bytes(b"")
    r = run("text", str(tmp_path / "x.pdf"), code=2)
    assert "Filen er tom" in r.stderr


def test_doctor_lists_the_system_parts(run):
    r = run("doctor", code=None)
    assert "Tesseract" in r.stdout and "LibreOffice" in r.stdout and "unzip" in r.stdout


def test_run_without_display_creates_the_demo_case_and_prints_the_overview(run, monkeypatch):
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    r = run("run")
    assert "demosagen" in r.stdout and "AKT-" in r.stdout
    r = run("run")  # second start: no new demo case
    assert "demosagen" not in r.stdout


def test_case_redact_writes_verified_files(run, tmp_path):
    from aktindsigt.services import Services

    run("case", "create", "--title", "Sag", "--requester", "Ole", "--regime", "ofl7")
    _pdf(tmp_path / "brev.pdf", "Borgeren Mette Hansen klager over naboen.")
    run("case", "import", "1", str(tmp_path / "brev.pdf"))
    svc = Services.open()
    doc = svc.case_detail(1).documents[0]
    i = svc.document_text(doc.id).index("Mette Hansen")
    svc.redact_text(doc.id, i, i + 12, "ofl30_1")
    svc.close()
    r = run("case", "redact", "1", "--out", str(tmp_path / "ud"))
    assert "bestået" in r.stdout
    out = pymupdf.open(next((tmp_path / "ud" / "udleveret").glob("*.pdf")))
    assert "Mette Hansen" not in out[0].get_text() and "klager over naboen" in out[0].get_text()


def test_version_comes_from_the_package(run):
    from importlib.metadata import version

    import aktindsigt

    r = run("--version")
    assert r.stdout.strip() == f"aktindsigt {aktindsigt.__version__}"
    assert version("aktindsigt") == aktindsigt.__version__  # pyproject reads the same line


def test_settings_tools_points_to_a_tool_and_clears_it(run, tmp_path, monkeypatch):
    from aktindsigt.ingest.tools import libreoffice_status, refresh_tool_status

    fake = tmp_path / "soffice-here"
    fake.write_text("#!/bin/sh\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.delenv("AKTINDSIGT_SOFFICE", raising=False)
    r = run("settings", "tools", "--soffice", str(tmp_path / "mangler"), code=2)
    assert "findes ikke" in r.output
    r = run("settings", "tools", "--soffice", str(fake))
    assert f"LibreOffice: {fake} (din indstilling)" in r.stdout
    refresh_tool_status()
    assert libreoffice_status().path == str(fake)
    run("settings", "tools", "--soffice", "")
    refresh_tool_status()
    assert libreoffice_status().path != str(fake)
