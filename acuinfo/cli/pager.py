"""Page long output the way git and man do, only on an interactive terminal.

The pager is $ACUINFO_PAGER, then $PAGER, then ``less``; ``less`` gets
``LESS=FRX`` unless the person set LESS: quit when the text fits one screen,
keep colour, and leave the text on screen after quitting.

While the pager runs, it owns the terminal: Ctrl-C is the pager's to handle
(``less`` stops a search with it), so acuinfo ignores it and waits for the
pager to finish, as git does. Were acuinfo to stop first, the pager would be
killed with the terminal still set up its way, echo off.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
from typing import TextIO


class TerminalBuffer(io.StringIO):
    """Collects output meant for the terminal, so renderers lay it out (and colour it)
    as they would for the terminal itself before the pager shows it."""

    def __init__(self, terminal: TextIO) -> None:
        super().__init__()
        self._terminal = terminal

    def isatty(self) -> bool:
        return True

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self._terminal, "encoding", None) or "utf-8"


def wanted(out: TextIO) -> bool:
    """Page only when writing to an interactive terminal."""
    try:
        return out.isatty() and sys.stdin is not None
    except ValueError:  # a closed stream
        return False


def command() -> list[str] | None:
    """The pager to run, or None for none (an empty or "cat" pager means no pager)."""
    import shlex  # only on a terminal, where a pager may run

    chosen = os.environ.get("ACUINFO_PAGER") or os.environ.get("PAGER") or "less"
    try:
        words = shlex.split(chosen)
    except ValueError:
        return None
    if not words or words[0] == "cat" or shutil.which(words[0]) is None:
        return None
    return words


def show(text: str, out: TextIO) -> None:
    """Show ``text``: through the pager if it is taller than the screen, else directly."""
    height = shutil.get_terminal_size().lines
    words = command()
    if words is None or text.count("\n") < height:
        out.write(text)
        out.flush()
        return
    env = dict(os.environ)
    env.setdefault("LESS", "FRX")
    encoding = getattr(out, "encoding", None) or "utf-8"
    try:
        pager = subprocess.Popen(words, stdin=subprocess.PIPE, env=env)
    except OSError:  # the pager would not start: show the text anyway
        out.write(text)
        out.flush()
        return
    import signal

    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        with contextlib.suppress(BrokenPipeError):  # the reader quit before the end
            pager.stdin.write(text.encode(encoding, errors="replace"))
        with contextlib.suppress(BrokenPipeError):
            pager.stdin.close()
        pager.wait()
    finally:
        signal.signal(signal.SIGINT, previous)
