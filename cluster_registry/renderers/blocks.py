"""The blocks a filing is laid out in (paragraphs, tables with merged cells, narratives, page
breaks, landscape runs) and the filing they are read from; shared by the layout, HTML and Word."""

import re
from dataclasses import dataclass, field

from cluster_registry.figures.decimals import figure_text as shown  # the one formatter of a figure
from cluster_registry.forms.definitions import fill_years, round_years

EVIDENCE_PAGE_PLACEHOLDER = "PXX页"
# A page number not known before the pages are laid out (the bound filing's 目录 and PXX页): the
# anchor of the page it refers to between two private-use characters; the HTML writer turns it
# into a reference that the PDF renderer fills with that page's number.
PAGE_REFERENCE = re.compile("\ue000([A-Za-z0-9_-]+)\ue001")


def page_reference(anchor: str) -> str:
	return f"\ue000{anchor}\ue001"


@dataclass
class Cell:
	lines: list[str]
	colspan: int = 1
	rowspan: int = 1
	head: bool = False
	align: str = ""
	signatures: list[str] = field(default_factory=list)
	notes: list[str] = field(default_factory=list)  # guidance printed small below the lines

	@property
	def text(self) -> str:
		return "\n".join([*self.lines, *self.notes, *self.signatures])


@dataclass
class Table:
	widths: list[float]
	rows: list[list[Cell]]
	header_rows: int = 0
	compact: bool = False  # a long list (the 四库): small padding, rows one line high when they can


@dataclass
class Para:
	text: str
	style: str = "body"


@dataclass
class Narrative:
	lines: list[str]
	guide: bool = False


@dataclass
class PageBreak:
	pass


@dataclass
class Landscape:
	"""Blocks printed on landscape pages: the wide tables (the 四库 run to twelve columns)."""

	blocks: list


Block = Table | Para | Narrative | PageBreak | Landscape


@dataclass
class PrintedFiling:
	definition: dict
	round_year: int
	answers: dict
	targets: list[dict] = field(default_factory=list)
	facts: dict = field(default_factory=dict)
	tables: dict = field(default_factory=dict)
	evidence_pages: dict = field(default_factory=dict)

	def __post_init__(self):
		self.years = round_years(self.definition, self.round_year)

	def answer(self, key: str, option: str | None = None, year: int | None = None) -> str:
		return shown(self.answers.get((key, option, year)))

	def fill(self, text: str) -> str:
		return fill_years(text or "", self.round_year)

	def evidence_page(self, catalogue: int | None) -> str:
		pages = self.evidence_pages.get(catalogue)
		if not pages:
			return ""
		first, last = pages
		return f"P{first}页" if first == last else f"P{first}-{last}页"


def placed(table: Table) -> list[tuple[int, int, Cell]]:
	"""(row, column, cell) of every cell on the table's grid, spans taken into account."""
	taken: set[tuple[int, int]] = set()
	found = []
	for row_index, row in enumerate(table.rows):
		column = 0
		for cell in row:
			while (row_index, column) in taken:
				column += 1
			found.append((row_index, column, cell))
			for down in range(cell.rowspan):
				for across in range(cell.colspan):
					taken.add((row_index + down, column + across))
			column += cell.colspan
	return found


def spans(total: int, parts: int) -> list[int]:
	"""`total` columns shared by `parts` cells as evenly as possible, the wider cells last."""
	base, extra = divmod(total, parts)
	return [base + (1 if position >= parts - extra else 0) for position in range(parts)]
