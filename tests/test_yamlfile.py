"""The YAML reader on its own: strange, broken and hostile input."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
import yaml
from hypothesis import assume, given
from hypothesis import strategies as st

from acuinfo.base.errors import KnowledgeError
from acuinfo.knowledge.yamlfile import MAX_BYTES, decode, parse

SUITE = Path(__file__).resolve().parent.parent.parent / "shared" / "yaml-test-suite"
SUITE_FILES = sorted(SUITE.glob("*/in.yaml")) + sorted(SUITE.glob("*/*/in.yaml"))
COMPOSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the parser the reader uses


def problem(text: str) -> str:
    with pytest.raises(KnowledgeError) as caught:
        parse(text, "f.yaml")
    return str(caught.value)


def test_values_and_positions():
    data = parse("a: 1\nb:\n  - x\n  - when: 2026-11-25\n", "f.yaml")
    assert data.value == {"a": 1, "b": ["x", {"when": datetime.date(2026, 11, 25)}]}
    assert data.positions[("a",)] == (1, 1)
    assert data.positions[("b", 0)] == (3, 5)
    assert data.positions[("b", 1, "when")] == (4, 5)
    assert data.where(("b", 1, "when", "deeper")) == (4, 5)


def test_duplicate_keys_are_refused():
    assert "f.yaml:3:1: duplicate key 'a'; it was first given on line 1" in problem(
        "a: 1\nb: 2\na: 3\n")


def test_billion_laughs_is_refused_quickly():
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]
    assert "aliases repeat content" in problem("\n".join(lines))


def test_deep_nesting_is_refused():
    assert "nested more than" in problem("[" * 100 + "]" * 100)
    assert "nest" in problem("[" * 50_000 + "]" * 50_000)
    assert "nested more than" in problem("".join(f"{' ' * i}k:\n" for i in range(200)))


def test_tags_that_build_objects_are_refused():
    assert "not allowed" in problem("!!python/object/apply:os.system ['echo hi']")
    assert "not allowed" in problem("a: !!python/name:os.system\n")
    assert "not allowed" in problem("!!set {a, b}")


def test_control_characters_are_removed():
    data = parse('a: "red \\e[31m text \\x07 \\u202e"\n', "f.yaml")
    assert data.value == {"a": "red  text  "}


def test_more_than_one_document():
    assert "more than one YAML document" in problem("a: 1\n---\nb: 2\n")


def test_bad_timestamp_is_a_problem_not_a_crash():
    assert "not a valid timestamp" in problem("reviewed: 2026-13-45\n")


@pytest.mark.parametrize(("text", "expected"), [
    ("a: !!bool maybe\n", "f.yaml:1:4: 'maybe' is not a valid bool"),
    ("a: !!timestamp soon\n", "f.yaml:1:4: 'soon' is not a valid timestamp"),
    ("a: !!timestamp 2026-01-01T25:00\n", "'2026-01-01T25:00' is not a valid timestamp"),
])
def test_a_tagged_value_its_type_cannot_read_is_a_problem(text, expected):
    assert expected in problem(text)


def test_decode_accepts_bom_and_refuses_binary():
    assert decode("\ufeffa: 1".encode(), "f.yaml") == "a: 1"
    with pytest.raises(KnowledgeError, match=r"f.yaml:2:3: byte 0xff is not valid UTF-8"):
        decode(b"a: 1\nb:\xff\n", "f.yaml")
    with pytest.raises(KnowledgeError, match="binary"):
        decode(b"\x00\x01\x02", "f.yaml")
    with pytest.raises(KnowledgeError, match="more than"):
        decode(b"#" * (MAX_BYTES + 1), "f.yaml")


@pytest.mark.skipif(not SUITE_FILES, reason="the YAML test suite is not beside the repository")
def test_yaml_test_suite_gives_values_or_clear_problems():
    """Every input of the public YAML test suite parses or fails with a located message."""
    outcomes = {"parsed": 0, "refused": 0}
    for path in SUITE_FILES:
        try:
            text = decode(path.read_bytes(), str(path))
            parse(text, str(path))
        except KnowledgeError as err:
            outcomes["refused"] += 1
            assert all(p.file == str(path) and p.message for p in err.problems), path
        else:
            outcomes["parsed"] += 1
    print(f"YAML test suite: {outcomes}")
    assert outcomes["parsed"] > 150


@given(st.text(st.sampled_from("aAtTfFnNyYoO~01239.+-_:e xz/é"), min_size=1, max_size=12))
def test_plain_values_are_what_pyyaml_makes_of_them(text):
    """Text, true and false, null, whole numbers and dates as PyYAML's safe loader reads
    them, whether the reader takes its shortcut for plain text or asks the resolver;
    other numbers stay the text as written."""
    document = f"key: {text}\n"
    try:
        theirs = yaml.safe_load(document)
    except yaml.YAMLError:
        assume(False)
    assume(isinstance(theirs, dict) and "key" in theirs)
    ours = parse(document, "f.yaml").value["key"]
    expected = theirs["key"]
    written = text.strip().lstrip("+-")
    if isinstance(expected, float) or (type(expected) is int and str(abs(expected)) != written):
        assert ours == text.strip()
    elif isinstance(expected, str):
        assert ours == expected.strip() or ours == expected
    else:
        assert ours == expected and type(ours) is type(expected)


def _marks_of(node: yaml.Node, value: object, path: tuple, found: dict) -> None:
    """The (line, column) PyYAML's composer gives each list item and mapping key, by the
    path the reader gives it; a mapping's value has its key's position."""
    if isinstance(node, yaml.SequenceNode):
        for index, (item, held) in enumerate(zip(node.value, value, strict=True)):
            found[(*path, index)] = (item.start_mark.line + 1, item.start_mark.column + 1)
            _marks_of(item, held, (*path, index), found)
    elif isinstance(node, yaml.MappingNode):
        for (key, item), name in zip(node.value, value, strict=True):
            found[(*path, name)] = (key.start_mark.line + 1, key.start_mark.column + 1)
            _marks_of(item, value[name], (*path, name), found)


def _readable_inputs() -> list[tuple[str, str]]:
    """(name, text) of every test-suite input and knowledge file the reader accepts and
    PyYAML composes alike: one document, no anchors or aliases (an alias sits where the
    reader meets it, but a composed node where its anchor is)."""
    data = Path(__file__).resolve().parent.parent / "data"
    inputs = []
    for path in [*SUITE_FILES, *sorted(data.rglob("*.yaml"))]:
        try:
            text = decode(path.read_bytes(), str(path))
            parse(text, str(path))
            node = yaml.compose(text, Loader=COMPOSER)
        except (KnowledgeError, yaml.YAMLError):
            continue
        if node is not None and "&" not in text and "*" not in text:
            inputs.append((str(path), text))
    return inputs


def test_positions_are_where_pyyaml_puts_each_value():
    """Every item and key of real, strange YAML is placed where PyYAML's own composer
    places it; read without positions, the values are the same."""
    inputs = _readable_inputs()
    assert len(inputs) > (250 if SUITE_FILES else 80)  # the suite, when it is beside us
    for name, text in inputs:
        data = parse(text, name)
        node = yaml.compose(text, Loader=COMPOSER)
        expected = {(): (node.start_mark.line + 1, node.start_mark.column + 1)}
        _marks_of(node, data.value, (), expected)
        if not isinstance(node, yaml.ScalarNode):
            assert data.positions == expected, name
        unlocated = parse(text, name, located=False)
        assert unlocated.positions is None
        assert unlocated.value == data.value, name
