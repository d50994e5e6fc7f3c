"""Extract: a draft deal file that `dealbook check` accepts and agrees with the bundled files.

**Fields the text states.** A field of a hand-written bundled deal file counts when (a)
it is one of the fact fields listed in :data:`FIELDS` (document dates; the Company's
name, jurisdiction, entity, address, signatory and notice details; the holders' names,
residences, signers and notice details; capitalization counts, par value and the deal
reserve; the Debentures' principal, coupon and maturity; the Warrants' share counts and
exercise prices; the funding amounts, dates and per-holder allocations; the notice
methods' effects; the market) and (b) the block that holds it cites the agreement text
(``cite``) rather than making an ``assumption``. The test compares each such field of
the bundled file with the draft (numbers exactly, text case- and space-insensitively)
and prints the share that agree; the target is at least 95%.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from dealbook.core.numbers import dec
from dealbook.ingest.document import Document
from dealbook.ingest.document import ingest_path
from dealbook.ingest.extract import agreement_date
from dealbook.ingest.extract import doc_key
from dealbook.ingest.extract import extract_draft
from dealbook.loading.deal import load_deal_text

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = ROOT / "src" / "dealbook" / "deals"
DEALS = {
    "insynq-2002": [
        "insynq-2002-securities-purchase-agreement.txt",
        "insynq-2002-registration-rights-agreement.txt",
    ],
    "amnis-2003": ["amnis-2003-securities-purchase-agreement.txt"],
    "hytech-2003": ["hytech-2003-convertible-debenture-purchase-agreement.txt"],
}
Json = dict[str, object]

#: (list path, key used to match list items, leaf fields). "" as the key: a single block.
FIELDS: list[tuple[str, str, tuple[str, ...]]] = [
    ("documents", "title", ("date",)),
    ("parties.company", "", ("name", "jurisdiction", "entity", "address", "signatory")),
    ("parties.company.notice", "", ("name", "attention", "address", "phone", "fax", "email")),
    ("parties.company.copies", "name", ("attention", "address", "phone", "fax", "email")),
    ("parties.holders", "name", ("residency", "signs_through", "signed")),
    ("parties.holders.notice", "", ("address", "phone", "fax")),
    ("capitalization", "", ("as_of", "par_value", "authorized_common", "outstanding_common")),
    ("capitalization.reserves", "shares", ("shares",)),
    ("capitalization.deal_reserve", "", ("shares", "status")),
    ("capitalization.other_classes", "name", ("authorized", "outstanding")),
    ("securities", "", ("common_par_value",)),
    ("securities.debentures", "#", ("max_principal",)),
    ("securities.debentures.interest.rate", "", ("value",)),
    ("securities.debentures.maturity", "", ("value",)),
    ("securities.warrants", "#", ("max_shares",)),
    ("securities.warrants.exercise_price", "", ("value",)),
    ("funding", "", ("max_principal", "max_warrant_shares")),
    ("funding.tranches", "#", ("principal", "warrant_shares")),
    (
        "funding.tranches.when",
        "",
        ("kind", "date", "time", "zone_text", "first_month", "last_month", "within"),
    ),
    ("funding.tranches.allocations", "holder", ("principal", "warrant_shares", "purchase_price")),
    ("notices.methods", "method", ("effect", "days")),
    ("law", "", ("market",)),
]


def norm(value: object) -> object:
    """Numbers exactly, dates ISO, text without case, commas or extra spaces."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    if re.fullmatch(r"[+-]?(?:\d[\d,]*)?\.?\d+%?", text):
        return dec(("0" + text) if text.startswith(".") else text)
    return " ".join(text.replace(",", " ").split()).casefold().rstrip(".")


def cited(block: Json) -> bool:
    return bool(block.get("cite")) and not block.get("assumption")


def blocks(
    data: Json, path: str, key: str, names: dict[str, str]
) -> Iterator[tuple[str, Json, bool]]:
    """``(item id, block, text-stated?)`` for the blocks at ``path`` (lists expanded)."""
    items: list[tuple[str, Json, bool]] = [("", data, True)]
    for part in path.split("."):
        expanded: list[tuple[str, Json, bool]] = []
        for ident, block, stated in items:
            child = block.get(part)
            if isinstance(child, dict):
                child_stated = (
                    cited(child) if ("cite" in child or "assumption" in child) else stated
                )
                expanded.append((ident, child, child_stated))
            elif isinstance(child, list):
                for index, item in enumerate(child):
                    if isinstance(item, dict):
                        expanded.append(
                            (f"{ident}/{_ident(item, key, index, names)}", item, cited(item))
                        )
        items = expanded
    yield from items


def _ident(item: Json, key: str, index: int, names: dict[str, str]) -> str:
    if key in ("#", ""):
        return str(index)
    value = item.get(key, index)
    if key == "holder":
        value = names.get(str(value), value)
    if key == "name":  # match a firm with or without "or its successors or assigns"
        value = re.sub(r",?\s+or\s+its\s+successors.*$", "", str(value))
    return str(norm(value))


def holder_names(data: Json) -> dict[str, str]:
    parties = data.get("parties")
    holders = parties.get("holders", []) if isinstance(parties, dict) else []
    return {
        str(h["id"]): " ".join(str(h["name"]).replace(",", " ").replace(".", " ").lower().split())
        for h in holders
    }


def compare(bundled: Json, draft: Json) -> tuple[int, list[str]]:
    """Agreeing fields and the list of disagreements, over the text-stated bundled fields."""
    agree = 0
    misses: list[str] = []
    bundled_names, draft_names = holder_names(bundled), holder_names(draft)
    for path, key, leaves in FIELDS:
        theirs = {i: (b, s) for i, b, s in blocks(bundled, path, key, bundled_names)}
        ours = {i: b for i, b, _ in blocks(draft, path, key, draft_names)}
        for ident, (block, stated) in theirs.items():
            for leaf in leaves:
                if not stated or leaf not in block:
                    continue
                mine = ours.get(ident, {}).get(leaf)
                if norm(mine) == norm(block[leaf]):
                    agree += 1
                else:
                    misses.append(f"{path}{ident}.{leaf}: bundled {block[leaf]!r}, draft {mine!r}")
    return agree, misses


@pytest.fixture(scope="module")
def drafts(
    seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, tuple[str, Json]]:
    out: dict[str, tuple[str, Json]] = {}
    base = tmp_path_factory.mktemp("drafts")
    for deal, files in DEALS.items():
        docs = [doc for file in files for doc in ingest_path(seeds_dir / file)]
        draft = extract_draft(docs, base_dir=base)
        text = draft.to_yaml()
        (base / f"{deal}.yaml").write_text(text, encoding="utf-8")
        out[deal] = (text, draft.data)
    return out


@pytest.mark.parametrize("deal", sorted(DEALS))
def test_dealbook_check_accepts_the_draft(
    drafts: dict[str, tuple[str, Json]], seeds_dir: Path, deal: str, tmp_path: Path
) -> None:
    text, _ = drafts[deal]
    path = tmp_path / "draft.yaml"
    docs_dir = seeds_dir
    text = re.sub(r"text: .*?(\w[\w-]*\.txt)", lambda m: f"text: {docs_dir / m.group(1)}", text)
    path.write_text(text, encoding="utf-8")
    result, diagnostics = load_deal_text(text, str(path), base_dir=tmp_path)
    assert result is not None, "\n".join(d.format() for d in diagnostics)
    assert not [d for d in diagnostics if d.severity == "error"]


def test_agreement_with_bundled_deal_files(drafts: dict[str, tuple[str, Json]]) -> None:
    total = agree = 0
    report: list[str] = []
    for deal in sorted(DEALS):
        bundled = yaml.safe_load((BUNDLED / f"{deal}.yaml").read_text(encoding="utf-8"))
        ok, misses = compare(bundled, drafts[deal][1])
        total += ok + len(misses)
        agree += ok
        report.append(f"{deal}: {ok}/{ok + len(misses)} agree")
        report.extend(f"    {m}" for m in misses)
    share = agree / total
    print("\n".join(report))
    print(f"extract vs bundled deal files: {agree}/{total} text-stated fields agree ({share:.1%})")
    assert total > 150
    assert share >= 0.95


def test_open_questions_are_listed_not_invented(drafts: dict[str, tuple[str, Json]]) -> None:
    text, data = drafts["insynq-2002"]
    assert "# Open questions" in text
    assert "the Conversion Price (defined in the Debenture form)" in text
    securities: Any = data["securities"]
    assert isinstance(securities, dict)
    [debenture] = securities["debentures"]
    assert debenture["conversion"]["price"]["price"]["assumption"]["basis"] == "placeholder"
    assert debenture["interest"]["rate"]["value"] == "12%"


def test_every_citation_quotes_the_original_text(
    drafts: dict[str, tuple[str, Json]], seeds_dir: Path
) -> None:
    lines = {f: (seeds_dir / f).read_text().splitlines() for files in DEALS.values() for f in files}
    for deal, (_text, data) in drafts.items():
        keys = {}
        documents: Any = data["documents"]
        for entry in documents:
            keys[entry["id"]] = Path(entry["text"]).name
        for cite in _cites(data):
            first, _, last = str(cite["lines"]).partition("-")
            chunk = " ".join(lines[keys[cite["doc"]]][int(first) - 1 : int(last or first)])
            assert " ".join(str(cite["quote"]).split()) in " ".join(chunk.split()), (deal, cite)


def _cites(value: object) -> Iterator[Json]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "cite" and isinstance(item, list):
                yield from (c for c in item if isinstance(c, dict))
            else:
                yield from _cites(item)
    elif isinstance(value, list):
        for item in value:
            yield from _cites(item)


def test_doc_keys_and_agreement_date(seed_docs: dict[str, Document]) -> None:
    assert [doc_key(seed_docs[n]) for n in ("ins-spa", "ins-rra", "hyt")] == ["spa", "rra", "cdpa"]
    found = agreement_date(seed_docs["hyt"])
    assert found is not None and seed_docs["hyt"].span(found[0]).line == 152
