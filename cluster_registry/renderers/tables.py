"""The tables of a form laid out: the county's and the app's tables with their two-row headers
and 合计 rows, the targets table (with 完成值 for 复核) and the stage targets."""

import re

from cluster_registry.figures.decimals import to_decimal
from cluster_registry.forms.definitions import round_years
from cluster_registry.renderers.blocks import (
	EVIDENCE_PAGE_PLACEHOLDER,
	Block,
	Cell,
	Landscape,
	Para,
	PrintedFiling,
	Table,
	shown,
)
from cluster_registry.renderers.widths import column_widths

WIDE_TABLE_COLUMNS = 9
# The line of a table in em of the table's font (五号, 10.5 pt): A4 landscape and portrait less
# the print margins.
LANDSCAPE_LINE_EM = 70.0
PORTRAIT_LINE_EM = 44.0
GUIDANCE_CHARACTERS = 5
CAPTION_BLANK = re.compile(r"X{2,}|……")


def caption_blocks(
	label: str, filing: PrintedFiling, catalogue: int | None = None, counts: tuple = ()
) -> list[Block]:
	"""The caption of a table; the blanks of a caption with counts (共有企业XXX个，其中…) filled in
	order from the figures of the last data year, when the filing has them."""
	page = filing.evidence_page(catalogue)
	text = filing.fill(label)
	figures = filing.facts.get("figures") or {}
	if counts and figures:
		values = iter(counts)
		text = CAPTION_BLANK.sub(
			lambda blank: _caption_count(next(values, None), figures, blank.group()), text
		)
	if page:
		text = text.replace(EVIDENCE_PAGE_PLACEHOLDER, page)
	first, *rest = text.split("\n")
	return [Para(first, "subheading"), *(Para(line, "note") for line in rest)]


def _caption_count(field: str | None, figures: dict, blank: str) -> str:
	if field is None:
		return blank
	count = shown(figures.get(field)) or "0"
	return f"{count}个" if blank == "……" else count


def table_blocks(item: dict, filing: PrintedFiling) -> list[Block]:
	"""A table of the form: one or two header rows (a column with a "group" sits under its group's
	merged cell), its rows (fixed labelled rows, the county's rows, or rows from the app), blank
	rows up to the printed number and a 合计 row where the form has one."""
	columns = item["columns"]
	compact = is_library(item)
	header = header_rows(columns, filing, compact)
	rows = table_rows(item, filing)
	body = [[Cell([value], align="center" if key == "seq" else "") for key, value in row] for row in rows]
	if item["total_row"]:
		body.append(total_row(columns, rows))
	wide = len(columns) > WIDE_TABLE_COLUMNS
	if compact:
		heads = [header_lines(filing.fill(column["label"])) for column in columns]
		line_em = LANDSCAPE_LINE_EM if wide else PORTRAIT_LINE_EM
		widths = column_widths(
			[head for head, _notes in heads],
			[[value for _key, value in row] for row in rows],
			line_em,
			["".join(notes) for _head, notes in heads],
		)
	else:
		widths = [100 / len(columns)] * len(columns)
	blocks = [
		*caption_blocks(item["label"], filing, item.get("catalogue"), tuple(item.get("caption_counts", ()))),
		Table(widths, header + body, header_rows=len(header), compact=compact),
	]
	return [Landscape(blocks)] if wide else blocks


def is_library(item: dict) -> bool:
	"""A table of one of the four 库: as long as the library, laid out as a compact list."""
	return str(item.get("source", "")).startswith("library:")


def header_lines(label: str) -> tuple[str, list[str]]:
	"""企业概况（填写主营业务、…200字以内） -> ("企业概况", ["（填写主营业务、…）"]): a long bracketed
	guidance prints small below the column's name; a short one (a unit: （亿元）) stays with it."""
	main, bracket, guidance = label.partition("（")
	if bracket and main and label.endswith("）") and len(guidance) > GUIDANCE_CHARACTERS:
		return main, [bracket + guidance]
	return label, []


def header_rows(columns: list[dict], filing: PrintedFiling, compact: bool = False) -> list[list[Cell]]:
	"""One header row, or two when some columns sit under a group's merged cell; a compact header
	prints long guidance small below the column's name."""

	def head(label: str, rowspan: int = 1) -> Cell:
		lines, notes = header_lines(label) if compact else (label, [])
		return Cell([lines], rowspan=rowspan, head=True, align="center", notes=notes)

	if not any("group" in column for column in columns):
		return [[head(filing.fill(column["label"])) for column in columns]]
	top: list[Cell] = []
	bottom: list[Cell] = []
	previous_group = None
	for column in columns:
		label = filing.fill(column["label"])
		group = column.get("group")
		if group is None:
			top.append(head(label, rowspan=2))
		elif group == previous_group:
			top[-1].colspan += 1
			bottom.append(head(label))
		else:
			top.append(Cell([filing.fill(group)], head=True, align="center"))
			bottom.append(head(label))
		previous_group = group
	return [top, bottom]


def table_rows(item: dict, filing: PrintedFiling) -> list[list[tuple[str, str]]]:
	"""(column key, printed value) per cell, per row."""
	keys = [column["key"] for column in item["columns"]]
	labels = item.get("row_labels")
	if labels:
		source = [
			{**_answered_row(item, label["key"], filing), keys[0]: filing.fill(label["label"])}
			for label in labels
		]
	elif item["key"] in filing.tables:
		source = list(filing.tables[item["key"]])
	else:
		source = [_answered_row(item, str(number), filing) for number in range(1, (item["rows"] or 0) + 1)]
		while source and not any(source[-1].values()):
			source.pop()
	printed = item["rows"] or 0
	source += [{} for _ in range(max(printed - len(source), 0 if source else 1))]
	rows = []
	for number, row in enumerate(source, 1):
		rows.append([(key, str(number) if key == "seq" else shown(row.get(key))) for key in keys])
	return rows


def _answered_row(item: dict, row: str, filing: PrintedFiling) -> dict:
	return {
		column["key"]: filing.answers.get((item["key"], f"{row}.{column['key']}", None))
		for column in item["columns"]
	}


def total_row(columns: list[dict], rows: list[list[tuple[str, str]]]) -> list[Cell]:
	"""合计: the sum of each column of figures (not of rates: a 增幅 column stays empty)."""
	cells = [Cell(["合计"], head=True, align="center")]
	for position, column in enumerate(columns[1:], 1):
		values = [to_decimal(row[position][1]) for row in rows if row[position][1]]
		summable = values and all(value is not None for value in values) and "增幅" not in column["label"]
		cells.append(Cell([shown(sum(values)) if summable else ""]))
	return cells


def targets_blocks(item: dict, filing: PrintedFiling) -> list[Block]:
	"""方向 | 指标 | 基准值 | 目标值 (| 完成值): one row per target, the direction merged down its
	rows, a blank row for a direction the form leaves open and no target uses; qualitative
	targets print their text across the value cells."""
	years = round_years({"years": {**filing.definition["years"], **item.get("years", {})}}, filing.round_year)
	heads = ["方向", "指标", f"{years['baseline']}年基准值", f"{years['target']}年目标值"]
	value_fields = ["baseline_value", "target_value"]
	if item["completion"]:
		heads.append(f"{years['target']}年完成值")
		value_fields.append("completion_value")
	rows = [row for row in filing.targets if row.get("table_key") == item["key"]] or [
		{**spec, "table_key": item["key"]} for spec in item["rows"]
	]
	directions: list[str] = []
	for direction in [row["direction"] for row in rows] + item["open_directions"]:
		if direction not in directions:
			directions.append(direction)
	body: list[list[Cell]] = []
	for direction in directions:
		mine = [row for row in rows if row["direction"] == direction] or [{}]
		for position, row in enumerate(mine):
			cells = [Cell([direction], rowspan=len(mine), head=True, align="center")] if position == 0 else []
			cells.append(Cell([_indicator(row)]))
			if row.get("qualitative") or (row and not row.get("metric") and row.get("indicator")):
				cells.append(Cell([shown(row.get("qualitative"))], colspan=len(value_fields)))
			else:
				cells += [Cell([_target_value(row, name)], align="center") for name in value_fields]
			body.append(cells)
	widths = [14.0, 34.0] + [52.0 / len(value_fields)] * len(value_fields)
	header = [Cell([head], head=True, align="center") for head in heads]
	blocks: list[Block] = [Para(line, "subheading") for line in filing.fill(item["label"]).split("\n")]
	if item.get("intro"):  # the form's note between the caption and the table
		blocks.append(Para(filing.fill(item["intro"]), "note"))
	blocks.append(Table(widths, [header, *body], header_rows=1))
	if item.get("rules_note"):
		blocks += [Para(line, "note") for line in filing.fill(item["rules_note"]).split("\n")]
	return blocks


def _indicator(row: dict) -> str:
	indicator = row.get("indicator") or ""
	unit = row.get("unit")
	return f"{indicator}（{unit}）" if indicator and unit else indicator


def _target_value(row: dict, name: str) -> str:
	value = row.get(name)
	return "" if value in (None, "") or (not row.get("metric") and not value) else shown(value)


def stages_blocks(item: dict, filing: PrintedFiling) -> list[Block]:
	"""阶段性目标: the target of each year of the plan, (1) {y} … (3) {y+2}, per indicator."""
	stage_years = filing.years["stages"]
	heads = ["方向", "指标"] + [f"（{n}）{year}年度" for n, year in enumerate(stage_years, 1)]
	plan = next((entry for entry in _targets_items(filing) if not entry["completion"]), None)
	rows = [
		row for row in filing.targets if plan and row.get("table_key") == plan["key"] and row.get("metric")
	]
	body = [
		[Cell([row["direction"]], head=True, align="center"), Cell([_indicator(row)])]
		+ [Cell([_target_value(row, f"stage_{n}")], align="center") for n in range(1, len(stage_years) + 1)]
		for row in rows
	] or [[Cell([""]) for _ in heads]]
	widths = [14.0, 34.0] + [52.0 / len(stage_years)] * len(stage_years)
	return [
		Para(filing.fill(item["label"]), "subheading"),
		Table(widths, [[Cell([head], head=True, align="center") for head in heads], *body], header_rows=1),
	]


def _targets_items(filing: PrintedFiling) -> list[dict]:
	return [
		item
		for section in filing.definition["sections"]
		for item in section["items"]
		if item["type"] == "targets"
	]
