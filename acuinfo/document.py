"""The document every view builds and every renderer turns into output.

A document is content with its structure and nothing about how it looks:
sections of blocks (paragraphs, lists, steps, tables, warnings), plus the
sources it cites as a numbered list. ``to_json`` gives its stable JSON form,
described in docs/json.md; a change there is a change of ``SCHEMA``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SCHEMA = "acuinfo.document/1"


@dataclass(frozen=True)
class Paragraph:
    text: str
    type: str = "paragraph"


@dataclass(frozen=True)
class Bullets:
    items: list[str]
    type: str = "bullets"


@dataclass(frozen=True)
class Step:
    title: str
    text: str
    note: str | None = None
    cites: list[int] = field(default_factory=list)
    command: str | None = None  # the acuinfo command that opens what the step is about


@dataclass(frozen=True)
class Steps:
    items: list[Step]
    type: str = "steps"


@dataclass(frozen=True)
class Table:
    columns: list[str]
    rows: list[list[str]]
    type: str = "table"


@dataclass(frozen=True)
class Alert:
    """Text a reader must not miss, such as when to get urgent care."""

    title: str
    items: list[str]
    text: str | None = None
    type: str = "alert"


@dataclass(frozen=True)
class Definition:
    term: str
    text: str
    cites: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class Definitions:
    """Terms and what they mean, as in a glossary."""

    items: list[Definition]
    type: str = "definitions"


Block = Paragraph | Bullets | Steps | Table | Alert | Definitions


@dataclass(frozen=True)
class Section:
    """A heading and its blocks. ``level`` 1 sits under the title; a document made of
    parts (a handout of several conditions) uses level 1 for each part's heading and
    level 2 for the sections inside it."""

    heading: str
    blocks: list[Block]
    id: str = ""
    cites: list[int] = field(default_factory=list)
    level: int = 1


@dataclass(frozen=True)
class Citation:
    """A numbered entry in a document's source list."""

    number: int
    id: str
    text: str
    url: str
    pmid: str | None = None
    doi: str | None = None


@dataclass(frozen=True)
class Document:
    kind: str
    title: str
    sections: list[Section]
    name: str | None = None
    summary: str | None = None
    citations: list[Citation] = field(default_factory=list)
    notice: str | None = None
    meta: dict[str, str] = field(default_factory=dict)
    items: list[dict] = field(default_factory=list)  # a list view's entries, as data


def to_json(document: Document) -> dict:
    """The document as plain JSON values, with the schema name first."""
    from dataclasses import asdict

    data = asdict(document)
    for section in data["sections"]:
        section["blocks"] = [{"type": block.pop("type"), **block} for block in section["blocks"]]
    return {"schema": SCHEMA, **data}
