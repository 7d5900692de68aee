"""Property tests: any YAML a clinic could write and any name a person could type gives
exit status 0, 1 or 2, no traceback, and no escape sequence that came from the data."""

from __future__ import annotations

import string

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import TRACEBACK

FIELDS = ["slug", "title", "summary", "reviewed", "what_it_is", "how_common", "symptoms",
          "causes", "acupuncture", "evidence", "course", "other_options", "self_care",
          "red_flags", "related", "aliases", "rating", "sources", "weird", "key_points",
          "emergency", "same_day", "see_doctor", "review_due", "reviewed_by"]
NASTY = st.sampled_from(["\x1b[31m", "\x1b]8;;http://x\x07", "\x07", "\x9b2J", "[bold]", "\u202e",
                         "\x00", "&a", "*a", "!!python/object", "{", "- ", ": ", "\t", "\ufeff"])
TEXT = st.one_of(st.text(max_size=30), NASTY, st.text(alphabet=string.printable, max_size=30))
SCALARS = st.one_of(TEXT, st.integers(), st.booleans(), st.none(), st.dates(), st.floats())
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(FIELDS), inner, max_size=5)),
    max_leaves=20)
DOCUMENTS = st.one_of(
    st.dictionaries(st.sampled_from(FIELDS), VALUES, max_size=12).map(
        lambda d: yaml.safe_dump(d, allow_unicode=True)),
    st.text(max_size=200),
)
SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


def no_data_escapes(output: str) -> bool:
    return "\x1b" not in output and "\x07" not in output and "\x9b" not in output


@SETTINGS
@given(document=DOCUMENTS)
def test_any_condition_file(invoke, clinic, document):
    folder = clinic("conditions/neck-pain.yaml", document)
    for args in (["condition", "neck-pain"], ["conditions"], ["validate", str(folder)]):
        result = invoke("-d", str(folder), *args)
        assert result.exit_code in (0, 1, 2)
        assert TRACEBACK not in result.output
        assert no_data_escapes(result.output)


@SETTINGS
@given(document=DOCUMENTS)
def test_any_tips_file(invoke, clinic, document):
    folder = clinic("tips.yaml", document)
    result = invoke("-d", str(folder), "tips")
    assert result.exit_code in (0, 1, 2)
    assert TRACEBACK not in result.output
    assert no_data_escapes(result.output)


@SETTINGS
@given(name=st.one_of(st.text(max_size=300), NASTY, st.text(alphabet="./-_ ", max_size=20)))
def test_any_name(invoke, name):
    for args in (["condition", name], ["tips", "--condition", name], ["glossary", name],
                 ["sources", name]):
        result = invoke(*args)
        assert result.exit_code in (0, 1, 2)
        assert TRACEBACK not in result.output
        assert "\x1b" not in result.stderr
