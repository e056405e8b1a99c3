"""Pre-filling a new Cluster Application with all the system already knows.

From the cluster: the basic facts its form asks for. From the annual indicators: every per-year
row over the round's data years (relative to the round: Y-3..Y-1, or the last two years for the
competition), and single figures of a given year. From the name lists: counts and names. For the
targets: the baseline of each indicator; for a 复核, the targets of the original application
with 完成值 taken from the annual monitoring of the target year (else the annual record).
Nothing typed once has to be typed again.
"""

import frappe

from cluster_registry.cluster_registry.form_versions import load_form
from cluster_registry.cluster_registry.monitoring_filings import monitored_value, recognition_application
from cluster_registry.figures.decimals import figure_text
from cluster_registry.filing_terms import REVIEW
from cluster_registry.forms import definitions
from cluster_registry.rules.criteria import SIDE_BY_SIDE, cell_metrics, metric_value

STANDARD_FIELDS = (
	"std_international_led",
	"std_international_joined",
	"std_national_led",
	"std_national_joined",
	"std_industry_led",
	"std_industry_joined",
	"std_group_led",
	"std_group_joined",
)


def prefill(application):
	definition = load_form(application.form_version)
	years = definitions.round_years(definition, application.round_year)
	cluster = frappe.get_doc("Industrial Cluster", application.cluster)
	figures = indicator_records(application.cluster)
	answers = []
	for _section, item in definitions.items(definition):
		answers += item_answers(item, years, cluster, figures, application.round_year)
	application.set("answers", answers)
	application.set("targets", target_rows(application, definition, years, figures))


def indicator_records(cluster: str) -> dict[int, dict]:
	rows = frappe.get_all("Cluster Annual Indicator", filters={"cluster": cluster}, fields=["*"])
	return {row.year: row for row in rows}


def item_answers(item: dict, years: dict, cluster, figures: dict, round_year: int) -> list[dict]:
	kind, key = item["type"], item.get("key")
	source = item.get("source") or ""
	if kind in ("text", "choice") and source.startswith("cluster."):
		return [answer(key, figure_text(cluster.get(source.removeprefix("cluster."))))]
	if kind == "choice" and item.get("indicator"):
		value = figures.get(round_year + item.get("year", -1), {}).get(item["indicator"])
		return [answer(key, value if value in item["options"] else "")]
	if kind == "yearly":
		return [
			answer(key, indicator_value(figures.get(year, {}), item["indicator"]), year=year)
			for year in years["data"]
		]
	if kind == "figure":
		year = round_year + item.get("year", -1)
		return [answer(key, indicator_value(figures.get(year, {}), item["indicator"]))]
	if kind == "standards":
		return [
			answer(key, figure_text(figures.get(year, {}).get(field)), option=field, year=year)
			for year in years["data"]
			for field in STANDARD_FIELDS
		]
	if kind == "named_count":
		last = figures.get(years["data"][-1], {})
		rows = [answer(key, figure_text(last.get(item["indicator"])))]
		if item.get("list"):
			rows.append(answer(key, "、".join(list_names(cluster.name, item["list"])), option="names"))
		return rows
	return []


def indicator_value(record: dict, indicator: str) -> str:
	"""One cell of an indicator row: a field, a sum of fields (a+b) or fields printed X/X/X/X."""
	if not record:
		return ""
	return SIDE_BY_SIDE.join(
		figure_text(metric_value(metric, record, {})) for metric in cell_metrics(indicator)
	)


def list_names(cluster: str, source: dict) -> list[str]:
	return frappe.get_all(
		source["doctype"],
		filters={"cluster": cluster, **source.get("filters", {})},
		pluck=source["name_field"],
		order_by=f"{source['name_field']} asc",
	)


def target_rows(application, definition: dict, years: dict, figures: dict) -> list[dict]:
	rows = []
	original = original_targets(application)
	for _section, item in definitions.items(definition):
		if item["type"] != "targets":
			continue
		table_years = {
			**years,
			**definitions.round_years(
				{"years": {**definition["years"], **item.get("years", {})}}, application.round_year
			),
		}
		for spec in item["rows"]:
			row = {
				"table_key": item["key"],
				"direction": spec["direction"],
				"indicator": spec["indicator"],
				"metric": spec.get("metric"),
				"unit": spec.get("unit"),
			}
			metric = spec.get("metric")
			if item.get("completion"):
				earlier = original.get(spec["indicator"], {})
				row["baseline_value"] = earlier.get("baseline_value")
				row["target_value"] = earlier.get("target_value")
				row["completion_value"] = (
					completion_value(application.cluster, table_years["target"], metric, figures)
					if metric
					else None
				)
			elif metric:
				row["baseline_value"] = figures.get(table_years["baseline"], {}).get(metric)
			rows.append(row)
	return rows


def completion_value(cluster: str, year: int, metric: str, figures: dict):
	"""完成值: the figure of the target year as the annual monitoring reported it, else as the
	annual record holds it."""
	monitored = monitored_value(cluster, year, metric)
	return monitored if monitored is not None else figures.get(year, {}).get(metric)


def original_targets(application) -> dict[str, dict]:
	"""The three-year targets the original application set, by indicator (for a 复核 without one
	named, the filing that earned the recognition under review)."""
	if not application.original_application and application.filing_kind == REVIEW:
		application.original_application = recognition_application(application.cluster, application.level)
	if not application.original_application:
		return {}
	rows = frappe.get_all(
		"Application Target",
		filters={"parent": application.original_application, "parenttype": "Cluster Application"},
		fields=["indicator", "baseline_value", "target_value"],
	)
	return {row.indicator: row for row in rows}


def answer(key: str, value: str, option: str | None = None, year: int | None = None) -> dict:
	return {"item_key": key, "option_key": option, "year": year, "value": value}
