"""The commands that show what acuinfo knows: a condition, the list, search, tips, the
session journey, the general pages, sources and the glossary."""

from typing import Annotated, Optional

import typer

from acuinfo.cli.app import (
    Format,
    FormatOption,
    command,
    completer,
    show_document,
    with_examples,
)


@command()
def condition(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(
        help="A condition: its name, title or another name for it, e.g. neck-pain or "
             "\"slipped disc\".", autocompletion=completer("condition"))],
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

    show_document(ctx, lambda knowledge: condition.condition_page(knowledge, name), fmt)


@command()
def conditions(ctx: typer.Context, fmt: FormatOption = Format.text) -> None:
    """List every condition, one line each.

    \b
    Examples:
      acuinfo conditions
      acuinfo conditions --format json
    """
    from acuinfo.views import condition_list

    show_document(ctx, condition_list.conditions_list, fmt)


@command()
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
    show_document(ctx, lambda knowledge: search.search_view(knowledge, query, limit), fmt)


@command()
def tips(
    ctx: typer.Context,
    condition: Annotated[Optional[str], typer.Option(  # noqa: UP045 - Typer reads this form
        "--condition", "-c", help="Only tips that suit this condition, e.g. neck-pain.",
        autocompletion=completer("condition"))] = None,
    category: Annotated[Optional[str], typer.Option(  # noqa: UP045
        "--category", help="Only this group of tips, e.g. movement.",
        autocompletion=completer("category"))] = None,
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

    show_document(ctx, lambda knowledge: tips.tips_page(knowledge, condition, category), fmt)


@command()
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
    show_document(ctx, lambda knowledge: session.session_page(knowledge, part), fmt)


def _page_command(page_id: str, purpose: str) -> None:
    """Register a command that shows one general page."""

    def show_page(ctx: typer.Context, fmt: FormatOption = Format.text) -> None:
        from acuinfo.views import pages

        show_document(ctx, lambda knowledge: pages.page_view(knowledge, page_id), fmt)

    show_page.__doc__ = with_examples(purpose, page_id, f"{page_id} --format markdown")
    command(name=page_id)(show_page)


_page_command("red-flags", "Signs that need urgent medical care, not acupuncture.")
_page_command("safety", "Who should take care, side effects, and how to choose a practitioner.")
_page_command("how-it-works", "What may happen in the body, and what is only proposed.")
_page_command("evidence", "What research and guidelines say about acupuncture for pain.")
_page_command("costs", "Cost, insurance and access, and what to ask before you book.")
_page_command("needle-fear", "Fear of needles and fainting, and what helps.")
_page_command("special-groups", "Acupuncture in pregnancy, for children and with diabetes.")
_page_command("finding-a-practitioner", "How to find a qualified practitioner, and what to ask.")


@command()
def about(ctx: typer.Context, fmt: FormatOption = Format.text) -> None:
    """Who acuinfo is for, how it was written, and when each file was reviewed.

    \b
    Examples:
      acuinfo about
      acuinfo about --format markdown
    """
    from acuinfo.views import pages

    show_document(ctx, pages.about_view, fmt)


@command()
def sources(
    ctx: typer.Context,
    source_id: Annotated[Optional[str], typer.Argument(  # noqa: UP045
        metavar="[ID]", help="One source's id, e.g. vickers-2018.",
        autocompletion=completer("source"))] = None,
    fmt: FormatOption = Format.text,
) -> None:
    """The research and guidelines acuinfo cites, or one source and what cites it.

    \b
    Examples:
      acuinfo sources
      acuinfo sources vickers-2018
    """
    from acuinfo.views import sources

    show_document(ctx, lambda knowledge: sources.sources_view(knowledge, source_id), fmt)


@command()
def glossary(
    ctx: typer.Context,
    term: Annotated[Optional[str], typer.Argument(  # noqa: UP045
        metavar="[TERM]", help="A word to look up, e.g. \"sham acupuncture\".",
        autocompletion=completer("glossary"))] = None,
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

    show_document(ctx, lambda knowledge: glossary.glossary_view(knowledge, term), fmt)
