"""Remedies for an uncured Event of Default: §4.25 liquidated damages, default interest, fees.

* HYT §4.25 (M-DEF-5, G-15): when the Company fails to cure an Event of Default in time it
  pays the Purchase Price times two (1,500,000) "upon demand" by wire. The demand is a
  ``notice`` of kind ``default`` from the Purchaser to the Company, deemed given per §7.3;
  the accrual's ``due`` is that day (None until demanded). Payments name the accrual id.
* HYT Art. VI / §5.2 (M-DEF-4, G-21): interest at 15% on the unpaid damages from the day
  the deal's ``default_interest.starts`` names (``due-date``: the demand) until paid,
  compounded annually under Art. VI (``hyt.compounding_stub`` for the partial year) or
  simple under §5.2 (reading ``hyt.default_interest``). Each amount paid stops accruing on
  its payment day, so the interest is the sum over the paid parts and the unpaid rest.
* §5.2 and Art. VI: the defaulting party pays the attorneys' fees and costs of
  enforcement. An ``invoice`` from the Purchaser to the Company after the default is a
  claim for them; without one the amount is unknown and only a labelled figure is given.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from dealbook.core.figure import Figure
from dealbook.engine.default_damages import default_interest
from dealbook.engine.default_damages import liquidated_damages
from dealbook.engine.replay.book import COMPANY
from dealbook.engine.replay.book import Book
from dealbook.engine.replay.context import ReplayContext
from dealbook.engine.replay.contribution import Contribution
from dealbook.engine.replay.mechanisms.default_events import OBLIGATIONS
from dealbook.engine.replay.mechanisms.default_events import UncuredDefault
from dealbook.engine.replay.mechanisms.escrow import status_of
from dealbook.engine.replay.mechanisms.ownership import obligation_of
from dealbook.engine.replay.model import Accrual
from dealbook.engine.replay.model import Deadline
from dealbook.ledger.base import NoticeKind
from dealbook.ledger.events_holders import Notice
from dealbook.terms.damages import MultipleDamages

ZERO = Decimal(0)
USD = "USD"


def slug(clause: str) -> str:
    """An id part for a clause: ``cdpa:5.1(b)`` → ``cdpa-5.1b``, ``cdpa:Art. VI`` → ``cdpa-art-vi``."""
    text = clause.lower().replace("(", "").replace(")", "")
    return re.sub(r"\.?\s+|:", "-", text)


def _cite_clause(terms: MultipleDamages) -> str:
    return f"{terms.cite[0].doc}:{terms.cite[0].section}" if terms.cite else "cdpa:4.25"


def _demand(ctx: ReplayContext, holder: str, since: date) -> tuple[date, Notice] | None:
    """The first demand (a ``default`` notice from ``holder`` to the Company) on or after ``since``."""
    for _, notice in ctx.of_type(Notice):
        if (
            notice.kind is NoticeKind.DEFAULT
            and notice.from_ == holder
            and notice.to == COMPANY
            and notice.date >= since
        ):
            given = ctx.deemed_given(notice, notice.method)
            if given.effective_date is not None:
                return given.effective_date, notice
    return None


def _paid(book: Book, target: str) -> list[tuple[date, Decimal]]:
    """Payments naming ``target`` in ``for``, by date."""
    return sorted((r.event.date, r.event.amount) for r in book.payments if r.event.for_ == target)


def remedies(ctx: ReplayContext, book: Book, default: UncuredDefault, out: Contribution) -> None:
    """Add the §4.25 damages, their payment deadline and default interest for ``default``."""
    terms = ctx.deal.damages.multiple
    if terms is None:
        return
    holder = default.holder or ctx.deal.holder_ids()[0]
    clause = _cite_clause(terms)
    ld_id = f"accrual:{slug(clause)}:{holder}:{default.day.isoformat()}"
    base = liquidated_damages(terms)
    assert isinstance(base.value, Decimal)
    amount = base.value
    demand = _demand(ctx, holder, default.day)
    due = demand[0] if demand else None
    figure = Figure(
        label=base.label,
        value=amount,
        unit=USD,
        formula=base.formula,
        inputs=(*base.inputs, default.figure),
        clauses=base.clauses,
        assumptions=(
            *base.assumptions,
            "demand: a notice of kind default from the Purchaser"
            + (f", deemed given {due.isoformat()}" if due else " (none yet)"),
        ),
    )
    out.accruals.append(
        Accrual(
            id=ld_id,
            clause=clause,
            payer=COMPANY,
            payee=holder,
            start=None,
            end=None,
            months=None,
            rate=None,
            base=terms.of,
            amount=amount,
            form="cash",
            figure=figure,
            due=due,
        )
    )
    payments = _paid(book, ld_id)
    if due is not None:
        running_total = ZERO
        done_on = None
        for day, paid in payments:
            running_total += paid
            if running_total >= amount:
                done_on = day
                break
        out.deadlines.append(
            Deadline(
                id=f"deadline:{slug(clause)}:pay:{due.isoformat()}",
                clause=clause,
                what=f"pay the liquidated damages ({amount} USD) by wire upon demand",
                obligor=COMPANY,
                due=due,
                status=status_of(due, done_on, ctx.as_of),
                done_on=done_on,
                figure=Figure(
                    label="liquidated damages due (on demand)",
                    value=due,
                    formula="the demand, deemed given per the notice clause",
                    clauses=base.clauses,
                ),
                obligation=obligation_of(ctx, OBLIGATIONS, "pay"),
            )
        )
    start = _interest_start(ctx, default.day, due)
    if start is not None and start <= ctx.as_of:
        out.accruals.append(_interest(ctx, holder, amount, start, payments, default.day))


def _interest_start(ctx: ReplayContext, defaulted: date, demanded: date | None) -> date | None:
    remedies_terms = ctx.deal.defaults.remedies
    terms = remedies_terms.default_interest if remedies_terms else None
    if terms is None:
        return None
    return defaulted if terms.starts == "default" else demanded


def _interest(
    ctx: ReplayContext,
    holder: str,
    amount: Decimal,
    start: date,
    payments: list[tuple[date, Decimal]],
    defaulted: date,
) -> Accrual:
    remedies_terms = ctx.deal.defaults.remedies
    assert remedies_terms is not None and remedies_terms.default_interest is not None
    terms = remedies_terms.default_interest
    reading = ctx.conventions.default_interest_clause
    parts: list[Figure] = []
    left = amount
    last = start
    for day, paid in payments:
        if day > ctx.as_of or left <= 0:
            continue
        part = min(paid, left)
        left -= part
        last = max(day, start)
        parts.append(
            default_interest(
                unpaid=part,
                start=start,
                end=max(day, start),
                terms=terms,
                conventions=ctx.conventions,
                clause=reading,
            )
        )
    running = left > 0
    end = ctx.as_of if running else last
    if running:
        parts.append(
            default_interest(
                unpaid=left,
                start=start,
                end=ctx.as_of,
                terms=terms,
                conventions=ctx.conventions,
                clause=reading,
            )
        )
    total = sum((_dec(p) for p in parts), ZERO)
    first = parts[0]
    section = "Art. VI" if reading == "art-vi" else "5.2"
    doc = terms.cite[0].doc if terms.cite else "cdpa"
    figure = Figure(
        label="default interest on the unpaid liquidated damages",
        value=total,
        unit=USD,
        formula=(first.formula + " on each part, from its start until paid")
        if len(parts) > 1
        else first.formula,
        inputs=tuple(parts),
        clauses=first.clauses,
        assumptions=first.assumptions,
    )
    return Accrual(
        id=f"accrual:{slug(doc + ':Art. VI')}:{holder}:{start.isoformat()}",
        clause=f"{doc}:{section}",
        payer=COMPANY,
        payee=holder,
        start=start,
        end=end,
        months=None,
        rate=terms.rate,
        base=amount,
        amount=total,
        form="cash",
        figure=figure,
        running=running,
        readings=tuple(a for a in first.assumptions if "=" in a),
    )


def _dec(figure: Figure) -> Decimal:
    assert isinstance(figure.value, Decimal)
    return figure.value


def attorneys_fees(
    ctx: ReplayContext, book: Book, default: UncuredDefault, out: Contribution
) -> None:
    """§5.2 / Art. VI fees of enforcement: a claim per Purchaser invoice after the default."""
    remedies_terms = ctx.deal.defaults.remedies
    if remedies_terms is None or not (
        remedies_terms.defaulting_party_pays_fees or remedies_terms.loser_pays_fees
    ):
        return
    refs = tuple(c.ref() for c in remedies_terms.cite)
    doc = remedies_terms.cite[0].doc if remedies_terms.cite else "cdpa"
    clause = f"{doc}:5.2"
    holders = set(ctx.deal.holder_ids())
    found = False
    for _, invoice in book.invoices:
        if invoice.from_ not in holders or invoice.to not in (None, COMPANY):
            continue
        if invoice.date < default.day:
            continue
        found = True
        key = invoice.id or invoice.date.isoformat()
        paid = sum((a for _, a in _paid(book, invoice.id)), ZERO) if invoice.id else ZERO
        out.accruals.append(
            Accrual(
                id=f"accrual:{slug(clause)}:{invoice.from_}:{key}",
                clause=clause,
                payer=COMPANY,
                payee=invoice.from_,
                start=None,
                end=None,
                months=None,
                rate=None,
                base=None,
                amount=invoice.amount,
                form="cash",
                paid=paid,
                due=invoice.date,
                figure=Figure(
                    label="attorneys' fees and costs of enforcement (claim)",
                    value=invoice.amount,
                    unit=USD,
                    formula=f"invoice {key} from {invoice.from_}",
                    clauses=refs,
                    assumptions=(
                        "a Purchaser invoice after the default claims its enforcement costs",
                    ),
                ),
            )
        )
    if not found:
        out.figures[f"default:attorneys-fees:{default.key}"] = Figure(
            label="attorneys' fees and costs of enforcement: amount unknown (no invoice recorded)",
            value=None,
            unit=USD,
            formula="owed by the defaulting party (§5.2) / the non-prevailing party (Art. VI)",
            clauses=refs,
        )
