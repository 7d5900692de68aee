"""Terminal output with Rich: colour on a terminal, the same layout without it in a pipe.

All content goes through ``rich.text.Text``, never through Rich markup, so
brackets in a knowledge file print as they are.
"""

from __future__ import annotations

from typing import TextIO

from rich.cells import cell_len, set_cell_size
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table as RichTable
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

INDENT = 2
MAX_COLUMN = 34
MIN_LAST_COLUMN = 16


def make_console(out: TextIO) -> Console:
    """A console that never reads markup, emoji codes or highlights from content."""
    return Console(file=out, markup=False, emoji=False, highlight=False)


def render(document: Document, out: TextIO) -> None:
    console = make_console(out)
    with console.capture() as captured:
        _document(console, document)
    text = captured.get()
    if not console.is_terminal:  # no colour codes to keep: drop the padding Rich adds
        text = "\n".join(line.rstrip() for line in text.split("\n"))
    out.write(text)
    out.flush()


def _document(console: Console, document: Document) -> None:
    bullet = "-" if console.options.ascii_only else "•"
    console.print(Text(document.title, style="bold"))
    if document.summary:
        console.print(Text(document.summary, style="italic"))
    for section in document.sections:
        console.print()
        _section(console, section, bullet)
    if document.citations:
        console.print()
        console.print(Text("Sources", style="bold cyan"))
        lines = RichTable.grid(padding=(0, 1))
        lines.add_column(no_wrap=True)
        lines.add_column()
        for citation in document.citations:
            ids = "".join(f" {label}: {value}." for label, value in
                          (("PMID", citation.pmid), ("DOI", citation.doi)) if value)
            lines.add_row(Text(f"[{citation.number}]"),
                          Text(f"{citation.text}{ids} {citation.url}"))
        console.print(Padding(lines, (0, 0, 0, INDENT)))
    if document.notice:
        console.print()
        console.print(Text(document.notice, style="dim"))


def _section(console: Console, section: Section, bullet: str) -> None:
    if section.heading:
        console.print(Text(section.heading, style="bold cyan"))
    parts: list[RenderableType] = []
    for block in section.blocks:
        if parts and isinstance(block, Paragraph):
            parts.append(Text(""))
        parts.append(_block(block, bullet))
    if section.cites:
        parts.append(Text("Sources: " + ", ".join(f"[{n}]" for n in section.cites),
                          style="dim"))
    console.print(Padding(Group(*parts), (0, 0, 0, INDENT)))


def _block(block: Block, bullet: str) -> RenderableType:
    if isinstance(block, Paragraph):
        return Text(block.text)
    if isinstance(block, Bullets):
        return _list([(bullet, Text(item)) for item in block.items])
    if isinstance(block, Steps):
        rows = []
        for number, step in enumerate(block.items, 1):
            body = Text(step.title, style="bold")
            if step.note:
                body.append(f" ({step.note})", style="italic")
            body.append("\n")
            body.append(step.text)
            if step.cites:
                body.append("  Sources: " + ", ".join(f"[{n}]" for n in step.cites), style="dim")
            if step.command:
                body.append("\nOpen with: ", style="dim")
                body.append(step.command, style="bold")
            rows.append((f"{number}.", body))
        return _list(rows, gap=True)
    if isinstance(block, Alert):
        body: list[RenderableType] = [Text(block.title, style="bold red")]
        if block.text:
            body.append(Text(block.text))
        body.append(_list([(bullet, Text(item)) for item in block.items]))
        return Panel(Group(*body), border_style="red")
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Definitions):
        parts: list[RenderableType] = []
        for item in block.items:
            if parts:
                parts.append(Text(""))
            parts.append(Text(item.term, style="bold"))
            body = Text(item.text)
            if item.cites:
                body.append("  Sources: " + ", ".join(f"[{n}]" for n in item.cites), style="dim")
            parts.append(Padding(body, (0, 0, 0, INDENT)))
        return Group(*parts)
    raise TypeError(f"no terminal layout for {type(block).__name__}")


def _list(rows: list[tuple[str, Text]], gap: bool = False) -> RenderableType:
    grid = RichTable.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")  # a long path or address breaks, never loses its end
    for marker, text in rows:
        if gap and grid.row_count:
            grid.add_row("", "")
        grid.add_row(Text(marker), text)
    return grid


class _Rows:
    """A table drawn one line per row, cut to the width; stacked on narrow terminals."""

    def __init__(self, block: Table) -> None:
        self.block = block

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        rows = self.block.rows
        ellipsis = "..." if options.ascii_only else "…"
        widths = [min(MAX_COLUMN, max(cell_len(row[i]) for row in [self.block.columns, *rows]))
                  for i in range(len(self.block.columns) - 1)]
        if sum(widths) + 2 * len(widths) + MIN_LAST_COLUMN > options.max_width:
            for row in rows:  # too narrow for columns: each row as a small block
                yield Text(row[0], style="bold")
                yield Padding(Text(" - ".join(row[1:])), (0, 0, 0, INDENT))
            return

        def line(cells: list[str], style: str = "") -> Text:
            fixed = [_cut(cell, width, ellipsis).ljust(width)
                     for cell, width in zip(cells[:-1], widths, strict=True)]
            return Text(_cut("  ".join([*fixed, cells[-1]]), options.max_width, ellipsis),
                        style=style, no_wrap=True)

        yield line(self.block.columns, "bold")
        for row in rows:
            yield line(row)


def _cut(text: str, width: int, ellipsis: str) -> str:
    if cell_len(text) <= width:
        return text
    return set_cell_size(text, width - len(ellipsis)) + ellipsis


def _table(block: Table) -> RenderableType:
    return _Rows(block)
