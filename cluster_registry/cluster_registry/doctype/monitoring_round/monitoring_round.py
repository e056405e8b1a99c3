import frappe
from frappe import _
from frappe.model.document import Document

from cluster_registry.cluster_registry.input_checks import label
from cluster_registry.cluster_registry.monitoring_filings import open_filings
from cluster_registry.cluster_registry.territory import permitted_regions
from cluster_registry.cluster_registry.uniqueness import AlreadyRecordedError


class NotAProvinceError(frappe.ValidationError):
	field = "province"


class NotYourProvinceError(frappe.PermissionError):
	"""A monitoring round opened by an official of another province."""

	field = "province"


class ThresholdsError(frappe.ValidationError):
	"""Thresholds out of order: 0 < severely behind ≤ on track."""

	field = "severe_threshold"


class MonitoringRound(Document):
	def validate(self):
		self.check_province()
		self.check_one_round_a_year()
		self.check_thresholds()

	def after_insert(self):
		open_filings(self.name)

	def check_province(self):
		if frappe.db.get_value("Administrative Region", self.province, "region_level") != "省":
			frappe.throw(
				_("{0} must be a province-level region.").format(label(self.doctype, "province")),
				NotAProvinceError,
				title=_("Monitoring Round"),
			)
		regions = permitted_regions()
		if regions is not None and self.province not in regions:
			frappe.throw(
				_("You may open monitoring rounds for your own province only."),
				NotYourProvinceError,
				title=_("Monitoring Round"),
			)

	def check_one_round_a_year(self):
		existing = frappe.db.exists(
			self.doctype, {"province": self.province, "data_year": self.data_year, "name": ("!=", self.name)}
		)
		if existing:
			frappe.throw(
				_("The province already has the monitoring round {0} for {1}: open it instead.").format(
					existing, self.data_year
				),
				AlreadyRecordedError,
				title=_("Monitoring Round"),
			)

	def check_thresholds(self):
		on_track, severe = self.on_track_threshold or 0, self.severe_threshold or 0
		if not (0 < severe <= on_track):
			frappe.throw(
				_("{0} must be above 0 and not above {1}.").format(
					label(self.doctype, "severe_threshold"), label(self.doctype, "on_track_threshold")
				),
				ThresholdsError,
				title=_("Monitoring Round"),
			)
