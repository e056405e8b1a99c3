"""Territory: a county officer sees its county, a city officer its counties, the province all of
its own. Lists, forms, the REST API, prints and files follow Frappe's User Permissions on
Administrative Region; Script Reports do not, so they filter with `permitted_regions`."""

import frappe
from frappe.core.doctype.user_permission.user_permission import get_user_permissions


def permitted_regions(user: str | None = None) -> set[str] | None:
	"""The regions (with their descendants) the user may see, or None when region does not limit it."""
	allowed = get_user_permissions(user or frappe.session.user).get("Administrative Region")
	if not allowed:
		return None
	return {entry.doc for entry in allowed}


def region_condition(column, user: str | None = None):
	"""A frappe.qb condition keeping rows whose region column the user may see (None: no limit)."""
	regions = permitted_regions(user)
	if regions is None:
		return None
	return column.isin(sorted(regions) or [""])
