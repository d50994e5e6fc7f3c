"""Cross-references: ``Section 4(l)``, ``SECTION 2.3(A)``, ``Sections 1.3 and 1.4(g) of the
Debentures``, ``Exhibit "A"``, ``Schedule 3(c)``, ``Rule 144``, ``Section 12(g) of the 1934 Act``.

:func:`find_xrefs` reads each reference with its targets, the document it names (``of
the Registration Rights Agreement``) and its direction (``above``/``below``).
:func:`resolve` points each target at a section of this document, marks it as a part of
another document of the deal (checked later against that document), as external (an
Act, a rule, a form), or as unresolved, with a suggestion when a look-alike exists
("Section 4(1)" for 4(l), defect D-INS-1).

>>> [(r.text, [t.number for t in r.targets], r.document) for r in find_xrefs(
...     "Sections 1.3 and 1.4(g) of the Debentures and Section 12(g) of the 1934 Act")]
[('Sections 1.3 and 1.4(g) of the Debentures', ['1.3', '1.4(g)'], 'Debentures'), ('Section 12(g) of the 1934 Act', ['12(g)'], '1934 Act')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from dealbook.ingest.model import CrossRef
from dealbook.ingest.model import RefTarget
from dealbook.ingest.model import Resolution
from dealbook.ingest.model import Section
from dealbook.ingest.model import SectionKind
from dealbook.ingest.model import replaced
from dealbook.ingest.sectionmarks import roman_value

_NUM = r"\d{1,4}(?:[A-Za-z](?:-\d{1,3})?)?(?:\.\d{1,2})*(?:\s?\([A-Za-z0-9]{1,5}\))*(?![.\d]\d)"
_SEP = r"\s*(?:,\s*(?:and|or)?|and|or|through|to|-)\s*"
_REF = re.compile(
    rf"(?P<word>Sections?|SECTIONS?|Articles?|ARTICLES?|Exhibits?|EXHIBITS?|Schedules?|SCHEDULES?"
    rf"|Rules?|RULES?|Regulations?|Items?)\s+"
    rf"(?P<nums>(?:{_NUM}|[IVXLC]{{1,6}}\b|\"[A-Z0-9]{{1,3}}\"|[A-Z]{{1,2}}(?:-[A-Z0-9]{{1,3}})?\b)"
    rf"(?:{_SEP}(?:{_NUM}|[IVXLC]{{1,6}}\b|\"[A-Z0-9]{{1,3}}\"))*)"
)
_PART = re.compile(
    rf"{_NUM}|[IVXLC]{{1,6}}\b|\"[A-Z0-9]{{1,3}}\"|[A-Z]{{1,2}}(?:-[A-Z0-9]{{1,3}})?\b"
)
_OF_DOC = re.compile(
    r"\s+(?:of|under|in|to)\s+(?:the\s+|this\s+)?(?P<doc>(?:\d{4}\s+)?[A-Z][\w'-]*(?:\.\w+)*"
    r"(?:\s+(?:of\s+)?[A-Z0-9][\w'-]*(?:\.\w+)*){0,5})"
)
_DIRECTION = re.compile(
    r"\s*(?:hereof\s+|of\s+this\s+Agreement\s+)?\b(?P<dir>above|below|hereinafter|hereinabove)\b"
)
_EXTERNAL_DOC = re.compile(
    r"(?:\bAct\b|\bCode\b|Regulation|\bRules?\b|\bForm\b|Exchange\s+Act|Securities\s+Act|Bankruptcy)",
    re.IGNORECASE,
)
_SPACES = re.compile(r"\s+")
_THIS = re.compile(r"^(?:this\s+)?Agreement$|^hereof$", re.IGNORECASE)
_LOOKALIKE = str.maketrans({"1": "l", "l": "1", "0": "o", "o": "0", "I": "1"})


def find_xrefs(text: str) -> list[CrossRef]:
    """Every cross-reference in ``text`` with its targets (unresolved)."""
    refs: list[CrossRef] = []
    for match in _REF.finditer(text):
        if match.start() and (text[match.start() - 1].isalnum() or text[match.start() - 1] == "-"):
            continue
        word = match.group("word").lower().rstrip("s")
        kind = "rule" if word == "item" else word
        targets: list[RefTarget] = []
        nums_start = match.start("nums")
        for part in _PART.finditer(match.group("nums")):
            number = _SPACES.sub("", part.group(0)).strip('"')
            if kind == "section" and not number[:1].isdigit():
                continue
            targets.append(
                RefTarget(
                    kind=kind,
                    number=number,
                    start=nums_start + part.start(),
                    end=nums_start + part.end(),
                )
            )
        if not targets:
            continue
        end = match.end()
        document = ""
        of_doc = _OF_DOC.match(text, end)
        if of_doc and kind in ("section", "article", "exhibit", "schedule"):
            raw = of_doc.group("doc").rstrip(".")
            document = " ".join(raw.split())
            if _THIS.match(document):
                document = ""
            end = of_doc.start("doc") + len(raw)
        direction = ""
        found = _DIRECTION.match(text, end)
        if found and not document:
            direction = "above" if found.group("dir").endswith("above") else "below"
            end = found.end()
        refs.append(
            CrossRef(
                text=" ".join(text[match.start() : end].split()),
                start=match.start(),
                end=end,
                targets=tuple(targets),
                document=document,
                direction=direction,
            )
        )
    return _share_documents(text, refs)


def _share_documents(text: str, refs: list[CrossRef]) -> list[CrossRef]:
    """ "Section 13 or Section 15(d) of the Exchange Act": the document applies to both."""
    out = list(refs)
    for i in range(len(out) - 2, -1, -1):
        ref, after = out[i], out[i + 1]
        between = text[ref.end : after.start].strip()
        if not ref.document and after.document and between in (",", "or", "and", ", or", ", and"):
            out[i] = replaced(ref, document=after.document)
    return out


def section_key(number: str) -> str:
    """A comparable section number: case folded, no spaces, no trailing full stop."""
    return _SPACES.sub("", number).rstrip(".").casefold()


def index_sections(sections: Iterable[Section]) -> dict[tuple[str, str], int]:
    """Sections by ``(kind, key)``: ``("section", "4(l)")``, ``("article", "5")``."""
    out: dict[tuple[str, str], int] = {}
    for section in sections:
        if section.kind is SectionKind.SECTION:
            out.setdefault(("section", section_key(section.number)), section.index)
        elif section.kind is SectionKind.ARTICLE:
            out.setdefault(("article", str(roman_value(section.number))), section.index)
        elif section.kind in (SectionKind.SCHEDULE, SectionKind.EXHIBIT):
            kind, _, number = section.number.partition(" ")
            out.setdefault((kind.lower(), section_key(number)), section.index)
    return out


def resolve(refs: Iterable[CrossRef], sections: tuple[Section, ...]) -> list[CrossRef]:
    """Resolve each target within this document, or mark it other-document or external.

    References in the cover page and the table of contents are dropped: they list the
    agreement's parts rather than refer to them.
    """
    index = index_sections(sections)
    attached = {
        str(s.kind) for s in sections if s.kind in (SectionKind.SCHEDULE, SectionKind.EXHIBIT)
    }
    body = [s for s in sections if s.kind is not SectionKind.TOC]
    first = body[0].start if body else 0
    toc = [(s.start, s.end) for s in sections if s.kind is SectionKind.TOC]
    out: list[CrossRef] = []
    for ref in refs:
        if ref.start < first or any(a <= ref.start < b for a, b in toc):
            continue
        targets = tuple(_resolve_target(t, ref, index, attached=attached) for t in ref.targets)
        out.append(replaced(ref, targets=targets))
    return out


def lookup(index: dict[tuple[str, str], int], kind: str, number: str) -> int | None:
    """The section index of a target number of a kind, or None."""
    if kind == "article":
        value = roman_value(number)
        return index.get(("article", str(value))) if value else None
    return index.get((kind, section_key(number)))


def suggest(index: dict[tuple[str, str], int], kind: str, number: str) -> str:
    """A look-alike number that exists ("4(1)" -> "4(l)"), or ''."""
    key = section_key(number)
    inner = re.sub(r"\(([^)]*)\)", lambda m: "(" + m.group(1).translate(_LOOKALIKE) + ")", key)
    if inner != key and (kind, inner) in index:
        return inner
    children = sorted(k for (kd, k) in index if kd == kind and k.startswith(key + "."))
    if children:
        return children[0]
    return ""


def _resolve_target(
    target: RefTarget,
    ref: CrossRef,
    index: dict[tuple[str, str], int],
    *,
    attached: set[str],
) -> RefTarget:
    if target.kind in ("rule", "regulation"):
        return replaced(target, resolution=Resolution.EXTERNAL, doc=ref.document)
    if ref.document:
        if _EXTERNAL_DOC.search(ref.document) or ref.document[:4].isdigit():
            return replaced(target, resolution=Resolution.EXTERNAL, doc=ref.document)
        return replaced(target, resolution=Resolution.OTHER_DOCUMENT, doc=ref.document)
    found = lookup(index, target.kind, target.number)
    if found is not None:
        return replaced(target, resolution=Resolution.RESOLVED, section=found)
    if target.kind in ("exhibit", "schedule") and target.kind not in attached:
        return replaced(target, resolution=Resolution.OTHER_DOCUMENT, doc=target.kind)
    return replaced(
        target,
        resolution=Resolution.UNRESOLVED,
        suggestion=suggest(index, target.kind, target.number),
    )
