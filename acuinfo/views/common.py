"""What every view shares: the notice and the words for ratings, urgency and review
details, numbered citations, drafts marked as drafts, and text made into paragraphs.

The words here are the frame around the content (headings, labels, the notice on
every page); the content itself comes from the knowledge files.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, TypeVar

from acuinfo.base.dates import long_date
from acuinfo.base.errors import KnowledgeError, NotFoundError
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
    from acuinfo.knowledge.located import Origin

T = TypeVar("T")


T = TypeVar("T")


NOTICE = (
    "acuinfo gives general information. It does not replace advice from your doctor "
    "or another clinician. For signs that need urgent care, run: acuinfo red-flags"
)


RATING_MEANINGS = {
    "good": "Several good studies agree, and real needling does better than sham (fake) needling.",
    "moderate": "Reviews show a benefit, but it is small or the studies vary.",
    "limited": "There are few or small studies, or real needling did about as well as sham.",
    "insufficient": "There is too little research to say whether it helps.",
    None: "acuinfo gives a rating only when it can show you the results behind it, and it "
          "cannot do that here yet.",
}


# Who checked a file when it does not say: the project's own writers, not a clinician.
DEFAULT_REVIEWER = "the acuinfo project team (not yet checked by a named clinician)"


# DEFAULT_REVIEWER in words that name no command, for the pages a patient prints.
PRINT_REVIEWER = "the team that writes acuinfo, not yet checked by a named clinician"


DRAFT_REVIEWER = "nobody yet: this is a draft"


DRAFT_WARNING = ("this page has not been checked. Do not give it to patients. To publish "
                 "it, have a clinician check it, then set 'status: published' and the date "
                 "in 'reviewed:'.")


# Where to send a correction when no clinic profile says.
DEFAULT_CORRECTIONS = ("If you think something here is wrong or out of date, tell the "
                       "clinic or the person who gave you this information.")


# The three levels of urgency, most urgent first: (section id, heading, what to do).
URGENCY = (
    ("emergency", "Get emergency help now"),
    ("same-day", "Get medical advice today"),
    ("see-doctor", "See your doctor in the coming weeks"),
)


def urgency_text(level: str, clinic: records.Clinic | None) -> str:
    """What to do at one level of urgency, with the clinic's own numbers when it gave them,
    and otherwise in words that work in any country."""
    if level == "emergency":
        number = clinic.emergency_number if clinic else None
        call = (f"Call {number}" if number else
                "Call your local emergency number (for example, 911 in the US or 999 in "
                "the UK)")
        return (f"{call} or go to the nearest emergency department now if you have any of "
                "these. Do not wait for acupuncture.")
    if level == "same-day":
        line = clinic.urgent_number if clinic else None
        advice = (f"call {line}" if line else
                  "call an urgent medical advice line (for example, NHS 111 in the UK)")
        return (f"Contact your doctor today if you have any of these. If you cannot reach "
                f"them, {advice}.")
    return "Book a visit with your doctor if any of these apply to you."


def red_flag_note(red_flags: records.RedFlags, field: str) -> str | None:
    """What some signs of one level (``field``: emergency, same_day or see_doctor) mean."""
    return getattr(red_flags.notes, field) if red_flags.notes else None


def urgency_alerts(red_flags: records.RedFlags, clinic: records.Clinic | None) -> list[Block]:
    """A condition's warning signs as one alert per level, most urgent first: what to do,
    what some of the signs mean, then the signs."""
    alerts: list[Block] = []
    for level, heading in URGENCY:
        field = records.URGENCY_STYLES[level]
        signs = getattr(red_flags, field)
        if signs:
            text = "\n".join(t for t in (urgency_text(level, clinic),
                                         red_flag_note(red_flags, field)) if t)
            alerts.append(Alert(heading, list(signs), text))
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
    clinic = knowledge.clinic()
    corrections = clinic.corrections if clinic and clinic.corrections else DEFAULT_CORRECTIONS
    layers = tuple(layer for layer in layers if layer.reviewed)  # a draft may have none yet
    if not layers:
        return {"reviewed_by": DRAFT_REVIEWER, "corrections": corrections}
    reviewers = list(dict.fromkeys(layer.reviewed_by or DEFAULT_REVIEWER for layer in layers))
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
        return [citation_of(number, self._sources[source_id])
                for source_id, number in self._numbers.items()]


def not_found(kind: str, name: str, named: dict[str, str], list_command: str) -> NotFoundError:
    """A not-found error suggesting the entries whose names look most like ``name``;
    ``named`` maps each name an entry answers to onto that entry's id."""
    import difflib

    close = difflib.get_close_matches(normalize(name), list(named), n=6, cutoff=0.6)
    return NotFoundError(kind, name, list(dict.fromkeys(named[c] for c in close))[:3],
                         list_command)


def as_sentence(text: str) -> str:
    """``text`` ending in one full stop: "et al." and a title ending in "?" keep their own."""
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else text + "."


def checked_note(source: records.Source) -> str:
    """When a web page's content was last checked, as words for a citation."""
    return f" Checked {long_date(source.checked.isoformat())}." if source.checked else ""


def citation_of(number: int, source: records.Source) -> Citation:
    year = source.year or "n.d."
    text = (f"{source.authors} ({year}). {as_sentence(source.title)} "
            f"{as_sentence(source.published_in)}{checked_note(source)}")
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

    wanted = {stem(word) for word in words_of(query)}
    if not wanted:
        return []
    return [entry for entry, names in named
            if any(wanted <= {stem(word) for word in all_words(name)} for name in names)]


def clinic_section(clinic: records.Clinic, level: int = 1, numbers: bool = True) -> Section:
    """The clinic's own details, only the ones it gave; without its phone numbers and
    where to send a correction (``numbers=False``) where a form of phone numbers and the
    foot of the page say them."""
    details = [f"{label}: {value}" for label, value, always in (
        ("Practitioner", clinic.practitioner, True), ("Address", clinic.address, True),
        ("Phone", clinic.phone, False), ("Web site", clinic.website, True),
        ("Opening hours", clinic.hours, True), ("Prices", clinic.prices, True),
        ("Insurance and payment", clinic.payment, True),
        ("In an emergency, call", clinic.emergency_number, False),
        ("For urgent medical advice, call", clinic.urgent_number, False),
        ("To send a correction", clinic.corrections, False),
    ) if value and (numbers or always)]
    blocks: list[Block] = [Paragraph(clinic.name)]
    if details:
        blocks.append(Bullets(details))
    blocks.extend(text_blocks(clinic.note))
    return Section("Your clinic", blocks, "clinic", level=level)
