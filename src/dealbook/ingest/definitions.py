"""Defined terms in every form the seeds use, with the span of each definition's body.

* parenthetical: ``(the "Company")``, ``("Rule 144")``, ``(each, a "Funding Date")``,
  ``(the "Warrant Shares" and, collectively with ..., the "Securities")``;
* ``"X" means`` / ``"X" shall mean`` / ``"X" refer to`` (Hy-Tech §1.1, Insynq RRA §1(a));
* ``"X" shall have the meaning set forth in Section N`` (a reference, with its target);
* ``collectively referred to herein as the "X"``;
* pointers ``X (as defined in Section 4(l))`` and ``X (as defined in the Debentures)``.

Hy-Tech defines its terms in upper case ("ESCROW SHARES"); keys are case-folded so that
the uses "Escrow Shares" find them (:mod:`dealbook.ingest.terms`).

>>> text = 'the Company and each buyer (the "Buyers"). "Reserved Amount" means two times.'
>>> [(d.term, str(d.form)) for d in find_definitions(text)]
[('Buyers', 'parenthetical'), ('Reserved Amount', 'means')]
"""

from __future__ import annotations

import dataclasses
import re

from dealbook.ingest.model import Definition
from dealbook.ingest.model import DefinitionForm
from dealbook.ingest.scan import anchored_finditer
from dealbook.ingest.scan import ascii_lower
from dealbook.ingest.scan import find_cased
from dealbook.ingest.terms import term_key

_QUOTED = r'"(?P<term>[^"\n]{1,80}(?:\n[^"\n]{0,80})?)"'
_MEANS = re.compile(
    r'(?P<terms>"[^"\n]{1,80}(?:\n[^"\n]{0,80})?"(?:\s*(?:,|and|or)?\s*"[^"\n]{1,80}")*)'
    r"\s*,?\s*(?:\((?:[^()]|\([^()]*\)){0,250}\)\s*)?"
    r"(?:(?:of|for)\s+(?:the|a|any)\s+[A-Za-z][\w ]{0,40}?\s+)?"
    r"(?P<verb>(?:shall\s+)?(?:means?|mean\s+and\s+include|refers?\s+to|refer\s+to|include)\b"
    r"|(?:shall\s+have|has)\s+the\s+(?:respective\s+)?meanings?\s+(?:set\s+forth|given|ascribed|"
    r"assigned|provided)(?:\s+(?:to\s+)?(?:such\s+term|it|them))?\s+(?:in|under|to\s+it\s+in))",
    re.IGNORECASE,
)
_TERM_IN_LIST = re.compile(r'"([^"]{1,80})"')
_TARGET = re.compile(
    r"\s*(?P<target>(?:[^.;\n]|\.(?=\d)|\n(?![ \t]*\n))*?)(?=\.\s|\.$|;|\s+hereof|\s+hereto|\s+annexed)"
)
_PAREN_CLOSE = re.compile(r'"\s*\)')
_IN_PAREN = re.compile(
    r'(?:^|\bthe|\bthis|\ban?|\beach|,|\band|\bcollectively|\bherein\s+as|\bas|\bor|\bterms?|\()\s*"'
    r'(?P<term>[^"]{1,80})"',
    re.IGNORECASE,
)
_REFERRED_NEEDLES = (
    "referred",
    "Referred",
    "REFERRED",
    "hereinafter",
    "Hereinafter",
    "HEREINAFTER",
)
_REFERRED = re.compile(
    r"(?:referred|Referred|REFERRED|hereinafter|Hereinafter|HEREINAFTER)"
    r"(?i:\s+to\s+(?:herein\s+|hereinafter\s+)?as|\s+called|\s+referred\s+to\s+as)"
    r"\s+(?:the\s+)?" + _QUOTED
)
_POINTER = re.compile(
    r"\(\s*as\s+(?:such\s+term\s+is\s+|that\s+term\s+is\s+)?(?P<how>hereinafter\s+defined|defined)"
    r"(?P<rest>(?:[^()]|\([^()]{0,12}\)){0,160}?)\)"
)
_POINTER_TERM = re.compile(r"(?P<term>(?:[A-Z][\w'-]*|\d{4})(?:\s+(?:of\s+)?[A-Z][\w'-]*)*)\s*$")
_SCOPED = re.compile(r"purposes\s+of\s+this\s+definition", re.IGNORECASE)
_PARAGRAPH_END = re.compile(r"\n[ \t]*\n")
_SENTENCE_END = re.compile(r"\.(?=\s+[A-Z(\"])")
_ABBREVIATIONS = frozenset(
    ("Inc", "Ltd", "Corp", "Co", "Esq", "No", "Nos", "Mr", "Ms", "Dr", "Jr", "Sr", "St")
)
_NOT_TERM = re.compile(r"^(?:[A-Z]|\d+|[a-z].*)$")
_EXHIBIT_QUOTE = re.compile(r"(?:Exhibit|EXHIBIT|Schedule|SCHEDULE|Annex|Appendix)\s*$")


def find_definitions(text: str) -> list[Definition]:
    """Every definition and pointer in ``text``, in order of position."""
    found: dict[tuple[int, str], Definition] = {}
    for definition in (*_means(text), *_parenthetical(text), *_referred(text), *_pointers(text)):
        found.setdefault((definition.start, definition.key), definition)
    ordered = sorted(found.values(), key=lambda d: (d.start, d.key))
    return _trim_bodies(ordered)


def _trim_bodies(ordered: list[Definition]) -> list[Definition]:
    """End a ``means`` body where the next definition of the same paragraph begins."""
    out: list[Definition] = []
    count = len(ordered)
    for i, definition in enumerate(ordered):
        if definition.form in (DefinitionForm.MEANS, DefinitionForm.REFERENCE):
            for k in range(i + 1, count):
                later = ordered[k]
                if later.start >= definition.body_end:
                    break
                if (
                    later.form in (DefinitionForm.MEANS, DefinitionForm.REFERENCE)
                    and later.start > definition.body_start
                ):
                    definition = dataclasses.replace(
                        definition, body_end=max(definition.body_start, later.start - 1)
                    )
                    break
        out.append(definition)
    return out


def _clean(term: str) -> str:
    term = " ".join(term.split()).strip(" ,.;:")
    if term.lower().startswith("the ") and len(term) > 4:
        term = term[4:]
    return term


def _is_term(term: str) -> bool:
    """Capitalized or numbered terms; single letters and lower-case words are not defined terms."""
    return (bool(term) and not _NOT_TERM.match(term)) or (term[:1].isdigit() and " " in term)


def _opens_paragraph(text: str, pos: int) -> bool:
    """True when only blanks or an enumerator precede ``pos`` in its paragraph."""
    floor = max(0, pos - 300)
    ends = [m.end() for m in _PARAGRAPH_END.finditer(text, floor, pos)]
    start = ends[-1] if ends else floor
    lead = text[start:pos].strip()
    return not lead or bool(re.fullmatch(r"\(?[a-z0-9ivx]{1,5}[.)]", lead))


def _paragraph_end(text: str, pos: int) -> int:
    match = _PARAGRAPH_END.search(text, pos)
    return match.start() if match else len(text)


def _means(text: str) -> list[Definition]:
    out: list[Definition] = []
    for match in _MEANS.finditer(text):
        verb = match.group("verb").lower()
        reference = "meaning" in verb
        body_start = match.end()
        body_end = _paragraph_end(text, body_start)
        if not _opens_paragraph(text, match.start()):
            sentence = _SENTENCE_END.search(text, body_start, body_end)
            body_end = sentence.start() + 1 if sentence else body_end
        target = ""
        if reference:
            found = _TARGET.match(text, body_start, body_end)
            target = " ".join(found.group("target").split()) if found else ""
        scoped = bool(_SCOPED.search(text, max(0, match.start() - 60), match.start()))
        for quoted in _TERM_IN_LIST.finditer(text, match.start("terms"), match.end("terms")):
            raw = quoted.group(1)
            term = _clean(raw)
            if not term or (term[0].islower() and not scoped and "refer" not in verb):
                continue
            start = quoted.start(1)
            out.append(
                Definition(
                    term=term,
                    key=term_key(term),
                    form=DefinitionForm.REFERENCE if reference else DefinitionForm.MEANS,
                    start=start,
                    end=start + len(raw),
                    body_start=body_start,
                    body_end=body_end,
                    target=target,
                    scoped=scoped,
                )
            )
    return out


def _open_paren(text: str, close: int, floor: int) -> int:
    """Position of the ``(`` that ``text[close] == ')'`` closes, or -1."""
    depth = 0
    opening = text.rfind("(", floor, close + 1)
    closing = text.rfind(")", floor, close + 1)
    while opening >= 0 or closing >= 0:
        if closing > opening:
            depth += 1
            closing = text.rfind(")", floor, closing)
        else:
            depth -= 1
            if depth == 0:
                return opening
            opening = text.rfind("(", floor, opening)
    return -1


def _parenthetical(text: str) -> list[Definition]:
    out: list[Definition] = []
    for match in _PAREN_CLOSE.finditer(text):
        close = match.end() - 1
        opened = _open_paren(text, close, max(0, close - 1500))
        if opened < 0:
            continue
        content = text[opened + 1 : close]
        if re.match(r"\s*as\s+(?:hereinafter\s+)?defined", content):
            continue
        clause = _clause_start(text, opened)
        scoped = bool(_SCOPED.search(text, max(0, clause - 60), opened))
        for quoted in _IN_PAREN.finditer(content):
            if '"' in content[quoted.end() :].replace('"', "", 0) and not _trailing_ok(
                content, quoted.end()
            ):
                continue
            raw = quoted.group("term")
            term = _clean(raw)
            if not _is_term(term) or _EXHIBIT_QUOTE.search(content, 0, quoted.start("term") - 1):
                continue
            start = opened + 1 + quoted.start("term")
            out.append(
                Definition(
                    term=term,
                    key=term_key(term),
                    form=DefinitionForm.PARENTHETICAL,
                    start=start,
                    end=start + len(raw),
                    body_start=clause,
                    body_end=close + 1,
                    scoped=scoped,
                )
            )
    return out


def _trailing_ok(content: str, pos: int) -> bool:
    """A quoted term inside a parenthesis is a definition when only more definitions follow."""
    rest = content[pos:]
    return not rest.strip() or bool(re.match(r"\s*(?:and|or|,)", rest))


def _clause_start(text: str, pos: int) -> int:
    """Start of the clause that a parenthetical definition closes (at most 400 back)."""
    floor = max(0, pos - 400)
    last = floor
    for mark in ("; ", ";\n", ": ", ":\n", "\n\n"):
        at = text.rfind(mark, floor, pos)
        if at >= 0:
            last = max(last, at + len(mark))
    blanks = [m.end() for m in _PARAGRAPH_END.finditer(text, last, pos)]
    if blanks:
        last = blanks[-1]
    for mark in (" by and among ", " between "):
        at = text.rfind(mark, floor, pos)
        if at >= 0:
            last = max(last, at + len(mark))
    for mark in (". ", ".\n"):
        at = text.rfind(mark, last, pos)
        while at >= 0 and _abbreviation(text, at):
            at = text.rfind(mark, last, at)
        if at >= 0:
            last = max(last, at + len(mark))
    while last < pos and text[last] in " \t\n":
        last += 1
    return last


def _abbreviation(text: str, dot: int) -> bool:
    """True when the full stop at ``dot`` ends an abbreviation ("Inc.", "Ltd.", "P.")."""
    word_start = dot
    while word_start > 0 and text[word_start - 1].isalpha():
        word_start -= 1
    word = text[word_start:dot]
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isupper())


def _referred(text: str) -> list[Definition]:
    out: list[Definition] = []
    starts = find_cased(text, _REFERRED_NEEDLES, ascii_lower(text))
    for match in anchored_finditer(_REFERRED, text, starts):
        raw = match.group("term")
        term = _clean(raw)
        if not _is_term(term):
            continue
        clause = _clause_start(text, match.start())
        out.append(
            Definition(
                term=term,
                key=term_key(term),
                form=DefinitionForm.REFERRED_AS,
                start=match.start("term"),
                end=match.end("term"),
                body_start=clause,
                body_end=match.start(),
            )
        )
    return out


def _pointers(text: str) -> list[Definition]:
    out: list[Definition] = []
    for match in _POINTER.finditer(text):
        found = _POINTER_TERM.search(text, max(0, match.start() - 120), match.start())
        if found is None:
            continue
        words = found.group("term").split()
        while words and words[0].lower() in ("the", "a", "an", "any", "such", "each", "this"):
            words = words[1:]
        if not words:
            continue
        term = " ".join(words)
        rest = " ".join(match.group("rest").split())
        how = match.group("how").lower()
        if rest.lower().startswith("in "):
            target = rest[3:].strip()
        elif "hereinafter" in how or rest.lower() in ("below", "hereinafter", "herein"):
            target = "below"
        else:
            target = rest.strip() or "below"
        start = found.start("term") + found.group("term").index(words[0])
        out.append(
            Definition(
                term=term,
                key=term_key(term),
                form=DefinitionForm.POINTER,
                start=start,
                end=found.end("term"),
                body_start=match.start(),
                body_end=match.end(),
                target=target,
            )
        )
    return out
