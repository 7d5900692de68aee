"""The session journey: before, during and after a session, and over a course."""

from __future__ import annotations

from typing import TypeVar

from acuinfo.knowledge import records
from acuinfo.knowledge.loading import Knowledge
from acuinfo.views.common import NOTICE, Citations, layers_of, renumbered, review_meta, text_blocks
from acuinfo.views.document import (
    Block,
    Bullets,
    Document,
    Paragraph,
    Section,
    Step,
    Steps,
)

T = TypeVar("T")


def session_page(knowledge: Knowledge, part: str | None = None) -> Document:
    """The session journey, or one part of it: a stage or one visit step by step."""
    session = knowledge.session()
    cites = Citations(knowledge)
    sections = session_sections(session, part, cites)
    clinic = knowledge.clinic()
    if clinic is not None:
        sections.append(clinic_section(clinic))
    meta = review_meta(knowledge, *layers_of(knowledge, "session.yaml", session))
    return renumbered(Document(
        kind="session", name=part, title=session.title, summary=session.summary,
        sections=sections, citations=cites.listing(), notice=NOTICE, meta=meta))


def clinic_section(clinic: records.Clinic, level: int = 1) -> Section:
    """The clinic's own details, only the ones it gave."""
    details = [f"{label}: {value}" for label, value in (
        ("Practitioner", clinic.practitioner), ("Address", clinic.address),
        ("Phone", clinic.phone), ("Web site", clinic.website), ("Opening hours", clinic.hours),
        ("Prices", clinic.prices), ("Insurance and payment", clinic.payment),
        ("In an emergency, call", clinic.emergency_number),
        ("For urgent medical advice, call", clinic.urgent_number),
        ("To send a correction", clinic.corrections),
    ) if value]
    blocks: list[Block] = [Paragraph(clinic.name)]
    if details:
        blocks.append(Bullets(details))
    blocks.extend(text_blocks(clinic.note))
    return Section("Your clinic", blocks, "clinic", level=level)


def session_sections(session: records.Session, part: str | None,
                      cites: Citations) -> list[Section]:
    def steps_of(items: list[records.SessionStep]) -> Steps:
        return Steps([Step(step.title, step.text, step.duration,
                           cites.cite(step.sources, step.origin, ("sources",)))
                      for step in items])

    visit = session.what_to_expect
    visit_section = Section(visit.title, [
        steps_of(visit.steps),
        Paragraph(f"Time in all: {visit.total_time}"),
    ], "what-to-expect")
    sections = []
    for stage in session.stages:
        if part is None and stage.id == "during":  # what happens, then the reader's part in it
            sections.append(visit_section)
        if part in (None, stage.id):
            sections.append(Section(stage.title, [steps_of(stage.steps)], stage.id))
    if part == "what-to-expect":
        sections.append(visit_section)
    overall = cites.cite(session.sources, session.origin, ("sources",))
    if overall and sections:
        sections[0] = sections[0]._replace(cites=sorted({*sections[0].cites, *overall}))
    return sections
