"""Deadline rules nest: earliest-of after-anchor branches (INS-RRA §2(a))."""

from __future__ import annotations

from dealbook.terms.registration import AfterAnchor
from dealbook.terms.registration import DeadlineTerm
from dealbook.terms.registration import EarliestOf
from tests.terms.helpers import CITE
from tests.terms.helpers import build


def test_filing_date_rule() -> None:
    term = build(
        DeadlineTerm,
        {
            "rule": {
                "kind": "earliest-of",
                "of": [
                    {"kind": "after", "anchor": "last-funding-date", "within": "10 days"},
                    {"kind": "after", "anchor": "funding-termination", "within": "30 days"},
                ],
            },
            "cite": CITE,
        },
    )
    assert isinstance(term.rule, EarliestOf)
    assert [b.anchor for b in term.rule.of if isinstance(b, AfterAnchor)] == [
        "last-funding-date",
        "funding-termination",
    ]
