"""Cross-checking the sckg dump on a second SPARQL engine (Virtuoso, from Debian).

``virtuoso`` installs and runs a private Virtuoso instance, ``terms`` turns answers
of either engine into comparable RDF terms and compares them, ``report`` writes the
results page. ``benchmarks/second_engine.py`` ties them together (``make second-engine``).
"""
