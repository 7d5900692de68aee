"""Parsed values that know where they came from: the file, and the line and column
of every value in it. Kept apart from the YAML reader so that a value from the
parse cache carries its origin without importing the YAML parser."""

from __future__ import annotations

from collections.abc import Callable

from acuinfo.base.errors import KnowledgeError, Problem
from acuinfo.base.namedrecord import Record

Path = tuple  # a path into the value: mapping keys and list indexes


class YamlData:
    """A parsed file: its value, and the (line, column) of each value by path.

    Data read for a record, whether parsed now or from the parse cache, has no
    positions (None) until a problem needs one; ``reparse`` then parses the file again
    to find them (none, if it has changed since: see ``acuinfo.knowledge.reading``)."""

    __slots__ = ("file", "language", "positions", "reparse", "translation", "untranslated",
                 "value")

    def __init__(self, file: str, value: object,
                 positions: dict[Path, tuple[int, int]] | None,
                 reparse: Callable[[], YamlData] | None = None) -> None:
        self.file = file
        self.value = value
        self.positions = positions
        self.reparse = reparse
        self.language = "en"  # the language of the value (see acuinfo.knowledge.translating)
        self.untranslated: frozenset[Path] = frozenset()  # parts of it still in English
        self.translation: tuple[str, dict] | None = None  # the translated file, its header

    def __reduce__(self) -> tuple:
        """Sent to another process (``acuinfo.knowledge.parallel``) without its value and
        positions when they can be parsed from the file again (``reparse``), as for a
        forgotten value here; only what it says of languages goes with it."""
        if self.reparse is None:
            return super().__reduce__()
        return _sent, (self.file, self.reparse, self.language, self.untranslated,
                       self.translation)

    def forget(self) -> None:
        """Let go of the value and the positions once records are built from them: the
        records hold what they need, and the positions come back from the file if a
        later problem needs one. Data that cannot be parsed again keeps them."""
        if self.reparse is not None:
            self.value = None
            self.positions = None

    def where(self, path: Path) -> tuple[int | None, int | None]:
        """The position of ``path``, or of its nearest parent that has one."""
        if self.positions is None:
            try:
                self.positions = self.reparse().positions if self.reparse else {}
            except KnowledgeError:
                self.positions = {}
        while True:
            if path in self.positions:
                return self.positions[path]
            if not path:
                return None, None
            path = path[:-1]

    def problem(self, path: Path, message: str, hint: str | None = None) -> Problem:
        line, column = self.where(path)
        return Problem(self.file, message, line, column, hint)


def _sent(file: str, reparse: Callable[[], YamlData], language: str,
          untranslated: frozenset[Path], translation: tuple[str, dict] | None) -> YamlData:
    """A YamlData as ``YamlData.__reduce__`` sent it."""
    data = YamlData(file, None, None, reparse=reparse)
    data.language, data.untranslated, data.translation = language, untranslated, translation
    return data


class Origin(Record):
    """Where a record came from: its file's parsed data and its path in it."""

    data: YamlData
    path: Path = ()

    @property
    def file(self) -> str:
        return self.data.file

    def in_english(self, *subpath: object) -> bool:
        """Whether the part ``subpath`` of this record (all of it, given none) is still in
        English, in a record read in another language for want of a translation."""
        wanted = (*self.path, *subpath)
        return any(wanted[:len(part)] == part for part in self.data.untranslated)
    def problem(self, subpath: Path, message: str, hint: str | None = None) -> Problem:
        """A problem located at ``subpath`` inside this record."""
        return self.data.problem((*self.path, *subpath), message, hint)


