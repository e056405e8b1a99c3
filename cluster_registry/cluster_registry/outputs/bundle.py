"""The bound filing (申报材料): one PDF in catalogue order — cover and 目录, the form, the on-site
statement, then every evidence file by catalogue number (or by the catalogue number of the form
item it is linked to) — with every page numbered and the 目录 giving the page on which each item
starts. The competition form's 佐证页码 (PXX页) are filled from
the same pages. Runs as a background job; progress shows on the application's form and the PDF is
attached to the application as a private file."""

from dataclasses import dataclass, field
from functools import cached_property

import frappe
from frappe import _
from pypdf.errors import PdfReadError

from cluster_registry.cluster_registry import evidence_files
from cluster_registry.cluster_registry.form_versions import load_form
from cluster_registry.cluster_registry.outputs import api, records, stored
from cluster_registry.forms.definitions import fill_years, items
from cluster_registry.renderers import form_html, pdf
from cluster_registry.renderers.blocks import EVIDENCE_PAGE_PLACEHOLDER, page_reference
from cluster_registry.rules import files as file_rules

OTHER_EVIDENCE = "其他佐证材料"


@dataclass
class Part:
	number: int | None
	title: str
	kind: str
	files: list[bytes] = field(default_factory=list)

	@cached_property
	def pages(self) -> int:
		return sum(pdf.page_count(content) for content in self.files)


def build(application: str) -> str:
	"""Builds the bound filing of the application and attaches it; returns the file's URL.

	Every page the app makes (cover, 目录, the form, the on-site statement) is laid out in one
	render, with one blank placeholder page for each page of evidence: the 目录 and the form's
	佐证页码 refer to the pages by anchor and the renderer numbers them in the same pass, so
	nothing is rendered twice and the CJK font is subset once. The placeholders are then replaced
	by the evidence pages and every page is numbered."""
	doc = frappe.get_doc("Cluster Application", application)
	doc.check_permission("read")
	definition = load_form(doc.form_version)
	progress(doc, 5, _("Reading the evidence files"))
	parts = catalogue_parts(doc, definition)
	progress(doc, 20, _("Laying out the form"))
	html = bound_html(doc, definition, parts)
	rendered, anchors = pdf.render(
		html,
		api.cluster_outputs_css(),
		lambda pages: progress(doc, 55, _("{0} pages laid out; writing the PDF").format(pages)),
	)
	progress(doc, 80, _("Binding {0} pages").format(pdf.page_count(rendered) - sum_slots(parts)))
	inserts = {
		anchors[anchor(position)]: part.files
		for position, part in enumerate(parts)
		if part.kind == "evidence" and part.files
	}
	content = pdf.stamp_page_numbers(pdf.bind(rendered, inserts))
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


def sum_slots(parts: list["Part"]) -> int:
	return sum(part.pages for part in parts if part.kind == "evidence")


def anchor(position: int, end: bool = False) -> str:
	return f"cr-part-{position}" + ("-end" if end else "")


def bound_html(doc, definition: dict, parts: list[Part]) -> str:
	"""Cover and 目录, then each part in catalogue order on pages of its own: the form, the on-site
	statement, a placeholder page for each evidence page."""
	references = {}
	for position, part in enumerate(parts):
		if part.kind == "evidence" and part.pages and part.number is not None:
			last = anchor(position, end=part.pages > 1)
			references[part.number] = (page_reference(anchor(position)), page_reference(last))
	html = [cover_html(doc, definition, parts)]
	for position, part in enumerate(parts):
		if part.kind == "form":
			doc.flags.evidence_pages = references if form_uses_pages(definition) else {}
			html.append(
				f'<div class="cr-part" id="{anchor(position)}">{api.cluster_application_html(doc)}</div>'
			)
		elif part.kind == "onsite":
			html.append(f'<div class="cr-part" id="{anchor(position)}">{onsite_html(doc)}</div>')
		else:
			for page in range(part.pages):
				ids = [anchor(position)] if page == 0 else []
				ids += [anchor(position, end=True)] if page == part.pages - 1 and page else []
				html.append(
					"".join(f'<div class="cr-slot" id="{name}"></div>' for name in ids)
					or '<div class="cr-slot"></div>'
				)
	return "".join(html)


def catalogue_parts(doc, definition: dict) -> list[Part]:
	"""The catalogue's items in order, each with its evidence as PDFs (the form and the on-site
	statement are laid out with the cover). Evidence linked to a form item rather than a number
	is bound under the item's catalogue number."""
	evidence = frappe.get_all(
		"Cluster Evidence",
		filters={"application": doc.name, "file": ("is", "set")},
		fields=["name", "application", "catalogue_no", "item_key", "evidence_title", "file"],
		order_by="creation asc",
	)
	numbers = {entry["no"] for entry in definition["catalogue"]}
	item_numbers = {item["key"]: item.get("catalogue") for _section, item in items(definition)}
	for row in evidence:
		row.catalogue_no = row.catalogue_no or item_numbers.get(row.item_key)
	parts = []
	for entry in definition["catalogue"]:
		part = Part(entry["no"], fill_years(entry["title"], doc.round_year), entry["kind"])
		if entry["kind"] not in ("form", "onsite"):
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


def cover_html(doc, definition: dict, parts: list[Part]) -> str:
	"""The cover of seed 002 附件7 (集群名称, 所在地市, 主导产业, 填报日期) as filed: the filing's
	answers, else the cluster's facts as of submission; then the 目录."""
	filing = records.application_filing(doc)
	facts = filing.facts
	title = bundle_title(definition["catalogue"][0]["title"])
	lines = [
		("集群名称", filing.answer("cluster_name") or doc.cluster_name or ""),
		("所在地市", records.region_name(facts.get("city"))),
		("主导产业", filing.answer("lead_industry") or facts.get("lead_industry") or ""),
		("填报日期", records.chinese_date(doc.declaration_date)),
	]
	entries = [
		(
			str(part.number or ""),
			part.title,
			page_reference(anchor(position)) if part.kind != "evidence" or part.pages else None,
		)
		for position, part in enumerate(parts)
	]
	return form_html.bundle_cover(title, lines, entries)


def bundle_title(form_title: str) -> str:
	"""中小企业特色产业集群申报表 -> …申报材料; …复核申报表 -> …复核申报佐证材料 (seed 002 附件7)."""
	if form_title.endswith("复核申报表"):
		return form_title.removesuffix("表") + "佐证材料"
	return form_title.removesuffix("表") + "材料"


def onsite_html(doc) -> str:
	name = frappe.db.get_value("Onsite Verification", {"application": doc.name})
	verification = frappe.get_doc("Onsite Verification", name) if name else None
	return form_html.blocks_html(api.onsite_blocks(verification))


def evidence_pdf(row) -> bytes:
	"""An evidence file as PDF pages: a PDF as it is, an image on an A4 page, anything else (a
	Word or Excel file stored before evidence had to be PDF or an image) as a page saying it is to
	be converted and bound by hand."""
	file_name, content = evidence_file(row)
	try:
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


def evidence_file(row) -> tuple[str, bytes]:
	"""The name and bytes of an evidence record's file: the one place the bound filing reads them.
	Only the File uploaded to the evidence (or its filing) is read, whatever other File shares its
	URL; a record without one gives no bytes."""
	file = evidence_files.evidence_file(row)
	if not file:
		return row.file, b""
	return file.file_name or row.file, evidence_files.stored_bytes(file)


def attach(doc, content: bytes) -> str:
	title = bundle_title(load_form(doc.form_version)["catalogue"][0]["title"])
	return stored.attach_output(doc, f"{doc.name}-{title}.pdf", content)


def progress(doc, percent: int, description: str):
	frappe.publish_progress(
		percent, title=_("Bound Filing"), doctype=doc.doctype, docname=doc.name, description=description
	)
