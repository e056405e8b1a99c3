"""The disc package, one click: built by a real worker, attached as a private file, named as the notice
asks, holding the form (Word, PDF), the bound filing and the evidence in catalogue order; a city's
package holds its 推荐汇总表 and its filings' packages. Another county gets nothing."""

import io
import json
import zipfile

import builders as make
import frappe
import output_builders as build
import people
import pytest
import requests
from conftest import SITE
from docx import Document
from openpyxl import load_workbook
from PIL import Image
from pypdf import PdfReader
from worker import forget_queued_jobs, run_queued_jobs

BUILD = "cluster_registry.cluster_registry.outputs.disc_package.build_disc_package"
FILING_ZIP = "小店区中小企业特色产业集群申报资料.zip"


def png() -> bytes:
	"""A real picture: evidence is accepted by its content."""
	content = io.BytesIO()
	Image.new("RGB", (40, 30), "gray").save(content, format="PNG")
	return content.getvalue()


PHOTO = png()


@pytest.fixture(scope="module")
def filing(server):
	"""A complete Shanxi filing of 小店区 with four evidence files (committed for the worker)."""
	people.make_people()
	doc = build.shanxi_application()
	evidence = {
		"photo": build.evidence(doc, 5, 1, "小巨人证书", file_name="证书.png", content=PHOTO),
		"first": build.evidence(doc, 3, 2, "单项冠军证书"),
		"second": build.evidence(doc, 3, 1, "单项冠军公示"),
		"loose": build.evidence(doc, 0, 1, "情况说明"),
	}
	frappe.db.commit()
	keys = {}
	for user in (people.COUNTY, people.OTHER_COUNTY, people.CITY):
		user_doc = frappe.get_doc("User", user)
		secret = frappe.generate_hash(length=15)
		user_doc.api_key, user_doc.api_secret = user_doc.api_key or frappe.generate_hash(length=15), secret
		user_doc.save(ignore_permissions=True)
		keys[user] = f"token {user_doc.api_key}:{secret}"
	frappe.db.commit()
	yield {"doc": doc, "evidence": evidence, "keys": keys, "url": server}
	cluster = doc.cluster
	frappe.db.set_value("Cluster Application", doc.name, "status", "草稿")  # unfrozen, to be removed
	frappe.db.delete("Recommendation Item", {"application": doc.name})
	for name in frappe.get_all(
		"Recommendation List", filters={"declaration_round": doc.declaration_round}, pluck="name"
	):
		frappe.delete_doc("Recommendation List", name, force=True, ignore_permissions=True)
	for row in evidence.values():
		frappe.delete_doc("Cluster Evidence", row.name, force=True, ignore_permissions=True)
	frappe.delete_doc("Cluster Application", doc.name, force=True, ignore_permissions=True)
	frappe.db.delete("Cluster Annual Indicator", {"cluster": cluster})
	frappe.delete_doc("Industrial Cluster", cluster, force=True, ignore_permissions=True)
	frappe.db.commit()
	people.remove_people()


def as_official(filing, user) -> requests.Session:
	session = requests.Session()
	session.headers.update(
		{"Host": SITE, "Authorization": filing["keys"][user], "Accept": "application/json"}
	)
	return session


def package(filing, user, doctype, name, file_name) -> zipfile.ZipFile:
	"""Click the button as the official, let the worker build it, download the attached ZIP."""
	forget_queued_jobs("long")
	session = as_official(filing, user)
	response = session.post(f"{filing['url']}/api/method/{BUILD}", data={"doctype": doctype, "name": name})
	assert response.status_code == 200, response.text
	log = run_queued_jobs("long")
	url = frappe.db.get_value(
		"File", {"attached_to_doctype": doctype, "attached_to_name": name, "file_name": file_name}, "file_url"
	)
	assert url and url.startswith("/private/files/"), log
	download = session.get(f"{filing['url']}{url}")
	assert download.status_code == 200
	return zipfile.ZipFile(io.BytesIO(download.content))


def test_a_countys_package_holds_its_filing_in_catalogue_order(filing):
	doc, evidence = filing["doc"], filing["evidence"]
	archive = package(filing, people.COUNTY, "Cluster Application", doc.name, FILING_ZIP)
	names = archive.namelist()
	assert names == [
		"山西省中小企业特色产业集群申报表.docx",
		"山西省中小企业特色产业集群申报表.pdf",
		"山西省中小企业特色产业集群申报材料.pdf",
		"佐证材料/03-1-单项冠军证书.pdf",
		"佐证材料/03-2-单项冠军公示.pdf",
		"佐证材料/05-小巨人证书.png",
		"佐证材料/其他-情况说明.pdf",
	]
	form = Document(io.BytesIO(archive.read(names[0])))
	cells = {cell.text for table in form.tables for row in table.rows for cell in row.cells}
	assert "山西省太原市小店区体检测试产业集群" in cells
	assert (
		"山西省太原市小店区体检测试产业集群"
		in PdfReader(io.BytesIO(archive.read(names[1]))).pages[0].extract_text()
	)
	bound = PdfReader(io.BytesIO(archive.read(names[2])))
	assert len(bound.pages) > len(PdfReader(io.BytesIO(archive.read(names[1]))).pages) + 4
	first = frappe.get_doc("File", {"file_url": evidence["first"].file}).get_content()
	assert archive.read("佐证材料/03-1-单项冠军证书.pdf") == first
	assert archive.read("佐证材料/05-小巨人证书.png") == PHOTO
	file = frappe.get_doc("File", {"attached_to_name": doc.name, "file_name": FILING_ZIP})
	assert file.is_private


def test_another_county_gets_neither_the_package_nor_its_file(filing):
	doc = filing["doc"]
	other = as_official(filing, people.OTHER_COUNTY)
	response = other.post(
		f"{filing['url']}/api/method/{BUILD}", data={"doctype": "Cluster Application", "name": doc.name}
	)
	assert response.status_code == 403
	assert json.loads(response.json()["_server_messages"])
	url = frappe.db.get_value("File", {"attached_to_name": doc.name, "file_name": FILING_ZIP}, "file_url")
	if url:
		assert other.get(f"{filing['url']}{url}").status_code == 403
	guest = requests.post(
		f"{filing['url']}/api/method/{BUILD}",
		headers={"Host": SITE},
		data={"doctype": "Cluster Application", "name": doc.name},
	)
	assert guest.status_code == 403
	wrong = as_official(filing, people.COUNTY).post(
		f"{filing['url']}/api/method/{BUILD}", data={"doctype": "User", "name": people.COUNTY}
	)
	assert wrong.status_code == 403


def test_a_citys_package_holds_its_summary_table_and_every_filing(filing):
	doc = filing["doc"]
	frappe.db.set_value("Cluster Application", doc.name, "status", "市级已推荐")
	list_doc = frappe.get_doc(
		{
			"doctype": "Recommendation List",
			"declaration_round": doc.declaration_round,
			"filing_kind": "申报",
			"recommending_unit": make.CITY,
			"authority_name": "太原市工业和信息化局",
			"items": [{"application": doc.name, "summary": "集群简介"}],
		}
	).insert()
	frappe.db.commit()
	archive = package(
		filing, people.CITY, "Recommendation List", list_doc.name, "太原市中小企业特色产业集群申报资料.zip"
	)
	names = archive.namelist()
	title = "2026年度国家级、省级中小企业特色产业集群推荐汇总表"
	assert names[:3] == [f"{title}.docx", f"{title}.xlsx", f"{title}.pdf"]
	assert names[3:] == [
		f"小店区中小企业特色产业集群申报资料/{name}"
		for name in (
			"山西省中小企业特色产业集群申报表.docx",
			"山西省中小企业特色产业集群申报表.pdf",
			"山西省中小企业特色产业集群申报材料.pdf",
			"佐证材料/03-1-单项冠军证书.pdf",
			"佐证材料/03-2-单项冠军公示.pdf",
			"佐证材料/05-小巨人证书.png",
			"佐证材料/其他-情况说明.pdf",
		)
	]
	sheet = load_workbook(io.BytesIO(archive.read(f"{title}.xlsx"))).active
	assert sheet["A1"].value == title
	names = [row[1] for row in sheet.iter_rows(values_only=True)]  # the 集群名称 column
	assert "山西省太原市小店区体检测试产业集群" in names
	county = as_official(filing, people.COUNTY).post(
		f"{filing['url']}/api/method/{BUILD}", data={"doctype": "Recommendation List", "name": list_doc.name}
	)
	assert county.status_code == 403
