"""Replay mechanism: future offerings (spec §2.9, M-FUT-1/2/4, M-FEE-4).

Insynq and Amnis (SPA §4(e)):

* the Lock-up Period ends at the later of Closing + 270 days and effectiveness + 180 days
  plus the days sales were suspended (G-23; named figure ``offerings:lockup-end``); the
  right of participation lasts 2 years more (``offerings:participation-end``);
* an ``offering_closed`` inside the Lock-up Period is reported (``REPLAY-OFFERING-LOCKUP``,
  a warning: the ledger cannot say whether the financing is of kind (A)-(C) or consented
  to) with a Deadline ``lockup:<offering>`` marked missed;
* each ``offering_notice`` (an amendment is a new notice) gives a Deadline
  ``offering-notice:<notice>``: the Future Offering may close no earlier than 20 business
  days after the notice (met once that has run or at a later closing, missed by an earlier
  closing, ``REPLAY-OFFERING-EARLY-CLOSING``), and per Buyer a Deadline
  ``participation-option:<notice>:<holder>`` for the 15-day option, met by a
  ``participation_election`` for that notice (or, without ``offering:``, for the latest
  notice before it) and missed when the option lapses; the Buyer's pro-rata share (G-24,
  principal purchased to the notice day) is the named figure ``pro-rata:<notice>:<holder>``.
  A closing with no notice inside the participation window is also reported.

Hy-Tech: the 5-year exclusivity runs from the Closing (read as the Original Issuance
Date; ``offerings:exclusivity-end``) and every financing closed in it is reported
(``REPLAY-OFFERING-EXCLUSIVITY``). An ``offering_closed`` with an ``amount`` records a
financing by an investor the Purchaser introduced (``amount``: the part that investor
bought); inside the 2-year window it owes the 4% fee (G-19) as the accrual
``accrual:cdpa-4.28:<holder>:<day>``, due at that closing.
"""

from __future__ import annotations

from datetime import date
from datetime import timedelta
from decimal import Decimal

from dealbook.core.diagnostics import Diagnostic
from dealbook.core.figure import Figure
from dealbook.engine.conversion_price import figure_fraction
from dealbook.engine.offerings import earliest_offering_closing
from dealbook.engine.offerings import finder_fee
from dealbook.engine.offerings import lockup_end
from dealbook.engine.offerings import option_expiry
from dealbook.engine.offerings import participation_window_end
from dealbook.engine.offerings import pro_rata_shares
from dealbook.engine.replay.book import Book
from dealbook.engine.replay.book import Handler
from dealbook.engine.replay.context import ReplayContext
from dealbook.engine.replay.contribution import Contribution
from dealbook.engine.replay.mechanisms.ownership import Owned
from dealbook.engine.replay.mechanisms.ownership import obligation_of
from dealbook.engine.replay.model import Accrual
from dealbook.engine.replay.model import Deadline
from dealbook.engine.replay.model import Status
from dealbook.ledger.base import EventBase
from dealbook.ledger.events_filings import RegistrationEffective
from dealbook.ledger.events_filings import SalesResumed
from dealbook.ledger.events_filings import SalesSuspended
from dealbook.ledger.events_holders import OfferingClosed
from dealbook.ledger.events_holders import OfferingNotice
from dealbook.ledger.events_holders import ParticipationElection
from dealbook.ledger.events_money import Closing
from dealbook.terms.base import Citation
from dealbook.terms.offerings import Participation

HANDLERS: dict[type[EventBase], Handler] = {}

OBLIGATIONS: Owned = {
    "offering-notice": frozenset({"future-offering-notice"}),
    "participation-option": frozenset({"participation-election"}),
}
"""The dated obligations the offerings mechanism judges (SPA §4(e))."""


def contribute(ctx: ReplayContext, book: Book) -> Contribution:
    """Lock-up and participation clocks (INS/AMN), exclusivity and finder fee (HYT)."""
    out = Contribution()
    closing = ctx.first(Closing)
    if closing is None:
        return out
    _lockup_and_participation(ctx, book, closing.date, out)
    _exclusivity_and_fee(ctx, closing.date, out)
    return out


def _clause(cites: tuple[Citation, ...], fallback: str) -> str:
    return str(cites[0]) if cites else fallback


def _ident(item: EventBase) -> str:
    return item.id or item.date.isoformat()


def days_without_sales(ctx: ReplayContext, effective: date) -> int:
    """Calendar days after ``effective`` in which sales were suspended (to the as-of date)."""
    total = 0
    start: date | None = None
    for entry in ctx.entries:
        item = entry.event
        if isinstance(item, SalesSuspended) and start is None and item.date >= effective:
            start = item.date
        elif isinstance(item, SalesResumed) and start is not None:
            total += (item.date - start).days
            start = None
    if start is not None:
        total += (ctx.as_of + timedelta(days=1) - start).days
    return total


def _lockup_and_participation(
    ctx: ReplayContext, book: Book, closing: date, out: Contribution
) -> None:
    terms = ctx.deal.offerings
    if terms.lockup is None:
        return
    effective = ctx.first(RegistrationEffective)
    lock = lockup_end(
        closing=closing,
        lockup=terms.lockup,
        clock=ctx.clock,
        effective=effective.date if effective else None,
        days_without_sales=days_without_sales(ctx, effective.date) if effective else 0,
    )
    out.figures["offerings:lockup-end"] = lock
    end = lock.value if isinstance(lock.value, date) else None
    clause = _clause(terms.lockup.cite, "spa:4(e)")
    for index, closed in ctx.of_type(OfferingClosed):
        if closed.date < closing or (end is not None and closed.date > end):
            continue
        ends = end.isoformat() if end else "not yet known (effectiveness pending)"
        out.deadlines.append(
            Deadline(
                id=f"lockup:{_ident(closed)}",
                clause=clause,
                what=f"no restricted equity financing during the Lock-up Period (ends {ends})",
                obligor="company",
                due=end,
                status=Status.MISSED,
                done_on=closed.date,
                figure=lock,
            )
        )
        out.diagnostics.append(
            ctx.diagnostic(
                "REPLAY-OFFERING-LOCKUP",
                f"a financing closed on {closed.date.isoformat()}, inside the Lock-up Period "
                f"(ends {ends}); a breach of §4(e) if it is of kind (A)-(C) and the Buyers "
                "did not consent",
                index,
                hint="check the financing's terms and consent; record a `breach` if it is one",
                error=False,
            )
        )
    if terms.participation is not None:
        window = participation_window_end(
            lockup_ends=lock, participation=terms.participation, clock=ctx.clock
        )
        out.figures["offerings:participation-end"] = window
        last = window.value if isinstance(window.value, date) else None
        _participation(ctx, book, closing, last, terms.participation, out)


def _participation(
    ctx: ReplayContext,
    book: Book,
    closing: date,
    last: date | None,
    terms: Participation,
    out: Contribution,
) -> None:
    clause = _clause(terms.cite, "spa:4(e)")
    notices = [(i, n) for i, n in ctx.of_type(OfferingNotice) if n.date >= closing]
    notices = [(i, n) for i, n in notices if last is None or n.date <= last]
    closings = list(ctx.of_type(OfferingClosed))
    elections = ctx.events(ParticipationElection)

    def notice_of(ref: str | None, day: date) -> OfferingNotice | None:
        if ref is not None:
            return next((n for _, n in notices if n.id == ref), None)
        before = [n for _, n in notices if n.date <= day]
        return before[-1] if before else None

    for _, notice in notices:
        ident = _ident(notice)
        earliest = earliest_offering_closing(
            notice=notice.date, participation=terms, clock=ctx.clock
        )
        due = earliest.value
        assert isinstance(due, date)
        closed = [(i, c) for i, c in closings if notice_of(c.offering, c.date) is notice]
        if closed:
            index, first = closed[0]
            status = Status.MET if first.date >= due else Status.MISSED
            done: date | None = first.date
            if status is Status.MISSED:
                out.diagnostics.append(
                    _early(ctx, index, first.date, f"its notice {ident} ({due})")
                )
        else:
            status, done = (Status.OPEN if ctx.as_of < due else Status.MET), None
        out.deadlines.append(
            Deadline(
                id=f"offering-notice:{ident}",
                clause=clause,
                what="notice of the Future Offering at least 20 business days before its closing",
                obligor="company",
                due=due,
                status=status,
                done_on=done,
                figure=earliest,
                obligation=obligation_of(ctx, OBLIGATIONS, "offering-notice"),
            )
        )
        purchased = {h: book.funded_on(h, notice.date) for h in ctx.deal.holder_ids()}
        if sum(purchased.values(), Decimal(0)) <= 0:
            continue
        shares = pro_rata_shares(purchased)
        expiry = option_expiry(notice=notice.date, participation=terms, clock=ctx.clock)
        expires = expiry.value
        assert isinstance(expires, date)
        for holder, share in shares.items():
            out.figures[f"pro-rata:{ident}:{holder}"] = share
            chosen = [
                e.date
                for e in elections
                if e.holder == holder and notice_of(e.offering, e.date) is notice
            ]
            if chosen:
                status, done = (Status.MET if chosen[0] <= expires else Status.MISSED), chosen[0]
            else:
                status, done = (Status.OPEN if ctx.as_of <= expires else Status.MISSED), None
            pct = figure_fraction(share) * 100
            out.deadlines.append(
                Deadline(
                    id=f"participation-option:{ident}:{holder}",
                    clause=clause,
                    what=(
                        f"option to buy its pro-rata share ({float(pct):.4g}%) of the Future "
                        "Offering (lapses if not exercised)"
                    ),
                    obligor=holder,
                    due=expires,
                    status=status,
                    done_on=done,
                    figure=Figure(
                        label="participation option expires",
                        value=expires,
                        formula=expiry.formula,
                        inputs=(expiry, share),
                        clauses=expiry.clauses,
                        assumptions=expiry.assumptions,
                    ),
                    obligation=obligation_of(ctx, OBLIGATIONS, "participation-option"),
                )
            )
    for index, item in closings:
        inside = item.date >= closing and (last is None or item.date <= last)
        if inside and notice_of(item.offering, item.date) is None:
            out.diagnostics.append(_early(ctx, index, item.date, "any offering notice"))


def _early(ctx: ReplayContext, index: int, day: date, after: str) -> Diagnostic:
    return ctx.diagnostic(
        "REPLAY-OFFERING-EARLY-CLOSING",
        f"a Future Offering closed on {day.isoformat()}, less than 20 business days after "
        f"{after} (INS/AMN §4(e))",
        index,
        hint="link the offering_closed to its offering_notice (`offering:`) or record the breach",
        error=False,
    )


def _exclusivity_and_fee(ctx: ReplayContext, closing: date, out: Contribution) -> None:
    terms = ctx.deal.offerings
    closings = list(ctx.of_type(OfferingClosed))
    if terms.exclusivity is not None:
        refs = tuple(c.ref() for c in terms.exclusivity.cite)
        ends = ctx.clock.add(closing, terms.exclusivity.term)
        out.figures["offerings:exclusivity-end"] = Figure(
            label="exclusivity ends",
            value=ends,
            formula=f"Closing {closing.isoformat()} + {ctx.clock.describe(terms.exclusivity.term)}",
            clauses=refs,
            assumptions=(
                "Original Issuance Date read as the Closing date (Debenture not in the seed)",
            ),
        )
        for index, closed in closings:
            if closing <= closed.date <= ends:
                out.diagnostics.append(
                    ctx.diagnostic(
                        "REPLAY-OFFERING-EXCLUSIVITY",
                        f"a financing closed on {closed.date.isoformat()}, inside the exclusivity "
                        f"period (to {ends.isoformat()}); a breach of §4.16 if it is a convertible "
                        "security or equity line not with the Purchaser",
                        index,
                        hint="check the financing's terms; record a `breach` if it is one",
                        error=False,
                    )
                )
    fee = terms.finder_fee
    if fee is None:
        return
    signing = min(d.date for d in ctx.deal.documents)
    payee = ctx.deal.holder_ids()[0]
    for _, closed in closings:
        if closed.amount is None:
            continue
        figure = finder_fee(
            amount=closed.amount,
            financing_date=closed.date,
            signing=signing,
            fee=fee,
            clock=ctx.clock,
            conventions=ctx.conventions,
        )
        value = figure.value
        if not isinstance(value, Decimal) or value <= 0:
            continue
        out.accruals.append(
            Accrual(
                id=f"accrual:cdpa-4.28:{payee}:{closed.date.isoformat()}",
                clause=_clause(fee.cite, "cdpa:4.28"),
                payer="company",
                payee=payee,
                start=None,
                end=None,
                months=None,
                rate=fee.rate,
                base=closed.amount,
                amount=value,
                form="cash",
                figure=figure,
                due=closed.date,
                readings=(f"count.within_n_days={ctx.conventions.within}",),
            )
        )
