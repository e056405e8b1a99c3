import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import escape_html

from cluster_registry.cluster_registry import recognition
from cluster_registry.cluster_registry.indicator_figures import recompute_cluster
from cluster_registry.cluster_registry.input_checks import check_figures, label


class NotACountyError(frappe.ValidationError):
	"""A cluster's county or adjacent county that is not a county-level region."""


class CountyTwiceError(frappe.ValidationError):
	field = "other_counties"


class IndustrialCluster(Document):
	def validate(self):
		check_figures(self)
		self.check_counties()
		self.set_city_and_province()
		recognition.normalise(self)
		self.update(recognition.current(self))

	def check_counties(self):
		"""The home county and every other county covered are county-level regions, each once."""
		counties = [self.county] + [row.region for row in self.other_counties]
		levels = dict(
			frappe.get_all(
				"Administrative Region",
				filters={"name": ("in", counties)},
				fields=["name", "region_level"],
				as_list=True,
			)
		)
		wrong = [county for county in counties if levels.get(county) != "县"]
		if wrong:
			frappe.throw(
				_(
					"{0} must be county-level regions (县级行政区划); {1} is not. Choose the county (市辖区, 县 or 县级市) itself."
				).format(label(self.doctype, "county"), escape_html("、".join(wrong))),
				NotACountyError,
				title=_("Industrial Cluster"),
			)
		if len(set(counties)) != len(counties):
			frappe.throw(
				_("{0} lists the home county or one county twice: keep each county once.").format(
					label(self.doctype, "other_counties")
				),
				CountyTwiceError,
				title=_("Industrial Cluster"),
			)

	def set_city_and_province(self):
		lft, rgt = frappe.db.get_value("Administrative Region", self.county, ["lft", "rgt"])
		ancestors = frappe.get_all(
			"Administrative Region",
			filters={"lft": ("<", lft), "rgt": (">", rgt)},
			fields=["name", "region_level"],
		)
		by_level = {row.region_level: row.name for row in ancestors}
		self.province = by_level.get("省")
		self.city = by_level.get("市") or self.province


@frappe.whitelist()
def recompute_figures(cluster: str) -> int:
	"""Recompute every annual indicator record of the cluster (after its library changed)."""
	frappe.get_doc("Industrial Cluster", cluster).check_permission("write")
	return recompute_cluster(cluster)
