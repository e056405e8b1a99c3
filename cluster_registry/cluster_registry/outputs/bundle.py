"""The bound filing (申报材料): one PDF in catalogue order — cover and 目录, the form, the on-site
statement, then every evidence file by catalogue number — with every page numbered and the 目录
giving the page on which each item starts. The competition form's 佐证页码 (PXX页) are filled from
the same pages. Runs as a background job; progress shows on the application's form and the PDF is
attached to the application as a private file."""

from dataclasses import dataclass, field

import frappe
from frappe import _
from pypdf.errors import PdfReadError

from cluster_registry.cluster_registry.evidence_files import evidence_file, stored_bytes
from cluster_registry.cluster_registry.form_versions import load_form
from cluster_registry.cluster_registry.outputs import api, records
from cluster_registry.forms.definitions import fill_years, items
from cluster_registry.outputs import form_html, pdf
from cluster_registry.outputs.blocks import EVIDENCE_PAGE_PLACEHOLDER
from cluster_registry.rules import files as file_rules

OTHER_EVIDENCE = "其他佐证材料"
# Each round of numbering may move the 目录 or the form by a page; it settles in two or three.
MAX_ROUNDS = 4


@dataclass
class Part:
	number: int | None
	title: str
	kind: str
	files: list[bytes] = field(default_factory=list)

	@property
	def pages(self) -> int:
		return sum(pdf.page_count(content) for content in self.files)


def build(application: str) -> str:
	"""Builds the bound filing of the application and attaches it; returns the file's URL."""
	doc = frappe.get_doc("Cluster Application", application)
	doc.check_permission("read")
	definition = load_form(doc.form_version)
	progress(doc, 5, _("Reading the evidence files"))
	parts = catalogue_parts(doc, definition)
	progress(doc, 40, _("Laying out the form"))
	css = api.cluster_outputs_css()
	uses_pages = form_uses_pages(definition)
	form_part = next(part for part in parts if part.kind == "form")
	cover_pages, ranges, cover = 2, {}, b""
	for attempt in range(MAX_ROUNDS):
		if uses_pages or not form_part.files:
			doc.flags.evidence_pages = ranges
			form_part.files = [pdf.html_to_pdf(api.cluster_application_html(doc), css)]
		new_ranges = page_ranges(parts, cover_pages + 1)
		cover = pdf.html_to_pdf(cover_html(doc, definition, parts, cover_pages + 1), css)
		settled = pdf.page_count(cover) == cover_pages and (new_ranges == ranges or not uses_pages)
		cover_pages, ranges = pdf.page_count(cover), new_ranges
		if settled:
			break
		progress(doc, 50 + 10 * attempt, _("Numbering the pages"))
	progress(doc, 90, _("Binding {0} pages").format(pdf.page_count(cover) + sum(p.pages for p in parts)))
	content = pdf.stamp_page_numbers(pdf.join([cover, *(file for part in parts for file in part.files)]))
	file_url = attach(doc, content)
	progress(doc, 100, _("The bound filing is attached to {0}").format(doc.name))
	frappe.publish_realtime(
		"cluster_registry_bound_filing",
		{"name": doc.name, "file_url": file_url},
		user=frappe.session.user,
		doctype=doc.doctype,
		docname=doc.name,
	)
	return file_url


def catalogue_parts(doc, definition: dict) -> list[Part]:
	"""The catalogue's items with their PDFs (the form's is made later, once pages are known)."""
	evidence = frappe.get_all(
		"Cluster Evidence",
		filters={"application": doc.name, "file": ("is", "set")},
		fields=["name", "application", "catalogue_no", "evidence_title", "file"],
		order_by="catalogue_no asc, creation asc",
	)
	numbers = {entry["no"] for entry in definition["catalogue"]}
	parts = []
	for entry in definition["catalogue"]:
		part = Part(entry["no"], fill_years(entry["title"], doc.round_year), entry["kind"])
		if entry["kind"] == "onsite":
			part.files = [onsite_pdf(doc)]
		elif entry["kind"] != "form":
			part.files = [evidence_pdf(row) for row in evidence if row.catalogue_no == entry["no"]]
		parts.append(part)
	others = [row for row in evidence if row.catalogue_no not in numbers]
	if others:
		parts.append(Part(None, OTHER_EVIDENCE, "evidence", [evidence_pdf(row) for row in others]))
	return parts


def form_uses_pages(definition: dict) -> bool:
	"""Whether the form prints evidence page numbers (佐证页码, PXX页) that the bundle fills."""
	return any(
		"evidence_page" in item or EVIDENCE_PAGE_PLACEHOLDER in item.get("label", "")
		for _section, item in items(definition)
	)


def page_ranges(parts: list[Part], first: int) -> dict[int, tuple[int, int]]:
	"""catalogue number -> (first, last) page of each part that has pages."""
	counts = [part.pages for part in parts]
	ranges = {}
	for part, start, count in zip(parts, pdf.first_pages(counts, first), counts, strict=True):
		if count and part.number is not None:
			ranges[part.number] = (start, start + count - 1)
	return ranges


def cover_html(doc, definition: dict, parts: list[Part], first_page: int) -> str:
	cluster = (
		frappe.db.get_value("Industrial Cluster", doc.cluster, ["county", "lead_industry"], as_dict=True)
		or frappe._dict()
	)
	title = bundle_title(definition["catalogue"][0]["title"])
	lines = [
		("集群名称", doc.cluster_name or ""),
		("所在区划", records.region_path(cluster.county)),
		("主导产业", cluster.lead_industry or ""),
		("填报日期", records.chinese_date(doc.declaration_date)),
	]
	first = pdf.first_pages([part.pages for part in parts], first_page)
	entries = [
		(str(part.number or ""), part.title, start if part.pages else None)
		for part, start in zip(parts, first, strict=True)
	]
	return form_html.bundle_cover(title, lines, entries)


def bundle_title(form_title: str) -> str:
	"""中小企业特色产业集群申报表 -> …申报材料; …复核申报表 -> …复核申报佐证材料 (seed 002 附件7)."""
	if form_title.endswith("复核申报表"):
		return form_title.removesuffix("表") + "佐证材料"
	return form_title.removesuffix("表") + "材料"


def onsite_pdf(doc) -> bytes:
	name = frappe.db.get_value("Onsite Verification", {"application": doc.name})
	verification = frappe.get_doc("Onsite Verification", name) if name else None
	html = form_html.blocks_html(api.onsite_blocks(verification))
	return pdf.html_to_pdf(html, api.cluster_outputs_css())


def evidence_pdf(row) -> bytes:
	"""An evidence file as PDF pages: a PDF as it is, an image on an A4 page, anything else (a
	Word or Excel file stored before evidence had to be PDF or an image) as a page saying it is to
	be converted and bound by hand. Only the File uploaded to the evidence (or its filing) is read,
	whatever other File shares its URL."""
	file = evidence_file(row)
	file_name = file.file_name if file else row.file
	try:
		content = stored_bytes(file) if file else b""
		kind = file_rules.sniff(content)
		if kind == file_rules.PDF:
			pdf.page_count(content)
			return content
		if kind in (file_rules.PNG, file_rules.JPEG):
			return pdf.image_to_pdf(content)
	except (PdfReadError, OSError):
		frappe.log_error(title=_("Bound filing: unreadable evidence file {0}").format(file_name))
	message = _("{0} ({1}) cannot be bound into the PDF: convert it to PDF and attach it again.").format(
		row.evidence_title or "", file_name
	)
	return pdf.html_to_pdf(
		f'<p class="cr-heading-center">{frappe.utils.escape_html(message)}</p>', api.cluster_outputs_css()
	)


def attach(doc, content: bytes) -> str:
	file_name = f"{doc.name}-{bundle_title(load_form(doc.form_version)['catalogue'][0]['title'])}.pdf"
	for old in frappe.get_all(
		"File",
		filters={"attached_to_doctype": doc.doctype, "attached_to_name": doc.name, "file_name": file_name},
		pluck="name",
	):
		frappe.delete_doc("File", old, ignore_permissions=True)
	file = frappe.get_doc(
		{
			"doctype": "File",
			"file_name": file_name,
			"attached_to_doctype": doc.doctype,
			"attached_to_name": doc.name,
			"is_private": 1,
			"content": content,
		}
	).insert(ignore_permissions=True)
	return file.file_url


def progress(doc, percent: int, description: str):
	frappe.publish_progress(
		percent, title=_("Bound Filing"), doctype=doc.doctype, docname=doc.name, description=description
	)
