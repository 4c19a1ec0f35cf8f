"""Danish singular and plural forms for counts in sentences, tables and messages.

Never a plural in brackets: a Danish official writes the form the number takes.

    antal(1, "dokument")            -> "ét dokument"
    antal(1, "side")                -> "én side"
    antal(0, "dokument")            -> "ingen dokumenter"
    antal(23, "dokument")           -> "23 dokumenter"
    antal(1, "dokument", words=False) -> "1 dokument"      (tables, CLI summaries)
    form(2, "forekomst")            -> "forekomster"        (the noun alone)
    antal(3, "åbent punkt", "åbne punkter")  -> "3 åbne punkter"  (nouns outside the table)

The nouns the program counts are in ``NOUNS`` (singular, plural, gender); any other noun is given
with both forms. No Qt, no I/O: the UI, the CLI and the documents all use this module.
"""

from __future__ import annotations

from datetime import date

MONTHS_DA = (
    "januar", "februar", "marts", "april", "maj", "juni",
    "juli", "august", "september", "oktober", "november", "december",
)

# singular -> (plural, gender: "c" common / "n" neuter)
NOUNS: dict[str, tuple[str, str]] = {
    "akt": ("akter", "c"),
    "arbejdsdag": ("arbejdsdage", "c"),
    "bilag": ("bilag", "n"),
    "dag": ("dage", "c"),
    "dokument": ("dokumenter", "n"),
    "dokumenttitel": ("dokumenttitler", "c"),
    "fil": ("filer", "c"),
    "forekomst": ("forekomster", "c"),
    "forslag": ("forslag", "n"),
    "gruppe": ("grupper", "c"),
    "hjemmel": ("hjemler", "c"),
    "lukkedag": ("lukkedage", "c"),
    "medarbejder": ("medarbejdere", "c"),
    "måned": ("måneder", "c"),
    "overstregning": ("overstregninger", "c"),
    "PDF-fil": ("PDF-filer", "c"),
    "punkt": ("punkter", "n"),
    "sag": ("sager", "c"),
    "side": ("sider", "c"),
    "uge": ("uger", "c"),
    "undtaget side": ("undtagne sider", "c"),
    "oplysning": ("oplysninger", "c"),
}

_ONE = {"c": "én", "n": "ét"}


def _lookup(singular: str, plural: str | None) -> tuple[str, str, str]:
    if plural is not None:
        entry = NOUNS.get(singular)
        return singular, plural, entry[1] if entry else "c"
    try:
        pl, gender = NOUNS[singular]
    except KeyError:
        raise KeyError(f"unknown noun {singular!r}: add it to aktindsigt.core.danish.NOUNS or give the plural") from None
    return singular, pl, gender


def form(count: int, singular: str, plural: str | None = None) -> str:
    """The noun in the form ``count`` takes: singular for exactly 1, otherwise plural (also for 0)."""
    sg, pl, _gender = _lookup(singular, plural)
    return sg if count == 1 else pl


def antal(count: int, singular: str, plural: str | None = None, *, words: bool = True,
          gender: str | None = None) -> str:
    """``count`` and the noun: "ét dokument", "én side", "ingen sider", "23 dokumenter".

    ``words=False`` writes digits only ("0 dokumenter", "1 dokument"), for tables and terse summaries.
    ``gender`` ("c" or "n") overrides the table for a noun phrase given with its plural."""
    sg, pl, g = _lookup(singular, plural)
    g = gender or g
    if words and count == 0:
        return f"ingen {pl}"
    if words and count == 1:
        return f"{_ONE[g]} {sg}"
    return f"{count} {sg if count == 1 else pl}"


def plural(n: int, singular: str, plural_form: str) -> str:
    """The form of the noun that goes with ``n`` (1 and -1 take the singular)."""
    return singular if abs(n) == 1 else plural_form


def count(n: int, singular: str, plural_form: str) -> str:
    """``n`` in digits followed by the right form: "1 forekomst", "12 forekomster", "0 forekomster" (tables,
    CLI summaries; in sentences use ``antal``)."""
    return f"{n} {plural(n, singular, plural_form)}"


def join(items: list[str] | tuple[str, ...], last: str = "og") -> str:
    """``a, b og c`` (Danish lists have no comma before "og")."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {last} " + items[-1]


#: words that open a sentence and are written in lower case inside one ("fordi sagen ...")
_OPENERS = frozenset("""
    sagen sagerne sagens vi der det den de dette disse dokumenterne dokumentet anmodningen anmodningens materialet
    en et flere mange nogle alle oplysningerne kommunen kommunens afdelingen forvaltningen sagsbehandleren
    medarbejderen tredjeparter tredjemand høringen gennemgangen arbejdet vores min jeg
""".split())


def as_clause(sentence: str) -> str:
    """A sentence written on its own turned into a clause after "fordi" etc.: the first word in lower case
    when it is an ordinary sentence opener ("Sagen omfatter ..." -> "sagen omfatter ..."); proper nouns,
    abbreviations and anything unknown keep their capital ("Ankestyrelsen har ...", "KL har ...")."""
    text = sentence.strip()
    first = text.split(maxsplit=1)[0] if text else ""
    if first and first[:1].isupper() and first[1:].islower() and first.lower() in _OPENERS:
        return text[:1].lower() + text[1:]
    return text


def capitalize(text: str) -> str:
    """First letter upper case, the rest untouched ("ét dokument" -> "Ét dokument")."""
    return text[:1].upper() + text[1:]


def da_date(d: date | None) -> str:
    """``28. november 2026`` ("" for no date)."""
    if d is None:
        return ""
    return f"{d.day}. {MONTHS_DA[d.month - 1]} {d.year}"


__all__ = ["MONTHS_DA", "NOUNS", "antal", "as_clause", "capitalize", "count", "da_date", "form", "join", "plural"]
