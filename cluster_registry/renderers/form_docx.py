"""The official forms as Word files (python-docx), to hand in on disc: the same layout as the
print formats (see `layout`), each table with the official rows, columns and merged cells, header
rows repeated on every page, figures with two decimals, A4 with 宋体 text and 黑体 headings."""

import io

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from cluster_registry.renderers.blocks import (
	Block,
	Cell,
	Landscape,
	Narrative,
	PageBreak,
	Para,
	PrintedFiling,
	Table,
)
from cluster_registry.renderers.docx_xml import NOT_XML, table_xml
from cluster_registry.renderers.layout import form_blocks

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
KEEP_WITH_NEXT = ("heading", "heading-center", "subheading", "note")


def render(
	definition: dict,
	round_year: int,
	answers: dict,
	targets: list[dict] = (),
	facts: dict | None = None,
	tables: dict | None = None,
) -> bytes:
	filing = PrintedFiling(definition, round_year, answers, list(targets), facts or {}, tables or {})
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
	break_before = False
	for block in blocks:
		if isinstance(block, Landscape):
			_turn(document, landscape=True)
			_add_blocks(document, block.blocks)
			_turn(document, landscape=False)
			section = document.sections[-1]
			break_before = False
		elif isinstance(block, PageBreak):
			break_before = True
		elif isinstance(block, Para):
			_paragraph(document, block, break_before)
			break_before = False
		else:
			if break_before:
				document.add_paragraph().paragraph_format.page_break_before = True
				break_before = False
			table = Table([100.0], [[Cell(block.lines)]]) if isinstance(block, Narrative) else block
			_table(document, table, text_width)
	if break_before:
		document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _turn(document, landscape: bool):
	"""Start a new section on a new page, landscape or portrait."""
	section = document.add_section(WD_SECTION.NEW_PAGE)
	section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
	long_side, short_side = Mm(297), Mm(PAGE_WIDTH_MM)
	section.page_width, section.page_height = (
		(long_side, short_side) if landscape else (short_side, long_side)
	)


def _paragraph(document, block: Para, break_before: bool = False):
	"""A paragraph; a page break before it when one was asked (a break of its own would leave a
	blank page when the page before is full); a heading or a caption stays with what follows."""
	font, size, bold, alignment = PARAGRAPHS.get(block.style, PARAGRAPHS["body"])
	paragraph = document.add_paragraph()
	paragraph.alignment = alignment
	paragraph.paragraph_format.page_break_before = break_before
	paragraph.paragraph_format.keep_with_next = block.style in KEEP_WITH_NEXT
	run = paragraph.add_run(NOT_XML.sub("", block.text))
	run.bold = bold
	_set_font(run.font, font, size)


def _table(document, table: Table, text_width):
	"""The table written as XML in one pass (see docx_xml), then a paragraph that keeps it apart
	from the next table."""
	twips = int(text_width / 635)  # EMU -> twentieths of a point
	document.element.body._insert_tbl(parse_xml(table_xml(table, twips, TABLE_SIZE)))
	spacer = document.add_paragraph()
	spacer.paragraph_format.space_after = Pt(0)
	_set_font(spacer.add_run("").font, BODY_FONT, 2)


def _set_font(font, name: str, size: float):
	font.name = name
	font.size = Pt(size)
	fonts = font.element.rPr.find(qn("w:rFonts")) if font.element.rPr is not None else None
	if fonts is None:
		fonts = OxmlElement("w:rFonts")
		font.element.get_or_add_rPr().append(fonts)
	fonts.set(qn("w:eastAsia"), name)
