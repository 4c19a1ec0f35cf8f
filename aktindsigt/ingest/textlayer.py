"""Can a page's text layer be trusted? A score from the words alone, cheap enough for every page.

A born-digital Danish or English page reads as words of those languages. Broken layers do not:
byte-swapped UTF-16 ("䴀甀氀琀椀" for "Multi"), mojibake, letter-spaced vendor OCR ("M e t t e"),
words split at random ("r epresent", "loa ns"), shifted font encodings. The measures:

* ``dict_share``: share of alphabetic tokens (two letters or more) that are words of wordfreq's Danish
  or English list (``wordfreq`` on PyPI, already a dependency), or a Danish compound of two such
  words ("bygge|tilladelse", "parts|høring");
* ``single_share``: share of alphabetic tokens that are a single letter;
* ``latin_share``: share of letters in the Latin script (a layer in another script is checked against
  an OCR of the rendered page before it is believed or replaced);
* ``mean_len``: mean length of the alphabetic tokens (how many words per glyph run).

``suspicious()`` applies the thresholds chosen with ``scripts/calibrate_textlayer.py`` (its figures are
in the README). A suspicious page is OCR'd; the OCR replaces the layer only when its own score is
clearly better, so a genuine page in another language or a list of foreign names keeps its layer.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# thresholds (see scripts/calibrate_textlayer.py for how they were chosen)
MIN_TOKENS = 12  # fewer alphabetic tokens: too little text to judge
MAX_SINGLE_SHARE = 0.30
MIN_DICT_SHARE = 0.55
MIN_LATIN_SHARE = 0.60
MIN_MEAN_LEN = 2.6
MAX_MEAN_LEN = 10.0  # spaces lost: "kommunenharmodtagetdinansøgning"
MAX_SPLIT_SHARE = 0.045  # good pages reached 0.028 (English prose), split pages 30 %: 0.049 at p05
MAX_ODD_SHARE = 0.03
OCR_BETTER_BY = 0.20  # the OCR's dict_share must exceed the layer's by this much to replace it

_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", re.UNICODE)
_LINKS = ("", "s", "e")
_SINGLE_WORDS = frozenset("iaåoøe")  # Danish compound linking letters: bygge|tilladelse, parts|høring, barn|e|bog


@lru_cache(maxsize=1)
def _words() -> frozenset[str]:
    import wordfreq

    da = wordfreq.get_frequency_dict("da", wordlist="best")
    en = wordfreq.top_n_list("en", 60_000)
    return frozenset(w for w in (*da, *en) if w.isalpha())


def is_word(token: str) -> bool:
    w = token.lower().replace("’", "'")
    words = _words()
    if w in words:
        return True
    if "-" in w:
        return all(is_word(p) for p in w.split("-") if p)
    if len(w) >= 7:  # a compound of two known words, each at least three letters
        for i in range(3, len(w) - 2):
            head, tail = w[:i], w[i:]
            if tail in words and len(tail) >= 3:
                for link in _LINKS:
                    if link and not head.endswith(link):
                        continue
                    stem = head[: len(head) - len(link)] if link else head
                    if len(stem) >= 3 and stem in words:
                        return True
    return False


@dataclass(frozen=True)
class LayerScore:
    tokens: int  # alphabetic tokens
    dict_share: float
    single_share: float
    latin_share: float
    mean_len: float
    split_share: float = 0.0  # adjacent tokens that only together make a word ("r epresent")
    odd_share: float = 0.0  # tokens with mojibake, replacement or private-use characters

    def suspicious(self) -> bool:
        if self.tokens < MIN_TOKENS:
            return False
        return (self.single_share > MAX_SINGLE_SHARE or self.dict_share < MIN_DICT_SHARE
                or self.latin_share < MIN_LATIN_SHARE or self.mean_len < MIN_MEAN_LEN
                or self.mean_len > MAX_MEAN_LEN or self.split_share > MAX_SPLIT_SHARE
                or self.odd_share > MAX_ODD_SHARE)

    def reason(self) -> str:
        """Why the layer is not trusted (English, for the log)."""
        return (f"{self.tokens} tokens, dictionary words {self.dict_share:.2f}, single letters "
                f"{self.single_share:.2f}, Latin letters {self.latin_share:.2f}, mean length {self.mean_len:.1f}, "
                f"split words {self.split_share:.2f}, odd characters {self.odd_share:.2f}")


def _latin(ch: str) -> bool:
    try:
        return unicodedata.name(ch).startswith("LATIN")
    except ValueError:
        return False


_ODD = re.compile("[\ufffd\ue000-\uf8ff]|Ã[\x80-\xbf¦¸¥˜…†]|Â[\xa0-\xbf]|â€")


def score_words(words: list[str]) -> LayerScore:
    """The measures for a page's words (as the layer gives them, in reading order)."""
    tokens: list[str] = []
    odd = 0
    for w in words:
        if _ODD.search(w):
            odd += 1
        tokens.extend(_TOKEN.findall(w))
    if not tokens:
        return LayerScore(0, 0.0, 0.0, 1.0, 0.0)
    letters = [ch for t in tokens for ch in t]
    latin = sum(1 for ch in letters if ch.isascii() or _latin(ch)) / len(letters)
    single = sum(1 for t in tokens if len(t) == 1) / len(tokens)
    known = [is_word(t) if len(t) >= 2 else t.lower() in _SINGLE_WORDS for t in tokens]
    multi = [k for t, k in zip(tokens, known, strict=True) if len(t) >= 2]
    # (single letters count as words for the split measure only: "i", "a", "å")
    dict_share = sum(multi) / len(multi) if multi else 0.0
    mean_len = len(letters) / len(tokens)
    split = 0
    vocab = _words()
    for i in range(len(tokens) - 1):
        a, b = tokens[i], tokens[i + 1]
        if (known[i] and known[i + 1]) or len(a) + len(b) < 4 or a[-1:].isupper() and b[:1].isupper():
            continue
        if b[:1].islower() and (a + b).lower() in vocab:
            split += 1
    return LayerScore(len(tokens), dict_share, single, latin, mean_len, split / len(tokens), odd / max(len(words), 1))


def ocr_is_better(layer: LayerScore, ocr: LayerScore) -> bool:
    """Replace a suspicious layer by the page's OCR only when the OCR reads clearly more like words."""
    if ocr.tokens < MIN_TOKENS // 2 or ocr.tokens * ocr.mean_len < 0.25 * layer.tokens * layer.mean_len:
        return False  # the OCR read much less text than the layer holds
    return ocr.dict_share >= layer.dict_share + OCR_BETTER_BY or (
        layer.single_share > MAX_SINGLE_SHARE and ocr.single_share < layer.single_share / 2)
