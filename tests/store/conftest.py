"""Databases for the store tests: a SQLite file, and a throwaway PostgreSQL server.

Every test that takes ``db_url`` or ``new_db`` runs twice, on SQLite and on a real
PostgreSQL server. The server is a cluster of its own (``initdb`` + ``pg_ctl`` from
``/usr/lib/postgresql/*/bin`` or ``$PATH``) in a temporary folder on a free port,
started once per session and removed at the end; each test gets a fresh database
on it. Running as root, the cluster runs as the ``postgres`` user the Debian
package creates, since PostgreSQL refuses to run as root.

Without PostgreSQL installed (``apt-get install postgresql``) the PostgreSQL half is
skipped with that hint; CI sets ``CLAIMMAP_REQUIRE_POSTGRES=1`` (``.ci/run``), which
turns the skip into a failure.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

BACKENDS = ("sqlite", "postgresql")


def _pg_bin() -> Path | None:
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0,
    )
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("initdb")
    return Path(on_path).parent if on_path else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _unavailable(reason: str) -> None:
    if os.environ.get("CLAIMMAP_REQUIRE_POSTGRES") == "1":
        pytest.fail(f"PostgreSQL is required here (CLAIMMAP_REQUIRE_POSTGRES=1): {reason}")
    pytest.skip(f"{reason}; apt-get install postgresql to run the PostgreSQL tests")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """Start a PostgreSQL cluster for this session; yield its URL without a database."""
    bindir = _pg_bin()
    if bindir is None:
        _unavailable("no initdb found under /usr/lib/postgresql/*/bin or on PATH")
        return
    prefix: list[str] = []
    folder = Path(tempfile.mkdtemp(prefix="claimmap-pg-"))
    if os.geteuid() == 0:
        try:
            user = pwd.getpwnam("postgres")
        except KeyError:
            shutil.rmtree(folder)
            _unavailable("running as root and there is no 'postgres' user to run the server")
            return
        os.chown(folder, user.pw_uid, user.pw_gid)
        prefix = ["runuser", "-u", "postgres", "--"]
    data, log = folder / "data", folder / "server.log"
    port = _free_port()
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
    started = False
    try:
        subprocess.run(
            [
                *prefix,
                str(bindir / "initdb"),
                "-D",
                str(data),
                "-U",
                "postgres",
                "--auth=trust",
                "--encoding=UTF8",
                "--no-sync",
            ],
            check=True,
            capture_output=True,
        )
        subprocess.run(
            [
                *prefix,
                str(bindir / "pg_ctl"),
                "-D",
                str(data),
                "-l",
                str(log),
                "-w",
                "-o",
                options,
                "start",
            ],
            check=True,
            capture_output=True,
        )
        started = True
        yield f"postgresql://postgres@127.0.0.1:{port}"
    finally:
        if started:
            subprocess.run(
                [*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                check=False,
                capture_output=True,
            )
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(params=BACKENDS)
def new_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[], str]]:
    """Yield a function that makes a fresh, empty database and returns its URL."""
    made: list[str] = []
    server = request.getfixturevalue("postgres_server") if request.param == "postgresql" else ""

    def make() -> str:
        name = f"t{uuid.uuid4().hex[:12]}"
        if not server:
            return f"sqlite:///{tmp_path / name}.db"
        import psycopg

        with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        made.append(name)
        return f"{server}/{name}"

    yield make
    if made:
        import psycopg

        with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
            for name in made:
                connection.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


@pytest.fixture
def db_url(new_db: Callable[[], str]) -> str:
    """Return the URL of a fresh, empty database (SQLite, then PostgreSQL)."""
    return new_db()
