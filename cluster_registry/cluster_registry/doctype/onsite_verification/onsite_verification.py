import frappe
from frappe import _
from frappe.model.document import Document

from cluster_registry.approval_states import ON_SITE, SUBMITTED
from cluster_registry.cluster_registry import filing_rights
from cluster_registry.cluster_registry.input_checks import label
from cluster_registry.filing_terms import CONFORMS
from cluster_registry.rules import steps

# The city checks a filing on site between its submission and its recommendation.
ON_SITE_STATES = (SUBMITTED, ON_SITE)
STATEMENTS = ("materials_genuine", "not_prohibited", "no_major_accident", "no_tax_violation")


class UnconfirmedStatementsError(frappe.ValidationError):
	"""符合 concluded with statements left unconfirmed."""

	field = "conclusion"


class NotAtTheCityError(frappe.ValidationError):
	"""The on-site check recorded while the filing is not with the city."""


class NotTheCityError(frappe.PermissionError):
	"""The on-site check made, changed or deleted by anyone but the filing's city."""


class OnsiteVerification(Document):
	def validate(self):
		self.check_the_city_at_its_step()
		unconfirmed = [label(self.doctype, field) for field in STATEMENTS if not self.get(field)]
		if self.conclusion == CONFORMS and unconfirmed:
			frappe.throw(
				_(
					"A conclusion of 符合 needs every statement confirmed; not confirmed: {0}. Confirm them or conclude 不符合."
				).format("；".join(unconfirmed)),
				UnconfirmedStatementsError,
				title=_("Onsite Verification"),
			)

	def on_trash(self):
		self.check_the_city_at_its_step()

	def check_the_city_at_its_step(self):
		"""The statement is the city's: made, changed and withdrawn only by the officials of the
		filing's city (territory), and only while the filing is with the city."""
		status = frappe.db.get_value("Cluster Application", self.application, "status")
		if status not in ON_SITE_STATES:
			frappe.throw(
				_(
					"The on-site check is recorded while the filing is with the city ({0}); this filing is {1}."
				).format("、".join(ON_SITE_STATES), status),
				NotAtTheCityError,
				title=_("Onsite Verification"),
			)
		if filing_rights.is_system():
			return
		if not steps.may_verify_on_site(filing_rights.user_levels(), status) or not frappe.has_permission(
			"Cluster Application", "read", doc=self.application
		):
			frappe.throw(
				_(
					"The 现场核查符合性说明 is the statement of the filing's city: only the city's officials make, change or delete it."
				),
				NotTheCityError,
				title=_("Onsite Verification"),
			)
