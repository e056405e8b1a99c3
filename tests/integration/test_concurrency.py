"""Requests that arrive together, on a running server that serves them in parallel: the quotas and
the one-record-per-key rules hold, the loser gets a clear Chinese refusal (never a 500), and exactly
one record is stored."""

import secrets
import threading
from concurrent.futures import ThreadPoolExecutor

import approval_builders as chain
import builders as make
import filing_builders as filings
import frappe
import people
import pytest
from approval_builders import act, advance, draft
from conftest import SITE
from rest_client import RestClient, refused_by, server_message

from cluster_registry.cluster_registry.input_checks import label

RUN = secrets.token_hex(3)
RACERS = 5


@pytest.fixture(scope="module")
def keys(server):
	"""API keys of the officials (committed); the officials and what the tests made are removed after."""
	people.make_people()
	keys = people.api_keys()
	yield keys
	purge()
	people.remove_people()


def client(server, keys, user) -> RestClient:
	return RestClient(server, SITE, keys[user])


def race(calls: list) -> list:
	"""Run the calls in parallel threads, released together by a barrier; their responses in order."""
	barrier = threading.Barrier(len(calls))

	def run(call):
		barrier.wait()
		return call()

	with ThreadPoolExecutor(len(calls)) as pool:
		return list(pool.map(run, calls))


def apply_action(rest: RestClient, doc, action: str):
	return rest.session.post(
		f"{rest.url}/api/method/frappe.model.workflow.apply_workflow",
		data={"doc": frappe.as_json({"doctype": doc.doctype, "name": doc.name}), "action": action},
	)


def committed_cluster(name: str, sector: str | None = None) -> str:
	cluster = make.cluster(
		name=f"{name}{RUN}",
		sub_sector=sector
		or make.sub_sector("体检测试细分领域", industry_averages=[{"year": 2025, **filings.AVERAGES}]),
		area_km2=20,
		operator="小店区产业园管委会",
	).name
	for year, values in filings.FIGURES.items():
		make.indicator(cluster, year, **values)
	return cluster


def purge():
	"""Remove what the module committed: its clusters with their filings and records, its rounds."""
	frappe.db.rollback()
	clusters = frappe.get_all("Industrial Cluster", {"cluster_name": ("like", f"%{RUN}")}, pluck="name")
	applications = frappe.get_all("Cluster Application", {"cluster": ("in", clusters or [""])}, pluck="name")
	rounds = frappe.get_all("Declaration Round", {"round_title": ("like", f"%{RUN}")}, pluck="name")
	for doctype, field, values in (
		("Application Answer", "parent", applications),
		("Application Target", "parent", applications),
		("Onsite Verification", "application", applications),
		("Workflow Action", "reference_name", applications),
		("Cluster Application", "name", applications),
		("Round Opening", "parent", rounds),
		("Declaration Round", "name", rounds),
	):
		frappe.db.delete(doctype, {field: ("in", values or [""])})
	for doctype in (
		"Cluster Annual Indicator",
		"Cluster Enterprise",
		"Cluster Project",
		"Cluster Patent",
		"Cluster Standard",
	):
		frappe.db.delete(doctype, {"cluster": ("in", clusters or [""])})
	for cluster in clusters:
		frappe.delete_doc("Industrial Cluster", cluster, force=True, ignore_permissions=True)
	frappe.db.delete("Enterprise", {"enterprise_name": ("like", f"%{RUN}")})
	for sector in frappe.get_all("Cluster Sub-sector", {"name": ("like", f"%{RUN}")}, pluck="name"):
		frappe.delete_doc("Cluster Sub-sector", sector, force=True, ignore_permissions=True)
	frappe.db.commit()


def at_the_citys_recommendation(cluster: str, round_name: str):
	doc = advance(draft(cluster, round_name), "市级现场核查")
	chain.verify_on_site(doc)
	return doc


def settled(responses) -> tuple[list, list]:
	"""The accepted responses and the refused ones, after checking that none was a server error."""
	assert all(r.status_code < 500 for r in responses), [
		(r.status_code, r.text[-3000:]) for r in responses if not r.ok
	]
	frappe.db.rollback()  # read what the server committed
	return [r for r in responses if r.ok], [r for r in responses if not r.ok]


def test_two_recommendations_racing_for_the_last_place_of_a_city(server, keys):
	round_name = chain.test_round(round_title=f"并发推荐测试{RUN}", quota_per_city=1, quota_per_sub_sector=0)
	first = at_the_citys_recommendation(committed_cluster("山西省太原市小店区并发甲集群"), round_name)
	second = at_the_citys_recommendation(committed_cluster("山西省太原市小店区并发乙集群"), round_name)
	frappe.db.commit()

	city = [client(server, keys, people.CITY) for _ in range(2)]
	accepted, refused = settled(
		race([lambda: apply_action(city[0], first, "推荐"), lambda: apply_action(city[1], second, "推荐")])
	)

	assert (len(accepted), len(refused)) == (1, 1)
	assert refused[0].status_code == 417
	assert refused_by(refused[0]) == "CityQuotaExceededError"
	states = {frappe.db.get_value("Cluster Application", d.name, "status") for d in (first, second)}
	assert states == {"市级已推荐", "市级现场核查"}


def test_two_recommendations_racing_for_the_place_of_one_sub_sector(server, keys):
	round_name = chain.test_round(round_title=f"并发领域测试{RUN}", quota_per_city=3, quota_per_sub_sector=1)
	sector = make.sub_sector(f"并发测试细分领域{RUN}", industry_averages=[{"year": 2025, **filings.AVERAGES}])
	doc_a = at_the_citys_recommendation(
		committed_cluster("山西省太原市小店区同领域甲集群", sector), round_name
	)
	doc_b = at_the_citys_recommendation(
		committed_cluster("山西省太原市小店区同领域乙集群", sector), round_name
	)
	frappe.db.commit()

	city = [client(server, keys, people.CITY) for _ in range(2)]
	accepted, refused = settled(
		race([lambda: apply_action(city[0], doc_a, "推荐"), lambda: apply_action(city[1], doc_b, "推荐")])
	)

	assert (len(accepted), len(refused)) == (1, 1)
	assert refused_by(refused[0]) == "SubSectorQuotaExceededError"
	recommended = frappe.get_all(
		"Cluster Application", {"declaration_round": round_name, "status": "市级已推荐"}, pluck="name"
	)
	assert len(recommended) == 1


def test_two_recommendations_to_miit_racing_for_the_provinces_last_place(server, keys):
	round_name = chain.test_round(round_title=f"并发部级测试{RUN}", quota_per_city=0, quota_per_sub_sector=0)
	recognised = []
	for name in ("山西省太原市小店区部级甲集群", "山西省太原市小店区部级乙集群"):
		doc = advance(draft(committed_cluster(name), round_name, level="国家级"), "专家评审")
		act(doc, "认定", people.PROVINCE)
		recognised.append(doc)
	frappe.db.commit()

	province = [client(server, keys, people.PROVINCE) for _ in range(2)]
	accepted, refused = settled(
		race([lambda i=i: apply_action(province[i], recognised[i], "推荐至工信部") for i in range(2)])
	)

	assert (len(accepted), len(refused)) == (1, 1)
	assert refused_by(refused[0]) == "MiitQuotaExceededError"
	states = sorted(frappe.db.get_value("Cluster Application", d.name, "status") for d in recognised)
	assert states == ["已推荐工信部", "省级认定"]


@pytest.fixture(scope="module")
def library(keys):
	"""A committed cluster, round and enterprise of 小店区 for the duplicate races."""
	cluster = committed_cluster("山西省太原市小店区并发重复集群")
	round_name = chain.test_round(round_title=f"并发重复测试{RUN}")
	enterprise = make.enterprise(f"太原并发企业{RUN}")
	frappe.db.commit()
	return {"cluster": cluster, "round": round_name, "enterprise": enterprise}


# (DocType, values, the field that names the duplicate in the message)
SAME_RECORD = [
	(
		"Cluster Application",
		lambda lib: {
			"cluster": lib["cluster"],
			"declaration_round": lib["round"],
			"filing_kind": "申报",
			"level": "省级",
		},
		None,
	),
	(
		"Cluster Enterprise",
		lambda lib: {"cluster": lib["cluster"], "enterprise": lib["enterprise"], "joined_year": 2020},
		"enterprise",
	),
	(
		"Cluster Project",
		lambda lib: {
			"cluster": lib["cluster"],
			"project_name": "年产5万吨高强铝合金项目",
			"status": "在建",
			"total_investment": 12.5,
		},
		"project_name",
	),
	(
		"Cluster Patent",
		lambda lib: {
			"cluster": lib["cluster"],
			"patent_no": "ZL202310999888.1",
			"title": "一种高强铝合金",
			"grant_year": 2023,
			"patent_type": "发明专利",
			"holder_name": "太原新材有限公司",
		},
		"patent_no",
	),
	(
		"Cluster Standard",
		lambda lib: {
			"cluster": lib["cluster"],
			"standard_no": "T/SXXC 009-2024",
			"standard_name": "高强铝合金型材",
			"category": "团体",
			"role": "主持",
			"drafting_rank": 1,
			"year": 2024,
		},
		"standard_no",
	),
	(
		"Cluster Annual Indicator",
		lambda lib: {"cluster": lib["cluster"], "year": 2021, "total_output": 40},
		None,
	),
	(
		"Enterprise",
		lambda lib: {"uscc": make.uscc(4242), "enterprise_name": f"并发登记企业{RUN}", "region": make.COUNTY},
		"uscc",
	),
]


@pytest.mark.parametrize("doctype, values, key", SAME_RECORD, ids=[case[0] for case in SAME_RECORD])
def test_five_simultaneous_posts_of_the_same_record_store_one(server, keys, library, doctype, values, key):
	values = values(library)
	county = [client(server, keys, people.COUNTY) for _ in range(RACERS)]
	accepted, refused = settled(race([lambda c=c: c.insert(doctype, values) for c in county]))

	assert len(accepted) == 1, [(r.status_code, server_message(r)) for r in refused]
	assert {r.status_code for r in refused} == {409}
	stored = frappe.get_all(
		doctype, filters={k: v for k, v in values.items() if k != "total_output"}, pluck="name"
	)
	assert stored == [accepted[0].json()["data"]["name"]]
	for response in refused:
		assert refused_by(response) == "AlreadyRecordedError"  # the app's rule, not Frappe's unnamed one
		message = server_message(response)
		assert stored[0] in message or values.get("cluster", "") in message  # it names the record kept
		if key:
			assert label(doctype, key) in message
