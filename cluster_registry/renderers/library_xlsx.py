"""The four 库 and the summary tables as Excel workbooks (openpyxl) in their official layouts: a
title row, then the header as the form prints it (seed 004: a column under a group sits below
the group's merged cell, the others are merged down both header rows), then one row per entry.

Figures are written as numbers (two decimals shown where they have decimals); text that a
spreadsheet would take for a formula (starting with = + - @, a tab or a carriage return) is
written as text, never evaluated.
"""

import io
from dataclasses import dataclass, field
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, Side
from openpyxl.utils import get_column_letter

from cluster_registry.figures.decimals import round2

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FONT = "宋体"
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="center")
CENTRE = Alignment(wrap_text=True, vertical="center", horizontal="center")
WIDE_COLUMNS = ("profile", "content", "progress", "brand", "summary")
# One named style for every entry cell: a cell takes it by name, in one step (setting font, border
# and alignment cell by cell made 5,000 rows take tens of seconds).
ENTRY_STYLE = "cr-entry"


def _entry_style() -> NamedStyle:
	return NamedStyle(name=ENTRY_STYLE, font=Font(name=FONT), border=BOX, alignment=WRAP)


@dataclass
class Sheet:
	name: str  # at most 31 characters, as Excel allows
	title: str
	columns: list[dict]  # {"key", "label", "group"?}, as the form definitions write table columns
	rows: list[dict]  # column key -> value
	lines: list[str] = field(default_factory=list)  # printed under the title (市级中小企业主管部门：…)


def workbook(sheets: list[Sheet]) -> bytes:
	book = Workbook()
	book.remove(book.active)
	book.add_named_style(_entry_style())
	for sheet in sheets:
		_write(book.create_sheet(sheet.name[:31]), sheet)
	output = io.BytesIO()
	book.save(output)
	return output.getvalue()


def header_layout(columns: list[dict]) -> list[tuple[int, int, int, int, str]]:
	"""(first row, first column, last row, last column, text) of each header cell, rows 1–2
	(one row when no column has a group), columns from 1."""
	two_rows = any("group" in column for column in columns)
	cells = []
	position = 0
	while position < len(columns):
		column = columns[position]
		group = column.get("group")
		if group is None:
			cells.append((1, position + 1, 2 if two_rows else 1, position + 1, column["label"]))
			position += 1
			continue
		last = position
		while last + 1 < len(columns) and columns[last + 1].get("group") == group:
			last += 1
		cells.append((1, position + 1, 1, last + 1, group))
		cells += [
			(2, index + 1, 2, index + 1, columns[index]["label"]) for index in range(position, last + 1)
		]
		position = last + 1
	return cells


def set_value(cell, value):
	"""A number as a number, text as text (a telephone number stays text): a formula-like text is
	kept as typed."""
	if value is None or value == "":
		return
	if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
		number = round2(value)
		whole = number == number.to_integral_value()
		cell.value = int(number) if whole else float(number)
		cell.number_format = "0" if whole else "0.00"
		return
	text = str(value)
	cell.value = text
	if text.startswith(FORMULA_STARTS):
		cell.data_type = "s"
		cell.quotePrefix = True


def _write(worksheet, sheet: Sheet):
	width = len(sheet.columns)
	worksheet.append([sheet.title])
	worksheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
	worksheet.cell(1, 1).font = Font(name=FONT, size=14, bold=True)
	worksheet.cell(1, 1).alignment = CENTRE
	for line in sheet.lines:
		worksheet.append([line])
		row = worksheet.max_row
		worksheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
		worksheet.cell(row, 1).font = Font(name=FONT)
	header = header_layout(sheet.columns)
	offset = 1 + len(sheet.lines)
	for first_row, first_column, last_row, last_column, text in header:
		cell = worksheet.cell(first_row + offset, first_column, text)
		if (first_row, first_column) != (last_row, last_column):
			worksheet.merge_cells(
				start_row=first_row + offset,
				start_column=first_column,
				end_row=last_row + offset,
				end_column=last_column,
			)
		cell.font = Font(name=FONT, bold=True)
	header_rows = max(last_row for _first, _column, last_row, _last, _text in header)
	for row in worksheet.iter_rows(min_row=offset + 1, max_row=offset + header_rows, max_col=width):
		for cell in row:
			cell.border, cell.alignment = BOX, CENTRE
	first_data = offset + 1 + header_rows
	keys = [column["key"] for column in sheet.columns]
	for row_index, row in enumerate(sheet.rows, first_data):
		for column_index, key in enumerate(keys, 1):
			cell = worksheet.cell(row_index, column_index)
			cell.style = ENTRY_STYLE  # first: a style by name replaces the quote prefix set_value may set
			set_value(cell, row.get(key))
	for column_index, column in enumerate(sheet.columns, 1):
		worksheet.column_dimensions[get_column_letter(column_index)].width = (
			40 if column["key"] in WIDE_COLUMNS else 6 if column["key"] == "seq" else 14
		)
	worksheet.freeze_panes = worksheet.cell(first_data, 1)
	worksheet.print_title_rows = f"{offset + 1}:{offset + header_rows}"
	worksheet.page_setup.orientation = "landscape"
	worksheet.page_setup.paperSize = worksheet.PAPERSIZE_A4
