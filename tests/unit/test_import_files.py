"""Bulk import, the plain side: layouts, the reader's guards against hostile files, the
normalisation of what people type, the row checks, and the round trip export → import of the
four 库."""

import datetime
import io
import json
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from cluster_registry.forms import definitions
from cluster_registry.imports import checks, layouts, reader, sheet, values
from cluster_registry.imports.issues import FileRefused
from cluster_registry.renderers import library_xlsx

COMPETITION = Path(definitions.DEFINITIONS_DIR) / "competition-2026.json"


def library_items() -> dict:
	definition = json.loads(COMPETITION.read_text(encoding="utf-8"))
	return {
		item["key"]: item
		for _section, item in definitions.items(definition)
		if item["type"] == "table" and str(item.get("source", "")).startswith("library:")
	}


def exported(item: dict, rows: list[dict], year: int = 2026) -> bytes:
	"""The 库 as the app's Excel export writes it."""
	return library_xlsx.workbook(
		[
			library_xlsx.Sheet(
				layouts.sheet_name(item["label"]),
				definitions.fill_years(item["label"], year),
				[{**c, "label": definitions.fill_years(c["label"], year)} for c in item["columns"]],
				rows,
			)
		]
	)


def template_with(layout: layouts.Layout, rows: list[list]) -> bytes:
	"""The layout's template with rows typed under its header (values in column order)."""
	book = Workbook()
	worksheet = book.active
	worksheet.title = layout.sheet
	worksheet.append([layout.title])
	worksheet.append([column.group or column.label for column in layout.columns])
	if layout.two_header_rows:
		worksheet.append([column.label for column in layout.columns])
	for row in rows:
		worksheet.append(row)
	output = io.BytesIO()
	book.save(output)
	return output.getvalue()


ALLIANCES = layouts.NAME_LISTS["Industry Alliance"]


# ---- round trip ---------------------------------------------------------------------------------


def test_each_of_the_four_libraries_re_imports_as_exported():
	items = library_items()
	rows = {
		"existing_enterprises": [
			{
				"seq": 1,
				"enterprise_name": "太原重工股份有限公司",
				"city": "太原市",
				"county": "小店区",
				"park": "山西转型综改示范区",
				"profile": "=起重机械制造",
				"main_products": "起重机、挖掘机",
				"above_size": "是",
				"main_business_revenue": 12.35,
				"brand": "专精特新“小巨人”企业",
				"contact_name": "王明",
				"contact_phone": "03517654321",
			}
		],
		"prospective_enterprises": [
			{
				"seq": 1,
				"enterprise_name": "博世（中国）投资有限公司",
				"country": "德国",
				"above_size": "是",
				"domestic_brand": "否",
				"international_brand": "是",
			}
		],
		"projects_in_progress": [
			{
				"seq": 1,
				"project_name": "智能装备产业园二期",
				"total_investment": 3.5,
				"construction_period": "2024-2026",
				"start_date": "2024年3月1日",
			}
		],
		"projects_planned": [
			{
				"seq": 1,
				"project_name": "氢能装备基地",
				"location": "太原市小店区",
				"total_investment": 8,
				"construction_period": "2026-2028",
				"start_date": "2026年6月1日",
			}
		],
	}
	for key, item in items.items():
		parsed = sheet.read(exported(item, rows[key]), layouts.library_layout(item))
		assert parsed.issues == [], key
		assert len(parsed.rows) == 1, key
		row = parsed.rows[0].values
		for column, typed in rows[key][0].items():
			if column in ("seq", "brand"):
				continue
			got = row[column]
			if column in ("above_size", "domestic_brand", "international_brand"):
				assert got == (1 if typed == "是" else 0)
			elif column == "construction_period":
				assert got == tuple(int(part) for part in typed.split("-"))
			elif column == "start_date":
				assert got == datetime.date(int(typed[:4]), int(typed[5:].split("月")[0]), 1)
			elif column in ("main_business_revenue", "total_investment"):
				assert got == Decimal(str(typed))
			else:
				assert got == typed, (key, column)
	existing = sheet.read(
		exported(items["existing_enterprises"], rows["existing_enterprises"]),
		layouts.library_layout(items["existing_enterprises"]),
	)
	assert existing.header_years == {"main_business_revenue": 2025}
	assert existing.rows[0].values["profile"] == "=起重机械制造"  # formula-like text stays text


def test_the_export_and_the_import_share_one_header():
	item = library_items()["existing_enterprises"]
	layout = layouts.library_layout(item)
	assert [column.as_export() for column in layout.columns] == item["columns"]


# ---- hostile files ------------------------------------------------------------------------------


def refusal(content: bytes, layout=ALLIANCES) -> str:
	with pytest.raises(FileRefused) as refused:
		sheet.read(content, layout)
	return refused.value.issue.text


def test_a_file_that_is_not_excel_is_refused():
	assert "not an Excel workbook" in refusal("序号,名称\n1,联盟".encode())


def test_an_old_xls_file_is_refused():
	assert ".xls" in refusal(reader.OLE_MAGIC + b"\0" * 2048)


def test_an_encrypted_workbook_is_refused():
	content = reader.OLE_MAGIC + b"\0" * 512 + "EncryptionInfo".encode("utf-16-le") + b"\0" * 512
	assert "password" in refusal(content)


def test_a_file_over_the_size_limit_is_refused():
	assert "MB" in refusal(b"PK\x03\x04" + b"\0" * (reader.MAX_FILE_BYTES + 1))


def test_a_workbook_bomb_is_refused_before_it_is_unpacked():
	output = io.BytesIO()
	with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
		archive.writestr("xl/workbook.xml", "<workbook/>")
		archive.writestr("xl/worksheets/sheet1.xml", b"0" * (20 * 1024 * 1024))
	content = output.getvalue()
	assert len(content) < 100 * 1024
	assert "unpacks" in refusal(content)


def test_a_header_that_does_not_match_says_which():
	content = template_with(ALLIANCES, [])
	book = Workbook()
	worksheet = book.active
	worksheet.append(["序号", "名称", "类别", "成立年份", "解散年份"])
	output = io.BytesIO()
	book.save(output)
	with pytest.raises(FileRefused) as refused:
		sheet.read(output.getvalue(), ALLIANCES)
	issue = refused.value.issue
	assert (issue.column, issue.args) == ("C", ("类型", "类别"))
	assert sheet.read(content, ALLIANCES).rows == []


def test_merged_cells_in_the_data_area_are_reported():
	book = Workbook()
	worksheet = book.active
	worksheet.append([column.label for column in ALLIANCES.columns])
	worksheet.append([1, "太原装备产业联盟", "产业联盟", 2020, None])
	worksheet.append([2, "太原装备行业协会", "行业协会", None, None])
	worksheet.merge_cells("D2:D3")
	output = io.BytesIO()
	book.save(output)
	parsed = sheet.read(output.getvalue(), ALLIANCES)
	assert [(i.row, i.column, i.args) for i in parsed.issues if "merged" in i.text] == [
		(2, "D", ("D2", "D3"))
	]


def test_a_formula_without_a_saved_result_is_refused_and_never_evaluated():
	book = Workbook()
	worksheet = book.active
	worksheet.append([column.label for column in ALLIANCES.columns])
	worksheet.append([1, "太原装备产业联盟", "产业联盟", "=2019+1", None])
	output = io.BytesIO()
	book.save(output)  # openpyxl saves no cached value: as a file nobody recalculated
	parsed = sheet.read(output.getvalue(), ALLIANCES)
	assert [(i.row, i.column) for i in parsed.issues if "formula" in i.text] == [(2, "D")]


def test_too_many_rows_are_refused(monkeypatch):
	monkeypatch.setattr(reader, "MAX_DATA_ROWS", 50)
	rows = [[n, f"联盟{n}", "产业联盟", 2020, None] for n in range(60)]
	assert "more than" in refusal(template_with(ALLIANCES, rows))


# ---- what people type ---------------------------------------------------------------------------


def test_codes_lose_full_width_digits_and_spaces():
	assert values.convert("uscc", " ９１１４０１０５ MA0K 1234 5X ") == ("91140105MA0K12345X", None)


@pytest.mark.parametrize(
	"typed",
	[
		datetime.datetime(2024, 3, 1),
		45352,
		"2024-03-01",
		"2024/3/1",
		"2024.3.1",
		"2024年3月1日",
		"２０２４年３月１日",
	],
)
def test_dates_typed_as_numbers_or_text(typed):
	assert values.convert("date", typed) == (datetime.date(2024, 3, 1), None)


def test_years_numbers_and_yes_no_as_typed():
	assert values.convert("year", "2024年") == (2024, None)
	assert values.convert("year", 2024.0) == (2024, None)
	assert values.convert("decimal", "1,234.5") == (Decimal("1234.5"), None)
	assert values.convert("yes_no", "是") == (1, None)
	assert values.convert("int", "１２") == (12, None)
	assert values.convert("int", "2.5")[1] is not None
	assert values.convert("date", "下个月")[1] is not None
	assert values.convert("text", '=HYPERLINK("x")') == ('=HYPERLINK("x")', None)


# ---- rows ---------------------------------------------------------------------------------------


def test_every_bad_cell_is_reported_at_its_row_and_column():
	content = template_with(
		ALLIANCES,
		[
			[1, "太原装备产业联盟", "产业联盟", 2020, 2018],
			[2, "太原装备产业联盟", "产业联盟", "去年", None],
			[3, None, "行业协会", 2100, None],
			[None, None, None, None, None],
			["合计", None, None, None, None],
		],
	)
	parsed = sheet.read(content, ALLIANCES)
	rules = {
		"kind": checks.FieldRule("select", options=("产业联盟", "行业协会")),
		"established_year": checks.FieldRule("year"),
		"dissolved_year": checks.FieldRule("year"),
	}
	checks.check_rows(parsed, rules, spans=[("established_year", "dissolved_year")], this_year=2026)
	found = sorted((i.row, i.column) for i in parsed.issues)
	assert found == [(3, "E"), (4, "B"), (4, "D"), (5, "B"), (5, "D")]
	by_place = {(i.row, i.column): i for i in parsed.issues}
	assert "already on row" in by_place[(4, "B")].text
	assert by_place[(5, "D")].args == ("成立年份", 1949, 2026, "2100")
	assert by_place[(3, "E")].args == ("解散年份", "2018", "成立年份", "2020")


def test_every_message_of_the_import_has_a_chinese_translation():
	"""The plain modules word their messages in English templates; zh.csv has each of them."""
	import ast
	import csv

	app = Path(__file__).resolve().parents[2] / "cluster_registry"
	with (app / "translations" / "zh.csv").open(encoding="utf-8") as handle:
		known = {row[0] for row in csv.reader(handle) if row}
	sources = [*(app / "imports").glob("*.py"), *(app / "cluster_registry" / "bulk_import").glob("*.py")]
	missing = []
	for path in sources:
		tree = ast.parse(path.read_text(encoding="utf-8"))
		docstrings = {
			id(node.body[0].value)
			for node in ast.walk(tree)
			if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef)
			and node.body
			and isinstance(node.body[0], ast.Expr)
		}
		for node in ast.walk(tree):
			if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
				text = node.value
				if (
					" " in text
					and text.rstrip().endswith((".", "。"))
					and text[0].isupper() | text.startswith("{0}")
				):
					if text not in known:
						missing.append((path.name, text))
	assert missing == []


@pytest.mark.parametrize(
	"layout",
	[layouts.ENTERPRISES, layouts.HONOUR_LIST, *layouts.NAME_LISTS.values()],
	ids=lambda layout: layout.key,
)
def test_each_layout_reads_its_own_template(layout):
	content = library_xlsx.workbook(
		[library_xlsx.Sheet(layout.sheet, layout.title, [c.as_export() for c in layout.columns], [])]
	)
	parsed = sheet.read(content, layout)
	assert (parsed.rows, parsed.issues, parsed.sheet) == ([], [], layout.sheet)


def test_a_sheet_of_fifty_thousand_rows_is_refused_while_streaming():
	book = Workbook(write_only=True)
	worksheet = book.create_sheet(ALLIANCES.sheet)
	worksheet.append([column.label for column in ALLIANCES.columns])
	for number in range(1, 50_001):
		worksheet.append([number, f"联盟{number}", "产业联盟", 2020, None])
	output = io.BytesIO()
	book.save(output)
	with pytest.raises(FileRefused) as refused:
		sheet.read(output.getvalue(), ALLIANCES)
	assert refused.value.issue.args == (ALLIANCES.sheet, reader.MAX_DATA_ROWS)
