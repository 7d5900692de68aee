"""Help and version: every command says what it is for and shows an example."""

from __future__ import annotations

import pytest

from acuinfo import __version__
from acuinfo.cli import app


def command_names() -> list[str]:
    import typer.main

    group = typer.main.get_command(app)
    return sorted(group.commands)


def test_version(invoke):
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"acuinfo {__version__}"


def test_top_level_help_lists_commands(invoke):
    result = invoke("--help")
    assert result.exit_code == 0
    for name in command_names():
        assert name in result.stdout
    assert "Example: acuinfo" in result.stdout


def test_no_arguments_shows_help(invoke):
    result = invoke()
    assert "Usage: acuinfo" in result.output


@pytest.mark.parametrize("name", command_names())
def test_every_command_has_purpose_and_example(invoke, name):
    result = invoke(name, "--help")
    assert result.exit_code == 0
    lines = [line.strip() for line in result.stdout.splitlines() if line.strip()]
    purpose = lines[lines.index(next(li for li in lines if li.startswith("Usage:"))) + 1]
    assert purpose.endswith("."), f"{name}: no one-line purpose"
    assert f"Example: acuinfo {name}" in result.stdout


def test_unknown_command_and_option(invoke):
    assert invoke("frobnicate").exit_code == 2
    assert invoke("conditions", "--frobnicate").exit_code == 2
