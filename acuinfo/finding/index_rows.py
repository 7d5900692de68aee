"""What an index file holds, and how its rows go in and come out.

Both a first build (``acuinfo.finding.index``) and an update in place
(``acuinfo.finding.index_update``) write rows the same way, through this module, so an
updated index holds what one built from scratch would. A condition's rows (its entry,
its names, its words, its problems, its draft) carry its *unit*, the name of its file
(``neck-pain.yaml``): the file that decides it in the first folder that holds that
name, in any language. Every file in a conditions folder has a stamp (size, times and
inode) kept too, so that an update can tell which units changed.
"""

from __future__ import annotations

import binascii
import marshal
import os
import sqlite3
from collections.abc import Collection, Iterable
from pathlib import Path

from acuinfo import __version__
from acuinfo.base.errors import Problem
from acuinfo.base.integrity import DamagedCache, checksum, verified
from acuinfo.base.words import normal_form, phrase_key
from acuinfo.finding import analysis, cache_files
from acuinfo.finding.entries import TOKENIZER, IndexEntry, record_unit
from acuinfo.finding.freshness import Signature, Stamp
from acuinfo.finding.packed_text import kept
from acuinfo.finding.ranking import key_of
from acuinfo.knowledge import records
from acuinfo.knowledge.folders import ADDITION_FOLDERS, ENTRY_FOLDERS, Folder
from acuinfo.knowledge.loading import Knowledge

ANALYSED_TOKENIZER = "unicode61 remove_diacritics 2"  # words already cut and stemmed
# Raise when the tables below or the way the file is written change. It is part of the
# file's name too: an acuinfo that read the index as a file never written in place
# (format 13 and before) and one that updates it in place keep separate files.
FORMAT = 24
BUILT_BY = f"{__version__}/{FORMAT}"  # an index of another is never read, and is pruned
SUBFOLDERS = (*ENTRY_FOLDERS, *ADDITION_FOLDERS)
CONDITIONS = "conditions"  # the subfolder whose files are updated one by one
# Rows of packed text are a few kilobytes each, and a page holds only whole rows: in
# SQLite's 4 KiB pages a third of the space went unused, in 8 KiB ones up to a quarter.
# At 10,000 conditions the index took 101 MiB in 8 KiB pages, 94 in 16 and 91 in 32,
# and a first build peaked at 62, 67 and 74 MiB. Later, with conditions of about 2.8
# KiB packed, five to a 16 KiB page, 5.2 of the 32.9 MiB of packed text went unused, and
# 2.3 of 30.1 in 32 KiB pages: the whole index 73.9 MiB against 76.6, for a folder of
# 76.5. A search reads no slower in larger pages, and the list of conditions, one long
# value, reads quicker (fewer pages to follow); a first build peaks at 76 MiB, not 68.
PAGE_SIZE = 32768

_SCHEMA = f"""
CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE entries (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL,
                      title TEXT NOT NULL, command TEXT NOT NULL, summary TEXT NOT NULL,
                      checksum INTEGER NOT NULL, body_checksum INTEGER NOT NULL, unit BLOB);
-- body_checksum: checksum(names, body) of its columns of words, as search reads them
CREATE TABLE names (key TEXT NOT NULL, entry INTEGER NOT NULL, alias INTEGER NOT NULL,
                    PRIMARY KEY (key, entry)) WITHOUT ROWID;
-- alias: 2 for an entry's slug or title, 1 for its other names, 0 for a keyword
-- No index by entry: it would take as much room as the table (5 MiB at 10,000
-- conditions) for the one statement that needs it, an update's deletion of names,
-- which passes over the table once instead (about 11 ms at 10,000 conditions).
CREATE INDEX entries_by_name ON entries (kind, name);  -- lists order by title in Python
CREATE INDEX entries_by_unit ON entries (unit) WHERE unit IS NOT NULL;
CREATE TABLE problems (kind TEXT NOT NULL, folder INTEGER, file BLOB NOT NULL, line INTEGER,
                       col INTEGER, message TEXT NOT NULL, hint TEXT, checksum INTEGER NOT NULL,
                       unit BLOB);
-- folder: the position of the folder the file is in (file is then relative to it), or NULL
CREATE TABLE drafted (unit BLOB NOT NULL, slug TEXT NOT NULL, title TEXT NOT NULL,
                      summary TEXT NOT NULL, checksum INTEGER NOT NULL);
CREATE TABLE stamps (folder BLOB PRIMARY KEY, value BLOB NOT NULL, checksum INTEGER NOT NULL);
-- value: marshalled, file name -> (size, modification time, change time, inode)
CREATE TABLE marshalled (name TEXT PRIMARY KEY, format INTEGER NOT NULL, value BLOB NOT NULL,
                         checksum INTEGER NOT NULL);
CREATE TABLE texts (id INTEGER PRIMARY KEY, names TEXT NOT NULL, body);
-- body: as acuinfo.finding.packed_text keeps it (NULL: the text is the entry's summary),
-- read through words_text
CREATE VIEW words_text AS SELECT t.id, t.names, unpacked(t.body, e.summary) AS body
                          FROM texts t JOIN entries e ON e.id = t.id;
-- The text comes first: FTS5 keeps where a word is in an entry column by column, and
-- marks the start of every column but the first, two bytes for each word an entry
-- holds. Most words are in the text alone: with the names first, those marks took a
-- fifth of the full-text index, 7 MiB, at 10,000 conditions.
CREATE VIRTUAL TABLE words USING fts5(body, names, content = 'words_text', content_rowid = 'id',
                                      tokenize = '{TOKENIZER}');
CREATE VIRTUAL TABLE vocabulary USING fts5vocab(words, 'row');
"""


def resolved(folder: Folder) -> str:
    """Where a folder is, however it was named (relative, absolute, through a link); the
    built-in folder inside a zip, as importlib names it."""
    root = folder.root
    return os.path.realpath(root) if isinstance(root, Path) else str(root)


def unit_of(file: str, roots: Collection[str]) -> str | None:
    """The unit of a file in a conditions folder (its name), else None. ``roots`` are the
    knowledge folders as the file's path names them: one may be called conditions too."""
    if is_conditions_folder(os.path.dirname(file), roots):
        return os.path.basename(file)
    return None


def is_conditions_folder(folder: str, roots: Collection[str]) -> bool:
    """Whether ``folder`` is the conditions folder of a knowledge folder (or of its
    translations), not a knowledge folder of ``roots`` that happens to be called so."""
    return os.path.basename(folder) == CONDITIONS and folder not in roots


def roots_of(knowledge: Knowledge) -> set[str]:
    """The knowledge folders where they resolve to, as the signature names folders."""
    return {resolved(folder) for folder in knowledge.folders}


def named_roots(folders: list[Folder]) -> set[str]:
    """The knowledge folders as this run names them, as problems name their files."""
    return {str(folder.root) for folder in folders}


def create(connection: sqlite3.Connection, language: str) -> None:
    """The tables of a new index. The file is new and private until it is renamed into
    place: a crash just leaves a temporary file, so SQLite needs no journal and no
    flushing on the way. English is cut and stemmed by SQLite; another language is cut
    here, and SQLite only splits it at the spaces (see acuinfo.finding.analysis)."""
    quiet(connection)
    connection.execute(f"PRAGMA page_size = {PAGE_SIZE}")
    cut = analysis.is_analysed(language)
    connection.executescript(_SCHEMA.replace(TOKENIZER, ANALYSED_TOKENIZER) if cut else _SCHEMA)


def quiet(connection: sqlite3.Connection) -> None:
    """No journal and no flushing: the file is a private copy until it is in place."""
    connection.execute("PRAGMA journal_mode = OFF")
    connection.execute("PRAGMA synchronous = OFF")


def add_problems(connection: sqlite3.Connection, problems: Iterable[Problem],
                 folders: list[Folder]) -> None:
    rows = []
    roots = named_roots(folders)
    for problem in problems:
        folder, file = _in_folder(problem.file, folders)
        rows.append((_kind_of(problem.file, roots), folder, os.fsencode(file), problem.line,
                     problem.column, problem.message, problem.hint,
                     checksum(str(folder), file, str(problem.line), str(problem.column),
                              problem.message, problem.hint),
                     _raw(unit_of(problem.file, roots))))
    connection.executemany("INSERT INTO problems VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)


def add_entries(connection: sqlite3.Connection, entries: Iterable[IndexEntry], first: int,
                language: str) -> None:
    """Rows for ``entries``, numbered from ``first``."""
    for number, entry in enumerate(entries, first):
        put_rows(connection, number, rows_of(entry, language))


Rows = tuple[tuple, str, str, list[tuple[str, int]]]


def rows_of(entry: IndexEntry, language: str) -> Rows:
    """What the index holds of one entry: its row of ``entries`` without its number, its
    two columns of ``words``, and its (key, alias) rows of ``names``."""
    names = normal_form(" ".join([*entry.names, *entry.keywords]))
    body = normal_form(entry.body)
    if analysis.is_analysed(language):
        names, body = analysis.analysed(names, language), analysis.analysed(body, language)
    row = (entry.kind, entry.name, entry.title, entry.command, entry.summary,
           checksum(entry.kind, entry.name, entry.title, entry.command, entry.summary),
           checksum(names, body), _raw(entry.unit))
    own = {phrase_key(entry.name), *(key_of(n, language) for n in entry.names[:1])}
    aliases = {key_of(n, language) for n in entry.names[1:]} - own
    keywords = {key_of(k, language) for k in entry.keywords} - own - aliases
    keys = [(k, 2) for k in own] + [(k, 1) for k in aliases] + [(k, 0) for k in keywords]
    return row, names, body, keys


def put_rows(connection: sqlite3.Connection, number: int, rows: Rows) -> None:
    """One entry's rows (see ``rows_of``), numbered ``number``."""
    row, names, body, keys = rows
    summary = row[4]  # of the row of entries: kind, name, title, command, summary, ...
    connection.execute("INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", (number, *row))
    connection.execute("INSERT INTO texts VALUES (?, ?, ?)", (number, names, kept(body, summary)))
    connection.execute("INSERT INTO words (rowid, names, body) VALUES (?, ?, ?)",
                       (number, names, body))
    connection.executemany("INSERT INTO names VALUES (?, ?, ?)",
                           [(key, number, alias) for key, alias in keys])


def digest(rows: Rows) -> bytes:
    """A digest of all that an entry's rows hold (see ``rows_of``), but its number: equal
    for rows that are equal, whichever order their names come in."""
    import hashlib

    row, names, body, keys = rows
    text = repr((row, names, body, sorted(keys)))  # escapes what is not printable
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def add_drafts(connection: sqlite3.Connection, drafts: Iterable[tuple[str, str, str, str]]
               ) -> None:
    """(unit, slug, title, summary) of the conditions marked as drafts."""
    connection.executemany("INSERT INTO drafted VALUES (?, ?, ?, ?, ?)",
                           [(_raw(unit), *rest, checksum(*rest)) for unit, *rest in drafts])


def drafted(knowledge: Knowledge) -> list[tuple[str, str, str, str]]:
    """(unit, slug, title, summary) of the conditions marked as drafts that ``knowledge``
    met and left out."""
    return [(record_unit(c) or "", c.slug, c.title, c.summary)
            for c in knowledge.hidden_drafts if isinstance(c, records.Condition)]


def _raw(unit: str | None) -> bytes | None:
    """A unit as it is kept: a file name is bytes, and need not be UTF-8."""
    return None if unit is None else os.fsencode(unit)


def stamps_of(state: Signature, folder: str) -> dict[str, Stamp]:
    """The stamps of the files in ``folder`` that could be looked at, as the signature
    ``state`` took them: before any file was read."""
    numbers = iter(state.stats[folder])
    each = zip(numbers, numbers, numbers, numbers, strict=True)  # four numbers a file
    return {name: stamp for name, stamp in zip(state.listings[folder].names, each,
                                               strict=True) if stamp[0] >= 0}


def put_stamps(connection: sqlite3.Connection, folder: str, stamps: dict[str, Stamp]) -> None:
    """The stamps of one conditions folder, in place of any kept before."""
    value = marshal.dumps(stamps)
    connection.execute("INSERT OR REPLACE INTO stamps VALUES (?, ?, ?)",
                       (os.fsencode(folder), value, binascii.crc32(value)))


def kept_stamps(connection: sqlite3.Connection, folder: str) -> dict[str, Stamp] | None:
    """The stamps kept for one conditions folder; None if there are none, or they are
    damaged."""
    row = connection.execute("SELECT value, checksum FROM stamps WHERE folder = ?",
                             (os.fsencode(folder),)).fetchone()
    if row is None or type(row[0]) is not bytes or binascii.crc32(row[0]) != row[1]:
        return None
    try:
        stamps = marshal.loads(row[0])
    except (ValueError, EOFError, TypeError):
        return None
    return stamps if isinstance(stamps, dict) else None


def finish(connection: sqlite3.Connection, key: bytes, knowledge: Knowledge, state: Signature,
           built_ns: int, listed: list[list[str]] | None = None) -> None:
    """The lists ready to show and what says what the index was built from, then commit.
    The list of conditions is kept marshalled: marshal reads ten thousand rows several
    times faster than SQLite hands them over one by one. ``listed`` is that list when the
    caller has it already (an update changes a few rows of the old one)."""
    # Made from rows that pass their checksums: an update keeps rows of earlier runs.
    if listed is None:
        listed = sorted(([name, title, summary] for _, name, title, _, summary in (
            verified(row[:5], row[5]) for row in connection.execute(
                "SELECT kind, name, title, command, summary, checksum FROM entries"
                " WHERE kind = 'condition'"))), key=by_title)
    save(connection, "conditions", listed)
    drafts = sorted((list(verified(row[:3], row[3])) for row in connection.execute(
        "SELECT slug, title, summary, checksum FROM drafted")), key=by_title)
    save(connection, "drafts", drafts)  # in no list or search
    parts = marshal.dumps(state.parts)
    values = {"signature": key, "language": knowledge.language, "built_ns": built_ns,
              "parts": binascii.crc32(parts).to_bytes(4, "big") + parts,
              # what tells a later build whether any run can still use it (cache_files)
              cache_files.FOLDERS_KEY: b"\0".join(os.fsencode(resolved(folder))
                                                  for folder in knowledge.folders),
              cache_files.FORMAT_KEY: BUILT_BY}
    connection.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", values.items())
    connection.commit()


def kept_parts(raw: object) -> dict[str, str] | None:
    """The signature's parts kept by ``finish``; None if damaged."""
    if not isinstance(raw, bytes) or len(raw) < 4:
        return None
    payload = raw[4:]
    if int.from_bytes(raw[:4], "big") != binascii.crc32(payload):
        return None
    try:
        parts = marshal.loads(payload)
    except (ValueError, EOFError, TypeError):
        return None
    if not (isinstance(parts, dict) and all(type(k) is str and type(v) is str
                                            for k, v in parts.items())):
        return None
    return parts


def _kind_of(file: str, roots: Collection[str]) -> str:
    parent = os.path.dirname(file)
    if os.path.basename(parent) in SUBFOLDERS and parent not in roots:
        return os.path.basename(parent)
    return os.path.basename(file).removesuffix(".yaml")


def _in_folder(file: str, folders: list[Folder]) -> tuple[int | None, str]:
    """A problem's file as (the position of its folder, its path inside it), so that it can
    be said again the way another run names that folder; (None, file) when it is in none."""
    for position, folder in enumerate(folders):
        root = str(folder.root)
        if file in (root, folder.label):  # the folder itself: missing, say
            return position, ""
        if file.startswith(root.rstrip(os.sep) + os.sep):
            return position, file[len(root.rstrip(os.sep)) + 1:]
    return None, file


def problems(connection: sqlite3.Connection, kind: str, knowledge: Knowledge) -> list[Problem]:
    """The problems found in ``kind`` files (e.g. conditions) when the index was built,
    each file named as this run names its folder."""
    found = []
    for folder, raw, line, column, message, hint, expected in connection.execute(
            "SELECT folder, file, line, col, message, hint, checksum FROM problems"
            " WHERE kind = ? ORDER BY folder, file, line, col, message", (kind,)):
        if type(raw) is not bytes:
            raise DamagedCache("a problem's file in the index is not a name")
        file = os.fsdecode(raw)
        verified((str(folder), file, str(line), str(column), message, hint), expected)
        if folder is not None:
            if not 0 <= folder < len(knowledge.folders):
                raise DamagedCache("a problem names a folder this run does not read")
            named = knowledge.folders[folder]
            file = os.path.join(str(named.root), file) if file else named.label
        found.append(Problem(file, message, line, column, hint))
    return found


def save(connection: sqlite3.Connection, name: str, value: object) -> None:
    data = marshal.dumps(value)
    connection.execute("INSERT OR REPLACE INTO marshalled VALUES (?, ?, ?, ?)",
                       (name, marshal.version, data, binascii.crc32(data)))


def _load(connection: sqlite3.Connection, name: str) -> object | None:
    """A value kept with ``save``; None if it was written by a Python with another
    marshal format, or cannot be read; DamagedCache if it fails its checksum."""
    row = connection.execute("SELECT format, value, checksum FROM marshalled WHERE name = ?",
                             (name,)).fetchone()
    if row and row[0] == marshal.version:
        if type(row[1]) is not bytes or binascii.crc32(row[1]) != row[2]:
            raise DamagedCache("a value kept in the index does not match its checksum")
        try:
            return marshal.loads(row[1])
        except (ValueError, EOFError, TypeError):
            pass
    return None


def conditions(connection: sqlite3.Connection) -> list[list[str]]:
    """[slug, title, summary] of every condition, by title."""
    listed = _load(connection, "conditions")
    if isinstance(listed, list):
        return listed
    found = []
    for *row, expected in connection.execute(
            "SELECT kind, name, title, command, summary, checksum FROM entries"
            " WHERE kind = 'condition'"):
        _, name, title, _, summary = verified(tuple(row), expected)
        found.append([name, title, summary])
    return sorted(found, key=by_title)


def drafts(connection: sqlite3.Connection) -> list[list[str]]:
    """[slug, title, summary] of every condition marked as a draft, by title."""
    listed = _load(connection, "drafts")
    return listed if isinstance(listed, list) else []


def by_title(row: list[str]) -> tuple[str, str, str, str]:
    """The order of a list: by title, whatever its case, then by every field, so that
    rows that differ always come in one order, however the list was made."""
    return row[1].lower(), row[0], row[2], row[1]


def kept_list(connection: sqlite3.Connection, name: str) -> list | None:
    """A list kept with ``save``; None if it is missing or damaged."""
    try:
        listed = _load(connection, name)
    except DamagedCache:
        return None
    return listed if isinstance(listed, list) else None


def changed_list(listed: list, removed: Iterable[list[str]], added: Iterable[list[str]]
                 ) -> list[list[str]] | None:
    """A list ordered by ``by_title``, with the rows ``removed`` taken out and ``added``
    put in their places, as sorting the new rows afresh would order it; None if
    ``listed`` does not hold a row to remove, or is not such a list."""
    import bisect

    changed = list(listed)
    try:
        for row in removed:
            at = bisect.bisect_left(changed, by_title(row), key=by_title)
            if at == len(changed) or changed[at] != row:
                return None
            del changed[at]
        for row in added:
            bisect.insort(changed, row, key=by_title)
    except (TypeError, AttributeError, IndexError):  # rows of another shape: damaged
        return None
    return changed
