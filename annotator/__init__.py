"""Annotator: span annotation of Arabic news for content analysis."""

__version__ = "0.1.0"
