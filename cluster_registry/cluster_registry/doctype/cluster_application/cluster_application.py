import frappe
from frappe import _
from frappe.utils import escape_html

from cluster_registry.cluster_registry import approval, filing_rights, recognition
from cluster_registry.cluster_registry.application_check import check
from cluster_registry.cluster_registry.application_prefill import prefill
from cluster_registry.cluster_registry.input_checks import check_figures, label
from cluster_registry.cluster_registry.link_checks import check_links
from cluster_registry.cluster_registry.outputs import snapshot
from cluster_registry.cluster_registry.uniqueness import AlreadyRecordedError, UniqueRecord, ensure_unique


class RoundNotOpenError(frappe.ValidationError):
	"""A filing of a kind or level its round does not open."""


class OriginalApplicationError(frappe.ValidationError):
	"""The original filing of a 复核 is another cluster's."""

	field = "original_application"


class CheckFindsErrorsError(frappe.ValidationError):
	"""Submitted while the pre-submission check (体检) finds errors."""


class ClusterApplication(UniqueRecord):
	def before_insert(self):
		check_links(self)  # the round and the cluster are read to prefill, before validation
		self.set_form_version()
		if not self.answers and not self.targets:
			prefill(self)

	def check_if_latest(self):
		approval.lock_round_for_quota(self)
		super().check_if_latest()

	def validate(self):
		self.keep_form_version()
		self.check_duplicate()
		self.check_original_application()
		check_figures(self)
		before = self.get_doc_before_save()
		approval.check_frozen(self, before)
		filing_rights.check_save(self, before)
		approval.check_transition(self, before)
		recognition.check_recognition_fields(self, before)
		self.refuse_submission_with_errors(before)
		snapshot.take_when_submitted(self, before)

	def on_update(self):
		recognition.record(self, self.get_doc_before_save())

	def on_trash(self):
		filing_rights.check_delete(self)

	def set_form_version(self):
		"""The form of the round's opening for the filing's kind and level, when the filing is made."""
		opening = frappe.get_doc("Declaration Round", self.declaration_round).opening(
			self.filing_kind, self.level
		)
		if not opening:
			frappe.throw(
				_("Round {0} does not open {1} {2} filings: choose a kind and level the round opens.").format(
					escape_html(self.declaration_round),
					escape_html(self.level),
					escape_html(self.filing_kind),
				),
				RoundNotOpenError,
				title=_("Cluster Application"),
			)
		self.form_version = opening.form_version
		self.county_deadline, self.city_deadline = opening.county_deadline, opening.city_deadline

	def keep_form_version(self):
		"""A filing keeps the form it was made with, even if the round's opening later names another
		version; it takes the opening's form again only when its round, kind or level changes."""
		before = self.get_doc_before_save()
		if before is None:
			return  # set by before_insert
		if any(
			before.get(field) != self.get(field) for field in ("declaration_round", "filing_kind", "level")
		):
			self.set_form_version()
		else:
			self.form_version = before.form_version

	def duplicate_of(self) -> str | None:
		return self.find_other(
			{
				"cluster": self.cluster,
				"declaration_round": self.declaration_round,
				"filing_kind": self.filing_kind,
				"level": self.level,
			}
		)

	def refuse_duplicate(self, existing: str):
		frappe.throw(
			_(
				"{0} already has a {1} {2} filing in this round ({3}): open it instead of starting another."
			).format(
				escape_html(self.cluster_name or self.cluster),
				self.level,
				self.filing_kind,
				existing,
			),
			AlreadyRecordedError,
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
				OriginalApplicationError,
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
				CheckFindsErrorsError,
				title=_("Pre-submission Check"),
			)


def on_doctype_update():
	ensure_unique("Cluster Application", ("cluster", "declaration_round", "filing_kind", "level"))
