"""Self-care tips, grouped by category, for everyone or for one condition."""

from __future__ import annotations

from typing import TypeVar

from acuinfo.base.errors import UnknownNameError
from acuinfo.base.phrases import phrases_for
from acuinfo.base.words import normalize
from acuinfo.finding import lookup
from acuinfo.knowledge import records
from acuinfo.knowledge.loading import Knowledge
from acuinfo.views.common import (
    NOTICE,
    Citations,
    holding_words,
    in_sentence,
    layers_of,
    renumbered,
    review_meta,
    text_blocks,
)
from acuinfo.views.document import (
    Document,
    Paragraph,
    Section,
    Step,
    Steps,
)

T = TypeVar("T")


def tips_page(knowledge: Knowledge, condition: str | None = None,
              category: str | None = None) -> Document:
    """Self-care tips grouped by category, optionally for one condition or group."""
    say = phrases_for(knowledge.language)
    book = knowledge.tips()
    tips = book.tips
    title = say("Self-care tips")
    if condition is not None:
        chosen = lookup.condition(knowledge, condition)
        tips = [t for t in tips if not t.conditions or chosen.slug in t.conditions]
        title = say("Self-care tips for {condition}", condition=in_sentence(chosen.title))
    categories = book.categories
    if category is not None:
        wanted = normalize(category)
        categories = [c for c in categories if wanted in (c.id, normalize(c.title))]
        if not categories:
            raise _unknown_category(category, book.categories)
    cites = Citations(knowledge)
    sections = tip_sections(categories, tips, cites)
    if category is None:  # the names --category takes, for the next command
        shown = ", ".join(c.id for c in book.categories if any(s.id == c.id for s in sections))
        sections.append(Section("", [Paragraph(say(
            "One group at a time: acuinfo tips --category NAME, where NAME is one of {names}.",
            names=shown))], "categories"))
    return renumbered(Document(
        kind="tips", title=title, sections=sections, citations=cites.listing(),
        notice=say(NOTICE), meta=review_meta(knowledge, *layers_of(knowledge, "tips.yaml", book))))


def _unknown_category(name: str, categories: list[records.TipCategory]) -> UnknownNameError:
    """An unknown tip category: the ones whose id or title hold its words, or are spelled
    like it, and every id a category may be."""
    import difflib

    ids = [c.id for c in categories]
    close = [c.id for c in holding_words(name, [(c, (c.id, c.title)) for c in categories])]
    close += difflib.get_close_matches(normalize(name), ids, n=3, cutoff=0.6)
    return UnknownNameError("tip category", name, list(dict.fromkeys(close))[:3], ids,
                            "acuinfo tips")


def tip_sections(categories: list[records.TipCategory], tips: list[records.Tip],
                  cites: Citations) -> list[Section]:
    sections = []
    for group in categories:
        steps = [Step(tip.title, tip.text, cites=cites.cite(tip.sources, tip.origin, ("sources",)))
                 for tip in tips if tip.category == group.id]
        if steps:
            sections.append(Section(group.title, [*text_blocks(group.description),
                                                  Steps(steps)], group.id))
    return sections
