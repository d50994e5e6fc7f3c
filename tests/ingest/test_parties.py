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


def test_body_head_gives_the_opening_words_of_a_long_body() -> None:
    from dealbook.ingest.parties import _body
    from dealbook.ingest.parties import _body_head

    words = " ".join(f"Word{i}" for i in range(80))
    text = "by and between  Insynq,\n Inc., a Delaware corporation " + words
    head = _body_head(text, 0, len(text))
    assert head.split()[:13] == _body(text, 0, len(text)).split()[:13]
    assert head.split()[:4] == ["Insynq,", "Inc.,", "a", "Delaware"]
    assert len(head) < len(_body(text, 0, len(text)))
    short = "between Alpha Capital Aktiengesellschaft"
    assert _body_head(short, 0, len(short)) == "Alpha Capital Aktiengesellschaft"


def test_last_words_reads_only_the_end_of_a_long_text() -> None:
    from dealbook.ingest.parties import _last_words

    text = "x " * 500 + "with Alpha Capital Aktiengesellschaft"
    assert _last_words(text, 12) == text.split()[-12:]
    assert _last_words("a b c", 12) == ["a", "b", "c"]
    long_word = "y" * 500 + " Fund"
    assert _last_words(long_word, 12) == ["y" * 500, "Fund"]
