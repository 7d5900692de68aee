"""Wrapping styled text to a width in terminal columns.

Text here is a tuple of runs, ``(text, style)`` pairs, so a line can hold a
bold title and a dim note. Rich's ``Text.wrap`` does the same job, but through
span bookkeeping that costs about ten times as long, and every command pays for
it on every run; ``textwrap`` counts characters, not columns, so it misjudges
Chinese, Japanese and Korean text. Widths come from ``rich.cells``, so a wide
character takes two columns here as it does on screen; plain ASCII, one column
a character, never loads its tables (a few milliseconds).

A web address or a path is never broken inside: it goes on a line of its own,
whole, even if that runs past the width, so that it can be copied. Any other
word longer than a line is folded.
"""

from __future__ import annotations

import re
from functools import cache
from types import ModuleType

Runs = tuple[tuple[str, str], ...]  # (text, style); style "" is none

_WORD = re.compile(r"\S+")


# The bullet and the ellipsis the terminal layout draws: one column each, as Rich counts.
_OWN_MARKS = str.maketrans("", "", "\u2022\u2026")


# Characters that are one column wide, as Rich counts them: quotation marks, dashes,
# bullets, the box drawing; and those of Chinese text that are two: the common
# ideographs, the CJK punctuation and the full-width forms.
_NARROW = re.compile("[\u2010-\u2027\u2500-\u257f]")
_WIDE = re.compile("[\u3001-\u3029\u3030-\u303e\u4e00-\u9fff\uff01-\uff60]")


def cells(text: str) -> int:
    """Columns ``text`` takes on screen. Plain ASCII, and Latin letters with accents
    (Spanish), are one each; common Chinese characters and punctuation, two: the quick
    cases, which need no width tables. Anything else asks Rich."""
    if text.isascii():
        return len(text)
    own = text.translate(_OWN_MARKS)
    if own.isascii() or max(own) < "\u0300":
        return len(text)
    wide = len(_WIDE.findall(own))
    if max(_NARROW.sub("", _WIDE.sub("", own)) or " ") < "\u0300":
        return len(text) + wide
    return _rich_cells().cell_len(text)


@cache
def _rich_cells() -> ModuleType:
    import rich.cells

    return rich.cells


def plain(runs: Runs) -> str:
    return "".join(text for text, _ in runs)


def wrap(runs: Runs, width: int) -> list[Runs]:
    """``runs`` broken into lines of at most ``width`` columns: at spaces where it can,
    inside a word longer than a line where it must (never inside a web address or a
    path), and at every newline. Spaces around a break are dropped."""
    text = plain(runs)
    width = max(width, 1)
    if "\n" not in text and cells(text) <= width:
        return [runs]
    if text.isprintable() and (text.isascii() or cells(text) == len(text)):
        # one column a character and no space but " ": plain English, as in a list of
        # thousands, and Spanish, its accents included
        breaks = ascii_breaks(text, width)
    else:
        breaks = _breaks(text, width)
    if len(runs) == 1:
        line, style = runs[0]
        return [((line[start:end], style),) for start, end in breaks]
    return [_slice(runs, start, end) for start, end in breaks]


def unbreakable(word: str) -> bool:
    """A web address or a path, which must stay whole to be copied."""
    return "/" in word or "\\" in word


def ascii_breaks(text: str, width: int) -> list[tuple[int, int]]:
    """The same breaks as ``_breaks``, for one line of printable text of one column a
    character (whose only spaces are " "), found with string searches rather than word
    by word: several times as quick."""
    length = len(text.rstrip(" "))
    position = len(text) - len(text.lstrip(" "))
    if position >= length:
        return [(0, 0)]
    lines = []
    while position < length:
        if length - position <= width:
            lines.append((position, length))
            break
        cut = text.rfind(" ", position, position + width + 1)
        if cut > position:  # a line of whole words
            lines.append((position, len(text[:cut].rstrip(" "))))
            position = cut
        else:  # the first word is longer than a line
            word_end = text.find(" ", position, length)
            word_end = length if word_end < 0 else word_end
            if unbreakable(text[position:word_end]):
                lines.append((position, word_end))
                position = word_end
            else:
                lines.append((position, position + width))
                position += width
        while position < length and text[position] == " ":
            position += 1
    return lines


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
            if size <= width or unbreakable(word.group()):
                start, end, used = word_start, word_end, size
                continue
            pieces = _chop(word.group(), width)  # longer than a line: fold it
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


def _chop(word: str, width: int) -> list[str]:
    """``word`` in pieces of at most ``width`` columns (Chinese has no spaces: a sentence
    is one such word)."""
    if word.isascii():
        return [word[start:start + width] for start in range(0, len(word), width)]
    if cells(word) == len(word) + len(_WIDE.findall(word)) and not _needs_rich(word):
        pieces, piece, used = [], "", 0
        for char in word:
            size = 2 if _WIDE.match(char) else 1
            if used + size > width and piece:
                pieces.append(piece)
                piece, used = "", 0
            piece += char
            used += size
        return [*pieces, piece] if piece else pieces
    return _rich_cells().chop_cells(word, width)


def _needs_rich(text: str) -> bool:
    """Whether ``text`` holds a character whose width only Rich's tables know."""
    own = text.translate(_OWN_MARKS)
    return max(_NARROW.sub("", _WIDE.sub("", own)) or " ") >= "\u0300"


def fit(text: str, width: int, ellipsis: str) -> str:
    """``text`` cut to ``width`` columns, ending in ``ellipsis`` if anything was cut.
    The ellipsis ("..." or "…") takes one column a character."""
    if text.isascii():
        return text if len(text) <= width else text[:max(width - len(ellipsis), 0)] + ellipsis
    if cells(text) <= width:
        return text
    return _rich_cells().set_cell_size(text, max(width - len(ellipsis), 0)) + ellipsis
