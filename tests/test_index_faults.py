"""The index under faults: a writer killed in the middle, odd cache paths, names that are
not UTF-8, damaged bytes and edits a coarse clock cannot see. Whatever happens, the next
run shows what the knowledge files say."""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import DATA, KILLED_WRITER, TRACEBACK

GOOD = (DATA / "conditions" / "neck-pain.yaml").read_text(encoding="utf-8")


def condition(slug: str, title: str) -> str:
    """The neck pain page as another condition, without the aliases that are neck pain's."""
    own = re.sub(r"^aliases:\n(?:  - .*\n)+", "", GOOD, flags=re.MULTILINE)
    return own.replace("slug: neck-pain", f"slug: {slug}").replace(
        "title: Neck pain", f"title: {title}")


def check_everything_works(run_script, env: dict | None = None, folder: Path | None = None
                           ) -> None:
    """Search, the list, a look-up by alias, ``which`` and completion, as a person sees
    them, all correct."""
    front = ["-d", str(folder)] if folder else []
    found = run_script(*front, "search", "stiff", "neck", "-f", "json", env=env)
    assert found.returncode == 0, found.stderr
    assert json.loads(found.stdout)["items"][0]["name"] == "neck-pain"
    listed = run_script(*front, "conditions", env=env)
    assert listed.returncode == 0, listed.stderr
    assert "Low back pain" in listed.stdout and "Neck pain" in listed.stdout
    alias = run_script(*front, "condition", "stiff neck", env=env)
    assert alias.returncode == 0 and alias.stdout.startswith("Neck pain"), alias.stderr
    which = run_script(*front, "which", "stiff neck", "-f", "json", env=env)
    assert which.returncode == 0 and "neck-pain.yaml" in which.stdout, which.stderr
    completion = run_script(*front, "condition", env={
        **(env or {}), "_ACUINFO_COMPLETE": "complete_bash",
        "COMP_WORDS": "acuinfo condition neck", "COMP_CWORD": "2"})
    assert "neck-pain" in completion.stdout, completion.stderr
    for result in (found, listed, alias, which, completion):
        assert TRACEBACK not in result.stderr


def index_file(tmp_path: Path) -> Path:
    (found,) = (tmp_path / "cache").glob("index-*.sqlite")
    return found


def settle(*paths: Path) -> float:
    """Date ``paths`` an hour back, as files and folders no one has touched of late; the
    time it gave them."""
    settled = time.time() - 3600
    for path in paths:
        os.utime(path, (settled, settled))
    return settled


def damage_index(tmp_path: Path, statement: str) -> None:
    """Run ``statement`` on the index, as damage that must change some row."""
    with contextlib.closing(sqlite3.connect(index_file(tmp_path))) as connection:
        assert connection.execute(statement).rowcount > 0
        connection.commit()


@pytest.mark.parametrize("then", ["keep the index", "delete the index"])
def test_a_writer_killed_inside_the_index_breaks_nothing(run_script, tmp_path, then):
    """A process killed while it wrote into the index in place (as acuinfo once did with
    its folder listings) leaves a hot journal and a half-changed file; deleting the index
    alone then left the journal to pair with the next one."""
    assert run_script("conditions").returncode == 0
    index = index_file(tmp_path)
    killed = subprocess.run([sys.executable, "-c", KILLED_WRITER, str(index)])
    assert killed.returncode == -signal.SIGKILL
    assert Path(f"{index}-journal").exists(), "the killed writer left no journal"
    if then == "delete the index":
        index.unlink()
    check_everything_works(run_script)
    assert not Path(f"{index}-journal").exists(), "the journal was left to pair again"
    check_everything_works(run_script)


def test_a_killed_update_never_meets_the_next_full_build(run_script, tmp_path, clinic):
    """An update killed in the middle leaves its journal beside the index. A full build
    that then replaces the index lets SQLite roll that journal back into the file it
    belongs to first: left beside the new file, it would be rolled into that one."""
    folder = clinic("conditions/jaw-ache.yaml", condition("jaw-ache", "Jaw ache"))
    settled = settle(folder / "conditions" / "jaw-ache.yaml", folder / "conditions", folder)
    assert run_script("-d", str(folder), "conditions").returncode == 0
    index = index_file(tmp_path)
    killed = subprocess.run([sys.executable, "-c", KILLED_WRITER, str(index)])
    assert killed.returncode == -signal.SIGKILL
    assert Path(f"{index}-journal").exists(), "the killed writer left no journal"
    (folder / "tips.yaml").write_text((DATA / "tips.yaml").read_text(encoding="utf-8"),
                                      encoding="utf-8")  # a change only a full build takes
    for path in (folder / "tips.yaml", folder):
        os.utime(path, (settled + 1, settled + 1))
    check_everything_works(run_script, folder=folder)
    assert not Path(f"{index}-journal").exists()
    built = index.stat().st_ino
    check_everything_works(run_script, folder=folder)
    assert "Jaw ache" in run_script("-d", str(folder), "conditions").stdout
    assert index.stat().st_ino == built, "the new index was damaged, and built again"


@pytest.mark.parametrize("name", ["we#ird", "what?mode=rw", "100%25 full", "per%cent"])
def test_cache_folder_with_uri_characters(run_script, tmp_path, name):
    cache = tmp_path / "cached" / name
    env = {"ACUINFO_CACHE_DIR": str(cache)}
    check_everything_works(run_script, env)
    (index,) = cache.glob("index-*.sqlite")
    built = index.stat().st_mtime_ns
    check_everything_works(run_script, env)
    assert index.stat().st_mtime_ns == built, "the cached index could not be opened"
    outside = {p.name for p in (tmp_path / "cached").iterdir()}
    assert outside == {name}, f"stray files beside the cache folder: {outside}"


def test_names_that_are_not_utf8(run_script, tmp_path):
    """File and folder names are bytes: one from an old archive, in Latin-1, is kept and
    shown as it is, in a knowledge folder and in the cache folder's path."""
    root = os.fsencode(tmp_path)
    folder = os.path.join(root, b"clinic-caf\xe9")
    os.makedirs(os.path.join(folder, b"conditions"))
    with open(os.path.join(folder, b"conditions", b"jaw-ache.yaml"), "w") as handle:
        handle.write(condition("jaw-ache", "Jaw ache"))
    with open(os.path.join(folder, b"conditions", b"caf\xe9.yaml"), "w") as handle:
        handle.write("slug: [unclosed\n")
    env = {"ACUINFO_CACHE_DIR": os.fsdecode(os.path.join(root, b"cache-\xe9t\xe9"))}
    shown_folder = os.fsdecode(folder)
    for _ in range(2):  # built, then from the cache
        listed = run_script("-d", shown_folder, "conditions", env=env)
        assert TRACEBACK not in listed.stderr
        assert "Jaw ache" in listed.stdout
        assert listed.returncode == 1, "the broken file is a problem"
        assert "clinic-caf\\xe9/conditions/caf\\xe9.yaml" in listed.stderr
        found = run_script("-d", shown_folder, "search", "jaw", "ache", env=env)
        assert found.returncode == 0 and "Jaw ache" in found.stdout, found.stderr
    checked = run_script("validate", shown_folder, env=env)
    assert "caf\\xe9.yaml" in checked.stdout and TRACEBACK not in checked.stderr
    paths = run_script("-d", shown_folder, "paths", env=env)
    assert "cache-\\xe9t\\xe9" in paths.stdout and "clinic-caf\\xe9" in paths.stdout


def test_damaged_bytes_in_the_index_never_reach_the_screen(run_script, tmp_path):
    """A flipped bit in a title, a summary or a text turns them into other words that
    still look like text; checksums catch it, and the index is rebuilt."""
    assert run_script("conditions").returncode == 0
    index = index_file(tmp_path)
    data = index.read_bytes()
    assert data.count(b"Low back pain") >= 2
    index.write_bytes(data.replace(b"Low back pain", b"Low cack pain")
                      .replace(b"lower back", b"lower cack"))
    for args in (["conditions"], ["search", "lumbago"], ["search", "low", "back"],
                 ["condition", "lumbago"], ["search", "lower", "back", "-f", "json"]):
        result = run_script(*args)
        assert result.returncode == 0, (args, result.stderr)
        assert "cack" not in result.stdout, args
        assert "Low back pain" in result.stdout, args


def test_a_schema_that_is_no_longer_text_has_the_index_rebuilt(run_script, tmp_path):
    """SQLite's error for a damaged schema quotes its bytes, which Python cannot decode:
    the same damage, under another name."""
    assert run_script("conditions").returncode == 0
    index = index_file(tmp_path)
    data = index.read_bytes()
    table = b"CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB NOT NULL)"
    assert data.count(table) == 1
    index.write_bytes(data.replace(table, table.replace(b"KEY,", b"KEY\xe7")))
    check_everything_works(run_script)
    assert b"KEY\xe7" not in index_file(tmp_path).read_bytes()


def test_damaged_folder_listings_are_not_used(run_script, tmp_path, clinic):
    folder = clinic("conditions/jaw-ache.yaml", condition("jaw-ache", "Jaw ache"))
    settled = settle(folder / "conditions" / "jaw-ache.yaml", folder / "conditions", folder)
    assert "Jaw ache" in run_script("-d", str(folder), "conditions").stdout
    (listings,) = (tmp_path / "cache").glob("index-*.listings")
    data = bytearray(listings.read_bytes())
    at = data.index(b"jaw-ache")
    data[at:at + 8] = b"hip-ache"
    listings.write_bytes(bytes(data))
    (folder / "conditions" / "hip-ache.yaml").write_text(condition("hip-ache", "Hip ache"))
    os.utime(folder / "conditions", (settled, settled))  # as if the folder had not changed
    shown = run_script("-d", str(folder), "conditions").stdout
    assert "Jaw ache" in shown and "Hip ache" in shown


def test_an_edit_that_sets_the_time_back_is_seen(run_script, clinic):
    """``touch -d`` puts the old modification time back after an edit of the same size;
    the change time still moves."""
    folder = clinic("conditions/jaw-ache.yaml", condition("jaw-ache", "Jaw ache"))
    target = folder / "conditions" / "jaw-ache.yaml"
    old = time.time() - 3600
    os.utime(target, (old, old))
    for args in (["condition", "jaw-ache"], ["conditions"], ["validate", str(folder)]):
        assert run_script("-d", str(folder), *args).returncode == 0  # cached now
    before = os.stat(target)
    target.write_text(condition("jaw-ache", "Jaw pain"))
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = os.stat(target)
    assert (after.st_size, after.st_mtime_ns, after.st_ino) == (
        before.st_size, before.st_mtime_ns, before.st_ino)
    assert run_script("-d", str(folder), "condition", "jaw-ache").stdout.startswith("Jaw pain")
    assert "Jaw pain" in run_script("-d", str(folder), "conditions").stdout
    target.write_text(condition("jaw-ache", "Jaw pain").replace("summary:", "summery:"))
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert run_script("-d", str(folder), "validate", str(folder)).returncode == 1


@pytest.fixture
def coarse_disk(tmp_path: Path):
    """A real ext4 file system with 128-byte inodes, whose clock ticks once a second."""
    image = tmp_path / "coarse.img"
    with open(image, "wb") as handle:
        handle.truncate(16 * 1024 * 1024)
    point = tmp_path / "coarse"
    point.mkdir()
    made = subprocess.run(["mkfs.ext4", "-q", "-I", "128", str(image)], capture_output=True)
    mounted = made.returncode == 0 and subprocess.run(
        ["mount", "-o", "loop", str(image), str(point)], capture_output=True).returncode == 0
    if not mounted:
        pytest.skip("cannot make and mount a small ext4 file system here")
    yield point
    subprocess.run(["umount", "-l", str(point)], capture_output=True)


def test_a_second_edit_in_the_same_tick_is_seen(run_script, coarse_disk):
    """Two saves of the same size within one second on a file system that keeps whole
    seconds: nothing about the file changes but its content."""
    folder = coarse_disk / "clinic"
    (folder / "conditions").mkdir(parents=True)
    target = folder / "conditions" / "jaw-ache.yaml"
    for _attempt in range(5):
        while time.time() % 1 > 0.1:  # start early in a second
            time.sleep(0.01)
        target.write_text(condition("jaw-ache", "Jaw ache"))
        shown = run_script("-d", str(folder), "condition", "jaw-ache").stdout
        listed = run_script("-d", str(folder), "conditions").stdout
        checked = run_script("validate", str(folder))
        before = os.stat(target)
        with open(target, "r+") as handle:  # the same file, the same size
            handle.write(condition("jaw-ache", "Jaw pain").replace("summary:", "summery:"))
        after = os.stat(target)
        if after.st_mtime_ns == before.st_mtime_ns and after.st_ctime_ns == before.st_ctime_ns:
            break
    else:
        pytest.skip("could not fit both saves into one second")
    assert shown.startswith("Jaw ache") and "Jaw ache" in listed and checked.returncode == 0
    assert run_script("validate", str(folder)).returncode == 1, "the broken save was not seen"
    target.write_text(condition("jaw-ache", "Jaw pain"))
    assert run_script("-d", str(folder), "condition", "jaw-ache").stdout.startswith("Jaw pain")
    assert "Jaw pain" in run_script("-d", str(folder), "conditions").stdout


@pytest.mark.parametrize("damage", [
    "UPDATE texts SET body = substr(body, 1, length(body) / 2)"
    " WHERE typeof(body) = 'blob'",  # cut short
    "UPDATE texts SET body = x'789c' || randomblob(64) WHERE typeof(body) = 'blob'",  # not zlib
    "UPDATE texts SET body = body || x'00' WHERE typeof(body) = 'blob'",  # more after the end
    "UPDATE texts SET body = 12345",  # neither text nor packed text
    "UPDATE texts SET body = NULL WHERE typeof(body) = 'blob'",  # not what the summary gives
    "UPDATE texts SET body = 'other words altogether'",  # text, but not the entry's
])
def test_a_damaged_packed_text_is_never_shown(run_script, tmp_path, damage):
    """The text each entry is searched by is kept compressed; a row of it that cannot be
    unpacked, or unpacks to words that are not the entry's, has the index rebuilt."""
    search_survives(run_script, tmp_path, damage)
    check_everything_works(run_script)


@pytest.mark.parametrize("damage", [
    "UPDATE entries SET title = CAST(title AS BLOB)",
    "UPDATE entries SET summary = CAST(summary AS BLOB) WHERE kind = 'condition'",
])
def test_a_value_of_another_type_in_the_index_has_it_rebuilt(run_script, tmp_path, damage):
    """A damaged record can hold bytes where text was kept: it fails its checksum like
    any other damage, and is never shown."""
    search_survives(run_script, tmp_path, damage)
    check_everything_works(run_script)


@pytest.mark.parametrize("damage", [
    "UPDATE stamps SET value = 'not marshal'",  # what an update compares
    "UPDATE marshalled SET value = 'not marshal'",  # the lists kept ready
    "UPDATE problems SET file = 7",  # a problem's file
])
def test_kept_values_of_another_type_have_the_index_rebuilt(run_script, tmp_path, clinic,
                                                             damage):
    """Text or a number where the index kept bytes: the next run, whether it updates the
    index after an edit or only reads it, shows what the files say."""
    folder = clinic("conditions/jaw-ache.yaml", condition("jaw-ache", "Jaw ache"))
    clinic("conditions/broken.yaml", "title: [unclosed\n")
    settle(folder / "conditions" / "jaw-ache.yaml", folder / "conditions", folder)
    assert "Jaw ache" in run_script("-d", str(folder), "conditions").stdout
    damage_index(tmp_path, damage)
    for edit in (None, "Jaw pain"):
        if edit:
            (folder / "conditions" / "jaw-ache.yaml").write_text(condition("jaw-ache", edit))
        for args in (["conditions"], ["search", "jaw"], ["validate"]):
            result = run_script("-d", str(folder), *args)
            assert TRACEBACK not in result.stderr and "inside acuinfo" not in result.stderr
            shown = result.stdout + result.stderr
            assert ("broken.yaml:2" if args == ["validate"] else edit or "Jaw ache") in shown


@pytest.mark.parametrize("damage", [
    "UPDATE entries SET title = CAST(title AS BLOB)",  # bytes where the titles were
    "UPDATE entries SET title = 'Jaw cache' WHERE title = 'Jaw ache'",  # other words
    "UPDATE drafted SET title = 'Hip cache'",  # a draft's, shown only with --drafts
])
def test_an_update_lists_only_rows_that_pass_their_checksums(run_script, tmp_path, clinic,
                                                             damage):
    """An update keeps the rows of the files that did not change, and the lists it makes
    again come from them: damaged ones have the index rebuilt instead."""
    folder = clinic("conditions/jaw-ache.yaml", condition("jaw-ache", "Jaw ache"))
    clinic("conditions/hip-ache.yaml", condition("hip-ache", "Hip ache") + "status: draft\n")
    clinic("conditions/leg-ache.yaml", condition("leg-ache", "Leg ache"))
    settle(*(folder / "conditions").iterdir(), folder / "conditions", folder)
    assert "Jaw ache" in run_script("-d", str(folder), "conditions").stdout
    damage_index(tmp_path, damage)
    (folder / "conditions" / "leg-ache.yaml").write_text(condition("leg-ache", "Leg pain"))
    for args in (["conditions"], ["--drafts", "conditions"]):
        result = run_script("-d", str(folder), *args)
        assert result.returncode == 0 and TRACEBACK not in result.stderr, result.stderr
        assert "Jaw ache" in result.stdout and "Leg pain" in result.stdout
        assert "cache" not in result.stdout
        assert ("Hip ache" in result.stdout) == (args[0] == "--drafts")


def test_words_of_an_entry_the_index_does_not_hold_have_it_rebuilt(run_script, tmp_path):
    search_survives(run_script, tmp_path, "DELETE FROM entries WHERE kind = 'condition'")


def search_survives(run_script, tmp_path: Path, damage: str) -> None:
    """A search finds what it found before ``damage`` was done to the index, in the run
    that meets the damage and in the one after, over the rebuilt index."""
    wanted = run_script("search", "lower", "back", "-f", "json")
    assert wanted.returncode == 0, wanted.stderr
    damage_index(tmp_path, damage)
    for _ in range(2):
        result = run_script("search", "lower", "back", "-f", "json")
        assert result.returncode == 0 and TRACEBACK not in result.stderr, result.stderr
        assert result.stdout == wanted.stdout


def test_the_index_keeps_one_copy_of_each_text_and_packs_it(run_script, tmp_path):
    """FTS5 keeps no plain copy of the text beside its own index of the words, a
    condition's text is kept compressed, and a tip's, most often its summary as it is,
    not at all: the cache is not much larger than the folder."""
    assert run_script("conditions").returncode == 0
    with sqlite3.connect(index_file(tmp_path)) as connection:
        tables = {name for (name,) in connection.execute("SELECT name FROM sqlite_master")}
        kinds = set(connection.execute(
            "SELECT typeof(t.body) FROM texts t JOIN entries e ON e.id = t.id"
            " WHERE e.kind = 'condition'"))
        tips = dict(connection.execute(
            "SELECT typeof(t.body), count(*) FROM texts t JOIN entries e ON e.id = t.id"
            " WHERE e.kind = 'tip' GROUP BY 1"))
    connection.close()
    assert "words" in tables and "words_content" not in tables
    assert kinds == {("blob",)}
    assert tips.get("null", 0) > tips.get("text", 0), tips
