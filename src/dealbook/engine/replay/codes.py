"""Diagnostic codes of the replay engine (documented in docs/diagnostics.md)."""

from __future__ import annotations

from dealbook.core.codes import CodeDoc
from dealbook.core.codes import registry
from dealbook.core.diagnostics import Severity

E = Severity.ERROR
W = Severity.WARNING

CODES = registry(
    CodeDoc(
        code="REPLAY-UNKNOWN-ACCRUAL",
        severity=E,
        summary="A payment names an accrual the replay does not compute at the as-of date.",
        fix="Use an accrual id listed by `dealbook replay` (ids start with `accrual:`).",
    ),
    CodeDoc(
        code="REPLAY-UNKNOWN-HOLDER",
        severity=E,
        summary="An event names a holder who is not a party to the deal.",
        fix="Use a holder id from the deal file's `parties.holders`.",
    ),
    CodeDoc(
        code="REPLAY-CONVERSION-NO-PRICE",
        severity=E,
        summary="A conversion (or cashless exercise) needs a price the ledger's price history lacks.",
        fix="Add the trading days of the formula's lookback window to the prices CSV.",
    ),
    CodeDoc(
        code="REPLAY-CONVERSION-EXCESS",
        severity=E,
        summary="A conversion notice converts more principal than the holder has outstanding.",
        fix="Check the notice's principal against the holder's fundings and earlier conversions.",
    ),
    CodeDoc(
        code="REPLAY-CONVERSION-CAPPED",
        severity=W,
        summary="A conversion or exercise would exceed the ownership cap; it was cut to the cap.",
        fix="Expected when the cap binds; a waiver notice lifts the cap after its notice period.",
    ),
    CodeDoc(
        code="REPLAY-CONVERSION-REFUSED",
        severity=W,
        summary="A conversion or exercise was refused whole: the cap leaves no room (or cap.excess=refuse).",
        fix="Expected when the cap binds; a waiver notice lifts the cap after its notice period.",
    ),
    CodeDoc(
        code="REPLAY-CONVERSION-AFTER-MATURITY",
        severity=W,
        summary="A conversion notice is dated after the Debenture's Maturity Date.",
        fix="Check the notice date and the deal's maturity; conversion.after_maturity=refuse refuses such notices.",
    ),
    CodeDoc(
        code="REPLAY-CONVERSION-INTEREST",
        severity=W,
        summary="A conversion converts more interest than is accrued, or interest the deal does not convert.",
        fix="Convert at most the accrued and unpaid interest shown in the holder's position.",
    ),
    CodeDoc(
        code="REPLAY-REVOCATION",
        severity=W,
        summary="A conversion revocation names no accepted conversion, or comes after its window.",
        fix="Name the id of an accepted conversion_notice; revoke within the cap's revocation window.",
    ),
    CodeDoc(
        code="REPLAY-WARRANT-EXCESS",
        severity=E,
        summary="A warrant exercise exceeds the holder's unexercised warrant shares, or names no series.",
        fix="Check the exercise against the warrants granted at the closings and fundings.",
    ),
    CodeDoc(
        code="REPLAY-DELIVERY",
        severity=W,
        summary="Shares delivered do not match a conversion or exercise (too many, wrong holder, none open).",
        fix="Name the conversion_notice or warrant_exercise settled in `against`.",
    ),
    CodeDoc(
        code="REPLAY-ESCROW-HEADROOM",
        severity=W,
        summary="An escrow top-up needs more shares than the authorized but unissued headroom (HYT §4.13 states no cap; G-10, G-13).",
        fix="Record a capitalization event if the authorized shares were increased; otherwise the top-up cannot be issued.",
    ),
    CodeDoc(
        code="REPLAY-ESCROW-NOT-SHORT",
        severity=W,
        summary="An escrow top-up notice was sent while the Escrow Shares were at least 200% of the Full Conversion Shares, or no Conversion Price could be computed.",
        fix="Check the price events before the notice; a top-up is due only when the escrow is below 200%.",
    ),
    CodeDoc(
        code="REPLAY-ESCROW-NOTICE",
        severity=W,
        summary="An escrow top-up notice is never deemed given under the deal's notice clause (method not permitted).",
        fix="Send the notice by a permitted method (Hy-Tech §7.3: fax).",
    ),
    CodeDoc(
        code="REPLAY-DEFAULT-NOTICE",
        severity=W,
        summary="A breach, default or termination notice is never deemed given under the deal's notice clause.",
        fix="Send the notice by a permitted method (Hy-Tech §7.3: fax).",
    ),
    CodeDoc(
        code="REPLAY-DEFAULT-UNKNOWN-CLAUSE",
        severity=E,
        summary="A default_declared or termination event names a clause that is no Event of Default of the deal.",
        fix="Use the clause of one of the deal's `defaults.events` (e.g. `cdpa:5.1(b)`).",
    ),
    CodeDoc(
        code="REPLAY-DEFAULT-PREMATURE",
        severity=W,
        summary="An elective termination or declared Event of Default comes before any cure period ran out uncured.",
        fix="The terminating party may terminate only after the breach is not cured within the cure period (HYT §5.1(b)-(c)).",
    ),
    CodeDoc(
        code="REPLAY-DEFAULT-AFTER-CLOSING",
        severity=W,
        summary="A §5.1 termination or Event of Default is dated after the Closing; Art. V applies only before Closing (D-HYT-15).",
        fix="Debenture Events of Default after Closing are outside the seed; record them as breaches.",
    ),
    CodeDoc(
        code="REPLAY-FUNDING-AMOUNT",
        severity=W,
        summary="A closing or funding funds a different principal or warrant count than the schedule.",
        fix="Check the funding lines; a shortfall is a Buyer breach, not a smaller Funding Date.",
    ),
    CodeDoc(
        code="REPLAY-NOTICE-METHOD",
        severity=W,
        summary="A notice was sent by a method the deal's notice clause does not permit.",
        fix="Send the notice again by a permitted method; until then it is never deemed given.",
    ),
    CodeDoc(
        code="REPLAY-REDEMPTION-NO-RIGHT",
        severity=W,
        summary="A redemption demand was made before any suspension or delisting after the Closing outlasted its reinstatement window (HYT §4.19).",
        fix="Record the suspension (`trading_halted` / `listing_lost`) or date the demand after the window.",
    ),
    CodeDoc(
        code="REPLAY-REDEMPTION-PRICE",
        severity=W,
        summary="The §4.19 redemption price could not be computed: a 5-trading-day average or the Conversion Price lacks prices.",
        fix="Add the Per Share Market Values (prices CSV) the averages need.",
    ),
    CodeDoc(
        code="REPLAY-OFFERING-LOCKUP",
        severity=W,
        summary="A Future Offering closed inside the Lock-up Period (INS/AMN §4(e)); a breach unless consented to or outside (A)-(C).",
        fix="Check the offering's terms and the Buyers' consent; record a `breach` if it is one.",
    ),
    CodeDoc(
        code="REPLAY-OFFERING-EARLY-CLOSING",
        severity=W,
        summary="A Future Offering closed less than 20 business days after its notice, or without a notice (INS/AMN §4(e)).",
        fix="Link the `offering_closed` to its `offering_notice` (`offering:`), or record the breach.",
    ),
    CodeDoc(
        code="REPLAY-OFFERING-EXCLUSIVITY",
        severity=W,
        summary="A financing closed during the Hy-Tech exclusivity period (HYT §4.16); a breach if it is a convertible security or equity line not with the Purchaser.",
        fix="Check the financing's terms; record a `breach` if it is one.",
    ),
    CodeDoc(
        code="REPLAY-SHORT-SALE-UNCOVERED",
        severity=W,
        summary="A short sale was not covered by Notices of Conversion or Exercise within its cover window (HYT §4.26).",
        fix="Record the covering `conversion_notice` / `warrant_exercise`, or treat the sale as a breach.",
    ),
    CodeDoc(
        code="REPLAY-SLDA-STACKED",
        severity=W,
        summary="A recorded `breach` of INS/AMN §4(h) or §4(l) is the same episode as one the replay derives (late reserve list, reserve shortfall, approval); it is counted once.",
        fix="Drop the `breach` event, or choose `slda.stacking` knowingly (per-clause adds a §4 covenant stream for every derived episode).",
    ),
    CodeDoc(
        code="REPLAY-SLDA-NO-PAYEE",
        severity=W,
        summary='Under `slda.payee_reading=literal-borrower` the reserve-shortfall damages are payable to "the Borrower", no party (D-INS-2), so none is reported.',
        fix="Use `slda.payee_reading=buyer` (the default) to pay each Buyer.",
    ),
)
