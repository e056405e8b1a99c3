import frappe
from frappe import _
from frappe.model.document import Document

from cluster_registry.approval_states import ON_SITE, SUBMITTED
from cluster_registry.cluster_registry.input_checks import label

# The city checks a filing on site between its submission and its recommendation.
ON_SITE_STATES = (SUBMITTED, ON_SITE)
STATEMENTS = ("materials_genuine", "not_prohibited", "no_major_accident", "no_tax_violation")


class OnsiteVerification(Document):
	def validate(self):
		status = frappe.db.get_value("Cluster Application", self.application, "status")
		if status not in ON_SITE_STATES:
			frappe.throw(
				_(
					"The on-site check is recorded while the filing is with the city ({0}); this filing is {1}."
				).format("、".join(ON_SITE_STATES), status),
				title=_("Onsite Verification"),
			)
		unconfirmed = [label(self.doctype, field) for field in STATEMENTS if not self.get(field)]
		if self.conclusion == "符合" and unconfirmed:
			frappe.throw(
				_(
					"A conclusion of 符合 needs every statement confirmed; not confirmed: {0}. Confirm them or conclude 不符合."
				).format("；".join(unconfirmed)),
				title=_("Onsite Verification"),
			)
