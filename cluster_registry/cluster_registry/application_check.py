"""The pre-submission check (体检) of a Cluster Application: gathers what the rules need from the
site, runs the rules of its form definition, the target rules and the round's recognition
criteria, and words each finding in Chinese with the field and the fix."""

import frappe
from frappe import _

from cluster_registry.cluster_registry import library_counts
from cluster_registry.cluster_registry.application_prefill import indicator_records
from cluster_registry.cluster_registry.form_versions import load_form
from cluster_registry.figures.honours import LIBRARY_FIELDS
from cluster_registry.figures.name_lists import LIST_COUNTS
from cluster_registry.forms import definitions
from cluster_registry.rules.criteria import CriterionResult, cell_fields, evaluate
from cluster_registry.rules.filing import Filing, form_findings
from cluster_registry.rules.findings import Finding
from cluster_registry.rules.targets import target_findings


def check(application) -> list[dict]:
	"""Every finding of the application, errors first, as dicts: field, rule, severity, message."""
	definition = load_form(application.form_version)
	years = definitions.round_years(definition, application.round_year)
	figures = indicator_records(application.cluster)
	findings = form_findings(filing_of(application, definition, years))
	findings += targets_of(application, definition, years)
	findings += [criterion_finding(r) for r in criteria_results(application, years, figures) if not r.passed]
	worded = [
		{"field": f.field, "rule": f.rule, "severity": f.severity, "message": message(f)} for f in findings
	]
	return sorted(worded, key=lambda f: f["severity"] != "error")


def filing_of(application, definition: dict, years: dict) -> Filing:
	answers = {
		(row.item_key, row.option_key or None, row.year or None): row.value for row in application.answers
	}
	evidence = frappe.get_all(
		"Cluster Evidence",
		filters={"application": application.name},
		fields=["item_key", "option_key", "catalogue_no"],
	)
	return Filing(
		definition=definition,
		years=years,
		answers=answers,
		evidence_items={(e.item_key, e.option_key or None) for e in evidence if e.item_key},
		evidence_catalogue={e.catalogue_no for e in evidence if e.catalogue_no},
		listed=listed_entries(application, definition, years),
	)


def listed_entries(application, definition: dict, years: dict) -> dict[str, int]:
	"""For each item that needs a list, how many named entries the app holds for it."""
	last_year = years["data"][-1]
	lists = {c.field: c.doctype for c in LIST_COUNTS}
	listed = {}
	for _section, item in definitions.items(definition):
		if not item.get("needs_list"):
			continue
		parts = cell_fields(item.get("indicator") or "")
		if item.get("list"):
			source = item["list"]
			listed[item["key"]] = frappe.db.count(
				source["doctype"], {"cluster": application.cluster, **source.get("filters", {})}
			)
		elif item["type"] == "standards":
			listed[item["key"]] = frappe.db.count("Cluster Standard", {"cluster": application.cluster})
		elif all(part in LIBRARY_FIELDS for part in parts):
			listed[item["key"]] = sum(
				len(library_counts.enterprises_behind(application.cluster, last_year, part)) for part in parts
			)
		elif all(part in lists for part in parts):
			listed[item["key"]] = sum(
				frappe.db.count(lists[part], {"cluster": application.cluster}) for part in parts
			)
	return listed


def targets_of(application, definition: dict, years: dict) -> list[Finding]:
	averages = industry_averages(application.sub_sector, years["baseline"])
	found = []
	for _section, item in definitions.items(definition):
		if item["type"] != "targets" or item.get("completion"):
			continue
		rules = {row["indicator"]: row["rule"] for row in item["rows"] if row.get("rule")}
		rows = [row.as_dict() for row in application.targets if row.table_key == item["key"]]
		found += target_findings(rows, rules, years["target"] - years["baseline"], averages)
	return found


def industry_averages(sub_sector: str | None, year: int) -> dict:
	"""The sub-sector's industry averages of the year, or of the latest earlier year on record."""
	if not sub_sector:
		return {}
	rows = frappe.get_all(
		"Sub-sector Industry Average",
		filters={"parent": sub_sector, "parenttype": "Cluster Sub-sector", "year": ("<=", year)},
		fields=["*"],
		order_by="year desc",
		limit=1,
	)
	return rows[0] if rows else {}


def criteria_results(application, years: dict, figures: dict) -> list[CriterionResult]:
	edition = frappe.db.get_value("Declaration Round", application.declaration_round, "criteria_edition")
	if not edition:
		return []
	criteria = frappe.get_doc("Recognition Criteria", edition).criteria
	by_year = {year: dict(figures.get(year, {})) for year in years["data"]}
	cluster = frappe.db.get_value("Industrial Cluster", application.cluster, "*", as_dict=True)
	return evaluate([row.as_dict() for row in criteria], by_year, cluster)


def criterion_finding(result: CriterionResult) -> Finding:
	figures = "、".join(
		f"{year}年 {value if value is not None else '—'}" for year, value in result.figures.items()
	)
	return Finding(
		f"criteria:{result.metric}",
		"criterion",
		result.severity,
		{
			"description": result.description,
			"figures": figures,
			"comparison": result.comparison,
			"threshold": result.threshold,
		},
	)


def message(finding: Finding) -> str:
	p = finding.params
	rule = finding.rule
	if rule == "required":
		where = _("{0} ({1})").format(p["label"], p["year"]) if p.get("year") else p["label"]
		return _("{0} is empty: fill it in, writing 无 where nothing applies.").format(where)
	if rule == "narrative_limit":
		return _("{0} has {1} characters, more than the {2} the form allows: shorten it.").format(
			p["label"], p["used"], p["limit"]
		)
	if rule == "evidence_missing":
		return _(
			"{0}: “{1}” is ticked but no evidence is attached: attach it as Cluster Evidence or untick it."
		).format(p["label"], p["option"])
	if rule == "list_missing":
		return _(
			"{0} needs its list (清单/名单): enter the entries in the app or attach the list as evidence."
		).format(p["label"])
	if rule == "explanation_missing":
		return _(
			"{0} is answered “{1}”, which needs an explanation (情况说明): attach it as Cluster Evidence."
		).format(p["label"], frappe.utils.escape_html(str(p["value"])))
	if rule == "target_missing":
		return _("Target {0}: fill in its baseline and target values.").format(p["indicator"])
	if rule == "criterion":
		return _("Recognition criterion not met: {0}. Figures: {1}; required {2} {3}.").format(
			p["description"], p["figures"], p["comparison"], p["threshold"]
		)
	if p.get("no_average"):
		return _(
			"Target {0}: the sub-sector has no industry average on record, so the rule “{1}” cannot be checked: ask the province to enter it."
		).format(p["indicator"], p["text"])
	return _(
		"Target {0} breaks the rule “{1}”: it gives {2}, the rule asks for {3}. Revise the target."
	).format(p["indicator"], p["text"], p["figure"], p["threshold"])


def criteria_table(application) -> list[dict]:
	"""Every criterion of the round's edition, passed or not, with its figures (for the desk)."""
	definition = load_form(application.form_version)
	years = definitions.round_years(definition, application.round_year)
	results = criteria_results(application, years, indicator_records(application.cluster))
	return [
		{
			"description": r.description,
			"figures": {
				str(year): float(value) if value is not None else None for year, value in r.figures.items()
			},
			"comparison": r.comparison,
			"threshold": float(r.threshold),
			"passed": r.passed,
			"severity": r.severity,
		}
		for r in results
	]
