"""Domain errors: the core raises these, and only the CLI turns them into messages."""

from __future__ import annotations

from acuinfo.namedrecord import Record


class Problem(Record):
    """One thing wrong with a knowledge file, with where it is and how to fix it."""

    file: str
    message: str
    line: int | None = None
    column: int | None = None
    hint: str | None = None

    def __str__(self) -> str:
        """``file:line:column: message (hint)``, cleaned: a file's own name or a message
        quoting a file can hold escape sequences."""
        from acuinfo.safetext import clean_text

        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        text = f"{where}: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return clean_text(text)


class AcuinfoError(Exception):
    """Base of every error acuinfo reports to a person."""

    exit_code = 1


class KnowledgeError(AcuinfoError):
    """One or more knowledge files cannot be used as they are."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class NotFoundError(AcuinfoError):
    """A name from the command line matches nothing in the knowledge base."""

    exit_code = 2

    def __init__(self, kind: str, name: str, suggestions: list[str], list_command: str) -> None:
        self.kind = kind
        self.name = name
        self.suggestions = suggestions
        self.list_command = list_command
        super().__init__(f"no {kind} called {name!r}")
