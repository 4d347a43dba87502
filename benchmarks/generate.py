"""Write N synthetic articles and their manifest (see benchmarks/synthetic).

Usage: python benchmarks/generate.py N OUTDIR [--seed 0]

Writes OUTDIR/NNNNNN_<hex>.txt, OUTDIR/manifest.json and OUTDIR/gold/NNNNNN_<hex>.json
(the answer key in the format of tests/gold: ``sckg eval OUTDIR/gold data.trig``).

Article i depends only on the seed and i: the files for N=100 are the first 100 of
N=10000, and the same N and seed give byte-identical files.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.synthetic import write_corpus  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    """Parse the command line, write the corpus, report on stderr."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     epilog="example: python benchmarks/generate.py 100 /tmp/corpus --seed 0")
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("outdir", type=Path, help="folder for the articles and manifest.json")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    args = parser.parse_args(argv)
    if args.n < 0:
        parser.error("N must be zero or more")
    if args.outdir.exists() and not args.outdir.is_dir():
        parser.error(f"{args.outdir}: not a folder")
    started = time.perf_counter()
    try:
        entries = write_corpus(args.n, args.outdir, args.seed)
    except OSError as exc:
        print(f"{exc.filename or args.outdir}: cannot write ({exc.strerror or exc})", file=sys.stderr)
        return 2
    took = time.perf_counter() - started
    size = sum(e["bytes"] for e in entries)
    print(f"wrote {len(entries)} articles ({size / 1e6:.2f} MB), manifest.json and gold/ to {args.outdir} "
          f"in {took:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
