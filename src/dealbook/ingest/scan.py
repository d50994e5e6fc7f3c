"""Fast scanning: find a pattern's matches by trying it only where a literal says it can start.

A regular expression that starts with a character class or an alternation is tried by
``re`` at every position of an agreement (about 100,000 per document). Most patterns of
this package can only start at a few literal needles ("%", "Section", a line opening
with "If"); :func:`find_all` finds those with the string search of ``str.find`` and
:func:`anchored_finditer` tries the pattern only there. The matches are exactly those
of ``pattern.finditer`` as long as the candidate positions include every position where
a match can start (and the pattern cannot match the empty string).

>>> import re
>>> pattern = re.compile(r"%|[pP]ercent")
>>> text = "five percent (5%) per annum"
>>> starts = find_all(text, "%") + find_all(text, "per") + find_all(text, "Per")
>>> [m.group(0) for m in anchored_finditer(pattern, text, starts)]
['percent', '%']
>>> [m.group(0) for m in anchored_finditer(pattern, text, starts)] == pattern.findall(text)
True
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from collections.abc import Iterator


def find_all(text: str, needle: str, start: int = 0, end: int | None = None) -> list[int]:
    """Every position of ``needle`` in ``text[start:end]`` (overlapping hits included).

    A needle of several characters that cannot overlap itself is found by a compiled
    literal pattern, whose search ``re`` runs faster than repeated ``str.find`` calls.
    """
    stop = len(text) if end is None else end
    literal = _literal(needle) if len(needle) > 1 else None
    if literal is not None:
        return [match.start() for match in literal.finditer(text, start, stop)]
    out: list[int] = []
    at = text.find(needle, start, stop)
    while at >= 0:
        out.append(at)
        at = text.find(needle, at + 1, stop)
    return out


@functools.lru_cache(maxsize=256)
def _literal(needle: str) -> re.Pattern[str] | None:
    """A pattern finding every occurrence of ``needle``; None if occurrences can overlap."""
    if any(needle[:k] == needle[-k:] for k in range(1, len(needle))):
        return None
    return re.compile(re.escape(needle))


def find_any(
    text: str, needles: Iterable[str], start: int = 0, end: int | None = None
) -> list[int]:
    """Every position of any of ``needles``, sorted, without duplicates."""
    found: set[int] = set()
    for needle in needles:
        if needle in text:
            found.update(find_all(text, needle, start, end))
    return sorted(found)


def ascii_lower(text: str) -> str | None:
    """``text.lower()`` for ASCII text (same length, same offsets); None for other text.

    The last text lowered is remembered (by identity), so that the finders of one
    document share one lower-case copy.
    """
    global _last_lowered
    last = _last_lowered
    if last is not None and last[0] is text:
        return last[1]
    if not text.isascii():
        return None
    lowered = text.lower()
    _last_lowered = (text, lowered)
    return lowered


_last_lowered: tuple[str, str] | None = None


def find_cased(text: str, needles: Iterable[str], lowered: str | None = None) -> list[int]:
    """Every position of any of ``needles`` (exact case), sorted, without duplicates.

    ``lowered`` is :func:`ascii_lower` of ``text``: the case variants of a word
    ("share", "Share", "SHARE") are then found by one search for its lower-case form.
    """
    wanted = frozenset(needles)
    if lowered is None or len(lowered) != len(text):
        return find_any(text, wanted)
    found: set[int] = set()
    for key in sorted({needle.lower() for needle in wanted}):
        size = len(key)
        found.update(at for at in find_all(lowered, key) if text[at : at + size] in wanted)
    return sorted(found)


def lines_with(text: str, positions: Iterable[int]) -> list[int]:
    """The starts of the lines holding ``positions``, sorted, without duplicates."""
    return sorted({text.rfind("\n", 0, at) + 1 for at in positions})


def finditer_lines(
    pattern: re.Pattern[str],
    text: str,
    needles: Iterable[str],
    pos: int = 0,
    endpos: int | None = None,
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, pos, endpos)`` for a pattern that matches only at line starts.

    Every match must start at the start of a line (``^`` under ``re.MULTILINE``) whose
    text contains one of ``needles`` (lower case; found in any letter case). On ASCII
    text only those lines are tried; other text is scanned by ``pattern.finditer``.
    """
    low = ascii_lower(text)
    if low is None:
        yield from pattern.finditer(text, pos, len(text) if endpos is None else endpos)
        return
    hits = [at for needle in needles for at in find_all(low, needle, pos, endpos)]
    yield from anchored_finditer(pattern, text, lines_with(text, hits), pos, endpos)


def line_starts_of(text: str, positions: Iterable[int], *, indent: str = " \t") -> list[int]:
    """The starts of the lines on which a position is preceded only by ``indent`` characters."""
    out: set[int] = set()
    for at in positions:
        line_start = text.rfind("\n", 0, at) + 1
        if not text[line_start:at].strip(indent):
            out.add(line_start)
    return sorted(out)


def anchored_finditer(
    pattern: re.Pattern[str],
    text: str,
    starts: Iterable[int],
    pos: int = 0,
    endpos: int | None = None,
) -> Iterator[re.Match[str]]:
    """The matches ``pattern.finditer(text, pos, endpos)`` finds, trying only ``starts``.

    ``starts`` must be sorted and include every position where a match can start; the
    pattern must not match the empty string.
    """
    stop = len(text) if endpos is None else endpos
    cursor = pos
    for at in starts:
        if at < cursor:
            continue
        if at >= stop:
            break
        match = pattern.match(text, at, stop)
        if match is not None and match.end() > at:
            yield match
            cursor = match.end()


def anchored_search(
    pattern: re.Pattern[str],
    text: str,
    starts: Iterable[int],
    pos: int = 0,
    endpos: int | None = None,
) -> re.Match[str] | None:
    """The match ``pattern.search(text, pos, endpos)`` finds, trying only ``starts``."""
    return next(anchored_finditer(pattern, text, starts, pos, endpos), None)
