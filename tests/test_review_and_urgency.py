"""What every page says about itself and about getting help: key points first, warning
signs by level of urgency, who checked a page and when, where to send a correction, the
clinic's own numbers, and sources numbered in the order a reader meets them."""

from __future__ import annotations

import json
import re

import pytest

from conftest import CONDITION_SLUGS, DATA, REPO

GOOD = (DATA / "conditions" / "neck-pain.yaml").read_text(encoding="utf-8")
LEVELS = ["Get emergency help now", "Get medical advice today",
          "See your doctor in the coming weeks"]
REVIEW_LABELS = ["Last reviewed: ", "Review due: ", "Checked by: ", "Corrections: "]
# Every view built from knowledge files that carry a review date.
REVIEWED_VIEWS = [["condition", "neck-pain"], ["tips"], ["tips", "--condition", "neck-pain"],
                  ["session"], ["session", "--during"], ["red-flags"], ["safety"],
                  ["how-it-works"], ["evidence"], ["about"], ["sources"],
                  ["sources", "cherkin-2009"], ["glossary"], ["glossary", "qi"]]
CLINIC = """name: Riverside Clinic
reviewed: 2026-11-25
emergency_number: "112"
urgent_number: "116 117"
corrections: Email fixes@example.org
prices: 45 euros a session
payment: Card or cash
"""


def lines_of(invoke, *args: str) -> list[str]:
    result = invoke(*args)
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()


# -- key points -------------------------------------------------------------------------


@pytest.mark.parametrize("slug", CONDITION_SLUGS)
def test_key_points_come_first_in_every_format(invoke, slug):
    page = json.loads(invoke("condition", slug, "-f", "json").stdout)
    assert page["sections"][0]["id"] == "key-points"
    assert page["sections"][0]["heading"] == "Key points"
    assert 3 <= len(page["sections"][0]["blocks"][0]["items"]) <= 5
    headings = [s["heading"] for s in page["sections"] if s["heading"]]
    for fmt in ("text", "plain"):
        lines = lines_of(invoke, "condition", slug, "-f", fmt)
        shown = [line for line in lines if line in headings]
        assert shown[0] == "Key points", fmt
        # nothing but the title and the summary before it
        before = [line for line in lines[:lines.index("Key points")] if line.strip()]
        assert len(before) <= 4, before
    markdown = invoke("condition", slug, "-f", "markdown").stdout
    assert re.findall(r"(?m)^## (.+)$", markdown)[0] == "Key points"
    html = invoke("condition", slug, "-f", "html").stdout
    assert re.findall(r"<h2[^>]*>([^<]+)</h2>", html)[0] == "Key points"


# -- levels of urgency --------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "plain", "markdown", "html"])
def test_three_levels_most_urgent_first_in_every_format(invoke, fmt):
    out = invoke("condition", "low-back-pain", "-f", fmt).stdout
    where = [out.find(level) for level in LEVELS]
    assert all(found >= 0 for found in where), where
    assert where == sorted(where)


def test_a_condition_needs_emergency_and_same_day_signs(invoke, clinic):
    broken = GOOD.replace("  same_day:", "  x_same_day:")
    folder = clinic("conditions/neck-pain.yaml", broken)
    result = invoke("validate", str(folder))
    assert result.exit_code == 1
    assert "is missing the required field 'same_day'" in result.stdout


def test_without_a_clinic_help_is_worded_for_any_country(invoke):
    out = invoke("condition", "neck-pain", "-f", "plain").stdout
    assert "Call your local emergency number (for example, 911 in the US or 999 in the UK)" \
        in out
    assert "call an urgent medical advice line (for example, NHS 111 in the UK)" in out
    for page in (["condition", "neck-pain"], ["red-flags"], ["safety"]):
        text = invoke(*page, "-f", "plain").stdout
        assert "A&E" not in text, page
        assert "Call 999" not in text and "call 999" not in text, page
        assert text.count("NHS 111") == text.count("for example, NHS 111 in the UK"), page


def test_a_clinics_numbers_are_shown_where_pages_say_get_help(invoke, clinic):
    folder = clinic("clinic.yaml", CLINIC)
    condition = invoke("-d", str(folder), "condition", "neck-pain", "-f", "plain").stdout
    assert "Call 112 or go to the nearest emergency department now" in condition
    assert "If you cannot reach them, call 116 117." in condition
    assert "local emergency number" not in condition
    red_flags = invoke("-d", str(folder), "red-flags", "-f", "plain").stdout
    assert "Call 112" in red_flags and "call 116 117" in red_flags
    assert "local emergency number" not in red_flags
    safety = invoke("-d", str(folder), "safety", "-f", "plain").stdout
    assert "Call 112" in safety
    session = invoke("-d", str(folder), "session", "-f", "plain").stdout
    for detail in ("Prices: 45 euros a session", "Insurance and payment: Card or cash",
                   "In an emergency, call: 112", "For urgent medical advice, call: 116 117"):
        assert detail in session


# -- who checked a page, when, and where to send a correction ----------------------------------


@pytest.mark.parametrize("fmt", ["text", "plain", "markdown", "html"])
@pytest.mark.parametrize("args", REVIEWED_VIEWS, ids=" ".join)
def test_every_page_says_when_and_by_whom_it_was_checked(invoke, args, fmt):
    result = invoke(*args, "-f", fmt)
    assert result.exit_code == 0, result.output
    out = " ".join(re.sub(r"<[^>]+>", " ", result.stdout).split())  # lines wrap in text
    for label in REVIEW_LABELS:
        assert label in out, (label, fmt)
    assert "not yet checked by a named clinician" in out
    assert "tell the clinic or the person who gave you this information" in out


def test_the_text_view_shows_the_last_reviewed_line(invoke):
    lines = lines_of(invoke, "condition", "neck-pain")
    assert "Last reviewed: 25 November 2026" in lines or any(
        re.fullmatch(r"Last reviewed: \d{1,2} [A-Z][a-z]+ \d{4}", line) for line in lines)


def test_review_due_is_a_year_on_unless_the_file_says(invoke, clinic):
    with_dates = GOOD.replace("\nreviewed: ", "\nreview_due: 2027-03-01\n"
                                             "reviewed_by: Dr Ana Ruiz, GP\nreviewed: ")
    with_dates = re.sub(r"(?m)^reviewed: .*$", "reviewed: 2026-09-01", with_dates)
    folder = clinic("conditions/neck-pain.yaml", with_dates)
    page = json.loads(invoke("-d", str(folder), "condition", "neck-pain", "-f", "json").stdout)
    assert page["meta"]["review_due"] == "2027-03-01"
    assert page["meta"]["reviewed_by"] == "Dr Ana Ruiz, GP"
    plain = invoke("-d", str(folder), "condition", "neck-pain", "-f", "plain").stdout
    assert "Review due: 1 March 2027" in plain
    assert "Checked by: Dr Ana Ruiz, GP" in plain
    leap = re.sub(r"(?m)^reviewed: .*$", "reviewed: 2028-02-29", GOOD)
    folder = clinic("conditions/neck-pain.yaml", leap)
    page = json.loads(invoke("-d", str(folder), "condition", "neck-pain", "-f", "json").stdout)
    assert page["meta"]["review_due"] == "2029-02-28"


def test_a_clinics_corrections_are_shown_on_every_page(invoke, clinic):
    folder = clinic("clinic.yaml", CLINIC)
    for args in (["condition", "neck-pain"], ["tips"], ["safety"], ["glossary"]):
        out = invoke("-d", str(folder), *args, "-f", "plain").stdout
        assert "Corrections: Email fixes@example.org" in out, args


def test_a_merged_file_shows_each_folders_reviewer(invoke, clinic):
    folder = clinic("tips.yaml", """reviewed: 2026-12-20
reviewed_by: Sam Lee, physiotherapist
review_due: 2027-01-15
tips:
  - id: walk-after-lunch
    category: movement
    title: Walk after lunch
    text: A short walk after lunch keeps you moving.
""")
    page = json.loads(invoke("-d", str(folder), "tips", "-f", "json").stdout)
    assert page["meta"]["reviewed"] == "2026-12-20", "the latest review"
    assert page["meta"]["review_due"] == "2027-01-15", "the soonest review due"
    assert "Sam Lee, physiotherapist" in page["meta"]["reviewed_by"]
    assert "the acuinfo project team" in page["meta"]["reviewed_by"]


# -- sources -------------------------------------------------------------------------------------


def reading_order(document: dict) -> list[int]:
    """Citation numbers in the order a reader meets them: each section's steps and terms,
    then the section's own list."""
    found: list[int] = []
    for section in document["sections"]:
        for block in section["blocks"]:
            for item in block.get("items", []):
                if isinstance(item, dict):
                    found += item.get("cites", [])
        found += section["cites"]
    return found


@pytest.mark.parametrize("args", [["condition", slug] for slug in CONDITION_SLUGS]
                         + [["tips"], ["tips", "--condition", "neck-pain"], ["session"],
                            ["session", "--what-to-expect"], ["safety"], ["evidence"],
                            ["how-it-works"], ["red-flags"], ["glossary"]], ids=" ".join)
def test_citation_numbers_ascend_in_the_order_they_appear(invoke, args):
    page = json.loads(invoke(*args, "-f", "json").stdout)
    seen = list(dict.fromkeys(reading_order(page)))
    assert seen == list(range(1, len(seen) + 1)), seen
    assert [c["number"] for c in page["citations"]] == list(range(1, len(page["citations"]) + 1))
    assert len(seen) == len(page["citations"]), "every listed source is cited"
    for section in page["sections"]:
        assert section["cites"] == sorted(section["cites"])


def test_the_handout_numbers_sources_in_reading_order(invoke, tmp_path):
    target = tmp_path / "handout.html"
    invoke("handout", "neck-pain", "low-back-pain", "--session", "--tips", "-o", str(target))
    html = target.read_text(encoding="utf-8")
    body = html.split('<ol id="sources">')[0]
    cited = [int(n) for n in re.findall(r'href="#source-(\d+)"', body)]
    assert list(dict.fromkeys(cited)) == list(range(1, len(set(cited)) + 1))


@pytest.mark.parametrize("args", [["sources"], ["condition", "low-back-pain"],
                                  ["sources", "cherkin-2009"]], ids=" ".join)
def test_no_sentence_ends_in_two_full_stops(invoke, args):
    out = invoke(*args, "-f", "plain").stdout
    assert "et al.." not in out
    assert not re.search(r"[^.]\.\.(?!\.)", out), re.findall(r".{30}[^.]\.\.(?!\.).{10}", out)


def test_a_web_page_source_needs_a_checked_date(invoke, clinic):
    folder = clinic("sources.yaml", """reviewed: 2026-11-25
sources:
  - id: some-page
    kind: web page
    authors: Somebody
    title: A page
    published_in: A web site
    url: https://example.org/page
""")
    result = invoke("validate", str(folder))
    assert result.exit_code == 1
    assert "a web page needs 'checked: YYYY-MM-DD'" in result.stdout


def test_a_web_page_citation_says_when_it_was_checked(invoke):
    out = invoke("condition", "neck-pain", "-f", "plain").stdout
    nccih = next(line for line in out.splitlines() if "nccih.nih.gov" in line)
    assert re.search(r"Checked \d{1,2} [A-Z][a-z]+ \d{4}\.", nccih)


def test_an_unrated_condition_says_so(invoke, clinic):
    unrated = re.sub(r"(?m)^  rating: .*\n", "", GOOD)
    folder = clinic("conditions/neck-pain.yaml", unrated)
    page = json.loads(invoke("-d", str(folder), "condition", "neck-pain", "-f", "json").stdout)
    assert "evidence_rating" not in page["meta"]
    text = json.dumps(page)
    assert "Strength of evidence: not rated." in text
    from jsonschema import Draft202012Validator

    schema = json.loads((REPO / "docs" / "document.schema.json").read_text(encoding="utf-8"))
    assert list(Draft202012Validator(schema).iter_errors(page)) == []
