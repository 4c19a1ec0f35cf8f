"""Sanitising a PDF: everything that is not page content, and hidden content.

Order used by the engine: :func:`remove_hidden_layers` and :func:`flatten_and_strip_annotations`
before the boxes are applied (so flattened form values are redacted like page text),
:func:`strip_document` after.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable, Sequence

from aktindsigt.pdflib import pymupdf
from aktindsigt.redact.pdfsyntax import remove_marked_sections, strip_marked_content_text
from aktindsigt.redact.textnorm import Needles, as_needles

_REF_RE = re.compile(r"/([^\s/<>\[\]()]+)\s+(\d+)\s+0\s+R")
_CATALOG_KEYS = (
    "Names",  # EmbeddedFiles, JavaScript, Dests, ...
    "OpenAction",
    "AA",
    "AcroForm",
    "StructTreeRoot",  # tagged structure: /Alt, /ActualText, /T can carry text
    "MarkInfo",
    "PieceInfo",
    "Metadata",
    "OCProperties",
    "Threads",
    "SpiderInfo",
    "Collection",
    "Perms",
    "Legal",
    "URI",
    "AF",
    "Outlines",
    "PageLabels",
)
_PAGE_KEYS = ("AA", "PieceInfo", "Metadata", "Thumb", "B", "StructParents", "AF", "Tabs")
_TEXT_KEYS = ("ActualText", "Alt", "E", "TU", "TM", "RC")  # not /Contents: pages use it for content


def _resolve(doc: pymupdf.Document, xref: int, key: str) -> str:
    kind, val = doc.xref_get_key(xref, key)
    if kind == "xref":
        return doc.xref_object(int(val.split()[0]))
    return val if kind == "dict" else ""


def hidden_ocgs(doc: pymupdf.Document) -> set[int]:
    """xrefs of optional-content groups that are off in the default configuration."""
    try:
        ocgs = doc.get_ocgs() or {}
    except Exception:  # noqa: BLE001 -- a broken /OCProperties: treat as none
        return set()
    return {x for x, info in ocgs.items() if not info.get("on", True)}


def _hidden_ref(doc: pymupdf.Document, xref: int, hidden: set[int]) -> bool:
    """Is object ``xref`` (an OCG or OCMD) hidden by default?"""
    if xref in hidden:
        return True
    src = doc.xref_object(xref)
    if "/OCMD" in src:
        refs = [int(m) for m in re.findall(r"(\d+)\s+0\s+R", _resolve(doc, xref, "OCGs") or src)]
        return bool(refs) and all(r in hidden for r in refs)
    return False


def remove_hidden_layers(doc: pymupdf.Document) -> int:
    """Remove content of optional-content layers that are hidden by default; drop /OCProperties.

    Marked sections ``/OC /Tag BDC ... EMC`` referring to hidden groups are cut
    out of the page content streams (and form XObjects); XObjects carrying a hidden
    ``/OC`` are emptied.  Returns the number of removals.
    """
    cat = doc.pdf_catalog()
    if doc.xref_get_key(cat, "OCProperties")[0] == "null":
        return 0
    hidden = hidden_ocgs(doc)
    removed = 0
    if hidden:
        streams: dict[int, set[bytes]] = {}
        for page in doc:
            props = _resolve(doc, page.xref, "Resources/Properties")
            tags = {
                name.encode("latin-1")
                for name, x in _REF_RE.findall(props)
                if _hidden_ref(doc, int(x), hidden)
            }
            if tags:
                for cx in page.get_contents():
                    streams.setdefault(cx, set()).update(tags)
        for x in range(1, doc.xref_length()):
            try:
                src = doc.xref_object(x)
            except Exception:  # noqa: BLE001
                continue
            if not doc.xref_is_stream(x):
                continue
            m = re.search(r"/OC\s+(\d+)\s+0\s+R", src)
            if m and _hidden_ref(doc, int(m.group(1)), hidden):
                if "/Image" in src:
                    doc.update_stream(x, b"\x00\x00\x00", new=False)
                    doc.xref_set_key(x, "Width", "1")
                    doc.xref_set_key(x, "Height", "1")
                    doc.xref_set_key(x, "Filter", "null")
                    doc.xref_set_key(x, "DecodeParms", "null")
                    doc.xref_set_key(x, "ColorSpace", "/DeviceRGB")
                    doc.xref_set_key(x, "BitsPerComponent", "8")
                    doc.xref_set_key(x, "SMask", "null")
                else:
                    doc.update_stream(x, b"")
                removed += 1
                continue
            if "/Form" in src:
                props = _resolve(doc, x, "Resources/Properties")
                tags = {
                    name.encode("latin-1")
                    for name, ref in _REF_RE.findall(props)
                    if _hidden_ref(doc, int(ref), hidden)
                }
                if tags:
                    streams.setdefault(x, set()).update(tags)
        for x, tags in streams.items():
            data = doc.xref_stream(x) or b""
            new, n = remove_marked_sections(data, tags)
            if n:
                doc.update_stream(x, new)
                removed += n
    doc.xref_set_key(cat, "OCProperties", "null")
    return removed


#: annotations whose content is not part of the printed page (a note's text lives in its popup), or that
#: carry something that is not page content (files, media), or an unapplied redaction (its overlay would be
#: burned in over text that is still there): removed, never burned in
_NOT_BURNED = {
    pymupdf.PDF_ANNOT_POPUP, pymupdf.PDF_ANNOT_TEXT, pymupdf.PDF_ANNOT_FILE_ATTACHMENT, pymupdf.PDF_ANNOT_SOUND,
    pymupdf.PDF_ANNOT_MOVIE, pymupdf.PDF_ANNOT_SCREEN, pymupdf.PDF_ANNOT_REDACT, pymupdf.PDF_ANNOT_3D,
    pymupdf.PDF_ANNOT_RICH_MEDIA,
}  # type: ignore[attr-defined]
_HIDDEN_FLAGS = pymupdf.PDF_ANNOT_IS_HIDDEN | pymupdf.PDF_ANNOT_IS_NO_VIEW  # type: ignore[attr-defined]


def flatten_and_strip_annotations(doc: pymupdf.Document) -> tuple[int, int]:
    """Burn what annotations show (typewriter text, stamps, ink, shapes, form-field values) into the page
    content, then remove every annotation but links.

    The burned-in content is ordinary page content, so redaction boxes over it remove it like any other
    text or drawing, and what lies outside the boxes stays as the caseworker saw it (#15: a page made of
    stamps and typewriter text was released blank).  Hidden annotations, notes, attachments, media and
    unapplied redaction annotations are removed without being burned in.  Returns (annotations and
    widgets burned in, annotations removed).
    """
    removed = 0
    shown = 0
    links: dict[int, list[str]] = {}
    for page in doc:
        annot = page.first_annot
        while annot is not None:
            nxt = annot.next
            try:
                drop = annot.type[0] in _NOT_BURNED or bool(annot.flags & _HIDDEN_FLAGS)
            except Exception:  # noqa: BLE001 - a broken annotation: removed below
                drop = True
            if drop:
                page.delete_annot(annot)
                removed += 1
            else:
                shown += 1
            annot = nxt
        shown += len(list(page.widgets() or []))
        links[page.number] = [f"{lk['xref']} 0 R" for lk in page.get_links() if lk.get("xref")]
    annot = page = None  # no annotation or page object may be used after the bake (PyMuPDF crashes on them)
    if shown:
        try:
            doc.bake(annots=True, widgets=True)
        except Exception:  # noqa: BLE001 - broken appearance streams: keep at least the form values
            with contextlib.suppress(Exception):
                doc.bake(annots=False, widgets=True)
    # whatever is still in /Annots but links goes (not burned in, broken, unlisted popups): by xref
    for pno in range(doc.page_count):
        xref = doc.page_xref(pno)
        kind, val = doc.xref_get_key(xref, "Annots")
        if kind == "null":
            continue
        if kind == "xref":
            val = doc.xref_object(int(val.split()[0]))
        keep = links.get(pno, [])
        removed += max(0, len(re.findall(r"\d+\s+0\s+R", val)) - len(keep))
        doc.xref_set_key(xref, "Annots", "[" + " ".join(keep) + "]" if keep else "null")
    return shown, removed


def filter_links(
    doc: pymupdf.Document,
    boxes_by_page: dict[int, Sequence[pymupdf.Rect]],
    redacted: Iterable[str] | Needles,
) -> int:
    """Remove links under a redaction box or whose target carries a redacted string."""
    terms = as_needles(redacted)
    removed = 0
    for page in doc:
        rects = boxes_by_page.get(page.number + 1, ())
        for link in page.get_links():
            target = " ".join(str(link.get(k, "")) for k in ("uri", "file", "nameddest", "to"))
            hit = any(link["from"].intersects(r) for r in rects)
            if not hit and terms:
                hit = terms.in_text(target)
            if hit or link.get("kind") in (pymupdf.LINK_LAUNCH,):
                page.delete_link(link)
                removed += 1
    return removed


def rewrite_outline(doc: pymupdf.Document, redacted: Iterable[str] | Needles) -> tuple[int, int]:
    """Keep only outline entries whose titles carry no redacted string, as plain GoTo entries.

    Returns (kept, dropped).
    """
    try:
        toc = doc.get_toc(simple=True)
    except Exception:  # noqa: BLE001
        toc = []
    terms = as_needles(redacted)
    kept: list[list] = []
    dropped = 0
    prev = 0
    for lvl, title, pno in toc:
        if terms.in_text(title):
            dropped += 1
            continue
        lvl = min(lvl, prev + 1)
        pno = pno if 1 <= pno <= doc.page_count else 1
        kept.append([lvl, title, pno])
        prev = lvl
    doc.set_toc([])
    cat = doc.pdf_catalog()
    doc.xref_set_key(cat, "Outlines", "null")
    if kept:
        doc.set_toc(kept)
    return len(kept), dropped


def strip_document(doc: pymupdf.Document, title: str = "", producer: str = "aktindsigt") -> list[str]:
    """Remove document-level carriers of hidden information; write neutral metadata."""
    done: list[str] = []
    for name in list(doc.embfile_names()):
        doc.embfile_del(name)
        done.append("embedded file")
    try:
        doc.scrub(
            attached_files=True,
            clean_pages=False,
            embedded_files=True,
            hidden_text=False,  # would delete the OCR layer of scanned pages
            javascript=True,
            metadata=True,
            redactions=False,
            redact_images=0,
            remove_links=False,
            reset_fields=True,
            reset_responses=True,
            thumbnails=True,
            xml_metadata=True,
        )
        done.append("scrub")
    except Exception:  # noqa: BLE001 -- the explicit steps below cover the same ground
        pass
    toc = doc.get_toc(simple=True)
    cat = doc.pdf_catalog()
    for key in _CATALOG_KEYS:
        if key == "Outlines" and toc:
            continue
        if doc.xref_get_key(cat, key)[0] != "null":
            doc.xref_set_key(cat, key, "null")
            done.append(f"catalog /{key}")
    for page in doc:
        for key in _PAGE_KEYS:
            if doc.xref_get_key(page.xref, key)[0] != "null":
                doc.xref_set_key(page.xref, key, "null")
    # alternate / actual text inline in content streams (pages and form XObjects)
    n_marked = 0
    for x in range(1, doc.xref_length()):
        try:
            if not doc.xref_is_stream(x):
                continue
            src = doc.xref_object(x, compressed=False)
            if "/Image" in src or "/FontFile" in src or "/Length1" in src:
                continue
            data = doc.xref_stream(x) or b""
        except Exception:  # noqa: BLE001
            continue
        if b"BDC" not in data or not any(k in data for k in (b"/ActualText", b"/Alt", b"/E")):
            continue
        new, n = strip_marked_content_text(data)
        if n:
            doc.update_stream(x, new)
            n_marked += n
    if n_marked:
        done.append(f"marked-content alternate texts: {n_marked}")
    # alternate / actual text and similar in any remaining dictionary
    for x in range(1, doc.xref_length()):
        try:
            keys = doc.xref_get_keys(x)
        except Exception:  # noqa: BLE001
            continue
        for key in _TEXT_KEYS:
            if key in keys:
                doc.xref_set_key(x, key, "null")
    _drop_nulls(doc, cat)
    for page in doc:
        _drop_nulls(doc, page.xref)
    doc.del_xml_metadata()
    doc.set_metadata(
        {
            "title": title,
            "author": "",
            "subject": "",
            "keywords": "",
            "creator": producer,
            "producer": producer,
            "creationDate": "",
            "modDate": "",
            "trapped": "",
        }
    )
    return done


_TOP_NULL = re.compile(r"^  /[^\s/]+ null$\n?", re.M)


def _drop_nulls(doc: pymupdf.Document, xref: int) -> None:
    """Remove top-level ``/Key null`` entries left by ``xref_set_key(..., "null")``."""
    src = doc.xref_object(xref, compressed=False)
    new = _TOP_NULL.sub("", src)
    if new != src:
        doc.update_object(xref, new)
