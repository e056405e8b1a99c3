"""Filings for the output tests: a completed Shanxi application and a competition filing with the
four 库, evidence files of known page counts, an on-site verification and a recommendation list."""

import io

import builders as make
import filing_builders as filings
import frappe
from pypdf import PdfWriter


def pdf_pages(pages: int, label: str) -> bytes:
	"""A PDF of blank A4 pages (its text is the page numbers stamped later)."""
	writer = PdfWriter()
	for _ in range(pages):
		writer.add_blank_page(width=595, height=842)
	writer.add_metadata({"/Title": label})
	content = io.BytesIO()
	writer.write(content)
	return content.getvalue()


def evidence(
	doc, catalogue_no: int | None, pages: int, title: str, file_name: str = "佐证.pdf", content=None, **values
):
	file = frappe.get_doc(
		{
			"doctype": "File",
			"file_name": file_name,
			"content": content if content is not None else pdf_pages(pages, title),
			"is_private": 1,
			"attached_to_doctype": "Cluster Application",
			"attached_to_name": doc.name,
		}
	).insert()
	return frappe.get_doc(
		{
			"doctype": "Cluster Evidence",
			"application": doc.name,
			"evidence_title": title,
			"catalogue_no": catalogue_no,
			"file": file.file_url,
			"page_count": pages,
			**values,
		}
	).insert()


def shanxi_application():
	cluster = filings.cluster_with_figures()
	doc = filings.complete(filings.application(cluster, filings.declaration_round()))
	return doc


def competition_application():
	cluster = filings.cluster_with_figures("山西省太原市小店区竞赛测试产业集群")
	round_name = filings.declaration_round()
	doc = filings.application(cluster, round_name, kind="竞赛", level="省级")
	return doc


def four_libraries(cluster: str):
	company = make.enterprise("太原小店精密机械有限公司", is_above_designated_size=1)
	make.member(
		cluster,
		company,
		city_name="太原市",
		county_name="小店区",
		park="小店经济开发区",
		profile='=HYPERLINK("http://x")',
		main_products="数控机床",
		contact_name="王工",
		contact_phone="13912345678",
		annual_figures=[{"year": 2025, "main_business_revenue": 12.345}],
	)
	frappe.get_doc(
		{
			"doctype": "Prospective Enterprise",
			"cluster": cluster,
			"enterprise_name": "+德国精工集团",
			"country": "德国",
			"province_name": "巴伐利亚州",
			"city_name": "慕尼黑",
			"is_international_brand": 1,
		}
	).insert()
	for status, name, investment in (("在建", "智能产线技改项目", 3.5), ("拟建", "@检测中心项目", 1.2)):
		frappe.get_doc(
			{
				"doctype": "Cluster Project",
				"cluster": cluster,
				"status": status,
				"project_name": name,
				"city_name": "太原市",
				"county_name": "小店区",
				"builder": "小店建设集团",
				"total_investment": investment,
				"start_year": 2025,
				"end_year": 2027,
				"content": "-建设内容",
			}
		).insert()


def large_library(cluster: str, members: int, joined_year: int = 2020) -> list[str]:
	"""members enterprises in the cluster's library, written in bulk as the demo loader writes
	them (inserting thousands one by one would take minutes); returns their credit codes."""
	from frappe.utils import now

	from cluster_registry.rules.uscc import check_character

	stamp = {"creation": now(), "modified": now(), "owner": "Administrator", "modified_by": "Administrator"}
	enterprises, rows = [], []
	for serial in range(members):
		body = f"91140105{770000000 + serial:09d}"
		code = body + check_character(body)
		enterprises.append(
			(code, code, f"山西晋盛精密机械{serial:05d}有限公司", make.COUNTY, 1, serial % 3 == 0)
		)
		rows.append(
			(
				frappe.generate_hash(length=12),
				cluster,
				make.COUNTY,
				code,
				f"山西晋盛精密机械{serial:05d}有限公司",
				1,
				joined_year,
				0,
				"小店经济开发区",
				"太原市",
				"小店区",
			)
		)
	frappe.db.bulk_insert(
		"Enterprise",
		["name", "uscc", "enterprise_name", "region", "is_sme", "is_above_designated_size", *stamp],
		[(*row, *stamp.values()) for row in enterprises],
	)
	frappe.db.bulk_insert(
		"Cluster Enterprise",
		[
			"name",
			"cluster",
			"county",
			"enterprise",
			"enterprise_name",
			"lead_industry_related",
			"joined_year",
			"left_year",
			"park",
			"city_name",
			"county_name",
			*stamp,
		],
		[(*row, *stamp.values()) for row in rows],
	)
	return [row[0] for row in enterprises]
