import re

import frappe
from frappe import _
from frappe.utils import escape_html
from frappe.utils.nestedset import NestedSet

from cluster_registry.cluster_registry.input_checks import label

# The level a region's parent must have (GB/T 2260: counties of municipalities sit under the province).
PARENT_LEVELS = {"省": (None,), "市": ("省",), "县": ("市", "省")}


class RegionCodeError(frappe.ValidationError):
	field = "region_code"


class RegionParentError(frappe.ValidationError):
	field = "parent_administrative_region"


class AdministrativeRegion(NestedSet):
	def validate(self):
		if not re.fullmatch(r"\d{6}", self.region_code or ""):
			frappe.throw(
				_("{0} must be the 6-digit code of GB/T 2260 (entered {1}).").format(
					label(self.doctype, "region_code"), escape_html(self.region_code)
				),
				RegionCodeError,
			)
		parent_level = (
			frappe.db.get_value(self.doctype, self.parent_administrative_region, "region_level")
			if self.parent_administrative_region
			else None
		)
		if parent_level not in PARENT_LEVELS[self.region_level]:
			frappe.throw(
				_("A region of level {0} cannot sit under {1}: choose a parent of level {2}.").format(
					escape_html(self.region_level),
					parent_level or _("no parent"),
					" / ".join(level or _("no parent") for level in PARENT_LEVELS[self.region_level]),
				),
				RegionParentError,
			)
