"""The cache folder stays bounded: indexes no run can use again are cleared out, and
``acuinfo paths`` says how much the cache holds."""

from __future__ import annotations

import os
import shutil
import sqlite3
import time

from acuinfo.finding import cache_files

DAYS = 24 * 60 * 60


def index_for(invoke, cache, folder) -> str:
    """Build the index for the built-in folder and ``folder``; return its file's name."""
    before = set(cache.glob("index-*.sqlite"))
    result = invoke("-d", str(folder), "search", "neck")
    assert result.exit_code == 0, result.output
    (built,) = set(cache.glob("index-*.sqlite")) - before
    return built.name


def age(path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_an_index_whose_folder_is_gone_is_removed_after_a_day(invoke, tmp_path):
    cache = tmp_path / "cache"
    gone, kept, recent, other = (tmp_path / name for name in ("gone", "kept", "recent", "x"))
    for folder in (gone, kept, recent, other):
        folder.mkdir()
    names = {folder: index_for(invoke, cache, folder) for folder in (gone, kept, recent)}
    for folder in (gone, kept):
        age(cache / names[folder], 2 * DAYS)
    shutil.rmtree(gone)
    shutil.rmtree(recent)  # gone too, but its index was used within the day
    index_for(invoke, cache, other)  # a new build clears out what no run can use
    left = {path.name for path in cache.glob("index-*")}
    assert names[gone] not in left and f"{names[gone]}.listings" not in left
    assert names[kept] in left, "its folder is still there"
    assert names[recent] in left, "left alone for less than a day"


def test_an_index_from_another_format_is_removed_after_a_day(invoke, tmp_path):
    cache = tmp_path / "cache"
    folder = tmp_path / "clinic"
    folder.mkdir()
    old = cache / index_for(invoke, cache, folder)
    with sqlite3.connect(old) as connection:
        connection.execute("UPDATE meta SET value = '0.1/1' WHERE key = 'format'")
    connection.close()
    age(old, 2 * DAYS)
    assert cache_files.prune(cache, "0.1/1", keep=cache / "none") == []
    assert cache_files.prune(cache, "9.9/99", keep=cache / "none") == [old]
    assert not old.exists()


def test_a_damaged_index_is_removed_and_the_one_being_built_never(tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    damaged, building = cache / "index-1-1.sqlite", cache / "index-2-2.sqlite"
    for path in (damaged, building):
        path.write_bytes(b"not a database")
        age(path, 2 * DAYS)
    (cache / "notes.sqlite").write_bytes(b"not ours")
    assert cache_files.prune(cache, "x", keep=building) == [damaged]
    assert building.exists() and (cache / "notes.sqlite").exists()


def test_paths_says_how_much_the_cache_holds(invoke, tmp_path):
    invoke("search", "neck")
    shown = invoke("paths").stdout
    parsed = len(list((tmp_path / "cache" / "parsed").glob("*.bin")))
    assert f"in all: 1 search index, {parsed} parsed file{'s' * (parsed != 1)}" in shown
    size = sum(p.stat().st_size for p in (tmp_path / "cache").rglob("*") if p.is_file())
    assert cache_files.usage(tmp_path / "cache").size == size
    assert cache_files.describe(cache_files.Usage(2048, 2, 1)) == (
        "2.0 KB in all: 2 search indexes, 1 parsed file")
