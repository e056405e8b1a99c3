import io

import frappe
from frappe import _
from frappe.model.document import Document
from pypdf import PdfReader

from cluster_registry.cluster_registry.approval import refuse_when_frozen
from cluster_registry.cluster_registry.input_checks import check_figures


class ClusterEvidence(Document):
	def validate(self):
		refuse_when_frozen(self.application)
		check_figures(self)
		self.page_count = self.count_pages()

	def on_update(self):
		self.keep_file_private()

	def on_trash(self):
		refuse_when_frozen(self.application)

	def file_doc(self):
		name = frappe.db.get_value(
			"File",
			{"file_url": self.file, "attached_to_doctype": self.doctype, "attached_to_name": self.name},
		)
		name = name or frappe.db.get_value("File", {"file_url": self.file})
		return frappe.get_doc("File", name) if name else None

	def keep_file_private(self):
		"""Evidence is never public, and a file uploaded on its own (REST API) belongs to this record:
		a public file is made private (and moved), an unattached one is attached here, so that whoever
		may read the record, and only they, may download it."""
		file = self.file_doc()
		if not file or (file.is_private and file.attached_to_name and not self.placeholder_owner(file)):
			return
		file.is_private = 1
		if not file.attached_to_name or self.placeholder_owner(file):
			file.attached_to_doctype, file.attached_to_name, file.attached_to_field = (
				self.doctype,
				self.name,
				"file",
			)
		file.save(ignore_permissions=True)
		if file.file_url != self.file:
			self.db_set("file", file.file_url)

	def placeholder_owner(self, file) -> bool:
		"""A file uploaded on the new form is attached to the form's temporary name (new-…)."""
		return (
			file.attached_to_doctype == self.doctype
			and file.attached_to_name != self.name
			and not frappe.db.exists(self.doctype, file.attached_to_name)
		)

	def count_pages(self) -> int:
		"""Pages of a PDF; an image or another document counts as one page."""
		file = self.file_doc()
		if not file:
			return 0
		if not (file.file_name or "").lower().endswith(".pdf"):
			return 1
		try:
			return len(PdfReader(io.BytesIO(file.get_content())).pages)
		except Exception:
			frappe.throw(
				_("{0} is not a readable PDF: export it again and attach the new file.").format(
					file.file_name
				)
			)
