"""Ingested documents: original positions, quotes, sections at offsets; submissions."""

from __future__ import annotations

from dealbook.ingest.document import Document
from dealbook.ingest.document import ingest_bytes
from dealbook.ingest.document import ingest_text


def test_original_positions_through_edgar_wrapper(seed_docs: dict[str, Document]) -> None:
    doc = seed_docs["hyt"]
    at = doc.text.index("Company's failure")
    span = doc.span(at, at + 9)
    assert (span.line, span.col, span.end_line, span.end_col) == (1355, 9, 1355, 18)
    assert doc.original_quote(at, at + 17) == "Company*s failure"
    assert doc.quote(at, at + 17) == "Company's failure"
    assert doc.section_number(at) == "4.25"
    assert doc.title == "CONVERTIBLE DEBENTURE PURCHASE AGREEMENT"
    assert doc.edgar.doc_type == "EX-10.4"


def test_unterminated_last_line_is_kept(seed_docs: dict[str, Document]) -> None:
    doc = seed_docs["ins-spa"]
    assert doc.lines.line_count == 1487
    at = doc.text.rindex("$")
    assert doc.span(at).line == 1487 and doc.section_number(at) == "signatures"


def test_submission_with_two_documents() -> None:
    text = (
        '<DOCUMENT>\n<TYPE>EX-10.1\n<SEQUENCE>2\n<TEXT>\nSECURITIES PURCHASE AGREEMENT (this "Agreement")\n'
        "1.   PURCHASE.\n</TEXT>\n</DOCUMENT>\n<DOCUMENT>\n<TYPE>EX-10.2\n<SEQUENCE>3\n<TEXT>\n"
        'REGISTRATION RIGHTS AGREEMENT (this "Agreement")\n\n1.   DEFINITIONS.\n</TEXT>\n</DOCUMENT>\n'
    )
    first, second = ingest_text(text, "sub.txt")
    assert (first.doc_id, second.doc_id) == ("sub#2", "sub#3")
    assert (first.title, second.title) == (
        "SECURITIES PURCHASE AGREEMENT",
        "REGISTRATION RIGHTS AGREEMENT",
    )
    assert second.span(second.sections[-1].start).line == 15


def test_bytes_in_cp1252() -> None:
    [doc] = ingest_bytes(b'the Buyer\x92s counsel (the "Counsel")', "x.txt")
    assert doc.encoding == "cp1252" and doc.definitions[0].term == "Counsel"


def test_title_match_equals_the_plain_search() -> None:
    from dealbook.ingest.document import _TITLE
    from dealbook.ingest.document import _title_match

    texts = [
        'THIS SECURITIES PURCHASE AGREEMENT (this "Agreement") is made',
        'Preamble\n  This Registration Rights\tAgreement\n(this "Agreement")',
        'A Agreement (this "Agreement")',  # one-letter word: no title
        'CONVERTIBLE DEBENTURE PURCHASE AGREEMENT (the "Agreement")',
        "no title here",
    ]
    for text in texts:
        expected = _TITLE.search(text, 0, len(text))
        found = _title_match(text, len(text))
        assert (found.span() if found else None) == (expected.span() if expected else None)
    found = _title_match(texts[1], len(texts[1]))
    assert found is not None and found.group("title") == "This Registration Rights\tAgreement"
