"""A cluster's picture: its key figures over the years, each beside the recognition threshold of
its level where the criteria set one (认定标准), as the series a chart draws. Plain values only."""

from collections.abc import Mapping, Sequence

from cluster_registry.rules.criteria import metric_value

# The figures an official looks at first: (metric, label, unit). A metric is an annual indicator
# field or several joined by "+", as in the recognition criteria.
KEY_FIGURES = (
	("total_output", "集群总产值", "亿元"),
	("sme_output_share", "中小企业产值占比", "%"),
	("lead_industry_share", "主导产业产值占比", "%"),
	("lead_industry_growth", "主导产业产值增速", "%"),
	("output_cagr", "近三年产值年均增速", "%"),
	("sme_rd_expense", "中小企业研发经费", "亿元"),
	("rd_intensity", "中小企业研发投入强度", "%"),
	("valid_invention_patents", "有效发明专利", "件"),
	("national_champion_count+little_giant_count", "单项冠军和专精特新“小巨人”企业", "家"),
	(
		"specialized_sme_count+innovative_sme_count+high_tech_count",
		"专精特新、创新型中小企业和高新技术企业",
		"家",
	),
)


def picture_series(rows: Sequence[Mapping], criteria: Sequence[Mapping]) -> list[dict]:
	"""One series per key figure (and per other criterion on annual figures): the years, the
	values (None where not on record), and the criterion's comparison, threshold and wording."""
	ordered = sorted(rows, key=lambda row: row["year"])
	by_metric = {c["metric"]: c for c in criteria if not c["metric"].startswith("cluster.")}
	figures = list(KEY_FIGURES) + [
		(metric, criterion.get("description") or metric, "")
		for metric, criterion in by_metric.items()
		if metric not in {key for key, _label, _unit in KEY_FIGURES}
	]
	series = []
	for metric, label, unit in figures:
		values = [metric_value(metric, row, {}) for row in ordered]
		criterion = by_metric.get(metric) or {}
		series.append(
			{
				"metric": metric,
				"label": label,
				"unit": unit,
				"years": [row["year"] for row in ordered],
				"values": [float(v) if v is not None else None for v in values],
				"comparison": criterion.get("comparison"),
				"threshold": criterion.get("threshold"),
				"criterion": criterion.get("description") or "",
			}
		)
	return series
