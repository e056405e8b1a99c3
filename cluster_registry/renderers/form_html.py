"""The official forms as HTML, for the print formats and the bound filing's PDF.

`render` lays a filing out from its form definition (see `layout`) and writes it as HTML: the
cover, the 填报说明, each section with its tables (label cells, per-year columns, ☑/□, merged
group cells), the targets and stage tables, the declaration with its signature lines and the
higher level's opinion. `bundle_cover` writes the cover and the numbered 目录 of the bound filing;
`blocks_html` writes any layout (the summary tables, the on-site statement). The CSS lives in the
print formats (CSS classes cr-*).
"""

from html import escape

from cluster_registry.renderers.blocks import (
	PAGE_REFERENCE,
	Block,
	Cell,
	Landscape,
	Narrative,
	PageBreak,
	Para,
	PrintedFiling,
	Table,
)
from cluster_registry.renderers.layout import form_blocks


def render(
	definition: dict,
	round_year: int,
	answers: dict,
	targets: list[dict] = (),
	facts: dict | None = None,
	tables: dict | None = None,
	evidence_pages: dict | None = None,
) -> str:
	filing = PrintedFiling(
		definition, round_year, answers, list(targets), facts or {}, tables or {}, evidence_pages or {}
	)
	return blocks_html(form_blocks(filing))


def bundle_cover(title: str, lines: list[tuple[str, str]], entries: list[tuple[str, str, str | None]]) -> str:
	"""The cover of the bound filing (申报材料: 集群名称, 所在地市, 主导产业, 填报日期) and its 目录:
	entries are (number, title, first page — a number or a page reference — or None when nothing
	is bound for it)."""
	blocks: list[Block] = [Para(title, "title")]
	blocks += [Para(f"{label}：{value}", "cover") for label, value in lines]
	blocks += [PageBreak(), Para("目  录", "heading-center")]
	rows = [
		[
			Cell([f"{number}." if number else ""], align="right"),
			Cell([text]),
			Cell([str(page) if page else "（未附）"], align="right"),
		]
		for number, text, page in entries
	]
	blocks.append(Table([7.0, 81.0, 12.0], rows))
	return blocks_html(blocks, table_class="cr-contents")


def blocks_html(blocks: list[Block], table_class: str = "cr-table") -> str:
	parts = []
	for block in blocks:
		if isinstance(block, Para):
			parts.append(f'<p class="cr-{block.style}">{_text(block.text)}</p>')
		elif isinstance(block, PageBreak):
			parts.append('<div class="cr-page-break"></div>')
		elif isinstance(block, Landscape):
			parts.append(f'<div class="cr-landscape">{blocks_html(block.blocks, table_class)}</div>')
		elif isinstance(block, Narrative):
			kind = "cr-narrative cr-guide" if block.guide else "cr-narrative"
			paragraphs = "".join(f"<p>{_text(line)}</p>" for line in block.lines)
			parts.append(f'<div class="{kind}">{paragraphs}</div>')
		else:
			parts.append(_table(block, table_class))
	return "\n".join(parts)


def _table(table: Table, table_class: str) -> str:
	columns = "".join(f'<col style="width:{width:.2f}%">' for width in table.widths)
	head = "".join(_row(row) for row in table.rows[: table.header_rows])
	body = "".join(_row(row) for row in table.rows[table.header_rows :])
	thead = f"<thead>{head}</thead>" if head else ""
	if table.compact:
		table_class += " cr-library"
	return f'<table class="{table_class}"><colgroup>{columns}</colgroup>{thead}<tbody>{body}</tbody></table>'


def _row(cells: list[Cell]) -> str:
	return "<tr>" + "".join(_cell(cell) for cell in cells) + "</tr>"


def _cell(cell: Cell) -> str:
	attributes = ""
	if cell.colspan > 1:
		attributes += f' colspan="{cell.colspan}"'
	if cell.rowspan > 1:
		attributes += f' rowspan="{cell.rowspan}"'
	classes = ["cr-label" if cell.head else "cr-value"] + ([f"cr-{cell.align}"] if cell.align else [])
	content = "<br>".join(_text(line) for line in cell.lines)
	if cell.notes:
		content += "".join(f'<br><span class="cr-cell-note">{_text(line)}</span>' for line in cell.notes)
	if not content.strip():
		content = "&#160;"  # an empty row keeps the height of a line
	if cell.signatures:
		content += "".join(f'<p class="cr-signature">{_text(line)}</p>' for line in cell.signatures)
	return f'<td class="{" ".join(classes)}"{attributes}>{content}</td>'


def _text(text: str) -> str:
	html = escape(text).replace("\n", "<br>")
	return PAGE_REFERENCE.sub(r'<a class="cr-pageref" href="#\1"></a>', html)
