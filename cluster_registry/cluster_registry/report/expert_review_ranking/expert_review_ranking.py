"""Expert review totals and ranking of the filings of a round (average of the experts' totals)."""

import frappe
from frappe import _
from frappe.query_builder import DocType
from frappe.query_builder.functions import Avg, Count

from cluster_registry.cluster_registry import report_columns as cols
from cluster_registry.cluster_registry import report_filters
from cluster_registry.cluster_registry.territory import within_territory


def execute(filters=None):
	filters = report_filters.as_dict(filters)
	round_name, problem = report_filters.name(filters, "declaration_round", "Declaration Round")
	if problem:
		return columns(), [], problem
	review, application = DocType("Expert Review"), DocType("Cluster Application")
	query = (
		frappe.qb.from_(review)
		.join(application)
		.on(application.name == review.application)
		.select(
			review.application,
			application.cluster_name,
			application.county,
			application.filing_kind,
			application.level,
			Count(review.name).as_("reviews"),
			Avg(review.total_score).as_("average_score"),
		)
		.where((review.review_status == "已评分") & (application.declaration_round == round_name))
		.groupby(review.application)
		.orderby(Avg(review.total_score), order=frappe.qb.desc)
	)
	query = within_territory(query, application.county)
	rows = query.run(as_dict=True)
	for rank, row in enumerate(rows, start=1):
		row.rank = rank
		row.average_score = round(float(row.average_score or 0), 2)
	return columns(), rows


def columns():
	return [
		cols.column("rank", _("Rank"), "Int", 60),
		cols.link("application", _("Application"), "Cluster Application", 140),
		cols.column("cluster_name", _("Cluster Name"), width=280),
		cols.region("county", _("County")),
		cols.column("filing_kind", _("Filing Kind"), width=70),
		cols.column("level", _("Level"), width=70),
		cols.column("reviews", _("Reviews"), "Int", 70),
		cols.figure("average_score", _("Average Score"), 100),
	]
