"""``dealbook dates``: the agreements' clocks answered from the command line.

Lawyers ask "what is ten days after the Funding Date?", "how many trading days between
these dates?", "how many months late, prorated?", "when was this fax deemed given?".
Each command prints the answer with the calendar and convention that produced it.

    dealbook dates add 2003-08-29 10 days
    dealbook dates add 2003-08-28 5 business-days --calendar ny-banking
    dealbook dates count 2003-12-07 2004-02-20 trading-days
    dealbook dates months 2003-12-07 2004-02-20 --proration A
    dealbook dates notice --method fax --sent "2003-05-02 18:30" --deal hytech-2003
    dealbook dates is 2003-09-01

Exit codes: 0 answered, 1 the deal file has errors, 2 usage errors (bad date text,
unknown unit, a date outside the calendars' coverage).
"""

from __future__ import annotations

import sys
from datetime import date
from datetime import datetime
from datetime import timedelta
from typing import Annotated

import typer

from dealbook.calendars.arith import add_duration
from dealbook.calendars.arith import describe_duration
from dealbook.calendars.calendar import Calendar
from dealbook.calendars.calendar import CalendarRangeError
from dealbook.calendars.conventions import CalendarName
from dealbook.calendars.conventions import DayKind
from dealbook.calendars.conventions import NoticeMethod
from dealbook.calendars.conventions import Proration
from dealbook.calendars.conventions import Roll
from dealbook.calendars.conventions import SaturdayHolidayRule
from dealbook.calendars.duration import DurationError
from dealbook.calendars.duration import parse_duration
from dealbook.calendars.notice import HYTECH_RULE
from dealbook.calendars.notice import INSYNQ_AMNIS_RULE
from dealbook.calendars.notice import NoticeRule
from dealbook.calendars.notice import deemed_given
from dealbook.calendars.proration import explain_months
from dealbook.calendars.proration import months
from dealbook.calendars.registry import get_calendar
from dealbook.cli.options import FormatOption
from dealbook.cli.options import OutputFormat
from dealbook.cli.options import emit_diagnostics
from dealbook.cli.options import emit_json
from dealbook.cli.options import parse_date
from dealbook.cli.options import usage_error
from dealbook.core.numbers import divide

_DAY_NOUNS = {
    CalendarName.NY_BANKING: "business day",
    CalendarName.NYSE: "trading day",
    CalendarName.WEEKDAYS: "weekday",
}

RULES: dict[str, NoticeRule] = {"insynq-amnis": INSYNQ_AMNIS_RULE, "hytech": HYTECH_RULE}

CalendarOption = Annotated[
    CalendarName | None,
    typer.Option(
        "--calendar",
        help="Calendar (default: ny-banking for business days, nyse for trading days).",
    ),
]
SaturdayOption = Annotated[
    SaturdayHolidayRule,
    typer.Option(
        "--saturday-rule", help="ny-banking: is the Friday before a Saturday holiday open?"
    ),
]


def register(app: typer.Typer) -> None:
    """Add the ``dates`` command group to ``app``."""
    dates = typer.Typer(
        name="dates",
        help="Business days, trading days, month proration and notice timing.",
        no_args_is_help=True,
    )
    dates.command("add")(add)
    dates.command("count")(count)
    dates.command("months")(months_command)
    dates.command("notice")(notice)
    dates.command("is")(is_day)
    app.add_typer(dates, name="dates")


def _moment(text: str, what: str) -> datetime:
    try:
        return datetime.fromisoformat(text.strip())
    except ValueError:
        usage_error(f'{what}: {text!r} is not a date and time (write e.g. "2003-05-02 18:30")')


def _calendar(kind: DayKind, name: CalendarName | None, rule: SaturdayHolidayRule) -> Calendar:
    default = CalendarName.NYSE if kind is DayKind.TRADING_DAYS else CalendarName.NY_BANKING
    return get_calendar(name or default, saturday_rule=rule)


def _write(lines: list[str]) -> None:
    sys.stdout.write("\n".join(lines) + "\n")


def add(
    *,
    start: Annotated[str, typer.Argument(help="Start date (day 0), YYYY-MM-DD.")],
    n: Annotated[int, typer.Argument(help="How many (negative goes back).")],
    unit: Annotated[str, typer.Argument(help="days, business-days, trading-days, months, years.")],
    calendar: CalendarOption = None,
    saturday_rule: SaturdayOption = SaturdayHolidayRule.FED,
    roll: Annotated[
        Roll, typer.Option("--roll", help="Roll a result that is not a day.")
    ] = Roll.NONE,
    fmt: FormatOption = OutputFormat.TEXT,
) -> None:
    """Add N days, business days, trading days, months or years to a date."""
    begin = parse_date(start, "start")
    try:
        duration = parse_duration(f"{n} {unit}")
    except DurationError as error:
        usage_error(str(error))
    business = _calendar(DayKind.BUSINESS_DAYS, calendar, saturday_rule)
    trading = _calendar(DayKind.TRADING_DAYS, calendar, saturday_rule)
    roll_calendar = trading if duration.kind is DayKind.TRADING_DAYS else business
    try:
        result = add_duration(
            begin,
            duration,
            business=business,
            trading=trading,
            roll=roll,
            roll_calendar=roll_calendar,
        )
    except CalendarRangeError as error:
        usage_error(str(error))
    convention = describe_duration(duration, business=business, trading=trading)
    used = {DayKind.BUSINESS_DAYS: business, DayKind.TRADING_DAYS: trading}.get(duration.kind)
    if used is None and roll is not Roll.NONE:
        used = roll_calendar
    roll_text = "none" if roll is Roll.NONE else f"{roll} on {roll_calendar.label}"
    if fmt is OutputFormat.JSON:
        emit_json(
            {
                "start": begin.isoformat(),
                "duration": str(duration),
                "result": result.isoformat(),
                "weekday": f"{result:%A}",
                "convention": convention,
                "roll": str(roll),
                "calendar": used.label if used else None,
                "calendar_source": used.source if used else None,
            }
        )
        return
    lines = [
        f"{result} ({result:%A})",
        f"  {begin} ({begin:%a}) + {duration}",
        f"  convention: {convention}",
        f"  roll: {roll_text}",
    ]
    if used is not None:
        lines.append(f"  calendar source: {used.source}")
    _write(lines)


def count(
    *,
    start: Annotated[str, typer.Argument(help="First end of the interval, YYYY-MM-DD.")],
    end: Annotated[str, typer.Argument(help="Second end of the interval, YYYY-MM-DD.")],
    unit: Annotated[str, typer.Argument(help="days, business-days or trading-days.")],
    calendar: CalendarOption = None,
    saturday_rule: SaturdayOption = SaturdayHolidayRule.FED,
    include_start: Annotated[
        bool, typer.Option("--include-start/--exclude-start", help="Count the start date.")
    ] = False,
    include_end: Annotated[
        bool, typer.Option("--include-end/--exclude-end", help="Count the end date.")
    ] = True,
    fmt: FormatOption = OutputFormat.TEXT,
) -> None:
    """Count days of a kind between two dates (default: start excluded, end included)."""
    first, last = parse_date(start, "start"), parse_date(end, "end")
    try:
        kind = parse_duration(f"1 {unit}").kind
    except DurationError as error:
        usage_error(str(error))
    if kind in (DayKind.MONTHS, DayKind.YEARS):
        usage_error(
            "count days, business-days or trading-days; for months use `dealbook dates months`"
        )
    interval = f"{'[' if include_start else '('}{first}, {last}{']' if include_end else ')'}"
    used: Calendar | None = None
    if kind is DayKind.CALENDAR_DAYS:
        total = _count_calendar_days(
            first, last, include_start=include_start, include_end=include_end
        )
    else:
        used = _calendar(kind, calendar, saturday_rule)
        try:
            total = used.count(first, last, include_start=include_start, include_end=include_end)
        except CalendarRangeError as error:
            usage_error(str(error))
    where = used.label if used else "no calendar (every day counts)"
    if fmt is OutputFormat.JSON:
        emit_json(
            {
                "count": total,
                "unit": str(kind),
                "interval": interval,
                "include_start": include_start,
                "include_end": include_end,
                "calendar": used.label if used else None,
                "calendar_source": used.source if used else None,
            }
        )
        return
    lines = [f"{total} {kind}", f"  interval: {interval}", f"  calendar: {where}"]
    if used is not None:
        lines.append(f"  calendar source: {used.source}")
    _write(lines)


def _count_calendar_days(first: date, last: date, *, include_start: bool, include_end: bool) -> int:
    if last < first:
        return -_count_calendar_days(
            last, first, include_start=include_end, include_end=include_start
        )
    if first == last:
        return int(include_start and include_end)
    return (last - first).days - 1 + int(include_start) + int(include_end)


def months_command(
    *,
    after: Annotated[str, typer.Argument(help="The period starts the day after this date.")],
    through: Annotated[str, typer.Argument(help="The period runs through this date (included).")],
    proration: Annotated[
        list[Proration] | None,
        typer.Option("--proration", "-p", help="Method A, B, C or D (repeatable; default: all)."),
    ] = None,
    fmt: FormatOption = OutputFormat.TEXT,
) -> None:
    """Months in the days after AFTER through THROUGH, "prorated for partial months"."""
    first, last = parse_date(after, "after"), parse_date(through, "through")
    if last < first:
        usage_error(f"the period runs backwards: after {first}, through {last}")
    methods = proration or list(Proration)
    days = (last - first).days
    rows = []
    for method in methods:
        value = months(first, last, method)
        rows.append(
            {
                "method": str(method),
                "months": str(value),
                "decimal": format(divide(value.numerator, value.denominator), "f"),
                "explanation": explain_months(first, last, method),
            }
        )
    if fmt is OutputFormat.JSON:
        emit_json(
            {
                "after": first.isoformat(),
                "through": last.isoformat(),
                "days": days,
                "results": rows,
            }
        )
        return
    lines = [f"period: {first + timedelta(days=1)} through {last} ({days} days)"]
    for row in rows:
        lines.append(f"{row['method']}: {row['months']} months = {row['decimal']}")
        lines.extend(f"  {part}" for part in row["explanation"].splitlines())
    _write(lines)


def notice(
    *,
    method: Annotated[str, typer.Option("--method", help="personal, courier, overnight, fax, ...")],
    sent: Annotated[str, typer.Option("--sent", help='When sent, e.g. "2003-05-02 18:30".')],
    deal: Annotated[
        str | None, typer.Option("--deal", help="A bundled deal id or deal file.")
    ] = None,
    rule: Annotated[str | None, typer.Option("--rule", help="insynq-amnis or hytech.")] = None,
    received: Annotated[str | None, typer.Option("--received", help="When received.")] = None,
    fmt: FormatOption = OutputFormat.TEXT,
) -> None:
    """When a notice is deemed given under a deal's notice clause."""
    try:
        chosen_method = NoticeMethod(method.strip().lower().replace("-", "_"))
    except ValueError:
        known = ", ".join(m.value for m in NoticeMethod)
        usage_error(f"unknown notice method {method!r} (known: {known})")
    moment = _moment(sent, "--sent")
    arrival = _moment(received, "--received") if received is not None else None
    chosen_rule, rule_source = _notice_rule(deal, rule, fmt)
    result = deemed_given(chosen_method, moment, chosen_rule, received=arrival)
    effective = result.effective.isoformat() if result.effective else None
    if fmt is OutputFormat.JSON:
        emit_json(
            {
                "method": str(chosen_method),
                "sent": result.sent.isoformat(),
                "status": str(result.status),
                "effective": effective,
                "effective_date": result.effective_date.isoformat()
                if result.effective_date
                else None,
                "rule": rule_source,
                "explanation": result.explanation,
                "diagnostics": [d.to_json() for d in result.diagnostics],
            }
        )
    else:
        head = f"effective {result.effective_date}" if result.effective_date else f"{result.status}"
        _write([head, f"  {result.explanation}", f"  rule: {rule_source}"])
    if not result.is_effective:
        raise typer.Exit(1)


def _notice_rule(deal: str | None, rule: str | None, fmt: OutputFormat) -> tuple[NoticeRule, str]:
    if deal is not None and rule is not None:
        usage_error("give either --deal DEAL_ID or --rule, not both")
    if deal is None:
        if rule is None:
            usage_error("give --deal DEAL_ID (e.g. hytech-2003) or --rule insynq-amnis|hytech")
        if rule not in RULES:
            usage_error(f"unknown rule {rule!r} (known: {', '.join(RULES)})")
        chosen = RULES[rule]
        return chosen, f"built-in {rule} ({chosen.clause or 'no clause'})"
    from dealbook.loading.bundled import resolve_deal  # lazy: loading is heavier than dates

    loaded, diagnostics = resolve_deal(deal)
    if loaded is None:
        raise typer.Exit(emit_diagnostics(diagnostics, fmt) or 1)
    return loaded.notices.to_rule(), f"deal {deal} notice clause"


def is_day(
    *,
    day: Annotated[str, typer.Argument(help="The date, YYYY-MM-DD.")],
    calendar: Annotated[
        CalendarName, typer.Option("--calendar", help="Calendar to ask.")
    ] = CalendarName.NY_BANKING,
    saturday_rule: SaturdayOption = SaturdayHolidayRule.FED,
    fmt: FormatOption = OutputFormat.TEXT,
) -> None:
    """Whether a date is a day of a calendar, and if not, why."""
    when = parse_date(day, "date")
    used = get_calendar(calendar, saturday_rule=saturday_rule)
    try:
        reason = used.closure_reason(when)
        before, after = used.previous_day(when), used.next_day(when)
    except CalendarRangeError as error:
        usage_error(str(error))
    if fmt is OutputFormat.JSON:
        emit_json(
            {
                "date": when.isoformat(),
                "is_day": reason is None,
                "reason": reason,
                "previous_day": before.isoformat(),
                "next_day": after.isoformat(),
                "calendar": used.label,
                "calendar_source": used.source,
            }
        )
        return
    noun = _DAY_NOUNS[calendar]
    verdict = f"is a {noun}" if reason is None else f"is not a {noun}"
    because = "" if reason is None else f": {reason}"
    _write(
        [
            f"{when} ({when:%A}) {verdict} of {used.label}{because}",
            f"  previous {noun}: {before}; next {noun}: {after}",
            f"  calendar source: {used.source}",
        ]
    )
