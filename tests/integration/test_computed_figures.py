"""Figures computed and stored on save, compared with values worked out by hand."""

import builders as make
import frappe
import pytest
from worker import forget_queued_jobs, run_queued_jobs


@pytest.fixture
def cluster():
	return make.cluster().name


def stored(cluster_name, year, *fields):
	return frappe.db.get_value(
		"Cluster Annual Indicator", {"cluster": cluster_name, "year": year}, list(fields), as_dict=True
	)


FIGURES = {
	2022: {"total_output": 42.50, "sme_output": 31.20, "lead_industry_output": 35.10},
	2023: {"total_output": 46.80, "sme_output": 34.90, "lead_industry_output": 38.60},
	2024: {
		"total_output": 51.30,
		"sme_output": 38.10,
		"lead_industry_output": 42.75,
		"co2_emissions": 164160,
	},
	2025: {
		"total_output": 57.20,
		"sme_output": 42.35,
		"lead_industry_output": 47.90,
		"county_industrial_output": 310.00,
		"sme_revenue": 52.40,
		"sme_rd_expense": 1.31,
		"sme_employees": 18650,
		"co2_emissions": 171600,
	},
}


def test_shares_growth_and_window_of_a_year(cluster):
	for year, values in FIGURES.items():
		make.indicator(cluster, year, **values)
	figures = stored(cluster, 2025, "*")
	assert figures.sme_output_share == 74.04  # 42.35 / 57.20
	assert figures.lead_industry_share == 83.74  # 47.90 / 57.20
	assert figures.lead_industry_growth == 12.05  # 47.90 / 42.75 − 1
	assert figures.lead_industry_cagr == 10.92  # (47.90 / 35.10)^(1/3) − 1, from the base year 2022
	assert figures.output_share_of_county == 18.45  # 57.20 / 310
	assert figures.rd_intensity == 2.50  # 1.31 / 52.40
	assert figures.co2_per_output == 0.30  # 171600 t / 572,000 万元
	assert figures.co2_intensity_reduction == 6.25  # 0.32 → 0.30
	assert "2022" in figures.window_basis
	assert frappe.get_doc("Cluster Annual Indicator", {"cluster": cluster, "year": 2025}).figure_flags == []


def test_an_earlier_year_saved_later_refreshes_the_later_years(cluster):
	make.indicator(cluster, 2025, **FIGURES[2025])
	assert stored(cluster, 2025, "lead_industry_growth").lead_industry_growth == 0
	make.indicator(cluster, 2024, **FIGURES[2024])
	assert stored(cluster, 2025, "lead_industry_growth").lead_industry_growth == 12.05


def test_without_the_base_year_the_window_starts_at_its_first_year_and_says_so(cluster):
	for year in (2023, 2024, 2025):
		make.indicator(cluster, year, **FIGURES[year])
	figures = stored(cluster, 2025, "lead_industry_cagr", "output_cagr", "window_basis")
	assert figures.lead_industry_cagr == 11.40  # (47.90 / 38.60)^(1/2) − 1: from 2023, 2022 missing
	assert figures.output_cagr == 10.55  # (57.20 / 46.80)^(1/2) − 1
	assert "2022" in figures.window_basis and "2023" in figures.window_basis


def test_half_up_rounding_where_floats_round_down(cluster):
	# 0.69 / 8.00 = 8.625 %: float rounding gives 8.62, the forms' 四舍五入 gives 8.63
	make.indicator(cluster, 2025, total_output=8.00, sme_output=0.69)
	assert stored(cluster, 2025, "sme_output_share").sme_output_share == 8.63


def test_a_typed_figure_that_contradicts_its_computation_is_kept_and_flagged(cluster):
	doc = make.indicator(cluster, 2025, total_output=57.20, sme_output=42.35, sme_output_share=80)
	assert doc.sme_output_share == 80
	[flag] = doc.figure_flags
	assert (flag.figure, flag.typed_value, flag.computed_value) == ("sme_output_share", 80, 74.04)
	assert flag.figure_label

	doc.reload()
	doc.tax = 1.5  # an unrelated change keeps the typed figure and its flag
	doc.save()
	assert (doc.sme_output_share, len(doc.figure_flags)) == (80, 1)

	doc.sme_output_share = None  # cleared: the computation takes over
	doc.save()
	assert (doc.sme_output_share, doc.figure_flags) == (74.04, [])


def test_a_typed_figure_that_agrees_is_not_flagged(cluster):
	doc = make.indicator(cluster, 2025, total_output=57.20, sme_output=42.35, sme_output_share=74.04)
	assert doc.figure_flags == []


def test_honour_counts_come_from_the_enterprise_library(cluster):
	frappe.local.lang = "zh"
	a = make.enterprise("太原甲精密机械有限公司", honours=[("专精特新“小巨人”企业", 2021, "2024-06-30")])
	b = make.enterprise("太原乙液压科技有限公司", honours=[("省级专精特新中小企业", 2023, None)])
	c = make.enterprise("太原丙重工股份有限公司", is_sme=0, honours=[("专精特新“小巨人”企业", 2022, None)])
	d = make.enterprise("太原丁智能装备有限公司", honours=[("创新型中小企业", 2022, None)])
	e = make.enterprise("太原戊铸造有限公司", honours=[("专精特新“小巨人”企业", 2020, None)])
	make.member(cluster, a, joined_year=2019)
	make.member(cluster, b, joined_year=2019)
	make.member(cluster, c, joined_year=2019, lead_industry_related=0)
	make.member(cluster, d, joined_year=2024)
	make.member(cluster, e, joined_year=2018, left_year=2023)
	for year in (2022, 2023, 2025):
		make.indicator(cluster, year, total_output=50)

	in_2023 = stored(
		cluster,
		2023,
		"enterprise_count",
		"sme_count",
		"little_giant_count",
		"specialized_sme_count",
		"innovative_sme_count",
		"quality_sme_count",
	)
	# members in 2023: 甲, 乙, 丙 (丁 joins in 2024, 戊 left in 2023); 丙 is not an SME
	assert in_2023 == {
		"enterprise_count": 3,
		"sme_count": 2,
		"little_giant_count": 1,
		"specialized_sme_count": 1,
		"innovative_sme_count": 0,
		"quality_sme_count": 2,
	}
	# 乙's title dates from 2023 only
	assert stored(cluster, 2022, "specialized_sme_count").specialized_sme_count == 0
	in_2025 = stored(cluster, 2025, "little_giant_count", "innovative_sme_count", "quality_sme_count")
	# 甲's little-giant title expired in June 2024; 丁 counts from 2024
	assert in_2025 == {"little_giant_count": 0, "innovative_sme_count": 1, "quality_sme_count": 2}

	from cluster_registry.cluster_registry.doctype.cluster_annual_indicator.cluster_annual_indicator import (
		get_enterprises_behind,
	)

	name_2023 = frappe.db.get_value("Cluster Annual Indicator", {"cluster": cluster, "year": 2023})
	behind = get_enterprises_behind(name_2023, "little_giant_count")
	assert [row.enterprise_name for row in behind] == ["太原甲精密机械有限公司"]
	behind = get_enterprises_behind(name_2023, "quality_sme_count")
	assert sorted(row.enterprise_name for row in behind) == [
		"太原乙液压科技有限公司",
		"太原甲精密机械有限公司",
	]


def test_counts_from_the_name_lists(cluster):
	def add(doctype, **values):
		frappe.get_doc({"doctype": doctype, "cluster": cluster, **values}).insert()

	add(
		"Cluster Patent",
		patent_no="ZL202010000001.1",
		title="一种数控机床主轴",
		grant_year=2020,
		holder_name="甲",
	)
	add(
		"Cluster Patent",
		patent_no="ZL202210000002.2",
		title="一种液压阀",
		grant_year=2022,
		lapsed_year=2023,
		holder_name="乙",
	)
	add(
		"Cluster Patent",
		patent_no="ZL202310000003.3",
		title="一种铸造工艺",
		grant_year=2023,
		holder_name="丙",
	)
	add(
		"Cluster Standard",
		standard_no="GB/T 1000-2021",
		standard_name="数控机床 精度检验",
		category="国家",
		role="主持",
		drafting_rank=1,
		year=2021,
	)
	add(
		"Cluster Standard",
		standard_no="T/SXJX 001-2023",
		standard_name="液压件 通用技术条件",
		category="团体",
		role="参与",
		year=2023,
	)
	add(
		"Innovation Platform",
		platform_name="山西省智能装备工程研究中心",
		level="省级",
		platform_type="工程研究中心",
		approval_year=2022,
	)
	add(
		"Overseas Branch",
		branch_name="甲机械（越南）有限公司",
		country="越南",
		established_year=2021,
		closed_year=2024,
	)
	make.indicator(cluster, 2023, total_output=50, sme_employees=2000)

	figures = stored(
		cluster,
		2023,
		"valid_invention_patents",
		"new_invention_patents",
		"std_national_led",
		"std_group_joined",
		"new_standards",
		"provincial_platform_count",
		"overseas_branch_count",
		"patents_per_10k",
	)
	assert figures == {
		"valid_invention_patents": 2,  # the 2022 patent lapsed in 2023
		"new_invention_patents": 1,
		"std_national_led": 1,
		"std_group_joined": 1,
		"new_standards": 1,
		"provincial_platform_count": 1,
		"overseas_branch_count": 1,
		"patents_per_10k": 10.00,  # 2 / 2000 × 10000
	}


def test_a_change_to_the_library_refreshes_the_figures_through_the_worker():
	"""Saving a member queues the cluster's recomputation after commit; a real worker process runs it, as
	on a deployed site (the figures stay as they were until it has)."""
	cluster = make.cluster(name="山西省太原市小店区刷新测试产业集群").name
	make.indicator(cluster, 2025, total_output=50)
	code = make.enterprise("太原己精密铸造有限公司", honours=[("专精特新“小巨人”企业", 2024, None)])
	make.member(cluster, code, joined_year=2020)
	forget_queued_jobs("short")
	frappe.db.commit()
	try:
		assert stored(cluster, 2025, "enterprise_count").enterprise_count == 0  # not yet: queued
		run_queued_jobs("short")
		frappe.db.rollback()  # read what the worker committed
		assert stored(cluster, 2025, "enterprise_count", "little_giant_count") == {
			"enterprise_count": 1,
			"little_giant_count": 1,
		}
		enterprise = frappe.get_doc("Enterprise", code)
		enterprise.honours = []
		enterprise.save()
		frappe.db.commit()
		run_queued_jobs("short")
		frappe.db.rollback()
		assert stored(cluster, 2025, "little_giant_count").little_giant_count == 0
	finally:
		remove_committed(cluster, code)


def remove_committed(cluster: str, enterprise: str):
	for doctype in ("Cluster Enterprise", "Cluster Annual Indicator"):
		for name in frappe.get_all(doctype, filters={"cluster": cluster}, pluck="name"):
			frappe.delete_doc(doctype, name, force=True, ignore_permissions=True)
	frappe.delete_doc("Enterprise", enterprise, force=True, ignore_permissions=True)
	frappe.delete_doc("Industrial Cluster", cluster, force=True, ignore_permissions=True)
	frappe.db.commit()
	forget_queued_jobs("short")  # the removals' own refreshes, of a cluster that is gone
