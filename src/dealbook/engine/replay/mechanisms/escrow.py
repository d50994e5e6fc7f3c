"""Replay mechanism: the Escrow Shares and their top-up to 200% (HYT §4.12-4.13, M-ESC-1/2).

At signing the Company issues the Escrow Shares into escrow in the Purchaser's name: per
the deal's ``escrow.lots`` (Hy-Tech: 5,000,000 against the Underlying Shares, 2,500,000
against the Warrant Shares, 2,500,000 Initial Warrant Escrow Shares). ``escrow_topup``
events add shares to the lot held against the Debentures. The Escrow Agreements' release
rules are not in the seed, so nothing is released on conversion (``released`` stays 0).

§4.13: when the Escrow Shares held for the Debentures fall below 200% of the Full
Conversion Shares at the then-current Conversion Price (``engine/replay/pricing.py``),
then "upon ten (10) Business Days written notice" (a ``notice`` of kind ``escrow_topup``
from the Purchaser or the Escrow Agent) the Company issues 10,000-share certificates
(``hyt.topup_rounding``) to bring them to 200%. Each effective notice that finds the escrow
short is a :class:`Deadline`, met when the escrow for the Debentures reaches the level the
notice required. The top-up is not capped at the authorized headroom, so one that exceeds
it is reported (``REPLAY-ESCROW-HEADROOM``, goldens G-10 and G-13).
"""

from __future__ import annotations

import dataclasses
from datetime import date
from datetime import timedelta
from decimal import Decimal
from fractions import Fraction

from dealbook.calendars.notice import NoticeResult
from dealbook.core.figure import Figure
from dealbook.engine.escrow_topup import TopUpResult
from dealbook.engine.escrow_topup import escrow_topup
from dealbook.engine.replay.book import COMPANY
from dealbook.engine.replay.book import Book
from dealbook.engine.replay.book import Handler
from dealbook.engine.replay.book import interest_value
from dealbook.engine.replay.context import ReplayContext
from dealbook.engine.replay.contribution import Contribution
from dealbook.engine.replay.mechanisms.ownership import Owned
from dealbook.engine.replay.mechanisms.ownership import obligation_of
from dealbook.engine.replay.model import Deadline
from dealbook.engine.replay.model import EscrowStatus
from dealbook.engine.replay.model import Status
from dealbook.engine.replay.pricing import conversion_price
from dealbook.ledger.base import EventBase
from dealbook.ledger.base import NoticeKind
from dealbook.ledger.events_holders import EscrowTopUp
from dealbook.ledger.events_holders import Notice
from dealbook.terms.base import Citation
from dealbook.terms.escrow import Escrow

KEY = "escrow"
"""``book.extra`` key of the top-up deliveries."""

UNDERLYING = "underlying-shares"
"""The lot held against the Debentures (the one §4.13 tops up)."""

SHARES = "shares"

OBLIGATIONS: Owned = {"topup": frozenset({"escrow-topup"})}
"""The dated obligation this mechanism judges (HYT §4.13; counted from the deemed notice)."""


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Delivery:
    """Shares the Company added to escrow (an ``escrow_topup`` event)."""

    day: date
    shares: int
    index: int
    event_id: str | None = None


def _topup(ctx: ReplayContext, book: Book, index: int, item: EventBase) -> None:
    assert isinstance(item, EscrowTopUp)
    deliveries(book).append(
        Delivery(day=item.date, shares=item.shares, index=index, event_id=item.id)
    )


HANDLERS: dict[type[EventBase], Handler] = {EscrowTopUp: _topup}


def deliveries(book: Book) -> list[Delivery]:
    """The top-up deliveries the fold recorded, in replay order."""
    found = book.extra.setdefault(KEY, [])
    assert isinstance(found, list)
    return found


def clause_of(cites: tuple[Citation, ...], fallback: str) -> str:
    """``doc:section`` of a term's first citation (``cdpa:4.13``), else ``fallback``."""
    return f"{cites[0].doc}:{cites[0].section}" if cites else fallback


def status_of(due: date | None, done_on: date | None, as_of: date) -> Status:
    """Met when done by ``due``; missed when done late or ``due`` has passed; else open."""
    if done_on is not None and done_on <= as_of:
        return Status.MET if due is None or done_on <= due else Status.MISSED
    if due is not None and as_of > due:
        return Status.MISSED
    return Status.OPEN


def escrow_shares_on(
    ctx: ReplayContext, book: Book, day: date, *, purpose: str | None = None
) -> int:
    """Escrow Shares held at the end of ``day`` (all lots, or the lot of ``purpose``).

    The lots are deposited at signing (the agreement's date, §2.2(b)(iv)); top-ups add to
    the lot held against the Debentures (``underlying-shares``).
    """
    escrow = ctx.deal.escrow
    if escrow is None or day < ctx.deal.documents[0].date:
        return 0
    held = dict(_lots(escrow))
    held[UNDERLYING] = held.get(UNDERLYING, 0) + sum(
        d.shares for d in deliveries(book) if d.day <= day
    )
    if purpose is not None:
        return held.get(purpose, 0)
    return sum(held.values())


def _lots(escrow: Escrow) -> list[tuple[str, int]]:
    out: dict[str, int] = {}
    for lot in escrow.lots:
        out[lot.purpose] = out.get(lot.purpose, 0) + lot.shares
    out.setdefault(UNDERLYING, 0)
    return list(out.items())


def headroom_figure(ctx: ReplayContext, book: Book, day: date) -> Figure:
    """Authorized but unissued shares at the end of ``day`` (G-10: 2,083,610 after escrow).

    authorized - outstanding - Escrow Shares held on ``day`` - shares issued to holders
    since the outstanding count. The counts come from the latest ``capitalization``
    report that stated them, else from the deal's capitalization. Either way the
    outstanding count excludes the Escrow Shares (docs/replay.md), which are issued and
    so are subtracted here whatever ``hyt.escrow_outstanding`` says about the cap.
    """
    cap = ctx.deal.capitalization
    snap = book.capitalization_on(day)
    clauses = tuple(c.ref() for c in cap.cite)
    authorized, authorized_from = cap.authorized_common, "deal file"
    outstanding, since = cap.outstanding_common, cap.as_of
    if snap is not None and snap.authorized is not None:
        authorized, authorized_from = snap.authorized, f"latest report {snap.day}"
    if snap is not None and snap.outstanding is not None and snap.outstanding_day is not None:
        outstanding, since = snap.outstanding, snap.outstanding_day
    held = escrow_shares_on(ctx, book, day)
    issued = book.shares_issued_since(since, day)
    inputs = (
        Figure(label=f"authorized ({authorized_from})", value=authorized, unit=SHARES),
        Figure(label=f"outstanding {since}, ex Escrow Shares", value=outstanding, unit=SHARES),
        Figure(label=f"Escrow Shares held {day}", value=held, unit=SHARES),
        Figure(label=f"shares issued to holders after {since}", value=issued, unit=SHARES),
    )
    return Figure(
        label="authorized headroom",
        value=authorized - outstanding - held - issued,
        unit=SHARES,
        formula="authorized - outstanding - Escrow Shares held - shares issued to holders since",
        inputs=inputs,
        clauses=clauses,
    )


def topup_test(
    ctx: ReplayContext,
    book: Book,
    day: date,
    *,
    held: int,
    notice_receipt: date | None = None,
) -> TopUpResult | str:
    """The §4.13 test at the Conversion Price for ``day`` with ``held`` shares for the Debentures.

    Returns the engine's :class:`TopUpResult`, or why it cannot be computed (no top-up
    term, or no Conversion Price for ``day``).
    """
    escrow = ctx.deal.escrow
    if escrow is None or escrow.topup is None:
        return "the deal has no escrow top-up term"
    evaluation = conversion_price(ctx, day)
    if not evaluation.ok:
        return f"no Conversion Price on {day.isoformat()}: {evaluation.problem}"
    interest = Decimal(0)
    if escrow.topup.full_conversion_includes_interest:
        total = sum((Fraction(interest_value(ctx, book, h, day)) for h in book.holders), Fraction())
        interest = Decimal(total.numerator) / Decimal(total.denominator)
    return escrow_topup(
        principal=book.total_principal_on(day),
        price=evaluation.figure,
        escrow_shares=held,
        topup=escrow.topup,
        conventions=ctx.conventions,
        interest=interest,
        notice_receipt=notice_receipt,
        clock=ctx.clock,
        headroom=int(_int(headroom_figure(ctx, book, day))),
    )


def _int(figure: Figure) -> int:
    assert isinstance(figure.value, int)
    return figure.value


def contribute(ctx: ReplayContext, book: Book) -> Contribution:
    """The escrow status at the as-of date and a Deadline for each top-up notice."""
    escrow = ctx.deal.escrow
    out = Contribution()
    if escrow is None:
        return out
    for index, notice in ctx.of_type(Notice):
        if notice.kind is NoticeKind.ESCROW_TOPUP and notice.to == COMPANY:
            _notice_deadline(ctx, book, out, index, notice)
    out.escrow = _status(ctx, book)
    return out


def _notice_deadline(
    ctx: ReplayContext, book: Book, out: Contribution, index: int, notice: Notice
) -> None:
    escrow = ctx.deal.escrow
    assert escrow is not None and escrow.topup is not None
    given: NoticeResult = ctx.deemed_given(notice, notice.method)
    if given.effective_date is None:
        out.diagnostics.append(
            ctx.diagnostic(
                "REPLAY-ESCROW-NOTICE",
                f"escrow top-up notice by {notice.method} is never deemed given: {given.explanation}",
                index,
                hint="HYT §7.3 makes only a fax notice effective",
                error=False,
            )
        )
        return
    held = escrow_shares_on(ctx, book, notice.date - timedelta(days=1), purpose=UNDERLYING)
    test = topup_test(ctx, book, notice.date, held=held, notice_receipt=given.effective_date)
    key = notice.id or notice.date.isoformat()
    if isinstance(test, str) or not test.triggered:
        why = test if isinstance(test, str) else "the escrow is at least 200% of the FCS"
        out.diagnostics.append(
            ctx.diagnostic(
                "REPLAY-ESCROW-NOT-SHORT",
                f"escrow top-up notice {key}: no top-up is due ({why})",
                index,
                hint="§4.13 applies only while the Escrow Shares are below 200% of the FCS",
                error=False,
            )
        )
        return
    assert test.due is not None and isinstance(test.due.value, date)
    to_issue = _int(test.shares_to_issue)
    if test.headroom_excess is not None and _int(test.headroom_excess) > 0:
        out.diagnostics.append(
            ctx.diagnostic(
                "REPLAY-ESCROW-HEADROOM",
                f"escrow top-up {key} needs {to_issue} shares, "
                f"{_int(test.headroom_excess)} more than the authorized headroom",
                index,
                hint="record a capitalization event if the authorized shares were increased",
                error=False,
            )
        )
    target = held + to_issue
    done_on = next(
        (
            d.day
            for d in sorted(deliveries(book), key=lambda d: d.day)
            if d.day >= notice.date
            and escrow_shares_on(ctx, book, d.day, purpose=UNDERLYING) >= target
        ),
        None,
    )
    due = test.due.value
    certificates = test.certificates.value
    figure = Figure(
        label="escrow top-up due",
        value=due,
        formula=test.due.formula,
        inputs=(
            *test.due.inputs,
            test.shares_to_issue,
            test.required,
            test.escrow_held,
            *(x for x in (test.headroom_excess,) if x is not None),
        ),
        clauses=test.due.clauses,
        assumptions=test.shares_to_issue.assumptions,
    )
    clause = clause_of(escrow.topup.cite, "cdpa:4.13")
    out.figures[f"escrow:topup:{key}"] = figure
    out.deadlines.append(
        Deadline(
            id=f"deadline:{_slug(clause)}:topup:{key}",
            clause=clause,
            what=(
                f"issue {certificates} escrow certificates ({to_issue} shares) so the Escrow "
                f"Shares for the Debentures reach {target}, 200% of the Full Conversion Shares"
            ),
            obligor=COMPANY,
            due=due,
            status=status_of(due, done_on, ctx.as_of),
            done_on=done_on,
            figure=figure,
            obligation=obligation_of(ctx, OBLIGATIONS, "topup"),
        )
    )


def _slug(clause: str) -> str:
    """``cdpa:4.13`` → ``cdpa-4.13`` (an id part without ``:`` or spaces)."""
    return clause.replace(":", "-").replace(" ", "-").lower()


def _status(ctx: ReplayContext, book: Book) -> EscrowStatus:
    escrow = ctx.deal.escrow
    assert escrow is not None
    day = ctx.as_of
    by_purpose = tuple(
        (purpose, escrow_shares_on(ctx, book, day, purpose=purpose)) for purpose, _ in _lots(escrow)
    )
    total = sum(n for _, n in by_purpose)
    held = dict(by_purpose)[UNDERLYING]
    test = topup_test(ctx, book, day, held=held)
    inputs = [Figure(label=f"Escrow Shares: {p}", value=n, unit=SHARES) for p, n in by_purpose]
    refs = tuple(c.ref() for c in escrow.cite)
    if isinstance(test, str):
        return EscrowStatus(
            shares_in_escrow=total,
            required=None,
            topup_due=0,
            by_purpose=by_purpose,
            figure=Figure(
                label="Escrow Shares",
                value=total,
                unit=SHARES,
                formula=f"sum of the lots; 200% test not computed: {test}",
                inputs=tuple(inputs),
                clauses=refs,
            ),
        )
    return EscrowStatus(
        shares_in_escrow=total,
        required=_int(test.required),
        topup_due=_int(test.shares_to_issue),
        by_purpose=by_purpose,
        figure=Figure(
            label="Escrow Shares",
            value=total,
            unit=SHARES,
            formula="sum of the lots; top-up = shares to issue at the current Conversion Price",
            inputs=(*inputs, test.required, test.shares_to_issue),
            clauses=refs,
            assumptions=test.shares_to_issue.assumptions,
        ),
    )
