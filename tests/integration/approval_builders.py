"""Filings walked along the approval chain by the officials who own each step."""

import builders as make
import filing_builders as filings
import frappe
import people
from frappe.model.workflow import apply_workflow

FORMS = {
	("申报", "省级"): "shanxi-apply-2026",
	("申报", "国家级"): "miit-apply-2026",
	("复核", "国家级"): "miit-review-2026",
}
# The way to each state: (action, who), in order.
PATH = [
	("提交市级", people.COUNTY),
	("开始现场核查", people.CITY),
	("推荐", people.CITY),
	("受理", people.PROVINCE),
	("提交专家评审", people.PROVINCE),
]
REACHED_BY = {
	"草稿": 0,
	"已提交市级": 1,
	"市级现场核查": 2,
	"市级已推荐": 3,
	"省级形式审查": 4,
	"专家评审": 5,
}


def test_round(**values) -> str:
	return (
		frappe.get_doc(
			{
				"doctype": "Declaration Round",
				"round_title": "2026年度山西省申报复核",
				"round_year": 2026,
				"issuing_authority": make.PROVINCE,
				"quota_per_city": 3,
				"quota_per_sub_sector": 1,
				"quota_to_miit": 1,
				"openings": [
					{"filing_kind": k, "level": l, "form_version": code} for (k, l), code in FORMS.items()
				],
				**values,
			}
		)
		.insert(ignore_permissions=True)
		.name
	)


def as_user(user, action):
	"""Run action as user and come back to Administrator."""
	frappe.set_user(user)
	try:
		return action()
	finally:
		frappe.set_user("Administrator")


def draft(cluster: str, round_name: str, kind="申报", level="省级"):
	"""A complete draft made by the county officer (its owner)."""

	def make_it():
		doc = filings.application(cluster, round_name, kind=kind, level=level)
		return filings.complete(doc)

	return as_user(people.COUNTY, make_it)


def act(doc, action, user):
	return as_user(user, lambda: apply_workflow(frappe.get_doc(doc.doctype, doc.name).as_dict(), action))


def onsite_values(application: str, **values) -> dict:
	"""An on-site verification (现场核查) of the filing that confirms every item."""
	return {
		"doctype": "Onsite Verification",
		"application": application,
		"verified_on": "2026-05-01",
		"verified_by": "王某、李某",
		"city_authority": "太原市工业和信息化局",
		"materials_genuine": 1,
		"not_prohibited": 1,
		"no_major_accident": 1,
		"no_tax_violation": 1,
		"conclusion": "符合",
		**values,
	}


def verify_on_site(doc, conclusion="符合"):
	return as_user(
		people.CITY, lambda: frappe.get_doc(onsite_values(doc.name, conclusion=conclusion)).insert()
	)


def advance(doc, state: str):
	"""Walk the filing to `state` along the chain."""
	for action, user in PATH[: REACHED_BY[state]]:
		if action == "推荐":
			verify_on_site(doc)
		act(doc, action, user)
	return frappe.get_doc(doc.doctype, doc.name)
