"""A filing laid out as its official form: paragraphs and tables with merged cells, read from the
form definition. One layout feeds every output: `form_html` (print formats, the bound PDF) and
`form_docx` (the Word file handed in on disc), so a form prints the same rows and cells in both.

What the layout reads (all plain values):
- answers: (item_key, option_key or None, year or None) -> value, as the Answers table holds
  them. A ticked checkbox is "1"; a named count keeps its names under option "names"; the
  standards table its counts under option std_<category>_<role> and the year; the extra columns
  of a yearly row under options "growth" and "evidence_page"; the cells of a table the county
  fills under option "<row>.<column>" (row: the row label's key, or the row number from 1).
- targets: the Application Target rows (table_key, direction, indicator, unit, baseline_value,
  target_value, completion_value, stage_1..3, qualitative).
- facts: what the cover and the signature block print beside the answers (see COVER_FACTS,
  "declaration_date" and "opinions": item key -> the higher level's opinion).
- tables: item key -> row dicts (column key -> value) for the tables the app fills from its
  lists and the four 库.
- evidence_pages: catalogue number -> (first, last) page in the bound filing, for the 佐证页码
  column and the "PXX页" of the competition form.

Printed numbers keep two decimals when they have decimals (保留小数点后2位, half up); whole
numbers print whole. The section and row wording is the definition's, with {y±n} filled in.
"""

import re
from dataclasses import dataclass

from cluster_registry.figures.decimals import growth, round2
from cluster_registry.renderers.blocks import (
	Block,
	Cell,
	Landscape,
	Narrative,
	PageBreak,
	Para,
	PrintedFiling,
	Table,
	shown,
	spans,
)
from cluster_registry.renderers.tables import stages_blocks, table_blocks, targets_blocks

TICKED, UNTICKED = "☑", "□"
EXPLAIN_NOTE = "（需附情况说明）"
EVIDENCE_NOTE = "（注：勾选需提供佐证材料）"
# A text or choice row with one of these labels is printed beside the row before it, as the
# official tables do (联系人 | … | 联系方式 | …; 集群运营管理机构 | … | 是否发生变化 | …).
BESIDE_PREVIOUS = ("联系方式", "电话", "是否发生变化")
# Narratives longer than this print below their heading rather than in a table cell.
LONG_NARRATIVE = 300
# Cover lines without a cluster source, and the fact that fills each.
COVER_FACTS = {"申报时间": "filing_date", "联系人及联系电话": "contact", "集群核心承载园区": "core_park"}
STANDARD_CATEGORIES = (
	("international", "国际"),
	("national", "国家"),
	("industry", "行业"),
	("group", "团体"),
)
SUBHEADING = re.compile(r"^\d+(?:\.\d+)+\s")
# Notes the seeds print after a question's options (☐是 ☐否（如涉及，需提供佐证材料）), not in its label.
OPTION_NOTE = re.compile(r"(（如涉及[^（）]*）)$")

# ---- the whole form ------------------------------------------------------------------------------


def form_blocks(filing: PrintedFiling) -> list[Block]:
	"""Cover, 填报说明 and every section of the form, in form order."""
	definition = filing.definition
	blocks: list[Block] = cover_blocks(filing)
	if definition["instructions"]:
		blocks.append(Para("填报说明", "heading-center"))
		blocks += [
			Para(f"{number}. {filing.fill(text)}")
			for number, text in enumerate(definition["instructions"], 1)
		]
		blocks.append(PageBreak())
	# "一至七部分不得串页": a form that says so starts each part on a page of its own.
	own_pages = any("不得串页" in text for text in definition["instructions"])
	for position, section in enumerate(definition["sections"]):
		if own_pages and position:
			blocks.append(PageBreak())
		blocks += section_blocks(section, filing)
	return landscape_runs(blocks)


def landscape_runs(blocks: list[Block]) -> list[Block]:
	"""Consecutive landscape tables (the 四库) on one run of landscape pages, each table starting a
	page of its own, with the section heading before them on their first page: no portrait page
	between them, and what follows the run goes back to portrait."""
	merged: list[Block] = []
	for block in blocks:
		if not isinstance(block, Landscape):
			merged.append(block)
			continue
		if merged and isinstance(merged[-1], Landscape):
			merged[-1].blocks += [PageBreak(), *block.blocks]
			continue
		if merged and isinstance(merged[-1], Para) and merged[-1].style == "heading":
			block = Landscape([merged.pop(), *block.blocks])
		merged.append(block)
	return merged


def cover_blocks(filing: PrintedFiling) -> list[Block]:
	"""The cover prints what was filed: each line the answer the form gives to the same fact (集群
	名称, 集群促进组织 …), the cluster's record only where the form has no such answer."""
	definition, facts = filing.definition, filing.facts
	blocks: list[Block] = [Para(definition["title"], "title")]
	for line in definition["cover"]:
		source = line.get("source", "")
		key = source.removeprefix("cluster.") if source else COVER_FACTS.get(line["label"], "")
		filed = [
			filing.answer(item["key"])
			for section in definition["sections"]
			for item in section["items"]
			if source and item.get("source") == source
		]
		value = next((answer for answer in filed if answer), "") or (shown(facts.get(key)) if key else "")
		blocks.append(Para(f"{line['label']}：{value}", "cover"))
		if line.get("hint") and not value:
			blocks.append(Para(line["hint"], "cover-hint"))
	if definition["issuer"]:
		blocks.append(Para(f"{definition['issuer']} 制", "issuer"))
	blocks.append(PageBreak())
	return blocks


def section_blocks(section: dict, filing: PrintedFiling) -> list[Block]:
	blocks: list[Block] = [Para(filing.fill(section["title"]), "heading")]
	grid: list[dict] = []
	for item in section["items"]:
		if _stands_alone(item):
			blocks += grid_tables(grid, filing)
			grid = []
			blocks += standalone_blocks(item, filing)
		else:
			grid.append(item)
	return blocks + grid_tables(grid, filing)


def _stands_alone(item: dict) -> bool:
	if item["type"] in ("table", "targets", "stages"):
		return True
	long = item["type"] == "narrative" and (item["limit"] is None or item["limit"] > LONG_NARRATIVE)
	return long and "group" not in item


# ---- the section grid: label cells on the left, value cells on the right -------------------------


@dataclass
class _Unit:
	item: dict
	partner: dict | None = None


def grid_tables(items: list[dict], filing: PrintedFiling) -> list[Table]:
	"""The rows of consecutive items as tables sharing one column grid; a per-year header row
	(年度 | 2023年 | …) starts a new table whose header repeats on every page."""
	if not items:
		return []
	units = _units(items)
	years = len(filing.years["data"])
	data_columns = max(3 if unit.partner else _data_columns(unit.item, years) for unit in units)
	grouped = any(_group(unit.item) for unit in units)
	label_columns = 2 if grouped else 1
	label_widths = [14.0, 24.0] if grouped else [36.0]
	widths = label_widths + [(100 - sum(label_widths)) / data_columns] * data_columns
	grid = _Grid(filing, label_columns, data_columns)

	tables = [Table(widths, [])]
	header_printed = False
	index = 0
	while index < len(units):
		group = _group(units[index].item)
		run = [units[index]]
		while group and index + len(run) < len(units) and _group(units[index + len(run)].item) == group:
			run.append(units[index + len(run)])
		index += len(run)
		rows: list[list[Cell]] = []
		header_rows = 0
		for unit in run:
			item = unit.item
			needs_header = _is_row_yearly(item) and (item.get("header") or not header_printed)
			if needs_header and not group:
				header_printed = True
				rows += [grid.year_header(item)]
				header_rows = 1
			rows += grid.rows(unit, 1 if group else label_columns)
		if group:
			rows[0].insert(0, Cell([filing.fill(group)], rowspan=len(rows), head=True))
		if header_rows:
			current = tables[-1]
			carried = []
			if current.rows and _is_subheading_row(current.rows[-1]):
				carried = [current.rows.pop()]
			tables.append(Table(widths, carried + rows, header_rows=len(carried) + header_rows))
		else:
			tables[-1].rows += rows
	return [table for table in tables if table.rows]


def _units(items: list[dict]) -> list[_Unit]:
	units: list[_Unit] = []
	for item in items:
		previous = units[-1] if units else None
		if (
			previous
			and previous.partner is None
			and item["type"] in ("text", "choice")
			and previous.item["type"] in ("text", "choice")
			and item.get("label") in BESIDE_PREVIOUS
			and item.get("group") == previous.item.get("group")
		):
			previous.partner = item
		else:
			units.append(_Unit(item))
	return units


def _data_columns(item: dict, years: int) -> int:
	if _is_row_yearly(item):
		return years + ("growth" in item) + ("evidence_page" in item)
	if item["type"] == "standards":
		return 3 * years
	return 1


def _is_row_yearly(item: dict) -> bool:
	return item["type"] == "yearly" and item.get("layout") != "column"


def _group(item: dict) -> str:
	if item["type"] == "yearly" and item.get("layout") == "column":
		return item.get("group") or item["label"]
	return item.get("group", "")


def _is_subheading_row(row: list[Cell]) -> bool:
	return len(row) == 1 and bool(SUBHEADING.match(row[0].text))


class _Grid:
	"""Rows of one item on the section grid."""

	def __init__(self, filing: PrintedFiling, label_columns: int, data_columns: int):
		self.filing = filing
		self.label_columns = label_columns
		self.data_columns = data_columns

	def year_header(self, item: dict) -> list[Cell]:
		filing = self.filing
		heads = [f"{year}年" for year in filing.years["data"]]
		heads += [item[key] for key in ("growth", "evidence_page") if key in item]
		return [Cell([item.get("header", "年度")], colspan=self.label_columns, head=True)] + [
			Cell([head], colspan=span, head=True, align="center")
			for head, span in zip(heads, spans(self.data_columns, len(heads)), strict=True)
		]

	def rows(self, unit: _Unit, label_span: int) -> list[list[Cell]]:
		item, filing = unit.item, self.filing
		kind = item["type"]
		if kind == "yearly":
			return self.yearly(item, label_span)
		if kind == "standards":
			return self.standards(item, label_span)
		if kind == "note":
			text = filing.fill(item["text"])
			return [[Cell([text], colspan=label_span + self.data_columns, head=bool(SUBHEADING.match(text)))]]
		label = self.label(item, label_span)
		if unit.partner:
			first, second = spans(self.data_columns - 1, 2)
			return [
				[
					label,
					Cell(self.value_lines(item), colspan=first),
					Cell([unit.partner["label"]], head=True),
					Cell(self.value_lines(unit.partner), colspan=second),
				]
			]
		if kind in ("declaration", "opinion"):
			return [[label, self.signed(item)]]
		return [[label, Cell(self.value_lines(item), colspan=self.data_columns)]]

	def label(self, item: dict, span: int) -> Cell:
		text = self.filing.fill(item["label"])
		if item["type"] == "choice":
			text = OPTION_NOTE.sub("", text)
		lines = [text]
		if item.get("hint"):
			lines.append(item["hint"])
		return Cell(lines, colspan=span, head=True)

	def value_lines(self, item: dict) -> list[str]:
		filing, key, kind = self.filing, item["key"], item["type"]
		value = filing.answer(key)
		if kind == "choice":
			note = OPTION_NOTE.search(item.get("label", ""))
			return [
				"　".join(
					f"{TICKED if option == value else UNTICKED}{option}"
					+ (EXPLAIN_NOTE if option in item.get("explain", ()) else "")
					for option in item["options"]
				)
				+ (note.group(1) if note else "")
			]
		if kind == "checkboxes":
			lines = [
				f"{TICKED if filing.answer(key, option['key']) == '1' else UNTICKED}{filing.fill(option['label'])}"
				for option in item["options"]
			]
			return lines + ([EVIDENCE_NOTE] if item["evidence"] else [])
		if kind == "named_count":
			return [f"数量：{value or '____'}个", f"名称：{filing.answer(key, 'names') or '____'}"]
		if kind == "narrative":
			return value.splitlines() or [""]
		return [value]

	def yearly(self, item: dict, label_span: int) -> list[list[Cell]]:
		filing, key = self.filing, item["key"]
		data_years = filing.years["data"]
		values = [filing.answer(key, year=year) for year in data_years]
		if item.get("layout") == "column":
			return [
				[Cell([f"{year}年"], colspan=label_span, head=True), Cell([value], colspan=self.data_columns)]
				for year, value in zip(data_years, values, strict=True)
			]
		cells = list(values)
		if "growth" in item:
			computed = shown(round2(growth(values[-1], values[-2]))) if len(values) > 1 else ""
			cells.append(filing.answer(key, "growth") or computed)
		if "evidence_page" in item:
			cells.append(filing.evidence_page(item.get("catalogue")) or filing.answer(key, "evidence_page"))
		return [
			[self.label(item, label_span)]
			+ [
				Cell([cell], colspan=span, align="center")
				for cell, span in zip(cells, spans(self.data_columns, len(cells)), strict=True)
			]
		]

	def standards(self, item: dict, label_span: int) -> list[list[Cell]]:
		filing, key = self.filing, item["key"]
		data_years = filing.years["data"]
		column_spans = spans(self.data_columns, 3 * len(data_years))
		rows = [["类别", "主持数量", "参与数量"] * len(data_years)]
		for category, name in STANDARD_CATEGORIES:
			row = []
			for year in data_years:
				row += [
					name,
					filing.answer(key, f"std_{category}_led", year),
					filing.answer(key, f"std_{category}_joined", year),
				]
			rows.append(row)
		cells = [
			[
				Cell([text], colspan=span, head=position == 0 or column % 3 == 0, align="center")
				for column, (text, span) in enumerate(zip(row, column_spans, strict=True))
			]
			for position, row in enumerate(rows)
		]
		cells[0].insert(
			0, Cell([filing.fill(item["label"])], colspan=label_span, rowspan=len(rows), head=True)
		)
		return cells

	def signed(self, item: dict) -> Cell:
		facts = self.filing.facts
		if item["type"] == "declaration":
			lines = self.filing.fill(item["text"]).split("\n")
			date = shown(facts.get("declaration_date"))
		else:
			lines = (facts.get("opinions", {}).get(item["key"]) or "").splitlines()
			date = ""
		signatures = [date if date and line.startswith("年") else line for line in item["signatures"]]
		return Cell(lines or [""], colspan=self.data_columns, signatures=signatures)


# ---- items printed outside the section grid ---------------------------------------------------------


def standalone_blocks(item: dict, filing: PrintedFiling) -> list[Block]:
	kind = item["type"]
	if kind == "table":
		return table_blocks(item, filing)
	if kind == "targets":
		return targets_blocks(item, filing)
	if kind == "stages":
		return stages_blocks(item, filing)
	return narrative_blocks(item, filing)


def narrative_blocks(item: dict, filing: PrintedFiling) -> list[Block]:
	text = filing.answer(item["key"])
	lines = text.splitlines() if text else [filing.fill(line) for line in item.get("guide", [])]
	heading = [Para(line, "subheading") for line in filing.fill(item["label"]).split("\n")]
	return [*heading, Narrative(lines or [""], guide=not text)]
