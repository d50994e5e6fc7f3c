"""Replay mechanism: expense reimbursement with late interest, and Hy-Tech's fixed fees.

Spec §2.12. M-FEE-1 (INS-SPA §4(f): 3 business days; AMN-SPA §4(f): 5 business days; G-22):
each ``invoice`` event gives

* a :class:`Deadline` ``expense-reimbursement:<invoice>``: pay by the end of the grace
  period (:func:`dealbook.engine.expenses.grace_end`); met / missed by the ``payment``
  events ``for:`` the invoice (the day they add up to the amount), open until then;
* an :class:`Accrual` ``accrual:invoice:<invoice>`` for the amount billed (payer the
  billed party, default the Company; payee the invoicer), paid by those payments;
* once late, an :class:`Accrual` ``accrual:expense-interest:<invoice>`` of 15% a year
  (:func:`dealbook.engine.expenses.expense_interest`) until paid, or running to the as-of
  date. Whether interest runs from the invoice date (the deal default: payment was due
  "immediately") or from the end of grace is the term ``fees.expenses.interest_from``;
  ``start`` is the first day counted (the day after the invoice or after the grace period).

M-FEE-3 (HYT §4.27, G-18): at the Closing the fixed fees are accruals ``accrual:fee:<id>``
due on the Closing Date (after a ``termination`` without Closing, only the fees owed
regardless, D-HYT-18); the named figures ``fees:due`` and ``fees:net-escrow-release``
give the total and what the Escrow Agent releases to the Company. KGL's disbursements are
not in the ledger and count as zero (stated in the figure).
"""

from __future__ import annotations

from datetime import date
from datetime import timedelta
from decimal import Decimal
from fractions import Fraction

from dealbook.core.figure import Figure
from dealbook.engine.expenses import expense_interest
from dealbook.engine.expenses import grace_end
from dealbook.engine.fees_hytech import fees_due
from dealbook.engine.fees_hytech import net_escrow_release
from dealbook.engine.interest import USD
from dealbook.engine.replay.book import COMPANY
from dealbook.engine.replay.book import Book
from dealbook.engine.replay.book import Handler
from dealbook.engine.replay.context import ReplayContext
from dealbook.engine.replay.contribution import Contribution
from dealbook.engine.replay.mechanisms.ownership import Owned
from dealbook.engine.replay.model import Accrual
from dealbook.engine.replay.model import Deadline
from dealbook.engine.replay.model import Status
from dealbook.ledger.base import EventBase
from dealbook.ledger.events_holders import Termination
from dealbook.ledger.events_money import Closing
from dealbook.ledger.events_money import Invoice
from dealbook.terms.fees import ExpenseReimbursement

OBLIGATIONS: Owned = {
    "expense-reimbursement": frozenset({"expense-reimbursement", "reimburse-expenses"})
}
"""The dated obligations the fees mechanism judges (INS/AMN-SPA §4(f))."""

HANDLERS: dict[type[EventBase], Handler] = {}

ZERO = Decimal(0)


def as_decimal(value: object) -> Decimal:
    """An exact figure value as a Decimal (a non-terminating Fraction to 28 digits)."""
    if isinstance(value, Fraction):
        return Decimal(value.numerator) / Decimal(value.denominator)
    assert isinstance(value, Decimal | int)
    return Decimal(value)


def invoice_key(book: Book, index: int, item: Invoice) -> str:
    """The invoice's id, else ``<date>-<n>`` (n counts that day's invoices from 1)."""
    if item.id:
        return item.id
    same_day = [i for i, other in book.invoices if other.date == item.date and i <= index]
    return f"{item.date.isoformat()}-{len(same_day)}"


def settlement(book: Book, item: Invoice) -> tuple[Decimal, date | None]:
    """What was paid against ``item`` and the day the payments reached its amount."""
    paid = ZERO
    settled: date | None = None
    if not item.id:
        return paid, settled
    for record in book.payments:
        if record.event.for_ == item.id:
            paid += record.event.amount
            if settled is None and paid >= item.amount:
                settled = record.event.date
    return paid, settled


def contribute(ctx: ReplayContext, book: Book) -> Contribution:
    """Invoices (deadline, amount, late interest) and Hy-Tech's fixed fees."""
    out = Contribution()
    terms = ctx.deal.fees.expenses
    for index, item in book.invoices:
        _invoice(ctx, book, index, item, terms, out)
    if ctx.deal.fees.fixed:
        _fixed_fees(ctx, out)
    return out


def _invoice(
    ctx: ReplayContext,
    book: Book,
    index: int,
    item: Invoice,
    terms: ExpenseReimbursement | None,
    out: Contribution,
) -> None:
    key = invoice_key(book, index, item)
    payer = item.to or COMPANY
    payee = item.from_
    paid, settled = settlement(book, item)
    clause = str(terms.cite[-1]) if terms and terms.cite else ""
    billed = Figure(
        label=f"invoice {key}",
        value=item.amount,
        unit=USD,
        formula=f"billed by {payee} on {item.date}",
        clauses=tuple(c.ref() for c in terms.cite) if terms else (),
    )
    due = item.date
    if terms is not None:
        grace = grace_end(item.date, terms=terms, clock=ctx.clock)
        assert isinstance(grace.value, date)
        due = grace.value
        out.deadlines.append(_deadline(ctx, key, item, payer, clause, grace, settled))
        interest = _interest(ctx, key, item, payer, clause, terms, settled)
        if interest is not None:
            out.accruals.append(interest)
    out.accruals.append(
        Accrual(
            id=f"accrual:invoice:{key}",
            clause=clause,
            payer=payer,
            payee=payee,
            start=None,
            end=None,
            months=None,
            rate=None,
            base=None,
            amount=item.amount,
            form="cash",
            figure=billed,
            paid=paid,
            due=due,
        )
    )


def _deadline(
    ctx: ReplayContext,
    key: str,
    item: Invoice,
    payer: str,
    clause: str,
    grace: Figure,
    settled: date | None,
) -> Deadline:
    due = grace.value
    assert isinstance(due, date)
    if settled is not None:
        status = Status.MET if settled <= due else Status.MISSED
    else:
        status = Status.MISSED if ctx.as_of > due else Status.OPEN
    return Deadline(
        id=f"expense-reimbursement:{key}",
        clause=clause,
        what=f"reimburse invoice {key} of {item.from_} ({item.amount}) without interest",
        obligor=payer,
        due=due,
        status=status,
        done_on=settled,
        figure=grace,
    )


def _interest(
    ctx: ReplayContext,
    key: str,
    item: Invoice,
    payer: str,
    clause: str,
    terms: ExpenseReimbursement,
    settled: date | None,
) -> Accrual | None:
    last_grace = ctx.clock.add(item.date, terms.grace)
    end = settled if settled is not None else ctx.as_of
    if end <= last_grace:
        return None
    figure = expense_interest(
        item.amount,
        invoice_date=item.date,
        paid_on=settled,
        as_of=ctx.as_of,
        terms=terms,
        clock=ctx.clock,
    )
    counted_from = item.date if terms.interest_from == "invoice-date" else last_grace
    return Accrual(
        id=f"accrual:expense-interest:{key}",
        clause=clause,
        payer=payer,
        payee=item.from_,
        start=counted_from + timedelta(days=1),
        end=end,
        months=None,
        rate=terms.interest_rate,
        base=item.amount,
        amount=as_decimal(figure.value),
        form="cash",
        figure=figure,
        due=end,
        running=settled is None,
        readings=(
            f"expenses.interest_from={terms.interest_from}",
            f"interest.day_count={terms.day_count}",
            f"calendar.business_day={ctx.conventions.business_day_calendar}",
        ),
    )


def _fixed_fees(ctx: ReplayContext, out: Contribution) -> None:
    fees = ctx.deal.fees.fixed
    closing = ctx.first(Closing)
    ended = ctx.first(Termination)
    closed = closing is not None
    note = "KGL disbursements not recorded in the ledger: taken as 0"
    due_figure = fees_due(fees, closed=closed)
    out.figures["fees:due"] = _with_note(due_figure, note)
    escrow_cash = ctx.deal.funding.max_principal
    release = net_escrow_release(escrow_cash=escrow_cash, fees=fees)
    out.figures["fees:net-escrow-release"] = _with_note(release, note)
    if closing is not None:
        day = closing.date
    elif ended is not None:
        day = ended.date
    else:
        return
    for fee in fees:
        if not closed and not fee.owed_without_closing:
            continue
        clauses = tuple(c.ref() for c in fee.cite)
        out.accruals.append(
            Accrual(
                id=f"accrual:fee:{fee.id}",
                clause=str(fee.cite[0]) if fee.cite else "cdpa:4.27",
                payer=COMPANY,
                payee=fee.payee,
                start=None,
                end=None,
                months=None,
                rate=None,
                base=None,
                amount=fee.amount,
                form="cash",
                figure=Figure(
                    label=f"{fee.id} fee",
                    value=fee.amount,
                    unit=USD,
                    formula=(
                        f"stated fee, due at the Closing {day}"
                        + (", deducted from escrow" if fee.deducted_from_escrow else "")
                        if closed
                        else f"owed without a Closing; due on demand after termination {day}"
                    ),
                    clauses=clauses,
                ),
                due=day,
            )
        )


def _with_note(figure: Figure, note: str) -> Figure:
    return Figure(
        label=figure.label,
        value=figure.value,
        unit=figure.unit,
        formula=figure.formula,
        inputs=figure.inputs,
        clauses=figure.clauses,
        assumptions=(*figure.assumptions, note),
    )
