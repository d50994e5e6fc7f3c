"""``dealbook replay --format text``: the replay as readable tables.

Same content as the JSON contract: readings that differ from the defaults, positions,
deadlines, accruals with totals, reserve, cap table, escrow and diagnostics.
"""

from __future__ import annotations

from collections.abc import Sequence

from dealbook.engine.replay.model import ReplayResult
from dealbook.engine.replay.model import cents
from dealbook.engine.replay.readings import Sensitivity
from dealbook.reports.replay_json import totals_json


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    """A plain text table: numbers right-aligned, text left-aligned."""
    cells = [[("-" if v is None else str(v)) for v in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in cells:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]
    numeric = [
        all(_is_number(row[i]) for row in cells) and bool(cells) for i in range(len(headers))
    ]

    def line(values: Sequence[str]) -> str:
        parts = [
            v.rjust(w) if num else v.ljust(w)
            for v, w, num in zip(values, widths, numeric, strict=True)
        ]
        return "  ".join(parts).rstrip()

    out = [line(list(headers)), line(["-" * w for w in widths])]
    out.extend(line(row) for row in cells)
    return out


def _is_number(text: str) -> bool:
    return text.replace(".", "", 1).replace("-", "", 1).replace("/", "", 1).isdigit()


def render_replay(result: ReplayResult) -> str:
    """The replay as text."""
    out = [f"{result.deal} as of {result.as_of.isoformat()}", ""]
    changed = [(k, v, s) for k, v, s in result.readings if s != "default"]
    out.append("Readings: Appendix A defaults" + (", except:" if changed else ""))
    out.extend(f"  {k} = {v} ({s})" for k, v, s in changed)
    out += ["", "Positions"]
    out += table(
        ["holder", "funded", "outstanding", "interest", "warrants", "conv. shares", "owned", "%"],
        [
            (
                p.holder,
                cents(p.principal_funded),
                cents(p.principal_outstanding),
                cents(p.interest_accrued_unpaid),
                p.warrants,
                p.conversion_shares_issued,
                p.shares_owned,
                p.ownership_pct,
            )
            for p in result.positions
        ],
    )
    out += ["", "Deadlines"]
    out += table(
        ["due", "status", "done", "clause", "obligor", "what", "id"],
        [
            (
                d.due.isoformat() if d.due else None,
                d.status,
                d.done_on.isoformat() if d.done_on else None,
                d.clause,
                d.obligor,
                d.what,
                d.id,
            )
            for d in result.deadlines
        ],
    )
    out += ["", "Accruals"]
    out += table(
        ["clause", "payer", "payee", "start", "end", "months", "amount", "unpaid", "form", "id"],
        [
            (
                a.clause,
                a.payer,
                a.payee,
                a.start.isoformat() if a.start else None,
                (a.end.isoformat() if a.end else None),
                a.months,
                cents(a.amount),
                cents(a.unpaid),
                a.form + (" (running)" if a.running else ""),
                a.id,
            )
            for a in result.accruals
        ],
    )
    totals = totals_json(result.accruals)
    for name in ("by_clause", "by_payee", "unpaid_by_payer"):
        sums = totals[name]
        assert isinstance(sums, dict)
        if sums:
            out += ["", f"Totals {name.replace('_', ' ')}"]
            out += table(["", "amount"], sorted(sums.items()))
    if result.reserve is not None:
        r = result.reserve
        out += ["", "Reserve"]
        out += table(
            ["required", "reserved", "authorized", "outstanding", "headroom", "shortfall"],
            [(r.required, r.reserved, r.authorized, r.outstanding, r.headroom, r.shortfall)],
        )
    if result.cap_table is not None:
        c = result.cap_table
        out += ["", f"Cap table: outstanding {c.outstanding}, fully diluted {c.fully_diluted}"]
        out += table(
            ["holder", "shares", "% outstanding", "fully diluted"],
            [(row.holder, row.shares, row.pct_outstanding, row.fully_diluted) for row in c.holders],
        )
    if result.escrow is not None:
        e = result.escrow
        out += ["", "Escrow"]
        out += table(
            ["in escrow", "required", "top-up due", "released"],
            [(e.shares_in_escrow, e.required, e.topup_due, e.released)],
        )
    out += ["", f"Diagnostics: {len(result.diagnostics) or 'none'}"]
    out.extend(d.format() for d in result.diagnostics)
    return "\n".join(out) + "\n"


def render_sensitivities(items: Sequence[Sensitivity]) -> str:
    """``--all-readings`` as text: one block per reading, one line per dependent figure."""
    if not items:
        return "No figure depends on a reading at this date.\n"
    out: list[str] = []
    current = None
    for item in items:
        if item.reading != current:
            current = item.reading
            out += ["", f"{item.reading} (in force: {item.in_force})"]
        values = "; ".join(f"{value}: {shown}" for value, shown in item.values)
        out.append(f"  {item.figure}: {values}")
    return "\n".join(out).lstrip("\n") + "\n"
