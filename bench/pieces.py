"""Measure each piece acuinfo writes itself against the library it stands in for.

acuinfo keeps a few small pieces of its own where a well-kept library exists,
each because the library costs start-up time that every command would pay (or,
for the pager, does not behave as acuinfo must). This script measures that cost
here and now, so that docs/design.md can say why each piece stays, and so that a
piece whose reason has gone can go too. Run it with the Python of the
environment acuinfo is installed in:

    .venv/bin/python bench/pieces.py [--runs 15]

Each figure is the median of ``--runs`` measurements: a fresh process for an
import, or repeated calls in this process for work done after imports.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections.abc import Callable

IMPORT_TIMER = """
import time
started = time.perf_counter()
import {module}
print(time.perf_counter() - started)
"""


def import_ms(module: str, runs: int, before: str = "") -> float:
    """Milliseconds a fresh Python takes to import ``module`` (after ``before``)."""
    code = (before + "\n" if before else "") + IMPORT_TIMER.format(module=module)
    times = [float(subprocess.run([sys.executable, "-c", code], capture_output=True,
                                  text=True, check=True).stdout) for _ in range(runs)]
    return statistics.median(times) * 1000


def call_ms(work: Callable[[], object], runs: int, repeat: int = 20) -> float:
    """Milliseconds one call of ``work`` takes here, the median of ``runs`` batches."""
    batches = []
    for _ in range(runs):
        started = time.perf_counter()
        for _ in range(repeat):
            work()
        batches.append((time.perf_counter() - started) / repeat)
    return statistics.median(batches) * 1000


def record_classes() -> list[tuple[str, dict, dict]]:
    """(name, annotations, defaults) of every record and document class acuinfo defines."""
    import acuinfo.knowledge.records
    import acuinfo.views.document
    from acuinfo.base.namedrecord import Record

    found = []
    for module in (acuinfo.knowledge.records, acuinfo.views.document):
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, tuple) and value is not Record \
                    and value.__module__ == module.__name__ and hasattr(value, "_fields"):
                found.append((value.__name__, dict(value.__annotations__),
                              dict(value._field_defaults)))
    return found


def define_records(base: type, classes: list[tuple[str, dict, dict]]) -> None:
    """The classes as ``class Name(Record)`` bodies make them."""
    import types

    for name, hints, defaults in classes:
        def body(namespace: dict, hints: dict = hints, defaults: dict = defaults) -> None:
            namespace.update(__annotations__=hints, __module__="bench", **defaults)

        types.new_class(name, (base,), exec_body=body)


def define_named_tuples(classes: list[tuple[str, dict, dict]]) -> None:
    """The same classes as ``class Name(NamedTuple)`` bodies would make them."""
    import types
    from typing import NamedTuple

    for name, hints, defaults in classes:
        def body(namespace: dict, hints: dict = hints, defaults: dict = defaults) -> None:
            namespace.update(__annotations__=hints, __module__="bench", **defaults)

        types.new_class(name, (NamedTuple,), exec_body=body)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args(argv).runs

    from acuinfo.base.namedrecord import Record

    classes = record_classes()
    rows = []
    ours = call_ms(lambda: define_records(Record, classes), runs)
    theirs = call_ms(lambda: define_named_tuples(classes), runs)
    rows.append((f"define the {len(classes)} record classes", "namedrecord.Record", ours,
                 "typing.NamedTuple", theirs))

    import typer.main

    from acuinfo.cli.main import ROOT_FLAGS, ROOT_VALUE_OPTIONS, app
    from acuinfo.cli.onecommand import narrowed

    one = narrowed(app, ["condition", "neck-pain"], ROOT_VALUE_OPTIONS, ROOT_FLAGS)
    ours = call_ms(lambda: typer.main.get_command(one), runs, repeat=5)
    theirs = call_ms(lambda: typer.main.get_command(app), runs, repeat=5)
    rows.append(("build the Click command to run", "onecommand (one command)", ours,
                 "Typer (every command)", theirs))

    ours = import_ms("acuinfo.render.terminal", runs, before="import typer")
    theirs = import_ms("rich.console", runs, before="import typer, acuinfo.render.terminal")
    rows.append(("plain text to a pipe: import", "render.terminal, no Rich", ours,
                 "and rich.console on top", theirs))

    from rich.console import Console
    from rich.text import Text

    from acuinfo.render.wrap import wrap

    paragraph = " ".join(["Neck pain is pain or stiffness anywhere from the base of your skull "
                          "to the top of your shoulders."] * 8)
    console = Console(width=80, file=open("/dev/null", "w"))  # noqa: SIM115 - kept open
    ours = call_ms(lambda: wrap(((paragraph, ""),), 76), runs, repeat=200)
    theirs = call_ms(lambda: Text(paragraph).wrap(console, 76), runs, repeat=200)
    rows.append(("wrap a paragraph of 8 sentences", "render.wrap", ours, "rich Text.wrap",
                 theirs))

    ours = import_ms("acuinfo.base.places", runs, before="import typer")
    theirs = import_ms("platformdirs", runs, before="import typer, acuinfo.base.places")
    rows.append(("find the user and cache folders: import", "places (XDG on Linux)", ours,
                 "and platformdirs on top", theirs))

    ours = import_ms("acuinfo.cli.pager", runs, before="import typer")
    theirs = import_ms("pydoc", runs, before="import typer, acuinfo.cli.pager")
    rows.append(("page long output: import", "pager", ours, "pydoc (Rich's pager) on top",
                 theirs))

    ours = import_ms("binascii", runs, before="import typer")
    theirs = import_ms("hashlib", runs, before="import typer, binascii")
    rows.append(("checksum a cache entry: import", "binascii.crc32", ours, "hashlib on top",
                 theirs))

    print(f"{'piece':42} {'acuinfo':28} {'ms':>7}   {'library':28} {'ms':>7}")
    for what, mine, my_ms, library, library_ms in rows:
        print(f"{what:42} {mine:28} {my_ms:7.2f}   {library:28} {library_ms:7.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
