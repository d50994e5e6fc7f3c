"""Quantities: money, prices, share counts, percentages, rates, durations, dates and times.

Each quantity keeps its words/numerals pair where the agreement gives both ("Four
Hundred Fifty Thousand Dollars ($450,000)": 450000, words 450000), its kind, and for
durations the kind of day ("five (5) Business Days", "forty-five (45) calendar days",
"ten (10) Trading Days", "thirty (30) days"). Money is an exact Decimal; "$450,000)" is
450000, never 450. Rates carry their period ("15% per annum", "three percent (3%) ...
per month"); times carry their zone ("12:00 noon, Eastern Standard Time").

>>> [(str(q.kind), q.amount or q.count or q.day) for q in find_quantities(
...     "Four Hundred Fifty Thousand Dollars ($450,000) within thirty (30) days after May 9, 2003")]
[('money', Decimal('450000')), ('duration', 30), ('date', datetime.date(2003, 5, 9))]
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from dealbook.core.numbers import dec
from dealbook.core.numbers import divide
from dealbook.ingest.model import DurationKind
from dealbook.ingest.model import Quantity
from dealbook.ingest.model import QuantityKind
from dealbook.ingest.numwords import is_number_word
from dealbook.ingest.numwords import words_value

_AMOUNT = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_MONEY = re.compile(rf"\$\s*(?P<n>{_AMOUNT})(?:\s+(?P<scale>million|billion)\b)?", re.IGNORECASE)
_PER_UNIT = re.compile(r"\s*(?:per|a)\s+(?P<per>share|debenture|warrant|unit|annum|year|month)\b", re.I)
_PERCENT = re.compile(rf"(?P<n>{_AMOUNT})\s*(?:%\)?|percent\b|per\s+cent\b)", re.IGNORECASE)
_FRACTION = re.compile(r"\(\s*(?P<n>\.\d+|0\.\d+)\s*\)")
_RATE_PERIOD = re.compile(
    r"(?P<per>per\s+annum|per\s+year|a\s+year|annually|per\s+month|a\s+month|monthly|for\s+each\s+month"
    r"|for\s+the\s+first\s+month|per\s+diem|per\s+day)",
    re.IGNORECASE,
)
_CLAUSE_STOP = re.compile(r"[;:]|\.\s|\(\s*[ivx]+\s*\)|\bwhichever\b|\bprovided\b", re.IGNORECASE)
_SHARES = re.compile(
    rf"(?<![$\d.,])(?P<n>\d{{1,3}}(?:,\d{{3}})+|\d+)\s*\)?\s+(?:(?:issued\s+)?(?:common|underlying|"
    rf"Warrant|Escrow|Conversion)\s+)?shares\b",
    re.IGNORECASE,
)
_DURATION = re.compile(
    r"(?:(?P<words>\b[A-Za-z]+(?:[- ][A-Za-z]+){0,4})\s*\(\s*(?P<n>\d{1,4})\s*\)|(?P<n2>(?<![\d,.$])\d{1,4}(?![\d,]))"
    r"|(?P<w>\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    r"forty(?:-five)?|sixty|ninety)))"
    r"[\s-]+(?P<qual>calendar\s+|business\s+|banking\s+|trading\s+|consecutive\s+trading\s+|full\s+)?"
    r"(?P<unit>days?|months?|years?|hours?|weeks?)\b",
    re.IGNORECASE,
)
_MONTHS = (
    "january february march april may june july august september october november december".split()
)
_DATE = re.compile(
    r"\b(?P<m>January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\s*,?\s+(?P<y>(?:19|20)\d{2})\b",
    re.IGNORECASE,
)
_TIME = re.compile(
    r"(?P<clock>\b\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b|noon\b|midnight\b|o'clock\b)"
    r"|\bnoon\b|\bmidnight\b)(?:\s*,?\s*\(?(?P<zone>(?:Eastern|Central|Mountain|Pacific)\s+"
    r"(?:Standard\s+|Daylight\s+|Prevailing\s+)?Time|E[SD]T|C[SD]T|M[SD]T|P[SD]T|New\s+York\s+(?:City\s+)?time"
    r"|local\s+time))?",
)
_UNIT_WORDS = frozenset("dollars dollar united states us u.s. lawful money of the percent per cent".split())
_WORD_BACK = re.compile(r"([A-Za-z]+(?:-[A-Za-z]+)*)[\s,]*$")
_DURATION_KINDS = {
    "calendar": DurationKind.CALENDAR_DAYS,
    "business": DurationKind.BUSINESS_DAYS,
    "banking": DurationKind.BUSINESS_DAYS,
    "trading": DurationKind.TRADING_DAYS,
    "consecutive trading": DurationKind.CONSECUTIVE_TRADING_DAYS,
}
_UNIT_KINDS = {
    "day": DurationKind.DAYS,
    "hour": DurationKind.HOURS,
    "week": DurationKind.WEEKS,
    "month": DurationKind.MONTHS,
    "year": DurationKind.YEARS,
}


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in ``text``, ordered by position."""
    found = [
        *_money(text),
        *_percents(text),
        *_shares(text),
        *_durations(text),
        *_dates(text),
        *_times(text),
    ]
    return sorted(found, key=lambda q: (q.start, q.end))


def words_before(text: str, pos: int) -> tuple[str, int]:
    """The number words that end just before ``pos`` (skipping "Dollars", "percent")."""
    cursor = pos
    while cursor > 0 and text[cursor - 1] in " \t\n(":
        cursor -= 1
    words: list[str] = []
    start = cursor
    seen_number = False
    for _ in range(14):
        match = _WORD_BACK.search(text, max(0, cursor - 40), cursor)
        if match is None:
            break
        word = match.group(1)
        if is_number_word(word) and word.lower() not in ("a", "and"):
            seen_number = True
        elif word.lower() in ("a", "and") and seen_number:
            pass
        elif word.lower() in _UNIT_WORDS and not seen_number:
            pass
        else:
            break
        words.insert(0, word)
        start = match.start(1)
        cursor = match.start(1)
    while words and words[0].lower() in ("a", "and"):
        words.pop(0)
        start = text.index(words[0], start) if words else pos
    if not seen_number:
        return "", pos
    return " ".join(words), start


def _pair(text: str, number_start: int) -> tuple[str, Decimal | None, int]:
    """Words written before a parenthesized numeral: (words, their value, start)."""
    before = number_start
    while before > 0 and text[before - 1] in " \t\n$":
        before -= 1
    if before == 0 or text[before - 1] != "(":
        return "", None, number_start
    words, start = words_before(text, before - 1)
    value = words_value(words) if words else None
    if value is None:
        return "", None, number_start
    return words, value, start


def _number(raw: str) -> Decimal:
    return dec(raw if not raw.startswith(".") else "0" + raw)


def _money(text: str) -> list[Quantity]:
    out: list[Quantity] = []
    for match in _MONEY.finditer(text):
        amount = _number(match.group("n"))
        scale = (match.group("scale") or "").lower()
        if scale:
            amount *= 1_000_000 if scale == "million" else 1_000_000_000
        words, value, start = _pair(text, match.start())
        end = match.end()
        per_match = _PER_UNIT.match(text, end)
        kind, per = QuantityKind.MONEY, ""
        if per_match and per_match.group("per").lower() in ("share", "debenture", "warrant", "unit"):
            kind, per, end = QuantityKind.PRICE, per_match.group("per").lower(), per_match.end()
        out.append(
            Quantity(
                kind=kind, start=min(start, match.start()), end=end, text=_flat(text, start, end),
                amount=amount, per=per, words=words, words_value=value,
            )
        )  # fmt: skip
    return out


def _rate_period(text: str, end: int) -> tuple[str, int]:
    """The period of a rate stated within the same clause after a percentage."""
    stop = _CLAUSE_STOP.search(text, end, end + 160)
    limit = stop.start() if stop else end + 160
    found = _RATE_PERIOD.search(text, end, limit)
    if found is None:
        return "", end
    period = found.group("per").lower()
    per = "annum" if ("annum" in period or "year" in period or "annual" in period) else "month"
    if "day" in period or "diem" in period:
        per = "day"
    return per, found.end()


def _percents(text: str) -> list[Quantity]:
    out: list[Quantity] = []
    for match in _PERCENT.finditer(text):
        amount = divide(_number(match.group("n")), 100)
        words, value, start = _pair(text, match.start())
        if value is None:
            words, start = words_before(text, match.start())
            value = words_value(words) if words else None
        per, _ = _rate_period(text, match.end())
        kind = QuantityKind.RATE if per else QuantityKind.PERCENT
        words_amount = divide(value, 100) if value is not None else None
        out.append(
            Quantity(
                kind=kind, start=min(start, match.start()), end=match.end(),
                text=_flat(text, min(start, match.start()), match.end()), amount=amount, per=per,
                words=words, words_value=words_amount,
            )
        )  # fmt: skip
    for match in _FRACTION.finditer(text):
        words, value, start = _pair(text, match.start("n"))
        if value is None or "hundredth" not in words.lower() and "tenth" not in words.lower():
            continue
        amount = _number(match.group("n"))
        out.append(
            Quantity(
                kind=QuantityKind.PERCENT, start=start, end=match.end(), text=_flat(text, start, match.end()),
                amount=amount, words=words, words_value=value,
            )
        )  # fmt: skip
    return out


def _shares(text: str) -> list[Quantity]:
    out: list[Quantity] = []
    for match in _SHARES.finditer(text):
        count = int(match.group("n").replace(",", ""))
        words, value, start = _pair(text, match.start("n"))
        out.append(
            Quantity(
                kind=QuantityKind.SHARES, start=min(start, match.start()), end=match.end(),
                text=_flat(text, min(start, match.start()), match.end()), count=count,
                words=words, words_value=value,
            )
        )  # fmt: skip
    return out


def _durations(text: str) -> list[Quantity]:
    out: list[Quantity] = []
    for match in _DURATION.finditer(text):
        unit = match.group("unit").lower().rstrip("s")
        qualifier = " ".join((match.group("qual") or "").lower().split())
        kind = _DURATION_KINDS.get(qualifier, _UNIT_KINDS[unit]) if unit == "day" else _UNIT_KINDS[unit]
        words = ""
        value: Decimal | None = None
        start = match.start()
        if match.group("n"):
            count = int(match.group("n"))
            words, start = words_before(text, match.start("n") - 1)
            value = words_value(words) if words else None
            if value is None:
                words, start = "", match.start("n") - 1
        elif match.group("n2"):
            count = int(match.group("n2"))
            if 1900 <= count <= 2100:
                continue
        else:
            word_value = words_value(match.group("w"))
            if word_value is None:
                continue
            count = int(word_value)
            words, value = match.group("w"), word_value
        out.append(
            Quantity(
                kind=QuantityKind.DURATION, start=start, end=match.end(), text=_flat(text, start, match.end()),
                count=count, duration=kind, words=words, words_value=value,
            )
        )  # fmt: skip
    return out


def _dates(text: str) -> list[Quantity]:
    out: list[Quantity] = []
    for match in _DATE.finditer(text):
        month = _MONTHS.index(match.group("m").lower()) + 1
        try:
            day = date(int(match.group("y")), month, int(match.group("d")))
        except ValueError:
            continue
        out.append(
            Quantity(kind=QuantityKind.DATE, start=match.start(), end=match.end(),
                     text=_flat(text, match.start(), match.end()), day=day)
        )  # fmt: skip
    return out


def _times(text: str) -> list[Quantity]:
    out: list[Quantity] = []
    for match in _TIME.finditer(text):
        zone = " ".join((match.group("zone") or "").split())
        clock = " ".join(match.group("clock").split())
        if not zone and not re.search(r"\d", clock):
            continue
        out.append(
            Quantity(kind=QuantityKind.TIME, start=match.start(), end=match.end(),
                     text=_flat(text, match.start(), match.end()), clock=clock, zone=zone)
        )  # fmt: skip
    return out


def _flat(text: str, start: int, end: int) -> str:
    return " ".join(text[start:end].split())
