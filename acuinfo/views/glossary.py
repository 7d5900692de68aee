"""The glossary: every term, or those a word names."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from acuinfo.base.phrases import phrases_for
from acuinfo.base.safetext import clean_text
from acuinfo.base.words import normalize
from acuinfo.knowledge import records
from acuinfo.knowledge.loading import Knowledge
from acuinfo.views.common import (
    NOTICE,
    Citations,
    holding_words,
    layers_of,
    not_found,
    renumbered,
    review_meta,
)
from acuinfo.views.document import (
    Definition,
    Definitions,
    Document,
    Section,
)

T = TypeVar("T")


def glossary_view(knowledge: Knowledge, term: str | None = None) -> Document:
    """Every glossary term, or the one a word names."""
    say = phrases_for(knowledge.language)
    glossary = knowledge.glossary()
    terms = sorted(glossary.terms, key=lambda t: t.term.lower())
    summary = None
    if term is not None:
        terms, summary = _terms_named(term, terms, say)
    cites = Citations(knowledge)
    items = [Definition(t.term, t.definition, cites.cite(t.sources, t.origin, ("sources",)))
             for t in terms]
    return renumbered(Document(
        kind="glossary", name=terms[0].id if term and len(terms) == 1 else None,
        title=say("Glossary"), summary=summary,
        sections=[Section("", [Definitions(items)], "terms")], citations=cites.listing(),
        notice=say(NOTICE), meta=review_meta(knowledge, *layers_of(knowledge, "glossary.yaml",
                                                                  glossary))))


def _terms_named(term: str, terms: list[records.GlossaryTerm], say: Callable[..., str]
                 ) -> tuple[list[records.GlossaryTerm], str | None]:
    """The glossary terms a word names: the one it names exactly ("qi", or "what is qi"),
    else every term with its words in a name ("sham" finds sham acupuncture), with a
    line saying so; NotFoundError with the closest names if none."""
    from acuinfo.finding.ranking import meaningful_key

    names = {normalize(n): t for t in terms for n in (t.id, t.term, *t.aliases)}
    for wanted in (normalize(term), meaningful_key(term)):
        if wanted in names:
            return [names[wanted]], None
    found = holding_words(term, [(t, (t.term, *t.aliases)) for t in terms])
    if not found:
        raise not_found("glossary term", term, {name: t.id for name, t in names.items()},
                         "acuinfo glossary")
    shown = " ".join(clean_text(term).split())
    return found, (None if len(found) == 1 else
                   say('{count} terms have "{words}" in their name.', count=len(found),
                       words=shown))
