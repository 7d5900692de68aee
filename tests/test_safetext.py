"""Text from knowledge files and names reaches the screen without anything that could
steer a terminal or disguise itself."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from acuinfo.base.safetext import clean_text

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")


def test_escape_sequences_and_direction_overrides_go_whole():
    assert clean_text("red \x1b[31mflag\x1b[0m") == "red flag"
    assert clean_text("\x1b]8;;https://evil.example\x07link\x1b]8;;\x07") == "link"
    assert clean_text("abc\u202edcba") == "abcdcba"
    assert clean_text("line one\nline\ttwo") == "line one\nline\ttwo"


@given(st.text())
def test_nothing_unsafe_is_left_and_printable_text_is_untouched(text):
    cleaned = clean_text(text)
    assert UNSAFE.search(cleaned) is None
    if text.isprintable():
        assert cleaned is text


def test_every_direction_mark_and_line_separator_goes():
    for char in "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069" \
                "\u2028\u2029":
        assert clean_text(f"a{char}b") == "ab", repr(char)


def test_shown_names_keep_every_byte_and_stay_on_one_line():
    import os

    from acuinfo.base.safetext import shown_name

    assert shown_name("plain name.yaml") == "plain name.yaml"
    assert shown_name("fake\nline\tx") == "fake\\nline\\tx"
    assert shown_name(os.fsdecode(b"caf\xe9.yaml")) == "caf\\xe9.yaml"
    assert shown_name("a\x1b[2Jb\u202ec") == "a\\x1b[2Jb\\u202ec"
