"""Actions removed by what the saved PDF says, not by what PyMuPDF's link API reports.

``remove_actions_from_file(path, redacted)`` re-reads a saved output with pikepdf (qpdf: names with
``#xx`` escapes are normalised, indirect objects resolved) and removes every action that can run
code, reach outside the document or send data - by its raw ``/S`` - wherever it sits: the catalog's
``/OpenAction`` and ``/AA``, page ``/AA``, annotations (``/A``, ``/AA``, ``/Next`` chains), form fields,
outline items and any other dictionary.  ``/AA`` (additional actions: triggers on open, close, focus,
keystroke ...) and ``/JS`` are removed everywhere.  A link whose action is removed is deleted with
its annotation; a URI action whose target carries a redacted string is removed like the others.
Media annotations (Screen, Movie, Sound, RichMedia, 3D, FileAttachment) are deleted.

The file is rewritten only when something was removed (qpdf writes reachable objects only, so the
removed action objects do not survive as orphans).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from urllib.parse import unquote_plus

import pikepdf

from aktindsigt.redact.textnorm import Needles, as_needles

#: actions that run code, open or fetch something outside the document, or send data
DANGEROUS = frozenset({
    "/Launch", "/JavaScript", "/SubmitForm", "/ImportData", "/GoToR", "/GoToE", "/Rendition",
    "/RichMediaExecute", "/Sound", "/Movie",
})
_MEDIA_ANNOTS = frozenset({"/Screen", "/Movie", "/Sound", "/RichMedia", "/3D", "/FileAttachment"})
_ACTION_KEYS = ("/A", "/PA", "/OpenAction", "/Next")
_ALWAYS_DROP = ("/AA", "/JS")
_MAX_DEPTH = 64


def _decoded(uri: str) -> str:
    """A URI as a reader sees it: %-escapes (also double ones) and '+' decoded."""
    for _ in range(3):
        plain = unquote_plus(uri)
        if plain == uri:
            break
        uri = plain
    return uri


def _text(obj) -> str:
    try:
        return str(obj)
    except Exception:  # noqa: BLE001 - undecodable bytes
        return bytes(obj).decode("latin-1", "replace")


class _Remover:
    def __init__(self, redacted: Iterable[str] | Needles) -> None:
        self.terms = as_needles(redacted)
        self.removed: list[str] = []

    def bad_action(self, obj, depth: int = 0, seen: set | None = None) -> str:
        """The reason ``obj`` (an action, or an array of them, e.g. ``/Next``) must go ('' if it may stay)."""
        seen = set() if seen is None else seen
        if depth > _MAX_DEPTH:
            return "action chain too deep"
        if isinstance(obj, pikepdf.Array):
            for item in obj:
                why = self.bad_action(item, depth + 1, seen)
                if why:
                    return why
            return ""
        if not isinstance(obj, pikepdf.Dictionary):
            return ""
        if obj.is_indirect:
            key = obj.objgen
            if key in seen:
                return ""
            seen.add(key)
        kind = obj.get("/S")
        if isinstance(kind, pikepdf.Name) and str(kind) in DANGEROUS:
            return f"{str(kind)[1:]} action"
        if "/JS" in obj:
            return "JavaScript"
        if kind == pikepdf.Name.URI and self.terms.in_text(_decoded(_text(obj.get("/URI", "")))):
            return "URI with redacted text"
        nxt = obj.get("/Next")
        return self.bad_action(nxt, depth + 1, seen) if nxt is not None else ""

    # --- passes ------------------------------------------------------------------------------------

    def annotations(self, pdf: pikepdf.Pdf) -> None:
        for pno, page in enumerate(pdf.pages, start=1):
            annots = page.obj.get("/Annots")
            if not isinstance(annots, pikepdf.Array):
                continue
            keep = []
            for annot in annots:
                if not isinstance(annot, pikepdf.Dictionary):
                    continue
                subtype = str(annot.get("/Subtype", ""))
                why = ("media annotation" if subtype in _MEDIA_ANNOTS
                       else self.bad_action(annot.get("/A")) if "/A" in annot else "")
                if why:
                    self.removed.append(f"page {pno}: {subtype[1:] or 'annotation'} removed ({why})")
                    continue
                keep.append(annot)
            if len(keep) != len(annots):
                if keep:
                    page.obj.Annots = pikepdf.Array(keep)
                else:
                    del page.obj["/Annots"]

    def scrub(self, obj, where: str, empty: bool, depth: int = 0) -> None:
        """Remove dangerous action entries, ``/AA`` and ``/JS`` in ``obj`` and everything it holds directly;
        ``empty``: also empty a dangerous action dictionary itself (the second pass: whatever still refers to
        it after the first pass is left with a no-op)."""
        if depth > _MAX_DEPTH:
            return
        if isinstance(obj, pikepdf.Array):
            for item in obj:
                if _container(item) and not item.is_indirect:
                    self.scrub(item, where, empty, depth + 1)
            return
        if not isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
            return
        for key in _ALWAYS_DROP:
            if key in obj:
                del obj[key]
                self.removed.append(f"{where}: {key} removed")
        kind = obj.get("/S")
        if empty and isinstance(kind, pikepdf.Name) and str(kind) in DANGEROUS:
            for key in list(obj.keys()):
                del obj[key]
            self.removed.append(f"{where}: {str(kind)[1:]} action emptied")
            return
        for key in _ACTION_KEYS:
            if key in obj:
                why = self.bad_action(obj[key])
                if why:
                    del obj[key]
                    self.removed.append(f"{where}: {key} removed ({why})")
        for key, value in list(obj.items()):
            if key == "/Parent":
                continue
            if _container(value) and not value.is_indirect:
                self.scrub(value, where, empty, depth + 1)


def _container(obj) -> bool:
    return isinstance(obj, pikepdf.Dictionary | pikepdf.Stream | pikepdf.Array)


def remove_actions(pdf: pikepdf.Pdf, redacted: Sequence[str] | Needles = ()) -> list[str]:
    """Remove the actions described in the module docstring from an open ``pikepdf.Pdf``; what was removed."""
    r = _Remover(redacted)
    r.annotations(pdf)
    for empty in (False, True):
        r.scrub(pdf.trailer, "trailer", empty)
        for obj in pdf.objects:
            if _container(obj):
                r.scrub(obj, f"object {obj.objgen[0]}", empty)
    return r.removed


def remove_actions_from_file(path: str | os.PathLike, redacted: Sequence[str] | Needles = ()) -> list[str]:
    """Remove actions from the PDF at ``path`` in place (rewritten atomically only when needed)."""
    path = Path(path)
    with pikepdf.open(path) as pdf:
        removed = remove_actions(pdf, redacted)
        if not removed:
            return []
        fd, tmp = tempfile.mkstemp(prefix=".actions-", suffix=".pdf", dir=path.parent)
        os.close(fd)
        try:
            pdf.save(tmp, compress_streams=True, object_stream_mode=pikepdf.ObjectStreamMode.preserve)
        except BaseException:
            os.unlink(tmp)
            raise
    os.replace(tmp, path)
    return removed
