"""Convention enums: stable values (deal files and other packages spell them)."""

from __future__ import annotations

from dealbook.calendars.conventions import CalendarName
from dealbook.calendars.conventions import DayKind
from dealbook.calendars.conventions import EasternReading
from dealbook.calendars.conventions import NoticeStatus
from dealbook.calendars.conventions import Proration
from dealbook.calendars.conventions import Roll
from dealbook.calendars.conventions import SaturdayHolidayRule
from dealbook.calendars.conventions import TradingDayReading


def test_values_are_stable() -> None:
    assert [c.value for c in CalendarName] == ["ny-banking", "nyse", "weekdays"]
    assert [r.value for r in Roll] == ["none", "following", "preceding", "modified-following"]
    assert [p.value for p in Proration] == ["A", "B", "C", "D"]
    assert [k.value for k in DayKind] == [
        "days",
        "business-days",
        "trading-days",
        "months",
        "years",
    ]
    assert [s.value for s in SaturdayHolidayRule] == ["fed", "legal-holiday"]
    assert [r.value for r in TradingDayReading] == ["market-calendar", "days-quoted"]
    assert [r.value for r in EasternReading] == ["prevailing-eastern", "est-literal"]
    assert [s.value for s in NoticeStatus] == ["effective", "not-permitted"]
