"""Read a file that anyone may have put in a folder acuinfo reads.

A knowledge folder or the cache may hold a named pipe (which would wait for a
writer for ever), a link to a device (``/dev/zero`` never ends) or a file of
gigabytes. So a file is opened without waiting, checked to be a regular file
by the open descriptor itself, and read no further than its limit allows.
"""

from __future__ import annotations

import os
import stat

# A file or folder modified less than this long ago may change again without its times
# showing it: some file systems keep whole seconds (FAT, every other second). A cache
# trusts nothing about a file until it has been left alone this long.
SETTLED_NS = 2_000_000_000

_OPEN = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe"),
          (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket"))


class NotRegularFile(OSError):
    """The path names a folder, a pipe, a device or a socket, not a file."""

    def __init__(self, kind: str, file: str) -> None:
        super().__init__(f"is {kind}, not a file")
        self.kind = kind
        self.file = file


class TooLarge(OSError):
    """The file holds more bytes than the reader allows."""

    def __init__(self, size: int, limit: int, file: str) -> None:
        super().__init__(f"is {size:,} bytes, more than the {limit:,} allowed")
        self.size = size
        self.limit = limit
        self.file = file


def stamp(found: os.stat_result) -> tuple[int, int, int, int]:
    """What tells that a file has changed: its size, its modification and change times
    (the change time moves even when an edit sets the other back) and its inode (a file
    replaced by another)."""
    return (found.st_size, found.st_mtime_ns, found.st_ctime_ns, found.st_ino)


def read_limited(file: str | os.PathLike, limit: int) -> bytes:
    """The bytes of the regular file ``file``, or NotRegularFile, TooLarge or the OSError
    of opening it. At most ``limit + 1`` bytes are ever read."""
    descriptor = os.open(file, _OPEN)
    try:
        found = os.fstat(descriptor)
        if not stat.S_ISREG(found.st_mode):
            kind = next((name for test, name in _KINDS if test(found.st_mode)), "not a file")
            raise NotRegularFile(kind, os.fspath(file))
        if found.st_size > limit:
            raise TooLarge(found.st_size, limit, os.fspath(file))
        chunks = []
        left = limit + 1  # one byte more shows a file that grew past the limit
        while left > 0:
            chunk = os.read(descriptor, min(left, max(found.st_size + 1, 65536)))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        data = b"".join(chunks)
    finally:
        os.close(descriptor)
    if len(data) > limit:
        raise TooLarge(len(data), limit, os.fspath(file))
    return data
