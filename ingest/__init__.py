"""diplokg: news articles in, a diplomatic-actor knowledge graph out."""

__version__ = "0.1.0"
