"""The official outputs reachable from the desk: the print formats' Jinja methods, the Word, Excel
and PDF downloads and the bound filing. Each checks that the user may read (print) the record
first, so a county gets its own filings' outputs and nothing else; downloads are streamed to the
user and the bound filing is kept as a private file of the application."""

from pathlib import Path

import frappe
from frappe import _

from cluster_registry import outputs
from cluster_registry.cluster_registry.form_versions import load_form, site_dirs
from cluster_registry.cluster_registry.outputs import records
from cluster_registry.forms import definitions
from cluster_registry.imports.layouts import sheet_name
from cluster_registry.outputs import form_docx, form_html, library_xlsx, pdf, summary
from cluster_registry.outputs.layout import form_blocks

CSS = Path(outputs.__file__).with_name("print.css")
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


# ---- print formats (Jinja methods) -------------------------------------------------------------


def cluster_outputs_css() -> str:
	"""The print CSS of the official outputs (print formats and server-made PDFs)."""
	return CSS.read_text(encoding="utf-8")


def cluster_application_html(doc) -> str:
	"""The official form of a Cluster Application, for its print format."""
	doc.check_permission("print")
	return form_html.blocks_html(form_blocks(records.application_filing(doc, doc.flags.evidence_pages)))


def cluster_recommendation_html(doc) -> str:
	"""The 推荐汇总表 (申报, 竞赛) or 复核情况汇总表 (复核) of a Recommendation List, on landscape pages."""
	doc.check_permission("print")
	return f'<div class="cr-landscape">{form_html.blocks_html(recommendation_blocks(doc))}</div>'


def cluster_onsite_html(doc) -> str:
	"""The 现场核查符合性说明 of an Onsite Verification."""
	doc.check_permission("print")
	return form_html.blocks_html(onsite_blocks(doc))


def recommendation_blocks(doc):
	round_year = frappe.db.get_value("Declaration Round", doc.declaration_round, "round_year")
	contact = " ".join(part for part in (doc.contact, doc.contact_phone) if part)
	return summary.summary_blocks(
		doc.filing_kind, round_year, doc.authority_name or "", contact, records.recommendation_rows(doc)
	)


def onsite_blocks(doc=None):
	"""The statement as the city made it, or the blank template when there is none yet."""
	if doc is None:
		return summary.onsite_blocks("", {})
	checks = {key: bool(doc.get(key)) for key, _held, _not_held in summary.ONSITE_STATEMENTS}
	place = records.region_name(doc.county)
	if doc.cluster_name:
		place = f"{place}（{doc.cluster_name}）"
	return summary.onsite_blocks(
		place, checks, doc.remarks or "", doc.city_authority or "", records.chinese_date(doc.verified_on)
	)


# ---- downloads -----------------------------------------------------------------------------------


@frappe.whitelist()
def form_word(name: str):
	"""The official form of a Cluster Application as a Word file."""
	doc = frappe.get_doc("Cluster Application", name)
	doc.check_permission("read")
	filing = records.application_filing(doc)
	content = form_docx.blocks_docx(form_blocks(filing))
	_send(f"{name}-{filing.definition['title']}.docx", content, DOCX)


@frappe.whitelist()
def form_pdf(name: str):
	"""The official form of a Cluster Application as a PDF with numbered pages."""
	doc = frappe.get_doc("Cluster Application", name)
	doc.check_permission("print")
	filing = records.application_filing(doc)
	content = pdf.stamp_page_numbers(pdf.html_to_pdf(cluster_application_html(doc), cluster_outputs_css()))
	_send(f"{name}-{filing.definition['title']}.pdf", content, "application/pdf")


@frappe.whitelist()
def libraries_excel(name: str):
	"""The four 库 of the application's cluster (现有企业库, 拟引进企业库, 在建项目库, 拟建项目库)."""
	doc = frappe.get_doc("Cluster Application", name)
	doc.check_permission("read")
	definition = load_form(doc.form_version)
	year = definitions.round_years(definition, doc.round_year)["data"][-1]
	sheets = [
		library_xlsx.Sheet(
			sheet_name(item["label"]),
			definitions.fill_years(item["label"], doc.round_year),
			[
				{**column, "label": definitions.fill_years(column["label"], doc.round_year)}
				for column in item["columns"]
			],
			numbered(records.table_source_rows(doc.cluster, item, year)),
		)
		for item in library_tables()
	]
	_send(f"{doc.cluster_name}-集群四库.xlsx", library_xlsx.workbook(sheets), XLSX)


@frappe.whitelist()
def summary_excel(name: str):
	"""The 推荐汇总表 or 复核情况汇总表 of a Recommendation List."""
	doc = frappe.get_doc("Recommendation List", name)
	doc.check_permission("read")
	round_year = frappe.db.get_value("Declaration Round", doc.declaration_round, "round_year")
	table = summary.summary_table(doc.filing_kind)
	title = summary.summary_title(doc.filing_kind, round_year)
	sheet = library_xlsx.Sheet(
		title,
		title,
		[{"key": key, "label": label} for key, label, _width in table.columns],
		summary.summary_rows(records.recommendation_rows(doc)),
	)
	_send(f"{name}-{title}.xlsx", library_xlsx.workbook([sheet]), XLSX)


@frappe.whitelist()
def summary_word(name: str):
	doc = frappe.get_doc("Recommendation List", name)
	doc.check_permission("read")
	_send(f"{name}.docx", form_docx.blocks_docx(recommendation_blocks(doc), landscape=True), DOCX)


@frappe.whitelist()
def bound_filing(name: str) -> str:
	"""Starts building the bound filing in the background; progress shows on the form and the
	PDF is attached to the application when it is ready."""
	doc = frappe.get_doc("Cluster Application", name)
	doc.check_permission("read")
	job = frappe.enqueue(
		"cluster_registry.cluster_registry.outputs.bundle.build",
		queue="long",
		timeout=3600,
		job_id=f"cluster-bound-filing-{name}",
		deduplicate=True,
		application=name,
	)
	return job.id if job else ""


# ---- helpers ---------------------------------------------------------------------------------------


def library_tables() -> list[dict]:
	"""The four 库 tables (source library:…) of the first form version that prints them."""
	for summary_row in definitions.available(site_dirs()):
		definition = load_form(summary_row["code"])
		found = [
			item
			for _section, item in definitions.items(definition)
			if item["type"] == "table" and str(item.get("source", "")).startswith("library:")
		]
		if found:
			return found
	frappe.throw(_("No form version prints the four libraries."), title=_("Four Libraries"))


def numbered(rows: list[dict]) -> list[dict]:
	return [{**row, "seq": number} for number, row in enumerate(rows, 1)]


def _send(file_name: str, content: bytes, content_type: str):
	frappe.local.response.filename = file_name
	frappe.local.response.filecontent = content
	frappe.local.response.type = "download"
	frappe.local.response.content_type = content_type
