"""The list of every condition, one line each: kept apart from the page on one
condition, whose helpers a list of thousands of rows has no use for."""

from __future__ import annotations

from acuinfo.base.phrases import phrases_for
from acuinfo.knowledge.loading import Knowledge
from acuinfo.views.common import NOTICE
from acuinfo.views.document import Document, Paragraph, Section, Table


def conditions_list(knowledge: Knowledge) -> Document:
    """One line per condition: its title, slug and summary, from the cached index so
    that a long list costs no parsing."""
    from acuinfo.finding import index

    rows, problems, drafts = index.using(knowledge, lambda connection: (
        index.conditions(connection), index.problems(connection, "conditions", knowledge),
        index.drafts(connection) if knowledge.drafts else []))
    knowledge.problems.extend(problems)
    if drafts:
        rows = sorted([*rows, *([slug, f"DRAFT: {title}", summary]
                                for slug, title, summary in drafts)],
                      key=lambda row: (row[1].removeprefix("DRAFT: ").lower(), row[0]))
    say = phrases_for(knowledge.language)
    return Document(
        kind="conditions", title=say("Conditions"), sections=[Section("", [
            Table([say("Name"), say("Condition"), say("Summary")], rows),
            Paragraph(say("Read one with: acuinfo condition NAME")),
        ], "conditions")], notice=say(NOTICE),
    )
