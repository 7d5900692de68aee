"""The document every view builds and every renderer turns into output.

A document is content with its structure and nothing about how it looks (its
parts are named tuples: immutable, and quick to define at every start-up; see
``acuinfo.base.namedrecord``):
sections of blocks (paragraphs, lists, steps, tables, warnings), plus the
sources it cites as a numbered list. ``to_json`` gives its stable JSON form,
described in docs/json.md; a change there is a change of ``SCHEMA``.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from acuinfo.base.namedrecord import Record

SCHEMA = "acuinfo.document/1"
_NOTHING: Mapping[str, str] = MappingProxyType({})


class Paragraph(Record):
    text: str
    type: str = "paragraph"


class Bullets(Record):
    items: list[str]
    type: str = "bullets"


class Step(Record):
    title: str
    text: str
    note: str | None = None
    cites: list[int] = ()
    command: str | None = None  # the acuinfo command that opens what the step is about


class Steps(Record):
    items: list[Step]
    type: str = "steps"


class Table(Record):
    columns: list[str]
    rows: list[list[str]]
    type: str = "table"


class Alert(Record):
    """Text a reader must not miss, such as when to get urgent care."""

    title: str
    items: list[str]
    text: str | None = None
    type: str = "alert"


class Definition(Record):
    term: str
    text: str
    cites: list[int] = ()


class Definitions(Record):
    """Terms and what they mean, as in a glossary."""

    items: list[Definition]
    type: str = "definitions"


class Figure(Record):
    """A simple drawing of an action, such as a screen at eye height. ``drawing`` names
    one of the drawings the HTML renderer knows (``acuinfo.render.drawings``); ``alt``
    says in words what it shows, and ``caption`` is the advice it goes with. Only HTML
    shows drawings (a handout's tips, a condition page's self-care points); text formats
    leave them out, as the advice they go with says the same in words."""

    drawing: str
    alt: str
    caption: str
    type: str = "figure"


class Series(Record):
    """One line of a chart: a value for each of its points."""

    name: str
    values: list[float]


class Chart(Record):
    """Scores over time, such as a progress journal's. ``labels`` name the points in
    order (their dates), ``marks`` say which come after a session ("3", or "" for none),
    and each series has a value per point, from ``low`` to ``high``. ``alt`` says in
    words what it shows; ``table``, if any, is the same data as text, shown beside the
    chart where there is room. Every format draws it from this data: the terminal and
    Markdown in characters, HTML as a drawing; plain text, for screen readers, gives
    ``alt`` and the table."""

    title: str
    labels: list[str]
    marks: list[str]
    series: list[Series]
    alt: str
    low: float = 0
    high: float = 10
    table: Table | None = None
    type: str = "chart"


Block = Paragraph | Bullets | Steps | Table | Alert | Definitions | Figure | Chart


class Section(Record):
    """A heading and its blocks. ``level`` 1 sits under the title; a document made of
    parts (a handout of several conditions) uses level 1 for each part's heading and
    level 2 for the sections inside it."""

    heading: str
    blocks: list[Block]
    id: str = ""
    cites: list[int] = ()
    level: int = 1


class Citation(Record):
    """A numbered entry in a document's source list."""

    number: int
    id: str
    text: str
    url: str
    pmid: str | None = None
    doi: str | None = None


class Document(Record):
    kind: str
    title: str
    sections: list[Section]
    name: str | None = None
    summary: str | None = None
    citations: list[Citation] = ()
    notice: str | None = None
    meta: Mapping[str, str] = _NOTHING
    items: list[dict] = ()  # a list view's entries, as data
    language: str = "en"  # the language of the words around the content


def to_json(document: Document) -> dict:
    """The document as plain JSON values, with the schema name first."""
    return {"schema": SCHEMA, **_plain(document)}


def _plain(value: object) -> object:
    """Parts of a document as dicts and lists; a block's ``type`` comes first."""
    if isinstance(value, tuple) and hasattr(value, "_asdict"):
        fields = {name: _plain(item) for name, item in value._asdict().items()}
        return {"type": fields.pop("type"), **fields} if "type" in fields else fields
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, Mapping):
        return {key: _plain(item) for key, item in value.items()}
    return value
