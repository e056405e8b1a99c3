"""Column widths by content for the long official tables (the 四库), as a spreadsheet would size
them: a column is as wide as nine entries in ten need on one line (a rare long entry wraps rather
than widening the column for all the others), never narrower than its longest unbreakable run (a
telephone number, a figure) or two characters of its header. When the line cannot hold them all,
the columns that want little get it whole (序号, 市州, 是否为规上企业) and the widest share what is
left equally.

Widths are measured in em of the table's font: a CJK character (or a full-width sign) is one em,
other characters about half of one.
"""

import math
import re
import unicodedata
from collections.abc import Sequence

NARROWEST_EM = 2.0  # two characters of a header
HEADER_LINE_EM = 4.0  # a header wraps its main words onto lines of about four characters
PADDING_EM = 0.6
TYPICAL_SHARE = 0.9
SAMPLE_ROWS = 2000
# Header guidance prints at 6.5 pt (PDF) to 7.5 pt (Word) beside the table's 10.5 pt, on about
# NOTE_LINES lines at most.
NOTE_SCALE = 7 / 10.5
NOTE_LINES = 5
NOTE_WIDEST_EM = 12.0
UNBREAKABLE = re.compile(r"[0-9A-Za-z.,%+\-_/@:()]+")


def text_em(text: str) -> float:
	"""The width of the text on one line, in em."""
	return sum(1.0 if unicodedata.east_asian_width(char) in ("W", "F") else 0.55 for char in text)


def longest_run_em(text: str) -> float:
	"""The widest part of the text that cannot wrap (a number, a code, a word)."""
	return max((text_em(run) for run in UNBREAKABLE.findall(text)), default=0.0)


def column_widths(
	headers: Sequence[str], rows: Sequence[Sequence[str]], line_em: float, notes: Sequence[str] = ()
) -> list[float]:
	"""Percentages of the line for each column (summing to 100), for a line of line_em em. notes:
	each column's guidance printed small in the header; room the entries leave over goes first to
	the columns whose guidance would otherwise run down many lines (the header repeats on every
	page)."""
	count = len(headers)
	if not count:
		return []
	sample = rows[:: max(1, math.ceil(len(rows) / SAMPLE_ROWS))]
	wanted, least = [], []
	for column, header in enumerate(headers):
		values = [str(row[column] or "") for row in sample if column < len(row)]
		lines = [line for value in values for line in value.split("\n")]
		longest_run = max((longest_run_em(line) for line in lines), default=0.0)
		least.append(max(NARROWEST_EM, min(longest_run, line_em / 4)) + PADDING_EM)
		wanted.append(max(min(text_em(header), HEADER_LINE_EM), typical([text_em(line) for line in lines])))
	wanted = [max(width + PADDING_EM, low) for width, low in zip(wanted, least, strict=True)]
	for_notes = [
		min(text_em(note) * NOTE_SCALE / NOTE_LINES, NOTE_WIDEST_EM) + PADDING_EM
		for note in [*notes, *[""] * (count - len(notes))]
	]
	widths = fitted(wanted, line_em, for_notes)
	return [100 * width / sum(widths) for width in widths]


def typical(lengths: list[float]) -> float:
	"""The width nine entries in ten fit in."""
	if not lengths:
		return 0.0
	ordered = sorted(lengths)
	return ordered[min(len(ordered) - 1, int(len(ordered) * TYPICAL_SHARE))]


def fitted(wanted: Sequence[float], line_em: float, for_notes: Sequence[float] = ()) -> list[float]:
	"""Widths that fill a line of line_em. When all that is wanted fits, the room left goes to the
	columns whose header guidance wants more (for_notes), then to every column in proportion.
	Otherwise the columns that want little get it whole and the columns that want the
	most share what is left equally (no share is below a column's least: an unbreakable run is
	at most a quarter of the line)."""
	total = sum(wanted)
	if total <= line_em:
		short = [max(0.0, note - width) for note, width in zip(for_notes, wanted, strict=False)]
		short += [0.0] * (len(wanted) - len(short))
		given = min(line_em - total, sum(short))
		widths = [
			width + (need * given / sum(short) if given else 0.0)
			for width, need in zip(wanted, short, strict=True)
		]
		return [width * line_em / sum(widths) for width in widths]
	widths = list(wanted)
	order = sorted(range(len(wanted)), key=lambda column: wanted[column])
	remaining = line_em
	for position, column in enumerate(order):
		rest = order[position:]
		if wanted[column] <= remaining / len(rest):
			remaining -= wanted[column]
			continue
		share = remaining / len(rest)
		for other in rest:
			widths[other] = share
		break
	return widths
