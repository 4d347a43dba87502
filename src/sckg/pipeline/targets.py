"""Where a build may write, checked before it reads a single article.

A build replaces its dump (``--out``), the ``refused/`` folder beside it and its store
(``--store``) whole. It refuses, with a one-line :class:`InputError` and nothing
touched:

- a store folder that holds something and is no Oxigraph store (a user's folder of
  results): replacing it would delete the user's files;
- a dump that is one of the article files or inside the folder of articles (it would
  overwrite an article, and be read as one by the next build), or inside the store;
- a dump not named as the TriG file it is (``.trig``).
"""

from __future__ import annotations

from pathlib import Path

from sckg.model import InputError

# The file every RocksDB database (so every Oxigraph store) holds.
_STORE_MARK = "CURRENT"


def is_store_or_free(folder: Path) -> bool:
    """Whether ``folder`` is missing, an empty folder or an Oxigraph store."""
    if not folder.exists():
        return True
    return folder.is_dir() and ((folder / _STORE_MARK).is_file() or not any(folder.iterdir()))


def check_targets(seeds: Path, out: Path, store: Path | None) -> None:
    """Refuse a build that would overwrite what is not its own (see the module)."""
    if store is not None and not is_store_or_free(Path(store)):
        raise InputError(f"{store}: exists and is no Oxigraph store; a build replaces its store whole, "
                         "so it leaves this folder alone: give --store a new folder or an existing store")
    if Path(out).suffix.lower() != ".trig":
        raise InputError(f"{out}: a build writes its dump as TriG: give --out a file ending in .trig")
    dump = Path(out).resolve()
    for folder, what in ((seeds, "the folder of articles"), (store, "the store")):
        if folder is not None and Path(folder).resolve() in (dump, *dump.parents):
            raise InputError(f"{out}: is inside {what} ({folder}); write the dump elsewhere")
