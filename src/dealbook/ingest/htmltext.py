"""EDGAR HTML exhibits as agreement text, with offsets back into the HTML source.

From 2001 on many exhibits are filed as HTML. :func:`html_to_text` keeps the text,
turns block elements (``<p>``, ``<div>``, ``<tr>``, ``<br>``, headings, list items) into
line breaks so that section numbers start lines as in plain text, turns table cells into
spaces, drops scripts, styles and comments, and decodes character references. Every
character of the result maps to its position in the HTML file, so a diagnostic points
into the file the user has.

>>> n = html_to_text("<p>1. <b>Purchase</b> &amp; Sale.</p><p>a. The&nbsp;Company</p>")
>>> n.text.strip().splitlines()
['1. Purchase & Sale.', '', 'a. The Company']
>>> n.offsets.to_original(n.text.index("Purchase"))
9
"""

from __future__ import annotations

import html
import re

from dealbook.ingest.normalize import Normalized
from dealbook.ingest.offsets import TextBuilder

_TOKEN = re.compile(
    r"<!--.*?(?:-->|\Z)|<(script|style)\b.*?(?:</\1\s*>|\Z)|<(/?)([A-Za-z][A-Za-z0-9]*)[^>]*>"
    r"|&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?",
    re.DOTALL | re.IGNORECASE,
)
_BLOCK = frozenset(
    [
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "li",
        "table",
        "center",
        "blockquote",
        "hr",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "pre",
        "title",
    ]
)
_CELL = frozenset(("td", "th"))
_LINE_BREAK = re.compile(r"\r?\n")
_SPACES = str.maketrans({"\n": " ", "\r": " ", "\t": " ", "\u00a0": " "})


def html_to_text(source: str, start: int = 0, end: int | None = None) -> Normalized:
    """Convert the HTML slice ``source[start:end]`` to text; offsets stay global."""
    end = len(source) if end is None else end
    spaced = source.translate(_SPACES)
    builder = TextBuilder(spaced)
    cursor = start
    in_pre = False
    pending: tuple[int, str] | None = None
    emitted = False
    for match in _TOKEN.finditer(source, start, end):
        if match.start() > cursor and (in_pre or spaced[cursor : match.start()].strip()):
            if pending is not None and emitted:
                builder.replace(*pending)
            pending = None
            _copy_text(builder, source, cursor, match.start(), in_pre=in_pre)
            emitted = True
        elif match.start() > cursor:
            builder.copy(cursor, match.start())
        cursor = match.end()
        token = match.group(0)
        if token.startswith("&"):
            if pending is not None and emitted:
                builder.replace(*pending)
            pending = None
            builder.replace(match.start(), html.unescape(token).translate(_SPACES))
            emitted = True
            continue
        name = (match.group(3) or "").lower()
        if name == "pre":
            in_pre = match.group(2) != "/"
        if name == "br":
            builder.replace(match.start(), "\n")
        elif name in _BLOCK:
            pending = (match.start(), "\n\n") if pending is None else pending
        elif name in _CELL:
            builder.replace(match.start(), "  ")
    if end > cursor:
        if pending is not None and emitted and spaced[cursor:end].strip():
            builder.replace(*pending)
        _copy_text(builder, source, cursor, end, in_pre=in_pre)
    text, offsets = builder.finish()
    return Normalized(text=text, offsets=offsets)


def _copy_text(builder: TextBuilder, source: str, start: int, end: int, *, in_pre: bool) -> None:
    """Copy a text run; outside ``<pre>`` line breaks are spaces, as HTML renders them."""
    if not in_pre:
        builder.copy(start, end)
        return
    cursor = start
    for match in _LINE_BREAK.finditer(source, start, end):
        builder.copy(cursor, match.start())
        builder.replace(match.start(), "\n")
        cursor = match.end()
    builder.copy(cursor, end)
