"""Extraction: entities and figures read from normalized article text."""
