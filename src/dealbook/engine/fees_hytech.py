"""Hy-Tech transaction fees and the net escrow release at Closing (M-FEE-3, HYT §4.27).

HYT §4.27 (L1378-1385): the Company pays "(a) to KGL (i) $25,000 for document
preparation fees; and (ii) all reasonable disbursements and expenses incurred by KGL ...
and (b) $5,000 to the Escrow Agent for the escrow agent fee"; all are "paid at Closing
and the Escrow Agent shall deduct such fees and expenses directly from escrow". They are
owed "regardless of whether the transactions ... are closed", except the escrow agent
fee (D-HYT-18: without a Closing there is no escrow deduction to pay them from). G-18:
``25,000 + 5,000 = 30,000``; the escrow releases ``750,000 - 30,000 = 720,000`` less
KGL's disbursements.

>>> from dealbook.terms.fees import FixedFee
>>> kgl = FixedFee(id="kgl", payee="kgl", amount=Decimal(25_000), plus_disbursements=True,
...                deducted_from_escrow=True)
>>> fees_due([kgl], closed=True).value
Decimal('25000')
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

from dealbook.core.figure import Figure
from dealbook.core.numbers import exact
from dealbook.core.source import ClauseRef
from dealbook.engine.conversion_price import cited
from dealbook.terms.fees import FixedFee

SECTION_4_27 = ClauseRef(doc="hyt", section="4.27", lines=(1378, 1385))
"""HYT §4.27, used when a fee term carries no citation of its own."""

USD = "USD"


def _fee_figure(fee: FixedFee) -> Figure:
    refs, assumed = cited(fee.cite, fee.assumption)
    return Figure(
        label=f"{fee.id} fee",
        value=fee.amount,
        unit=USD,
        formula=f"stated, payable to {fee.payee}",
        clauses=refs or (SECTION_4_27,),
        assumptions=assumed,
    )


def fees_due(
    fees: Sequence[FixedFee], *, closed: bool, disbursements: Decimal = Decimal(0)
) -> Figure:
    """Fees the Company owes: all at a Closing, else only those owed without one.

    Args:
        fees: the deal's fixed fees.
        closed: whether the Closing happened.
        disbursements: reasonable disbursements of payees whose fee adds them (KGL).
    """
    owed = [fee for fee in fees if closed or fee.owed_without_closing]
    inputs = [_fee_figure(fee) for fee in owed]
    total = sum((Fraction(fee.amount) for fee in owed), Fraction(0))
    if any(fee.plus_disbursements for fee in owed):
        inputs.append(Figure(label="disbursements", value=disbursements, unit=USD))
        total += Fraction(disbursements)
    return Figure(
        label="fees due" if closed else "fees due without a Closing",
        value=exact(total),
        unit=USD,
        formula="sum of fees + disbursements",
        inputs=tuple(inputs),
        clauses=(SECTION_4_27,),
    )


def net_escrow_release(
    *, escrow_cash: Decimal, fees: Sequence[FixedFee], disbursements: Decimal = Decimal(0)
) -> Figure:
    """Cash the Escrow Agent releases to the Company at Closing, after deducting the fees.

    Only fees marked ``deducted_from_escrow`` (and their disbursements) are deducted.
    """
    deducted = [fee for fee in fees if fee.deducted_from_escrow]
    fee_figures = [_fee_figure(fee) for fee in deducted]
    total = sum((Fraction(fee.amount) for fee in deducted), Fraction(0))
    fees_total = Figure(
        label="fees deducted from escrow",
        value=exact(total),
        unit=USD,
        formula="sum of fees",
        inputs=tuple(fee_figures),
        clauses=(SECTION_4_27,),
    )
    inputs = [Figure(label="escrowed Purchase Price", value=escrow_cash, unit=USD), fees_total]
    net = Fraction(escrow_cash) - total
    if any(fee.plus_disbursements for fee in deducted):
        inputs.append(Figure(label="disbursements", value=disbursements, unit=USD))
        net -= Fraction(disbursements)
    return Figure(
        label="net escrow release",
        value=exact(net),
        unit=USD,
        formula="escrow cash - fees - disbursements",
        inputs=tuple(inputs),
        clauses=(SECTION_4_27,),
    )
