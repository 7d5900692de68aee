"""Building only the command being run changes nothing a person can see."""

from __future__ import annotations

import pytest
import typer.main
from typer.testing import CliRunner

from acuinfo.cli import main as app  # the app, with every command registered
from acuinfo.cli.onecommand import command_named, narrowed

VALUES, FLAGS = app.ROOT_VALUE_OPTIONS, app.ROOT_FLAGS


def test_root_options_are_known():
    """Every option before the command is either a value or a flag option here, so
    the command after it is found; those left out make the whole app run."""
    group = typer.main.get_command(app.app)
    for param in group.params:
        names = [*param.opts, *param.secondary_opts]
        if param.name in ("version", "help", "install_completion", "show_completion"):
            continue  # these end the run before any command; the whole app handles them
        if param.is_flag:
            assert set(names) <= set(FLAGS), names
        else:
            assert set(names) <= set(VALUES), names


@pytest.mark.parametrize(("args", "name"), [
    (["condition", "neck-pain"], "condition"),
    (["-d", "clinic", "conditions"], "conditions"),
    (["--data-dir", "a", "--data-dir=b", "-dc", "--no-pager", "search", "x"], "search"),
    (["new", "tip", "x"], "new"),
    (["--help"], None),
    (["--version", "condition"], None),
    (["-d"], None),
    (["--", "condition"], None),
    ([], None),
])
def test_command_named(args, name):
    assert command_named(args, VALUES, FLAGS) == name


def names_in(app) -> list[str]:
    return sorted(typer.main.get_command(app).commands)


def test_narrowed_keeps_one_command_or_group():
    assert names_in(narrowed(app.app, ["condition", "x"], VALUES, FLAGS)) == ["condition"]
    assert names_in(narrowed(app.app, ["new", "tip"], VALUES, FLAGS)) == ["new"]
    assert narrowed(app.app, ["red-flags"], VALUES, FLAGS).registered_commands[0].name \
        == "red-flags"
    assert len(names_in(app.app)) > 10  # the app itself is left whole


@pytest.mark.parametrize("args", [["no-such-command"], ["--help"], ["-h"], []])
def test_unclear_arguments_run_the_whole_app(args):
    assert narrowed(app.app, args, VALUES, FLAGS) is app.app


def test_completion_runs_the_whole_app(monkeypatch):
    monkeypatch.setenv("_ACUINFO_COMPLETE", "bash_complete")
    assert narrowed(app.app, ["condition"], VALUES, FLAGS) is app.app


@pytest.mark.parametrize("args", [
    ["condition", "neck-pain"],
    ["condition", "--help"],
    ["condition"],
    ["--no-pager", "tips", "--category", "movement"],
    ["session", "--before", "--after"],
    ["new", "--help"],
    ["new", "nonsense"],
    ["sources", "--format", "bogus"],
])
def test_same_output_as_the_whole_app(args):
    runner = CliRunner()
    whole = runner.invoke(app.app, args, prog_name="acuinfo")
    one = runner.invoke(narrowed(app.app, args, VALUES, FLAGS), args, prog_name="acuinfo")
    assert (one.exit_code, one.output) == (whole.exit_code, whole.output)
