"""The common ground of a cluster's library and name-list records (企业库, 项目库, 清单)."""

import frappe
from frappe import _
from frappe.model.base_document import get_controller

from cluster_registry.cluster_registry.input_checks import check_figures, label
from cluster_registry.cluster_registry.refusals import refuse
from cluster_registry.cluster_registry.uniqueness import AlreadyRecordedError, UniqueRecord, ensure_unique


class ClusterRecord(UniqueRecord):
	"""A row of one of the cluster's lists: its figures are checked and its key is unique.

	`year_spans` names (start, end) year fields; `key_field` the field that identifies the
	entry within its cluster (a patent number, an enterprise).
	"""

	year_spans: tuple = ()
	key_field: str | None = None

	def validate(self):
		check_figures(self, spans=self.year_spans)
		self.check_duplicate()

	def duplicate_of(self) -> str | None:
		if not self.key_field:
			return None
		return self.find_other({"cluster": self.cluster, self.key_field: self.get(self.key_field)})

	def refuse_duplicate(self, existing: str):
		refuse(
			AlreadyRecordedError,
			_(
				"{0} {1} is already in the {2} of this cluster ({3}): edit that entry instead of adding it again."
			).format(
				label(self.doctype, self.key_field),
				frappe.utils.escape_html(self.get(self.key_field)),
				_(self.doctype),
				existing,
			),
			title=_(self.doctype),
			field=self.key_field,
		)


def add_unique_key(doctype: str):
	"""The `on_doctype_update` of a list record: its key is unique within its cluster."""
	ensure_unique(doctype, ("cluster", get_controller(doctype).key_field))
