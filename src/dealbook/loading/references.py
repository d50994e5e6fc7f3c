"""Checks across a deal file: citations, references, ids and sums.

After the model has validated each value, these checks look at the deal as a whole:
every term block is cited or assumed; citations name listed documents and their quotes
appear in the cited lines of the agreement text; holder, agent and payee references
resolve; ids are unique; closing allocations add up (INS-SPA §1(a): $60,000 + $60,000 =
$120,000) and the schedule reaches its stated maximum (120,000 + 11 x 30,000 = 450,000).
"""

from __future__ import annotations

import dataclasses
import difflib
import hashlib
import re
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

from dealbook.core.diagnostics import Diagnostic
from dealbook.core.diagnostics import Severity
from dealbook.loading.yamlsrc import LocatedDocument
from dealbook.terms.base import Citation
from dealbook.terms.base import is_term_block
from dealbook.terms.conventions import reading_field
from dealbook.terms.deal import Deal
from dealbook.terms.deal import walk_blocks
from dealbook.terms.funding import MonthlyRule

DataPath = tuple[str | int, ...]


def check_deal(deal: Deal, document: LocatedDocument, base_dir: Path | None) -> list[Diagnostic]:
    """Every cross-field problem of ``deal``, located in ``document``."""
    out: list[Diagnostic] = []
    out.extend(_uncited(deal, document))
    out.extend(_references(deal, document))
    out.extend(_duplicate_ids(deal, document))
    out.extend(_sums(deal, document))
    out.extend(_readings(deal, document))
    if base_dir is not None:
        out.extend(_texts(deal, document, base_dir))
    return out


def _error(
    code: str, message: str, document: LocatedDocument, path: DataPath, hint: str | None = None
) -> Diagnostic:
    return Diagnostic(
        code=code,
        severity=Severity.ERROR,
        message=message,
        span=document.value_span(document.resolve(path)),
        hint=hint,
    )


def _uncited(deal: Deal, document: LocatedDocument) -> Iterable[Diagnostic]:
    assumed: list[DataPath] = []
    for path, block in walk_blocks(deal):
        if (
            not is_term_block(block)
            or document.resolve(path) != path
            or path not in document.values
        ):
            continue  # defaults the file does not spell out are not terms of the file
        if getattr(block, "assumption", None) is not None:
            assumed.append(path)
            continue
        if getattr(block, "cite", ()) or any(path[: len(a)] == a for a in assumed):
            continue  # cited, or inside a block that is an assumption as a whole
        name = type(block).__name__
        yield _error(
            "DEAL-UNCITED",
            f"{name} at {'.'.join(map(str, path)) or 'top level'} has neither `cite` nor `assumption`",
            document,
            path,
            hint="add `cite: {doc: ..., section: ...}` or `assumption: {id: ..., rationale: ...}`",
        )


def _references(deal: Deal, document: LocatedDocument) -> Iterable[Diagnostic]:
    docs = {doc.id for doc in deal.documents}
    holders = set(deal.holder_ids())
    agents = {agent.id for agent in deal.parties.agents}
    for path, block in walk_blocks(deal):
        if isinstance(block, Citation) and block.doc not in docs:
            yield _error(
                "DEAL-UNKNOWN-DOC",
                f"citation names document {block.doc!r}, which is not under `documents:`",
                document,
                (*path, "doc"),
                hint=_suggest(block.doc, docs),
            )
        holder = getattr(block, "holder", None)
        if isinstance(holder, str) and holder not in holders:
            yield _error(
                "DEAL-UNKNOWN-HOLDER",
                f"unknown holder {holder!r}",
                document,
                (*path, "holder"),
                hint=_suggest(holder, holders),
            )
    if deal.escrow is not None and deal.escrow.agent not in agents:
        yield _error(
            "DEAL-UNKNOWN-PARTY",
            f"escrow agent {deal.escrow.agent!r} is not under `parties.agents`",
            document,
            ("escrow", "agent"),
            hint=_suggest(deal.escrow.agent, agents),
        )
    payees = agents | holders | {"company"}
    for index, fee in enumerate(deal.fees.fixed):
        if fee.payee not in payees:
            yield _error(
                "DEAL-UNKNOWN-PARTY",
                f"fee payee {fee.payee!r} is not a holder, an agent or `company`",
                document,
                ("fees", "fixed", index, "payee"),
                hint=_suggest(fee.payee, payees),
            )


def _suggest(value: str, known: Iterable[str]) -> str:
    options = sorted(known)
    close = difflib.get_close_matches(value, options, n=1, cutoff=0.5)
    if close:
        return f"did you mean {close[0]!r}?"
    return "known: " + ", ".join(options) if options else "none defined"


def _duplicate_ids(deal: Deal, document: LocatedDocument) -> Iterable[Diagnostic]:
    parties: list[DataPath] = [("parties", "holders", i) for i in range(len(deal.parties.holders))]
    parties += [("parties", "agents", i) for i in range(len(deal.parties.agents))]
    ids = [h.id for h in deal.parties.holders] + [a.id for a in deal.parties.agents]
    yield from _first_repeat(ids, parties, document, "party")
    for path, block in walk_blocks(deal):
        for field in dataclasses.fields(block):  # type: ignore[arg-type]  # walk_blocks yields dataclasses
            items = getattr(block, field.name)
            if path[:1] == ("parties",) and field.name in ("holders", "agents"):
                continue
            if isinstance(items, tuple) and items and all(hasattr(item, "id") for item in items):
                paths = [(*path, field.name, i) for i in range(len(items))]
                yield from _first_repeat([item.id for item in items], paths, document, field.name)


def _first_repeat(
    ids: list[str], paths: list[DataPath], document: LocatedDocument, what: str
) -> Iterable[Diagnostic]:
    first: dict[str, DataPath] = {}
    for item_id, path in zip(ids, paths, strict=True):
        if item_id in first:
            line = document.value_span(document.resolve(first[item_id])).line
            yield _error(
                "DEAL-DUPLICATE-ID",
                f"duplicate {what} id {item_id!r} (first used at line {line})",
                document,
                (*path, "id"),
                hint="give each item its own id",
            )
        else:
            first[item_id] = path


def _sums(deal: Deal, document: LocatedDocument) -> Iterable[Diagnostic]:
    total_principal = Decimal(0)
    total_warrants = 0
    for index, tranche in enumerate(deal.funding.tranches):
        count = _closings(tranche.when)
        total_principal += tranche.principal * count
        total_warrants += tranche.warrant_shares * count
        if tranche.allocations:
            principal = sum(a.principal for a in tranche.allocations)
            warrants = sum(a.warrant_shares for a in tranche.allocations)
            if principal != tranche.principal or warrants != tranche.warrant_shares:
                yield _error(
                    "DEAL-ALLOCATION-SUM",
                    f"allocations of {tranche.id!r} add up to {principal} principal and {warrants} warrant shares, "
                    f"but the closing is {tranche.principal} and {tranche.warrant_shares}",
                    document,
                    ("funding", "tranches", index, "allocations"),
                )
    funding = deal.funding
    if total_principal != funding.max_principal or total_warrants != funding.max_warrant_shares:
        yield _error(
            "DEAL-SCHEDULE-TOTAL",
            f"the tranches add up to {total_principal} principal and {total_warrants} warrant shares, "
            f"but the maximum is {funding.max_principal} and {funding.max_warrant_shares}",
            document,
            ("funding", "max_principal"),
        )


def _closings(when: object) -> int:
    if isinstance(when, MonthlyRule):
        first_year, first_month = map(int, when.first_month.split("-"))
        last_year, last_month = map(int, when.last_month.split("-"))
        return max(0, (last_year - first_year) * 12 + last_month - first_month + 1)
    return 1


def _readings(deal: Deal, document: LocatedDocument) -> Iterable[Diagnostic]:
    for index, note in enumerate(deal.conventions.notes):
        if reading_field(note.key) is None:
            yield _error(
                "DEAL-UNKNOWN-READING",
                f"no reading named {note.key!r}",
                document,
                ("conventions", "notes", index, "key"),
            )
    for index, defect in enumerate(deal.defects):
        if defect.convention is not None and reading_field(defect.convention) is None:
            yield _error(
                "DEAL-UNKNOWN-READING",
                f"no reading named {defect.convention!r}",
                document,
                ("defects", index, "convention"),
            )


def _normalize(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _texts(deal: Deal, document: LocatedDocument, base_dir: Path) -> Iterable[Diagnostic]:
    lines_by_doc: dict[str, list[str]] = {}
    for index, doc in enumerate(deal.documents):
        if doc.text is None:
            continue
        file = base_dir / doc.text
        try:
            raw = file.read_bytes()
        except OSError:
            yield Diagnostic(
                code="DEAL-TEXT-MISSING",
                severity=Severity.WARNING,
                message=f"text of document {doc.id!r} not found at {file}",
                span=document.value_span(document.resolve(("documents", index, "text"))),
                hint="paths are relative to the deal file",
            )
            continue
        if doc.sha256 is not None and hashlib.sha256(raw).hexdigest() != doc.sha256:
            yield _error(
                "DEAL-TEXT-HASH",
                f"text of document {doc.id!r} does not match its sha256",
                document,
                ("documents", index, "sha256"),
                hint=f"the file's sha256 is {hashlib.sha256(raw).hexdigest()}",
            )
        lines_by_doc[doc.id] = raw.decode("utf-8", errors="replace").splitlines()
    for path, block in walk_blocks(deal):
        if not isinstance(block, Citation) or block.doc not in lines_by_doc or block.quote is None:
            continue
        lines = lines_by_doc[block.doc]
        first, last = block.lines if block.lines is not None else (1, len(lines))
        if last > len(lines):
            yield _error(
                "DEAL-LINES-RANGE",
                f"lines {first}-{last} are beyond the end of {block.doc!r} ({len(lines)} lines)",
                document,
                (*path, "lines"),
            )
            continue
        haystack = _normalize(" ".join(lines[first - 1 : last]))
        if _normalize(block.quote) not in haystack:
            yield _error(
                "DEAL-QUOTE-MISMATCH",
                f"quote not found in {block.doc}:{block.section} lines {first}-{last}",
                document,
                (*path, "quote"),
                hint="copy the words verbatim from the cited lines (whitespace may differ)",
            )
