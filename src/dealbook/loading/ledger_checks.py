"""Ledger checks against its deal: parties, documents, signing date, the funding schedule.

Every holder must be a holder of the deal; senders, recipients, payers and payees must be
``company``, a holder or an agent; clauses must cite a document of the deal; no fact
(other than a price row) predates the earliest agreement. Closings and fundings are
matched against the funding schedule (INS-SPA §1(a)-(d), AMN-SPA §1, HYT §2.3): a date
no tranche falls on, an amount that differs from a stated allocation, or a total that
differs from the tranche amount is reported as a warning (a shortfall may be a breach).
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from dealbook.core.diagnostics import Diagnostic
from dealbook.core.diagnostics import Severity
from dealbook.core.source import SourceSpan
from dealbook.ledger.base import EventBase
from dealbook.ledger.base import clause_doc
from dealbook.ledger.corrections import Locate
from dealbook.ledger.events_money import Closing
from dealbook.ledger.events_money import Funding
from dealbook.ledger.events_money import FundingLine
from dealbook.ledger.events_money import PriceRecorded
from dealbook.ledger.serialize import ledger_key
from dealbook.terms.deal import Deal
from dealbook.terms.funding import AfterEvent
from dealbook.terms.funding import MonthlyRule
from dealbook.terms.funding import OnDate
from dealbook.terms.funding import Tranche

COMPANY = "company"
"""The party id of the issuer in every ledger."""


def signing_date(deal: Deal) -> tuple[date, str]:
    """The earliest agreement date of the deal and that document's id."""
    first = min(deal.documents, key=lambda doc: doc.date)
    return first.date, first.id


_FIELDS = (
    ("holder", "LEDGER-UNKNOWN-HOLDER", "holder"),
    ("from_", "LEDGER-UNKNOWN-PARTY", "party"),
    ("to", "LEDGER-UNKNOWN-PARTY", "party"),
    ("payer", "LEDGER-UNKNOWN-PARTY", "party"),
    ("payee", "LEDGER-UNKNOWN-PARTY", "party"),
    ("clause", "LEDGER-UNKNOWN-DOC", "document"),
    ("warrant", "LEDGER-UNKNOWN-WARRANT", "warrant series"),
)
"""Event fields that name something of the deal: (attribute, code, what it names)."""


def check_against_deal(
    events: Sequence[EventBase], kept: Sequence[int], deal: Deal, locate: Locate
) -> list[Diagnostic]:
    """Every problem of the effective events ``kept`` with respect to ``deal``."""
    holders = deal.holder_ids()
    known: dict[str, tuple[str, ...]] = {
        "holder": holders,
        "party": (COMPANY, *holders, *(agent.id for agent in deal.parties.agents)),
        "document": tuple(doc.id for doc in deal.documents),
        "warrant series": tuple(series.id for series in deal.securities.warrants),
    }
    signed, signed_doc = signing_date(deal)
    out: list[Diagnostic] = []
    for index in kept:
        item = events[index]
        if item.date < signed and not isinstance(item, PriceRecorded):
            message = f"dated {item.date.isoformat()}, before the deal was signed ({signed.isoformat()}, {signed_doc})"
            out.append(
                _error(
                    "LEDGER-BEFORE-SIGNING", message, locate(index, ("date",)), "correct the date"
                )
            )
        for attribute, code, what in _FIELDS:
            value = getattr(item, attribute, None)
            if isinstance(value, str):
                key = ledger_key(attribute)
                named = clause_doc(value) if what == "document" else value
                out.extend(_member(code, key, what, named, known[what], locate(index, (key,))))
        for number, line in enumerate(_lines(item)):
            span = locate(index, ("fundings", number, "holder"))
            out.extend(
                _member("LEDGER-UNKNOWN-HOLDER", "holder", "holder", line.holder, holders, span)
            )
    out.extend(_fundings(events, kept, deal, locate))
    return out


def _member(
    code: str, key: str, what: str, value: str, allowed: Sequence[str], span: SourceSpan
) -> list[Diagnostic]:
    if value in allowed:
        return []
    close = difflib.get_close_matches(value, allowed, n=1, cutoff=0.6)
    hint = f"did you mean {close[0]!r}?" if close else "known: " + (", ".join(allowed) or "none")
    return [_error(code, f"{key}: unknown {what} {value!r}", span, hint)]


def _fundings(
    events: Sequence[EventBase], kept: Sequence[int], deal: Deal, locate: Locate
) -> list[Diagnostic]:
    tranches = {tranche.id: tranche for tranche in deal.funding.tranches}
    groups: dict[tuple[str, str], list[int]] = {}
    out: list[Diagnostic] = []
    for index in kept:
        item = events[index]
        if not isinstance(item, Closing | Funding):
            continue
        match = _match(item, tranches, index, locate, out)
        if match is None:
            continue
        tranche, occurrence = match
        groups.setdefault((tranche.id, occurrence), []).append(index)
        if tranche.allocations:
            stated = {allocation.holder: allocation for allocation in tranche.allocations}
            for line_no, line in enumerate(item.fundings):
                allocation = stated.get(line.holder)
                principal = allocation.principal if allocation else Decimal(0)
                shares = allocation.warrant_shares if allocation else 0
                if (line.principal, line.warrants) != (principal, shares):
                    out.append(
                        _warning(
                            f"{line.holder} funded {line.principal:,} principal with {line.warrants:,} warrant shares; tranche {tranche.id!r} allocates {principal:,} with {shares:,}",
                            locate(index, ("fundings", line_no, "principal")),
                        )
                    )
    for (tranche_id, occurrence), indexes in groups.items():
        tranche = tranches[tranche_id]
        principal = sum((line.principal for i in indexes for line in _lines(events[i])), Decimal(0))
        shares = sum(line.warrants for i in indexes for line in _lines(events[i]))
        if (principal, shares) != (tranche.principal, tranche.warrant_shares):
            out.append(
                _warning(
                    f"holders funded {principal:,} principal with {shares:,} warrant shares at {tranche.id!r} ({occurrence}); the schedule says {tranche.principal:,} with {tranche.warrant_shares:,}",
                    locate(indexes[0], ("fundings",)),
                )
            )
    return out


def _match(
    item: Closing | Funding,
    tranches: dict[str, Tranche],
    index: int,
    locate: Locate,
    out: list[Diagnostic],
) -> tuple[Tranche, str] | None:
    if item.tranche is not None:
        named = tranches.get(item.tranche)
        if named is None:
            span = locate(index, ("tranche",))
            out.extend(
                _member(
                    "LEDGER-UNKNOWN-TRANCHE",
                    "tranche",
                    "tranche",
                    item.tranche,
                    tuple(tranches),
                    span,
                )
            )
            return None
        occurrence = _occurrence(named, item.date)
        if occurrence is None:
            out.append(
                _warning(
                    f"dated {item.date.isoformat()}, outside the schedule of tranche {named.id!r}",
                    locate(index, ("date",)),
                )
            )
            return named, item.date.isoformat()
        return named, occurrence
    found = sorted(
        (
            (_specificity(tranche), tranche, occurrence)
            for tranche in tranches.values()
            if (occurrence := _occurrence(tranche, item.date)) is not None
        ),
        key=lambda entry: entry[0],
    )
    if not found:
        out.append(
            _warning(
                f"no tranche of the funding schedule falls on {item.date.isoformat()}",
                locate(index, ("date",)),
            )
        )
        return None
    return found[0][1], found[0][2]


def _occurrence(tranche: Tranche, day: date) -> str | None:
    when = tranche.when
    if isinstance(when, OnDate):
        return day.isoformat() if day == when.date else None
    if isinstance(when, MonthlyRule):
        month = day.strftime("%Y-%m")
        return month if when.first_month <= month <= when.last_month else None
    if isinstance(when, AfterEvent):
        return f"after {when.event}"
    return None


def _specificity(tranche: Tranche) -> int:
    return {OnDate: 0, MonthlyRule: 1}.get(type(tranche.when), 2)


def _lines(item: EventBase) -> tuple[FundingLine, ...]:
    return item.fundings if isinstance(item, Closing | Funding) else ()


def _warning(message: str, span: SourceSpan) -> Diagnostic:
    hint = "check the date and amounts against the funding schedule"
    return _error("LEDGER-FUNDING-UNMATCHED", message, span, hint, severity=Severity.WARNING)


def _error(
    code: str,
    message: str,
    span: SourceSpan,
    hint: str | None,
    *,
    severity: Severity = Severity.ERROR,
) -> Diagnostic:
    return Diagnostic(code=code, severity=severity, message=message, span=span, hint=hint)
