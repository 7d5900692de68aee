"""The cached index behind lists and search follows every change to the knowledge files."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import pytest
from rich.cells import cell_len

from conftest import CONDITION_SLUGS, DATA

NECK = (DATA / "conditions" / "neck-pain.yaml").read_text(encoding="utf-8")


def condition(slug: str, title: str) -> str:
    return NECK.replace("slug: neck-pain", f"slug: {slug}").replace(
        "title: Neck pain", f"title: {title}")


@pytest.fixture
def listed(invoke, clinic):
    """The clinic folder, and a function listing its conditions as a person sees them."""
    folder = clinic("conditions/jaw-ache.yaml", condition("jaw-ache", "Jaw ache"))

    def conditions() -> str:
        result = invoke("-d", str(folder), "conditions")
        assert result.exit_code == 0, result.output
        return result.stdout

    return folder, conditions


def test_added_file_is_listed(listed):
    folder, conditions = listed
    assert "Jaw ache" in conditions()
    (folder / "conditions" / "hip-ache.yaml").write_text(condition("hip-ache", "Hip ache"))
    assert "Hip ache" in conditions()


def test_removed_file_is_not_listed(listed):
    folder, conditions = listed
    assert "Jaw ache" in conditions()
    (folder / "conditions" / "jaw-ache.yaml").unlink()
    assert "Jaw ache" not in conditions()


def test_edit_in_place_with_the_same_size_is_seen(listed):
    folder, conditions = listed
    target = folder / "conditions" / "jaw-ache.yaml"
    before = os.stat(target)
    assert "Jaw ache" in conditions()
    with open(target, "r+", encoding="utf-8") as handle:  # same file, same size
        text = handle.read()
        handle.seek(0)
        handle.write(text.replace("title: Jaw ache", "title: Jaw pain"))
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns + 1))
    assert os.stat(target).st_ino == before.st_ino
    shown = conditions()
    assert "Jaw pain" in shown
    assert "Jaw ache" not in shown


@pytest.mark.parametrize("damage", [
    "UPDATE marshalled SET format = -1",  # written by a Python with another marshal format
    "UPDATE marshalled SET value = x'00ff'",  # not marshal data
    "UPDATE marshalled SET value = x'e9'",  # cut short
])
def test_list_is_the_same_when_its_stored_copy_cannot_be_read(invoke, tmp_path, damage):
    before = invoke("conditions").stdout
    assert "Neck pain" in before
    (index_file,) = (tmp_path / "cache").glob("index-*.sqlite")
    with sqlite3.connect(index_file) as connection:
        connection.execute(damage)
    connection.close()
    assert invoke("conditions").stdout == before


@pytest.fixture
def odd_titles(clinic):
    folder = clinic("conditions/zhen-jiu.yaml", condition("zhen-jiu", "针灸后的颈部疼痛"))
    clinic("conditions/a-very-long-one.yaml", condition(
        "a-very-long-one", "A title far longer than the column it goes in, yet never cut"))
    return folder


@pytest.mark.parametrize("columns", ["80", "100"])
def test_at_a_usual_width_each_condition_is_a_block_with_nothing_cut(invoke, odd_titles,
                                                                     columns):
    """Name and title on one line, the summary wrapped beneath: no title or summary is
    cut short, wide characters included."""
    result = invoke("-d", str(odd_titles), "conditions", env={"COLUMNS": columns})
    lines = result.stdout.splitlines()
    assert all(cell_len(line) <= int(columns) for line in lines)
    assert "…" not in result.stdout and "..." not in result.stdout
    heads = [line for line in lines if line.startswith("  ") and not line.startswith("    ")
             and not line.startswith("  Read one with")]
    assert len(heads) == len(CONDITION_SLUGS) + 2
    assert "  a-very-long-one  A title far longer than the column it goes in, yet never cut" \
        in lines
    assert "  zhen-jiu  针灸后的颈部疼痛" in lines
    summary = " ".join(line.strip() for line in lines[lines.index("  zhen-jiu  针灸后的颈部疼痛")
                                                        + 1:][:3] if line.startswith("    "))
    assert summary.startswith("Pain or stiffness in the neck")


def test_on_a_wide_terminal_the_list_lines_up(invoke, odd_titles):
    """Rows in plain ASCII and rows in wide characters take the same columns on screen."""
    lines = invoke("-d", str(odd_titles), "conditions", env={"COLUMNS": "300"}).stdout.splitlines()
    rows = [line for line in lines if line.startswith("  ") and "  " in line.strip()]
    assert len(rows) == 1 + len(CONDITION_SLUGS) + 2  # the header, every condition
    # The neck pain summary, which both of the clinic's copies share, starts "Pain or".
    summary_starts = [cell_len(line[:line.index("Pain or")]) for line in rows if "Pain or" in line]
    assert len(summary_starts) >= 3
    assert len(set(summary_starts)) == 1, "the summary column does not line up"
    assert any("针灸后的颈部疼痛" in line for line in rows)


def settle(folder) -> None:
    """Date a folder's last change, and its files', an hour back, as if nothing had been
    added or edited for a while."""
    for path in (*folder.iterdir(), folder):
        past = os.stat(path).st_mtime_ns - 3600 * 10**9
        os.utime(path, ns=(past, past))


def test_changes_in_a_settled_folder_are_seen(listed):
    """A folder unchanged for a while keeps its list of names in the index; adding a file
    changes the folder, and an edit changes the file, so both are seen."""
    folder, conditions = listed
    settle(folder / "conditions")
    assert "Jaw ache" in conditions()
    assert "Jaw ache" in conditions()  # from the kept list of names
    target = folder / "conditions" / "jaw-ache.yaml"
    target.write_text(condition("jaw-ache", "Jaw pain"))
    os.utime(target, ns=(1, 1))
    (folder / "conditions" / "hip-ache.yaml").write_text(condition("hip-ache", "Hip ache"))
    shown = conditions()
    assert "Jaw pain" in shown
    assert "Hip ache" in shown


def test_a_settled_folder_is_not_listed_again(tmp_path, monkeypatch):
    from acuinfo.finding.freshness import signature

    folder = tmp_path / "conditions"
    folder.mkdir()
    (folder / "a.yaml").write_text("x")
    settle(folder)
    first = signature([str(folder)], {})

    def no_listing(path):
        raise AssertionError(f"{path} was listed again")

    monkeypatch.setattr(os, "listdir", no_listing)
    assert signature([str(folder)], first.listings) == first


def test_a_folder_changed_just_before_it_was_listed_is_listed_again(tmp_path):
    """A file added in the same tick of a coarse file-system clock leaves the folder's
    time as it was, so a fresh list of names is never trusted."""
    from acuinfo.finding.freshness import signature

    folder = tmp_path / "conditions"
    folder.mkdir()
    (folder / "a.yaml").write_text("x")
    state = os.stat(folder)
    first = signature([str(folder)], {})
    (folder / "b.yaml").write_text("y")
    os.utime(folder, ns=(state.st_atime_ns, state.st_mtime_ns))  # the same tick
    second = signature([str(folder)], first.listings)
    assert second.text != first.text


def test_a_list_of_names_made_too_soon_is_kept_once_the_folder_settles(listed, monkeypatch):
    folder, conditions = listed
    conditions()  # the folder was made just now, so its list of names is not kept
    settle(folder / "conditions")
    conditions()  # listed again, long after its last change: this list is kept
    real_listdir = os.listdir

    def listdir(path):
        assert not str(path).endswith(os.path.join("clinic", "conditions")), "listed again"
        return real_listdir(path)

    monkeypatch.setattr(os, "listdir", listdir)
    assert "Jaw ache" in conditions()


def wait_for_the_built_in_folder_to_settle() -> None:
    """An index over files modified in the last two seconds is not kept: when acuinfo was
    installed just now, wait until its own files are old enough."""
    from acuinfo.base.saferead import SETTLED_NS
    from acuinfo.knowledge.folders import builtin_folder

    root = Path(str(builtin_folder().root))
    newest = max(path.stat().st_mtime for path in [root, *root.rglob("*")])
    time.sleep(max(0.0, newest + SETTLED_NS / 1e9 + 0.2 - time.time()))


def test_a_folder_named_relatively_or_absolutely_shares_one_index(invoke, clinic, tmp_path,
                                                                   monkeypatch):
    """However a folder is named, its index and parsed files are kept once: a second
    name neither builds a second index nor parses the files again. A problem in a file
    is still said the way this run named the folder."""
    folder = clinic("conditions/jaw-ache.yaml", condition("jaw-ache", "Jaw ache"))
    clinic("conditions/broken.yaml", "slug: [unclosed\n")
    os.symlink(folder, tmp_path / "linked")
    wait_for_the_built_in_folder_to_settle()
    old = time.time() - 60  # settled: an index built now is kept for the next run
    for place in [folder, *folder.rglob("*")]:
        os.utime(place, (old, old))
    monkeypatch.chdir(tmp_path)
    cache = tmp_path / "cache"
    first = invoke("-d", "clinic", "conditions")
    assert "Jaw ache" in first.stdout
    assert os.path.join("clinic", "conditions", "broken.yaml") in first.stderr
    (index_file,) = cache.glob("index-*.sqlite")
    built = os.stat(index_file)
    shown = invoke("-d", "clinic", "condition", "jaw-ache").stdout  # its parse is kept
    parsed = sorted(p.name for p in (cache / "parsed").iterdir())
    for name in (str(folder), str(tmp_path / "linked"), "./clinic/"):
        again = invoke("-d", name, "conditions")
        assert again.stdout == first.stdout
        assert str(Path(name, "conditions", "broken.yaml")) in again.stderr
        assert list(cache.glob("index-*.sqlite")) == [index_file]
        assert os.stat(index_file).st_ino == built.st_ino, f"{name}: the index was rebuilt"
        assert invoke("-d", name, "condition", "jaw-ache").stdout == shown
        assert sorted(p.name for p in (cache / "parsed").iterdir()) == parsed


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_long_first_build_shows_progress_on_a_terminal_and_nothing_in_a_pipe(
        tmp_path, run_script, workers):
    """Over a large folder the first search takes seconds: on a terminal, a bar on
    standard error says how far it has got, and is cleared; in a pipe, nothing. So too
    when worker processes read the files (they are started beside the bar)."""
    from test_pager import run_in_terminal

    from acuinfo.base.progress import SHOWN_FROM

    folder = tmp_path / "big"
    (folder / "conditions").mkdir(parents=True)
    for number in range(SHOWN_FROM + 20):
        (folder / "conditions" / f"c{number}.yaml").write_text(
            condition(f"c{number}", f"Ache {number}"), encoding="utf-8")
    env = {"ACUINFO_CACHE_DIR": str(tmp_path / "tty-cache"),
           "ACUINFO_USER_DIR": str(tmp_path / "user"), "ACUINFO_PAGER": "cat",
           "ACUINFO_WORKERS": workers}
    screen = run_in_terminal(["-d", str(folder), "search", "ache", "999"], env)
    assert "Indexing the knowledge files" in screen and "Traceback" not in screen
    assert f"/{SHOWN_FROM + 20 + len(CONDITION_SLUGS)}" in screen, "how many files, all told"
    piped = run_script("-d", str(folder), "search", "ache", "999",
                       env={"ACUINFO_WORKERS": workers})
    assert piped.returncode == 0, piped.stderr
    assert piped.stderr == "", "nothing in a pipe"
    small = run_script("search", "neck")
    assert "Indexing" not in small.stderr
