"""Where a value came from: a position in a file, and a reference to an agreement clause.

A :class:`SourceSpan` is an editor-clickable ``path:line:col`` (1-based). A
:class:`ClauseRef` names a document of the deal, a section as printed in that document,
and optionally the physical lines and a verbatim quote; it prints as ``doc:section``.

>>> str(ClauseRef(doc="rra", section="2(c)"))
'rra:2(c)'
>>> str(SourceSpan(path="deal.yaml", line=3, col=5))
'deal.yaml:3:5'
"""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class SourceSpan:
    """A 1-based position (and optional end) in a text file."""

    path: str
    line: int
    col: int
    end_line: int | None = None
    end_col: int | None = None

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class ClauseRef:
    """A clause of an agreement: document id, printed section, optional lines and quote."""

    doc: str
    section: str
    lines: tuple[int, int] | None = None
    quote: str | None = None

    def __str__(self) -> str:
        return f"{self.doc}:{self.section}"
