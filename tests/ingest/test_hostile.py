"""Hostile and odd archives: sizes that lie, macOS metadata."""

from __future__ import annotations

import resource

from aktindsigt.ingest import ingest
from aktindsigt.ingest.docx import BOMB

from .corpus import corpus, tree_names


def test_docx_whose_headers_understate_a_member_is_refused_without_inflating_it(tmp_path):
    corpus.make_understated_docx(tmp_path, real_mb=120)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with ingest(tmp_path / "understated.docx") as res:
        assert res.document.failed and res.document.failure_reason == BOMB
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mb < 50


def test_zip_member_that_inflates_beyond_its_header_is_refused(tmp_path):
    import struct
    import zipfile

    path = tmp_path / "arkiv.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("stor.txt", b"A" * (30 << 20))
    raw = bytearray(path.read_bytes())
    for sig, at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        pos = raw.find(sig)
        struct.pack_into("<I", raw, pos + at, 100)
    path.write_bytes(bytes(raw))
    with ingest(path) as res:
        assert res.document.failed and "mistænkeligt stor" in res.document.failure_reason


def test_macos_metadata_in_a_zip_is_skipped(tmp_path):
    corpus.make_zip_with_macosx(tmp_path)
    with ingest(tmp_path / "bilag.zip") as res:
        assert tree_names(res.document) == ["bilag.zip", "tegning.pdf", "noter.txt"]
        assert all(not d.failed for d in res.document.walk())
