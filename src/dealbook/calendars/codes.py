"""Diagnostic codes emitted by the calendar layer (time zones in clauses, notice methods).

The closing time "12:00 noon, Eastern Standard Time" on September 27, 2002 (INS-SPA L73)
and May 9, 2003 (AMN-SPA L71) falls in daylight-saving time (defects D-INS-6, D-AMN-12);
a notice sent by a method the notice clause does not provide (HYT §7.3 provides fax
only) has no computed effect.

>>> sorted(CODES)
['CAL-NOTICE-METHOD-NOT-PERMITTED', 'CAL-ZONE-ABBREVIATION']
"""

from __future__ import annotations

from dealbook.core.codes import CodeDoc
from dealbook.core.codes import registry
from dealbook.core.diagnostics import Severity

ZONE_ABBREVIATION = "CAL-ZONE-ABBREVIATION"
NOTICE_METHOD_NOT_PERMITTED = "CAL-NOTICE-METHOD-NOT-PERMITTED"

CODES = registry(
    CodeDoc(
        code=ZONE_ABBREVIATION,
        severity=Severity.WARNING,
        summary=(
            "A clause states a time in Eastern Standard Time (or Daylight Time) on a date "
            "when New York keeps the other, e.g. 12:00 noon EST on a summer date."
        ),
        fix=(
            "State the reading in the deal file (assumption tz.est_literal: prevailing "
            "Eastern, the default, or the literal fixed offset)."
        ),
    ),
    CodeDoc(
        code=NOTICE_METHOD_NOT_PERMITTED,
        severity=Severity.ERROR,
        summary="A notice was sent by a method the deal's notice clause does not provide.",
        fix="Record the notice again by a permitted method, or cite an amendment or waiver.",
    ),
)
