"""The page on one condition."""

from __future__ import annotations

from typing import TypeVar

from acuinfo.base.languages import ENGLISH
from acuinfo.base.phrases import phrase, phrases_for, say
from acuinfo.finding import lookup
from acuinfo.knowledge import records
from acuinfo.knowledge.loading import Knowledge
from acuinfo.views.common import (
    DEFAULT_REVIEWER,
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
)
from acuinfo.views.forms import CHANGE_SOURCES, short_diary_blocks
from acuinfo.views.handout_text import split_sentences, without_scoring
from acuinfo.views.pictures import ALT, self_care_drawing

T = TypeVar("T")

# The strength of evidence, and what it means.
RATINGS = {
    "good": phrase("Strength of evidence: good. {meaning}"),
    "moderate": phrase("Strength of evidence: moderate. {meaning}"),
    "limited": phrase("Strength of evidence: limited. {meaning}"),
    "insufficient": phrase("Strength of evidence: insufficient. {meaning}"),
    None: phrase("Strength of evidence: not rated. {meaning}"),
}


CONDITION_NOTICE = phrase("This page gives general information. It does not replace advice "
                          "from your doctor or another clinician. For signs that need urgent "
                          "care, see \"Get medical help first\" on this page.")


# What the page is for, said after the condition's own summary.
CONDITION_PURPOSE = phrase("This page says what acupuncture can and cannot do for it, when to "
                           "get medical help first, and what you can do yourself.")


# RATING_MEANINGS[None], in words that name no program: the page is printed too.
PAGE_UNRATED = phrase("This page gives a rating only when it can show you the results behind "
                      "it, and it cannot do that here yet.")

# A section whose words stayed in English in a page in another language says so.
IN_ENGLISH = phrase("{heading} (in English)")


def condition_page(knowledge: Knowledge, name: str) -> Document:
    """Everything about one condition: its key points first, red flags near the top. It
    is read on screen and on paper alike, so it names no command: related conditions go
    by their titles."""
    condition = lookup.condition(knowledge, name)
    say = phrases_for(knowledge.language)
    cites = Citations(knowledge)
    meta = {"evidence_rating": condition.evidence.rating} if condition.evidence.rating else {}
    related = [found.title for found in (
        knowledge.first_visible(f"conditions/{slug}.yaml", records.Condition)
        for slug in condition.related) if found]
    sections = condition_sections(condition, cites, knowledge.clinic(), related,
                                  knowledge.language)
    # the diary says how to score pain; the course, when to talk about stopping
    diary = short_diary_blocks(when_to_stop="6th session" not in (condition.course or ""),
                               language=knowledge.language)
    sections.insert(-1 if related else len(sections), Section(
        say("Your pain diary"), diary, "diary",
        cites.cite(list(CHANGE_SOURCES), knowledge.source_list().origin, ("sources",))))
    review = review_meta(knowledge, condition)
    review["reviewed_by"] = review["reviewed_by"].replace(say(DEFAULT_REVIEWER),
                                                          say(PRINT_REVIEWER))
    return marked_if_draft(renumbered(Document(
        kind="condition", name=condition.slug, title=condition.title,
        summary=f"{condition.summary} {say(CONDITION_PURPOSE)}", sections=sections,
        citations=cites.listing(),
        notice=say(CONDITION_NOTICE), meta={**meta, **review},
    )), condition)


def self_care_blocks(points: list[str], language: str = ENGLISH) -> list[Block]:
    """A condition's self-care points, with a drawing of each one that has one (shown
    only where drawings can be: the HTML page)."""
    figures: list[Block] = []
    for point in points:
        drawing = self_care_drawing(point)
        if drawing and all(figure.drawing != drawing for figure in figures):
            figures.append(Figure(drawing, say(language, ALT[drawing]),
                                  split_sentences(point)[0]))
    return [*figures, Bullets(points)]


def condition_sections(condition: records.Condition, cites: Citations,
                       clinic: records.Clinic | None,
                       related: list[str] = (), language: str = ENGLISH) -> list[Section]:
    say = phrases_for(language)
    origin = condition.origin
    acupuncture = condition.acupuncture
    evidence = condition.evidence
    meaning = say(RATING_MEANINGS[evidence.rating] if evidence.rating else PAGE_UNRATED)
    rating = say(RATINGS.get(evidence.rating, RATINGS[None]), meaning=meaning)

    def heading(text: str, *fields: str) -> str:
        """A section's heading, marked when all its words stayed in English."""
        if language != ENGLISH and fields and all(origin.in_english(*field.split("."))
                                                   for field in fields):
            return say(IN_ENGLISH, heading=say(text))
        return say(text)

    sections = [
        Section(heading(phrase("Key points"), "key_points"), [Bullets(condition.key_points)],
                "key-points"),
        Section(heading(phrase("What it is"), "what_it_is"),
                text_blocks(condition.what_it_is, condition.how_common), "what-it-is"),
        Section(heading(phrase("Common symptoms"), "symptoms"), [Bullets(condition.symptoms)],
                "symptoms"),
        Section(heading(phrase("Get medical help first"), "red_flags"),
                urgency_alerts(condition.red_flags, clinic, language), "red-flags"),
        Section(heading(phrase("What tends to cause it"), "causes"), [Bullets(condition.causes)],
                "causes"),
        Section(heading(phrase("How acupuncture may help"), "acupuncture.how_it_may_help"),
                text_blocks(acupuncture.how_it_may_help, acupuncture.why), "acupuncture",
                cites.cite(acupuncture.sources, origin, ("acupuncture", "sources"))),
        Section(heading(phrase("What the research shows"), "evidence.summary"),
                [Paragraph(rating), *text_blocks(evidence.summary)],
                "evidence", cites.cite(evidence.sources, origin, ("evidence", "sources"))),
        Section(heading(phrase("What a course looks like"), "course"),
                text_blocks(without_scoring(condition.course)), "course"),
        Section(heading(phrase("What else helps"), "other_options"),
                [Bullets(condition.other_options)], "other-options"),
        Section(heading(phrase("Looking after yourself"), "self_care"),
                self_care_blocks(list(condition.self_care), language), "self-care"),
    ]
    if related:
        sections.append(Section(say("Related conditions"), [Bullets(list(related))],
                                "related"))
    return sections
