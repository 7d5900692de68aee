"""Names acuinfo must not take for one thing: a name that more than one condition goes
by, and an illness acuinfo has no page on. Also finding glossary terms and tip
categories by the words in them."""

from __future__ import annotations

import html
import json
import re

import pytest
import yaml

from conftest import DATA, TRACEBACK

NECK = (DATA / "conditions" / "neck-pain.yaml").read_text(encoding="utf-8")
NAMES = yaml.safe_load((DATA / "names.yaml").read_text(encoding="utf-8"))
CATEGORY_IDS = [c["id"] for c in yaml.safe_load(
    (DATA / "tips.yaml").read_text(encoding="utf-8"))["categories"]]
ALL_FORMATS = ["text", "plain", "markdown", "html", "json"]


def condition_file(slug: str, title: str, aliases: list[str]) -> str:
    """The neck pain page under another slug, title and aliases."""
    text = re.sub(r"^aliases:\n(?:  - .*\n)+", "aliases: " + json.dumps(aliases) + "\n", NECK,
                  flags=re.MULTILINE)
    assert text != NECK
    return text.replace("slug: neck-pain", f"slug: {slug}").replace(
        "title: Neck pain", f"title: {title}")


def words(text: str) -> str:
    """Output as words, markup and line breaks aside."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>|[*`#]", " ", text)).split())


# -- a name of more than one condition ------------------------------------------------------


@pytest.mark.parametrize("language, name", [("en", "headache"), ("es", "dolor de cabeza"),
                                            ("zh-Hans", "头疼")])
def test_the_note_on_a_name_of_two_conditions_fits_a_terminal(run_script, language, name):
    """The note comes from a knowledge file as one paragraph; in Chinese, one unbroken
    run of wide characters that takes twice as many columns as characters."""
    from rich.cells import cell_len

    result = run_script("--lang", language, "condition", name)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) >= 6, lines
    assert all(cell_len(line) <= 78 for line in lines), lines


@pytest.mark.parametrize("args", [["condition", "pinched nerve"], ["condition", "Trapped Nerve"],
                                  ["condition", "trapped_nerve"],
                                  ["tips", "--condition", "pinched nerve"]])
def test_a_name_of_two_conditions_lists_both_and_exits_2(invoke, args):
    result = invoke(*args)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert "can mean more than one condition" in result.stderr
    assert "  cervical-radiculopathy: Pinched nerve in the neck" in result.stderr
    assert "  sciatica: Sciatica" in result.stderr
    assert "in the neck" in result.stderr and "low in the back" in result.stderr  # the note
    assert "See every condition with: acuinfo conditions" in result.stderr
    assert TRACEBACK not in result.output


def test_a_handout_with_an_ambiguous_name_is_not_written(invoke, tmp_path):
    target = tmp_path / "handout.html"
    result = invoke("handout", "neck-pain", "trapped nerve", "-o", str(target))
    assert result.exit_code == 2
    assert "sciatica" in result.stderr
    assert not target.exists()


def test_the_installed_script_lists_the_choices(run_script):
    result = run_script("condition", "pinched nerve")
    assert result.returncode == 2
    assert "cervical-radiculopathy" in result.stderr and "sciatica" in result.stderr
    assert TRACEBACK not in result.stderr


@pytest.mark.parametrize("name, slug", [("pinched nerve in my neck", "cervical-radiculopathy"),
                                        ("trapped nerve in my back", "sciatica"),
                                        ("cervical-radiculopathy", "cervical-radiculopathy")])
def test_a_fuller_name_still_finds_its_one_condition(invoke, name, slug):
    result = invoke("condition", name, "-f", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["name"] == slug


@pytest.mark.parametrize("name, choices", [("arthritis", ["osteoarthritis"]),
                                           ("headache", ["tension-type-headache", "migraine"]),
                                           ("back pain", ["low-back-pain", "upper-back-pain",
                                                          "sciatica"])])
def test_a_name_listed_as_ambiguous_lists_its_choices(invoke, name, choices):
    result = invoke("condition", name)
    assert result.exit_code == 2
    listed = re.findall(r"^  ([a-z-]+): ", result.stderr, flags=re.MULTILINE)
    assert listed == choices, result.stderr


def test_arthritis_says_osteoarthritis_is_one_kind(invoke):
    err = " ".join(invoke("condition", "arthritis").stderr.split())
    assert "osteoarthritis, the most common kind" in err
    assert "no page on rheumatoid arthritis" in err


# -- an illness acuinfo has no page on ------------------------------------------------------


@pytest.mark.parametrize("name, illness", [
    ("rheumatoid arthritis", "rheumatoid arthritis"),
    ("Rheumatoid Arthritus", "rheumatoid arthritis"), ("RA", "rheumatoid arthritis"),
    ("gout", "gout"), ("lupus", "lupus"),
    ("multiple sclerosis", "multiple sclerosis"), ("cancer pain", "cancer"),
    ("bowel cancer", "cancer"), ("osteoporosis", "osteoporosis"),
])
def test_an_illness_without_a_page_says_so_and_suggests_no_other(invoke, name, illness):
    result = invoke("condition", name)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"acuinfo: there is no page on {illness}.\n")
    assert "Did you mean" not in result.stderr
    assert "osteoarthritis" not in result.stderr.lower()
    assert "acuinfo conditions" in result.stderr


def test_a_misspelled_condition_still_gets_suggestions(invoke):
    result = invoke("condition", "osteoarthritus")
    assert result.exit_code == 2
    assert "Did you mean: osteoarthritis" in result.stderr


def test_every_illness_without_a_page_says_whom_to_ask():
    for illness in NAMES["not_covered"]:
        assert re.search(r"\b(doctor|team|specialist|physiotherapist)\b", illness["note"]), illness


def test_a_clinic_adds_and_changes_names(invoke, clinic):
    folder = clinic("names.yaml", """\
reviewed: 2026-12-01
ambiguous:
  - name: sore joints
    conditions: [osteoarthritis, fibromyalgia]
    note: Sore joints can come from wear and tear, or from a pain condition.
not_covered:
  - name: shingles
    note: Ask your doctor about pain after shingles.
  - name: Gout
    note: Please see your own doctor about gout before you book.
""")

    def err(name: str) -> str:
        result = invoke("-d", str(folder), "condition", name)
        assert result.exit_code == 2
        return " ".join(result.stderr.split())

    assert "fibromyalgia: Fibromyalgia" in err("sore joints")
    assert "osteoarthritis: Osteoarthritis" in err("sore joints")
    assert "no page on shingles. Ask your doctor" in err("shingles")
    assert "before you book" in err("gout")  # the clinic's entry replaces the built-in one
    assert "no page on lupus" in err("lupus")  # the built-in ones still count
    assert "sciatica: Sciatica" in err("pinched nerve")


def test_a_clinics_own_page_on_an_illness_is_shown(invoke, clinic):
    folder = clinic("conditions/gout.yaml", condition_file("gout", "Gout", ["gouty arthritis"]))
    for name in ("gout", "gouty arthritis"):
        result = invoke("-d", str(folder), "condition", name)
        assert result.exit_code == 0, result.output
        assert result.stdout.startswith("Gout\n")
    found = invoke("-d", str(folder), "search", "gout", "-f", "json")
    assert "no page on gout" not in found.stdout
    assert json.loads(found.stdout)["items"][0]["command"] == "acuinfo condition gout"


def test_an_alias_two_conditions_give_is_ambiguous_and_validate_names_it(invoke, clinic):
    folder = clinic("conditions/desk-neck.yaml",
                    condition_file("desk-neck", "Desk neck", ["stiff neck", "screen neck"]))
    result = invoke("-d", str(folder), "condition", "stiff neck")
    assert result.exit_code == 2
    assert "desk-neck: Desk neck" in result.stderr and "neck-pain: Neck pain" in result.stderr
    assert invoke("-d", str(folder), "condition", "screen neck").exit_code == 0

    report = invoke("validate", str(folder))
    assert report.exit_code == 0, "a warning: the clinic may mean it"
    assert re.search(r"desk-neck\.yaml:\d+:\d+: warning: 'stiff neck' is also a name of "
                     r"neck-pain \(\S+/conditions/neck-pain\.yaml\) \(list it under "
                     r"'ambiguous' in names\.yaml", report.stdout), report.stdout
    assert "1 warning" in report.stdout
    assert "screen neck" not in report.stdout

    clinic("names.yaml", """\
reviewed: 2026-12-01
ambiguous:
  - name: stiff neck
    conditions: [neck-pain, desk-neck]
""")
    report = invoke("validate", str(folder))
    assert report.exit_code == 0, report.stdout
    assert "warning" not in report.stdout
    result = invoke("-d", str(folder), "condition", "stiff neck")
    assert result.exit_code == 2
    assert re.findall(r"^  ([a-z-]+): ", result.stderr, flags=re.MULTILINE) == [
        "neck-pain", "desk-neck"]


def test_a_title_outranks_another_conditions_alias(invoke, clinic):
    """Jaw pain has "jaw ache" as an alias; a clinic's page called "Jaw ache" is what
    the name means, and validate finds nothing wrong."""
    folder = clinic("conditions/jaw-ache.yaml", condition_file("jaw-ache", "Jaw ache", []))
    result = invoke("-d", str(folder), "condition", "jaw ache")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Jaw ache\n")
    assert invoke("condition", "jaw ache").stdout.startswith("Jaw pain (TMD)\n")
    assert invoke("validate", str(folder)).exit_code == 0


def test_the_built_in_names_are_checked_by_validate(invoke, clinic):
    folder = clinic("names.yaml", """\
reviewed: 2026-12-01
ambiguous:
  - name: sore back
    conditions: [low-back-pain, no-such-condition]
not_covered:
  - name: shingles
""")
    report = invoke("validate", str(folder))
    assert report.exit_code == 1
    assert "unknown condition 'no-such-condition'" in report.stdout
    assert "note" in report.stdout


# -- search ---------------------------------------------------------------------------------


def search(invoke, *words: str, fmt: str = "json", folder=None):
    front = ["-d", str(folder)] if folder else []
    result = invoke(*front, "search", *words, "-f", fmt)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout) if fmt == "json" else result.stdout


def test_search_for_an_ambiguous_name_lists_the_choices_first(invoke):
    page = search(invoke, "I", "have", "a", "trapped", "nerve")
    first = page["sections"][0]
    assert first["id"] == "ambiguous"
    assert [step["command"] for step in first["blocks"][-1]["items"]] == [
        "acuinfo condition cervical-radiculopathy", "acuinfo condition sciatica"]
    assert {item["command"] for item in page["items"][:2]} == {
        "acuinfo condition cervical-radiculopathy", "acuinfo condition sciatica"}


def test_a_longer_query_with_an_ambiguous_name_in_it_is_just_searched(invoke):
    page = search(invoke, "pinched", "nerve", "in", "my", "back")
    assert "ambiguous" not in [s["id"] for s in page["sections"]]
    assert page["items"][0]["command"] == "acuinfo condition sciatica"


@pytest.mark.parametrize("fmt", ALL_FORMATS)
def test_search_for_an_illness_without_a_page_says_so_in_every_format(invoke, fmt):
    out = search(invoke, "rheumatoid", "arthritis", fmt=fmt)
    text = words(json.dumps(out) if fmt == "json" else out)
    assert "acuinfo has no page on rheumatoid arthritis" in text
    assert "rheumatologist" in text
    assert "acuinfo condition osteoarthritis" not in text
    assert "acuinfo glossary inflammatory-arthritis" in text  # it mentions the illness


def test_an_illness_in_a_longer_query_is_found_only_whole(invoke):
    page = search(invoke, "rheumatoid", "arthritis", "in", "my", "neck")
    assert page["sections"][0]["id"] == "not-covered"
    commands = [item["command"] for item in page["items"]]
    assert "acuinfo condition osteoarthritis" not in commands
    assert "acuinfo red-flags" in commands[:3]  # the neck pain signs to act on, with it
    assert all("rheumatoid" in item["snippet"] for item in page["items"][:3])


def test_a_short_name_counts_only_on_its_own(invoke):
    assert search(invoke, "MS")["sections"][0]["id"] == "not-covered"
    page = search(invoke, "ms", "and", "neck", "pain")  # not read as "multiple sclerosis"
    assert "not-covered" not in [s["id"] for s in page["sections"]]


@pytest.mark.parametrize("fmt", ALL_FORMATS)
@pytest.mark.parametrize("query", ["cupping", "bowel cancer", "zzqxv"])
def test_a_search_that_finds_nothing_gives_next_steps_in_every_format(invoke, fmt, query):
    out = search(invoke, *query.split(), fmt=fmt)
    text = words(json.dumps(out) if fmt == "json" else out)
    assert "acuinfo conditions" in text
    assert "Ask your practitioner or your doctor" in text
    if query == "bowel cancer":
        assert "acuinfo has no page on cancer" in text
    else:
        assert f'Nothing in acuinfo matched \\"{query}\\"' in text if fmt == "json" else (
            f'Nothing in acuinfo matched "{query}"' in text)
    if fmt == "json":
        assert out["items"] == []
        assert [s["id"] for s in out["sections"]][-1] == "next-steps"


def test_words_that_find_nothing_are_named_beside_what_the_others_find(invoke):
    page = search(invoke, "cupping", "for", "back", "pain")
    assert page["items"][0]["command"] == "acuinfo condition low-back-pain"
    text = words(json.dumps(page))
    assert 'Nothing in acuinfo mentions \\"cupping\\"' in text
    assert 'about \\"cupping\\"' in text


@pytest.mark.parametrize("query, command", [
    ("slippeddisc", "acuinfo condition herniated-disc"),
    ("frozenshoulder", "acuinfo condition shoulder-pain"),
    ("tensionheadache", "acuinfo condition tension-type-headache"),
])
def test_words_run_together_get_the_name_they_spell_as_the_closest_topic(invoke, query, command):
    page = search(invoke, query)
    assert page["items"] == []
    closest = next(s for s in page["sections"] if s["id"] == "closest")
    shown = [step["command"] for step in closest["blocks"][0]["items"]]
    assert shown[0] == command
    assert "acuinfo glossary emergency-department" not in shown  # "er" is in it by chance
    assert page["sections"][-1]["id"] == "next-steps"


# -- glossary terms and tip categories by their words ---------------------------------------


def terms(invoke, word: str) -> list[str]:
    result = invoke("glossary", word, "-f", "json")
    assert result.exit_code == 0, result.output
    return [item["term"] for item in json.loads(result.stdout)["sections"][0]["blocks"][0]["items"]]


def test_a_glossary_word_finds_the_terms_with_it_in_their_name(invoke):
    assert terms(invoke, "sham") == ["Sham acupuncture"]
    assert terms(invoke, "sham needling") == ["Sham acupuncture"]
    assert terms(invoke, "qi") == ["Qi"]  # the term it names, not every term holding it
    assert terms(invoke, "what is qi") == ["Qi"]
    needles = terms(invoke, "needle")
    assert {"Sterile single-use needle", "De qi"} <= set(needles)
    assert terms(invoke, "needles") == needles


def test_several_glossary_terms_say_how_many(invoke):
    page = json.loads(invoke("glossary", "needle", "-f", "json").stdout)
    assert page["summary"].startswith(f"{len(terms(invoke, 'needle'))} terms have")
    assert page["name"] is None


def test_an_unknown_tip_category_suggests_and_lists_every_id(invoke):
    result = invoke("tips", "--category", "sleep")
    assert result.exit_code == 2
    assert "Did you mean: sleep-and-stress?" in result.stderr
    listed = " ".join(result.stderr.split())
    assert "A tip category is one of: " + ", ".join(CATEGORY_IDS) + "." in listed
    other = invoke("tips", "--category", "exercise")
    assert other.exit_code == 2
    assert "Did you mean" not in other.stderr
    assert "movement" in other.stderr


@pytest.mark.parametrize("name, close", [("stretching", "movement"), ("movment", "movement"),
                                         ("help", "when-to-get-help")])
def test_a_tip_category_is_suggested_by_its_words_or_spelling(invoke, name, close):
    result = invoke("tips", "--category", name)
    assert result.exit_code == 2
    assert re.search(rf"Did you mean: [a-z, -]*\b{close}\b", result.stderr), result.stderr


@pytest.mark.parametrize("args", [
    ["search", "pinched", "nerve"], ["search", "rheumatoid", "arthritis"], ["search", "cupping"],
    ["search", "cupping", "for", "back", "pain"], ["search", "slippeddisc"], ["glossary", "needle"],
])
def test_these_pages_match_the_json_schema(invoke, args):
    from jsonschema import Draft202012Validator

    from conftest import REPO

    schema = json.loads((REPO / "docs" / "document.schema.json").read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    result = invoke(*args, "-f", "json")
    assert result.exit_code == 0, result.output
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
              for e in validator.iter_errors(json.loads(result.stdout))]
    assert errors == []


def test_which_names_every_condition_a_shared_name_stands_for(run_script):
    result = run_script("which", "pinched nerve", "-f", "plain")
    assert result.returncode == 0, result.stderr
    assert "condition cervical-radiculopathy (pinched nerve)" in result.stdout
    assert "condition sciatica (pinched nerve)" in result.stdout


@pytest.mark.parametrize("language, name, offered, never", [
    ("es", "dolor de rodilla", [], ["jaw-pain", "pelvic-girdle-pain", "neck-pain"]),
    ("en", "knee pain", ["osteoarthritis"], []),
    ("en", "nek pain", ["neck-pain"], ["pelvic-girdle-pain"]),
    ("es", "dolor de cuelo", ["neck-pain"], []),
])
def test_a_name_is_offered_for_the_words_that_tell_names_apart(invoke, language, name,
                                                               offered, never):
    """"Did you mean" offers a name spelled like the one given in its telling words, not
    one that only shares "dolor de" or "pain" with it: the knee is not the jaw."""
    result = invoke("--lang", language, "condition", name)
    assert result.exit_code == 2, result.output
    said = result.stderr
    for slug in offered:
        assert slug in said, said
    for slug in never:
        assert slug not in said, said


def test_a_long_line_of_a_message_keeps_its_indent_when_it_is_wrapped():
    from acuinfo.cli.app import _fitted

    lines = _fitted("acuinfo: a name.\n  some-condition: " + "A very long title " * 8, 40)
    assert lines[0] == "acuinfo: a name."
    assert len(lines) > 3 and all(line.startswith("  ") and len(line) <= 40
                                  for line in lines[1:])


@pytest.mark.parametrize("language, name, offered", [
    ("es", "dolor de cuelo", "neck-pain (Dolor de cuello)"),
    ("zh-Hans", "偏头疼痛", "migraine (偏头痛)"),
    ("en", "pinched nerv", "cervical-radiculopathy (Pinched nerve in the neck"),
])
def test_a_name_offered_says_what_it_is_in_the_reader_s_words(invoke, language, name, offered):
    """A name to type, with its title beside it where the title says more: neck-pain is
    Dolor de cuello to a Spanish reader, and cervical-radiculopathy a pinched nerve."""
    result = invoke("--lang", language, "condition", name)
    assert result.exit_code == 2, result.output
    assert offered in result.stderr


def test_a_name_offered_is_not_followed_by_its_own_words_again(invoke):
    result = invoke("condition", "nek pain")
    assert "neck-pain" in result.stderr and "neck-pain (Neck pain)" not in result.stderr
