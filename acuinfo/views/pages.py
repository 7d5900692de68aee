"""General pages (safety, evidence, red flags and the others), and the about page with
when each file was reviewed."""

from __future__ import annotations

from typing import TypeVar

from acuinfo.base.languages import language_name
from acuinfo.base.phrases import phrases_for, say
from acuinfo.knowledge import records
from acuinfo.knowledge.loading import Knowledge
from acuinfo.views.common import (
    DEFAULT_REVIEWER,
    DRAFT_REVIEWER,
    NOTICE,
    Citations,
    layers_of,
    marked_if_draft,
    renumbered,
    review_due,
    review_meta,
    text_blocks,
    urgency_text,
)
from acuinfo.views.document import (
    Alert,
    Block,
    Bullets,
    Document,
    Paragraph,
    Section,
    Table,
)

T = TypeVar("T")


def page_sections(page: records.Page, cites: Citations, clinic: records.Clinic | None,
                  language: str = "en") -> list[Section]:
    sections = []
    for index, part in enumerate(page.sections):
        numbers = cites.cite(part.sources, part.origin, ("sources",))
        if part.style != "normal":
            text = part.text
            if part.style in records.URGENCY_STYLES:  # what to do comes first, in our words
                text = "\n".join(t for t in (urgency_text(part.style, clinic, language), text) if t)
            blocks: list[Block] = [Alert(part.heading, part.points, text)]
            sections.append(Section("", blocks, f"section-{index + 1}", numbers))
            continue
        blocks = text_blocks(part.text)
        if part.points:
            blocks.append(Bullets(part.points))
        sections.append(Section(part.heading, blocks, f"section-{index + 1}", numbers))
    return sections


def page_view(knowledge: Knowledge, page_id: str) -> Document:
    """A general page (safety, evidence, how-it-works, red-flags) as written."""
    page = knowledge.page(page_id)
    cites = Citations(knowledge)
    sections = page_sections(page, cites, knowledge.clinic(), knowledge.language)
    return marked_if_draft(renumbered(Document(
        kind="page", name=page.id, title=page.title, summary=page.summary, sections=sections,
        citations=cites.listing(), notice=say(knowledge.language, NOTICE),
        meta=review_meta(knowledge, page))), page)


def about_view(knowledge: Knowledge) -> Document:
    """The about page, then when each knowledge file was last reviewed."""
    say = phrases_for(knowledge.language)
    document = page_view(knowledge, "about")
    rows = [[label, record.reviewed.isoformat(), review_due(record).isoformat(),
             record.reviewed_by or say(DEFAULT_REVIEWER)] if record.reviewed else
            [say("{file} (DRAFT)", file=label), say("not yet"), "", say(DRAFT_REVIEWER)]
            for label, record in _reviewed_files(knowledge)]
    dates = Section(say("When each file was last reviewed"), [
        Table([say("File"), say("Reviewed"), say("Review due"), say("Checked by")], rows)],
        "reviewed")
    # The about text says itself that acuinfo does not replace a clinician.
    return document._replace(sections=[*document.sections, dates,
                                       *translation_sections(knowledge)], notice=None)


def translation_sections(knowledge: Knowledge) -> list[Section]:
    """For each language besides English: which files are translated, from which version
    of the English file, and whether a qualified medical translator has checked them."""
    from acuinfo.knowledge.translation_checks import translation_states

    say = phrases_for(knowledge.language)
    english = _english_files(knowledge)
    sections = []
    for language in knowledge.languages()[1:]:
        states = translation_states(knowledge, language)
        rows = [[state.relative, state.translated,
                 say("{version} (current)" if state.current else
                     "{version} (the English has changed since)", version=state.version),
                 say("not yet") if state.review == "pending" else state.review]
                for state in states]
        done = {state.relative for state in states}
        blocks: list[Block] = [Paragraph(say(
            "{count} of {total} files translated. No translation has been checked by a "
            "qualified medical translator yet." if all(s.review == "pending" for s in states)
            else "{count} of {total} files translated.",
            count=len(done & set(english)), total=len(english)))]
        if rows:
            blocks.append(Table([say("File"), say("Translated"), say("From the English version"),
                                 say("Checked by a medical translator")], rows))
        missing = [relative for relative in english if relative not in done]
        if missing:
            blocks.append(Paragraph(say("Shown in English: {files}.", files=", ".join(missing))))
        sections.append(Section(say("Translation into {language}",
                                    language=say(language_name(language))),
                                blocks, f"translation-{language}"))
    return sections


def _english_files(knowledge: Knowledge) -> list[str]:
    """The knowledge files a reader sees, as paths within a knowledge folder."""
    files = [f"conditions/{condition.slug}.yaml" for condition in knowledge.conditions()]
    files += [f"pages/{page.id}.yaml" for page in knowledge.pages()]
    files += [name for name in ("glossary.yaml", "names.yaml", "session.yaml", "tips.yaml")
              if knowledge.present(name)]
    return sorted(files)


def _reviewed_files(knowledge: Knowledge) -> list[tuple[str, object]]:
    """Every knowledge file with its review details, a shared file once per folder."""
    dated: list[tuple[str, object]] = [(f"condition {c.slug}", c) for c in knowledge.conditions()]
    dated += [(f"page {p.id}", p) for p in knowledge.pages()]
    for label, relative, merged in (("tips", "tips.yaml", knowledge.tips),
                                    ("session", "session.yaml", knowledge.session),
                                    ("glossary", "glossary.yaml", knowledge.glossary),
                                    ("sources", "sources.yaml", knowledge.source_list),
                                    ("names", "names.yaml", knowledge.name_book)):
        dated += [(label, layer) for layer in layers_of(knowledge, relative, merged())]
    clinic = knowledge.clinic()
    if clinic is not None:
        dated.append(("clinic profile", clinic))
    return dated
