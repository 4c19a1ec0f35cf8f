"""Builders of adversarial PDFs for the redaction tests (generated, never downloaded)."""

from __future__ import annotations

import io
from pathlib import Path

import pymupdf
from PIL import Image, ImageDraw, ImageFont

TERM = "Hansen"
CPR = "010203-1234"
DEJAVU_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"

# words that must survive (no box touches them)
SURVIVORS = [
    "Borgeren",
    "Vejen",
    "Sagsbehandler",
    "Ole",
    "Olsen",
    "skrev",
    "Overskrift",
    "Linjen",
    "ovenover",
    "nedenunder",
    "Roteret",
    "side",
    "Bogstav",
    "Orddeling",
    "Billede",
    "Scannet",
    "Slutning",
    "Synlig",
    "syv",
]


def text_png(text: str, size=(520, 90), fontsize=48) -> bytes:
    img = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(img)
    try:
        font = ImageFont.truetype(DEJAVU_BOLD, fontsize)
    except OSError:
        font = ImageFont.load_default()
    draw.text((15, 15), text, fill="black", font=font)
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()


def build_adversarial(path: Path) -> Path:
    """A PDF hiding ``TERM`` (and a CPR number) in every place §8 of the domain guide lists."""
    doc = pymupdf.open()

    # --- page 1: ordinary text, tight lines, hidden/white text, annotations, form, link
    p = doc.new_page()
    y = 72
    lines = [
        "Overskrift for sagen",
        "Linjen ovenover er uskyldig tekst",
        f"Borgeren Jens {TERM} bor på Vejen 12 med CPR {CPR}.",
        "Linjen nedenunder er uskyldig tekst",
        f"Store bogstaver: {TERM.upper()} og Sagsbehandler Ole Olsen skrev.",
    ]
    for line in lines:
        p.insert_text((72, y), line, fontsize=11)
        y += 11.5  # glyph boxes of neighbouring lines overlap
    p.insert_text((72, 160), f"Usynlig {TERM} i tekstlaget", fontsize=11, render_mode=3)
    p.insert_text((72, 175), f"Hvid {TERM} på hvid baggrund", fontsize=11, color=(1, 1, 1))
    p.insert_text((72, 190), f"CPR uden bindestreg 0102031234 og {TERM}s bil", fontsize=11)
    # annotations: a text note and a free-text box
    note = p.add_text_annot((400, 72), f"Notat om {TERM}")
    note.set_info(title=TERM, subject=f"Om {TERM}")
    note.update()
    ft = p.add_freetext_annot(pymupdf.Rect(350, 200, 550, 230), f"Fritekst {TERM}", fontsize=10)
    ft.update()
    # a form field with the term as value
    w = pymupdf.Widget()
    w.field_type = pymupdf.PDF_WIDGET_TYPE_TEXT
    w.field_name = "navn"
    w.field_value = f"{TERM} Jensen"
    w.rect = pymupdf.Rect(72, 250, 300, 270)
    w.text_fontsize = 10
    p.add_widget(w)
    # a link to mailto:term, over innocent text
    p.insert_text((72, 300), "Skriv til os", fontsize=11)
    p.insert_link({"kind": pymupdf.LINK_URI, "from": pymupdf.Rect(72, 288, 140, 303), "uri": f"mailto:{TERM.lower()}@example.dk"})
    # a hidden optional-content layer
    ocg = doc.add_ocg("Skjult lag", on=False)
    p.insert_text((72, 330), f"Lag med {TERM}", fontsize=11, oc=ocg)
    p.insert_text((72, 360), "Slutning af siden", fontsize=11)

    # --- page 2: rotated page
    p2 = doc.new_page()
    p2.set_rotation(90)
    p2.insert_text((72, 72), f"Roteret side om {TERM} her", fontsize=11)

    # --- page 3: character by character, and hyphenation across lines
    p3 = doc.new_page()
    x = 72.0
    for ch in f"Bogstav for bogstav: {TERM} slut":
        p3.insert_text((x, 72), ch, fontsize=11)
        x += pymupdf.get_text_length(ch, fontname="helv", fontsize=11)
    p3.insert_text((72, 110), "Orddeling af navnet Han-", fontsize=11)
    p3.insert_text((72, 124), "sen midt i en linje", fontsize=11)

    # --- page 4: the term only inside an image
    p4 = doc.new_page()
    p4.insert_text((72, 72), "Billede herunder", fontsize=11)
    p4.insert_image(pymupdf.Rect(72, 90, 332, 135), stream=text_png(f"Navn: {TERM}"))

    # --- page 5: scanned page = an image with an invisible OCR text layer on top
    p5 = doc.new_page()
    scan_text = f"Scannet {TERM}"
    p5.insert_image(pymupdf.Rect(72, 72, 332, 117), stream=text_png(scan_text))
    # the OCR layer: invisible text sized to the ink of the image (image px = 0.5 pt)
    font = ImageFont.truetype(DEJAVU_BOLD, 48)
    left, _top, right, _bottom = font.getbbox(scan_text)
    fs = (right - left) * 0.5 / pymupdf.get_text_length(scan_text, fontname="helv", fontsize=1)
    p5.insert_text((72 + (15 + left) * 0.5, 72 + (15 + 45) * 0.5), scan_text, fontsize=fs, render_mode=3)

    # --- page 6: text that will be replaced in an incremental save
    p6 = doc.new_page()
    p6.insert_text((72, 72), f"Gammel version med {TERM}", fontsize=11)

    # --- page 7: text outside the page, and /ActualText that extracts as the term
    p7 = doc.new_page()
    p7.insert_text((72, 72), "Synlig tekst på side syv", fontsize=11)
    p7.insert_text((72, -40), f"Over kanten {TERM}", fontsize=11)
    p7.insert_text((700, 300), f"Til højre for siden {TERM}", fontsize=11)
    cx = p7.get_contents()[0]
    stream = doc.xref_stream(cx) + (
        f"\n/Span <</ActualText ({TERM})>> BDC BT /helv 11 Tf 72 600 Td (J. H.) Tj ET EMC\n".encode()
    )
    doc.update_stream(cx, stream)

    doc.set_toc([[1, f"Om {TERM}", 1], [1, "Indledning", 1], [2, f"{TERM} igen", 2]])
    doc.embfile_add("bilag.txt", f"Bilag om {TERM}, CPR {CPR}".encode(), filename=f"{TERM}.txt", desc=f"Fil om {TERM}")
    doc.set_metadata({"title": f"Sag om {TERM}", "author": TERM, "subject": CPR, "keywords": TERM})
    doc.set_xml_metadata(
        '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        f'<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>{TERM}</dc:creator>'
        "</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>"
    )
    doc.set_pagelayout("SinglePage")
    cat = doc.pdf_catalog()
    js = doc.get_new_xref()
    doc.update_object(js, f"<< /S /JavaScript /JS (app.alert\\('{TERM}'\\);) >>")
    doc.xref_set_key(cat, "OpenAction", f"{js} 0 R")
    doc.save(path, garbage=0)
    doc.close()

    # incremental save: page 6's text replaced; the old stream stays in the file
    doc = pymupdf.open(path)
    p6 = doc[5]
    xref = p6.get_contents()[0]
    doc.update_stream(xref, b"BT /helv 11 Tf 72 770 Td (Ny version af siden) Tj ET")
    doc.saveIncr()
    doc.close()
    return path
