"""Deadline arithmetic in Danish working days.

Working days are Monday-Friday minus Danish public holidays (from the maintained
``holidays`` package, which knows that Store Bededag stopped being a holiday in
2024) and the municipality's own closure days (configurable).

- OFL § 36 / FVL § 16, stk. 2: a *fristbrev* is due when no decision has been made
  within 7 working days of receipt.
- OFL § 39: after 14 working days without a decision the requester may complain.

The day of receipt is day 0: the 7-working-day mark is the 7th working day after it.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

FRISTBREV_WORKING_DAYS = 7
COMPLAINT_WORKING_DAYS = 14

# Days many municipalities close on although they are not public holidays.
# Not applied by default (a later deadline is the unsafe direction); add them
# through ``WorkCalendar(closure_days=...)`` or ``customary_days=True``.
CUSTOMARY_CLOSURE = ("Grundlovsdag", "Juleaftensdag", "Nytårsaftensdag")


@lru_cache(maxsize=64)
def _public_holidays(year: int, customary: bool) -> dict[date, str]:
    categories = ("public", "optional") if customary else ("public",)
    import holidays  # 0.1 s: only when a deadline is computed

    days = holidays.country_holidays("DK", years=year, language="da", categories=categories)
    result = dict(days.items())
    if customary:
        result = {d: n for d, n in result.items() if d in holidays.country_holidays("DK", years=year) or n in CUSTOMARY_CLOSURE}
    return result


@dataclass(frozen=True)
class WorkCalendar:
    """Which days count as working days for one municipality."""

    closure_days: frozenset[date] = field(default_factory=frozenset)
    customary_days: bool = False

    @classmethod
    def with_closures(cls, days: Iterable[date], customary_days: bool = False) -> WorkCalendar:
        return cls(frozenset(days), customary_days)

    def holiday_name(self, day: date) -> str | None:
        if day in self.closure_days:
            return "Lukkedag"
        return _public_holidays(day.year, self.customary_days).get(day)

    def is_working_day(self, day: date) -> bool:
        return day.weekday() < 5 and self.holiday_name(day) is None

    def add_working_days(self, start: date, n: int) -> date:
        """The n-th working day after ``start`` (``start`` itself is day 0)."""
        if n < 0:
            raise ValueError("n must be >= 0")
        day = start
        remaining = n
        while remaining:
            day += timedelta(days=1)
            if self.is_working_day(day):
                remaining -= 1
        return day

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after ``start`` up to and including ``end`` (0 when end <= start)."""
        if end <= start:
            return 0
        count = 0
        day = start
        while day < end:
            day += timedelta(days=1)
            if self.is_working_day(day):
                count += 1
        return count


class Light(enum.StrEnum):
    GREEN = "green"
    AMBER = "amber"  # fristbrev due (7 working days passed)
    RED = "red"  # 14 working days passed: the requester may complain (OFL § 39)
    DONE = "done"  # decided

    @property
    def label(self) -> str:
        return {
            "green": "Inden for fristen",
            "amber": "Fristbrev skal sendes",
            "red": "Over 14 arbejdsdage (§ 39)",
            "done": "Afgjort",
        }[self.value]


@dataclass(frozen=True)
class Deadlines:
    received: date
    fristbrev_due: date  # 7th working day after receipt
    complaint_possible: date  # 14th working day after receipt (OFL § 39)
    elapsed_working_days: int
    light: Light

    @property
    def section39(self) -> bool:
        return self.light is Light.RED


def deadlines(
    received: date, today: date, calendar: WorkCalendar | None = None, decided: date | None = None
) -> Deadlines:
    cal = calendar or WorkCalendar()
    until = decided or today
    elapsed = cal.working_days_between(received, until)
    if decided is not None:
        light = Light.DONE
    elif elapsed >= COMPLAINT_WORKING_DAYS:
        light = Light.RED
    elif elapsed >= FRISTBREV_WORKING_DAYS:
        light = Light.AMBER
    else:
        light = Light.GREEN
    return Deadlines(
        received=received,
        fristbrev_due=cal.add_working_days(received, FRISTBREV_WORKING_DAYS),
        complaint_possible=cal.add_working_days(received, COMPLAINT_WORKING_DAYS),
        elapsed_working_days=elapsed,
        light=light,
    )
