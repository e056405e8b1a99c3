"""The permission matrix of the app, checked cell by cell on the running server over HTTP.

For every DocType and every role of the chain (the county 小店区, another county 迎泽区, its city
太原市, another city 大同市, the province 山西省, an expert assigned to the filing under review and
one not assigned, the county's operator, and Guest) the tables below state what may be created,
read, listed, written and deleted, and for the filing and its records in which state of the
chain. Each cell is one request as that role; "allowed" means the server did it and stored it,
"refused" means it answered an error below 500 (or, for a field above the user's permission
level, dropped the field) and stored nothing.
"""

import itertools
import json

import approval_builders as chain
import builders as make
import filing_builders as filings
import frappe
import people
import pytest
import sessions
from approval_builders import advance, as_user, draft, onsite_values
from frappe.utils import flt

from cluster_registry.cluster_registry.doctype.expert_review.expert_review import GROUPS, assign_experts
from cluster_registry.cluster_registry.territory_checks import TERRITORY_DOCTYPES

OWN = frozenset({"county", "city", "province", "operator"})  # the roles whose territory holds 小店区
NOBODY = frozenset()
COUNTY_SIDE = frozenset({"county", "operator"})

# The records of a cluster of 小店区: its cluster record, figures, enterprises, the four 库 and the
# name lists. Experts never see them (they read the filings assigned to them, not the registry).
LIBRARY_POLICY = {
	"create": OWN,
	"read": OWN,
	"list": OWN,
	"write": OWN,
	"delete": frozenset({"county", "province"}),
}
_serial = itertools.count(1)


def library_records(cluster: str) -> dict:
	"""DocType → (a new record's values, a field a write changes)."""
	n = next(_serial)
	return {
		"Industrial Cluster": (
			{
				"cluster_name": f"矩阵测试新建集群{n}",
				"county": make.COUNTY,
				"lead_industry": "智能装备",
				"sub_sector": make.sub_sector(),
				"competent_authority": "太原市小店区工业和信息化局",
			},
			"lead_industry",
		),
		"Cluster Annual Indicator": (
			{"cluster": cluster, "year": free_year(cluster), "total_output": 10},
			"employees",
		),
		"Enterprise": (
			{"uscc": make.uscc(), "enterprise_name": f"矩阵测试企业{n}", "region": make.COUNTY},
			"enterprise_name",
		),
		"Cluster Enterprise": (
			{"cluster": cluster, "enterprise": make.enterprise(f"矩阵测试成员{n}"), "joined_year": 2020},
			"joined_year",
		),
		"Prospective Enterprise": (
			{"cluster": cluster, "enterprise_name": f"矩阵测试拟引进企业{n}", "country": "德国"},
			"country",
		),
		"Cluster Project": (
			{
				"cluster": cluster,
				"project_name": f"矩阵测试项目{n}",
				"status": "在建",
				"total_investment": 3,
				"builder": "太原新材有限公司",
				"start_year": 2025,
				"end_year": 2027,
			},
			"builder",
		),
		"Cluster Patent": (
			{
				"cluster": cluster,
				"patent_no": f"ZL2023{n:07d}.7",
				"title": "一种高强铝合金",
				"grant_year": 2023,
				"patent_type": "发明专利",
				"holder_name": "太原新材有限公司",
			},
			"title",
		),
		"Cluster Standard": (
			{
				"cluster": cluster,
				"standard_no": f"T/SXJZ {n:03d}-2024",
				"standard_name": "高强铝合金型材",
				"category": "团体",
				"role": "主持",
				"drafting_rank": 2,
				"year": 2024,
			},
			"standard_name",
		),
		"Innovation Platform": (
			{
				"cluster": cluster,
				"platform_name": f"矩阵测试重点实验室{n}",
				"level": "省级",
				"platform_type": "重点实验室",
				"approval_year": 2021,
			},
			"platform_name",
		),
		"Green Manufacturing Entry": (
			{
				"cluster": cluster,
				"entry_name": f"矩阵测试绿色工厂{n}",
				"category": "绿色工厂",
				"level": "国家级",
				"approval_year": 2022,
			},
			"entry_name",
		),
		"Public Service Platform": (
			{
				"cluster": cluster,
				"platform_name": f"矩阵测试服务平台{n}",
				"level": "省级",
				"approval_year": 2020,
			},
			"platform_name",
		),
		"Overseas Branch": (
			{
				"cluster": cluster,
				"branch_name": f"矩阵测试海外分支{n}",
				"country": "泰国",
				"established_year": 2022,
			},
			"country",
		),
		"Industry Alliance": (
			{
				"cluster": cluster,
				"alliance_name": f"矩阵测试联盟{n}",
				"kind": "产业联盟",
				"established_year": 2019,
			},
			"alliance_name",
		),
	}


def free_year(cluster: str) -> int:
	taken = set(frappe.get_all("Cluster Annual Indicator", filters={"cluster": cluster}, pluck="year"))
	return next(year for year in range(2026, 1999, -1) if year not in taken)


# the registry's records (the filings and their records are the rest of the territory's DocTypes)
LIBRARY_DOCTYPES = tuple(
	doctype
	for doctype in TERRITORY_DOCTYPES
	if doctype
	not in (
		"Cluster Application",
		"Cluster Evidence",
		"Onsite Verification",
		"Expert Review",
		"Recommendation List",
	)
)

# A filing at the city's steps (已提交市级, 市级现场核查): the city writes its opinion, nobody its content.
AT_THE_CITY = {
	"read": OWN,
	"list": OWN,
	"content": NOBODY,
	"opinion": frozenset({"city"}),
	"status": NOBODY,
	"delete": NOBODY,
}

# A filing of 小店区 in each state of the chain: who reads and lists it, who writes its content
# (the county's form), who writes the step's opinion (the level whose step it is), who moves its
# state by writing the state field (nobody: only the workflow actions do), who deletes it.
FILING_POLICY = {
	"草稿": {
		"read": OWN,
		"list": OWN,
		"content": COUNTY_SIDE,
		"opinion": NOBODY,
		"status": NOBODY,
		"delete": frozenset({"county"}),
	},
	"已提交市级": AT_THE_CITY,
	"市级现场核查": AT_THE_CITY,
	"市级已推荐": {
		"read": OWN,
		"list": OWN,
		"content": NOBODY,
		"opinion": frozenset({"province"}),
		"status": NOBODY,
		"delete": NOBODY,
	},
	"专家评审": {
		"read": OWN | {"expert"},
		"list": OWN | {"expert"},
		"content": NOBODY,
		"opinion": frozenset({"province"}),
		"status": NOBODY,
		"delete": NOBODY,
	},
}
FILING_CREATE = COUNTY_SIDE
# a state a direct write of the state field would move each filing to (the transition its owner has)
NEXT_STATE = {
	"草稿": "已提交市级",
	"已提交市级": "市级现场核查",
	"市级现场核查": "退回修改",
	"市级已推荐": "省级形式审查",
	"专家评审": "省级认定",
}

# The 现场核查符合性说明 of a filing of 小店区: the city's statement, at the city's step only.
ONSITE_POLICY = {
	"已提交市级": {"create": frozenset({"city"})},
	"市级现场核查": {"read": OWN, "list": OWN, "write": frozenset({"city"}), "delete": frozenset({"city"})},
	"专家评审": {
		"create": NOBODY,
		"read": OWN | {"expert"},
		"list": OWN | {"expert"},
		"write": NOBODY,
		"delete": NOBODY,
	},
}
# The 推荐汇总表 of 太原市: its city's, read by the province too; never the counties' or experts'.
RECOMMENDATION_POLICY = {
	"create": frozenset({"city"}),
	"read": frozenset({"city", "province"}),
	"list": frozenset({"city", "province"}),
	"write": frozenset({"city"}),
	"delete": frozenset({"city"}),
}
# The review assigned to the expert: the province assigns it, the expert scores within its marks.
EXPERT_REVIEW_POLICY = {
	"create": frozenset({"province"}),
	"read": frozenset({"expert", "province"}),
	"list": frozenset({"expert", "province"}),
	"write": frozenset({"expert", "province"}),
	"full_marks": frozenset({"province"}),
	"delete": frozenset({"province"}),
}
# Rows of child tables are written only through their parent: refused on their own for everyone,
# including the role that may write the parent. (child DocType, parent key in the world, table)
CHILD_TABLES = (
	("Application Answer", "draft", "answers", "county"),
	("Application Target", "draft", "targets", "county"),
	("Recommendation Item", "listing", "items", "city"),
	("Expert Review Score", "review", "scores", "expert"),
	("Round Opening", "round", "openings", "province"),
	("Sub-sector Industry Average", "sub_sector", "industry_averages", "province"),
)
PARENTS = {
	"draft": "Cluster Application",
	"listing": "Recommendation List",
	"review": "Expert Review",
	"round": "Declaration Round",
	"sub_sector": "Cluster Sub-sector",
}


def cells(policy: dict) -> list[tuple[str, str]]:
	return [(op, role) for op in policy for role in sessions.ROLES]


def state_cells(policy: dict) -> list[tuple[str, str, str]]:
	return [(state, op, role) for state, ops in policy.items() for op, role in cells(ops)]


def committed(action):
	result = action()
	frappe.db.commit()
	return result


@pytest.fixture(scope="module")
def world(server):
	"""Committed: a cluster of 小店区 with its records, one of 迎泽区, a filing in each state, its
	on-site statement, the city's recommendation list and the expert's review."""
	people.make_people()
	clients = sessions.clients(server)
	library_cluster = make.cluster(name="矩阵测试小店区库集群").name
	filing_cluster = filings.cluster_with_figures(name="矩阵测试小店区申报集群")
	records = {
		doctype: frappe.get_doc({"doctype": doctype, **values}).insert().name
		for doctype, (values, _field) in library_records(library_cluster).items()
	}
	frappe.db.commit()
	rounds = {state: chain.test_round(quota_per_city=0, quota_per_sub_sector=0) for state in FILING_POLICY}
	rounds["create"] = chain.test_round()
	rounds["delete"] = chain.test_round()
	frappe.db.commit()
	filings_by_state = {}
	for state in FILING_POLICY:
		doc = committed(lambda state=state: draft(filing_cluster, rounds[state]))
		if state == "市级现场核查":
			doc = committed(lambda doc=doc: advance(doc, "市级现场核查"))
			committed(lambda doc=doc: chain.verify_on_site(doc))
		elif state != "草稿":
			doc = committed(lambda doc=doc, state=state: advance(doc, state))
		filings_by_state[state] = doc.name
	review_filing = filings_by_state["专家评审"]
	(review,) = committed(
		lambda: as_user(people.PROVINCE, lambda: assign_experts(review_filing, [people.EXPERT]))
	)
	listing = committed(
		lambda: as_user(
			people.CITY,
			lambda: frappe.get_doc(
				{
					"doctype": "Recommendation List",
					"declaration_round": rounds["市级已推荐"],
					"filing_kind": "申报",
					"recommending_unit": make.CITY,
					"items": [{"application": filings_by_state["市级已推荐"]}],
				}
			).insert(),
		)
	).name
	world = {
		"clients": clients,
		"cluster": library_cluster,
		"filing_cluster": filing_cluster,
		"records": records,
		"rounds": rounds,
		"filings": filings_by_state,
		"review": review,
		"listing": listing,
		"draft": filings_by_state["草稿"],
		"round": rounds["草稿"],
		"sub_sector": frappe.db.get_value("Industrial Cluster", filing_cluster, "sub_sector"),
	}
	yield world
	remove_world(world)


def remove_world(world):
	"""Filings past the draft cannot be deleted through the app (by design): remove the test's rows."""
	frappe.db.rollback()
	names = list(world["filings"].values())
	names += frappe.get_all("Cluster Application", filters={"cluster": world["filing_cluster"]}, pluck="name")
	for doctype in ("Expert Review", "Onsite Verification", "Cluster Evidence"):
		for name in frappe.get_all(doctype, filters={"application": ("in", names)}, pluck="name"):
			frappe.db.delete("Expert Review Score", {"parent": name})
			frappe.db.delete(doctype, {"name": name})
	for name in frappe.get_all(
		"Recommendation List",
		filters={"declaration_round": ("in", list(world["rounds"].values()))},
		pluck="name",
	):
		frappe.db.delete("Recommendation Item", {"parent": name})
		frappe.db.delete("Recommendation List", {"name": name})
	for table in ("Application Answer", "Application Target"):
		frappe.db.delete(table, {"parent": ("in", names)})
	frappe.db.delete("Workflow Action", {"reference_name": ("in", names)})
	frappe.db.delete("ToDo", {"reference_name": ("in", [world["review"]])})
	frappe.db.delete("Cluster Application", {"name": ("in", names)})
	for doctype, name in world["records"].items():
		if frappe.db.exists(doctype, name) and doctype != "Industrial Cluster":
			frappe.delete_doc(doctype, name, force=True, ignore_permissions=True)
	for cluster in (world["cluster"], world["filing_cluster"], world["records"]["Industrial Cluster"]):
		frappe.db.delete("Cluster Annual Indicator", {"cluster": cluster})
		for doctype in LIBRARY_DOCTYPES[3:]:
			frappe.db.delete(doctype, {"cluster": cluster})
		frappe.delete_doc("Industrial Cluster", cluster, force=True, ignore_permissions=True)
	for name in frappe.get_all(
		"Enterprise", filters={"enterprise_name": ("like", "矩阵测试%")}, pluck="name"
	):
		frappe.db.delete("Enterprise Honour", {"parent": name})
		frappe.db.delete("Enterprise", {"name": name})
	for round_name in world["rounds"].values():
		frappe.delete_doc("Declaration Round", round_name, force=True, ignore_permissions=True)
	frappe.db.commit()
	people.remove_people()


# What one request as a role did (each asserts the server did not fail with a 5xx).


def answered(response):
	assert response.status_code < 500, response.text[:500]
	return response


def fresh(doctype, name, field=None):
	frappe.db.rollback()  # a new snapshot: see what the server committed
	if field is None:
		return frappe.db.exists(doctype, name)
	return frappe.db.get_value(doctype, name, field)


def can_read(client, doctype, name) -> bool:
	return answered(client.get(doctype, name)).status_code == 200


def can_list(client, doctype, name) -> bool:
	response = answered(
		client.session.get(
			f"{client.url}/api/resource/{doctype}",
			params={"filters": json.dumps([["name", "=", name]]), "limit_page_length": 0},
		)
	)
	return response.ok and [row["name"] for row in response.json()["data"]] == [name]


def can_create(client, doctype, values) -> bool:
	response = answered(client.session.post(f"{client.url}/api/resource/{doctype}", json=values))
	if not response.ok:
		return False
	name = response.json()["data"]["name"]
	assert fresh(doctype, name)
	remove(doctype, name)
	return True


def can_write(client, doctype, name, field, value) -> bool:
	response = answered(client.update(doctype, name, {field: value}))
	stored = fresh(doctype, name, field)
	done = flt(stored) == flt(value) if isinstance(value, int | float) else stored == value
	# a field above the user's permission level is dropped from the save (200, nothing stored)
	assert response.ok or not done, (response.status_code, stored)
	return done


def can_delete(client, doctype, name) -> bool:
	response = answered(client.session.delete(f"{client.url}/api/resource/{doctype}/{name}"))
	gone = not fresh(doctype, name)
	assert gone == response.ok
	return gone


def remove(doctype, name):
	if doctype == "Recommendation List":
		frappe.db.delete("Recommendation Item", {"parent": name})
	if doctype == "Cluster Application":
		for table in ("Application Answer", "Application Target"):
			frappe.db.delete(table, {"parent": name})
		frappe.db.delete("Workflow Action", {"reference_name": name})
	if doctype == "Expert Review":
		frappe.db.delete("Expert Review Score", {"parent": name})
		frappe.db.delete("ToDo", {"reference_name": name})
	frappe.db.delete(doctype, {"name": name})
	frappe.db.commit()


def attempt(client, op, doctype, name, *, values=None, write=None, recreate=None) -> bool:
	"""One request as the client: create (the values), read, list, write (a (field, value) pair) or
	delete the record; recreate() puts a deleted record back for the next cell."""
	if op == "create":
		return can_create(client, doctype, values)
	if op == "read":
		return can_read(client, doctype, name)
	if op == "list":
		return can_list(client, doctype, name)
	if op == "write":
		return can_write(client, doctype, name, *write)
	done = can_delete(client, doctype, name)
	if done and recreate:
		recreate()
	return done


def value_for(role: str, field_type: type = str):
	return 2000 + sessions.ROLES.index(role) if field_type is int else f"{role}写入"


# The cells.


@pytest.mark.parametrize("doctype", LIBRARY_DOCTYPES)
@pytest.mark.parametrize("op, role", cells(LIBRARY_POLICY))
def test_library_records(world, doctype, op, role):
	client, name = world["clients"][role], world["records"][doctype]
	values, field = library_records(world["cluster"])[doctype]
	frappe.db.commit()  # the enterprise a new library entry links to
	if op == "delete":
		name = committed(lambda: frappe.get_doc({"doctype": doctype, **values}).insert().name)
	kind = int if field in ("employees", "joined_year") else str
	done = attempt(client, op, doctype, name, values=values, write=(field, value_for(role, kind)))
	if op == "delete" and not done:
		frappe.delete_doc(doctype, name, force=True, ignore_permissions=True)
		frappe.db.commit()
	assert done == (role in LIBRARY_POLICY[op])


@pytest.mark.parametrize("state, op, role", state_cells(FILING_POLICY))
def test_filings(world, state, op, role):
	client, name = world["clients"][role], world["filings"][state]
	doctype = "Cluster Application"
	if op == "read":
		done = can_read(client, doctype, name)
	elif op == "list":
		done = can_list(client, doctype, name)
	elif op == "content":
		done = can_write(client, doctype, name, "declarant", value_for(role))
	elif op == "opinion":
		done = can_write(client, doctype, name, "higher_level_opinion", value_for(role))
	elif op == "status":
		done = can_write(client, doctype, name, "status", NEXT_STATE[state])
	elif state == "草稿":
		victim = committed(lambda: draft(world["filing_cluster"], world["rounds"]["delete"]).name)
		done = can_delete(client, doctype, victim)
		if not done:
			remove(doctype, victim)
	else:
		done = can_delete(client, doctype, name)
	assert done == (role in FILING_POLICY[state][op])
	assert fresh(doctype, name, "status") == state


@pytest.mark.parametrize("role", sessions.ROLES)
def test_creating_filings(world, role):
	values = {
		"cluster": world["filing_cluster"],
		"declaration_round": world["rounds"]["create"],
		"filing_kind": "申报",
		"level": "省级",
	}
	assert can_create(world["clients"][role], "Cluster Application", values) == (role in FILING_CREATE)


@pytest.mark.parametrize("state, op, role", state_cells(ONSITE_POLICY))
def test_onsite_verifications(world, state, op, role):
	client, application = world["clients"][role], world["filings"][state]
	doctype = "Onsite Verification"
	done = attempt(
		client,
		op,
		doctype,
		frappe.db.get_value(doctype, {"application": application}),
		values=onsite_values(application),
		write=("remarks", value_for(role)),
		recreate=lambda: committed(lambda: frappe.get_doc(onsite_values(application)).insert()),
	)
	assert done == (role in ONSITE_POLICY[state][op])


def listing_values(world, state: str) -> dict:
	"""The city's recommendation list of the round of the filing in that state."""
	return {
		"doctype": "Recommendation List",
		"declaration_round": world["rounds"][state],
		"filing_kind": "申报",
		"recommending_unit": make.CITY,
		"items": [{"application": world["filings"][state]}],
	}


@pytest.mark.parametrize("op, role", cells(RECOMMENDATION_POLICY))
def test_recommendation_lists(world, op, role):
	def recreate():
		world["listing"] = committed(
			lambda: frappe.get_doc(listing_values(world, "市级已推荐")).insert()
		).name

	done = attempt(
		world["clients"][role],
		op,
		"Recommendation List",
		world["listing"],
		values=listing_values(world, "专家评审"),
		write=("contact", value_for(role)),
		recreate=recreate,
	)
	assert done == (role in RECOMMENDATION_POLICY[op])


@pytest.mark.parametrize("op, role", cells(EXPERT_REVIEW_POLICY))
def test_expert_reviews(world, op, role):
	client, doctype, name = world["clients"][role], "Expert Review", world["review"]
	values = {
		"doctype": doctype,
		"application": world["filings"]["专家评审"],
		"expert": people.OTHER_EXPERT,
		"scores": [{"criterion_group": group, "max_score": 12.5} for group in GROUPS],
	}
	if op == "full_marks":
		rows = frappe.get_all(
			"Expert Review Score", filters={"parent": name}, fields=["name", "criterion_group"]
		)
		raised = [{**row, "max_score": 20} for row in rows]
		response = answered(client.update(doctype, name, {"scores": raised}))
		done = fresh("Expert Review Score", rows[0].name, "max_score") == 20
		assert done == response.ok
		frappe.db.set_value("Expert Review Score", {"parent": name}, "max_score", 12.5)
		frappe.db.commit()
	else:
		if op == "delete":
			name = committed(lambda: frappe.get_doc(values).insert()).name
		done = attempt(client, op, doctype, name, values=values, write=("overall_comment", value_for(role)))
		if op == "delete" and not done:
			remove(doctype, name)
	assert done == (role in EXPERT_REVIEW_POLICY[op])


@pytest.mark.parametrize("child, parent_key, table, owner", CHILD_TABLES)
@pytest.mark.parametrize("op", ("create", "write", "delete"))
def test_child_rows_only_through_their_parent(world, child, parent_key, table, owner, op):
	client, parenttype, parent = world["clients"][owner], PARENTS[parent_key], world[parent_key]
	rows = frappe.get_all(child, filters={"parent": parent, "parentfield": table}, fields=["*"])
	assert rows, f"{parenttype} {parent} has no {table}"
	before = {row.name: row.modified for row in rows}
	row = rows[0]
	if op == "create":
		values = {k: v for k, v in row.items() if k not in ("name", "creation", "modified", "idx")}
		response = client.session.post(f"{client.url}/api/resource/{child}", json=values)
	elif op == "write":
		text_fields = [
			df.fieldname for df in frappe.get_meta(child).fields if df.fieldtype in ("Data", "Small Text")
		]
		values = {text_fields[0] if text_fields else "idx": "改写"}
		response = client.update(child, row.name, values)
	else:
		response = client.session.delete(f"{client.url}/api/resource/{child}/{row.name}")
	answered(response)
	assert not response.ok
	frappe.db.rollback()
	after = frappe.get_all(
		child, filters={"parent": parent, "parentfield": table}, fields=["name", "modified"]
	)
	assert {r.name: r.modified for r in after} == before
