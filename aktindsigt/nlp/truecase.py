"""Text without case information for the NER model (issue #13: text as it comes from scanners
and keyboards).

The model learnt that a person's name is capitalised.  A text written wholly in lower case (an
informal e-mail: "hej signe, ...") or wholly in capitals (a scanned form) gives it no such signal,
and it finds few persons there.  ``truecase`` rewrites such a text as a Dane would have written
it - ordinary Danish words and stop-words in lower case (capitalised at a sentence start), every
other word capitalised - so that the model sees "hej Signe Marie" and "Tuperna Skytte".  Only the
case of letters changes: every character keeps its offset, so the model's entities are spans of
the original text.  A text with ordinary capitalisation is returned as it is.
"""

from __future__ import annotations

import re
from functools import lru_cache

from aktindsigt.core.textview import in_address

_WORD = re.compile(r"[^\W\d_]+")
_ALPHA2 = re.compile(r"[^\W\d_]{2,}")
_SENT_END = ".!?:\n•"
#: first names that a lower-case text uses far more often as Danish words ("per måned", "bo hjemme")
_WORD_FIRST = frozenset({"per", "hans", "bo", "sine", "tage", "august", "mark", "line", "tom", "sten", "stig",
                         "dan", "rosa", "bob", "karl"})


def caseless(text: str) -> str | None:
    """``"lower"`` or ``"upper"`` when ``text`` carries no case information (at least 8 words; at most
    2 % of them capitalised, or at least 90 % written in capitals), else None."""
    words = _ALPHA2.findall(text)
    if len(words) < 8:
        return None
    if sum(1 for w in words if w[0].isupper()) <= 0.02 * len(words):
        return "lower"
    if sum(1 for w in words if w.isupper()) >= 0.9 * len(words):
        return "upper"
    return None


@lru_cache(maxsize=65536)
def _ordinary(low: str) -> bool:
    """A stop-word, a form in spaCy's Danish lemma table ("skov", "tirsdag"), or another ordinary
    word (a frequent word, a compound: "familieretshuset") that is no name or place in a list."""
    from aktindsigt.detect.person_filter import ordinary_word
    from aktindsigt.detect.recognizers.names import stopwords
    from aktindsigt.nlp.features import kind_flags, name_flags

    if len(low) < 2 or low in stopwords():
        return True
    if name_flags(low.capitalize()) & 1 and low not in _WORD_FIRST:
        return False  # a first name ("jens", "signe") that is not a stop-word ("hans", "per")
    kind = kind_flags(low)
    if kind & 1:
        return True
    return ordinary_word(low) and not name_flags(low.capitalize()) and not kind & 6


def _cap(word: str) -> str:
    first = word[0].upper()
    if len(first) != 1:
        first = word[0]
    rest = word[1:].lower()
    if len(rest) != len(word) - 1:
        rest = word[1:]
    return first + rest


def _low(word: str) -> str:
    low = word.lower()
    return low if len(low) == len(word) else word


def truecase(text: str, modes: tuple[str, ...] = ("lower",)) -> str:
    """``text`` with the case a Dane would write where it carries no case information of a kind in
    ``modes``: the whole text, or else each paragraph (blank-line separated: a reply in lower case in
    a mail thread).

    The detector uses only ``"lower"``: a text in capitals is read as it is, because the recognizers
    have rules of their own for capitals that find surnames which are ordinary words ("IVALO KROG"),
    which truecasing would write in lower case ("Ivalo krog"); see the model card."""
    if caseless(text) in modes:
        return _truecase(text)
    if "\n\n" not in text:
        return text
    parts = _PARA.split(text)
    if not any(caseless(p) in modes for p in parts[::2]):
        return text
    return "".join(_truecase(p) if k % 2 == 0 and caseless(p) in modes else p for k, p in enumerate(parts))


_PARA = re.compile(r"(\n[ \t]*\n)")


def _truecase(text: str) -> str:
    out = []
    pos = 0
    for m in _WORD.finditer(text):
        word = m.group(0)
        out.append(text[pos:m.start()])
        k = m.start() - 1
        while k >= 0 and text[k] in " \t\"'(«“-–":
            k -= 1
        start = k < 0 or text[k] in _SENT_END
        if in_address(text, m.start(), m.end()):
            out.append(word)  # a part of an e-mail address, a URL or a file name: as written
        elif _ordinary(word.lower()):
            # capitalised at a sentence start, as the model knows sentences - but not a pronoun or
            # another stop-word that is also a name ("hans lærer", "per måned")
            out.append(_cap(word) if start and word.lower() not in _WORD_FIRST else _low(word))
        else:
            out.append(_cap(word))
        pos = m.end()
    out.append(text[pos:])
    new = _FIXED.sub(lambda m: _FIXED_FORMS[m.group(0).lower()], "".join(out))
    return new if len(new) == len(text) else text


#: company forms and acronyms with a case of their own
_FIXED_FORMS = {"aps": "ApS", "a/s": "A/S", "i/s": "I/S", "k/s": "K/S", "p/s": "P/S", "ivs": "IVS", "cpr": "CPR",
                "cvr": "CVR", "mitid": "MitID", "nemid": "NemID", "e-boks": "e-Boks"}
_FIXED = re.compile(r"(?<![\w/])(?:" + "|".join(re.escape(k) for k in _FIXED_FORMS) + r")(?![\w/])", re.IGNORECASE)
