"""Date rules: deadlines on non-business days and time zones named wrongly for the date.

* DATE-NONBIZ: Amnis §4(l) "no later than August 30, 2003" (a Saturday) and "on or
  before November 30, 2003" (a Sunday), D-AMN-19; Hy-Tech's Debenture "due April 27,
  2008" (a Sunday), D-HYT-33. Only dates a clause uses as a deadline or due date are
  checked, against the New York banking calendar (:mod:`dealbook.calendars`; the
  ``holidays`` package's US/NY table where a date lies outside its coverage).
* TZ-DST: "12:00 noon, Eastern Standard Time on September 27, 2002" names standard
  time on a day when New York keeps daylight time (D-INS-6, D-AMN-12).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from datetime import datetime
from datetime import timedelta
from zoneinfo import ZoneInfo

import holidays

from dealbook.calendars.registry import get_calendar
from dealbook.core.diagnostics import Diagnostic
from dealbook.ingest.model import Quantity
from dealbook.ingest.model import QuantityKind
from dealbook.ingest.rules.context import Deal
from dealbook.ingest.rules.context import diagnostic

_DEADLINE = re.compile(
    r"(?:no\s+later\s+than|not\s+later\s+than|on\s+or\s+before|on\s+or\s+prior\s+to|\bby|\bdue|\buntil"
    r"|\bbefore|\bexpir\w*(?:\s+on)?|\bmatur\w*(?:\s+on)?|deadline\s+(?:of|is))[\s,]*$",
    re.IGNORECASE,
)
_ZONES = {
    "eastern": "America/New_York",
    "central": "America/Chicago",
    "mountain": "America/Denver",
    "pacific": "America/Los_Angeles",
    "e": "America/New_York",
    "c": "America/Chicago",
    "m": "America/Denver",
    "p": "America/Los_Angeles",
}


def closure_reason(day: date) -> str | None:
    """Why New York banks are closed on ``day`` (weekend or holiday), or None when open."""
    try:
        return get_calendar("ny-banking").closure_reason(day)
    except (ValueError, LookupError):
        return _fallback_reason(day)


def _fallback_reason(day: date) -> str | None:
    if day.weekday() >= 5:
        return day.strftime("%A")
    table = holidays.country_holidays("US", subdiv="NY", years=day.year)
    name = table.get(day)
    return str(name) if name else None


def check_dates(deal: Deal) -> Iterator[Diagnostic]:
    """DATE-NONBIZ: deadlines and due dates that fall on a weekend or banking holiday."""
    for doc in deal.docs:
        for quantity in doc.quantities:
            if quantity.kind is not QuantityKind.DATE or quantity.day is None:
                continue
            if _DEADLINE.search(doc.text, max(0, quantity.start - 30), quantity.start) is None:
                continue
            reason = closure_reason(quantity.day)
            if reason is None:
                continue
            yield diagnostic(
                doc,
                "DATE-NONBIZ",
                quantity.start,
                quantity.end,
                f"{quantity.text} ({quantity.day.isoformat()}) is a {reason}, not a business day",
                hint="state whether the deadline rolls to the next business day",
            )


def check_time_zones(deal: Deal) -> Iterator[Diagnostic]:
    """TZ-DST: standard time named on a daylight-saving date, or the reverse."""
    for doc in deal.docs:
        dates = [q for q in doc.quantities if q.kind is QuantityKind.DATE and q.day is not None]
        for quantity in doc.quantities:
            if quantity.kind is not QuantityKind.TIME or not quantity.zone:
                continue
            day = _nearest_date(quantity, dates)
            zone = _zone(quantity.zone)
            if day is None or zone is None:
                continue
            standard = (
                "standard" in quantity.zone.lower()
                or re.fullmatch(r"[ECMP]ST", quantity.zone) is not None
            )
            daylight = (
                "daylight" in quantity.zone.lower()
                or re.fullmatch(r"[ECMP]DT", quantity.zone) is not None
            )
            in_dst = datetime(
                day.year, day.month, day.day, 12, tzinfo=ZoneInfo(zone)
            ).dst() != timedelta(0)
            if (standard and in_dst) or (daylight and not in_dst):
                kept = "daylight" if in_dst else "standard"
                yield diagnostic(
                    doc,
                    "TZ-DST",
                    quantity.start,
                    quantity.end,
                    f"{quantity.zone!r} on {day.isoformat()}, when {zone} keeps {kept} time",
                    hint=f"{quantity.clock} {quantity.zone} is an hour {'later' if in_dst else 'earlier'} in local "
                    "time; write 'Eastern Time' or 'New York City time'",
                )


def _nearest_date(time: Quantity, dates: list[Quantity]) -> date | None:
    best: tuple[int, date] | None = None
    for item in dates:
        distance = item.start - time.end if item.start >= time.end else time.start - item.end
        if 0 <= distance <= 60 and item.day is not None and (best is None or distance < best[0]):
            best = (distance, item.day)
    return best[1] if best else None


def _zone(name: str) -> str | None:
    low = name.lower()
    for key, zone in _ZONES.items():
        if len(key) > 1 and low.startswith(key):
            return zone
    if re.fullmatch(r"[ecmp][sd]t", low):
        return _ZONES[low[0]]
    if "new york" in low:
        return "America/New_York"
    return None
