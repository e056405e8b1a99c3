"""Every bad input the forms forbid is refused by its own rule (the error's class, and the field it is
about), and a record the refused save would have changed stays as it was. The tests named
test_message_… check the Chinese message itself: it names the field and the fix."""

import builders as make
import frappe
import pytest

from cluster_registry.cluster_registry.doctype.cluster_standard.cluster_standard import LedBeyondRankError
from cluster_registry.cluster_registry.doctype.enterprise.enterprise import CreditCodeError
from cluster_registry.cluster_registry.doctype.industrial_cluster.industrial_cluster import NotACountyError
from cluster_registry.cluster_registry.input_checks import (
	EndBeforeStartError,
	FigureError,
	NegativeFigureError,
	PartOverWholeError,
	PercentOverHundredError,
	SharesOverHundredError,
	YearOutOfRangeError,
)
from cluster_registry.cluster_registry.uniqueness import AlreadyRecordedError


@pytest.fixture
def cluster():
	return make.cluster().name


def indicator(cluster, year=2025, **values):
	return frappe.get_doc({"doctype": "Cluster Annual Indicator", "cluster": cluster, "year": year, **values})


def enterprise(code, name="太原测试机械有限公司"):
	return frappe.get_doc(
		{"doctype": "Enterprise", "uscc": code, "enterprise_name": name, "region": make.COUNTY}
	)


def stored(doctype: str, name: str) -> dict:
	"""The record as the database holds it (what a refused save must leave as it was)."""
	return frappe.db.get_value(doctype, name, "*", as_dict=True)


@pytest.mark.parametrize("code", ["9114010570000000", "91140105700000I00X", "911401057000000011"])
def test_wrong_credit_codes(code):
	"""Too short, a letter never used, a wrong check digit."""
	refused = make.refusal(enterprise(code))
	assert (type(refused), refused.field) == (CreditCodeError, "uscc")


def test_message_of_a_wrong_credit_code_names_the_field_the_fault_and_the_fix():
	message = make.refused(enterprise("911401057000000011"))
	assert "统一社会信用代码" in message and "校验" in message and "对照营业执照" in message


def test_a_credit_code_already_registered():
	code = make.uscc()
	make.enterprise("太原原有企业有限公司", code)
	before = stored("Enterprise", code)
	refused = make.refusal(enterprise(code.lower()))
	assert (type(refused), refused.field) == (AlreadyRecordedError, "uscc")
	assert "太原原有企业有限公司" in str(refused)  # named to a user who may read it
	assert stored("Enterprise", code) == before


def test_a_negative_amount(cluster):
	refused = make.refusal(indicator(cluster, total_output=-5, sme_output=1))
	assert (type(refused), refused.fields) == (NegativeFigureError, ["total_output"])


def test_message_of_a_refused_figure_names_the_field_and_the_fix(cluster):
	message = make.refused(indicator(cluster, total_output=-5, sme_output=1))
	assert "“集群总产值（亿元）”不能为负数" in message and "请填写0或正数" in message


def test_a_share_over_hundred_percent(cluster):
	refused = make.refusal(indicator(cluster, water_reuse_rate=101.5))
	assert (type(refused), refused.fields) == (PercentOverHundredError, ["water_reuse_rate"])
	refused = make.refusal(indicator(cluster, sme_output_share=120))
	assert (type(refused), refused.fields) == (PercentOverHundredError, ["sme_output_share"])


def test_digital_level_shares_adding_up_to_more_than_hundred(cluster):
	refused = make.refusal(
		indicator(cluster, digital_level_none_share=40, digital_level_1_share=40, digital_level_2_share=30)
	)
	assert (type(refused), refused.fields) == (SharesOverHundredError, ["digital_level_none_share"])
	assert "110%" in str(refused)


def test_a_second_record_for_the_same_cluster_and_year(cluster):
	first = make.indicator(cluster, 2025, total_output=10)
	before = stored(first.doctype, first.name)
	refused = make.refusal(indicator(cluster, total_output=20))
	assert (type(refused), refused.field) == (AlreadyRecordedError, "year")
	assert frappe.db.count("Cluster Annual Indicator", {"cluster": cluster}) == 1
	assert stored(first.doctype, first.name) == before


@pytest.mark.parametrize("year", [1899, 2999, 1999])
def test_a_year_outside_a_sensible_range(cluster, year):
	kept = make.indicator(cluster, 2024, total_output=10)
	refused = make.refusal(indicator(cluster, year=year, total_output=10))
	assert (type(refused), refused.fields) == (YearOutOfRangeError, ["year"])
	kept.year = year
	refused = make.refusal(kept.save)
	assert (type(refused), refused.fields) == (YearOutOfRangeError, ["year"])
	assert frappe.db.get_all("Cluster Annual Indicator", {"cluster": cluster}, pluck="year") == [2024]


def test_a_part_larger_than_its_whole(cluster):
	refused = make.refusal(indicator(cluster, total_output=50, sme_output=60))
	assert (type(refused), refused.fields) == (PartOverWholeError, ["sme_output"])
	assert "（60）" in str(refused) and "（50）" in str(refused)  # the figures as entered


def test_a_refused_change_leaves_the_stored_record_as_it_was(cluster):
	doc = make.indicator(cluster, 2025, total_output=50, sme_output=40)
	doc.sme_output = 70
	assert type(make.refusal(doc.save)) is PartOverWholeError
	assert frappe.db.get_value(doc.doctype, doc.name, ["sme_output", "sme_output_share"]) == (40, 80)


def test_several_problems_are_reported_together(cluster):
	refused = make.refusal(indicator(cluster, total_output=-1, tax=-2, water_reuse_rate=101))
	assert type(refused) is FigureError  # two rules at once: their common class
	assert sorted(refused.fields) == ["tax", "total_output", "water_reuse_rate"]


def test_an_enterprise_twice_in_one_library(cluster):
	code = make.enterprise("太原重复企业有限公司")
	member = make.member(cluster, code)
	before = stored(member.doctype, member.name)
	refused = make.refusal(lambda: make.member(cluster, code))
	assert (type(refused), refused.field) == (AlreadyRecordedError, "enterprise")
	assert frappe.db.count("Cluster Enterprise", {"cluster": cluster}) == 1
	assert stored(member.doctype, member.name) == before


def test_leaving_before_joining(cluster):
	code = make.enterprise("太原早退企业有限公司")
	member = make.member(cluster, code, joined_year=2022)
	member.left_year = 2020
	refused = make.refusal(member.save)
	assert (type(refused), refused.fields) == (EndBeforeStartError, ["left_year"])
	assert frappe.db.get_value(member.doctype, member.name, "left_year") in (None, 0)


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
	refused = make.refusal(standard)
	assert (type(refused), refused.field) == (LedBeyondRankError, "role")


def test_an_honour_that_expires_before_it_was_awarded():
	code = make.enterprise("太原荣誉企业有限公司", honours=[("创新型中小企业", 2024, "2026-12-31")])
	doc = frappe.get_doc("Enterprise", code)
	doc.honours[0].valid_until = "2022-12-31"
	refused = make.refusal(doc.save)
	assert (type(refused), refused.fields) == (EndBeforeStartError, ["valid_until"])
	assert "第1行" in str(refused)  # which row of the table
	assert str(frappe.db.get_value("Enterprise Honour", doc.honours[0].name, "valid_until")) == "2026-12-31"


def test_a_negative_investment_in_the_project_library(cluster):
	project = frappe.get_doc(
		{
			"doctype": "Cluster Project",
			"cluster": cluster,
			"project_name": "智能装备产业园二期",
			"status": "在建",
			"total_investment": 3,
		}
	).insert()
	project.total_investment = -3
	refused = make.refusal(project.save)
	assert (type(refused), refused.fields) == (NegativeFigureError, ["total_investment"])
	assert frappe.db.get_value(project.doctype, project.name, "total_investment") == 3


def test_a_cluster_must_sit_in_a_county():
	refused = make.refusal(lambda: make.cluster(name="太原市级集群", county=make.CITY))
	assert type(refused) is NotACountyError
	assert "140100" in str(refused)  # the region refused
