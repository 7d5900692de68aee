"""The page on one condition, and the list of every condition."""

from __future__ import annotations

from typing import TypeVar

from acuinfo.finding import lookup
from acuinfo.knowledge import records
from acuinfo.knowledge.loading import Knowledge
from acuinfo.views.common import (
    DEFAULT_REVIEWER,
    NOTICE,
    PRINT_REVIEWER,
    RATING_MEANINGS,
    Citations,
    marked_if_draft,
    renumbered,
    review_meta,
    text_blocks,
    urgency_alerts,
)
from acuinfo.views.document import (
    Block,
    Bullets,
    Document,
    Figure,
    Paragraph,
    Section,
    Table,
)
from acuinfo.views.forms import CHANGE_SOURCES, short_diary_blocks
from acuinfo.views.handout_text import split_sentences, without_scoring
from acuinfo.views.pictures import ALT, self_care_drawing

T = TypeVar("T")


CONDITION_NOTICE = ("This page gives general information. It does not replace advice from "
                    "your doctor or another clinician. For signs that need urgent care, see "
                    "\"Get medical help first\" on this page.")


# What the page is for, said after the condition's own summary.
CONDITION_PURPOSE = ("This page says what acupuncture can and cannot do for it, when to get "
                     "medical help first, and what you can do yourself.")


# RATING_MEANINGS[None], in words that name no program: the page is printed too.
PAGE_UNRATED = ("This page gives a rating only when it can show you the results behind it, "
                "and it cannot do that here yet.")


def condition_page(knowledge: Knowledge, name: str) -> Document:
    """Everything about one condition: its key points first, red flags near the top. It
    is read on screen and on paper alike, so it names no command: related conditions go
    by their titles."""
    condition = lookup.condition(knowledge, name)
    cites = Citations(knowledge)
    meta = {"evidence_rating": condition.evidence.rating} if condition.evidence.rating else {}
    related = [found.title for found in (
        knowledge.first_visible(f"conditions/{slug}.yaml", records.Condition)
        for slug in condition.related) if found]
    sections = condition_sections(condition, cites, knowledge.clinic(), related)
    # the diary says how to score pain; the course, when to talk about stopping
    diary = short_diary_blocks(when_to_stop="6th session" not in (condition.course or ""))
    sections.insert(-1 if related else len(sections), Section(
        "Your pain diary", diary, "diary",
        cites.cite(list(CHANGE_SOURCES), knowledge.source_list().origin, ("sources",))))
    review = review_meta(knowledge, condition)
    review["reviewed_by"] = review["reviewed_by"].replace(DEFAULT_REVIEWER, PRINT_REVIEWER)
    return marked_if_draft(renumbered(Document(
        kind="condition", name=condition.slug, title=condition.title,
        summary=f"{condition.summary} {CONDITION_PURPOSE}", sections=sections,
        citations=cites.listing(),
        notice=CONDITION_NOTICE, meta={**meta, **review},
    )), condition)


def self_care_blocks(points: list[str]) -> list[Block]:
    """A condition's self-care points, with a drawing of each one that has one (shown
    only where drawings can be: the HTML page)."""
    figures: list[Block] = []
    for point in points:
        drawing = self_care_drawing(point)
        if drawing and all(figure.drawing != drawing for figure in figures):
            figures.append(Figure(drawing, ALT[drawing], split_sentences(point)[0]))
    return [*figures, Bullets(points)]


def condition_sections(condition: records.Condition, cites: Citations,
                       clinic: records.Clinic | None,
                       related: list[str] = ()) -> list[Section]:
    origin = condition.origin
    acupuncture = condition.acupuncture
    evidence = condition.evidence
    meaning = RATING_MEANINGS[evidence.rating] if evidence.rating else PAGE_UNRATED
    rating = f"Strength of evidence: {evidence.rating or 'not rated'}. {meaning}"
    sections = [
        Section("Key points", [Bullets(condition.key_points)], "key-points"),
        Section("What it is", text_blocks(condition.what_it_is, condition.how_common),
                "what-it-is"),
        Section("Common symptoms", [Bullets(condition.symptoms)], "symptoms"),
        Section("Get medical help first", urgency_alerts(condition.red_flags, clinic),
                "red-flags"),
        Section("What tends to cause it", [Bullets(condition.causes)], "causes"),
        Section("How acupuncture may help",
                text_blocks(acupuncture.how_it_may_help, acupuncture.why), "acupuncture",
                cites.cite(acupuncture.sources, origin, ("acupuncture", "sources"))),
        Section("What the research shows", [Paragraph(rating), *text_blocks(evidence.summary)],
                "evidence", cites.cite(evidence.sources, origin, ("evidence", "sources"))),
        Section("What a course looks like", text_blocks(without_scoring(condition.course)),
                "course"),
        Section("What else helps", [Bullets(condition.other_options)], "other-options"),
        Section("Looking after yourself", self_care_blocks(list(condition.self_care)),
                "self-care"),
    ]
    if related:
        sections.append(Section("Related conditions", [Bullets(list(related))], "related"))
    return sections


def conditions_list(knowledge: Knowledge) -> Document:
    """One line per condition: its title, slug and summary, from the cached index so
    that a long list costs no parsing."""
    from acuinfo.finding import index

    rows, problems, drafts = index.using(knowledge, lambda connection: (
        index.conditions(connection), index.problems(connection, "conditions"),
        index.drafts(connection) if knowledge.drafts else []))
    knowledge.problems.extend(problems)
    if drafts:
        rows = sorted([*rows, *([slug, f"DRAFT: {title}", summary]
                                for slug, title, summary in drafts)],
                      key=lambda row: (row[1].removeprefix("DRAFT: ").lower(), row[0]))
    return Document(
        kind="conditions", title="Conditions", sections=[Section("", [
            Table(["Name", "Condition", "Summary"], rows),
            Paragraph("Read one with: acuinfo condition NAME"),
        ], "conditions")], notice=NOTICE,
    )
