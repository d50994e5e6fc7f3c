"""Decoding agreement files: bytes to text, refusing what is not text.

EDGAR filings from 1996-2005 are ASCII or Windows-1252; later ones are UTF-8, sometimes
with a byte-order mark. Word, PDF, ZIP and image files are refused with a clear
:class:`NotTextError` (the CLI prints it as a diagnostic), never a traceback.

>>> decode_bytes(b"Section 4(l)").text
'Section 4(l)'
>>> decode_bytes(b"\\x93Agreement\\x94").encoding
'cp1252'
>>> decode_bytes(b"%PDF-1.4 ...")  # doctest: +IGNORE_EXCEPTION_DETAIL
Traceback (most recent call last):
...
dealbook.ingest.decode.NotTextError: a PDF document, not text
"""

from __future__ import annotations

import codecs
import dataclasses

#: Leading bytes of binary formats an agreement is often saved in, with a plain name.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (a .docx, .xlsx or .zip file)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office (.doc) file"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x1f\x8b", "a gzip archive"),
)

#: Share of control characters (other than tab, newline, carriage return, form feed)
#: above which a file is treated as binary.
_MAX_CONTROL_SHARE = 0.05
_SAMPLE = 65536
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


class NotTextError(ValueError):
    """Raised when a file is not an agreement text (binary, or an unsupported format)."""


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class DecodedText:
    """Text decoded from a file, with the encoding that was used."""

    text: str
    encoding: str


def decode_bytes(data: bytes) -> DecodedText:
    """Decode an agreement file, trying UTF-8 first and Windows-1252 second.

    Raises:
        NotTextError: the bytes are a known binary format or mostly control characters.
    """
    for magic, name in _MAGIC:
        if data.startswith(magic):
            if magic == b"{\\rtf":
                raise NotTextError(f"{name}: save it as plain text or HTML first")
            raise NotTextError(f"{name}, not text: save it as plain text or HTML first")
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return DecodedText(text=data.decode(encoding, errors="replace"), encoding=encoding)
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        raise NotTextError("binary data (NUL bytes), not text")
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if sample and controls / len(sample) > _MAX_CONTROL_SHARE:
        raise NotTextError("binary data (control characters), not text")
    if data.startswith(codecs.BOM_UTF8):
        return DecodedText(text=data[3:].decode("utf-8", errors="replace"), encoding="utf-8-sig")
    try:
        return DecodedText(text=data.decode("utf-8"), encoding="utf-8")
    except UnicodeDecodeError:
        pass
    return DecodedText(text=data.decode("cp1252", errors="replace"), encoding="cp1252")
