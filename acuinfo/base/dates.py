"""Dates as words: ``25 November 2026`` rather than ``2026-11-25``, in the reader's
language: ``25 de noviembre de 2026``, ``2026年11月25日``."""

from __future__ import annotations

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
_MESES = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
          "septiembre", "octubre", "noviembre", "diciembre")


def long_date(iso: str, language: str = "en") -> str:
    """``2026-11-25`` as ``25 November 2026``: read the same way in every country, and
    spoken as words by a screen reader. Anything else is returned as it is."""
    parts = iso.split("-")
    if len(parts) == 3 and all(part.isdigit() for part in parts):
        year, month, day = (int(part) for part in parts)
        if 1 <= month <= 12 and 1 <= day <= 31:
            if language == "es":
                return f"{day} de {_MESES[month - 1]} de {year}"
            if language.startswith("zh"):
                return f"{year}年{month}月{day}日"
            return f"{day} {MONTHS[month - 1]} {year}"
    return iso
