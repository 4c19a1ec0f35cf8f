import os
from datetime import date

import pytest

from aktindsigt.core.model import (
    Case,
    Document,
    DocumentStatus,
    Page,
    Rect,
    Regime,
    RequesterIdentifiers,
    Word,
)
from aktindsigt.store.store import NewDocument, NotFound, Store, case_counts


def _case(**kw):
    base = dict(title="Aktindsigt i byggesag", requester_name="Jens Hansen", regime=Regime.OFL7,
                received=date(2026, 11, 2))
    base.update(kw)
    return Case(**base)


def test_case_roundtrip_and_numbering(store):
    a = store.create_case(_case(underlying_cases=["27.24.00-P19-1-26"],
                                requester_identifiers=RequesterIdentifiers(cpr=["010203-1234"])), "anne")
    b = store.create_case(_case(title="Anden sag"), "anne")
    assert a.case_number == "AKT-2026-0001" and b.case_number == "AKT-2026-0002"
    again = store.find_case(a.case_number)
    assert again.underlying_cases == ["27.24.00-P19-1-26"]
    assert again.requester_identifiers.cpr == ["010203-1234"]
    assert store.find_case(str(b.id)).title == "Anden sag"
    with pytest.raises(NotFound):
        store.find_case("AKT-1999-0001")


def test_every_change_is_audited(store):
    c = store.create_case(_case(), "anne")
    c.title = "Ny titel"
    store.update_case(c, "bo")
    events = store.audit_events(c.id)
    assert [e.action for e in events] == ["case.create", "case.update"]
    assert events[1].who == "bo"
    assert events[1].before["title"] == "Aktindsigt i byggesag"
    assert events[1].after["title"] == "Ny titel"


def _new_doc(store, tmp_path, name="brev.pdf", content=b"%PDF-1.4 test"):
    f = tmp_path / name
    f.write_bytes(content)
    sha, size, _ = store.blobs.put_file(f)
    pages = [Page(1, 595, 842, 0, 12, [Word("Mette", Rect(1, 2, 3, 4), 0, 5, 0),
                                         Word("Hansen", Rect(5, 2, 9, 4), 6, 12, 0)])]
    doc = Document(case_id=0, akt_nr=0, title="Brev", source_name=name, source_sha256=sha, format="pdf")
    return NewDocument(doc, pages, "Mette Hansen", source_size=size)


def test_documents_with_attachments_get_akt_numbers_and_pages(store, tmp_path):
    c = store.create_case(_case(), "anne")
    parent = _new_doc(store, tmp_path, "mail.eml", b"mail")
    parent.children.append(_new_doc(store, tmp_path, "bilag.pdf", b"bilag"))
    docs = store.add_documents(c.id, parent, "anne")
    assert [d.akt_nr for d in docs] == [1, 2]
    assert docs[1].parent_id == docs[0].id
    more = store.add_documents(c.id, _new_doc(store, tmp_path, "x.pdf", b"x"), "anne")
    assert more[0].akt_nr == 3
    pages = store.get_pages(docs[0].id)
    assert pages[0].words[1].text == "Hansen" and pages[0].words[1].rect == Rect(5, 2, 9, 4)
    assert store.document_text(docs[0].id) == "Mette Hansen"
    assert case_counts(store)[c.id]["documents"] == 3
    actions = [e.action for e in store.audit_events(c.id)]
    assert actions.count("document.import") == 3


def test_duplicate_lookup_uses_content_hash(store, tmp_path):
    c = store.create_case(_case(), "anne")
    nd = _new_doc(store, tmp_path)
    store.add_documents(c.id, nd, "anne")
    found = store.find_document_by_source(c.id, nd.document.source_sha256)
    assert found is not None and found.akt_nr == 1
    other = store.create_case(_case(title="Anden"), "anne")
    assert store.find_document_by_source(other.id, nd.document.source_sha256) is None


def test_failed_insert_leaves_nothing_behind(store, tmp_path):
    c = store.create_case(_case(), "anne")
    nd = _new_doc(store, tmp_path)
    nd.document.status = DocumentStatus.FAILED
    bad_child = _new_doc(store, tmp_path, "b.pdf", b"b")
    bad_child.pages.append(bad_child.pages[0])  # duplicate page number violates the unique constraint
    nd.children.append(bad_child)
    with pytest.raises(Exception):  # noqa: B017
        store.add_documents(c.id, nd, "anne")
    assert store.list_documents(c.id) == []
    assert not any(e.action.startswith("document.") for e in store.audit_events(c.id))


def test_blobs_are_content_addressed_and_immutable(store, tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes(b"hello")
    sha, size, new = store.blobs.put_file(f)
    sha2, _, new2 = store.blobs.put_file(f)
    assert sha == sha2 and new and not new2 and size == 5
    path = store.blobs.path(sha)
    assert path.read_bytes() == b"hello"
    assert not os.access(path, os.W_OK) or os.geteuid() == 0
    assert (path.stat().st_mode & 0o222) == 0


def test_settings_roundtrip(store):
    assert store.get_setting("closure_days", []) == []
    store.set_setting("closure_days", ["2026-12-24"], "anne")
    assert store.get_setting("closure_days") == ["2026-12-24"]


def test_sqlite_runs_in_wal_mode_with_foreign_keys(store):
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_store_reopens_existing_database(isolated_home):
    url = f"sqlite:///{isolated_home / 'again.db'}"
    s1 = Store(url, isolated_home / "blobs")
    c = s1.create_case(_case(), "anne")
    s1.close()
    s2 = Store(url, isolated_home / "blobs")
    assert s2.get_case(c.id).title == c.title
    s2.close()


def test_withheld_pages_are_listed_without_word_maps(store, tmp_path):
    from aktindsigt.store.review import ReviewStore

    c = store.create_case(_case(), "anne")
    (doc,) = store.add_documents(c.id, _new_doc(store, tmp_path), "anne")
    assert store.withheld_pages(c.id) == {}
    ReviewStore(store).set_page_withheld(doc.id, 1, "ofl30_1", "anne")
    (page,) = store.withheld_pages(c.id)[doc.id]
    assert page.number == 1 and page.withheld and page.withheld_ground == "ofl30_1" and page.words == []
