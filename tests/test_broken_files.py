"""A knowledge folder with a broken file: a clear message with file and line, no traceback."""

from __future__ import annotations

from pathlib import Path

from conftest import DATA, TRACEBACK

GOOD = (DATA / "conditions" / "neck-pain.yaml").read_text(encoding="utf-8")


def test_yaml_syntax_error_names_file_and_line(invoke, clinic):
    folder = clinic("conditions/neck-pain.yaml", "slug: neck-pain\ntitle: [unclosed\nsummary: x\n")
    result = invoke("--data-dir", str(folder), "condition", "neck-pain")
    assert result.exit_code == 1
    assert TRACEBACK not in result.output
    assert f"{folder / 'conditions' / 'neck-pain.yaml'}:3:" in result.stderr


def test_wrong_type_names_field_and_line(invoke, clinic):
    broken = GOOD.replace("title: Neck pain", "title: [Neck, pain]")
    assert broken != GOOD
    line = broken.splitlines().index("title: [Neck, pain]") + 1
    folder = clinic("conditions/neck-pain.yaml", broken)
    result = invoke("--data-dir", str(folder), "condition", "neck-pain")
    assert result.exit_code == 1
    assert f"neck-pain.yaml:{line}:" in result.stderr
    assert "title must be text, not a list" in result.stderr
    assert result.stdout == ""


def test_missing_field_and_unknown_field(invoke, clinic):
    broken = GOOD.replace("title: Neck pain", "titel: Neck pain")
    folder = clinic("conditions/neck-pain.yaml", broken)
    result = invoke("-d", str(folder), "condition", "neck-pain")
    assert result.exit_code == 1
    assert "unknown field 'titel'" in result.stderr
    assert "did you mean 'title'?" in result.stderr
    assert "missing the required field 'title'" in result.stderr


def test_clinic_condition_replaces_and_adds(invoke, clinic):
    folder = clinic("conditions/neck-pain.yaml", GOOD.replace("title: Neck pain",
                                                              "title: Neck pain (our clinic)"))
    clinic("conditions/jaw-pain.yaml", GOOD.replace("slug: neck-pain", "slug: jaw-pain")
           .replace("title: Neck pain", "title: Jaw pain"))
    assert invoke("-d", str(folder), "condition", "neck-pain").stdout.startswith(
        "Neck pain (our clinic)")
    listing = invoke("-d", str(folder), "conditions").stdout
    assert "jaw-pain" in listing
    assert invoke("condition", "neck-pain").stdout.startswith("Neck pain\n")


def test_list_shows_good_entries_and_reports_the_bad(invoke, clinic):
    folder = clinic("conditions/broken.yaml", "slug: broken\n\tbad: tab\n")
    result = invoke("-d", str(folder), "conditions")
    assert result.exit_code == 1
    assert "neck-pain" in result.stdout
    assert "broken.yaml:2:1" in result.stderr
    assert "a tab is used to indent" in result.stderr


def test_environment_path_adds_folders(invoke, clinic, tmp_path: Path):
    folder = clinic("conditions/neck-pain.yaml", GOOD.replace("title: Neck pain",
                                                              "title: Neck pain from env"))
    result = invoke("condition", "neck-pain", env={"ACUINFO_DATA_PATH": str(folder)})
    assert result.stdout.startswith("Neck pain from env")


def test_missing_data_dir_is_a_usage_error(invoke, tmp_path: Path):
    result = invoke("--data-dir", str(tmp_path / "nope"), "conditions")
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


def test_problems_are_reported_alike_whether_or_not_the_index_is_built(invoke, clinic):
    """Looking a name up may build the index, which reads every file; the command's own
    problems must not be lost or doubled on that run."""
    folder = clinic("tips.yaml", "reviewed: 2026-11-25\ntips: [\n")
    outcomes = []
    for _ in range(2):
        result = invoke("-d", str(folder), "tips", "--condition", "slipped disc")
        outcomes.append((result.exit_code, result.stderr.count("tips.yaml:")))
    assert outcomes == [(1, 1), (1, 1)]
