"""Deadline arithmetic per regime, in Danish working days and calendar months.

Working days are Monday-Friday minus Danish public holidays (from the maintained
``holidays`` package, which knows that Store Bededag stopped being a holiday in
2024) and the municipality's own closure days (configurable).

The rules (``RULES``, one per regime; the wording shown to people is in ``DeadlineRule``):

- OFL § 7 and § 8: a request is decided within 7 working days of receipt; when it cannot be,
  a *fristbrev* is sent within them (OFL § 36, stk. 2). After 14 working days without a
  decision the requester may complain about the delay (OFL § 39). The travaux préparatoires
  accept up to 40 working days in wholly special cases (FOB 2021-1): a fristbrev may not promise
  a later date.
- FVL § 9: the same notice after 7 working days (FVL § 16, stk. 2), no § 39.
- Miljøoplysningsloven: a notice after 10 days (1985 offentlighedslov § 16, stk. 2, via
  MOL § 4, stk. 1); decided as soon as possible and at the latest one month after receipt, two
  months for extensive and complex requests, the requester being told within the first month
  (MOL § 4, stk. 3).
- GDPR art. 15: without undue delay and at the latest one month after receipt; extendable by
  two further months, the data subject being told with reasons within the first month (art. 12(3)).

The day of receipt is day 0: the 7-working-day mark is the 7th working day after it. A month runs
to the same date of the next month (the last day of a shorter month), and a calendar limit that
ends on a day that is not a working day moves to the next working day.
"""

from __future__ import annotations

import calendar as _calendar
import enum
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from aktindsigt.core.danish import da_date
from aktindsigt.core.model import Regime

FRISTBREV_WORKING_DAYS = 7
COMPLAINT_WORKING_DAYS = 14
MAX_WORKING_DAYS = 40  # OFL § 36, stk. 2 as the travaux préparatoires read it (wholly special cases)

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
    AMBER = "amber"  # a notice (fristbrev) is due
    RED = "red"  # the regime's limit has passed (OFL: 14 working days, § 39)
    DONE = "done"  # decided

    @property
    def label(self) -> str:
        return {
            "green": "Inden for fristen",
            "amber": "Fristbrev skal sendes",
            "red": "Fristen er overskredet",
            "done": "Afgjort",
        }[self.value]


def add_months(start: date, months: int) -> date:
    """The same date ``months`` later (the last day of the month when it has no such date)."""
    y, m = divmod(start.month - 1 + months, 12)
    year, month = start.year + y, m + 1
    return date(year, month, min(start.day, _calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class DeadlineRule:
    """One regime's time limits, as data for the arithmetic and Danish text for people."""

    regime: Regime
    notice_working_days: int | None  # OFL/FVL: fristbrev after 7 working days
    notice_days: int | None  # MOL: 10 days (1985 OFL § 16, stk. 2)
    limit_working_days: int | None  # OFL/FVL: 7 working days
    limit_months: int | None  # MOL/GDPR: one month
    max_working_days: int | None  # OFL/FVL: 40 working days (travaux préparatoires)
    max_months: int | None  # MOL: two months; GDPR: three (one + two)
    complaint_working_days: int | None  # OFL § 39: 14 working days
    basis: str  # "offentlighedslovens § 36, stk. 2"
    notice_basis: str
    max_basis: str
    complaint_basis: str = ""  # "offentlighedslovens § 39"
    extension_in_first_month: bool = False  # MOL/GDPR: the extension must be told within the first month


RULES: dict[Regime, DeadlineRule] = {
    Regime.OFL7: DeadlineRule(Regime.OFL7, 7, None, 7, None, MAX_WORKING_DAYS, None, COMPLAINT_WORKING_DAYS,
                              "offentlighedslovens § 36, stk. 2", "offentlighedslovens § 36, stk. 2",
                              "forarbejderne til offentlighedslovens § 36, stk. 2", "offentlighedslovens § 39"),
    Regime.FVL9: DeadlineRule(Regime.FVL9, 7, None, 7, None, MAX_WORKING_DAYS, None, None,
                              "forvaltningslovens § 16", "forvaltningslovens § 16, stk. 2",
                              "samme grænse som i praksis for aktindsigt i øvrigt"),
    Regime.MOL: DeadlineRule(Regime.MOL, None, 10, None, 1, None, 2, None,
                             "miljøoplysningslovens § 4, stk. 3",
                             "miljøoplysningslovens § 4, stk. 1, jf. offentlighedsloven (lov nr. 572 af 19. december "
                             "1985) § 16, stk. 2", "miljøoplysningslovens § 4, stk. 3",
                             extension_in_first_month=True),
    Regime.GDPR15: DeadlineRule(Regime.GDPR15, None, None, None, 1, None, 3, None,
                                "databeskyttelsesforordningens artikel 12, stk. 3",
                                "databeskyttelsesforordningens artikel 12, stk. 3",
                                "databeskyttelsesforordningens artikel 12, stk. 3", extension_in_first_month=True),
}
RULES[Regime.OFL8] = DeadlineRule(**{**RULES[Regime.OFL7].__dict__, "regime": Regime.OFL8})

@dataclass(frozen=True)
class Deadlines:
    received: date
    fristbrev_due: date  # the day by which the notice (fristbrev) must be sent
    complaint_possible: date | None  # OFL § 39: the 14th working day; None under other regimes
    elapsed_working_days: int
    light: Light
    regime: Regime = Regime.OFL7
    limit: date | None = None  # the ordinary time limit of the decision
    maximum: date | None = None  # the latest date a fristbrev may promise
    extension_notice_by: date | None = None  # MOL/GDPR: an extension must be told by this date
    expected: date | None = None  # the date promised in a fristbrev, when one was sent
    elapsed_days: int = 0

    @property
    def rule(self) -> DeadlineRule:
        return RULES[self.regime]

    @property
    def section39(self) -> bool:
        """OFL only: 14 working days have passed and the requester may complain about the delay."""
        return self.complaint_possible is not None and self.light is Light.RED

    @property
    def label(self) -> str:
        """The traffic light in Danish, by the regime's rule ("Over 14 arbejdsdage (§ 39)")."""
        r = self.rule
        if self.light is Light.DONE:
            return "Afgjort"
        if self.light is Light.GREEN:
            return "Inden for fristen"
        if self.light is Light.AMBER:
            if r.extension_in_first_month:
                return "Forlængelse skal meddeles" if self.regime is Regime.GDPR15 else "Underretning skal sendes"
            return "Fristbrev skal sendes"
        if self.complaint_possible is not None:
            return "Over 14 arbejdsdage (§ 39)"
        return "Fristen er overskredet"

    @property
    def short(self) -> str:
        """One line for a table column ("Fristbrev senest 11. november 2026")."""
        if self.light is Light.DONE:
            return "Afgjort"
        if self.light is Light.RED:
            if self.complaint_possible is not None:
                return "§ 39: over 14 arbejdsdage"
            return f"Fristen udløb {da_date(self.maximum if self.expected else self.limit)}"
        if self.rule.extension_in_first_month and self.regime is Regime.GDPR15:
            return f"Svar senest {da_date(self.limit)}"
        if self.light is Light.AMBER:
            return f"Fristbrev skal sendes (frist {da_date(self.fristbrev_due)})"
        return f"Fristbrev senest {da_date(self.fristbrev_due)}"

    def lines(self) -> list[str]:
        """The rule of the case's regime in Danish, one statement a line (case view, journal note)."""
        r = self.rule
        out = []
        if self.regime in (Regime.OFL7, Regime.OFL8, Regime.FVL9):
            out.append(f"Afgørelse inden 7 arbejdsdage, ellers fristbrev senest {da_date(self.fristbrev_due)} "
                       f"({r.notice_basis}).")
            if self.complaint_possible is not None:
                out.append(f"Klage over sagsbehandlingstiden mulig fra {da_date(self.complaint_possible)} "
                           f"(14 arbejdsdage, {r.complaint_basis}).")
            out.append(f"Et fristbrev kan højst love en afgørelse senest {da_date(self.maximum)} "
                       f"(40 arbejdsdage, {r.max_basis}).")
        elif self.regime is Regime.MOL:
            out.append(f"Underretning, hvis der ikke er truffet afgørelse, senest {da_date(self.fristbrev_due)} "
                       f"(10 dage, {r.notice_basis}).")
            out.append(f"Afgørelse senest {da_date(self.limit)} (1 måned, {r.basis}); ved omfattende og "
                       f"komplekse anmodninger senest {da_date(self.maximum)} (2 måneder), og så skal anmoderen have "
                       f"besked inden {da_date(self.extension_notice_by)}.")
        else:
            out.append(f"Svar uden unødig forsinkelse og senest {da_date(self.limit)} (1 måned, {r.basis}).")
            out.append(f"Fristen kan forlænges med 2 måneder til senest {da_date(self.maximum)}, hvis den "
                       f"registrerede får besked med begrundelse senest {da_date(self.extension_notice_by)}.")
        if self.expected is not None:
            sent = {Regime.MOL: "Underretning sendt: afgørelse", Regime.GDPR15: "Besked om fristen sendt: svar"}
            out.append(f"{sent.get(self.regime, 'Fristbrev sendt: afgørelse')} forventet senest "
                       f"{da_date(self.expected)}.")
        return out


def deadlines(
    received: date, today: date, calendar: WorkCalendar | None = None, decided: date | None = None,
    regime: Regime | str = Regime.OFL7, expected: date | None = None, notice_sent: date | None = None,
) -> Deadlines:
    """The deadlines of a request received on ``received`` under ``regime``, seen on ``today``.

    ``expected``/``notice_sent``: the date promised in a fristbrev and the day it was sent (MOL/GDPR: an
    extension counts only when told within the first month)."""
    cal = calendar or WorkCalendar()
    reg = Regime(regime)
    rule = RULES[reg]
    until = decided or today
    elapsed = cal.working_days_between(received, until)
    elapsed_days = max(0, (until - received).days)

    def roll(d: date) -> date:
        while not cal.is_working_day(d):
            d += timedelta(days=1)
        return d

    complaint = cal.add_working_days(received, rule.complaint_working_days) if rule.complaint_working_days else None
    if rule.notice_working_days is not None:
        notice = cal.add_working_days(received, rule.notice_working_days)
    elif rule.notice_days is not None:
        notice = roll(received + timedelta(days=rule.notice_days))
    else:
        notice = roll(add_months(received, rule.limit_months or 1))
    limit = (cal.add_working_days(received, rule.limit_working_days) if rule.limit_working_days is not None
             else roll(add_months(received, rule.limit_months or 1)))
    maximum = (cal.add_working_days(received, rule.max_working_days) if rule.max_working_days is not None
               else roll(add_months(received, rule.max_months or 1)))
    extension_by = limit if rule.extension_in_first_month else None
    extended = expected is not None and (not rule.extension_in_first_month
                                         or (notice_sent is not None and notice_sent <= limit))
    if decided is not None:
        light = Light.DONE
    elif complaint is not None and until >= complaint:
        light = Light.RED  # OFL § 39
    elif until > maximum or (extended and expected is not None and until > expected):
        light = Light.RED
    elif rule.extension_in_first_month and until > limit and not extended:
        light = Light.RED  # MOL/GDPR: the month passed without an extension told in time
    elif until >= notice or (reg is Regime.GDPR15 and until >= limit - timedelta(days=7)):
        light = Light.AMBER
    else:
        light = Light.GREEN
    return Deadlines(
        received=received,
        fristbrev_due=notice,
        complaint_possible=complaint,
        elapsed_working_days=elapsed,
        light=light,
        regime=reg,
        limit=limit,
        maximum=maximum,
        extension_notice_by=extension_by,
        expected=expected,
        elapsed_days=elapsed_days,
    )
