"""The code registry refuses duplicates."""

from __future__ import annotations

import pytest

from dealbook.core.codes import CodeDoc
from dealbook.core.codes import registry
from dealbook.core.diagnostics import Severity


def test_registry_indexes_and_refuses_duplicates() -> None:
    doc = CodeDoc(code="A", severity=Severity.ERROR, summary="s")
    assert registry(doc) == {"A": doc}
    with pytest.raises(ValueError, match="duplicate diagnostic code A"):
        registry(doc, doc)
