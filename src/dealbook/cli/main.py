"""The ``dealbook`` console command: one Typer app assembled from command modules.

Each module in :data:`COMMAND_MODULES` exposes ``register(app)``; adding a command group
means adding a module, not editing a god module. Exit codes: 0 success, 1 errors found in
the user's data, 2 usage errors.
"""

from __future__ import annotations

import importlib

import typer

COMMAND_MODULES = (
    "dealbook.cli.deal_commands",
    "dealbook.cli.dates",
    "dealbook.cli.text",
    "dealbook.cli.ledger",
    "dealbook.cli.db",
    "dealbook.cli.replay",
)


def build_app() -> typer.Typer:
    """Assemble the Typer application from :data:`COMMAND_MODULES`."""
    app = typer.Typer(
        name="dealbook",
        help="Executable, auditable PIPE convertible-debenture deals.",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
    )
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(app)
    return app


def main() -> None:
    """Console entry point."""
    build_app()()
