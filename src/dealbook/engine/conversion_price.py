"""Conversion Price: the deal's composable price formula evaluated over a price history.

The debenture forms that fix the Conversion Price are not in the seeds (spec Appendix B
lists "the conversion-price formula and Conversion Price history" as required external
data; D-X-6), so a deal file states the formula as composable blocks
(:mod:`dealbook.terms.securities`): ``FixedPrice``, ``DiscountToAverage`` (multiplier x
the average of the lowest N of the last M trading days of a price field), ``LesserOf``,
``GreaterOf`` and ``Floor``. :func:`evaluate_price` evaluates such a formula on a
conversion date and returns a :class:`PriceEvaluation`: a Figure whose inputs name every
daily price used, plus the days used.

Conventions, stated once:

* the trading-day window of ``DiscountToAverage`` ends on the trading day **before** the
  conversion date, or on the conversion date itself when ``include_conversion_date``;
* with a trading calendar the window is that calendar's last M trading days, and each of
  them must have a price; without one, the dates of the price history are taken as the
  trading days (the history holds trading days only);
* prices are exact: a Decimal when the average has a finite decimal expansion, otherwise a
  Fraction (no price rounding step is stated anywhere in the seeds);
* too little history is a result, not an exception: the figure's value is ``None`` and
  :attr:`PriceEvaluation.problem` says why.

>>> from dealbook.terms.base import CitedPrice
>>> from dealbook.terms.securities import FixedPrice
>>> fixed = FixedPrice(kind="fixed", price=CitedPrice(value=Decimal("0.05")))
>>> evaluate_price(fixed, on=date(2003, 10, 1), history={}).price
Decimal('0.05')
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Literal
from typing import Protocol

from dealbook.calendars.calendar import Calendar
from dealbook.calendars.calendar import CalendarRangeError
from dealbook.core.figure import Figure
from dealbook.core.numbers import exact
from dealbook.core.source import ClauseRef
from dealbook.terms.base import Assumption
from dealbook.terms.base import Citation
from dealbook.terms.securities import DiscountToAverage
from dealbook.terms.securities import FixedPrice
from dealbook.terms.securities import Floor
from dealbook.terms.securities import GreaterOf
from dealbook.terms.securities import LesserOf
from dealbook.terms.securities import PriceField
from dealbook.terms.securities import PriceFormula

PriceSeries = Mapping[date, Decimal]
"""One daily price field: trading day -> price."""
PriceHistory = Mapping[PriceField, PriceSeries]
"""Daily prices per field (close, bid, low, high, vwap), trading days only."""
ExactValue = Decimal | Fraction
"""An exact price or amount: Decimal when finite, otherwise a Fraction."""

PER_SHARE = "USD/share"


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class PriceEvaluation:
    """A price formula's value on a date, the trading days it read, or why it has none."""

    figure: Figure
    days_used: tuple[date, ...] = ()
    problem: str | None = None

    @property
    def ok(self) -> bool:
        """Whether the formula could be evaluated."""
        return self.problem is None

    @property
    def price(self) -> ExactValue:
        """The price (Decimal or Fraction).

        Raises:
            ValueError: when the formula could not be evaluated (see :attr:`problem`).
        """
        value = self.figure.value
        if not isinstance(value, Decimal | Fraction):
            raise ValueError(f"{self.figure.label} is not available: {self.problem}")
        return value


class DatedPrices(Protocol):
    """A row of a daily price series (e.g. the ledger's price points): a date and fields."""

    @property
    def date(self) -> date: ...


def history_from_rows(rows: Iterable[DatedPrices]) -> PriceHistory:
    """A :data:`PriceHistory` from price rows whose attributes are named like :class:`PriceField`.

    Fields a row lacks, or leaves ``None``, are simply absent for that day.

    >>> import dataclasses
    >>> @dataclasses.dataclass
    ... class Row:
    ...     date: date
    ...     close: Decimal
    ...     bid: Decimal | None = None
    >>> history = history_from_rows([Row(date(2003, 1, 3), Decimal("0.012"))])
    >>> history[PriceField.CLOSE], history[PriceField.BID]
    ({datetime.date(2003, 1, 3): Decimal('0.012')}, {})
    """
    items = list(rows)
    history: dict[PriceField, dict[date, Decimal]] = {}
    for field in PriceField:
        name = field.value
        history[field] = {
            row.date: value
            for row in items
            if isinstance(value := getattr(row, name, None), Decimal)
        }
    return history


def as_figure(value: ExactValue | Figure, *, label: str, unit: str = PER_SHARE) -> Figure:
    """``value`` itself when it is a Figure, else a plain input Figure carrying it."""
    if isinstance(value, Figure):
        return value
    return Figure(label=label, value=value, unit=unit, formula="input")


def figure_fraction(figure: Figure) -> Fraction:
    """The exact value of a numeric Figure.

    Raises:
        ValueError: when the figure has no numeric value (a caller bug).
    """
    value = figure.value
    if isinstance(value, bool) or not isinstance(value, Decimal | Fraction | int):
        raise ValueError(f"{figure.label} has no numeric value ({value!r})")
    return Fraction(value)


def cited(
    cites: Iterable[Citation], assumption: Assumption | None
) -> tuple[tuple[ClauseRef, ...], tuple[str, ...]]:
    """Clause references and assumption ids of a term block, for a Figure."""
    refs = tuple(c.ref() for c in cites)
    return refs, ((f"assumed:{assumption.id}",) if assumption is not None else ())


def window_days(
    dates: Iterable[date],
    *,
    on: date,
    count: int,
    include_on: bool,
    trading: Calendar | None,
) -> tuple[tuple[date, ...], str | None]:
    """The ``count`` trading days ending just before ``on`` (or on it when ``include_on``).

    With ``trading`` the days come from the calendar; without it, from ``dates`` (the
    history's trading days). Returns the days, oldest first, or a problem text.

    >>> days = [date(2003, 9, d) for d in (2, 3, 4, 5, 8)]
    >>> window_days(days, on=date(2003, 9, 8), count=3, include_on=False, trading=None)
    ((datetime.date(2003, 9, 3), datetime.date(2003, 9, 4), datetime.date(2003, 9, 5)), None)
    >>> window_days(days, on=date(2003, 9, 3), count=3, include_on=False, trading=None)[1]
    'need 3 trading days before 2003-09-03, the history has 1'
    """
    when = "through" if include_on else "before"
    if trading is not None:
        try:
            end = on if include_on and trading.is_day(on) else trading.previous_day(on)
            return trading.last_days(end, count), None
        except CalendarRangeError as error:
            return (), str(error)
    eligible = sorted(d for d in set(dates) if d < on or (include_on and d == on))
    if len(eligible) < count:
        return (), f"need {count} trading days {when} {on}, the history has {len(eligible)}"
    return tuple(eligible[len(eligible) - count :]), None


def evaluate_price(
    formula: PriceFormula,
    *,
    on: date,
    history: PriceHistory,
    trading: Calendar | None = None,
    clauses: tuple[ClauseRef, ...] = (),
) -> PriceEvaluation:
    """The Conversion Price ``formula`` on the conversion date ``on``.

    Args:
        formula: the deal's price formula block.
        on: the conversion date.
        history: daily prices per field (trading days only).
        trading: the deal's Trading Day calendar; when given, every day of a window must
            have a price in ``history``.
        clauses: clauses of the conversion term, attached to the result.
    """
    result = _evaluate(formula, on=on, history=history, trading=trading)
    if clauses:
        figure = dataclasses.replace(result.figure, clauses=(*clauses, *result.figure.clauses))
        result = dataclasses.replace(result, figure=figure)
    return result


def _evaluate(
    formula: PriceFormula, *, on: date, history: PriceHistory, trading: Calendar | None
) -> PriceEvaluation:
    if isinstance(formula, FixedPrice):
        refs, assumed = cited(formula.price.cite, formula.price.assumption)
        figure = Figure(
            label="fixed price",
            value=formula.price.value,
            unit=PER_SHARE,
            formula="fixed",
            clauses=refs,
            assumptions=assumed,
        )
        return PriceEvaluation(figure=figure)
    if isinstance(formula, DiscountToAverage):
        return _discount_to_average(formula, on=on, history=history, trading=trading)
    if isinstance(formula, Floor):
        inner = _evaluate(formula.of, on=on, history=history, trading=trading)
        refs, assumed = cited(formula.minimum.cite, formula.minimum.assumption)
        minimum = Figure(
            label="floor price",
            value=formula.minimum.value,
            unit=PER_SHARE,
            formula="fixed",
            clauses=refs,
            assumptions=assumed,
        )
        return _combine("floored price", "max(floor, price)", "max", (minimum,), (inner,))
    if isinstance(formula, LesserOf):
        parts = tuple(_evaluate(p, on=on, history=history, trading=trading) for p in formula.of)
        return _combine("lesser of", "min(...)", "min", (), parts)
    assert isinstance(formula, GreaterOf)
    parts = tuple(_evaluate(p, on=on, history=history, trading=trading) for p in formula.of)
    return _combine("greater of", "max(...)", "max", (), parts)


def _combine(
    label: str,
    how: str,
    pick: Literal["min", "max"],
    fixed: tuple[Figure, ...],
    parts: tuple[PriceEvaluation, ...],
) -> PriceEvaluation:
    days = tuple(sorted({d for part in parts for d in part.days_used}))
    inputs = (*fixed, *(part.figure for part in parts))
    problems = [part.problem for part in parts if part.problem is not None]
    if problems:
        figure = Figure(label=label, value=None, unit=PER_SHARE, formula=how, inputs=inputs)
        return PriceEvaluation(figure=figure, days_used=days, problem="; ".join(problems))
    values = [figure_fraction(item) for item in inputs]
    chosen = min(values) if pick == "min" else max(values)
    figure = Figure(label=label, value=exact(chosen), unit=PER_SHARE, formula=how, inputs=inputs)
    return PriceEvaluation(figure=figure, days_used=days)


def _discount_to_average(
    block: DiscountToAverage, *, on: date, history: PriceHistory, trading: Calendar | None
) -> PriceEvaluation:
    field = block.price_field
    series = history.get(field, {})
    window = "includes" if block.include_conversion_date else "excludes"
    counted = (
        f"trading days of {trading.label}"
        if trading is not None
        else "trading days = dates of the price history"
    )
    label = f"{block.multiplier} x average of lowest {block.lowest} of last {block.of_last} {field}"
    assumptions = (f"conversion_price.window={window}-conversion-date", counted)
    days, problem = window_days(
        series,
        on=on,
        count=block.of_last,
        include_on=block.include_conversion_date,
        trading=trading,
    )
    if problem is None and block.lowest > block.of_last:
        problem = f"the formula asks for the lowest {block.lowest} of only {block.of_last} days"
    missing = [d.isoformat() for d in days if d not in series]
    if problem is None and missing:
        problem = f"no {field} price for trading day(s) {', '.join(missing)}"
    if problem is not None:
        figure = Figure(label=label, value=None, unit=PER_SHARE, assumptions=assumptions)
        return PriceEvaluation(figure=figure, days_used=days, problem=problem)
    daily = [(series[d], d) for d in days]
    lowest = sorted(daily)[: block.lowest]
    day_figures = tuple(
        Figure(label=f"{field} {d.isoformat()}", value=price, unit=PER_SHARE)
        for price, d in sorted(lowest, key=lambda item: item[1])
    )
    mean = Fraction(sum((price for price, _ in lowest), Decimal(0))) / block.lowest
    average = Figure(
        label=f"average of lowest {block.lowest} of {block.of_last} {field} prices",
        value=exact(mean),
        unit=PER_SHARE,
        formula=f"sum / {block.lowest}",
        inputs=day_figures,
    )
    multiplier = Figure(label="multiplier", value=block.multiplier)
    figure = Figure(
        label=label,
        value=exact(Fraction(block.multiplier) * mean),
        unit=PER_SHARE,
        formula="multiplier x average",
        inputs=(multiplier, average),
        assumptions=assumptions,
    )
    return PriceEvaluation(figure=figure, days_used=days)
