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
from dealbook.ingest.scan import anchored_finditer
from dealbook.ingest.scan import ascii_lower
from dealbook.ingest.scan import find_all
from dealbook.ingest.scan import find_any
from dealbook.ingest.scan import find_cased

_AMOUNT = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_MONEY = re.compile(rf"\$\s*(?P<n>{_AMOUNT})(?:\s+(?P<scale>million|billion)\b)?", re.IGNORECASE)
_PER_UNIT = re.compile(
    r"\s*(?:per|a)\s+(?P<per>share|debenture|warrant|unit|annum|year|month)\b", re.I
)
_PAR_VALUE = re.compile(r"\s+par\s+value", re.IGNORECASE)
_PERCENT_SIGN = re.compile(r"%|[pP](?:ercent|ERCENT|er\s+cent)(?![A-Za-z])")
_PERCENT_NEEDLES = ("%", "per", "Per", "pER", "PER")
_PERCENT_NUMBER = re.compile(rf"(?<![\d,.])(?P<n>{_AMOUNT})\s*$")
_FRACTION = re.compile(r"\(\s*(?P<n>\.\d+|0\.\d+)\s*\)")
_RATE_PERIOD = re.compile(
    r"(?P<per>per\s+annum|per\s+year|a\s+year|annually|per\s+month|a\s+month|monthly|for\s+each\s+month"
    r"|for\s+the\s+first\s+month|per\s+diem|per\s+day)",
    re.IGNORECASE,
)
_CLAUSE_STOP = re.compile(r"[;:]|\.\s|\(\s*[ivx]+\s*\)|\bwhichever\b|\bprovided\b", re.IGNORECASE)
_SHARES_WORD = re.compile(r"(?:shares?|Shares?|SHARES?)(?![A-Za-z])")
_SHARES_NEEDLES = ("share", "Share", "SHARE")
_SHARES_NUMBER = re.compile(
    r"(?<![$\d.,])(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s*\)?\s+(?:(?:issued\s+)?(?i:common|underlying|"
    r"Warrant|Escrow|Conversion)\s+)?$"
)
_DIGIT = re.compile(r"\d")
_DURATION_UNIT = re.compile(r"(?i:days?|months?|years?|hours?|weeks?)(?![A-Za-z])")
_UNIT_NEEDLES = (
    "day",
    "Day",
    "DAY",
    "month",
    "Month",
    "MONTH",
    "year",
    "Year",
    "YEAR",
    "hour",
    "Hour",
    "week",
    "Week",
)
_QUALIFIER = re.compile(
    r"(?P<qual>(?i:calendar|business|banking|trading|consecutive\s+trading|full))\s+$"
)
_DURATION_NUMBER = re.compile(
    r"(?:\(\s*(?P<n>\d{1,4})\s*\)|(?<![\d,.$])(?P<n2>\d{1,4})(?![\d,])|(?P<w>\b(?:one|two|three|four|five|"
    r"six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty(?:-five)?|sixty|ninety)))"
    r"[\s-]*$",
    re.IGNORECASE,
)
_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_YEAR = re.compile(r"(?:19|20)\d\d(?!\d)")
_YEAR_NEEDLES = ("19", "20")
_DATE = re.compile(r"(?P<m>[A-Za-z]{3,9})\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\s*,?\s+$")
_TIME = re.compile(
    r"(?P<clock>\b\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b|noon\b|midnight\b|o'clock\b)"
    r"|\bnoon\b|\bmidnight\b)(?:\s*,?\s*\(?(?P<zone>(?:Eastern|Central|Mountain|Pacific)\s+"
    r"(?:Standard\s+|Daylight\s+|Prevailing\s+)?Time|E[SD]T|C[SD]T|M[SD]T|P[SD]T|New\s+York\s+(?:City\s+)?time"
    r"|local\s+time))?",
)
_TIME_HINTS = ("noon", "midnight", "a.m.", "p.m.", "A.M.", "P.M.", "o'clock", " Time", "EST", "EDT")
_UNIT_WORDS = frozenset(
    [
        "dollars",
        "dollar",
        "united",
        "states",
        "us",
        "u.s.",
        "lawful",
        "money",
        "of",
        "the",
        "percent",
        "per",
        "cent",
    ]
)
_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
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
    lowered = ascii_lower(text)
    found = [
        *_money(text),
        *_percents(text, lowered),
        *_shares(text, lowered),
        *_durations(text, lowered),
        *_dates(text),
        *_times(text),
    ]
    return sorted(found, key=lambda q: (q.start, q.end))


def words_before(text: str, pos: int) -> tuple[str, int]:
    """The number words that end just before ``pos`` (skipping "Dollars", "percent")."""
    cursor = pos
    while cursor > 0 and text[cursor - 1] in " \t\n(":
        cursor -= 1
    window_start = max(0, cursor - 160)
    tail = text[window_start:cursor]
    found = list(_WORD.finditer(tail))
    if not found or found[-1].end() != len(tail.rstrip(" \t\n,")):
        return "", pos
    words: list[str] = []
    start = pos
    seen_number = False
    previous_start = len(tail)
    for match in reversed(found[-14:]):
        if tail[match.end() : previous_start].strip(" \t\n,"):
            break
        word = match.group(0)
        low = word.lower()
        if is_number_word(word) and low not in ("a", "and"):
            seen_number = True
        elif not (
            (low in ("a", "and") and seen_number) or (low in _UNIT_WORDS and not seen_number)
        ):
            break
        words.insert(0, word)
        start = window_start + match.start()
        previous_start = match.start()
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
        if per_match and per_match.group("per").lower() in (
            "share",
            "debenture",
            "warrant",
            "unit",
        ):
            kind, per, end = QuantityKind.PRICE, per_match.group("per").lower(), per_match.end()
        elif _PAR_VALUE.match(text, end):
            kind, per = QuantityKind.PRICE, "share"
        out.append(
            Quantity(
                kind=kind,
                start=min(start, match.start()),
                end=end,
                text=_flat(text, start, end),
                amount=amount,
                per=per,
                words=words,
                words_value=value,
            )
        )
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


def _percents(text: str, lowered: str | None = None) -> list[Quantity]:
    out: list[Quantity] = []
    for sign in anchored_finditer(_PERCENT_SIGN, text, find_cased(text, _PERCENT_NEEDLES, lowered)):
        match = _PERCENT_NUMBER.search(text, max(0, sign.start() - 24), sign.start())
        if match is None:
            continue
        amount = divide(_number(match.group("n")), 100)
        words, value, start = _pair(text, match.start())
        if value is None:
            words, start = words_before(text, match.start())
            value = words_value(words) if words else None
        end = sign.end() + (
            1 if text[sign.end() : sign.end() + 1] == ")" and sign.group(0) == "%" else 0
        )
        per, _ = _rate_period(text, end)
        kind = QuantityKind.RATE if per else QuantityKind.PERCENT
        words_amount = divide(value, 100) if value is not None else None
        out.append(
            Quantity(
                kind=kind,
                start=min(start, match.start()),
                end=end,
                text=_flat(text, min(start, match.start()), end),
                amount=amount,
                per=per,
                words=words,
                words_value=words_amount,
            )
        )
    for match in _FRACTION.finditer(text):
        words, value, start = _pair(text, match.start("n"))
        if value is None or ("hundredth" not in words.lower() and "tenth" not in words.lower()):
            continue
        amount = _number(match.group("n"))
        out.append(
            Quantity(
                kind=QuantityKind.PERCENT,
                start=start,
                end=match.end(),
                text=_flat(text, start, match.end()),
                amount=amount,
                words=words,
                words_value=value,
            )
        )
    return out


def _shares(text: str, lowered: str | None = None) -> list[Quantity]:
    out: list[Quantity] = []
    for word in anchored_finditer(_SHARES_WORD, text, find_cased(text, _SHARES_NEEDLES, lowered)):
        window = max(0, word.start() - 48)
        if _DIGIT.search(text, window, word.start()) is None:
            continue
        match = _SHARES_NUMBER.search(text, window, word.start())
        if match is None:
            continue
        count = int(match.group("n").replace(",", ""))
        words, value, start = _pair(text, match.start("n"))
        begin = min(start, match.start("n"))
        out.append(
            Quantity(
                kind=QuantityKind.SHARES,
                start=begin,
                end=word.end(),
                text=_flat(text, begin, word.end()),
                count=count,
                words=words,
                words_value=value,
            )
        )
    return out


def _durations(text: str, lowered: str | None = None) -> list[Quantity]:
    out: list[Quantity] = []
    starts = find_cased(text, _UNIT_NEEDLES, lowered)
    for at in starts:
        if at and text[at - 1].isalpha():
            continue
        match = _DURATION_UNIT.match(text, at)
        if match is None:
            continue
        unit = match.group(0).lower().rstrip("s")
        qual = _QUALIFIER.search(text, max(0, match.start() - 26), match.start())
        qualifier = " ".join(qual.group("qual").lower().split()) if qual else ""
        kind = (
            _DURATION_KINDS.get(qualifier, _UNIT_KINDS[unit])
            if unit == "day"
            else _UNIT_KINDS[unit]
        )
        head = qual.start() if qual else match.start()
        number = _DURATION_NUMBER.search(text, max(0, head - 24), head)
        if number is None:
            continue
        words = ""
        value: Decimal | None = None
        start = number.start()
        if number.group("n"):
            count = int(number.group("n"))
            words, start = words_before(text, number.start())
            value = words_value(words) if words else None
            if value is None:
                words, start = "", number.start()
        elif number.group("n2"):
            count = int(number.group("n2"))
            if 1900 <= count <= 2100:
                continue
        else:
            word_value = words_value(number.group("w"))
            if word_value is None:
                continue
            count = int(word_value)
            words, value = number.group("w"), word_value
        out.append(
            Quantity(
                kind=QuantityKind.DURATION,
                start=start,
                end=match.end(),
                text=_flat(text, start, match.end()),
                count=count,
                duration=kind,
                words=words,
                words_value=value,
            )
        )
    return out


def _dates(text: str) -> list[Quantity]:
    out: list[Quantity] = []
    for year in anchored_finditer(_YEAR, text, find_any(text, _YEAR_NEEDLES)):
        if year.start() and text[year.start() - 1].isalnum():
            continue
        match = _DATE.search(text, max(0, year.start() - 24), year.start())
        if match is None or (match.start() and text[match.start() - 1].isalpha()):
            continue
        name = match.group("m").lower()
        if name not in _MONTHS:
            continue
        month = _MONTHS.index(name) + 1
        try:
            day = date(int(year.group(0)), month, int(match.group("d")))
        except ValueError:
            continue
        out.append(
            Quantity(
                kind=QuantityKind.DATE,
                start=match.start(),
                end=year.end(),
                text=_flat(text, match.start(), year.end()),
                day=day,
            )
        )
    return out


def _times(text: str) -> list[Quantity]:
    out: list[Quantity] = []
    anchors = sorted(a for hint in _TIME_HINTS for a in find_all(text, hint))
    if not anchors:
        return out
    seen: set[int] = set()
    for match in (m for a in anchors for m in [_TIME.search(text, max(0, a - 12), a + 80)] if m):
        if match.start() in seen:
            continue
        seen.add(match.start())
        zone = " ".join((match.group("zone") or "").split())
        clock = " ".join(match.group("clock").split())
        if not zone and not re.search(r"\d", clock):
            continue
        out.append(
            Quantity(
                kind=QuantityKind.TIME,
                start=match.start(),
                end=match.end(),
                text=_flat(text, match.start(), match.end()),
                clock=clock,
                zone=zone,
            )
        )
    return out


def _flat(text: str, start: int, end: int) -> str:
    return " ".join(text[start:end].split())
