"""Capitalization statements: authorized, outstanding and reserved shares; share denominations.

Insynq §3(c) states 250,000,000 authorized shares of Common Stock, 66,527,503 issued and
outstanding, and three present reservations (23,722,925, 159,749,572 and 630,000,000)
that together exceed the authorized amount (D-INS-5). Hy-Tech's Schedule 3.1(c) states
50,000,000 authorized and 37,916,390 outstanding, while Schedule 1's share
denominations add up to 12,500,000 (D-HYT-2). :func:`find_capitalization` reads these
statements from the share quantities and their wording; only present-tense
reservations ("shares are reserved") count, not promises ("will reserve").

>>> text = ("the authorized capital stock of the Company consists of (i) 250,000,000 shares of "
...         "Common Stock, of which 66,527,503 shares are issued and outstanding, "
...         "630,000,000 shares are reserved for issuance")
>>> cap = find_capitalization(text)
>>> cap.authorized.count, cap.outstanding.count, [r.count for r in cap.reserved]
(250000000, 66527503, [630000000])
"""

from __future__ import annotations

import dataclasses
import re

from dealbook.ingest.scan import anchored_finditer
from dealbook.ingest.scan import find_all
from dealbook.ingest.scan import lines_with

_COUNT = r"(?P<n>\d{1,3}(?:,\d{3})+)"
_AUTHORIZED = re.compile(
    rf"(?:authorized[^.;]{{0,80}}?|consists\s+of\s+(?:\(i\)\s+)?){_COUNT}\s+shares?\s+of\s+Common\s+Stock"
    rf"|Common\s+Stock,?\s+\$?[.\d]*\s*par\s+value\s*-\s*{_COUNT.replace('n>', 'n2>')}\s+shares",
    re.IGNORECASE,
)
_OUTSTANDING = re.compile(
    rf"{_COUNT}\s+shares\s+(?:are\s+|were\s+)?(?:issued\s+and\s+)?outstanding", re.IGNORECASE
)
_RESERVED = re.compile(
    rf"{_COUNT}\s+shares\s+(?:are|have\s+been)\s+reserved"
    rf"|(?:has|have)\s+reserved\s+(?:an\s+aggregate\s+of\s+)?{_COUNT.replace('n>', 'n2>')}\s+shares",
    re.IGNORECASE,
)
_DENOMINATION = re.compile(
    r"^[ \t]*(?P<k>\d{1,4})[ \t]*x[ \t]*(?P<size>[\d,]+)[ \t]+(?P<total>[\d,]+)[ \t]*$", re.M
)
_CLASS_A = re.compile(r"Class\s+[A-Z]\s+$|preferred\s+$", re.IGNORECASE)


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class ShareCount:
    """A number of shares at a position of the text."""

    count: int
    start: int
    end: int


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Denomination:
    """One line of a share-denomination table: ``k`` certificates of ``size`` shares."""

    certificates: int
    size: int
    stated_total: int
    start: int
    end: int


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Capitalization:
    """The capitalization statements of a document (the first authorized amount found)."""

    authorized: ShareCount | None = None
    outstanding: ShareCount | None = None
    reserved: tuple[ShareCount, ...] = ()
    denominations: tuple[Denomination, ...] = ()

    @property
    def headroom(self) -> int | None:
        """Authorized shares neither outstanding nor reserved, when both are stated."""
        if self.authorized is None or self.outstanding is None:
            return None
        return self.authorized.count - self.outstanding.count - sum(r.count for r in self.reserved)

    @property
    def denominations_total(self) -> int:
        """Shares in all certificates of the denomination table."""
        return sum(d.certificates * d.size for d in self.denominations)


def _count(match: re.Match[str], group: str = "n") -> ShareCount:
    return ShareCount(
        count=int(match.group(group).replace(",", "")),
        start=match.start(group),
        end=match.end(group),
    )


def _denomination_lines(text: str) -> list[int]:
    """Starts of the lines that can hold a denomination ("12 x 1,000 12,000")."""
    return lines_with(
        text,
        (
            at
            for at in find_all(text, "x")
            if at and (text[at - 1] in " \t" or text[at - 1].isdigit())
        ),
    )


def find_capitalization(text: str) -> Capitalization:
    """Authorized, outstanding and reserved Common Stock and share denominations."""
    authorized: ShareCount | None = None
    anchors = sorted(
        a
        for needle in ("uthoriz", "UTHORIZ", "onsists", "par value", "PAR VALUE")
        for a in find_all(text, needle)
    )
    for match in (
        m for a in anchors for m in [_AUTHORIZED.search(text, max(0, a - 30), a + 200)] if m
    ):
        group = "n" if match.group("n") else "n2"
        prefix = text[max(0, match.start(group) - 40) : match.start(group)]
        if (
            _CLASS_A.search(text[match.end(group) : match.end(group) + 20])
            or "preferred" in prefix.lower()
        ):
            continue
        authorized = _count(match, group)
        break
    outstanding = None
    reserved: list[ShareCount] = []
    if authorized is not None:
        window_end = min(len(text), authorized.end + 2500)
        found = _OUTSTANDING.search(text, authorized.end, window_end)
        outstanding = _count(found) if found else None
        paragraph = text.find("\n\n", authorized.end, window_end)
        stop = window_end if paragraph < 0 else paragraph
        if found and found.start() > stop:
            stop = text.find("\n\n", found.end(), window_end)
            stop = window_end if stop < 0 else stop
        for match in _RESERVED.finditer(text, authorized.end, stop):
            reserved.append(_count(match, "n" if match.group("n") else "n2"))
    denominations = tuple(
        Denomination(
            certificates=int(m.group("k")),
            size=int(m.group("size").replace(",", "")),
            stated_total=int(m.group("total").replace(",", "")),
            start=m.start("k"),
            end=m.end("total"),
        )
        for m in anchored_finditer(_DENOMINATION, text, _denomination_lines(text))
    )
    return Capitalization(
        authorized=authorized,
        outstanding=outstanding,
        reserved=tuple(reserved),
        denominations=denominations,
    )
