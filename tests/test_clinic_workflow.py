"""A clinic's workflow with its own folder: nothing replaces a built-in entry by
accident, a folder is made when needed, and a handout is made from sound knowledge or
not at all."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import DATA


@pytest.mark.parametrize("kind, name, shown_by, title", [
    ("condition", "neck-pain", ["condition", "neck-pain"], "Neck pain"),
    ("source", "vickers-2018", ["sources", "vickers-2018"],
     "Acupuncture for chronic pain: update of an individual patient data meta-analysis"),
    ("tip", "keep-moving", ["tips", "--category", "movement"], None),
])
def test_replacing_an_entry_needs_override_and_starts_from_it(run_script, tmp_path, kind,
                                                              name, shown_by, title):
    before = run_script(*shown_by).stdout
    refused = run_script("new", kind, name)
    assert refused.returncode == 1
    assert f"there is already a {kind} {name}" in refused.stderr
    assert "--override" in refused.stderr
    assert not (tmp_path / "user").exists() or not list((tmp_path / "user").rglob("*.yaml"))
    made = run_script("new", kind, name, "--override")
    assert made.returncode == 0, made.stderr
    copy = Path(made.stdout.strip()).read_text()
    assert "status: draft" in copy
    if title:
        assert title in copy, "the copy starts from the entry it replaces"
    assert "Surname AB" not in copy and "The full title as published" not in copy
    assert run_script(*shown_by).stdout == before, "a draft replaced the entry in use"


def test_new_makes_the_data_dir_and_says_so(run_script, tmp_path):
    folder = tmp_path / "new-clinic"
    result = run_script("-d", str(folder), "new", "condition", "hip ache")
    assert result.returncode == 0, result.stderr
    assert f"made the folder {folder}" in result.stderr
    assert (folder / "conditions" / "hip-ache.yaml").is_file()
    after = run_script("new", "tip", "walk-more", "-d", str(tmp_path / "other"))
    assert after.returncode == 0, after.stderr
    assert (tmp_path / "other" / "tips" / "walk-more.yaml").is_file()


def test_a_broken_clinic_profile_means_no_handout(run_script, clinic, tmp_path):
    folder = clinic("clinic.yaml", "name: [Riverside\n")
    target = tmp_path / "handout.html"
    result = run_script("-d", str(folder), "handout", "neck-pain", "-o", str(target))
    assert result.returncode == 1
    assert "Wrote" not in result.stdout
    assert f"{target} was not written" in result.stderr
    assert "clinic.yaml:" in result.stderr
    assert not target.exists()


GOOD = re.sub(r"(?m)^aliases:\n(?:  - .*\n)+", "aliases: []\n",  # a copy with names of its own
              (DATA / "conditions" / "neck-pain.yaml").read_text(encoding="utf-8"))


def test_options_of_every_command_may_come_after_it(run_script, clinic, tmp_path):
    folder = clinic("conditions/hip-ache.yaml", GOOD.replace("slug: neck-pain", "slug: hip-ache")
                    .replace("title: Neck pain", "title: Hip ache"))
    for args in (["condition", "hip-ache", "-d", str(folder)],
                 ["condition", "hip-ache", "--data-dir", str(folder), "--no-pager"],
                 ["-d", str(folder), "condition", "hip-ache", "--no-pager"],
                 ["conditions", "--data-dir", str(folder)],
                 ["validate", str(folder), "-d", str(folder)]):
        result = run_script(*args)
        assert result.returncode == 0, (args, result.stderr)
        assert "Hip ache" in result.stdout or "no problems" in result.stdout, args
    made = run_script("new", "condition", "knee ache", "-d", str(folder))
    assert Path(made.stdout.strip()) == folder / "conditions" / "knee-ache.yaml"
    helped = run_script("condition", "--help")
    for option in ("--data-dir", "--no-pager", "--drafts"):
        assert option in helped.stdout


def test_data_dirs_before_and_after_keep_their_order(run_script, tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    for folder, title in ((first, "From first"), (second, "From second")):
        (folder / "conditions").mkdir(parents=True)
        (folder / "conditions" / "neck-pain.yaml").write_text(
            GOOD.replace("title: Neck pain", f"title: {title}"))
    shown = run_script("-d", str(first), "condition", "neck-pain", "-d", str(second))
    assert shown.stdout.startswith("From first")
    shown = run_script("-d", str(second), "condition", "neck-pain", "-d", str(first))
    assert shown.stdout.startswith("From second")
