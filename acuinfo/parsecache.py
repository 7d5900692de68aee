"""A cache of parsed knowledge files, so a command that shows one entry need not
import or run the YAML parser at all once the file has been read before.

Each file's parsed value is kept as JSON in the cache folder, keyed by the
file's path and checked against its size and modification time. Only plain
values are kept (text keys; text, numbers, booleans, nulls, dates, lists and
mappings). A missing, stale or unreadable entry is simply a miss; a folder that
cannot be written is no error. Positions are not kept: when a problem needs a
line number, the file is parsed again.
"""

from __future__ import annotations

import binascii
import datetime
import json
import os

from acuinfo import __version__
from acuinfo.places import cache_dir

_DATE = "\x00date"


def _path(file: str) -> str:
    # A quick checksum names the entry (hashlib's OpenSSL module costs milliseconds to
    # load); two paths that share one only miss, since each entry records its file.
    raw = file.encode("utf-8", "surrogatepass")
    return os.path.join(cache_dir(), "parsed", f"{binascii.crc32(raw):08x}-{len(raw)}.json")


def _key(stat: os.stat_result) -> list:
    return [__version__, stat.st_size, stat.st_mtime_ns, stat.st_ino]


def load(file: str, stat: os.stat_result) -> tuple[bool, object]:
    """(True, value) when a current parse of ``file`` is cached, else (False, None)."""
    try:
        with open(_path(file), encoding="utf-8") as handle:
            stored = json.load(handle, object_hook=_revive)
    except (OSError, ValueError, RecursionError):
        return False, None
    if not isinstance(stored, dict) or stored.get("key") != _key(stat) \
            or stored.get("file") != file or "value" not in stored:
        return False, None
    return True, stored["value"]


def store(file: str, stat: os.stat_result, value: object) -> None:
    """Keep ``value`` for ``file`` if it is plain enough to come back the same."""
    if not _plain(value, 0):
        return
    target = _path(file)
    try:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        partial = f"{target}.{os.getpid()}.tmp"
        with open(partial, "w", encoding="utf-8") as handle:
            json.dump({"key": _key(stat), "file": file, "value": value}, handle,
                      default=_encode, ensure_ascii=False, allow_nan=False)
        os.replace(partial, target)
    except (OSError, ValueError):
        return


def _plain(value: object, depth: int) -> bool:
    if depth > 64:
        return False
    if value is None or isinstance(value, (str, bool, int)):
        return True
    if isinstance(value, float):
        return value == value and abs(value) != float("inf")
    if type(value) is datetime.date:
        return True
    if isinstance(value, list):
        return all(_plain(item, depth + 1) for item in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and k != _DATE and _plain(v, depth + 1)
                   for k, v in value.items())
    return False


def _encode(value: object) -> object:
    if type(value) is datetime.date:
        return {_DATE: value.isoformat()}
    raise TypeError(type(value).__name__)


def _revive(mapping: dict) -> object:
    if len(mapping) == 1 and _DATE in mapping:
        return datetime.date.fromisoformat(mapping[_DATE])
    return mapping
