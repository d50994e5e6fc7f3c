"""The Standard Liquidated Damages Amount (SLDA) for one breach episode.

INS-SPA §2(f) L196-207 (M-LD-1): "three percent (3%) of the outstanding amount of the
Debentures per month plus accrued and unpaid interest on the Debentures, prorated for
partial months", in cash or shares at the Buyer's option. AMN-SPA §2(f) L155-168
(M-LD-3): "two percent (2%) ... for the first month and three percent (3%) ... for each
month thereafter", at the Company's option. Shares are priced at the Conversion Price at
the time of payment. M-LD-2 lists the triggers; the fold decides when an episode starts
and ends, this module prices it.

Readings (spec Appendix A), each recorded in the Figure's assumptions:

* ``slda.base`` (D-INS-20): **A** (default) ``rate-months x (P + I)``: interest is part
  of the base; **B** ``rate-months x P + I``: interest is added once;
* ``slda.scope``: ``per-holder`` (default; each Buyer on its own Debentures) or
  ``all-debentures`` (each Buyer on all outstanding Debentures);
* ``amn.first_month_restart``: the stepped schedule restarts for each episode
  (default) or runs over the holder's lifetime (pass the months already accrued);
* ``month_proration``: months of the episode, prorated (G-8: 15 days are 15/30 of a
  month under B and 15/31 under A or C in October).

The rate-months of ``m`` months under a stepped schedule are ``sum_k rate_k x (part of
months ]0, m] in step k)``: Amnis ``0.02 x min(m, 1) + 0.03 x max(m - 1, 0)``.

>>> from dealbook.terms.damages import RateStep
>>> amnis = (RateStep(from_month=1, rate=Decimal("0.02")), RateStep(from_month=2, rate=Decimal("0.03")))
>>> rate_months(amnis, Fraction(3))
Fraction(2, 25)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from fractions import Fraction

from dealbook.calendars.proration import months
from dealbook.core.figure import Figure
from dealbook.core.numbers import exact
from dealbook.core.source import ClauseRef
from dealbook.engine.interest import USD
from dealbook.engine.interest import as_fraction
from dealbook.engine.registration_payments import shares_for_amount
from dealbook.terms.conventions import Conventions
from dealbook.terms.damages import RateStep
from dealbook.terms.damages import StandardLiquidatedDamages


def rate_months(
    steps: Sequence[RateStep], elapsed: Fraction, *, prior: Fraction = Fraction(0)
) -> Fraction:
    """Sum of monthly rates over months ``]prior, prior + elapsed]`` of the schedule.

    Args:
        steps: the rate schedule; step ``k`` applies from month ``from_month`` (1-based)
            until the next step's first month.
        elapsed: months of this episode (prorated).
        prior: months of the schedule already used (lifetime reading), else 0.

    >>> from dealbook.terms.damages import RateStep
    >>> insynq = (RateStep(from_month=1, rate=Decimal("0.03")),)
    >>> rate_months(insynq, Fraction(1, 2))
    Fraction(3, 200)
    """
    if elapsed < 0 or prior < 0:
        raise ValueError(f"negative months: elapsed {elapsed}, prior {prior}")
    ordered = sorted(steps, key=lambda s: s.from_month)
    return _cumulative(ordered, prior + elapsed) - _cumulative(ordered, prior)


def _cumulative(steps: Sequence[RateStep], m: Fraction) -> Fraction:
    total = Fraction(0)
    for index, step in enumerate(steps):
        low = Fraction(step.from_month - 1)
        high = Fraction(steps[index + 1].from_month - 1) if index + 1 < len(steps) else None
        upper = m if high is None else min(m, high)
        if upper > low:
            total += Fraction(step.rate) * (upper - low)
    return total


def episode_months(start: date, end: date, conventions: Conventions) -> Figure:
    """Prorated months from ``start`` (day 0) to ``end``: the days after ``start`` through ``end``.

    >>> from dealbook.terms.conventions import Conventions
    >>> episode_months(date(2002, 10, 1), date(2002, 10, 16), Conventions()).value
    Fraction(15, 31)
    """
    method = conventions.month_proration
    return Figure(
        label="SLDA months",
        value=months(start, end, method),
        unit="months",
        formula=f"{(end - start).days} days from {start} to {end}, prorated",
        assumptions=(f"month_proration={method}",),
    )


def slda_amount(
    *,
    principal: Figure | Decimal,
    interest: Figure | Decimal,
    elapsed: Figure,
    terms: StandardLiquidatedDamages,
    conventions: Conventions,
    prior_months: Fraction = Fraction(0),
    holder: str = "",
) -> Figure:
    """SLDA for one episode of ``elapsed`` months on ``principal`` and accrued ``interest``.

    Args:
        principal: the outstanding Debentures in the base (the holder's own or all,
            per ``slda.scope``; see :func:`holder_slda`).
        interest: accrued and unpaid interest on those Debentures
            (:func:`dealbook.engine.interest.accrued_interest`).
        elapsed: months of the episode (:func:`episode_months`).
        terms: the deal's SLDA terms (rate schedule, citations).
        conventions: ``slda_base`` and ``slda_first_month_restart``.
        prior_months: months of the schedule the holder already used; only read under
            the ``per-holder-lifetime`` reading.
        holder: the payee, for the label.

    >>> from dealbook.terms.damages import RateStep, SldaTrigger, StandardLiquidatedDamages
    >>> from dealbook.terms.conventions import Conventions
    >>> terms = StandardLiquidatedDamages(rates=(RateStep(from_month=1, rate=Decimal("0.03")),),
    ...     chooser="holder", triggers=(SldaTrigger(id="covenant", what="breach"),))
    >>> one = Figure(label="months", value=Fraction(1), unit="months")
    >>> slda_amount(principal=Decimal("120000"), interest=Decimal("1200"), elapsed=one,
    ...             terms=terms, conventions=Conventions()).value
    Decimal('3636')
    """
    p = principal if isinstance(principal, Figure) else _usd("outstanding principal", principal)
    i = interest if isinstance(interest, Figure) else _usd("accrued and unpaid interest", interest)
    lifetime = conventions.slda_first_month_restart == "per-holder-lifetime"
    prior = prior_months if lifetime else Fraction(0)
    clauses = tuple(c.ref() for c in terms.cite)
    factor = rate_months(terms.rates, as_fraction(elapsed), prior=prior)
    schedule = ", ".join(f"{s.rate} from month {s.from_month}" for s in terms.rates)
    rate = Figure(
        label="rate-months",
        value=exact(factor),
        unit="1",
        formula=f"stepped monthly rates ({schedule}) over months {prior}..{prior + as_fraction(elapsed)}",
        inputs=(elapsed,),
        clauses=clauses,
        assumptions=(f"amn.first_month_restart={conventions.slda_first_month_restart}",),
    )
    if conventions.slda_base == "A":
        value = factor * (as_fraction(p) + as_fraction(i))
        formula = "rate-months x (principal + interest)"
    else:
        value = factor * as_fraction(p) + as_fraction(i)
        formula = "rate-months x principal + interest"
    who = f" to {holder}" if holder else ""
    return Figure(
        label=f"Standard Liquidated Damages Amount{who}",
        value=exact(value),
        unit=USD,
        formula=formula,
        inputs=(p, i, rate),
        clauses=clauses,
        assumptions=(f"slda.base={conventions.slda_base}",),
    )


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class HolderPosition:
    """A holder's outstanding Debentures and their accrued and unpaid interest."""

    principal: Decimal
    interest: Decimal = Decimal(0)


def holder_slda(
    positions: Mapping[str, HolderPosition],
    *,
    elapsed: Figure,
    terms: StandardLiquidatedDamages,
    conventions: Conventions,
    prior_months: Mapping[str, Fraction] | None = None,
) -> dict[str, Figure]:
    """The SLDA owed to each holder, on its own Debentures or on all of them (``slda.scope``)."""
    scope = conventions.slda_scope
    total_p = sum((pos.principal for pos in positions.values()), Decimal(0))
    total_i = sum((pos.interest for pos in positions.values()), Decimal(0))
    out: dict[str, Figure] = {}
    for holder, pos in positions.items():
        own = scope == "per-holder"
        principal = _usd(
            f"outstanding principal ({holder if own else 'all Debentures'})",
            pos.principal if own else total_p,
        )
        interest = _usd(
            f"accrued and unpaid interest ({holder if own else 'all Debentures'})",
            pos.interest if own else total_i,
        )
        figure = slda_amount(
            principal=principal,
            interest=interest,
            elapsed=elapsed,
            terms=terms,
            conventions=conventions,
            prior_months=(prior_months or {}).get(holder, Fraction(0)),
            holder=holder,
        )
        out[holder] = dataclasses.replace(
            figure, assumptions=(*figure.assumptions, f"slda.scope={scope}")
        )
    return out


def slda_shares(
    amount: Figure,
    conversion_price: Decimal,
    *,
    conventions: Conventions,
    terms: StandardLiquidatedDamages,
) -> Figure:
    """Shares for an SLDA paid in shares at the Conversion Price at the time of payment.

    >>> from dealbook.terms.damages import RateStep, SldaTrigger, StandardLiquidatedDamages
    >>> from dealbook.terms.conventions import Conventions
    >>> terms = StandardLiquidatedDamages(rates=(RateStep(from_month=1, rate=Decimal("0.03")),),
    ...     chooser="holder", triggers=(SldaTrigger(id="covenant", what="breach"),))
    >>> cash = Figure(label="SLDA", value=Decimal("3600"), unit="USD")
    >>> slda_shares(cash, Decimal("0.01"), conventions=Conventions(), terms=terms).value
    360000
    """
    clauses: tuple[ClauseRef, ...] = tuple(c.ref() for c in terms.cite)
    return shares_for_amount(
        amount,
        conversion_price,
        rounding=conventions.share_rounding,
        clauses=clauses,
        label=f"SLDA shares ({terms.chooser} chooses cash or shares)",
    )


def _usd(label: str, value: Decimal) -> Figure:
    return Figure(label=label, value=value, unit=USD)
