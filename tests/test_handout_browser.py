"""acuinfo handout: the file a patient opens in a browser, prints, and takes home.

The browser checks drive the system's headless Chromium with Playwright: the
page shows, prints on a known number of A4 and Letter pages with nothing cut
off, passes an axe-core audit, and reflows at 200% zoom. axe.min.js comes from
the axe-playwright-python package (set ACUINFO_AXE_JS to use another copy) and
is added to the page here, never to the handout itself. ACUINFO_CHROMIUM names
another Chromium than Debian's /usr/bin/chromium.

Without Chromium, Playwright or axe these tests are skipped on a developer's
machine, but they fail when CI is set: CI must really run them (.ci/run
installs Chromium).
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("ACUINFO_CHROMIUM", "/usr/bin/chromium"))  # Debian's package
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
# Measured with 11pt print type, 9-10mm margins and Liberation Sans (Arial's metric twin),
# with Chromium's own paper size (no --paper). A change to the text of the handouts below
# or to the print CSS can move these: measure and update.
ONE = ["neck-pain"]
FULL = ["neck-pain", "--session", "--tips"]
SHORT = ["neck-pain", "--short"]
TWO = ["neck-pain", "low-back-pain", "--session", "--tips"]
EVERYTHING = ["neck-pain", "--session", "--tips", "--safety", "--red-flags"]
PAGES = {
    "one": {"A4": 3, "Letter": 3},
    "full": {"A4": 4, "Letter": 4},
    "short": {"A4": 2, "Letter": 2},
    "two": {"A4": 6, "Letter": 6},
}
HANDOUTS = {"one": ONE, "full": FULL, "short": SHORT, "two": TWO}
# PDF page sizes in points (1/72 inch).
SIZES = {"a4": (595.3, 841.9), "letter": (612.0, 792.0)}


def missing(what: str) -> None:
    """Skip on a developer's machine; fail in CI, which must run the browser tests."""
    if os.environ.get("CI"):
        pytest.fail(f"{what}; CI must run the browser tests", pytrace=False)
    pytest.skip(what)


def require(module: str):
    """Import a test dependency, or skip (fail in CI) without it."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        missing(f"{module} is not installed: pip install '.[test]'")


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    sync_playwright = require("playwright.sync_api").sync_playwright
    if not CHROMIUM.exists():
        missing(f"no Chromium at {CHROMIUM}: apt-get install chromium")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def axe_script() -> Path:
    if os.environ.get("ACUINFO_AXE_JS"):
        script = Path(os.environ["ACUINFO_AXE_JS"])
    else:
        script = Path(require("axe_playwright_python").__file__).parent / "axe.min.js"
    if not script.is_file():
        missing(f"no axe-core script at {script}")
    return script


@pytest.fixture
def write_handout(run_script, tmp_path: Path) -> Callable[..., Path]:
    """Run ``acuinfo handout ARGS -o NAME`` as a person would; return the file."""

    def write(args: list[str], name: str = "handout.html") -> Path:
        result = run_script("handout", *args, "-o", name)
        assert result.returncode == 0, result.stderr
        assert result.stdout == f"Wrote {name}\n"
        return tmp_path / name

    return write


@pytest.fixture
def open_page(browser):
    """Open a file in a page of its own; ``requests`` collects every address it loads."""
    contexts = []

    def open_file(path: Path, requests: list[str] | None = None, **options):
        context = browser.new_context(**options)
        contexts.append(context)
        page = context.new_page()
        if requests is not None:
            page.on("request", lambda request: requests.append(request.url))
        page.goto(path.as_uri())
        return page

    yield open_file
    for context in contexts:
        context.close()


# -- in the browser -----------------------------------------------------------------------


def test_handout_shows_and_fetches_nothing(write_handout, open_page):
    requests: list[str] = []
    page = open_page(write_handout(FULL), requests)
    assert page.locator("h1").inner_text() == "Acupuncture and neck pain"
    assert page.title() == "Acupuncture and neck pain"
    assert page.locator("#key-points li").count() == 7, "the condition's 5, the sessions' 2"
    alert = page.get_by_role("note").first
    assert alert.is_visible()
    assert alert.get_by_role("heading").inner_text() == "Get emergency help now"
    assert re.fullmatch(r"Date: \d{1,2} [A-Z][a-z]+ \d{4}", page.locator(".date").inner_text())
    assert requests == [page.url], "the page loads nothing but itself"


def test_drawings_have_names_and_suit_the_condition(write_handout, open_page):
    neck = open_page(write_handout(FULL)).get_by_role("img")
    names = [neck.nth(i).get_attribute("aria-label") for i in range(neck.count())]
    assert len(names) >= 3 and all(name.startswith("Drawing: ") for name in names)
    assert any("screen" in name for name in names), "a screen at eye height for neck pain"
    assert not any("lifts a box" in name for name in names), "no lifting for neck pain alone"
    back = open_page(write_handout(["low-back-pain", "--tips"], "back.html"))
    lifting = back.get_by_role("img", name=re.compile("lifts a box with bent knees"))
    assert lifting.count() == 1 and lifting.is_visible()
    assert back.locator("svg[role=img]").evaluate_all(
        "svgs => svgs.every(s => s.getBBox().width > 50)"), "every drawing is drawn"


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_handouts_print_on_known_pages(write_handout, open_page, name, paper):
    pypdf = require("pypdf")
    page = open_page(write_handout(HANDOUTS[name]))
    last_source = page.locator("#sources li").last.inner_text()
    pdf = pypdf.PdfReader(io.BytesIO(page.pdf(format=paper)))
    text = "".join("".join(p.extract_text().split()) for p in pdf.pages)
    assert "".join(last_source.split()) in text, "the last source is printed whole"
    assert "doesnotreplaceadvice" in text, "the notice at the foot is printed"
    for words in ("Keypoints", "Phonenumbers", "Whentogethelp", "Yourpaindiary",
                  "DateSessionPainEnjoymentActivity", "Lastreviewed:", "Reviewdue:",
                  "Checkedby:", "Corrections:"):
        assert words in text, f"{words} is printed"
    assert len(pdf.pages) == PAGES[name][paper], f"{name} on {paper}: {len(pdf.pages)} pages"


def test_one_condition_with_session_and_tips_fits_on_four_a4_pages(write_handout, open_page):
    pypdf = require("pypdf")
    page = open_page(write_handout(FULL))
    pages = len(pypdf.PdfReader(io.BytesIO(page.pdf(format="A4"))).pages)
    assert 2 <= pages <= 4


@pytest.mark.parametrize("paper", SIZES)
def test_paper_sets_the_printed_page_size(write_handout, open_page, paper):
    """--paper writes CSS @page size, which Chromium follows when the page asks for it,
    whatever size it would otherwise print on."""
    pypdf = require("pypdf")
    page = open_page(write_handout([*FULL, "--paper", paper]))
    other = "Letter" if paper == "a4" else "A4"
    pdf = pypdf.PdfReader(io.BytesIO(page.pdf(format=other, prefer_css_page_size=True)))
    for printed in pdf.pages:
        width, height = float(printed.mediabox.width), float(printed.mediabox.height)
        assert (round(width, 1), round(height, 1)) == pytest.approx(SIZES[paper], abs=1)
    assert len(pdf.pages) == PAGES["full"]["A4" if paper == "a4" else "Letter"]


def test_print_type_is_large_enough(write_handout, open_page):
    page = open_page(write_handout(FULL))
    screen = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    page.emulate_media(media="print")
    printed = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    warning = page.evaluate("parseFloat(getComputedStyle(document.querySelector("
                            "'.alert li')).fontSize)")
    assert screen >= 16
    assert printed >= 11 * 96 / 72, "at least 11pt on paper"
    assert warning >= 11 * 96 / 72, "warning signs at least 11pt on paper"


@pytest.mark.parametrize("args", [ONE, FULL, SHORT, TWO, EVERYTHING],
                         ids=["one", "full", "short", "two", "everything"])
def test_no_accessibility_problems(write_handout, open_page, axe_script, args):
    page = open_page(write_handout(args))
    page.add_script_tag(path=str(axe_script))
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    found = [f"{v['id']} ({v['impact']}): {v['help']} at "
             + ", ".join(str(node["target"]) for node in v["nodes"][:3])
             for v in results["violations"]]
    assert found == [], "axe reports nothing, at any impact"


@pytest.mark.parametrize("width", [640, 320], ids=["200%", "400%"])
@pytest.mark.parametrize("args", [ONE, FULL, SHORT, TWO], ids=["one", "full", "short", "two"])
def test_reflows_when_zoomed(write_handout, open_page, args, width):
    """A 1280px-wide window at 200% zoom is 640 CSS pixels; at 400%, 320 (WCAG 1.4.10)."""
    page = open_page(write_handout(args), viewport={"width": width, "height": 900})
    scroll, client = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert scroll <= client + 1, "the page scrolls sideways"


# -- the file ------------------------------------------------------------------------------


def test_handout_never_replaces_a_file_without_force(run_script, tmp_path):
    target = tmp_path / "handout.html"
    target.write_bytes(b"my own notes\n")
    result = run_script("handout", "neck-pain", "-o", "handout.html")
    assert result.returncode == 1
    assert "already exists" in result.stderr and "--force" in result.stderr
    assert result.stdout == ""
    assert target.read_bytes() == b"my own notes\n"


def test_force_replaces_the_file(run_script, tmp_path):
    target = tmp_path / "handout.html"
    target.write_bytes(b"old\n")
    result = run_script("handout", "neck-pain", "-o", "handout.html", "--force")
    assert result.returncode == 0, result.stderr
    assert target.read_text(encoding="utf-8").startswith("<!doctype html>")


def test_every_condition_with_session_and_tips_fits_on_four_a4_pages(run_script, tmp_path,
                                                                     browser):
    pypdf = require("pypdf")
    from conftest import CONDITION_SLUGS

    context = browser.new_context()
    try:
        page = context.new_page()
        counts = {}
        for slug in CONDITION_SLUGS:
            result = run_script("handout", slug, "--session", "--tips", "-o", f"{slug}.html")
            assert result.returncode == 0, result.stderr
            page.goto((tmp_path / f"{slug}.html").as_uri())
            counts[slug] = len(pypdf.PdfReader(io.BytesIO(page.pdf(format="A4"))).pages)
    finally:
        context.close()
    assert {slug: n for slug, n in counts.items() if not 2 <= n <= 4} == {}


# -- other languages -----------------------------------------------------------------------


@pytest.mark.parametrize("language", ["es", "zh-Hans"])
def test_a_handout_in_another_language(write_handout, open_page, axe_script, language):
    """The page says its language (for screen readers' voices and for fonts), and axe
    reports nothing."""
    page = open_page(write_handout(["--lang", language, *FULL]))
    assert page.evaluate("document.documentElement.lang") == language
    page.add_script_tag(path=str(axe_script))
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    assert [f"{v['id']} ({v['impact']})" for v in results["violations"]] == []


@pytest.mark.parametrize("language", ["es", "zh-Hans"])
def test_a_handout_in_another_language_prints_on_two_to_four_pages(write_handout, open_page,
                                                                   language):
    pypdf = require("pypdf")
    page = open_page(write_handout(["--lang", language, *FULL]))
    last_source = page.locator("#sources li").last.inner_text()
    pdf = pypdf.PdfReader(io.BytesIO(page.pdf(format="A4")))
    text = "".join("".join(p.extract_text().split()) for p in pdf.pages)
    assert "".join(last_source.split()) in text, "the last source is printed whole"
    assert 2 <= len(pdf.pages) <= 4, f"{len(pdf.pages)} pages"


def test_a_handout_in_chinese_is_printed_in_a_chinese_font(write_handout, open_page):
    """The printed Chinese is drawn from a font that has Chinese characters (CI installs
    WenQuanYi Micro Hei), not left to a fallback that prints empty boxes."""
    pypdf = require("pypdf")
    page = open_page(write_handout(["--lang", "zh-Hans", *SHORT]))
    pdf = pypdf.PdfReader(io.BytesIO(page.pdf(format="A4")))
    fonts = {str(font.get_object().get("/BaseFont", "")) for printed in pdf.pages
             for font in (printed["/Resources"].get("/Font") or {}).values()}
    assert any(re.search("WenQuanYi|NotoSansCJK|SourceHanSans", name) for name in fonts), fonts
