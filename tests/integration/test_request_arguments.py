"""Every whitelisted method of the app, called over HTTP as a county officer, an expert and Guest
with its arguments missing or garbled (not JSON, huge, NUL, another county's filing), answers
with a refusal (4xx, a Chinese message naming the argument where one is missing), never a server
error (HTTP 500)."""

import importlib
import inspect
import json
import pkgutil

import evidence_builders as build
import frappe
import people
import pytest
import requests
from conftest import SITE
from rest_client import server_message

import cluster_registry

FILING = "Cluster Application"
GARBLED = ["", "不存在", "x'\"<script>alert(1)</script>", "9" * 5000, "null", "-1", "\x00", '{"a": [1']


def app_methods() -> list[str]:
	for module in pkgutil.walk_packages(cluster_registry.__path__, "cluster_registry."):
		if ".tests" not in module.name:
			importlib.import_module(module.name)
	return sorted(
		f"{function.__module__}.{function.__name__}"
		for function in frappe.whitelisted
		if function.__module__.startswith("cluster_registry.")
	)


METHODS = app_methods()
GUEST_METHODS = {f"{function.__module__}.{function.__name__}" for function in frappe.guest_methods}


@pytest.fixture(scope="module")
def setup(server):
	made = build.two_counties(server)
	made["clients"][people.EXPERT] = build.client(server, people.EXPERT)
	guest = requests.Session()
	guest.headers["Host"] = SITE
	made["sessions"] = {
		people.COUNTY: made["clients"][people.COUNTY].session,
		people.EXPERT: made["clients"][people.EXPERT].session,
		"Guest": guest,
	}
	yield made
	build.remove(made)


def parameters(method: str) -> dict[str, inspect.Parameter]:
	module, name = method.rsplit(".", 1)
	found = inspect.signature(getattr(importlib.import_module(module), name)).parameters
	return {name: p for name, p in found.items() if p.kind != inspect.Parameter.VAR_KEYWORD}


def required(method: str) -> list[str]:
	return [name for name, p in parameters(method).items() if p.default is inspect.Parameter.empty]


def test_the_app_has_its_methods_listed():
	assert "cluster_registry.api.check_application" in METHODS and len(METHODS) >= 30


@pytest.mark.parametrize("method", METHODS)
def test_a_method_without_its_arguments_names_what_is_missing(server, setup, method):
	missing = required(method)
	for user, session in setup["sessions"].items():
		response = session.post(f"{server}/api/method/{method}")
		assert response.status_code < 500, (user, response.status_code, response.text[:300])
		open_to_guests = method in GUEST_METHODS
		if missing and (user != "Guest" or open_to_guests):
			assert response.status_code == 417, (user, response.status_code, response.text[:300])
			assert response.json()["exc_type"] == "MissingArgumentError"
			assert missing[0] in server_message(response)
			if user != "Guest":  # an official reads Chinese; Guest reads the site's language
				assert "缺少参数" in server_message(response)
		if user == "Guest" and not open_to_guests:
			assert response.status_code == 403


@pytest.mark.parametrize("method", METHODS)
def test_garbled_arguments_are_refused_without_a_server_error(server, setup, method):
	names = list(parameters(method))
	for user, session in setup["sessions"].items():
		for value in [*GARBLED, setup["theirs"]]:
			values = {name: value for name in names}
			for response in (
				session.get(f"{server}/api/method/{method}", params=values),
				session.post(f"{server}/api/method/{method}", data=values),
			):
				assert response.status_code < 500, (
					user,
					value[:20],
					response.status_code,
					response.text[:300],
				)


@pytest.mark.parametrize(
	("method", "values"),
	[
		("frappe.desk.listview.get_group_by_count", {"doctype": "Cluster Application", "field": "county"}),
		("frappe.desk.doctype.tag.tag.add_tags", {"dt": "Cluster Application", "tags": '["重点"]'}),
	],
)
def test_an_argument_that_must_be_json_is_named_when_it_is_not(setup, method, values):
	county = setup["clients"][people.COUNTY]
	garbled = {"get_group_by_count": "current_filters", "add_tags": "docs"}[method.rsplit(".", 1)[1]]
	response = county.session.post(f"{county.url}/api/method/{method}", data={**values, garbled: "{[不是"})
	assert response.status_code == 417, response.text[:300]
	assert response.json()["exc_type"] == "MalformedArgumentError"
	assert garbled in server_message(response)


MALFORMED_LIST_ARGUMENTS = [
	{"filters": "不是JSON"},
	{"filters": "9" * 5000},
	{"filters": "[[1, 2, 3, 4, 5, 6]]"},
	{"filters": '{"county": ["in"]}'},
	{"or_filters": "[1]"},
	{"fields": "不是JSON["},
	{"fields": '["sleep(1)"]'},
	{"fields": "[1]"},
	{"limit_start": "-5"},
	{"limit_page_length": "abc"},
	{"order_by": "garbage desc"},
	{"order_by": "name; drop table x"},
	{"group_by": "garbage"},
]


def app_doctypes() -> list[str]:
	return frappe.get_all("DocType", filters={"module": "Cluster Registry", "istable": 0}, pluck="name")


def test_malformed_list_arguments_are_named_on_every_list(setup):
	county = setup["clients"][people.COUNTY]
	for doctype in app_doctypes():
		for values in MALFORMED_LIST_ARGUMENTS:
			response = county.session.get(f"{county.url}/api/resource/{doctype}", params=values)
			assert response.status_code == 417, (doctype, values, response.status_code, response.text[:300])
			assert response.json()["exc_type"] == "MalformedArgumentError"
			assert next(iter(values)) in server_message(response)
	response = county.session.post(
		f"{county.url}/api/method/frappe.client.get_list",
		data={"doctype": FILING, "filters": "[[1, 2, 3, 4, 5, 6]]"},
	)
	assert response.status_code == 417 and response.json()["exc_type"] == "MalformedArgumentError"


def test_well_formed_list_arguments_still_list(setup):
	county = setup["clients"][people.COUNTY]
	response = county.session.get(
		f"{county.url}/api/resource/{FILING}",
		params={
			"filters": json.dumps([[FILING, "county", "=", "140105"]]),
			"or_filters": json.dumps({"name": ["like", "%"]}),
			"fields": json.dumps([f"`tab{FILING}`.`name`", "count(name) as filings", "status"]),
			"order_by": f"`tab{FILING}`.`modified` desc, name asc",
			"group_by": "status",
			"limit_start": "0",
			"limit_page_length": "20",
		},
	)
	assert response.status_code == 200, response.text[:300]
	assert response.json()["data"][0]["filings"] >= 1


def test_a_document_body_that_is_not_an_object_is_refused(setup):
	county = setup["clients"][people.COUNTY]
	for response in (
		county.session.post(f"{county.url}/api/resource/{FILING}", json=[1, 2]),
		county.session.put(f"{county.url}/api/resource/{FILING}/{setup['mine']}", json=[1, 2]),
	):
		assert response.status_code == 417, response.text[:300]
		assert response.json()["exc_type"] == "MalformedArgumentError"


GARBLED_REPORT_FILTERS = [
	"不是JSON",
	"[1]",
	'{"year": "abc"}',
	'{"year": ["x"]}',
	'{"county": {"a": 1}}',
	"9" * 5000,
]


def test_every_report_refuses_garbled_filters_without_a_server_error(setup):
	reports = frappe.get_all("Report", filters={"module": "Cluster Registry"}, pluck="name")
	assert reports
	for user in (people.COUNTY, people.EXPERT, "Guest"):
		session = setup["sessions"][user]
		for report in reports:
			for filters in GARBLED_REPORT_FILTERS:
				response = session.get(
					f"{setup['clients'][people.COUNTY].url}/api/method/frappe.desk.query_report.run",
					params={"report_name": report, "filters": filters},
				)
				assert response.status_code < 500, (user, report, filters[:20], response.text[:300])
