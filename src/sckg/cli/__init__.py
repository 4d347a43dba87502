"""The ``sckg`` command: a thin click layer over the library.

Each verb family lives in its own module and registers its commands on ``main``.
"""

from __future__ import annotations

import atexit
import functools
import gc
import sys
from pathlib import Path

import click

from sckg import __version__
from sckg.model import InputError


# When the interpreter exits, its last garbage collection walks every object still alive:
# after a command has loaded jieba's dictionary and the gazetteer that took 0.3 s (measured
# on `sckg ingest`). Frozen objects are skipped; atexit handlers, flushing and closing
# still run, and the memory goes back to the system with the process as it always does.
atexit.register(gc.freeze)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="sckg")
def main() -> None:
    """sckg: the knowledge graph of China's 双创 carriers.

    Example:

        sckg normalize --json seeds/000_b7111e544d2b0a3f.txt
    """


def one_line_errors(func):
    """Bad input ends the command with ``error: …`` on one line and exit code 2."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except InputError as exc:
            click.echo(f"error: {' '.join(str(exc).split())}", err=True)
            sys.exit(2)

    return wrapper


# Where every command looks by default, relative to the folder it runs in (the project's
# root in the README's commands): one store for build, ingest, add, query and serve.
DEFAULT_SEEDS = Path("seeds")
DEFAULT_TRIG = Path("data/sckg.trig")
DEFAULT_STORE = Path("data/store")

# Registration: importing a module adds its commands to ``main``.
from sckg.cli import normalize as _normalize  # noqa: E402,F401
from sckg.cli import evaluate as _evaluate  # noqa: E402,F401
from sckg.cli import store as _store  # noqa: E402,F401
from sckg.cli import link as _link  # noqa: E402,F401
from sckg.cli import build as _build  # noqa: E402,F401
from sckg.cli import docs as _docs  # noqa: E402,F401
from sckg.cli import ingest as _ingest  # noqa: E402,F401
