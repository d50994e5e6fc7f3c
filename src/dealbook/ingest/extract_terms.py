"""Extracting economic terms: capitalization, securities, funding, notices and law.

Capitalization from the representation (Insynq §3(c), Amnis §3(c)) or the schedule
(Hy-Tech Schedule 3.1(c)); the Debentures and Warrants from their definitions (principal
"up to Four Hundred Fifty Thousand Dollars ($450,000)", "12% convertible debentures",
"due April 27, 2008", "to purchase up to Nine Hundred Thousand (900,000) shares", "at
$.01 per share"); the funding schedule from the Closing Date definition, the monthly
Funding Dates (Insynq §1(d)) and the holders' allocations; notice methods and their
effect; governing law, forum and market.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dealbook.ingest.capital import Capitalization
from dealbook.ingest.document import Document
from dealbook.ingest.extract_cite import Citer
from dealbook.ingest.extract_cite import number
from dealbook.ingest.extract_cite import slug
from dealbook.ingest.model import Definition
from dealbook.ingest.model import DefinitionForm
from dealbook.ingest.model import Quantity
from dealbook.ingest.model import QuantityKind

Json = dict[str, object]
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
_DEAL_WORDS = re.compile(r"Debentures|Warrants|Notes?\b", re.IGNORECASE)
_WILL_RESERVE = re.compile(
    r"will\s+reserve\s+(?:an\s+aggregate\s+of\s+)?(?P<n>\d{1,3}(?:,\d{3})+)\s+shares", re.I
)
_ESCROWED = re.compile(
    r"(?P<n>\d{1,3}(?:,\d{3})+)\s+(?:common\s+)?shares\s+issuable\s+into\s+escrow", re.I
)
_OTHER_CLASS = re.compile(
    r"(?P<a>\d{1,3}(?:,\d{3})+)\s+shares\s+of\s+(?P<name>Class\s+[A-Z]\s+Common\s+Stock|preferred\s+stock),?\s+"
    r"of\s+which\s+(?P<o>\d{1,3}(?:,\d{3})+|no)\s+shares\s+are\s+issued\s+and\s+outstanding",
    re.IGNORECASE,
)
_MONTHLY = re.compile(
    r"final\s+business\s+day\s+of\s+each\s+of\s+the\s+(?:[a-z-]+\s+\(\d+\)\s+)?months\s+beginning\s+in\s+"
    r"(?P<m1>[A-Z][a-z]+)\s+(?P<y1>\d{4})\s+and\s+ending\s+in\s+(?P<m2>[A-Z][a-z]+)\s+(?P<y2>\d{4})"
)
_AFTER_EVENT = re.compile(
    r"\((?P<n>\d+)\)\s+(?P<kind>Business\s+Days|business\s+days|days)\s+after\s+the\s+(?P<e>[A-Z][\w ]{2,40}?)(?:\s+of|\s*\(|,|\.)"
)
_LAW = re.compile(r"laws\s+of\s+the\s+state\s+of\s+(?P<s>[a-z]+(?:\s+[a-z]+)?)", re.IGNORECASE)


def _in(quantity: Quantity, start: int, end: int) -> bool:
    return start <= quantity.start < end


def _first(doc: Document, kind: QuantityKind, start: int, end: int) -> Quantity | None:
    return next((q for q in doc.quantities if q.kind is kind and _in(q, start, end)), None)


def definition(docs: Sequence[Document], *keys: str) -> tuple[Document, Definition] | None:
    """The first own (not by-reference) definition of any of ``keys``."""
    for key in keys:
        for doc in docs:
            for item in doc.definitions:
                if item.key == key and item.form not in (
                    DefinitionForm.POINTER,
                    DefinitionForm.REFERENCE,
                ):
                    return doc, item
    return None


def _span(item: Definition) -> tuple[int, int]:
    return min(item.body_start, item.start), max(item.body_end, item.end)


def par_value(docs: Sequence[Document]) -> tuple[Document, Quantity] | None:
    """The par value of the Common Stock ("par value $.001 per share")."""
    for doc in docs:
        for quantity in doc.quantities:
            if (
                quantity.kind in (QuantityKind.PRICE, QuantityKind.MONEY)
                and quantity.amount is not None
            ):
                before = doc.text[max(0, quantity.start - 40) : quantity.start].lower()
                if "par value" in before and quantity.amount < 1:
                    return doc, quantity
    return None


def capitalization(citer: Citer, docs: Sequence[Document], as_of_default: str) -> Json:
    """Authorized, outstanding and reserved shares, the deal reserve and other classes."""
    found = next(
        ((d, d.capitalization) for d in docs if d.capitalization.authorized is not None), None
    )
    par = par_value(docs)
    out: Json = {}
    if found is None or found[1].outstanding is None or found[1].authorized is None:
        citer.ask("capitalization", "the authorized and outstanding Common Stock are not stated")
        return {
            "as_of": as_of_default,
            "par_value": number(par[1].amount) if par and par[1].amount is not None else 0,
            "authorized_common": 0,
            "outstanding_common": 0,
            "assumption": citer.placeholder(
                "capitalization", "the authorized and outstanding Common Stock"
            ),
        }
    doc, cap = found
    assert cap.authorized is not None and cap.outstanding is not None  # checked above
    as_of = _first(doc, QuantityKind.DATE, cap.outstanding.end, cap.outstanding.end + 40)
    out["as_of"] = as_of.day.isoformat() if as_of and as_of.day else as_of_default
    if par is not None and par[1].amount is not None:
        out["par_value"] = number(par[1].amount)
    else:
        out["par_value"] = 0
        citer.ask("capitalization.par_value", "the par value of the Common Stock", placeholder=True)
    out["authorized_common"] = cap.authorized.count
    out["outstanding_common"] = cap.outstanding.count
    reserves, deal_reserve = _reserves(citer, doc, cap)
    if reserves:
        out["reserves"] = reserves
    if deal_reserve:
        out["deal_reserve"] = deal_reserve
    classes = _other_classes(citer, doc, cap)
    if classes:
        out["other_classes"] = classes
    cites = [citer.cite(doc, cap.authorized.start, cap.outstanding.end)]
    if par is not None:
        cites.append(citer.cite(par[0], par[1].start, par[1].end))
    out["cite"] = cites
    return out


def _reserves(citer: Citer, doc: Document, cap: Capitalization) -> tuple[list[Json], Json]:
    lines: list[Json] = []
    deal: Json = {}
    for index, reserved in enumerate(cap.reserved, start=1):
        tail = doc.text[reserved.end : reserved.end + 220]
        stop = re.search(r"[;.]\s|,\s+\d|\(\s*i+\s*\)|\band\s+\d", tail)
        label = " ".join(tail[: stop.start() if stop else 160].split())
        label = re.sub(
            r"^shares\s+(?:of\s+common\s+stock\s+)?(?:are\s+)?(?:reserved\s+)?",
            "",
            label,
            flags=re.I,
        )
        if _DEAL_WORDS.search(label) and re.search(r"conversion|exercise", label, re.I):
            sentence = " ".join(doc.text[reserved.start : reserved.end + 400].split())
            deal = {
                "shares": reserved.count,
                "status": "reserved",
                "subject_to_approval": "Stockholder Approval" in sentence.split(";")[0],
                "cite": [
                    citer.cite(doc, reserved.start, reserved.end + (stop.start() if stop else 120))
                ],
            }
            continue
        end = reserved.end + (stop.start() if stop else 160)
        lines.append(
            {
                "id": f"reserve-{index}",
                "label": ("Reserved " + label) if label else "Reserved",
                "shares": reserved.count,
                "cite": [citer.cite(doc, reserved.start, end)],
            }
        )
    if not deal:
        escrow = _ESCROWED.search(doc.text)
        if escrow is not None:
            deal = {
                "shares": int(escrow.group("n").replace(",", "")),
                "status": "escrowed",
                "cite": [citer.cite(doc, escrow.start(), escrow.end())],
            }
    if not deal:
        later = _WILL_RESERVE.search(doc.text)
        if later is not None:
            window = " ".join(doc.text[max(0, later.start() - 120) : later.end()].split())
            deal = {
                "shares": int(later.group("n").replace(",", "")),
                "status": "to-be-reserved",
                "subject_to_approval": "Stockholder Approval" in window,
                "cite": [citer.cite(doc, later.start(), later.end())],
            }
    return lines, deal


def _other_classes(citer: Citer, doc: Document, cap: Capitalization) -> list[Json]:
    out: list[Json] = []
    assert cap.authorized is not None  # only called with a capitalization
    window_end = min(len(doc.text), cap.authorized.end + 3000)
    for match in _OTHER_CLASS.finditer(doc.text, max(0, cap.authorized.start - 600), window_end):
        name = match.group("name")
        name = "Preferred Stock" if name.lower().startswith("preferred") else " ".join(name.split())
        outstanding = (
            0 if match.group("o").lower() == "no" else int(match.group("o").replace(",", ""))
        )
        out.append(
            {
                "name": name,
                "authorized": int(match.group("a").replace(",", "")),
                "outstanding": outstanding,
                "cite": [citer.cite(doc, match.start(), match.end())],
            }
        )
    return out


def month_text(name: str, year: str) -> str:
    """``"October", "2002"`` -> ``"2002-10"``."""
    return f"{year}-{_MONTHS.index(name.lower()) + 1:02d}"


def monthly_tranche(citer: Citer, docs: Sequence[Document]) -> Json | None:
    """Monthly funding dates ("the final business day of each of the eleven (11) months ...")."""
    for doc in docs:
        match = _MONTHLY.search(doc.text)
        if (
            match is None
            or match.group("m1").lower() not in _MONTHS
            or match.group("m2").lower() not in _MONTHS
        ):
            continue
        sentence_end = doc.text.find(". ", match.end())
        end = sentence_end if sentence_end > 0 else match.end() + 400
        money = _first(doc, QuantityKind.MONEY, match.end(), end)
        shares = _first(doc, QuantityKind.SHARES, match.end(), end)
        tranche: Json = {
            "id": "funding-dates",
            "name": "Funding Dates",
            "when": {
                "kind": "monthly",
                "day": "last-business-day",
                "first_month": month_text(match.group("m1"), match.group("y1")),
                "last_month": month_text(match.group("m2"), match.group("y2")),
            },
            "principal": number(money.amount) if money and money.amount is not None else 0,
        }
        if shares and shares.count is not None:
            tranche["warrant_shares"] = shares.count
        tranche["cite"] = [citer.cite(doc, match.start(), end)]
        return tranche
    return None


def after_event(text: str, start: int, end: int) -> Json | None:
    """A closing "no later than five (5) Business Days after the Effective Date"."""
    match = _AFTER_EVENT.search(text, start, end)
    if match is None:
        return None
    unit = "business-days" if "business" in match.group("kind").lower() else "days"
    return {
        "kind": "after-event",
        "event": slug(match.group("e"), words=4),
        "within": f"{match.group('n')} {unit}",
    }


def law(citer: Citer, docs: Sequence[Document]) -> Json:
    """Governing law, forum and principal market."""
    for doc in docs:
        match = next(
            (
                m
                for m in _LAW.finditer(doc.text)
                if "govern" in doc.text[max(0, m.start() - 200) : m.end() + 100].lower()
            ),
            None,
        )
        if match is None:
            continue
        state = " ".join(w.capitalize() for w in match.group("s").split())
        state = re.sub(r"\s+(Applicable|Without|Shall|And)$", "", state)
        sentence_end = doc.text.find(".", match.end())
        forum_at = re.search(
            r"jurisdiction|courts", doc.text[match.end() : match.end() + 1500], re.I
        )
        forum = ""
        cites = [
            citer.cite(
                doc, max(0, match.start() - 60), sentence_end if sentence_end > 0 else match.end()
            )
        ]
        if forum_at is not None:
            at = match.end() + forum_at.start()
            begin = doc.text.rfind(".", 0, at) + 1
            stop = doc.text.find(".", at)
            forum = " ".join(doc.text[begin:stop].split())[:300]
            cites.append(citer.cite(doc, begin, stop))
        market = _market(docs)
        out: Json = {
            "governing_law": state,
            "forum": forum or "not stated",
            "market": market or "not stated",
        }
        if not forum:
            citer.ask("law.forum", "the forum for disputes")
        if not market:
            citer.ask("law.market", "the principal market of the Common Stock")
        out["cite"] = cites
        return out
    citer.ask("law", "the governing law")
    return {
        "governing_law": "not stated",
        "forum": "not stated",
        "market": _market(docs) or "not stated",
        "assumption": citer.placeholder("law", "the governing law, forum and market"),
    }


def _market(docs: Sequence[Document]) -> str:
    for doc in docs:
        keys = doc.defined_keys()
        if "otcbb" in keys or "Bulletin Board" in doc.text:
            return "OTCBB"
    return ""
