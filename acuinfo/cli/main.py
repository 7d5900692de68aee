"""The command line put together, and run: the app with every command registered, in
the order ``--help`` lists them, and the entry point that ``acuinfo.launch`` calls."""

from __future__ import annotations

import os
import sys

from acuinfo.base.safetext import shown_name
from acuinfo.cli.app import ROOT_FLAGS, ROOT_VALUE_OPTIONS, app, silence_stdout

# Each module registers its commands; --help lists them in this order.
# isort: off
from acuinfo.cli import reading  # noqa: F401
from acuinfo.cli import handout  # noqa: F401
from acuinfo.cli import clinic  # noqa: F401
from acuinfo.cli import help  # noqa: F401
# isort: on

__all__ = ["app", "main"]
EXIT_FAULT = 70  # sysexits.h's EX_SOFTWARE: an internal software error

# Groups registered only when they may run: their own commands, help, completion or
# anything unclear, so that showing a condition pays nothing for them.
LATER = {"journal": "acuinfo.cli.journal"}


def register_later(args: list[str]) -> None:
    """Register the groups of ``LATER`` unless ``args`` plainly run another command."""
    import importlib
    import os

    from acuinfo.cli.onecommand import command_named

    name = command_named(args, ROOT_VALUE_OPTIONS, ROOT_FLAGS)
    others = ({info.name or info.callback.__name__.replace("_", "-")
               for info in app.registered_commands}
              | {info.name for info in app.registered_groups}) - {"help", *LATER}
    completing = any(key.startswith("_") and key.endswith("_COMPLETE") for key in os.environ)
    if name not in others or completing:
        for module in LATER.values():
            importlib.import_module(module)


def main() -> None:
    """Entry point of the ``acuinfo`` script and ``python -m acuinfo``."""
    import gc

    # A command runs for a moment and then exits, and the system takes back all its
    # memory at once. So reference cycles are not collected on the way (about 2 ms of
    # showing a condition, and a sixth of building the index over 10,000 conditions,
    # for the same peak memory), and the collector's last pass over every object as
    # Python shuts down is skipped by freezing them (about 14 ms of every command).
    # Files are written in ``with`` blocks, so nothing waits on that pass.
    gc.disable()
    if sys.stdout is None:  # started with standard output closed: nowhere to write
        if sys.stderr is not None:
            sys.stderr.write("acuinfo: standard output is closed, so there is nowhere to write\n")
        raise SystemExit(1)
    for stream in (sys.stdout, sys.stderr):
        # A terminal that cannot show a character gets a "?" rather than a crash.
        if stream is not None and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    from acuinfo.cli.onecommand import narrowed

    register_later(sys.argv[1:])
    try:
        try:
            narrowed(app, sys.argv[1:], ROOT_VALUE_OPTIONS, ROOT_FLAGS, whole=("help",))(
            prog_name="acuinfo")
        finally:
            sys.stdout.flush()  # a failed write shows here, not as Python exits
    except BrokenPipeError:  # the reader had enough (e.g. `| head -1`): that is success
        silence_stdout()
        raise SystemExit(0) from None
    except OSError as err:
        # Files acuinfo reads or writes report their own errors; one that gets here with
        # no file named is the output itself: a full disk, a lost connection.
        if not err.filename:
            silence_stdout()
        where = f"cannot write {shown_name(err.filename)}" if err.filename else (
            "cannot write to standard output")
        sys.stderr.write(f"acuinfo: {where}: {err.strerror or err}\n")
        raise SystemExit(1) from None
    except Exception as err:  # a fault in acuinfo itself: say so, not in a traceback
        if os.environ.get("ACUINFO_DEBUG"):
            raise
        sys.stderr.write(
            f"acuinfo: something went wrong inside acuinfo ({type(err).__name__}: "
            f"{shown_name(str(err)[:300])}).\nThis is a fault in acuinfo, not in what you "
            "typed. Please report it with the command you ran; run it again with "
            "ACUINFO_DEBUG=1 set to see the details.\n")
        raise SystemExit(EXIT_FAULT) from None
    finally:
        gc.freeze()
