"""Knowledge folders: what one may hold, the order they are read in, and what stands
at a name inside one (a file, a folder, nothing, or something that cannot be read).

Every other module (loading, validate, the index, the templates) takes the layout
from here.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Protocol

from acuinfo.base.errors import Problem
from acuinfo.base.namedrecord import Record
from acuinfo.base.places import user_folder
from acuinfo.knowledge import records

# What a knowledge folder may hold.
ENTRY_FOLDERS = {"conditions": records.Condition, "pages": records.Page}  # a file per entry
SHARED_FILES = {  # entries merge across folders by id (the clinic profile: first one wins)
    "tips.yaml": records.TipBook,
    "sources.yaml": records.SourceList,
    "glossary.yaml": records.Glossary,
    "session.yaml": records.Session,
    "clinic.yaml": records.Clinic,
    "names.yaml": records.NameBook,
}
ADDITION_FOLDERS = {  # more of a shared file, one or more entries per file
    "tips": records.TipBook,
    "sources": records.SourceList,
    "glossary": records.Glossary,
}

class Entry(Protocol):
    """What a folder's files look like: a pathlib.Path or an importlib Traversable."""

    name: str

    def __truediv__(self, child: str) -> Entry: ...
    def is_file(self) -> bool: ...
    def is_dir(self) -> bool: ...
    def iterdir(self) -> Iterator[Entry]: ...
    def read_bytes(self) -> bytes: ...


class Folder(Record):
    """One knowledge folder, how to name it to a person, and why it is read."""

    root: Entry
    label: str
    kind: str = "built-in"  # built-in, user, ACUINFO_DATA_PATH, --data-dir or argument

    def state(self) -> str:
        """"folder" or "missing" (the built-in folder is always there), or why it cannot
        be used: "cannot be read: ..." or "is not a folder"."""
        if self.kind == "built-in":
            return "folder"
        try:
            found = probe(self.root)
        except OSError as err:
            return f"cannot be read: {err.strerror or err}"
        return found if found in ("folder", "missing") else "is not a folder"

    def exists(self) -> bool:
        """Whether it is a folder now."""
        return self.state() == "folder"


def probe(entry: Entry) -> str:
    """What stands at ``entry``: "file", "folder", "missing" or "other" (a pipe, a device,
    a link to nothing). OSError when that cannot be told, as when a folder on the way
    cannot be entered: a problem to report, never a crash."""
    if not isinstance(entry, Path):  # inside an installed package: files and folders only
        return "file" if entry.is_file() else "folder" if entry.is_dir() else "missing"
    try:
        mode = os.stat(entry).st_mode
    except (FileNotFoundError, NotADirectoryError):
        try:
            os.lstat(entry)
        except (FileNotFoundError, NotADirectoryError):
            return "missing"
        return "other"  # a link to nothing
    return "file" if stat.S_ISREG(mode) else "folder" if stat.S_ISDIR(mode) else "other"


def builtin_folder() -> Folder:
    """The knowledge shipped inside the package. An ordinary install has it as a folder
    beside this module; any other (a zip, say) is reached through importlib.resources,
    which costs a few milliseconds more to import."""
    here = Path(__file__).resolve().parent.parent / "data"
    if here.is_dir():
        return Folder(here, "built-in")
    from importlib.resources import files

    return Folder(files("acuinfo") / "data", "built-in")


def candidate_folders(data_dirs: Iterable[str | os.PathLike]) -> list[Folder]:
    """Every folder acuinfo looks in, highest precedence first, whether it exists or not:
    --data-dir folders as given, ACUINFO_DATA_PATH entries in order, the user folder,
    then the built-in folder."""
    folders = [Folder(Path(d), str(d), "--data-dir") for d in data_dirs]
    folders += [Folder(Path(p), p, "ACUINFO_DATA_PATH")
                for p in os.environ.get("ACUINFO_DATA_PATH", "").split(os.pathsep) if p]
    user = user_folder()
    folders.append(Folder(user, str(user), "user"))
    return [*folders, builtin_folder()]


def list_folder(directory: Entry) -> tuple[list[Entry], list[Problem]]:
    """Everything in a folder by name, hidden files left out; a folder that cannot be
    listed is a problem, not a crash."""
    try:
        entries = sorted(directory.iterdir(), key=lambda e: e.name)
    except OSError as err:
        return [], [Problem(str(directory), f"cannot be listed: {err.strerror or err}",
                            hint="let your user read it, e.g. chmod a+rx")]
    return [e for e in entries if not e.name.startswith(".")], []


def is_present(entry: Entry) -> bool:
    """Something stands at this name, even a folder, a broken link or a name that
    cannot be looked at, which then gets reported rather than silently skipped."""
    try:
        return probe(entry) != "missing"
    except OSError:
        return True


def unreadable(entry: Entry, err: OSError) -> Problem:
    """The problem of a file or folder that cannot be looked at."""
    return Problem(str(entry), f"cannot be read: {err.strerror or err}",
                   hint="let your user read it, e.g. chmod a+rx")
