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
        """``file:line:column: message (hint)``, safe to show: the file's name with its
        newlines and other unprintable characters escaped (it cannot pass for another
        line of output), and the text cleaned (a message may quote a file)."""
        from acuinfo.safetext import clean_text, shown_name

        where = shown_name(self.file)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        text = f"{self.message} ({self.hint})" if self.hint else self.message
        return f"{where}: {' '.join(clean_text(text).splitlines())}"


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

    def __init__(self, kind: str, name: str, suggestions: list[str], list_command: str,
                 note: str | None = None) -> None:
        self.kind = kind
        self.name = name
        self.suggestions = suggestions
        self.list_command = list_command
        self.note = note  # more to say, such as that the name is a draft
        super().__init__(f"no {kind} called {name!r}")
