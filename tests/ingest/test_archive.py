from __future__ import annotations

import zipfile

from aktindsigt.demo import writers
from aktindsigt.ingest import ingest

from .conftest import check_offsets


def test_zip_members_become_children(tmp_path):
    pdf = writers.write_text_pdf(tmp_path / "a.pdf", "Notat", ["Indhold om Lis Holm."])
    path = tmp_path / "bilag.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(pdf, "mappe/notat.pdf")
        zf.writestr("læs mig.txt", "Tekst om Karen")
        zf.writestr("tom-mappe/", "")
    with ingest(path) as res:
        doc = res.document
        check_offsets(doc)
        assert doc.format == "zip"
        assert "mappe/notat.pdf" in doc.text and "læs mig.txt" in doc.text
        assert [c.source_name for c in doc.children] == ["notat.pdf", "læs mig.txt"]
        assert "Indhold om Lis Holm." in doc.children[0].text
        assert doc.children[1].text == "Tekst om Karen"


def test_zip_bomb_is_refused(tmp_path):
    path = tmp_path / "bombe.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf, zf.open("nuller.bin", "w") as f:
        for _ in range(60):
            f.write(b"0" * (1 << 20))
    with ingest(path) as res:
        assert res.document.failed
        assert "mistænkeligt stor" in res.document.failure_reason
