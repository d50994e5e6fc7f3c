"""A deal's notice clause becomes the calendar layer's rule (G-30)."""

from __future__ import annotations

from datetime import date
from datetime import datetime

from dealbook.calendars.conventions import NoticeEffect
from dealbook.calendars.conventions import NoticeMethod
from dealbook.calendars.notice import deemed_given
from dealbook.terms.notices import Notices
from tests.terms.helpers import CITE
from tests.terms.helpers import build


def test_mail_rule_five_days() -> None:
    notices = build(
        Notices,
        {
            "methods": [
                {"method": "regular_mail", "effect": "days-after-sending", "days": 5, "cite": CITE},
                {"method": "fax", "effect": "on-receipt", "cite": CITE},
            ],
            "cite": CITE,
        },
    )
    rule = notices.to_rule()
    assert rule.effect_for(NoticeMethod.COURIER) is NoticeEffect.NOT_PERMITTED
    assert notices.rule_for(NoticeMethod.FAX) is not None
    result = deemed_given(NoticeMethod.REGULAR_MAIL, datetime(2003, 1, 10, 10, 0), rule)
    assert result.effective is not None and result.effective.date() == date(2003, 1, 15)
