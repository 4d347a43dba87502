"""Replacing a store (and the dump built with it) as one unit, safe against kills.

A build writes its new store, and the TriG dump it was loaded from, beside the old
ones (``.store.building-PID``, ``.sckg.trig.building-PID``). Then, holding the store's
lock, it writes a journal (``.store.swap.json``) naming the renames that put them in
place, makes them, and deletes the journal. A process killed before the journal is
written leaves the old pair; one killed after it leaves a journal that the next
command opening the store completes (:func:`recover`) before it reads anything: the
pair is both new or both old. Leftovers of killed builds are removed by the next one.

The lock is the store's own (RocksDB's ``LOCK`` file, a POSIX record lock): a process
that holds the store open for writing (``sckg ingest``, a read-write server, any
``pyoxigraph.Store``) makes the swap refuse, and no writer can open the store while
the swap runs.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import shutil
import signal
from pathlib import Path

from sckg.model import InputError


def failpoint(name: str) -> None:
    """Kill this process with SIGKILL at ``name`` when ``$SCKG_KILL_AT`` says so: the
    reliability tests use it to stop a build at an exact step."""
    if os.environ.get("SCKG_KILL_AT") == name:
        os.kill(os.getpid(), signal.SIGKILL)


def beside(target: Path, kind: str) -> Path:
    """The hidden sibling of ``target`` this process writes (``kind``: building, old),
    with the same extension (``.sckg.trig.building-PID.trig``)."""
    return target.parent / f".{target.name}.{kind}-{os.getpid()}{target.suffix}"


def journal_path(store: Path) -> Path:
    """Where a swap of ``store`` writes its journal: beside the folder a link points to."""
    store = store.resolve() if store.is_symlink() else store
    return store.parent / f".{store.name}.swap.json"


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def clean_leftovers(*targets: Path) -> None:
    """Remove the hidden siblings of ``targets`` that killed processes left behind."""
    for target in targets:
        pattern = re.compile(rf"\.{re.escape(target.name)}\.(?:building|old)-(\d+){re.escape(target.suffix)}")
        if not target.parent.is_dir():
            continue
        for entry in target.parent.iterdir():
            found = pattern.fullmatch(entry.name)
            if found and not _alive(int(found.group(1))):
                _remove(entry)


def _apply(plan: dict) -> None:
    """Make the renames of a journal; each step is skipped once done, so a plan can be
    applied again after a kill."""
    store, store_new, old = Path(plan["store"]), Path(plan["store_new"]), Path(plan["old"])
    if store_new.exists():
        if store.exists():
            os.rename(store, old)
        failpoint("store-moved-aside")
        os.rename(store_new, store)
    failpoint("store-swapped")
    for new, final, aside in plan.get("files", []):
        replace_path(Path(new), Path(final), Path(aside))
    failpoint("files-swapped")
    _remove(old)
    for _new, _final, aside in plan.get("files", []):
        _remove(Path(aside))


def replace_path(new: Path, final: Path, aside: Path) -> None:
    """Put file or folder ``new`` in place of ``final`` (a folder goes via ``aside``,
    removed later); nothing when ``new`` is gone (already done)."""
    if not new.exists():
        return
    if new.is_dir():
        if final.exists():
            os.rename(final, aside)
        os.rename(new, final)
    else:
        os.replace(new, final)


def recover(store: Path | str) -> None:
    """Complete a swap of ``store`` that a killed process left half done, if any."""
    store = Path(store)
    journal = journal_path(store)
    try:
        plan = json.loads(journal.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return
    except (OSError, ValueError):
        journal.unlink(missing_ok=True)  # written only whole (renamed in): a stray file
        return
    with store_lock(store):
        if journal.exists():
            _apply(plan)
            journal.unlink(missing_ok=True)


@contextlib.contextmanager
def store_lock(store: Path):
    """Hold ``store``'s write lock (RocksDB's LOCK file) for the block; a one-line
    :class:`InputError` when another process holds it. A missing store needs no lock."""
    lock = store / "LOCK"
    if not lock.is_file():
        yield
        return
    fd = os.open(lock, os.O_RDWR)
    try:
        try:
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise InputError(f"{store}: the store is open for writing in another process "
                             f"(sckg ingest, a read-write server, a program using it); nothing "
                             f"was replaced: stop that process and try again") from None
        yield
    finally:
        os.close(fd)


def swap_in(store: Path, store_new: Path, files: dict[Path, Path] | None = None) -> None:
    """Put ``store_new`` in place of ``store`` and each ``files`` key in place of its
    value, as one unit (see the module's docstring)."""
    plan = {"store": str(store.resolve()), "store_new": str(store_new.resolve()),
            "old": str(beside(store, "old").resolve()),
            "files": [[str(Path(a).resolve()), str(Path(b).resolve()), str(beside(Path(b), "old").resolve())]
                      for a, b in (files or {}).items()]}
    journal = journal_path(store)
    with store_lock(store):
        failpoint("before-journal")
        scratch = beside(journal, "building")
        with open(scratch, "w", encoding="utf-8") as out:
            json.dump(plan, out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(scratch, journal)
        failpoint("journal-written")
        _apply(plan)
        journal.unlink()
