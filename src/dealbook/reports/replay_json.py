"""The JSON output contract of ``dealbook replay`` (Decimals as strings, dates ISO).

Amounts are exact in the engine; here money is rounded half-up to the cent (the only
rounding of the output contract) and the exact value is kept beside it as ``exact``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from dealbook.engine.replay.model import Accrual
from dealbook.engine.replay.model import CapTable
from dealbook.engine.replay.model import Deadline
from dealbook.engine.replay.model import EscrowStatus
from dealbook.engine.replay.model import Position
from dealbook.engine.replay.model import ReplayResult
from dealbook.engine.replay.model import ReserveStatus
from dealbook.engine.replay.model import cents
from dealbook.engine.replay.model import exact_text

Json = dict[str, object]


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def position_json(item: Position) -> Json:
    """One ``positions[]`` entry."""
    return {
        "holder": item.holder,
        "principal_funded": cents(item.principal_funded),
        "principal_outstanding": cents(item.principal_outstanding),
        "interest_accrued_unpaid": cents(item.interest_accrued_unpaid),
        "warrants": item.warrants,
        "conversion_shares_issued": item.conversion_shares_issued,
        "shares_owned": item.shares_owned,
        "ownership_pct": exact_text(item.ownership_pct),
    }


def deadline_json(item: Deadline) -> Json:
    """One ``deadlines[]`` entry."""
    return {
        "id": item.id,
        "clause": item.clause,
        "what": item.what,
        "obligor": item.obligor,
        "due": _day(item.due),
        "status": str(item.status),
        "done_on": _day(item.done_on),
        "obligation": item.obligation,
    }


def accrual_json(item: Accrual) -> Json:
    """One ``accruals[]`` entry; ``explain`` is the one-line formula, the tree is in ``explain``."""
    return {
        "id": item.id,
        "clause": item.clause,
        "payer": item.payer,
        "payee": item.payee,
        "start": _day(item.start),
        "end": _day(item.end),
        "months": exact_text(item.months),
        "rate": exact_text(item.rate),
        "base": exact_text(item.base),
        "amount": cents(item.amount),
        "exact": exact_text(item.amount),
        "paid": cents(item.paid),
        "unpaid": cents(item.unpaid),
        "form": item.form,
        "shares": item.shares,
        "due": _day(item.due),
        "running": item.running,
        "readings": list(item.readings),
        "explain": item.figure.formula or item.figure.label,
    }


def _sums(pairs: Iterable[tuple[str, Decimal]]) -> dict[str, str]:
    out: dict[str, Decimal] = {}
    for key, amount in pairs:
        out[key] = out.get(key, Decimal(0)) + amount
    return {key: cents(out[key]) for key in sorted(out)}


def totals_json(accruals: Iterable[Accrual]) -> Json:
    """``totals``: amounts by clause, payee and payer, and what is still unpaid."""
    items = list(accruals)
    return {
        "by_clause": _sums((a.clause, a.amount) for a in items),
        "by_payee": _sums((a.payee, a.amount) for a in items),
        "by_payer": _sums((a.payer, a.amount) for a in items),
        "unpaid_by_payee": _sums((a.payee, a.unpaid) for a in items),
        "unpaid_by_payer": _sums((a.payer, a.unpaid) for a in items),
    }


def reserve_json(item: ReserveStatus | None) -> Json | None:
    """``reserve``."""
    if item is None:
        return None
    return {
        "required": item.required,
        "reserved": item.reserved,
        "authorized": item.authorized,
        "outstanding": item.outstanding,
        "headroom": item.headroom,
        "shortfall": item.shortfall,
    }


def cap_table_json(item: CapTable | None) -> Json | None:
    """``cap_table``."""
    if item is None:
        return None
    return {
        "outstanding": item.outstanding,
        "fully_diluted": item.fully_diluted,
        "holders": {
            row.holder: {
                "shares": row.shares,
                "pct_outstanding": exact_text(row.pct_outstanding),
                "fully_diluted": row.fully_diluted,
            }
            for row in item.holders
        },
    }


def escrow_json(item: EscrowStatus | None) -> Json | None:
    """``escrow``."""
    if item is None:
        return None
    return {
        "shares_in_escrow": item.shares_in_escrow,
        "required": item.required,
        "topup_due": item.topup_due,
        "released": item.released,
        "by_purpose": dict(item.by_purpose),
    }


def replay_json(result: ReplayResult) -> Json:
    """The whole output contract of one replay."""
    return {
        "deal": result.deal,
        "as_of": result.as_of.isoformat(),
        "readings": {
            key: {"value": value, "source": source} for key, value, source in result.readings
        },
        "positions": [position_json(p) for p in result.positions],
        "deadlines": [deadline_json(d) for d in result.deadlines],
        "accruals": [accrual_json(a) for a in result.accruals],
        "totals": totals_json(result.accruals),
        "reserve": reserve_json(result.reserve),
        "cap_table": cap_table_json(result.cap_table),
        "escrow": escrow_json(result.escrow),
        "diagnostics": [d.to_json() for d in result.diagnostics],
    }
