"""One renderer per output format, each imported only when it is used.

A renderer is a module with ``render(document, out)`` that writes the whole
document to the text stream ``out``. Adding a format is adding a module here.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from acuinfo.document import Document

RENDERERS = {
    "text": "acuinfo.render.terminal",
    "json": "acuinfo.render.jsonfile",
}


def render(document: Document, fmt: str, out: TextIO) -> None:
    """Write ``document`` to ``out`` in format ``fmt`` (a key of RENDERERS)."""
    importlib.import_module(RENDERERS[fmt]).render(document, out)
