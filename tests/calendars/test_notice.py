"""Notice timing (G-7, G-30): methods, business hours, zones, not-permitted methods."""

from __future__ import annotations

import dataclasses
from datetime import date
from datetime import datetime
from datetime import time
from zoneinfo import ZoneInfo

import pytest

from dealbook.calendars.conventions import CalendarName
from dealbook.calendars.conventions import NoticeEffect
from dealbook.calendars.conventions import NoticeMethod
from dealbook.calendars.conventions import NoticeStatus
from dealbook.calendars.conventions import SaturdayHolidayRule
from dealbook.calendars.notice import HYTECH_RULE
from dealbook.calendars.notice import INSYNQ_AMNIS_RULE
from dealbook.calendars.notice import NoticeRule
from dealbook.calendars.notice import deemed_given

NEW_YORK = ZoneInfo("America/New_York")
FAX = NoticeMethod.FAX


def test_g30_insynq_regular_mail() -> None:
    result = deemed_given(NoticeMethod.REGULAR_MAIL, datetime(2003, 1, 10), INSYNQ_AMNIS_RULE)
    assert result.effective_date == date(2003, 1, 15)
    assert result.effective == datetime(2003, 1, 15, tzinfo=NEW_YORK)
    assert result.status is NoticeStatus.EFFECTIVE
    assert result.explanation == (
        "regular_mail placed in the mail Fri 2003-01-10 00:00 EST: effective 5 calendar days "
        "later, 2003-01-15"
    )


def test_g7_termination_notice_by_mail_and_on_receipt() -> None:
    sent = datetime(2002, 11, 29, 10, 0)
    mailed = deemed_given(NoticeMethod.REGULAR_MAIL, sent, INSYNQ_AMNIS_RULE)
    assert mailed.effective_date == date(2002, 12, 4)
    faxed = deemed_given(FAX, sent, INSYNQ_AMNIS_RULE)
    assert faxed.effective_date == date(2002, 11, 29)
    assert faxed.explanation.endswith("(no receipt time recorded: taken as sent)")


def test_g30_hytech_fax_after_hours() -> None:
    result = deemed_given(FAX, datetime(2003, 8, 29, 18, 30), HYTECH_RULE)
    assert result.effective == datetime(2003, 9, 2, 9, 0, tzinfo=NEW_YORK)
    assert result.effective_date == date(2003, 9, 2)
    assert result.explanation == (
        "fax delivered Fri 2003-08-29 18:30 EDT: outside hours 09:00-17:00; effective on the "
        "first Business Day after (ny-banking), 2003-09-02 at 09:00 "
        "(skipped: 2003-08-30 Saturday, 2003-08-31 Sunday, 2003-09-01 Labor Day)"
    )


def test_g30_hytech_fax_in_hours() -> None:
    result = deemed_given(FAX, datetime(2003, 8, 29, 11, 0), HYTECH_RULE)
    assert result.effective == datetime(2003, 8, 29, 11, 0, tzinfo=NEW_YORK)
    assert result.effective_date == date(2003, 8, 29)


@pytest.mark.parametrize(
    ("sent", "expected"),
    [
        (datetime(2003, 8, 29, 9, 0), date(2003, 8, 29)),  # opening: inside
        (datetime(2003, 8, 29, 8, 59), date(2003, 9, 2)),  # before hours: next Business Day
        (datetime(2003, 8, 29, 16, 59), date(2003, 8, 29)),
        (datetime(2003, 8, 29, 17, 0), date(2003, 9, 2)),  # closing: outside
        (datetime(2003, 8, 30, 10, 0), date(2003, 9, 2)),  # Saturday
        (datetime(2003, 9, 1, 10, 0), date(2003, 9, 2)),  # Labor Day
        (datetime(2003, 5, 2, 18, 30), date(2003, 5, 5)),  # the CLI example
    ],
)
def test_business_hours_edges(sent: datetime, expected: date) -> None:
    assert deemed_given(FAX, sent, HYTECH_RULE).effective_date == expected


def test_holiday_reason_in_explanation() -> None:
    result = deemed_given(FAX, datetime(2003, 9, 1, 10, 0), HYTECH_RULE)
    assert "2003-09-01 is not a Business Day (Labor Day)" in result.explanation


def test_aware_times_convert_to_the_recipient_zone() -> None:
    utc = datetime(2003, 8, 29, 20, 30, tzinfo=ZoneInfo("UTC"))  # 16:30 EDT
    result = deemed_given(FAX, utc, HYTECH_RULE)
    assert result.sent == datetime(2003, 8, 29, 16, 30, tzinfo=NEW_YORK)
    assert result.effective_date == date(2003, 8, 29)
    later = datetime(2003, 8, 29, 21, 30, tzinfo=ZoneInfo("UTC"))  # 17:30 EDT
    assert deemed_given(FAX, later, HYTECH_RULE).effective_date == date(2003, 9, 2)


def test_recipient_zone_matters() -> None:
    pacific = dataclasses.replace(HYTECH_RULE, recipient_zone="America/Los_Angeles")
    sent = datetime(2003, 8, 29, 18, 30, tzinfo=NEW_YORK)  # 15:30 in Los Angeles
    assert deemed_given(FAX, sent, pacific).effective_date == date(2003, 8, 29)


def test_received_time_is_used_when_recorded() -> None:
    sent = datetime(2003, 1, 10, 9, 0)
    received = datetime(2003, 1, 13, 14, 0)
    result = deemed_given(NoticeMethod.COURIER, sent, INSYNQ_AMNIS_RULE, received=received)
    assert result.effective == datetime(2003, 1, 13, 14, 0, tzinfo=NEW_YORK)
    assert result.explanation == "courier effective on receipt, Mon 2003-01-13 14:00 EST"


def test_not_permitted_is_a_value_with_a_diagnostic() -> None:
    result = deemed_given(NoticeMethod.REGULAR_MAIL, datetime(2003, 8, 29, 11), HYTECH_RULE)
    assert result.status is NoticeStatus.NOT_PERMITTED
    assert not result.is_effective
    assert result.effective is None
    assert result.effective_date is None
    assert result.explanation == (
        "regular_mail is not a permitted notice method under hytech (permitted: fax)"
    )
    (diagnostic,) = result.diagnostics
    assert diagnostic.code == "CAL-NOTICE-METHOD-NOT-PERMITTED"
    assert diagnostic.location == "hyt:7.3"
    email = deemed_given(NoticeMethod.EMAIL, datetime(2003, 1, 10), INSYNQ_AMNIS_RULE)
    assert email.status is NoticeStatus.NOT_PERMITTED
    bare = NoticeRule(effects={})
    assert deemed_given(FAX, datetime(2003, 1, 10), bare).diagnostics == ()
    assert deemed_given(FAX, datetime(2003, 1, 10), bare).explanation.endswith(
        "under the notice clause (permitted: none)"
    )


def test_rules() -> None:
    assert HYTECH_RULE.permitted() == (FAX,)
    assert INSYNQ_AMNIS_RULE.effect_for(NoticeMethod.CERTIFIED_MAIL) is NoticeEffect.ON_RECEIPT
    assert INSYNQ_AMNIS_RULE.effect_for(NoticeMethod.EMAIL) is NoticeEffect.NOT_PERMITTED
    assert NoticeMethod.EMAIL not in INSYNQ_AMNIS_RULE.permitted()
    assert HYTECH_RULE.business_calendar is CalendarName.NY_BANKING
    copy = NoticeRule(
        name="hytech",
        effects={"fax": "business-hours"},  # type: ignore[dict-item]  # text is coerced
        clause=HYTECH_RULE.clause,
    )
    assert copy == HYTECH_RULE
    assert hash(copy) == hash(HYTECH_RULE)
    with pytest.raises(TypeError):
        copy.effects[FAX] = NoticeEffect.ON_RECEIPT  # type: ignore[index]  # read-only mapping


def test_rule_validation() -> None:
    with pytest.raises(ValueError, match="negative days_after_sending"):
        NoticeRule(effects={}, days_after_sending=-1)
    with pytest.raises(ValueError, match="business hours must start before they end"):
        NoticeRule(effects={}, business_hours_start=time(17), business_hours_end=time(9))
    with pytest.raises(KeyError):
        NoticeRule(effects={}, recipient_zone="Mars/Olympus")


def test_legal_holiday_reading_for_notices() -> None:
    christmas_eve_1999 = datetime(1999, 12, 24, 11, 0)  # Friday before Christmas on a Saturday
    assert deemed_given(FAX, christmas_eve_1999, HYTECH_RULE).effective_date == date(1999, 12, 24)
    legal = dataclasses.replace(HYTECH_RULE, saturday_rule=SaturdayHolidayRule.LEGAL_HOLIDAY)
    assert deemed_given(FAX, christmas_eve_1999, legal).effective_date == date(1999, 12, 27)
