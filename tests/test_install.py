"""A new user's install: build a wheel, put it in a fresh venv, run it from elsewhere."""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

from conftest import REPO


def test_wheel_installs_and_runs_outside_the_repository(tmp_path: Path):
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels),
                    str(REPO)], check=True, capture_output=True)
    (wheel,) = wheels.glob("acuinfo-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "acuinfo/data/conditions/neck-pain.yaml" in names
    assert "acuinfo/data/sources.yaml" in names

    env_dir = tmp_path / "env"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", str(wheel)], check=True,
                   capture_output=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = subprocess.run([str(env_dir / "bin" / "acuinfo"), "condition", "neck-pain"],
                            capture_output=True, text=True, cwd=elsewhere)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Neck pain\n")
    assert "Get urgent medical help" in result.stdout
