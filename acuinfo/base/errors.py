"""Domain errors: the core raises these, and only the CLI turns them into messages."""

from __future__ import annotations

from collections.abc import Callable

from acuinfo.base.namedrecord import Record
from acuinfo.base.phrases import phrase, phrases_for


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

    def __reduce__(self) -> tuple:
        # As its problems, to come back whole from a worker (acuinfo.knowledge.parallel).
        return type(self), (self.problems,)


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


# "no condition called ...": one phrase for each kind of name, so that each language
# can say it its own way.
NO_SUCH = {
    "condition": phrase("no condition called {name}."),
    "entry": phrase("no entry called {name}."),
    "source": phrase("no source called {name}."),
    "glossary term": phrase("no glossary term called {name}."),
    "tip category": phrase("no tip category called {name}."),
}


class NameChoiceError(AcuinfoError):
    """A name from the command line that acuinfo will not take as one entry: it may mean
    several, or it names something acuinfo has no page on. ``message`` says what to
    give instead, one line after another, in the reader's language."""

    exit_code = 2

    def __init__(self) -> None:
        super().__init__(self.message("en"))

    def message(self, language: str) -> str:
        return "\n".join(self.lines(phrases_for(language)))

    def lines(self, say: Callable[..., str]) -> list[str]:
        raise NotImplementedError


class AmbiguousNameError(NameChoiceError):
    """A name that more than one condition goes by, such as "pinched nerve"."""

    def __init__(self, kind: str, name: str, choices: list[tuple[str, str]],
                 note: str | None, list_command: str) -> None:
        self.kind = kind
        self.name = name
        self.choices = choices  # (name to give, title), in the order to show them
        self.note = note
        self.list_command = list_command
        super().__init__()

    def lines(self, say: Callable[..., str]) -> list[str]:
        lines = [say("{name} can mean more than one condition." if len(self.choices) > 1 else
                     "{name} can mean more than one thing.", name=_quoted(self.name))]
        if self.note:
            lines.append(_one_line(self.note))
        lines.append(say("Give one of these names instead:") if len(self.choices) > 1 else
                     say("acuinfo has a page on:"))
        lines += [f"  {choice}: {title}" for choice, title in self.choices]
        lines.append(say("See every condition with: {command}", command=self.list_command))
        return lines


class NotCoveredError(NameChoiceError):
    """A name of an illness that acuinfo has no page on, and what to do instead."""

    def __init__(self, kind: str, name: str, covered: str, note: str, list_command: str) -> None:
        self.kind = kind
        self.name = name  # as given
        self.covered = covered  # the illness it names, as the knowledge files call it
        self.note = note
        self.list_command = list_command
        super().__init__()

    def lines(self, say: Callable[..., str]) -> list[str]:
        return [say("there is no page on {illness}.", illness=self.covered),
                _one_line(self.note),
                say("See the conditions acuinfo covers with: {command}",
                    command=self.list_command)]


def _one_line(text: str) -> str:
    """A note from a knowledge file as one line, for the CLI to fit to its terminal."""
    return " ".join(text.split())


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
        super().__init__()

    def lines(self, say: Callable[..., str]) -> list[str]:
        lines = [say(NO_SUCH[self.kind], name=_quoted(self.name))]
        if self.suggestions:
            lines.append(say("Did you mean: {names}?", names=", ".join(self.suggestions)))
        lines.append(_one_line(say("A tip category is one of: {names}.",
                                  names=", ".join(self.accepted))))
        lines.append(say("See them all with: {command}", command=self.list_command))
        return lines
