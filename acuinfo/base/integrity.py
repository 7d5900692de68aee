"""Checksums that show when text kept in a cache is no longer what was put there.

A cache is never trusted: a flipped bit on a disk or a half-copied file must not
turn "Low back pain" into "Low cack pain" on a patient's screen. So every row of
text the index shows carries a checksum of that text, checked as it is read.
"""

from __future__ import annotations

import binascii


class DamagedCache(Exception):
    """Something read from a cache does not match its checksum: rebuild the cache."""


def checksum(*texts: str | None) -> int:
    """A quick checksum of some texts, in order (CRC-32: hashlib costs milliseconds to
    import, and this guards against damage, not against an attacker)."""
    try:
        joined = "\0".join("\1" if text is None else text for text in texts)
    except TypeError:  # bytes or a number where text was kept: a damaged row
        raise DamagedCache("a cached row holds a value that is not text") from None
    return binascii.crc32(joined.encode("utf-8", "surrogatepass"))


def verified(texts: tuple, expected: int) -> tuple:
    """``texts`` if their checksum is ``expected``; else DamagedCache."""
    if checksum(*texts) != expected:
        raise DamagedCache("a cached row does not match its checksum")
    return texts
