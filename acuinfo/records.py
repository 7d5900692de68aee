"""Typed records for everything the knowledge files hold.

The field declarations here are also the schema: ``acuinfo.schema`` reads
them to check a file, so a new field is added in one place. A field with no
default is required. ``meta`` on a field adds a rule (see ``acuinfo.schema``).
"""

# No ``from __future__ import annotations``: the schema reads these types at run time.

import datetime
from dataclasses import dataclass, field

RATINGS = ("good", "moderate", "limited", "insufficient")
SOURCE_KINDS = ("trial", "review", "guideline", "study", "web page")
SECTION_STYLES = ("normal", "warning")
STAGES = ("before", "during", "after", "course")


def rule(**meta: object) -> dict:
    """Metadata for a field: slug=True, url=True, choices=(...), ref='sources'."""
    return meta


def _origin() -> object:
    """Where the record came from (an ``acuinfo.yamlfile.Origin``), set by the schema."""
    return field(default=None, compare=False, repr=False, metadata=rule(internal=True))


@dataclass(frozen=True)
class Acupuncture:
    how_it_may_help: str
    why: str
    sources: list[str] = field(default_factory=list, metadata=rule(ref="sources"))


@dataclass(frozen=True)
class Evidence:
    rating: str = field(metadata=rule(choices=RATINGS))
    summary: str
    sources: list[str] = field(metadata=rule(ref="sources"))


@dataclass(frozen=True)
class Condition:
    slug: str = field(metadata=rule(slug=True))
    title: str
    summary: str
    reviewed: datetime.date
    what_it_is: str
    how_common: str
    symptoms: list[str]
    causes: list[str]
    acupuncture: Acupuncture
    evidence: Evidence
    course: str
    other_options: list[str]
    self_care: list[str]
    red_flags: list[str] = field(metadata=rule(min_items=3))
    aliases: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list, metadata=rule(ref="conditions"))
    origin: object = _origin()


@dataclass(frozen=True)
class TipCategory:
    id: str = field(metadata=rule(slug=True))
    title: str
    description: str | None = None


@dataclass(frozen=True)
class Tip:
    id: str = field(metadata=rule(slug=True))
    category: str = field(metadata=rule(ref="categories"))
    title: str
    text: str
    conditions: list[str] = field(default_factory=list, metadata=rule(ref="conditions"))
    keywords: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list, metadata=rule(ref="sources"))
    origin: object = _origin()


@dataclass(frozen=True)
class TipBook:
    reviewed: datetime.date
    tips: list[Tip]
    categories: list[TipCategory] = field(default_factory=list)
    origin: object = _origin()


@dataclass(frozen=True)
class SessionStep:
    title: str
    text: str
    duration: str | None = None
    sources: list[str] = field(default_factory=list, metadata=rule(ref="sources"))
    id: str | None = field(default=None, metadata=rule(slug=True))
    origin: object = _origin()

    @property
    def key(self) -> str:
        """What a clinic's step must match to replace this one: its id, else its title."""
        return self.id or self.title.strip().lower()


@dataclass(frozen=True)
class SessionStage:
    id: str = field(metadata=rule(choices=STAGES))
    title: str | None = None
    steps: list[SessionStep] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class SessionVisit:
    title: str | None = None
    total_time: str | None = None
    steps: list[SessionStep] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Session:
    """The session journey. The built-in file gives every part; a clinic's file may give
    only what it adds or changes, and the parts are merged (see Knowledge.session)."""

    reviewed: datetime.date
    title: str | None = None
    summary: str | None = None
    stages: list[SessionStage] = field(default_factory=list)
    what_to_expect: SessionVisit | None = None
    sources: list[str] = field(default_factory=list, metadata=rule(ref="sources"))
    origin: object = _origin()


@dataclass(frozen=True)
class Source:
    id: str = field(metadata=rule(slug=True))
    kind: str = field(metadata=rule(choices=SOURCE_KINDS))
    authors: str
    title: str
    published_in: str
    url: str = field(metadata=rule(url=True))
    year: int | None = None
    pmid: str | None = field(default=None, metadata=rule(digits=True))
    doi: str | None = None
    finding: str | None = None
    origin: object = _origin()


@dataclass(frozen=True)
class SourceList:
    reviewed: datetime.date
    sources: list[Source]
    origin: object = _origin()


@dataclass(frozen=True)
class GlossaryTerm:
    id: str = field(metadata=rule(slug=True))
    term: str
    definition: str
    aliases: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list, metadata=rule(ref="sources"))
    origin: object = _origin()


@dataclass(frozen=True)
class Glossary:
    reviewed: datetime.date
    terms: list[GlossaryTerm]
    origin: object = _origin()


@dataclass(frozen=True)
class PageSection:
    heading: str
    text: str | None = None
    points: list[str] = field(default_factory=list)
    style: str = field(default="normal", metadata=rule(choices=SECTION_STYLES))
    sources: list[str] = field(default_factory=list, metadata=rule(ref="sources"))
    origin: object = _origin()

    def problems(self) -> list[str]:
        """A section with neither text nor points would show only a heading."""
        return [] if self.text or self.points else ["a section needs 'text', 'points' or both"]


@dataclass(frozen=True)
class Page:
    id: str = field(metadata=rule(slug=True))
    title: str
    summary: str
    reviewed: datetime.date
    sections: list[PageSection]
    keywords: list[str] = field(default_factory=list)
    origin: object = _origin()


@dataclass(frozen=True)
class Clinic:
    """A clinic's profile, shown under the session journey and atop every handout."""

    name: str
    reviewed: datetime.date
    address: str | None = None
    phone: str | None = None
    website: str | None = field(default=None, metadata=rule(url=True))
    hours: str | None = None
    note: str | None = None
    practitioner: str | None = None
    origin: object = _origin()
