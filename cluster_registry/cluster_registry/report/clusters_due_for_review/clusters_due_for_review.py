"""Recognised clusters due for 复核 in a round: recognised three years before the round year (or
valid until it), with their recognition status, whether a 复核 was filed, and whether the
recognition lapses (the round's 复核 deadline passed without one)."""

import frappe
from frappe import _

from cluster_registry.cluster_registry import report_columns as cols
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
		cols.cluster(_("Cluster"), 110),
		cols.column("cluster_name", _("Cluster Name"), width=280),
		cols.region("city", _("City")),
		cols.region("county", _("County")),
		cols.column("level", _("Level"), width=80),
		cols.column("year", _("Year Recognised"), "Int", 90),
		cols.column("document_no", _("Document No."), width=180),
		cols.column("valid_until", _("Valid Until"), "Date"),
		cols.column("status", _("Recognition Status"), width=90),
		cols.link("application", _("Recognised Filing"), "Cluster Application", 130),
		cols.column("review_filed", _("Re-review Filed"), "Check", 90),
		cols.column("lapses", _("Lapses"), "Check", 80),
	]
