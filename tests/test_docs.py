"""``sckg docs``: offline pyLODE documentation with a bilingual class tree and examples."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from rdflib import Graph

from sckg.cli import main
from sckg.docs import EXAMPLES, class_tree_html
from sckg.validate import load_ontology

CASES = Path(__file__).parent / "shapes"


def test_docs_command_writes_bilingual_documentation(tmp_path: Path) -> None:
    runner = CliRunner()
    first = runner.invoke(main, ["docs", "--out", str(tmp_path / "a")])
    assert first.exit_code == 0, first.output
    page = (tmp_path / "a" / "index.html").read_text(encoding="utf-8")
    assert 'id="classtree"' in page and 'id="examples"' in page and 'id="classes"' in page
    assert "Specialised maker space / 专业化众创空间" in page
    assert "sc:TechnologyBusinessIncubator" in page and "科技企业孵化器" in page
    assert 'href="#classtree"' in page  # listed in the table of contents
    assert Graph().parse(tmp_path / "a" / "sckg.ttl").value is not None
    second = runner.invoke(main, ["docs", "--out", str(tmp_path / "b")])
    assert second.exit_code == 0
    assert (tmp_path / "b" / "index.html").read_bytes() == (tmp_path / "a" / "index.html").read_bytes()
    again = runner.invoke(main, ["docs", "--out", str(tmp_path / "a")])  # its own earlier output is replaced
    assert again.exit_code == 0, again.output


def test_docs_never_overwrites_a_site_s_own_pages(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<html>our group's home page</html>", encoding="utf-8")
    result = CliRunner().invoke(main, ["docs", "--out", str(site)])
    assert result.exit_code == 2
    assert "index.html" in result.output and "Traceback" not in result.output
    assert (site / "index.html").read_text(encoding="utf-8") == "<html>our group's home page</html>"
    assert not (site / "sckg.ttl").exists()
    other = tmp_path / "other"
    other.mkdir()
    (other / "sckg.ttl").write_text("@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\n", encoding="utf-8")
    refused = CliRunner().invoke(main, ["docs", "--out", str(other)])
    assert refused.exit_code == 2 and "sckg.ttl" in refused.output
    assert not (other / "index.html").exists()


def test_class_tree_nests_carriers_under_organisation() -> None:
    tree = class_tree_html(load_ontology())
    org = tree.index('href="#Organization"')
    carrier = tree.index('href="#InnovationCarrier"')
    maker = tree.index('href="#SpecialisedMakerSpace"')
    assert org < carrier < maker
    assert "⊑ foaf:Organization, org:Organization, prov:Organization" in tree


def test_documented_example_finds_national_incubators_in_gansu() -> None:
    data = load_ontology() + Graph().parse(CASES / "common.ttl")
    data.parse(
        data="""@prefix sc: <https://w3id.org/sckg/ontology#> . @prefix id: <https://w3id.org/sckg/id/> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        id:org-a a sc:TechnologyBusinessIncubator ; rdfs:label "兰州甲孵化器"@zh-Hans ;
            sc:accreditationLevel sc:NationalLevel ; sc:locatedIn id:place-620100 .
        id:org-b a sc:TechnologyBusinessIncubator ; rdfs:label "兰州乙孵化器"@zh-Hans ;
            sc:accreditationLevel sc:ProvincialLevel ; sc:locatedIn id:place-620100 .
        id:org-c a sc:MakerSpace ; rdfs:label "兰州丙空间"@zh-Hans ;
            sc:accreditationLevel sc:NationalLevel ; sc:locatedIn id:place-620000 .""",
        format="turtle",
    )
    title, query = EXAMPLES[0]
    assert "Gansu" in title
    assert [str(row.name) for row in data.query(query)] == ["兰州甲孵化器"]


def test_bad_ontology_directory_is_a_one_line_error(tmp_path: Path) -> None:
    (tmp_path / "broken.ttl").write_text("this is not turtle", encoding="utf-8")
    result = CliRunner().invoke(main, ["docs", "--out", str(tmp_path / "out"), "--ontology", str(tmp_path)])
    assert result.exit_code == 2
    assert "broken.ttl" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "out").exists()
