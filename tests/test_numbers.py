"""Numbers in knowledge files: identifiers stay as written, numbers are checked, and no
size of number crashes a view."""

from __future__ import annotations

import pytest

from conftest import TRACEBACK

SOURCE = """reviewed: 2026-11-25
sources:
  - id: smith-2024
    kind: trial
    authors: Smith A
    title: A trial
    published_in: J Test 2024
    url: https://example.org/smith
{extra}
"""


def source_folder(clinic, extra: str):
    return clinic("sources/extra.yaml", SOURCE.format(extra=extra))


@pytest.mark.parametrize("written", ["0123", "22965186", "'0123'"])
def test_an_identifier_is_kept_as_written(run_script, clinic, written):
    folder = source_folder(clinic, f"    pmid: {written}")
    result = run_script("-d", str(folder), "sources", "smith-2024")
    assert result.returncode == 0, result.stderr
    assert f"PMID {written.strip(chr(39))}" in result.stdout


@pytest.mark.parametrize("written", ["0x1F", "1:30", "0b1010", "1_000", "12.5",
                                     "1:" + ":".join(["59"] * 1700)])
def test_a_number_form_is_not_an_identifier(run_script, clinic, written):
    """YAML 1.1 reads these as numbers (31, 90, 10, 1000, 12.5, a huge base-60 one); an
    identifier made of them is refused with its line, never turned into other digits."""
    folder = source_folder(clinic, f"    pmid: {written}")
    result = run_script("validate", str(folder))
    assert result.returncode == 1
    assert TRACEBACK not in result.stderr
    line = SOURCE.format(extra="").count("\n") + 1 - 1
    assert f"extra.yaml:{line}:5: sources[0].pmid '{written[:20]}" in result.stdout
    assert "must be digits only" in result.stdout


@pytest.mark.parametrize("written, message", [
    ("0x" + "F" * 4000, "sources[0].year must be a whole number, not text"),
    ("9" * 4000, "sources[0].year must be a whole number, not text"),
    ("0123", "sources[0].year must be a whole number, not text"),
    ("99999", "sources[0].year is 99999, outside 1800 to 2100"),
    ("-5", "sources[0].year is -5, outside 1800 to 2100"),
])
def test_a_year_is_a_plain_number_in_range(run_script, clinic, written, message):
    folder = source_folder(clinic, f"    year: {written}")
    line = SOURCE.format(extra="").count("\n")
    result = run_script("validate", str(folder))
    assert result.returncode == 1
    assert f"extra.yaml:{line}:5: {message}" in result.stdout
    for args, status in ((["sources"], 1), (["sources", "smith-2024"], 2),
                         (["condition", "neck-pain"], 1)):  # the page cites sources
        shown = run_script("-d", str(folder), *args)
        assert TRACEBACK not in shown.stderr, args
        assert shown.returncode == status, args
        if status:
            assert message in shown.stderr, "the broken file is named"


def test_web_addresses_must_be_https_as_the_rule_says(run_script, clinic):
    folder = clinic("sources/extra.yaml", SOURCE.format(extra="").replace(
        "https://example.org/smith", "http://example.org/smith"))
    result = run_script("validate", str(folder))
    assert result.returncode == 1
    assert "'http://example.org/smith' is not a web address (it must start with https://)" \
        in result.stdout
