"""Applications for the filing tests: a cluster with figures, a round, and a way to complete a
prefilled application so that it passes every rule of its form (test-side, from the definition)."""

import builders as make
import frappe

from cluster_registry.forms import definitions

ROUND_YEAR = 2026
FIGURES = {
	2022: {"total_output": 44.00, "sme_output": 33.00, "lead_industry_output": 35.50, "sme_rd_expense": 0.90},
	2023: {"total_output": 48.60, "sme_output": 36.40, "lead_industry_output": 39.40, "sme_rd_expense": 1.00},
	2024: {"total_output": 53.90, "sme_output": 40.10, "lead_industry_output": 43.80, "sme_rd_expense": 1.12},
	2025: {
		"total_output": 60.20,
		"sme_output": 44.60,
		"lead_industry_output": 49.10,
		"sme_rd_expense": 1.26,
		"sme_employees": 15000,
		"sme_revenue": 58.00,
		"iip_smes": 0,
		"co2_emissions": 240800,
	},
}
AVERAGES = {
	"industrial_internet_penetration": 35.0,
	"co2_reduction_rate": 4.2,
	"energy_intensity_reduction_rate": 3.5,
}


def cluster_with_figures(name="山西省太原市小店区体检测试产业集群") -> str:
	sector = make.sub_sector("体检测试细分领域", industry_averages=[{"year": 2025, **AVERAGES}])
	cluster = make.cluster(name=name, sub_sector=sector, area_km2=20, operator="小店区产业园管委会")
	for year, values in FIGURES.items():
		make.indicator(cluster.name, year, **values)
	return cluster.name


def declaration_round(criteria_edition=None) -> str:
	openings = [
		{"filing_kind": summary["filing_kind"], "level": summary["level"], "form_version": summary["code"]}
		for summary in definitions.available()
		if summary["round_year"] == ROUND_YEAR and summary["code"] in SHANXI_ROUND
	]
	return (
		frappe.get_doc(
			{
				"doctype": "Declaration Round",
				"round_title": "2026年度山西省中小企业特色产业集群申报和复核",
				"round_year": ROUND_YEAR,
				"issuing_authority": make.PROVINCE,
				"notice_no": "晋工信企业函〔2026〕42号",
				"openings": openings,
				"quota_per_city": 3,
				"quota_per_sub_sector": 1,
				"criteria_edition": criteria_edition,
			}
		)
		.insert()
		.name
	)


SHANXI_ROUND = (
	"shanxi-apply-2026",
	"miit-apply-2026",
	"shanxi-review-2026",
	"miit-review-2026",
	"competition-2026",
)


def application(cluster: str, round_name: str, kind="申报", level="省级", **values):
	return frappe.get_doc(
		{
			"doctype": "Cluster Application",
			"cluster": cluster,
			"declaration_round": round_name,
			"filing_kind": kind,
			"level": level,
			**values,
		}
	).insert()


def complete(doc):
	"""Fill every cell a county would fill so that the application meets every rule of its form."""
	from cluster_registry.cluster_registry.form_versions import load_form

	definition = load_form(doc.form_version)
	years = definitions.round_years(definition, doc.round_year)
	answers = {(a.item_key, a.option_key or None, a.year or None): a for a in doc.answers}

	def put(key, value, option=None, year=None):
		row = answers.get((key, option, year))
		if row is None:
			row = doc.append("answers", {"item_key": key, "option_key": option, "year": year})
			answers[(key, option, year)] = row
		if not (row.value or "").strip():
			row.value = value

	for _section, item in definitions.items(definition):
		kind, key = item["type"], item.get("key")
		if kind == "text":
			put(key, "无")
		elif kind == "choice":
			put(key, next(o for o in item["options"] if o not in item.get("explain", ())))
		elif kind == "narrative":
			put(key, "集群围绕主导产业开展了培育工作。")
		elif kind == "yearly":
			for year in years["data"]:
				put(key, "0", year=year)
		elif kind in ("figure", "named_count"):
			put(key, "0")
	for row in doc.targets:
		row.baseline_value = row.baseline_value or 100
		row.target_value = row.target_value or row.baseline_value * 1.6
		row.stage_1, row.stage_2, row.stage_3 = (row.baseline_value * f for f in (1.2, 1.4, 1.6))
		if "普及率" in row.indicator:
			row.target_value = 50
		if "二氧化碳" in row.indicator or "能耗" in row.indicator:
			row.target_value = row.baseline_value * 0.8
		if "增速" in row.indicator:
			row.target_value = 12
	doc.save()
	return doc


def errors(doc) -> list[tuple[str, str]]:
	from cluster_registry.api import check_application

	return [(f["field"], f["rule"]) for f in check_application(doc.name) if f["severity"] == "error"]
