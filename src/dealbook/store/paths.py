"""Where the default database lives: ``--db``, then ``$DEALBOOK_DB``, then the user's data folder.

The data folder follows the usual per-platform conventions (as ``platformdirs`` would,
without the dependency): ``$XDG_DATA_HOME/dealbook`` or ``~/.local/share/dealbook`` on
Linux and other Unixes, ``~/Library/Application Support/dealbook`` on macOS, and
``%LOCALAPPDATA%\\dealbook`` on Windows. The file is ``dealbook.sqlite``.

>>> str(default_db_path({"XDG_DATA_HOME": "/data"}, home=Path("/home/ann"), system="Linux"))
'/data/dealbook/dealbook.sqlite'
>>> str(default_db_path({}, home=Path("/home/ann"), system="Linux"))
'/home/ann/.local/share/dealbook/dealbook.sqlite'
>>> str(resolve_db_path(None, {"DEALBOOK_DB": "/tmp/x.sqlite"}))
'/tmp/x.sqlite'
"""

from __future__ import annotations

import os
import platform
from collections.abc import Mapping
from pathlib import Path

APP = "dealbook"
FILE_NAME = "dealbook.sqlite"
ENV_VAR = "DEALBOOK_DB"


def data_dir(
    env: Mapping[str, str] | None = None, *, home: Path | None = None, system: str | None = None
) -> Path:
    """The user's data folder for dealbook on this platform."""
    environ = os.environ if env is None else env
    base_home = home or Path.home()
    kind = system or platform.system()
    if kind == "Windows":
        local = environ.get("LOCALAPPDATA")
        return (Path(local) if local else base_home / "AppData" / "Local") / APP
    if kind == "Darwin":
        return base_home / "Library" / "Application Support" / APP
    xdg = environ.get("XDG_DATA_HOME", "")
    return (Path(xdg) if xdg and Path(xdg).is_absolute() else base_home / ".local" / "share") / APP


def default_db_path(
    env: Mapping[str, str] | None = None, *, home: Path | None = None, system: str | None = None
) -> Path:
    """``<data folder>/dealbook.sqlite``."""
    return data_dir(env, home=home, system=system) / FILE_NAME


def resolve_db_path(option: Path | str | None, env: Mapping[str, str] | None = None) -> Path:
    """The database to use: the ``--db`` option, else ``$DEALBOOK_DB``, else the default."""
    if option is not None and str(option):
        return Path(option)
    environ = os.environ if env is None else env
    if environ.get(ENV_VAR):
        return Path(environ[ENV_VAR])
    return default_db_path(environ)
