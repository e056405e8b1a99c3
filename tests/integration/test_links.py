"""Links over the REST API of a running server: a link to a record that does not exist is refused
with a Chinese message naming the field, and a link to another territory's record is refused with
the same message, which names nothing the user may not see."""

import secrets

import approval_builders as chain
import builders as make
import filing_builders as filings
import frappe
import people
import pytest
from conftest import SITE
from rest_client import RestClient, refused_by, server_message

from cluster_registry.cluster_registry.input_checks import label

RUN = secrets.token_hex(3)
MINE, THEIRS = "140105", "140106"  # 小店区, 迎泽区 of 太原市
NOWHERE = "CL-99999"


@pytest.fixture(scope="module")
def world(server):
	"""Two clusters of two counties, with figures, an enterprise and a draft filing each (committed)."""
	people.make_people()
	keys = people.api_keys()
	made = {}
	round_name = chain.test_round(round_title=f"链接测试{RUN}")
	for county, prefix in ((MINE, "本县"), (THEIRS, "邻县")):
		cluster = make.cluster(name=f"链接测试{prefix}秘密集群{RUN}", county=county, operator="管委会")
		make.indicator(cluster.name, 2025, total_output=50)
		enterprise = make.enterprise(f"链接测试{prefix}秘密企业{RUN}", region=county)
		filing = filings.application(cluster.name, round_name)
		made[county] = {
			"cluster": cluster.name,
			"cluster_name": cluster.cluster_name,
			"enterprise": enterprise,
			"enterprise_name": f"链接测试{prefix}秘密企业{RUN}",
			"filing": filing.name,
		}
	frappe.db.commit()
	yield {"server": server, "keys": keys, "round": round_name, **made}
	frappe.db.rollback()
	for county in (MINE, THEIRS):
		for doctype in ("Application Answer", "Application Target"):
			frappe.db.delete(doctype, {"parent": made[county]["filing"]})
		frappe.db.delete("Cluster Application", {"name": made[county]["filing"]})
		for doctype in ("Cluster Annual Indicator", "Cluster Enterprise"):
			frappe.db.delete(doctype, {"cluster": made[county]["cluster"]})
		frappe.delete_doc("Industrial Cluster", made[county]["cluster"], force=True, ignore_permissions=True)
		frappe.db.delete("Enterprise", {"name": made[county]["enterprise"]})
	frappe.db.delete("Round Opening", {"parent": round_name})
	frappe.db.delete("Declaration Round", {"name": round_name})
	frappe.db.commit()
	people.remove_people()


def rest(world, user) -> RestClient:
	return RestClient(world["server"], SITE, world["keys"][user])


def refused_naming_the_field(response, doctype: str, field: str) -> str:
	"""Refused by the link rule, with a message that names the field by its label."""
	assert response.status_code == 417, (response.status_code, response.text[:800])
	assert refused_by(response) == "LinkNotUsableError", response.text[:800]
	message = server_message(response)
	assert label(doctype, field) in message, message
	return message


# A link to nothing, on each kind of record a county writes (the fetched links that Frappe skips).
DANGLING = [
	("Cluster Annual Indicator", "cluster", lambda w: {"cluster": NOWHERE, "county": MINE, "year": 2024}),
	(
		"Cluster Application",
		"cluster",
		lambda w: {
			"cluster": NOWHERE,
			"declaration_round": w["round"],
			"filing_kind": "申报",
			"level": "省级",
		},
	),
	(
		"Cluster Application",
		"declaration_round",
		lambda w: {
			"cluster": w[MINE]["cluster"],
			"declaration_round": "DR-2026-999",
			"filing_kind": "申报",
			"level": "省级",
		},
	),
	(
		"Cluster Enterprise",
		"enterprise",
		lambda w: {"cluster": w[MINE]["cluster"], "enterprise": make.uscc(9191), "joined_year": 2020},
	),
	(
		"Cluster Enterprise",
		"cluster",
		lambda w: {
			"cluster": NOWHERE,
			"county": MINE,
			"enterprise": w[MINE]["enterprise"],
			"joined_year": 2020,
		},
	),
	(
		"Cluster Patent",
		"enterprise",
		lambda w: {
			"cluster": w[MINE]["cluster"],
			"enterprise": make.uscc(9192),
			"patent_no": f"ZL2023{RUN}.1",
			"title": "一种装备",
			"grant_year": 2023,
			"patent_type": "发明专利",
		},
	),
	(
		"Cluster Evidence",
		"application",
		lambda w: {
			"application": "CA-2026-99999",
			"county": MINE,
			"evidence_title": "佐证",
			"file": "/files/x.pdf",
		},
	),
	(
		"Industrial Cluster",
		"sub_sector",
		lambda w: {
			"cluster_name": f"链接测试无领域集群{RUN}",
			"county": MINE,
			"lead_industry": "智能装备",
			"sub_sector": f"不存在的细分领域{RUN}",
			"competent_authority": "小店区工业和信息化局",
		},
	),
]


@pytest.mark.parametrize("doctype, field, values", DANGLING, ids=[f"{d}.{f}" for d, f, _v in DANGLING])
def test_a_link_to_a_record_that_does_not_exist_is_refused(world, doctype, field, values):
	response = rest(world, people.COUNTY).insert(doctype, values(world))
	refused_naming_the_field(response, doctype, field)
	frappe.db.rollback()
	assert not frappe.db.exists(doctype, {field: values(world)[field]})


def test_message_of_a_table_row_linking_nothing_names_its_row(world):
	response = rest(world, people.CITY).insert(
		"Recommendation List",
		{
			"declaration_round": world["round"],
			"filing_kind": "申报",
			"recommending_unit": make.CITY,
			"items": [{"application": "CA-2026-99999"}],
		},
	)
	message = refused_naming_the_field(response, "Recommendation Item", "application")
	assert "第1行" in message


def test_moving_a_record_to_another_countys_cluster_names_nothing_of_it(world):
	"""The other county has figures for 2025: the duplicate message would name its cluster."""
	county = rest(world, people.COUNTY)
	mine = county.insert("Cluster Annual Indicator", {"cluster": world[MINE]["cluster"], "year": 2023})
	assert mine.status_code == 200, server_message(mine)
	name = mine.json()["data"]["name"]
	response = county.update(
		"Cluster Annual Indicator", name, {"cluster": world[THEIRS]["cluster"], "year": 2025}
	)
	assert response.status_code in (403, 417), response.text[:500]
	assert world[THEIRS]["cluster_name"] not in response.text
	assert f"{world[THEIRS]['cluster']}-2025" not in response.text
	frappe.db.rollback()
	assert frappe.db.get_value("Cluster Annual Indicator", name, "cluster") == world[MINE]["cluster"]
	county.delete_created()


@pytest.mark.parametrize(
	"doctype, values",
	[
		(
			"Cluster Enterprise",
			lambda w: {
				"cluster": w[MINE]["cluster"],
				"enterprise": w[THEIRS]["enterprise"],
				"joined_year": 2020,
			},
		),
		(
			"Cluster Annual Indicator",
			lambda w: {"cluster": w[THEIRS]["cluster"], "county": MINE, "year": 2025},
		),
		(
			"Cluster Patent",
			lambda w: {
				"cluster": w[MINE]["cluster"],
				"enterprise": w[THEIRS]["enterprise"],
				"patent_no": f"ZL2024{RUN}.2",
				"title": "一种装备",
				"grant_year": 2023,
				"patent_type": "发明专利",
			},
		),
	],
	ids=[
		"member from another county",
		"figures of another county's cluster",
		"patent of another county's enterprise",
	],
)
def test_linking_another_countys_record_answers_without_naming_it(world, doctype, values):
	response = rest(world, people.COUNTY).insert(doctype, values(world))
	assert response.status_code in (403, 417), response.text[:500]
	for secret in (world[THEIRS]["cluster_name"], world[THEIRS]["enterprise_name"]):
		assert secret not in response.text
	frappe.db.rollback()
	assert not frappe.db.exists(doctype, {"cluster": values(world)["cluster"], "owner": people.COUNTY})


def test_registering_another_countys_credit_code_does_not_name_its_enterprise(world):
	theirs = frappe.db.get_value("Enterprise", world[THEIRS]["enterprise"], "uscc")
	response = rest(world, people.COUNTY).insert(
		"Enterprise", {"uscc": theirs, "enterprise_name": "另起的名字", "region": MINE}
	)
	assert response.status_code == 409, response.text[:500]
	message = server_message(response)
	assert world[THEIRS]["enterprise_name"] not in response.text
	assert refused_by(response) == "AlreadyRecordedError" and label("Enterprise", "uscc") in message
	# the county that registered it is told which enterprise holds the code
	response = rest(world, people.OTHER_COUNTY).insert(
		"Enterprise", {"uscc": theirs, "enterprise_name": "另起的名字", "region": THEIRS}
	)
	assert response.status_code == 409 and world[THEIRS]["enterprise_name"] in server_message(response)


def test_another_citys_filing_on_a_list_is_refused_without_its_name(world):
	response = rest(world, people.OTHER_CITY).insert(
		"Recommendation List",
		{
			"declaration_round": world["round"],
			"filing_kind": "申报",
			"recommending_unit": "140200",
			"items": [{"application": world[MINE]["filing"]}],
		},
	)
	assert response.status_code in (403, 417), response.text[:500]
	assert world[MINE]["cluster_name"] not in response.text
	refused_naming_the_field(response, "Recommendation Item", "application")
