"""One writer at a time for the index files of a cache folder.

An update changes an index in place, in one SQLite transaction: SQLite's own locks give
every reader the old state or the new, and its rollback journal undoes a transaction
that was cut off, at the next open. That journal is found by name, beside the file
(``index-….sqlite-journal``). A new index renamed over one whose update was killed
would inherit the journal, and SQLite would roll pages of the old file into the new one.
So every writer holds this lock on the cache folder: an update for the whole of its
transaction, a build only for the moment its new file replaces the old one, after
letting SQLite roll back whatever journal the old one left (``clear_journal``). Readers
take no lock of ours.

The lock is the system's advisory lock on the folder itself, so there is no lock file to
leave behind or remove, and a process killed while it holds it holds it no more. Where
there are no such locks (Windows), writers go without, as acuinfo did when it never
wrote an index in place. A process forked while the lock is held (a worker reading
files) closes its copy of the descriptor at once: the lock belongs to the descriptor's
open file, so a copy would keep it held after the writer itself was killed.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

from acuinfo.base.sqlite_errors import SQLITE_ERRORS
from acuinfo.finding.cache_files import index_uri

WAIT_S = 10.0  # updates take well under a second: a lock held longer is stuck
POLL_S = 0.005
_HELD: set[int] = set()  # the descriptors of the locks this process holds


def _let_go_in_child() -> None:
    """In a forked process, close the copies of the held locks' descriptors: closing
    leaves the lock to the writer (only unlocking would take it away)."""
    for descriptor in _HELD:
        with contextlib.suppress(OSError):
            os.close(descriptor)
    _HELD.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_let_go_in_child)


class Lock:
    """The folder's lock, taken when ``take`` is called and let go when the block that
    made it ends: a build takes it only once its new file is complete."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._descriptor: int | None = None

    def take(self, wait_s: float | None = None) -> None:
        """Wait up to ``wait_s`` (``WAIT_S`` unless given) for the lock: TimeoutError if
        another process holds it that long, OSError if the folder cannot be opened. On a
        file system that has no such locks, writers go without, as on Windows."""
        wait_s = WAIT_S if wait_s is None else wait_s
        try:
            import fcntl
        except ImportError:
            return
        if self._descriptor is not None:
            return
        descriptor = os.open(self.folder, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
        deadline = time.monotonic() + wait_s
        try:
            while True:
                try:
                    fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        raise TimeoutError(f"another acuinfo is writing in {self.folder}") from None
                    time.sleep(POLL_S)
                except OSError:  # no locks on this file system (some network ones)
                    os.close(descriptor)
                    return
        except BaseException:
            os.close(descriptor)
            raise
        self._descriptor = descriptor
        _HELD.add(descriptor)

    def release(self) -> None:
        if self._descriptor is not None:
            _HELD.discard(self._descriptor)
            os.close(self._descriptor)  # and with it the lock
            self._descriptor = None


@contextlib.contextmanager
def held(folder: Path, now: bool = True) -> Iterator[Lock]:
    """The lock on ``folder``: taken at once, or (``now`` False) when the block calls
    ``take``; let go when the block ends, however it ends."""
    lock = Lock(folder)
    try:
        if now:
            lock.take()
        yield lock
    finally:
        lock.release()


def clear_journal(path: Path) -> None:
    """Before a new file replaces ``path`` (the lock held): let SQLite roll back what an
    update that was killed left in it, so that no journal is left to meet the new file;
    a journal with no database, or beside a file SQLite cannot read, is removed."""
    journal = f"{path}-journal"
    if not os.path.lexists(journal):
        return
    if os.path.lexists(path):
        with contextlib.suppress(*SQLITE_ERRORS):
            connection = sqlite3.connect(index_uri(path), uri=True, isolation_level=None)
            try:
                connection.execute("BEGIN IMMEDIATE")  # rolls a hot journal back first
                connection.execute("ROLLBACK")
            finally:
                connection.close()
    with contextlib.suppress(FileNotFoundError):
        os.unlink(journal)

