"""The session journey: its key points, then before, during and after a session, and
over a course, with the forms to fill in.

It is read on screen and on paper alike, so it names no command: who should take care
before a first session, and what to do if something goes wrong during or after one, are
the safety page's own boxes, shown where they are needed.
"""

from __future__ import annotations

from typing import TypeVar

from acuinfo.base.languages import ENGLISH
from acuinfo.base.phrases import phrase, phrases_for
from acuinfo.knowledge import records
from acuinfo.knowledge.loading import Knowledge
from acuinfo.views.common import (
    DEFAULT_REVIEWER,
    PRINT_REVIEWER,
    Citations,
    clinic_section,
    english_words_of,
    layers_of,
    renumbered,
    review_meta,
    urgency_text,
)
from acuinfo.views.document import (
    Alert,
    Block,
    Bullets,
    Document,
    Figure,
    Paragraph,
    Section,
    Step,
    Steps,
)
from acuinfo.views.forms import (
    CHANGE_SOURCES,
    WHEN_TO_SCORE,
    phone_numbers,
    short_diary_blocks,
)
from acuinfo.views.handout_text import is_about_acupuncture, without_pointers
from acuinfo.views.pictures import ALT, SESSION_DRAWINGS

T = TypeVar("T")


SESSION_NOTICE = phrase("This page gives general information. It does not replace advice "
                        "from your doctor or another clinician. If something goes wrong "
                        "during or after a session, see the boxes under \"After a session\".")


# SESSION_NOTICE for a part of the journey, which may not hold those boxes.
PART_NOTICE = phrase("This page gives general information. It does not replace advice from "
                     "your doctor or another clinician. If you feel suddenly short of breath "
                     "or have chest pain during or after a session, call your local emergency "
                     "number.")


def session_page(knowledge: Knowledge, part: str | None = None) -> Document:
    """The session journey, or one part of it: a stage or one visit step by step. The
    whole journey starts with its key points and ends with a pain diary and the phone
    numbers to call."""
    say = phrases_for(knowledge.language)
    session = knowledge.session()
    safety = knowledge.page("safety")
    clinic = knowledge.clinic()
    cites = Citations(knowledge)
    sections = session_sections(session, part, cites, safety, clinic, knowledge.language,
                                english_words_of(knowledge, ("safety",), session=True))
    if part is None:
        # what a step says of scoring pain or of stopping, the diary does not say again
        said = " ".join(step.text for stage in session.stages for step in stage.steps)
        diary = short_diary_blocks(when_to_score=not WHEN_TO_SCORE.search(said),
                                   when_to_stop="6th session" not in said,
                                   language=knowledge.language)
        sections += [
            Section(say("Your pain diary"), diary, "diary",
                    cites.cite(list(CHANGE_SOURCES), knowledge.source_list().origin,
                               ("sources",))),
            phone_numbers(clinic, language=knowledge.language)]
    if clinic is not None:
        sections.append(clinic_section(clinic, language=knowledge.language))
    meta = review_meta(knowledge, *layers_of(knowledge, "session.yaml", session), safety)
    meta["reviewed_by"] = meta["reviewed_by"].replace(say(DEFAULT_REVIEWER),
                                                      say(PRINT_REVIEWER))
    return renumbered(Document(
        kind="session", name=part, title=session.title, summary=session.summary,
        sections=sections, citations=cites.listing(),
        notice=say(SESSION_NOTICE if part in (None, "after") else PART_NOTICE), meta=meta))


def safety_alerts(safety: records.Page, stage: str, clinic: records.Clinic | None,
                  cites: Citations, language: str = ENGLISH,
                  english: dict[str, str] | None = None) -> tuple[list[Block], list[int]]:
    """The safety page's boxes a stage needs, and their sources: before a first session,
    who should talk to their doctor first; after one, what to do if something goes wrong
    during or after it, with what to do at the top of each box. They follow the stage's
    steps, so that the line of their sources stands right under them."""
    english = english or {}  # the English headings of a translated page, which say which
    blocks: list[Block] = []
    numbers: list[int] = []
    for part in safety.sections:
        if stage == "before" and part.style == "warning":
            text = without_pointers(part.text)[0] or None
        elif (stage == "after" and part.style in records.URGENCY_STYLES
              and is_about_acupuncture(english.get(part.heading, part.heading))):
            text = urgency_text(part.style, clinic, language)
        else:
            continue
        blocks.append(Alert(part.heading, list(part.points), text))
        numbers += cites.cite(part.sources, part.origin, ("sources",))
    return blocks, numbers


def session_sections(session: records.Session, part: str | None, cites: Citations,
                     safety: records.Page, clinic: records.Clinic | None,
                     language: str = ENGLISH, english: dict[str, str] | None = None
                     ) -> list[Section]:
    say = phrases_for(language)

    english = english or {}

    def steps_of(items: list[records.SessionStep]) -> list[Block]:
        """The steps, after the drawings of those that have one (shown only in HTML,
        inside the step they go with)."""
        figures: list[Block] = [
            Figure(drawing, say(ALT[drawing]), step.title) for step in items
            if (drawing := SESSION_DRAWINGS.get(english.get(step.key, step.key)))]
        return [*figures, Steps([Step(step.title, step.text, step.duration,
                                      cites.cite(step.sources, step.origin, ("sources",)))
                                 for step in items])]

    visit = session.what_to_expect
    visit_section = Section(visit.title, [
        *steps_of(visit.steps),
        Paragraph(say("Time in all: {time}", time=visit.total_time)),
    ], "what-to-expect")
    sections = []
    if part is None and session.key_points:
        sections.append(Section(say("Key points"), [Bullets(list(session.key_points))],
                                "key-points"))
    for stage in session.stages:
        if part is None and stage.id == "during":  # what happens, then the reader's part in it
            sections.append(visit_section)
        if part in (None, stage.id):
            alerts, numbers = safety_alerts(safety, stage.id, clinic, cites, language, english)
            blocks = [*steps_of(stage.steps), *alerts]  # the boxes' sources follow them
            sections.append(Section(stage.title, blocks, stage.id, sorted(set(numbers))))
    if part == "what-to-expect":
        sections.append(visit_section)
    overall = cites.cite(session.sources, session.origin, ("sources",))
    if overall and sections:
        sections[0] = sections[0]._replace(cites=sorted({*sections[0].cites, *overall}))
    return sections
