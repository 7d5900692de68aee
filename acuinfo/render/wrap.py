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

# A no-break space (U+00A0 or U+202F, as between the groups of digits of a Spanish
# 229 000) joins where other spaces part.
_WORD = re.compile(r"(?:\S|[\u00a0\u202f])+")


# Widths known without Rich's tables, told apart by the high byte of each character's
# UTF-16 code (all C-level work, where a regular expression over the ideographs costs
# a millisecond and a half to compile in every process). One column: Latin, accents
# included (below the combining marks at U+0300), and in blocks 0x20 and 0x25 the
# dashes, quotation marks, bullet and ellipsis and the box drawing. Two: the CJK
# punctuation (block 0x30), the common ideographs (0x4E-0x9F) and the full-width
# forms (0xFF). ``_ODD`` holds the characters of those mixed blocks that are neither.
_WIDE_BLOCKS = bytes([0x30, *range(0x4E, 0xA0), 0xFF])
_NOT_WIDE_BLOCKS = bytes(sorted(set(range(256)) - set(_WIDE_BLOCKS)))
_KNOWN_BLOCKS = bytes([0x00, 0x01, 0x02, 0x20, 0x25]) + _WIDE_BLOCKS
_ODD = re.compile("[\u2000-\u200f\u2028-\u20ff\u2580-\u25ff\u3000\u302a-\u302f"
                  "\u303f-\u30ff\uff00\uff61-\uffff]")


def cells(text: str) -> int:
    """Columns ``text`` takes on screen. Plain ASCII, and Latin letters with accents
    (Spanish), are one each; common Chinese characters and punctuation, two: the quick
    cases, which need no width tables. Anything else asks Rich."""
    if text.isascii():
        return len(text)
    quick = _quick_cells(text)
    return _rich_cells().cell_len(text) if quick is None else quick


def _quick_cells(text: str) -> int | None:
    """The columns of ``text`` if every character in it is one of the quick cases,
    else None."""
    blocks = text.encode("utf-16-be", "surrogatepass")[::2]
    if blocks.translate(None, _KNOWN_BLOCKS) or _ODD.search(text):
        return None
    return len(text) + len(blocks.translate(None, _NOT_WIDE_BLOCKS))


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
    size = cells(text)
    if "\n" not in text and size <= width:
        return [runs]
    if size == len(text) and text.isprintable():
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


# Where a line may not start or end (after Chinese and Japanese typesetting's own rules,
# and Unicode's line breaking): before a closing mark or a comma or full stop, and after
# an opening mark. Between two ASCII characters it may not break either, so that a
# number (229,000, 15%), a Latin word (NICE) or a command (acuinfo) inside a Chinese
# sentence stays whole: "3" and "9人" on two lines would read as 3, not 39.
# The ideographic comma and full stop, the full-width , . : ; ? ! ) and %, closing
# brackets and quotation marks, the ellipses, the middle dot, the long-vowel and
# repetition marks, and their ASCII kin; and opening brackets and quotation marks.
_NO_LINE_START = frozenset("\u3001\u3002\uff0c\uff0e\uff1a\uff1b\uff1f\uff01\uff09"
                           "\u300d\u300f\u3011\u3015\u3009\u300b"
                           "\u201d\u2019\u2026\u2025\u00b7\u30fc\u3005\uff05,.:;?!)]}%")
_NO_LINE_END = frozenset("\uff08\u300c\u300e\u3010\u3014\u3008\u300a\u201c\u2018([{")
_NO_BREAK_SPACES = frozenset("\u00a0\u202f")
_BLOCK_CELLS = bytes(2 if block in _WIDE_BLOCKS else 1 for block in range(256))


def _chop(word: str, width: int) -> list[str]:
    """``word`` in pieces of at most ``width`` columns (Chinese has no spaces: a sentence
    is one such word), each as long as it can be. Text with wide characters is broken
    where a line may break (see ``_NO_LINE_START``), and where it cannot (a run of
    ASCII longer than a line), at the width."""
    sizes = b"" if word.isascii() else _cells_each(word)
    if 2 not in sizes and 0 not in sizes:  # one column a character: Latin text, cut anywhere
        return [word[start:start + width] for start in range(0, len(word), width)]
    pieces = []
    start, length = 0, len(word)
    while start < length:
        end, used = start, 0
        while end < length and used + sizes[end] <= width:
            used += sizes[end]
            end += 1
        if end >= length:
            pieces.append(word[start:])
            break
        if end == start:  # a wide character in a one-column line goes alone
            end += 1
        else:
            cut = end
            while cut > start and not _may_break(word[cut - 1], word[cut]):
                cut -= 1
            end = cut if cut > start else end
        pieces.append(word[start:end])
        start = end
    return pieces


def _may_break(before: str, after: str) -> bool:
    """Whether a line may end between two characters of a word with no spaces."""
    if after in _NO_LINE_START or before in _NO_LINE_END or _NO_BREAK_SPACES & {before, after}:
        return False
    return not (before.isascii() and after.isascii())


def _cells_each(word: str) -> bytes | list[int]:
    """The columns of each character of ``word``: from the high bytes of their UTF-16
    codes, as ``cells`` counts them, when it can; else as Rich counts them."""
    blocks = word.encode("utf-16-be", "surrogatepass")[::2]
    if len(blocks) == len(word) and not blocks.translate(None, _KNOWN_BLOCKS) and (
            not _ODD.search(word)):
        return blocks.translate(_BLOCK_CELLS)
    size = _rich_cells().get_character_cell_size
    return [size(char) for char in word]


def fit(text: str, width: int, ellipsis: str) -> str:
    """``text`` cut to ``width`` columns, ending in ``ellipsis`` if anything was cut.
    The ellipsis ("..." or "…") takes one column a character."""
    if text.isascii():
        return text if len(text) <= width else text[:max(width - len(ellipsis), 0)] + ellipsis
    if cells(text) <= width:
        return text
    return _rich_cells().set_cell_size(text, max(width - len(ellipsis), 0)) + ellipsis
