"""What a filing and a review keep, on a running server: a filing keeps the form version it was
made with when the round's opening later changes, and an expert's 0 is a score."""

import secrets

import approval_builders as chain
import filing_builders as filings
import frappe
import people
import pytest
from approval_builders import advance, as_user, draft
from conftest import SITE
from rest_client import RestClient, server_message

from cluster_registry.cluster_registry.doctype.expert_review.expert_review import GROUPS, assign_experts

RUN = secrets.token_hex(3)


@pytest.fixture(scope="module")
def keys(server):
	people.make_people()
	yield people.api_keys()
	people.remove_people()


@pytest.fixture
def committed():
	"""A cluster with figures and a round, committed for the server and removed after the test."""
	cluster = filings.cluster_with_figures(name=f"山西省太原市小店区保持测试集群{RUN}")
	round_name = chain.test_round(round_title=f"保持测试{RUN}", quota_per_city=0, quota_per_sub_sector=0)
	yield cluster, round_name
	frappe.db.rollback()
	applications = frappe.get_all("Cluster Application", {"cluster": cluster}, pluck="name")
	reviews = frappe.get_all("Expert Review", {"application": ("in", applications or [""])}, pluck="name")
	for doctype, field, values in (
		("Expert Review Score", "parent", reviews),
		("Expert Review", "name", reviews),
		("ToDo", "reference_name", reviews),
		("Application Answer", "parent", applications),
		("Application Target", "parent", applications),
		("Onsite Verification", "application", applications),
		("Workflow Action", "reference_name", applications),
		("Cluster Application", "name", applications),
		("Cluster Annual Indicator", "cluster", [cluster]),
		("Round Opening", "parent", [round_name]),
		("Declaration Round", "name", [round_name]),
	):
		frappe.db.delete(doctype, {field: ("in", values or [""])})
	frappe.delete_doc("Industrial Cluster", cluster, force=True, ignore_permissions=True)
	frappe.db.commit()


def apply_action(rest: RestClient, name: str, action: str):
	return rest.session.post(
		f"{rest.url}/api/method/frappe.model.workflow.apply_workflow",
		data={"doc": frappe.as_json({"doctype": "Cluster Application", "name": name}), "action": action},
	)


def test_a_submitted_filing_keeps_its_form_version_when_the_round_changes_it(server, keys, committed):
	cluster, round_name = committed
	doc = advance(draft(cluster, round_name), "已提交市级")
	assert doc.form_version == "shanxi-apply-2026"
	round_doc = frappe.get_doc("Declaration Round", round_name)
	round_doc.opening("申报", "省级").form_version = "ningxia-apply-2026"
	round_doc.save()
	frappe.db.commit()

	city = RestClient(server, SITE, keys[people.CITY])
	response = apply_action(city, doc.name, "开始现场核查")

	assert response.status_code == 200, server_message(response)
	frappe.db.rollback()
	assert frappe.db.get_value("Cluster Application", doc.name, ["status", "form_version"]) == (
		"市级现场核查",
		"shanxi-apply-2026",
	)


def test_an_expert_who_gives_0_in_a_group_finishes_and_an_empty_group_is_unscored(server, keys, committed):
	cluster, round_name = committed
	doc = advance(draft(cluster, round_name), "专家评审")
	[review] = as_user(people.PROVINCE, lambda: assign_experts(doc.name, [people.EXPERT]))
	frappe.db.commit()
	expert = RestClient(server, SITE, keys[people.EXPERT])
	rows = expert.get("Expert Review", review).json()["data"]["scores"]
	assert [row["score"] for row in rows] == [None] * len(GROUPS)  # unscored is empty, not 0

	# seven groups scored, the first one with 0, the last left empty
	scores = [0, 12, 11.5, 10, 9, 12.5, 8]
	for row, score in zip(rows, scores, strict=False):
		row["score"] = score
	response = expert.update("Expert Review", review, {"conflict_declaration": "无利益冲突", "scores": rows})
	assert response.status_code == 200, server_message(response)
	data = response.json()["data"]
	assert (data["review_status"], data["total_score"]) == ("待评分", 63.0)
	assert [row["score"] for row in data["scores"]] == [*scores, None]

	# the last group scored 0 too: every group has a score, the review is finished
	data["scores"][-1]["score"] = 0
	response = expert.update("Expert Review", review, {"scores": data["scores"]})
	assert response.status_code == 200, server_message(response)
	data = response.json()["data"]
	assert (data["review_status"], data["total_score"]) == ("已评分", 63.0)
	assert [row["score"] for row in data["scores"]] == [*scores, 0]
