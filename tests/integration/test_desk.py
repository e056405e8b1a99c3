"""The desk an official lives in: its role's workspace after login, only the app's workspaces in the
sidebar, to-do counts and dashboard figures that follow the territory (over HTTP, as each official),
and a real ToDo and notification for an assigned expert."""

import json

import builders as make
import filing_builders as filings
import frappe
import people
import pytest
import requests
from conftest import SITE
from frappe.utils import add_days, today
from worker import forget_queued_jobs, run_queued_jobs

DATONG_COUNTY = "140213"  # 大同市平城区
# county: statuses of its filings in this round
FILINGS = {
	"140105": ("草稿", "退回修改", "已提交市级"),
	"140106": ("草稿", "市级现场核查"),
	DATONG_COUNTY: ("市级已推荐",),
}


@pytest.fixture(scope="module")
def desk(server):
	"""Filings of three counties in two cities, in known states, with a county deadline passed."""
	people.make_people()
	round_name = filings.declaration_round()
	made = []
	for county, states in FILINGS.items():
		place = frappe.db.get_value("Administrative Region", county, "region_name")
		for number, state in enumerate(states):
			cluster = make.cluster(name=f"工作台测试{place}{number}号产业集群", county=county).name
			doc = filings.application(cluster, round_name)
			frappe.db.set_value("Cluster Application", doc.name, "status", state)
			made.append((cluster, doc.name))
	frappe.db.set_value("Declaration Round", round_name, "round_year", year())
	frappe.db.set_value("Cluster Application", {"declaration_round": round_name}, "round_year", year())
	round_doc = frappe.get_doc("Declaration Round", round_name)
	for row in round_doc.openings:
		row.county_deadline = add_days(today(), -1)
		row.city_deadline = add_days(today(), 10)
	round_doc.save()
	frappe.db.commit()
	sessions = {user: login(server, user) for user in people.PEOPLE}
	yield {"round": round_name, "filings": made, "sessions": sessions, "url": server}
	for cluster, application in made:
		frappe.db.delete("Expert Review", {"application": application})
		frappe.db.set_value(
			"Cluster Application", application, "status", "草稿"
		)  # a submitted filing is kept
		frappe.delete_doc("Cluster Application", application, force=True, ignore_permissions=True)
		frappe.delete_doc("Industrial Cluster", cluster, force=True, ignore_permissions=True)
	frappe.delete_doc("Declaration Round", round_name, force=True, ignore_permissions=True)
	frappe.db.commit()
	people.remove_people()


def year() -> int:
	return int(today()[:4])


def login(url: str, user: str) -> requests.Session:
	"""A browser-like session: the official logs in with a password, as at the login page."""
	doc = frappe.get_doc("User", user)
	doc.new_password = "Desk-test-2026!"
	doc.save(ignore_permissions=True)
	frappe.db.commit()
	session = requests.Session()
	session.headers.update({"Host": SITE, "Accept": "application/json"})
	response = session.post(f"{url}/api/method/login", data={"usr": user, "pwd": "Desk-test-2026!"})
	response.raise_for_status()
	session.home_page = response.json().get("home_page")
	return session


def browser_filters(name: str, doctype="Number Card") -> list:
	"""The filters the desk sends for a card or chart: its filters and its dynamic ones, evaluated."""
	doc = frappe.get_doc(doctype, name)
	values = {
		"frappe.datetime.get_today().slice(0, 4)": str(year()),
		"frappe.datetime.get_today()": today(),
		"String(Number(frappe.datetime.get_today().slice(0, 4)) - 3)": str(year() - 3),
	}
	dynamic = [[*f[:3], values[f[3]]] for f in json.loads(doc.dynamic_filters_json or "[]")]
	return json.loads(doc.filters_json or "[]") + dynamic


def card(desk, user: str, name: str) -> float:
	session = desk["sessions"][user]
	response = session.post(
		f"{desk['url']}/api/method/frappe.desk.doctype.number_card.number_card.get_result",
		data={
			"doc": json.dumps(frappe.get_doc("Number Card", name).as_dict(), default=str),
			"filters": json.dumps(browser_filters(name)),
		},
	)
	assert response.status_code == 200, response.text
	return response.json()["message"]


def chart_response(desk, user: str, name: str) -> requests.Response:
	return desk["sessions"][user].post(
		f"{desk['url']}/api/method/cluster_registry.cluster_registry.dashboard_chart_source."
		"cluster_desk_figures.cluster_desk_figures.get",
		data={"chart_name": name, "filters": json.dumps(browser_filters(name, "Dashboard Chart"))},
	)


def chart(desk, user: str, name: str) -> dict:
	response = chart_response(desk, user, name)
	assert response.status_code == 200, response.text
	message = response.json()["message"]
	return dict(zip(message["labels"], message["datasets"][0]["values"], strict=True))


def counted(regions, **filters) -> int:
	"""Counted straight in the database, as the official's territory delimits it."""
	return frappe.db.count("Cluster Application", {"county": ("in", regions), **filters})


def counties_of(region: str) -> list[str]:
	lft, rgt = frappe.db.get_value("Administrative Region", region, ["lft", "rgt"])
	return frappe.get_all(
		"Administrative Region", filters={"lft": (">=", lft), "rgt": ("<=", rgt)}, pluck="name"
	)


def test_each_official_lands_on_the_workspace_of_its_role(desk):
	homes = {
		people.COUNTY: "/app/cluster-county-desk",
		people.OPERATOR: "/app/cluster-county-desk",
		people.CITY: "/app/cluster-city-desk",
		people.PROVINCE: "/app/cluster-province-desk",
		people.EXPERT: "/app/cluster-expert-desk",
	}
	for user, home in homes.items():
		assert desk["sessions"][user].home_page == home, user


def test_the_sidebar_offers_officials_only_the_apps_workspaces(desk):
	for user in (people.COUNTY, people.CITY, people.PROVINCE, people.EXPERT):
		response = desk["sessions"][user].get(
			f"{desk['url']}/api/method/frappe.desk.desktop.get_workspace_sidebar_items"
		)
		assert response.status_code == 200, response.text
		pages = {page["name"] for page in response.json()["message"]["pages"]}
		assert not pages & {"Users", "Website", "Tools", "Integrations", "Build"}, (user, pages)
		assert "Cluster Registry" in pages
	county_pages = {
		page["name"]
		for page in desk["sessions"][people.COUNTY]
		.get(f"{desk['url']}/api/method/frappe.desk.desktop.get_workspace_sidebar_items")
		.json()["message"]["pages"]
	}
	assert "Cluster County Desk" in county_pages
	assert not county_pages & {"Cluster City Desk", "Cluster Province Desk", "Cluster Expert Desk"}


def test_to_do_counts_follow_the_territory(desk):
	xiaodian, yingze = ["140105"], ["140106"]
	taiyuan, shanxi = counties_of("140100"), counties_of("140000")
	assert card(desk, people.COUNTY, "Cluster County Drafts") == counted(xiaodian, status="草稿") >= 1
	assert card(desk, people.OTHER_COUNTY, "Cluster County Drafts") == counted(yingze, status="草稿") >= 1
	assert card(desk, people.COUNTY, "Cluster County Returned") == counted(xiaodian, status="退回修改") >= 1
	late = {"status": ("in", ("草稿", "退回修改")), "county_deadline": ("<", today())}
	assert card(desk, people.COUNTY, "Cluster County Late") == counted(xiaodian, **late) >= 2
	assert card(desk, people.PROVINCE, "Cluster County Late") == counted(shanxi, **late) >= 3
	assert card(desk, people.CITY, "Cluster City To Check") == counted(taiyuan, status="已提交市级") >= 1
	assert card(desk, people.OTHER_CITY, "Cluster City To Check") == counted(
		counties_of("140200"), status="已提交市级"
	)
	assert (
		card(desk, people.CITY, "Cluster City To Recommend") == counted(taiyuan, status="市级现场核查") >= 1
	)
	assert (
		card(desk, people.PROVINCE, "Cluster Province To Accept") == counted(shanxi, status="市级已推荐") >= 1
	)
	assert card(desk, people.CITY, "Cluster Province To Accept") == counted(taiyuan, status="市级已推荐")
	this_round = {"round_year": year()}
	assert card(desk, people.CITY, "Cluster Filings This Round") == counted(taiyuan, **this_round) >= 5
	assert card(desk, people.PROVINCE, "Cluster Filings This Round") == counted(shanxi, **this_round) >= 6
	assert card(desk, people.COUNTY, "Cluster Filings This Round") == counted(xiaodian, **this_round) >= 3


def test_dashboard_charts_follow_the_territory_for_each_user(desk):
	# The province looks first: what it sees must not be what the city is shown next.
	by_city = chart(desk, people.PROVINCE, "Cluster Filings by Region")
	assert by_city["太原市"] == counted(counties_of("140100"), round_year=year()) >= 5
	assert by_city["大同市"] == counted(counties_of("140200"), round_year=year()) >= 1
	by_county = chart(desk, people.CITY, "Cluster Filings by Region")
	assert "大同市" not in by_county and "平城区" not in by_county
	assert by_county["小店区"] == counted(["140105"], round_year=year()) >= 3
	assert by_county["迎泽区"] == counted(["140106"], round_year=year()) >= 2
	by_state = chart(desk, people.OTHER_CITY, "Cluster Filings by State")
	datong = counties_of("140200")
	assert by_state == {
		state: counted(datong, round_year=year(), status=state)
		for state in frappe.get_all(
			"Cluster Application", filters={"county": ("in", datong), "round_year": year()}, pluck="status"
		)
	}
	assert by_state["市级已推荐"] >= 1 and "草稿" not in by_state
	# The dashboard is the city's and the province's: a county is refused it, as is a guest.
	assert chart_response(desk, people.COUNTY, "Cluster Filings by Region").status_code == 403
	guest = requests.post(
		f"{desk['url']}/api/method/cluster_registry.cluster_registry.dashboard_chart_source."
		"cluster_desk_figures.cluster_desk_figures.get",
		headers={"Host": SITE},
		data={"chart_name": "Cluster Filings by Region"},
	)
	assert guest.status_code == 403
	quota = chart(desk, people.PROVINCE, "Cluster Quota Use by Region")
	assert quota["大同市"] == counted(counties_of("140200"), round_year=year(), status=("not in", EARLY)) >= 1
	assert quota.get("太原市", 0) == counted(
		counties_of("140100"), round_year=year(), status=("not in", EARLY)
	)


EARLY = ("草稿", "已提交市级", "退回修改", "市级现场核查")


def test_a_card_opens_the_list_behind_it_with_the_same_count(desk):
	"""The desk routes a card's click to the list with the card's filters: the list holds as many."""
	session = desk["sessions"][people.CITY]
	response = session.get(
		f"{desk['url']}/api/resource/Cluster Application",
		params={"filters": json.dumps(browser_filters("Cluster City To Check")), "limit_page_length": 0},
	)
	assert len(response.json()["data"]) == card(desk, people.CITY, "Cluster City To Check")


def test_the_assigned_expert_gets_a_todo_and_a_notification(desk):
	_cluster, application = desk["filings"][0]
	frappe.db.set_value("Cluster Application", application, "status", "专家评审")
	frappe.db.commit()
	forget_queued_jobs("default")
	response = desk["sessions"][people.PROVINCE].post(
		f"{desk['url']}/api/method/cluster_registry.cluster_registry.doctype.expert_review.expert_review.assign_experts",
		data={"application": application, "experts": json.dumps([people.EXPERT])},
	)
	assert response.status_code == 200, response.text
	[review] = response.json()["message"]
	run_queued_jobs()
	todos = frappe.get_all(
		"ToDo",
		filters={"reference_type": "Expert Review", "reference_name": review, "status": "Open"},
		pluck="allocated_to",
	)
	assert todos == [people.EXPERT]
	notified = frappe.get_all(
		"Notification Log",
		filters={"document_type": "Expert Review", "document_name": review},
		pluck="for_user",
	)
	assert notified == [people.EXPERT]
	assert card(desk, people.EXPERT, "Cluster Reviews To Declare") == 1
	assert card(desk, people.OTHER_EXPERT, "Cluster Reviews To Declare") == 0
