"""Showing one condition by its name in a pipe pays only for what it uses: every command
is a new process, so each module it need not import is start-up time saved."""

from __future__ import annotations

import os
import subprocess
import sys

RUN = """
import contextlib, io, sys
sys.argv = ["acuinfo", *sys.argv[1:]]
shown, code = io.StringIO(), 0
with contextlib.redirect_stdout(shown):
    try:
        from acuinfo.launch import main
        main()
    except SystemExit as stop:
        code = stop.code
print(code, len(shown.getvalue().splitlines()), " ".join(sorted(sys.modules)))
"""
NOT_NEEDED = ("sqlite3", "rapidfuzz", "rich.console", "acuinfo.finding.index",
              "acuinfo.finding.ranking", "acuinfo.views.handout", "platformdirs", "hashlib",
              "acuinfo.knowledge.parallel", "multiprocessing")


def test_showing_a_condition_by_its_slug_imports_no_index_and_no_rich(tmp_path):
    env = dict(os.environ)
    loaded = modules_loaded(tmp_path, env, "condition", "neck-pain")
    assert "acuinfo.views.condition" in loaded, "the test did not show a condition"
    for module in NOT_NEEDED:
        assert module not in loaded, f"{module} was imported to show one condition"


def test_listing_conditions_in_a_pipe_imports_nothing_of_the_page_on_one(tmp_path):
    env = dict(os.environ, ACUINFO_CACHE_DIR=str(tmp_path / "cache"))
    loaded = modules_loaded(tmp_path, env, "conditions")
    assert "acuinfo.views.condition_list" in loaded, "the test did not list the conditions"
    for module in ("acuinfo.views.condition", "acuinfo.views.handout_text", "rich.console",
                   "yaml", "acuinfo.knowledge.parallel"):
        assert module not in loaded, f"{module} was imported to list the conditions"


def modules_loaded(folder, env, *args: str) -> list[str]:
    """The modules a run of acuinfo with ``args`` has imported once its caches are made:
    the second run reads them, as every later run does. The run must succeed and show
    something, or it proves nothing."""
    for _ in range(2):
        code, lines, *loaded = subprocess.run(
            [sys.executable, "-c", RUN, *args], capture_output=True, text=True, cwd=folder,
            env=env, check=True).stdout.split()
    assert code in ("0", "None") and int(lines) > 10, f"acuinfo {' '.join(args)} failed"
    return loaded


def test_ctrl_c_is_taken_over_before_any_other_module_is_imported(tmp_path):
    """Until ``acuinfo.launch`` has set its handler, a Ctrl-C that comes while Python
    cleans up after an import is printed as "Exception ignored" and lost: so it imports
    nothing first but the handler's own module (and ``signal``, the script's ``re``
    having brought in what that needs)."""
    probe = ("import re, sys; before = set(sys.modules); import acuinfo.launch; "
             "print(' '.join(sorted(set(sys.modules) - before)))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            cwd=tmp_path, check=True)
    assert set(result.stdout.split()) <= {"acuinfo", "acuinfo.launch", "acuinfo.base",
                                          "acuinfo.base.interrupt", "signal"}
