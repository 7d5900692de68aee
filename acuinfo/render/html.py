"""One self-contained HTML page, for reading in a browser and printing as a handout.

The page fetches nothing: its CSS is inline, it has no script, and its only
pictures are a handout's line drawings, drawn inline as SVG, so it opens the same
way offline, from an email or a USB stick. Every piece of content goes through
``html.escape``; the only markup is the page's own.

Printing is part of the design: the margins suit both A4 and Letter (a handout
may name its paper, for ``@page``'s size), boxes, forms and list items are not split
across pages, and the type is 11pt, the sources and the foot 9pt or less. The font stack names Arial
and its metric twin Liberation Sans, so a page breaks in the same places on
Windows, macOS and Linux. A table's empty cells (a pain diary, phone numbers to
write in) are tall enough to write in.
"""

from __future__ import annotations

import re
from html import escape
from typing import TextIO

from acuinfo.base.phrases import colon, phrases_for
from acuinfo.render import (
    dates,
    identifier_address,
    identifier_words,
    one_line,
    review_lines,
    web_address,
)
from acuinfo.render.drawings import svg
from acuinfo.views.document import (
    Alert,
    Block,
    Bullets,
    Chart,
    Citation,
    Definitions,
    Document,
    Figure,
    Paragraph,
    Section,
    Steps,
    Table,
)

# Colours meet WCAG AA on white: text 16:1, muted text 8.6:1, links 6.7:1, alert red 8.1:1,
# the key points' blue 9.4:1.
STYLE = """
:root { color-scheme: light; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0 auto; padding: 1rem 1.25rem 2rem; max-width: 40em;
  font-family: Arial, "Liberation Sans", Helvetica, sans-serif;
  font-size: 1rem; line-height: 1.5; color: #1a1a1a; background: #fff;
  overflow-wrap: break-word;
}
:lang(zh) body, body:lang(zh) {
  font-family: Arial, "Liberation Sans", "Noto Sans CJK SC", "Source Han Sans SC",
    "WenQuanYi Micro Hei", "PingFang SC", "Microsoft YaHei", sans-serif;
}
h1, h2, h3, h4, h5, h6 { line-height: 1.25; margin: 1.5em 0 0.5em; color: #1a1a1a; }
h1 { font-size: 1.75em; margin-top: 0.5em; }
h2 { font-size: 1.375em; }
h3 { font-size: 1.125em; }
h4, h5, h6 { font-size: 1em; }
.part > h2 { border-bottom: 0.125rem solid #1f4e79; padding-bottom: 0.2em; margin-top: 2em; }
p, ul, ol, dl, table { margin: 0 0 0.75em; }
.summary { font-size: 1.125em; }
.cites, footer { font-size: 0.9em; color: #4a4a4a; }
.date { font-weight: bold; }
a { color: #0b4f9c; }
li { margin-bottom: 0.25em; }
ol.steps > li { margin-bottom: 0.75em; }
ol.steps > li > p { margin: 0 0 0.25em; }
.alert {
  border: 0.2rem solid #a0001c; border-left-width: 0.6rem; border-radius: 0.25rem;
  background: #fff4f4; padding: 0.5em 1em; margin: 1em 0;
}
.alert > :first-child { margin-top: 0.25em; color: #a0001c; }
.alert > :last-child { margin-bottom: 0.25em; }
dt { font-weight: bold; margin-top: 0.75em; }
dd { margin: 0 0 0 1.5em; }
table { border-collapse: collapse; width: 100%; }
th, td {
  border: 1px solid #767676; padding: 0.3em 0.5em; text-align: left; vertical-align: top;
  overflow-wrap: anywhere;
}
th { background: #f0f0f0; }
#sources li { overflow-wrap: anywhere; }
td:empty { height: 2em; }
#key-points {
  border: 0.2rem solid #1f4e79; border-radius: 0.25rem; padding: 0 1em 0.25em; margin: 1em 0;
}
#key-points > h2 { border: none; margin-top: 0.5em; color: #1f4e79; }
figure { display: inline-block; vertical-align: top; width: 10em; margin: 0 1em 0.75em 0; }
figure svg { display: block; width: 100%; height: auto; }
figcaption { font-size: 0.9em; text-align: center; }
/* a drawing inside the list item it shows: above its words on a narrow screen, beside
   them on a wide one and on paper, and the item holds it */
li > figure { display: block; margin: 0.25em 0 0.5em; }
li:has(> figure)::after { content: ""; display: block; clear: both; }
footer { border-top: 1px solid #767676; margin-top: 2em; padding-top: 0.5em; }
@page { margin: 9mm 10mm; }
@media (min-width: 40em) {
  figure, li > figure { float: right; clear: right; margin: 0 0 0.75em 1em; }
  .part > section { display: flow-root; }
}
@media print {
  body { font-size: 11pt; line-height: 1.2; max-width: none; padding: 0; }
  h1 { font-size: 1.4em; margin: 0 0 0.2em; }
  h2 { font-size: 1.25em; }
  h3 { font-size: 1.1em; }
  h2, h3, h4, h5, h6 { margin: 0.6em 0 0.2em; }
  .part > h2 { margin-top: 0.8em; }
  .summary { font-size: 1em; }
  p, ul, ol, dl, table { margin-bottom: 0.35em; }
  ul, ol { padding-left: 1.5em; }
  li { margin-bottom: 0.1em; }
  a { color: #1a1a1a; }
  .alert { background: none; margin: 0.3em 0; padding: 0 0.7em; }
  .alert > :first-child { margin: 0.15em 0 0.1em; }
  .alert > p, .alert > ul { margin-bottom: 0.15em; }
  /* the date follows the summary on its line */
  .summary, .summary + .date { display: inline; }
  .summary + .date::before { content: " "; }
  #key-points { padding: 0 0.7em 0.1em; margin: 0.5em 0; }
  /* the key points and the forms are kept whole on their page; a box of warning signs
     may go on over a page between two signs, but never splits a sign, and its title
     and opening words stay with its first signs */
  #key-points, li, dt, dd, tr, figure, #diary {
    break-inside: avoid; page-break-inside: avoid;
  }
  .alert > :is(h3, h4, p) { break-after: avoid; page-break-after: avoid; }
  .alert > ul { orphans: 3; widows: 2; }
  /* a step's title runs into its text, and its sources follow on the same line */
  ol.steps > li { margin-bottom: 0.15em; }
  ol.steps > li > p { display: inline; margin: 0; }
  ol.steps > li > p:first-of-type::after { content: ": "; }
  ol.steps br:has(+ .cites) { display: none; }
  ol.steps .cites::before { content: " "; }
  /* the parts to read through, and the sources, in two columns; warnings, key points
     and forms across the page */
  main > .part:not(#translation, #key-points, #phone-numbers, #red-flags, #diary),
  #sources { columns: 2; column-gap: 6mm; }
  main > .part > h2 { column-span: all; }
  td, th { padding: 0.1em 0.4em; }
  /* on paper a column is as wide as its longest word: "Session", not "Sessi-on" */
  th { overflow-wrap: break-word; }
  td:empty { height: 5.2mm; padding-top: 0; padding-bottom: 0; }
  figure, li > figure { float: right; clear: right; width: 6.5em; margin: 0 0 0.3em 0.8em; }
  figcaption { font-size: 9pt; }
  .part > section { display: flow-root; }
  .cites { font-size: 8.5pt; }
  p.cites { margin: -0.2em 0 0.3em; }
  /* a form's last line of text and its sources share a line */
  #diary > p:has(+ p.cites:last-child), #diary > p.cites { display: inline; }
  #diary > p.cites { white-space: nowrap; }
  #diary > p.cites::before { content: " "; }
  /* the key to a diary's columns, side by side above it */
  #diary > ul { columns: 3; column-gap: 6mm; }
  #sources { font-size: 8pt; line-height: 1.2; padding-left: 2em; }
  #sources li { margin-bottom: 0.15em; }
  footer {
    margin-top: 0.6em; padding-top: 0.3em; font-size: 8.5pt; line-height: 1.2;
    columns: 2; column-gap: 6mm;
  }
  footer p { margin-bottom: 0.3em; }
  .part > h2 { padding-bottom: 0; }
  /* a part's heading and its first line stay together */
  .part > h2 + p { break-after: avoid; page-break-after: avoid; }
  h1, h2, h3, h4, h5, h6 { break-after: avoid; page-break-after: avoid; break-inside: avoid; }
  /* a one-line intro stays with the list it introduces */
  :is(h2, h3, h4) + p:has(+ :is(ul, ol, dl, table)) { break-after: avoid; page-break-after: avoid; }
}
""".strip()


# A document's ``meta["paper"]`` as a CSS page size.
PAPER_SIZES = {"a4": "A4", "letter": "letter"}


def style(document: Document) -> str:
    """The page's CSS: the same for every page, with the paper's size when the document
    names one."""
    paper = PAPER_SIZES.get(str(document.meta.get("paper", "")).lower())
    css = STYLE + (f"\n@page {{ size: {paper}; }}" if paper else "")
    if any(isinstance(block, Chart) for section in document.sections
           for block in section.blocks):
        from acuinfo.render.chart import CSS

        css += "\n" + CSS
    return css


def render(document: Document, out: TextIO) -> None:
    out.write(_Page(document).html())
    out.flush()


class _Page:
    """Builds the page top to bottom, keeping heading levels unbroken and ids unique."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.lines: list[str] = []
        self.level = 1  # the level of the last heading written
        self.figures: dict[str, Figure] = {}  # the section's drawings, by the item they show
        reserved = ["sources", *(f"source-{c.number}" for c in document.citations)]
        self.ids: set[str] = set(reserved)
        self.say = phrases_for(document.language)

    def cites(self, numbers: list[int]) -> str:
        return (escape(self.say("Sources:")) + " "
                + ", ".join(f'<a href="#source-{n}">[{n}]</a>' for n in numbers))

    def html(self) -> str:
        doc = self.document
        self.lines += [
            "<!doctype html>", f'<html lang="{escape(doc.language)}">', "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{escape(one_line(doc.title))}</title>", f"<style>\n{style(doc)}\n</style>",
            "</head>", "<body>", "<main>", f"<h1>{escape(one_line(doc.title))}</h1>",
        ]
        if doc.summary:
            self.lines.append(f'<p class="summary">{_text(doc.summary)}</p>')
        for key, label, iso, words in dates(doc):  # the handout's date, or a small review date
            self.lines.append(f'<p class="{key}">{escape(label)}{colon(label)}'
                              f'<time datetime="{escape(iso)}">{escape(words)}</time></p>')
        has_parts = any(section.level > 1 for section in doc.sections)
        in_part = False
        for section in doc.sections:
            if section.level == 1 and in_part:
                self.lines.append("</section>")
                in_part = False
            if section.level == 1 and has_parts:
                self.lines.append(f'<section class="part" id="{self._id(section.id)}">')
                in_part = True
                self._section_content(section)
            else:
                self._section(section)
        if in_part:
            self.lines.append("</section>")
        if doc.citations:
            self._citations(doc.citations)
        self.lines.append("</main>")
        footer = []
        review = review_lines(doc)
        if review:
            footer.append('<p class="review">' + "<br>".join(
                f"{escape(label)}{colon(label)}"
                + (f'<time datetime="{escape(iso)}">{escape(text)}</time>'
                   if iso else _text(one_line(text)))
                for _, label, text, iso in review) + "</p>")
        if doc.notice:
            footer.append(f"<p>{_text(doc.notice)}</p>")
        if footer:
            self.lines.append("<footer>\n" + "\n".join(footer) + "\n</footer>")
        self.lines += ["</body>", "</html>"]
        return "\n".join(self.lines) + "\n"

    def _id(self, wanted: str) -> str:
        """A unique, safe id: letters, digits and hyphens, never one already used."""
        base = re.sub(r"[^A-Za-z0-9_-]+", "-", wanted).strip("-") or "section"
        if base[0].isdigit():
            base = f"section-{base}"
        chosen, n = base, 1
        while chosen in self.ids:
            n += 1
            chosen = f"{base}-{n}"
        self.ids.add(chosen)
        return chosen

    def _figure_for(self, item: str) -> str:
        """The drawing of a list item (a step by its title, a point by its text), if any."""
        figure = self.figures.get(item)
        return _figure(figure) if figure else ""

    def _heading(self, level: int, text: str, id_: str = "") -> None:
        self.level = min(level, self.level + 1, 6)  # never skip a level
        attribute = f' id="{id_}"' if id_ else ""
        self.lines.append(f"<h{self.level}{attribute}>{escape(one_line(text))}</h{self.level}>")

    def _section(self, section: Section) -> None:
        tag = "section" if section.heading else "div"
        self.lines.append(f'<{tag} id="{self._id(section.id)}">')
        self._section_content(section)
        self.lines.append(f"</{tag}>")

    def _section_content(self, section: Section) -> None:
        inner = section.level + 1  # where a heading of this section would sit
        if section.heading:
            self._heading(inner, section.heading)
            inner = self.level + 1
        else:
            inner = min(inner, self.level + 1)
        # a drawing goes inside the list item it shows: the step it names, or the point
        # that starts with its caption; one that matches none stands where it is
        items = [(step.title, step.text) for block in section.blocks
                 if isinstance(block, Steps) for step in block.items] + [
            (item, item) for block in section.blocks if isinstance(block, Bullets)
            for item in block.items]
        self.figures = {}
        for block in section.blocks:
            if isinstance(block, Figure):
                match = next((title for title, _ in items if title == block.caption
                              or title.startswith(block.caption)), None)
                if match is not None and match not in self.figures:
                    self.figures[match] = block
        placed = {id(figure) for figure in self.figures.values()}
        for block in section.blocks:
            if id(block) not in placed:
                self._block(block, inner)
        self.figures = {}
        if section.cites:
            self.lines.append(f'<p class="cites">{self.cites(section.cites)}</p>')

    def _block(self, block: Block, level: int) -> None:
        add = self.lines.append
        if isinstance(block, Paragraph):
            add(f"<p>{_text(block.text)}</p>")
        elif isinstance(block, Bullets):
            add("<ul>\n" + "\n".join(f"<li>{self._figure_for(item)}{_text(item)}</li>"
                                      for item in block.items) + "\n</ul>")
        elif isinstance(block, Steps):
            add('<ol class="steps">')
            for step in block.items:
                title = f"<strong>{escape(one_line(step.title))}</strong>"
                if step.note:
                    title += f' <span class="note">({escape(one_line(step.note))})</span>'
                more = ""
                if step.command:
                    more += (f"<br>{escape(self.say('Open with:'))} "
                             f"<code>{escape(one_line(step.command))}</code>")
                if step.cites:
                    more += f'<br><span class="cites">{self.cites(step.cites)}</span>'
                add(f"<li>{self._figure_for(step.title)}<p>{title}</p>"
                    f"<p>{_text(step.text)}{more}</p></li>")
            add("</ol>")
        elif isinstance(block, Alert):
            heading_id = self._id("alert")
            add(f'<div class="alert" role="note" aria-labelledby="{heading_id}">')
            self._heading(level, block.title, heading_id)
            if block.text:
                add(f"<p>{_text(block.text)}</p>")
            add("<ul>\n" + "\n".join(f"<li>{_text(item)}</li>" for item in block.items)
                + "\n</ul>")
            add("</div>")
        elif isinstance(block, Table):
            add(_table(block))
        elif isinstance(block, Chart):  # the drawing, with its table beside it
            from acuinfo.render.chart import svg as drawn

            label = escape(f"{one_line(block.title)}. {one_line(block.alt)}", quote=True)
            figure = (f'<figure class="chart">{drawn(block, label)}<figcaption>'
                      f"{escape(one_line(block.title))}</figcaption></figure>")
            if block.table is None:
                add(figure)
            else:
                add(f'<div class="chart-pair">{figure}\n<div class="chart-table">'
                    f"{_table(block.table)}</div></div>")
        elif isinstance(block, Figure):
            add(_figure(block))
        elif isinstance(block, Definitions):
            add("<dl>")
            for item in block.items:
                cites = (f' <span class="cites">{self.cites(item.cites)}</span>' if item.cites
                         else "")
                add(f"<dt>{escape(one_line(item.term))}</dt><dd>{_text(item.text)}{cites}</dd>")
            add("</dl>")
        else:
            raise TypeError(f"no HTML layout for {type(block).__name__}")

    def _citations(self, citations: list[Citation]) -> None:
        self.lines.append('<section aria-labelledby="sources-heading">')
        self.level = 1
        self._heading(2, self.say("Sources"), self._id("sources-heading"))
        self.lines.append('<ol id="sources">')
        for citation in citations:
            self.lines.append(f'<li id="source-{citation.number}" value="{citation.number}">'
                              f"{_citation(citation)}</li>")
        self.lines += ["</ol>", "</section>"]


def _table(block: Table) -> str:
    head = "".join(f'<th scope="col">{escape(c)}</th>' for c in block.columns)
    body = "\n".join("<tr>" + "".join(f"<td>{_text(cell)}</td>" for cell in row)
                     + "</tr>" for row in block.rows)
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>"


def _text(text: str) -> str:
    """Escaped text, its line breaks kept."""
    return "<br>".join(escape(line) for line in text.split("\n"))


def _figure(block: Figure) -> str:
    drawing = svg(block.drawing, escape(one_line(block.alt), quote=True))
    return (f"<figure>{drawing}<figcaption>{escape(one_line(block.caption))}</figcaption>"
            "</figure>")


def _citation(citation: Citation) -> str:
    """A source: its words and identifiers, then its address. When the address is the
    identifier's own, the identifier is the link, rather than said twice."""
    parts = [escape(citation.text), *identifier_words(
        citation, lambda value, link: _link(citation.url, value) if link else escape(value))]
    if not identifier_address(citation):
        parts.append(_link(citation.url))
    return " ".join(parts)


def _link(url: str, text: str | None = None) -> str:
    """A link for a web address, showing ``text`` or the address; anything else (say,
    ``javascript:``) is shown as text."""
    href = web_address(url)
    if href is None:
        return escape(url)
    return f'<a href="{escape(href, quote=True)}">{escape(text or url)}</a>'
