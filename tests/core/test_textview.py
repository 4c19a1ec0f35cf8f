"""The normalised view of a document's text: what every finder reads, and its map back."""

from __future__ import annotations

import pymupdf
import pytest

from aktindsigt.core.model import Page, Rect, Word
from aktindsigt.core.textview import HARD, TextView, normalised


def page_of(lines: list[tuple[float, float, str]], number: int = 1, start: int = 0, width: float = 595.0):
    """A page from (x, y, text) lines: words 6 pt a letter, 12 pt high; returns (page, text)."""
    words, parts, pos = [], [], start
    for line_no, (x, y, text) in enumerate(lines):
        for k, w in enumerate(text.split(" ")):
            if k:
                parts.append(" ")
                pos += 1
            words.append(Word(w, Rect(x, y, x + 6 * len(w), y + 12), pos, pos + len(w), line_no))
            parts.append(w)
            pos += len(w)
            x += 6 * len(w) + 4
        parts.append("\n")
        pos += 1
    text = "".join(parts)
    return Page(number, width, 842, start, start + len(text), words), text


def full_line(words: str, width_chars: int = 70) -> str:
    """Filler words up to ``width_chars`` characters, then ``words`` at the end of the line."""
    filler = "der er lagt vægt på familiens samlede situation og de oplysninger som skolen har givet".split()
    out: list[str] = []
    while len(" ".join([*out, filler[len(out) % len(filler)], words])) <= width_chars:
        out.append(filler[len(out) % len(filler)])
    return " ".join([*out, words])


def test_a_wrapped_line_reads_as_one_line_and_maps_back():
    first = full_line("Ring til mig på 37 62 01")
    page, text = page_of([(72, 100, first), (72, 115, "97 hvis der er noget.")])
    view = TextView.build(text, [page])
    assert "på 37 62 01 97 hvis" in view.text
    i = view.text.index("37 62 01 97")
    a, b = view.to_source(i, i + len("37 62 01 97"))
    assert text[a:b] == "37 62 01\n97"
    assert view.from_source(a, b) == (i, i + len("37 62 01 97"))


def test_a_short_line_a_paragraph_gap_and_an_indent_are_hard_breaks():
    full = full_line("slut.")
    page, text = page_of([(72, 100, full), (72, 115, "Kort linje 12 34"), (72, 130, "56 78 ny linje"),
                          (72, 160, full), (72, 175, full), (110, 190, "indrykket")])
    view = TextView.build(text, [page])
    assert "slut. Kort linje 12 34\n56 78" in view.text  # a full line wraps; the short one does not
    assert "ny linje\n" + full in view.text  # a paragraph gap
    assert "slut.\nindrykket" in view.text  # an indent
    assert view.text.count(HARD) >= 3


def test_table_cells_side_by_side_and_a_list_of_numbers_stay_apart():
    # cells: separate lines at the same height; a wide gap inside one line
    page, text = page_of([(72, 100, "Mobil"), (142, 100, "61 90 93 78"), (242, 100, "Fastnet"),
                          (312, 100, "94 23 26 01"), (72, 115, "Arbejde"), (142, 115, "94 23 26 01")])
    gap_page, gap_text = page_of([(72, 140, "12 34 56 78")])
    view = TextView.build(text, [page])
    assert "61 90 93 78\nFastnet\n94 23 26 01\nArbejde" in view.text
    # one line with a cell gap: words 12 and 56 ... are far apart
    words = [Word("12", Rect(72, 10, 84, 22), 0, 2, 0), Word("34", Rect(88, 10, 100, 22), 3, 5, 0),
             Word("56", Rect(200, 10, 212, 22), 6, 8, 0), Word("78", Rect(216, 10, 228, 22), 9, 11, 0)]
    v2 = TextView.build("12 34 56 78\n", [Page(1, 595, 842, 0, 12, words)])
    assert v2.text == "12 34\n56 78\n"
    # a narrow list of equally long numbers (each line "full" in its own column) is no paragraph
    lst, lst_text = page_of([(72, 100, "12 34 56 78"), (72, 115, "87 65 43 21"), (72, 130, "11 22 33 44")])
    assert TextView.build(lst_text, [lst]).text == "12 34 56 78\n87 65 43 21\n11 22 33 44\n"
    assert gap_page.words  # the helper itself


def test_a_value_wrapped_across_a_page_break():
    p1, t1 = page_of([(72, 100, full_line("familien")), (72, 755, full_line("Mikkel"))], number=1)
    p2, t2 = page_of([(72, 70, "Bruun ringede.")], number=2, start=len(t1))
    view = TextView.build(t1 + t2, [p1, p2])
    assert "Mikkel Bruun ringede." in view.text


@pytest.mark.parametrize(("head", "tail", "expected"), [
    ("Kløvermarks-", "vej 3", "Kløvermarksvej 3"),  # hyphenation at a line end
    ("Hansen-", "Nielsen kom", "Hansen-Nielsen kom"),  # a real compound: capital after the hyphen
    ("SFO-", "leder", "SFO-leder"),  # an abbreviation
    ("e-", "mail", "e-mail"),  # one letter
    ("2-", "værelses", "2-værelses"),  # a digit
    ("social-", "og sundhedsassistent", "social- og sundhedsassistent"),  # an elided word
])
def test_hyphenation_at_a_line_end(head, tail, expected):
    page, text = page_of([(72, 100, full_line(head)), (72, 115, tail)])
    view = TextView.build(text, [page])
    assert expected in view.text


def test_soft_hyphens_ligatures_spaces_and_typographic_characters():
    view = TextView.build("Han\u00adsen  og\u00a0\u00a0Mette \ufb01k post\u2011nummer \u2019s tlf.\u200b 12")
    assert view.text == "Hansen og Mette fik post-nummer 's tlf. 12"
    i = view.text.index("fik")
    assert view.source_text(i, i + 3) == "\ufb01k"  # the ligature maps to its one source character
    assert normalised("  Mikkel\nBruun ") == "Mikkel Bruun"


def test_plain_text_without_geometry_uses_the_same_test_on_characters():
    text = ("Borgeren oplyste ved mødet at hun kan kontaktes på 37 62 01\n97 om formiddagen og at hun\n"
            "har brug for hjælp.\n\nTlf.\t12 34 56 78\n")
    view = TextView.build(text)
    assert "37 62 01 97 om" in view.text
    assert "hjælp.\nTlf.\n12 34 56 78" in view.text  # blank line and tab stop: hard
    assert TextView.build("Mette\nHansen", soft_lines=True).text == "Mette Hansen"


def test_the_view_of_a_real_pdf_page(tmp_path):
    """Lines laid out by PyMuPDF and read back through the importer's word map."""
    from aktindsigt.ingest import ingest

    doc = pymupdf.open()
    page = doc.new_page()
    y = 80
    line1 = full_line("Ring til mig på 37 62 01", 88)
    for line in (line1, "97. Familien bor på Kløvermarks-", "vej 3 i Vejle."):
        page.insert_text((72, y), line, fontname="helv", fontsize=10)
        y += 13
    path = tmp_path / "brev.pdf"
    doc.save(path)
    with ingest(path) as r:
        view = TextView.build(r.document.text, r.document.pages)
    assert "37 62 01 97." in view.text
    assert "Kløvermarks-vej 3" not in view.text  # the second line is short: no wrap, the hyphen is kept
