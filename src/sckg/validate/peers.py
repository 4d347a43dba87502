"""Peer queries: the store-side half of a SPARQL constraint that compares nodes.

A constraint such as "a level's figure must not exceed the all-levels figure of the
same indicator, unit, area …" joins the focus node (``$this``) with other nodes
(the peer, here ``?value``). Finding every node that shares the equality conditions
grows with the store; what can violate is a handful. A :class:`PeerQuery` is the
constraint rewritten to run *in the store* for one new focus node whose triples the
store does not hold yet: ``$this``'s triple patterns become ``VALUES`` of the focus
node's own values, the peer's patterns stay, and the query's filters are pushed down
wherever that cannot lose a solution. Its answer is a superset of the peers the
constraint can report (never fewer), which incremental validation then describes
and checks with the full shapes.

Keeping it a superset is the design rule: a filter the rewriter does not understand
is dropped, not guessed at; comparisons that raise a type error in SPARQL count as
true where the filter is positive and as false under a negation (rdflib orders some
literals SPARQL cannot compare, and pyshacl's answers are the reference).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product

from rdflib import Literal, URIRef, Variable
from rdflib.plugins.sparql.parserutils import CompValue

THIS = Variable("this")
_RELATIONAL = {"=", "!=", "<", ">", "<=", ">="}
_HASH_JOIN_FROM = 2000  # subjects of the rarest pattern above which two patterns are hash-joined
_COUNT_CAP = 50_000  # estimates stop counting here
_RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_FUNCTION_OPS = {"lt": "<", "le": "<=", "gt": ">", "ge": ">="}


class _Unsupported(Exception):
    """A part of a query the rewriter leaves out (dropping it keeps the superset)."""


@dataclass(eq=False)
class PeerQuery:
    """One constraint's peer search for a focus node, run against the store (module docstring)."""

    peer: Variable
    this_vars: dict  # variable → predicate IRI: the focus node's values bind it
    requires: list  # (predicate, constant): triples the focus node must have
    patterns: list  # the peer's required triple patterns (rdflib terms)
    conjuncts: list  # top-level filter conjuncts (rdflib algebra)
    compare_iri: str

    def queries(self, values: dict[str, list[str]], node: str, estimate=None) -> list[str]:
        """The SELECTs for focus ``node`` (N-Triples) whose own ``values`` (predicate IRI →
        N-Triples terms) are given: one per combination of its values (constants inline,
        which the store joins far faster than VALUES); none when it cannot match at all.

        ``estimate(predicate, object, cap)`` (both N-Triples) counts a pattern's subjects
        up to ``cap``: the store starts from the first pattern written, so the rarest
        comes first."""
        for predicate, constant in self.requires:
            if _nt(constant) not in values.get(str(predicate), []):
                return []
        names = sorted(self.this_vars, key=str)
        # A blank node cannot be written into a query: its variable stays unbound there.
        bound = [sorted({None if x.startswith("_:") else x for x in values.get(str(self.this_vars[v]), [])},
                        key=lambda x: x or "") for v in names]
        return [self._text({k: v for k, v in zip(names, row) if v is not None}, values, node, estimate)
                for row in product(*bound)]

    def _text(self, bindings: dict, values: dict, node: str, estimate) -> str:
        ctx = _Context(self, values, node, bindings)
        fixed, loose = [], []  # patterns with a constant object, and the others
        for conjunct in self.conjuncts:
            fixed += ctx.same_value(conjunct)
        for _, p, o in self.patterns:
            (fixed if not isinstance(o, Variable) or o in bindings else loose).append((f"<{p}>", ctx.term(o)))
        lines = []
        if estimate is not None:
            # Counted first only as far as it takes to tell a rare pattern (where the store
            # starts, looking the others up for each of its subjects, whatever their size);
            # further only when every pattern is common and two are to be hash-joined.
            size = {po: estimate(*po, _HASH_JOIN_FROM + 1) for po in fixed}
            if fixed and min(size.values()) > _HASH_JOIN_FROM:
                size = {po: estimate(*po, _COUNT_CAP) for po in fixed}
            fixed.sort(key=lambda po: (size[po], po[0] == _RDF_TYPE))  # classes last among equals
            if len(fixed) >= 2 and _HASH_JOIN_FROM < size[fixed[0]] and size[fixed[1]] < _COUNT_CAP:
                # Two common values, both counted: the store intersects two sub-selects by
                # hashing, where a nested loop would look up every subject of the first.
                lines = [f"{{ SELECT ?{self.peer} WHERE {{ ?{self.peer} {p} {o} }} }}" for p, o in fixed[:2]]
                fixed = fixed[2:]
        lines += [f"?{self.peer} {p} {o} ." for p, o in fixed]
        lines += [f"?{self.peer} {p} {o} ." for p, o in loose]
        for conjunct in self.conjuncts:
            try:
                lines.append(f"FILTER ({ctx.expr(conjunct, True)})")
            except _Unsupported:
                continue
        lines.append(f"FILTER (?{self.peer} != {node})")
        return f"SELECT DISTINCT ?{self.peer} WHERE {{\n  " + "\n  ".join(lines) + "\n}"


def peer_query(algebra, peer: Variable, compare_iri: str) -> PeerQuery | None:
    """The :class:`PeerQuery` of a parsed query (``prepareQuery(...).algebra``) for peer
    variable ``peer``; None when its shape is beyond the rewriter (the caller then falls
    back to the plain equality conditions)."""
    node, conjuncts = algebra, []
    while isinstance(node, CompValue) and node.name in ("SelectQuery", "Project", "Distinct", "Reduced", "Filter"):
        if node.name == "Filter":
            conjuncts += _conjuncts(node["expr"])
        node = node["p"]
    if not isinstance(node, CompValue) or node.name != "BGP":
        return None
    this_vars, requires, patterns = {}, [], []
    for s, p, o in node["triples"]:
        if not isinstance(p, URIRef):
            return None
        if s == THIS:
            if isinstance(o, Variable) and o != THIS and o not in this_vars:
                this_vars[o] = p
            elif not isinstance(o, Variable):
                requires.append((p, o))
            else:
                return None
        elif s == peer:
            patterns.append((s, p, o))
        else:
            return None
    if not patterns or any(isinstance(o, Variable) and o == peer for _, _, o in patterns):
        return None
    return PeerQuery(peer, this_vars, requires, patterns, conjuncts, compare_iri)


def _conjuncts(expr) -> list:
    if isinstance(expr, CompValue) and expr.name == "ConditionalAndExpression":
        return [part for e in [expr["expr"]] + list(expr.get("other") or []) for part in _conjuncts(e)]
    return [expr]


def _nt(term) -> str:
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, Literal):
        return term.n3()
    raise _Unsupported(repr(term))


class _Context:
    """Serialises the parts of one query for one focus node."""

    def __init__(self, query: PeerQuery, values: dict, node: str, bindings: dict) -> None:
        self.query, self.values, self.node, self.bindings = query, values, node, bindings

    def term(self, t) -> str:
        if t == THIS:
            return self.node
        if t in self.bindings:
            return self.bindings[t]
        if isinstance(t, Variable):
            return f"?{t}"
        return _nt(t)

    def same_value(self, conjunct) -> list[tuple[str, str]]:
        """Patterns the peer must have, as ``(predicate, object)``, from
        ``EXISTS { $this p ?a . ?peer p ?a } || (NOT EXISTS { $this p ?b } && …)``: when the
        focus node has one value for p, the peer has it too; when it has none, the first
        side is false, so every same-value conjunct of the second side holds instead.
        The store can start from such a pattern, where a filter is only checked."""
        if not (isinstance(conjunct, CompValue) and conjunct.name == "ConditionalOrExpression"):
            return []
        disjuncts = [conjunct["expr"]] + list(conjunct.get("other") or [])
        shared = [d for d in disjuncts if self._shared(d) is not None]
        if len(disjuncts) != 2 or len(shared) != 1:
            return []
        p1 = self._shared(shared[0])
        other = _conjuncts(disjuncts[1 - disjuncts.index(shared[0])])
        if not any(_plain_triples(_graph(part)) == [(THIS, p1, _var_of(part))]
                   for part in other if isinstance(part, CompValue) and part.name == "Builtin_NOTEXISTS"):
            return []
        vals = sorted(set(self.values.get(str(p1), [])))
        if vals:
            return [(f"<{p1}>", vals[0])] if len(vals) == 1 and not vals[0].startswith("_:") else []
        out = []
        for part in other:
            q = self._shared(part)
            found = sorted(set(self.values.get(str(q), []))) if q is not None else []
            if len(found) == 1 and not found[0].startswith("_:"):
                out.append((f"<{q}>", found[0]))
        return out

    def _shared(self, e) -> URIRef | None:
        """p when ``e`` is ``EXISTS { $this p ?a . ?peer p ?a }``, else None."""
        if not (isinstance(e, CompValue) and e.name == "Builtin_EXISTS"):
            return None
        triples = _plain_triples(_graph(e))
        if triples is None or len(triples) != 2:
            return None
        (s1, p1, o1), (s2, p2, o2) = sorted(triples, key=lambda t: t[0] != THIS)
        if s1 != THIS or s2 != self.query.peer or p1 != p2 or o1 != o2 or not isinstance(o1, Variable):
            return None
        return p1

    def expr(self, e, positive: bool) -> str:
        """An expression as SPARQL; where ``positive`` a type error counts as true."""
        if isinstance(e, (Variable, URIRef, Literal)):
            return self.term(e)
        if not isinstance(e, CompValue):
            raise _Unsupported(repr(e))
        name = e.name
        if name in ("ConditionalAndExpression", "ConditionalOrExpression"):
            op = " && " if name == "ConditionalAndExpression" else " || "
            return "(" + op.join(self.expr(x, positive) for x in [e["expr"]] + list(e.get("other") or [])) + ")"
        if name == "UnaryNot":
            return f"(!{self.expr(e['expr'], not positive)})"
        if name == "RelationalExpression":
            op = e["op"]
            left = self.expr(e["expr"], positive)
            if op in ("IN", "NOT IN"):
                inner = f"{left} {op} ({', '.join(self.expr(x, positive) for x in e['other'])})"
            elif op in _RELATIONAL:
                inner = f"{left} {op} {self.expr(e['other'], positive)}"
            else:
                raise _Unsupported(op)
            return f"COALESCE({inner}, {'true' if positive else 'false'})"
        if name == "Function" and str(e["iri"]).startswith(self.query.compare_iri):
            op = _FUNCTION_OPS.get(str(e["iri"])[len(self.query.compare_iri):])
            args = e.get("expr") or []
            if op is None or len(args) != 2:
                raise _Unsupported(str(e["iri"]))
            a, b = (self.expr(x, positive) for x in args)
            return f"COALESCE({a} {op} {b}, {'true' if positive else 'false'})"
        if name == "Builtin_STR":
            return f"STR({self.expr(e['arg'], positive)})"
        if name in ("Builtin_EXISTS", "Builtin_NOTEXISTS"):
            keyword = "EXISTS" if name == "Builtin_EXISTS" else "NOT EXISTS"
            return f"{keyword} {{ {self.group(_graph(e), positive == (name == 'Builtin_EXISTS'))} }}"
        raise _Unsupported(name)

    def group(self, graph, positive: bool) -> str:
        """An EXISTS group (rdflib algebra): ``$this``'s patterns as VALUES of its own values."""
        if not isinstance(graph, CompValue):
            raise _Unsupported(repr(graph))
        if graph.name == "BGP":
            return " ".join(self.triple(t, positive) for t in graph["triples"])
        if graph.name == "Join":
            return f"{self.group(graph['p1'], positive)} {self.group(graph['p2'], positive)}"
        if graph.name == "Filter":
            return f"{self.group(graph['p'], positive)} FILTER ({self.expr(graph['expr'], positive)})"
        raise _Unsupported(graph.name)

    def triple(self, t, positive: bool) -> str:
        s, p, o = t
        if not isinstance(p, URIRef):
            raise _Unsupported("path")
        if s != THIS:
            subject = self.term(s)
            return "VALUES ?none { }" if subject.startswith('"') else f"{subject} <{p}> {self.term(o)} ."
        vals = sorted(set(self.values.get(str(p), [])))
        if any(v.startswith("_:") for v in vals):
            if not positive:  # matching more often would make the negation drop peers
                raise _Unsupported("a blank node value under a negation")
            return ""  # matches whatever the blank node is: a superset
        if o in self.bindings:
            return "" if self.bindings[o] in vals else "VALUES ?none { }"
        if isinstance(o, Variable) and o != THIS:
            return f"VALUES ?{o} {{ {' '.join(vals)} }}"
        if not isinstance(o, Variable):
            return "" if _nt(o) in vals else "VALUES ?none { }"
        raise _Unsupported("$this as its own value")


def _graph(exists):
    # rdflib keeps the translated group as an attribute; the item is the parse tree,
    # from which the translation has taken the FILTERs.
    return exists.__dict__.get("graph", exists.get("graph"))


def _plain_triples(graph) -> list | None:
    """The triples of an algebra group made of basic graph patterns only, else None."""
    if isinstance(graph, CompValue) and graph.name == "BGP":
        return [tuple(t) for t in graph["triples"]]
    if isinstance(graph, CompValue) and graph.name == "Join":
        left, right = _plain_triples(graph["p1"]), _plain_triples(graph["p2"])
        return None if left is None or right is None else left + right
    return None


def _var_of(notexists) -> Variable | None:
    triples = _plain_triples(_graph(notexists)) or [(None, None, None)]
    return triples[0][2] if len(triples) == 1 else None
