"""Text from knowledge files and names reaches the screen without anything that could
steer a terminal or disguise itself."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from acuinfo.safetext import clean_text

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


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
