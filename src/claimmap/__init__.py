"""claimmap: territorial-control claims in war reporting."""

from claimmap.__about__ import __version__
from claimmap.extract.pipeline import extract_article, extract_claims

__all__ = ["__version__", "extract_article", "extract_claims"]
