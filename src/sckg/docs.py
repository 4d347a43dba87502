"""Offline HTML documentation of the ontology: pyLODE's page plus a bilingual class tree
and worked SPARQL examples, so a researcher can write queries from the page alone."""

from __future__ import annotations

import html
import importlib.metadata
import json
import os
import re
import subprocess
import sys
import tempfile
import types
from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef

from sckg.model import InputError
from sckg.validate import ONTOLOGY_DIR, load_ontology

SC = "https://w3id.org/sckg/ontology#"

EXAMPLES = [
    (
        "National-level technology business incubators in Gansu / 甘肃省的国家级科技企业孵化器",
        """PREFIX sc:   <https://w3id.org/sckg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>

SELECT DISTINCT ?incubator ?name WHERE {
  ?incubator a/rdfs:subClassOf* sc:TechnologyBusinessIncubator ;
             sc:accreditationLevel sc:NationalLevel ;
             sc:locatedIn/sc:partOf* ?gansu ;
             rdfs:label ?name .
  ?gansu sc:divisionCode "620000" .          # 甘肃省 (GB/T 2260)
  FILTER (LANG(?name) = "zh-Hans")
}
ORDER BY ?name""",
    ),
    (
        "How many national-level incubators Gansu reports / 甘肃省报告的国家级孵化器数量",
        """PREFIX sc:   <https://w3id.org/sckg/ontology#>
PREFIX qb:   <http://purl.org/linked-data/cube#>

SELECT ?value ?period ?quote ?article WHERE {
  ?obs a qb:Observation ;
       sc:carrierType sc:TechnologyBusinessIncubator ;
       sc:accreditationLevel sc:NationalLevel ;
       sc:refArea ?gansu ;
       sc:value ?value ;
       sc:quote ?quote ;
       sc:sourceArticle ?article .
  ?gansu sc:divisionCode "620000" .
  OPTIONAL { ?obs sc:refPeriod ?period }
}
ORDER BY ?period""",
    ),
]


def _pylode():
    """pyLODE's OntPub. pylode 3.4.1 reads its version from a pyproject.toml that its
    wheel does not ship; give it the installed version instead."""
    if "pylode.version" not in sys.modules:
        stub = types.ModuleType("pylode.version")
        stub.__version__ = importlib.metadata.version("pylode")
        sys.modules["pylode.version"] = stub
    from pylode import OntPub

    return OntPub


_JSON_LD = re.compile(r'(<script id="schema.org" type="application/ld\+json">)(.*?)(</script>)', re.S)


def _stable_json_ld(page: str) -> str:
    """pyLODE emits its schema.org JSON-LD in set order; sort it so output is byte-identical."""

    def sort(match: re.Match) -> str:
        data = json.loads(match.group(2))
        if isinstance(data, list):
            data = sorted(data, key=lambda node: json.dumps(node, sort_keys=True, ensure_ascii=False))
        text = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False)
        return match.group(1) + "\n" + text + "\n" + match.group(3)

    return _JSON_LD.sub(sort, page, count=1)


_CELL = re.compile(r"(<td>\n)(.*?)(\n\s*</td>)", re.S)
_JOINER = re.compile(r"\n\s*<span class=\"cardinality\">(?:or|and)</span>\n")


def _stable_sets(page: str) -> str:
    """Sort the members of rendered union/intersection classes ("A or B"), which pyLODE
    emits in the order its store yields blank-node list members."""

    def sort(match: re.Match) -> str:
        body = match.group(2)
        joiner = _JOINER.search(body)
        if joiner is None:
            return match.group(0)
        items = sorted(_JOINER.split(body), key=str.strip)
        return match.group(1) + joiner.group(0).join(items) + match.group(3)

    return _CELL.sub(sort, page)


def _label(graph: Graph, node: URIRef, lang: str) -> str:
    for label in sorted(graph.objects(node, RDFS.label), key=str):
        if isinstance(label, Literal) and (label.language or "").lower() == lang:
            return str(label)
    return ""


def _local(node: URIRef) -> str:
    return str(node).removeprefix(SC)


def class_tree_html(graph: Graph) -> str:
    """A nested list of the sc: classes with English and Chinese labels and the standard
    classes each is aligned with."""
    classes = sorted(
        (c for c in set(graph.subjects(RDF.type, OWL.Class)) if isinstance(c, URIRef) and str(c).startswith(SC)),
        key=_local,
    )
    children: dict[URIRef, list[URIRef]] = {c: [] for c in classes}
    roots = []
    for c in classes:
        parents = [p for p in graph.objects(c, RDFS.subClassOf) if p in children]
        for p in parents:
            children[p].append(c)
        if not parents:
            roots.append(c)

    def item(c: URIRef) -> str:
        aligned = sorted(
            graph.namespace_manager.normalizeUri(p)
            for p in graph.objects(c, RDFS.subClassOf)
            if isinstance(p, URIRef) and not str(p).startswith(SC)
        )
        align = f' <small>⊑ {html.escape(", ".join(aligned))}</small>' if aligned else ""
        text = (
            f'<a href="#{_local(c)}"><code>sc:{_local(c)}</code></a> — '
            f"{html.escape(_label(graph, c, 'en'))} / {html.escape(_label(graph, c, 'zh-hans'))}{align}"
        )
        kids = sorted(children[c], key=_local)
        inner = "<ul>" + "".join(item(k) for k in kids) + "</ul>" if kids else ""
        return f"<li>{text}{inner}</li>"

    return "<ul>" + "".join(item(r) for r in roots) + "</ul>"


_TREE_HEADING = "<h2>Class tree / 类层次</h2>"


def _extra_sections(graph: Graph) -> str:
    examples = "".join(
        f"<h3>{html.escape(title)}</h3><pre><code>{html.escape(query)}</code></pre>" for title, query in EXAMPLES
    )
    return (
        f'<div class="section" id="classtree">{_TREE_HEADING}'
        "<p>Every entity is typed with its most specific class; query with "
        "<code>a/rdfs:subClassOf*</code> to include subclasses. "
        "每个实体只标注最具体的类；查询时用 <code>a/rdfs:subClassOf*</code> 包含子类。</p>"
        f"{class_tree_html(graph)}</div>"
        '<div class="section" id="examples"><h2>Example queries / 查询示例</h2>'
        "<p>Places nest with <code>sc:partOf</code> up to the province; figures are "
        "<code>qb:Observation</code>s in <code>sc:figures</code>. "
        "地点通过 <code>sc:partOf</code> 逐级隶属到省；统计数字是 <code>sc:figures</code> 中的 "
        f"<code>qb:Observation</code>。</p>{examples}</div>"
    )


def _render(graph: Graph, source: Path) -> str:
    """pyLODE's HTML for ``graph``, rendered in a child process with a fixed hash seed:
    pyLODE orders some lists (union members, JSON-LD nodes) by Python set iteration."""
    with tempfile.TemporaryDirectory() as tmp:
        src, dst = Path(tmp) / "ontology.nt", Path(tmp) / "index.html"
        graph.serialize(src, format="nt", encoding="utf-8")
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        done = subprocess.run(
            [sys.executable, "-m", "sckg.docs", str(src), str(dst)],
            env=env, capture_output=True, text=True, check=False,
        )
        if done.returncode != 0 or not dst.is_file():
            reason = (done.stderr.strip().splitlines() or ["pyLODE failed"])[-1]
            raise InputError(f"{source}: cannot document the ontology: {reason}")
        return dst.read_text(encoding="utf-8")


def build_docs(out_dir: Path, ontology_dir: Path | None = None) -> list[Path]:
    """Write ``index.html`` (the documentation) and ``sckg.ttl`` (the ontology) to ``out_dir``.

    Runs offline: pyLODE uses only its bundled background vocabularies.
    Returns the files written.
    """
    graph = load_ontology(ontology_dir or ONTOLOGY_DIR)
    page = _render(graph, ontology_dir or ONTOLOGY_DIR)
    page = _stable_sets(_stable_json_ld(page))
    marker = '<div class="section" id="classes">'
    if marker not in page:
        raise InputError(f"{ontology_dir or ONTOLOGY_DIR}: pyLODE produced no class section")
    page = page.replace(marker, _extra_sections(graph) + marker, 1)
    toc = '<a href="#classes">Classes</a>'
    page = page.replace(
        toc, '<a href="#classtree">Class tree / 类层次</a></h4></li><li><h4>'
        '<a href="#examples">Example queries / 查询示例</a></h4></li><li><h4>' + toc, 1
    )
    index, turtle = out_dir / "index.html", out_dir / "sckg.ttl"
    ontology_iri = str(next(graph.subjects(RDF.type, OWL.Ontology), ""))
    _refuse_foreign(index, _TREE_HEADING)
    _refuse_foreign(turtle, ontology_iri)
    out_dir.mkdir(parents=True, exist_ok=True)
    index.write_text(page, encoding="utf-8")
    turtle.write_text(graph.serialize(format="turtle"), encoding="utf-8")
    return [index, turtle]


def _refuse_foreign(path: Path, mark: str) -> None:
    """Refuse to overwrite a file that an earlier ``sckg docs`` did not write (a site's own index.html)."""
    if path.is_symlink() or (path.exists() and not path.is_file()):
        raise InputError(f"{path}: not a file that sckg docs wrote; not replaced")
    if path.exists():
        try:
            ours = bool(mark) and mark in path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            ours = False
        if not ours:
            raise InputError(f"{path}: not written by sckg docs; not replaced (choose another --out)")


if __name__ == "__main__":  # the child process of _render: python -m sckg.docs SRC.nt DST.html
    _source, _target = Path(sys.argv[1]), Path(sys.argv[2])
    _graph = Graph().parse(_source, format="nt")
    _target.write_text(_pylode()(ontology=_graph, sort_subjects=True).make_html(), encoding="utf-8")
