"""The disc package (电子版光盘资料): one ZIP per filing, named as the notice asks
(晋工信企业函〔2026〕42号: “XX县（市、区）中小企业特色产业集群申报资料” / “…复核申报资料”), holding the
form in Word and PDF, the bound filing and the evidence files in catalogue order under their
catalogue numbers. A Recommendation List's package holds its 推荐汇总表 (Word, Excel, PDF) and the
package of every filing on it, one folder each. Built in the background with a progress bar and
attached to the record as a private file; every piece comes from the official outputs' own entry
points, which check the user's permission on each record."""

import io
import re
import zipfile

import frappe
from frappe import _

from cluster_registry.approval_states import EDITABLE
from cluster_registry.cluster_registry.form_versions import load_form
from cluster_registry.cluster_registry.outputs import api, bundle, records, stored
from cluster_registry.renderers import pdf

DOCTYPES = ("Cluster Application", "Recommendation List")
EVIDENCE_FOLDER = "佐证材料"
OTHER_EVIDENCE = "其他"


class NotPackableError(frappe.PermissionError):
	"""A disc package is made of a filing or a recommendation list only."""


EVENT = "cluster_registry_disc_package"


@frappe.whitelist()
def build_disc_package(doctype: str, name: str) -> str:
	"""Starts building the package of a filing or a recommendation list; returns the job id."""
	if doctype not in DOCTYPES:
		frappe.throw(_("A disc package is made for a filing or a recommendation list."), NotPackableError)
	frappe.get_doc(doctype, name).check_permission("read")
	job = frappe.enqueue(
		"cluster_registry.cluster_registry.outputs.disc_package.build",
		queue="long",
		timeout=3600,
		job_id=f"cluster-disc-package-{doctype}-{name}",
		deduplicate=True,
		doctype=doctype,
		name=name,
	)
	return job.id if job else ""


def build(doctype: str, name: str) -> str:
	"""Builds the package, attaches it to the record and returns the file's URL."""
	doc = frappe.get_doc(doctype, name)
	doc.check_permission("read")
	progress(doc, 2, _("Collecting the files"))
	if doctype == "Cluster Application":
		zip_name = package_name(doc.county, doc.filing_kind)
		entries = filing_entries(doc, lambda share, text: progress(doc, 5 + int(90 * share), text))
	else:
		zip_name = package_name(doc.recommending_unit, doc.filing_kind)
		entries = list_entries(doc)
	progress(doc, 96, _("Packing {0} files").format(len(entries)))
	# a private file whatever its size (a large filing's package runs past Frappe's upload limit)
	file_url = stored.attach_output(doc, f"{zip_name}.zip", zipped(entries))
	progress(doc, 100, _("The disc package is attached to {0}").format(doc.name))
	frappe.publish_realtime(
		EVENT, {"doctype": doctype, "name": name, "file_url": file_url}, user=frappe.session.user
	)
	return file_url


def package_name(region: str, filing_kind: str) -> str:
	"""小店区中小企业特色产业集群申报资料 (复核: …复核申报资料), as the notice labels the disc."""
	kind = "复核申报资料" if filing_kind == "复核" else "申报资料"
	return f"{records.region_name(region)}中小企业特色产业集群{kind}"


def filing_entries(doc, report=None) -> list[tuple[str, bytes]]:
	"""(path in the ZIP, content) of a filing: the form (Word, PDF), the bound filing, the evidence."""
	report = report or (lambda share, text: None)
	report(0, _("{0}: the form in Word and PDF").format(doc.cluster_name))
	entries = [own_name(doc.name, *captured(api.form_word, doc.name))]
	# the PDF is made here, in this job, whatever the filing's size (the download link of a large
	# filing would start a job of its own instead)
	form_pdf_name = api.form_pdf_name(doc, load_form(doc.form_version))
	entries.append(own_name(doc.name, form_pdf_name, api.form_pdf_content(doc)))
	report(0.2, _("{0}: binding the filing").format(doc.cluster_name))
	bound = bound_filing(doc)
	entries.append((bound.file_name.removeprefix(f"{doc.name}-"), bound.get_content()))
	report(0.8, _("{0}: the evidence files").format(doc.cluster_name))
	entries += evidence_entries(doc)
	return entries


def bound_filing(doc):
	"""The bound filing's file: one already attached to a filing that can no longer change (sent
	on, so frozen with its evidence), made after its last change and its on-site statement, is
	reused; otherwise it is bound anew."""
	if doc.status not in EDITABLE:
		statement = frappe.db.get_value("Onsite Verification", {"application": doc.name}, "modified")
		made = frappe.get_all(
			"File",
			filters={
				"attached_to_doctype": doc.doctype,
				"attached_to_name": doc.name,
				"file_name": ("like", f"{doc.name}-%.pdf"),
				"creation": (">", max(filter(None, (doc.modified, statement)))),
			},
			pluck="name",
			order_by="creation desc",
			limit=1,
		)
		if made:
			return frappe.get_doc("File", made[0])
	return frappe.get_doc("File", {"file_url": bundle.build(doc.name)})


def evidence_entries(doc) -> list[tuple[str, bytes]]:
	"""佐证材料/03-标题.pdf in catalogue order; several files under one number are 03-1-…, 03-2-…"""
	rows = frappe.get_list(
		"Cluster Evidence",
		filters={"application": doc.name, "file": ("is", "set")},
		fields=["name", "catalogue_no", "evidence_title", "file"],
		order_by="catalogue_no asc, creation asc",
	)
	per_number: dict = {}
	for row in rows:
		per_number.setdefault(row.catalogue_no or None, []).append(row)
	entries = []
	for number in sorted(per_number, key=lambda no: (no is None, no or 0)):
		group = per_number[number]
		for index, row in enumerate(group, 1):
			file = frappe.get_doc("File", {"file_url": row.file})
			prefix = f"{number:02d}" if number else OTHER_EVIDENCE
			if len(group) > 1:
				prefix = f"{prefix}-{index}"
			extension = (file.file_name or row.file).rsplit(".", 1)[-1].lower()
			title = safe(row.evidence_title or file.file_name)
			entries.append((f"{EVIDENCE_FOLDER}/{prefix}-{title}.{extension}", file.get_content()))
	return entries


def list_entries(doc) -> list[tuple[str, bytes]]:
	"""The 推荐汇总表 in Word, Excel and PDF, then one folder per filing on the list."""
	title_file, excel = captured(api.summary_excel, doc.name)
	title = title_file.removeprefix(f"{doc.name}-").rsplit(".", 1)[0]
	_word_file, word = captured(api.summary_word, doc.name)
	summary_pdf = pdf.html_to_pdf(api.cluster_recommendation_html(doc), api.cluster_outputs_css())
	entries = [(f"{title}.docx", word), (f"{title}.xlsx", excel), (f"{title}.pdf", summary_pdf)]
	filings = [row.application for row in doc.items if row.application]
	folders: set[str] = set()
	for number, application in enumerate(filings):
		filing = frappe.get_doc("Cluster Application", application)
		folder = package_name(filing.county, filing.filing_kind)
		if folder in folders:
			folder = f"{folder}（{safe(filing.cluster_name)}）"
		folders.add(folder)

		def report(share, text, number=number):
			progress(doc, 5 + int(90 * (number + share) / len(filings)), text)

		entries += [(f"{folder}/{path}", content) for path, content in filing_entries(filing, report)]
	return entries


def captured(entry_point, name: str) -> tuple[str, bytes]:
	"""The file an official output's download entry point sends, without sending it."""
	response = frappe.local.response
	kept = dict(response)
	try:
		entry_point(name)
		return response.filename, response.filecontent
	finally:
		response.clear()
		response.update(kept)


def own_name(record: str, file_name: str, content: bytes) -> tuple[str, bytes]:
	"""CA-00001-山西省中小企业特色产业集群申报表.docx -> 山西省中小企业特色产业集群申报表.docx"""
	return file_name.removeprefix(f"{record}-"), content


def safe(text: str) -> str:
	"""A title as a file name: no path separators or characters Windows refuses."""
	return re.sub(r'[\\/:*?"<>|\r\n\t]+', "_", text or "").strip() or "_"


def zipped(entries: list[tuple[str, bytes]]) -> bytes:
	content = io.BytesIO()
	with zipfile.ZipFile(content, "w", zipfile.ZIP_DEFLATED) as archive:
		for path, data in entries:
			archive.writestr(path, data)
	return content.getvalue()


def progress(doc, percent: int, description: str):
	frappe.publish_progress(
		percent, title=_("Disc Package"), doctype=doc.doctype, docname=doc.name, description=description
	)
