"""Signature blocks and per-holder allocations.

The Insynq and Amnis signature pages give, under each Buyer's name, its signer, its
residence, address, telephone and facsimile numbers and its "AGGREGATE SUBSCRIPTION
AMOUNT" (principal of Debentures, number of Warrants, purchase price); Hy-Tech lists
its Purchaser in the table of Schedule 1 (purchase price, number of debentures, warrant
shares and initial warrant shares). :func:`find_signature_blocks` reads the pages,
:func:`find_schedule_allocations` the table.

>>> page = ("AJW PARTNERS, LLC\\nBy:  SMS Group, LLC\\n\\n/s/Corey S. Ribotsky\\n- -----\\n"
...         "Corey S. Ribotsky\\nManager\\n\\nRESIDENCE:  Delaware\\n\\n"
...         "         Aggregate Principal Amount of Debentures:   $    60,000\\n")
>>> [(b.party, b.signer, b.signed, b.residence, b.allocation[0].amount) for b in find_signature_blocks(page, 0, len(page))]
[('AJW PARTNERS, LLC', 'Corey S. Ribotsky', True, 'Delaware', Decimal('60000'))]
"""

from __future__ import annotations

import re

from dealbook.core.numbers import dec
from dealbook.ingest.model import Allocation
from dealbook.ingest.model import SignatureBlock

_ENTITY_LINE = re.compile(
    r"^(?:[A-Z][A-Z0-9.,&'()-]*(?:\s+[A-Z0-9.,&'()-]+)+|[A-Z][\w.&'-]*(?:\s+[\w.,&'-]+)*\s+"
    r"(?:Inc\.|LLC|Ltd\.|Limited|Fund|LP|L\.P\.|Aktiengesellschaft|Corporation|AG)(?:,?\s*Ltd\.)?)$"
)
_NOT_ENTITY = re.compile(
    r"^(?:RESIDENCE|ADDRESS|AGGREGATE|IN WITNESS|NAME|TITLE|BY|COMPANY|PURCHASER|BUYER|"
    r"\[|REMAINDER|SIGNATURE)",
    re.IGNORECASE,
)
_SIGNED = re.compile(r"^/s/\s*(?P<name>.+)$")
_RULE = re.compile(r"^[-_ ]{6,}$")
_LABELLED = re.compile(
    r"^(?P<key>By|Name|Title|RESIDENCE|ADDRESS|Telephone|Phone|Tel|Facsimile|Fax|E-?mail)\s*:\s*(?P<value>.*)$",
    re.I,
)
_ATTENTION = re.compile(r"^(?:Attention|Attn)\b\.?:?\s*(?P<value>\S.*)$", re.I)
_ALLOCATION = re.compile(
    r"^(?P<label>(?:Aggregate\s+)?(?:Principal\s+Amount[^:]*|Number\s+of\s+Warrants|Purchase\s+Price|"
    r"Subscription\s+Amount)[^:]*):\s*(?P<dollar>\$)?\s*(?P<n>[\d,]+(?:\.\d+)?)\s*$",
    re.IGNORECASE,
)
_DASH_RUN = re.compile(r"-{3,}")
_CELL = re.compile(r"\S+(?: \S+)*")


def find_signature_blocks(text: str, start: int, end: int) -> list[SignatureBlock]:
    """Signature blocks on the signature pages between ``start`` and ``end``."""
    lines = _lines(text, start, end)
    blocks: list[list[tuple[int, str]]] = []
    for pos, raw in lines:
        line = raw.strip()
        if not line:
            if blocks:
                blocks[-1].append((pos, ""))
            continue
        if _ENTITY_LINE.match(line) and not _NOT_ENTITY.match(line):
            blocks.append([])
        if blocks:
            blocks[-1].append((pos + raw.index(line[0]), line))
    return [block for block in (_block(b) for b in blocks) if block is not None]


def _lines(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """``(offset, line)`` for each line between ``start`` and ``end``."""
    out: list[tuple[int, str]] = []
    pos = start
    for line in text[start:end].split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def _block(lines: list[tuple[int, str]]) -> SignatureBlock | None:
    content = [(pos, line) for pos, line in lines if line]
    if not content:
        return None
    start, party = content[0]
    fields: dict[str, str] = {}
    address: list[str] = []
    allocation: list[Allocation] = []
    signed_as = ""
    after_rule: list[str] = []
    in_address = False
    rule_seen = False
    for pos, line in content[1:]:
        signed = _SIGNED.match(line)
        labelled = _LABELLED.match(line)
        amount = _ALLOCATION.match(line)
        attention = _ATTENTION.match(line)
        if attention:
            fields.setdefault("attention", " ".join(attention.group("value").split()))
        elif signed:
            signed_as = " ".join(signed.group("name").split())
            in_address = False
        elif _RULE.match(line):
            rule_seen = True
            in_address = False
        elif amount:
            allocation.append(_allocation(amount, pos, line))
            in_address = False
        elif labelled:
            key = labelled.group("key").lower()
            value = " ".join(labelled.group("value").split())
            key = {
                "phone": "telephone",
                "tel": "telephone",
                "facsimile": "fax",
                "e-mail": "email",
            }.get(key, key)
            if key == "address":
                in_address = True
                inner = _ATTENTION.match(value)
                if inner:
                    fields.setdefault("attention", " ".join(inner.group("value").split()))
                elif value:
                    address.append(value)
            else:
                fields.setdefault(key, value)
                in_address = in_address and key in ("telephone", "fax", "email")
        elif in_address and not (line.isupper() and line.endswith(":")):
            address.append(" ".join(line.split()))
        elif in_address:
            in_address = False
        elif rule_seen and len(after_rule) < 2 and not line.isupper():
            after_rule.append(" ".join(line.split()))
    end_pos, end_line = content[-1]
    signer = fields.get("name") or (after_rule[0] if after_rule else "")
    title = fields.get("title") or (after_rule[1] if len(after_rule) > 1 else "")
    return SignatureBlock(
        party=" ".join(party.split()),
        start=start,
        end=end_pos + len(end_line),
        by=fields.get("by", ""),
        signer=signer,
        title=title,
        signed=bool(signed_as),
        signed_as=signed_as,
        residence=fields.get("residence", ""),
        attention=fields.get("attention", ""),
        address=tuple(address),
        telephone=fields.get("telephone", ""),
        fax=fields.get("fax", ""),
        email=fields.get("email", ""),
        allocation=tuple(allocation),
    )


def _allocation(match: re.Match[str], pos: int, line: str) -> Allocation:
    label = " ".join(match.group("label").split())
    number = match.group("n")
    is_money = bool(match.group("dollar")) or "price" in label.lower() or "amount" in label.lower()
    return Allocation(
        label=label,
        start=pos,
        end=pos + len(line),
        amount=dec(number) if is_money else None,
        count=None if is_money else int(number.replace(",", "").split(".")[0]),
    )


def find_schedule_allocations(text: str, start: int, end: int) -> list[SignatureBlock]:
    """Holders listed in a schedule table (Hy-Tech Schedule 1), with their columns.

    EDGAR tables underline their header with runs of dashes, one run per column; the
    runs give the column spans, so that two-line headings ("No. of" / "Debentures")
    and the values of each row are read by column.
    """
    lines = _lines(text, start, end)
    rules = [
        i
        for i, (_, raw) in enumerate(lines)
        if len(_DASH_RUN.findall(raw)) >= 2 and _RULE.match(raw.strip())
    ]
    if len(rules) < 2:
        return []
    columns = [(m.start(), m.end()) for m in _DASH_RUN.finditer(lines[rules[0]][1])]
    headers = [""] * len(columns)
    for _, raw in lines[rules[0] + 1 : rules[1]]:
        for col, cell in _cells(raw, columns):
            headers[col] = f"{headers[col]} {cell}".strip()
    out: list[SignatureBlock] = []
    for index in range(rules[1] + 1, len(lines)):
        pos, raw = lines[index]
        if not raw.strip() or _RULE.match(raw.strip()):
            if out:
                break
            continue
        cells = dict(_cells(raw, columns))
        if 0 not in cells or len(cells) < 2:
            continue
        at = pos + raw.index(cells[0][0])
        items: list[Allocation] = []
        for col in range(1, len(columns)):
            value = cells.get(col, "").replace("$", "").strip()
            if not re.fullmatch(r"[\d,]+(?:\.\d+)?", value):
                continue
            money = "$" in cells.get(col, "") or "price" in headers[col].lower()
            items.append(
                Allocation(
                    label=headers[col] or f"column {col + 1}",
                    start=at,
                    end=pos + len(raw.rstrip()),
                    amount=dec(value) if money else None,
                    count=None if money else int(value.replace(",", "").split(".")[0]),
                )
            )
        out.append(
            SignatureBlock(
                party=cells[0],
                start=at,
                end=pos + len(raw.rstrip()),
                address=tuple(_following_lines(lines, pos)),
                allocation=tuple(items),
                source="schedule",
            )
        )
    return out


def _cells(raw: str, columns: list[tuple[int, int]]) -> list[tuple[int, str]]:
    """Text runs of a table line, each assigned to the column its first character falls in."""
    out: list[tuple[int, str]] = []
    for match in _CELL.finditer(raw):
        col = 0
        for i, (col_start, _) in enumerate(columns):
            if match.start() >= col_start - 2:
                col = i
        out.append((col, match.group(0)))
    merged: dict[int, str] = {}
    for col, cell in out:
        merged[col] = f"{merged[col]} {cell}".strip() if col in merged else cell
    return sorted(merged.items())


def _following_lines(lines: list[tuple[int, str]], pos: int) -> list[str]:
    out: list[str] = []
    seen = False
    for line_pos, raw in lines:
        if line_pos == pos:
            seen = True
            continue
        if not seen:
            continue
        stripped = raw.strip()
        if not stripped or _RULE.match(stripped):
            break
        out.append(" ".join(stripped.split()))
    return out
