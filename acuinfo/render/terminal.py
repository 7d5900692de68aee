"""Terminal output: colour on a terminal, the same layout without it in a pipe.

The layout is worked out here, line by line, as runs of (text, style) wrapped
by ``acuinfo.render.wrap``, and printed in one go: nested Rich tables and
panels look the same but cost several times as long, and every command pays
that on every run. Rich's ``Text`` is made only to print styled lines to a
terminal, and never from Rich markup, so brackets in a knowledge file print as
they are.

Output that is plainly not a terminal (a pipe or a file, with no colour setting
in the environment) gets the plain text without loading Rich's console at all,
which costs about 20 ms; its width and character set are worked out as Rich
would (a test holds the two together). Everything else is left to Rich.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.console import Console

from acuinfo.base.languages import ENGLISH
from acuinfo.base.phrases import colon, phrases_for
from acuinfo.render import WIDE_TABLE, dates, review_lines, source_line
from acuinfo.render.wrap import Runs, ascii_breaks, cells, fit, plain, wrap
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

INDENT = 2
MIN_WIDTH = 8
MAX_WIDTH = 1_000  # wider than any screen: a larger COLUMNS is a mistake, not a terminal
BLANK_CELL = "____"  # an empty cell of a form, such as a pain diary: a line to write on
BLANK: Runs = ()


# Settings that make Rich colour a pipe, or judge whether output is a terminal.
RICH_SETTINGS = ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE")


def make_console(out: TextIO) -> Console:
    """A console that never reads markup, emoji codes or highlights from content."""
    from rich.console import Console

    return Console(file=out, markup=False, emoji=False, highlight=False)


def render(document: Document, out: TextIO) -> None:
    plain_output = plain_settings(out)
    if plain_output is not None:
        _write_plain(_Layout(*plain_output, styled=False).document(document), out)
        return
    console = make_console(out)
    lines = _Layout(console.width, console.options.ascii_only).document(document)
    if console.is_terminal:
        from rich.text import Text

        styled = Text("\n").join(Text(line) if isinstance(line, str) else Text.assemble(*line)
                                 for line in lines)
        with console.capture() as captured:
            console.print(styled, soft_wrap=True, crop=False)
        out.write(captured.get())
        out.flush()
    else:
        _write_plain(lines, out)


def plain_settings(out: TextIO) -> tuple[int, bool] | None:
    """(width, ASCII only) for output that is plainly not a terminal, as Rich's console
    would find them; None when Rich should decide: a terminal, a setting in
    ``RICH_SETTINGS``, or Windows, whose consoles Rich handles in its own ways."""
    if sys.platform == "win32" or any(name in os.environ for name in RICH_SETTINGS):
        return None
    try:
        if out.isatty():
            return None
    except (AttributeError, ValueError):
        return None
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit():
        width = int(columns)
    else:  # the width of whichever standard stream is a terminal, as Rich does
        width = 0
        for descriptor in (0, 1, 2):
            try:
                width = os.get_terminal_size(descriptor).columns
                break
            except (AttributeError, ValueError, OSError):
                continue
        width = width or 80
    encoding = (getattr(out, "encoding", None) or "utf-8").lower()
    return width, not encoding.startswith("utf")


def _write_plain(lines: list[Runs | str], out: TextIO) -> None:
    """The lines as plain text, with no trailing spaces."""
    out.write("\n".join([(line if type(line) is str else plain(line)).rstrip()
                         for line in lines]) + "\n")
    out.flush()


class _Layout:
    """Lines of text for a document, wrapped to a width: runs of styled text, or plain
    lines where the style would be dropped anyway (``styled`` False)."""

    def __init__(self, width: int, ascii_only: bool, styled: bool = True) -> None:
        self.width = min(max(width, MIN_WIDTH), MAX_WIDTH)
        self.ascii = ascii_only
        self.styled = styled  # False: the lines are for plain text, so a style can go
        self.bullet = "- " if ascii_only else "• "
        self.ellipsis = "..." if ascii_only else "…"
        self.lines: list[Runs | str] = []  # str for unstyled lines: a long list is cheaper
        self.say = phrases_for(ENGLISH)  # the document's language, once it is known

    # -- the parts of a document ------------------------------------------------

    def document(self, document: Document) -> list[Runs | str]:
        self.say = phrases_for(document.language)
        self.wrap(((document.title, "bold"),))
        if document.summary:
            self.wrap(((document.summary, "italic"),))
        for _, label, _, words in dates(document):
            self.wrap(((f"{label}{colon(label)}{words}", ""),))
        for section in document.sections:
            self.lines.append(BLANK)
            self.section(section)
        if document.citations:
            self.lines.append(BLANK)
            self.wrap(((self.say("Sources"), "bold cyan"),))
            for citation in document.citations:
                self.wrap(((source_line(citation), ""),), INDENT,
                          f"[{citation.number}] ")
        review = review_lines(document)
        if review:
            self.lines.append(BLANK)
            for _, label, text, _ in review:
                self.wrap(((f"{label}{colon(label)}", "bold"), (text, "")), 0)
        if document.notice:
            self.lines.append(BLANK)
            self.wrap(((document.notice, "dim"),))
        return self.lines

    def section(self, section: Section) -> None:
        if section.heading:
            style = "bold cyan" if section.level <= 1 else "bold"
            self.wrap(((section.heading, style),), INDENT * (section.level - 1))
        indent = INDENT * section.level
        previous: Block | None = None
        for block in section.blocks:
            if isinstance(block, Figure):  # a drawing: the advice beside it says it in words
                continue
            if previous is not None and isinstance(block, (Paragraph, Alert, Table)):
                self.lines.append(BLANK)
            self.block(block, indent)
            previous = block
        if section.cites:
            self.wrap(self.cites(section.cites), indent)

    def block(self, block: Block, indent: int) -> None:
        if isinstance(block, Paragraph):
            self.wrap(((block.text, ""),), indent)
        elif isinstance(block, Bullets):
            for item in block.items:
                self.wrap(((item, ""),), indent, self.bullet)
        elif isinstance(block, Steps):
            for number, step in enumerate(block.items, 1):
                if number > 1:
                    self.lines.append(BLANK)
                self.step(step, number, indent)
        elif isinstance(block, Alert):
            self.alert(block, indent)
        elif isinstance(block, Table):
            self.table(block, indent)
        elif isinstance(block, Chart):
            self.chart(block, indent)
        elif isinstance(block, Definitions):
            for number, item in enumerate(block.items):
                if number:
                    self.lines.append(BLANK)
                self.wrap(((item.term, "bold"),), indent)
                body = ((item.text, ""),)
                if item.cites:
                    body += (("  ", ""), *self.cites(item.cites))
                self.wrap(body, indent + INDENT)
        else:
            raise TypeError(f"no terminal layout for {type(block).__name__}")

    def step(self, step: object, number: int, indent: int) -> None:
        marker = f"{number}. "
        head: Runs = ((step.title, "bold"),)
        if step.note:
            head += ((f" ({step.note})", "italic"),)
        self.wrap(head, indent, marker)
        body: Runs = ((step.text, ""),)
        if step.cites:
            body += (("  ", ""), *self.cites(step.cites))
        self.wrap(body, indent, " " * len(marker))
        if step.command:
            self.wrap(((self.say("Open with:") + " ", "dim"), (step.command, "bold")), indent,
                      " " * len(marker))

    def cites(self, numbers: list[int]) -> Runs:
        return ((self.say("Sources:") + " " + ", ".join(f"[{n}]" for n in numbers), "dim"),)

    def alert(self, block: Alert, indent: int) -> None:
        """A box that the eye cannot miss, drawn with box characters (or ASCII)."""
        inner = max(self.width - indent - 4, MIN_WIDTH)
        content = _Layout(inner, self.ascii, self.styled)
        content.wrap(((block.title, "bold red"),))
        if block.text:
            content.wrap(((block.text, ""),))
        for item in block.items:
            content.wrap(((item, ""),), 0, self.bullet)
        top, side, bottom = (("+", "-", "+"), "|", ("+", "-", "+")) if self.ascii else \
            (("╭", "─", "╮"), "│", ("╰", "─", "╯"))
        pad = " " * indent
        self.lines.append(((pad + top[0] + top[1] * (inner + 2) + top[2], "red"),))
        for line in content.lines:
            runs = ((line, ""),) if isinstance(line, str) else line
            filler = " " * max(inner - cells(plain(runs)), 0)
            self.lines.append(((pad, ""), (side + " ", "red"), *runs, (filler, ""),
                               (" " + side, "red")))
        self.lines.append(((pad + bottom[0] + bottom[1] * (inner + 2) + bottom[2], "red"),))

    def chart(self, block: Chart, indent: int) -> None:
        """The chart in characters, then its table, if it has one."""
        from acuinfo.render.chart import text_lines

        pad = " " * indent
        self.lines.extend(pad + line for line in text_lines(block, self.width - indent,
                                                            self.ascii))
        if block.table is not None:
            self.lines.append(BLANK)
            self.table(block.table, indent)

    def table(self, block: Table, indent: int) -> None:
        """One line per row with the columns lined up, when every cell fits whole;
        otherwise each row as a small block (the other columns on one line, the last
        wrapped beneath them), so that nothing is ever cut short."""
        width = self.width - indent
        if any(not cell for row in block.rows for cell in row):  # a form: lines to write on
            block = block._replace(rows=[[cell or BLANK_CELL for cell in row]
                                         for row in block.rows])
        columns = [[row[i] for row in block.rows] for i in range(len(block.columns))]
        plain_ascii = ["".join(column).isascii() for column in columns]
        widths = [max(cells(heading), _widest(column, ascii_only))
                  for heading, column, ascii_only
                  in zip(block.columns, columns, plain_ascii, strict=True)]
        if sum(widths) + 2 * (len(widths) - 1) > width:
            if len(block.columns) > WIDE_TABLE and len(block.rows) <= 2 and _turns(block, width):
                self.turned_table(block, indent)
            elif len(widths) > 3 and sum(widths[:-1]) + 2 * (len(widths) - 1) <= width:
                self.table_last_beneath(block, widths[:-1], indent)
            else:
                self.table_blocks(block.rows, indent)
            return
        pad = " " * indent
        self.lines.append(((self.row(block.columns, widths[:-1], pad), "bold"),))
        # Lists run to thousands of rows, so the cells are padded a column at a time. In
        # plain ASCII, the common case, one character takes one column, so one format per
        # row pads them.
        if all(plain_ascii):
            line = pad + "".join(f"%-{size}s  " for size in widths[:-1]) + "%s"
            self.lines.extend([line % tuple(row) for row in block.rows])
            return
        padded = [[self.cell(text, size) for text in column]
                  for column, size in zip(columns, widths[:-1], strict=False)]
        self.lines.extend([pad + "  ".join(parts)
                           for parts in zip(*padded, columns[-1], strict=True)])

    def turned_table(self, block: Table, indent: int) -> None:
        """A wide table of a row or two, turned so that each of its columns is a line
        under headings wrapped to fit: a first score and the score worth noticing then
        still read across one line, and no heading is lost."""
        headings = [block.columns[0], *(row[0] for row in block.rows)]
        rows = [[block.columns[n], *(row[n] for row in block.rows)]
                for n in range(1, len(block.columns))]
        room = max(self.width - indent - 2 * (len(headings) - 1), MIN_WIDTH)
        share = room // len(headings)  # each cell fits in it (see _turns)
        widths = [max(max(cells(row[n]) for row in rows), min(cells(heading), share))
                  for n, heading in enumerate(headings)]
        for n, heading in enumerate(headings):  # the room left goes to headings that wrap
            widths[n] = max(widths[n], min(cells(heading), widths[n] + room - sum(widths)))
        wrapped = [[plain(line) for line in wrap(((heading, ""),), size)]
                   for heading, size in zip(headings, widths, strict=True)]
        pad = " " * indent
        for depth in range(max(map(len, wrapped))):
            texts = [lines[depth] if depth < len(lines) else "" for lines in wrapped]
            self.lines.append(((self.row(texts, widths[:-1], pad).rstrip(), "bold"),))
        self.lines.extend([self.row(row, widths[:-1], pad).rstrip() for row in rows])

    def table_last_beneath(self, block: Table, widths: list[int], indent: int) -> None:
        """A table whose last column does not fit beside the others (a journal's notes):
        the others lined up under their headings, and each row's last cell wrapped beneath
        its row, as the last heading is beneath the others."""
        pad = " " * indent
        self.lines.append(((self.row([*block.columns[:-1], ""], widths, pad).rstrip(), "bold"),))
        if block.columns[-1]:
            self.wrap(((block.columns[-1], "bold"),), indent + INDENT)
        for row in block.rows:
            self.lines.append(self.row([*row[:-1], ""], widths, pad).rstrip())
            self.wrap(((row[-1], ""),), indent + INDENT)

    def table_blocks(self, rows: list[list[str]], indent: int) -> None:
        """Each row as a block: its first column in bold with the others after it, then
        its last column wrapped beneath, indented."""
        # Lists run to thousands of rows: a line of printable ASCII that fits is taken as
        # it is, and a longer one is broken by string searches alone (see wrap.py).
        head_width = self.width - indent
        body_width = max(head_width - INDENT, MIN_WIDTH)
        pad, body_pad = " " * indent, " " * (indent + INDENT)
        lines, styled = self.lines, self.styled
        for row in rows:
            first, last = row[0], row[-1]
            rest = "  " + "  ".join(row[1:-1]) if len(row) > 2 else ""
            if len(first) + len(rest) <= head_width and (first + rest).isascii():
                lines.append(((pad, ""), (first, "bold"), (rest, "")) if styled
                             else pad + first + rest)
            else:
                self.wrap(((first, "bold"), (rest, "")), indent)
            if not (last.isascii() and last.isprintable()):
                self.wrap(((last, ""),), indent + INDENT)
            elif len(last) <= body_width:
                lines.append(body_pad + last)
            else:
                lines.extend([body_pad + last[start:end]
                              for start, end in ascii_breaks(last, body_width)])

    def cell(self, text: str, width: int) -> str:
        """``text`` cut or padded to exactly ``width`` columns."""
        size = cells(text)
        if size > width:
            text, size = fit(text, width, self.ellipsis), width
        return text + " " * (width - size)

    def row(self, row: list[str], widths: list[int], pad: str) -> str:
        """One table row as one line, every column but the last padded to its width."""
        fixed = [self.cell(text, cell_width) for text, cell_width in zip(row, widths, strict=False)]
        return pad + "  ".join([*fixed, row[-1]])

    # -- helpers --------------------------------------------------------------------

    def wrap(self, runs: Runs, indent: int = 0, first: str = "") -> None:
        """Add ``runs`` wrapped to the width, ``first`` before its first line and as many
        spaces before the others, so lists hang."""
        hang = len(first)  # a number, spaces or the bullet: one column a character
        width = max(self.width - indent - hang, MIN_WIDTH)
        for number, line in enumerate(wrap(runs, width)):
            prefix = " " * indent + (first if number == 0 else " " * hang)
            self.lines.append(((prefix, ""), *line) if prefix else line)


def _turns(block: Table, width: int) -> bool:
    """Whether a wide table of a row or two fits turned: each of its columns becomes a
    line, and every cell of a line must fit in its share of the width (a look-up of
    scores does; a journal's one entry and its note does not)."""
    share = (width - 2 * len(block.rows)) // (len(block.rows) + 1)
    return all(cells(cell) <= share for row in [block.columns, *block.rows] for cell in row[1:])


def _widest(column: list[str], ascii_only: bool) -> int:
    return max(map(len if ascii_only else cells, column), default=0)
