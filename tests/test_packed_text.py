"""The text of the index's entries, kept compressed: it must come back as it went in,
and anything else in its place must be an error, never other text."""

from __future__ import annotations

import sqlite3
import zlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from acuinfo.base.languages import ENGLISH
from acuinfo.base.words import normal_form
from acuinfo.finding import index_rows
from acuinfo.finding.entries import IndexEntry
from acuinfo.finding.packed_text import (
    LEAST_PACKED,
    MAX_TEXT_BYTES,
    kept,
    packed,
    prepare,
    unpacked,
)


@given(st.text())
def test_any_text_comes_back_as_it_went_in(text):
    assert unpacked(packed(text)) == text


@given(st.text(), st.text())
def test_any_text_comes_back_beside_any_summary(text, summary):
    assert unpacked(kept(text, summary), summary) == text


def test_a_text_that_is_its_summary_is_not_kept_twice():
    summary = "Rest a little before the pain builds up."
    assert kept(summary, summary) is None
    assert unpacked(None, summary) == summary
    ligature = "A \ufb01ne walk helps."  # NFKC would make "fine" of the ligature
    assert kept(normal_form(ligature), ligature) == normal_form(ligature) != ligature


@given(st.text(min_size=1).map(lambda words: (words + " ") * 200))
def test_a_long_text_that_repeats_is_kept_compressed(text):
    stored = packed(text)
    assert type(stored) is bytes and len(stored) * 4 <= len(text.encode("utf-8")) * 3


def test_a_short_text_or_one_that_does_not_shrink_is_kept_as_it_is():
    short = "a" * (LEAST_PACKED - 1)
    assert packed(short) is short
    unlike = "".join(chr(0x4E00 + (n * 7919) % 20000) for n in range(400))  # Han, no repeats
    assert packed(unlike) == unlike


@pytest.mark.parametrize("value", [
    None, 5, 1.5,  # never made by packed
    b"", b"not compressed at all",
    zlib.compress(b"\xff\xfe not utf-8"),
    zlib.compress(b"text")[:-3],  # cut short
    zlib.compress(b"text") + b"more",  # something after the end
    zlib.compress(b"0" * (MAX_TEXT_BYTES + 1)),  # far longer than any text acuinfo keeps
])
def test_anything_packed_could_not_have_made_is_an_error(value):
    with pytest.raises(ValueError):
        unpacked(value)


def test_the_text_is_read_where_sqlite_trusts_no_schema_by_default():
    """Some builds of SQLite refuse a function that a view calls unless it is marked
    harmless, which Python cannot do; a connection made ready still reads the text
    through the index's own view, packed, or taken from the summary."""
    connection = sqlite3.connect(":memory:")
    connection.execute("PRAGMA trusted_schema = OFF")  # as such a build starts
    prepare(connection)
    index_rows.create(connection, ENGLISH)
    long_text = "words that repeat " * 100
    entries = [IndexEntry("tip", "rest", "Rest", "acuinfo tips", "Rest a little first.",
                          ["Rest"], [], "Rest a little first."),
               IndexEntry("page", "safety", "Safety", "acuinfo safety", "Who should take care.",
                          ["Safety"], [], long_text)]
    index_rows.add_entries(connection, entries, 1, ENGLISH)
    kinds = connection.execute("SELECT typeof(body) FROM texts ORDER BY id").fetchall()
    assert kinds == [("null",), ("blob",)]
    assert connection.execute("SELECT body FROM words_text ORDER BY id").fetchall() == [
        ("Rest a little first.",), (long_text,)]
    snippets = connection.execute("SELECT rowid, snippet(words, 0, '[', ']', '', 3)"
                                  " FROM words WHERE words MATCH 'rest OR repeat'"
                                  " ORDER BY rowid").fetchall()
    assert snippets == [(1, "[Rest] a little"), (2, "words that [repeat]")]
