"""A handout with the progress journal's part, in a browser: no accessibility problem,
no sideways scrolling when zoomed, and the chart beside its table on paper."""

from __future__ import annotations

import datetime
import subprocess
from pathlib import Path

import pytest
from test_handout_browser import axe_script, browser, open_page, write_handout  # noqa: F401

from conftest import script_path


@pytest.fixture
def journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "journal.sqlite"
    monkeypatch.setenv("ACUINFO_JOURNAL", str(path))
    today = datetime.date.today()
    for number in range(14):
        when = (today - datetime.timedelta(days=100 - 7 * number)).isoformat()
        session = ["--session", str(number - 1)] if number > 1 else []
        subprocess.run([script_path(), "journal", "add", "--pain", str(8 - number // 3),
                        "--enjoyment", "6", "--activity", str(7 - number // 4), "--date", when,
                        *session], check=True, capture_output=True)
    return path


def test_no_accessibility_problems(journal, write_handout, open_page, axe_script):  # noqa: F811
    page = open_page(write_handout(["neck-pain", "--short", "--journal"]))
    page.add_script_tag(path=str(axe_script))
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    found = [f"{v['id']} ({v['impact']}): {v['help']} at "
             + ", ".join(str(node["target"]) for node in v["nodes"][:3])
             for v in results["violations"]]
    assert found == []
    label = page.locator("figure.chart svg").get_attribute("aria-label")
    assert label.startswith("Your PEG score and pain") and "14 entries" in label


@pytest.mark.parametrize("width", [640, 320], ids=["200%", "400%"])
def test_reflows_when_zoomed(journal, write_handout, open_page, width):  # noqa: F811
    page = open_page(write_handout(["neck-pain", "--short", "--journal"]),
                     viewport={"width": width, "height": 900})
    scroll, client = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert scroll <= client + 1, "the page scrolls sideways"


def test_on_paper_the_chart_is_beside_its_table(journal, write_handout, open_page):  # noqa: F811
    page = open_page(write_handout(["neck-pain", "--short", "--journal", "--paper", "a4"]))
    page.emulate_media(media="print")
    chart = page.locator("figure.chart").bounding_box()
    table = page.locator(".chart-table").bounding_box()
    assert table["x"] >= chart["x"] + chart["width"] - 1, "side by side"
    assert chart["width"] > table["width"]
