"""The sources acuinfo cites, one source and everything that cites it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from acuinfo.base.phrases import phrase, phrases_for
from acuinfo.base.words import normalize
from acuinfo.knowledge import records
from acuinfo.knowledge.loading import Knowledge
from acuinfo.views.common import (
    NOTICE,
    as_sentence,
    checked_note,
    layers_of,
    not_found,
    review_meta,
)
from acuinfo.views.document import (
    Bullets,
    Document,
    Paragraph,
    Section,
    Step,
    Steps,
)

T = TypeVar("T")
# Each kind of source (see acuinfo.knowledge.records.SOURCE_KINDS), in the reader's words.
KINDS = {"trial": phrase("trial"), "review": phrase("review"), "guideline": phrase("guideline"),
         "study": phrase("study"), "web page": phrase("web page")}


def _source_entry(source: records.Source, say: Callable[..., str], language: str) -> Step:
    details = [source.published_in]
    details += [f"PMID {source.pmid}"] if source.pmid else []
    details += [f"DOI {source.doi}"] if source.doi else []
    details.append(source.url)
    checked = checked_note(source, language)
    text = f"{as_sentence(source.authors)} {'; '.join(details)}.{checked}"
    if source.finding:
        text += "\n" + say("What it found: {finding}", finding=source.finding)
    year = source.year or say("n.d.")
    kind = say(KINDS.get(source.kind, source.kind))
    return Step(f"{source.title} ({year})", text, f"{kind}; id: {source.id}")


def sources_view(knowledge: Knowledge, source_id: str | None = None) -> Document:
    """Every source, or one source and everything in acuinfo that cites it."""
    say = phrases_for(knowledge.language)
    book = knowledge.source_list()
    if source_id is None:
        return Document(kind="sources", title=say("Sources"), sections=[Section("", [
            Steps([_source_entry(s, say, knowledge.language) for s in book.sources]),
            Paragraph(say("See what cites one with: acuinfo sources ID")),
        ], "sources")], notice=say(NOTICE),
            meta=review_meta(knowledge, *layers_of(knowledge, "sources.yaml", book)))
    by_id = {s.id: s for s in book.sources}
    wanted = normalize(source_id)
    if wanted not in by_id:
        raise not_found("source", source_id, {i: i for i in by_id}, "acuinfo sources")
    source = by_id[wanted]
    users = _citing(knowledge, source.id, say)
    return Document(kind="source", name=source.id, title=source.title, sections=[
        Section("", [Steps([_source_entry(source, say, knowledge.language)])], "source"),
        Section(say("Cited by"), [Bullets(users or [say("Nothing in acuinfo cites it yet.")])],
                "cited-by"),
    ], notice=say(NOTICE), meta=review_meta(knowledge, *layers_of(knowledge, "sources.yaml", book)))


def _citing(knowledge: Knowledge, source_id: str, say: Callable[..., str]) -> list[str]:
    """Where a source is cited, each with the command that shows it."""
    found = [f"{c.title} (acuinfo condition {c.slug})" for c in knowledge.conditions()
             if source_id in (*c.evidence.sources, *c.acupuncture.sources)]
    session = knowledge.session()
    steps = [*session.what_to_expect.steps, *(s for st in session.stages for s in st.steps)]
    if source_id in session.sources or any(source_id in s.sources for s in steps):
        found.append(f"{session.title} (acuinfo session)")
    found += [say("Tip: {title} (acuinfo tips)", title=t.title) for t in knowledge.tips().tips
              if source_id in t.sources]
    found += [f"{p.title} (acuinfo {p.id})" for p in knowledge.pages()
              if any(source_id in s.sources for s in p.sections)]
    found += [say("Glossary: {term} (acuinfo glossary {id})", term=t.term, id=t.id)
              for t in knowledge.glossary().terms if source_id in t.sources]
    return found
