"""Refusing bad figures on any record of the app, with messages that name the field and the fix.

Driven by the DocType's own fields: every number is checked as an amount (not negative unless it
is a growth rate or a profit), every percentage as 0–100, every year field against a sensible
range; the caller adds its parts-and-wholes and start-and-end pairs. All problems of one save
are reported together, and nothing is saved.
"""

from collections.abc import Iterable

import frappe
from frappe import _
from frappe.utils import getdate

from cluster_registry.cluster_registry.refusals import refuse
from cluster_registry.figures.decimals import round2
from cluster_registry.figures.formulas import SIGNED_FIELDS
from cluster_registry.rules import inputs


class FigureError(frappe.ValidationError):
	"""Figures the forms forbid, of several rules at once; `fields` names the refused fields."""


class NegativeFigureError(FigureError):
	pass


class PercentOverHundredError(FigureError):
	pass


class PartOverWholeError(FigureError):
	pass


class SharesOverHundredError(FigureError):
	pass


class YearOutOfRangeError(FigureError):
	pass


class RepeatedYearError(FigureError):
	pass


class OverFullMarksError(FigureError):
	pass


class EndBeforeStartError(FigureError):
	pass


# the class of each rule of rules.inputs (a save refused by one rule raises its class)
FIGURE_ERRORS = {
	"negative": NegativeFigureError,
	"over_hundred": PercentOverHundredError,
	"part_over_whole": PartOverWholeError,
	"shares_over_total": SharesOverHundredError,
	"year_range": YearOutOfRangeError,
	"repeated_year": RepeatedYearError,
	"over_full_marks": OverFullMarksError,
	"end_before_start": EndBeforeStartError,
}
NUMERIC_TYPES = ("Int", "Float", "Currency", "Percent")
DECIMAL_TYPES = ("Float", "Currency", "Percent")
SIGNED = SIGNED_FIELDS | inputs.SIGNED_INPUTS
FUTURE_YEAR_FIELDS = frozenset({"start_year", "end_year"})


def is_year_field(df) -> bool:
	return df.fieldtype == "Int" and (df.fieldname == "year" or df.fieldname.endswith("_year"))


def check_figures(
	doc,
	parts: Iterable[tuple[str, str]] = (),
	spans: Iterable[tuple[str, str]] = (),
	share_groups: Iterable[Iterable[str]] = (),
	earliest_year: int = inputs.EARLIEST_YEAR,
):
	"""Round doc's decimals as the forms do, then throw one message listing every bad figure."""
	round_figures(doc)
	found = field_problems(doc, earliest_year) + relation_problems(doc, parts, spans, share_groups)
	if found:
		throw_problems(found)


def round_figures(doc):
	"""Every decimal of doc and its rows to two places, half up (保留小数点后2位, 四舍五入)."""
	for record in (doc, *doc.get_all_children()):
		for df in record.meta.fields:
			if df.fieldtype in DECIMAL_TYPES and record.get(df.fieldname) is not None:
				rounded = round2(record.get(df.fieldname))
				if rounded is not None:
					record.set(df.fieldname, float(rounded))


def field_problems(doc, earliest_year: int = inputs.EARLIEST_YEAR) -> list:
	"""Each number of doc and its rows on its own: sign, percentage, year."""
	found = []
	for record in (doc, *doc.get_all_children()):
		found += [(record, p) for p in _field_problems(record, earliest_year if record is doc else None)]
	return found


def relation_problems(doc, parts=(), spans=(), share_groups=()) -> list:
	"""Numbers of doc judged together: parts and wholes, starts and ends, shares of one whole."""
	values = doc.as_dict()
	found = [(doc, p) for p in inputs.parts_over_wholes(values, parts)]
	found += [(doc, p) for p in inputs.end_before_start(values, spans)]
	for group in share_groups:
		found += [(doc, p) for p in inputs.shares_over_total(values, group)]
	return found


def _field_problems(record, earliest_year: int | None) -> list:
	meta = frappe.get_meta(record.doctype)
	values = record.as_dict()
	numbers = [df for df in meta.fields if df.fieldtype in NUMERIC_TYPES]
	years = [df.fieldname for df in numbers if is_year_field(df)]
	amounts = [df.fieldname for df in numbers if df.fieldname not in years and df.fieldname not in SIGNED]
	percents = [df.fieldname for df in numbers if df.fieldtype == "Percent" and df.fieldname not in SIGNED]
	problems = inputs.negatives(values, amounts) + inputs.percentages_out_of_range(values, percents)
	this_year = getdate().year
	for field in years:
		latest = this_year + (inputs.PLANNING_YEARS if field in FUTURE_YEAR_FIELDS else 0)
		problems += inputs.year_out_of_range(
			field, values.get(field), earliest_year or inputs.EARLIEST_YEAR, latest
		)
	return problems


def throw_problems(found: list):
	"""One message of every problem; the error is the rule's class when one rule refused, else
	FigureError, with the refused fields."""
	rules = {problem.rule for _record, problem in found}
	refuse(
		FIGURE_ERRORS.get(rules.pop(), FigureError) if len(rules) == 1 else FigureError,
		"<br>".join(describe(record, problem) for record, problem in found),
		title=_("Figures to correct"),
		fields=[problem.field for _record, problem in found],
	)


def label(doctype: str, field: str) -> str:
	return _(frappe.get_meta(doctype).get_label(field), context=doctype)


def describe(record, problem: inputs.Problem) -> str:
	name = label(record.doctype, problem.field)
	other = label(record.doctype, problem.other_field) if problem.other_field else ""
	if problem.rule in inputs.PROBLEM_TEXTS:
		text = _(inputs.PROBLEM_TEXTS[problem.rule]).format(
			*inputs.problem_args(problem, name, other, quoted_escaped)
		)
	else:
		text = f"{name}: {problem.rule}"
	if record.get("parentfield"):
		table = label(record.parenttype, record.parentfield)
		text = _("{0}, row {1}: {2}").format(table, record.idx, text)
	return text


def quoted_escaped(value) -> str:
	"""A value as the message shows it: as typed, with markup escaped (it is echoed into the desk)."""
	return frappe.utils.escape_html(inputs.as_entered(value))


def check_one_row_per_year(doc, table: str):
	"""A table of figures by year holds each year once."""
	seen, repeated = set(), []
	for row in doc.get(table):
		if row.year in seen:
			repeated.append((row, inputs.Problem("repeated_year", "year", row.year)))
		seen.add(row.year)
	if repeated:
		throw_problems(repeated)
