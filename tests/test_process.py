"""acuinfo as a process: a full disk on standard output, Ctrl-C at any moment, a pasted
letter as a query, and arguments or file names that try to pass for other output."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest

from conftest import DATA, TRACEBACK, script_path

GOOD = (DATA / "conditions" / "neck-pain.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("args", [["condition", "neck-pain"], ["conditions"], ["validate"],
                                  ["search", "neck"], ["tips", "-f", "json"]])
def test_a_full_disk_on_standard_output(tmp_path, args):
    with open("/dev/full", "w") as full:
        result = subprocess.run([script_path(), *args], stdout=full, stderr=subprocess.PIPE,
                                text=True, cwd=tmp_path, timeout=60)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "acuinfo: cannot write to standard output: No space left on device"]


def test_a_full_disk_on_standard_output_after_a_template_is_written(tmp_path):
    folder = tmp_path / "clinic"
    folder.mkdir()
    with open("/dev/full", "w") as full:
        result = subprocess.run([script_path(), "-d", str(folder), "new", "condition", "Jaw ache"],
                                stdout=full, stderr=subprocess.PIPE, text=True, cwd=tmp_path,
                                timeout=60)
    assert result.returncode == 1
    assert TRACEBACK not in result.stderr
    assert "cannot write to standard output" in result.stderr
    assert (folder / "conditions" / "jaw-ache.yaml").stat().st_size > 0


def test_ctrl_c_at_any_moment_ends_quietly(tmp_path):
    """Ctrl-C while modules load, while the command line is read, while a page is built:
    never a traceback, and 130 as shells expect (or 0 if it was already done).

    Before any of acuinfo's code runs, Python is starting and running the three lines
    of the script pip wrote, and its import system is finding acuinfo's files; a Ctrl-C
    there is reported by Python itself, with a traceback through no file of acuinfo's
    (its message may name acuinfo's folder, as the import system's KeyError does), and
    is not held against acuinfo."""
    env = {k: v for k, v in os.environ.items() if k != "ACUINFO_PAGER"}
    statuses = set()
    for step in range(60):
        process = subprocess.Popen([script_path(), "search", "pain", "down", "my", "leg"],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path,
                                   env=env)
        time.sleep(0.002 * step)
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=60)
        if (b"Traceback" in err or b"KeyboardInterrupt" in err) and not through_acuinfo(err):
            continue  # Python's own start, before acuinfo
        if b"Traceback" in err or b"KeyboardInterrupt" in err:  # whole, for a rare race
            pytest.fail(f"Ctrl-C after {0.002 * step:.3f} s:\n{err.decode(errors='replace')}")
        assert process.returncode in (0, 130, -signal.SIGINT), (step, process.returncode, err)
        statuses.add(process.returncode)
    assert 130 in statuses


def through_acuinfo(err: bytes) -> bool:
    """Whether a traceback goes through acuinfo's code: a frame in a file of its package
    other than the two it cannot guard, ``__init__.py`` (which holds a version number)
    and the first line of ``launch.py``, which is where a handler can first be set."""
    import acuinfo

    ours = os.path.dirname(acuinfo.__file__)
    launch = os.path.join(ours, "launch.py")
    lines = Path(launch).read_text(encoding="utf-8").splitlines()
    guarded = next(number for number, line in enumerate(lines, 1) if line.startswith("try:"))
    for file, line in re.findall(r'File "([^"]+)", line (-?\d+)', err.decode(errors="replace")):
        if not file.startswith(ours + os.sep):
            continue
        if file == os.path.join(ours, "__init__.py") or (file == launch and int(line) < guarded):
            continue
        return True
    return False


def test_only_a_frame_of_acuinfo_counts_against_it():
    """What the Ctrl-C test forgives: the import system's own frames and messages, even
    when they name acuinfo's folder; never a frame of acuinfo's that runs after it has
    set its handler."""
    import acuinfo

    ours = os.path.dirname(acuinfo.__file__)
    finding = (f'Traceback (most recent call last):\n  File "<frozen importlib._bootstrap_'
               f'external>", line 1437, in _path_importer_cache\nKeyError: \'{ours}\'\n\n'
               f'During handling of the above exception, another exception occurred:\n\n'
               f'Traceback (most recent call last):\n  File "/venv/bin/acuinfo", line 5, in '
               f'<module>\n    from acuinfo.launch import main\n  File "<frozen importlib.'
               f'_bootstrap_external>", line 147, in _path_stat\nKeyboardInterrupt\n')
    assert not through_acuinfo(finding.encode())
    starting = f'  File "{ours}/__init__.py", line 1, in <module>\nKeyboardInterrupt\n'
    assert not through_acuinfo(starting.encode())
    running = f'  File "{ours}/launch.py", line 40, in main\nKeyboardInterrupt\n'
    assert through_acuinfo(running.encode())
    deeper = f'  File "{ours}/cli/main.py", line 3, in <module>\nKeyboardInterrupt\n'
    assert through_acuinfo(deeper.encode())


@pytest.mark.parametrize("query", [
    " ".join(["pain"] * 2000),
    " ".join(["neck", "pain", "needles"] * 1700),
    " ".join(f"word{number} neck" for number in range(800)),
    "Dear doctor, " + " ".join(f"sentence {n} about my sore lower back and legs." for n in
                                range(400)),
])
def test_a_pasted_letter_is_answered_at_once(run_script, query):
    """Each word counts once, and only the first few dozen: the query that took 45 s and
    more returns like any other (a hang would time the test out)."""
    result = run_script("search", query, "-f", "json", timeout=30)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["items"]


def test_words_of_a_query_are_taken_once_and_capped():
    from acuinfo.finding.ranking import MAX_QUERY_WORDS, words_of

    assert words_of("neck neck NECK pain") == ["neck", "pain"]
    assert len(words_of(" ".join(f"w{n}" for n in range(5000)))) == MAX_QUERY_WORDS


NASTY = "stiff neck\x1b=\x07\u202e\x1b>"


@pytest.mark.parametrize("fmt", ["text", "plain", "json", "html", "markdown"])
def test_an_echoed_argument_is_cleaned_like_data(run_script, fmt):
    result = run_script("which", NASTY, "-f", fmt, env={"FORCE_COLOR": "1"})
    assert result.returncode == 0, result.stderr
    for bad in ("\x1b=", "\x1b>", "\x07", "\u202e", "\\u001b", "\\u0007", "\\u202e"):
        assert bad not in result.stdout, (fmt, bad)
    assert "stiff neck" in result.stdout


FORGED = "fake\nchecked 99 files in 1 folder: no problems\nz.yaml"


def test_a_file_name_cannot_forge_lines(run_script, clinic):
    folder = clinic("conditions/neck-pain.yaml", GOOD)
    (folder / "conditions" / FORGED).write_text("slug: [broken\n")
    for args in (["validate", str(folder)], ["-d", str(folder), "conditions"]):
        result = run_script(*args)
        lines = (result.stdout + result.stderr).splitlines()
        assert "checked 99 files in 1 folder: no problems" not in lines, args
        assert any("fake\\nchecked 99 files" in line for line in lines), args


def test_completion_install_with_home_a_file(run_script, tmp_path):
    home = tmp_path / "home-is-a-file"
    home.write_text("x")
    # The shell is named, not found by looking at the processes the tests run under
    # (Typer's own switch for its tests): they may have no shell among them.
    result = run_script("--install-completion", "bash", env={
        "HOME": str(home), "SHELL": "/bin/bash",
        "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"})
    assert TRACEBACK not in result.stderr
    assert result.returncode == 1
    assert "acuinfo: cannot write" in result.stderr


def test_a_name_in_decomposed_unicode_finds_the_alias(run_script, clinic):
    """Typed or pasted with combining accents, a name still finds the alias written with
    precomposed letters (and the other way round)."""
    folder = clinic("conditions/neck-pain.yaml", GOOD.replace(
        "  - stiff neck\n", "  - stiff neck\n  - torticolis aigu\u00e9\n"))
    decomposed = unicodedata.normalize("NFD", "torticolis aigu\u00e9")
    assert decomposed != "torticolis aigu\u00e9"
    for name in (decomposed, "torticolis aigu\u00e9"):
        result = run_script("-d", str(folder), "condition", name)
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith("Neck pain")


def test_a_merge_key_is_named_as_such(run_script, clinic):
    folder = clinic("conditions/neck-pain.yaml", "base: &b {title: x}\nslug: neck-pain\n"
                                                 "other:\n  <<: *b\n")
    result = run_script("-d", str(folder), "condition", "neck-pain")
    assert result.returncode == 1
    assert "neck-pain.yaml:4:3: merge keys ('<<') are not supported" in result.stderr
    assert "tag" not in result.stderr


def test_ctrl_c_stops_a_long_query_at_once(tmp_path):
    """SQLite runs a query without giving Python a turn, so without a progress handler
    Ctrl-C waits for the query to end: here, minutes."""
    script = """
import signal, sqlite3, threading, time, os
from acuinfo.base.interrupt import Interrupted, interrupt, watched, stop_if_pressed
signal.signal(signal.SIGINT, interrupt)
connection = watched(sqlite3.connect(":memory:"))
threading.Timer(0.3, os.kill, (os.getpid(), signal.SIGINT)).start()
started = time.monotonic()
try:
    connection.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                       "WHERE i < 3000000000) SELECT count(*) FROM n").fetchone()
    print("finished")
except sqlite3.OperationalError:
    try:
        stop_if_pressed()
    except Interrupted:
        print("stopped after", round(time.monotonic() - started, 1))
"""
    import sys

    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=60, cwd=tmp_path)
    assert result.stdout.startswith("stopped after"), (result.stdout, result.stderr)
    assert float(result.stdout.split()[-1]) < 5
    assert TRACEBACK not in result.stderr


def test_a_fault_inside_acuinfo_is_reported_without_a_traceback(tmp_path):
    """A bug is not the user's doing: one plain message, a distinct status, and the
    details when asked for."""
    # Nothing in acuinfo fails on purpose, so one function is made to fail here.
    program = ("import sys; import acuinfo.views.tips as tips\n"
               "def broken(*args, **kwargs): raise ValueError('a fault for the test')\n"
               "tips.tips_page = broken\n"
               "sys.argv = ['acuinfo', 'tips']\n"
               "from acuinfo.launch import main; main()\n")
    env = {k: v for k, v in os.environ.items() if k != "ACUINFO_DEBUG"}
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                            cwd=tmp_path, env=env, timeout=60)
    assert result.returncode == 70
    assert TRACEBACK not in result.stderr
    assert "something went wrong inside acuinfo (ValueError: a fault for the test)" in \
        result.stderr
    assert "ACUINFO_DEBUG=1" in result.stderr
    env["ACUINFO_DEBUG"] = "1"
    debug = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                           cwd=tmp_path, env=env, timeout=60)
    assert TRACEBACK in debug.stderr
