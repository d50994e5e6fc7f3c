"""Offset maps: every normalized character points back to its original line and column.

Normalization (removing ``<PAGE>`` markers, joining hyphenated words, turning HTML into
text) changes the text that the indexers read, but a diagnostic must name the line and
column of the *original* file, as ``sed -n`` and editors count them. :class:`TextBuilder`
assembles normalized text from copied and inserted pieces; the resulting
:class:`OffsetMap` maps a normalized offset to an original offset, and :class:`LineIndex`
turns an original offset into a 1-based ``(line, col)``.

>>> b = TextBuilder("ab-\\ncd")
>>> b.copy(0, 2); b.copy(4, 6)
>>> text, offsets = b.finish()
>>> text, offsets.to_original(2)
('abcd', 4)
>>> LineIndex("ab-\\ncd").line_col(4)
(2, 1)
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class OffsetMap:
    """Piecewise map from normalized offsets to original offsets.

    Piece ``k`` starts at normalized offset ``norm_starts[k]`` and original offset
    ``orig_starts[k]``; a copied piece advances one original character per normalized
    character, an inserted piece maps every character to its anchor.
    """

    norm_starts: tuple[int, ...]
    orig_starts: tuple[int, ...]
    copied: tuple[bool, ...]
    norm_length: int
    orig_end: int

    def to_original(self, offset: int) -> int:
        """The original offset of normalized ``offset`` (clamped to the text)."""
        if not self.norm_starts:
            return 0
        offset = max(0, min(offset, self.norm_length))
        k = bisect.bisect_right(self.norm_starts, offset) - 1
        k = max(k, 0)
        base = self.orig_starts[k]
        if self.copied[k]:
            return min(base + (offset - self.norm_starts[k]), self.orig_end)
        return base

    @classmethod
    def identity(cls, length: int, start: int = 0) -> OffsetMap:
        """The map of a text that was copied unchanged from ``start``."""
        return cls(
            norm_starts=(0,),
            orig_starts=(start,),
            copied=(True,),
            norm_length=length,
            orig_end=start + length,
        )


class TextBuilder:
    """Build normalized text from pieces of an original text, recording the offset map."""

    __slots__ = ("_copied", "_length", "_norm", "_orig", "_parts", "_source")

    def __init__(self, source: str) -> None:
        self._source = source
        self._parts: list[str] = []
        self._norm: list[int] = []
        self._orig: list[int] = []
        self._copied: list[bool] = []
        self._length = 0

    def copy(self, start: int, end: int) -> None:
        """Append ``source[start:end]`` unchanged."""
        if end <= start:
            return
        self._anchor(start, copied=True)
        self._parts.append(self._source[start:end])
        self._length += end - start

    def replace(self, start: int, text: str) -> None:
        """Append ``text`` standing for the original characters from ``start`` on.

        A replacement of the same length as the original stretch keeps the column of
        every character; a shorter or longer one maps all its characters to ``start``.
        """
        if not text:
            return
        self._anchor(start, copied=False)
        self._parts.append(text)
        self._length += len(text)

    def _anchor(self, orig: int, *, copied: bool) -> None:
        if self._norm and self._copied[-1] and copied:
            last_norm, last_orig = self._norm[-1], self._orig[-1]
            if last_orig + (self._length - last_norm) == orig:
                return
        self._norm.append(self._length)
        self._orig.append(orig)
        self._copied.append(copied)

    def finish(self) -> tuple[str, OffsetMap]:
        """The normalized text and its offset map."""
        text = "".join(self._parts)
        return text, OffsetMap(
            norm_starts=tuple(self._norm),
            orig_starts=tuple(self._orig),
            copied=tuple(self._copied),
            norm_length=len(text),
            orig_end=len(self._source),
        )


class LineIndex:
    """Line starts of an original text; converts offsets to 1-based line and column.

    Lines are counted at ``\\n`` as ``sed -n`` counts them, so an unterminated last line
    is still a line.

    >>> idx = LineIndex("one\\ntwo")
    >>> idx.line_col(4), idx.line_count
    ((2, 1), 2)
    """

    __slots__ = ("_starts", "line_count")

    def __init__(self, text: str) -> None:
        # The start of each line after a "\n": one more than the lengths of the lines so far.
        lines = text.split("\n")
        starts = [0, *itertools.accumulate(map((1).__add__, map(len, lines[:-1])))]
        if len(starts) > 1 and starts[-1] == len(text):
            starts.pop()
        self._starts = starts
        self.line_count = len(starts)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based ``(line, column)`` of an original offset."""
        k = bisect.bisect_right(self._starts, max(offset, 0)) - 1
        return k + 1, offset - self._starts[k] + 1

    def line_start(self, line: int) -> int:
        """Original offset where 1-based ``line`` begins."""
        return self._starts[max(0, min(line - 1, len(self._starts) - 1))]
