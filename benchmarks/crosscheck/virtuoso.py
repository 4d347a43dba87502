"""A private Virtuoso instance from Debian's packages: install, start, load, query, stop.

Only ``virtuoso-opensource-7-bin`` is installed (the server ``virtuoso-t`` and
``isql-vt``). The ``virtuoso-opensource`` metapackage would add the system service
(``/etc/init.d/virtuoso-opensource-7`` with its own database and a debconf prompt for
the DBA password) and the web UI, none of which a private instance needs: ours lives in
a temp directory with its own ``virtuoso.ini``, listens on free ports of 127.0.0.1 only,
and is stopped (and its directory removed) when the check ends, also on error.
"""

from __future__ import annotations

import ctypes
import json
import os
import secrets
import shutil
import signal
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

PACKAGE = "virtuoso-opensource-7-bin"
SERVER = "virtuoso-t"
ISQL = "isql-vt"

INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
ServerThreads = 4
CheckpointInterval = 0
DirsAllowed = {dir}
; about 1.3 GB of buffers (8 kB pages): the whole dump stays in memory
NumberOfBuffers = 170000
MaxDirtyBuffers = 130000

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerThreads = 4
Charset = UTF-8

[SPARQL]
; no row cap and no "anytime" partial answers: a check needs complete results
ResultSetMaxRows = 10000000
MaxQueryExecutionTime = 0
MaxQueryCostEstimationTime = 0
"""


class VirtuosoError(RuntimeError):
    """Virtuoso could not be installed, started, loaded or queried."""


def installed_version() -> str | None:
    """The installed version of the Virtuoso binaries package, or ``None``."""
    try:
        out = subprocess.run(["dpkg-query", "-W", "-f=${Status}\t${Version}", PACKAGE],
                             capture_output=True, text=True, check=False).stdout
    except FileNotFoundError:
        return None
    status, _, version = out.partition("\t")
    return version if status.endswith(" installed") and shutil.which(SERVER) else None


def install(echo=print) -> str:
    """Install the Virtuoso binaries with apt-get unless present; the installed version.

    Idempotent: a second call only asks dpkg. ``apt-get update`` runs only when the
    first attempt fails (stale package lists on a fresh machine).
    """
    version = installed_version()
    if version:
        echo(f"virtuoso: {PACKAGE} {version} already installed")
        return version
    if os.geteuid() != 0:
        raise VirtuosoError(f"{PACKAGE} is not installed and installing it needs root (apt-get)")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    command = ["apt-get", "install", "-y", "-q", "--no-install-recommends", PACKAGE]
    echo(f"virtuoso: {' '.join(command)}")
    if subprocess.run(command, env=env, capture_output=True, check=False).returncode != 0:
        subprocess.run(["apt-get", "update", "-q"], env=env, capture_output=True, check=False)
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            last = (done.stderr.strip().splitlines() or ["failed"])[-1]
            raise VirtuosoError(f"apt-get install {PACKAGE} failed: {last}")
    version = installed_version()
    if not version:
        raise VirtuosoError(f"{PACKAGE} installed but {SERVER} is not on PATH")
    return version


def server_banner() -> str:
    """The server's own version line, e.g. ``Version 7.2.5.3229-pthreads as of Feb  8 2023``."""
    out = subprocess.run([SERVER, "-?"], capture_output=True, text=True, check=False)
    lines = (out.stdout + out.stderr).splitlines()
    return next((line.strip() for line in lines if line.startswith("Version")), "unknown")


def _die_with_parent() -> None:  # pragma: no cover - runs in the child
    try:  # Linux: the server gets SIGTERM if this Python dies, so it is never orphaned
        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


class Instance:
    """One private Virtuoso server in ``directory``; a context manager that stops it."""

    def __init__(self, directory: Path, sql_port: int, http_port: int):
        self.directory = Path(directory)
        self.sql_port = sql_port
        self.http_port = http_port
        self.password = "dba"  # a new database's default; replaced once the server is up
        self.process: subprocess.Popen | None = None

    @property
    def endpoint(self) -> str:
        """The SPARQL endpoint URL."""
        return f"http://127.0.0.1:{self.http_port}/sparql"

    def start(self, timeout: float = 120.0) -> Instance:
        """Write ``virtuoso.ini``, start the server, wait until it answers, set a random DBA password.

        On failure the server is stopped before the error propagates.
        """
        try:
            self._start(timeout)
            password = secrets.token_hex(12)
            self.sql(f"user_set_password('dba', '{password}');")
            self.password = password
        except BaseException:
            self.stop()
            raise
        return self

    def _start(self, timeout: float) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        ini = self.directory / "virtuoso.ini"
        ini.write_text(INI.format(dir=self.directory, sql_port=self.sql_port, http_port=self.http_port))
        log = open(self.directory / "server.out", "wb")
        self.process = subprocess.Popen(
            [SERVER, "+foreground", "+configfile", str(ini)],
            cwd=self.directory, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True, preexec_fn=_die_with_parent,
        )
        log.close()
        deadline = time.monotonic() + timeout
        while True:
            if self.process.poll() is not None:
                raise VirtuosoError(f"virtuoso exited with {self.process.returncode}: {self._log_tail()}")
            try:
                self.sparql("ASK {}", timeout=5)
                self.sql("select 1;")
                return
            except (VirtuosoError, OSError):
                if time.monotonic() > deadline:
                    raise VirtuosoError(f"virtuoso did not answer within {timeout:.0f} s: {self._log_tail()}")
                time.sleep(0.5)

    def _log_tail(self) -> str:
        text = (self.directory / "server.out").read_text("utf-8", "replace").strip()
        return " / ".join(text.splitlines()[-3:]) or "no output"

    def stop(self, grace: float = 60.0) -> None:
        """Stop the server (SIGTERM: a clean shutdown with checkpoint; SIGKILL after ``grace``)."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(grace)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def __enter__(self) -> Instance:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def sql(self, script: str, timeout: float = 600.0) -> str:
        """Run SQL statements (each ending in ``;``) through isql; the output. Errors raise."""
        done = subprocess.run(
            [ISQL, f"127.0.0.1:{self.sql_port}", "dba", self.password,
             "VERBOSE=OFF", "BANNER=OFF", "PROMPT=OFF", "ECHO=OFF", "ERRORS=STDOUT"],
            input=script, capture_output=True, text=True, timeout=timeout, check=False,
        )
        out = done.stdout + done.stderr
        if done.returncode != 0 or "*** Error" in out:
            raise VirtuosoError(f"isql: {' '.join(out.split())[:300]}")
        return out

    def load(self, dump: Path) -> None:
        """Bulk-load a TriG or N-Quads file with ``ld_dir``/``rdf_loader_run``, then checkpoint.

        The loader keeps each named graph of the file; the file is copied into the
        instance directory because the loader reads only from ``DirsAllowed``.
        """
        inbox = self.directory / "load"
        inbox.mkdir(exist_ok=True)
        shutil.copyfile(dump, inbox / dump.name)
        self.sql(f"ld_dir('{inbox}', '{dump.name}', 'urn:sckg:no-default-graph');\n"
                 "rdf_loader_run();\ncheckpoint;\n")
        status = self.sql("select ll_state, ll_error from DB.DBA.LOAD_LIST;")
        if "NULL" not in status.split():
            raise VirtuosoError(f"bulk load of {dump.name} failed: {' '.join(status.split())[:300]}")

    def sparql(self, query: str, default_graphs: list[str] = (), named_graphs: list[str] = (),
               timeout: float = 600.0) -> dict:
        """POST a query (SPARQL 1.1 Protocol) and return the parsed JSON results.

        ``default_graphs``/``named_graphs`` become ``default-graph-uri``/``named-graph-uri``
        parameters. A partial ("anytime") answer is an error, not a result.
        """
        form = [("query", query)] + [("default-graph-uri", g) for g in default_graphs]
        form += [("named-graph-uri", g) for g in named_graphs]
        request = urllib.request.Request(
            self.endpoint, data=urllib.parse.urlencode(form).encode("utf-8"),
            headers={"Accept": "application/sparql-results+json",
                     "Content-Type": "application/x-www-form-urlencoded"})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                if response.headers.get("X-SQL-State"):
                    raise VirtuosoError(f"partial answer: {response.headers.get('X-SQL-Message')}")
                return json.loads(response.read().decode("utf-8"))
        except urllib.error.HTTPError as exc:
            body = exc.read().decode("utf-8", "replace")
            raise VirtuosoError(f"HTTP {exc.code}: {' '.join(body.split())[:400]}") from None
        except urllib.error.URLError as exc:
            raise VirtuosoError(f"{self.endpoint}: {exc.reason}") from None
