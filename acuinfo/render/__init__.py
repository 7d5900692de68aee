"""One renderer per output format, each imported only when it is used.

A renderer is a module with ``render(document, out)`` that writes the whole
document to the text stream ``out``. Adding a format is adding a module here.

The few words that the plain, Markdown and HTML renderers all put around the
content live here too, so the three formats say the same thing the same way.

Renderers import ``acuinfo.base`` and the document model, ``acuinfo.views.document``,
and nothing else of acuinfo's: they know documents, not knowledge files.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

from acuinfo.base.dates import long_date
from acuinfo.base.phrases import phrase, say

if TYPE_CHECKING:
    from acuinfo.views.document import Citation, Document

Say = Callable[..., str]  # acuinfo.base.phrases.say, for the document's language
# A table with more columns than this and only a row or two (a look-up of first score
# and score worth noticing) is printed turned, each of its columns a line.
WIDE_TABLE = 6

RENDERERS = {
    "text": "acuinfo.render.terminal",
    "json": "acuinfo.render.jsonfile",
    "plain": "acuinfo.render.plain",
    "markdown": "acuinfo.render.markdown",
    "html": "acuinfo.render.html",
}

def render(document: Document, fmt: str, out: TextIO) -> None:
    """Write ``document`` to ``out`` in format ``fmt`` (a key of RENDERERS)."""
    importlib.import_module(RENDERERS[fmt]).render(document, out)


def dates(document: Document) -> list[tuple[str, str, str, str]]:
    """The dates shown under the title (a handout's date): (meta key, label, ISO date, the
    date in words)."""
    language = document.language
    labels = (("date", phrase("Date")),)
    return [(key, say(language, label), document.meta[key],
             long_date(document.meta[key], language))
            for key, label in labels if document.meta.get(key)]


REVIEW_LABELS = (("reviewed", phrase("Last reviewed")), ("review_due", phrase("Review due")),
                 ("reviewed_by", phrase("Checked by")), ("corrections", phrase("Corrections")))
REVIEW_DATES = ("reviewed", "review_due")


def review_lines(document: Document) -> list[tuple[str, str, str, str | None]]:
    """What a page says about its own checking, shown at its foot in every format: when it
    was last reviewed, when the next review is due, who checked it and where to send a
    correction. (meta key, label, text, ISO date or None)."""
    found = []
    for key, label in REVIEW_LABELS:
        value = document.meta.get(key)
        if value:
            iso = value if key in REVIEW_DATES else None
            found.append((key, say(document.language, label),
                          long_date(value, document.language) if iso else value, iso))
    return found


def identifiers(citation: Citation) -> str:
    """``PMID: 123. DOI: 10.1/x.`` for a citation, or an empty string when it has neither."""
    return " ".join(identifier_words(citation, lambda value, _: value))


def identifier_words(citation: Citation, shown: Callable[[str, bool], str]) -> list[str]:
    """"PMID: 123." and "DOI: 10.1/x." for the identifiers a citation has, each value as
    ``shown`` makes it from the value and whether it is the link to the citation's address
    (see ``identifier_address``)."""
    linked = identifier_address(citation)
    return [f"{label}: {shown(value, label == linked)}." for label, value in
            (("PMID", citation.pmid), ("DOI", citation.doi)) if value]


def identifier_address(citation: Citation) -> str | None:
    """"PMID" or "DOI" when the citation's address is that identifier's own page
    (https://doi.org/DOI, or PubMed's page for the PMID); None otherwise. Text formats then
    leave the address out, and HTML links the identifier, rather than say it twice."""
    url = citation.url.lower().rstrip("/")
    for label, value, address in (("PMID", citation.pmid, "https://pubmed.ncbi.nlm.nih.gov/"),
                                  ("DOI", citation.doi, "https://doi.org/")):
        if value and url == (address + value).lower():
            return label
    return None


def source_line(citation: Citation) -> str:
    """A source as text formats print it: its words, its identifiers, then its address
    unless that is only an identifier's own page."""
    url = None if identifier_address(citation) else citation.url
    return " ".join(part for part in (citation.text, identifiers(citation), url) if part)


def one_line(text: str) -> str:
    """Text that must stay on one line, such as a heading or a table cell."""
    return " ".join(text.split())


def web_address(url: str) -> str | None:
    """``url`` ready to link to (spaces and quotes percent-encoded) if it is a web
    address; None for anything else (say, ``javascript:``), which is shown as text."""
    import re
    from urllib.parse import quote

    if not re.match(r"https?://", url, re.IGNORECASE):
        return None
    return quote(url, safe="!#$%&'()*+,-./:;=?@[]_~")
