"""``--all-readings``: every figure that depends on a reading, under each value of that reading.

A reading's possible values come from its :class:`Conventions` field type (a ``Literal``,
an enum or a bool). The deal is replayed once per alternative value of each reading; a
figure "depends on" a reading when some value of the reading changes it.
"""

from __future__ import annotations

import dataclasses
import enum
import typing
from collections.abc import Mapping
from datetime import date

from dealbook.engine.replay.context import reading_key
from dealbook.engine.replay.model import ReplayResult
from dealbook.engine.replay.model import cents
from dealbook.engine.replay.model import exact_text
from dealbook.engine.replay.run import replay
from dealbook.ledger.events import Ledger
from dealbook.terms.conventions import Conventions
from dealbook.terms.deal import Deal


def reading_choices() -> dict[str, tuple[str, ...]]:
    """Every reading's register key and the values it takes, in declaration order."""
    hints = typing.get_type_hints(Conventions)
    out: dict[str, tuple[str, ...]] = {}
    for field in dataclasses.fields(Conventions):
        if field.name == "notes":
            continue
        kind = hints[field.name]
        values: tuple[str, ...]
        if kind is bool:
            values = ("true", "false")
        elif isinstance(kind, type) and issubclass(kind, enum.Enum):
            values = tuple(str(member.value) for member in kind)
        elif typing.get_origin(kind) is typing.Literal:
            values = tuple(str(arg) for arg in typing.get_args(kind))
        else:  # pragma: no cover - every reading is one of the above (tested)
            raise TypeError(f"reading {field.name} has no finite set of values: {kind}")
        out[reading_key(field.name)] = values
    return out


def flat_figures(result: ReplayResult) -> dict[str, str]:
    """Every reported figure of ``result`` as ``id → value text`` (for comparing readings)."""
    out: dict[str, str] = {}
    for accrual in result.accruals:
        out[accrual.id] = cents(accrual.amount)
    for deadline in result.deadlines:
        due = deadline.due.isoformat() if deadline.due else "-"
        out[deadline.id] = f"{due} {deadline.status}"
    for position in result.positions:
        out[f"position:{position.holder}:principal_outstanding"] = cents(
            position.principal_outstanding
        )
        out[f"position:{position.holder}:interest_accrued_unpaid"] = cents(
            position.interest_accrued_unpaid
        )
        out[f"position:{position.holder}:conversion_shares_issued"] = str(
            position.conversion_shares_issued
        )
        out[f"position:{position.holder}:ownership_pct"] = exact_text(position.ownership_pct) or "-"
    if result.reserve is not None:
        out["reserve:required"] = str(result.reserve.required)
        out["reserve:shortfall"] = str(result.reserve.shortfall)
    if result.escrow is not None:
        out["escrow:required"] = str(result.escrow.required)
        out["escrow:topup_due"] = str(result.escrow.topup_due)
    return out


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Sensitivity:
    """One figure that changes with one reading: its value under each value of the reading."""

    figure: str
    reading: str
    in_force: str
    """The reading's value in this replay (default, deal or chosen)."""
    values: tuple[tuple[str, str], ...]
    """``(reading value, figure value)``; ``"(absent)"`` when the figure is not reported."""


def all_readings(
    deal: Deal, ledger: Ledger, as_of: date, readings: Mapping[str, str] | None = None
) -> tuple[ReplayResult, list[Sensitivity]]:
    """The replay under ``readings``, and every figure that depends on a reading.

    Figures are listed by reading (register order) then figure id.
    """
    base_readings = dict(readings or {})
    base = replay(deal, ledger, as_of, base_readings)
    in_force = {key: value for key, value, _ in base.readings}
    base_flat = flat_figures(base)
    out: list[Sensitivity] = []
    for key, choices in reading_choices().items():
        per_value: dict[str, dict[str, str]] = {in_force[key]: base_flat}
        for value in choices:
            if value == in_force[key]:
                continue
            variant = replay(deal, ledger, as_of, {**base_readings, key: value})
            per_value[value] = flat_figures(variant)
        ids = sorted({figure for flat in per_value.values() for figure in flat})
        for figure in ids:
            seen = {flat.get(figure, "(absent)") for flat in per_value.values()}
            if len(seen) > 1:
                out.append(
                    Sensitivity(
                        figure=figure,
                        reading=key,
                        in_force=in_force[key],
                        values=tuple(
                            (value, per_value[value].get(figure, "(absent)"))
                            for value in choices
                            if value in per_value
                        ),
                    )
                )
    return base, out
