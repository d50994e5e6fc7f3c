"""Ledger building blocks: the event decorator, the fields every event shares, vocabularies.

Every event is a frozen, slotted, keyword-only pydantic dataclass with a ``date``, a
``type`` (the tag of the :data:`~dealbook.ledger.events.Event` union), and optional
``id``, ``time`` and ``note``. Event ids are lower-case words joined by ``-``, ``_`` or
``.``; they never contain ``:`` and never start with ``accrual``, both of which are
reserved for the ids the engine gives its accruals (a payment may point at either).

>>> str(SplitRatio(new=1, old=20))
'1:20'
>>> clause_doc("spa:4(h)")
'spa'
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import re
from typing import Annotated
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

from dealbook.terms.base import IsoDate

EVENT_CONFIG = ConfigDict(
    extra="forbid",
    str_strip_whitespace=True,
    strict=False,
    validate_by_alias=True,
    validate_by_name=True,
)
"""The term configuration (:data:`dealbook.terms.base.CONFIG`) plus construction by field name.

Two ledger keys are Python keywords (``from``, ``for``); their fields are ``from_`` and
``for_`` with the YAML key as ``validation_alias``. Validating by name lets Python code
write ``Payment(for_="inv-1", ...)``; the ledger loader still refuses ``from_`` as a key.
"""

T = TypeVar("T")


@dataclass_transform(
    frozen_default=True, kw_only_default=True, field_specifiers=(dataclasses.field, Field)
)
def event(cls: type[T]) -> type[T]:
    """Decorator for event classes: a frozen, slotted, keyword-only pydantic dataclass.

    Declared with ``dataclass_transform`` so that type checkers see the generated
    keyword-only ``__init__`` (a decorator built by calling ``dataclass(...)`` hides it).
    """
    return cast(
        "type[T]", dataclass(frozen=True, slots=True, kw_only=True, config=EVENT_CONFIG)(cls)
    )


ACCRUAL_PREFIX = "accrual"
"""Ids starting with this word (or containing ``:``) name engine accruals, not events."""

_EVENT_ID = r"^[a-z0-9]+([-_.][a-z0-9]+)*$"


def _not_reserved(value: str) -> str:
    if value.startswith(ACCRUAL_PREFIX):
        raise PydanticCustomError(
            "reserved_id",
            "event ids may not start with {prefix!r} (reserved for accruals)",
            {"prefix": ACCRUAL_PREFIX},
        )
    return value


EventId = Annotated[str, Field(pattern=_EVENT_ID), AfterValidator(_not_reserved)]
"""An event id: lower-case words joined by ``-``, ``_`` or ``.`` (``inv-2003-01``)."""

Reference = Annotated[str, Field(min_length=1)]
"""The id of another event, or of an engine accrual (``payment.for`` only)."""

PartyId = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
"""``company``, a holder id or an agent id of the deal."""

Clause = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*:\S.*$")]
"""A clause written ``doc:section`` with a document id of the deal (``spa:4(h)``, ``rra:2(c)``)."""


def clause_doc(clause: str) -> str:
    """The document id of a ``doc:section`` clause."""
    return clause.split(":", 1)[0]


def _clock(value: object) -> dt.time:
    if isinstance(value, dt.time):
        if value.second or value.microsecond or value.tzinfo is not None:
            raise PydanticCustomError(
                "time_parsing", "times are whole minutes, local, without a zone", {}
            )
        return value
    text = str(value).strip()
    match = re.fullmatch(r"([01]?\d|2[0-3]):([0-5]\d)", text)
    if match is None:
        raise PydanticCustomError(
            "time_parsing", "times are written HH:MM (24-hour), got {text!r}", {"text": text}
        )
    return dt.time(int(match.group(1)), int(match.group(2)))


ClockTime = Annotated[
    dt.time,
    BeforeValidator(_clock),
    PlainSerializer(lambda v: v.strftime("%H:%M"), return_type=str, when_used="json"),
    WithJsonSchema({"type": "string", "pattern": r"^([01]?\d|2[0-3]):[0-5]\d$"}),
]
"""A local wall-clock time, ``HH:MM`` (24-hour)."""


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class SplitRatio:
    """New shares for old shares in a split (``2:1``) or a reverse split (``1:20``)."""

    new: int
    old: int

    def __str__(self) -> str:
        return f"{self.new}:{self.old}"


def _ratio(value: object) -> SplitRatio:
    if isinstance(value, SplitRatio):
        return value
    match = re.fullmatch(r"\s*([1-9]\d*)\s*:\s*([1-9]\d*)\s*", str(value))
    if match is None:
        raise PydanticCustomError(
            "ratio", "a ratio is written new:old, e.g. 1:20, got {v!r}", {"v": str(value)}
        )
    return SplitRatio(new=int(match.group(1)), old=int(match.group(2)))


Ratio = Annotated[
    SplitRatio,
    BeforeValidator(_ratio),
    PlainSerializer(str, return_type=str, when_used="json"),
    WithJsonSchema({"type": "string", "pattern": r"^[1-9]\d*:[1-9]\d*$"}),
]
"""A share ratio written ``new:old``."""


@event
class EventBase:
    """Fields every ledger event has (``type`` is declared by each event class)."""

    date: IsoDate
    """The day the fact happened; for a notice, the day it was sent."""
    id: EventId | None = None
    """Needed when another event points at this one (a correction, a cure, a payment)."""
    time: ClockTime | None = None
    """Local time ``HH:MM`` where a clause sets a cutoff (notices: the recipient's zone)."""
    note: str | None = None
    """Free text for people; the engine ignores it."""


def tag_of(item: EventBase) -> str:
    """The ``type`` tag of an event (each event class declares its own literal)."""
    return str(getattr(item, "type", ""))


class NoticeKind(enum.StrEnum):
    """What a notice is about."""

    FUNDING_TERMINATION = "funding_termination"
    OPINION = "opinion"
    BREACH = "breach"
    OFFERING = "offering"
    DEFAULT = "default"
    CONVERSION = "conversion"
    EXERCISE = "exercise"
    REDEMPTION = "redemption"
    ESCROW_TOPUP = "escrow_topup"
    ALLOWED_DELAY = "allowed_delay"
    EFFECTIVENESS = "effectiveness"
    CHANGE_OF_ADDRESS = "change_of_address"
    OTHER = "other"


class ReportKind(enum.StrEnum):
    """Reports and lists the Company delivers."""

    RESERVE_LIST = "reserve_list"
    ANNUAL_REPORT = "annual_report"
    QUARTERLY_REPORT = "quarterly_report"
    CURRENT_REPORT = "current_report"
    PRESS_RELEASE = "press_release"


class SuspensionReason(enum.StrEnum):
    """Why sales under the registration statement stopped."""

    ALLOWED_DELAY = "allowed_delay"
    COMPANY = "company"
    INVESTOR = "investor"


class PaymentForm(enum.StrEnum):
    """Cash, or shares of Common Stock."""

    CASH = "cash"
    SHARES = "shares"


class ExerciseMethod(enum.StrEnum):
    """How a warrant is exercised."""

    CASH = "cash"
    CASHLESS = "cashless"


class CapitalChangeKind(enum.StrEnum):
    """A change of the share count that is not an issuance."""

    SPLIT = "split"
    REVERSE_SPLIT = "reverse_split"
