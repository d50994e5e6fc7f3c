"""Lint on the seed deals against the spec's §5 drafting defects (the test oracle).

* Every text-detectable defect the issue lists is found, at its line (±2) with one of
  the spec's codes (or the closest code of this linter, noted).
* Every finding of warning level or above is listed in the reviewed golden file
  ``golden/lint-findings.json`` and marked TP (true) or FP (false positive); at least 85%
  are true.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dealbook.core.diagnostics import Diagnostic
from dealbook.core.diagnostics import Severity
from dealbook.ingest.document import ingest_path
from dealbook.ingest.rules import lint_documents

from .conftest import GOLDEN
from .conftest import SEEDS

#: Defect id, seed, lines (any one suffices, ±2), accepted codes.
ORACLE: list[tuple[str, str, tuple[int, ...], tuple[str, ...]]] = [
    ("D-INS-1", "ins-spa", (350, 370, 922), ("XREF-BAD",)),
    ("D-INS-2", "ins-spa", (953,), ("PARTY-UNDEF",)),
    ("D-INS-4", "ins-spa", (935, 936, 937), ("TERM-UNDEF",)),
    ("D-INS-5", "ins-spa", (305, 309, 313), ("CAP-EXCEEDED",)),
    ("D-INS-6", "ins-spa", (73,), ("TZ-DST",)),
    ("D-INS-8", "ins-spa", (1283,), ("FACT-MISMATCH",)),  # against INS-RRA L926
    ("D-RRA-1", "ins-rra", (64,), ("PAREN",)),
    ("D-RRA-2", "ins-rra", (165,), ("PAREN",)),
    ("D-RRA-3", "ins-rra", (74, 76), ("TERM-MISMATCH",)),
    ("D-RRA-4", "ins-rra", (57, 66, 103), ("XREF-BAD", "TERM-UNDEF")),
    ("D-RRA-5", "ins-rra", (103, 105), ("TERM-UNDEF",)),
    ("D-AMN-1", "amn-spa", (347, 366, 866, 875), ("XREF-BAD",)),
    ("D-AMN-4", "amn-spa", (185,), ("XREF-DIRECTION",)),  # spec: XREF-BAD (direction)
    ("D-AMN-7", "amn-spa", (1000, 1002), ("TERM-UNDEF",)),
    ("D-AMN-8", "amn-spa", (1027, 1031), ("TERM-UNDEF",)),
    ("D-AMN-9", "amn-spa", (1169, 1170), ("TERM-UNDEF",)),
    ("D-AMN-12", "amn-spa", (71,), ("TZ-DST",)),
    ("D-AMN-19", "amn-spa", (956, 957), ("DATE-NONBIZ",)),
    ("D-HYT-2", "hyt", (1735, 1739), ("FACT-MISMATCH", "CAP-EXCEEDED")),
    ("D-HYT-3", "hyt", (238, 239), ("NUM-WORDS",)),
    ("D-HYT-7", "hyt", (335, 336), ("TERM-MISMATCH", "TERM-UNUSED")),
    ("D-HYT-8", "hyt", (598, 681), ("TERM-MISMATCH",)),
    ("D-HYT-9", "hyt", (246,), ("XREF-BAD",)),
    ("D-HYT-20", "hyt", (307, 217, 213, 272, 390), ("TERM-UNUSED",)),
    ("D-HYT-24", "hyt", (50, 85), ("TOC-MISMATCH",)),  # spec: STRUCTURE
    ("D-HYT-28", "hyt", (1324, 1355), ("ENC-ARTEFACT",)),  # spec: TYPO (artefact)
    ("D-HYT-33", "hyt", (160,), ("DATE-NONBIZ",)),
]
#: Defects found at every one of their lines (not just one).
EVERY_LINE = {
    "D-INS-1",
    "D-AMN-1",
    "D-HYT-8",
    "D-HYT-20",
    "D-HYT-24",
    "D-HYT-28",
    "D-AMN-19",
    "D-AMN-8",
}


@pytest.fixture(scope="module")
def findings(seeds_dir: Path) -> list[Diagnostic]:
    docs = [doc for file in SEEDS.values() for doc in ingest_path(seeds_dir / file, file)]
    return lint_documents(docs)


@pytest.mark.parametrize(("defect", "seed", "lines", "codes"), ORACLE, ids=[o[0] for o in ORACLE])
def test_defect_is_found(
    findings: list[Diagnostic],
    defect: str,
    seed: str,
    lines: tuple[int, ...],
    codes: tuple[str, ...],
) -> None:
    at = [
        d.span.line
        for d in findings
        if d.span is not None
        and d.span.path == SEEDS[seed]
        and d.code in codes
        and d.severity is not Severity.INFO
    ]
    hits = [line for line in lines if any(abs(line - a) <= 2 for a in at)]
    assert hits, f"{defect}: no {codes} finding near lines {lines} (found at {sorted(at)})"
    if defect in EVERY_LINE:
        assert hits == list(lines), f"{defect}: found only at {hits} of {lines}"


def test_every_finding_is_reviewed_and_mostly_true(findings: list[Diagnostic]) -> None:
    reviewed = json.loads((GOLDEN / "lint-findings.json").read_text(encoding="utf-8"))
    current = [(str(d.span), d.code) for d in findings if d.severity is not Severity.INFO]
    listed = [(row["location"], row["code"]) for row in reviewed]
    assert sorted(current) == sorted(listed), (
        "lint findings changed: review them and update golden/lint-findings.json "
        f"(new: {sorted(set(current) - set(listed))}, gone: {sorted(set(listed) - set(current))})"
    )
    assert all(row["verdict"] in ("TP", "FP") for row in reviewed)
    true = sum(row["verdict"] == "TP" for row in reviewed)
    rate = true / len(reviewed)
    print(
        f"lint on the seeds: {len(reviewed)} findings (warning+), {true} true positives, {rate:.1%}"
    )
    assert rate >= 0.85


def test_seed_deals_are_grouped_by_company(findings: list[Diagnostic]) -> None:
    """The Insynq SPA and RRA are one deal: the telephone mismatch is a cross-document finding."""
    [phone] = [d for d in findings if d.code == "FACT-MISMATCH" and "telephone" in d.message]
    assert str(phone.span) == "insynq-2002-securities-purchase-agreement.txt:1283:49"
    assert phone.message == (
        "Ballard Spahr Andrews & Ingersoll, LLP: telephone (215) 864-8625 here, but (215) 865-8625 in "
        "insynq-2002-registration-rights-agreement (line 921)"
    )
