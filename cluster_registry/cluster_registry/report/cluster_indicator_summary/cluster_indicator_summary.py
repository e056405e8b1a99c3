"""The main figures of every cluster the user may see, for one year (集群指标汇总)."""

import frappe
from frappe import _
from frappe.query_builder import DocType

from cluster_registry.cluster_registry import report_columns as cols
from cluster_registry.cluster_registry import report_filters
from cluster_registry.cluster_registry.territory import within_territory

FIGURES = (
	("total_output", "Float"),
	("sme_output_share", "Percent"),
	("lead_industry_share", "Percent"),
	("lead_industry_growth", "Percent"),
	("lead_industry_cagr", "Percent"),
	("enterprise_count", "Int"),
	("sme_count", "Int"),
	("little_giant_count", "Int"),
	("specialized_sme_count", "Int"),
	("valid_invention_patents", "Int"),
	("patents_per_10k", "Float"),
	("iip_penetration", "Percent"),
)


def execute(filters=None):
	filters = report_filters.as_dict(filters)
	year, problem = report_filters.year(filters, "year", "Year", frappe.utils.getdate().year - 1)
	if problem:
		return columns(), [], problem
	indicator, cluster = DocType("Cluster Annual Indicator"), DocType("Industrial Cluster")
	query = (
		frappe.qb.from_(indicator)
		.join(cluster)
		.on(cluster.name == indicator.cluster)
		.select(
			indicator.cluster,
			cluster.cluster_name,
			cluster.city,
			cluster.county,
			*[indicator[f] for f, _t in FIGURES],
		)
		.where(indicator.year == year)
		.orderby(cluster.city)
		.orderby(indicator.total_output, order=frappe.qb.desc)
	)
	query = within_territory(query, cluster.county)
	return columns(), query.run(as_dict=True)


def columns():
	meta = frappe.get_meta("Cluster Annual Indicator")
	return [
		cols.cluster(_("Cluster")),
		cols.column("cluster_name", _("Cluster Name"), width=260),
		cols.region("city", _("City"), 90),
		cols.region("county", _("County"), 90),
		*(
			cols.figure(field, _(meta.get_label(field), context="Cluster Annual Indicator"), 120, kind)
			for field, kind in FIGURES
		),
	]
