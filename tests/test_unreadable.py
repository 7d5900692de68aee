"""Files and folders acuinfo cannot read, or must not: a located problem, never a crash
and never a hang, and everything else still works."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import DATA, TRACEBACK

GOOD = (DATA / "conditions" / "neck-pain.yaml").read_text(encoding="utf-8")
COMMANDS = (["condition", "neck-pain"], ["condition", "stiff neck"], ["conditions"],
            ["search", "neck"], ["which", "neck-pain"], ["tips"], ["paths"], ["validate"])


def test_unreadable_file(run_unprivileged, clinic):
    folder = clinic("conditions/neck-pain.yaml", GOOD)
    target = folder / "conditions" / "neck-pain.yaml"
    target.chmod(0)
    result = run_unprivileged("-d", str(folder), "condition", "neck-pain")
    assert result.returncode == 1, result.stderr
    assert f"{target}: cannot be read: permission denied" in result.stderr
    assert TRACEBACK not in result.stderr
    assert run_unprivileged("-d", str(folder), "condition", "low-back-pain").returncode == 0


def test_unlistable_folder(run_unprivileged, clinic):
    """A conditions folder that cannot be listed is named as a problem; the rest shows."""
    folder = clinic("conditions/neck-pain.yaml", GOOD)
    clinic("tips/extra.yaml", "reviewed: 2026-11-25\ntips: []\n")
    for blocked in ("conditions", "tips"):
        (folder / blocked).chmod(0)
    for args in (["conditions"], ["tips"], ["validate", str(folder)]):
        result = run_unprivileged("-d", str(folder), *args)
        assert result.returncode == 1, args
        assert TRACEBACK not in result.stderr
        assert "Permission denied" in result.stdout + result.stderr, args
    assert "low-back-pain" in run_unprivileged("-d", str(folder), "conditions").stdout


@pytest.mark.parametrize("where", ["user", "ACUINFO_DATA_PATH", "cache"])
def test_a_folder_that_cannot_be_entered(run_unprivileged, tmp_path, where):
    """A folder behind one that acuinfo may not enter cannot even be looked at: every
    command still runs, and names it as a problem where it is a knowledge folder."""
    locked = tmp_path / "locked"
    inside = locked / "acuinfo"
    (inside / "conditions").mkdir(parents=True)
    (inside / "conditions" / "jaw-ache.yaml").write_text(GOOD, encoding="utf-8")
    locked.chmod(0o700)
    os.chown(locked, 65534, 65534)  # someone else's, as a share or another account's home
    env = {"user": {"ACUINFO_USER_DIR": str(inside)},
           "ACUINFO_DATA_PATH": {"ACUINFO_DATA_PATH": str(inside)},
           "cache": {"ACUINFO_CACHE_DIR": str(inside)}}[where]
    for args in COMMANDS:
        result = run_unprivileged(*args, env=env)
        assert TRACEBACK not in result.stderr, (args, result.stderr)
        if where == "cache" or args == ["paths"]:
            assert result.returncode == 0, (args, result.stderr)
        else:
            assert result.returncode == 1, args
            assert f"{inside}: {'user' if where == 'user' else where} folder cannot be read: " \
                   "Permission denied" in result.stdout + result.stderr, args
        if args[0] == "condition":
            assert result.stdout.startswith("Neck pain"), args
    shown = run_unprivileged("paths", env=env).stdout
    if where != "cache":
        assert "cannot be read: Permission denied" in shown


def test_paths_says_which_folder_cannot_be_read(run_unprivileged, tmp_path):
    locked = tmp_path / "locked"
    (locked / "acuinfo").mkdir(parents=True)
    locked.chmod(0)
    result = run_unprivileged("paths", env={"ACUINFO_USER_DIR": str(locked / "acuinfo")})
    assert result.returncode == 0, result.stderr
    assert "user: cannot be read: Permission denied" in result.stdout


def special_files(folder: Path, tmp_path: Path) -> dict[str, Path]:
    """A named pipe, a link to an endless device, and a sparse 3 GB file, in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    pipe, device, huge = folder / "pipe.yaml", folder / "zero.yaml", folder / "huge.yaml"
    os.mkfifo(pipe)
    device.symlink_to("/dev/zero")
    with open(huge, "wb") as handle:
        handle.truncate(3 * 1024**3)
    return {"pipe": pipe, "device": device, "huge": huge}


@pytest.mark.parametrize("kind, message", [
    ("pipe", "is a named pipe, not a file"),
    ("device", "is a device, not a file"),
    ("huge", "file is 3,221,225,472 bytes, more than the 2,097,152 allowed"),
])
def test_a_pipe_a_device_or_a_huge_file_is_refused_at_once(run_script, clinic, tmp_path,
                                                            kind, message):
    folder = clinic("conditions/.keep", "")
    made = special_files(folder / "conditions", tmp_path)[kind]
    made.rename(folder / "conditions" / "neck-pain.yaml")
    result = run_script("-d", str(folder), "condition", "neck-pain", timeout=20)
    assert result.returncode == 1
    assert f"neck-pain.yaml: {message}" in result.stderr
    assert TRACEBACK not in result.stderr
    for args in (["conditions"], ["validate", str(folder)]):
        result = run_script("-d", str(folder), *args, timeout=20)
        assert result.returncode == 1, args
        assert message in result.stdout + result.stderr, args
    for args in (["search", "neck"], ["condition", "low-back-pain"]):
        assert run_script("-d", str(folder), *args, timeout=20).returncode == 0, args


@pytest.mark.parametrize("kind", ["pipe", "device", "huge"])
def test_a_pipe_a_device_or_a_huge_file_in_the_cache_is_ignored(run_script, tmp_path, kind):
    from acuinfo.knowledge import parsecache
    from acuinfo.knowledge.folders import builtin_folder

    assert run_script("conditions").returncode == 0  # the index and its listings exist
    file = str(Path(builtin_folder().root) / "conditions" / "neck-pain.yaml")
    entry = Path(parsecache._path(os.path.realpath(file)))
    entry.parent.mkdir(parents=True, exist_ok=True)
    (index,) = (tmp_path / "cache").glob("index-*.sqlite")
    for planted in (entry, Path(f"{index}.listings")):
        planted.unlink(missing_ok=True)
        special_files(tmp_path / "made", tmp_path)[kind].rename(planted)
        result = run_script("condition", "neck-pain", timeout=20)
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith("Neck pain")
        assert run_script("conditions", timeout=20).returncode == 0
        for made in (tmp_path / "made").iterdir():
            made.unlink()
