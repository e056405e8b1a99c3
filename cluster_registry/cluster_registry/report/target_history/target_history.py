"""A cluster's whole target history: each target of the filing that earned its recognition,
year by year as monitored (expected, actual, share achieved, status). For the 复核, filter on the
round year: the clusters due for 复核 in it (see Clusters Due for Review)."""

import frappe
from frappe import _
from frappe.query_builder import DocType

from cluster_registry.cluster_registry.recognition import due_rows
from cluster_registry.cluster_registry.territory import within_territory


def execute(filters=None):
	filters = frappe._dict(filters or {})
	clusters = None
	if filters.get("review_round_year"):
		clusters = [row.cluster for row in due_rows(int(filters.review_round_year))]

	def narrow(query, filing, _tracked):
		if filters.get("cluster"):
			query = query.where(filing.cluster == filters.cluster)
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
		{
			"fieldname": "county",
			"label": _("County"),
			"fieldtype": "Link",
			"options": "Administrative Region",
			"width": 90,
		},
		{
			"fieldname": "cluster",
			"label": _("Cluster"),
			"fieldtype": "Link",
			"options": "Industrial Cluster",
			"width": 100,
		},
		{"fieldname": "cluster_name", "label": _("Cluster Name"), "fieldtype": "Data", "width": 220},
		{"fieldname": "indicator", "label": _("Indicator"), "fieldtype": "Data", "width": 160},
		{"fieldname": "data_year", "label": _("Year Monitored"), "fieldtype": "Int", "width": 80},
		{"fieldname": "unit", "label": _("Unit"), "fieldtype": "Data", "width": 70},
		{
			"fieldname": "baseline_value",
			"label": _("Baseline"),
			"fieldtype": "Float",
			"precision": 2,
			"width": 90,
		},
		{
			"fieldname": "target_value",
			"label": _("Target"),
			"fieldtype": "Float",
			"precision": 2,
			"width": 90,
		},
		{"fieldname": "target_year", "label": _("Target Year"), "fieldtype": "Int", "width": 80},
		{
			"fieldname": "stage_target",
			"label": _("Stage Target of the Year"),
			"fieldtype": "Float",
			"precision": 2,
			"width": 90,
		},
		{
			"fieldname": "expected_value",
			"label": _("Expected"),
			"fieldtype": "Float",
			"precision": 2,
			"width": 90,
		},
		{
			"fieldname": "actual_value",
			"label": _("Actual"),
			"fieldtype": "Float",
			"precision": 2,
			"width": 90,
		},
		{
			"fieldname": "share_achieved",
			"label": _("Share Achieved (%)"),
			"fieldtype": "Float",
			"precision": 2,
			"width": 100,
		},
		{"fieldname": "tracking_status", "label": _("Tracking Status"), "fieldtype": "Data", "width": 90},
		{"fieldname": "status", "label": _("Status"), "fieldtype": "Data", "width": 90},
		{
			"fieldname": "filing",
			"label": _("Monitoring Filing"),
			"fieldtype": "Link",
			"options": "Cluster Monitoring Filing",
			"width": 180,
		},
	]
