"""Broken and hostile knowledge files: a clear message with the file, never a traceback,
and the rest of acuinfo still usable."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ANSI, DATA, TRACEBACK

GOOD = (DATA / "conditions" / "neck-pain.yaml").read_text(encoding="utf-8")
CASES = {
    "syntax error": ("slug: x\ntitle: 'unclosed\n", "neck-pain.yaml:"),
    "tab indent": ("slug: x\n\ttitle: y\n", "YAML indents with spaces only"),
    "empty file": ("", "file is empty or holds only comments"),
    "only a comment": ("# nothing here\n", "file is empty or holds only comments"),
    "top-level list": ("- a\n- b\n", "the file must be a mapping of fields, not a list"),
    "wrong type": (GOOD.replace("symptoms:", "symptoms: 3\nx_symptoms:"),
                   "symptoms must be a list, not a whole number"),
    "empty string": (GOOD.replace("title: Neck pain", "title: ''"), "title must not be empty"),
    "blank item in a list": (GOOD.replace("  - A dull ache, or sharp pain when you move.",
                                          "  - ' '"),
                             "neck-pain.yaml:33:5: symptoms[1] must not be empty"),
    "number in a list of text": (GOOD.replace("  - Pain that spreads to your shoulders or "
                                              "upper back.", "  - 42"),
                                 "neck-pain.yaml:34:5: symptoms[2] must be text, not a whole "
                                 "number"),
    "empty list": (GOOD.replace("  emergency:", "  emergency: []\n  x_emergency:"),
                   "red_flags.emergency needs at least 1 item"),
    "too few key points": (GOOD.replace("key_points:", "key_points: [a, b]\nx_key_points:"),
                           "key_points needs at least 3 items"),
    "too many key points": (GOOD.replace("key_points:", "key_points: [a, b, c, d, e, f]\n"
                                         "x_key_points:"),
                            "key_points may hold at most 5 items, not 6"),
    "red flags as a list": (GOOD.replace("red_flags:", "red_flags: [a]\nx_red_flags:"),
                            "red_flags must be a mapping of fields, not a list"),
    "review due too soon": (GOOD.replace("\nreviewed: ", "\nreview_due: 2000-01-01\nreviewed: "),
                            "review_due 2000-01-01 is not after reviewed"),
    "duplicate key": (GOOD + "title: Again\n", "duplicate key 'title'"),
    "billion laughs": ("a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 9) + "]\n"
        for i in range(8)), "aliases repeat content"),
    "deep nesting": ("a: " + "[" * 200 + "]" * 200 + "\n", "nest"),
    "tagged value its type cannot read": (GOOD.replace("title: Neck pain", "title: !!bool maybe"),
                                         "'maybe' is not a valid bool"),
    "python tag": ("!!python/object/apply:os.system ['touch /tmp/acuinfo-pwned']\n",
                   "is not allowed"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_broken_condition_file(invoke, clinic, case):
    text, expected = CASES[case]
    folder = clinic("conditions/neck-pain.yaml", text)
    result = invoke("-d", str(folder), "condition", "neck-pain")
    assert result.exit_code == 1
    assert TRACEBACK not in result.output
    assert str(folder / "conditions" / "neck-pain.yaml") in result.stderr
    assert expected in result.stderr
    assert not Path("/tmp/acuinfo-pwned").exists()
    # the rest of acuinfo still works with that folder in front
    assert invoke("-d", str(folder), "condition", "low-back-pain").exit_code == 0
    assert invoke("-d", str(folder), "tips").exit_code == 0


def test_many_megabytes_is_refused(invoke, clinic):
    folder = clinic("conditions/neck-pain.yaml", "a: " + "x" * (3 * 1024 * 1024) + "\n")
    result = invoke("-d", str(folder), "condition", "neck-pain")
    assert result.exit_code == 1
    assert "more than the 2,097,152 allowed" in result.stderr


@pytest.mark.parametrize("raw, expected", [
    (b"slug: neck-pain\ntitle: Caf\xe9\n", "neck-pain.yaml:2:11: byte 0xe9 is not valid UTF-8"),
    (b"\x7fELF\x02\x01\x01\x00\x00\x00", "binary data"),
])
def test_bytes_that_are_not_text(invoke, clinic, raw, expected):
    folder = clinic("conditions/neck-pain.yaml", raw)
    result = invoke("-d", str(folder), "condition", "neck-pain")
    assert result.exit_code == 1
    assert expected in result.stderr


def test_byte_order_mark_is_accepted(invoke, clinic):
    folder = clinic("conditions/neck-pain.yaml", "\ufeff".encode() + GOOD.encode())
    assert invoke("-d", str(folder), "condition", "neck-pain").exit_code == 0


def test_folder_named_like_a_file(invoke, clinic):
    folder = clinic("conditions/neck-pain.yaml/inside.txt", "x")
    result = invoke("-d", str(folder), "condition", "neck-pain")
    assert result.exit_code == 1
    assert "neck-pain.yaml: is a folder, not a file" in result.stderr
    listing = invoke("-d", str(folder), "conditions")
    assert listing.exit_code == 1 and "low-back-pain" in listing.stdout


def test_dangling_symlink(invoke, clinic, tmp_path):
    folder = clinic("conditions/.keep", "")
    (folder / "conditions" / "neck-pain.yaml").symlink_to(tmp_path / "gone.yaml")
    result = invoke("-d", str(folder), "condition", "neck-pain")
    assert result.exit_code == 1
    assert "neck-pain.yaml: cannot be read: No such file or directory" in result.stderr


MARKUP = "[bold red]shout[/bold red] [link=https://evil.example]click[/link]"
ESCAPES = ("\x1b[31mred\x1b[0m \x1b]8;;https://evil.example\x07link\x1b]8;;\x07 "
           "\x1b]0;new title\x07 \x9b31m \u202eevil")


def test_markup_and_escape_sequences_never_reach_the_terminal(run_script, clinic):
    import yaml

    page = yaml.safe_load(GOOD)
    page.update(title=MARKUP, summary=ESCAPES, symptoms=[MARKUP, ESCAPES])
    folder = clinic("conditions/neck-pain.yaml", yaml.safe_dump(page))
    for env in ({}, {"FORCE_COLOR": "1", "TERM": "xterm-256color"}):
        result = run_script("-d", str(folder), "condition", "neck-pain", env=env)
        assert result.returncode == 0, result.stderr
        assert MARKUP in result.stdout  # printed literally, not interpreted
        assert "]8;;" not in result.stdout and "\x07" not in result.stdout
        assert "\x9b" not in result.stdout and "\u202e" not in result.stdout
        data_codes = [m for m in ANSI.findall(result.stdout) if "31m" in m and not env]
        assert not data_codes
        if not env:
            assert "\x1b" not in result.stdout


EVIL_NAME = "\x1b]0;pwned\x07\x1b[2Jevil.yaml"


def test_escape_sequences_in_file_names_never_reach_the_terminal(run_script, clinic):
    folder = clinic("conditions/.keep", "")
    (folder / "conditions" / EVIL_NAME).write_text("slug: [x\n", encoding="utf-8")
    (folder / "conditions" / "neck-pain.yaml").write_text(GOOD, encoding="utf-8")
    for args in (["conditions"], ["validate", str(folder)], ["which", "neck-pain"],
                 ["paths"], ["search", "neck"]):
        result = run_script("-d", str(folder), *args, env={"FORCE_COLOR": "1"})
        assert TRACEBACK not in result.stderr
        for stream in (result.stdout, result.stderr):
            assert "\x1b]" not in stream and "\x1b[2J" not in stream and "\x07" not in stream
    listing = run_script("-d", str(folder), "conditions")
    assert "evil.yaml" in listing.stderr, "the broken file is still named"
