"""acuinfo validate: every problem in a folder at once, each with file:line:column."""

from __future__ import annotations

import re

import pytest

from conftest import DATA

GOOD = (DATA / "conditions" / "neck-pain.yaml").read_text(encoding="utf-8")
LOCATED = re.compile(r"^(?P<file>.+?\.yaml):(?P<line>\d+):(?P<column>\d+): .+")


def test_clean_folder_passes(invoke, clinic):
    # Its own title and no aliases: a name another condition gives too is a problem.
    own = re.sub(r"^aliases:\n(?:  - .*\n)+", "", GOOD, flags=re.MULTILINE)
    folder = clinic("conditions/jaw-pain.yaml", own.replace("slug: neck-pain", "slug: jaw-pain")
                    .replace("title: Neck pain", "title: Jaw pain"))
    result = invoke("validate", str(folder))
    assert result.exit_code == 0, result.stdout
    assert result.stdout == "checked 1 file in 1 folder: no problems\n"


def test_every_problem_is_reported_at_once(invoke, clinic):
    broken = (GOOD.replace("slug: neck-pain", "slug: neck-ache")
              .replace("title: Neck pain", "title: Neck pain\ntitel: typo")
              .replace("rating: moderate", "rating: excellent")
              .replace("related: [", "related: [no-such-condition, "))
    clinic("conditions/neck-pain.yaml", broken)
    clinic("conditions/other.yaml", "slug: other\nslug: again\n")
    clinic("conditions/notes.txt", "hello")
    folder = clinic("tips.yaml", "reviewed: 2026-11-25\ncategories:\n  - id: a\n    title: A\n"
                                 "tips:\n  - id: t\n    category: b\n    title: T\n    text: x\n"
                                 "    sources: [nowhere-2020]\n")
    result = invoke("validate", str(folder))
    assert result.exit_code == 1
    out = result.stdout
    assert "unknown field 'titel'" in out
    assert "'excellent', which is not one of: good, moderate, limited, insufficient" in out
    assert "duplicate key 'slug'" in out
    assert "notes.txt: acuinfo reads only .yaml files here" in out
    assert "names an unknown tip category 'b'" in out
    assert "names an unknown source 'nowhere-2020'" in out
    assert "names an unknown condition 'no-such-condition'" in out
    problem_lines = out.splitlines()[:-1]
    assert len(problem_lines) >= 6
    yaml_lines = [line for line in problem_lines if ".yaml:" in line]
    assert all(LOCATED.match(line) for line in yaml_lines), yaml_lines
    assert re.search(r"checked 3 files in 1 folder: \d+ problems$", out.strip())


@pytest.mark.parametrize(("find", "replace", "message"), [
    ("title: Neck pain", "title: [Neck, pain]", "title must be text, not a list"),
    ("title: Neck pain", "title:", "title must be text, not nothing"),
    ("aliases:\n", "aliases:\n  - {name: neck ache}\n", "aliases[0] must be text, not a mapping"),
    ("slug: neck-pain", "slug: [neck-pain]", "slug must be text, not a list"),
])
def test_a_name_of_the_wrong_type_is_a_problem_not_a_crash(invoke, clinic, find, replace,
                                                           message):
    """A file with problems still gives a partial record, whose names are compared with
    every other condition's: one that is not text is reported, and left out of that."""
    assert find in GOOD
    folder = clinic("conditions/neck-pain.yaml", GOOD.replace(find, replace, 1))
    result = invoke("validate", str(folder))
    assert result.exit_code == 1
    assert message in result.stdout, result.stdout


def test_slug_must_match_file_name(invoke, clinic):
    folder = clinic("conditions/jaw.yaml", GOOD.replace("slug: neck-pain", "slug: jaw-pain"))
    result = invoke("validate", str(folder))
    assert "slug 'jaw-pain' differs from the file name 'jaw.yaml'" in result.stdout


def test_duplicate_ids_in_a_list(invoke, clinic):
    folder = clinic("glossary.yaml", "reviewed: 2026-11-25\nterms:\n"
                                     "  - id: qi\n    term: Qi\n    definition: one\n"
                                     "  - id: qi\n    term: Chi\n    definition: two\n")
    result = invoke("validate", str(folder))
    assert result.exit_code == 1
    assert "glossary.yaml:6:5: id 'qi' is used twice in terms (first on line 3)" in result.stdout


def test_validate_default_checks_every_folder_in_use(invoke, clinic):
    folder = clinic("conditions/jaw-pain.yaml", "slug: jaw-pain\n")
    result = invoke("--data-dir", str(folder), "validate")
    assert result.exit_code == 1
    assert "in 2 folders" in result.stdout
    assert "missing the required field 'title'" in result.stdout


GOOD_LINES = (DATA / "conditions" / "neck-pain.yaml").read_text(encoding="utf-8").splitlines()


def broken_at(number: int, line: str) -> str:
    lines = list(GOOD_LINES)
    lines[number - 1] = line
    return "\n".join(lines) + "\n"


def test_a_missing_colon_is_reported_on_its_own_line(run_script, clinic):
    """PyYAML notices a missing colon lines later; the report names the line of the key."""
    assert GOOD_LINES[14] == "key_points:"
    folder = clinic("conditions/neck-pain.yaml", broken_at(15, "key_points"))
    result = run_script("validate", str(folder))
    assert result.returncode == 1
    assert "neck-pain.yaml:15:1: 'key_points' has no ':' after it" in result.stdout


@pytest.mark.parametrize("number", [1, 2, 5, 14])
def test_a_tab_in_the_indent_is_called_a_tab(run_script, clinic, number):
    line = GOOD_LINES[number - 1]
    folder = clinic("conditions/neck-pain.yaml",
                    broken_at(number, "\t" + (line[2:] if line.startswith("  ") else line)))
    result = run_script("validate", str(folder))
    assert result.returncode == 1
    assert (f"neck-pain.yaml:{number}:1: a tab is used to indent here, and YAML indents "
            "with spaces only") in result.stdout
    assert "cannot start any token" not in result.stdout
