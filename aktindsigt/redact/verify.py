"""The leak check on a SAVED redacted PDF.  Fails closed.

    verify(output_path, redacted_strings, expected_surviving=(), *, ocr_pages=None,
           require_ocr=True, ocr_dpi=300) -> VerificationReport

Every redacted string (optionally a ``(string, label)`` pair: the label, e.g. the type
of the value, is printed in the report, the string never) is searched on word
boundaries in the normalised view of each text (``core.matching``: case, line breaks,
hyphenation at line ends, soft hyphens, ligatures, a possessive -s, numbers in any
grouping; also with all spaces removed, for letter-spaced text; with ``word_like``, a capitalised
one-word string that is also an ordinary word is not looked for at its lower-case use in a text with
capitals, as ``core.matching.CaseMatcher`` says), in:

* page text by four extraction routes (plain text, words, rawdict characters
  joined, blocks), without clipping to the mediabox;
* Danish OCR of the pages that had image or area redactions (``ocr_pages``; by
  default every page with an image).  When Tesseract is missing the check is
  "not_run" and -- with ``require_ocr=True``, the default -- counts as a FAILURE:
  pixels under a box cannot be shown to be gone without reading them;
* annotations, form fields (widgets), embedded files, outline, links, document
  info and XMP metadata;
* every object of the file: dictionaries and decompressed streams (strings
  decoded, TJ arrays joined), skipping image and font programs; and the raw file
  bytes outside streams;

plus: the file has a single revision (no incremental history) and the text that
should survive (``expected_surviving``) is still there.  A check that raises is a
failure.  The report never contains the redacted strings, only a salted hash.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import secrets
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from aktindsigt.pdflib import pymupdf
from aktindsigt.redact.ocr import tesseract_status
from aktindsigt.redact.ocr_cache import OcrSession, vector_text
from aktindsigt.redact.pdfsyntax import string_texts
from aktindsigt.redact.textnorm import Haystack, compact, fold

TEXT_FLAGS = pymupdf.TEXT_PRESERVE_LIGATURES | pymupdf.TEXT_PRESERVE_WHITESPACE  # no mediabox clip


@dataclass(slots=True)
class CheckResult:
    name: str
    passed: bool
    status: str  # "passed" | "failed" | "not_run" | "error"
    details: list[str] = field(default_factory=list)


@dataclass(slots=True)
class VerificationReport:
    file: str
    passed: bool = False
    checks: list[CheckResult] = field(default_factory=list)
    terms: list[dict] = field(default_factory=list)  # index + salted hash, never the text
    shared_terms: int = 0  # strings looked for from a shared set (``TermSet.shared``), not listed one by one
    salt: str = ""
    created: str = ""
    seconds: float = 0.0
    pages: int = 0
    ocr: str = ""

    def check(self, name: str) -> CheckResult | None:
        return next((c for c in self.checks if c.name == name), None)

    @property
    def failures(self) -> list[CheckResult]:
        return [c for c in self.checks if not c.passed]

    def to_dict(self) -> dict:
        return asdict(self)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def write(self, path: str | os.PathLike) -> None:
        tmp = f"{path}.tmp"
        Path(tmp).write_text(self.to_json(), encoding="utf-8")
        os.replace(tmp, path)


class TermSet:
    """The strings to look for (each optionally with a label such as its type, never printed with
    the string), matched on word boundaries by one automaton (``core.matching.CaseMatcher``).

    ``shared``: a set built once for many files (every value withheld in a case) that is searched too,
    its strings numbered after this set's own; ``skip``: indices of ``shared`` not to look for here (a value
    deliberately kept in this document).  A case's files then cost one automaton of the case's values,
    not one per file."""

    def __init__(self, strings: Iterable[str | tuple[str, str]], salt: str = "",
                 word_like: Callable[[str], bool] | None = None, *, shared: TermSet | None = None,
                 skip: Iterable[int] = ()) -> None:
        from aktindsigt.core.matching import CaseMatcher, value_key
        from aktindsigt.core.model import EntityType

        labels: dict[str, str] = {}
        for item in strings:
            text, label = (item, "") if isinstance(item, str) else (item[0], item[1])
            text = text.strip()
            if text and text not in labels:
                labels[text] = label
        self.shared = shared
        self.skip = frozenset(skip)
        if shared is not None:  # a string of the shared set is looked for there
            for text in [t for t in labels if t in shared.position]:
                if shared.position[text] not in self.skip:
                    del labels[text]
        self.strings = list(labels)
        self.labels = [labels[s] for s in self.strings]
        self.position = {t: i for i, t in enumerate(self.strings)}
        self.salt = salt
        self.matcher = CaseMatcher(((s, EntityType.MANUAL) for s in self.strings), related=False,
                                   word_like=word_like)
        self._of_value: dict[int, list[int]] = {}
        for i, s in enumerate(self.strings):
            v = self.matcher.index.get(value_key(s, EntityType.MANUAL))
            if v is not None:
                self._of_value.setdefault(v, []).append(i)
        self._digest = ""

    def __len__(self) -> int:
        """How many strings are looked for (own and shared, without the skipped ones)."""
        return len(self.strings) + (len(self.shared) - len(self.skip) if self.shared is not None else 0)

    @property
    def digest(self) -> str:
        """A hash of the strings, labels and word rule, for the reuse key of a verified file."""
        if not self._digest:
            h = hashlib.sha256(json.dumps([self.strings, self.labels, self.matcher.word_like is not None],
                                          ensure_ascii=False).encode("utf-8"))
            if self.shared is not None:
                h.update(f"|{self.shared.digest}|{sorted(self.skip)}".encode())
            self._digest = h.hexdigest()
        return self._digest

    def string(self, i: int) -> str:
        n = len(self.strings)
        return self.strings[i] if i < n else self.shared.strings[i - n]  # type: ignore[union-attr]

    def label(self, i: int) -> str:
        n = len(self.strings)
        return self.labels[i] if i < n else self.shared.labels[i - n]  # type: ignore[union-attr]

    def items(self) -> Iterator[tuple[int, str]]:
        """(index, string) of every string looked for."""
        yield from enumerate(self.strings)
        if self.shared is not None:
            n = len(self.strings)
            yield from ((n + j, t) for j, t in enumerate(self.shared.strings) if j not in self.skip)

    def ref(self, i: int) -> str:
        h = hashlib.sha256((self.salt + self.string(i)).encode("utf-8")).hexdigest()[:12]
        label = f"{self.label(i)}, " if self.label(i) else ""
        return f"term #{i + 1} ({label}sha256:{h})"

    def find(self, text: str) -> list[int]:
        if not text:
            return []
        found = [i for v in self.matcher.present(text) for i in self._of_value.get(v, ())] if self.strings else []
        if self.shared is not None:
            n = len(self.strings)
            found += [n + j for j in self.shared.find(text) if j not in self.skip]
        return sorted(found)


_Terms = TermSet  # the name the checks and older callers use


class _NearWords:
    """Words, indexed so that "is any of them within one edit (Levenshtein) of s" costs a few set lookups
    per character of s, not a comparison with every word."""

    def __init__(self, words: Iterable[str]) -> None:
        self.words = set(words)
        self.shorter: set[str] = set()  # a word with one character deleted
        self.replaced: set[tuple[int, str]] = set()  # (position, the word without that character)
        for w in self.words:
            for k in range(len(w)):
                d = w[:k] + w[k + 1:]
                self.shorter.add(d)
                self.replaced.add((k, d))

    def within_one(self, s: str) -> bool:
        if s in self.words or s in self.shorter:  # equal, or a word has one character more
            return True
        for k in range(len(s)):
            d = s[:k] + s[k + 1:]
            if d in self.words or (k, d) in self.replaced:  # s has one more, or one is replaced
                return True
        return False


def _levenshtein_le1(a: str, b: str) -> bool:
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    if la > lb:
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]


# ---------------------------------------------------------------- text routes


def _route_text(page: pymupdf.Page) -> str:
    return page.get_text("text", flags=TEXT_FLAGS)


def _route_words(page: pymupdf.Page) -> str:
    words = page.get_text("words", flags=TEXT_FLAGS)
    out: list[str] = []
    last = None
    for w in words:
        key = (w[5], w[6])
        out.append("\n" if last is not None and key != last else " ")
        out.append(w[4])
        last = key
    return "".join(out)


def _route_rawchars(page: pymupdf.Page) -> str:
    raw = page.get_text("rawdict", flags=TEXT_FLAGS)
    lines: list[str] = []
    for b in raw.get("blocks", []):
        for line in b.get("lines", []):
            lines.append("".join(ch["c"] for span in line.get("spans", []) for ch in span.get("chars", [])))
    return "\n".join(lines)


def _route_blocks(page: pymupdf.Page) -> str:
    return "\n".join(b[4] for b in page.get_text("blocks", flags=TEXT_FLAGS) if isinstance(b[4], str))


TEXT_ROUTES: dict[str, Callable[[pymupdf.Page], str]] = {
    "text": _route_text,
    "words": _route_words,
    "rawchars": _route_rawchars,
    "blocks": _route_blocks,
}


# ---------------------------------------------------------------- raw objects

_SKIP_STREAM = re.compile(r"/Subtype\s*/Image|/FontFile|/Length1|/Length2|/Length3|/Subtype\s*/(Type1C|CIDFontType0C|OpenType)|/Type\s*/XRef|/Alternate|/ICCBased")
_NAME_ESC = re.compile(r"#([0-9A-Fa-f]{2})")


def _object_texts(doc: pymupdf.Document, x: int) -> tuple[list[str], bool]:
    """Texts to search in object ``x``; second value: stream skipped as image/font."""
    src = doc.xref_object(x, compressed=False)
    texts = [src, _NAME_ESC.sub(lambda m: chr(int(m.group(1), 16)), src)]
    texts += string_texts(src.encode("latin-1", "replace"), content=False)
    skipped = False
    if doc.xref_is_stream(x):
        head = src.split("stream", 1)[0]
        if _SKIP_STREAM.search(head) and "/EmbeddedFile" not in head:
            skipped = True
        else:
            try:
                data = doc.xref_stream(x)
            except Exception:  # noqa: BLE001 -- undecodable: look at the raw bytes
                data = doc.xref_stream_raw(x)
            data = data or b""
            texts.append(data.decode("latin-1"))
            texts += string_texts(data, content=True)
            if data.count(0) * 4 >= max(len(data), 1):
                texts.append(data.decode("utf-16-be", errors="ignore"))
                texts.append(data.decode("utf-16-le", errors="ignore"))
            with contextlib.suppress(UnicodeDecodeError):
                texts.append(data.decode("utf-8"))
    return texts, skipped


_STREAM_BODY = re.compile(rb"stream\r?\n.*?endstream", re.S)


# ---------------------------------------------------------------- the checks


def verify(
    output_path: str | os.PathLike,
    redacted_strings: Sequence[str | tuple[str, str]],
    expected_surviving: Sequence[str] = (),
    *,
    ocr_pages: Sequence[int] | None = None,
    require_ocr: bool = True,
    ocr_dpi: int = 300,
    ocr_session: OcrSession | None = None,
    word_like: Callable[[str], bool] | None = None,
    shared_terms: TermSet | None = None,
    skip_shared: Iterable[int] = (),
) -> VerificationReport:
    t0 = time.perf_counter()
    salt = secrets.token_hex(8)
    terms = TermSet(redacted_strings, salt, word_like, shared=shared_terms, skip=skip_shared)
    report = VerificationReport(
        file=str(output_path),
        salt=salt,
        created=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        # one salted reference per own string; the shared strings (a case's values) are counted
        terms=[{"index": i + 1, "ref": terms.ref(i)} for i in range(len(terms.strings))],
        shared_terms=len(terms) - len(terms.strings),
    )

    def run(name: str, fn: Callable[[], tuple[bool, list[str]] | tuple[str, bool, list[str]]]) -> None:
        try:
            res = fn()
            if len(res) == 3:
                status, passed, details = res  # type: ignore[misc]
            else:
                passed, details = res  # type: ignore[misc]
                status = "passed" if passed else "failed"
            report.checks.append(CheckResult(name, bool(passed), status, list(details)))
        except Exception as exc:  # noqa: BLE001 -- an exception is a failure
            report.checks.append(CheckResult(name, False, "error", [f"{type(exc).__name__}: {exc}"]))

    try:
        doc = pymupdf.open(output_path)
    except Exception as exc:  # noqa: BLE001
        report.checks.append(CheckResult("open", False, "error", [f"cannot open: {exc}"]))
        report.seconds = time.perf_counter() - t0
        return report
    try:
        report.pages = doc.page_count
        run("open", lambda: (not doc.needs_pass and doc.is_pdf, [f"{doc.page_count} pages"]))
        run("single_revision", lambda: _check_revision(doc, output_path))
        page_text: dict[int, str] = {}

        def text_route(route: str) -> tuple[bool, list[str]]:
            fn = TEXT_ROUTES[route]
            details: list[str] = []
            for page in doc:
                t = fn(page)
                if route == "text":
                    page_text[page.number + 1] = t
                for i in terms.find(t):
                    details.append(f"{terms.ref(i)} found on page {page.number + 1}")
            return not details, details

        for route in TEXT_ROUTES:
            run(f"text:{route}", lambda route=route: text_route(route))
        run("ocr", lambda: _check_ocr(doc, terms, ocr_pages, require_ocr, ocr_session or OcrSession(dpi=ocr_dpi),
                                      report))
        run("annotations", lambda: _check_annotations(doc, terms))
        run("widgets", lambda: _check_widgets(doc, terms))
        run("embedded_files", lambda: _check_embedded(doc, terms, output_path))
        run("outline", lambda: _check_outline(doc, terms))
        run("links", lambda: _check_links(doc, terms))
        run("metadata", lambda: _check_metadata(doc, terms))
        run("raw_objects", lambda: _check_objects(doc, terms))
        run("raw_file", lambda: _check_file_bytes(output_path, terms))
        run("surviving_text", lambda: _check_surviving(page_text, expected_surviving))
    finally:
        doc.close()
    report.passed = bool(report.checks) and all(c.passed for c in report.checks)
    report.seconds = round(time.perf_counter() - t0, 3)
    return report


def _check_revision(doc: pymupdf.Document, path) -> tuple[bool, list[str]]:
    data = Path(path).read_bytes()
    n_startxref = len(re.findall(rb"startxref", data))
    versions = getattr(doc, "version_count", 1)
    ok = n_startxref == 1 and versions <= 1
    return ok, [f"startxref sections: {n_startxref}", f"versions: {versions}"]


def _check_ocr(doc, terms: _Terms, ocr_pages, require_ocr: bool, session: OcrSession, report: VerificationReport):
    if ocr_pages is None:
        pages = [p.number + 1 for p in doc if p.get_images(full=False) or vector_text(p)]  # text in pixels or paths
    else:
        pages = sorted({p for p in ocr_pages if 1 <= p <= doc.page_count})
    if not pages:
        return "passed", True, ["no pages with image or area redactions"]
    ok, msg = tesseract_status()
    report.ocr = msg
    if not ok:
        return "not_run", not require_ocr, [f"OCR not run: {msg}", f"pages needing OCR: {pages}",
                                           "fails closed" if require_ocr else "accepted without OCR (require_ocr=False)"]
    details: list[str] = []
    single = [(i, c) for i, c in ((i, compact(fold(t))) for i, t in terms.items()) if len(c) >= 6 and c.isalnum()]
    read = session.read_output(doc, pages)  # changed or unread regions; earlier readings elsewhere (ocr_cache)
    for pno in pages:
        words = read[pno]
        lines: dict[tuple, list[str]] = {}
        for w in words:
            lines.setdefault(w.line, []).append(w.text)
        text = "\n".join(" ".join(v) for v in lines.values())
        found = set(terms.find(text))
        # OCR misreads one letter now and then: near matches of longer single words count
        near = _NearWords(t for t in (re.sub(r"[^\w]", "", fold(w.text)) for w in words) if len(t) >= 5)
        found.update(i for i, c in single if i not in found and near.within_one(c))
        details += [f"{terms.ref(i)} read by OCR on page {pno}" for i in sorted(found)]
    read = f"OCR (at most {session.dpi} dpi, scans at their own resolution) of pages {pages}"
    return (not details), [*details, read, session.stats.summary()]


def _check_annotations(doc, terms: _Terms) -> tuple[bool, list[str]]:
    details: list[str] = []
    count = 0
    for page in doc:
        for annot in page.annots() or []:
            count += 1
            info = annot.info or {}
            blob = "\n".join(str(v) for v in info.values())
            with contextlib.suppress(Exception):
                blob += "\n" + (annot.get_text() or "")
            for i in terms.find(blob):
                details.append(f"{terms.ref(i)} in an annotation on page {page.number + 1}")
    return not details, [*details, f"annotations (besides links): {count}"]


def _check_widgets(doc, terms: _Terms) -> tuple[bool, list[str]]:
    details: list[str] = []
    count = 0
    for page in doc:
        for w in page.widgets() or []:
            count += 1
            blob = "\n".join(
                str(x) for x in (w.field_name, w.field_value, w.field_label, w.choice_values, w.button_caption) if x
            )
            for i in terms.find(blob):
                details.append(f"{terms.ref(i)} in a form field on page {page.number + 1}")
    return not details, [*details, f"form fields: {count}"]


def _check_embedded(doc, terms: _Terms, path=None) -> tuple[bool, list[str]]:
    """Files embedded in the output: PyMuPDF's flat EmbeddedFiles list (with descriptions), and what qpdf
    finds besides (a name tree split into /Kids, files behind FileAttachment annotations)."""
    from aktindsigt.ingest.pdfattach import attachments

    details: list[str] = []
    names = list(doc.embfile_names())
    for name in names:
        info = doc.embfile_info(name)
        data = doc.embfile_get(name)
        blob = "\n".join([name, *(str(v) for v in info.values()), data.decode("latin-1"), data.decode("utf-8", "ignore")])
        for i in terms.find(blob):
            details.append(f"{terms.ref(i)} in an embedded file")
    others = 0
    if path is not None:
        with attachments(Path(path), doc) as found:
            for att in found:
                others += 1
                data = b"" if att.external else att.read(1 << 30)
                for i in terms.find("\n".join([att.name, data.decode("latin-1"), data.decode("utf-8", "ignore")])):
                    details.append(f"{terms.ref(i)} in an attached file" + (f" on page {att.page}" if att.page else ""))
    return not details, [*details, f"embedded files: {len(names)}", f"attached files (qpdf): {others}"]


def _check_outline(doc, terms: _Terms) -> tuple[bool, list[str]]:
    toc = doc.get_toc(simple=False)
    details: list[str] = []
    for entry in toc:
        blob = str(entry[1]) + "\n" + json.dumps(entry[3] if len(entry) > 3 else {}, default=str)
        for i in terms.find(blob):
            details.append(f"{terms.ref(i)} in an outline entry")
    return not details, [*details, f"outline entries: {len(toc)}"]


def _check_links(doc, terms: _Terms) -> tuple[bool, list[str]]:
    details: list[str] = []
    n = 0
    for page in doc:
        for link in page.get_links():
            n += 1
            blob = " ".join(str(link.get(k, "")) for k in ("uri", "file", "nameddest", "name"))
            for i in terms.find(blob):
                details.append(f"{terms.ref(i)} in a link target on page {page.number + 1}")
    return not details, [*details, f"links: {n}"]


def _check_metadata(doc, terms: _Terms) -> tuple[bool, list[str]]:
    meta = doc.metadata or {}
    xmp = doc.get_xml_metadata() or ""
    details = [f"{terms.ref(i)} in document info" for i in terms.find("\n".join(str(v) for v in meta.values()))]
    details += [f"{terms.ref(i)} in XMP metadata" for i in terms.find(xmp)]
    return not details, [*details, f"XMP present: {bool(xmp.strip())}"]


def _check_objects(doc, terms: _Terms) -> tuple[bool, list[str]]:
    details: list[str] = []
    skipped = 0
    n = doc.xref_length()
    for x in range(1, n):
        try:
            texts, skip = _object_texts(doc, x)
        except Exception:  # noqa: BLE001 -- free/broken entries
            continue
        skipped += skip
        for i in terms.find("\n".join(texts)):
            details.append(f"{terms.ref(i)} in object {x}")
    return not details, [*details, f"objects: {n - 1}, image/font streams not searched: {skipped}"]


def _check_file_bytes(path, terms: _Terms) -> tuple[bool, list[str]]:
    data = _STREAM_BODY.sub(b"stream endstream", Path(path).read_bytes())
    details = [f"{terms.ref(i)} in the raw file" for i in terms.find(data.decode("latin-1"))]
    return not details, details


def _check_surviving(page_text: dict[int, str], expected: Sequence[str]) -> tuple[bool, list[str]]:
    if not expected:
        return True, ["nothing to check"]
    full = "\n".join(page_text[k] for k in sorted(page_text))
    hay = Haystack(full)
    words = {compact(fold(w)) for w in re.findall(r"\S+", full)}
    words |= {re.sub(r"[^\w]", "", w) for w in words}
    missing = []
    for s in dict.fromkeys(expected):
        key = compact(fold(s))
        if key in words or re.sub(r"[^\w]", "", key) in words:
            continue
        if not hay.contains(s):
            missing.append(s)
    details = [f"{len(expected)} expected strings, {len(missing)} missing"]
    # survivors are not secret: name a few to help the caseworker
    details += [f"missing: {m!r}" for m in missing[:20]]
    return not missing, details
