"""Read articles from text, Markdown and JSON Lines files, and from directories of them.

`read_articles` yields an `Article` for every article it could read and an `InputError` for every one it
could not, so that one bad file never stops a batch.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path

from .errors import InputError
from .model import Article

TEXT_SUFFIXES = {".txt", ".md"}
JSONL_SUFFIXES = {".jsonl"}
SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES
MAX_ARTICLE_CHARS = 500_000  # a news article is a few thousand characters: more is a corrupt or wrong file
MAX_FILE_BYTES = 4 * MAX_ARTICLE_CHARS

_HEADER = re.compile(r"\A\s*date(?:\s*:\s*|\s+)(\d{1,4}-\d{1,2}-\d{1,2}\S*)[ \t]*", re.IGNORECASE)
_FINAL_PUNCTUATION = ".!?:;…\"”»)"


def read_articles(paths: Iterable[str | Path]) -> Iterator[Article | InputError]:
    """Every article under the given files and directories, in a stable order."""
    seen: dict[str, str] = {}
    for path in _expand(paths):
        for item in _read_file(path) if not isinstance(path, InputError) else [path]:
            if isinstance(item, Article):
                if item.source in seen:
                    item = InputError(item.origin, f"source name '{item.source}' already read from {seen[item.source]}")
                else:
                    seen[item.source] = item.origin
            yield item


def _expand(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
                           and not any(part.startswith(".") for part in p.relative_to(path).parts))
            yield from files
        elif path.is_file():
            if path.suffix.lower() in SUFFIXES:
                yield path
            else:
                yield InputError(path, f"unsupported file type '{path.suffix or '(none)'}' (expected .txt, .md or .jsonl)")
        else:
            yield InputError(path, "no such file or directory")


def _read_file(path: Path) -> Iterator[Article | InputError]:
    if path.suffix.lower() in JSONL_SUFFIXES:
        yield from _read_jsonl(path)
        return
    try:
        text = _decode(path, _read_bytes(path))
        yield parse_text_article(text, source=path.name, origin=str(path))
    except InputError as err:
        yield err


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(path, f"file too large ({size:,} bytes; an article may have {MAX_FILE_BYTES:,})")
        return path.read_bytes()
    except OSError as err:
        raise InputError(path, f"cannot read: {err.strerror or err}") from None


def _decode(path: Path | str, data: bytes, line: int | None = None) -> str:
    if not data.strip():
        raise InputError(path, "empty file", line)
    if b"\x00" in data:
        raise InputError(path, "binary file, not text", line)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(path, f"not UTF-8 text (byte 0x{data[err.start]:02x} at offset {err.start})", line) from None
    return text


def parse_text_article(text: str, source: str, origin: str) -> Article:
    """An article from a text file: an optional `date YYYY-MM-DD` (or `date: ...`) header, an optional headline."""
    if not text.strip():
        raise InputError(origin, "empty file")
    if len(text) > MAX_ARTICLE_CHARS:
        raise InputError(origin, f"article too long ({len(text):,} characters; at most {MAX_ARTICLE_CHARS:,})")
    published, body_start = None, 0
    header = _HEADER.match(text)
    if header:
        published = parse_date(header.group(1), origin)
        body_start = header.end()
    if not text[body_start:].strip():
        raise InputError(origin, "no text after the date header")
    return Article(source=source, text=text, origin=origin, published=published,
                   title=_headline(text[body_start:]), body_start=body_start)


def _headline(body: str) -> str | None:
    """A first line without final punctuation, followed by a blank line, is a headline."""
    lines = body.lstrip().split("\n")
    if len(lines) < 3 or lines[1].strip():
        return None
    first = lines[0].strip()
    if not first or first[-1] in _FINAL_PUNCTUATION or len(first) > 300:
        return None
    return first


def parse_date(value: object, origin: str, line: int | None = None) -> date:
    """An ISO date (a date-time is cut to its day), or an InputError that says what was found."""
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date() if "T" in text else date.fromisoformat(text)
    except ValueError:
        shown = text if len(text) <= 40 else text[:37] + "..."
        raise InputError(origin, f"date {shown!r} is not a date (expected YYYY-MM-DD)", line) from None


def _read_jsonl(path: Path) -> Iterator[Article | InputError]:
    try:
        handle = path.open("rb")
    except OSError as err:
        yield InputError(path, f"cannot read: {err.strerror or err}")
        return
    with handle:
        any_line = False
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            any_line = True
            try:
                yield _jsonl_record(path, number, raw)
            except InputError as err:
                yield err
        if not any_line:
            yield InputError(path, "empty file")


def _jsonl_record(path: Path, number: int, raw: bytes) -> Article:
    if len(raw) > MAX_FILE_BYTES:
        raise InputError(path, "record too large", number)
    try:
        record = json.loads(_decode(path, raw, number))
    except json.JSONDecodeError as err:
        raise InputError(path, f"not JSON ({err.msg} at column {err.colno})", number) from None
    if not isinstance(record, dict):
        raise InputError(path, "a record must be a JSON object", number)
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(path, "record has no 'text'", number)
    if len(text) > MAX_ARTICLE_CHARS:
        raise InputError(path, f"article too long ({len(text):,} characters)", number)
    origin = f"{path}:{number}"
    source = str(record.get("id") or f"{path.name}:{number}")
    published = parse_date(record["date"], str(path), number) if record.get("date") else None
    title = record.get("title") if isinstance(record.get("title"), str) else None
    url = record.get("url") if isinstance(record.get("url"), str) else None
    return Article(source=source, text=text, origin=origin, published=published, title=title, url=url)
