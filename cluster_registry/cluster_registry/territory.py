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


def within_territory(query, column, user: str | None = None):
	"""The frappe.qb query kept to the rows whose region column the user may see."""
	regions = permitted_regions(user)
	if regions is None:
		return query
	return query.where(column.isin(sorted(regions) or [""]))
