"""An edit to a few condition files updates only their rows, an edit to the tips, the
glossary or a page only theirs, and the updated index holds exactly what one built
from scratch would, after any sequence of edits, additions, removals and renames.
Readers during an update see the old index or the new one."""

from __future__ import annotations

import contextlib
import marshal
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from acuinfo.finding import index
from acuinfo.knowledge.folders import Folder
from acuinfo.knowledge.loading import Knowledge

from conftest import DATA, KILLED_WRITER

NECK = (DATA / "conditions" / "neck-pain.yaml").read_text(encoding="utf-8")
TIPS = (DATA / "tips.yaml").read_text(encoding="utf-8")
GLOSSARY = (DATA / "glossary.yaml").read_text(encoding="utf-8")
PAGE = (DATA / "pages" / "needle-fear.yaml").read_text(encoding="utf-8")
OLD = time.time() - 3600  # every file is settled: an index built now is kept


def condition(slug: str, title: str, draft: bool = False) -> str:
    text = NECK.replace("slug: neck-pain", f"slug: {slug}").replace(
        "title: Neck pain", f"title: {title}")
    return text + ("status: draft\n" if draft else "")


class Clinic:
    """A knowledge folder of a few conditions, its own cache, and the index over it."""

    def __init__(self, root: Path, cache: str = "cache", language: str = "en") -> None:
        self.root = root
        self.language = language
        self.folder = root / "clinic"
        (self.folder / "conditions").mkdir(parents=True, exist_ok=True)
        self.cache = root / cache
        self.step = 0

    def write(self, name: str, text: str) -> None:
        self.put(self.folder / "conditions" / name, text)

    def put(self, path: Path, text: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        self.settle(path)

    def settle(self, path: Path) -> None:
        """An old modification time, new each step, so the change is seen and settled."""
        self.step += 1
        os.utime(path, (OLD + self.step, OLD + self.step))
        os.utime(path.parent, (OLD + self.step, OLD + self.step))

    def open(self) -> sqlite3.Connection:
        old = os.environ.get("ACUINFO_CACHE_DIR")
        os.environ["ACUINFO_CACHE_DIR"] = str(self.cache)
        try:
            # the clinic folder alone: the built-in one may have been installed just now,
            # too recently for an index over it to be kept
            return index.open_index(Knowledge([Folder(self.folder, str(self.folder))],
                                              language=self.language))
        finally:
            if old is None:
                del os.environ["ACUINFO_CACHE_DIR"]
            else:
                os.environ["ACUINFO_CACHE_DIR"] = old

    def contents(self) -> dict[str, object]:
        with contextlib.closing(self.open()) as connection:
            return contents(connection)


def contents(connection: sqlite3.Connection) -> dict[str, object]:
    """Everything an index holds, without the numbers its rows happen to have, once
    FTS5 has checked that its index of the words holds exactly the words of the texts
    the index keeps (an update that took out other words fails here)."""
    connection.execute("INSERT INTO words (words, rank) VALUES ('integrity-check', 1)")
    named = {row[0]: row[1:] for row in connection.execute(
        "SELECT id, kind, name, title, unit FROM entries")}
    meta = dict(connection.execute(
        "SELECT key, value FROM meta WHERE key NOT IN ('built_ns')"))
    return {
        "entries": sorted(connection.execute(
            "SELECT kind, name, title, command, summary, checksum, body_checksum, unit"
            " FROM entries")),
        "names": sorted((key, named[entry], alias) for key, entry, alias
                        in connection.execute("SELECT key, entry, alias FROM names")),
        "words": sorted((named[rowid], names, body) for rowid, names, body
                        in connection.execute("SELECT rowid, names, body FROM words")),
        "vocabulary": sorted(connection.execute("SELECT * FROM vocabulary")),
        "problems": sorted(connection.execute("SELECT * FROM problems"), key=repr),
        "drafted": sorted(connection.execute("SELECT * FROM drafted")),
        "stamps": {folder: marshal.loads(value) for folder, value, _ in connection.execute(
            "SELECT * FROM stamps")},
        "lists": {name: marshal.loads(value) for name, value in connection.execute(
            "SELECT name, value FROM marshalled")},
        "meta": meta,
    }


def ids(clinic: Clinic) -> dict[str, int]:
    with contextlib.closing(clinic.open()) as connection:
        return dict(connection.execute(
            "SELECT name, id FROM entries WHERE kind = 'condition'"))


@pytest.fixture
def clinic(tmp_path, monkeypatch) -> Clinic:
    """A clinic folder of five conditions, c0 to c4, each settled."""
    monkeypatch.setenv("ACUINFO_USER_DIR", str(tmp_path / "user"))
    made = Clinic(tmp_path)
    for number in range(5):
        made.write(f"c{number}.yaml", condition(f"c{number}", f"Ache {number}"))
    return made


def test_an_edit_changes_only_the_rows_of_its_file(clinic):
    before = ids(clinic)
    clinic.write("c2.yaml", condition("c2", "Ache two, edited"))
    after = ids(clinic)
    assert {k: v for k, v in after.items() if k != "c2"} == {
        k: v for k, v in before.items() if k != "c2"}, "the other rows are kept as they were"
    assert after["c2"] > max(before.values()), "the edited file's rows are new"
    with contextlib.closing(clinic.open()) as connection:
        titles = dict(connection.execute(
            "SELECT name, title FROM entries WHERE kind = 'condition'"))
    assert titles["c2"] == "Ache two, edited"


def test_a_change_to_a_tip_replaces_the_tips_alone(clinic):
    tips = clinic.folder / "tips.yaml"
    clinic.put(tips, TIPS)
    conditions = ids(clinic)
    (path,) = clinic.cache.glob("index-*.sqlite")
    inode = path.stat().st_ino
    before = tip_ids(clinic)
    clinic.put(tips, TIPS.replace("title: Keep moving each day", "title: Move a little"))
    after = tip_ids(clinic)
    assert "Move a little" in after and "Keep moving each day" not in after
    assert {title: number for title, number in after.items() if title != "Move a little"} == {
        title: number for title, number in before.items() if title != "Keep moving each day"
    }, "the other tips' rows are kept as they were"
    assert after["Move a little"] > max(before.values())
    assert ids(clinic) == conditions, "the conditions' rows are kept as they were"
    assert path.stat().st_ino == inode, "updated in place, not built again"
    assert clinic.contents() == Clinic(clinic.root, cache="rebuilt").contents()


def tip_ids(clinic: Clinic) -> dict[str, int]:
    with contextlib.closing(clinic.open()) as connection:
        return dict(connection.execute("SELECT title, id FROM entries WHERE kind = 'tip'"))


@pytest.mark.parametrize(("language", "old", "new"), [
    ("es", "Muévase cada día", "Muévase un poco"),
    ("zh-Hans", "每天保持活动", "每天活动一下"),
])
def test_an_edit_to_a_translated_file_updates_the_index_of_its_language(
        tmp_path, monkeypatch, language, old, new):
    monkeypatch.setenv("ACUINFO_USER_DIR", str(tmp_path / "user"))
    clinic = Clinic(tmp_path, language=language)
    clinic.write("c0.yaml", condition("c0", "Ache 0"))
    clinic.put(clinic.folder / "tips.yaml", TIPS)
    own = (DATA / "translations" / language / "tips.yaml").read_text(encoding="utf-8")
    translated = clinic.folder / "translations" / language / "tips.yaml"
    clinic.put(translated, own)
    conditions = ids(clinic)
    (path,) = clinic.cache.glob(f"index-*-{language}.sqlite")
    inode = path.stat().st_ino
    clinic.put(translated, own.replace(f"title: {old}", f"title: {new}"))
    with contextlib.closing(clinic.open()) as connection:
        tip_titles = {title for (title,) in connection.execute(
            "SELECT title FROM entries WHERE kind = 'tip'")}
    assert new in tip_titles and old not in tip_titles
    assert ids(clinic) == conditions and path.stat().st_ino == inode
    assert clinic.contents() == Clinic(clinic.root, "rebuilt", language).contents()


def test_a_conditions_folder_that_cannot_be_read_is_still_reported_after_a_tip_edit(
        clinic):
    rebuilt = Clinic(clinic.root, cache="rebuilt")  # made while the folder is still there
    conditions = clinic.folder / "conditions"
    for file in conditions.iterdir():
        file.unlink()
    conditions.rmdir()
    os.symlink("conditions", conditions)  # a loop: it cannot be read
    clinic.put(clinic.folder / "tips.yaml", TIPS)

    def problems() -> list[tuple]:
        with contextlib.closing(clinic.open()) as connection:
            return sorted(connection.execute("SELECT kind, file, message FROM problems"))

    before = problems()
    assert [kind for kind, _, _ in before] == ["conditions"], before
    (path,) = clinic.cache.glob("index-*.sqlite")
    inode = path.stat().st_ino
    clinic.put(clinic.folder / "tips.yaml", TIPS.replace("title: Keep moving", "title: Move"))
    assert problems() == before
    assert path.stat().st_ino == inode, "updated in place"
    assert clinic.contents() == rebuilt.contents()


MORE_TIPS = """reviewed: 2026-11-25
tips:
  - id: clinic-extra
    category: movement
    title: A clinic's own tip
    text: Walk a little every day.
    conditions: []
    keywords: [walking]
"""


def test_a_knowledge_folder_called_conditions_has_its_tips_updated(tmp_path, monkeypatch):
    """Only the conditions folder inside a knowledge folder holds units: a knowledge
    folder that is itself called conditions holds tips, and its problems are theirs."""
    monkeypatch.setenv("ACUINFO_USER_DIR", str(tmp_path / "user"))
    clinic = Clinic(tmp_path)
    clinic.folder = tmp_path / "conditions"
    rebuilt = Clinic(tmp_path, cache="rebuilt")
    rebuilt.folder = clinic.folder
    clinic.write("c0.yaml", condition("c0", "Ache 0"))
    clinic.put(clinic.folder / "tips" / "more.yaml", MORE_TIPS)
    clinic.put(clinic.folder / "tips.yaml", "tips: [unclosed\n")  # the other file still counts
    clinic.contents()
    with contextlib.closing(clinic.open()) as connection:
        assert list(connection.execute("SELECT kind, unit FROM problems")) == [("tips", None)]
    clinic.put(clinic.folder / "tips.yaml", TIPS)
    assert {"Keep moving each day", "A clinic's own tip"} <= set(tip_ids(clinic))
    assert clinic.contents() == rebuilt.contents()


def test_a_condition_folder_that_appears_is_a_full_build(tmp_path, monkeypatch):
    monkeypatch.setenv("ACUINFO_USER_DIR", str(tmp_path / "user"))
    made = Clinic(tmp_path)
    made.folder.joinpath("conditions").rmdir()
    made.put(made.folder / "tips.yaml", TIPS)
    made.contents()
    (path,) = made.cache.glob("index-*.sqlite")
    inode = path.stat().st_ino
    made.write("c0.yaml", condition("c0", "Ache 0"))
    assert "Ache 0" in titles(made)
    assert path.stat().st_ino != inode, "what the new folder holds was read from scratch"


@contextlib.contextmanager
def user_folder(path: Path):
    """ACUINFO_USER_DIR for one example (a fixture would last for all of them)."""
    old = os.environ.get("ACUINFO_USER_DIR")
    os.environ["ACUINFO_USER_DIR"] = str(path)
    try:
        yield
    finally:
        if old is None:
            del os.environ["ACUINFO_USER_DIR"]
        else:
            os.environ["ACUINFO_USER_DIR"] = old


OPERATIONS = st.lists(st.tuples(
    st.sampled_from(["edit", "add", "remove", "rename", "draft", "break", "same-slug",
                     "in-place", "tips", "tip-text", "more-tips", "glossary", "page",
                     "break-shared", "remove-shared"]),
    st.integers(0, 4),
    st.booleans()), max_size=6)  # False: the next change comes before the index is read


def change_shared(clinic: Clinic, operation: str, number: int, step: int) -> None:
    """One change to the files that are not conditions: the tips, the glossary, a page."""
    folder = clinic.folder
    present = sorted(path for pattern in ("*.yaml", "tips/*.yaml", "pages/*.yaml")
                     for path in folder.glob(pattern))
    target = present[number % len(present)] if present else folder / "glossary.yaml"
    if operation == "tips":
        clinic.put(folder / "tips.yaml",
                   TIPS.replace("title: Keep moving each day", f"title: Keep moving {step}"))
    elif operation == "tip-text":  # the text alone: the title, and so the row, as it was
        clinic.put(folder / "tips.yaml", TIPS.replace(
            "Try to keep up your normal daily activities",
            f"Try to keep up your daily activities ({step})"))
    elif operation == "more-tips":  # a file of the clinic's own tips beside the book
        clinic.put(folder / "tips" / f"extra{number}.yaml", TIPS.replace(
            "id: keep-moving", f"id: keep-moving-{step}"))
    elif operation == "glossary":
        clinic.put(folder / "glossary.yaml", GLOSSARY.replace("term: Qi", f"term: Qi {step}"))
    elif operation == "page":
        clinic.put(folder / "pages" / f"page{number}.yaml", PAGE.replace(
            "id: needle-fear", f"id: page{number}").replace(
            "title: Afraid of needles or of fainting", f"title: Page {step}"))
    elif operation == "break-shared":
        clinic.put(target, "terms: [unclosed\n")
    else:
        with contextlib.suppress(FileNotFoundError):
            target.unlink()
        clinic.settle(target.parent)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(operations=OPERATIONS)
def test_an_updated_index_equals_one_built_from_scratch(operations):
    with tempfile.TemporaryDirectory() as work, user_folder(Path(work) / "user"):
        root = Path(work)
        clinic = Clinic(root)
        for number in range(4):
            clinic.write(f"c{number}.yaml", condition(f"c{number}", f"Ache {number}"))
        clinic.contents()  # the first build
        for step, (operation, number, look) in enumerate(operations):
            conditions = clinic.folder / "conditions"
            present = sorted(conditions.glob("*.yaml"))
            target = present[number % len(present)] if present else None
            if operation in ("tips", "tip-text", "more-tips", "glossary", "page",
                             "break-shared", "remove-shared"):
                change_shared(clinic, operation, number, step)
            elif operation == "add" or target is None:
                clinic.write(f"new{step}.yaml", condition(f"new{step}", f"New ache {step}"))
            elif operation == "edit":
                clinic.write(target.name, condition(target.stem, f"Edited {step}"))
            elif operation == "remove":
                target.unlink()
                clinic.settle(conditions)
            elif operation == "rename":
                target.rename(conditions / f"moved{step}.yaml")
                clinic.settle(conditions / f"moved{step}.yaml")
            elif operation == "draft":
                clinic.write(target.name, condition(target.stem, f"Draft {step}", draft=True))
            elif operation == "break":
                clinic.write(target.name, "slug: [unclosed\n")
            elif operation == "same-slug":  # two files, one slug
                clinic.write(f"twin{step}.yaml", condition(target.stem, f"Twin {step}"))
            else:  # an edit in place that keeps the size and the modification time
                stat = os.stat(target)
                text = target.read_bytes()
                target.write_bytes(text.replace(b"Ache", b"Acha", 1))
                os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))
            if look or step == len(operations) - 1:  # else one update for several changes
                updated = clinic.contents()
        if operations:
            rebuilt = Clinic(root, cache="rebuilt").contents()
            assert updated == rebuilt


READER = """
import sqlite3, sys, time
from acuinfo.finding.cache_files import index_uri
from acuinfo.finding.index import connect
path, until = sys.argv[1], time.time() + float(sys.argv[2])
seen = set()
while time.time() < until:
    try:
        db = connect(index_uri(path))  # as a command reads it: one transaction
    except sqlite3.Error:
        continue
    try:
        titles = {t for (t,) in db.execute(
            "SELECT title FROM entries WHERE kind = 'condition' AND title LIKE 'Ache %'")}
        time.sleep(0.002)  # room for an update to commit between the two queries
        again = {t for (t,) in db.execute("SELECT title FROM words JOIN entries"
                                          " ON entries.id = words.rowid WHERE words MATCH 'ache'")}
    except sqlite3.Error as err:
        print("error", err)
        sys.exit(1)
    finally:
        db.close()
    if again != titles:
        print("error: two queries saw two states", sorted(titles), sorted(again))
        sys.exit(1)
    seen.add(tuple(sorted(titles)))
print(len(seen))
for titles in seen:
    print("|".join(titles))
"""


def test_readers_during_updates_see_the_old_index_or_the_new(tmp_path, monkeypatch):
    """Readers in other processes open the index again and again while it is updated in
    place; each sees a whole state, in every query it makes: every title from one edit
    or the next, never a mix, never an error."""
    monkeypatch.setenv("ACUINFO_USER_DIR", str(tmp_path / "user"))
    clinic = Clinic(tmp_path)
    for number in range(3):
        clinic.write(f"c{number}.yaml", condition(f"c{number}", f"Ache {number} v0"))
    clinic.contents()
    (path,) = clinic.cache.glob("index-*.sqlite")
    inode = path.stat().st_ino
    readers = [subprocess.Popen([sys.executable, "-c", READER, str(path), "4"],
                                stdout=subprocess.PIPE, text=True) for _ in range(2)]
    versions = 1
    deadline = time.time() + 3
    while time.time() < deadline:
        for number in range(3):  # one version: all three files edited, one update each
            clinic.write(f"c{number}.yaml",
                         condition(f"c{number}", f"Ache {number} v{versions}"))
            clinic.contents()
        versions += 1
    for reader in readers:
        out, _ = reader.communicate(timeout=30)
        assert reader.returncode == 0, out
        lines = out.splitlines()
        assert int(lines[0]) >= 2, "the reader saw the index change"
        for line in lines[1:]:
            titles = line.split("|")
            assert len(titles) == 3, titles
            # a whole update: versions of the three titles differ by at most one edit
            numbers = sorted(int(title.rsplit("v", 1)[1]) for title in titles)
            assert numbers[-1] - numbers[0] <= 1, titles
    assert path.stat().st_ino == inode, "an update built a new index instead"


def test_a_second_edit_in_the_same_tick_of_a_coarse_clock_is_seen(clinic, monkeypatch):
    """On a file system whose clock ticks once a second, two edits of the same size in
    one tick leave the same stamp. An index updated less than two seconds after an edit
    is not trusted for that file: the next update reads it again. (The stamps are made
    coarse here, as such a file system would make them: this one's are not.)"""
    from acuinfo.finding import index_rows

    real = index_rows.stamps_of

    def coarse(state, folder):
        return {name: (size, mtime // 10**9 * 10**9, mtime // 10**9 * 10**9, inode)
                for name, (size, mtime, _, inode) in real(state, folder).items()}

    monkeypatch.setattr(index_rows, "stamps_of", coarse)
    target = clinic.folder / "conditions" / "c2.yaml"
    ids(clinic)  # built and settled
    target.write_text(condition("c2", "Ache X1"), encoding="utf-8")  # now: not settled
    assert "Ache X1" in titles(clinic)
    stat = os.stat(target)
    target.write_text(condition("c2", "Ache X2"), encoding="utf-8")  # same size, same tick
    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert "Ache X2" in titles(clinic)


def titles(clinic: Clinic) -> set[str]:
    with contextlib.closing(clinic.open()) as connection:
        return {title for (title,) in connection.execute(
            "SELECT title FROM entries WHERE kind = 'condition'")}


def test_an_update_killed_during_a_build_never_reaches_the_new_index(clinic, monkeypatch):
    """A writer killed while a full build was filling its new file leaves a journal
    beside the old index. The build lets SQLite roll that journal back into the old file
    before the new one takes its place; left there, it would be rolled into the new one."""
    ids(clinic)
    (path,) = clinic.cache.glob("index-*.sqlite")
    journal = Path(f"{path}-journal")
    real = index._fill

    def fill_while_an_update_is_killed(*args):
        real(*args)
        killed = subprocess.run([sys.executable, "-c", KILLED_WRITER, str(path)])
        assert killed.returncode < 0 and journal.exists()

    monkeypatch.setenv("ACUINFO_CACHE_DIR", str(clinic.cache))
    monkeypatch.setattr(index, "_fill", fill_while_an_update_is_killed)
    knowledge = Knowledge([Folder(clinic.folder, str(clinic.folder))])
    index._build(knowledge, *index._where(knowledge)).close()
    monkeypatch.undo()
    assert not journal.exists()
    built = path.stat().st_ino
    assert clinic.contents() == Clinic(clinic.root, cache="rebuilt").contents()
    assert path.stat().st_ino == built, "the new index was damaged, and built again"


WRITER = """
import contextlib, os, sys
from pathlib import Path
from acuinfo.finding import index
from acuinfo.knowledge.folders import Folder
from acuinfo.knowledge.loading import Knowledge
folder = Path(sys.argv[1])
for _ in range(int(sys.argv[2])):
    with contextlib.closing(index.open_index(Knowledge([Folder(folder, str(folder))]))) as c:
        c.execute("SELECT count(*) FROM entries").fetchone()
"""


def test_writers_at_once_end_in_the_index_a_build_makes(clinic, monkeypatch):
    """Processes that each find the index stale and update it at the same moment take
    turns: whatever order they run in, the index ends as one built from scratch. (One
    that waits too long for its turn builds a new index instead, which ends the same.)"""
    monkeypatch.setenv("ACUINFO_CACHE_DIR", str(clinic.cache))
    ids(clinic)
    writers = []
    for round_ in range(4):
        for number in range(5):
            clinic.write(f"c{number}.yaml", condition(f"c{number}", f"Ache {number} r{round_}"))
        writers += [subprocess.Popen([sys.executable, "-c", WRITER, str(clinic.folder), "3"],
                                     stderr=subprocess.PIPE, text=True) for _ in range(3)]
        time.sleep(0.05)
    for writer in writers:
        _, err = writer.communicate(timeout=60)
        assert writer.returncode == 0, err
    assert clinic.contents() == Clinic(clinic.root, cache="rebuilt").contents()
    assert "Ache 4 r3" in titles(clinic)


ROWS = st.lists(st.tuples(st.sampled_from(["c1", "c2"]),  # [slug, title, summary]
                          st.sampled_from(["ache", "Ache", "ACHE", "b", "Éa"]),
                          st.sampled_from(["", "s"])).map(list), max_size=12)


@given(kept=ROWS, added=ROWS, data=st.data())
def test_a_list_changed_row_by_row_is_the_list_sorted_afresh(kept, added, data):
    """An update changes the kept list of conditions a few rows at a time: it must end
    exactly as sorting the new rows would, ties of case included."""
    from acuinfo.finding.index_rows import by_title, changed_list

    removed = data.draw(st.lists(st.sampled_from(kept), unique_by=id) if kept else st.just([]))
    listed = sorted(kept, key=by_title)
    left = list(kept)
    for row in removed:
        left.remove(row)
    assert changed_list(listed, removed, added) == sorted(left + added, key=by_title)
    if kept:
        assert changed_list(listed, [["not", "in", "it"]], []) is None


HOLD_LOCK = """
import fcntl, os, sys, time
descriptor = os.open(sys.argv[1], os.O_RDONLY)
fcntl.flock(descriptor, fcntl.LOCK_EX)
print("held", flush=True)
time.sleep(float(sys.argv[2]))
"""


def test_a_writer_stuck_holding_the_lock_only_slows_the_next_run(clinic, monkeypatch):
    """Another acuinfo that holds the cache folder's lock and never lets go (stopped with
    Ctrl-Z in the middle of an update, say) is waited for a while, no longer: the next
    run then builds its index in memory and shows the edit."""
    pytest.importorskip("fcntl")
    from acuinfo.finding import index_lock

    ids(clinic)
    (path,) = clinic.cache.glob("index-*.sqlite")
    inode = path.stat().st_ino
    monkeypatch.setattr(index_lock, "WAIT_S", 0.3)
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(clinic.cache), "30"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "held\n"
        clinic.write("c2.yaml", condition("c2", "Ache two, edited"))
        started = time.monotonic()
        assert "Ache two, edited" in titles(clinic)
        assert time.monotonic() - started < 10, "the run waited for the lock too long"
        assert path.stat().st_ino == inode, "a new index took the place of one in use"
    finally:
        holder.kill()
        holder.wait()
    assert "Ache two, edited" in titles(clinic)  # and, the lock free, updated in place
    assert path.stat().st_ino == inode


def test_a_file_system_without_locks_still_keeps_and_updates_the_index(clinic, monkeypatch):
    """Some network file systems refuse advisory locks. The index is then written
    without one, as on a system that has none, instead of never being kept."""
    fcntl = pytest.importorskip("fcntl")
    import errno

    def refused(descriptor, operation):
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(fcntl, "flock", refused)
    ids(clinic)
    (path,) = clinic.cache.glob("index-*.sqlite")
    inode = path.stat().st_ino
    clinic.write("c3.yaml", condition("c3", "Ache three, edited"))
    assert "Ache three, edited" in titles(clinic)
    assert path.stat().st_ino == inode, "the edit was not made in place"


def test_hits_that_tie_come_in_the_same_order_after_an_update(clinic):
    """Five conditions that differ only in their titles tie for "neck pain". Their order
    is not that of their rows, which an update renumbers, but of what they hold."""
    from acuinfo.finding import ranking

    def hits() -> list[str]:
        with contextlib.closing(clinic.open()) as connection:
            return [hit.name for hit in ranking.search(connection, "stiff neck", limit=5)]

    before = hits()
    assert sorted(before) == ["c0", "c1", "c2", "c3", "c4"]
    first = before[0]
    clinic.write(f"{first}.yaml", condition(first, f"Ache {first[1]}"))  # the same again
    assert ids(clinic)[first] > 5, "its rows are new"
    assert hits() == before


def test_an_update_sweeps_what_killed_runs_left_in_the_cache(clinic):
    """A run killed while it kept a parse leaves its temporary file; builds are rare
    once edits update the index in place, so an update sweeps them too."""
    ids(clinic)
    (path,) = clinic.cache.glob("index-*.sqlite")
    inode = path.stat().st_ino
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    left = clinic.cache / "parsed" / f".0badc0de-9.bin.{gone.stdout.strip()}-0000abcd.acuinfo-tmp"
    left.parent.mkdir(exist_ok=True)
    left.write_bytes(b"half a parse")
    clinic.write("c2.yaml", condition("c2", "Ache two, edited"))
    assert "Ache two, edited" in titles(clinic)
    assert path.stat().st_ino == inode, "updated in place"
    assert not left.exists()


@pytest.mark.parametrize(("damage", "edit"), [
    # the packed text unpacks to words the entry never held (a damaged disk)
    ("UPDATE texts SET body = ? WHERE id = (SELECT id FROM entries WHERE name = 'c2')",
     "condition"),
    ("UPDATE texts SET names = 'other names' WHERE id = (SELECT id FROM entries"
     " WHERE name = 'c2')", "condition"),
    ("DELETE FROM texts WHERE id = (SELECT id FROM entries WHERE name = 'c2')", "condition"),
    # the text of a tip that the edit of another tip leaves as it was
    ("DELETE FROM texts WHERE id = (SELECT max(id) FROM entries WHERE kind = 'tip')", "tip"),
    ("UPDATE texts SET body = ? WHERE id = (SELECT max(id) FROM entries WHERE kind = 'tip')",
     "tip"),
])
def test_an_update_never_works_from_a_damaged_text(clinic, damage, edit):
    """An edit takes the old words out of the index by the text they were indexed from,
    and keeps the entries whose rows come out the same. If that text is damaged or gone,
    taking its words out, or keeping it, would leave the index wrong for good: the index
    is built afresh instead."""
    import zlib

    tips = clinic.folder / "tips.yaml"
    clinic.put(tips, TIPS)
    ids(clinic)
    (path,) = clinic.cache.glob("index-*.sqlite")
    with contextlib.closing(sqlite3.connect(path)) as connection, connection:
        other = zlib.compress(("words the entry never held " * 40).encode())
        changed = connection.execute(damage, (other,) if "?" in damage else ()).rowcount
    assert changed == 1
    if edit == "condition":
        clinic.write("c2.yaml", condition("c2", "Ache two, edited"))
    else:  # not the tip whose text is damaged: the first, not the last
        clinic.put(tips, TIPS.replace("title: Keep moving each day", "title: Move a little"))
    assert clinic.contents() == Clinic(clinic.root, cache="rebuilt").contents()
    assert "Ache two, edited" in titles(clinic) or edit == "tip"
