from __future__ import annotations

import shutil
import zipfile

import pytest

from aktindsigt.demo import writers
from aktindsigt.ingest import IngestOptions, ingest

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


def _set_method(path, member: str, method: int) -> None:
    """Patch a member's compression method in its local header and its central-directory entry."""
    import struct

    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(member)
        start = zf.start_dir
    assert data[info.header_offset:info.header_offset + 4] == b"PK\x03\x04"
    struct.pack_into("<H", data, info.header_offset + 8, method)
    pos = start
    while data[pos:pos + 4] == b"PK\x01\x02":
        n, m, k = struct.unpack_from("<HHH", data, pos + 28)
        if data[pos + 46:pos + 46 + n].decode("utf-8") == member:
            struct.pack_into("<H", data, pos + 10, method)
        pos += 46 + n + m + k
    path.write_bytes(bytes(data))


def _zip_with_odd_members(tmp_path, method: int):
    """Three members; the middle one's method set to ``method``. Level 0 writes stored deflate blocks,
    which read the same as Deflate64 (method 9)."""
    path = tmp_path / "arkiv.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=0) as zf:
        zf.writestr("før.txt", "Første fil om Karen")
        zf.writestr("[udkast] *notat*.txt", "Notat om Søren Møller, Deflate64")
        zf.writestr("efter.txt", "Sidste fil om Lis")
    _set_method(path, "[udkast] *notat*.txt", method)
    with zipfile.ZipFile(path) as zf, pytest.raises(NotImplementedError):
        zf.read("[udkast] *notat*.txt")  # what the stdlib says about it
    return path


@pytest.mark.skipif(shutil.which("unzip") is None, reason="Info-ZIP unzip is not installed")
def test_a_deflate64_member_is_read_with_unzip(tmp_path):
    path = _zip_with_odd_members(tmp_path, 9)
    with ingest(path) as res:
        doc = res.document
        assert [c.source_name for c in doc.children] == ["før.txt", "[udkast] *notat*.txt", "efter.txt"]
        assert doc.children[1].text.strip() == "Notat om Søren Møller, Deflate64"
        assert not any("pakket med metoden" in w for w in doc.warnings)


@pytest.mark.parametrize("unzip", [True, False])
def test_an_unreadable_method_gets_a_reason_and_the_rest_is_imported(tmp_path, monkeypatch, unzip):
    """Method 6 (implode) over bytes that are not an imploded stream: unzip fails (or is not installed);
    the member is named with its method, the other members reach the case."""
    if not unzip:
        monkeypatch.setattr(shutil, "which", lambda name, *a, **k: None)
    elif shutil.which("unzip") is None:
        pytest.skip("Info-ZIP unzip is not installed")
    path = _zip_with_odd_members(tmp_path, 6)
    with ingest(path) as res:
        doc = res.document
        assert not doc.failed
        assert [c.text.strip() for c in doc.children] == ["Første fil om Karen", "Sidste fil om Lis"]
        assert ("Filen «[udkast] *notat*.txt» i arkivet er pakket med metoden implode, som ikke kan pakkes ud her. "
                "Pak arkivet ud med et andet program, og importér filen for sig.") in doc.warnings


def test_nested_zips_stop_at_the_depth_limit_and_the_import_budget(tmp_path):
    """A small 42.zip: every level holds four copies of the level below. The depth limit stops the
    descent with a reason; the import's budget of documents stops the width with a reason per file."""
    leaf = tmp_path / "leaf.zip"
    with zipfile.ZipFile(leaf, "w") as zf:
        zf.writestr("nuller.txt", "0" * 100)
    data = leaf.read_bytes()
    for level in range(4):
        nxt = tmp_path / f"niveau-{level}.zip"
        with zipfile.ZipFile(nxt, "w", zipfile.ZIP_DEFLATED) as zf:
            for i in range(4):
                zf.writestr(f"kopi-{i}.zip", data)
        data = nxt.read_bytes()
    top = tmp_path / "42.zip"
    top.write_bytes(data)
    with ingest(top, IngestOptions(max_attachment_depth=3)) as res:
        docs = list(res.document.walk())
        assert len(docs) == 1 + 4 + 16 + 64
        assert all(not d.failed for d in docs)
        deepest = docs[-1]
        assert "Arkivet har 4 filer, som ikke er indlæst (for dybt indlejret)." in deepest.warnings
    with ingest(top, IngestOptions(max_attachment_depth=3, max_documents=30)) as res:
        docs = list(res.document.walk())
        failed = [d for d in docs if d.failed]
        assert sum(not d.failed for d in docs) == 30
        assert failed and all("giver mere end 30 dokumenter i alt" in d.failure_reason for d in failed)


def test_the_import_budget_of_bytes_names_the_members_it_stops(tmp_path):
    path = tmp_path / "store.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
        for i in range(4):
            zf.writestr(f"del-{i}.txt", f"Del {i} " + "x" * 3000)
    with ingest(path, IngestOptions(max_extracted_bytes=7000)) as res:
        doc = res.document
        assert [c.source_name for c in doc.children] == ["del-0.txt", "del-1.txt"]
        assert any(w.startswith("Filen «del-2.txt» i arkivet er ikke indlæst: de filer, der er pakket ud, "
                                "fylder for meget i alt (over 7 kB)") for w in doc.warnings), doc.warnings
