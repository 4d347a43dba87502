"""Fuzz: no command may overwrite what it does not own.

A seeded generator (``SCKG_FUZZ_SEED``) writes hostile and ordinary inputs and runs the
real ``sckg`` command line on them, against a copy of the store of the committed dataset
(data/sckg.trig): ``sckg ingest`` of articles under names that reach for the project's
graphs (ontology.txt, Gazetteer.txt, an existing article's id with another text, a copy
of a stored article under a new name, names with spaces, Chinese and dots) and of empty,
binary, HTML, oversized and missing files and folders; ``sckg add`` of Turtle, TriG,
N-Quads and N-Triples that name graphs the user may not write, state things about the
vocabulary, break the syntax or carry a literal past the parser's 16 MiB limit, with
``--graph`` values inside and outside the user graphs; ``sckg validate``; ``sckg query``
(SPARQL updates among them). Some steps run two or three writers at once, some a
``sckg build`` and an ingest while another process holds the store open.

After every step the store opens and reads whole, its default graph is the set-union of
its named graphs, and every graph that no command of the step owns is what it was:
ingest of F owns graph:{article_id(F)}, add owns graph:curated and the graphs under
graph:curated/, validate, query and a refused build own nothing. No command prints a
traceback, exit codes are 0, 1, 2 or 4, bad input is one line on stderr, and a refusal
changes nothing. Problems are collected, not stopped at (only a store that no longer
reads ends the run), and reported with the command lines that showed them.

The quick test (40 command lines) runs in ``make test``; the soak test (1,000) in
``make soak`` and writes its figures to benchmarks/results/ownership-fuzz.md (quick runs
too when ``SCKG_RECORD=1``).
"""

from __future__ import annotations

import hashlib
import os
import platform
import random
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
import pytest

from sckg import load
from sckg.normalize import article_id
from sckg.normalize.decode import read_text

ROOT = Path(__file__).resolve().parents[1]
G = "https://w3id.org/sckg/graph/"
SEED = int(os.environ.get("SCKG_FUZZ_SEED", "1204"))
RESULTS = ROOT / "benchmarks" / "results" / "ownership-fuzz.md"
UNSEEN = sorted((ROOT / "tests" / "articles" / "unseen").glob("*.txt"))
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))  # the articles data/sckg.trig holds
QUERIES = sorted(p for p in (ROOT / "queries").glob("*.rq") if "SERVICE" not in p.read_text("utf-8"))
STEP_TIMEOUT_S = 600
HOLDER = "import sys, pyoxigraph\ns = pyoxigraph.Store(sys.argv[1])\nprint('ready', flush=True)\nsys.stdin.read()\n"
PREFIXES = """@prefix sc: <https://w3id.org/sckg/ontology#> .
@prefix id: <https://w3id.org/sckg/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix graph: <https://w3id.org/sckg/graph/> .
"""
RESERVED_NAMES = ["ontology.txt", "Gazetteer.txt", "curated.txt", "CURATED.TXT", "Ontology.html",
                  "gazetteer.htm", f"ontology-{hashlib.sha1(b'ontology').hexdigest()[:8]}.txt"]
ODD_NAMES = ["新闻 稿.txt", "双创载体.txt", "a.b.c.txt", "with space.txt", ".hidden.txt", "ontology.v2.txt",
             "curated-mine.txt", "curated_x.txt", "..txt", "x.y.ontology.txt", "孵化器 2022.html",
             "gazetteer .txt", "tab\tname.txt"]
OWN_GRAPHS = [G + "curated", G + "curated/mine", G + "curated/fz/1", G + "curated/../ontology"]
OTHER_GRAPHS = [G + "ontology", G + "gazetteer", G + SEEDS[0].stem, G + UNSEEN[0].stem, "urn:x:evil",
                G + "curated/", G + "curatedx", G + "Curated", G + "curated#x", G + "curated?x=1",
                "https://example.org/g"]
BAD_GRAPH_OPTIONS = OTHER_GRAPHS + ["", "not an iri", "curated"]
VOCABULARY = ["sc:Person rdfs:subClassOf sc:Place .", 'sc:MakerSpace rdfs:label "whatever"@en .',
              "<https://example.org/X> a owl:Class .", "<https://example.org/p> rdfs:domain sc:Person .",
              "id:person-x owl:equivalentClass sc:Place .", "<https://example.org/S> a sh:NodeShape ."]
SYNTAX_ERRORS = [("ttl", "id:x a sc:Person .\n"), ("ttl", '<https://w3id.org/sckg/id/x> rdfs:label "open .\n'),
                 ("nt", "<a b> <p> <o> .\n"), ("nq", "<urn:s> <urn:p> <urn:o> <urn:g> <urn:h> .\n"),
                 ("trig", PREFIXES + "graph:curated { id:x rdfs:label 'x' .\n"), ("jsonld", '{"@id": '),
                 ("ttl", PREFIXES + "id:x rdfs:label \"\\xff\" ;;; .\n"), ("txt", PREFIXES + "id:x a sc:Person .\n"),
                 ("rdf", "<rdf:RDF/>"), ("ttl", "")]


def is_user_graph(graph: str) -> bool:
    """graph:curated or a graph under graph:curated/: written out again here rather than
    imported, so that the test does not share the code it checks."""
    return graph == G + "curated" or (graph.startswith(G + "curated/") and graph != G + "curated/")


# --------------------------------------------------------------------------- commands


@dataclass
class Command:
    """One ``sckg`` command line, what it may change, and what it did."""

    kind: str  # ingest, add, validate, query, build
    args: list[str]
    owned: set[str] = field(default_factory=set)  # graphs it may change
    user_graphs: bool = False  # and graph:curated, graphs under graph:curated/
    must_refuse: bool = False  # some input is bad for sure: exit 2
    inputs: list[str] = field(default_factory=list)  # each input file and how it was made
    paths: list[str] = field(default_factory=list)  # the article files of an ingest
    code: int | None = None
    out: str = ""
    err: str = ""
    timed_out: bool = False

    def owns(self, graph: str) -> bool:
        """Whether this command may change ``graph``."""
        return graph in self.owned or (self.user_graphs and is_user_graph(graph))

    def line(self) -> str:
        """The command line, as a shell would take it."""
        return "sckg " + shlex.join(self.args)


@dataclass
class Step:
    """Commands run at once (one, or writers together, or a build against a held store)."""

    commands: list[Command]
    how: str = "single"  # single, concurrent, held


class Fuzz:
    """The seeded generator of steps; input files go to ``work``/in/NNNN/."""

    def __init__(self, rng: random.Random, work: Path, entities: list[str], port: int) -> None:
        self.rng, self.work, self.entities, self.port = rng, work, entities, port
        self.texts = {p.name: read_text(p)[0] for p in UNSEEN + SEEDS}
        self.n = 0
        self.folders: list[Path] = []  # the input folders of the current step

    def folder(self) -> Path:
        self.n += 1
        path = self.work / "in" / f"{self.n:04d}"
        path.mkdir(parents=True)
        self.folders.append(path)
        return path

    def rel(self, path: Path) -> str:
        return str(path.relative_to(self.work))

    def pick(self, weighted: dict):
        return self.rng.choices(list(weighted), list(weighted.values()))[0]

    # ----------------------------------------------------------------- articles

    def article_name(self) -> str:
        how = self.pick({"reserved": 20, "seed": 10, "unseen": 10, "plain": 22, "odd": 25})
        if how == "reserved":
            return self.rng.choice(RESERVED_NAMES)
        if how == "seed":
            return self.rng.choice(SEEDS).name
        if how == "unseen":
            return self.rng.choice(UNSEEN).name
        if how == "plain":
            return f"fz-{self.rng.randrange(30)}.txt"
        return self.rng.choice(ODD_NAMES)

    def variant(self, text: str) -> tuple[str, str]:
        """Another text: a paragraph added or a line left out."""
        y, n = self.rng.randrange(2015, 2025), self.rng.randrange(2, 400)
        how = self.pick({"note": 3, "figure": 3, "byline": 2, "cut": 2})
        if how == "cut":
            lines = text.splitlines()
            body = [i for i, line in enumerate(lines) if len(line.strip()) > 20]
            if len(body) > 2:
                k = self.rng.choice(body)
                return "\n".join(lines[:k] + lines[k + 1:]) + "\n", f"line {k + 1} left out"
            how = "note"
        extra = {"note": f"编者按：本文于{y}年{n % 12 + 1}月{n % 28 + 1}日更新，第{n}版。",
                 "figure": f"另据统计，截至{y}年底，全省新增众创空间{n}家、科技企业孵化器{n // 3 + 1}家。",
                 "byline": f"（记者 {self.rng.choice(['王小明', '李华', '陈思', '张伟'])} 通讯员 {n}号）"}[how]
        return text.rstrip("\n") + "\n\n" + extra + "\n", f"paragraph added: {extra}"

    def article_file(self, path: Path) -> tuple[str, bool]:
        """Write an article file of a random kind at ``path``; (how it was made, certainly bad)."""
        kind = self.pick({"variant": 34, "original": 10, "seed-copy": 8, "seed-variant": 5, "html": 8,
                          "html-no-chinese": 3, "empty": 3, "whitespace": 2, "binary": 4, "directory": 3,
                          "missing": 3, "oversize": 1, "english": 2})
        path.parent.mkdir(parents=True, exist_ok=True)
        source = self.rng.choice(UNSEEN if kind in ("variant", "original", "html") else SEEDS)
        bad = kind not in ("variant", "original", "seed-copy", "seed-variant", "html")
        how = kind
        if kind == "original":
            shutil.copyfile(source, path)
            how = f"copy of tests/articles/unseen/{source.name}"
        elif kind == "seed-copy":
            shutil.copyfile(source, path)
            how = f"copy of seeds/{source.name} (stored already)"
        elif kind in ("variant", "seed-variant"):
            text, change = self.variant(self.texts[source.name])
            path.write_text(text, encoding="utf-8")
            how = f"{source.name} in UTF-8, {change}"
        elif kind == "html":
            text, change = self.variant(self.texts[source.name]) if self.rng.random() < 0.7 else (
                self.texts[source.name], "as is")
            lines = [line.strip() for line in text.splitlines() if line.strip()]
            body = "".join(f"<p>{line}</p>\n" for line in lines[1:])
            path.write_text(f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{lines[0]}</title>'
                            f"</head>\n<body><nav>首页 &gt; 新闻</nav>\n<article>\n<h1>{lines[0]}</h1>\n{body}"
                            "</article><footer>版权所有</footer></body></html>\n", encoding="utf-8")
            how = f"HTML page of {source.name} ({change})"
        elif kind == "html-no-chinese":
            path.write_text("<html><head><title>Home</title></head><body><p>Nothing here.</p></body></html>\n")
        elif kind == "empty":
            path.write_bytes(b"")
        elif kind == "whitespace":
            path.write_text(" \n\t\n\u3000\n", encoding="utf-8")
        elif kind == "binary":
            head = self.rng.choice([b"\x89PNG\r\n\x1a\n", b"PK\x03\x04", b"\x00\x00\x01\x00", b""])
            path.write_bytes(head + self.rng.randbytes(self.rng.randrange(10, 5000)))
        elif kind == "directory":
            path.mkdir(exist_ok=True)
            (path / "inside.txt").write_text(self.texts[UNSEEN[0].name], encoding="utf-8")
        elif kind == "oversize":
            text = self.texts[source.name]
            path.write_text(text * (4 * 1024 * 1024 // len(text.encode("utf-8")) + 2), encoding="utf-8")
        elif kind == "english":
            path.write_text("Maker spaces and incubators: a short note in English only.\n" * 20)
        return how, bad

    def ingest(self) -> Command:
        folder = self.folder()
        count = self.pick({1: 75, 2: 18, 3: 7})
        paths, inputs, bad = [], [], False
        for i in range(count):
            path = (folder / "abc"[i] if count > 1 else folder) / self.article_name()
            how, certain = self.article_file(path)
            paths.append(self.rel(path))
            inputs.append(f"{self.rel(path)}: {how}")
            bad |= certain
        flags = (["--replace"] if self.rng.random() < 0.3 else []) + (
            ["--all-or-nothing"] if self.rng.random() < 0.15 else [])
        return Command("ingest", ["ingest", *paths, "--store", "store", *flags],
                       owned={G + article_id(p) for p in paths}, must_refuse=bad, inputs=inputs, paths=paths)

    # ----------------------------------------------------------------- RDF files

    def rdf_file(self, folder: Path, i: int) -> tuple[str, str, bool, bool, bool]:
        """Write an RDF file of a random kind; (its path, how it was made, bad for any
        reader, bad for add, about the vocabulary)."""
        kind = self.pick({"notes": 30, "own-trig": 16, "own-nquads": 8, "ntriples": 5, "jsonld": 3,
                          "other-graph": 14, "blank-graph": 2, "vocabulary": 10, "extension": 3,
                          "syntax": 10, "empty": 2, "shapes": 5, "huge": 1, "directory": 2, "missing": 2})
        entity = self.rng.choice(self.entities)
        k = self.rng.randrange(10_000)
        note = f'<{entity}> skos:note "fuzz note {k}"@en ; rdfs:comment "核对 {k}"@zh-hans .\n'
        new = (f'id:fuzz-incubator-{k} a sc:TechnologyBusinessIncubator ; rdfs:label "测试孵化器{k}"@zh-Hans ;\n'
               f"  sc:accreditationLevel sc:ProvincialLevel ; sc:accreditationMode sc:Filed ;\n"
               f"  sc:locatedIn id:place-540100 ; sc:mentionedIn id:article-{SEEDS[0].stem} .\n")
        body, ext, parse_bad, owner_bad, vocab = None, "ttl", False, False, False
        if kind == "notes":
            body = PREFIXES + note + (new if self.rng.random() < 0.4 else "")
        elif kind == "own-trig":
            graph = self.rng.choice(OWN_GRAPHS)
            body, ext = PREFIXES + f"<{graph}> {{\n{note}}}\n" + (new if self.rng.random() < 0.3 else ""), "trig"
        elif kind in ("own-nquads", "other-graph", "blank-graph"):
            own = self.rng.choice(OWN_GRAPHS)
            graph = {"own-nquads": own, "other-graph": self.rng.choice(OTHER_GRAPHS), "blank-graph": "_:g"}[kind]
            quad = (f"<{entity}> <http://www.w3.org/2004/02/skos/core#note> \"fuzz {k}\"@en "
                    + (graph if graph == "_:g" else f"<{graph}>") + " .\n")
            mixed = f"<{entity}> <http://www.w3.org/2000/01/rdf-schema#comment> \"ok {k}\" <{own}> .\n"
            body, ext = (mixed if self.rng.random() < 0.3 else "") + quad, "nq"
            if kind == "other-graph" and self.rng.random() < 0.5:
                ext, body = "trig", PREFIXES + f"<{graph}> {{\n{note}}}\n"
            owner_bad = kind != "own-nquads"
        elif kind == "ntriples":
            body, ext = f"<{entity}> <http://www.w3.org/2004/02/skos/core#note> \"fuzz {k}\" .\n", "nt"
        elif kind == "jsonld":
            path = folder / f"f{i}.jsonld"
            shutil.copyfile(ROOT / "tests" / "fixtures" / "store" / "valid-add.jsonld", path)
            return self.rel(path), "copy of tests/fixtures/store/valid-add.jsonld", False, False, False
        elif kind == "vocabulary":
            statement = self.rng.choice(VOCABULARY)
            if self.rng.random() < 0.3:
                body, ext = PREFIXES + f"<{G}curated/mine> {{ {statement} }}\n", "trig"
            else:
                body = PREFIXES + note + statement + "\n"
            owner_bad = vocab = True
        elif kind == "extension":
            body = PREFIXES + (f"sc:FuzzSpace{k} a owl:Class ; rdfs:subClassOf sc:MakerSpace ;\n"
                               f'  rdfs:label "fuzz space {k}"@en , "测试空间{k}"@zh-Hans .\n')
            owner_bad = vocab = True
        elif kind == "syntax":
            ext, body = self.rng.choice(SYNTAX_ERRORS)
            parse_bad = True
        elif kind == "empty":
            body, parse_bad = "", True
        elif kind == "shapes":
            body = PREFIXES + (f'id:makerspace-fuzz-{k} a sc:MakerSpace ; sc:accreditationLevel "national" ;\n'
                               f"  sc:locatedIn id:person-bao-hanwen .\n")
        elif kind == "huge":
            path = folder / f"f{i}.nt"
            with path.open("w", encoding="utf-8") as out:
                out.write(f'<{entity}> <http://www.w3.org/2004/02/skos/core#note> "')
                out.write("长" * (6 * 1024 * 1024))  # 18 MiB in UTF-8
                out.write('" .\n')
            return self.rel(path), "one literal of 18 MiB", True, True, False
        elif kind == "directory":
            (folder / f"f{i}.ttl").mkdir()
            return self.rel(folder / f"f{i}.ttl"), "a directory", True, True, False
        elif kind == "missing":
            return self.rel(folder / f"f{i}.ttl"), "missing", True, True, False
        path = folder / f"f{i}.{ext}"
        path.write_text(body, encoding="utf-8")
        shown = body.replace(PREFIXES, "[prefixes] ")
        return self.rel(path), f"{kind}: {shown!r}", parse_bad, owner_bad or parse_bad, vocab

    def add(self) -> Command:
        folder = self.folder()
        made = [self.rdf_file(folder, i) for i in range(self.pick({1: 80, 2: 15, 3: 5}))]
        vocab = any(m[4] for m in made)
        extend = self.rng.random() < (0.3 if vocab else 0.03)
        args = ["add", *(m[0] for m in made), "--store", "store"]
        graph = self.pick({None: 65, "own": 22, "other": 13})
        bad_option = graph == "other"
        if graph:
            args += ["--graph", self.rng.choice(OWN_GRAPHS if graph == "own" else BAD_GRAPH_OPTIONS)]
        if extend:
            args.append("--extend-ontology")
        # With --extend-ontology the vocabulary may go in (if the reasoner agrees).
        bad = bad_option or any(m[2] or (m[3] and not (extend and m[4])) for m in made)
        return Command("add", args, user_graphs=True, must_refuse=bad, inputs=[f"{m[0]}: {m[1]}" for m in made])

    def validate(self) -> Command:
        folder = self.folder()
        made = [self.rdf_file(folder, i) for i in range(self.pick({1: 80, 2: 20}))]
        args = ["validate", *(m[0] for m in made), "--store", "store"]
        if self.rng.random() < 0.2:
            args += ["--format", "turtle"]
        if self.rng.random() < 0.03:
            args += ["--engine", "pyshacl"]
        return Command("validate", args, must_refuse=any(m[2] for m in made),
                       inputs=[f"{m[0]}: {m[1]}" for m in made])

    def query(self) -> Command:
        folder = self.folder()
        path = folder / "q.rq"
        kind = self.pick({"research": 60, "update": 12, "syntax": 8, "empty": 4, "service": 4, "missing": 4,
                          "directory": 3, "no-store": 2})
        text = {"update": self.rng.choice([
                    f"INSERT DATA {{ GRAPH <{G}ontology> {{ <urn:x:s> <urn:x:p> <urn:x:o> }} }}",
                    "DELETE WHERE { GRAPH ?g { ?s ?p ?o } }", "DROP ALL", f"CLEAR GRAPH <{G}gazetteer>",
                    f"LOAD <http://127.0.0.1:{self.port}/x> INTO GRAPH <{G}ontology>"]),
                "syntax": "SELECT ?s WHERE { ?s ?p }", "empty": "",
                "service": f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{self.port}/sparql> {{ ?s ?p ?o }} }}"}
        if kind == "research":
            source = self.rng.choice(QUERIES)
            shutil.copyfile(source, path)
            how = f"copy of queries/{source.name}"
        elif kind == "directory":
            path.mkdir()
            how = "a directory"
        elif kind == "missing":
            how = "missing"
        else:
            shutil.copyfile(self.rng.choice(QUERIES), path) if kind == "no-store" else path.write_text(text[kind])
            how = kind if kind == "no-store" else f"{kind}: {text[kind]!r}"
        store = "no-store-here" if kind == "no-store" else "store"
        args = ["query", self.rel(path), "--store", store, "--format", self.rng.choice(["csv", "tsv", "json", "table"])]
        return Command("query", args, must_refuse=kind != "research", inputs=[f"{self.rel(path)}: {how}"])

    def build(self) -> Command:
        folder = self.folder()
        (folder / "seeds").mkdir()
        source = self.rng.choice(UNSEEN)
        shutil.copyfile(source, folder / "seeds" / source.name)
        return Command("build", ["build", "--seeds", self.rel(folder / "seeds"), "--out",
                                 self.rel(folder / "out" / "sckg.trig"), "--store", "store", "--quiet"],
                       must_refuse=True, inputs=[f"{self.rel(folder / 'seeds')}: tests/articles/unseen/{source.name}"])

    # ----------------------------------------------------------------- steps

    def step(self, index: int, room: int) -> Step:
        """The next step, of at most ``room`` command lines (each kind of step comes early
        once, whatever the seed)."""
        self.folders = []
        if room >= 2 and (index == 5 or self.rng.random() < 0.03):
            return Step([self.build(), self.ingest()], "held")
        if room >= 2 and (index == 2 or self.rng.random() < 0.12):
            together = [self.ingest() if self.rng.random() < 0.5 else self.add()
                        for _ in range(min(room, self.pick({2: 70, 3: 30})))]
            if room > len(together) and self.rng.random() < 0.3:  # and a reader meanwhile
                together.append(self.query() if self.rng.random() < 0.5 else self.validate())
            return Step(together, "concurrent")
        kind = self.pick({"ingest": 38, "add": 34, "validate": 14, "query": 14})
        return Step([getattr(self, kind)()])


# --------------------------------------------------------------------------- running


def run_step(step: Step, work: Path, env: dict[str, str]) -> None:
    """Start the step's commands at once (after the holder, if any) and collect them."""
    holder = None
    if step.how == "held":
        holder = subprocess.Popen([sys.executable, "-c", HOLDER, "store"], cwd=work, text=True,
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        assert holder.stdout.readline().strip() == "ready", "the holder could not open the store"
    procs = [subprocess.Popen([sys.executable, "-m", "sckg", *cmd.args], cwd=work, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
             for cmd in step.commands]
    deadline = time.monotonic() + STEP_TIMEOUT_S
    for cmd, proc in zip(step.commands, procs):
        try:
            out, err = proc.communicate(timeout=max(1.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            out, err = proc.communicate()
            cmd.timed_out = True
        cmd.code, cmd.out, cmd.err = proc.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace")
    if holder is not None:
        holder.stdin.close()
        holder.wait(timeout=60)


@dataclass
class Snapshot:
    """Each named graph's digest (sorted N-Quads lines), and whether the default graph
    is their set-union."""

    digests: dict[str, str]
    quads: int
    union_diff: tuple[int, int]  # triples only in the default graph, only in named graphs


def snapshot(store: Path) -> Snapshot:
    """Open the store read-only and read every quad (raises if it cannot)."""
    opened = load.open_read_only(store)
    nquads = ox.RdfFormat.N_QUADS
    default = {line[:-2] for line in ox.serialize(  # "s p o ." without the " ."
        opened.quads_for_pattern(None, None, None, ox.DefaultGraph()), format=nquads).splitlines()}
    digests: dict[str, str] = {}
    union: set[bytes] = set()
    count = len(default)
    for graph in opened.named_graphs():
        cut = len(f" {graph} .")
        lines = [line[:-cut] for line in ox.serialize(
            opened.quads_for_pattern(None, None, None, graph), format=nquads).splitlines()]
        count += len(lines)
        union.update(lines)
        name = graph.value if isinstance(graph, ox.NamedNode) else str(graph)
        digests[name] = hashlib.sha256(b"\n".join(sorted(lines))).hexdigest()
    del opened
    return Snapshot(digests, count, (len(default - union), len(union - default)))


@dataclass
class Tally:
    """What a run did and found."""

    seed: int
    steps: Counter = field(default_factory=Counter)
    commands: Counter = field(default_factory=Counter)
    exits: Counter = field(default_factory=Counter)  # (kind, code)
    problems: Counter = field(default_factory=Counter)
    owned_changes: Counter = field(default_factory=Counter)  # graphs changed by their owner, by kind
    findings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    final: Snapshot | None = None

    def find(self, what: str, index: int, step: Step, detail: str = "") -> None:
        self.problems[what] += 1
        lines = [f"{what} (seed {self.seed}, step {index}, {step.how}){': ' + detail if detail else ''}"]
        for cmd in step.commands:
            lines.append(f"  $ {cmd.line()}   -> exit {cmd.code}")
            lines += [f"      input {line[:300]}" for line in cmd.inputs]
            lines += [f"      stderr {line[:300]}" for line in cmd.err.splitlines()[-6:]]
        self.findings.append("\n".join(lines))


def ingest_stderr_ok(cmd: Command) -> bool:
    """Every stderr line of an ingest is one file's line (or the report after a file's
    'violates the shapes' line), no file gets two; with one file and exit 2, one line."""
    named: Counter = Counter()
    in_report = False
    lines = [line for line in cmd.err.splitlines() if line.strip()]
    for line in lines:
        if line.startswith("sckg ingest: "):
            rest = line.removeprefix("sckg ingest: ")
            in_report = "violates the shapes" in rest
            name = max((p for p in cmd.paths if rest.startswith(p + ": ")), key=len, default=None)
            named[name] += name is not None
        elif not in_report:
            return False
    return all(n <= 1 for n in named.values()) and not (len(cmd.paths) == 1 and cmd.code == 2 and len(lines) != 1)


def check_command(cmd: Command, tally: Tally, index: int, step: Step, work: Path) -> None:
    """Traceback, exit code, one-line errors, refusals of certainly bad input, and the
    graph an ingest says it wrote."""
    tally.commands[cmd.kind] += 1
    tally.exits[cmd.kind, cmd.code] += 1
    text = cmd.out + cmd.err
    if cmd.timed_out:
        tally.find("timed out", index, step, f"after {STEP_TIMEOUT_S} s")
    if "Traceback" in text or "internal error" in text:
        tally.find("traceback", index, step)
    allowed = {0, 1, 2, 4} if cmd.kind in ("ingest", "build") else {0, 1, 2}
    if cmd.code not in allowed:
        tally.find(f"exit code {cmd.code} from {cmd.kind}", index, step)
    if cmd.kind == "ingest":
        if not ingest_stderr_ok(cmd):
            what = "bad input not on one line" if cmd.code == 2 else "stray lines on the stderr of ingest"
            tally.find(what, index, step, f"stderr {cmd.err[:600]!r}")
    elif cmd.code == 2 and len(cmd.err.strip().splitlines()) != 1:
        tally.find("bad input not on one line", index, step, f"stderr {cmd.err[:600]!r}")
    if cmd.kind == "build" and (work / cmd.args[cmd.args.index("--out") + 1]).exists():
        tally.find("a refused build wrote its dump", index, step)
    if cmd.must_refuse and cmd.code != 2 and not cmd.timed_out:
        tally.find(f"bad input not refused ({cmd.kind} exit {cmd.code})", index, step)
    for found in re.finditer(r" triples into (\S+) \(", cmd.out):
        if cmd.kind == "ingest" and found.group(1) not in cmd.owned:
            tally.find("ingest wrote another id's graph", index, step, found.group(1))


def check_store(before: Snapshot, after: Snapshot, tally: Tally, index: int, step: Step) -> None:
    """Graphs changed only by their owners; a refusal changes nothing; the union holds."""
    changed = {g for g in before.digests.keys() | after.digests.keys()
               if before.digests.get(g) != after.digests.get(g)}
    unowned = sorted(g for g in changed if not any(cmd.owns(g) for cmd in step.commands))
    if unowned:
        tally.problems["graphs changed that were not owned"] += len(unowned) - 1
        tally.find("graphs changed that were not owned", index, step, ", ".join(unowned))
    for g in changed.difference(unowned):
        tally.owned_changes[next(cmd.kind for cmd in step.commands if cmd.owns(g))] += 1
    cmd = step.commands[0]
    refused = step.how == "held" or (
        step.how == "single" and cmd.code in (1, 2) and (cmd.kind != "ingest" or len(cmd.paths) == 1))
    if refused and changed:
        tally.find("a refusal changed the store", index, step, ", ".join(sorted(changed)))
    if after.union_diff != (0, 0):
        tally.find("default graph is not the union of the named graphs", index, step,
                   "%d triples only in the default graph, %d only in named graphs" % after.union_diff)


def fuzz(base: Path, work: Path, seed: int, lines: int, entities: list[str]) -> Tally:
    """``lines`` command lines from ``seed`` against a copy of the store at ``base``."""
    started = time.monotonic()
    store = work / "store"
    shutil.copytree(base, store)
    tally = Tally(seed)
    with socket.socket() as closed:  # bound, never listening: connections are refused
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
        env = dict(os.environ, SCKG_SERVER=f"http://127.0.0.1:{port}")
        gen = Fuzz(random.Random(seed), work, entities, port)
        before = snapshot(store)
        start = Step([], "start")
        if before.union_diff != (0, 0):
            tally.find("default graph is not the union of the named graphs", -1, start,
                       "%d triples only in the default graph, %d only in named graphs" % before.union_diff)
        done = index = 0
        while done < lines:
            step = gen.step(index, lines - done)
            run_step(step, work, env)
            found = len(tally.findings)
            for cmd in step.commands:
                check_command(cmd, tally, index, step, work)
            try:
                after = snapshot(store)
            except Exception as exc:  # noqa: BLE001 - a store that no longer reads ends the run
                tally.find("corrupt store", index, step, f"{type(exc).__name__}: {exc}")
                break
            check_store(before, after, tally, index, step)
            if len(tally.findings) == found:  # keep the inputs of a step that found something
                for folder in gen.folders:
                    shutil.rmtree(folder, ignore_errors=True)
            before, done, index = after, done + len(step.commands), index + 1
            tally.steps[step.how] += 1
    tally.seconds, tally.final = time.monotonic() - started, before
    return tally


# --------------------------------------------------------------------------- figures


def machine() -> list[str]:
    """The machine and the code the figures were measured on."""
    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    model = next((line.split(":", 1)[1].strip() for line in cpuinfo.splitlines()
                  if line.startswith("model name")), platform.processor() or "?")
    git = ["git", "-C", str(ROOT)]
    commit = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run([*git, "status", "--porcelain", "src"], capture_output=True, text=True).stdout.strip()
    return [f"- CPU: {model}, {os.cpu_count()} cores (nproc)",
            f"- {platform.system()} {platform.release()}, Python {platform.python_version()}, "
            f"pyoxigraph {ox.__version__}",
            f"- commit {commit}" + (" with uncommitted changes in src/" if dirty else "")]


def figures(tally: Tally, lines: int) -> list[str]:
    kinds = ["ingest", "add", "validate", "query", "build"]
    codes = sorted({code for _, code in tally.exits})
    out = [f"{lines} command lines (seed {tally.seed}) in {sum(tally.steps.values())} steps: "
           f"{tally.steps['single']} single, {tally.steps['concurrent']} with two or three writers at once, "
           f"{tally.steps['held']} with `sckg build` and `sckg ingest` while another process held the store "
           f"open; wall time {tally.seconds:.0f} s ({tally.seconds / max(lines, 1):.1f} s per command line, "
           "checks included).", "",
           "| command | run | " + " | ".join(f"exit {c}" for c in codes) + " |",
           "|---|---|" + "---|" * len(codes)]
    for kind in kinds:
        out.append(f"| {kind} | {tally.commands[kind]} | "
                   + " | ".join(str(tally.exits[kind, c]) for c in codes) + " |")
    checks = ["traceback", "corrupt store", "graphs changed that were not owned",
              "default graph is not the union of the named graphs", "a refusal changed the store",
              "bad input not on one line", "timed out"]
    out += ["", "| check | failures |", "|---|---|"] + [f"| {c} | {tally.problems[c]} |" for c in checks]
    out += [f"| {c} | {n} |" for c, n in sorted(tally.problems.items()) if c not in checks]
    owned = ", ".join(f"{n} by {k}" for k, n in sorted(tally.owned_changes.items()))
    final = tally.final
    out += ["", f"Graphs changed by a command that owned them: {owned or 'none'}. The store at the end: "
            f"{len(final.digests) if final else '?'} named graphs, {final.quads if final else '?'} quads "
            "(the default graph included)."]
    return out


def record(section: str, lines: list[str], soak: bool) -> None:
    """Replace ``## section`` of benchmarks/results/ownership-fuzz.md (soak runs, or SCKG_RECORD=1)."""
    if not (soak or os.environ.get("SCKG_RECORD") == "1"):
        return
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    text = RESULTS.read_text("utf-8") if RESULTS.exists() else ""
    sections = dict(re.findall(r"^## (.+?)\n(.*?)(?=^## |\Z)", text, flags=re.M | re.S))
    busy = " ".join(f"{x:.1f}" for x in os.getloadavg())
    sections[section] = (f"Measured {time.strftime('%Y-%m-%d %H:%M')}, load average {busy} (a shared machine).\n\n"
                         + "\n".join(lines) + "\n\n")
    head = ["# Ownership fuzz", "",
            "Written by tests/test_ownership_fuzz.py (`make soak`; quick runs with `SCKG_RECORD=1`): "
            "no command may change a graph it does not own.", "", "Machine:", "", *machine(), "", ""]
    RESULTS.write_text("\n".join(head) + "".join(f"## {k}\n{v}" for k, v in sorted(sections.items())), "utf-8")


# --------------------------------------------------------------------------- tests


@pytest.fixture(scope="module")
def base_store(tmp_path_factory) -> Path:
    """A store of the committed dataset, built once; each test works on a copy."""
    path = tmp_path_factory.mktemp("ownership-base") / "store"
    load.build_store(ROOT / "data" / "sckg.trig", path)
    return path


@pytest.fixture(scope="module")
def entities(base_store: Path) -> list[str]:
    """Entities the articles of the store mention, sorted (the valid additions are about them)."""
    opened = load.open_read_only(base_store)
    found = opened.quads_for_pattern(None, ox.NamedNode("https://w3id.org/sckg/ontology#mentionedIn"), None,
                                     ox.DefaultGraph())
    return sorted({q.subject.value for q in found if isinstance(q.subject, ox.NamedNode)})[:300]


def test_the_checks_see_a_graph_changed_that_the_command_does_not_own(base_store: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    shutil.copytree(base_store, store)
    before = snapshot(store)
    opened = ox.Store(str(store))  # a write into graph:ontology, without its union copy
    opened.add(ox.Quad(ox.NamedNode("https://w3id.org/sckg/ontology#Person"),
                       ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#comment"), ox.Literal("changed"),
                       ox.NamedNode(G + "ontology")))
    del opened
    tally = Tally(0)
    add = Command("add", ["add", "x.ttl"], user_graphs=True, code=0)
    check_store(before, snapshot(store), tally, 0, Step([add]))
    assert tally.problems == {"graphs changed that were not owned": 1,
                              "default graph is not the union of the named graphs": 1}
    assert G + "ontology" in tally.findings[0] and "sckg add x.ttl" in tally.findings[0]


def report(tally: Tally) -> str:
    return f"{len(tally.findings)} problems:\n\n" + "\n\n".join(tally.findings[:25])


def test_commands_change_only_the_graphs_they_own(base_store: Path, entities: list[str], tmp_path: Path) -> None:
    tally = fuzz(base_store, tmp_path, SEED, 40, entities)
    record("40 command lines (quick)", figures(tally, 40), soak=False)
    assert sum(tally.commands.values()) == 40
    assert tally.steps["concurrent"] and tally.steps["held"]
    assert tally.exits["ingest", 0] and tally.exits["add", 0], tally.exits  # some of it went in
    assert not tally.findings, report(tally)


@pytest.mark.soak
def test_soak_1000_commands_change_only_the_graphs_they_own(base_store: Path, entities: list[str],
                                                            tmp_path: Path) -> None:
    tally = fuzz(base_store, tmp_path, SEED + 1000, 1000, entities)
    record("1,000 command lines (soak)", figures(tally, 1000), soak=True)
    assert sum(tally.commands.values()) == 1000
    assert not tally.findings, report(tally)
