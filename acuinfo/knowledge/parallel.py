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

import contextlib
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from acuinfo.base.errors import KnowledgeError

WORKERS_VARIABLE = "ACUINFO_WORKERS"
FILES_PER_WORKER = 1_000  # below this, a worker costs more to start than it saves
BYTES_PER_WORKER = 2 * 1024 * 1024  # the same for files of other sizes, such as tips
BYTES_PER_CHUNK = 512 * 1024  # about what CHUNK condition files hold
CHUNK = 100  # files a worker reads at a time, at most: few messages, an even share of work
AHEAD = 3  # chunks a worker may have read, or be reading, before they are used

Result = object  # a record, or the KnowledgeError that reading its file raised


def workers_for(files: int, size: int | None = None) -> int:
    """How many workers to read ``files`` files with: one a core, at most one a thousand
    files (or, given their ``size`` in bytes, one for each ``BYTES_PER_WORKER``) and one
    a file; or as ``ACUINFO_WORKERS`` says, with at least a chunk's worth each. 1 means
    this process alone."""
    asked = os.environ.get(WORKERS_VARIABLE, "").strip()
    if asked.isdigit() and int(asked) >= 1:
        share = files // CHUNK if size is None else min(files, size // BYTES_PER_CHUNK)
        return min(int(asked), max(share, 1))
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on every system
        cores = os.cpu_count() or 1
    share = files // FILES_PER_WORKER if size is None else min(files, size // BYTES_PER_WORKER)
    return max(1, min(cores, share))


def read_ahead(files: Sequence[Path], read: tuple, workers: int,
               done: Callable[[int], object] | None = None) -> Iterator[Result]:
    """Each file of ``files`` read as ``read_file(file, *read)`` would read it, in
    ``workers`` processes, and given back in order as soon as it is read; ``done`` is
    told how many more files are read as each chunk comes back. Only a few chunks are
    read ahead of the one being used, so memory holds those, not the folder.

    Each worker has a pipe of its own, and no lock is shared: a worker that dies
    (killed, or out of memory) takes nothing with it but the chunks it held, which are
    then read in this process. (The standard library's pools share a queue lock, and
    one killed while holding it stops the whole pool for good.)"""
    import multiprocessing
    from multiprocessing.connection import wait

    # Chunks of CHUNK files, smaller when there are few files (a few hundred long files
    # of tips, say), so that every worker has a share.
    size = max(1, min(CHUNK, len(files) // (workers * AHEAD)))
    chunks = [list(files[at:at + size]) for at in range(0, len(files), size)]
    context = multiprocessing.get_context(_start_method())
    team: list[_Worker] = []
    for _ in range(workers):
        team.append(_Worker(context, [worker.connection for worker in team]))
    read_back: dict[int, list[Result]] = {}
    sent = 0  # chunks handed out so far

    def hand_out(worker: _Worker) -> None:
        nonlocal sent
        worker.give(sent, chunks[sent], read)
        sent += 1

    try:
        for worker in team:
            while len(worker.held) < AHEAD and sent < len(chunks):
                hand_out(worker)
        for number in range(len(chunks)):
            while number not in read_back:
                alive = [worker for worker in team if worker.alive]
                if not alive:  # every worker died: what is left is read here
                    read_back[number] = _read_chunk(chunks[number], read)
                    sent = max(sent, number + 1)
                    break
                waited = {worker.connection: worker for worker in alive}
                waited.update({worker.process.sentinel: worker for worker in alive})
                for ready in wait(list(waited)):
                    worker = waited[ready]
                    if worker.alive:
                        read_back.update(worker.collect(read, chunks))
            results = read_back.pop(number)
            idle = [worker for worker in team if worker.alive and len(worker.held) < AHEAD]
            if sent < len(chunks) and idle:
                hand_out(min(idle, key=lambda worker: len(worker.held)))
            if done is not None:
                done(len(results))
            yield from results
    finally:
        for worker in team:
            worker.stop()


class _Worker:
    """One worker process, its own pipe, and the chunks it has been given."""

    def __init__(self, context: object, others: list[object]) -> None:
        self.connection, theirs = context.Pipe()
        # A forked worker holds a copy of every pipe end this process had open: of its
        # own pipe, and of the workers' before it. It closes them, so that if this
        # process dies, even killed outright, its pipe shows it and it ends.
        inherited = [self.connection, *others] if context.get_start_method() == "fork" else []
        self.process = context.Process(target=_serve, args=(theirs, inherited), daemon=True)
        self.process.start()
        theirs.close()
        self.held: list[int] = []
        self.alive = True

    def give(self, number: int, chunk: list[Path], read: tuple) -> None:
        self.held.append(number)
        with contextlib.suppress(OSError):  # it has died: collect() reads what it held
            self.connection.send((number, chunk, read))

    def collect(self, read: tuple, chunks: list[list[Path]]) -> dict[int, list[Result]]:
        """The chunks this worker has read since last asked; if it has died, every chunk
        it still held, read here."""
        found = {}
        try:
            while self.connection.poll():
                number, results = self.connection.recv()
                self.held.remove(number)
                found[number] = results
            if self.process.is_alive():
                return found
        except (EOFError, OSError):
            pass
        self.alive = False
        for number in self.held:
            found[number] = _read_chunk(chunks[number], read)
        self.held = []
        return found

    def stop(self) -> None:
        """End the worker now, whatever it is doing: nothing it was reading is needed."""
        if self.process.is_alive():
            self.process.terminate()
        self.process.join()
        self.connection.close()


def _serve(connection: object, inherited: list[object]) -> None:
    """A worker's life: read each chunk it is sent and send back what it read."""
    _ignore_ctrl_c()
    for end in inherited:
        end.close()
    while True:
        try:
            number, chunk, read = connection.recv()
        except (EOFError, OSError):  # the main process has gone
            return
        results = _read_chunk(chunk, read)
        try:
            connection.send((number, results))
        except OSError:  # it went while this chunk was read: no one to tell
            return


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


def _read_chunk(files: list[Path], read: tuple) -> list[Result]:
    return [read_file(file, *read) for file in files]


def read_file(file: Path, record_type: type, language: str, roots: list[Path],
              keep: bool) -> Result:
    """One file's record in ``language`` (its translation from the first of ``roots``
    that holds one laid over it), or the KnowledgeError that reading it raised; ``keep``
    as for ``acuinfo.knowledge.reading.parse_file``."""
    from acuinfo.knowledge.reading import read_in

    try:
        return read_in(file, record_type, language, roots, keep)
    except KnowledgeError as err:
        return err
