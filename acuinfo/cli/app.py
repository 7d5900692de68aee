"""The command line: each command parses its arguments, picks a view and a format.

Content lives in the knowledge files, wording around it in ``views``, and
layout in ``render``; nothing here knows about any of them beyond a name.
"""

import enum
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Optional

import typer

from acuinfo import __version__
from acuinfo.base.errors import AcuinfoError, KnowledgeError, NotFoundError, Problem
from acuinfo.base.namedrecord import Record
from acuinfo.base.safetext import clean_text, shown_name
from acuinfo.render import RENDERERS


def _examples(*examples: str) -> str:
    """A help text's examples, one command a line, as Click shows them unwrapped."""
    return "\b\nExamples:\n" + "\n".join(f"  acuinfo {example}" for example in examples) + "\n"


def _with_examples(purpose: str, *examples: str) -> str:
    return f"{purpose}\n\n{_examples(*examples)}"


HELP = """Plain-language answers about acupuncture for neck, back and other long-lasting pain.

acuinfo informs; it does not replace your doctor. For signs that need urgent
care, run: acuinfo red-flags

""" + _examples("condition neck-pain", "search pain down my leg", "red-flags",
                "help condition")

app = typer.Typer(
    name="acuinfo",
    help=HELP,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


# One choice per renderer: adding a renderer adds the format to every command.
Format = enum.Enum("Format", {name: name for name in RENDERERS}, type=str)


FormatOption = Annotated[Format, typer.Option(
    "--format", "-f", case_sensitive=False,
    help="text (the default) for reading in a terminal; "
         + ", ".join(name for name in RENDERERS if name != "text") + " for other uses.",
)]


def _completer(kind: str) -> Callable[[typer.Context, str], list[str]]:
    """Shell completion for names of ``kind``, from every knowledge folder in use."""

    def complete(ctx: typer.Context, incomplete: str) -> list[str]:
        from acuinfo.finding import index, ranking
        from acuinfo.knowledge.loading import knowledge_in_use

        try:
            knowledge = knowledge_in_use(ctx.find_root().params.get("data_dir") or [])
            if kind == "source":
                names = sorted(knowledge.sources())
            elif kind == "category":
                names = [c.id for c in knowledge.tips().categories]
            else:
                names = index.using(knowledge, lambda c: ranking.names_of(c, kind))
        except AcuinfoError:
            return []
        return [name for name in names if name.startswith(incomplete.lower())]

    return complete


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"acuinfo {__version__}")
        raise typer.Exit()


class Settings(Record):
    """The options every command takes, given before the command or after it."""

    data_dirs: tuple[Path, ...] = ()
    pager: bool = True
    drafts: bool = False


def _settings(ctx: typer.Context) -> Settings:
    return ctx.obj if isinstance(ctx.obj, Settings) else Settings()


# The options every command takes, defined once. They may come before the command
# (acuinfo -d DIR condition x) or after it (acuinfo condition x -d DIR), as with git.
DataDirOption = Annotated[Optional[list[Path]], typer.Option(  # noqa: UP045 - Typer reads this
    "--data-dir", "-d", file_okay=False, dir_okay=True,
    help="A knowledge folder to read before the built-in one. Repeat for more; "
         "the first one given wins.",
)]
NoPagerOption = Annotated[bool, typer.Option(
    "--no-pager", help="Never send long output through a pager.")]
DraftsOption = Annotated[bool, typer.Option(
    "--drafts", help="Also show entries marked 'status: draft', marked DRAFT (never in "
                     "handouts).")]

# The root's options, so that the command after them can be found without building
# every command (see acuinfo.cli.onecommand); a test keeps them in step.
ROOT_VALUE_OPTIONS = ("--data-dir", "-d")
ROOT_FLAGS = ("--no-pager", "--drafts")


@app.callback()
def _options(
    ctx: typer.Context,
    data_dir: DataDirOption = None,
    no_pager: NoPagerOption = False,
    drafts: DraftsOption = False,
    version: Annotated[bool, typer.Option(
        "--version", "-V", callback=_show_version, is_eager=True,
        help="Show the version and exit.",
    )] = False,
) -> None:
    """Plain-language answers about acupuncture for long-lasting pain."""
    ctx.obj = Settings(tuple(data_dir or ()), pager=not no_pager, drafts=drafts)


_SHARED = {"data_dir": DataDirOption, "no_pager": NoPagerOption, "drafts": DraftsOption}


def _command(group: typer.Typer = app, name: str | None = None) -> Callable:
    """Register a command that also takes the root's options after its own arguments;
    given there, they add to those given before the command."""
    import functools
    import inspect

    def register(function: Callable) -> Callable:
        signature = inspect.signature(function)
        shared = [inspect.Parameter(option, inspect.Parameter.KEYWORD_ONLY,
                                    default=False if option != "data_dir" else None,
                                    annotation=annotation)
                  for option, annotation in _SHARED.items()]

        @functools.wraps(function)
        def run(*args: object, data_dir: list[Path] | None = None, no_pager: bool = False,
                drafts: bool = False, **kwargs: object) -> object:
            context = kwargs["ctx"]  # every command takes its context first
            before = _settings(context)
            merged = before._replace(data_dirs=(*before.data_dirs, *(data_dir or ())),
                                     pager=before.pager and not no_pager,
                                     drafts=before.drafts or drafts)
            context.obj = context.find_root().obj = merged
            try:
                return function(*args, **kwargs)
            except BrokenPipeError:  # the reader had enough (| head -1): that is success
                _silence_stdout()
                raise typer.Exit(0) from None

        run.__signature__ = signature.replace(
            parameters=[*signature.parameters.values(), *shared])
        group.command(name)(run)
        return function

    return register


def _build(ctx: typer.Context, build: Callable, drafts: bool | None = None) -> tuple:
    """The knowledge in use and the document ``build`` makes from it; a domain error
    becomes a message and an exit status. ``drafts`` False leaves drafts out whatever
    the options say."""
    from acuinfo.knowledge.loading import knowledge_in_use

    settings = _settings(ctx)
    _require_folders(settings.data_dirs)
    knowledge = knowledge_in_use(settings.data_dirs,
                                 drafts=settings.drafts if drafts is None else drafts)
    try:
        return knowledge, build(knowledge)
    except AcuinfoError as err:
        if knowledge.problems and not isinstance(err, KnowledgeError):
            _report(knowledge.problems)  # a broken file may be why a name was not found
        _fail(err)


def _require_folders(folders: tuple[Path, ...]) -> None:
    """A --data-dir folder must be a folder (``new`` makes one that is missing)."""
    from acuinfo.knowledge.folders import Folder

    for folder in folders:
        state = Folder(folder, str(folder), "--data-dir").state()
        if state == "missing":
            raise typer.BadParameter(
                f"the folder {shown_name(folder)} does not exist. Check the name, or start "
                f"it with: acuinfo new condition NAME -d {shown_name(folder)}",
                param_hint="'--data-dir' / '-d'")
        if state != "folder":
            raise typer.BadParameter(f"{shown_name(folder)} {state}",
                                     param_hint="'--data-dir' / '-d'")


def _finish(knowledge: object) -> None:
    """Exit 1 after the output if any file met on the way had a problem."""
    if knowledge.problems:
        _report(knowledge.problems)
        raise typer.Exit(1)


def _show(ctx: typer.Context, build: Callable, fmt: Format, check: bool = True) -> None:
    """Build a document from the knowledge base and write it in the chosen format;
    then, if ``check``, report the problems met on the way and exit 1 if there were."""
    from acuinfo.cli import pager
    from acuinfo.render import render

    knowledge, document = _build(ctx, build)
    if _settings(ctx).pager and pager.wanted(sys.stdout):
        page = pager.TerminalBuffer(sys.stdout)
        render(document, fmt.value, page)
        pager.show(page.getvalue(), sys.stdout)
    else:
        render(document, fmt.value, sys.stdout)
    if check:
        _finish(knowledge)


def _report(problems: list[Problem]) -> None:
    for problem in problems:
        sys.stderr.write(f"acuinfo: {problem}\n")
    count = "1 problem" if len(problems) == 1 else f"{len(problems)} problems"
    sys.stderr.write(f"acuinfo: {count} in the knowledge files; fix them and try again\n")


def _fail(err: AcuinfoError) -> None:
    if isinstance(err, NotFoundError):
        shown = err.name if len(err.name) <= 60 else err.name[:57] + "..."
        lines = [f"acuinfo: no {err.kind} called {shown!r}."]
        if err.note:
            lines.append(clean_text(err.note) + ".")
        if err.suggestions:
            lines.append("Did you mean: " + ", ".join(err.suggestions) + "?")
        lines.append(f"See the full list with: {err.list_command}")
        if shown.strip() and shown.isprintable():
            import shlex

            lines.append(f"Or search for it: acuinfo search {shlex.quote(shown)}")
        sys.stderr.write("\n".join(lines) + "\n")
    elif isinstance(err, KnowledgeError):
        _report(err.problems)
    else:
        sys.stderr.write(f"acuinfo: {clean_text(str(err))}\n")
    raise typer.Exit(err.exit_code)


@_command()
def condition(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(
        help="A condition: its name, title or another name for it, e.g. neck-pain or "
             "\"slipped disc\".", autocompletion=_completer("condition"))],
    fmt: FormatOption = Format.text,
) -> None:
    """Explain one condition and what acupuncture may do for it.

    \b
    Examples:
      acuinfo condition neck-pain
      acuinfo condition "slipped disc"
      acuinfo condition sciatica --format markdown > sciatica.md
    """
    from acuinfo.views import condition

    _show(ctx, lambda knowledge: condition.condition_page(knowledge, name), fmt)


@_command()
def conditions(ctx: typer.Context, fmt: FormatOption = Format.text) -> None:
    """List every condition, one line each.

    \b
    Examples:
      acuinfo conditions
      acuinfo conditions --format json
    """
    from acuinfo.views import condition

    _show(ctx, condition.conditions_list, fmt)


@_command()
def search(
    ctx: typer.Context,
    words: Annotated[list[str], typer.Argument(
        metavar="WORDS...", help="Your own words, e.g. pain down my leg.")],
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, max=100,
                                       help="How many matches to show.")] = 10,
    fmt: FormatOption = Format.text,
) -> None:
    """Find pages, tips and words from your own words, spelling mistakes and all.

    \b
    Examples:
      acuinfo search bulging disc
      acuinfo search "pain down my leg"
      acuinfo search needles hurt --limit 3
    """
    from acuinfo.finding.ranking import words_of
    from acuinfo.views import search

    query = " ".join(words)
    if not words_of(query):
        raise typer.BadParameter("give some words to search for, e.g. acuinfo search pain "
                                 "down my leg", param_hint="WORDS...")
    _show(ctx, lambda knowledge: search.search_view(knowledge, query, limit), fmt)


@_command()
def tips(
    ctx: typer.Context,
    condition: Annotated[Optional[str], typer.Option(  # noqa: UP045 - Typer reads this form
        "--condition", "-c", help="Only tips that suit this condition, e.g. neck-pain.",
        autocompletion=_completer("condition"))] = None,
    category: Annotated[Optional[str], typer.Option(  # noqa: UP045
        "--category", help="Only this group of tips, e.g. movement.",
        autocompletion=_completer("category"))] = None,
    fmt: FormatOption = Format.text,
) -> None:
    """Self-care tips for between sessions, grouped by category.

    \b
    Examples:
      acuinfo tips
      acuinfo tips --condition low-back-pain
      acuinfo tips --category movement
    """
    from acuinfo.views import tips

    _show(ctx, lambda knowledge: tips.tips_page(knowledge, condition, category), fmt)


@_command()
def session(
    ctx: typer.Context,
    what_to_expect: Annotated[bool, typer.Option(
        "--what-to-expect", help="One typical session, step by step.")] = False,
    before: Annotated[bool, typer.Option("--before", help="Only what to do before.")] = False,
    during: Annotated[bool, typer.Option("--during", help="Only what happens during.")] = False,
    after: Annotated[bool, typer.Option("--after", help="Only what to expect after.")] = False,
    course: Annotated[bool, typer.Option("--course", help="Only the course of sessions.")] = False,
    fmt: FormatOption = Format.text,
) -> None:
    """What acupuncture sessions are like: before, during, after and over a course.

    \b
    Examples:
      acuinfo session
      acuinfo session --what-to-expect
      acuinfo session --after
    """
    from acuinfo.views import session

    chosen = [name for name, flag in (("what-to-expect", what_to_expect), ("before", before),
                                      ("during", during), ("after", after), ("course", course))
              if flag]
    if len(chosen) > 1:
        raise typer.BadParameter("choose only one of --" + ", --".join(chosen) + ".")
    part = chosen[0] if chosen else None
    _show(ctx, lambda knowledge: session.session_page(knowledge, part), fmt)


def _page_command(page_id: str, purpose: str) -> None:
    """Register a command that shows one general page."""

    def show_page(ctx: typer.Context, fmt: FormatOption = Format.text) -> None:
        from acuinfo.views import pages

        _show(ctx, lambda knowledge: pages.page_view(knowledge, page_id), fmt)

    show_page.__doc__ = _with_examples(purpose, page_id, f"{page_id} --format markdown")
    _command(name=page_id)(show_page)


_page_command("red-flags", "Signs that need urgent medical care, not acupuncture.")
_page_command("safety", "Who should take care, side effects, and how to choose a practitioner.")
_page_command("how-it-works", "What may happen in the body, and what is only proposed.")
_page_command("evidence", "What research and guidelines say about acupuncture for pain.")
_page_command("costs", "Cost, insurance and access, and what to ask before you book.")
_page_command("needle-fear", "Fear of needles and fainting, and what helps.")
_page_command("special-groups", "Acupuncture in pregnancy, for children and with diabetes.")
_page_command("finding-a-practitioner", "How to find a qualified practitioner, and what to ask.")


@_command()
def about(ctx: typer.Context, fmt: FormatOption = Format.text) -> None:
    """Who acuinfo is for, how it was written, and when each file was reviewed.

    \b
    Examples:
      acuinfo about
      acuinfo about --format markdown
    """
    from acuinfo.views import pages

    _show(ctx, pages.about_view, fmt)


@_command()
def sources(
    ctx: typer.Context,
    source_id: Annotated[Optional[str], typer.Argument(  # noqa: UP045
        metavar="[ID]", help="One source's id, e.g. vickers-2018.",
        autocompletion=_completer("source"))] = None,
    fmt: FormatOption = Format.text,
) -> None:
    """The research and guidelines acuinfo cites, or one source and what cites it.

    \b
    Examples:
      acuinfo sources
      acuinfo sources vickers-2018
    """
    from acuinfo.views import sources

    _show(ctx, lambda knowledge: sources.sources_view(knowledge, source_id), fmt)


@_command()
def glossary(
    ctx: typer.Context,
    term: Annotated[Optional[str], typer.Argument(  # noqa: UP045
        metavar="[TERM]", help="A word to look up, e.g. \"sham acupuncture\".",
        autocompletion=_completer("glossary"))] = None,
    fmt: FormatOption = Format.text,
) -> None:
    """Words used in acuinfo, explained.

    \b
    Examples:
      acuinfo glossary
      acuinfo glossary "de qi"
      acuinfo glossary sham
    """
    from acuinfo.views import glossary

    _show(ctx, lambda knowledge: glossary.glossary_view(knowledge, term), fmt)


class Paper(str, enum.Enum):
    """The paper a handout is printed on."""

    a4 = "a4"
    letter = "letter"


# A handout's format, from the end of its file name.
HANDOUT_FORMATS = {".html": "html", ".htm": "html", ".md": "markdown", ".txt": "plain"}
HANDOUT_NAMES = ".html (or .htm), .md or .txt"


@_command()
def handout(
    ctx: typer.Context,
    names: Annotated[list[str], typer.Argument(
        metavar="NAME...", help="One or more conditions, e.g. neck-pain low-back-pain.",
        autocompletion=_completer("condition"))],
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
        _fail(AcuinfoError(f"{shown} already exists; choose another name, "
                           "or add --force to replace it"))
    except AcuinfoError as err:
        _fail(err)
    knowledge, document = _build(ctx, lambda knowledge: handout.handout(
        knowledge, names, session, tips, datetime.date.today(), short=short, safety=safety,
        red_flags=red_flags, paper=paper.value if paper else None), drafts=False)
    if knowledge.problems:  # a handout is made from sound knowledge or not at all
        _report(knowledge.problems)
        sys.stderr.write(f"acuinfo: {shown} was not written\n")
        raise typer.Exit(1)
    page = io.StringIO()
    render(document, fmt, page)
    try:
        safewrite.write_file(output, page.getvalue().encode("utf-8"), replace=force,
                             sweep_stale=True)
    except FileExistsError:
        _fail(AcuinfoError(f"{shown} already exists; add --force to replace it"))
    except AcuinfoError as err:
        _fail(err)
    except OSError as err:
        kept = "the file that was there is unchanged" if force else "nothing was written"
        _fail(AcuinfoError(f"cannot write {shown}: {err.strerror or err}; {kept}"))
    if note:
        sys.stderr.write(f"acuinfo: {note}\n")
    typer.echo(f"Wrote {shown}")


new_app = typer.Typer(
    help="Start a new knowledge file from a commented template.\n\n"
         + _examples('new condition "frozen shoulder"', "new tip walk-after-lunch",
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

        settings = _settings(ctx)
        folder = Path(settings.data_dirs[0]) if settings.data_dirs else user_folder()
        made = not folder.exists()
        existing = knowledge_in_use([d for d in settings.data_dirs if Path(d).is_dir()],
                                    drafts=True)
        try:
            path = write_template(kind, name, folder, datetime.date.today(), existing,
                                  override)
        except AcuinfoError as err:
            _fail(err)
        if made:
            sys.stderr.write(f"acuinfo: made the folder {shown_name(folder)}\n")
        typer.echo(shown_name(path))

    new.__doc__ = (f"Write a new {kind} template into your knowledge folder (or the first "
                   f"--data-dir) and print its path.\n\n"
                   + _examples(f"new {kind} {example}", f"new {kind} {example} -d ./my-clinic"))
    _command(new_app, kind)(new)


_new_command("condition", "frozen-shoulder", "The condition's name, e.g. \"frozen shoulder\".")
_new_command("tip", "walk-after-lunch", "A short name for the tip, e.g. walk-after-lunch.")
_new_command("source", "smith-2024", "An id for the source, e.g. smith-2024.")
_new_command("clinic", "\"Riverside Clinic\"", "Your clinic's name.")


@_command(name="help")
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


@_command()
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

    candidates = candidate_folders(_settings(ctx).data_dirs)
    # Every folder's state is the page itself, so what cannot be read is shown, not failed.
    _show(ctx, lambda knowledge: folders.paths_view(candidates, str(cache_dir())), fmt,
          check=False)


@_command()
def which(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="A condition, page, tip, source or glossary term.",
                                        autocompletion=_completer("condition"))],
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

    _show(ctx, lambda knowledge: folders.which_view(knowledge, name), fmt)


@_command()
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
    in_use = knowledge_in_use(_settings(ctx).data_dirs)
    knowledge = Knowledge([*chosen, *in_use.folders])
    report = check_folders(chosen or knowledge.folders, knowledge)
    if not chosen:
        report.problems.extend(in_use.problems)
    for problem in sorted(report.problems, key=lambda p: (p.file, p.line or 0, p.column or 0)):
        typer.echo(str(problem))
    count = len(report.problems)
    folder_count = len(chosen or knowledge.folders)
    summary = (f"checked {report.files} file{'s' * (report.files != 1)} in {folder_count} "
               f"folder{'s' * (folder_count != 1)}: ")
    summary += "no problems" if not count else f"{count} problem{'s' * (count != 1)}"
    typer.echo(summary)
    raise typer.Exit(1 if count else 0)


def main() -> None:
    """Entry point of the ``acuinfo`` script and ``python -m acuinfo``."""
    import gc

    # A command runs for a moment and then exits, and the system takes back all its
    # memory at once. So reference cycles are not collected on the way (about 2 ms of
    # showing a condition, and a sixth of building the index over 10,000 conditions,
    # for the same peak memory), and the collector's last pass over every object as
    # Python shuts down is skipped by freezing them (about 14 ms of every command).
    # Files are written in ``with`` blocks, so nothing waits on that pass.
    gc.disable()
    if sys.stdout is None:  # started with standard output closed: nowhere to write
        if sys.stderr is not None:
            sys.stderr.write("acuinfo: standard output is closed, so there is nowhere to write\n")
        raise SystemExit(1)
    for stream in (sys.stdout, sys.stderr):
        # A terminal that cannot show a character gets a "?" rather than a crash.
        if stream is not None and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    from acuinfo.cli.onecommand import narrowed

    try:
        try:
            narrowed(app, sys.argv[1:], ROOT_VALUE_OPTIONS, ROOT_FLAGS, whole=("help",))(
            prog_name="acuinfo")
        finally:
            sys.stdout.flush()  # a failed write shows here, not as Python exits
    except BrokenPipeError:  # the reader had enough (e.g. `| head -1`): that is success
        _silence_stdout()
        raise SystemExit(0) from None
    except OSError as err:
        # Files acuinfo reads or writes report their own errors; one that gets here with
        # no file named is the output itself: a full disk, a lost connection.
        if not err.filename:
            _silence_stdout()
        where = f"cannot write {shown_name(err.filename)}" if err.filename else (
            "cannot write to standard output")
        sys.stderr.write(f"acuinfo: {where}: {err.strerror or err}\n")
        raise SystemExit(1) from None
    finally:
        gc.freeze()


def _silence_stdout() -> None:
    """Point standard output at nowhere, so that what is still buffered for it cannot
    fail again as Python exits."""
    import contextlib
    import os

    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
