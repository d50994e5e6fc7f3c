"""Notices: permitted methods and when each is deemed given.

INS-SPA §8(f), INS-RRA §11(b), AMN-SPA §8(f): certified or registered mail, personal
delivery, courier or fax; "effective five days after being placed in the mail, if mailed
by regular United States mail", otherwise on receipt (defect D-INS-7). HYT §7.3: fax
only, effective on transmission on a Business Day during normal business hours where
received, else on the next Business Day.
"""

from __future__ import annotations

from datetime import time

from pydantic import Field

from dealbook.calendars.conventions import CalendarName
from dealbook.calendars.conventions import NoticeEffect
from dealbook.calendars.conventions import NoticeMethod
from dealbook.calendars.notice import NoticeRule
from dealbook.terms.base import Assumption
from dealbook.terms.base import Cites
from dealbook.terms.base import term


@term
class MethodRule:
    """When a notice sent by one method is deemed given."""

    method: NoticeMethod
    effect: NoticeEffect
    days: int | None = Field(default=None, ge=0)
    """Days after sending, for ``days-after-sending``."""
    cite: Cites = ()
    assumption: Assumption | None = None


@term
class Notices:
    """The deal's notice clause."""

    methods: tuple[MethodRule, ...] = Field(min_length=1)
    business_hours_start: time = time(9, 0)
    business_hours_end: time = time(17, 0)
    business_calendar: CalendarName = CalendarName.NY_BANKING
    recipient_zone: str = "America/New_York"
    """Where notices are received when the contact block names no zone (HYT: business hours there)."""
    change_of_address_required: bool = True
    cite: Cites = ()
    assumption: Assumption | None = None

    def rule_for(self, method: NoticeMethod) -> MethodRule | None:
        """The rule for ``method``, or None when the clause does not list it."""
        return next((rule for rule in self.methods if rule.method is method), None)

    def to_rule(self) -> NoticeRule:
        """The calendar-layer rule that computes when a notice is deemed given."""
        days = [
            rule.days
            for rule in self.methods
            if rule.effect is NoticeEffect.DAYS_AFTER_SENDING and rule.days is not None
        ]
        first = self.cite[0].ref() if self.cite else None
        return NoticeRule(
            effects={rule.method: rule.effect for rule in self.methods},
            days_after_sending=days[0] if days else 5,
            business_hours_start=self.business_hours_start,
            business_hours_end=self.business_hours_end,
            recipient_zone=self.recipient_zone,
            business_calendar=self.business_calendar,
            clause=first,
        )
