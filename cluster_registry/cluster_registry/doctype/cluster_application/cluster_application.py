import frappe
from frappe import _
from frappe.model.document import Document

from cluster_registry.cluster_registry import approval
from cluster_registry.cluster_registry.application_check import check
from cluster_registry.cluster_registry.application_prefill import prefill
from cluster_registry.cluster_registry.input_checks import check_figures, label


class ClusterApplication(Document):
	def before_insert(self):
		self.set_form_version()
		if not self.answers and not self.targets:
			prefill(self)

	def validate(self):
		self.set_form_version()
		self.check_one_filing_per_round()
		self.check_original_application()
		check_figures(self)
		before = self.get_doc_before_save()
		approval.check_frozen(self, before)
		approval.check_transition(self, before)
		self.refuse_submission_with_errors(before)

	def set_form_version(self):
		opening = frappe.get_doc("Declaration Round", self.declaration_round).opening(
			self.filing_kind, self.level
		)
		if not opening:
			frappe.throw(
				_("Round {0} does not open {1} {2} filings: choose a kind and level the round opens.").format(
					self.declaration_round, self.level, self.filing_kind
				),
				title=_("Cluster Application"),
			)
		self.form_version = opening.form_version
		self.county_deadline, self.city_deadline = opening.county_deadline, opening.city_deadline

	def check_one_filing_per_round(self):
		others = {
			"cluster": self.cluster,
			"declaration_round": self.declaration_round,
			"filing_kind": self.filing_kind,
			"level": self.level,
			"name": ("!=", self.name),
		}
		existing = frappe.db.exists(self.doctype, others)
		if existing:
			frappe.throw(
				_(
					"{0} already has a {1} {2} filing in this round ({3}): open it instead of starting another."
				).format(self.cluster_name or self.cluster, self.level, self.filing_kind, existing),
				frappe.DuplicateEntryError,
				title=_("Cluster Application"),
			)

	def check_original_application(self):
		if not self.original_application:
			return
		cluster = frappe.db.get_value(self.doctype, self.original_application, "cluster")
		if cluster != self.cluster:
			frappe.throw(
				_("{0} must be a filing of the same cluster.").format(
					label(self.doctype, "original_application")
				),
				title=_("Cluster Application"),
			)

	def refuse_submission_with_errors(self, before):
		"""Leaving the draft runs the pre-submission check; any error keeps the filing a draft."""
		leaving_draft = self.status not in approval.EDITABLE and (
			before is None or before.status in approval.EDITABLE
		)
		if not leaving_draft:
			return
		errors = [f["message"] for f in check(self) if f["severity"] == "error"]
		if errors:
			frappe.throw(
				_("The filing cannot be submitted while the check finds errors:")
				+ "<br>"
				+ "<br>".join(errors),
				title=_("Pre-submission Check"),
			)
