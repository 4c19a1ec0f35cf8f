"""Generate the editable Word templates in ``resources/templates/``.

Run ``python -m aktindsigt.outputs.make_templates`` after changing this file;
commit the script and the ``.docx`` files together so that the templates are
reproducible. A municipality may also edit the ``.docx`` files directly in Word
(keep the ``{{ ... }}`` and ``{%p ... %}`` tags). Paragraphs written as
``{#p ... #}`` are notes for whoever edits the template: they are visible in
Word but never appear in a rendered letter.

The fixed words (headings, labels) live here; the legal wording lives in
``texts.yaml`` and the legal-ground catalogue.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt, RGBColor

from aktindsigt.outputs.texts import templates_dir

FONT = "Arial"
FIXED_TIME = datetime(2026, 1, 1, tzinfo=UTC)
NOTE_COLOR = RGBColor(0x80, 0x50, 0x00)


def _base() -> DocxDocument:
    doc = Document()
    sec = doc.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
    sec.left_margin = sec.right_margin = Cm(2.5)
    sec.top_margin, sec.bottom_margin = Cm(2.0), Cm(2.0)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    for name, size in (("Title", 18), ("Heading 1", 16), ("Heading 2", 12.5), ("Heading 3", 11)):
        st = doc.styles[name]
        st.font.name = FONT
        st.font.size = Pt(size)
        st.font.bold = True
        st.font.color.rgb = RGBColor(0, 0, 0)
        st.paragraph_format.space_before = Pt(12 if name != "Heading 3" else 8)
        st.paragraph_format.space_after = Pt(4)
    return doc


def _tag(doc, text: str) -> None:
    """A paragraph holding only a docxtpl paragraph tag (removed on rendering)."""
    doc.add_paragraph(text)


def _note(doc, text: str) -> None:
    """A note for the template editor: kept in the template, removed from every letter."""
    p = doc.add_paragraph()
    r = p.add_run("{#p " + text.replace("#", "").replace("}", ")") + " #}")
    r.italic = True
    r.font.color.rgb = NOTE_COLOR
    r.font.size = Pt(9)


def _labelled(doc_or_cell, label: str, value: str):
    p = doc_or_cell.add_paragraph()
    r = p.add_run(label)
    r.bold = True
    p.add_run(value)
    return p


def _draft_marks(doc) -> None:
    header = doc.sections[0].header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = header.add_run("{{ draft_header }}")
    r.bold = True
    r.font.size = Pt(14)
    r.font.color.rgb = RGBColor(0xC0, 0, 0)
    _tag(doc, "{%p if draft %}")
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = p.add_run("UDKAST – må ikke sendes")
    r.bold = True
    r.font.size = Pt(24)
    r.font.color.rgb = RGBColor(0xC0, 0, 0)
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = p.add_run("{{ draft_reason }}")
    r.font.color.rgb = RGBColor(0xC0, 0, 0)
    r.font.size = Pt(9)
    _tag(doc, "{%p endif %}")


def _letterhead(doc, with_underlying: bool = True) -> None:
    """Recipient on the left, the municipality, date and case numbers on the right."""
    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    left, right = table.rows[0].cells
    left.width, right.width = Cm(9.5), Cm(6.5)
    left.paragraphs[0].add_run("{{ recipient_name }}")
    left.add_paragraph("{%p for line in recipient_lines %}")
    left.add_paragraph("{{ line }}")
    left.add_paragraph("{%p endfor %}")
    rp = right.paragraphs[0]
    rp.add_run("{{ m.name }}").bold = True
    right.add_paragraph("{{ m.unit }}")
    right.add_paragraph("{%p for line in m.address_lines %}")
    right.add_paragraph("{{ line }}")
    right.add_paragraph("{%p endfor %}")
    right.add_paragraph("{%p if m.cvr %}")
    right.add_paragraph("CVR {{ m.cvr }}")
    right.add_paragraph("{%p endif %}")
    right.add_paragraph("")
    _labelled(right, "Dato: ", "{{ date }}")
    _labelled(right, "Sagsnr.: ", "{{ case_number }}")
    if with_underlying:
        right.add_paragraph("{%p if underlying %}")
        _labelled(right, "Vedr. sag: ", "{{ underlying }}")
        right.add_paragraph("{%p endif %}")
    for cell in (left, right):
        for p in cell.paragraphs:
            p.paragraph_format.space_after = Pt(0)
            for r in p.runs:
                r.font.size = Pt(10)
    doc.add_paragraph("")


def _signature(doc) -> None:
    doc.add_paragraph("{{ contact }}")
    doc.add_paragraph("{{ closing }}")
    doc.add_paragraph("")
    doc.add_paragraph("{{ signer }}")
    _tag(doc, "{%p if signer_title %}")
    doc.add_paragraph("{{ signer_title }}")
    _tag(doc, "{%p endif %}")
    doc.add_paragraph("{{ m.name }}{% if m.unit %}, {{ m.unit }}{% endif %}")
    _tag(doc, "{%p if contact_line %}")
    doc.add_paragraph("{{ contact_line }}")
    _tag(doc, "{%p endif %}")


def _footer(doc) -> None:
    p = doc.sections[0].footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = p.add_run("{{ m.name }} · Sagsnr. {{ case_number }}")
    r.font.size = Pt(8)


def decision_letter() -> DocxDocument:
    doc = _base()
    _draft_marks(doc)
    _footer(doc)
    _note(doc, "SKABELON: Afgørelse om aktindsigt (for databeskyttelsesforordningens artikel 15: svar på en "
          "anmodning om indsigt). Afsnittene følger forvaltningslovens §§ 22-25. Overskrifter og tekster, der "
          "afhænger af retsgrundlaget, står i resources/templates/texts.yaml. Kommunen skal kontrollere ordlyden "
          "her, i texts.yaml, i indsigt.yaml og i kataloget over hjemler, før skabelonen tages i brug.")
    _letterhead(doc)
    doc.add_paragraph("{{ title }}", style="Title")
    # 2. the request
    doc.add_paragraph("Din anmodning", style="Heading 2")
    doc.add_paragraph("{{ request_received }}")
    _tag(doc, "{%p if request_asked %}")
    doc.add_paragraph("{{ request_asked }}")
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p if time_limit %}")
    doc.add_paragraph("{{ time_limit }}")
    _tag(doc, "{%p endif %}")
    # 3. scope
    doc.add_paragraph("{{ scope_heading }}", style="Heading 2")
    _note(doc, "KONTROLLÉR: Afgrænsningen skal svare til det, der er aftalt med anmoderen (periode, sager, "
          "typer af dokumenter).")
    doc.add_paragraph("{{ scope }}")
    # 4. decision in brief
    doc.add_paragraph("{{ decision_heading }}", style="Heading 2")
    p = doc.add_paragraph()
    p.add_run("{{ outcome_text }}").bold = True
    doc.add_paragraph("{{ counts_text }}")
    doc.add_paragraph("{{ see_list }}")
    # 5. legal basis
    doc.add_paragraph("Retsgrundlag", style="Heading 2")
    doc.add_paragraph("{{ legal_basis }}")
    _tag(doc, "{%p if parallel %}")
    doc.add_paragraph("{{ parallel }}")
    _tag(doc, "{%p endif %}")
    # 6-9 reasons
    _tag(doc, "{%p if has_reasons %}")
    doc.add_paragraph("{{ reasons_heading }}", style="Heading 2")
    _note(doc, "KONTROLLÉR: Der kommer ét afsnit for hver bestemmelse, der faktisk er brugt. Teksten kommer fra "
          "kataloget over hjemler; begrundelsen må ikke røbe de undtagne oplysninger.")
    _tag(doc, "{%p for r in reasons %}")
    doc.add_paragraph("{{ r.heading }}", style="Heading 3")
    doc.add_paragraph("{{ r.reasoning }}")
    doc.add_paragraph("{{ r.intro }}")
    _tag(doc, "{%p if r.what %}")
    doc.add_paragraph("{{ r.what }}")
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p for n in r.notes %}")
    doc.add_paragraph("{{ n }}")
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p for dr in r.doc_reasons %}")
    doc.add_paragraph("{{ dr }}", style="List Bullet")
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p if weighing_heading %}")
    doc.add_paragraph("{{ weighing_heading }}", style="Heading 2")
    doc.add_paragraph("{{ weighing_intro }}")
    doc.add_paragraph("{{ weighing }}")
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p if extraction_heading %}")
    doc.add_paragraph("{{ extraction_heading }}", style="Heading 2")
    doc.add_paragraph("{{ extraction }}")
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p if meroffentlighed_heading %}")
    doc.add_paragraph("{{ meroffentlighed_heading }}", style="Heading 2")
    doc.add_paragraph("{{ meroffentlighed }}")
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p if any_partial %}")
    doc.add_paragraph("{{ partial_heading }}", style="Heading 2")
    doc.add_paragraph("{{ partial_text }}")
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p if emissions_heading %}")
    doc.add_paragraph("{{ emissions_heading }}", style="Heading 2")
    doc.add_paragraph("{{ emissions }}")
    _tag(doc, "{%p endif %}")
    # GDPR art. 15(1)(a)-(h)
    _tag(doc, "{%p if indsigt_heading %}")
    doc.add_paragraph("{{ indsigt_heading }}", style="Heading 2")
    doc.add_paragraph("{{ indsigt_intro }}")
    _tag(doc, "{%p for it in indsigt_items %}")
    doc.add_paragraph("{{ it.heading }}", style="Heading 3")
    doc.add_paragraph("{{ it.text }}")
    _tag(doc, "{%p endfor %}")
    doc.add_paragraph("{{ indsigt_contact }}")
    _tag(doc, "{%p endif %}")
    # 10. delivery
    doc.add_paragraph("{{ delivery_heading }}", style="Heading 2")
    doc.add_paragraph("{{ delivery }}")
    # 11. complaint guidance
    doc.add_paragraph("{{ complaint_heading }}", style="Heading 2")
    _note(doc, "KONTROLLÉR: Klagevejledningen afhænger af retsgrundlaget og af sagens område og står i texts.yaml og "
          "klageinstanser.yaml. Skriv ALDRIG en klagefrist: der er ingen efter offentlighedsloven, "
          "forvaltningsloven eller miljøoplysningsloven.")
    doc.add_paragraph("{{ complaint }}")
    # 12. contact and signature
    _signature(doc)
    # 13. annexes
    doc.add_paragraph("{{ annexes_heading }}", style="Heading 2")
    _tag(doc, "{%p for a in annexes %}")
    doc.add_paragraph("{{ a }}", style="List Bullet")
    _tag(doc, "{%p endfor %}")
    return doc


def simple_letter(kind: str) -> DocxDocument:
    """Kvittering and fristbrev: letterhead, title, body paragraphs, signature."""
    doc = _base()
    _footer(doc)
    if kind == "klage":
        _note(doc, "SKABELON: Videresendelse af en klage til klageinstansen (offentlighedslovens § 37). Kommunen "
              "skal kontrollere ordlyden i texts.yaml og vedlægge klagen, afgørelsen, aktlisten og de undtagne "
              "dokumenter.")
    elif kind == "fristbrev":
        _note(doc, "SKABELON: Fristbrev efter offentlighedslovens § 36, stk. 2 / forvaltningslovens § 16, stk. 2 / "
              "miljøoplysningslovens § 4, stk. 3 / databeskyttelsesforordningens artikel 12, stk. 3. Brevet skal "
              "sige hvorfor afgørelsen ikke er truffet, og hvornår den kan forventes. Kommunen skal kontrollere "
              "ordlyden i texts.yaml.")
    else:
        _note(doc, "SKABELON: Kvittering for modtagelse af en anmodning om aktindsigt. Kommunen skal kontrollere "
              "ordlyden i texts.yaml.")
    _letterhead(doc)
    doc.add_paragraph("{{ title }}", style="Title")
    _tag(doc, "{%p for b in body %}")
    doc.add_paragraph("{{ b }}")
    _tag(doc, "{%p endfor %}")
    _signature(doc)
    return doc


def journal_note() -> DocxDocument:
    doc = _base()
    _note(doc, "SKABELON: Journalnotat efter offentlighedslovens § 13 for en sag om aktindsigt. Notatet er internt, "
          "men kan selv blive omfattet af en anmodning om aktindsigt: skriv ikke flere personoplysninger end "
          "nødvendigt. Afsnittene og deres sætninger dannes af programmet (i tredje person).")
    doc.add_paragraph("{{ title }}", style="Title")
    _labelled(doc, "Sag: ", "{{ case_number }} · {{ case_title }}")
    _labelled(doc, "KLE: ", "{{ kle }}")
    _labelled(doc, "Myndighed: ", "{{ m.name }}{% if m.unit %}, {{ m.unit }}{% endif %}")
    _labelled(doc, "Notat dannet: ", "{{ date }} af {{ author }}")
    _tag(doc, "{%p for s in sections %}")
    doc.add_paragraph("{{ s.heading }}", style="Heading 2")
    _tag(doc, "{%p for x in s.lines %}")
    doc.add_paragraph("{{ x }}")
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p for x in s.bullets %}")
    doc.add_paragraph("{{ x }}", style="List Bullet")
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p endfor %}")
    return doc


TEMPLATES = {
    "afgoerelse.docx": decision_letter,
    "journalnotat.docx": journal_note,
    "kvittering.docx": lambda: simple_letter("kvittering"),
    "fristbrev.docx": lambda: simple_letter("fristbrev"),
    "klage_videresendelse.docx": lambda: simple_letter("klage"),
}


def make_all(out_dir: Path | None = None) -> list[Path]:
    out_dir = out_dir or templates_dir()
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, build in TEMPLATES.items():
        doc = build()
        doc.core_properties.author = "aktindsigt"
        doc.core_properties.title = name.removesuffix(".docx")
        doc.core_properties.created = doc.core_properties.modified = FIXED_TIME
        doc.core_properties.last_modified_by = "aktindsigt"
        path = out_dir / name
        doc.save(str(path))
        written.append(path)
    return written


if __name__ == "__main__":  # pragma: no cover
    for p in make_all(Path(sys.argv[1]) if len(sys.argv) > 1 else None):
        print(p)
