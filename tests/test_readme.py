"""README documents every command, and starts with the two set-up commands CI runs."""
import re

from ingest.cli import _parser
from tests.conftest import REPO


def _commands():
    sub = next(a for a in _parser()._actions if a.dest == "command")
    return sorted(sub.choices)


def test_readme_documents_every_command():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for command in _commands():
        assert re.search(rf"`diplokg {command}\b", readme), f"README does not document `diplokg {command}`"


def test_readme_starts_with_the_two_set_up_commands():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    first_block = readme.split("```")[1]
    assert "pip install" in first_block and "diplokg build examples/articles" in first_block
    assert "pytest" in first_block


def test_every_command_has_help_with_an_example(capsys):
    parser = _parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name, p in sub.choices.items():
        assert "example" in (p.epilog or ""), f"{name} --help has no example"


def test_the_store_options_are_documented():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for option in ("--query-endpoint", "--update-endpoint", "--graph-store", "--user", "DIPLOKG_STORE_PASSWORD",
                   "DIPLOKG_STORE_TOKEN", "--limit", "--timeout"):
        assert option in readme, option
