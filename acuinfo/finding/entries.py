"""What the index holds: every findable thing in the knowledge (a condition, a tip, a
session step, a page section, a glossary term), with the names that find it and its
text. A sentence that only points to another command is left out: it would rank as
if it were the answer it points to.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from collections.abc import Iterator

from acuinfo.base.errors import KnowledgeError
from acuinfo.base.namedrecord import Record
from acuinfo.base.words import all_words, normal_form
from acuinfo.knowledge import records
from acuinfo.knowledge.loading import Knowledge

TOKENIZER = "porter unicode61"  # how search splits and stems words

class IndexEntry(Record):
    """One findable thing: a condition, a tip, a session step, a page as a whole or one
    of its sections, a term."""

    kind: str
    name: str
    title: str
    command: str
    summary: str
    names: list[str]  # what it is called: its title, then its aliases
    keywords: list[str]  # other words that should find it
    body: str
    unit: str | None = None  # a condition's file name, by which an update replaces it


def collect(knowledge: Knowledge) -> Iterator[IndexEntry]:
    """Every findable entry; a broken file is left out (``acuinfo validate`` reports it).
    The conditions come as they are read, by file name, so that an index of thousands
    holds none of them for long."""
    for condition in knowledge.each_condition():
        yield condition_entry(condition)
    yield from shared_entries(knowledge)


def shared_entries(knowledge: Knowledge) -> Iterator[IndexEntry]:
    """Every findable entry but the conditions: what the files every folder adds to (tips,
    the session, the glossary) and the pages hold. None of them depends on a condition
    file, nor any condition on them, so an index can replace these rows on their own."""
    yield from _guarded(_tips, knowledge)
    yield from _guarded(_session, knowledge)
    yield from _guarded(_glossary, knowledge)
    for page in knowledge.pages():
        yield from _page(page)


def condition_entry(condition: records.Condition) -> IndexEntry:
    """A condition, findable by its names and all the text of its page."""
    return IndexEntry(
        "condition", condition.slug, condition.title, f"acuinfo condition {condition.slug}",
        condition.summary, [condition.title, *condition.aliases], condition.keywords,
        _join(condition.summary, *condition.key_points, condition.what_it_is,
              condition.how_common, *condition.symptoms, *condition.causes,
              condition.acupuncture.how_it_may_help, condition.acupuncture.why,
              condition.evidence.summary, condition.course, *condition.other_options,
              *condition.self_care, *condition.red_flags.signs),
        record_unit(condition))


def record_unit(record: object) -> str | None:
    """The name of the file a record was read from."""
    origin = getattr(record, "origin", None)
    file = getattr(origin, "file", None)
    return os.path.basename(file) if isinstance(file, str) else None


def _page(page: records.Page) -> Iterator[IndexEntry]:
    """A page as a whole (its title and summary), then each section that holds content.

    A keyword of the page goes with the sections whose text holds it, so that "blood
    thinners" finds the section that says what to do about them; a keyword that no
    section holds, such as "is it safe", goes with the page as a whole."""
    sections = [(section.heading, _join(section.text, *section.points))
                for section in page.sections]
    # A section that only sends the reader to another command holds no answer.
    sections = [(heading, body) for heading, body in sections if body]
    holders = _holders([f"{heading}\n{body}" for heading, body in sections], page.keywords)
    command = f"acuinfo {page.id}"
    yield IndexEntry("page", page.id, page.title, command, page.summary, [page.title],
                     [k for k in page.keywords if not holders[k]], page.summary)
    for number, (heading, body) in enumerate(sections):
        yield IndexEntry("page", page.id, f"{page.title}: {heading}", command, page.summary,
                         [heading], [k for k in page.keywords if number in holders[k]], body)


def _holders(texts: list[str], phrases: list[str]) -> dict[str, set[int]]:
    """For each phrase, the positions of the texts that hold it, its words compared as
    search compares them (stemmed, so "pregnancy" is not "pregnant")."""
    found: dict[str, set[int]] = {phrase: set() for phrase in phrases}
    if not phrases or not texts:
        return found
    with contextlib.closing(sqlite3.connect(":memory:")) as connection:
        connection.execute(f"CREATE VIRTUAL TABLE held USING fts5(body, tokenize = '{TOKENIZER}')")
        connection.executemany("INSERT INTO held (rowid, body) VALUES (?, ?)",
                               [(number, normal_form(text)) for number, text in enumerate(texts)])
        for phrase in phrases:
            words = all_words(phrase)
            if words:
                found[phrase] = {row for (row,) in connection.execute(
                    "SELECT rowid FROM held WHERE held MATCH ?", (f'"{" ".join(words)}"',))}
    return found


def _guarded(make, knowledge: Knowledge) -> Iterator[IndexEntry]:
    try:
        yield from make(knowledge)
    except KnowledgeError:
        return


def _tips(knowledge: Knowledge) -> Iterator[IndexEntry]:
    book = knowledge.tips()
    titles = {c.id: c.title for c in book.categories}
    for tip in book.tips:
        yield IndexEntry("tip", tip.id, tip.title, f"acuinfo tips --category {tip.category}",
                         tip.text, [tip.title], [*tip.keywords, titles.get(tip.category, "")],
                         content(tip.text))


def _session(knowledge: Knowledge) -> Iterator[IndexEntry]:
    session = knowledge.session()
    visit = session.what_to_expect
    parts: list[tuple[str, str, list[str], list[records.SessionStep]]] = [
        ("what-to-expect", visit.title, [visit.total_time, *visit.keywords], visit.steps),
        *((stage.id, stage.title, stage.keywords, stage.steps) for stage in session.stages),
    ]
    for part_id, title, keywords, steps in parts:
        bodies = [_join(step.text, step.duration) for step in steps]
        # A keyword of the stage goes with the steps that hold it; one that none holds
        # goes with every step, as the stage as a whole is about it.
        holders = _holders([f"{step.title}\n{body}"
                            for step, body in zip(steps, bodies, strict=True)], keywords)
        for number, (step, body) in enumerate(zip(steps, bodies, strict=True)):
            held = [k for k in keywords if not holders[k] or number in holders[k]]
            yield IndexEntry("session", part_id, f"{title}: {step.title}",
                             f"acuinfo session --{part_id}", step.text, [step.title],
                             [title, *held], body)


def _glossary(knowledge: Knowledge) -> Iterator[IndexEntry]:
    for term in knowledge.glossary().terms:
        yield IndexEntry("glossary", term.id, term.term, f"acuinfo glossary {term.id}",
                         term.definition, [term.term, *term.aliases], [],
                         content(term.definition))


# A sentence that only sends the reader to another command ('Run "acuinfo safety" for
# more.'): it says where an answer is, not what it is, so search does not rank it.
_POINTER = re.compile(r"\b(?:run|type)\b:?\s+[\"\u201c]?acuinfo\s|^\(?\s*(?:see|try)\b.*"
                      r"[\"\u201c]acuinfo\s", re.IGNORECASE)


_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"\u201d)]))\s+")


def content(text: str | None) -> str:
    """``text`` without the sentences that only point to another command."""
    if not text or "acuinfo" not in text:
        return text or ""
    lines = []
    for line in text.split("\n"):
        kept = [s for s in _SENTENCE_END.split(line) if s.strip() and not _POINTER.search(s)]
        lines.append(" ".join(s.strip() for s in kept))
    return "\n".join(line for line in lines if line)


def _join(*parts: str | None) -> str:
    """The content of ``parts``, one to a line (see ``_content``)."""
    return "\n".join(kept for part in parts if (kept := content(part)))
