"""The bundled seed deals: valid, cited, and faithful to the seed agreements.

Every citation that carries a quote is checked against ``../shared/seeds`` directly
(whitespace-normalized, within the cited lines), independently of the loader's own
check against the bundled copies.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from dealbook.loading.bundled import BUNDLED_IDS
from dealbook.loading.bundled import bundled_dir
from dealbook.loading.bundled import load_bundled
from dealbook.terms.base import Citation
from dealbook.terms.deal import Deal
from dealbook.terms.deal import walk_blocks

SEED_FILES = {
    "insynq-2002-securities-purchase-agreement.txt",
    "insynq-2002-registration-rights-agreement.txt",
    "amnis-2003-securities-purchase-agreement.txt",
    "hytech-2003-convertible-debenture-purchase-agreement.txt",
}


def _load(deal_id: str) -> Deal:
    deal, diagnostics = load_bundled(deal_id)
    assert [d.format() for d in diagnostics] == []
    assert deal is not None
    return deal


@pytest.mark.parametrize("deal_id", BUNDLED_IDS)
def test_bundled_deal_checks_clean(deal_id: str) -> None:
    deal = _load(deal_id)
    assert deal.id == deal_id


def test_bundled_texts_are_the_seeds(seeds_dir: Path) -> None:
    texts = bundled_dir() / "texts"
    assert {p.name for p in texts.iterdir()} == SEED_FILES
    for name in SEED_FILES:
        assert (texts / name).read_bytes() == (seeds_dir / name).read_bytes(), name


def _normalize(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("deal_id", BUNDLED_IDS)
def test_every_quote_is_in_the_cited_seed_lines(deal_id: str, seeds_dir: Path) -> None:
    deal = _load(deal_id)
    texts = {
        doc.id: (seeds_dir / Path(doc.text or "").name).read_text(encoding="utf-8").splitlines()
        for doc in deal.documents
    }
    quoted = 0
    for path, block in walk_blocks(deal):
        if not isinstance(block, Citation) or block.quote is None:
            continue
        assert block.lines is not None, f"{path}: a quote needs lines"
        first, last = block.lines
        lines = texts[block.doc]
        assert last <= len(lines), f"{path}: {block.doc} has {len(lines)} lines"
        window = _normalize(" ".join(lines[first - 1 : last]))
        assert _normalize(block.quote) in window, (
            f"{path}: {block.quote!r} not in {block.doc}:{first}-{last}"
        )
        quoted += 1
    assert quoted >= 40, f"{deal_id} has only {quoted} quoted citations"


@pytest.mark.parametrize("deal_id", BUNDLED_IDS)
def test_documents_pin_the_seed_hash(deal_id: str, seeds_dir: Path) -> None:
    deal = _load(deal_id)
    for doc in deal.documents:
        assert doc.text is not None and doc.sha256 is not None
        digest = hashlib.sha256((seeds_dir / Path(doc.text).name).read_bytes()).hexdigest()
        assert doc.sha256 == digest
