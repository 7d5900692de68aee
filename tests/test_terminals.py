"""Any terminal: pipes that close early, C locales, dumb and narrow terminals, closed
streams. The installed script runs in a real process for each."""

from __future__ import annotations

import subprocess

import pytest

from conftest import TRACEBACK, script_path

COMMANDS = [["condition", "neck-pain"], ["conditions"], ["tips"], ["session"], ["red-flags"],
            ["sources", "harris-2009"]]


def shell(command: str, tmp_path, env: dict | None = None) -> subprocess.CompletedProcess:
    import os

    full_env = {**os.environ, **(env or {})}
    return subprocess.run(["bash", "-c", command], capture_output=True, text=True, cwd=tmp_path,
                          env=full_env, timeout=60)


@pytest.mark.parametrize("args", COMMANDS)
def test_pipe_into_head_is_quiet(tmp_path, args):
    result = shell(f"set -o pipefail; {script_path()} {' '.join(args)} | head -1", tmp_path)
    assert result.stderr == ""
    assert result.stdout.count("\n") == 1
    assert result.returncode in (0, 1, 141)


@pytest.mark.parametrize("fmt", ["text", "plain", "markdown", "json", "html"])
@pytest.mark.parametrize("reader", ["head -1", "true", "head -c 10"])
def test_a_closed_pipe_is_success_in_every_format(tmp_path, fmt, reader):
    """The reader had all it wanted: acuinfo's own exit status is 0, with nothing on
    standard error, whatever the format."""
    for args in (["evidence"], ["conditions"], ["sources"]):
        command = (f"{script_path()} {' '.join(args)} -f {fmt} | {reader} >/dev/null; "
                   "echo status=${PIPESTATUS[0]}")
        result = shell(command, tmp_path)
        assert result.stdout.strip().endswith("status=0"), (args, result.stdout)
        assert result.stderr == "", (args, result.stderr)


@pytest.mark.parametrize("env", [{"LANG": "C", "LC_ALL": "C"}, {"PYTHONIOENCODING": "ascii"},
                                 {"TERM": "dumb"}, {"COLUMNS": "20"}, {"COLUMNS": "400"},
                                 {"COLUMNS": "99999999999"},
                                 {"NO_COLOR": "1"}, {"FORCE_COLOR": "1", "TERM": "dumb"}])
@pytest.mark.parametrize("args", COMMANDS)
def test_odd_terminals(run_script, env, args):
    result = run_script(*args, env=env)
    assert result.returncode == 0, result.stderr
    assert TRACEBACK not in result.stderr
    assert result.stdout.strip()
    if env.get("COLUMNS") == "20":  # a web address or path is never broken, so may run past
        assert all(len(line) <= 20 for line in result.stdout.splitlines()
                   if "/" not in line)
    if env.get("COLUMNS") == "99999999999":  # a mistake: lines as wide as a wide screen
        assert max(len(line) for line in result.stdout.splitlines()) <= 1_000


def test_ascii_terminal_gets_no_unicode_decoration(run_script):
    result = run_script("condition", "neck-pain", env={"PYTHONIOENCODING": "ascii"})
    assert result.stdout.isascii()
    assert "+---" in result.stdout and "\n  - " in result.stdout


def test_stdout_closed(tmp_path):
    result = shell(f"{script_path()} conditions >&-", tmp_path)
    assert result.returncode == 1
    assert result.stderr == "acuinfo: standard output is closed, so there is nowhere to write\n"


def test_stdin_not_a_terminal(tmp_path):
    result = subprocess.run([script_path(), "tips"], stdin=subprocess.DEVNULL,
                            capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0
    assert "Self-care tips" in result.stdout
