"""The print view's PDF button (frappe.utils.print_format.download_pdf) on the official form of a
large filing: the form of a cluster with thousands of enterprises takes minutes to lay out, which
has no place in a web request; the PDF is built in the background and attached to the filing, as
the Official Outputs menu's Form (PDF) does. Every other print goes to Frappe as it is."""

import frappe
from frappe import _
from frappe.utils.print_format import download_pdf as frappe_download_pdf
from frappe.www.printview import get_print_format

from cluster_registry.cluster_registry.outputs import api, records

OFFICIAL_FORM_METHOD = "cluster_application_html"


@frappe.whitelist(allow_guest=True)
def download_pdf(
	doctype: str, name: str, format=None, doc=None, no_letterhead=0, language=None, letterhead=None
):
	if not doctype or not frappe.db.exists("DocType", doctype):  # Frappe would fail importing it
		frappe.throw(
			_("There is no document type {0}: choose a print from a record's form").format(doctype),
			frappe.DoesNotExistError,
			title=_("Print"),
		)
	if doctype == "Cluster Application" and prints_official_form(format):
		application = frappe.get_doc(doctype, name)
		application.check_permission("print")
		if api.table_rows(records.application_filing(application)) > api.LARGE_FILING_ROWS:
			api.enqueue_output("build_form_pdf", application)
			frappe.respond_as_web_page(
				_("Form (PDF)"),
				_(
					"{0} is large: its PDF is being built in the background and will be attached to it."
				).format(name),
				indicator_color="blue",
			)
			return
	return frappe_download_pdf(
		doctype,
		name,
		format=format,
		doc=doc,
		no_letterhead=no_letterhead,
		language=language,
		letterhead=letterhead,
	)


def prints_official_form(print_format: str | None) -> bool:
	"""Whether the print format lays out the official form (ours, or a copy made from it)."""
	if not print_format:
		print_format = frappe.get_meta("Cluster Application").default_print_format
	if not print_format or not frappe.db.exists("Print Format", print_format):
		return False
	format_doc = frappe.get_cached_doc("Print Format", print_format)
	if format_doc.disabled or format_doc.doc_type != "Cluster Application":
		return False
	try:
		return OFFICIAL_FORM_METHOD in get_print_format("Cluster Application", format_doc)
	except frappe.TemplateNotFoundError:
		return False
