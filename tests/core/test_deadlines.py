from datetime import date

import pytest

from aktindsigt.core.deadlines import Light, WorkCalendar, deadlines


@pytest.fixture
def cal():
    return WorkCalendar()


def test_weekends_are_not_working_days(cal):
    # Friday 2026-11-27 + 1 working day = Monday 2026-11-30
    assert cal.add_working_days(date(2026, 11, 27), 1) == date(2026, 11, 30)
    assert cal.working_days_between(date(2026, 11, 27), date(2026, 11, 30)) == 1


def test_easter_is_skipped(cal):
    # Easter 2026: Skærtorsdag 2/4, Langfredag 3/4, 2. påskedag 6/4
    assert cal.add_working_days(date(2026, 3, 30), 7) == date(2026, 4, 13)
    assert cal.holiday_name(date(2026, 4, 2)) == "Skærtorsdag"
    assert not cal.is_working_day(date(2026, 4, 6))


def test_christmas_and_new_year(cal):
    # received Friday 18/12/2026: 21, 22, 23, 24, (25, 26 holidays), 28, 29, 30 -> 7th working day 30/12
    d = deadlines(date(2026, 12, 18), today=date(2026, 12, 21), calendar=cal)
    assert d.fristbrev_due == date(2026, 12, 30)
    # 31/12, (1/1 holiday), 4, 5, 6, 7, 8, 11 -> 14th working day 11/1/2027
    assert d.complaint_possible == date(2027, 1, 11)


def test_store_bededag_is_a_working_day_from_2024(cal):
    assert not cal.is_working_day(date(2023, 5, 5))  # Store Bededag 2023
    assert cal.is_working_day(date(2024, 4, 26))  # would have been Store Bededag 2024


def test_closure_days_and_customary_days():
    cal = WorkCalendar.with_closures([date(2026, 11, 30)])
    assert not cal.is_working_day(date(2026, 11, 30))
    assert cal.add_working_days(date(2026, 11, 27), 1) == date(2026, 12, 1)
    assert WorkCalendar().is_working_day(date(2026, 12, 24))
    assert not WorkCalendar(customary_days=True).is_working_day(date(2026, 12, 24))
    assert not WorkCalendar(customary_days=True).is_working_day(date(2026, 6, 5))  # Grundlovsdag


@pytest.mark.parametrize(
    ("today", "light", "elapsed"),
    [
        (date(2026, 11, 2), Light.GREEN, 0),
        (date(2026, 11, 10), Light.GREEN, 6),
        (date(2026, 11, 11), Light.AMBER, 7),
        (date(2026, 11, 19), Light.AMBER, 13),
        (date(2026, 11, 20), Light.RED, 14),
    ],
)
def test_traffic_light(today, light, elapsed):
    d = deadlines(date(2026, 11, 2), today=today)
    assert d.light is light
    assert d.elapsed_working_days == elapsed
    assert d.section39 is (light is Light.RED)


def test_decided_case_is_done():
    d = deadlines(date(2026, 11, 2), today=date(2026, 12, 20), decided=date(2026, 11, 5))
    assert d.light is Light.DONE
    assert d.elapsed_working_days == 3


# --- per regime ---------------------------------------------------------------------------------------

from aktindsigt.core.deadlines import add_months  # noqa: E402
from aktindsigt.core.model import Regime  # noqa: E402


def test_add_months_clamps_to_the_end_of_a_short_month():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 11, 2), 2) == date(2027, 1, 2)


def test_fvl_has_the_notice_but_no_section_39():
    d = deadlines(date(2026, 11, 2), today=date(2026, 11, 20), regime=Regime.FVL9)
    assert d.fristbrev_due == date(2026, 11, 11) and d.complaint_possible is None
    assert d.light is Light.AMBER and not d.section39  # 14 working days are nothing special under FVL
    assert "forvaltningslovens § 16, stk. 2" in " ".join(d.lines()) and "§ 39" not in " ".join(d.lines())
    assert d.label == "Fristbrev skal sendes"


def test_mol_notice_after_ten_days_one_month_at_most_two():
    d = deadlines(date(2026, 11, 2), today=date(2026, 11, 5), regime=Regime.MOL)
    assert d.fristbrev_due == date(2026, 11, 12)  # 10 days (1985 OFL § 16, stk. 2)
    assert d.limit == date(2026, 12, 2) and d.maximum == date(2027, 1, 4)  # 2 January 2027 is a Saturday
    assert d.light is Light.GREEN
    late = deadlines(date(2026, 11, 2), today=date(2026, 12, 3), regime=Regime.MOL)
    assert late.light is Light.RED  # a month passed without an extension told in time
    extended = deadlines(date(2026, 11, 2), today=date(2026, 12, 3), regime=Regime.MOL,
                         expected=date(2026, 12, 20), notice_sent=date(2026, 11, 20))
    assert extended.light is Light.AMBER
    told_late = deadlines(date(2026, 11, 2), today=date(2026, 12, 10), regime=Regime.MOL,
                          expected=date(2026, 12, 20), notice_sent=date(2026, 12, 5))
    assert told_late.light is Light.RED  # an extension told after the first month does not count
    assert "miljøoplysningslovens § 4, stk. 3" in " ".join(d.lines())


def test_gdpr_one_month_plus_two():
    d = deadlines(date(2026, 11, 2), today=date(2026, 11, 20), regime=Regime.GDPR15)
    assert d.limit == date(2026, 12, 2) and d.maximum == date(2027, 2, 2)
    assert d.complaint_possible is None and d.light is Light.GREEN
    assert deadlines(date(2026, 11, 2), today=date(2026, 11, 26), regime=Regime.GDPR15).light is Light.AMBER
    assert deadlines(date(2026, 11, 2), today=date(2026, 12, 3), regime=Regime.GDPR15).light is Light.RED
    assert "artikel 12, stk. 3" in " ".join(d.lines())


def test_ofl_fristbrev_may_promise_at_most_40_working_days():
    d = deadlines(date(2026, 11, 2), today=date(2026, 11, 3), regime=Regime.OFL8)
    assert d.maximum == WorkCalendar().add_working_days(date(2026, 11, 2), 40)
    assert d.label == "Inden for fristen"
    assert deadlines(date(2026, 11, 2), today=date(2026, 11, 20), regime=Regime.OFL8).label == \
        "Over 14 arbejdsdage (§ 39)"
