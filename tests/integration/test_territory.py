"""Territory on every surface: a county sees its own, a city its counties, the province all of its
own — in lists, forms, the REST API, Script Reports, prints and file downloads."""

import builders as make
import frappe
import people
import pytest
from conftest import SITE
from rest_client import RestClient

TAIYUAN_COUNTIES = ("140105", "140106")  # 小店区, 迎泽区


@pytest.fixture(scope="module")
def territory(server):
	"""Two clusters in two counties of 太原市, one filing with a private evidence file (committed)."""
	people.make_people()
	clusters = {}
	for county in TAIYUAN_COUNTIES:
		name = frappe.db.get_value("Administrative Region", county, "region_name")
		clusters[county] = make.cluster(name=f"领地测试{name}装备产业集群", county=county).name
		frappe.get_doc(
			{
				"doctype": "Cluster Annual Indicator",
				"cluster": clusters[county],
				"year": 2025,
				"total_output": 50,
			}
		).insert()
	file = frappe.get_doc(
		{
			"doctype": "File",
			"file_name": "领地测试佐证.txt",
			"content": "佐证",
			"is_private": 1,
			"attached_to_doctype": "Industrial Cluster",
			"attached_to_name": clusters["140105"],
		}
	).insert()
	frappe.db.commit()
	keys = {}
	for user in people.PEOPLE:
		doc = frappe.get_doc("User", user)
		secret = frappe.generate_hash(length=15)
		doc.api_key, doc.api_secret = doc.api_key or frappe.generate_hash(length=15), secret
		doc.save(ignore_permissions=True)
		keys[user] = f"token {doc.api_key}:{secret}"
	frappe.db.commit()
	yield {"clusters": clusters, "file": file.file_url, "keys": keys}
	for cluster in clusters.values():
		frappe.db.delete("Cluster Annual Indicator", {"cluster": cluster})
		frappe.delete_doc("Industrial Cluster", cluster, force=True, ignore_permissions=True)
	frappe.delete_doc("File", file.name, force=True, ignore_permissions=True)
	frappe.db.commit()
	people.remove_people()


def visible(user, doctype="Industrial Cluster") -> set[str]:
	frappe.set_user(user)
	try:
		return set(
			frappe.get_list(
				doctype,
				filters={"cluster_name": ("like", "领地测试%")},
				pluck="name",
			)
		)
	finally:
		frappe.set_user("Administrator")


def test_lists(territory):
	mine, theirs = territory["clusters"]["140105"], territory["clusters"]["140106"]
	assert visible(people.COUNTY) == {mine}
	assert visible(people.OTHER_COUNTY) == {theirs}
	assert visible(people.CITY) == {mine, theirs}
	assert visible(people.OTHER_CITY) == set()
	assert visible(people.PROVINCE) == {mine, theirs}
	assert visible(people.COUNTY, "Cluster Annual Indicator") == {f"{mine}-2025"}


def test_forms(territory):
	theirs = territory["clusters"]["140106"]
	frappe.set_user(people.COUNTY)
	try:
		assert not frappe.has_permission("Industrial Cluster", "read", doc=theirs)
		with pytest.raises(frappe.PermissionError):
			frappe.get_doc("Industrial Cluster", theirs).check_permission("read")
	finally:
		frappe.set_user("Administrator")


def rest(server, territory, user) -> RestClient:
	return RestClient(server, SITE, territory["keys"][user])


def test_rest_api(server, territory):
	mine, theirs = territory["clusters"]["140105"], territory["clusters"]["140106"]
	county = rest(server, territory, people.COUNTY)
	assert county.get("Industrial Cluster", mine).status_code == 200
	assert county.get("Industrial Cluster", theirs).status_code == 403
	assert {
		row["name"] for row in county.list("Industrial Cluster", [["cluster_name", "like", "领地测试%"]])
	} == {mine}
	# writing into another county is refused too
	response = county.insert(
		"Cluster Annual Indicator", {"cluster": theirs, "year": 2024, "total_output": 10}
	)
	assert response.status_code == 403
	city = rest(server, territory, people.CITY)
	assert {
		row["name"] for row in city.list("Industrial Cluster", [["cluster_name", "like", "领地测试%"]])
	} == {mine, theirs}
	assert rest(server, territory, people.OTHER_CITY).get("Industrial Cluster", mine).status_code == 403


def test_script_reports(territory):
	from cluster_registry.cluster_registry.report.cluster_indicator_summary.cluster_indicator_summary import (
		execute,
	)

	def clusters_in_report(user):
		frappe.set_user(user)
		try:
			return {
				row.cluster
				for row in execute({"year": 2025})[1]
				if row.cluster in territory["clusters"].values()
			}
		finally:
			frappe.set_user("Administrator")

	assert clusters_in_report(people.COUNTY) == {territory["clusters"]["140105"]}
	assert clusters_in_report(people.CITY) == set(territory["clusters"].values())
	assert clusters_in_report(people.OTHER_CITY) == set()


def test_script_reports_over_http(server, territory):
	county = rest(server, territory, people.COUNTY)
	response = county.call(
		"frappe.desk.query_report.run", report_name="Cluster Indicator Summary", filters='{"year": 2025}'
	)
	assert response.status_code == 200
	names = {row.get("cluster") for row in response.json()["message"]["result"] if isinstance(row, dict)}
	assert territory["clusters"]["140105"] in names and territory["clusters"]["140106"] not in names


def test_prints(server, territory):
	theirs, mine = territory["clusters"]["140106"], territory["clusters"]["140105"]
	county = rest(server, territory, people.COUNTY)
	refused = county.session.get(
		f"{server}/api/method/frappe.utils.print_format.download_pdf",
		params={"doctype": "Industrial Cluster", "name": theirs},
	)
	assert refused.status_code in (403, 404), refused.text[:300]
	assert not refused.content.startswith(b"%PDF")
	allowed = county.session.get(
		f"{server}/api/method/frappe.utils.print_format.download_pdf",
		params={"doctype": "Industrial Cluster", "name": mine},
	)
	assert allowed.status_code == 200, allowed.json().get("exception")
	assert allowed.content.startswith(b"%PDF")


def test_file_downloads(server, territory):
	url = f"{server}{territory['file']}"
	assert rest(server, territory, people.COUNTY).session.get(url).status_code == 200
	assert rest(server, territory, people.OTHER_COUNTY).session.get(url).status_code == 403
	assert rest(server, territory, people.OTHER_CITY).session.get(url).status_code == 403
