"""The tables of a form laid out: the county's and the app's tables with their two-row headers
and 合计 rows, the targets table (with 完成值 for 复核) and the stage targets."""

import re

from cluster_registry.figures.decimals import to_decimal
from cluster_registry.forms.definitions import round_years
from cluster_registry.outputs.blocks import (
	EVIDENCE_PAGE_PLACEHOLDER,
	Block,
	Cell,
	Filing,
	Landscape,
	Para,
	Table,
	shown,
)

WIDE_TABLE_COLUMNS = 9
CAPTION_BLANK = re.compile(r"X{2,}|……")


def caption_blocks(
	label: str, filing: Filing, catalogue: int | None = None, counts: tuple = ()
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


def table_blocks(item: dict, filing: Filing) -> list[Block]:
	"""A table of the form: one or two header rows (a column with a "group" sits under its group's
	merged cell), its rows (fixed labelled rows, the county's rows, or rows from the app), blank
	rows up to the printed number and a 合计 row where the form has one."""
	columns = item["columns"]
	header = header_rows(columns, filing)
	rows = table_rows(item, filing)
	width = 100 / len(columns)
	body = [[Cell([value], align="center" if key == "seq" else "") for key, value in row] for row in rows]
	if item["total_row"]:
		body.append(total_row(columns, rows))
	blocks = [
		*caption_blocks(item["label"], filing, item.get("catalogue"), tuple(item.get("caption_counts", ()))),
		Table([width] * len(columns), header + body, header_rows=len(header)),
	]
	return [Landscape(blocks)] if len(columns) > WIDE_TABLE_COLUMNS else blocks


def header_rows(columns: list[dict], filing: Filing) -> list[list[Cell]]:
	"""One header row, or two when some columns sit under a group's merged cell."""
	if not any("group" in column for column in columns):
		return [[Cell([filing.fill(column["label"])], head=True, align="center") for column in columns]]
	top: list[Cell] = []
	bottom: list[Cell] = []
	previous_group = None
	for column in columns:
		label = filing.fill(column["label"])
		group = column.get("group")
		if group is None:
			top.append(Cell([label], rowspan=2, head=True, align="center"))
		elif group == previous_group:
			top[-1].colspan += 1
			bottom.append(Cell([label], head=True, align="center"))
		else:
			top.append(Cell([filing.fill(group)], head=True, align="center"))
			bottom.append(Cell([label], head=True, align="center"))
		previous_group = group
	return [top, bottom]


def table_rows(item: dict, filing: Filing) -> list[list[tuple[str, str]]]:
	"""(column key, printed value) per cell, per row."""
	keys = [column["key"] for column in item["columns"]]
	labels = item.get("row_labels")
	if labels:
		source = [
			{keys[0]: filing.fill(label["label"]), **_answered_row(item, label["key"], filing)}
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


def _answered_row(item: dict, row: str, filing: Filing) -> dict:
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


def targets_blocks(item: dict, filing: Filing) -> list[Block]:
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
	blocks: list[Block] = [
		Para(filing.fill(item["label"]), "subheading"),
		Table(widths, [header, *body], header_rows=1),
	]
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


def stages_blocks(item: dict, filing: Filing) -> list[Block]:
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


def _targets_items(filing: Filing) -> list[dict]:
	return [
		item
		for section in filing.definition["sections"]
		for item in section["items"]
		if item["type"] == "targets"
	]
