"""FACT-MISMATCH across documents and SIG-NAME."""

from __future__ import annotations

from dealbook.ingest.document import ingest_text
from dealbook.ingest.rules import lint_documents

HEAD = 'AGREEMENT (this "Agreement") by and among Acme, Inc., a Delaware corporation (the "Company").\n\n'
NOTICES = """1.   NOTICES.  Notices shall be sent to:

          If to the Company:

               Acme, Inc.
               Telephone:  (212) 555-{phone}

IN WITNESS WHEREOF, the parties have signed.

BETA FUND, LLC
By:  Beta Manager, LLC

/s/{signed}
- --------------------
Jane Q. Doe
Manager
"""


def test_contact_and_signature_facts() -> None:
    one = ingest_text(HEAD + NOTICES.format(phone="1000", signed="Jane Q. Doe"), "a.txt")
    two = ingest_text(HEAD + NOTICES.format(phone="1001", signed="Jane Dough"), "b.txt")
    found = [(d.code, str(d.span), d.message) for d in lint_documents(one + two)]
    assert (
        "FACT-MISMATCH",
        "b.txt:8:28",
        "Acme, Inc.: telephone (212) 555-1001 here, but (212) 555-1000 in a (line 7)",
    ) in found
    assert (
        "SIG-NAME",
        "b.txt:15:4",
        "signature '/s/Jane Dough' differs from the printed name 'Jane Q. Doe'",
    ) in found


def test_documents_of_other_companies_are_not_compared() -> None:
    other = HEAD.replace("Acme, Inc.", "Other Corp.")
    one = ingest_text(HEAD + NOTICES.format(phone="1000", signed="Jane Q. Doe"), "a.txt")
    two = ingest_text(other + NOTICES.format(phone="1001", signed="Jane Q. Doe"), "b.txt")
    assert not [d for d in lint_documents(one + two) if d.code == "FACT-MISMATCH"]
