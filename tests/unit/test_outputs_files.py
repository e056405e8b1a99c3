"""The Excel workbooks and the PDF mechanics of the bound filing, read back with openpyxl and pypdf."""

import io

import openpyxl
import pypdf
from PIL import Image

from cluster_registry.forms import definitions
from cluster_registry.renderers import library_xlsx, pdf, summary


def library_columns(key: str) -> list[dict]:
	competition = definitions.load("competition-2026")
	return next(item for _section, item in definitions.items(competition) if item["key"] == key)["columns"]


def test_the_two_row_header_of_the_project_library():
	columns = library_columns("projects_in_progress")
	cells = library_xlsx.header_layout(columns)
	assert cells[:4] == [
		(1, 1, 2, 1, "序号"),
		(1, 2, 2, 2, "项目名称"),
		(1, 3, 1, 5, "建设地点"),
		(2, 3, 2, 3, "市州"),
	]
	assert (1, 12, 1, 13, "项目联系人") in cells and (2, 13, 2, 13, "联系电话") in cells


def test_a_workbook_keeps_figures_as_numbers_and_formulas_as_text():
	rows = [
		{"seq": 1, "project_name": "=cmd|' /C calc'!A0", "builder": "@SUM(A1)", "total_investment": 3.456},
		{
			"seq": 2,
			"project_name": "-2+3",
			"builder": "+86 13912345678",
			"total_investment": 2,
			"content": "\tx",
		},
	]
	sheet = library_xlsx.Sheet(
		"在建项目库", "（三）在建项目库", library_columns("projects_in_progress"), rows
	)
	book = openpyxl.load_workbook(io.BytesIO(library_xlsx.workbook([sheet])))
	ws = book["在建项目库"]
	assert ws["A1"].value == "（三）在建项目库" and "A1:M1" in ws.merged_cells
	assert ws["C2"].value == "建设地点" and "C2:E2" in ws.merged_cells and "A2:A3" in ws.merged_cells
	assert [ws.cell(3, column).value for column in (3, 4, 5)] == ["市州", "县（市）区", "园区"]
	assert ws["B4"].value == "=cmd|' /C calc'!A0" and ws["B4"].data_type == "s" and ws["B4"].quotePrefix
	assert ws["F4"].value == "@SUM(A1)" and ws["F4"].data_type == "s"
	assert ws["B5"].value == "-2+3" and ws["F5"].value == "+86 13912345678" and ws["J5"].value == "\tx"
	assert (ws["G4"].value, ws["G4"].number_format) == (3.46, "0.00")
	assert (ws["G5"].value, ws["G5"].number_format) == (2, "0")
	assert ws["A4"].value == 1 and ws.print_title_rows == "$2:$3"


def test_the_summary_table_of_a_review_round():
	blocks = summary.summary_blocks(
		"复核", 2026, "太原市工业和信息化局", "李明 0351-1234567", [{"cluster_name": "甲集群"}]
	)
	assert blocks[0].text == "2023年度国家级、省级中小企业特色产业集群复核情况汇总表"
	table = blocks[-1]
	assert [cell.text for cell in table.rows[0]] == [
		"序号",
		"集群名称",
		"所在市（州）",
		"所在县（市、区）",
		"主导产业",
		"集群简介（300字以内）",
		"复核意见",
		"备注",
	]
	assert [cell.text for cell in table.rows[1]][:2] == ["1", "甲集群"]


def test_the_on_site_statement_follows_the_template():
	text = summary.onsite_blocks("小店区", {"no_major_accident": False})[1].text
	assert text.startswith("经现场核查，小店区的申报材料真实有效，符合申报要求。集群主导产业不属于")
	assert "集群内企业近三年发生过较大及以上" in text
	assert summary.onsite_blocks("", {})[1].text.startswith("经现场核查，××县（市、区）的申报材料")


def blank(pages: int, width=595, height=842) -> bytes:
	writer = pypdf.PdfWriter()
	for _ in range(pages):
		writer.add_blank_page(width=width, height=height)
	output = io.BytesIO()
	writer.write(output)
	return output.getvalue()


def test_placeholder_pages_are_replaced_by_the_evidence_and_every_page_is_numbered():
	# rendered: 2 pages of the app, 3 placeholders (for evidence of 2 pages and of 1), 1 page
	rendered = pdf.stamp_page_numbers(blank(6), start=101)
	evidence = [blank(2, 842, 595), blank(1)]
	bound = pdf.bind(rendered, {2: evidence})
	reader = pypdf.PdfReader(io.BytesIO(bound))
	assert [page.extract_text().strip() for page in reader.pages] == [
		"- 101 -",
		"- 102 -",
		"",
		"",
		"",
		"- 106 -",
	]
	assert float(reader.pages[2].mediabox.width) == 842  # a landscape page keeps its size
	numbered = pypdf.PdfReader(io.BytesIO(pdf.stamp_page_numbers(blank(3))))
	assert [page.extract_text().strip() for page in numbered.pages] == ["- 1 -", "- 2 -", "- 3 -"]


def test_an_image_becomes_one_a4_page():
	content = io.BytesIO()
	Image.new("RGB", (400, 300), "gray").save(content, format="PNG")
	page = pypdf.PdfReader(io.BytesIO(pdf.image_to_pdf(content.getvalue()))).pages[0]
	assert round(float(page.mediabox.width)) == 595 and round(float(page.mediabox.height)) == 842
