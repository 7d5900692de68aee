"""The journal file: its layouts (a file of the first layout opens and is updated; one
from a newer acuinfo is refused), anything else at its name is never written to,
read-only and full disks, two processes at once, and kill -9 or Ctrl-C at any point
of an add or an import: the journal is as it was or has the whole change."""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import os
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from conftest import REPO, TRACEBACK, script_path

LAYOUT_1 = REPO / "tests" / "fixtures" / "journal-layout-1.sql"
KILL_POINTS = 40


def env_for(journal: Path) -> dict:
    return {**os.environ, "ACUINFO_JOURNAL": str(journal)}


def acuinfo(journal: Path, *args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([script_path(), *args], capture_output=True, text=True,
                          env=env_for(journal), timeout=120, stdin=subprocess.DEVNULL,
                          **kwargs)


def add(journal: Path, pain: int = 5, *more: str) -> subprocess.CompletedProcess:
    return acuinfo(journal, "journal", "add", "--pain", str(pain), "--enjoyment", "4",
                   "--activity", "3", *more)


def rows(journal: Path) -> list[tuple]:
    with sqlite3.connect(journal) as connection:
        return connection.execute(
            "SELECT day, pain, enjoyment, activity, session, note FROM entry ORDER BY id"
        ).fetchall()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def from_layout_1(path: Path) -> Path:
    connection = sqlite3.connect(path)
    connection.executescript(LAYOUT_1.read_text(encoding="utf-8"))
    connection.close()
    return path


def test_a_file_of_the_first_layout_is_read_as_it_is(tmp_path):
    journal = from_layout_1(tmp_path / "old.sqlite")
    before = digest(journal)
    shown = acuinfo(journal, "journal", "--no-pager")
    assert shown.returncode == 0, shown.stderr
    assert "At the start your PEG score was 6.7" in " ".join(shown.stdout.split())
    exported = acuinfo(journal, "journal", "export")
    assert exported.stdout.splitlines()[1] == "1,2026-09-01,7,6,7,6.7,,before the course,"
    assert digest(journal) == before, "reading does not change the file"


def test_a_file_of_the_first_layout_is_updated_by_the_first_change(tmp_path):
    journal = from_layout_1(tmp_path / "old.sqlite")
    old = rows(journal)
    result = add(journal, 4, "--session", "3")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Added entry 5:")
    with sqlite3.connect(journal) as connection:
        assert connection.execute("PRAGMA user_version").fetchone() == (2,)
        recorded = connection.execute("SELECT recorded FROM entry ORDER BY id").fetchall()
    assert rows(journal)[:4] == old, "every old entry is kept as it was"
    assert [r[0] == "" for r in recorded] == [True] * 4 + [False]
    assert acuinfo(journal, "journal").returncode == 0


def test_a_file_from_a_newer_acuinfo_is_refused_unchanged(tmp_path):
    journal = tmp_path / "new.sqlite"
    assert add(journal).returncode == 0
    connection = sqlite3.connect(journal)
    connection.execute("PRAGMA user_version = 3")
    connection.close()  # the last connection: its log goes into the file
    before = digest(journal)
    for args in (["journal"], ["journal", "add", "--pain", "1", "--enjoyment", "1",
                               "--activity", "1"], ["journal", "export"]):
        result = acuinfo(journal, *args)
        assert result.returncode == 1, args
        assert "was written by a newer acuinfo (journal layout 3; this one reads layouts 1 "\
               "to 2)" in result.stderr
        assert "update acuinfo" in result.stderr
        assert TRACEBACK not in result.stderr
    assert digest(journal) == before


def damaged(path: Path) -> None:
    assert add(path).returncode == 0
    for number in range(30):
        assert add(path, number % 10, "--note", "x" * 400).returncode == 0
    data = bytearray(path.read_bytes())
    data[4096 + 8: 4096 + 2000] = os.urandom(1992)  # the second page, past its header
    path.write_bytes(bytes(data))


def schema_not_text(path: Path) -> None:
    """SQLite's error for this schema quotes bytes that are not UTF-8."""
    assert add(path).returncode == 0
    data = path.read_bytes()
    assert data.count(b"AUTOINCREMENT,") == 1
    path.write_bytes(data.replace(b"AUTOINCREMENT,", b"AUTOINCREMENT\xe7"))


def text_not_utf8(path: Path) -> None:
    """A note SQLite holds as text, in bytes that are not UTF-8 (and an escape code)."""
    assert add(path).returncode == 0
    with contextlib.closing(sqlite3.connect(path)) as connection:
        connection.execute("UPDATE entry SET note = CAST(x'1b5b324aff' AS TEXT)")
        connection.commit()


@pytest.mark.parametrize(("make", "words"), [
    (lambda p: p.write_text("my own notes, not a journal\n"), "is not an acuinfo journal "
                                                                 "(it is not an SQLite file)"),
    (lambda p: p.write_bytes(b""), "is not an acuinfo journal (it is not an SQLite file)"),
    (lambda p: sqlite3.connect(p).execute("CREATE TABLE mine (x)").connection.commit(),
     "is an SQLite file, but not an acuinfo journal"),
    (damaged, "is damaged"),
    (schema_not_text, "is damaged"),
    (text_not_utf8, "is damaged"),
])
def test_what_is_not_a_journal_is_never_written_to(tmp_path, make, words):
    journal = tmp_path / "journal.sqlite"
    make(journal)
    for side in journal.parent.glob("journal.sqlite-*"):
        side.unlink()
    before = digest(journal)
    for args in (["journal"], ["journal", "add", "--pain", "1", "--enjoyment", "1",
                               "--activity", "1"], ["journal", "delete", "1", "--yes"]):
        result = acuinfo(journal, *args)
        assert result.returncode == 1, (args, result.stderr)
        assert words in result.stderr, result.stderr
        assert "acuinfo has left it as it is" in result.stderr
        assert "--journal FILE" in result.stderr
        assert TRACEBACK not in result.stderr
        assert digest(journal) == before, "the file was changed"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["journal.sqlite"]


def test_a_folder_at_the_journals_name(tmp_path):
    journal = tmp_path / "journal.sqlite"
    journal.mkdir()
    result = add(journal)
    assert result.returncode == 1 and "is a folder, not a file" in result.stderr


def test_a_journal_in_a_folder_that_is_not_there(tmp_path):
    result = add(tmp_path / "nowhere" / "journal.sqlite")
    assert result.returncode == 1
    assert "does not exist" in result.stderr and TRACEBACK not in result.stderr


def test_a_read_only_journal_is_read_and_not_changed(tmp_path, run_unprivileged):
    journal = tmp_path / "shared" / "journal.sqlite"
    journal.parent.mkdir()
    assert add(journal).returncode == 0
    before = digest(journal)
    journal.chmod(0o400)
    journal.parent.chmod(0o500)
    try:
        env = {"ACUINFO_JOURNAL": str(journal)}
        result = run_unprivileged("journal", "add", "--pain", "1", "--enjoyment", "1",
                                  "--activity", "1", env=env)
        assert result.returncode == 1, result.stderr
        assert "cannot change the journal" in result.stderr
        assert TRACEBACK not in result.stderr
        shown = run_unprivileged("journal", "export", env=env)
        assert shown.returncode in (0, 1), shown.stderr
        assert TRACEBACK not in shown.stderr
        if shown.returncode == 0:
            assert len(shown.stdout.splitlines()) == 2
    finally:
        journal.parent.chmod(0o700)
        journal.chmod(0o600)
    assert digest(journal) == before


def test_a_journal_that_cannot_be_made_in_a_read_only_folder(tmp_path, run_unprivileged):
    folder = tmp_path / "locked"
    folder.mkdir(mode=0o500)
    try:
        result = run_unprivileged("journal", "add", "--pain", "1", "--enjoyment", "1",
                                  "--activity", "1",
                                  env={"ACUINFO_JOURNAL": str(folder / "j.sqlite")})
    finally:
        folder.chmod(0o700)
    assert result.returncode == 1
    assert "cannot make the journal" in result.stderr and "nothing was written" in result.stderr
    assert TRACEBACK not in result.stderr
    assert list(folder.iterdir()) == []


def fill(folder: Path) -> Path:
    filler = folder / "filler"
    with open(filler, "wb", buffering=0) as out:
        try:
            while True:
                out.write(b"\0" * 4096)
                out.flush()
        except OSError:
            pass
    return filler


def test_a_full_disk(small_disk, tmp_path):
    disk = small_disk(256)
    journal = disk / "journal.sqlite"
    assert add(journal).returncode == 0
    old = rows(journal)
    filler = fill(disk)
    result = add(journal, 2, "--note", "y" * 400)
    assert result.returncode == 1, result.stderr
    assert "the disk is full; the journal is unchanged" in result.stderr
    assert TRACEBACK not in result.stderr
    big = tmp_path / "big.csv"
    today = datetime.date.today()
    big.write_text("date,pain,enjoyment,activity,note\n" + "".join(
        f"{today - datetime.timedelta(days=n)},{n % 11},5,5,{'z' * 400}\n"
        for n in range(1, 400)))
    filler.unlink()
    fill_some = disk / "some"
    fill_some.write_bytes(b"\0" * 100_000)
    result = acuinfo(journal, "journal", "import", str(big))
    assert result.returncode == 1, result.stderr
    assert "the disk is full" in result.stderr and TRACEBACK not in result.stderr
    fill_some.unlink()
    assert rows(journal) == old
    assert acuinfo(journal, "journal").returncode == 0

    journal.unlink()
    fill(disk)
    result = add(journal)
    assert result.returncode == 1 and "cannot make the journal" in result.stderr
    assert not journal.exists()


def test_processes_adding_at_once_all_land(tmp_path):
    journal = tmp_path / "journal.sqlite"  # none yet: they also race to make it
    count = 12
    processes = [subprocess.Popen(
        [script_path(), "journal", "add", "--pain", str(n % 11), "--enjoyment", "1",
         "--activity", "2", "--note", f"process {n}"], env=env_for(journal),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
        for n in range(count)]
    results = [(p.wait(timeout=120), p.stderr.read().decode()) for p in processes]
    assert all(code == 0 for code, _ in results), results
    notes = sorted(row[5] for row in rows(journal))
    assert notes == sorted(f"process {n}" for n in range(count))
    assert [p.name for p in tmp_path.iterdir() if "tmp" in p.name] == []


def test_imports_at_once_all_land(tmp_path):
    journal = tmp_path / "journal.sqlite"
    assert add(journal).returncode == 0
    today = datetime.date.today()
    files = []
    for number in range(4):
        path = tmp_path / f"part-{number}.csv"
        path.write_text("date,pain,enjoyment,activity,note\n" + "".join(
            f"{today - datetime.timedelta(days=d)},3,3,3,part {number}\n"
            for d in range(1, 201)))
        files.append(path)
    processes = [subprocess.Popen([script_path(), "journal", "import", str(path)],
                                  env=env_for(journal), stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE) for path in files]
    assert all(p.wait(timeout=120) == 0 for p in processes)
    assert len(rows(journal)) == 1 + 4 * 200


def killed(args: list[str], journal: Path, delay: float, sig: int = signal.SIGKILL
           ) -> subprocess.Popen:
    process = subprocess.Popen([script_path(), *args], stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                               env=env_for(journal))
    time.sleep(delay)
    process.send_signal(sig)
    process.wait(timeout=60)
    return process


def timed(args: list[str], journal: Path) -> float:
    started = time.perf_counter()
    result = subprocess.run([script_path(), *args], capture_output=True, env=env_for(journal),
                            stdin=subprocess.DEVNULL, timeout=120)
    assert result.returncode == 0, result.stderr
    return time.perf_counter() - started


def integrity(journal: Path) -> str:
    with sqlite3.connect(journal) as connection:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]


def test_killed_anywhere_in_an_import(tmp_path):
    journal = tmp_path / "journal.sqlite"
    big = tmp_path / "big.csv"
    today = datetime.date.today()
    size = 3000
    big.write_text("date,pain,enjoyment,activity,session,note\n" + "".join(
        f"{today - datetime.timedelta(days=n % 3000 + 1)},{n % 11},{n % 7},{n % 5},"
        f"{n % 12 + 1},entry {n}\n" for n in range(size)))
    args = ["journal", "import", str(big)]
    duration = timed(args, tmp_path / "timing.sqlite")
    assert add(journal).returncode == 0
    before = rows(journal)
    whole = 0
    for point in range(KILL_POINTS):
        killed(args, journal, duration * (point + 0.5) / KILL_POINTS)
        found = rows(journal)
        assert found in (before, before + found[len(before):]), point
        assert len(found) in (len(before), len(before) + size), f"half an import at {point}"
        assert integrity(journal) == "ok"
        if len(found) > len(before):
            whole += 1
            journal.unlink()
            for side in tmp_path.glob("journal.sqlite-*"):
                side.unlink()
            assert add(journal).returncode == 0
            before = rows(journal)
    shown = acuinfo(journal, "journal", "import", str(big))
    assert shown.returncode == 0 and f"Imported {size} entries" in shown.stdout
    assert whole < KILL_POINTS, "no kill came before the import was done"


def test_killed_anywhere_in_an_add_or_while_making_the_journal(tmp_path):
    journal = tmp_path / "journal.sqlite"
    args = ["journal", "add", "--pain", "4", "--enjoyment", "4", "--activity", "4"]
    duration = timed(args, tmp_path / "timing.sqlite")
    count = 0
    for point in range(KILL_POINTS):
        fresh = point % 4 == 0  # now and then, the journal is still to be made
        if fresh and journal.exists():
            journal.unlink()
            count = 0
        killed(args, journal, duration * (point % 20 + 0.5) / 20)
        if journal.exists():
            assert integrity(journal) == "ok", point
            found = len(rows(journal))
            assert found in (count, count + 1), point
            count = found
        result = add(journal)
        assert result.returncode == 0, (point, result.stderr)
        count += 1
        assert len(rows(journal)) == count
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(
        ("acuinfo-tmp", "acuinfo-tmp-wal", "acuinfo-tmp-shm", "acuinfo-tmp-journal"))]
    assert leftovers == [], "what killed runs left was not swept"


def test_ctrl_c_in_an_import_leaves_it_whole_or_not_at_all(tmp_path):
    journal = tmp_path / "journal.sqlite"
    big = tmp_path / "big.csv"
    today = datetime.date.today()
    big.write_text("date,pain,enjoyment,activity,note\n" + "".join(
        f"{today - datetime.timedelta(days=n + 1)},{n % 11},2,3,n{n}\n" for n in range(2000)))
    args = ["journal", "import", str(big)]
    duration = timed(args, tmp_path / "timing.sqlite")
    assert add(journal).returncode == 0
    for point in range(10):
        process = killed(args, journal, duration * (point + 1) / 11, signal.SIGINT)
        err = process.stderr.read().decode()
        if "KeyboardInterrupt" in err and "/acuinfo/" not in err:
            continue  # Ctrl-C while Python was still starting, before acuinfo could take it
        # -SIGINT: the same, before Python had even set up its own handler
        assert process.returncode in (0, 130, -signal.SIGINT), (point, err)
        assert TRACEBACK not in err
        assert len(rows(journal)) in (1, 2001)
        if len(rows(journal)) == 2001:
            break


@pytest.mark.parametrize(("change", "words"), [
    ("UPDATE entry SET day = '2024-13-45'", "its date is not a day of the calendar"),
    ("UPDATE entry SET pain = 5.5", "its pain score is not a whole number from 0 to 10"),
    ("UPDATE entry SET session = 99999999999999999999", "its session is not a whole number"),
    ("UPDATE entry SET note = x'ff00'", "its note is not one line of text"),
    ("UPDATE entry SET note = char(27) || '[2J'", "its note is not one line of text"),
    ("UPDATE entry SET recorded = char(27) || ']0;title' || char(7)",
     "the time it was written is not one line of text"),
])
def test_an_entry_acuinfo_did_not_write_is_refused_unchanged(tmp_path, change, words):
    # What SQLite's own checks let through, from a file another program changed: no
    # crash, no control character on the terminal, and nothing written.
    journal = tmp_path / "journal.sqlite"
    assert add(journal, 5, "--note", "first").returncode == 0
    assert add(journal, 4).returncode == 0
    with contextlib.closing(sqlite3.connect(journal)) as connection:
        connection.execute(f"{change} WHERE id = 1")
        connection.commit()
    before = digest(journal)
    for args in (["journal"], ["journal", "--format", "plain"], ["journal", "export"],
                 ["journal", "add", "--pain", "1", "--enjoyment", "1", "--activity", "1"],
                 ["journal", "delete", "2", "--yes"]):
        result = acuinfo(journal, *args)
        assert result.returncode == 1, (args, result.stdout, result.stderr)
        assert f"entry 1 of the journal {journal} is not one acuinfo can read: "\
               f"{words}" in result.stderr
        assert "acuinfo has left it as it is" in result.stderr
        assert TRACEBACK not in result.stderr and "inside acuinfo" not in result.stderr
        assert "\x1b" not in result.stdout + result.stderr
        assert digest(journal) == before, args
