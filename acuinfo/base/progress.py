"""A progress bar for work a person would otherwise wait on in silence, such as the
first index build over a large folder: Rich's, on standard error, and only on a
terminal (a pipe or a file gets nothing). Rich's progress module is imported only when
a bar is shown."""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable, Iterator

REDRAW_SECONDS = 0.1
SHOWN_FROM = 500  # about a second of reading: less than that needs no bar


@contextlib.contextmanager
def progress_bar(total: int, label: str) -> Iterator[Callable[[], None]]:
    """A function to call once per item done, out of ``total``: it moves a bar on the
    terminal when ``total`` is large enough to be worth one, and does nothing otherwise.
    The bar is cleared when the work ends, however it ends."""
    stream = sys.stderr
    if total < SHOWN_FROM or stream is None or not stream.isatty():
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    console = Console(file=stream, highlight=False)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    # Drawn from this thread, a few times a second, rather than by Rich's refresh
    # thread: a process with no other thread can start workers by forking
    # (acuinfo.knowledge.parallel).
    with Progress(*columns, console=console, transient=True, auto_refresh=False) as shown:
        task = shown.add_task(label, total=total)
        drawn = [0.0]

        def tick() -> None:
            now = time.monotonic()
            due = now - drawn[0] >= REDRAW_SECONDS
            shown.update(task, advance=1, refresh=due)
            if due:
                drawn[0] = now

        yield tick
