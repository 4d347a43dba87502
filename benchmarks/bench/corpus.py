"""The synthetic corpus: generated once, then read as prefixes of N articles."""

from __future__ import annotations

import statistics
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

GENERATOR = Path(__file__).resolve().parents[1] / "generate.py"


@dataclass
class Corpus:
    """``total`` generated articles in ``folder``; ``folder(n)`` holds the first n."""

    root: Path
    files: list[Path]

    def folder(self, n: int) -> Path:
        """A folder of links to the first ``n`` articles (article i does not depend on N)."""
        target = self.root / f"n{n}"
        if not target.exists() or len(list(target.glob("*.txt"))) != n:
            target.mkdir(parents=True, exist_ok=True)
            for old in target.glob("*.txt"):
                old.unlink()
            for path in self.files[:n]:
                (target / path.name).symlink_to(path)
        return target

    def megabytes(self, n: int) -> float:
        """Bytes of article text in the first ``n`` files, in MB (10^6 bytes)."""
        return sum(p.stat().st_size for p in self.files[:n]) / 1e6

    def held_out(self) -> Path:
        """The last article: in no folder(n) with n < total, so it can be added."""
        return self.files[-1]

    def summary(self) -> dict:
        """Size statistics of the whole corpus."""
        sizes = [p.stat().st_size for p in self.files]
        return {"articles": len(sizes), "megabytes": round(sum(sizes) / 1e6, 2),
                "bytes_min": min(sizes), "bytes_median": int(statistics.median(sizes)),
                "bytes_max": max(sizes)}


def prepare(work: Path, total: int, seed: int = 0) -> Corpus:
    """Generate ``total`` articles into ``work/corpus`` unless they are there already."""
    root = work / "corpus"
    manifest = root / "manifest.json"
    # Article i does not depend on N, so a larger corpus serves a smaller N.
    if not manifest.exists() or len(list(root.glob("*.txt"))) < total:
        print(f"generating {total} articles into {root}", file=sys.stderr)
        subprocess.run([sys.executable, str(GENERATOR), str(total), str(root), "--seed", str(seed)],
                       check=True)
    files = sorted(root.glob("*.txt"))[:total]
    if len(files) != total:
        raise SystemExit(f"{root}: expected {total} articles, found {len(files)}")
    return Corpus(work, files)
