"""Looking a condition up by any name a person may give it.

A slug names a file, and reads only that; any other name (a title, an alias) is
looked up in the index. A name that more than one condition goes by lists the
choices, and the name of an illness acuinfo has no page on says so, rather than
suggest another illness. This sits above both the knowledge it reads and the index
it asks, so that neither needs the other's help. The index (and SQLite) is imported
only when a name is not a slug: showing a condition by its slug needs neither.
"""

from __future__ import annotations

from acuinfo.base.errors import AmbiguousNameError, NotCoveredError, NotFoundError
from acuinfo.base.safetext import shown_name
from acuinfo.base.words import as_slug, phrase_key
from acuinfo.knowledge import records
from acuinfo.knowledge.loading import Knowledge
from acuinfo.knowledge.names import name_keys


def condition(knowledge: Knowledge, name: str) -> records.Condition:
    """The condition a slug, title or alias names. A slug reads one file; any other
    name is looked up in the cached index rather than by reading every file.

    A name that more than one condition goes by (two conditions give it, or
    ``names.yaml`` lists it as ambiguous) raises AmbiguousNameError with the choices;
    the name of an illness that ``names.yaml`` says acuinfo does not cover, or one
    spelled much like it, raises NotCoveredError rather than suggest another illness."""
    slug = as_slug(name)
    found = slug is not None and knowledge.first_visible(f"conditions/{slug}.yaml",
                                                         records.Condition)
    if found:
        return found
    from acuinfo.finding import index, ranking  # SQLite and the index: only for other names

    book = knowledge.name_book()
    key = phrase_key(name)
    declared = next((a for a in book.ambiguous if key in name_keys(a)), None)

    def look_up(connection: object) -> tuple[list[tuple[str, str]], list[str]]:
        claims = ranking.claims(connection, "condition", name)
        if declared is None and len(claims) <= 1:
            return claims, [] if claims else ranking.suggest(connection, "condition", name)
        wanted = list(dict.fromkeys([*(declared.conditions if declared else ()),
                                     *(slug for slug, _ in claims)]))
        known = ranking.described(connection, "condition", wanted)
        return [(slug, known[slug][0]) for slug in wanted if slug in known], []

    choices, suggestions = index.using(knowledge, look_up)
    if declared is not None and choices:
        raise AmbiguousNameError("condition", name, choices, declared.note,
                                 "acuinfo conditions")
    if len(choices) > 1:
        raise AmbiguousNameError("condition", name, choices, None, "acuinfo conditions")
    found = choices and knowledge.first_visible(f"conditions/{choices[0][0]}.yaml",
                                                records.Condition)
    if found:
        return found
    illness = not_covered(book, name)
    if illness is not None:
        raise NotCoveredError("condition", name, illness.name, illness.note,
                              "acuinfo conditions")
    note = None
    if knowledge.hidden_drafts:
        file = knowledge.hidden_drafts[-1].origin.file
        note = (f"{shown_name(file)} is a draft: see it with --drafts. A draft is never "
                "put in a handout; set 'status: published' once it has been checked")
    raise NotFoundError("condition", name, suggestions, "acuinfo conditions", note)


def not_covered(book: records.NameBook, name: str) -> records.NotCovered | None:
    """The illness acuinfo has no page on that ``name`` names, or is spelled much like."""
    from acuinfo.finding import ranking

    keys = {key: illness for illness in book.not_covered for key in name_keys(illness)}
    whole = phrase_key(name)
    found = [key for key, start, end in ranking.phrases_in(name, keys)
             if start == 0 and end == whole.count("-") + 1]
    return keys[found[0]] if found else None
