"""The agreements a deal is made of, with their text files and fingerprints."""

from __future__ import annotations

from pydantic import Field

from dealbook.terms.base import IsoDate
from dealbook.terms.base import Slug
from dealbook.terms.base import term


@term
class Document:
    """One agreement: an id used in citations (``spa``, ``rra``, ``cdpa``), title and date."""

    id: Slug
    title: str
    date: IsoDate
    text: str | None = None
    """Path of the plain text, relative to the deal file (bundled deals: ``texts/...``)."""
    sha256: str | None = Field(default=None, pattern=r"^[0-9a-f]{64}$")
    edgar_exhibit: str | None = None


@term
class Defect:
    """A drafting defect (spec §5) the deal file works around: what the text says and the reading chosen."""

    id: str = Field(pattern=r"^D-[A-Z]+-\d+$")
    says: str
    reading: str
    convention: str | None = None
    """The Conventions field (or register key) that selects the reading, if any."""
