"""Stdlib-only value types shared by every dealbook layer.

Numbers (exact Decimal constructors), source locations and clause references,
diagnostics, and explainable figures. Nothing here imports another dealbook package.
"""

from __future__ import annotations
