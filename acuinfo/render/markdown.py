"""CommonMark (with GitHub's pipe tables) that reads well raw and renders cleanly.

Content is untrusted text: a clinic's knowledge file may hold ``*``, ``<b>``,
``[x](y)`` or ``| a |``, and none of it may turn into emphasis, links, raw HTML
or table cells. So every character that Markdown (or GitHub's dialect of it)
could read as markup is escaped with a backslash, and so is anything at the
start of a line that would open a block (a heading, a list, a quote, a code
block). The only HTML written is our own ``<a id="source-N"></a>`` anchors,
which in-text citations link to, as GitHub and GitLab keep them.
"""

from __future__ import annotations

import re
from typing import TextIO

from acuinfo.base.phrases import colon, phrases_for
from acuinfo.render import (
    Say,
    dates,
    identifier_address,
    identifier_words,
    one_line,
    review_lines,
    web_address,
)
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
    Steps,
    Table,
)

# Inline markup: emphasis, code, links, raw HTML, tables, strikethrough, GitHub math,
# headings' closing #, and the escape character itself.
_INLINE = re.compile(r"([\\`*_\[\]<>|~$#])")
# "&amp;" or "&#60;" would be read as a character reference; "A&E" would not.
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# What opens a block at the start of a line once inline characters are escaped:
# "-", "+" and "=" (lists, thematic breaks, setext underlines) and "1." or "1)" (lists).
_BLOCK_START = re.compile(r"^([-+=])|^(\d{1,9})([.)])")


def render(document: Document, out: TextIO) -> None:
    blocks = _separate_lists(_document(document))
    out.write("\n\n".join(blocks) + "\n")
    out.flush()


def escape(text: str) -> str:
    """``text`` as Markdown that shows exactly those characters, one source line per line."""
    return "\n".join(_escape_line(line) for line in text.split("\n"))


def _escape_line(line: str) -> str:
    line = _ENTITY.sub(r"\\&", _INLINE.sub(r"\\\1", line.strip()))
    return _BLOCK_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", line)


def _one_line(text: str) -> str:
    """Escaped text that must stay on one line: a heading, a table cell, a list marker's line."""
    return escape(one_line(text))


def _document(document: Document) -> list[str]:
    say = phrases_for(document.language)
    blocks = [f"# {_one_line(document.title)}"]
    if document.summary:
        blocks.append(escape(document.summary))
    shown = dates(document)
    if shown:  # one paragraph, a line each: a backslash at the end of a line breaks it
        blocks.append("\\\n".join(f"{label}{colon(label)}{words}" for _, label, _, words in shown))
    last = 1
    for section in document.sections:
        if section.heading:
            last = min(section.level + 1, last + 1, 6)
            blocks.append(f"{'#' * last} {_one_line(section.heading)}")
        # A drawing is left out: the advice beside it says the same in words.
        blocks += [_block(block, say) for block in section.blocks
                   if not isinstance(block, Figure)]
        if section.cites:
            blocks.append(_cites(section.cites, say))
    if document.citations:
        blocks.append(f"## {say('Sources')}")
        blocks.append("\n".join(_citation(c) for c in document.citations))
    review = review_lines(document)
    if review:  # one paragraph, a line each
        blocks.append("\\\n".join(f"{label}{colon(label)}{escape(one_line(text))}"
                                   for _, label, text, _ in review))
    if document.notice:
        blocks.append(escape(document.notice))
    return blocks


def _separate_lists(blocks: list[str]) -> list[str]:
    """Give a list that follows one with the same marker the other marker ("*" or "1)"):
    in CommonMark two lists with only a blank line between them would run into one."""
    separated: list[str] = []
    for markdown in blocks:
        kind = _list_kind(markdown)
        if kind and separated and _list_kind(separated[-1]) == kind:
            if kind == "- ":  # only the items' own lines start at the margin
                markdown = re.sub(r"^- ", "* ", markdown, flags=re.MULTILINE)
            else:
                markdown = re.sub(r"^(\d+)\. ", r"\1) ", markdown, flags=re.MULTILINE)
        separated.append(markdown)
    return separated


def _list_kind(markdown: str) -> str | None:
    """The marker a block's list uses: "- ", "* ", ". " or ") "; None if it is no list."""
    found = re.match(r"(?:\d+([.)] )|([-*] ))", markdown)
    return (found[1] or found[2]) if found else None


def _block(block: Block, say: Say) -> str:
    if isinstance(block, Paragraph):
        return escape(block.text)
    if isinstance(block, Bullets):
        return "\n".join(_item("- ", escape(item)) for item in block.items)
    if isinstance(block, Steps):
        items = []
        for number, step in enumerate(block.items, 1):
            marker = f"{number}. "
            title = f"**{_one_line(step.title)}**"
            if step.note:
                title += f" ({_one_line(step.note)})"
            body = escape(step.text)
            if step.command:
                body += "\n" + say("Open with:") + " " + _code(step.command)
            if step.cites:
                body += "\n" + _cites(step.cites, say)
            items.append(_item(marker, f"{title}\n\n{body}"))
        return "\n\n".join(items)
    if isinstance(block, Alert):
        parts = [f"**{_one_line(block.title)}**"]
        if block.text:
            parts.append(escape(block.text))
        parts.append("\n".join(_item("- ", escape(item)) for item in block.items))
        return "\n".join(f"> {line}" if line else ">" for line in "\n\n".join(parts).split("\n"))
    if isinstance(block, Table):
        rows = [block.columns, ["---"] * len(block.columns), *block.rows]
        return "\n".join("| " + " | ".join(cell if i == 1 else _one_line(cell) or " "
                                           for cell in row) + " |"
                         for i, row in enumerate(rows))
    if isinstance(block, Chart):  # its words, the chart in characters, then its table
        from acuinfo.render.chart import text_lines

        drawing = "\n".join(text_lines(block, 72))
        fence = "`" * max(3, max((len(run) for run in re.findall("`+", drawing)), default=0) + 1)
        parts = [escape(block.alt), f"{fence}text\n{drawing}\n{fence}"]
        if block.table is not None:
            parts.append(_block(block.table, say))
        return "\n\n".join(parts)
    if isinstance(block, Definitions):
        items = []
        for definition in block.items:
            text = f"**{_one_line(definition.term)}**: {escape(definition.text)}"
            if definition.cites:
                text += "\n" + _cites(definition.cites, say)
            items.append(_item("- ", text))
        return "\n".join(items)
    raise TypeError(f"no Markdown layout for {type(block).__name__}")


def _item(marker: str, markdown: str) -> str:
    """A list item: later lines indented to the item's text, so they stay inside it."""
    indent = " " * len(marker)
    first, *rest = markdown.split("\n")
    return "\n".join([marker + first, *(indent + line if line else "" for line in rest)])


def _code(text: str) -> str:
    """A code span that holds ``text`` as it is, whatever backticks it contains."""
    text = " ".join(text.split())
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _cites(numbers: list[int], say: Say) -> str:
    return say("Sources:") + " " + ", ".join(f"[\\[{n}\\]](#source-{n})" for n in numbers)


def _citation(citation: Citation) -> str:
    """A source: its words and identifiers, then its address; when the address is an
    identifier's own page, that identifier is the link instead."""
    parts = [escape(citation.text), *identifier_words(
        citation, lambda value, link: f"[{escape(value)}](<{web_address(citation.url)}>)"
        if link else escape(value))]
    if not identifier_address(citation):
        parts.append(_link(citation.url))
    return f'{citation.number}. <a id="source-{citation.number}"></a>{" ".join(parts)}'


def _link(url: str) -> str:
    """An autolink for a web address; anything else is shown as text, never linked."""
    address = web_address(url)
    return escape(url) if address is None else f"<{address}>"
