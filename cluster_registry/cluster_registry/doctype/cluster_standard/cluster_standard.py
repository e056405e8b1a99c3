import frappe
from frappe import _

from cluster_registry.cluster_registry.cluster_record import ClusterRecord, add_unique_key
from cluster_registry.cluster_registry.input_checks import label

# 主持 on the forms: the enterprise is among the first three drafting units (起草单位排名前三位).
LEADING_RANKS = 3


class ClusterStandard(ClusterRecord):
	key_field = "standard_no"

	def validate(self):
		super().validate()
		if self.role == "主持" and self.drafting_rank and self.drafting_rank > LEADING_RANKS:
			frappe.throw(
				_(
					"A standard counts as led (主持) only when the enterprise is among the first three drafting units; at rank {0} it is joined (参与). Set {1} to 参与 or correct {2}."
				).format(
					self.drafting_rank, label(self.doctype, "role"), label(self.doctype, "drafting_rank")
				),
				title=_(self.doctype),
			)


def on_doctype_update():
	add_unique_key("Cluster Standard")
