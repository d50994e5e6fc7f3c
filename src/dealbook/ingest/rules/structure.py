"""Structure rules: numbering, table of contents, parentheses and quotes, placeholders, artefacts.

* NUM-GAP / NUM-DUP: sibling sections skip or repeat a number.
* TOC-MISMATCH: Hy-Tech's table of contents says "PURCHASE AND SALE OF DEBENTURE" and
  "4.26 SELLING RESTRICTIONS; SHORT SALES"; the body says "PURCHASE AND SALE OF
  CONVERTIBLE DEBENTURES" and "4.26 SHORT SALES" (D-HYT-24).
* PAREN / QUOTE: the "Registrable Securities" definition has a stray ")" (D-RRA-1);
  the "(including" of RRA §2(c)(ii) is never closed (D-RRA-2).
* PLACEHOLDER: "[__]", "[insert ...]", "TBD", "$_____" left in the text.
* ENC-ARTEFACT: "Company*s" (D-HYT-28), replacement characters, mojibake, underline
  runs inside a sentence ("without -------- ------- the prior approval", D-INS-18).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from dealbook.core.diagnostics import Diagnostic
from dealbook.ingest.document import Document
from dealbook.ingest.model import Section
from dealbook.ingest.model import SectionKind
from dealbook.ingest.normalize import RepairKind
from dealbook.ingest.rules.context import Deal
from dealbook.ingest.rules.context import diagnostic
from dealbook.ingest.scan import find_all
from dealbook.ingest.scan import find_any
from dealbook.ingest.sectionmarks import roman_value
from dealbook.ingest.xrefs import section_key

_LIST_CLOSER = re.compile(r"(?:^|[\s(])[a-zA-Z0-9]{1,4}$")
_PLACEHOLDER = re.compile(
    r"\[\s*(?:_{2,}|\.{3,}|\u2022|\u25cf|\*{1,3}|(?i:insert|tbd|to\s+come|name|date|amount|number)[^\]\n]{0,40}|\s)\s*\]"
    r"|TBD\b|TBA\b|\$\s*_{3,}|_{4,}(?=[\s.,;])"
)
_PLACEHOLDER_HINTS = (
    "[_",
    "[.",
    "[ ",
    "[*",
    "[i",
    "[I",
    "[t",
    "[T",
    "[n",
    "[N",
    "[d",
    "[D",
    "[a",
    "[A",
    "[\u2022",
    "[\u25cf",
    "TBD",
    "TBA",
    "$_",
    "$ _",
    " ____",
)
_ARTEFACT = re.compile(
    r"\ufffd|\u00c3[\u0080-\u00bf]|\u00e2\u20ac[\u0080-\u00ff\u2122\u0153\u009d\u201c\u201d]"
    r"|&(?:amp|nbsp|quot|lt|gt|#\d{2,5});"
    r"|[ \t]-{4,}(?:[ \t]+-{4,})*[ \t]+(?=[a-z])"
)
_DASHES = re.compile(r"-{4,}(?:[ \t]+-{4,})*(?=[ \t]+[a-z])")
_NORM_HEADING = re.compile(r"[^A-Z0-9]+")


def _label(section: Section, ordinal: int) -> str:
    style = section.style
    if "roman" in style.lower():
        text = _to_roman(ordinal)
        return text.upper() if "Roman" in style else text
    if "letter" in style.lower():
        return chr(64 + ordinal) if "Letter" in style else chr(96 + ordinal)
    return str(ordinal)


def _to_roman(value: int) -> str:
    out = ""
    for number, numeral in ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while value >= number:
            out += numeral
            value -= number
    return out


def check_numbering(deal: Deal) -> Iterator[Diagnostic]:
    """NUM-GAP and NUM-DUP among sibling sections of the same numbering style."""
    for doc in deal.docs:
        siblings: dict[tuple[int | None, str], list[Section]] = defaultdict(list)
        for section in doc.sections:
            if section.kind in (SectionKind.SECTION, SectionKind.ARTICLE) and section.ordinal:
                siblings[(section.parent, section.style)].append(section)
        for group in siblings.values():
            previous = 0
            for section in group:
                if section.ordinal == previous:
                    yield diagnostic(
                        doc,
                        "NUM-DUP",
                        section.start,
                        section.start + len(section.label),
                        f"section {section.number} repeats the number of the section before it",
                    )
                elif section.ordinal > previous + 1:
                    missing = ", ".join(
                        _label(section, n) for n in range(previous + 1, section.ordinal)
                    )
                    yield diagnostic(
                        doc,
                        "NUM-GAP",
                        section.start,
                        section.start + len(section.label),
                        f"section {section.number} follows a gap in the numbering: {missing} missing",
                    )
                previous = section.ordinal


def _norm_heading(text: str) -> str:
    return " ".join(_NORM_HEADING.sub(" ", text.upper().replace("&", " AND ")).split())


def check_toc(deal: Deal) -> Iterator[Diagnostic]:
    """TOC-MISMATCH: each table-of-contents entry against the heading in the body."""
    for doc in deal.docs:
        if not doc.toc.entries:
            continue
        by_number: dict[str, Section] = {}
        for section in doc.sections:
            if section.kind is SectionKind.ARTICLE:
                by_number.setdefault(f"article {roman_value(section.number)}", section)
            elif section.kind is SectionKind.SECTION:
                by_number.setdefault(section_key(section.number), section)
        for entry in doc.toc.entries:
            if entry.number.startswith("Article"):
                key = f"article {roman_value(entry.number.split()[-1])}"
            else:
                key = section_key(entry.number)
            found = by_number.get(key)
            if found is None:
                yield diagnostic(
                    doc,
                    "TOC-MISMATCH",
                    entry.start,
                    entry.end,
                    f"the table of contents lists {entry.number} {entry.title!r}, which the body does not have",
                )
                continue
            if _norm_heading(entry.title) != _norm_heading(found.heading):
                line = doc.line_range(found.start, found.start + 1)[0]
                yield diagnostic(
                    doc,
                    "TOC-MISMATCH",
                    entry.start,
                    entry.end,
                    f"table of contents: {entry.number} {entry.title!r}; heading at line {line}: {found.heading!r}",
                    hint="make the table of contents match the heading",
                )


def _own_text(doc: Document, index: int) -> tuple[int, int]:
    sections = doc.sections
    section = sections[index]
    end = section.end
    for k in range(index + 1, len(sections)):
        later = sections[k]
        if later.start >= section.end:
            break
        if later.parent == index:
            end = min(end, later.start)
            break
    return section.start, end


def check_parentheses(deal: Deal) -> Iterator[Diagnostic]:
    """PAREN and QUOTE within the own text of each section."""
    for doc in deal.docs:
        for section in doc.sections:
            if section.kind in (SectionKind.TOC, SectionKind.SIGNATURES):
                continue
            start, end = _own_text(doc, section.index)
            yield from _parens(doc, section, start, end)
            if section.depth == 0:
                count = doc.text.count('"', section.start, section.end)
                if count % 2:
                    at = doc.text.rfind('"', section.start, section.end)
                    yield diagnostic(
                        doc,
                        "QUOTE",
                        at,
                        at + 1,
                        f"section {section.number} has an odd number of double quotes ({count})",
                    )


def _parens(doc: Document, section: Section, start: int, end: int) -> Iterator[Diagnostic]:
    stack: list[int] = []
    text = doc.text
    for at in find_any(text, "()", start, end):
        if text[at] == "(":
            stack.append(at)
        elif stack:
            stack.pop()
        elif not _LIST_CLOSER.search(text, max(start, at - 6), at):
            yield diagnostic(
                doc,
                "PAREN",
                at,
                at + 1,
                f"unbalanced parentheses in section {section.number}: this ')' closes nothing",
                hint="remove the stray ')' or add the '(' it closes",
            )
    for at in stack[:1]:
        yield diagnostic(
            doc,
            "PAREN",
            at,
            at + 1,
            f"unbalanced parentheses in section {section.number}: this '(' is never closed",
            hint=f"close the parenthesis; it is open for {len(doc.text[at:end].split())} words",
        )


def check_placeholders(deal: Deal) -> Iterator[Diagnostic]:
    """PLACEHOLDER: drafting placeholders outside the signature pages."""
    for doc in deal.docs:
        text = doc.text
        starts = sorted(
            {a for needle in ("[", "TBD", "TBA", "$", "____") for a in find_all(text, needle)}
        )
        last_end = -1
        for at in starts:
            if at < last_end:
                continue
            match = _PLACEHOLDER.match(text, at)
            if match is None:
                continue
            if deal.is_excluded(doc, at) or (
                at and text[at - 1].isalnum() and match.group(0)[0] != "$"
            ):
                continue
            if match.group(0)[0] == "_" and at and text[at - 1] not in " \t\n":
                continue
            last_end = match.end()
            yield diagnostic(
                doc,
                "PLACEHOLDER",
                at,
                match.end(),
                f"placeholder left in the text: {match.group(0).strip()!r}",
            )


def check_artefacts(deal: Deal) -> Iterator[Diagnostic]:
    """ENC-ARTEFACT: repaired apostrophes and other conversion artefacts."""
    for doc in deal.docs:
        for repair in doc.repairs:
            if repair.kind is RepairKind.APOSTROPHE:
                word = _word_at(doc.text, repair.start)
                yield diagnostic(
                    doc,
                    "ENC-ARTEFACT",
                    repair.start,
                    repair.end,
                    f"asterisk in place of an apostrophe: {word.replace(chr(39), '*')!r} (read as {word!r})",
                    hint="replace the asterisk with an apostrophe",
                )
        text = doc.text
        starts = sorted(
            {
                a
                for needle in ("\ufffd", "\u00c3", "\u00e2\u20ac", "&", "----")
                for a in find_all(text, needle)
            }
        )
        last_end = -1
        for at in starts:
            if at < last_end:
                continue
            begin = at
            if text[at] == "-":
                begin = at
                while begin > 0 and text[begin - 1] in " \t-":
                    begin -= 1
                if (
                    at - begin < 1
                    or text[begin:at].strip(" \t")
                    or (not text[begin - 1 : begin].islower() and text[begin - 1 : begin] != ",")
                ):
                    last_end = at + 4
                    continue
                match = _DASHES.match(text, at)
            else:
                match = _ARTEFACT.match(text, at)
            if match is None:
                continue
            last_end = match.end()
            if deal.is_excluded(doc, at):
                continue
            found = " ".join(match.group(0).split())
            yield diagnostic(
                doc,
                "ENC-ARTEFACT",
                at,
                match.end(),
                f"conversion artefact in the text: {found!r}",
            )


def _word_at(text: str, pos: int) -> str:
    start = pos
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "'"):
        start -= 1
    end = pos + 1
    while end < len(text) and text[end].isalpha():
        end += 1
    return text[start:end]
