"""The rules the app enforces on a single record, run on the converted rows of a sheet.

The site describes each field once (FieldRule: what kind of figure, how long a text, which
choices), from the DocType; the rules themselves are those of cluster_registry.rules.inputs that
the DocType controllers apply on save: amounts not negative, percentages at most 100, years in
range, ends not before starts, parts not above wholes, lengths, choices, the 主持 rank of a
standard. Each problem is reported at its row and column with the form's wording.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from cluster_registry.imports.sheet import Parsed, Row
from cluster_registry.rules import inputs


@dataclass(frozen=True)
class FieldRule:
	kind: str  # amount, signed, percent, year, future_year, text, select, other
	max_length: int | None = None
	options: tuple[str, ...] = ()


def check_rows(
	parsed: Parsed,
	rules: dict[str, FieldRule],
	spans: Iterable[tuple[str, str]] = (),
	parts: Iterable[tuple[str, str]] = (),
	this_year: int | None = None,
	earliest_year: int = inputs.EARLIEST_YEAR,
):
	"""Add to parsed.issues every problem of its rows; keys of rules, spans and parts are column keys."""
	this_year = this_year or datetime.date.today().year
	spans, parts = tuple(spans), tuple(parts)
	labels = {column.key: column.label for column in parsed.layout.columns}
	for row in parsed.rows:
		for problem in row_problems(row.values, rules, spans, parts, this_year, earliest_year, labels):
			key, text, args = problem
			parsed.add(parsed.cell_issue(row.number, key, text, args))
		if parsed.layout.key == "standards":
			_standard_rank(parsed, row)


def row_problems(
	values: dict, rules: dict, spans, parts, this_year: int, earliest_year: int, labels: dict
) -> list:
	"""(column key, template, args) of each problem of one row's values."""

	def label(key):
		return labels.get(key, key or "")

	found = []
	for key, rule in rules.items():
		value = values.get(key)
		if value is None or value == "":
			continue
		if rule.kind in ("text", "select") and rule.max_length and len(str(value)) > rule.max_length:
			found.append(
				(
					key,
					"{0} has {1} characters; at most {2} fit: shorten it.",
					(label(key), len(str(value)), rule.max_length),
				)
			)
		if rule.kind == "select" and rule.options and value not in rule.options:
			found.append(
				(key, "{0} must be one of: {1} (entered {2}).", (label(key), "、".join(rule.options), value))
			)
	amounts = [key for key, rule in rules.items() if rule.kind in ("amount", "percent")]
	percents = [key for key, rule in rules.items() if rule.kind == "percent"]
	problems = inputs.negatives(values, amounts) + inputs.percentages_out_of_range(values, percents)
	for key, rule in rules.items():
		if rule.kind in ("year", "future_year"):
			latest = this_year + (inputs.PLANNING_YEARS if rule.kind == "future_year" else 0)
			year = values.get(key)
			problems += inputs.year_out_of_range(key, year, earliest_year, latest)
	problems += inputs.end_before_start(values, spans)
	problems += inputs.parts_over_wholes(values, parts)
	for problem in problems:
		args = inputs.problem_args(
			problem, label(problem.field), label(problem.other_field), inputs.as_entered
		)
		found.append((problem.field, inputs.PROBLEM_TEXTS[problem.rule], args))
	return found


def _standard_rank(parsed: Parsed, row: Row):
	values = row.values
	if inputs.led_beyond_rank(values.get("role"), values.get("drafting_rank")):
		layout = parsed.layout
		parsed.add(
			parsed.cell_issue(
				row.number,
				"role",
				inputs.LED_RANK_TEXT,
				(values["drafting_rank"], layout.column("role").label, layout.column("drafting_rank").label),
			)
		)
