"""Turn pydantic validation errors into located diagnostics with fix hints.

The term classes validate the located YAML data; each error's location (a tuple of
field names and list indexes, possibly with union tags) is mapped back to the
``path:line:col`` of the offending key or value. Unknown keys get a did-you-mean hint
computed from the fields the model allows at that place.
"""

from __future__ import annotations

import dataclasses
import difflib
import enum
import types
import typing
from typing import Any

from pydantic import ValidationError

from dealbook.core.diagnostics import Diagnostic
from dealbook.core.diagnostics import Severity
from dealbook.loading.yamlsrc import LocatedDocument

_CODE_BY_TYPE = {
    "unexpected_keyword_argument": "DEAL-UNKNOWN-KEY",
    "extra_forbidden": "DEAL-UNKNOWN-KEY",
    "missing": "DEAL-MISSING-FIELD",
    "missing_keyword_argument": "DEAL-MISSING-FIELD",
    "float_literal": "DEAL-FLOAT-NUMBER",
    "number_text": "DEAL-NUMBER",
    "negative": "DEAL-NEGATIVE",
    "greater_than_equal": "DEAL-NEGATIVE",
    "percent_range": "DEAL-PERCENT-RANGE",
    "date_format": "DEAL-DATE",
    "date_invalid": "DEAL-DATE",
    "month_format": "DEAL-FORMAT",
    "duration": "DEAL-FORMAT",
    "lines": "DEAL-FORMAT",
    "string_pattern_mismatch": "DEAL-FORMAT",
    "literal_error": "DEAL-CHOICE",
    "enum": "DEAL-CHOICE",
    "union_tag_invalid": "DEAL-CHOICE",
    "union_tag_not_found": "DEAL-MISSING-FIELD",
    "shares": "DEAL-TYPE",
    "text": "DEAL-TYPE",
    "string_type": "DEAL-TYPE",
    "int_type": "DEAL-TYPE",
    "int_parsing": "DEAL-TYPE",
    "bool_type": "DEAL-TYPE",
    "bool_parsing": "DEAL-TYPE",
    "dict_type": "DEAL-TYPE",
    "dataclass_type": "DEAL-TYPE",
    "dataclass_args_type": "DEAL-TYPE",
    "tuple_type": "DEAL-TYPE",
    "list_type": "DEAL-TYPE",
    "model_type": "DEAL-TYPE",
    "too_short": "DEAL-VALUE",
    "time_parsing": "DEAL-FORMAT",
    "time_type": "DEAL-FORMAT",
}

_HINTS = {
    "DEAL-FLOAT-NUMBER": 'quote it, e.g. "{text}", so it is read exactly',
    "DEAL-DATE": "write a real date as YYYY-MM-DD",
    "DEAL-NEGATIVE": "amounts are non-negative; the payer and payee give the direction",
    "DEAL-PERCENT-RANGE": 'write a fraction ("0.02") or a percentage ("2%")',
    "DEAL-MISSING-FIELD": "add `{field}:` to this mapping",
}


def diagnostics_from(
    error: ValidationError, document: LocatedDocument, root: type
) -> list[Diagnostic]:
    """Located diagnostics for every error pydantic found (one pass, all errors)."""
    out: list[Diagnostic] = []
    seen: set[tuple[str, int, int, str]] = set()
    errors = error.errors()
    nested = [tuple(item["loc"]) for item in errors]
    for item in errors:
        loc = tuple(item["loc"])
        kind = str(item["type"])
        if kind == "too_short" and any(
            len(other) > len(loc) and other[: len(loc)] == loc for other in nested
        ):
            continue  # the items themselves failed; report those instead
        code = _CODE_BY_TYPE.get(kind, "DEAL-VALUE")
        path = document.resolve(loc)
        message = str(item["msg"])
        hint: str | None = None
        if code == "DEAL-UNKNOWN-KEY":
            key = str(loc[-1])
            span = document.key_span(path)
            allowed = allowed_keys(root, loc[:-1])
            close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
            message = f"unknown key {key!r}"
            if close:
                hint = f"did you mean {close[0]!r}?"
            elif allowed:
                hint = "allowed here: " + ", ".join(sorted(allowed))
        elif code == "DEAL-MISSING-FIELD":
            field = str(loc[-1])
            parent = document.resolve(loc[:-1])
            span = document.value_span(parent)
            message = (
                f"missing required field {field!r}"
                if kind != "union_tag_not_found"
                else "missing `kind:`"
            )
            hint = _HINTS[code].format(field=field if kind != "union_tag_not_found" else "kind")
        else:
            span = document.value_span(path)
            context = item.get("ctx") or {}
            if code == "DEAL-CHOICE" and ("expected" in context or "expected_tags" in context):
                hint = f"use one of: {context.get('expected') or context.get('expected_tags')}"
                if kind == "union_tag_invalid":
                    message = f"unknown kind {context.get('tag')!r}"
            elif code in _HINTS:
                hint = _HINTS[code].format(text=context.get("text", ""), field="")
            where = ".".join(str(p) for p in path)
            message = f"{where}: {message}" if where else message
        signature = (code, span.line, span.col, message)
        if signature in seen:
            continue
        seen.add(signature)
        out.append(
            Diagnostic(code=code, severity=Severity.ERROR, message=message, span=span, hint=hint)
        )
    return out


def allowed_keys(root: type, loc: tuple[Any, ...]) -> list[str]:
    """Field names the model accepts at ``loc`` (walking dataclass field types)."""
    current: Any = root
    for element in loc:
        current = _step(current, element)
        if current is None:
            return []
    classes = _dataclasses_in(current)
    return sorted({f.name for cls in classes for f in dataclasses.fields(cls)})


def _step(tp: Any, element: Any) -> Any:
    for cls in _dataclasses_in(tp):
        if isinstance(element, str):
            tag = _tag(cls)
            if tag == element:
                return cls
            hints = typing.get_type_hints(cls, include_extras=True)
            if element in hints:
                return hints[element]
    if isinstance(element, int):
        for inner in _members(tp):
            origin = typing.get_origin(inner)
            if origin in (tuple, list):
                args = typing.get_args(inner)
                return args[0] if args else None
        return tp
    return None


def _tag(cls: type) -> str | None:
    hints = typing.get_type_hints(cls)
    kind = hints.get("kind")
    if kind is not None and typing.get_origin(kind) is typing.Literal:
        return str(typing.get_args(kind)[0])
    return None


def _members(tp: Any) -> list[Any]:
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _members(typing.get_args(tp)[0])
    if origin in (typing.Union, types.UnionType):
        out: list[Any] = []
        for arg in typing.get_args(tp):
            out.extend(_members(arg))
        return out
    return [tp]


def _dataclasses_in(tp: Any) -> list[type]:
    found: list[type] = []
    for member in _members(tp):
        if (
            isinstance(member, type)
            and dataclasses.is_dataclass(member)
            and not issubclass(member, enum.Enum)
        ):
            found.append(member)
        elif typing.get_origin(member) in (tuple, list):
            continue
    return found
