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
# Measured with 12pt print type, 15mm margins and Liberation Sans (Arial's metric twin).
# A change to the neck-pain text or to the print CSS can move these: measure and update.
PAGES = {"A4": 6, "Letter": 6}
ONE = ["neck-pain"]
TWO = ["neck-pain", "low-back-pain", "--session", "--tips"]


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
def write_handout(run_script, tmp_path: Path) -> Callable[[list[str]], Path]:
    """Run ``acuinfo handout ARGS -o handout.html`` as a person would; return the file."""

    def write(args: list[str]) -> Path:
        result = run_script("handout", *args, "-o", "handout.html")
        assert result.returncode == 0, result.stderr
        assert result.stdout == "Wrote handout.html\n"
        return tmp_path / "handout.html"

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
    page = open_page(write_handout(ONE), requests)
    assert page.locator("h1").inner_text() == "Acupuncture and neck pain"
    assert page.title() == "Acupuncture and neck pain"
    alert = page.get_by_role("note").first
    assert alert.is_visible()
    assert alert.get_by_role("heading").inner_text() == "Get emergency help now"
    assert re.fullmatch(r"Date: \d{1,2} [A-Z][a-z]+ \d{4}", page.locator(".date").inner_text())
    assert requests == [page.url], "the page loads nothing but itself"


@pytest.mark.parametrize("paper", PAGES)
def test_one_condition_prints_on_known_pages(write_handout, open_page, paper):
    pypdf = require("pypdf")
    page = open_page(write_handout(ONE))
    last_source = page.locator("#sources li").last.inner_text()
    pdf = pypdf.PdfReader(io.BytesIO(page.pdf(format=paper)))
    text = "".join("".join(p.extract_text().split()) for p in pdf.pages)
    assert "".join(last_source.split()) in text, "the last source is printed whole"
    assert "doesnotreplaceadvice" in text, "the notice at the foot is printed"
    assert len(pdf.pages) == PAGES[paper], f"{paper}: {len(pdf.pages)} pages"


def test_print_type_is_large_enough(write_handout, open_page):
    page = open_page(write_handout(ONE))
    screen = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    page.emulate_media(media="print")
    printed = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    assert screen >= 16
    assert printed >= 11 * 96 / 72, "at least 11pt on paper"


@pytest.mark.parametrize("args", [ONE, TWO], ids=["one", "two"])
def test_no_serious_accessibility_problems(write_handout, open_page, axe_script, args):
    page = open_page(write_handout(args))
    page.add_script_tag(path=str(axe_script))
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    serious = [f"{v['id']} ({v['impact']}): {v['help']} at "
               + ", ".join(str(node["target"]) for node in v["nodes"][:3])
               for v in results["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == []


@pytest.mark.parametrize("width", [640, 320], ids=["200%", "400%"])
@pytest.mark.parametrize("args", [ONE, TWO], ids=["one", "two"])
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
