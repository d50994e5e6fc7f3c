"""EDGAR submissions: the ``<DOCUMENT>`` wrappers around each exhibit.

A full EDGAR submission (``0001234567-03-000123.txt``) holds a ``<SEC-HEADER>`` and
several ``<DOCUMENT>`` blocks, each with ``<TYPE>`` (``EX-10.4``), ``<SEQUENCE>``,
``<FILENAME>``, an optional ``<DESCRIPTION>`` and the exhibit between ``<TEXT>`` and
``</TEXT>``. A single exhibit saved from EDGAR keeps the same wrapper lines (the Hy-Tech
seed, lines 1-5 and 1929-1931). :func:`split_documents` finds each exhibit's text as a
slice of the original file, so offsets stay global; a file without wrappers is one slice.

>>> parts = split_documents("<DOCUMENT>\\n<TYPE>EX-10.4\\n<TEXT>\\nHello\\n</TEXT>\\n</DOCUMENT>\\n")
>>> [(p.doc_type, p.is_html) for p in parts]
[('EX-10.4', False)]
"""

from __future__ import annotations

import dataclasses
import re

from dealbook.ingest.scan import anchored_finditer
from dealbook.ingest.scan import find_all
from dealbook.ingest.scan import line_starts_of

_DOCUMENT = re.compile(r"<DOCUMENT>(.*?)(?:</DOCUMENT>|\Z)", re.DOTALL | re.IGNORECASE)
_FIELD = re.compile(r"^[ \t]*<(TYPE|SEQUENCE|FILENAME|DESCRIPTION)>[ \t]*([^\n<]*)", re.M | re.I)
_TEXT_OPEN = re.compile(r"<TEXT>", re.IGNORECASE)
_TEXT_CLOSE = re.compile(r"</TEXT>", re.IGNORECASE)
_HTML_HINT = re.compile(r"<(?:html|body|p|div|font|br|td|tr|table\s)[\s>/]", re.IGNORECASE)
_HTML_STRONG = re.compile(r"<(?:html|body|!doctype)[\s>]", re.IGNORECASE)


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class DocumentSlice:
    """One exhibit of a file: its text's original offsets and its EDGAR fields."""

    start: int
    end: int
    doc_type: str = ""
    sequence: str = ""
    filename: str = ""
    description: str = ""
    is_html: bool = False


def looks_like_html(text: str) -> bool:
    """True when the text is an HTML document rather than EDGAR plain text.

    Plain-text EDGAR exhibits contain ``<PAGE>``, ``<TABLE>``, ``<S>`` and ``<C>`` tags
    but no paragraph or font markup.
    """
    head = text[:20000]
    if _HTML_STRONG.search(head):
        return True
    return len(_HTML_HINT.findall(head)) >= 5


def split_documents(text: str) -> list[DocumentSlice]:
    """Each ``<DOCUMENT>``'s ``<TEXT>`` as an original slice, or the whole file as one."""
    slices: list[DocumentSlice] = []
    for body_start, body_end in _document_bodies(text):
        block = text[body_start:body_end]
        fields: dict[str, str] = {}
        starts = line_starts_of(block, find_all(block, "<"))
        for field in anchored_finditer(_FIELD, block, starts):
            fields.setdefault(field.group(1).upper(), field.group(2).strip())
        opened = _TEXT_OPEN.search(text, body_start, body_end)
        start = opened.end() if opened else body_start
        closed = _TEXT_CLOSE.search(text, start, body_end)
        end = closed.start() if closed else body_end
        slices.append(
            DocumentSlice(
                start=start,
                end=end,
                doc_type=fields.get("TYPE", ""),
                sequence=fields.get("SEQUENCE", ""),
                filename=fields.get("FILENAME", ""),
                description=fields.get("DESCRIPTION", ""),
                is_html=looks_like_html(text[start:end]),
            )
        )
    if not slices:
        slices.append(DocumentSlice(start=0, end=len(text), is_html=looks_like_html(text)))
    return slices


def _document_bodies(text: str) -> list[tuple[int, int]]:
    """The spans of the bodies of ``<DOCUMENT>`` blocks (what :data:`_DOCUMENT` captures)."""
    if "<" not in text:
        return []
    if not text.isascii():
        return [match.span(1) for match in _DOCUMENT.finditer(text)]
    low = text.lower()
    out: list[tuple[int, int]] = []
    at = low.find("<document>")
    while at >= 0:
        body_start = at + len("<document>")
        close = low.find("</document>", body_start)
        if close < 0:
            out.append((body_start, len(text)))
            break
        out.append((body_start, close))
        at = low.find("<document>", close + len("</document>"))
    return out
