"""Diagnostic codes of deal-file and YAML loading (documented in docs/diagnostics.md)."""

from __future__ import annotations

from dealbook.core.codes import CodeDoc
from dealbook.core.codes import registry
from dealbook.core.diagnostics import Severity

E = Severity.ERROR
W = Severity.WARNING

CODES = registry(
    CodeDoc(
        code="FILE-NOT-FOUND",
        severity=E,
        summary="The file does not exist or cannot be read.",
        fix="Check the path.",
    ),
    CodeDoc(
        code="FILE-ENCODING",
        severity=E,
        summary="The file is not UTF-8 text.",
        fix="Save the file as UTF-8.",
    ),
    CodeDoc(
        code="YAML-SYNTAX",
        severity=E,
        summary="The file is not valid YAML.",
        fix="Fix indentation, colons or quotes at the reported position.",
    ),
    CodeDoc(
        code="YAML-DUPLICATE-KEY",
        severity=E,
        summary="A mapping defines the same key twice.",
        fix="Remove one of the entries.",
    ),
    CodeDoc(
        code="YAML-KEY",
        severity=E,
        summary="A mapping key is not plain text.",
        fix="Use text keys.",
    ),
    CodeDoc(
        code="YAML-UNSUPPORTED",
        severity=E,
        summary="A YAML feature dealbook refuses (merge keys).",
        fix="Write the values out.",
    ),
    CodeDoc(
        code="DEAL-NOT-MAPPING",
        severity=E,
        summary="The document is not a mapping of deal blocks.",
        fix="Start the file with `dealbook: 1` and `id: ...`.",
    ),
    CodeDoc(
        code="DEAL-UNKNOWN-KEY",
        severity=E,
        summary="A key that the deal-file format does not define (often a typo).",
        fix="Use the suggested key, or see docs/deal-file.md.",
    ),
    CodeDoc(
        code="DEAL-MISSING-FIELD",
        severity=E,
        summary="A required field is missing.",
        fix="Add the field to the mapping at the reported position.",
    ),
    CodeDoc(
        code="DEAL-TYPE",
        severity=E,
        summary="A value has the wrong type (text where a number is expected, a list where a mapping is expected).",
        fix="Write a value of the expected type.",
    ),
    CodeDoc(
        code="DEAL-FLOAT-NUMBER",
        severity=E,
        summary="An unquoted decimal literal where money, a price or a rate is expected; YAML would read it as a binary float.",
        fix='Quote it: "0.02" (or write "2%").',
    ),
    CodeDoc(
        code="DEAL-NUMBER",
        severity=E,
        summary="Text that is not an exact number.",
        fix='Write digits, optionally with thousands commas or a trailing %, e.g. "1,000,000" or "12%".',
    ),
    CodeDoc(
        code="DEAL-NEGATIVE",
        severity=E,
        summary="Money, a price, a multiple or a share count is negative.",
        fix="Amounts are stated as non-negative numbers; direction comes from payer and payee.",
    ),
    CodeDoc(
        code="DEAL-PERCENT-RANGE",
        severity=E,
        summary="A rate outside 0 to 1 (0% to 100%).",
        fix='Write rates as fractions ("0.02") or percentages ("2%").',
    ),
    CodeDoc(
        code="DEAL-DATE",
        severity=E,
        summary="A date that is not ISO YYYY-MM-DD or does not exist (2003-02-30).",
        fix="Write a real date as YYYY-MM-DD.",
    ),
    CodeDoc(
        code="DEAL-CHOICE",
        severity=E,
        summary="A value outside the allowed choices (a kind, an enum, a literal).",
        fix="Use one of the values listed in the message.",
    ),
    CodeDoc(
        code="DEAL-FORMAT",
        severity=E,
        summary="Text that does not match the required pattern (ids are lower-case slugs; months are YYYY-MM; durations are `N unit`).",
        fix="Follow the pattern in the message.",
    ),
    CodeDoc(
        code="DEAL-VALUE",
        severity=E,
        summary="A value the model rejects for another reason.",
        fix="Read the message.",
    ),
    CodeDoc(
        code="DEAL-UNCITED",
        severity=E,
        summary="A term block carries neither `cite` nor `assumption`.",
        fix="Cite the clause ({doc, section, lines, quote}) or label the value as an assumption with a rationale.",
    ),
    CodeDoc(
        code="DEAL-UNKNOWN-DOC",
        severity=E,
        summary="A citation names a document id the deal does not list.",
        fix="Use one of the ids under `documents:`.",
    ),
    CodeDoc(
        code="DEAL-UNKNOWN-HOLDER",
        severity=E,
        summary="A reference to a holder id that is not under `parties.holders`.",
        fix="Use an existing holder id (see the hint).",
    ),
    CodeDoc(
        code="DEAL-UNKNOWN-PARTY",
        severity=E,
        summary="A reference to an agent or payee that the deal does not name.",
        fix="Add the party under `parties.agents` or fix the id.",
    ),
    CodeDoc(
        code="DEAL-DUPLICATE-ID",
        severity=E,
        summary="Two items of the same list share an id.",
        fix="Give each item its own id.",
    ),
    CodeDoc(
        code="DEAL-ALLOCATION-SUM",
        severity=E,
        summary="Per-holder allocations of a closing do not add up to the closing's aggregate.",
        fix="Correct the allocations or the aggregate.",
    ),
    CodeDoc(
        code="DEAL-SCHEDULE-TOTAL",
        severity=E,
        summary="The funding schedule does not add up to the stated maximum principal or warrant shares.",
        fix="Correct the tranches or the maximum.",
    ),
    CodeDoc(
        code="DEAL-UNKNOWN-READING",
        severity=E,
        summary="A convention note names a reading that does not exist.",
        fix="Use a Conventions field name or an assumption-register key.",
    ),
    CodeDoc(
        code="DEAL-TEXT-MISSING",
        severity=W,
        summary="A document's text file cannot be found, so citations are not checked against it.",
        fix="Fix `documents[].text` (relative to the deal file).",
    ),
    CodeDoc(
        code="DEAL-TEXT-HASH",
        severity=E,
        summary="A document's text does not match its recorded sha256.",
        fix="The agreement text changed: review the citations, then update `sha256`.",
    ),
    CodeDoc(
        code="DEAL-QUOTE-MISMATCH",
        severity=E,
        summary="A citation's quote is not found in the cited lines of the document (whitespace-normalized).",
        fix="Copy the quote verbatim from the cited lines, or correct `lines`.",
    ),
    CodeDoc(
        code="DEAL-LINES-RANGE",
        severity=E,
        summary="A citation's lines lie beyond the end of the document.",
        fix="Correct `lines`.",
    ),
)
