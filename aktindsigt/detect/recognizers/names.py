"""Person names by Danish patterns (next to the NER model):

* a title or role before a capitalised name: ``fru Hansen``, ``hr. Jensen``, ``dr. Holm``,
  ``læge Mette Sørensen``;
* the name in an e-mail header line: ``Fra: Mette Hansen <mh@...>``, ``Til: ...; ...``;
* the name in a signature block after ``Med venlig hilsen`` / ``Venlig hilsen`` / ``Mvh``;
* known first names (Faker's ``da_DK`` list, MIT licence, read from the installed package)
  followed by capitalised words (``Mette Louise Hansen``), or a capitalised word followed by a
  known surname; a known first name alone gets a low score.

Capitalised words in ``resources/detect/stopwords_da.txt`` never count as name parts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from aktindsigt.core.model import EntityType
from aktindsigt.detect.recognizers.base import DanishRecognizer, Hit
from aktindsigt.detect.resources import load_lines


@lru_cache(maxsize=65536)
def street_kind(word: str, n_words: int = 1) -> str | None:
    from aktindsigt.detect.recognizers.address import street_kind as _sk

    return _sk(word, n_words)

# Danish letters and the accented Latin letters of names of other origins (Rógvi, Çelik, Turið)
_UC = "A-ZÆØÅÉÜÄÖÁÀÂÇÈÊËÍÎÏÑÓÒÔÕÚÙÛÝŞĞŁŚŻŹČŠŽĆÐÞ"
_LC = "a-zæøåéüäöáàâçèêëíîïñóòôõúùûýşğłśżźčšžćðþß"
_NAMEWORD = rf"(?:[{_UC}][{_LC}]+(?:-[{_UC}][{_LC}]+)?|[{_UC}]{{2,}}(?:-[{_UC}]{{2,}})?(?![{_LC}])|[{_UC}]\.)"
_NAME = rf"{_NAMEWORD}(?:[ \t]+{_NAMEWORD}){{0,4}}"  # up to three middle names
_TITLE = re.compile(
    r"(?<![\w])(?i:fru|frk\.?|hr\.?|herr|dr\.?|læge|lægen|overlæge|sygeplejerske|advokat|advokaten|"
    r"psykolog|psykologen|tandlæge|jordemoder|pastor|prof\.?|professor|"
    r"moderen|faderen|mor|far|sønnen|datteren|barnet|drengen|pigen|ægtefællen|samleveren|hustruen|"
    r"manden|kæresten|værge|værgen|bisidder|bisidderen|partsrepræsentant|naboen|patienten|klienten|"
    r"borgeren|ansøger|ansøgeren|anmelder|anmelderen|sigtede|tiltalte|vidnet|forurettede|"
    r"kære|hej|att\.?|attn\.?|vedr\.?|vedrørende|c/o|ved|"
    r"sagsbehandler|sagsbehandleren|medarbejder|medarbejderen|konsulent|rådgiver|socialrådgiver|"
    r"socialrådgiveren|leder|lederen|afdelingsleder|chef|direktør|borgmester|rådmand|kontaktperson|"
    r"kontaktpersonen|pædagog|pædagogen|lærer|læreren|klasselærer|skoleleder|sundhedsplejerske|"
    r"hjemmehjælper|fysioterapeut|ergoterapeut|jurist|journalist|tandlægen|kollega|kollegaen|nabo|"
    r"søster|bror|broderen|søsteren|onkel|tante|bedstemor|bedstefar|ægtefælle|hustru|mand|kone)"
    rf"[ \t]+(?P<name>{_NAME})"
)
_HEADER = re.compile(
    r"^[ \t>]*(?:Fra|Til|Cc|Bcc|From|To|Afsender|Modtager|Sendt af|Kopi til|Navn|Fulde navn|Borger|Part|"
    r"Parten|Ansøger|Klager|Barn|Barnets navn|Mor|Far|Moder|Fader|Værge|Forælder|Ægtefælle|Samlever|"
    r"Anmelder|Patient|Elev|Lejer|Underskrift|Pårørende)[ \t]*:[ \t]*(?P<rest>[^\n]+)$",
    re.MULTILINE | re.IGNORECASE,
)
_SIGNOFF = re.compile(
    r"(?:^|(?<=[.!?] ))[ \t]*(?:med venlig hilsen|venlig hilsen|venlige hilsner|mange hilsner|de bedste hilsner|"
    r"bedste hilsner|kærlig hilsen|hilsen|mvh\.?|vh\.?|m\.v\.h\.?)[ \t,.!]*(?P<same>[^\n]*)$",
    re.MULTILINE | re.IGNORECASE,
)
_ALLCAPS_RUN = re.compile(
    rf"(?=[{_UC}])(?<![\w])[{_UC}]{{2,}}(?:-[{_UC}]{{2,}})?(?:[ \t]+[{_UC}]{{2,}}(?:-[{_UC}]{{2,}})?){{1,4}}(?![\w])"
)
_BEFORE_EMAIL = re.compile(rf"(?P<name>{_NAMEWORD}(?:[ \t]+{_NAMEWORD}){{0,4}})[ \t]*<[^<>@\s]+@[^<>\s]+>")
_BEFORE_CPR = re.compile(
    rf"(?P<name>{_NAMEWORD}(?:[ \t]+{_NAMEWORD}){{1,4}})[ \t]*,?[ \t]*\(?[ \t]*"
    r"(?i:cpr|personnummer|personnr|født|f\.[ \t]*\d)"
)
_BEFORE_ADDRESS = re.compile(
    rf"(?P<name>{_NAMEWORD}(?:[ \t]+{_NAMEWORD}){{1,4}})[ \t]*(?:,[ \t]*|\n[ \t]*)"
    rf"(?P<street>(?:[{_UC}][{_LC}.]*[ \t]+){{0,2}}[{_UC}][{_LC}]+)[ \t]+\d"
)
_PROPER_RUN = re.compile(
    rf"(?=[{_UC}])(?<![\w.@/-])[{_UC}][{_LC}]+(?:-[{_UC}][{_LC}]+)?"
    rf"(?:[ \t]+(?:[{_UC}]\.[ \t]+)?[{_UC}][{_LC}]+(?:-[{_UC}][{_LC}]+)?){{1,4}}(?![\w@])"
)
_NAME_FULL = re.compile(rf"[ \t]*(?P<name>{_NAME})")
_CAPWORD = rf"[{_UC}][{_LC}]+(?:-[{_UC}][{_LC}]+)?"
_CAP = re.compile(rf"(?=[{_UC}])(?<![\w.@/-]){_CAPWORD}(?![\w@])")


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return frozenset(w.lower() for w in load_lines("stopwords_da.txt"))


@lru_cache(maxsize=1)
def name_lists() -> tuple[frozenset[str], frozenset[str]]:
    """(first names, surnames) from Faker's da_DK provider."""
    try:
        from faker.providers.person.da_DK import Provider
    except Exception:
        return frozenset(), frozenset()
    first = set(Provider.first_names_male) | set(Provider.first_names_female)
    return frozenset(first), frozenset(Provider.last_names)


@lru_cache(maxsize=1)
def nordic_first_names() -> frozenset[str]:
    """Danish + Norwegian + Swedish first names from Faker (only used next to a surname)."""
    names = set(name_lists()[0])
    for loc in ("no_NO", "sv_SE"):
        try:
            mod = __import__(f"faker.providers.person.{loc}", fromlist=["Provider"])
        except Exception:
            continue
        p = mod.Provider
        for attr in ("first_names_male", "first_names_female", "first_names"):
            v = getattr(p, attr, None)
            if isinstance(v, (list, tuple)):
                names.update(v)
            elif isinstance(v, dict):
                names.update(v.keys())
    return frozenset(n for n in names if n.isalpha() or "-" in n)


@lru_cache(maxsize=1)
def _all_surnames() -> frozenset[str]:
    names = set(name_lists()[1])
    for loc in ("no_NO", "sv_SE"):
        try:
            mod = __import__(f"faker.providers.person.{loc}", fromlist=["Provider"])
        except Exception:
            continue
        v = getattr(mod.Provider, "last_names", ())
        names.update(v.keys() if isinstance(v, dict) else v)
    return frozenset(names)


@lru_cache(maxsize=65536)
def _zipf(word: str) -> float:
    try:
        from wordfreq import zipf_frequency
    except Exception:
        return 0.0
    return zipf_frequency(word.lower(), "da")


@lru_cache(maxsize=65536)
def _compound(word: str) -> bool:
    """An ordinary Danish compound ("Kortnummer", "Sagsbehandlingen"): two common words,
    optionally joined by a linking s or e."""
    w = word.lower()
    for i in range(3, len(w) - 3):
        head, tail = w[:i], w[i:]
        if _zipf(tail) < 3.0:
            continue
        if _zipf(head) >= 3.0 or (head[-1] in "se" and len(head) > 3 and _zipf(head[:-1]) >= 3.0):
            return True
    return False


#: typical endings of Danish surnames (Søndergaard, Kastrup, Engholm, Rosenlund, Kjærsgaard ...)
_SURNAME_ENDINGS = ("sen", "gaard", "gård", "strup", "holm", "lund", "bæk", "kjær", "bjerg", "dahl", "berg",
                    "skov", "toft", "høj", "mose", "rup", "sson", "mann", "feldt", "borg")


@lru_cache(maxsize=65536)
def is_surname(word: str) -> bool:
    """A known surname, or a Danish-looking -sen surname that is not an ordinary word."""
    if word in _all_surnames():
        return True
    if len(word) >= 6 and word.endswith(_SURNAME_ENDINGS):
        from aktindsigt.detect.recognizers.address import towns

        if word in towns():
            return False
        if word.endswith("sen") and (_compound(word) or _zipf(word[:-1]) >= 2.5 or _compound(word[:-1])):
            return False  # "Gældsstyrelsen", "Henvendelsen": a noun in the definite form
        try:
            from wordfreq import zipf_frequency
        except Exception:
            return True
        return zipf_frequency(word.lower(), "da") < (2.5 if word.endswith("sen") else 3.0)
    return False


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """Lower-cased first names that are also ordinary Danish words (Bo, Mark, Rose ...)."""
    first, _ = name_lists()
    try:
        from wordfreq import zipf_frequency
    except Exception:
        return frozenset()
    return frozenset(f.lower() for f in first if zipf_frequency(f.lower(), "da") >= 4.0)


_COMPANY_AFTER = re.compile(r"[ \t]*(?:&|A/S|ApS|I/S|K/S|P/S|IVS|Holding|og Søn)")


@lru_cache(maxsize=4096)
def _is_common_word(word: str) -> bool:
    """An ordinary Danish word (capitalised at a sentence start), by wordfreq."""
    try:
        from wordfreq import zipf_frequency
    except Exception:
        return False
    return zipf_frequency(word.lower(), "da") >= 3.0


def _is_trailing_common(word: str, first: frozenset[str], last: frozenset[str]) -> bool:
    w = word.rstrip(".,")
    if w in first or w in last:
        return False
    try:
        from wordfreq import zipf_frequency
    except Exception:
        return False
    # only function words ("Og", "Men", "Her"): a surname may be an ordinary word ("Signe Sommer",
    # "Jens Bro", "Anne Lykke"; wordfreq Zipf 4.5-5.0)
    return zipf_frequency(w.lower(), "da") >= TRAILING_COMMON_ZIPF


TRAILING_COMMON_ZIPF = 5.3

_ABBREV_BEFORE = re.compile(
    r"(?:(?<![\w./])[A-ZÆØÅ]|\b(?:hr|dr|fr|frk|jf|ca|nr|mv|evt|tlf|att|vedr|prof|st|sdr|ndr|gl|skt|pt|bl\.a|f\.eks))\.[ \t]*$",
    re.IGNORECASE,
)


def _sentence_start(text: str, pos: int) -> bool:
    """``pos`` starts a sentence or a line; an initial or an abbreviation before it does not
    end a sentence ("R. Damgaard", "hr. Juhl")."""
    j = pos - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    if j < 0 or text[j] in "!?:\n":
        return True
    return text[j] == "." and not _ABBREV_BEFORE.search(text, max(0, j - 8), j + 1)


_NUMBER_AFTER = re.compile(r"[ \t]+\d")
_POSTCODE_BEFORE = re.compile(r"\d{4}[ \t]+$")


def _towns() -> frozenset[str]:
    from aktindsigt.detect.recognizers.address import towns

    return towns()


_ORG_WORDS = {
    "kommune", "kommunen", "region", "regionen", "borgerservice", "jobcenter", "jobcentret", "forvaltning",
    "forvaltningen", "center", "centret", "afdeling", "afdelingen", "skole", "skolen", "ankestyrelsen",
    "familieafdelingen", "socialforvaltningen", "team", "sekretariat", "sekretariatet", "styrelsen",
    "ministeriet", "a/s", "aps", "politi", "politiet", "hospital", "sygehus", "universitet", "retten",
    "byret", "landsret", "fonden", "forening", "foreningen", "selskab", "selskabet", "gruppen", "service",
    "institut", "institutet", "gymnasium", "plejecenter", "plejehjem", "bibliotek", "museum",
    "kirke", "kirken", "hallen", "klinik", "klinikken", "apotek", "bank", "fond", "legat", "prisen",
}


def _caps_name(words: list[str]) -> bool:
    """Words in capitals that read as a name: every word of three letters or more, no
    stop-word, place or organisation word, and no ordinary Danish word except a last one
    (a surname may be a word: "VALDE BANG")."""
    from aktindsigt.detect.person_filter import is_known_name, ordinary_word, places

    stop = stopwords()
    for k, w in enumerate(words):
        c = w.capitalize()
        if len(w) < 3 or w.lower() in stop or c in places() or c in _towns():
            return False
        if k < len(words) - 1 and not is_known_name(c) and (ordinary_word(c) or _zipf(c) >= 4.0):
            return False
    return True


def _in_running_text(text: str, start: int, end: int) -> bool:
    """The line around ``start:end`` has lower-case words too (a sentence, not a heading)."""
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    line = text[ls: le if le >= 0 else len(text)]
    words = line.split()
    if sum(1 for w in words if w[:1].islower()) >= 2:
        return True
    # a text written in capitals: a line of five words or more that reads as a sentence or a list
    return len(words) >= 5 and bool(re.search(r"[.,:;]", line)) and sum(w.isupper() for w in words) >= 0.9 * len(words)


def _org_like(text: str, span: tuple[int, int]) -> bool:
    words = text[span[0]:span[1]].split()
    return any(w.lower() in _ORG_WORDS for w in words) or bool(_COMPANY_AFTER.match(text, span[1]))


def _clean_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Drop stop-words at either end of a name span; None when nothing name-like is left."""
    words = list(re.finditer(r"\S+", text[start:end]))
    stop = stopwords()
    while words and words[-1].group(0).rstrip(".,").lower() in stop:
        words.pop()
    while words and words[0].group(0).rstrip(".,").lower() in stop:
        words.pop(0)
    if not words:
        return None
    s, e = start + words[0].start(), start + words[-1].end()
    if e - s < 2 or text[s:e].endswith(".") and e - s <= 2:
        return None
    return s, e


_INITIALS_WORD = re.compile(
    rf"(?<![\w.])(?:[{_UC}]\.[ \t]?){{1,3}}[ \t]*(?P<word>[{_UC}][{_LC}]+(?:-[{_UC}][{_LC}]+)?)(?![\w@])"
)
_WORD_BEFORE_INITIAL = re.compile(r"([^\W\d_]+\.?)[ \t]+$")
_TOWN_LETTER_BEFORE = re.compile(r"(?<!\d)\d{4}[ \t]+[^\W\d_][\w-]*(?:[ \t]+[^\W\d_][\w-]*)?[ \t]+$")
_NOT_BEFORE_INITIAL = frozenset({
    "bilag", "bilaget", "punkt", "pkt.", "afsnit", "litra", "type", "kategori", "gruppe", "niveau", "klasse",
    "trin", "fase", "version", "vitamin", "hepatitis", "appendiks", "side", "nr.", "stk.", "kapitel", "del",
    "kolonne", "rubrik", "skema", "model", "plan", "område", "zone", "blok", "opgang", "hus", "etape",
})
#: endings of definite and derived nouns (not of surnames that are words: Fisker, Bager, Krog)
_NOUN_ENDINGS = ("en", "et", "erne", "ene", "ens", "ets", "ernes", "enes", "else", "ing", "hed", "tion", "sion", "skab", "dom", "ment", "isk")
_STREET_AFTER = re.compile(r"[ \t]+(?:Boulevard|Vej|Gade|Plads|Allé|Alle|Torv|Stræde|Park|Have|Kaj|Bro)\b")
_MEMORY_WORD = re.compile(rf"[{_UC}][{_LC}]+(?:-[{_UC}][{_LC}]+)*|[{_UC}]{{2,}}(?:-[{_UC}]{{2,}})*")


def _name_parts(text: str, start: int, end: int) -> list[str]:
    """The name words of a person span (title case), without initials; a genitive s of the last
    word is dropped ("Pernille Kraghs" -> Pernille, Kragh)."""
    words = [w for w in _MEMORY_WORD.findall(text, start, end)]
    out = []
    for k, w in enumerate(words):
        t = w.capitalize() if w.isupper() else w
        if k == len(words) - 1 and len(words) > 1 and t.endswith("s") and len(t) > 3 and not is_surname(t) and (
                t not in nordic_first_names()):
            t = t[:-1]
        out.append(t)
    return out


def document_mentions(text: str, persons: list[tuple[int, int]]) -> list[tuple[int, int, float]]:
    """Once a person of two or more name words is found in a document ("Signe Marie Bager", "J.
    Kjærsgaard Fisker"), every other capitalised mention of one of those words in the same
    document is a mention of a person: the first name alone, the surname alone - also when it is an
    ordinary word ("Bager", "Fisker") - each in the possessive ("Signes", "Bagers"), and in capitals.
    Not lower-case words ("bager"), stop-words, organisation words or very frequent words."""
    from aktindsigt.detect.person_filter import PersonFilter

    stop = stopwords()
    parts: set[str] = set()
    judge = PersonFilter(text)
    for s, e in persons:
        names = _name_parts(text, s, e)
        if not (len(names) >= 2 or names and _INITIALS_WORD.search(text, s, e)) or judge.verdict(s, e) is not None:
            continue  # not a person ("Boligforeningen Lindely", "Aarhus Kommune")
        for w in names:
            for piece in w.split("-"):
                low = piece.lower()
                if len(piece) < 2 or low in stop or low in _ORG_WORDS or _zipf(piece) >= 5.0:
                    continue
                parts.add(piece)
            if "-" in w:
                parts.add(w)
    if not parts:
        return []
    alts = sorted(parts | {p.upper() for p in parts}, key=len, reverse=True)
    rx = re.compile(r"(?<![\w@.])(?:" + "|".join(re.escape(p) for p in alts) + r")(?:s|'|S)?(?![\w@])")
    covered = sorted(persons)
    out = []
    for m in rx.finditer(text):
        if any(s <= m.start() and m.end() <= e for s, e in covered):
            continue
        if text[m.end(): m.end() + 1] == "." and text[m.end() + 1: m.end() + 2].isalpha():
            continue  # a domain or file name ("bager.dk")
        out.append((m.start(), m.end(), 0.5))
    return out


class DaNamePatternRecognizer(DanishRecognizer):
    ENTITY = EntityType.PERSON
    DETECTOR = "names"

    def find(self, text: str, nlp_artifacts=None) -> Iterator[Hit]:
        for m in _TITLE.finditer(text):
            span = _clean_name(text, m.start("name"), m.end("name"))
            if span and m.group(0)[:3].lower() == "ved" and " " not in text[span[0]:span[1]] and (
                    text[span[0]:span[1]] not in nordic_first_names()):
                continue  # "området ved Saksild": one unknown word after "ved" is a place
            if span and _NUMBER_AFTER.match(text, span[1]) and street_kind(text[span[0]:span[1]].split()[-1], 2):
                continue  # "Borgmester Jensensvej 12" is a street
            if span:
                yield span[0], span[1], 0.7
        for m in _HEADER.finditer(text):
            yield from self._header_names(text, m.start("rest"), m.end("rest"))
        for m in _SIGNOFF.finditer(text):
            if m.group("same").strip():
                nm = _NAME_FULL.match(text, m.start("same"))
                if nm:
                    span = _clean_name(text, nm.start("name"), nm.end("name"))
                    if span:
                        yield span[0], span[1], 0.7
                continue
            # the next non-empty line
            pos = m.end()
            for _ in range(2):
                if pos < len(text) and text[pos] == "\n":
                    pos += 1
                nl = text.find("\n", pos)
                line_end = nl if nl >= 0 else len(text)
                if text[pos:line_end].strip():
                    nm = _NAME_FULL.match(text, pos)
                    if nm and text[nm.end("name"):line_end].strip(" \t,.") == "" or (
                        nm and len(nm.group("name").split()) >= 2
                    ):
                        span = _clean_name(text, nm.start("name"), nm.end("name"))
                        if span:
                            yield span[0], span[1], 0.7
                    break
                pos = line_end
        for m in _BEFORE_CPR.finditer(text):
            span = _clean_name(text, m.start("name"), m.end("name"))
            if span and not _org_like(text, span):
                yield span[0], span[1], 0.65
        for m in _BEFORE_ADDRESS.finditer(text):
            if street_kind(m.group("street").split()[-1], len(m.group("street").split())) is None:
                continue
            span = _clean_name(text, m.start("name"), m.end("name"))
            if span and not _org_like(text, span) and " " in text[span[0]:span[1]]:
                yield span[0], span[1], 0.55
        for m in _BEFORE_EMAIL.finditer(text):  # "Merle Vinther <mv@mail.dk>"
            if _org_like(text, m.span("name")):
                continue  # "Aarhus Kommune <post@aarhus.dk>"
            span = _clean_name(text, m.start("name"), m.end("name"))
            if span and not _org_like(text, span) and (
                    " " in text[span[0]:span[1]] or not text[span[0]:span[1]].isupper()):
                yield span[0], span[1], 0.7
        stop = stopwords()
        for m in _ALLCAPS_RUN.finditer(text):
            # a run is cut at a stop-word: "OLGA MUNK OG INGEBORG RAVN" is two persons
            runs, cur = [], []
            for w in re.finditer(r"\S+", m.group(0)):
                if w.group(0).lower() in stop:
                    runs.append(cur)
                    cur = []
                else:
                    cur.append(w)
            runs.append(cur)
            for run in runs:
                if len(run) < 2:
                    continue
                words = [w.group(0) for w in run]
                s, e = m.start() + run[0].start(), m.start() + run[-1].end()
                if any(w.lower() in _ORG_WORDS for w in words):
                    continue
                if words[0].capitalize() in name_lists()[0]:
                    yield s, e, 0.6  # "EMIL SØRENSEN VANG"
                elif _caps_name(words) and _in_running_text(text, s, e):
                    yield s, e, 0.5  # "ROJDA JAMA" inside a sentence, not a heading
        yield from self._gazetteer(text)
        yield from self._proper_noun_runs(text)
        yield from self._initial_surname(text)

    def analyze(self, text, entities=None, nlp_artifacts=None):
        """The pattern hits, plus the other mentions in this document of the name parts of every
        person found in it (by these patterns or by the model): see ``document_mentions``."""
        results = super().analyze(text, entities, nlp_artifacts)
        if entities and self.ENTITY.value not in entities:
            return results
        spans = [(r.start, r.end) for r in results]
        doc = getattr(nlp_artifacts, "tokens", None) if nlp_artifacts is not None else None
        if doc is not None:
            from aktindsigt.detect.recognizers.ner import plausible_person

            for ent in doc.ents:
                if ent.label_ in ("PER", "PERSON"):
                    span = plausible_person(text, ent.start_char, ent.end_char)
                    if span:
                        spans.append(span)
        extra = [h for h in document_mentions(text, spans)]
        if not extra:
            return results
        from presidio_analyzer import RecognizerResult

        for s, e, score in extra:
            results.append(RecognizerResult(
                self.ENTITY.value, s, e, score,
                recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: self.DETECTOR + ":document",
                                      RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id}))
        return results

    def _initial_surname(self, text: str) -> Iterator[Hit]:
        """One to three initials before a capitalised word: "J. Kjærsgaard", "J.K. Bager", "A. B. Fisker"
        - also when the word is an ordinary word (a surname may be one), but not a definite or plural
        noun ("pkt. B. Sagen"), a stop-word, an organisation word, or a street ("H.C. Andersens Boulevard")."""
        from aktindsigt.detect.person_filter import _org_word, ordinary_word

        stop = stopwords()
        for m in _INITIALS_WORD.finditer(text):
            word = m.group("word")
            low = word.lower()
            before = _WORD_BEFORE_INITIAL.search(text, max(0, m.start() - 20), m.start())
            if before and before.group(1).lower() in _NOT_BEFORE_INITIAL:
                continue  # "bilag A. Oversigt", "vitamin D. Patienten"
            if _TOWN_LETTER_BEFORE.search(text, max(0, m.start() - 40), m.start()):
                continue  # "8507 Tranbjerg J. Imod ...": the letter belongs to the postal town
            if low in stop or low in _ORG_WORDS or _org_word(word) or _zipf(word) >= 5.5:
                continue  # "Der", "Det", "Han"; but a surname may be a word ("W. Skriver", "H. Bor")
            if not (is_surname(word) or word in name_lists()[1] or word.endswith(_SURNAME_ENDINGS)) and (
                    low.endswith(_NOUN_ENDINGS) and ordinary_word(word)):
                continue  # "pkt. B. Sagen", "A. Indledning", "C. Handleplanen"
            if _NUMBER_AFTER.match(text, m.end()) or _STREET_AFTER.match(text, m.end()):
                continue
            yield m.start(), m.end(), 0.6

    def _proper_noun_runs(self, text: str) -> Iterator[Hit]:
        """Two to four capitalised words in the middle of a sentence: Danish writes nouns in lower
        case, so such a run is a proper name - a person's when no word of it is an ordinary word
        in front, an organisation word, a place or a town ("Thanh Fog", "Rógvi Bang")."""
        from aktindsigt.detect.person_filter import _org_word, ordinary_word, places

        stop = stopwords()
        for m in _PROPER_RUN.finditer(text):
            s = m.start()
            if _sentence_start(text, s) or _COMPANY_AFTER.match(text, m.end()) or _POSTCODE_BEFORE.search(
                    text, max(0, s - 6), s):
                continue  # not after a postcode: "8507 Tranbjerg J. Imod ..." is a town
            words = m.group(0).split()
            first = words[0]
            if first.endswith(".") or first.lower() in stop or ordinary_word(first) or _zipf(first) >= 4.0:
                continue
            if any(w.lower() in stop or _org_word(w) or w in places() or w in _towns() for w in words):
                continue
            if " ".join(words) in places() or " ".join(words) in _towns():
                continue
            if _NUMBER_AFTER.match(text, m.end()) and street_kind(words[-1], 2):
                continue  # "Søndre Hedevej 103"
            yield s, m.end(), 0.5

    def _header_names(self, text: str, start: int, end: int) -> Iterator[Hit]:
        for part in re.finditer(r"[^;,]+", text[start:end]):
            s = start + part.start()
            nm = _NAME_FULL.match(text, s)
            if not nm:
                continue
            after = text[nm.end("name"): start + part.end()].strip()
            if after and not after.startswith(("<", "(", "[", "\"")):
                continue
            if any(w.lower() in _ORG_WORDS for w in nm.group("name").split()):
                continue  # "Til: Aarhus Kommune" is an organisation
            span = _clean_name(text, nm.start("name"), nm.end("name"))
            if span:
                yield span[0], span[1], 0.75

    def _gazetteer(self, text: str) -> Iterator[Hit]:
        first, last = name_lists()
        if not first:
            return
        stop = stopwords()
        common = _common_words()
        caps = [(m.start(), m.end(), m.group(0)) for m in _CAP.finditer(text)]
        i, n = 0, len(caps)
        while i < n:
            s, e, w = caps[i]
            j = i
            # extend over directly following capitalised words (same line, one space)
            while j + 1 < n and text[caps[j][1]:caps[j + 1][0]] in (" ", "\t") and caps[j + 1][2].lower() not in stop:
                j += 1
            run = caps[i : j + 1]
            while len(run) > 1 and _is_trailing_common(run[-1][2], first, last):
                run = run[:-1]
            j = i + len(run) - 1
            words = [c[2] for c in run]
            if _POSTCODE_BEFORE.search(text, max(0, s - 6), s) or " ".join(words) in _towns():
                i = j + 1
                continue  # "6542 Nørre Asmindrup": a town
            if _NUMBER_AFTER.match(text, run[-1][1]) and any(
                street_kind(x, 2 if k else 1) is not None for k, x in enumerate(words)
            ):
                i = j + 1
                continue  # "Otto Bachesgade": a street, not a person
            if _COMPANY_AFTER.match(text, run[-1][1]) or (len(run) > 1 and words[-1].lower() in _ORG_WORDS):
                pass  # "Kristiansen A/S", "Simonsen & Søn"
            elif w in first and w.lower() not in stop:
                if len(run) > 1:
                    yield s, run[-1][1], 0.65
                elif w.lower() not in common:
                    yield s, e, 0.45
            elif len(run) == 1 and len(w) > 3 and w.endswith("s") and w[:-1] in first and (
                    w[:-1].lower() not in common and w.lower() not in stop):
                yield s, e, 0.45  # "Signes", "Torbens": a first name in the possessive
            elif len(run) > 1 and w.lower() not in stop and any(is_surname(x) for x in words[1:]):
                if w in nordic_first_names():
                    yield s, run[-1][1], 0.6
                elif not (_sentence_start(text, s) and _is_common_word(w)):
                    yield s, run[-1][1], 0.55
                elif len(run) > 2 and words[1] in nordic_first_names():
                    yield run[1][0], run[-1][1], 0.55  # "Derefter Mette Kristoffersen"
                # else: "Leverandøren Kristiansen" - a common word at a sentence start, then a surname
            elif len(run) > 1 and any(x in first for x in words[1:]):
                k = next(idx for idx, x in enumerate(words) if x in first and idx > 0)
                yield run[k][0], run[-1][1], 0.6
            i = j + 1
