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
