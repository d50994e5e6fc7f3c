"""Normalizing EDGAR agreement text while keeping every offset traceable.

Plain-text EDGAR exhibits carry artefacts that are not part of the agreement: ``<PAGE>``
markers and the page numbers above them (Amnis L119-120 "2" / ``<PAGE>``), ``<TABLE>``,
``<CAPTION>``, ``<S>`` and ``<C>`` tags, carriage returns, words hyphenated across
lines, and the asterisk that some conversions put in place of an apostrophe (Hy-Tech
L1355 "Company*s", defect D-HYT-28). :func:`normalize_text` blanks the markers with
spaces of the same length (so columns stay exact), repairs the apostrophes in place and
joins hyphenated words (the only step that shortens the text, recorded in the
:class:`~dealbook.ingest.offsets.OffsetMap`). Each repair is kept, so that lint can
report the artefact at its original position.

>>> n = normalize_text("the Company*s shares\\n   2\\n<PAGE>\\nregis-\\n   tration")
>>> n.text.split()
['the', "Company's", 'shares', 'registration']
>>> [str(r.kind) for r in n.repairs]
['apostrophe', 'hyphenation']
"""

from __future__ import annotations

import dataclasses
import enum
import re

from dealbook.ingest.offsets import OffsetMap
from dealbook.ingest.offsets import TextBuilder
from dealbook.ingest.scan import anchored_finditer
from dealbook.ingest.scan import find_any


class RepairKind(enum.StrEnum):
    """What the normalizer changed."""

    APOSTROPHE = "apostrophe"
    """An asterisk standing for an apostrophe ("Company*s")."""
    HYPHENATION = "hyphenation"
    """A word hyphenated across a line break, joined."""


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Repair:
    """One change the normalizer made, at normalized offsets ``start``..``end``."""

    kind: RepairKind
    start: int
    end: int
    original: str


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Normalized:
    """Normalized text, its map to original offsets, and the repairs that were made."""

    text: str
    offsets: OffsetMap
    repairs: tuple[Repair, ...] = ()


_MARKUP = re.compile(
    r"<(?:/?(?i:PAGE|TABLE|CAPTION|S|C|FN|F\d+|R\d+|DOCUMENT|TEXT)>"
    r"|(?i:TYPE|SEQUENCE|FILENAME|DESCRIPTION)>[^\n]*)"
)
_PAGE_BREAK = re.compile(r"<PAGE>|\f", re.IGNORECASE)
_PAGE_BREAK_NEEDLES = ("<", "\f")
_PAGE_NUMBER = re.compile(
    r"[ \t]*(?:\d{1,3}|[ivxlc]{1,7}|-[ \t]*\d{1,3}[ \t]*-|[Pp]age[ \t]+\d{1,3})[ \t]*"
)
_ASTERISK = re.compile(r"\*(?=s\b|[ \t]+[a-z])")
_HYPHEN = re.compile(r"-\n[ \t]*(?=[a-z])")
_FULL_LINE = 55
"""A line broken by a page break mid-sentence runs (nearly) to the right margin."""
_STARTS_BLOCK = re.compile(
    r"\(?[A-Za-z0-9]{1,5}[.)][ \t]|ARTICLE|Article|SECTION|Section[ \t]+\d|IN[ \t]+WITNESS|[A-Z][A-Z ,;'-]{8,}$"
    r"|(?:SCHEDULE|Schedule|EXHIBIT|Exhibit|ANNEX|Annex|APPENDIX|Appendix)\b",
    re.MULTILINE,
)
_SPECIAL = re.compile("[\u00a0\u2018\u2019\u201c\u201d\u2032\u2033]")
_WORD_BEFORE = re.compile(r"[A-Za-z]+$")
_WORD_AFTER = re.compile(r"[a-z]+")
_NOT_NEWLINE = re.compile(r"[^\n]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SAME_LENGTH = str.maketrans(
    {
        "\u00a0": " ",
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2032": "'",
        "\u2033": '"',
    }
)


def _page_breaks(text: str) -> list[int]:
    """The starts of the ``<PAGE>`` markers and form feeds of ``text``."""
    starts = find_any(text, _PAGE_BREAK_NEEDLES)
    return [m.start() for m in anchored_finditer(_PAGE_BREAK, text, starts)]


def _blank_page_numbers(text: str, page_breaks: list[int] | None = None) -> str:
    """Blank the page-number lines just above each ``<PAGE>`` marker and at the end."""
    breaks = _page_breaks(text) if page_breaks is None else list(page_breaks)
    breaks.append(len(text))
    cuts: list[tuple[int, int]] = []
    for at in breaks:
        line_end = text.rfind("\n", 0, at) if at < len(text) else len(text.rstrip())
        for _ in range(4):
            if line_end <= 0:
                break
            line_start = text.rfind("\n", 0, line_end) + 1
            line = text[line_start:line_end]
            if not line.strip():
                line_end = line_start - 1
                continue
            if _PAGE_NUMBER.fullmatch(line):
                cuts.append((line_start, line_end))
            break
    if not cuts:
        return text
    parts: list[str] = []
    cursor = 0
    for start, end in sorted(set(cuts)):
        parts.append(text[cursor:start])
        parts.append(" " * (end - start))
        cursor = end
    parts.append(text[cursor:])
    return "".join(parts)


def _join_page_breaks(text: str, breaks: list[int]) -> str:
    """Let a sentence run on across a page break: its blank lines become one line break.

    Only a break after a word or a comma is joined, and not when the next page opens
    with a section marker or a heading, which must still follow a blank line.
    """
    cuts: list[tuple[int, int]] = []
    for at in breaks:
        before = at
        while before > 0 and text[before - 1] in " \t\n":
            before -= 1
        after = at
        while after < len(text) and text[after] in " \t\n":
            after += 1
        if (
            before == 0
            or after >= len(text)
            or not (text[before - 1].isalnum() or text[before - 1] == ",")
        ):
            continue
        line_start = text.rfind("\n", 0, after) + 1
        if _STARTS_BLOCK.match(text, after) or after - line_start > 20:
            continue
        if before - (text.rfind("\n", 0, before) + 1) < _FULL_LINE:
            continue
        cuts.append((text.find("\n", before, after) + 1, after))
    if not cuts:
        return text
    parts: list[str] = []
    cursor = 0
    for start, end in cuts:
        parts.append(text[cursor:start])
        parts.append(text[start:end].replace("\n", " "))
        cursor = end
    parts.append(text[cursor:])
    return "".join(parts)


_CONTROL_BYTES = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])


def _has_control(text: str) -> bool:
    """True when ``text`` holds a character that :data:`_CONTROL` blanks."""
    if text.isascii():
        data = text.encode("ascii")
        return len(data.translate(None, _CONTROL_BYTES)) != len(data)
    return _CONTROL.search(text) is not None


def _blank(match: re.Match[str]) -> str:
    found = match.group(0)
    return _NOT_NEWLINE.sub(" ", found) if "\n" in found else " " * len(found)


def normalize_text(original: str, start: int = 0, end: int | None = None) -> Normalized:
    """Normalize the plain-text slice ``original[start:end]``; offsets stay global."""
    end = len(original) if end is None else end
    raw = original[start:end]
    text = raw.replace("\r\n", " \n").replace("\r", "\n")
    if not text.isascii() and _SPECIAL.search(text):
        text = text.translate(_SAME_LENGTH)
    if _has_control(text):
        text = _CONTROL.sub(" ", text)
    breaks = _page_breaks(text)
    text = _blank_page_numbers(text, breaks)
    text = _MARKUP.sub(_blank, text)
    if breaks:
        text = _join_page_breaks(text, breaks)
    repairs: list[Repair] = []
    apostrophes: list[int] = []
    for match in _ASTERISK.finditer(text):
        at = match.start()
        if at == 0 or not text[at - 1].isalpha():
            continue
        if text[at + 1 : at + 2] != "s" and not (
            at > 1 and text[at - 1] == "s" and text[at - 2].islower()
        ):
            continue
        apostrophes.append(at)
        repairs.append(
            Repair(kind=RepairKind.APOSTROPHE, start=match.start(), end=match.end(), original="*")
        )
    if apostrophes:
        pieces: list[str] = []
        previous = 0
        for at in apostrophes:
            pieces.append(text[previous:at])
            pieces.append("'")
            previous = at + 1
        pieces.append(text[previous:])
        text = "".join(pieces)
    joins = [
        (m, _drop_hyphen(text, m))
        for m in _HYPHEN.finditer(text)
        if m.start() > 0 and text[m.start() - 1].islower() and _keep_join(text, m)
    ]
    if not joins:
        return Normalized(
            text=text, offsets=OffsetMap.identity(len(text), start), repairs=tuple(repairs)
        )
    builder = TextBuilder(" " * start + text)
    cursor = start
    removed_before: list[tuple[int, int]] = []
    removed = 0
    moved: list[Repair] = []
    for match, word_break in joins:
        keep = 0 if word_break else 1
        builder.copy(cursor, match.start() + start + keep)
        norm_at = match.start() - removed
        moved.append(
            Repair(
                kind=RepairKind.HYPHENATION,
                start=norm_at,
                end=norm_at + keep,
                original=match.group(0),
            )
        )
        removed += match.end() - match.start() - keep
        removed_before.append((match.start(), removed))
        cursor = match.end() + start
    builder.copy(cursor, start + len(text))
    joined, offsets = builder.finish()
    shifted = [_shift(r, removed_before) for r in repairs]
    ordered = sorted([*shifted, *moved], key=lambda r: r.start)
    return Normalized(text=joined, offsets=offsets, repairs=tuple(ordered))


def _keep_join(text: str, match: re.Match[str]) -> bool:
    """Join only real line-end hyphens, not a dash ruling line."""
    before = _WORD_BEFORE.search(text, max(0, match.start() - 40), match.start())
    return before is not None


def _drop_hyphen(text: str, match: re.Match[str]) -> bool:
    """True for a syllable break ("regis-/tration"), False for a compound ("majority-/in").

    The joined word is looked up in the document itself: if it occurs unhyphenated
    elsewhere, the hyphen was a syllable break; if the hyphenated form occurs, it was a
    compound; otherwise a lower-case continuation is taken as a syllable break.
    """
    before = _WORD_BEFORE.search(text, max(0, match.start() - 40), match.start())
    after = _WORD_AFTER.match(text, match.end())
    if before is None or after is None:
        return False
    head, tail = before.group(0), after.group(0)
    return not re.search(rf"\b{re.escape(head)}-{re.escape(tail)}\b", text)


def _shift(repair: Repair, removed_before: list[tuple[int, int]]) -> Repair:
    """Move a repair made before joining to its offset in the joined text."""
    removed = 0
    for at, total in removed_before:
        if at >= repair.start:
            break
        removed = total
    return dataclasses.replace(repair, start=repair.start - removed, end=repair.end - removed)
