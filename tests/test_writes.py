"""Files acuinfo writes: whole or not at all, never through a link, never over a person's
file unasked, and nothing left behind."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DATA, TRACEBACK

GOOD = (DATA / "conditions" / "neck-pain.yaml").read_text(encoding="utf-8")


def leftovers(folder: Path) -> list[str]:
    """acuinfo's temporary files in ``folder`` and below."""
    return [str(p) for p in folder.rglob("*") if p.name.endswith(".acuinfo-tmp")]


def fill(disk: Path, leave: int) -> None:
    """Fill a small file system until only about ``leave`` bytes are free."""
    free = os.statvfs(disk).f_bavail * os.statvfs(disk).f_frsize
    with open(disk / "filler", "wb") as handle:
        handle.write(b"x" * max(free - leave, 0))


def test_a_handout_on_a_full_disk_is_whole_or_not_there(run_script, small_disk):
    disk = small_disk(128)
    target = disk / "neck.html"
    fill(disk, 4096)
    result = run_script("handout", "neck-pain", "--session", "--tips", "-o", str(target))
    assert result.returncode == 1
    assert TRACEBACK not in result.stderr
    assert f"cannot write {target}: No space left on device; nothing was written" in result.stderr
    assert not target.exists(), "half a handout was left"
    assert leftovers(disk) == []
    (disk / "filler").unlink()
    assert run_script("handout", "neck-pain", "-o", str(target)).returncode == 0, "retry refused"
    complete = target.read_bytes()
    assert b"does not replace advice from your doctor" in complete
    fill(disk, 4096)
    forced = run_script("handout", "neck-pain", "--session", "--tips", "-o", str(target),
                        "--force")
    assert forced.returncode == 1
    assert "the file that was there is unchanged" in forced.stderr
    assert target.read_bytes() == complete, "the old handout was destroyed"
    assert leftovers(disk) == []


def test_a_template_on_a_full_disk_leaves_no_empty_file(run_script, small_disk):
    disk = small_disk(64)
    (disk / "clinic" / "conditions").mkdir(parents=True)
    fill(disk, 512)
    result = run_script("-d", str(disk / "clinic"), "new", "condition", "Jaw ache")
    assert result.returncode == 1
    assert "No space left on device; nothing was written" in result.stderr
    assert not (disk / "clinic" / "conditions" / "jaw-ache.yaml").exists()
    assert leftovers(disk) == []
    shown = run_script("-d", str(disk / "clinic"), "condition", "neck-pain")
    assert shown.returncode == 0, shown.stderr


def test_a_full_cache_leaves_nothing_behind(run_script, small_disk, clinic):
    disk = small_disk(64)
    folder = clinic("conditions/neck-pain.yaml", GOOD)
    for number in range(30):
        (folder / "conditions" / f"c{number}.yaml").write_text(
            GOOD.replace("slug: neck-pain", f"slug: c{number}"))
    old = 1_600_000_000
    for path in (folder / "conditions").iterdir():
        os.utime(path, (old, old))  # settled, so worth caching
    fill(disk, 8192)
    env = {"ACUINFO_CACHE_DIR": str(disk / "cache")}
    for _ in range(3):
        result = run_script("-d", str(folder), "conditions", env=env)
        assert result.returncode == 0, result.stderr
        assert "Neck pain" in result.stdout
    assert leftovers(disk) == [], "temporary files piled up"


@pytest.fixture
def person_file(tmp_path: Path) -> Path:
    """A file a person wrote, which acuinfo must never change."""
    mine = tmp_path / "mine" / "notes.html"
    mine.parent.mkdir()
    mine.write_text("my own notes\n")
    return mine


def test_force_replaces_a_link_itself_never_the_file_it_points_to(run_script, tmp_path,
                                                                   person_file):
    link = tmp_path / "out" / "latest.html"
    link.parent.mkdir()
    link.symlink_to(person_file)
    refused = run_script("handout", "neck-pain", "-o", str(link))
    assert refused.returncode == 1 and "already exists" in refused.stderr
    result = run_script("handout", "neck-pain", "-o", str(link), "--force")
    assert result.returncode == 0, result.stderr
    assert "was a symbolic link; it is now a file of its own" in result.stderr
    assert person_file.read_text() == "my own notes\n"
    assert not link.is_symlink() and "Neck pain" in link.read_text()


def test_force_over_a_dangling_link_creates_nothing_elsewhere(run_script, tmp_path):
    elsewhere = tmp_path / "elsewhere" / "planted.html"
    elsewhere.parent.mkdir()
    link = tmp_path / "out.html"
    link.symlink_to(elsewhere)
    assert run_script("handout", "neck-pain", "-o", str(link)).returncode == 1
    result = run_script("handout", "neck-pain", "-o", str(link), "--force")
    assert result.returncode == 0, result.stderr
    assert not elsewhere.exists(), "the link's target was created"
    assert not link.is_symlink() and link.is_file()


@pytest.mark.parametrize("kind", ["pipe", "folder", "device"])
def test_force_never_writes_into_a_pipe_a_folder_or_a_device(run_script, tmp_path, kind):
    target = tmp_path / "out.html"
    if kind == "pipe":
        os.mkfifo(target)
    elif kind == "folder":
        target.mkdir()
    else:  # a device like /dev/null, with a handout's name
        try:
            os.mknod(target, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        except PermissionError:
            pytest.skip("only root can make a device file here")
    result = run_script("handout", "neck-pain", "-o", str(target), "--force", timeout=20)
    assert result.returncode in (1, 2)
    assert TRACEBACK not in result.stderr
    assert "not a regular file" in result.stderr or "folder" in result.stderr \
        or "directory" in result.stderr
    if kind == "pipe":
        assert target.is_fifo()


def test_new_says_when_a_file_is_in_the_way(run_script, tmp_path):
    """``tips`` is a file, not a folder: say so, rather than that tips/x.yaml exists."""
    folder = tmp_path / "clinic"
    folder.mkdir()
    (folder / "tips").write_text("not a folder")
    result = run_script("-d", str(folder), "new", "tip", "walk-more")
    assert result.returncode == 1
    assert f"{folder / 'tips'} is a file, not a folder" in result.stderr
    assert "already exists" not in result.stderr


PLANT = """
import os, sys
from acuinfo.knowledge import parsecache
entry = parsecache._path(sys.argv[1])
os.makedirs(os.path.dirname(entry), exist_ok=True)
first = int(open("/proc/sys/kernel/ns_last_pid").read())
for pid in range(first + 1, first + 400):  # the names the next processes would pick
    os.symlink(sys.argv[2], f"{entry}.{pid}.tmp")
"""


def test_a_link_planted_in_the_cache_is_never_written_through(run_script, tmp_path,
                                                               person_file):
    """In a shared cache folder, someone plants links where acuinfo would put its
    temporary files; the files they point to stay as they are."""
    from acuinfo.knowledge.folders import builtin_folder

    file = str(Path(builtin_folder().root) / "conditions" / "neck-pain.yaml")
    planted = subprocess.run([sys.executable, "-c", PLANT, file, str(person_file)],
                             capture_output=True, text=True, env=dict(os.environ))
    assert planted.returncode == 0, planted.stderr
    for _ in range(3):
        assert run_script("condition", "neck-pain").returncode == 0
    assert person_file.read_text() == "my own notes\n"


def test_temporary_files_of_killed_runs_are_swept(run_script, tmp_path):
    """A temporary file left by a process that was killed outright (its process is gone)
    is removed by the next build; one of a running process is left alone."""
    assert run_script("conditions").returncode == 0
    cache = tmp_path / "cache"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True).stdout.strip()
    stale = [cache / f".index-x.sqlite.{dead}-0a0b0c0d.acuinfo-tmp",
             cache / "parsed" / f".abc.bin.{dead}-01020304.acuinfo-tmp",
             cache / "index-0000.sqlite.123.tmp", cache / "index-0000.sqlite-journal"]
    alive = cache / f".index-x.sqlite.{os.getpid()}-0a0b0c0d.acuinfo-tmp"
    (cache / "parsed").mkdir(exist_ok=True)  # a build keeps no parses: none made it yet
    for path in (*stale, alive):
        path.write_bytes(b"x" * 1000)
    conditions = tmp_path / "clinic" / "conditions"
    conditions.mkdir(parents=True)
    (conditions / "jaw-ache.yaml").write_text(GOOD.replace("slug: neck-pain", "slug: jaw-ache"))
    assert run_script("-d", str(tmp_path / "clinic"), "conditions").returncode == 0  # builds
    assert [p for p in stale if p.exists()] == []
    assert alive.exists()
