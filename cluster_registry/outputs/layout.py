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
from dataclasses import dataclass, field

from cluster_registry.figures.decimals import growth, round2, to_decimal
from cluster_registry.forms.definitions import fill_years, round_years

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
EVIDENCE_PAGE_PLACEHOLDER = "PXX页"
SUBHEADING = re.compile(r"^\d+(?:\.\d+)+\s")
DECIMAL_TEXT = re.compile(r"^-?\d+\.\d+$")


@dataclass
class Cell:
	lines: list[str]
	colspan: int = 1
	rowspan: int = 1
	head: bool = False
	align: str = ""
	signatures: list[str] = field(default_factory=list)

	@property
	def text(self) -> str:
		return "\n".join([*self.lines, *self.signatures])


@dataclass
class Table:
	widths: list[float]
	rows: list[list[Cell]]
	header_rows: int = 0


@dataclass
class Para:
	text: str
	style: str = "body"


@dataclass
class Narrative:
	lines: list[str]
	guide: bool = False


@dataclass
class PageBreak:
	pass


@dataclass
class Landscape:
	"""Blocks printed on landscape pages: the wide tables (the 四库 run to twelve columns)."""

	blocks: list


Block = Table | Para | Narrative | PageBreak | Landscape
WIDE_TABLE_COLUMNS = 9


@dataclass
class Filing:
	definition: dict
	round_year: int
	answers: dict
	targets: list[dict] = field(default_factory=list)
	facts: dict = field(default_factory=dict)
	tables: dict = field(default_factory=dict)
	evidence_pages: dict = field(default_factory=dict)

	def __post_init__(self):
		self.years = round_years(self.definition, self.round_year)

	def answer(self, key: str, option: str | None = None, year: int | None = None) -> str:
		return shown(self.answers.get((key, option, year)))

	def fill(self, text: str) -> str:
		return fill_years(text or "", self.round_year)

	def evidence_page(self, catalogue: int | None) -> str:
		pages = self.evidence_pages.get(catalogue)
		if not pages:
			return ""
		first, last = pages
		return f"P{first}页" if first == last else f"P{first}-{last}页"


def shown(value) -> str:
	"""A value as the form prints it: decimals to two places (half up), whole numbers whole."""
	if value is None or isinstance(value, bool):
		return ""
	if isinstance(value, str):
		text = value.strip()
		return str(round2(text)) if DECIMAL_TEXT.match(text) else text
	number = to_decimal(value)
	if number is None:
		return str(value)
	return str(int(number)) if number == number.to_integral_value() else str(round2(number))


# ---- the whole form ------------------------------------------------------------------------------


def form_blocks(filing: Filing) -> list[Block]:
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
	return blocks


def cover_blocks(filing: Filing) -> list[Block]:
	definition, facts = filing.definition, filing.facts
	blocks: list[Block] = [Para(definition["title"], "title")]
	for line in definition["cover"]:
		source = line.get("source", "")
		key = source.removeprefix("cluster.") if source else COVER_FACTS.get(line["label"], "")
		value = shown(facts.get(key)) if key else ""
		blocks.append(Para(f"{line['label']}：{value}", "cover"))
		if line.get("hint") and not value:
			blocks.append(Para(line["hint"], "cover-hint"))
	if definition["issuer"]:
		blocks.append(Para(f"{definition['issuer']} 制", "issuer"))
	blocks.append(PageBreak())
	return blocks


def section_blocks(section: dict, filing: Filing) -> list[Block]:
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


def grid_tables(items: list[dict], filing: Filing) -> list[Table]:
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


def placed(table: Table) -> list[tuple[int, int, Cell]]:
	"""(row, column, cell) of every cell on the table's grid, spans taken into account."""
	taken: set[tuple[int, int]] = set()
	found = []
	for row_index, row in enumerate(table.rows):
		column = 0
		for cell in row:
			while (row_index, column) in taken:
				column += 1
			found.append((row_index, column, cell))
			for down in range(cell.rowspan):
				for across in range(cell.colspan):
					taken.add((row_index + down, column + across))
			column += cell.colspan
	return found


def spans(total: int, parts: int) -> list[int]:
	"""`total` columns shared by `parts` cells as evenly as possible, the wider cells last."""
	base, extra = divmod(total, parts)
	return [base + (1 if position >= parts - extra else 0) for position in range(parts)]


class _Grid:
	"""Rows of one item on the section grid."""

	def __init__(self, filing: Filing, label_columns: int, data_columns: int):
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
		lines = [self.filing.fill(item["label"])]
		if item.get("hint"):
			lines.append(item["hint"])
		return Cell(lines, colspan=span, head=True)

	def value_lines(self, item: dict) -> list[str]:
		filing, key, kind = self.filing, item["key"], item["type"]
		value = filing.answer(key)
		if kind == "choice":
			return [
				"　".join(
					f"{TICKED if option == value else UNTICKED}{option}"
					+ (EXPLAIN_NOTE if option in item.get("explain", ()) else "")
					for option in item["options"]
				)
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


def standalone_blocks(item: dict, filing: Filing) -> list[Block]:
	kind = item["type"]
	if kind == "table":
		return table_blocks(item, filing)
	if kind == "targets":
		return targets_blocks(item, filing)
	if kind == "stages":
		return stages_blocks(item, filing)
	return narrative_blocks(item, filing)


def narrative_blocks(item: dict, filing: Filing) -> list[Block]:
	text = filing.answer(item["key"])
	lines = text.splitlines() if text else [filing.fill(line) for line in item.get("guide", [])]
	return [Para(filing.fill(item["label"]), "subheading"), Narrative(lines or [""], guide=not text)]


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
