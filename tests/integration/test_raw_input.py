"""Bad input over the REST API never reaches a server error: each value is refused with a Chinese
message naming the field, nothing is saved; control characters pasted from Word are removed."""

import json

import builders as make
import frappe
import pytest
from rest_client import refused_by, server_message

from cluster_registry.cluster_registry.input_checks import label

NAME = "山西省太原市小店区输入测试产业集群"


def cluster_values(**values) -> dict:
	return {
		"cluster_name": NAME,
		"county": make.COUNTY,
		"lead_industry": "智能装备",
		"sub_sector": make.sub_sector(),
		"competent_authority": "太原市小店区工业和信息化局",
		**values,
	}


@pytest.fixture
def sector():
	make.sub_sector()
	frappe.db.commit()


@pytest.fixture(autouse=True)
def remove_what_the_server_saved(api):
	yield
	api.delete_created()
	frappe.db.commit()


def post(api, doctype: str, values: dict):
	"""POST as any client may send it: JSON with NaN and Infinity literals too (Python's json reads
	them, and so does Frappe)."""
	response = api.session.post(
		f"{api.url}/api/resource/{doctype}",
		data=json.dumps(values),
		headers={"Content-Type": "application/json"},
	)
	if response.ok:
		api.created.append((doctype, response.json()["data"]["name"]))
	return response


def stored_clusters() -> int:
	frappe.db.rollback()  # read what the server committed
	return frappe.db.count("Industrial Cluster", {"cluster_name": NAME})


BAD = [
	("area_km2", "NaN"),
	("area_km2", float("nan")),
	("area_km2", "Infinity"),
	("area_km2", float("-inf")),
	("area_km2", "1e309"),
	("area_km2", "abc"),
	("area_km2", 10**13),
	("area_km2", [1, 2]),
	("established_year", "2026年"),
	("established_year", 2026.5),
	("established_year", "abc"),
	("established_year", 2**31),
	("lead_products", "集" * 100_000),
	("industry_field", "长" * 141),
	("lead_industry", {"a": 1}),
]


@pytest.mark.parametrize("field, value", BAD, ids=[f"{f}={str(v)[:12]}" for f, v in BAD])
def test_bad_values_are_refused_with_the_field_named(api, sector, field, value):
	response = post(api, "Industrial Cluster", cluster_values(**{field: value}))
	assert response.status_code == 417, response.text[:300]
	assert refused_by(response) == "RawValueError", response.text[:300]
	message = server_message(response)
	assert label("Industrial Cluster", field) in message, message
	assert stored_clusters() == 0


def test_an_impossible_date_in_a_table_row(api, sector):
	row = {"level": "省级", "year": 2020, "valid_until": "2026-02-30"}
	response = api.insert("Industrial Cluster", cluster_values(recognitions=[row]))
	assert response.status_code == 417, response.text[:300]
	assert refused_by(response) == "RawValueError", response.text[:300]
	message = server_message(response)
	assert "第1行" in message and label("Cluster Recognition", "valid_until") in message  # the row, the field
	assert "2026-02-28" in message  # what to type
	assert stored_clusters() == 0


def test_a_bad_change_leaves_the_record_as_it_was(api, sector):
	created = api.insert("Industrial Cluster", cluster_values(area_km2=20))
	assert created.status_code == 200, server_message(created)
	name = created.json()["data"]["name"]
	for value in ("NaN", "20平方公里", 1e300):
		response = api.update("Industrial Cluster", name, {"area_km2": value, "established_year": 2010})
		assert response.status_code == 417, response.text[:300]
	frappe.db.rollback()
	assert frappe.db.get_value("Industrial Cluster", name, ["area_km2", "established_year"]) == (20, 0)


def test_control_characters_from_word_are_removed(api, sector):
	response = api.insert(
		"Industrial Cluster",
		cluster_values(lead_products="数控机床\x0b工业机器人\x01", operator="园区\x07管委会"),
	)
	assert response.status_code == 200, server_message(response)
	frappe.db.rollback()
	stored = frappe.db.get_value(
		"Industrial Cluster", response.json()["data"]["name"], ["lead_products", "operator"]
	)
	assert stored == ("数控机床工业机器人", "园区管委会")


@pytest.mark.parametrize(
	"report, filters",
	[
		("Cluster Indicator Summary", '{"year": "abc"}'),
		("Cluster Indicator Summary", '{"year": "2026年"}'),
		("Clusters Due for Review", '{"round_year": "1e309"}'),
		("Expert Review Ranking", '{"declaration_round": ["a", "b"]}'),
	],
)
def test_a_report_with_a_bad_filter_answers_empty_with_a_message(api, report, filters):
	response = api.call("frappe.desk.query_report.run", report_name=report, filters=filters)
	assert response.status_code == 200, response.text[:300]
	body = response.json()["message"]
	assert body["result"] == []
	assert "请" in body["message"]
	assert not frappe.db.get_value("Report", report, "prepared_report")


def test_a_missing_credit_code_is_named_in_chinese(api):
	response = api.insert("Enterprise", {"enterprise_name": "太原无代码企业有限公司", "region": make.COUNTY})
	assert response.status_code == 417, response.text[:300]
	message = server_message(response)
	assert "统一社会信用代码" in message and "Unified Social Credit Code" not in message


def test_a_taken_cluster_name_is_named_in_chinese(api, sector):
	assert api.insert("Industrial Cluster", cluster_values()).status_code == 200
	response = api.insert("Industrial Cluster", cluster_values())
	assert response.status_code == 409, response.text[:300]
	message = server_message(response)
	assert "集群名称" in message and "Cluster Name" not in message
	assert stored_clusters() == 1


def test_a_name_that_looks_like_json_is_not_echoed_as_markup(api):
	code = make.uscc(881)
	hostile = '{"x": "<img src=x onerror=alert(1)>"}'
	first = api.insert("Enterprise", {"uscc": code, "enterprise_name": hostile, "region": make.COUNTY})
	assert first.status_code == 200, server_message(first)
	response = api.insert("Enterprise", {"uscc": code, "enterprise_name": "太原另一企业有限公司"})
	assert response.status_code == 409, response.text[:300]
	message = server_message(response)
	assert "<img" not in message and "&lt;img" in message
