"""Shared term building blocks: exact number types, citations and assumptions.

A *citation* names a document of the deal, a section as printed (``spa:4(h)``), and
optionally physical lines and a verbatim quote. An *assumption* labels a value the seed
agreements do not state (the debenture forms are not in the seeds), with a rationale.
Every term block carries ``cite`` or ``assumption`` (checked by the loader, so the error
is located).

Numbers: money, prices and rates are Decimal and may be written as YAML integers or as
quoted text (``"0.02"``, ``"2%"``, ``"1,000,000"``); an unquoted YAML float literal is
refused so that no value ever passes through a binary float.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from decimal import Decimal
from typing import Annotated
from typing import Any
from typing import TypeVar
from typing import cast
from typing import dataclass_transform

from pydantic import AfterValidator
from pydantic import BeforeValidator
from pydantic import ConfigDict
from pydantic import Field
from pydantic import PlainSerializer
from pydantic import WithJsonSchema
from pydantic.dataclasses import dataclass
from pydantic_core import PydanticCustomError

from dealbook.calendars.duration import Duration
from dealbook.calendars.duration import DurationError
from dealbook.calendars.duration import parse_duration
from dealbook.core.numbers import NumberError
from dealbook.core.numbers import dec
from dealbook.core.source import ClauseRef

CONFIG = ConfigDict(extra="forbid", str_strip_whitespace=True, strict=False)
"""Pydantic configuration shared by every term class (unknown keys are errors)."""

_T = TypeVar("_T")


@dataclass_transform(
    frozen_default=True, kw_only_default=True, field_specifiers=(Field, dataclasses.field)
)
def term(cls: type[_T]) -> type[_T]:
    """Decorator for term classes: a frozen, slotted, keyword-only pydantic dataclass."""
    return cast("type[_T]", dataclass(frozen=True, slots=True, kw_only=True, config=CONFIG)(cls))


class FloatLiteral(str):
    """The raw text of an unquoted YAML float literal; kept as text, never as a float."""

    __slots__ = ()


def _decimal(kind: str, *, percent: bool = False) -> Any:
    def parse(value: object) -> Decimal:
        if isinstance(value, FloatLiteral):
            raise PydanticCustomError(
                "float_literal",
                "unquoted number {text} would be read as a binary float",
                {"text": str(value), "kind": kind},
            )
        if isinstance(value, Decimal):
            return value
        if isinstance(value, str) and value.strip().endswith("%") and not percent:
            raise PydanticCustomError(
                "number_text", "{kind} cannot be a percentage", {"kind": kind}
            )
        try:
            return dec(value)
        except NumberError as error:
            raise PydanticCustomError(
                "number_text", "{kind}: {reason}", {"kind": kind, "reason": str(error)}
            ) from None

    return BeforeValidator(parse)


def _non_negative(kind: str) -> Any:
    def check(value: Decimal) -> Decimal:
        if value < 0:
            raise PydanticCustomError("negative", "{kind} cannot be negative", {"kind": kind})
        return value

    return AfterValidator(check)


def _fraction_range(value: Decimal) -> Decimal:
    if not Decimal(0) <= value <= Decimal(1):
        raise PydanticCustomError(
            "percent_range", "rate {value} is outside 0..1 (100%)", {"value": format(value, "f")}
        )
    return value


_NUMBER_SCHEMA = {
    "anyOf": [
        {"type": "integer"},
        {"type": "string", "pattern": r"^[+-]?[0-9][0-9,]*(\.[0-9]+)?%?$"},
    ]
}
_as_text = PlainSerializer(lambda v: format(v, "f"), return_type=str, when_used="json")

Money = Annotated[
    Decimal, _decimal("money"), _non_negative("money"), _as_text, WithJsonSchema(_NUMBER_SCHEMA)
]
"""A non-negative amount of US dollars (Decimal)."""
Price = Annotated[
    Decimal, _decimal("price"), _non_negative("price"), _as_text, WithJsonSchema(_NUMBER_SCHEMA)
]
"""A non-negative price per share (Decimal)."""
Rate = Annotated[
    Decimal,
    _decimal("rate", percent=True),
    AfterValidator(_fraction_range),
    _as_text,
    WithJsonSchema(_NUMBER_SCHEMA),
]
"""A rate between 0 and 1; ``"2%"`` and ``"0.02"`` are the same."""
Multiple = Annotated[
    Decimal,
    _decimal("multiple"),
    _non_negative("multiple"),
    _as_text,
    WithJsonSchema(_NUMBER_SCHEMA),
]
"""A non-negative multiplier such as the 2x reserve."""


def _shares(value: object) -> int:
    if isinstance(value, bool | FloatLiteral):
        raise PydanticCustomError(
            "shares", "a share count must be a whole number, got {v}", {"v": str(value)}
        )
    if isinstance(value, str) and re.fullmatch(r"\d{1,3}(,\d{3})+|\d+", value.strip()):
        return int(value.replace(",", ""))
    if isinstance(value, int):
        if value < 0:
            raise PydanticCustomError("negative", "share count cannot be negative", {})
        return value
    raise PydanticCustomError(
        "shares", "a share count must be a whole number, got {v}", {"v": repr(value)}
    )


Shares = Annotated[
    int,
    BeforeValidator(_shares),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": 0},
                {"type": "string", "pattern": r"^[0-9][0-9,]*$"},
            ]
        }
    ),
]
"""A non-negative whole number of shares."""


def _iso_date(value: object) -> date:
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise PydanticCustomError(
            "date_format", "dates are ISO YYYY-MM-DD, got {text!r}", {"text": text}
        )
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise PydanticCustomError(
            "date_invalid",
            "{text} is not a real date ({reason})",
            {"text": text, "reason": str(error)},
        ) from None


IsoDate = Annotated[
    date,
    BeforeValidator(_iso_date),
    PlainSerializer(lambda v: v.isoformat(), return_type=str, when_used="json"),
    WithJsonSchema({"type": "string", "format": "date"}),
]
"""A calendar date written ``YYYY-MM-DD``."""


def _month(value: object) -> str:
    text = str(value).strip()
    if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", text):
        raise PydanticCustomError(
            "month_format", "months are written YYYY-MM, got {text!r}", {"text": text}
        )
    return text


YearMonth = Annotated[
    str,
    BeforeValidator(_month),
    WithJsonSchema({"type": "string", "pattern": r"^\d{4}-(0[1-9]|1[0-2])$"}),
]
"""A calendar month written ``YYYY-MM``."""


def _duration(value: object) -> Duration:
    if isinstance(value, Duration):
        return value
    try:
        return parse_duration(str(value))
    except DurationError as error:
        raise PydanticCustomError("duration", "{reason}", {"reason": str(error)}) from None


DurationText = Annotated[
    Duration,
    BeforeValidator(_duration),
    PlainSerializer(str, return_type=str, when_used="json"),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^-?\d+ [A-Za-z -]+$",
            "examples": ["30 days", "5 business-days"],
        }
    ),
]
"""A duration written ``"N unit"``: days, business-days, trading-days, months, years."""


def _text(value: object) -> str:
    if isinstance(value, bool) or value is None or isinstance(value, dict | list):
        raise PydanticCustomError("text", "expected text, got {v!r}", {"v": value})
    return str(value)


Section = Annotated[str, BeforeValidator(_text), Field(min_length=1)]
"""A section number as printed, e.g. ``4(h)``, ``2.3(a)``, ``Sch. 1``."""

Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
"""A lower-case id made of letters, digits and single hyphens (``ajw-partners``)."""


def _lines(value: object) -> tuple[int, int]:
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return (value, value)
    if isinstance(value, tuple | list) and len(value) == 2 and all(type(v) is int for v in value):
        value = f"{value[0]}-{value[1]}"
    match = re.fullmatch(r"(\d+)(?:\s*-\s*(\d+))?", str(value).strip())
    if not match:
        raise PydanticCustomError("lines", "lines are written N or N-M, got {v!r}", {"v": value})
    first = int(match.group(1))
    last = int(match.group(2) or first)
    if first < 1 or last < first:
        raise PydanticCustomError(
            "lines", "line range {v} is empty or starts before line 1", {"v": value}
        )
    return (first, last)


LineRange = Annotated[
    tuple[int, int],
    BeforeValidator(_lines),
    PlainSerializer(lambda v: f"{v[0]}-{v[1]}" if v[0] != v[1] else v[0], when_used="json"),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": 1},
                {"type": "string", "pattern": r"^\d+(-\d+)?$"},
            ]
        }
    ),
]
"""Physical line numbers of a seed file, ``78`` or ``"78-96"``."""


@term
class Citation:
    """Where a term comes from: ``{doc, section, lines?, quote?}``; prints as ``doc:section``."""

    doc: Slug
    section: Section
    lines: LineRange | None = None
    quote: str | None = None

    def ref(self) -> ClauseRef:
        """The core clause reference for reports."""
        return ClauseRef(doc=self.doc, section=self.section, lines=self.lines, quote=self.quote)

    def __str__(self) -> str:
        return f"{self.doc}:{self.section}"


@term
class Assumption:
    """A value the agreements do not state, labelled with an id and a rationale."""

    id: Slug
    rationale: str = Field(min_length=1)
    basis: str | None = None
    """Where the assumed value comes from (an inference, market practice, a spec golden)."""


Cites = Annotated[
    tuple[Citation, ...], BeforeValidator(lambda v: (v,) if isinstance(v, dict) else v)
]
"""One citation or a list of them."""


def citations_of(block: object) -> tuple[Citation, ...]:
    """The citations carried by a term block (empty when it has none)."""
    value = getattr(block, "cite", ())
    return tuple(value) if isinstance(value, tuple) else ()


def is_term_block(value: object) -> bool:
    """True for term blocks that must carry ``cite`` or ``assumption``."""
    if not dataclasses.is_dataclass(value) or isinstance(value, type):
        return False
    names = {f.name for f in dataclasses.fields(value)}
    return "cite" in names and "assumption" in names


@term
class CitedDate:
    """A date stated by a clause, or assumed."""

    value: IsoDate
    cite: Cites = ()
    assumption: Assumption | None = None


@term
class CitedMoney:
    """An amount stated by a clause, or assumed."""

    value: Money
    cite: Cites = ()
    assumption: Assumption | None = None


@term
class CitedRate:
    """A rate stated by a clause, or assumed."""

    value: Rate
    cite: Cites = ()
    assumption: Assumption | None = None


@term
class CitedPrice:
    """A price per share stated by a clause, or assumed."""

    value: Price
    cite: Cites = ()
    assumption: Assumption | None = None


@term
class CitedDuration:
    """A duration stated by a clause, or assumed."""

    value: DurationText
    cite: Cites = ()
    assumption: Assumption | None = None
