from __future__ import annotations

from dealbook.engine.replay.contribution import Contribution
from dealbook.engine.replay.mechanisms import HANDLERS
from dealbook.engine.replay.mechanisms import MECHANISMS
from dealbook.ledger.events_money import Closing
from dealbook.ledger.events_money import Funding


def test_contributions_do_not_share_lists() -> None:
    first, second = Contribution(), Contribution()
    first.diagnostics.append(None)  # type: ignore[arg-type]
    assert second.diagnostics == []
    assert first.reserve is None and first.cap_table is None and first.escrow is None


def test_every_mechanism_is_registered_once_in_run_order() -> None:
    names = [name for name, _ in MECHANISMS]
    assert len(names) == len(set(names))
    assert names[:2] == ["funding", "registration"]
    assert names.index("conversions") < names.index("reserve") < names.index("slda")
    assert Closing in HANDLERS and Funding in HANDLERS
