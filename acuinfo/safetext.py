"""Text that is safe to show: nothing that could steer a terminal or disguise itself.

Knowledge files, file names and folder names are all untrusted. Everything from
them passes through ``clean_text`` before it can reach a screen.
"""

from __future__ import annotations

import re
from functools import cache

# Whole terminal escape sequences (CSI such as colours, OSC such as links and window
# titles) go first, so no half of one is left behind as text; then every other C0
# and C1 control character except tab and newline, and the Unicode direction
# overrides that can make text read differently from how it is stored.
_ESCAPE_SEQUENCES = (
    "(?:\x1b\\[|\x9b)[0-?]*[ -/]*[@-~]"            # CSI
    "|(?:\x1b\\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\\\|\x9c)?"  # OSC, to BEL or ST
    "|\x1b[@-Z\\\\-_]"                            # other two-character escapes
)
_UNSAFE_CHARS = "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]"


@cache
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    # Compiled at first use: about half a millisecond that most commands never need.
    return re.compile(_ESCAPE_SEQUENCES), re.compile(_UNSAFE_CHARS)


def clean_text(text: str) -> str:
    """Remove characters that could steer a terminal or disguise text."""
    if text.isprintable():  # every character removed below is a control or format one
        return text
    escape_sequences, unsafe_chars = _patterns()
    if unsafe_chars.search(text) is None:  # nearly always: nothing to remove
        return text
    return unsafe_chars.sub("", escape_sequences.sub("", text))
