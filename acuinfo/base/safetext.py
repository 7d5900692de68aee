"""Text that is safe to show: nothing that could steer a terminal or disguise itself.

Knowledge files, file names and folder names are all untrusted. Everything from
them passes through ``clean_text`` before it can reach a screen.
"""

from __future__ import annotations

import os
import re
from functools import cache

# Whole terminal escape sequences (CSI such as colours, OSC such as links and window
# titles) go first, so no half of one is left behind as text; then every other C0
# and C1 control character except tab and newline, every Unicode character that
# sets the direction of text (marks, embeddings, overrides and isolates), which
# can make text read differently from how it is stored, and the Unicode line and
# paragraph separators, which some terminals show as a new line.
_ESCAPE_SEQUENCES = (
    "(?:\x1b\\[|\x9b)[0-?]*[ -/]*[@-~]"            # CSI
    "|(?:\x1b\\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\\\|\x9c)?"  # OSC, to BEL or ST
    "|\x1b[@-Z\\\\-_]"                            # other two-character escapes
)
_UNSAFE_CHARS = "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]"


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


_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def shown_name(name: str | os.PathLike) -> str:
    """A file or folder name as a message can show it: whole, on one line, and unable
    to pass for other output. A byte that is not UTF-8 (kept by Python as a lone
    surrogate) is shown as ``\\xNN``; a newline, tab or any other character that does not
    print, as an escape such as ``\\n`` or ``\\u202e``."""
    text = os.fspath(name)
    if isinstance(text, bytes):
        text = os.fsdecode(text)
    if text.isprintable():
        return text
    shown = []
    for char in text:
        code = ord(char)
        if char.isprintable():
            shown.append(char)
        elif char in _ESCAPES:
            shown.append(_ESCAPES[char])
        elif 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's stand-in for the byte code - 0xDC00
            shown.append(f"\\x{code - 0xDC00:02x}")
        elif code < 0x100:
            shown.append(f"\\x{code:02x}")
        else:
            shown.append(f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
    return "".join(shown)
