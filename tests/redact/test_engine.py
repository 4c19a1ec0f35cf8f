"""The redaction engine: boxes, labels, neighbours, withheld pages, stamps, scanned pages."""

from __future__ import annotations

import pymupdf
import pytest

from aktindsigt.core.model import Rect
from aktindsigt.redact import PageWithhold, RedactionBox, RedactOptions, redact_pdf, verify
from aktindsigt.redact.engine import RedactError
from aktindsigt.redact.pdfsyntax import remove_marked_sections, split_tj_arrays, string_texts
from tests.redact.adversarial import text_png


def _rect(r) -> Rect:
    return Rect(r.x0, r.y0, r.x1, r.y1)


def _doc(tmp_path, lines, spacing=14.0, fontsize=11):
    doc = pymupdf.open()
    page = doc.new_page()
    y = 72
    for line in lines:
        page.insert_text((72, y), line, fontsize=fontsize)
        y += spacing
    path = tmp_path / "in.pdf"
    doc.save(path)
    return path


def _boxes(path, word, label="§ 30, nr. 1"):
    doc = pymupdf.open(path)
    return [RedactionBox(p.number + 1, _rect(r), label) for p in doc for r in p.search_for(word)]


def test_box_and_label_are_drawn(tmp_path):
    path = _doc(tmp_path, ["Klagerens navn er Margrethe Vestergaard-Christiansen i dag."], fontsize=14)
    boxes = _boxes(path, "Vestergaard-Christiansen")
    out = tmp_path / "out.pdf"
    redact_pdf(path, out, boxes)
    page = pymupdf.open(out)[0]
    r = pymupdf.Rect(boxes[0].rect.x0, boxes[0].rect.y0, boxes[0].rect.x1, boxes[0].rect.y1)
    inner = r + (1, r.height * 0.15, -1, -r.height * 0.15)
    pix = page.get_pixmap(dpi=144, clip=inner)
    samples = pix.samples
    n = pix.n
    lum = [samples[i] for i in range(0, len(samples), n)]
    dark = sum(v < 60 for v in lum) / len(lum)
    light = sum(v > 200 for v in lum)
    assert dark > 0.6, dark  # the box is filled
    assert light > 10  # the white label is written in it
    assert "§ 30, nr. 1" in page.get_text()
    assert "Vestergaard" not in page.get_text()
    # a PNG for a person to look at
    page.get_pixmap(dpi=110).save(tmp_path / "redacted.png")


def test_neighbouring_lines_survive_tight_spacing(tmp_path):
    lines = ["alpha beta gamma delta", "Jens Hansen mellem linjer", "epsilon zeta eta theta"]
    path = _doc(tmp_path, lines, spacing=10.5)  # glyph boxes overlap the lines above and below
    out = tmp_path / "out.pdf"
    res = redact_pdf(path, out, _boxes(path, "Hansen"))
    text = pymupdf.open(out)[0].get_text()
    assert "alpha beta gamma delta" in text
    assert "epsilon zeta eta theta" in text
    assert "Jens" in text and "mellem linjer" in text
    assert "Hansen" not in text
    print("LOSTT", res.collateral_loss)
    assert res.collateral_loss == []


def test_text_after_the_box_keeps_its_position(tmp_path):
    path = _doc(tmp_path, ["Borgeren Jens Hansen bor her."])
    before = {w[4]: w[0] for w in pymupdf.open(path)[0].get_text("words")}
    out = tmp_path / "out.pdf"
    redact_pdf(path, out, _boxes(path, "Hansen"))
    after = {w[4]: w[0] for w in pymupdf.open(out)[0].get_text("words")}
    assert after["bor"] == pytest.approx(before["bor"], abs=0.1)
    assert after["her."] == pytest.approx(before["her."], abs=0.1)


def test_small_box_gets_footnote_and_legend(tmp_path):
    path = _doc(tmp_path, ["Initialer: JH og mere tekst"], fontsize=6)
    boxes = _boxes(path, "JH", label="§ 30, nr. 1")
    out = tmp_path / "out.pdf"
    res = redact_pdf(path, out, boxes)
    assert res.footnotes == 1
    text = pymupdf.open(out)[0].get_text()
    assert "1) § 30, nr. 1" in text


def test_withheld_page_placeholder_and_stamp(tmp_path):
    doc = pymupdf.open()
    for i in range(3):
        doc.new_page().insert_text((72, 72), f"Side {i + 1} med fortroligt indhold {i}")
    path = tmp_path / "in.pdf"
    doc.save(path)
    out = tmp_path / "out.pdf"
    opts = RedactOptions(case_number="SAG-2026-17", akt_nr=12)
    res = redact_pdf(path, out, [], [PageWithhold(2, "offentlighedslovens § 30, nr. 1")], opts)
    assert res.withheld_pages == [2]
    d = pymupdf.open(out)
    assert d.page_count == 3
    t2 = d[1].get_text()
    assert "fortroligt indhold 1" not in t2
    assert "Siden er undtaget fra aktindsigt, jf. offentlighedslovens § 30, nr. 1" in " ".join(t2.split())
    for i, page in enumerate(d, start=1):
        assert f"Aktindsigt · SAG-2026-17 · Akt 12 · side {i} af 3" in page.get_text()
    rep = verify(out, ["fortroligt indhold 1"], ["fortroligt indhold 0", "fortroligt indhold 2"])
    assert rep.passed, rep.to_json()


def test_area_box_removes_pixels_vectors_and_text(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_image(pymupdf.Rect(72, 72, 332, 117), stream=text_png("Underskrift"))
    page.draw_bezier((80, 200), (120, 150), (160, 250), (200, 200), color=(0, 0, 1), width=2)  # a "signature"
    page.insert_text((90, 210), "Stempel", fontsize=9)
    page.insert_text((72, 300), "Tekst udenfor", fontsize=11)
    path = tmp_path / "in.pdf"
    doc.save(path)
    out = tmp_path / "out.pdf"
    boxes = [
        RedactionBox(1, Rect(70, 70, 335, 120), "§ 30, nr. 1", "area"),
        RedactionBox(1, Rect(75, 140, 205, 255), "§ 30, nr. 1", "area"),
    ]
    res = redact_pdf(path, out, boxes, options=RedactOptions(stamp_format=None))
    assert res.image_redaction_pages == [1]
    p = pymupdf.open(out)[0]
    assert "Stempel" not in p.get_text() and "Tekst udenfor" in p.get_text()
    # only our two filled boxes are left as drawings: the bezier path is gone
    assert not [d for d in p.get_drawings() if any(it[0] == "c" for it in d["items"])]
    rep = verify(out, ["Underskrift", "Stempel"], ["Tekst udenfor"], ocr_pages=[1])
    assert rep.passed, rep.to_json()


def test_scanned_page_pixels_and_ocr_layer_removed(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_image(pymupdf.Rect(72, 72, 332, 117), stream=text_png("Patient Hansen"))
    page.insert_text((80, 105), "Patient Hansen", fontsize=20, render_mode=3)  # OCR layer
    path = tmp_path / "in.pdf"
    doc.save(path)
    src = pymupdf.open(path)[0]
    word = [w for w in src.get_text("words") if w[4] == "Hansen"][0]
    out = tmp_path / "out.pdf"
    # a text box from the OCR word map, widened to cover the pixels of the word
    box = RedactionBox(1, Rect(word[0] - 4, 72, 335, 117), "§ 30, nr. 1", "text")
    res = redact_pdf(path, out, [box])
    assert res.image_redaction_pages == [1]
    p = pymupdf.open(out)[0]
    assert "Hansen" not in p.get_text() and "Patient" in p.get_text()
    rep = verify(out, ["Hansen"], ["Patient"], ocr_pages=[1])
    assert rep.passed, rep.to_json()
    assert rep.check("ocr").status == "passed"


def test_hidden_layer_content_removed(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page()
    ocg = doc.add_ocg("skjult", on=False)
    page.insert_text((72, 72), "Synlig tekst", fontsize=11)
    page.insert_text((72, 90), "Skjult lag om Hansen", fontsize=11, oc=ocg)
    path = tmp_path / "in.pdf"
    doc.save(path)
    out = tmp_path / "out.pdf"
    res = redact_pdf(path, out, [])
    assert any("hidden layer" in s for s in res.sanitised)
    rep = verify(out, ["Skjult lag"], ["Synlig tekst"])
    assert rep.passed, rep.to_json()


def test_refuses_to_overwrite_the_original_and_bad_pages(tmp_path):
    path = _doc(tmp_path, ["x"])
    with pytest.raises(RedactError):
        redact_pdf(path, path, [])
    with pytest.raises(RedactError):
        redact_pdf(path, tmp_path / "o.pdf", [RedactionBox(5, Rect(1, 1, 2, 2))])
    with pytest.raises(ValueError):
        RedactionBox(0, Rect(1, 1, 2, 2))


def test_split_tj_arrays_keeps_strings_and_spacing():
    data = b"BT /F1 11 Tf [(Han) -20 <73656e> 5 (x\\)y)] TJ ET"
    new, n = split_tj_arrays(data)
    assert n == 1
    assert b"(Han) Tj [-20] TJ <73656e> Tj [5] TJ (x\\)y) Tj" in new
    assert "Hansenx)y" in string_texts(new)


def test_remove_marked_sections_nested():
    data = b"q /OC /MC0 BDC BT (a) Tj ET /Span <</MCID 1>> BDC (b) Tj EMC EMC (c) Tj Q"
    new, n = remove_marked_sections(data, {b"MC0"})
    assert n == 1 and b"(a)" not in new and b"(b)" not in new and b"(c) Tj" in new


def test_form_xobject_text_and_transparent_image(tmp_path):
    import io

    from PIL import Image, ImageDraw, ImageFont

    from tests.redact.adversarial import DEJAVU_BOLD

    img = Image.new("RGBA", (520, 90), (0, 0, 0, 0))  # the text shape lives in the alpha channel (SMask)
    ImageDraw.Draw(img).text((15, 15), "Navn: Hansen", fill=(0, 0, 0, 255), font=ImageFont.truetype(DEJAVU_BOLD, 48))
    buf = io.BytesIO()
    img.save(buf, "PNG")
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_image(pymupdf.Rect(72, 90, 332, 135), stream=buf.getvalue())
    src = pymupdf.open()
    src.new_page().insert_text((72, 72), "Formular Hansen tekst")
    page.show_pdf_page(pymupdf.Rect(0, 300, 595, 600), src, 0)  # text inside a form XObject
    path = tmp_path / "in.pdf"
    doc.save(path)
    hits = pymupdf.open(path)[0].search_for("Hansen")
    boxes = [RedactionBox(1, Rect(160, 90, 335, 135), kind="area")] + [RedactionBox(1, _rect(r)) for r in hits]
    out = tmp_path / "out.pdf"
    redact_pdf(path, out, boxes, options=RedactOptions(case_number="S-1", akt_nr=2))
    o = pymupdf.open(out)
    text = o[0].get_text()
    assert "Formular" in text and "tekst" in text and "Hansen" not in text
    assert "Aktindsigt · S-1 · Akt 2 · side 1 af 1" in text  # our font is in the page's resources
    # the alpha mask is blanked as well as the colour pixels
    for x in range(1, o.xref_length()):
        if "/Subtype /Image" in o.xref_object(x) and "/DeviceGray" in o.xref_object(x):
            pix = pymupdf.Pixmap(o, x)
            right = [pix.pixel(px, py)[0] for px in range(200, 500, 7) for py in range(10, 80, 7)]
            assert min(right) == max(right)  # uniform: no letter shapes left
    rep = verify(out, ["Hansen"], ["Formular"], ocr_pages=[1])
    assert rep.passed, rep.to_json()


def test_overlapping_boxes_with_different_grounds_are_one_box_with_both(tmp_path):
    """A manual § 29 box on top of § 30, nr. 1 name boxes: one painted box, both grounds, no overprint."""
    path = _doc(tmp_path, ["Sagsbehandleren talte med Tirvald Okkerstrøm og hans datter om sagen i dag."],
                fontsize=12)
    (name,) = _boxes(path, "Tirvald Okkerstrøm")
    (datter,) = _boxes(path, "datter", label="§ 30, nr. 1")
    manual = RedactionBox(1, Rect(name.rect.x0 - 2, name.rect.y0, datter.rect.x1, name.rect.y1), "§ 29")
    out = tmp_path / "out.pdf"
    res = redact_pdf(path, out, [name, datter, manual])
    page = pymupdf.open(out)[0]
    text = page.get_text()
    assert "Okkerstrøm" not in text and "datter" not in text and "Sagsbehandleren" in text and "sagen" in text
    labels = [line for line in text.splitlines() if "§" in line]
    # one label naming both grounds (or one footnote with both in the legend); never two labels on top
    assert labels in (["§ 29, § 30, nr. 1"], ["1"]) or any("§ 29, § 30, nr. 1" in x for x in labels), labels
    assert text.count("§ 29") == 1 and res.boxes_applied == 3
    page.get_pixmap(dpi=110).save(tmp_path / "merged.png")


def test_merge_regions_keeps_lines_apart_and_joins_what_touches():
    from aktindsigt.core.geometry import combine_labels, merge_regions

    a = Rect(100, 100, 150, 112)
    b = Rect(150.5, 100, 200, 112)  # touches a on the same line
    c = Rect(60, 111, 120, 123)  # the next line, its box overlaps a's bottom a little
    area = Rect(55, 95, 210, 130)
    regions = merge_regions([(1, a, "text"), (1, b, "text"), (1, c, "text")])
    assert sorted(r.members for r in regions) == [(0, 1), (2,)]
    (one,) = merge_regions([(1, a, "text"), (1, c, "text"), (1, area, "area")])
    assert one.kind == "area" and one.members == (0, 1, 2)
    assert combine_labels(["§ 30, nr. 1", "§ 29", "§ 30, nr. 1"]) == "§ 29, § 30, nr. 1"


def test_standalone_redact_removes_a_name_inside_a_mailto_link(tmp_path):
    from aktindsigt.redact.standalone import run_redact

    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "Kontakt Tirvald Okkerstrøm her: skriv til ham.", fontsize=11)
    page.insert_text((72, 100), "tirvald.okkerstrom@mail.dk svarer hurtigt.", fontsize=11)
    page.insert_link({"kind": pymupdf.LINK_URI, "from": pymupdf.Rect(260, 60, 330, 76),
                      "uri": "mailto:tirvald.okkerstrom@mail.dk"})
    src = tmp_path / "in.pdf"
    doc.save(src)
    out = tmp_path / "out.pdf"
    assert run_redact(src, ["Tirvald Okkerstrøm", "Tirvald Okkerstrom"], out, "§ 30, nr. 1", "never", False,
                      None, "", "") == 0
    red = pymupdf.open(out)
    assert not [link for p in red for link in p.get_links() if "okkerstrom" in str(link.get("uri", ""))]
    text = red[0].get_text()
    assert "okkerstrom" not in text.lower() and "svarer hurtigt" in text


def _annotated(path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), "Borgeren Anne Kjeldsen bor her.", fontsize=11)
    for y, note in ((300, "Typewriter tekst om Anne Kjeldsen i dag"), (340, "En anden note helt for sig")):
        page.add_freetext_annot(pymupdf.Rect(72, y, 400, y + 30), note, fontsize=11).update()
    page.add_stamp_annot(pymupdf.Rect(300, 400, 500, 450), stamp=0)
    doc.save(path)
    doc.close()


def test_burned_in_annotations_are_not_reported_as_lost(tmp_path):
    """Typewriter text and a stamp are burned into the page; a box over a name in the body and one over
    the same name in the typewriter text remove both, and nothing outside the boxes counts as lost."""
    src = tmp_path / "annots.pdf"
    _annotated(src)
    boxes = _boxes(src, "Anne Kjeldsen")
    assert len(boxes) == 2  # the body and the typewriter text (PyMuPDF reads annotation text too)
    res = redact_pdf(src, tmp_path / "out.pdf", boxes)
    assert res.collateral_loss == []
    text = pymupdf.open(tmp_path / "out.pdf")[0].get_text()
    assert "Kjeldsen" not in text
    assert all(w in text for w in ("Borgeren", "Typewriter tekst om", "i dag", "En anden note helt for sig"))


def test_a_page_mupdf_cannot_interpret_is_refused_unless_withheld(tmp_path):
    """Redaction cannot remove or verify what it cannot read: a clear Danish refusal (not a traceback),
    and withholding the page is the way through."""
    from tests.ingest.corpus import corpus

    src = corpus.uninterpretable_pdf(tmp_path / "in.pdf")
    with pymupdf.open(src) as doc:
        boxes = [RedactionBox(1, _rect(r), "§ 30, nr. 1") for r in doc[0].search_for("Karen")]
        with pytest.raises(Exception, match="too many nested graphics states"):
            doc[1].get_text()  # page 2 cannot even be searched
    assert boxes
    with pytest.raises(RedactError, match=r"^Side 2 kan ikke læses af PDF-programmet .* Tilbagehold siden"):
        redact_pdf(src, tmp_path / "out.pdf", boxes)
    assert not (tmp_path / "out.pdf").exists()
    res = redact_pdf(src, tmp_path / "out.pdf", boxes, [PageWithhold(2, "offentlighedslovens § 30, nr. 1")])
    assert res.withheld_pages == [2]
    out = pymupdf.open(tmp_path / "out.pdf")
    assert "Karen" not in out[0].get_text() and "Karen" not in out[1].get_text()
    report = verify(tmp_path / "out.pdf", ["Karen"], require_ocr=False)
    assert report.passed, [c for c in report.checks if not c.passed]
