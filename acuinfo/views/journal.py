"""The progress journal's page, and its part of a printed handout: the PEG scores
over time as a chart and a table, and the change since the start in plain words,
judged against what pain research counts as a change that matters (see
``acuinfo.journal.progress``). Not a verdict: by about session 6 with less than a 30%
fall, it suggests talking with the practitioner about whether to go on, and it always
says where the warning signs are.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

from acuinfo.base.dates import MONTHS, long_date
from acuinfo.base.languages import ENGLISH
from acuinfo.base.phrases import say
from acuinfo.journal.entries import QUESTIONS, Entry, score_text
from acuinfo.journal.progress import REVIEW_SESSION, Measure, Progress, progress
from acuinfo.knowledge.loading import Knowledge
from acuinfo.views.common import NOTICE, Citations, renumbered
from acuinfo.views.document import (
    Block,
    Bullets,
    Chart,
    Document,
    Paragraph,
    Section,
    Series,
    Table,
)

PEG = "krebs-2009"
CHANGE = ("dworkin-2008", "farrar-2001")
SCORE_NAME = "PEG score"

Cite = Callable[[list[str]], list[int]]


def short_date(day: datetime.date, year: bool = True) -> str:
    """``3 Dec 2026``, or ``3 Dec``: short enough for a table or under a chart."""
    words = f"{day.day} {MONTHS[day.month - 1][:3]}"
    return f"{words} {day.year}" if year else words


def _percent(measure: Measure) -> str:
    percent = measure.percent()
    return f"{abs(round(percent))}%" if percent is not None else ""


def _when(entry: Entry) -> str:
    when = long_date(entry.day.isoformat())
    return f"{when}, after session {entry.session}" if entry.session else when


def _start_words(state: Progress) -> str:
    start = state.start
    if len(start) == 1:
        return f"your first entry, {long_date(start[0].day.isoformat())}"
    return (f"the mean of your {len(start)} entries before your first session, "
            f"{long_date(start[0].day.isoformat())} to {long_date(start[-1].day.isoformat())}")


def _change_words(measure: Measure) -> str:
    points = round(measure.points(), 1)
    if points == 0:
        return "the same as at the start"
    way = "lower" if points > 0 else "higher"
    size = f"{score_text(abs(points))} point{'' if abs(points) == 1 else 's'} {way}"
    return f"{size}, or {_percent(measure)} {'less' if points > 0 else 'more'}"


JUDGEMENT = {
    "substantial": "That is a large change: pain researchers count a fall of 50% or more "
                   "on a 0 to 10 scale as substantial.",
    "moderate": "That is a change that matters: pain researchers count a fall of 30% or "
                "more as moderately important, and in one study a fall of about 2 points "
                "or 30% matched people saying they felt \"much improved\".",
    "minimal": "That is a small change. Pain researchers count a fall of 10 to 20% as the "
               "smallest change that matters to people; in one study, people who felt "
               "\"much improved\" had about 30% less pain.",
    "little": "That is little or no change: less than the 10% that pain researchers "
              "count as the smallest change that matters.",
    "worse": "Your score is higher than at the start. Tell your practitioner, so that "
             "together you can decide whether to change the plan or stop.",
    "from-zero": "Your score started at 0, the lowest it can be, so there is no fall to "
                 "measure.",
}


def change_blocks(state: Progress, paper: bool) -> list[Block]:
    """The change since the start, in words; or what is needed to show one."""
    if not state.ready():
        return [Paragraph(_what_is_needed(state, paper))]
    score, pain = state.score, state.pain
    blocks: list[Block] = [Paragraph(
        f"At the start your {SCORE_NAME} was {score_text(score.start)} "
        f"({_start_words(state)}). Now ({_when(state.latest)}) it is "
        f"{score_text(score.now)}: {_change_words(score)}.")]
    judgement = JUDGEMENT[score.band()]
    if score.band() in ("minimal", "little") and score.much_improved():
        judgement += (" Still, it is a fall of 2 points or more, which in that study "
                      "also matched feeling \"much improved\".")
    blocks.append(Paragraph(judgement))
    blocks.append(Paragraph(
        f"Your pain score alone went from {score_text(pain.start)} to "
        f"{score_text(pain.now)}: {_change_words(pain)}."))
    blocks.append(Paragraph(
        "These marks were set for 0 to 10 pain scores; here they are used for your PEG "
        "score too, as a guide. Pain often changes over weeks for many reasons, so a "
        "change does not show what caused it. This is not a verdict on acupuncture: it "
        "is your own record, to talk over with your practitioner."))
    return blocks


def _what_is_needed(state: Progress, paper: bool) -> str:
    add = "" if paper else " Add one with: acuinfo journal add"
    if not state.entries:
        return ("There are no entries yet. Answer the three questions before your first "
                "session, to have a starting point." + add)
    return ("There is one entry so far. To show a change, the journal needs a starting point "
            "and a later entry: add one after your next session." + add)


def next_blocks(state: Progress, paper: bool, warnings: str = "When to get help") -> list[Block]:
    """What to do next, and where the warning signs are: on paper, the part of the
    handout headed ``warnings`` (in the handout's language)."""
    blocks: list[Block] = []
    if state.time_to_review():
        blocks.append(Paragraph(
            f"You have had {state.sessions} sessions, and your {SCORE_NAME} has fallen by "
            "less than 30%. This is a good time to talk with your practitioner about "
            "whether to go on, try something else or stop."))
    elif state.ready() and state.sessions >= REVIEW_SESSION:
        blocks.append(Paragraph(
            f"You have had {state.sessions} sessions. Keep adding an entry after each one, "
            "and talk with your practitioner about how many more you need."))
    elif state.entries:
        blocks.append(Paragraph(
            "A course is often 6 to 12 sessions. Add an entry after each session; at about "
            "session 6, look at the change with your practitioner."))
    if state.entries and not state.sessions and not paper:
        blocks.append(Paragraph(
            "None of your entries says which session it came after. Add that with "
            "--session, for example: acuinfo journal add --session 1"))
    blocks.append(Paragraph(
        f'New or worse symptoms may need a doctor rather than acupuncture: see "{warnings}" '
        "in this handout." if paper else
        "New or worse symptoms may need a doctor rather than acupuncture. See the warning "
        "signs with: acuinfo red-flags"))
    return blocks


def chart(state: Progress, table: Table | None = None) -> Chart:
    """The PEG score and the pain score at each entry, as a chart."""
    entries = state.entries
    first, last = entries[0], entries[-1]
    span = (f"from {long_date(first.day.isoformat())} to {long_date(last.day.isoformat())}"
            if len(entries) > 1 else f"on {long_date(first.day.isoformat())}")
    alt = f"Your {SCORE_NAME} and your pain score at each of your {len(entries)} entries, {span}."
    if state.ready():
        alt += (f" Your {SCORE_NAME} went from {score_text(state.score.start)} at the start "
                f"to {score_text(state.score.now)}.")
    alt += " The table has every score."
    same_year = first.day.year == last.day.year
    return Chart(
        f"Your {SCORE_NAME} and pain, 0 (none) to 10 (the worst)",
        [short_date(entry.day, year=not same_year) for entry in entries],
        [str(entry.session) if entry.session else "" for entry in entries],
        [Series(SCORE_NAME, [round(entry.score(), 2) for entry in entries]),
         Series("Pain", [float(entry.pain) for entry in entries])],
        alt, table=table)


def entries_table(entries: list[Entry]) -> Table:
    """Every entry: its number, date, session, the three scores, the PEG score, its note."""
    return Table(["No.", "Date", "Session", "Pain", "Enjoyment", "Activity", "PEG", "Note"],
                 [[str(entry.id), short_date(entry.day), str(entry.session or "-"),
                   str(entry.pain), str(entry.enjoyment), str(entry.activity),
                   score_text(entry.score()), entry.note] for entry in entries])


def journal_page(knowledge: Knowledge, entries: list[Entry], where: str) -> Document:
    """The journal: the change since the start, a chart, what to do next, every entry and
    the questions. ``where`` is the file it is kept in."""
    cites = Citations(knowledge)
    origin = knowledge.source_list().origin

    def cite(ids: list[str]) -> list[int]:
        return cites.cite(ids, origin, ("sources",))

    state = progress(entries)
    sections = [Section("How your scores have changed", change_blocks(state, False),
                        "change", cite(list(CHANGE)) if state.ready() else [])]
    if knowledge.language != ENGLISH:  # the PEG's questions are in their published English
        sections.insert(0, Section("", [Paragraph(say(
            knowledge.language, "The progress journal is in English only for now: its "
            "questions are asked in the words they were tested in."))], "translation"))
    if len(state.entries) > 1:
        sections.append(Section("Your scores over time", [chart(state)], "chart"))
    sections.append(Section("What to do next", next_blocks(state, False), "next"))
    if state.entries:
        sections.append(Section("Your entries", [entries_table(state.entries)], "entries"))
    sections.append(Section("The three questions", [
        Paragraph("Each entry answers three questions about the past week, each from 0 to "
                  "10. Your PEG score is the mean of the three: the lower, the better."),
        Bullets([f"{question.text} (0: {question.low}; 10: {question.high})"
                 for question in QUESTIONS]),
        Paragraph("Add an entry with: acuinfo journal add (it asks the questions), or "
                  "acuinfo journal add --pain 6 --enjoyment 5 --activity 4 --session 1"),
    ], "questions", cite([PEG])))
    sections.append(Section("Where your journal is kept", [Paragraph(
        f"On this computer only, in {where}. acuinfo never sends it anywhere. To delete an "
        "entry: acuinfo journal delete NUMBER. To delete the whole journal, delete that "
        "file.")], "file"))
    items = [{"id": entry.id, "date": entry.day.isoformat(), "pain": entry.pain,
              "enjoyment": entry.enjoyment, "activity": entry.activity,
              "score": round(entry.score(), 1), "session": entry.session,
              "note": entry.note} for entry in state.entries]
    return renumbered(Document(
        kind="journal", title="Your progress journal",
        summary="Your PEG scores over your course of acupuncture: how bad your pain was, "
                "and how much it got in the way of enjoying life and of your general "
                "activity.",
        sections=sections, citations=cites.listing(), notice=NOTICE, items=items))


def handout_sections(entries: list[Entry], cite: Cite,
                     warnings: str = "When to get help") -> list[Section]:
    """The journal's part of a printed handout: the chart with a table beside it, the
    change since the start and what to do next, in words for paper; ``warnings`` is the
    heading of the handout's part on warning signs, which it points to."""
    state = progress(entries)
    blocks: list[Block] = []
    if state.entries:
        table = Table(["Date", "Session", "Pain", "PEG score"],
                      [[short_date(entry.day), str(entry.session or "-"), str(entry.pain),
                        score_text(entry.score())] for entry in state.entries])
        blocks.append(chart(state, table))
    blocks += change_blocks(state, True) + next_blocks(state, True, warnings)
    return [Section("Your progress so far", blocks, "journal",
                    cite([PEG, *CHANGE]) if state.ready() else cite([PEG]))]
