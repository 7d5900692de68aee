"""Ctrl-C, as acuinfo takes it: at once, wherever the program is.

Python runs a signal handler only between steps of Python code, so a long
SQLite query (a search over ten thousand entries, say) would hold Ctrl-C back
until it finished. ``keep_going`` is given to SQLite as a progress handler: it
lets Python take Ctrl-C every so often during a query, and the query stops.

This module imports nothing, so that ``acuinfo.launch`` can take Ctrl-C over as
soon as it starts: until then a Ctrl-C that comes while Python runs a module
lock's clean-up, as every import does, is printed as "Exception ignored" and
lost, and the command runs on to its end.
"""

TYPE_CHECKING = False  # typing's, without importing typing (a few milliseconds) first;
# the annotations that need what it imports are written as text
if TYPE_CHECKING:
    import sqlite3
    from types import TracebackType

# SQLite calls the progress handler every this many steps of its virtual machine:
# often enough to stop within milliseconds, seldom enough to cost nothing measurable.
PROGRESS_STEPS = 100_000


class Interrupted(BaseException):
    """Ctrl-C. Not a KeyboardInterrupt, so that nothing on the way turns it into an
    "Aborted!" message with another exit status; ``finally`` blocks still run."""


pressed: list[int] = []  # the signals received: empty until Ctrl-C
_deferring = [0]  # how many ``deferred`` blocks are running


def interrupt(signum: int, frame: object) -> None:
    """The SIGINT handler: note it, and stop what is running (unless it is clean-up that
    must finish first: see ``deferred``)."""
    pressed.append(signum)
    if not _deferring[0]:
        raise Interrupted


def hold() -> None:
    """Hold Ctrl-C back from now on, until ``release``."""
    _deferring[0] += 1


def release() -> None:
    """End a ``hold``, and stop now if Ctrl-C came meanwhile."""
    _deferring[0] -= 1
    if pressed and not _deferring[0]:
        raise Interrupted


def deferred() -> "_Deferred":
    """Hold Ctrl-C back while the block runs, then stop: for steps that must not be cut
    in half, such as removing a temporary file or moving a finished one into place."""
    return _Deferred()


class _Deferred:
    """``deferred``'s block (written out, as contextlib would cost an import)."""

    def __enter__(self) -> None:
        hold()

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 traceback: "TracebackType | None") -> None:
        release()


def keep_going() -> int:
    """SQLite's progress handler: 0 to go on. Running it runs Python, and so a pending
    Ctrl-C, whose Interrupted stops the query (SQLite then raises "interrupted")."""
    return 1 if pressed else 0


def watched(connection: "sqlite3.Connection") -> "sqlite3.Connection":
    """``connection`` with ``keep_going`` as its progress handler."""
    connection.set_progress_handler(keep_going, PROGRESS_STEPS)
    return connection


def stop_if_pressed() -> None:
    """Raise Interrupted if Ctrl-C was pressed: after a query that stopped for it."""
    if pressed:
        raise Interrupted
