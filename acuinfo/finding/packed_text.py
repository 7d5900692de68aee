"""How the index keeps the text of its entries: compressed, so that the cache is not
much larger than the folder it indexes.

Search needs each entry's text twice: FTS5's inverted index of its words, and the text
itself, to cut a snippet for a shown hit and to take an entry's words out of the index
when it changes (SQLite 3.40 cannot delete from a table that keeps no text). FTS5's
own copy of the text is plain, and was half of an index over 100,000 conditions. So
``words`` reads its text from the view ``words_text`` instead (an *external content*
table), which unpacks the rows of ``texts``, kept with zlib (built into Python)
where that saves a quarter or more. The text of most tips and terms in English is their
summary as it is, which ``entries`` keeps already: there ``texts`` keeps nothing
(NULL), and the view takes the summary. Only a text that is the summary itself is left
out: one remade from it (in Unicode's normal form, say) would depend on the Unicode
tables of the Python that reads it. Every connection that may read the text (snippets,
deletes) registers ``unpacked`` first (``prepare``). A row that cannot be unpacked is
an SQLite error, as any damage to the index is, and the index is built again.
"""

from __future__ import annotations

import sqlite3
import zlib

LEAST_PACKED = 256  # bytes: a shorter text is kept as it is
MAX_TEXT_BYTES = 32 * 1024 * 1024  # far more than any knowledge file's text


def packed(text: str) -> str | bytes:
    """``text`` as ``texts`` keeps it: the UTF-8 of it compressed, if that is a quarter
    smaller or more, else the text itself."""
    raw = text.encode("utf-8")
    if len(raw) < LEAST_PACKED:
        return text
    small = zlib.compress(raw, 4)  # as small as the default (6) within 1%, and quicker
    return small if len(small) * 4 <= len(raw) * 3 else text


def kept(text: str, summary: str) -> str | bytes | None:
    """``text`` as ``texts`` keeps it for an entry with ``summary``: nothing when it is
    the summary (see ``unpacked``), else ``packed``."""
    return None if text == summary else packed(text)


def unpacked(value: object, summary: object = None) -> str:
    """The text that ``kept`` kept as ``value`` for an entry with ``summary``. Raises
    ValueError for anything it cannot have made: SQLite reports it as an error, and the
    index is rebuilt."""
    if type(value) is str:
        return value
    if value is None and type(summary) is str:
        return summary
    if type(value) is not bytes:
        raise ValueError("an entry's text in the index is neither text nor packed text")
    unpacker = zlib.decompressobj()
    try:
        raw = unpacker.decompress(value, MAX_TEXT_BYTES)
    except zlib.error as error:
        raise ValueError("an entry's packed text in the index is damaged") from error
    if unpacker.unconsumed_tail or unpacker.unused_data or not unpacker.eof:
        raise ValueError("an entry's packed text in the index is damaged or too long")
    return raw.decode("utf-8")


def prepare(connection: sqlite3.Connection) -> sqlite3.Connection:
    """``connection``, able to read the text of the index's entries."""
    connection.create_function("unpacked", 2, unpacked, deterministic=True)
    # A SQLite built not to trust the functions a schema's views call would refuse it:
    # Python cannot mark it harmless. The schema is acuinfo's own, in a private folder.
    connection.execute("PRAGMA trusted_schema = ON")
    return connection
