"""Section markers and headings: ``ARTICLE IV``, ``4.15``, ``4.``, ``h.``, ``(iii)``, ``(A)``.

A marker starts a section when it opens a line that follows a blank line (or a line
that EDGAR blanked, such as a ``<PAGE>`` marker); a letter ``a.`` right after the colon
that ends a section's lead-in ("warrants to each Buyer that: a. Organization and
Qualification.", Insynq §3) also opens a section. Each marker carries its possible
readings, because ``i``, ``v`` and ``x`` are both letters and roman numerals.

>>> [(m.text, m.readings) for m in find_markers("\\n     (v)  the Company\\n", 0, 30)]
[('v', (('paren-letter', 22), ('paren-roman', 5)))]
>>> roman_value("XIV")
14
"""

from __future__ import annotations

import dataclasses
import re

from dealbook.ingest.scan import anchored_finditer
from dealbook.ingest.terms import SMALL_WORDS

_MARKER = re.compile(
    r"\n(?P<indent>[ \t]*)(?:"
    r"(?P<article>ARTICLE|Article)[ \t]+(?P<art>[IVXLC]+|\d{1,2})\b(?![.\d])"
    r"|(?:(?:SECTION|Section)[ \t]+)?(?P<dec>\d{1,2}(?:\.\d{1,2})+)\.?(?=[ \t])"
    r"|(?:(?:SECTION|Section)[ \t]+)?(?P<num>\d{1,2})\.(?=[ \t])"
    r"|\((?P<paren>[a-z]{1,5}|[A-Z]{1,4}|\d{1,2})\)(?=[ \t\"]|\n)"
    r"|(?P<dot>[a-zA-Z]|[ivx]{2,5})\.(?=[ \t]+[A-Za-z(\"])"
    r")"
)
_INLINE = re.compile(r":[ \t]+(?P<dot>a)\.[ \t]+(?=[A-Z])")
_SMALL = SMALL_WORDS | {"under", "upon", "without", "etc", "vs"}
"""Words a title-case heading leaves in lower case."""
_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Marker:
    """A section marker: its text (``h``, ``4.15``, ``IV``), label as printed and readings."""

    start: int
    end: int
    text: str
    label: str
    style: str
    readings: tuple[tuple[str, int], ...]


def roman_value(text: str) -> int:
    """The value of a roman numeral (or of decimal digits); 0 when it is neither."""
    if text.isdigit():
        return int(text)
    total = 0
    previous = 0
    for char in reversed(text.lower()):
        value = _ROMAN.get(char, 0)
        if value == 0:
            return 0
        total = total - value if value < previous else total + value
        previous = max(previous, value)
    return total


def _is_roman(text: str) -> bool:
    low = text.lower()
    return bool(low) and set(low) <= {"i", "v", "x"} and roman_value(low) > 0 and len(low) <= 5


def _readings(kind: str, text: str) -> tuple[tuple[str, int], ...]:
    """Possible (style, ordinal) readings of a letter or numeral marker."""
    out: list[tuple[str, int]] = []
    prefix = "paren-" if kind == "paren" else ""
    if text.isdigit():
        return ((f"{prefix}number", int(text)),)
    upper = text.isupper()
    if len(text) == 1:
        out.append((f"{prefix}{'Letter' if upper else 'letter'}", ord(text.lower()) - 96))
    if _is_roman(text):
        out.append((f"{prefix}{'Roman' if upper else 'roman'}", roman_value(text)))
    return tuple(out)


def find_markers(text: str, start: int, end: int) -> list[Marker]:
    """Markers that open a section between ``start`` and ``end``, in order."""
    markers: list[Marker] = []
    padded = start == 0
    source = "\n" + text if padded else text
    shift = 1 if padded else 0
    candidates = [at - 1 + shift for at in _paragraph_starts(text, start, end)]
    pos = start + shift - 1 if not padded else 0
    for found in anchored_finditer(_MARKER, source, candidates, pos, end + shift):
        # Offsets of ``found`` are in ``source``: one more than in ``text`` when padded.
        at = found.start("indent") - shift
        if not _after_blank(text, at, start):
            continue
        groups = found.groupdict()
        opening = found.end("indent") - shift
        closing = found.end() - shift
        art = groups["art"] or ""
        if groups["article"]:
            markers.append(
                Marker(
                    start=opening,
                    end=closing,
                    text=art,
                    label=f"ARTICLE {art}",
                    style="article",
                    readings=(("article", roman_value(art)),),
                )
            )
            continue
        dec = groups["dec"]
        if dec:
            markers.append(
                Marker(
                    start=opening,
                    end=closing,
                    text=dec,
                    label=dec,
                    style="decimal",
                    readings=(("decimal", int(dec.split(".")[-1])),),
                )
            )
            continue
        number = groups["num"]
        kind = "paren" if groups["paren"] else "dot"
        value = number or groups["paren"] or groups["dot"] or ""
        if number:
            readings: tuple[tuple[str, int], ...] = (("number", int(value)),)
        else:
            readings = _readings(kind, value)
        if not readings:
            continue
        markers.append(
            Marker(
                start=opening,
                end=closing,
                text=value,
                label=found.group(0)[found.end("indent") - found.start() :].strip(),
                style=readings[0][0],
                readings=readings,
            )
        )
        if value.isdigit() and number:
            inline = _INLINE.search(text, closing, min(end, closing + 600))
            paragraph_end = text.find("\n\n", closing, end)
            if inline and (paragraph_end < 0 or inline.start() < paragraph_end):
                markers.append(
                    Marker(
                        start=inline.start("dot"),
                        end=inline.end(),
                        text="a",
                        label="a.",
                        style="letter",
                        readings=(("letter", 1),),
                    )
                )
    return markers


_BLANK_LINE_END = re.compile(r"\n[^\S\n]*(?=\n)")


def _paragraph_starts(text: str, start: int, end: int) -> list[int]:
    """Line starts from ``start`` to ``end`` that :func:`_after_blank` accepts (sorted).

    A marker line opens the region or follows a blank line; :data:`_MARKER` is tried
    only at those lines. The other lines can hold no marker that is kept, and a marker
    match never reaches past its own line, so skipping them changes no match.
    """
    out: list[int] = []
    if start == 0 or text[start - 1] == "\n":
        out.append(start)
    first_newline = text.find("\n")
    if first_newline >= 0 and not text[:first_newline].strip() and first_newline + 1 > start:
        out.append(first_newline + 1)
    for blank in _BLANK_LINE_END.finditer(text, max(0, text.rfind("\n", 0, start)), end):
        at = blank.end() + 1
        if at > start:
            out.append(at)
    return sorted(set(out))


def _after_blank(text: str, at: int, floor: int) -> bool:
    """True when the line holding ``at`` follows a blank line (or starts the region)."""
    line_start = text.rfind("\n", 0, at) + 1
    if line_start <= floor:
        return True
    previous_start = text.rfind("\n", 0, line_start - 1) + 1
    return not text[previous_start : line_start - 1].strip()


def find_heading(text: str, marker: Marker) -> tuple[str, int, int] | None:
    """The heading after a marker ("Purchase of Debentures and Warrants."), if any.

    A heading is title-case or upper-case text ending in a full stop within 160
    characters, or a short title alone on its line ("(a) Indemnification"); an article's
    heading is the upper-case line or lines that follow it.
    """
    pos = marker.end
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    if marker.style == "article":
        return _block_heading(text, pos)
    stop = text.find(".", pos, pos + 200)
    line_end = text.find("\n", pos)
    line_end = len(text) if line_end < 0 else line_end
    if stop > pos and (stop + 1 >= len(text) or text[stop + 1] in ' \t\n"'):
        candidate = text[pos:stop]
        upper = _upper(candidate)
        one_paragraph = "\n\n" not in candidate.replace(" ", "").replace("\t", "")
        if _title_like(candidate) and (one_paragraph or upper):
            return " ".join(candidate.split()), pos, stop
    alone = text[pos:line_end].strip()
    after = text[line_end + 1 : text.find("\n", line_end + 1)] if line_end < len(text) else ""
    if (
        alone
        and len(alone) <= 80
        and not after.strip()
        and alone[-1] not in ",;:"
        and _title_like(alone)
    ):
        return " ".join(alone.split()), pos, pos + len(alone)
    return None


def _block_heading(text: str, pos: int) -> tuple[str, int, int] | None:
    """Upper-case lines after ``ARTICLE IV`` up to the next blank line after them."""
    match = re.compile(
        r"(?:[ \t]*\n)*[ \t]*(?P<h>[A-Z][A-Z0-9 ,;&'\-\t]*(?:\n[ \t]*[A-Z][A-Z0-9 ,;&'\-\t]*)?)"
    )
    found = match.match(text, pos)
    if found is None or not found.group("h").strip():
        return None
    heading = " ".join(found.group("h").split())
    return heading, found.start("h"), found.start("h") + len(found.group("h").rstrip())


def _upper(text: str) -> bool:
    if text.isascii():
        return text.isupper()  # the same test: ASCII letters are exactly the cased characters
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _title_like(text: str) -> bool:
    """Every word capitalized except small words ("Purchase of Debentures and Warrants")."""
    if not text.strip() or len(text) > 160 or '"' in text:
        return False
    words = _WORD.findall(text)
    if not words or not words[0][0].isupper():
        return False
    return all(w[0].isupper() or w.lower() in _SMALL for w in words)
