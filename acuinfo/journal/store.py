"""The journal file: SQLite, in WAL mode, every change in one transaction.

The file is the person's own and holds health information, so:

- It is created whole or not at all, readable by its owner only: built as a
  temporary file beside its name and linked into place (``acuinfo.base.safewrite``),
  so a journal that is there is always a complete one.
- A file at the journal's name that is not an acuinfo journal, or is damaged, is
  never written to, repaired or replaced: opening it fails with what to do.
- Each change (an entry, an import, a deletion, a layout update) is one transaction
  (``BEGIN IMMEDIATE``), so a crash, a kill or Ctrl-C leaves the journal as it was or
  with the whole change, and two processes adding at once both land, one after the
  other.

The layout has a version (``PRAGMA user_version``). Reading knows every layout up to
``LAYOUT``; the first change a newer acuinfo makes to an older file updates it first,
in the same kind of transaction. A file from a newer acuinfo is refused, unchanged.
"""

from __future__ import annotations

import contextlib
import datetime
import errno
import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

from acuinfo.base.errors import AcuinfoError
from acuinfo.base.interrupt import deferred, stop_if_pressed, watched
from acuinfo.base.safetext import shown_name
from acuinfo.base.sqlite_errors import SQLITE_ERRORS
from acuinfo.journal.entries import Entry, InputError, stored

APPLICATION_ID = 0x41435531  # "ACU1" in the file's header: this is an acuinfo journal
LAYOUT = 2
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_SECONDS = 30  # how long to wait for another acuinfo that is writing

# Each layout, as the steps from the one before it. Layout 1 is the first file acuinfo
# wrote; layout 2 notes when each entry was written, to order entries of one day.
MIGRATIONS = {
    1: """
        CREATE TABLE entry (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
            pain INTEGER NOT NULL CHECK (pain BETWEEN 0 AND 10),
            enjoyment INTEGER NOT NULL CHECK (enjoyment BETWEEN 0 AND 10),
            activity INTEGER NOT NULL CHECK (activity BETWEEN 0 AND 10),
            session INTEGER CHECK (session IS NULL OR session >= 1),
            note TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX entry_day ON entry (day, id);
    """,
    2: "ALTER TABLE entry ADD COLUMN recorded TEXT NOT NULL DEFAULT '';",
}


class JournalError(AcuinfoError):
    """The journal cannot be read or changed; it is as it was (exit 1)."""


def _leave_it() -> str:
    return ("acuinfo has left it as it is. Keep it somewhere else (rename it) and acuinfo "
            "will start a new journal, or use another file with --journal FILE")


def _refuse_what_is_there(path: Path) -> bool:
    """Whether a journal is at ``path``; refuse anything there that is not one."""
    shown = shown_name(path)
    try:
        found = os.stat(path)
    except FileNotFoundError:
        return False
    except OSError as err:
        raise JournalError(f"cannot read the journal {shown}: {err.strerror or err}") from None
    if stat.S_ISDIR(found.st_mode):
        raise JournalError(f"the journal {shown} is a folder, not a file; use another file "
                           "with --journal FILE")
    if not stat.S_ISREG(found.st_mode):
        raise JournalError(f"the journal {shown} is not a regular file; use another file "
                           "with --journal FILE")
    try:
        with open(path, "rb") as file:
            header = file.read(len(SQLITE_HEADER))
    except OSError as err:
        raise JournalError(f"cannot read the journal {shown}: {err.strerror or err}") from None
    if header != SQLITE_HEADER:
        raise JournalError(f"{shown} is not an acuinfo journal (it is not an SQLite file). "
                           + _leave_it())
    return True


class Journal:
    """An open journal file. Use as a context manager, or ``close`` it."""

    def __init__(self, path: Path, connection: sqlite3.Connection, layout: int) -> None:
        self.path = path
        self.connection = connection
        self.layout = layout

    # -- opening -------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, create: bool = False, make_folder: bool = False,
             changing: bool = False) -> Journal | None:
        """The journal at ``path``; None if there is none and ``create`` is False.
        With ``create``, a missing journal is made first, and with ``make_folder`` its
        folder too (the default place's, for its owner only). ``changing`` (or
        ``create``) says a change is coming, for the words of an error."""
        path = Path(path)
        action = "change" if changing or create else "read"
        if not _refuse_what_is_there(path):
            if not create:
                return None
            _create(path, make_folder)
        with _errors(path, action):
            connection = sqlite3.connect(_address(path), uri=True, timeout=BUSY_SECONDS,
                                         isolation_level=None)
        try:
            with _errors(path, action):
                watched(connection)
                layout = _check(path, connection)
                connection.execute("PRAGMA synchronous = FULL")
        except BaseException:
            connection.close()
            raise
        return cls(path, connection, layout)

    def close(self) -> None:
        with deferred():
            self.connection.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading ---------------------------------------------------------------------

    def entries(self) -> list[Entry]:
        """Every entry, oldest first (by day, then in the order written)."""
        recorded = "recorded" if self.layout >= 2 else "''"
        with _errors(self.path, "read"):
            rows = self.connection.execute(
                "SELECT id, day, pain, enjoyment, activity, session, note, "
                f"{recorded} FROM entry ORDER BY day, id").fetchall()
        found = []
        for row in rows:
            try:
                found.append(stored(row))
            except ValueError as err:
                raise JournalError(f"entry {row[0]} of the journal {shown_name(self.path)} "
                                   f"is not one acuinfo can read: {err}. "
                                   + _leave_it()) from None
        return found

    def entry(self, number: int) -> Entry:
        for found in self.entries():
            if found.id == number:
                return found
        raise InputError(f"the journal has no entry {number}; see its entries, with their "
                         "numbers, with: acuinfo journal")

    # -- changing --------------------------------------------------------------------

    def add(self, entry: Entry) -> Entry:
        """Add one entry; the entry with its number."""
        with self._change():
            self.entries()  # one that cannot be read whole is refused, unchanged
            number = self._insert(entry)
        return entry._replace(id=number, recorded=entry.recorded or _now())

    def add_new(self, entries: list[Entry]) -> tuple[list[Entry], list[tuple[int, Entry]]]:
        """Add, in one transaction, those of ``entries`` the journal does not hold yet:
        (the entries added, with their numbers; (position in ``entries``, the entry it
        repeats) for each one left out)."""
        added: list[Entry] = []
        skipped: list[tuple[int, Entry]] = []
        with self._change():
            held = {old.key(): old for old in self.entries()}
            for position, entry in enumerate(entries):
                twin = held.get(entry.key())
                if twin is not None:
                    skipped.append((position, twin))
                    continue
                new = entry._replace(id=self._insert(entry), recorded=entry.recorded or _now())
                held[new.key()] = new
                added.append(new)
        return added, skipped

    def delete(self, number: int) -> Entry:
        with self._change():
            found = self.entry(number)
            self.connection.execute("DELETE FROM entry WHERE id = ?", (number,))
        return found

    def _insert(self, entry: Entry) -> int:
        cursor = self.connection.execute(
            "INSERT INTO entry (day, pain, enjoyment, activity, session, note, recorded) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (entry.day.isoformat(), entry.pain, entry.enjoyment, entry.activity,
             entry.session, entry.note, entry.recorded or _now()))
        return cursor.lastrowid

    @contextlib.contextmanager
    def _change(self) -> Iterator[None]:
        """One transaction, the layout brought up to date first; all of it or none."""
        connection = self.connection
        with _errors(self.path, "change"):
            connection.execute("BEGIN IMMEDIATE")
            try:
                layout = connection.execute("PRAGMA user_version").fetchone()[0]
                for step in range(layout + 1, LAYOUT + 1):
                    _run_script(connection, MIGRATIONS[step])
                if layout < LAYOUT:
                    connection.execute(f"PRAGMA user_version = {LAYOUT}")
                    self.layout = LAYOUT
                yield
                with deferred():  # a commit is done or not: Ctrl-C waits for it
                    connection.execute("COMMIT")
            except BaseException:
                with deferred(), contextlib.suppress(sqlite3.Error):
                    connection.execute("ROLLBACK")
                raise


def _address(path: Path) -> str:
    """The file as SQLite opens it: to read and write, never to make (a journal is made
    only by ``_create``). One that may only be read, in a folder that may only be read,
    with no write-ahead log beside it, cannot change while it is read: SQLite is told so,
    as it could not open it in WAL mode otherwise."""
    address = path.absolute().as_uri()
    if os.access(path, os.W_OK) and os.access(path.parent, os.W_OK):
        return f"{address}?mode=rw"
    if not os.access(path.parent, os.W_OK) and not os.path.exists(f"{path}-wal"):
        return f"{address}?mode=ro&immutable=1"
    return f"{address}?mode=ro"


def _run_script(connection: sqlite3.Connection, script: str) -> None:
    """Run the statements of ``script`` one by one, inside the open transaction
    (``executescript`` would commit it first)."""
    for statement in script.split(";"):
        if statement.strip():
            connection.execute(statement)


def _now() -> str:
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")


def _check(path: Path, connection: sqlite3.Connection) -> int:
    """The layout of an open file that must be an acuinfo journal, checked whole."""
    shown = shown_name(path)
    application = connection.execute("PRAGMA application_id").fetchone()[0]
    if application != APPLICATION_ID:
        raise JournalError(f"{shown} is an SQLite file, but not an acuinfo journal. "
                           + _leave_it())
    layout = connection.execute("PRAGMA user_version").fetchone()[0]
    if layout > LAYOUT:
        raise JournalError(
            f"{shown} was written by a newer acuinfo (journal layout {layout}; this one "
            f"reads layouts 1 to {LAYOUT}). acuinfo has left it as it is: update acuinfo "
            "to use it")
    if layout < 1:
        raise JournalError(f"{shown} is not a complete acuinfo journal. " + _leave_it())
    verdict = connection.execute("PRAGMA quick_check").fetchall()
    if verdict != [("ok",)]:
        raise JournalError(f"the journal {shown} is damaged. " + _leave_it())
    return layout


def _create(path: Path, make_folder: bool) -> None:
    """A new, empty journal at ``path``, whole or not at all, for its owner only."""
    from acuinfo.base import safewrite

    shown = shown_name(path)
    folder = path.parent
    if not folder.is_dir():
        if make_folder:
            try:
                folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            except OSError as err:
                raise JournalError(f"cannot make the folder {shown_name(folder)} for the "
                                   f"journal: {err.strerror or err}") from None
        else:
            raise JournalError(f"the folder {shown_name(folder)} for the journal {shown} "
                               "does not exist; make it first, or choose another file")
    try:
        with _creating(folder):
            if os.path.lexists(path):
                return  # another acuinfo made it a moment ago: use that one
            _sweep(folder, path.name)
            with safewrite.new_file(path, replace=False, private=True) as temporary:
                temporary.close()
                _build(Path(temporary.path))
    except FileExistsError:
        return
    except (OSError, sqlite3.Error) as err:
        reason = "the disk is full" if _full(folder) else _reason(err)
        raise JournalError(f"cannot make the journal {shown}: {reason}; nothing was "
                           "written") from None


@contextlib.contextmanager
def _creating(folder: Path) -> Iterator[None]:
    """Hold the folder's lock while a journal is made in it, so that no two acuinfos make
    one at once and what a missing journal left beside it can be told from what a new
    one writes."""
    try:
        import fcntl
    except ImportError:  # no such locks here: a lost race still ends in one journal
        yield
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        with deferred():
            fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # and with it the lock


def _build(path: Path) -> None:
    """The current layout in an empty file, left in WAL mode with nothing pending."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode = MEMORY")  # no side file while building
        connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        connection.execute("BEGIN")
        for step in range(1, LAYOUT + 1):
            _run_script(connection, MIGRATIONS[step])
        connection.execute(f"PRAGMA user_version = {LAYOUT}")
        connection.execute("COMMIT")
        connection.execute("PRAGMA journal_mode = WAL")
    finally:
        connection.close()  # the last connection: the write-ahead log is merged and removed


def _sweep(folder: Path, name: str) -> None:
    """Remove what a creation that was killed outright left: its temporary file (see
    ``safewrite.sweep``) and SQLite's side files of it; and the write-ahead log of a
    journal that is no longer there (deleted after a run that was killed), which SQLite
    would otherwise read into the new one. Run with the folder's lock held."""
    from acuinfo.base import safewrite

    safewrite.sweep(folder, prefix=f".{name[:100]}.")
    for side in ("-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(folder / f"{name}{side}")
    with contextlib.suppress(OSError):
        for side in os.listdir(folder):
            base, dash, kind = side.rpartition("-")
            if (dash and kind in ("wal", "shm", "journal") and safewrite.is_temporary(base)
                    and base.startswith(f".{name[:100]}.")
                    and not os.path.exists(os.path.join(folder, base))):
                os.unlink(os.path.join(folder, side))


def _full(folder: Path) -> bool:
    """Whether the file system of ``folder`` has no room left."""
    try:
        found = os.statvfs(folder)
    except (OSError, AttributeError):
        return False
    return found.f_bavail * found.f_frsize < 8192


def _reason(err: BaseException) -> str:
    if isinstance(err, OSError):
        return err.strerror or str(err)
    return str(err)


@contextlib.contextmanager
def _errors(path: Path, action: str) -> Iterator[None]:
    """SQLite's and the system's errors as a JournalError that says what to do; Ctrl-C
    (a query stopped by the progress handler) as Ctrl-C."""
    shown = shown_name(path)
    unchanged = "; the journal is unchanged" if action == "change" else ""
    try:
        yield
    except SQLITE_ERRORS as err:
        # A UnicodeDecodeError is SQLite's message quoting damaged bytes, which Python
        # could not decode: damage, as "decode" in its words says below.
        stop_if_pressed()
        text = str(err).lower()
        code = getattr(err, "sqlite_errorcode", None)
        if "full" in text or code == 13 or _full(path.parent):
            raise JournalError(f"cannot {action} the journal {shown}: the disk is full"
                               f"{unchanged}") from None
        if "readonly" in text or "read-only" in text or code == 8:
            raise JournalError(f"cannot {action} the journal {shown}: it, or its folder, "
                               f"may only be read{unchanged}") from None
        if "locked" in text or "busy" in text:
            raise JournalError(f"the journal {shown} is busy: another program has been "
                               f"writing to it for {BUSY_SECONDS} seconds{unchanged}. Try "
                               "again later") from None
        if any(word in text for word in ("not a database", "malformed", "corrupt", "decode")):
            raise JournalError(f"the journal {shown} is damaged. " + _leave_it()) from None
        if "unable to open" in text or "disk i/o" in text:
            raise JournalError(f"cannot {action} the journal {shown}: the file or its "
                               f"folder cannot be opened or written{unchanged}") from None
        raise JournalError(f"cannot {action} the journal {shown}: {err}{unchanged}") from None
    except OSError as err:
        if err.errno == errno.ENOSPC or _full(path.parent):
            raise JournalError(f"cannot {action} the journal {shown}: the disk is full"
                               f"{unchanged}") from None
        raise JournalError(f"cannot {action} the journal {shown}: {_reason(err)}"
                           f"{unchanged}") from None
