"""Escrow top-up: keeping the Escrow Shares at 200% of the Full Conversion Shares (M-ESC-2).

HYT §4.13 (L990-1000): whenever the conversion price makes the Escrow Shares held for
the Debentures "less than 200% of the number of shares ... needed to satisfy full
conversion of all of the Debentures given the then current conversion price (the 'FULL
CONVERSION SHARES')", then "upon ten (10) Business Days written notice" the Company issues
more certificates "in denominations of 10,000 shares" so that the Escrow Shares equal
200% of the Full Conversion Shares. Here::

    FCS       = ceil(principal [+ interest] / conversion price)
    required  = ceil(threshold x FCS)                       (threshold 2)
    shortfall = required - escrow  if escrow < required, else 0 (equal is not "less than")
    issue     = ceil(shortfall / 10,000) x 10,000   (hyt.topup_rounding=up, default)
              = shortfall, the last certificate an odd lot   (hyt.topup_rounding=exact)
    due       = notice receipt + 10 Business Days

Nothing in §4.13 caps a top-up at the authorized but unissued shares; the result says by
how much a top-up exceeds the headroom given (G-10, G-13). :func:`break_even_price` is
the price at which the escrow is exactly 200% (G-13: 0.30).

>>> from dealbook.calendars.duration import parse_duration
>>> hyt = TopUp(threshold=Decimal(2), certificate_shares=10_000,
...             due=parse_duration("10 business-days"), notice_from=("purchaser",))
>>> result = escrow_topup(principal=Decimal("750000"), price=Decimal("0.15"),
...                       escrow_shares=5_000_000, topup=hyt, conventions=Conventions())
>>> result.shortfall.value, result.certificates.value
(5000000, 500)
"""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal
from fractions import Fraction

from dealbook.core.figure import Figure
from dealbook.core.numbers import exact
from dealbook.core.source import ClauseRef
from dealbook.engine.clock import DealClock
from dealbook.engine.conversion_price import ExactValue
from dealbook.engine.conversion_price import as_figure
from dealbook.engine.conversion_price import figure_fraction
from dealbook.terms.conventions import Conventions
from dealbook.terms.escrow import TopUp

SECTION_4_13 = ClauseRef(doc="hyt", section="4.13", lines=(990, 1000))
"""HYT §4.13, used when the top-up term carries no citation of its own."""

SHARES = "shares"


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class TopUpResult:
    """The top-up test at one conversion price and what it requires."""

    full_conversion_shares: Figure
    required: Figure
    escrow_held: Figure
    triggered: bool
    """Whether the escrow is below the threshold (strictly less than 200%)."""
    shortfall: Figure
    certificates: Figure
    """Number of certificates to issue (int), the odd lot included."""
    shares_to_issue: Figure
    over_need: Figure
    """Shares issued beyond the shortfall because of whole 10,000-share certificates."""
    odd_lot: Figure
    """Shares on a last certificate below 10,000 (only under the ``exact`` reading)."""
    due: Figure | None = None
    """Delivery deadline (date), when a notice receipt was given and the test failed."""
    headroom_excess: Figure | None = None
    """Shares to issue beyond the authorized headroom given (0 when within)."""

    @property
    def within_headroom(self) -> bool | None:
        """Whether the shares to issue fit in the headroom (``None`` when none was given)."""
        if self.headroom_excess is None:
            return None
        return self.headroom_excess.value == 0


def full_conversion_shares(
    *,
    principal: Decimal,
    price: ExactValue | Figure,
    topup: TopUp,
    interest: Decimal = Decimal(0),
) -> Figure:
    """Shares needed to convert all the Debentures at ``price``, rounded up.

    Raises:
        ValueError: when ``price`` is not positive (a caller bug).

    >>> from dealbook.calendars.duration import parse_duration
    >>> hyt = TopUp(threshold=Decimal(2), certificate_shares=10_000,
    ...             due=parse_duration("10 business-days"), notice_from=("purchaser",))
    >>> full_conversion_shares(principal=Decimal("750000"), price=Decimal("0.07"), topup=hyt).value
    10714286
    """
    price_figure = as_figure(price, label="conversion price")
    unit_price = figure_fraction(price_figure)
    if unit_price <= 0:
        raise ValueError(f"the conversion price must be positive, got {unit_price}")
    refs = tuple(c.ref() for c in topup.cite) or (SECTION_4_13,)
    amount = Fraction(principal)
    inputs = [Figure(label="principal outstanding", value=principal, unit="USD")]
    what = "principal"
    if topup.full_conversion_includes_interest:
        amount += Fraction(interest)
        inputs.append(Figure(label="accrued interest", value=interest, unit="USD"))
        what = "(principal + interest)"
    return Figure(
        label="Full Conversion Shares",
        value=_ceil(amount / unit_price),
        unit=SHARES,
        formula=f"ceil({what} / conversion price)",
        inputs=(*inputs, price_figure),
        clauses=refs,
        assumptions=(
            "full_conversion_shares=rounded-up",
            f"full_conversion_shares.interest={str(topup.full_conversion_includes_interest).lower()}",
        ),
    )


def escrow_topup(
    *,
    principal: Decimal,
    price: ExactValue | Figure,
    escrow_shares: int,
    topup: TopUp,
    conventions: Conventions,
    interest: Decimal = Decimal(0),
    notice_receipt: date | None = None,
    clock: DealClock | None = None,
    headroom: int | None = None,
) -> TopUpResult:
    """The §4.13 test and top-up at ``price``.

    Args:
        principal: principal of all outstanding Debentures.
        price: the then-current conversion price.
        escrow_shares: Escrow Shares now held against the Debentures (initially 5,000,000).
        topup: the deal's top-up term.
        conventions: the ``topup_rounding`` reading.
        interest: accrued interest, counted only if the term says full conversion includes it.
        notice_receipt: when the Company received the written notice (for the due date).
        clock: the deal's clock (required with ``notice_receipt``).
        headroom: authorized but unissued shares available, to report any excess.
    """
    refs = tuple(c.ref() for c in topup.cite) or (SECTION_4_13,)
    fcs = full_conversion_shares(principal=principal, price=price, topup=topup, interest=interest)
    fcs_value = figure_fraction(fcs)
    threshold = Figure(label="threshold", value=topup.threshold, unit="x FCS", clauses=refs)
    required = Figure(
        label="Escrow Shares required",
        value=_ceil(Fraction(topup.threshold) * fcs_value),
        unit=SHARES,
        formula="ceil(threshold x FCS)",
        inputs=(threshold, fcs),
    )
    held = Figure(label="Escrow Shares held for the Debentures", value=escrow_shares, unit=SHARES)
    need = int(figure_fraction(required))
    triggered = escrow_shares < need
    short = need - escrow_shares if triggered else 0
    shortfall = Figure(
        label="shortfall",
        value=short,
        unit=SHARES,
        formula="required - held if held < required (equal is not less than), else 0",
        inputs=(required, held),
        clauses=refs,
    )
    lot = topup.certificate_shares
    count = _ceil(Fraction(short, lot))
    reading = f"hyt.topup_rounding={conventions.topup_rounding}"
    if conventions.topup_rounding == "up":
        issue, odd = count * lot, 0
        how = f"ceil(shortfall / {lot}) certificates of {lot}"
    else:
        issue, odd = short, short % lot
        how = f"exactly the shortfall: whole certificates of {lot} plus an odd lot"
    certificates = Figure(
        label="certificates to issue",
        value=count,
        unit="certificates",
        formula=how,
        inputs=(shortfall,),
        clauses=refs,
        assumptions=(reading,),
    )
    to_issue = Figure(
        label="shares to issue",
        value=issue,
        unit=SHARES,
        formula=how,
        inputs=(shortfall,),
        clauses=refs,
        assumptions=(reading,),
    )
    over = Figure(
        label="shares beyond the shortfall",
        value=issue - short,
        unit=SHARES,
        formula="shares to issue - shortfall",
        inputs=(to_issue, shortfall),
    )
    odd_lot = Figure(label="odd-lot certificate", value=odd, unit=SHARES, assumptions=(reading,))
    due = None
    if triggered and notice_receipt is not None:
        if clock is None:
            raise ValueError("a clock is needed to compute the top-up due date")
        due = Figure(
            label="top-up due",
            value=clock.add(notice_receipt, topup.due),
            formula=f"notice receipt + {clock.describe(topup.due)}",
            inputs=(Figure(label="notice received", value=notice_receipt),),
            clauses=refs,
        )
    excess = None
    if headroom is not None:
        room = Figure(label="authorized headroom", value=headroom, unit=SHARES)
        excess = Figure(
            label="shares beyond the authorized headroom",
            value=max(issue - headroom, 0),
            unit=SHARES,
            formula="max(shares to issue - headroom, 0); §4.13 states no cap",
            inputs=(to_issue, room),
        )
    return TopUpResult(
        full_conversion_shares=fcs,
        required=required,
        escrow_held=held,
        triggered=triggered,
        shortfall=shortfall,
        certificates=certificates,
        shares_to_issue=to_issue,
        over_need=over,
        odd_lot=odd_lot,
        due=due,
        headroom_excess=excess,
    )


def break_even_price(*, principal: Decimal, escrow_shares: int, topup: TopUp) -> Figure:
    """The conversion price at which the escrow is exactly the threshold (G-13: 0.30).

    Below it the top-up is triggered: ``principal / (escrow / threshold)``.

    >>> from dealbook.calendars.duration import parse_duration
    >>> hyt = TopUp(threshold=Decimal(2), certificate_shares=10_000,
    ...             due=parse_duration("10 business-days"), notice_from=("purchaser",))
    >>> break_even_price(principal=Decimal("750000"), escrow_shares=5_000_000, topup=hyt).value
    Decimal('0.3')
    """
    refs = tuple(c.ref() for c in topup.cite) or (SECTION_4_13,)
    value = Fraction(principal) / (Fraction(escrow_shares) / Fraction(topup.threshold))
    return Figure(
        label="break-even conversion price",
        value=exact(value),
        unit="USD/share",
        formula="principal / (escrow shares / threshold)",
        inputs=(
            Figure(label="principal", value=principal, unit="USD"),
            Figure(label="Escrow Shares held for the Debentures", value=escrow_shares, unit=SHARES),
            Figure(label="threshold", value=topup.threshold, unit="x FCS"),
        ),
        clauses=refs,
    )


def _ceil(value: Fraction) -> int:
    return -((-value.numerator) // value.denominator)
