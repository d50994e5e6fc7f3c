"""The section tree of an agreement, in the numbering styles of the seeds.

The Insynq and Amnis agreements number ``1.`` / ``a.`` / ``(i)`` and are cited as
``4(h)`` or ``1(a)(iii)``; Hy-Tech numbers ``ARTICLE I`` / ``1.1`` / ``(a)`` / ``(i)`` /
``(A)`` and is cited as ``2.2(b)(v)``. :func:`parse_sections` finds the preamble, the
table of contents, recitals, articles and sections, the signature pages, schedules and
exhibits. A line starts a section when it begins with a marker and follows a blank line
(EDGAR wraps enumerations such as "(ii) there are no" at a line start inside running
text). Indentation is not trusted (Hy-Tech indents §2.2(c) like a sub-item, Amnis
indents §7(i) like one, D-AMN-23); the tree comes from the order of the markers: ``i.``
after ``h.`` is the letter i, ``(i)`` after ``(b)`` opens a roman list.
"""

from __future__ import annotations

import bisect
import dataclasses
import re

from dealbook.ingest.model import Section
from dealbook.ingest.model import SectionKind
from dealbook.ingest.scan import finditer_lines
from dealbook.ingest.sectionmarks import Marker
from dealbook.ingest.sectionmarks import find_heading
from dealbook.ingest.sectionmarks import find_markers as _find_all
from dealbook.ingest.sectionmarks import roman_value
from dealbook.ingest.toc import Toc

_WITNESS = re.compile(r"^[ \t]*IN[ \t]+WITNESS[ \t]+WHEREOF", re.M | re.I)
_WHEREAS = re.compile(
    r"^[ \t]*(?:W[ \t]*H[ \t]*E[ \t]*R[ \t]*E[ \t]*A[ \t]*S|Recitals?|RECITALS?)\b", re.M
)
_NOW = re.compile(
    r"^[ \t]*(?:NOW,?[ \t]+THEREFORE|IN[ \t]+CONSIDERATION|Now,?[ \t]+[Tt]herefore)", re.M
)
_RECITAL_ITEM = re.compile(r"^[ \t]*([A-H])\.[ \t]+(?=\S)", re.M)
_ATTACHMENT = re.compile(
    r"^[ \t]*(?P<kind>SCHEDULE|Schedule|EXHIBIT|Exhibit|ANNEX|Annex|APPENDIX|Appendix)[ \t]+"
    r"(?P<num>\"?[A-Z0-9][\w.()-]{0,12}\"?)[ \t]*$",
    re.M,
)
_BLANK_LINES = re.compile(r"(?:[ \t]*\n)+")


@dataclasses.dataclass(slots=True, kw_only=True)
class _Node:
    kind: SectionKind
    number: str
    label: str
    style: str
    ordinal: int
    start: int
    depth: int
    parent: int | None
    heading: str = ""
    heading_start: int = 0
    heading_end: int = 0
    end: int = 0


@dataclasses.dataclass(slots=True, kw_only=True)
class _Level:
    node: int
    style: str
    ordinal: int


def parse_sections(text: str, toc: Toc) -> tuple[Section, ...]:
    """Build the section tree of a normalized agreement text."""
    nodes: list[_Node] = []
    body_start = toc.end if toc.end else 0
    witness = next(finditer_lines(_WITNESS, text, ("witness",), body_start), None)
    body_end = witness.start() if witness else len(text)
    attachments = [m for m in _ATTACHMENT.finditer(text, witness.end() if witness else body_start)]
    if not witness and attachments:
        body_end = attachments[0].start()
    if toc.end:
        nodes.append(_top(SectionKind.TOC, "toc", toc.start, depth=0))
        nodes[-1].end = toc.end
    markers = _Markers(text)
    first_marker, recital_nodes = _recitals(text, markers, body_start, body_end)
    preamble_end = recital_nodes[0].start if recital_nodes else first_marker
    if preamble_end > body_start and text[body_start:preamble_end].strip():
        nodes.append(_top(SectionKind.PREAMBLE, "preamble", body_start, depth=0))
    nodes.extend(recital_nodes)
    body_from = max(preamble_end, recital_nodes[-1].start + 1) if recital_nodes else preamble_end
    _body(text, markers, nodes, body_from, body_end)
    if witness:
        nodes.append(_top(SectionKind.SIGNATURES, "signatures", witness.start(), depth=0))
    for match in attachments:
        kind = (
            SectionKind.SCHEDULE
            if match.group("kind").lower() == "schedule"
            else SectionKind.EXHIBIT
        )
        number = f"{match.group('kind').title()} {match.group('num').strip(chr(34))}"
        node = _top(kind, number, match.start(), depth=0)
        heading = _attachment_heading(text, match.end())
        if heading is not None:
            node.heading, node.heading_start, node.heading_end = heading
        nodes.append(node)
    return _finish(nodes, text)


class _Markers:
    """All markers of a text, found once and filtered by range."""

    __slots__ = ("_all", "_starts")

    def __init__(self, text: str) -> None:
        self._all = _find_all(text, 0, len(text))
        self._starts = [m.start for m in self._all]

    def between(self, start: int, end: int) -> list[Marker]:
        low = bisect.bisect_left(self._starts, start)
        high = bisect.bisect_left(self._starts, end)
        return self._all[low:high]


def _top(kind: SectionKind, number: str, start: int, *, depth: int) -> _Node:
    return _Node(
        kind=kind,
        number=number,
        label="",
        style=str(kind),
        ordinal=0,
        start=start,
        depth=depth,
        parent=None,
    )


def _recitals(text: str, markers: _Markers, start: int, end: int) -> tuple[int, list[_Node]]:
    """Recital nodes between WHEREAS and NOW THEREFORE, and where the body begins."""
    found = markers.between(start, end)
    first = found[0].start if found else end
    whereas = _WHEREAS.search(text, start, first)
    if whereas is None:
        return first, []
    now = _NOW.search(text, whereas.end(), end)
    stop = now.end() if now else first
    nodes: list[_Node] = []
    for item in _RECITAL_ITEM.finditer(text, whereas.end(), stop):
        nodes.append(_top(SectionKind.RECITAL, f"Recital {item.group(1)}", item.start(), depth=0))
        nodes[-1].label = f"{item.group(1)}."
    if not nodes:
        nodes.append(_top(SectionKind.RECITAL, "Recitals", whereas.start(), depth=0))
    body = markers.between(stop, end)
    return (body[0].start if body else end), nodes


def _body(text: str, markers: _Markers, nodes: list[_Node], start: int, end: int) -> None:
    """Add the numbered sections between ``start`` and ``end`` to ``nodes``."""
    stack: list[_Level] = []
    for marker in markers.between(start, end):
        placed = _place(marker, stack, nodes)
        if placed is None:
            continue
        node = nodes[placed]
        heading = find_heading(text, marker)
        if heading is not None:
            node.heading, node.heading_start, node.heading_end = heading


def _place(marker: Marker, stack: list[_Level], nodes: list[_Node]) -> int | None:
    """Put a marker in the tree; returns the new node index, or None to skip it."""
    if marker.style == "article":
        del stack[:]
        return _push(marker, marker.readings[0][1], stack, nodes, parent=None)
    if marker.style == "decimal":
        parts = marker.text.split(".")
        while stack and stack[-1].style != "article":
            if stack[-1].style == "decimal" and _decimal_parent(
                nodes[stack[-1].node].number, parts
            ):
                break
            stack.pop()
        if (
            stack
            and stack[-1].style == "article"
            and roman_value(nodes[stack[-1].node].number) != int(parts[0])
        ):
            stack.pop()
        parent = stack[-1].node if stack else None
        return _push(marker, int(parts[-1]), stack, nodes, parent=parent, style="decimal")
    for depth in range(len(stack) - 1, -1, -1):
        level = stack[depth]
        for style, ordinal in marker.readings:
            if style == level.style and level.ordinal < ordinal <= level.ordinal + 2:
                del stack[depth:]
                parent = stack[-1].node if stack else None
                return _push(marker, ordinal, stack, nodes, parent=parent, style=style)
    used = {level.style for level in stack}
    for style, ordinal in marker.readings:
        if ordinal <= 2 and style not in used:
            parent = stack[-1].node if stack else None
            return _push(marker, ordinal, stack, nodes, parent=parent, style=style)
    for depth in range(len(stack) - 1, -1, -1):
        level = stack[depth]
        for style, ordinal in marker.readings:
            if style == level.style and ordinal == level.ordinal:
                del stack[depth:]
                parent = stack[-1].node if stack else None
                return _push(marker, ordinal, stack, nodes, parent=parent, style=style)
    return None


def _decimal_parent(number: str, parts: list[str]) -> bool:
    """True when decimal ``number`` (``4.15``) is a proper prefix of ``parts`` (``4.15.1``)."""
    own = number.split(".")
    return len(own) < len(parts) and own == parts[: len(own)]


def _push(
    marker: Marker,
    ordinal: int,
    stack: list[_Level],
    nodes: list[_Node],
    *,
    parent: int | None,
    style: str | None = None,
) -> int:
    style = style or marker.style
    depth = nodes[parent].depth + 1 if parent is not None else 0
    number = _number(marker, style, nodes[parent] if parent is not None else None)
    kind = SectionKind.ARTICLE if style == "article" else SectionKind.SECTION
    nodes.append(
        _Node(
            kind=kind,
            number=number,
            label=marker.label,
            style=style,
            ordinal=ordinal,
            start=marker.start,
            depth=depth,
            parent=parent,
        )
    )
    stack.append(_Level(node=len(nodes) - 1, style=style, ordinal=ordinal))
    return len(nodes) - 1


def _number(marker: Marker, style: str, parent: _Node | None) -> str:
    """The number as references print it: ``4(h)(i)``, ``2.2(b)(v)``, ``III``."""
    if style in ("article", "decimal", "number"):
        return marker.text
    if parent is None or parent.kind is SectionKind.ARTICLE:
        return marker.text
    return f"{parent.number}({marker.text})"


def _attachment_heading(text: str, pos: int) -> tuple[str, int, int] | None:
    blank = _BLANK_LINES.match(text, pos + 1) if pos < len(text) else None
    at = blank.end() if blank else pos + 1
    line_end = text.find("\n", at)
    line_end = len(text) if line_end < 0 else line_end
    line = text[at:line_end].strip()
    if line and len(line) <= 80 and line.upper() == line and any(c.isalpha() for c in line):
        first = text.index(line[0], at)
        return " ".join(line.split()), first, first + len(line)
    return None


def _line_start(text: str, at: int) -> int:
    """``at``, moved back to its line start when only blanks precede it on the line."""
    line_start = text.rfind("\n", 0, at) + 1
    return line_start if not text[line_start:at].strip() else at


def _finish(nodes: list[_Node], text: str) -> tuple[Section, ...]:
    """Order the nodes, compute each section's end, and freeze them."""
    length = len(text)
    order = sorted(range(len(nodes)), key=lambda i: (nodes[i].start, nodes[i].depth))
    remap = {old: new for new, old in enumerate(order)}
    ordered = [nodes[i] for i in order]
    for node in ordered:
        node.parent = remap[node.parent] if node.parent is not None else None
    count = len(ordered)
    for i, node in enumerate(ordered):
        node.end = length
        for k in range(i + 1, count):
            later = ordered[k]
            if later.depth <= node.depth:
                node.end = _line_start(text, later.start)
                break
        if node.kind is SectionKind.TOC:
            node.end = min(node.end, _toc_end(ordered, i, length))
    return tuple(
        Section(
            index=i,
            kind=n.kind,
            number=n.number,
            label=n.label,
            style=n.style,
            heading=n.heading,
            start=n.start,
            end=n.end,
            depth=n.depth,
            parent=n.parent,
            heading_start=n.heading_start,
            heading_end=n.heading_end,
            ordinal=n.ordinal,
        )
        for i, n in enumerate(ordered)
    )


def _toc_end(ordered: list[_Node], i: int, length: int) -> int:
    return ordered[i + 1].start if i + 1 < len(ordered) else length
