"""The validate stage: check a graph against the SHACL shapes before it is loaded.

The data (every named graph of a Dataset, or a plain Graph) is merged with the
ontology, so ``sh:targetClass sc:Organization`` reaches a ``sc:MakerSpace`` through
the ontology's ``rdfs:subClassOf`` and code-list checks see ``skos:inScheme``.

Two engines give the same results: ``"compiled"`` (the default; the shapes compiled
once per process into Python checks over an index of the data, SPARQL constraints on
an in-memory Oxigraph store) and ``"pyshacl"`` (pyshacl in advanced mode, the
reference). ``focus`` restricts validation to given focus nodes, for checking one
new article graph together with the part of the stored graph it touches.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, URIRef
from rdflib.term import Identifier

from sckg.cache import cached
from sckg.model import InputError, ValidationResult
from sckg.validate.report import PREFIXES, SH, Result, finish, format_report, format_turtle, read_path

__all__ = [
    "ENGINES", "ONTOLOGY_DIR", "PREFIXES", "REPO_ROOT", "SH", "SHAPES_DIR", "context_spec", "format_report",
    "format_turtle", "load_ontology", "load_shapes", "merged", "validate",
]

#: The repository root, where ontology/ and shapes/ live (editable install).
REPO_ROOT = Path(__file__).resolve().parents[3]
ONTOLOGY_DIR = REPO_ROOT / "ontology"
SHAPES_DIR = REPO_ROOT / "shapes"
ENGINES = ("compiled", "pyshacl")


def _parse_dir(directory: Path, what: str) -> Graph:
    files = sorted(directory.glob("*.ttl"))
    if not files:
        raise InputError(f"{directory}: no {what} Turtle files (*.ttl) found")
    # Parsing the repository's ontology and shapes took about 0.3 s of `sckg ingest`'s start-up.
    return cached(f"turtle-{what}", lambda: _parse_files(files), key=str(directory.resolve()),
                  files=files, packages=["rdflib"])


def _parse_files(files: list[Path]) -> Graph:
    graph = Graph()
    for path in files:
        try:
            graph.parse(path, format="turtle")
        except Exception as exc:  # rdflib raises many parser exception types
            raise InputError(f"{path}: not valid Turtle: {str(exc).splitlines()[0]}") from None
    return graph


def load_ontology(directory: Path | None = None) -> Graph:
    """All ``ontology/*.ttl`` (sckg.ttl, indicators.ttl …) parsed into one graph."""
    return _parse_dir(directory or ONTOLOGY_DIR, "ontology")


def load_shapes(directory: Path | None = None) -> Graph:
    """All ``shapes/*.ttl`` parsed into one shapes graph."""
    return _parse_dir(directory or SHAPES_DIR, "shapes")


def merged(data: Graph | Dataset, ontology: Graph) -> Graph:
    """One graph holding the triples of every graph in ``data`` plus the ontology."""
    out = Graph()
    if isinstance(data, Dataset):
        for s, p, o, _ in data.quads((None, None, None, None)):
            out.add((s, p, o))
    else:
        for triple in data:
            out.add(triple)
    for triple in ontology:
        out.add(triple)
    return out


# --------------------------------------------------------------------------- the reference engine


def results_of(report: Graph, shapes: Graph) -> tuple[list[Result], dict]:
    """The top-level results of a pyshacl report graph, and their messages by result.

    Nested results (sh:detail of an sh:node failure) are left out: the outer result's
    message explains them.
    """
    results, fallbacks = [], {}
    for root in report.subjects(SH.conforms, None):
        for node in report.objects(root, SH.result):
            path_node = report.value(node, SH.resultPath)
            result = Result(
                focus=report.value(node, SH.focusNode),
                path=None if path_node is None else read_path(report, path_node, fallback=shapes),
                value=report.value(node, SH.value),
                severity=report.value(node, SH.resultSeverity),
                shape=report.value(node, SH.sourceShape),
                component=report.value(node, SH.sourceConstraintComponent),
            )
            results.append(result)
            fallbacks[result] = [str(m) for m in report.objects(node, SH.resultMessage)]
    return results, fallbacks


def validate_pyshacl(graph: Graph, shapes: Graph, focus: set | None = None) -> ValidationResult:
    """Validate the merged ``graph`` with pyshacl (advanced mode, as the validate stage always
    ran it: the reference for the compiled engine); with ``focus``, keep only those focus nodes."""
    import pyshacl  # imported here: importing it takes a noticeable part of a second

    _, report, _ = pyshacl.validate(
        graph,
        shacl_graph=shapes,
        advanced=True,
        inference="none",
        inplace=True,
        allow_warnings=True,
        allow_infos=True,
    )
    results, fallbacks = results_of(report, shapes)
    if focus is not None:
        # The report graph would still hold the other results: write a fresh one.
        return finish([r for r in results if r.focus in focus], shapes, None, fallbacks)
    for prefix, iri in PREFIXES.items():
        report.bind(prefix, iri, override=True, replace=True)
    return finish(results, shapes, report.serialize(format="turtle"), fallbacks)


# --------------------------------------------------------------------------- per-process caches

_DEFAULTS: dict[tuple, Graph] = {}
_ENGINES_BY_GRAPH: dict[int, tuple] = {}
_CACHE_SIZE = 8


def _default(directory: Path, loader) -> Graph:
    """The repository's shapes or ontology, parsed again only when a file changed."""
    stamp = tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(directory.glob("*.ttl")))
    key = (str(directory), stamp)
    graph = _DEFAULTS.get(key)
    if graph is None:
        for old in [k for k in _DEFAULTS if k[0] == str(directory)]:
            del _DEFAULTS[old]
        graph = _DEFAULTS[key] = loader(directory)
    return graph


def _cached(table: dict, key: tuple, graphs: tuple, make):
    """``make()`` remembered while the same graph objects, with the same sizes, are passed.

    (A shapes or ontology graph changed in place without changing its size is not noticed.)
    """
    entry = table.get(key)
    sizes = tuple(len(g) for g in graphs)
    if entry is not None and all(ref() is g for ref, g in zip(entry[0], graphs)) and entry[1] == sizes:
        return entry[2]
    value = make()
    while len(table) >= _CACHE_SIZE:
        del table[next(iter(table))]  # the oldest
    table[key] = (tuple(weakref.ref(g) for g in graphs), sizes, value)
    return value


def compiled_engine(shapes: Graph):
    """The compiled engine for ``shapes`` (compiled once per shapes graph and process)."""
    from sckg.validate.compiled import Engine

    return _cached(_ENGINES_BY_GRAPH, (id(shapes),), (shapes,), lambda: Engine(shapes))


def _prepared(engine, ontology: Graph):
    return _cached(engine.prepared, (id(ontology),), (ontology,), lambda: engine.prepare(ontology))


def _focus_set(focus: Iterable[object] | None) -> set | None:
    if focus is None:
        return None
    out = set()
    for node in focus:
        if isinstance(node, Identifier):
            out.add(node)
        elif isinstance(node, ox.NamedNode):
            out.add(URIRef(node.value))
        elif isinstance(node, ox.BlankNode):
            out.add(BNode(node.value))
        elif isinstance(node, str):
            out.add(URIRef(node))
        else:
            raise TypeError(f"focus nodes must be IRIs or rdflib/pyoxigraph nodes, not {type(node).__name__}")
    return out


def validate(
    data: Graph | Dataset,
    *,
    shapes: Graph | None = None,
    ontology: Graph | None = None,
    engine: str = "compiled",
    focus: Iterable[object] | None = None,
) -> ValidationResult:
    """Validate ``data`` (all its named graphs) merged with the ontology against the shapes.

    ``shapes`` and ``ontology`` default to the repository's ``shapes/*.ttl`` and
    ``ontology/*.ttl``. ``engine`` is ``"compiled"`` or ``"pyshacl"`` (the reference;
    both give the same violations). ``focus`` (IRIs or nodes) validates only those
    focus nodes — the incremental case, where ``data`` is a new article graph plus its
    neighbourhood in the store. Warnings do not make the result non-conforming.

    Example::

        result = validate(Dataset().parse("data/sckg.trig"))
        print(format_report(result))
    """
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {', '.join(ENGINES)}, not {engine!r}")
    shapes = shapes if shapes is not None else _default(SHAPES_DIR, load_shapes)
    ontology = ontology if ontology is not None else _default(ONTOLOGY_DIR, load_ontology)
    focus_nodes = _focus_set(focus)
    if engine == "pyshacl":
        return validate_pyshacl(merged(data, ontology), shapes, focus_nodes)
    from sckg.validate.index import triples_of

    compiled = compiled_engine(shapes)
    results = compiled.validate(_prepared(compiled, ontology), triples_of(data), focus_nodes)
    return finish(results, shapes)


def context_spec(shapes: Graph | None = None):
    """What incremental validation must load around the focus nodes, for ``shapes``.

    Pass ``context_spec().kwargs()`` to ``sckg.load.neighbourhood`` together with the
    new graph's nodes and triples, then validate the new triples plus that context
    with ``focus`` set to the new graph's nodes.

    Example::

        spec = context_spec()
        context = load.neighbourhood(store, nodes, exclude_graph=g, data=graph, **spec.kwargs())
        result = validate(graph + context, focus=nodes)
    """
    from sckg.validate.context import spec_of

    return spec_of(compiled_engine(shapes if shapes is not None else _default(SHAPES_DIR, load_shapes)))
