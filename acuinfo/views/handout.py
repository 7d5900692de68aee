"""The printed handout: what a patient takes home on paper.

A handout is read on paper, so it holds no command to run, and it says each
instruction once: every topic has one home, and what another part holds gives way
(see ``acuinfo.views.handout_rules``).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable

from acuinfo.base.phrases import phrases_for
from acuinfo.finding import lookup
from acuinfo.knowledge import records
from acuinfo.knowledge.loading import Knowledge
from acuinfo.views.common import (
    DEFAULT_REVIEWER,
    RATING_MEANINGS,
    URGENCY,
    Citations,
    citation_of,
    clinic_section,
    english_words_of,
    in_sentence,
    layers_of,
    red_flag_note,
    renumbered,
    review_meta,
    text_blocks,
    urgency_text,
)
from acuinfo.views.document import (
    Alert,
    Block,
    Bullets,
    Document,
    Figure,
    Paragraph,
    Section,
    Step,
    Steps,
)
from acuinfo.views.handout_forms import diary_blocks, phone_numbers
from acuinfo.views.handout_order import before_the_first_session, self_care_with_tips
from acuinfo.views.handout_rules import (
    AFTER_A_SESSION,
    AFTER_A_SESSION_STEP,
    CATEGORIES_HELD_ELSEWHERE,
    HANDOUT_NOTICE,
    HANDOUT_PURPOSE,
    HANDOUT_REVIEWER,
    HANDOUT_UNRATED,
    LUNG_CARE,
    RATING_WORDS,
    STEPS_HELD_ELSEWHERE,
    TIPS_HELD_BY_COURSE,
    TIPS_IN_SESSION,
    session_key_points,
)
from acuinfo.views.handout_text import (
    SCORING,
    SaidOnce,
    area_of,
    holds_words_of,
    is_about_acupuncture,
    letter_words,
    without_pointers,
    without_scoring,
    without_topics,
)
from acuinfo.views.pictures import ALT, TIP_DRAWINGS


class _Handout(SaidOnce):
    """Builds one handout, saying every sentence once and citing only what it shows."""

    def __init__(self, knowledge: Knowledge, chosen: list[records.Condition],
                 cites: Citations) -> None:
        super().__init__(english_words_of(knowledge, ("safety", "red-flags"), session=True,
                                          conditions=chosen))
        self.knowledge = knowledge
        self.language = knowledge.language
        self.say = phrases_for(knowledge.language)  # the handout's own words
        self.chosen = chosen
        self.cites = cites
        self.clinic = knowledge.clinic()
        self.session_steps: set[str] = set()  # the keys of the session steps shown
        self.tips_shown: list[records.Tip] = []
        self.held_topics: list[re.Pattern[str]] = []  # topics another part holds

    def about_acupuncture(self, part: records.PageSection) -> bool:
        return is_about_acupuncture(self.en(part.heading))

    def cite(self, sources: list[str], origin: object) -> list[int]:
        return self.cites.cite(sources, origin, ("sources",))

    # -- the parts --

    def key_points(self, journey: records.Session | None) -> list[Section]:
        """The conditions' key points, then those of the session's the handout adds."""
        own = [self.fresh_items(c.key_points) for c in self.chosen]
        more = self.fresh_items(session_key_points(self.knowledge, journey) if journey else [])
        if len(self.chosen) == 1:
            return [Section(self.say("Key points"), [Bullets([*own[0], *more])], "key-points")]
        inner = [Section(c.title, [Bullets(points)], f"key-points-{c.slug}", level=2)
                 for c, points in zip(self.chosen, own, strict=True)]
        if more:
            inner.append(Section(journey.title, [Bullets(more)], "key-points-session", level=2))
        return [Section(self.say("Key points"), [], "key-points"), *inner]

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
            f"{self.en(part.heading)} acupuncture {' '.join(map(self.en, part.points))}"
            for page, wanted in pages for part in page.sections
            if part.style in records.URGENCY_STYLES and self.about_acupuncture(part)
            and wanted(part)]
        for level, heading in URGENCY:
            field = records.URGENCY_STYLES[level]
            signs = [sign for condition in self.chosen for sign in getattr(condition.red_flags,
                                                                           field)
                     if not (re.search(r"\bacupuncture\b", self.en(sign), re.IGNORECASE)
                             and any(holds_words_of(box, self.en(sign), 1.0)
                                     for box in about_acupuncture))]
            signs = self.fresh_signs(signs)
            if signs:  # what some of the signs mean, once, beside them
                said = self.fresh("\n".join(note for note in (
                    red_flag_note(c.red_flags, field) for c in self.chosen) if note))
                boxes[level].append((self.say(heading), signs, said))
        numbers: list[int] = []
        notes: list[Section] = []
        for page, wanted in pages:
            for index, part in enumerate(page.sections):
                if not wanted(part):
                    continue
                text, _ = without_pointers(part.text)
                if part.style in records.URGENCY_STYLES:
                    signs = self.fresh_signs(list(part.points))
                    if signs:
                        boxes[part.style].append((part.heading, signs, self.fresh(text)))
                        numbers += self.cite(part.sources, part.origin)
                elif part.style == "normal":  # what the signs mean, or what to do if unsure
                    blocks = text_blocks(self.fresh(text))
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
                    text = "\n".join(t for t in (urgency_text(level, self.clinic,
                                                               self.language), text) if t)
                alerts.append(Alert(title, signs, text or None))
        return [Section(self.say("When to get help"), alerts, "red-flags",
                        cites=sorted(set(numbers))), *notes]

    def covers_area(self, heading: str) -> bool:
        """Whether a chosen condition's own signs stand for a box on this area ("back pain")."""
        wanted = letter_words(area_of(self.en(heading)))  # none: no area
        return bool(wanted) and any(wanted <= letter_words(name) for condition in self.chosen
                                    for name in (condition.title, condition.slug.replace(
                                        "-", " "), *condition.aliases))

    def diary(self) -> Section:
        blocks = diary_blocks(self.language)
        for block in blocks:  # its words count as said
            for text in (getattr(block, "text", None), *getattr(block, "items", ())):
                if isinstance(text, str):
                    self.fresh(text)
        numbers = self.cite(["krebs-2009", "dworkin-2008"], self.knowledge.source_list().origin)
        return Section(self.say("Your pain diary"), blocks, "diary", cites=numbers)

    def safety_part(self, page: records.Page) -> list[Section]:
        """The safety page but its boxes of warning signs (in When to get help) and its
        pointers to commands."""
        inner = []
        for index, part in enumerate(page.sections):
            if part.style in records.URGENCY_STYLES:
                continue
            text, _ = without_pointers(part.text)
            text, points = self.fresh(text), self.fresh_items(list(part.points))
            if not text and not points:
                continue
            numbers = self.cite(part.sources, part.origin)
            if part.style == "warning":
                inner.append(Section("", [Alert(part.heading, points, text or None)],
                                     f"{page.id}-{index + 1}", numbers, level=2))
                continue
            blocks = [*text_blocks(text), *([Bullets(points)] if points else [])]
            inner.append(Section(part.heading, blocks, f"{page.id}-{index + 1}", numbers, level=2))
        return [Section(page.title, text_blocks(self.fresh(page.summary)), page.id), *inner]

    def before_you_start(self, page: records.Page) -> Section | None:
        """The safety page's warning boxes (who should talk to their doctor first): the list
        the session journey's steps point to, put before its first session."""
        blocks: list[Block] = []
        numbers: list[int] = []
        for part in page.sections:
            if part.style == "warning":
                text, _ = without_pointers(part.text)
                blocks.append(Alert(part.heading, self.fresh_items(list(part.points)),
                                    self.fresh(text) or None))
                numbers += self.cite(part.sources, part.origin)
        return Section("", blocks, "before-you-start", numbers, 2) if blocks else None

    def session_part(self, journey: records.Session) -> list[Section]:
        """The session journey for paper: what to do before, during and after a session.
        One session step by step, which a reader looks up rather than keeps, is left to the
        screen; the course stage gives way to the conditions' own, and steps another part
        holds are left out. A step that points to the safety list gives way to it (in
        the session part, or the safety page in full)."""
        inner: list[Section] = []
        shown_steps: set[str] = set()

        def steps_of(items: list[records.SessionStep]) -> list[Step]:
            steps = []
            for step in items:
                if self.english.get(step.key, step.key) in STEPS_HELD_ELSEWHERE:
                    continue
                text, named = without_pointers(step.text)
                if named:  # what it points to is shown elsewhere in full
                    continue
                text = self.fresh(text)
                if text:
                    shown_steps.add(self.english.get(step.key, step.key))
                    steps.append(Step(step.title, text, step.duration,
                                      self.cite(step.sources, step.origin)))
            return steps

        for stage in journey.stages:
            steps = [] if stage.id == "course" else steps_of(stage.steps)
            if steps:
                inner.append(Section(stage.title or stage.id.title(), [Steps(steps)],
                                     f"session-{stage.id}", level=2))
        self.session_steps = shown_steps
        overall = self.cite(journey.sources, journey.origin)
        return [Section(journey.title or self.say("Your sessions"),
                        [Paragraph(self.say("What to do before, during and after a session."))],
                        "session", overall), *inner]

    def tips_part(self, book: records.TipBook, session_steps: set[str]) -> list[Section]:
        """The tips written for the chosen conditions, in one list: those with a drawing
        first, so that each drawing (floated beside the list, in the same order) stands
        next to its own tip, then in the order of their categories. Tips for everyone are
        left to the screen: the conditions' self-care lists stand for them."""
        slugs = {condition.slug for condition in self.chosen}
        order = {group.id: index for index, group in enumerate(book.categories)}
        steps: list[Step] = []
        figures: list[Block] = []
        for tip in sorted(book.tips, key=lambda tip: (tip.id not in TIP_DRAWINGS,
                                                      order.get(tip.category, len(order)))):
            if (tip.category in CATEGORIES_HELD_ELSEWHERE or not slugs & set(tip.conditions)
                    or tip.id in TIPS_HELD_BY_COURSE
                    or TIPS_IN_SESSION.get(tip.id) in session_steps):
                continue
            text = self.fresh(without_pointers(tip.text)[0])
            if not text:
                continue
            self.tips_shown.append(tip)
            steps.append(Step(tip.title, text, cites=self.cite(tip.sources, tip.origin)))
            if tip.id in TIP_DRAWINGS:
                drawing = TIP_DRAWINGS[tip.id]
                figures.append(Figure(drawing, self.say(ALT[drawing]), tip.title))
        if not steps:
            return []
        return [Section(self.say("Self-care tips"), [*figures, Steps(steps)], "tips")]

    def condition_part(self, condition: records.Condition) -> list[Section]:
        """A condition's own part: what acupuncture may do, how strong the evidence is, its
        course, what else helps and self-care (its key points and warning signs are at the
        top). What a reader looks up rather than keeps is left to the screen."""
        say = self.say
        origin = condition.origin
        evidence = condition.evidence
        meaning = RATING_MEANINGS[evidence.rating] if evidence.rating else HANDOUT_UNRATED
        rating = self.fresh(say("Strength of evidence for {condition}: {rating}. {meaning}",
                                condition=in_sentence(condition.title),
                                rating=say(RATING_WORDS.get(evidence.rating, evidence.rating)),
                                meaning=say(meaning)))
        course = without_scoring(condition.course)
        tips = [f"{tip.title} {tip.text}" for tip in self.tips_shown]

        def not_in_a_tip(items: list[str]) -> list[str]:
            return [item for item in items if not SCORING.search(item)
                    and not any(holds_words_of(tip, item, 0.6) for tip in tips)]

        self_care, other_options = not_in_a_tip(condition.self_care), not_in_a_tip(
            condition.other_options)
        slug = condition.slug
        inner = [
            Section(say("How acupuncture may help"),
                    text_blocks(self.fresh(without_topics(
                        condition.acupuncture.how_it_may_help, self.held_topics))),
                    f"{slug}-acupuncture", level=2),
            Section(say("What the research shows"), text_blocks(rating), f"{slug}-evidence",
                    self.cites.cite(evidence.sources, origin, ("evidence", "sources")),
                    level=2),
            Section(say("What a course looks like"), text_blocks(self.fresh(course)),
                    f"{slug}-course", level=2),
            Section(say("What else helps"), [Bullets(self.fresh_items(other_options))],
                    f"{slug}-other-options", level=2),
            Section(say("Looking after yourself"), [Bullets(self.fresh_items(self_care))],
                    f"{slug}-self-care", level=2),
        ]
        inner = [s for s in inner if any(getattr(b, "items", True) for b in s.blocks)]
        return [Section(condition.title, text_blocks(self.fresh(condition.summary)), slug),
                *inner]


def handout(knowledge: Knowledge, names: list[str], session: bool = False, tips: bool = False,
            today: datetime.date | None = None, *, short: bool = False, safety: bool = False,
            red_flags: bool = False, paper: str | None = None,
            journal: Callable | None = None) -> Document:
    """A handout to print and take home, about one or more conditions.

    The full form: key points, phone numbers, when to get help, a part for each condition,
    the safety page, session journey and tips when asked for, then a pain diary. The short
    form (``short``): key points, phone numbers, when to get help and the diary.
    ``red_flags`` adds the red-flags page's signs, ``safety`` the safety page; ``paper``
    ("A4" or "letter") sets the page size; ``journal`` gives the progress journal's part,
    after the diary, from a way to cite sources. One numbered source list serves the whole."""
    if short and (session or tips):
        raise ValueError("the short form has no session journey or tips")
    today = today or datetime.date.today()
    say = phrases_for(knowledge.language)
    found = (lookup.condition(knowledge, name) for name in names)
    chosen = list({c.slug: c for c in found}.values())
    cites = Citations(knowledge)
    build = _Handout(knowledge, chosen, cites)
    safety_page = knowledge.page("safety")
    reviewed: list[object] = [*chosen, safety_page]

    # Built in order of importance, so what is said first is kept where it matters most
    # (laid out below in reading order): the boxes about acupuncture itself always; the
    # red-flags page's, fuller, before the safety page's other ones, and its notes too.
    def boxes(about: bool) -> Callable[[records.PageSection], bool]:
        return lambda part: (part.style in records.URGENCY_STYLES
                             and build.about_acupuncture(part) == about
                             and not build.covers_area(part.heading))

    pages = [(safety_page, boxes(True))]
    if red_flags:
        flags_page = knowledge.page("red-flags")
        reviewed.append(flags_page)
        flag_boxes = boxes(False)
        areas = [area_of(part.heading) for part in flags_page.sections if flag_boxes(part)]
        pages.append((flags_page, lambda part: flag_boxes(part) or (
            part.style == "normal" and not any(  # a note about an area covered goes too
                area.lower() in part.heading.lower() and build.covers_area(area)
                for area in {area_of(p.heading) for p in flags_page.sections
                             if p.style in records.URGENCY_STYLES} - set(areas)))))
    if safety:
        pages.append((safety_page, boxes(False)))
    warnings = build.warnings(pages)
    diary = build.diary()
    journey = knowledge.session() if session else None
    key_points = build.key_points(journey)
    safety_part = build.safety_part(safety_page) if safety else []
    # Who should talk to their doctor first: with the sessions, unless the safety page is.
    before = build.before_you_start(safety_page) if session and not safety else None
    session_part: list[Section] = []
    session_steps: set[str] = set()
    if journey is not None:
        reviewed += layers_of(knowledge, "session.yaml", journey)
        session_part = build.session_part(journey)
        session_steps = build.session_steps
    tips_part: list[Section] = []
    if tips:
        book = knowledge.tips()
        reviewed += layers_of(knowledge, "tips.yaml", book)
        tips_part = build.tips_part(book, session_steps)
    if AFTER_A_SESSION_STEP in session_steps:
        build.held_topics.append(AFTER_A_SESSION)
    if before is not None or safety:
        build.held_topics.append(LUNG_CARE)
    condition_parts = [] if short else [s for c in chosen for s in build.condition_part(c)]
    clinic = [] if short or build.clinic is None else [
        clinic_section(build.clinic, numbers=False, language=knowledge.language)]

    if before is not None:  # who should talk to their doctor first, beside "before"
        session_part = before_the_first_session(session_part, before)
    if tips_part:  # one place for self-care: the conditions' own points join the tips
        condition_parts, tips_part = self_care_with_tips(condition_parts, tips_part, chosen,
                                                          say)
    sections = [*key_points, *clinic,
                phone_numbers(build.clinic, language=knowledge.language), *warnings,
                *condition_parts, *safety_part, *session_part, *tips_part, diary]
    if journal is not None:  # see acuinfo.views.journal.handout_sections
        sections += journal(lambda ids: build.cite(ids, knowledge.source_list().origin),
                            say("When to get help"))
    titles = [in_sentence(c.title) for c in chosen]
    about = titles[0] if len(titles) == 1 else say("{names} and {last}",
                                                   names=", ".join(titles[:-1]), last=titles[-1])
    sources = knowledge.sources()
    meta = review_meta(knowledge, *reviewed)
    meta["reviewed_by"] = meta["reviewed_by"].replace(say(DEFAULT_REVIEWER), say(HANDOUT_REVIEWER))
    if paper:
        meta["paper"] = paper
    return renumbered(Document(
        kind="handout", name=",".join(c.slug for c in chosen),
        title=say("Acupuncture and {about}", about=about),
        summary=say(HANDOUT_PURPOSE, about=about),
        sections=sections, citations=[citation_of(c.number, sources[c.id], knowledge.language)
                                     for c in cites.listing()],
        notice=say(HANDOUT_NOTICE),
        meta={"date": today.isoformat(), **meta}))

