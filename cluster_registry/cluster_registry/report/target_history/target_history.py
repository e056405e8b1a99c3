"""A cluster's whole target history: each target of the filing that earned its recognition,
year by year as monitored (expected, actual, share achieved, status). For the 复核, filter on the
round year: the clusters due for 复核 in it (see Clusters Due for Review)."""

import frappe
from frappe import _
from frappe.query_builder import DocType

from cluster_registry.cluster_registry import report_columns as cols
from cluster_registry.cluster_registry import report_filters
from cluster_registry.cluster_registry.recognition import due_rows
from cluster_registry.cluster_registry.territory import within_territory


def execute(filters=None):
	filters = report_filters.as_dict(filters)
	chosen, problem = report_filters.names(filters, {"cluster": "Cluster"})
	review_year, year_problem = report_filters.year(
		filters, "review_round_year", "Due for Re-review in", None
	)
	if problem or year_problem:
		return columns(), [], problem or year_problem
	clusters = None if review_year is None else [row.cluster for row in due_rows(review_year)]

	def narrow(query, filing, _tracked):
		if chosen.get("cluster"):
			query = query.where(filing.cluster == chosen["cluster"])
		if clusters is not None:
			query = query.where(filing.cluster.isin(clusters or [""]))
		return query

	return columns(), tracking_rows(narrow)


def tracking_rows(narrow) -> list[dict]:
	"""Tracking rows of monitoring filings (the user's territory only), by cluster, target and year."""
	filing, tracked = DocType("Cluster Monitoring Filing"), DocType("Target Tracking")
	query = (
		frappe.qb.from_(filing)
		.join(tracked)
		.on((tracked.parent == filing.name) & (tracked.parenttype == "Cluster Monitoring Filing"))
		.select(
			filing.name.as_("filing"),
			filing.cluster,
			filing.cluster_name,
			filing.city,
			filing.county,
			filing.data_year,
			filing.status,
			tracked.indicator,
			tracked.unit,
			tracked.baseline_value,
			tracked.target_value,
			tracked.target_year,
			tracked.stage_target,
			tracked.expected_value,
			tracked.actual_value,
			tracked.share_achieved,
			tracked.tracking_status,
		)
		.orderby(filing.city)
		.orderby(filing.county)
		.orderby(filing.cluster_name)
		.orderby(tracked.idx)
		.orderby(filing.data_year)
	)
	query = within_territory(narrow(query, filing, tracked), filing.county)
	return query.run(as_dict=True)


def columns():
	return [
		cols.region("county", _("County"), 90),
		cols.cluster(_("Cluster")),
		cols.column("cluster_name", _("Cluster Name"), width=220),
		cols.column("indicator", _("Indicator"), width=160),
		cols.column("data_year", _("Year Monitored"), "Int", 80),
		cols.column("unit", _("Unit"), width=70),
		cols.figure("baseline_value", _("Baseline")),
		cols.figure("target_value", _("Target")),
		cols.column("target_year", _("Target Year"), "Int", 80),
		cols.figure("stage_target", _("Stage Target of the Year")),
		cols.figure("expected_value", _("Expected")),
		cols.figure("actual_value", _("Actual")),
		cols.figure("share_achieved", _("Share Achieved (%)"), 100),
		cols.column("tracking_status", _("Tracking Status"), width=90),
		cols.column("status", _("Status"), width=90),
		cols.link("filing", _("Monitoring Filing"), "Cluster Monitoring Filing", 180),
	]
