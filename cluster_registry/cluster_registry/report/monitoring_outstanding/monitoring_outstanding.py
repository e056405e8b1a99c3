"""What is outstanding in a monitoring round, per city and county: every filing not yet accepted
by the province, with who has to act on it, and the due date."""

import frappe
from frappe import _
from frappe.query_builder import DocType

from cluster_registry.cluster_registry import report_columns as cols
from cluster_registry.cluster_registry import report_filters
from cluster_registry.cluster_registry.territory import within_territory
from cluster_registry.monitoring import states

WHO_ACTS = {
	states.DRAFT: "县级",
	states.RETURNED: "县级",
	states.SUBMITTED: "市级",
	states.FORWARDED: "省级",
}


def execute(filters=None):
	filters = report_filters.as_dict(filters)
	chosen, problem = report_filters.names(
		filters, {"monitoring_round": "Monitoring Round", "city": "City", "county": "County"}
	)
	if problem:
		return columns(), [], problem
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
	for field, value in chosen.items():
		query = query.where(filing[field] == value)
	rows = within_territory(query, filing.county).run(as_dict=True)
	for row in rows:
		row.to_act = WHO_ACTS.get(row.status, "")
	return columns(), rows


def columns():
	return [
		cols.region("city", _("City")),
		cols.region("county", _("County")),
		cols.link("name", _("Monitoring Filing"), "Cluster Monitoring Filing", 200),
		cols.column("cluster_name", _("Cluster Name"), width=260),
		cols.column("data_year", _("Year Monitored"), "Int", 80),
		cols.column("due_date", _("Due Date"), "Date"),
		cols.column("status", _("Status")),
		cols.column("to_act", _("To Act"), width=80),
	]
