"""Plain text for screen readers and for pasting into a letter, an email or a portal.

Nothing but words and a little ASCII: no box drawing, no bullet symbols, no
colour codes, and no line wrapping, so a screen reader reads each paragraph as
one line and a paste reflows to fit wherever it lands. Headings are lines of
their own; lists start with "- ", steps with their number, warnings with
"IMPORTANT:", and sources are cited as [1], [2] as in the terminal view.
"""

from __future__ import annotations

from typing import TextIO

from acuinfo.base.phrases import colon, phrases_for
from acuinfo.render import WIDE_TABLE, Say, dates, one_line, review_lines, source_line
from acuinfo.render.wrap import cells
from acuinfo.views.document import (
    Alert,
    Block,
    Bullets,
    Chart,
    Definitions,
    Document,
    Figure,
    Paragraph,
    Section,
    Steps,
    Table,
)

COLUMN_GAP = "   "  # between columns padded to line up: spaces, which a screen reader skips
BLANK_CELL = "______"  # an empty cell of a form, such as a pain diary: a line to write on


def render(document: Document, out: TextIO) -> None:
    out.write("\n".join(line.rstrip() for line in _document(document)) + "\n")
    out.flush()


def _document(document: Document) -> list[str]:
    say = phrases_for(document.language)
    lines = [one_line(document.title), ""]
    if document.summary:
        lines += [document.summary, ""]
    shown = dates(document)
    if shown:
        lines += [f"{label}{colon(label)}{words}" for _, label, _, words in shown] + [""]
    in_parts = any(section.level > 1 for section in document.sections)
    part = 0
    for section in document.sections:
        if in_parts and section.level == 1 and section.heading:
            # a part: said in words, with room around it (a note with no heading is none)
            part += 1
            lines += ["", say("Part {number}: {heading}", number=part,
                                heading=one_line(section.heading)), ""]
            lines += _section_body(section, say)
        else:
            lines += _section(section, say)
        lines.append("")
    if document.citations:
        lines.append(say("Sources"))
        lines += [f"[{citation.number}] {source_line(citation)}"
                  for citation in document.citations]
        lines.append("")
    review = review_lines(document)
    if review:
        lines += [f"{label}{colon(label)}{text}" for _, label, text, _ in review] + [""]
    if document.notice:
        lines += [document.notice, ""]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _section(section: Section, say: Say) -> list[str]:
    heading = [one_line(section.heading)] if section.heading else []
    return heading + _section_body(section, say)


def _section_body(section: Section, say: Say) -> list[str]:
    lines: list[str] = []
    for block in section.blocks:
        if isinstance(block, Figure):  # a drawing: the advice beside it says it in words
            continue
        if lines:
            lines.append("")
        lines += _block(block, say)
    if section.cites:
        lines.append(_cites(section.cites, say))
    return lines


def _block(block: Block, say: Say) -> list[str]:
    if isinstance(block, Paragraph):
        return block.text.split("\n")
    if isinstance(block, Bullets):
        return [line for item in block.items for line in _item("- ", item)]
    if isinstance(block, Steps):
        lines: list[str] = []
        for number, step in enumerate(block.items, 1):
            if lines:
                lines.append("")
            marker = f"{number}. "
            title = step.title + (f" ({step.note})" if step.note else "")
            lines += _item(marker, title)
            lines += _indented(" " * len(marker), step.text)
            if step.command:
                lines.append(" " * len(marker) + say("Open with:") + " " + step.command)
            if step.cites:  # on the step's last line, so sources do not come between steps
                lines[-1] += " " + _cite_marks(step.cites)
        return lines
    if isinstance(block, Alert):
        lines = [say("IMPORTANT:") + " " + one_line(block.title)]
        if block.text:
            lines += block.text.split("\n")
        return lines + [line for item in block.items for line in _item("- ", item)]
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Chart):  # a screen reader gets the chart in words, and its table
        lines = [say("Chart: {title}. {words}", title=one_line(block.title), words=block.alt)]
        return lines + (["", *_block(block.table, say)] if block.table is not None else [])
    if isinstance(block, Definitions):
        lines = []
        for definition in block.items:
            if lines:
                lines.append("")
            lines += _item("", f"{one_line(definition.term)}: {definition.text}")
            if definition.cites:
                lines.append(_cites(definition.cites, say))
        return lines
    raise TypeError(f"no plain layout for {type(block).__name__}")


def _table(table: Table) -> list[str]:
    """A table as lines of columns padded to line up. A wide table of a row or two (such
    as a look-up of first score and the score worth noticing) is turned, so each pair
    reads across one line instead of being counted off along two."""
    rows = [[one_line(cell) for cell in row] for row in [table.columns, *table.rows]]
    if len(table.columns) > WIDE_TABLE and len(table.rows) <= 2:
        rows = [list(column) for column in zip(*rows, strict=True)]
    widths = [max(cells(row[n] or BLANK_CELL) for row in rows) for n in range(len(rows[0]))]
    # An empty cell is a line to write on across its whole column, as on a printed form.
    return [COLUMN_GAP.join(cell + " " * (width - cells(cell)) if cell else "_" * width
                            for cell, width in zip(row, widths, strict=True)).rstrip()
            for row in rows]


def _item(marker: str, text: str) -> list[str]:
    """A list item: the marker on its first line, later lines indented under the text."""
    first, *rest = text.split("\n")
    return [marker + first, *_indented(" " * len(marker), "\n".join(rest))]


def _indented(indent: str, text: str) -> list[str]:
    """Each line of ``text`` under ``indent``; nothing at all for no text."""
    return [indent + line if line else "" for line in text.split("\n")] if text else []


def _cites(numbers: list[int], say: Say) -> str:
    return say("Sources:") + " " + _cite_marks(numbers)


def _cite_marks(numbers: list[int]) -> str:
    return ", ".join(f"[{n}]" for n in numbers)
