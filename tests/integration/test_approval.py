"""The approval chain on a real site: every transition by every role, quotas, deadlines, the
on-site check, freezing, return for correction, expert review and reminders."""

import approval_builders as chain
import builders as make
import filing_builders as filings
import frappe
import output_builders
import people
import pytest
from approval_builders import act, advance, as_user, draft
from frappe.utils import add_days, today

from cluster_registry.cluster_registry.approval import (
	DeadlinePassedError,
	FilingFrozenError,
	OnsiteCheckMissingError,
	QuotaExceededError,
	ReturnReasonMissingError,
)
from cluster_registry.cluster_registry.doctype.expert_review.expert_review import ConflictUndeclaredError
from cluster_registry.cluster_registry.doctype.onsite_verification.onsite_verification import (
	UnconfirmedStatementsError,
)
from cluster_registry.cluster_registry.doctype.recommendation_list.recommendation_list import (
	FilingNotListableError,
)


@pytest.fixture(scope="module", autouse=True)
def officials():
	people.make_people()
	yield
	people.remove_people()


@pytest.fixture
def cluster():
	return filings.cluster_with_figures()


@pytest.fixture
def round_name():
	return chain.test_round()


ROLES = {
	"Cluster County Officer": people.COUNTY,
	"Cluster City Officer": people.CITY,
	"Cluster Province Officer": people.PROVINCE,
	"Cluster Expert": people.EXPERT,
	"Cluster Operator": people.OPERATOR,
}
# (kind, level, state the filing is in, action, role that owns it)
TRANSITIONS = [
	("申报", "省级", "草稿", "提交市级", "Cluster County Officer"),
	("申报", "省级", "已提交市级", "退回修改", "Cluster City Officer"),
	("申报", "省级", "已提交市级", "开始现场核查", "Cluster City Officer"),
	("申报", "省级", "市级现场核查", "退回修改", "Cluster City Officer"),
	("申报", "省级", "市级现场核查", "推荐", "Cluster City Officer"),
	("申报", "省级", "市级已推荐", "受理", "Cluster Province Officer"),
	("申报", "省级", "省级形式审查", "退回修改", "Cluster Province Officer"),
	("申报", "省级", "省级形式审查", "提交专家评审", "Cluster Province Officer"),
	("申报", "省级", "专家评审", "认定", "Cluster Province Officer"),
	("申报", "省级", "专家评审", "不予认定", "Cluster Province Officer"),
	("复核", "国家级", "专家评审", "复核通过", "Cluster Province Officer"),
	("复核", "国家级", "专家评审", "复核不通过", "Cluster Province Officer"),
	("申报", "国家级", "省级认定", "推荐至工信部", "Cluster Province Officer"),
	("复核", "国家级", "复核通过", "报工信部复核", "Cluster Province Officer"),
	("申报", "国家级", "已推荐工信部", "工信部认定", "Cluster Province Officer"),
	("申报", "国家级", "已推荐工信部", "工信部未认定", "Cluster Province Officer"),
	("复核", "国家级", "已推荐工信部", "工信部复核通过", "Cluster Province Officer"),
	("复核", "国家级", "已推荐工信部", "工信部复核不通过", "Cluster Province Officer"),
	("退回", "省级", "退回修改", "重新提交", "Cluster County Officer"),
]
BEYOND_REVIEW = {
	"省级认定": [("认定", people.PROVINCE)],
	"复核通过": [("复核通过", people.PROVINCE)],
	"已推荐工信部": {
		"申报": [("认定", people.PROVINCE), ("推荐至工信部", people.PROVINCE)],
		"复核": [("复核通过", people.PROVINCE), ("报工信部复核", people.PROVINCE)],
	},
}


def filing_in(state, kind, level, cluster, round_name):
	if kind == "退回":
		doc = advance(draft(cluster, round_name), "已提交市级")
		frappe.db.set_value(doc.doctype, doc.name, "return_reason", "缺少佐证材料")
		act(doc, "退回修改", people.CITY)
		return frappe.get_doc(doc.doctype, doc.name)
	doc = draft(cluster, round_name, kind=kind, level=level)
	if state in chain.REACHED_BY:
		return advance(doc, state)
	doc = advance(doc, "专家评审")
	steps = BEYOND_REVIEW[state]
	for action, user in steps[kind] if isinstance(steps, dict) else steps:
		act(doc, action, user)
	return frappe.get_doc(doc.doctype, doc.name)


@pytest.mark.parametrize("kind, level, state, action, owner", TRANSITIONS)
def test_each_transition_belongs_to_one_role(kind, level, state, action, owner, cluster, round_name):
	doc = filing_in(state, kind, level, cluster, round_name)
	assert doc.status == state
	if action == "退回修改":
		frappe.db.set_value(doc.doctype, doc.name, "return_reason", "请补充产业链图谱佐证材料")
	if action == "推荐":
		chain.verify_on_site(doc)
	outcomes = {}
	for role, user in ROLES.items():
		frappe.db.savepoint("attempt")
		try:
			act(doc, action, user)
			outcomes[role] = frappe.db.get_value(doc.doctype, doc.name, "status")
		except (frappe.ValidationError, frappe.PermissionError):
			outcomes[role] = None
		frappe.db.rollback(save_point="attempt")
	expected_state = {
		"提交市级": "已提交市级",
		"重新提交": "已提交市级",
		"退回修改": "退回修改",
		"开始现场核查": "市级现场核查",
		"推荐": "市级已推荐",
		"受理": "省级形式审查",
		"提交专家评审": "专家评审",
		"认定": "省级认定",
		"不予认定": "省级未认定",
		"复核通过": "复核通过",
		"复核不通过": "复核未通过",
		"推荐至工信部": "已推荐工信部",
		"报工信部复核": "已推荐工信部",
		"工信部认定": "国家级认定",
		"工信部未认定": "国家级未认定",
		"工信部复核通过": "国家复核通过",
		"工信部复核不通过": "国家复核未通过",
	}[action]
	assert outcomes == {role: (expected_state if role == owner else None) for role in ROLES}


def test_officials_of_another_territory_cannot_act(cluster, round_name):
	doc = advance(draft(cluster, round_name), "已提交市级")
	for user in (people.OTHER_CITY, people.OTHER_COUNTY):
		with pytest.raises((frappe.PermissionError, frappe.ValidationError)):
			act(doc, "开始现场核查", user)
	assert frappe.db.get_value(doc.doctype, doc.name, "status") == "已提交市级"


def test_returning_needs_written_reasons_and_reopens_the_filing(cluster, round_name):
	doc = advance(draft(cluster, round_name), "已提交市级")
	with pytest.raises(ReturnReasonMissingError) as refused:
		act(doc, "退回修改", people.CITY)
	assert refused.value.field == "return_reason"
	assert frappe.db.get_value(doc.doctype, doc.name, "status") == "已提交市级"
	frappe.db.set_value(doc.doctype, doc.name, "return_reason", "请补充产业链图谱佐证材料")
	act(doc, "退回修改", people.CITY)
	doc = frappe.get_doc(doc.doctype, doc.name)
	doc.declarant = "张三"  # the county corrects the returned filing
	as_user(people.COUNTY, doc.save)
	act(doc, "重新提交", people.COUNTY)
	assert frappe.db.get_value(doc.doctype, doc.name, "status") == "已提交市级"


def test_a_submitted_filing_is_frozen_with_its_evidence(cluster, round_name):
	doc = advance(draft(cluster, round_name), "已提交市级")
	declarant = frappe.db.get_value(doc.doctype, doc.name, "declarant")
	doc.declarant = "李四"
	with pytest.raises(FilingFrozenError):
		as_user(people.COUNTY, doc.save)
	assert frappe.db.get_value(doc.doctype, doc.name, "declarant") == declarant
	file = frappe.get_doc(
		{"doctype": "File", "file_name": "补充.txt", "content": "补充材料", "is_private": 1}
	).insert()
	evidence = frappe.get_doc(
		{
			"doctype": "Cluster Evidence",
			"application": doc.name,
			"evidence_title": "补充材料",
			"file": file.file_url,
		}
	)
	with pytest.raises(FilingFrozenError):
		as_user(people.COUNTY, evidence.insert)
	history = frappe.get_all(
		"Comment", filters={"reference_name": doc.name, "comment_type": "Workflow"}, pluck="content"
	)
	assert "已提交市级" in history


def test_recommending_needs_a_conforming_on_site_check(cluster, round_name):
	doc = advance(draft(cluster, round_name), "市级现场核查")
	with pytest.raises(OnsiteCheckMissingError):
		act(doc, "推荐", people.CITY)
	with pytest.raises(UnconfirmedStatementsError):
		as_user(
			people.CITY,
			lambda: frappe.get_doc(
				{
					"doctype": "Onsite Verification",
					"application": doc.name,
					"verified_on": "2026-05-01",
					"verified_by": "王某",
					"city_authority": "太原市工业和信息化局",
					"materials_genuine": 1,
					"conclusion": "符合",
				}
			).insert(),
		)
	chain.verify_on_site(doc)
	act(doc, "推荐", people.CITY)
	assert frappe.db.get_value(doc.doctype, doc.name, "status") == "市级已推荐"


def test_one_cluster_per_sub_sector_and_city(cluster, round_name):
	advance(draft(cluster, round_name), "市级已推荐")
	second = filings.cluster_with_figures(name="山西省太原市小店区第二个同领域集群")
	doc = advance(draft(second, round_name), "市级现场核查")
	chain.verify_on_site(doc)
	with pytest.raises(QuotaExceededError) as refused:
		act(doc, "推荐", people.CITY)
	assert refused.value.quotas == ["per_sub_sector"]
	assert frappe.db.get_value(doc.doctype, doc.name, "status") == "市级现场核查"


def test_message_of_a_quota_says_the_limit_and_that_over_quota_is_refused(cluster, round_name):
	advance(draft(cluster, round_name), "市级已推荐")
	second = filings.cluster_with_figures(name="山西省太原市小店区第二个同领域集群")
	doc = advance(draft(second, round_name), "市级现场核查")
	chain.verify_on_site(doc)
	with pytest.raises(QuotaExceededError, match=r"每个细分领域.*最多推荐1个集群") as refused:
		act(doc, "推荐", people.CITY)
	assert "一律不予受理" in str(refused.value)


def test_a_city_quota(cluster):
	round_name = chain.test_round(quota_per_city=1, quota_per_sub_sector=0)
	advance(draft(cluster, round_name), "市级已推荐")
	other_sector = make.sub_sector("另一细分领域", industry_averages=[{"year": 2025, **filings.AVERAGES}])
	second = make.cluster(
		name="山西省太原市小店区另一领域集群", sub_sector=other_sector, operator="管委会"
	).name
	for year, values in filings.FIGURES.items():
		make.indicator(second, year, **values)
	doc = advance(draft(second, round_name), "市级现场核查")
	chain.verify_on_site(doc)
	with pytest.raises(QuotaExceededError) as refused:
		act(doc, "推荐", people.CITY)
	assert refused.value.quotas == ["per_city"]
	assert frappe.db.get_value(doc.doctype, doc.name, "status") == "市级现场核查"


def test_the_provinces_quota_to_miit(cluster):
	round_name = chain.test_round(quota_per_city=0, quota_per_sub_sector=0)
	first = filing_in("省级认定", "申报", "国家级", cluster, round_name)
	act(first, "推荐至工信部", people.PROVINCE)
	second_cluster = filings.cluster_with_figures(name="山西省太原市小店区国家级第二集群")
	second = filing_in("省级认定", "申报", "国家级", second_cluster, round_name)
	with pytest.raises(QuotaExceededError) as refused:
		act(second, "推荐至工信部", people.PROVINCE)
	assert refused.value.quotas == ["to_miit"]
	assert frappe.db.get_value(second.doctype, second.name, "status") == "省级认定"


def test_a_late_submission_is_refused_and_the_draft_kept(cluster):
	round_name = chain.test_round()
	round_doc = frappe.get_doc("Declaration Round", round_name)
	for row in round_doc.openings:
		row.county_deadline = add_days(today(), -1)
	round_doc.save()
	doc = draft(cluster, round_name)
	with pytest.raises(DeadlinePassedError):
		act(doc, "提交市级", people.COUNTY)
	assert frappe.db.get_value(doc.doctype, doc.name, "status") == "草稿"


def test_reminders_go_to_the_officials_who_must_act(cluster):
	from cluster_registry.cluster_registry.deadlines import send_deadline_reminders

	round_name = chain.test_round()
	round_doc = frappe.get_doc("Declaration Round", round_name)
	for row in round_doc.openings:
		row.county_deadline = add_days(today(), 3)
	round_doc.save()
	doc = draft(cluster, round_name)
	assert send_deadline_reminders() >= 1
	notified = frappe.get_all("Notification Log", filters={"document_name": doc.name}, pluck="for_user")
	assert people.COUNTY in notified
	assert people.OTHER_COUNTY not in notified and people.CITY not in notified


def test_experts_declare_conflicts_score_and_see_only_their_filings(cluster):
	round_name = chain.test_round(quota_per_city=0, quota_per_sub_sector=0)
	from cluster_registry.cluster_registry.doctype.expert_review.expert_review import assign_experts
	from cluster_registry.cluster_registry.report.expert_review_ranking.expert_review_ranking import execute

	doc = advance(draft(cluster, round_name), "专家评审")
	other = advance(
		draft(filings.cluster_with_figures(name="山西省太原市小店区未分配集群"), round_name), "专家评审"
	)
	mine, theirs = as_user(
		people.PROVINCE, lambda: assign_experts(doc.name, [people.EXPERT, people.OTHER_EXPERT])
	)

	assert as_user(people.EXPERT, lambda: frappe.get_list("Expert Review", pluck="name")) == [mine]
	assert as_user(people.EXPERT, lambda: frappe.get_list("Cluster Application", pluck="name")) == [doc.name]
	assert not as_user(people.EXPERT, lambda: frappe.has_permission("Cluster Application", doc=other.name))

	review = frappe.get_doc("Expert Review", mine)
	for row in review.scores:
		row.score = 10
	with pytest.raises(ConflictUndeclaredError) as refused:
		as_user(people.EXPERT, review.save)
	assert refused.value.field == "conflict_declaration"
	assert frappe.db.get_all("Expert Review Score", {"parent": mine, "score": (">", 0)}) == []
	review.reload()
	review.conflict_declaration = "无利益冲突"
	for row in review.scores:
		row.score = 11.5
	as_user(people.EXPERT, review.save)
	assert (review.total_score, review.review_status) == (92.0, "已评分")

	recused = frappe.get_doc("Expert Review", theirs)
	recused.conflict_declaration = "存在利益冲突（回避）"
	as_user(people.OTHER_EXPERT, recused.save)
	assert recused.review_status == "已回避"
	assert as_user(people.OTHER_EXPERT, lambda: frappe.get_list("Cluster Application", pluck="name")) == []

	_columns, rows = execute({"declaration_round": round_name})
	assert [(r.application, r.reviews, r.average_score, r.rank) for r in rows] == [(doc.name, 1, 92.0, 1)]


def test_a_recommendation_list_refuses_what_is_over_quota(cluster, round_name):
	first = advance(draft(cluster, round_name), "市级已推荐")
	second_cluster = filings.cluster_with_figures(name="山西省太原市小店区汇总表第二集群")
	second = advance(draft(second_cluster, round_name), "市级现场核查")
	listing = frappe.get_doc(
		{
			"doctype": "Recommendation List",
			"declaration_round": round_name,
			"filing_kind": "申报",
			"recommending_unit": make.CITY,
			"items": [{"application": first.name}, {"application": second.name}],
		}
	)
	with pytest.raises(FilingNotListableError):
		as_user(people.CITY, listing.insert)
	listing.items = listing.items[:1]
	as_user(people.CITY, listing.insert)
	assert listing.items[0].cluster_name == "山西省太原市小店区体检测试产业集群"


def test_workflow_action_emails_go_only_to_the_officials_of_the_next_level(cluster, round_name):
	from frappe.model.workflow import get_workflow_name
	from frappe.workflow.doctype.workflow_action.workflow_action import (
		get_next_possible_transitions,
		get_users_next_action_data,
	)

	doc = advance(draft(cluster, round_name), "已提交市级")
	transitions = get_next_possible_transitions(get_workflow_name(doc.doctype), doc.status, doc)
	recipients = get_users_next_action_data(transitions, doc)
	assert set(recipients) & set(people.PEOPLE) == {people.CITY}
	assert {a.action_name for a in recipients[people.CITY].possible_actions} == {"退回修改", "开始现场核查"}


def test_clusters_recognised_three_years_before_are_due_for_review(cluster):
	from cluster_registry.cluster_registry.report.clusters_due_for_review.clusters_due_for_review import (
		execute,
	)

	doc = frappe.get_doc("Industrial Cluster", cluster)
	doc.append("recognitions", {"level": "省级", "year": 2023, "document_no": "晋工信企业函〔2023〕12号"})
	doc.save()
	other = make.cluster(name="山西省太原市小店区2024年认定集群")
	other.append("recognitions", {"level": "省级", "year": 2024})
	other.save()
	due = as_user(people.COUNTY, lambda: {row.cluster for row in execute({"round_year": 2026})[1]})
	assert cluster in due and other.name not in due
	assert as_user(people.OTHER_COUNTY, lambda: execute({"round_year": 2026})[1]) == []


def test_an_expert_sees_the_evidence_of_its_assigned_filings_only(cluster):
	from cluster_registry.cluster_registry.doctype.expert_review.expert_review import assign_experts

	round_name = chain.test_round(quota_per_city=0, quota_per_sub_sector=0)
	assigned = draft(cluster, round_name)
	other = draft(filings.cluster_with_figures(name="山西省太原市小店区证据未分配集群"), round_name)
	evidence = {}
	for doc in (assigned, other):
		file = frappe.get_doc(
			{
				"doctype": "File",
				"file_name": "佐证.pdf",
				"content": output_builders.pdf_pages(1, f"{doc.name}佐证"),
				"is_private": 1,
			}
		).insert()
		evidence[doc.name] = frappe.get_doc(
			{
				"doctype": "Cluster Evidence",
				"application": doc.name,
				"evidence_title": "产业链图谱",
				"file": file.file_url,
			}
		).insert()
		advance(doc, "专家评审")
	as_user(people.PROVINCE, lambda: assign_experts(assigned.name, [people.EXPERT]))

	seen = as_user(people.EXPERT, lambda: frappe.get_list("Cluster Evidence", pluck="application"))
	assert seen == [assigned.name]
	other_file = frappe.get_doc("File", {"file_url": evidence[other.name].file})
	assert not as_user(people.EXPERT, lambda: other_file.is_downloadable())
	mine = frappe.get_doc("File", {"file_url": evidence[assigned.name].file})
	assert as_user(people.EXPERT, lambda: mine.is_downloadable())
