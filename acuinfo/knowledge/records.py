"""Typed records for everything the knowledge files hold.

The field declarations here are also the schema: ``acuinfo.knowledge.schema`` reads
them to check a file, so a new field is added in one place. A field with no
default is required; ``Annotated[..., rule(...)]`` adds a rule to a field (see
``acuinfo.knowledge.schema``). Records are named tuples (``acuinfo.base.namedrecord``): immutable,
and quick to define, which matters because every command defines them all as it
starts. A list
field's default is an empty tuple, so no default is ever shared and changed.
"""

# No ``from __future__ import annotations``: the schema reads these types at run time.

import datetime
import typing
from functools import cache
from typing import Annotated

from acuinfo.base.namedrecord import Record

RATINGS = ("good", "moderate", "limited", "insufficient")
SOURCE_KINDS = ("trial", "review", "guideline", "study", "web page")
STATUSES = ("published", "draft")
SECTION_STYLES = ("normal", "warning", "emergency", "same-day", "see-doctor")
URGENCY_STYLES = {"emergency": "emergency", "same-day": "same_day", "see-doctor": "see_doctor"}
STAGES = ("before", "during", "after", "course")


def rule(**meta: object) -> dict:
    """A field's rule: slug=True, url=True (https only), digits=True, choices=(...),
    min_items=N, max_items=N, minimum=N and maximum=N (whole numbers),
    empty_in_draft=True (may be left empty while ``status: draft``), or
    ref="sources" / "conditions" / "categories" (a name that must exist)."""
    return meta


class FieldSpec(Record):
    """One field of a record type, as the schema and the checks see it."""

    name: str
    type: object  # the type without its rule
    required: bool
    rule: dict


def is_draft(record: object) -> bool:
    """Whether a record is marked ``status: draft``: never shown to a patient unasked."""
    return getattr(record, "status", "published") == "draft"


def is_record(value: object) -> bool:
    """Whether ``value`` is a record type or a record."""
    kind = value if isinstance(value, type) else type(value)
    return issubclass(kind, tuple) and hasattr(kind, "_fields") and kind.__module__ == __name__


@cache
def fields_of(record_type: type) -> tuple[FieldSpec, ...]:
    """The fields a knowledge file may give for ``record_type``; ``origin`` is not one."""
    hints = typing.get_type_hints(record_type, include_extras=True)
    found = []
    for name in record_type._fields:
        if name == "origin":
            continue
        hint, meta = hints[name], {}
        if typing.get_origin(hint) is Annotated:
            hint, *extras = typing.get_args(hint)
            for extra in extras:
                meta.update(extra)
        found.append(FieldSpec(name, hint, name not in record_type._field_defaults, meta))
    return tuple(found)


class Acupuncture(Record):
    how_it_may_help: str
    why: str
    sources: Annotated[list[str], rule(ref="sources")] = ()


class Evidence(Record):
    """What research shows. ``rating`` may be left out when the result behind a rating
    cannot be shown; the page then says that it gives no rating."""

    summary: str
    sources: Annotated[list[str], rule(ref="sources")]
    rating: Annotated[str | None, rule(choices=RATINGS)] = None


class RedFlagNotes(Record):
    """What some signs of a level mean, said once beside them rather than as one more
    sign in the list: "Clumsy hands and unsteady walking can mean pressure on the spinal
    cord in the neck." A note names the signs it is about, as the list may be merged
    with another condition's."""

    emergency: str | None = None
    same_day: str | None = None
    see_doctor: str | None = None


class RedFlags(Record):
    """Signs that need a doctor rather than acupuncture, by how soon: call the emergency
    number now, get medical advice today, or see a doctor in the coming weeks. Items are
    the signs alone; the level's heading says what to do, and ``notes`` what some of the
    signs mean."""

    emergency: Annotated[list[str], rule(min_items=1)]
    same_day: Annotated[list[str], rule(min_items=1)]
    see_doctor: list[str] = ()
    notes: RedFlagNotes | None = None

    @property
    def signs(self) -> list[str]:
        """Every sign, most urgent first."""
        return [*self.emergency, *self.same_day, *self.see_doctor]


class Condition(Record):
    slug: Annotated[str, rule(slug=True)]
    title: str
    summary: str
    key_points: Annotated[list[str], rule(min_items=3, max_items=5)]
    reviewed: Annotated[datetime.date, rule(empty_in_draft=True)]
    what_it_is: str
    how_common: str
    symptoms: list[str]
    causes: list[str]
    acupuncture: Acupuncture
    evidence: Evidence
    course: str
    other_options: list[str]
    self_care: list[str]
    red_flags: RedFlags
    aliases: list[str] = ()
    keywords: list[str] = ()
    related: Annotated[list[str], rule(ref="conditions")] = ()
    review_due: datetime.date | None = None
    reviewed_by: str | None = None
    status: Annotated[str, rule(choices=STATUSES)] = "published"
    origin: object = None  # where it came from; set by the schema


class TipCategory(Record):
    id: Annotated[str, rule(slug=True)]
    title: str
    description: str | None = None


class Tip(Record):
    id: Annotated[str, rule(slug=True)]
    category: Annotated[str, rule(ref="categories")]
    title: str
    text: str
    conditions: Annotated[list[str], rule(ref="conditions")] = ()
    keywords: list[str] = ()
    sources: Annotated[list[str], rule(ref="sources")] = ()
    origin: object = None  # where it came from; set by the schema


class TipBook(Record):
    reviewed: Annotated[datetime.date, rule(empty_in_draft=True)]
    tips: list[Tip]
    categories: list[TipCategory] = ()
    review_due: datetime.date | None = None
    reviewed_by: str | None = None
    status: Annotated[str, rule(choices=STATUSES)] = "published"
    origin: object = None  # where it came from; set by the schema


class SessionStep(Record):
    title: str
    text: str
    duration: str | None = None
    sources: Annotated[list[str], rule(ref="sources")] = ()
    id: Annotated[str | None, rule(slug=True)] = None
    origin: object = None  # where it came from; set by the schema

    @property
    def key(self) -> str:
        """What a clinic's step must match to replace this one: its id, else its title."""
        return self.id or self.title.strip().lower()


class SessionStage(Record):
    id: Annotated[str, rule(choices=STAGES)]
    title: str | None = None
    steps: list[SessionStep] = ()
    keywords: list[str] = ()


class SessionVisit(Record):
    title: str | None = None
    total_time: str | None = None
    steps: list[SessionStep] = ()
    keywords: list[str] = ()


class Session(Record):
    """The session journey. The built-in file gives every part; a clinic's file may give
    only what it adds or changes, and the parts are merged (see Knowledge.session)."""

    reviewed: Annotated[datetime.date, rule(empty_in_draft=True)]
    title: str | None = None
    summary: str | None = None
    key_points: Annotated[list[str], rule(max_items=5)] = ()
    stages: list[SessionStage] = ()
    what_to_expect: SessionVisit | None = None
    sources: Annotated[list[str], rule(ref="sources")] = ()
    review_due: datetime.date | None = None
    reviewed_by: str | None = None
    status: Annotated[str, rule(choices=STATUSES)] = "published"
    origin: object = None  # where it came from; set by the schema


class Source(Record):
    id: Annotated[str, rule(slug=True)]
    kind: Annotated[str, rule(choices=SOURCE_KINDS)]
    authors: str
    title: str
    published_in: str
    url: Annotated[str, rule(url=True)]
    year: Annotated[int | None, rule(minimum=1800, maximum=2100)] = None
    pmid: Annotated[str | None, rule(digits=True)] = None
    doi: str | None = None
    finding: str | None = None
    checked: datetime.date | None = None  # a web page: the day its content was checked
    origin: object = None  # where it came from; set by the schema

    def problems(self) -> list[str]:
        """A web page changes, so it must say when someone last checked what it says."""
        if self.kind == "web page" and self.checked is None:
            return ["a web page needs 'checked: YYYY-MM-DD', the day its content was "
                    "last checked"]
        return []


class SourceList(Record):
    reviewed: Annotated[datetime.date, rule(empty_in_draft=True)]
    sources: list[Source]
    review_due: datetime.date | None = None
    reviewed_by: str | None = None
    status: Annotated[str, rule(choices=STATUSES)] = "published"
    origin: object = None  # where it came from; set by the schema


class GlossaryTerm(Record):
    id: Annotated[str, rule(slug=True)]
    term: str
    definition: str
    aliases: list[str] = ()
    sources: Annotated[list[str], rule(ref="sources")] = ()
    origin: object = None  # where it came from; set by the schema


class Glossary(Record):
    reviewed: Annotated[datetime.date, rule(empty_in_draft=True)]
    terms: list[GlossaryTerm]
    review_due: datetime.date | None = None
    reviewed_by: str | None = None
    status: Annotated[str, rule(choices=STATUSES)] = "published"
    origin: object = None  # where it came from; set by the schema


class PageSection(Record):
    heading: str
    text: str | None = None
    points: list[str] = ()
    style: Annotated[str, rule(choices=SECTION_STYLES)] = "normal"
    sources: Annotated[list[str], rule(ref="sources")] = ()
    origin: object = None  # where it came from; set by the schema

    def problems(self) -> list[str]:
        """A section with neither text nor points would show only a heading."""
        return [] if self.text or self.points else ["a section needs 'text', 'points' or both"]


class Page(Record):
    id: Annotated[str, rule(slug=True)]
    title: str
    summary: str
    reviewed: Annotated[datetime.date, rule(empty_in_draft=True)]
    sections: list[PageSection]
    keywords: list[str] = ()
    review_due: datetime.date | None = None
    reviewed_by: str | None = None
    status: Annotated[str, rule(choices=STATUSES)] = "published"
    origin: object = None  # where it came from; set by the schema


class Clinic(Record):
    """A clinic's profile, shown under the session journey and atop every handout. Its
    emergency and urgent numbers are shown wherever a page says to get help, and its
    ``corrections`` wherever a page says where to send a correction."""

    name: str
    reviewed: Annotated[datetime.date, rule(empty_in_draft=True)]
    address: str | None = None
    phone: str | None = None
    website: Annotated[str | None, rule(url=True)] = None
    hours: str | None = None
    note: str | None = None
    practitioner: str | None = None
    emergency_number: str | None = None  # e.g. 999, 911 or 112
    urgent_number: str | None = None  # a line for urgent medical advice, e.g. NHS 111
    corrections: str | None = None  # where to send a correction, e.g. an email address
    prices: str | None = None
    payment: str | None = None  # the insurance and ways of paying it accepts
    review_due: datetime.date | None = None
    reviewed_by: str | None = None
    status: Annotated[str, rule(choices=STATUSES)] = "published"
    origin: object = None  # where it came from; set by the schema


class AmbiguousName(Record):
    """A name patients use for more than one condition, such as "pinched nerve" (in the
    neck, or low in the back). Asked for it, acuinfo lists the choices rather than pick
    one. A title or alias that two conditions share is ambiguous without being listed;
    listing it says that this is meant, and says why."""

    name: str
    conditions: Annotated[list[str], rule(ref="conditions", min_items=1)]
    aliases: list[str] = ()
    note: str | None = None  # what tells the choices apart
    origin: object = None  # where it came from; set by the schema


class NotCovered(Record):
    """An illness acuinfo has no page on, and what to do instead."""

    name: str
    note: str
    aliases: list[str] = ()
    origin: object = None  # where it came from; set by the schema


class NameBook(Record):
    """Names acuinfo must not take for something else: ``names.yaml``."""

    reviewed: Annotated[datetime.date, rule(empty_in_draft=True)]
    ambiguous: list[AmbiguousName] = ()
    not_covered: list[NotCovered] = ()
    review_due: datetime.date | None = None
    reviewed_by: str | None = None
    status: Annotated[str, rule(choices=STATUSES)] = "published"
    origin: object = None  # where it came from; set by the schema
