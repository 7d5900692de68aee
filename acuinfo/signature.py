"""Whether the knowledge files have changed since the index was built.

A signature is one text per set of folders: per folder and subfolder, how many
``.yaml`` files it holds, a checksum of their names, and the sum of their
sizes, modification times and inodes. The index keeps the signature it was
built from and compares it whole. An added, removed or renamed file changes the
count or the names; an edit changes the time (and usually the size); a file
replaced by another changes the inode.

This runs on every search and list, so it costs one ``stat`` per file and
sorts nothing; with ten thousand files those stats are much of what a search
costs. A folder's list of names is kept with the index too (a ``Listing``) and
reused while the folder's own modification time and inode are unchanged, which
they are until a file in it is added, removed or renamed. A folder changed less
than two seconds before it was listed is always listed again: a file added in
the same tick of a coarse file-system clock would not change its time. (Once
such a folder has settled, the index keeps its new list.)
"""

from __future__ import annotations

import binascii
import contextlib
import os
import time
from collections.abc import Iterable, Mapping

from acuinfo.namedrecord import Record

SETTLED_NS = 2_000_000_000  # a folder unchanged this long before it was listed keeps its list


class Listing(Record):
    """The ``.yaml`` names in one folder, and the folder's state when they were listed."""

    mtime_ns: int
    inode: int
    listed_at_ns: int
    names: list[str]
    checksum: int  # of the names, in the order the folder listed them

    def settled(self) -> bool:
        """Whether the folder had been left alone long enough before it was listed for
        any later change to show in its modification time."""
        return self.listed_at_ns - self.mtime_ns >= SETTLED_NS


def signature(scanned: Iterable[str],
              known: Mapping[str, Listing]) -> tuple[str, dict[str, Listing]]:
    """The signature of the folders ``scanned``, reusing the ``known`` listings that are
    still good, and the listings it used (a folder that cannot be read has none)."""
    parts = []
    listings = {}
    for folder in scanned:
        listing = _listing(folder, known.get(folder))
        if listing is None:
            parts.append(f"{folder}\0-")
            continue
        listings[folder] = listing
        parts.append(f"{folder}\0{len(listing.names)}\0{listing.checksum}\0"
                     f"{_stat_sum(folder, listing.names)}")
    return "\n".join(parts), listings


def _listing(folder: str, known: Listing | None) -> Listing | None:
    try:
        state = os.stat(folder)
    except OSError:
        return None
    if (known is not None and known.mtime_ns == state.st_mtime_ns
            and known.inode == state.st_ino and known.settled()):
        return known
    listed_at = time.time_ns()
    try:
        names = [name for name in os.listdir(folder) if name.endswith(".yaml")]
    except OSError:
        return None
    # The order a folder lists its files in changes only when they do; at worst a new
    # order rebuilds the index once more than needed.
    checksum = binascii.crc32("/".join(names).encode("utf-8", "surrogateescape"))
    return Listing(state.st_mtime_ns, state.st_ino, listed_at, names, checksum)


def _stat_sum(folder: str, names: list[str]) -> int:
    """The sum of the sizes, modification times and inodes of the files ``names`` in
    ``folder``; one that cannot be stat-ed counts as -1."""
    total = 0
    directory = None
    if os.stat in os.supports_dir_fd:  # stat by name inside the folder: no path joining
        with contextlib.suppress(OSError):
            directory = os.open(folder, os.O_RDONLY)
    try:
        for name in names:
            try:
                found = (os.stat(name, dir_fd=directory) if directory is not None
                         else os.stat(os.path.join(folder, name)))
            except OSError:
                total -= 1
                continue
            total += found.st_mtime_ns * 3 + found.st_size * 7 + found.st_ino
    finally:
        if directory is not None:
            os.close(directory)
    return total
