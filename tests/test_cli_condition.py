"""acuinfo condition NAME: one condition's page, found by the names patients use."""

from __future__ import annotations

import json

import pytest

from conftest import CONDITION_SLUGS, TRACEBACK

SECTIONS = ["Key points", "What it is", "Common symptoms", "Get medical help first",
            "How acupuncture may help", "What the research shows", "What a course looks like",
            "What else helps", "Looking after yourself", "Sources"]
LEVELS = ["Get emergency help now", "Get medical advice today",
          "See your doctor in the coming weeks"]


def test_neck_pain_page_has_every_part(invoke):
    result = invoke("condition", "neck-pain")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Neck pain\n")
    lines = result.stdout.splitlines()
    positions = [lines.index(heading) for heading in SECTIONS]
    assert positions == sorted(positions), "sections are out of order"
    assert "Strength of evidence: moderate" in result.stdout
    assert "does not replace" in result.stdout


@pytest.mark.parametrize("slug", CONDITION_SLUGS)
def test_every_condition_shows(invoke, slug):
    result = invoke("condition", slug)
    assert result.exit_code == 0, result.output
    levels = [result.stdout.find(level) for level in LEVELS]
    assert all(found > 0 for found in levels), "every level of urgency is shown"
    assert levels == sorted(levels), "the most urgent level comes first"
    assert "[1]" in result.stdout, "a condition page cites at least one source"


@pytest.mark.parametrize("name", ["neck-pain", "Neck Pain", "NECK_PAIN", "  neck   pain ",
                                  "neck--pain", "stiff neck"])
def test_names_match_loosely(invoke, name):
    result = invoke("condition", name)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Neck pain\n")


def test_title_and_alias_find_the_condition(invoke):
    assert invoke("condition", "Herniated disc (slipped disc)").stdout.startswith("Herniated disc")
    assert invoke("condition", "slipped disc").stdout.startswith("Herniated disc")


def test_unknown_name_suggests_and_exits_2(invoke):
    result = invoke("condition", "nek-pain")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "no condition called 'nek-pain'" in result.stderr
    assert "Did you mean: neck-pain" in result.stderr
    assert "acuinfo conditions" in result.stderr


@pytest.mark.parametrize("name", ["../../etc/passwd", "/etc/passwd", ".", "..", "a/b", "",
                                  "x" * 10_000, "頸部の痛み", "neck-pain.yaml"])
def test_names_that_are_not_slugs_are_not_found(invoke, name):
    result = invoke("condition", name)
    assert result.exit_code == 2
    assert "no condition called" in result.stderr
    assert TRACEBACK not in result.output
    assert len(result.stderr) < 500


def test_json_is_the_documented_shape(invoke):
    result = invoke("condition", "low-back-pain", "--format", "json")
    assert result.exit_code == 0
    page = json.loads(result.stdout)
    assert page["schema"] == "acuinfo.document/1"
    assert page["kind"] == "condition"
    assert page["name"] == "low-back-pain"
    assert page["meta"]["evidence_rating"] in {"good", "moderate", "limited", "insufficient"}
    ids = [s["id"] for s in page["sections"]]
    assert ids[:4] == ["key-points", "what-it-is", "symptoms", "red-flags"]
    alerts = page["sections"][3]["blocks"]
    assert [a["type"] for a in alerts] == ["alert"] * 3
    assert [a["title"] for a in alerts] == LEVELS
    assert all(a["items"] and a["text"] for a in alerts)
    numbers = {n for s in page["sections"] for n in s["cites"]}
    assert numbers == {c["number"] for c in page["citations"]}
    for citation in page["citations"]:
        assert citation["url"].startswith("https://")


def test_format_is_case_insensitive_and_checked(invoke):
    assert invoke("condition", "neck-pain", "-f", "JSON").exit_code == 0
    bad = invoke("condition", "neck-pain", "--format", "pdf")
    assert bad.exit_code == 2
    assert "pdf" in bad.stderr


WORTH_NOTICING = [("10", "7"), ("9", "6"), ("8", "5"), ("7", "4"), ("6", "4"), ("5", "3"),
                  ("4", "2"), ("3", "2"), ("2", "1"), ("1", "0")]


@pytest.mark.parametrize("language, columns", [("es", 80), ("en", 40), ("zh-Hans", 60),
                                               ("es", 30)])
def test_the_look_up_of_a_change_worth_noticing_reads_across(invoke, language, columns):
    """Too wide for the screen, the look-up of first score and later score is turned,
    each pair on a line of its own under both headings: never a row wrapped onto the
    next line, or a row of headings left out."""
    from rich.cells import cell_len

    result = invoke("--lang", language, "condition", "neck-pain", env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    pairs = [tuple(line.split()) for line in lines]
    at = pairs.index(WORTH_NOTICING[0])
    assert pairs[at:at + len(WORTH_NOTICING)] == WORTH_NOTICING
    heading = {"es": "Su primera", "en": "Your first", "zh-Hans": "第一次的疼痛分数"}[language]
    assert any(heading in line for line in lines[at - 6:at]), lines[at - 6:at]
    assert all(cell_len(line) <= columns for line in lines[at - 6:at + 10])
