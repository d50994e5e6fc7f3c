"""Stable diagnostic codes of agreement-text ingest and lint.

The lint categories of the mechanism catalog (spec §5: XREF-BAD, TERM-UNDEF,
TERM-MISMATCH, TERM-UNUSED, NUM-WORDS, LOGIC-INVERTED, CONFLICT, DATE-NONBIZ, TZ-DST,
PAREN, PARTY-UNDEF, FACT-MISMATCH, CAP-EXCEEDED, AMBIGUOUS-FORMULA) are used as codes
where they fit; the other checks have codes of their own. ``docs/lint-rules.md``
documents each with an example.
"""

from __future__ import annotations

from dealbook.core.codes import CodeDoc
from dealbook.core.codes import registry
from dealbook.core.diagnostics import Severity

E = Severity.ERROR
W = Severity.WARNING
N = Severity.INFO

CODES = registry(
    CodeDoc(
        code="INGEST-NOT-TEXT",
        severity=E,
        summary="The file is not an agreement text (PDF, Word, ZIP, image or binary data).",
        fix="Save the agreement as plain text or HTML (EDGAR's .txt or .htm) and ingest that.",
    ),
    CodeDoc(
        code="INGEST-READ",
        severity=E,
        summary="The file cannot be read.",
        fix="Check the path and the file's permissions.",
    ),
    CodeDoc(
        code="INGEST-EMPTY",
        severity=W,
        summary="The document holds no text after normalization.",
        fix="Check that the right file (or EDGAR <DOCUMENT>) was given.",
    ),
    CodeDoc(
        code="XREF-BAD",
        severity=E,
        summary="A cross-reference names a section, article, schedule or exhibit that does not exist.",
        fix="Correct the number (a look-alike such as 4(1) for 4(l) is suggested when one exists).",
    ),
    CodeDoc(
        code="XREF-DIRECTION",
        severity=W,
        summary='A reference says "above" for a section that follows it, or "below" for one that precedes it.',
        fix="Change above/below, or the section number.",
    ),
    CodeDoc(
        code="XREF-DEF",
        severity=W,
        summary='"As defined in Section X" (or "shall have the meaning set forth in Section X") points to a section that does not define the term.',
        fix="Point the reference at the section that defines the term.",
    ),
    CodeDoc(
        code="TERM-UNDEF",
        severity=W,
        summary="A capitalized term is used as a defined term but no document of the deal defines it.",
        fix="Define the term, or use the defined term that was meant.",
    ),
    CodeDoc(
        code="TERM-MISMATCH",
        severity=W,
        summary="A defined term is used under another name (an extra or missing word).",
        fix="Use the defined term exactly as defined.",
    ),
    CodeDoc(
        code="TERM-UNUSED",
        severity=W,
        summary="A term is defined but never used in the deal's documents.",
        fix="Remove the definition, or use the term where it was meant.",
    ),
    CodeDoc(
        code="TERM-DUP",
        severity=N,
        summary="A term is defined twice with the same meaning.",
        fix="Keep one definition and refer to it.",
    ),
    CodeDoc(
        code="TERM-CONFLICT",
        severity=W,
        summary="A term is defined twice with different meanings (in one document or across the deal).",
        fix="Reconcile the definitions; keep one.",
    ),
    CodeDoc(
        code="TERM-FORWARD",
        severity=N,
        summary="A defined term is used before its definition without a pointer such as (as defined below).",
        fix='Add "(as defined below)" or move the definition.',
    ),
    CodeDoc(
        code="TERM-TYPO",
        severity=W,
        summary="A capitalized word is one letter away from a defined term.",
        fix="Correct the spelling.",
    ),
    CodeDoc(
        code="TERM-EXTERNAL",
        severity=N,
        summary="A term is defined only in a document that is not part of the deal's text (the Debentures, the Warrants).",
        fix="Supply the value the external definition gives as a deal-file input.",
    ),
    CodeDoc(
        code="PARTY-UNDEF",
        severity=E,
        summary="A party role (Borrower, Lender, Holder ...) is named that no document of the deal defines.",
        fix="Name the party the clause means (often the Buyer or the Company).",
    ),
    CodeDoc(
        code="NUM-WORDS",
        severity=E,
        summary="A number in words and the numerals beside it disagree.",
        fix="Make the words and the numerals state the same amount.",
    ),
    CodeDoc(
        code="NUM-GAP",
        severity=W,
        summary="Section numbering skips a number.",
        fix="Renumber the sections, or restore the missing one.",
    ),
    CodeDoc(
        code="NUM-DUP",
        severity=W,
        summary="Two sibling sections carry the same number.",
        fix="Renumber the sections.",
    ),
    CodeDoc(
        code="TOC-MISMATCH",
        severity=W,
        summary="The table of contents and the section heading in the body disagree, or a listed section is missing.",
        fix="Make the table of contents match the headings.",
    ),
    CodeDoc(
        code="PAREN",
        severity=W,
        summary="Unbalanced parentheses within a section.",
        fix="Add the missing parenthesis or remove the stray one.",
    ),
    CodeDoc(
        code="QUOTE",
        severity=W,
        summary="An odd number of double quotes within a section.",
        fix="Close the quotation.",
    ),
    CodeDoc(
        code="PLACEHOLDER",
        severity=W,
        summary="A drafting placeholder is left in the text ([__], [insert ...], TBD, $____).",
        fix="Fill in the value.",
    ),
    CodeDoc(
        code="ENC-ARTEFACT",
        severity=W,
        summary="An encoding or conversion artefact (asterisk for apostrophe, replacement character, underline run inside a sentence, mojibake).",
        fix="Correct the text; dealbook reads the repaired form.",
    ),
    CodeDoc(
        code="DATE-NONBIZ",
        severity=W,
        summary="A deadline or due date falls on a weekend or a New York banking holiday.",
        fix="State the roll convention, or move the date.",
    ),
    CodeDoc(
        code="TZ-DST",
        severity=W,
        summary="A time zone is named wrongly for the date (Eastern Standard Time on a date when New York keeps daylight time).",
        fix='Write "Eastern Time" or "New York City time".',
    ),
    CodeDoc(
        code="FACT-MISMATCH",
        severity=W,
        summary="The same fact is stated differently (a party's telephone number across documents, share denominations against the defined count).",
        fix="Reconcile the statements.",
    ),
    CodeDoc(
        code="CAP-EXCEEDED",
        severity=E,
        summary="Shares outstanding, reserved or to be issued exceed the authorized capital stated.",
        fix="Check the capitalization statement; an increase in authorized shares may be required first.",
    ),
    CodeDoc(
        code="SIG-NAME",
        severity=W,
        summary="A signature (/s/ name) differs from the name printed under it.",
        fix="Check the signature page.",
    ),
    CodeDoc(
        code="LOGIC-INVERTED",
        severity=W,
        summary="The same comparison between two defined quantities is stated both ways (is below / exceeds) in one section.",
        fix="Check which direction the clause means.",
    ),
    CodeDoc(
        code="CONFLICT",
        severity=W,
        summary="Two clauses count the same period from the same event in different kinds of day (5 days vs 5 Business Days).",
        fix="Use one kind of day for both clauses.",
    ),
    CodeDoc(
        code="AMBIGUOUS-FORMULA",
        severity=W,
        summary='A percentage "of" an amount is followed by "plus" another amount, so the base of the percentage is ambiguous.',
        fix="Bracket the base, e.g. 3% x (principal + interest), and state the reading in the deal file.",
    ),
)
