"""The ``dealbook`` command line: thin shells over library functions."""

from __future__ import annotations
