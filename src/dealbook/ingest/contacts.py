"""Notice addresses: the "If to the Company:" / "With a copy to:" blocks of the notices clause.

Insynq SPA §8(f), Insynq RRA §11(b), Amnis §8(f) and Hy-Tech §7.3 list, for each
recipient, a name, street address, attention line and telephone, facsimile and e-mail
numbers. The same law firm appears in both Insynq agreements with two different
telephone numbers (D-INS-8), which lint finds by comparing these blocks across the
documents of a deal.

>>> text = "If to the Company:\\n\\n    Insynq, Inc.\\n    Attention:  John P. Gorst\\n    Telephone:  (253) 284-2000\\n"
>>> [(c.role, c.name, c.attention, c.telephone) for c in find_contacts(text, 0, len(text))]
[('company', 'Insynq, Inc.', 'John P. Gorst', '(253) 284-2000')]
"""

from __future__ import annotations

import re

from dealbook.ingest.model import Contact
from dealbook.ingest.scan import finditer_lines

_LABEL = re.compile(
    r"^[ \t]*(?P<label>If\s+to\s+(?:the\s+|a\s+|an\s+|any\s+)?(?P<who>[A-Za-z][\w ]{0,30}?)|"
    r"With\s+(?:a\s+)?cop(?:y|ies)\s+to)\s*:[ \t]*(?P<rest>[^\n]*)$",
    re.MULTILINE | re.IGNORECASE,
)
_FIELD = re.compile(
    r"^(?P<key>Attention|Attn\.?|Telephone|Tel\.?|Phone|Facsimile|Fax|Telecopier|E-?mail)\s*:?\s*(?P<value>.*)$",
    re.IGNORECASE,
)
_ORG = re.compile(
    r"\b(?:Inc\.?|LLP|LLC|Ltd\.?|Limited|Corporation|Company|P\.C\.|L\.P\.|Fund|Group)\b"
)
_PHONE = re.compile(r"[\d(][\d() .+-]{6,}\d")
_ROLE_WORDS = {
    "company": "company",
    "buyer": "investor",
    "buyers": "investor",
    "purchaser": "investor",
    "purchasers": "investor",
    "investor": "investor",
    "investors": "investor",
    "holder": "investor",
    "escrow agent": "escrow-agent",
}


def find_contacts(text: str, start: int, end: int) -> list[Contact]:
    """The notice address blocks between ``start`` and ``end`` (the notices section)."""
    labels = list(finditer_lines(_LABEL, text, ("if", "with"), start, end))
    contacts: list[Contact] = []
    role = ""
    for i, label in enumerate(labels):
        who = (label.group("who") or "").strip().lower()
        if who:
            role = _ROLE_WORDS.get(who, who.replace(" ", "-"))
            block_role = role
        else:
            block_role = f"copy-to-{role}" if role else "copy"
        limit = labels[i + 1].start() if i + 1 < len(labels) else end
        lines = _block_lines(text, label, limit)
        if not lines:
            continue
        contacts.append(_contact(block_role, lines))
    return contacts


def _block_lines(text: str, label: re.Match[str], limit: int) -> list[tuple[int, str]]:
    """The lines of the block after a label: the rest of the label line and what follows."""
    lines: list[tuple[int, str]] = []
    rest = label.group("rest").strip()
    if rest:
        lines.append((label.start("rest"), rest))
    pos = label.end() + 1
    started = bool(lines)
    while pos < limit:
        line_end = text.find("\n", pos, limit)
        line_end = limit if line_end < 0 else line_end
        raw = text[pos:line_end]
        stripped = raw.strip()
        if not stripped:
            if started:
                break
        elif stripped.lower().startswith("its successors"):
            pass
        else:
            if len(stripped) > 90 or (stripped[:1].islower() and not _FIELD.match(stripped)):
                break
            indent = len(raw) - len(raw.lstrip())
            if not started and indent == 0 and len(stripped) > 60:
                break
            lines.append((pos + indent, stripped))
            started = True
        pos = line_end + 1
    return lines


def _contact(role: str, lines: list[tuple[int, str]]) -> Contact:
    fields: dict[str, str] = {}
    address: list[str] = []
    name = ""
    for _, line in lines:
        field = _FIELD.match(line)
        if field:
            key = field.group("key").lower().rstrip(".")
            value = " ".join(field.group("value").split())
            if key.startswith("att"):
                fields.setdefault("attention", value)
            elif key in ("telephone", "tel", "phone"):
                fields.setdefault("telephone", value)
            elif key in ("facsimile", "fax", "telecopier"):
                fields.setdefault("fax", value)
            else:
                fields.setdefault("email", value)
            continue
        clean = " ".join(line.split())
        if clean.lower().startswith(("to the", "see ")):
            address.append(clean)
            break
        if (
            not name
            and not address
            and (_ORG.search(clean) or not any(ch.isdigit() for ch in clean))
        ):
            name = clean.rstrip(",")
        else:
            address.append(clean)
    if name.endswith((", or", " or")):
        name = name.rsplit(",", 1)[0].rstrip(" ,")
    start = lines[0][0]
    end = lines[-1][0] + len(lines[-1][1])
    return Contact(
        role=role,
        name=name,
        start=start,
        end=end,
        attention=fields.get("attention", ""),
        address=tuple(a for a in address if not a.lower().startswith("its successors")),
        telephone=fields.get("telephone", ""),
        fax=fields.get("fax", ""),
        email=fields.get("email", ""),
    )


def phone_digits(number: str) -> str:
    """The digits of a telephone or fax number, for comparison ("(215) 864-8625" -> "2158648625").

    >>> phone_digits("011-42-32323196")
    '0114232323196'
    """
    match = _PHONE.search(number)
    return re.sub(r"\D", "", match.group(0)) if match else ""
