"""The structure of an official form definition (forms/definitions/*.json), and the check that
names every problem of one: top keys, years, cover, catalogue, sections, each item type's keys,
indicators, rules and year placeholders. Plain Python; `definitions` loads files through it.

Keys an item may carry beside those of its type (see ITEM_KEYS):
- "group": the merged left-hand cell that consecutive rows share (创新平台建设情况 …);
- "catalogue": the number of the catalogue item that holds the item's evidence;
- "notes": remarks for developers, never printed.
An indicator of a "yearly" or "figure" row may join several fieldnames: "a+b" is their sum in one
cell, "a/b/c/d" four figures printed "X/X/X/X" in one cell. A "yearly" row with "layout": "column"
runs its years down the rows; "growth" and "evidence_page" name the extra columns (增幅（%）,
佐证页码) some forms print after the years. A "choice" with "evidence" lists the answers that need
evidence, and with "indicator" and "year" is pre-filled from that year's indicator record. A
"table" with "row_labels" has fixed, labelled rows; its "caption_counts" name the indicators that fill
the caption's blanks (XX, XXX, ……) in order. A choice option in "explain" is printed with
"（需附情况说明）".
"""

import re
from collections.abc import Collection, Iterable, Iterator

from cluster_registry import filing_terms
from cluster_registry.rules.criteria import cell_fields

ITEM_TYPES = frozenset(
	{
		"text",
		"choice",
		"yearly",
		"figure",
		"narrative",
		"checkboxes",
		"standards",
		"named_count",
		"table",
		"targets",
		"stages",
		"declaration",
		"opinion",
		"note",
	}
)

# item type -> (keys it must have, keys it may have besides "type" and COMMON_ITEM_KEYS)
ITEM_KEYS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
	"text": (("key", "label"), ("source", "required", "hint")),
	"choice": (
		("key", "label", "options"),
		("required", "explain", "evidence", "source", "indicator", "year"),
	),
	"yearly": (
		("key", "label", "indicator"),
		("required", "needs_list", "layout", "header", "growth", "evidence_page"),
	),
	"figure": (("key", "label", "indicator", "year"), ("required", "needs_list")),
	"narrative": (("key", "label", "limit"), ("required", "guide")),
	"checkboxes": (("key", "label", "options", "evidence", "catalogue"), ()),
	"standards": (("key", "label"), ("required", "needs_list")),
	"named_count": (("key", "label", "indicator", "list"), ("required", "needs_list")),
	"table": (("key", "label", "columns", "rows", "total_row"), ("source", "row_labels", "caption_counts")),
	"targets": (("key", "label", "completion", "rows", "open_directions"), ("rules_note", "years", "intro")),
	"stages": (("key", "label"), ()),
	"declaration": (("key", "label", "text", "signatures"), ()),
	"opinion": (("key", "label", "signatures"), ()),
	"note": (("key", "text"), ()),
}
COMMON_ITEM_KEYS = ("group", "catalogue", "notes")

TOP_KEYS = (
	"code",
	"title",
	"issuer",
	"filing_kind",
	"level",
	"jurisdiction",
	"source",
	"round_year",
	"years",
	"cover",
	"instructions",
	"sections",
	"catalogue",
)
FILING_KINDS = filing_terms.FILING_KINDS
LEVELS = (filing_terms.NATIONAL, filing_terms.PROVINCIAL)
CATALOGUE_KINDS = ("form", "onsite", "evidence", "list")
YEARLY_LAYOUTS = ("column",)

# rule kind -> the parameters it needs besides "kind", "severity" and "text"
RULE_PARAMS: dict[str, tuple[str, ...]] = {
	"value_at_least": ("value",),
	"annual_growth_at_least": ("value",),
	"rising_each_stage": (),
	"not_below_industry_average": ("average", "measure"),
	"about": ("value", "measure"),
}
INDUSTRY_AVERAGES = (
	"industrial_internet_penetration",
	"co2_reduction_rate",
	"energy_intensity_reduction_rate",
)
MEASURES = ("value", "reduction")
SEVERITIES = ("error", "warning")
STANDARD_INDICATORS = tuple(
	f"std_{category}_{role}"
	for category in ("international", "national", "industry", "group")
	for role in ("led", "joined")
)

CODE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SNAKE = re.compile(r"^[a-z][a-z0-9_]*$")
PLACEHOLDER = re.compile(r"\{y(?:[+-]\d+)?\}")
BRACED = re.compile(r"\{[^{}]*\}")
WRITTEN_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d\s*年")
CLUSTER_SOURCE = re.compile(r"^cluster\.[a-z][a-z0-9_]*$")
TABLE_SOURCE = re.compile(r"^(?:library|list):\S")
# Keys whose text is never printed: a written year there is no mistake.
UNPRINTED_KEYS = ("notes", "source")


def problems(definition: dict, indicator_fields: Collection[str] | None = None) -> list[str]:
	"""Every structural problem of a definition; indicators are checked against
	`indicator_fields` when it is given."""
	if not isinstance(definition, dict):
		return ["a definition is a JSON object"]
	missing = [f"missing key {key!r}" for key in TOP_KEYS if key not in definition]
	found = missing + _unknown_keys("the definition", definition, TOP_KEYS, ("notes",))
	if not missing:
		catalogue = definition["catalogue"]
		numbers = (
			{entry.get("no") for entry in catalogue if isinstance(entry, dict)}
			if isinstance(catalogue, list)
			else set()
		)
		found += _header_problems(definition)
		found += _catalogue_problems(catalogue)
		found += _section_problems(definition["sections"], numbers, indicator_fields)
	return found + _placeholder_problems(definition)


# ---- checks ----------------------------------------------------------------------------------


def _header_problems(definition: dict) -> list[str]:
	found = []
	if not (isinstance(definition["code"], str) and CODE.match(definition["code"])):
		found.append(f"code {definition['code']!r} is not lower-case words joined by hyphens")
	for key in ("title", "jurisdiction", "source"):
		if not _text(definition[key]):
			found.append(f"{key} is not a non-empty string")
	if not isinstance(definition["issuer"], str):
		found.append("issuer is not a string")
	if definition["filing_kind"] not in FILING_KINDS:
		found.append(f"filing_kind {definition['filing_kind']!r} is not one of {', '.join(FILING_KINDS)}")
	if definition["level"] not in LEVELS:
		found.append(f"level {definition['level']!r} is not one of {', '.join(LEVELS)}")
	if not _integer(definition["round_year"]):
		found.append("round_year is not a whole number")
	found += _years_problems(definition["years"])
	if not _text_list(definition["instructions"], allow_empty=True):
		found.append("instructions is not a list of strings")
	found += _cover_problems(definition["cover"])
	return found


def _years_problems(years) -> list[str]:
	if not isinstance(years, dict):
		return ["years is not an object"]
	found = [f"years lacks {key!r}" for key in ("data", "baseline", "target", "stages") if key not in years]
	data = years.get("data")
	if "data" in years and not (
		isinstance(data, list) and len(data) == 2 and all(map(_integer, data)) and data[0] <= data[1]
	):
		found.append("years.data is not [first, last] offsets with first <= last")
	found += [
		f"years.{key} is not a whole number"
		for key in ("baseline", "target")
		if key in years and not _integer(years[key])
	]
	stages = years.get("stages")
	if "stages" in years and not (isinstance(stages, list) and stages and all(map(_integer, stages))):
		found.append("years.stages is not a list of offsets")
	return found


def _cover_problems(cover) -> list[str]:
	if not isinstance(cover, list):
		return ["cover is not a list"]
	found = []
	for number, line in enumerate(cover, 1):
		where = f"cover line {number}"
		if not isinstance(line, dict) or not _text(line.get("label")):
			found.append(f"{where} has no label")
			continue
		found += _unknown_keys(where, line, ("label",), ("source", "hint", "notes"))
		if "source" in line and not CLUSTER_SOURCE.match(str(line["source"])):
			found.append(f"{where}: source {line['source']!r} is not cluster.<field>")
	return found


def _catalogue_problems(catalogue) -> list[str]:
	if not isinstance(catalogue, list):
		return ["catalogue is not a list"]
	found = []
	numbers = []
	for position, entry in enumerate(catalogue, 1):
		where = f"catalogue entry {position}"
		if not isinstance(entry, dict):
			found.append(f"{where} is not an object")
			continue
		found += [f"{where} lacks {key!r}" for key in ("no", "title", "kind") if key not in entry]
		found += _unknown_keys(where, entry, ("no", "title", "kind"), ("notes",))
		if "kind" in entry and entry["kind"] not in CATALOGUE_KINDS:
			found.append(f"{where}: kind {entry['kind']!r} is not one of {', '.join(CATALOGUE_KINDS)}")
		numbers.append(entry.get("no"))
	if numbers != list(range(1, len(numbers) + 1)):
		shown = ", ".join(str(number) for number in numbers)
		found.append(f"catalogue numbers {shown} are not 1..{len(numbers)} in order without gaps")
	return found


def _section_problems(
	sections, catalogue_numbers: set, indicator_fields: Collection[str] | None
) -> list[str]:
	if not isinstance(sections, list):
		return ["sections is not a list"]
	found = []
	section_keys: set = set()
	item_keys: set = set()
	for position, section in enumerate(sections, 1):
		where = f"section {position}"
		if not isinstance(section, dict):
			found.append(f"{where} is not an object")
			continue
		found += [f"{where} lacks {key!r}" for key in ("key", "title", "items") if key not in section]
		found += _unknown_keys(where, section, ("key", "title", "items"), ("notes",))
		key = section.get("key")
		if key in section_keys:
			found.append(f"duplicate section key {key!r}")
		section_keys.add(key)
		if not isinstance(section.get("items", []), list):
			found.append(f"{where}: items is not a list")
			continue
		for number, item in enumerate(section.get("items", []), 1):
			item_where = f"{where} item {number}"
			if isinstance(item, dict) and _text(item.get("key")):
				item_where = f"item {item['key']!r}"
				if item["key"] in item_keys:
					found.append(f"duplicate item key {item['key']!r}")
				item_keys.add(item["key"])
			found += _item_problems(item_where, item, catalogue_numbers, indicator_fields)
	return found


def _item_problems(where: str, item, catalogue_numbers: set, indicator_fields) -> list[str]:
	if not isinstance(item, dict):
		return [f"{where} is not an object"]
	kind = item.get("type")
	if kind not in ITEM_TYPES:
		return [f"{where}: unknown item type {kind!r}"]
	required, optional = ITEM_KEYS[kind]
	found = [f"{where} ({kind}) lacks {key!r}" for key in required if key not in item]
	found += _unknown_keys(where, item, ("type", *required), (*optional, *COMMON_ITEM_KEYS))
	if "key" in item and not (isinstance(item["key"], str) and SNAKE.match(item["key"])):
		found.append(f"{where}: key {item['key']!r} is not snake_case ASCII")
	if "label" in item and not _text(item["label"]):
		found.append(f"{where}: label is not a non-empty string")
	for flag in ("required", "needs_list", "total_row", "completion"):
		if flag in item and not isinstance(item[flag], bool):
			found.append(f"{where}: {flag} is not true or false")
	catalogue = item.get("catalogue")
	if catalogue is not None and catalogue not in catalogue_numbers:
		found.append(f"{where}: catalogue {catalogue!r} is not a number of the catalogue")
	found += _indicator_problems(where, item, indicator_fields)
	check = TYPE_CHECKS.get(kind)
	return found + (check(where, item) if check else [])


def _indicator_problems(where: str, item: dict, indicator_fields: Collection[str] | None) -> list[str]:
	"""Indicator names the item binds: its own, its table's row labels, its targets' metrics."""
	names = []
	if "indicator" in item and item["type"] != "targets":
		names.append(item["indicator"])
	for row in item.get("row_labels") or []:
		if isinstance(row, dict) and "indicator" in row:
			names.append(row["indicator"])
	if item["type"] == "targets":
		names += [
			row["metric"] for row in item.get("rows") or [] if isinstance(row, dict) and "metric" in row
		]
	fields = [part for name in names for part in (cell_fields(name) if isinstance(name, str) else [name])]
	if item["type"] == "standards":
		fields += STANDARD_INDICATORS
	found = [
		f"{where}: indicator {field!r} is not a fieldname"
		for field in fields
		if not (isinstance(field, str) and SNAKE.match(field))
	]
	if indicator_fields is not None:
		found += [
			f"{where}: indicator {field!r} is not a field of Cluster Annual Indicator"
			for field in fields
			if isinstance(field, str) and SNAKE.match(field) and field not in indicator_fields
		]
	return found


def _check_text(where: str, item: dict) -> list[str]:
	if "source" in item and not CLUSTER_SOURCE.match(str(item["source"])):
		return [f"{where}: source {item['source']!r} is not cluster.<field>"]
	return []


def _check_choice(where: str, item: dict) -> list[str]:
	options = item.get("options")
	if not (_text_list(options) and len(set(options)) == len(options)):
		return [f"{where}: options is not a list of distinct strings"]
	found = _check_text(where, item)
	for key in ("explain", "evidence"):
		stray = [value for value in item.get(key, []) if value not in options]
		if stray:
			found.append(f"{where}: {key} names {', '.join(map(str, stray))}, not among the options")
	if "indicator" in item and not _integer(item.get("year")):
		found.append(f"{where}: an indicator needs the year offset it is taken from")
	return found


def _check_yearly(where: str, item: dict) -> list[str]:
	found = []
	if "layout" in item and item["layout"] not in YEARLY_LAYOUTS:
		found.append(f"{where}: layout {item['layout']!r} is not one of {', '.join(YEARLY_LAYOUTS)}")
	found += [
		f"{where}: {key} is not a heading text"
		for key in ("header", "growth", "evidence_page")
		if key in item and not _text(item[key])
	]
	return found


def _check_figure(where: str, item: dict) -> list[str]:
	return [] if _integer(item.get("year")) else [f"{where}: year is not a whole-number offset"]


def _check_narrative(where: str, item: dict) -> list[str]:
	found = []
	limit = item.get("limit")
	if limit is not None and not (_integer(limit) and limit > 0):
		found.append(f"{where}: limit is not a positive number of characters or null")
	if "guide" in item and not _text_list(item["guide"]):
		found.append(f"{where}: guide is not a list of strings")
	return found


def _check_checkboxes(where: str, item: dict) -> list[str]:
	options = item.get("options")
	found = [] if isinstance(item.get("evidence"), bool) else [f"{where}: evidence is not true or false"]
	if not (isinstance(options, list) and options):
		return [*found, f"{where}: options is not a non-empty list"]
	keys = []
	for number, option in enumerate(options, 1):
		if not (
			isinstance(option, dict) and _text(option.get("label")) and SNAKE.match(str(option.get("key")))
		):
			found.append(f"{where}: option {number} lacks a snake_case key or a label")
			continue
		found += _unknown_keys(f"{where} option {number}", option, ("key", "label"), ("notes",))
		keys.append(option["key"])
	duplicates = sorted({key for key in keys if keys.count(key) > 1})
	if duplicates:
		found.append(f"{where}: duplicate option keys {', '.join(duplicates)}")
	return found


def _check_named_count(where: str, item: dict) -> list[str]:
	source = item.get("list")
	if source is None:
		return []
	if not (isinstance(source, dict) and _text(source.get("doctype")) and _text(source.get("name_field"))):
		return [f"{where}: list is not null or {{doctype, name_field, filters}}"]
	found = _unknown_keys(f"{where} list", source, ("doctype", "name_field"), ("filters",))
	if not isinstance(source.get("filters", {}), dict):
		found.append(f"{where}: list filters is not an object")
	return found


def _check_table(where: str, item: dict) -> list[str]:
	found = []
	columns = item.get("columns")
	if not (isinstance(columns, list) and columns):
		found.append(f"{where}: columns is not a non-empty list")
		columns = []
	keys = []
	for number, column in enumerate(columns, 1):
		if not (
			isinstance(column, dict) and _text(column.get("label")) and SNAKE.match(str(column.get("key")))
		):
			found.append(f"{where}: column {number} lacks a snake_case key or a label")
			continue
		found += _unknown_keys(f"{where} column {number}", column, ("key", "label"), ("group", "notes"))
		keys.append(column["key"])
	duplicates = sorted({key for key in keys if keys.count(key) > 1})
	if duplicates:
		found.append(f"{where}: duplicate column keys {', '.join(duplicates)}")
	rows = item.get("rows")
	if rows is not None and not (_integer(rows) and rows >= 0):
		found.append(f"{where}: rows is not a number of rows or null")
	if "source" in item and not TABLE_SOURCE.match(str(item["source"])):
		found.append(f"{where}: source {item['source']!r} is not library:<DocType>… or list:<DocType>")
	labels = item.get("row_labels")
	if labels is not None:
		if not isinstance(labels, list) or not all(
			isinstance(row, dict) and _text(row.get("label")) and _text(row.get("key")) for row in labels
		):
			found.append(f"{where}: row_labels is not a list of {{key, label}}")
		elif rows != len(labels):
			found.append(f"{where}: rows is {rows!r} but there are {len(labels)} row labels")
	return found


def _check_targets(where: str, item: dict) -> list[str]:
	found = []
	rows = item.get("rows")
	if not isinstance(rows, list):
		return [f"{where}: rows is not a list"]
	for number, row in enumerate(rows, 1):
		row_where = f"{where} row {number}"
		if not (isinstance(row, dict) and _text(row.get("direction")) and _text(row.get("indicator"))):
			found.append(f"{row_where} lacks a direction or an indicator")
			continue
		found += _unknown_keys(
			row_where, row, ("direction", "indicator"), ("metric", "unit", "rule", "notes")
		)
		if "rule" in row:
			found += _rule_problems(row_where, row["rule"])
	if not _text_list(item.get("open_directions"), allow_empty=True):
		found.append(f"{where}: open_directions is not a list of strings")
	for key in ("rules_note", "intro"):
		if key in item and not isinstance(item[key], str):
			found.append(f"{where}: {key} is not a string")
	years = item.get("years")
	if years is not None and not (
		isinstance(years, dict)
		and set(years) <= {"baseline", "target"}
		and all(map(_integer, years.values()))
	):
		found.append(f"{where}: years is not {{baseline, target}} offsets")
	return found


def _rule_problems(where: str, rule) -> list[str]:
	if not isinstance(rule, dict):
		return [f"{where}: rule is not an object"]
	kind = rule.get("kind")
	if kind not in RULE_PARAMS:
		return [f"{where}: unknown rule kind {kind!r}"]
	params = RULE_PARAMS[kind]
	found = [
		f"{where}: rule {kind} lacks {key!r}" for key in ("severity", "text", *params) if key not in rule
	]
	found += _unknown_keys(f"{where} rule", rule, ("kind", "severity", "text", *params), ("notes",))
	if "severity" in rule and rule["severity"] not in SEVERITIES:
		found.append(f"{where}: severity {rule['severity']!r} is not one of {', '.join(SEVERITIES)}")
	if "value" in rule and not _number(rule["value"]):
		found.append(f"{where}: rule value is not a number")
	if "average" in rule and rule["average"] not in INDUSTRY_AVERAGES:
		found.append(f"{where}: average {rule['average']!r} is not one of {', '.join(INDUSTRY_AVERAGES)}")
	if "measure" in rule and rule["measure"] not in MEASURES:
		found.append(f"{where}: measure {rule['measure']!r} is not one of {', '.join(MEASURES)}")
	return found


def _check_signed(where: str, item: dict) -> list[str]:
	found = [] if _text_list(item.get("signatures")) else [f"{where}: signatures is not a list of strings"]
	if item["type"] == "declaration" and not _text(item.get("text")):
		found.append(f"{where}: text is not a non-empty string")
	return found


def _check_note(where: str, item: dict) -> list[str]:
	return [] if _text(item.get("text")) else [f"{where}: text is not a non-empty string"]


TYPE_CHECKS = {
	"text": _check_text,
	"choice": _check_choice,
	"yearly": _check_yearly,
	"figure": _check_figure,
	"narrative": _check_narrative,
	"checkboxes": _check_checkboxes,
	"named_count": _check_named_count,
	"table": _check_table,
	"targets": _check_targets,
	"declaration": _check_signed,
	"opinion": _check_signed,
	"note": _check_note,
}


def _placeholder_problems(definition: dict) -> list[str]:
	"""Braces other than {y±n} anywhere, and calendar years written out in printed text."""
	found = []
	for path, text in _strings(definition):
		found += [
			f"{path}: placeholder {braced} is not {{y}} or {{y±n}}"
			for braced in BRACED.findall(text)
			if not PLACEHOLDER.fullmatch(braced)
		]
		if not any(part in UNPRINTED_KEYS for part in path.split(".")):
			found += [
				f"{path}: year {year!r} is written out; use {{y±n}}" for year in WRITTEN_YEAR.findall(text)
			]
	return found


def _strings(value, path: str = "definition") -> Iterator[tuple[str, str]]:
	"""(path, text) of every string value, depth first."""
	if isinstance(value, str):
		yield path, value
	elif isinstance(value, dict):
		for key, inner in value.items():
			yield from _strings(inner, f"{path}.{key}")
	elif isinstance(value, list):
		for index, inner in enumerate(value):
			yield from _strings(inner, f"{path}[{index}]")


def _unknown_keys(where: str, value: dict, required: Iterable[str], optional: Iterable[str]) -> list[str]:
	allowed = {*required, *optional}
	return [f"{where}: unknown key {key!r}" for key in value if key not in allowed]


def year_offset(placeholder: str) -> int:
	"""The offset a placeholder stands for: {y} -> 0, {y-3} -> -3."""
	return int(placeholder[2:-1] or 0)


def _text(value) -> bool:
	return isinstance(value, str) and bool(value.strip())


def _text_list(value, allow_empty: bool = False) -> bool:
	return (
		isinstance(value, list)
		and (allow_empty or bool(value))
		and all(isinstance(entry, str) for entry in value)
	)


def _integer(value) -> bool:
	return isinstance(value, int) and not isinstance(value, bool)


def _number(value) -> bool:
	return isinstance(value, int | float) and not isinstance(value, bool)
