"""A cached index of every entry, so search, lists and completion need not parse YAML.

The index is a SQLite database in the user's cache folder (``ACUINFO_CACHE_DIR``
overrides it). Its key is a signature of every knowledge file's name, size,
times and inode (see ``acuinfo.finding.freshness``), so adding, editing or deleting a
file makes it stale. Folders are known by where they resolve to, not by how they were
named, so ``--data-dir k1000`` and ``--data-dir /home/me/k1000`` share one index: what
it keeps of a file's place (a problem's file) is kept relative to its folder, and said
again as this run named the folder.

A first build (or a full one) fills a new file beside the index and renames it over
the old one (see ``acuinfo.base.safewrite``). After an edit, only the rows of the files
that changed are replaced, in place, in one transaction (``acuinfo.finding.index_update``).
Either way a reader sees the old index or the new one: it reads in one transaction of
its own, under SQLite's locks, and a process killed while it wrote leaves a journal
that SQLite rolls back at the next open. The writers of a cache folder take turns
(``acuinfo.finding.index_lock``), so that journal never meets another file. The folder
listings that spare later runs from listing settled folders live beside the index in a
small file of their own, replaced whole.

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

from acuinfo.base.errors import AcuinfoError
from acuinfo.base.integrity import DamagedCache
from acuinfo.base.interrupt import stop_if_pressed, watched
from acuinfo.base.languages import ENGLISH
from acuinfo.base.places import cache_dir
from acuinfo.base.progress import progress_bar
from acuinfo.base.saferead import read_limited
from acuinfo.base.safewrite import new_file, sweep, write_file
from acuinfo.base.sqlite_errors import SQLITE_ERRORS
from acuinfo.finding import cache_files, index_lock, index_rows
from acuinfo.finding.cache_files import index_uri
from acuinfo.finding.entries import collect
from acuinfo.finding.freshness import Listing, Signature, signature
from acuinfo.finding.index_rows import BUILT_BY, SUBFOLDERS, resolved
from acuinfo.finding.packed_text import prepare
from acuinfo.knowledge.loading import Knowledge
from acuinfo.knowledge.translating import TRANSLATIONS

MAX_LISTINGS_BYTES = 64 * 1024 * 1024
T = TypeVar("T")

# What the views read from an index: kept in acuinfo.finding.index_rows.
conditions, drafts, problems = index_rows.conditions, index_rows.drafts, index_rows.problems


def using(knowledge: Knowledge, use: Callable[[sqlite3.Connection], T]) -> T:
    """What ``use`` makes of the index for these folders. An index that fails while in
    use (a SQLite error, or a row that fails its checksum) is rebuilt, and ``use`` runs
    once more on the new one."""
    connection = open_index(knowledge)
    try:
        return use(connection)
    except (*SQLITE_ERRORS, DamagedCache):
        stop_if_pressed()  # the query stopped for Ctrl-C: the index is fine
    finally:
        connection.close()  # and with it the read, which an update waits for
    with contextlib.closing(_build(knowledge, *_where(knowledge))) as connection:
        return use(connection)


def open_index(knowledge: Knowledge) -> sqlite3.Connection:
    """The index for these folders: the cached one if it is current, else a new one."""
    path, scanned = _where(knowledge)
    listings_file = f"{path}.listings"
    known = _read_listings(listings_file)
    state = signature(scanned, known)
    key = _key(knowledge, state)
    connection = _open_existing(path, key)
    if connection is not None:
        if any(listing is not known.get(folder) and listing.settled()
               for folder, listing in state.listings.items()):
            _write_listings(listings_file, state.listings)  # made too soon, now settled
        return connection
    if os.path.lexists(path):  # if some files changed, only their rows do
        from acuinfo.finding import index_update

        _sweep(path.parent)  # what killed runs left, as a build sweeps: builds are rare now
        with contextlib.suppress(OSError, *SQLITE_ERRORS, AcuinfoError, DamagedCache):
            now = time.time_ns()
            if index_update.update(knowledge, path, state, _settled_key(key, state, now), now):
                if any(listing is not known.get(folder)
                       for folder, listing in state.listings.items()):
                    _write_listings(listings_file, state.listings)
                return connect(index_uri(path))
        stop_if_pressed()
        return _build(knowledge, path, scanned, state, swept=True)
    return _build(knowledge, path, scanned, state)


def _settled_key(key: bytes, state: Signature, now_ns: int) -> bytes:
    """``key``, marked when built too soon after an edit to be sure a second one would
    show: good for this run, and brought up to date by the next (see freshness)."""
    return key if state.settled(now_ns) else key + b"\0unsettled"


def _where(knowledge: Knowledge) -> tuple[Path, list[str]]:
    """The index file for these folders, and the folders its signature covers."""
    roots = [resolved(folder) for folder in knowledge.folders]
    folders = "\0".join(roots).encode("utf-8", "surrogatepass")
    # A quick checksum names the file (hashlib costs milliseconds to import); two folder
    # lists that share one only rebuild each other's index, as the signature differs.
    language = knowledge.language
    suffix = "" if language == ENGLISH else f"-{language}"  # an index for each language
    name = f"index-{binascii.crc32(folders):08x}-{len(folders)}-f{index_rows.FORMAT}{suffix}"
    path = cache_dir() / f"{name}.sqlite"
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
        connection = connect(index_uri(path))
    except SQLITE_ERRORS:
        return None
    try:
        row = connection.execute("SELECT value FROM meta WHERE key = 'signature'").fetchone()
        if row is not None and row[0] == key:
            return connection
    except SQLITE_ERRORS:
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
           state: Signature | None = None, swept: bool = False) -> sqlite3.Connection:
    """A new index, in place of any old one; ``swept`` when the cache folder has just been
    cleared of what killed runs left."""
    if state is None:
        state = signature(scanned, {})
    now = time.time_ns()
    key = _settled_key(_key(knowledge, state), state, now)
    try:
        folder = path.parent
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not swept:
            _sweep(folder)
        cache_files.prune(folder, BUILT_BY, path)
        with index_lock.held(folder, now=False) as lock, new_file(
                path, replace=True, durable=False, private=True) as temporary:
            temporary.close()
            with contextlib.closing(prepare(watched(sqlite3.connect(temporary.path)))
                                    ) as connection:
                _fill(connection, knowledge, key, state, now)
            try:
                lock.take()  # only now: no writer waits for the whole build
            except TimeoutError:  # a writer is stuck: this index serves this run alone
                raise _ForThisRun(_opened(temporary.path)) from None
            index_lock.clear_journal(path)
        _write_listings(f"{path}.listings", state.listings)
        return connect(index_uri(path))
    except _ForThisRun as kept:
        return kept.connection
    except (OSError, *SQLITE_ERRORS, AcuinfoError):
        stop_if_pressed()
        connection = connect(":memory:")  # no usable cache folder: an index for this run
        _fill(connection, knowledge, key, state, now)
        return connection


class _ForThisRun(Exception):
    """A new index that could not take its place (another writer held the lock too
    long), open for this run: it is read until the run ends, its name already gone."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        super().__init__()
        self.connection = connection


def _opened(file: str) -> sqlite3.Connection:
    """A connection to the index ``file`` that holds it open, reading, from now on."""
    connection = connect(index_uri(file))
    connection.execute("SELECT 1 FROM meta LIMIT 1").fetchall()
    return connection


def _fill(connection: sqlite3.Connection, knowledge: Knowledge, key: bytes,
          state: Signature, built_ns: int) -> None:
    """Every row of a new index. The stamps of the condition files are taken before any
    is read: a file edited while the build reads it then shows as changed next time."""
    roots = index_rows.roots_of(knowledge)
    stamps = {folder: index_rows.stamps_of(state, folder) for folder in state.listings
              if index_rows.is_conditions_folder(folder, roots)}
    # A Knowledge of its own, so that what it finds wrong is kept in the index and
    # reported by the views that list entries on every run alike, and never mixed into
    # (or taken from) the problems of the command that asked for the index.
    fresh = Knowledge(knowledge.folders, language=knowledge.language)
    fresh.keep_parses = False  # a command that shows one entry keeps its parse
    index_rows.create(connection, knowledge.language)
    files = len({name for folder, listing in state.listings.items()
                 if index_rows.is_conditions_folder(folder, roots) for name in listing.names})
    with progress_bar(files, "Indexing the knowledge files") as tick:
        fresh.on_read = tick
        index_rows.add_entries(connection, collect(fresh), 1, knowledge.language)
        fresh.on_read = None
    index_rows.add_problems(connection, fresh.problems, knowledge.folders)
    index_rows.add_drafts(connection, index_rows.drafted(fresh))
    for folder, kept in stamps.items():
        index_rows.put_stamps(connection, folder, kept)
    index_rows.finish(connection, key, knowledge, state, built_ns)


def connect(where: str) -> sqlite3.Connection:
    """A connection to an index (a URI, or ":memory:") that stops for Ctrl-C at once. An
    index file is read in one transaction, from the first query until the connection
    closes, so that every query sees the same state however an update runs meanwhile."""
    connection = prepare(watched(sqlite3.connect(where, uri=where != ":memory:")))
    if where != ":memory:":
        connection.execute("BEGIN")
    return connection


def _sweep(folder: Path) -> None:
    """Remove what runs that were killed outright left behind: temporary files, the
    side files and temporary files of earlier versions of acuinfo, and journals whose
    index is gone. A journal beside its index is left alone: SQLite rolls it back into
    that index (see ``index_lock``)."""
    sweep(folder)
    sweep(folder / "parsed")
    with contextlib.suppress(OSError):
        for name in os.listdir(folder):
            if not name.startswith("index-"):
                continue
            if name.endswith((".sqlite-wal", ".sqlite-shm", ".tmp")) or (
                    name.endswith(".sqlite-journal")
                    and not os.path.lexists(folder / name.removesuffix("-journal"))):
                with contextlib.suppress(OSError):
                    os.unlink(folder / name)
