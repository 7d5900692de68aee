"""Whether the knowledge files have changed since the index was built.

A signature is one text per set of folders: per folder and subfolder, how many
``.yaml`` files it holds, a checksum of their names, and a hash of their sizes,
modification and change times and inodes. The index keeps the signature it was
built from and compares it whole. An added, removed or renamed file changes the
count or the names; an edit changes the times (and usually the size), even one
that sets the modification time back (``touch -d``), since that changes the
change time; a file replaced by another changes the inode. The index is not
trusted at all when it was built less than two seconds after a file was
modified: a second edit in the same tick of a coarse clock, of the same size,
would change none of these (see ``Signature.settled``).

This runs on every search and list, so it costs one ``stat`` per file and
sorts nothing (what the stats give is kept, for an update to compare); with
ten thousand files those stats are much of what a search costs. A folder's
list of names is kept with the index too (a ``Listing``) and reused while the
folder's own modification time and inode are unchanged, which they are until a
file in it is added, removed or renamed. A folder changed less than two
seconds before it was listed is always listed again: a file added in the same
tick of a coarse file-system clock would not change its time. (Once such a
folder has settled, the index keeps its new list.)
"""

from __future__ import annotations

import binascii
import contextlib
import functools
import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping

from acuinfo.base.namedrecord import Record
from acuinfo.base.saferead import SETTLED_NS

Stamp = tuple[int, int, int, int]  # size, modification and change times, inode
_MISSING = (-1, -1, -1, -1)  # the stamp kept for a file that cannot be looked at


class Signature(Record):
    """The state of a set of folders, and how it was read."""

    text: str
    listings: dict  # folder -> Listing, for the folders that could be read
    newest_ns: int  # the latest modification time of any file in it
    parts: dict  # folder -> its part of the text ("-" for one that cannot be read)
    newest_in: dict  # folder -> the latest modification time of a file in it
    stats: dict  # folder -> the listed files' stamps, one after another (see _stat_hash)

    def settled(self, now_ns: int) -> bool:
        """Whether every file had been left alone long enough, at ``now_ns``, for a later
        change to show in its times."""
        return now_ns - self.newest_ns >= SETTLED_NS


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


def signature(scanned: Iterable[str], known: Mapping[str, Listing]) -> Signature:
    """The signature of the folders ``scanned``, reusing the ``known`` listings that are
    still good, with the listings it used (a folder that cannot be read has none)."""
    parts: dict[str, str] = {}
    listings = {}
    newest_in: dict[str, int] = {}
    stats: dict[str, list[int]] = {}
    for folder in scanned:
        listing = _listing(folder, known.get(folder))
        if listing is None:
            parts[folder] = "-"
            continue
        listings[folder] = listing
        files, newest_in[folder], stats[folder] = _stat_hash(folder, listing.names)
        parts[folder] = f"{len(listing.names)}\0{listing.checksum}\0{files}"
    return Signature("\n".join(f"{folder}\0{part}" for folder, part in parts.items()),
                     listings, max(newest_in.values(), default=0), parts, newest_in, stats)


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


def _stat_hash(folder: str, names: list[str]) -> tuple[int, int, list[int]]:
    """A hash of the sizes, modification and change times and inodes of the files
    ``names`` in ``folder``, in order, the latest of their modification times, and those
    four numbers of each file one after another (-1 four times for a file that cannot
    be looked at): kept so that an update or a build need not look at every file again
    to tell which changed, as plain numbers, which the garbage collector never has to
    look through."""
    found: list[int] = []
    add = found.extend
    with stat_by_name(folder) as stat:
        for name in names:
            try:
                file = stat(name)
            except OSError:
                add(_MISSING)
                continue
            # saferead.stamp, written out: this runs once a file on every search
            add((file.st_size, file.st_mtime_ns, file.st_ctime_ns, file.st_ino))
    return hash(tuple(found)), max(max(found[1::4], default=0), 0), found


@contextlib.contextmanager
def stat_by_name(folder: str) -> Iterator[Callable[[str], os.stat_result]]:
    """``os.stat`` of a file of ``folder`` by its name: inside the open folder, with no
    path to join for each, where the system can (and the folder opens)."""
    directory = None
    if os.stat in os.supports_dir_fd:
        with contextlib.suppress(OSError):
            directory = os.open(folder, os.O_RDONLY)
    try:
        if directory is not None:
            yield functools.partial(os.stat, dir_fd=directory)
        else:
            yield lambda name: os.stat(os.path.join(folder, name))
    finally:
        if directory is not None:
            os.close(directory)
