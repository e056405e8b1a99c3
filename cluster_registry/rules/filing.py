"""The rules a filing must meet before it is submitted, read from its form definition.

- every mandatory cell is filled ("无" where nothing applies);
- a narrative keeps within its printed limit (counted without whitespace);
- every ticked checkbox that asks for evidence has it; every figure that needs a list has one;
- a "是" that needs an explanation (情况说明) has it attached.
Target rules and recognition criteria live in `targets` and `criteria`.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field

from cluster_registry.rules.findings import ERROR, Finding
from cluster_registry.rules.narratives import counted_characters

ANSWERED_TYPES = ("text", "choice", "narrative")


@dataclass
class Filing:
	"""A filing as the rules see it.

	answers: (item_key, option_key or None, year or None) -> value (str)
	evidence: (item_key, option_key or None) pairs and catalogue numbers with an attached file
	listed: item_key -> number of named entries the app can list for that item
	"""

	definition: dict
	years: dict
	answers: Mapping
	evidence_items: set = field(default_factory=set)
	evidence_catalogue: set = field(default_factory=set)
	listed: Mapping = field(default_factory=dict)

	def answer(self, key: str, option: str | None = None, year: int | None = None) -> str:
		value = self.answers.get((key, option, year))
		return "" if value is None else str(value).strip()

	def has_evidence(self, key: str, option: str | None = None, catalogue: int | None = None) -> bool:
		return (
			(key, option) in self.evidence_items
			or (option is not None and (key, None) in self.evidence_items)
			or (catalogue is not None and catalogue in self.evidence_catalogue)
		)


def form_findings(filing: Filing) -> list[Finding]:
	findings: list[Finding] = []
	for section in filing.definition["sections"]:
		for item in section["items"]:
			findings += item_findings(filing, item, section.get("title", ""))
	return findings


def item_findings(filing: Filing, item: dict, section: str = "") -> list[Finding]:
	"""The findings of one item; its label is given with its section and group, as the form
	repeats labels such as 联系人 under several headings."""
	kind, key = item["type"], item.get("key", "")
	label = "—".join(part for part in (section, item.get("group", ""), item.get("label", "")) if part)
	found: list[Finding] = []
	if kind in ANSWERED_TYPES:
		value = filing.answer(key)
		if item.get("required") and not value:
			found.append(Finding(key, "required", ERROR, {"label": label}))
		if kind == "narrative" and item.get("limit"):
			used = counted_characters(value)
			if used > item["limit"]:
				found.append(
					Finding(
						key, "narrative_limit", ERROR, {"label": label, "limit": item["limit"], "used": used}
					)
				)
		if kind == "choice" and value in item.get("explain", ()) and not filing.has_evidence(key):
			found.append(Finding(key, "explanation_missing", ERROR, {"label": label, "value": value}))
	elif kind == "yearly":
		for year in filing.years["data"]:
			value = filing.answer(key, year=year)
			if item.get("required") and not value:
				found.append(Finding(f"{key}:{year}", "required", ERROR, {"label": label, "year": year}))
		found += list_findings(filing, item, [filing.answer(key, year=y) for y in filing.years["data"]])
	elif kind in ("figure", "named_count"):
		value = filing.answer(key)
		if item.get("required") and not value:
			found.append(Finding(key, "required", ERROR, {"label": label}))
		found += list_findings(filing, item, [value])
	elif kind == "standards":
		counts = [filing.answer(key, option, year) for (k, option, year) in filing.answers if k == key]
		found += list_findings(filing, item, counts)
	elif kind == "checkboxes" and item.get("evidence"):
		for option in item["options"]:
			ticked = filing.answer(key, option["key"]) == "1"
			if ticked and not filing.has_evidence(key, option["key"], item.get("catalogue")):
				found.append(
					Finding(
						f"{key}:{option['key']}",
						"evidence_missing",
						ERROR,
						{"label": label, "option": option["label"]},
					)
				)
	return found


def list_findings(filing: Filing, item: dict, values: list[str]) -> list[Finding]:
	"""A figure marked 需提供清单/名单 that is above zero needs its list: named entries or a file."""
	if not item.get("needs_list"):
		return []
	above_zero = any(_number(value) > 0 for value in values)
	if above_zero and not filing.listed.get(item["key"]) and not filing.has_evidence(item["key"]):
		return [Finding(item["key"], "list_missing", ERROR, {"label": item.get("label", "")})]
	return []


def _number(value) -> float:
	try:
		return float(str(value).replace(",", ""))
	except (TypeError, ValueError):
		return 0.0
