"""Filings on a real site: pre-filling from what the system knows, and the pre-submission check
(体检) on hand-built applications that each break exactly one rule."""

import io

import filing_builders as filings
import frappe
import pytest
from pypdf import PdfWriter

from cluster_registry.cluster_registry.doctype.cluster_application.cluster_application import (
	CheckFindsErrorsError,
	RoundNotOpenError,
)
from cluster_registry.cluster_registry.doctype.declaration_round.declaration_round import (
	FormOfAnotherKindError,
)
from cluster_registry.forms import definitions


@pytest.fixture
def cluster():
	return filings.cluster_with_figures()


@pytest.fixture
def shanxi(cluster):
	round_name = filings.declaration_round()
	return filings.complete(filings.application(cluster, round_name))


def answer(doc, key, option=None, year=None):
	return next(
		a for a in doc.answers if (a.item_key, a.option_key or None, a.year or None) == (key, option, year)
	)


def target(doc, indicator, table="targets"):
	return next(t for t in doc.targets if t.indicator == indicator and t.table_key == table)


def evidence(doc, pages=1, **values):
	writer = PdfWriter()
	for _ in range(pages):
		writer.add_blank_page(width=595, height=842)
	content = io.BytesIO()
	writer.write(content)
	file = frappe.get_doc(
		{"doctype": "File", "file_name": "佐证.pdf", "content": content.getvalue(), "is_private": 0}
	).insert()
	return frappe.get_doc(
		{
			"doctype": "Cluster Evidence",
			"application": doc.name,
			"evidence_title": "佐证材料",
			"file": file.file_url,
			**values,
		}
	).insert()


def test_a_new_application_is_prefilled_from_the_cluster_and_its_figures(cluster):
	doc = filings.application(cluster, filings.declaration_round())
	assert doc.form_version == "shanxi-apply-2026"
	assert doc.name.startswith("CA-2026-")
	# data years of the 2026 round: 2023–2025
	assert [answer(doc, "total_output", year=y).value for y in (2023, 2024, 2025)] == [
		"48.60",
		"53.90",
		"60.20",
	]
	assert answer(doc, "cluster_name").value == "山西省太原市小店区体检测试产业集群"
	assert answer(doc, "lead_industry_cagr").value == "11.42"  # (49.10 / 35.50)^(1/3) − 1 = 11.4155…
	assert target(doc, "研发经费投入").baseline_value == 1.26  # 2025, the baseline year


def test_a_review_starts_from_the_targets_of_the_original_application(cluster):
	original_round = frappe.get_doc(
		{
			"doctype": "Declaration Round",
			"round_title": "2023年度申报",
			"round_year": 2023,
			"issuing_authority": "140000",
			"openings": [{"filing_kind": "申报", "level": "国家级", "form_version": "miit-apply-2026"}],
		}
	).insert()
	original = filings.application(cluster, original_round.name, level="国家级")
	target(original, "研发经费投入").baseline_value = 0.80
	target(original, "研发经费投入").target_value = 1.10
	original.save()
	review = filings.application(
		cluster, filings.declaration_round(), kind="复核", level="国家级", original_application=original.name
	)
	assert review.form_version == "miit-review-2026"
	done = target(review, "研发经费投入", "targets_completed")
	assert (done.baseline_value, done.target_value, done.completion_value) == (0.80, 1.10, 1.26)
	assert target(review, "研发经费投入").baseline_value == 1.26


@pytest.mark.parametrize("code", [s["code"] for s in definitions.available()])
def test_a_complete_application_of_every_form_passes(cluster, code):
	form = definitions.load(code)
	round_doc = frappe.get_doc(
		{
			"doctype": "Declaration Round",
			"round_title": f"{form['title']}测试批次",
			"round_year": form["round_year"],
			"issuing_authority": "140000",
			"openings": [{"filing_kind": form["filing_kind"], "level": form["level"], "form_version": code}],
		}
	).insert()
	doc = filings.complete(
		filings.application(cluster, round_doc.name, kind=form["filing_kind"], level=form["level"])
	)
	assert filings.errors(doc) == []


def test_an_empty_mandatory_cell(shanxi):
	answer(shanxi, "operator").value = ""
	shanxi.save()
	assert filings.errors(shanxi) == [("operator", "required")]


def test_an_empty_year_in_a_yearly_row(shanxi):
	answer(shanxi, "total_output", year=2024).value = ""
	shanxi.save()
	assert filings.errors(shanxi) == [("total_output:2024", "required")]


def test_a_narrative_over_its_limit(shanxi):
	answer(shanxi, "chain_narrative").value = "集" * 150 + " \n " + "群" * 51
	shanxi.save()
	assert filings.errors(shanxi) == [("chain_narrative", "narrative_limit")]
	[finding] = [
		f
		for f in __import__("cluster_registry.api").api.check_application(shanxi.name)
		if f["severity"] == "error"
	]
	assert "201字" in finding["message"] and "200字以内" in finding["message"]


def test_a_ticked_item_without_evidence_and_then_with_it(shanxi):
	option = definitions.load("shanxi-apply-2026")
	chain = next(item for _s, item in definitions.items(option) if item["key"] == "chain_work")
	first = chain["options"][0]["key"]
	shanxi.append("answers", {"item_key": "chain_work", "option_key": first, "value": "1"})
	shanxi.save()
	assert filings.errors(shanxi) == [(f"chain_work:{first}", "evidence_missing")]
	attached = evidence(shanxi, pages=3, catalogue_no=5)
	assert attached.page_count == 3
	assert attached.file.startswith("/private/files/")  # uploaded as public, kept private
	assert filings.errors(shanxi) == []


def test_a_figure_that_needs_a_list_without_one(shanxi):
	answer(shanxi, "little_giants", year=2025).value = "2"
	shanxi.save()
	assert filings.errors(shanxi) == [("little_giants", "list_missing")]


def test_a_yes_on_accidents_without_an_explanation(shanxi):
	answer(shanxi, "accidents").value = "是"
	shanxi.save()
	assert filings.errors(shanxi) == [("accidents", "explanation_missing")]
	evidence(shanxi, item_key="accidents")
	assert filings.errors(shanxi) == []


@pytest.mark.parametrize(
	"indicator, values, rule",
	[
		# 1.26 → 1.65 over three years: 9.40% a year, below 10%
		("研发经费投入", {"baseline_value": 1.26, "target_value": 1.65}, "target_annual_growth_at_least"),
		# 300 → 450: 14.47% a year, below 15%
		("有效发明专利数量", {"baseline_value": 300, "target_value": 450}, "target_annual_growth_at_least"),
		(
			"优质中小企业数量",
			{"baseline_value": 40, "target_value": 55, "stage_1": 45, "stage_2": 44, "stage_3": 55},
			"target_rising_each_stage",
		),
		# the sub-sector's average penetration is 35%
		("工业互联网普及率", {"baseline_value": 30, "target_value": 34}, "target_not_below_industry_average"),
		# 0.40 → 0.39 t/万元 is a 2.5% reduction; the average is 4.2%
		(
			"二氧化碳排放量",
			{"baseline_value": 0.40, "target_value": 0.39},
			"target_not_below_industry_average",
		),
		("近三年集群产值年均增速", {"baseline_value": 11.02, "target_value": 9.5}, "target_value_at_least"),
	],
)
def test_targets_that_break_the_form_rules(shanxi, indicator, values, rule):
	target(shanxi, indicator).update(values)
	shanxi.save()
	assert filings.errors(shanxi) == [(f"targets:{indicator}", rule)]


def test_guangdong_about_rules_are_warnings(cluster):
	form_round = frappe.get_doc(
		{
			"doctype": "Declaration Round",
			"round_title": "广东2023",
			"round_year": 2023,
			"issuing_authority": "440000",
			"openings": [{"filing_kind": "申报", "level": "省级", "form_version": "guangdong-apply-2023"}],
		}
	).insert()
	doc = filings.complete(filings.application(cluster, form_round.name))
	target(doc, "工业互联网普及率").target_value = 40  # "达到45%左右"
	doc.save()
	from cluster_registry.api import check_application

	findings = [(f["field"], f["rule"], f["severity"]) for f in check_application(doc.name)]
	assert findings == [("targets:工业互联网普及率", "target_about", "warning")]


def test_recognition_criteria_pass_or_fail_with_figure_and_threshold(cluster):
	from cluster_registry.api import application_criteria, check_application

	round_name = filings.declaration_round(criteria_edition="国家中小企业特色产业集群认定标准（2022年版）")
	doc = filings.complete(filings.application(cluster, round_name))
	table = {row["description"]: row for row in application_criteria(doc.name)}
	assert table["集群近三年每年总产值不低于40亿元"]["passed"] is True
	assert table["集群内中小企业产值占集群总产值比例不低于70%"]["figures"] == {"2025": 74.09}
	assert table["集群占地面积一般不超过100平方公里"]["passed"] is True
	# no single champion or little giant, and none of the other titles either: both alternatives fail
	failing = [f for f in check_application(doc.name) if f["rule"] == "criterion"]
	assert len(failing) == 2
	assert "至少有1家制造业单项冠军企业" in failing[0]["message"] and ">= 1" in failing[0]["message"]


def test_submission_is_refused_while_an_error_stands_and_the_draft_is_kept(shanxi):
	answer(shanxi, "operator").value = ""
	shanxi.status = "已提交市级"
	with pytest.raises(CheckFindsErrorsError):
		shanxi.save()
	assert frappe.db.get_value("Cluster Application", shanxi.name, "status") == "草稿"
	shanxi.reload()
	assert answer(shanxi, "operator").value == "小店区产业园管委会"  # nothing of the refused save was kept
	shanxi.status = "已提交市级"
	shanxi.save()
	assert frappe.db.get_value("Cluster Application", shanxi.name, "status") == "已提交市级"


def test_a_round_that_does_not_open_the_kind_is_refused(cluster):
	with pytest.raises(RoundNotOpenError):
		filings.application(cluster, filings.declaration_round(), kind="竞赛", level="国家级")


def test_a_round_whose_form_does_not_match_its_opening_is_refused():
	with pytest.raises(FormOfAnotherKindError):
		frappe.get_doc(
			{
				"doctype": "Declaration Round",
				"round_title": "错配",
				"round_year": 2026,
				"issuing_authority": "140000",
				"openings": [{"filing_kind": "复核", "level": "省级", "form_version": "shanxi-apply-2026"}],
			}
		).insert()


def test_an_eighth_form_dropped_into_the_site_works_without_code_changes(cluster, tmp_path_factory):
	import shutil
	from pathlib import Path

	fixture = Path(__file__).parents[1] / "unit" / "fixtures" / "forms" / "yunnan-apply-2026.json"
	folder = Path(frappe.get_site_path("cluster_forms"))
	folder.mkdir(exist_ok=True)
	dropped = folder / fixture.name
	shutil.copy(fixture, dropped)
	try:
		form = definitions.load("yunnan-apply-2026", [folder])
		round_doc = frappe.get_doc(
			{
				"doctype": "Declaration Round",
				"round_title": "云南2026",
				"round_year": form["round_year"],
				"issuing_authority": "530000",
				"openings": [
					{
						"filing_kind": form["filing_kind"],
						"level": form["level"],
						"form_version": "yunnan-apply-2026",
					}
				],
			}
		).insert()
		doc = filings.application(cluster, round_doc.name, kind=form["filing_kind"], level=form["level"])
		assert doc.form_version == "yunnan-apply-2026"
		assert doc.answers  # prefilled from its own items
		assert filings.errors(filings.complete(doc)) == []
	finally:
		dropped.unlink()
