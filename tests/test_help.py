"""Help and version: every command says what it is for and shows an example."""

from __future__ import annotations

import pytest

from acuinfo import __version__
from acuinfo.cli.main import app


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
    assert "Examples:\n    acuinfo" in result.stdout


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
    examples = [line for line in lines[lines.index("Examples:") + 1:]
                if line.startswith(f"acuinfo {name}")]
    assert 2 <= len(examples) <= 4, f"{name}: two or three examples, as tldr pages give"
    assert "Examples:\n    acuinfo" in result.stdout, "examples are not rewrapped"


def test_unknown_command_and_option(invoke):
    assert invoke("frobnicate").exit_code == 2
    assert invoke("conditions", "--frobnicate").exit_code == 2


@pytest.mark.parametrize("words", [[], ["condition"], ["new", "condition"], ["red-flags"]])
def test_help_command_shows_the_same_help_as_the_option(run_script, words):
    asked = run_script("help", *words)
    assert asked.returncode == 0, asked.stderr
    assert asked.stdout == run_script(*words, "--help").stdout


def test_help_for_a_command_that_does_not_exist(run_script):
    result = run_script("help", "frobnicate")
    assert result.returncode == 2
    assert "acuinfo has no command 'frobnicate'" in result.stderr


def test_each_new_kind_has_examples(invoke):
    for kind in ("condition", "tip", "source", "clinic"):
        result = invoke("new", kind, "--help")
        assert result.stdout.count(f"acuinfo new {kind}") >= 2, kind


def readme_table_commands() -> list[tuple[str, list[str], list[str]]]:
    """Each command the README's table names, with the options its row shows."""
    from pathlib import Path

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text("utf-8")
    table = readme.split("## Commands", 1)[1].split("\n\n", 2)[1]
    rows = []
    for line in table.splitlines()[2:]:
        cell = line.split(" | ")[0]
        for code in cell.split("`")[1::2]:
            words = code.replace("\\|", "|").split()
            options = [w.strip("[]").split("|")[0] for w in words if w.strip("[").startswith("-")]
            rows.append((words[1].split("|")[0], words[2:3], options))
    return rows


def test_the_readme_table_names_real_commands_and_options(invoke):
    rows = readme_table_commands()
    assert len(rows) >= 20
    for command, after, options in rows:
        assert command in command_names(), command
        sub = [word for word in after if word in ("add", "export", "import", "delete")]
        args = [command, *sub]
        shown = invoke(*args, "--help")
        assert shown.exit_code == 0, args
        for option in options:
            assert option.split("=")[0] in shown.stdout, f"{args}: {option}"
