"""The benchmark must be able to fail: its figures measure acuinfo, not the benchmark."""

from __future__ import annotations

import importlib.util
import os
import sys

import pytest

from conftest import REPO

if not sys.platform.startswith("linux"):
    pytest.skip("peak memory is read from Linux's /proc", allow_module_level=True)


def load_bench():
    spec = importlib.util.spec_from_file_location("startup", REPO / "bench" / "startup.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["startup"] = module
    spec.loader.exec_module(module)
    return module


def test_a_child_that_allocates_50_mib_reads_as_50_mib_more():
    bench = load_bench()
    ballast = b"\x01" * (60 << 20)  # the harness's own memory must not show in the child's
    env = dict(os.environ)
    empty = bench.peak_mib([sys.executable, "-c", "pass"], env)
    full = bench.peak_mib([sys.executable, "-c", "x = b'\\x01' * (50 << 20)"], env)
    assert len(ballast) == 60 << 20
    assert empty < 40, f"an empty Python read as {empty:.1f} MiB: the harness shows through"
    assert 45 <= full - empty <= 56, (empty, full)


def test_ratios_are_medians_of_rounds_taken_back_to_back():
    bench = load_bench()
    # a slow patch slows both commands of round 3 alike: its ratio is like the others
    numerators = [110.0, 112.0, 330.0, 111.0, 109.0]
    denominators = [100.0, 101.0, 300.0, 100.0, 99.0]
    ratios = bench.round_ratios(numerators, denominators)
    assert [round(r, 2) for r in ratios] == [1.1, 1.11, 1.1, 1.11, 1.1]
    with pytest.raises(ValueError):
        bench.round_ratios([1.0], [1.0, 2.0])
