"""Times of day stated in a clause, resolved to New York time.

The Insynq and Amnis closings take place at "12:00 noon, Eastern Standard Time" on
September 27, 2002 (INS-SPA §1(c) L73) and May 9, 2003 (AMN-SPA §1(c) L71). Both dates
fall in daylight-saving time, when New York keeps EDT (defects D-INS-6, D-AMN-12). This
is a lint finding, not an error: the time is resolved by the deal's ``tz.est_literal``
assumption, :class:`EasternReading` (default: the prevailing wall clock in
America/New_York), and the mismatch is reported as a ``CAL-ZONE-ABBREVIATION`` warning.

>>> stated = resolve_stated_time(date(2002, 9, 27), time(12), "Eastern Standard Time")
>>> stated.at.isoformat()
'2002-09-27T12:00:00-04:00'
>>> literal = resolve_stated_time(date(2002, 9, 27), time(12), "EST",
...                               reading=EasternReading.LITERAL)
>>> literal.at.isoformat()
'2002-09-27T13:00:00-04:00'
>>> print(stated.finding)
2002-09-27 is in daylight-saving time: New York keeps EDT (UTC-4); 12:00 EST (UTC-5) is 13:00 EDT
"""

from __future__ import annotations

import dataclasses
import enum
from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta
from datetime import timezone
from zoneinfo import ZoneInfo

from dealbook.calendars.codes import ZONE_ABBREVIATION
from dealbook.calendars.conventions import EasternReading
from dealbook.core.diagnostics import Diagnostic
from dealbook.core.diagnostics import Severity
from dealbook.core.source import ClauseRef

NEW_YORK = "America/New_York"

_EST = timezone(timedelta(hours=-5), "EST")
_EDT = timezone(timedelta(hours=-4), "EDT")


class _Stated(enum.Enum):
    STANDARD = "EST"
    DAYLIGHT = "EDT"
    PREVAILING = "ET"


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class StatedTime:
    """A clause time resolved to an aware New York datetime, with any zone finding."""

    at: datetime
    stated_zone: str
    reading: EasternReading
    finding: str | None = None
    diagnostics: tuple[Diagnostic, ...] = ()


def _parse_zone(text: str) -> _Stated:
    words = text.strip().lower()
    if words in {"est", "e.s.t."} or "standard" in words:
        return _Stated.STANDARD
    if words in {"edt", "e.d.t."} or "daylight" in words:
        return _Stated.DAYLIGHT
    if words in {"et", "eastern", "eastern time", "new york time", NEW_YORK.lower()}:
        return _Stated.PREVAILING
    raise ValueError(f"not an Eastern time zone: {text!r} (write EST, EDT or Eastern Time)")


def resolve_stated_time(
    day: date,
    at: time,
    stated_zone: str,
    *,
    reading: EasternReading = EasternReading.PREVAILING,
    clause: ClauseRef | None = None,
) -> StatedTime:
    """Resolve ``at`` on ``day`` in the ``stated_zone`` of a clause to America/New_York.

    Args:
        day: the date the clause names.
        at: the time of day the clause names.
        stated_zone: the zone as written: "Eastern Standard Time", "EST", "EDT",
            "Eastern Time".
        reading: prevailing wall clock (default) or the literal fixed offset.
        clause: where the time is stated; when given, a mismatch also becomes a
            ``CAL-ZONE-ABBREVIATION`` diagnostic located at that clause.
    """
    stated = _parse_zone(stated_zone)
    zone = ZoneInfo(NEW_YORK)
    wall = datetime.combine(day, at, tzinfo=zone)
    in_dst = bool(wall.dst())
    fixed = {_Stated.STANDARD: _EST, _Stated.DAYLIGHT: _EDT}.get(stated)
    finding = None
    if fixed is not None and in_dst != (stated is _Stated.DAYLIGHT):
        kept = "EDT (UTC-4)" if in_dst else "EST (UTC-5)"
        season = "daylight-saving" if in_dst else "standard"
        literal = datetime.combine(day, at, tzinfo=fixed).astimezone(zone)
        finding = (
            f"{day} is in {season} time: New York keeps {kept}; "
            f"{at:%H:%M} {stated.value} ({_offset(fixed)}) is {literal:%H:%M} {literal:%Z}"
        )
    resolved = wall
    if reading is EasternReading.LITERAL and fixed is not None:
        resolved = datetime.combine(day, at, tzinfo=fixed).astimezone(zone)
    diagnostics: tuple[Diagnostic, ...] = ()
    if finding is not None and clause is not None:
        diagnostics = (
            Diagnostic(
                code=ZONE_ABBREVIATION,
                severity=Severity.WARNING,
                message=finding,
                clause=clause,
                hint=f"resolved as {resolved:%H:%M %Z} ({reading}); set tz.est_literal to choose",
            ),
        )
    return StatedTime(
        at=resolved,
        stated_zone=stated_zone,
        reading=reading,
        finding=finding,
        diagnostics=diagnostics,
    )


def _offset(zone: timezone) -> str:
    hours = int(zone.utcoffset(None).total_seconds() // 3600)
    return f"UTC{hours:+d}"
