"""The official forms as Word files (python-docx), to hand in on disc: the same layout as the
print formats (see `layout`), each table with the official rows, columns and merged cells, header
rows repeated on every page, figures with two decimals, A4 with 宋体 text and 黑体 headings."""

import io

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from cluster_registry.outputs.blocks import (
	Block,
	Cell,
	Filing,
	Landscape,
	Narrative,
	PageBreak,
	Para,
	Table,
	placed,
)
from cluster_registry.outputs.layout import form_blocks

BODY_FONT = "宋体"
HEADING_FONT = "黑体"
# paragraph style -> (font, size in points, bold, alignment)
PARAGRAPHS = {
	"title": (HEADING_FONT, 22, True, WD_ALIGN_PARAGRAPH.CENTER),
	"cover": (BODY_FONT, 16, False, WD_ALIGN_PARAGRAPH.LEFT),
	"cover-hint": (BODY_FONT, 12, False, WD_ALIGN_PARAGRAPH.CENTER),
	"issuer": (BODY_FONT, 16, False, WD_ALIGN_PARAGRAPH.CENTER),
	"heading": (HEADING_FONT, 15, False, WD_ALIGN_PARAGRAPH.LEFT),
	"heading-center": (HEADING_FONT, 16, False, WD_ALIGN_PARAGRAPH.CENTER),
	"subheading": (BODY_FONT, 12, True, WD_ALIGN_PARAGRAPH.LEFT),
	"note": (BODY_FONT, 10, False, WD_ALIGN_PARAGRAPH.LEFT),
	"body": (BODY_FONT, 12, False, WD_ALIGN_PARAGRAPH.JUSTIFY),
	"signature": (BODY_FONT, 12, False, WD_ALIGN_PARAGRAPH.RIGHT),
}
TABLE_SIZE = 10.5  # 五号
PAGE_WIDTH_MM = 210
MARGIN_MM = 25
ALIGN = {"center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT}


def render(
	definition: dict,
	round_year: int,
	answers: dict,
	targets: list[dict] = (),
	facts: dict | None = None,
	tables: dict | None = None,
) -> bytes:
	filing = Filing(definition, round_year, answers, list(targets), facts or {}, tables or {})
	return blocks_docx(form_blocks(filing))


def blocks_docx(blocks: list[Block], landscape: bool = False) -> bytes:
	document = Document()
	section = document.sections[0]
	section.page_width, section.page_height = Mm(PAGE_WIDTH_MM), Mm(297)
	if landscape:
		section.orientation = WD_ORIENT.LANDSCAPE
		section.page_width, section.page_height = Mm(297), Mm(PAGE_WIDTH_MM)
	for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
		setattr(section, side, Mm(MARGIN_MM))
	_set_font(document.styles["Normal"].font, BODY_FONT, 12)
	_add_blocks(document, blocks)
	output = io.BytesIO()
	document.save(output)
	return output.getvalue()


def _add_blocks(document, blocks: list[Block]):
	section = document.sections[-1]
	text_width = section.page_width - section.left_margin - section.right_margin
	for block in blocks:
		if isinstance(block, Landscape):
			_turn(document, landscape=True)
			_add_blocks(document, block.blocks)
			_turn(document, landscape=False)
			section = document.sections[-1]
		elif isinstance(block, Para):
			_paragraph(document, block)
		elif isinstance(block, PageBreak):
			document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
		elif isinstance(block, Narrative):
			_table(document, Table([100.0], [[Cell(block.lines)]]), text_width)
		else:
			_table(document, block, text_width)


def _turn(document, landscape: bool):
	"""Start a new section on a new page, landscape or portrait."""
	section = document.add_section(WD_SECTION.NEW_PAGE)
	section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
	long_side, short_side = Mm(297), Mm(PAGE_WIDTH_MM)
	section.page_width, section.page_height = (
		(long_side, short_side) if landscape else (short_side, long_side)
	)


def _paragraph(document, block: Para):
	font, size, bold, alignment = PARAGRAPHS.get(block.style, PARAGRAPHS["body"])
	paragraph = document.add_paragraph()
	paragraph.alignment = alignment
	run = paragraph.add_run(block.text)
	run.bold = bold
	_set_font(run.font, font, size)


def _table(document, table: Table, text_width):
	cells = placed(table)
	columns = len(table.widths)
	rows = len(table.rows)
	grid = document.add_table(rows=rows, cols=columns)
	grid.style = "Table Grid"
	grid.alignment = WD_TABLE_ALIGNMENT.CENTER
	grid.autofit = False
	widths = [int(text_width * width / sum(table.widths)) for width in table.widths]
	for column, width in zip(grid.columns, widths, strict=True):
		column.width = width
	for row in grid.rows:
		for cell, width in zip(row.cells, widths, strict=True):
			cell.width = width
	for row_index in range(table.header_rows):
		_repeat_as_header(grid.rows[row_index])
	for row_index, column, cell in cells:
		target = grid.cell(row_index, column)
		if cell.rowspan > 1 or cell.colspan > 1:
			target = target.merge(grid.cell(row_index + cell.rowspan - 1, column + cell.colspan - 1))
		_fill(target, cell)
	document.add_paragraph()


def _fill(target, cell: Cell):
	target.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
	lines = cell.lines or [""]
	first = target.paragraphs[0]
	for position, line in enumerate(lines):
		paragraph = first if position == 0 else target.add_paragraph()
		paragraph.alignment = ALIGN.get(cell.align, WD_ALIGN_PARAGRAPH.LEFT)
		_set_font(paragraph.add_run(line).font, BODY_FONT, TABLE_SIZE)
	for line in cell.signatures:
		paragraph = target.add_paragraph()
		paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
		paragraph.paragraph_format.space_before = Pt(12)
		_set_font(paragraph.add_run(line).font, BODY_FONT, TABLE_SIZE)


def _repeat_as_header(row):
	properties = row._tr.get_or_add_trPr()
	header = OxmlElement("w:tblHeader")
	header.set(qn("w:val"), "true")
	properties.append(header)


def _set_font(font, name: str, size: float):
	font.name = name
	font.size = Pt(size)
	fonts = font.element.rPr.find(qn("w:rFonts")) if font.element.rPr is not None else None
	if fonts is None:
		fonts = OxmlElement("w:rFonts")
		font.element.get_or_add_rPr().append(fonts)
	fonts.set(qn("w:eastAsia"), name)
