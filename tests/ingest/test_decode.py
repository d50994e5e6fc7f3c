"""Decoding: UTF-8 and Windows-1252 text; binary formats refused with a clear error."""

from __future__ import annotations

import codecs

import pytest

from dealbook.ingest.decode import NotTextError
from dealbook.ingest.decode import decode_bytes


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"%PDF-1.7\n", "a PDF document"),
        (b"PK\x03\x04rest", "a ZIP archive"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Microsoft Office"),
        (b"{\\rtf1 hello}", "an RTF document"),
        (b"abc\x00def", "NUL bytes"),
        (bytes(range(1, 9)) * 50, "control characters"),
    ],
)
def test_binary_input_is_refused(data: bytes, message: str) -> None:
    with pytest.raises(NotTextError, match=message):
        decode_bytes(data)


def test_encodings() -> None:
    assert decode_bytes("Company\u2019s".encode()).encoding == "utf-8"
    assert decode_bytes(codecs.BOM_UTF8 + b"x").text == "x"
    assert decode_bytes(codecs.BOM_UTF16_LE + "hi".encode("utf-16-le")).text == "hi"
    decoded = decode_bytes(b"Buyer\x92s")
    assert (decoded.encoding, decoded.text) == ("cp1252", "Buyer\u2019s")
