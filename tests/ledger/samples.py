"""One minimal valid ledger mapping per event type, as a person would write it."""

from __future__ import annotations

SAMPLES: dict[str, dict[str, object]] = {
    "closing": {"fundings": [{"holder": "ajw-partners", "principal": 60000, "warrants": 120000}]},
    "funding": {
        "fundings": [{"holder": "ajw-partners", "principal": "15000"}],
        "tranche": "funding-dates",
    },
    "notice": {
        "kind": "funding_termination",
        "from": "company",
        "to": "ajw-partners",
        "method": "regular_mail",
    },
    "registration_filed": {"form": "SB-2", "shares": "181,800,000"},
    "registration_effective": {},
    "sec_comments_received": {},
    "sec_response_filed": {},
    "acceleration_requested": {},
    "prospectus_filed": {},
    "sales_suspended": {"reason": "allowed_delay"},
    "sales_resumed": {},
    "listing_lost": {"market": "OTCBB"},
    "listing_restored": {"market": "OTCBB"},
    "trading_halted": {},
    "trading_resumed": {},
    "information_statement_filed": {},
    "stockholder_approval": {},
    "capitalization": {"authorized": 700000000},
    "report_delivered": {"kind": "reserve_list", "to": "ajw-partners"},
    "press_release_issued": {},
    "form_d_filed": {},
    "opinion_delivered": {"holder": "ajw-partners"},
    "opinion_accepted": {"holder": "ajw-partners"},
    "invoice": {"amount": "25000.00", "from": "ajw-partners"},
    "payment": {
        "payer": "company",
        "payee": "ajw-partners",
        "amount": 3600,
        "for": "slda:ajw-partners:2003-01",
    },
    "election": {"holder": "ajw-partners", "clause": "spa:2(f)", "form": "shares"},
    "breach": {"clause": "spa:4(h)", "description": "reserve list not delivered"},
    "cure": {"breach": "breach-1"},
    "price": {"close": "0.0125"},
    "correction": {"voids": "form-d"},
    "conversion_notice": {"holder": "hem", "principal": 50000, "interest": "410.96"},
    "conversion_revoked": {"notice": "conversion-1"},
    "warrant_exercise": {
        "holder": "hem",
        "warrant": "initial-warrant",
        "shares": 2500000,
        "method": "cashless",
    },
    "shares_delivered": {"holder": "hem", "shares": 1000000},
    "escrow_topup": {"shares": 5000000},
    "default_declared": {"clause": "cdpa:5.1(a)"},
    "termination": {"clause": "cdpa:5.1(a)(ii)"},
    "redemption_demand": {"holder": "hem"},
    "offering_notice": {"terms": "up to $2,000,000 of common stock at a 20% discount"},
    "participation_election": {
        "holder": "ajw-partners",
        "offering": "offering-1",
        "amount": 100000,
    },
    "offering_closed": {"amount": 2000000},
    "short_sale": {"holder": "hem", "shares": 100000},
    "waiver_notice": {"holder": "hem"},
    "capital_change": {"kind": "reverse_split", "ratio": "1:20"},
}


def sample(tag: str, date: str = "2003-01-31", **extra: object) -> dict[str, object]:
    """The sample mapping of ``tag`` with ``date`` and ``type`` (and any extra keys)."""
    return {"date": date, "type": tag, **SAMPLES[tag], **extra}
