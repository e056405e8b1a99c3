"""A row of a child table (an answer of a filing, a score of a review, an item of a recommendation
list, …) is written only through its parent's save, with the parent's rules: permission, territory,
freezing, quotas. Frappe's REST API (POST/PUT/DELETE /api/resource/<child doctype>) and
frappe.client.save would otherwise write a row on its own, past the parent's validation."""

import frappe
from frappe import _
from frappe.model.document import Document


class RowAloneError(frappe.PermissionError):
	"""A child-table row written or deleted on its own instead of through its parent."""


class ParentSavedRow(Document):
	"""Base of every child DocType of the app: its rows are inserted, changed and removed only by
	saving the parent (Frappe then writes the rows itself, without these methods)."""

	def before_insert(self):
		self.refuse_alone()

	def validate(self):
		self.refuse_alone()

	def on_trash(self):
		self.refuse_alone()

	def refuse_alone(self):
		parent = _(self.parenttype) if self.parenttype else _("its parent record")
		frappe.throw(
			_("A row of {0} is changed only by saving {1}: open {1} and edit the row there.").format(
				_(self.doctype), parent
			),
			RowAloneError,
			title=_("Not Permitted"),
		)
