"""Output that is plainly not a terminal is laid out without Rich's console, with the
width and character set Rich itself would find, so the two can never disagree."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys

import pytest
from rich.console import Console

from acuinfo.render.terminal import RICH_SETTINGS, plain_settings


def rich_judgement(out) -> tuple[bool, int, bool]:
    console = Console(file=out)
    return console.is_terminal, console.width, console.options.ascii_only


@pytest.mark.parametrize("columns", [None, "37", "0", "200", "wide", ""])
@pytest.mark.parametrize("encoding", ["utf-8", "UTF-8", "ascii", "latin-1", None])
def test_plain_settings_match_rich(monkeypatch, columns, encoding):
    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    for name in RICH_SETTINGS:
        monkeypatch.delenv(name, raising=False)
    out = io.TextIOWrapper(io.BytesIO(), encoding=encoding or "utf-8")
    if encoding is None:
        out = io.StringIO()  # encoding None: Rich takes it as UTF-8
    is_terminal, width, ascii_only = rich_judgement(out)
    assert is_terminal is False
    assert plain_settings(out) == (width, ascii_only)


@pytest.mark.parametrize("setting", [*RICH_SETTINGS])
def test_colour_settings_are_left_to_rich(monkeypatch, setting):
    monkeypatch.setenv(setting, "1")
    assert plain_settings(io.StringIO()) is None


def test_a_terminal_is_left_to_rich():
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert plain_settings(Terminal()) is None


def test_a_closed_stream_is_left_to_rich():
    out = io.StringIO()
    out.close()
    assert plain_settings(out) is None


def test_showing_a_condition_in_a_pipe_does_not_load_rich_console(tmp_path):
    """The whole point: a pipe pays for neither Rich's console nor its width tables."""
    code = ("import sys, runpy; sys.argv = ['acuinfo', 'condition', 'neck-pain'];\n"
            "try:\n    runpy.run_module('acuinfo', run_name='__main__')\n"
            "except SystemExit:\n    pass\n"
            "sys.stderr.write(' '.join(m for m in sys.modules if m.startswith('rich')))")
    env = {k: v for k, v in os.environ.items() if k not in RICH_SETTINGS}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=tmp_path, env=env, timeout=60)
    assert result.stdout.startswith("Neck pain\n")
    assert result.stderr == ""


def test_a_note_without_a_heading_is_not_numbered_as_a_part(run_script, tmp_path):
    result = run_script("--lang", "zh-Hans", "handout", "neck-pain", "--session", "-o",
                        "h.txt")
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "h.txt").read_text(encoding="utf-8")
    parts = re.findall(r"^第 (\d+) 部分\uff1a(.*)$", text, re.MULTILINE)
    assert parts and all(heading.strip() for _, heading in parts), parts
    assert [int(number) for number, _ in parts] == list(range(1, len(parts) + 1))


@pytest.mark.parametrize("args", [["conditions"], ["tips"], ["condition", "neck-pain"],
                                  ["session"], ["glossary"]])
@pytest.mark.parametrize("columns", ["52", "100"])
def test_a_pipe_gets_the_text_rich_would_print_there(run_script, args, columns):
    """The plain layout makes plain lines where the styled one makes runs of styled text
    (a long list's rows are thousands of them): the text must be the same, as it is when
    a setting leaves a pipe to Rich's console."""
    plain = run_script(*args, env={"COLUMNS": columns})
    through_rich = run_script(*args, env={"COLUMNS": columns, "TTY_COMPATIBLE": "0"})
    assert plain.returncode == through_rich.returncode == 0, plain.stderr + through_rich.stderr
    assert "\x1b" not in through_rich.stdout
    assert plain.stdout == through_rich.stdout
