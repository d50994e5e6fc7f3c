"""Located YAML: positions, safe scalar resolution, no floats."""

from __future__ import annotations

from dealbook.loading.yamlsrc import read_yaml
from dealbook.terms.base import FloatLiteral


def test_scalars_resolve_safely() -> None:
    doc, diagnostics = read_yaml(
        'a: no\nb: 2003-04-28\nc: 0.02\nd: "0.02"\ne: 1_000\nf: ~\ng: true\n', "s.yaml"
    )
    assert diagnostics == [] and doc is not None
    assert doc.data == {
        "a": "no",
        "b": "2003-04-28",
        "c": "0.02",
        "d": "0.02",
        "e": 1000,
        "f": None,
        "g": True,
    }
    assert isinstance(doc.data["c"], FloatLiteral)  # type: ignore[index]  # data is a dict here
    assert not isinstance(doc.data["d"], FloatLiteral)  # type: ignore[index]


def test_positions_of_keys_and_values() -> None:
    doc, _ = read_yaml("top:\n  items:\n    - {id: x, n: 1}\n", "p.yaml")
    assert doc is not None
    assert str(doc.value_span(("top", "items", 0, "n"))) == "p.yaml:3:18"
    assert str(doc.key_span(("top", "items"))) == "p.yaml:2:3"
    assert str(doc.value_span(("top", "missing", "deeper"))) == "p.yaml:2:3"


def test_resolve_skips_union_tags() -> None:
    doc, _ = read_yaml("when: {kind: monthly, first_month: 2002-10}\n", "u.yaml")
    assert doc is not None
    assert doc.resolve(("when", "monthly", "first_month")) == ("when", "first_month")
    assert doc.resolve(("when", 0)) == ("when",)


def test_duplicate_keys_and_syntax_errors() -> None:
    _, diagnostics = read_yaml("a: 1\nb: 2\na: 3\n", "d.yaml")
    assert [(d.code, d.span.line if d.span else 0) for d in diagnostics] == [
        ("YAML-DUPLICATE-KEY", 3)
    ]
    doc, diagnostics = read_yaml("a: [1, 2\n", "e.yaml")
    assert doc is None and diagnostics[0].code == "YAML-SYNTAX"


def test_empty_document() -> None:
    doc, diagnostics = read_yaml("", "empty.yaml")
    assert doc is not None and doc.data is None and diagnostics == []
