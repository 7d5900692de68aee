"""The parts of a handout a patient fills in: the phone numbers to call, and the pain
diary of PEG scores (pain, and how much it got in the way of enjoying life and of daily
activity; Krebs 2009) to bring to each session, with the table that says, with no sums
to do, which later pain score is a change worth noticing (see ``acuinfo.views.forms``)."""

from __future__ import annotations

from acuinfo.base.languages import ENGLISH
from acuinfo.base.phrases import phrases_for
from acuinfo.views.document import Block, Bullets, Paragraph, Table
from acuinfo.views.forms import (
    CHANGE_LEAD,
    PEG_DIARY_COLUMNS,
    PEG_DIARY_KEY,
    change_blocks,
    phone_numbers,
)
from acuinfo.views.handout_rules import DIARY_SESSIONS

__all__ = ["diary_blocks", "phone_numbers"]


def diary_blocks(language: str = ENGLISH) -> list[Block]:
    """How to fill in the pain diary, the diary itself, what change is worth noticing,
    and what to do with it, in ``language``."""
    say = phrases_for(language)
    rows = [["", say(session), "", "", "", ""] for session in DIARY_SESSIONS]
    return [
        Paragraph(say("Fill in a row before your first session and before each one after "
                      "it. Score each from 0 (best) to 10 (worst).")),
        Bullets([say(line) for line in PEG_DIARY_KEY]),
        Table([say(column) for column in PEG_DIARY_COLUMNS], rows),
        Paragraph(say(CHANGE_LEAD)),
        *change_blocks(language),
        Paragraph(say("Take it to each session. At about the 6th session, decide with your "
                      "practitioner whether to go on.")),
    ]
