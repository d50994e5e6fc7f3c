"""Calendar diagnostic codes are documented."""

from __future__ import annotations

from dealbook.calendars.codes import CODES
from dealbook.calendars.codes import NOTICE_METHOD_NOT_PERMITTED
from dealbook.calendars.codes import ZONE_ABBREVIATION
from dealbook.core.diagnostics import Severity


def test_codes_are_documented() -> None:
    assert set(CODES) == {ZONE_ABBREVIATION, NOTICE_METHOD_NOT_PERMITTED}
    assert CODES[ZONE_ABBREVIATION].severity is Severity.WARNING
    assert CODES[NOTICE_METHOD_NOT_PERMITTED].severity is Severity.ERROR
    assert all(doc.summary and doc.fix for doc in CODES.values())
