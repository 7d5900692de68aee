"""A cache of parsed knowledge files, so a command that shows one entry need not
import or run the YAML parser at all once the file has been read before.

Each file's parsed value is kept in the cache folder with ``marshal``, which
is built into Python (nothing to import) and reads a condition several times
faster than ``json``. An entry is keyed by where the file resolves to (so that a folder
named relatively, absolutely or through a link shares its entries), size, inode and
modification and change times, and by the Python version, since marshal's
format may change between versions; a checksum guards against a damaged entry.
A file modified less than two seconds ago is not kept: on a file system whose
clock ticks once a second (or every two, as FAT's does), a second edit in the
same tick, of the same size, would change none of those. (The change time is
in the key for edits that set the modification time back, as ``touch -d`` does.)
Only plain values are kept (text keys; text, numbers, booleans, nulls, dates,
lists and mappings). A missing, stale or unreadable entry is simply a miss; a
folder that cannot be written is no error. Positions are not kept: when a
problem needs a line number, the file is parsed again.
"""

from __future__ import annotations

import binascii
import datetime
import marshal
import os
import sys
import time
from collections.abc import Sequence

from acuinfo import __version__
from acuinfo.base.errors import AcuinfoError
from acuinfo.base.places import cache_dir
from acuinfo.base.saferead import SETTLED_NS, read_limited, stamp
from acuinfo.base.safewrite import write_file

MAX_ENTRY_BYTES = 32 * 1024 * 1024  # far more than a 2 MB knowledge file's parse needs

_DATE = "\x00date"  # a date is kept as (_DATE, year, month, day): parsed YAML has no tuples


def _absolute(file: str) -> str:
    """Where the file is, however its folder was named (relative, absolute, through a
    link), so that each file has one entry."""
    return os.path.realpath(file)


def _path(file: str) -> str:
    # A quick checksum names the entry (hashlib's OpenSSL module costs milliseconds to
    # load); two paths that share one only miss, since each entry records its file.
    raw = file.encode("utf-8", "surrogatepass")
    return os.path.join(cache_dir(), "parsed", f"{binascii.crc32(raw):08x}-{len(raw)}.bin")


def _key(file: str, stat: os.stat_result) -> tuple:
    return (__version__, sys.hexversion, file, *stamp(stat))


def load(file: str, stat: os.stat_result) -> tuple[bool, object]:
    """(True, value) when a current parse of ``file`` is cached, else (False, None)."""
    return load_layered([(file, stat)])


def store(file: str, stat: os.stat_result, value: object) -> None:
    """Keep ``value`` for ``file`` if it is plain enough to come back the same, and the
    file has settled (see the module's docstring)."""
    store_layered([(file, stat)], value)


def load_layered(files: Sequence[tuple[str, os.stat_result]]) -> tuple[bool, object]:
    """(True, value) when a value made from ``files`` (each with its stat) is cached and
    none of them has changed since, else (False, None). A translated file laid over its
    English one is kept this way, so that a page in another language reads one entry
    for each file, as a page in English does."""
    files = [(_absolute(file), stat) for file, stat in files]
    try:
        raw = read_limited(_path("\x00".join(file for file, _ in files)), MAX_ENTRY_BYTES)
    except OSError:  # missing, unreadable, too big, or not a file at all
        return False, None
    payload = memoryview(raw)[4:]
    if len(raw) < 4 or int.from_bytes(raw[:4], "big") != binascii.crc32(payload):
        return False, None
    try:
        stored = marshal.loads(payload)
        if (type(stored) is not tuple or len(stored) != 2
                or stored[0] != tuple(_key(file, stat) for file, stat in files)):
            return False, None
        return True, _revive(stored[1])
    except (ValueError, EOFError, TypeError, RecursionError):
        return False, None


def store_layered(files: Sequence[tuple[str, os.stat_result]], value: object) -> None:
    """Keep ``value``, made from ``files``, as ``store`` keeps one file's parse: only if
    it is plain and every one of the files has settled."""
    now = time.time_ns()
    if any(now - stat.st_mtime_ns < SETTLED_NS for _, stat in files) or not _plain(value, 0):
        return
    files = [(_absolute(file), stat) for file, stat in files]
    payload = marshal.dumps((tuple(_key(file, stat) for file, stat in files), _encode(value)))
    if len(payload) + 4 > MAX_ENTRY_BYTES:
        return
    target = _path("\x00".join(file for file, _ in files))
    try:
        os.makedirs(os.path.dirname(target), mode=0o700, exist_ok=True)
        write_file(target, binascii.crc32(payload).to_bytes(4, "big") + payload,
                   replace=True, durable=False, private=True)
    except (OSError, AcuinfoError):  # a cache that cannot be written is no error
        return


def _plain(value: object, depth: int) -> bool:
    if depth > 64:
        return False
    if value is None or type(value) in (str, bool, int, datetime.date):
        return True
    if type(value) is float:
        return value == value and abs(value) != float("inf")
    if type(value) is list:
        return all(_plain(item, depth + 1) for item in value)
    if type(value) is dict:
        return all(type(k) is str and _plain(v, depth + 1) for k, v in value.items())
    return False


def _encode(value: object) -> object:
    if type(value) is datetime.date:
        return (_DATE, value.year, value.month, value.day)
    if type(value) is list:
        return [_encode(item) for item in value]
    if type(value) is dict:
        return {key: _encode(item) for key, item in value.items()}
    return value


def _revive(value: object) -> object:
    if type(value) is list:
        return [_revive(item) for item in value]
    if type(value) is dict:
        return {key: _revive(item) for key, item in value.items()}
    if type(value) is tuple:
        return datetime.date(*value[1:])
    return value
