"""A chart of scores over time, drawn from a ``Chart`` block: in characters for the
terminal and Markdown, and as an SVG drawing for HTML.

Both read the same way in black and white: each series has its own mark (a filled
dot, a cross; in the drawing also a solid or a dashed line), the points are evenly
spaced in the order of the entries (in characters, to the nearest half point), with
their dates below, and the session each entry came after is written under its point.
The numbers themselves are in the table that goes with the chart.

acuinfo draws these itself rather than with a terminal plotting library: see
docs/design.md.
"""

from __future__ import annotations

import textwrap

from acuinfo.views.document import Chart

LEFT = 5  # columns before the first point: the scale and the axis
# Each series' mark, (Unicode, ASCII): a dot, and a multiplication sign.
MARKS = (("●", "o"), ("\u00d7", "x"))
BOTH = ("◆", "*")  # where two series meet


def text_lines(chart: Chart, width: int, ascii_only: bool = False) -> list[str]:
    """The chart in lines of at most ``width`` characters, two lines to a point of the
    scale."""
    count = len(chart.labels)
    step = max(2, min(5, (width - LEFT - 1) // max(count, 1)))
    shown = min(count, max((width - LEFT - 1) // step, 1))
    first = count - shown  # when the entries do not fit, the latest ones are shown
    low, high = round(chart.low * 2), round(chart.high * 2)  # in half points
    vertical, tick, corner, across, below = ("|", "+", "+", "-", "+") if ascii_only else (
        "│", "┤", "└", "─", "┬")
    grid: dict[tuple[int, int], str] = {}
    met = False
    for index in range(shown):
        for number, series in enumerate(chart.series[:len(MARKS)]):
            value = series.values[first + index]
            if value is None:
                continue
            cell = (min(max(round(value * 2), low), high), index)
            mark = MARKS[number][ascii_only]
            if cell in grid and grid[cell] != mark:
                mark, met = BOTH[ascii_only], True
            grid[cell] = mark
    lines = [chart.title]
    for row in range(high, low - 1, -1):
        cells = [" "] * (shown * step)
        for index in range(shown):
            if (row, index) in grid:
                cells[index * step + 1] = grid[(row, index)]
        scale = f"{row // 2:>3} {tick}" if row % 4 == 0 else f"    {vertical}"
        lines.append(scale + "".join(cells).rstrip())
    axis = "".join(across + below + across * (step - 2) for _ in range(shown))
    lines.append(f"    {corner}" + axis)
    lines += [line for line in (_spread(chart.marks[first:], step, width),
                                _spread(chart.labels[first:], step, width)) if line]
    keys = [f"{MARKS[n][ascii_only]} {series.name}"
            for n, series in enumerate(chart.series[:len(MARKS)])]
    if met:
        keys.append(f"{BOTH[ascii_only]} both")
    notes = ["   ".join(keys)]
    if any(chart.marks[first:]):
        notes.append("Under the line: the session each entry came after, and its date.")
    if first:
        notes.append(f"The latest {shown} of {count} entries; the table has them all.")
    for note in notes:
        lines += textwrap.wrap(note, max(width - 2, 8), initial_indent="  ",
                               subsequent_indent="  ", break_on_hyphens=False)
    return lines


def _spread(texts: list[str], step: int, width: int) -> str:
    """``texts`` written under their points, each where it does not run into the one
    before nor past ``width``; the rest are left out (the table has them)."""
    line = [" "] * (LEFT + len(texts) * step + 20)
    free = 0
    for index, text in enumerate(texts):
        if not text:
            continue
        at = LEFT + index * step + 1
        if at < free or at + len(text) > width:
            continue
        line[at:at + len(text)] = text
        free = at + len(text) + 1
    return "".join(line).rstrip()


# -- the drawing -----------------------------------------------------------------------

WIDTH, HEIGHT = 560, 300
PLOT = (44, 36, 544, 236)  # left, top, right, bottom of the area the points are in
GREY = "#8c8c8c"  # grid lines: still visible printed in black and white


def svg(chart: Chart, label: str) -> str:
    """The chart as an inline SVG named by ``label`` (escaped for an attribute) for
    screen readers; its text and lines are drawing, not content."""
    from html import escape  # here: the terminal's chart has no need of it

    left, top, right, bottom = PLOT
    count = max(len(chart.labels), 1)
    span = chart.high - chart.low or 1

    def x(index: int) -> float:
        return round(left + (index + 0.5) * (right - left) / count, 1)

    def y(value: float) -> float:
        return round(bottom - (value - chart.low) * (bottom - top) / span, 1)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
             f'role="img" aria-label="{label}" font-family="Arial, Liberation Sans, '
             'sans-serif" font-size="14">']
    for value in range(int(chart.low), int(chart.high) + 1, 2):
        parts.append(f'<line x1="{left}" y1="{y(value)}" x2="{right}" y2="{y(value)}" '
                     f'stroke="{GREY}" stroke-width="0.5"/>'
                     f'<text x="{left - 8}" y="{y(value) + 4}" text-anchor="end">{value}</text>')
    parts.append(f'<path d="M{left} {top} L{left} {bottom} L{right} {bottom}" fill="none" '
                 'stroke="#000" stroke-width="1"/>')
    styles = (('stroke-width="2.5"', _dot), ('stroke-width="1.5" stroke-dasharray="6 4"',
                                              _square))
    for number, series in enumerate(chart.series[:len(styles)]):
        line, marker = styles[number]
        points = [(x(i), y(v)) for i, v in enumerate(series.values) if v is not None]
        if len(points) > 1:
            path = " ".join(f"{'M' if i == 0 else 'L'}{px} {py}"
                            for i, (px, py) in enumerate(points))
            parts.append(f'<path d="{path}" fill="none" stroke="#000" {line}/>')
        parts += [marker(px, py) for px, py in points]
    every = max(1, -(-count // 12))  # at most about 12 labels under the axis
    for index, (date, mark) in enumerate(zip(chart.labels, chart.marks, strict=True)):
        if mark and (count <= 24 or index % every == 0):
            parts.append(f'<text x="{x(index)}" y="{bottom + 18}" text-anchor="middle" '
                         f'font-size="12">S{escape(mark)}</text>')
        if index % every == 0 or (index == count - 1 and count <= 12):
            parts.append(f'<text x="{x(index)}" y="{bottom + 36}" text-anchor="middle" '
                         f'font-size="12">{escape(date)}</text>')
    legend_x = left
    for number, series in enumerate(chart.series[:len(styles)]):
        line, marker = styles[number]
        parts.append(f'<path d="M{legend_x} 14 L{legend_x + 28} 14" stroke="#000" {line}/>'
                     + marker(legend_x + 14, 14)
                     + f'<text x="{legend_x + 36}" y="18">{escape(series.name)}</text>')
        legend_x += 48 + 8 * len(series.name)
    if any(chart.marks):
        parts.append(f'<text x="{right}" y="{HEIGHT - 6}" text-anchor="end" font-size="12">'
                     "S3: after session 3</text>")
    parts.append("</svg>")
    return "".join(parts)


def _dot(x: float, y: float) -> str:
    return f'<circle cx="{x}" cy="{y}" r="4.5" fill="#000"/>'


def _square(x: float, y: float) -> str:
    return (f'<rect x="{x - 4}" y="{y - 4}" width="8" height="8" fill="#fff" stroke="#000" '
            'stroke-width="1.5"/>')


CSS = """
figure.chart { display: block; float: none; width: auto; margin: 0 0 0.75em; }
figure.chart svg { max-width: 40em; }
.chart-pair { display: flex; flex-wrap: wrap; gap: 1em; align-items: flex-start; }
.chart-pair > figure.chart { flex: 3 1 22em; margin: 0; }
.chart-pair > .chart-table { flex: 0 1 auto; }
.chart-table th, .chart-table td { overflow-wrap: normal; }
@media print {
  figure.chart { float: none; width: auto; margin: 0 0 0.4em; }
  .chart-pair { flex-wrap: nowrap; break-inside: avoid; page-break-inside: avoid; }
  .chart-pair > figure.chart { flex: 1 1 0; }
}
""".strip()
