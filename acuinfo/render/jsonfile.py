"""JSON output: the document as stable, documented JSON for other programs."""

from __future__ import annotations

import json
from typing import TextIO

from acuinfo.views.document import Document, to_json


def render(document: Document, out: TextIO) -> None:
    json.dump(to_json(document), out, ensure_ascii=False, indent=2)
    out.write("\n")
