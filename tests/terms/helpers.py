"""Validate term snippets the way a deal file is validated."""

from __future__ import annotations

from typing import Any
from typing import TypeVar

from pydantic import TypeAdapter

T = TypeVar("T")


def build(cls: type[T], data: dict[str, Any]) -> T:
    """Validate ``data`` as ``cls`` (a term class)."""
    return TypeAdapter(cls).validate_python(data)


CITE = {"doc": "spa", "section": "1(a)"}
