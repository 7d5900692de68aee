"""A new user's install: build a wheel, put it in a fresh venv, run it from elsewhere."""

from __future__ import annotations

import subprocess
import sys
import tarfile
import venv
import zipfile
from pathlib import Path

from conftest import REPO


def test_wheel_installs_and_runs_outside_the_repository(tmp_path: Path):
    """`python -m build` makes the sdist, then the wheel from the sdist, as an index
    would: both must carry the knowledge files."""
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "build", "-o", str(wheels), str(REPO)], check=True,
                   capture_output=True)
    (sdist,) = wheels.glob("acuinfo-*.tar.gz")
    with tarfile.open(sdist) as archive:
        packed = archive.getnames()
    assert any(name.endswith("/data/conditions/neck-pain.yaml") for name in packed)
    assert any(name.endswith("/data/README.md") for name in packed)
    (wheel,) = wheels.glob("acuinfo-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "acuinfo/data/conditions/neck-pain.yaml" in names
    assert "acuinfo/data/sources.yaml" in names
    assert "acuinfo/knowledge/templates/condition.yaml" in names

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
    assert "Get emergency help now" in result.stdout
