"""What the journal says, and how its chart is drawn: the change since the start judged
against IMMPACT and Farrar, the starting point, the chart in characters and as a
drawing, every format of a journal with entries, and the handout's part."""

from __future__ import annotations

import datetime
import json
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_formats import check_html_page, expected_headings, markdown_headings

from acuinfo.journal.entries import Entry
from acuinfo.journal.progress import Measure, progress
from acuinfo.render.chart import svg, text_lines
from acuinfo.views.document import Chart, Series

from conftest import REPO

START = datetime.date(2026, 9, 1)


def entry(number: int, score: int, session: int | None = None, pain: int | None = None
          ) -> Entry:
    return Entry(number, START + datetime.timedelta(days=7 * number), score if pain is None
                 else pain, score, score, session)


@pytest.mark.parametrize(("start", "now", "band"), [
    (10, 5, "substantial"), (10, 5.1, "moderate"), (10, 7, "moderate"),
    (10, 7.04, "moderate"),  # 29.6% less is said, and judged, as 30%
    (10, 7.1, "minimal"), (10, 9, "minimal"), (10, 9.1, "little"), (10, 10, "little"),
    (5, 5.4, "little"), (5, 5.5, "worse"), (0, 0, "from-zero"), (0, 3, "from-zero"),
])
def test_bands(start, now, band):
    assert Measure(start, now).band() == band


def test_two_points_is_much_improved_even_under_30_percent():
    assert Measure(8, 6).much_improved() and Measure(8, 6).band() == "minimal"
    assert not Measure(8, 6.5).much_improved()


def test_the_start_is_the_entries_before_the_first_session():
    state = progress([entry(1, 8), entry(2, 6), entry(3, 5, 1), entry(4, 4, 2)])
    assert [e.id for e in state.start] == [1, 2]
    assert state.score == Measure(7, 4) and state.sessions == 2


def test_the_start_is_the_first_entry_when_none_came_before_a_session():
    state = progress([entry(1, 8, 1), entry(2, 6, 2)])
    assert [e.id for e in state.start] == [1]
    assert state.score == Measure(8, 6)


def test_one_entry_is_not_enough():
    assert not progress([entry(1, 8)]).ready()
    assert not progress([]).ready()


def test_review_at_session_six_only_without_a_30_percent_fall():
    assert progress([entry(1, 8), entry(2, 7, 6)]).time_to_review()
    assert not progress([entry(1, 8), entry(2, 7, 5)]).time_to_review()
    assert not progress([entry(1, 10), entry(2, 7, 6)]).time_to_review()


def chart_of(values: list[float], sessions: list[str] | None = None) -> Chart:
    labels = [f"{n % 28 + 1} Sep" for n in range(len(values))]
    return Chart("Scores", labels, sessions or [""] * len(values),
                 [Series("PEG score", values), Series("Pain", [min(v + 1, 10) for v in values])],
                 "Scores over time.")


@settings(max_examples=150, deadline=None)
@given(st.lists(st.integers(0, 30).map(lambda n: n / 3), min_size=1, max_size=80),
       st.integers(12, 160), st.booleans())
def test_the_chart_fits_its_width(values, width, ascii_only):
    sessions = [str(n) if n % 3 else "" for n in range(len(values))]
    lines = text_lines(chart_of(values, sessions), width, ascii_only)
    assert all(len(line) <= width for line in lines[1:]), lines
    if ascii_only:
        assert all(line.isascii() for line in lines)


def test_the_chart_puts_each_point_at_its_half_point():
    lines = text_lines(chart_of([0, 5, 10, 6.5]), 80)
    grid = lines[1:22]
    assert grid[0].startswith(" 10 ┤") and grid[-1].startswith("  0 ┤")
    column = {row: max(line.find("●"), line.find("\u25c6")) for row, line in enumerate(grid)
              if "●" in line or "\u25c6" in line}  # a dot, or where both lines meet
    assert sorted(column, key=column.get) == [20, 10, 0, 7]


def test_many_entries_show_the_latest():
    lines = text_lines(chart_of([5] * 200), 80)
    assert "The latest 37 of 200 entries; the table has them all." in lines[-1]


def test_the_drawing_is_an_image_named_in_words():
    picture = svg(chart_of([7, 6, 5], ["", "1", "2"]), "Scores over time")
    root = ElementTree.fromstring(picture)
    assert root.get("role") == "img" and root.get("aria-label") == "Scores over time"
    ns = "{http://www.w3.org/2000/svg}"
    assert len(root.findall(f"{ns}circle")) == 3 + 1, "a dot per score, and the key's"
    assert len(root.findall(f"{ns}rect")) == 3 + 1
    texts = [t.text for t in root.findall(f"{ns}text")]
    assert {"S1", "S2", "PEG score", "Pain"} <= set(texts)
    colours = set(re.findall(r'(?:fill|stroke)="(#[0-9a-f]+)"', picture))
    assert colours <= {"#000", "#fff", "#8c8c8c"}, "black, white and grey: it prints the same"


# -- through the command line ---------------------------------------------------------


@pytest.fixture
def journal(invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "journal.sqlite"
    monkeypatch.setenv("ACUINFO_JOURNAL", str(path))
    today = datetime.date.today()
    for number, (pain, session) in enumerate([(7, None), (7, None), (6, 1), (6, 2), (5, 3),
                                              (4, 4)]):
        when = (today - datetime.timedelta(days=40 - 7 * number)).isoformat()
        more = ["--session", str(session)] if session else []
        result = invoke("journal", "add", "--pain", str(pain), "--enjoyment", "6",
                        "--activity", "5", "--date", when, "--note", "<b>*a* | note</b>",
                        *more)
        assert result.exit_code == 0, result.output
    return path


def document(invoke) -> dict:
    result = invoke("journal", "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_json_of_a_journal_matches_the_schema(invoke, journal):
    from jsonschema import Draft202012Validator

    schema = json.loads((REPO / "docs" / "document.schema.json").read_text(encoding="utf-8"))
    page = document(invoke)
    errors = [e.message for e in Draft202012Validator(schema).iter_errors(page)]
    assert errors == []
    chart = next(b for s in page["sections"] for b in s["blocks"] if b["type"] == "chart")
    assert chart["marks"] == ["", "", "1", "2", "3", "4"]
    assert chart["series"][1]["values"] == [7, 7, 6, 6, 5, 4]
    assert [item["pain"] for item in page["items"]] == [7, 7, 6, 6, 5, 4]
    assert [c["id"] for c in page["citations"]] == ["dworkin-2008", "farrar-2001",
                                                   "krebs-2009"]


def test_markdown_of_a_journal(invoke, journal):
    text = invoke("journal", "--format", "markdown").stdout
    assert markdown_headings(text) == expected_headings(document(invoke))
    assert "```text\nYour PEG score and pain" in text
    assert "\\<b\\>\\*a\\* \\| note\\</b\\>" in text, "a note is text, never markup"


def test_html_of_a_journal(invoke, journal):
    text = invoke("journal", "--format", "html").stdout
    page = check_html_page(text)
    assert [t for _, t in page.headings] == [t for _, t in expected_headings(document(invoke))]
    assert "<b>*a*" not in text and "&lt;b&gt;*a* | note&lt;/b&gt;" in text
    assert '<figure class="chart"><svg' in text and "figure.chart" in page.style


def test_plain_text_of_a_journal_is_words(invoke, journal):
    text = invoke("journal", "--format", "plain").stdout
    assert not re.search("[\u2500-\u257f\u25cf\u00d7\u25c6]", text)
    assert "Chart: Your PEG score and pain, 0 (none) to 10 (the worst). Your PEG score and "\
           "your pain score at each of your 6 entries" in text


def test_a_handout_with_the_journal(invoke, journal, tmp_path):
    target = tmp_path / "handout.html"
    result = invoke("handout", "neck-pain", "--journal", "-o", str(target))
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    page = check_html_page(text)
    assert [t for level, t in page.headings if level == 2][-2:] == ["Your progress so far",
                                                                   "Sources"]
    part = text[text.index("Your progress so far"):text.index('id="sources-heading"')]
    assert '<div class="chart-pair"><figure class="chart"><svg' in part
    assert '<div class="chart-table"><table>' in part
    assert "<th scope=\"col\">PEG score</th>" in part
    assert "acuinfo " not in re.sub(r"<[^>]+>", " ", part), "a handout names no command"
    assert "see &quot;When to get help&quot; in this handout" in part
    cited = {c for c in re.findall(r'href="#source-(\d+)"', part)}
    assert len(cited) == 3
    plain = tmp_path / "handout.txt"
    assert invoke("handout", "neck-pain", "--journal", "-o", str(plain)).exit_code == 0
    assert "Part 6: Your progress so far\n" in plain.read_text(encoding="utf-8")


@pytest.mark.parametrize("language", ["es", "zh-Hans"])
def test_a_translated_handout_points_to_its_warning_signs_by_their_own_heading(
        invoke, journal, tmp_path, language):
    """The journal's part is in English, but the part it points to is headed in the
    handout's language: the pointer uses that heading, or it leads nowhere."""
    from acuinfo.base.phrases import phrases_for

    heading = phrases_for(language)("When to get help")
    assert heading != "When to get help"
    target = tmp_path / "handout.txt"
    result = invoke("--lang", language, "handout", "neck-pain", "--journal", "-o", str(target))
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert re.search(f"[:\uff1a] ?{re.escape(heading)}\n", text)  # the part's own heading
    assert f'see "{heading}" in this handout' in text
    assert "When to get help" not in text


def test_a_handout_without_the_journal_has_no_part_of_it(invoke, journal, tmp_path):
    target = tmp_path / "handout.html"
    assert invoke("handout", "neck-pain", "-o", str(target)).exit_code == 0
    assert "Your progress so far" not in target.read_text(encoding="utf-8")
    assert "chart" not in target.read_text(encoding="utf-8")


def test_entries_keep_their_headings_when_the_notes_do_not_fit_beside_them(invoke, journal):
    """On a narrow screen each note goes beneath its entry, and the numbers stay lined
    up under their headings: without them, "6  5  4" says nothing."""
    result = invoke("journal", env={"COLUMNS": "62"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    at = lines.index("Your entries")
    heading = lines[at + 1]
    assert heading.split() == ["No.", "Date", "Session", "Pain", "Enjoyment", "Activity", "PEG"]
    assert lines[at + 2].strip() == "Note"
    first = lines[at + 3]
    assert first.split()[0] == "1"
    assert first[heading.index("Pain")] == "7" and first[heading.index("Enjoyment")] == "6"
    assert lines[at + 4].strip() == "<b>*a* | note</b>"


def test_a_journal_of_one_entry_is_not_turned_on_a_narrow_screen(invoke, tmp_path, monkeypatch):
    """A table of a row or two is turned only if each of its cells fits its share of the
    line: one entry with a long note is lined up under its headings, never a line wider
    than the screen."""
    from rich.cells import cell_len

    monkeypatch.setenv("ACUINFO_JOURNAL", str(tmp_path / "journal.sqlite"))
    added = invoke("journal", "add", "--pain", "6", "--enjoyment", "5", "--activity", "4",
                   "--note", "Walked to the shops and back without stopping, then rested")
    assert added.exit_code == 0, added.output
    result = invoke("journal", env={"COLUMNS": "60"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    wide = [line for line in lines if cell_len(line) > 60 and "/" not in line]  # not a path
    assert wide == []
    at = lines.index("Your entries")
    assert lines[at + 1].split() == ["No.", "Date", "Session", "Pain", "Enjoyment",
                                     "Activity", "PEG"]
