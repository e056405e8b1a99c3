"""Recognised clusters due for 复核 in a round: recognised three years before the round year."""

import frappe
from frappe import _
from frappe.query_builder import DocType

from cluster_registry.cluster_registry import report_filters
from cluster_registry.cluster_registry.territory import within_territory

REVIEW_AFTER_YEARS = 3


def execute(filters=None):
	filters = report_filters.as_dict(filters)
	round_year, problem = report_filters.year(
		filters, "round_year", "Round Year", frappe.utils.getdate().year
	)
	if problem:
		return columns(), [], problem
	cluster, recognition = DocType("Industrial Cluster"), DocType("Cluster Recognition")
	query = (
		frappe.qb.from_(cluster)
		.join(recognition)
		.on((recognition.parent == cluster.name) & (recognition.parenttype == "Industrial Cluster"))
		.select(
			cluster.name.as_("cluster"),
			cluster.cluster_name,
			cluster.county,
			cluster.city,
			recognition.level,
			recognition.year,
			recognition.document_no,
			recognition.valid_until,
		)
		.where(
			(recognition.year == round_year - REVIEW_AFTER_YEARS) & recognition.level.isin(("省级", "国家级"))
		)
		.orderby(cluster.city)
		.orderby(cluster.cluster_name)
	)
	query = within_territory(query, cluster.county)
	rows = query.run(as_dict=True)
	filed = set(
		frappe.get_all(
			"Cluster Application",
			filters={
				"filing_kind": "复核",
				"round_year": round_year,
				"cluster": ("in", [r.cluster for r in rows] or [""]),
			},
			pluck="cluster",
		)
	)
	for row in rows:
		row.review_filed = int(row.cluster in filed)
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
		{"fieldname": "review_filed", "label": _("Re-review Filed"), "fieldtype": "Check", "width": 90},
	]
