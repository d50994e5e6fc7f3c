"""Capitalization arithmetic (spec G-10)."""

from __future__ import annotations

from dealbook.terms.parties import Capitalization
from tests.terms.helpers import CITE
from tests.terms.helpers import build


def test_insynq_headroom_is_zero() -> None:
    cap = build(
        Capitalization,
        {
            "as_of": "2002-09-27",
            "par_value": "0.001",
            "authorized_common": 250_000_000,
            "outstanding_common": 66_527_503,
            "reserves": [
                {"id": "options", "label": "option plans", "shares": 23_722_925, "cite": CITE},
                {
                    "id": "convertibles",
                    "label": "other convertibles",
                    "shares": 159_749_572,
                    "cite": CITE,
                },
            ],
            "cite": CITE,
        },
    )
    assert cap.committed == 250_000_000
    assert cap.headroom == 0
