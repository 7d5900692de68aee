"""The progress journal's commands: show it, add an entry (asking the three PEG
questions on a terminal), export, import, delete an entry, and where the file is."""

# No ``from __future__ import annotations``: Typer reads these annotations at run time.

import enum
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Optional

import typer

from acuinfo.base.errors import AcuinfoError
from acuinfo.base.safetext import clean_text, shown_name
from acuinfo.cli.app import (
    DataDirOption,
    DraftsOption,
    Format,
    FormatOption,
    NoPagerOption,
    app,
    command,
    examples,
    fail_with,
    settings_of,
    show_document,
)

journal_app = typer.Typer(
    help="Show your progress journal, and how much your scores have changed.\n\n"
         "The journal holds your PEG scores (pain, and how much it gets in the way of "
         "enjoyment of life and of general activity) over a course of acupuncture, shown "
         "as a chart and a table. It is kept on this computer only (see: acuinfo journal "
         "path).\n\n"
         + examples("journal", "journal add", "journal add --pain 6 --enjoyment 5 "
                    "--activity 4 --session 1", "journal --format html > journal.html"),
    invoke_without_command=True)
app.add_typer(journal_app, name="journal")

JournalOption = Annotated[Optional[Path], typer.Option(  # noqa: UP045 - Typer reads this
    "--journal", dir_okay=False, metavar="FILE",
    help="The journal file to use, such as one per patient (or set ACUINFO_JOURNAL). "
         "Without it: the one 'acuinfo journal path' shows.")]
_META = "acuinfo.journal"


def _chosen(ctx: typer.Context, given: Optional[Path]) -> tuple[Path, bool]:  # noqa: UP045
    """The journal file, and whether it is the default one (whose folder acuinfo makes)."""
    import os

    from acuinfo.base.places import journal_file

    given = given or ctx.meta.get(_META)
    if given is not None:
        return Path(given), False
    return journal_file(), not os.environ.get("ACUINFO_JOURNAL")


def _open(ctx: typer.Context, given: Optional[Path], create: bool = False,  # noqa: UP045
          changing: bool = False):
    from acuinfo.journal.store import Journal

    path, default = _chosen(ctx, given)
    try:
        return path, Journal.open(path, create=create, make_folder=default, changing=changing)
    except AcuinfoError as err:
        fail_with(err)


def _entries(ctx: typer.Context, given: Optional[Path]) -> tuple:  # noqa: UP045
    path, journal = _open(ctx, given)
    if journal is None:
        return path, []
    with journal:
        try:
            return path, journal.entries()
        except AcuinfoError as err:
            fail_with(err)


def handout_part(ctx: typer.Context) -> Callable:
    """The journal's part of a handout, from the journal in use, given a way to cite."""
    import functools

    from acuinfo.views.journal import handout_sections

    return functools.partial(handout_sections, _entries(ctx, None)[1])


@journal_app.callback()
def journal(
    ctx: typer.Context,
    fmt: FormatOption = Format.text,
    file: JournalOption = None,
    data_dir: DataDirOption = None,
    no_pager: NoPagerOption = False,
    drafts: DraftsOption = False,
) -> None:
    """Show your progress journal, and how much your scores have changed."""
    before = settings_of(ctx)
    ctx.obj = ctx.find_root().obj = before._replace(
        data_dirs=(*before.data_dirs, *(data_dir or ())), pager=before.pager and not no_pager,
        drafts=before.drafts or drafts)
    ctx.meta[_META] = file
    if ctx.invoked_subcommand is not None:
        return
    from acuinfo.views.journal import journal_page

    path, entries = _entries(ctx, file)
    show_document(ctx, lambda knowledge: journal_page(knowledge, entries, shown_name(path)),
                  fmt)


def _ask(question: object, first: bool) -> int:
    """Ask one question on the terminal until the answer is a score."""
    from acuinfo.journal.entries import InputError, score

    typer.echo(("" if first else "\n") + f"{question.text}\n"
               f"  0 = {question.low}, 10 = {question.high}")
    while True:
        try:
            answer = typer.prompt("  Your answer (0 to 10)", prompt_suffix=": ")
        except typer.Abort:
            fail_with(AcuinfoError("no answer, so nothing was added"))
        try:
            return score(answer, "the answer")
        except InputError as err:
            typer.echo(f"  {err}; try again.")


@command(journal_app, "add")
def add(
    ctx: typer.Context,
    pain: Annotated[Optional[str], typer.Option(  # noqa: UP045
        "--pain", metavar="0-10", help="Your pain on average in the past week.")] = None,
    enjoyment: Annotated[Optional[str], typer.Option(  # noqa: UP045
        "--enjoyment", metavar="0-10",
        help="How much pain got in the way of your enjoyment of life in the past week.")
    ] = None,
    activity: Annotated[Optional[str], typer.Option(  # noqa: UP045
        "--activity", metavar="0-10",
        help="How much pain got in the way of your general activity in the past week.")
    ] = None,
    session: Annotated[Optional[str], typer.Option(  # noqa: UP045
        "--session", metavar="N", help="The session of your course this entry comes after "
                                       "(leave it out before the first one).")] = None,
    date: Annotated[Optional[str], typer.Option(  # noqa: UP045
        "--date", metavar="YYYY-MM-DD", help="The day of the entry (default: today).")
    ] = None,
    note: Annotated[Optional[str], typer.Option(  # noqa: UP045
        "--note", help="A few words, such as what you could do again.")] = None,
    file: JournalOption = None,
) -> None:
    """Add an entry: the three PEG questions about the past week, each from 0 to 10.

    On a terminal it asks the questions you did not answer with --pain, --enjoyment
    and --activity; in a script, give all three.

    \b
    Examples:
      acuinfo journal add
      acuinfo journal add --session 3 --note "walked to the shops"
      acuinfo journal add --pain 6 --enjoyment 5 --activity 4 --date 2026-12-01
    """
    import datetime

    from acuinfo.journal import entries

    given = {"pain": pain, "enjoyment": enjoyment, "activity": activity, "date": date,
             "session": session, "note": note}
    today = datetime.date.today()
    # Everything given is checked before any question is asked.
    checks = {key: given[key] if given[key] is not None else "0" for key in entries.KEYS}
    _, problems = entries.checked({**given, **checks}, today)
    if problems:
        _fail_input(problems)
    missing = [q for q in entries.QUESTIONS if given[q.key] is None]
    if missing and not sys.stdin.isatty():
        _fail_input(["give --pain, --enjoyment and --activity, each a whole number from 0 to "
                     "10, or run 'acuinfo journal add' on a terminal to be asked"])
    for number, question in enumerate(missing):
        given[question.key] = str(_ask(question, number == 0))
    entry = entries.new_entry(given, today)
    _, journal = _open(ctx, file, create=True)
    with journal:
        try:
            entry = journal.add(entry)
        except AcuinfoError as err:
            fail_with(err)
    typer.echo(f"Added entry {entry.id}: {_described(entry)}.")


def _described(entry: object) -> str:
    from acuinfo.base.dates import long_date
    from acuinfo.journal.entries import score_text

    after = f", after session {entry.session}" if entry.session else ""
    return (f"{long_date(entry.day.isoformat())}{after}, PEG score "
            f"{score_text(entry.score())} (pain {entry.pain}, enjoyment {entry.enjoyment}, "
            f"activity {entry.activity})")


def _fail_input(problems: list[str]) -> None:
    for problem in problems:
        sys.stderr.write(f"acuinfo: {clean_text(problem)}\n")
    raise typer.Exit(2)


class ExportFormat(str, enum.Enum):
    csv = "csv"
    json = "json"


@command(journal_app, "export")
def export(
    ctx: typer.Context,
    fmt: Annotated[ExportFormat, typer.Option(
        "--format", "-f", case_sensitive=False, help="csv (the default) or json.")
    ] = ExportFormat.csv,
    output: Annotated[Optional[Path], typer.Option(  # noqa: UP045
        "--output", "-o", dir_okay=False,
        help="The file to write (readable by you only); without it, the output.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace the file if it exists.")
                     ] = False,
    file: JournalOption = None,
) -> None:
    """Write every entry as CSV or JSON, to keep, to share or to import again.

    \b
    Examples:
      acuinfo journal export -o journal.csv
      acuinfo journal export --format json > journal.json
    """
    from acuinfo.base import safewrite
    from acuinfo.journal.exchange import export as exported

    _, found = _entries(ctx, file)
    text = exported(found, fmt.value)
    if output is None:
        sys.stdout.write(text)
        return
    shown = shown_name(output)
    try:
        safewrite.write_file(output, text.encode("utf-8"), replace=force, private=True,
                             sweep_stale=True)
    except FileExistsError:
        fail_with(AcuinfoError(f"{shown} already exists; choose another name, or add "
                               "--force to replace it"))
    except AcuinfoError as err:
        fail_with(err)
    except OSError as err:
        kept = "the file that was there is unchanged" if force else "nothing was written"
        fail_with(AcuinfoError(f"cannot write {shown}: {err.strerror or err}; {kept}"))
    typer.echo(f"Wrote {len(found)} entr{'y' if len(found) == 1 else 'ies'} to {shown}")


@command(journal_app, "import")
def import_(
    ctx: typer.Context,
    source: Annotated[Path, typer.Argument(
        metavar="FILE", dir_okay=False, help="A file 'acuinfo journal export' wrote (CSV or "
                                             "JSON).")],
    file: JournalOption = None,
) -> None:
    """Add the entries of an exported file, leaving out those the journal already holds.

    The file is checked whole first: if any line has a problem, every problem is
    listed and nothing is imported.

    \b
    Examples:
      acuinfo journal import journal.csv
      acuinfo journal import journal.json --journal patient-12.sqlite
    """
    import datetime

    from acuinfo.base.dates import long_date
    from acuinfo.base.saferead import read_limited
    from acuinfo.journal.exchange import MAX_BYTES, ImportProblems, parse

    shown = shown_name(source)
    try:
        text = read_limited(source, MAX_BYTES).decode("utf-8")
    except FileNotFoundError:
        _fail_input([f"there is no file {shown}"])
    except UnicodeDecodeError:
        _fail_input([f"{shown} is not text written as UTF-8, so not an export; nothing was "
                     "imported"])
    except OSError as err:
        fail_with(AcuinfoError(f"cannot read {shown}: {err.strerror or err}"))
    try:
        found = parse(text, str(source), datetime.date.today())
    except ImportProblems as err:
        count = len(err.problems)
        _fail_input([*(str(problem) for problem in err.problems),
                     f"{count} problem{'s' * (count != 1)} in {shown}, so nothing was "
                     "imported; fix them and try again"])
    _, journal = _open(ctx, file, create=True)
    with journal:
        try:
            added, skipped = journal.add_new([entry for _, entry in found])
        except AcuinfoError as err:
            fail_with(err)
    for position, twin in skipped:
        sys.stderr.write(f"acuinfo: skipped line {found[position][0]}: the journal already "
                         f"has it, as entry {twin.id} "
                         f"({long_date(twin.day.isoformat())})\n")
    typer.echo(f"Imported {len(added)} entr{'y' if len(added) == 1 else 'ies'} from {shown}"
               + (f"; skipped {len(skipped)} the journal already had" if skipped else "")
               + ".")


@command(journal_app, "delete")
def delete(
    ctx: typer.Context,
    number: Annotated[int, typer.Argument(metavar="NUMBER", min=1,
                                          help="The entry's number, as 'acuinfo journal' "
                                               "shows it.")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask first.")] = False,
    file: JournalOption = None,
) -> None:
    """Delete one entry, after asking (or at once with --yes).

    \b
    Examples:
      acuinfo journal delete 3
      acuinfo journal delete 3 --yes
    """
    path, journal = _open(ctx, file, changing=True)
    if journal is None:
        _fail_input([f"there is no journal yet at {shown_name(path)}, so no entry {number}"])
    with journal:
        try:
            entry = journal.entry(number)
            if not yes:
                if not sys.stdin.isatty():
                    _fail_input([f"add --yes to delete entry {number} without being asked"])
                if not typer.confirm(f"Delete entry {number}: {_described(entry)}?"):
                    typer.echo("Nothing was deleted.")
                    return
            entry = journal.delete(number)
        except AcuinfoError as err:
            fail_with(err)
    typer.echo(f"Deleted entry {number}: {_described(entry)}.")


@command(journal_app, "path")
def path(ctx: typer.Context, file: JournalOption = None) -> None:
    """Show where the journal is kept (to back it up, or to delete it).

    \b
    Examples:
      acuinfo journal path
      ACUINFO_JOURNAL=patient-12.sqlite acuinfo journal path
    """
    chosen, _ = _chosen(ctx, file)
    typer.echo(shown_name(chosen))
    if not chosen.exists():
        sys.stderr.write("acuinfo: there is no journal there yet; 'acuinfo journal add' "
                         "starts it\n")
