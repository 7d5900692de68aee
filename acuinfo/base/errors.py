"""Domain errors: the core raises these, and only the CLI turns them into messages."""

from __future__ import annotations

from acuinfo.base.namedrecord import Record


class Problem(Record):
    """One thing wrong with a knowledge file, with where it is and how to fix it."""

    file: str
    message: str
    line: int | None = None
    column: int | None = None
    hint: str | None = None
    warning: bool = False  # worth a look, but the file can be used as it is

    def __str__(self) -> str:
        """``file:line:column: message (hint)``, safe to show: the file's name with its
        newlines and other unprintable characters escaped (it cannot pass for another
        line of output), and the text cleaned (a message may quote a file)."""
        from acuinfo.base.safetext import clean_text, shown_name

        where = shown_name(self.file)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        text = f"{self.message} ({self.hint})" if self.hint else self.message
        if self.warning:
            text = f"warning: {text}"
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


class NameChoiceError(AcuinfoError):
    """A name from the command line that acuinfo will not take as one entry: it may mean
    several, or it names something acuinfo has no page on. The message (``str``) says
    what to give instead, one line after another."""

    exit_code = 2


class AmbiguousNameError(NameChoiceError):
    """A name that more than one condition goes by, such as "pinched nerve"."""

    def __init__(self, kind: str, name: str, choices: list[tuple[str, str]],
                 note: str | None, list_command: str) -> None:
        self.kind = kind
        self.name = name
        self.choices = choices  # (name to give, title), in the order to show them
        self.note = note
        self.list_command = list_command
        lines = [f"{_quoted(name)} can mean more than one {kind}." if len(choices) > 1 else
                 f"{_quoted(name)} can mean more than one thing."]
        if note:
            lines.append(_wrapped(note))
        lines.append("Give one of these names instead:" if len(choices) > 1 else
                     "acuinfo has a page on:")
        lines += [f"  {choice}: {title}" for choice, title in choices]
        lines.append(f"See every {kind} with: {list_command}")
        super().__init__("\n".join(lines))


class NotCoveredError(NameChoiceError):
    """A name of an illness that acuinfo has no page on, and what to do instead."""

    def __init__(self, kind: str, name: str, covered: str, note: str, list_command: str) -> None:
        self.kind = kind
        self.name = name  # as given
        self.covered = covered  # the illness it names, as the knowledge files call it
        self.note = note
        self.list_command = list_command
        super().__init__("\n".join([
            f"there is no page on {covered}.", _wrapped(note),
            f"See the {kind}s acuinfo covers with: {list_command}"]))


def _wrapped(text: str) -> str:
    """A note from a knowledge file as lines that fit a terminal."""
    import textwrap

    return "\n".join(textwrap.wrap(" ".join(text.split()), 78, break_on_hyphens=False))


def _quoted(name: str) -> str:
    shown = " ".join(name.split())
    return f'"{shown if len(shown) <= 60 else shown[:57] + "..."}"'


class UnknownNameError(NameChoiceError):
    """A name that matches nothing, among few enough names to list them all."""

    def __init__(self, kind: str, name: str, suggestions: list[str], accepted: list[str],
                 list_command: str) -> None:
        self.kind = kind
        self.name = name
        self.suggestions = suggestions
        self.accepted = accepted
        self.list_command = list_command
        lines = [f"no {kind} called {_quoted(name)}."]
        if suggestions:
            lines.append("Did you mean: " + ", ".join(suggestions) + "?")
        lines.append(_wrapped(f"A {kind} is one of: " + ", ".join(accepted) + "."))
        lines.append(f"See them all with: {list_command}")
        super().__init__("\n".join(lines))
