"""Conversion: Conversion Shares for principal and interest converted at the Conversion Price.

Each deal converts its Debentures into Conversion Shares / Underlying Shares (INS-SPA
§2(a) L102-112, which includes shares issued for interest; AMN-SPA §2(g) L180-189; HYT
recital and §4.13). The debenture forms with the exact conversion mechanics are not in
the seeds, so the deal file's ``Conversion`` term states the share rounding and whether
interest converts. Here::

    shares = round((principal converted + interest converted) / Conversion Price)

rounded with the deal's ``share_rounding`` (default down). A request larger than what is
outstanding is capped at the outstanding amount (and says so in :attr:`notes`), so the
shares and the residual principal and interest are never negative. The value of the
fractional share that rounding leaves out is reported, not re-credited to principal.

>>> from dealbook.terms.base import CitedPrice
>>> from dealbook.terms.securities import Conversion, FixedPrice
>>> terms = Conversion(price=FixedPrice(kind="fixed", price=CitedPrice(value=Decimal("0.05"))))
>>> result = convert(principal_outstanding=Decimal("500000"), interest_accrued=Decimal("2000"),
...                  price=Decimal("0.05"), conversion=terms, principal=Decimal("100000"))
>>> result.shares.value, result.residual_principal.value, result.residual_interest.value
(2040000, Decimal('400000'), Decimal('0'))
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from fractions import Fraction

from dealbook.core.figure import Figure
from dealbook.core.numbers import CONTEXT
from dealbook.core.numbers import exact
from dealbook.core.numbers import round_shares
from dealbook.engine.conversion_price import ExactValue
from dealbook.engine.conversion_price import as_figure
from dealbook.engine.conversion_price import cited
from dealbook.engine.conversion_price import figure_fraction
from dealbook.terms.securities import Conversion

USD = "USD"


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class ConversionResult:
    """The shares a conversion yields and what stays outstanding."""

    shares: Figure
    """Whole Conversion Shares (int)."""
    amount_converted: Figure
    principal_converted: Figure
    interest_converted: Figure
    residual_principal: Figure
    residual_interest: Figure
    fractional_value: Figure
    """``amount - shares x price``: positive when rounding dropped a fraction of a share."""
    notes: tuple[str, ...] = ()
    """How the request was adjusted (capped at the outstanding amount, interest not convertible)."""


def convert(
    *,
    principal_outstanding: Decimal,
    interest_accrued: Decimal,
    price: ExactValue | Figure,
    conversion: Conversion,
    principal: Decimal | None = None,
    interest: Decimal | None = None,
) -> ConversionResult:
    """Convert ``principal`` and ``interest`` (default: all outstanding) at ``price``.

    Args:
        principal_outstanding: principal outstanding before the conversion.
        interest_accrued: accrued and unpaid interest before the conversion.
        price: the Conversion Price (e.g. :attr:`PriceEvaluation.figure`).
        conversion: the deal's conversion term (share rounding, whether interest converts).
        principal: principal the Notice of Conversion converts (default: all).
        interest: interest it converts (default: all accrued, when interest converts).

    Raises:
        ValueError: for a negative amount or a price that is not positive (caller bugs:
            evaluate the price first and check :attr:`PriceEvaluation.ok`).
    """
    price_figure = as_figure(price, label="Conversion Price")
    unit_price = figure_fraction(price_figure)
    if unit_price <= 0:
        raise ValueError(f"the Conversion Price must be positive, got {unit_price}")
    amounts = (principal_outstanding, interest_accrued, principal, interest)
    if any(value is not None and value < 0 for value in amounts):
        raise ValueError("amounts converted or outstanding cannot be negative")
    notes: list[str] = []
    want_principal = principal_outstanding if principal is None else principal
    if want_principal > principal_outstanding:
        notes.append(f"principal {want_principal} capped at outstanding {principal_outstanding}")
        want_principal = principal_outstanding
    want_interest = interest_accrued if interest is None else interest
    if not conversion.converts_interest:
        if interest:
            notes.append("interest does not convert under this deal's conversion term")
        want_interest = Decimal(0)
    elif want_interest > interest_accrued:
        notes.append(f"interest {want_interest} capped at accrued {interest_accrued}")
        want_interest = interest_accrued
    refs, assumed = cited(conversion.cite, conversion.assumption)
    mode = conversion.share_rounding
    principal_fig = Figure(label="principal converted", value=want_principal, unit=USD)
    interest_fig = Figure(label="interest converted", value=want_interest, unit=USD)
    total = CONTEXT.add(want_principal, want_interest)
    amount = Fraction(total)
    amount_fig = Figure(
        label="amount converted",
        value=exact(amount),
        unit=USD,
        formula="principal + interest",
        inputs=(principal_fig, interest_fig),
    )
    shares = round_shares(amount / unit_price, mode)
    shares_fig = Figure(
        label="Conversion Shares",
        value=shares,
        unit="shares",
        formula=f"round_{mode}(amount / Conversion Price)",
        inputs=(amount_fig, price_figure),
        clauses=refs,
        assumptions=(f"rounding.shares={mode}", *assumed),
    )
    return ConversionResult(
        shares=shares_fig,
        amount_converted=amount_fig,
        principal_converted=principal_fig,
        interest_converted=interest_fig,
        residual_principal=Figure(
            label="principal outstanding after conversion",
            value=exact(Fraction(CONTEXT.subtract(principal_outstanding, want_principal))),
            unit=USD,
            formula="outstanding - converted",
            inputs=(principal_fig,),
        ),
        residual_interest=Figure(
            label="accrued interest after conversion",
            value=exact(Fraction(CONTEXT.subtract(interest_accrued, want_interest))),
            unit=USD,
            formula="accrued - converted",
            inputs=(interest_fig,),
        ),
        fractional_value=Figure(
            label="value of the fractional share not issued",
            value=exact(amount - shares * unit_price),
            unit=USD,
            formula="amount - shares x Conversion Price",
            inputs=(amount_fig, shares_fig),
            assumptions=("fractional share value is reported, not re-credited",),
        ),
        notes=tuple(notes),
    )
