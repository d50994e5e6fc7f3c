"""Number rules: words against numerals, capitalization, inverted comparisons, day kinds, formulas.

* NUM-WORDS: "Seven and a Half (7,500,000)" (D-HYT-3: "Million" is missing).
* CAP-EXCEEDED: Insynq §3(c) reserves 630,000,000 shares on top of 250,000,000 already
  accounted for (D-INS-5); Hy-Tech's Schedule 1 denominations (12,500,000) exceed the
  12,083,610 authorized but unissued shares (D-HYT-2).
* FACT-MISMATCH: the denominations add up to neither the 7,500,000 Escrow Shares nor
  their stated row totals.
* LOGIC-INVERTED: "is below the Reserved Amount" and "exceeds the Reserved Amount" for
  the same trigger in one section (D-INS-3, D-AMN-3).
* CONFLICT: "five (5) days after the Effective Date" against "five (5) Business Days
  after the Effective Date" (D-HYT-5).
* AMBIGUOUS-FORMULA: "three percent (3%) of the outstanding amount of the Debentures per
  month plus accrued and unpaid interest" (D-INS-20, D-AMN-24).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from dealbook.core.diagnostics import Diagnostic
from dealbook.ingest.document import Document
from dealbook.ingest.model import DurationKind
from dealbook.ingest.model import QuantityKind
from dealbook.ingest.rules.context import Deal
from dealbook.ingest.rules.context import diagnostic
from dealbook.ingest.scan import anchored_finditer
from dealbook.ingest.terms import term_key

_COMPARE_OPS = (
    re.compile(r"is\s+(?:below|less|lower|greater|above|more)"),
    re.compile(r"falls\s+below"),
    re.compile(r"exceeds"),
)
"""The comparisons of :data:`_COMPARE` (after its leading space), each with a literal head."""
_COMPARE = re.compile(
    r"\s(?P<op>is\s+below|is\s+less\s+than|is\s+lower\s+than|falls\s+below|exceeds|is\s+greater\s+than"
    r"|is\s+above|is\s+more\s+than)\s+the\s+(?P<b>[A-Z][\w-]*(?:\s+(?:and\s+)?[A-Z][\w-]*)*)"
)
_LEFT = re.compile(
    r'"(?P<q>[^"]{2,60})"\)?\s*$|(?P<r>[A-Z][\w-]*(?:\s+(?:and\s+)?[A-Z][\w-]*)*)\s*$'
)
_ANCHOR = re.compile(
    r"\s+(?:after|following|from|of)\s+the\s+(?P<t>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})"
)
_CLAUSE_END = re.compile(r";|\.\s|:")
_KINDS = (
    DurationKind.DAYS,
    DurationKind.CALENDAR_DAYS,
    DurationKind.BUSINESS_DAYS,
    DurationKind.TRADING_DAYS,
)


def _fmt(value: object) -> str:
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def check_words_numerals(deal: Deal) -> Iterator[Diagnostic]:
    """NUM-WORDS: the words of a words/numerals pair state a different number."""
    for doc in deal.docs:
        for quantity in doc.quantities:
            if quantity.words_value is None:
                continue
            stated = (
                quantity.amount
                if quantity.kind
                in (
                    QuantityKind.MONEY,
                    QuantityKind.PRICE,
                    QuantityKind.PERCENT,
                    QuantityKind.RATE,
                )
                else quantity.count
            )
            if stated is None or quantity.words_value == stated:
                continue
            yield diagnostic(
                doc,
                "NUM-WORDS",
                quantity.start,
                quantity.end,
                f"words and numerals disagree: {quantity.words!r} is {quantity.words_value.normalize():,f}, "
                f"the numerals say {_fmt(stated)}",
                hint="a scale word (Thousand, Million) may be missing",
            )


def check_capitalization(deal: Deal) -> Iterator[Diagnostic]:
    """CAP-EXCEEDED and FACT-MISMATCH for capitalization and share denominations."""
    for doc in deal.docs:
        cap = doc.capitalization
        if cap.authorized is not None and cap.outstanding is not None:
            total = cap.outstanding.count
            for reserved in cap.reserved:
                total += reserved.count
                if total > cap.authorized.count:
                    yield diagnostic(
                        doc,
                        "CAP-EXCEEDED",
                        reserved.start,
                        reserved.end,
                        f"outstanding and reserved shares reach {total:,}, more than the "
                        f"{cap.authorized.count:,} authorized",
                        hint=f"{cap.outstanding.count:,} outstanding + "
                        + " + ".join(f"{r.count:,}" for r in cap.reserved)
                        + " reserved",
                    )
                    break
        if not cap.denominations:
            continue
        first = cap.denominations[0]
        for row in cap.denominations:
            if row.certificates * row.size != row.stated_total:
                yield diagnostic(
                    doc,
                    "FACT-MISMATCH",
                    row.start,
                    row.end,
                    f"{row.certificates} x {row.size:,} is {row.certificates * row.size:,}, "
                    f"not {row.stated_total:,}",
                )
        total = cap.denominations_total
        headroom = cap.headroom
        if headroom is not None and total > headroom:
            yield diagnostic(
                doc,
                "CAP-EXCEEDED",
                first.start,
                cap.denominations[-1].end,
                f"share denominations total {total:,} shares, more than the {headroom:,} authorized "
                "but unissued shares",
            )
        yield from _denominations_against_definitions(
            doc, total, first.start, cap.denominations[-1].end
        )


def _denominations_against_definitions(
    doc: Document, total: int, start: int, end: int
) -> Iterator[Diagnostic]:
    for definition in doc.definitions:
        body = doc.text[definition.body_start : definition.body_end]
        if "denomination" not in body.lower():
            continue
        counts = [
            q.count
            for q in doc.quantities
            if q.kind is QuantityKind.SHARES
            and definition.body_start <= q.start < definition.body_end
            and q.count
        ]
        if counts and counts[0] != total:
            line = doc.line_range(definition.start, definition.end)[0]
            yield diagnostic(
                doc,
                "FACT-MISMATCH",
                start,
                end,
                f'share denominations total {total:,} shares, but "{definition.term}" (line {line}) '
                f"is {counts[0]:,} shares",
            )


def check_inverted_comparisons(deal: Deal) -> Iterator[Diagnostic]:
    """LOGIC-INVERTED: the same two terms compared both ways within one top-level section."""
    for doc in deal.docs:
        seen: dict[tuple[int, str, str], tuple[str, int]] = {}
        starts = sorted(
            m.start() - 1 for p in _COMPARE_OPS for m in p.finditer(doc.text) if m.start()
        )
        for match in anchored_finditer(_COMPARE, doc.text, starts):
            left = _LEFT.search(doc.text, max(0, match.start() - 90), match.start())
            if left is None:
                continue
            a = term_key(left.group("q") or left.group("r") or "")
            b = term_key(match.group("b"))
            if not a or a == b:
                continue
            op = "<" if re.search(r"below|less|lower", match.group("op")) else ">"
            section = doc.section_at(match.start())
            top = section.index if section is not None else -1
            while section is not None and section.depth > 1 and section.parent is not None:
                section = doc.sections[section.parent]
                top = section.index
            key = (top, a, b)
            if key in seen and seen[key][0] != op:
                line = doc.line_range(seen[key][1], seen[key][1] + 1)[0]
                yield diagnostic(
                    doc,
                    "LOGIC-INVERTED",
                    match.start("op"),
                    match.end("b"),
                    f"'{match.group('op')} the {match.group('b')}' inverts the comparison at line {line}",
                    hint="check which direction the clause means",
                )
            seen.setdefault(key, (op, match.start()))


def check_day_kind_conflicts(deal: Deal) -> Iterator[Diagnostic]:
    """CONFLICT: the same number of days after the same event, counted in different kinds of day."""
    for doc in deal.docs:
        groups: dict[tuple[int, str], list[tuple[DurationKind, int, int]]] = defaultdict(list)
        for quantity in doc.quantities:
            if quantity.kind is not QuantityKind.DURATION or quantity.duration not in _KINDS:
                continue
            anchor = _ANCHOR.match(doc.text, quantity.end)
            if anchor is None or quantity.count is None or quantity.duration is None:
                continue
            groups[(quantity.count, term_key(anchor.group("t")))].append(
                (quantity.duration, quantity.start, anchor.end())
            )
        for (count, event), items in groups.items():
            kinds = {kind for kind, _, _ in items}
            if len(kinds) < 2:
                continue
            first_kind, first_start, _ = items[0]
            for kind, start, end in items[1:]:
                if kind != first_kind:
                    line = doc.line_range(first_start, first_start + 1)[0]
                    yield diagnostic(
                        doc,
                        "CONFLICT",
                        start,
                        end,
                        f"{count} {kind} after the {event.title()} here, but {count} {first_kind} at line {line}",
                        hint="count both periods in the same kind of day",
                    )
                    break


def check_ambiguous_formulas(deal: Deal) -> Iterator[Diagnostic]:
    """AMBIGUOUS-FORMULA: "X% of A ... plus B" with no bracket saying what the percentage applies to."""
    for doc in deal.docs:
        last_clause = -1
        for quantity in doc.quantities:
            if quantity.kind not in (QuantityKind.PERCENT, QuantityKind.RATE):
                continue
            stop = _CLAUSE_END.search(doc.text, quantity.end, quantity.end + 300)
            limit = stop.start() if stop else quantity.end + 300
            clause = doc.text[quantity.end : limit]
            of = re.search(r"\bof\s+the\b", clause)
            plus = re.search(r"\bplus\b", clause)
            if (
                of is None
                or plus is None
                or of.start() > plus.start()
                or quantity.end + plus.start() == last_clause
            ):
                continue
            last_clause = quantity.end + plus.start()
            yield diagnostic(
                doc,
                "AMBIGUOUS-FORMULA",
                quantity.start,
                quantity.end + plus.end(),
                f"'{doc.quote(quantity.start, quantity.end + plus.end())} ...': the percentage may apply to "
                "the amount alone or to the amount plus what follows",
                hint="state the reading as a deal-file assumption (e.g. rate x principal + interest)",
            )
