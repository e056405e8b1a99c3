"""The official outputs on a real site: the print formats, the Word and Excel files opened again
and read cell by cell, the bound filing read page by page, and territory (a county gets nothing of
another county's filing)."""

import io
import re

import builders as make
import docx
import frappe
import openpyxl
import output_builders as build
import people
import pytest
from frappe.www.printview import get_rendered_template
from PIL import Image
from pypdf import PdfReader

from cluster_registry.cluster_registry.outputs import api, bundle
from cluster_registry.renderers import pdf


@pytest.fixture
def shanxi():
	return build.shanxi_application()


def printed(doc, print_format: str) -> str:
	"""The print view's HTML of the document in a print format (frappe.get_print would commit)."""
	return get_rendered_template(doc, print_format=frappe.get_doc("Print Format", print_format))


def download(method, name):
	frappe.local.response = frappe._dict()
	method(name)
	return frappe.local.response.filecontent


def row_texts(table, label):
	for row in table.rows:
		texts = [cell.text for cell in row.cells]
		if texts[0] == label:
			return texts
	raise AssertionError(f"no row {label}")


def test_the_print_format_prints_the_filing_in_its_official_layout(shanxi):
	html = printed(shanxi, "Official Form")
	assert "山西省中小企业特色产业集群申报表" in html
	assert "Noto Serif CJK SC" in html and "table-header-group" in html
	row = re.search(r"集群总产值（亿元）</td>(.*?)</tr>", html).group(1)
	assert re.findall(r">([\d.]+)<", row) == ["48.60", "53.90", "60.20"]
	assert "□第一产业　☑第二产业　□第三产业" in html  # the sub-sector's industry type, ticked
	assert (
		html.index("一、基本情况") < html.index("二、主导产业情况") < html.index("九、真实性声明及推荐意见")
	)


def test_the_word_file_has_the_official_tables_with_two_decimals(shanxi):
	document = docx.Document(io.BytesIO(download(api.form_word, shanxi.name)))
	tables = document.tables
	industry = next(
		t for t in tables if t.rows[0].cells[0].text == "年度" and "集群总产值（亿元）" in t._tbl.xml
	)
	assert [cell.text for cell in industry.rows[0].cells] == ["年度", "2023年", "2024年", "2025年"]
	assert row_texts(industry, "集群总产值（亿元）")[1:] == ["48.60", "53.90", "60.20"]
	assert row_texts(industry, "集群内中小企业产值占集群总产值比例（%）")[1:] == ["74.90", "74.40", "74.09"]
	# the year header repeats on every page
	assert "w:tblHeader" in industry.rows[0]._tr.xml
	# 联系人 | … | 联系方式 | … on one row, the value cells merged across the rest
	basic = tables[0]
	contact = next(row for row in basic.rows if row.cells[0].text == "联系人")
	assert [cell.text for cell in contact.cells] == ["联系人", "无", "联系方式", "无"]
	name_row = basic.rows[0]
	assert len({id(cell._tc) for cell in name_row.cells}) == 2  # label | value merged over three columns
	assert name_row.cells[1].text == "山西省太原市小店区体检测试产业集群"


def test_the_four_libraries_in_excel_with_two_row_headers_and_no_formulas(shanxi):
	# the layout is the filing's own form's: a Shanxi 申报 has no 四库 to export
	with pytest.raises(api.NoFourLibrariesError):
		download(api.libraries_excel, shanxi.name)
	competition = build.competition_application()
	build.four_libraries(competition.cluster)
	book = openpyxl.load_workbook(io.BytesIO(download(api.libraries_excel, competition.name)))
	assert book.sheetnames == ["现有企业库", "拟引进企业库", "在建项目库", "拟建项目库"]
	sheet = book["现有企业库"]
	assert sheet["C2"].value == "企业所在地" and "C2:E2" in sheet.merged_cells
	assert [sheet.cell(3, column).value for column in (3, 4, 5)] == ["市州", "县（市）区", "所在园区"]
	assert "A2:A3" in sheet.merged_cells and sheet["A2"].value == "序号"
	assert [sheet.cell(4, column).value for column in (1, 2, 3, 4, 8)] == [
		1,
		"太原小店精密机械有限公司",
		"太原市",
		"小店区",
		"是",
	]
	assert sheet["I4"].value == 12.35 and sheet["I4"].number_format == "0.00"
	assert sheet["K4"].value == "王工" and sheet["L4"].value == "13912345678"
	assert sheet["F4"].value == '=HYPERLINK("http://x")' and sheet["F4"].data_type == "s"
	assert book["拟引进企业库"]["B4"].value == "+德国精工集团" and book["拟引进企业库"]["B4"].data_type == "s"
	assert [book["拟引进企业库"].cell(4, column).value for column in (3, 9, 10)] == ["德国", "否", "是"]
	planned = book["拟建项目库"]
	assert planned["B4"].value == "@检测中心项目" and planned["B4"].data_type == "s"
	assert planned["H4"].value == "-建设内容" and planned["H4"].data_type == "s"
	assert book["在建项目库"]["G4"].value == 3.5 and book["在建项目库"]["H4"].value == "2025-2027"


def test_the_summary_tables_and_the_on_site_statement(shanxi):
	frappe.db.set_value("Cluster Application", shanxi.name, "status", "市级已推荐")
	list_doc = frappe.get_doc(
		{
			"doctype": "Recommendation List",
			"declaration_round": shanxi.declaration_round,
			"filing_kind": "申报",
			"recommending_unit": make.CITY,
			"authority_name": "太原市工业和信息化局",
			"contact": "李明",
			"contact_phone": "0351-1234567",
			"items": [{"application": shanxi.name, "summary": "集群简介"}],
		}
	).insert()
	book = openpyxl.load_workbook(io.BytesIO(download(api.summary_excel, list_doc.name)))
	sheet = book.active
	assert sheet["A1"].value == "2026年度国家级、省级中小企业特色产业集群推荐汇总表"
	assert sheet["A2"].value == "市级中小企业主管部门：（盖章）太原市工业和信息化局"
	assert sheet["A3"].value == "联系人及联系方式：李明 0351-1234567"
	header = sheet.cell(4, 8).value.split("\n")
	assert header[1].startswith("（集群主导产业发展情况，行业地位，荣誉称号等。2025年，集群总产值")
	assert [sheet.cell(4, column).value.split("\n")[0] for column in range(1, 9)] == [
		"序号",
		"集群名称",
		"集群运营管理机构",
		"所在市（州）",
		"所在县（市、区）",
		"主导产业",
		"集群成立时间",
		"集群简介（300字以内）",
	]
	assert [sheet.cell(5, column).value for column in range(1, 9)] == [
		1,
		"山西省太原市小店区体检测试产业集群",
		"小店区产业园管委会",
		"太原市",
		"小店区",
		"智能装备",
		None,
		"集群简介",
	]
	html = printed(list_doc, "Recommendation Summary")
	assert "推荐汇总表" in html and "太原市工业和信息化局" in html and "小店区产业园管委会" in html
	list_doc.filing_kind = "复核"
	review = api.cluster_recommendation_html(list_doc)
	assert "2023年度国家级、省级中小企业特色产业集群复核情况汇总表" in review and "复核意见" in review

	frappe.db.set_value("Cluster Application", shanxi.name, "status", "市级现场核查")
	verification = frappe.get_doc(
		{
			"doctype": "Onsite Verification",
			"application": shanxi.name,
			"verified_on": "2026-05-08",
			"city_authority": "太原市工业和信息化局",
			"verified_by": "张三",
			"materials_genuine": 1,
			"not_prohibited": 1,
			"no_major_accident": 1,
			"no_tax_violation": 0,
			"conclusion": "不符合",
		}
	).insert()
	statement = printed(verification, "On-site Verification Statement")
	assert "现场核查符合性说明" in statement
	assert "小店区（山西省太原市小店区体检测试产业集群）的申报材料真实有效，符合申报要求。" in statement
	assert "；存在偷税漏税、违法违规、严重失信和其他重大问题的行为。" in statement
	assert "2026年5月8日" in statement


def contents_entry(contents: str, number: str) -> str:
	"""The text of one entry of the 目录, from its number to the next entry's."""
	start = contents.index(f"\n{number}.") + 1
	following = re.search(r"\n\d+\.", contents[start:])
	return contents[start : start + following.start() if following else None].strip()


def marked_pdf(first_mark: int, pages: int) -> bytes:
	"""Evidence whose pages say "- 301 -", "- 302 -"…, so the bundle shows where they went."""
	return pdf.stamp_page_numbers(build.pdf_pages(pages, "evidence"), start=first_mark)


def legacy_word_file(evidence):
	"""A Word file stored as evidence before evidence had to be a PDF or a picture."""
	word = frappe.get_doc(
		{
			"doctype": "File",
			"file_name": "专利清单.docx",
			"content": b"not a pdf",
			"is_private": 1,
			"attached_to_doctype": "Cluster Application",
			"attached_to_name": evidence.application,
		}
	).insert()
	frappe.db.set_value(evidence.doctype, evidence.name, "file", word.file_url)


def test_the_bound_filing_of_a_competition_form(monkeypatch):
	doc = build.competition_application()
	build.four_libraries(doc.cluster)
	build.evidence(doc, 3, 2, "国家级单项冠军证书", content=marked_pdf(301, 2))
	build.evidence(doc, 9, 3, "前十企业会计报表", content=marked_pdf(901, 3))
	build.evidence(doc, 27, 1, "促进组织批文", content=marked_pdf(2701, 1))
	image = io.BytesIO()
	Image.new("RGB", (800, 600), "gray").save(image, format="PNG")
	build.evidence(doc, 5, 1, "小巨人证书照片", file_name="证书.png", content=image.getvalue())
	legacy_word_file(build.evidence(doc, 10, 1, "专利清单"))
	# linked to the form's 当年新增标准 row (catalogue 11) rather than to a number
	build.evidence(doc, None, 1, "标准文本", content=marked_pdf(1101, 1), item_key="new_standards")

	enqueued = {}
	monkeypatch.setattr(frappe, "enqueue", lambda method, **kwargs: enqueued.update(method=method, **kwargs))
	api.bound_filing(doc.name)
	assert enqueued["method"] == "cluster_registry.cluster_registry.outputs.bundle.build"
	assert enqueued["application"] == doc.name and enqueued["queue"] == "long"

	url = bundle.build(doc.name)
	file = frappe.get_doc("File", {"file_url": url})
	assert file.is_private and file.attached_to_name == doc.name
	pages = [page.extract_text() for page in PdfReader(io.BytesIO(file.get_content())).pages]
	# every page carries its number, in order
	for number, text in enumerate(pages, 1):
		assert text.rstrip().endswith(f"- {number} -"), number

	def page_with(mark):
		return next(number for number, text in enumerate(pages, 1) if mark in text)

	champions, reports, organisation = page_with("- 301 -"), page_with("- 901 -"), page_with("- 2701 -")
	assert page_with("- 302 -") == champions + 1 and page_with("- 903 -") == reports + 2
	assert champions < reports < organisation  # catalogue order 3, 9, 27
	photo = champions + 2  # catalogue 5 follows 3 (4 has nothing attached)
	assert page_with("专利清单.docx") == reports + 3  # catalogue 10 after 9: a page to bind by hand
	form_start = page_with("集群促进组织：")  # the form's cover
	contents = "\n".join(
		line
		for text in pages[1 : form_start - 1]
		for line in text.splitlines()
		if not re.fullmatch(r"- \d+ -", line)
	)
	assert re.match(r"目\s*录", contents)
	for number, page in (
		("1", form_start),
		("3", champions),
		("5", photo),
		("9", reports),
		("27", organisation),
	):
		assert re.search(rf"\D{page}$", contents_entry(contents, number)), number
	assert contents_entry(contents, "4").endswith("（未附）")
	standards = page_with("- 1101 -")
	assert standards == page_with("专利清单.docx") + 1  # bound under 11, after 10
	assert re.search(rf"\D{standards}$", contents_entry(contents, "11"))
	assert "其他佐证材料" not in contents
	form_text = "".join(pages[form_start - 1 : champions - 1])
	# 佐证页码 of the national champions row and the PXX页 of the top-ten table, from the bundle
	assert f"P{champions}-{champions + 1}页" in form_text
	assert f"注明见佐证P{reports}-{reports + 2}页" in re.sub(r"\s", "", form_text)
	assert "集群产值（亿元）" in form_text and "11.69" in form_text  # growth 53.90 -> 60.20

	# built again, the bound filing replaces the one before (its name has a "/" made "／")
	again = bundle.build(doc.name)
	attached = frappe.get_all(
		"File", {"attached_to_name": doc.name, "file_name": ("like", "%申报材料.pdf")}, pluck="file_url"
	)
	assert attached == [again] and "／" in frappe.db.get_value("File", {"file_url": again}, "file_name")


@pytest.fixture
def officials():
	people.make_people()
	yield
	frappe.set_user("Administrator")
	frappe.db.rollback()
	people.remove_people()


def test_a_county_gets_no_output_of_another_countys_filing(officials, shanxi):
	frappe.set_user(people.OTHER_COUNTY)
	for method in (api.form_word, api.libraries_excel, api.form_pdf, api.bound_filing):
		with pytest.raises(frappe.PermissionError):
			download(method, shanxi.name)
	with pytest.raises((frappe.PermissionError, frappe.DoesNotExistError)):
		printed(shanxi, "Official Form")
	frappe.set_user(people.COUNTY)
	assert download(api.form_word, shanxi.name)[:2] == b"PK"
