"""Terminal output: colour on a terminal, the same layout without it in a pipe.

The layout is worked out here, line by line, with Rich's ``Text`` for wrapping
(it knows the width of every character) and styles, and printed in one go:
nested Rich tables and panels look the same but cost several times as long, and
every command pays that on every run. All content goes through ``Text``, never
through Rich markup, so brackets in a knowledge file print as they are.
"""

from __future__ import annotations

from typing import TextIO

from rich.cells import cell_len, set_cell_size
from rich.console import Console
from rich.text import Text

from acuinfo.document import (
    Alert,
    Block,
    Bullets,
    Definitions,
    Document,
    Paragraph,
    Section,
    Steps,
    Table,
)
from acuinfo.render import identifiers

INDENT = 2
MAX_COLUMN = 34
MIN_LAST_COLUMN = 16
MIN_WIDTH = 8


def make_console(out: TextIO) -> Console:
    """A console that never reads markup, emoji codes or highlights from content."""
    return Console(file=out, markup=False, emoji=False, highlight=False)


def render(document: Document, out: TextIO) -> None:
    console = make_console(out)
    lines = _Layout(console, console.width).document(document)
    if console.is_terminal:
        with console.capture() as captured:
            console.print(Text("\n").join(Text(line) if isinstance(line, str) else line
                                          for line in lines), soft_wrap=True, crop=False)
        out.write(captured.get())
    else:  # a pipe: plain text, no trailing spaces
        out.write("".join((line if isinstance(line, str) else line.plain).rstrip() + "\n"
                          for line in lines))
    out.flush()


class _Layout:
    """Lines of styled text for a document, wrapped to a width."""

    def __init__(self, console: Console, width: int) -> None:
        self.console = console
        self.width = max(width, MIN_WIDTH)
        self.ascii = console.options.ascii_only
        self.bullet = "- " if self.ascii else "• "
        self.ellipsis = "..." if self.ascii else "…"
        self.lines: list[Text | str] = []  # str for unstyled lines: a long list is cheaper

    # -- the parts of a document ------------------------------------------------

    def document(self, document: Document) -> list[Text | str]:
        self.wrap(Text(document.title, style="bold"))
        if document.summary:
            self.wrap(Text(document.summary, style="italic"))
        for section in document.sections:
            self.lines.append(Text())
            self.section(section)
        if document.citations:
            self.lines.append(Text())
            self.wrap(Text("Sources", style="bold cyan"))
            for citation in document.citations:
                parts = (citation.text, identifiers(citation), citation.url)
                self.wrap(Text(" ".join(part for part in parts if part)), INDENT,
                          f"[{citation.number}] ")
        if document.notice:
            self.lines.append(Text())
            self.wrap(Text(document.notice, style="dim"))
        return self.lines

    def section(self, section: Section) -> None:
        if section.heading:
            style = "bold cyan" if section.level <= 1 else "bold"
            self.wrap(Text(section.heading, style=style), INDENT * (section.level - 1))
        indent = INDENT * section.level
        previous: Block | None = None
        for block in section.blocks:
            if previous is not None and isinstance(block, Paragraph):
                self.lines.append(Text())
            self.block(block, indent)
            previous = block
        if section.cites:
            self.wrap(_cites(section.cites), indent)

    def block(self, block: Block, indent: int) -> None:
        if isinstance(block, Paragraph):
            self.wrap(Text(block.text), indent)
        elif isinstance(block, Bullets):
            for item in block.items:
                self.wrap(Text(item), indent, self.bullet)
        elif isinstance(block, Steps):
            for number, step in enumerate(block.items, 1):
                if number > 1:
                    self.lines.append(Text())
                self.step(step, number, indent)
        elif isinstance(block, Alert):
            self.alert(block, indent)
        elif isinstance(block, Table):
            self.table(block, indent)
        elif isinstance(block, Definitions):
            for number, item in enumerate(block.items):
                if number:
                    self.lines.append(Text())
                self.wrap(Text(item.term, style="bold"), indent)
                body = Text(item.text)
                if item.cites:
                    body.append("  ")
                    body.append_text(_cites(item.cites))
                self.wrap(body, indent + INDENT)
        else:
            raise TypeError(f"no terminal layout for {type(block).__name__}")

    def step(self, step: object, number: int, indent: int) -> None:
        marker = f"{number}. "
        head = Text(step.title, style="bold")
        if step.note:
            head.append(f" ({step.note})", style="italic")
        self.wrap(head, indent, marker)
        body = Text(step.text)
        if step.cites:
            body.append("  ")
            body.append_text(_cites(step.cites))
        self.wrap(body, indent, " " * len(marker))
        if step.command:
            line = Text("Open with: ", style="dim")
            line.append(step.command, style="bold")
            self.wrap(line, indent, " " * len(marker))

    def alert(self, block: Alert, indent: int) -> None:
        """A box that the eye cannot miss, drawn with box characters (or ASCII)."""
        inner = max(self.width - indent - 4, MIN_WIDTH)
        content = _Layout(self.console, inner)
        content.wrap(Text(block.title, style="bold red"))
        if block.text:
            content.wrap(Text(block.text))
        for item in block.items:
            content.wrap(Text(item), 0, self.bullet)
        top, side, bottom = (("+", "-", "+"), "|", ("+", "-", "+")) if self.ascii else \
            (("╭", "─", "╮"), "│", ("╰", "─", "╯"))
        pad = " " * indent
        self.lines.append(Text(pad + top[0] + top[1] * (inner + 2) + top[2], style="red"))
        for line in content.lines:
            line.set_length(inner)
            self.lines.append(Text.assemble(pad, (side + " ", "red"), line, (" " + side, "red")))
        self.lines.append(Text(pad + bottom[0] + bottom[1] * (inner + 2) + bottom[2],
                               style="red"))

    def table(self, block: Table, indent: int) -> None:
        """One line per row, every column but the last kept whole and the line cut to fit;
        on a terminal too narrow for that, each row as a small block instead."""
        width = self.width - indent
        widths = [min(MAX_COLUMN, max(_cells(row[i]) for row in [block.columns, *block.rows]))
                  for i in range(len(block.columns) - 1)]
        if sum(widths) + 2 * len(widths) + MIN_LAST_COLUMN > width:
            for row in block.rows:
                self.wrap(Text(row[0], style="bold"), indent)
                self.wrap(Text(" - ".join(row[1:])), indent + INDENT)
            return
        pad = " " * indent
        for number, row in enumerate([block.columns, *block.rows]):
            fixed = [self.pad(self.cut(cell, cell_width), cell_width)
                     for cell, cell_width in zip(row[:-1], widths, strict=True)]
            line = pad + self.cut("  ".join([*fixed, row[-1]]), width)
            self.lines.append(Text(line, style="bold") if number == 0 else line)

    # -- helpers --------------------------------------------------------------------

    def wrap(self, text: Text, indent: int = 0, first: str = "") -> None:
        """Add ``text`` wrapped to the width, ``first`` before its first line and as many
        spaces before the others, so lists hang."""
        hang = cell_len(first)
        width = max(self.width - indent - hang, MIN_WIDTH)
        for number, line in enumerate(text.wrap(self.console, width, overflow="fold")):
            prefix = " " * indent + (first if number == 0 else " " * hang)
            self.lines.append(Text.assemble(prefix, line))

    @staticmethod
    def pad(text: str, width: int) -> str:
        return text + " " * (width - _cells(text))

    def cut(self, text: str, width: int) -> str:
        if _cells(text) <= width:
            return text
        return set_cell_size(text, max(width - len(self.ellipsis), 0)) + self.ellipsis


def _cells(text: str) -> int:
    """Columns ``text`` takes on screen; plain ASCII is one each, the common quick case."""
    return len(text) if text.isascii() else cell_len(text)


def _cites(numbers: list[int]) -> Text:
    return Text("Sources: " + ", ".join(f"[{n}]" for n in numbers), style="dim")
