"""acuinfo handout: what goes on the paper, said once, with no command in it.

The handout is built for every condition in every form (full, with the session journey
and tips, with the safety and red-flags pages, short), alone and in pairs, and read back
from what a reader gets: the HTML page (its visible text and the drawings' names),
Markdown and plain text. The command line is driven as a person would (CliRunner and
the installed script). How it prints is tested in Chromium: test_handout_browser.py.
"""

from __future__ import annotations

import datetime
import io
import re
from functools import cache
from html.parser import HTMLParser

import pytest
import yaml

from acuinfo.knowledge.loading import Knowledge, folders_in_use
from acuinfo.render import render
from acuinfo.views import handout, handout_rules

from conftest import CONDITION_SLUGS, DATA, TRACEBACK

TODAY = datetime.date(2026, 12, 2)
FORMS = {
    "bare": {},
    "full": {"session": True, "tips": True},
    "everything": {"session": True, "tips": True, "safety": True, "red_flags": True},
    "short": {"short": True},
    "short-with-pages": {"short": True, "safety": True, "red_flags": True},
}
PAIRS = [["neck-pain", "low-back-pain"], ["neck-pain", "whiplash"],
         ["low-back-pain", "sciatica"], ["migraine", "tension-type-headache"],
         ["shoulder-pain", "jaw-pain"], ["neck-pain", "tension-type-headache"],
         ["pelvic-girdle-pain", "low-back-pain"]]
CASES = [([slug], form) for slug in CONDITION_SLUGS for form in FORMS] + [
    (pair, form) for pair in PAIRS for form in ("full", "everything", "short")]
CASE_IDS = [f"{'+'.join(names)}-{form}" for names, form in CASES]


@cache
def built(names: tuple[str, ...], form: str) -> object:
    return handout.handout(Knowledge(folders_in_use([])), list(names), today=TODAY,
                         **FORMS[form])


@cache
def rendered(names: tuple[str, ...], form: str, fmt: str) -> str:
    out = io.StringIO()
    render(built(names, form), fmt, out)
    return out.getvalue()


class Reading(HTMLParser):
    """What a reader of the HTML page gets: its text, the names of its drawings, and its
    pieces of running text (paragraphs, list items), leaving out headings, table cells,
    captions, the source list, citation marks and the foot."""

    SKIP = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "th", "td", "figcaption", "footer",
                      "style", "title"})

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.names: list[str] = []
        self.pieces: list[str] = []
        self._stack: list[tuple[str, bool]] = []
        self._piece: list[str] | None = None
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = dict(attrs)
        if "aria-label" in attributes:
            self.names.append(attributes["aria-label"])
        if tag in ("br", "meta", "path", "circle", "rect"):
            return
        skipped = (tag in self.SKIP or attributes.get("id") == "sources"
                   or "cites" in (attributes.get("class") or "").split()
                   or any(skip for _, skip in self._stack))
        self._stack.append((tag, skipped))
        if tag in ("p", "li") and not skipped and self._piece is None:
            self._piece = []

    def handle_endtag(self, tag: str) -> None:
        while self._stack:
            opened, _ = self._stack.pop()
            if opened == tag:
                break
        if tag in ("p", "li") and self._piece is not None and not any(
                t in ("p", "li") for t, _ in self._stack):
            self.pieces.append(" ".join("".join(self._piece).split()))
            self._piece = None

    def handle_data(self, data: str) -> None:
        if self._stack and self._stack[-1][0] in ("style", "title"):
            return
        self.text.append(data)
        if self._piece is not None and not any(skip for _, skip in self._stack):
            self._piece.append(data)


def reading(names: tuple[str, ...], form: str) -> Reading:
    return Reading(rendered(names, form, "html"))


def sentences(piece: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", piece) if s]


def normal(sentence: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", sentence.lower()))


def condition_file(slug: str) -> dict:
    return yaml.safe_load((DATA / "conditions" / f"{slug}.yaml").read_text(encoding="utf-8"))


def page_file(page_id: str) -> dict:
    return yaml.safe_load((DATA / "pages" / f"{page_id}.yaml").read_text(encoding="utf-8"))


# -- written for paper -----------------------------------------------------------------------


@pytest.mark.parametrize(("names", "form"), CASES, ids=CASE_IDS)
def test_no_handout_names_a_command(names, form):
    for fmt in ("html", "markdown", "plain"):
        out = rendered(tuple(names), form, fmt)
        visible = " ".join(Reading(out).text + Reading(out).names) if fmt == "html" else out
        assert "acuinfo " not in visible.lower(), fmt
        assert not re.search(r"(?i)\brun\s*[\"\u201c:]|open with:", visible), fmt
    assert "acuinfo " not in rendered(tuple(names), form, "html").lower(), "not even in markup"


@pytest.mark.parametrize(("names", "form"), CASES, ids=CASE_IDS)
def test_a_sentence_of_advice_appears_once(names, form):
    seen: dict[str, str] = {}
    repeated = []
    for piece in reading(tuple(names), form).pieces:
        for sentence in sentences(piece):
            key = normal(sentence)
            if len(key.split()) < 3:
                continue
            if key in seen:
                repeated.append(sentence)
            seen[key] = sentence
    assert repeated == []


@pytest.mark.parametrize(("names", "form"), CASES, ids=CASE_IDS)
def test_every_warning_sign_is_on_the_paper(names, form):
    """Safety content is never cut: every warning sign of the chosen conditions, and the
    signs to act on during or after a session, are there. Of two conditions' signs, one
    whose every word another shown sign holds may be left out; and a condition's sign
    about acupuncture itself (breathless or chest pain during or after it) is said by the
    box for during or after a session."""
    page = reading(tuple(names), form)
    shown = [normal(piece) for piece in page.pieces]
    flags = [condition_file(slug)["red_flags"] for slug in names]
    signs = [sign for levels in flags for name, level in levels.items() if name != "notes"
             for sign in level]
    for note in (note for levels in flags for note in levels.get("notes", {}).values()):
        assert any(normal(note) in piece for piece in shown), note
    signs += [point for part in page_file("safety")["sections"]
              if part.get("style") in ("emergency", "same-day")
              and re.search(r"session|acupuncture", part["heading"].split(":")[0], re.I)
              for point in part["points"]]
    box_sign = normal("You feel suddenly short of breath, or have chest pain. This can be "
                      "a collapsed lung.")
    assert box_sign in shown
    for sign in signs:
        words = set(normal(sign).split())
        assert normal(sign) in shown or (len(names) > 1 and any(
            words <= set(piece.split()) for piece in shown)) or (
            re.search(r"during or after acupuncture\.( This can be a collapsed lung\.)?$", sign)
            and "more so" not in sign), sign


def test_the_full_safety_list_stands_where_the_session_pointed_to_it(invoke, tmp_path):
    target = tmp_path / "h.html"
    assert invoke("handout", "neck-pain", "--session", "-o", str(target)).exit_code == 0
    page = Reading(target.read_text(encoding="utf-8"))
    text = " ".join(page.text)
    assert "Talk to your doctor first if" in text
    for point in next(p for p in page_file("safety")["sections"]
                      if p.get("style") == "warning")["points"]:
        assert point in page.pieces
    assert "Check with your doctor if you need extra care" not in text, "the step gave way"


# -- one place for each instruction ------------------------------------------------------------


def test_the_rule_puts_each_topic_in_one_part():
    """The same advice from the condition, the session journey and the tips, once: the
    course in the condition's part, scoring pain in the diary, self-care a tip covers in
    the tip, warnings in When to get help."""
    page = reading(("neck-pain",), "full")
    text = " ".join(page.pieces)
    assert len(re.findall(r"6 to 12 sessions", text)) == 1, "the course, said once"
    assert len(re.findall(r"One clinic reports", text)) == 1
    html = rendered(("neck-pain",), "full", "html")
    before_the_diary = " ".join(Reading(html[:html.index('id="diary"')] + ">").pieces)
    assert not re.search(r"0 to 10|2 points", before_the_diary), "scoring pain: in the diary"
    assert "0 (best) to 10 (worst)" in text, "scoring pain: in the diary"
    assert "Start a pain diary" not in " ".join(page.text)
    assert "Raise your screen" in " ".join(page.text), "the tip"
    assert "Raise your phone or screen so you look straight ahead, not down." not in text
    assert "Know when to call someone" not in " ".join(page.text), "When to get help has it"
    assert "Know the neck signs that cannot wait" not in " ".join(page.text)
    assert len(re.findall(r"needle spot", text)) == 1
    # without tips, the condition's own self-care list is the one place
    bare = " ".join(reading(("neck-pain",), "bare").pieces)
    assert "Raise your phone or screen so you look straight ahead, not down." in bare


def test_how_a_session_feels_and_who_should_mind_the_lungs_are_said_once():
    """With the session journey, a condition's sentences about feeling tired and driving
    give way to its step; with the box of who should talk to their doctor first, its
    sentences about lung disease give way to the box. Without them, they stay."""
    full = " ".join(reading(("neck-pain",), "full").pieces)
    assert len(re.findall(r"\bdrive\b", full)) == 1
    assert len(re.findall(r"lung disease", full)) == 1
    bare = " ".join(reading(("neck-pain",), "bare").pieces)
    assert "plan to drive" in bare and "lung disease" in bare


@pytest.mark.parametrize(("language", "drive", "lung"), [
    ("es", r"\bconducir\b", r"enfermedad (?:del pulmón|pulmonar)(?! obstructiva)"),
    ("zh-Hans", "开车", "肺病")])
def test_a_translated_handout_says_them_once_too(language, drive, lung):
    """The same rules hold in Spanish and Chinese, whose words they know: a translated
    handout is not longer for repeating what its English one says once."""
    knowledge = Knowledge(folders_in_use([]), language=language)
    for form in ("full", "bare"):
        out = io.StringIO()
        render(handout.handout(knowledge, ["neck-pain"], today=TODAY, **FORMS[form]), "html",
               out)
        text = " ".join(Reading(out.getvalue()).pieces)
        said = len(re.findall(drive, text)), len(re.findall(lung, text))
        assert said == (1, 1) if form == "full" else min(said) >= 1, (form, said)


@pytest.mark.parametrize("language", ["es", "zh-Hans"])
@pytest.mark.parametrize("names", [("neck-pain",), ("neck-pain", "low-back-pain")])
@pytest.mark.parametrize("form", ["bare", "everything"])
def test_a_translated_handout_warns_of_the_signs_its_english_one_does(language, names, form):
    """Whether a sign is left to another box (a condition's chest pain during acupuncture,
    to the box for during or after a session) or to an earlier sign that holds it is told
    by the English words: a translated handout shows as many signs in each box as its
    English one, none twice, none left out."""
    def signs_per_box(language: str) -> list[tuple[str, int]]:
        document = handout.handout(Knowledge(folders_in_use([]), language=language),
                                   list(names), today=TODAY, **FORMS[form])
        (warnings,) = [section for section in document.sections if section.id == "red-flags"]
        return [(block.type, len(block.items)) for block in warnings.blocks]

    assert signs_per_box(language) == signs_per_box("en")


def test_two_conditions_share_one_set_of_warnings_and_say_the_course_once():
    page = reading(("neck-pain", "low-back-pain"), "full")
    headings = re.findall(r"<h\d[^>]*>([^<]*)</h\d>", rendered(
        ("neck-pain", "low-back-pain"), "full", "html"))
    assert headings.count("Get emergency help now") == 1
    assert headings.count("Get medical advice today") == 1
    text = " ".join(page.pieces)
    assert text.count("Do not wait for acupuncture.") == 1
    assert len(re.findall(r"If nothing has changed by the 6th session", text)) == 1
    assert "In a large German trial, people had 10 sessions of 30 minutes" in text, (
        "what one condition's course says of its own stays")


def test_red_flags_page_adds_only_what_the_conditions_do_not_cover():
    html = rendered(("neck-pain",), "everything", "html")
    assert ">Headache: get emergency help now<" in html
    assert ">Back pain: get emergency help now<" in html
    assert ">Neck pain: get emergency help now<" not in html, "neck pain's own list stands"
    assert ">Rare serious problems<" in html, "--safety adds the safety page"
    assert html.count(">Talk to your doctor first if<") == 1
    plain = rendered(("neck-pain",), "full", "html")
    assert ">Headache: get emergency help now<" not in plain
    assert ">Rare serious problems<" not in plain


# -- the parts of the paper ------------------------------------------------------------------


def test_key_points_come_first_in_a_box():
    html = rendered(("neck-pain",), "full", "html")
    main = html[html.index("<main>"):]
    assert main.index('id="key-points"') < main.index('id="phone-numbers"') < main.index(
        'id="red-flags"')
    box = main[main.index('id="key-points"'):main.index('id="phone-numbers"')]
    for point in condition_file("neck-pain")["key_points"]:
        assert point in box
    assert "#key-points {" in html, "drawn as a box"


def key_point_texts(document) -> list[str]:
    return [item for s in document.sections if s.id.startswith("key-points")
            for b in s.blocks for item in b.items]


def test_with_the_sessions_the_key_points_cover_them_too():
    """The box sums up the whole handout: with the sessions, the emergency during or after
    a session, and the diary with when to decide; without them, the condition's points
    alone."""
    session = yaml.safe_load((DATA / "session.yaml").read_text(encoding="utf-8"))
    wanted = [point for point in session["key_points"]
              if re.search(r"emergency|pain diary", point)]
    assert len(wanted) == 2
    own = condition_file("neck-pain")["key_points"]
    assert key_point_texts(built(("neck-pain",), "full")) == [*own, *wanted]
    assert key_point_texts(built(("neck-pain",), "bare")) == own
    two = built(("neck-pain", "low-back-pain"), "full")
    assert [s.id for s in two.sections if s.id.startswith("key-points")] == [
        "key-points", "key-points-neck-pain", "key-points-low-back-pain",
        "key-points-session"]
    assert key_point_texts(two)[-2:] == wanted


@pytest.mark.parametrize("language", ["es", "zh-Hans"])
def test_a_translated_handout_adds_the_same_session_points(language):
    translated = handout.handout(Knowledge(folders_in_use([]), language=language),
                                 ["neck-pain"], today=TODAY, session=True, tips=True)
    bare = handout.handout(Knowledge(folders_in_use([]), language=language),
                           ["neck-pain"], today=TODAY)
    assert len(key_point_texts(translated)) == len(key_point_texts(bare)) + 2


def test_the_diary_has_the_peg_scores_and_rows_for_a_course():
    document = built(("neck-pain",), "short")
    diary = next(s for s in document.sections if s.id == "diary")
    table, change = [b for b in diary.blocks if b.type == "table"]
    assert table.columns == ["Date", "Session", "Pain", "Enjoyment", "Activity",
                             "What you can do again"]
    assert all(len(column) <= 21 for column in table.columns), "short enough for one line"
    key = next(b for b in diary.blocks if b.type == "bullets").items
    assert [line.split(":")[0] for line in key] == ["Pain", "Enjoyment", "Activity"], (
        "a key above the table says what each score holds")
    assert "past week" in key[0] and "enjoying life" in key[1] and "daily" in key[2]
    assert [row[1] for row in table.rows] == ["Start", *map(str, range(1, 13))]
    assert all(cell == "" for row in table.rows for cell in row[:1] + row[2:])
    cited = {document.citations[n - 1].id for n in diary.cites}
    assert cited == {"krebs-2009", "dworkin-2008"}
    text = " ".join(t for b in diary.blocks if b.type in ("paragraph", "bullets")
                    for t in ([b.text] if b.type == "paragraph" else b.items))
    assert "0 (best) to 10 (worst)" in text, "which way is worse, said plainly"
    assert "percent" not in text and "%" not in text, "no sums: the table gives the number"
    assert change.columns[1:] == [str(first) for first in range(10, 0, -1)]
    assert change.rows[0][1:] == ["7", "6", "5", "4", "4", "3", "2", "2", "1", "0"], (
        "each a fall of 30 in 100 or more")
    assert "practitioner" in text and "6th session" in text, "what to do with the diary"
    html = rendered(("neck-pain",), "short", "html")
    assert "10.1007/s11606-009-0981-1" in html and "10.1016/j.jpain.2007.09.005" in html


def test_the_short_form_holds_the_essentials_only():
    document = built(("neck-pain",), "short")
    assert [s.heading for s in document.sections] == [
        "Key points", "Phone numbers", "When to get help", "Your pain diary"]


def test_the_handouts_own_words_are_plain():
    textstat = pytest.importorskip("textstat")
    document = built(("neck-pain",), "short")
    words = [handout_rules.HANDOUT_NOTICE, *(b.text for s in document.sections for b in s.blocks
                                     if s.id == "diary" and b.type == "paragraph")]
    for text in words:
        assert textstat.flesch_kincaid_grade(text) <= 8, text


def test_drawings_go_with_the_tips_for_the_chosen_conditions():
    neck = {b.drawing for s in built(("neck-pain",), "full").sections for b in s.blocks
            if b.type == "figure"}
    back = {b.drawing for s in built(("low-back-pain",), "full").sections for b in s.blocks
            if b.type == "figure"}
    assert {"screen", "neck", "sit"} <= neck and "lift" not in neck
    assert {"lift", "sit", "walk"} <= back and "screen" not in back
    assert not any(b.type == "figure" for s in built(("neck-pain",), "bare").sections
                   for b in s.blocks), "drawings come with the tips"
    html = rendered(("neck-pain",), "full", "html")
    assert html.count('role="img"') == len(neck)
    assert "<img" not in html and "url(" not in html, "drawn inline, nothing fetched"
    for fmt in ("plain", "markdown"):
        assert "Drawing:" not in rendered(("neck-pain",), "full", fmt)


# -- the clinic's numbers ----------------------------------------------------------------------


def phone_cells(html: str) -> list[str]:
    table = html[html.index('id="phone-numbers"'):]
    table = table[:table.index("</table>")]
    return re.findall(r"<td>([^<]*)</td>", table)


def test_phone_numbers_come_from_the_clinic_profile(invoke, clinic, tmp_path):
    folder = clinic("clinic.yaml", 'name: Riverside Clinic\nreviewed: 2026-11-25\n'
                    'phone: 01234 567890\nemergency_number: "999"\nurgent_number: NHS 111\n'
                    "corrections: Email info@example.org\n")
    target = tmp_path / "h.html"
    result = invoke("-d", str(folder), "handout", "neck-pain", "-o", str(target))
    assert result.exit_code == 0, result.output
    html = target.read_text(encoding="utf-8")
    assert phone_cells(html) == ["Riverside Clinic", "01234 567890", "Your doctor", "",
                                 "Urgent medical advice", "NHS 111", "Emergency", "999"]
    assert html.count("01234 567890") == 1, "the numbers are said in one place"
    assert "Call 999 or go to the nearest emergency department" in html
    assert html.count("Email info@example.org") == 1


def test_without_a_clinic_profile_the_numbers_are_lines_to_write_on(invoke, tmp_path):
    target = tmp_path / "h.html"
    assert invoke("handout", "neck-pain", "--short", "-o", str(target)).exit_code == 0
    assert phone_cells(target.read_text(encoding="utf-8")) == [
        "Your acupuncture clinic", "", "Your doctor", "", "Urgent medical advice", "",
        "Emergency", ""]


# -- the file and its format -------------------------------------------------------------------


@pytest.mark.parametrize(("name", "start"), [("h.html", "<!doctype html>"),
                                             ("h.HTM", "<!doctype html>"),
                                             ("h.md", "# Acupuncture and neck pain"),
                                             ("h.txt", "Acupuncture and neck pain\n")])
def test_the_name_says_the_format(invoke, tmp_path, name, start):
    target = tmp_path / name
    result = invoke("handout", "neck-pain", "--session", "--tips", "-o", str(target))
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert text.startswith(start)
    assert "Your pain diary" in text and "acuinfo " not in text.lower()
    if name.endswith(".txt"):
        assert re.search(r"^______ +Start +______", text, re.MULTILINE), "a diary row to fill in"


@pytest.mark.parametrize("name", ["h.pdf", "h.json", "handout", "h.", ".html"])
def test_a_name_without_a_known_ending_is_refused(invoke, tmp_path, name):
    result = invoke("handout", "neck-pain", "-o", str(tmp_path / name))
    assert result.exit_code == 2
    assert ".html (or .htm), .md or .txt" in result.output
    assert list(tmp_path.iterdir()) == [], "nothing was written"


def test_an_empty_name_is_a_usage_error_not_a_file_that_exists(run_script, tmp_path):
    result = run_script("handout", "neck-pain", "-o", "")
    assert result.returncode == 2
    assert "already exists" not in result.stderr and TRACEBACK not in result.stderr
    assert "Usage: acuinfo handout" in result.stderr
    assert ".html (or .htm), .md or .txt" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_the_short_form_refuses_the_session_and_tips(invoke, tmp_path):
    result = invoke("handout", "neck-pain", "--short", "--tips", "-o", str(tmp_path / "h.html"))
    assert result.exit_code == 2
    assert "short form" in result.output
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("paper", ["a4", "letter", "A4"])
def test_paper_sets_the_css_page_size(invoke, tmp_path, paper):
    target = tmp_path / "h.html"
    assert invoke("handout", "neck-pain", "--paper", paper, "-o", str(target)).exit_code == 0
    size = {"a4": "A4", "letter": "letter"}[paper.lower()]
    assert f"@page {{ size: {size}; }}" in target.read_text(encoding="utf-8")


def test_without_paper_the_printer_chooses(invoke, tmp_path):
    target = tmp_path / "h.html"
    assert invoke("handout", "neck-pain", "-o", str(target)).exit_code == 0
    assert "@page { size" not in target.read_text(encoding="utf-8")


def test_paper_is_for_html_only(invoke, tmp_path):
    result = invoke("handout", "neck-pain", "--paper", "a4", "-o", str(tmp_path / "h.md"))
    assert result.exit_code == 2 and "HTML" in result.output
    assert list(tmp_path.iterdir()) == []


def test_leaflet_is_the_short_form(invoke, tmp_path):
    short, leaflet = tmp_path / "s.txt", tmp_path / "l.txt"
    assert invoke("handout", "neck-pain", "--short", "-o", str(short)).exit_code == 0
    assert invoke("handout", "neck-pain", "--leaflet", "-o", str(leaflet)).exit_code == 0
    assert short.read_text(encoding="utf-8") == leaflet.read_text(encoding="utf-8")
    assert "How acupuncture may help" not in short.read_text(encoding="utf-8")


def test_a_handout_as_json_matches_the_schema():
    import json

    from jsonschema import Draft202012Validator

    from acuinfo.views.document import to_json

    from conftest import REPO

    schema = json.loads((REPO / "docs" / "document.schema.json").read_text(encoding="utf-8"))
    document = handout.handout(Knowledge(folders_in_use([])), ["neck-pain", "low-back-pain"],
                             True, True, TODAY, safety=True, red_flags=True, paper="a4")
    assert list(Draft202012Validator(schema).iter_errors(to_json(document))) == []


def parts(document) -> dict[str, list[str]]:
    """Each part's heading, with the headings of the sections inside it."""
    found: dict[str, list[str]] = {}
    for section in document.sections:
        if section.level == 1:
            current = found.setdefault(section.heading, [])
        else:
            current.append(section.heading)
    return found


def test_the_pages_asked_for_keep_their_own_parts():
    everything = parts(built(("neck-pain",), "everything"))
    assert {"Common minor side effects", "Rare serious problems",
            "How to lower your risk"} <= set(everything["Is acupuncture safe?"])
    assert "Rare serious problems" not in everything["When to get help"]
    assert everything["When to get help"] == ["Why these back pain signs matter",
                                             "If you are not sure"]
    back = handout.handout(Knowledge(folders_in_use([])), ["low-back-pain"], today=TODAY,
                         red_flags=True)
    assert parts(back)["When to get help"] == ["Why these neck pain signs matter",
                                               "If you are not sure"], (
        "low back pain's own signs stand for the page's back pain boxes and their note")
    assert not any(b.title.startswith("Back pain:") for s in back.sections
                   for b in s.blocks if b.type == "alert")


def test_other_options_a_tip_covers_give_way_to_the_tip():
    option = "A mindfulness course, which teaches you to pay calm attention to the present moment."
    full = reading(("low-back-pain",), "full")
    assert "Try mindfulness" in " ".join(full.text)
    assert option not in full.pieces
    assert "Staying active, and regular exercise such as walking." in full.pieces
    assert option in reading(("low-back-pain",), "bare").pieces


# -- reading order ---------------------------------------------------------------------------


@pytest.mark.parametrize("names", [("neck-pain",), ("neck-pain", "low-back-pain")])
def test_all_that_comes_before_a_first_session_is_in_one_place(names):
    document = built(names, "full")
    headings = [(s.level, s.heading) for s in document.sections]
    assert (1, "Before you start") not in headings
    session = headings.index((1, "Your acupuncture sessions"))
    box, before = document.sections[session + 1], document.sections[session + 2]
    assert [b.title for b in box.blocks] == ["Talk to your doctor first if"] and box.level == 2
    assert before.heading == "Before your first session"


@pytest.mark.parametrize("names", [("neck-pain",), ("neck-pain", "low-back-pain")])
def test_self_care_is_in_one_part_when_the_tips_are_there(names):
    document = built(names, "full")
    found = parts(document)
    assert not any("Looking after yourself" in inner for inner in found.values())
    tips = next(s for s in document.sections if s.id == "tips")
    leads = [b.text for b in tips.blocks if b.type == "paragraph"]
    assert leads == [f"More ways to look after yourself with {n.replace('-', ' ')}:"
                     for n in names]
    warm_pack = ("Put a warm pack, wrapped in a towel, on tight muscles for about 20 minutes "
                 "at a time.")
    assert any(warm_pack in b.items for b in tips.blocks if b.type == "bullets")
    bare = parts(built(names, "bare"))
    assert "Looking after yourself" in bare["Neck pain"], "without the tips, it stays"
