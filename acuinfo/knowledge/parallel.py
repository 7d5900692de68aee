"""Reading thousands of knowledge files on every core.

Parsing and checking a file costs about a millisecond, almost all of it Python's
own work, so a first index of 10,000 conditions waits seconds on one core while
the others idle. ``read_ahead`` hands the files out in chunks to a pool of
worker processes (the standard library's ``multiprocessing``) and gives back, in
the order asked, each file's record or the problems that kept it from being one:
the same as reading them one by one, file:line and all (a record's origin comes
back as its file's name, and the file is parsed again only if a problem needs a
position). Small folders are read here, in this process: starting workers costs
more than they would save.

``ACUINFO_WORKERS`` sets how many workers to use; 1 reads everything in this process.
"""

from __future__ import annotations

import itertools
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from acuinfo.base.errors import KnowledgeError

WORKERS_VARIABLE = "ACUINFO_WORKERS"
FILES_PER_WORKER = 1_000  # below this, a worker costs more to start than it saves
CHUNK = 100  # files a worker reads at a time: few messages, and an even share of work
AHEAD = 3  # chunks a worker may have read, or be reading, before they are used

Result = object  # a record, or the KnowledgeError that reading its file raised


def workers_for(files: int) -> int:
    """How many workers to read ``files`` files with: one a core, at most one a thousand
    files, or as ``ACUINFO_WORKERS`` says; 1 means this process alone."""
    asked = os.environ.get(WORKERS_VARIABLE, "").strip()
    if asked.isdigit() and int(asked) >= 1:
        return min(int(asked), max(files // CHUNK, 1))
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on every system
        cores = os.cpu_count() or 1
    return max(1, min(cores, files // FILES_PER_WORKER))


def read_ahead(files: Sequence[Path], read: tuple, workers: int,
               done: Callable[[int], object] | None = None) -> Iterator[Result]:
    """Each file of ``files`` read as ``read_file(file, *read)`` would read it, in
    ``workers`` processes, and given back in order as soon as it is read; ``done`` is
    told how many more files are read as each chunk comes back. Only a few chunks are
    read ahead of the one being used, so memory holds those, not the folder."""
    import multiprocessing

    chunks = iter([(list(files[at:at + CHUNK]), read) for at in range(0, len(files), CHUNK)])
    pool = multiprocessing.get_context(_start_method()).Pool(workers, initializer=_ignore_ctrl_c)
    try:
        pending = deque(pool.apply_async(_read_chunk, (chunk,))
                        for chunk in itertools.islice(chunks, workers * AHEAD))
        while pending:
            results = pending.popleft().get()
            for chunk in itertools.islice(chunks, 1):
                pending.append(pool.apply_async(_read_chunk, (chunk,)))
            if done is not None:
                done(len(results))
            yield from results
        pool.close()
    finally:
        pool.terminate()  # at once, on Ctrl-C, a failure or a reader that stopped early
        pool.join()


def _start_method() -> str:
    """Fork, where it is safe and quick: on Linux, with no other thread running that
    could hold a lock the workers would inherit. Else spawn, which starts each worker
    afresh (and imports the main module again: see acuinfo.__main__)."""
    import threading

    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return "fork"
    return "spawn"


def _ignore_ctrl_c() -> None:
    """Ctrl-C reaches every process of the terminal's group: the parent takes it, and
    stops the workers itself, so that none of them prints a traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _read_chunk(work: tuple[list[Path], tuple]) -> list[Result]:
    files, read = work
    return [read_file(file, *read) for file in files]


def read_file(file: Path, record_type: type, language: str, roots: list[Path]) -> Result:
    """One file's record in ``language`` (its translation from the first of ``roots``
    that holds one laid over it), or the KnowledgeError that reading it raised."""
    from acuinfo.base.languages import ENGLISH
    from acuinfo.knowledge.reading import read

    try:
        if language == ENGLISH:
            return read(file, record_type)
        from acuinfo.knowledge.translating import translation_of

        return read(file, record_type, translation_of(file, roots, language), language)
    except KnowledgeError as err:
        return err
