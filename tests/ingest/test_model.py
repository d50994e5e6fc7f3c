"""The index records are frozen, slotted, keyword-only values."""

from __future__ import annotations

import dataclasses

import pytest

from dealbook.ingest.model import CrossRef
from dealbook.ingest.model import Quantity
from dealbook.ingest.model import QuantityKind
from dealbook.ingest.model import RefTarget
from dealbook.ingest.model import Resolution


def test_records_are_frozen_and_keyword_only() -> None:
    target = RefTarget(kind="section", number="4(l)", start=0, end=4)
    assert target.resolution is Resolution.UNRESOLVED
    with pytest.raises(dataclasses.FrozenInstanceError):
        target.number = "4(1)"  # type: ignore[misc]  # frozen on purpose
    with pytest.raises(TypeError):
        Quantity(QuantityKind.MONEY, 0, 1, "$1")  # type: ignore[call-arg]  # positional on purpose
    ref = CrossRef(text="Section 4(l)", start=0, end=12, targets=(target,))
    assert ref.targets[0] is target and not hasattr(ref, "__dict__")
