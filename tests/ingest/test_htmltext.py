"""HTML exhibits: text with block breaks, entities decoded, offsets into the HTML file."""

from __future__ import annotations

from dealbook.ingest.document import ingest_text
from dealbook.ingest.htmltext import html_to_text

HTML = (
    "<html><head><style>p {x}</style></head><body>\n"
    "<p>1.&nbsp;&nbsp;DEFINITIONS.</p>\n<p>a. The Company (the &quot;Company&quot;) shall\npay $450,000.</p>\n"
    "<!-- note --><table><tr><td>A</td><td>B</td></tr></table><pre>keep\nlines</pre></body></html>"
)


def test_html_becomes_blocks_and_entities() -> None:
    n = html_to_text(HTML)
    lines = [line.strip() for line in n.text.splitlines() if line.strip()]
    assert lines[:2] == ["1.  DEFINITIONS.", 'a. The Company (the "Company") shall pay $450,000.']
    assert "p {x}" not in n.text and "note" not in n.text
    assert "keep\nlines" in n.text


def test_offsets_point_into_the_html() -> None:
    n = html_to_text(HTML)
    at = n.text.index("$450,000")
    assert HTML[n.offsets.to_original(at) : n.offsets.to_original(at) + 8] == "$450,000"


def test_html_document_is_indexed_with_original_positions() -> None:
    [doc] = ingest_text(HTML, "ex.htm")
    assert [s.number for s in doc.sections] == ["1", "1(a)"]
    [company] = [d for d in doc.definitions if d.term == "Company"]
    span = doc.span(company.start)
    assert (span.line, span.col) == (3, 30)
