"""The table of contents and the lists of schedules and exhibits that follow it.

Hy-Tech (L43-146) prints a table of contents with dot leaders and page numbers, then a
"LIST OF SCHEDULES" and a "LIST OF EXHIBITS". :func:`find_toc` returns the region and
its entries, so that the section parser skips them and lint can compare each entry with
the heading in the body (defect D-HYT-24: "PURCHASE AND SALE OF DEBENTURE" in the table,
"PURCHASE AND SALE OF CONVERTIBLE DEBENTURES" in Article II).

>>> text = "TABLE OF CONTENTS\\n\\nARTICLE I    DEFINITIONS......1\\n  1.1  TERMS.....1\\n\\nBody"
>>> toc = find_toc(text)
>>> [(e.number, e.title, e.page) for e in toc.entries]
[('Article I', 'DEFINITIONS', '1'), ('1.1', 'TERMS', '1')]
"""

from __future__ import annotations

import dataclasses
import re

from dealbook.ingest.scan import finditer_lines

_TOC_TITLE = re.compile(
    r"^[ \t]*(?:TABLE[ \t]+OF[ \t]+CONTENTS|Table[ \t]+of[ \t]+Contents|INDEX)[ \t]*$", re.M
)
_LINE = re.compile(r"[^\n]*(?:\n|$)")
_ENTRY = re.compile(
    r"^[ \t]*(?:(?P<article>ARTICLE|Article)[ \t]+(?P<roman>[IVXLC]+|\d+)|(?:SECTION[ \t]+|Section[ \t]+)?"
    r"(?P<num>\d{1,2}(?:\.\d{1,2})*)\.?)[ \t]+(?P<title>\S.*?)"
    r"(?:[ \t]*\.{3,}[ \t]*|[ \t]{2,})(?P<page>[0-9ivxlc]{1,5})[ \t]*$"
)
_LIST_HEAD = re.compile(
    r"^[ \t]*LIST[ \t]+OF[ \t]+(?:SCHEDULES|EXHIBITS|ANNEXES)[ \t]*:?[ \t]*$", re.I
)
_LIST_ITEM = re.compile(
    r"^[ \t]*(?P<kind>Schedule|Exhibit|Annex|Appendix|SCHEDULE|EXHIBIT|ANNEX)[ \t]+"
    r"(?P<num>[\w.()\"]+)[ \t]{2,}(?P<title>\S.*?)[ \t]*$"
)
_OTHER_TOC = re.compile(r"^[ \t]*(?:Page|PAGE|[0-9ivxlc]{1,4}|CAPTION)?[ \t]*$")


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class TocEntry:
    """One line of the table of contents: number, title and page as printed."""

    number: str
    title: str
    page: str
    start: int
    end: int


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Toc:
    """The table-of-contents region (empty when there is none) and its entries."""

    start: int
    end: int
    entries: tuple[TocEntry, ...] = ()
    listed: tuple[TocEntry, ...] = ()


def find_toc(text: str) -> Toc:
    """Find the table of contents and the schedule/exhibit lists that follow it."""
    title = next(finditer_lines(_TOC_TITLE, text, ("table", "index")), None)
    if title is None:
        return Toc(start=0, end=0)
    entries: list[TocEntry] = []
    listed: list[TocEntry] = []
    end = title.end()
    pos = title.end()
    while pos < len(text):
        line_match = _LINE.match(text, pos)
        if line_match is None or line_match.end() == pos:
            break
        line = line_match.group(0).rstrip("\n")
        entry = _ENTRY.match(line)
        item = _LIST_ITEM.match(line)
        if entry:
            number = (
                f"Article {entry.group('roman')}" if entry.group("article") else entry.group("num")
            )
            entries.append(
                TocEntry(
                    number=number,
                    title=" ".join(entry.group("title").split()),
                    page=entry.group("page"),
                    start=pos + entry.start("title"),
                    end=pos + entry.end("title"),
                )
            )
            end = line_match.end()
        elif item:
            listed.append(
                TocEntry(
                    number=f"{item.group('kind').title()} {item.group('num')}",
                    title=" ".join(item.group("title").split()),
                    page="",
                    start=pos + item.start("title"),
                    end=pos + item.end("title"),
                )
            )
            end = line_match.end()
        elif _LIST_HEAD.match(line):
            end = line_match.end()
        elif not _OTHER_TOC.match(line):
            break
        pos = line_match.end()
    return Toc(start=title.start(), end=end, entries=tuple(entries), listed=tuple(listed))
