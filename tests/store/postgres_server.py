"""A throwaway PostgreSQL server for the tests, from the binaries the ``pgserver`` wheel ships.

``pgserver`` (a ``dev`` dependency) bundles PostgreSQL; this module uses only its binaries
(``initdb``, ``pg_ctl``), in a fresh temporary folder (in ``/dev/shm`` when there is one), listening on a Unix socket there and on
no TCP port, with fsync off. PostgreSQL refuses to run as root, so as root the server runs as
``nobody`` from a copy of the binaries in that folder. One server per test process
(:func:`server`), stopped and deleted at exit; each test gets its own schema (:func:`fresh_url`).

If it cannot start, the tests that need it fail. ``DEALBOOK_SKIP_POSTGRES=1`` (never set in
CI) skips them instead, for machines where no PostgreSQL can run.
"""

from __future__ import annotations

import atexit
import dataclasses
import functools
import importlib.util
import itertools
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest

SKIP_ENV = "DEALBOOK_SKIP_POSTGRES"
_RUN_AS = "nobody"
_INITDB = ("--encoding=UTF8", "--no-locale", "--no-sync", "--no-instructions")
_START = ("-w", "-t", "30", "start")
_schemas = itertools.count(1)


@dataclasses.dataclass(frozen=True, slots=True)
class Server:
    """A running server: its folder and the URL of its ``postgres`` database."""

    root: Path
    url: str


def skip_if_opted_out() -> None:
    """Skip (only) when the developer set ``DEALBOOK_SKIP_POSTGRES=1``."""
    if os.environ.get(SKIP_ENV) == "1":
        pytest.skip(f"{SKIP_ENV}=1: PostgreSQL tests skipped on request")


def _install_dir() -> Path:
    spec = importlib.util.find_spec("pgserver")
    assert spec is not None and spec.submodule_search_locations, (
        "pgserver is not installed: pip install -e '.[dev]'"
    )
    return Path(next(iter(spec.submodule_search_locations))) / "pginstall"


def _run(args: list[str], *, user: str | None) -> None:
    done = subprocess.run(args, capture_output=True, text=True, user=user, check=False)
    if done.returncode != 0:
        raise RuntimeError(
            f"{' '.join(args)} failed ({done.returncode}):\n{done.stdout}{done.stderr}"
        )


def _runs_as(user: str, program: Path) -> bool:
    done = subprocess.run([str(program), "--version"], capture_output=True, user=user, check=False)
    return done.returncode == 0


@functools.cache
def server() -> Server:
    """Start the process's server (once); it stops when the process exits."""
    # Memory-backed /dev/shm where there is one: initdb there is several times faster.
    shm = Path("/dev/shm")
    base = shm if shm.is_dir() and os.access(shm, os.W_OK) else None
    root = Path(tempfile.mkdtemp(prefix="dealbook-pg-", dir=base))
    install = _install_dir()
    user = _RUN_AS if os.geteuid() == 0 else None
    if user is not None and not _runs_as(user, install / "bin" / "postgres"):
        # Its own copy, so that `nobody` can read it wherever the virtual environment lives;
        # the binaries find their libraries at $ORIGIN/../../../pgserver.libs: keep the layout.
        copy = root / "pkg" / "pgserver" / "pginstall"
        for part in ("bin", "lib", "share"):
            shutil.copytree(install / part, copy / part, symlinks=True)
        shutil.copytree(install.parent.parent / "pgserver.libs", root / "pkg" / "pgserver.libs")
        install = copy
    if user is not None:
        shutil.chown(root, user)
        root.chmod(0o755)
    data, bin_dir = root / "data", install / "bin"
    atexit.register(_stop, root, bin_dir, data, user=user)
    _run(
        [str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", *_INITDB],
        user=user,
    )
    options = f"-k {root} -c listen_addresses= -F -c max_connections=20 -c shared_buffers=16MB"
    _run(
        [str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(root / "log"), *_START],
        user=user,
    )
    return Server(root=root, url=f"postgresql://postgres@/postgres?host={quote(str(root))}")


def _stop(root: Path, bin_dir: Path, data: Path, *, user: str | None) -> None:
    subprocess.run(
        [str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
        capture_output=True,
        user=user,
        check=False,
    )
    shutil.rmtree(root, ignore_errors=True)


def fresh_url() -> str:
    """A URL whose ``search_path`` is a new, empty schema: an empty store for one test."""
    base = server()
    schema = f"t{os.getpid()}_{next(_schemas)}"
    with psycopg.connect(base.url, autocommit=True) as db:
        db.execute(f'CREATE SCHEMA "{schema}"'.encode())
    return f"{base.url}&options={quote(f'-c search_path={schema}')}"
