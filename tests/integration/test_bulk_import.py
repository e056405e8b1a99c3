"""Bulk import over HTTP, as the officials use it: a county officer uploads a workbook for one of
its clusters, reads the preview (counts, every problem at its row and column, in Chinese),
commits it, imports it again and nothing changes; the province applies an honour list; another
county's cluster or enterprise is refused without being shown; a failure half-way leaves the
site as it was."""

import json
from pathlib import Path

import builders as make
import frappe
import people
import pytest
import requests
from conftest import SITE

from cluster_registry.cluster_registry.bulk_import import api as bulk
from cluster_registry.cluster_registry.bulk_import import targets
from cluster_registry.cluster_registry.outputs import records
from cluster_registry.cluster_registry.outputs.api import printed_library_tables
from cluster_registry.forms import definitions
from cluster_registry.imports import layouts
from cluster_registry.renderers import library_xlsx

METHOD = "/api/method/cluster_registry.cluster_registry.bulk_import.api."
ENTERPRISES = layouts.ENTERPRISES
LITTLE_GIANT = "专精特新“小巨人”企业"
HIGH_TECH = "国家高新技术企业"


class Officer:
	"""One user's HTTP session: upload a file, preview it, commit it."""

	def __init__(self, url: str, authorization: str):
		self.url = url
		self.session = requests.Session()
		self.session.headers.update(
			{"Host": SITE, "Authorization": authorization, "Accept": "application/json"}
		)

	def upload(self, content: bytes, file_name: str = "导入.xlsx") -> str:
		response = self.session.post(
			f"{self.url}/api/method/upload_file",
			files={"file": (file_name, content)},
			data={"is_private": 1},
		)
		assert response.ok, response.text
		return response.json()["message"]["file_url"]

	def preview(self, layout: str, content: bytes, cluster: str | None = None, file_name="导入.xlsx"):
		data = {"layout": layout, "file_url": self.upload(content, file_name)}
		if cluster:
			data["cluster"] = cluster
		return self.session.post(f"{self.url}{METHOD}preview", data=data)

	def commit(self, name: str):
		return self.session.post(f"{self.url}{METHOD}commit", data={"name": name})


def workbook(layout: layouts.Layout, rows: list[dict]) -> bytes:
	"""A workbook in the layout, rows given by header, written as the app writes its templates:
	a title row, the header, then the rows (text that looks like a formula stays text)."""
	return library_xlsx.workbook(
		[
			library_xlsx.Sheet(
				layout.sheet,
				layout.title,
				[column.as_export() for column in layout.columns],
				[
					{
						column.key: number if column.key == "seq" else row.get(column.label)
						for column in layout.columns
					}
					for number, row in enumerate(rows, 1)
				],
			)
		]
	)


@pytest.fixture(scope="module")
def officials(server):
	people.make_people()
	clusters = {
		county: make.cluster(
			name=f"导入测试{frappe.db.get_value('Administrative Region', county, 'region_name')}装备产业集群",
			county=county,
		).name
		for county in ("140105", "140106")
	}
	other_enterprise = frappe.get_doc(
		{
			"doctype": "Enterprise",
			"uscc": make.uscc(9001),
			"enterprise_name": "迎泽区导入测试精密机械有限公司",
			"region": "140106",
		}
	).insert()
	frappe.db.commit()
	sessions = {}
	for user in (people.COUNTY, people.PROVINCE, people.OTHER_COUNTY):
		doc = frappe.get_doc("User", user)
		secret = frappe.generate_hash(length=15)
		doc.api_key, doc.api_secret = doc.api_key or frappe.generate_hash(length=15), secret
		doc.save(ignore_permissions=True)
		sessions[user] = Officer(server, f"token {doc.api_key}:{secret}")
	frappe.db.commit()
	yield {"clusters": clusters, "sessions": sessions, "other_enterprise": other_enterprise.name}
	codes = frappe.get_all("Enterprise", filters={"enterprise_name": ("like", "%导入测试%")}, pluck="name")
	for cluster in clusters.values():
		for doctype in (
			"Cluster Enterprise",
			"Cluster Patent",
			"Prospective Enterprise",
			"Cluster Project",
			"Cluster Annual Indicator",
			"Cluster Data Import",
		):
			frappe.db.delete(doctype, {"cluster": cluster})
		frappe.delete_doc("Industrial Cluster", cluster, force=True)
	frappe.db.delete("Enterprise Honour", {"parent": ("in", codes or [""])})
	frappe.db.delete("Enterprise", {"name": ("in", codes or [""])})
	frappe.db.delete("Cluster Data Import", {"owner": ("in", list(people.PEOPLE))})
	frappe.db.commit()


def enterprise_rows(serials=(101, 102, 103)) -> list[dict]:
	rows = []
	for serial in serials:
		rows.append(
			{
				"统一社会信用代码": make.uscc(serial),
				"企业名称（填写企业全称）": f"导入测试装备制造{serial}有限公司",
				"是否为中小企业": "是",
				"是否为规上企业": "是" if serial % 2 else "否",
				"成立年份": 2010,
				"主导产品（不超过3种）": "=减速机",
				"是否属于集群主导产业": "是",
				"加入集群年份": "2020年",
				LITTLE_GIANT: 2023 if serial == 101 else None,
				HIGH_TECH: 2022,
			}
		)
	return rows


def fresh():
	frappe.db.rollback()  # see what the server committed


def test_a_county_previews_commits_and_re_imports_its_enterprise_library(officials):
	county = officials["sessions"][people.COUNTY]
	cluster = officials["clusters"]["140105"]
	content = workbook(ENTERPRISES, enterprise_rows())
	response = county.preview("enterprises", content, cluster)
	assert response.ok, response.text
	preview = response.json()["message"]
	assert (preview["inserted"], preview["updated"], preview["unchanged"], preview["errors"]) == (3, 0, 0, [])
	fresh()
	assert not frappe.db.exists("Enterprise", make.uscc(101))  # a preview writes nothing

	committed = county.commit(preview["name"]).json()["message"]
	assert committed["status"] == "已导入"
	fresh()
	enterprise = frappe.get_doc("Enterprise", make.uscc(101))
	assert enterprise.main_products == "=减速机"  # formula-like text kept as text
	assert sorted((h.honour_type, h.year_awarded) for h in enterprise.honours) == [
		(LITTLE_GIANT, 2023),
		(HIGH_TECH, 2022),
	]
	assert (
		frappe.db.get_value(
			"Cluster Enterprise", {"cluster": cluster, "enterprise": make.uscc(101)}, "joined_year"
		)
		== 2020
	)
	modified = frappe.db.get_value("Enterprise", make.uscc(101), "modified")
	record = frappe.get_doc("Cluster Data Import", preview["name"])
	assert (record.owner, record.status, record.inserted) == (people.COUNTY, "已导入", 3)
	assert frappe.db.get_value("File", {"file_url": record.import_file}, "is_private") == 1

	again = county.preview("enterprises", content, cluster).json()["message"]
	assert (again["inserted"], again["updated"], again["unchanged"]) == (0, 0, 3)
	assert county.commit(again["name"]).json()["message"]["status"] == "已导入"
	fresh()
	assert frappe.db.get_value("Enterprise", make.uscc(101), "modified") == modified
	assert frappe.db.count("Enterprise Honour", {"parent": make.uscc(101)}) == 2


def test_every_planted_error_is_reported_at_its_row_and_column_and_nothing_is_written(officials):
	county = officials["sessions"][people.COUNTY]
	cluster = officials["clusters"]["140105"]
	rows = enterprise_rows((201, 202, 203, 204))
	rows[0]["统一社会信用代码"] = rows[0]["统一社会信用代码"][:-1] + (
		"0" if rows[0]["统一社会信用代码"][-1] != "0" else "1"
	)
	rows[1]["加入集群年份"] = 2100
	rows[2]["统一社会信用代码"] = rows[3]["统一社会信用代码"]
	rows[3]["是否为规上企业"] = "大概"
	preview = county.preview("enterprises", workbook(ENTERPRISES, rows), cluster).json()["message"]
	places = sorted((e["row"], e["column"]) for e in preview["errors"])
	assert places == [(4, "B"), (5, "M"), (7, "B"), (7, "F")]
	messages = {(e["row"], e["column"]): e["message"] for e in preview["errors"]}
	assert "GB 32100-2015" in messages[(4, "B")] or "最后一位" in messages[(4, "B")]
	assert "2100" in messages[(5, "M")]
	assert "第4行" in messages[(7, "B")] or "4" in messages[(7, "B")]
	assert all(any("\u4e00" <= ch <= "\u9fff" for ch in e["message"]) for e in preview["errors"])
	response = county.commit(preview["name"])
	assert response.status_code == 417
	fresh()
	assert not frappe.db.exists("Enterprise", make.uscc(202))


def test_another_countys_cluster_and_enterprise_are_refused_without_being_shown(officials):
	county = officials["sessions"][people.COUNTY]
	other_cluster = officials["clusters"]["140106"]
	response = county.preview("enterprises", workbook(ENTERPRISES, enterprise_rows((301,))), other_cluster)
	assert response.status_code == 403
	assert "迎泽" not in response.text
	rows = enterprise_rows((302,))
	rows[0]["统一社会信用代码"] = officials["other_enterprise"]
	preview = county.preview(
		"enterprises", workbook(ENTERPRISES, rows), officials["clusters"]["140105"]
	).json()["message"]
	assert [(e["row"], e["column"]) for e in preview["errors"]] == [(4, "B")]
	assert "迎泽区导入测试精密机械" not in json.dumps(preview, ensure_ascii=False)


def test_the_province_applies_an_honour_list_across_the_library(officials):
	province = officials["sessions"][people.PROVINCE]
	county = officials["sessions"][people.COUNTY]
	rows = [
		{
			"统一社会信用代码": officials["other_enterprise"],
			"荣誉名称": "省级专精特新中小企业",
			"认定年度": 2025,
		},
		{"统一社会信用代码": make.uscc(9999), "荣誉名称": "省级专精特新中小企业", "认定年度": 2025},
	]
	content = workbook(layouts.HONOUR_LIST, rows)
	assert county.preview("honour_list", content).status_code == 403
	preview = province.preview("honour_list", content).json()["message"]
	assert (preview["inserted"], preview["updated"], preview["skipped"], preview["errors"]) == (1, 0, 1, [])
	assert province.commit(preview["name"]).json()["message"]["status"] == "已导入"
	fresh()
	assert frappe.db.get_value(
		"Enterprise Honour", {"parent": officials["other_enterprise"]}, ["honour_type", "year_awarded"]
	) == ("省级专精特新中小企业", 2025)
	again = province.preview("honour_list", content).json()["message"]
	assert (again["inserted"], again["unchanged"], again["skipped"]) == (0, 1, 1)


def test_the_four_libraries_re_import_unchanged_from_their_export(officials):
	county = officials["sessions"][people.COUNTY]
	cluster = officials["clusters"]["140105"]
	county.commit(
		county.preview("enterprises", workbook(ENTERPRISES, enterprise_rows((401, 402))), cluster).json()[
			"message"
		]["name"]
	)
	fresh()
	frappe.get_doc(
		{
			"doctype": "Prospective Enterprise",
			"cluster": cluster,
			"enterprise_name": "导入测试博世（中国）有限公司",
			"country": "德国",
			"is_international_brand": 1,
		}
	).insert()
	frappe.get_doc(
		{
			"doctype": "Cluster Project",
			"cluster": cluster,
			"project_name": "导入测试智能装备园二期",
			"status": "在建",
			"total_investment": 3.5,
			"start_year": 2024,
			"end_year": 2026,
			"start_date": "2024-03-01",
			"city_name": "太原市",
			"park": "综改区",
		}
	).insert()
	frappe.get_doc(
		{
			"doctype": "Cluster Project",
			"cluster": cluster,
			"project_name": "导入测试氢能装备基地",
			"status": "拟建",
			"total_investment": 8,
			"start_year": 2026,
			"end_year": 2028,
			"city_name": "太原市",
			"county_name": "小店区",
		}
	).insert()
	frappe.db.commit()
	for item in printed_library_tables():
		rows = records.table_source_rows(cluster, item, 2025)
		assert rows, item["key"]
		content = library_xlsx.workbook(
			[
				library_xlsx.Sheet(
					layouts.sheet_name(item["label"]),
					definitions.fill_years(item["label"], 2026),
					[{**c, "label": definitions.fill_years(c["label"], 2026)} for c in item["columns"]],
					[{**row, "seq": n} for n, row in enumerate(rows, 1)],
				)
			]
		)
		preview = county.preview(item["key"], content, cluster).json()["message"]
		assert (preview["errors"], preview["inserted"], preview["updated"]) == ([], 0, 0), item["key"]
		assert preview["unchanged"] == len(rows), item["key"]


def test_a_failure_half_way_leaves_the_site_as_it_was(officials, monkeypatch):
	cluster = officials["clusters"]["140105"]
	county = officials["sessions"][people.COUNTY]
	preview = county.preview(
		"enterprises", workbook(ENTERPRISES, enterprise_rows((501, 502, 503))), cluster
	).json()["message"]
	fresh()
	calls = []
	real = targets._bulk_insert

	def failing(doctype, rows, stamp, user):
		calls.append(doctype)
		if len(calls) == 2:
			raise RuntimeError("the database went away")
		real(doctype, rows, stamp, user)

	monkeypatch.setattr(targets, "_bulk_insert", failing)
	frappe.set_user(people.COUNTY)
	frappe.db.set_value("Cluster Data Import", preview["name"], "status", "导入中")
	bulk.run(preview["name"])
	assert len(calls) == 2  # the enterprises were written, then it failed
	assert not frappe.db.exists("Enterprise", make.uscc(501))
	assert frappe.db.get_value("Cluster Data Import", preview["name"], "status") == "失败"


def test_hostile_files_get_a_chinese_message_and_nothing_is_written(officials):
	county = officials["sessions"][people.COUNTY]
	cluster = officials["clusters"]["140105"]
	old_excel = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4096
	preview = county.preview("enterprises", old_excel, cluster, file_name="企业.xls").json()["message"]
	assert preview["status"] == "有错误"
	assert ".xlsx" in preview["errors"][0]["message"]
	assert any("\u4e00" <= ch <= "\u9fff" for ch in preview["errors"][0]["message"])
	wrong = workbook(layouts.NAME_LISTS["Cluster Patent"], [])
	preview = county.preview("enterprises", wrong, cluster).json()["message"]
	assert preview["status"] == "有错误" and preview["errors"][0]["row"] is not None


@pytest.fixture
def worker(officials):
	"""A real background worker of this bench, on a queue of this site's own (the benches of other
	checkouts share Redis and its queue names, so the worker must not take their jobs), and this
	process set to send imports to that queue."""
	import subprocess
	import sys

	from conftest import BENCH
	from frappe.utils.background_jobs import get_queues_timeout

	assert BENCH.resolve() != Path("/opt/frappe-bench"), "run through tests/run: a private bench"
	queue = "cluster_import_" + SITE.split(".")[0]
	common = BENCH / "sites" / "common_site_config.json"
	original = common.read_text()
	config = json.loads(original)
	config.setdefault("workers", {})[queue] = {"timeout": 1500}
	common.write_text(json.dumps(config, indent=1))
	frappe.local.conf.workers = config["workers"]
	frappe.local.conf.cluster_import_queue = queue
	get_queues_timeout.cache_clear()  # Frappe keeps the queue list for the life of the process
	log = open(BENCH / "logs" / "cluster-registry-test-worker.log", "w")
	process = subprocess.Popen(
		[
			sys.executable,
			"-m",
			"frappe.utils.bench_helper",
			"frappe",
			"--site",
			SITE,
			"worker",
			"--queue",
			queue,
		],
		cwd=BENCH / "sites",
		stdout=log,
		stderr=subprocess.STDOUT,
	)
	yield process
	process.terminate()
	try:
		process.wait(timeout=60)
	except subprocess.TimeoutExpired:
		process.kill()
		process.wait()
	log.close()
	common.write_text(original)
	frappe.local.conf.pop("workers", None)
	frappe.local.conf.pop("cluster_import_queue", None)
	get_queues_timeout.cache_clear()


def test_a_long_import_runs_in_a_background_worker(officials, worker):
	import time

	county = officials["sessions"][people.COUNTY]
	cluster = officials["clusters"]["140105"]
	serials = range(1000, 1000 + bulk.BACKGROUND_ROWS + 20)
	preview = county.preview("enterprises", workbook(ENTERPRISES, enterprise_rows(serials)), cluster).json()[
		"message"
	]
	assert (preview["inserted"], preview["errors"]) == (len(serials), [])
	fresh()
	frappe.set_user(people.COUNTY)
	assert bulk.commit(preview["name"])["status"] == "导入中"
	frappe.db.commit()  # the job is queued once the request's transaction commits
	for _ in range(240):
		fresh()
		status = frappe.db.get_value("Cluster Data Import", preview["name"], "status")
		if status != "导入中":
			break
		time.sleep(0.5)
	assert status == "已导入"
	codes = [make.uscc(serial) for serial in serials]
	assert frappe.db.count("Cluster Enterprise", {"cluster": cluster, "enterprise": ("in", codes)}) == len(
		serials
	)


def test_the_yearly_figures_import_by_year_with_the_indicators_rules(officials):
	county = officials["sessions"][people.COUNTY]
	cluster = officials["clusters"]["140105"]
	layout = bulk.yearly_layout()
	total, sme = (layout.column(key).label for key in ("total_output", "sme_output"))
	assert (total, sme) == ("集群总产值（亿元）", "中小企业产值（亿元）") or "产值" in total
	bad = county.preview(
		"yearly_figures", workbook(layout, [{"年度": 2024, total: 50, sme: 60}]), cluster
	).json()["message"]
	assert [(e["row"], e["column"]) for e in bad["errors"]] == [(3, sme_column(layout))]
	content = workbook(layout, [{"年度": 2024, total: 50, sme: 40}, {"年度": "2025年", total: 60, sme: 45}])
	preview = county.preview("yearly_figures", content, cluster).json()["message"]
	assert (preview["inserted"], preview["errors"]) == (2, [])
	assert county.commit(preview["name"]).json()["message"]["status"] == "已导入"
	fresh()
	assert frappe.db.get_value(
		"Cluster Annual Indicator", {"cluster": cluster, "year": 2025}, ["total_output", "output_growth"]
	) == (60, 20)
	again = county.preview("yearly_figures", content, cluster).json()["message"]
	assert (again["inserted"], again["updated"], again["unchanged"]) == (0, 0, 2)


def sme_column(layout) -> str:
	from openpyxl.utils import get_column_letter

	return get_column_letter([c.key for c in layout.columns].index("sme_output") + 1)


def test_incomplete_or_anonymous_requests_are_refused_without_a_server_error(officials, server):
	county = officials["sessions"][people.COUNTY]
	for method, data in (
		("preview", {}),
		("preview", {"layout": "enterprises", "file_url": "/private/files/not-mine.xlsx"}),
		("commit", {}),
		("commit", {"name": "no-such-import"}),
	):
		response = county.session.post(f"{county.url}{METHOD}{method}", data=data)
		assert 400 <= response.status_code < 500, (method, data, response.status_code)
	guest = requests.post(f"{server}{METHOD}preview", headers={"Host": SITE}, data={"layout": "enterprises"})
	assert guest.status_code == 403
	template = county.session.get(f"{county.url}{METHOD}template", params={"layout": "patents"})
	assert template.ok and template.content.startswith(b"PK")


def test_the_existing_library_sheet_updates_members_named_in_it(officials):
	county = officials["sessions"][people.COUNTY]
	cluster = officials["clusters"]["140105"]
	county.commit(
		county.preview("enterprises", workbook(ENTERPRISES, enterprise_rows((601,))), cluster).json()[
			"message"
		]["name"]
	)
	item = next(item for item in printed_library_tables() if item["key"] == "existing_enterprises")
	columns = [{**c, "label": definitions.fill_years(c["label"], 2026)} for c in item["columns"]]

	def sheet_of(rows):
		return library_xlsx.workbook(
			[library_xlsx.Sheet("现有企业库", definitions.fill_years(item["label"], 2026), columns, rows)]
		)

	known = {
		"seq": 1,
		"enterprise_name": "导入测试装备制造601有限公司",
		"park": "综改区",
		"main_business_revenue": 12.5,
	}
	unknown = {"seq": 2, "enterprise_name": "导入测试不存在的有限公司", "park": "综改区"}
	refused = county.preview("existing_enterprises", sheet_of([known, unknown]), cluster).json()["message"]
	assert [(e["row"], e["column"]) for e in refused["errors"]] == [(5, "B")]
	preview = county.preview("existing_enterprises", sheet_of([known]), cluster).json()["message"]
	assert (preview["updated"], preview["errors"]) == (1, [])
	county.commit(preview["name"])
	fresh()
	member = frappe.get_doc("Cluster Enterprise", {"cluster": cluster, "enterprise": make.uscc(601)})
	assert member.park == "综改区"
	assert [(row.year, row.main_business_revenue) for row in member.annual_figures] == [(2025, 12.5)]
	again = county.preview("existing_enterprises", sheet_of([known]), cluster).json()["message"]
	assert (again["updated"], again["unchanged"]) == (0, 1)
