"""A clinic's own knowledge: its profile, its session details, new files from templates,
the order folders are read in, and where each entry comes from."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
import yaml

from conftest import CONDITION_SLUGS, DATA

GOOD = (DATA / "conditions" / "neck-pain.yaml").read_text(encoding="utf-8")
PROFILE = """name: Riverside Clinic
reviewed: 2026-11-25
phone: 01234 567890
hours: Monday to Friday, 9am to 5pm
note: Please call a day ahead to cancel.
"""


def titled(title: str, slug: str = "neck-pain") -> str:
    return GOOD.replace("slug: neck-pain", f"slug: {slug}").replace(
        "title: Neck pain", f"title: {title}")


def make_folder(root: Path, files: dict[str, str]) -> Path:
    for relative, text in files.items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return root


def test_profile_shows_under_the_session_journey(invoke, clinic):
    folder = clinic("clinic.yaml", PROFILE)
    page = json.loads(invoke("-d", str(folder), "session", "-f", "json").stdout)
    last = page["sections"][-1]
    assert last["heading"] == "Your clinic"
    text = json.dumps(last)
    assert "Riverside Clinic" in text and "Phone: 01234 567890" in text
    assert "Address" not in text, "only the details the clinic gave are shown"


def test_no_profile_no_clinic_section(invoke):
    result = invoke("session")
    assert "Your clinic" not in result.stdout


def test_broken_profile_is_reported_and_the_journey_still_shows(invoke, clinic):
    folder = clinic("clinic.yaml", "name: [x\n")
    result = invoke("-d", str(folder), "session")
    assert result.exit_code == 1
    assert "clinic.yaml:" in result.stderr
    assert "Before your first session" in result.stdout


def test_clinic_session_details_override_and_add(invoke, clinic):
    folder = clinic("session.yaml", """reviewed: 2026-11-26
stages:
  - id: before
    steps:
      - title: What to wear
        text: Wear loose clothes; we have gowns.
      - title: Price
        text: A session costs 50 pounds. Some insurers pay for it.
what_to_expect:
  total_time: Our sessions last 45 minutes.
""")
    before = invoke("-d", str(folder), "session", "--before").stdout
    assert "Choose a qualified practitioner" in before, "built-in steps stay"
    assert "A session costs 50 pounds" in before
    visit = invoke("-d", str(folder), "session", "--what-to-expect").stdout
    assert "Our sessions last 45 minutes." in visit
    assert invoke("-d", str(folder), "validate", str(folder)).exit_code == 0


def test_precedence_data_dir_then_env_then_user_then_built_in(invoke, tmp_path):
    user = make_folder(tmp_path / "mine", {"conditions/neck-pain.yaml": titled("From user"),
                                           "conditions/a-user.yaml": titled("User only", "a-user")})
    env = make_folder(tmp_path / "env", {"conditions/neck-pain.yaml": titled("From env"),
                                         "conditions/b-env.yaml": titled("Env only", "b-env")})
    flag = make_folder(tmp_path / "flag", {"conditions/neck-pain.yaml": titled("From flag"),
                                           "conditions/c-flag.yaml": titled("Flag only", "c-flag")})
    environment = {"ACUINFO_USER_DIR": str(user), "ACUINFO_DATA_PATH": str(env)}

    def title(*args: str) -> str:
        return invoke(*args, "condition", "neck-pain", env=environment).stdout.splitlines()[0]

    assert title("-d", str(flag)) == "From flag"
    assert title() == "From env"
    assert invoke("condition", "neck-pain",
                  env={"ACUINFO_USER_DIR": str(user)}).stdout.startswith("From user")
    assert invoke("condition", "neck-pain").stdout.startswith("Neck pain\n")
    listing = invoke("-d", str(flag), "conditions", env=environment).stdout
    for slug in ("a-user", "b-env", "c-flag", "low-back-pain"):
        assert slug in listing
    which = json.loads(invoke("-d", str(flag), "which", "neck-pain", "-f", "json",
                              env=environment).stdout)
    lines = which["sections"][0]["blocks"][0]["items"][0]["text"].splitlines()
    assert lines.index(f"From: {flag}/conditions/neck-pain.yaml") < lines.index(
        f"Overrides: {env}/conditions/neck-pain.yaml") < lines.index(
        f"Overrides: {user}/conditions/neck-pain.yaml")
    assert any(line.endswith("acuinfo/data/conditions/neck-pain.yaml") for line in lines)


@pytest.mark.parametrize("kind, name, show, shown", [
    ("condition", "frozen shoulder", ["condition", "frozen-shoulder"], "Frozen shoulder"),
    ("tip", "walk after lunch", ["tips", "--category", "movement"], "Walk after lunch"),
    ("source", "smith-2024", ["sources", "smith-2024"], "The full title as published"),
    ("clinic", "Riverside Clinic", ["session"], "Riverside Clinic"),
])
def test_a_new_entry_is_a_draft_until_a_person_publishes_it(run_script, tmp_path, kind, name,
                                                              show, shown):
    """Template text must never reach a patient: a new entry is a draft, shown only when
    asked for and marked DRAFT, never in a handout, and validate names every piece of
    example text left in it. Written over and published, it shows like any other."""
    result = run_script("new", kind, name)
    assert result.returncode == 0, result.stderr
    path = Path(result.stdout.strip())
    assert path.is_relative_to(tmp_path / "user"), "goes to the user folder by default"
    text = path.read_text()
    assert "#" in text, "the template explains itself in comments"
    assert "status: draft" in text and "\nreviewed: " in text
    assert not re.search(r"^reviewed: +\d", text, re.M), "a review nobody made"
    check = run_script("validate", str(tmp_path / "user"))
    assert check.returncode == 1
    assert f"{path}:" in check.stdout and "still holds the template's example text" \
        in check.stdout
    for args in (show, ["conditions"], ["handout", "neck-pain", "-o", str(tmp_path / "h.html")]):
        seen = run_script(*args)
        assert shown not in seen.stdout, args
    found = json.loads(run_script("search", name, "-f", "json").stdout)["items"]
    assert all(shown not in item["title"] for item in found)
    handout = (tmp_path / "h.html").read_text()
    assert shown not in handout and "DRAFT" not in handout
    asked = run_script(*show, "--drafts")
    assert asked.returncode == 0, asked.stderr
    assert f"DRAFT: {shown}" in asked.stdout
    assert run_script("handout", "neck-pain", "-o", str(tmp_path / "h2.html"),
                      "--drafts").returncode == 0
    assert "DRAFT" not in (tmp_path / "h2.html").read_text(), "a draft reached a handout"
    published = yaml.safe_dump(own_words(yaml.safe_load(text)), sort_keys=False)
    published = published.replace("status: draft", "status: published").replace(
        "reviewed: null", "reviewed: 2026-12-01")
    path.write_text(published)
    check = run_script("validate", str(tmp_path / "user"))
    assert check.returncode == 0, check.stdout
    final = run_script(*show)
    kept = "smith-2024" if kind == "source" else shown  # its title was example text
    assert final.returncode == 0 and kept in final.stdout and "DRAFT" not in final.stdout


def own_words(value: object) -> object:
    """A template's values with its example text written over, as a person would."""
    from acuinfo.knowledge.scaffold import placeholders

    if isinstance(value, dict):
        return {key: own_words(item) for key, item in value.items()}
    if isinstance(value, list):
        return [own_words(item) for item in value]
    if isinstance(value, str) and any(p.fullmatch(value.strip()) for p in placeholders()):
        return "https://doi.org/10.1000/own" if value.startswith("https://") else (
            "Our own words, checked by our clinician.")
    return value


def test_new_clinic_keeps_its_name_as_given(invoke, tmp_path):
    result = invoke("new", "clinic", "St. Mary's Clinic")
    assert result.exit_code == 0, result.output
    assert Path(result.stdout.strip()) == tmp_path / "user" / "clinic.yaml"
    assert "name: \"St. Mary's Clinic\"" in (tmp_path / "user" / "clinic.yaml").read_text()
    assert "DRAFT: St. Mary's Clinic" in invoke("session", "--drafts").stdout
    assert invoke("new", "clinic", "   ").exit_code == 1


def test_new_into_a_data_dir(invoke, tmp_path):
    target = tmp_path / "elsewhere"
    target.mkdir()
    result = invoke("--data-dir", str(target), "new", "condition", "hip-ache")
    assert Path(result.stdout.strip()) == target / "conditions" / "hip-ache.yaml"


def test_new_never_overwrites(invoke, tmp_path):
    first = Path(invoke("new", "condition", "hip-ache").stdout.strip())
    first.write_text(first.read_text() + "# my own notes\n")
    before = first.read_bytes()
    result = invoke("new", "condition", "Hip Ache")
    assert result.exit_code == 1
    assert "already exists" in result.stderr
    assert first.read_bytes() == before


@pytest.mark.parametrize("name", ["", "../x", "a/b", "!!!"])
def test_new_refuses_names_that_cannot_be_file_names(invoke, tmp_path, name):
    result = invoke("new", "condition", name)
    assert result.exit_code == 1
    assert not (tmp_path / "user").exists() or not list((tmp_path / "user").rglob("*.yaml"))


def test_paths_lists_every_folder_in_order(invoke, tmp_path):
    user = make_folder(tmp_path / "mine", {"conditions/a-user.yaml": titled("U", "a-user")})
    flag = make_folder(tmp_path / "flag", {"clinic.yaml": PROFILE})
    missing = tmp_path / "missing"
    page = json.loads(invoke("-d", str(flag), "paths", "-f", "json",
                             env={"ACUINFO_USER_DIR": str(user),
                                  "ACUINFO_DATA_PATH": str(missing)}).stdout)
    steps = page["sections"][0]["blocks"][0]["items"]
    assert [s["title"] for s in steps[:3]] == [str(flag), str(missing), str(user)]
    assert steps[0]["text"] == "--data-dir: a clinic profile"
    assert steps[1]["text"] == "ACUINFO_DATA_PATH: does not exist"
    assert steps[2]["text"] == "user: 1 condition"
    assert steps[3]["text"].startswith(f"built-in: {len(CONDITION_SLUGS)} conditions")
    assert page["sections"][1]["blocks"][0]["text"] == os.environ["ACUINFO_CACHE_DIR"]


def test_which_unknown_name(invoke):
    result = invoke("which", "nothing-called-this")
    assert result.exit_code == 2
