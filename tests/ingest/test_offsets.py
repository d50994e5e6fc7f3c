"""Offset maps and line indexes: normalized offsets back to original line and column."""

from __future__ import annotations

from dealbook.ingest.offsets import LineIndex
from dealbook.ingest.offsets import OffsetMap
from dealbook.ingest.offsets import TextBuilder


def test_copy_and_delete_keep_exact_columns() -> None:
    source = "abc-\n   def ghi"
    builder = TextBuilder(source)
    builder.copy(0, 3)
    builder.copy(8, len(source))
    text, offsets = builder.finish()
    assert text == "abcdef ghi"
    assert [offsets.to_original(i) for i in range(len(text))] == [0, 1, 2, 8, 9, 10, 11, 12, 13, 14]


def test_inserted_text_maps_to_its_anchor() -> None:
    builder = TextBuilder("<p>x</p>")
    builder.replace(0, "\n\n")
    builder.copy(3, 4)
    text, offsets = builder.finish()
    assert text == "\n\nx"
    assert (offsets.to_original(0), offsets.to_original(1), offsets.to_original(2)) == (0, 0, 3)


def test_identity_and_clamping() -> None:
    offsets = OffsetMap.identity(5, start=100)
    assert offsets.to_original(0) == 100
    assert offsets.to_original(99) == 105
    assert offsets.to_original(-3) == 100


def test_unterminated_last_line_is_a_line() -> None:
    index = LineIndex("one\ntwo\nthree")
    assert index.line_count == 3
    assert index.line_col(8) == (3, 1)
    assert index.line_start(3) == 8
    assert LineIndex("one\n").line_count == 1
