"""Ledger list items validated one by one: located sub-documents and ledger diagnostic codes.

Each event (and each inline price) is validated by its own class, against a located view
of just that item, so a validator error resolves to the key or value inside the item.
The shared validator (:func:`dealbook.loading.validate.diagnostics_from`) reports deal-file
codes; :func:`ledger_codes` renames them to their ledger codes and adds ledger hints.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Sequence

from dealbook.core.diagnostics import Diagnostic
from dealbook.core.diagnostics import Severity
from dealbook.core.source import SourceSpan
from dealbook.loading.yamlsrc import LocatedDocument

_FROM_DEAL_CODES = {
    "DEAL-UNKNOWN-KEY": "LEDGER-UNKNOWN-FIELD",
    "DEAL-MISSING-FIELD": "LEDGER-MISSING-FIELD",
    "DEAL-TYPE": "LEDGER-TYPE",
    "DEAL-FLOAT-NUMBER": "LEDGER-FLOAT-NUMBER",
    "DEAL-NUMBER": "LEDGER-NUMBER",
    "DEAL-NEGATIVE": "LEDGER-NEGATIVE",
    "DEAL-DATE": "LEDGER-DATE",
    "DEAL-CHOICE": "LEDGER-CHOICE",
    "DEAL-FORMAT": "LEDGER-FORMAT",
}
_ID_HINT = "event ids are lower-case words joined by -, _ or . (e.g. inv-2003-01)"
_SLUG_HINT = "ids are lower-case words joined by - (e.g. ajw-partners)"
_FORMAT_HINTS = {
    "clause": "write `doc:section` with a document id of the deal, e.g. spa:4(h)",
    "time": "write the local time as HH:MM (24-hour), e.g. 14:30",
    "ratio": "write new:old, e.g. 1:20 for a one-for-twenty reverse split",
    **dict.fromkeys(("id", "voids", "for", "breach", "notice", "against", "offering"), _ID_HINT),
    **dict.fromkeys(("holder", "from", "to", "payer", "payee", "warrant", "tranche"), _SLUG_HINT),
}


def item_views(document: LocatedDocument, key: str, items: list[object]) -> list[LocatedDocument]:
    """One located sub-document per item of the list at ``key``, so validator paths resolve inside it."""
    count = len(items)
    values: list[dict[tuple[str | int, ...], tuple[int, int]]] = [{} for _ in range(count)]
    keys: list[dict[tuple[str | int, ...], tuple[int, int]]] = [{} for _ in range(count)]
    for table, groups in ((document.values, values), (document.keys, keys)):
        for path, position in table.items():
            if len(path) >= 2 and path[0] == key and isinstance(path[1], int) and path[1] < count:
                groups[path[1]][path[2:]] = position
    return [
        LocatedDocument(path=document.path, data=items[i], values=values[i], keys=keys[i])
        for i in range(count)
    ]


def ledger_codes(found: Sequence[Diagnostic]) -> list[Diagnostic]:
    """The validator's diagnostics under ledger codes, with hints for ledger patterns."""
    out: list[Diagnostic] = []
    for item in found:
        code = _FROM_DEAL_CODES.get(item.code, "LEDGER-VALUE")
        message = item.message.replace("unknown key", "unknown field").replace("Value error, ", "")
        field = message.split(":", 1)[0].rsplit(".", 1)[-1]
        hint = item.hint
        if code == "LEDGER-FORMAT":
            message = re.sub(
                r"String should match pattern '.*'$", "not in the expected form", message
            )
            hint = hint or _FORMAT_HINTS.get(field)
        elif code == "LEDGER-TYPE" and "valid string" in message:
            hint = hint or "quote the text so that it is not read as a number or a boolean"
        elif code == "LEDGER-VALUE":
            hint = hint or "docs/ledger.md gives the rules of each event type"
        elif code == "LEDGER-NUMBER":
            hint = hint or 'write digits with an optional decimal point, e.g. "2500.00"'
        out.append(dataclasses.replace(item, code=code, message=message, hint=hint))
    return out


def unknown_key(key: str, allowed: Sequence[str], span: SourceSpan) -> Diagnostic:
    """LEDGER-UNKNOWN-FIELD with a did-you-mean among the ``allowed`` keys."""
    close = difflib.get_close_matches(key, list(allowed), n=1, cutoff=0.6)
    hint = f"did you mean {close[0]!r}?" if close else "allowed here: " + ", ".join(allowed)
    return ledger_error("LEDGER-UNKNOWN-FIELD", f"unknown field {key!r}", span, hint)


def ledger_error(code: str, message: str, span: SourceSpan, hint: str | None = None) -> Diagnostic:
    """A located ledger error."""
    return Diagnostic(code=code, severity=Severity.ERROR, message=message, span=span, hint=hint)
