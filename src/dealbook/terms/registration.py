"""Registration rights: Filing Date, Effectiveness Deadline and registration delay payments.

INS-RRA §2(a) (Filing Date = earlier of August-2003 Funding Date + 10 days and
termination + 30 days; register 2x the shares issuable), §2(c) (Effectiveness Deadline
= Filing Date + 90 days; payments of 0.02 x outstanding principal per month, prorated,
over periods (i)-(iii)), §3(f) (Allowed Delays of at most 10 consecutive and 20 trading
days in any 12 months). HYT §2.2(a) and the Effective Date definition (file within 45
calendar days of execution; effective no later than 2003-08-28).
"""

from __future__ import annotations

from typing import Annotated
from typing import Literal

from pydantic import Field
from pydantic.dataclasses import rebuild_dataclass

from dealbook.terms.base import Assumption
from dealbook.terms.base import Cites
from dealbook.terms.base import DurationText
from dealbook.terms.base import IsoDate
from dealbook.terms.base import Multiple
from dealbook.terms.base import Rate
from dealbook.terms.base import Slug
from dealbook.terms.base import term


@term
class FixedDeadline:
    """A deadline stated as a date."""

    kind: Literal["date"]
    date: IsoDate


@term
class AfterAnchor:
    """A deadline a duration after an event (``anchor``)."""

    kind: Literal["after"]
    anchor: Slug
    within: DurationText


@term
class EarliestOf:
    """The earliest of several deadlines, ignoring branches whose anchor never happens."""

    kind: Literal["earliest-of"]
    of: tuple[Deadline, ...] = Field(min_length=2)


Deadline = Annotated[FixedDeadline | AfterAnchor | EarliestOf, Field(discriminator="kind")]
rebuild_dataclass(EarliestOf)  # type: ignore[arg-type]  # a pydantic dataclass at runtime (see terms.base.term)


@term
class DeadlineTerm:
    """A cited deadline rule."""

    rule: Deadline
    cite: Cites = ()
    assumption: Assumption | None = None


@term
class AllowedDelay:
    """Blackout periods that suspend the no-sales payment count (INS-RRA §3(f))."""

    max_consecutive: DurationText
    max_in_window: DurationText
    window: DurationText
    cite: Cites = ()
    assumption: Assumption | None = None


@term
class DelayPayments:
    """RRA §2(c): ``base x rate x months`` per holder, months prorated."""

    rate_per_month: Rate
    base: Literal["outstanding-principal"] = "outstanding-principal"
    periods: tuple[Literal["not-filed-or-not-effective", "no-sales", "not-listed"], ...]
    form: Literal["cash", "cash-or-shares"] = "cash-or-shares"
    chooser: Literal["holder", "company"] = "holder"
    share_price: Literal["conversion-price-on-payment-date"] = "conversion-price-on-payment-date"
    example: str | None = None
    """The clause's own worked example, quoted (G-1)."""
    cite: Cites = ()
    assumption: Assumption | None = None


@term
class Registration:
    """Registration rights of the deal."""

    form: str | None = None
    registrable: str
    """What must be registered, in the agreement's words."""
    share_multiple: Multiple | None = None
    """Registration Statement size as a multiple of the shares issuable (INS-RRA §2(a): 2)."""
    filing_deadline: DeadlineTerm
    effectiveness_deadline: DeadlineTerm
    delay_payments: DelayPayments | None = None
    allowed_delay: AllowedDelay | None = None
    piggyback_request_window: DurationText | None = None
    s3_conversion_filing: DurationText | None = None
    s3_effectiveness: DurationText | None = None
    insufficient_shares: tuple[DurationText, DurationText, DurationText] | None = None
    """INS-RRA §3(b): file within, effective within, payments after (15 D, 30 D, 90 D)."""
    registration_period: str | None = None
    cite: Cites = ()
    assumption: Assumption | None = None
