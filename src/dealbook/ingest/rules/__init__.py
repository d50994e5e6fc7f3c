"""Lint rules over an agreement or a deal's document set, with stable codes.

:data:`RULES` is the ordered pipeline; each rule takes a
:class:`~dealbook.ingest.rules.context.Deal` and yields
:class:`~dealbook.core.diagnostics.Diagnostic` values located in the original files.
:func:`lint_documents` groups documents into deals (by the Company they name) and runs
every rule over each deal.
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Iterable
from collections.abc import Sequence

from dealbook.core.diagnostics import Diagnostic
from dealbook.core.diagnostics import sort_key
from dealbook.ingest.document import Document
from dealbook.ingest.rules.context import Deal
from dealbook.ingest.rules.context import build_deal
from dealbook.ingest.rules.context import group_deals
from dealbook.ingest.rules.dates import check_dates
from dealbook.ingest.rules.dates import check_time_zones
from dealbook.ingest.rules.definitions import check_conflicting_definitions
from dealbook.ingest.rules.definitions import check_forward_uses
from dealbook.ingest.rules.definitions import check_unused_terms
from dealbook.ingest.rules.facts import check_contacts
from dealbook.ingest.rules.facts import check_signatures
from dealbook.ingest.rules.numbers import check_ambiguous_formulas
from dealbook.ingest.rules.numbers import check_capitalization
from dealbook.ingest.rules.numbers import check_day_kind_conflicts
from dealbook.ingest.rules.numbers import check_inverted_comparisons
from dealbook.ingest.rules.numbers import check_words_numerals
from dealbook.ingest.rules.structure import check_artefacts
from dealbook.ingest.rules.structure import check_numbering
from dealbook.ingest.rules.structure import check_parentheses
from dealbook.ingest.rules.structure import check_placeholders
from dealbook.ingest.rules.structure import check_toc
from dealbook.ingest.rules.terms import check_term_uses
from dealbook.ingest.rules.xref import check_definition_targets
from dealbook.ingest.rules.xref import check_xrefs

Rule = Callable[[Deal], Iterable[Diagnostic]]

#: The lint pipeline, in order.
RULES: tuple[Rule, ...] = (
    check_xrefs,
    check_definition_targets,
    check_term_uses,
    check_unused_terms,
    check_conflicting_definitions,
    check_forward_uses,
    check_numbering,
    check_toc,
    check_parentheses,
    check_placeholders,
    check_artefacts,
    check_words_numerals,
    check_capitalization,
    check_inverted_comparisons,
    check_day_kind_conflicts,
    check_ambiguous_formulas,
    check_dates,
    check_time_zones,
    check_contacts,
    check_signatures,
)


def lint_deal(deal: Deal, rules: Sequence[Rule] = RULES) -> list[Diagnostic]:
    """Run the rules over one deal; diagnostics sorted by file, line, column and code."""
    found: dict[tuple[str, str, int, int, str], Diagnostic] = {}
    for rule in rules:
        for item in rule(deal):
            span = item.span
            key = (
                item.code,
                span.path if span else "",
                span.line if span else 0,
                span.col if span else 0,
                item.message,
            )
            found.setdefault(key, item)
    return sorted(found.values(), key=sort_key)


def lint_documents(docs: Sequence[Document], *, group: bool = True) -> list[Diagnostic]:
    """Lint documents, grouped into deals by Company (or each alone when ``group`` is False)."""
    groups = group_deals(docs) if group else [(doc,) for doc in docs]
    out: list[Diagnostic] = []
    for members in groups:
        out.extend(lint_deal(build_deal(members)))
    return sorted(out, key=sort_key)
