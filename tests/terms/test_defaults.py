"""Event-of-default terms."""

from __future__ import annotations

from dealbook.calendars.conventions import Compounding
from dealbook.terms.defaults import Remedies
from tests.terms.helpers import CITE
from tests.terms.helpers import build


def test_default_interest() -> None:
    remedies = build(
        Remedies,
        {"default_interest": {"rate": "15%", "compounding": "annual", "cite": CITE}, "cite": CITE},
    )
    assert (
        remedies.default_interest is not None
        and remedies.default_interest.compounding is Compounding.ANNUAL
    )
