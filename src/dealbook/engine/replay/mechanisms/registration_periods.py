"""The late periods of INS-RRA §2(c) in a replay: runs of days that carry registration payments.

M1 (§2(c)(i)) comes from :func:`dealbook.engine.registration_payments.m1_window`; M2
(§2(c)(ii)) from ``sales_suspended`` / ``sales_resumed`` with Allowed Delays excused by
:func:`dealbook.engine.allowed_delay.allowed_delays`; M3 (§2(c)(iii)) from
``listing_lost`` / ``listing_restored`` and ``trading_halted`` / ``trading_resumed``.

Conventions, stated once:

* a suspension, delisting or halt starting on ``d0`` and ending on ``d1`` covers the days
  ``d0 + 1 .. d1``: day 1 is the day after sales stop and the day sales resume is
  counted, as golden G-3 counts the effectiveness day as late; while still open, it runs
  to the as-of date;
* a resumption (or restoration) ends every suspension (or delisting) open before it;
* suspensions with ``reason: investor`` are the Investors' own (§4(d)) and count nowhere;
  ``reason: allowed_delay`` is a §3(f) blackout: its days within the limits are excused,
  the rest count; ``reason: company`` counts in full;
* M2 and M3 count only after effectiveness; under ``rra.m2_m3_overlap=sum`` they are two
  streams, under ``union`` one stream of the days in either.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date
from datetime import timedelta

from dealbook.core.figure import Figure
from dealbook.engine.allowed_delay import allowed_delays
from dealbook.engine.registration_payments import DaySpan
from dealbook.engine.registration_payments import RegistrationRecord
from dealbook.engine.registration_payments import m1_window
from dealbook.engine.registration_payments import runs
from dealbook.engine.registration_payments import span_days
from dealbook.engine.replay.context import ReplayContext
from dealbook.ledger.base import EventBase
from dealbook.ledger.base import SuspensionReason
from dealbook.ledger.events_filings import ListingLost
from dealbook.ledger.events_filings import ListingRestored
from dealbook.ledger.events_filings import SalesResumed
from dealbook.ledger.events_filings import SalesSuspended
from dealbook.ledger.events_filings import TradingHalted
from dealbook.ledger.events_filings import TradingResumed

_ONE_DAY = timedelta(days=1)


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Period:
    """One run of consecutive late days of one §2(c) count (or one missed clock)."""

    key: str
    """Accrual-id stem: ``rra-2c-i``, ``rra-2c-ii``, ``rra-2c-iii``, ``rra-2c-ii-iii``, ..."""
    clause: str
    run: DaySpan
    running: bool
    """True when the cause is still in effect at the as-of date."""
    why: Figure
    """How the days were found (deadline, episodes, Allowed Delays)."""
    readings: tuple[str, ...] = ()


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Episode:
    """A stretch from a stop event to the end event (None while still open)."""

    started: date
    ended: date | None
    reason: str

    def span(self, as_of: date) -> DaySpan:
        """The days covered: the day after the start through the end (or ``as_of``)."""
        last = self.ended if self.ended is not None and self.ended <= as_of else as_of
        return DaySpan(first=self.started + _ONE_DAY, last=last)


def episodes(
    ctx: ReplayContext, start: type[EventBase], end: type[EventBase], reason: str = ""
) -> list[Episode]:
    """Pair every ``start`` event with the first ``end`` event after it (or none yet)."""
    out: list[Episode] = []
    open_: list[tuple[date, str]] = []
    for entry in ctx.entries:
        item = entry.event
        if isinstance(item, start):
            why = str(getattr(item, "reason", reason))
            open_.append((item.date, why))
        elif isinstance(item, end):
            out.extend(Episode(started=d, ended=item.date, reason=r) for d, r in open_)
            open_ = []
    out.extend(Episode(started=d, ended=None, reason=r) for d, r in open_)
    return out


def _open_days(items: Sequence[Episode], as_of: date) -> frozenset[date]:
    return span_days(e.span(as_of) for e in items if e.ended is None or e.ended > as_of)


def _describe(items: Sequence[Episode]) -> str:
    return (
        "; ".join(f"{e.reason or 'stop'} {e.started} -> {e.ended or 'open'}" for e in items)
        or "none"
    )


def m1_periods(
    ctx: ReplayContext,
    clause: str,
    filing_due: date | None,
    effectiveness_due: date | None,
    filed_on: date | None,
    effective_on: date | None,
    why: Figure,
) -> list[Period]:
    """§2(c)(i): late filing (from the Filing Date) or late effectiveness, to effectiveness."""
    if filing_due is None or effectiveness_due is None:
        return []
    record = RegistrationRecord(
        filing_deadline=filing_due,
        effectiveness_deadline=effectiveness_due,
        filed_on=filed_on if filed_on and filed_on <= ctx.as_of else None,
        effective_on=effective_on if effective_on and effective_on <= ctx.as_of else None,
    )
    window = m1_window(record, as_of=ctx.as_of)
    if window is None:
        return []
    still = record.effective_on is None
    late_filing = window.first == filing_due + _ONE_DAY
    what = (
        f"not filed by the Filing Date {filing_due}: late from {window.first}"
        if late_filing
        else f"not effective by the Effectiveness Deadline {effectiveness_due}: late from "
        f"{window.first}"
    )
    figure = Figure(
        label="M1 days: not filed or not effective",
        value=(window.last - window.first).days + 1,
        unit="days",
        formula=f"{what} through {window.last} "
        f"({'still not effective' if still else 'the effectiveness day counts'})",
        inputs=(why,),
    )
    return [Period(key="rra-2c-i", clause=clause, run=window, running=still, why=figure)]


def after_effective_periods(
    ctx: ReplayContext, clause: str, effective_on: date | None
) -> list[Period]:
    """§2(c)(ii) and (iii): no-sales days (Allowed Delays excused) and not-listed days."""
    registration = ctx.deal.registration
    if effective_on is None or effective_on > ctx.as_of or registration is None:
        return []
    as_of = ctx.as_of

    def after(days: frozenset[date]) -> frozenset[date]:
        return frozenset(d for d in days if effective_on < d <= as_of)

    sales = episodes(ctx, SalesSuspended, SalesResumed)
    counted = [e for e in sales if e.reason == SuspensionReason.COMPANY]
    blackouts = [e for e in sales if e.reason == SuspensionReason.ALLOWED_DELAY]
    excused: frozenset[date] = frozenset()
    delay_figure: Figure | None = None
    readings: tuple[str, ...] = ()
    if blackouts and registration.allowed_delay is not None:
        outcome = allowed_delays(
            [e.span(as_of) for e in blackouts],
            terms=registration.allowed_delay,
            trading=ctx.clock.trading,
            conventions=ctx.conventions,
        )
        excused = outcome.excused_days
        delay_figure = outcome.excused_total
        readings = (
            f"rra.allowed_delay_window={ctx.conventions.allowed_delay_window}",
            f"calendar.trading_day={ctx.conventions.trading_day_calendar}",
        )
    no_sales = after(span_days(e.span(as_of) for e in [*counted, *blackouts])) - excused
    listing = episodes(ctx, ListingLost, ListingRestored, "not listed")
    halts = episodes(ctx, TradingHalted, TradingResumed, "halted")
    not_listed = after(span_days(e.span(as_of) for e in [*listing, *halts]))
    open_sales = _open_days([*counted, *blackouts], as_of)
    open_listing = _open_days([*listing, *halts], as_of)
    m2_why = Figure(
        label="M2 days: sales of all Registrable Securities could not be made",
        value=len(no_sales),
        unit="days",
        formula=f"suspensions after effectiveness {effective_on} ({_describe(sales)}), "
        "minus Allowed Delay days and Investor suspensions",
        inputs=(delay_figure,) if delay_figure else (),
    )
    m3_why = Figure(
        label="M3 days: Common Stock not listed or trading halted",
        value=len(not_listed),
        unit="days",
        formula=f"after effectiveness {effective_on}: {_describe([*listing, *halts])}",
    )
    overlap = ctx.conventions.rra_m2_m3_overlap
    overlap_reading = f"rra.m2_m3_overlap={overlap}"
    streams: list[tuple[str, frozenset[date], frozenset[date], Figure, tuple[str, ...]]]
    if overlap == "union":
        both = Figure(
            label="M2 or M3 days (union)",
            value=len(no_sales | not_listed),
            unit="days",
            formula="a day without sales and without a listing counts once",
            inputs=(m2_why, m3_why),
        )
        streams = [
            (
                "rra-2c-ii-iii",
                no_sales | not_listed,
                open_sales | open_listing,
                both,
                (*readings, overlap_reading),
            )
        ]
    else:
        streams = [
            ("rra-2c-ii", no_sales, open_sales, m2_why, (*readings, overlap_reading)),
            ("rra-2c-iii", not_listed, open_listing, m3_why, (overlap_reading,)),
        ]
    out: list[Period] = []
    for key, days, open_days, why, used in streams:
        for run in runs(days):
            out.append(
                Period(
                    key=key,
                    clause=clause,
                    run=run,
                    running=run.last == as_of and as_of in open_days,
                    why=why,
                    readings=used,
                )
            )
    return out
