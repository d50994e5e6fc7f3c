"""The draft builder: securities, funding and notice methods, and the assembly of all parts.

:class:`Builder` holds a deal's documents and the :class:`~dealbook.ingest.extract_cite.Citer`
and builds each block of the draft deal file; parties are in
:mod:`dealbook.ingest.extract_parties`, capitalization and law in
:mod:`dealbook.ingest.extract_terms`.
"""

from __future__ import annotations

import dataclasses
import re

from dealbook.ingest import extract_parties
from dealbook.ingest import extract_terms
from dealbook.ingest.document import Document
from dealbook.ingest.extract_cite import Citer
from dealbook.ingest.extract_cite import number
from dealbook.ingest.extract_cite import slug
from dealbook.ingest.model import Definition
from dealbook.ingest.model import Quantity
from dealbook.ingest.model import QuantityKind
from dealbook.ingest.model import SectionKind

Json = dict[str, object]
_NOTICE_HEADING = re.compile(r"^notices?\.?$", re.IGNORECASE)
_OTHER_METHODS = (
    "personal",
    "courier",
    "overnight",
    "certified_mail",
    "registered_mail",
    "regular_mail",
    "email",
)
_DAYS_IN_MAIL = re.compile(
    r"(?P<n>\w+)\s+(?:\(\d+\)\s+)?days\s+after\s+being\s+placed\s+in\s+the\s+mail", re.I
)


@dataclasses.dataclass(slots=True, kw_only=True)
class Builder:
    """Builds the blocks of a draft deal file from a deal's documents."""

    docs: list[Document]
    keys: dict[str, str]
    citer: Citer = dataclasses.field(init=False)

    def __post_init__(self) -> None:
        self.citer = Citer(keys=self.keys)

    @property
    def cited(self) -> int:
        """How many citations the draft holds."""
        return self.citer.cited

    @property
    def questions(self) -> list[tuple[str, str]]:
        """The open questions collected so far."""
        return self.citer.questions

    def ask(self, field: str, question: str, *, placeholder: bool = False) -> None:
        """Record an open question."""
        self.citer.ask(field, question, placeholder=placeholder)

    def company(self) -> Json:
        """The Company block."""
        return extract_parties.company(self.citer, self.docs)

    def holders(self) -> list[Json]:
        """The holders."""
        return extract_parties.holders(self.citer, self.docs)

    def _agreement_date(self) -> str:
        from dealbook.ingest.extract import agreement_date  # the same rule as the documents block

        doc = self.docs[0]
        found = agreement_date(doc)
        day = next((q.day for q in doc.quantities if found and q.start == found[0] and q.day), None)
        return day.isoformat() if day else "1900-01-01"

    def capitalization(self) -> Json:
        """The capitalization block."""
        return extract_terms.capitalization(self.citer, self.docs, self._agreement_date())

    def law(self) -> Json:
        """The law block."""
        return extract_terms.law(self.citer, self.docs)

    def securities(self) -> Json:
        """Debentures and warrants from their definitions."""
        citer = self.citer
        out: Json = {"debentures": [self._debenture()]}
        warrants = self._warrants()
        if warrants:
            out["warrants"] = warrants
        par = extract_terms.par_value(self.docs)
        if par is not None and par[1].amount is not None:
            out["common_par_value"] = number(par[1].amount)
        found = extract_terms.definition(self.docs, "debentures", "debenture")
        if found is not None:
            doc, item = found
            out["cite"] = [citer.cite(doc, *_span(item))]
        else:
            out["assumption"] = citer.placeholder("securities", "the Debentures are not defined")
        return out

    def _debenture(self) -> Json:
        citer = self.citer
        found = extract_terms.definition(self.docs, "debentures", "debenture")
        entry: Json = {"id": "debentures", "name": "Convertible Debentures"}
        if found is None:
            entry["max_principal"] = 0
            entry.update(self._debenture_terms(None, None, None))
            entry["assumption"] = citer.placeholder(
                "securities.debentures", "the Debentures are not defined"
            )
            return entry
        doc, item = found
        start, end = _span(item)
        money = _quantity(doc, start, end, QuantityKind.MONEY)
        rate = next(
            (
                q
                for q in doc.quantities
                if q.kind in (QuantityKind.PERCENT, QuantityKind.RATE)
                and start <= q.start < end
                and re.match(r"\s*,?\s*convertible\s+debenture", doc.text[q.end : q.end + 30], re.I)
            ),
            None,
        )
        maturity = next(
            (
                q
                for q in doc.quantities
                if q.kind is QuantityKind.DATE
                and start <= q.start < end
                and doc.text[max(0, q.start - 8) : q.start].strip().lower().endswith("due")
            ),
            None,
        )
        if rate is not None and rate.amount is not None:
            entry["name"] = f"{_percent(rate)} Convertible Debentures"
        if money is not None and money.amount is not None:
            entry["max_principal"] = number(money.amount)
        else:
            entry["max_principal"] = 0
            citer.ask(
                "securities.debentures.max_principal", "the principal amount", placeholder=True
            )
        entry.update(self._debenture_terms(doc, rate, maturity))
        entry["cite"] = [citer.cite(doc, start, end)]
        return entry

    def _debenture_terms(
        self, doc: Document | None, rate: Quantity | None, maturity: Quantity | None
    ) -> Json:
        citer = self.citer
        out: Json = {}
        if doc is not None and rate is not None and rate.amount is not None:
            cite = citer.cite(doc, rate.start, rate.end)
            out["interest"] = {"rate": {"value": _percent(rate), "cite": [cite]}, "cite": [cite]}
            citer.ask(
                "securities.debentures.interest",
                "only the coupon is stated; day count, compounding and payment dates are in the Debenture form",
            )
        else:
            out["interest"] = {
                "rate": {
                    "value": "0%",
                    "assumption": citer.placeholder(
                        "debentures.interest.rate", "the interest rate"
                    ),
                },
                "assumption": citer.placeholder("debentures.interest", "the interest mechanics"),
            }
        if doc is not None and maturity is not None and maturity.day is not None:
            cite = citer.cite(doc, maturity.start, maturity.end)
            out["maturity"] = {"value": maturity.day.isoformat(), "cite": [cite]}
        else:
            question = "the maturity date (set in the Debenture form)"
            out["maturity"] = {
                "value": self._agreement_date(),
                "assumption": citer.placeholder("securities.debentures.maturity", question),
            }
        price_question = "the Conversion Price (defined in the Debenture form)"
        out["conversion"] = {
            "price": {
                "kind": "fixed",
                "price": {
                    "value": 0,
                    "assumption": citer.placeholder("debentures.conversion.price", price_question),
                },
            },
            "assumption": citer.placeholder(
                "debentures.conversion", "the conversion formula and share rounding"
            ),
        }
        return out

    def _warrants(self) -> list[Json]:
        citer = self.citer
        out: list[Json] = []
        for key in ("warrants", "warrant", "initial warrant"):
            found = extract_terms.definition(self.docs, key)
            if found is None or any(w["id"] == slug(key) for w in out):
                continue
            if key == "warrant" and any(w["id"] == "warrants" for w in out):
                continue
            doc, item = found
            start, end = _span(item)
            tail = doc.text[item.end : item.end + 400]
            stop = item.end + (tail.find(".") if "." in tail else 0)
            shares = _quantity(doc, start, end, QuantityKind.SHARES) or _quantity(
                doc, item.end, stop, QuantityKind.SHARES
            )
            price = _quantity(doc, start, max(end, stop), QuantityKind.PRICE)
            entry: Json = {
                "id": slug(key),
                "name": item.term.title() if item.term.isupper() else item.term,
            }
            entry["max_shares"] = shares.count if shares and shares.count is not None else 0
            if not shares:
                citer.ask(
                    f"securities.warrants.{slug(key)}.max_shares",
                    "the number of warrant shares",
                    placeholder=True,
                )
            if price is not None and price.amount is not None:
                entry["exercise_price"] = {
                    "value": number(price.amount),
                    "cite": [citer.cite(doc, price.start, price.end)],
                }
            else:
                question = "the Exercise Price (set in the Warrant form)"
                entry["exercise_price"] = {
                    "value": 0,
                    "assumption": citer.placeholder(f"warrants.{slug(key)}.price", question),
                }
            entry["cite"] = [
                citer.cite(doc, start, max(end, stop if shares and shares.start >= end else end))
            ]
            out.append(entry)
        return out

    def funding(self, securities: Json) -> Json:
        """The funding schedule: the Closing, monthly Funding Dates, per-holder allocations."""
        citer = self.citer
        debentures = securities.get("debentures")
        first = debentures[0] if isinstance(debentures, list) and debentures else {}
        warrants = securities.get("warrants")
        warrant = warrants[0] if isinstance(warrants, list) and warrants else {}
        out: Json = {
            "max_principal": first.get("max_principal", 0) if isinstance(first, dict) else 0
        }
        if isinstance(warrant, dict) and warrant.get("max_shares"):
            out["max_warrant_shares"] = warrant["max_shares"]
        monthly = extract_terms.monthly_tranche(citer, self.docs)
        out["tranches"] = [
            self._closing(out, has_monthly=monthly is not None),
            *([monthly] if monthly else []),
        ]
        found = extract_terms.definition(self.docs, "debentures", "debenture")
        if found is not None:
            out["cite"] = [citer.cite(found[0], *_span(found[1]))]
        else:
            out["assumption"] = citer.placeholder("funding", "the funding amounts")
        return out

    def _closing(self, funding: Json, *, has_monthly: bool) -> Json:
        citer = self.citer
        tranche: Json = {"id": "closing", "name": "Closing"}
        found = extract_terms.definition(self.docs, "closing date")
        cites: list[Json] = []
        if found is not None:
            doc, item = found
            start, end = _span(item)
            sentence_end = doc.text.find(". ", item.end)
            end = max(end, sentence_end if 0 < sentence_end < item.end + 400 else item.end + 200)
            day = _quantity(doc, start, end, QuantityKind.DATE)
            clock = _quantity(doc, start, end, QuantityKind.TIME)
            after = extract_terms.after_event(doc.text, start, end)
            if day is not None and day.day is not None:
                when: Json = {"kind": "date", "date": day.day.isoformat()}
                if clock is not None:
                    when["time"] = _clock(clock.clock)
                    if clock.zone:
                        when["zone_text"] = clock.zone
                tranche["when"] = when
            elif after is not None:
                tranche["when"] = after
            cites.append(citer.cite(doc, start, end))
        if "when" not in tranche:
            tranche["when"] = {"kind": "date", "date": self._agreement_date()}
            citer.ask("funding.tranches.closing.when", "the Closing Date", placeholder=True)
        principal, shares = self._closing_amounts(cites)
        if principal is None and not has_monthly:
            tranche["principal"] = funding.get("max_principal", 0)
        else:
            tranche["principal"] = principal if principal is not None else 0
        if shares is not None:
            tranche["warrant_shares"] = shares
        elif not has_monthly and funding.get("max_warrant_shares"):
            tranche["warrant_shares"] = funding["max_warrant_shares"]
        allocations = self._allocations()
        if allocations:
            tranche["allocations"] = allocations
        if cites:
            tranche["cite"] = cites
        else:
            tranche["assumption"] = citer.placeholder("funding.tranches.closing", "the Closing")
        return tranche

    def _closing_amounts(self, cites: list[Json]) -> tuple[int | str | None, int | None]:
        """Principal and warrant shares sold at the Closing ("for an aggregate of $120,000 ...")."""
        for doc in self.docs:
            match = re.search(r"for\s+an\s+aggregate\s+of\s+", doc.text)
            if match is None:
                continue
            end = doc.text.find(".", match.end() + 40)
            money = _quantity(doc, match.start(), end, QuantityKind.MONEY)
            shares = _quantity(doc, match.start(), end, QuantityKind.SHARES)
            if money is None or money.amount is None:
                continue
            cites.append(self.citer.cite(doc, match.start(), end))
            return number(money.amount), shares.count if shares else None
        return None, None

    def _allocations(self) -> list[Json]:
        ids = extract_parties.holder_ids(self.docs)
        out: list[Json] = []
        for doc, block in extract_parties.holder_allocations(self.docs):
            entry: Json = {"holder": ids[extract_parties.fold_name(block.party)]}
            for item in block.allocation:
                label = item.label.lower()
                if "principal" in label and item.amount is not None:
                    entry["principal"] = number(item.amount)
                elif "price" in label and item.amount is not None:
                    entry["purchase_price"] = number(item.amount)
                elif "warrant" in label and "initial" not in label and item.count is not None:
                    entry["warrant_shares"] = item.count
            if "principal" not in entry and "purchase_price" in entry:
                entry["principal"] = entry["purchase_price"]
            if "principal" not in entry:
                continue
            first = block.allocation[0].start
            entry["cite"] = [self.citer.cite(doc, first, block.allocation[-1].end)]
            out.append(entry)
        return out

    def notices(self) -> Json:
        """Notice methods and when each is effective."""
        citer = self.citer
        for doc in self.docs:
            section = next(
                (
                    s
                    for s in doc.sections
                    if s.kind is SectionKind.SECTION and _NOTICE_HEADING.search(s.heading)
                ),
                None,
            )
            if section is None:
                continue
            methods = _methods(citer, doc, section.start, section.end)
            if methods:
                return {
                    "methods": methods,
                    "cite": [
                        citer.cite(doc, section.start, section.heading_end or section.start + 8)
                    ],
                }
        return {
            "methods": [
                {
                    "method": "personal",
                    "effect": "on-receipt",
                    "assumption": citer.placeholder("notices.methods", "how notices are given"),
                }
            ],
            "assumption": citer.placeholder("notices", "the notice clause"),
        }


def _span(item: Definition) -> tuple[int, int]:
    return min(item.body_start, item.start), max(item.body_end, item.end)


def _quantity(doc: Document, start: int, end: int, kind: QuantityKind) -> Quantity | None:
    return next((q for q in doc.quantities if q.kind is kind and start <= q.start < end), None)


def _percent(quantity: Quantity) -> str:
    assert quantity.amount is not None  # callers pass percentages
    return format((quantity.amount * 100).normalize(), "f") + "%"


def _clock(text: str) -> str:
    """``"12:00 noon"`` -> ``"12:00"``."""
    match = re.search(r"(\d{1,2})(?::(\d{2}))?", text)
    if match is None:
        return "12:00" if "noon" in text.lower() else "00:00"
    hour = int(match.group(1))
    if re.search(r"p\.?m", text, re.I) and hour < 12:
        hour += 12
    return f"{hour:02d}:{match.group(2) or '00'}"


def _methods(citer: Citer, doc: Document, start: int, end: int) -> list[Json]:
    """Notice methods and effects stated in the notices clause."""
    text = doc.text[start:end]
    out: list[Json] = []
    mail = _DAYS_IN_MAIL.search(text)
    if mail is not None and re.search(r"regular\s+United\s+States\s+mail", text, re.I):
        from dealbook.ingest.numwords import words_value

        days = words_value(mail.group("n"))
        if days is not None:
            cite = citer.cite(doc, start + mail.start(), start + mail.end())
            out.append(
                {
                    "method": "regular_mail",
                    "effect": "days-after-sending",
                    "days": int(days),
                    "cite": [cite],
                }
            )
    receipt = re.search(r"upon\s+receipt,?\s+if\s+delivered\s+personally[^.;]*", text, re.I)
    if receipt is not None:
        clause = receipt.group(0).lower()
        cite = citer.cite(doc, start + receipt.start(), start + receipt.end())
        for method, word in (
            ("personal", "personally"),
            ("courier", "courier"),
            ("overnight", "overnight"),
            ("fax", "facsimile"),
        ):
            if word in clause:
                out.append({"method": method, "effect": "on-receipt", "cite": [cite]})
    fax = re.search(r"upon\s+facsimile\s+transmission[^.]*?business\s+hours", text, re.I | re.S)
    if fax is not None and not any(m["method"] == "fax" for m in out):
        out.append(
            {
                "method": "fax",
                "effect": "business-hours",
                "cite": [citer.cite(doc, start + fax.start(), start + fax.end())],
            }
        )
        given = re.search(
            r"deemed\s+to\s+have\s+been\s+duly\s+given\s+upon\s+facsimile\s+transmission",
            text,
            re.I,
        )
        sentence = text[: text.find(".", fax.end()) if "." in text[fax.end() :] else len(text)]
        if given is not None and not re.search(
            r"mail|personally|courier|overnight|e-?mail", sentence, re.I
        ):
            cite = citer.cite(doc, start + given.start(), start + given.end())
            out.extend(
                {"method": method, "effect": "not-permitted", "cite": [cite]}
                for method in _OTHER_METHODS
            )
    if re.search(r"certified\s+or\s+registered\s+mail", text, re.I) and not any(
        "mail" in str(m["method"]) and m["method"] != "regular_mail" for m in out
    ):
        citer.ask(
            "notices.methods",
            "certified or registered mail is permitted but no effective time is stated",
        )
    return out
