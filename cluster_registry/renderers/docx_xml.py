"""A table of the official layout as WordprocessingML (<w:tbl>), written in one pass: python-docx's
cell-by-cell calls (cell(), merge(), add_paragraph()) search the table for every call, so a 四库
of thousands of rows took minutes; this writes each row once, in time linear in the cells.

Merged cells as Word merges them: gridSpan across, vMerge down (the cells below a merge carry an
empty continuation). Header rows repeat on every page (tblHeader), no row splits across pages
(cantSplit), an empty row keeps the height of a line. Text is escaped and stripped of the control
characters XML cannot hold (pasted from Word: \\x0b, \\x01).
"""

import re
from xml.sax.saxutils import escape

from cluster_registry.renderers.blocks import Cell, Table, placed

NAMESPACE = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
FONT = "宋体"
ALIGN = {"center": "center", "right": "right"}
LINE_TWIPS = 312  # the height of a line at 10.5 pt with Word's single spacing


def xml_text(text: str) -> str:
	return escape(NOT_XML.sub("", text))


def table_xml(table: Table, width_twips: int, size_points: float, note_points: float = 7.5) -> str:
	"""The <w:tbl> element of the table, full width_twips wide."""
	total = sum(table.widths) or 1
	grid = [int(width_twips * width / total) for width in table.widths]
	margin = 30 if table.compact else 80
	parts = [
		f'<w:tbl xmlns:w="{NAMESPACE}"><w:tblPr><w:tblStyle w:val="TableGrid"/>'
		f'<w:tblW w:w="{sum(grid)}" w:type="dxa"/><w:jc w:val="center"/>'
		"<w:tblBorders>"
		+ "".join(
			f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
			for side in ("top", "left", "bottom", "right", "insideH", "insideV")
		)
		+ '</w:tblBorders><w:tblLayout w:type="fixed"/>'
		f'<w:tblCellMar><w:left w:w="{margin}" w:type="dxa"/><w:right w:w="{margin}" w:type="dxa"/>'
		"</w:tblCellMar></w:tblPr><w:tblGrid>",
		"".join(f'<w:gridCol w:w="{width}"/>' for width in grid),
		"</w:tblGrid>",
	]
	size = round(size_points * 2)
	note_size = round(note_points * 2)
	rows: list[list[tuple[int, Cell, bool]]] = [[] for _ in table.rows]
	for row_index, column, cell in placed(table):
		rows[row_index].append((column, cell, False))
		for below in range(row_index + 1, row_index + cell.rowspan):
			rows[below].append((column, cell, True))
	for row_index, cells in enumerate(rows):
		header = "<w:tblHeader/>" if row_index < table.header_rows else ""
		empty = all(not cell.text.strip() for _column, cell, _continued in cells)
		height = f'<w:trHeight w:val="{LINE_TWIPS + 2 * 40}" w:hRule="atLeast"/>' if empty else ""
		parts.append(f"<w:tr><w:trPr><w:cantSplit/>{header}{height}</w:trPr>")
		for column, cell, continued in sorted(cells, key=lambda entry: entry[0]):
			width = sum(grid[column : column + cell.colspan])
			parts.append(_cell_xml(cell, width, continued, size, note_size))
		parts.append("</w:tr>")
	parts.append("</w:tbl>")
	return "".join(parts)


def _cell_xml(cell: Cell, width: int, continued: bool, size: int, note_size: int) -> str:
	properties = f'<w:tcW w:w="{width}" w:type="dxa"/>'
	if cell.colspan > 1:
		properties += f'<w:gridSpan w:val="{cell.colspan}"/>'
	if cell.rowspan > 1:
		properties += '<w:vMerge w:val="restart"/>' if not continued else "<w:vMerge/>"
	properties += '<w:vAlign w:val="center"/>'
	if continued:
		return f"<w:tc><w:tcPr>{properties}</w:tcPr><w:p/></w:tc>"
	align = ALIGN.get(cell.align, "left")
	paragraphs = [_paragraph(line, align, size) for line in (cell.lines or [""])]
	paragraphs += [_paragraph(line, align, note_size) for line in cell.notes]
	paragraphs += [_paragraph(line, "right", size, space_before=240) for line in cell.signatures]
	return f"<w:tc><w:tcPr>{properties}</w:tcPr>{''.join(paragraphs)}</w:tc>"


def _paragraph(text: str, align: str, size: int, space_before: int = 0) -> str:
	spacing = (
		f'<w:spacing w:before="{space_before}" w:after="0"/>' if space_before else '<w:spacing w:after="0"/>'
	)
	run = ""
	if text:
		run = (
			f'<w:r><w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}"/>'
			f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>'
			f'<w:t xml:space="preserve">{xml_text(text)}</w:t></w:r>'
		)
	return f'<w:p><w:pPr>{spacing}<w:jc w:val="{align}"/></w:pPr>{run}</w:p>'
