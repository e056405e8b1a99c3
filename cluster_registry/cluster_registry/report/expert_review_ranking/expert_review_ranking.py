"""Expert review totals and ranking of the filings of a round (average of the experts' totals)."""

import frappe
from frappe import _
from frappe.query_builder import DocType
from frappe.query_builder.functions import Avg, Count

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
		{"fieldname": "rank", "label": _("Rank"), "fieldtype": "Int", "width": 60},
		{
			"fieldname": "application",
			"label": _("Application"),
			"fieldtype": "Link",
			"options": "Cluster Application",
			"width": 140,
		},
		{"fieldname": "cluster_name", "label": _("Cluster Name"), "fieldtype": "Data", "width": 280},
		{
			"fieldname": "county",
			"label": _("County"),
			"fieldtype": "Link",
			"options": "Administrative Region",
			"width": 100,
		},
		{"fieldname": "filing_kind", "label": _("Filing Kind"), "fieldtype": "Data", "width": 70},
		{"fieldname": "level", "label": _("Level"), "fieldtype": "Data", "width": 70},
		{"fieldname": "reviews", "label": _("Reviews"), "fieldtype": "Int", "width": 70},
		{
			"fieldname": "average_score",
			"label": _("Average Score"),
			"fieldtype": "Float",
			"precision": 2,
			"width": 100,
		},
	]
