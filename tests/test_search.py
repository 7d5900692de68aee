"""acuinfo search: the words patients really type find the right page; the index is
cached, kept fresh and never trusted when broken; shell completion uses it too."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from conftest import DATA, TRACEBACK, script_path
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
    assert len(QUERIES) >= 40


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
    assert "Nothing matched" in text
    assert "acuinfo conditions" in text


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
    from acuinfo import index
    from acuinfo.knowledge import Knowledge, folders_in_use
    from acuinfo.search import _candidate_match, search

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
