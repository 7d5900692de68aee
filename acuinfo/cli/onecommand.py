"""Build only the command being run.

Typer turns every registered command into a Click command on every run, reading
each function's signature and type hints. With twenty-odd commands that is a
few milliseconds of every start-up spent on commands that will not run. When
the arguments plainly name one command, the app is copied with just that
command; whenever they do not (help, completion, a misspelt command, an option
this module does not know), the whole app runs as it is, so Typer and Click
behave exactly as they would.
"""

from __future__ import annotations

import copy
import os
from collections.abc import Collection, Sequence

import typer
from typer.main import get_command_name


def command_named(args: Sequence[str], value_options: Collection[str],
                  flag_options: Collection[str]) -> str | None:
    """The command ``args`` run, skipping the root options before it, or None when
    that is not plain (``value_options`` take a value; ``flag_options`` do not)."""
    position = 0
    while position < len(args):
        arg = args[position]
        if arg in value_options:
            position += 2
        elif arg in flag_options or any(
                arg.startswith(f"{option}=") for option in value_options if option[1] == "-"):
            position += 1
        elif any(arg.startswith(option) and len(arg) > 2
                 for option in value_options if option[1] != "-"):
            position += 1  # a short option with its value attached, e.g. -dclinic
        elif arg.startswith("-"):
            return None  # --help, --version, "--" or something Click should judge
        else:
            return arg
    return None


def narrowed(app: typer.Typer, args: Sequence[str], value_options: Collection[str],
             flag_options: Collection[str], whole: Collection[str] = ()) -> typer.Typer:
    """``app`` holding only the command (or command group) that ``args`` run; ``app``
    itself when completion is asked for, the command is not plainly one of its own, or
    it is one of ``whole``, which need every command (``help``, say)."""
    if any(name.startswith("_") and name.endswith("_COMPLETE") for name in os.environ):
        return app  # shell completion lists every command
    name = command_named(args, value_options, flag_options)
    if name is None or name in whole:
        return app
    commands = [info for info in app.registered_commands
                if (info.name or get_command_name(info.callback.__name__)) == name]
    groups = [info for info in app.registered_groups if info.name == name]
    if len(commands) + len(groups) != 1:
        return app
    one = copy.copy(app)
    one.registered_commands = commands
    one.registered_groups = groups
    return one
