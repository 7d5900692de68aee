"""The general pages, the sources and the glossary."""

from __future__ import annotations

import json

import pytest
import yaml

from conftest import CONDITION_SLUGS, DATA

PAGES = ["red-flags", "safety", "how-it-works", "evidence", "about", "costs", "needle-fear",
         "special-groups", "finding-a-practitioner"]


def load(relative: str) -> dict:
    return yaml.safe_load((DATA / relative).read_text(encoding="utf-8"))


@pytest.mark.parametrize("page", PAGES)
def test_page_shows_its_title_and_the_notice(invoke, page):
    result = invoke(page)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(load(f"pages/{page}.yaml")["title"] + "\n")
    assert result.stdout.count("does not replace") == 1


def test_red_flags_are_alerts(invoke):
    page = json.loads(invoke("red-flags", "--format", "json").stdout)
    alerts = [b for s in page["sections"] for b in s["blocks"] if b["type"] == "alert"]
    assert len(alerts) >= 3
    assert any("both legs" in item for alert in alerts for item in alert["items"])


def test_about_lists_every_review_date(invoke):
    result = invoke("about")
    for slug in CONDITION_SLUGS:
        assert f"condition {slug}" in result.stdout
    assert "2026-" in result.stdout


def test_sources_lists_every_source(invoke):
    page = json.loads(invoke("sources", "--format", "json").stdout)
    steps = page["sections"][0]["blocks"][0]["items"]
    shown = [step["note"].rsplit("id: ", 1)[1] for step in steps]
    assert shown == [s["id"] for s in load("sources.yaml")["sources"]]


def test_one_source_and_what_cites_it(invoke):
    result = invoke("sources", "cherkin-2009")
    assert result.exit_code == 0
    assert "19433697" in result.stdout
    assert "acuinfo condition low-back-pain" in result.stdout


def test_unknown_source_suggests(invoke):
    result = invoke("sources", "cherkin-2008")
    assert result.exit_code == 2
    assert "Did you mean: cherkin-2009" in result.stderr


def test_glossary_lists_terms_and_finds_by_alias(invoke):
    terms = load("glossary.yaml")["terms"]
    everything = invoke("glossary").stdout
    for term in terms:
        assert term["term"] in everything
    one = invoke("glossary", "fake acupuncture")
    assert one.exit_code == 0
    assert "Sham acupuncture" in one.stdout
    assert "Meridian" not in one.stdout


def test_unknown_glossary_term(invoke):
    result = invoke("glossary", "meridan")
    assert result.exit_code == 2
    assert "meridian" in result.stderr
