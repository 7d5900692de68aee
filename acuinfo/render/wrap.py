"""Wrapping styled text to a width in terminal columns.

Text here is a tuple of runs, ``(text, style)`` pairs, so a line can hold a
bold title and a dim note. Rich's ``Text.wrap`` does the same job, but through
span bookkeeping that costs about ten times as long, and every command pays for
it on every run; ``textwrap`` counts characters, not columns, so it misjudges
Chinese, Japanese and Korean text. Widths come from ``rich.cells``, so a wide
character takes two columns here as it does on screen.
"""

from __future__ import annotations

import re

from rich.cells import cell_len, chop_cells, set_cell_size

Runs = tuple[tuple[str, str], ...]  # (text, style); style "" is none

_WORD = re.compile(r"\S+")


def cells(text: str) -> int:
    """Columns ``text`` takes on screen; plain ASCII is one each, the common quick case."""
    return len(text) if text.isascii() else cell_len(text)


def plain(runs: Runs) -> str:
    return "".join(text for text, _ in runs)


def wrap(runs: Runs, width: int) -> list[Runs]:
    """``runs`` broken into lines of at most ``width`` columns: at spaces where it can,
    inside a word longer than a line where it must, and at every newline. Spaces
    around a break are dropped."""
    text = plain(runs)
    width = max(width, 1)
    if "\n" not in text and cells(text) <= width:
        return [runs]
    return [_slice(runs, start, end) for start, end in _breaks(text, width)]


def _breaks(text: str, width: int) -> list[tuple[int, int]]:
    """(start, end) offsets of each line of ``text``."""
    lines: list[tuple[int, int]] = []
    offset = 0
    for paragraph in text.split("\n"):
        start = end = used = -1  # the current line: no word yet
        for word in _WORD.finditer(paragraph):
            word_start, word_end = word.span()
            size = cells(word.group())
            gap = word_start - end if used >= 0 else 0
            if used >= 0 and used + gap + size <= width:
                end, used = word_end, used + gap + size
                continue
            if used >= 0:
                lines.append((offset + start, offset + end))
            if size <= width:
                start, end, used = word_start, word_end, size
                continue
            pieces = chop_cells(word.group(), width)  # longer than a line: fold it
            for piece in pieces[:-1]:
                lines.append((offset + word_start, offset + word_start + len(piece)))
                word_start += len(piece)
            start, end, used = word_start, word_end, cells(pieces[-1])
        lines.append((offset + start, offset + end) if used >= 0 else (offset, offset))
        offset += len(paragraph) + 1
    return lines


def _slice(runs: Runs, start: int, end: int) -> Runs:
    """The part of ``runs`` between two offsets of their joined text."""
    kept = []
    position = 0
    for text, style in runs:
        after = position + len(text)
        if after > start and position < end:
            kept.append((text[max(start - position, 0):end - position], style))
        position = after
    return tuple(kept)


def fit(text: str, width: int, ellipsis: str) -> str:
    """``text`` cut to ``width`` columns, ending in ``ellipsis`` if anything was cut."""
    if cells(text) <= width:
        return text
    return set_cell_size(text, max(width - cells(ellipsis), 0)) + ellipsis
