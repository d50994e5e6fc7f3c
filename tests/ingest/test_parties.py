"""Parties, roles and aliases from the preamble and definitions."""

from __future__ import annotations

from dealbook.ingest.document import Document


def test_seed_parties(seed_docs: dict[str, Document]) -> None:
    def table(name: str) -> list[tuple[str, str, str, str]]:
        return [(p.role, p.name, p.alias, p.jurisdiction) for p in seed_docs[name].parties]

    assert table("ins-spa") == [
        ("company", "Insynq, Inc.", "Company", "Delaware"),
        ("investor", "", "Buyers", ""),
    ]
    assert ("named", "Bristol Investment Fund, Ltd.", "Bristol", "") in table("amn-spa")
    assert ("named", "Stonestreet Limited Partnership", "Stonestreet", "") in table("amn-spa")
    hyt = table("hyt")
    assert ("company", "Hy-Tech Technology Group, Inc.", "COMPANY", "Delaware") in hyt
    assert ("investor", "HEM Mutual Assurance Fund Limited", "PURCHASER", "") in hyt
    assert ("escrow-agent", "Kaplan Gottbetter & Levenson, LLP", "ESCROW AGENT", "") in hyt
    [company] = [p for p in seed_docs["ins-spa"].parties if p.role == "company"]
    assert company.address == "1101 Broadway Plaza, Tacoma, Washington 98498"
    assert company.entity == "corporation"
