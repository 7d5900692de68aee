"""A cached index of every entry, so search, lists and completion need not parse YAML.

The index is a SQLite database in the user's cache folder (``ACUINFO_CACHE_DIR``
overrides it). Its key is a signature of every knowledge file's name, size,
times and inode (see ``acuinfo.finding.freshness``), so adding, editing or deleting a
file makes it stale. Folders are known by where they resolve to, not by how they were
named, so ``--data-dir k1000`` and ``--data-dir /home/me/k1000`` share one index: what
it keeps of a file's place (a problem's file) is kept relative to its folder, and said
again as this run named the folder.

An index file is never changed once it is in place: a new one is built beside
it and renamed over it (see ``acuinfo.base.safewrite``), so a reader sees the old
index or the new one, and a process killed at any moment leaves no half-written
index and no journal behind. It is opened read-only and immutable, so that
SQLite never tries to write to it, nor to roll anything back. The folder
listings that spare later runs from listing settled folders live beside it in
a small file of their own, replaced the same way.

An index is never trusted either. Every row of text it shows carries a
checksum; a stale, corrupt, unreadable or damaged index (any SQLite error, or
a row that fails its checksum) is rebuilt without a word, and if the cache
folder cannot be written, the index is built in memory for this run.
"""

from __future__ import annotations

import binascii
import contextlib
import marshal
import os
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from acuinfo import __version__
from acuinfo.base.errors import AcuinfoError, Problem
from acuinfo.base.integrity import DamagedCache, checksum, verified
from acuinfo.base.interrupt import stop_if_pressed, watched
from acuinfo.base.languages import ENGLISH
from acuinfo.base.places import cache_dir
from acuinfo.base.saferead import read_limited
from acuinfo.base.safewrite import new_file, sweep, write_file
from acuinfo.base.words import normal_form, phrase_key
from acuinfo.finding import analysis, cache_files
from acuinfo.finding.cache_files import read_only_uri
from acuinfo.finding.entries import TOKENIZER, IndexEntry, collect
from acuinfo.finding.freshness import Listing, Signature, signature
from acuinfo.finding.ranking import key_of
from acuinfo.knowledge import records
from acuinfo.knowledge.folders import ADDITION_FOLDERS, ENTRY_FOLDERS, Folder
from acuinfo.knowledge.loading import Knowledge
from acuinfo.knowledge.translating import TRANSLATIONS

ANALYSED_TOKENIZER = "unicode61 remove_diacritics 2"  # words already cut and stemmed
FORMAT = 12  # raise when the tables below change, so old caches are rebuilt
BUILT_BY = f"{__version__}/{FORMAT}"  # an index of another is never read, and is pruned
SUBFOLDERS = (*ENTRY_FOLDERS, *ADDITION_FOLDERS)
MAX_LISTINGS_BYTES = 64 * 1024 * 1024
T = TypeVar("T")

_SCHEMA = f"""
CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE entries (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL,
                      title TEXT NOT NULL, command TEXT NOT NULL, summary TEXT NOT NULL,
                      checksum INTEGER NOT NULL, body_checksum INTEGER NOT NULL);
CREATE TABLE names (key TEXT NOT NULL, entry INTEGER NOT NULL, alias INTEGER NOT NULL);
-- alias: 2 for an entry's slug or title, 1 for its other names, 0 for a keyword
CREATE INDEX names_by_key ON names (key);
CREATE INDEX entries_by_title ON entries (kind, lower(title), name);
CREATE TABLE problems (kind TEXT NOT NULL, folder INTEGER, file BLOB NOT NULL, line INTEGER,
                       col INTEGER, message TEXT NOT NULL, hint TEXT, checksum INTEGER NOT NULL);
-- folder: the position of the folder the file is in (file is then relative to it), or NULL
CREATE TABLE marshalled (name TEXT PRIMARY KEY, format INTEGER NOT NULL, value BLOB NOT NULL,
                         checksum INTEGER NOT NULL);
CREATE VIRTUAL TABLE words USING fts5(names, body, tokenize = '{TOKENIZER}');
CREATE VIRTUAL TABLE vocabulary USING fts5vocab(words, 'row');
"""




def using(knowledge: Knowledge, use: Callable[[sqlite3.Connection], T]) -> T:
    """What ``use`` makes of the index for these folders. An index that fails while in
    use (a SQLite error, or a row that fails its checksum) is rebuilt, and ``use`` runs
    once more on the new one."""
    connection = open_index(knowledge)
    try:
        return use(connection)
    except (sqlite3.Error, DamagedCache):
        connection.close()
        stop_if_pressed()  # the query stopped for Ctrl-C: the index is fine
    return use(_build(knowledge, *_where(knowledge)))


def open_index(knowledge: Knowledge) -> sqlite3.Connection:
    """The index for these folders: the cached one if it is current, else a new one."""
    path, scanned = _where(knowledge)
    listings_file = f"{path}.listings"
    known = _read_listings(listings_file)
    state = signature(scanned, known)
    key = _key(knowledge, state)
    # A journal beside the index means someone wrote into it in place and was stopped
    # (acuinfo never does): what the file holds now cannot be trusted.
    journaled = any(os.path.lexists(f"{path}{suffix}") for suffix in ("-journal", "-wal"))
    connection = None if journaled else _open_existing(path, key)
    if connection is not None:
        if any(listing is not known.get(folder) and listing.settled()
               for folder, listing in state.listings.items()):
            _write_listings(listings_file, state.listings)  # made too soon, now settled
        return connection
    return _build(knowledge, path, scanned, state)


def resolved(folder: Folder) -> str:
    """Where a folder is, however it was named (relative, absolute, through a link); the
    built-in folder inside a zip, as importlib names it."""
    root = folder.root
    return os.path.realpath(root) if isinstance(root, Path) else str(root)


def _where(knowledge: Knowledge) -> tuple[Path, list[str]]:
    """The index file for these folders, and the folders its signature covers."""
    roots = [resolved(folder) for folder in knowledge.folders]
    folders = "\0".join(roots).encode("utf-8", "surrogatepass")
    # A quick checksum names the file (hashlib costs milliseconds to import); two folder
    # lists that share one only rebuild each other's index, as the signature differs.
    language = knowledge.language
    suffix = "" if language == ENGLISH else f"-{language}"  # an index for each language
    path = cache_dir() / f"index-{binascii.crc32(folders):08x}-{len(folders)}{suffix}.sqlite"
    scanned = [where for root in roots for where in
               (root, *(os.path.join(root, sub) for sub in SUBFOLDERS))]
    if language != ENGLISH:  # the translations laid over the English files
        scanned += [where for root in roots
                    for base in [os.path.join(root, TRANSLATIONS, language)]
                    for where in (base, *(os.path.join(base, sub) for sub in SUBFOLDERS))]
    return path, scanned


def _key(knowledge: Knowledge, state: Signature) -> bytes:
    """What an index must have been built from to be current, as bytes: a folder's name
    need not be UTF-8, and is kept as it is."""
    text = "\n".join([f"{BUILT_BY}/{knowledge.language}",
                      *(resolved(folder) for folder in knowledge.folders), state.text])
    return text.encode("utf-8", "surrogateescape")


def _open_existing(path: Path, key: bytes) -> sqlite3.Connection | None:
    """The cached index if it was built from ``key``; None if it is missing, stale,
    corrupt or unreadable, which is then rebuilt."""
    try:
        connection = _connect(read_only_uri(path))
    except sqlite3.Error:
        return None
    try:
        row = connection.execute("SELECT value FROM meta WHERE key = 'signature'").fetchone()
        if row is not None and row[0] == key:
            return connection
    except sqlite3.Error:
        stop_if_pressed()  # else: not an index, damaged, or from another version
    connection.close()
    return None


def _read_listings(file: str) -> dict[str, Listing]:
    """The folder listings kept beside an index (see ``_kept``), leaving out any that
    are damaged; none if the file is missing or fails its checksum."""
    try:
        raw = read_limited(file, MAX_LISTINGS_BYTES)
    except OSError:
        return {}
    payload = memoryview(raw)[4:]
    if len(raw) < 4 or int.from_bytes(raw[:4], "big") != binascii.crc32(payload):
        return {}
    try:
        kept = marshal.loads(payload)
    except (ValueError, EOFError, TypeError):
        return {}
    found = {}
    for folder, fields in kept.items() if isinstance(kept, dict) else ():
        if (type(folder) is str and type(fields) is tuple and len(fields) == 5
                and all(type(number) is int for number in (*fields[:3], fields[4]))
                and type(fields[3]) is str):
            names = fields[3].split("/") if fields[3] else []
            found[folder] = Listing(*fields[:3], names, fields[4])
    return found


def _write_listings(file: str, listings: dict[str, Listing]) -> None:
    """Replace the folder listings kept beside an index, whole or not at all."""
    # The names as one text: marshal reads one string much faster than ten thousand.
    kept = {folder: (*listing[:3], "/".join(listing.names), listing.checksum)
            for folder, listing in listings.items()}
    payload = marshal.dumps(kept)
    with contextlib.suppress(OSError, AcuinfoError):  # the next run tries again
        write_file(file, binascii.crc32(payload).to_bytes(4, "big") + payload,
                   replace=True, durable=False, private=True)


def _build(knowledge: Knowledge, path: Path, scanned: list[str],
           state: Signature | None = None) -> sqlite3.Connection:
    # A Knowledge of its own, so that what it finds wrong is kept in the index and
    # reported by the views that list entries on every run alike, and never mixed into
    # (or taken from) the problems of the command that asked for the index.
    if state is None:
        state = signature(scanned, {})
    fresh = Knowledge(knowledge.folders, language=knowledge.language)
    entries = list(collect(fresh))
    problems = fresh.problems
    drafts = sorted(([c.slug, c.title, c.summary] for c in fresh.hidden_drafts
                     if isinstance(c, records.Condition)), key=_by_title)
    key = _key(knowledge, state)
    if not state.settled(time.time_ns()):
        # Built too soon after an edit to be sure a second one would show: good for this
        # run, and rebuilt by the next (see acuinfo.finding.freshness).
        key += b"\0unsettled"
    try:
        folder = path.parent
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        _sweep(folder)
        cache_files.prune(folder, BUILT_BY, path)
        with new_file(path, replace=True, durable=False, private=True) as temporary:
            temporary.close()
            with contextlib.closing(watched(sqlite3.connect(temporary.path))) as connection:
                _fill(connection, entries, problems, drafts, key, knowledge)
        _write_listings(f"{path}.listings", state.listings)
        return _connect(read_only_uri(path))
    except (OSError, sqlite3.Error, AcuinfoError):
        stop_if_pressed()
        connection = _connect(":memory:")  # no usable cache folder: an index for this run
        _fill(connection, entries, problems, drafts, key, knowledge)
        return connection


def _connect(where: str) -> sqlite3.Connection:
    """A connection to an index (a URI, or ":memory:") that stops for Ctrl-C at once."""
    return watched(sqlite3.connect(where, uri=where != ":memory:"))


def _sweep(folder: Path) -> None:
    """Remove what builds that were killed outright left behind: temporary files, and
    journals and temporary files of earlier versions of acuinfo."""
    sweep(folder)
    sweep(folder / "parsed")
    with contextlib.suppress(OSError):
        for name in os.listdir(folder):
            if name.startswith("index-") and name.endswith(
                    (".sqlite-journal", ".sqlite-wal", ".sqlite-shm", ".tmp")):
                with contextlib.suppress(OSError):
                    os.unlink(folder / name)


def _fill(connection: sqlite3.Connection, entries: list[IndexEntry], problems: list[Problem],
          drafts: list[list[str]], key: bytes, knowledge: Knowledge) -> None:
    language = knowledge.language
    # The file is new and private until it is renamed into place: a crash just leaves a
    # temporary file, so SQLite needs no journal and no flushing on the way.
    connection.execute("PRAGMA journal_mode = OFF")
    connection.execute("PRAGMA synchronous = OFF")
    # English is cut and stemmed by SQLite; another language is cut here, and SQLite only
    # splits it at the spaces (see acuinfo.finding.analysis).
    cut = analysis.is_analysed(language)
    connection.executescript(_SCHEMA.replace(TOKENIZER, ANALYSED_TOKENIZER) if cut else _SCHEMA)
    rows = []
    for problem in problems:
        folder, file = _in_folder(problem.file, knowledge.folders)
        rows.append((_kind_of(problem.file), folder, os.fsencode(file), problem.line,
                     problem.column, problem.message, problem.hint,
                     checksum(str(folder), file, str(problem.line), str(problem.column),
                              problem.message, problem.hint)))
    connection.executemany("INSERT INTO problems VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    for number, entry in enumerate(entries, 1):
        names = normal_form(" ".join([*entry.names, *entry.keywords]))
        body = normal_form(entry.body)
        if cut:
            names, body = (analysis.analysed(names, language),
                           analysis.analysed(body, language))
        connection.execute("INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                           (number, entry.kind, entry.name, entry.title, entry.command,
                            entry.summary, checksum(entry.kind, entry.name, entry.title,
                                                    entry.command, entry.summary),
                            checksum(body)))
        connection.execute("INSERT INTO words (rowid, names, body) VALUES (?, ?, ?)",
                           (number, names, body))
        own = {phrase_key(entry.name), *(key_of(n, language) for n in entry.names[:1])}
        aliases = {key_of(n, language) for n in entry.names[1:]} - own
        keywords = {key_of(k, language) for k in entry.keywords} - own - aliases
        connection.executemany("INSERT INTO names VALUES (?, ?, ?)",
                               [(k, number, 2) for k in own] +
                               [(k, number, 1) for k in aliases] +
                               [(k, number, 0) for k in keywords])
    # The list of conditions ready to show: marshal reads ten thousand rows several
    # times faster than SQLite hands them over one by one.
    _save(connection, "conditions", sorted(
        ([e.name, e.title, e.summary] for e in entries if e.kind == "condition"), key=_by_title))
    _save(connection, "drafts", drafts)  # conditions marked as drafts: in no list or search
    connection.execute("INSERT INTO meta VALUES ('signature', ?)", (key,))
    connection.execute("INSERT INTO meta VALUES ('language', ?)", (language,))
    # what tells a later build whether any run can still use this index (see cache_files)
    connection.execute("INSERT INTO meta VALUES (?, ?)", (cache_files.FOLDERS_KEY, b"\0".join(
        os.fsencode(resolved(folder)) for folder in knowledge.folders)))
    connection.execute("INSERT INTO meta VALUES (?, ?)", (cache_files.FORMAT_KEY, BUILT_BY))
    connection.commit()


def _kind_of(file: str) -> str:
    parent = os.path.basename(os.path.dirname(file))
    return parent if parent in SUBFOLDERS else os.path.basename(file).removesuffix(".yaml")


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
            " WHERE kind = ? ORDER BY folder, file, line", (kind,)):
        file = os.fsdecode(raw)
        verified((str(folder), file, str(line), str(column), message, hint), expected)
        if folder is not None:
            if not 0 <= folder < len(knowledge.folders):
                raise DamagedCache("a problem names a folder this run does not read")
            named = knowledge.folders[folder]
            file = os.path.join(str(named.root), file) if file else named.label
        found.append(Problem(file, message, line, column, hint))
    return found


def _save(connection: sqlite3.Connection, name: str, value: object) -> None:
    data = marshal.dumps(value)
    connection.execute("INSERT INTO marshalled VALUES (?, ?, ?, ?)",
                       (name, marshal.version, data, binascii.crc32(data)))


def _load(connection: sqlite3.Connection, name: str) -> object | None:
    """A value kept with ``_save``; None if it was written by a Python with another
    marshal format, or cannot be read; DamagedCache if it fails its checksum."""
    row = connection.execute("SELECT format, value, checksum FROM marshalled WHERE name = ?",
                             (name,)).fetchone()
    if row and row[0] == marshal.version:
        if binascii.crc32(row[1]) != row[2]:
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
    return sorted(found, key=_by_title)


def drafts(connection: sqlite3.Connection) -> list[list[str]]:
    """[slug, title, summary] of every condition marked as a draft, by title."""
    listed = _load(connection, "drafts")
    return listed if isinstance(listed, list) else []


def _by_title(row: list[str]) -> tuple[str, str]:
    return row[1].lower(), row[0]




















