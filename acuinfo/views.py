"""Turn records into documents: one function per view.

The words here are the frame around the content (headings, labels, the
notice on every page); the content itself comes from the knowledge files.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, TypeVar

from acuinfo import records
from acuinfo.document import (
    Alert,
    Block,
    Bullets,
    Citation,
    Definition,
    Definitions,
    Document,
    Paragraph,
    Section,
    Step,
    Steps,
    Table,
)
from acuinfo.errors import KnowledgeError, NotFoundError, UnknownNameError
from acuinfo.knowledge import Folder, Knowledge
from acuinfo.safetext import clean_text, shown_name
from acuinfo.words import all_words, normalize

if TYPE_CHECKING:
    from acuinfo.located import Origin

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
    condition = knowledge.condition(name)
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
    from acuinfo import index

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
        chosen = knowledge.condition(condition)
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
    from acuinfo.search import words_of

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


def handout(knowledge: Knowledge, names: list[str], session: bool, tips: bool,
            today: datetime.date) -> Document:
    """A printable handout: one part per condition, optionally the session journey and
    tips for those conditions, with one numbered source list for the whole."""
    cites = _Citations(knowledge)
    chosen = list({c.slug: c for c in (knowledge.condition(name) for name in names)}.values())
    sections: list[Section] = []
    clinic = knowledge.clinic()
    reviewed: list[object] = list(chosen)
    if clinic is not None:
        sections.append(_clinic_section(clinic))

    def part(heading: str, part_id: str, intro: list[Block], inner: list[Section]) -> None:
        sections.append(Section(heading, intro, part_id, level=1))
        sections.extend(s._replace(id=f"{part_id}-{s.id}", level=2) for s in inner)

    for condition in chosen:
        part(condition.title, condition.slug, _text_blocks(condition.summary),
             _condition_sections(condition, cites, clinic))
    if session:
        journey = knowledge.session()
        reviewed += _layers(knowledge, "session.yaml", journey)
        part(journey.title, "session", _text_blocks(journey.summary),
             _session_sections(journey, None, cites))
    if tips:
        book = knowledge.tips()
        reviewed += _layers(knowledge, "tips.yaml", book)
        slugs = {c.slug for c in chosen}
        suitable = [t for t in book.tips if not t.conditions or slugs & set(t.conditions)]
        part("Self-care tips", "tips", [], _tip_sections(book.categories, suitable, cites))
    titles = [c.title for c in chosen]
    about = titles[0] if len(titles) == 1 else ", ".join(titles[:-1]) + " and " + titles[-1]
    return _renumbered(Document(
        kind="handout", name=",".join(c.slug for c in chosen),
        title=f"Acupuncture and {about.lower()}",
        summary="Information to take home. Ask your clinician about anything that is not "
                "clear.",
        sections=sections, citations=cites.listing(), notice=NOTICE,
        meta={"date": today.isoformat(), **_review_meta(knowledge, *reviewed)}))


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
    from acuinfo.search import meaningful_key

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
    from acuinfo import index, search
    from acuinfo.knowledge import name_keys

    book = knowledge.name_book()
    wanted = search.meaningful_key(query)
    ambiguous = next((entry for entry in book.ambiguous if wanted in
                      {search.meaningful_key(key.replace("-", " ")) for key in name_keys(entry)}),
                     None)
    illnesses = {key: illness for illness in book.not_covered for key in name_keys(illness)}

    def run(connection: object) -> tuple:
        # A folder's own page on an illness makes it one acuinfo covers.
        named = [(key, start, end) for key, start, end in search.phrases_in(query, illnesses)
                 if not search.claims(connection, "condition", key)]
        words = all_words(query[:search.MAX_QUERY_CHARS])
        aside = {n for _, start, end in named for n in range(start, end)}
        rest = " ".join(word for n, word in enumerate(words) if n not in aside)
        found = search.find(connection, rest if named else query, limit,
                            [key.replace("-", " ") for key, _, _ in named])
        choices = search.described(connection, "condition",
                                   list(ambiguous.conditions)) if ambiguous else {}
        closest = [] if found.hits or named else search.closest(connection, query)
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
    from acuinfo.words import as_slug

    slug = as_slug(name)
    conditions = [slug] if slug else []
    if slug is None or knowledge.present(f"conditions/{slug}.yaml") == []:
        from acuinfo import index, search  # a title or an alias: the index knows it

        # A name two conditions go by names both.
        conditions = [named for named, _ in index.using(knowledge, lambda connection: (
            search.claims(connection, "condition", name)))] or conditions
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
