"""The records :func:`dealbook.engine.replay.replay` returns: the output contract of issue #4/#5.

Every number is exact (``Decimal`` or ``int``); money is rounded half-up to the cent only
when written out (:func:`cents`). Every deadline and accrual carries the :class:`Figure`
that derived it, so ``dealbook explain`` can print its tree with each clause cited.
"""

from __future__ import annotations

import dataclasses
import enum
from datetime import date
from decimal import ROUND_HALF_UP
from decimal import Decimal
from fractions import Fraction

from dealbook.core.diagnostics import Diagnostic
from dealbook.core.figure import Figure

CENT = Decimal("0.01")


def cents(value: Decimal | Fraction | int) -> str:
    """Money as written out: half-up to the cent (the output contract's only rounding)."""
    if isinstance(value, Fraction):
        value = Decimal(value.numerator) / Decimal(value.denominator)
    return format(Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP), "f")


def exact_text(value: Decimal | Fraction | int | None) -> str | None:
    """An exact value as text: Decimals plainly, Fractions as ``n/d``."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


class Status(enum.StrEnum):
    """Where a deadline stands at the as-of date."""

    OPEN = "open"
    """Not done and not yet due (or due today)."""
    MET = "met"
    """Done on or before the due date."""
    MISSED = "missed"
    """Due date passed and not done by then (``done_on`` says when it was done late, if so)."""
    WAIVED = "waived"
    """Waived by the party it protects."""
    MOOT = "moot"
    """No longer required (terminated, superseded, the condition fell away)."""


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Position:
    """One holder at the as-of date."""

    holder: str
    principal_funded: Decimal
    principal_outstanding: Decimal
    interest_accrued_unpaid: Decimal | Fraction
    """Exact (a Fraction when the day count does not give a terminating decimal)."""
    warrants: int
    """Warrant shares held (granted less exercised)."""
    conversion_shares_issued: int
    shares_owned: int | None = None
    """Common shares owned (conversion and warrant shares delivered, and payment shares)."""
    ownership_pct: Decimal | None = None
    """``shares_owned / outstanding x 100``, exact to 4 places (half-up) in output."""
    interest: Figure | None = None


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Deadline:
    """A dated duty: who must do what, by when, and whether it was done."""

    id: str
    clause: str
    """``doc:section`` (``rra:2(a)``)."""
    what: str
    obligor: str
    due: date | None
    """None when the anchor has not happened yet (e.g. an Effective Date still to come)."""
    status: Status
    done_on: date | None = None
    figure: Figure | None = None
    """How ``due`` was computed."""
    obligation: str | None = None
    """The id of the deal's dated obligation (``deal.obligations.dated``) this deadline judges.

    Covenants sets it on every ``covenant:`` deadline; a dedicated mechanism sets it for the
    obligations it owns (:data:`~dealbook.engine.replay.mechanisms.covenant_events.OWNERS`).
    """


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Accrual:
    """An amount owed by one party to another for one clause and period."""

    id: str
    """Stable id, starting with ``accrual`` (payments refer to it in ``for``)."""
    clause: str
    payer: str
    payee: str
    start: date | None
    """The first day counted (None for a lump sum)."""
    end: date | None
    """The last day counted (the as-of date while still running)."""
    months: Fraction | None
    rate: Decimal | None
    base: Decimal | None
    amount: Decimal
    """Exact amount (may have more than two places; rounded only at output)."""
    form: str
    """``cash``, ``shares`` or ``cash-or-shares`` (the chooser decides)."""
    figure: Figure
    paid: Decimal = Decimal(0)
    """Paid against this accrual by ``payment`` events with ``for: <id>``."""
    due: date | None = None
    shares: int | None = None
    """Shares payable when paid in shares (at the Conversion Price), if known."""
    running: bool = False
    """True when the period is still open at the as-of date."""
    readings: tuple[str, ...] = ()
    """``key=value`` of each reading the amount depends on."""

    @property
    def unpaid(self) -> Decimal:
        """``amount - paid`` (never below zero)."""
        return max(self.amount - self.paid, Decimal(0))


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class ReserveStatus:
    """Share reservation at the as-of date (spec §2.4)."""

    required: int
    reserved: int | None
    authorized: int | None
    outstanding: int | None
    headroom: int | None
    shortfall: int
    figure: Figure | None = None


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class CapTableRow:
    """One holder's line of the cap table."""

    holder: str
    shares: int
    pct_outstanding: Decimal | None
    fully_diluted: int
    """Shares plus shares issuable on conversion (at the current price) and exercise."""


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class CapTable:
    """Outstanding and fully diluted shares at the as-of date."""

    outstanding: int | None
    fully_diluted: int | None
    holders: tuple[CapTableRow, ...] = ()
    figure: Figure | None = None


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class EscrowStatus:
    """Escrowed shares (Hy-Tech §4.12-4.13) at the as-of date."""

    shares_in_escrow: int
    required: int | None
    """200% of Full Conversion Shares at the current price, if a price is known."""
    topup_due: int
    released: int = 0
    by_purpose: tuple[tuple[str, int], ...] = ()
    figure: Figure | None = None


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class ReplayResult:
    """The state of one deal at ``as_of``."""

    deal: str
    as_of: date
    readings: tuple[tuple[str, str, str], ...]
    """``(key, value, source)`` for every reading; source is default, deal or chosen."""
    positions: tuple[Position, ...]
    deadlines: tuple[Deadline, ...]
    accruals: tuple[Accrual, ...]
    reserve: ReserveStatus | None
    cap_table: CapTable | None
    escrow: EscrowStatus | None
    diagnostics: tuple[Diagnostic, ...]
    figures: tuple[tuple[str, Figure], ...] = ()
    """Other named figures (``conversion:<event id>``, ``reserve``, ...) for ``explain``."""

    def figure(self, figure_id: str) -> Figure | None:
        """The figure behind an accrual, deadline, position or named figure id."""
        for accrual in self.accruals:
            if accrual.id == figure_id:
                return accrual.figure
        for deadline in self.deadlines:
            if deadline.id == figure_id and deadline.figure is not None:
                return deadline.figure
        for position in self.positions:
            if f"interest:{position.holder}" == figure_id and position.interest is not None:
                return position.interest
        return dict(self.figures).get(figure_id)

    def figure_ids(self) -> list[str]:
        """Every id :meth:`figure` answers, in report order."""
        out = [a.id for a in self.accruals]
        out += [d.id for d in self.deadlines if d.figure is not None]
        out += [f"interest:{p.holder}" for p in self.positions if p.interest is not None]
        out += [name for name, _ in self.figures]
        return out
