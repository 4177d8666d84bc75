"""Every command has help with an example, and README documents it."""
from __future__ import annotations

import argparse

from ingest.cli import EXAMPLES, _parser
from tests.conftest import REPO


def _commands() -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in _parser()._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_every_command_has_an_example_in_its_help_and_a_readme_section():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for name, parser in _commands().items():
        assert EXAMPLES[name] in parser.format_help(), name
        assert f"### `diplokg {name}" in readme, f"README does not document `diplokg {name}`"


def test_the_store_options_are_documented():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for option in ("--query-endpoint", "--update-endpoint", "--graph-store", "--user", "DIPLOKG_STORE_PASSWORD",
                   "DIPLOKG_STORE_TOKEN", "--limit", "--timeout"):
        assert option in readme, option
