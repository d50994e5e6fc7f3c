"""Capitalized words and phrases that are not defined terms.

Agreements capitalize names of institutions ("Board of Directors", "Secretary of
State"), statutes ("Investment Company Act of 1940"), SEC forms and filings ("Form 8-K",
"Annual Report"), officers, places, months and the first word of a sentence. The lint
rule for undefined terms (TERM-UNDEF) ignores these; :func:`is_generic` is the test.

>>> is_generic("Board of Directors"), is_generic("Securities Exchange Act of 1934")
(True, True)
>>> is_generic("Transaction Fee Agreement")
False
"""

from __future__ import annotations

import re

#: Phrases (case folded) capitalized in agreements without being defined terms.
GENERIC_PHRASES = frozenset(
    """
    united states|u.s.|state|states|state of delaware|state of new york|new york|delaware|board|board of directors|directors
    |secretary of state|chief executive officer|chief financial officer|chief operating officer|president
    |vice president|secretary|treasurer|director|manager|officer|general partner|chairman
    |schedule|schedules|exhibit|exhibits|annex|appendix|article|articles|section|sections|recital|recitals
    |annual report|annual reports|quarterly report|quarterly reports|current report|current reports
    |proxy statement|information statement|registration statement on form|prospectus
    |certificate of incorporation|articles of incorporation|by-laws|bylaws|certificate of amendment
    |certificate of designation|certificate of good standing|internal revenue code|code
    |securities and exchange commission|federal reserve|federal reserve bank|federal courts
    |nasdaq|nasdaq stock market|nasdaq national market|nasdaq smallcap market|otc bulletin board
    |over-the-counter bulletin board|new york stock exchange|american stock exchange
    |national quotation bureau|national quotation bureau incorporated|pink sheets
    |national association of securities dealers|edgar|esq|inc|llc|llp|ltd|corp|co|l.p.|lp
    |eastern standard time|eastern time|new york city time|eastern daylight time
    |item|items|rule|rules|regulation|regulations|form|forms|act|page|pages
    |whereas|now|therefore|witness|in witness whereof|signature page|signature pages
    |remainder of page intentionally left blank|intentionally left blank|attention|telephone
    |facsimile|fax|email|e-mail|tel|phone|residence|address|name|title|by|its
    |comprehensive environmental response|compensation and liability act|year 2000
    |national market|county|generally accepted accounting principles|gaap|sec filings|transfer agent|escrow|usury
    """.replace("\n", "")
    .replace("    ", "")
    .split("|")
)
#: Words that begin sentences and clauses; dropped from the front of a capitalized run.
STARTERS = frozenset(
    [
        "the",
        "this",
        "that",
        "these",
        "those",
        "such",
        "each",
        "any",
        "all",
        "no",
        "if",
        "in",
        "on",
        "upon",
        "for",
        "as",
        "at",
        "by",
        "with",
        "neither",
        "nor",
        "notwithstanding",
        "subject",
        "except",
        "prior",
        "unless",
        "until",
        "when",
        "where",
        "whether",
        "without",
        "a",
        "an",
        "its",
        "their",
        "said",
        "either",
        "both",
        "every",
        "other",
        "it",
        "there",
        "nothing",
        "none",
        "immediately",
        "promptly",
        "following",
        "after",
        "before",
        "during",
        "from",
        "to",
        "within",
        "under",
        "so",
        "and",
        "or",
        "but",
        "not",
        "accordingly",
        "therefore",
        "furthermore",
        "however",
        "provided",
        "further",
        "also",
        "between",
        "among",
        "commencing",
        "beginning",
        "whenever",
        "once",
        "simultaneously",
        "contemporaneous",
        "contemporaneously",
        "capitalized",
        "pursuant",
        "except",
        "neither",
        "our",
        "we",
        "you",
        "he",
        "she",
        "they",
        "his",
        "her",
    ]
)
_MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)
_DAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
_SINGLE_GENERIC = _MONTHS | _DAYS | GENERIC_PHRASES
"""Words each generic on their own: a phrase of only these is generic."""
_PATTERNS = re.compile(
    r"^(?:.*\bact(?: of \d{4})?|(?:rule|rules|regulation|form|forms|item|items|section|sections|article|articles"
    r"|exhibit|exhibits|schedule|schedules|appendix|annex|chapter|title|paragraph)\b.*"
    r"|.+\s(?:inc\.?|incorporated|corporation|corp\.?|llc|l\.l\.c\.|ltd\.?|limited|l\.p\.|lp|llp|plc|ag"
    r"|aktiengesellschaft|partnership|fund|bank|trust|association|exchange|commission|bureau|court|courts)"
    r"|\d.*|.*\b(?:avenue|street|boulevard|road|drive|plaza|suite|floor|square)\b.*"
    r"|(?:state|county|city|district|commonwealth|republic|province) of .*|.*\b(?:time)"
    r"|(?:new york|delaware|california|florida|washington|pennsylvania|connecticut|london|cayman islands)\b.*)$"
)


def is_generic(phrase: str) -> bool:
    """True for an institution, statute, form, officer, place, month or sentence word."""
    folded = " ".join(phrase.casefold().replace("\u2019", "'").split()).strip(" ,.;:")
    if folded.endswith("'s"):
        folded = folded[:-2]
    if not folded or folded in GENERIC_PHRASES:
        return True
    if _SINGLE_GENERIC.issuperset(folded.split()):
        return True
    return _may_match(folded) and bool(_PATTERNS.match(folded))


_PATTERN_HEAD_WORDS = frozenset(
    [
        "rule",
        "rules",
        "regulation",
        "form",
        "forms",
        "item",
        "items",
        "section",
        "sections",
        "article",
        "articles",
        "exhibit",
        "exhibits",
        "schedule",
        "schedules",
        "appendix",
        "annex",
        "chapter",
        "title",
        "paragraph",
        "state",
        "county",
        "city",
        "district",
        "commonwealth",
        "republic",
        "province",
        "new",
        "delaware",
        "california",
        "florida",
        "washington",
        "pennsylvania",
        "connecticut",
        "london",
        "cayman",
    ]
)
"""First words of the phrases that :data:`_PATTERNS` matches at the start."""
_PATTERN_TAIL_WORDS = frozenset(
    [
        "inc",
        "inc.",
        "incorporated",
        "corporation",
        "corp",
        "corp.",
        "llc",
        "l.l.c.",
        "ltd",
        "ltd.",
        "limited",
        "l.p.",
        "lp",
        "llp",
        "plc",
        "ag",
        "aktiengesellschaft",
        "partnership",
        "fund",
        "bank",
        "trust",
        "association",
        "exchange",
        "commission",
        "bureau",
        "court",
        "courts",
    ]
)
"""Last words of the phrases that :data:`_PATTERNS` matches at the end."""
_LEAD_WORD = re.compile(r"\w+")


def _may_match(folded: str) -> bool:
    """A quick necessary condition for :data:`_PATTERNS` to match (it then decides).

    Each alternative of the pattern needs one of: a digit first, "act", "time" or a
    street word in the text, a listed last word (after a space), or a listed first word.
    """
    if folded[:1].isdigit() or "act" in folded:
        return True
    last = folded.rpartition(" ")[2]
    if last in _PATTERN_TAIL_WORDS or last.endswith("time"):
        return True
    lead = _LEAD_WORD.match(folded)
    if lead is not None and lead.group(0) in _PATTERN_HEAD_WORDS:
        return True
    return (
        "avenue" in folded
        or "street" in folded
        or "boulevard" in folded
        or "road" in folded
        or "drive" in folded
        or "plaza" in folded
        or "suite" in folded
        or "floor" in folded
        or "square" in folded
    )
