"""Citations and open questions for extraction.

A :class:`Citer` turns normalized offsets of a document into a deal-file citation
``{doc, section, lines, quote}`` (the quote from the original file, whitespace
collapsed), counts the cited values, and collects open questions; a required value the
text does not state gets a placeholder labelled by :meth:`Citer.placeholder`.
"""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal

from dealbook.ingest.document import Document

Json = dict[str, object]
_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str, words: int = 3) -> str:
    """A deal-file id from a name ("AJW Partners, LLC" -> "ajw-partners-llc")."""
    parts = [p for p in _SLUG.split(text.lower()) if p][:words]
    return "-".join(parts) or "item"


def number(value: Decimal | int) -> int | str:
    """A deal-file number: an integer when whole, else exact decimal text ("0.001")."""
    if isinstance(value, int):
        return value
    if value == value.to_integral_value():
        return int(value)
    text = format(value.normalize(), "f")
    return "0" + text if text.startswith(".") else text


def section_label(doc: Document, offset: int) -> str:
    """How a citation names the part of the agreement an offset lies in."""
    number_ = doc.section_number(offset)
    if not number_:
        return "text"
    if number_ == "signatures":
        return "signature pages"
    if number_ == "toc":
        return "table of contents"
    if number_.startswith("Recital"):
        return "recital" + number_[len("Recital") :].rstrip("s")
    if number_.startswith("Schedule "):
        return "Sch. " + number_[len("Schedule ") :]
    return number_


@dataclasses.dataclass(slots=True, kw_only=True)
class Citer:
    """Makes citations, counts cited values and collects open questions."""

    keys: dict[str, str]
    cited: int = 0
    questions: list[tuple[str, str]] = dataclasses.field(default_factory=list)

    def cite(self, doc: Document, start: int, end: int) -> Json:
        """A citation of ``doc.text[start:end]``."""
        first, last = doc.line_range(start, end)
        self.cited += 1
        return {
            "doc": self.keys[doc.doc_id],
            "section": section_label(doc, start),
            "lines": str(first) if first == last else f"{first}-{last}",
            "quote": doc.original_quote(start, end),
        }

    def ask(self, field: str, question: str, *, placeholder: bool = False) -> None:
        """Record an open question (``placeholder``: the draft holds a stand-in value)."""
        suffix = " (the draft holds a labelled placeholder)" if placeholder else ""
        self.questions.append((field, question + suffix))

    def placeholder(self, field: str, question: str) -> Json:
        """An assumption block that marks a stand-in value, and the matching open question."""
        self.ask(field, question, placeholder=True)
        return {
            "id": "open-question-" + slug(field.replace(".", " "), words=6),
            "rationale": f"OPEN QUESTION, not stated in the agreement text: {question}. "
            "This value is a placeholder so that the draft validates; replace it.",
            "basis": "placeholder",
        }
