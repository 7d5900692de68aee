"""The ``acuinfo`` script's entry point, kept small so that it is in charge at once.

Ctrl-C at any moment ends acuinfo quietly with exit status 130, as shells
expect: while the command line is still being read, during a command (the
files it was writing are cleaned up on the way out), and after it.
"""

from __future__ import annotations

import signal
import sys


class Interrupted(BaseException):
    """Ctrl-C. Not a KeyboardInterrupt, so that nothing on the way turns it into an
    "Aborted!" message with another exit status; ``finally`` blocks still run."""


def _interrupted(signum: int, frame: object) -> None:
    raise Interrupted


def main() -> None:
    """Run acuinfo with the command line of this process."""
    try:
        signal.signal(signal.SIGINT, _interrupted)
        from acuinfo.cli import main as run

        run()
    except (Interrupted, KeyboardInterrupt):
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not interrupt this
        try:
            sys.stderr.write("\n")
            sys.stderr.flush()
        except (OSError, ValueError, AttributeError):
            pass
        raise SystemExit(130) from None
