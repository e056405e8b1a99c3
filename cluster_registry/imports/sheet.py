"""Reading one layout out of a workbook: find its sheet and header, check the header cell by cell,
then convert every data row, reporting each bad cell with its sheet, row and column.

The header may start on any of the first rows (a title row above it is usual); a two-row header
(columns under a group) is checked on both rows. Rows left empty, and the 合计 / … rows of the
printed form, are skipped. Two rows with the same key (credit code, patent number …) are an error
on the second.
"""

from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter

from cluster_registry.imports import reader, values
from cluster_registry.imports.issues import FileRefused, Issue
from cluster_registry.imports.layouts import Layout, header_pattern, normal_header

HEADER_SEARCH_ROWS = 6
FILLER_ROWS = frozenset({"合计", "…", "...", "……", "小计"})
MAX_ISSUES = 1000  # a preview lists at most this many problems


@dataclass
class Row:
	number: int  # the worksheet row
	values: dict  # column key -> converted value (None when empty)
	raw: dict  # column key -> the cell as read


@dataclass
class Parsed:
	layout: Layout
	sheet: str
	rows: list[Row] = field(default_factory=list)
	issues: list[Issue] = field(default_factory=list)
	header_years: dict = field(default_factory=dict)  # column key -> the year its header names

	def add(self, issue: Issue):
		if len(self.issues) < MAX_ISSUES:
			self.issues.append(issue)

	def cell_issue(self, row: int, key: str, text: str, args: tuple = ()) -> Issue:
		index = next(i for i, column in enumerate(self.layout.columns) if column.key == key)
		return Issue(
			text, args, self.sheet, row, get_column_letter(index + 1), self.layout.columns[index].label
		)


def read(content: bytes, layout: Layout) -> Parsed:
	"""The rows of layout in the workbook, with every problem found; FileRefused for the file."""
	workbook = reader.open_workbook(content)
	try:
		worksheet = pick_sheet(workbook, layout)
		parsed = Parsed(layout, worksheet.title)
		merged, uncached = reader.sheet_structure(workbook, worksheet)
		width = len(layout.columns)
		stream = reader.rows(worksheet, width)
		data_start = _check_header(stream, layout, parsed)
		_check_structure(parsed, merged, uncached, data_start)
		seen: dict[tuple, int] = {}
		for number, cells in stream:
			_read_row(parsed, number, cells, seen)
		return parsed
	finally:
		workbook.close()


def pick_sheet(workbook, layout: Layout):
	"""The sheet named as the layout's, else the only or the first sheet."""
	for worksheet in workbook.worksheets:
		if normal_header(worksheet.title) == normal_header(layout.sheet):
			return worksheet
	if not workbook.worksheets:
		raise FileRefused(Issue("The workbook has no sheet."))
	return workbook.worksheets[0]


def _check_header(stream, layout: Layout, parsed: Parsed) -> int:
	"""Consume the header rows; the row number of the first data row."""
	columns = layout.columns
	top_labels = [column.group or column.label for column in columns]
	first = normal_header(top_labels[0])
	for number, cells in stream:
		if normal_header(cells[0]) == first:
			top = cells
			break
		if number >= HEADER_SEARCH_ROWS:
			raise FileRefused(
				Issue(
					"Sheet {0}: no header was found in its first {1} rows; the first column must be headed “{2}”. Download the template and keep its headers.",
					(parsed.sheet, HEADER_SEARCH_ROWS, top_labels[0]),
				)
			)
	else:
		raise FileRefused(
			Issue(
				"Sheet {0} has no header; the first column must be headed “{1}”. Download the template and keep its headers.",
				(parsed.sheet, top_labels[0]),
			)
		)
	header_row = number
	wrong = []
	previous_group = None
	for index, column in enumerate(columns):
		expected = column.group or column.label
		found = top[index]
		continued = column.group and column.group == previous_group
		if not (continued and found is None) and not _matches(expected, found, column.key, parsed):
			wrong.append((header_row, index, expected, found))
		previous_group = column.group
	data_start = header_row + 1
	if layout.two_header_rows:
		number, second = next(stream, (header_row + 1, (None,) * len(columns)))
		for index, column in enumerate(columns):
			found = second[index]
			if column.group:
				if not _matches(column.label, found, column.key, parsed):
					wrong.append((number, index, column.label, found))
			elif found is not None and not _matches(column.label, found, column.key, parsed):
				wrong.append((number, index, column.label, found))
		data_start = number + 1
	if wrong:
		issues = [
			Issue(
				"The header in this cell must be “{0}”; the file has “{1}”. Use the headers of the template.",
				(expected, "" if found is None else str(found)),
				parsed.sheet,
				row,
				get_column_letter(index + 1),
				expected,
			)
			for row, index, expected, found in wrong
		]
		raise FileRefused(issues[0], issues)
	return data_start


def _matches(label: str, found, key: str, parsed: Parsed) -> bool:
	match = header_pattern(label).fullmatch(normal_header(found))
	if match and match.groups():
		parsed.header_years[key] = int(match.group(1))
	return bool(match)


def _check_structure(parsed: Parsed, merged: list, uncached: list, data_start: int):
	for min_col, min_row, max_col, max_row in merged:
		if max_row >= data_start and min_col <= len(parsed.layout.columns):
			first = reader.cell_name(max(min_row, data_start), min_col)
			last = reader.cell_name(max_row, max_col)
			parsed.add(
				Issue(
					"Cells {0}:{1} are merged: unmerge them and type the value in every row.",
					(first, last),
					parsed.sheet,
					max(min_row, data_start),
					get_column_letter(min_col),
				)
			)
	for row, column in uncached:
		if row >= data_start and column <= len(parsed.layout.columns):
			parsed.add(
				Issue(
					"This cell holds a formula without a saved result: replace it by its value (copy, then Paste Special > Values).",
					(),
					parsed.sheet,
					row,
					get_column_letter(column),
					parsed.layout.columns[column - 1].label,
				)
			)


def _read_row(parsed: Parsed, number: int, cells: tuple, seen: dict):
	layout = parsed.layout
	content = [cell for column, cell in zip(layout.columns, cells, strict=False) if column.kind != "seq"]
	if all(values.is_empty(cell) for cell in content):
		return
	first = cells[0]
	if (
		isinstance(first, str)
		and first.strip() in FILLER_ROWS
		and sum(not values.is_empty(c) for c in content) <= 1
	):
		return
	row = Row(number, {}, {})
	for column, cell in zip(layout.columns, cells, strict=False):
		if column.kind in ("seq", "derived"):
			continue
		row.raw[column.key] = cell
		value, problem = values.convert(column.kind, cell)
		if problem:
			parsed.add(parsed.cell_issue(number, column.key, problem, (column.label, cell)))
		elif value is None and column.required:
			parsed.add(parsed.cell_issue(number, column.key, "{0} is required: fill it in.", (column.label,)))
		row.values[column.key] = value
	key = tuple(row.values.get(part) for part in layout.match)
	if all(part is not None and part != "" for part in key):
		if key in seen:
			parsed.add(
				parsed.cell_issue(
					number,
					layout.match[0],
					"{0} {1} is already on row {2} of this sheet: keep one row per entry.",
					(layout.column(layout.match[0]).label, "、".join(str(part) for part in key), seen[key]),
				)
			)
		else:
			seen[key] = number
	parsed.rows.append(row)
