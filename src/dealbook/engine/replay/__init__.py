"""The replay engine: fold a deal's ledger to any date (issues #4 and #5).

>>> from dealbook.engine.replay import replay  # doctest: +SKIP
"""

from dealbook.engine.replay.context import ReadingError
from dealbook.engine.replay.model import ReplayResult
from dealbook.engine.replay.run import replay

__all__ = ["ReadingError", "ReplayResult", "replay"]
