"""The official outputs reachable from the desk: the print formats' Jinja methods, the Word, Excel
and PDF downloads and the bound filing. Each checks that the user may read (print) the record
first, so a county gets its own filings' outputs and nothing else; downloads are streamed to the
user and the bound filing is kept as a private file of the application."""

import re
from pathlib import Path
from urllib.parse import quote

import frappe
from frappe import _
from werkzeug.wrappers import Response

from cluster_registry import renderers
from cluster_registry.cluster_registry.form_versions import load_form, site_dirs
from cluster_registry.cluster_registry.outputs import records, stored
from cluster_registry.forms import definitions
from cluster_registry.imports.layouts import sheet_name
from cluster_registry.renderers import form_docx, form_html, library_xlsx, pdf, summary
from cluster_registry.renderers.file_names import safe_file_name
from cluster_registry.renderers.layout import form_blocks

# A filing whose tables from the library run past this many rows gets its Form (PDF) built in the
# background (ten landscape pages and more: layout takes seconds a page).
LARGE_FILING_ROWS = 250

CSS = Path(renderers.__file__).with_name("print.css")
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class NoFourLibrariesError(frappe.ValidationError):
	"""The form asked for prints no 四库 (a Shanxi 申报, a 复核)."""


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
	return summary.summary_blocks(
		doc.filing_kind,
		round_year,
		doc.authority_name or "",
		list_contact(doc),
		records.recommendation_rows(doc),
	)


def list_contact(doc) -> str:
	return " ".join(part for part in (doc.contact, doc.contact_phone) if part)


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
	return _send(f"{name}-{filing.definition['title']}.docx", content, DOCX)


@frappe.whitelist()
def form_pdf(name: str):
	"""The official form of a Cluster Application as a PDF with numbered pages. A filing whose
	library tables run past LARGE_FILING_ROWS rows is built in the background instead (minutes of
	layout have no place in a web request) and attached to the filing: the answer is then the
	job's id, and the desk shows the progress and the file when it is ready."""
	doc = frappe.get_doc("Cluster Application", name)
	doc.check_permission("print")
	filing = records.application_filing(doc)
	if table_rows(filing) > LARGE_FILING_ROWS:
		return enqueue_output("build_form_pdf", doc)
	return _send(form_pdf_name(doc, filing.definition), form_pdf_content(doc), "application/pdf")


@frappe.whitelist()
def form_pdf_in_background(name: str) -> dict:
	"""The desk's Form (PDF): starts the background build for a large filing ({"background": 1,
	"job": …}); a small one is downloaded from form_pdf at once ({"background": 0})."""
	doc = frappe.get_doc("Cluster Application", name)
	doc.check_permission("print")
	if table_rows(records.application_filing(doc)) > LARGE_FILING_ROWS:
		return enqueue_output("build_form_pdf", doc)
	return {"background": 0}


def form_pdf_content(doc, laid_out=None) -> bytes:
	"""The Form (PDF) of a filing (the caller checks permission); laid_out(pages) is called when the
	pages are laid out, before they are written."""
	return pdf.stamp_page_numbers(
		pdf.html_to_pdf(cluster_application_html(doc), cluster_outputs_css(), laid_out)
	)


def form_pdf_name(doc, definition: dict) -> str:
	return f"{doc.name}-{definition['title']}.pdf"


def build_form_pdf(application: str) -> str:
	"""Background job: the Form (PDF) attached to the filing; returns the file's URL."""
	doc = frappe.get_doc("Cluster Application", application)
	doc.check_permission("print")
	_progress(doc, 10, _("Laying out the form"))
	content = form_pdf_content(
		doc, lambda pages: _progress(doc, 60, _("{0} pages laid out; writing the PDF").format(pages))
	)
	file_url = stored.attach_output(doc, form_pdf_name(doc, load_form(doc.form_version)), content)
	_progress(doc, 100, _("The form is attached to {0}").format(doc.name))
	frappe.publish_realtime(
		"cluster_registry_output_ready",
		{"name": doc.name, "file_url": file_url},
		user=frappe.session.user,
		doctype=doc.doctype,
		docname=doc.name,
	)
	return file_url


def table_rows(filing) -> int:
	return sum(len(rows) for rows in filing.tables.values())


def enqueue_output(method: str, doc) -> dict:
	job = frappe.enqueue(
		f"cluster_registry.cluster_registry.outputs.api.{method}",
		queue="long",
		timeout=7200,
		job_id=f"cluster-{method}-{doc.name}",
		deduplicate=True,
		application=doc.name,
	)
	frappe.msgprint(
		_("{0} is large: its PDF is being built in the background and will be attached to it.").format(
			doc.name
		),
		title=_("Form (PDF)"),
	)
	return {"job": job.id if job else "", "background": 1}


@frappe.whitelist()
def libraries_excel(name: str):
	"""The four 库 of the application's cluster (现有企业库, 拟引进企业库, 在建项目库, 拟建项目库), laid
	out as the filing's own form lays them out, with the rows its outputs print (as submitted, for
	a submitted filing)."""
	doc = frappe.get_doc("Cluster Application", name)
	doc.check_permission("read")
	filing = records.application_filing(doc)
	found = library_tables(filing.definition)
	if not found:
		frappe.throw(
			_("The form {0} of this filing has no four libraries (四库) to export.").format(
				filing.definition["title"]
			),
			NoFourLibrariesError,
			title=_("Four Libraries"),
		)
	sheets = [
		library_xlsx.Sheet(
			sheet_name(item["label"]),
			filing.fill(item["label"]),
			[{**column, "label": filing.fill(column["label"])} for column in item["columns"]],
			numbered(filing.tables.get(item["key"], [])),
		)
		for item in found
	]
	return _send(f"{doc.cluster_name}-集群四库.xlsx", library_xlsx.workbook(sheets), XLSX)


@frappe.whitelist()
def summary_excel(name: str):
	"""The 推荐汇总表 or 复核情况汇总表 of a Recommendation List."""
	doc = frappe.get_doc("Recommendation List", name)
	doc.check_permission("read")
	round_year = frappe.db.get_value("Declaration Round", doc.declaration_round, "round_year")
	table = summary.summary_table(doc.filing_kind)
	title = summary.summary_title(doc.filing_kind, round_year)
	guidance = summary.column_guidance(doc.filing_kind, round_year)
	sheet = library_xlsx.Sheet(
		title,
		title,
		[
			{"key": key, "label": "\n".join(filter(None, (label, guidance.get(key))))}
			for key, label, _width in table.columns
		],
		summary.summary_rows(records.recommendation_rows(doc)),
		summary.heading_lines(doc.authority_name or "", list_contact(doc)),
	)
	return _send(f"{name}-{title}.xlsx", library_xlsx.workbook([sheet]), XLSX)


@frappe.whitelist()
def summary_word(name: str):
	doc = frappe.get_doc("Recommendation List", name)
	doc.check_permission("read")
	return _send(f"{name}.docx", form_docx.blocks_docx(recommendation_blocks(doc), landscape=True), DOCX)


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


def library_tables(definition: dict) -> list[dict]:
	"""The four 库 tables (source library:…) of a form."""
	return [
		item
		for _section, item in definitions.items(definition)
		if item["type"] == "table" and str(item.get("source", "")).startswith("library:")
	]


def printed_library_tables() -> list[dict]:
	"""The four 库 as the forms print them, for a file that belongs to no filing (an import, its
	template): those of the first form version that has them (the competition form, seed 004)."""
	for summary_row in definitions.available(site_dirs()):
		found = library_tables(load_form(summary_row["code"]))
		if found:
			return found
	frappe.throw(
		_("No form version prints the four libraries."), NoFourLibrariesError, title=_("Four Libraries")
	)


def numbered(rows: list[dict]) -> list[dict]:
	return [{**row, "seq": number} for number, row in enumerate(rows, 1)]


def _progress(doc, percent: int, description: str):
	frappe.publish_progress(
		percent, title=_("Form (PDF)"), doctype=doc.doctype, docname=doc.name, description=description
	)


def _send(file_name: str, content: bytes, content_type: str) -> Response:
	"""The file as a download whose Chinese name every browser reads: the header carries the name
	as filename*=UTF-8''… (RFC 6266) with an ASCII fallback. (Frappe's own download response
	garbles a Chinese name, or fails on it.) The content is also left in frappe.local.response
	for callers inside the server."""
	name = safe_file_name(file_name)
	frappe.local.response.filename = name
	frappe.local.response.filecontent = content
	frappe.local.response.type = "download"
	frappe.local.response.content_type = content_type
	fallback = re.sub(r"[^\x20-\x7e]", "_", name)
	response = Response(content, content_type=content_type)
	response.headers["Content-Disposition"] = (
		f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"
	)
	return response
