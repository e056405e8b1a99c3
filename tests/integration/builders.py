"""Realistic records for the integration tests, made through the ORM (Shanxi, 太原市小店区)."""

import itertools

import frappe

from cluster_registry.rules.uscc import check_character

COUNTY = "140105"  # 太原市小店区
CITY = "140100"  # 太原市
PROVINCE = "140000"  # 山西省
_serial = itertools.count(1)


def uscc(serial: int | None = None) -> str:
	"""A valid code for a company registered in 小店区 (9 = 市场监管, 1 = 企业)."""
	body = f"91{COUNTY}{(serial or next(_serial)) + 70_000_000:09d}"[:17]
	return body + check_character(body)


def sub_sector(name="高端装备制造·测试", **values) -> str:
	if not frappe.db.exists("Cluster Sub-sector", name):
		frappe.get_doc(
			{"doctype": "Cluster Sub-sector", "sub_sector_name": name, "industry_type": "第二产业", **values}
		).insert()
	return name


def cluster(name="山西省太原市小店区测试装备产业集群", county=COUNTY, **values):
	return frappe.get_doc(
		{
			"doctype": "Industrial Cluster",
			"cluster_name": name,
			"county": county,
			"lead_industry": "智能装备",
			"sub_sector": sub_sector(),
			"competent_authority": "太原市小店区工业和信息化局",
			**values,
		}
	).insert()


def enterprise(name: str, code: str | None = None, honours=(), **values) -> str:
	doc = frappe.get_doc(
		{
			"doctype": "Enterprise",
			"uscc": code or uscc(),
			"enterprise_name": name,
			"region": COUNTY,
			"honours": [
				{"honour_type": honour, "year_awarded": year, "valid_until": until}
				for honour, year, until in honours
			],
			**values,
		}
	).insert()
	return doc.name


def member(cluster_name: str, enterprise_name: str, joined_year=2020, **values):
	return frappe.get_doc(
		{
			"doctype": "Cluster Enterprise",
			"cluster": cluster_name,
			"enterprise": enterprise_name,
			"joined_year": joined_year,
			**values,
		}
	).insert()


def indicator(cluster_name: str, year: int, **values):
	return frappe.get_doc(
		{"doctype": "Cluster Annual Indicator", "cluster": cluster_name, "year": year, **values}
	).insert()


def refusal(doc_or_callable) -> Exception:
	"""Run the save and return the error it was refused with: its class names the rule that refused
	(cluster_registry/cluster_registry/refusals.py), `field`/`fields` the field where the rule is about one."""
	frappe.clear_messages()
	try:
		doc_or_callable() if callable(doc_or_callable) else doc_or_callable.insert()
	except (frappe.ValidationError, frappe.PermissionError, frappe.DuplicateEntryError) as error:
		return error
	raise AssertionError("the save was accepted")


def refused(doc_or_callable, *, exc=frappe.ValidationError) -> str:
	"""Run the save and return the message it was refused with."""
	frappe.clear_messages()
	try:
		doc_or_callable() if callable(doc_or_callable) else doc_or_callable.insert()
	except exc as error:
		return str(error)
	raise AssertionError("the save was accepted")
