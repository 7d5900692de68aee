"""A cached index of every entry, so search, lists and completion need not parse YAML.

The index is a SQLite database in the user's cache folder (``ACUINFO_CACHE_DIR``
overrides it). Its key is a signature of every knowledge file's name, size,
modification time and inode (see ``acuinfo.signature``), so adding, editing or
deleting a file makes it stale. A stale, corrupt or unreadable index is rebuilt
without a word; if the cache folder cannot be written, the index is built in
memory for this run.
"""

from __future__ import annotations

import binascii
import contextlib
import marshal
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from acuinfo import __version__, records
from acuinfo.errors import KnowledgeError, Problem
from acuinfo.knowledge import ADDITION_FOLDERS, ENTRY_FOLDERS, Knowledge
from acuinfo.namedrecord import Record
from acuinfo.places import cache_dir
from acuinfo.search import phrase_key
from acuinfo.signature import Listing, signature

FORMAT = 6  # raise when the tables below change, so old caches are rebuilt
SUBFOLDERS = (*ENTRY_FOLDERS, *ADDITION_FOLDERS)

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE entries (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL,
                      title TEXT NOT NULL, command TEXT NOT NULL, summary TEXT NOT NULL);
CREATE TABLE names (key TEXT NOT NULL, entry INTEGER NOT NULL, alias INTEGER NOT NULL);
CREATE INDEX names_by_key ON names (key);
CREATE INDEX entries_by_title ON entries (kind, lower(title), name);
CREATE TABLE problems (kind TEXT NOT NULL, file TEXT NOT NULL, line INTEGER, col INTEGER,
                       message TEXT NOT NULL, hint TEXT);
CREATE TABLE marshalled (name TEXT PRIMARY KEY, format INTEGER NOT NULL, value BLOB NOT NULL);
CREATE VIRTUAL TABLE words USING fts5(names, body, tokenize = 'porter unicode61');
CREATE VIRTUAL TABLE vocabulary USING fts5vocab(words, 'row');
"""


class IndexEntry(Record):
    """One findable thing: a condition, a tip, a session stage, a page section, a term."""

    kind: str
    name: str
    title: str
    command: str
    summary: str
    names: list[str]  # what it is called: its title and aliases
    keywords: list[str]  # other words that should find it
    body: str


def open_index(knowledge: Knowledge) -> sqlite3.Connection:
    """The index for these folders: the cached one if it is current, else a new one."""
    folders = "\0".join(f"{f.label}={f.root}" for f in knowledge.folders).encode(
        "utf-8", "surrogatepass")
    # A quick checksum names the file (hashlib costs milliseconds to import); two folder
    # lists that share one only rebuild each other's index, as the signature differs.
    path = cache_dir() / f"index-{binascii.crc32(folders):08x}-{len(folders)}.sqlite"
    connection, stored, known = _open_existing(path)
    scanned = [where for folder in knowledge.folders for where in
               (str(folder.root), *(os.path.join(folder.root, sub) for sub in SUBFOLDERS))]
    files, listings = signature(scanned, known)
    key = "\n".join([f"{__version__}/{FORMAT}",
                      *(f"{f.label}\0{f.root}" for f in knowledge.folders), files])
    if connection is not None and stored == key:
        if any(listing is not known.get(folder) and listing.settled()
               for folder, listing in listings.items()):
            _keep_listings(path, listings)  # lists made too soon after a change, now settled
        return connection
    if connection is not None:
        connection.close()
    return _build(knowledge, path, key, listings)


def _open_existing(path: Path) -> tuple[sqlite3.Connection | None, str | None,
                                        dict[str, Listing]]:
    """The cached index, the signature it was built from, and its folder listings; a
    missing, corrupt or unreadable index gives nothing, and is rebuilt."""
    if not path.is_file():
        return None, None, {}
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        row = connection.execute("SELECT value FROM meta WHERE key = 'signature'").fetchone()
        known = _listings(_load(connection, "listings"))
        return connection, row[0] if row else None, known
    except sqlite3.Error:
        return None, None, {}  # corrupt or from another version: rebuild


def _keep_listings(path: Path, listings: dict[str, Listing]) -> None:
    """Replace the folder listings kept with an index, if it can be written at once."""
    try:
        with contextlib.closing(sqlite3.connect(path, timeout=0)) as connection, connection:
            connection.execute("DELETE FROM marshalled WHERE name = 'listings'")
            _save(connection, "listings", _kept(listings))
    except sqlite3.Error:
        pass  # busy or read-only: the next run tries again


def _kept(listings: dict[str, Listing]) -> dict[str, tuple]:
    # The names as one text: marshal reads one string much faster than ten thousand.
    return {folder: (*listing[:3], "/".join(listing.names), listing.checksum)
            for folder, listing in listings.items()}


def _listings(kept: object) -> dict[str, Listing]:
    """The folder listings kept with an index (see ``_kept``), leaving out any that are
    damaged."""
    found = {}
    for folder, fields in kept.items() if isinstance(kept, dict) else ():
        if (type(folder) is str and type(fields) is tuple and len(fields) == 5
                and all(type(number) is int for number in (*fields[:3], fields[4]))
                and type(fields[3]) is str):
            names = fields[3].split("/") if fields[3] else []
            found[folder] = Listing(*fields[:3], names, fields[4])
    return found


def _build(knowledge: Knowledge, path: Path, key: str,
           listings: dict[str, Listing]) -> sqlite3.Connection:
    # A Knowledge of its own, so that what it finds wrong is kept in the index and
    # reported by the views that list entries on every run alike, and never mixed into
    # (or taken from) the problems of the command that asked for the index.
    fresh = Knowledge(knowledge.folders)
    entries = list(collect(fresh))
    problems = fresh.problems
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        partial.unlink(missing_ok=True)
        connection = sqlite3.connect(partial)
        _fill(connection, entries, problems, key, listings)
        connection.close()
        os.replace(partial, path)  # readers never see a half-written index
        return sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except (OSError, sqlite3.Error):
        connection = sqlite3.connect(":memory:")  # no usable cache folder: index for this run
        _fill(connection, entries, problems, key, listings)
        return connection


def _fill(connection: sqlite3.Connection, entries: list[IndexEntry], problems: list[Problem],
          key: str, listings: dict[str, Listing]) -> None:
    connection.executescript(_SCHEMA)
    connection.executemany("INSERT INTO problems VALUES (?, ?, ?, ?, ?, ?)", [
        (_kind_of(p.file), p.file, p.line, p.column, p.message, p.hint) for p in problems])
    for number, entry in enumerate(entries, 1):
        connection.execute("INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?)",
                           (number, entry.kind, entry.name, entry.title, entry.command,
                            entry.summary))
        connection.execute("INSERT INTO words (rowid, names, body) VALUES (?, ?, ?)",
                           (number, " ".join([*entry.names, *entry.keywords]), entry.body))
        aliases = {phrase_key(n) for n in (entry.name, *entry.names)}
        keywords = {phrase_key(k) for k in entry.keywords} - aliases
        connection.executemany("INSERT INTO names VALUES (?, ?, ?)",
                               [(k, number, 1) for k in aliases] +
                               [(k, number, 0) for k in keywords])
    # The list of conditions ready to show, and the folders' listings: marshal reads ten
    # thousand rows several times faster than SQLite hands them over one by one.
    _save(connection, "conditions", sorted(
        ([e.name, e.title, e.summary] for e in entries if e.kind == "condition"), key=_by_title))
    _save(connection, "listings", _kept(listings))
    connection.execute("INSERT INTO meta VALUES ('signature', ?)", (key,))
    connection.commit()


def _kind_of(file: str) -> str:
    parent = os.path.basename(os.path.dirname(file))
    return parent if parent in SUBFOLDERS else os.path.basename(file).removesuffix(".yaml")


def problems(connection: sqlite3.Connection, kind: str) -> list[Problem]:
    """The problems found in ``kind`` files (e.g. conditions) when the index was built."""
    return [Problem(file, message, line, column, hint) for file, line, column, message, hint
            in connection.execute("SELECT file, line, col, message, hint FROM problems"
                                  " WHERE kind = ? ORDER BY file, line", (kind,))]


def _save(connection: sqlite3.Connection, name: str, value: object) -> None:
    connection.execute("INSERT INTO marshalled VALUES (?, ?, ?)",
                       (name, marshal.version, marshal.dumps(value)))


def _load(connection: sqlite3.Connection, name: str) -> object | None:
    """A value kept with ``_save``; None if it was written by a Python with another
    marshal format, or is damaged."""
    row = connection.execute("SELECT format, value FROM marshalled WHERE name = ?",
                             (name,)).fetchone()
    if row and row[0] == marshal.version:
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
    return sorted((list(found) for found in connection.execute(
        "SELECT name, title, summary FROM entries WHERE kind = 'condition'")), key=_by_title)


def _by_title(row: list[str]) -> tuple[str, str]:
    return row[1].lower(), row[0]


def collect(knowledge: Knowledge) -> Iterator[IndexEntry]:
    """Every findable entry; a broken file is left out (``acuinfo validate`` reports it)."""
    for condition in knowledge.conditions():
        yield IndexEntry(
            "condition", condition.slug, condition.title, f"acuinfo condition {condition.slug}",
            condition.summary, [condition.title, *condition.aliases], condition.keywords,
            _join(condition.summary, *condition.key_points, condition.what_it_is,
                  condition.how_common, *condition.symptoms, *condition.causes,
                  condition.acupuncture.how_it_may_help, condition.acupuncture.why,
                  condition.evidence.summary, condition.course, *condition.other_options,
                  *condition.self_care, *condition.red_flags.signs))
    yield from _guarded(_tips, knowledge)
    yield from _guarded(_session, knowledge)
    yield from _guarded(_glossary, knowledge)
    for page in knowledge.pages():
        for section in page.sections:
            yield IndexEntry("page", page.id, f"{page.title}: {section.heading}",
                             f"acuinfo {page.id}", page.summary, [section.heading], page.keywords,
                             _join(section.text, *section.points))


def _guarded(make, knowledge: Knowledge) -> Iterator[IndexEntry]:
    try:
        yield from make(knowledge)
    except KnowledgeError:
        return


def _tips(knowledge: Knowledge) -> Iterator[IndexEntry]:
    book = knowledge.tips()
    titles = {c.id: c.title for c in book.categories}
    for tip in book.tips:
        yield IndexEntry("tip", tip.id, tip.title, f"acuinfo tips --category {tip.category}",
                         tip.text, [tip.title], [*tip.keywords, titles.get(tip.category, "")],
                         tip.text)


def _session(knowledge: Knowledge) -> Iterator[IndexEntry]:
    session = knowledge.session()
    visit = session.what_to_expect
    parts: list[tuple[str, str, list[str], list[records.SessionStep]]] = [
        ("what-to-expect", visit.title, [visit.total_time, *visit.keywords], visit.steps),
        *((stage.id, stage.title, stage.keywords, stage.steps) for stage in session.stages),
    ]
    for part_id, title, keywords, steps in parts:
        for step in steps:
            yield IndexEntry("session", part_id, f"{title}: {step.title}",
                             f"acuinfo session --{part_id}", step.text, [step.title],
                             [title, *keywords], _join(step.text, step.duration))


def _glossary(knowledge: Knowledge) -> Iterator[IndexEntry]:
    for term in knowledge.glossary().terms:
        yield IndexEntry("glossary", term.id, term.term, f"acuinfo glossary {term.id}",
                         term.definition, [term.term, *term.aliases], [], term.definition)


def _join(*parts: str | None) -> str:
    return "\n".join(part for part in parts if part)
