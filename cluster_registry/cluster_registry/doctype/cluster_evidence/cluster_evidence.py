import io

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import escape_html
from pypdf import PdfReader

from cluster_registry.cluster_registry.approval import refuse_when_frozen
from cluster_registry.cluster_registry.evidence_files import (
	checked_evidence_file,
	evidence_file,
	stored_bytes,
)
from cluster_registry.cluster_registry.input_checks import check_figures
from cluster_registry.rules import files as file_rules


class UnreadablePdfError(frappe.ValidationError):
	field = "file"


class ClusterEvidence(Document):
	def validate(self):
		self.refuse_when_a_filing_is_frozen()
		check_figures(self)
		self.page_count = self.count_pages(checked_evidence_file(self))

	def on_update(self):
		self.keep_file_private()

	def on_trash(self):
		refuse_when_frozen(self.application)

	def refuse_when_a_filing_is_frozen(self):
		"""Neither the filing it belongs to nor the one it would move from may be frozen."""
		refuse_when_frozen(self.application)
		before = None if self.is_new() else self.get_doc_before_save()
		if before and before.application != self.application:
			refuse_when_frozen(before.application)

	def keep_file_private(self):
		"""Evidence is never public, and a file uploaded on its own (REST API) belongs to this record:
		a public upload is stored again as a private file of this record (under a name free in the
		private folder) and the public one removed; an unattached private one is attached here; so
		that whoever may read the record, and only they, may download it."""
		file = evidence_file(self)
		if not file or (file.is_private and file.attached_to_name and not self.placeholder_owner(file)):
			return
		if file.is_private:
			file.attached_to_doctype, file.attached_to_name, file.attached_to_field = (
				self.doctype,
				self.name,
				"file",
			)
			file.save(ignore_permissions=True)
			return
		private = frappe.get_doc(
			{
				"doctype": "File",
				"file_name": file.file_name,
				"is_private": 1,
				"content": stored_bytes(file),
				"attached_to_doctype": self.doctype,
				"attached_to_name": self.name,
				"attached_to_field": "file",
			}
		).insert(ignore_permissions=True)
		if not file.attached_to_name:
			file.delete(ignore_permissions=True)
			# Frappe keeps the disk file while another record has the same content (the private copy)
			if not frappe.db.exists("File", {"file_url": file.file_url}):
				file.delete_file_data_content()
		self.db_set("file", private.file_url)

	def placeholder_owner(self, file) -> bool:
		"""A file uploaded on the new form is attached to the form's temporary name (new-…)."""
		return (
			file.attached_to_doctype == self.doctype
			and file.attached_to_name != self.name
			and not frappe.db.exists(self.doctype, file.attached_to_name)
		)

	def count_pages(self, file) -> int:
		"""Pages of a PDF; an image counts as one page."""
		content = stored_bytes(file)
		if file_rules.sniff(content) != file_rules.PDF:
			return 1
		try:
			return len(PdfReader(io.BytesIO(content)).pages)
		except Exception:
			frappe.throw(
				_("{0} is not a readable PDF: export it again and attach the new file.").format(
					escape_html(file.file_name or "")
				),
				UnreadablePdfError,
			)
