"""The frozen term model of a deal: every term cites its clause or states an assumption.

Terms are pydantic dataclasses (frozen, slotted, keyword-only) so that the same classes
validate untrusted deal files at the edge, produce the JSON Schema, and are plain typed
values inside the engine.
"""

from __future__ import annotations
