"""The early-warning list: clusters with a target 严重滞后 in a monitored year, from the filings
the counties have submitted (the city sees its counties', the province all of its own)."""

import frappe
from frappe import _

from cluster_registry.cluster_registry.report.target_history.target_history import tracking_rows
from cluster_registry.monitoring import states
from cluster_registry.monitoring.tracking import SEVERELY_BEHIND


def execute(filters=None):
	filters = frappe._dict(filters or {})

	def narrow(query, filing, tracked):
		query = query.where(
			(tracked.tracking_status == SEVERELY_BEHIND) & filing.status.notin(states.EDITABLE)
		)
		if filters.get("data_year"):
			query = query.where(filing.data_year == int(filters.data_year))
		if filters.get("monitoring_round"):
			query = query.where(filing.monitoring_round == filters.monitoring_round)
		return query

	return columns(), tracking_rows(narrow)


def columns():
	from cluster_registry.cluster_registry.report.target_history.target_history import columns as history

	return [
		{
			"fieldname": "city",
			"label": _("City"),
			"fieldtype": "Link",
			"options": "Administrative Region",
			"width": 90,
		},
		*history(),
	]
