import frappe
from frappe import _

from cluster_registry.cluster_registry import library_counts
from cluster_registry.cluster_registry.indicator_figures import apply_figures, refresh_later_years
from cluster_registry.cluster_registry.input_checks import (
	field_problems,
	relation_problems,
	round_figures,
	throw_problems,
)
from cluster_registry.cluster_registry.refusals import refuse
from cluster_registry.cluster_registry.uniqueness import AlreadyRecordedError, UniqueRecord, ensure_unique
from cluster_registry.rules.inputs import DIGITAL_LEVEL_SHARES, EARLIEST_DATA_YEAR, INDICATOR_PARTS


class ClusterAnnualIndicator(UniqueRecord):
	def validate(self):
		self.check_duplicate()
		round_figures(self)
		self.refuse(field_problems(self, EARLIEST_DATA_YEAR))
		apply_figures(self)
		self.refuse(relation_problems(self, parts=INDICATOR_PARTS, share_groups=[DIGITAL_LEVEL_SHARES]))

	def on_update(self):
		if not self.flags.refreshing:
			refresh_later_years(self.cluster, self.year)

	def after_delete(self):
		refresh_later_years(self.cluster, self.year)

	def refuse(self, problems: list):
		if problems:
			throw_problems(problems)

	def duplicate_of(self) -> str | None:
		return self.find_other({"cluster": self.cluster, "year": self.year})

	def refuse_duplicate(self, existing: str):
		refuse(
			AlreadyRecordedError,
			_(
				"Cluster {0} already has its annual indicators for {1} ({2}): open that record and edit it instead of adding a second one."
			).format(frappe.utils.escape_html(self.cluster_name or self.cluster), self.year, existing),
			title=_("Duplicate annual indicators"),
			field="year",
		)


def on_doctype_update():
	ensure_unique("Cluster Annual Indicator", ("cluster", "year"))


@frappe.whitelist()
def get_enterprises_behind(indicator: str, field: str) -> list[dict]:
	"""The enterprises behind one of the record's library counts."""
	doc = frappe.get_doc("Cluster Annual Indicator", indicator)
	doc.check_permission("read")
	return library_counts.enterprises_behind(doc.cluster, doc.year, field)
