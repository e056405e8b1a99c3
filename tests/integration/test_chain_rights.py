"""Nobody forges a step of the chain: each attack of issue 8 (who may write what) tried over HTTP
against the running server, as the officials of two counties, two cities, the province, the
experts, the operator and Guest would try it."""

import json
from concurrent.futures import ThreadPoolExecutor

import approval_builders as chain
import builders as make
import filing_builders as filings
import frappe
import people
import pytest
import sessions
from approval_builders import advance, as_user
from rest_client import refused_by

from cluster_registry.cluster_registry.doctype.expert_review.expert_review import assign_experts

THEIR_COUNTY = "140106"  # 迎泽区, the other county of 太原市


def cluster_with_figures(name: str, county: str) -> str:
	sector = make.sub_sector("链测细分领域", industry_averages=[{"year": 2025, **filings.AVERAGES}])
	cluster = make.cluster(name=name, county=county, sub_sector=sector, area_km2=20, operator="园区管委会")
	for year, values in filings.FIGURES.items():
		make.indicator(cluster.name, year, **values)
	return cluster.name


def draft_of(user, cluster, round_name):
	return as_user(user, lambda: filings.complete(filings.application(cluster, round_name)))


@pytest.fixture(scope="module")
def world(server):
	"""Committed: a cluster in each county of 太原市, a draft of each, and filings of 小店区 at the
	city's step, recommended, and under expert review (one per round)."""
	people.make_people()
	clients = sessions.clients(server)
	mine = cluster_with_figures("链测小店区集群", make.COUNTY)
	theirs = cluster_with_figures("链测迎泽区集群", THEIR_COUNTY)
	rounds = [chain.test_round(quota_per_city=0, quota_per_sub_sector=0) for _ in range(5)]
	frappe.db.commit()
	world = {"clients": clients, "mine": mine, "theirs": theirs, "rounds": rounds}
	world["draft"] = draft_of(people.COUNTY, mine, rounds[0]).name
	world["their_draft"] = draft_of(people.OTHER_COUNTY, theirs, rounds[0]).name
	frappe.db.commit()
	for key, round_name, state in (
		("submitted", rounds[1], "已提交市级"),
		("recommended", rounds[2], "市级已推荐"),
		("other_recommended", rounds[3], "市级已推荐"),
		("review", rounds[4], "专家评审"),
	):
		world[key] = advance(draft_of(people.COUNTY, mine, round_name), state).name
		frappe.db.commit()
	world["expert_review"] = as_user(
		people.PROVINCE, lambda: assign_experts(world["review"], [people.EXPERT])
	)[0]
	frappe.db.commit()
	yield world
	remove_world(world)


def remove_world(world):
	frappe.db.rollback()
	names = frappe.get_all(
		"Cluster Application", filters={"cluster": ("in", [world["mine"], world["theirs"]])}, pluck="name"
	)
	for doctype in ("Expert Review", "Onsite Verification"):
		for name in frappe.get_all(doctype, filters={"application": ("in", names)}, pluck="name"):
			frappe.db.delete("Expert Review Score", {"parent": name})
			frappe.db.delete("ToDo", {"reference_name": name})
			frappe.db.delete(doctype, {"name": name})
	for name in frappe.get_all(
		"Recommendation List", filters={"declaration_round": ("in", world["rounds"])}, pluck="name"
	):
		frappe.db.delete("Recommendation Item", {"parent": name})
		frappe.db.delete("Recommendation List", {"name": name})
	for table in ("Application Answer", "Application Target"):
		frappe.db.delete(table, {"parent": ("in", names)})
	frappe.db.delete("Workflow Action", {"reference_name": ("in", names)})
	frappe.db.delete("Cluster Application", {"name": ("in", names)})
	for cluster in (world["mine"], world["theirs"]):
		for doctype in ("Cluster Annual Indicator", "Cluster Enterprise", "Cluster Patent"):
			frappe.db.delete(doctype, {"cluster": cluster})
		frappe.delete_doc("Industrial Cluster", cluster, force=True, ignore_permissions=True)
	for round_name in world["rounds"]:
		frappe.delete_doc("Declaration Round", round_name, force=True, ignore_permissions=True)
	frappe.db.commit()
	people.remove_people()


def stored(doctype, name, field):
	frappe.db.rollback()
	return frappe.db.get_value(doctype, name, field)


def refused(response) -> str:
	"""Asserts the request was refused (4xx) and returns the class of the error: the rule that refused."""
	assert 400 <= response.status_code < 500, (response.status_code, response.text[:300])
	return (
		refused_by(response)
		if response.headers.get("content-type", "").startswith("application/json")
		else ""
	)


# 1. the on-site statement is the city's


def test_only_the_filings_city_attests_it_on_site_and_only_at_its_step(world):
	c, submitted = world["clients"], world["submitted"]
	for role in ("county", "operator", "province", "expert", "other_city", "other_county", "guest"):
		refused(c[role].insert("Onsite Verification", chain.onsite_values(submitted)))
	assert not frappe.db.exists("Onsite Verification", {"application": submitted})
	made = c["city"].insert("Onsite Verification", chain.onsite_values(submitted))
	assert made.ok, made.text[:300]
	name = made.json()["data"]["name"]
	refused(c["county"].update("Onsite Verification", name, {"conclusion": "符合", "remarks": "县自证"}))
	assert stored("Onsite Verification", name, "remarks") is None
	refused(c["county"].session.delete(f"{c['county'].url}/api/resource/Onsite Verification/{name}"))
	assert stored("Onsite Verification", name, "conclusion") == "符合"
	# once the city has recommended, its statement stands as it was
	recommended = frappe.db.get_value("Onsite Verification", {"application": world["recommended"]})
	assert refused(c["city"].update("Onsite Verification", recommended, {"remarks": "事后修改"})) == (
		"NotAtTheCityError"
	)
	refused(c["city"].session.delete(f"{c['city'].url}/api/resource/Onsite Verification/{recommended}"))
	assert stored("Onsite Verification", recommended, "remarks") is None
	# the statement cannot be moved onto another filing
	refused(c["city"].update("Onsite Verification", name, {"application": world["review"]}))
	assert stored("Onsite Verification", name, "application") == submitted


# 2. the opinion and the reasons for return are the higher level's


def test_the_opinion_block_prints_only_what_the_higher_level_wrote(world):
	from cluster_registry.cluster_registry.outputs.api import cluster_application_html

	c = world["clients"]
	c["county"].update("Cluster Application", world["draft"], {"higher_level_opinion": "县自拟：同意推荐"})
	assert not stored("Cluster Application", world["draft"], "higher_level_opinion")
	c["county"].update(
		"Cluster Application", world["submitted"], {"higher_level_opinion": "县自拟：同意推荐"}
	)
	assert not stored("Cluster Application", world["submitted"], "higher_level_opinion")
	assert (
		refused(
			c["province"].update(
				"Cluster Application", world["submitted"], {"higher_level_opinion": "省级意见"}
			)
		)
		== "StepFieldsOfAnotherLevelError"
	)
	assert not stored("Cluster Application", world["submitted"], "higher_level_opinion")
	written = c["city"].update(
		"Cluster Application", world["submitted"], {"higher_level_opinion": "经核查，同意推荐。"}
	)
	assert written.ok, written.text[:300]
	frappe.db.rollback()
	html = as_user(
		people.COUNTY,
		lambda: cluster_application_html(frappe.get_doc("Cluster Application", world["submitted"])),
	)
	assert "经核查，同意推荐。" in html and "县自拟" not in html


def test_the_reasons_for_return_are_written_by_the_returning_level(world):
	c, name = world["clients"], world["submitted"]
	c["county"].call(
		"frappe.client.set_value",
		doctype="Cluster Application",
		name=name,
		fieldname="return_reason",
		value="县自拟",
	)
	assert not stored("Cluster Application", name, "return_reason")
	response = c["city"].session.post(
		f"{c['city'].url}/api/method/frappe.client.set_value",
		data={
			"doctype": "Cluster Application",
			"name": name,
			"fieldname": "return_reason",
			"value": "请补充佐证",
		},
	)
	assert response.ok, response.text[:300]
	assert stored("Cluster Application", name, "return_reason") == "请补充佐证"


# 3. a filing is on one list per round, even when two lists are saved at once


def test_a_filing_is_on_one_recommendation_list(world):
	city = world["clients"]["city"]
	application = world["other_recommended"]
	round_name = frappe.db.get_value("Cluster Application", application, "declaration_round")
	values = {
		"declaration_round": round_name,
		"filing_kind": "申报",
		"recommending_unit": make.CITY,
		"items": [{"application": application}],
	}

	def post(_):
		return city.session.post(f"{city.url}/api/resource/Recommendation List", json=values)

	with ThreadPoolExecutor(4) as pool:
		responses = list(pool.map(post, range(4)))
	assert all(r.status_code < 500 for r in responses), [r.text[:200] for r in responses]
	assert sum(r.ok for r in responses) == 1
	frappe.db.rollback()
	assert frappe.db.count("Recommendation Item", {"application": application}) == 1
	assert refused(post(None)) == "FilingListedTwiceError"
	# the county never keeps a recommendation list
	refused(world["clients"]["county"].insert("Recommendation List", values))


# 4. nothing submitted is deleted, whatever the path


@pytest.mark.parametrize("role", ("county", "city", "province", "operator"))
def test_a_submitted_filing_is_never_deleted(world, role):
	client, name = world["clients"][role], world["submitted"]
	refused(client.session.delete(f"{client.url}/api/resource/Cluster Application/{name}"))
	refused(
		client.session.post(
			f"{client.url}/api/method/frappe.client.delete",
			data={"doctype": "Cluster Application", "name": name},
		)
	)
	client.session.post(
		f"{client.url}/api/method/frappe.desk.reportview.delete_items",
		data={"items": json.dumps([name]), "doctype": "Cluster Application"},
	)
	assert stored("Cluster Application", name, "status") == "已提交市级"


def test_not_even_the_administrator_deletes_a_submitted_filing(world, api):
	refused(api.session.delete(f"{api.url}/api/resource/Cluster Application/{world['review']}"))
	assert stored("Cluster Application", world["review"], "status") == "专家评审"


# 5. and 8. the state moves only by workflow actions; edits only by the level of the step


def test_the_state_moves_only_by_a_workflow_action(world):
	city, name = world["clients"]["city"], world["submitted"]
	assert refused(city.update("Cluster Application", name, {"status": "市级现场核查"})) == (
		"StateByWorkflowOnlyError"
	)
	assert stored("Cluster Application", name, "status") == "已提交市级"
	refused(
		world["clients"]["county"].update("Cluster Application", world["draft"], {"status": "已提交市级"})
	)
	assert stored("Cluster Application", world["draft"], "status") == "草稿"


def test_the_city_and_the_province_do_not_edit_a_county_draft(world):
	for role in ("city", "province"):
		refused(world["clients"][role].update("Cluster Application", world["draft"], {"declarant": "代填"}))
	assert stored("Cluster Application", world["draft"], "declarant") != "代填"


# 6. experts


def test_a_recusal_is_final_and_full_marks_are_the_provinces(world):
	expert, name = world["clients"]["expert"], world["expert_review"]
	rows = frappe.get_all("Expert Review Score", filters={"parent": name}, fields=["name", "criterion_group"])
	raised = [{**row, "max_score": 50} for row in rows]
	assert refused(expert.update("Expert Review", name, {"scores": raised})) == "FullMarksFixedError"
	assert stored("Expert Review Score", rows[0].name, "max_score") == 12.5
	assert expert.update("Expert Review", name, {"conflict_declaration": "存在利益冲突（回避）"}).ok
	withdrawn = expert.update("Expert Review", name, {"conflict_declaration": "无利益冲突"})
	assert refused(withdrawn) == "RecusalFinalError"
	assert stored("Expert Review", name, "review_status") == "已回避"
	# a recused expert no longer reads the filing
	assert world["clients"]["expert"].get("Cluster Application", world["review"]).status_code == 403


@pytest.mark.parametrize(
	"doctype",
	(
		"Industrial Cluster",
		"Cluster Annual Indicator",
		"Enterprise",
		"Cluster Enterprise",
		"Recommendation List",
	),
)
def test_an_expert_does_not_browse_the_registry(world, doctype):
	response = world["clients"]["other_expert"].session.get(
		f"{world['clients']['other_expert'].url}/api/resource/{doctype}"
	)
	assert response.status_code == 403 or response.json()["data"] == []


# 8. links that decide territory


def test_a_record_cannot_be_moved_into_another_county(world):
	county, theirs, mine = world["clients"]["county"], world["theirs"], world["mine"]
	made = county.insert(
		"Cluster Patent",
		{
			"cluster": mine,
			"patent_no": "ZL202399999999.1",
			"title": "链测专利",
			"grant_year": 2023,
			"patent_type": "发明专利",
		},
	)
	assert made.ok, made.text[:300]
	name = made.json()["data"]["name"]
	refused(county.update("Cluster Patent", name, {"cluster": theirs}))
	assert stored("Cluster Patent", name, "cluster") == mine
	# a record of the other county, with this county's region sent along, stays theirs and unchanged
	other = as_user(
		people.OTHER_COUNTY,
		lambda: frappe.get_doc(
			{
				"doctype": "Cluster Patent",
				"cluster": theirs,
				"patent_no": "ZL202388888888.1",
				"title": "迎泽专利",
				"grant_year": 2023,
				"patent_type": "发明专利",
			}
		).insert(),
	)
	frappe.db.commit()
	refused(county.update("Cluster Patent", other.name, {"title": "被改写", "county": make.COUNTY}))
	assert stored("Cluster Patent", other.name, "title") == "迎泽专利"
	refused(
		county.insert(
			"Cluster Patent",
			{
				"cluster": theirs,
				"county": make.COUNTY,
				"patent_no": "ZL202377777777.1",
				"title": "冒名",
				"grant_year": 2023,
				"patent_type": "发明专利",
			},
		)
	)
	assert not frappe.db.exists("Cluster Patent", {"patent_no": "ZL202377777777.1"})


def test_answers_of_a_filing_are_not_written_on_their_own(world):
	county, theirs = world["clients"]["county"], world["their_draft"]
	row = frappe.get_all(
		"Application Answer", filters={"parent": theirs}, fields=["name", "item_key"], limit=1
	)[0]
	refused(
		county.insert(
			"Application Answer",
			{
				"parent": theirs,
				"parenttype": "Cluster Application",
				"parentfield": "answers",
				"item_key": row.item_key,
				"value": "篡改",
			},
		)
	)
	refused(county.update("Application Answer", row.name, {"value": "篡改"}))
	frozen = frappe.get_all(
		"Application Answer", filters={"parent": world["submitted"]}, fields=["name"], limit=1
	)[0]
	refused(county.update("Application Answer", frozen.name, {"value": "篡改"}))
	frappe.db.rollback()
	assert not frappe.db.exists("Application Answer", {"value": "篡改"})
	listing = as_user(
		people.CITY,
		lambda: frappe.get_doc(
			{
				"doctype": "Recommendation List",
				"declaration_round": frappe.db.get_value(
					"Cluster Application", world["recommended"], "declaration_round"
				),
				"filing_kind": "申报",
				"recommending_unit": make.CITY,
				"items": [{"application": world["recommended"]}],
			}
		).insert(),
	)
	frappe.db.commit()
	item = {"parent": listing.name, "parenttype": "Recommendation List", "parentfield": "items"}
	for role in ("city", "other_city"):
		refused(
			world["clients"][role].insert(
				"Recommendation Item", {**item, "application": world["their_draft"]}
			)
		)
	frappe.db.rollback()
	assert frappe.get_all("Recommendation Item", filters={"parent": listing.name}, pluck="application") == [
		world["recommended"]
	]


# 19. the 待办 of workflow actions


def workflow_actions(client, reference_name) -> list:
	return client.list("Workflow Action", [["reference_name", "=", reference_name]]) if client else []


def test_each_official_lists_only_the_actions_of_its_territory(world):
	c = world["clients"]
	assert workflow_actions(c["city"], world["submitted"])
	assert workflow_actions(c["other_city"], world["submitted"]) == []
	assert workflow_actions(c["other_county"], world["submitted"]) == []
	assert workflow_actions(c["county"], world["their_draft"]) == []
	assert workflow_actions(c["other_county"], world["their_draft"])


# 20. counts, group-bys and link searches keep to territory


def test_a_county_cannot_count_or_probe_another_countys_filings(world):
	county, theirs = world["clients"]["county"], world["theirs"]
	probe = json.dumps([["cluster", "=", theirs]])
	assert (
		county.call("frappe.client.get_count", doctype="Cluster Application", filters=probe).json()["message"]
		== 0
	)
	assert (
		county.call(
			"frappe.client.get_count",
			doctype="Cluster Application",
			filters=json.dumps([["cluster", "=", world["mine"]]]),
		).json()["message"]
		>= 1
	)
	assert (
		county.call("frappe.desk.reportview.get_count", doctype="Cluster Application", filters=probe).json()[
			"message"
		]
		== 0
	)
	groups = county.call(
		"frappe.desk.listview.get_group_by_count",
		doctype="Cluster Application",
		current_filters=probe,
		field="status",
	).json()["message"]
	assert groups == []
	assigned = county.call(
		"frappe.desk.listview.get_group_by_count",
		doctype="Expert Review",
		current_filters="[]",
		field="assigned_to",
	)
	assert assigned.status_code == 403 or assigned.json()["message"] == []
	for doctype, reference in (
		("Cluster Application", "Cluster Evidence"),
		("Industrial Cluster", "Cluster Patent"),
	):
		for method in ("frappe.desk.search.search_link", "frappe.desk.search.search_widget"):
			found = county.call(
				method, doctype=doctype, txt="链测", reference_doctype=reference, ignore_user_permissions=1
			)
			assert found.ok, found.text[:300]
			text = json.dumps(found.json())
			assert world["their_draft"] not in text and theirs not in text
