from __future__ import annotations

import pymupdf
import pytest

from aktindsigt.demo import writers
from aktindsigt.ingest import ingest
from aktindsigt.ingest.text import decode_text, html_to_text

from .conftest import check_offsets, contains, phrase_rect

CONTENT = (
    "Telefonnotat\n\n"
    "Dato:\t12.01.2026\n"
    "Borger: Mette Kirstine Sørensen, CPR 120388-4412\n"
    "Adresse: Østergade 7, 1. tv., 5000 Odense C\n"
    + "Borgeren fortalte udførligt om forløbet på jobcentret og om kontakten til egen læge " * 6
    + "\n\n"
    + "\n".join(f"Linje {i}: opfølgning aftalt med sagsbehandler Hans Jensen" for i in range(150))
    + "\nSlut uden linjeskift"
)


def test_txt_text_is_exactly_the_content(tmp_path):
    path = writers.write_text(tmp_path / "notat.txt", CONTENT, newline="\r\n")
    with ingest(path) as res:
        doc = res.document
        check_offsets(doc)
        assert doc.format == "text"
        assert doc.text == CONTENT
        assert len(doc.pages) >= 3
        assert "".join(doc.text[p.text_start:p.text_end] for p in doc.pages) == CONTENT
        assert doc.title == "notat"


def test_txt_cp1252_fallback(tmp_path):
    path = writers.write_text(tmp_path / "gammel.txt", "Søren Ærø bor på Åvej 3\n", encoding="cp1252")
    with ingest(path) as res:
        assert res.document.text == "Søren Ærø bor på Åvej 3\n"


def test_decode_text_variants():
    assert decode_text(b"\xef\xbb\xbfa\r\nb\rc") == "a\nb\nc"
    assert decode_text("æ".encode("cp1252")) == "æ"


@pytest.mark.parametrize("phrase", ["120388-4412", "Østergade 7, 1. tv., 5000 Odense C", "Hans Jensen"])
def test_txt_word_boxes_match_rendered_text(tmp_path, phrase):
    path = writers.write_text(tmp_path / "notat.txt", CONTENT)
    with ingest(path) as res:
        doc = res.document
        page_no, rect = phrase_rect(doc, phrase)
        with pymupdf.open(doc.rendition) as pdf:
            hits = pdf[page_no - 1].search_for(phrase)
        assert any(contains(rect, h) for h in hits), (rect, hits)


def test_txt_long_lines_wrap_and_tabs(tmp_path):
    path = writers.write_text(tmp_path / "lang.txt", "a\tb " + "x" * 300 + " slut\n")
    with ingest(path) as res:
        doc = res.document
        check_offsets(doc)
        assert doc.text == "a\tb " + "x" * 300 + " slut\n"
        lines = {w.line for w in doc.pages[0].words}
        assert len(lines) >= 4  # the 300-character token is broken over several lines


def test_html(tmp_path):
    path = writers.write_html(tmp_path / "side.html", "Referat af møde",
                              ["Deltagere: Anne Holm og Per Madsen.", "Næste møde holdes i Vejle."])
    with ingest(path) as res:
        doc = res.document
        check_offsets(doc)
        assert doc.format == "html"
        assert doc.title == "Referat af møde"
        assert "Deltagere: Anne Holm og Per Madsen." in doc.text
        assert "not content" not in doc.text
        assert doc.approximate


def test_html_to_text_blocks():
    title, text = html_to_text("<html><head><title>T</title></head><body><p>a  b</p><div>c<br>d</div></body></html>")
    assert title == "T"
    assert [line for line in text.split("\n") if line] == ["a b", "c", "d"]
    assert "c\nd" in text
