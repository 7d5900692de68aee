"""Turn records into documents: one function per view.

The words here are the frame around the content (headings, labels, the
notice on every page); the content itself comes from the knowledge files.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from acuinfo.base.errors import KnowledgeError, NotFoundError, UnknownNameError
from acuinfo.base.safetext import clean_text, shown_name
from acuinfo.base.words import all_words, normalize
from acuinfo.finding import lookup
from acuinfo.knowledge import records
from acuinfo.knowledge.folders import Folder
from acuinfo.knowledge.loading import Knowledge
from acuinfo.views.document import (
    Alert,
    Block,
    Bullets,
    Citation,
    Definition,
    Definitions,
    Document,
    Figure,
    Paragraph,
    Section,
    Step,
    Steps,
    Table,
)

if TYPE_CHECKING:
    from acuinfo.knowledge.located import Origin

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


def _urgency_text(level: str, clinic: records.Clinic | None) -> str:
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


def _urgency_alerts(red_flags: records.RedFlags, clinic: records.Clinic | None) -> list[Block]:
    """A condition's warning signs as one alert per level, most urgent first."""
    levels = {"emergency": red_flags.emergency, "same-day": red_flags.same_day,
              "see-doctor": red_flags.see_doctor}
    return [Alert(heading, list(levels[level]), _urgency_text(level, clinic))
            for level, heading in URGENCY if levels[level]]


def _next_year(day: datetime.date) -> datetime.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def review_due(record: object) -> datetime.date:
    """When a file's next review falls due: as it says, else a year after its last one."""
    return record.review_due or _next_year(record.reviewed)


def _review_meta(knowledge: Knowledge, *layers: object) -> dict[str, str]:
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


def _marked_if_draft(document: Document, record: object) -> Document:
    """A draft shows that it is one, at the top, so that nobody takes it for checked
    content (drafts are shown only when asked for, and never in handouts)."""
    if not records.is_draft(record):
        return document
    warning = Section("", [Alert(f"DRAFT: {DRAFT_WARNING}", [])], "draft")
    return document._replace(title=f"DRAFT: {document.title}",
                             sections=[warning, *document.sections])


def _layers(knowledge: Knowledge, relative: str, merged: object) -> list[object]:
    """The layers a shared file was merged from, for their review details."""
    try:
        return knowledge.layers(relative) or [merged]
    except KnowledgeError:
        return [merged]


def _renumbered(document: Document) -> Document:
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



class _Citations:
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
        return [_citation(number, self._sources[source_id])
                for source_id, number in self._numbers.items()]


def _not_found(kind: str, name: str, named: dict[str, str], list_command: str) -> NotFoundError:
    """A not-found error suggesting the entries whose names look most like ``name``;
    ``named`` maps each name an entry answers to onto that entry's id."""
    import difflib

    close = difflib.get_close_matches(normalize(name), list(named), n=6, cutoff=0.6)
    return NotFoundError(kind, name, list(dict.fromkeys(named[c] for c in close))[:3],
                         list_command)


def _sentence(text: str) -> str:
    """``text`` ending in one full stop: "et al." and a title ending in "?" keep their own."""
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else text + "."


def _checked(source: records.Source) -> str:
    """When a web page's content was last checked, as words for a citation."""
    from acuinfo.render import long_date

    return f" Checked {long_date(source.checked.isoformat())}." if source.checked else ""


def _citation(number: int, source: records.Source) -> Citation:
    year = source.year or "n.d."
    text = (f"{source.authors} ({year}). {_sentence(source.title)} "
            f"{_sentence(source.published_in)}{_checked(source)}")
    return Citation(number, source.id, text, source.url, source.pmid, source.doi)


def _text_blocks(*texts: str | None) -> list[Block]:
    """Paragraphs from text. In YAML's folded style (``>-``) a blank line between
    paragraphs becomes one line break, so every line break starts a paragraph."""
    blocks: list[Block] = []
    for text in texts:
        if text:
            blocks.extend(Paragraph(part.strip()) for part in text.split("\n") if part.strip())
    return blocks


def condition_page(knowledge: Knowledge, name: str) -> Document:
    """Everything about one condition: its key points first, red flags near the top."""
    condition = lookup.condition(knowledge, name)
    cites = _Citations(knowledge)
    meta = {"evidence_rating": condition.evidence.rating} if condition.evidence.rating else {}
    return _marked_if_draft(_renumbered(Document(
        kind="condition", name=condition.slug, title=condition.title,
        summary=condition.summary,
        sections=_condition_sections(condition, cites, knowledge.clinic()),
        citations=cites.listing(), notice=NOTICE,
        meta={**meta, **_review_meta(knowledge, condition)},
    )), condition)


def _condition_sections(condition: records.Condition, cites: _Citations,
                        clinic: records.Clinic | None) -> list[Section]:
    origin = condition.origin
    acupuncture = condition.acupuncture
    evidence = condition.evidence
    rating = (f"Strength of evidence: {evidence.rating or 'not rated'}. "
              f"{RATING_MEANINGS[evidence.rating]}")
    sections = [
        Section("Key points", [Bullets(condition.key_points)], "key-points"),
        Section("What it is", _text_blocks(condition.what_it_is, condition.how_common),
                "what-it-is"),
        Section("Common symptoms", [Bullets(condition.symptoms)], "symptoms"),
        Section("Get medical help first", _urgency_alerts(condition.red_flags, clinic),
                "red-flags"),
        Section("What tends to cause it", [Bullets(condition.causes)], "causes"),
        Section("How acupuncture may help",
                _text_blocks(acupuncture.how_it_may_help, acupuncture.why), "acupuncture",
                cites.cite(acupuncture.sources, origin, ("acupuncture", "sources"))),
        Section("What the research shows", [Paragraph(rating), *_text_blocks(evidence.summary)],
                "evidence", cites.cite(evidence.sources, origin, ("evidence", "sources"))),
        Section("What a course looks like", _text_blocks(condition.course), "course"),
        Section("What else helps", [Bullets(condition.other_options)], "other-options"),
        Section("Looking after yourself", [
            Bullets(condition.self_care),
            Paragraph(f"More tips: acuinfo tips --condition {condition.slug}"),
        ], "self-care"),
    ]
    if condition.related:
        sections.append(Section("Related conditions", [Bullets(
            [f"{slug} (acuinfo condition {slug})" for slug in condition.related])], "related"))
    return sections


def conditions_list(knowledge: Knowledge) -> Document:
    """One line per condition: its title, slug and summary, from the cached index so
    that a long list costs no parsing."""
    from acuinfo.finding import index

    rows, problems, drafts = index.using(knowledge, lambda connection: (
        index.conditions(connection), index.problems(connection, "conditions"),
        index.drafts(connection) if knowledge.drafts else []))
    knowledge.problems.extend(problems)
    if drafts:
        rows = sorted([*rows, *([slug, f"DRAFT: {title}", summary]
                                for slug, title, summary in drafts)],
                      key=lambda row: (row[1].removeprefix("DRAFT: ").lower(), row[0]))
    return Document(
        kind="conditions", title="Conditions", sections=[Section("", [
            Table(["Name", "Condition", "Summary"], rows),
            Paragraph("Read one with: acuinfo condition NAME"),
        ], "conditions")], notice=NOTICE,
    )


def tips_page(knowledge: Knowledge, condition: str | None = None,
              category: str | None = None) -> Document:
    """Self-care tips grouped by category, optionally for one condition or group."""
    book = knowledge.tips()
    tips = book.tips
    title = "Self-care tips"
    if condition is not None:
        chosen = lookup.condition(knowledge, condition)
        tips = [t for t in tips if not t.conditions or chosen.slug in t.conditions]
        title = f"Self-care tips for {chosen.title.lower()}"
    categories = book.categories
    if category is not None:
        wanted = normalize(category)
        categories = [c for c in categories if wanted in (c.id, normalize(c.title))]
        if not categories:
            raise _unknown_category(category, book.categories)
    cites = _Citations(knowledge)
    sections = _tip_sections(categories, tips, cites)
    if category is None:  # the names --category takes, for the next command
        shown = ", ".join(c.id for c in book.categories if any(s.id == c.id for s in sections))
        sections.append(Section("", [Paragraph(
            f"One group at a time: acuinfo tips --category NAME, where NAME is one of {shown}.")],
            "categories"))
    return _renumbered(Document(
        kind="tips", title=title, sections=sections, citations=cites.listing(),
        notice=NOTICE, meta=_review_meta(knowledge, *_layers(knowledge, "tips.yaml", book))))


def _unknown_category(name: str, categories: list[records.TipCategory]) -> UnknownNameError:
    """An unknown tip category: the ones whose id or title hold its words, or are spelled
    like it, and every id a category may be."""
    import difflib

    ids = [c.id for c in categories]
    close = [c.id for c in _holding_words(name, [(c, (c.id, c.title)) for c in categories])]
    close += difflib.get_close_matches(normalize(name), ids, n=3, cutoff=0.6)
    return UnknownNameError("tip category", name, list(dict.fromkeys(close))[:3], ids,
                            "acuinfo tips")


def _holding_words(query: str, named: list[tuple[T, tuple[str, ...]]]) -> list[T]:
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


def _tip_sections(categories: list[records.TipCategory], tips: list[records.Tip],
                  cites: _Citations) -> list[Section]:
    sections = []
    for group in categories:
        steps = [Step(tip.title, tip.text, cites=cites.cite(tip.sources, tip.origin, ("sources",)))
                 for tip in tips if tip.category == group.id]
        if steps:
            sections.append(Section(group.title, [*_text_blocks(group.description),
                                                  Steps(steps)], group.id))
    return sections


def session_page(knowledge: Knowledge, part: str | None = None) -> Document:
    """The session journey, or one part of it: a stage or one visit step by step."""
    session = knowledge.session()
    cites = _Citations(knowledge)
    sections = _session_sections(session, part, cites)
    clinic = knowledge.clinic()
    if clinic is not None:
        sections.append(_clinic_section(clinic))
    meta = _review_meta(knowledge, *_layers(knowledge, "session.yaml", session))
    return _renumbered(Document(
        kind="session", name=part, title=session.title, summary=session.summary,
        sections=sections, citations=cites.listing(), notice=NOTICE, meta=meta))


def _clinic_section(clinic: records.Clinic, level: int = 1) -> Section:
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
    blocks.extend(_text_blocks(clinic.note))
    return Section("Your clinic", blocks, "clinic", level=level)


def _session_sections(session: records.Session, part: str | None,
                      cites: _Citations) -> list[Section]:
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


# -- the handout: what a patient takes home on paper -------------------------------------------
#
# A handout is read on paper, so it holds no command to run: where a screen page
# points to another command, the handout shows what that command would (the full
# warning signs, the safety list) or leaves the pointer out. It keeps what a reader
# acts on and leaves to the screen what they would look up. And it says each
# instruction once: every topic has one home, and what another part holds gives way.
#
# - the condition in brief: the key points, in a box at the top. The longer account of
#   what it is, how common it is, its symptoms and causes, how acupuncture might work,
#   the trials behind the rating and related conditions are left to the screen;
# - warning signs: "When to get help", next, one box per level of urgency with what to
#   do said once; the conditions' signs (a sign all of whose words an earlier one holds
#   is not repeated), then the safety page's boxes about acupuncture itself, which also
#   stand for a condition's sign about acupuncture that says no more (and, when asked
#   for, the rest of the safety and red-flags pages, but for areas a chosen condition
#   covers). Tips that repeat warning signs, and the session step on when to call
#   someone, give way to it;
# - scoring pain: the pain diary. Tracking tips, the session's diary steps and the
#   courses' and self-care lists' sentences about 0 to 10 scores give way to it;
# - the course of sessions: each condition's "What a course looks like". The session
#   journey's course stage and the tip about keeping to the plan give way to it;
# - getting ready for a session: the session journey, when it is there. A step that
#   points to the safety list gives way to that list; tips that say the same as a step
#   give way to the step;
# - self-care: the tips written for the chosen conditions, when asked for (tips for
#   everyone are left to the screen); a condition's self-care point, or other option,
#   that a shown tip covers gives way to the tip.
#
# Then, as a last rule over the whole handout, a sentence already said is not said
# again (compared in a normal form: lower case, words only), though never a sentence
# from inside a warning sign: a sign is shown whole or not at all.

HANDOUT_NOTICE = ("This handout gives general information. It does not replace advice from "
                  "your doctor or another clinician. For signs that need urgent care, see "
                  "\"When to get help\".")
# DEFAULT_REVIEWER, in words that name no command.
HANDOUT_REVIEWER = "the team that writes acuinfo, not yet a named clinician"
HANDOUT_UNRATED = ("This handout gives a rating only when it can show you the results behind "
                   "it, and it cannot do that here yet.")
# A row before the first session, then one before each of a course of up to 12.
DIARY_SESSIONS = ("Start", *(str(number) for number in range(1, 13)))
DIARY_COLUMNS = ("Date", "Session", "Pain", "Enjoyment", "Activity", "Notes")

# Session steps (by key: id, else lower-case title) whose advice another part holds, or
# that come before the first visit and are left to the screen.
_STEPS_HELD_ELSEWHERE = frozenset({
    "start a pain diary", "write down how you feel",  # the pain diary
    "know when to call someone",  # When to get help: the boxes about acupuncture
    "choose a qualified practitioner",  # before booking; the safety page's "lower your risk"
})
# Tip categories whose advice another part holds: the pain diary, When to get help.
_CATEGORIES_HELD_ELSEWHERE = frozenset({"tracking-progress", "when-to-get-help"})
# Tips that a condition's course section says.
_TIPS_HELD_BY_COURSE = frozenset({"keep-to-the-plan"})
# Tips that say what a session step says: with the session journey, the step wins.
_TIPS_IN_SESSION = {
    "plan-the-drive-home": "plan how you get home",
    "eat-lightly-and-dress-loosely": "eat a light meal and wear loose clothes",
    "tell-every-provider": "tell your other health providers",
    "say-if-it-hurts": "the needles stay in",
    "check-your-practitioner": "choose a qualified practitioner",
}
# Tips shown with a drawing, and what the drawing shows in words.
_TIP_DRAWINGS = {
    "screen-at-eye-level": ("screen", "Drawing: a person sits at a desk. The top of the "
                                      "screen is level with their eyes."),
    "mind-your-posture": ("sit", "Drawing: a person sits upright, with a cushion behind the "
                                 "lower back and both feet flat on the floor."),
    "lift-with-care": ("lift", "Drawing: a person lifts a box with bent knees and a straight "
                               "back, holding the box close to the body."),
    "move-your-neck": ("neck", "Drawing: a head and shoulders from the front, with arrows "
                               "showing the head turning slowly to each side."),
    "exercise-for-back-pain": ("walk", "Drawing: a person out for a walk."),
}

# A command a screen page points to, in quotes: "acuinfo safety".
_POINTER = re.compile(r"[\"\u201c]acuinfo ([a-z-]+)[^\"\u201d]*[\"\u201d]")
# A sentence about scoring pain from 0 to 10, which the pain diary says.
_SCORING = re.compile(r"\b0 to 10\b|\b2 points\b")
# The end of a sentence: a full stop, question or exclamation mark before a new one.
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"\u201d)]))\s+(?=[A-Z0-9\"\u201c(])")
# A sentence that leans on the one before it, and stays with it.
_LEANS_BACK = re.compile(r"(?:This|These|That|Those|They|Then|So|Also|But|The same|"
                         r"Do the same)\b")
# Words that carry little meaning of their own ("not", "more", "before" and "after" do).
_FILLER_WORDS = (
    "a about an and any are as at be by can do feel feeling for from get had has have how "
    "if in into is it its keep make may of on or so such than that the their them then "
    "these they this to try up use way ways what when which with you your")
_FILLER = frozenset(_FILLER_WORDS.split())
# Words that say the same thing, in one form.
_SAME_WORD = {"breathless": "breath", "breathlessness": "breath", "shortness": "short"}


def _normal(sentence: str) -> str:
    """A sentence in the form compared for repeats: lower case, words only."""
    return " ".join(re.findall(r"[a-z0-9]+", sentence.lower()))


def _sentences(text: str) -> list[str]:
    return [part.strip() for part in _SENTENCE_END.split(text.strip()) if part.strip()]


def _sentence_groups(line: str) -> list[list[str]]:
    """A line's sentences, each with the ones after it that lean on it ("This can be ...")."""
    groups: list[list[str]] = []
    for sentence in _sentences(line):
        if groups and _LEANS_BACK.match(sentence):
            groups[-1].append(sentence)
        else:
            groups.append([sentence])
    return groups


def _words(text: str) -> set[str]:
    """The words that carry meaning, roughly stemmed, to tell whether one piece of advice
    already holds another."""
    found = set()
    for word in re.findall(r"[a-z0-9]+", text.lower()):
        word = _SAME_WORD.get(word, word)
        if word in _FILLER:
            continue
        for ending in ("ing", "ed", "es", "ly", "s"):
            if word.endswith(ending) and len(word) - len(ending) >= 3:
                word = word[:-len(ending)]
                break
        found.add(word)
    return found


def _holds(fuller: str, other: str, share: float) -> bool:
    """Whether ``fuller`` says what ``other`` says: at least ``share`` of the meaningful
    words of ``other`` (and two or more of them) are in it."""
    wanted = _words(other)
    common = wanted & _words(fuller)
    return len(common) >= min(2, len(wanted)) and len(common) >= share * len(wanted)


def _without_pointers(text: str | None) -> tuple[str, list[str]]:
    """``text`` without its sentences that point to a command, and the commands they named."""
    if not text:
        return "", []
    named: list[str] = []
    lines = []
    for line in text.split("\n"):
        kept = []
        for sentence in _sentences(line):
            found = _POINTER.findall(sentence)
            named += found
            if not found:
                kept.append(sentence)
        if kept:
            lines.append(" ".join(kept))
    return "\n".join(lines), named


_PERSON = re.compile(r"[A-Z][\w'-]+(?: [A-Z][\w'-]+)* [A-Z]{1,3}")


def _short_authors(authors: str) -> str:
    """A long list of people's names as the first three and "et al.", as journals cite
    them; a group's name, or a short list, as it is."""
    names = authors.split(";")[0].split(", ")
    if len(names) > 3 and all(_PERSON.fullmatch(name.strip()) for name in names):
        return ", ".join(names[:3]) + ", et al."
    return authors


def _area(heading: str) -> str:
    """What a box of warning signs is about: "Back pain" in "Back pain: get help now"."""
    return heading.split(":", 1)[0] if ":" in heading else heading


def _about_acupuncture(heading: str) -> bool:
    """Whether a box of warning signs is about acupuncture itself (during or after it)."""
    return re.search(r"\b(acupuncture|session)\b", _area(heading), re.IGNORECASE) is not None


class _Handout:
    """Builds one handout, saying every sentence once and citing only what it shows."""

    def __init__(self, knowledge: Knowledge, chosen: list[records.Condition],
                 cites: _Citations) -> None:
        self.knowledge = knowledge
        self.chosen = chosen
        self.cites = cites
        self.clinic = knowledge.clinic()
        self.said: set[str] = set()
        self.signs: list[str] = []  # every warning sign shown
        self.session_steps: set[str] = set()  # the keys of the session steps shown
        self.tips_shown: list[records.Tip] = []

    # -- saying things once --

    def fresh(self, text: str | None) -> str:
        """``text`` without what this handout has said already (a sentence with the ones
        that lean on it); what is left counts as said."""
        lines = []
        for line in (text or "").split("\n"):
            groups = [group for group in _sentence_groups(line)
                      if not all(_normal(sentence) in self.said for sentence in group)]
            for group in groups:
                self.said.update(_normal(sentence) for sentence in group)
            if groups:
                lines.append(" ".join(sentence for group in groups for sentence in group))
        return "\n".join(lines)

    def fresh_items(self, items: list[str]) -> list[str]:
        return [kept for kept in (self.fresh(item) for item in items) if kept]

    def fresh_signs(self, signs: list[str]) -> list[str]:
        """Warning signs not yet shown: a sign all of whose words an earlier sign holds is
        left out, so nothing it says is lost."""
        kept = []
        for sign in signs:
            if any(_holds(earlier, sign, 1.0) for earlier in self.signs):
                continue
            self.signs.append(sign)  # whole: never a sentence taken out of a sign
            self.said.update(_normal(sentence) for sentence in _sentences(sign))
            kept.append(sign)
        return kept

    def cite(self, sources: list[str], origin: object) -> list[int]:
        return self.cites.cite(sources, origin, ("sources",))

    # -- the parts --

    def key_points(self) -> list[Section]:
        if len(self.chosen) == 1:
            points = self.fresh_items(self.chosen[0].key_points)
            return [Section("Key points", [Bullets(points)], "key-points")]
        inner = [Section(c.title, [Bullets(self.fresh_items(c.key_points))],
                         f"key-points-{c.slug}", level=2) for c in self.chosen]
        return [Section("Key points", [], "key-points"), *inner]

    def phone_numbers(self) -> Section:
        """The numbers to call: the clinic's own where its profile gives them, otherwise a
        blank to write in."""
        clinic = self.clinic

        def number(field: str) -> str:
            return (getattr(clinic, field) or "") if clinic else ""

        rows = [[clinic.name if clinic else "Your acupuncture clinic", number("phone"),
                 "Your doctor", ""],
                ["Urgent medical advice", number("urgent_number"),
                 "Emergency", number("emergency_number")]]
        return Section("Phone numbers", [
            Table(["Who", "Phone number", "Who", "Phone number"], rows)], "phone-numbers")

    def clinic_details(self) -> Section | None:
        """The clinic's details, but its numbers (in Phone numbers) and where to send a
        correction (at the foot)."""
        clinic = self.clinic
        if clinic is None:
            return None
        details = [f"{label}: {value}" for label, value in (
            ("Practitioner", clinic.practitioner), ("Address", clinic.address),
            ("Web site", clinic.website), ("Opening hours", clinic.hours),
            ("Prices", clinic.prices), ("Insurance and payment", clinic.payment),
        ) if value]
        blocks: list[Block] = [Paragraph(clinic.name)]
        if details:
            blocks.append(Bullets(details))
        blocks.extend(_text_blocks(clinic.note))
        return Section("Your clinic", blocks, "clinic")

    def warnings(self, pages: list[tuple[records.Page, Callable[[records.PageSection], bool]]]
                 ) -> list[Section]:
        """When to get help: each level of urgency once, most urgent first, with what to do
        at its top; the conditions' own signs, then the boxes of ``pages`` that ``wanted``
        picks, each sign once, and the notes it picks (what signs mean, what to do if
        unsure)."""
        boxes: dict[str, list[tuple[str, list[str], str]]] = {level: [] for level, _ in URGENCY}
        # What the boxes about acupuncture itself say: a condition's sign about acupuncture
        # that says nothing more is left to them.
        about_acupuncture = [
            f"{part.heading} acupuncture {' '.join(part.points)}" for page, wanted in pages
            for part in page.sections if part.style in records.URGENCY_STYLES
            and _about_acupuncture(part.heading) and wanted(part)]
        for level, heading in URGENCY:
            field = records.URGENCY_STYLES[level]
            signs = [sign for condition in self.chosen for sign in getattr(condition.red_flags,
                                                                           field)
                     if not (re.search(r"\bacupuncture\b", sign, re.IGNORECASE) and any(
                         _holds(box, sign, 1.0) for box in about_acupuncture))]
            signs = self.fresh_signs(signs)
            if signs:
                boxes[level].append((heading, signs, ""))
        numbers: list[int] = []
        notes: list[Section] = []
        for page, wanted in pages:
            for index, part in enumerate(page.sections):
                if not wanted(part):
                    continue
                text, _ = _without_pointers(part.text)
                if part.style in records.URGENCY_STYLES:
                    signs = self.fresh_signs(list(part.points))
                    if signs:
                        boxes[part.style].append((part.heading, signs, self.fresh(text)))
                        numbers += self.cite(part.sources, part.origin)
                elif part.style == "normal":  # what the signs mean, or what to do if unsure
                    blocks = _text_blocks(self.fresh(text))
                    if part.points:
                        blocks.append(Bullets(self.fresh_items(list(part.points))))
                    if any(getattr(b, "items", True) for b in blocks):
                        notes.append(Section(part.heading, blocks,
                                             f"red-flags-{page.id}-{index + 1}", level=2,
                                             cites=self.cite(part.sources, part.origin)))
        alerts: list[Block] = []
        for level, _ in URGENCY:
            for index, (title, signs, text) in enumerate(boxes[level]):
                if index == 0:  # what to do, said once for the level
                    text = "\n".join(t for t in (_urgency_text(level, self.clinic), text) if t)
                alerts.append(Alert(title, signs, text or None))
        return [Section("When to get help", alerts, "red-flags",
                        cites=sorted(set(numbers))), *notes]

    def covers_area(self, heading: str) -> bool:
        """Whether a chosen condition's own signs stand for a box about this area: its
        words ("back pain") are all in the condition's title or another name for it."""
        wanted = set(re.findall(r"[a-z]+", _area(heading).lower()))
        return any(wanted <= set(re.findall(r"[a-z]+", name.lower()))
                   for condition in self.chosen for name in (condition.title, *condition.aliases))

    def diary(self) -> Section:
        rows = [["", session, "", "", "", ""] for session in DIARY_SESSIONS]
        blocks: list[Block] = [
            Paragraph("Fill in a row before your first session and before each one after "
                      "it, with these three scores:"),
            Bullets([
                "Pain: your pain on average, from 0 (no pain) to 10 (the worst pain you can "
                "imagine).",
                "Enjoyment: how much pain got in the way of enjoying life, from 0 (not at "
                "all) to 10 (completely).",
                "Activity: how much pain got in the way of your general activity, from 0 "
                "(not at all) to 10 (completely).",
            ]),
            Table(list(DIARY_COLUMNS), rows),
            Paragraph("If your scores fall by 30 percent or more from your first ones (for "
                      "example, from 6 to 4), that is a change worth noticing. In the notes, "
                      "write what you can do again, such as a longer walk or a full night's "
                      "sleep."),
        ]
        for block in blocks:  # its words count as said
            for text in (getattr(block, "text", None), *getattr(block, "items", ())):
                if isinstance(text, str):
                    self.fresh(text)
        numbers = self.cite(["krebs-2009", "dworkin-2008"],
                            self.knowledge.source_list().origin)
        return Section("Your pain diary", blocks, "diary", cites=numbers)

    def safety_part(self, page: records.Page) -> list[Section]:
        """The safety page but its boxes of warning signs (in When to get help) and its
        pointers to commands."""
        inner = []
        for index, part in enumerate(page.sections):
            if part.style in records.URGENCY_STYLES:
                continue
            text, _ = _without_pointers(part.text)
            text, points = self.fresh(text), self.fresh_items(list(part.points))
            if not text and not points:
                continue
            numbers = self.cite(part.sources, part.origin)
            if part.style == "warning":
                inner.append(Section("", [Alert(part.heading, points, text or None)],
                                     f"{page.id}-{index + 1}", numbers, level=2))
                continue
            blocks = _text_blocks(text)
            if points:
                blocks.append(Bullets(points))
            inner.append(Section(part.heading, blocks, f"{page.id}-{index + 1}", numbers,
                                 level=2))
        return [Section(page.title, _text_blocks(self.fresh(page.summary)), page.id), *inner]

    def safety_boxes(self, page: records.Page) -> tuple[list[Block], list[int]]:
        """The safety page's warning boxes (who should take care), for the place a session
        step points to them."""
        blocks: list[Block] = []
        numbers: list[int] = []
        for part in page.sections:
            if part.style == "warning":
                text, _ = _without_pointers(part.text)
                blocks.append(Alert(part.heading, self.fresh_items(list(part.points)),
                                    self.fresh(text) or None))
                numbers += self.cite(part.sources, part.origin)
        return blocks, numbers

    def session_part(self, journey: records.Session, safety: records.Page,
                     safety_shown: bool) -> list[Section]:
        """The session journey for paper: what to do before, during and after a session.
        One session step by step, which a reader looks up rather than keeps, is left to the
        screen; the course stage gives way to the conditions' own, and steps another part
        holds are left out. A step that points to the safety list gives way to that list."""
        inner: list[Section] = []
        shown_steps: set[str] = set()

        def steps_of(items: list[records.SessionStep]) -> tuple[list[Step], list[str]]:
            steps, pointed = [], []
            for step in items:
                if step.key in _STEPS_HELD_ELSEWHERE:
                    continue
                text, named = _without_pointers(step.text)
                if named:  # what it points to is shown in its place, or elsewhere in full
                    pointed += named
                    continue
                text = self.fresh(text)
                if text:
                    shown_steps.add(step.key)
                    steps.append(Step(step.title, text, step.duration,
                                      self.cite(step.sources, step.origin)))
            return steps, pointed

        for stage in journey.stages:
            if stage.id == "course":
                continue
            steps, pointed = steps_of(stage.steps)
            blocks = [Steps(steps)] if steps else []
            numbers: list[int] = []
            if "safety" in pointed and not safety_shown:
                boxes, numbers = self.safety_boxes(safety)
                blocks += boxes
            if blocks:
                inner.append(Section(stage.title or stage.id.title(), blocks,
                                     f"session-{stage.id}", numbers, level=2))
        self.session_steps = shown_steps
        overall = self.cite(journey.sources, journey.origin)
        return [Section(journey.title or "Your sessions",
                        [Paragraph("What to do before, during and after a session.")],
                        "session", overall), *inner]

    def tips_part(self, book: records.TipBook, session_steps: set[str]) -> list[Section]:
        """The tips written for the chosen conditions, in one list in the order of their
        categories, some with a drawing. Tips for everyone are left to the screen: the
        conditions' self-care lists stand for them."""
        slugs = {condition.slug for condition in self.chosen}
        order = {group.id: index for index, group in enumerate(book.categories)}
        steps: list[Step] = []
        figures: list[Block] = []
        for tip in sorted(book.tips, key=lambda tip: order.get(tip.category, len(order))):
            if (tip.category in _CATEGORIES_HELD_ELSEWHERE or not slugs & set(tip.conditions)
                    or tip.id in _TIPS_HELD_BY_COURSE
                    or _TIPS_IN_SESSION.get(tip.id) in session_steps):
                continue
            text = self.fresh(_without_pointers(tip.text)[0])
            if not text:
                continue
            self.tips_shown.append(tip)
            steps.append(Step(tip.title, text, cites=self.cite(tip.sources, tip.origin)))
            if tip.id in _TIP_DRAWINGS:
                drawing, alt = _TIP_DRAWINGS[tip.id]
                figures.append(Figure(drawing, alt, tip.title))
        if not steps:
            return []
        return [Section("Self-care tips", [*figures, Steps(steps)], "tips")]

    def condition_part(self, condition: records.Condition) -> list[Section]:
        """A condition's own part: what acupuncture may do, how strong the evidence is, its
        course, what else helps and self-care. Its key points (what it is, what acupuncture
        can and cannot do, what trials found) and its warning signs are at the top of the
        handout. What a reader looks up rather than keeps is left to the screen: the longer
        account of what it is and how common it is, its symptoms and causes, how
        acupuncture might work, the trials behind the rating, and related conditions."""
        origin = condition.origin
        evidence = condition.evidence
        meaning = RATING_MEANINGS[evidence.rating] if evidence.rating else HANDOUT_UNRATED
        rating = self.fresh(f"Strength of evidence for {condition.title.lower()}: "
                            f"{evidence.rating or 'not rated'}. {meaning}")
        course = "\n".join(" ".join(s for s in _sentences(line) if not _SCORING.search(s))
                           for line in condition.course.split("\n"))
        tips = [f"{tip.title} {tip.text}" for tip in self.tips_shown]

        def not_in_a_tip(items: list[str]) -> list[str]:
            return [item for item in items if not _SCORING.search(item)
                    and not any(_holds(tip, item, 0.6) for tip in tips)]

        self_care, other_options = not_in_a_tip(condition.self_care), not_in_a_tip(
            condition.other_options)
        slug = condition.slug
        inner = [
            Section("How acupuncture may help",
                    _text_blocks(self.fresh(condition.acupuncture.how_it_may_help)),
                    f"{slug}-acupuncture", level=2),
            Section("What the research shows", _text_blocks(rating), f"{slug}-evidence",
                    self.cites.cite(evidence.sources, origin, ("evidence", "sources")),
                    level=2),
            Section("What a course looks like", _text_blocks(self.fresh(course)),
                    f"{slug}-course", level=2),
            Section("What else helps", [Bullets(self.fresh_items(other_options))],
                    f"{slug}-other-options", level=2),
            Section("Looking after yourself", [Bullets(self.fresh_items(self_care))],
                    f"{slug}-self-care", level=2),
        ]
        inner = [s for s in inner if any(getattr(b, "items", True) for b in s.blocks)]
        return [Section(condition.title, _text_blocks(self.fresh(condition.summary)), slug),
                *inner]


def handout(knowledge: Knowledge, names: list[str], session: bool = False, tips: bool = False,
            today: datetime.date | None = None, *, short: bool = False, safety: bool = False,
            red_flags: bool = False, paper: str | None = None) -> Document:
    """A handout to print and take home, about one or more conditions.

    The full form: key points, phone numbers, when to get help, then a part for each
    condition, and, when asked for, the safety page, the session journey and self-care
    tips, then a pain diary to fill in. The short form (``short``): key points, phone
    numbers, when to get help and the diary. ``red_flags`` adds the red-flags page's
    warning signs, ``safety`` the safety page; ``paper`` ("A4" or "letter") sets the
    page size for printing. One numbered source list serves the whole."""
    if short and (session or tips):
        raise ValueError("the short form has no session journey or tips")
    today = today or datetime.date.today()
    found = (lookup.condition(knowledge, name) for name in names)
    chosen = list({c.slug: c for c in found}.values())
    cites = _Citations(knowledge)
    build = _Handout(knowledge, chosen, cites)
    safety_page = knowledge.page("safety")
    reviewed: list[object] = [*chosen, safety_page]

    # Built in order of importance, so that what is said first is kept where it matters
    # most; laid out below in reading order.
    # The boxes about acupuncture itself always; the red-flags page's, fuller, before the
    # safety page's other ones; of the red-flags page, its notes too.
    def boxes(page: records.Page, about_acupuncture: bool) -> Callable[[records.PageSection],
                                                                      bool]:
        return lambda part: (part.style in records.URGENCY_STYLES
                             and _about_acupuncture(part.heading) == about_acupuncture
                             and not build.covers_area(part.heading))

    pages = [(safety_page, boxes(safety_page, True))]
    if red_flags:
        flags_page = knowledge.page("red-flags")
        reviewed.append(flags_page)
        flag_boxes = boxes(flags_page, False)
        areas = [_area(part.heading) for part in flags_page.sections if flag_boxes(part)]
        pages.append((flags_page, lambda part: flag_boxes(part) or (
            part.style == "normal" and not any(  # a note about an area covered goes too
                area.lower() in part.heading.lower() and build.covers_area(area)
                for area in {_area(p.heading) for p in flags_page.sections
                             if p.style in records.URGENCY_STYLES} - set(areas)))))
    if safety:
        pages.append((safety_page, boxes(safety_page, False)))
    warnings = build.warnings(pages)
    diary = build.diary()
    key_points = build.key_points()
    safety_part = build.safety_part(safety_page) if safety else []
    session_part: list[Section] = []
    session_steps: set[str] = set()
    if session:
        journey = knowledge.session()
        reviewed += _layers(knowledge, "session.yaml", journey)
        session_part = build.session_part(journey, safety_page, safety)
        session_steps = build.session_steps
    tips_part: list[Section] = []
    if tips:
        book = knowledge.tips()
        reviewed += _layers(knowledge, "tips.yaml", book)
        tips_part = build.tips_part(book, session_steps)
    condition_parts = [] if short else [s for c in chosen for s in build.condition_part(c)]
    clinic = [] if short else [s for s in (build.clinic_details(),) if s]

    sections = [*key_points, *clinic, build.phone_numbers(), *warnings, *condition_parts,
                *safety_part, *session_part, *tips_part, diary]
    titles = [c.title for c in chosen]
    about = titles[0] if len(titles) == 1 else ", ".join(titles[:-1]) + " and " + titles[-1]
    sources = knowledge.sources()
    meta = _review_meta(knowledge, *reviewed)
    meta["reviewed_by"] = meta["reviewed_by"].replace(DEFAULT_REVIEWER, HANDOUT_REVIEWER)
    if paper:
        meta["paper"] = paper
    summary = ("Information to take home. Ask your clinician about anything that is not "
               "clear.")
    return _renumbered(Document(
        kind="handout", name=",".join(c.slug for c in chosen),
        title=f"Acupuncture and {about.lower()}", summary=summary, sections=sections,
        citations=[_citation(c.number, sources[c.id]._replace(
            authors=_short_authors(sources[c.id].authors))) for c in cites.listing()],
        notice=HANDOUT_NOTICE,
        meta={"date": today.isoformat(), **meta}))


def _page_sections(page: records.Page, cites: _Citations,
                   clinic: records.Clinic | None) -> list[Section]:
    sections = []
    for index, part in enumerate(page.sections):
        numbers = cites.cite(part.sources, part.origin, ("sources",))
        if part.style != "normal":
            text = part.text
            if part.style in records.URGENCY_STYLES:  # what to do comes first, in our words
                text = "\n".join(t for t in (_urgency_text(part.style, clinic), text) if t)
            blocks: list[Block] = [Alert(part.heading, part.points, text)]
            sections.append(Section("", blocks, f"section-{index + 1}", numbers))
            continue
        blocks = _text_blocks(part.text)
        if part.points:
            blocks.append(Bullets(part.points))
        sections.append(Section(part.heading, blocks, f"section-{index + 1}", numbers))
    return sections


def page_view(knowledge: Knowledge, page_id: str) -> Document:
    """A general page (safety, evidence, how-it-works, red-flags) as written."""
    page = knowledge.page(page_id)
    cites = _Citations(knowledge)
    sections = _page_sections(page, cites, knowledge.clinic())
    return _marked_if_draft(_renumbered(Document(
        kind="page", name=page.id, title=page.title, summary=page.summary, sections=sections,
        citations=cites.listing(), notice=NOTICE, meta=_review_meta(knowledge, page))), page)


def about_view(knowledge: Knowledge) -> Document:
    """The about page, then when each knowledge file was last reviewed."""
    document = page_view(knowledge, "about")
    rows = [[label, record.reviewed.isoformat(), review_due(record).isoformat(),
             record.reviewed_by or DEFAULT_REVIEWER] if record.reviewed else
            [f"{label} (DRAFT)", "not yet", "", DRAFT_REVIEWER]
            for label, record in _reviewed_files(knowledge)]
    dates = Section("When each file was last reviewed", [
        Table(["File", "Reviewed", "Review due", "Checked by"], rows)], "reviewed")
    # The about text says itself that acuinfo does not replace a clinician.
    return document._replace(sections=[*document.sections, dates], notice=None)


def _reviewed_files(knowledge: Knowledge) -> list[tuple[str, object]]:
    """Every knowledge file with its review details, a shared file once per folder."""
    dated: list[tuple[str, object]] = [(f"condition {c.slug}", c) for c in knowledge.conditions()]
    dated += [(f"page {p.id}", p) for p in knowledge.pages()]
    for label, relative, merged in (("tips", "tips.yaml", knowledge.tips),
                                    ("session", "session.yaml", knowledge.session),
                                    ("glossary", "glossary.yaml", knowledge.glossary),
                                    ("sources", "sources.yaml", knowledge.source_list),
                                    ("names", "names.yaml", knowledge.name_book)):
        dated += [(label, layer) for layer in _layers(knowledge, relative, merged())]
    clinic = knowledge.clinic()
    if clinic is not None:
        dated.append(("clinic profile", clinic))
    return dated


def _source_entry(source: records.Source) -> Step:
    details = [source.published_in]
    details += [f"PMID {source.pmid}"] if source.pmid else []
    details += [f"DOI {source.doi}"] if source.doi else []
    details.append(source.url)
    text = f"{_sentence(source.authors)} {'; '.join(details)}.{_checked(source)}"
    if source.finding:
        text += f"\nWhat it found: {source.finding}"
    year = source.year or "n.d."
    return Step(f"{source.title} ({year})", text, f"{source.kind}; id: {source.id}")


def sources_view(knowledge: Knowledge, source_id: str | None = None) -> Document:
    """Every source, or one source and everything in acuinfo that cites it."""
    book = knowledge.source_list()
    if source_id is None:
        return Document(kind="sources", title="Sources", sections=[Section("", [
            Steps([_source_entry(s) for s in book.sources]),
            Paragraph("See what cites one with: acuinfo sources ID"),
        ], "sources")], notice=NOTICE,
            meta=_review_meta(knowledge, *_layers(knowledge, "sources.yaml", book)))
    by_id = {s.id: s for s in book.sources}
    wanted = normalize(source_id)
    if wanted not in by_id:
        raise _not_found("source", source_id, {i: i for i in by_id}, "acuinfo sources")
    source = by_id[wanted]
    users = _citing(knowledge, source.id)
    return Document(kind="source", name=source.id, title=source.title, sections=[
        Section("", [Steps([_source_entry(source)])], "source"),
        Section("Cited by", [Bullets(users or ["Nothing in acuinfo cites it yet."])], "cited-by"),
    ], notice=NOTICE, meta=_review_meta(knowledge, *_layers(knowledge, "sources.yaml", book)))


def _citing(knowledge: Knowledge, source_id: str) -> list[str]:
    """Where a source is cited, each with the command that shows it."""
    found = [f"{c.title} (acuinfo condition {c.slug})" for c in knowledge.conditions()
             if source_id in (*c.evidence.sources, *c.acupuncture.sources)]
    session = knowledge.session()
    steps = [*session.what_to_expect.steps, *(s for st in session.stages for s in st.steps)]
    if source_id in session.sources or any(source_id in s.sources for s in steps):
        found.append(f"{session.title} (acuinfo session)")
    found += [f"Tip: {t.title} (acuinfo tips)" for t in knowledge.tips().tips
              if source_id in t.sources]
    found += [f"{p.title} (acuinfo {p.id})" for p in knowledge.pages()
              if any(source_id in s.sources for s in p.sections)]
    found += [f"Glossary: {t.term} (acuinfo glossary {t.id})" for t in knowledge.glossary().terms
              if source_id in t.sources]
    return found


def glossary_view(knowledge: Knowledge, term: str | None = None) -> Document:
    """Every glossary term, or the one a word names."""
    glossary = knowledge.glossary()
    terms = sorted(glossary.terms, key=lambda t: t.term.lower())
    summary = None
    if term is not None:
        terms, summary = _terms_named(term, terms)
    cites = _Citations(knowledge)
    items = [Definition(t.term, t.definition, cites.cite(t.sources, t.origin, ("sources",)))
             for t in terms]
    return _renumbered(Document(
        kind="glossary", name=terms[0].id if term and len(terms) == 1 else None,
        title="Glossary", summary=summary,
        sections=[Section("", [Definitions(items)], "terms")], citations=cites.listing(),
        notice=NOTICE, meta=_review_meta(knowledge, *_layers(knowledge, "glossary.yaml",
                                                             glossary))))


def _terms_named(term: str, terms: list[records.GlossaryTerm]
                 ) -> tuple[list[records.GlossaryTerm], str | None]:
    """The glossary terms a word names: the one it names exactly ("qi", or "what is qi"),
    else every term with its words in a name ("sham" finds sham acupuncture), with a
    line saying so; NotFoundError with the closest names if none."""
    from acuinfo.finding.ranking import meaningful_key

    names = {normalize(n): t for t in terms for n in (t.id, t.term, *t.aliases)}
    for wanted in (normalize(term), meaningful_key(term)):
        if wanted in names:
            return [names[wanted]], None
    found = _holding_words(term, [(t, (t.term, *t.aliases)) for t in terms])
    if not found:
        raise _not_found("glossary term", term, {name: t.id for name, t in names.items()},
                         "acuinfo glossary")
    shown = " ".join(clean_text(term).split())
    return found, (None if len(found) == 1 else
                   f'{len(found)} terms have "{shown}" in their name.')


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
    shown = clean_text(query)
    sections = []
    if choices:
        steps = [Step(title, summary, "condition", command=f"acuinfo condition {slug}")
                 for slug in ambiguous.conditions if slug in choices
                 for title, summary in [choices[slug]]]
        sections.append(Section(
            f'"{shown.strip()}" can mean more than one condition' if len(steps) > 1 else
            f'"{shown.strip()}" can mean more than one thing',
            [*_text_blocks(ambiguous.note), Steps(steps)], "ambiguous"))
    for key in dict.fromkeys(key for key, _, _ in named):
        illness = illnesses[key]
        sections.append(Section(f"acuinfo has no page on {illness.name}",
                                _text_blocks(illness.note), "not-covered"))
    hits = found.hits
    listed = {f"acuinfo condition {slug}" for slug in choices}  # shown once, above
    steps = [Step(hit.title, hit.snippet, hit.kind, command=hit.command) for hit in hits
             if hit.command not in listed]
    unknown = ", ".join(f'"{word}"' for word in found.unknown)
    if steps:
        intro = ([Paragraph(f"Nothing in acuinfo mentions {unknown}. These match your other "
                            "words:")] if found.unknown else [])
        heading = ("Pages that mention it" if named and not found.unknown else
                   "Other matches" if choices else "Results" if sections else "")
        sections.append(Section(heading, [*intro, Steps(steps)], "results"))
    elif not named and not choices:
        sections.append(Section("", [Paragraph(f'Nothing in acuinfo matched "{shown.strip()}".')],
                                "results"))
    if closest:
        sections.append(Section("Closest topics", [Steps(
            [Step(hit.title, hit.snippet, hit.kind, command=hit.command) for hit in closest])],
            "closest"))
    if not hits or found.unknown:
        sections.append(_next_steps(", ".join(f'"{w}"' for w in found.unknown) if hits else
                                    "" if named else f'"{shown.strip()}"'))
    return Document(kind="search", name=shown, title=f"Search: {shown}", sections=sections,
                    notice=NOTICE,
                    items=[{"kind": h.kind, "name": h.name, "title": h.title,
                            "command": h.command, "score": h.score, "snippet": h.snippet}
                           for h in hits])


def _next_steps(about: str) -> Section:
    """What to do when acuinfo has no answer: the topics it has, and who to ask."""
    ask = (f"Ask your practitioner or your doctor about {about}." if about else
           "Ask your practitioner or your doctor.")
    return Section("What you can do", [Bullets([
        "See every condition acuinfo covers: acuinfo conditions",
        "Look up a word acuinfo uses: acuinfo glossary",
        "See every command and topic: acuinfo --help",
        f"{ask} They know your health, and can answer what acuinfo cannot.",
    ])], "next-steps")


def paths_view(candidates: list[Folder], cache: str) -> Document:
    """Every folder acuinfo reads, in precedence order, and what each one provides."""
    steps = []
    for folder in candidates:
        state = folder.state()
        what = (_folder_contents(folder) if state == "folder" else
                "does not exist" if state == "missing" else state)
        steps.append(Step(shown_name(folder.root), f"{folder.kind}: {what}"))
    return Document(kind="paths", title="Where acuinfo looks", sections=[
        Section("Knowledge folders, first one wins", [Steps(steps)], "folders"),
        Section("Cache folder", [Paragraph(shown_name(cache))], "cache"),
    ], summary="An entry in a higher folder replaces one with the same name below it.")


def _folder_contents(folder: Folder) -> str:
    """How many entries of each kind a folder provides, as a phrase."""
    only = Knowledge([folder])
    counts = []
    for label, count in (("condition", lambda: len(only._files("conditions"))),
                         ("page", lambda: len(only._files("pages"))),
                         ("tip", lambda: len(only.tips().tips)),
                         ("source", lambda: len(only.source_list().sources)),
                         ("glossary term", lambda: len(only.glossary().terms))):
        try:
            number = count()
        except KnowledgeError:
            number = 0
        if number:
            counts.append(f"{number} {label}{'s' * (number != 1)}")
    if only.clinic() is not None:
        counts.append("a clinic profile")
    problems = len(only.problems)
    if problems:
        counts.append(f"{problems} file{'s' * (problems != 1)} with problems")
    return ", ".join(counts) or "nothing yet"


def which_view(knowledge: Knowledge, name: str) -> Document:
    """Which file an entry comes from, and the files it overrides."""
    found: list[Step] = []
    shown = clean_text(name)  # echoed from the command line: cleaned like any data
    for kind, entry, files in _files_named(knowledge, name):
        used, *hidden = (shown_name(file) for file in files)
        text = f"From: {used}"
        if hidden:
            text += "\nOverrides: " + "\nOverrides: ".join(hidden)
        found.append(Step(f"{kind} {entry}" + ("" if entry == shown else f" ({shown})"), text))
    if not found:
        raise NotFoundError("entry", name, [], "acuinfo conditions")
    name = shown
    return Document(kind="which", name=name, title=f"Where {name} comes from",
                    sections=[Section("", [Steps(found)], "files")])


def _files_named(knowledge: Knowledge, name: str) -> list[tuple[str, str, list[str]]]:
    """(kind, the entry's own name, files highest first) for every entry called ``name``."""
    from acuinfo.base.words import as_slug

    slug = as_slug(name)
    conditions = [slug] if slug else []
    if slug is None or knowledge.present(f"conditions/{slug}.yaml") == []:
        from acuinfo.finding import index, ranking  # a title or an alias: the index knows it

        # A name two conditions go by names both.
        conditions = [named for named, _ in index.using(knowledge, lambda connection: (
            ranking.claims(connection, "condition", name)))] or conditions
    results = []
    for kind, entry, relative in (*(("condition", c, f"conditions/{c}.yaml") for c in conditions),
                                  ("page", slug, slug and f"pages/{slug}.yaml")):
        files = [str(found) for found in knowledge.present(relative)] if relative else []
        if files:
            results.append((kind, entry, files))
    for kind, relative, items in (("tip", "tips.yaml", "tips"),
                                  ("source", "sources.yaml", "sources"),
                                  ("glossary term", "glossary.yaml", "terms")):
        try:
            layers = knowledge.layers(relative)
        except KnowledgeError:
            continue
        files = [item.origin.file for layer in reversed(layers)
                 for item in getattr(layer, items) if item.id == slug]
        if files:
            results.append((kind, slug, files))
    return results
