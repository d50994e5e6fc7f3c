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


def test_term_uses_builds_the_same_records_as_the_constructor() -> None:
    from dealbook.ingest.model import TermUse
    from dealbook.ingest.model import term_uses

    built = term_uses([("closing date", 7, 19), ("company", 30, 37)])
    assert built == (
        TermUse(key="closing date", start=7, end=19),
        TermUse(key="company", start=30, end=37),
    )
    assert hash(built[0]) == hash(TermUse(key="closing date", start=7, end=19))
    with pytest.raises(dataclasses.FrozenInstanceError):
        built[0].start = 8  # type: ignore[misc]
    assert term_uses([]) == ()


def test_replaced_equals_dataclasses_replace() -> None:
    from dealbook.ingest.model import replaced

    target = RefTarget(kind="section", number="4(l)", start=10, end=14)
    fast = replaced(target, resolution=Resolution.RESOLVED, section=3)
    assert fast == dataclasses.replace(target, resolution=Resolution.RESOLVED, section=3)
    assert fast.number == "4(l)" and fast.section == 3 and target.section is None
    with pytest.raises(TypeError):
        replaced(target, nonsense=1)
