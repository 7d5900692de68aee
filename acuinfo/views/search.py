"""Search results in a patient's own words, and what to do when nothing matches."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from acuinfo.base.languages import ENGLISH
from acuinfo.base.phrases import phrase, phrases_for
from acuinfo.base.safetext import clean_text
from acuinfo.base.words import all_words
from acuinfo.knowledge.loading import Knowledge
from acuinfo.views.common import NOTICE, text_blocks
from acuinfo.views.document import (
    Bullets,
    Document,
    Paragraph,
    Section,
    Step,
    Steps,
)

T = TypeVar("T")

# What each kind of result is, shown beside it.
KINDS = {"condition": phrase("condition"), "page": phrase("page"), "tip": phrase("tip"),
         "session": phrase("session"), "glossary": phrase("glossary")}


def search_view(knowledge: Knowledge, query: str, limit: int) -> Document:
    """The best matches for a patient's own words, each with the command that opens it.

    A name that may mean more than one condition ("pinched nerve") lists the choices
    first. The name of an illness acuinfo has no page on says so and what to do, and is
    then looked for only as a whole, so that it finds what mentions it rather than
    another illness. A query with words that find nothing gets the closest topics and
    what to do next, never an empty page."""
    from acuinfo.finding import index, ranking
    from acuinfo.knowledge.names import name_keys

    book = knowledge.name_book()
    wanted = ranking.meaningful_key(query)
    ambiguous = next((entry for entry in book.ambiguous if wanted in
                      {ranking.meaningful_key(key.replace("-", " ")) for key in name_keys(entry)}),
                     None)
    illnesses = {key: illness for illness in book.not_covered for key in name_keys(illness)}

    def run(connection: object) -> tuple:
        # A folder's own page on an illness makes it one acuinfo covers.
        named = [(key, start, end) for key, start, end in ranking.phrases_in(query, illnesses)
                 if not ranking.claims(connection, "condition", key)]
        words = all_words(query[:ranking.MAX_QUERY_CHARS])
        aside = {n for _, start, end in named for n in range(start, end)}
        rest = " ".join(word for n, word in enumerate(words) if n not in aside)
        found = ranking.find(connection, rest if named else query, limit,
                            [key.replace("-", " ") for key, _, _ in named])
        choices = ranking.described(connection, "condition",
                                   list(ambiguous.conditions)) if ambiguous else {}
        closest = [] if found.hits or named else ranking.closest(connection, query)
        return named, found, choices, closest

    named, found, choices, closest = index.using(knowledge, run)
    if knowledge.language != ENGLISH and not (found.hits or named or choices):
        # Nothing in the reader's language: the English words may be what was typed.
        english = Knowledge(knowledge.folders, knowledge.drafts)
        named, found, choices, closest = index.using(english, run)
    say = phrases_for(knowledge.language)
    shown = clean_text(query)
    sections = []
    if choices:
        steps = [Step(title, summary, say(KINDS["condition"]),
                      command=f"acuinfo condition {slug}")
                 for slug in ambiguous.conditions if slug in choices
                 for title, summary in [choices[slug]]]
        sections.append(Section(
            say('"{words}" can mean more than one condition' if len(steps) > 1 else
                '"{words}" can mean more than one thing', words=shown.strip()),
            [*text_blocks(ambiguous.note), Steps(steps)], "ambiguous"))
    for key in dict.fromkeys(key for key, _, _ in named):
        illness = illnesses[key]
        sections.append(Section(say("acuinfo has no page on {illness}", illness=illness.name),
                                text_blocks(illness.note), "not-covered"))
    hits = found.hits
    listed = {f"acuinfo condition {slug}" for slug in choices}  # shown once, above
    steps = [Step(hit.title, hit.snippet, say(KINDS.get(hit.kind, hit.kind)), command=hit.command)
             for hit in hits if hit.command not in listed]
    unknown = ", ".join(f'"{word}"' for word in found.unknown)
    if steps:
        intro = ([Paragraph(say("Nothing in acuinfo mentions {words}. These match your other "
                                "words:", words=unknown))] if found.unknown else [])
        heading = (say("Pages that mention it") if named and not found.unknown else
                   say("Other matches") if choices else say("Results") if sections else "")
        sections.append(Section(heading, [*intro, Steps(steps)], "results"))
    elif not named and not choices:
        sections.append(Section("", [Paragraph(say('Nothing in acuinfo matched "{words}".',
                                                   words=shown.strip()))], "results"))
    if closest:
        sections.append(Section(say("Closest topics"), [Steps(
            [Step(hit.title, hit.snippet, say(KINDS.get(hit.kind, hit.kind)), command=hit.command)
             for hit in closest])],
            "closest"))
    if not hits or found.unknown:
        sections.append(_next_steps(", ".join(f'"{w}"' for w in found.unknown) if hits else
                                    "" if named else f'"{shown.strip()}"', say))
    return Document(kind="search", name=shown, title=say("Search: {words}", words=shown),
                    sections=sections, notice=say(NOTICE),
                    items=[{"kind": h.kind, "name": h.name, "title": h.title,
                            "command": h.command, "score": h.score, "snippet": h.snippet}
                           for h in hits])


def _next_steps(about: str, say: Callable[..., str]) -> Section:
    """What to do when acuinfo has no answer: the topics it has, and who to ask."""
    ask = (say("Ask your practitioner or your doctor about {topic}.", topic=about) if about
           else say("Ask your practitioner or your doctor."))
    return Section(say("What you can do"), [Bullets([
        say("See every condition acuinfo covers: acuinfo conditions"),
        say("Look up a word acuinfo uses: acuinfo glossary"),
        say("See every command and topic: acuinfo --help"),
        f"{ask} " + say("They know your health, and can answer what acuinfo cannot."),
    ])], "next-steps")
