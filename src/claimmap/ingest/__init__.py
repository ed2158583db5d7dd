"""Ingest: bytes -> Article. (Being written.)"""
