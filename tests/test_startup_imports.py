"""Showing one condition by its name in a pipe pays only for what it uses: every command
is a new process, so each module it need not import is start-up time saved."""

from __future__ import annotations

import os
import subprocess
import sys

SHOW = """
import contextlib, io, sys
sys.argv = ["acuinfo", "condition", "neck-pain"]
with contextlib.redirect_stdout(io.StringIO()):
    try:
        from acuinfo.launch import main
        main()
    except SystemExit:
        pass
print(" ".join(sorted(sys.modules)))
"""
NOT_NEEDED = ("sqlite3", "rapidfuzz", "rich.console", "acuinfo.finding.index",
              "acuinfo.finding.ranking", "acuinfo.views.handout", "platformdirs", "hashlib",
              "acuinfo.knowledge.parallel", "multiprocessing")


def test_showing_a_condition_by_its_slug_imports_no_index_and_no_rich(tmp_path):
    env = dict(os.environ)
    for _ in range(2):  # the second run reads the parse cache, as every later run does
        loaded = subprocess.run([sys.executable, "-c", SHOW], capture_output=True, text=True,
                                cwd=tmp_path, env=env, check=True).stdout.split()
    assert "acuinfo.views.condition" in loaded, "the test did not show a condition"
    for module in NOT_NEEDED:
        assert module not in loaded, f"{module} was imported to show one condition"
