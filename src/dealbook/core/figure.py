"""Figures: every computed number with its derivation.

A :class:`Figure` carries a value, a unit, the formula that produced it, the input
figures, the clauses it applies and the assumptions or conventions it relied on, so that
"why is this number X?" always has a printable answer (:meth:`Figure.explain`).

>>> base = Figure(label="outstanding principal", value=dec("120000"), unit="USD")
>>> rate = Figure(label="SLDA rate", value=dec("0.03"), unit="1/month",
...               clauses=(ClauseRef(doc="spa", section="2(f)"),))
>>> f = Figure(label="SLDA, one month", value=base.value * rate.value, unit="USD",
...            formula="principal x rate", inputs=(base, rate))
>>> print(f.explain())
SLDA, one month = 3600.00 USD  [principal x rate]
  outstanding principal = 120000 USD
  SLDA rate = 0.03 1/month  (spa:2(f))
"""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import ROUND_HALF_UP
from decimal import Decimal
from fractions import Fraction

from dealbook.core.numbers import dec
from dealbook.core.source import ClauseRef

FigureValue = Decimal | int | Fraction | date | None

__all__ = ["ClauseRef", "Figure", "FigureValue", "dec"]


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Figure:
    """A value with its unit, formula, inputs, clause references and assumptions."""

    label: str
    value: FigureValue
    unit: str = ""
    formula: str = ""
    inputs: tuple[Figure, ...] = ()
    clauses: tuple[ClauseRef, ...] = ()
    assumptions: tuple[str, ...] = ()

    def all_clauses(self) -> tuple[ClauseRef, ...]:
        """This figure's clauses and those of every input, first occurrence order."""
        seen: dict[str, ClauseRef] = {}
        for figure in self.walk():
            for clause in figure.clauses:
                seen.setdefault(str(clause), clause)
        return tuple(seen.values())

    def all_assumptions(self) -> tuple[str, ...]:
        """Every assumption or convention used anywhere in the derivation."""
        seen: dict[str, None] = {}
        for figure in self.walk():
            for item in figure.assumptions:
                seen.setdefault(item, None)
        return tuple(seen)

    def walk(self) -> list[Figure]:
        """This figure and all its inputs, depth first."""
        out = [self]
        for item in self.inputs:
            out.extend(item.walk())
        return out

    def explain(self, indent: int = 0) -> str:
        """A printable derivation tree."""
        pad = "  " * indent
        line = f"{pad}{self.label} = {_show(self.value)}"
        if self.unit:
            line += f" {self.unit}"
        if isinstance(self.value, Fraction) and self.value.denominator != 1:
            places = 2 if self.unit == "USD" else 6
            line += f" (~ {_approx(self.value, places)})"
        if self.formula:
            line += f"  [{self.formula}]"
        if self.clauses:
            line += "  (" + ", ".join(dict.fromkeys(str(c) for c in self.clauses)) + ")"
        if self.assumptions:
            line += "  {" + ", ".join(self.assumptions) + "}"
        lines = [line]
        lines.extend(item.explain(indent + 1) for item in self.inputs)
        return "\n".join(lines)

    def to_json(self) -> dict[str, object]:
        """JSON-ready tree; Decimals and Fractions become strings, dates ISO."""
        return {
            "label": self.label,
            "value": _show(self.value),
            "unit": self.unit,
            "formula": self.formula,
            "clauses": [str(c) for c in self.clauses],
            "assumptions": list(self.assumptions),
            "inputs": [item.to_json() for item in self.inputs],
        }


def _approx(value: Fraction, places: int) -> str:
    """A Fraction rounded half-up to ``places`` decimals, for reading (the value stays exact)."""
    quantum = Decimal(1).scaleb(-places)
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return format(exact.quantize(quantum, rounding=ROUND_HALF_UP), "f")


def _show(value: FigureValue) -> str:
    if value is None:
        return "-"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)
