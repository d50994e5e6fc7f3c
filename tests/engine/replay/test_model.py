from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

from dealbook.core.figure import Figure
from dealbook.engine.replay.model import Accrual
from dealbook.engine.replay.model import Deadline
from dealbook.engine.replay.model import ReplayResult
from dealbook.engine.replay.model import Status
from dealbook.engine.replay.model import cents
from dealbook.engine.replay.model import exact_text


def test_cents_rounds_half_up_only_at_output() -> None:
    assert cents(Decimal("0.005")) == "0.01"
    assert cents(Decimal("2.345")) == "2.35"
    assert cents(Decimal("-2.345")) == "-2.35"
    assert cents(Fraction(136800, 73)) == "1873.97"
    assert cents(Fraction(1, 3)) == "0.33"
    assert cents(7) == "7.00"


def test_exact_text() -> None:
    assert exact_text(Decimal("0.0300")) == "0.0300"
    assert exact_text(Fraction(3, 2)) == "3/2"
    assert exact_text(None) is None


def _accrual(amount: str, paid: str) -> Accrual:
    return Accrual(
        id="accrual:x:1",
        clause="rra:2(c)",
        payer="company",
        payee="h",
        start=date(2003, 1, 1),
        end=date(2003, 1, 31),
        months=Fraction(1),
        rate=Decimal("0.02"),
        base=Decimal("1000"),
        amount=Decimal(amount),
        form="cash",
        figure=Figure(label="x", value=Decimal(amount)),
        paid=Decimal(paid),
    )


def test_unpaid_never_below_zero() -> None:
    assert _accrual("20", "5").unpaid == Decimal("15")
    assert _accrual("20", "25").unpaid == Decimal(0)


def test_figure_lookup_by_accrual_deadline_and_name() -> None:
    accrual = _accrual("20", "0")
    due = Figure(label="due", value=date(2003, 9, 8))
    named = Figure(label="named", value=3)
    result = ReplayResult(
        deal="d",
        as_of=date(2003, 12, 31),
        readings=(),
        positions=(),
        deadlines=(
            Deadline(
                id="rra:filing",
                clause="rra:2(a)",
                what="file",
                obligor="company",
                due=date(2003, 9, 8),
                status=Status.MET,
                figure=due,
            ),
        ),
        accruals=(accrual,),
        reserve=None,
        cap_table=None,
        escrow=None,
        diagnostics=(),
        figures=(("conversion:c1", named),),
    )
    assert result.figure("accrual:x:1") is accrual.figure
    assert result.figure("rra:filing") is due
    assert result.figure("conversion:c1") is named
    assert result.figure("nothing") is None
    assert result.figure_ids() == ["accrual:x:1", "rra:filing", "conversion:c1"]
