"""EDGAR wrappers: one slice per <DOCUMENT>, with its TYPE, SEQUENCE and FILENAME."""

from __future__ import annotations

from dealbook.ingest.edgar import looks_like_html
from dealbook.ingest.edgar import split_documents

SUBMISSION = (
    "<SEC-DOCUMENT>\n<SEC-HEADER>header</SEC-HEADER>\n"
    "<DOCUMENT>\n<TYPE>EX-10.1\n<SEQUENCE>2\n<FILENAME>spa.txt\n<TEXT>\nSPA text\n</TEXT>\n</DOCUMENT>\n"
    "<DOCUMENT>\n<TYPE>EX-10.2\n<SEQUENCE>3\n<FILENAME>rra.htm\n<TEXT>\n<html><body><p>RRA</p></body></html>\n"
    "</TEXT>\n</DOCUMENT>\n"
)


def test_submission_is_split_into_documents() -> None:
    parts = split_documents(SUBMISSION)
    assert [(p.doc_type, p.sequence, p.filename, p.is_html) for p in parts] == [
        ("EX-10.1", "2", "spa.txt", False),
        ("EX-10.2", "3", "rra.htm", True),
    ]
    assert SUBMISSION[parts[0].start : parts[0].end].strip() == "SPA text"


def test_plain_file_is_one_slice_and_unclosed_document_survives() -> None:
    [part] = split_documents("Agreement text")
    assert (part.start, part.end, part.doc_type) == (0, 14, "")
    [part] = split_documents("<DOCUMENT>\n<TYPE>EX-4\n<TEXT>\nno end")
    assert (
        part.doc_type == "EX-4"
        and "no end" in "<DOCUMENT>\n<TYPE>EX-4\n<TEXT>\nno end"[part.start : part.end]
    )


def test_edgar_plain_text_tags_are_not_html() -> None:
    assert not looks_like_html("<PAGE>\n<TABLE>\n<CAPTION>\n<S> <C>\n text")
    assert looks_like_html("<!DOCTYPE html><html>")
