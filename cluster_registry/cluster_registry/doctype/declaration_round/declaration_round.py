import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import escape_html

from cluster_registry.cluster_registry.form_versions import load_form
from cluster_registry.cluster_registry.input_checks import check_figures, label, throw_problems
from cluster_registry.cluster_registry.uniqueness import seed_series
from cluster_registry.rules.inputs import Problem


class FormOfAnotherKindError(frappe.ValidationError):
	"""An opening whose form version is of another kind or level."""

	field = "form_version"


class OpenedTwiceError(frappe.ValidationError):
	"""A kind and level opened twice in one round."""


class DeclarationRound(Document):
	def validate(self):
		check_figures(self)
		self.check_openings()

	def on_update(self):
		self.copy_deadlines_to_filings()
		seed_series("Cluster Application", {"round_year": self.round_year})
		units = frappe.get_all(
			"Administrative Region", filters={"region_level": ("in", ("省", "市"))}, pluck="name"
		)
		seed_series("Recommendation List", *({"recommending_unit": unit} for unit in units))

	def copy_deadlines_to_filings(self):
		"""Each filing shows (and the desk counts late ones by) the deadlines of its opening."""
		for row in self.openings:
			frappe.db.set_value(
				"Cluster Application",
				{"declaration_round": self.name, "filing_kind": row.filing_kind, "level": row.level},
				{"county_deadline": row.county_deadline, "city_deadline": row.city_deadline},
				update_modified=False,
			)

	def check_openings(self):
		seen = set()
		problems = []
		for row in self.openings:
			form = load_form(row.form_version)
			if (form["filing_kind"], form["level"]) != (row.filing_kind, row.level):
				frappe.throw(
					_(
						"{0}, row {1}: form version {2} is the {3} {4} form, not a {5} {6} one. Choose a matching version."
					).format(
						label(self.doctype, "openings"),
						row.idx,
						escape_html(row.form_version),
						form["level"],
						form["filing_kind"],
						row.level,
						row.filing_kind,
					),
					FormOfAnotherKindError,
					title=_("Declaration Round"),
				)
			if (row.filing_kind, row.level) in seen:
				frappe.throw(
					_("{0}, row {1}: {2} {3} is opened twice; keep one row for it.").format(
						label(self.doctype, "openings"), row.idx, row.level, row.filing_kind
					),
					OpenedTwiceError,
					title=_("Declaration Round"),
				)
			seen.add((row.filing_kind, row.level))
			if row.county_deadline and row.city_deadline and row.city_deadline < row.county_deadline:
				problems.append(
					(
						row,
						Problem(
							"end_before_start",
							"city_deadline",
							row.city_deadline,
							"county_deadline",
							row.county_deadline,
						),
					)
				)
		if problems:
			throw_problems(problems)

	def opening(self, filing_kind: str, level: str):
		return next(
			(row for row in self.openings if (row.filing_kind, row.level) == (filing_kind, level)), None
		)
