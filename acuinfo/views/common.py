"""What every view shares: the notice and the words for ratings, urgency and review
details, numbered citations, drafts marked as drafts, and text made into paragraphs.

The words here are the frame around the content (headings, labels, the notice on
every page); the content itself comes from the knowledge files.
"""

from __future__ import annotations

import datetime
import re
from typing import TYPE_CHECKING, TypeVar

from acuinfo.base.dates import long_date
from acuinfo.base.errors import KnowledgeError, NotFoundError
from acuinfo.base.languages import ENGLISH
from acuinfo.base.phrases import colon, phrase, phrases_for, say
from acuinfo.base.words import all_words, normalize
from acuinfo.knowledge import records
from acuinfo.knowledge.loading import Knowledge
from acuinfo.views.document import (
    Alert,
    Block,
    Bullets,
    Citation,
    Definitions,
    Document,
    Paragraph,
    Section,
    Steps,
)

if TYPE_CHECKING:
    from collections.abc import Iterable

    from acuinfo.knowledge.located import Origin

T = TypeVar("T")


NOTICE = phrase(
    "acuinfo gives general information. It does not replace advice from your doctor "
    "or another clinician. For signs that need urgent care, run: acuinfo red-flags"
)


RATING_MEANINGS = {
    "good": phrase("Several good studies agree, and real needling does better than sham "
                   "(fake) needling."),
    "moderate": phrase("Reviews show a benefit, but it is small or the studies vary."),
    "limited": phrase("There are few or small studies, or real needling did about as well "
                      "as sham."),
    "insufficient": phrase("There is too little research to say whether it helps."),
    None: phrase("acuinfo gives a rating only when it can show you the results behind it, "
                 "and it cannot do that here yet."),
}


# Who checked a file when it does not say: the project's own writers, not a clinician.
DEFAULT_REVIEWER = phrase("the acuinfo project team (not yet checked by a named clinician)")


# DEFAULT_REVIEWER in words that name no command, for the pages a patient prints.
PRINT_REVIEWER = phrase("the team that writes acuinfo, not yet checked by a named clinician")


DRAFT_REVIEWER = phrase("nobody yet: this is a draft")


DRAFT_WARNING = ("this page has not been checked. Do not give it to patients. To publish "
                 "it, have a clinician check it, then set 'status: published' and the date "
                 "in 'reviewed:'.")


# Where to send a correction when no clinic profile says.
DEFAULT_CORRECTIONS = phrase("If you think something here is wrong or out of date, tell the "
                             "clinic or the person who gave you this information.")


# The three levels of urgency, most urgent first: (section id, heading, what to do).
URGENCY = (
    ("emergency", phrase("Get emergency help now")),
    ("same-day", phrase("Get medical advice today")),
    ("see-doctor", phrase("See your doctor in the coming weeks")),
)


def urgency_text(level: str, clinic: records.Clinic | None, language: str = ENGLISH) -> str:
    """What to do at one level of urgency, with the clinic's own numbers when it gave them,
    and otherwise in words that work in any country."""
    say = phrases_for(language)
    if level == "emergency":
        number = clinic.emergency_number if clinic else None
        if number:
            return say("Call {number} or go to the nearest emergency department now if you "
                       "have any of these. Do not wait for acupuncture.", number=number)
        return say("Call your local emergency number (for example, 911 in the US or 999 in "
                   "the UK) or go to the nearest emergency department now if you have any of "
                   "these. Do not wait for acupuncture.")
    if level == "same-day":
        line = clinic.urgent_number if clinic else None
        if line:
            return say("Contact your doctor today if you have any of these. If you cannot "
                       "reach them, call {number}.", number=line)
        return say("Contact your doctor today if you have any of these. If you cannot reach "
                   "them, call an urgent medical advice line (for example, NHS 111 in the "
                   "UK).")
    return say("Book a visit with your doctor if any of these apply to you.")


def red_flag_note(red_flags: records.RedFlags, field: str) -> str | None:
    """What some signs of one level (``field``: emergency, same_day or see_doctor) mean."""
    return getattr(red_flags.notes, field) if red_flags.notes else None


def urgency_alerts(red_flags: records.RedFlags, clinic: records.Clinic | None,
                   language: str = ENGLISH) -> list[Block]:
    """A condition's warning signs as one alert per level, most urgent first: what to do,
    what some of the signs mean, then the signs."""
    alerts: list[Block] = []
    for level, heading in URGENCY:
        field = records.URGENCY_STYLES[level]
        signs = getattr(red_flags, field)
        if signs:
            text = "\n".join(t for t in (urgency_text(level, clinic, language),
                                         red_flag_note(red_flags, field)) if t)
            alerts.append(Alert(say(language, heading), list(signs), text))
    return alerts


def _next_year(day: datetime.date) -> datetime.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def review_due(record: object) -> datetime.date:
    """When a file's next review falls due: as it says, else a year after its last one."""
    return record.review_due or _next_year(record.reviewed)


def review_meta(knowledge: Knowledge, *layers: object) -> dict[str, str]:
    """When the files behind a page were last reviewed, when the next review is due, who
    checked them and where to send a correction, as a document's ``meta``. A page built
    from several files (or several folders' layers of one) shows the latest review, the
    soonest due date and every reviewer."""
    say = phrases_for(knowledge.language)
    clinic = knowledge.clinic()
    corrections = (clinic.corrections if clinic and clinic.corrections else
                   say(DEFAULT_CORRECTIONS))
    layers = tuple(layer for layer in layers if layer.reviewed)  # a draft may have none yet
    if not layers:
        return {"reviewed_by": say(DRAFT_REVIEWER), "corrections": corrections}
    reviewers = list(dict.fromkeys(layer.reviewed_by or say(DEFAULT_REVIEWER)
                                   for layer in layers))
    return {
        "reviewed": max(layer.reviewed for layer in layers).isoformat(),
        "review_due": min(review_due(layer) for layer in layers).isoformat(),
        "reviewed_by": "; ".join(reviewers),
        "corrections": corrections,
    }


def marked_if_draft(document: Document, record: object) -> Document:
    """A draft shows that it is one, at the top, so that nobody takes it for checked
    content (drafts are shown only when asked for, and never in handouts)."""
    if not records.is_draft(record):
        return document
    warning = Section("", [Alert(f"DRAFT: {DRAFT_WARNING}", [])], "draft")
    return document._replace(title=f"DRAFT: {document.title}",
                             sections=[warning, *document.sections])


def layers_of(knowledge: Knowledge, relative: str, merged: object) -> list[object]:
    """The layers a shared file was merged from, for their review details."""
    try:
        return knowledge.layers(relative) or [merged]
    except KnowledgeError:
        return [merged]


def renumbered(document: Document) -> Document:
    """The document with its sources numbered in the order a reader meets them, every list
    of numbers in ascending order, and the source list sorted to match."""
    order: dict[int, int] = {}

    def meet(numbers: list[int]) -> None:
        for number in sorted(numbers):
            order.setdefault(number, len(order) + 1)

    def seen(section: Section) -> None:
        for block in section.blocks:
            for item in getattr(block, "items", ()):
                meet(getattr(item, "cites", ()))
        meet(section.cites)

    for section in document.sections:
        seen(section)
    for citation in document.citations:
        order.setdefault(citation.number, len(order) + 1)

    def mapped(numbers: list[int]) -> list[int]:
        return sorted(order[n] for n in numbers)

    def block(value: Block) -> Block:
        items = getattr(value, "items", None)
        if isinstance(value, (Steps, Definitions)):
            return value._replace(items=[item._replace(cites=mapped(item.cites))
                                         for item in items])
        return value

    sections = [s._replace(blocks=[block(b) for b in s.blocks], cites=mapped(s.cites))
                for s in document.sections]
    citations = sorted((c._replace(number=order[c.number]) for c in document.citations),
                       key=lambda c: c.number)
    return document._replace(sections=sections, citations=citations)


class Citations:
    """Number sources in the order a document first cites them."""

    def __init__(self, knowledge: Knowledge) -> None:
        self._knowledge = knowledge
        self._numbers: dict[str, int] = {}
        self._sources: dict[str, records.Source] | None = None

    def cite(self, ids: list[str], origin: Origin, path: tuple) -> list[int]:
        """Numbers for ``ids``; an unknown id is left out and reported as a problem."""
        if not ids:
            return []
        if self._sources is None:
            self._sources = self._knowledge.sources()
        numbers = []
        for index, source_id in enumerate(ids):
            if source_id not in self._sources:
                self._knowledge.problems.append(origin.problem(
                    (*path, index), f"cites unknown source {source_id!r}",
                    "add it to sources.yaml or fix the id"))
                continue
            numbers.append(self._numbers.setdefault(source_id, len(self._numbers) + 1))
        return numbers

    def listing(self) -> list[Citation]:
        return [citation_of(number, self._sources[source_id], self._knowledge.language)
                for source_id, number in self._numbers.items()]


def not_found(kind: str, name: str, named: dict[str, str], list_command: str) -> NotFoundError:
    """A not-found error suggesting the entries whose names look most like ``name``;
    ``named`` maps each name an entry answers to onto that entry's id."""
    import difflib

    close = difflib.get_close_matches(normalize(name), list(named), n=6, cutoff=0.6)
    return NotFoundError(kind, name, list(dict.fromkeys(named[c] for c in close))[:3],
                         list_command)


def in_sentence(title: str) -> str:
    """A title inside a sentence: "Neck pain" in "tips for neck pain", but "TMJ" kept."""
    return title[:1].lower() + title[1:] if title[1:2].islower() else title


def as_sentence(text: str) -> str:
    """``text`` ending in one full stop: "et al." and a title ending in "?" keep their own."""
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else text + "."


def checked_note(source: records.Source, language: str = ENGLISH) -> str:
    """When a web page's content was last checked, as words for a citation."""
    if not source.checked:
        return ""
    return " " + say(language, "Checked {date}.",
                     date=long_date(source.checked.isoformat(), language))


_PERSON = re.compile(r"[A-Z][\w'-]+(?: [A-Z][\w'-]+)* [A-Z]{1,3}")


def short_authors(authors: str) -> str:
    """A long list of people's names as the first three and "et al.", as journals cite
    them: the identifier finds the full list, and a reader does not need nine names. A
    group's name, or a short list, is kept as it is."""
    names = authors.split(";")[0].split(", ")
    if len(names) > 3 and all(_PERSON.fullmatch(name.strip()) for name in names):
        return ", ".join(names[:3]) + ", et al."
    return authors


def citation_of(number: int, source: records.Source, language: str = ENGLISH) -> Citation:
    year = source.year or say(language, "n.d.")
    text = (f"{short_authors(source.authors)} ({year}). {as_sentence(source.title)} "
            f"{as_sentence(source.published_in)}{checked_note(source, language)}")
    return Citation(number, source.id, text, source.url, source.pmid, source.doi)


def text_blocks(*texts: str | None) -> list[Block]:
    """Paragraphs from text. In YAML's folded style (``>-``) a blank line between
    paragraphs becomes one line break, so every line break starts a paragraph."""
    blocks: list[Block] = []
    for text in texts:
        if text:
            blocks.extend(Paragraph(part.strip()) for part in text.split("\n") if part.strip())
    return blocks


def holding_words(query: str, named: list[tuple[T, tuple[str, ...]]]) -> list[T]:
    """The entries one of whose names holds every word of ``query`` that carries meaning,
    a plural and its singular taken as one word: "sham" is in "sham acupuncture"."""
    from acuinfo.finding.ranking import words_of

    def stem(word: str) -> str:
        if word.endswith(("ches", "shes", "sses", "xes", "zes")):
            return word[:-2]
        return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(
            word) > 3 else word

    if any("\u3400" <= char <= "\u9fff" for char in query):
        # Chinese has no spaces: what the query means ("什么是电针" is 电针) is in a name as
        # its characters, the everyday 疼 and the written 痛 taken as one.
        from acuinfo.finding.analysis import CHINESE, CHINESE_ALIKE, meaningful_name_key

        key = meaningful_name_key(query, CHINESE)
        return [entry for entry, names in named if key and any(
            key in "".join(all_words(name)).translate(CHINESE_ALIKE) for name in names)]
    wanted = {stem(word) for word in words_of(query)}
    if not wanted:
        return []
    return [entry for entry, names in named
            if any(wanted <= {stem(word) for word in all_words(name)} for name in names)]


def clinic_section(clinic: records.Clinic, level: int = 1, numbers: bool = True,
                   language: str = ENGLISH) -> Section:
    """The clinic's own details, only the ones it gave; without its phone numbers and
    where to send a correction (``numbers=False``) where a form of phone numbers and the
    foot of the page say them."""
    say = phrases_for(language)
    details = [f"{say(label)}{colon(say(label))}{value}" for label, value, always in (
        (phrase("Practitioner"), clinic.practitioner, True),
        (phrase("Address"), clinic.address, True), (phrase("Phone"), clinic.phone, False),
        (phrase("Web site"), clinic.website, True),
        (phrase("Opening hours"), clinic.hours, True), (phrase("Prices"), clinic.prices, True),
        (phrase("Insurance and payment"), clinic.payment, True),
        (phrase("In an emergency, call"), clinic.emergency_number, False),
        (phrase("For urgent medical advice, call"), clinic.urgent_number, False),
        (phrase("To send a correction"), clinic.corrections, False),
    ) if value and (numbers or always)]
    blocks: list[Block] = [Paragraph(clinic.name)]
    if details:
        blocks.append(Bullets(details))
    blocks.extend(text_blocks(clinic.note))
    return Section(say("Your clinic"), blocks, "clinic", level=level)


def english_words_of(knowledge: Knowledge, page_ids: tuple[str, ...] = (),
                     session: bool = False, conditions: Iterable[records.Condition] = ()
                     ) -> dict[str, str]:
    """The English words of the parts of pages (their headings and points), of the session
    journey (its steps' keys) and of the warning signs of ``conditions``, read in another
    language, by their words in it: the rules that tell boxes and steps apart, and that
    tell one sign holds another, read English words, and a translation changes words,
    never which part is which (a translated file keeps the English file's order, and as
    many signs). Empty in English, where every part has its own words."""
    if knowledge.language == ENGLISH:
        return {}
    english = Knowledge(knowledge.folders, knowledge.drafts)
    found: dict[str, str] = {}
    for page_id in page_ids:
        for shown, own in zip(knowledge.page(page_id).sections,
                              english.page(page_id).sections, strict=False):
            found.setdefault(shown.heading, own.heading)
            for point, own_point in zip(shown.points, own.points, strict=False):
                found.setdefault(point, own_point)
    from acuinfo.finding.entries import record_unit  # here: it imports SQLite

    for condition in conditions:
        unit = record_unit(condition)
        for own in english.conditions_named({unit})[:1] if unit else ():
            for field in records.URGENCY_STYLES.values():
                for sign, own_sign in zip(getattr(condition.red_flags, field),
                                          getattr(own.red_flags, field), strict=False):
                    found.setdefault(sign, own_sign)
    if session:
        shown_session, own_session = knowledge.session(), english.session()
        pairs = [(shown_session.what_to_expect.steps, own_session.what_to_expect.steps),
                 *((a.steps, b.steps) for a, b in zip(shown_session.stages,
                                                       own_session.stages, strict=False))]
        for shown_steps, own_steps in pairs:
            for shown, own in zip(shown_steps, own_steps, strict=False):
                found.setdefault(shown.key, own.key)
    return found
