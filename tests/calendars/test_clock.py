"""Clause times in "Eastern Standard Time" on summer dates (D-INS-6, D-AMN-12)."""

from __future__ import annotations

from datetime import date
from datetime import datetime
from datetime import time
from zoneinfo import ZoneInfo

import pytest

from dealbook.calendars.clock import resolve_stated_time
from dealbook.calendars.conventions import EasternReading
from dealbook.core.source import ClauseRef

NEW_YORK = ZoneInfo("America/New_York")
INS_CLOSING = ClauseRef(doc="ins-spa", section="1(c)", lines=(73, 73))


def test_insynq_closing_time_is_a_finding_not_a_crash() -> None:
    stated = resolve_stated_time(
        date(2002, 9, 27), time(12), "Eastern Standard Time", clause=INS_CLOSING
    )
    assert stated.at == datetime(2002, 9, 27, 12, 0, tzinfo=NEW_YORK)
    assert stated.at.utcoffset() is not None
    assert stated.finding == (
        "2002-09-27 is in daylight-saving time: New York keeps EDT (UTC-4); "
        "12:00 EST (UTC-5) is 13:00 EDT"
    )
    (diagnostic,) = stated.diagnostics
    assert diagnostic.code == "CAL-ZONE-ABBREVIATION"
    assert diagnostic.location == "ins-spa:1(c)"
    assert (
        diagnostic.hint
        == "resolved as 12:00 EDT (prevailing-eastern); set tz.est_literal to choose"
    )


def test_literal_reading() -> None:
    stated = resolve_stated_time(
        date(2003, 5, 9), time(12), "EST", reading=EasternReading.LITERAL, clause=INS_CLOSING
    )
    assert stated.at == datetime(2003, 5, 9, 13, 0, tzinfo=NEW_YORK)
    assert stated.diagnostics[0].hint == (
        "resolved as 13:00 EDT (est-literal); set tz.est_literal to choose"
    )


def test_no_finding_when_the_abbreviation_matches() -> None:
    winter = resolve_stated_time(
        date(2003, 1, 10), time(12), "Eastern Standard Time", clause=INS_CLOSING
    )
    assert winter.finding is None
    assert winter.diagnostics == ()
    assert winter.at == datetime(2003, 1, 10, 12, 0, tzinfo=NEW_YORK)
    prevailing = resolve_stated_time(date(2003, 7, 1), time(9), "Eastern Time")
    assert prevailing.finding is None
    literal_prevailing = resolve_stated_time(
        date(2003, 7, 1), time(9), "New York time", reading=EasternReading.LITERAL
    )
    assert literal_prevailing.at == datetime(2003, 7, 1, 9, 0, tzinfo=NEW_YORK)


def test_daylight_time_stated_in_winter() -> None:
    stated = resolve_stated_time(date(2003, 1, 10), time(12), "EDT", reading=EasternReading.LITERAL)
    assert stated.at == datetime(2003, 1, 10, 11, 0, tzinfo=NEW_YORK)
    assert stated.finding == (
        "2003-01-10 is in standard time: New York keeps EST (UTC-5); 12:00 EDT (UTC-4) is 11:00 EST"
    )
    assert stated.diagnostics == ()  # no clause given: nothing to locate


def test_unknown_zone() -> None:
    with pytest.raises(ValueError, match="not an Eastern time zone: 'PST'"):
        resolve_stated_time(date(2003, 1, 10), time(12), "PST")
