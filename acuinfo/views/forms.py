"""The forms a reader fills in, on paper or on screen: the phone numbers to call, a pain
scale from 0 to 10, a diary of scores to bring to each session, and a table that shows,
with no sums to do, which later score is a change worth noticing.

The condition pages and the session journey have the short diary (the pain score
alone); the handout has the fuller one of PEG scores (pain, and how much it got in the
way of enjoying life and of daily activity; Krebs 2009). Both come with the same scale
and the same table, so that a reader who has more than one of them is told one thing.
"""

from __future__ import annotations

import re

from acuinfo.base.languages import ENGLISH
from acuinfo.base.phrases import phrase, phrases_for
from acuinfo.knowledge import records
from acuinfo.views.document import Block, Paragraph, Section, Table

# The source behind the table: what change in a pain score matters (Dworkin 2008, IMMPACT).
CHANGE_SOURCES = ("dworkin-2008",)


PAIN_SCALE = phrase("Pain scale: 0 (no pain) - 1 - 2 - 3 - 4 - 5 - 6 - 7 - 8 - 9 - 10 (the "
                    "worst pain you can imagine)")


# The rows of the short diary: one before the first session, then one before each of the
# first six, when a reader and their practitioner decide whether to go on.
SHORT_DIARY_SESSIONS = (phrase("Start"), *(str(number) for number in range(1, 7)))


SHORT_DIARY_COLUMNS = (phrase("Date"), phrase("Session"), phrase("Pain (0-10)"),
                       phrase("Notes"))


# The columns of the handout's diary, short enough to stay on one line, and the key
# above it that says what each score holds (the PEG's three questions).
PEG_DIARY_COLUMNS = (phrase("Date"), phrase("Session"), phrase("Pain"), phrase("Enjoyment"),
                     phrase("Activity"), phrase("What you can do again"))
PEG_DIARY_KEY = (phrase("Pain: your pain on average in the past week."),
                 phrase("Enjoyment: how much pain got in the way of enjoying life."),
                 phrase("Activity: how much pain got in the way of your daily activities."))


# Words that say when to score pain, which a diary's own first lines would say again.
WHEN_TO_SCORE = re.compile(r"\bscore your pain\b", re.IGNORECASE)


# What the table of changes is for, and how to read it: said once in each form.
CHANGE_LEAD = phrase("Is your pain down by a change worth noticing? Find your first pain "
                     "score in the table below. The number that goes with it is a later "
                     "score worth noticing.")


def worth_noticing(first: int) -> int:
    """The highest later score at which a first score of ``first`` has fallen by 30 in
    100 or more (the change IMMPACT calls moderately important): seven tenths of it,
    rounded down to a whole number."""
    return first * 7 // 10


def phone_numbers(clinic: records.Clinic | None, level: int = 1,
                  language: str = ENGLISH) -> Section:
    """The numbers to call: the clinic's own where its profile gives them, otherwise a
    blank to write in."""
    say = phrases_for(language)

    def number(field: str) -> str:
        return (getattr(clinic, field) or "") if clinic else ""

    rows = [[clinic.name if clinic else say("Your acupuncture clinic"), number("phone"),
             say("Your doctor"), ""],
            [say("Urgent medical advice"), number("urgent_number"),
             say("Emergency"), number("emergency_number")]]
    return Section(say("Phone numbers"), [
        Table([say("Who"), say("Phone number"), say("Who"), say("Phone number")], rows)],
        "phone-numbers", level=level)


def change_blocks(language: str = ENGLISH) -> list[Block]:
    """How to tell a change worth noticing, without a sum: under each first pain score,
    the later score at or below which the change is worth noticing."""
    say = phrases_for(language)
    firsts = range(10, 0, -1)
    return [Table([say("Your first pain score"), *(str(first) for first in firsts)],
                  [[say("Worth noticing: a later score of this or lower"),
                    *(str(worth_noticing(first)) for first in firsts)]])]


def short_diary_blocks(when_to_score: bool = True, when_to_stop: bool = True,
                       language: str = ENGLISH) -> list[Block]:
    """The pain scale, a short diary to fill in, and what change is worth noticing: for a
    condition page and the session journey. A page that says elsewhere when to score
    (``when_to_score=False``) or when to talk about stopping (``when_to_stop=False``) is
    not told it twice."""
    say = phrases_for(language)
    rows = [["", say(session), "", ""] for session in SHORT_DIARY_SESSIONS]
    blocks: list[Block] = []
    if when_to_score:
        blocks.append(Paragraph(say(
            "Score your pain before your first session, and again before each session, at "
            "about the same time of day. Write it in the table below or in a notebook, and "
            "take it to each session.")))
    blocks += [
        Paragraph(say(PAIN_SCALE)),
        Table([say(column) for column in SHORT_DIARY_COLUMNS], rows),
        Paragraph(say("In the notes, write what you can do again, such as a longer walk or "
                      "a full night's sleep. After the 6th session, go on in a notebook.")),
        Paragraph(say(CHANGE_LEAD)),
        *change_blocks(language),
        Paragraph(say("Look at your scores with your practitioner at each session. If "
                      "nothing has changed by about the 6th, talk about stopping."
                      if when_to_stop else
                      "Look at your scores with your practitioner at each session.")),
    ]
    return blocks
