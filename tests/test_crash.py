"""Killed outright at any moment: the next run is right, and no file a person wrote is
changed. A SIGKILL (as from the out-of-memory killer, or a power cut for what had not
reached the disk) runs no clean-up at all, so only how the files are written can make
this hold."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from conftest import DATA, script_path

GOOD = (DATA / "conditions" / "neck-pain.yaml").read_text(encoding="utf-8")
KILL_POINTS = 50
CONDITIONS = 300


def digests(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def temporaries(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.endswith((".acuinfo-tmp", ".tmp", "-journal"))]


@pytest.fixture
def big_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "clinic"
    (folder / "conditions").mkdir(parents=True)
    for number in range(CONDITIONS):
        (folder / "conditions" / f"c{number}.yaml").write_text(
            GOOD.replace("slug: neck-pain", f"slug: c{number}")
                .replace("title: Neck pain", f"title: Crash {number}"))
    settled = time.time() - 3600
    for path in (*folder.rglob("*"), folder):
        os.utime(path, (settled, settled))
    return folder


def timed(args: list[str], env: dict) -> float:
    started = time.perf_counter()
    subprocess.run([script_path(), *args], capture_output=True, env=env, check=False)
    return time.perf_counter() - started


def kill_at(args: list[str], env: dict, delay: float) -> None:
    process = subprocess.Popen([script_path(), *args], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, env=env)
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)


def test_killed_anywhere_in_an_index_build(big_folder, tmp_path):
    cache = tmp_path / "cache"
    env = {**os.environ, "ACUINFO_CACHE_DIR": str(cache)}
    edited = big_folder / "conditions" / "c7.yaml"
    versions = [edited.read_text(), edited.read_text().replace("Crash 7", "Crash seven")]
    listing = ["-d", str(big_folder), "conditions"]

    def expected(version: int) -> str:
        own = {**env, "ACUINFO_CACHE_DIR": str(tmp_path / f"reference-{version}")}
        edited.write_text(versions[version])
        return subprocess.run([script_path(), *listing], capture_output=True, text=True,
                              env=own, check=True).stdout

    references = [expected(0), expected(1)]
    assert "Crash seven" in references[1] and "Crash seven" not in references[0]
    duration = max(timed(listing, {**env, "ACUINFO_CACHE_DIR": str(tmp_path / f"t{n}")})
                   for n in range(2))
    for point in range(KILL_POINTS):
        version = point % 2
        edited.write_text(versions[version])  # every run has an index to rebuild
        mine = digests(big_folder)
        kill_at(listing, env, duration * (point + 0.5) / KILL_POINTS)
        assert digests(big_folder) == mine, "a knowledge file changed"
        shown = subprocess.run([script_path(), *listing], capture_output=True, text=True,
                               env=env, timeout=60)
        assert shown.returncode == 0, (point, shown.stderr)
        assert shown.stdout == references[version], f"wrong list after a kill at {point}"
        found = subprocess.run([script_path(), "-d", str(big_folder), "condition", "c7"],
                               capture_output=True, text=True, env=env, timeout=60)
        assert found.stdout.startswith(("Crash 7", "Crash seven")[version]), point
    assert temporaries(cache) == [], "temporary files of killed runs were not swept"


def test_killed_anywhere_in_an_index_update(big_folder, tmp_path):
    """An edit to one condition updates the index in place, in one transaction: killed
    at any moment of it, the next run rolls it back and updates again."""
    cache = tmp_path / "cache"
    env = {**os.environ, "ACUINFO_CACHE_DIR": str(cache)}
    edited = big_folder / "conditions" / "c7.yaml"
    versions = [edited.read_text(), edited.read_text().replace("Crash 7", "Crash seven")]
    search = ["-d", str(big_folder), "search", "crash", "seven", "-f", "json"]
    listing = ["-d", str(big_folder), "conditions"]
    assert subprocess.run([script_path(), *listing], env=env, capture_output=True).returncode == 0
    index = next(cache.glob("index-*.sqlite"))
    built = index.stat().st_ino

    def edit(version: int, step: int) -> None:
        edited.write_text(versions[version])
        past = time.time() - 1800 + step  # settled, and new each time
        os.utime(edited, (past, past))

    durations = []
    for step in range(4):
        edit(step % 2, step)
        durations.append(timed(search, env))
    duration = max(durations)
    for point in range(KILL_POINTS):
        version = point % 2
        edit(version, 10 + point)
        kill_at(search, env, duration * (point + 0.5) / KILL_POINTS)
        shown = subprocess.run([script_path(), *listing], capture_output=True, text=True,
                               env=env, timeout=60)
        assert shown.returncode == 0, (point, shown.stderr)
        assert ("Crash seven" in shown.stdout) == bool(version), f"wrong list at {point}"
        found = subprocess.run([script_path(), *search], capture_output=True, text=True,
                               env=env, timeout=60)
        assert found.returncode == 0, (point, found.stderr)
        assert ('"name": "c7"' in found.stdout) == bool(version), point
    assert index.stat().st_ino == built, "an update was not made in place"
    assert temporaries(cache) == [], "a killed update left a journal behind"


def test_killed_anywhere_in_a_handout_write(big_folder, tmp_path):
    env = {**os.environ, "ACUINFO_CACHE_DIR": str(tmp_path / "cache")}
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("a person's own notes\n")
    names = [f"c{number}" for number in range(40)]
    target = out / "handout.html"
    args = ["-d", str(big_folder), "handout", *names, "--session", "--tips", "-o", str(target)]
    subprocess.run([script_path(), *args], check=True, capture_output=True, env=env)
    old = target.read_bytes()
    (big_folder / "conditions" / "c0.yaml").write_text(
        (big_folder / "conditions" / "c0.yaml").read_text().replace("Crash 0", "Crash zero"))
    fresh = tmp_path / "fresh.html"
    subprocess.run([script_path(), *args[:-1], str(fresh)], check=True, capture_output=True,
                   env=env)
    new = fresh.read_bytes()
    assert new != old and new.endswith(b"</html>\n")
    duration = timed([*args, "--force"], env)
    notes = digests(big_folder) | {"notes": (out / "notes.txt").read_text()}
    for point in range(KILL_POINTS):
        if target.read_bytes() == new:
            target.write_bytes(old)  # back to the old one, so a replacement is due again
        kill_at([*args, "--force"], env, duration * (point + 0.5) / KILL_POINTS)
        assert target.read_bytes() in (old, new), f"half a handout after a kill at {point}"
        assert digests(big_folder) | {"notes": (out / "notes.txt").read_text()} == notes
    done = subprocess.run([script_path(), *args, "--force"], capture_output=True, env=env)
    assert done.returncode == 0 and target.read_bytes() == new
    assert temporaries(out) == [], "temporary files of killed writes were not swept"


def test_ctrl_c_in_an_index_build_leaves_nothing_behind(big_folder, tmp_path):
    """Ctrl-C runs the clean-up that a kill cannot: no temporary file is left even
    before a later run sweeps."""
    cache = tmp_path / "cache"
    env = {**os.environ, "ACUINFO_CACHE_DIR": str(cache)}
    listing = ["-d", str(big_folder), "conditions"]
    duration = timed(listing, {**env, "ACUINFO_CACHE_DIR": str(tmp_path / "timing")})
    edited = big_folder / "conditions" / "c3.yaml"
    for point in range(10):
        edited.write_text(edited.read_text().replace("Crash 3", f"Crash 3 take {point}"))
        process = subprocess.Popen([script_path(), *listing], stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, env=env)
        time.sleep(duration * (point + 1) / 11)  # from after Python has started
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=60)
        assert process.returncode in (0, 130, -signal.SIGINT), (point, err)
        assert b"Traceback" not in err
        assert temporaries(cache) == [], f"Ctrl-C at {point} left a temporary file"
