import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import escape_html

from cluster_registry.approval_states import AFTER_CITY
from cluster_registry.cluster_registry import filing_rights
from cluster_registry.cluster_registry.approval import refuse_over_quota
from cluster_registry.cluster_registry.input_checks import label
from cluster_registry.filing_terms import APPLY, NATIONAL
from cluster_registry.rules import steps
from cluster_registry.rules.quotas import Place, over_quota

# Filings the province may put on its list to MIIT.
RECOGNISED_BY_PROVINCE = (
	"省级认定",
	"复核通过",
	"已推荐工信部",
	"国家级认定",
	"国家级未认定",
	"国家复核通过",
	"国家复核未通过",
)


class FilingListedTwiceError(frappe.ValidationError):
	"""A filing twice on a list, or on a second list of the same level."""


class NotYourUnitError(frappe.PermissionError):
	field = "recommending_unit"


class FilingNotListableError(frappe.ValidationError):
	"""A filing of another round, kind or city, or not yet recommended at the list's level."""


class RecommendationList(Document):
	def validate(self):
		self.by_province = self.unit_level() == "省"
		self.check_recommending_unit()
		applications = {row.application: row for row in self.items}
		if len(applications) != len(self.items):
			frappe.throw(
				_("A filing appears twice in the list: keep it once."),
				FilingListedTwiceError,
				title=_("Recommendation List"),
			)
		self.check_one_list_per_filing()
		filings = frappe.get_all(
			"Cluster Application",
			filters={"name": ("in", list(applications))},
			fields=[
				"name",
				"cluster",
				"cluster_name",
				"sub_sector",
				"city",
				"declaration_round",
				"filing_kind",
				"level",
				"status",
			],
		)
		for filing in filings:
			self.check_filing(filing, applications[filing.name].idx)
		round_limits = frappe.db.get_value(
			"Declaration Round",
			self.declaration_round,
			["quota_per_city", "quota_per_sub_sector", "quota_to_miit"],
			as_dict=True,
		)
		places = {Place(f.cluster, f.sub_sector) for f in filings}
		if self.by_province:
			refuse_over_quota(over_quota(places, total=round_limits.quota_to_miit))
		elif self.filing_kind == APPLY:
			refuse_over_quota(
				over_quota(places, round_limits.quota_per_city, round_limits.quota_per_sub_sector)
			)

	def on_trash(self):
		self.check_recommending_unit()

	def unit_level(self) -> str | None:
		return frappe.db.get_value("Administrative Region", self.recommending_unit, "region_level")

	def check_recommending_unit(self):
		"""A city's officials keep their city's list, the province's officials the province's."""
		if filing_rights.is_system():
			return
		levels, unit_level = filing_rights.user_levels(), self.unit_level()
		if not (
			(unit_level == "市" and steps.CITY in levels) or (unit_level == "省" and steps.PROVINCE in levels)
		):
			frappe.throw(
				_(
					"{0} must be your own unit: a city's officials keep their city's list, the province's officials the province's."
				).format(label(self.doctype, "recommending_unit")),
				NotYourUnitError,
				title=_("Recommendation List"),
			)

	def check_one_list_per_filing(self):
		"""A filing is on one city list and one province list at most; the database holds it too
		(Recommendation Item.list_slot is unique), so two lists saved at once cannot both take it."""
		# lists of a round are saved one at a time (the round's row is locked until commit)
		frappe.db.get_value("Declaration Round", self.declaration_round, "name", for_update=True)
		level = "省" if self.by_province else "市"
		for row in self.items:
			row.list_slot = f"{row.application}/{level}"
		item = frappe.qb.DocType("Recommendation Item")
		taken = (  # a locking read: what the lists saved before this one committed
			frappe.qb.from_(item)
			.select(item.parent, item.cluster_name)
			.where(
				item.list_slot.isin([row.list_slot for row in self.items] or [""])
				& (item.parent != self.name)
			)
			.for_update()
			.run(as_dict=True)
		)
		if taken:
			frappe.throw(
				_(
					"{0} is already on the recommendation list {1} of this round: a filing is listed once."
				).format(taken[0].cluster_name, taken[0].parent),
				FilingListedTwiceError,
				title=_("Recommendation List"),
			)

	def check_filing(self, filing, idx: int):
		if filing.declaration_round != self.declaration_round or filing.filing_kind != self.filing_kind:
			problem = _("it belongs to another round or kind of filing")
		elif self.by_province and (filing.level != NATIONAL or filing.status not in RECOGNISED_BY_PROVINCE):
			problem = _(
				"the province recommends to MIIT only national-level filings it has recognised or passed"
			)
		elif not self.by_province and filing.city != self.recommending_unit:
			problem = _("it is not a filing of this city")
		elif not self.by_province and filing.status not in AFTER_CITY:
			problem = _("the city has not recommended it yet (state {0})").format(filing.status)
		else:
			return
		frappe.throw(
			_("Row {0} ({1}) cannot be on this list: {2}.").format(
				idx, escape_html(filing.cluster_name), problem
			),
			FilingNotListableError,
			title=_("Recommendation List"),
		)


@frappe.whitelist()
def recommendable_filings(declaration_round: str, filing_kind: str, recommending_unit: str) -> list[dict]:
	"""The filings the unit may put on its list: the city's recommended ones, or for the province
	the national-level filings it has recognised or passed."""
	frappe.has_permission("Recommendation List", "create", throw=True)
	by_province = frappe.db.get_value("Administrative Region", recommending_unit, "region_level") == "省"
	filters = {"declaration_round": declaration_round, "filing_kind": filing_kind}
	if by_province:
		filters |= {"level": NATIONAL, "status": ("in", RECOGNISED_BY_PROVINCE)}
	else:
		filters |= {"city": recommending_unit, "status": ("in", AFTER_CITY)}
	return frappe.get_list(
		"Cluster Application", filters=filters, fields=["name", "cluster_name"], order_by="name"
	)
