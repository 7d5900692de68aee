"""The journal as a CSV or JSON file, and back: ``export`` writes what ``parse`` reads,
so an exported file imports again as it was.

A file to import is checked whole before anything is added: every problem, with its
line, is reported at once (``ImportProblems``), and then nothing is imported.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import re

from acuinfo.base.errors import Problem
from acuinfo.journal.entries import Entry, InputError, checked, score_text

COLUMNS = ("id", "date", "pain", "enjoyment", "activity", "score", "session", "note",
           "recorded")
REQUIRED = ("date", "pain", "enjoyment", "activity")
SCHEMA = "acuinfo.journal/1"
FORMATS = ("csv", "json")
MAX_BYTES = 20_000_000  # about 100,000 entries: far more than any course


class ImportProblems(InputError):
    """A file to import that has problems; nothing was imported."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


def _row(entry: Entry, score: object) -> dict[str, object]:
    return {"id": entry.id, "date": entry.day.isoformat(), "pain": entry.pain,
            "enjoyment": entry.enjoyment, "activity": entry.activity,
            "score": score, "session": entry.session,
            "note": entry.note, "recorded": entry.recorded}


def export(entries: list[Entry], fmt: str) -> str:
    """Every entry as CSV (a header line, then a line each) or JSON (one entry a line)."""
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, COLUMNS, lineterminator="\n")
        writer.writeheader()
        for entry in entries:
            writer.writerow({key: "" if value is None else value
                             for key, value in _row(entry, score_text(entry.score())).items()})
        return out.getvalue()
    lines = [json.dumps(_row(entry, round(entry.score(), 1)), ensure_ascii=False)
             for entry in entries]
    body = ",\n".join(f"    {line}" for line in lines)
    return (f'{{\n  "schema": "{SCHEMA}",\n  "entries": [\n' + body
            + ("\n" if lines else "") + "  ]\n}\n")


def format_of(name: str, text: str) -> str:
    """``json`` or ``csv``: by the file's ending, else by its first character."""
    lowered = name.lower()
    if lowered.endswith(".json"):
        return "json"
    if lowered.endswith(".csv"):
        return "csv"
    return "json" if text.lstrip()[:1] in ("{", "[") else "csv"


def parse(text: str, name: str, today: datetime.date) -> list[tuple[int, Entry]]:
    """The entries of an exported file, each with its line; ImportProblems if any line,
    or the file itself, has a problem."""
    text = text.removeprefix("\ufeff")  # a byte order mark, as some editors write
    if format_of(name, text) == "json":
        rows, problems = _json_rows(text, name)
    else:
        rows, problems = _csv_rows(text, name)
    found: list[tuple[int, Entry]] = []
    for line, values in rows:
        entry, wrong = checked(values, today)
        if entry is None:
            problems += [Problem(name, message, line) for message in wrong]
            continue
        given = values.get("score")
        if given not in (None, "") and not _same_score(given, entry):
            problems.append(Problem(name, f"the score {str(given)[:20]!r} is not the mean of "
                                          f"the three ({score_text(entry.score())})", line,
                                    hint="leave the score out: acuinfo works it out"))
            continue
        recorded = values.get("recorded")
        if recorded not in (None, ""):
            if not _is_time(recorded):
                problems.append(Problem(name, "'recorded' is not a date and time", line))
                continue
            entry = entry._replace(recorded=str(recorded))
        found.append((line, entry))
    if problems:
        raise ImportProblems(sorted(problems, key=lambda p: p.line or 0))
    return found


def _same_score(given: object, entry: Entry) -> bool:
    try:
        return abs(float(str(given)) - entry.score()) < 0.051
    except ValueError:
        return False


def _is_time(value: object) -> bool:
    try:
        datetime.datetime.fromisoformat(str(value))
    except ValueError:
        return False
    return True


def _columns_problems(columns: list[str], name: str, line: int | None,
                      kind: str = "column") -> list[Problem]:
    problems = []
    for column in dict.fromkeys(columns):
        if columns.count(column) > 1:
            problems.append(Problem(name, f"the {kind} {column!r} is there twice", line))
        if column not in COLUMNS:
            problems.append(Problem(name, f"unknown {kind} {column[:40]!r}", line,
                                    hint=f"the {kind}s are " + ", ".join(COLUMNS)))
    for column in REQUIRED:
        if column not in columns:
            problems.append(Problem(name, f"the {kind} {column!r} is missing", line))
    return problems


def _csv_rows(text: str, name: str) -> tuple[list[tuple[int, dict]], list[Problem]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
    except csv.Error as err:
        return [], [Problem(name, f"not a CSV file: {err}", 1)]
    if header is None:
        return [], [Problem(name, "the file is empty", hint="export a journal to see the "
                                                            "form: acuinfo journal export")]
    columns = [column.strip().lower() for column in header]
    problems = _columns_problems(columns, name, 1)
    rows: list[tuple[int, dict]] = []
    while True:
        line = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            problems.append(Problem(name, f"cannot read this line: {err}", line))
            break
        if not any(cell.strip() for cell in cells):
            continue  # a blank line
        if len(cells) != len(columns):
            problems.append(Problem(name, f"{len(cells)} cells, but {len(columns)} "
                                          "columns", line))
            continue
        rows.append((line, dict(zip(columns, cells, strict=True))))
    return rows, problems


def _json_rows(text: str, name: str) -> tuple[list[tuple[int, dict]], list[Problem]]:
    try:
        whole = json.loads(text)
    except json.JSONDecodeError as err:
        return [], [Problem(name, f"not a JSON file: {err.msg}", err.lineno, err.colno)]
    if isinstance(whole, dict):
        problems = []
        if whole.get("schema", SCHEMA) != SCHEMA:
            problems.append(Problem(name, f"not an acuinfo journal export (schema "
                                          f"{str(whole.get('schema'))[:40]!r})", 1))
        if not isinstance(whole.get("entries"), list):
            return [], [*problems, Problem(name, "no list of 'entries'", 1)]
        entries = whole["entries"]
        found = re.search(r'"entries"\s*:\s*\[', text)
        start = found.end() if found else 0
    elif isinstance(whole, list):
        problems, entries, start = [], whole, text.index("[") + 1
    else:
        return [], [Problem(name, "not an acuinfo journal export", 1)]
    rows: list[tuple[int, dict]] = []
    for entry, line in zip(entries, _lines_of_items(text, start, len(entries)), strict=True):
        if not isinstance(entry, dict):
            problems.append(Problem(name, "an entry must be an object", line))
            continue
        keys = list(entry)
        bad = _columns_problems(keys, name, line, "field")
        if bad:
            problems += bad
            continue
        rows.append((line, entry))
    return rows, problems


def _lines_of_items(text: str, start: int, count: int) -> list[int]:
    """The line each item of the JSON array that opens before ``start`` begins on (None
    for each, if the array is not where it was looked for)."""
    decoder = json.JSONDecoder()
    lines: list[int | None] = []
    position = start
    try:
        for _ in range(count):
            while text[position] in " \t\r\n,":
                position += 1
            lines.append(text.count("\n", 0, position) + 1)
            _, position = decoder.raw_decode(text, position)
    except (IndexError, ValueError):
        return [None] * count
    return lines
