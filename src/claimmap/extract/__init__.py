"""Extraction: an article's text -> its territorial-control claims (``pipeline``)."""
