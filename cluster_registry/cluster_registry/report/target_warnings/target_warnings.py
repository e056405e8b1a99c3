"""The early-warning list: clusters with a target 严重滞后 in a monitored year, from the filings
the counties have submitted (the city sees its counties', the province all of its own)."""

from frappe import _

from cluster_registry.cluster_registry import report_columns as cols
from cluster_registry.cluster_registry import report_filters
from cluster_registry.cluster_registry.report.target_history.target_history import columns as history_columns
from cluster_registry.cluster_registry.report.target_history.target_history import tracking_rows
from cluster_registry.monitoring import states
from cluster_registry.monitoring.tracking import SEVERELY_BEHIND


def execute(filters=None):
	filters = report_filters.as_dict(filters)
	chosen, problem = report_filters.names(filters, {"monitoring_round": "Monitoring Round"})
	data_year, year_problem = report_filters.year(filters, "data_year", "Year Monitored", None)
	if problem or year_problem:
		return columns(), [], problem or year_problem

	def narrow(query, filing, tracked):
		query = query.where(
			(tracked.tracking_status == SEVERELY_BEHIND) & filing.status.notin(states.EDITABLE)
		)
		if data_year is not None:
			query = query.where(filing.data_year == data_year)
		if chosen.get("monitoring_round"):
			query = query.where(filing.monitoring_round == chosen["monitoring_round"])
		return query

	return columns(), tracking_rows(narrow)


def columns():
	return [cols.region("city", _("City"), 90), *history_columns()]
