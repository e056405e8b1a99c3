"""After recognition: the recognition recorded on the recognising step, the annual monitoring
round run by the county, the city and the province over HTTP, target tracking against hand-computed
values, the early warning to the right county officer only, territory, outputs, and the 复核
built on the monitored figures."""

import io
import json

import approval_builders as chain
import builders as make
import filing_builders as filings
import frappe
import monitoring_builders as monitored
import people
import pytest
from conftest import SITE
from rest_client import RestClient, refused_by, server_message

from cluster_registry.cluster_registry.recognition import RecognitionByProvinceError

DATA_YEAR = 2026
RECOGNISED_ON = "2026-06-30"


@pytest.fixture(scope="module")
def world(server):
	"""Committed: 小店区's cluster recognised in the 2026 round with hand-set targets and its 2026
	figures on record; 迎泽区's cluster recognised in 2023 (entered on the cluster)."""
	people.make_people()
	frappe.set_user("Administrator")
	tracked = filings.cluster_with_figures(name="山西省太原市小店区监测测试装备产业集群")
	make.indicator(tracked, DATA_YEAR, total_output=66.0, sme_rd_expense=1.31, valid_invention_patents=118)
	make.member(tracked, make.enterprise("太原监测测试精密机械有限公司"))
	round_name = chain.test_round(quota_per_city=0, quota_per_sub_sector=0, quota_to_miit=0)
	application = monitored.recognised_cluster(tracked, round_name, "晋工信企业函〔2026〕61号", RECOGNISED_ON)
	earlier = monitored.recognised_earlier("山西省太原市迎泽区监测测试食品产业集群", "140106")
	keys = monitored.api_keys(people.PEOPLE)
	frappe.db.commit()
	clients = {user: RestClient(server, SITE, key) for user, key in keys.items()}
	yield frappe._dict(
		tracked=tracked, earlier=earlier, application=application.name, round=round_name, clients=clients
	)
	frappe.set_user("Administrator")
	clusters = [tracked, earlier]
	for name in frappe.get_all("Cluster Monitoring Filing", {"cluster": ("in", clusters)}, pluck="name"):
		frappe.db.delete("Notification Log", {"document_name": name})
		frappe.delete_doc("Cluster Monitoring Filing", name, force=True, ignore_permissions=True)
	for name in frappe.get_all("Monitoring Round", {"round_title": ("like", "监测测试%")}, pluck="name"):
		frappe.delete_doc("Monitoring Round", name, force=True, ignore_permissions=True)
	for name in frappe.get_all("Cluster Application", {"cluster": ("in", clusters)}, pluck="name"):
		frappe.db.delete("Onsite Verification", {"application": name})
		frappe.db.set_value("Cluster Application", name, "status", "草稿")  # a submitted filing is kept
		frappe.delete_doc("Cluster Application", name, force=True, ignore_permissions=True)
	frappe.db.delete("Cluster Annual Indicator", {"cluster": ("in", clusters)})
	for name in frappe.get_all("Cluster Enterprise", {"cluster": tracked}, pluck="name"):
		frappe.delete_doc("Cluster Enterprise", name, force=True, ignore_permissions=True)
	frappe.db.delete("Enterprise", {"enterprise_name": "太原监测测试精密机械有限公司"})
	for cluster in clusters:
		frappe.delete_doc("Industrial Cluster", cluster, force=True, ignore_permissions=True)
	frappe.delete_doc("Declaration Round", round_name, force=True, ignore_permissions=True)
	frappe.db.commit()
	people.remove_people()


def apply(client: RestClient, doctype: str, name: str, action: str):
	doc = client.get(doctype, name).json()["data"]
	return client.session.post(
		f"{client.url}/api/method/frappe.model.workflow.apply_workflow",
		data={"doc": json.dumps(doc), "action": action},
	)


def outstanding_card(client: RestClient) -> int:
	"""The desk's number card 年度监测未完成, as the official's browser asks for it."""
	card = frappe.get_doc("Number Card", "Cluster Monitoring Outstanding")
	response = client.session.post(
		f"{client.url}/api/method/frappe.desk.doctype.number_card.number_card.get_result",
		data={"doc": json.dumps(card.as_dict(), default=str), "filters": card.filters_json},
	)
	assert response.status_code == 200, response.text
	return response.json()["message"]


def outstanding_in(region: str) -> int:
	"""Counted straight in the database: monitoring filings of the region not yet accepted."""
	lft, rgt = frappe.db.get_value("Administrative Region", region, ["lft", "rgt"])
	counties = frappe.get_all(
		"Administrative Region", filters={"lft": (">=", lft), "rgt": ("<=", rgt)}, pluck="name"
	)
	return frappe.db.count(
		"Cluster Monitoring Filing", {"county": ("in", counties), "status": ("!=", "省级已接收")}
	)


def test_the_recognising_step_records_the_recognition_on_the_cluster(world):
	cluster = frappe.get_doc("Industrial Cluster", world.tracked)
	(row,) = [r for r in cluster.recognitions if r.application == world.application]
	assert (row.level, row.year, row.document_no, str(row.recognition_date), str(row.valid_until)) == (
		"省级",
		2026,
		"晋工信企业函〔2026〕61号",
		RECOGNISED_ON,
		"2029-06-30",
	)
	assert (row.status, row.declaration_round) == ("有效", world.round)
	assert (cluster.recognition_status, cluster.recognition_level) == ("有效", "省级")
	assert world.tracked in frappe.get_all(
		"Industrial Cluster", filters={"recognition_status": "有效"}, pluck="name"
	)


def test_only_the_province_enters_the_recognition_document(world):
	doc = chain.draft(make.cluster(name="山西省太原市小店区文号测试产业集群").name, world.round)
	doc.recognition_document_no = "晋工信企业函〔2026〕99号"
	refused = make.refusal(lambda: chain.as_user(people.COUNTY, doc.save))
	assert type(refused) is RecognitionByProvinceError
	assert not frappe.db.get_value(doc.doctype, doc.name, "recognition_document_no")


def test_the_monitoring_round_end_to_end_over_http(world):
	county, other_county = world.clients[people.COUNTY], world.clients[people.OTHER_COUNTY]
	city, other_city = world.clients[people.CITY], world.clients[people.OTHER_CITY]
	province = world.clients[people.PROVINCE]
	frappe.db.delete("Notification Log", {"for_user": ("in", list(people.PEOPLE))})
	frappe.db.commit()

	# the city may not open a round; the province does, with its thresholds
	values = {
		"round_title": "监测测试2026年度监测",
		"data_year": DATA_YEAR,
		"province": make.PROVINCE,
		"due_date": "2027-03-31",
		"on_track_threshold": 90,
		"severe_threshold": 60,
	}
	assert city.insert("Monitoring Round", values).status_code == 403
	response = province.insert("Monitoring Round", values)
	assert response.ok, server_message(response)
	round_name = response.json()["data"]["name"]
	assert province.insert("Monitoring Round", values).status_code == 409  # one round a year

	# every recognised cluster of the province has its filing, each county sees its own only
	ours = county.list(
		"Cluster Monitoring Filing", [["monitoring_round", "=", round_name]], ["name", "cluster"]
	)
	theirs = other_county.list(
		"Cluster Monitoring Filing", [["monitoring_round", "=", round_name]], ["cluster"]
	)
	assert [row["cluster"] for row in ours] == [world.tracked]
	assert [row["cluster"] for row in theirs] == [world.earlier]
	assert other_city.list("Cluster Monitoring Filing", [["monitoring_round", "=", round_name]]) == []
	name = ours[0]["name"]
	assert other_county.get("Cluster Monitoring Filing", name).status_code == 403

	# each desk counts what is outstanding in its own territory
	for user, region, at_least in (
		(people.COUNTY, "140105", 1),
		(people.OTHER_COUNTY, "140106", 1),
		(people.CITY, "140100", 2),
		(people.OTHER_CITY, "140200", 0),
		(people.PROVINCE, "140000", 2),
	):
		assert outstanding_card(world.clients[user]) == outstanding_in(region) >= at_least, user
	frappe.db.rollback()  # end this read's snapshot: later reads see what the server commits
	guest = RestClient(county.url, SITE, "")
	assert guest.get("Cluster Monitoring Filing", name).status_code == 403

	# pre-filled from the annual record and the enterprise library
	doc = county.get("Cluster Monitoring Filing", name).json()["data"]
	figures = {row["metric"]: row for row in doc["figures"]}
	assert figures["sme_rd_expense"]["value"] == 1.31
	assert figures["valid_invention_patents"]["value"] == 118
	assert figures["total_output"]["value"] == 66.0
	assert figures["enterprise_count"]["value"] == 1

	# the county completes the figures it has no record of and submits
	# (the targets not under test on their path: their figure is the value expected this year)
	reached = {row["metric"]: row["expected_value"] for row in doc["tracking"]}
	for row in doc["figures"]:
		if row["metric"] == "energy_per_output":
			row["value"] = 0.47
		elif row["metric"] in reached and row["metric"] not in ("sme_rd_expense", "valid_invention_patents"):
			row["value"] = reached[row["metric"]]
		else:
			row["value"] = row["value"] or 0
	refused = apply(county, "Cluster Monitoring Filing", name, "提交市级")
	assert (refused.status_code, refused_by(refused)) == (417, "UnfilledError")
	response = county.update(
		"Cluster Monitoring Filing",
		name,
		{"figures": doc["figures"], "progress_summary": "新建研发中心一个。", "filled_by": "张三"},
	)
	assert response.ok, server_message(response)
	assert apply(city, "Cluster Monitoring Filing", name, "报送省级").status_code >= 400  # not yet its step
	response = apply(county, "Cluster Monitoring Filing", name, "提交市级")
	assert response.ok, server_message(response)

	# the tracking of 2026 against the hand computation (thresholds 90 / 60):
	# R&D 1.25 → 2.16: expected 1.25 × 1.2 = 1.5, (1.31 − 1.25) / (1.5 − 1.25) = 24 % → 严重滞后
	# patents 100 → 172.8: expected 120, (118 − 100) / 20 = 90 % → 达标 (on the threshold)
	# energy 0.50 → 0.40: expected 0.5 × 0.8^(1/3) = 0.46416, (0.47 − 0.5) / (0.46416 − 0.5) = 83.70 % → 滞后
	doc = county.get("Cluster Monitoring Filing", name).json()["data"]
	rows = {row["indicator"]: row for row in doc["tracking"]}
	got = {
		key: (
			rows[key]["expected_value"],
			rows[key]["actual_value"],
			rows[key]["share_achieved"],
			rows[key]["tracking_status"],
			rows[key]["stage_target"],
		)
		for key in monitored.TARGETS
	}
	assert got == {
		"研发经费投入": (1.5, 1.31, 24.0, "严重滞后", 1.5),
		"有效发明专利数量": (120.0, 118.0, 90.0, "达标", 120.0),
		"单位工业产值能耗": (0.46, 0.47, 83.7, "滞后", 0.47),
	}
	assert (rows["研发经费投入"]["baseline_year"], rows["研发经费投入"]["target_year"]) == (2025, 2028)
	others = {
		k: (
			r["baseline_value"],
			r["target_value"],
			r["expected_value"],
			r["actual_value"],
			r["tracking_status"],
		)
		for k, r in rows.items()
		if k not in monitored.TARGETS
	}
	assert {k: v[-1] for k, v in others.items()} == dict.fromkeys(others, "达标"), others

	# warned in 2026, to 小店区's county officer only
	warned = frappe.get_all(
		"Notification Log", filters={"document_name": name}, fields=["for_user", "subject"]
	)
	assert [row.for_user for row in warned] == [people.COUNTY]
	assert "2026" in warned[0].subject and "研发经费投入" in warned[0].subject

	# frozen for the county; the city only writes its opinion and forwards
	doc["figures"][0]["value"] = 999
	frozen = county.update("Cluster Monitoring Filing", name, {"figures": doc["figures"]})
	assert (frozen.status_code, refused_by(frozen)) == (417, "FilingFrozenError")
	assert city.update("Cluster Monitoring Filing", name, {"figures": doc["figures"]}).status_code == 417
	assert city.update("Cluster Monitoring Filing", name, {"province_opinion": "同意"}).status_code == 417
	assert other_city.update("Cluster Monitoring Filing", name, {"city_opinion": "同意"}).status_code == 403
	assert city.update("Cluster Monitoring Filing", name, {"city_opinion": "经审核，数据属实。"}).ok
	assert apply(city, "Cluster Monitoring Filing", name, "报送省级").ok
	assert apply(county, "Cluster Monitoring Filing", name, "重新提交").status_code >= 400

	# the province accepts
	assert province.update("Cluster Monitoring Filing", name, {"province_opinion": "同意接收。"}).ok
	response = apply(province, "Cluster Monitoring Filing", name, "接收")
	assert response.ok, server_message(response)
	assert county.get("Cluster Monitoring Filing", name).json()["data"]["status"] == "省级已接收"
	closed = province.update("Cluster Monitoring Filing", name, {"return_reason": "补充说明"})
	assert closed.status_code == 417  # accepted: nothing more to write

	# the warning lists: the city and the province see it, the other city does not
	report = "cluster_registry.cluster_registry.report.target_warnings.target_warnings.execute"

	def warned_clusters(client):
		response = client.session.post(
			f"{client.url}/api/method/frappe.desk.query_report.run",
			data={"report_name": "Target Warnings", "filters": json.dumps({"data_year": DATA_YEAR})},
		)
		assert response.ok, server_message(response)
		return {
			(row["cluster"], row["indicator"])
			for row in response.json()["message"]["result"]
			if isinstance(row, dict)
		}

	assert report
	assert warned_clusters(city) == {(world.tracked, "研发经费投入")}
	assert warned_clusters(province) == {(world.tracked, "研发经费投入")}
	assert warned_clusters(other_city) == set()

	# what is outstanding: 迎泽区's filing, still with its county
	response = province.session.post(
		f"{province.url}/api/method/frappe.desk.query_report.run",
		data={
			"report_name": "Monitoring Outstanding",
			"filters": json.dumps({"monitoring_round": round_name}),
		},
	)
	outstanding = [row for row in response.json()["message"]["result"] if isinstance(row, dict)]
	assert [(row["cluster"], row["county"], row["status"], row["to_act"]) for row in outstanding] == [
		(world.earlier, "140106", "草稿", "县级")
	]

	# the target history of the cluster, for the province; nothing of it for the other city
	from cluster_registry.cluster_registry.report.target_history.target_history import execute as history

	rows = chain.as_user(people.PROVINCE, lambda: history({"cluster": world.tracked})[1])
	assert {(row.indicator, row.data_year, row.tracking_status) for row in rows} >= {
		("研发经费投入", 2026, "严重滞后"),
		("有效发明专利数量", 2026, "达标"),
		("单位工业产值能耗", 2026, "滞后"),
	}
	assert chain.as_user(people.OTHER_CITY, lambda: history({"cluster": world.tracked})[1]) == []

	# outputs: the county gets its filing in Word and PDF, the other county nothing; the province
	# its summary in Excel
	from docx import Document as Word
	from openpyxl import load_workbook

	method = f"{county.url}/api/method/cluster_registry.cluster_registry.monitoring_outputs."
	word = county.session.get(method + "monitoring_word", params={"name": name})
	assert word.ok
	printed = [
		[cell.text for cell in row.cells]
		for table in Word(io.BytesIO(word.content)).tables
		for row in table.rows
	]
	research = next(row for row in printed if row[0] == "研发经费投入")  # figures as the forms print them
	assert research[-3:] == ["1.31", "24", "严重滞后"]  # 24 % achieved, a whole number printed whole
	assert county.session.get(method + "monitoring_pdf", params={"name": name}).content[:4] == b"%PDF"
	assert other_county.session.get(method + "monitoring_word", params={"name": name}).status_code == 403
	excel = province.session.get(method + "monitoring_summary_excel", params={"name": round_name})
	sheet = load_workbook(io.BytesIO(excel.content)).active
	rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=3)]
	assert sheet.cell(1, 1).value == "2026年度中小企业特色产业集群监测情况汇总表"
	assert [row[1] for row in rows] == [
		"山西省太原市小店区监测测试装备产业集群",
		"山西省太原市迎泽区监测测试食品产业集群",
	]
	assert rows[0][5:] == ["省级已接收", 66, 116.96, 5, 1, 1, "研发经费投入"]


def test_the_review_takes_its_completion_values_from_the_monitored_figures(world):
	"""A cluster recognised in 2023 reported 2025 in its monitoring; its 复核 in the 2026 round
	shows those figures as 完成值 (not the annual record's), and the recognition goes 复核中 when
	the county submits it."""
	frappe.set_user("Administrator")
	cluster = monitored.recognised_earlier(
		"山西省太原市小店区复核测试产业集群", "140105", level="国家级", valid_until="2026-06-30"
	)
	for year, values in filings.FIGURES.items():
		make.indicator(cluster, year, **values)
	round_doc = frappe.get_doc(
		{
			"doctype": "Monitoring Round",
			"round_title": "监测测试2025年度监测",
			"data_year": 2025,
			"province": make.PROVINCE,
			"due_date": "2026-03-31",
			"on_track_threshold": 90,
			"severe_threshold": 60,
		}
	).insert()
	name = frappe.db.get_value(
		"Cluster Monitoring Filing", {"monitoring_round": round_doc.name, "cluster": cluster}
	)
	filing = frappe.get_doc("Cluster Monitoring Filing", name)
	assert {row.metric: row.value for row in filing.figures}["sme_rd_expense"] == 1.26  # the record

	def submit():
		doc = frappe.get_doc("Cluster Monitoring Filing", name)
		for row in doc.figures:
			row.value = 1.50 if row.metric == "sme_rd_expense" else (row.value or 0)
		doc.progress_summary = "无"
		doc.save()
		chain.act(doc, "提交市级", people.COUNTY)

	chain.as_user(people.COUNTY, submit)
	review = chain.draft(cluster, world.round, kind="复核", level="国家级")
	completed = {
		row.indicator: row.completion_value for row in review.targets if row.table_key == "targets_completed"
	}
	assert completed["研发经费投入"] == 1.50
	chain.act(review, "提交市级", people.COUNTY)
	row = frappe.get_doc("Industrial Cluster", cluster).recognitions[0]
	assert (row.status, row.review_application) == ("复核中", review.name)
	assert frappe.db.get_value("Industrial Cluster", cluster, "recognition_status") == "复核中"


def test_a_recognition_not_reviewed_when_the_round_closes_lapses(world):
	from cluster_registry.cluster_registry.recognition import lapse_unreviewed
	from cluster_registry.cluster_registry.report.clusters_due_for_review.clusters_due_for_review import (
		execute,
	)

	lapsing = monitored.recognised_earlier("山西省太原市小店区到期未复核产业集群", "140105")
	chain.test_round(
		round_title="2026年度复核（已截止）",
		openings=[
			{
				"filing_kind": "复核",
				"level": "国家级",
				"form_version": "miit-review-2026",
				"county_deadline": "2026-05-31",
			}
		],
	)
	due = {
		row.cluster: row for row in chain.as_user(people.PROVINCE, lambda: execute({"round_year": 2026})[1])
	}
	assert (due[lapsing].status, due[lapsing].review_filed, due[lapsing].lapses) == ("有效", 0, 1)
	assert lapse_unreviewed("2026-06-01") >= 1
	assert frappe.db.get_value("Industrial Cluster", lapsing, "recognition_status") == "撤销"
	assert lapsing not in frappe.get_all(
		"Industrial Cluster",
		filters={"recognition_status": ("in", ("有效", "复核中", "复核通过"))},
		pluck="name",
	)


def test_reminders_before_the_due_date_go_to_who_still_has_to_act(world):
	from frappe.utils import add_days, today

	from cluster_registry.cluster_registry.monitoring_steps import send_monitoring_reminders

	frappe.set_user("Administrator")
	due = add_days(today(), 3)
	frappe.get_doc(
		{
			"doctype": "Monitoring Round",
			"round_title": "监测测试2027年度监测",
			"data_year": 2027,
			"province": make.PROVINCE,
			"due_date": due,
			"on_track_threshold": 90,
			"severe_threshold": 60,
		}
	).insert()
	frappe.db.delete("Notification Log", {"for_user": ("in", list(people.PEOPLE))})
	assert send_monitoring_reminders(add_days(today(), 1)) == 0  # two days before: no reminder
	assert send_monitoring_reminders(today()) >= 2
	reminded = set(
		frappe.get_all(
			"Notification Log",
			filters={"for_user": ("in", list(people.PEOPLE)), "document_type": "Cluster Monitoring Filing"},
			pluck="for_user",
		)
	)
	assert reminded == {people.COUNTY, people.OTHER_COUNTY}  # both filings are drafts with their counties
