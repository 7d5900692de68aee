"""acuinfo search: the words patients really type find the right page; the index is
cached, kept fresh and never trusted when broken; shell completion uses it too."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from conftest import CONDITION_SLUGS, DATA, TRACEBACK, script_path
from search_queries import QUERIES

GOOD = (DATA / "conditions" / "neck-pain.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("query, expected", QUERIES, ids=[q for q, _ in QUERIES])
def test_patient_query_finds_the_page_in_the_top_three(invoke, request, query, expected):
    page = json.loads(invoke("search", *query.split(), "--limit", "3", "-f", "json").stdout)
    commands = [item["command"] for item in page["items"]]
    hit = bool(expected & set(commands))
    request.config.stash.setdefault("search_hits", []).append(hit)
    assert hit, f"{query!r} gave {commands}"


def test_there_are_enough_realistic_queries():
    assert len(QUERIES) >= 100


def test_json_results_have_the_documented_fields(invoke):
    result = invoke("search", "stiff", "neck", "--format", "json")
    assert result.exit_code == 0
    items = json.loads(result.stdout)["items"]
    assert 1 <= len(items) <= 10
    for item in items:
        assert {"kind", "name", "title", "command", "score", "snippet"} <= set(item)
        assert item["command"].startswith("acuinfo ")
    assert items[0]["name"] == "neck-pain"
    assert [i["score"] for i in items] == sorted((i["score"] for i in items), reverse=True)


def test_text_results_show_snippet_and_command(invoke):
    result = invoke("search", "bulging", "disc")
    assert result.exit_code == 0
    assert "acuinfo condition herniated-disc" in result.stdout
    assert "Herniated disc" in result.stdout


def test_limit(invoke):
    items = json.loads(invoke("search", "pain", "--limit", "2", "-f", "json").stdout)["items"]
    assert len(items) == 2
    assert invoke("search", "pain", "--limit", "0").exit_code == 2


def test_no_match_is_not_a_dead_end(invoke):
    result = invoke("search", "zzqxv")
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    assert 'Nothing in acuinfo matched "zzqxv"' in text
    assert "acuinfo conditions" in text
    assert "Ask your practitioner or your doctor" in text


def test_every_command_that_takes_a_name_suggests(invoke):
    for args, suggestion in [(["condition", "sciatca"], "sciatica"),
                             (["tips", "--condition", "migrane"], "migraine"),
                             (["glossary", "meridan"], "meridian"),
                             (["sources", "vickers-2019"], "vickers-2018")]:
        result = invoke(*args)
        assert result.exit_code == 2, args
        assert f"Did you mean: {suggestion}" in result.stderr, result.stderr
        assert "acuinfo search" in result.stderr


def cache_files(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache").glob("index-*.sqlite"))


def test_index_is_cached_in_the_cache_folder(invoke, tmp_path):
    invoke("search", "neck")
    (index,) = cache_files(tmp_path)
    before = index.stat().st_mtime_ns
    invoke("search", "back")
    assert index.stat().st_mtime_ns == before, "an unchanged knowledge base was re-indexed"


def test_index_follows_add_edit_and_delete(invoke, clinic, tmp_path):
    folder = clinic("conditions/jaw-pain.yaml", GOOD.replace("slug: neck-pain", "slug: jaw-pain")
                    .replace("title: Neck pain", "title: Jaw pain"))
    target = folder / "conditions" / "jaw-pain.yaml"

    def top(query: str) -> str:
        page = json.loads(invoke("-d", str(folder), "search", query, "-f", "json").stdout)
        return page["items"][0]["title"] if page["items"] else ""

    assert top("jaw pain") == "Jaw pain"
    target.write_text(target.read_text().replace("title: Jaw pain", "title: Clicking jaw"))
    os.utime(target, ns=(1, 1))  # a different time even on coarse file systems
    assert top("clicking jaw") == "Clicking jaw"
    target.unlink()
    assert top("clicking jaw") != "Clicking jaw"


@pytest.mark.parametrize("damage", [b"", b"not a database at all",
                                    b"SQLite format 3\x00" + b"\xff" * 200])
def test_corrupt_index_is_rebuilt(invoke, tmp_path, damage):
    invoke("search", "neck")
    (index,) = cache_files(tmp_path)
    index.write_bytes(damage)
    result = invoke("search", "stiff", "neck", "-f", "json")
    assert result.exit_code == 0
    assert result.stderr == ""
    assert json.loads(result.stdout)["items"][0]["name"] == "neck-pain"


def test_unwritable_cache_still_searches(invoke, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    result = invoke("search", "stiff", "neck", env={"ACUINFO_CACHE_DIR": str(blocker / "c")})
    assert result.exit_code == 0
    assert "acuinfo condition neck-pain" in result.stdout


def complete(words: str, shell: str = "bash", env: dict | None = None) -> str:
    variables = {**os.environ, "_ACUINFO_COMPLETE": f"complete_{shell}", **(env or {})}
    if shell == "bash":
        variables.update(COMP_WORDS=words, COMP_CWORD=str(len(words.split()) - 1))
    else:
        variables["_TYPER_COMPLETE_ARGS"] = words
        variables["_TYPER_COMPLETE_FISH_ACTION"] = "get-args"
    result = subprocess.run([script_path()], capture_output=True, text=True, env=variables)
    assert TRACEBACK not in result.stderr
    return result.stdout


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_of_a_partial_condition_name(shell):
    assert "neck-pain" in complete("acuinfo condition ne", shell)
    assert "low-back-pain" not in complete("acuinfo condition ne", shell)


def test_completion_of_commands_options_and_other_names():
    assert complete("acuinfo con").split() == ["condition", "conditions"]
    assert "--what-to-expect" in complete("acuinfo session --w")
    assert complete("acuinfo tips --category mov").split() == ["movement"]
    assert "meridian" in complete("acuinfo glossary mer")
    assert "vickers-2018" in complete("acuinfo sources vick")


def test_completion_includes_a_clinic_condition(clinic):
    folder = clinic("conditions/jaw-pain.yaml", GOOD.replace("slug: neck-pain", "slug: jaw-pain"))
    assert "jaw-pain" in complete(f"acuinfo --data-dir {folder} condition ja")
    assert "jaw-pain" in complete("acuinfo condition ja", env={"ACUINFO_DATA_PATH": str(folder)})


@pytest.mark.parametrize("shell, installed", [("bash", ".bash_completions/acuinfo.sh"),
                                              ("zsh", ".zfunc/_acuinfo"),
                                              ("fish", ".config/fish/completions/acuinfo.fish")])
def test_install_completion(tmp_path, shell, installed):
    """The shell is detected from the parent process, so start acuinfo from one named so."""
    parent = tmp_path / shell
    parent.symlink_to("/bin/bash")
    result = subprocess.run([str(parent), "-c", f"{script_path()} --install-completion; true"],
                            capture_output=True, text=True,
                            env={**os.environ, "HOME": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert f"{shell} completion installed" in result.stdout
    script = (tmp_path / installed).read_text()
    assert "_ACUINFO_COMPLETE" in script


def test_words_in_half_the_entries_or_more_do_not_pick_candidates():
    """BM25 gives such a word no weight, so candidates come from the query's other words;
    a query made only of such words still finds by them."""
    from acuinfo.finding import index
    from acuinfo.finding.ranking import _candidate_match, search
    from acuinfo.knowledge.loading import Knowledge, folders_in_use

    connection = index.open_index(Knowledge(folders_in_use(())))
    (entries,) = connection.execute("SELECT max(id) FROM entries").fetchone()

    def share(word: str) -> float:
        (found,) = connection.execute("SELECT count(*) FROM words WHERE words MATCH ?",
                                      (f'"{word}"',)).fetchone()
        return found / entries

    common = next(w for w in ("the", "and", "you", "your", "pain", "can") if share(w) >= 0.5)
    assert share("sciatica") < 0.5
    assert _candidate_match(connection, [[common], ["sciatica"]]) == '"sciatica"'
    assert _candidate_match(connection, [[common]]) == f'"{common}"'
    assert "sciatica" in [hit.name for hit in search(connection, f"{common} sciatica", 3)]


@pytest.mark.parametrize("words", [[""], ["   "], ["!!!", "?"]])
def test_an_empty_query_is_a_usage_error(run_script, words):
    result = run_script("search", *words)
    assert result.returncode == 2
    assert "give some words to search for" in result.stderr
    assert result.stdout == ""


# -- the section that holds the answer, and the condition a name names ------------------------


@pytest.fixture(scope="module")
def built_in(tmp_path_factory):
    """The index of the built-in knowledge, to rank many queries in one process."""
    from acuinfo.finding import index
    from acuinfo.knowledge.folders import builtin_folder
    from acuinfo.knowledge.loading import Knowledge

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ACUINFO_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        connection = index.open_index(Knowledge([builtin_folder()]))
        yield connection
        connection.close()


POINTER = re.compile(r"\b(run|type)\b:?\s+\"?acuinfo\s", re.IGNORECASE)


def test_no_indexed_text_only_points_to_another_command(built_in):
    bodies = [body for (body,) in built_in.execute("SELECT body FROM words")]
    assert any("acuinfo" in body for body in bodies), "the check would find nothing to check"
    for body in bodies:
        assert not POINTER.search(body), body


def test_every_page_section_holds_more_than_a_pointer():
    """A section that only says where the answer is would be a heading with no answer."""
    from acuinfo.finding.entries import content as _content
    from acuinfo.knowledge.folders import builtin_folder
    from acuinfo.knowledge.loading import Knowledge

    knowledge = Knowledge([builtin_folder()])
    for page in knowledge.pages():
        for section in page.sections:
            assert _content(section.text) or section.points, (page.id, section.heading)
    for tip in knowledge.tips().tips:
        assert _content(tip.text), tip.id
    assert _content('Run "acuinfo red-flags" to see them.') == ""
    assert _content('Rest. (Run "acuinfo costs" for more.)') == "Rest."


@pytest.mark.parametrize("query, command, words", [
    ("pregnant", {"acuinfo safety", "acuinfo special-groups"}, "pregnant"),
    ("blood thinners", {"acuinfo safety"}, "blood thinners"),
    ("is it safe", {"acuinfo safety"}, "low-risk"),
    ("needle phobia", {"acuinfo needle-fear"}, "fear of needles"),
])
def test_the_section_that_holds_the_answer_comes_first(invoke, query, command, words):
    items = json.loads(invoke("search", *query.split(), "-f", "json").stdout)["items"]
    assert items[0]["command"] in command, items[0]
    assert words in items[0]["snippet"].lower(), items[0]
    for item in items:
        assert not POINTER.search(item["snippet"]), item


def test_a_page_keyword_finds_the_section_that_holds_it(invoke, clinic):
    folder = clinic("pages/getting-here.yaml", """\
id: getting-here
title: Getting to the clinic
summary: How to reach us.
reviewed: 2026-12-01
sections:
  - heading: Parking
    text: There is a car park behind the clinic.
  - heading: By bike
    text: Lock your bicycle to the rails by the door.
  - heading: More
    text: Run "acuinfo costs" for the prices.
keywords: [car park, bicycle, directions]
""")

    def top(query: str) -> dict:
        return json.loads(invoke("-d", str(folder), "search", query, "-f", "json").stdout)["items"]

    assert top("bicycle")[0]["title"] == "Getting to the clinic: By bike"
    assert top("car park")[0]["title"] == "Getting to the clinic: Parking"
    assert top("directions")[0]["title"] == "Getting to the clinic"  # held by no section
    assert all("getting-here" not in item["command"] for item in top("prices"))


def condition_names() -> list[tuple[str, str]]:
    import yaml

    found = []
    for slug in CONDITION_SLUGS:
        data = yaml.safe_load((DATA / "conditions" / f"{slug}.yaml").read_text(encoding="utf-8"))
        found += [(name, slug) for name in [data["title"], *data.get("aliases", [])]]
    return found


def test_a_conditions_own_name_finds_it_first(built_in):
    """Every condition's title and alias finds that condition above any page that only
    mentions it; a name that several conditions answer to finds all of them first."""
    from acuinfo.base.words import phrase_key
    from acuinfo.finding.ranking import search

    names = condition_names()
    claims: dict[str, set[str]] = {}
    for name, slug in names:
        claims.setdefault(phrase_key(name), set()).add(slug)
    assert len(names) > 100
    for name, _ in names:
        owners = claims[phrase_key(name)]
        top = [(hit.kind, hit.name) for hit in search(built_in, name, len(owners))]
        assert top and {n for _, n in top} == owners and {k for k, _ in top} == {"condition"}, (
            name, top)


def test_sciatica_shows_the_condition_before_the_evidence_section(invoke):
    items = json.loads(invoke("search", "sciatica", "-f", "json").stdout)["items"]
    assert items[0]["command"] == "acuinfo condition sciatica"
    assert "acuinfo evidence" in [item["command"] for item in items]


def test_a_word_in_an_entrys_names_counts_more_than_one_in_its_text(invoke, clinic):
    """BM25 weighs the names an entry goes by above its text: a section headed by the
    word ranks above one whose text only mentions it."""
    folder = clinic("pages/steady.yaml", """\
id: steady
title: Keeping steady
summary: Small habits that help your balance.
reviewed: 2026-12-01
sections:
  - heading: Balance
    text: A wobble board can help your balance, a minute or two at a time.
  - heading: Wobble boards
    text: Stand on one for a minute a day, next to a wall you can hold.
""")
    items = json.loads(invoke("-d", str(folder), "search", "wobble", "-f", "json").stdout)["items"]
    # one hit for the page's command: the best of its entries
    assert [item["title"] for item in items if item["command"] == "acuinfo steady"] == [
        "Keeping steady: Wobble boards"]
