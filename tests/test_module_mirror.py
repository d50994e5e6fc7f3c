"""Every source module has its test module (tests/ mirrors src/dealbook/)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "dealbook"

# Modules that are pure declarations (registries, re-exports) and are exercised through
# the tests of the modules that use them.
DECLARATIONS = {"__init__.py", "codes.py", "py.typed"}


def test_every_module_has_a_test_module() -> None:
    missing = []
    for module in sorted(SRC.rglob("*.py")):
        if module.name in DECLARATIONS or "deals" in module.parts:
            continue
        relative = module.relative_to(SRC)
        expected = ROOT / "tests" / relative.parent / f"test_{module.name}"
        if not expected.exists():
            missing.append(str(relative))
    assert missing == [], f"modules without tests/<same path>/test_<module>.py: {missing}"
