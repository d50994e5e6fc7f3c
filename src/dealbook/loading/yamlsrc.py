"""Located YAML: plain Python data plus the line and column of every key and value.

Deal files and ledgers are YAML written by people. This reader composes the YAML node
graph (so every scalar keeps its position), rejects duplicate keys, and resolves plain
scalars with a small, safe rule set: ``true``/``false``, ``null``/``~``, integers, and
everything else as text. Unquoted float literals (``0.02``) are kept as
:class:`~dealbook.terms.base.FloatLiteral` text, never converted to a binary float, so
the validator can refuse them where money is expected. Dates stay text (``2003-04-28``)
and are parsed by the model.

>>> doc, diags = read_yaml("a: 1\\nb: [x, 0.5]\\n", "f.yaml")
>>> doc.data, type(doc.data["b"][1]).__name__, doc.value_span(("b", 1))
({'a': 1, 'b': ['x', '0.5']}, 'FloatLiteral', SourceSpan(path='f.yaml', line=2, col=8, end_line=None, end_col=None))
"""

from __future__ import annotations

import dataclasses
import re

import yaml

from dealbook.core.diagnostics import Diagnostic
from dealbook.core.diagnostics import Severity
from dealbook.core.source import SourceSpan
from dealbook.terms.base import FloatLiteral

Path = tuple[str | int, ...]

_INT = re.compile(r"^[-+]?[0-9][0-9_]*$")
_FLOAT = re.compile(
    r"^[-+]?([0-9][0-9_]*)?\.[0-9_]*([eE][-+]?[0-9]+)?$|^[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+$|^[-+]?\.(inf|Inf|INF|nan|NaN|NAN)$"
)
_NULL = {"", "~", "null", "Null", "NULL"}
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - pure-Python PyYAML build
    _Loader = yaml.SafeLoader


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class LocatedDocument:
    """YAML data with the position of every key and value, by path."""

    path: str
    data: object
    values: dict[Path, tuple[int, int]]
    keys: dict[Path, tuple[int, int]]

    def value_span(self, path: Path) -> SourceSpan:
        """Position of the value at ``path``, or of its nearest located ancestor."""
        return self._span(self.values, path)

    def key_span(self, path: Path) -> SourceSpan:
        """Position of the key that ends ``path`` (falls back to the value)."""
        if path in self.keys:
            line, col = self.keys[path]
            return SourceSpan(path=self.path, line=line, col=col)
        return self.value_span(path)

    def _span(self, table: dict[Path, tuple[int, int]], path: Path) -> SourceSpan:
        probe = path
        while probe and probe not in table:
            probe = probe[:-1]
        line, col = table.get(probe, (1, 1))
        return SourceSpan(path=self.path, line=line, col=col)

    def resolve(self, loc: tuple[object, ...]) -> Path:
        """Map a validator location (which may contain union tags) onto a data path."""
        node = self.data
        out: list[str | int] = []
        for element in loc:
            if isinstance(node, dict) and isinstance(element, str):
                if element in node:
                    node = node[element]
                    out.append(element)
                elif node.get("kind") == element:
                    continue  # a discriminated-union tag, not a key
                elif _looks_like_field(element):
                    out.append(element)  # a missing key: report at its parent mapping
                    node = None
            elif isinstance(node, list) and isinstance(element, int) and 0 <= element < len(node):
                node = node[element]
                out.append(element)
        return tuple(out)


def _looks_like_field(element: str) -> bool:
    return bool(re.fullmatch(r"[a-z_][a-z0-9_]*", element))


def read_yaml(text: str, path: str) -> tuple[LocatedDocument | None, list[Diagnostic]]:
    """Parse YAML text into located data; syntax errors and duplicate keys are diagnostics."""
    diagnostics: list[Diagnostic] = []
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = " ".join(part for part in (error.context, error.problem) if part)
        diagnostics.append(
            Diagnostic(
                code="YAML-SYNTAX",
                severity=Severity.ERROR,
                message=f"YAML syntax error: {message}",
                span=SourceSpan(path=path, line=line, col=col),
                hint="check indentation, colons and quotes on this line",
            )
        )
        return None, diagnostics
    except yaml.YAMLError as error:
        diagnostics.append(
            Diagnostic(
                code="YAML-SYNTAX",
                severity=Severity.ERROR,
                message=f"YAML error: {error}",
                span=SourceSpan(path=path, line=1, col=1),
            )
        )
        return None, diagnostics
    values: dict[Path, tuple[int, int]] = {}
    keys: dict[Path, tuple[int, int]] = {}
    data = None if node is None else _convert(node, (), values, keys, diagnostics, path)
    return LocatedDocument(path=path, data=data, values=values, keys=keys), diagnostics


def _convert(
    node: yaml.Node,
    here: Path,
    values: dict[Path, tuple[int, int]],
    keys: dict[Path, tuple[int, int]],
    diagnostics: list[Diagnostic],
    path: str,
) -> object:
    values[here] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        out: dict[str, object] = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            position = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if key_node.tag == "tag:yaml.org,2002:merge":
                diagnostics.append(
                    _at("YAML-UNSUPPORTED", "merge keys (<<) are not supported", path, position)
                )
                continue
            if not isinstance(key, str | int) or isinstance(key, bool):
                diagnostics.append(
                    _at("YAML-KEY", "mapping keys must be plain text", path, position)
                )
                continue
            name = str(key)
            if name in out:
                first = keys[(*here, name)]
                diagnostics.append(
                    _at(
                        "YAML-DUPLICATE-KEY",
                        f"duplicate key {name!r} (first defined at line {first[0]})",
                        path,
                        position,
                        hint="remove one of the two entries",
                    )
                )
                continue
            keys[(*here, name)] = position
            out[name] = _convert(value_node, (*here, name), values, keys, diagnostics, path)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [
            _convert(item, (*here, i), values, keys, diagnostics, path)
            for i, item in enumerate(node.value)
        ]
    return _scalar(node)


def _scalar(node: yaml.Node) -> object:
    text = str(node.value)
    if getattr(node, "style", None) not in (None, ""):
        return text
    if text in _NULL:
        return None
    if text in _BOOL:
        return _BOOL[text]
    if _INT.match(text):
        return int(text.replace("_", ""))
    if _FLOAT.match(text):
        return FloatLiteral(text)
    return text


def _at(
    code: str, message: str, path: str, position: tuple[int, int], hint: str | None = None
) -> Diagnostic:
    return Diagnostic(
        code=code,
        severity=Severity.ERROR,
        message=message,
        span=SourceSpan(path=path, line=position[0], col=position[1]),
        hint=hint,
    )
