"""How the scores have changed since the start, judged against what pain research
counts as a change that matters: on a 0 to 10 scale, 10 to 20% less is minimally
important, 30% or more moderately important and 50% or more substantial (IMMPACT,
Dworkin 2008); about 2 points or 30% less matched people saying they were "much
improved" (Farrar 2001).

The starting point is the mean of the entries before the first one marked as after a
session, or the first entry when there are none before it; "now" is the latest entry.
This is not a verdict: what the numbers say is for the person and their practitioner
to talk over.
"""

from __future__ import annotations

from acuinfo.base.namedrecord import Record
from acuinfo.journal.entries import Entry

MINIMAL, MODERATE, SUBSTANTIAL = 10, 30, 50  # percent less (IMMPACT)
MUCH_IMPROVED_POINTS = 2  # points less (Farrar)
REVIEW_SESSION = 6  # when a course is usually looked at again


class Measure(Record):
    """One measure (the PEG score, or the pain question alone) at the start and now."""

    start: float
    now: float

    def points(self) -> float:
        """How many points less now (negative: more)."""
        return self.start - self.now

    def percent(self) -> float | None:
        """How many percent less now (negative: more); None when it started at 0."""
        return None if self.start == 0 else 100 * self.points() / self.start

    def band(self) -> str:
        """``substantial``, ``moderate``, ``minimal``, ``little`` (under 10% either way),
        ``worse`` (10% or more higher) or ``from-zero`` (it started at 0)."""
        percent = self.percent()
        if percent is None:
            return "from-zero"
        rounded = round(percent)  # as shown: 29.6% is said as 30%, and judged so
        if rounded >= SUBSTANTIAL:
            return "substantial"
        if rounded >= MODERATE:
            return "moderate"
        if rounded >= MINIMAL:
            return "minimal"
        return "worse" if rounded <= -MINIMAL else "little"

    def much_improved(self) -> bool:
        """About 2 points or 30% less: what matched "much improved" (Farrar 2001)."""
        return self.band() in ("moderate", "substantial") or round(
            self.points(), 1) >= MUCH_IMPROVED_POINTS


class Progress(Record):
    """What the journal shows so far."""

    entries: list[Entry]  # oldest first
    start: list[Entry]  # the entries the starting point is the mean of
    latest: Entry | None
    sessions: int  # the highest session an entry is marked as after; 0 for none
    score: Measure | None  # None until there is a start and a later entry
    pain: Measure | None

    def ready(self) -> bool:
        """Whether there is a change to show: a starting point and a later entry."""
        return self.score is not None

    def time_to_review(self) -> bool:
        """Six sessions or more, with less than a 30% fall in the PEG score: a good time
        to talk with the practitioner about whether to go on."""
        return (self.score is not None and self.sessions >= REVIEW_SESSION
                and self.score.band() not in ("moderate", "substantial"))


def progress(entries: list[Entry]) -> Progress:
    """The starting point, the latest entry and the change between them."""
    ordered = sorted(entries, key=lambda entry: (entry.day, entry.id))
    sessions = max((entry.session or 0 for entry in ordered), default=0)
    first_session = next((index for index, entry in enumerate(ordered)
                          if entry.session is not None), None)
    start = ordered[:first_session] if first_session else ordered[:1]
    latest = ordered[-1] if ordered else None
    if len(ordered) < 2 or latest in start:
        return Progress(ordered, start, latest, sessions, None, None)
    return Progress(ordered, start, latest, sessions,
                    Measure(sum(entry.score() for entry in start) / len(start),
                            latest.score()),
                    Measure(sum(entry.pain for entry in start) / len(start), latest.pain))
