"""Dates as words: ``25 November 2026`` rather than ``2026-11-25``."""

from __future__ import annotations

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def long_date(iso: str) -> str:
    """``2026-11-25`` as ``25 November 2026``: read the same way in every country, and
    spoken as words by a screen reader. Anything else is returned as it is."""
    parts = iso.split("-")
    if len(parts) == 3 and all(part.isdigit() for part in parts):
        year, month, day = (int(part) for part in parts)
        if 1 <= month <= 12 and 1 <= day <= 31:
            return f"{day} {MONTHS[month - 1]} {year}"
    return iso
