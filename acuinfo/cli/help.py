"""``acuinfo help [COMMAND...]``: the same help as ``--help``, asked for by name."""

from typing import Annotated, Optional

import typer

from acuinfo.base.safetext import clean_text
from acuinfo.cli.app import command


@command(name="help")
def help_command(
    ctx: typer.Context,
    command: Annotated[Optional[list[str]], typer.Argument(  # noqa: UP045 - Typer reads this form
        metavar="[COMMAND]...", help="A command, e.g. condition, or new condition.")] = None,
) -> None:
    """Show how to use acuinfo, or one of its commands.

    \b
    Examples:
      acuinfo help
      acuinfo help condition
      acuinfo help new condition
    """
    root = ctx.find_root()
    found, context = root.command, root
    for name in command or []:
        below = found.get_command(context, name) if hasattr(found, "get_command") else None
        if below is None:
            shown = " ".join(command)
            raise typer.BadParameter(f"acuinfo has no command {clean_text(shown)!r}; "
                                     "see them all with: acuinfo help", param_hint="COMMAND")
        found, context = below, typer.Context(below, info_name=name, parent=context)
    typer.echo(found.get_help(context))
