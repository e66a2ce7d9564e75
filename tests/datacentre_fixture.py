"""Session fixture: a real data centre (PostgreSQL + PostGIS + pygeoapi) on loopback for the sync tests.

Use it from a test module with ``pytest_plugins = ["datacentre_fixture"]`` (one server for all modules).
It runs ``.ci/datacentre/start.sh`` on a free port with the ``small`` sample county and stops it
at the end. If PostgreSQL or pygeoapi cannot be installed or started, the tests FAIL with the
reason and the server log — they are not skipped.
"""
from __future__ import annotations

import os
import socket
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SCRIPTS = REPO / ".ci" / "datacentre"
DB_USER = DB_PASSWORD = "landoffice_dc"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class DataCentre:
    url: str
    port: int
    db: str
    workdir: Path
    gpkg: Path

    @property
    def crash_file(self) -> Path:
        return self.workdir / "crash-after"

    @property
    def auth_file(self) -> Path:
        """While this file exists, the server requires the ``user:password`` written in it."""
        return self.workdir / "auth-required"

    def start(self, *extra, port=None, workdir=None, timeout=600) -> str:
        port = port or self.port
        workdir = workdir or self.workdir
        env = dict(os.environ, LANDOFFICE_DC_CRASH_FILE=str(self.crash_file),
                   LANDOFFICE_DC_AUTH_FILE=str(self.auth_file))
        cmd = [str(SCRIPTS / "start.sh"), "--port", str(port), "--db", self.db, "--gpkg", str(self.gpkg),
               "--workdir", str(workdir), *extra]
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=timeout)
        if proc.returncode != 0:
            log = Path(workdir) / "gunicorn.log"
            pytest.fail(f"The data centre did not start ({' '.join(cmd)}), exit {proc.returncode}:\n"
                        f"{proc.stderr[-4000:]}\n{log.read_text()[-4000:] if log.exists() else ''}")
        return proc.stdout.strip().splitlines()[-1]

    def stop(self, workdir=None) -> None:
        subprocess.run([str(SCRIPTS / "stop.sh"), "--workdir", str(workdir or self.workdir)],
                       capture_output=True, text=True, timeout=60)

    def _as_postgres(self, query: str) -> None:
        subprocess.run(["runuser", "-u", "postgres", "--", "psql", "-qAtX", "-v", "ON_ERROR_STOP=1", "-c", query],
                       check=True, capture_output=True, text=True, timeout=60)

    def database_down(self) -> None:
        """The data centre's database stops answering (pygeoapi keeps running): no new connection is
        allowed and the open ones are cut, like a PostgreSQL outage — for this database only."""
        self._as_postgres(f"ALTER DATABASE {self.db} ALLOW_CONNECTIONS false")
        self._as_postgres(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{self.db}' "
                          "AND pid <> pg_backend_pid()")

    def database_up(self) -> None:
        self._as_postgres(f"ALTER DATABASE {self.db} ALLOW_CONNECTIONS true")

    def sql(self, query: str) -> list[tuple]:
        """Rows of a query run on the data centre's database (psql), as tuples of text."""
        proc = subprocess.run(["psql", "-h", "127.0.0.1", "-U", DB_USER, "-d", self.db, "-AtX", "-F", "\t",
                               "-v", "ON_ERROR_STOP=1", "-c", query], capture_output=True, text=True,
                              env=dict(os.environ, PGPASSWORD=DB_PASSWORD), timeout=60)
        if proc.returncode != 0:
            raise AssertionError(f"SQL failed: {query}\n{proc.stderr}")
        return [tuple(line.split("\t")) for line in proc.stdout.splitlines() if line]


@pytest.fixture(scope="session")
def datacentre(small_county, tmp_path_factory):
    port = free_port()
    workdir = tmp_path_factory.mktemp("datacentre")
    centre = DataCentre("", port, f"lo_test_{port}", workdir, Path(small_county))
    try:
        centre.url = centre.start("--fresh")
        yield centre
    finally:
        centre.stop()
        subprocess.run(["runuser", "-u", "postgres", "--", "dropdb", "--if-exists", "--force", centre.db],
                       capture_output=True, timeout=60)
