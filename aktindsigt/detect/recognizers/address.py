"""Danish postal addresses.

* street name + house number (+ letter) (+ floor/side: ``st. tv.``, ``2. th.``, ``3. mf.``,
  ``1. sal``) (+ postcode + town), on one line or two (``Nørregade 12, 2. th.\\n8000 Aarhus C``);
* postcode + town alone (``2840 Holte``) when the town is known or the line holds nothing else;
* ``c/o`` lines.

Street endings are data (``resources/detect/street_endings.yaml``); towns come from the
installed Faker package's ``da_DK`` list (MIT licence) plus ``resources/detect/towns_extra.txt``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from aktindsigt.core.model import EntityType
from aktindsigt.detect.recognizers.base import DanishRecognizer, Hit, SpanSet
from aktindsigt.detect.resources import load_lines, load_yaml

_UC = "A-ZÆØÅÉÜÄÖ"
_LC = "a-zæøåéüäö"
_WORD = rf"(?:(?:[{_UC}]\.){{1,3}} ?|[{_UC}][{_LC}{_UC}'’-]*\.? |[{_UC}][{_LC}]*s )"
_CANDIDATE = re.compile(
    rf"(?=[{_UC}])(?P<street>{_WORD}{{0,3}}[{_UC}][{_LC}{_UC}'’-]+)[ \t]+"
    rf"(?P<num>\d{{1,4}}(?:[ \t]?-[ \t]?\d{{1,4}})?(?:[ \t]?[A-ZÆØ]|(?<=\d)[a-zæø])?(?![\w]))(?![\d,.]\d)"
)
_FLOOR = re.compile(
    r",?[ \t]*(?:(?:st|kl|stuen|kælder|kld)\.?|\d{1,2}\.(?:[ \t]?sal\b)?|\d{1,2}[ \t]sal\b"
    r"|\d{1,2}(?=[ \t]*(?:tv|th|mf)\b)|lejl(?:ighed)?\.?[ \t]*\d{1,4}|værelse[ \t]*\d{1,4})"
    r"(?:,?[ \t]*(?:tv|th|mf|t\.v|t\.h)\b\.?|,?[ \t]*(?:dør[ \t]*)?\d{1,3}(?![\d.,])(?![ \t]+[A-ZÆØÅ]))?",
    re.IGNORECASE,
)
_POST_SEP = re.compile(r"[ \t]*,?[ \t]*(?:\n[ \t]*)?(?:DK[ -]?)?(?P<pc>[1-9]\d{3})[ \t]+(?=[" + _UC + "])")
_POSTCODE_ALONE = re.compile(r"(?=[1-9D]\d{3}|DK)(?<![\w.,/-])(?<!\d )(?:DK[ -]?)?(?P<pc>[1-9]\d{3})[ \t]+(?=[" + _UC + "])")
_TOWN_WORD = re.compile(rf"[{_UC}][{_LC}]+(?:-[{_UC}][{_LC}]+)?")
_DISTRICT = re.compile(r"[ \t](?:NV|NØ|SV|SØ|Sj|[NSØVCKJMF])(?![\w])")
_CO = re.compile(r"(?=[cC]/)(?<![\w])c/o[ \t]+[^\n,;]{2,60}", re.IGNORECASE)
_PREFIX_WORDS = {
    "vestre", "østre", "sdr.", "nr.", "midt", "kronprinsesse", "prinsens", "kronprins", "peder", "niels",
    "nørre", "søndre", "vester", "øster", "nordre", "store", "lille", "gammel", "gamle", "gl.", "ny",
    "nye", "sankt", "skt.", "st.", "kongens", "dronning", "dronningens", "prins", "prinsesse",
    "indre", "ydre", "øvre", "nedre", "ved", "den", "det", "fru", "kong", "hc", "h.c.",
}
# a floor with a side, "sal" or "st." after the number: an address whatever the street is called
_FLOOR_SIDE = re.compile(
    r",?[ \t]*(?:(?:st|kl|stuen)\.?[ \t]*,?[ \t]*(?:tv|th|mf)\b|\d{1,2}\.?[ \t]*,?[ \t]*(?:tv|th|mf)\b|"
    r"\d{1,2}\.[ \t]?sal\b|st\.[ \t]*(?:$|(?=[ \t]+[a-zæøå])))",
    re.IGNORECASE | re.MULTILINE,
)
_NOT_STREET = {
    "side", "sider", "punkt", "pkt", "afsnit", "kapitel", "nr", "version", "bilag", "år", "uge", "dag", "kl",
    "paragraf", "stk", "lov", "bekendtgørelse", "cirkulære", "sag", "akt", "dokument", "bind", "linje", "trin",
    "fase", "niveau", "klasse", "årgang", "postnummer", "postnr", "cvr", "tlf", "telefon", "mobil",
}
_YEAR_BEFORE = re.compile(
    r"(?:\b(?:i|fra|til|siden|indtil|år|året|januar|februar|marts|april|maj|juni|juli|august|september|"
    r"oktober|november|december|primo|ultimo|medio)|\d\.)[ \t]+$",
    re.IGNORECASE,
)
#: words that introduce an address ("bor på", "Lejemål:", "Ejendommen", "hjemme hos ... på")
_ADDRESS_CUE = re.compile(
    r"(?:(?<![\wæøå])(?:bor|boede|bosat|bopæl|bopælen|flytter|flyttede|flyttet|fraflyttet|tilflyttet|"
    r"boligen|adresse|adressen|hjemmeadresse|lejemål|lejemålet|ejendommen|beliggende)[ \t]*:?[ \t]*"
    r"(?:på|til|i)?[ \t]*|(?<![\wæøå])hjemme[ \t]+hos[ \t]+[^\n]{1,60}?[ \t]+på[ \t]+)$",
    re.IGNORECASE,
)
_PREP_AFTER = re.compile(r"[ \t]+(?:i|på|ved|og)\b")
_NOT_AFTER_NUMBER = re.compile(rf"[ \t]+(?:[{_LC}]{{2,}}|%|kr\b|år\b)")
#: after a number these make it a quantity, not a house number ("Skovvej 12 kr.", "3 gange")
_UNIT_AFTER = re.compile(
    r"[ \t]+(?:kr|dkk|år|årig|gange|gang|km|m|meter|m2|kvm|cm|mm|kg|g|stk|styk|dage|dag|uger|uge|måneder|"
    r"timer|time|minutter|min|procent|pct|personer|børn|elever|lejligheder|boliger|sider|point|%)(?![\wæøå])",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _endings() -> tuple[tuple[str, ...], tuple[str, ...], frozenset[str]]:
    data = load_yaml("street_endings.yaml")
    strong = tuple(sorted({s.lower() for s in data["strong"]}, key=len, reverse=True))
    weak = tuple(sorted({s.lower() for s in data["weak"]}, key=len, reverse=True))
    return strong, weak, frozenset(w.lower() for w in data["words"])


@lru_cache(maxsize=1)
def towns() -> frozenset[str]:
    """Known Danish town names (Faker da_DK + towns_extra.txt)."""
    names: set[str] = set(load_lines("towns_extra.txt"))
    try:
        from faker.providers.address.da_DK import Provider

        names.update(Provider.cities)
    except Exception:  # Faker missing: the shipped extra list still works
        pass
    return frozenset(names)


@lru_cache(maxsize=1)
def _town_regex() -> re.Pattern[str]:
    alts = sorted((re.escape(t) for t in towns()), key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(alts) + r")(?![\w])")


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    from aktindsigt.detect.recognizers.names import name_lists

    return name_lists()[0]


@lru_cache(maxsize=65536)
def street_kind(last: str, n_words: int = 1) -> str | None:
    return _street_kind(last, n_words)


def _street_kind(last: str, n_words: int) -> str | None:
    """'strong', 'weak' or None for the last word of a street candidate."""
    strong, weak, words = _endings()
    low = last.lower()
    if low in words:
        return "strong" if n_words > 1 else None
    for suf in strong:
        if low.endswith(suf) and len(low) > len(suf) + 1:
            return "strong"
    if low in strong and len(low) >= 5:
        return "weak"  # "Hegnet 30", "Bakken 4": the ending alone, needs more evidence
    for suf in weak:
        if low.endswith(suf) and len(low) > len(suf) + 2:
            return "weak"
    return None


def _town_at(text: str, pos: int) -> int | None:
    """End offset of the town name starting at ``pos`` (known town, else one capitalised word),
    including a district letter such as ``Ø`` or ``C``."""
    m = _town_regex().match(text, pos)
    if not m:
        m = _TOWN_WORD.match(text, pos)
    if not m:
        return None
    end = m.end()
    d = _DISTRICT.match(text, end)
    if d:
        end = d.end()
    return end


class DaAddressRecognizer(DanishRecognizer):
    ENTITY = EntityType.ADDRESS
    DETECTOR = "address"

    @staticmethod
    def _has_postcode_after(text: str, pos: int) -> bool:
        f = _FLOOR.match(text, pos)
        if f and f.end() > pos:
            pos = f.end()
        p = _POST_SEP.match(text, pos)
        return bool(p and _town_at(text, p.end()))

    @staticmethod
    def _cue_before(text: str, m: re.Match[str]) -> bool:
        """A word that introduces an address right before a street name with a house number of
        at most three digits that is not a town ("flyttet til Aarhus 2019" is no address)."""
        num = m.group("num")
        last = m.group("street").split()[-1]
        if len(re.sub(r"\D", "", num.split("-")[0])) > 3 or last in towns() or last.lower() in _NOT_STREET:
            return False
        last_start = m.end("street") - len(last)
        return any(_ADDRESS_CUE.search(text, max(0, p - 80), p) for p in (m.start("street"), last_start))

    def find(self, text: str, nlp_artifacts=None) -> Iterator[Hit]:
        taken = SpanSet()
        last_end = -1
        for m in _CANDIDATE.finditer(text):
            street = m.group("street")
            words = street.split()
            kind = street_kind(words[-1], min(len(words), 2))
            if kind is None and len(words) >= 2 and words[-2] == "Ved":
                kind = "strong"  # "Ved Kildevældet 16", "Ved Stranden 3"
            if kind in (None, "weak") and self._cue_before(text, m):
                kind = "strong"  # "bor på Tjørnely 114", "Ejendommen Høgebjerg 69 ejes af ..."
            if kind is None:
                # any street name with a house number followed by postcode + town is an address
                if words[-1].lower() in _NOT_STREET or not (
                    self._has_postcode_after(text, m.end("num")) or _FLOOR_SIDE.match(text, m.end("num"))
                ):
                    continue
                kind = "post"
            # trim leading words that are not part of the street name
            strong, weak, sw = _endings()
            keep = len(words)
            if words[-1].lower() in sw:
                keep_from = max(0, len(words) - 3)
            else:
                keep_from = len(words) - 1
                while keep_from > 0 and (
                    words[keep_from - 1].lower() in _PREFIX_WORDS
                    or re.fullmatch(r"(?:[A-ZÆØÅ]\.)+", words[keep_from - 1])
                    or words[keep_from - 1] in _first_names()  # "Otto Bachesgade", "Niels Juels Gade"
                ):
                    keep_from -= 1
            del keep
            offset = 0
            for w in words[:keep_from]:
                offset = street.index(w, offset) + len(w)
            start = m.start("street") + offset
            while text[start] in " \t":
                start += 1
            if start < last_end:
                # the candidate began inside the previous address ("... 8200 Aarhus N. Kongens Nytorv 2")
                nxt = re.compile(r"[A-ZÆØÅ]").search(text, last_end, m.end("street"))
                if not nxt:
                    continue
                start = nxt.start()
            end = m.end("num")
            score = {"strong": 0.6, "weak": 0.45, "post": 0.4}[kind]
            f = _FLOOR.match(text, end)
            has_floor = False
            if f and f.end() > end and not text[end:f.end()].strip(" \t,").isdigit():
                end = f.end()
                has_floor = True
                score += 0.1
            p = _POST_SEP.match(text, end)
            has_post = False
            if p:
                t_end = _town_at(text, p.end())
                if t_end:
                    end = t_end
                    has_post = True
                    score += 0.25
            if kind == "weak" and not (has_floor or has_post):
                after = text[m.end("num"): m.end("num") + 2]
                if after and after[0] not in "\n,;)" and not (after[0] == "." and after[1:] in ("", " ", "\n")):
                    continue  # the number must end the phrase ("Grævlinghøj 126." is fine)
            # "Rosenvej 3 gange", "Skovvej 12 kr.": a lowercase word after the number
            if not (has_floor or has_post) and (
                _UNIT_AFTER.match(text, m.end("num"))
                or (kind != "strong" and _NOT_AFTER_NUMBER.match(text, m.end("num"))
                    and (kind == "weak" or not _PREP_AFTER.match(text, m.end("num"))))
            ):
                continue  # "Skovvej 12 kr.", "Peter Lund 3 gange"; "Nørregade 12 ejes af ..." is an address
            taken.append((start, end))
            last_end = max(last_end, end)
            yield start, end, score
        # postcode + town alone
        for m in _POSTCODE_ALONE.finditer(text):
            start = m.start()
            if taken.contains(start):
                continue
            pc = int(m.group("pc"))
            if 1900 <= pc <= 2099 and _YEAR_BEFORE.search(text, max(0, start - 12), start):
                continue
            tm = _town_regex().match(text, m.end())
            if tm:
                end = tm.end()
                d = _DISTRICT.match(text, end)
                if d:
                    end = d.end()
                score = 0.6
            else:
                # an unknown town: only when the line holds nothing else
                line_start = text.rfind("\n", 0, start) + 1
                w = _TOWN_WORD.match(text, m.end())
                if not w or text[line_start:start].strip():
                    continue
                end = w.end()
                d = _DISTRICT.match(text, end)
                if d:
                    end = d.end()
                nl = text.find("\n", end)
                rest = text[end: nl if nl >= 0 else len(text)]
                if rest.strip():
                    continue
                score = 0.45
            taken.append((start, end))
            yield start, end, score
        for m in _CO.finditer(text):
            end = m.end()
            while end > m.start() and text[end - 1] in " \t.":
                end -= 1
            yield m.start(), end, 0.7
