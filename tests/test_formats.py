"""Every content command in every format, checked the way a reader or a program would.

Plain text has no decoration, Markdown parses back to the document's headings,
JSON matches docs/document.schema.json, and HTML is a complete page whose
headings never skip a level. Golden files pin the exact output for one small
condition (rewrite them with ACUINFO_UPDATE_GOLDEN=1), and a condition full of
markup shows that no format lets content turn into markup.
"""

from __future__ import annotations

import datetime
import difflib
import io
import itertools
import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

import pytest

from acuinfo.cli.main import app
from acuinfo.render import RENDERERS, long_date, render
from acuinfo.views.document import Bullets, Citation, Document, Paragraph, Section, Step, Steps

from conftest import REPO

COMMANDS = {
    "condition": ["condition", "neck-pain"],
    "conditions": ["conditions"],
    "tips": ["tips"],
    "session": ["session"],
    "red-flags": ["red-flags"],
    "safety": ["safety"],
    "how-it-works": ["how-it-works"],
    "evidence": ["evidence"],
    "costs": ["costs"],
    "needle-fear": ["needle-fear"],
    "special-groups": ["special-groups"],
    "finding-a-practitioner": ["finding-a-practitioner"],
    "about": ["about"],
    "sources": ["sources"],
    "glossary": ["glossary"],
    "search": ["search", "neck", "pain"],
    "paths": ["paths"],
    "which": ["which", "neck-pain"],
    "journal": ["journal"],  # empty here; tests/test_journal_view.py fills one
}
FORMATS = list(RENDERERS)
BOX_DRAWING = re.compile("[\u2500-\u257f]")
GOLDEN = REPO / "tests" / "golden"
GOLDEN_KNOWLEDGE = REPO / "tests" / "fixtures" / "golden-knowledge"
GOLDEN_FORMATS = {"plain": "plain", "md": "markdown", "json": "json", "txt": "text"}
ANCHOR = re.compile(r'<a id="source-\d+">|</a>')  # markdown-it gives each tag apart


def output(invoke, args: list[str], fmt: str) -> str:
    result = invoke(*args, "--format", fmt)
    assert result.exit_code == 0, result.output
    return result.stdout


def expected_headings(document: dict, alerts: bool = False) -> list[tuple[int, str]]:
    """The headings a format should show, from the JSON form of the same document: the
    title, every titled section one level below its ``level``, then the sources."""
    headings = [(1, document["title"])]
    for section in document["sections"]:
        if section["heading"]:
            headings.append((section["level"] + 1, section["heading"]))
        if alerts:
            headings += [(0, block["title"]) for block in section["blocks"]
                         if block["type"] == "alert"]
    if document["citations"]:
        headings.append((2, "Sources"))
    return headings


# -- parsing the outputs ---------------------------------------------------------------


def markdown_parser():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def markdown_headings(text: str) -> list[tuple[int, str]]:
    tokens = markdown_parser().parse(text)
    return [(int(token.tag[1:]), inline_text(tokens[i + 1]))
            for i, token in enumerate(tokens) if token.type == "heading_open"]


def inline_text(token) -> str:
    return "".join(child.content for child in token.children or [])


def markdown_html_tokens(text: str) -> list[str]:
    """Every piece of raw HTML that Markdown would pass through."""
    found = []
    for token in markdown_parser().parse(text):
        if token.type == "html_block":
            found.append(token.content)
        found += [child.content for child in token.children or [] if child.type == "html_inline"]
    return found


def markdown_table_rows(text: str) -> list[list[str]]:
    """The cells of every table row, header included, as Markdown parses them."""
    rows: list[list[str]] = []
    tokens = markdown_parser().parse(text)
    for i, token in enumerate(tokens):
        if token.type == "tr_open":
            rows.append([])
        elif token.type in ("th_open", "td_open"):
            rows[-1].append(inline_text(tokens[i + 1]))
    return rows


class Page(HTMLParser):
    """What a check needs from an HTML page: tags, headings, ids, links and visible text."""

    VOID: ClassVar[set[str]] = {"meta", "br", "link", "img", "input", "hr", "source", "wbr"}

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.doctype = ""
        self.tags: list[tuple[str, dict]] = []
        self.headings: list[tuple[int, str]] = []
        self.ids: list[str] = []
        self.text: list[str] = []
        self.style = ""
        self._open: list[str] = []
        self._heading: list[str] | None = None
        self.feed(text)
        self.close()

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = {name: value or "" for name, value in attrs}
        self.tags.append((tag, attributes))
        if "id" in attributes:
            self.ids.append(attributes["id"])
        if re.fullmatch(r"h[1-6]", tag):
            self._heading = []
        if tag not in self.VOID:
            self._open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        """``<br />`` (as markdown-it writes it) opens nothing, so closes nothing."""
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self._open and self._open[-1] == tag, f"</{tag}> closes <{self._open[-1:]}>"
        self._open.pop()
        if re.fullmatch(r"h[1-6]", tag) and self._heading is not None:
            self.headings.append((int(tag[1]), "".join(self._heading)))
            self._heading = None

    def handle_data(self, data: str) -> None:
        if self._open and self._open[-1] == "style":
            self.style += data
            return
        if self._open and self._open[-1] == "title":
            return
        self.text.append(data)
        if self._heading is not None:
            self._heading.append(data)

    def all(self, tag: str) -> list[dict]:
        return [attributes for name, attributes in self.tags if name == tag]

    def visible_text(self) -> str:
        return "".join(self.text)


def check_html_page(text: str) -> Page:
    """The rules every page acuinfo writes must keep; returns the parsed page."""
    page = Page(text)
    assert page.doctype.lower() == "doctype html"
    assert page._open == [], f"unclosed: {page._open}"
    assert page.all("html") == [{"lang": "en"}]
    assert {"charset": "utf-8"} in page.all("meta")
    assert any(m.get("name") == "viewport" for m in page.all("meta"))
    assert len(page.all("title")) == 1
    assert len(page.all("style")) == 1
    assert page.all("script") == [], "the page runs no script"
    for tag in ("link", "img", "script", "iframe", "object", "embed", "source"):
        for attributes in page.all(tag):
            for name in ("src", "href"):
                assert not re.match(r"\s*(https?:)?//", attributes.get(name, "")), (tag, name)
    assert not re.search(r"@import|url\(", page.style), "the CSS fetches nothing"
    levels = [level for level, _ in page.headings]
    assert levels[0] == 1 and levels.count(1) == 1, "one h1, first"
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, f"a heading level is skipped: {page.headings}"
    assert len(page.ids) == len(set(page.ids)), "ids are unique"
    for link in page.all("a"):
        if link.get("href", "").startswith("#"):
            assert link["href"][1:] in page.ids, f"link to a missing {link['href']}"
    assert all(th.get("scope") == "col" for th in page.all("th"))
    return page


# -- every command, every format ----------------------------------------------------------


def test_every_command_with_a_format_is_covered():
    import typer.main

    commands = typer.main.get_command(app).commands
    with_format = {name for name, command in commands.items()
                   if any("--format" in getattr(param, "opts", []) for param in command.params)}
    assert with_format == set(COMMANDS), "add the new command to COMMANDS in this file"


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_in_every_format(invoke, name, fmt):
    result = invoke(*COMMANDS[name], "--format", fmt)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip()
    assert result.stderr == ""


@pytest.mark.parametrize("name", COMMANDS)
def test_plain_is_words_only(invoke, name):
    text = output(invoke, COMMANDS[name], "plain")
    document = json.loads(output(invoke, COMMANDS[name], "json"))
    assert not BOX_DRAWING.search(text)
    assert "•" not in text
    assert "\x1b" not in text
    assert all(line == line.rstrip() for line in text.splitlines())
    assert text.startswith(document["title"] + "\n\n")
    lines = text.splitlines()
    headings = [s["heading"] for s in document["sections"] if s["heading"]]
    assert all(heading in lines for heading in headings), "each heading on a line of its own"
    for citation in document["citations"]:
        assert any(line.startswith(f"[{citation['number']}] {citation['text']}") for line in lines)


@pytest.mark.parametrize("name", COMMANDS)
def test_markdown_has_the_documents_headings(invoke, name):
    text = output(invoke, COMMANDS[name], "markdown")
    document = json.loads(output(invoke, COMMANDS[name], "json"))
    assert markdown_headings(text) == expected_headings(document)
    assert all(ANCHOR.fullmatch(html) for html in markdown_html_tokens(text)), \
        "the only raw HTML is the anchors in-text citations link to"
    for citation in document["citations"]:
        assert f'<a id="source-{citation["number"]}"></a>' in text


@pytest.mark.parametrize("name", COMMANDS)
def test_json_matches_the_schema(invoke, name):
    from jsonschema import Draft202012Validator

    schema = json.loads((REPO / "docs" / "document.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    document = json.loads(output(invoke, COMMANDS[name], "json"))
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
              for e in validator.iter_errors(document)]
    assert errors == []


def test_the_schema_names_every_drawing_and_each_has_its_words():
    from acuinfo.render.drawings import DRAWINGS
    from acuinfo.views.pictures import ALT

    schema = json.loads((REPO / "docs" / "document.schema.json").read_text(encoding="utf-8"))
    assert set(schema["$defs"]["figure"]["properties"]["drawing"]["enum"]) == set(DRAWINGS)
    assert set(ALT) == set(DRAWINGS), "every drawing says in words what it shows"


@pytest.mark.parametrize("name", COMMANDS)
def test_html_is_a_complete_page_with_the_documents_headings(invoke, name):
    page = check_html_page(output(invoke, COMMANDS[name], "html"))
    document = json.loads(output(invoke, COMMANDS[name], "json"))
    assert [text for _, text in page.headings] == [
        text for _, text in expected_headings(document, alerts=True)]
    numbers = [c["number"] for c in document["citations"]]
    assert [li["id"] for li in page.all("li") if "id" in li] == [f"source-{n}" for n in numbers]
    if numbers:
        assert {"id": "sources"} in page.all("ol")


def test_handout_has_parts_under_the_title(invoke, tmp_path):
    target = tmp_path / "handout.html"
    result = invoke("handout", "neck-pain", "low-back-pain", "--session", "--tips",
                    "-o", str(target))
    assert result.exit_code == 0, result.output
    page = check_html_page(target.read_text(encoding="utf-8"))
    parts = [text for level, text in page.headings if level == 2]
    assert parts == ["Key points", "Phone numbers", "When to get help", "Neck pain",
                     "Low back pain", "Your acupuncture sessions", "Self-care tips",
                     "Your pain diary", "Sources"]
    assert (3, "Neck pain") in page.headings, "each condition's key points have a heading"
    assert (3, "What a course looks like") in page.headings
    today = datetime.date.today()
    assert f"Date: {long_date(today.isoformat())}" in page.visible_text()


# -- golden files ----------------------------------------------------------------------------


@pytest.mark.parametrize("extension", GOLDEN_FORMATS)
def test_golden_condition(invoke, extension):
    """The exact output for a small condition at 80 columns; ACUINFO_UPDATE_GOLDEN=1
    rewrites the expected files from the current output instead."""
    result = invoke("--data-dir", str(GOLDEN_KNOWLEDGE), "condition", "jaw-pain",
                    "--format", GOLDEN_FORMATS[extension])
    assert result.exit_code == 0, result.output
    golden = GOLDEN / f"condition.{extension}"
    if os.environ.get("ACUINFO_UPDATE_GOLDEN") == "1":
        golden.write_bytes(result.stdout.encode("utf-8"))
        return
    if not golden.exists():
        pytest.fail(f"no {golden.name} yet: run the tests with ACUINFO_UPDATE_GOLDEN=1",
                    pytrace=False)
    expected = golden.read_bytes().decode("utf-8")
    if result.stdout != expected:
        diff = difflib.unified_diff(expected.splitlines(), result.stdout.splitlines(),
                                    str(golden), "output", lineterm="")
        pytest.fail("output differs from the golden file (ACUINFO_UPDATE_GOLDEN=1 rewrites it "
                    "after you check the change):\n" + "\n".join(diff), pytrace=False)


# -- content that looks like markup -----------------------------------------------------------

HOSTILE = ["[bold red]x[/]", "<script>alert(1)</script>", "**bold**", "| pipe |"]
LINE_STARTS = ["# not a heading", "- not a list", "1. not a list", "> not a quote", "---"]


def hostile_condition() -> str:
    """A condition whose every kind of text holds markup of Rich, HTML and Markdown."""
    odd = " ".join(HOSTILE)
    lines = "\n".join(f"  {line}" for line in [*LINE_STARTS, "&amp; `code` ~~x~~ $x$ a\\b"])

    def q(text: str) -> str:
        return json.dumps(text)  # JSON strings are YAML strings

    return f"""slug: odd-pain
title: {q("Odd pain " + odd)}
summary: {q(odd)}
key_points: [{q(odd)}, {q(HOSTILE[0])}, {q(HOSTILE[1])}]
reviewed: 2026-11-25
reviewed_by: {q(odd)}
what_it_is: {q("It is " + odd)}
how_common: |-
{lines}
symptoms: [{q(HOSTILE[0])}, {q(HOSTILE[1])}, {q(HOSTILE[2])}, {q(HOSTILE[3])}]
causes: [{q(odd)}]
acupuncture:
  how_it_may_help: {q(odd)}
  why: {q(odd)}
evidence:
  rating: limited
  summary: {q(odd)}
  sources: [vickers-2018]
course: {q(odd)}
other_options: [{q(odd)}]
self_care: [{q(odd)}]
red_flags:
  emergency: [{q(HOSTILE[0])}]
  same_day: [{q(HOSTILE[1])}]
  see_doctor: [{q(HOSTILE[2] + " " + HOSTILE[3])}]
"""


@pytest.fixture
def odd_folder(clinic) -> Path:
    return clinic("conditions/odd-pain.yaml", hostile_condition())


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("args", [["condition", "odd-pain"], ["conditions"]])
def test_markup_in_content_stays_text(invoke, odd_folder, args, fmt):
    result = invoke("--data-dir", str(odd_folder), *args, "--format", fmt,
                    env={"COLUMNS": "1000"})  # no wrapping inside the strings looked for
    assert result.exit_code == 0, result.output
    out = result.stdout
    if fmt == "json":
        shown = json.dumps(json.loads(out), ensure_ascii=False)
        strings = [json.dumps(s, ensure_ascii=False)[1:-1] for s in HOSTILE]
    elif fmt == "markdown":
        assert all(ANCHOR.fullmatch(html) for html in markdown_html_tokens(out))
        page = Page(markdown_parser().render(out))
        shown, strings = page.visible_text(), HOSTILE
        if args == ["conditions"]:
            rows = markdown_table_rows(out)
            assert all(len(row) == 3 for row in rows), "a pipe in a cell made a column"
            assert ["odd-pain", "Odd pain " + " ".join(HOSTILE), " ".join(HOSTILE)] in rows
    elif fmt == "html":
        page = check_html_page(out)
        shown, strings = page.visible_text(), HOSTILE
    else:
        shown, strings = out, HOSTILE
    for string in strings:
        assert string in shown, f"{string!r} is not shown as written in {fmt}"
    if args[0] == "condition" and fmt in ("plain", "markdown", "html"):
        for line in LINE_STARTS:
            assert line in shown, f"{line!r} became markup in {fmt}"


def test_markdown_makes_no_emphasis_html_or_headings_of_content(invoke, odd_folder):
    out = output(invoke, ["--data-dir", str(odd_folder), "condition", "odd-pain"], "markdown")
    rendered = markdown_parser().render(out)
    assert "<strong>bold</strong>" not in rendered
    assert "<script>" not in rendered and "<del>" not in rendered
    document = json.loads(output(invoke, ["--data-dir", str(odd_folder), "condition",
                                          "odd-pain"], "json"))
    assert markdown_headings(out) == expected_headings(document)


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_only_web_addresses_become_links(fmt):
    document = Document(kind="page", title="T", sections=[Section("S", [Paragraph("x")], "s",
                                                                  [1, 2])],
                        citations=[Citation(1, "a", "A.", "javascript:alert(1)"),
                                   Citation(2, "b", "B.", "https://example.org/a b")])
    out = io.StringIO()
    render(document, fmt, out)
    page = Page(markdown_parser().render(out.getvalue()) if fmt == "markdown" else out.getvalue())
    assert "javascript:alert(1)" in page.visible_text(), "shown as text"
    links = [a["href"] for a in page.all("a") if not a.get("href", "#").startswith("#")]
    assert links == ["https://example.org/a%20b"]


def test_markdown_lists_side_by_side_stay_apart():
    document = Document(kind="page", title="T", sections=[
        Section("", [Bullets(["a", "b"]), Bullets(["c"]), Bullets(["d"])], "x"),
        Section("", [Steps([Step("s", "t")]), Steps([Step("u", "v\nw")])], "y")])
    out = io.StringIO()
    render(document, "markdown", out)
    tokens = markdown_parser().parse(out.getvalue())
    lists = [t.type for t in tokens if t.type.endswith("list_open")]
    assert lists == ["bullet_list_open"] * 3 + ["ordered_list_open"] * 2


@pytest.mark.parametrize("fmt", ["plain", "markdown", "json", "html"])
def test_a_document_in_parts_keeps_its_levels(fmt):
    """A handout's parts (level 1) hold sections (level 2) in every format, not only HTML."""
    from acuinfo.knowledge.loading import Knowledge, folders_in_use
    from acuinfo.views import handout
    from acuinfo.views.document import to_json

    document = handout.handout(Knowledge(folders_in_use([])), ["neck-pain", "low-back-pain"],
                             session=True, tips=True, today=datetime.date(2026, 11, 25))
    out = io.StringIO()
    render(document, fmt, out)
    text = out.getvalue()
    expected = expected_headings(to_json(document))
    assert (2, "Neck pain") in expected and (3, "What a course looks like") in expected
    if fmt == "plain":
        lines = text.splitlines()
        assert lines[lines.index("Part 4: Neck pain") - 1] == ""
        assert "Part 5: Low back pain" in lines and "Part 7: Self-care tips" in lines
        assert "Date: 25 November 2026" in lines
    elif fmt == "markdown":
        assert markdown_headings(text) == expected
    elif fmt == "json":
        assert json.loads(text)["sections"][0]["level"] == 1
    else:
        page = check_html_page(text)
        alerts = {title for level, title in expected_headings(to_json(document), True) if not level}
        assert [h for h in page.headings if h[1] not in alerts] == expected
        assert {"class": "part", "id": "neck-pain"} in page.all("section")
