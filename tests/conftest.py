"""Shared helpers: run acuinfo in-process (CliRunner) or as the installed script."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from acuinfo.cli.main import LATER, app

for _module in LATER.values():  # every command, as the whole app has them
    __import__(_module)

ANSI = re.compile(r"\x1b[\[\]()#;?]*[0-9;]*[A-Za-z@-~]?")
TRACEBACK = "Traceback (most recent call last)"
REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"
CONDITION_SLUGS = sorted(p.stem for p in (DATA / "conditions").glob("*.yaml"))


@pytest.fixture(scope="session", autouse=True)
def _installed_package_has_data() -> None:
    """The tests exercise the installed package, which must carry the knowledge files."""
    from importlib.resources import files

    if not (files("acuinfo") / "data" / "sources.yaml").is_file():
        pytest.exit("acuinfo is not installed with its data: run pip install '.[test]' first", 2)


@pytest.fixture(scope="session", autouse=True)
def _installed_files_have_settled() -> None:
    """Caches keep nothing of a file modified in the last two seconds (a second edit in
    the same tick of a coarse clock would not show), and an install has just written
    every built-in file: tests that expect those files cached wait, at most that long,
    when they run right after ``pip install``."""
    import time
    from importlib.resources import as_file, files

    from acuinfo.base.saferead import SETTLED_NS

    with as_file(files("acuinfo") / "data") as folder:
        newest = max(path.stat().st_mtime_ns for path in Path(folder).rglob("*"))
    time.sleep(max(0, newest + SETTLED_NS - time.time_ns()) / 1e9)


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test reads or writes the developer's own settings, caches or knowledge folders."""
    monkeypatch.delenv("ACUINFO_DATA_PATH", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("ACUINFO_JOURNAL", raising=False)  # the journal goes beside "user"
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("ACUINFO_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("ACUINFO_USER_DIR", str(tmp_path / "user"))


@pytest.fixture
def invoke() -> Callable[..., object]:
    """Run acuinfo in this process, like a person would from a shell."""
    runner = CliRunner()

    def run(*args: str, env: dict | None = None):
        result = runner.invoke(app, list(args), env=env, catch_exceptions=False)
        return result

    return run


def script_path() -> str:
    """The installed ``acuinfo`` script of the Python running the tests."""
    beside = Path(sys.executable).parent / "acuinfo"
    found = str(beside) if beside.exists() else shutil.which("acuinfo")
    assert found, "the acuinfo script is not installed"
    return found


@pytest.fixture
def run_script(tmp_path: Path) -> Callable[..., subprocess.CompletedProcess]:
    """Run the installed script in a fresh process, from a folder outside the repository."""

    def run(*args: str, env: dict | None = None, prefix: list[str] | None = None,
            **kwargs) -> subprocess.CompletedProcess:
        full_env = {k: v for k, v in os.environ.items()
                    if k not in ("ACUINFO_DATA_PATH", "NO_COLOR", "FORCE_COLOR", "ACUINFO_PAGER")}
        full_env.update(env or {})
        options = {"capture_output": True, "text": True, "cwd": tmp_path, "timeout": 60,
                   **kwargs}
        return subprocess.run([*(prefix or []), script_path(), *args], env=full_env, **options)

    return run


# Root may read and enter anything, whatever a file's mode says. Under setpriv, acuinfo
# runs as root without those two powers, so a file's mode applies as it would to anyone.
UNPRIVILEGED = ["setpriv", "--bounding-set=-dac_override,-dac_read_search",
                "--inh-caps=-dac_override,-dac_read_search"]


@pytest.fixture
def run_unprivileged(run_script: Callable[..., subprocess.CompletedProcess]
                     ) -> Callable[..., subprocess.CompletedProcess]:
    """Run the installed script so that ``chmod`` keeps it out, even when the tests run
    as root."""
    if os.geteuid() != 0:
        return run_script
    if shutil.which("setpriv") is None:
        pytest.skip("root ignores file modes, and setpriv is not here to drop that")

    def run(*args: str, **kwargs) -> subprocess.CompletedProcess:
        return run_script(*args, prefix=UNPRIVILEGED, **kwargs)

    return run


@pytest.fixture
def small_disk(tmp_path: Path) -> Callable[[int], Path]:
    """A real file system of a few kilobytes that fills up: a tmpfs, mounted for the test."""
    mounted: list[Path] = []

    def mount(kilobytes: int) -> Path:
        point = tmp_path / f"disk-{len(mounted)}"
        point.mkdir()
        result = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={kilobytes}k", "tmpfs",
                                 str(point)], capture_output=True, text=True)
        if result.returncode != 0:
            pytest.skip(f"cannot mount a small file system here: {result.stderr.strip()}")
        mounted.append(point)
        return point

    yield mount
    for point in mounted:
        subprocess.run(["umount", "-l", str(point)], capture_output=True)


# A writer killed in the middle of a transaction on the index file in argv[1]: it
# leaves a hot journal beside the file, and pages of a half-made change in it.
KILLED_WRITER = """
import os, signal, sqlite3, sys
connection = sqlite3.connect(sys.argv[1])
connection.execute("PRAGMA cache_size = 1")  # changed pages reach the file before commit
connection.execute("BEGIN IMMEDIATE")
connection.execute("DELETE FROM entries")
connection.execute("UPDATE meta SET value = value")
os.kill(os.getpid(), signal.SIGKILL)
"""


@pytest.fixture
def clinic(tmp_path: Path) -> Callable[[str, str], Path]:
    """Write files into a knowledge folder of our own and return the folder."""
    root = tmp_path / "clinic"
    root.mkdir()

    def write(relative: str, text: str | bytes) -> Path:
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            target.write_bytes(text)
        else:
            target.write_text(text, encoding="utf-8")
        return root

    return write


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    """Report the search hit rate over the realistic patient queries."""
    hits = config.stash.get("search_hits", None) if hasattr(config, "stash") else None
    if hits:
        terminalreporter.write_line(f"search hit rate: {sum(hits)}/{len(hits)} patient queries "
                                    f"found their page in the top three")
