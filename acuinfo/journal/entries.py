"""An entry of the progress journal: the three PEG questions in their published
wording (Krebs 2009), and what makes a score, a date, a session number and a note
valid, wherever they come from (the command line, the questions, an imported file).

Each question is answered with a whole number from 0 to 10 about the past week; the
PEG score is the mean of the three.
"""

from __future__ import annotations

import datetime
import re

from acuinfo.base.errors import AcuinfoError
from acuinfo.base.namedrecord import Record


class InputError(AcuinfoError):
    """A score, date, session number, note or entry id that cannot be used (exit 2)."""

    exit_code = 2


class Question(Record):
    key: str  # the field and the option: pain, enjoyment, activity
    label: str  # a short name for tables and charts
    text: str  # the published wording
    low: str  # what 0 means
    high: str  # what 10 means


QUESTIONS = (
    Question("pain", "Pain",
             "What number best describes your pain on average in the past week?",
             "no pain", "pain as bad as you can imagine"),
    Question("enjoyment", "Enjoyment",
             "What number best describes how, during the past week, pain has interfered "
             "with your enjoyment of life?", "does not interfere", "completely interferes"),
    Question("activity", "Activity",
             "What number best describes how, during the past week, pain has interfered "
             "with your general activity?", "does not interfere", "completely interferes"),
)
KEYS = tuple(question.key for question in QUESTIONS)

MAX_SESSION = 200
MAX_NOTE = 500
EARLIEST = datetime.date(1900, 1, 1)
DATE = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"  # YEAR-MONTH-DAY, as entries are written and kept


class Entry(Record):
    """One entry: the three scores of a day, and the session it came after, if any."""

    id: int
    day: datetime.date
    pain: int
    enjoyment: int
    activity: int
    session: int | None = None
    note: str = ""
    recorded: str = ""  # when it was written (UTC, ISO 8601); empty in a first-layout file

    def score(self) -> float:
        """The PEG score: the mean of the three."""
        return (self.pain + self.enjoyment + self.activity) / 3

    def key(self) -> tuple:
        """What the entry says: two entries with the same key are the same entry to an
        import, which does not add it twice."""
        return self[1:7]


def score_text(value: float) -> str:
    """A score as it is shown: 6, or 6.3 (one decimal, as the mean of three whole
    numbers needs no more)."""
    rounded = round(value, 1)
    return str(int(rounded)) if rounded == int(rounded) else f"{rounded:.1f}"


def score(value: object, what: str) -> int:
    """A whole number from 0 to 10, from the command line, an answer or a file."""
    if isinstance(value, float):
        raise InputError(f"{what} must be a whole number from 0 to 10, not {value}")
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise InputError(f"{what} must be a whole number from 0 to 10")
    text = str(value).strip()
    if not re.fullmatch(r"[0-9]+", text):
        shown = text if len(text) <= 20 else text[:17] + "..."
        raise InputError(f"{what} must be a whole number from 0 to 10, not {shown!r}")
    number = int(text)
    if number > 10:
        raise InputError(f"{what} must be a whole number from 0 to 10, not {number}")
    return number


def day(value: object, today: datetime.date) -> datetime.date:
    """A date written as YYYY-MM-DD, not in the future."""
    text = str(value).strip() if isinstance(value, (str, datetime.date)) else ""
    try:
        if not re.fullmatch(DATE, text):
            raise ValueError
        found = datetime.date.fromisoformat(text)
    except ValueError:
        shown = text if len(text) <= 20 else text[:17] + "..."
        raise InputError(f"the date must be written as YEAR-MONTH-DAY, for example "
                         f"{today.isoformat()}, not {shown!r}") from None
    if found > today:
        raise InputError(f"the date {found.isoformat()} is in the future; an entry is "
                         "about a week that has passed")
    if found < EARLIEST:
        raise InputError(f"the date {found.isoformat()} is too long ago")
    return found


def session(value: object) -> int | None:
    """The session an entry came after: a whole number from 1, or nothing."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    text = str(value).strip()
    if isinstance(value, bool) or not re.fullmatch(r"[0-9]+", text) or not (
            1 <= int(text) <= MAX_SESSION):
        shown = text if len(text) <= 20 else text[:17] + "..."
        raise InputError(f"the session must be a whole number from 1 to {MAX_SESSION} "
                         f"(the session the entry comes after), not {shown!r}")
    return int(text)


def note(value: object) -> str:
    """A note of one line: spaces, tabs and line breaks become single spaces, and no
    other character that does not print is taken."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InputError("a note must be text")
    text = " ".join(value.split())
    if not text.isprintable():
        raise InputError("a note cannot hold characters that do not print")
    if len(text) > MAX_NOTE:
        raise InputError(f"a note can be at most {MAX_NOTE} characters; this one has "
                         f"{len(text)}")
    return text


def stored(row: tuple) -> Entry:
    """An entry as the journal file holds it (id, day, the three scores, session, note,
    when it was written), checked. A file changed by another program can hold what
    SQLite's own checks let through: a date that is no day, a score of 5.5, bytes, or
    control characters that would reach the terminal. ValueError says what is wrong."""
    number, when, *scores, session_number, text, recorded = row
    if type(when) is not str or not re.fullmatch(DATE, when):
        raise ValueError("its date is not written as YEAR-MONTH-DAY")
    try:
        found = datetime.date.fromisoformat(when)
    except ValueError:
        raise ValueError("its date is not a day of the calendar") from None
    for question, value in zip(QUESTIONS, scores, strict=True):
        if type(value) is not int or not 0 <= value <= 10:
            raise ValueError(f"its {question.label.lower()} score is not a whole number "
                             "from 0 to 10")
    if session_number is not None and (type(session_number) is not int
                                       or session_number < 1):
        raise ValueError("its session is not a whole number from 1")
    for what, value in (("its note", text), ("the time it was written", recorded)):
        if type(value) is not str or not value.isprintable():
            raise ValueError(f"{what} is not one line of text")
    return Entry(number, found, *scores, session_number, text, recorded)


def new_entry(values: dict[str, object], today: datetime.date) -> Entry:
    """An entry, id 0 until the journal gives it one, from raw ``values`` (pain,
    enjoyment, activity, and optionally date, session, note), checked; InputError
    says every problem, one a line."""
    entry, problems = checked(values, today)
    if entry is None:
        raise InputError("\n".join(problems))
    return entry


def checked(values: dict[str, object], today: datetime.date) -> tuple[Entry | None,
                                                                     list[str]]:
    """An entry from raw ``values``, or None and every problem with them."""
    problems: list[str] = []

    def attempt(check: object, *args: object) -> object:
        try:
            return check(*args)
        except InputError as err:
            problems.append(str(err))
            return None

    scores = []
    for question in QUESTIONS:
        what = f"the {question.label.lower()} score"
        given = values.get(question.key)
        if given is None or given == "":
            problems.append(f"{what} is missing")
        else:
            scores.append(attempt(score, given, what))
    when = values.get("date")
    found = attempt(day, when, today) if when not in (None, "") else today
    number = attempt(session, values.get("session"))
    text = attempt(note, values.get("note"))
    if problems:
        return None, problems
    return Entry(0, found, *scores, number, text), []
