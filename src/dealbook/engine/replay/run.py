"""``replay(deal, ledger, as_of, readings)``: the pure fold that answers "where do we stand?".

No clock, no IO, no randomness: the same deal, ledger, date and readings always give the
same :class:`ReplayResult`. Steps: prepare the context (readings, corrections, order),
fold the events into a :class:`Book`, run every mechanism of
:data:`~dealbook.engine.replay.mechanisms.MECHANISMS`, then apply ``payment`` events to
the accruals they name and build the positions.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import date
from decimal import ROUND_HALF_UP
from decimal import Decimal
from fractions import Fraction

from dealbook.core.diagnostics import Diagnostic
from dealbook.core.diagnostics import sort_key
from dealbook.core.figure import Figure
from dealbook.engine.replay.book import INTEREST_PREFIX
from dealbook.engine.replay.book import Book
from dealbook.engine.replay.book import fold
from dealbook.engine.replay.book import interest_figure
from dealbook.engine.replay.context import ReplayContext
from dealbook.engine.replay.context import make_context
from dealbook.engine.replay.contribution import Contribution
from dealbook.engine.replay.mechanisms import HANDLERS
from dealbook.engine.replay.mechanisms import MECHANISMS
from dealbook.engine.replay.model import Accrual
from dealbook.engine.replay.model import CapTable
from dealbook.engine.replay.model import Position
from dealbook.engine.replay.model import ReplayResult
from dealbook.ledger.events import Ledger
from dealbook.ledger.integrity import is_accrual_id
from dealbook.terms.deal import Deal

PCT = Decimal("0.0001")


def replay(
    deal: Deal, ledger: Ledger, as_of: date, readings: Mapping[str, str] | None = None
) -> ReplayResult:
    """The state of ``deal`` at ``as_of`` after the events of ``ledger``.

    Args:
        deal: the validated deal.
        ledger: the validated ledger of the same deal (events in any order).
        as_of: the day to measure at; events after it are ignored.
        readings: ``key=value`` readings chosen over the deal's conventions
            (register keys such as ``slda.base`` or Conventions field names).

    Raises:
        ReadingError: for an unknown reading key or value.
    """
    ctx = make_context(deal, ledger, as_of, readings)
    book = fold(ctx, HANDLERS)
    merged = Contribution()
    for _, mechanism in MECHANISMS:
        part = mechanism(ctx, book)
        merged.deadlines.extend(part.deadlines)
        merged.accruals.extend(part.accruals)
        merged.diagnostics.extend(part.diagnostics)
        merged.figures.update(part.figures)
        merged.reserve = part.reserve or merged.reserve
        merged.cap_table = part.cap_table or merged.cap_table
        merged.escrow = part.escrow or merged.escrow
    accruals, paid_problems = _apply_payments(ctx, book, merged.accruals)
    diagnostics = [*ctx.diagnostics, *book.diagnostics, *merged.diagnostics, *paid_problems]
    figures = {**book.figures, **merged.figures}
    return ReplayResult(
        deal=deal.id,
        as_of=as_of,
        readings=ctx.readings,
        positions=_positions(ctx, book, merged.cap_table),
        deadlines=tuple(
            sorted(merged.deadlines, key=lambda d: (d.due or date.max, d.clause, d.id))
        ),
        accruals=tuple(
            sorted(accruals, key=lambda a: (a.start or a.due or date.min, a.clause, a.id))
        ),
        reserve=merged.reserve,
        cap_table=merged.cap_table,
        escrow=merged.escrow,
        diagnostics=tuple(sorted(_unique(diagnostics), key=sort_key)),
        figures=tuple(sorted(figures.items())),
    )


def _unique(items: list[Diagnostic]) -> list[Diagnostic]:
    seen: dict[str, Diagnostic] = {}
    for item in items:
        seen.setdefault(item.format(), item)
    return list(seen.values())


def _apply_payments(
    ctx: ReplayContext, book: Book, accruals: list[Accrual]
) -> tuple[list[Accrual], list[Diagnostic]]:
    by_id = {accrual.id: accrual for accrual in accruals}
    paid: dict[str, Decimal] = {}
    problems: list[Diagnostic] = []
    invoices = {item.id for _, item in book.invoices if item.id}
    for record in book.payments:
        target = record.event.for_
        if target is None or target.startswith(INTEREST_PREFIX) or target in invoices:
            continue
        if target in by_id:
            paid[target] = paid.get(target, Decimal(0)) + record.event.amount
        elif is_accrual_id(target):
            known = ", ".join(sorted(by_id)[:5]) or "none"
            problems.append(
                ctx.diagnostic(
                    "REPLAY-UNKNOWN-ACCRUAL",
                    f"payment for {target!r}, which is not an accrual of this replay at "
                    f"{ctx.as_of.isoformat()}",
                    record.index,
                    hint=f"accrual ids are listed by `dealbook replay` (e.g. {known})",
                )
            )
    out = [
        dataclasses.replace(accrual, paid=paid[accrual.id]) if accrual.id in paid else accrual
        for accrual in accruals
    ]
    return out, problems


def _positions(ctx: ReplayContext, book: Book, cap_table: CapTable | None) -> tuple[Position, ...]:
    rows = {row.holder: row for row in cap_table.holders} if cap_table else {}
    out = []
    for holder, held in book.holders.items():
        interest: Figure = interest_figure(ctx, book, holder, ctx.as_of)
        assert isinstance(interest.value, Decimal | Fraction)
        row = rows.get(holder)
        out.append(
            Position(
                holder=holder,
                principal_funded=held.funded,
                principal_outstanding=book.principal_on(holder, ctx.as_of),
                interest_accrued_unpaid=interest.value,
                warrants=max(
                    held.warrants_granted - held.warrants_exercised - held.warrants_redeemed, 0
                ),
                conversion_shares_issued=held.conversion_shares,
                shares_owned=row.shares if row else held.conversion_shares + held.other_shares,
                ownership_pct=row.pct_outstanding.quantize(PCT, rounding=ROUND_HALF_UP)
                if row and row.pct_outstanding is not None
                else None,
                interest=interest,
            )
        )
    return tuple(out)
