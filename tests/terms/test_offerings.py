"""Lock-up terms."""

from __future__ import annotations

from dealbook.terms.offerings import Lockup
from tests.terms.helpers import CITE
from tests.terms.helpers import build


def test_lockup() -> None:
    lockup = build(
        Lockup, {"after_closing": "270 days", "after_effectiveness": "180 days", "cite": CITE}
    )
    assert (
        lockup.after_closing.n == 270
        and lockup.after_effectiveness is not None
        and lockup.after_effectiveness.n == 180
    )
