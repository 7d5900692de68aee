"""acuinfo conditions, tips and session: the lists and the journey."""

from __future__ import annotations

import json
import re

import pytest
import yaml

from conftest import CONDITION_SLUGS, DATA


def test_conditions_lists_each_once_per_line(invoke):
    result = invoke("conditions")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    for slug in CONDITION_SLUGS:
        matching = [line for line in lines if line.split()[:1] == [slug]]
        assert len(matching) == 1, slug


def test_conditions_json_rows(invoke):
    page = json.loads(invoke("conditions", "--format", "json").stdout)
    table = page["sections"][0]["blocks"][0]
    assert table["type"] == "table"
    assert table["columns"] == ["Name", "Condition", "Summary"]
    assert sorted(row[0] for row in table["rows"]) == CONDITION_SLUGS
    assert all(row[2] for row in table["rows"])


def tip_book() -> dict:
    return yaml.safe_load((DATA / "tips.yaml").read_text(encoding="utf-8"))


def test_tips_are_grouped_by_category(invoke):
    page = json.loads(invoke("tips", "--format", "json").stdout)
    book = tip_book()
    groups = [s for s in page["sections"] if s["id"] != "categories"]
    assert [s["id"] for s in groups] == [c["id"] for c in book["categories"]]
    shown = [step["title"] for s in groups for step in s["blocks"][-1]["items"]]
    assert sorted(shown) == sorted(t["title"] for t in book["tips"])
    (hint,) = [s for s in page["sections"] if s["id"] == "categories"]
    for category in book["categories"]:
        assert category["id"] in hint["blocks"][0]["text"], "tips says what --category takes"


def test_tips_for_one_condition(invoke):
    page = json.loads(invoke("tips", "--condition", "Low Back Pain", "-f", "json").stdout)
    expected = {t["title"] for t in tip_book()["tips"]
                if not t.get("conditions") or "low-back-pain" in t["conditions"]}
    shown = {step["title"] for s in page["sections"] if s["id"] != "categories"
             for step in s["blocks"][-1]["items"]}
    assert shown == expected
    assert page["title"] == "Self-care tips for low back pain"


def test_tips_for_one_category(invoke):
    book = tip_book()
    category = book["categories"][0]
    result = invoke("tips", "--category", category["id"])
    assert result.exit_code == 0
    assert category["title"] in result.stdout
    assert book["categories"][1]["title"] not in result.stdout


@pytest.mark.parametrize("args", [["--condition", "nope"], ["--category", "nope"]])
def test_tips_unknown_filter(invoke, args):
    result = invoke("tips", *args)
    assert result.exit_code == 2
    assert "nope" in result.stderr


def session_data() -> dict:
    return yaml.safe_load((DATA / "session.yaml").read_text(encoding="utf-8"))


def test_session_shows_whole_journey_in_order(invoke):
    result = invoke("session")
    assert result.exit_code == 0
    data = session_data()
    titles = [stage["title"] for stage in data["stages"]]
    positions = [result.stdout.index(title) for title in titles]
    assert positions == sorted(positions)
    assert data["what_to_expect"]["title"] in result.stdout


def test_what_to_expect_is_one_session_step_by_step(invoke):
    result = invoke("session", "--what-to-expect")
    assert result.exit_code == 0
    visit = session_data()["what_to_expect"]
    for step in visit["steps"]:
        assert step["title"] in result.stdout
    for stage in session_data()["stages"]:
        assert stage["title"] not in result.stdout


@pytest.mark.parametrize("language", ["en", "es", "zh-Hans"])
def test_the_session_page_draws_lying_with_needles_in_and_a_sealed_pack(invoke, language):
    """In HTML, two steps are drawn inside the step they show, named for screen readers
    in the page's language; text formats leave the drawings out."""
    html = invoke("--lang", language, "session", "-f", "html").stdout
    steps = re.findall(r"<li>(.*?)</li>", html, re.DOTALL)
    drawn = [step for step in steps if "<svg" in step]
    assert len(drawn) == 2 and all('role="img" aria-label="' in step for step in drawn)
    labels = re.findall(r'aria-label="([^"]+)"', "".join(drawn))
    assert all(not label.startswith("Drawing:") for label in labels) == (language != "en")
    if language == "en":
        assert "lies face down" in labels[0] and "sealed pack" in labels[1]
        assert "The needles stay in" in drawn[0] and "Check the needles are new" in drawn[1]
    for fmt in ("plain", "markdown", "text"):
        assert "Drawing" not in invoke("--lang", language, "session", "-f", fmt).stdout


@pytest.mark.parametrize("part", ["before", "after", "during", "course"])
def test_session_part(invoke, part):
    page = json.loads(invoke("session", f"--{part}", "--format", "json").stdout)
    assert [s["id"] for s in page["sections"]] == [part]


def test_session_parts_exclude_each_other(invoke):
    result = invoke("session", "--before", "--after")
    assert result.exit_code == 2
    assert "only one" in result.stderr
