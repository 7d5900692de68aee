"""The page on one condition, and the list of every condition."""

from __future__ import annotations

from typing import TypeVar

from acuinfo.finding import lookup
from acuinfo.knowledge import records
from acuinfo.knowledge.loading import Knowledge
from acuinfo.views.common import (
    NOTICE,
    RATING_MEANINGS,
    Citations,
    marked_if_draft,
    renumbered,
    review_meta,
    text_blocks,
    urgency_alerts,
)
from acuinfo.views.document import (
    Bullets,
    Document,
    Paragraph,
    Section,
    Table,
)

T = TypeVar("T")


def condition_page(knowledge: Knowledge, name: str) -> Document:
    """Everything about one condition: its key points first, red flags near the top."""
    condition = lookup.condition(knowledge, name)
    cites = Citations(knowledge)
    meta = {"evidence_rating": condition.evidence.rating} if condition.evidence.rating else {}
    return marked_if_draft(renumbered(Document(
        kind="condition", name=condition.slug, title=condition.title,
        summary=condition.summary,
        sections=condition_sections(condition, cites, knowledge.clinic()),
        citations=cites.listing(), notice=NOTICE,
        meta={**meta, **review_meta(knowledge, condition)},
    )), condition)


def condition_sections(condition: records.Condition, cites: Citations,
                        clinic: records.Clinic | None) -> list[Section]:
    origin = condition.origin
    acupuncture = condition.acupuncture
    evidence = condition.evidence
    rating = (f"Strength of evidence: {evidence.rating or 'not rated'}. "
              f"{RATING_MEANINGS[evidence.rating]}")
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
        Section("What a course looks like", text_blocks(condition.course), "course"),
        Section("What else helps", [Bullets(condition.other_options)], "other-options"),
        Section("Looking after yourself", [
            Bullets(condition.self_care),
            Paragraph(f"More tips: acuinfo tips --condition {condition.slug}"),
        ], "self-care"),
    ]
    if condition.related:
        sections.append(Section("Related conditions", [Bullets(
            [f"{slug} (acuinfo condition {slug})" for slug in condition.related])], "related"))
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
