"""The common ground of a cluster's library and name-list records (企业库, 项目库, 清单)."""

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import escape_html

from cluster_registry.cluster_registry.input_checks import check_figures, label


class ClusterRecord(Document):
	"""A row of one of the cluster's lists: its figures are checked and its key is unique.

	`year_spans` names (start, end) year fields; `key_field` the field that identifies the
	entry within its cluster (a patent number, an enterprise).
	"""

	year_spans: tuple = ()
	key_field: str | None = None

	def validate(self):
		check_figures(self, spans=self.year_spans)
		self.check_unique_key()

	def check_unique_key(self):
		if not self.key_field:
			return
		key = self.get(self.key_field)
		existing = frappe.db.exists(
			self.doctype, {"cluster": self.cluster, self.key_field: key, "name": ("!=", self.name)}
		)
		if existing:
			frappe.throw(
				_(
					"{0} {1} is already in the {2} of this cluster ({3}): edit that entry instead of adding it again."
				).format(label(self.doctype, self.key_field), escape_html(key), _(self.doctype), existing),
				frappe.DuplicateEntryError,
				title=_(self.doctype),
			)
