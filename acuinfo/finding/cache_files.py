"""What the cache folder holds, and clearing out the indexes no run can use again.

An index is built for one list of knowledge folders in one language, by one version of
acuinfo (see ``acuinfo.finding.index``). Once one of those folders is gone (deleted, or a
temporary folder cleaned up), or acuinfo has moved to another index format, nothing will
read that index again, yet it would stay on disk for ever. Each new build removes such
indexes once they have been left alone for a grace period, so that a folder that is only
being moved, or another acuinfo version still installed beside this one, keeps its index.
Removing a file another process has open is safe where acuinfo keeps its cache: that
process keeps reading what it opened, and on a system that refuses (Windows), the file
simply stays until a later build.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from pathlib import Path
from typing import NamedTuple

from acuinfo.base.sqlite_errors import SQLITE_ERRORS

GRACE_S = 24 * 60 * 60  # an unused index is left for a day before it is removed
FOLDERS_KEY = "folders"  # the meta row that names an index's folders: bytes, NUL between
FORMAT_KEY = "format"  # the meta row that names the version and format that built it


class Usage(NamedTuple):
    """How much the cache folder holds: bytes in all, and how many indexes and parsed
    files."""

    size: int
    indexes: int
    parsed: int


def usage(folder: Path) -> Usage:
    """What the cache folder holds now; nothing where it cannot be read."""
    size = indexes = parsed = 0
    for where, counting in ((folder, "index"), (folder / "parsed", "parsed")):
        with contextlib.suppress(OSError), os.scandir(where) as found:
            for entry in found:
                with contextlib.suppress(OSError):
                    if not entry.is_file(follow_symlinks=False):
                        continue
                    size += entry.stat(follow_symlinks=False).st_size
                if counting == "index" and _is_index(entry.name):
                    indexes += 1
                elif counting == "parsed" and entry.name.endswith(".bin"):
                    parsed += 1
    return Usage(size, indexes, parsed)


def describe(used: Usage) -> str:
    """The cache's size in words, as ``acuinfo paths`` shows it."""
    return (f"{_size(used.size)} in all: {used.indexes} search "
            f"index{'es' * (used.indexes != 1)}, {used.parsed} parsed "
            f"file{'s' * (used.parsed != 1)}")


def _size(number: int) -> str:
    if number < 1024:
        return f"{number} byte{'s' * (number != 1)}"
    for unit in ("KB", "MB", "GB"):
        number /= 1024
        if number < 1024 or unit == "GB":
            return f"{number:.1f} {unit}"
    raise AssertionError("unreachable")


def _is_index(name: str) -> bool:
    return name.startswith("index-") and name.endswith(".sqlite")


def prune(folder: Path, current_format: str, keep: Path,
          now: float | None = None) -> list[Path]:
    """Remove the indexes in ``folder`` (and the listings beside them) that no run can
    use again: built by another format than ``current_format``, or for a folder that no
    longer exists, and left alone for ``GRACE_S``. ``keep`` (the index being built) is
    never removed. Returns what was removed."""
    now = time.time() if now is None else now
    removed: list[Path] = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    for name in names:
        path = folder / name
        if not _is_index(name) or path == keep:
            continue
        try:
            if now - os.stat(path).st_mtime < GRACE_S:
                continue
        except OSError:
            continue
        if _still_usable(path, current_format):
            continue
        for gone in (path, Path(f"{path}.listings"), Path(f"{path}-journal")):
            with contextlib.suppress(OSError):
                os.unlink(gone)
        removed.append(path)
    return removed


def read_only_uri(path: str | os.PathLike) -> str:
    """A URI that opens ``path`` read-only and immutable: every byte of the path
    percent-encoded as needed (``#``, ``?`` and ``%`` included, and bytes that are not
    UTF-8), so the URI names that file and no other."""
    return Path(os.path.abspath(path)).as_uri() + "?mode=ro&immutable=1"


def index_uri(path: str | os.PathLike) -> str:
    """A URI that opens an existing index to read, and for SQLite to write to when it
    must (an update, or rolling back what a killed one left): it never makes a new file.
    The path is encoded as in ``read_only_uri``."""
    return Path(os.path.abspath(path)).as_uri() + "?mode=rw"


def _still_usable(path: Path, current_format: str) -> bool:
    """Whether a run could use this index: built by this format, for folders that are all
    still there. An index that cannot be read is never usable (it would be rebuilt)."""
    try:
        with contextlib.closing(sqlite3.connect(read_only_uri(path), uri=True)) as db:
            rows = dict(db.execute("SELECT key, value FROM meta WHERE key IN (?, ?)",
                                   (FOLDERS_KEY, FORMAT_KEY)))
    except SQLITE_ERRORS:
        return False
    folders, built_by = rows.get(FOLDERS_KEY), rows.get(FORMAT_KEY)
    if not isinstance(folders, bytes) or built_by != current_format:
        return False
    return all(os.path.isdir(root) for root in folders.split(b"\0") if os.path.isabs(root))
