import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import escape_html, flt, now_datetime

from cluster_registry.approval_states import EXPERT_REVIEW as REVIEW_STATE
from cluster_registry.cluster_registry import filing_rights
from cluster_registry.cluster_registry.input_checks import check_figures, label, throw_problems
from cluster_registry.cluster_registry.request_arguments import json_argument
from cluster_registry.filing_terms import CONFLICT, NO_CONFLICT
from cluster_registry.filing_terms import CRITERION_GROUPS as GROUPS
from cluster_registry.rules.inputs import Problem

FULL_MARKS = 12.5  # eight groups, 100 points


class NotAnExpertError(frappe.ValidationError):
	field = "expert"


class AlreadyAssignedError(frappe.ValidationError):
	field = "expert"


class RecusalFinalError(frappe.PermissionError):
	"""A declared 回避 withdrawn."""

	field = "conflict_declaration"


class FullMarksFixedError(frappe.PermissionError):
	"""Full marks or groups changed by anyone but the province."""

	field = "max_score"


class ConflictUndeclaredError(frappe.ValidationError):
	"""Scores given before declaring no conflict of interest."""

	field = "conflict_declaration"


class NotUnderReviewError(frappe.ValidationError):
	"""Scores given while the filing is not under expert review."""


class ExpertReview(Document):
	def validate(self):
		self.check_expert()
		before = self.get_doc_before_save()
		self.check_recusal_is_final(before)
		self.check_full_marks(before)
		check_figures(self)
		self.check_scores()
		self.set_status()

	def check_expert(self):
		if "Cluster Expert" not in frappe.get_roles(self.expert):
			frappe.throw(
				_("{0} is not an expert (role Cluster Expert).").format(escape_html(self.expert)),
				NotAnExpertError,
				title=_("Expert Review"),
			)
		other = frappe.db.exists(
			self.doctype, {"application": self.application, "expert": self.expert, "name": ("!=", self.name)}
		)
		if other:
			frappe.throw(
				_("{0} is already assigned to this filing ({1}).").format(escape_html(self.expert), other),
				AlreadyAssignedError,
				title=_("Expert Review"),
			)

	def check_recusal_is_final(self, before):
		if before and before.conflict_declaration == CONFLICT and self.conflict_declaration != CONFLICT:
			frappe.throw(
				_(
					"A declared conflict of interest (回避) is final: {0} stays “{1}” and the expert does not score."
				).format(label(self.doctype, "conflict_declaration"), CONFLICT),
				RecusalFinalError,
				title=_("Conflict of Interest"),
			)

	def check_full_marks(self, before):
		"""The groups and their full marks are set when the province assigns the review; an expert
		scores within them and changes neither."""
		if before is None or filing_rights.is_system() or "Cluster Province Officer" in frappe.get_roles():
			return

		def marks(review):
			return [(row.criterion_group, flt(row.max_score)) for row in review.scores]

		if marks(self) != marks(before):
			frappe.throw(
				_("{0} and the criterion groups are set by the province: score within them.").format(
					label("Expert Review Score", "max_score")
				),
				FullMarksFixedError,
				title=_("Expert Review"),
			)

	def check_scores(self):
		if all(row.score is None for row in self.scores):
			return
		if self.conflict_declaration != NO_CONFLICT:
			frappe.throw(
				_(
					"Declare {0} as “{1}” before scoring; an expert with a conflict of interest withdraws and does not score."
				).format(label(self.doctype, "conflict_declaration"), NO_CONFLICT),
				ConflictUndeclaredError,
				title=_("Conflict of Interest"),
			)
		status = frappe.db.get_value("Cluster Application", self.application, "status")
		if status != REVIEW_STATE:
			frappe.throw(
				_("The filing is scored while it is under expert review; it is {0}.").format(status),
				NotUnderReviewError,
				title=_("Expert Review"),
			)
		problems = [
			(row, Problem("over_full_marks", "score", row.score, "max_score", row.max_score))
			for row in self.scores
			if row.max_score and row.score is not None and row.score > row.max_score
		]
		if problems:
			throw_problems(problems)

	def set_status(self):
		if self.conflict_declaration and not self.declared_on:
			self.declared_on = now_datetime()
		scored = {row.criterion_group for row in self.scores if row.score is not None}  # 0 is a score
		self.total_score = sum(row.score or 0 for row in self.scores)
		if self.conflict_declaration == CONFLICT:
			self.review_status = "已回避"
		elif not self.conflict_declaration:
			self.review_status = "待声明"
		else:
			self.review_status = "已评分" if scored >= set(GROUPS) else "待评分"


@frappe.whitelist()
def assign_experts(application: str, experts: list[str] | str) -> list[str]:
	"""The province assigns experts to a filing: one Expert Review each, and a ToDo for the expert."""
	from frappe.desk.form.assign_to import add as assign

	frappe.only_for(("Cluster Province Officer", "System Manager"))
	frappe.get_doc("Cluster Application", application).check_permission("write")
	made = []
	for expert in json_argument(experts, "experts", (list,)):
		review = frappe.get_doc(
			{
				"doctype": "Expert Review",
				"application": application,
				"expert": expert,
				"scores": [{"criterion_group": group, "max_score": FULL_MARKS} for group in GROUPS],
			}
		).insert()
		assign(
			{
				"assign_to": [expert],
				"doctype": "Expert Review",
				"name": review.name,
				"description": _("Review the filing {0}").format(escape_html(review.cluster_name)),
			}
		)
		made.append(review.name)
	return made


@frappe.whitelist()
def expert_options(txt: str = "") -> list[dict]:
	"""Enabled users holding the expert role, for the province's assignment dialog."""
	frappe.only_for(("Cluster Province Officer", "System Manager"))
	holders = frappe.get_all(
		"Has Role", filters={"role": "Cluster Expert", "parenttype": "User"}, pluck="parent"
	)
	users = frappe.get_all(
		"User",
		filters={"name": ("in", holders or [""]), "enabled": 1},
		or_filters={"name": ("like", f"%{txt}%"), "full_name": ("like", f"%{txt}%")},
		fields=["name", "full_name"],
		limit=50,
	)
	return [{"value": user.name, "description": user.full_name} for user in users]
