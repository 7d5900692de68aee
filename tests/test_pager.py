"""The pager: only on an interactive terminal, only for output taller than the screen,
$ACUINFO_PAGER before $PAGER, colour kept, and never with --no-pager."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

from conftest import script_path

FAKE_PAGER = """import sys
with open(sys.argv[1], "wb") as log:
    log.write(sys.stdin.buffer.read())
"""


def run_in_terminal(args: list[str], env: dict, rows: int = 24, cols: int = 80) -> str:
    """Run acuinfo with a pseudo-terminal as its screen; return what reached the screen."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    full_env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    full_env.update(TERM="xterm-256color", **env)
    process = subprocess.Popen([script_path(), *args], stdin=follower, stdout=follower,
                               stderr=follower, env=full_env, close_fds=True)
    os.close(follower)
    screen = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        screen += chunk
    process.wait(timeout=60)
    os.close(leader)
    return screen.decode("utf-8", errors="replace")


@pytest.fixture
def fake_pager(tmp_path: Path) -> tuple[str, Path]:
    script = tmp_path / "pager.py"
    script.write_text(FAKE_PAGER)
    log = tmp_path / "paged.txt"
    return f"{sys.executable} {script} {log}", log


def test_long_output_goes_through_the_pager_in_colour(fake_pager):
    command, log = fake_pager
    screen = run_in_terminal(["condition", "neck-pain"], {"ACUINFO_PAGER": command})
    paged = log.read_text()
    assert "Neck pain" in paged and "Sources" in paged
    assert "\x1b[" in paged, "colour is kept for the pager"
    assert "What it is" not in screen


def test_acuinfo_pager_comes_before_pager(fake_pager, tmp_path):
    command, log = fake_pager
    run_in_terminal(["session"], {"ACUINFO_PAGER": command, "PAGER": "false"})
    assert log.exists()


def test_pager_variable_is_used(fake_pager):
    command, log = fake_pager
    run_in_terminal(["session"], {"PAGER": command})
    assert log.exists()


def test_no_pager_option(fake_pager):
    command, log = fake_pager
    screen = run_in_terminal(["--no-pager", "condition", "neck-pain"], {"ACUINFO_PAGER": command})
    assert not log.exists()
    assert "What it is" in screen


def test_short_output_is_not_paged(fake_pager):
    command, log = fake_pager
    screen = run_in_terminal(["glossary", "qi"], {"ACUINFO_PAGER": command}, rows=200)
    assert not log.exists()
    assert "Qi" in screen


def test_never_a_pager_into_a_pipe(run_script, fake_pager):
    command, log = fake_pager
    result = run_script("condition", "neck-pain", env={"ACUINFO_PAGER": command})
    assert result.returncode == 0
    assert not log.exists()
    assert "What it is" in result.stdout


def test_missing_pager_falls_back_to_the_screen():
    screen = run_in_terminal(["condition", "neck-pain"], {"ACUINFO_PAGER": "no-such-pager-x"})
    assert "What it is" in screen


def test_ctrl_c_in_the_pager_leaves_the_terminal_as_it_was():
    """Ctrl-C goes to every process on the terminal. acuinfo waits for the pager (here
    the real less) instead of dying and taking the pager with it, which would leave the
    terminal with echo off."""
    import threading
    import time

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    if not os.path.exists("/usr/bin/less"):
        pytest.skip("needs less")

    def own_the_terminal() -> None:  # a session of its own, this terminal its own
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "LESS")}
    env.update(TERM="xterm-256color", ACUINFO_PAGER="/usr/bin/less")
    process = subprocess.Popen([script_path(), "condition", "neck-pain"], stdin=follower,
                               stdout=follower, stderr=follower, env=env,
                               preexec_fn=own_the_terminal)
    screen = bytearray()

    def read() -> None:
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                return
            if not chunk:
                return
            screen.extend(chunk)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        deadline = time.monotonic() + 30
        while b"Neck pain" not in screen and time.monotonic() < deadline:
            time.sleep(0.05)
        assert b"Neck pain" in screen, "less did not show the page"
        time.sleep(0.3)
        os.write(leader, b"\x03")  # Ctrl-C, as typed
        time.sleep(0.5)
        assert process.poll() is None, "acuinfo did not wait for the pager"
        os.write(leader, b"q")
        assert process.wait(timeout=30) == 0
        assert termios.tcgetattr(follower)[3] & termios.ECHO, "echo was left off"
        assert b"Traceback" not in screen
    finally:
        if process.poll() is None:
            process.kill()
        os.close(follower)
        os.close(leader)
