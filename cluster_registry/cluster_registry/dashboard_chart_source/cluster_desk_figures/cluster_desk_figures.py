"""The source of the desk's charts: the chart's document type counted per its group-by field, with
frappe.get_list, so User Permissions (the territory) hold as on every list. Frappe's own Group By
charts keep one cached result per chart for every user, which would show one official's territory
to another; this source computes each user's figures."""

import frappe
from frappe import _

from cluster_registry.cluster_registry.desk_figures import counts_by_group
from cluster_registry.cluster_registry.request_arguments import json_argument


@frappe.whitelist()
def get(chart_name=None, filters=None, **_ignored):
	chart = frappe.get_doc("Dashboard Chart", chart_name)
	chart.check_permission("read")
	filters = json_argument(filters or "[]", "filters") or frappe.parse_json(chart.filters_json) or []
	labels, values = counts_by_group(chart.document_type, chart.group_by_based_on, filters)
	return {"labels": labels, "datasets": [{"name": _(chart.chart_name), "values": values}]}
