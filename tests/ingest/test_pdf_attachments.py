"""Files attached to a PDF (#15): file-attachment annotations on the pages, the EmbeddedFiles name tree
(flat and split into /Kids), PDFs attached inside PDFs, and the limits that stop them with a reason."""

from __future__ import annotations

import zlib

import pikepdf
import pymupdf
import pytest

from aktindsigt.demo import writers
from aktindsigt.ingest import IngestOptions, ingest


def _pdf_bytes(text: str) -> bytes:
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), text)
    data = doc.tobytes()
    doc.close()
    return data


def _annotated(path, files: list[tuple[int, str, bytes]], pages: int = 2):
    """A PDF of ``pages`` text pages with a file-attachment annotation per (page, name, data)."""
    doc = pymupdf.open()
    for n in range(pages):
        doc.new_page().insert_text((72, 72), f"Side {n + 1} af notatet om sagen")
    for i, (page, name, data) in enumerate(files):
        doc[page - 1].add_file_annot((400, 100 + 40 * i), data, filename=name, desc=f"Bilag {i + 1}")
    doc.save(path)
    doc.close()
    return path


def _kids_tree(path, names: list[tuple[str, bytes]]):
    """A PDF whose EmbeddedFiles name tree is split into /Kids (as Acrobat writes long portfolios); PyMuPDF's
    embfile_* API sees only a flat /Names array."""
    src = writers.write_text_pdf(path.with_suffix(".src.pdf"), "Portefølje", ["Forside af porteføljen."])
    with pikepdf.open(src) as pdf:
        kids = []
        for name, data in names:
            spec = pikepdf.AttachedFileSpec(pdf, data, filename=name)
            leaf = pikepdf.Dictionary(Names=pikepdf.Array([pikepdf.String(name), spec.obj]),
                                      Limits=pikepdf.Array([pikepdf.String(name), pikepdf.String(name)]))
            kids.append(pdf.make_indirect(leaf))
        pdf.Root.Names = pikepdf.Dictionary(EmbeddedFiles=pikepdf.Dictionary(Kids=pikepdf.Array(kids)))
        pdf.save(path)
    with pymupdf.open(path) as check:
        assert check.embfile_count() == 0  # what the old import saw
    return path


def test_two_file_attachment_annotations_give_two_children(tmp_path):
    path = _annotated(tmp_path / "notat.pdf", [(1, "referat.pdf", _pdf_bytes("Referat om Karen Holm")),
                                               (2, "noter.txt", "Noter om Søren Møller".encode())])
    with ingest(path) as res:
        doc = res.document
        assert not doc.failed
        assert [c.source_name for c in doc.children] == ["referat.pdf", "noter.txt"]
        assert "Referat om Karen Holm" in doc.children[0].text
        assert doc.children[1].text.strip() == "Noter om Søren Møller"
        assert any(w.startswith("PDF-filen har 2 vedhæftede filer (på side 1-2); de er indlæst som bilag")
                   for w in doc.warnings), doc.warnings


def test_name_tree_with_kids_and_an_annotation(tmp_path):
    path = _kids_tree(tmp_path / "portefølje.pdf", [("a.txt", b"Fil A om Jens"), ("b.txt", b"Fil B om Lise")])
    with pymupdf.open(path) as doc:
        doc[0].add_file_annot((300, 300), b"Fil C om Ole", filename="c.txt")
        doc.saveIncr()
    with ingest(path) as res:
        doc = res.document
        assert [c.source_name for c in doc.children] == ["a.txt", "b.txt", "c.txt"]
        assert [c.text.strip() for c in doc.children] == ["Fil A om Jens", "Fil B om Lise", "Fil C om Ole"]
        assert any("3 vedhæftede filer (i dokumentet og på side 1)" in w for w in doc.warnings)


def test_the_same_file_in_the_tree_and_behind_an_annotation_is_one_child(tmp_path):
    path = _annotated(tmp_path / "a.pdf", [(1, "bilag.txt", b"Bilag om Hans")], pages=1)
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        fs = pdf.pages[0].Annots[0].FS
        pdf.Root.Names = pikepdf.Dictionary(EmbeddedFiles=pikepdf.Dictionary(
            Names=pikepdf.Array([pikepdf.String("bilag.txt"), fs])))
        pdf.save(path)
    with ingest(path) as res:
        assert [c.source_name for c in res.document.children] == ["bilag.txt"]


def _nested(levels: int) -> bytes:
    """A PDF with a PDF attached, with a PDF attached ... ``levels`` deep; the innermost holds a text file."""
    inner = b"Inderste fil om Birthe"
    name = "inderst.txt"
    for level in range(levels, 0, -1):
        doc = pymupdf.open()
        doc.new_page().insert_text((72, 72), f"Niveau {level}")
        doc[0].add_file_annot((300, 300), inner, filename=name)
        inner, name = doc.tobytes(), f"niveau-{level}.pdf"
        doc.close()
    return inner


def test_pdf_in_pdf_in_pdf_up_to_the_depth_limit(tmp_path):
    path = tmp_path / "niveau-1.pdf"
    path.write_bytes(_nested(5))
    with ingest(path, IngestOptions(max_attachment_depth=3)) as res:
        chain = []
        doc = res.document
        while True:
            chain.append(doc.source_name)
            assert not doc.failed, doc.failure_reason
            if not doc.children:
                break
            assert len(doc.children) == 1
            doc = doc.children[0]
        assert chain == ["niveau-1.pdf", "niveau-2.pdf", "niveau-3.pdf", "niveau-4.pdf"]
        assert any("PDF-filen har 1 vedhæftet fil (på side 1), som ikke er indlæst, fordi den ligger dybere end "
                   "3 niveauer." in w for w in doc.warnings), doc.warnings
    with ingest(path, IngestOptions(max_attachment_depth=6)) as res:
        names = [d.source_name for d in res.document.walk()]
        assert names == ["niveau-1.pdf", "niveau-2.pdf", "niveau-3.pdf", "niveau-4.pdf", "niveau-5.pdf",
                         "inderst.txt"]
        assert list(res.document.walk())[-1].text.strip() == "Inderste fil om Birthe"


def test_count_limit_imports_the_first_and_names_the_rest(tmp_path):
    path = _annotated(tmp_path / "mange.pdf", [(1, f"fil-{i}.txt", f"Fil nummer {i}".encode()) for i in range(5)],
                      pages=1)
    with ingest(path, IngestOptions(max_attachments=3)) as res:
        doc = res.document
        assert [c.source_name for c in doc.children] == ["fil-0.txt", "fil-1.txt", "fil-2.txt"]
        assert any("Kun de første 3 vedhæftede filer er indlæst; 2 filer er ikke (grænsen er 3 filer i én "
                   "PDF-fil)" in w for w in doc.warnings), doc.warnings


def test_an_attachment_that_inflates_past_the_limit_is_refused_before_it_is_in_memory(tmp_path):
    path = writers.write_text_pdf(tmp_path / "bombe.pdf", "Notat", ["Tekst om sagen."])
    bomb = zlib.compress(b"\0" * 50_000_000, 9)  # 50 MB of zeros in ~50 kB
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        stream = pikepdf.Stream(pdf, bomb)
        stream.Filter = pikepdf.Name.FlateDecode
        stream.Type = pikepdf.Name.EmbeddedFile
        spec = pikepdf.Dictionary(Type=pikepdf.Name.Filespec, F=pikepdf.String("nuller.bin"),
                                  UF=pikepdf.String("nuller.bin"), EF=pikepdf.Dictionary(F=stream))
        pdf.Root.Names = pikepdf.Dictionary(EmbeddedFiles=pikepdf.Dictionary(
            Names=pikepdf.Array([pikepdf.String("nuller.bin"), pdf.make_indirect(spec)])))
        pdf.save(path)
    with ingest(path, IngestOptions(max_docx_uncompressed=10_000_000)) as res:
        doc = res.document
        assert not doc.failed
        assert doc.children == []
        assert any("Den vedhæftede fil «nuller.bin» er ikke indlæst: den fylder over 10 MB, når den pakkes ud"
                   in w for w in doc.warnings), doc.warnings


def test_the_import_budget_of_documents_stops_a_wide_nest_with_a_reason(tmp_path):
    path = _annotated(tmp_path / "bred.pdf", [(1, f"bilag-{i}.txt", f"Bilag {i}".encode()) for i in range(6)],
                      pages=1)
    with ingest(path, IngestOptions(max_documents=4)) as res:
        doc = res.document
        kids = doc.children
        assert len(kids) == 6  # nothing silently lost: the rest are failed documents with their bytes
        assert [c.failed for c in kids] == [False, False, False, True, True, True]
        assert kids[3].failure_reason.startswith("Filen er ikke indlæst: den fil, den ligger i, giver mere end "
                                                 "4 dokumenter i alt.")
        assert kids[3].source_path.read_bytes() == b"Bilag 3"


@pytest.mark.parametrize("where", ["annotation", "kids"])
def test_the_redacted_pdf_carries_no_attached_file(tmp_path, where):
    """The released PDF has neither the attachment annotation nor the embedded file stream, wherever the
    file sat (an annotation on the page, a name tree split into /Kids)."""
    from aktindsigt.core.model import Rect
    from aktindsigt.redact import RedactionBox, redact_pdf

    secret = "Hemmeligt bilag om Margrethe Vestergaard"
    if where == "annotation":
        path = _annotated(tmp_path / "in.pdf", [(1, "hemmeligt.txt", secret.encode())], pages=1)
    else:
        path = _kids_tree(tmp_path / "in.pdf", [("hemmeligt.txt", secret.encode())])
    with pymupdf.open(path) as doc:
        r = doc[0].search_for("Side 1" if where == "annotation" else "Forside")[0]
    out = tmp_path / "ud.pdf"
    redact_pdf(path, out, [RedactionBox(1, Rect(r.x0, r.y0, r.x1, r.y1), "§ 30, nr. 1")])
    with pikepdf.open(out) as pdf:
        assert "/Names" not in pdf.Root
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
                assert obj.get("/Type") not in (pikepdf.Name.EmbeddedFile, pikepdf.Name.Filespec)
                assert obj.get("/Subtype") != pikepdf.Name.FileAttachment
                if isinstance(obj, pikepdf.Stream):
                    assert b"Vestergaard" not in obj.read_bytes()
        assert len(pdf.attachments) == 0
    assert b"Vestergaard" not in out.read_bytes()


def test_without_qpdf_pymupdf_lists_the_annotations_and_the_flat_tree(tmp_path, monkeypatch):
    """A file qpdf cannot open (only MuPDF's reconstruction reads it): PyMuPDF lists what it can."""
    path = _annotated(tmp_path / "a.pdf", [(1, "note.txt", b"Note om Anna")], pages=1)
    with pymupdf.open(path) as doc:
        doc.embfile_add("flad.txt", b"Flad fil om Bo", filename="flad.txt")
        doc.saveIncr()

    def refuse(*args, **kwargs):
        raise pikepdf.PdfError("qpdf gives up (test)")

    monkeypatch.setattr(pikepdf, "open", refuse)
    with ingest(path) as res:
        doc = res.document
        assert [(c.source_name, c.text.strip()) for c in doc.children] == [("flad.txt", "Flad fil om Bo"),
                                                                          ("note.txt", "Note om Anna")]


def test_verification_finds_a_term_in_a_file_attached_behind_an_annotation_or_in_kids(tmp_path):
    """The verifier's embedded-files check sees what PyMuPDF's embfile API does not (a term left in such a
    file fails the check even if the raw-object scan were to miss it)."""
    from aktindsigt.redact.verify import _check_embedded, _Terms

    terms = _Terms(["Vestergaard"], "salt")
    a = _annotated(tmp_path / "a.pdf", [(1, "x.txt", b"Margrethe Vestergaard")], pages=1)
    k = _kids_tree(tmp_path / "k.pdf", [("y.txt", b"Margrethe Vestergaard")])
    for path in (a, k):
        with pymupdf.open(path) as doc:
            ok, details = _check_embedded(doc, terms, path)
            assert not ok and any("in an attached file" in d for d in details), details
    clean = _annotated(tmp_path / "c.pdf", [(1, "x.txt", b"Intet navn")], pages=1)
    with pymupdf.open(clean) as doc:
        assert _check_embedded(doc, terms, clean)[0]


def test_a_paper_clip_that_refers_to_a_file_outside_the_pdf_is_named(tmp_path):
    """A FileAttachment annotation whose file specification is only a path (nothing embedded): no child,
    a warning that names the file."""
    path = _annotated(tmp_path / "a.pdf", [(1, "bilag.txt", b"Bilag om Hans")], pages=1)
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        pdf.pages[0].Annots[0].FS = pikepdf.String("C:\\Sager\\Tegning 7.pdf")
        pdf.save(path)
    with ingest(path) as res:
        doc = res.document
        assert doc.children == []
        assert ("PDF-filen henviser på side 1 til filen «Tegning 7.pdf», som ligger uden for PDF-filen og ikke "
                "er med. Bed afsenderen om filen, hvis den hører til sagen.") in doc.warnings


def test_paper_clips_are_not_reported_as_notes_but_a_real_note_is(tmp_path):
    path = _annotated(tmp_path / "a.pdf", [(1, "bilag.txt", b"Bilag")], pages=2)
    with ingest(path) as res:
        assert not any("kommentarer eller noter" in w for w in res.document.warnings)
    with pymupdf.open(path) as doc:
        doc[1].add_text_annot((100, 100), "Intern note om borgeren")
        doc.saveIncr()
    with ingest(path) as res:
        assert any("kommentarer eller noter (side 2)" in w for w in res.document.warnings)
