"""Documents and defect notes."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from dealbook.terms.documents import Defect
from tests.terms.helpers import build


def test_defect_id_pattern() -> None:
    assert build(Defect, {"id": "D-INS-3", "says": "exceeds", "reading": "below"}).id == "D-INS-3"
    with pytest.raises(ValidationError):
        build(Defect, {"id": "INS-3", "says": "x", "reading": "y"})
