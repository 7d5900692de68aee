"""Which advice is shown with a drawing, and what each drawing shows in words.

The drawings themselves are the HTML renderer's (``acuinfo.render.drawings``); a view
only names one in a ``Figure``, with words that say what it shows (``alt``) for anyone
who cannot see it. Text formats leave drawings out, as the advice beside them says the
same in words.

Tips are matched by id, and session steps by their English key. A condition's self-care
point has no id, so it is matched by the words that say its action ("a pillow that keeps
your neck level"), narrowly enough that a drawing never goes with advice it does not show.
"""

from __future__ import annotations

import re

from acuinfo.base.phrases import phrase

# What each drawing shows, in words.
ALT = {
    "screen": phrase("Drawing: a person sits at a desk. The top of the screen is level with "
                     "their eyes."),
    "sit": phrase("Drawing: a person sits upright, with a cushion behind the lower back and "
                  "both feet flat on the floor."),
    "lift": phrase("Drawing: a person lifts a box with bent knees and a straight back, "
                   "holding the box close to the body."),
    "neck": phrase("Drawing: a head and shoulders from the front. A curved arrow over the "
                   "head shows it turning from side to side, not tipping."),
    "walk": phrase("Drawing: a person out for a walk."),
    "rest": phrase("Drawing: a person lies face down on a treatment couch, resting. A few "
                   "thin needles stand in the skin of the upper back."),
    "pack": phrase("Drawing: a sealed pack of thin needles, each for one use only. Its cover "
                   "is peeled back at one corner."),
    "pillow": phrase("Drawing: a person lies on their side in bed. The pillow fills the space "
                     "under the head, so the neck is level with the back."),
}


# Tips shown with a drawing: tip id -> drawing.
TIP_DRAWINGS = {
    "screen-at-eye-level": "screen",
    "mind-your-posture": "sit",
    "lift-with-care": "lift",
    "move-your-neck": "neck",
    "exercise-for-back-pain": "walk",
    "support-your-neck-in-bed": "pillow",
}


# Steps of the session journey shown with a drawing: the step's English key (its title,
# in lower case) -> drawing.
SESSION_DRAWINGS = {
    "the needles stay in": "rest",
    "check the needles are new": "pack",
}


# A condition's self-care point shown with a drawing: the words that say its action.
SELF_CARE_DRAWINGS = (
    (re.compile(r"\bturn your head\b", re.IGNORECASE), "neck"),
    (re.compile(r"\bpillow that keeps your neck\b", re.IGNORECASE), "pillow"),
    (re.compile(r"\bscreen\b.*\b(eye level|straight ahead)\b", re.IGNORECASE), "screen"),
    (re.compile(r"\bcushion behind your lower back\b", re.IGNORECASE), "sit"),
    (re.compile(r"\bbend your knees\b.*\blift\b", re.IGNORECASE), "lift"),
    (re.compile(r"\bwalking\b", re.IGNORECASE), "walk"),
)


def self_care_drawing(point: str) -> str | None:
    """The drawing that shows a self-care point's action, if one does."""
    return next((drawing for words, drawing in SELF_CARE_DRAWINGS if words.search(point)),
                None)
