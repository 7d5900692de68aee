"""The handout command: a handout to print and take home."""

# No ``from __future__ import annotations``: Typer reads these annotations at run time.

import enum
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from acuinfo.base.errors import AcuinfoError
from acuinfo.base.safetext import shown_name
from acuinfo.cli.app import (
    build_document,
    command,
    completer,
    fail_with,
    report_problems,
)


class Paper(str, enum.Enum):
    """The paper a handout is printed on."""

    a4 = "a4"
    letter = "letter"


# A handout's format, from the end of its file name.
HANDOUT_FORMATS = {".html": "html", ".htm": "html", ".md": "markdown", ".txt": "plain"}
HANDOUT_NAMES = ".html (or .htm), .md or .txt"


@command()
def handout(
    ctx: typer.Context,
    names: Annotated[list[str], typer.Argument(
        metavar="NAME...", help="One or more conditions, e.g. neck-pain low-back-pain.",
        autocompletion=completer("condition"))],
    output: Annotated[Path, typer.Option(
        "--output", "-o", dir_okay=False,
        help=f"The file to write. Its name ends in {HANDOUT_NAMES}, which says the format: "
             "a web page to print, Markdown or plain text.")],
    session: Annotated[bool, typer.Option(
        "--session", help="Add the session journey: before, during and after.")] = False,
    tips: Annotated[bool, typer.Option(
        "--tips", help="Add self-care tips for these conditions.")] = False,
    short: Annotated[bool, typer.Option(
        "--short", "--leaflet",
        help="The short form: key points, phone numbers, when to get help and a pain "
             "diary.")] = False,
    safety: Annotated[bool, typer.Option(
        "--safety", help="Add the safety page: who should take care and the side "
                         "effects.")] = False,
    red_flags: Annotated[bool, typer.Option(
        "--red-flags", help="Add every warning sign of the red-flags page, for back pain, "
                            "neck pain and headache.")] = False,
    paper: Annotated[Optional[Paper], typer.Option(  # noqa: UP045 - Typer reads this form
        "--paper", case_sensitive=False,
        help="The paper to print on (HTML only); without it, the printer's own.")] = None,
    force: Annotated[bool, typer.Option(
        "--force", help="Replace the file if it already exists.")] = False,
    journal: Annotated[bool, typer.Option(
        "--journal", help="Add your progress journal's chart and the change since the "
                          "start (the journal 'acuinfo journal path' shows).")] = False,
) -> None:
    """Write a handout to print and take home, for one or more conditions.

    It holds the key points, phone numbers, when to get help and a pain diary,
    and, unless --short, a part on each condition.

    \b
    Examples:
      acuinfo handout neck-pain --session --tips -o neck-pain.html
      acuinfo handout low-back-pain --short --paper letter -o back.html
      acuinfo handout neck-pain sciatica --red-flags -o handout.md --force
    """
    import datetime
    import io

    from acuinfo.base import safewrite
    from acuinfo.render import render
    from acuinfo.views import handout

    fmt = HANDOUT_FORMATS.get(output.suffix.lower()) if output.stem else None
    if fmt is None:  # before anything else: "-o ''" is a mistake, not a file that exists
        ending = output.suffix if output.stem else ""
        raise typer.BadParameter(
            (f"a handout cannot be written as {ending}; " if ending else
             "the file name needs an ending that says the format; ")
            + f"use a name that ends in {HANDOUT_NAMES}", param_hint="'--output' / '-o'")
    if short and (session or tips):
        raise typer.BadParameter("the short form has no session journey or tips; leave out "
                                 "--session and --tips, or --short", param_hint="'--short'")
    if paper is not None and fmt != "html":
        raise typer.BadParameter("the paper size is for a handout written as HTML (.html or "
                                 ".htm)", param_hint="'--paper'")
    shown = shown_name(output)
    try:  # refuse at once what cannot be written, before any work
        note = safewrite.check_target(output, force)
    except FileExistsError:
        fail_with(AcuinfoError(f"{shown} already exists; choose another name, "
                           "or add --force to replace it"))
    except AcuinfoError as err:
        fail_with(err)
    part = None
    if journal:  # the progress journal's part
        from acuinfo.cli.journal import handout_part

        part = handout_part(ctx)
    knowledge, document = build_document(ctx, lambda knowledge: handout.handout(
        knowledge, names, session, tips, datetime.date.today(), short=short, safety=safety,
        red_flags=red_flags, paper=paper.value if paper else None, journal=part),
        drafts=False)
    if knowledge.problems:  # a handout is made from sound knowledge or not at all
        report_problems(knowledge.problems)
        sys.stderr.write(f"acuinfo: {shown} was not written\n")
        raise typer.Exit(1)
    page = io.StringIO()
    render(document, fmt, page)
    try:
        safewrite.write_file(output, page.getvalue().encode("utf-8"), replace=force,
                             sweep_stale=True)
    except FileExistsError:
        fail_with(AcuinfoError(f"{shown} already exists; add --force to replace it"))
    except AcuinfoError as err:
        fail_with(err)
    except OSError as err:
        kept = "the file that was there is unchanged" if force else "nothing was written"
        fail_with(AcuinfoError(f"cannot write {shown}: {err.strerror or err}; {kept}"))
    if note:
        sys.stderr.write(f"acuinfo: {note}\n")
    typer.echo(f"Wrote {shown}")
