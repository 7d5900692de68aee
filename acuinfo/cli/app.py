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
from acuinfo.base.errors import (
    NO_SUCH,
    AcuinfoError,
    KnowledgeError,
    NameChoiceError,
    NotFoundError,
    Problem,
)
from acuinfo.base.namedrecord import Record
from acuinfo.base.safetext import clean_text, shown_name
from acuinfo.render import RENDERERS


def examples(*commands: str) -> str:
    """A help text's examples, one command a line, as Click shows them unwrapped."""
    return "\b\nExamples:\n" + "\n".join(f"  acuinfo {command}" for command in commands) + "\n"


def with_examples(purpose: str, *commands: str) -> str:
    return f"{purpose}\n\n{examples(*commands)}"


HELP = """Plain-language answers about acupuncture for neck, back and other long-lasting pain.

acuinfo informs; it does not replace your doctor. For signs that need urgent
care, run: acuinfo red-flags

""" + examples("condition neck-pain", "search pain down my leg", "red-flags",
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


def completer(kind: str) -> Callable[[typer.Context, str], list[str]]:
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
    language: str | None = None  # --lang, as given


def settings_of(ctx: typer.Context) -> Settings:
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
LangOption = Annotated[Optional[str], typer.Option(  # noqa: UP045 - Typer reads this form
    "--lang", metavar="LANGUAGE",
    help="The language to show: en, es (Spanish) or zh-Hans (Simplified Chinese). Without "
         "it, ACUINFO_LANG, then your locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG).")]

# The root's options, so that the command after them can be found without building
# every command (see acuinfo.cli.onecommand); a test keeps them in step.
ROOT_VALUE_OPTIONS = ("--data-dir", "-d", "--lang")
ROOT_FLAGS = ("--no-pager", "--drafts")


@app.callback()
def _options(
    ctx: typer.Context,
    data_dir: DataDirOption = None,
    no_pager: NoPagerOption = False,
    drafts: DraftsOption = False,
    lang: LangOption = None,
    version: Annotated[bool, typer.Option(
        "--version", "-V", callback=_show_version, is_eager=True,
        help="Show the version and exit.",
    )] = False,
) -> None:
    """Plain-language answers about acupuncture for long-lasting pain."""
    ctx.obj = Settings(tuple(data_dir or ()), pager=not no_pager, drafts=drafts, language=lang)


_SHARED = {"data_dir": DataDirOption, "no_pager": NoPagerOption, "drafts": DraftsOption,
           "lang": LangOption}


def command(group: typer.Typer = app, name: str | None = None) -> Callable:
    """Register a command that also takes the root's options after its own arguments;
    given there, they add to those given before the command."""
    import functools
    import inspect

    def register(function: Callable) -> Callable:
        signature = inspect.signature(function)
        shared = [inspect.Parameter(option, inspect.Parameter.KEYWORD_ONLY,
                                    default=None if option in ("data_dir", "lang") else False,
                                    annotation=annotation)
                  for option, annotation in _SHARED.items()]

        @functools.wraps(function)
        def run(*args: object, data_dir: list[Path] | None = None, no_pager: bool = False,
                drafts: bool = False, lang: str | None = None, **kwargs: object) -> object:
            context = kwargs["ctx"]  # every command takes its context first
            before = settings_of(context)
            merged = before._replace(data_dirs=(*before.data_dirs, *(data_dir or ())),
                                     pager=before.pager and not no_pager,
                                     drafts=before.drafts or drafts,
                                     language=lang or before.language)
            context.obj = context.find_root().obj = merged
            try:
                return function(*args, **kwargs)
            except BrokenPipeError:  # the reader had enough (| head -1): that is success
                silence_stdout()
                raise typer.Exit(0) from None

        run.__signature__ = signature.replace(
            parameters=[*signature.parameters.values(), *shared])
        group.command(name)(run)
        return function

    return register


def build_document(ctx: typer.Context, build: Callable, drafts: bool | None = None) -> tuple:
    """The knowledge in use and the document ``build`` makes from it; a domain error
    becomes a message and an exit status. ``drafts`` False leaves drafts out whatever
    the options say."""
    from acuinfo.knowledge.loading import knowledge_in_use

    settings = settings_of(ctx)
    require_folders(settings.data_dirs)
    knowledge = knowledge_in_use(settings.data_dirs,
                                 drafts=settings.drafts if drafts is None else drafts)
    knowledge.language = choose_language(settings.language, knowledge)
    try:
        document = build(knowledge)
    except AcuinfoError as err:
        if knowledge.problems and not isinstance(err, KnowledgeError):
            report_problems(knowledge.problems)  # a broken file may be why a name was not found
        fail_with(err, knowledge.language)
    from acuinfo.views.translation import noted  # what is in English, and unchecked

    return knowledge, noted(document, knowledge)._replace(language=knowledge.language)


def choose_language(asked: str | None, knowledge: object) -> str:
    """The language to show: ``--lang`` (one the knowledge has, else a usage error),
    ACUINFO_LANG, the locale, or English. A language from the environment that the
    knowledge lacks means English, with a note the first time."""
    import os

    from acuinfo.base import languages

    from_env = os.environ.get("ACUINFO_LANG") or None
    wanted = languages.from_environment(os.environ)
    if not asked and not from_env and (not wanted or wanted[0] == languages.ENGLISH):
        return languages.ENGLISH  # the usual case: no folder need be looked at
    available = knowledge.languages()
    if asked:
        tag = languages.language_tag(asked)
        if tag not in available:
            raise typer.BadParameter(
                f"acuinfo has no knowledge in {clean_text(asked)!r}; it has "
                + ", ".join(available), param_hint="'--lang'")
        return tag
    language, note = languages.chosen(from_env, os.environ, available)
    if note:
        _note_once(f"language-{language}-{from_env or wanted[0]}", note)
    return language


def _note_once(name: str, note: str) -> None:
    """Say ``note`` on standard error, unless it was said before (a mark in the cache
    folder remembers; without one it is said every time)."""
    from acuinfo.base.places import cache_dir
    from acuinfo.base.safewrite import write_file
    from acuinfo.base.words import as_slug

    mark = cache_dir() / "notes" / (as_slug(name) or "note")
    if mark.exists():
        return
    sys.stderr.write(f"acuinfo: {clean_text(note)}\n")
    try:
        mark.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_file(mark, b"said\n", replace=True, durable=False, private=True)
    except (OSError, AcuinfoError):
        pass


def require_folders(folders: tuple[Path, ...]) -> None:
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


def exit_if_problems(knowledge: object) -> None:
    """Exit 1 after the output if any file met on the way had a problem."""
    if knowledge.problems:
        report_problems(knowledge.problems)
        raise typer.Exit(1)


def show_document(ctx: typer.Context, build: Callable, fmt: Format, check: bool = True) -> None:
    """Build a document from the knowledge base and write it in the chosen format;
    then, if ``check``, report the problems met on the way and exit 1 if there were."""
    from acuinfo.cli import pager
    from acuinfo.render import render

    knowledge, document = build_document(ctx, build)
    if settings_of(ctx).pager and pager.wanted(sys.stdout):
        page = pager.TerminalBuffer(sys.stdout)
        render(document, fmt.value, page)
        pager.show(page.getvalue(), sys.stdout)
    else:
        render(document, fmt.value, sys.stdout)
    if check:
        exit_if_problems(knowledge)


def report_problems(problems: list[Problem]) -> None:
    for problem in problems:
        sys.stderr.write(f"acuinfo: {problem}\n")
    count = "1 problem" if len(problems) == 1 else f"{len(problems)} problems"
    sys.stderr.write(f"acuinfo: {count} in the knowledge files; fix them and try again\n")


def fail_with(err: AcuinfoError, language: str = "en") -> None:
    """Say what went wrong, in ``language`` where acuinfo has the words, and exit."""
    from acuinfo.base.phrases import phrases_for

    say = phrases_for(language)
    if isinstance(err, NotFoundError):
        shown = err.name if len(err.name) <= 60 else err.name[:57] + "..."
        lines = ["acuinfo: " + say(NO_SUCH.get(err.kind, f"no {err.kind} called {{name}}."),
                                 name=repr(shown))]
        if err.note:
            lines.append(clean_text(err.note) + ".")
        if err.suggestions:
            lines.append(say("Did you mean: {names}?", names=", ".join(err.suggestions)))
        lines.append(say("See the full list with: {command}", command=err.list_command))
        if shown.strip() and shown.isprintable():
            import shlex

            lines.append(say("Or search for it: {command}",
                             command=f"acuinfo search {shlex.quote(shown)}"))
        sys.stderr.write("\n".join(lines) + "\n")
    elif isinstance(err, KnowledgeError):
        report_problems(err.problems)
    elif isinstance(err, NameChoiceError):
        sys.stderr.write("\n".join(_fitted(f"acuinfo: {clean_text(err.message(language))}"))
                         + "\n")
    else:
        sys.stderr.write(f"acuinfo: {clean_text(str(err))}\n")
    raise typer.Exit(err.exit_code)


def _fitted(text: str, width: int = 78) -> list[str]:
    """The lines of a message, each longer one wrapped to ``width`` columns (a note in
    Chinese is one unbroken run of wide characters)."""
    from acuinfo.render.wrap import cells, plain, wrap

    lines = []
    for line in text.split("\n"):
        body = line.lstrip(" ")
        indent = line[:len(line) - len(body)]  # a choice's two spaces, kept on every line
        lines += [indent + plain(piece) for piece in wrap(((body, ""),), width - len(indent))] \
            if cells(line) > width else [line]
    return lines


def silence_stdout() -> None:
    """Point standard output at nowhere, so that what is still buffered for it cannot
    fail again as Python exits."""
    import contextlib
    import os

    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
