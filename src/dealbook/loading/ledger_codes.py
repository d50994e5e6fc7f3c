"""Diagnostic codes of ledger files and price series (documented in docs/diagnostics.md).

Ledger files also reuse the file and YAML codes of :mod:`dealbook.loading.codes`
(``FILE-NOT-FOUND``, ``FILE-ENCODING``, ``YAML-SYNTAX``, ``YAML-DUPLICATE-KEY``, ...).
The integrity codes are emitted by :mod:`dealbook.ledger.integrity` and
:mod:`dealbook.ledger.corrections` and documented here with the rest.
"""

from __future__ import annotations

from dealbook.core.codes import CodeDoc
from dealbook.core.codes import registry
from dealbook.core.diagnostics import Severity

E = Severity.ERROR
W = Severity.WARNING

CODES = registry(
    CodeDoc(
        code="LEDGER-NOT-MAPPING",
        severity=E,
        summary="The ledger file is not a mapping.",
        fix="Start the file with `dealbook_ledger: 1`, `deal: <deal-id>` and `events:`.",
    ),
    CodeDoc(
        code="LEDGER-VERSION",
        severity=E,
        summary="`dealbook_ledger:` is missing or is not a supported format version (1).",
        fix="Write `dealbook_ledger: 1` at the top of the file.",
    ),
    CodeDoc(
        code="LEDGER-UNKNOWN-FIELD",
        severity=E,
        summary="A key the ledger format does not define for this event type (often a typo).",
        fix="Use the suggested key; docs/ledger.md lists every field of every event type.",
    ),
    CodeDoc(
        code="LEDGER-MISSING-FIELD",
        severity=E,
        summary="A required key is missing (`deal`, `events`, an event's `type`, or a required field of its type).",
        fix="Add the key at the reported position.",
    ),
    CodeDoc(
        code="LEDGER-TYPE",
        severity=E,
        summary="A value has the wrong shape (text where a list or number is expected, an event that is not a mapping).",
        fix="Write a value of the expected type.",
    ),
    CodeDoc(
        code="LEDGER-UNKNOWN-TYPE",
        severity=E,
        summary="An event `type:` that is not in the ledger vocabulary.",
        fix="Use the suggested type; docs/ledger.md lists them all.",
    ),
    CodeDoc(
        code="LEDGER-FLOAT-NUMBER",
        severity=E,
        summary="An unquoted decimal literal where money or a price is expected; YAML would read it as a binary float.",
        fix='Quote it: "0.0125".',
    ),
    CodeDoc(
        code="LEDGER-NUMBER",
        severity=E,
        summary="Text that is not an exact number (a price or amount in a ledger or prices CSV).",
        fix='Write digits with an optional decimal point, e.g. "30000" or "0.0125".',
    ),
    CodeDoc(
        code="LEDGER-NEGATIVE",
        severity=E,
        summary="An amount, price or share count is negative.",
        fix="Amounts are non-negative; payer and payee give the direction.",
    ),
    CodeDoc(
        code="LEDGER-DATE",
        severity=E,
        summary="A date that is not ISO YYYY-MM-DD or does not exist.",
        fix="Write a real date as YYYY-MM-DD.",
    ),
    CodeDoc(
        code="LEDGER-CHOICE",
        severity=E,
        summary="A value outside its allowed choices (a notice method, a payment form, a report kind).",
        fix="Use one of the values listed in the message.",
    ),
    CodeDoc(
        code="LEDGER-FORMAT",
        severity=E,
        summary="Text that does not follow its pattern (ids, holder ids, `doc:section` clauses, HH:MM times, new:old ratios).",
        fix="Follow the pattern in the message.",
    ),
    CodeDoc(
        code="LEDGER-VALUE",
        severity=E,
        summary="A value the event type rejects for another reason (a reserved id, an empty capitalization, a split ratio that shrinks).",
        fix="Read the message.",
    ),
    CodeDoc(
        code="LEDGER-DEAL-MISMATCH",
        severity=E,
        summary="The ledger's `deal:` is not the id of the deal it is checked against.",
        fix="Check the ledger against its own deal, or correct `deal:`.",
    ),
    CodeDoc(
        code="LEDGER-UNKNOWN-HOLDER",
        severity=E,
        summary="A `holder` that is not a holder id of the deal.",
        fix="Use a holder id from `parties.holders` (see the hint).",
    ),
    CodeDoc(
        code="LEDGER-UNKNOWN-PARTY",
        severity=E,
        summary="A `from`, `to`, `payer` or `payee` that is not `company`, a holder id or an agent id.",
        fix="Use `company`, a holder id or an agent id of the deal.",
    ),
    CodeDoc(
        code="LEDGER-UNKNOWN-WARRANT",
        severity=E,
        summary="A `warrant` that is not a warrant series id of the deal.",
        fix="Use an id from `securities.warrants`.",
    ),
    CodeDoc(
        code="LEDGER-UNKNOWN-DOC",
        severity=E,
        summary="A `clause` whose document id is not a document of the deal.",
        fix="Write the clause as `doc:section` with an id from `documents:`.",
    ),
    CodeDoc(
        code="LEDGER-UNKNOWN-TRANCHE",
        severity=E,
        summary="A funding's `tranche` is not a tranche id of the deal's funding schedule.",
        fix="Use an id from `funding.tranches`, or leave `tranche` out to match by date.",
    ),
    CodeDoc(
        code="LEDGER-BEFORE-SIGNING",
        severity=E,
        summary="An event is dated before the earliest agreement of the deal was signed (price rows are exempt: look-backs need them).",
        fix="Correct the date; facts before signing belong in the deal file.",
    ),
    CodeDoc(
        code="LEDGER-FUNDING-UNMATCHED",
        severity=W,
        summary="A closing or funding that matches nothing in the funding schedule: no tranche falls on its date, a holder's amount differs from the stated allocation, or the holders' total differs from the tranche amount.",
        fix="Check the date and amounts; a shortfall the agreement does not allow is a Buyer breach, not a smaller tranche.",
    ),
    CodeDoc(
        code="LEDGER-DUPLICATE-ID",
        severity=E,
        summary="Two events share an id.",
        fix="Give each event its own id.",
    ),
    CodeDoc(
        code="LEDGER-CORRECTION-UNKNOWN",
        severity=E,
        summary="A correction voids an id that no event has.",
        fix="Use the `id:` of the event to void.",
    ),
    CodeDoc(
        code="LEDGER-CORRECTION-ORDER",
        severity=E,
        summary="A correction is dated before the event it voids.",
        fix="Date the correction on or after the event it voids.",
    ),
    CodeDoc(
        code="LEDGER-CORRECTION-TARGET",
        severity=E,
        summary="A correction voids another correction; corrections are final.",
        fix="Enter the voided fact again as a new event.",
    ),
    CodeDoc(
        code="LEDGER-CORRECTION-DUPLICATE",
        severity=E,
        summary="An event is voided by two corrections.",
        fix="Remove the second correction.",
    ),
    CodeDoc(
        code="LEDGER-UNKNOWN-INVOICE",
        severity=E,
        summary="A payment `for` an id that is not an effective invoice (accrual ids, which contain `:` or start with `accrual`, are left to the engine).",
        fix="Use the id of an earlier invoice event, or an accrual id.",
    ),
    CodeDoc(
        code="LEDGER-UNKNOWN-REFERENCE",
        severity=E,
        summary="A reference to another event (a cure's `breach`, a revocation's `notice`, `against`, `offering`) names no effective event of the right type.",
        fix="Use the id of an earlier event of the type the message names.",
    ),
    CodeDoc(
        code="LEDGER-REFERENCE-ORDER",
        severity=E,
        summary="An event refers to an event dated after it (a cure before its breach).",
        fix="Correct one of the two dates.",
    ),
    CodeDoc(
        code="LEDGER-PRICES-FILE",
        severity=E,
        summary="The prices CSV named by `prices:` cannot be read.",
        fix="Write the path relative to the ledger file.",
    ),
    CodeDoc(
        code="LEDGER-PRICES-HEADER",
        severity=E,
        summary="The prices CSV header is not `date,close` plus any of `bid,low,high,volume`.",
        fix="Make the first line `date,close,bid,low,high,volume`.",
    ),
    CodeDoc(
        code="LEDGER-PRICES-ROW",
        severity=E,
        summary="A prices CSV row has a different number of cells than the header.",
        fix="Write one cell per column; leave optional cells empty.",
    ),
    CodeDoc(
        code="LEDGER-PRICES-ORDER",
        severity=E,
        summary="Price rows are not in strictly increasing date order (or a date repeats).",
        fix="Sort the rows by date and keep one row per date.",
    ),
    CodeDoc(
        code="LEDGER-PRICES-MIXED",
        severity=E,
        summary="A ledger with a prices series (`prices:`) also has `price` events.",
        fix="Keep prices in one place: the CSV, or `price` events.",
    ),
)
