import frappe
from frappe import _
from frappe.utils import escape_html, getdate

from cluster_registry.cluster_registry.input_checks import check_figures, label, throw_problems
from cluster_registry.cluster_registry.link_checks import may_read
from cluster_registry.cluster_registry.refusals import refuse
from cluster_registry.cluster_registry.uniqueness import AlreadyRecordedError, UniqueRecord
from cluster_registry.rules.inputs import Problem
from cluster_registry.rules.uscc import normalize, uscc_problem


class CreditCodeError(frappe.ValidationError):
	"""A 统一社会信用代码 that cannot be one (GB 32100-2015)."""

	field = "uscc"


class Enterprise(UniqueRecord):
	def autoname(self):
		self.uscc = normalize(self.uscc)
		self.name = self.uscc

	def validate(self):
		self.uscc = normalize(self.uscc)
		self.check_uscc()
		check_figures(self)
		self.check_honour_dates()

	def check_uscc(self):
		field = label(self.doctype, "uscc")
		problem = uscc_problem(self.uscc)
		if problem:
			messages = {
				"length": _(
					"{0} {1} has {2} characters; it must have 18. Copy it again from the business licence."
				),
				"characters": _(
					"{0} {1} contains characters that never appear in one ({2}): only digits and capital letters other than I, O, Z, S and V are used."
				),
				"check_digit": _(
					"{0} {1} is not a valid code: by GB 32100-2015 its last character would be {2}. Check every character against the business licence."
				),
			}
			frappe.throw(
				messages[problem.rule].format(field, escape_html(self.uscc), escape_html(problem.detail)),
				CreditCodeError,
				title=field,
			)
		if self.is_new():
			self.check_duplicate()

	def duplicate_of(self) -> str | None:
		return frappe.db.get_value(self.doctype, self.uscc, "name")

	def refuse_duplicate(self, existing: str):
		"""Names the enterprise registered under the code only to a user who may read it."""
		field = label(self.doctype, "uscc")
		if may_read(self.doctype, existing):
			message = _(
				"{0} {1} is already registered, for {2}: open that enterprise instead of adding it again."
			).format(
				field,
				escape_html(self.uscc),
				escape_html(frappe.db.get_value(self.doctype, existing, "enterprise_name")),
			)
		else:
			message = _(
				"{0} {1} is already registered by another region's officials: an enterprise is registered once. Ask them, or the province, to make it available to you."
			).format(field, escape_html(self.uscc))
		refuse(AlreadyRecordedError, message, title=field, field="uscc")

	def check_honour_dates(self):
		problems = [
			(
				row,
				Problem("end_before_start", "valid_until", row.valid_until, "year_awarded", row.year_awarded),
			)
			for row in self.honours
			if row.valid_until and getdate(row.valid_until).year < (row.year_awarded or 0)
		]
		if problems:
			throw_problems(problems)
