"""Term rules: undefined, mismatched, misspelled and external capitalized terms; undefined parties.

* TERM-UNDEF: "Additional Debentures" and "Additional Warrants" (D-INS-4), "Variable
  Conversion Price" (D-RRA-5), "Initial Closing Date" (D-AMN-7), "the Commission" and
  "Principal Market" (D-AMN-8), "the Transaction Fee Agreement" (D-AMN-9); and a term
  said to be "as defined in the Securities Purchase Agreement" that the SPA does not
  define (D-RRA-4).
* TERM-MISMATCH: "the Convertible Debenture" for the defined "Debentures" (D-RRA-3),
  "the Initial Escrow Shares" for "Initial Warrant Escrow Shares" (D-HYT-8).
* PARTY-UNDEF: "pay to the Borrower" where no Borrower exists (D-INS-2, D-AMN-2).
* TERM-TYPO: a capitalized word one letter away from a defined term.
* TERM-EXTERNAL: a term defined only in a document outside the deal's text.

Candidates are runs of capitalized words outside headings, quotes, notice blocks and
signature pages; a run that is defined, introduced inside a definition ("Pledge and
Security Agreement" in the "Transaction Documents" definition), generic
(:mod:`dealbook.ingest.lexicon`) or a named instrument ("... Agreement dated as of June
18, 2002 between ...") is not reported.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from dealbook.core.diagnostics import Diagnostic
from dealbook.ingest.document import Document
from dealbook.ingest.lexicon import STARTERS
from dealbook.ingest.lexicon import is_generic
from dealbook.ingest.model import Definition
from dealbook.ingest.parties import ROLE_WORDS
from dealbook.ingest.rules.context import Deal
from dealbook.ingest.rules.context import diagnostic
from dealbook.ingest.terms import SMALL_WORDS
from dealbook.ingest.terms import singular_key
from dealbook.ingest.terms import term_key

_INSTRUMENT = re.compile(
    r"[\s,]*(?:(?:was|were|is|has\s+been)\s+)?(?:dated|made\s+as\s+of|entered|between|by\s+and\s+between"
    r"|of\s+the\s+Amended)",
    re.IGNORECASE,
)
_OF_INSTRUMENT = re.compile(r"\s+of\s+the\s+(?P<t>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})")
_HEADS = frozenset(
    [
        "agreement",
        "agreements",
        "date",
        "price",
        "amount",
        "shares",
        "securities",
        "period",
        "deadline",
        "documents",
        "market",
        "statement",
        "percentage",
        "approval",
        "debentures",
        "debenture",
        "warrants",
        "warrant",
        "notice",
        "fee",
        "fees",
    ]
)
_SENTENCE_END = re.compile(r'(?:[.:;!?]["\')]?|\n[ \t]*\n|\(\s*[a-zA-Z0-9]{1,4}\s*\))\s*$')
_MAX_PER_TERM = 4
_JOIN = frozenset(("and", "of", "&"))
_Word = tuple[int, int, str, bool]
_POSSESSIVES = ("'s", "\u2019s")
_APOSTROPHES = ("'", "\u2019")


class _Terms:
    """What the deal defines, points to, and introduces, for quick lookups."""

    def __init__(self, deal: Deal) -> None:
        self.deal = deal
        self.defined: set[str] = set(deal.defined)
        self.external: dict[str, str] = {}
        self.bogus: dict[str, tuple[Document, Definition, Document]] = {}
        for key, entries in deal.pointers.items():
            for doc, pointer in entries:
                other = _pointed_document(deal, pointer.target)
                if other is not None and other is not doc and key not in other.defined_keys():
                    self.bogus.setdefault(key, (doc, pointer, other))
                elif (
                    other is None
                    and pointer.target not in ("below",)
                    and not pointer.target.lower().startswith("section")
                ):
                    self.external.setdefault(key, pointer.target)
        self.defined -= set(self.bogus)
        self.pointer_starts = {pointer.start for _, pointer, _ in self.bogus.values()}
        self.introduced = deal.introduced - set(self.bogus)
        self.name_words = _name_words(deal)
        self.keys = self.defined | set(self.external)
        self.folded = {k: frozenset(k.split()) for k in self.defined}
        self.folded_items = list(self.folded.items())
        self.words_by_initial: dict[str, list[str]] = {}
        for term in self.defined:  # one-word terms by first letter, in the set's order
            if term and " " not in term:
                self.words_by_initial.setdefault(term[0], []).append(term)
        self.holding: dict[str, list[int]] = {}
        for index, (_, folded) in enumerate(self.folded_items):
            for word in folded:
                self.holding.setdefault(word, []).append(index)
        self.cache: dict[str, bool] = {}
        self.known_phrases: dict[str, bool] = {}
        self.phrases: dict[str, list[list[_Word]]] = {}
        self.segments: dict[str, tuple[tuple[list[_Word], int], ...]] = {}
        self.opening_segments: dict[str, tuple[tuple[list[_Word], int], ...]] = {}

    def known(self, key: str) -> bool:
        return key in self.keys or singular_key(key) in self.keys or f"{key}s" in self.keys


_ENTITY_SUFFIXES = frozenset(
    ("Bank", "Inc", "LLC", "LLP", "Ltd", "Limited", "Corporation", "Company", "Fund", "Partners")
)


_ENTITY_ENDINGS = tuple(sorted(_ENTITY_SUFFIXES))
_ENTITY_LAST_CHARS = frozenset(".,").union(suffix[-1] for suffix in _ENTITY_SUFFIXES)


def _name_words(deal: Deal) -> frozenset[str]:
    """First words of entity names in the deal ("SunTrust" of "SunTrust Bank"): names, not terms."""
    out: set[str] = set()
    for doc in deal.docs:
        text = doc.text
        for start, end in doc.runs:
            if end <= start or text[end - 1] not in _ENTITY_LAST_CHARS:
                continue  # its last word is no entity suffix
            phrase = text[start:end]
            if not phrase.rstrip(".,").endswith(_ENTITY_ENDINGS):
                continue  # its last word is no entity suffix
            head_tail = phrase.rsplit(None, 1)
            if len(head_tail) > 1 and head_tail[1].rstrip(".,") in _ENTITY_SUFFIXES:
                out.add(term_key(phrase.split(None, 1)[0]))
    return frozenset(out)


def _pointed_document(deal: Deal, target: str) -> Document | None:
    """The deal document a pointer names ("the Section 1(d) of the Securities Purchase Agreement")."""
    name = re.split(r"\bof\s+the\s+", target)[-1] if " of the " in target else target
    return deal.document_named(name)


def check_term_uses(deal: Deal) -> Iterator[Diagnostic]:
    """TERM-UNDEF, TERM-MISMATCH, TERM-TYPO, TERM-EXTERNAL and PARTY-UNDEF."""
    terms = _Terms(deal)
    for key, (doc, pointer, other) in terms.bogus.items():
        yield diagnostic(
            doc,
            "TERM-UNDEF",
            pointer.start,
            pointer.end,
            f'"{pointer.term}" is said to be defined in {pointer.target}, but the {other.title.title()} '
            "does not define it",
            hint="define the term in that agreement, or remove the pointer",
        )
        del key
    for doc in deal.docs:
        counts: Counter[tuple[str, str]] = Counter()
        for found in _candidates(deal, terms, doc):
            code, start, end, message, hint, key = found
            counts[(code, key)] += 1
            if counts[(code, key)] <= _MAX_PER_TERM:
                yield diagnostic(doc, code, start, end, message, hint=hint)
        if not terms.external:
            continue
        reported: set[str] = set()
        for use in deal.uses[doc.doc_id]:
            if (
                use.key in terms.external
                and use.key not in reported
                and use.key not in terms.defined
            ):
                reported.add(use.key)
                yield diagnostic(
                    doc,
                    "TERM-EXTERNAL",
                    use.start,
                    use.end,
                    f'"{doc.quote(use.start, use.end)}" is defined only in {terms.external[use.key]}, '
                    "which is not part of the deal's text",
                )


def _candidates(
    deal: Deal, terms: _Terms, doc: Document
) -> Iterator[tuple[str, int, int, str, str, str]]:
    text = doc.text
    plains = terms.segments
    openings = terms.opening_segments
    excluded = deal.excluded[doc.doc_id]
    k = -1  # the last excluded span starting at or before the run (as Deal.is_excluded finds)
    tabular_lines: dict[int, bool] = {}  # _tabular is a property of the run's line
    for start, end in doc.runs:
        run = text[start:end]
        plain = plains.get(run)
        if plain is not None and not plain:
            continue  # at a sentence start the segments are a subset of these
        while k + 1 < len(excluded) and excluded[k + 1][0] <= start:
            k += 1
        if k >= 0 and start < excluded[k][1]:
            continue
        line_start = text.rfind("\n", 0, start) + 1
        tabular = tabular_lines.get(line_start)
        if tabular is None:
            tabular = tabular_lines[line_start] = _tabular(text, start)
        if tabular:
            continue
        if plain is None:
            # Worked out only where the run is read: headings and notices need none.
            skip = run.isupper() or terms.known(term_key(run))
            plain = () if skip else _segments(deal, terms, run, sentence_start=False)
            plains[run] = plain
            if not plain:
                continue
        segments = plain
        if start == 0 or _SENTENCE_END.search(text, max(0, start - 12), start):
            found = openings.get(run)
            if found is None:
                found = _segments(deal, terms, run, sentence_start=True)
                openings[run] = found
            segments = found
        for relative, head in segments:
            candidate = [(a + start, b + start, word, cut) for a, b, word, cut in relative]
            if candidate[0][0] in terms.pointer_starts or _INSTRUMENT.match(text, end):
                continue
            yield from _classify(deal, terms, doc, candidate, head)


def _segments(
    deal: Deal, terms: _Terms, run: str, *, sentence_start: bool
) -> tuple[tuple[list[_Word], int], ...]:
    """Uncovered segments of a run of capitalized words (offsets relative to the run)."""
    if " " not in run and "\n" not in run and "\t" not in run:
        return _single_segment(deal, terms, run, sentence_start=sentence_start)
    phrases = terms.phrases.get(run)
    if phrases is None:
        phrases = _split_possessives(_words(run, 0, len(run)))
        terms.phrases[run] = phrases
    out: list[tuple[list[_Word], int]] = []
    for index, phrase in enumerate(phrases):
        out.extend(_uncovered(deal, terms, phrase, sentence_start=sentence_start and index == 0))
    return tuple(out)


def _single_segment(
    deal: Deal, terms: _Terms, word: str, *, sentence_start: bool
) -> tuple[tuple[list[_Word], int], ...]:
    """:func:`_segments` of a run of one word (what :func:`_uncovered` makes of it)."""
    cut = (
        (2 if word.endswith(_POSSESSIVES) else 1)
        if word[-1] in _APOSTROPHES or word.endswith(_POSSESSIVES)
        else 0
    )
    bare = word[:-cut] if cut else word
    low = bare.lower()
    if (
        low in SMALL_WORDS
        or len(bare) == 1
        or _is_known(deal, terms, bare)
        or low in STARTERS
        or sentence_start
    ):
        return ()
    return (([(0, len(word) - cut, bare, bool(cut))], 0),)


def _tabular(text: str, at: int) -> bool:
    """True on a table line: a gap of five or more spaces between entries."""
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    line = text[line_start : line_end if line_end >= 0 else len(text)].strip()
    return "     " in line


def _upper(phrase: str) -> bool:
    return phrase.isupper() and sum(c.isalpha() for c in phrase) > 1


def _words(text: str, start: int, end: int) -> list[_Word]:
    """The words of a run: (start, end, word without possessive, possessive?)."""
    out: list[_Word] = []
    segment = text[start:end]
    pos = 0
    for word in segment.split():  # the runs of non-space characters, as r"\S+" finds them
        at = segment.find(word, pos)
        pos = at + len(word)
        if word[-1] in _APOSTROPHES or word.endswith(_POSSESSIVES):
            cut = 2 if word.endswith(_POSSESSIVES) else 1
            out.append((start + at, start + pos - cut, word[:-cut], True))
        else:
            out.append((start + at, start + pos, word, False))
    return out


def _split_possessives(words: list[_Word]) -> list[list[_Word]]:
    """Cut a run after each possessive word ("Company's Board" is two phrases)."""
    out: list[list[_Word]] = [[]]
    for word in words:
        out[-1].append(word)
        if word[3]:
            out.append([])
    return [part for part in out if part]


def _is_known(deal: Deal, terms: _Terms, phrase: str) -> bool:
    """Defined, introduced in a definition, or (for a phrase of several words) generic.

    A single generic word ("Escrow") does not cover a word of a longer name, so that
    "Initial Escrow Shares" is judged as a whole.
    """
    known = terms.known_phrases.get(phrase)
    if known is not None:
        return known
    key = term_key(phrase)
    cached = terms.cache.get(key)
    if cached is None:
        cached = terms.known(key) or key in terms.introduced or (" " in key and is_generic(phrase))
        terms.cache[key] = cached
    terms.known_phrases[phrase] = cached
    return cached


def _uncovered(
    deal: Deal, terms: _Terms, words: list[_Word], *, sentence_start: bool
) -> Iterator[tuple[list[_Word], int]]:
    """Segments of a run that no known phrase covers, each with the defined term that follows it.

    Yields ``(words, head)``: ``head`` is how many of the last words form a defined term
    that the segment modifies ("Additional" + "Debentures": head 1), or 0.
    """
    count = len(words)
    bare = [w[2] for w in words]
    lows = [b.lower() for b in bare]
    small = [low in SMALL_WORDS for low in lows]
    covered = [0] * count
    known_phrases = terms.known_phrases
    i = 0
    while i < count:
        if small[i] or len(bare[i]) == 1:
            covered[i] = -1
            i += 1
            continue
        for j in range(min(count, i + 7), i, -1):
            if small[j - 1]:
                continue
            phrase = " ".join(bare[i:j])
            known = known_phrases.get(phrase)
            if known is None:
                known = _is_known(deal, terms, phrase)
            if known:
                covered[i:j] = [j - i] * (j - i)
                i = j
                break
        else:
            if i == 0 and (lows[i] in STARTERS or sentence_start):
                covered[i] = -1
            i += 1
    if 0 not in covered:
        return
    i = 0
    while i < count:
        if covered[i] != 0:
            i += 1
            continue
        j = i
        while j < count and (
            covered[j] == 0 or (lows[j] in _JOIN and j + 1 < count and covered[j + 1] == 0)
        ):
            j += 1
        head = 0
        if (
            j < count
            and covered[j] > 0
            and terms.known(term_key(" ".join(bare[j : j + covered[j]])))
        ):
            head = covered[j]
        yield words[i : j + head], head
        i = j + head


def _classify(
    deal: Deal, terms: _Terms, doc: Document, part: list[_Word], head: int
) -> Iterator[tuple[str, int, int, str, str, str]]:
    text = doc.text
    phrase = " ".join(w[2] for w in part)
    key = term_key(phrase)
    start, end = part[0][0], part[-1][1]
    if _upper(phrase) or is_generic(phrase):
        return
    if len(part) == 1 and part[0][2] in ROLE_WORDS:
        yield (
            "PARTY-UNDEF",
            start,
            end,
            f'"{phrase}" names a party role that no document of the deal defines',
            "name the party meant (e.g. the Buyer or the Company)",
            key,
        )
        return
    if _INSTRUMENT.match(text, end):
        return
    if head:
        base = term_key(" ".join(w[2] for w in part[-head:]))
        modifiers = [w[2].lower() for w in part[:-head]]
        fuller = _fuller_term(terms, key)
        if fuller:
            yield (
                "TERM-MISMATCH",
                start,
                end,
                f'"{phrase}" is not a defined term; the defined term is "{fuller}"',
                f'use "{fuller}"',
                key,
            )
        elif _in_definiens(deal, base, modifiers):
            yield (
                "TERM-MISMATCH",
                start,
                end,
                f'"{phrase}" is not a defined term; "{_display(deal, base)}" is defined',
                f'use "{_display(deal, base)}"',
                key,
            )
        else:
            yield (
                "TERM-UNDEF",
                start,
                end,
                f'"{phrase}" is used as a defined term but is not defined; "{_display(deal, base)}" is',
                "define the term, or use the defined term that was meant",
                key,
            )
        return
    of_instrument = _OF_INSTRUMENT.match(text, end)
    if of_instrument and terms.known(term_key(of_instrument.group("t"))) and len(part) > 1:
        return
    if len(part) == 1 and key in terms.name_words:
        return
    preceded_by_the = text[max(0, start - 4) : start].lower() == "the "
    fuller = _fuller_term(terms, key) if len(part) > 1 else ""
    if fuller:
        yield (
            "TERM-MISMATCH",
            start,
            end,
            f'"{phrase}" is not a defined term; the defined term is "{fuller}"',
            f'use "{fuller}"',
            key,
        )
        return
    if len(part) == 1:
        typo = _typo(terms, key)
        if typo:
            yield (
                "TERM-TYPO",
                start,
                end,
                f'"{phrase}" looks like a misspelling of the defined term "{typo}"',
                f'write "{typo}"',
                key,
            )
            return
    if preceded_by_the or (len(part) > 1 and key.split()[-1] in _HEADS):
        yield (
            "TERM-UNDEF",
            start,
            end,
            f'"{phrase}" is used as a defined term but no document of the deal defines it',
            "define the term, or use the defined term that was meant",
            key,
        )


def _fuller_term(terms: _Terms, key: str) -> str:
    """The first defined term (in definition order) whose words include all of ``key``'s."""
    words = frozenset(key.split())
    if words:
        # Only terms holding every word qualify: walk the shortest list of those.
        lists = [terms.holding.get(word, ()) for word in words]
        ordered = terms.folded_items
        for index in min(lists, key=len):
            other, folded = ordered[index]
            if words < folded and len(folded) - len(words) <= 2:
                return _display(terms.deal, other)
        return ""
    for other, folded in terms.folded.items():
        if words < folded and len(folded) - len(words) <= 2:
            return _display(terms.deal, other)
    return ""


def _in_definiens(deal: Deal, head: str, modifiers: list[str]) -> bool:
    entries = (
        deal.defined.get(head)
        or deal.defined.get(singular_key(head))
        or deal.defined.get(f"{head}s")
        or []
    )
    for doc, definition in entries:
        body = doc.text[definition.body_start : definition.body_end].lower()
        if all(re.search(rf"\b{re.escape(m)}", body) for m in modifiers):
            return True
    return False


def _display(deal: Deal, key: str) -> str:
    entries = (
        deal.defined.get(key) or deal.defined.get(singular_key(key)) or deal.defined.get(f"{key}s")
    )
    if entries:
        term = entries[0][1].term
        return term.title() if term.isupper() and len(term) > 4 else term
    return key.title()


def _typo(terms: _Terms, key: str) -> str:
    if len(key) < 6:
        return ""
    for other in terms.words_by_initial.get(key[0], ()):
        if abs(len(other) - len(key)) > 1:
            continue
        if _one_edit(key, other):
            return _display(terms.deal, other)
    return ""


def _one_edit(a: str, b: str) -> bool:
    if a == b:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (
            len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))
