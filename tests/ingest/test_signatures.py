"""Signature blocks and allocations; the Hy-Tech Schedule 1 table."""

from __future__ import annotations

from decimal import Decimal

from dealbook.ingest.document import Document


def test_insynq_signature_pages(seed_docs: dict[str, Document]) -> None:
    blocks = {b.party: b for b in seed_docs["ins-spa"].signatures}
    ajw = blocks["AJW PARTNERS, LLC"]
    assert (ajw.by, ajw.signer, ajw.title, ajw.signed, ajw.residence) == (
        "SMS Group, LLC",
        "Corey S. Ribotsky",
        "Manager",
        True,
        "Delaware",
    )
    assert ajw.address == ("1044 Northern Boulevard", "Suite 302", "Roslyn, New York 11576")
    assert [(a.label, a.amount, a.count) for a in ajw.allocation] == [
        ("Aggregate Principal Amount of Debentures", Decimal(60000), None),
        ("Number of Warrants", None, 120000),
        ("Aggregate Purchase Price", Decimal(60000), None),
    ]
    assert not blocks["AJW OFFSHORE, LTD."].signed
    rra = [
        b
        for b in seed_docs["ins-rra"].signatures
        if b.party == "NEW MILLENNIUM CAPITAL PARTNERS II, LLC"
    ]
    assert rra[0].signed_as == "Corey Ribsotsky"


def test_amnis_attention_lines(seed_docs: dict[str, Document]) -> None:
    blocks = {b.party: b for b in seed_docs["amn-spa"].signatures}
    assert blocks["SDS MERCHANT FUND, LP"].attention == "Scott Derby"
    assert blocks["Bristol Investment Fund, Ltd."].attention == "Amy Wang, Esq."
    assert blocks["Alpha Capital Aktiengesellschaft"].fax == "011-42-32323196"


def test_hytech_schedule_table(seed_docs: dict[str, Document]) -> None:
    [row] = [b for b in seed_docs["hyt"].signatures if b.source == "schedule"]
    assert row.party == "HEM Mutual Assurance Fund Limited"
    assert row.address == ("c/o Loughran & Co.", "38 Hertford Street", "London, England W1J7SG")
    assert [(a.label, a.amount, a.count) for a in row.allocation] == [
        ("Purchase Price", Decimal("750000.00"), None),
        ("No. of Debentures", None, 750),
        ("No. of Warrant Shares", None, 2500000),
        ("No. of Initial Warrant Shares", None, 2500000),
    ]
