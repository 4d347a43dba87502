"""Synthetic articles for the benchmarks: realistic news reports, government notices and
features about 双创 carriers in every province, in the seeds' encodings and with their
kinds of damage, each with a manifest of what was planted (an answer key in the format
of tests/gold).

Typical use::

    from benchmarks.synthetic import World, generate_article, write_corpus
    write_corpus(1000, Path("/tmp/corpus"), seed=0)

Modules: ``world`` (provinces, agencies, people, carriers from the gazetteer),
``things`` (places, organisations, people, carriers), ``names`` (name vocabularies),
``grammar`` (templates and planted spans), ``figures`` (numbers as written),
``events``/``stats``/``stories`` (paragraph writers), ``kinds`` (article kinds),
``boilerplate`` (the page around an article), ``surface`` (script, pinyin, damage,
encoding), ``corpus`` (articles, files and the manifest), ``recall`` (scoring the
pipeline against the manifest).
"""

from .corpus import FILE_NAME, Generated, generate_article, read_gold, write_corpus
from .world import World

__all__ = ["FILE_NAME", "Generated", "World", "generate_article", "read_gold", "write_corpus"]
