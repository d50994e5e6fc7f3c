"""Capitalization statements and share denominations."""

from __future__ import annotations

from dealbook.ingest.capital import find_capitalization
from dealbook.ingest.document import Document


def test_seed_capitalization(seed_docs: dict[str, Document]) -> None:
    ins = seed_docs["ins-spa"].capitalization
    assert ins.authorized is not None and ins.authorized.count == 250_000_000
    assert [r.count for r in ins.reserved] == [23_722_925, 159_749_572, 630_000_000]
    assert ins.headroom == -630_000_000
    amn = seed_docs["amn-spa"].capitalization
    assert amn.headroom == 20_000_000
    hyt = seed_docs["hyt"].capitalization
    assert hyt.headroom == 12_083_610
    assert [(d.certificates, d.size) for d in hyt.denominations] == [
        (7, 500_000), (20, 250_000), (200, 10_000), (100, 15_000), (20, 25_000),
    ]  # fmt: skip
    assert hyt.denominations_total == 12_500_000


def test_promises_are_not_reservations() -> None:
    cap = find_capitalization(
        "authorized to issue 100,000,000 shares of Common Stock of which 10,000,000 shares are issued and "
        "outstanding; the Company will reserve 5,000,000 shares"
    )
    assert cap.reserved == () and cap.headroom == 90_000_000
