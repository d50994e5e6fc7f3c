"""When a notice is deemed given, by method, time sent and the deal's notice clause.

* Insynq and Amnis (INS-SPA §8(f) L1242-1250, INS-RRA §11(b), AMN-SPA §8(f)): effective
  "five days after being placed in the mail, if mailed by regular United States mail,
  or upon receipt, if delivered personally or by courier (including a recognized
  overnight delivery service) or by facsimile" (M-NOT-1). Certified and registered mail
  are listed but given no rule (D-INS-7); :data:`INSYNQ_AMNIS_RULE` treats them as
  effective on receipt. Where no receipt time is recorded, receipt is taken to be the
  time sent, and the explanation says so.
* Hy-Tech (HYT §7.3 L1529-1535): fax only, effective on transmission "if delivered on a
  Business Day during normal business hours where such notice is to be received", else
  on "the first Business Day following such delivery" (M-NOT-2). "Normal business hours"
  is undefined; :class:`NoticeRule` defaults to 09:00-17:00 (start inclusive, end
  exclusive) in the recipient's zone, and a notice effective on a later Business Day is
  deemed given at the start of business hours that day.

A method the clause does not provide yields a :class:`NoticeResult` whose status is
``NOT_PERMITTED`` (and a diagnostic when the rule cites its clause), never an exception.

>>> result = deemed_given(NoticeMethod.FAX, datetime(2003, 8, 29, 18, 30), HYTECH_RULE)
>>> result.effective_date
datetime.date(2003, 9, 2)
>>> deemed_given(NoticeMethod.REGULAR_MAIL, datetime(2003, 1, 10), INSYNQ_AMNIS_RULE).effective_date
datetime.date(2003, 1, 15)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta
from types import MappingProxyType
from zoneinfo import ZoneInfo

from dealbook.calendars.codes import NOTICE_METHOD_NOT_PERMITTED
from dealbook.calendars.conventions import CalendarName
from dealbook.calendars.conventions import NoticeEffect
from dealbook.calendars.conventions import NoticeMethod
from dealbook.calendars.conventions import NoticeStatus
from dealbook.calendars.conventions import SaturdayHolidayRule
from dealbook.calendars.registry import get_calendar
from dealbook.core.diagnostics import Diagnostic
from dealbook.core.diagnostics import Severity
from dealbook.core.source import ClauseRef


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class NoticeRule:
    """A deal's notice clause: per-method effect, mail delay, business hours and calendar."""

    effects: Mapping[NoticeMethod, NoticeEffect]
    """Effect of each permitted method; a method not listed is ``NOT_PERMITTED``."""
    days_after_sending: int = 5
    business_hours_start: time = time(9)
    business_hours_end: time = time(17)
    recipient_zone: str = "America/New_York"
    business_calendar: CalendarName = CalendarName.NY_BANKING
    saturday_rule: SaturdayHolidayRule = SaturdayHolidayRule.FED
    name: str = ""
    clause: ClauseRef | None = None

    def __post_init__(self) -> None:
        if self.days_after_sending < 0:
            raise ValueError(f"negative days_after_sending: {self.days_after_sending}")
        if not self.business_hours_start < self.business_hours_end:
            raise ValueError("business hours must start before they end")
        ZoneInfo(self.recipient_zone)
        frozen = MappingProxyType(
            {NoticeMethod(m): NoticeEffect(e) for m, e in self.effects.items()}
        )
        object.__setattr__(self, "effects", frozen)

    def __hash__(self) -> int:
        return hash(
            (
                tuple(sorted(self.effects.items())),
                self.days_after_sending,
                self.business_hours_start,
                self.business_hours_end,
                self.recipient_zone,
                self.business_calendar,
                self.saturday_rule,
                self.name,
                self.clause,
            )
        )

    def effect_for(self, method: NoticeMethod) -> NoticeEffect:
        """The effect of ``method`` under this rule (``NOT_PERMITTED`` when not listed)."""
        return self.effects.get(method, NoticeEffect.NOT_PERMITTED)

    def permitted(self) -> tuple[NoticeMethod, ...]:
        """Methods this rule allows, in declaration order of :class:`NoticeMethod`."""
        return tuple(
            m for m in NoticeMethod if self.effect_for(m) is not NoticeEffect.NOT_PERMITTED
        )


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class NoticeResult:
    """When a notice is deemed given; ``effective`` is ``None`` when not permitted."""

    method: NoticeMethod
    status: NoticeStatus
    sent: datetime
    """Time sent, in the recipient's zone."""
    effective: datetime | None
    effective_date: date | None
    explanation: str
    diagnostics: tuple[Diagnostic, ...] = ()

    @property
    def is_effective(self) -> bool:
        """Whether the notice has a computed effective time."""
        return self.status is NoticeStatus.EFFECTIVE


_ON_RECEIPT_METHODS = (
    NoticeMethod.PERSONAL,
    NoticeMethod.COURIER,
    NoticeMethod.OVERNIGHT,
    NoticeMethod.FAX,
    NoticeMethod.CERTIFIED_MAIL,
    NoticeMethod.REGISTERED_MAIL,
)

INSYNQ_AMNIS_RULE = NoticeRule(
    name="insynq-amnis",
    effects={
        **{method: NoticeEffect.ON_RECEIPT for method in _ON_RECEIPT_METHODS},
        NoticeMethod.REGULAR_MAIL: NoticeEffect.DAYS_AFTER_SENDING,
    },
    days_after_sending=5,
    clause=ClauseRef(doc="ins-spa", section="8(f)", lines=(1242, 1288)),
)
"""Insynq and Amnis: regular mail 5 days after mailing, everything else on receipt."""

HYTECH_RULE = NoticeRule(
    name="hytech",
    effects={NoticeMethod.FAX: NoticeEffect.BUSINESS_HOURS},
    clause=ClauseRef(doc="hyt", section="7.3", lines=(1529, 1572)),
)
"""Hy-Tech: fax only; on transmission within business hours of a Business Day, else next."""


def deemed_given(
    method: NoticeMethod,
    sent: datetime,
    rule: NoticeRule,
    *,
    received: datetime | None = None,
) -> NoticeResult:
    """Apply ``rule`` to a notice sent by ``method`` at ``sent``.

    Args:
        method: how the notice was sent.
        sent: when it was sent (placed in the mail, handed over, transmitted); a naive
            datetime is read in the recipient's zone.
        rule: the deal's notice clause.
        received: when it was received, if recorded (else receipt = ``sent``).
    """
    zone = ZoneInfo(rule.recipient_zone)
    local_sent = _local(sent, zone)
    effect = rule.effect_for(method)
    label = rule.name or "the notice clause"
    if effect is NoticeEffect.NOT_PERMITTED:
        allowed = ", ".join(rule.permitted()) or "none"
        message = f"{method} is not a permitted notice method under {label} (permitted: {allowed})"
        diagnostics: tuple[Diagnostic, ...] = ()
        if rule.clause is not None:
            diagnostics = (
                Diagnostic(
                    code=NOTICE_METHOD_NOT_PERMITTED,
                    severity=Severity.ERROR,
                    message=message,
                    clause=rule.clause,
                ),
            )
        return NoticeResult(
            method=method,
            status=NoticeStatus.NOT_PERMITTED,
            sent=local_sent,
            effective=None,
            effective_date=None,
            explanation=message,
            diagnostics=diagnostics,
        )
    if effect is NoticeEffect.DAYS_AFTER_SENDING:
        effective = local_sent + timedelta(days=rule.days_after_sending)
        why = (
            f"{method} placed in the mail {_show(local_sent)}: effective "
            f"{rule.days_after_sending} calendar days later, {effective.date()}"
        )
        return _result(method, local_sent, effective, why)
    arrival = local_sent if received is None else _local(received, zone)
    arrival_note = "" if received is not None else " (no receipt time recorded: taken as sent)"
    if effect is NoticeEffect.ON_RECEIPT:
        why = f"{method} effective on receipt, {_show(arrival)}{arrival_note}"
        return _result(method, local_sent, arrival, why)
    return _business_hours(method, local_sent, arrival, rule)


def _business_hours(
    method: NoticeMethod, local_sent: datetime, arrival: datetime, rule: NoticeRule
) -> NoticeResult:
    calendar = get_calendar(rule.business_calendar, saturday_rule=rule.saturday_rule)
    day = arrival.date()
    hours = f"{rule.business_hours_start:%H:%M}-{rule.business_hours_end:%H:%M}"
    opening = rule.business_hours_start <= arrival.time() < rule.business_hours_end
    if calendar.is_day(day) and opening:
        why = (
            f"{method} delivered {_show(arrival)}, a Business Day ({calendar.label}) within "
            f"business hours {hours}: effective on transmission"
        )
        return _result(method, local_sent, arrival, why)
    following = calendar.next_day(day)
    reason = calendar.closure_reason(day)
    outside = f"{day} is not a Business Day ({reason})" if reason else f"outside hours {hours}"
    skipped = [
        f"{d} {calendar.closure_reason(d)}"
        for d in (day + timedelta(days=i) for i in range(1, (following - day).days))
    ]
    effective = datetime.combine(following, rule.business_hours_start, tzinfo=arrival.tzinfo)
    why = (
        f"{method} delivered {_show(arrival)}: {outside}; effective on the first Business Day "
        f"after ({calendar.label}), {following} at {rule.business_hours_start:%H:%M}"
    )
    if skipped:
        why += " (skipped: " + ", ".join(skipped) + ")"
    return _result(method, local_sent, effective, why)


def _result(method: NoticeMethod, sent: datetime, effective: datetime, why: str) -> NoticeResult:
    return NoticeResult(
        method=method,
        status=NoticeStatus.EFFECTIVE,
        sent=sent,
        effective=effective,
        effective_date=effective.date(),
        explanation=why,
    )


def _local(moment: datetime, zone: ZoneInfo) -> datetime:
    if moment.tzinfo is None:
        return moment.replace(tzinfo=zone)
    return moment.astimezone(zone)


def _show(moment: datetime) -> str:
    return f"{moment:%a %Y-%m-%d %H:%M %Z}"
