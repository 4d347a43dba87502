"""sckg: the knowledge graph of China's mass entrepreneurship and innovation carriers."""

__version__ = "0.1.0"
