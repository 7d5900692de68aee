"""The progress journal from the command line: adding entries (asked on a terminal, or
given as options), what the journal says about the change since the start, bad input,
deleting, exporting and importing, every format, and the handout's part."""

from __future__ import annotations

import datetime
import json
import os
import pty
import select
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import TRACEBACK, script_path

TODAY = datetime.date.today()


def day(days_ago: int) -> str:
    return (TODAY - datetime.timedelta(days=days_ago)).isoformat()


@pytest.fixture
def journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "mine.sqlite"
    monkeypatch.setenv("ACUINFO_JOURNAL", str(path))
    return path


def add(invoke, pain: int, enjoyment: int, activity: int, *more: str):
    result = invoke("journal", "add", "--pain", str(pain), "--enjoyment", str(enjoyment),
                    "--activity", str(activity), *more)
    assert result.exit_code == 0, result.output
    return result


def a_course(invoke, sessions: int, fall: int) -> None:
    """Two entries before the course, at 7, then one after each session, ``fall``
    points lower by the last."""
    add(invoke, 7, 7, 7, "--date", day(60))
    add(invoke, 7, 7, 7, "--date", day(55))
    for number in range(1, sessions + 1):
        score = 7 - round(fall * number / sessions)
        add(invoke, score, score, score, "--session", str(number),
            "--date", day(50 - number * 5))


def show(invoke, *more: str) -> str:
    result = invoke("journal", "--no-pager", *more)
    assert result.exit_code == 0, result.output
    return " ".join(result.stdout.split())


def test_an_entry_added_with_options_is_shown(invoke, journal):
    result = add(invoke, 6, 5, 4, "--note", "walked to the shops")
    assert result.stdout == (f"Added entry 1: {datetime.date.today().day} "
                             f"{TODAY.strftime('%B')} {TODAY.year}, PEG score 5 (pain 6, "
                             "enjoyment 5, activity 4).\n")
    shown = show(invoke)
    assert "There is one entry so far. To show a change, the journal needs a starting point "\
           "and a later entry" in shown
    assert "walked to the shops" in shown
    assert "acuinfo red-flags" in shown


def test_the_journal_file_is_its_owners_only(invoke, journal):
    add(invoke, 6, 5, 4)
    assert stat.S_IMODE(journal.stat().st_mode) == 0o600
    for side in journal.parent.glob(journal.name + "-*"):
        assert stat.S_IMODE(side.stat().st_mode) == 0o600


def test_the_default_journal_is_beside_the_user_folder(invoke, tmp_path, monkeypatch):
    monkeypatch.delenv("ACUINFO_JOURNAL", raising=False)
    result = invoke("journal", "path")
    expected = tmp_path / "user-journal" / "journal.sqlite"
    assert result.stdout == f"{expected}\n"
    add(invoke, 3, 3, 3)
    assert expected.is_file()
    assert stat.S_IMODE(expected.parent.stat().st_mode) == 0o700
    assert not (tmp_path / "user").exists(), "nothing goes into the knowledge folder"


def test_too_few_entries_says_what_it_needs(invoke, journal):
    shown = show(invoke)
    assert "There are no entries yet." in shown
    assert "acuinfo journal add" in shown
    assert not journal.exists(), "showing a journal does not make one"


def test_a_change_that_matters_is_said_so(invoke, journal):
    a_course(invoke, 4, 3)  # 7 to 4: 43% less
    shown = show(invoke)
    assert "At the start your PEG score was 7 (the mean of your 2 entries before your "\
           "first session" in shown
    assert "it is 4: 3 points lower, or 43% less." in shown
    assert "moderately important" in shown and "much improved" in shown
    assert "talk with your practitioner about whether to go on" not in shown
    assert "acuinfo red-flags" in shown


@pytest.mark.parametrize(("fall", "words"), [
    (0, "That is little or no change"),
    (1, "That is a small change."),
    (-1, "Your score is higher than at the start."),
])
def test_at_session_six_with_less_than_30_percent_it_suggests_talking(invoke, journal, fall,
                                                                     words):
    a_course(invoke, 6, fall)
    shown = show(invoke)
    assert words in shown
    assert "You have had 6 sessions, and your PEG score has fallen by less than 30%. This is "\
           "a good time to talk with your practitioner about whether to go on" in shown
    assert "acuinfo red-flags" in shown


def test_at_session_six_with_a_large_fall_it_does_not(invoke, journal):
    a_course(invoke, 6, 4)  # 7 to 3: 57% less
    shown = show(invoke)
    assert "substantial" in shown
    assert "fallen by less than 30%" not in shown
    assert "You have had 6 sessions. Keep adding an entry" in shown


def test_without_sessions_the_first_entry_is_the_start(invoke, journal):
    add(invoke, 8, 8, 8, "--date", day(20))
    add(invoke, 6, 6, 6, "--date", day(10))
    shown = show(invoke)
    assert "At the start your PEG score was 8 (your first entry" in shown
    assert "None of your entries says which session it came after" in shown


def test_the_chart_marks_the_sessions(invoke, journal):
    a_course(invoke, 3, 2)
    result = invoke("journal", "--no-pager")
    lines = result.stdout.splitlines()
    top = lines.index("  Your PEG score and pain, 0 (none) to 10 (the worst)")
    chart = lines[top:top + 30]
    assert chart[1] == "   10 ┤"
    assert any("●" in line for line in chart) and any("\u00d7" in line for line in chart)
    axis = next(i for i, line in enumerate(chart) if "└" in line)
    marks = chart[axis + 1]
    columns = [i for i, char in enumerate(chart[axis]) if char == "┬"]
    assert [marks[c] for c in columns[2:]] == ["1", "2", "3"], "sessions under their points"
    assert "the session each entry came after" in result.stdout


@pytest.mark.parametrize(("args", "message"), [
    (["--pain", "11"], "the pain score must be a whole number from 0 to 10, not 11"),
    (["--enjoyment", "5.5"], "the enjoyment score must be a whole number from 0 to 10, not "
                             "'5.5'"),
    (["--activity", "-1"], "the activity score must be a whole number from 0 to 10"),
    (["--pain", "lots"], "not 'lots'"),
    (["--date", "2026-02-30"], "the date must be written as YEAR-MONTH-DAY"),
    (["--date", "yesterday"], "the date must be written as YEAR-MONTH-DAY"),
    (["--date", (TODAY + datetime.timedelta(days=1)).isoformat()], "is in the future"),
    (["--session", "0"], "the session must be a whole number from 1"),
    (["--session", "two"], "the session must be a whole number from 1"),
    (["--note", "a\x07bell"], "a note cannot hold characters that do not print"),
])
def test_bad_input_is_a_clear_error_and_exit_2(run_script, journal, args, message):
    scores = {"--pain": "5", "--enjoyment": "5", "--activity": "5"}
    for option, value in zip(args[::2], args[1::2], strict=True):
        scores[option] = value
    result = run_script("journal", "add", *[part for pair in scores.items() for part in pair],
                        stdin=subprocess.DEVNULL)
    assert result.returncode == 2, result.stderr
    assert message in result.stderr
    assert TRACEBACK not in result.stderr
    assert not journal.exists(), "nothing was written"


def test_every_problem_of_an_entry_is_said_at_once(run_script, journal):
    result = run_script("journal", "add", "--pain", "12", "--enjoyment", "x", "--activity",
                        "3", "--date", "soon", stdin=subprocess.DEVNULL)
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 3, result.stderr


def test_without_a_terminal_all_three_scores_are_needed(run_script, journal):
    result = run_script("journal", "add", "--pain", "5", stdin=subprocess.DEVNULL)
    assert result.returncode == 2
    assert "give --pain, --enjoyment and --activity" in result.stderr
    assert not journal.exists()


def converse(args: list[str], answers: list[str], env: dict) -> tuple[int, str]:
    """Run acuinfo on a pseudo-terminal, typing each answer after the prompt before it."""
    leader, follower = pty.openpty()
    process = subprocess.Popen([script_path(), *args], stdin=follower, stdout=follower,
                               stderr=follower, env={**os.environ, **env}, close_fds=True)
    os.close(follower)
    screen, pending = b"", list(answers)
    prompts = 0
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            screen += chunk
        if pending and screen.count(b": ") + screen.count(b"]: ") > prompts and (
                screen.rstrip().endswith((b":", b"]:"))):
            prompts = screen.count(b": ") + screen.count(b"]: ")
            os.write(leader, pending.pop(0).encode() + b"\r")
        if process.poll() is not None and not ready:
            break
    process.wait(timeout=60)
    os.close(leader)
    return process.returncode, screen.decode("utf-8", errors="replace").replace("\r\n", "\n")


def test_on_a_terminal_it_asks_the_three_questions(journal):
    code, screen = converse(["journal", "add", "--session", "2"], ["6", "eleven", "5", "4"],
                            {"ACUINFO_JOURNAL": str(journal)})
    assert code == 0, screen
    assert "What number best describes your pain on average in the past week?" in screen
    assert ("What number best describes how, during the past week, pain has interfered "
            "with your enjoyment of life?") in screen
    assert ("What number best describes how, during the past week, pain has interfered "
            "with your general activity?") in screen
    assert "0 = no pain, 10 = pain as bad as you can imagine" in screen
    assert "not 'eleven'; try again." in screen
    assert "after session 2, PEG score 5 (pain 6, enjoyment 5, activity 4)" in screen


def test_delete_asks_on_a_terminal(journal, invoke):
    add(invoke, 6, 5, 4)
    add(invoke, 5, 5, 4)
    code, screen = converse(["journal", "delete", "1"], ["n"],
                            {"ACUINFO_JOURNAL": str(journal)})
    assert code == 0 and "Nothing was deleted." in screen, screen
    code, screen = converse(["journal", "delete", "1"], ["y"],
                            {"ACUINFO_JOURNAL": str(journal)})
    assert code == 0 and "Deleted entry 1" in screen, screen
    assert [e["id"] for e in json.loads(invoke("journal", "-f", "json").stdout)["items"]] == [2]


def test_delete_in_a_script_needs_yes(run_script, invoke, journal):
    add(invoke, 6, 5, 4)
    refused = run_script("journal", "delete", "1", stdin=subprocess.DEVNULL)
    assert refused.returncode == 2 and "add --yes" in refused.stderr
    done = run_script("journal", "delete", "1", "--yes")
    assert done.returncode == 0 and done.stdout.startswith("Deleted entry 1: ")
    again = run_script("journal", "delete", "1", "--yes")
    assert again.returncode == 2
    assert "the journal has no entry 1" in again.stderr


def test_a_deleted_entry_number_is_never_used_again(invoke, journal):
    add(invoke, 6, 5, 4)
    add(invoke, 6, 5, 4)
    assert invoke("journal", "delete", "2", "--yes").exit_code == 0
    assert add(invoke, 1, 1, 1).stdout.startswith("Added entry 3:")


def test_an_unknown_entry_number(run_script, journal):
    result = run_script("journal", "delete", "7", "--yes")
    assert result.returncode == 2
    assert "there is no journal yet" in result.stderr
    assert run_script("journal", "delete", "seven", "--yes").returncode == 2


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_export_and_import_round_trip(invoke, journal, tmp_path, monkeypatch, fmt):
    a_course(invoke, 3, 2)
    add(invoke, 2, 3, 4, "--note", 'a "quoted", note; with commas')
    exported = tmp_path / f"out.{fmt}"
    result = invoke("journal", "export", "--format", fmt, "-o", str(exported))
    assert result.exit_code == 0 and result.stdout == f"Wrote 6 entries to {exported}\n"
    assert stat.S_IMODE(exported.stat().st_mode) == 0o600
    assert invoke("journal", "export", "--format", fmt).stdout == exported.read_text()
    other = tmp_path / "other.sqlite"
    monkeypatch.setenv("ACUINFO_JOURNAL", str(other))
    result = invoke("journal", "import", str(exported))
    assert result.exit_code == 0 and result.stdout == f"Imported 6 entries from {exported}.\n"
    assert invoke("journal", "export", "--format", fmt).stdout == exported.read_text()
    again = invoke("journal", "import", str(exported))
    assert again.exit_code == 0
    assert again.stdout == (f"Imported 0 entries from {exported}; skipped 6 the journal "
                            "already had.\n")
    first_line = 2 if fmt == "csv" else 4
    assert f"acuinfo: skipped line {first_line}: the journal already has it, as entry 1 (" \
           in again.stderr


def test_export_never_replaces_a_file_unasked(invoke, journal, tmp_path):
    add(invoke, 6, 5, 4)
    target = tmp_path / "mine.csv"
    target.write_text("keep me\n")
    result = invoke("journal", "export", "-o", str(target))
    assert result.exit_code == 1 and "already exists" in result.stderr
    assert target.read_text() == "keep me\n"
    assert invoke("journal", "export", "-o", str(target), "--force").exit_code == 0
    assert target.read_text().startswith("id,date,pain")


def test_an_import_with_problems_lists_them_all_and_imports_nothing(run_script, journal,
                                                                   tmp_path, invoke):
    add(invoke, 6, 5, 4)
    before = invoke("journal", "export").stdout
    bad = tmp_path / "bad.csv"
    bad.write_text("date,pain,enjoyment,activity,mood\n"
                   f"{day(3)},5,5,5,ok\n"
                   "2026-02-30,5,5,5,ok\n"
                   f"{day(2)},11,5,5,ok\n"
                   f"{day(1)},5,5\n")
    result = run_script("journal", "import", str(bad))
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert lines[0] == f"acuinfo: {bad}:1: unknown column 'mood' (the columns are id, date, "\
                       "pain, enjoyment, activity, score, session, note, recorded)"
    assert f"acuinfo: {bad}:3: the date must be written as YEAR-MONTH-DAY" in lines[1]
    assert f"{bad}:4: the pain score must be a whole number from 0 to 10, not 11" in lines[2]
    assert f"{bad}:5: 3 cells, but 5 columns" in lines[3]
    assert lines[4] == f"acuinfo: 4 problems in {bad}, so nothing was imported; fix them and "\
                       "try again"
    assert invoke("journal", "export").stdout == before


def test_an_import_of_json_with_problems_names_their_lines(run_script, journal, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema": "acuinfo.journal/1", "entries": [\n'
                   f'  {{"date": "{day(2)}", "pain": 5, "enjoyment": 5, "activity": 5}},\n'
                   f'  {{"date": "{day(1)}", "pain": 5.5, "enjoyment": 5, "activity": 5}},\n'
                   f'  {{"date": "{day(1)}", "pain": 5, "enjoyment": 5}}\n]}}\n')
    result = run_script("journal", "import", str(bad))
    assert result.returncode == 2
    assert f"{bad}:3: the pain score must be a whole number from 0 to 10, not 5.5" \
        in result.stderr
    assert f"{bad}:4: the field 'activity' is missing" in result.stderr
    assert not journal.exists()


@pytest.mark.parametrize("text", ["", "not,a,journal\n", "\x00\x01binary", "{]"])
def test_an_import_of_something_else_is_refused(run_script, journal, tmp_path, text):
    bad = tmp_path / "thing.txt"
    bad.write_bytes(text.encode("latin-1"))
    result = run_script("journal", "import", str(bad))
    assert result.returncode == 2, result.stderr
    assert "nothing was imported" in result.stderr
    assert TRACEBACK not in result.stderr
    assert not journal.exists()


def test_an_import_of_a_missing_file(run_script, journal, tmp_path):
    result = run_script("journal", "import", str(tmp_path / "nowhere.csv"))
    assert result.returncode == 2 and "there is no file" in result.stderr


def test_showing_a_condition_loads_no_journal_module(tmp_path):
    code = ("import sys, runpy; sys.argv = ['acuinfo', 'condition', 'neck-pain'];\n"
            "try:\n    runpy.run_module('acuinfo', run_name='__main__')\n"
            "except SystemExit:\n    pass\n"
            "sys.stderr.write(' '.join(m for m in sys.modules if 'journal' in m or 'chart' in m))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=tmp_path, timeout=60)
    assert result.stdout.startswith("Neck pain\n")
    assert result.stderr == ""


def test_the_journal_options_go_before_or_after(invoke, tmp_path, monkeypatch):
    monkeypatch.delenv("ACUINFO_JOURNAL", raising=False)
    mine = tmp_path / "patient-12.sqlite"
    add(invoke, 6, 5, 4, "--journal", str(mine))
    result = invoke("journal", "--journal", str(mine), "--format", "json")
    assert [e["pain"] for e in json.loads(result.stdout)["items"]] == [6]
    assert invoke("journal", "--journal", str(mine), "path").stdout == f"{mine}\n"
    assert invoke("journal", "path", "--journal", str(mine)).stdout == f"{mine}\n"
    assert invoke("journal", "--no-pager", "-f", "json").exit_code == 0
