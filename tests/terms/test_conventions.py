"""Readings default to the assumption register (spec Appendix A)."""

from __future__ import annotations

from dealbook.calendars.conventions import CalendarName
from dealbook.calendars.conventions import Proration
from dealbook.calendars.conventions import Roll
from dealbook.terms.conventions import READING_KEYS
from dealbook.terms.conventions import Conventions
from dealbook.terms.conventions import reading_field


def test_defaults_match_appendix_a() -> None:
    c = Conventions()
    assert c.business_day_calendar is CalendarName.NY_BANKING
    assert c.month_proration is Proration.A
    assert c.calendar_deadline_roll is Roll.NONE
    assert (c.slda_base, c.slda_scope, c.rra_termination_date) == (
        "A",
        "per-holder",
        "effective-date",
    )
    assert (c.escrow_shares_owned, c.escrow_shares_outstanding, c.topup_rounding) == (
        False,
        True,
        "up",
    )


def test_reading_keys_resolve() -> None:
    assert reading_field("slda.base") == "slda_base"
    assert reading_field("month_proration") == "month_proration"
    assert reading_field("notes") is None and reading_field("slda.basis") is None
    fields = set(Conventions.__dataclass_fields__)
    assert set(READING_KEYS.values()) <= fields
