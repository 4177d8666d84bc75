"""Dates: find date phrases, infer an undated article's day, resolve the phrases, and say which one
dates an event."""
from .attach import date_for
from .stage import resolve_dates

__all__ = ["date_for", "resolve_dates"]
