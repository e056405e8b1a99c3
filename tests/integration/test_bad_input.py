"""Every bad input the forms forbid is refused with a Chinese message naming the field and the fix,
and nothing of the refused save reaches the database."""

import builders as make
import frappe
import pytest


@pytest.fixture
def cluster():
	return make.cluster().name


def indicator(cluster, year=2025, **values):
	return frappe.get_doc({"doctype": "Cluster Annual Indicator", "cluster": cluster, "year": year, **values})


def enterprise(code, name="太原测试机械有限公司"):
	return frappe.get_doc(
		{"doctype": "Enterprise", "uscc": code, "enterprise_name": name, "region": make.COUNTY}
	)


@pytest.mark.parametrize(
	"code, expected",
	[
		("9114010570000000", ["统一社会信用代码", "16位", "应为18位"]),
		("91140105700000I00X", ["统一社会信用代码", "I", "除I、O、Z、S、V以外"]),
		("911401057000000011", ["统一社会信用代码", "校验", "对照营业执照"]),
	],
)
def test_wrong_credit_codes(code, expected):
	message = make.refused(enterprise(code))
	for words in expected:
		assert words in message
	assert not frappe.db.exists("Enterprise", code)


def test_a_credit_code_already_registered():
	code = make.uscc()
	make.enterprise("太原原有企业有限公司", code)
	message = make.refused(enterprise(code.lower()), exc=frappe.DuplicateEntryError)
	assert "已登记为“太原原有企业有限公司”" in message
	assert frappe.db.count("Enterprise", {"uscc": code}) == 1


def test_a_negative_amount(cluster):
	message = make.refused(indicator(cluster, total_output=-5, sme_output=1))
	assert "“集群总产值（亿元）”不能为负数" in message
	assert not frappe.db.exists("Cluster Annual Indicator", {"cluster": cluster})


def test_a_share_over_hundred_percent(cluster):
	message = make.refused(indicator(cluster, water_reuse_rate=101.5))
	assert "“工业用水重复利用率（%）”为百分比，不能超过100" in message
	message = make.refused(indicator(cluster, sme_output_share=120))
	assert "集群内中小企业产值占集群总产值比例（%）" in message
	assert not frappe.db.exists("Cluster Annual Indicator", {"cluster": cluster})


def test_digital_level_shares_adding_up_to_more_than_hundred(cluster):
	message = make.refused(
		indicator(cluster, digital_level_none_share=40, digital_level_1_share=40, digital_level_2_share=30)
	)
	assert "110%" in message and "超过100%" in message


def test_a_second_record_for_the_same_cluster_and_year(cluster):
	make.indicator(cluster, 2025, total_output=10)
	message = make.refused(indicator(cluster, total_output=20), exc=frappe.DuplicateEntryError)
	assert "2025年的年度指标已存在" in message
	assert frappe.db.count("Cluster Annual Indicator", {"cluster": cluster}) == 1
	assert frappe.db.get_value("Cluster Annual Indicator", {"cluster": cluster}, "total_output") == 10


@pytest.mark.parametrize("year", [1899, 2999, 1999])
def test_a_year_outside_a_sensible_range(cluster, year):
	message = make.refused(indicator(cluster, year=year, total_output=10))
	assert f"“年度”应为2000年至{frappe.utils.getdate().year}年之间的年份（填写值为{year}）" in message
	assert not frappe.db.exists("Cluster Annual Indicator", {"cluster": cluster})


def test_a_part_larger_than_its_whole(cluster):
	message = make.refused(indicator(cluster, total_output=50, sme_output=60))
	assert "“集群内中小企业产值（亿元）”（60）不能大于“集群总产值（亿元）”（50）" in message
	assert not frappe.db.exists("Cluster Annual Indicator", {"cluster": cluster})


def test_a_refused_change_leaves_the_stored_record_as_it_was(cluster):
	doc = make.indicator(cluster, 2025, total_output=50, sme_output=40)
	doc.sme_output = 70
	make.refused(doc.save)
	assert frappe.db.get_value(doc.doctype, doc.name, ["sme_output", "sme_output_share"]) == (40, 80)


def test_several_problems_are_reported_together(cluster):
	message = make.refused(indicator(cluster, total_output=-1, tax=-2))
	assert "集群总产值（亿元）" in message and "税金总额（亿元）" in message


def test_an_enterprise_twice_in_one_library(cluster):
	code = make.enterprise("太原重复企业有限公司")
	make.member(cluster, code)
	message = make.refused(lambda: make.member(cluster, code), exc=frappe.DuplicateEntryError)
	assert "已在本集群的现有企业库中" in message
	assert frappe.db.count("Cluster Enterprise", {"cluster": cluster}) == 1


def test_leaving_before_joining(cluster):
	code = make.enterprise("太原早退企业有限公司")
	message = make.refused(lambda: make.member(cluster, code, joined_year=2022, left_year=2020))
	assert "“退出集群年度”（2020）不能早于“纳入集群年度”（2022）" in message


def test_a_led_standard_must_rank_among_the_first_three(cluster):
	standard = frappe.get_doc(
		{
			"doctype": "Cluster Standard",
			"cluster": cluster,
			"standard_no": "GB/T 9999-2024",
			"standard_name": "测试标准",
			"category": "国家",
			"role": "主持",
			"drafting_rank": 5,
			"year": 2024,
		}
	)
	message = make.refused(standard)
	assert "起草单位排名前三位的方可填“主持”" in message


def test_an_honour_that_expires_before_it_was_awarded():
	message = make.refused(
		lambda: make.enterprise("太原荣誉企业有限公司", honours=[("创新型中小企业", 2024, "2022-12-31")])
	)
	assert "“荣誉资质”第1行" in message and "不能早于“认定年度”（2024）" in message


def test_a_negative_investment_in_the_project_library(cluster):
	project = frappe.get_doc(
		{
			"doctype": "Cluster Project",
			"cluster": cluster,
			"project_name": "智能装备产业园二期",
			"status": "在建",
			"total_investment": -3,
		}
	)
	assert "“总投资额（亿元）”不能为负数" in make.refused(project)


def test_a_cluster_must_sit_in_a_county():
	message = make.refused(lambda: make.cluster(name="太原市级集群", county=make.CITY))
	assert "应选择县级行政区划" in message and "140100" in message
	assert not frappe.db.exists("Industrial Cluster", {"cluster_name": "太原市级集群"})
