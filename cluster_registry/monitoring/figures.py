"""The figures a recognised cluster reports in its annual monitoring filing (年度监测): the
headline figures of the forms' 主导产业 / 创新 / 数字化 / 绿色化 sections, by the fieldnames of the
Cluster Annual Indicator, plus whatever metric the cluster's targets track."""

# (metric, label as the forms print it, unit)
MONITORED_FIGURES = (
	("total_output", "集群总产值", "亿元"),
	("sme_output", "集群内中小企业产值", "亿元"),
	("lead_industry_output", "主导产业产值", "亿元"),
	("output_cagr", "近三年集群产值年均增速", "%"),
	("revenue", "集群营业收入", "亿元"),
	("profit", "利润总额", "亿元"),
	("tax", "税金总额", "亿元"),
	("enterprise_count", "集群内企业数量", "个"),
	("sme_count", "集群内中小企业数量", "个"),
	("quality_sme_count", "优质中小企业数量", "个"),
	("specialized_sme_count", "专精特新中小企业数量", "个"),
	("little_giant_count", "专精特新“小巨人”企业数量", "个"),
	("high_tech_count", "国家高新技术企业数量", "个"),
	("sme_employees", "集群内中小企业从业人员", "人"),
	("sme_rd_expense", "中小企业研发经费投入", "亿元"),
	("valid_invention_patents", "有效发明专利数量", "个"),
	("iip_penetration", "工业互联网普及率", "%"),
	("co2_per_output", "单位产值二氧化碳排放量", "吨二氧化碳/万元"),
	("energy_per_output", "单位工业产值能耗", "吨标准煤/万元"),
)


def figure_rows(target_metrics: list[tuple[str, str, str]], values: dict) -> list[dict]:
	"""The figure rows of a filing: the monitored figures, then any other metric a target tracks,
	each with the value on record."""
	known = {metric for metric, _label, _unit in MONITORED_FIGURES}
	extra = [spec for spec in target_metrics if spec[0] not in known]
	rows = []
	for metric, label, unit in (*MONITORED_FIGURES, *extra):
		if metric in {row["metric"] for row in rows}:
			continue
		value = values.get(metric)
		rows.append(
			{"metric": metric, "figure_label": label, "unit": unit, "value": value, "prefilled_value": value}
		)
	return rows
