"""Simple line drawings of actions, drawn into the HTML of a handout.

Each drawing is the inside of a 160 by 120 SVG: black lines on white, with a
light grey fill where a shape needs one, so that it reads the same printed in
black and white. The drawings hold no text, ids, links or styles of their own:
the renderer wraps them in an ``<svg role="img">`` named by the figure's words
(``aria-label``), so a screen reader says what the drawing shows.
"""

from __future__ import annotations

FILL = "#e8e8e8"  # light grey: still visible when printed in black and white

# A seated person, side on, facing right: shared by the desk drawings.
_SEATED = (
    '<circle cx="58" cy="30" r="10"/>'            # head
    '<path d="M57 40 L55 78"/>'                     # back, upright
    '<path d="M55 78 L86 78 L86 106"/>'             # thigh and shin
    '<path d="M80 106 L94 106"/>'                   # foot, flat on the floor
    '<path d="M56 50 L72 64 L94 64"/>'              # arm, forearm on the desk
    '<path d="M36 84 L74 84 M40 84 L40 110 M70 84 L70 110"/>'  # chair seat and legs
    '<path d="M38 84 L34 46"/>'                     # chair back
)

DRAWINGS = {
    # Sitting at a desk with the top of the screen level with the eyes.
    "screen": (
        '<path d="M4 110 L156 110"/>'               # floor
        + _SEATED
        + '<path d="M84 68 L156 68"/>'             # desk top
        '<path d="M150 68 L150 110"/>'              # desk leg
        f'<rect x="116" y="22" width="34" height="30" fill="{FILL}"/>'  # screen
        '<path d="M133 52 L133 68 M124 68 L142 68"/>'  # stand
        '<path d="M68 28 L114 24" stroke-dasharray="4 5" stroke-width="2"/>'  # eye line
    ),
    # Sitting with the lower back supported and both feet flat.
    "sit": (
        '<path d="M4 110 L156 110"/>'
        + _SEATED
        + f'<rect x="38" y="56" width="12" height="20" rx="5" fill="{FILL}"/>'  # cushion
        '<path d="M84 68 L156 68 M150 68 L150 110"/>'  # desk
    ),
    # Lifting a box: knees bent, back straight, the load close to the body.
    "lift": (
        '<path d="M4 110 L156 110"/>'
        '<circle cx="76" cy="28" r="10"/>'          # head
        '<path d="M72 38 L62 80"/>'                 # back, straight
        '<path d="M62 80 L94 76 L92 106 L102 106"/>'  # near leg, knee bent
        '<path d="M62 80 L88 84 L80 106 L90 106"/>'  # far leg
        f'<rect x="74" y="46" width="30" height="26" fill="{FILL}"/>'  # box, held close
        '<path d="M70 48 L70 62 L78 62"/>'          # arm round the box
        '<path d="M128 92 L128 44 M120 54 L128 44 L136 54"/>'  # arrow: straight up
    ),
    # Turning the head slowly from one side to the other, not tilting it: a ring round
    # the top of the head, seen from the front, with an arrow at each end.
    "neck": (
        '<circle cx="80" cy="52" r="20"/>'          # head, from the front
        '<path d="M72 71 L72 82 M88 71 L88 82"/>'    # neck
        '<path d="M72 82 Q44 84 30 104 M88 82 Q116 84 130 104"/>'  # shoulders
        '<path d="M72 52 L74 52 M86 52 L88 52"/>'    # eyes
        '<path d="M80 56 L80 61"/>'                  # nose
        '<path d="M30 34 Q80 14 130 34" stroke-dasharray="4 5" stroke-width="2"/>'  # back
        '<path d="M30 34 Q80 54 130 34"/>'           # the ring's front, across the forehead
        '<path d="M30 34 L43 30 M30 34 L39 44"/>'    # an arrow to one side
        '<path d="M130 34 L117 30 M130 34 L121 44"/>'  # and to the other
    ),
    # Lying on one side, the pillow filling the space under the head, so that the neck
    # stays level with the back.
    "pillow": (
        '<rect x="4" y="86" width="152" height="14" rx="3"/>'  # mattress
        f'<rect x="6" y="72" width="42" height="14" rx="7" fill="{FILL}"/>'  # pillow
        '<circle cx="27" cy="61" r="11" fill="#fff"/>'  # head, resting on the pillow
        '<path d="M38 62 L110 62"/>'                # neck and back, in one level line
        '<path d="M50 62 L60 76 L78 80"/>'          # arm
        '<path d="M110 62 L130 72 L152 84"/>'       # upper leg, knee bent
        '<path d="M110 62 L126 80 L146 86"/>'       # lower leg
    ),
    # Resting face down on a treatment couch while a few needles stay in the upper back.
    "rest": (
        '<path d="M4 110 L156 110"/>'               # floor
        '<rect x="6" y="80" width="148" height="8" rx="2"/>'  # couch top
        '<path d="M16 88 L16 110 M144 88 L144 110"/>'  # couch legs
        '<circle cx="22" cy="68" r="11"/>'           # head, face down
        f'<path d="M36 80 L36 60 Q64 50 96 58 L150 66 L150 80" fill="{FILL}"/>'  # body
        '<path d="M50 55 L50 30 M62 53 L62 28 M74 53 L74 28" stroke-width="2"/>'  # needles
        '<path d="M46 30 L54 30 M58 28 L66 28 M70 28 L78 28"/>'  # their handles
    ),
    # A sealed pack of single-use needles, its cover peeled back at one corner.
    "pack": (
        f'<rect x="14" y="28" width="132" height="64" rx="4" fill="{FILL}"/>'  # the pack
        '<path d="M30 46 L46 46 M30 60 L46 60 M30 74 L46 74" stroke-width="5"/>'  # handles
        '<path d="M46 46 L126 46 M46 60 L126 60 M46 74 L126 74" stroke-width="1.5"/>'
        '<path d="M110 28 L146 28 L146 62 Z" fill="#fff"/>'  # the corner peeled back
        '<path d="M110 28 L146 62" stroke-dasharray="4 5" stroke-width="2"/>'  # the fold
    ),
    # Walking: one of the easiest ways to keep moving.
    "walk": (
        '<path d="M4 110 L156 110"/>'
        '<circle cx="82" cy="20" r="10"/>'          # head
        '<path d="M81 30 L78 66"/>'                 # body
        '<path d="M78 66 L64 86 L58 108"/>'          # back leg
        '<path d="M78 66 L92 86 L104 104"/>'         # front leg
        '<path d="M80 40 L68 56 L64 68"/>'           # arm back
        '<path d="M80 40 L94 52 L100 64"/>'          # arm forward
    ),
}


def svg(drawing: str, label: str) -> str:
    """The drawing as one inline SVG element, named for screen readers by ``label``
    (already escaped for an attribute)."""
    return ('<svg class="drawing" viewBox="0 0 160 120" width="160" height="120" '
            f'role="img" aria-label="{label}" focusable="false" fill="none" '
            'stroke="#1a1a1a" stroke-width="3" stroke-linecap="round" '
            f'stroke-linejoin="round">{DRAWINGS[drawing]}</svg>')
