"""Type stub of the compiled calendar kernel (``_daykernel.c``)."""

from datetime import date

from dealbook.calendars.kernel import PyDayKernel

class DayKernel:
    """Compiled scalar queries of one calendar; defers every other call to ``fallback``."""

    fallback: PyDayKernel | None
    def __init__(
        self, *, base: int, cum: tuple[int, ...], days: tuple[date, ...], fallback: PyDayKernel
    ) -> None: ...
    def add(self, d: date, n: int, /) -> date: ...
    def count(
        self, start: date, end: date, /, *, include_start: bool = False, include_end: bool = True
    ) -> int: ...
    def is_day(self, d: date, /) -> bool: ...
