"""Write files so that a crash, a full disk or Ctrl-C never leaves half of one.

Every file acuinfo writes (handouts, templates, caches, the index) is first
written in full to a new temporary file in the same folder, then takes its
final name in one step: a hard link when an existing file must never be
replaced (the link fails if the name is taken, even by a file that appeared a
moment ago), a rename when it may be. Until then the old file, if any, is
untouched; on any failure, Ctrl-C included, the temporary file is removed.

A temporary file is created with ``O_EXCL | O_NOFOLLOW``, so it is always a new
file of our own, never one reached through a link that someone planted in a
shared folder. Its name says whose it is (``.NAME.PID-RANDOM.acuinfo-tmp``), so
that one left behind by a process that was killed outright can be swept up
later (see ``sweep``). Ctrl-C waits while a temporary file is made, moved into
place or removed (see ``acuinfo.base.interrupt.deferred``), so it never leaves one.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import time
from collections.abc import Iterator
from pathlib import Path

from acuinfo.base.errors import AcuinfoError
from acuinfo.base.interrupt import deferred
from acuinfo.base.safetext import shown_name

TEMP_SUFFIX = ".acuinfo-tmp"
STALE_SECONDS = 3600  # a temporary file this old is swept even if its process seems alive

_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(
    os, "O_CLOEXEC", 0)


class WriteError(AcuinfoError):
    """A file could not be written; the file that was there before is unchanged."""


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _target_state(path: Path) -> os.stat_result | None:
    """What is at ``path`` now (the link itself, if it is one), or None."""
    try:
        return os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as err:
        raise WriteError(f"cannot write {shown_name(path)}: {err.strerror or err}") from None


def check_target(path: Path, replace: bool) -> str | None:
    """Refuse a target that must not or cannot be replaced; say what replacing will do.

    Returns None, or a note for the person when ``replace`` will replace a symbolic
    link itself (the file it points to stays as it is)."""
    found = _target_state(path)
    if found is None:
        return None
    if not replace:
        raise FileExistsError(errno.EEXIST, "File exists", str(path))
    if stat.S_ISLNK(found.st_mode):
        return (f"{shown_name(path)} was a symbolic link; it is now a file of its own, and "
                "the file it pointed to is unchanged")
    if not stat.S_ISREG(found.st_mode):
        kind = "a folder" if stat.S_ISDIR(found.st_mode) else "not a regular file"
        raise WriteError(f"{shown_name(path)} is {kind}; acuinfo replaces only files. "
                         "Choose another name")
    return None


class TemporaryFile:
    """A new file of our own beside the target, open for writing until ``close``."""

    def __init__(self, path: str, descriptor: int) -> None:
        self.path = path
        self.descriptor: int | None = descriptor

    def write(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            view = view[os.write(self.descriptor, view):]

    def close(self) -> None:
        """Close it, so that another program (SQLite, say) can fill it by its path."""
        if self.descriptor is not None:
            descriptor, self.descriptor = self.descriptor, None
            os.close(descriptor)

    def finish(self, durable: bool, private: bool) -> None:
        """Set its permissions and, if ``durable``, flush it to the disk."""
        mode = 0o600 if private else 0o666 & ~_umask()
        if self.descriptor is None:
            self.descriptor = os.open(self.path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        os.fchmod(self.descriptor, mode)
        if durable:
            os.fsync(self.descriptor)
        self.close()


@contextlib.contextmanager
def new_file(path: str | os.PathLike, *, replace: bool, durable: bool = True,
             private: bool = False, sweep_stale: bool = False) -> Iterator[TemporaryFile]:
    """Give a new, empty temporary file beside ``path`` to fill; when the block ends
    without an error, move it to ``path``.

    ``replace`` False never replaces anything at ``path`` (FileExistsError); True
    replaces a file, or a symbolic link itself, never a folder, pipe or device.
    ``durable`` flushes the file and its folder to disk first (for a person's files;
    caches are checked when read instead). ``private`` makes the file readable by
    its owner only; otherwise it gets the usual permissions for a new file.
    ``sweep_stale`` first removes what earlier writes of the same file that were
    killed outright left behind (see ``sweep``).
    """
    target = Path(path)
    check_target(target, replace)
    folder = target.parent
    if sweep_stale:
        sweep(folder, prefix=f".{target.name[:100]}.")
    temporary = None
    try:
        with deferred():  # Ctrl-C while the file is made waits until it has a name to remove
            temporary = _create_temporary(folder, target.name)
        yield temporary
        with deferred():  # and while it is moved into place, so that it is done or not
            temporary.finish(durable, private)
            if replace:
                check_target(target, replace)  # still not a folder, pipe or device
                os.replace(temporary.path, target)
            else:
                _link_without_replacing(temporary.path, target)
            if durable:
                _flush_folder(folder)
    finally:
        with deferred():
            if temporary is not None:
                temporary.close()
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(temporary.path)


def write_file(path: str | os.PathLike, data: bytes, *, replace: bool, durable: bool = True,
               private: bool = False, sweep_stale: bool = False) -> None:
    """Write ``data`` to ``path`` whole or not at all (see ``new_file``)."""
    with new_file(path, replace=replace, durable=durable, private=private,
                  sweep_stale=sweep_stale) as temporary:
        temporary.write(data)


def _create_temporary(folder: Path, name: str) -> TemporaryFile:
    for _ in range(100):
        temporary = os.path.join(
            folder, f".{name[:100]}.{os.getpid()}-{os.urandom(4).hex()}{TEMP_SUFFIX}")
        try:
            return TemporaryFile(temporary, os.open(temporary, _CREATE, 0o600))
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free name for a temporary file", str(folder))


def _link_without_replacing(temporary: str, target: Path) -> None:
    try:
        os.link(temporary, target)
    except FileExistsError:
        raise
    except OSError as err:
        if err.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV,
                             errno.EMLINK, errno.ENOSYS):
            raise
        # A file system without hard links (FAT, some network shares): claim the name
        # first, so that no other file can take it, then move the full file onto it.
        os.close(os.open(target, _CREATE, 0o600))
        os.replace(temporary, target)


def _flush_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every system can open a folder to flush it
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def is_temporary(name: str) -> bool:
    """Whether a file name is one of acuinfo's temporary files."""
    return name.startswith(".") and name.endswith(TEMP_SUFFIX)


def sweep(folder: str | os.PathLike, now: float | None = None, prefix: str = "") -> int:
    """Remove the temporary files in ``folder`` (only those whose names start with
    ``prefix``, if given) that no running process will finish: its process is gone, or
    it is over an hour old. Returns how many were removed."""
    now = time.time() if now is None else now
    removed = 0
    try:
        names = os.listdir(folder)
    except OSError:
        return 0
    for name in names:
        if not (is_temporary(name) and name.startswith(prefix)):
            continue
        file = os.path.join(folder, name)
        try:
            age = now - os.lstat(file).st_mtime
            if _owner_is_running(name) and age < STALE_SECONDS:
                continue
            os.unlink(file)
            removed += 1
        except OSError:
            continue
    return removed


def _owner_is_running(name: str) -> bool:
    pid_part = name[: -len(TEMP_SUFFIX)].rpartition(".")[2].partition("-")[0]
    if not pid_part.isdigit():
        return False
    pid = int(pid_part)
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists, but belongs to another user
        return True
    return True
