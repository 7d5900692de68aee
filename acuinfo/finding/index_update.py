"""Bring an index up to date by changing only the rows of the files that changed, so
that an edit costs what it changes rather than what the folder holds.

The update changes the index in place, in one SQLite transaction, holding the cache
folder's writer lock (see ``acuinfo.finding.index_lock``): a reader sees the old index
or the new one, and an update that is killed is rolled back by the next run that opens
the index. Its cost is then that of the rows changed, not a copy of the whole file (a
copy of an index over 100,000 conditions is more than a gigabyte). Conditions are
updated a file name (a *unit*) at a time: their rows depend on the files of that name
alone. The rest (the tips, the session, the glossary, the pages) is read from every
folder and merged, so a change to any of those files reads all of them again, and
replaces the rows of the entries that changed; none of the conditions' rows, which
depend on no other file. Any other change (a conditions
folder that appeared, went or cannot be read, another version of acuinfo) is left to
a full build, as is an update of very many conditions.

Which units changed is told by each file's stamp (size, times and inode), kept in the
index, under the same rules as the signature (see ``acuinfo.finding.freshness``): an
index built less than two seconds after a file was modified cannot rule out a second
edit in the same tick, so a file modified that close to the last build is read again.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from acuinfo.base.integrity import checksum
from acuinfo.base.interrupt import watched
from acuinfo.base.saferead import SETTLED_NS
from acuinfo.finding import index_lock, index_rows
from acuinfo.finding.cache_files import index_uri
from acuinfo.finding.entries import condition_entry, shared_entries
from acuinfo.finding.freshness import Signature
from acuinfo.finding.packed_text import prepare
from acuinfo.knowledge.loading import Knowledge

MAX_SHARE = 0.2  # changing more than a fifth of the conditions: a full build is as quick


def update(knowledge: Knowledge, path: Path, state: Signature, key: bytes,
           built_ns: int) -> bool:
    """Bring the index at ``path`` up to date with ``state`` in place, if it can tell what
    changed; False (and nothing changed) when it needs a full build. Raises
    sqlite3.Error or OSError when it cannot be written (another writer held it too long,
    say): the caller builds a new one."""
    with index_lock.held(path.parent), contextlib.closing(
            prepare(watched(sqlite3.connect(index_uri(path), uri=True)))) as connection:
        # SQLite's own flushing is kept (synchronous FULL): a few flushes per update, so
        # that even a power cut leaves the old index or the new one.
        connection.execute("BEGIN IMMEDIATE")  # readers see the old rows until COMMIT
        row = connection.execute("SELECT value FROM meta WHERE key = 'signature'").fetchone()
        if row is not None and row[0] == key:
            return True  # another acuinfo brought it up to date a moment ago
        changed = _changed_units(connection, knowledge, state)
        if changed is None:
            return False
        units, stamps, shared = changed
        if units:
            count = connection.execute("SELECT count(*) FROM entries WHERE unit IS NOT NULL")
            if len(units) > max(10, MAX_SHARE * count.fetchone()[0]):
                return False
        for folder, now in stamps.items():
            index_rows.put_stamps(connection, folder, now)
        listed = index_rows.kept_list(connection, "conditions")
        removed, added = _replace_units(connection, knowledge, units)
        if shared:
            _replace_shared(connection, knowledge)
        if listed is not None:  # else (or if it lacks a row) made afresh from the rows
            listed = index_rows.changed_list(listed, removed, added)
        index_rows.finish(connection, key, knowledge, state, built_ns, listed)
    return True


def _changed_units(connection: sqlite3.Connection, knowledge: Knowledge, state: Signature
                   ) -> tuple[set[str], dict[str, dict[str, index_rows.Stamp]], bool] | None:
    """The names of the condition files that changed since the index was built, the
    stamps of the folders looked into (the signature's, taken before any file is read
    again), and whether any other knowledge file changed; None if a conditions folder
    appeared or went, or the index cannot tell."""
    meta = dict(connection.execute("SELECT key, value FROM meta"))
    parts = index_rows.kept_parts(meta.get("parts"))
    built_ns, signature = meta.get("built_ns"), meta.get("signature")
    if (parts is None or type(built_ns) is not int or not isinstance(signature, bytes)
            or meta.get("format") != index_rows.BUILT_BY
            or meta.get("language") != knowledge.language
            or set(parts) != set(state.parts)):
        return None
    unsettled = signature.endswith(b"\0unsettled")
    recent = built_ns - SETTLED_NS  # modified after this: maybe edited again unseen
    checked = []
    shared = False
    roots = index_rows.roots_of(knowledge)
    for folder, part in state.parts.items():
        if index_rows.is_conditions_folder(folder, roots):
            if part == parts[folder] == "-":
                continue  # missing (or unreadable) before and now
            if "-" in (part, parts[folder]):
                return None  # a folder that appeared or went: what it held is unknown
            if part != parts[folder] or unsettled:
                checked.append(folder)
        elif part != parts[folder] or (unsettled and state.newest_in.get(folder, 0) >= recent):
            shared = True
    units: set[str] = set()
    stamps = {}
    for folder in checked:
        kept = index_rows.kept_stamps(connection, folder)
        if kept is None:
            return None
        now = stamps[folder] = index_rows.stamps_of(state, folder)
        try:
            units.update(name for name, _ in kept.items() ^ now.items())
        except TypeError:  # a kept stamp that is not a tuple: damaged
            return None
        if unsettled:
            units.update(name for name, found in now.items() if found[1] >= recent)
    return units, stamps, shared


def _replace_units(connection: sqlite3.Connection, knowledge: Knowledge, units: set[str]
                   ) -> tuple[list[list[str]], list[list[str]]]:
    """The rows of ``units`` read afresh: their entries, names, words, problems and
    drafts, in place of the old ones. Returns the conditions' [slug, title, summary]
    taken out and put in, for the list of conditions."""
    if not units:
        return [], []
    marks = ",".join("?" * len(units))
    chosen = [os.fsencode(unit) for unit in sorted(units)]
    listed = ("SELECT name, title, summary FROM entries"
              f" WHERE kind = 'condition' AND unit IN ({marks})")
    removed = list(map(list, connection.execute(listed, chosen)))
    _delete_entries(connection, [number for (number,) in connection.execute(
        f"SELECT id FROM entries WHERE unit IN ({marks})", chosen)])
    connection.execute(f"DELETE FROM problems WHERE unit IN ({marks})", chosen)
    connection.execute(f"DELETE FROM drafted WHERE unit IN ({marks})", chosen)
    fresh = Knowledge(knowledge.folders, language=knowledge.language)
    found = fresh.conditions_named(units)
    index_rows.add_entries(connection, map(condition_entry, found), _next_id(connection),
                           knowledge.language)
    roots = index_rows.named_roots(knowledge.folders)
    index_rows.add_problems(connection, [p for p in fresh.problems
                                         if index_rows.unit_of(p.file, roots) in units],
                            knowledge.folders)
    index_rows.add_drafts(connection, index_rows.drafted(fresh))
    return removed, list(map(list, connection.execute(listed, chosen)))


def _replace_shared(connection: sqlite3.Connection, knowledge: Knowledge) -> None:
    """Every row that is not a condition's (the tips, the session, the glossary, the
    pages, and the problems found in their files and folders) as a full build reads
    them from every folder. What they all hold is read afresh, but an entry whose rows
    would come out as they are is kept, so that an edit of one tip among thousands
    changes one entry of the full-text index, not all of them: thousands of rows
    deleted and written again would leave the full-text index fragmented, and every
    search slower, until SQLite merged it."""
    kept = _kept_shared(connection)
    fresh = Knowledge(knowledge.folders, language=knowledge.language)
    number = _next_id(connection)
    for entry in shared_entries(fresh):
        rows = index_rows.rows_of(entry, knowledge.language)
        same = kept.get(index_rows.digest(rows))
        if same:
            same.pop()
        else:
            index_rows.put_rows(connection, number, rows)
            number += 1
    _delete_entries(connection, [number for numbers in kept.values() for number in numbers])
    # A conditions folder that cannot be read is a problem of no unit too, found by the
    # reading of the conditions: it stands while that folder does (its change is a full
    # build), and is kept.
    connection.execute("DELETE FROM problems WHERE unit IS NULL AND kind != ?",
                       (index_rows.CONDITIONS,))
    index_rows.add_problems(connection, fresh.problems, knowledge.folders)


def _kept_shared(connection: sqlite3.Connection) -> dict[bytes, list[int]]:
    """The numbers of the entries that are not a condition's, by the digest of their rows
    (see ``index_rows.digest``)."""
    import itertools

    keys = itertools.groupby(connection.execute(
        "SELECT n.entry, n.key, n.alias FROM names n JOIN entries e ON e.id = n.entry"
        " WHERE e.unit IS NULL ORDER BY n.entry"), key=lambda row: row[0])
    pending = next(keys, None)
    found: dict[bytes, list[int]] = {}
    # An entry with no text is damage: it is not kept, and its deletion fails. The text
    # is read from texts, not words_text: SQLite would make the whole of that view (a
    # join) first, unpacking every condition's text.
    for number, *row, names, body in connection.execute(
            "SELECT e.id, e.kind, e.name, e.title, e.command, e.summary, e.checksum,"
            " e.body_checksum, e.unit, t.names,"
            " CASE WHEN t.id IS NOT NULL THEN unpacked(t.body, e.summary) END"
            " FROM entries e LEFT JOIN texts t ON t.id = e.id"
            " WHERE e.unit IS NULL ORDER BY e.id"):
        while pending is not None and pending[0] < number:
            pending = next(keys, None)
        held = []
        if pending is not None and pending[0] == number:
            held = [(key, alias) for _, key, alias in pending[1]]
            pending = next(keys, None)
        found.setdefault(index_rows.digest((tuple(row), names, body, held)), []).append(number)
    return found


def _delete_entries(connection: sqlite3.Connection, ids: list[int]) -> None:
    """The entries numbered ``ids``, with their names and words."""
    if not ids:
        return
    for start in range(0, len(ids), 500):  # SQLite's limit on parameters
        some = ids[start:start + 500]
        held = ",".join("?" * len(some))
        # The words go first, by the text they were indexed from (see packed_text), once
        # it is known to be that text: taking out other words would damage the index.
        texts = connection.execute(
            "SELECT w.id, w.names, w.body, e.body_checksum FROM words_text w"
            f" JOIN entries e ON e.id = w.id WHERE w.id IN ({held})", some).fetchall()
        if len(texts) != len(some) or any(checksum(row[1], row[2]) != row[3] for row in texts):
            raise sqlite3.DatabaseError("an entry's text in the index does not match its checksum")
        connection.executemany("INSERT INTO words (words, rowid, names, body)"
                               " VALUES ('delete', ?, ?, ?)", [row[:3] for row in texts])
        connection.execute(f"DELETE FROM texts WHERE id IN ({held})", some)
        connection.execute(f"DELETE FROM entries WHERE id IN ({held})", some)
    # The names are not indexed by entry (see index_rows): one pass over them takes out
    # the names of every entry deleted here, however many there are.
    connection.execute("CREATE TEMP TABLE IF NOT EXISTS deleted (id INTEGER PRIMARY KEY)")
    connection.executemany("INSERT OR IGNORE INTO temp.deleted VALUES (?)",
                           [(number,) for number in ids])
    connection.execute("DELETE FROM names WHERE entry IN (SELECT id FROM temp.deleted)")
    connection.execute("DELETE FROM temp.deleted")


def _next_id(connection: sqlite3.Connection) -> int:
    """The number of the next entry: after every entry there is now."""
    return (connection.execute("SELECT max(id) FROM entries").fetchone()[0] or 0) + 1
