"""The commands a clinic works with: new templates, validate, and where acuinfo looks
and which file an entry comes from."""

# No ``from __future__ import annotations``: Typer reads these annotations at run time.

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from acuinfo.base.errors import AcuinfoError
from acuinfo.base.safetext import shown_name
from acuinfo.cli.app import (
    Format,
    FormatOption,
    app,
    command,
    completer,
    examples,
    fail_with,
    settings_of,
    show_document,
)

new_app = typer.Typer(
    help="Start a new knowledge file from a commented template.\n\n"
         + examples('new condition "frozen shoulder"', "new tip walk-after-lunch",
                     "new source vickers-2018 --override"),
    no_args_is_help=True)
app.add_typer(new_app, name="new")


def _new_command(kind: str, example: str, name_help: str) -> None:
    """Register ``acuinfo new KIND NAME``."""

    def new(ctx: typer.Context, name: Annotated[str, typer.Argument(help=name_help)],
            override: Annotated[bool, typer.Option(
                "--override", help=f"Replace a {kind} of the same name that already exists "
                                   "(built in, or in another folder); the new file starts "
                                   "as a copy of it.")] = False) -> None:
        import datetime

        from acuinfo.base.places import user_folder
        from acuinfo.knowledge.loading import knowledge_in_use
        from acuinfo.knowledge.scaffold import write_template

        settings = settings_of(ctx)
        folder = Path(settings.data_dirs[0]) if settings.data_dirs else user_folder()
        made = not folder.exists()
        existing = knowledge_in_use([d for d in settings.data_dirs if Path(d).is_dir()],
                                    drafts=True)
        try:
            path = write_template(kind, name, folder, datetime.date.today(), existing,
                                  override)
        except AcuinfoError as err:
            fail_with(err)
        if made:
            sys.stderr.write(f"acuinfo: made the folder {shown_name(folder)}\n")
        typer.echo(shown_name(path))

    new.__doc__ = (f"Write a new {kind} template into your knowledge folder (or the first "
                   f"--data-dir) and print its path.\n\n"
                   + examples(f"new {kind} {example}", f"new {kind} {example} -d ./my-clinic"))
    command(new_app, kind)(new)


@command(new_app, "translation")
def new_translation(
    ctx: typer.Context,
    language: Annotated[str, typer.Argument(help="The language to translate into, e.g. es.")],
    name: Annotated[str, typer.Argument(
        help="What to translate: a condition or a page (e.g. neck-pain, safety), tips, "
             "session, glossary or names.")],
    override: Annotated[bool, typer.Option(
        "--override", help="Start your own version of a translation that already exists "
                           "in another folder (a built-in one, say), from a copy of it.")
    ] = False,
) -> None:
    """Start a translation of a knowledge file into your knowledge folder (or the first
    --data-dir), and print its path.

    \b
    Examples:
      acuinfo new translation es neck-pain
      acuinfo new translation zh-Hans pages/safety -d ./my-clinic
      acuinfo new translation es neck-pain --override
    """
    import datetime

    from acuinfo.base.places import user_folder
    from acuinfo.knowledge.loading import knowledge_in_use
    from acuinfo.knowledge.scaffold import write_translation

    settings = settings_of(ctx)
    folder = Path(settings.data_dirs[0]) if settings.data_dirs else user_folder()
    knowledge = knowledge_in_use([d for d in settings.data_dirs if Path(d).is_dir()],
                                 drafts=True)
    try:
        path = write_translation(language, name, folder, datetime.date.today(), knowledge,
                                 override)
    except AcuinfoError as err:
        fail_with(err)
    typer.echo(shown_name(path))


_new_command("condition", "frozen-shoulder", "The condition's name, e.g. \"frozen shoulder\".")
_new_command("tip", "walk-after-lunch", "A short name for the tip, e.g. walk-after-lunch.")
_new_command("source", "smith-2024", "An id for the source, e.g. smith-2024.")
_new_command("clinic", "\"Riverside Clinic\"", "Your clinic's name.")


@command()
def paths(ctx: typer.Context, fmt: FormatOption = Format.text) -> None:
    """Show every folder acuinfo reads, in order, and its cache folder.

    \b
    Examples:
      acuinfo paths
      acuinfo paths --format json
    """
    from acuinfo.base.places import cache_dir
    from acuinfo.knowledge.folders import candidate_folders
    from acuinfo.views import folders

    candidates = candidate_folders(settings_of(ctx).data_dirs)
    # Every folder's state is the page itself, so what cannot be read is shown, not failed.
    show_document(ctx, lambda knowledge: folders.paths_view(candidates, str(cache_dir())), fmt,
          check=False)


@command()
def which(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="A condition, page, tip, source or glossary term.",
                                        autocompletion=completer("condition"))],
    fmt: FormatOption = Format.text,
) -> None:
    """Say which file an entry comes from, and which files it overrides.

    \b
    Examples:
      acuinfo which neck-pain
      acuinfo which "stiff neck"
      acuinfo which vickers-2018
    """
    from acuinfo.views import folders

    show_document(ctx, lambda knowledge: folders.which_view(knowledge, name), fmt)


@command()
def validate(
    ctx: typer.Context,
    folders: Annotated[Optional[list[Path]], typer.Argument(  # noqa: UP045
        exists=True, file_okay=False, dir_okay=True, metavar="[DIR]...",
        help="Knowledge folders to check (default: every folder acuinfo reads).")] = None,
) -> None:
    """Check knowledge folders and list every problem with its file, line and column.

    \b
    Examples:
      acuinfo validate
      acuinfo validate ./my-clinic
    """
    from acuinfo.knowledge.checks import check_folders
    from acuinfo.knowledge.folders import Folder
    from acuinfo.knowledge.loading import Knowledge, knowledge_in_use

    chosen = [Folder(path, str(path), "argument") for path in folders or []]
    in_use = knowledge_in_use(settings_of(ctx).data_dirs)
    knowledge = Knowledge([*chosen, *in_use.folders])
    report = check_folders(chosen or knowledge.folders, knowledge)
    if not chosen:
        report.problems.extend(in_use.problems)
    for problem in sorted(report.problems, key=lambda p: (p.file, p.line or 0, p.column or 0)):
        typer.echo(str(problem))
    count = sum(not problem.warning for problem in report.problems)
    warnings = len(report.problems) - count
    folder_count = len(chosen or knowledge.folders)
    summary = (f"checked {report.files} file{'s' * (report.files != 1)} in {folder_count} "
               f"folder{'s' * (folder_count != 1)}: ")
    summary += "no problems" if not count else f"{count} problem{'s' * (count != 1)}"
    if warnings:
        summary += f", {warnings} warning{'s' * (warnings != 1)}"
    typer.echo(summary)
    raise typer.Exit(1 if count else 0)
