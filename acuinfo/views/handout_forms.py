"""The parts of a handout a patient fills in: the phone numbers to call, and the pain
diary of PEG scores (pain, and how much it got in the way of enjoyment of life and of
general activity; Krebs 2009) to bring to each session."""

from __future__ import annotations

from acuinfo.knowledge import records
from acuinfo.views.document import Block, Bullets, Paragraph, Section, Table
from acuinfo.views.handout_rules import DIARY_COLUMNS, DIARY_SESSIONS


def phone_numbers(clinic: records.Clinic | None) -> Section:
    """The numbers to call: the clinic's own where its profile gives them, otherwise a
    blank to write in."""

    def number(field: str) -> str:
        return (getattr(clinic, field) or "") if clinic else ""

    rows = [[clinic.name if clinic else "Your acupuncture clinic", number("phone"),
             "Your doctor", ""],
            ["Urgent medical advice", number("urgent_number"),
             "Emergency", number("emergency_number")]]
    return Section("Phone numbers", [
        Table(["Who", "Phone number", "Who", "Phone number"], rows)], "phone-numbers")


def diary_blocks() -> list[Block]:
    """How to fill in the pain diary, the diary itself, and what change is worth
    noticing."""
    rows = [["", session, "", "", "", ""] for session in DIARY_SESSIONS]
    return [
        Paragraph("Fill in a row before your first session and before each one after "
                  "it, with these three scores:"),
        Bullets([
            "Pain: your pain on average, from 0 (no pain) to 10 (the worst pain you can "
            "imagine).",
            "Enjoyment: how much pain got in the way of enjoying life, from 0 (not at "
            "all) to 10 (completely).",
            "Activity: how much pain got in the way of your general activity, from 0 "
            "(not at all) to 10 (completely).",
        ]),
        Table(list(DIARY_COLUMNS), rows),
        Paragraph("If your scores fall by 30 percent or more from your first ones (for "
                  "example, from 6 to 4), that is a change worth noticing. In the notes, "
                  "write what you can do again, such as a longer walk or a full night's "
                  "sleep."),
    ]
