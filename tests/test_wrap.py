"""Wrapping styled runs of text to a width in terminal columns."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from acuinfo.render.wrap import cells, fit, plain, unbreakable, wrap


def lines_of(text: str, width: int, style: str = "") -> list[str]:
    return [plain(line) for line in wrap(((text, style),), width)]


def test_breaks_at_spaces_and_drops_them():
    assert lines_of("one two three four", 9) == ["one two", "three", "four"]


def test_short_text_is_one_line_as_it_is():
    runs = (("Neck pain", "bold"), (" (often)", "italic"))
    assert wrap(runs, 40) == [runs]


def test_styles_follow_their_words_across_lines():
    runs = (("Open with: ", "dim"), ("acuinfo condition neck-pain", "bold"))
    assert wrap(runs, 18) == [(("Open with: ", "dim"), ("acuinfo", "bold")),
                              (("condition", "bold"),), (("neck-pain", "bold"),)]


def test_a_word_longer_than_the_line_is_folded():
    assert lines_of("see supercalifragilisticexpialidocious here", 12) == [
        "see", "supercalifra", "gilisticexpi", "alidocious", "here"]


def test_a_web_address_or_a_path_is_never_broken():
    """They go on a line of their own, whole, to be copied, even past the width."""
    assert lines_of("see https://example.org/a/very/long/path here", 12) == [
        "see", "https://example.org/a/very/long/path", "here"]
    assert lines_of("From: /home/clinic/acuinfo/conditions/neck-pain.yaml", 20) == [
        "From:", "/home/clinic/acuinfo/conditions/neck-pain.yaml"]


@given(st.text(st.sampled_from("ab /xy-áñ¿ü"), max_size=40),
       st.integers(min_value=1, max_value=14))
def test_the_quick_wrap_breaks_as_the_general_one_does(text, width):
    """For English, and for Spanish with its accents: one column a character."""
    from acuinfo.render.wrap import _breaks, ascii_breaks

    assert ascii_breaks(text, width) == _breaks(text, width)


def test_a_no_break_space_holds_a_number_together():
    """Spanish groups the digits of 229 000 with a no-break space: never a line ending
    between 229 and 000, at any width it fits in."""
    text = "en un estudio con más de 229\u00a0000 pacientes y 20\u202f827 personas"
    for width in range(len("229 000"), len(text) + 2):
        lines = lines_of(text, width)
        assert all(not line.endswith(("229", "20")) for line in lines), (width, lines)
    assert lines_of("más de 229\u00a0000 pacientes", 12) == ["más de", "229\u00a0000", "pacientes"]


def test_newlines_always_break_and_blank_lines_stay():
    assert lines_of("first\n\nsecond", 40) == ["first", "", "second"]


def test_wide_characters_take_two_columns():
    assert lines_of("针灸 针灸 针灸", 9) == ["针灸 针灸", "针灸"]
    assert cells("针灸") == 4


def test_fit_cuts_with_an_ellipsis_only_when_needed():
    assert fit("Pinched nerve in the neck", 12, "...") == "Pinched n..."
    assert fit("Neck pain", 12, "...") == "Neck pain"
    assert cell_len(fit("针灸针灸针灸", 7, "…")) <= 7


words = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zs", "Zl", "Zp",
                                                                    "Mn", "Me", "Cf")),
                min_size=1, max_size=15)


@given(st.lists(words, max_size=30), st.integers(min_value=2, max_value=60))
def test_every_line_fits_and_no_word_is_lost(parts, width):
    text = " ".join(parts)
    lines = lines_of(text, width)
    assert all(cell_len(line) <= width or unbreakable(line) for line in lines)
    assert "".join("".join(lines).split()) == "".join(text.split())


def test_the_layouts_own_marks_count_as_rich_counts_them():
    for text in ("\u2022 a point", "cut\u2026", "\u2022 caf\u00e9 \u2026", "\u2022 \u9488"):
        assert cells(text) == cell_len(text)


ascii_words = st.lists(st.text(st.characters(min_codepoint=33, max_codepoint=126,
                                             exclude_characters="/\\"), min_size=1,
                               max_size=12), max_size=30)


@given(ascii_words, st.integers(min_value=12, max_value=80))
def test_breaks_where_rich_would(parts, width):
    """The wrapper stands in for Rich's Text.wrap to save its cost on every command; for
    words that fit a line, it must break exactly where Rich breaks."""
    import io

    from rich.console import Console
    from rich.text import Text

    text = " ".join(parts)
    console = Console(width=200, file=io.StringIO())
    theirs = [line.plain.rstrip() for line in Text(text).wrap(console, width)]
    assert lines_of(text, width) == (theirs or [""])


def test_quick_widths_are_richs_own():
    """Latin letters with accents, and the Chinese characters counted without Rich's
    tables, take the columns Rich gives them."""
    samples = ["".join(chr(code) for code in range(start, end))
               for start, end in ((0xA0, 0x300), (0x3001, 0x303F), (0x4E00, 0x9FFF),
                                  (0xFF01, 0xFF61), (0x2010, 0x2028), (0x2500, 0x2580))]
    samples += ["Dolor de cuello: ¿qué es?", "颈痛\uff0c也叫\u201c脖子疼\u201d\u3002",
                "• ciática…", "PEG 评分\uff1a6"]
    for text in samples:
        assert cells(text) == cell_len(text), text[:20]


CHINESE = "颈痛是指从后脑底部到肩膀上方之间任何部位的疼痛\uff0c\u3002\u201c\u201dabc 39%"


@given(st.text(alphabet=CHINESE, min_size=1, max_size=80), st.integers(min_value=2,
                                                                        max_value=30))
def test_chinese_is_folded_into_lines_that_fit(text, width):
    """Every piece fits in its columns, as Rich counts them, none is empty and nothing is
    lost; and a piece ends where a line may not end only if no place in it allowed one."""
    from acuinfo.render.wrap import _chop, _may_break

    pieces = _chop(text, width)
    assert "".join(pieces) == text
    assert all(piece and (cell_len(piece) <= width or len(piece) == 1) for piece in pieces)
    for piece, after in itertools.pairwise(pieces):
        if not _may_break(piece[-1], after[0]):
            assert not any(_may_break(piece[n - 1], piece[n]) for n in range(1, len(piece)))


@pytest.mark.parametrize("text, whole", [
    ("在一项研究中\uff0c每100人中只有39人会这样\uff0c每100人中有约15%的人会好转\u3002",
     ["100", "39", "15%"]),
    ("在德国一项有超过229,000名患者参加的研究中\uff0c每100人中约有9人说有副作用\u3002",
     ["229,000"]),
    ("英国的国家卫生与临床优化研究所\uff08NICE\uff09建议这样做\u3002", ["\uff08NICE\uff09"]),
    ("一项研究中约有229\u00a0000名患者参加了这项研究\u3002", ["229\u00a0000"]),
    ("如需紧急帮助的信号\uff0c请运行\u201cacuinfo red-flags\u201d\u3002",
     ["\u201cacuinfo", "red-flags\u201d\u3002"]),
])
def test_chinese_lines_keep_numbers_words_and_marks_whole(text, whole):
    """A number, a Latin word or a command inside a Chinese sentence is never split over
    two lines (3 and 9 on two lines reads as 3, not 39), no line starts with a comma,
    a full stop or a closing mark, and none ends with an opening one."""
    for width in range(14, 41):
        lines = lines_of(text, width)
        assert "".join(lines).replace(" ", "") == text.replace(" ", ""), width
        for part in whole:
            assert any(part in line for line in lines), (width, part, lines)
        assert not any(line[0] in "\uff0c\u3002\uff09\u201d" for line in lines[1:]), lines
        assert not any(line[-1] in "\uff08\u201c" for line in lines), (width, lines)
