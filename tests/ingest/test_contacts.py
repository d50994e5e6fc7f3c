"""Notice address blocks."""

from __future__ import annotations

from dealbook.ingest.contacts import phone_digits
from dealbook.ingest.document import Document


def test_seed_notice_blocks(seed_docs: dict[str, Document]) -> None:
    rra = {(c.role, c.name): c for c in seed_docs["ins-rra"].contacts}
    ballard = rra[("copy-to-investor", "Ballard Spahr Andrews & Ingersoll, LLP")]
    assert (ballard.attention, ballard.telephone, ballard.fax) == (
        "Gerald J. Guarcini, Esq.",
        "(215) 865-8625",
        "(215) 864-8999",
    )
    assert ballard.address == (
        "1735 Market Street",
        "51st Floor",
        "Philadelphia, Pennsylvania 19103",
    )
    assert (
        seed_docs["ins-rra"].span(ballard.start).line == 921
    )  # the firm name; "With a copy to:" is L919
    amnis = {c.role: c for c in seed_docs["amn-spa"].contacts}
    assert (amnis["company"].name, amnis["company"].attention) == ("", "Lawrence Bartlett")
    hyt = [c for c in seed_docs["hyt"].contacts if c.role == "escrow-agent"]
    assert hyt[0].name == "Kaplan Gottbetter & Levenson, LLP" and hyt[0].fax == "(212) 983-9210"


def test_phone_digits() -> None:
    assert phone_digits("(215) 864-8625") == "2158648625"
    assert phone_digits("none") == ""
