"""Replay mechanism: the Standard Liquidated Damages Amount (INS-SPA §2(f), AMN-SPA §2(f)).

One :class:`Accrual` per holder per episode (``slda_episodes.episodes``), payer the
Company, priced by :func:`dealbook.engine.slda.slda_amount` on the holder's own
Debentures (``slda.scope=per-holder``) or on all of them, with the interest read
through :func:`~dealbook.engine.replay.book.interest_figure`. Principal and interest are
measured on the last day counted (the as-of date while running), so conversions and
fundings flow through the Book. The form follows the chooser: ``cash-or-shares`` until
an ``election`` for the SLDA clause says otherwise; shares are priced at the Conversion
Price at the as-of date (the payment date is not known yet).

Readings: ``slda.base`` (A/B), ``slda.scope``, ``slda.stacking`` (per-clause adds a §4
covenant stream for every derived §4(h)/§4(l) episode; a ``breach`` of those sections
overlapping a derived episode is dropped with a warning either way),
``slda.opinion_start``, ``amn.first_month_restart``, ``slda.payee_reading`` (D-INS-2:
"pay to the Borrower" read literally leaves the shortfall damages without a payee).
"""

from __future__ import annotations

import dataclasses
from datetime import date
from datetime import timedelta
from decimal import Decimal
from fractions import Fraction

from dealbook.calendars.proration import explain_months
from dealbook.calendars.proration import months
from dealbook.core.diagnostics import Diagnostic
from dealbook.core.diagnostics import Severity
from dealbook.core.figure import Figure
from dealbook.core.numbers import divide
from dealbook.core.numbers import exact
from dealbook.core.numbers import round_shares
from dealbook.engine.interest import USD
from dealbook.engine.replay.book import Book
from dealbook.engine.replay.book import Handler
from dealbook.engine.replay.book import interest_figure
from dealbook.engine.replay.context import ReplayContext
from dealbook.engine.replay.contribution import Contribution
from dealbook.engine.replay.mechanisms.ownership import Owned
from dealbook.engine.replay.mechanisms.reserve import status_of
from dealbook.engine.replay.mechanisms.slda_episodes import COVENANT
from dealbook.engine.replay.mechanisms.slda_episodes import DERIVED_SECTION
from dealbook.engine.replay.mechanisms.slda_episodes import OPINION
from dealbook.engine.replay.mechanisms.slda_episodes import SHORTFALL
from dealbook.engine.replay.mechanisms.slda_episodes import SldaEpisode
from dealbook.engine.replay.mechanisms.slda_episodes import episodes
from dealbook.engine.replay.mechanisms.slda_episodes import overlaps
from dealbook.engine.replay.mechanisms.slda_episodes import section_of
from dealbook.engine.replay.mechanisms.slda_episodes import trigger_kind
from dealbook.engine.replay.model import Accrual
from dealbook.engine.replay.model import Deadline
from dealbook.engine.replay.pricing import latest_conversion_price
from dealbook.engine.slda import slda_amount
from dealbook.ledger.base import EventBase
from dealbook.ledger.events_holders import OpinionAccepted
from dealbook.ledger.events_holders import OpinionDelivered
from dealbook.terms.damages import StandardLiquidatedDamages

OBLIGATIONS: Owned = {"opinion": frozenset({"opinion-acceptance", "accept-transfer-opinion"})}
"""The dated obligations the SLDA mechanism judges (the opinion accepted within 3 business days)."""

HANDLERS: dict[type[EventBase], Handler] = {}


def _decimal(value: object) -> Decimal:
    if isinstance(value, Fraction):
        return divide(value.numerator, value.denominator)
    assert isinstance(value, Decimal | int)
    return Decimal(value)


def stacked(
    ctx: ReplayContext, found: list[SldaEpisode]
) -> tuple[list[SldaEpisode], list[Diagnostic]]:
    """Apply ``slda.stacking``: drop duplicate breaches; per-clause adds covenant streams."""
    derived = [e for e in found if e.kind in DERIVED_SECTION]
    damages = ctx.deal.damages.standard
    covenant = next(
        (t for t in (damages.triggers if damages else ()) if trigger_kind(t) == COVENANT), None
    )
    out: list[SldaEpisode] = []
    problems: list[Diagnostic] = []
    for item in found:
        if item.kind == COVENANT and item.index >= 0:
            section = section_of(item.clause)
            twins = [
                d
                for d in derived
                if DERIVED_SECTION[d.kind] == section and overlaps(item, d, ctx.as_of)
            ]
            if twins:
                problems.append(
                    ctx.diagnostic(
                        "REPLAY-SLDA-STACKED",
                        f"the breach of §{section} on {item.after} is the same episode as "
                        f"{twins[0].why}; it is counted once (slda.stacking="
                        f"{ctx.conventions.slda_stacking})",
                        item.index,
                        hint="record only the derived facts (report_delivered, capitalization)",
                        error=False,
                    )
                )
                continue
        out.append(item)
    if ctx.conventions.slda_stacking == "per-clause" and covenant is not None:
        out.extend(
            dataclasses.replace(
                d, trigger=covenant, kind=COVENANT, tag=f"{d.trigger.id}-{d.tag}", index=-1
            )
            for d in derived
        )
    return out, problems


def _form(
    ctx: ReplayContext, book: Book, terms: StandardLiquidatedDamages, holder: str, clause: str
) -> str:
    names = {clause, *(str(c) for c in terms.cite)}
    chosen = [e for e in book.elections if e.holder == holder and e.clause in names]
    return str(chosen[-1].form) if chosen else "cash-or-shares"


def _readings(ctx: ReplayContext, episode: SldaEpisode, *, stepped: bool) -> tuple[str, ...]:
    c = ctx.conventions
    out = [
        f"slda.base={c.slda_base}",
        f"slda.scope={c.slda_scope}",
        f"slda.stacking={c.slda_stacking}",
        f"month_proration={c.month_proration}",
    ]
    if stepped:
        out.append(f"amn.first_month_restart={c.slda_first_month_restart}")
    if episode.kind == OPINION:
        out.append(f"slda.opinion_start={c.slda_opinion_start}")
    if episode.kind == SHORTFALL:
        out += [
            f"reserve.shortfall_reading={c.reserve_shortfall_reading}",
            f"reserve.gate_before_approval={c.reserve_gate_before_approval}",
            f"slda.payee_reading={c.slda_payee_reading}",
        ]
    return tuple(out)


def _base(ctx: ReplayContext, book: Book, holder: str, day: date) -> tuple[Figure, Figure]:
    if ctx.conventions.slda_scope == "per-holder":
        principal = book.principal_on(holder, day)
        interest = interest_figure(ctx, book, holder, day)
        return Figure(
            label=f"outstanding principal of {holder} on {day}", value=principal, unit=USD
        ), interest
    total = book.total_principal_on(day)
    parts = [interest_figure(ctx, book, h, day) for h in book.holders]
    value = sum(
        (Fraction(p.value) for p in parts if isinstance(p.value, Decimal | Fraction)), Fraction(0)
    )
    interest = Figure(
        label=f"accrued unpaid interest, all Debentures, on {day}",
        value=exact(value),
        unit=USD,
        inputs=tuple(parts),
    )
    return Figure(
        label=f"outstanding principal, all Debentures, on {day}", value=total, unit=USD
    ), interest


def _accrual(
    ctx: ReplayContext,
    book: Book,
    terms: StandardLiquidatedDamages,
    episode: SldaEpisode,
    holder: str,
    prior: Fraction,
) -> tuple[Accrual, Fraction] | None:
    end = episode.through or ctx.as_of
    if end <= episode.after:
        return None
    elapsed = months(episode.after, end, ctx.conventions.month_proration)
    principal, interest = _base(ctx, book, holder, end)
    if principal.value == 0:
        return None
    clause = str(episode.trigger.cite[0]) if episode.trigger.cite else str(terms.cite[0])
    elapsed_figure = Figure(
        label="SLDA months",
        value=elapsed,
        unit="months",
        formula=explain_months(episode.after, end, ctx.conventions.month_proration).replace(
            "\n", " "
        ),
        assumptions=(f"month_proration={ctx.conventions.month_proration}",),
    )
    amount = slda_amount(
        principal=principal,
        interest=interest,
        elapsed=elapsed_figure,
        terms=terms,
        conventions=ctx.conventions,
        prior_months=prior,
        holder=holder,
    )
    stepped = len(terms.rates) > 1
    readings = _readings(ctx, episode, stepped=stepped)
    why = Figure(
        label=episode.why,
        value=episode.after,
        unit="date",
        clauses=tuple(c.ref() for c in episode.trigger.cite),
    )
    figure = dataclasses.replace(
        amount,
        inputs=(*amount.inputs, why),
        assumptions=(*amount.assumptions, *readings),
    )
    value = _decimal(amount.value)
    p = Fraction(_decimal(principal.value))
    i = Fraction(interest.value) if isinstance(interest.value, Decimal | Fraction) else Fraction(0)
    base = p + i if ctx.conventions.slda_base == "A" else p
    form = _form(ctx, book, terms, holder, clause)
    shares = None
    if form == "shares":
        price = latest_conversion_price(ctx)
        if price.ok:
            shares = round_shares(
                Fraction(value) / Fraction(price.price), ctx.conventions.share_rounding
            )
    accrual = Accrual(
        id=f"accrual:slda-{episode.trigger.id}:{holder}:{episode.tag}",
        clause=clause,
        payer="company",
        payee=holder,
        start=episode.after + timedelta(days=1),
        end=end,
        months=elapsed,
        rate=terms.rates[0].rate if not stepped else None,
        base=_decimal(base),
        amount=value,
        form=form,
        figure=figure,
        shares=shares,
        running=episode.through is None,
        readings=readings,
    )
    return accrual, elapsed


def _opinion_deadlines(ctx: ReplayContext, out: Contribution) -> None:
    damages = ctx.deal.damages.standard
    trigger = next(
        (t for t in (damages.triggers if damages else ()) if trigger_kind(t) == OPINION), None
    )
    if trigger is None or trigger.grace is None:
        return
    accepted = [(i.date, i.holder) for i in ctx.events(OpinionAccepted)]
    used: set[int] = set()
    for item in ctx.events(OpinionDelivered):
        due = ctx.clock.add(item.date, trigger.grace)
        done = None
        for n, (day, holder) in enumerate(accepted):
            if n not in used and holder == item.holder and day >= item.date:
                used.add(n)
                done = day
                break
        out.deadlines.append(
            Deadline(
                id=f"slda:opinion:{item.holder}:{item.id or item.date.isoformat()}",
                clause=str(trigger.cite[0]) if trigger.cite else "spa:2(f)",
                what=f"accept the opinion of counsel delivered by {item.holder} on {item.date}",
                obligor="company",
                due=due,
                status=status_of(due, done, ctx.as_of),
                done_on=done,
                figure=Figure(
                    label="opinion acceptance due",
                    value=due,
                    unit="date",
                    formula=f"delivery {item.date} + {ctx.clock.describe(trigger.grace)}",
                    clauses=tuple(c.ref() for c in trigger.cite),
                ),
            )
        )


def contribute(ctx: ReplayContext, book: Book) -> Contribution:
    """Every SLDA accrual of the deal's triggers, one per holder per episode."""
    out = Contribution()
    terms = ctx.deal.damages.standard
    if terms is None:
        return out
    _opinion_deadlines(ctx, out)
    found, problems = stacked(ctx, episodes(ctx, book))
    out.diagnostics.extend(problems)
    used: dict[str, Fraction] = {}
    for episode in sorted(found, key=lambda e: (e.after, e.trigger.id, e.tag)):
        if episode.kind == SHORTFALL and ctx.conventions.slda_payee_reading == "literal-borrower":
            cite = episode.trigger.cite[0].ref() if episode.trigger.cite else None
            if cite is not None:
                out.diagnostics.append(
                    Diagnostic(
                        code="REPLAY-SLDA-NO-PAYEE",
                        severity=Severity.WARNING,
                        message=f'{episode.why}: the clause pays "the Borrower", who is no '
                        "party (D-INS-2); read literally no SLDA is payable to the Buyers",
                        clause=cite,
                        hint="slda.payee_reading=buyer pays each Buyer",
                    )
                )
            continue
        for holder in episode.holders:
            made = _accrual(ctx, book, terms, episode, holder, used.get(holder, Fraction(0)))
            if made is None:
                continue
            accrual, elapsed = made
            used[holder] = used.get(holder, Fraction(0)) + elapsed
            out.accruals.append(accrual)
    return out
