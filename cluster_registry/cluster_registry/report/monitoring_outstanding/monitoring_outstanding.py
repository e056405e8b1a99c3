"""What is outstanding in a monitoring round, per city and county: every filing not yet accepted
by the province, with who has to act on it, and the due date."""

import frappe
from frappe import _
from frappe.query_builder import DocType

from cluster_registry.cluster_registry.territory import within_territory
from cluster_registry.monitoring import states

WHO_ACTS = {
	states.DRAFT: "县级",
	states.RETURNED: "县级",
	states.SUBMITTED: "市级",
	states.FORWARDED: "省级",
}


def execute(filters=None):
	filters = frappe._dict(filters or {})
	filing = DocType("Cluster Monitoring Filing")
	query = (
		frappe.qb.from_(filing)
		.select(
			filing.name,
			filing.cluster,
			filing.cluster_name,
			filing.city,
			filing.county,
			filing.monitoring_round,
			filing.data_year,
			filing.due_date,
			filing.status,
		)
		.where(filing.status != states.ACCEPTED)
		.orderby(filing.city)
		.orderby(filing.county)
		.orderby(filing.cluster_name)
	)
	if filters.get("monitoring_round"):
		query = query.where(filing.monitoring_round == filters.monitoring_round)
	for field in ("city", "county"):
		if filters.get(field):
			query = query.where(filing[field] == filters[field])
	rows = within_territory(query, filing.county).run(as_dict=True)
	for row in rows:
		row.to_act = WHO_ACTS.get(row.status, "")
	return columns(), rows


def columns():
	return [
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
		{
			"fieldname": "name",
			"label": _("Monitoring Filing"),
			"fieldtype": "Link",
			"options": "Cluster Monitoring Filing",
			"width": 200,
		},
		{"fieldname": "cluster_name", "label": _("Cluster Name"), "fieldtype": "Data", "width": 260},
		{"fieldname": "data_year", "label": _("Year Monitored"), "fieldtype": "Int", "width": 80},
		{"fieldname": "due_date", "label": _("Due Date"), "fieldtype": "Date", "width": 100},
		{"fieldname": "status", "label": _("Status"), "fieldtype": "Data", "width": 100},
		{"fieldname": "to_act", "label": _("To Act"), "fieldtype": "Data", "width": 80},
	]
