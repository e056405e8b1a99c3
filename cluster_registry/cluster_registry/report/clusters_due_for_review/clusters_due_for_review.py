"""Recognised clusters due for 复核 in a round: recognised three years before the round year (or
valid until it), with their recognition status, whether a 复核 was filed, and whether the
recognition lapses (the round's 复核 deadline passed without one)."""

import frappe
from frappe import _

from cluster_registry.cluster_registry import report_filters
from cluster_registry.cluster_registry.recognition import due_rows, review_deadline_passed
from cluster_registry.cluster_registry.territory import within_territory
from cluster_registry.monitoring import lifecycle


def execute(filters=None):
	filters = report_filters.as_dict(filters)
	round_year, problem = report_filters.year(
		filters, "round_year", "Round Year", frappe.utils.getdate().year
	)
	if problem:
		return columns(), [], problem
	rows = due_rows(round_year, lambda query, cluster: within_territory(query, cluster.county))
	closed = review_deadline_passed(round_year)
	for row in rows:
		row.lapses = int(
			row.status == lifecycle.REVOKED
			or (closed and not row.review_filed and row.status != lifecycle.RENEWED)
		)
		row.pop("row_name", None)
	return columns(), rows


def columns():
	return [
		{
			"fieldname": "cluster",
			"label": _("Cluster"),
			"fieldtype": "Link",
			"options": "Industrial Cluster",
			"width": 110,
		},
		{"fieldname": "cluster_name", "label": _("Cluster Name"), "fieldtype": "Data", "width": 280},
		{
			"fieldname": "city",
			"label": _("City"),
			"fieldtype": "Link",
			"options": "Administrative Region",
			"width": 100,
		},
		{
			"fieldname": "county",
			"label": _("County"),
			"fieldtype": "Link",
			"options": "Administrative Region",
			"width": 100,
		},
		{"fieldname": "level", "label": _("Level"), "fieldtype": "Data", "width": 80},
		{"fieldname": "year", "label": _("Year Recognised"), "fieldtype": "Int", "width": 90},
		{"fieldname": "document_no", "label": _("Document No."), "fieldtype": "Data", "width": 180},
		{"fieldname": "valid_until", "label": _("Valid Until"), "fieldtype": "Date", "width": 100},
		{"fieldname": "status", "label": _("Recognition Status"), "fieldtype": "Data", "width": 90},
		{
			"fieldname": "application",
			"label": _("Recognised Filing"),
			"fieldtype": "Link",
			"options": "Cluster Application",
			"width": 130,
		},
		{"fieldname": "review_filed", "label": _("Re-review Filed"), "fieldtype": "Check", "width": 90},
		{"fieldname": "lapses", "label": _("Lapses"), "fieldtype": "Check", "width": 80},
	]
