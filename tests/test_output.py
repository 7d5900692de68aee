"""What reaches the terminal or a pipe: no colour codes unless wanted, wrapped to width."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ANSI, script_path


@pytest.mark.parametrize("args", [["condition", "neck-pain"], ["conditions"], ["tips"],
                                  ["session"]])
def test_pipe_has_no_escape_codes(run_script, args):
    result = run_script(*args)
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout
    assert result.stderr == ""


def test_no_trailing_spaces_in_a_pipe(run_script):
    result = run_script("condition", "neck-pain")
    assert all(line == line.rstrip() for line in result.stdout.splitlines())


def test_force_color_colours_and_no_color_wins(run_script):
    forced = run_script("condition", "neck-pain", env={"FORCE_COLOR": "1", "TERM": "xterm"})
    assert ANSI.search(forced.stdout)
    plain = run_script("condition", "neck-pain", env={"NO_COLOR": "1", "TERM": "xterm"})
    assert "\x1b[3" not in plain.stdout  # no colour codes


@pytest.mark.parametrize("width", [40, 120])
def test_text_wraps_to_the_width(run_script, width):
    result = run_script("condition", "neck-pain", env={"COLUMNS": str(width)})
    lines = result.stdout.splitlines()
    # a web address is never broken inside, so that it can be copied: it may run past
    assert max(len(line) for line in lines if "https://" not in line) <= width
    assert all(line.strip().startswith("https://") or len(line) <= width for line in lines
               if len(line) > width)
    if width > 80:
        assert max(len(line) for line in lines) > 80


def test_python_dash_m_is_the_same_program(tmp_path):
    via_module = subprocess.run([sys.executable, "-m", "acuinfo", "condition", "neck-pain"],
                                capture_output=True, text=True, cwd=tmp_path)
    via_script = subprocess.run([script_path(), "condition", "neck-pain"],
                                capture_output=True, text=True, cwd=tmp_path)
    assert via_module.returncode == 0
    assert via_module.stdout == via_script.stdout
    usage = subprocess.run([sys.executable, "-m", "acuinfo", "--help"], capture_output=True,
                           text=True, cwd=tmp_path)
    assert "Usage: acuinfo" in usage.stdout
