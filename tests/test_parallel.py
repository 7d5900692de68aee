"""Reading a large folder in worker processes gives what reading it in one process gives:
the same records, the same problems at the same lines, and the same index."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import pytest
from test_index_update import OLD, condition, contents

from acuinfo.base.errors import KnowledgeError
from acuinfo.finding import index
from acuinfo.knowledge import loading, parallel, records
from acuinfo.knowledge.folders import Folder
from acuinfo.knowledge.loading import Knowledge
from acuinfo.knowledge.reading import read

from conftest import DATA

NECK = (DATA / "conditions" / "neck-pain.yaml").read_text(encoding="utf-8")
FILES = 2 * parallel.CHUNK + 30  # enough for two workers to share


def big_clinic(root: Path) -> Path:
    """A clinic folder of ``FILES`` conditions, a few of them broken, drafts or twins."""
    folder = root / "clinic"
    (folder / "conditions").mkdir(parents=True)
    for number in range(FILES):
        text = condition(f"ache-{number}", f"Ache {number:03}", draft=number % 50 == 7)
        if number == 3:
            text = text.replace("title: Ache 003", "title: [Ache, three]")  # wrong type
        if number == 120:
            text = text.replace("summary:", "summary: [unclosed\nsummary:", 1)  # bad YAML
        if number == 201:
            text = text.replace("slug: ache-201", "slug: ache-200")  # a twin of the next
        (folder / "conditions" / f"ache-{number:03}.yaml").write_text(text, encoding="utf-8")
    for path in (*folder.rglob("*"), folder):
        os.utime(path, (OLD, OLD))
    return folder


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return big_clinic(tmp_path_factory.mktemp("parallel"))


def shown(result: object) -> object:
    """A record or an error as it can be compared across processes."""
    if isinstance(result, KnowledgeError):
        return [str(problem) for problem in result.problems]
    return repr(result._replace(origin=None)), result.origin.file


def read_here(files: list[Path]) -> list[object]:
    """Each file's record, or the error reading it raised, read in this process."""
    found: list[object] = []
    for file in files:
        try:
            found.append(read(file, records.Condition))
        except KnowledgeError as err:
            found.append(err)
    return found


def test_workers_read_each_file_as_this_process_does(folder, tmp_path, monkeypatch):
    monkeypatch.setenv("ACUINFO_CACHE_DIR", str(tmp_path / "cache"))
    files = sorted((folder / "conditions").iterdir())
    ticks = []
    ahead = list(parallel.read_ahead(files, (records.Condition, "en", [folder], True), 2,
                                     ticks.append))
    here = read_here(files)
    assert [shown(result) for result in ahead] == [shown(result) for result in here]
    assert sum(ticks) == len(files) and len(ticks) > 1


def test_a_problem_found_by_a_worker_has_its_file_and_line(folder, tmp_path, monkeypatch):
    monkeypatch.setenv("ACUINFO_CACHE_DIR", str(tmp_path / "cache"))
    files = sorted((folder / "conditions").iterdir())
    results = list(parallel.read_ahead(files, (records.Condition, "en", [folder], True), 2))
    wrong_type = results[3]
    line = (folder / "conditions" / "ache-003.yaml").read_text().splitlines().index(
        "title: [Ache, three]") + 1
    assert isinstance(wrong_type, KnowledgeError)
    assert wrong_type.problems[0].file.endswith("ache-003.yaml")
    assert wrong_type.problems[0].line == line
    assert isinstance(results[120], KnowledgeError) and results[120].problems[0].line
    # a problem found later, through the record's origin, still has its line
    record = results[0]
    assert record.origin.problem(("title",), "x").line == 2


def built_index(folder: Path, cache: Path, workers: str, monkeypatch) -> dict[str, object]:
    monkeypatch.setenv("ACUINFO_CACHE_DIR", str(cache))
    monkeypatch.setenv("ACUINFO_WORKERS", workers)
    with contextlib.closing(index.open_index(Knowledge([Folder(folder, str(folder))]))) as db:
        return contents(db)


def test_an_index_built_by_two_workers_equals_one_built_by_one(folder, tmp_path, monkeypatch):
    one = built_index(folder, tmp_path / "one", "1", monkeypatch)
    two = built_index(folder, tmp_path / "two", "2", monkeypatch)
    assert one == two
    assert len(one["entries"]) > FILES - 10 and one["problems"] and one["drafted"]


def test_the_knowledge_read_by_two_workers_is_the_knowledge_read_by_one(folder, tmp_path,
                                                                       monkeypatch):
    """Each record with its own file, the twin and the drafts as one process has them."""
    seen = []
    for workers in ("1", "2"):
        monkeypatch.setenv("ACUINFO_CACHE_DIR", str(tmp_path / workers))
        monkeypatch.setenv("ACUINFO_WORKERS", workers)
        knowledge = Knowledge([Folder(folder, str(folder))])
        seen.append(([(c.slug, c.origin.file) for c in knowledge.conditions()],
                     [str(problem) for problem in knowledge.problems],
                     [c.origin.file for c in knowledge.hidden_drafts]))
    assert seen[0] == seen[1]
    assert seen[0][1] and seen[0][2]


def test_how_many_workers(monkeypatch):
    monkeypatch.setenv("ACUINFO_WORKERS", "1")
    assert parallel.workers_for(100_000) == 1
    monkeypatch.setenv("ACUINFO_WORKERS", "3")
    assert parallel.workers_for(100_000) == 3
    assert parallel.workers_for(150) == 1  # fewer files than two chunks: no pool
    assert parallel.workers_for(2, size=10) == 1  # less than a chunk's worth: no pool
    assert parallel.workers_for(2, size=2 * parallel.BYTES_PER_CHUNK) == 2
    assert parallel.workers_for(1, size=5 * parallel.BYTES_PER_CHUNK) == 1  # one a file
    monkeypatch.delenv("ACUINFO_WORKERS")
    assert parallel.workers_for(parallel.FILES_PER_WORKER - 1) == 1
    assert 1 <= parallel.workers_for(100_000) <= (os.cpu_count() or 1)
    assert parallel.workers_for(400, size=parallel.BYTES_PER_WORKER - 1) == 1
    assert parallel.workers_for(1, size=100 * parallel.BYTES_PER_WORKER) == 1  # one file
    assert 1 <= parallel.workers_for(400, size=100 * parallel.BYTES_PER_WORKER) <= (
        os.cpu_count() or 1)
    # what the loader reads without asking (nor importing) the pool would never be pooled
    assert loading.LEAST_WEIGHED <= parallel.BYTES_PER_CHUNK <= parallel.BYTES_PER_WORKER


TIPS = (DATA / "tips.yaml").read_text(encoding="utf-8")


def test_tips_read_by_workers_are_the_tips_read_here(tmp_path, monkeypatch):
    """A clinic's many files of tips are read by workers, and come to the same book, with
    the same problems at the same lines, as read in this process."""
    folder = tmp_path / "clinic"
    (folder / "tips").mkdir(parents=True)
    for number in range(7):
        text = TIPS.replace("id: keep-moving", f"id: keep-moving-{number}")
        if number == 2:
            text = text.replace("title: Keep moving each day", "title: [not, text]")
        if number == 5:
            text = text.replace("tips:", "tips: [unclosed\ntips:", 1)
        (folder / "tips" / f"clinic-{number}.yaml").write_text(text, encoding="utf-8")
    used = []
    real = parallel.read_ahead

    def counted(files, *rest):
        used.append(len(files))
        return real(files, *rest)

    monkeypatch.setattr(parallel, "read_ahead", counted)
    monkeypatch.setattr(parallel, "BYTES_PER_CHUNK", 1024)  # these files, a chunk each
    seen = []
    for workers in ("1", "2"):
        monkeypatch.setenv("ACUINFO_CACHE_DIR", str(tmp_path / f"cache-{workers}"))
        monkeypatch.setenv("ACUINFO_WORKERS", workers)
        knowledge = Knowledge([Folder(folder, str(folder))])
        book = knowledge.tips()
        seen.append(([(tip.id, tip.title, tip.origin.file) for tip in book.tips],
                     [str(problem) for problem in knowledge.problems]))
    assert used == [7], "read by workers with two, and here with one"
    assert seen[0] == seen[1]
    tips, problems = seen[0]
    assert ("keep-moving-6", "Keep moving each day", str(folder / "tips" / "clinic-6.yaml")
            ) in tips
    assert any("clinic-2.yaml:" in problem for problem in problems)
    assert any("clinic-5.yaml:" in problem for problem in problems)


def test_the_installed_script_lists_and_reports_the_same_with_workers(folder, tmp_path,
                                                                      run_script):
    seen = []
    for workers in ("1", "2"):
        listed = run_script("-d", str(folder), "conditions", "--format", "plain",
                            env={"ACUINFO_WORKERS": workers,
                                 "ACUINFO_CACHE_DIR": str(tmp_path / f"cache-{workers}")})
        assert "Traceback" not in listed.stderr
        seen.append((listed.returncode, listed.stdout, listed.stderr))
    assert seen[0] == seen[1]
    assert "Ache 004" in seen[0][1] and "ache-003.yaml:" in seen[0][1] + seen[0][2]


def test_a_reader_that_stops_early_leaves_no_worker_behind(folder, tmp_path, monkeypatch):
    """The workers read only a few chunks ahead, and go when the reading stops."""
    import multiprocessing

    monkeypatch.setenv("ACUINFO_CACHE_DIR", str(tmp_path / "cache"))
    files = sorted((folder / "conditions").iterdir())
    ticks: list[int] = []
    reading = parallel.read_ahead(files, (records.Condition, "en", [folder], True), 2, ticks.append)
    first = [next(reading) for _ in range(3)]  # the fourth file is a broken one
    assert [result.origin.file for result in first] == [str(file) for file in files[:3]]
    assert sum(ticks) < len(files)
    reading.close()
    assert multiprocessing.active_children() == []


def test_files_a_dead_worker_held_are_read_here(folder, tmp_path, monkeypatch):
    """A worker killed outright (as the system does to one out of memory) loses the
    chunks it held; they are read in this process, and nothing is missing or twice."""
    import multiprocessing
    import signal

    monkeypatch.setenv("ACUINFO_CACHE_DIR", str(tmp_path / "cache"))
    files = sorted((folder / "conditions").iterdir())
    reading = parallel.read_ahead(files, (records.Condition, "en", [folder], True), 2)
    first = next(reading)
    for child in multiprocessing.active_children():
        os.kill(child.pid, signal.SIGKILL)
    rest = list(reading)
    here = read_here(files)
    assert [shown(result) for result in [first, *rest]] == [shown(result) for result in here]
    assert multiprocessing.active_children() == []


ORPHANED = """
import multiprocessing, sys, time
from pathlib import Path
from acuinfo.knowledge import loading, parallel, records
folder = Path(sys.argv[1])
files = sorted((folder / "conditions").iterdir())
reading = parallel.read_ahead(files, (records.Condition, "en", [folder], False), 2)
next(reading)
print(" ".join(str(child.pid) for child in multiprocessing.active_children()), flush=True)
time.sleep(60)
"""


def test_workers_whose_main_process_is_killed_leave_quietly(folder, tmp_path):
    """Killed outright, the main process cannot stop its workers: each then finds its
    pipe closed, as it waits for work or sends what it read, and ends without a word."""
    import signal
    import subprocess
    import sys
    import time

    main = subprocess.Popen([sys.executable, "-c", ORPHANED, str(folder)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "ACUINFO_CACHE_DIR": str(tmp_path / "cache")})
    workers = [int(pid) for pid in main.stdout.readline().split()]
    assert len(workers) == 2
    time.sleep(0.5)  # each has read its chunks, and waits to send them
    main.send_signal(signal.SIGKILL)
    main.wait()
    deadline = time.time() + 20
    while time.time() < deadline and any(alive(pid) for pid in workers):
        time.sleep(0.05)
    assert not any(alive(pid) for pid in workers)
    assert main.stderr.read() == ""


def alive(pid: int) -> bool:
    """Whether process ``pid`` is running (a zombie, once init has reaped it, is not)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


FORKED_WHILE_LOCKED = """
import os, sys, time
from pathlib import Path
from acuinfo.finding import index_lock
lock = index_lock.Lock(Path(sys.argv[1]))
lock.take()
child = os.fork()
if child == 0:  # a worker, busy with a long chunk
    time.sleep(60)
    os._exit(0)
print(child, flush=True)
time.sleep(60)
"""


def test_a_process_forked_by_a_writer_does_not_keep_its_lock(tmp_path):
    """A worker forked while the cache folder's lock is held shares the lock's open file:
    once the writer is killed, the next writer must get the lock though the worker is
    still busy."""
    import signal
    import subprocess
    import sys

    pytest.importorskip("fcntl")
    from acuinfo.finding import index_lock

    folder = tmp_path / "cache"
    folder.mkdir()
    writer = subprocess.Popen([sys.executable, "-c", FORKED_WHILE_LOCKED, str(folder)],
                              stdout=subprocess.PIPE, text=True)
    child = int(writer.stdout.readline())
    try:
        with pytest.raises(TimeoutError):
            index_lock.Lock(folder).take(wait_s=0.2)  # the writer holds it
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        assert alive(child)
        lock = index_lock.Lock(folder)
        lock.take(wait_s=5)
        lock.release()
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(child, signal.SIGKILL)
