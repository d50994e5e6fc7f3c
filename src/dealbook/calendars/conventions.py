"""Named conventions for counting time, as the deal file selects them.

The agreements say "business days", "trading days", "days" and "months" without saying
how to count them. Each choice is a named enum member here, with the default of the
assumption register (spec Appendix A), so that every figure can say which convention
produced it.
"""

from __future__ import annotations

import enum


class CalendarName(enum.StrEnum):
    """Calendars dealbook ships, built from maintained holiday data."""

    NY_BANKING = "ny-banking"
    """Days New York banks are open (Federal Reserve holidays, 1995-2035)."""
    NYSE = "nyse"
    """Trading days of the New York Stock Exchange, special closures included."""
    WEEKDAYS = "weekdays"
    """Monday to Friday, no holidays."""


class SaturdayHolidayRule(enum.StrEnum):
    """How a holiday falling on Saturday affects the preceding Friday (ny-banking)."""

    FED = "fed"
    """Federal Reserve practice: banks stay open on the Friday (default)."""
    LEGAL_HOLIDAY = "legal-holiday"
    """The Friday is observed as a legal holiday and banks close."""


class DayKind(enum.StrEnum):
    """The unit of a duration in an agreement."""

    CALENDAR_DAYS = "days"
    BUSINESS_DAYS = "business-days"
    TRADING_DAYS = "trading-days"
    MONTHS = "months"
    YEARS = "years"


class Roll(enum.StrEnum):
    """How a date that is not a day of the calendar moves."""

    NONE = "none"
    FOLLOWING = "following"
    PRECEDING = "preceding"
    MODIFIED_FOLLOWING = "modified-following"


class WithinCounting(enum.StrEnum):
    """Reading of "within N days after X" (spec Appendix A ``count.within_n_days``)."""

    INCLUSIVE = "inclusive"
    """X is day 0 and the deadline is X + N, inclusive (default)."""
    EXCLUSIVE = "exclusive"
    """The act must happen before X + N."""


class Proration(enum.StrEnum):
    """Month proration methods for "prorated for partial months" (spec §0.1, G-3)."""

    A = "A"
    """Whole calendar months from the start, then remainder days / days of the next monthly period.

    The default (spec Appendix A ``month_proration``).
    """
    B = "B"
    """Actual days / 30."""
    C = "C"
    """Sum over days of 1 / days in that day's calendar month."""
    D = "D"
    """Actual days x 12 / 365."""


class DayCount(enum.StrEnum):
    """Interest day-count fractions."""

    ACT_365 = "act/365"
    ACT_360 = "act/360"
    THIRTY_360 = "30/360"


class Compounding(enum.StrEnum):
    """How interest compounds."""

    SIMPLE = "simple"
    ANNUAL = "annual"


class CompoundingStub(enum.StrEnum):
    """Partial-year reading of annual compounding (spec G-21, ``hyt.compounding_stub``)."""

    ANNUAL_PLUS_SIMPLE_STUB = "annual+simple-stub"
    FRACTIONAL_EXPONENT = "fractional-exponent"


class NoticeMethod(enum.StrEnum):
    """Ways a notice may be sent."""

    PERSONAL = "personal"
    COURIER = "courier"
    OVERNIGHT = "overnight"
    FAX = "fax"
    CERTIFIED_MAIL = "certified_mail"
    REGISTERED_MAIL = "registered_mail"
    REGULAR_MAIL = "regular_mail"
    EMAIL = "email"


class NoticeEffect(enum.StrEnum):
    """When a notice sent by a method is deemed given."""

    ON_RECEIPT = "on-receipt"
    DAYS_AFTER_SENDING = "days-after-sending"
    BUSINESS_HOURS = "business-hours"
    """On transmission if sent on a Business Day within business hours where received.

    Otherwise on the first Business Day after (HYT §7.3, L1529-1535).
    """
    NOT_PERMITTED = "not-permitted"


class NoticeStatus(enum.StrEnum):
    """Outcome of applying a deal's notice clause to one notice."""

    EFFECTIVE = "effective"
    """The notice is deemed given at the computed time."""
    NOT_PERMITTED = "not-permitted"
    """The clause does not allow this method; the notice has no computed effect."""


class TradingDayReading(enum.StrEnum):
    """Reading of a "Trading Day" defined by the stock being quoted (HYT L403-409, D-HYT-17)."""

    MARKET_CALENDAR = "market-calendar"
    """Days the principal market is open, halts ignored (default; avoids the circularity)."""
    DAYS_QUOTED = "days-quoted"
    """Only days the Common Stock was actually quoted: halts and suspensions remove days."""


class EasternReading(enum.StrEnum):
    """Reading of a clause time stated in "Eastern Standard Time" (spec ``tz.est_literal``)."""

    PREVAILING = "prevailing-eastern"
    """The wall-clock time in America/New_York, EST or EDT as in force (default)."""
    LITERAL = "est-literal"
    """The time at the stated fixed offset (EST = UTC-5 even in summer)."""
