"""The cached index behind lists and search follows every change to the knowledge files."""

from __future__ import annotations

import os

import pytest

from conftest import DATA

NECK = (DATA / "conditions" / "neck-pain.yaml").read_text(encoding="utf-8")


def condition(slug: str, title: str) -> str:
    return NECK.replace("slug: neck-pain", f"slug: {slug}").replace(
        "title: Neck pain", f"title: {title}")


@pytest.fixture
def listed(invoke, clinic):
    """The clinic folder, and a function listing its conditions as a person sees them."""
    folder = clinic("conditions/jaw-ache.yaml", condition("jaw-ache", "Jaw ache"))

    def conditions() -> str:
        result = invoke("-d", str(folder), "conditions")
        assert result.exit_code == 0, result.output
        return result.stdout

    return folder, conditions


def test_added_file_is_listed(listed):
    folder, conditions = listed
    assert "Jaw ache" in conditions()
    (folder / "conditions" / "hip-ache.yaml").write_text(condition("hip-ache", "Hip ache"))
    assert "Hip ache" in conditions()


def test_removed_file_is_not_listed(listed):
    folder, conditions = listed
    assert "Jaw ache" in conditions()
    (folder / "conditions" / "jaw-ache.yaml").unlink()
    assert "Jaw ache" not in conditions()


def test_edit_in_place_with_the_same_size_is_seen(listed):
    folder, conditions = listed
    target = folder / "conditions" / "jaw-ache.yaml"
    before = os.stat(target)
    assert "Jaw ache" in conditions()
    with open(target, "r+", encoding="utf-8") as handle:  # same file, same size
        text = handle.read()
        handle.seek(0)
        handle.write(text.replace("title: Jaw ache", "title: Jaw pain"))
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns + 1))
    assert os.stat(target).st_ino == before.st_ino
    shown = conditions()
    assert "Jaw pain" in shown
    assert "Jaw ache" not in shown
