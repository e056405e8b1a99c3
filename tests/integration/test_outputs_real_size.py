"""The official outputs of a competition filing at real size, and a submitted filing printing as it
was submitted: a cluster of 300 enterprises in Word, Excel and PDF (pages, the header on every
page, the count in the caption the same as the rows listed), the large PDF built in the background,
downloads over HTTP with names valid in every browser."""

import io
import math
import re
import time
import zipfile

import builders as make
import docx
import filing_builders as filings
import frappe
import openpyxl
import output_builders as build
import people
import pytest
import requests
from pypdf import PdfReader

from cluster_registry.cluster_registry.outputs import api, print_pdf

MEMBERS = 300


def download(method, name):
	frappe.local.response = frappe._dict()
	method(name)
	return frappe.local.response.filecontent


@pytest.fixture
def officials():
	people.make_people()
	yield
	frappe.set_user("Administrator")
	frappe.db.rollback()
	people.remove_people()


@pytest.fixture
def large(officials):
	"""A competition filing whose cluster has MEMBERS enterprises in 2025, one that joined only in
	2026 and one that left in 2024 (neither is a member in the data year 2025)."""
	doc = build.competition_application()
	build.large_library(doc.cluster, MEMBERS)
	late = make.member(doc.cluster, make.enterprise("太原晚加入科技有限公司"), joined_year=2026)
	gone = make.member(
		doc.cluster, make.enterprise("太原已退出材料有限公司"), joined_year=2018, left_year=2024
	)
	from cluster_registry.cluster_registry.indicator_figures import recompute_cluster  # needs a site

	recompute_cluster(doc.cluster)
	return frappe.get_doc("Cluster Application", doc.name), (late.enterprise_name, gone.enterprise_name)


def test_a_large_filing_in_word_and_excel_lists_the_members_its_caption_counts(large):
	doc, (late, gone) = large
	frappe.set_user(people.COUNTY)
	started = time.perf_counter()
	document = docx.Document(io.BytesIO(download(api.form_word, doc.name)))
	assert time.perf_counter() - started < 60
	library = next(t for t in document.tables if len(t.columns) == 12)
	names = [row.cells[1].text for row in library.rows[2:]]
	assert sorted(names) == [f"山西晋盛精密机械{serial:05d}有限公司" for serial in range(MEMBERS)]
	caption = next(p.text for p in document.paragraphs if p.text.startswith("（一）现有企业库"))
	assert caption.startswith(f"（一）现有企业库（共有企业{MEMBERS}个")  # the caption counts what is listed
	assert "w:tblHeader" in library.rows[1]._tr.xml and "w:cantSplit" in library.rows[5]._tr.xml

	book = openpyxl.load_workbook(io.BytesIO(download(api.libraries_excel, doc.name)))
	sheet = book["现有企业库"]
	listed = [sheet.cell(row, 2).value for row in range(4, sheet.max_row + 1)]
	assert len(listed) == MEMBERS and late not in listed and gone not in listed


def test_a_large_form_pdf_is_built_in_the_background_on_compact_pages(large, monkeypatch):
	doc, _names = large
	frappe.set_user(people.COUNTY)
	enqueued = {}
	monkeypatch.setattr(frappe, "enqueue", lambda method, **kwargs: enqueued.update(method=method, **kwargs))
	assert api.form_pdf_in_background(doc.name)["background"] == 1
	assert enqueued["method"].endswith("outputs.api.build_form_pdf") and enqueued["queue"] == "long"
	enqueued.clear()
	api.form_pdf(doc.name)  # the download link starts the same job rather than rendering in the request
	assert enqueued["application"] == doc.name

	shown = []
	monkeypatch.setattr(frappe, "publish_progress", lambda percent, **kwargs: shown.append(percent))
	url = api.build_form_pdf(doc.name)
	assert shown == [10, 60, 100]  # the desk shows the job's progress: laid out, then written
	file = frappe.get_doc("File", {"file_url": url})
	assert file.is_private and file.attached_to_name == doc.name and "/" not in file.file_name
	reader = PdfReader(io.BytesIO(file.get_content()))
	pages = [page.extract_text() for page in reader.pages]
	first = next(n for n, text in enumerate(pages) if "（一）现有企业库" in text)
	last = next(n for n, text in enumerate(pages) if "（二）拟引进企业库" in text)
	library_pages = pages[first:last]
	# about 25 rows a landscape page (the first also holds the section heading and the caption)
	assert len(library_pages) <= math.ceil(MEMBERS / 25) + 1
	assert "山西晋盛精密机械00000有限公司" in library_pages[0].replace("\n", "")
	for text in library_pages:
		assert "序号" in text and "企业联系人" in text  # the header repeats on every page
		width, height = reader.pages[first].mediabox.width, reader.pages[first].mediabox.height
		assert width > height
	per_page = [[int(n) for n in re.findall(r"^(\d+)\s*山西晋盛", text, re.M)] for text in library_pages]
	numbers = [number for page in per_page for number in page]
	assert numbers == list(range(1, MEMBERS + 1))  # every row once, in order: none split or repeated
	assert all(len(page) >= 25 for page in per_page[1:-1])  # a full landscape page holds 25 rows and more
	declaration = next(n for n, text in enumerate(pages) if "七、真实性声明" in text)
	box = reader.pages[declaration].mediabox
	assert box.height > box.width  # the declaration is back on a portrait page


def test_the_print_views_pdf_of_a_large_filing_is_built_in_the_background(large, monkeypatch):
	"""The PDF button of the desk's print view, run as Frappe's request handler runs it (the app's
	override of the method): the official form of a large filing is not laid out in the
	request but built in the background; another print format of it goes to Frappe as usual."""
	doc, _names = large
	frappe.set_user(people.COUNTY)
	enqueued = {}
	monkeypatch.setattr(frappe, "enqueue", lambda method, **kwargs: enqueued.update(method=method, **kwargs))

	def print_view_pdf(print_format):
		"""What Frappe's request handler runs for the button: the method, or the last override of it."""
		method = "frappe.utils.print_format.download_pdf"
		method = (frappe.get_hooks("override_whitelisted_methods").get(method) or [method])[-1]
		frappe.local.response = frappe._dict()
		frappe.get_attr(method)(doctype=doc.doctype, name=doc.name, format=print_format)
		return frappe.local.response

	response = print_view_pdf("Official Form")
	assert enqueued["method"].endswith("outputs.api.build_form_pdf") and enqueued["application"] == doc.name
	assert response.type == "page" and not response.get("filecontent")
	assert doc.name in frappe.local.message

	enqueued.clear()
	printed = []  # Frappe's own print (wkhtmltopdf, which reads the site's assets over the network)
	monkeypatch.setattr(print_pdf, "frappe_download_pdf", lambda *args, **kwargs: printed.append(args))
	print_view_pdf("Standard")
	assert not enqueued and printed == [(doc.doctype, doc.name)]


def test_a_large_filings_disc_package_holds_its_form_pdf_whatever_its_size(large, monkeypatch):
	"""Built in the job itself (the form's download link would start a job of its own), and kept
	however far the package runs past the site's upload limit."""
	from cluster_registry.cluster_registry.outputs import disc_package

	doc, _names = large
	frappe.set_user(people.COUNTY)
	limit = 256 * 1024  # the site's upload limit, far below the package
	monkeypatch.setitem(frappe.local.conf, "max_file_size", limit)
	url = disc_package.build(doc.doctype, doc.name)
	file = frappe.get_doc("File", {"file_url": url})
	assert file.is_private and file.attached_to_name == doc.name and file.file_size > limit
	with zipfile.ZipFile(io.BytesIO(file.get_content())) as package:
		form = next(name for name in package.namelist() if name.endswith("集群申报表.pdf"))
		pages = [page.extract_text() for page in PdfReader(io.BytesIO(package.read(form))).pages]
	assert any("山西晋盛精密机械00299有限公司" in text.replace("\n", "") for text in pages)


def test_a_submitted_filing_prints_as_submitted(officials):
	doc = build.competition_application()
	build.four_libraries(doc.cluster)
	filings.complete(doc)
	doc.reload()
	doc.status = "已提交市级"
	doc.save()
	assert doc.output_snapshot
	# after submission the county edits its library: a new member, other products
	make.member(doc.cluster, make.enterprise("太原提交后加入有限公司"), joined_year=2020)
	frappe.db.set_value("Cluster Enterprise", {"cluster": doc.cluster}, "main_products", "改后的产品")
	doc = frappe.get_doc("Cluster Application", doc.name)
	html = api.cluster_application_html(doc)
	assert "太原小店精密机械有限公司" in html and "数控机床" in html
	assert "太原提交后加入有限公司" not in html and "改后的产品" not in html
	book = openpyxl.load_workbook(io.BytesIO(download(api.libraries_excel, doc.name)))
	assert [book["现有企业库"].cell(4, 2).value, book["现有企业库"].max_row] == [
		"太原小店精密机械有限公司",
		4,
	]
	# returned for correction, it prints the records as they are now
	doc.db_set("status", "退回修改")
	html = api.cluster_application_html(frappe.get_doc("Cluster Application", doc.name))
	assert "太原提交后加入有限公司" in html and "改后的产品" in html


def test_the_cover_prints_the_filings_answer(officials):
	doc = build.competition_application()
	frappe.db.set_value("Industrial Cluster", doc.cluster, "promotion_org", "")
	answer = next((row for row in doc.answers if row.item_key == "promotion_org"), None)
	if answer is None:
		answer = doc.append("answers", {"item_key": "promotion_org"})
	answer.value = "小店区装备制造业促进会"
	doc.save()
	html = api.cluster_application_html(frappe.get_doc("Cluster Application", doc.name))
	assert "集群促进组织：小店区装备制造业促进会" in html


def test_downloads_over_http_carry_names_valid_in_every_browser(server, api):
	sector_existed = frappe.db.exists("Cluster Sub-sector", "体检测试细分领域")
	doc = build.competition_application()
	frappe.db.commit()
	try:
		session = api.session  # the run's Administrator key (a new secret would void it for later tests)
		method = f"{server}/api/method/cluster_registry.cluster_registry.outputs.api"
		word = session.get(f"{method}.form_word", params={"name": doc.name}, timeout=300)
		assert word.status_code == 200 and word.content[:2] == b"PK"
		disposition = word.headers["Content-Disposition"]
		assert disposition.isascii() and "filename*=UTF-8''" in disposition
		assert requests.utils.unquote(disposition).endswith("（先进制造业／中小企业特色产业）集群申报表.docx")
		small = session.get(f"{method}.form_pdf_in_background", params={"name": doc.name}, timeout=300)
		assert small.json()["message"] == {"background": 0}
		guest = requests.get(
			f"{method}.form_word", params={"name": doc.name}, headers={"Host": frappe.local.site}, timeout=300
		)
		assert guest.status_code == 403
	finally:
		frappe.db.rollback()
		round_name = doc.declaration_round
		frappe.delete_doc("Cluster Application", doc.name, force=True, ignore_permissions=True)
		for name in frappe.get_all("Cluster Annual Indicator", {"cluster": doc.cluster}, pluck="name"):
			frappe.delete_doc("Cluster Annual Indicator", name, force=True, ignore_permissions=True)
		frappe.delete_doc("Industrial Cluster", doc.cluster, force=True, ignore_permissions=True)
		frappe.delete_doc("Declaration Round", round_name, force=True, ignore_permissions=True)
		if not sector_existed:
			frappe.delete_doc("Cluster Sub-sector", "体检测试细分领域", force=True, ignore_permissions=True)
		frappe.db.commit()
