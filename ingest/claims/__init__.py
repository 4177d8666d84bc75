"""Claims: casualty and displacement figures, what they count, who gives them and how surely."""
from .stage import extract_claims

__all__ = ["extract_claims"]
