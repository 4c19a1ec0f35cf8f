"""Danish as an official writes it: real singular and plural forms, counts in sentences.

``count(1, "dokument", "dokumenter")`` -> "1 dokument"; ``count(3, ...)`` -> "3 dokumenter".
Never "dokument(er)".
"""

from __future__ import annotations


def plural(n: int, singular: str, plural_form: str) -> str:
    """The form of the noun that goes with ``n`` (1 and -1 take the singular)."""
    return singular if abs(n) == 1 else plural_form


def count(n: int, singular: str, plural_form: str) -> str:
    """``n`` followed by the right form: "1 forekomst", "12 forekomster", "0 forekomster"."""
    return f"{n} {plural(n, singular, plural_form)}"
