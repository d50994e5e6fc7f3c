"""Conventions and readings: every interpretation choice that changes a number or a date.

The agreements leave open how to count days, prorate months, compute interest and read
defective clauses. Each choice is a named field with the default of the spec's
assumption register (Appendix A); a deal file overrides it in ``conventions:`` and a
report states which reading produced each figure. :data:`READING_KEYS` maps the register's
dotted keys (``slda.base``) to the field names used in deal files.
"""

from __future__ import annotations

import dataclasses
from typing import Literal

from pydantic import Field

from dealbook.calendars.conventions import CalendarName
from dealbook.calendars.conventions import Compounding
from dealbook.calendars.conventions import CompoundingStub
from dealbook.calendars.conventions import DayCount
from dealbook.calendars.conventions import Proration
from dealbook.calendars.conventions import Roll
from dealbook.calendars.conventions import SaturdayHolidayRule
from dealbook.calendars.conventions import WithinCounting
from dealbook.core.numbers import Rounding
from dealbook.terms.base import Cites
from dealbook.terms.base import term


@term
class ConventionNote:
    """Why a deal chose a reading: a rationale, the defect it answers, and its clause."""

    key: str = Field(min_length=1)
    rationale: str = Field(min_length=1)
    defect: str | None = Field(default=None, pattern=r"^D-[A-Z]+-\d+$")
    cite: Cites = ()


@term
class Conventions:
    """Calendars, counting rules, rounding and readings of ambiguous clauses."""

    business_day_calendar: CalendarName = CalendarName.NY_BANKING
    saturday_holiday: SaturdayHolidayRule = SaturdayHolidayRule.FED
    trading_day_calendar: CalendarName = CalendarName.NYSE
    trading_day_reading: Literal["market-calendar", "days-quoted"] = "market-calendar"
    within: WithinCounting = WithinCounting.INCLUSIVE
    calendar_deadline_roll: Roll = Roll.NONE
    business_deadline_roll: Roll = Roll.FOLLOWING
    month_proration: Proration = Proration.A
    interest_day_count: DayCount = DayCount.ACT_365
    interest_compounding: Compounding = Compounding.SIMPLE
    compounding_stub: CompoundingStub = CompoundingStub.ANNUAL_PLUS_SIMPLE_STUB
    share_rounding: Rounding = Rounding.DOWN
    cent_rounding: Rounding = Rounding.HALF_UP
    slda_base: Literal["A", "B"] = "A"
    slda_scope: Literal["per-holder", "all-debentures"] = "per-holder"
    slda_stacking: Literal["per-episode", "per-clause"] = "per-episode"
    slda_opinion_start: Literal["delivery", "after-grace"] = "after-grace"
    slda_first_month_restart: Literal["per-episode", "per-holder-lifetime"] = "per-episode"
    rra_payment_timing: Literal["monthly-in-arrears", "at-cure", "on-demand"] = "monthly-in-arrears"
    rra_m2_m3_overlap: Literal["sum", "union"] = "sum"
    rra_termination_date: Literal["notice-date", "effective-date"] = "effective-date"
    allowed_delay_window: Literal["rolling", "calendar-year"] = "rolling"
    reserve_gate_before_approval: Literal["measure-only", "measure-and-penalize"] = "measure-only"
    reserve_shortfall_reading: Literal["below", "literal-exceeds"] = "below"
    slda_payee_reading: Literal["buyer", "literal-borrower"] = "buyer"
    escrow_shares_owned: bool = False
    escrow_shares_outstanding: bool = True
    topup_rounding: Literal["up", "exact"] = "up"
    closing_window: Literal["both", "5-business-days", "5-days"] = "both"
    default_interest_clause: Literal["art-vi", "sec-5.2"] = "art-vi"
    """HYT default interest: Art. VI (15% compounded annually) or §5.2 (15% simple); M-DEF-4 IQ (1)."""
    est_reading: Literal["prevailing-eastern", "est-literal"] = "prevailing-eastern"
    additional_instruments: Literal["funding-date-instruments", "ignore"] = (
        "funding-date-instruments"
    )
    short_sale_window: Literal["include-sale-day", "literal"] = "include-sale-day"
    registration_insufficiency_multiple: Literal["1x", "2x"] = "1x"
    cap_excess: Literal["cut", "refuse"] = "cut"
    """A conversion beyond an ownership cap is cut to the cap (default) or refused whole."""
    conversion_after_maturity: Literal["allow", "refuse"] = "allow"
    """A conversion notice dated after the Debenture's Maturity Date: converted with a
    warning (default, since the Debenture forms and their conversion terms are not in the
    seeds) or refused."""
    notes: tuple[ConventionNote, ...] = ()


READING_KEYS: dict[str, str] = {
    "calendar.business_day": "business_day_calendar",
    "calendar.saturday_holiday": "saturday_holiday",
    "calendar.trading_day": "trading_day_calendar",
    "calendar.trading_day_reading": "trading_day_reading",
    "count.within_n_days": "within",
    "roll.calendar_deadline": "calendar_deadline_roll",
    "roll.business_deadline": "business_deadline_roll",
    "month_proration": "month_proration",
    "interest.day_count": "interest_day_count",
    "interest.compounding": "interest_compounding",
    "hyt.compounding_stub": "compounding_stub",
    "rounding.shares": "share_rounding",
    "rounding.cents": "cent_rounding",
    "slda.base": "slda_base",
    "slda.scope": "slda_scope",
    "slda.stacking": "slda_stacking",
    "slda.opinion_start": "slda_opinion_start",
    "amn.first_month_restart": "slda_first_month_restart",
    "rra.payment_timing": "rra_payment_timing",
    "rra.m2_m3_overlap": "rra_m2_m3_overlap",
    "rra.termination_date": "rra_termination_date",
    "rra.allowed_delay_window": "allowed_delay_window",
    "rra.insufficiency_multiple": "registration_insufficiency_multiple",
    "reserve.gate_before_approval": "reserve_gate_before_approval",
    "reserve.shortfall_reading": "reserve_shortfall_reading",
    "slda.payee_reading": "slda_payee_reading",
    "hyt.escrow_owned": "escrow_shares_owned",
    "hyt.escrow_outstanding": "escrow_shares_outstanding",
    "hyt.topup_rounding": "topup_rounding",
    "hyt.closing_window": "closing_window",
    "hyt.default_interest": "default_interest_clause",
    "hyt.short_sale_window": "short_sale_window",
    "tz.est_literal": "est_reading",
    "ins.additional_instruments": "additional_instruments",
    "cap.excess": "cap_excess",
    "conversion.after_maturity": "conversion_after_maturity",
}
"""Assumption-register keys (spec Appendix A style) mapped to :class:`Conventions` fields."""


def reading_field(key: str) -> str | None:
    """The Conventions field for a register key or a field name, or None if unknown."""
    if key in READING_KEYS:
        return READING_KEYS[key]
    names = {f.name for f in dataclasses.fields(Conventions)}
    return key if key in names and key != "notes" else None
