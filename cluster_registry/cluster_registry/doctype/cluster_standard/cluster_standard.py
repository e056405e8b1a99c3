import frappe
from frappe import _

from cluster_registry.cluster_registry.cluster_record import ClusterRecord, add_unique_key
from cluster_registry.cluster_registry.input_checks import label
from cluster_registry.rules.inputs import LED_RANK_TEXT, led_beyond_rank


class LedBeyondRankError(frappe.ValidationError):
	"""主持 by a drafting unit ranked below the first three."""

	field = "role"


class ClusterStandard(ClusterRecord):
	key_field = "standard_no"

	def validate(self):
		super().validate()
		if led_beyond_rank(self.role, self.drafting_rank):
			frappe.throw(
				_(LED_RANK_TEXT).format(
					self.drafting_rank, label(self.doctype, "role"), label(self.doctype, "drafting_rank")
				),
				LedBeyondRankError,
				title=_(self.doctype),
			)


def on_doctype_update():
	add_unique_key("Cluster Standard")
