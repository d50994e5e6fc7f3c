"""The agreement index: sections, defined terms, cross-references, quantities and parties.

Every record carries normalized offsets ``start``..``end`` into
:attr:`dealbook.ingest.document.Document.text`; the document maps them to original
``path:line:col`` positions and physical line ranges for citations.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import TypeVar


class SectionKind(enum.StrEnum):
    """What a node of the section tree is."""

    PREAMBLE = "preamble"
    RECITAL = "recital"
    ARTICLE = "article"
    SECTION = "section"
    TOC = "toc"
    SIGNATURES = "signatures"
    SCHEDULE = "schedule"
    EXHIBIT = "exhibit"


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Section:
    """A numbered part of an agreement: ``4(h)``, ``2.2(b)(v)``, ``Article V``, ``Schedule 1``.

    ``number`` is the full number as the agreement prints it in references; ``label`` is
    the marker at the start of the section (``h.``, ``(v)``); ``style`` names the
    numbering style (``decimal``, ``letter``, ``paren-roman`` ...).
    """

    index: int
    kind: SectionKind
    number: str
    label: str
    style: str
    heading: str
    start: int
    end: int
    depth: int
    parent: int | None
    heading_start: int = 0
    heading_end: int = 0
    ordinal: int = 0


class DefinitionForm(enum.StrEnum):
    """How a term is defined."""

    PARENTHETICAL = "parenthetical"
    """``(the "Company")``, ``("Rule 144")``, ``(each, a "Funding Date")``."""
    MEANS = "means"
    """``"X" means``, ``"X" shall mean``, ``"X" refers to``."""
    REFERENCE = "reference"
    """``"X" shall have the meaning set forth in Section N``."""
    REFERRED_AS = "referred-as"
    """``collectively referred to herein as the "X"``."""
    POINTER = "pointer"
    """``X (as defined in Section 4(l))``, ``X (as defined in the Debentures)``."""


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Definition:
    """A defined term with the span of the term and of its definition's body.

    ``target`` is the place a reference or pointer names (``SECTION 2.3(A)``, ``the
    Debentures``, ``below``); it is empty for definitions that carry their own body.
    """

    term: str
    key: str
    form: DefinitionForm
    start: int
    end: int
    body_start: int
    body_end: int
    section: str = ""
    target: str = ""
    scoped: bool = False


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class TermUse:
    """One use of a defined term (its key) in the text."""

    key: str
    start: int
    end: int


_Record = TypeVar("_Record")


def replaced(record: _Record, **changes: object) -> _Record:
    """``dataclasses.replace`` for the frozen, slotted records of the index, made faster.

    The records have no ``__post_init__`` and no fields outside ``__init__``, so a copy
    with some slots set anew is what ``dataclasses.replace`` returns; an unknown field
    name raises ``TypeError`` as there.
    """
    cls = type(record)
    slots: tuple[str, ...] = vars(cls)["__slots__"]
    unknown = set(changes).difference(slots)
    if unknown:
        raise TypeError(f"{cls.__name__} has no field {sorted(unknown)[0]!r}")
    copy = object.__new__(cls)
    for name in slots:
        object.__setattr__(copy, name, changes[name] if name in changes else getattr(record, name))
    return copy


_TERM_USE_SETTERS = tuple(getattr(TermUse, name).__set__ for name in ("key", "start", "end"))


def term_uses(found: Iterable[tuple[str, int, int]]) -> tuple[TermUse, ...]:
    """``TermUse`` records for ``(key, start, end)`` triples, built in bulk.

    The same records as ``TermUse(key=..., start=..., end=...)``; the slots are set
    directly, since a document holds a thousand uses and the frozen ``__init__`` costs
    three ``object.__setattr__`` calls each.
    """
    set_key, set_start, set_end = _TERM_USE_SETTERS
    new = object.__new__
    out: list[TermUse] = []
    for key, start, end in found:
        use = new(TermUse)
        set_key(use, key)
        set_start(use, start)
        set_end(use, end)
        out.append(use)
    return tuple(out)


class Resolution(enum.StrEnum):
    """Where a cross-reference points."""

    RESOLVED = "resolved"
    """A section of this document."""
    OTHER_DOCUMENT = "other-document"
    """A section or part of another document of the deal."""
    EXTERNAL = "external"
    """A statute, rule or instrument outside the deal's documents."""
    UNRESOLVED = "unresolved"
    """Nothing of that number exists where the reference points."""


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class RefTarget:
    """One target of a cross-reference: ``4(l)`` of ``doc`` (empty: this document)."""

    kind: str
    number: str
    start: int
    end: int
    doc: str = ""
    resolution: Resolution = Resolution.UNRESOLVED
    section: int | None = None
    suggestion: str = ""


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class CrossRef:
    """A cross-reference as printed (``Sections 1.3 and 1.4(g) of the Debentures``)."""

    text: str
    start: int
    end: int
    targets: tuple[RefTarget, ...]
    document: str = ""
    direction: str = ""


class QuantityKind(enum.StrEnum):
    """What a quantity measures."""

    MONEY = "money"
    PRICE = "price"
    SHARES = "shares"
    COUNT = "count"
    PERCENT = "percent"
    RATE = "rate"
    DURATION = "duration"
    DATE = "date"
    TIME = "time"


class DurationKind(enum.StrEnum):
    """The unit of a duration as the agreement words it."""

    DAYS = "days"
    CALENDAR_DAYS = "calendar-days"
    BUSINESS_DAYS = "business-days"
    TRADING_DAYS = "trading-days"
    CONSECUTIVE_TRADING_DAYS = "consecutive-trading-days"
    HOURS = "hours"
    WEEKS = "weeks"
    MONTHS = "months"
    YEARS = "years"


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Quantity:
    """A quantity with its value, kind, and the words/numerals pair where both appear.

    ``amount`` holds money, prices, percentages and rates as exact Decimals (a percentage
    as a fraction: 3% is ``0.03``); ``count`` holds shares, counts and duration lengths;
    ``day`` holds dates. ``per`` is the period of a rate (``annum``, ``month``) or the
    unit of a price (``share``); ``words_value`` is what the words say when they differ
    in form from the numerals ("Seven and a Half (7,500,000)": ``7.5``).
    """

    kind: QuantityKind
    start: int
    end: int
    text: str
    amount: Decimal | None = None
    count: int | None = None
    day: date | None = None
    per: str = ""
    duration: DurationKind | None = None
    clock: str = ""
    zone: str = ""
    words: str = ""
    words_value: Decimal | None = None


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Contact:
    """A notice address block: who, where, and the telephone, fax and e-mail numbers."""

    role: str
    name: str
    start: int
    end: int
    attention: str = ""
    address: tuple[str, ...] = ()
    telephone: str = ""
    fax: str = ""
    email: str = ""


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Allocation:
    """One line of an investor's allocation ("Aggregate Principal Amount of Debentures: $60,000").

    ``label`` is the line's caption as printed; ``amount`` holds money, ``count`` numbers
    of warrants, shares or debentures.
    """

    label: str
    start: int
    end: int
    amount: Decimal | None = None
    count: int | None = None


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class SignatureBlock:
    """A signature block with the signer and, for investors, the allocation below it.

    ``source`` is ``signature-page`` or the schedule that lists the holder (Hy-Tech
    "Schedule 1").
    """

    party: str
    start: int
    end: int
    by: str = ""
    signer: str = ""
    title: str = ""
    signed: bool = False
    signed_as: str = ""
    residence: str = ""
    attention: str = ""
    address: tuple[str, ...] = ()
    telephone: str = ""
    fax: str = ""
    email: str = ""
    allocation: tuple[Allocation, ...] = ()
    source: str = "signature-page"


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Party:
    """A party to the agreement with its role, defined alias and description."""

    role: str
    name: str
    alias: str
    start: int
    end: int
    jurisdiction: str = ""
    entity: str = ""
    address: str = ""
